"""A cache of checked models, so an unchanged file is not parsed and checked again.

Parsing and checking the convenant costs tens of milliseconds on every command, while the file
changes a few times a year; a meeting file is judged again and again while the secretaris
works on the besluitenlijst, and validating it first builds pydantic's validator. The key is a
hash of the file's bytes (and, for a fact file, of the convenant it was checked against)
together with a fingerprint of this package's loading code and pydantic's version: any change
to either gives a new key. Only models that loaded without error are stored. A missing,
unreadable or stale entry is simply ignored. Every file version makes an entry, so the folder
keeps at most `MAXIMUM`, the most recently used: when full, it drops the oldest tenth.

Where: $CONVENANT_CACHE, else $XDG_CACHE_HOME/convenant, else ~/.cache/convenant.
CONVENANT_CACHE=uit switches the cache off.

The entries are pickles, because a pickle loads in a tenth of the time that validating the
same model from JSON takes (pydantic builds its validator first). Unpickling runs code, so
every entry carries an HMAC-SHA256 over its bytes, made with a random key that only this user
can read (`.sleutel`, mode 0600, owned by the user, not a link). An entry whose HMAC does not
match, a file someone planted or altered, is never unpickled; a key file that someone else
owns or could read switches the cache off.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import hmac
import os
import pickle
import stat
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:  # a result-cache hit (convenant.uitslagcache) defines no model at all
    from pydantic import BaseModel

M = TypeVar("M", bound="BaseModel")

_FORMAAT = b"convenant-cache-2\n"  # then the 32-byte HMAC, then the pickle
_SLEUTEL = ".sleutel"
_LENGTE = 32
_UIT = {"0", "uit", "nee", "off", "false"}
MAXIMUM = 500  # entries of a few kB to a few hundred kB each
# A temporary file of `bewaar` still there after this long was left by a killed process: a
# write takes milliseconds, and one still running elsewhere is far younger than this.
OUD_TIJDELIJK = 60.0  # seconds


def map_() -> Path | None:
    waarde = os.environ.get("CONVENANT_CACHE", "").strip()
    if waarde.lower() in _UIT:
        return None
    if waarde:
        return Path(waarde)
    basis = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(basis) / "convenant"


@functools.cache
def _vingerafdruk() -> bytes:
    """Changes whenever the code that loads and checks a model changes: the name, size and
    modification time of each source file of this package, as the result cache marks the
    program (reading and hashing their text took a never-seen meeting's run a millisecond)."""
    import pydantic

    h = hashlib.sha256(_FORMAAT + pydantic.VERSION.encode())
    for ingang in sorted(os.scandir(Path(__file__).parent), key=lambda e: e.name):
        if ingang.name.endswith(".py"):
            st = ingang.stat()
            h.update(f"{ingang.name}\0{st.st_size}:{st.st_mtime_ns}\0".encode())
    return h.digest()


def sleutel(soort: str, *inhoud: bytes) -> str:
    h = hashlib.sha256(_vingerafdruk() + soort.encode())
    for deel in inhoud:
        h.update(len(deel).to_bytes(8, "big") + deel)
    return f"{soort}-{h.hexdigest()[:40]}.pickle"


def _sleutel(map_pad: Path, maak: bool) -> bytes | None:
    """The HMAC key of this cache folder; None where there is none we can trust."""
    pad = map_pad / _SLEUTEL
    vlaggen = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(pad, vlaggen)
    except FileNotFoundError:
        if not maak:
            return None
        import secrets

        sleutel = secrets.token_bytes(_LENGTE)
        try:
            fd = os.open(
                pad, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600
            )
        except FileExistsError:  # another run made it just now: use theirs
            return _sleutel(map_pad, maak=False)
        with os.fdopen(fd, "wb") as f:
            f.write(sleutel)
        return sleutel
    except OSError:
        return None
    with os.fdopen(fd, "rb") as f:
        toestand = os.fstat(f.fileno())
        if (
            not stat.S_ISREG(toestand.st_mode)
            or toestand.st_uid != os.getuid()
            or toestand.st_mode & 0o077
        ):
            return None  # planted or exposed: not a key to trust
        sleutel = f.read(_LENGTE + 1)
    return sleutel if len(sleutel) == _LENGTE else None


def _mac(sleutel: bytes, inhoud: bytes) -> bytes:
    return hmac.new(sleutel, inhoud, hashlib.sha256).digest()


def lees_bytes(naam: str) -> bytes | None:
    """The bytes of an entry this user's runs wrote (its HMAC checks out); else None."""
    map_pad = map_()
    if map_pad is None:
        return None
    sleutel = _sleutel(map_pad, maak=False)
    if sleutel is None:
        return None
    pad = map_pad / naam
    try:
        with pad.open("rb") as f:
            data = f.read()
    except OSError:
        return None
    kop = len(_FORMAAT)
    inhoud = data[kop + _LENGTE :]
    if not data.startswith(_FORMAAT) or not hmac.compare_digest(
        data[kop : kop + _LENGTE], _mac(sleutel, inhoud)
    ):
        return None  # not written by this user's runs: never used
    with contextlib.suppress(OSError):
        os.utime(pad)  # most recently used: kept longest by `_ruim_op`
    return inhoud


def lees(naam: str, klasse: type[M]) -> M | None:
    inhoud = lees_bytes(naam)
    if inhoud is None:
        return None  # never unpickled unless this user's runs wrote it
    try:
        waarde = pickle.loads(inhoud)
    except Exception:  # from another Python or pydantic version: "not cached"
        return None
    return waarde if isinstance(waarde, klasse) else None


# The models whose validator this process took from the cache (or built): asked once each.
_GEGEVEN: set[type] = set()


def geef_validator(klasse: type[BaseModel]) -> None:
    """Give a model of this package the validator an earlier run built for it.

    A model is defined without its validator (`defer_build`); the first validation builds it,
    which for a meeting takes longer than judging it, on every run that reads a meeting never
    read before (issue 26). Pydantic's validator can be pickled, and unpickled in a tenth of
    that time. The key holds the fingerprint of this package's code and pydantic's version,
    as every entry here; only models of `governance` (the code that fingerprint covers) are
    stored. Only the validator is set: anything else pydantic builds on first use as usual.
    """
    if klasse in _GEGEVEN or klasse.__pydantic_complete__:
        return
    _GEGEVEN.add(klasse)
    if not klasse.__module__.startswith("governance."):
        return
    naam = sleutel("validator", f"{klasse.__module__}.{klasse.__qualname__}".encode())
    inhoud = lees_bytes(naam)
    if inhoud is not None:
        from pydantic_core import SchemaValidator

        try:
            validator = pickle.loads(inhoud)
        except Exception:  # from another Python or pydantic: built below
            validator = None
        if isinstance(validator, SchemaValidator):
            klasse.__pydantic_validator__ = validator
            return
    klasse.model_rebuild()
    try:
        inhoud = pickle.dumps(klasse.__pydantic_validator__, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # a validator that holds something pickle cannot name: built each run
        return
    bewaar_bytes(naam, inhoud)


def bewaar(naam: str, waarde: BaseModel) -> None:
    bewaar_bytes(naam, pickle.dumps(waarde, protocol=pickle.HIGHEST_PROTOCOL))


def bewaar_bytes(naam: str, inhoud: bytes) -> None:
    map_pad = map_()
    if map_pad is None:
        return
    try:
        map_pad.mkdir(parents=True, exist_ok=True, mode=0o700)
        sleutel = _sleutel(map_pad, maak=True)
        if sleutel is None:
            return
        # as tempfile.mkstemp makes it (a new name, only this user), without importing it
        tijdelijk = map_pad / f".{naam}.{os.urandom(6).hex()}.tmp"
        vlaggen = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(tijdelijk, vlaggen, 0o600)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(_FORMAAT + _mac(sleutel, inhoud) + inhoud)
            os.replace(tijdelijk, map_pad / naam)
        except BaseException:
            Path(tijdelijk).unlink(missing_ok=True)
            raise
        _ruim_op(map_pad)
    except OSError:  # a read-only home or a full disk must not stop the command
        return


def _ruim_op(map_pad: Path) -> None:
    """Drop the least recently used entries beyond `MAXIMUM`, and temporary files a killed
    process left behind; only on writing. One pass over the folder's names: an entry is looked
    at (stat) only when there are too many, or when it is such a temporary file. Then a tenth
    more goes than must: a full cache that dropped one entry per write had every later write
    look at the age of all of them (5 ms a write with 500 entries, twice for every meeting
    never judged before)."""
    import time

    grens = time.time() - OUD_TIJDELIJK
    invoer: list[os.DirEntry[str]] = []
    try:
        ingangen = list(os.scandir(map_pad))
    except OSError:
        return
    for ingang in ingangen:
        naam = ingang.name
        if naam.startswith(".") and naam.endswith(".tmp"):
            if ".pickle." in naam or ".uitslag." in naam:
                with contextlib.suppress(OSError):
                    st = ingang.stat(follow_symlinks=False)
                    if stat.S_ISREG(st.st_mode) and st.st_mtime < grens:
                        os.unlink(ingang.path)
        elif naam.endswith((".pickle", ".uitslag")) and not naam.startswith("."):
            invoer.append(ingang)
    if len(invoer) <= MAXIMUM:
        return
    oud: list[tuple[float, str]] = []
    for ingang in invoer:
        with contextlib.suppress(OSError):
            oud.append((ingang.stat().st_mtime, ingang.path))
    for _, pad in sorted(oud)[: len(oud) - (MAXIMUM - MAXIMUM // 10)]:
        with contextlib.suppress(OSError):
            os.unlink(pad)
