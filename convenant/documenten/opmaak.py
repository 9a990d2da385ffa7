"""Rendering a document: the Jinja environment and its filters, the house style, and the
formats (md, html, docx, pdf). jinja2 is imported here only, so other commands never load it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import jinja2
import jinja2.exceptions
import jinja2.sandbox
from markupsafe import Markup

from governance.artikelen import weergave
from governance.datums import MAANDEN, lang, termijn_in_woorden
from governance.errors import (
    EXIT_NIET_GELDIG,
    ConvenantFout,
    GebruiksFout,
    InvoerFout,
    Melding,
)
from governance.geld import bedrag
from governance.huisstijl import Huisstijl
from governance.loader import gebundeld

from .. import sjabloongrenzen

SJABLONEN = gebundeld("templates")


class Geweigerd(ConvenantFout):
    """The document may not be made as asked (an agenda item the orgaan may not discuss),
    located as an input error is, so a page can say the reason and keep the place apart."""

    exit_code = EXIT_NIET_GELDIG

    def __init__(self, melding: Melding) -> None:
        super().__init__(str(melding))
        self.meldingen = [melding]


def opsomming(items: Iterable[str]) -> str:
    """Dutch enumeration: a, b en c. Items that hold a comma themselves ("Openbaar Ministerie,
    arrondissement Noord-Nederland") are separated by semicolons, so each stays one item."""
    lijst = list(items)
    if len(lijst) <= 1:
        return "".join(lijst)
    scheiding = "; " if any("," in x for x in lijst) else ", "
    return scheiding.join(lijst[:-1]) + " en " + lijst[-1]


def tekst_uit(macro: str, *args: Any, bestand: str = "_teksten.j2") -> str:
    """A macro's sentence as Markdown text, for the few lines a context composes itself (why
    a form is a CONCEPT, which the command line prints as well): the wording stays in the one
    place every format reads. `bestand`: the template holding it (teksten/<soort>.j2);
    zonder_nadruk makes a plain line of it."""
    module = omgeving("md").get_template(bestand).module
    return str(getattr(module, macro)(*args))


_NADRUK = re.compile(r"\*\*(.+?)\*\*", re.S)


def nadruk(formaat: str) -> Any:
    """The filter `nadruk` of a format: a macro marks emphasis within a sentence as **...**
    (the Markdown way), so the sentence is written once; HTML makes it <strong>, Word a bold
    run (docxtpl's RichText, placed with {{r ... }}), Markdown keeps it."""

    def html(tekst: str) -> Markup:
        # the macro's text is escaped already (autoescape): only the marks become tags
        return Markup(_NADRUK.sub(r"<strong>\1</strong>", str(tekst)))

    def docx(tekst: str) -> Any:
        from docxtpl import RichText

        rijk = RichText()
        platte = Markup(tekst).unescape() if isinstance(tekst, Markup) else str(tekst)
        for i, deel in enumerate(platte.split("**")):
            if deel:
                rijk.add(deel, bold=i % 2 == 1)
        return rijk

    return {"html": html, "docx": docx}.get(formaat, lambda tekst: tekst)


def zonder_nadruk(tekst: str) -> str:
    """A macro's sentence for a plain line (a warning on the command line): without marks."""
    return _NADRUK.sub(r"\1", str(tekst))


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
    # a line feed, carriage return or form feed would end the string (CSS Syntax 4.3.5)
    for teken, vervanging in (
        ("\\", "\\5C "), ('"', "\\22 "), ("<", "\\3C "), ("\n", "\\A "), ("\r", "\\D "),
        ("\f", "\\C "),
    ):  # fmt: skip
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
        termijn=termijn_in_woorden,
        nadruk=nadruk(formaat),
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
    from .. import formaten

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


def _klein(zin: str) -> str:
    """A sentence continued after a colon: its first letter small, unless it opens an
    abbreviation (VRD, ZVHD)."""
    return zin[:1].lower() + zin[1:] if zin[1:2].islower() else zin
