"""The register's database: what is not content (accounts, sessions, the trail, the outbox).

One SQLite file in the register folder (`.convenant.db`), so copying the folder backs up both
the YAML content and this. Created on first use, in WAL mode so the pages can read while a
sending is written. Only the standard library: the CLI imports this for `convenant account`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path

DATABANK = ".convenant.db"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS accounts (
    id INTEGER PRIMARY KEY,
    naam TEXT NOT NULL UNIQUE COLLATE NOCASE,
    weergave TEXT NOT NULL,
    rol TEXT NOT NULL,
    partij TEXT,
    email TEXT,
    hash TEXT,
    actief INTEGER NOT NULL DEFAULT 1,
    extern TEXT UNIQUE,
    gemaakt TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sessies (
    sleutel TEXT PRIMARY KEY,
    account INTEGER NOT NULL REFERENCES accounts(id),
    verloopt TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS geheimen (naam TEXT PRIMARY KEY, waarde BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS pogingen (sleutel TEXT NOT NULL, moment REAL NOT NULL);
CREATE INDEX IF NOT EXISTS pogingen_sleutel ON pogingen(sleutel);
CREATE TABLE IF NOT EXISTS eenmalig (
    sleutel TEXT PRIMARY KEY,
    doel TEXT NOT NULL,
    account INTEGER,
    verloopt TEXT NOT NULL,
    gebruikt INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS spoor (
    nr INTEGER PRIMARY KEY AUTOINCREMENT,
    moment TEXT NOT NULL,
    wie TEXT NOT NULL,
    rol TEXT NOT NULL,
    soort TEXT NOT NULL,
    bestand TEXT,
    voor TEXT,
    na TEXT,
    omschrijving TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS spoor_bestand ON spoor(bestand);
CREATE INDEX IF NOT EXISTS spoor_wie ON spoor(wie);
CREATE TRIGGER IF NOT EXISTS spoor_alleen_aanvullen_u BEFORE UPDATE ON spoor
BEGIN SELECT RAISE(ABORT, 'het spoor wordt alleen aangevuld'); END;
CREATE TRIGGER IF NOT EXISTS spoor_alleen_aanvullen_d BEFORE DELETE ON spoor
BEGIN SELECT RAISE(ABORT, 'het spoor wordt alleen aangevuld'); END;
CREATE TABLE IF NOT EXISTS uitbak (
    id INTEGER PRIMARY KEY,
    sleutel TEXT NOT NULL UNIQUE,
    aan TEXT NOT NULL,
    partij TEXT,
    document TEXT NOT NULL,
    onderwerp TEXT NOT NULL,
    bericht BLOB NOT NULL,
    message_id TEXT NOT NULL,
    status TEXT NOT NULL,
    pogingen INTEGER NOT NULL DEFAULT 0,
    fout TEXT,
    volgende TEXT NOT NULL,
    gemaakt TEXT NOT NULL,
    verzonden_op TEXT,
    wie TEXT NOT NULL,
    vastleggen TEXT
);
"""


_GEMAAKT: set[Path] = set()  # databases whose schema this process has made sure of


def pad_van(register: Path) -> Path:
    return register / DATABANK


def nu() -> str:
    """A moment as stored: UTC, ISO 8601, to the second (pages show it as `plaatselijk`)."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def plaatselijk(moment: str) -> dt.datetime:
    """A stored moment in Dutch time, as pages show it."""
    from governance.datums import in_nederland

    return in_nederland(dt.datetime.fromisoformat(moment))


def bestaat(register: Path) -> bool:
    return pad_van(register).is_file()


@contextlib.contextmanager
def verbind(register: Path) -> Iterator[sqlite3.Connection]:
    """A connection in one transaction (committed on success), the schema made on first use."""
    pad = pad_van(register)
    nieuw = not pad.exists()
    verbinding = sqlite3.connect(pad, timeout=15, isolation_level=None)
    try:
        verbinding.row_factory = sqlite3.Row
        verbinding.execute("PRAGMA journal_mode=WAL")
        verbinding.execute("PRAGMA foreign_keys=ON")
        if nieuw or pad not in _GEMAAKT:
            verbinding.executescript(_SCHEMA)
            _GEMAAKT.add(pad)
        verbinding.execute("BEGIN IMMEDIATE")
        try:
            yield verbinding
        except BaseException:
            verbinding.execute("ROLLBACK")
            raise
        verbinding.execute("COMMIT")
    finally:
        verbinding.close()
