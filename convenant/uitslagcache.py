"""The result of a command run before on the same inputs, without judging it again.

`convenant toets` on a meeting it judged before answers from here: the key is a hash of
everything the answer can depend on, computed from bytes and file metadata before any model
is defined, so a hit costs little more than starting Python (issue 26: at most 1.6 times the
import floor). What goes into the key:

- the command, its arguments as given, and the working folder (paths are printed as given);
- the bytes of every YAML file in the register folder (meetings, bezetting, lezingen,
  dossiers, documenten/ …) and of the inputs, the convenant and the bezetting given; the name,
  size and modification time of every other file there;
- the size and modification time of every source file of the program, and of the bundled
  convenant; the date of today; whether output goes to a terminal; the variables of the
  environment that can change the output.

Only a run that ended normally (exit 0 or 1) is stored; a refusal (exit 2) is never replayed.
Entries share the checked cache folder of `governance.cache` (HMAC over every entry, a key
only this user can read), so a planted entry is never shown as a verdict.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import io
import os
import pickle
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TextIO

from governance import cache

_VERSIE = b"uitslag-2\n"
# A register folder beyond these sizes is hashed no more: the command runs as usual.
MAX_BESTANDEN = 5_000
MAX_YAML_BYTES = 50 * 1024 * 1024
_OMGEVING = ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "TERM", "LANG", "LC_ALL", "LC_MESSAGES", "TZ")
_PAKKETTEN = ("convenant", "governance", "rules")


class _TeGroot(Exception):
    """The register folder is too large to hash on every run."""


def _bestand(h: Any, pad: Path, teller: list[int]) -> None:
    try:
        st = pad.stat()
    except OSError:
        h.update(b"?" + os.fsencode(pad) + b"\0")
        return
    teller[0] += 1
    if teller[0] > MAX_BESTANDEN:
        raise _TeGroot
    h.update(os.fsencode(pad) + b"\0" + f"{st.st_size}:{st.st_mtime_ns}".encode())
    if pad.suffix.lower() in (".yaml", ".yml") and pad.is_file():
        teller[1] += st.st_size
        if teller[1] > MAX_YAML_BYTES:
            raise _TeGroot
        with contextlib.suppress(OSError), pad.open("rb") as f:
            h.update(hashlib.sha256(f.read(MAX_YAML_BYTES + 1)).digest())


def _map(h: Any, map_: Path, teller: list[int]) -> None:
    """Every file below `map_`, in name order; links are followed only one level, as the
    register's loaders do not follow them further."""
    try:
        ingangen = sorted(os.scandir(map_), key=lambda e: e.name)
    except OSError:
        h.update(b"!" + os.fsencode(map_) + b"\0")
        return
    for ingang in ingangen:
        pad = Path(ingang.path)
        if ingang.is_dir(follow_symlinks=False):
            _map(h, pad, teller)
        else:
            _bestand(h, pad, teller)


@functools.cache
def programma() -> bytes:
    """What changes when the program does: the size and modification time of every source
    file of its packages, and of the bundled convenant. Also a part of the key of
    `Register.convenant` on disk. Walked with `os.scandir`: `Path.rglob` and finding the
    packages through importlib took a tenth of a cached answer's time."""
    from governance.registermap import gebundeld

    h = hashlib.sha256()
    naast = Path(__file__).resolve().parent.parent  # installed or checked out: side by side
    for pakket in _PAKKETTEN:
        map_ = naast / pakket
        if not map_.is_dir():  # installed apart: ask where (`rules` is found, not imported)
            from importlib.util import find_spec

            spec = find_spec(pakket)
            locaties = (spec.submodule_search_locations or []) if spec else []
            map_ = Path(locaties[0]) if locaties else map_
        _bronnen(h, os.fspath(map_))
    st = gebundeld("convenant.yaml").stat()
    h.update(f"convenant.yaml\0{st.st_size}:{st.st_mtime_ns}".encode())
    return h.digest()


