"""Deadlines as an iCalendar feed (RFC 5545) a secretaris can subscribe to in Outlook."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable

from governance.artikelen import weergave
from rules.termijnen import Termijn


def _tekst(waarde: str) -> str:
    return waarde.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _vouw(regel: str) -> str:
    """Lines of at most 75 octets; a continuation starts with a space (RFC 5545, 3.1)."""
    uit: list[str] = []
    huidig = b""
    for teken in regel:
        b = teken.encode()
        if len(huidig) + len(b) > (75 if not uit else 74):
            uit.append(huidig.decode())
            huidig = b""
        huidig += b
    uit.append(huidig.decode())
    return "\r\n ".join(uit)


def agenda(termijnen: Iterable[Termijn], register: str, nu: dt.datetime) -> str:
    stempel = nu.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    regels = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//convenant ZVHD//werkplek//NL",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_tekst(f'Termijnen convenant ZVHD ({register})')}",
    ]
    for t in termijnen:
        sleutel = hashlib.sha256(f"{t.datum}|{t.omschrijving}|{t.artikel}".encode()).hexdigest()
        beschrijving = f"{weergave(t.artikel)}" + (
            f"; rust op aanname {t.aanname}" if t.aanname else ""
        )
        if t.vergadering:
            beschrijving += f"; vergadering {t.vergadering}"
        regels += [
            "BEGIN:VEVENT",
            f"UID:{sleutel[:32]}@convenant-zvhd",
            f"DTSTAMP:{stempel}",
            f"DTSTART;VALUE=DATE:{t.datum:%Y%m%d}",
            f"DTEND;VALUE=DATE:{t.datum + dt.timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{_tekst(t.omschrijving)}",
            f"DESCRIPTION:{_tekst(beschrijving)}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    regels.append("END:VCALENDAR")
    return "".join(_vouw(r) + "\r\n" for r in regels)
