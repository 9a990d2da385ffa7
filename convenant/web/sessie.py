"""Starting a session after a login, by password or by single sign-on alike.

Its own module because both routers need it and neither should import the other."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import RedirectResponse, Response

from .. import spoor, toegang
from .afhankelijkheden import werkplek
from .beveiliging import SESSIE_COOKIE


def terug_pad(waarde: str) -> str:
    """Only a path of this workplace, so the login cannot send anyone to another site."""
    return waarde if waarde.startswith("/") and not waarde.startswith("//") else "/"


def sessie_antwoord(request: Request, gebruiker: toegang.Gebruiker, doel: str) -> Response:
    register = werkplek(request).register
    sleutel = toegang.nieuwe_sessie(register, gebruiker)
    antwoord = RedirectResponse(doel, status_code=303)
    antwoord.set_cookie(
        SESSIE_COOKIE,
        toegang.onderteken(toegang.geheim(register), sleutel),
        max_age=int(toegang.SESSIEDUUR.total_seconds()),
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
    )
    spoor.schrijf(register, gebruiker, "inloggen", f"{gebruiker.weergave} is ingelogd")
    return antwoord
