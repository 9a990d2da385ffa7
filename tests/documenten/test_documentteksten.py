"""What a secretaris reviewing the documents before sending them found (issue 13): wording,
citations and layout points a reader of the agenda, lists, letters and forms relies on."""

from __future__ import annotations

import itertools
import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.scenario_runners import draai

VOORBEELDEN = Path(__file__).resolve().parents[2] / "examples"
DOCS = VOORBEELDEN / "documenten"


def _maak(*args: str) -> str:
    code, uit, fout = draai(["maak", *args])
    assert code == 0, fout
    return uit


def test_stemming_telt_onthoudingen_in_het_meervoud() -> None:
    uit = _maak("besluitenlijst", str(VOORBEELDEN / "partneroverleg-2027-03-03.yaml"))
    assert "12 voor, 14 tegen, 3 onthoudingen." in uit
    assert "0 onthoudingen." in uit
    assert not re.search(r"\b(0|[2-9]\d*) onthouding\b", uit)
    lijst = _maak("besluitenlijst", str(VOORBEELDEN / "stuurgroep-2027-02-10.yaml"))
    assert "8 voor, 0 tegen, 1 onthouding." in lijst


def test_avg_uitkomst_zegt_wie_gebonden_is_en_wie_nog_beslist() -> None:
    uit = _maak("besluitenlijst", str(VOORBEELDEN / "partneroverleg-2027-03-03.yaml"))
    regel = next(r for r in uit.splitlines() if "bindt alleen" in r)
    # 5 voor and 11 tegen, yet adopted: the reason stands in the outcome itself (6.7, 6.8)
    assert "aangenomen voor de Partijen die zelf instemden" in regel
    assert "beslissen nog elk voor zich (art. 6.7, art. 6.8)" in regel


def test_aantallen_breken_niet_van_hun_woord() -> None:
    html = _maak(
        "besluitenlijst", str(VOORBEELDEN / "stuurgroep-2027-02-10.yaml"), "--formaat", "html"
    )
    assert "4\u00a0voor, 1\u00a0tegen, 0\u00a0onthoudingen" in html
    assert "0,5\u00a0fte" in html
    liquidatie = _maak(
        "liquidatieoverzicht",
        str(DOCS / "liquidatiebegroting-voorbeeld.yaml"),
        "--formaat",
        "html",
    )
    assert "€ " not in liquidatie  # an amount never leaves its euro sign at a line's end
    assert "€\u00a0262.087,45" in liquidatie


def test_namen_met_een_komma_gescheiden_door_puntkomma() -> None:
    uit = _maak("besluitenlijst", str(VOORBEELDEN / "partneroverleg-2027-03-03.yaml"))
    regel = next(r for r in uit.splitlines() if "bindt alleen" in r)
    # "Openbaar Ministerie, arrondissement Noord-Nederland" stays one name
    assert "Stichting GGZ Drenthe; Openbaar Ministerie, arrondissement Noord-Nederland;" in regel


def test_uitkomst_zonder_dubbele_dubbele_punt() -> None:
    uit = _maak("besluitenlijst", str(VOORBEELDEN / "stuurgroep-2027-02-10.yaml"))
    assert (
        "**Uitkomst:** niet geldig genomen, want in de Stuurgroep wordt geen casuïstiek besproken, "
        "alleen beleid (art. 4.7)."
    ) in uit
    for uitkomst in re.findall(r"\*\*Uitkomst:\*\* (.*?)\. Stemming", uit):
        assert ": " not in uitkomst, uitkomst


def test_afwezigen_met_of_zonder_schriftelijke_inbreng() -> None:
    uit = _maak("besluitenlijst", str(VOORBEELDEN / "stuurgroep-2027-02-10.yaml"))
    afwezig = next(r for r in uit.splitlines() if r.startswith("- **Afwezig:**"))
    assert "Burgemeester van Coevorden (voorbeeld), zonder schriftelijke inbreng" in afwezig
    assert ") (" not in afwezig


def test_jaarvergadering_niet_openbaar_volgens_een_lezing() -> None:
    for soort in ("agenda", "besluitenlijst"):
        uit = _maak(soort, str(VOORBEELDEN / "jaarvergadering-2027-06-16.yaml"))
        regel = next(r for r in uit.splitlines() if r.startswith("**Niet openbaar**"))
        assert "een lezing" in regel, regel
    stuurgroep = _maak("agenda", str(DOCS / "stuurgroep-2027-05-12.yaml"))
    assert "**Niet openbaar** (art. 5.10)" in stuurgroep  # the convenant says so itself


