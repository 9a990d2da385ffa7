"""Nothing depends on the working directory (DESIGN.md): a command started inside a register
folder answers as one started anywhere else; the register is named by path or found from the
input file's own path."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.scenario_runners import VOORBEELDREGISTER, draai


@pytest.fixture
def register(tmp_path: Path) -> Path:
    kopie = tmp_path / "register"
    shutil.copytree(VOORBEELDREGISTER, kopie)
    return kopie


def test_partijen_in_de_registermap_zonder_register_is_als_elders(
    register: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elders = tmp_path / "elders"
    elders.mkdir()
    monkeypatch.chdir(elders)
    _, van_elders, _ = draai(["partijen", "--op", "2028-03-01"])
    monkeypatch.chdir(register)
    _, in_register, _ = draai(["partijen", "--op", "2028-03-01"])
    # The example register records Cosis's exit (31 January 2028); without --register that
    # record is not read, wherever the command is started.
    assert in_register == van_elders
    assert "cosis" in in_register
    _, met_register, _ = draai(["partijen", "--op", "2028-03-01", "--register", "."])
    assert "cosis" not in met_register


def test_leden_in_de_registermap_vraagt_het_register_bij_naam(
    register: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(register)
    code, _, fout = draai(["leden", "--orgaan", "stuurgroep", "--op", "2027-02-10"])
    assert code == 2
    assert "geef het register met --register PAD" in fout
    code, uit, _ = draai(
        ["leden", "--register", ".", "--orgaan", "stuurgroep", "--op", "2027-02-10"]
    )
    assert code == 0
    assert uit


def test_toets_vindt_het_register_van_het_bestand_vanuit_een_andere_map(
    register: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vergadering = register / "stuurgroep-2027-02-10.yaml"
    monkeypatch.chdir(register)
    code, verwacht, _ = draai(["toets", vergadering.name])
    elders = tmp_path / "elders"
    elders.mkdir()
    monkeypatch.chdir(elders)
    code_elders, uit, _ = draai(["toets", str(vergadering)])
    assert (code_elders, uit.replace(str(vergadering), vergadering.name)) == (code, verwacht)
    assert code in (0, 1)


def test_een_lid_voor_een_nog_niet_getekende_toetreding_noemt_het_dossier(
    register: Path,
) -> None:
    """The example dossier of Voorbeeldzorg has no signature date: it is no Partij yet (Bijlage
    1), and a member seated for it is refused with the dossier named, not as an unknown id."""
    bezetting = register / "bezetting.yaml"
    tekst = bezetting.read_text(encoding="utf-8")
    kop = "partneroverleg:\n        leden:\n"
    plek = tekst.index(kop, tekst.index("- vanaf: 2027-01-01")) + len(kop)
    lid = (
        "          - id: po_voorbeeldzorg\n            naam: Afgevaardigde Voorbeeldzorg\n"
        "            partij: voorbeeldzorg\n"
    )
    bezetting.write_text(tekst[:plek] + lid + tekst[plek:], encoding="utf-8")
    regel = tekst[:plek].count("\n") + 3
    code, _, fout = draai(["valideer", "--register", str(register), "--geen-bevindingen"])
    assert code == 2
    assert f"{bezetting}:{regel}:" in fout
    assert "onbekende partij" not in fout
    assert (
        "'voorbeeldzorg' is nog geen Partij: Bijlage 1 is niet getekend volgens het "
        f"toetredingsdossier {register / 'toetredingen' / 'voorbeeldzorg.yaml'}:4 "
        "(Stichting Voorbeeldzorg Drenthe)"
    ) in fout
    assert (
        "herstel: zet 'datum_ondertekening: JJJJ-MM-DD' in dat dossier zodra Bijlage 1 is "
        "getekend, of noem 'voorbeeldzorg' hier pas in een periode vanaf die dag"
    ) in fout
