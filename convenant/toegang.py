"""Accounts, roles and sessions of the workplace, kept in the register's database.

Roles (issue 23): the secretaris edits the register and sends; the voorzitter (the Manager,
5.3) may do the same and signs; the contactpersoon of a Partij reads what concerns its Partij
and answers for it; the beheerder manages accounts. Passwords are stored as argon2 hashes
(argon2-cffi, imported only when a password is set or checked). A session is a random key
whose hash is stored with its expiry; the cookie carries the key with an HMAC, so a cookie
that was not made here is refused before the database is asked.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from . import databank

if TYPE_CHECKING:
    from argon2 import PasswordHasher

Rol = Literal["secretaris", "voorzitter", "contactpersoon", "beheerder"]
ROLLEN: tuple[Rol, ...] = ("secretaris", "voorzitter", "contactpersoon", "beheerder")
ROLNAAM: dict[str, str] = {
    "secretaris": "secretaris",
    "voorzitter": "voorzitter / Manager",
    "contactpersoon": "contactpersoon van een Partij",
    "beheerder": "beheerder",
}
SESSIEDUUR = dt.timedelta(hours=8)
MIN_WACHTWOORD = 10
# Rate limit: at most this many failed logins per name and per address in the window.
MAX_POGINGEN = 5
VENSTER = 15 * 60.0
EENMALIG_DUUR = dt.timedelta(hours=24)


class AccountFout(ValueError):
    """A request about accounts that cannot be done, in words for the person who asked."""


@dataclass(frozen=True)
class Gebruiker:
    """Who is acting: an account, the shared token of a script, or the local user (no accounts)."""

    naam: str
    weergave: str
    rol: Rol
    partij: str | None = None
    id: int | None = None

    @property
    def redacteur(self) -> bool:
        """May edit the register and send (secretaris, voorzitter)."""
        return self.rol in ("secretaris", "voorzitter")


LOKAAL = Gebruiker("lokaal", "deze computer", "secretaris")
SCRIPT = Gebruiker("script", "script met toegangstoken", "secretaris")


def _hasher() -> PasswordHasher:
    from argon2 import PasswordHasher

    return PasswordHasher()


def _controleer_wachtwoord(wachtwoord: str) -> None:
    if len(wachtwoord) < MIN_WACHTWOORD:
        raise AccountFout(f"Kies een wachtwoord van minstens {MIN_WACHTWOORD} tekens.")


def heeft_accounts(register: Path) -> bool:
    if not databank.bestaat(register):
        return False
    with databank.verbind(register) as db:
        return db.execute("SELECT 1 FROM accounts WHERE actief = 1 LIMIT 1").fetchone() is not None


def _gebruiker(rij: object) -> Gebruiker:
    r = rij  # sqlite3.Row
    return Gebruiker(r["naam"], r["weergave"], r["rol"], r["partij"], r["id"])  # type: ignore[index]


def maak_account(
    register: Path,
    naam: str,
    rol: str,
    wachtwoord: str | None,
    weergave: str | None = None,
    partij: str | None = None,
    email: str | None = None,
) -> Gebruiker:
    """A new account; `wachtwoord` None: none yet (a one-time link sets it, or single sign-on)."""
    naam = naam.strip()
    if not naam or len(naam) > 200:
        raise AccountFout("Geef een gebruikersnaam (bijv. het e-mailadres).")
    if rol not in ROLLEN:
        raise AccountFout(f"Kies een rol: {', '.join(ROLNAAM[r] for r in ROLLEN)}.")
    if rol == "contactpersoon" and not partij:
        raise AccountFout("Een contactpersoon hoort bij een Partij: kies de Partij.")
    if rol != "contactpersoon":
        partij = None
    hash_ = None
    if wachtwoord is not None:
        _controleer_wachtwoord(wachtwoord)
        hash_ = _hasher().hash(wachtwoord)
    with databank.verbind(register) as db:
        if db.execute("SELECT 1 FROM accounts WHERE naam = ?", (naam,)).fetchone():
            raise AccountFout(f"Er is al een account '{naam}'. Kies een andere naam.")
        cur = db.execute(
            "INSERT INTO accounts (naam, weergave, rol, partij, email, hash, gemaakt) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (naam, (weergave or naam).strip(), rol, partij, email, hash_, databank.nu()),
        )
        return Gebruiker(naam, (weergave or naam).strip(), rol, partij, cur.lastrowid)


def accounts(register: Path) -> list[dict[str, object]]:
    if not databank.bestaat(register):
        return []
    with databank.verbind(register) as db:
        return [
            dict(r)
            for r in db.execute(
                "SELECT id, naam, weergave, rol, partij, email, actief, hash IS NOT NULL AS "
                "heeft_wachtwoord FROM accounts ORDER BY rol, naam"
            )
        ]


def account(register: Path, id_: int) -> Gebruiker | None:
    with databank.verbind(register) as db:
        rij = db.execute("SELECT * FROM accounts WHERE id = ? AND actief = 1", (id_,)).fetchone()
    return _gebruiker(rij) if rij else None


def zet_wachtwoord(register: Path, id_: int, wachtwoord: str) -> None:
    _controleer_wachtwoord(wachtwoord)
    hash_ = _hasher().hash(wachtwoord)
    with databank.verbind(register) as db:
        db.execute("UPDATE accounts SET hash = ? WHERE id = ?", (hash_, id_))
        # a new password ends every session of the old one
        db.execute("DELETE FROM sessies WHERE account = ?", (id_,))


def extern_account(
    register: Path, extern: str, naam: str, weergave: str, rol: str, partij: str | None
) -> Gebruiker:
    """The account of a person who logged in through the organisation (single sign-on): made
    on the first login, its role and name taken anew from the provider on every login."""
    with databank.verbind(register) as db:
        rij = db.execute("SELECT id FROM accounts WHERE extern = ?", (extern,)).fetchone()
        if rij is None:
            vrij = naam
            while db.execute("SELECT 1 FROM accounts WHERE naam = ?", (vrij,)).fetchone():
                vrij = f"{naam}+{secrets.token_hex(2)}"  # a password account may have the name
            cur = db.execute(
                "INSERT INTO accounts (naam, weergave, rol, partij, extern, gemaakt) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (vrij, weergave, rol, partij, extern, databank.nu()),
            )
            id_ = cur.lastrowid
        else:
            id_ = rij["id"]
            db.execute(
                "UPDATE accounts SET weergave = ?, rol = ?, partij = ? WHERE id = ?",
                (weergave, rol, partij, id_),
            )
        gevonden = db.execute("SELECT * FROM accounts WHERE id = ?", (id_,)).fetchone()
    return _gebruiker(gevonden)


def wis_wachtwoord(register: Path, id_: int) -> None:
    with databank.verbind(register) as db:
        db.execute("UPDATE accounts SET hash = NULL WHERE id = ?", (id_,))
        db.execute("DELETE FROM sessies WHERE account = ?", (id_,))


def zet_actief(register: Path, id_: int, actief: bool) -> None:
    with databank.verbind(register) as db:
        db.execute("UPDATE accounts SET actief = ? WHERE id = ?", (int(actief), id_))
        if not actief:
            db.execute("DELETE FROM sessies WHERE account = ?", (id_,))


# --- logging in ------------------------------------------------------------------------------

# A hash to check against when the name is unknown, so an unknown name costs as long as a
# wrong password and the timing does not tell whether an account exists.
_SCHIJN: str | None = None


def _schijnhash() -> str:
    global _SCHIJN
    if _SCHIJN is None:
        _SCHIJN = _hasher().hash(secrets.token_urlsafe(16))
    return _SCHIJN


def te_veel_pogingen(register: Path, *sleutels: str) -> bool:
    grens = time.time() - VENSTER
    with databank.verbind(register) as db:
        db.execute("DELETE FROM pogingen WHERE moment < ?", (grens,))
        return any(
            db.execute("SELECT COUNT(*) FROM pogingen WHERE sleutel = ?", (s,)).fetchone()[0]
            >= MAX_POGINGEN
            for s in sleutels
        )


def controleer(register: Path, naam: str, wachtwoord: str, adres: str) -> Gebruiker | None:
    """The account when name and password match; None otherwise, for every reason alike.

    Failed attempts count per name and per client address; past the limit every attempt
    fails without checking, for a while (the caller says so, without saying whether the
    name exists).
    """
    from argon2.exceptions import InvalidHashError, VerificationError

    sleutels = (f"naam:{naam.strip().lower()}", f"adres:{adres}")
    if te_veel_pogingen(register, *sleutels):
        raise AccountFout(
            "Te veel mislukte pogingen. Wacht een kwartier en probeer het dan opnieuw."
        )
    with databank.verbind(register) as db:
        rij = db.execute(
            "SELECT * FROM accounts WHERE naam = ? AND actief = 1", (naam.strip(),)
        ).fetchone()
    hasher = _hasher()
    try:
        hasher.verify(rij["hash"] if rij and rij["hash"] else _schijnhash(), wachtwoord)
        goed = rij is not None and rij["hash"] is not None
    except (VerificationError, InvalidHashError):
        goed = False
    if not goed:
        with databank.verbind(register) as db:
            db.executemany(
                "INSERT INTO pogingen (sleutel, moment) VALUES (?, ?)",
                [(s, time.time()) for s in sleutels],
            )
        return None
    assert rij is not None
    if hasher.check_needs_rehash(rij["hash"]):
        zet_wachtwoord(register, rij["id"], wachtwoord)
    return _gebruiker(rij)


def _hash(sleutel: str) -> str:
    return hashlib.sha256(sleutel.encode()).hexdigest()


def nieuwe_sessie(register: Path, gebruiker: Gebruiker) -> str:
    sleutel = secrets.token_urlsafe(32)
    verloopt = dt.datetime.now(dt.UTC) + SESSIEDUUR
    with databank.verbind(register) as db:
        db.execute("DELETE FROM sessies WHERE verloopt < ?", (databank.nu(),))
        db.execute(
            "INSERT INTO sessies (sleutel, account, verloopt) VALUES (?, ?, ?)",
            (_hash(sleutel), gebruiker.id, verloopt.replace(microsecond=0).isoformat()),
        )
    return sleutel


def sessie(register: Path, sleutel: str) -> Gebruiker | None:
    if not databank.bestaat(register):
        return None
    with databank.verbind(register) as db:
        rij = db.execute(
            "SELECT a.* FROM sessies s JOIN accounts a ON a.id = s.account "
            "WHERE s.sleutel = ? AND s.verloopt > ? AND a.actief = 1",
            (_hash(sleutel), databank.nu()),
        ).fetchone()
    return _gebruiker(rij) if rij else None


def beeindig(register: Path, sleutel: str) -> None:
    with databank.verbind(register) as db:
        db.execute("DELETE FROM sessies WHERE sleutel = ?", (_hash(sleutel),))


def onderteken(geheim: bytes, waarde: str) -> str:
    return f"{waarde}.{hmac.new(geheim, waarde.encode(), hashlib.sha256).hexdigest()}"


def ontcijfer(geheim: bytes, cookie: str) -> str | None:
    waarde, _, handtekening = cookie.rpartition(".")
    verwacht = hmac.new(geheim, waarde.encode(), hashlib.sha256).hexdigest()
    return waarde if waarde and hmac.compare_digest(handtekening, verwacht) else None


def geheim(register: Path) -> bytes:
    """The register's key for signing cookies: made once, kept in its database."""
    with databank.verbind(register) as db:
        db.execute(
            "INSERT OR IGNORE INTO geheimen (naam, waarde) VALUES ('cookie', ?)",
            (secrets.token_bytes(32),),
        )
        waarde: bytes = db.execute("SELECT waarde FROM geheimen WHERE naam = 'cookie'").fetchone()[
            0
        ]
    return waarde


