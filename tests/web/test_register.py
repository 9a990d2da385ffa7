"""The register service (issue 21): one register, one state of the convenant on every date,
whatever folder the program was started from."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from convenant.register import Register
from tests.web_hulp import VOORBEELDEN, client, formuliervelden, kopieer_register, verstuur, zet

TOETREDING = """\
orgaan: stuurgroep
datum: 2027-05-12
inbreng_gevraagd_op: 2027-04-14
aanwezig: alle
besluiten:
  - id: sg-2027-09
    onderwerp: Toetreding van Stichting Voorbeeldzorg Drenthe
    tekst: De Stuurgroep stemt in met de toetreding van Stichting Voorbeeldzorg Drenthe.
    soort: toetreding
    voldaan: [publieke_taak]
    toetreding: {dossier: voorbeeldzorg}
    stemmen: {voor: alle}
"""


@pytest.fixture
def register(tmp_path: Path) -> Path:
    map_ = kopieer_register(tmp_path / "register")
    shutil.copytree(VOORBEELDEN / "toetredingen", map_ / "toetredingen")
    shutil.copytree(VOORBEELDEN / "documenten", map_ / "documenten")
    for pad in map_.glob("*-20*.yaml"):
        pad.unlink()
    (map_ / "stuurgroep-2027-05-12.yaml").write_text(TOETREDING, encoding="utf-8")
    return map_


def test_werkplek_van_elders_gestart_beoordeelt_en_bewaart_een_toetreding(
    register: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The dossier a toetreding besluit names is looked up in the register the workplace
    serves, not in the folder it was started from (was: 'geen toetredingsdossier … zonder
    register' under `make run`)."""
    elders = tmp_path / "elders"
    elders.mkdir()
    monkeypatch.chdir(elders)
    c = client(register)
    velden = formuliervelden(c.get("/vergaderingen/stuurgroep-2027-05-12/bewerk").text)
    live = verstuur(c, "/vergaderingen/toets", velden)
    assert live.status_code == 200
    assert "toetredingsdossier" not in live.text, live.text
    assert "aangenomen" in live.text.lower()
    r = verstuur(c, "/vergaderingen/stuurgroep-2027-05-12/bewerk", zet(velden, "actie", "opslaan"))
    assert r.status_code == 303, r.text
    pagina = c.get("/vergaderingen/stuurgroep-2027-05-12").text
    assert "toetredingsdossier" not in pagina
    assert "Alle" in pagina
    assert "akkoord" in pagina


def test_register_opent_op_pad_niet_op_werkmap(
    register: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same answers from any working directory, given the folder by path."""
    # a bezetting not yet brought up to date: it still seats Cosis's member after her exit
    bezetting = register / "bezetting.yaml"
    tekst = bezetting.read_text(encoding="utf-8")
    tekst = tekst.replace("tot: 2028-01-31", "tot: 2099-01-01")
    bezetting.write_text(tekst.replace("- vanaf: 2028-01-31", "- vanaf: 2099-01-01"), "utf-8")
    monkeypatch.chdir(tmp_path)
    r = Register(register)
    stand = r.stand_op(dt.date(2028, 3, 1))
    assert "cosis" in {p.id for p in stand.niet_in_kracht}
    reden = stand.buiten("cosis")
    assert reden is not None
    assert reden.datum == dt.date(2028, 1, 31)
    assert reden.vastlegging is not None
    assert reden.vastlegging.document == "documenten/opzegging-cosis.yaml"
    assert stand.buiten("politie") is None
    # the member for Cosis holds no seat that day: it speaks for nobody in force
    zetels = {z.lid.id: z for z in stand.leden("partneroverleg")}
    assert zetels["po_cosis"].partijen == ()
    assert zetels["po_cosis"].vertrokken == ("cosis",)
    assert zetels["po_gemeenten"].partijen  # the joint delegate still speaks for the gemeenten
    # a day before the exit, Cosis is in force
    assert r.stand_op(dt.date(2028, 1, 30)).buiten("cosis") is None


def test_register_leest_een_gewijzigd_document_opnieuw(register: Path) -> None:
    """The workplace keeps one Register while files change on disk."""
    r = Register(register)
    assert r.stand_op(dt.date(2028, 3, 1)).buiten("cosis") is not None
    (register / "documenten" / "opzegging-cosis.yaml").unlink()
    assert r.stand_op(dt.date(2028, 3, 1)).buiten("cosis") is None


def test_gelezen_lezing_geldt_vanaf_de_datum_van_het_besluit(register: Path) -> None:
    """A reading settled by a besluit applies from that besluit's date, not before."""
    (register / "lezingen.yaml").write_text(
        "vastgesteld:\n"
        "  - aanname: ingang_opzegtermijn\n"
        "    lezing: dag_na_opzegging\n"
        "    besluit: sg-2027-20\n"
        "    datum: 2027-06-01\n",
        encoding="utf-8",
    )
    r = Register(register)
    voor = r.keuze_op(dt.date(2027, 5, 31)).vastgesteld
    na = r.keuze_op(dt.date(2027, 6, 1)).vastgesteld
    assert "ingang_opzegtermijn" not in voor
    assert na["ingang_opzegtermijn"].lezing == "dag_na_opzegging"
