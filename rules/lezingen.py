"""Contested readings as an input to the rules: which one to judge by, and which were consulted.

An aanname in `convenant.yaml` with `lezingen` is a point on which careful jurists differ. The
rules never hard-code its answer: they ask a `Lezer` for the reading chosen for this
evaluation. The choice (`Lezingkeuze`) is a plain immutable value passed in by the caller:
readings named on the command line, readings the Stuurgroep settled in the register's
`lezingen.yaml`, and otherwise the default of `convenant.yaml`. The `Lezer` lives for one
evaluation and remembers what it was asked, so a verdict can say which readings it turned on
and sensitivity analysis re-evaluates only those.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import NamedTuple

from governance.datums import lang
from governance.errors import GebruiksFout, bedoelde_u
from governance.models import Bevinding, Convenant, Lezing, Lezingen

from .oordeel import Grond, Vaststelling

_LEEG: Mapping[str, str] = MappingProxyType({})
_GEEN_VASTSTELLINGEN: Mapping[str, Vaststelling] = MappingProxyType({})


class Lezingkeuze(NamedTuple):
    """The readings to judge by. Chosen (--lezing) goes before settled, settled before default."""

    gekozen: Mapping[str, str] = _LEEG
    vastgesteld: Mapping[str, Vaststelling] = _GEEN_VASTSTELLINGEN

    def met(self, aanname: str, lezing: str) -> Lezingkeuze:
        """The same choice with one reading changed: for judging under an alternative."""
        return self._replace(gekozen=MappingProxyType({**self.gekozen, aanname: lezing}))

    def lezing_voor(self, bevinding: Bevinding) -> str:
        if (gekozen := self.gekozen.get(bevinding.id)) is not None:
            return gekozen
        if (vast := self.vastgesteld.get(bevinding.id)) is not None:
            return vast.lezing
        standaard = bevinding.standaardlezing
        assert standaard is not None, f"{bevinding.id} is geen betwiste lezing"
        return standaard.id

    def opgelost(self, c: Convenant) -> dict[str, Lezing]:
        """The reading in force for every contested aanname: worked out once per evaluation."""
        uit: dict[str, Lezing] = {}
        for aanname, bevinding in c.betwist.items():
            lezing = bevinding.lezing(self.lezing_voor(bevinding))
            assert lezing is not None  # ids are checked when chosen (kies) or loaded
            uit[aanname] = lezing
        return uit

    def vaststelling(self, bevinding: Bevinding) -> Vaststelling | None:
        """The besluit that settled the reading in force, if the reading in force is settled."""
        vast = self.vastgesteld.get(bevinding.id)
        if vast is None or self.gekozen.get(bevinding.id, vast.lezing) != vast.lezing:
            return None
        return vast


STANDAARD = Lezingkeuze()


class Lezer:
    """Answers which reading holds for one evaluation, and records each question asked."""

    __slots__ = ("convenant", "geraadpleegd", "keuze", "opgelost")

    def __init__(
        self,
        convenant: Convenant,
        keuze: Lezingkeuze,
        opgelost: dict[str, Lezing] | None = None,
    ) -> None:
        self.convenant = convenant
        self.keuze = keuze
        self.opgelost = keuze.opgelost(convenant) if opgelost is None else opgelost
        self.geraadpleegd: dict[str, str] = {}

    def __call__(self, aanname: str | None) -> str | None:
        """The id of the reading in force, or None when the aanname is not contested."""
        lezing = self.lezing(aanname)
        return lezing.id if lezing else None

    def kent(self, aanname: str | None, lezing: str) -> bool:
        """Whether `lezing` is one of the readings of `aanname`; asks nothing, records nothing."""
        bevinding = self.convenant.betwist.get(aanname) if aanname else None
        return bevinding is not None and bevinding.lezing(lezing) is not None

    def lezing(self, aanname: str | None) -> Lezing | None:
        lezing = self.opgelost.get(aanname) if aanname else None
        if lezing is not None:
            self.geraadpleegd[aanname] = lezing.id  # type: ignore[index]  # not None here
        return lezing


def markeer(
    c: Convenant,
    keuze: Lezingkeuze,
    gronden: Iterable[Grond],
    opgelost: dict[str, Lezing] | None = None,
) -> tuple[Grond, ...]:
    """Label each ground resting on a contested reading with the reading in force.

    A reading the Stuurgroep settled is no longer an assumption: the ground cites the besluit
    that settled it instead.
    """
    betwist = c.betwist
    gronden = tuple(gronden)
    if not any(g.aanname in betwist for g in gronden):
        return gronden
    uit: list[Grond] = []
    for g in gronden:
        bevinding = betwist.get(g.aanname) if g.aanname else None
        if bevinding is None:
            uit.append(g)
            continue
        lezing = opgelost[bevinding.id].id if opgelost else keuze.lezing_voor(bevinding)
        vast = keuze.vaststelling(bevinding) if keuze.vastgesteld else None
        if vast is None:
            # Built directly: NamedTuple._replace costs several times more, on every verdict.
            uit.append(Grond(g.artikel, g.uitleg, g.aanname, g.effect, lezing, None, g.beslissend))
        else:
            orgaan = c.orgaan[vast.orgaan].de_naam if vast.orgaan in c.orgaan else vast.orgaan
            uit.append(
                g._replace(
                    uitleg=f"{g.uitleg} Die lezing stelde {orgaan} vast bij besluit {vast.besluit} van {lang(vast.datum)}.",
                    aanname=None,
                    lezing=lezing,
                    vastgesteld=vast,
                )
            )
    return tuple(uit)


# --- choosing readings: the command line and the register ------------------------------------


def _bevinding(c: Convenant, aanname: str, waar: str) -> Bevinding:
    if aanname in c.betwist:
        return c.betwist[aanname]
    if aanname in c.bevinding:
        raise GebruiksFout(
            f"{waar}: de aanname '{aanname}' heeft geen alternatieve lezingen; "
            f"'convenant lezingen' toont welke aannames betwiste lezingen zijn"
        )
    suggestie = bedoelde_u(aanname, c.betwist)
    hint = f" (bedoelde u '{suggestie}'?)" if suggestie else ""
    raise GebruiksFout(
        f"{waar}: onbekende aanname '{aanname}'{hint}; 'convenant lezingen' toont de betwiste "
        "lezingen met hun ids"
    )


def kies(c: Convenant, opties: Iterable[str], register: Lezingen | None = None) -> Lezingkeuze:
    """The readings from `--lezing AANNAME=LEZING` options and the register's settled ones."""
    gekozen: dict[str, str] = {}
    for optie in opties:
        aanname, is_, lezing = optie.partition("=")
        aanname, lezing = aanname.strip(), lezing.strip()
        if not is_ or not aanname or not lezing:
            raise GebruiksFout(
                f"--lezing {optie}: schrijf AANNAME=LEZING, bijvoorbeeld "
                "--lezing staking_van_stemmen=verworpen"
            )
        bevinding = _bevinding(c, aanname, f"--lezing {optie}")
        if bevinding.lezing(lezing) is None:
            ids = [lz.id for lz in bevinding.lezingen]
            suggestie = bedoelde_u(lezing, ids)
            hint = f" (bedoelde u '{suggestie}'?)" if suggestie else ""
            raise GebruiksFout(
                f"--lezing {optie}: '{aanname}' heeft geen lezing '{lezing}'{hint}; "
                f"mogelijk: {', '.join(ids)}"
            )
        if gekozen.get(aanname, lezing) != lezing:
            raise GebruiksFout(
                f"--lezing {optie}: voor '{aanname}' is al de lezing '{gekozen[aanname]}' gekozen"
            )
        gekozen[aanname] = lezing
    vastgesteld = {
        v.aanname: Vaststelling(v.lezing, v.besluit, v.orgaan, v.datum)
        for v in (register.vastgesteld if register else [])
    }
    return Lezingkeuze(MappingProxyType(gekozen), MappingProxyType(vastgesteld))
