"""Saving a file of the register: atomic, never over someone else's save, history kept.

Every save first copies the version it replaces into `geschiedenis/NAAM/` in the register,
then writes the new content to a temporary file beside the target and renames it into
place, so a reader never sees half a file and a crash leaves either the old or the new
version. The caller says which version it read (`versie` of its bytes); if the file on disk
is another one, the save is refused (`VerouderdeVersie`) and nothing is written. A lock file
makes check-and-write one step for processes on this machine.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import VerouderdeVersie

GESCHIEDENIS = "geschiedenis"


def versie(inhoud: bytes) -> str:
    return hashlib.sha256(inhoud).hexdigest()[:20]


def versie_van(pad: Path) -> str | None:
    try:
        return versie(pad.read_bytes())
    except FileNotFoundError:
        return None


@dataclass(frozen=True)
class Versie:
    pad: Path
    moment: dt.datetime
    versie: str
    grootte: int


def geschiedenismap(register: Path, naam: str) -> Path:
    return register / GESCHIEDENIS / Path(naam).stem


@contextlib.contextmanager
def _slot(register: Path) -> Iterator[None]:
    map_ = register / GESCHIEDENIS
    map_.mkdir(exist_ok=True)
    with (map_ / ".slot").open("a") as slot:
        fcntl.flock(slot, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(slot, fcntl.LOCK_UN)


def _schrijf_atomair(pad: Path, inhoud: bytes) -> None:
    fd, tijdelijk = tempfile.mkstemp(prefix=f".{pad.name}.", suffix=".tmp", dir=pad.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(inhoud)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tijdelijk, pad)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tijdelijk)
        raise


def bewaar(register: Path, pad: Path, inhoud: bytes, gelezen: str | None) -> str:
    """Write `inhoud` to `pad` (a file of `register`), if the file on disk is still `gelezen`.

    `gelezen` None: the file must not exist yet. Returns the new version.
    """
    with _slot(register):
        op_schijf = versie_van(pad)
        if op_schijf != gelezen:
            raise VerouderdeVersie(pad.name, gelezen, op_schijf)
        if op_schijf is not None:
            map_ = geschiedenismap(register, pad.name)
            map_.mkdir(parents=True, exist_ok=True)
            moment = dt.datetime.now().strftime("%Y%m%dT%H%M%S%f")
            _schrijf_atomair(map_ / f"{moment}-{op_schijf}{pad.suffix}", pad.read_bytes())
        _schrijf_atomair(pad, inhoud)
    return versie(inhoud)


def geschiedenis(register: Path, naam: str) -> list[Versie]:
    """Earlier versions of a file, newest first."""
    map_ = geschiedenismap(register, naam)
    uit = []
    for pad in map_.glob("*-*.y*ml") if map_.is_dir() else []:
        stempel, _, rest = pad.stem.partition("-")
        try:
            moment = dt.datetime.strptime(stempel, "%Y%m%dT%H%M%S%f")
        except ValueError:
            continue
        uit.append(Versie(pad, moment, rest, pad.stat().st_size))
    return sorted(uit, key=lambda v: v.moment, reverse=True)
