"""Measure, never assert: the workplace (`convenant web`) on loopback.

Run with `make bench`. Targets (issue 14): the server-side render of a meeting page with
12 besluiten at most 50 ms; a live verdict round trip p95 at most 20 ms over 2,000 sequential
requests on loopback; the server ready at most 1.5 s after start.
"""

from __future__ import annotations

import http.client
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

WORTEL = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(WORTEL))

import yaml  # noqa: E402

from tests.web_hulp import formuliervelden, kopieer_register  # noqa: E402

RONDES_RENDER = 200
RONDES_LIVE = 2_000
RONDES_START = 5


def _register(map_: Path) -> str:
    """The example register plus a Stuurgroep meeting with 12 besluiten; returns its id."""
    kopieer_register(map_)
    data = yaml.safe_load((map_ / "stuurgroep-2027-02-10.yaml").read_text(encoding="utf-8"))
    besluiten = data["besluiten"]
    extra = [
        dict(b, id=f"sg-2027-{len(besluiten) + i + 1:02d}") for i, b in enumerate(besluiten[:5])
    ]
    data["besluiten"] = besluiten + extra
    assert len(data["besluiten"]) == 12
    (map_ / "stuurgroep-2027-12-08.yaml").write_text(
        yaml.safe_dump({**data, "datum": "2027-12-08"}, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    return "stuurgroep-2027-12-08"


def _ms(waarden: list[float]) -> str:
    waarden = sorted(waarden)
    p95 = waarden[int(len(waarden) * 0.95) - 1]
    return f"mediaan {statistics.median(waarden) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms"


def _render(map_: Path, id_: str) -> None:
    from fastapi.testclient import TestClient

    from convenant.web.app import maak_app
    from convenant.web.werkplek import Werkplek

    c = TestClient(maak_app(Werkplek(map_)))
    velden = formuliervelden(c.get(f"/vergaderingen/{id_}/bewerk").text)
    lichaam = urlencode(velden)
    koppen = {"content-type": "application/x-www-form-urlencoded"}
    metingen: dict[str, Callable[[], Any]] = {
        "vergaderpagina": lambda: c.get(f"/vergaderingen/{id_}"),
        "formulier": lambda: c.get(f"/vergaderingen/{id_}/bewerk"),
        "live oordeel": lambda: c.post("/vergaderingen/toets", content=lichaam, headers=koppen),
    }
    for naam, verzoek in metingen.items():
        assert verzoek().status_code == 200
        tijden = []
        cpu = time.process_time()
        for _ in range(RONDES_RENDER):
            begin = time.perf_counter()
            verzoek()
            tijden.append(time.perf_counter() - begin)
        per_verzoek = (time.process_time() - cpu) / RONDES_RENDER * 1000
        print(
            f"{naam}, 12 besluiten ({RONDES_RENDER}x, in-process): {_ms(tijden)}; "
            f"processortijd {per_verzoek:.1f} ms per verzoek"
        )


def _server(map_: Path, poort: int) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "convenant", "web", str(map_), "--poort", str(poort)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _wacht(poort: int, begin: float) -> None:
    while time.perf_counter() - begin < 30:
        try:
            verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=5)
            verbinding.request("GET", "/")
            if verbinding.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.01)
    raise RuntimeError("de werkplek antwoordde niet binnen 30 s")


def _live(map_: Path, id_: str) -> None:
    """The server as its own process (as a user runs it), the client here, one connection."""
    poort = _vrije_poort()
    proces = _server(map_, poort)
    try:
        _wacht(poort, time.perf_counter())
        verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=10)
        verbinding.request("GET", f"/vergaderingen/{id_}/bewerk")
        velden = formuliervelden(verbinding.getresponse().read().decode())
        lichaam = urlencode(velden).encode()
        koppen = {"content-type": "application/x-www-form-urlencoded", "HX-Request": "true"}
        tijden = []
        for _ in range(RONDES_LIVE):
            begin = time.perf_counter()
            verbinding.request("POST", "/vergaderingen/toets", lichaam, koppen)
            antwoord = verbinding.getresponse()
            antwoord.read()
            tijden.append(time.perf_counter() - begin)
            assert antwoord.status == 200
        verbinding.close()
    finally:
        proces.terminate()
        proces.wait(10)
    print(f"live oordeel, 12 besluiten ({RONDES_LIVE}x achter elkaar, loopback): {_ms(tijden)}")


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start(map_: Path) -> None:
    tijden = []
    for _ in range(RONDES_START):
        poort = _vrije_poort()
        begin = time.perf_counter()
        proces = _server(map_, poort)
        try:
            _wacht(poort, begin)
            tijden.append(time.perf_counter() - begin)
        finally:
            proces.terminate()
            proces.wait(10)
    print(f"server klaar na start (tot het eerste antwoord op /, {RONDES_START}x): {_ms(tijden)}")


def main() -> None:
    map_ = Path(tempfile.mkdtemp(prefix="convenant-bench-web-"))
    try:
        id_ = _register(map_ / "register")
        _render(map_ / "register", id_)
        _live(map_ / "register", id_)
        _start(map_ / "register")
    finally:
        shutil.rmtree(map_, ignore_errors=True)


if __name__ == "__main__":
    main()
