"""Deadlines the secretariat has to keep, coming and missed, over a register. Pure functions.

Where `jaaroverzicht` judges a year afterwards, this lists what is still to be done and by
when: the lists of a meeting before the next meeting of the orgaan (5.8, 5.9, 7.3, 7.5), the
Jaarplan to the gemeenten and the Partneroverleg (4.8), the parties' replies to an intended
toetreding (22.4), and exits whose notice period is running (25.2). A deadline that has been
met is not listed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from governance.datums import lang, plus_weken, werkdag
from governance.models import Convenant

from .jaaroverzicht import Gehouden, bekend_op
from .verzending import GEVOLGEN, verzendplichten, verzonden_op

Stand = Literal["komend", "verstreken"]


@dataclass(frozen=True)
class Termijn:
    datum: dt.date
    omschrijving: str
    artikel: str
    stand: Stand
    vergadering: str | None = None  # the meeting file's name, for a link
    aanname: str | None = None
    # an escalation whose orgaan has no next meeting yet: the date is the latest the
    # convenant allows that meeting, and the secretaris is to plan one
    niet_gepland: bool = False


_STUK = {
    "notulen": "de notulen",
    "actiepuntenlijst": "de actiepuntenlijst",
    "besluitenlijst": "de besluitenlijst",
    "besluiten": "de besluiten",
    "relevante_besluiten": "de relevante besluiten",
    "jaarplan": "het Jaarplan",
    "werkproces": "het werkproces",
}


# What an adopted besluit sends on, as the calendar names it.
_GEVOLG = {"jaarplan": "Jaarplan", "werkproces": "Werkproces"}


def _naam(c: Convenant, ontvanger: str) -> str:
    if ontvanger == "partijen":
        return "alle Partijen"
    if ontvanger in c.orgaan:
        return c.orgaan[ontvanger].de_naam
    return c.rol[ontvanger].naam if ontvanger in c.rol else ontvanger


def uiterste_volgende(
    c: Convenant, orgaan_id: str, datum: dt.date, in_dat_jaar: int
) -> dt.date | None:
    """The last day on which the orgaan's next meeting after `datum` can be held if it is to
    meet as often as the convenant asks (4.3, 6.2): still this year while the year's minimum
    is not reached (`in_dat_jaar`: its meetings that year up to and with this one), else by
    the end of next year. None for an orgaan without a minimum."""
    frequentie = c.orgaan[orgaan_id].vergaderfrequentie
    if frequentie is None:
        return None
    jaar = datum.year if in_dat_jaar < frequentie.minimum_per_jaar else datum.year + 1
    return dt.date(jaar, 12, 31)


def termijnen(
    c: Convenant,
    register: Sequence[Gehouden],
    peildatum: dt.date,
    gepland: Iterable[tuple[str, dt.date]] = (),
) -> list[Termijn]:
    """The deadlines on the peildatum. `gepland`: meetings planned ahead (orgaan and date), so
    that "before the next meeting" has a date before that meeting is recorded."""
    uit: list[Termijn] = []
    geplande: dict[str, list[dt.date]] = {}
    for orgaan_id, datum in sorted(gepland):
        geplande.setdefault(orgaan_id, []).append(datum)

    def volgende_na(orgaan_id: str, reeks: Sequence[Gehouden], i: int) -> dt.date | None:
        """The orgaan's next meeting after the i-th: recorded, written in the file, or planned."""
        v = reeks[i].vergadering
        kandidaten = [
            *([reeks[i + 1].vergadering.datum] if i + 1 < len(reeks) else []),
            *([v.volgende_vergadering] if v.volgende_vergadering else []),
            *(d for d in geplande.get(orgaan_id, []) if d > v.datum),
        ]
        return min(kandidaten, default=None)

    def voeg(
        datum: dt.date,
        omschrijving: str,
        artikel: str,
        niet_gepland: bool = False,
        **extra: str | None,
    ) -> None:
        stand: Stand = "komend" if datum >= peildatum else "verstreken"
        uit.append(Termijn(datum, omschrijving, artikel, stand, niet_gepland=niet_gepland, **extra))

    per_orgaan: dict[str, list[Gehouden]] = {}
    for g in sorted(register, key=lambda g: g.vergadering.datum):
        per_orgaan.setdefault(g.vergadering.orgaan, []).append(g)

    def opgepakt_op(datum: dt.date) -> set[str]:
        """The besluiten a meeting on or before `datum` took up again (vervolg_van)."""
        return {
            b.vervolg_van
            for g in register
            if g.vergadering.datum <= datum
            for b in g.vergadering.besluiten
            if b.vervolg_van
        }

    for orgaan_id, reeks in per_orgaan.items():
        orgaan = c.orgaan[orgaan_id]
        for i, g in enumerate(reeks):
            v = g.vergadering
            volgende = volgende_na(orgaan_id, reeks, i)
            # An escalated besluit goes to the body above before this orgaan meets again
            # (5.7, 7.2; aanname escalatie_termijn), until a later besluit takes it up.
            for o in g.oordelen if v.datum <= peildatum else ():
                if o.oordeel != "escaleren" or o.id in opgepakt_op(peildatum):
                    continue
                naar = _naam(c, o.escaleren_naar) if o.escaleren_naar else "het hogere orgaan"
                wat = (
                    f"{orgaan.naam} van {lang(v.datum)}: besluit {o.id} "
                    f"({o.onderwerp.rstrip('.')}) voorleggen aan {naar}"
                )
                artikel = "7.2" if orgaan_id == "partneroverleg" else "5.7"
                if volgende is not None:
                    voeg(
                        volgende - dt.timedelta(days=1),
                        wat,
                        artikel,
                        vergadering=g.naam,
                        aanname="escalatie_termijn",
                    )
                    continue
                # No next meeting known, so no date under the aanname: said, with the latest
                # day the convenant leaves for that meeting, rather than left out
                frequentie = orgaan.vergaderfrequentie
                eerder = sum(1 for x in reeks[: i + 1] if x.vergadering.datum.year == v.datum.year)
                uiterst = uiterste_volgende(c, orgaan_id, v.datum, eerder)
                if frequentie is None or uiterst is None:
                    continue
                voeg(
                    uiterst - dt.timedelta(days=1),
                    f"{wat} vóór de volgende vergadering van {orgaan.de_naam}; die is nog niet "
                    f"gepland: plan er een. {orgaan.de_naam[0].upper()}{orgaan.de_naam[1:]} "
                    f"vergadert ten minste {frequentie.minimum_per_jaar} keer per jaar, dus "
                    f"uiterlijk op {lang(uiterst)} weer",
                    f"{artikel}, {', '.join(frequentie.artikelen)}",
                    vergadering=g.naam,
                    aanname="escalatie_termijn",
                    niet_gepland=True,
                )
            # who receives what by when: the rule the besluitenlijst's 'Verzonden aan' states
            for plicht in verzendplichten(c, orgaan_id, v.datum, volgende, g.oordelen):
                if plicht.uiterlijk is None:
                    continue
                if plicht.besluiten:  # an adopted Jaarplan (4.8) or werkproces (6.9c)
                    stuk = next(d for d in plicht.documenten if d in GEVOLGEN)
                    ontvangers = [
                        a
                        for a in plicht.aan
                        if verzonden_op(c, v, stuk, a, plicht.schriftelijk) is None
                    ]
                    if ontvangers:
                        voeg(
                            plicht.uiterlijk,
                            f"{_GEVOLG[stuk]} ({', '.join(plicht.besluiten)}) toezenden aan: "
                            f"{', '.join(_naam(c, a) for a in ontvangers)}",
                            ", ".join(plicht.artikelen),
                            vergadering=g.naam,
                            aanname=plicht.aanname,
                        )
                    continue
                if v.datum > peildatum:
                    continue  # lists of a meeting still to come are not due yet
                ontbreekt = [
                    f"{_STUK.get(document, document)} naar {_naam(c, ontvanger)}"
                    for document in plicht.documenten
                    for ontvanger in plicht.aan
                    if verzonden_op(c, v, document, ontvanger, plicht.schriftelijk) is None
                ]
                if ontbreekt:
                    wanneer = (
                        "vóór de volgende vergadering"
                        if plicht.termijn.aantal is None
                        else f"binnen {plicht.termijn.aantal} {plicht.termijn.eenheid}"
                    )
                    voeg(
                        plicht.uiterlijk,
                        f"{orgaan.naam} van {lang(v.datum)}: nog te verzenden {wanneer}: "
                        f"{'; '.join(ontbreekt)}",
                        ", ".join(plicht.artikelen),
                        vergadering=g.naam,
                        aanname=plicht.aanname,
                    )

    toetredingen = [
        (g, b, o)
        for g in register
        for b, o in zip(g.vergadering.besluiten, g.oordelen, strict=True)
        if b.soort == "toetreding" and b.toetreding is not None and g.vergadering.datum <= peildatum
    ]
    # a toetreding that some meeting has adopted needs no more replies
    goedgekeurd = {
        b.toetreding.organisatie
        for _, b, o in toetredingen
        if b.toetreding is not None and o.oordeel == "aangenomen"
    }
    for g, b, _ in toetredingen:
        t = b.toetreding
        if t is None or t.partijen_geinformeerd_op is None:
            continue
        if t.organisatie in goedgekeurd or "alle" in t.akkoord:
            continue
        voeg(
            antwoord_uiterlijk(c, t.partijen_geinformeerd_op),
            f"Antwoorden van de Partijen op de toetreding van {t.organisatie} ({b.id}): "
            f"{len(t.akkoord)} akkoord, {len(t.geweigerd)} geweigerd",
            "22.4",
            vergadering=g.naam,
            aanname="kennisgeving_toetreding_termijn",
        )

    for p in c.partijen:
        if (
            p.uitgetreden_op is not None
            and p.uitgetreden_op >= peildatum
            and bekend_op(p, peildatum)
        ):
            voeg(p.uitgetreden_op, f"Uittreding van {p.naam} gaat in (opzegtermijn loopt)", "25.2")

    return sorted(uit, key=lambda t: (t.datum, t.omschrijving))


def antwoordtermijn(c: Convenant) -> int:
    """The weeks the parties get to reply to an intended toetreding: the term of the toetreding
    procedure's `akkoord` step in convenant.yaml (aanname kennisgeving_toetreding_termijn; the
    convenant sets none, 22.3, 22.4)."""
    stap = next(
        s for p in c.procedures if p.id == "toetreding" for s in p.stappen if s.id == "akkoord"
    )
    if stap.termijn is None or stap.termijn.eenheid != "weken" or stap.termijn.aantal is None:
        raise ValueError("de stap 'akkoord' van de toetreding heeft geen termijn in weken")
    return stap.termijn.aantal


def antwoord_uiterlijk(c: Convenant, kennisgeving_op: dt.date) -> dt.date:
    """The day by which the parties are asked to reply: the term from the notice, moved to the
    next working day (the secretariat sets it, so it skips weekends and public holidays)."""
    return werkdag(plus_weken(kennisgeving_op, antwoordtermijn(c)))
