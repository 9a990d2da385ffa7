"""Writing results: to stdout or atomically to a file (`bestand`), as JSON or as an aligned table."""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import re
import stat
import sys
import time
from collections.abc import Iterator, Sequence
from decimal import Decimal
from pathlib import Path

from governance.errors import GebruiksFout, schrijfreden, zichtbaar

# How a command that carries on without a bezetting says what that costs and how to add one.
HOE_BEZETTING = (
    "geef het register met --register PAD (de map met bezetting.yaml) of het bestand met "
    "--bezetting PAD"
)


def meld_zonder_bezetting(wat: str) -> None:
    """One line on stderr (stdout may hold JSON or a document): what is left out, and the fix."""
    sys.stderr.write(f"Let op: geen bezetting gevonden, dus {wat}; {HOE_BEZETTING}.\n")


def schrijf(tekst: str | bytes, pad: Path | None = None, overschrijf: bool = False) -> None:
    """To stdout, or to `pad` via a temporary file and a rename: never a half-written file.

    `bytes` (a Word or PDF document) are written as they are; to stdout only when stdout is
    not a terminal, where they would show as garbage.
    """
    if pad is None:
        if isinstance(tekst, bytes):
            buffer = getattr(sys.stdout, "buffer", None)
            if buffer is None or sys.stdout.isatty():
                raise GebruiksFout(
                    "dit formaat is geen tekst voor het scherm; geef een bestand op met --uitvoer"
                )
            sys.stdout.flush()
            buffer.write(tekst)
            buffer.flush()
        else:
            # text from the files (a besluit's onderwerp, a file name) never acts on the terminal
            sys.stdout.write(zichtbaar(tekst))
        return
    bestand(tekst.encode("utf-8") if isinstance(tekst, str) else tekst, pad, overschrijf)


# Our temporary files: `.<name>.<pid>-<random>.convenant-tmp` beside the target. One left by a
# process that was killed (kill -9, a power cut) is removed on the next write to that folder.
_TIJDELIJK = re.compile(r"\..+\.(\d+)-[0-9a-f]{8}\.convenant-tmp")
_OUD = 24 * 3600  # a temporary file this old is stale even if its process id was reused


