"""Per contested reading: its status in a register and the besluiten that turn on it.

Used by `convenant lezingen` and the Stuurgroep's note (`convenant maak notitie-lezingen`).
Pure: the meetings come in as checked pictures, the readings as a `Lezingkeuze`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import NamedTuple

from governance.models import Bevinding, Convenant
from governance.zetels import Vergaderbeeld

from .lezingen import Lezingkeuze
from .oordeel import Alternatief, Oordeel, Vaststelling
from .toets import gevoeligheid


class Beslissend(NamedTuple):
    """A besluit whose verdict differs under another reading of the aanname."""

    bestand: str
    orgaan: str
    datum: dt.date
    oordeel: Oordeel
    alternatief: Alternatief


class LezingStatus(NamedTuple):
    bevinding: Bevinding
    geldend: str  # the id of the reading in force in this register
    vastgesteld: Vaststelling | None
    geraadpleegd: int  # how many besluiten in the register consulted the reading
    beslissend: tuple[Beslissend, ...]

    @property
    def besluiten(self) -> list[str]:
        """The ids of the besluiten the reading decides, each once."""
        return list(dict.fromkeys(b.oordeel.id for b in self.beslissend))


def overzicht(
    c: Convenant, vergaderingen: Iterable[tuple[str, Vergaderbeeld]], keuze: Lezingkeuze
) -> list[LezingStatus]:
    geraadpleegd: dict[str, int] = {}
    beslissend: dict[str, list[Beslissend]] = {}
    for bestand, b in vergaderingen:
        for o in gevoeligheid(b, keuze):
            for aanname, _ in o.lezingen:
                geraadpleegd[aanname] = geraadpleegd.get(aanname, 0) + 1
            for alt in o.alternatieven or ():
                beslissend.setdefault(alt.aanname, []).append(
                    Beslissend(bestand, b.orgaan.id, b.vergadering.datum, o, alt)
                )
    return [
        LezingStatus(
            bevinding,
            keuze.lezing_voor(bevinding),
            keuze.vaststelling(bevinding),
            geraadpleegd.get(bevinding.id, 0),
            tuple(beslissend.get(bevinding.id, ())),
        )
        for bevinding in c.betwist.values()
    ]
