"""Contested readings (issue 16): choosing, settling and the sensitivity of verdicts."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from governance.loader import Bestand, Bron
from governance.vergadering import Vergadering
from governance.zetels import beeld
from rules.lezingen import STANDAARD, kies
from rules.toets import gevoeligheid, toets
from tests.rules.test_toets_eigenschappen import BEZ, EIGENSCHAP, C, vergaderingen
from tests.scenario_runners import draai

VOORBEELDREGISTER = Path(__file__).resolve().parents[2] / "examples"
BETWIST = sorted(C.betwist)


def _beeld(data: dict[str, Any]) -> Any:
    return beeld(C, Bestand(Vergadering.model_validate(data), Bron(Path("gegenereerd.yaml"))), BEZ)


@EIGENSCHAP
@given(vergaderingen(), st.lists(st.sampled_from(BETWIST), unique=True))
def test_de_standaardlezing_expliciet_kiezen_geeft_precies_de_oordelen_van_nu(
    data: dict[str, Any], aannames: list[str]
) -> None:
    b = _beeld(data)
    standaard = [f"{a}={C.betwist[a].standaardlezing.id}" for a in aannames]  # type: ignore[union-attr]
    assert toets(b, kies(C, standaard)) == toets(b)


@EIGENSCHAP
@given(vergaderingen())
def test_elk_alternatief_is_het_oordeel_onder_die_ene_andere_lezing(data: dict[str, Any]) -> None:
    b = _beeld(data)
    [gewoon] = toets(b)
    [gevoelig] = gevoeligheid(b)
    assert gevoelig._replace(alternatieven=None) == gewoon
    assert gevoelig.alternatieven is not None
    geraadpleegd = dict(gewoon.lezingen)
    for alt in gevoelig.alternatieven:
        assert alt.aanname in geraadpleegd
        assert alt.lezing != geraadpleegd[alt.aanname]
        [ander] = toets(b, STANDAARD.met(alt.aanname, alt.lezing))
        assert (ander.oordeel, ander.escaleren_naar) == (alt.oordeel, alt.escaleren_naar)
        assert (ander.oordeel, ander.escaleren_naar) != (gewoon.oordeel, gewoon.escaleren_naar)


@pytest.mark.parametrize(
    ("optie", "verwacht"),
    [
        ("staking_van_stemmen=verwropen", "bedoelde u 'verworpen'?"),
        ("staking_van_stemen=verworpen", "bedoelde u 'staking_van_stemmen'?"),
        # The handleiding promises a suggestion for a piece of an id as well.
        ("staking=verworpen", "bedoelde u 'staking_van_stemmen'?"),
        ("geen_quorum=ja", "heeft geen alternatieve lezingen"),
        ("staking_van_stemmen", "schrijf AANNAME=LEZING"),
    ],
)
def test_een_onbekende_lezing_of_aanname_is_een_duidelijke_fout(optie: str, verwacht: str) -> None:
    code, uit, fout = draai(
        ["toets", str(VOORBEELDREGISTER / "stuurgroep-2027-02-10.yaml"), "--lezing", optie]
    )
    assert code == 2
    assert verwacht in fout
    assert "Traceback" not in fout
    assert not uit


def test_een_onbekende_lezing_in_lezingen_yaml_noemt_bestand_regel_en_suggestie(
    tmp_path: Path,
) -> None:
    for naam in ("bezetting.yaml", "stuurgroep-2027-02-10.yaml"):
        shutil.copy(VOORBEELDREGISTER / naam, tmp_path / naam)
    (tmp_path / "lezingen.yaml").write_text(
        "vastgesteld:\n"
        "  - aanname: staking_van_stemmen\n"
        "    lezing: verwerpen\n"
        "    besluit: sg-2027-20\n"
        "    datum: 2027-01-13\n",
        encoding="utf-8",
    )
    code, _, fout = draai(["toets", str(tmp_path / "stuurgroep-2027-02-10.yaml")])
    assert code == 2
    assert f"{tmp_path / 'lezingen.yaml'}:3:" in fout
    assert "bedoelde u 'verworpen'?" in fout


def test_gevoeligheid_toont_het_oordeel_onder_elke_andere_lezing_in_json() -> None:
    code, uit, _ = draai(
        ["toets", str(VOORBEELDREGISTER / "stuurgroep-2027-02-10.yaml"), "--gevoeligheid", "--json"]
    )
    assert code == 1
    besluiten = {b["id"]: b for b in json.loads(uit)["besluiten"]}
    staking = besluiten["sg-2027-04"]
    assert staking["oordeel"] == "escaleren"
    assert {"aanname": "staking_van_stemmen", "lezing": "verworpen", "oordeel": "verworpen"} in [
        {k: a[k] for k in ("aanname", "lezing", "oordeel")} for a in staking["alternatieven"]
    ]
    # A besluit whose verdict no reading changes lists no alternatives, but says so.
    assert besluiten["sg-2027-06"]["alternatieven"] == []


def test_zonder_gevoeligheid_geen_alternatieven_in_json() -> None:
    _, uit, _ = draai(["toets", str(VOORBEELDREGISTER / "stuurgroep-2027-02-10.yaml"), "--json"])
    besluiten = json.loads(uit)["besluiten"]
    assert all("alternatieven" not in b for b in besluiten)
    assert besluiten[3]["lezingen"] == {
        "meerderheid_van_stemmen": "uitgebrachte_stemmen",
        "staking_van_stemmen": "impasse",
    }


def test_lezingen_toont_status_en_hoeveel_besluiten_elke_lezing_beslist(tmp_path: Path) -> None:
    for pad in (p for p in VOORBEELDREGISTER.iterdir() if p.is_file()):
        shutil.copy(pad, tmp_path / pad.name)
    (tmp_path / "lezingen.yaml").write_text(
        "vastgesteld:\n"
        "  - {aanname: staking_van_stemmen, lezing: impasse, besluit: sg-2027-14, datum: 2027-10-06}\n",
        encoding="utf-8",
    )
    code, uit, fout = draai(["lezingen", "--register", str(tmp_path), "--json"])
    assert code == 0, fout
    per = {x["aanname"]: x for x in json.loads(uit)["lezingen"]}
    assert set(per) == set(C.betwist)
    staking = per["staking_van_stemmen"]
    assert staking["vastgesteld_bij"]["besluit"] == "sg-2027-14"
    assert staking["besluiten_beslissend"] == 2
    assert {b["besluit"] for b in staking["beslissend"]} == {"sg-2027-04", "sg-2027-07"}
    assert per["besluitregel_partneroverleg"]["vastgesteld_bij"] is None
    # po-2027-13 touches AVG controllership: no majority rule decides it (avg_ieder_voor_zich).
    assert per["besluitregel_partneroverleg"]["besluiten_beslissend"] == 2


def test_elke_betwiste_lezing_wordt_door_een_regel_geraadpleegd() -> None:
    """A reading no rule reads would be a choice without effect: each is consulted somewhere."""
    import yaml

    from convenant.opdrachten.lezingen import ELDERS

    in_scenarios = {
        optie.split("=")[0]
        for pad in (Path(__file__).parent / "scenarios").glob("toets-lezingen*.yaml")
        for scenario in yaml.safe_load(pad.read_text(encoding="utf-8"))["scenarios"]
        for optie in scenario.get("lezing", [])
        if scenario["verwacht"].get("lezingen", {}).get(optie.split("=")[0]) is not None
        or "aannames" in scenario["verwacht"]
    }
    _, uit, _ = draai(["lezingen", "--register", str(VOORBEELDREGISTER), "--json"])
    for x in json.loads(uit)["lezingen"]:
        gebruikt = x["besluiten_geraadpleegd"] or x["aanname"] in {*ELDERS, *in_scenarios}
        assert gebruikt, x["aanname"]


def test_simuleer_uittreding_telt_de_opzegtermijn_volgens_de_lezing() -> None:
    args = ["simuleer", "uittreding", "--register", str(VOORBEELDREGISTER), "--partij", "meppel"]
    args += ["--opzegging", "2027-01-31", "--json"]
    _, standaard, _ = draai(args)
    _, dag_na, _ = draai([*args, "--lezing", "ingang_opzegtermijn=dag_na_opzegging"])
    assert json.loads(standaard)["ingang"] == "2028-01-31"
    assert json.loads(dag_na)["ingang"] == "2028-02-01"
    assert json.loads(dag_na)["lezingen"] == {
        "ingang_opzegtermijn": "dag_na_opzegging",
        "bijdrage_jaar_van_uittreding": "naar_rato",
        "uittredende_gemeente_deelt_kosten": "deelt_mee",
    }


def test_liquidatie_gevoeligheid_zegt_welke_bedragen_verschuiven_en_het_telt_op() -> None:
    from decimal import Decimal

    begroting = VOORBEELDREGISTER / "documenten" / "liquidatiebegroting-voorbeeld.yaml"
    code, uit, _ = draai(
        [
            *["simuleer", "liquidatie", "--begroting", str(begroting), "--route", "rechter"],
            *["--gevoeligheid", "--json"],
        ]
    )
    assert code == 0
    data = json.loads(uit)
    [alt] = data["alternatieven"]
    assert (alt["aanname"], alt["lezing"]) == ("rechter_vrd_kosten", "eigen_kosten")
    # What the gemeenten no longer bear under that reading, the VRD bears, to the cent.
    assert -sum(Decimal(b) for b in alt["gemeenten"].values()) == Decimal(alt["vrd"]) > 0


def test_jaaroverzicht_gevoeligheid_noemt_de_verplichtingen_die_omslaan() -> None:
    code, uit, _ = draai(
        ["jaaroverzicht", str(VOORBEELDREGISTER), "--jaar", "2027", "--gevoeligheid", "--json"]
    )
    assert code == 1
    omslagen = {(a["aanname"], a["lezing"]): a for a in json.loads(uit)["alternatieven"]}
    staking = omslagen[("staking_van_stemmen", "verworpen")]
    assert (staking["van"], staking["naar"]) == ("niet in orde", "in orde")
    assert staking["artikel"] == "5.7, 7.2"


def test_casus_criteria_volgens_de_andere_structuur_van_bijlage_2() -> None:
    args = ["casus", "criteria", "--ja", "veiligheid", "--json"]
    code, uit, _ = draai(args)
    assert code == 1
    assert json.loads(uit)["alternatieven"][0]["lezing"] == "a_of_b_c_d"
    code, uit, _ = draai([*args, "--lezing", "criteria_structuur=a_of_b_c_d"])
    assert code == 0
    assert json.loads(uit)["complexe_casuistiek"] is True


def test_notitie_lezingen_legt_de_onbesliste_lezingen_voor_met_hun_besluiten(
    tmp_path: Path,
) -> None:
    for pad in [*VOORBEELDREGISTER.glob("*.yaml"), *VOORBEELDREGISTER.glob("*.png")]:
        shutil.copy(pad, tmp_path / pad.name)  # the house style names its logo
    code, uit, fout = draai(["maak", "notitie-lezingen", str(tmp_path)])
    assert code == 0, fout
    assert "## 2. Wat gebeurt er bij staking van stemmen?" in uit
    assert "| Uitbreiding van het secretariaat met 0,5 fte (sg-2027-04, Stuurgroep" in uit
    assert "| Besluit | Nu (lezing 1) | Bij lezing 2 |" in uit
    assert "  - aanname: staking_van_stemmen\n    lezing: impasse\n" in uit
    # Once settled, the reading is no longer put to the Stuurgroep; it is listed as settled.
    (tmp_path / "lezingen.yaml").write_text(
        "vastgesteld:\n"
        "  - {aanname: staking_van_stemmen, lezing: verworpen, besluit: sg-2027-15, datum: 2027-10-06}\n",
        encoding="utf-8",
    )
    code, uit, _ = draai(["maak", "notitie-lezingen", str(tmp_path)])
    assert code == 0
    assert (
        "staking van stemmen gebeurt. Vastgesteld bij besluit sg-2027-15 van 6 oktober 2027" in uit
    )
    assert "aanname: staking_van_stemmen" not in uit


def _notitie(*args: str) -> str:
    code, uit, fout = draai(["maak", "notitie-lezingen", str(VOORBEELDREGISTER), *args])
    assert code == 0, fout
    return uit


def test_notitie_kop_is_de_vraag_in_een_paar_woorden_met_de_volle_vraag_eronder() -> None:
    from governance.bestanden import laad_convenant

    c = laad_convenant().model
    md = _notitie()
    koppen = [r for r in md.splitlines() if r.startswith("## ") and r[3].isdigit()]
    assert len(koppen) >= 3
    for kop in koppen:
        assert len(kop) <= 90, kop  # one line, not a paragraph as a heading
        vraag = kop.split(". ", 1)[1]
        bevinding = next(b for b in c.betwist.values() if b.vraag == vraag)
        na = md.split(kop + "\n\n", 1)[1]
        # the full question, its article inside the sentence ("… tellen (art. 5.5).")
        assert na.startswith(bevinding.omschrijving.rstrip(".") + " (art."), kop


def test_notitie_zegt_de_uitkomsten_in_de_woorden_van_de_besluitenlijst() -> None:
    md = _notitie()
    tabellen = "\n".join(r for r in md.splitlines() if r.startswith("| "))
    assert "escaleren" not in tabellen
    assert "ongeldig" not in tabellen
    assert "voor te leggen aan de twaalf Drentse gemeenten" in tabellen
    assert "niet geldig genomen" in tabellen
    # one column per other reading: a besluit another reading leaves alone says so
    werkproces = md.split("## 4. Wie stelt het Werkproces vast?")[1].split("## 5.")[0]
    assert "| Besluit | Nu (lezing 1) | Bij lezing 2 | Bij lezing 3 |" in werkproces
    assert "| aangenomen | **niet geldig genomen** | ongewijzigd |" in werkproces


def test_notitie_bijlage_is_geldige_yaml_in_korte_regels(tmp_path: Path) -> None:
    """The lines for lezingen.yaml must survive a PDF: short enough never to be wrapped."""
    import yaml

    md = _notitie()
    blok = md.split("```yaml\n")[1].split("```")[0]
    assert max(len(r) for r in blok.splitlines()) <= 60
    ingevuld = blok.replace("NUMMER", "sg-2027-20").replace("JJJJ-MM-DD", "2027-11-17")
    vastgesteld = yaml.safe_load(ingevuld)["vastgesteld"]
    assert {"aanname": "staking_van_stemmen", "lezing": "impasse"}.items() <= vastgesteld[1].items()
    doel = tmp_path / "notitie.pdf"
    _notitie("--uitvoer", str(doel))
    from pypdf import PdfReader

    tekst = "\n".join(p.extract_text() or "" for p in PdfReader(str(doel)).pages)
    assert tekst.count("datum: JJJJ-MM-DD") == len(vastgesteld)


def test_notitie_in_word_zegt_hetzelfde_als_in_markdown(tmp_path: Path) -> None:
    """Word has one column for all other readings, yet marks a changed outcome in bold as the
    other formats do, and its lines for lezingen.yaml are the same YAML, one paragraph each."""
    import yaml
    from docx import Document as Word

    md = _notitie()
    _notitie("--uitvoer", str(tmp_path / "notitie.docx"))
    word = Word(str(tmp_path / "notitie.docx"))
    cellen = [c for t in word.tables for r in t.rows for c in r.cells]
    vet = {r.text for c in cellen for p in c.paragraphs for r in p.runs if r.bold}
    assert "niet geldig genomen" in vet
    assert "ongewijzigd" not in vet
    assert any(c.text == "lezing 2: niet geldig genomen; lezing 3: ongewijzigd" for c in cellen)
    regels = [p.text for p in word.paragraphs]
    blok = "\n".join(regels[regels.index("vastgesteld:") :]).strip()
    assert blok == md.split("```yaml\n")[1].split("```")[0].strip()
    assert yaml.safe_load(blok)["vastgesteld"][1]["lezing"] == "impasse"


def test_notitie_over_het_voorbeeldregister_draagt_de_voorbeeldbanner(tmp_path: Path) -> None:
    """Its verdicts are counted against the example bezetting, as the besluitenlijst's are."""
    assert "Voorbeeldgegevens, niet versturen." in _notitie()
    register = tmp_path / "register"
    shutil.copytree(VOORBEELDREGISTER, register)
    bezetting = register / "bezetting.yaml"
    bezetting.write_text(
        bezetting.read_text(encoding="utf-8").replace("voorbeeld: true", "voorbeeld: false"),
        encoding="utf-8",
    )
    code, uit, fout = draai(["maak", "notitie-lezingen", str(register)])
    assert code == 0, fout
    assert "Voorbeeldgegevens" not in uit


