"""Who may use the workplace, and that a form was sent from one of its own pages.

- Accounts (issue 23): once the register has accounts, a request is made by the person of its
  session cookie (convenant/toegang.py) or by a script with the shared token as
  `Authorization: Bearer`; anyone else is anonymous and sees only the login page. Which role
  may use which route is decided per route (rechten.py), not here.
- Token, for a register without accounts: when one is set (always, off localhost), every request carries it: as a cookie that
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
import re
import secrets
from collections.abc import Awaitable, Callable
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from governance import opslag
from governance.errors import zichtbaar

from .. import toegang

TOKEN_COOKIE = "convenant_token"
SESSIE_COOKIE = "convenant_sessie"
CSRF_VELD = "csrf"
CSRF_KOP = "X-CSRF-Token"

Volgende = Callable[[Request], Awaitable[Response]]

# The calendar feed's secret address (kalender.py): the one path the gate lets through without
# a token or a login; its route compares the key in constant time and serves only the feed.
GEHEIM_PAD = re.compile(r"^/agenda/[A-Za-z0-9_-]{20,100}\.ics$")


def nieuw_geheim() -> str:
    return secrets.token_urlsafe(32)


def gelijk(a: str | None, b: str) -> bool:
    return a is not None and hmac.compare_digest(a.encode(), b.encode())


def gebruiker_van(request: Request) -> toegang.Gebruiker | None:
    gebruiker: toegang.Gebruiker | None = getattr(request.state, "gebruiker", None)
    return gebruiker


def poortwachter(
    token: str | None, hosts: frozenset[str], register: Path, lokaal_open: bool = True
) -> Callable[[Request, Volgende], Awaitable[Response]]:
    """`lokaal_open`: without accounts and token, whoever reaches it is this computer's user
    (as `make run`); False behind a reverse proxy, where that would be anyone."""

    async def met_gebruiker(
        request: Request, volgende: Volgende, wie: toegang.Gebruiker | None
    ) -> Response:
        request.state.gebruiker = wie
        # every save made while answering this request goes into the trail under this person
        vorig = opslag.waarnemer.set(spoor_van(wie) if wie is not None else None)
        try:
            return await volgende(request)
        finally:
            opslag.waarnemer.reset(vorig)

    async def controleer(request: Request, volgende: Volgende) -> Response:
        host = (request.headers.get("host") or "").rsplit(":", 1)[0].strip("[]").lower()
        if hosts and host not in hosts:
            return PlainTextResponse(
                f"Onbekende hostnaam '{host}'. Open de werkplek via het adres dat "
                "'convenant web' bij het starten noemde.",
                status_code=400,
            )
        if request.method in ("GET", "HEAD") and GEHEIM_PAD.match(request.url.path):
            # the calendar feed's secret address: its route checks the key in constant time
            # and answers only the feed; nobody is signed in by it (kalender.py)
            return await met_gebruiker(request, volgende, None)
        kop = request.headers.get("authorization", "")
        drager = kop[7:] if kop.lower().startswith("bearer ") else None
        if toegang.heeft_accounts(register):
            if token is not None and gelijk(drager, token):
                return await met_gebruiker(request, volgende, toegang.SCRIPT)
            return await met_gebruiker(request, volgende, sessiegebruiker(request, register))
        if token is None:
            wie = toegang.LOKAAL if lokaal_open else None
            return await met_gebruiker(request, volgende, wie)
        uit_url = request.query_params.get("token")
        if gelijk(uit_url, token):
            # Remember the token in a cookie and take it out of the address bar and history.
            rest = [(k, v) for k, v in parse_qsl(request.url.query) if k != "token"]
            doel = request.url.path + (f"?{urlencode(rest)}" if rest else "")
            antwoord = RedirectResponse(doel, status_code=303)
            antwoord.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict")
            return antwoord
        if gelijk(request.cookies.get(TOKEN_COOKIE), token) or gelijk(drager, token):
            return await met_gebruiker(request, volgende, toegang.LOKAAL)
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


# --- the size of what comes in --------------------------------------------------------------------

# The largest body any route takes: a file of the loader's limit (2 MB) with a form around it.
MAX_VERZOEK = 2 * 1024 * 1024 + 100_000
# A form's fields, sized to that cap: a field of the meeting form (`b12-stem-sg_assen=voor&`)
# is some 25 bytes or more, so a form under the cap stays under this; 30 besluiten are 1,236.
MAX_VELDEN = MAX_VERZOEK // 100
TE_GROOT = f"Het verzoek is groter dan {MAX_VERZOEK // (1024 * 1024)} MB; zo groot is geen formulier of bestand van de werkplek."
# A page's form with a file over the cap still comes back with its message at the file field
# and the typed text kept: for that, a multipart form of a page up to this size is read to
# its end, its text fields kept and the file's bytes counted and dropped (never stored, never
# held). Beyond it the plain 413 above, as for every other request over the cap.
MAX_AFVAL = 64 * 1024 * 1024
RUIM = "convenant.ruim"  # in the scope: this request may be read past the cap, bytes dropped


class _TeGroot(Exception):
    pass


class Groottegrens:
    """ASGI middleware: a body larger than `MAX_VERZOEK` is refused with 413 while it is read.

    A declared Content-Length over the cap is refused before reading anything; a chunked body
    is counted chunk by chunk, and the first chunk over the cap ends the request. Whatever the
    route makes of that (an error of its own), the answer is the 413.
    """

    def __init__(self, app: ASGIApp, maximum: int = MAX_VERZOEK) -> None:
        self.app, self.maximum = app, maximum

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        koppen = dict(scope.get("headers", []))
        lengte = koppen.get(b"content-length", b"")
        ruim = _ruim_toegestaan(scope, koppen)
        if lengte.isdigit() and int(lengte) > (MAX_AFVAL if ruim else self.maximum):
            await self._weiger(send)
            return
        # lees_formulier opens it (the list's one element) once it drops what is over the cap
        scope[RUIM] = [False]
        gelezen = 0
        overschreden = beantwoord = False

        async def ontvang() -> Message:
            nonlocal gelezen, overschreden
            bericht = await receive()
            if bericht["type"] == "http.request":
                gelezen += len(bericht.get("body", b""))
                if gelezen > (MAX_AFVAL if ruim and scope[RUIM][0] else self.maximum):
                    overschreden = True
                    raise _TeGroot
            return bericht

        async def stuur(bericht: Message) -> None:
            nonlocal beantwoord
            if overschreden:  # the route's own answer to the broken-off body is replaced
                if not beantwoord:
                    beantwoord = True
                    await self._weiger(send)
                return
            await send(bericht)

        try:
            await self.app(scope, ontvang, stuur)
        except _TeGroot:
            if not beantwoord:
                beantwoord = True
                await self._weiger(send)
        except BaseExceptionGroup as groep:
            # a middleware reading the body in a task group (Starlette's BaseHTTPMiddleware)
            # hands the refusal on wrapped in a group
            _, rest = groep.split(_TeGroot)
            if rest is not None:
                raise rest from None
            if not beantwoord:
                beantwoord = True
                await self._weiger(send)

    async def _weiger(self, send: Send) -> None:
        # plain text: under /api/ the API layer around this one makes it problem details
        await PlainTextResponse(TE_GROOT, status_code=413)({"type": "http"}, _niets, send)


async def _niets() -> Message:
    return {"type": "http.disconnect"}


def _ruim_toegestaan(scope: Scope, koppen: dict[bytes, bytes]) -> bool:
    """A page's multipart form (the API keeps its own strict cap), with a declared length."""
    soort = koppen.get(b"content-type", b"").partition(b";")[0].strip().lower()
    return (
        scope.get("method") == "POST"
        and soort == b"multipart/form-data"
        and koppen.get(b"content-length", b"").isdigit()
        and not str(scope.get("path", "")).startswith("/api/")
    )


