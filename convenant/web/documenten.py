"""Documents in the workplace: made by `convenant maak`'s own function, in the register's style.

Every document of a procedure page (a meeting's agenda, besluitenlijst and actiepuntenlijst;
a toetreding's kennisgeving and form; an exit's opzegging and overzicht; the
liquidatieoverzicht) comes from `convenant.maak.maak_document`, with the register's
huisstijl.yaml and settled readings, so the page, the download and the CLI give the same
document. HTML is shown in the page (a preview); md, html, docx and pdf are downloads. A
document that is only a CONCEPT says so in every format, and the page says why.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, Response

from convenant.documenten.soorten import van_invoer
from governance.datums import lang
from governance.errors import ConvenantFout
from governance.loader import Bestand, Bron

from .afhankelijkheden import pagina, werkplek
from .werkplek import Werkplek

router = APIRouter()

FORMATEN = ("html", "pdf", "docx", "md")
# "Markdown" is a word for a developer: to a secretaris it is a plain text file
LABEL = {"html": "HTML", "pdf": "PDF", "docx": "Word", "md": "tekstbestand"}
VERGADERDOCUMENTEN = van_invoer("vergadering")  # from the registry of kinds


def maak(w: Werkplek, soort: str, formaat: str, model: Any, pad: Path, **opties: Any) -> Any:
    """One document of the register in one format (a `convenant.maak.Document`)."""
    from convenant.maak import maak_document

    if formaat not in FORMATEN:
        raise HTTPException(404, f"Onbekend formaat '{formaat}'; kies html, pdf, docx of md.")
    bezetting, _ = w.bezetting()
    return maak_document(
        soort,
        formaat,
        w.convenant,
        Bestand(model, Bron(pad)),
        bezetting=bezetting,
        huisstijl=w.dienst.huisstijl(),
        register=w.register,
        keuze=w.keuze(),
        **opties,
    )


def antwoord(document: Any, naam: str, inline: bool = False) -> Response:
    """A made document as a response: shown (html, in the preview) or downloaded."""
    wijze = "inline" if inline and document.formaat == "html" else "attachment"
    return Response(
        document.inhoud,
        media_type=document.mime,
        headers={
            "Content-Disposition": f'{wijze}; filename="{naam}.{document.formaat}"',
            # the preview frame may show it; nothing else may frame or sniff it
            "X-Content-Type-Options": "nosniff",
        },
    )


def knoppen(basis: str, scheiding: str = "?") -> list[dict[str, str]]:
    """The download links of one document, in every format."""
    return [
        {"href": f"{basis}{scheiding}formaat={f}", "label": LABEL[f], "formaat": f}
        for f in FORMATEN
    ]


# --- a meeting's documents --------------------------------------------------------------------


@router.get("/vergaderingen/{id_}/documenten", response_class=HTMLResponse)
def vergaderdocumenten(request: Request, id_: str, soort: str = "agenda") -> Response:
    w = werkplek(request)
    gelezen = w.lees(id_)
    if soort not in VERGADERDOCUMENTEN:
        raise HTTPException(404, f"Geen document '{soort}' bij een vergadering.")
    if gelezen.vergadering is None:
        raise HTTPException(422, "Deze vergadering is niet te lezen; herstel haar eerst.")
    fout = concept = None
    redenen: list[str] = []
    try:
        concept = maak(w, soort, "md", gelezen.vergadering.model, gelezen.pad).concept
    except ConvenantFout as e:  # an unreadable part, or a document the rules refuse
        # what stops it in words; the file, line and key path only under technische details
        fout = e.voor_gebruiker()
        redenen = [m.tekst for m in getattr(e, "meldingen", [])]
    basis = f"/vergaderingen/{id_}/documenten/{soort}"
    v = gelezen.vergadering.model
    orgaan = w.convenant.orgaan.get(v.orgaan)
    naam = f"{orgaan.de_naam if orgaan else v.orgaan} van {lang(v.datum)}"
    return pagina(
        request,
        "documenten.html.j2",
        titel=f"Documenten bij de vergadering van {naam}",
        terug=(f"/vergaderingen/{id_}", f"vergadering van {naam}"),
        redenen=redenen,
        soorten=[(s, f"/vergaderingen/{id_}/documenten?soort={s}") for s in VERGADERDOCUMENTEN],
        soort=soort,
        voorbeeld=f"{basis}?formaat=html&inline=ja",
        knoppen=knoppen(basis),
        concept=concept,
        fout=fout,
    )


@router.get("/vergaderingen/{id_}/documenten/{soort}")
def vergaderdocument(
    request: Request, id_: str, soort: str, formaat: str = "html", inline: str = ""
) -> Response:
    w = werkplek(request)
    if soort not in VERGADERDOCUMENTEN:
        raise HTTPException(404, f"Geen document '{soort}' bij een vergadering.")
    gelezen = w.lees(id_)
    if gelezen.vergadering is None:
        raise HTTPException(422, "Deze vergadering is niet te lezen; herstel haar eerst.")
    document = maak(w, soort, formaat, gelezen.vergadering.model, gelezen.pad)
    return antwoord(document, f"{soort}-{id_}", inline == "ja")
