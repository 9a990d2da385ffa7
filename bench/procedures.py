"""Measure, never assert: the procedure pages and the JSON API (issue 15) on loopback.

Run with `make bench`. Targets: the all-single-exits table for twelve gemeenten renders in at
most 200 ms; /api/v1/toets on a 12-besluit meeting has a p95 of at most 20 ms over 2,000
sequential loopback requests.
"""

from __future__ import annotations

import http.client
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

WORTEL = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(WORTEL))

import yaml  # noqa: E402

from tests.web_hulp import kopieer_register  # noqa: E402

RONDES_TABEL = 50
RONDES_API = 2_000
BEGROTING = WORTEL / "examples" / "documenten" / "liquidatiebegroting-voorbeeld.yaml"


def _ms(waarden: list[float]) -> str:
    waarden = sorted(waarden)
    p95 = waarden[int(len(waarden) * 0.95) - 1]
    return f"mediaan {statistics.median(waarden) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms"


def _vergadering_12() -> str:
    """A Stuurgroep meeting with 12 besluiten, as JSON another system would send it."""
    data = yaml.safe_load((WORTEL / "examples" / "stuurgroep-2027-02-10.yaml").read_text("utf-8"))
    besluiten = data["besluiten"]
    extra = [
        dict(b, id=f"sg-2027-{len(besluiten) + i + 1:02d}") for i, b in enumerate(besluiten[:5])
    ]
    data["besluiten"] = besluiten + extra
    assert len(data["besluiten"]) == 12
    return json.dumps(data, default=str)


def _tabel(register: Path) -> None:
    from fastapi.testclient import TestClient

    from convenant.web.app import maak_app
    from convenant.web.werkplek import Werkplek

    c = TestClient(maak_app(Werkplek(register)))
    pad = "/liquidatie?alle=ja"
    assert "naast elkaar" in c.get(pad).text
    tijden = []
    for _ in range(RONDES_TABEL):
        begin = time.perf_counter()
        c.get(pad)
        tijden.append(time.perf_counter() - begin)
    print(
        f"liquidatiepagina met alle uittredingen, 12 x 12 ({RONDES_TABEL}x, in-process): {_ms(tijden)}"
    )


def _api(register: Path) -> None:
    from convenant.web.achtergrond import op_achtergrond
    from convenant.web.app import maak_app
    from convenant.web.werkplek import Werkplek

    lichaam = _vergadering_12().encode()
    koppen = {"content-type": "application/json"}
    with op_achtergrond(maak_app(Werkplek(register))) as adres:
        host, poort = adres.removeprefix("http://").split(":")
        verbinding = http.client.HTTPConnection(host, int(poort), timeout=10)
        tijden = []
        for _ in range(RONDES_API):
            begin = time.perf_counter()
            verbinding.request("POST", "/api/v1/toets", lichaam, koppen)
            antwoord = verbinding.getresponse()
            antwoord.read()
            tijden.append(time.perf_counter() - begin)
            assert antwoord.status == 200
        verbinding.close()
    print(f"/api/v1/toets, 12 besluiten ({RONDES_API}x achter elkaar, loopback): {_ms(tijden)}")


def main() -> None:
    map_ = Path(tempfile.mkdtemp(prefix="convenant-bench-procedures-"))
    try:
        register = kopieer_register(map_ / "register")
        (register / "documenten").mkdir()
        shutil.copy2(BEGROTING, register / "documenten" / BEGROTING.name)
        _tabel(register)
        _api(register)
    finally:
        shutil.rmtree(map_, ignore_errors=True)


if __name__ == "__main__":
    main()
