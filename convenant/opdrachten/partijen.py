"""`convenant partijen`: who is a party on a given date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from governance.datums import lang
from governance.errors import EXIT_OK
from governance.models import Partij

from ..presentatie import SOORT_MEERVOUD, partijen_dict, partijen_op
from ..register import Register
from ..uitvoer import als_json, schrijf, tabel


def _aantal(n: int, soort: str) -> str:
    return f"{n} {soort if n == 1 else SOORT_MEERVOUD[soort]}"


def partijen(
    convenant_pad: Path | None,
    op: dt.date,
    soort: str | None,
    json: bool,
    register: Path | None = None,
) -> int:
    from governance.bestanden import zoek_register

    stand = Register(zoek_register(register), convenant_pad=convenant_pad).stand_op(op)
    if json:
        schrijf(als_json(partijen_dict(stand, soort)))
        return EXIT_OK
    schrijf(_als_tekst(*partijen_op(stand, soort), op))
    return EXIT_OK


def _als_tekst(in_kracht: list[Partij], niet_in_kracht: list[Partij], op: dt.date) -> str:
    # The VRD signs, but is named apart after the definition of Partijen (Ondergetekenden;
    # aanname vrd_geen_partij): the header counts Partijen only, and names her beside them.
    partijen = [p for p in in_kracht if p.is_partij]
    telling = {s: sum(1 for p in partijen if p.soort == s) for s in SOORT_MEERVOUD}
    aantallen = [_aantal(n, s) for s, n in telling.items() if n]
    samenvatting = " en ".join(filter(None, [", ".join(aantallen[:-1]), *aantallen[-1:]]))
    kop = f"Partijen op {lang(op)}: {samenvatting or 'geen'}\n"
    for p in in_kracht:
        if not p.is_partij:
            kop += (
                f"Daarnaast tekent {p.naam}, als {p.soort} van de PIJOFACH-taken; zij is geen "
                "Partij (een aanname: het convenant noemt haar apart, na de Partijen).\n"
            )
    rijen = [
        [
            p.id,
            p.naam,
            p.soort,
            p.toegetreden_op.isoformat() if p.toegetreden_op else "vanaf begin",
            p.uitgetreden_op.isoformat() if p.uitgetreden_op else "",
        ]
        for p in partijen
    ]
    tekst = kop
    if rijen:
        tekst += "\n" + tabel(["id", "naam", "soort", "toegetreden", "uitgetreden"], rijen)
    if niet_in_kracht:
        tekst += (
            f"\nNiet in kracht op {lang(op)}: " + ", ".join(p.naam for p in niet_in_kracht) + "\n"
        )
    return tekst