def test_notitie_lezingen_overschrijft_niet_en_weigert_een_bestand_als_register(
    tmp_path: Path,
) -> None:
    doel = tmp_path / "notitie.html"
    doel.write_text("al hier", encoding="utf-8")
    code, _, fout = draai(
        ["maak", "notitie-lezingen", str(VOORBEELDREGISTER), "--uitvoer", str(doel)]
    )
    assert code == 2
    assert "--overschrijf" in fout
    assert doel.read_text(encoding="utf-8") == "al hier"
    code, _, fout = draai(
        ["maak", "notitie-lezingen", str(VOORBEELDREGISTER / "stuurgroep-2027-02-10.yaml")]
    )
    assert code == 2
    assert "geef bij notitie-lezingen de map van het register" in fout


def test_een_vastgestelde_ingang_van_de_opzegtermijn_geldt_voor_simulatie_en_brief(
    tmp_path: Path,
) -> None:
    for pad in (p for p in VOORBEELDREGISTER.iterdir() if p.is_file()):
        shutil.copy(pad, tmp_path / pad.name)
    (tmp_path / "documenten").mkdir()
    shutil.copy(
        VOORBEELDREGISTER / "documenten" / "opzegging-cosis.yaml",
        tmp_path / "documenten" / "opzegging-cosis.yaml",
    )
    (tmp_path / "lezingen.yaml").write_text(
        "vastgesteld:\n"
        "  - {aanname: ingang_opzegtermijn, lezing: dag_na_opzegging, besluit: sg-2027-21,"
        " datum: 2027-01-13}\n",
        encoding="utf-8",
    )
    _, uit, _ = draai(
        [
            *["simuleer", "uittreding", "--register", str(tmp_path), "--partij", "meppel"],
            *["--opzegging", "2027-01-31", "--json"],
        ]
    )
    data = json.loads(uit)
    assert data["ingang"] == "2028-02-01"
    ingang = next(g for g in data["tijdlijn"] if g["datum"] == "2028-02-01")
    assert ingang["aanname"] is None  # settled: no longer an assumption
    code, brief, fout = draai(
        ["maak", "opzegging", str(tmp_path / "documenten" / "opzegging-cosis.yaml")]
    )
    assert code == 0, fout
    _, standaard, _ = draai(
        ["maak", "opzegging", str(VOORBEELDREGISTER / "documenten" / "opzegging-cosis.yaml")]
    )
    # The letter names the later date under the settled reading.
    assert "1 februari 2028" in brief
    assert "31 januari 2028" in standaard


