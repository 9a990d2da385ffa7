"""The trail: who changed what in the register, who sent what, who answered for a Partij.

Append-only: rows are added to the `spoor` table of the register's database and triggers
refuse every update or delete. Each save of a register file is recorded with the version
(hash) before and after, which are the names under which the history keeps the versions, so
a restore can be followed from the trail.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import databank
from .toegang import Gebruiker

SOORTEN = {
    "wijziging": "gewijzigd",
    "nieuw": "aangemaakt",
    "herstel": "eerdere versie teruggezet",
    "verzending": "verzonden",
    "antwoord": "antwoord van een Partij",
    "account": "accounts",
    "inloggen": "ingelogd",
}


def schrijf(
    register: Path,
    wie: Gebruiker,
    soort: str,
    omschrijving: str,
    bestand: str | None = None,
    voor: str | None = None,
    na: str | None = None,
) -> None:
    with databank.verbind(register) as db:
        db.execute(
            "INSERT INTO spoor (moment, wie, rol, soort, bestand, voor, na, omschrijving) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (databank.nu(), wie.weergave, wie.rol, soort, bestand, voor, na, omschrijving),
        )


def bij_opslaan(wie: Gebruiker) -> Any:
    """A listener for governance.opslag: every save of a register file into the trail."""

    def melden(register: Path, pad: Path, voor: str | None, na: str, reden: str | None) -> None:
        naam = pad.relative_to(register).as_posix()
        if reden:
            schrijf(register, wie, "herstel", reden, naam, voor, na)
        elif voor is None:
            schrijf(register, wie, "nieuw", f"{naam} aangemaakt", naam, None, na)
        else:
            schrijf(register, wie, "wijziging", f"{naam} gewijzigd", naam, voor, na)

    return melden


def lijst(
    register: Path, bestand: str | None = None, wie: str | None = None, grens: int = 500
) -> list[dict[str, Any]]:
    """The trail, newest first, of one file or one person (or all)."""
    if not databank.bestaat(register):
        return []
    waar, args = [], []
    if bestand:
        waar.append("bestand = ?")
        args.append(bestand)
    if wie:
        waar.append("wie = ?")
        args.append(wie)
    sql = "SELECT * FROM spoor" + (f" WHERE {' AND '.join(waar)}" if waar else "")
    with databank.verbind(register) as db:
        rijen = db.execute(f"{sql} ORDER BY nr DESC LIMIT ?", (*args, grens)).fetchall()
    uit = []
    for r in rijen:
        rij = dict(r)
        rij["moment"] = databank.plaatselijk(r["moment"])
        uit.append(rij)
    return uit


def personen(register: Path) -> list[str]:
    if not databank.bestaat(register):
        return []
    with databank.verbind(register) as db:
        return [r[0] for r in db.execute("SELECT DISTINCT wie FROM spoor ORDER BY wie")]


def bestanden(register: Path) -> list[str]:
    if not databank.bestaat(register):
        return []
    with databank.verbind(register) as db:
        return [
            r[0]
            for r in db.execute(
                "SELECT DISTINCT bestand FROM spoor WHERE bestand IS NOT NULL ORDER BY bestand"
            )
        ]
