"""Each document's wording is written once (issue 24): a sentence stands in a macro of
templates/_teksten.j2 or templates/teksten/, and the Markdown and HTML templates and the Word
template builder (tools/maak_sjablonen.py) only place those macros in their markup. This reads
the three sources and fails on a piece of text between the tags that reads as a sentence:
that sentence would be written again in the other formats."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from markupsafe import Markup

from convenant.documenten.opmaak import nadruk, omgeving, zonder_nadruk

from .test_geen_zinnen_in_python import _is_zin

WORTEL = Path(__file__).resolve().parents[2]
SJABLONEN = WORTEL / "templates"
BOUWER = WORTEL / "tools" / "maak_sjablonen.py"

# Templates (by file name) and builder functions (by name) whose wording still stands in their
# markup. Take a kind off once its sentences are macros; the last test keeps this list honest.
NOG_TE_DOEN: set[str] = set()

# Comments and style sheets; a template's block `stijl` is CSS inside the base's <style>.
_COMMENTAAR = re.compile(
    r"\{#.*?#\}|<style>.*?</style>|\{% block stijl %\}.*?\{% endblock %\}", re.S
)
_UITDRUKKING = re.compile(r"\{\{.*?\}\}", re.S)
# A tag, an HTML element, a blank line or a Markdown list item, table cell or heading ends a
# piece of text: what stands between two of them is read as one.
_GRENS = re.compile(r"\{%.*?%\}|<[^>]+>|\n\s*\n|\n\s*[-#*>]|\||\n\s*\d+\.\s", re.S)


def zinnen(bron: str) -> list[str]:
    """The pieces of literal text in a template that read as a sentence, a field counting as
    no word ("De {{ wat }} gaat in op" is three words of wording)."""
    bron = _UITDRUKKING.sub(" ", _COMMENTAAR.sub("", bron))
    uit = []
    for stuk in _GRENS.split(bron):
        tekst = " ".join(re.sub(r"[*_`#]+", " ", stuk).split()).replace(" .", ".")
        if _is_zin(tekst):
            uit.append(tekst)
    return uit


def _sjablonen() -> dict[str, list[str]]:
    return {
        pad.name: zinnen(pad.read_text(encoding="utf-8"))
        for pad in sorted(SJABLONEN.glob("*.j2"))
        if pad.name != "_teksten.j2"
    }


def _bouwer() -> dict[str, list[str]]:
    """Per function of the Word template builder, the sentences in its string literals."""
    uit: dict[str, list[str]] = {}
    for knoop in ast.parse(BOUWER.read_text(encoding="utf-8")).body:
        if not isinstance(knoop, ast.FunctionDef):
            continue
        docstring = ast.get_docstring(knoop, clean=False)
        for k in ast.walk(knoop):
            if isinstance(k, ast.Constant) and isinstance(k.value, str) and k.value != docstring:
                uit.setdefault(f"bouwer:{knoop.name}", []).extend(zinnen(k.value))
    return uit


def _alle() -> dict[str, list[str]]:
    return {**_sjablonen(), **_bouwer()}


def test_de_sjablonen_schrijven_geen_zinnen() -> None:
    gevonden = [
        f"{naam}: {zin[:90]!r}"
        for naam, lijst in _alle().items()
        if naam not in NOG_TE_DOEN
        for zin in lijst
    ]
    assert not gevonden, (
        "zet deze zinnen in een macro (templates/_teksten.j2 of templates/teksten/):\n"
        + "\n".join(gevonden)
    )


def test_nog_te_doen_bevat_alleen_wat_nog_zinnen_heeft() -> None:
    """A kind whose sentences are all macros now comes off the list, so it cannot hide a new one."""
    alle = _alle()
    leeg = sorted(naam for naam in NOG_TE_DOEN if not alle.get(naam))
    assert not leeg, f"haal van de lijst NOG_TE_DOEN: {leeg}"


def test_de_toets_vindt_een_zin_en_laat_opmaak_staan() -> None:
    assert zinnen("<p>De {{ wat }} gaat in op {{ ingang|datum }}.</p>") == ["De gaat in op."]
    assert zinnen("<h2>{{ t.kop() }}</h2>\n{% if x %}<p>{{ t.inleiding(x) }}</p>{% endif %}") == []
    assert zinnen("- **Kenmerk:** {{ kenmerk }}\n- **Plaats en datum:** {{ p }}") == []
    assert zinnen("<style>p { font: 10pt Arial, sans-serif; color: #111; }</style>") == []
    assert zinnen("{% block stijl %}p { margin: 0; break-inside: avoid; }{% endblock %}") == []


# --- emphasis within a sentence: marked once in the macro, laid out per format ---------------

_MACRO = "{% macro ingang(d) %}De uittreding gaat in op **{{ d }}**; zo zegt {{ wie }} het.{% endmacro %}"


@pytest.mark.parametrize(
    ("formaat", "verwacht"),
    [
        ("md", "De uittreding gaat in op **1 januari 2028**; zo zegt A&B het."),
        ("html", "De uittreding gaat in op <strong>1 januari 2028</strong>; zo zegt A&amp;B het."),
    ],
)
def test_nadruk_per_formaat(formaat: str, verwacht: str) -> None:
    env = omgeving(formaat)
    sjabloon = env.from_string(_MACRO + "{{ ingang('1 januari 2028')|nadruk }}")
    assert sjabloon.render(wie="A&B") == verwacht


def test_nadruk_in_word_is_een_vette_run_en_eenmaal_ontsnapt() -> None:
    rijk = nadruk("docx")(Markup("De uittreding gaat in op **1 januari 2028**; A&amp;B."))
    xml = str(rijk)
    runs = re.findall(r"<w:r>(.*?)</w:r>", xml)
    assert len(runs) == 3
    assert "<w:b/>" in runs[1]
    assert "1 januari 2028" in runs[1]
    assert "<w:b/>" not in runs[0]
    assert "<w:b/>" not in runs[2]
    assert "A&amp;B" in runs[2]
    assert "&amp;amp;" not in xml


def test_zonder_nadruk_voor_een_gewone_regel() -> None:
    assert zonder_nadruk("gaat in op **1 januari 2028**.") == "gaat in op 1 januari 2028."


def test_nadruk_in_een_word_sjabloon(tmp_path: Path) -> None:
    """Placed with {{r ... }} in a Word template, the marked words come out as a bold run."""
    import docx
    from docxtpl import DocxTemplate

    leeg = docx.Document()
    leeg.add_paragraph(_MACRO + "{{r ingang('1 januari 2028')|nadruk }}")
    leeg.save(str(tmp_path / "s.docx"))
    sjabloon = DocxTemplate(str(tmp_path / "s.docx"))
    sjabloon.render({"wie": "A&B"}, jinja_env=omgeving("docx"), autoescape=True)
    sjabloon.save(tmp_path / "uit.docx")
    runs = docx.Document(str(tmp_path / "uit.docx")).paragraphs[0].runs
    assert (
        "".join(r.text for r in runs) == "De uittreding gaat in op 1 januari 2028; zo zegt A&B het."
    )
    assert [r.text for r in runs if r.bold] == ["1 januari 2028"]
