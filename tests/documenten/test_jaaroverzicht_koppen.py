"""The jaaroverzicht has one structure in every format: Word and HTML carry the same headings,
at the same levels and in the same order, as the Markdown version (a month's meetings, what
is still open on the overview's date, the appendices). A reader who holds the Word file next
to the PDF finds the same sections."""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from docx import Document as Word

from tests.documenten.echt_register import VOORBEELDEN, maak_echt_register
from tests.scenario_runners import draai

Kop = tuple[int, str]


@pytest.fixture(scope="module")
def registers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    echt = maak_echt_register(tmp_path_factory.mktemp("echt") / "register")
    # a meeting file that cannot be read: the overview lists it in a section of its own
    kapot = maak_echt_register(tmp_path_factory.mktemp("kapot") / "register")
    (kapot / "stuurgroep-2027-11-10.yaml").write_text(
        "orgaan: stuurgroep\ndatum: 2027-11-10\nbesluiten: [\n", encoding="utf-8"
    )
    return {"voorbeeld": VOORBEELDEN, "echt": echt, "kapot": kapot}


def _plat(tekst: str) -> str:
    return " ".join(tekst.replace("\u00a0", " ").split())


def _md_koppen(md: str) -> list[Kop]:
    return [
        (len(hekjes), _plat(tekst.replace("**", "").replace("`", "")))
        for hekjes, tekst in re.findall(r"(?m)^(#+)\s+(.+)$", md)
    ]


def _word_koppen(inhoud: bytes) -> list[Kop]:
    """The title is level 1 (Markdown's #), Word's Heading 1 level 2 (##), and so on."""
    uit = []
    for p in Word(io.BytesIO(inhoud)).paragraphs:
        stijl = p.style.name if p.style is not None else ""
        if stijl == "Title":
            uit.append((1, _plat(p.text)))
        elif gevonden := re.fullmatch(r"Heading (\d)", stijl):
            uit.append((int(gevonden[1]) + 1, _plat(p.text)))
    return uit


class _Koppen(HTMLParser):
    """h1 to h4, and the summary of a disclosure ("Technische details"), which heads its
    part of an appendix as a third-level heading would."""

    def __init__(self) -> None:
        super().__init__()
        self.koppen: list[Kop] = []
        self._niveau: int | None = None
        self._tekst: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if re.fullmatch(r"h[1-4]", tag) or tag == "summary":
            self._niveau = 3 if tag == "summary" else int(tag[1])
            self._tekst = []

    def handle_endtag(self, tag: str) -> None:
        if self._niveau is not None and (re.fullmatch(r"h[1-4]", tag) or tag == "summary"):
            self.koppen.append((self._niveau, _plat("".join(self._tekst))))
            self._niveau = None

    def handle_data(self, data: str) -> None:
        self._tekst.append(data)


def _html_koppen(html: str) -> list[Kop]:
    lezer = _Koppen()
    lezer.feed(html)
    return lezer.koppen


def _maak(register: Path, formaat: str, gevoeligheid: bool, tmp_path: Path) -> bytes:
    doel = tmp_path / f"jaaroverzicht.{formaat}"
    opties = ["--gevoeligheid"] if gevoeligheid else []
    code, _, fout = draai(
        ["jaaroverzicht", str(register), "--jaar", "2027", *opties, "--uitvoer", str(doel)]
    )
    assert code in (0, 1, 2), fout  # 1: not every obligation in order; 2: a file unreadable
    return doel.read_bytes()


@pytest.mark.parametrize("gevoeligheid", [False, True], ids=["", "gevoeligheid"])
@pytest.mark.parametrize("register", ["voorbeeld", "echt", "kapot"])
def test_word_en_html_hebben_de_koppen_van_markdown(
    registers: dict[str, Path], register: str, gevoeligheid: bool, tmp_path: Path
) -> None:
    map_ = registers[register]
    md = _md_koppen(_maak(map_, "md", gevoeligheid, tmp_path).decode())
    # the sections the overview always has, so an empty list of headings cannot pass
    teksten = [t for _, t in md]
    assert "Vergaderingen en besluiten per maand" in teksten
    assert "Wat nog openstaat op 31 december 2027" in teksten
    assert "Februari: Stuurgroep, 10 februari 2027" in teksten
    assert ("Onleesbare bestanden" in teksten) == (register == "kapot")
    assert ("Gevoeligheid voor een andere lezing van het convenant" in teksten) == gevoeligheid
    assert _word_koppen(_maak(map_, "docx", gevoeligheid, tmp_path)) == md
    assert _html_koppen(_maak(map_, "html", gevoeligheid, tmp_path).decode()) == md
