"""Documents fit to send to twelve gemeenten (issue 24): made from a register with real data
(no example marks), each as a secretaris would check it before it goes out."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from docx import Document as Word
from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from pypdf import PdfReader

from tests.documenten.echt_register import GEVALLEN, IDS, maak_echt_register, opdracht
from tests.scenario_runners import draai


@pytest.fixture(scope="module")
def register(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return maak_echt_register(tmp_path_factory.mktemp("echt") / "register")


def _maak(register: Path, soort: str, invoer: str, *opties: str) -> str:
    """A kind made from its input ("FILE --option" gives an option), or from the register."""
    code, uit, fout = draai([*opdracht(register, soort, invoer), *opties])
    assert code in (0, 1), fout  # 1: a form marked CONCEPT, which says why
    assert "Traceback" not in fout
    return uit


def _word(register: Path, tmp_path: Path, soort: str, invoer: str, *opties: str) -> WordDocument:
    doel = tmp_path / f"{soort}.docx"
    _maak(register, soort, invoer, "--uitvoer", str(doel), "--overschrijf", *opties)
    return Word(str(doel))


def _tekst(document: WordDocument) -> str:
    """A Word file's text as a reader sees it: body paragraphs and table cells."""
    delen = [p.text for p in document.paragraphs]
    for tabel in document.tables:
        for rij in tabel.rows:
            delen.extend(cel.text for cel in rij.cells)
    return "\n".join(delen)


# --- punctuation, over every sentence of every document -----------------------------------------

# Two dots that are not part of a dotted line to fill in, a stop before a semicolon, a full stop
# before a parenthesised article, two brackets in a row ("(zoals in 7.5) (art. 5.8)", bold or not between).
_DUBBEL = re.compile(r"(?<!\.)\.\.(?!\.)|(?<!\.)\.;|(?<!\.)\.\s\(art\.|\.\)\.|\)[\s*_]*\(")


@pytest.mark.parametrize(("soort", "invoer"), GEVALLEN, ids=IDS)
def test_geen_dubbele_leestekens(register: Path, soort: str, invoer: str, tmp_path: Path) -> None:
    for tekst in (
        _maak(register, soort, invoer, "--formaat", "md"),
        _tekst(_word(register, tmp_path, soort, invoer)),
    ):
        fouten = [r for r in tekst.splitlines() if _DUBBEL.search(r)]
        assert not fouten, fouten


# --- the agenda ----------------------------------------------------------------------------------


def test_agenda_zonder_artikelnummers_met_doel_in_woorden(register: Path) -> None:
    uit = _maak(register, "agenda", "documenten/stuurgroep-2027-05-12.yaml", "--formaat", "md")
    punten = uit.split("\n1. ")[1].split("\n---")[0]
    assert "art." not in punten
    assert re.search(r"\(\d+\.\d+", punten) is None
    # the purpose, as a sentence about the decision, not the category's name in lower case
    assert "Ter besluitvorming: strategisch beleidsbesluit" not in punten
    assert "Ter besluitvorming: een besluit om de kaders van het Jaarplan bij te stellen" in punten


def test_agenda_gedateerd_op_de_dag_dat_zij_gemaakt_wordt(register: Path, tmp_path: Path) -> None:
    invoer = "documenten/stuurgroep-2027-05-12.yaml"
    uit = _maak(register, "agenda", invoer, "--formaat", "md", "--datum", "2027-04-28")
    # the kenmerk still names the meeting
    assert "SG-AG/2027-05-12 · 28 april 2027" in uit
    vandaag = _maak(register, "agenda", invoer, "--formaat", "md")
    from governance.datums import lang

    assert f"· {lang(dt.date.today())}" in vandaag.splitlines()[-1]


def test_agenda_in_word_is_een_genummerde_lijst(register: Path, tmp_path: Path) -> None:
    doc = _word(register, tmp_path, "agenda", "documenten/stuurgroep-2027-05-12.yaml")
    punten = [p for p in doc.paragraphs if p.style is not None and p.style.name == "List Number"]
    assert [p.text for p in punten][:2] == [
        "Opening en vaststelling van de agenda",
        "Notulen, besluitenlijst en actiepuntenlijst van de vorige vergadering van 10 februari 2027",
    ]
    assert len(punten) == 9
    # no number typed in front of an item: Word numbers them
    assert not any(re.match(r"\d+\.", p.text) for p in doc.paragraphs)


# --- the besluitenlijst --------------------------------------------------------------------------


def test_besluitenlijst_noemt_besluitnummers_in_elk_formaat(register: Path, tmp_path: Path) -> None:
    invoer = "stuurgroep-2027-02-10.yaml"
    md = _maak(register, "besluitenlijst", invoer, "--formaat", "md")
    html = _maak(register, "besluitenlijst", invoer, "--formaat", "html")
    woord = _tekst(_word(register, tmp_path, "besluitenlijst", invoer))
    for nummer in (f"sg-2027-0{i}" for i in range(1, 8)):
        for tekst in (md, html, woord):
            assert f"Besluitnummer {nummer}." in tekst


