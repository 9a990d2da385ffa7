"""Single sign-on (OpenID Connect, code flow with PKCE) against a tiny provider that the test
starts on 127.0.0.1: discovery, authorize, token (which checks the PKCE verifier) and keys."""

from __future__ import annotations

import base64
import hashlib
import secrets
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlparse

import httpx
import pytest
from fastapi import FastAPI, Form, Request
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi.testclient import TestClient

from convenant import toegang
from convenant.web.achtergrond import op_achtergrond
from convenant.web.app import maak_app
from convenant.web.werkplek import Werkplek
from tests.web_hulp import kopieer_register


class Aanbieder:
    """The identity provider: one person per test, with the groups the test gives."""

    def __init__(self) -> None:
        from joserfc.jwk import RSAKey

        self.sleutel = RSAKey.generate_key(2048, parameters={"kid": "proef", "use": "sig"})
        self.codes: dict[str, dict[str, str]] = {}
        self.groepen: list[str] = ["zvhd-secretariaat"]
        self.adres = ""
        self.app = FastAPI()
        self.app.get("/.well-known/openid-configuration")(self.configuratie)
        self.app.get("/authorize")(self.authorize)
        self.app.post("/token")(self.token)
        self.app.get("/jwks")(self.jwks)

    def configuratie(self) -> dict[str, str]:
        return {
            "issuer": self.adres,
            "authorization_endpoint": f"{self.adres}/authorize",
            "token_endpoint": f"{self.adres}/token",
            "jwks_uri": f"{self.adres}/jwks",
        }

    def authorize(self, request: Request) -> RedirectResponse:
        p = request.query_params
        assert p["code_challenge_method"] == "S256"
        code = secrets.token_urlsafe(16)
        self.codes[code] = dict(p)
        terug = f"{p['redirect_uri']}?{urlencode({'code': code, 'state': p['state']})}"
        return RedirectResponse(terug, status_code=302)

    def token(
        self,
        code: str = Form(),
        code_verifier: str = Form(),
        client_id: str = Form(),
        redirect_uri: str = Form(),
    ) -> JSONResponse:
        from joserfc import jwt

        gegeven = self.codes.pop(code, None)
        uitdaging = (
            base64.urlsafe_b64encode(hashlib.sha256(code_verifier.encode()).digest())
            .rstrip(b"=")
            .decode()
        )
        if (
            gegeven is None
            or gegeven["code_challenge"] != uitdaging
            or gegeven["redirect_uri"] != redirect_uri
        ):
            return JSONResponse({"error": "invalid_grant"}, status_code=400)
        nu = int(time.time())
        claims = {
            "iss": self.adres,
            "aud": client_id,
            "sub": "medewerker-17",
            "iat": nu,
            "exp": nu + 300,
            "nonce": gegeven["nonce"],
            "name": "Mira Medewerker",
            "preferred_username": "mira",
            "groups": self.groepen,
        }
        token = jwt.encode({"alg": "RS256", "kid": "proef"}, claims, self.sleutel)
        return JSONResponse({"access_token": "x", "token_type": "Bearer", "id_token": token})

    def jwks(self) -> dict[str, Any]:
        return {"keys": [self.sleutel.as_dict(private=False)]}


@pytest.fixture
def aanbieder() -> Iterator[Aanbieder]:
    a = Aanbieder()
    with op_achtergrond(a.app) as adres:
        a.adres = adres
        yield a


@pytest.fixture
def register(tmp_path: Path, aanbieder: Aanbieder) -> Path:
    r = kopieer_register(tmp_path / "register")
    (r / "sso.yaml").write_text(
        f"uitgever: {aanbieder.adres}\n"
        "client_id: convenant-werkplek\n"
        "rollen:\n"
        "  zvhd-secretariaat: secretaris\n"
        "  partij-assen: contactpersoon assen\n",
        encoding="utf-8",
    )
    toegang.maak_account(r, "beheer", "beheerder", "een-lang-wachtwoord")  # accounts exist
    return r


def _bij_aanbieder(c: TestClient) -> tuple[str, str]:
    """Start at the workplace, pass the provider: (code, state) as the browser comes back."""
    r = c.get("/inloggen/sso")
    assert r.status_code == 303
    naar = r.headers["location"]
    assert parse_qs(urlparse(naar).query)["code_challenge_method"] == ["S256"]
    bij_aanbieder = httpx.get(naar, follow_redirects=False)
    assert bij_aanbieder.status_code == 302
    terug = parse_qs(urlparse(bij_aanbieder.headers["location"]).query)
    return terug["code"][0], terug["state"][0]


def inloggen(c: TestClient, vervalst: bool = False) -> Any:
    code, state = _bij_aanbieder(c)
    if vervalst:
        # a code obtained for another login (another PKCE challenge), brought back with this
        # browser's own state: the provider refuses the verifier this browser holds
        _, state = _bij_aanbieder(c)
    return c.get(f"/inloggen/sso/terug?{urlencode({'code': code, 'state': state})}")


def test_inloggen_via_de_organisatie_met_rol_uit_de_groepen(
    register: Path, aanbieder: Aanbieder
) -> None:
    c = TestClient(maak_app(Werkplek(register)), follow_redirects=False)
    assert "Inloggen via uw organisatie" in c.get("/inloggen").text
    r = inloggen(c)
    assert r.status_code == 303
    assert r.headers["location"] == "/"
    pagina = c.get("/")
    assert pagina.status_code == 200
    assert "Mira Medewerker" in pagina.text
    assert any(a["naam"] == "mira" and a["rol"] == "secretaris" for a in toegang.accounts(register))


def test_contactpersoon_via_de_organisatie(register: Path, aanbieder: Aanbieder) -> None:
    aanbieder.groepen = ["partij-assen"]
    c = TestClient(maak_app(Werkplek(register)), follow_redirects=False)
    r = inloggen(c)
    assert r.headers["location"] == "/partijen/assen"
    assert c.get("/vergaderingen").status_code == 403


def test_zonder_passende_groep_geen_toegang(register: Path, aanbieder: Aanbieder) -> None:
    aanbieder.groepen = ["kantine"]
    c = TestClient(maak_app(Werkplek(register)), follow_redirects=False)
    r = inloggen(c)
    assert r.status_code == 403
    assert "geven geen rol" in r.text
    assert c.get("/vergaderingen").status_code == 303  # still not logged in


def test_een_code_zonder_de_juiste_pkce_sleutel_wordt_geweigerd(
    register: Path, aanbieder: Aanbieder
) -> None:
    c = TestClient(maak_app(Werkplek(register)), follow_redirects=False)
    r = inloggen(c, vervalst=True)
    assert r.status_code == 502
    assert "Inloggen niet gelukt" in r.text
    assert c.get("/vergaderingen").status_code == 303