def _oordeel_in_jaaroverzicht(register: Path, besluit: str) -> str:
    code, uit, fout = draai(["jaaroverzicht", str(register), "--jaar", "2027", "--json"])
    assert code in (0, 1), fout
    oordelen = [o for v in json.loads(uit)["vergaderingen"] for o in v["besluiten"]]
    return str(next(o["oordeel"] for o in oordelen if o["id"] == besluit))


@pytest.mark.parametrize(
    ("vastgesteld_op", "verwacht"),
    [
        # settled after the meeting of 10 February: that meeting keeps the reading it had
        ("2027-10-06", "escaleren"),
        # settled before it: the meeting is judged under the settled reading
        ("2027-02-01", "verworpen"),
    ],
)
def test_jaaroverzicht_past_een_vastgestelde_lezing_toe_vanaf_de_datum_van_het_besluit(
    tmp_path: Path, vastgesteld_op: str, verwacht: str
) -> None:
    """sg-2027-04 (10 February 2027) ties; under the default reading of a tie it goes to the
    colleges, under 'verworpen' it is rejected. The year overview judges each meeting under the
    readings in force on its own date (Register.keuze_op), as `toets` does."""
    register = tmp_path / "register"
    shutil.copytree(VOORBEELDREGISTER, register)
    assert _oordeel_in_jaaroverzicht(register, "sg-2027-04") == "escaleren"
    (register / "lezingen.yaml").write_text(
        "vastgesteld:\n  - {aanname: staking_van_stemmen, lezing: verworpen, besluit: "
        f"sg-2027-15, datum: {vastgesteld_op}}}\n",
        encoding="utf-8",
    )
    assert _oordeel_in_jaaroverzicht(register, "sg-2027-04") == verwacht
    _, uit, _ = draai(["toets", str(register / "stuurgroep-2027-02-10.yaml"), "--json"])
    toets_oordeel = next(
        o["oordeel"] for o in json.loads(uit)["besluiten"] if o["id"] == "sg-2027-04"
    )
    assert toets_oordeel == verwacht