def test_besluitenlijst_concept_ook_in_de_kop_van_word(register: Path, tmp_path: Path) -> None:
    """A list no meeting adopted yet says CONCEPT at the top of every Word page, as the PDF."""
    kop = {
        invoer: "".join(
            p.text
            for p in _word(register, tmp_path, "besluitenlijst", invoer)
            .sections[0]
            .header.paragraphs
        )
        for invoer in ("stuurgroep-2027-05-12.yaml", "stuurgroep-2027-02-10.yaml")
    }
    assert "CONCEPT" in kop["stuurgroep-2027-05-12.yaml"]
    assert "CONCEPT" not in kop["stuurgroep-2027-02-10.yaml"]


def test_besluitenlijst_status_concept_of_vastgesteld(register: Path, tmp_path: Path) -> None:
    # 12 May adopted the lists of 10 February; nothing adopted those of 12 May yet
    vastgesteld = _maak(register, "besluitenlijst", "stuurgroep-2027-02-10.yaml", "--formaat", "md")
    assert "**Status:** vastgesteld in de vergadering van 12 mei 2027" in vastgesteld
    concept = _maak(register, "besluitenlijst", "stuurgroep-2027-05-12.yaml", "--formaat", "md")
    assert "**Status:** concept" in concept
    woord = _tekst(_word(register, tmp_path, "besluitenlijst", "stuurgroep-2027-02-10.yaml"))
    assert "vastgesteld in de vergadering van 12 mei 2027" in woord
    html = _maak(register, "besluitenlijst", "stuurgroep-2027-02-10.yaml", "--formaat", "html")
    html = html.replace("\u00a0", " ")
    assert "<dt>Status</dt><dd>vastgesteld in de vergadering van 12 mei 2027</dd>" in html
    pdf = tmp_path / "besluitenlijst.pdf"
    _maak(register, "besluitenlijst", "stuurgroep-2027-05-12.yaml", "--uitvoer", str(pdf))
    tekst = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    assert "Status concept, ter vaststelling in de volgende vergadering" in tekst


def test_besluitenlijst_verzonden_aan_zonder_notities(register: Path, tmp_path: Path) -> None:
    invoer = "partneroverleg-2027-03-03.yaml"
    md = _maak(register, "besluitenlijst", invoer, "--formaat", "md")
    woord = _tekst(_word(register, tmp_path, "besluitenlijst", invoer))
    for tekst in (md, woord):
        assert "Verzonden aan" in tekst
        assert "het convenant noemt zelf geen termijn" not in tekst
        assert "met deze lijst" not in tekst
    assert (
        "- alle Partijen: het vastgestelde Werkproces, besluitnummer po-2027-11 (art. 6.9c)." in md
    )


# --- letters -------------------------------------------------------------------------------------


def test_antwoordtermijn_valt_op_een_werkdag(register: Path) -> None:
    # four weeks after 4 December 2026 is 1 January 2027, New Year's Day: the next working day
    uit = _maak(register, "kennisgeving-toetreding", "documenten/toetreding-kompas.yaml")
    assert "uiterlijk 4 januari 2027" in uit
    assert "1 januari 2027" not in uit
    # one deadline in the letter: the header does not say "vóór" (a day earlier) where the
    # body and the form say "uiterlijk"
    assert "**Antwoord uiterlijk:** 4 januari 2027" in uit
    assert "vóór 4 januari" not in uit


def test_brieven_leggen_de_stiltes_van_het_convenant_niet_uit(register: Path) -> None:
    for soort, invoer in (
        ("opzegging", "documenten/opzegging-westerveld.yaml"),
        ("kennisgeving-toetreding", "documenten/toetreding-kompas.yaml"),
    ):
        uit = _maak(register, soort, invoer)
        assert "Het convenant zegt niet" not in uit
        assert "Het convenant stelt voor dit antwoord geen termijn" not in uit
        assert "Het convenant noemt deze nawerking" not in uit


def test_niet_openbaar_op_een_lezing_zonder_uitleg(register: Path) -> None:
    """The jaarvergadering is not public by analogy (a reading): the header says so in three
    words and marks it a reading, where it used to explain the convenant's silence."""
    jaar = _maak(
        register, "agenda", "documenten/jaarvergadering-2027-06-16.yaml", "--formaat", "md"
    )
    assert (
        "**Niet openbaar** (naar analogie van art. 6.4, art. 7.4; een lezing van het convenant)"
        in jaar
    )
    assert "regelt dit" not in jaar
    stuurgroep = _maak(
        register, "agenda", "documenten/stuurgroep-2027-05-12.yaml", "--formaat", "md"
    )
    assert "**Niet openbaar** (art. 5.10)" in stuurgroep


