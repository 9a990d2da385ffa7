"""The pages' Jinja environment: templates/web/, autoescaped, strict about missing values."""

from __future__ import annotations

import datetime as dt
from typing import Any

import jinja2

from governance.artikelen import weergave
from governance.datums import lang
from governance.loader import gebundeld

OORDEEL_LABEL = {
    "aangenomen": "Aangenomen",
    "verworpen": "Verworpen",
    "aangehouden": "Aangehouden",
    "escaleren": "Escaleren",
    "ongeldig": "Ongeldig",
}


def _datum(waarde: dt.date | None) -> str:
    return lang(waarde) if waarde else ""


def _kort(waarde: dt.date | None) -> str:
    return waarde.strftime("%d-%m-%Y") if waarde else ""


def _anker(artikelen: str) -> str:
    """The Convenant page's anchor for a citation's first article: '5.6, 7.1' → 'artikel-5'."""
    from governance.artikelen import ontleed

    try:
        ref = ontleed(artikelen.split(",")[0].strip())
    except ValueError:
        return "inhoud"
    if ref.artikel is not None:
        return f"artikel-{ref.artikel}"
    if ref.bijlage is not None:
        return f"bijlage-{ref.bijlage}"
    return "inhoud"


def omgeving() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(gebundeld("templates") / "web")),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        datum=_datum,
        kortedatum=_kort,
        artikel=weergave,
        namen=lambda ids, namen: [namen.get(i, i) for i in ids],  # ids → names, unknown as is
        anker=_anker,
    )
    env.globals.update(oordeel_label=OORDEEL_LABEL)
    return env


class Sjablonen:
    def __init__(self, algemeen: dict[str, Any]) -> None:
        self.env = omgeving()
        self.algemeen = algemeen

    def render(self, sjabloon: str, **context: Any) -> str:
        return self.env.get_template(sjabloon).render(**self.algemeen, **context)
