"""Measure, never assert: start-up of the CLI against the interpreter floor, and loading speed.

Run with `make bench`. Prints medians; the numbers go into the README by hand when they matter.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable

HERHALINGEN = 15


def _mediaan_proces(args: list[str]) -> float:
    tijden = []
    for _ in range(HERHALINGEN):
        begin = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True)
        tijden.append(time.perf_counter() - begin)
    return statistics.median(tijden)


def _per_seconde(functie: Callable[[], object], minimaal: float = 1.0) -> float:
    aantal, begin = 0, time.perf_counter()
    while (verstreken := time.perf_counter() - begin) < minimaal:
        functie()
        aantal += 1
    return aantal / verstreken


def main() -> None:
    from convenant.governance.bestanden import laad_convenant
    from convenant.governance.lint import lint_convenant

    vloer = _mediaan_proces([sys.executable, "-c", "import click, pydantic, yaml"])
    rijen = [("interpreter-vloer: import click, pydantic, yaml", vloer)]
    for opdracht in (
        ["partijen", "--op", "2026-11-28"],
        ["valideer", "--geen-bevindingen"],
        ["graaf"],
    ):
        rijen.append(
            (
                f"convenant {' '.join(opdracht)}",
                _mediaan_proces([sys.executable, "-m", "convenant", *opdracht]),
            )
        )
    print(f"mediaan van {HERHALINGEN} runs (wandkloktijd)")
    for naam, tijd in rijen:
        print(f"  {naam:<50} {tijd * 1000:7.1f} ms  {tijd / vloer:4.2f}x vloer")
    bestand = laad_convenant()
    print(
        f"  convenant.yaml laden en controleren        {_per_seconde(laad_convenant):8.1f} per seconde"
    )
    print(
        f"  lint van het hele convenant                {_per_seconde(lambda: lint_convenant(bestand)):8.1f} per seconde"
    )


if __name__ == "__main__":
    main()
