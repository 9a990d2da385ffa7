"""Measure, never assert: start-up of the CLI against the interpreter floor, and throughput.

Run with `make bench`. Prints medians; the README reports them by hand when they matter.
Targets (issue 26): `convenant toets` at most 1.6x the floor `python -c "import click, pydantic,
yaml"` on a meeting judged before (the result cache, `convenant.uitslagcache`), at most 2.0x on
one never seen; at least 20,000 besluiten per second in-process.
"""

from __future__ import annotations

import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

VOORBEELDREGISTER = Path(__file__).resolve().parents[1] / "examples"

HERHALINGEN = 21
WORTEL = Path(__file__).resolve().parents[1]
VOORBEELD = WORTEL / "examples" / "stuurgroep-2027-02-10.yaml"

Opdracht = Callable[[int], list[str]]  # the command line for the i-th round

VLOER = "interpreter-vloer: import click, pydantic, yaml"
GEZIEN = f"convenant toets {VOORBEELD.name}, eerder getoetst"
NIEUW = f"convenant toets {VOORBEELD.name}, nooit gezien (elke run gewijzigd)"


def _mediaan_processen(metingen: dict[str, Opdracht], omgeving: dict[str, str]) -> dict[str, float]:
    """Median wall time of each command. They take turns, round after round, so that a slow
    spell of the machine weighs on all of them alike; one round first, unmeasured, to warm up."""
    tijden: dict[str, list[float]] = {naam: [] for naam in metingen}
    for ronde in range(HERHALINGEN + 1):
        for naam, opdracht in metingen.items():
            args = opdracht(ronde)
            begin = time.perf_counter()
            uit = subprocess.run(args, check=False, capture_output=True, env=omgeving)
            if uit.returncode not in (0, 1):  # a refusal is quick, and no measure of this
                raise SystemExit(f"{naam}: exit {uit.returncode}\n{uit.stderr.decode()}")
            if ronde:
                tijden[naam].append(time.perf_counter() - begin)
    return {naam: statistics.median(t) for naam, t in tijden.items()}


def _opstarten(map_: Path) -> list[tuple[str, float]]:
    # An installed package has bytecode (pip compiles it); an editable install on a machine with
    # PYTHONDONTWRITEBYTECODE=1 has none and would be measured compiling its sources every run.
    for pakket in ("convenant", "governance", "rules"):
        compileall.compile_dir(WORTEL / pakket, quiet=1)
    omgeving = {**os.environ, "CONVENANT_CACHE": str(map_ / "cache")}
    python = sys.executable
    # A register of its own for the meeting never seen: the example register stays as it is,
    # so the meeting judged before keeps its stored answer.
    register = map_ / "register"
    shutil.copytree(VOORBEELDREGISTER, register)
    nieuw = register / VOORBEELD.name

    def nieuw_vergaderbestand(ronde: int) -> list[str]:
        # Another file content every round, in the register: the meeting is read, checked and
        # judged; the convenant, the bezetting and what the register derives are stored.
        nieuw.write_text(f"# ronde {ronde}\n" + VOORBEELD.read_text(encoding="utf-8"), "utf-8")
        return [python, "-m", "convenant", "toets", str(nieuw)]

    def vast(*args: str) -> Opdracht:
        return lambda _ronde: list(args)

    metingen = {
        VLOER: vast(python, "-c", "import click, pydantic, yaml"),
        # What any pydantic-validating CLI pays at least: one model defined and validated.
        "vloer met één pydantic-model": vast(python, str(WORTEL / "bench" / "vloer_pydantic.py")),
        GEZIEN: vast(python, "-m", "convenant", "toets", str(VOORBEELD)),
        NIEUW: nieuw_vergaderbestand,
        "convenant toets zonder cache (CONVENANT_CACHE=uit)": vast(
            "env", "CONVENANT_CACHE=uit", python, "-m", "convenant", "toets", str(VOORBEELD)
        ),
        "convenant partijen": vast(python, "-m", "convenant", "partijen", "--op", "2026-11-28"),
        "convenant valideer": vast(python, "-m", "convenant", "valideer", "--geen-bevindingen"),
        "convenant graaf": vast(python, "-m", "convenant", "graaf"),
    }
    return list(_mediaan_processen(metingen, omgeving).items())


def _per_seconde(functie: Callable[[], object], vensters: int = 5, venster: float = 0.3) -> float:
    """Calls per second: the median over a few short windows, so that one slow spell of the
    machine does not decide the number."""
    tempo = []
    for _ in range(vensters):
        aantal, begin = 0, time.perf_counter()
        while (verstreken := time.perf_counter() - begin) < venster:
            functie()
            aantal += 1
        tempo.append(aantal / verstreken)
    return statistics.median(tempo)


def _besluiten_per_seconde() -> tuple[float, float, int]:
    """Verdicts per second in-process, the meeting already read and checked: judged as
    `convenant toets` does (the whole meeting, its own grounds once), and one besluit at a time."""
    from governance.bestanden import (
        BEZETTING,
        in_register,
        laad_bezetting,
        laad_convenant,
        laad_vergadering,
    )
    from governance.zetels import beeld
    from rules.toets import toets, toets_besluit

    bundel = laad_convenant()
    pad = in_register(VOORBEELDREGISTER, BEZETTING)
    assert pad is not None
    bezetting = laad_bezetting(pad, bundel.model).model
    vergadering = laad_vergadering(VOORBEELD)
    b = beeld(bundel.model, vergadering, bezetting)
    besluiten = vergadering.model.besluiten

    def los() -> None:
        for besluit in besluiten:
            toets_besluit(b, besluit)

    per_vergadering = _per_seconde(lambda: toets(b)) * len(besluiten)
    return per_vergadering, _per_seconde(los) * len(besluiten), len(besluiten)


