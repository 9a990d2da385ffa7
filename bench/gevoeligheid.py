"""Measure `toets --gevoeligheid` against plain `toets`, in-process, on the example meetings.

Target (issue 16): at most 3x plain toets. Sensitivity judges each besluit once more per
alternative of each reading its rules consulted; this shows what that costs. Run on its own
(`python bench/gevoeligheid.py`) or as part of `make bench`.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

WORTEL = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(WORTEL))


def _per_seconde(functie: Callable[[], object], vensters: int = 7, venster: float = 0.3) -> float:
    """Calls per second: the median over short windows, so one slow spell does not decide."""
    tempo = []
    for _ in range(vensters):
        aantal, begin = 0, time.perf_counter()
        while (verstreken := time.perf_counter() - begin) < venster:
            functie()
            aantal += 1
        tempo.append(aantal / verstreken)
    return statistics.median(tempo)


def meting() -> tuple[float, float, int, int]:
    """(plain per second, sensitivity per second, meetings, besluiten) over the examples."""
    from governance.bestanden import (
        BEZETTING,
        in_register,
        laad_bezetting,
        laad_convenant,
        laad_vergadering,
        vergaderbestanden,
    )
    from governance.zetels import beeld
    from rules.toets import gevoeligheid, toets

    register = WORTEL / "examples"
    c = laad_convenant().model
    pad = in_register(register, BEZETTING)
    assert pad is not None
    bezetting = laad_bezetting(pad, c).model
    beelden = [beeld(c, laad_vergadering(p), bezetting) for p in vergaderbestanden(register)]
    besluiten = sum(len(b.vergadering.besluiten) for b in beelden)

    def gewoon() -> None:
        for b in beelden:
            toets(b)

    def gevoelig() -> None:
        for b in beelden:
            gevoeligheid(b)

    return _per_seconde(gewoon), _per_seconde(gevoelig), len(beelden), besluiten


def main() -> None:
    gewoon, gevoelig, vergaderingen, besluiten = meting()
    naam = f"toets in-process, {vergaderingen} voorbeeldvergaderingen ({besluiten} besluiten)"
    print(f"  {naam:<62} {gewoon * besluiten:9.0f} besluiten per seconde")
    naam = "toets --gevoeligheid in-process, dezelfde vergaderingen"
    print(f"  {naam:<62} {gevoelig * besluiten:9.0f} besluiten per seconde")
    naam = "gevoeligheid / gewoon (doel: hoogstens 3x)"
    print(f"  {naam:<62} {gewoon / gevoelig:9.2f}x")


if __name__ == "__main__":
    main()
