"""Saving a file of the register: atomic, never over someone else's save, history kept.

Every save first copies the version it replaces into `geschiedenis/NAAM/` in the register,
then writes the new content to a temporary file beside the target and renames it into
place, so a reader never sees half a file and a crash leaves either the old or the new
version. The caller says which version it read (`versie` of its bytes); if the file on disk
is another one, the save is refused (`VerouderdeVersie`) and nothing is written. A lock file
makes check-and-write one step for processes on this machine.

Modes are those of the CLI's output: a replaced file keeps its mode, a new file (a history
copy, a new budget) gets what the umask allows. A disk that refuses (read-only, full, no
rights) is a `NietOpgeslagen` with the reason, and leaves no history copy behind.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import os
import secrets
import stat
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

from .datums import in_nederland
from .errors import NietOpgeslagen, VerouderdeVersie

GESCHIEDENIS = "geschiedenis"

# Who listens to saves: the workplace sets one per request, so the trail of who changed what
# (convenant/spoor.py) records every save with the person who made it; governance itself
# knows no people. Called inside the lock, after the write: (register, file, before, after, why).
Waarnemer = Callable[[Path, Path, str | None, str, str | None], None]
waarnemer: ContextVar[Waarnemer | None] = ContextVar("opslag_waarnemer", default=None)


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
    try:
        modus: int | None = stat.S_IMODE(os.stat(pad).st_mode)
    except FileNotFoundError:
        modus = None
    tijdelijk = pad.parent / f".{pad.name}.{secrets.token_hex(6)}.tmp"
    # 0o666 through the umask, as open() gives a new file; mkstemp's 0600 would make a file
    # the colleagues who share the register cannot read
    fd = os.open(tijdelijk, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o666)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(inhoud)
            f.flush()
            if modus is not None:
                os.fchmod(f.fileno(), modus)
            os.fsync(f.fileno())
        os.replace(tijdelijk, pad)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tijdelijk)
        raise


def bewaar(
    register: Path, pad: Path, inhoud: bytes, gelezen: str | None, reden: str | None = None
) -> str:
    """Write `inhoud` to `pad` (a file of `register`), if the file on disk is still `gelezen`.

    `gelezen` None: the file must not exist yet. Returns the new version. `reden`: what the
    change is, for the trail, when it is more than an edit (a version restored).
    """
    try:
        with _slot(register):
            op_schijf = versie_van(pad)
            if op_schijf != gelezen:
                raise VerouderdeVersie(pad.name, gelezen, op_schijf)
            kopie = None
            if op_schijf is not None:
                map_ = geschiedenismap(register, pad.name)
                map_.mkdir(parents=True, exist_ok=True)
                moment = in_nederland().strftime("%Y%m%dT%H%M%S%f")
                kopie = map_ / f"{moment}-{op_schijf}{pad.suffix}"
                _schrijf_atomair(kopie, pad.read_bytes())
            try:
                pad.parent.mkdir(exist_ok=True)  # begrotingen/ on the first budget
                _schrijf_atomair(pad, inhoud)
            except BaseException:
                # the file is unchanged, so a copy of it in the history would be an orphan
                if kopie is not None:
                    kopie.unlink(missing_ok=True)
                raise
            if (melden := waarnemer.get()) is not None:
                melden(register, pad, op_schijf, versie(inhoud), reden)
    except OSError as e:
        raise NietOpgeslagen(pad.name, e, pad.parent) from None
    return versie(inhoud)


def geschiedenis(register: Path, naam: str) -> list[Versie]:
    """Earlier versions of a file, newest first."""
    map_ = geschiedenismap(register, naam)
    uit = []
    for pad in map_.glob("*-*.y*ml") if map_.is_dir() else []:
        if pad.is_symlink() or not pad.is_file():  # not a copy this program made
            continue
        stempel, _, rest = pad.stem.partition("-")
        try:
            moment = dt.datetime.strptime(stempel, "%Y%m%dT%H%M%S%f")
        except ValueError:
            continue
        uit.append(Versie(pad, moment, rest, pad.stat().st_size))
    return sorted(uit, key=lambda v: v.moment, reverse=True)


def verplaats(register: Path, oud: Path, nieuw: Path, inhoud: bytes, gelezen: str | None) -> str:
    """Save `inhoud` under the new name `nieuw` and retire `oud` (a meeting whose date or
    orgaan was corrected), in one step: only if `oud` is still `gelezen` and `nieuw` does not
    exist yet. The old file goes into its history, so a restore finds it."""
    with _slot(register):
        op_schijf = versie_van(oud)
        if op_schijf != gelezen:
            raise VerouderdeVersie(oud.name, gelezen, op_schijf)
        if nieuw.exists():
            raise VerouderdeVersie(nieuw.name, None, versie_van(nieuw))
        if op_schijf is not None:
            map_ = geschiedenismap(register, oud.name)
            map_.mkdir(parents=True, exist_ok=True)
            moment = in_nederland().strftime("%Y%m%dT%H%M%S%f")
            _schrijf_atomair(map_ / f"{moment}-{op_schijf}{oud.suffix}", oud.read_bytes())
        _schrijf_atomair(nieuw, inhoud)
        oud.unlink()
    return versie(inhoud)
