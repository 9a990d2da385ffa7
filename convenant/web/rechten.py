"""Who may use which route: one table, checked for every page and API route before it runs.

A route that the table does not name is for the secretariat only (secretaris, voorzitter):
a new page is closed to a contactpersoon and a beheerder until someone decides otherwise
here. tests/test_rechten.py walks every route of the app for every role and for anonymous.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, Literal

from fastapi import HTTPException, Request
from starlette.routing import BaseRoute, Route

from ..toegang import LOKAAL, Gebruiker
from .beveiliging import gebruiker_van

Recht = Literal["publiek", "ingelogd", "redactie", "beheer", "spoor", "partij", "inrichten"]

# (method, route path) → who may use it. Every other route: "redactie".
TABEL: dict[tuple[str, str], Recht] = {
    ("GET", "/inloggen"): "publiek",
    ("POST", "/inloggen"): "publiek",
    ("POST", "/uitloggen"): "publiek",
    ("GET", "/inloggen/sso"): "publiek",
    ("GET", "/inloggen/sso/terug"): "publiek",
    ("GET", "/eenmalig/{sleutel}"): "publiek",
    ("POST", "/eenmalig/{sleutel}"): "publiek",
    ("GET", "/account"): "ingelogd",
    ("POST", "/account/wachtwoord"): "ingelogd",
    ("GET", "/convenant"): "ingelogd",
    # the calendar feed on its secret address: a calendar program has no login (kalender.py)
    ("GET", "/agenda/{geheim}.ics"): "publiek",
    ("GET", "/beheer/accounts"): "beheer",
    ("POST", "/beheer/accounts"): "beheer",
    ("POST", "/beheer/accounts/{nr}/herstel"): "beheer",
    ("POST", "/beheer/accounts/{nr}/actief"): "beheer",
    ("GET", "/spoor"): "spoor",
    # an empty register is set up by the secretariat; a new register beside this one only by
    # the beheerder where there are accounts (inrichten.py checks which of the two it is)
    ("GET", "/inrichten"): "inrichten",
    ("POST", "/inrichten"): "inrichten",
    ("GET", "/partijen/{partij}"): "partij",
    ("POST", "/partijen/{partij}/toetredingen/{dossier}"): "partij",
    ("POST", "/partijen/{partij}/inbreng/{vergadering}"): "partij",
    ("GET", "/partijen/{partij}/toetredingen/{dossier}/kennisgeving"): "partij",
    ("GET", "/partijen/{partij}/stukken/{sleutel}/{naam}"): "partij",
}

WIE: dict[Recht, str] = {
    "publiek": "iedereen",
    "ingelogd": "iedereen die is ingelogd",
    "redactie": "het secretariaat (secretaris, voorzitter)",
    "beheer": "de beheerder",
    "spoor": "het secretariaat en de beheerder",
    "partij": "het secretariaat en de contactpersoon van deze Partij",
    "inrichten": "het secretariaat en de beheerder",
}


class Geweigerd(HTTPException):
    """The route is not for this person (or for nobody not logged in). An HTTPException, so
    the API's routes answer it as JSON like any other refusal; pages get their own handler."""

    def __init__(self, ingelogd: bool, recht: Recht, wie: str = "") -> None:
        tekst = (
            f"Geen toegang: dit is voor {WIE[recht]}"
            + (f"; u bent ingelogd als {wie}" if wie else "")
            if ingelogd
            else "Inloggen nodig: log eerst in op /inloggen"
        )
        super().__init__(403 if ingelogd else 401, tekst)
        self.ingelogd, self.recht = ingelogd, recht


def recht_van(methode: str, pad: str) -> Recht:
    return TABEL.get(("GET" if methode == "HEAD" else methode, pad), "redactie")


def mag(gebruiker: Gebruiker | None, recht: Recht, partij: str | None = None) -> bool:
    if recht == "publiek":
        return True
    if gebruiker is None:
        return False
    if gebruiker is LOKAAL:  # no accounts: whoever runs it on this computer, as before
        return True
    if recht == "ingelogd":
        return True
    if recht == "beheer":
        return gebruiker.rol == "beheerder"
    if recht in ("spoor", "inrichten"):
        return gebruiker.redacteur or gebruiker.rol == "beheerder"
    if recht == "partij":
        return gebruiker.redacteur or (
            gebruiker.rol == "contactpersoon" and partij is not None and gebruiker.partij == partij
        )
    return gebruiker.redacteur


def routes(items: Iterable[BaseRoute], voorvoegsel: str = "") -> Iterator[tuple[str, Route]]:
    """Every route with its full path, also inside included routers (a router's own prefix
    is part of its routes' path; the prefix given to include_router is not)."""
    for route in items:
        binnen: Any = getattr(route, "original_router", None)
        if binnen is not None:
            extra = getattr(getattr(route, "include_context", None), "prefix", "")
            yield from routes(binnen.routes, voorvoegsel + extra)
        elif isinstance(route, Route):
            yield voorvoegsel + route.path, route


def controleer(request: Request) -> None:
    """The app-wide dependency: refuse before the route's own code runs."""
    route = request.scope.get("route")
    paden: dict[int, str] | None = getattr(request.app.state, "routepaden", None)
    if paden is None:
        paden = request.app.state.routepaden = {id(r): p for p, r in routes(request.app.routes)}
    pad = paden.get(id(route), getattr(route, "path", request.url.path))
    recht = recht_van(request.method, pad)
    gebruiker = gebruiker_van(request)
    if not mag(gebruiker, recht, request.path_params.get("partij")):
        raise Geweigerd(gebruiker is not None, recht, gebruiker.weergave if gebruiker else "")
