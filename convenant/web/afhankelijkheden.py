"""What a route of the workplace depends on: its register, its templates, and how it answers
with a page. FastAPI's larger-application layout: the routers import these from here, and only
`app.py` imports the routers, so the package has no import circle."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Query, Request
from fastapi.responses import HTMLResponse
from pydantic import BeforeValidator, Field

from governance.errors import NietOpgeslagen

from .sjablonen import Sjablonen
from .werkplek import Werkplek

# A year a page can show: the register's years lie well inside; 0, -5 or 99999 in the
# address would otherwise reach the calendar and fail there.
# "alle jaren" in a filter form sends an empty jaar: no year, not an error.
Jaar = Annotated[
    Annotated[int, Field(ge=1900, le=2999)] | None,
    BeforeValidator(lambda waarde: None if waarde == "" else waarde),
    Query(),
]


def sjablonen(request: Request) -> Sjablonen:
    s: Sjablonen = request.app.state.sjablonen
    return s


def werkplek(request: Request) -> Werkplek:
    w: Werkplek = request.app.state.werkplek
    return w


def pagina(request: Request, sjabloon: str, status: int = 200, **context: Any) -> HTMLResponse:
    from .beveiliging import gebruiker_van

    context.setdefault("gebruiker", gebruiker_van(request))
    # the templates ask for the register's convenant at every name they show: once per page
    with werkplek(request).dienst.vastgehouden():
        html = sjablonen(request).render(sjabloon, pad=request.url.path, **context)
    return HTMLResponse(html, status_code=status)


def foutpagina(request: Request, status: int, titel: str, tekst: str) -> HTMLResponse:
    return pagina(request, "fout.html.j2", status, titel=titel, tekst=tekst)


def niet_opgeslagen(fout: NietOpgeslagen) -> str:
    """What a secretaris reads when the disk refused a save (a form shows it above itself)."""
    return (
        f"Niet opgeslagen: {fout.reden}. Er is niets gewijzigd, en wat u invulde staat "
        "hieronder nog. Vraag de beheerder van de map om ruimte of schrijfrechten, en sla dan "
        "opnieuw op."
    )


def opslagstatus(fout: NietOpgeslagen) -> int:
    return 507 if fout.vol else 503  # Insufficient Storage; otherwise the service cannot now
