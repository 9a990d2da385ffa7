"""Writing results: to stdout or atomically to a file, as JSON or as an aligned table."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from governance.errors import GebruiksFout


def schrijf(tekst: str | bytes, pad: Path | None = None, overschrijf: bool = False) -> None:
    """To stdout, or to `pad` via a temporary file and a rename: never a half-written file.

    `bytes` (a Word or PDF document) are written as they are; to stdout only when stdout is
    not a terminal, where they would show as garbage.
    """
    if pad is None:
        if isinstance(tekst, bytes):
            if sys.stdout.isatty():
                raise GebruiksFout(
                    "dit formaat is geen tekst voor het scherm; geef een bestand op met --uitvoer"
                )
            sys.stdout.flush()
            sys.stdout.buffer.write(tekst)
            sys.stdout.buffer.flush()
        else:
            sys.stdout.write(tekst)
        return
    if pad.is_dir():
        raise GebruiksFout(f"{pad}: dit is een map; geef een bestandsnaam op")
    if pad.exists() and not overschrijf:
        raise GebruiksFout(f"{pad}: bestaat al; gebruik --overschrijf om het te vervangen")
    map_ = pad.parent if str(pad.parent) else Path(".")
    if not map_.is_dir():
        raise GebruiksFout(f"{pad}: de map {map_} bestaat niet; maak haar eerst aan")
    import tempfile  # only when writing a file

    fd, tijdelijk = tempfile.mkstemp(dir=map_, prefix=f".{pad.name}.", suffix=".tmp")
    try:
        if isinstance(tekst, bytes):
            with os.fdopen(fd, "wb") as fb:
                fb.write(tekst)
        else:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
                f.write(tekst)
        os.replace(tijdelijk, pad)
    except BaseException:
        Path(tijdelijk).unlink(missing_ok=True)
        raise


def documentformaat(uitvoer: Path | None, formaat: str | None) -> str:
    """md unless asked otherwise, or unless the output file is a .html page."""
    if formaat:
        return formaat
    return "html" if uitvoer is not None and uitvoer.suffix.lower() in (".html", ".htm") else "md"


def _json_waarde(waarde: object) -> object:
    if isinstance(waarde, dt.date):
        return waarde.isoformat()
    if isinstance(waarde, Decimal):
        return str(waarde)
    raise TypeError(f"niet naar JSON te schrijven: {type(waarde).__name__}")


def als_json(data: object) -> str:
    import json

    return json.dumps(data, ensure_ascii=False, indent=2, default=_json_waarde) + "\n"


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
