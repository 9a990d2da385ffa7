"""The liquidatieoverzicht, the uittredingsoverzicht and the opzegging as a reader gets them:
one consistent account per route (24.5, 25.6, 25.7), the convenant's own words, a reading
named in words where the convenant leaves a point open, and nothing that does not apply to
the party the document is about (issue 13, the secretaris's review)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tests.scenario_runners import draai
from tests.test_documenten import DOCS, ENGINE, VOORBEELDEN, _maak, _pdf_tekst, _word_tekst

BEGROTING = DOCS / "liquidatiebegroting-voorbeeld.yaml"
# A reading is named, never only announced: "rust op een lezing" is followed by what it is.
KALE_LEZING = re.compile(r"rust op een lezing van het convenant(?!:)", re.IGNORECASE)


def _liquidatie(*extra: str) -> str:
    code, uit, fout = draai(["maak", "liquidatieoverzicht", str(BEGROTING), *extra])
    assert code == 0, fout
    return uit


def _register_met_lezing(tmp_path: Path, aanname: str, lezing: str) -> Path:
    """A copy of the example register in which the Stuurgroep settled one reading."""
    register = tmp_path / "register"
    shutil.copytree(VOORBEELDEN, register)
    (register / "lezingen.yaml").write_text(
        "vastgesteld:\n"
        f"  - aanname: {aanname}\n"
        f"    lezing: {lezing}\n"
        "    besluit: '2027-09'\n"
        "    datum: 2027-10-06\n",
        encoding="utf-8",
    )
    return register


# --- liquidatieoverzicht --------------------------------------------------------------------


def test_rechter_zegt_een_ding_de_gemeenten_dragen_het_personeel() -> None:
    # Under the reading in force 25.6 holds after a court's dissolution too: the gemeenten
    # bear the staff costs. Then the document must not also say that nothing is divided, nor
    # print what the VRD bears as employer (nothing).
    uit = _liquidatie("--route", "rechter")
    assert "niets over de gemeenten verdeeld" not in uit
    assert "draagt als werkgever" not in uit
    assert "## Door de gemeenten te dragen (art. 25.6)" in uit
    inleiding = uit.split("## Begroting")[0]
    assert "door de rechter ontbonden" in inleiding
    assert "eigen organisatie (art. 24.5)" in inleiding
    assert "dragen de gemeenten naar hun bijdrage (art. 25.6)" in inleiding
    # which reading, in words
    assert "dit overzicht volgt de lezing dat 25.6 ook dan geldt" in inleiding
    assert "opgeheven" not in uit
    assert not KALE_LEZING.search(uit)


def test_rechter_onder_de_andere_lezing_verdeelt_niets(tmp_path: Path) -> None:
    register = _register_met_lezing(tmp_path, "rechter_vrd_kosten", "eigen_kosten")
    uit = _liquidatie("--route", "rechter", "--register", str(register))
    assert "Door de gemeenten te dragen" not in uit
    assert "er wordt niets over de gemeenten verdeeld" in uit
    assert "De Veiligheidsregio Drenthe draagt als werkgever € 262.087,45." in uit
    assert (
        "de Stuurgroep stelde op 6 oktober 2027 vast (besluit 2027-09) dat 25.6 dan niet geldt"
        in uit
    )
    assert "dragen de gemeenten" not in uit


def test_rechter_pdf_zonder_tegenspraak(tmp_path: Path) -> None:
    code, doel, fout = _maak(
        tmp_path, "liquidatieoverzicht", BEGROTING, "l.pdf", "--route", "rechter"
    )
    assert code == 0, fout
    tekst = "\n".join(_pdf_tekst(doel)).replace("\u00a0", " ")
    assert "niets over de gemeenten verdeeld" not in tekst
    assert "€ 0,00" not in tekst
    assert "€ 262.087,45" in tekst


def test_opheffing_in_de_woorden_van_het_convenant() -> None:
    uit = _liquidatie()
    # 25.4 heft op; the document keeps to that word and to 25.6's "liquiditeitsplan"
    assert "opgeheven (art. 25.4)" in uit
    assert "ontbonden" not in uit
    assert "liquidatieplan" not in uit
    assert "liquiditeitsplan" in uit
    assert not KALE_LEZING.search(uit)
    assert not ENGINE.search(uit), ENGINE.search(uit)


def test_gedetacheerd_personeel_noemt_de_tegenspraak_van_25_6_en_25_7() -> None:
    uit = _liquidatie()
    detachering = uit.split("## Gedetacheerd personeel (art. 25.7)")[1].split("##")[0]
    assert (
        "25.6 rekent ook gedetacheerd personeel tot de kosten die de gemeenten dragen"
        in detachering
    )
    assert "spreken elkaar daarin tegen" in detachering
    assert "dit overzicht volgt de lezing dat personeel dat een Partij detacheerde" in detachering
    # the toelichting does not repeat the partners' table
    assert uit.count("€ 8.200,00") == 2  # the budget line and the partners' table


def test_toelichting_noemt_elke_lezing_en_herhaalt_geen_tabel() -> None:
    uit = _liquidatie()
    toelichting = uit.split("## Toelichting")[1]
    assert "Welke bijdrage bedoeld is, zegt het convenant niet" in toelichting
    assert "Wie andere verplichtingen dan die jegens het personeel draagt" in toelichting
    assert "Verdeelsleutel:" not in toelichting  # said above the table
    # the rounding goes with the table it explains
    tabel = uit.split("## Door de gemeenten te dragen (art. 25.6)")[1].split("##")[0]
    assert "6 overgebleven centen" in tabel
    assert "centen" not in toelichting


def _json_bedragen(*extra: str) -> dict[str, str]:
    code, uit, fout = draai(
        ["simuleer", "liquidatie", "--begroting", str(BEGROTING), "--json", *extra]
    )
    assert code == 0, fout
    return {g["naam"]: g["bedrag"] for g in json.loads(uit)["gemeenten"]}


def _md_bedragen(uit: str) -> dict[str, str]:
    rijen = re.findall(
        r"^\| (Gemeente [^|]+) \| [\d.]+ \| [\d,]+\u00a0% \| € ([\d.,]+) \|$", uit, re.M
    )
    return {naam: bedrag.replace(".", "").replace(",", ".") for naam, bedrag in rijen}


@pytest.mark.parametrize("deelt", ["--uittreder-deelt", "--uittreder-deelt-niet"])
def test_uittreding_zegt_wat_de_bedragen_zijn_en_klopt_met_simuleer(deelt: str) -> None:
    opties = ["--route", "uittreding", "--uittredend", "emmen", deelt]
    uit = _liquidatie(*opties)
    assert _md_bedragen(uit) == _json_bedragen(*opties)
    inleiding = uit.split("## Begroting")[0]
    assert "Gemeente Emmen treedt uit" in inleiding
    assert "De bedragen hieronder zijn de posten van die begroting" in inleiding
    assert "de kosten die de uittreding veroorzaakt" not in uit
    toelichting = uit.split("## Toelichting")[1]
    assert "Of een uittredende gemeente meebetaalt, zegt het convenant niet" in toelichting
    if deelt == "--uittreder-deelt":
        assert "| Gemeente Emmen |" in uit
        assert "dit overzicht volgt de lezing dat Gemeente Emmen meebetaalt" in toelichting
    else:
        assert "| Gemeente Emmen |" not in uit
        assert "dit overzicht volgt de lezing dat Gemeente Emmen niet meebetaalt" in toelichting
    assert not KALE_LEZING.search(uit)


def test_liquidatie_word_zegt_hetzelfde(tmp_path: Path) -> None:
    code, doel, fout = _maak(
        tmp_path, "liquidatieoverzicht", BEGROTING, "l.docx", "--route", "rechter"
    )
    assert code == 0, fout
    tekst = _word_tekst(doel)
    assert "niets over de gemeenten verdeeld" not in tekst
    assert "dit overzicht volgt de lezing dat 25.6 ook dan geldt" in tekst
    assert "spreken elkaar daarin tegen" in tekst
    assert "liquidatieplan" not in tekst
