"""Adopting an earlier meeting's concept besluitenlijst, as a secretaris does it: a besluit of
the next meeting of the same orgaan (soort verslag_vaststellen, `stelt_vast`; 5.8, 7.5; who
adopts is aanname vaststelling_besluitenlijst, see rules/vaststelling.py).

The earlier meeting is chosen from the register's meetings by orgaan and date, never typed:
the meeting page of the next meeting and the agenda of a planned one offer the adoption of
the previous meeting's list while it is a concept, and the besluit form lists the earlier
meetings for that soort. A missing or impossible choice is said beside the field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from governance.datums import lang
from rules.vaststelling import vaststelling

from .formulier import BesluitInvoer, Invoer, Uitslag
from .werkplek import Werkplek, beoordeel

SOORT = "verslag_vaststellen"
LABEL = "Stelt de besluitenlijst vast van"


@dataclass(frozen=True)
class Eerdere:
    """An earlier meeting of the orgaan whose list a besluit may adopt."""

    datum: dt.date
    naam: str  # "Stuurgroep, 12 mei 2027"
    status: str  # "concept" or "vastgesteld op 12 mei 2027"
    concept: bool

    @property
    def waarde(self) -> str:
        return self.datum.isoformat()

    @property
    def label(self) -> str:
        return f"{self.naam} ({self.status})"


def voor_formulier(w: Werkplek, invoer: Invoer) -> list[Eerdere]:
    """The choices the form needs: none unless a besluit adopts a list (judging every meeting
    of the register is not paid on every live check of a form without one)."""
    if not any(b.soort == SOORT or b.stelt_vast for b in invoer.besluiten):
        return []
    return eerdere(w, invoer.orgaan, invoer.peildatum())


def eerdere(w: Werkplek, orgaan: str, datum: dt.date | None) -> list[Eerdere]:
    """The recorded meetings of `orgaan` before `datum`, latest first, with their list's status."""
    if datum is None:
        return []
    o = w.convenant.orgaan.get(orgaan)
    if o is None:
        return []
    gehouden, _ = beoordeel(w)
    uit = []
    for g in gehouden:
        v = g.vergadering
        if v.orgaan != orgaan or v.datum >= datum:
            continue
        status = vaststelling(gehouden, g.naam)
        concept = status.status == "concept" or status.datum is None
        uit.append(
            Eerdere(
                v.datum,
                f"{o.naam}, {lang(v.datum)}",
                "concept" if concept else f"vastgesteld op {lang(status.datum)}",  # type: ignore[arg-type]
                concept,
            )
        )
    return sorted(uit, key=lambda e: e.datum, reverse=True)


def ter_vaststelling(
    w: Werkplek, orgaan: str, datum: dt.date, al: Iterable[dt.date | str | None] = ()
) -> Eerdere | None:
    """The previous meeting of the orgaan while its list is a concept that this meeting does
    not adopt yet (`al`: the dates its besluiten already adopt): what the meeting page offers.
    Only to an orgaan that may take such a besluit (the jaarvergadering and the Casusoverleg
    may not: their adoption would be ongeldig)."""
    soort = w.convenant.soort.get(SOORT)
    if soort is None or orgaan not in soort.bevoegd:
        return None
    lijst = eerdere(w, orgaan, datum)
    if not lijst or not lijst[0].concept:
        return None
    gekozen = {str(d) for d in al if d}
    return None if lijst[0].waarde in gekozen else lijst[0]


def onderwerp(w: Werkplek, orgaan: str, datum: dt.date) -> str:
    o = w.convenant.orgaan[orgaan]
    return f"Vaststelling van de besluitenlijst van {o.de_naam} van {lang(datum)}"


def besluit(w: Werkplek, orgaan: str, datum: dt.date, nummer: str) -> BesluitInvoer:
    """The adopting besluit, to be voted on; its text as the besluitenlijst will say it."""
    o = w.convenant.orgaan[orgaan]
    return BesluitInvoer(
        id=nummer,
        onderwerp=onderwerp(w, orgaan, datum),
        soort=SOORT,
        tekst=(
            f"{o.de_naam[0].upper()}{o.de_naam[1:]} stelt de besluitenlijst, de "
            f"actiepuntenlijst en de notulen van {lang(datum)} vast."
        ),
        stelt_vast=datum.isoformat(),
    )


def controleer(invoer: Invoer, keuzes: list[Eerdere], uitslag: Uitslag) -> None:
    """An adoption without a chosen meeting, or naming none of the earlier ones, said beside
    its field in words."""
    bekend = {e.waarde for e in keuzes}
    for i, b in enumerate(invoer.besluiten):
        veld = f"b{i}-stelt_vast"
        label = f"{LABEL} (besluit {i + 1})"
        if b.soort == SOORT and not b.stelt_vast:
            uitslag.per_veld[veld] = (
                f"{label}: kies de vergadering waarvan deze vergadering de besluitenlijst "
                "vaststelt."
            )
        elif b.stelt_vast and b.stelt_vast not in bekend:
            try:
                genoemd = lang(dt.date.fromisoformat(b.stelt_vast))
            except ValueError:
                genoemd = b.stelt_vast
            uitslag.per_veld[veld] = (
                f"{label}: op {genoemd} is er geen eerdere vergadering van dit orgaan in het "
                "register; kies de vergadering uit de lijst."
            )


def fouten(invoer: Invoer, uitslag: Uitslag) -> list[str]:
    """The messages of `controleer` that keep the form from being saved."""
    return [
        uitslag.per_veld[f"b{i}-stelt_vast"]
        for i in range(len(invoer.besluiten))
        if f"b{i}-stelt_vast" in uitslag.per_veld
    ]
