"""The reply term of an intended toetreding on its page comes from convenant.yaml (the
toetreding's `akkoord` step, an aanname: 22.3 and 22.4 set none), never from the template."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from fastapi.testclient import TestClient

from convenant.web.app import maak_app
from convenant.web.werkplek import Werkplek

WORTEL = Path(__file__).resolve().parents[2]
REGEL = (
    "termijn: {aantal: 4, eenheid: weken, vanaf: de kennisgeving, "
    "aanname: kennisgeving_toetreding_termijn}"
)


def _pagina(tmp_path: Path, weken: int) -> str:
    register = tmp_path / f"register-{weken}"
    shutil.copytree(WORTEL / "examples", register)
    tekst = (WORTEL / "convenant.yaml").read_text(encoding="utf-8")
    assert REGEL in tekst
    eigen = tmp_path / f"convenant-{weken}.yaml"
    eigen.write_text(tekst.replace(REGEL, REGEL.replace("aantal: 4", f"aantal: {weken}")), "utf-8")
    c = TestClient(maak_app(Werkplek(register, convenant_pad=eigen)), follow_redirects=False)
    r = c.get("/toetredingen/voorbeeldzorg")
    assert r.status_code == 200
    return re.sub(r"<[^>]+>", "", r.text)


def test_de_antwoordtermijn_op_de_pagina_volgt_convenant_yaml(tmp_path: Path) -> None:
    # the notice of 6 January 2027: six weeks is 17 February, four weeks 3 February
    zes = " ".join(_pagina(tmp_path, 6).split())
    assert "hun antwoord is gevraagd uiterlijk 17 februari 2027 (6 weken" in zes
    assert "vier weken" not in zes
    vier = " ".join(_pagina(tmp_path, 4).split())
    assert "hun antwoord is gevraagd uiterlijk 3 februari 2027 (4 weken" in vier
    # the aanname is named in words; its id only in the link's address
    assert "kennisgeving_toetreding_termijn" not in vier
