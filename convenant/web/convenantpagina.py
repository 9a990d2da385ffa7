"""Convenant: per article its title, the rules that cite it, and the findings on it."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from .app import pagina

router = APIRouter()


@router.get("/convenant", response_class=HTMLResponse)
def convenant(request: Request) -> Response:
    return pagina(request, "convenant.html.j2", titel="Convenant")