# --- one-time links ---------------------------------------------------------------------------


def eenmalige_link(
    register: Path, doel: Literal["beheerder", "wachtwoord"], account: int | None
) -> str:
    """A key for one use within a day: to make the first beheerder, or to set a password."""
    sleutel = secrets.token_urlsafe(24)
    verloopt = (dt.datetime.now(dt.UTC) + EENMALIG_DUUR).replace(microsecond=0).isoformat()
    with databank.verbind(register) as db:
        db.execute(
            "INSERT INTO eenmalig (sleutel, doel, account, verloopt) VALUES (?, ?, ?, ?)",
            (_hash(sleutel), doel, account, verloopt),
        )
    return sleutel


def eenmalig(register: Path, sleutel: str, gebruik: bool = False) -> tuple[str, int | None] | None:
    """(doel, account) of a valid one-time key; `gebruik`: spend it (in the same transaction)."""
    if not databank.bestaat(register):
        return None
    with databank.verbind(register) as db:
        rij = db.execute(
            "SELECT * FROM eenmalig WHERE sleutel = ? AND gebruikt = 0 AND verloopt > ?",
            (_hash(sleutel), databank.nu()),
        ).fetchone()
        if rij is None:
            return None
        if gebruik:
            db.execute("UPDATE eenmalig SET gebruikt = 1 WHERE sleutel = ?", (_hash(sleutel),))
        return rij["doel"], rij["account"]
