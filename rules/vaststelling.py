"""Whether the besluitenlijst of a meeting is still a concept or has been adopted.

What is sent after a meeting is a concept; a besluit of a later meeting of the same orgaan
adopts it (`stelt_vast: <date of the earlier meeting>`, soort `verslag_vaststellen`). The
convenant does not say who adopts the lists (aanname vaststelling_besluitenlijst, 5.8, 7.5).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from governance.errors import Melding
from governance.loader import Bestand
from governance.vergadering import Vergadering

from .jaaroverzicht import Gehouden

AANNAME = "vaststelling_besluitenlijst"


@dataclass(frozen=True)
class Vaststelling:
    status: Literal["concept", "vastgesteld"]
    datum: dt.date | None = None  # the date of the meeting that adopted it
    besluit: str | None = None  # the besluit that adopted it
    vergadering: str | None = None  # that meeting's file name


@dataclass(frozen=True)
class Verweesd:
    """A besluit that adopts the list of a meeting the register does not hold."""

    vergadering: str  # file name of the meeting with the besluit
    besluit: str
    index: int  # the besluit's place in its meeting, for a located message
    datum: dt.date  # the date it names


def vaststelling(register: Sequence[Gehouden], naam: str) -> Vaststelling:
    """The status of the besluitenlijst of meeting `naam` (a file name of the register)."""
    doel = next((g for g in register if g.naam == naam), None)
    if doel is None:
        return Vaststelling("concept")
    v = doel.vergadering
    for g in sorted(register, key=lambda g: g.vergadering.datum):
        if g.vergadering.orgaan != v.orgaan or g.vergadering.datum <= v.datum:
            continue
        for b, o in zip(g.vergadering.besluiten, g.oordelen, strict=False):
            if b.stelt_vast == v.datum and o.oordeel == "aangenomen":
                return Vaststelling("vastgesteld", g.vergadering.datum, b.id, g.naam)
        # deprecated: the next meeting records it adopted its predecessor's lists, without a
        # besluit (still read; `verouderd` says how to record it as a besluit instead)
        if g.vergadering.vorige_vastgesteld and g.vergadering.vorige_vergadering == v.datum:
            return Vaststelling("vastgesteld", g.vergadering.datum, None, g.naam)
    return Vaststelling("concept")


def verweesd(register: Sequence[Gehouden]) -> list[Verweesd]:
    """Besluiten whose `stelt_vast` names no earlier meeting of their orgaan in the register."""
    data = {(g.vergadering.orgaan, g.vergadering.datum) for g in register}
    return [
        Verweesd(g.naam, b.id, i, b.stelt_vast)
        for g in register
        for i, b in enumerate(g.vergadering.besluiten)
        if b.stelt_vast is not None and (g.vergadering.orgaan, b.stelt_vast) not in data
    ]


def verouderd(bestand: Bestand[Vergadering]) -> list[Melding]:
    """`vorige_vastgesteld`, the older way to record that a meeting adopted the lists of the
    one before: still read, but the adoption is a besluit of this meeting (5.8, 7.5), which
    the workplace, the besluitenlijst and the year overview all show with its number."""
    v = bestand.model
    if not v.vorige_vastgesteld:
        return []
    datum = v.vorige_vergadering.isoformat() if v.vorige_vergadering else "JJJJ-MM-DD"
    return [
        bestand.bron.melding(
            ("vorige_vastgesteld",),
            "'vorige_vastgesteld' is verouderd: het wordt nog gelezen, maar leg de vaststelling "
            "van de lijsten van de vorige vergadering vast als besluit van deze vergadering",
            "haal deze regel weg en neem een besluit op met 'soort: verslag_vaststellen' en "
            f"'stelt_vast: {datum}'",
        )
    ]