def te_groot(upload: UploadFile, maximum: int) -> bool:
    """Whether an uploaded file is over `maximum` bytes: one that lees_formulier dropped (its
    size known, its bytes gone), or one read in full."""
    if upload.size is not None:
        return upload.size > maximum
    inhoud = upload.file.read(maximum + 1)
    upload.file.seek(0)
    return len(inhoud) > maximum


async def _zonder_bestanden(request: Request) -> FormData:
    """A multipart form over the cap: its text fields, and each file as its name and size
    only (its bytes counted and dropped), so the page can say at the field how large it was."""
    import io

    from python_multipart.multipart import MultipartParser, parse_options_header
    from starlette.datastructures import Headers

    _, opties = parse_options_header(request.headers.get("content-type", ""))
    grens = opties.get(b"boundary")
    if not grens:
        raise HTTPException(
            400, "Het formulier kwam onvolledig of beschadigd aan. Verstuur het opnieuw."
        )
    velden: list[tuple[str, str | UploadFile]] = []
    kop: list[bytes] = [b"", b""]
    koppen: dict[bytes, bytes] = {}
    deel: dict[str, object] = {}
    tekst = bytearray()

    def kopveld(data: bytes, begin: int, eind: int) -> None:
        kop[0] += data[begin:eind]

    def kopwaarde(data: bytes, begin: int, eind: int) -> None:
        kop[1] += data[begin:eind]

    def kop_klaar() -> None:
        koppen[kop[0].lower()] = kop[1]
        kop[0] = kop[1] = b""

    def koppen_klaar() -> None:
        _, o = parse_options_header(koppen.get(b"content-disposition", b""))
        deel.clear()
        deel["naam"] = o.get(b"name", b"").decode("utf-8", "replace")
        if b"filename" in o:
            deel["bestand"] = o[b"filename"].decode("utf-8", "replace")
            deel["soort"] = koppen.get(b"content-type", b"application/octet-stream").decode(
                "latin-1"
            )
        deel["grootte"] = 0
        tekst.clear()

    def data(data: bytes, begin: int, eind: int) -> None:
        deel["grootte"] = int(str(deel["grootte"])) + eind - begin
        if "bestand" not in deel:
            if len(tekst) + eind - begin > 100_000:  # no text field of a page is this long
                raise HTTPException(413, "Het formulier is te groot.")
            tekst.extend(data[begin:eind])

    def deel_klaar() -> None:
        naam = str(deel["naam"])
        if "bestand" in deel:
            velden.append(
                (
                    naam,
                    UploadFile(
                        io.BytesIO(),
                        size=int(str(deel["grootte"])),
                        filename=str(deel["bestand"]),
                        headers=Headers({"content-type": str(deel["soort"])}),
                    ),
                )
            )
        else:
            velden.append((naam, tekst.decode("utf-8", "replace")))
        if len(velden) > MAX_VELDEN:
            raise HTTPException(413, "Het formulier is te groot.")
        koppen.clear()

    lezer = MultipartParser(
        grens,
        {
            "on_header_field": kopveld,
            "on_header_value": kopwaarde,
            "on_header_end": kop_klaar,
            "on_headers_finished": koppen_klaar,
            "on_part_data": data,
            "on_part_end": deel_klaar,
        },
    )
    request.scope[RUIM][0] = True
    try:
        async for stuk in request.stream():
            lezer.write(stuk)
        lezer.finalize()
    except HTTPException:
        raise
    except Exception:
        raise HTTPException(
            400, "Het formulier kwam onvolledig of beschadigd aan. Verstuur het opnieuw."
        ) from None
    return FormData(velden)


