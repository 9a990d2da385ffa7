"""Who may use the workplace, and that a form was sent from one of its own pages.

- Token: when one is set (always, off localhost), every request carries it: as a cookie that
  the first visit with `?token=` sets, or as `Authorization: Bearer`. Compared in constant time.
- Host: only the names the server was started for, so a web page elsewhere cannot reach the
  workplace through a DNS name that points at 127.0.0.1 (DNS rebinding).
- CSRF: every form carries a secret of this server process; a POST without it is refused.
  A page on another site cannot read that secret, so it cannot forge the form.
- Headers on every answer: no other site may frame a page (the history page has a one-click
  restore), scripts come only from the workplace itself, and no address leaks to other sites.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Awaitable, Callable
from urllib.parse import parse_qsl, urlencode

from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

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


# Styles may be inline: the documents carry the house style in a <style> element and some pages
# a style attribute; a style cannot run code. Images may be data: URLs (the logo in a
# document). Scripts only from /static (htmx, with eval off), never inline.
BELEID = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'self'"
)
KOPPEN = [
    (b"content-security-policy", BELEID.encode()),
    (b"x-frame-options", b"SAMEORIGIN"),  # for browsers that do not know frame-ancestors
    (b"referrer-policy", b"no-referrer"),
    (b"x-content-type-options", b"nosniff"),
]


class Veiligheidskoppen:
    """ASGI middleware that puts `KOPPEN` on every HTTP answer, also on refusals and errors
    (plain ASGI rather than BaseHTTPMiddleware: it does not buffer a streamed answer)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def met_koppen(bericht: Message) -> None:
            if bericht["type"] == "http.response.start":
                eigen = {k.lower() for k, _ in bericht.get("headers", [])}
                bericht["headers"] = [
                    *bericht.get("headers", []),
                    *((k, w) for k, w in KOPPEN if k not in eigen),
                ]
            await send(bericht)

        await self.app(scope, receive, met_koppen)
