"""Measure, never assert: the four speed targets of issue 26, each beside the floor of the same
run, taking turns.

Run with `make bench` (first). Every round runs, one after the other: the floor
`python -c "import click, pydantic, yaml"`; `convenant toets` on the example Stuurgroep meeting
judged before (the result cache); the same on a meeting never seen (the file changed every
round, in a register of its own); a batch of live verdicts and a batch of overview pages from
one workplace process on loopback. A slow spell of the machine so weighs on all four alike;
the load average before and after is printed with them.

Targets: toets judged before at most 1.6x the floor, never seen at most 2.0x; the live verdict
(a 12-besluit Stuurgroep meeting) p95 at most 20 ms; the overview `/` of the example register
at most 50 ms.
"""

from __future__ import annotations

import compileall
import http.client
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

from werkplek import _register, _server, _vrije_poort, _wacht  # bench/werkplek.py

WORTEL = Path(__file__).resolve().parents[1]
VOORBEELDREGISTER = WORTEL / "examples"
VOORBEELD = VOORBEELDREGISTER / "stuurgroep-2027-02-10.yaml"

RONDES = 21  # and one more first, unmeasured, to warm up
LIVE_PER_RONDE = 100
OVERZICHT_PER_RONDE = 10


def _proces(args: list[str], omgeving: dict[str, str]) -> float:
    begin = time.perf_counter()
    uit = subprocess.run(args, check=False, capture_output=True, env=omgeving)
    duur = time.perf_counter() - begin
    if uit.returncode not in (0, 1):  # a refusal is quick, and no measure of this
        raise SystemExit(f"{' '.join(args)}: exit {uit.returncode}\n{uit.stderr.decode()}")
    return duur


def _verzoeken(
    verbinding: http.client.HTTPConnection,
    aantal: int,
    methode: str,
    url: str,
    lichaam: bytes | None = None,
    koppen: dict[str, str] | None = None,
) -> list[float]:
    tijden = []
    for _ in range(aantal):
        begin = time.perf_counter()
        verbinding.request(methode, url, lichaam, koppen or {})
        antwoord = verbinding.getresponse()
        antwoord.read()
        tijden.append(time.perf_counter() - begin)
        if antwoord.status != 200:
            raise SystemExit(f"{methode} {url}: {antwoord.status}")
    return tijden


def _p95(waarden: list[float]) -> float:
    return sorted(waarden)[int(len(waarden) * 0.95) - 1]


def main() -> None:
    from tests.web_hulp import formuliervelden

    # An installed package has bytecode (pip compiles it); an editable install on a machine with
    # PYTHONDONTWRITEBYTECODE=1 has none and would be measured compiling its sources every run.
    for pakket in ("convenant", "governance", "rules"):
        compileall.compile_dir(WORTEL / pakket, quiet=1)
    belasting_voor = os.getloadavg()
    map_ = Path(tempfile.mkdtemp(prefix="convenant-bench-doelen-"))
    python = sys.executable
    omgeving = {**os.environ, "CONVENANT_CACHE": str(map_ / "cache")}
    nieuw_register = map_ / "nieuw"
    shutil.copytree(VOORBEELDREGISTER, nieuw_register)
    nieuw = nieuw_register / VOORBEELD.name
    tekst = VOORBEELD.read_text(encoding="utf-8")
    web_register = map_ / "web"
    id_ = _register(web_register)
    poort = _vrije_poort()
    server = _server(web_register, poort)
    tijden: dict[str, list[float]] = {"vloer": [], "gezien": [], "nieuw": []}
    live: list[float] = []
    overzicht: list[float] = []
    try:
        _wacht(poort, time.perf_counter())
        verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=30)
        verbinding.request("GET", f"/vergaderingen/{id_}/bewerk")
        velden = formuliervelden(verbinding.getresponse().read().decode())
        lichaam = urlencode(velden).encode()
        koppen = {"content-type": "application/x-www-form-urlencoded", "HX-Request": "true"}
        for ronde in range(RONDES + 1):
            meting = {
                "vloer": _proces([python, "-c", "import click, pydantic, yaml"], omgeving),
                "gezien": _proces([python, "-m", "convenant", "toets", str(VOORBEELD)], omgeving),
            }
            nieuw.write_text(f"# ronde {ronde}\n{tekst}", encoding="utf-8")
            meting["nieuw"] = _proces([python, "-m", "convenant", "toets", str(nieuw)], omgeving)
            l_ = _verzoeken(
                verbinding, LIVE_PER_RONDE, "POST", "/vergaderingen/toets", lichaam, koppen
            )
            o = _verzoeken(verbinding, OVERZICHT_PER_RONDE, "GET", "/")
            if ronde:
                for naam, duur in meting.items():
                    tijden[naam].append(duur)
                live += l_
                overzicht += o
        verbinding.close()
    finally:
        server.terminate()
        server.wait(10)
        shutil.rmtree(map_, ignore_errors=True)
    belasting_na = os.getloadavg()

    vloer = statistics.median(tijden["vloer"])
    gezien = statistics.median(tijden["gezien"])
    nooit = statistics.median(tijden["nieuw"])
    p95 = _p95(live)
    o50 = statistics.median(overzicht)

    def oordeel(goed: bool) -> str:
        return "binnen het doel" if goed else "BUITEN HET DOEL"

    print(f"Doelen van issue 26 ({RONDES} rondes, om beurten; mediaan tenzij anders vermeld)")
    print(f"  belasting (load average 1/5/15 min) vooraf: {_belasting(belasting_voor)}")
    print(f"  vloer: python -c 'import click, pydantic, yaml'      {vloer * 1000:7.1f} ms")
    print(
        f"  convenant toets, eerder getoetst                      {gezien * 1000:7.1f} ms"
        f"  {gezien / vloer:4.2f}x vloer (doel <= 1.6x): {oordeel(gezien / vloer <= 1.6)}"
    )
    print(
        f"  convenant toets, nooit gezien                         {nooit * 1000:7.1f} ms"
        f"  {nooit / vloer:4.2f}x vloer (doel <= 2.0x): {oordeel(nooit / vloer <= 2.0)}"
    )
    print(
        f"  live oordeel, 12 besluiten, p95 van {len(live):>5} verzoeken {p95 * 1000:7.1f} ms"
        f"  (mediaan {statistics.median(live) * 1000:.1f} ms; doel <= 20 ms): {oordeel(p95 <= 0.020)}"
    )
    print(
        f"  overzicht /, {len(overzicht)} verzoeken                          {o50 * 1000:7.1f} ms"
        f"  (p95 {_p95(overzicht) * 1000:.1f} ms; doel <= 50 ms): {oordeel(o50 <= 0.050)}"
    )
    print(f"  belasting achteraf: {_belasting(belasting_na)}")
    print(
        "  (live oordeel en overzicht: de tijd van verzoek tot laatste byte op loopback, één "
        "verbinding, de werkplek als eigen proces)"
    )


def _belasting(waarden: tuple[float, float, float]) -> str:
    return " / ".join(f"{w:.2f}" for w in waarden) + f" op {os.cpu_count()} kernen"


if __name__ == "__main__":
    sys.path.insert(0, str(WORTEL))
    main()
