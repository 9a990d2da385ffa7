"""Contested readings in the workplace: on a besluit, the readings its verdict rests on and
what each alternative would make of it; on the Convenant page, every reading with its status."""

from __future__ import annotations

from dataclasses import dataclass

from governance.errors import InvoerFout
from governance.models import Bevinding, Convenant, Lezing
from governance.zetels import Vergaderbeeld
from rules.lezingen import Lezingkeuze
from rules.lezingenoverzicht import LezingStatus, overzicht
from rules.oordeel import Oordeel, Vaststelling

from .werkplek import Werkplek


@dataclass(frozen=True)
class AndereLezing:
    lezing: Lezing
    oordeel: Oordeel  # the besluit's verdict under this reading


@dataclass(frozen=True)
class Geraadpleegd:
    bevinding: Bevinding
    geldend: Lezing
    vastgesteld: Vaststelling | None
    anders: tuple[AndereLezing, ...]


def lezingen_van(
    c: Convenant, b: Vergaderbeeld, index: int, oordeel: Oordeel, keuze: Lezingkeuze
) -> list[Geraadpleegd]:
    """The readings the verdict consulted, each alternative judged (one reading at a time)."""
    from rules.toets import toets

    uit: list[Geraadpleegd] = []
    for aanname, huidig in oordeel.lezingen:
        bevinding = c.betwist[aanname]
        geldend = bevinding.lezing(huidig)
        assert geldend is not None
        anders = tuple(
            AndereLezing(lz, toets(b, keuze.met(aanname, lz.id))[index])
            for lz in bevinding.lezingen
            if lz.id != huidig
        )
        uit.append(Geraadpleegd(bevinding, geldend, keuze.vaststelling(bevinding), anders))
    return uit


def lezingen_in_register(w: Werkplek) -> list[LezingStatus]:
    """Every contested reading with its status and the besluiten of the register it decides."""
    beelden: list[tuple[str, Vergaderbeeld]] = []
    for gelezen in w.alle():
        if gelezen.vergadering is None:
            continue
        try:
            beelden.append((gelezen.id, w.beeld(gelezen.vergadering)))
        except InvoerFout:
            continue  # the meeting's own page shows why it cannot be judged
    return overzicht(w.convenant, beelden, w.keuze())