async def lees_formulier(request: Request, maximum: int) -> FormData:
    """The posted form (urlencoded or multipart), after checking that it came from a page of
    this workplace (CSRF). Starlette's English refusals become Dutch ones."""
    lengte = int(request.headers.get("content-length") or 0)
    if (
        lengte > min(maximum, MAX_VERZOEK)
        and request.scope.get(RUIM) is not None
        and _ruim_toegestaan(request.scope, dict(request.scope.get("headers", [])))
    ):
        return _gecontroleerd(request, await _zonder_bestanden(request))
    if lengte > maximum:
        raise HTTPException(413, "Het formulier is te groot.")
    te_veel = (
        f"Het formulier heeft meer dan {MAX_VELDEN:,} velden; zoveel heeft geen vergadering of "
        "begroting. Verdeel de besluiten over meer vergaderingen, of meld dit als het een "
        "gewone vergadering is."
    ).replace(",", ".")
    soort = request.headers.get("content-type", "").partition(";")[0].strip().lower()
    if soort == "application/x-www-form-urlencoded":
        # Decoded as Starlette's parser decodes it, in a tenth of its time: a meeting form has
        # hundreds of fields, and the live verdict posts it at every change (issue 26).
        try:
            velden: list[tuple[str, str | UploadFile]] = [
                *parse_qsl(
                    (await request.body()).decode("latin-1"),
                    keep_blank_values=True,
                    max_num_fields=MAX_VELDEN,
                )
            ]
        except ValueError:
            raise HTTPException(413, te_veel) from None
        return _gecontroleerd(request, FormData(velden))
    try:
        form = await request.form(max_fields=MAX_VELDEN, max_files=10, max_part_size=MAX_VERZOEK)
    except HTTPException as e:
        if e.status_code != 400:
            raise
        detail = str(e.detail)
        if "fields" in detail:
            raise HTTPException(413, te_veel) from None
        if "files" in detail or "size" in detail:
            raise HTTPException(413, "Het formulier of een bestand erin is te groot.") from None
        raise HTTPException(
            400, "Het formulier kwam onvolledig of beschadigd aan. Verstuur het opnieuw."
        ) from None
    return _gecontroleerd(request, form)


def _gecontroleerd(request: Request, form: FormData) -> FormData:
    gegeven = request.headers.get(CSRF_KOP) or form.get(CSRF_VELD)
    if not gelijk(gegeven if isinstance(gegeven, str) else None, request.app.state.csrf):
        raise HTTPException(
            403,
            "Dit formulier komt niet van een pagina van deze werkplek (of de werkplek is "
            "opnieuw gestart). Open de pagina opnieuw en probeer het nog eens.",
        )
    return _zichtbaar(form)


def _zichtbaar(form: FormData) -> FormData:
    """The form with its text as a person typed it: line breaks as \\n (a browser sends \\r\\n),
    and a control character (ESC, NUL, pasted from a terminal) written out visibly, so the form
    is not refused and nothing invisible reaches a file."""
    return FormData(
        [
            (k, zichtbaar(v.replace("\r\n", "\n")) if isinstance(v, str) else v)
            for k, v in form.multi_items()
        ]
    )


def spoor_van(wie: toegang.Gebruiker) -> opslag.Waarnemer:
    from ..spoor import bij_opslaan

    melden: opslag.Waarnemer = bij_opslaan(wie)
    return melden


def sessiegebruiker(request: Request, register: Path) -> toegang.Gebruiker | None:
    cookie = request.cookies.get(SESSIE_COOKIE)
    if not cookie:
        return None
    sleutel = toegang.ontcijfer(toegang.geheim(register), cookie)
    return toegang.sessie(register, sleutel) if sleutel else None
