"""The calendar feed on a secret address, for a calendar program beyond this computer.

Outlook or a phone subscribes to an address and fetches it without a login; so the feed of
meetings and deadlines (/agenda.ics) is also served on `/agenda/SLEUTEL.ics`, where SLEUTEL is
a random secret of this register (in `kalender.yaml`). That one address passes the gate that
asks for the token or a login (beveiliging.poortwachter), and it opens nothing else: a wrong
key is a plain 404. The calendar page shows the address and makes a new one, which ends the
old.
"""

from __future__ import annotations

import contextlib
import secrets

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from governance.errors import VerouderdeVersie
from governance.opslag import bewaar, versie_van
from governance.planning import KALENDER, Kalender
from governance.yamlschrijver import als_yaml

from .afhankelijkheden import pagina, werkplek
from .beveiliging import gelijk, lees_formulier
from .werkplek import Werkplek

router = APIRouter()


def sleutel(w: Werkplek) -> str | None:
    """The register's secret for the feed, None while it has none (or an unreadable one)."""
    return w.dienst.kalendersleutel()


def _nieuwe_sleutel(w: Werkplek) -> None:
    pad = w.register / KALENDER
    kop = (
        "Het geheime adres van de agenda van deze werkplek (/agenda/SLEUTEL.ics).\n"
        "Wie de sleutel kent, leest de vergaderingen en termijnen; maak een nieuwe op de "
        "pagina Agenda."
    )
    inhoud = als_yaml(Kalender(sleutel=secrets.token_urlsafe(24)), kop).encode("utf-8")
    bewaar(w.register, pad, inhoud, versie_van(pad))


@router.get("/kalender", response_class=HTMLResponse)
def kalenderpagina(request: Request, nieuw: str = "") -> Response:
    w = werkplek(request)
    geheim = sleutel(w)
    basis = str(request.base_url).rstrip("/")
    return pagina(
        request,
        "kalender.html.j2",
        titel="Agenda in uw agendaprogramma",
        lokaal=f"{basis}/agenda.ics",
        geheim=f"{basis}/agenda/{geheim}.ics" if geheim else None,
        nieuw=nieuw,
    )


@router.post("/kalender/nieuw")
async def nieuw_adres(request: Request) -> Response:
    """A new secret address; the old one stops working at once."""
    await lees_formulier(request, 10_000)  # the CSRF check
    # someone else making one at the same moment: theirs stands, and is shown
    with contextlib.suppress(VerouderdeVersie):
        _nieuwe_sleutel(werkplek(request))
    return RedirectResponse("/kalender?nieuw=ja", status_code=303)


@router.get("/agenda/{geheim}.ics")
def geheime_agenda(request: Request, geheim: str) -> Response:
    from .overzicht import agendafeed

    w = werkplek(request)
    echt = sleutel(w)
    if echt is None or not gelijk(geheim, echt):
        raise HTTPException(404, "Deze pagina bestaat niet.")
    return agendafeed(w)
