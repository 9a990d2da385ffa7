"""Helpers for the workplace tests: a private copy of the example register and a client."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from fastapi.testclient import TestClient

from convenant.web.app import maak_app
from convenant.web.werkplek import Werkplek

VOORBEELDEN = Path(__file__).resolve().parent.parent / "examples"


def kopieer_register(doel: Path) -> Path:
    """The example meetings, bezetting and verdeelsleutel (not casus: never served)."""
    doel.mkdir(parents=True, exist_ok=True)
    for pad in VOORBEELDEN.glob("*.yaml"):
        shutil.copy2(pad, doel / pad.name)
    return doel


def client(register: Path, **opties: object) -> TestClient:
    return TestClient(maak_app(Werkplek(register), **opties), follow_redirects=False)  # type: ignore[arg-type]


def csrf(html: str) -> str:
    gevonden = re.search(r'name="csrf" value="([^"]+)"', html) or re.search(
        r'"X-CSRF-Token": "([^"]+)"', html
    )
    assert gevonden, "de pagina heeft geen CSRF-veld"
    return gevonden.group(1)
