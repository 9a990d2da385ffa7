"""Deadlines as an iCalendar feed (RFC 5545) a secretaris can subscribe to in Outlook."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable

from governance.artikelen import weergave
from governance.datums import lang
from governance.models import Convenant
from governance.planning import GeplandeVergadering
from governance.vergadering import Vergadering
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


def _gebeurtenis(
    sleutel: str, stempel: str, begin: list[str], samenvatting: str, beschrijving: str,
    alarm: str, herinnering: str, locatie: str = "",
) -> list[str]:  # fmt: skip
    return [
        "BEGIN:VEVENT",
        f"UID:{hashlib.sha256(sleutel.encode()).hexdigest()[:32]}@convenant-zvhd",
        f"DTSTAMP:{stempel}",
        *begin,
        f"SUMMARY:{_tekst(samenvatting)}",
        f"DESCRIPTION:{_tekst(beschrijving)}",
        *([f"LOCATION:{_tekst(locatie)}"] if locatie else []),
        "TRANSP:TRANSPARENT",
        # a reminder ahead of it (RFC 5545 3.6.6): a deadline a week, a meeting a day before
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"TRIGGER:{alarm}",
        f"DESCRIPTION:{_tekst(herinnering)}",
        "END:VALARM",
        "END:VEVENT",
    ]


def agenda(
    termijnen: Iterable[Termijn],
    register: str,
    nu: dt.datetime,
    vergaderingen: Iterable[Vergadering] = (),
    c: Convenant | None = None,
    geplande: Iterable[GeplandeVergadering] = (),
) -> str:
    """Every meeting of the register, every meeting planned ahead (`geplande`, with its agenda
    as far as drafted) and every deadline, in the words of the documents: no file names or
    ids of aannames (their titles instead)."""
    stempel = nu.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    regels = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//convenant ZVHD//werkplek//NL",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_tekst('Vergaderingen en termijnen convenant ZVHD')}",
    ]
    vastgelegd: set[tuple[str, dt.date]] = set()
    momenten: list[tuple[str, dt.date, str | None, str | None, list[str]]] = []
    for v in vergaderingen:
        vastgelegd.add((v.orgaan, v.datum))
        besluiten = [b.onderwerp for b in v.besluiten[:12] if not b.casuistiek]
        momenten.append((v.orgaan, v.datum, v.tijd, v.locatie, besluiten))
    for g in geplande:
        if (g.orgaan, g.datum) not in vastgelegd:  # once recorded, the meeting file tells it
            punten = [p.onderwerp for p in g.agendapunten[:12]]
            momenten.append((g.orgaan, g.datum, g.tijd, g.locatie, punten))
    for orgaan_id, datum, tijd, locatie, lijst in sorted(momenten, key=lambda m: m[1]):
        o = c.orgaan.get(orgaan_id) if c is not None else None
        naam = o.naam if o is not None else "Vergadering"
        # "van het Partneroverleg", and no "Vergadering Jaarlijkse vergadering …"
        de_naam = o.de_naam if o is not None else "de vergadering"
        kop = naam if "vergadering" in naam.lower() else f"Vergadering {naam}"
        if tijd:
            uur, minuut = int(tijd[:2]), int(tijd[3:5])
            begin = dt.datetime.combine(datum, dt.time(min(uur, 23), minuut))
            tijden = [
                f"DTSTART:{begin:%Y%m%dT%H%M%S}",  # local time where the meeting is held
                f"DTEND:{begin + dt.timedelta(hours=2):%Y%m%dT%H%M%S}",
            ]
        else:
            tijden = [
                f"DTSTART;VALUE=DATE:{datum:%Y%m%d}",
                f"DTEND;VALUE=DATE:{datum + dt.timedelta(days=1):%Y%m%d}",
            ]
        onderwerpen = "; ".join(lijst)
        regels += _gebeurtenis(
            # the same UID planned and recorded: a subscribed calendar updates the one event
            f"vergadering|{orgaan_id}|{datum}",
            stempel,
            tijden,
            kop,
            f"Vergadering van {de_naam} op "
            f"{lang(datum)}" + (f". Op de agenda: {onderwerpen}" if onderwerpen else ""),
            "-P1D",
            f"Morgen: {kop[0].lower() + kop[1:]}",
            locatie or "",
        )
    for t in termijnen:
        beschrijving = weergave(t.artikel)
        if t.aanname:
            titel = _aanname(c, t.aanname)
            beschrijving += f"; de termijn rust op een aanname: {titel}"
        regels += _gebeurtenis(
            f"{t.datum}|{t.omschrijving}|{t.artikel}",
            stempel,
            [
                f"DTSTART;VALUE=DATE:{t.datum:%Y%m%d}",
                f"DTEND;VALUE=DATE:{t.datum + dt.timedelta(days=1):%Y%m%d}",
            ],
            t.omschrijving,
            beschrijving,
            "-P7D",
            f"Over een week: {t.omschrijving}",
        )
    regels.append("END:VCALENDAR")
    return "".join(_vouw(r) + "\r\n" for r in regels)


def _aanname(c: Convenant | None, ident: str) -> str:
    """An aanname by its title, as the pages name it (its question, or the first clause of what
    it finds): never by its id, nor by a text that quotes other ids."""
    if c is not None and ident in c.bevinding:
        from .sjablonen import aanname_titel

        return aanname_titel(c, ident).rstrip(".")
    return "zie de bevindingen bij het convenant"
