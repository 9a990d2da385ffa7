"""The application factory: one FastAPI app on one register, with its routers and guards.

Only this module imports the routers; they take the register, the templates and the page
helpers from `afhankelijkheden`, so no router imports this module (no import circle)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from markupsafe import Markup, escape
from starlette.exceptions import HTTPException as StarletteHTTPException

from governance.errors import ConvenantFout, NietOpgeslagen

from .afhankelijkheden import foutpagina, niet_opgeslagen, opslagstatus
from .beveiliging import (
    KOPPEN,
    Groottegrens,
    Veiligheidskoppen,
    gebruiker_van,
    nieuw_geheim,
    poortwachter,
)
from .probleem import ApiLaag, is_api
from .rechten import Geweigerd, controleer
from .sjablonen import Sjablonen, aanname_titel
from .werkplek import OnbekendeVergadering, Werkplek

STATISCH = Path(__file__).parent / "static"
LOKAAL = frozenset({"127.0.0.1", "localhost", "::1"})


def maak_app(
    werkplek: Werkplek,
    token: str | None = None,
    hosts: frozenset[str] | None = LOKAAL | {"testserver"},
    lokaal_open: bool = True,
) -> FastAPI:
    """The workplace on `werkplek`. `hosts`: the host names it answers to (None: any)."""
    from . import (
        accounts,
        api,
        besluitpagina,
        bezetting,
        convenantpagina,
        documenten,
        inrichten,
        kalender,
        opmaak,
        overzicht,
        partij,
        planning,
        simulatie,
        sso,
        toetreding,
        vergaderingen,
        verzenden,
        zoeken,
    )

    app = FastAPI(
        title="Convenant ZVHD — werkplek",
        docs_url=None,  # the JSON API of issue 15 brings its own documented routes
        redoc_url=None,
        openapi_url=None,
        dependencies=[Depends(controleer)],  # every route checks the role (rechten.py)
    )
    app.state.werkplek = werkplek
    app.state.csrf = nieuw_geheim()
    app.state.sjablonen = Sjablonen(
        {"csrf": app.state.csrf, "register_naam": werkplek.register.name, "gebruiker": None}
    )
    app.state.sjablonen.env.filters.update(opmaak.FILTERS)
    # an aanname is shown by what it is about, never by its id (the id only in a link)
    # through app.state: "Nieuw register" moves the workplace onto another register
    app.state.sjablonen.env.globals["aanname_titel"] = lambda ident: aanname_titel(
        app.state.werkplek.convenant, ident
    )
    app.state.sjablonen.env.globals["naam_van"] = lambda ident: namen(
        app.state.werkplek.convenant
    ).get(ident, ident)
    app.state.sjablonen.env.filters["in_woorden"] = lambda tekst: in_woorden(
        app.state.werkplek.convenant, str(tekst)
    )
    app.middleware("http")(
        poortwachter(token, hosts or frozenset(), werkplek.register, lokaal_open)
    )
    app.add_middleware(Groottegrens)
    # Outside the gate and any size limit, so it turns whatever they (or the routes) answer
    # under /api/ into problem details with the API-Version header; only the security
    # headers go round it.
    app.add_middleware(ApiLaag)
    app.add_middleware(Veiligheidskoppen)  # added last, so outside the gate: refusals get them
    app.mount("/static", StaticFiles(directory=STATISCH), name="static")
    app.include_router(accounts.router)
    app.include_router(sso.router)
    app.include_router(overzicht.router)
    app.include_router(documenten.router)  # before /vergaderingen/{id}/…
    app.include_router(vergaderingen.router)
    app.include_router(planning.router)
    app.include_router(kalender.router)
    app.include_router(besluitpagina.router)
    app.include_router(convenantpagina.router)
    app.include_router(api.router)
    app.include_router(simulatie.router)
    app.include_router(toetreding.router)
    app.include_router(partij.router)
    app.include_router(verzenden.router)
    app.include_router(zoeken.router)
    app.include_router(inrichten.router)
    app.include_router(bezetting.router)

    @app.exception_handler(Geweigerd)
    async def _geweigerd(request: Request, fout: Exception) -> Response:
        assert isinstance(fout, Geweigerd)
        gebruiker = gebruiker_van(request)
        if not fout.ingelogd:
            if request.method == "GET" and not request.url.path.startswith("/api/"):
                from urllib.parse import quote

                terug = quote(
                    request.url.path + (f"?{request.url.query}" if request.url.query else "")
                )
                return RedirectResponse(f"/inloggen?terug={terug}", status_code=303)
            return foutpagina(request, 401, "Inloggen nodig", str(fout.detail))
        if request.url.path == "/" and gebruiker is not None:
            # each role has its own start: a Partij its page, the beheerder the accounts
            if gebruiker.rol == "contactpersoon" and gebruiker.partij:
                return RedirectResponse(f"/partijen/{gebruiker.partij}", status_code=303)
            if gebruiker.rol == "beheerder":
                return RedirectResponse("/beheer/accounts", status_code=303)
        return foutpagina(request, 403, "Geen toegang", f"{fout.detail}.")

    @app.exception_handler(OnbekendeVergadering)
    async def _onbekend(request: Request, fout: Exception) -> Response:
        return foutpagina(
            request, 404, "Niet gevonden", f"Er is geen vergadering '{fout}' in dit register."
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, fout: Exception) -> Response:
        assert isinstance(fout, StarletteHTTPException)
        if is_api(request.url.path):
            return api_fout(request, fout.status_code)
        titel = {404: "Niet gevonden", 405: "Niet toegestaan"}.get(fout.status_code, "Fout")
        eigen = isinstance(fout.detail, str) and fout.detail not in (
            "Not Found",
            "Method Not Allowed",
        )
        tekst = str(fout.detail) if eigen else ""
        return foutpagina(request, fout.status_code, titel, tekst or "Deze pagina bestaat niet.")

    @app.exception_handler(RequestValidationError)
    async def _ongeldig(request: Request, fout: Exception) -> Response:
        # a page's query parameter (/?jaar=abc); the API answers its own (api.py)
        assert isinstance(fout, RequestValidationError)
        return foutpagina(
            request,
            422,
            "Kan niet verder",
            "\n".join(_ongeldige_waarde(f) for f in fout.errors())
            + "\nPas het adres aan, of kies opnieuw op de pagina.",
        )

    @app.exception_handler(NietOpgeslagen)
    async def _niet_opgeslagen(request: Request, fout: Exception) -> Response:
        assert isinstance(fout, NietOpgeslagen)
        return foutpagina(request, opslagstatus(fout), "Niet opgeslagen", niet_opgeslagen(fout))

    @app.exception_handler(ConvenantFout)
    async def _convenant(request: Request, fout: Exception) -> Response:
        assert isinstance(fout, ConvenantFout)
        return foutpagina(request, 422, "Kan niet verder", fout.voor_gebruiker())

    @app.exception_handler(Exception)
    async def _intern(request: Request, fout: Exception) -> Response:
        # answered outside every middleware (Starlette's error layer), so the headers here
        if is_api(request.url.path):
            antwoord = api_fout(request, 500, type(fout).__name__)
            antwoord.headers.update({k.decode(): w.decode() for k, w in KOPPEN})
            return antwoord
        antwoord = foutpagina(
            request,
            500,
            "Interne fout",
            f"Er ging iets mis in het programma ({type(fout).__name__}); uw bestanden zijn niet "
            "gewijzigd. Meld wat u deed en deze melding.",
        )
        antwoord.headers.update({k.decode(): w.decode() for k, w in KOPPEN})
        return antwoord

    return app


def api_fout(request: Request, status: int, oorzaak: str = "") -> Response:
    """An unknown path or method, or a crash, under /api/: problem details, not a page."""
    from fastapi.responses import JSONResponse

    from .probleem import API_PAD, PROBLEEM, probleem

    detail = {
        404: f"er is geen verzoek {request.url.path}; zie {API_PAD}/openapi.json voor wat de "
        "API kent",
        405: f"{request.url.path} kent de methode {request.method} niet; zie "
        f"{API_PAD}/openapi.json",
        500: f"er ging iets mis in het programma ({oorzaak}); er is niets gewijzigd. Meld wat "
        "u verstuurde en deze melding.",
    }.get(status, f"HTTP {status}")
    return JSONResponse(probleem(status, detail), status, media_type=PROBLEEM)


# `namen` per convenant object (they do not change): the convenant page asks it hundreds of
# times, and each answer worked out every finding's title again (issue 26, `make fuzz`).
_NAMEN: dict[int, tuple[Any, dict[str, str]]] = {}


def namen(c: Any) -> dict[str, str]:
    """Every id a text may name, by the name a reader knows (a soort by its name, a finding by
    its title). Shared between callers: read it, do not change it."""
    bewaard = _NAMEN.get(id(c))
    if bewaard is not None and bewaard[0] is c:
        return bewaard[1]
    uit = _namen(c)
    if len(_NAMEN) >= 8:
        _NAMEN.pop(next(iter(_NAMEN)), None)
    _NAMEN[id(c)] = (c, uit)  # the object is kept with its entry: its id is never reused
    return uit


def _namen(c: Any) -> dict[str, str]:
    uit: dict[str, str] = {p.id: p.naam for p in c.partijen}
    uit |= {o.id: o.naam for o in c.organen}
    uit |= {r.id: r.naam for r in c.rollen}
    uit |= {s.id: s.naam for s in c.soorten}
    uit |= {b.id: aanname_titel(c, b.id) for b in c.bevindingen}
    for s in c.soorten:
        uit |= {v.id: v.omschrijving for v in s.vereisten if v.id not in uit}
    return uit


_GECITEERD = re.compile(r"(?:soort |zie |aanname )?'([a-z][a-z0-9]*_[a-z0-9_]+)'")
# The register's own files, as a secretaris knows them; any other file a text names (the
# jurist's convenant.yaml, a key in it) is the program's business: its sentence goes into a
# "technische details" disclosure.
_REGISTERBESTANDEN = {
    "bezetting.yaml": "de bezetting van het register",
    "lezingen.yaml": "de vastgestelde lezingen van het register",
}
_BESTAND = re.compile(r"\b[\w./-]+\.ya?ml\b")
_ZIN = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"'(])")


def in_woorden(c: Any, tekst: str) -> Markup:
    """A text of convenant.yaml with the ids it quotes replaced by their names, the register's
    files by what they hold, and a sentence about another file set apart as technical."""
    bekend = namen(c)

    def vervang(m: re.Match[str]) -> str:
        naam = bekend.get(m.group(1))
        return f"“{naam}”" if naam else m.group(0)

    for bestand, woorden in _REGISTERBESTANDEN.items():
        tekst = tekst.replace(bestand, woorden)
    zichtbaar: list[str] = []
    technisch: list[str] = []
    for zin in _ZIN.split(tekst.strip()):
        (technisch if _BESTAND.search(zin) else zichtbaar).append(zin)
    uit = escape(_GECITEERD.sub(vervang, " ".join(zichtbaar)))
    if technisch:
        uit += Markup(
            ' <details class="klein"><summary>Technische details</summary>{}</details>'
        ).format(" ".join(technisch))
    return Markup(uit)


def _ongeldige_waarde(fout: Any) -> str:
    """One of FastAPI's validation errors for a page, in Dutch: the field, the value, the rule."""
    from governance.errors import echo

    veld = str(fout.get("loc", ("", "?"))[-1])
    ctx = fout.get("ctx") or {}
    regel = {
        "int_parsing": "is geen geheel getal",
        "greater_than_equal": f"moet minstens {ctx.get('ge')} zijn",
        "less_than_equal": f"mag hoogstens {ctx.get('le')} zijn",
    }.get(str(fout.get("type")), "past hier niet")
    return f"'{echo(fout.get('input'))}' voor {veld} {regel}."
