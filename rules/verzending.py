"""Who receives which list of a meeting by when (`verzendplichten`), and whether a meeting's
recorded sendings (`verzonden:`) reached a recipient with a document (`verzonden_op`).

Shared by the besluitenlijst and actiepuntenlijst ('Verzonden aan'), the year overview (did it
happen in time?) and the calendar (what is still to send?), so they never disagree about what
must go out or what a sending covers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from governance.datums import plus_termijn
from governance.models import Convenant, Termijn, Verslaglegging
from governance.vergadering import Vergadering, Verzending

from .oordeel import Oordeel


def dekt(document: str, documenten: Sequence[str]) -> bool:
    """A sending of `documenten` carries `document`: the besluitenlijst informs about the
    besluiten (5.9, 7.3)."""
    return document in documenten or (
        document in ("besluiten", "relevante_besluiten") and "besluitenlijst" in documenten
    )


def _bereikt(c: Convenant, ontvanger: str, zendingen: Sequence[Verzending]) -> bool:
    if any(ontvanger in z.aan for z in zendingen):
        return True
    if ontvanger != "partijen" or not zendingen:
        return False
    # Mail goes to each Partij separately: all of them together are "de Partijen", judged
    # on the date the last of them got it.
    laatste = max(z.op for z in zendingen)
    bereikt = {a for z in zendingen for a in z.aan}
    in_kracht = {p.id for p in c.partijen if p.is_partij and p.in_kracht_op(laatste)}
    return bool(in_kracht) and in_kracht <= bereikt


def verzonden_op(
    c: Convenant,
    v: Vergadering,
    document: str,
    ontvanger: str,
    schriftelijk: bool = False,
) -> dt.date | None:
    """The first date by which `ontvanger` had `document` of meeting `v`; None if never.

    `schriftelijk`: only sendings in writing count (5.9, 6.10).
    """
    zendingen = sorted(
        (
            z
            for z in v.verzonden
            if dekt(document, z.documenten) and (z.schriftelijk or not schriftelijk)
        ),
        key=lambda z: z.op,
    )
    for i in range(len(zendingen)):
        if _bereikt(c, ontvanger, zendingen[: i + 1]):
            return zendingen[i].op
    return None


@dataclass(frozen=True)
class Verzendplicht:
    """What one reporting rule of an orgaan (its `verslaglegging` in convenant.yaml) asks
    after one meeting: who receives which documents, and by when."""

    aan: tuple[str, ...]  # ontvangers: an orgaan, a rol, or 'partijen'
    documenten: tuple[str, ...]
    # the adopted besluiten this sending carries on (a Jaarplan, 4.8; a werkproces, 6.9c);
    # empty for the lists and besluiten every meeting sends
    besluiten: tuple[str, ...]
    termijn: Termijn
    uiterlijk: dt.date | None  # the last day, where one follows from the term
    artikelen: tuple[str, ...]
    aanname: str | None
    schriftelijk: bool


# Documents that only an adopted besluit brings about: their rule applies to a meeting only
# when it adopted one, and then carries that besluit.
GEVOLGEN = frozenset({"jaarplan", "werkproces"})


def verzendplichten(
    c: Convenant,
    orgaan: str,
    datum: dt.date,
    volgende: dt.date | None,
    oordelen: Iterable[Oordeel] = (),
) -> list[Verzendplicht]:
    """Who must receive what after a meeting of `orgaan` on `datum`, and by when (4.8, 5.8,
    5.9, 6.9c, 6.10, 7.3, 7.5): the one source of the besluitenlijst's 'Verzonden aan', the
    calendar and the year overview. `volgende`: the date of the orgaan's next meeting, if known.
    """
    oordelen = list(oordelen)
    uit = []
    for regel in c.orgaan[orgaan].verslaglegging:
        besluiten: tuple[str, ...] = ()
        if GEVOLGEN & set(regel.documenten):
            besluiten = tuple(o.id for o in oordelen if _draagt(c, regel, o))
            if not besluiten:
                continue
        uit.append(
            Verzendplicht(
                tuple(regel.aan),
                tuple(regel.documenten),
                besluiten,
                regel.termijn,
                _uiterlijk(regel.termijn, datum, volgende),
                tuple(regel.artikelen),
                regel.termijn.aanname or regel.aanname,
                regel.schriftelijk,
            )
        )
    return uit


def _draagt(c: Convenant, regel: Verslaglegging, o: Oordeel) -> bool:
    """An adopted besluit whose consequence (a `gevolg` of its soort under the rule's article)
    is this sending: an adopted Jaarplan goes to the colleges and the Partneroverleg (4.8)."""
    artikelen = set(regel.artikelen)
    return o.oordeel == "aangenomen" and any(
        v.aard == "gevolg" and artikelen & set(v.artikelen) for v in c.soort[o.soort].vereisten
    )


def _uiterlijk(t: Termijn, datum: dt.date, volgende: dt.date | None) -> dt.date | None:
    if t.aantal is not None and t.eenheid is not None:
        # a term the convenant sets itself, counted from the meeting as it counts (no weekend
        # or holiday moves it)
        return plus_termijn(datum, t.aantal, t.eenheid)
    if t.moment in ("voor_volgende_vergadering", "niet_bepaald") and volgende is not None:
        # "vóór" the next meeting: its eve is the last day. Where the convenant sets no term
        # (5.9, 6.10, 7.3) it is read the same (aanname informeren_gemeenten_termijn).
        return volgende - dt.timedelta(days=1)
    return None