@pytest.mark.parametrize(
    ("bestand", "eigen", "ander"),
    [
        (DOCS / "stuurgroep-2027-05-12.yaml", "art. 5.6", "7.1"),
        (VOORBEELDEN / "partneroverleg-2027-03-03.yaml", "art. 7.1", "5.6"),
    ],
)
def test_agenda_noemt_de_afwezigheidsregel_zonder_artikel(
    bestand: Path, eigen: str, ander: str
) -> None:
    """An agenda item carries no article number (issue 24); the line about an absent party
    still stands where the orgaan's own rule (5.6 or 7.1) holds a besluit for it."""
    uit = _maak("agenda", str(bestand))
    regels = [r for r in uit.splitlines() if "in belangrijke mate treffen; zonder" in r]
    assert regels, "geen besluit dat een Partij treft op deze agenda"
    for regel in regels:
        assert eigen not in regel
        assert ander not in regel
        assert "(art." not in regel


def test_actiepuntenlijst_zonder_actiepunten(tmp_path: Path) -> None:
    # (the October meeting records none; the May meeting closes those of February)
    uit = _maak("actiepuntenlijst", str(VOORBEELDEN / "stuurgroep-2027-10-06.yaml"))
    assert "Deze vergadering legde geen actiepunten vast." in uit
    assert "0 van 0" not in uit
    # no empty table of its own; only the running list of earlier meetings has one
    assert uit.count("| Nr.") == uit.count("## Nog open uit eerdere vergaderingen")


def test_ondertekenaar_voor_een_document_zonder_handtekening_wordt_geweigerd(
    tmp_path: Path,
) -> None:
    register = tmp_path / "register"
    shutil.copytree(VOORBEELDEN, register)
    (register / "huisstijl.yaml").write_text(
        "ondertekenaars:\n  besluitenlijst: {naam: J. Jansen, functie: secretaris}\n",
        encoding="utf-8",
    )
    code, _, fout = draai(["maak", "besluitenlijst", str(register / "stuurgroep-2027-02-10.yaml")])
    assert code == 2
    assert "huisstijl.yaml:2:" in fout
    assert "toetredingsformulier, kennisgeving-toetreding, addendum" in fout


def test_kennisgeving_zegt_niet_wie_het_verzoek_ontving() -> None:
    # 22.2: the request goes to a member of the Stuurgroep or Partneroverleg or to a Partij
    uit = _maak("kennisgeving-toetreding", str(DOCS / "toetreding-voorbeeldzorg.yaml"))
    assert "ontving het ZVHD" not in uit
    assert "Stichting Voorbeeldzorg Drenthe, gevestigd in Assen, een verzoek in" in uit


def test_formulieren_noemen_het_besluitnummer() -> None:
    for soort, invoer in (
        ("addendum", DOCS / "addendum-2027-1.yaml"),
        ("toetredingsformulier", DOCS / "toetreding-voorbeeldzorg.yaml"),
    ):
        uit = _maak(soort, str(invoer))
        assert re.search(r"\(besluitnummer sg-2027-\d+\)", uit), soort
        assert not re.search(r"\(besluit sg-", uit), soort


def test_datum_en_artikel_breken_niet_over_twee_regels(tmp_path: Path) -> None:
    html = _maak(
        "besluitenlijst", str(VOORBEELDEN / "stuurgroep-2027-02-10.yaml"), "--formaat", "html"
    )
    assert "11\u00a0mei\u00a02027" in html
    assert "art.\u00a05.8" in html
    assert not re.search(r"\b\d{1,2} (januari|februari|maart|mei|juni) \d{4}", html)
    doel = tmp_path / "b.pdf"
    _maak("besluitenlijst", str(VOORBEELDEN / "stuurgroep-2027-02-10.yaml"), "--uitvoer", str(doel))
    for pagina in PdfReader(str(doel)).pages:
        regels = (pagina.extract_text() or "").splitlines()
        for boven, onder in itertools.pairwise(regels):
            assert not (
                re.search(r"\b\d{1,2}$", boven) and re.match(r"(mei|maart) \d{4}", onder)
            ), (
                boven,
                onder,
            )
            assert not (boven.endswith("art.") and re.match(r"\d", onder)), (boven, onder)


