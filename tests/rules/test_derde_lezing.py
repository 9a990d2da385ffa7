"""A jurist's third reading (issue 25): the findings `valideer` lists, the readings
`convenant lezingen` lists with their defaults argued, and the accession form that takes the
consent of 22.4 from the register's dossier instead of from a meeting file."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import yaml

from convenant.maak import maak_uit_bestand
from tests.scenario_runners import VOORBEELDREGISTER, draai

NIEUWE_BEVINDINGEN = {
    # point 8
    "akkoord_of_raadpleging": {"22.4", "23.3"},
    "vrijwaring_24_4": {"24.4", "24.2"},
    "communicatie_instemming_of_afstemming": {"21.1", "6.9d"},
    "pijofach_werkgeverschap": {"Bijlage 5", "11.2", "4.6b"},
    # points 3, 4, 5 and 7
    "kennisgeving_zonder_sanctie": {"22.3"},
    "uitnodiging_zonder_sanctie": {"9.2", "12.2e"},
    "stemgewicht_gezamenlijke_afgevaardigde": {"6.3a", "6.7", "6.8"},
    "dezelfde_bevoegdheid": {"6.8"},
    "bijdrage_jaar_van_uittreding": {"20.3", "25.2"},
}

# Point 7: the readings that decided verdicts but could not be chosen, and point 4's.
NIEUWE_LEZINGEN = {
    "opheffing_wie_besluit": {"alle_partijen", "colleges"},
    "besluit_twaalf_gemeenten": {"eenstemmig", "meerderheid"},
    "reikwijdte_5_7": {"gemeenten_en_dienstverlening", "letterlijk"},
    "stemgewicht_gezamenlijke_afgevaardigde": {"per_partij", "per_afgevaardigde"},
    "akkoord_of_raadpleging": {"veto", "raadpleging"},
    "uitsluiting_colleges": {"alle_colleges", "meerderheid_colleges", "letterlijk_twaalf"},
    "bijdrage_jaar_van_uittreding": {"naar_rato", "heel_jaar", "volgens_begroting"},
    "kennisgeving_zonder_sanctie": {"akkoord_dekt", "ongeldig"},
    "uitnodiging_zonder_sanctie": {"afspraak_geldt", "ongeldig"},
}


def _json(args: list[str]) -> dict[str, Any]:
    code, uit, fout = draai([*args, "--json"])
    assert code in (0, 1), fout
    data: dict[str, Any] = json.loads(uit)
    return data


def test_valideer_noemt_de_bevindingen_van_de_derde_lezing() -> None:
    gevonden = {b["id"]: b for b in _json(["valideer"])["bevindingen"]}
    for ident, artikelen in NIEUWE_BEVINDINGEN.items():
        assert ident in gevonden, ident
        assert artikelen <= set(gevonden[ident]["artikelen"]), ident
        assert gevonden[ident]["aanname"], ident


def test_conventie_tegenstrijdigheid_en_wie_oordeelt_zijn_recht_gezet() -> None:
    """rondvraag is the engine's convention; 23.3 is a special rule, not a contradiction; the
    reasonable term of 24.3 is judged by the Stuurgroep in the aanname as in the ground."""
    gevonden = {b["id"]: b for b in _json(["valideer"])["bevindingen"]}
    assert gevonden["rondvraag_vergadergebruik"]["soort"] == "conventie"
    assert gevonden["opzegging_bij_wijziging"]["soort"] != "tegenstrijdig"
    assert "bijzondere regel" in gevonden["opzegging_bij_wijziging"]["omschrijving"]
    assert "de Stuurgroep" in gevonden["redelijke_termijn"]["aanname"]
    assert "gebruiker" not in gevonden["redelijke_termijn"]["aanname"]
    _, tekst, _ = draai(["valideer"])
    assert "Conventies van het programma" in tekst
    # The count of findings about the text leaves the engine's conventions out.
    over_tekst = sum(1 for b in gevonden.values() if b["soort"] != "conventie")
    assert f"Bevindingen: {over_tekst} plaatsen" in tekst


def test_lezingen_noemt_de_nieuwe_lezingen_met_een_beargumenteerde_standaard() -> None:
    lezingen = {x["aanname"]: x for x in _json(["lezingen"])["lezingen"]}
    for aanname, ids in NIEUWE_LEZINGEN.items():
        assert aanname in lezingen, aanname
        assert {lz["id"] for lz in lezingen[aanname]["lezingen"]} == ids, aanname
        [standaard] = [lz for lz in lezingen[aanname]["lezingen"] if lz["standaard"]]
        assert len(standaard["waarom"]) > 80, aanname


def test_de_lezing_kan_ook_in_lezingen_yaml_worden_vastgesteld(tmp_path: Path) -> None:
    register = tmp_path / "register"
    shutil.copytree(VOORBEELDREGISTER, register)
    (register / "lezingen.yaml").write_text(
        yaml.safe_dump(
            {
                "vastgesteld": [
                    {
                        "aanname": "reikwijdte_5_7",
                        "lezing": "letterlijk",
                        "besluit": "sg-2027-01",
                        "orgaan": "stuurgroep",
                        "datum": "2027-02-10",
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    lezingen = {
        x["aanname"]: x for x in _json(["lezingen", "--register", str(register)])["lezingen"]
    }
    assert lezingen["reikwijdte_5_7"]["geldend"] == "letterlijk"


def test_toetredingsformulier_neemt_het_akkoord_uit_het_dossier(tmp_path: Path) -> None:
    """22.4: a meeting file's `akkoord: alle` does not make the form say all Partijen agreed
    when the register's dossier lacks an answer; the form is a CONCEPT and says why."""
    invoer = VOORBEELDREGISTER / "documenten" / "toetreding-voorbeeldzorg.yaml"
    volledig = maak_uit_bestand("toetredingsformulier", "md", invoer)
    assert volledig.concept == ()
    assert "toetreding, na akkoord van alle Partijen (art. 22.4)" in str(volledig.inhoud)

    register = tmp_path / "register"
    shutil.copytree(VOORBEELDREGISTER, register)
    dossier = register / "toetredingen" / "voorbeeldzorg.yaml"
    data = yaml.safe_load(dossier.read_text(encoding="utf-8"))
    data["antwoorden"] = [a for a in data["antwoorden"] if a["partij"] != "cosis"]
    dossier.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    onvolledig = maak_uit_bestand(
        "toetredingsformulier", "md", register / "documenten" / "toetreding-voorbeeldzorg.yaml"
    )
    assert any("mist" in reden and "Cosis" in reden for reden in onvolledig.concept)
    assert "toetreding, na akkoord van alle Partijen" not in str(onvolledig.inhoud)
