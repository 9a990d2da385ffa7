"""Whether a meeting's recorded sendings (`verzonden:`) reached a recipient with a document.

Shared by the year overview (did it happen in time?) and the calendar (what is still to
send?), so the two never disagree about what a sending covers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from governance.models import Convenant
from governance.vergadering import Vergadering, Verzending


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
