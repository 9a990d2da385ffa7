"""Vergaderingen: the meetings of the register per orgaan and year, each with its verdicts."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from .app import pagina, werkplek
from .werkplek import beoordeel

router = APIRouter()


@router.get("/vergaderingen", response_class=HTMLResponse)
def lijst(request: Request) -> Response:
    w = werkplek(request)
    gehouden, kapot = beoordeel(w)
    return pagina(
        request,
        "vergaderingen.html.j2",
        titel="Vergaderingen",
        gehouden=sorted(gehouden, key=lambda g: g.vergadering.datum, reverse=True),
        kapot=kapot,
        orgaannaam={o.id: o.naam for o in w.convenant.organen},
    )
