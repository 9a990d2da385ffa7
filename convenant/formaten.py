"""Word and PDF: a document's context through a Word template (docxtpl), or its HTML through
WeasyPrint. Both libraries are heavy and imported only here, only when asked for.

The PDF's page layout (A4, margins, footer with kenmerk, date and "pagina 1 van 3") is in the
HTML's own `@page` rules, so the printed page never depends on a browser's print settings.
"""

from __future__ import annotations

import html
import io
import logging
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2

from governance.errors import ConvenantFout, GebruiksFout, InvoerFout, Melding, echo

from . import sjabloongrenzen

PANGO_HULP = (
    "PDF maken vraagt de bibliotheek Pango (voor WeasyPrint), en die ontbreekt op deze computer. "
    "Installeer haar, bijvoorbeeld met 'sudo apt install libpango-1.0-0 libpangoft2-1.0-0' "
    "(Debian/Ubuntu), 'brew install pango' (macOS) of volgens "
    "https://doc.courtbouillon.org/weasyprint/stable/first_steps.html; de andere formaten "
    "(md, html, docx) werken ook zonder"
)


def onvolledige_installatie(e: ModuleNotFoundError) -> GebruiksFout:
    """A dependency of the project itself is missing: the install is broken, not the machine."""
    return GebruiksFout(
        f"de bibliotheek '{e.name}' ontbreekt in deze installatie van convenant; installeer "
        "opnieuw met 'make run' in de projectmap, of met 'pip install .'"
    )


def _weasyprint() -> Any:
    try:
        import weasyprint
    except ModuleNotFoundError as e:  # weasyprint or one of its Python dependencies
        raise onvolledige_installatie(e) from None
    except (ImportError, OSError) as e:  # OSError: the shared library itself is missing
        raise GebruiksFout(f"{PANGO_HULP} ({e})") from None
    # WeasyPrint reports each CSS property it ignores; a reader of our output needs none of it.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    return weasyprint


def naar_pdf(html: str, basis: Path | None = None, sjabloon: str = "het HTML-sjabloon") -> bytes:
    """The HTML document as PDF. `basis` resolves relative links (none in our own templates).

    WeasyPrint would fetch any file:// or http:// address the HTML names, and attach a local
    file to the PDF on request: an own template could so read outside its folder. Only what
    the document holds itself (data: addresses, like the logo) is let through."""
    _past_in_pdf(html, sjabloon)
    weasyprint = _weasyprint()
    geweigerd: list[str] = []
    pdf: bytes = weasyprint.HTML(
        string=html,
        base_url=str(basis) if basis else None,
        url_fetcher=_alleen_ingesloten(weasyprint, geweigerd),
    ).write_pdf()
    if geweigerd:
        raise InvoerFout(
            [
                Melding(
                    sjabloon,
                    f"het sjabloon verwijst naar '{echo(geweigerd[0])}', buiten het document; "
                    "een PDF haalt niets van elders (geen bestand, geen internetadres)",
                    herstel="zet een plaatje als logo in huisstijl.yaml, of sluit het in het "
                    "sjabloon in als data:-adres",
                )
            ]
        )
    return pdf


# WeasyPrint lays out 30,000 paragraphs in about 25 s and 600 MB, and 100,000 words in one
# paragraph in 50 s. A real document of the secretariat is a few hundred elements and tens of
# thousands of characters; these bounds are some hundred pages.
MAX_PDF_TEKENS = 1_000_000
MAX_PDF_ELEMENTEN = 20_000
_DATA_ADRES = re.compile(r"data:[^\"')\s]*")


