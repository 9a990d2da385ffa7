"""Where a toetreding stands and what it waits for (22.2, 22.3, 22.4, Bijlage 1): a pure
function of the dossier, the parties in force and the verdict on the Stuurgroep's besluit."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from governance.datums import lang

from .termijnen import antwoord_uiterlijk, antwoordtermijn

if TYPE_CHECKING:
    from governance.models import Convenant, Partij
    from governance.toetreding import Antwoord, Toetredingsdossier

    from .oordeel import Oordeel

# The steps of the procedure, in order, with their names for a person.
STAPPEN = [
    ("aanvraag", "Aanvraag"),
    ("kennisgeving", "Kennisgeving (22.3)"),
    ("antwoorden", "Antwoorden (22.4)"),
    ("besluit", "Besluit Stuurgroep"),
    ("formulier", "Formulier (Bijlage 1)"),
    ("in_kracht", "Partij"),
]


@dataclass(frozen=True)
class Toetredingsstand:
    """Where a toetreding stands and what it waits for, in the order of the procedure."""

    stap: str  # aanvraag, kennisgeving, antwoorden, besluit, formulier, in_kracht
    wacht_op: str
    partijen: list[Partij]  # every Partij in force on the date of the notice
    antwoorden: dict[str, Antwoord]
    akkoord_uiterlijk: dt.date | None
    besluit: tuple[str, str, Oordeel | None] | None  # meeting id, besluit id, verdict
    bezwaar: list[str]
    # the weeks of the reply term that `akkoord_uiterlijk` was counted with (convenant.yaml's
    # `akkoord` step, an aanname); None where the dossier sets its own date or none runs yet
    antwoordtermijn: int | None = None


def stand_toetreding(
    c: Convenant,
    d: Toetredingsdossier,
    besluit: tuple[str, str, Oordeel | None] | None,
) -> Toetredingsstand:
    """The first step of the procedure that is not done. `c`: the convenant with the parties
    as the register records them; `besluit`: the Stuurgroep's besluit the dossier names, as
    found in the register (meeting, besluit, verdict; no verdict while it has no votes)."""
    peil = d.kennisgeving_op
    # every Partij in force on the date of the notice is asked (22.3) and must agree (22.4)
    partijen = (
        [p for p in c.partijen_op(peil) if p.is_partij and p.id != d.partij.id] if peil else []
    )
    antwoorden = d.laatste_antwoorden()
    uiterlijk = d.akkoord_uiterlijk or (antwoord_uiterlijk(c, peil) if peil else None)
    bezwaar = [
        p.naam for p in partijen if getattr(antwoorden.get(p.id), "antwoord", "") == "bezwaar"
    ]
    open_ = [p for p in partijen if p.id not in antwoorden]

    weken = antwoordtermijn(c) if peil and not d.akkoord_uiterlijk else None

    def maak(stap: str, wacht: str) -> Toetredingsstand:
        return Toetredingsstand(
            stap, wacht, partijen, antwoorden, uiterlijk, besluit, bezwaar, weken
        )

    if d.in_kracht_vanaf is not None:
        return maak("in_kracht", f"niets meer: Partij vanaf {lang(d.in_kracht_vanaf)}")
    if peil is None:
        return maak("kennisgeving", "de kennisgeving aan alle Partijen (22.3)")
    if bezwaar:
        return maak(
            "antwoorden",
            f"akkoord van {', '.join(bezwaar)}: zonder akkoord van alle Partijen geen toetreding (22.4)",
        )
    if open_:
        return maak(
            "antwoorden",
            f"het antwoord van {len(open_)} van de {len(partijen)} Partijen (22.4)"
            + (f", gevraagd uiterlijk {lang(uiterlijk)}" if uiterlijk else ""),
        )
    if d.besluit_stuurgroep is None:
        return maak("besluit", "het besluit van de Stuurgroep: zet het op de agenda")
    if besluit is None:
        return maak(
            "besluit",
            f"besluit {d.besluit_stuurgroep.besluit or ''} van de Stuurgroep op "
            f"{lang(d.besluit_stuurgroep.datum)} (staat nog niet in het register)",
        )
    if besluit[2] is None:
        return maak(
            "besluit",
            f"het besluit van de Stuurgroep op {lang(d.besluit_stuurgroep.datum)}: leg bij de "
            f"vergadering de stemmen over besluit {besluit[1]} vast",
        )
    if besluit[2].oordeel != "aangenomen":
        return maak(
            "besluit",
            f"een besluit van de Stuurgroep dat is aangenomen; besluit {besluit[1]} is nu "
            f"'{besluit[2].oordeel}'",
        )
    return maak("formulier", "de ondertekening van het toetredingsformulier (Bijlage 1)")
