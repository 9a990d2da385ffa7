"""Each document says the same sentences in every format (issue 24): md, html, Word and PDF,
from the example register and from one with real data. Each format's text is normalised (no
markup, one space, no page furniture), cut into sentences, and every sentence of one format
must stand in each of the others. A difference is a wording kept in two places."""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from docx import Document as Word
from pypdf import PdfReader

from tests.documenten.echt_register import (
    REGISTERBREED,
    VOORBEELDEN,
    maak_echt_register,
    opdracht,
)
from tests.scenario_runners import draai

pytestmark = pytest.mark.traag  # four formats of every kind, PDF layout included

# Every kind `maak` makes from a file, with an input of each register.
GEVALLEN = [
    ("agenda", "documenten/stuurgroep-2027-05-12.yaml"),
    ("agenda", "documenten/jaarvergadering-2027-06-16.yaml"),
    ("besluitenlijst", "stuurgroep-2027-02-10.yaml"),
    ("besluitenlijst", "partneroverleg-2027-03-03.yaml"),
    ("actiepuntenlijst", "stuurgroep-2027-02-10.yaml"),
    ("toetredingsformulier", "documenten/toetreding-voorbeeldzorg.yaml"),
    ("kennisgeving-toetreding", "documenten/toetreding-voorbeeldzorg.yaml"),
    ("opzegging", "documenten/opzegging-cosis.yaml"),
    ("addendum", "documenten/addendum-2027-1.yaml"),
    ("liquidatieoverzicht", "documenten/liquidatiebegroting-voorbeeld.yaml"),
    ("uittredingsoverzicht", "documenten/opzegging-cosis.yaml"),
]
ECHT = [
    ("agenda", "documenten/stuurgroep-2027-05-12.yaml"),
    # its status and 'Verzonden aan', and the appendix on the test with its notes on readings
    ("besluitenlijst", "stuurgroep-2027-02-10.yaml --met-toetsing"),
    ("actiepuntenlijst", "stuurgroep-2027-05-12.yaml"),
    ("opzegging", "documenten/opzegging-westerveld.yaml"),
    ("kennisgeving-toetreding", "documenten/toetreding-kompas.yaml"),
    ("toetredingsformulier", "documenten/toetreding-kompas.yaml"),
    ("addendum", "documenten/addendum-2027-1.yaml"),
    ("liquidatieoverzicht", "documenten/liquidatiebegroting-voorbeeld.yaml"),
    ("uittredingsoverzicht", "documenten/opzegging-westerveld.yaml"),
]


@pytest.fixture(scope="module")
def echt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return maak_echt_register(tmp_path_factory.mktemp("echt") / "register")


class _Tekst(HTMLParser):
    """The text of an HTML document as a reader sees it: a line per block, no style or head."""

    BLOK = frozenset({"p", "li", "h1", "h2", "h3", "h4", "dt", "dd", "tr", "td", "th", "div", "br"})

    def __init__(self) -> None:
        super().__init__()
        self.delen: list[str] = []
        self.weg = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "head", "script", "footer"):
            self.weg += 1
        if tag in self.BLOK:
            self.delen.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "head", "script", "footer"):
            self.weg -= 1
        if tag in self.BLOK:
            self.delen.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.weg:
            self.delen.append(data)


def _uit_html(tekst: str) -> str:
    p = _Tekst()
    p.feed(tekst)
    return "".join(p.delen)


def _uit_md(tekst: str) -> str:
    tekst = tekst.rsplit("\n---\n", 1)[0]  # the footer line
    tekst = re.sub(r"(?m)^\s*(?:[-*>]|\d+\.|#+)\s+", "", tekst)  # list, quote and heading marks
    tekst = re.sub(r"\[ \]\s*", "", tekst)
    tekst = tekst.replace("|", "\n")  # a table cell is a block of its own
    return tekst.replace("**", "").replace("*", "").replace("`", "")


def _uit_word(inhoud: bytes) -> str:
    doc = Word(io.BytesIO(inhoud))
    delen = [p.text for p in doc.paragraphs]
    for tabel in doc.tables:
        for rij in tabel.rows:
            delen.extend(cel.text for cel in rij.cells)
    return "\n".join(delen).replace("☐", "")


def _uit_pdf(inhoud: bytes) -> str:
    regels = []
    for pagina in PdfReader(io.BytesIO(inhoud)).pages:
        voet = False
        for regel in (pagina.extract_text() or "").splitlines():
            # page furniture: the footer (kenmerk and date, page count, the house's line
            # under the kenmerk), and list bullets set apart from their text
            if re.search(r"pagina \d+ van \d+|^\S+/\S+ · \d", regel) or voet:
                voet = not voet and not re.search(r"pagina \d+ van \d+", regel)
                continue
            if regel.strip() in ("•", ""):
                continue
            regels.append(regel)
    return " ".join(regels)


def _plat(tekst: str) -> str:
    """One space between words; a hyphen at the end of a PDF line ("Noord-" / "Nederland")
    joined as every format writes it."""
    tekst = " ".join(tekst.replace("\u00a0", " ").replace("\u00ad", "").split())
    return re.sub(r"-\s+", "-", tekst)


_EINDE = re.compile(r"(?<=[.?!])\s+(?=[A-Z(])")


def _zinnen(tekst: str) -> set[str]:
    """The full sentences of a text: a block cut at its sentence ends, each of six words or
    more and ending in a full stop (labels, headings and table cells are no sentences)."""
    uit = set()
    for blok in tekst.replace("\u00a0", " ").replace("☐", "").split("\n"):
        for zin in _EINDE.split(" ".join(blok.split())):
            if zin.endswith(".") and len(zin.split()) >= 6 and "...." not in zin:
                uit.add(zin)
    return uit


