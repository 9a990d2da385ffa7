"""'Op de agenda zetten' for a toetreding, end to end.

It once wrote a besluit without votes into a recorded meeting, which made the whole meeting
unreadable. Now it puts an item ter besluitvorming on a planned meeting's agenda (its number
reserved, the dossier named), from which the meeting is recorded with the votes; or, for a
meeting already recorded, it adds the besluit to that meeting's form for the secretaris to
complete. Either way the dossier follows the verdict (22.4), and no meeting is ever unreadable.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml
from fastapi.testclient import TestClient

from convenant.web.app import maak_app
from convenant.web.werkplek import Werkplek
from tests.web_hulp import VOORBEELDEN, csrf, formuliervelden, kopieer_register, verstuur, zet

DOSSIER = "jeugdhulp"
LEDEN = ("sg_assen", "sg_emmen", "sg_hoogeveen", "sg_politie", "sg_om", "sg_ggd")


class InNovember(Werkplek):
    def vandaag(self) -> dt.date:
        return dt.date(2027, 11, 1)


@pytest.fixture
def register(tmp_path: Path) -> Path:
    r = kopieer_register(tmp_path / "register")
    data = yaml.safe_load((VOORBEELDEN / "toetredingen" / "voorbeeldzorg.yaml").read_text("utf-8"))
    data["partij"] = {"id": DOSSIER}
    data["organisatie"]["naam"] = "Stichting Jeugdhulp Zuidoost"
    for sleutel in ("besluit_stuurgroep", "plaats_ondertekening", "datum_ondertekening"):
        data.pop(sleutel, None)
    (r / "toetredingen").mkdir()
    (r / "toetredingen" / f"{DOSSIER}.yaml").write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return r


@pytest.fixture
def c(register: Path) -> TestClient:
    return TestClient(maak_app(InNovember(register)), follow_redirects=False)


def _versie(html: str) -> str:
    gevonden = re.search(r'name="versie" value="([^"]*)"', html)
    assert gevonden
    return gevonden.group(1)


def _dossier(register: Path) -> dict[str, object]:
    data: dict[str, object] = yaml.safe_load(
        (register / "toetredingen" / f"{DOSSIER}.yaml").read_text(encoding="utf-8")
    )
    return data


def _op_de_agenda(c: TestClient, keuze: str) -> str:
    pagina = c.get(f"/toetredingen/{DOSSIER}").text
    assert f'<option value="{keuze}">' in pagina
    r = c.post(
        f"/toetredingen/{DOSSIER}/agenda",
        data={"csrf": csrf(pagina), "versie": _versie(pagina), "vergadering": keuze},
    )
    assert r.status_code == 303
    return str(r.headers["location"])


def _alle_vergaderingen_leesbaar(c: TestClient, register: Path) -> None:
    for pad in register.glob("stuurgroep-*.yaml"):
        r = c.get(f"/vergaderingen/{pad.stem}")
        assert r.status_code == 200
        assert "de stemmen ontbreken" not in r.text, pad.name


def test_op_de_agenda_van_een_geplande_vergadering_en_dan_vastleggen(
    c: TestClient, register: Path
) -> None:
    pagina = c.get("/planning").text
    r = c.post(
        "/planning",
        data={
            "csrf": csrf(pagina),
            "versie": _versie(pagina),
            "orgaan": "stuurgroep",
            "datum": "2027-11-17",
            "tijd": "15:30",
        },
    )
    assert r.status_code == 303
    s = "stuurgroep-2027-11-17"
    terug = _op_de_agenda(c, f"gepland:{s}")
    assert terug == f"/toetredingen/{DOSSIER}?opgeslagen=agenda"
    besluit = _dossier(register)["besluit_stuurgroep"]
    assert isinstance(besluit, dict)
    assert besluit["datum"] == dt.date(2027, 11, 17)
    nummer = besluit["besluit"]
    assert re.fullmatch(r"sg-2027-\d\d", str(nummer))
    assert f'href="/planning/{s}"' in c.get(terug).text
    _alle_vergaderingen_leesbaar(c, register)

    # the agenda has the item, ter besluitvorming, and the agenda document says so
    agenda = c.get(f"/planning/{s}").text
    assert "Toetreding van Stichting Jeugdhulp Zuidoost" in agenda
    md = c.get(f"/planning/{s}/agenda?formaat=md").text
    assert "**Toetreding van Stichting Jeugdhulp Zuidoost**" in md
    assert "Ter besluitvorming" in md.split("Toetreding van Stichting Jeugdhulp Zuidoost")[1]

    # the meeting recorded from its agenda: the besluit with its number and dossier
    velden = formuliervelden(c.get(f"/vergaderingen/nieuw?planning={s}").text)
    waarden = dict(velden)
    assert waarden["b0-id"] == nummer
    assert waarden["b0-soort"] == "toetreding"
    assert DOSSIER in waarden["b0-rest"]
    velden = zet(velden, "inbreng_gevraagd_op", "2027-10-20")
    velden = zet(velden, "b0-voldaan", "publieke_taak")
    for lid in LEDEN:
        velden = zet(velden, f"b0-stem-{lid}", "voor")
    r = verstuur(c, "/vergaderingen/nieuw", zet(velden, "actie", "opslaan"))
    assert r.status_code == 303, r.text
    _alle_vergaderingen_leesbaar(c, register)
    assert "aangenomen" in c.get(f"/vergaderingen/{s}/besluiten/{nummer}").text

    # the dossier follows: the verdict, and the form is ready to sign
    dossierpagina = c.get(f"/toetredingen/{DOSSIER}").text
    assert f'href="/vergaderingen/{s}/besluiten/{nummer}"' in dossierpagina
    assert "oordeel-aangenomen" in dossierpagina


def test_bij_een_vastgelegde_vergadering_vult_de_secretaris_het_besluit_aan(
    c: TestClient, register: Path
) -> None:
    pad = register / "stuurgroep-2027-10-06.yaml"
    voor = pad.read_bytes()
    terug = _op_de_agenda(c, "stuurgroep-2027-10-06")
    assert terug.startswith(f"/vergaderingen/stuurgroep-2027-10-06/bewerk?toetreding={DOSSIER}")
    # nothing is written into the meeting until the secretaris saves it with the votes
    assert pad.read_bytes() == voor
    _alle_vergaderingen_leesbaar(c, register)
    besluit = _dossier(register)["besluit_stuurgroep"]
    assert isinstance(besluit, dict)
    nummer = str(besluit["besluit"])
    # the dossier page leads back to the form while the besluit is not recorded
    assert "Vul het besluit aan" in c.get(f"/toetredingen/{DOSSIER}").text

    formulier = c.get(terug.split("#")[0]).text
    velden = formuliervelden(formulier)
    waarden = dict(velden)
    i = next(k.split("-")[0] for k, w in velden if k.endswith("-id") and w == nummer)
    assert waarden[f"{i}-onderwerp"] == "Toetreding van Stichting Jeugdhulp Zuidoost"
    assert waarden[f"{i}-soort"] == "toetreding"
    # the other besluiten keep their votes
    assert sum(1 for k, w in velden if k.startswith("b0-stem-") and w == "voor") > 0
    velden = zet(velden, f"{i}-voldaan", "publieke_taak")
    for lid in LEDEN:
        velden = zet(velden, f"{i}-stem-{lid}", "voor")
    r = verstuur(
        c,
        "/vergaderingen/stuurgroep-2027-10-06/bewerk",
        zet(velden, "actie", "opslaan_zonder_opmerkingen"),
    )
    assert r.status_code == 303, r.text
    _alle_vergaderingen_leesbaar(c, register)
    data = yaml.safe_load(pad.read_text(encoding="utf-8"))
    toegevoegd = next(b for b in data["besluiten"] if b["id"] == nummer)
    assert toegevoegd["toetreding"] == {"dossier": DOSSIER}
    assert "stemmen" in toegevoegd
    assert "oordeel-aangenomen" in c.get(f"/toetredingen/{DOSSIER}").text