def _past_in_pdf(html: str, sjabloon: str) -> None:
    """Refuse, before layout, an HTML too large to make a PDF of in bounded time and memory
    (the logo, a data: address, does not count)."""
    tekens = len(_DATA_ADRES.sub("", html))
    elementen = html.count("<")
    if tekens > MAX_PDF_TEKENS or elementen > MAX_PDF_ELEMENTEN:
        omvang = (
            f"{elementen} elementen (hoogstens {MAX_PDF_ELEMENTEN})"
            if elementen > MAX_PDF_ELEMENTEN
            else f"{tekens} tekens (hoogstens {MAX_PDF_TEKENS})"
        )
        raise InvoerFout(
            [
                Melding(
                    sjabloon,
                    f"het document is te groot voor een PDF: de HTML heeft {omvang}",
                    herstel="maak het als html of docx, of verdeel het (een invoerbestand per "
                    "vergadering; in een eigen sjabloon: minder herhalingen)",
                )
            ]
        )


def _alleen_ingesloten(weasyprint: Any, geweigerd: list[str]) -> Any:
    """WeasyPrint's URL fetcher for data: addresses only; every other address is noted in
    `geweigerd` and fails (WeasyPrint then leaves the resource out)."""
    urls = weasyprint.urls

    def weiger(url: str) -> None:
        if not url.startswith("data:"):
            geweigerd.append(url)
            raise ValueError("buiten het document")

    if hasattr(urls, "URLFetcher"):  # WeasyPrint 66 and later
        ophaler: Any = urls.URLFetcher

        class Ingesloten(ophaler):  # type: ignore[misc]
            def fetch(self, url: str, headers: Any = None) -> Any:
                weiger(url)
                return super().fetch(url, headers)

        return Ingesloten(allowed_protocols={"data"})

    def ophalen(url: str, *args: Any, **kwargs: Any) -> Any:
        weiger(url)
        return urls.default_url_fetcher(url, *args, **kwargs)

    return ophalen


def docx_sjabloon(soort: str, mappen: list[Path]) -> Path:
    """The Word template of a document kind: an own folder first (docx/ within it or at its top)."""
    for map_ in mappen:
        for pad in (map_ / "docx" / f"{soort}.docx", map_ / f"{soort}.docx"):
            if pad.is_file():
                return pad
    raise GebruiksFout(f"geen Word-sjabloon '{soort}.docx' gevonden (gezocht in {mappen[-1]})")


def naar_docx(
    sjabloon: Path,
    context: dict[str, Any],
    omgeving: Any,
    logo: Path | None,
    fout: Callable[[Exception], Exception],
    eigen: bool = False,
    eigenschappen: dict[str, str] | None = None,
) -> bytes:
    """Render a Word template with docxtpl. A missing input field goes to `fout` (reported
    against the input file; for an `eigen` template also at its paragraph, as it may be a
    misspelt field); any other failure names the template and the paragraph in it."""
    try:
        from docx.shared import Mm
        from docxtpl import DocxTemplate, InlineImage
    except ModuleNotFoundError as e:
        raise onvolledige_installatie(e) from None
    sjabloongrenzen.controleer_word(sjabloon)
    document = DocxTemplate(str(sjabloon))
    try:
        document.init_docx()
    except Exception:  # a zip that is no Word document: python-docx raises many kinds
        raise sjabloongrenzen.word_onleesbaar(sjabloon) from None
    plek = _Plek(document)
    inhoud = dict(context)
    try:
        inhoud["logo"] = InlineImage(document, str(logo), height=Mm(16)) if logo else ""
        document.render(inhoud, jinja_env=omgeving, autoescape=True)
        if eigenschappen is not None:
            _eigenschappen(document.docx.core_properties, eigenschappen)
            _pakket(document.docx.part.package, eigenschappen["auteur"])
        uit = io.BytesIO()
        document.save(uit)
    except (ConvenantFout, jinja2.UndefinedError) as e:
        if eigen and isinstance(e, jinja2.UndefinedError):
            e.add_note(", ".join([str(sjabloon), plek.waar(e)]).rstrip(", "))
        raise fout(e) from None
    except BaseException as e:  # a template is code: every failure is its message
        if isinstance(e, KeyboardInterrupt | SystemExit):
            raise
        raise sjabloongrenzen.word_fout(sjabloon, e, plek.waar(e)) from None
    return uit.getvalue()