def _open_in(pad: Path) -> list[str]:
    import yaml

    gegevens = yaml.safe_load(pad.read_text(encoding="utf-8"))
    return [a["id"] for a in gegevens.get("actiepunten", []) if a.get("status", "open") == "open"]


def test_actiepuntenlijst_neemt_open_punten_van_eerdere_vergaderingen_mee(tmp_path: Path) -> None:
    import yaml

    # The example's May meeting closes February's points; without that, they stay open.
    register = tmp_path / "register"
    shutil.copytree(VOORBEELDEN, register)
    pad = register / "stuurgroep-2027-05-12.yaml"
    mei = yaml.safe_load(pad.read_text(encoding="utf-8"))
    mei.pop("actiepunten")
    pad.write_text(yaml.safe_dump(mei, allow_unicode=True), encoding="utf-8")
    uit = _maak("actiepuntenlijst", str(pad))
    eerder = uit.split("## Nog open uit eerdere vergaderingen")[1].split("## Verzending")[0]
    open_in_februari = _open_in(VOORBEELDEN / "stuurgroep-2027-02-10.yaml")
    assert open_in_februari
    for nummer in open_in_februari:
        assert f"| {nummer} |" in eerder
        assert "10 februari 2027 |" in eerder
    # a later meeting that records a point as done takes it off the running list
    afgerond = open_in_februari[0]
    mei["actiepunten"] = [
        {"id": afgerond, "omschrijving": "afgerond", "wie": "manager", "status": "afgerond"}
    ]
    pad.write_text(yaml.safe_dump(mei, allow_unicode=True), encoding="utf-8")
    oktober = _maak("actiepuntenlijst", str(register / "stuurgroep-2027-10-06.yaml"))
    nog_open = oktober.split("## Nog open uit eerdere vergaderingen")[1].split("## Verzending")[0]
    assert f"| {afgerond} |" not in nog_open
    for nummer in open_in_februari[1:]:
        assert f"| {nummer} |" in nog_open
    # and the Partneroverleg's list does not carry the Stuurgroep's points
    po = _maak("actiepuntenlijst", str(VOORBEELDEN / "partneroverleg-2027-03-03.yaml"))
    assert afgerond not in po


def test_antwoordformulier_noemt_het_adres_om_het_terug_te_sturen(tmp_path: Path) -> None:
    from docx import Document as Word

    md = _maak("kennisgeving-toetreding", str(DOCS / "toetreding-voorbeeldzorg.yaml"))
    regel = next(r for r in md.splitlines() if r.startswith("- **Terug aan:**"))
    assert "Postbus 100 (voorbeeld), 9400 AC Assen" in regel
    doel = tmp_path / "k.docx"
    _maak(
        "kennisgeving-toetreding",
        str(DOCS / "toetreding-voorbeeldzorg.yaml"),
        "--uitvoer",
        str(doel),
    )
    terug = [
        r.cells[1].text
        for t in Word(str(doel)).tables
        for r in t.rows
        if len(r.cells) > 1 and r.cells[0].text == "Terug aan"
    ]
    assert terug
    assert "Postbus 100 (voorbeeld), 9400 AC Assen" in terug[0]


def test_kennisgeving_vraagt_een_termijn_zonder_de_redenering_van_het_secretariaat() -> None:
    uit = _maak("kennisgeving-toetreding", str(DOCS / "toetreding-voorbeeldzorg.yaml"))
    assert "voorstel van het secretariaat" not in uit
    assert "Het convenant stelt voor dit antwoord geen termijn" not in uit
    assert "uiterlijk 3 februari 2027" in uit


def test_notitie_lezingen_heeft_aan_datum_en_kenmerk(tmp_path: Path) -> None:
    from docx import Document as Word

    uit = _maak("notitie-lezingen", str(VOORBEELDEN))
    kop = uit.split("## 1.")[0]
    for veld in (
        "- **Aan:** de leden van de Stuurgroep",
        "- **Datum:** ",
        "- **Kenmerk:** ZVHD/NL/",
    ):
        assert veld in kop
    doel = tmp_path / "n.docx"
    _maak("notitie-lezingen", str(VOORBEELDEN), "--uitvoer", str(doel))
    labels = [r.cells[0].text for t in Word(str(doel)).tables for r in t.rows]
    assert {"Aan", "Datum", "Kenmerk"} <= set(labels)
