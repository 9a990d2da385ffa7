"""Logging in through the host organisation's identity provider: OpenID Connect, the
authorization code flow with PKCE (RFC 7636), roles from a claim (governance/sso.py).

authlib makes the PKCE challenge and the random values; the ID token is checked with joserfc
(authlib's JOSE library): signature against the provider's published keys, issuer, audience,
expiry and the nonce of this login. The provider is spoken to with the standard library, so
the workplace needs no HTTP client of its own. What a login needs to remember between the
two requests (state, nonce, verifier) travels in a short-lived signed cookie.
"""

from __future__ import annotations

import json
import os
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from governance.errors import InvoerFout
from governance.sso import SsoInstellingen

from .. import toegang
from .afhankelijkheden import foutpagina, werkplek
from .sessie import sessie_antwoord, terug_pad

router = APIRouter()

SSO_COOKIE = "convenant_sso"
DUUR = 600  # seconds a login at the provider may take
TIJDSLIMIET = 10


class SsoFout(Exception):
    """The provider could not be reached or answered what a login cannot use."""


def instellingen(request: Request) -> SsoInstellingen | None:
    try:
        return werkplek(request).dienst.sso()
    except InvoerFout:
        return None


def _haal(url: str, data: dict[str, str] | None = None) -> dict[str, Any]:
    verzoek = urllib.request.Request(
        url,
        data=urllib.parse.urlencode(data).encode() if data is not None else None,
        headers={"Accept": "application/json"},
    )
    try:
        with urllib.request.urlopen(verzoek, timeout=TIJDSLIMIET) as antwoord:
            gelezen: dict[str, Any] = json.loads(antwoord.read(1_000_000))
            return gelezen
    except (urllib.error.URLError, OSError, ValueError) as e:
        raise SsoFout(f"de inlogdienst van uw organisatie antwoordt niet ({e})") from None


def _configuratie(s: SsoInstellingen) -> dict[str, Any]:
    return _haal(s.uitgever.rstrip("/") + "/.well-known/openid-configuration")


def _terugadres(request: Request) -> str:
    return str(request.url_for("sso_terug"))


@router.get("/inloggen/sso")
def sso_start(request: Request, terug: str = "/") -> Response:
    from authlib.common.security import generate_token
    from authlib.oauth2.rfc7636 import create_s256_code_challenge

    s = instellingen(request)
    if s is None:
        raise HTTPException(
            404, "Inloggen via uw organisatie is voor deze werkplek niet ingesteld."
        )
    try:
        configuratie = _configuratie(s)
    except SsoFout as e:
        return foutpagina(request, 502, "Inloggen lukt nu niet", f"{e}. Probeer het later opnieuw.")
    verifier, state, nonce = generate_token(64), generate_token(32), generate_token(32)
    parameters = {
        "response_type": "code",
        "client_id": s.client_id,
        "redirect_uri": _terugadres(request),
        "scope": "openid profile email",
        "state": state,
        "nonce": nonce,
        "code_challenge": create_s256_code_challenge(verifier),
        "code_challenge_method": "S256",
    }
    antwoord = RedirectResponse(
        f"{configuratie['authorization_endpoint']}?{urllib.parse.urlencode(parameters)}",
        status_code=303,
    )
    register = werkplek(request).register
    inhoud = json.dumps(
        {"state": state, "nonce": nonce, "verifier": verifier, "terug": terug_pad(terug),
         "tot": time.time() + DUUR}
    )  # fmt: skip
    antwoord.set_cookie(
        SSO_COOKIE,
        toegang.onderteken(toegang.geheim(register), inhoud),
        max_age=DUUR,
        httponly=True,
        samesite="lax",  # the provider sends the browser back with a top-level GET
        secure=request.url.scheme == "https",
    )
    return antwoord


