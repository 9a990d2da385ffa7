"""The year planning per orgaan: how often the convenant asks it to meet, what is held and
planned, and what is still missing. Pure functions.

The numbers come from each orgaan's `vergaderfrequentie` in convenant.yaml: the Stuurgroep at
least three times a year (4.3), the Partneroverleg at least three times, and further on a
Partij's request (6.2), and once a year a meeting to which every Partij is invited (6.4).
An orgaan the convenant sets no frequency for (the Tactisch overleg, art. 8; the Casusoverleg,
9.1, meets when triage asks it) is listed without a minimum.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from governance.models import Convenant, Orgaan


@dataclass(frozen=True)
class Orgaanplanning:
    orgaan: Orgaan
    minimum: int | None  # None: the convenant sets no number of meetings
    precies: bool  # exactly that many (the annual meeting, 6.4)
    artikelen: tuple[str, ...]
    aanname: str | None
    gehouden: tuple[dt.date, ...]  # a meeting file of the register, on or before the peildatum
    gepland: tuple[dt.date, ...]  # planned, or recorded after the peildatum

    @property
    def ontbreekt(self) -> int:
        """How many meetings the year still needs beyond those held and planned."""
        if self.minimum is None:
            return 0
        return max(0, self.minimum - len(self.gehouden) - len(self.gepland))

    @property
    def te_veel(self) -> int:
        """Meetings beyond the one the convenant allows (6.4: once a year)."""
        if not self.precies or self.minimum is None:
            return 0
        return max(0, len(self.gehouden) + len(self.gepland) - self.minimum)


def jaarplanning(
    c: Convenant,
    jaar: int,
    vergaderingen: Iterable[tuple[str, dt.date]],
    gepland: Iterable[tuple[str, dt.date]],
    peildatum: dt.date,
) -> list[Orgaanplanning]:
    """Per orgaan that meets (every orgaan with a frequency, and any other with a meeting or a
    plan in the year): the meetings of `jaar`, held (the register's meetings, as orgaan and
    date, on or before the peildatum) and planned (the planning's, and the register's after
    the peildatum), and what is missing."""
    gehouden: dict[str, set[dt.date]] = {}
    komend: dict[str, set[dt.date]] = {}
    for orgaan, datum in vergaderingen:
        if datum.year == jaar:
            (gehouden if datum <= peildatum else komend).setdefault(orgaan, set()).add(datum)
    for orgaan, datum in gepland:
        if datum.year == jaar and datum not in gehouden.get(orgaan, set()):
            komend.setdefault(orgaan, set()).add(datum)
    uit = []
    for o in c.organen:
        regel = o.vergaderfrequentie
        if regel is None and o.id not in gehouden and o.id not in komend:
            continue
        uit.append(
            Orgaanplanning(
                o,
                regel.minimum_per_jaar if regel else None,
                bool(regel and regel.precies),
                tuple(regel.artikelen) if regel else (),
                regel.aanname if regel else None,
                tuple(sorted(gehouden.get(o.id, ()))),
                tuple(sorted(komend.get(o.id, ()))),
            )
        )
    return uit
