"""Money as a Dutch reader writes it. Amounts are Decimal throughout; rounding happens here only."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from .errors import echo

# The largest amount or weight an input may hold: far above any budget of a Veiligheidshuis,
# far below where Decimal arithmetic (28 digits) would lose a cent.
MAXIMUM = Decimal("999999999999.99")
# Dutch: 1.234.567,89 or 1234567,89; plain (as YAML writes a number): 1234567.89.
_NEDERLANDS = re.compile(r"-?([1-9]\d{0,2}(\.\d{3})+|\d+)(,\d+)?")
_GEWOON = re.compile(r"-?\d+(\.\d+)?")
_ENGELS = re.compile(r"-?([1-9]\d{0,2}(,\d{3})+|\d+)(\.\d+)?")
# What YAML reads as a number but a Dutch reader as thousands: 1.000, 12.500.
DUBBELZINNIG_GETAL = re.compile(r"[-+]?[1-9]\d{0,2}\.\d{3}")


class Dubbelzinnig(float):
    """A plain YAML number such as 1.000, which a Dutch reader takes for a thousand.

    The loader makes these so that an amount can be refused while other numbers stay numbers.
    """

    tekst: str

    def __new__(cls, tekst: str) -> Dubbelzinnig:
        getal = super().__new__(cls, tekst)
        getal.tekst = tekst
        return getal


def _lezingen(tekst: str) -> tuple[Decimal | None, Decimal | None]:
    """The value of `tekst` in Dutch notation and in English notation, where it has one."""
    nederlands = (
        Decimal(tekst.replace(".", "").replace(",", ".")) if _NEDERLANDS.fullmatch(tekst) else None
    )
    engels = Decimal(tekst.replace(",", "")) if _ENGELS.fullmatch(tekst) else None
    return nederlands, engels


def lees_getal(waarde: Any) -> Any:
    """An amount or weight as Decimal; refuses what a Dutch and an English reader read differently.

    Accepted: a YAML number (1000.5), Dutch notation as text ("1.000,50", "1000,50", "€ 12,50")
    and plain digits with a decimal point as text ("1000.50"). Refused, with both readings: text
    such as "1.000" or "1,500" and the bare YAML number 1.000, where the notation decides
    between a thousand and one. Anything else goes on unchanged, for pydantic to report.
    """
    if isinstance(waarde, Dubbelzinnig):
        return _weiger(waarde.tekst, Decimal(waarde.tekst.replace(".", "")), Decimal(waarde.tekst))
    if isinstance(waarde, float):
        getal = Decimal(repr(waarde))  # 0.1 stays 0.1, not its binary approximation
    elif isinstance(waarde, int) and not isinstance(waarde, bool):
        getal = Decimal(waarde)
    elif isinstance(waarde, str):
        schoon = waarde.replace("€", "").replace(" ", "").replace("\u00a0", "")
        if len(schoon) > 40:
            raise ValueError("dit is geen bedrag: te veel tekens")
        nederlands, engels = _lezingen(schoon)
        if nederlands is not None and engels is not None and nederlands != engels:
            return _weiger(schoon, nederlands, engels)
        if nederlands is not None:
            getal = nederlands
        elif _GEWOON.fullmatch(schoon):
            getal = Decimal(schoon)
        elif not any(teken.isdigit() for teken in schoon):
            return waarde  # not a number at all: pydantic says what is expected, with the place
        else:
            raise ValueError(
                f"'{echo(schoon)}' is geen bedrag; schrijf bijv. 1.234,50 of 1234.50 "
                "(een punt voor duizendtallen alleen samen met een decimale komma)"
            )
    else:
        return waarde
    if not getal.is_finite() or abs(getal) > MAXIMUM:
        raise ValueError(f"dit getal is te groot; ten hoogste {bedrag(MAXIMUM).removeprefix('€ ')}")
    return getal


def _weiger(tekst: str, nederlands: Decimal, gewoon: Decimal) -> Any:
    raise ValueError(
        f"'{echo(tekst)}' is dubbelzinnig: in Nederlandse notatie {_nl(nederlands)}, "
        f"in Engelse notatie {_nl(gewoon)}; schrijf '{_nl(nederlands)}' of '{_nl(gewoon)}' "
        "(met een decimale komma)"
    )


def _nl(getal: Decimal) -> str:
    return bedrag(getal).removeprefix("€ ").replace("-€ ", "-")


def bedrag(waarde: Decimal | int | str) -> str:
    """€ 1.234,50 — rounded half up to cents."""
    try:
        centen = Decimal(str(waarde)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    except InvalidOperation:  # too many digits to round to cents: never an input (MAXIMUM)
        return str(waarde)
    teken = "-" if centen < 0 else ""
    euro, cent = f"{abs(centen):.2f}".split(".")
    return f"{teken}€ {int(euro):,}".replace(",", ".") + f",{cent}"


def als_tekst(waarde: Decimal) -> str:
    """For JSON and CSV: two decimals, a point, no thousands separator (DESIGN.md)."""
    return f"{waarde.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):.2f}"