def test_opzegging_van_een_gemeente_noemt_het_collegebesluit(register: Path) -> None:
    gemeente = _maak(register, "opzegging", "documenten/opzegging-westerveld.yaml")
    assert (
        "het besluit van ons college van burgemeester en wethouders van .................... "
        "tot deze opzegging" in gemeente
    )
    ander = _maak(register, "opzegging", "documenten/opzegging-cosis.yaml")
    assert "college" not in ander


# --- Word ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("soort", "invoer"), GEVALLEN, ids=IDS)
def test_word_is_nederlands_met_titel_en_auteur(
    register: Path, soort: str, invoer: str, tmp_path: Path
) -> None:
    doc = _word(register, tmp_path, soort, invoer)
    standaard = doc.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    assert standaard is not None
    taal = standaard.find(qn("w:lang"))
    assert taal is not None
    assert taal.get(qn("w:val")) == "nl-NL"
    eigenschappen = doc.core_properties
    assert eigenschappen.title
    assert "{{" not in eigenschappen.title
    assert eigenschappen.subject.startswith("Convenant samenwerking")
    verwacht = (
        "Gemeente Westerveld"
        if invoer.endswith("westerveld.yaml") and soort == "opzegging"
        else "Cosis"
        if soort == "opzegging"
        else "Zorg- en Veiligheidshuis Drenthe, Secretariaat"
    )
    assert eigenschappen.author == verwacht
    assert eigenschappen.created is not None
    assert eigenschappen.created.date() == dt.datetime.now(dt.UTC).date()
    assert eigenschappen.comments == ""  # not the template's "generated by python-docx"
    # no blank preview of the template, and no program or organisation that did not make it
    with zipfile.ZipFile(tmp_path / f"{soort}.docx") as pakket:
        assert not [n for n in pakket.namelist() if "thumbnail" in n]
        assert "thumbnail" not in pakket.read("_rels/.rels").decode()
        app = pakket.read("docProps/app.xml").decode()
    assert "Microsoft" not in app
    assert "Normal.dotm" not in app
    assert f"<Company>{escape(verwacht)}</Company>" in app


def test_antwoordtermijn_komt_uit_convenant_yaml(register: Path, tmp_path: Path) -> None:
    """The reply term is convenant.yaml's (the toetreding's `akkoord` step), not the code's."""
    wortel = Path(__file__).resolve().parents[2]
    regel = (
        "termijn: {aantal: 4, eenheid: weken, vanaf: de kennisgeving, "
        "aanname: kennisgeving_toetreding_termijn}"
    )
    tekst = (wortel / "convenant.yaml").read_text(encoding="utf-8")
    assert regel in tekst
    eigen = tmp_path / "convenant.yaml"
    eigen.write_text(
        tekst.replace(regel, regel.replace("aantal: 4", "aantal: 6")), encoding="utf-8"
    )
    uit = _maak(
        register,
        "kennisgeving-toetreding",
        "documenten/toetreding-kompas.yaml",
        "--convenant",
        str(eigen),
    )
    # six weeks after 4 December 2026: Friday 15 January 2027, a working day
    assert "uiterlijk 15 januari 2027" in uit


# --- the year overview ---------------------------------------------------------------------------

# A code a secretaris does not read: snake_case (a reading's id), a command-line option, code.
_CODE = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b|--[a-z]|`")


def _jaaroverzicht(register: Path, tmp_path: Path, formaat: str) -> str:
    doel = tmp_path / f"jaaroverzicht.{formaat}"
    opties = ["--gevoeligheid", "--uitvoer", str(doel), "--overschrijf"]
    code, _, fout = draai(["jaaroverzicht", str(register), "--jaar", "2027", *opties])
    assert code in (0, 1), fout
    return _tekst(Word(str(doel))) if formaat == "docx" else doel.read_text(encoding="utf-8")


@pytest.mark.parametrize("formaat", ["md", "html", "docx"])
def test_jaaroverzicht_noemt_lezingen_in_woorden(
    register: Path, tmp_path: Path, formaat: str
) -> None:
    """The readings the overview rests on by what they say; their ids and the options that
    choose another reading only under "Technische details"."""
    tekst = _jaaroverzicht(register, tmp_path, formaat)
    if formaat == "html":
        tekst = re.sub(r"(?s)<style.*?</style>", "", tekst)
    lichaam, kop, technisch = tekst.partition("Technische details")
    assert kop, "geen technische details"
    assert "Wie stelt jaarverslag en jaarrekening vast?" in lichaam
    assert "Gelezen als:" in lichaam
    assert _CODE.findall(lichaam) == []
    assert "stray_7_in_5_8" in technisch
    assert "--lezing staking_van_stemmen=verworpen" in technisch
