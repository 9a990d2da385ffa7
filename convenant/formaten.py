"""Word and PDF: a document's context through a Word template (docxtpl), or its HTML through
WeasyPrint. Both libraries are heavy and imported only here, only when asked for.

The PDF's page layout (A4, margins, footer with kenmerk, date and "pagina 1 van 3") is in the
HTML's own `@page` rules, so the printed page never depends on a browser's print settings.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from governance.errors import GebruiksFout

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
    except ModuleNotFoundError as e:
        if e.name != "weasyprint":
            raise GebruiksFout(f"{PANGO_HULP} ({e})") from None
        raise onvolledige_installatie(e) from None
    except (ImportError, OSError) as e:  # OSError: the shared library itself is missing
        raise GebruiksFout(f"{PANGO_HULP} ({e})") from None
    # WeasyPrint reports each CSS property it ignores; a reader of our output needs none of it.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    return weasyprint


def naar_pdf(html: str, basis: Path | None = None) -> bytes:
    """The HTML document as PDF. `basis` resolves relative links (none in our own templates)."""
    weasyprint = _weasyprint()
    pdf: bytes = weasyprint.HTML(string=html, base_url=str(basis) if basis else None).write_pdf()
    return pdf


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
) -> bytes:
    """Render a Word template with docxtpl; `fout` turns a template error into a Dutch message."""
    try:
        from docx.shared import Mm
        from docxtpl import DocxTemplate, InlineImage
    except ModuleNotFoundError as e:
        raise onvolledige_installatie(e) from None

    try:
        document = DocxTemplate(str(sjabloon))
    except Exception as e:  # a file that is no Word document: python-docx raises many kinds
        raise GebruiksFout(f"{sjabloon}: geen leesbaar Word-document ({e})") from None
    inhoud = dict(context)
    inhoud["logo"] = InlineImage(document, str(logo), height=Mm(16)) if logo else ""
    try:
        document.render(inhoud, jinja_env=omgeving, autoescape=True)
    except Exception as e:
        raise fout(e) from None
    uit = io.BytesIO()
    document.save(uit)
    return uit.getvalue()
