"""Filters for the procedure pages: money, weights and percentages the way a Dutch reader writes them."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from governance.geld import bedrag


def euro(waarde: Decimal | int) -> str:
    return bedrag(waarde)


def verschil(waarde: Decimal) -> str:
    """+ € 1.234,50 for more to pay, − for less, nothing for no change."""
    if not waarde:
        return "—"
    return ("+ " if waarde > 0 else "− ") + bedrag(abs(waarde))


def getal(waarde: Decimal | int) -> str:
    """12.345 or 1.234,5: thousands with points, decimals with a comma."""
    tekst = f"{waarde:,}" if isinstance(waarde, int) else f"{Decimal(waarde):,f}"
    return tekst.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def procent(waarde: Decimal) -> str:
    return f"{waarde:.2f} %".replace(".", ",")


def opmaak_md(tekst: str) -> Any:
    """The inline Markdown of an API description (`code`, *nadruk*) as HTML, escaped first:
    the OpenAPI document keeps Markdown for API tools, a page shows it formatted."""
    import re

    from markupsafe import Markup, escape

    html = str(escape(tekst))
    html = re.sub(r"`([^`]+)`", r"<code>\1</code>", html)
    html = re.sub(r"\*([^*\s][^*]*)\*", r"<em>\1</em>", html)
    return Markup(html)  # built from the escaped text above


FILTERS: dict[str, Callable[..., Any]] = {
    "euro": euro,
    "verschil": verschil,
    "getal": getal,
    "procent": procent,
    "opmaak_md": opmaak_md,
}
