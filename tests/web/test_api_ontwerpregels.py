"""The API as the NL GOV API Design Rules ask, checked by their own linter.

Logius publishes the rules with a ruleset for Spectral (tests/api-design-rules/, with its
licence and source). This test lints the OpenAPI document the running app serves, and
requires 0 errors. Spectral comes from npm (`make spectral`); without it the test skips and
says how to get it, except under CI, where a skipped check would pass unseen.
"""

from __future__ import annotations

import copy
import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.web_hulp import client, kopieer_register

WORTEL = Path(__file__).resolve().parents[2]
SPECTRAL = WORTEL / "tools" / "spectral" / "node_modules" / ".bin" / "spectral"
REGELS = Path(__file__).resolve().parent / "api-design-rules" / "linter.yaml"
FOUT = 0  # Spectral's severity of an error (1 warning, 2 info, 3 hint)


def _lint(document: dict[str, Any], map_: Path) -> list[dict[str, Any]]:
    if not SPECTRAL.exists():
        hoe = "Spectral ontbreekt; 'make spectral' installeert het (npm nodig)."
        if os.environ.get("CI") == "true":
            pytest.fail(hoe)
        pytest.skip(hoe)
    bestand = map_ / "openapi.json"
    bestand.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
    uit = map_ / "spectral.json"
    proces = subprocess.run(
        [str(SPECTRAL), "lint", "-r", str(REGELS), "-f", "json", "-o", str(uit), str(bestand)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=map_,
        # The ruleset and the document are local files; nothing to fetch, nothing to report.
        env={**os.environ, "SCARF_ANALYTICS": "false", "DO_NOT_TRACK": "1"},
        check=False,
    )
    assert uit.exists(), proces.stdout + proces.stderr
    resultaten: list[dict[str, Any]] = json.loads(uit.read_text(encoding="utf-8"))
    return resultaten


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    register = kopieer_register(tmp_path_factory.mktemp("ontwerpregels") / "register")
    r = client(register).get("/api/v1/openapi.json")
    assert r.status_code == 200, r.text
    data: dict[str, Any] = r.json()
    return data


def test_de_ontwerpregels_vinden_geen_fout(document: dict[str, Any], tmp_path: Path) -> None:
    fouten = [
        f"{r['code']} op {'.'.join(map(str, r['path']))}: {r['message']}"
        for r in _lint(document, tmp_path)
        if r["severity"] == FOUT
    ]
    assert fouten == []


def test_de_linter_ziet_wat_de_regels_verbieden(document: dict[str, Any], tmp_path: Path) -> None:
    """The same run finds what the rules forbid, so an empty result above means something."""
    kapot = copy.deepcopy(document)
    del kapot["paths"]["/soorten"]["get"]["responses"]["200"]["headers"]
    kapot["paths"]["/toets"]["post"]["responses"]["400"]["content"] = {
        "application/json": {"schema": {"type": "object"}}
    }
    del kapot["servers"]
    codes = {r["code"] for r in _lint(kapot, tmp_path) if r["severity"] == FOUT}
    assert {"nlgov:missing-header", "nlgov:use-problem-schema", "oas3-api-servers"} <= codes