def _bronnen(h: Any, map_: str) -> None:
    try:
        ingangen = sorted(os.scandir(map_), key=lambda e: e.name)
    except OSError:
        h.update(b"!" + os.fsencode(map_) + b"\0")
        return
    for ingang in ingangen:
        if ingang.is_dir(follow_symlinks=False):
            if ingang.name != "__pycache__":
                _bronnen(h, ingang.path)
        elif ingang.name.endswith(".py"):
            st = ingang.stat()
            h.update(os.fsencode(ingang.path) + f"\0{st.st_size}:{st.st_mtime_ns}".encode())


def sleutel(
    opdracht: str, argumenten: Mapping[str, object], register: Path | None, *paden: Path
) -> str | None:
    """The key of this run, or None where it cannot be made cheaply (a huge folder)."""
    h = hashlib.sha256(_VERSIE + opdracht.encode() + b"\0")
    # repr, not json: json is imported for nothing else on the way to a verdict
    h.update(repr(sorted(argumenten.items())).encode())
    h.update(os.fsencode(os.getcwd()) + b"\0" + dt.date.today().isoformat().encode())
    for naam in sorted(os.environ):
        if naam.startswith("CONVENANT_") or naam in _OMGEVING:
            h.update(f"{naam}={os.environ[naam]}\0".encode())
    h.update(f"tty:{sys.stdout.isatty()}:{sys.stderr.isatty()}".encode())
    h.update(programma())
    teller = [0, 0]
    try:
        if register is not None:
            h.update(b"register\0")
            _map(h, register.resolve(), teller)
        for pad in paden:
            h.update(b"pad\0")
            if pad.is_dir():
                _map(h, pad.resolve(), teller)
            else:
                _bestand(h, pad.resolve(), teller)
    except _TeGroot:
        return None
    return f"{opdracht}-{h.hexdigest()[:40]}.uitslag"


class _Kopie(io.TextIOBase):
    """Writes through to the real stream and keeps what was written."""

    def __init__(self, echt: TextIO) -> None:
        self.echt = echt
        self.delen: list[str] = []
        self.buiten_tekst = False  # bytes written past us (a document): not replayable

    def write(self, tekst: str) -> int:
        self.delen.append(tekst)
        return self.echt.write(tekst)

    def flush(self) -> None:
        self.echt.flush()

    def isatty(self) -> bool:
        return self.echt.isatty()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self.echt.encoding

    @property
    def buffer(self) -> Any:
        self.buiten_tekst = True
        return self.echt.buffer


def uit_cache_of(naam: str | None, uitvoeren: Callable[[], int]) -> int:
    """The stored answer of the run with key `naam`, else run it and store its answer."""
    if naam is None:
        return uitvoeren()
    opgeslagen = cache.lees_bytes(naam)
    if opgeslagen is not None:
        # a pickle, as every entry of the cache: only entries this user's runs wrote (HMAC)
        antwoord: object = None
        with contextlib.suppress(Exception):  # from another Python: judged again
            antwoord = pickle.loads(opgeslagen)
        match antwoord:
            case (0 | 1 as opgeslagen_code, str(uit), str(fout)):
                sys.stdout.write(uit)
                sys.stderr.write(fout)
                return opgeslagen_code
    uit_kopie, fout_kopie = _Kopie(sys.stdout), _Kopie(sys.stderr)
    sys.stdout, sys.stderr = uit_kopie, fout_kopie
    try:
        code = uitvoeren()
    finally:
        sys.stdout, sys.stderr = uit_kopie.echt, fout_kopie.echt
    if code in (0, 1) and not (uit_kopie.buiten_tekst or fout_kopie.buiten_tekst):
        antwoord = (code, "".join(uit_kopie.delen), "".join(fout_kopie.delen))
        cache.bewaar_bytes(naam, pickle.dumps(antwoord, protocol=pickle.HIGHEST_PROTOCOL))
    return code
