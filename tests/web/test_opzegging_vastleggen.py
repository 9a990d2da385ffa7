"""Recording a notice actually given (25.2) from the exit page: stored as the register service
reads it (documenten/, `Register._uittredingen`), so the state on a later date, the overview,
the calendar and the command line all follow it."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from convenant.register import Register
from convenant.web.app import maak_app
from convenant.web.werkplek import Werkplek
from governance.documenten import Opzegging
from governance.loader import laad
from tests.scenario_runners import draai
from tests.web_hulp import csrf, kopieer_register

SIMULATIE = "/uittreding?partij=meppel&route=opzegtermijn&opzegging=2027-01-31"


class InMaart(Werkplek):
    def vandaag(self) -> dt.date:
        return dt.date(2027, 3, 1)


@pytest.fixture
def register(tmp_path: Path) -> Path:
    return kopieer_register(tmp_path / "register")


@pytest.fixture
def c(register: Path) -> TestClient:
    return TestClient(maak_app(InMaart(register)), follow_redirects=False)


def _leg_vast(c: TestClient, simulatie: str = SIMULATIE, **extra: str) -> str:
    pagina = c.get(simulatie).text
    assert "Opzegging vastleggen" in pagina
    velden = dict(re.findall(r'<input type="hidden" name="([a-z_]+)" value="([^"]*)"', pagina))
    velden |= {"brief_naam": "burgemeester van Meppel", "brief_functie": "burgemeester"}
    velden |= {"brief_plaats": "Meppel", "csrf": csrf(pagina)} | extra
    r = c.post("/uittreding/vastleggen", data=velden)
    assert r.status_code == 303
    return str(r.headers["location"])


LATER = """orgaan: partneroverleg
datum: 2028-03-01
aanwezig: alle
besluiten:
  - id: po-2028-01
    onderwerp: Inzet van de procesregie
    soort: tactische_sturing
    stemmen: {voor: alle}
"""


def _toets(register: Path) -> dict[str, object]:
    code, uit, _ = draai(["toets", str(register / "partneroverleg-2028-03-01.yaml"), "--json"])
    assert code == 0
    besluit: dict[str, object] = json.loads(uit)["besluiten"][0]
    return besluit


def test_een_opzegging_vastleggen_werkt_door_in_de_stand(c: TestClient, register: Path) -> None:
    assert Register(register).stand_op(dt.date(2028, 3, 1)).buiten("meppel") is None
    (register / "partneroverleg-2028-03-01.yaml").write_text(LATER, encoding="utf-8")
    assert "Meppel" not in json.dumps(_toets(register), ensure_ascii=False)
    terug = _leg_vast(c)
    assert "vastgelegd=ja" in terug
    assert "De opzegging is vastgelegd in het register" in c.get(terug).text

    pad = register / "documenten" / "opzegging-meppel-2027-01-31.yaml"
    z = laad(pad, Opzegging).model
    assert (z.partij, z.datum, z.route, z.plaats) == (
        "meppel",
        dt.date(2027, 1, 31),
        "opzegtermijn",
        "Meppel",
    )

    # twelve months on (25.2): a Partij until then, none after
    r = Register(register)
    assert r.stand_op(dt.date(2028, 1, 30)).buiten("meppel") is None
    buiten = r.stand_op(dt.date(2028, 3, 1)).buiten("meppel")
    assert buiten is not None
    assert "meppel" not in {p.id for p in r.stand_op(dt.date(2028, 3, 1)).partijen}

    # the overview and its deadlines, the page listing the notices
    overzicht = c.get("/?jaar=2027&op=2027-03-01").text
    assert "Uittreding van Gemeente Meppel gaat in" in overzicht
    assert "Gemeente Meppel: deelname schriftelijk opgezegd op 31 januari 2027" in overzicht
    assert "Gemeente Meppel: schriftelijk opgezegd op 31 januari 2027" in c.get("/uittreding").text
    # before the notice was given, it is no fact
    assert "Meppel" not in c.get("/?jaar=2027&op=2027-01-15").text.split("Termijnen", 1)[1]

    # the command line reads the same register
    code, uit, _ = draai(["partijen", "--register", str(register), "--op", "2028-03-01", "--json"])
    assert code == 0
    assert "meppel" not in {p["id"] for p in json.loads(uit)["partijen"]}
    # `convenant toets` of a later meeting: the joint delegate no longer votes for Meppel
    na = json.dumps(_toets(register), ensure_ascii=False)
    assert "stemt niet meer namens Gemeente Meppel" in na
    assert "25.2" in na
    code, uit, _ = draai(["jaaroverzicht", str(register), "--jaar", "2027", "--json"])
    assert any(
        "Meppel: deelname schriftelijk opgezegd" in k for k in json.loads(uit)["kennisgevingen"]
    )


def test_een_partij_zegt_een_keer_op(c: TestClient, register: Path) -> None:
    _leg_vast(c)
    terug = _leg_vast(c, SIMULATIE.replace("2027-01-31", "2027-02-15"))
    assert "fout_vastleggen" in terug
    assert "al vastgelegd" in c.get(terug).text
    assert len(list((register / "documenten").glob("opzegging-meppel-*.yaml"))) == 1


def test_een_opzegging_in_de_toekomst_is_een_simulatie(c: TestClient, register: Path) -> None:
    terug = _leg_vast(c, SIMULATIE.replace("2027-01-31", "2027-06-30"))
    pagina = c.get(terug).text
    assert 'id="vastleggen-fout"' in pagina
    assert "na vandaag" in pagina
    # what was typed is still there
    assert 'value="Meppel"' in pagina
    assert not (register / "documenten").exists() or not list(
        (register / "documenten").glob("opzegging-meppel-*")
    )


def test_zonder_plaats_wordt_niets_vastgelegd(c: TestClient, register: Path) -> None:
    terug = _leg_vast(c, brief_plaats="")
    assert "fout_vastleggen" in terug
    assert "plaats" in c.get(terug).text
    assert not list(register.rglob("opzegging-meppel-*"))