def _eigenschappen(kern: Any, eigenschappen: dict[str, str]) -> None:
    """Word's document properties (File > Info): the title, subject and author a reader and a
    document system see, and the moment it was made, not that of the template."""
    import datetime as dt

    nu = dt.datetime.now(dt.UTC).replace(microsecond=0)
    kern.title = eigenschappen["titel"]
    kern.subject = eigenschappen["onderwerp"]
    kern.author = eigenschappen["auteur"]
    kern.last_modified_by = eigenschappen["auteur"]
    kern.language = "nl-NL"
    kern.comments = ""  # the template's "generated by python-docx"
    kern.created = nu
    kern.modified = nu
    kern.revision = 1


# Word's "extended" properties: which program made the file and for whom. Those of the template
# (python-docx's own: "Microsoft Macintosh Word", Normal.dotm, 0 words) would be wrong; Word
# counts pages and words anew when it opens the file.
_APP_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>convenant</Application><Company>{organisatie}</Company></Properties>"
)


def _pakket(pakket: Any, organisatie: str) -> None:
    """What the template's package says of itself that is not true of this document: its
    preview (the template's blank page, which Explorer and Finder would show for every
    document) goes, so a viewer draws the document itself; the program and the organisation
    are this one's."""
    from xml.sax.saxutils import escape

    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    for rid, relatie in list(pakket.rels.items()):
        if relatie.reltype == RT.THUMBNAIL:
            pakket.rels.pop(rid)
    for deel in pakket.iter_parts():
        if str(deel.partname) == "/docProps/app.xml":
            deel._blob = _APP_XML.format(organisatie=escape(organisatie)).encode("utf-8")


_DELEN = {"header": "in de koptekst", "footer": "in de voettekst", "footnotes": "in een voetnoot"}


class _Plek:
    """Where in a Word template docxtpl was: the XML it rendered last, one paragraph a line
    (docxtpl puts each `<w:p` on a line of its own before Jinja reads it)."""

    def __init__(self, document: Any) -> None:
        self.bron = ""
        self.deel = ""
        render_xml_part = document.render_xml_part
        render_properties = document.render_properties

        def deel(src_xml: str, part: Any, *args: Any, **kwargs: Any) -> Any:
            self.bron = re.sub(r"<w:p([ >])", r"\n<w:p\1", src_xml)
            naam = str(getattr(part, "partname", ""))
            self.deel = next((w for d, w in _DELEN.items() if d in naam), "")
            return render_xml_part(src_xml, part, *args, **kwargs)

        def eigenschappen(*args: Any, **kwargs: Any) -> Any:
            self.bron, self.deel = "", "in de documenteigenschappen (Bestand > Info)"
            return render_properties(*args, **kwargs)

        # on this one object only: docxtpl offers no hook, and a subclass would type as Any
        document.render_xml_part = deel
        document.render_properties = eigenschappen

    def waar(self, e: BaseException) -> str:
        regels = self.bron.split("\n")
        regel: int | None
        if isinstance(e, jinja2.TemplateSyntaxError):
            regel = e.lineno
            regel = sjabloongrenzen.open_blok(e, [_tekst(r) for r in regels]) or regel
        else:
            regel = sjabloongrenzen.plek_van(e)[1]
        xml = regels[regel - 1] if regel and 0 < regel <= len(regels) else ""
        # docxtpl puts a {%p %}, {%tr %} or {%tc %} in place of its paragraph, row or cell:
        # then it follows the paragraph before it on the line, outside any <w:p>.
        einde = xml.rfind("</w:p>") + len("</w:p>") if "</w:p>" in xml else 0
        alinea, los = _tekst(xml[:einde]), _tekst(xml[einde:])
        delen = [self.deel] if self.deel else []
        if los:
            delen.append(
                f"bij '{echo(los)}'" + (f" (na de alinea '{echo(alinea)}')" if alinea else "")
            )
        elif alinea:
            delen.append(f"in de alinea '{echo(alinea)}'")
        return ", ".join(delen)


def _tekst(xml: str) -> str:
    """The text a reader sees in one paragraph of Word's XML."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", xml)).split())
