"""Verdicts and their grounds (DESIGN.md): what `convenant toets` says about each besluit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Literal, NamedTuple

if TYPE_CHECKING:
    from governance.versies import Toegepast

OordeelSoort = Literal["aangenomen", "verworpen", "aangehouden", "escaleren", "ongeldig"]
# What a ground does to the verdict. `None`: it was checked and is no obstacle, or it is a
# consequence the secretaris must act on; it is listed all the same.
Effect = Literal["ongeldig", "escaleren", "aangehouden"] | None


def art(artikelen: Iterable[str]) -> str:
    """The articles of a ground, as one citation: "5.5, 5.7"."""
    return ", ".join(artikelen)


GELDIG: frozenset[str] = frozenset({"aangenomen", "verworpen"})


# The records below are NamedTuples rather than dataclasses: as immutable, and defining one
# costs a fifth of a frozen dataclass, which start-up of `convenant toets` notices (bench/).


class Vaststelling(NamedTuple):
    """A contested reading the Stuurgroep settled: by which besluit, of which orgaan, when."""

    lezing: str
    besluit: str
    orgaan: str
    datum: dt.date

    def als_dict(self) -> dict[str, object]:
        return {
            "lezing": self.lezing,
            "besluit": self.besluit,
            "orgaan": self.orgaan,
            "datum": self.datum,
        }


class Grond(NamedTuple):
    artikel: str
    uitleg: str
    aanname: str | None = None
    effect: Effect = None
    lezing: str | None = None  # the reading in force, where the aanname is a contested one
    vastgesteld: Vaststelling | None = None  # the besluit that settled that reading
    # Whether this ground decided the verdict (the `!` of the text output, JSON `beslissend`).
    beslissend: bool = False
    # The addendum (23.2) that gave a cited article the wording in force, by its number.
    addendum: str | None = None

    def als_dict(self) -> dict[str, object]:
        return {
            "artikel": self.artikel,
            "uitleg": self.uitleg,
            "aanname": self.aanname,
            "lezing": self.lezing,
            "vastgesteld_bij": self.vastgesteld.als_dict() if self.vastgesteld else None,
            "beslissend": self.beslissend,
            "addendum": self.addendum,
        }


def raakt(geciteerd: str, gewijzigd: str) -> bool:
    """Whether a citation ("6.9a") falls under a changed article, lid or onderdeel ("6.9")."""
    if not geciteerd.startswith(gewijzigd):
        return False
    rest = geciteerd[len(gewijzigd) :]
    # "6" covers "6.6" and "6.6a"; "6.6" covers "6.6a" but not "6.60".
    return not rest or rest[0].isalpha() or (rest[0] == "." and "." not in gewijzigd)


def noem_addenda(addenda: Sequence[Toegepast], gronden: Iterable[Grond]) -> tuple[Grond, ...]:
    """Each ground that cites an article an addendum in force changed names that addendum.

    The latest addendum that changed a cited article is named: its wording is the one in force.
    """
    gronden = tuple(gronden)
    if not addenda:
        return gronden
    uit: list[Grond] = []
    for g in gronden:
        geciteerd = g.artikel.split(", ")
        laatste = None
        for a in addenda:
            if any(raakt(c, w) for c in geciteerd for w in a.artikelen):
                laatste = a
        if laatste is None:
            uit.append(g)
            continue
        artikelen = ", ".join(w for w in laatste.artikelen if any(raakt(c, w) for c in geciteerd))
        uit.append(
            g._replace(
                uitleg=f"{g.uitleg} Art. {artikelen} luidt zo sinds {laatste.vermelding()}.",
                addendum=laatste.nummer,
            )
        )
    return tuple(uit)


class Alternatief(NamedTuple):
    """The verdict a besluit would get under another reading of one contested aanname."""

    aanname: str
    lezing: str
    oordeel: OordeelSoort
    escaleren_naar: str | None
    artikel: str  # the articles the alternative reading rests on
    uitspraak: str  # the alternative reading in one line

    def als_dict(self) -> dict[str, object]:
        return {
            "aanname": self.aanname,
            "lezing": self.lezing,
            "oordeel": self.oordeel,
            "escaleren_naar": self.escaleren_naar,
            "artikel": self.artikel,
            "uitspraak": self.uitspraak,
        }


class Telling(NamedTuple):
    voor: int
    tegen: int
    onthouding: int

    def als_dict(self) -> dict[str, int]:
        return {"voor": self.voor, "tegen": self.tegen, "onthouding": self.onthouding}


class Oordeel(NamedTuple):
    id: str
    onderwerp: str
    soort: str
    oordeel: OordeelSoort
    gronden: tuple[Grond, ...]
    escaleren_naar: str | None = None
    stemmen: Telling | None = None
    bezwaren: tuple[str, ...] = ()
    # The contested readings the rules consulted for this besluit, and the reading used.
    lezingen: tuple[tuple[str, str], ...] = ()
    # With sensitivity analysis: the verdicts under the other readings, where they differ.
    alternatieven: tuple[Alternatief, ...] | None = None
    # A besluit on controllership under the AVG binds only the parties that agreed themselves
    # (aanname avg_ieder_voor_zich); None: it binds as any besluit does (5.5).
    bindt: tuple[str, ...] | None = None

    @property
    def geldig(self) -> bool:
        return self.oordeel in GELDIG

    @property
    def rust_op_aanname(self) -> bool:
        return any(g.aanname for g in self.gronden)

    def als_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "onderwerp": self.onderwerp,
            "soort": self.soort,
            "oordeel": self.oordeel,
            "escaleren_naar": self.escaleren_naar,
            "gronden": [g.als_dict() for g in self.gronden],
            "stemmen": self.stemmen.als_dict() if self.stemmen else None,
            "lezingen": dict(self.lezingen),
            **(
                {"alternatieven": [a.als_dict() for a in self.alternatieven]}
                if self.alternatieven is not None
                else {}
            ),
            "bindt": list(self.bindt) if self.bindt is not None else None,
        }
