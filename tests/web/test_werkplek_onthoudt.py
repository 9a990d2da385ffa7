"""The workplace keeps what it read and judged while nothing it rests on changed, and follows
every change on disk (issue 26: the overview judged every meeting again on every request, and
a live verdict read every meeting file and checked the register's files dozens of times)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import convenant.register
import rules.toets
from convenant.web.werkplek import Werkplek, beoordeel
from tests.web_hulp import client, formuliervelden, kopieer_register, verstuur

VERGADERING = "stuurgroep-2027-02-10.yaml"


@pytest.fixture
def register(tmp_path: Path) -> Path:
    return kopieer_register(tmp_path / "register")


@pytest.fixture
def geteld(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files `rules.toets.toets` judged, in order."""
    getoetst: list[str] = []
    echt = rules.toets.toets

    def tellend(b: object, *args: object, **kwargs: object) -> object:
        getoetst.append(str(b.vergadering.datum))  # type: ignore[attr-defined]
        return echt(b, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(rules.toets, "toets", tellend)
    return getoetst


def _later(pad: Path) -> None:
    """The file's stamp moves on, as an edit a moment later moves it."""
    st = pad.stat()
    os.utime(pad, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))


def test_een_ongewijzigd_register_wordt_niet_opnieuw_getoetst(
    register: Path, geteld: list[str]
) -> None:
    c = client(register)
    assert c.get("/?jaar=2027").status_code == 200
    eerst = len(geteld)
    assert eerst >= 5  # every meeting of the example register
    assert c.get("/?jaar=2027").status_code == 200
    assert c.get("/agenda.ics").status_code == 200
    assert len(geteld) == eerst


def test_een_gewijzigde_vergadering_krijgt_haar_nieuwe_oordeel(
    register: Path, geteld: list[str]
) -> None:
    w = Werkplek(register)
    voor = {g.naam: g for g in beoordeel(w)[0]}[VERGADERING]
    assert any(o.oordeel == "ongeldig" for o in voor.oordelen)
    pad = register / VERGADERING
    tekst = pad.read_text(encoding="utf-8")
    kop, _, _ = tekst.partition("besluiten:")
    eerste = tekst.split("\n  - id:")[1]
    pad.write_text(f"{kop}besluiten:\n  - id:{eerste}", encoding="utf-8")
    _later(pad)
    geteld.clear()
    na = {g.naam: g for g in beoordeel(w)[0]}[VERGADERING]
    assert geteld == ["2027-02-10"], "alleen de gewijzigde vergadering wordt opnieuw getoetst"
    assert [o.id for o in na.oordelen] == ["sg-2027-01"]


def test_een_gewijzigde_bezetting_laat_alles_opnieuw_toetsen(
    register: Path, geteld: list[str]
) -> None:
    w = Werkplek(register)
    aantal = len(beoordeel(w)[0])
    pad = register / "bezetting.yaml"
    pad.write_text(pad.read_text(encoding="utf-8") + "\n# gewijzigd\n", encoding="utf-8")
    _later(pad)
    geteld.clear()
    assert len(beoordeel(w)[0]) == aantal
    assert len(geteld) == aantal


def test_een_vergadering_die_onleesbaar_wordt_staat_bij_de_kapotte(register: Path) -> None:
    w = Werkplek(register)
    beoordeel(w)
    pad = register / VERGADERING
    pad.write_text("orgaan: [\n", encoding="utf-8")
    _later(pad)
    gehouden, kapot = beoordeel(w)
    assert VERGADERING not in {g.naam for g in gehouden}
    assert VERGADERING in {k.naam for k in kapot}
    pad.unlink()
    gehouden, kapot = beoordeel(w)
    assert VERGADERING not in {g.naam for g in gehouden} | {k.naam for k in kapot}
    assert pad not in w.oordelen


def test_een_live_oordeel_leest_de_registerbestanden_niet_telkens_opnieuw(
    register: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page asks for the register's convenant at every name it shows; the files behind it
    are looked at a few times per request, not once per name, and an unchanged meeting file
    of the register is not read again for the besluit numbers."""
    c = client(register)
    velden = formuliervelden(c.get("/vergaderingen/stuurgroep-2027-02-10/bewerk").text)
    assert verstuur(c, "/vergaderingen/toets", velden).status_code == 200
    stempels: list[object] = []
    echt_stempel = convenant.register.stempel

    def stempel(paden: object) -> object:
        stempels.append(paden)
        return echt_stempel(paden)  # type: ignore[arg-type]

    monkeypatch.setattr(convenant.register, "stempel", stempel)
    gelezen: list[Path] = []
    echt_lees = Werkplek._lees

    def lees(self: Werkplek, id_: str, pad: Path) -> object:
        gelezen.append(pad)
        return echt_lees(self, id_, pad)

    monkeypatch.setattr(Werkplek, "_lees", lees)
    antwoord = verstuur(c, "/vergaderingen/toets", velden)
    assert antwoord.status_code == 200
    assert "oordeel-0" in antwoord.text
    assert len(stempels) <= 12, len(stempels)
    assert gelezen == []


def test_de_namen_van_een_convenant_worden_eenmaal_opgezocht(register: Path) -> None:
    """The convenant page asks for the readable name of an id hundreds of times; they are
    worked out once per convenant, and again for a changed one (a new Partij by accession)."""
    from convenant.web.app import namen

    w = Werkplek(register)
    c = w.convenant
    assert namen(c) is namen(c)
    nieuw = c.model_copy(
        update={"partijen": [*c.partijen, c.partijen[0].model_copy(update={"id": "nieuw"})]}
    )
    assert "nieuw" in namen(nieuw)
    assert "nieuw" not in namen(c)