def bestand(inhoud: bytes, pad: Path, overschrijf: bool = False) -> None:
    """Write `inhoud` to `pad` whole or not at all; the one place that writes an output file.

    - Anything at `pad` counts as existing: a file, a link (also one that points nowhere), a
      device, a FIFO. Only --overschrijf replaces, and only a regular file (through a link to
      one, the file it points to); a device, FIFO or socket is never replaced.
    - A new file gets the mode the umask allows (0644 under the usual umask 022); a replaced
      file keeps its mode.
    - The text goes to a temporary file in the same folder, is flushed to disk, and is then
      renamed over the target: a reader sees the old file or the new one, never half of one.
      SIGTERM or SIGHUP during the write removes the temporary file; one left by kill -9 is
      removed on the next write to the folder.
    - A folder that cannot be written and a full disk are an exit-2 message, not a traceback.
    """
    naam = str(pad)
    try:
        toestand: os.stat_result | None = os.lstat(pad)
    except FileNotFoundError:
        toestand = None
    except OSError as e:
        raise GebruiksFout(f"{naam}: {schrijfreden(e, pad.parent)}") from None
    doel = pad
    if toestand is not None:
        if stat.S_ISDIR(toestand.st_mode):
            raise GebruiksFout(f"{naam}: dit is een map; geef een bestandsnaam op")
        if stat.S_ISLNK(toestand.st_mode):
            if not overschrijf:
                raise GebruiksFout(
                    f"{naam}: bestaat al (als verwijzing); gebruik --overschrijf om het bestand "
                    "waarnaar zij verwijst te vervangen"
                )
            try:
                toestand = os.stat(pad)
            except OSError:
                raise GebruiksFout(
                    f"{naam}: is een verwijzing (symlink) naar iets dat niet bestaat; verwijder "
                    "de verwijzing of kies een ander pad"
                ) from None
            doel = Path(os.path.realpath(pad))
        if not stat.S_ISREG(toestand.st_mode):
            raise GebruiksFout(
                f"{naam}: dit is geen gewoon bestand (maar een map, apparaat, pijp of socket); "
                "convenant vervangt zoiets nooit, ook niet met --overschrijf; kies een bestandsnaam"
            )
        if not overschrijf:
            raise GebruiksFout(f"{naam}: bestaat al; gebruik --overschrijf om het te vervangen")
        modus = stat.S_IMODE(toestand.st_mode)
    else:
        modus = 0o666 & ~_umask()
    map_ = doel.parent
    if not map_.is_dir():
        raise GebruiksFout(f"{naam}: de map {map_} bestaat niet; maak haar eerst aan")
    _ruim_op(map_)
    import secrets  # only when writing a file

    tijdelijk = map_ / f".{doel.name[:100]}.{os.getpid()}-{secrets.token_hex(4)}.convenant-tmp"
    with _tegen_afbreken():
        try:
            fd = os.open(tijdelijk, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
            try:
                geschreven = 0
                while geschreven < len(inhoud):
                    geschreven += os.write(fd, inhoud[geschreven:])
                os.fchmod(fd, modus)
                os.fsync(fd)
            finally:
                os.close(fd)
            if toestand is None:
                _nieuw(tijdelijk, doel, naam)
            else:
                os.replace(tijdelijk, doel)
        except OSError as e:
            tijdelijk.unlink(missing_ok=True)
            raise GebruiksFout(f"{naam}: {schrijfreden(e, map_)}; er is niets geschreven") from None
        except BaseException:
            tijdelijk.unlink(missing_ok=True)
            raise


def _nieuw(tijdelijk: Path, doel: Path, naam: str) -> None:
    """Put a new file in place without replacing one that appeared meanwhile (a hard link
    fails if the name exists; where the file system has no hard links, a rename)."""
    try:
        os.link(tijdelijk, doel, follow_symlinks=False)
    except FileExistsError:
        tijdelijk.unlink(missing_ok=True)
        raise GebruiksFout(
            f"{naam}: bestaat al; gebruik --overschrijf om het te vervangen"
        ) from None
    except OSError as e:
        if e.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
            raise
        os.replace(tijdelijk, doel)
        return
    tijdelijk.unlink(missing_ok=True)


def _umask() -> int:
    huidig = os.umask(0o022)  # reading the umask means setting it; set it straight back
    os.umask(huidig)
    return huidig


def _ruim_op(map_: Path) -> None:
    """Remove our own temporary files that a killed process left in `map_`."""
    try:
        namen = os.listdir(map_)
    except OSError:
        return
    nu = time.time()
    for naam in namen:
        gevonden = _TIJDELIJK.fullmatch(naam)
        if gevonden is None:
            continue
        pad = map_ / naam
        try:
            toestand = os.lstat(pad)
            if not stat.S_ISREG(toestand.st_mode) or toestand.st_uid != os.getuid():
                continue
            if nu - toestand.st_mtime > _OUD or not _leeft(int(gevonden.group(1))):
                pad.unlink()
        except OSError:
            continue


def _leeft(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True
    return True


class _Beeindigd(BaseException):
    """SIGTERM or SIGHUP arrived while a file was being written."""

    def __init__(self, signaal: int) -> None:
        super().__init__(signaal)
        self.signaal = signaal


@contextlib.contextmanager
def _tegen_afbreken() -> Iterator[None]:
    """During the write, SIGTERM and SIGHUP unwind (removing the temporary file) and then end
    the process as the signal would have."""
    import signal  # only when writing a file; keeps start-up light
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    vorige = {}

    def stop(signaal: int, _: object) -> None:
        raise _Beeindigd(signaal)

    for signaal in (signal.SIGTERM, signal.SIGHUP):
        vorige[signaal] = signal.signal(signaal, stop)
    try:
        yield
    except _Beeindigd as e:
        for signaal, handler in vorige.items():
            signal.signal(signaal, handler)
        os.kill(os.getpid(), e.signaal)  # the default action, now that nothing is left behind
        raise SystemExit(128 + e.signaal) from None
    finally:
        for signaal, handler in vorige.items():
            signal.signal(signaal, handler)


# The extensions `convenant maak` and `jaaroverzicht` write, and the format each stands for.
EXTENSIES = {
    ".md": "md",
    ".markdown": "md",
    ".txt": "md",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".pdf": "pdf",
}


def documentformaat(uitvoer: Path | None, formaat: str | None) -> str:
    """--formaat if given, else the format of the output file's extension, else md.

    An extension no format writes, or one that contradicts --formaat, is refused: a file
    named .pdf that holds Markdown is worse than no file.
    """
    if uitvoer is None:
        return formaat or "md"
    extensie = uitvoer.suffix.lower()
    volgens_naam = EXTENSIES.get(extensie)
    if extensie and volgens_naam is None:
        bekend = ", ".join(sorted(EXTENSIES))
        raise GebruiksFout(
            f"{uitvoer}: een bestand met de extensie '{extensie}' kan deze opdracht niet "
            f"schrijven; kies een van {bekend}, of geef --formaat"
        )
    if formaat and volgens_naam and formaat != volgens_naam:
        raise GebruiksFout(
            f"{uitvoer}: de extensie '{extensie}' past niet bij --formaat {formaat}; "
            f"noem het bestand bijvoorbeeld '{uitvoer.with_suffix('.' + formaat).name}'"
        )
    return formaat or volgens_naam or "md"


def json_waarde(waarde: object) -> object:
    """Dates as ISO text, Decimal as text: the JSON conventions of DESIGN.md."""
    if isinstance(waarde, dt.date):
        return waarde.isoformat()
    if isinstance(waarde, Decimal):
        return str(waarde)
    raise TypeError(f"niet naar JSON te schrijven: {type(waarde).__name__}")


def als_json(data: object) -> str:
    import json

    return json.dumps(data, ensure_ascii=False, indent=2, default=json_waarde) + "\n"


def tabel(koppen: Sequence[str], rijen: Sequence[Sequence[str]], inspringing: str = "") -> str:
    """Plain columns aligned with spaces; readable in a terminal and in a text file."""
    breedtes = [len(k) for k in koppen]
    for rij in rijen:
        breedtes = [max(b, len(cel)) for b, cel in zip(breedtes, rij, strict=True)]

    def regel(cellen: Sequence[str]) -> str:
        return (
            inspringing
            + "  ".join(c.ljust(b) for c, b in zip(cellen, breedtes, strict=True)).rstrip()
        )

    streep = inspringing + "  ".join("-" * b for b in breedtes)
    return "\n".join([regel(koppen), streep, *(regel(r) for r in rijen)]) + "\n"


def alinea(tekst: str, inspringing: str = "", breedte: int = 100) -> str:
    import textwrap

    return (
        textwrap.fill(
            tekst, width=breedte, initial_indent=inspringing, subsequent_indent=inspringing
        )
        + "\n"
    )
