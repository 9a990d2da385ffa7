"""`convenant account`: the workplace's accounts from the terminal (the first beheerder first)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from governance.errors import EXIT_OK, GebruiksFout

from .. import spoor, toegang
from ..register import Register
from ..uitvoer import schrijf

TERMINAL = toegang.Gebruiker("terminal", "terminal", "beheerder")


def maak(
    register: Path,
    naam: str,
    rol: str,
    partij: str | None,
    weergave: str | None,
    email: str | None,
    uit_invoer: bool,
) -> int:
    if rol == "contactpersoon":
        if not partij:
            raise GebruiksFout("een contactpersoon hoort bij een Partij: geef --partij ID")
        c = Register(register).convenant
        if partij not in c.partij:
            raise GebruiksFout(
                f"'{partij}' is geen Partij van het convenant; 'convenant partijen' toont de ids"
            )
    if uit_invoer:
        wachtwoord = sys.stdin.readline().rstrip("\n")
    else:
        wachtwoord = click.prompt(
            f"Wachtwoord voor {naam} (minstens {toegang.MIN_WACHTWOORD} tekens)",
            hide_input=True,
            confirmation_prompt="Nogmaals",
            err=True,
        )
    try:
        nieuw = toegang.maak_account(register, naam, rol, wachtwoord, weergave, partij, email)
    except toegang.AccountFout as e:
        raise GebruiksFout(str(e)) from None
    spoor.schrijf(
        register, TERMINAL, "account", f"account {nieuw.naam} gemaakt ({toegang.ROLNAAM[rol]})"
    )
    schrijf(
        f"Account {nieuw.naam} gemaakt ({toegang.ROLNAAM[rol]}). De werkplek vraagt nu om in te "
        "loggen, ook op deze computer.\n"
    )
    return EXIT_OK


def lijst(register: Path) -> int:
    rijen = toegang.accounts(register)
    if not rijen:
        schrijf(
            "Dit register heeft nog geen accounts: de werkplek vraagt op deze computer niets.\n"
        )
        return EXIT_OK
    for r in rijen:
        extra = f", {r['partij']}" if r["partij"] else ""
        stand = "" if r["actief"] else " (uitgeschakeld)"
        schrijf(f"{r['naam']}: {toegang.ROLNAAM[str(r['rol'])]}{extra}{stand}\n")
    return EXIT_OK


def link(register: Path) -> int:
    if toegang.heeft_accounts(register):
        raise GebruiksFout(
            "dit register heeft al accounts: een beheerder maakt nieuwe op de pagina Accounts"
        )
    sleutel = toegang.eenmalige_link(register, "beheerder", None)
    schrijf(
        "Open in de werkplek (24 uur geldig, één keer te gebruiken):\n"
        f"  /eenmalig/{sleutel}\n"
        "achter het adres van de werkplek, bijv. http://127.0.0.1:8000/eenmalig/…\n"
    )
    return EXIT_OK
