"""A cache of checked models, so an unchanged file is not parsed and checked again.

Parsing and checking the convenant costs tens of milliseconds on every command, while the file
changes a few times a year; a meeting file is judged again and again while the secretaris
works on the besluitenlijst, and validating it first builds pydantic's validator. The key is a
hash of the file's bytes (and, for a fact file, of the convenant it was checked against)
together with a fingerprint of this package's loading code and pydantic's version: any change
to either gives a new key. Only models that loaded without error are stored. A missing,
unreadable or stale entry is simply ignored. Every file version makes an entry, so the folder
keeps the `MAXIMUM` most recently used and drops the rest.

Where: $CONVENANT_CACHE, else $XDG_CACHE_HOME/convenant, else ~/.cache/convenant.
CONVENANT_CACHE=uit switches the cache off. The entries are pickles the user's own runs
wrote into the user's own cache folder.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import pickle
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)

_FORMAAT = b"convenant-cache-1"
_UIT = {"0", "uit", "nee", "off", "false"}
MAXIMUM = 500  # entries of a few kB to a few hundred kB each


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
    """Changes whenever the code that loads and checks a model changes."""
    import pydantic

    h = hashlib.sha256(_FORMAAT + pydantic.VERSION.encode())
    for bron in sorted(Path(__file__).parent.glob("*.py")):
        h.update(bron.name.encode() + b"\0" + bron.read_bytes())
    return h.digest()


def sleutel(soort: str, *inhoud: bytes) -> str:
    h = hashlib.sha256(_vingerafdruk() + soort.encode())
    for deel in inhoud:
        h.update(len(deel).to_bytes(8, "big") + deel)
    return f"{soort}-{h.hexdigest()[:40]}.pickle"


def lees(naam: str, klasse: type[M]) -> M | None:
    map_pad = map_()
    if map_pad is None:
        return None
    pad = map_pad / naam
    try:
        with pad.open("rb") as f:
            waarde = pickle.load(f)
    except Exception:  # absent, truncated, from another Python: all mean "not cached"
        return None
    if not isinstance(waarde, klasse):
        return None
    with contextlib.suppress(OSError):
        os.utime(pad)  # most recently used: kept longest by `_ruim_op`
    return waarde


def bewaar(naam: str, waarde: BaseModel) -> None:
    map_pad = map_()
    if map_pad is None:
        return
    import tempfile  # only when writing; keeps start-up light

    try:
        map_pad.mkdir(parents=True, exist_ok=True)
        fd, tijdelijk = tempfile.mkstemp(dir=map_pad, prefix=f".{naam}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(waarde, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tijdelijk, map_pad / naam)
        except BaseException:
            Path(tijdelijk).unlink(missing_ok=True)
            raise
        _ruim_op(map_pad)
    except OSError:  # a read-only home or a full disk must not stop the command
        return


def _ruim_op(map_pad: Path) -> None:
    """Drop the least recently used entries beyond `MAXIMUM`; only on writing, which is rare."""
    invoer = [(p.stat().st_mtime, p) for p in map_pad.glob("*.pickle")]
    if len(invoer) <= MAXIMUM:
        return
    for _, pad in sorted(invoer)[: len(invoer) - MAXIMUM]:
        pad.unlink(missing_ok=True)