def _maak(register: Path, soort: str, invoer: str, formaat: str, tmp_path: Path) -> bytes:
    doel = tmp_path / f"{soort}.{formaat}"
    extra = ["--datum", "2027-04-28"] if soort == "agenda" else []
    code, _, fout = draai(
        [*opdracht(register, soort, invoer), "--uitvoer", str(doel), "--overschrijf", *extra]
    )
    assert code in (0, 1), fout  # 1: a form marked CONCEPT, which says so in every format
    return doel.read_bytes()


def _koppen_md(md: str) -> list[str]:
    """The headings of a Markdown document, without their marks."""
    return [_plat(k.replace("*", "").replace("`", "")) for k in re.findall(r"(?m)^#+\s+(.*)$", md)]


def _koppen_word(inhoud: bytes) -> list[str]:
    """The headings of a Word document: its title and paragraphs in a heading style."""
    return [
        _plat(p.text)
        for p in Word(io.BytesIO(inhoud)).paragraphs
        if p.style is not None
        and str(p.style.name).startswith(("Heading", "Title"))
        and p.text.strip()
    ]


def _velden_word(inhoud: bytes) -> list[str]:
    """The labels of a Word document's fields (its two-column tables: "Kenmerk", "Aan"),
    which md and html write as a list of fields."""
    return [
        _plat(rij.cells[0].text)
        for tabel in Word(io.BytesIO(inhoud)).tables
        if len(tabel.columns) == 2
        for rij in tabel.rows
        # a label, not a signature block or a line to fill in (those have rules of their own)
        if 0 < len(rij.cells[0].text.split()) <= 4 and not set("_.{") & set(rij.cells[0].text)
    ]


def _items_md(md: str) -> list[str]:
    """The items of a Markdown document's lists of three words or more: a list says things
    in other words than sentences (an open point, a source), and every format lists them."""
    items = re.findall(r"(?m)^\s*(?:-|\d+\.)\s+(.*)$", md)
    # a field ("**Datum:** 12 mei 2027") is a label and a value in two cells elsewhere
    waarden = [re.sub(r"^\*\*[^*]+:\*\*\s*", "", i) for i in items]
    return [_plat(_uit_md(w)) for w in waarden if len(w.split()) >= 3 and "...." not in w]


def _vergelijk(register: Path, soort: str, invoer: str, tmp_path: Path) -> None:
    md = _maak(register, soort, invoer, "md", tmp_path).decode()
    word = _maak(register, soort, invoer, "docx", tmp_path)
    teksten = {
        "md": _uit_md(md),
        "html": _uit_html(_maak(register, soort, invoer, "html", tmp_path).decode()),
        "docx": _uit_word(word),
    }
    plat = {f: _plat(t) for f, t in teksten.items()}
    plat["pdf"] = _plat(_uit_pdf(_maak(register, soort, invoer, "pdf", tmp_path)))
    ontbreekt = []
    for van, tekst in teksten.items():
        for zin in sorted(_zinnen(tekst)):
            for naar, ander in plat.items():
                if naar != van and _plat(zin) not in ander:
                    ontbreekt.append(f"{van} zegt, {naar} niet: {zin}")
    # A document is more than its sentences: its headings and the items of its lists (the
    # year's open points, its sources) must stand in every format too, and the Word file's
    # headings in the others: so no format leaves a section out or heads it differently.
    for kop in _koppen_md(md):
        for naar, ander in plat.items():
            if naar != "md" and kop not in ander:
                ontbreekt.append(f"md heeft de kop, {naar} niet: {kop}")
    for kop in _koppen_word(word):
        for naar, ander in plat.items():
            if naar != "docx" and kop not in ander:
                ontbreekt.append(f"docx heeft de kop, {naar} niet: {kop}")
    for veld in _velden_word(word):
        for naar in ("md", "html", "pdf"):
            if veld not in plat[naar]:
                ontbreekt.append(f"docx heeft het veld, {naar} niet: {veld}")
    for item in _items_md(md):
        for naar, ander in plat.items():
            if naar != "md" and item not in ander:
                ontbreekt.append(f"md heeft het punt, {naar} niet: {item}")
    assert not ontbreekt, "\n".join(ontbreekt)


@pytest.mark.parametrize(
    ("soort", "invoer"), GEVALLEN, ids=[f"{s}-{Path(p).stem}" for s, p in GEVALLEN]
)
def test_zelfde_zinnen_in_elk_formaat(soort: str, invoer: str, tmp_path: Path) -> None:
    _vergelijk(VOORBEELDEN, soort, invoer, tmp_path)


@pytest.mark.parametrize(
    ("soort", "invoer"), ECHT, ids=[f"{s}-{Path(p.split()[0]).stem}" for s, p in ECHT]
)
def test_zelfde_zinnen_met_echte_gegevens(
    echt: Path, soort: str, invoer: str, tmp_path: Path
) -> None:
    _vergelijk(echt, soort, invoer, tmp_path)


@pytest.mark.parametrize("soort", sorted(REGISTERBREED))
def test_zelfde_zinnen_van_het_hele_register(soort: str, tmp_path: Path) -> None:
    _vergelijk(VOORBEELDEN, soort, "", tmp_path)


@pytest.mark.parametrize("soort", sorted(REGISTERBREED))
def test_zelfde_zinnen_van_het_hele_echte_register(echt: Path, soort: str, tmp_path: Path) -> None:
    _vergelijk(echt, soort, "", tmp_path)
