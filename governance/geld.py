"""Money as a Dutch reader writes it. Amounts are Decimal throughout; rounding happens here only."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def bedrag(waarde: Decimal | int | str) -> str:
    """€ 1.234,50 — rounded half up to cents."""
    centen = Decimal(str(waarde)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    teken = "-" if centen < 0 else ""
    euro, cent = f"{abs(centen):.2f}".split(".")
    return f"{teken}€ {int(euro):,}".replace(",", ".") + f",{cent}"


def als_tekst(waarde: Decimal) -> str:
    """For JSON and CSV: two decimals, a point, no thousands separator (DESIGN.md)."""
    return f"{waarde.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):.2f}"
