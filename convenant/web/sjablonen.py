"""The pages' Jinja environment: templates/web/, autoescaped, strict about missing values."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from typing import Any

import jinja2
from markupsafe import Markup, escape

from governance.artikelen import weergave
from governance.datums import lang, ontleed_datum
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


def _iso(waarde: dt.date | str | None) -> str:
    """The value of a native date input (ISO): a date, or a date as typed where it can be read
    (a browser without a date picker sends 31-01-2027); anything else as it is, so the field's
    error still shows what was typed."""
    if isinstance(waarde, dt.date):
        return waarde.isoformat()
    try:
        return ontleed_datum(waarde).isoformat() if waarde else ""
    except ValueError:
        return waarde or ""


@functools.lru_cache(maxsize=1024)
def _anker(artikelen: str) -> str:
    """The Convenant page's anchor for a citation's first article: '5.6, 7.1' → 'artikel-5'.
    Kept per citation: a page of verdicts asks it for every ground of every besluit."""
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


def _op(iso: str) -> str:
    try:
        return lang(dt.date.fromisoformat(iso))
    except ValueError:
        return iso


def _link(href: str, tekst: str) -> str:
    return f'<a href="{escape(href)}">{escape(tekst)}</a>'


# The engine's messages point to CLI commands; in the workplace each says where the same
# thing is in the browser (or leaves the pointer out where the browser has no counterpart).
_IN_DE_WERKPLEK: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (
        re.compile(r"'convenant leden --orgaan (\w+) --op ([\d-]+)' toont ze"),
        lambda m: (
            "de aanwezigheidslijst van "
            + _link(
                f"/vergaderingen/nieuw?orgaan={m[1]}&datum={m[2]}",
                f"een nieuwe vergadering op {_op(m[2])}",
            )
            + " toont ze"
        ),
    ),
    (
        re.compile(r"'convenant partijen --op ([\d-]+)' toont wie toen Partij was"),
        lambda m: (
            "bij Uitgenodigd in "
            + _link(f"/vergaderingen/nieuw?datum={m[1]}", f"een nieuwe vergadering op {_op(m[1])}")
            + " staat wie toen Partij was"
        ),
    ),
    (
        re.compile(r"'convenant soorten' toont ze alle (\d+)"),
        lambda m: f"de keuzelijst Soort toont ze alle {m[1]}",
    ),
    (
        re.compile(r"\(zie 'convenant simuleer liquidatie'\)"),
        lambda m: "(zie de pagina " + _link("/liquidatie", "Liquidatie") + ")",
    ),
    (
        re.compile(r"\(zie 'convenant simuleer uittreding'\)"),
        lambda m: "(zie de pagina " + _link("/uittreding", "Uittreding") + ")",
    ),
    (
        re.compile(r"'convenant (?:partijen|lezingen)' toont"),
        lambda m: "de pagina " + _link("/convenant", "Convenant") + " toont",
    ),
    (re.compile(r"\s*\(zie 'convenant (?!simuleer)[^)]*\)"), lambda m: ""),
]


def webtaal(tekst: object) -> Markup:
    """A message of the engine in the workplace's terms: its CLI pointers become links."""
    tekst = str(tekst)
    if "'convenant " not in tekst:  # every pointer names a command; most messages have none
        return Markup(escape(tekst))
    delen: list[str] = []
    positie = 0
    treffers = sorted(
        (m for patroon, _ in _IN_DE_WERKPLEK for m in patroon.finditer(tekst)),
        key=lambda m: m.start(),
    )
    vervang = {patroon: f for patroon, f in _IN_DE_WERKPLEK}
    for m in treffers:
        if m.start() < positie:
            continue
        delen += [str(escape(tekst[positie : m.start()])), vervang[m.re](m)]
        positie = m.end()
    delen.append(str(escape(tekst[positie:])))
    return Markup("".join(delen))


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
        isodatum=_iso,
        artikel=weergave,
        namen=lambda ids, namen: [namen.get(i, i) for i in ids],  # ids → names, unknown as is
        anker=_anker,
        webtaal=webtaal,
    )
    env.globals.update(oordeel_label=OORDEEL_LABEL)
    return env


class Sjablonen:
    def __init__(self, algemeen: dict[str, Any]) -> None:
        self.env = omgeving()
        self.algemeen = algemeen

    def render(self, sjabloon: str, **context: Any) -> str:
        return self.env.get_template(sjabloon).render({**self.algemeen, **context})


def aanname_titel(c: Any, ident: str) -> str:
    """A finding's title: its question in a few words. Every finding has one (convenant.yaml
    `vraag`, required and short), so a title is never its omschrijving cut mid-text."""
    b = c.bevinding.get(ident)
    return "aanname" if b is None else str(b.vraag)