def _rol(s: SsoInstellingen, claims: dict[str, Any]) -> tuple[str, str | None] | None:
    waarde = claims.get(s.rol_claim)
    groepen = waarde if isinstance(waarde, list) else [waarde] if isinstance(waarde, str) else []
    for groep, rol in s.rollen.items():
        if groep in groepen:
            soort, _, partij = rol.partition(" ")
            return soort, partij or None
    return None


def _id_token(
    s: SsoInstellingen, configuratie: dict[str, Any], token: str, nonce: str
) -> dict[str, Any]:
    from joserfc import jwt
    from joserfc.errors import JoseError
    from joserfc.jwk import KeySet

    try:
        sleutels = KeySet.import_key_set(_haal(configuratie["jwks_uri"]))  # type: ignore[arg-type]
        gelezen = jwt.decode(token, sleutels)
        jwt.JWTClaimsRegistry(
            iss={"essential": True, "value": s.uitgever},
            aud={"essential": True, "value": s.client_id},
            sub={"essential": True},
            nonce={"essential": True, "value": nonce},
        ).validate(gelezen.claims)
    except (JoseError, ValueError, KeyError) as e:
        raise SsoFout(f"het bewijs van de inlogdienst klopt niet ({type(e).__name__})") from None
    claims: dict[str, Any] = dict(gelezen.claims)
    return claims


@router.get("/inloggen/sso/terug", name="sso_terug")
def ssoterug_pad(request: Request, code: str = "", state: str = "", error: str = "") -> Response:
    s = instellingen(request)
    register = werkplek(request).register
    if s is None:
        raise HTTPException(
            404, "Inloggen via uw organisatie is voor deze werkplek niet ingesteld."
        )
    cookie = request.cookies.get(SSO_COOKIE, "")
    inhoud = toegang.ontcijfer(toegang.geheim(register), cookie) if cookie else None
    bewaard = json.loads(inhoud) if inhoud else None
    import hmac

    if (
        error
        or not code
        or bewaard is None
        or bewaard["tot"] < time.time()
        or not hmac.compare_digest(bewaard["state"], state)
    ):
        return foutpagina(
            request, 400, "Inloggen niet gelukt",
            "De inlogdienst van uw organisatie gaf geen geldige aanmelding terug. Begin opnieuw bij Inloggen.",
        )  # fmt: skip
    try:
        configuratie = _configuratie(s)
        gegevens = {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": _terugadres(request),
            "client_id": s.client_id,
            "code_verifier": bewaard["verifier"],
        }
        if s.geheim_omgeving and (geheim := os.environ.get(s.geheim_omgeving)):
            gegevens["client_secret"] = geheim
        tokens = _haal(configuratie["token_endpoint"], gegevens)
        if "id_token" not in tokens:
            raise SsoFout("de inlogdienst gaf geen bewijs van wie u bent")
        claims = _id_token(s, configuratie, tokens["id_token"], bewaard["nonce"])
    except SsoFout as e:
        return foutpagina(request, 502, "Inloggen niet gelukt", f"{e}. Begin opnieuw bij Inloggen.")
    rol = _rol(s, claims)
    if rol is None:
        return foutpagina(
            request, 403, "Geen toegang",
            "U bent bij uw organisatie aangemeld, maar uw groepen geven geen rol in deze werkplek. "
            "Vraag de beheerder van de werkplek om u een rol te geven.",
        )  # fmt: skip
    naam = str(claims.get("preferred_username") or claims.get("email") or claims["sub"])
    weergave = str(claims.get(s.naam_claim) or naam)
    gebruiker = toegang.extern_account(
        register, f"{claims['iss']}|{claims['sub']}", naam, weergave, rol[0], rol[1]
    )
    doel = bewaard["terug"]
    if doel == "/" and gebruiker.rol == "contactpersoon" and gebruiker.partij:
        doel = f"/partijen/{gebruiker.partij}"
    antwoord = sessie_antwoord(request, gebruiker, doel)
    antwoord.delete_cookie(SSO_COOKIE)
    return antwoord
