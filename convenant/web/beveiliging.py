"""Who may use the workplace, and that a form was sent from one of its own pages.

- Token: when one is set (always, off localhost), every request carries it: as a cookie that
  the first visit with `?token=` sets, or as `Authorization: Bearer`. Compared in constant time.
- Host: only the names the server was started for, so a web page elsewhere cannot reach the
  workplace through a DNS name that points at 127.0.0.1 (DNS rebinding).
- CSRF: every form carries a secret of this server process; a POST without it is refused.
  A page on another site cannot read that secret, so it cannot forge the form.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Awaitable, Callable
from urllib.parse import parse_qsl, urlencode

from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response

TOKEN_COOKIE = "convenant_token"
CSRF_VELD = "csrf"
CSRF_KOP = "X-CSRF-Token"

Volgende = Callable[[Request], Awaitable[Response]]


def nieuw_geheim() -> str:
    return secrets.token_urlsafe(32)


def gelijk(a: str | None, b: str) -> bool:
    return a is not None and hmac.compare_digest(a.encode(), b.encode())


def poortwachter(
    token: str | None, hosts: frozenset[str]
) -> Callable[[Request, Volgende], Awaitable[Response]]:
    async def controleer(request: Request, volgende: Volgende) -> Response:
        host = (request.headers.get("host") or "").rsplit(":", 1)[0].strip("[]").lower()
        if hosts and host not in hosts:
            return PlainTextResponse(
                f"Onbekende hostnaam '{host}'. Open de werkplek via het adres dat "
                "'convenant web' bij het starten noemde.",
                status_code=400,
            )
        if token is None:
            return await volgende(request)
        uit_url = request.query_params.get("token")
        if gelijk(uit_url, token):
            # Remember the token in a cookie and take it out of the address bar and history.
            rest = [(k, v) for k, v in parse_qsl(request.url.query) if k != "token"]
            doel = request.url.path + (f"?{urlencode(rest)}" if rest else "")
            antwoord = RedirectResponse(doel, status_code=303)
            antwoord.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict")
            return antwoord
        kop = request.headers.get("authorization", "")
        drager = kop[7:] if kop.lower().startswith("bearer ") else None
        if gelijk(request.cookies.get(TOKEN_COOKIE), token) or gelijk(drager, token):
            return await volgende(request)
        return PlainTextResponse(
            "Toegang geweigerd: deze werkplek vraagt het toegangstoken. Open het adres met "
            "?token=… zoals 'convenant web' het bij het starten noemde.",
            status_code=401,
        )

    return controleer
