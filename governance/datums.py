"""Date arithmetic as the convenant counts: calendar months, weeks, and Dutch date text."""

from __future__ import annotations

import datetime as dt
import re
import typing

from .errors import BuitenKalender, WaardeFout, echo

MAANDEN = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip


# The years a date in an input may have. A secretaris's dates are decades apart at most; a date
# in year 9999 is a typo, and computing a term from it would leave the calendar (year 10000).
EERSTE_JAAR = 1900
LAATSTE_JAAR = 2999


def in_nederland(moment: dt.datetime | None = None) -> dt.datetime:
    """A moment (now by default) in Dutch time: the register is kept for Drentse parties,
    whatever zone the host runs in (a server in UTC would otherwise be an hour or two behind)."""
    from zoneinfo import ZoneInfo

    return (moment or dt.datetime.now(dt.UTC)).astimezone(ZoneInfo("Europe/Amsterdam"))


def in_bereik(datum: dt.date) -> dt.date:
    """`datum` itself, or a Dutch ValueError when its year lies outside what is accepted."""
    if not EERSTE_JAAR <= datum.year <= LAATSTE_JAAR:
        raise ValueError(
            f"{lang(datum)} ligt buiten de jaren {EERSTE_JAAR}–{LAATSTE_JAAR} die convenant "
            "aanneemt; controleer het jaartal"
        )
    return datum


def _binnen_kalender(bereken: typing.Callable[[], dt.date]) -> dt.date:
    """Date arithmetic that cannot end in an internal error when a term leaves the calendar."""
    try:
        return bereken()
    except (OverflowError, ValueError):
        raise BuitenKalender(
            "een termijn valt na het jaar 9999: controleer de datums en de termijnen in de "
            "invoer (een jaartal of een aantal te veel?)"
        ) from None


def plus_maanden(datum: dt.date, maanden: int) -> dt.date:
    """The same day `maanden` calendar months later, or the month's last day if it has no such day.

    31 January + 1 month = 28 (or 29) February; 29 February 2028 + 12 months = 28 February 2029.
    """
    index = datum.year * 12 + (datum.month - 1) + maanden
    jaar, maand = divmod(index, 12)
    maand += 1
    return _binnen_kalender(
        lambda: dt.date(jaar, maand, min(datum.day, dagen_in_maand(jaar, maand)))
    )


def dagen_in_maand(jaar: int, maand: int) -> int:
    if jaar == dt.MAXYEAR and maand == 12:
        return 31
    volgende = dt.date(jaar + maand // 12, maand % 12 + 1, 1)
    return (volgende - dt.timedelta(days=1)).day


def plus_weken(datum: dt.date, weken: int) -> dt.date:
    return plus_dagen(datum, 7 * weken)


def plus_dagen(datum: dt.date, dagen: int) -> dt.date:
    return _binnen_kalender(lambda: datum + dt.timedelta(days=dagen))


def plus_termijn(datum: dt.date, aantal: int, eenheid: str) -> dt.date:
    """Apply a `Termijn` in time (dagen, weken, kalendermaanden) to a date."""
    if eenheid == "kalendermaanden":
        return plus_maanden(datum, aantal)
    if eenheid == "weken":
        return plus_weken(datum, aantal)
    if eenheid == "dagen":
        return plus_dagen(datum, aantal)
    raise ValueError(f"onbekende eenheid {eenheid!r}")


def werkdag(datum: dt.date) -> dt.date:
    """`datum`, or the first working day after it: a deadline the secretariat sets itself (a
    reply term, a sending date) never falls on a Saturday, a Sunday or a Dutch public holiday.
    The holidays are those of the Algemene termijnenwet (art. 3): the `holidays` package's
    Dutch ones, with 5 May every year (the package has it only every fifth year). A term the
    convenant sets itself is counted as the convenant says, not with this."""
    import holidays  # only for the commands that set such a deadline

    jaren = range(datum.year, min(datum.year + 2, dt.MAXYEAR + 1))
    feestdagen = holidays.country_holidays("NL", years=jaren)
    feestdagen.update({dt.date(jaar, 5, 5): "Bevrijdingsdag" for jaar in jaren})
    while datum.weekday() >= 5 or datum in feestdagen:
        datum = plus_dagen(datum, 1)
    return datum


# Numbers up to twelve as a Dutch text writes them ("binnen vier weken", "twaalf maanden").
_TELWOORDEN = (
    "nul", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf",
    "twaalf",
)  # fmt: skip
_ENKELVOUD = {"weken": "week", "dagen": "dag", "kalendermaanden": "kalendermaand"}


def termijn_in_woorden(aantal: int, eenheid: str) -> str:
    """A term as a sentence says it: "vier weken", "één week", "30 dagen"."""
    getal = _TELWOORDEN[aantal] if 0 <= aantal < len(_TELWOORDEN) else str(aantal)
    return f"{getal} {_ENKELVOUD.get(eenheid, eenheid) if aantal == 1 else eenheid}"


def lang(datum: dt.date) -> str:
    """A date as a Dutch reader writes it: 28 november 2026."""
    return f"{datum.day} {MAANDEN[datum.month - 1]} {datum.year}"


def ontleed_datum(tekst: str) -> dt.date:
    """Read a date a secretaris may type: 2026-11-28, 28-11-2026 or 28 november 2026.

    Raises `WaardeFout` (a ValueError) with a Dutch message and its fix.
    """
    return in_bereik(_ontleed(tekst))


def _ontleed(tekst: str) -> dt.date:
    schoon = tekst.strip().lower()
    try:
        return dt.date.fromisoformat(schoon)
    except ValueError:
        pass
    delen = schoon.replace("/", "-").split("-")
    if len(delen) == 3 and all(d.isdigit() for d in delen) and len(delen[2]) == 4:
        return bestaande_datum(int(delen[2]), int(delen[1]), int(delen[0]))
    woorden = schoon.split()
    if (
        len(woorden) == 3
        and woorden[1] in MAANDEN
        and woorden[0].isdigit()
        and woorden[2].isdigit()
    ):
        return bestaande_datum(int(woorden[2]), MAANDEN.index(woorden[1]) + 1, int(woorden[0]))
    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", schoon)
    if iso:
        return bestaande_datum(int(iso[1]), int(iso[2]), int(iso[3]))
    raise WaardeFout(
        f"'{echo(tekst)}' is geen datum",
        "schrijf JJJJ-MM-DD, DD-MM-JJJJ of de maand voluit, bijv. 2026-11-28 of 28 november 2026",
    )


def bestaande_datum(jaar: int, maand: int, dag: int) -> dt.date:
    """The date, or a `WaardeFout` that says which part does not exist and what does."""
    if not 1 <= maand <= 12:
        raise WaardeFout(
            f"maand {maand} bestaat niet",
            "schrijf de maand als 1 tot en met 12: dag-maand-jaar (10-02-2027) of jaar-maand-dag (2027-02-10)",
        )
    laatste = dagen_in_maand(jaar, maand)
    if not 1 <= dag <= laatste:
        naam = MAANDEN[maand - 1]
        raise WaardeFout(
            f"{dag} {naam} {jaar} bestaat niet",
            f"{naam} {jaar} heeft {laatste} dagen; bedoelt u {laatste} {naam} {jaar}, "
            f"schrijf dan {jaar}-{maand:02d}-{laatste:02d}",
        )
    return dt.date(jaar, maand, dag)
