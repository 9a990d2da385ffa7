"""Documents ready to send: the context of each document, and rendering it with Jinja.

A context holds the input as it was given, with no empty values: a field the input lacks is
simply absent, so a template that needs it stops with StrictUndefined, and `render` turns that
into a message naming the field and the input file. A document never has a blank where a
fact should be. jinja2 is imported here only, so other commands never load it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import jinja2
import jinja2.exceptions
import jinja2.sandbox
from markupsafe import Markup
from pydantic import BaseModel

from governance.artikelen import weergave
from governance.begroting import Begroting
from governance.datums import MAANDEN, lang, plus_termijn
from governance.documenten import Addendum, BesluitVerwijzing, Opzegging, ToetredingsVerzoek
from governance.errors import (
    EXIT_NIET_GELDIG,
    ConvenantFout,
    GebruiksFout,
    InvoerFout,
    Melding,
    PastNiet,
    bedoelde_u,
)
from governance.geld import bedrag
from governance.huisstijl import Huisstijl
from governance.loader import Bestand, gebundeld
from governance.models import (
    Bezetting,
    Convenant,
    Lid,
    Orgaan,
    Termijn,
    Verdeelsleutel,
    Verslaglegging,
)
from governance.vergadering import Vergadering
from governance.zetels import beeld
from rules.lezingen import STANDAARD, Lezer, Lezingkeuze
from rules.liquidatie import Route
from rules.oordeel import Alternatief, Grond, Oordeel
from rules.termijnen import antwoord_uiterlijk
from rules.toets import gevoeligheid, toets
from rules.uittreding import Uittreding, ingang_opzegging

from . import sjabloongrenzen

SJABLONEN = gebundeld("templates")


class Geweigerd(ConvenantFout):
    """The document may not be made as asked (an agenda item the orgaan may not discuss)."""

    exit_code = EXIT_NIET_GELDIG


# --- filters ------------------------------------------------------------------------------------


def opsomming(items: Iterable[str]) -> str:
    """Dutch enumeration: a, b en c. Items that hold a comma themselves ("Openbaar Ministerie,
    arrondissement Noord-Nederland") are separated by semicolons, so each stays one item."""
    lijst = list(items)
    if len(lijst) <= 1:
        return "".join(lijst)
    scheiding = "; " if any("," in x for x in lijst) else ", "
    return scheiding.join(lijst[:-1]) + " en " + lijst[-1]


def regels(tekst: str) -> list[str]:
    """The lines of a macro's text, without blank ones (a Markup stays Markup: escaped once)."""
    return [r.strip() for r in tekst.split("\n") if r.strip()]


def _datum(waarde: dt.date) -> str:
    return lang(waarde)


def _bedrag_vast(waarde: Decimal | int | str) -> str:
    return bedrag(waarde).replace("€ ", "€\u00a0")


def getal(waarde: int | Decimal) -> str:
    """A whole number the Dutch way: 108.803."""
    return f"{int(waarde):,}".replace(",", ".")


def procent(waarde: Decimal, decimalen: int = 2) -> str:
    """A share as a Dutch percentage: 12,35 %."""
    return f"{waarde:.{decimalen}f}".replace(".", ",") + "\u00a0%"


def css_tekst(waarde: object) -> Markup:
    """Text safe inside a double-quoted CSS string in a <style> element (a footer's content)."""
    tekst = str(waarde)
    for teken, vervanging in (("\\", "\\5C "), ('"', "\\22 "), ("<", "\\3C "), ("\n", "\\A ")):
        tekst = tekst.replace(teken, vervanging)
    return Markup(tekst)


def omgeving(formaat: str, eigen_sjablonen: Path | None = None) -> jinja2.Environment:
    laders: list[jinja2.BaseLoader] = [jinja2.FileSystemLoader(str(SJABLONEN))]
    if eigen_sjablonen is not None:
        if not eigen_sjablonen.is_dir():
            raise GebruiksFout(f"{eigen_sjablonen}: de sjablonenmap bestaat niet")
        laders.insert(0, sjabloongrenzen.MapLader(eigen_sjablonen))
    # A user's own templates are code from outside the project: sandboxed, and bounded.
    klasse = sjabloongrenzen.BegrensdeSandbox if eigen_sjablonen else jinja2.Environment
    env = klasse(
        loader=jinja2.ChoiceLoader(laders),
        autoescape=formaat == "html",
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        datum=_datum,
        # On a printed page an amount never breaks between the euro sign and the number.
        bedrag=_bedrag_vast if formaat == "html" else bedrag,
        opsomming=opsomming,
        artikel=weergave,
        getal=getal,
        procent=procent,
        css=css_tekst,
        klein=_klein,
        regels=regels,
    )
    if isinstance(env, sjabloongrenzen.BegrensdeSandbox):
        env.begrens_filters()
    return env


_ONTBREKEND = re.compile(r"has no attribute '([^']+)'|'([^']+)' is undefined")


def _sjabloonfout(e: Exception, soort: str, naam: str, invoer: Path) -> ConvenantFout:
    """A template error as the message a secretaris can act on."""
    if isinstance(e, jinja2.UndefinedError):
        gevonden = _ONTBREKEND.search(str(e))
        veld = next((g for g in gevonden.groups() if g), str(e)) if gevonden else str(e)
        # A user's own template adds where it asks (a note): then it may be misspelt there.
        plek = "; ".join(getattr(e, "__notes__", []))
        return InvoerFout(
            [
                Melding(
                    str(invoer),
                    f"het document '{soort}' vraagt '{veld}', maar dat staat niet in dit bestand"
                    + (f" (gevraagd in het eigen sjabloon {plek})" if plek else ""),
                    herstel=(
                        f"staat '{veld}' verkeerd gespeld in het sjabloon, verbeter het daar; "
                        "anders "
                        if plek
                        else ""
                    )
                    + f"vul '{veld}' in en maak het document opnieuw",
                )
            ]
        )
    if isinstance(e, jinja2.TemplateNotFound):
        return GebruiksFout(f"geen sjabloon '{naam}' gevonden")
    if isinstance(e, jinja2.TemplateSyntaxError):
        return GebruiksFout(f"{e.filename or naam}:{e.lineno}: fout in het sjabloon: {e.message}")
    if isinstance(e, jinja2.exceptions.SecurityError):
        return GebruiksFout(f"{naam}: het sjabloon doet iets wat niet mag: {e}")
    if isinstance(e, ConvenantFout):
        return e
    return GebruiksFout(f"{naam}: het sjabloon kon niet worden gevuld: {e}")


def render(
    soort: str,
    formaat: str,
    context: dict[str, Any],
    invoer: Path,
    eigen_sjablonen: Path | None = None,
) -> str:
    """A document as Markdown or HTML text."""
    env = omgeving(formaat, eigen_sjablonen)
    naam = f"{soort}.{formaat}.j2"
    try:
        if eigen_sjablonen is not None:
            return sjabloongrenzen.render(env, naam, context)
        return env.get_template(naam).render(**context)
    except (jinja2.TemplateError, ConvenantFout) as e:
        raise _sjabloonfout(e, soort, naam, invoer) from None


# --- formats and house style ---------------------------------------------------------------------

FORMATEN = ("md", "html", "docx", "pdf")
MIME = {
    "md": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}
NEUTRAAL = Huisstijl()


@dataclass(frozen=True)
class Document:
    """A made document: its content (text for md/html, bytes for docx/pdf), and why, if so,
    it is only a CONCEPT (a form whose besluit is missing or not adopted)."""

    soort: str
    formaat: str
    inhoud: str | bytes
    concept: tuple[str, ...] = ()

    @property
    def mime(self) -> str:
        return MIME[self.formaat]


def _logo_uri(pad: Path) -> str:
    import base64

    soort = "png" if pad.suffix.lower() == ".png" else "jpeg"
    return f"data:image/{soort};base64," + base64.b64encode(pad.read_bytes()).decode()


_DATUM = re.compile(rf"\b(\d{{1,2}}) ({'|'.join(MAANDEN)}) (\d{{4}})\b")
_ARTIKEL = re.compile(r"\b(art\.|artikel) (\d)")
# "4 voor, 1 tegen", "0,5 fte", "3 procent": a number stays with its word
_AANTAL = re.compile(r"\b(\d+(?:,\d+)?) (voor|tegen|onthoudingen|onthouding|fte|procent)\b")


def onbreekbaar(html: str) -> str:
    """Keep a date ("10 maart 2027"), an amount ("€ 1.234,50"), an article ("art. 5.6") and a
    count ("4 voor") on one line in HTML and PDF:
    a reader should not find "11" at the end of one line and "mei 2027" on the next."""
    html = _DATUM.sub("\\1\u00a0\\2\u00a0\\3", html).replace("€ ", "€\u00a0")
    return _AANTAL.sub("\\1\u00a0\\2", _ARTIKEL.sub("\\1\u00a0\\2", html))


def stijl(
    soort: str, huisstijl: Huisstijl, context: dict[str, Any], formaat: str
) -> dict[str, Any]:
    """What every template gets from the house style: letterhead, kenmerk, footer, signatory."""
    h = huisstijl
    # A letter on its sender's own paper (an opzegging) carries none of the register's marks.
    eigen = bool(context.get("eigen_briefhoofd"))
    logo = None if eigen else h.logo_pad
    uit: dict[str, Any] = {
        "huisstijl": {
            "organisatie": h.organisatie,
            "onderregel": h.onderregel or "",
            "retouradres": h.retouradres,
            "kleur": h.kleur,
            "voettekst": "" if eigen else h.voettekst or "",
            "logo": _logo_uri(logo) if logo and formaat in ("html", "pdf") else "",
        },
        # A letter on another's letterhead (an opzegging) carries that sender's prefix.
        "kenmerk": f"{context.get('kenmerk_voorvoegsel', h.kenmerk_voorvoegsel)}/{context['kenmerk_code']}",
        "formaat": formaat,
    }
    # The house style's signatory for this kind replaces the one the bezetting gave.
    if soort in h.ondertekenaars and "ondertekenaar_rol" in context:
        uit[context["ondertekenaar_rol"]] = h.ondertekenaars[soort].model_dump()
    return uit


def opmaak(
    soort: str,
    formaat: str,
    context: dict[str, Any],
    invoer: Path,
    huisstijl: Huisstijl | None = None,
    eigen_sjablonen: Path | None = None,
) -> Document:
    """A document's context in one format, in the house style (neutral without one)."""
    huisstijl = huisstijl or NEUTRAAL
    eigen_sjablonen = eigen_sjablonen or huisstijl.sjablonen_pad
    volledig = {
        "voorbeeld": [],
        "concept": [],
        **context,
        **stijl(soort, huisstijl, context, formaat),
    }
    concept = tuple(volledig["concept"])
    if formaat == "md":
        return Document(
            soort, formaat, render(soort, "md", volledig, invoer, eigen_sjablonen), concept
        )
    if formaat == "html":
        html = onbreekbaar(render(soort, "html", volledig, invoer, eigen_sjablonen))
        return Document(soort, formaat, html, concept)
    from . import formaten

    if formaat == "pdf":
        html = onbreekbaar(render(soort, "html", volledig, invoer, eigen_sjablonen))
        eigen_html = eigen_sjablonen / f"{soort}.html.j2" if eigen_sjablonen else None
        # what a PDF refusal names: the own template, else the input (too large a document)
        bron = eigen_html if eigen_html and eigen_html.is_file() else eigen_sjablonen or invoer
        return Document(soort, formaat, formaten.naar_pdf(html, sjabloon=str(bron)), concept)
    if formaat == "docx":
        mappen = [m for m in (eigen_sjablonen, SJABLONEN) if m is not None]
        sjabloon = formaten.docx_sjabloon(soort, mappen)
        eigen = not sjabloon.resolve().is_relative_to(SJABLONEN.resolve())
        env = omgeving("docx", eigen_sjablonen if eigen else None)
        if eigen and eigen_sjablonen is not None:
            # a user's Word template: the same folder, time and memory bounds as a text one
            sjabloon = sjabloongrenzen.binnen_map(eigen_sjablonen, sjabloon)
        with sjabloongrenzen.bewaakt() if eigen else contextlib.nullcontext():
            inhoud = formaten.naar_docx(
                sjabloon,
                volledig,
                env,
                huisstijl.logo_pad,
                lambda e: _sjabloonfout(e, soort, sjabloon.name, invoer),
                eigen,
                _eigenschappen(soort, volledig, huisstijl),
            )
        return Document(soort, formaat, inhoud, concept)
    raise GebruiksFout(f"onbekend formaat '{formaat}'; kies een van {', '.join(FORMATEN)}")


def _eigenschappen(soort: str, context: dict[str, Any], huisstijl: Huisstijl) -> dict[str, str]:
    """A Word file's title, subject and author: the title as the HTML version's (its `titel`
    block, so it is worded once), the convenant as subject, the secretariat (or the sender of
    a letter on its own paper) as author."""
    env = omgeving("md")  # plain text: a title is no HTML
    sjabloon = env.get_template(f"{soort}.html.j2")
    blok = sjabloon.blocks["titel"](sjabloon.new_context(context))
    auteur = context.get("auteur") or ", ".join(
        filter(None, (huisstijl.organisatie, huisstijl.onderregel))
    )
    return {
        "titel": " ".join("".join(blok).split()),
        "onderwerp": context["convenant"]["titel"],
        "auteur": auteur,
    }


def maak_uit_bestand(
    soort: str,
    formaat: str,
    invoer: Path,
    *,
    register: Path | None = None,
    convenant_pad: Path | None = None,
    bezetting_pad: Path | None = None,
    verdeelsleutel_pad: Path | None = None,
    begroting_pad: Path | None = None,
    eigen_sjablonen: Path | None = None,
    met_toetsing: bool = False,
    route: Route = "opheffing",
    uittredend: str | None = None,
    uittreder_deelt: bool | None = None,
    zonder: Iterable[str] = (),
    datum: dt.date | None = None,
) -> Document:
    """A document from its input file, as `convenant maak` makes it: the register of the file
    (or `register`) gives the bezetting, verdeelsleutel, house style and settled readings."""
    from governance.bestanden import (
        bezetting_uit,
        huisstijl_uit,
        laad_begroting,
        laad_convenant,
        laad_sleutel,
        lezingen_uit,
        zoek_register,
    )
    from governance.loader import laad
    from governance.verwijzingen import controleer, dubbele_ids, ids_van
    from rules.lezingen import kies

    if soort not in DOCUMENTEN:
        raise GebruiksFout(
            f"onbekende documentsoort '{soort}'; kies een van {', '.join(DOCUMENTEN)}"
        )
    from governance.toetreding import met_toetredingen

    convenant = laad_convenant(convenant_pad)
    register = zoek_register(register, invoer)
    c = met_toetredingen(convenant.model, register)  # parties that acceded by a signed dossier
    gevonden = bezetting_uit(c, bezetting_pad, register)
    bestand = laad(invoer, DOCUMENTEN[soort][0])
    if meldingen := dubbele_ids(bestand.model, bestand.bron) + controleer(
        bestand.model, bestand.bron, ids_van(c), convenant=c
    ):
        raise InvoerFout(meldingen)
    # Documents judge as `convenant toets` does in this register: under its settled readings.
    opties: dict[str, Any] = {"register": register, "keuze": kies(c, (), lezingen_uit(c, register))}
    if soort == "besluitenlijst":
        opties["met_toetsing"] = met_toetsing
    if soort == "agenda" and datum is not None:
        opties["datum"] = datum
    if soort == "liquidatieoverzicht":
        opties["verdeelsleutel"] = laad_sleutel(convenant, verdeelsleutel_pad, register)
        opties |= {
            "route": route,
            "uittredend": uittredend,
            "uittreder_deelt": uittreder_deelt,
            "zonder": tuple(zonder),
        }
    if soort == "uittredingsoverzicht" and begroting_pad is not None:
        opties["begroting"] = laad_begroting(begroting_pad, c).model
        opties["verdeelsleutel"] = laad_sleutel(convenant, verdeelsleutel_pad, register)
        opties["uittreder_deelt"] = uittreder_deelt
    document = maak_document(
        soort,
        formaat,
        c,
        bestand,
        bezetting=gevonden.model if gevonden else None,
        huisstijl=huisstijl_uit(register),
        eigen_sjablonen=eigen_sjablonen,
        **opties,
    )
    # Said once the document is made, so that a message about the input file comes first.
    if gevonden is None and _leest_bezetting(c, soort, bestand.model):
        from .uitvoer import meld_zonder_bezetting

        meld_zonder_bezetting(
            "ontbreekt in het document wat daaruit komt (leden, voorzitter, secretaris, zetels)"
        )
    return document


# Documents that name members, signatories or seats from the bezetting (besides those of a
# meeting, which need it only for an orgaan with members of its own).
_UIT_BEZETTING = frozenset(
    {"toetredingsformulier", "kennisgeving-toetreding", "addendum", "uittredingsoverzicht"}
)


def _leest_bezetting(c: Convenant, soort: str, model: BaseModel) -> bool:
    if isinstance(model, Vergadering):
        return c.orgaan[model.orgaan].heeft_bezetting
    return soort in _UIT_BEZETTING


def maak_document(
    soort: str,
    formaat: str,
    c: Convenant,
    bestand: Bestand[Any],
    *,
    bezetting: Bezetting | None = None,
    huisstijl: Huisstijl | None = None,
    eigen_sjablonen: Path | None = None,
    **opties: Any,
) -> Document:
    """The one entry point for every caller (CLI, web): a document kind from its input file.

    `opties` are what a kind needs beyond its file: `verdeelsleutel` for the liquidation and
    exit overviews, `register` for forms that must find their besluit, and the like.
    """
    if soort not in DOCUMENTEN:
        raise GebruiksFout(
            f"onbekende documentsoort '{soort}'; kies een van {', '.join(DOCUMENTEN)}"
        )
    _, bouw = DOCUMENTEN[soort]
    try:
        context = bouw(c, bezetting, bestand, **opties)
    except PastNiet as e:  # about this file: say which, and where
        raise InvoerFout(
            [bestand.bron.melding(e.veld, str(e), "kies een ander document of een ander bestand")]
        ) from None
    return opmaak(soort, formaat, context, bestand.bron.pad, huisstijl, eigen_sjablonen)


# --- context ------------------------------------------------------------------------------------


# Kenmerk parts: the kind of document, and for meeting documents the orgaan.
AFKORTING = {
    "agenda": "AG",
    "besluitenlijst": "BL",
    "actiepuntenlijst": "AP",
    "toetredingsformulier": "TF",
    "kennisgeving-toetreding": "KT",
    "opzegging": "OZ",
    "addendum": "AD",
    "liquidatieoverzicht": "LQ",
    "uittredingsoverzicht": "UT",
    "jaaroverzicht": "JO",
    "notitie-lezingen": "NL",
}
ORGAANCODE = {"stuurgroep": "SG", "partneroverleg": "PO", "jaarvergadering": "JV"}
VOORBEELD_BEZETTING = (
    "De bezetting is de voorbeeldbezetting: de namen zijn functies, geen personen."
)
VOORBEELD_SLEUTEL = "De verdeelsleutel is een voorbeeld, geen vastgestelde inwonertallen."
VOORBEELD_BEGROTING = "De begroting is een voorbeeld met fictieve bedragen."


def document_kop(
    soort: str,
    datum: dt.date,
    orgaan: str | None = None,
    voorbeeld: Iterable[str] = (),
    concept: Iterable[str] = (),
    documentdatum: dt.date | None = None,
) -> dict[str, Any]:
    """The date a document carries (`documentdatum`, else `datum`), its kenmerk (without the
    house prefix, dated `datum`), and its banners."""
    code = AFKORTING[soort]
    if orgaan is not None:
        code = f"{ORGAANCODE.get(orgaan, orgaan[:2].upper())}-{code}"
    return {
        "documentdatum": documentdatum or datum,
        "kenmerk_code": f"{code}/{datum.isoformat()}",
        "voorbeeld": list(dict.fromkeys(voorbeeld)),
        "concept": list(concept),
    }


def _voorbeeld(bezetting: Bezetting | None) -> list[str]:
    return [VOORBEELD_BEZETTING] if bezetting is not None and bezetting.voorbeeld else []


def _data(model: BaseModel, *delen: str) -> dict[str, Any]:
    """The input without empty values, so that a template asking for one stops (StrictUndefined).
    The fields named in `delen` go inside a sentence of the document: their own closing
    punctuation goes, or the sentence would read "…Casusoverleg.;" or "…. (art. 22.1)"."""
    data = model.model_dump(exclude_none=True)
    for veld in delen:
        if veld in data:
            data[veld] = _als_deel(data[veld])
    return data


def _als_deel(tekst: str) -> str:
    return tekst.strip().rstrip(".;:, ").strip()


def _basis(c: Convenant, orgaan: Orgaan | None = None) -> dict[str, Any]:
    uit: dict[str, Any] = {"convenant": {"titel": c.convenant.titel, "kort": c.convenant.kort}}
    if orgaan is not None:
        openbaar = orgaan.openbaarheid
        uit["orgaan"] = {
            "id": orgaan.id,
            "naam": orgaan.naam,
            "de_naam": orgaan.de_naam,
            "niet_openbaar": bool(openbaar and not openbaar.openbaar),
            "openbaarheid_artikelen": openbaar.artikelen if openbaar else [],
            "openbaarheid": _openbaarheid(orgaan),
        }
    return uit


def _openbaarheid(orgaan: Orgaan) -> str:
    """The grounds of "niet openbaar" as a header shows them; where they rest on a reading
    (the jaarvergadering, which the convenant does not regulate), it says so."""
    openbaar = orgaan.openbaarheid
    if openbaar is None:
        return ""
    artikelen = ", ".join(weergave(a) for a in openbaar.artikelen)
    if openbaar.aanname:
        return f"{artikelen}; een lezing: het convenant regelt dit voor {orgaan.de_naam} niet uitdrukkelijk"
    return artikelen


def _leden(bezetting: Bezetting | None, orgaan: str, datum: dt.date) -> list[Lid]:
    periode = bezetting.op(datum) if bezetting else None
    if periode is None or orgaan not in periode.organen:
        return []
    return list(periode.organen[orgaan].leden)


def _functionaris(
    bezetting: Bezetting | None, orgaan: str, functie: str, datum: dt.date
) -> dict[str, str]:
    """The voorzitter or secretaris on a date, absent from the context if the bezetting has none."""
    lid = next((lid for lid in _leden(bezetting, orgaan, datum) if lid.functie == functie), None)
    return {"naam": lid.naam} if lid else {}


def _ontvangers(c: Convenant, ids: Iterable[str]) -> list[str]:
    return [
        "alle Partijen"
        if i == "partijen"
        else (c.orgaan[i].de_naam if i in c.orgaan else c.rol[i].naam)
        for i in ids
    ]


# What a line of the besluitenlijst's Verzending sends, where it is not the list itself.
_STUKKEN = {
    "besluiten": "de genomen besluiten",
    "relevante_besluiten": "de besluiten die de Stuurgroep aangaan",
}
_LIJSTEN = {"notulen": "de notulen", "actiepuntenlijst": "de actiepuntenlijst"}
# What a besluit sends on its own, beside the lists: the document a Verslaglegging rule names.
_TE_VERZENDEN = {
    "jaarplan": "het vastgestelde Jaarplan",
    "werkproces": "het vastgestelde Werkproces",
}


def _wanneer(termijn: Termijn, volgende: dt.date | None, vanaf: dt.date | None = None) -> str:
    """By when, as the plan the list states; a term that runs from this meeting gets its date."""
    if termijn.aantal is not None:
        na = f" na {termijn.vanaf}" if termijn.vanaf else ""
        datum = (
            f", dus uiterlijk {lang(plus_termijn(vanaf, termijn.aantal, termijn.eenheid))}"
            if vanaf and termijn.eenheid
            else ""
        )
        return f"binnen {termijn.aantal} {termijn.eenheid}{na}{datum}"
    uiterlijk = f", dus uiterlijk {lang(volgende - dt.timedelta(days=1))}" if volgende else ""
    if termijn.moment == "niet_bepaald":
        # The convenant sets no term; the reading informeren_gemeenten_termijn sends these with
        # the lists. The line says so, and cites no article for a term it does not contain.
        return f"met deze lijst{uiterlijk}"
    return f"vóór de volgende vergadering{uiterlijk}"


def _gevolgd_door(
    c: Convenant, regel: Verslaglegging, oordelen: Iterable[Oordeel]
) -> list[Oordeel]:
    """The adopted besluiten whose consequence (a `gevolg` of their soort under the same
    article) is this sending: an adopted Jaarplan goes to colleges and Partneroverleg (4.8)."""
    artikelen = set(regel.artikelen)
    return [
        o
        for o in oordelen
        if o.oordeel == "aangenomen"
        and any(
            v.aard == "gevolg" and artikelen & set(v.artikelen) for v in c.soort[o.soort].vereisten
        )
    ]


def _verzending(
    c: Convenant,
    orgaan: Orgaan,
    document: str,
    volgende: dt.date | None,
    oordelen: Iterable[Oordeel] = (),
    datum: dt.date | None = None,
) -> list[dict[str, Any]]:
    """Who must receive a list, and what the meeting's besluiten send on, and by when (4.8,
    5.8, 5.9, 6.9c, 7.3, 7.5)."""
    oordelen = list(oordelen)
    regels = []
    for v in orgaan.verslaglegging:
        stukken = set(v.documenten)
        besluiten: list[Oordeel] = []
        if document == "besluitenlijst" and stukken & _TE_VERZENDEN.keys():
            # what an adopted besluit sends on itself: only when the meeting adopted one
            besluiten = _gevolgd_door(c, v, oordelen)
            if not besluiten:
                continue
            stuk = next(_TE_VERZENDEN[d] for d in v.documenten if d in _TE_VERZENDEN)
            wat = f"{stuk}, besluitnummer {opsomming(o.id for o in besluiten)}"
        elif document in stukken:  # the lists themselves (5.8, 7.5)
            wat = ""
            if document == "besluitenlijst":
                wat = opsomming(
                    [_LIJSTEN[d] for d in v.documenten if d in _LIJSTEN] + ["deze lijst"]
                )
        elif document == "besluitenlijst" and stukken & _STUKKEN.keys():  # 5.9, 6.10, 7.3
            wat = _STUKKEN[v.documenten[0]]
        else:
            continue
        regels.append(
            {
                "aan": opsomming(_ontvangers(c, v.aan)),
                "wat": wat,
                # only a term the convenant sets; "with this list" is the secretariat's plan
                "wanneer": ""
                if v.termijn.moment == "niet_bepaald"
                else _wanneer(v.termijn, volgende, datum if besluiten else None),
                "artikelen": v.artikelen,
            }
        )
    return regels


def _agendabaar(orgaan: Orgaan, document: str) -> None:
    if not orgaan.vaste_agendapunten:
        raise PastNiet(
            f"een {document} maakt deze opdracht voor de Stuurgroep, het Partneroverleg en de jaarvergadering, niet voor {orgaan.de_naam}"
        )


def agenda(
    c: Convenant,
    bezetting: Bezetting | None,
    bestand: Bestand[Vergadering],
    *,
    datum: dt.date | None = None,
    **_: Any,
) -> dict[str, Any]:
    """An agenda is dated on the day it is made (`datum`, today unless given); its kenmerk
    names the meeting, so that a corrected agenda keeps it."""
    v = bestand.model
    orgaan = c.orgaan[v.orgaan]
    _agendabaar(orgaan, "agenda")
    verbod = next((x for x in orgaan.verboden_onderwerpen if x.onderwerp == "casuistiek"), None)
    afwezig = orgaan.afwezigheid  # whether, and by which article, an absent party holds a besluit
    punten: list[dict[str, Any]] = []
    for i, besluit in enumerate(v.besluiten):
        soort = c.soort[besluit.soort]
        if verbod and (besluit.casuistiek or soort.categorie == "casuistiek"):
            regel, kolom, pad = bestand.bron.zoek(("besluiten", i))
            raise Geweigerd(
                str(
                    Melding(
                        str(bestand.bron.pad),
                        f"agendapunt '{besluit.id}' ({besluit.onderwerp}) is casuïstiek; in {orgaan.de_naam} wordt geen casuïstiek besproken ({', '.join(weergave(a) for a in verbod.artikelen)})",
                        regel,
                        kolom,
                        pad,
                        "haal het punt van de agenda; bespreek de casus in het Casusoverleg",
                    )
                )
            )
        punten.append(
            {
                "titel": besluit.onderwerp,
                "doel": {**_doel(c, orgaan, soort), "omschrijving": soort.omschrijving},
                "treft": [c.partij[p].naam for p in besluit.treft]
                if afwezig and afwezig.aanhouden_indien_getroffen
                else [],
                "regels": [besluit.toelichting] if besluit.toelichting else [],
                "dekt": _onderwerp_sleutels(besluit.onderwerp, soort.naam),
            }
        )
    punten += [
        {
            "titel": onderwerp,
            "doel": {"bespreking": True},
            "regels": [],
            "dekt": _onderwerp_sleutels(onderwerp),
        }
        for onderwerp in v.besproken
    ]
    begin = [p for p in orgaan.vaste_agendapunten if p.plaats == "begin"]
    eind = [p for p in orgaan.vaste_agendapunten if p.plaats == "eind"]
    agendapunten: list[dict[str, Any]] = []
    for vast in begin:
        titel = vast.onderwerp
        if "vorige vergadering" in titel and v.vorige_vergadering:
            titel += f" van {lang(v.vorige_vergadering)}"
        # A fixed item the meeting covers with its own besluit or discussion appears once,
        # in the fixed item's place (the jaarvergadering's jaarverslag and jaarrekening).
        dekkend = next((p for p in punten if _onderwerp_sleutels(vast.onderwerp) & p["dekt"]), None)
        if dekkend is not None and _inhoudelijk(vast.onderwerp):
            if dekkend not in agendapunten:
                agendapunten.append(dekkend)
            continue
        agendapunten.append({"titel": titel, "regels": []})
    agendapunten += [p for p in punten if p not in agendapunten]
    agendapunten += [{"titel": p.onderwerp, "regels": []} for p in eind]
    for nummer, punt in enumerate(agendapunten, 1):
        punt["nummer"] = nummer
        punt.pop("dekt", None)
    leden = [lid.naam for lid in _leden(bezetting, v.orgaan, v.datum)]
    if v.uitgenodigd:
        aan = (
            "alle Partijen bij het convenant"
            if "alle" in v.uitgenodigd
            else opsomming(c.partij[p].naam for p in v.uitgenodigd)
        )
    elif leden:
        aan = f"de leden van {orgaan.de_naam}: {'; '.join(leden)}"
    else:
        aan = f"de leden van {orgaan.de_naam}"
    inbreng = ""
    if orgaan.inbreng_vooraf:
        inbreng = (
            f"De Partijen zijn op {lang(v.inbreng_gevraagd_op)} om inbreng gevraagd op de "
            "geagendeerde besluiten (art. 5.2)."
            if v.inbreng_gevraagd_op
            else "Met deze agenda worden de Partijen om inbreng gevraagd op de geagendeerde "
            "besluiten (art. 5.2)."
        )
    return {
        **_basis(c, orgaan),
        **document_kop(
            "agenda",
            v.datum,
            v.orgaan,
            _voorbeeld(bezetting) if leden and not v.uitgenodigd else [],
            documentdatum=datum or dt.date.today(),
        ),
        "vergadering": _data(v),
        "agendapunten": agendapunten,
        "aan": aan,
        "inbreng_gevraagd": inbreng,
        "slot": "Wie niet aanwezig kan zijn, wordt verzocht vooraf schriftelijk inbreng te "
        "leveren op de geagendeerde besluiten; een besluit dat een afwezige Partij in "
        "belangrijke mate kan treffen, wordt zonder die inbreng niet genomen."
        if orgaan.inbreng_vooraf or v.orgaan == "partneroverleg"
        else "",
    }


# Words that name the subject of an agenda item; "van", "de" and the like say nothing.
_ONDERWERPWOORDEN = ("jaarverslag", "jaarrekening", "jaarplan", "begroting", "werkproces")


def _onderwerp_sleutels(*teksten: str) -> set[str]:
    laag = " ".join(teksten).lower()
    return {w for w in _ONDERWERPWOORDEN if w in laag}


def _inhoudelijk(onderwerp: str) -> bool:
    """A fixed item about a document to adopt or discuss, not a formality like the opening."""
    return bool(_onderwerp_sleutels(onderwerp))


def _doel(c: Convenant, orgaan: Orgaan, soort: Any) -> dict[str, str]:
    """Why an item is on the agenda: to decide here, or to prepare the decision of the body
    that has the final say (5.7, 25.3); the templates word it."""
    if soort.voorbehouden_aan and orgaan.id not in soort.bevoegd:
        wie = (
            c.orgaan[soort.voorbehouden_aan].de_naam
            if soort.voorbehouden_aan in c.orgaan
            else soort.voorbehouden_aan
        )
        return {"voorbereiding_door": wie}
    if soort.bevoegd and orgaan.id not in soort.bevoegd:
        return {"voorbereiding_door": opsomming(c.orgaan[o].de_naam for o in soort.bevoegd)}
    return {}


def besluitenlijst(
    c: Convenant,
    bezetting: Bezetting | None,
    bestand: Bestand[Vergadering],
    *,
    met_toetsing: bool = False,
    keuze: Lezingkeuze = STANDAARD,
    register: Path | None = None,
    **_: Any,
) -> dict[str, Any]:
    v = bestand.model
    orgaan = c.orgaan[v.orgaan]
    _agendabaar(orgaan, "besluitenlijst")
    b = beeld(c, bestand, bezetting, register)  # dossiers from the same register as toets
    besluiten = {x.id: x for x in v.besluiten}
    gehoord = _gehoord(b)
    # The appendix says where another reading would change an outcome, so it needs the
    # verdicts under the other readings; without it the plain verdicts do.
    oordelen = gevoeligheid(b, keuze) if met_toetsing else toets(b, keuze)
    lijst = [
        {
            "nummer": o.id,
            "onderwerp": o.onderwerp,
            "tekst": besluiten[o.id].tekst or "",
            "uitkomst": _uitkomst(c, o, besluiten[o.id], gehoord),
            "stemming": _stemming(c, o),
        }
        for o in oordelen
    ]
    toetsing = _toetsing(c, oordelen, [x["uitkomst"] for x in lijst]) if met_toetsing else None
    volgorde = {p.id: i for i, p in enumerate(c.partijen)}
    voorzitter = {
        lid.id for lid in _leden(bezetting, v.orgaan, v.datum) if lid.functie == "voorzitter"
    }

    def plaats(zetel: str) -> tuple[int, int, str]:
        z = b.zetels[zetel]
        partij = z.eigen_partij or (z.partijen[0] if z.partijen else None)
        return (zetel not in voorzitter, volgorde.get(partij or "", len(volgorde)), z.naam)

    aanwezig = [
        b.zetels[z].naam + (", voorzitter" if z in voorzitter else "")
        for z in sorted(b.aanwezig, key=plaats)
    ]
    afwezig = [
        b.zetels[z].naam
        + (", met schriftelijke inbreng" if b.afwezig[z] else ", zonder schriftelijke inbreng")
        for z in sorted(b.afwezig, key=plaats)
    ]
    return {
        **_basis(c, orgaan),
        **document_kop("besluitenlijst", v.datum, v.orgaan, _voorbeeld(bezetting)),
        "vergadering": _data(v),
        "aanwezig": aanwezig,
        "afwezig": afwezig,
        "afwezig_tekst": "; ".join(afwezig),
        "besluiten": lijst,
        "toetsing": toetsing["besluiten"] if toetsing else [],
        "toetsing_vergadering": toetsing["vergadering"] if toetsing else [],
        "toetsing_lezingen": toetsing["lezingen"] if toetsing else "",
        "verzending": _verzending(
            c, orgaan, "besluitenlijst", v.volgende_vergadering, oordelen, v.datum
        ),
        "vastgesteld_op": _vastgesteld_op(register, bestand),
    }


def kort_oordeel(c: Convenant, oordeel: str, naar: str | None) -> str:
    """A verdict in a few words, for the outcome another reading would give."""
    if oordeel == "escaleren":
        return (
            f"voorgelegd aan {c.orgaan[naar].de_naam if naar in c.orgaan else 'het bevoegde gezag'}"
        )
    return {"ongeldig": "niet geldig genomen"}.get(oordeel, oordeel)


def _andere_lezing(c: Convenant, alternatieven: list[Alternatief]) -> str:
    """Where a reading decides: what the other reading(s) would make of the besluit."""
    zinnen = [
        f"onder de lezing “{a.uitspraak.rstrip('.')}” zou de uitkomst zijn: "
        f"{kort_oordeel(c, a.oordeel, a.escaleren_naar)}"
        for a in alternatieven
    ]
    return "Rust op een lezing van het convenant; " + "; ".join(zinnen) + "."


def _toetsing(c: Convenant, oordelen: list[Oordeel], uitkomsten: list[str]) -> dict[str, Any]:
    """The appendix of `--met-toetsing`: per besluit its grounds in a reader's words, the
    deciding one marked, and a reading named only where another would change the outcome.
    Grounds of the meeting itself (openness, quorum, input asked) are listed once."""

    def noten(o: Oordeel) -> dict[int, str]:
        per_aanname: dict[str, list[Alternatief]] = {}
        for a in o.alternatieven or ():
            per_aanname.setdefault(a.aanname, []).append(a)
        uit: dict[int, str] = {}
        for aanname, alternatieven in per_aanname.items():
            dragers = [i for i, g in enumerate(o.gronden) if g.aanname == aanname]
            if not dragers:  # consulted by a rule that states no ground of its own
                dragers = [next(i for i, g in enumerate(o.gronden) if g.beslissend)]
            i = next((i for i in dragers if o.gronden[i].beslissend), dragers[-1])
            if o.gronden[i].vastgesteld is None:
                uit[i] = " ".join(filter(None, (uit.get(i), _andere_lezing(c, alternatieven))))
        for i, g in enumerate(o.gronden):
            if g.vastgesteld is not None:
                v = g.vastgesteld
                uit.setdefault(
                    i,
                    f"Volgens de lezing die de Stuurgroep op {lang(v.datum)} vaststelde (besluitnummer {v.besluit}).",
                )
        return uit

    alle_noten = [noten(o) for o in oordelen]

    def sleutel(g: Grond) -> tuple[str, str]:
        return (g.artikel, g.uitleg)

    gemeen: list[Grond] = []
    if len(oordelen) > 1:
        gedeeld = set.intersection(
            *(
                {sleutel(g) for i, g in enumerate(o.gronden) if not g.beslissend and i not in n}
                for o, n in zip(oordelen, alle_noten, strict=True)
            )
        )
        gemeen = [g for g in oordelen[0].gronden if sleutel(g) in gedeeld]
    weg = {sleutel(g) for g in gemeen}

    def grond(g: Grond, noot: str = "") -> dict[str, Any]:
        return {
            "artikel": g.artikel,
            "uitleg": _lezer(g.uitleg),
            "beslissend": g.beslissend,
            "lezing": noot,
        }

    per_besluit = [
        {
            "nummer": nummer,
            "onderwerp": o.onderwerp,
            "besluitnummer": o.id,
            "uitkomst": uitkomst,
            "gronden": [
                grond(g, n.get(i, "")) for i, g in enumerate(o.gronden) if sleutel(g) not in weg
            ],
        }
        for nummer, (o, n, uitkomst) in enumerate(
            zip(oordelen, alle_noten, uitkomsten, strict=True), 1
        )
    ]
    gelezen = any(g.aanname for o in oordelen for g in o.gronden)
    beslist = any(n for n in alle_noten)
    if not gelezen:
        lezingen = ""
    elif beslist:
        lezingen = (
            "Waar het convenant zwijgt of niet eenduidig is, volgt de toetsing een lezing van "
            "het convenant; de notitie over de lezingen zet ze op een rij. Hieronder is een "
            "lezing alleen vermeld waar een andere lezing de uitkomst van het besluit zou "
            "veranderen."
        )
    else:
        lezingen = (
            "Waar het convenant zwijgt of niet eenduidig is, volgt de toetsing een lezing van "
            "het convenant; de notitie over de lezingen zet ze op een rij. Geen van deze "
            "uitkomsten zou onder een andere lezing anders zijn."
        )
    return {
        "besluiten": per_besluit,
        "vergadering": [grond(g) for g in gemeen],
        "lezingen": lezingen,
    }


def _gehoord(b: Any) -> set[str]:
    """The parties heard at a meeting: present, or absent with written input (5.6, 7.1)."""
    return {p for z in b.aanwezig for p in b.zetels[z].partijen} | {
        p for z, inbreng in b.afwezig.items() if inbreng for p in b.zetels[z].partijen
    }


def _zin(tekst: str) -> str:
    """A ground's explanation as part of a sentence: lower-case start, no full stop."""
    tekst = tekst.strip().rstrip(".")
    return tekst[:1].lower() + tekst[1:] if tekst[1:2].islower() else tekst


def _uitkomst(c: Convenant, o: Oordeel, besluit: Any, gehoord: set[str]) -> str:
    """The outcome in words an outside reader understands, with the article that decided it."""
    if o.oordeel in ("aangenomen", "verworpen") and o.bindt is None:
        return o.oordeel
    grond = _hoofdgrond(o)
    if o.oordeel in ("aangenomen", "verworpen"):  # binding only the parties that agreed
        wie = opsomming(c.partij[p].naam for p in o.bindt or ())
        # 5 voor and 11 tegen reads as rejected unless the reason stands right here.
        artikelen = ", ".join(weergave(a) for a in grond.artikel.split(", "))
        return (
            f"{o.oordeel} voor de Partijen die zelf instemden; over de verwerkingsverantwoordelijkheid "
            f"onder de AVG beslist elke Partij zelf, dus het besluit bindt alleen "
            f"{wie or 'geen Partij'}. Partijen die niet zelf stemden, ook niet via hun gezamenlijke "
            f"afgevaardigde, beslissen nog elk voor zich ({artikelen})"
        )
    artikel = weergave(grond.artikel.split(", ")[0])
    if o.oordeel == "aangehouden":
        niet_gehoord = [c.partij[p].naam for p in besluit.treft if p not in gehoord]
        if niet_gehoord and ("5.6" in grond.artikel or "7.1" in grond.artikel):
            return f"aangehouden tot {opsomming(niet_gehoord)} gehoord is ({artikel})"
        if "22.4" in grond.artikel:
            return f"aangehouden tot alle Partijen akkoord hebben gegeven ({artikel})"
        return f"aangehouden, want {_zin(_lezer(grond.uitleg))} ({artikel})"
    if o.oordeel == "escaleren":
        naar = c.orgaan[o.escaleren_naar].de_naam if o.escaleren_naar else "het bevoegde gezag"
        if o.stemmen and o.stemmen.voor == o.stemmen.tegen:
            return f"de stemmen staakten; voorgelegd aan {naar} ({artikel})"
        return f"voorgelegd aan {naar} ({artikel})"
    return f"niet geldig genomen, want {_zin(_lezer(grond.uitleg))} ({artikel})"


def _stemming(c: Convenant, o: Oordeel) -> str:
    if o.stemmen:
        t = o.stemmen
        onthouding = "onthouding" if t.onthouding == 1 else "onthoudingen"
        return f"Stemming: {t.voor} voor, {t.tegen} tegen, {t.onthouding} {onthouding}."
    if o.bezwaren:
        return f"Bezwaar: {opsomming(c.partij[p].naam for p in o.bezwaren)}."
    return "Bij consensus."


def _hoofdgrond(o: Oordeel) -> Grond:
    """The ground that decided the verdict; the last (the vote) where none is marked."""
    return next(iter(_bepalend(o)), o.gronden[-1])


def _bepalend(o: Oordeel) -> list[Grond]:
    """The grounds that explain a verdict other than simply adopted or rejected by majority."""
    if o.geldig and o.bindt is None:
        return []
    return [g for g in o.gronden if g.beslissend]


def _vastgesteld_op(register: Path | None, bestand: Bestand[Vergadering]) -> dt.date | None:
    """The meeting that adopted this meeting's lists: a later meeting of the same orgaan in the
    register that records it adopted those of this date (`vorige_vastgesteld`)."""
    from governance.bestanden import laad_vergadering, vergaderbestanden

    v = bestand.model
    if register is None:
        return None
    for pad in vergaderbestanden(register):
        if pad.resolve() == bestand.bron.pad.resolve():
            continue
        try:
            ander = laad_vergadering(pad).model
        except ConvenantFout:  # a broken file is toets's to report, not this list's
            continue
        if (
            ander.orgaan == v.orgaan
            and ander.vorige_vergadering == v.datum
            and ander.vorige_vastgesteld
        ):
            return ander.datum
    return None


def _eerder_open(register: Path | None, bestand: Bestand[Vergadering]) -> list[tuple[dt.date, Any]]:
    """Actiepunten of earlier meetings of the same orgaan that are still open at this meeting:
    the last meeting (up to this one) that names an id gives its status. A list of 12 mei shows
    what 10 februari left open, as a running actiepuntenlijst does."""
    from governance.bestanden import laad_vergadering, vergaderbestanden

    v = bestand.model
    if register is None:
        return []
    laatst: dict[str, tuple[dt.date, Any]] = {}
    eerste: dict[str, dt.date] = {}
    vergaderingen = []
    for pad in vergaderbestanden(register):
        if pad.resolve() == bestand.bron.pad.resolve():
            continue
        try:
            ander = laad_vergadering(pad).model
        except ConvenantFout:  # a broken file is toets's to report, not this list's
            continue
        if ander.orgaan == v.orgaan and ander.datum < v.datum:
            vergaderingen.append(ander)
    for ander in sorted(vergaderingen, key=lambda x: x.datum):
        for a in ander.actiepunten:
            eerste.setdefault(a.id, ander.datum)
            laatst[a.id] = (ander.datum, a)
    hier = {a.id for a in v.actiepunten}
    return [(eerste[i], a) for i, (_, a) in laatst.items() if a.status == "open" and i not in hier]


def actiepuntenlijst(
    c: Convenant,
    bezetting: Bezetting | None,
    bestand: Bestand[Vergadering],
    *,
    register: Path | None = None,
    **_: Any,
) -> dict[str, Any]:
    v = bestand.model
    orgaan = c.orgaan[v.orgaan]
    if not any("actiepuntenlijst" in x.documenten for x in orgaan.verslaglegging):
        raise PastNiet(
            f"voor {orgaan.de_naam} schrijft het convenant geen actiepuntenlijst voor (5.8, 7.5)"
        )
    namen = (
        {lid.id: lid.naam for lid in _leden(bezetting, v.orgaan, v.datum)}
        | {p.id: p.naam for p in c.partijen}
        | {r.id: r.naam for r in c.rollen}
    )
    punten = [{**_data(a), "wie_naam": namen.get(a.wie, a.wie)} for a in v.actiepunten]
    eerder = [
        {**_data(a), "wie_naam": namen.get(a.wie, a.wie), "sinds": datum}
        for datum, a in _eerder_open(register, bestand)
    ]
    return {
        **_basis(c, orgaan),
        **document_kop("actiepuntenlijst", v.datum, v.orgaan, _voorbeeld(bezetting)),
        "vergadering": _data(v),
        "actiepunten": punten,
        "open": sum(1 for a in v.actiepunten if a.status == "open"),
        "eerder_open": eerder,
        "verzending": _verzending(c, orgaan, "actiepuntenlijst", v.volgende_vergadering),
    }


def _besluit_van_stuurgroep(
    c: Convenant,
    bezetting: Bezetting | None,
    register: Path | None,
    verwijzing: BesluitVerwijzing | None,
    wat: str,
    keuze: Lezingkeuze = STANDAARD,
) -> list[str]:
    """Why a form may not yet be sent: the besluit it rests on must exist and be adopted (22.4,
    23.2). Empty when it is; otherwise one plain sentence per reason, for the CONCEPT banner."""
    from governance.bestanden import laad_vergadering, vergaderbestanden

    if verwijzing is None:
        return [f"{wat} noemt nog geen besluit van de Stuurgroep over de toetreding (art. 22.4)."]
    datum = lang(verwijzing.datum)
    if verwijzing.besluit is None:
        return [f"{wat} noemt bij het besluit van de Stuurgroep van {datum} geen besluitnummer."]
    if register is None:
        return [
            f"Er is geen register gevonden om besluit {verwijzing.besluit} van {datum} in na te zien."
        ]
    for pad in vergaderbestanden(register):
        try:
            bestand = laad_vergadering(pad)
        except InvoerFout:
            continue  # an unreadable meeting cannot confirm anything; others may
        v = bestand.model
        if v.orgaan != "stuurgroep" or v.datum != verwijzing.datum:
            continue
        b = beeld(c, bestand, bezetting, register)
        for o in toets(b, keuze):
            if o.id != verwijzing.besluit:
                continue
            if o.oordeel == "aangenomen":
                return []
            besluit = next(x for x in v.besluiten if x.id == o.id)
            return [
                f"Besluit {o.id} van de Stuurgroep van {datum} is niet aangenomen, maar "
                f"{_uitkomst(c, o, besluit, _gehoord(b))}."
            ]
    return [
        f"Besluit {verwijzing.besluit} van de Stuurgroep van {datum} staat niet in het "
        f"register ({register})."
    ]


def _persoon(naam: str, functie: str) -> dict[str, str]:
    """A signatory; the function is dropped where the name already says it ("Manager ZVHD",
    "manager")."""
    rol = functie.split()[0].lower() if functie.split() else ""
    return {"naam": naam, "functie": "" if rol in naam.lower() else functie}


def _als_ondertekenaar(functionaris: dict[str, str], functie: str) -> dict[str, str]:
    """A signatory from the bezetting; empty (so a template asking for it stops) without one."""
    return _persoon(functionaris["naam"], functie) if functionaris else {}


def toetredingsformulier(
    c: Convenant,
    bezetting: Bezetting | None,
    bestand: Bestand[ToetredingsVerzoek],
    *,
    register: Path | None = None,
    keuze: Lezingkeuze = STANDAARD,
    **_: Any,
) -> dict[str, Any]:
    t = bestand.model
    besluit = t.besluit_stuurgroep
    peildatum = t.datum_ondertekening or (besluit.datum if besluit else None)
    voorzitter = (
        _functionaris(bezetting, "stuurgroep", "voorzitter", peildatum) if peildatum else {}
    )
    concept = _besluit_van_stuurgroep(
        c, bezetting, register, besluit, "Het toetredingsbestand", keuze
    )
    return {
        **_basis(c, c.orgaan["stuurgroep"]),
        **document_kop(
            "toetredingsformulier",
            peildatum or t.kennisgeving_op or t.aanvraag_ontvangen_op or dt.date.today(),
            voorbeeld=_voorbeeld(bezetting) if voorzitter else [],
            concept=concept,
        ),
        "verzoek": _data(t, "publieke_taak"),
        "vertegenwoordiger": _persoon(
            t.organisatie.vertegenwoordiger.naam, t.organisatie.vertegenwoordiger.functie
        ),
        # Before a besluit or a signing date names the day, no chair can be looked up: the
        # form leaves the name to be filled in (it is a CONCEPT then anyway).
        "sg": _als_ondertekenaar(voorzitter, "voorzitter van de Stuurgroep")
        if peildatum
        else {
            "naam": "....................................",
            "functie": "voorzitter van de Stuurgroep",
        },
        "ondertekenaar_rol": "sg",
    }


def kennisgeving_toetreding(
    c: Convenant, bezetting: Bezetting | None, bestand: Bestand[ToetredingsVerzoek], **_: Any
) -> dict[str, Any]:
    t = bestand.model
    if t.kennisgeving_op is None:  # everything in the letter is dated from the notice
        raise InvoerFout(
            [
                Melding(
                    str(bestand.bron.pad),
                    "het document 'kennisgeving-toetreding' vraagt 'kennisgeving_op', maar dat staat niet in dit bestand",
                    herstel="vul 'kennisgeving_op' in (de datum van de kennisgeving, 22.3)",
                )
            ]
        )
    secretaris = _functionaris(bezetting, "stuurgroep", "secretaris", t.kennisgeving_op)
    return {
        **_basis(c, c.orgaan["stuurgroep"]),
        **document_kop(
            "kennisgeving-toetreding",
            t.kennisgeving_op,
            voorbeeld=_voorbeeld(bezetting) if secretaris else [],
        ),
        "verzoek": _data(t, "publieke_taak"),
        "akkoord_uiterlijk": t.akkoord_uiterlijk or antwoord_uiterlijk(c, t.kennisgeving_op),
        "partijen": [p.naam for p in c.partijen_op(t.kennisgeving_op) if p.is_partij],
        "afzender": _als_ondertekenaar(secretaris, "secretaris van de Stuurgroep"),
        "ondertekenaar_rol": "afzender",
    }


def opzegging(
    c: Convenant,
    bezetting: Bezetting | None,
    bestand: Bestand[Opzegging],
    keuze: Lezingkeuze = STANDAARD,
    **_: Any,
) -> dict[str, Any]:
    o = bestand.model
    partij = c.partij[o.partij]
    if not partij.is_partij:
        raise InvoerFout(
            [
                bestand.bron.melding(
                    ("partij",),
                    f"'{o.partij}' is geen Partij en kan niet opzeggen (aanname vrd_geen_partij)",
                    "noem een Partij",
                )
            ]
        )
    context: dict[str, Any] = {
        **_basis(c, c.orgaan["stuurgroep"]),
        **document_kop("opzegging", o.datum),
        "kenmerk_voorvoegsel": (partij.kort or partij.id).upper().replace(" ", ""),
        "eigen_briefhoofd": True,
        "auteur": partij.naam,
        "opzegging": _data(o, "wijziging"),
        "partij": {"naam": partij.naam, "soort": partij.soort},
        # Always the function under the name: the name may be a placeholder that mentions it.
        "ondertekenaar_partij": {"naam": o.ondertekenaar.naam, "functie": o.ondertekenaar.functie},
    }
    if o.route == "opzegtermijn":
        lees = Lezer(c, keuze)
        context["ingang"] = ingang_opzegging(o.datum, lees)
        context["termijn_vanaf"] = _vanaf_in_brief(c, lees("ingang_opzegtermijn"))
    elif o.ingang_wijziging is not None:
        context["ingang"] = o.ingang_wijziging
    else:
        raise InvoerFout(
            [
                bestand.bron.melding(
                    ("route",),
                    "een opzegging wegens een wijziging (23.3) gaat in wanneer de wijziging van kracht wordt, maar 'ingang_wijziging' ontbreekt",
                    "vul 'ingang_wijziging' in",
                )
            ]
        )
    procedure = {p.id: p for p in c.procedures}
    context["tijdens"] = _tot_de_uittreding(partij.soort == "gemeente", context["ingang"])
    context["blijft"] = [_bepaling(b) for b in procedure["nawerking"].bepalingen]
    return context


def _tot_de_uittreding(gemeente: bool, ingang: dt.date) -> list[dict[str, Any]]:
    """What the leaving party still owes until its exit (25.2), in the letter's own voice; the
    annual contribution only for a gemeente (20.3), pro rata in the year of the exit."""
    uit: list[dict[str, Any]] = [
        {
            "omschrijving": "blijven wij volwaardig Partij, met onze rechten en verplichtingen",
            "artikelen": ["25.2", "20.4"],
            "lezing": False,
        }
    ]
    if gemeente:
        jaar = (
            f"over {ingang.year} naar rato van de dagen tot de uittreding"
            if (ingang.month, ingang.day) != (1, 1)
            else f"tot en met {ingang.year - 1}"
        )
        uit.append(
            {
                "omschrijving": f"betalen wij onze jaarlijkse bijdrage, {jaar}",
                "artikelen": ["20.3"],
                "lezing": False,
            }
        )
    return uit


def _vanaf_in_brief(c: Convenant, lezing: str | None) -> dict[str, str]:
    """From which day the twelve months run, as the letter states it (the reading followed,
    not the convenant's silence: that is for the secretariat's overview)."""
    if lezing in ("dag_van_opzegging", "dag_na_opzegging"):
        return {"lezing": lezing}
    gekozen = c.betwist["ingang_opzegtermijn"].lezing(lezing) if lezing else None
    return {"uitspraak": gekozen.uitspraak if gekozen else ""}


def _termijn_vanaf(
    c: Convenant, keuze: Lezingkeuze, lezing: str | None, wie: str = "deze brief"
) -> str:
    """From which day the twelve months run (25.2 is silent): the reading followed, in words,
    and who settled it (the Stuurgroep by a besluit, or else this letter)."""
    vanaf = {
        "dag_van_opzegging": "de dag waarop de Stuurgroep hem ontvangt",
        "dag_na_opzegging": "de dag na ontvangst door de Stuurgroep",
    }
    bevinding = c.betwist["ingang_opzegtermijn"]
    vast = keuze.vaststelling(bevinding)
    if lezing in vanaf:
        volgt = f"vanaf {vanaf[lezing]}"
    else:  # a reading added to convenant.yaml later: its own words
        gekozen = bevinding.lezing(lezing) if lezing else None
        volgt = f"volgens de lezing: {gekozen.uitspraak if gekozen else bevinding.aanname}"
    if vast is not None:
        orgaan = c.orgaan[vast.orgaan].de_naam if vast.orgaan in c.orgaan else vast.orgaan
        return (
            f"Het convenant zegt niet vanaf welke dag die loopt; {orgaan} stelde op "
            f"{lang(vast.datum)} vast (besluit {vast.besluit}) dat die loopt {volgt}."
        )
    return f"Het convenant zegt niet vanaf welke dag die loopt; {wie} rekent {volgt}."


def _bepaling(b: Any) -> dict[str, Any]:
    """A rule of a procedure for a letter: its sentence and articles; a reading it rests on
    becomes a plain remark, never an engine id."""
    return {
        "omschrijving": b.omschrijving,
        "artikelen": list(b.artikelen),
        "lezing": b.aanname is not None,
    }


def addendum(
    c: Convenant,
    bezetting: Bezetting | None,
    bestand: Bestand[Addendum],
    *,
    register: Path | None = None,
    keuze: Lezingkeuze = STANDAARD,
    **_: Any,
) -> dict[str, Any]:
    a = bestand.model
    voorzitter = _functionaris(bezetting, "stuurgroep", "voorzitter", a.besluit_stuurgroep.datum)
    return {
        **_basis(c, c.orgaan["stuurgroep"]),
        **document_kop(
            "addendum",
            a.besluit_stuurgroep.datum,
            voorbeeld=_voorbeeld(bezetting) if voorzitter else [],
            concept=_besluit_van_stuurgroep(
                c, bezetting, register, a.besluit_stuurgroep, "Het addendumbestand", keuze
            ),
        ),
        "addendum": _data(a),
        "voorstel_van": c.partij[a.voorstel_van].naam,
        "manager": _persoon(a.manager.naam, f"Manager van het {c.convenant.kort}"),
        "sg": _als_ondertekenaar(voorzitter, "voorzitter van de Stuurgroep"),
        "ondertekenaar_rol": "sg",
    }


SOORT_POST = {"personeel_vrd": "personeel in dienst van de VRD", "overig": "overige verplichting"}


def _verdeling(c: Convenant, u: Any) -> dict[str, Any]:
    """The gemeenten's shares as a table: weight, percentage and amount, with totals.

    Percentages are divided like money (largest remainder over 100,00), so the column adds up
    to exactly 100,00 % as the total row says."""
    from rules.liquidatie import verdeel

    procenten = verdeel(Decimal("100.00"), u.gewichten) if u.gewichten else {}
    return {
        "gemeenten": [
            {
                "naam": c.partij[g].naam,
                "gewicht": u.gewichten[g],
                "aandeel": procenten[g],
                "bedrag": b,
            }
            for g, b in u.gemeenten.items()
        ],
        "gewicht_totaal": sum(u.gewichten.values(), Decimal(0)),
        "gedeeld": u.gedeeld,
    }


# Pointers to commands and instructions to the secretaris, which a document leaves out.
_OPDRACHT = re.compile(r"\s*\(zie '[^']*'\)|\s*Zet '[^']*' onder '[^']*'[^.]*\.")


def _klein(zin: str) -> str:
    """A sentence continued after a colon: its first letter small, unless it opens an
    abbreviation (VRD, ZVHD)."""
    return zin[:1].lower() + zin[1:] if zin[1:2].islower() else zin


def _lezer(uitleg: str) -> str:
    """A ground's explanation for a document: capitalised, without pointers to commands."""
    tekst = _OPDRACHT.sub("", uitleg).strip()
    return tekst[:1].upper() + tekst[1:]


def liquidatieoverzicht(
    c: Convenant,
    bezetting: Bezetting | None,
    bestand: Bestand[Begroting],
    *,
    verdeelsleutel: Verdeelsleutel,
    route: Route = "opheffing",
    uittredend: str | None = None,
    uittreder_deelt: bool | None = None,
    zonder: Iterable[str] = (),
    keuze: Lezingkeuze = STANDAARD,
    **_: Any,
) -> dict[str, Any]:
    from rules.liquidatie import liquideer

    begroting = bestand.model
    gemeenten = {p.id for p in c.partijen if p.soort == "gemeente" and p.is_partij}
    for ident in (*zonder, *([uittredend] if uittredend else [])):
        if ident not in gemeenten:
            suggestie = bedoelde_u(ident, sorted(gemeenten))
            hint = f" (bedoelde u '{suggestie}'?)" if suggestie else ""
            raise GebruiksFout(f"'{ident}' is geen gemeente{hint}; zie 'convenant partijen'")
    if route == "uittreding" and uittredend is None:
        raise GebruiksFout(
            "geef bij --route uittreding de uittredende gemeente met --uittredend ID"
        )
    try:
        u = liquideer(
            c,
            begroting,
            verdeelsleutel,
            route,
            zonder,
            uittredend,
            uittreder_deelt,
            keuze,
        )
    except ValueError as e:
        raise GebruiksFout(str(e)) from None
    lezingen = dict(u.lezingen)
    aanleiding = _liquidatie_aanleiding(c, u, begroting, keuze, lezingen, uittredend)
    if zonder:
        aanleiding.append(
            "Niet meegerekend: " + opsomming(c.partij[z].naam for z in sorted(zonder)) + "."
        )
    verdeling = _verdeling(c, u)
    kop = document_kop(
        "liquidatieoverzicht",
        begroting.peildatum,
        voorbeeld=[VOORBEELD_BEGROTING] * begroting.voorbeeld
        + [VOORBEELD_SLEUTEL] * verdeelsleutel.voorbeeld,
    )
    # One budget, three routes: each overview its own title and kenmerk, so that they are
    # not mistaken for one another once sent.
    if route == "uittreding" and uittredend:
        titel = f"bij uittreding van {c.partij[uittredend].naam}"
        routecode = f"UITTREDING-{(c.partij[uittredend].kort or uittredend).upper()}"
    else:
        titel = {"rechter": "bij ontbinding door de rechter"}.get(route, "bij opheffing")
        routecode = route.upper()
    code, datum = kop["kenmerk_code"].rsplit("/", 1)
    kop["kenmerk_code"] = f"{code}/{routecode}/{datum}"
    return {
        **_basis(c),
        **kop,
        "titel": f"Liquidatieoverzicht {titel}",
        "route": route,
        "aanleiding": aanleiding,
        "begroting": _data(begroting),
        "sleutel": {"naam": verdeelsleutel.naam, "basis": verdeelsleutel.basis},
        "posten": [
            {
                "omschrijving": p.omschrijving,
                "soort_tekst": f"gedetacheerd door {c.partij[p.partner].naam}"
                if p.partner
                else SOORT_POST[p.soort],
                "bedrag": p.bedrag,
            }
            for p in begroting.posten
        ],
        "bedragen": {"totaal": u.totaal, "gedeeld": u.gedeeld, "vrd": u.eigen_kosten_vrd},
        "partners_bedragen": [
            {"naam": c.partij[p].naam, "bedrag": b} for p, b in sorted(u.partners.items())
        ],
        "gemeenten_bedragen": verdeling["gemeenten"],
        "gewicht_totaal": verdeling["gewicht_totaal"],
        "afronding": _afronding(c, u.afronding),
        "detachering": _detachering(c, keuze) if u.partners else "",
        # the division's key is said in the opening, with the costs it divides
        "toelichting": _liquidatie_toelichting(
            c, u, begroting, keuze, lezingen, uittredend, naar_rato=False
        ),
    }


def _volgt(c: Convenant, keuze: Lezingkeuze, aanname: str, geraadpleegd: bool = True) -> str:
    """Who settled the reading a document follows, ending in "dat": the Stuurgroep by a
    besluit, or else the document itself (a reading chosen in the input is the document's)."""
    bevinding = c.betwist.get(aanname)
    vast = keuze.vaststelling(bevinding) if bevinding is not None and geraadpleegd else None
    if vast is None:
        return "dit overzicht volgt de lezing dat"
    orgaan = c.orgaan[vast.orgaan].de_naam if vast.orgaan in c.orgaan else vast.orgaan
    return f"{orgaan} stelde op {lang(vast.datum)} vast (besluit {vast.besluit}) dat"


def _liquidatie_aanleiding(
    c: Convenant,
    u: Any,
    begroting: Begroting,
    keuze: Lezingkeuze,
    lezingen: dict[str, str],
    uittredend: str | None,
) -> list[str]:
    """Why there is a division and what the amounts are, in one account per route: opheffing
    (25.4), uittreding (25.6) or dissolution by the court (24.5, and 25.6 under a reading)."""
    overig = sum((p.bedrag for p in begroting.posten if p.soort == "overig"), Decimal(0))
    # The table of the gemeenten adds up to more than the staff costs named first: say why here.
    samen = (
        f" Samen met de overige verplichtingen ({bedrag(overig)}, zie de toelichting) dragen de "
        f"gemeenten {bedrag(u.gedeeld)}."
        if overig
        else ""
    )
    kosten = (
        f"{_naar_rato(c, keuze, begroting)}{samen} Gedetacheerd personeel blijft bij de partner "
        "die het detacheerde (art. 25.7)."
    )
    posten = "De bedragen hieronder zijn de posten van die begroting."
    plan = "de Veiligheidsregio Drenthe stelt dan een liquiditeitsplan en een liquidatiebegroting op (art. 25.6)"
    if u.route == "rechter":
        open_punt = "Of 25.6 naast 24.5 ook geldt als de rechter het convenant ontbindt, laat het convenant open"
        eigen = "Het convenant is door de rechter ontbonden. Elke Partij draagt dan de kosten voor haar eigen organisatie (art. 24.5)"
        if lezingen.get("rechter_vrd_kosten") == "eigen_kosten":
            return [
                f"{eigen}; er wordt niets over de gemeenten verdeeld.",
                f"{open_punt}; {_volgt(c, keuze, 'rechter_vrd_kosten')} 25.6 dan niet geldt. "
                "De kosten van het personeel in dienst van de Veiligheidsregio Drenthe en de "
                "overige verplichtingen blijven dan bij haar als werkgever; gedetacheerd "
                "personeel blijft bij de partner die het detacheerde (art. 25.7). De bedragen "
                "hieronder zijn de posten van haar liquidatiebegroting.",
            ]
        return [
            f"{eigen}. Ook dan stelt de Veiligheidsregio Drenthe een liquiditeitsplan en een "
            f"liquidatiebegroting op (art. 25.6). {posten}",
            kosten,
            f"{open_punt}; {_volgt(c, keuze, 'rechter_vrd_kosten')} 25.6 ook dan geldt: het "
            "personeel is in dienst van de Veiligheidsregio Drenthe, die geen Partij is, zodat "
            "die kosten geen eigen kosten van een Partij zijn.",
        ]
    if u.route == "uittreding" and uittredend:
        return [
            f"{c.partij[uittredend].naam} treedt uit. Het convenant blijft bestaan en wijzigt "
            f"door de uittreding; {plan}. {posten}",
            kosten,
        ]
    return [f"Het convenant wordt opgeheven (art. 25.4); {plan}. {posten}", kosten]


def _liquidatie_toelichting(
    c: Convenant,
    u: Any,
    begroting: Begroting,
    keuze: Lezingkeuze,
    lezingen: dict[str, str],
    uittredend: str | None,
    naar_rato: bool = True,
) -> list[str]:
    """What the tables rest on, each open point of the convenant with the reading followed in
    words; nothing the tables already say."""
    if not u.gemeenten:
        return []
    overig = sum((p.bedrag for p in begroting.posten if p.soort == "overig"), Decimal(0))
    uit = [_naar_rato(c, keuze, begroting)] if naar_rato else []
    if overig:
        uit.append(
            "Wie andere verplichtingen dan die jegens het personeel draagt, zegt het convenant "
            f"niet; {_volgt(c, keuze, 'overige_liquidatiekosten')} de gemeenten ook die "
            f"({bedrag(overig)}) naar dezelfde verdeelsleutel dragen, omdat zij het ZVHD "
            "financieren (art. 20.3)."
        )
    if u.route == "uittreding" and uittredend:
        naam = c.partij[uittredend].naam
        aanname = "uittredende_gemeente_deelt_kosten"
        volgt = _volgt(c, keuze, aanname, aanname in lezingen)
        uit.append(
            f"Of een uittredende gemeente meebetaalt, zegt het convenant niet; {volgt} {naam} "
            + (
                "meebetaalt: tot haar uittreding is zij Partij met al haar verplichtingen (art. 25.2, 25.6)."
                if uittredend in u.gemeenten
                else "niet meebetaalt: haar deel valt op de gemeenten die blijven (art. 25.6)."
            )
        )
    if u.route != "uittreding":
        uit.append(
            "Naast hun bijdrage spannen de gemeenten zich in om het personeel van het ZVHD te "
            "herplaatsen of terug te nemen (art. 25.7)."
        )
    return uit


def _naar_rato(c: Convenant, keuze: Lezingkeuze, begroting: Begroting) -> str:
    """25.6's key ("evenredig aan hun bijdrage"), and the reading of which contribution."""
    personeel = sum((p.bedrag for p in begroting.posten if p.soort == "personeel_vrd"), Decimal(0))
    return (
        "De kosten jegens het personeel in dienst van de Veiligheidsregio Drenthe "
        f"({bedrag(personeel)}) dragen de gemeenten naar rato van hun bijdrage (art. 25.6). "
        "Welke bijdrage bedoeld is, zegt het convenant niet; "
        f"{_volgt(c, keuze, 'liquidatie_naar_rato_van_welke_bijdrage')} de verdeelsleutel van "
        "de gemeentelijke algemene bijdrage de verhouding bepaalt (art. 20.3)."
    )


def _afronding(c: Convenant, ontvangers: tuple[str, ...]) -> str:
    """How the shares were rounded, under the table they explain."""
    if not ontvangers:
        return ""
    namen = opsomming(c.partij[g].naam for g in ontvangers)
    wie = (
        f"de ene overgebleven cent gaat naar {namen}, met de grootste afrondingsrest"
        if len(ontvangers) == 1
        else f"de {len(ontvangers)} overgebleven centen gaan, één per gemeente, naar de "
        f"grootste afrondingsresten: {namen}"
    )
    return (
        f"Elk bedrag is eerst naar beneden afgerond op hele centen; {wie}. Zo tellen de "
        "bedragen precies op tot het totaal."
    )


def _detachering(
    c: Convenant,
    keuze: Lezingkeuze,
    begin: str = "Deze kosten blijven bij de partner die het personeel detacheerde (art. 25.7).",
) -> str:
    """25.6 and 25.7 pull seconded staff two ways: the document says so and which way it goes."""
    return (
        f"{begin} "
        "Artikel 25.6 rekent ook gedetacheerd personeel tot de kosten die de gemeenten dragen; "
        f"de twee artikelen spreken elkaar daarin tegen, en {_volgt(c, keuze, 'detachering_25_6_25_7')} "
        "personeel dat een Partij detacheerde, bij die Partij blijft: 25.7 is de bijzondere regel."
    )


def uittredingsoverzicht(
    c: Convenant,
    bezetting: Bezetting | None,
    bestand: Bestand[Opzegging],
    *,
    verdeelsleutel: Verdeelsleutel | None = None,
    begroting: Begroting | None = None,
    uittreder_deelt: bool | None = None,
    keuze: Lezingkeuze = STANDAARD,
    **_: Any,
) -> dict[str, Any]:
    """The exit overview from an opzeggingsbestand."""
    from rules.uittreding import simuleer

    o = bestand.model
    u = simuleer(c, bezetting, o.partij, o.route, o.datum, o.ingang_wijziging, keuze=keuze)
    return uittreding_context(
        c, bezetting, u, o.datum, verdeelsleutel, begroting, uittreder_deelt, keuze
    )


def uittreding_context(
    c: Convenant,
    bezetting: Bezetting | None,
    u: Uittreding,
    datum: dt.date | None,
    verdeelsleutel: Verdeelsleutel | None = None,
    begroting: Begroting | None = None,
    uittreder_deelt: bool | None = None,
    keuze: Lezingkeuze = STANDAARD,
) -> dict[str, Any]:
    """What `simuleer uittreding` shows, as a document: the timeline, what continues, the seats
    that fall away and, with a budget and a key, what the exit costs each gemeente."""
    from rules.liquidatie import liquideer

    partij = c.partij[u.partij]
    kosten: dict[str, Any] = {}
    voorbeeld = _voorbeeld(bezetting) if u.zetels else []
    if begroting is not None and verdeelsleutel is not None:
        gemeente = u.partij if partij.soort == "gemeente" else None
        liquidatie = liquideer(
            c, begroting, verdeelsleutel, "uittreding", (), gemeente, uittreder_deelt, keuze
        )
        # 25.6's plan and budget are said under Gevolgen; here only where the amounts come from.
        inleiding = (
            f"De bedragen hieronder komen uit {begroting.naam}, met een totaal van "
            f"{bedrag(liquidatie.totaal)}; het deel van de gemeenten is verdeeld volgens de "
            f"verdeelsleutel ‘{verdeelsleutel.naam}’ (gewicht: {verdeelsleutel.basis})."
        )
        partners = opsomming(
            f"{c.partij[p].naam} {bedrag(b)}" for p, b in sorted(liquidatie.partners.items())
        )
        kosten = {
            "begroting": begroting.naam,
            "totaal": liquidatie.totaal,
            "sleutel": verdeelsleutel.naam,
            "inleiding": inleiding,
            **_verdeling(c, liquidatie),
            "afronding": _afronding(c, liquidatie.afronding),
            "detachering": _detachering(
                c,
                keuze,
                f"Gedetacheerd personeel ({partners}) blijft bij de partner die het detacheerde "
                "(art. 25.7).",
            )
            if liquidatie.partners
            else "",
            "toelichting": _liquidatie_toelichting(
                c, liquidatie, begroting, keuze, dict(liquidatie.lezingen), gemeente
            ),
        }
        voorbeeld += [VOORBEELD_BEGROTING] * begroting.voorbeeld
        voorbeeld += [VOORBEELD_SLEUTEL] * verdeelsleutel.voorbeeld
    op = f" op {lang(datum)}" if datum else ""
    aanleiding = {
        "opzegtermijn": f"opzegging{op} (art. 25.2)",
        "wijziging": f"opzegging wegens een wijziging{op} (art. 23.3)",
        "uitsluiting": "uitsluiting (art. 24.3, 25.3)",
    }[u.route]
    documentdatum = datum or (u.tijdlijn[0].datum if u.tijdlijn else dt.date.today())

    def grond(g: Grond, naam: bool = False) -> dict[str, Any]:
        # Where a ground rests on a reading, the open point in the convenant's own terms.
        bevinding = c.bevinding.get(g.aanname) if g.aanname else None
        # convenant.yaml says it of any party; the overview is about this one
        uitleg = g.uitleg.replace("de Partij", partij.naam, 1) if naam else g.uitleg
        return {
            "artikel": g.artikel,
            "uitleg": _lezer(uitleg).rstrip("."),
            "lezing": _klein(bevinding.omschrijving).rstrip(".") if bevinding else "",
        }

    tijdlijn: list[dict[str, Any]] = [
        {"datum": g.datum, "wat": _lezer(g.wat), "artikel": weergave(g.artikel.split(", ")[0])}
        for g in u.tijdlijn
    ]
    ontvangst: dict[str, Any] = {}
    if u.route == "opzegtermijn" and datum is not None and u.geldig:
        # As the opzegging itself: the date holds if the letter arrives on the day it is dated.
        lezing = Lezer(c, keuze)("ingang_opzegtermijn")
        ontvangst = {
            "termijn": _termijn_vanaf(c, keuze, lezing, "de opzeggingsbrief"),
            "datum": datum,
        }
        if tijdlijn and tijdlijn[0]["datum"] == datum:
            tijdlijn[0]["wat"] += " (datum van de brief, hier ook als dag van ontvangst genomen)"

    return {
        **_basis(c, c.orgaan["stuurgroep"]),
        **document_kop("uittredingsoverzicht", documentdatum, voorbeeld=voorbeeld),
        "partij": {"naam": partij.naam},
        "wat": "uitsluiting" if u.route == "uitsluiting" else "uittreding",
        "aanleiding": aanleiding,
        "ingang": u.ingang if u.geldig else None,
        "ontvangst": ontvangst,
        "tijdlijn": tijdlijn,
        "tijdens": [grond(g, naam=True) for g in u.tijdens],
        "blijft": [grond(g) for g in u.blijft],
        "zetels": [
            {"orgaan": c.orgaan[z.orgaan].naam, "naam": z.naam, "gevolg": z.gevolg}
            for z in u.zetels
        ],
        "gevolgen": [grond(g) for g in u.gronden],
        "partijen_daarna": [c.partij[p].naam for p in u.partijen_daarna],
        "kosten": kosten,
    }


Bouwer = Callable[..., dict[str, Any]]

# Each document: the model of its input file, and how its context is built.
DOCUMENTEN: dict[str, tuple[type[BaseModel], Bouwer]] = {
    "agenda": (Vergadering, agenda),
    "besluitenlijst": (Vergadering, besluitenlijst),
    "actiepuntenlijst": (Vergadering, actiepuntenlijst),
    "toetredingsformulier": (ToetredingsVerzoek, toetredingsformulier),
    "kennisgeving-toetreding": (ToetredingsVerzoek, kennisgeving_toetreding),
    "opzegging": (Opzegging, opzegging),
    "addendum": (Addendum, addendum),
    "liquidatieoverzicht": (Begroting, liquidatieoverzicht),
    "uittredingsoverzicht": (Opzegging, uittredingsoverzicht),
}
