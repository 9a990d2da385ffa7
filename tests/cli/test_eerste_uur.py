"""What a new user runs into first: ids written as names, messages that say what to write."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import click
import pytest
from hypothesis import given

from convenant.cli import cli
from convenant.opdrachten import SCHEMASOORTEN
from convenant.opdrachten.schema import modellen
from governance.errors import bedoelde_u
from tests.rules.test_toets_eigenschappen import EIGENSCHAP, C, oordeel, vergaderingen
from tests.scenario_runners import draai


def test_simuleer_met_de_naam_van_een_partij_stelt_de_id_voor() -> None:
    code, _, fout = draai(
        ["simuleer", "uittreding", "--partij", "Gemeente Emmen", "--opzegging", "2027-01-31"]
    )
    assert code == 2
    assert "'Gemeente Emmen' is geen Partij (bedoelde u 'emmen'?)" in fout
    assert "'convenant partijen' toont de ids" in fout


@pytest.mark.parametrize(
    ("geschreven", "id_"),
    [
        ("Gemeente Emmen", "emmen"),
        ("gemeente midden drenthe", "midden_drenthe"),
        ("Burgemeester van Assen", "sg_assen"),
        ("sg_asen", "sg_assen"),
        ("Emmen", "emmen"),
    ],
)
def test_bedoelde_u_kent_ids_en_namen(geschreven: str, id_: str) -> None:
    ids = ["assen", "emmen", "midden_drenthe", "sg_assen", "sg_emmen"]
    namen = {
        "Gemeente Assen": "assen",
        "Gemeente Emmen": "emmen",
        "Gemeente Midden-Drenthe": "midden_drenthe",
        "Burgemeester van Assen (voorbeeld)": "sg_assen",
        "Burgemeester van Emmen (voorbeeld)": "sg_emmen",
    }
    assert bedoelde_u(geschreven, ids, namen) == id_


@pytest.mark.parametrize(
    ("geschreven", "id_"),
    [
        ("staking", "staking_van_stemmen"),  # the first words of an id
        ("van_stemmen", "staking_van_stemmen"),  # its last words
        ("stakin", "staking_van_stemmen"),  # a prefix
        ("partnerover", "besluitregel_partneroverleg"),  # a piece inside a word
        ("Staking van stemmen", "staking_van_stemmen"),  # written as words
    ],
)
def test_bedoelde_u_kent_een_stuk_van_een_id(geschreven: str, id_: str) -> None:
    ids = ["meerderheid_van_stemmen", "staking_van_stemmen", "besluitregel_partneroverleg"]
    assert bedoelde_u(geschreven, ids) == id_


@pytest.mark.parametrize("geschreven", ["stemmen", "van", "st", "regel_stuurgroep"])
def test_bedoelde_u_gokt_niet_als_een_stuk_op_meer_ids_past(geschreven: str) -> None:
    """'stemmen' is in two ids: naming one of them would be a guess presented as a hint."""
    ids = ["meerderheid_van_stemmen", "staking_van_stemmen", "besluitregel_partneroverleg"]
    assert bedoelde_u(geschreven, ids) is None


def test_bedoelde_u_zwijgt_als_niets_lijkt() -> None:
    assert (
        bedoelde_u("Provincie Groningen", ["assen", "emmen"], {"Gemeente Assen": "assen"}) is None
    )


# --- finding the ids: soorten, leden ---------------------------------------------------------------


def test_soorten_noemt_elke_soort_met_orgaan_voorbehoud_en_vereisten() -> None:
    code, uit, fout = draai(["soorten"])
    assert (code, fout) == (0, "")
    assert uit.startswith(f"{len(C.soorten)} soorten besluit.")
    assert (
        "jaarplan  Jaarplan  (art. 1.18, 4.5) [aanname: verwijzing_1_18]\n    besluit: Stuurgroep (niet voorbehouden)"
        in uit
    )
    assert (
        "uitsluiting  Uitsluiting van een Partij  (art. 25.3, 24.3)\n"
        "    besluit: Stuurgroep, als voorstel; het laatste woord is voorbehouden aan: De twaalf"
    ) in uit
    assert (
        "    - inhoud 'langetermijnvisie': het Jaarplan bevat een langetermijnvisie (art. 4.5a)"
        in uit
    )


def test_soorten_json() -> None:
    code, uit, _ = draai(["soorten", "--json"])
    soorten = {s["id"]: s for s in json.loads(uit)["soorten"]}
    assert code == 0
    assert len(soorten) == len(C.soorten)
    assert soorten["bijdrage_of_dienstverlening"]["voorbehouden_aan_colleges"] is True
    assert soorten["bijdrage_of_dienstverlening"]["bevoegd"] == []
    assert soorten["beleid"]["voorbehouden_aan_colleges"] is False
    assert [v["id"] for v in soorten["jaarplan"]["vereisten"]][:2] == [
        "langetermijnvisie",
        "prioriteiten",
    ]
    assert soorten["jaarplan"]["vereisten"][0]["artikelen"] == ["4.5a"]


def test_leden_per_orgaan_uit_de_bezetting_van_het_register() -> None:
    code, uit, fout = draai(
        ["leden", "--register", "examples", "--orgaan", "stuurgroep", "--op", "2027-02-10"]
    )
    assert (code, fout) == (0, "")
    assert "Leden op 10 februari 2027 volgens examples/bezetting.yaml" in uit
    assert "sg_assen" in uit
    assert "Burgemeester van Assen (voorbeeld)" in uit
    regel = next(r for r in uit.splitlines() if "sg_manager" in r)
    assert "secretaris, geen stem" in regel
    assert "Partneroverleg" not in uit


def test_leden_json_noemt_wie_namens_wie_stemt() -> None:
    code, uit, _ = draai(["leden", "--register", "examples", "--op", "2027-03-03", "--json"])
    data = json.loads(uit)
    assert code == 0
    organen = {o["id"]: o for o in data["organen"]}
    leden = {lid["id"]: lid for lid in organen["partneroverleg"]["leden"]}
    assert len(leden["po_gemeenten"]["namens"]) == 12
    assert leden["po_gemeenten"]["stemrecht"] is True
    assert leden["po_manager"]["stemrecht"] is False
    assert organen["casusoverleg"]["leden"] is None
    assert organen["casusoverleg"]["heeft_bezetting"] is False


@pytest.mark.parametrize(
    ("args", "melding"),
    [
        (["--orgaan", "Stuurgroup"], "onbekend orgaan 'Stuurgroup' (bedoelde u 'stuurgroep'?)"),
        (["--op", "2020-01-01"], "geen periode die 1 januari 2020 omvat"),
    ],
)
def test_leden_fouten_zeggen_wat_te_doen(args: list[str], melding: str) -> None:
    code, _, fout = draai(["leden", "--register", "examples", *args])
    assert code == 2
    assert melding in fout


def test_leden_zonder_register_zegt_hoe_je_er_een_noemt_of_maakt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, fout = draai(["leden", "--orgaan", "stuurgroep"])
    assert code == 2
    assert "er is geen bezetting gevonden: geef het register met --register PAD" in fout
    assert "'convenant register nieuw PAD'" in fout


# --- a new register ---------------------------------------------------------------------------------


def test_register_nieuw_maakt_een_register_dat_zegt_wat_er_nog_moet(tmp_path: Path) -> None:
    register = tmp_path / "zvhd"
    code, uit, fout = draai(["register", "nieuw", str(register)])
    assert (code, fout) == (0, "")
    assert f"Controleer daarna met: convenant valideer --register {register}" in uit
    assert sorted(p.name for p in register.iterdir()) == ["LEESMIJ.md", "bezetting.yaml"]
    bezetting = (register / "bezetting.yaml").read_text(encoding="utf-8")
    assert "      stuurgroep:  # Stuurgroep\n        leden: []" in bezetting
    assert "#           - id: sg_assen" in bezetting
    assert "gewicht: …}  # Gemeente De Wolden" in (register / "LEESMIJ.md").read_text()

    # Empty, it loads, and valideer says what is still missing (4.4), line and all.
    code, uit, fout = draai(["valideer", "--register", str(register), "--geen-bevindingen"])
    assert code == 1
    assert "de Stuurgroep heeft geen gemeentelijke vertegenwoordiger (4.4)" in uit
    assert f"{register / 'bezetting.yaml'}:12:9:" in uit

    # A meeting in it is refused with the command that shows who sits where.
    (register / "stuurgroep-2027-02-10.yaml").write_text(
        "orgaan: stuurgroep\ndatum: 2027-02-10\naanwezig: [sg_assen]\n"
        "besluiten: [{id: b1, onderwerp: x, soort: beleid, stemmen: {voor: alle}}]\n",
        encoding="utf-8",
    )
    code, _, fout = draai(["toets", str(register)])
    assert code == 2
    assert "'sg_assen' is geen lid van dit orgaan" in fout
    assert "'convenant leden --orgaan stuurgroep --op 2027-02-10' toont ze" in fout


def test_register_nieuw_weigert_een_volle_map_en_laat_hem_heel(tmp_path: Path) -> None:
    (tmp_path / "notulen.yaml").write_text("x: 1\n", encoding="utf-8")
    code, uit, fout = draai(["register", "nieuw", str(tmp_path)])
    assert code == 2
    assert "de map is niet leeg" in fout
    assert uit == ""
    assert [p.name for p in tmp_path.iterdir()] == ["notulen.yaml"]


def test_register_nieuw_in_een_lege_map_mag(tmp_path: Path) -> None:
    code, _, _ = draai(["register", "nieuw", str(tmp_path)])
    assert code == 0
    assert (tmp_path / "bezetting.yaml").is_file()


# --- schema -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("soort", SCHEMASOORTEN)
def test_schema_voor_elke_soort_invoer(soort: str) -> None:
    code, uit, _ = draai(["schema", soort])
    data = json.loads(uit)
    assert code == 0
    assert data["title"] == f"convenant: {soort}"
    assert data["properties"]


def test_schema_opdracht_kent_elke_soort() -> None:
    schema = cli.commands["schema"]
    keuze = schema.params[0].type
    assert isinstance(keuze, click.Choice)
    assert list(keuze.choices) == list(SCHEMASOORTEN) == list(modellen())


def test_schema_laat_ja_en_nee_toe() -> None:
    _, uit, _ = draai(["schema", "vergadering"])
    openbaar = json.loads(uit)["properties"]["openbaar"]
    assert {"enum": ["ja", "nee", "Ja", "Nee"]} in openbaar["anyOf"]


# --- votes as numbers -------------------------------------------------------------------------------


@EIGENSCHAP
@given(vergaderingen())
def test_stemmen_als_aantallen_geven_hetzelfde_oordeel_als_met_namen(data: dict[str, Any]) -> None:
    besluit = data["besluiten"][0]
    besluit["verwerkingsverantwoordelijkheid"] = False  # that rule needs names; tested apart
    met_namen = oordeel(data)
    assert met_namen.stemmen is not None
    geteld = copy.deepcopy(data)
    geteld["besluiten"][0]["stemmen"] = {
        "voor": met_namen.stemmen.voor,
        "tegen": met_namen.stemmen.tegen,
        "onthouding": met_namen.stemmen.onthouding,
    }
    met_aantallen = oordeel(geteld)
    assert (met_aantallen.oordeel, met_aantallen.escaleren_naar, met_aantallen.stemmen) == (
        met_namen.oordeel,
        met_namen.escaleren_naar,
        met_namen.stemmen,
    )


# --- outside a register: say what is left out for want of a bezetting ---------------------------

VOORBEELDEN = Path(__file__).resolve().parents[2] / "examples"
UITTREDING = ["simuleer", "uittreding", "--partij", "meppel", "--opzegging", "31-01-2027"]


def test_simuleer_buiten_een_register_zegt_dat_de_zetels_ontbreken(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, uit, fout = draai(UITTREDING)
    assert code == 0
    regels = [r for r in uit.splitlines() if r.startswith("Zetels")]
    assert regels == [
        "Zetels: niet getoond, want er is geen bezetting gevonden; geef het register met "
        "--register PAD (de map met bezetting.yaml) of het bestand met --bezetting PAD."
    ]
    assert not fout
    code, uit, fout = draai([*UITTREDING, "--register", str(VOORBEELDEN)])
    assert "Zetels (bezetting op de laatste dag als Partij):" in uit
    assert "niet getoond" not in uit
    assert not fout


def test_simuleer_json_buiten_een_register_meldt_het_op_stderr(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, uit, fout = draai([*UITTREDING, "--json"])
    assert code == 0
    assert json.loads(uit)["zetels"] == []
    assert fout.count("\n") == 1
    assert fout.startswith("Let op: geen bezetting gevonden, dus ontbreken de zetels")
    assert "--register PAD" in fout


@pytest.mark.parametrize(
    ("soort", "invoer", "melding"),
    [
        ("agenda", "documenten/stuurgroep-2027-05-12.yaml", True),  # the members it is sent to
        ("uittredingsoverzicht", "documenten/opzegging-cosis.yaml", True),  # the seats lost
        ("agenda", "documenten/jaarvergadering-2027-06-16.yaml", False),  # parties are the seats
        ("opzegging", "documenten/opzegging-cosis.yaml", False),  # names nobody from it
    ],
)
def test_maak_buiten_een_register_zegt_wat_de_bezetting_had_gegeven(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, soort: str, invoer: str, melding: bool
) -> None:
    bron = VOORBEELDEN / invoer
    (tmp_path / bron.name).write_bytes(bron.read_bytes())
    monkeypatch.chdir(tmp_path)
    _, uit, fout = draai(["maak", soort, bron.name])
    assert uit
    assert ("Let op: geen bezetting gevonden" in fout) is melding
    assert ("--register PAD" in fout) is melding


def test_toets_buiten_een_register_noemt_register_als_herstel(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bron = VOORBEELDEN / "stuurgroep-2027-02-10.yaml"
    (tmp_path / bron.name).write_bytes(bron.read_bytes())
    monkeypatch.chdir(tmp_path)
    code, _, fout = draai(["toets", bron.name])
    assert code == 2
    assert "er is geen bezetting gevonden (bezetting.yaml)" in fout
    assert "herstel: geef het register met --register PAD" in fout