def _alle_deelverzamelingen() -> tuple[float, int]:
    """The liquidation for every subset of gemeenten leaving (2^12 = 4,096; one leaves none)."""
    from itertools import combinations

    from governance.begroting import Begroting
    from governance.bestanden import (
        VERDEELSLEUTEL,
        in_register,
        laad_convenant,
        laad_verdeelsleutel,
    )
    from governance.loader import laad
    from rules.liquidatie import liquideer

    bundel = laad_convenant()
    pad = in_register(VOORBEELDREGISTER, VERDEELSLEUTEL)
    assert pad is not None
    sleutel = laad_verdeelsleutel(pad, bundel.model).model
    begroting = laad(
        VOORBEELD.parent / "documenten" / "liquidatiebegroting-voorbeeld.yaml", Begroting
    ).model
    gemeenten = [a.gemeente for a in sleutel.aandelen]
    begin, aantal = time.perf_counter(), 0
    for k in range(len(gemeenten) + 1):
        for weg in combinations(gemeenten, k):
            aantal += 1
            if k < len(gemeenten):  # with all twelve gone nobody is left to pay
                liquideer(bundel.model, begroting, sleutel, "opheffing", weg)
    return time.perf_counter() - begin, aantal


def _tien_jaar() -> tuple[float, int, int]:
    """A generated register of ten years (100 meetings, 1,000 besluiten), read and checked."""
    import datetime as dt
    import tempfile

    import yaml

    from convenant.opdrachten.jaaroverzicht import lees_register
    from convenant.register import Register
    from governance.bestanden import BEZETTING, in_register, laad_convenant
    from rules.jaaroverzicht import overzicht

    bundel = laad_convenant()
    pad = in_register(VOORBEELDREGISTER, BEZETTING)
    assert pad is not None
    # The example bezetting covers 2026 onwards; its 2027 period holds for the later years.
    with tempfile.TemporaryDirectory() as map_:
        for jaar in range(2027, 2037):
            for n in range(10):
                orgaan = "stuurgroep" if n % 2 == 0 else "partneroverleg"
                datum = dt.date(jaar, 1 + n, 10)
                vergadering = {
                    "orgaan": orgaan,
                    "datum": datum.isoformat(),
                    "aanwezig": "alle",
                    "besluiten": [
                        {
                            "id": f"b{jaar}-{n}-{i}",
                            "onderwerp": f"besluit {i}",
                            "soort": "beleid" if orgaan == "stuurgroep" else "tactische_sturing",
                            "stemmen": {"voor": "alle"},
                        }
                        for i in range(10)
                    ],
                    "verzonden": [
                        {
                            "documenten": ["notulen", "actiepuntenlijst", "besluitenlijst"],
                            "aan": ["partijen", "partneroverleg", "colleges", "stuurgroep"],
                            "op": (datum + dt.timedelta(days=7)).isoformat(),
                        }
                    ],
                }
                if orgaan == "stuurgroep":
                    vergadering["inbreng_gevraagd_op"] = (datum - dt.timedelta(days=14)).isoformat()
                Path(map_, f"{jaar}-{n:02d}-{orgaan}.yaml").write_text(
                    yaml.safe_dump(vergadering), encoding="utf-8"
                )
        begin = time.perf_counter()
        gehouden, onleesbaar = lees_register(Register(Path(map_), bezetting_pad=pad))
        assert not onleesbaar
        for jaar in range(2027, 2037):
            overzicht(bundel.model, gehouden, jaar, dt.date(jaar, 12, 31))
        duur = time.perf_counter() - begin
    return duur, len(gehouden), sum(len(g.oordelen) for g in gehouden)


def main() -> None:
    from governance.bestanden import laad_convenant
    from governance.lint import lint_convenant

    with tempfile.TemporaryDirectory() as map_:
        rijen = _opstarten(Path(map_))
    vloer = rijen[0][1]
    print(f"mediaan van {HERHALINGEN} runs (wandkloktijd), eigen cache, met bytecode")
    for naam, tijd in rijen:
        print(f"  {naam:<62} {tijd * 1000:7.1f} ms  {tijd / vloer:4.2f}x vloer")
    bestand = laad_convenant()
    laden = _per_seconde(laad_convenant)
    lint = _per_seconde(lambda: lint_convenant(bestand))
    snelheid, los, aantal = _besluiten_per_seconde()
    duur, deelverzamelingen = _alle_deelverzamelingen()
    print(f"  {'convenant.yaml laden (uit de cache)':<62} {laden:9.0f} per seconde")
    print(f"  {'lint van het hele convenant':<62} {lint:9.0f} per seconde")
    naam = f"toets in-process, hele vergadering ({aantal} besluiten)"
    print(f"  {naam:<62} {snelheid:9.0f} besluiten per seconde")
    naam = "toets_besluit in-process, besluit voor besluit"
    print(f"  {naam:<62} {los:9.0f} besluiten per seconde")
    naam = f"liquidatie voor alle {deelverzamelingen} deelverzamelingen"
    print(f"  {naam:<62} {duur * 1000:9.0f} ms in totaal")
    duur, vergaderingen, besluiten = _tien_jaar()
    naam = f"jaaroverzicht, 10 jaar ({vergaderingen} vergaderingen, {besluiten} besluiten)"
    print(f"  {naam:<62} {duur * 1000:9.0f} ms in totaal")
    from gevoeligheid import main as gevoeligheid  # bench/gevoeligheid.py, issue 16

    gevoeligheid()


if __name__ == "__main__":
    main()
