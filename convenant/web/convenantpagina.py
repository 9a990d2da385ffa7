"""Convenant: per article its title, the rules that cite it, and the findings on it.

The convenant's own text is not part of the project. Where the user starts the workplace
with `--tekst PAD` (their copy of it), each article shows its text beside the rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel

from governance.artikelen import ontleed
from governance.models import Bevinding, Convenant
from governance.verwijzingen import verwijzingen

from .afhankelijkheden import pagina, werkplek
from .lezingen import lezingen_in_register

router = APIRouter()


@dataclass
class Regel:
    """A place in convenant.yaml that cites an article: what it says, and where it is."""

    waar: str
    wat: str
    verwijzing: str


@dataclass
class Artikel:
    anker: str
    kop: str
    titel: str
    regels: list[Regel] = field(default_factory=list)
    bevindingen: list[Bevinding] = field(default_factory=list)
    tekst: str = ""


def _omschrijving(obj: Any) -> str:
    for veld in ("omschrijving", "naam", "uitleg", "titel", "tekst"):
        waarde = getattr(obj, veld, None)
        if isinstance(waarde, str) and waarde:
            return waarde
    return ""


def _regel(c: Convenant, loc: tuple[int | str, ...], verwijzing: str) -> Regel:
    """Describe the object that holds the citation by its own words, with a readable path."""
    obj: Any = c
    beschrijving = ""
    delen: list[str] = []
    for deel in loc:
        if isinstance(deel, int):
            obj = obj[deel]
            ident = getattr(obj, "id", None)
            delen[-1] += f"[{ident if ident else deel}]"
        elif isinstance(obj, BaseModel):
            obj = getattr(obj, deel)
            delen.append(deel)
        elif isinstance(obj, dict):
            obj = obj[deel]
            delen.append(str(deel))
        else:
            break
        if isinstance(obj, BaseModel) and (tekst := _omschrijving(obj)):
            beschrijving = tekst
    pad = ".".join(d for d in delen if not d.startswith("artikelen"))
    return Regel(pad, beschrijving, verwijzing)


# The parts before article 1, which findings and rules cite too ("Ondergetekenden").
_AANHEF = {
    "Ondergetekenden": "Wie het convenant tekenden",
    "Overwegingen": "Waarom de Partijen samenwerken",
}


def _sleutel(verwijzing: str) -> str | None:
    ref = ontleed(verwijzing)
    if ref.artikel is not None:
        return f"artikel-{ref.artikel}"
    if ref.bijlage is not None:
        return f"bijlage-{ref.bijlage}"
    if ref.sectie in _AANHEF:
        return ref.sectie.lower()
    return None


def _teksten(pad: Path | None) -> dict[str, str]:
    """The user's copy of the convenant cut at its headings 'Artikel N. …' and 'Bijlage N: …'."""
    if pad is None:
        return {}
    try:
        regels = pad.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return {}
    uit: dict[str, list[str]] = {}
    huidig: str | None = None
    for regel in regels:
        # a heading has no full stop at its end; a sentence that starts "Artikel 16. …" does
        if kop := re.match(r"^Artikel (\d+)\. (.+[^.])$", regel):
            huidig = f"artikel-{kop.group(1)}"
            if huidig in uit:
                huidig = None  # the table of contents came first; keep the body
            else:
                uit[huidig] = []
            continue
        if kop := re.match(r"^\|?\s*Bijlage (\d)\s*:", regel):
            huidig = f"bijlage-{kop.group(1)}"
            uit.setdefault(huidig, [])
            continue
        if huidig is not None:
            uit[huidig].append(regel)
    return {k: "\n".join(v).strip() for k, v in uit.items()}


def artikelen(c: Convenant, tekst: Path | None) -> list[Artikel]:
    # every finding has a card to link to, also one on the parts before article 1
    lijst = [Artikel(sectie.lower(), sectie, titel) for sectie, titel in _AANHEF.items()]
    lijst += [
        Artikel(f"artikel-{a.nummer}", f"Artikel {a.nummer}", a.titel) for a in c.index.artikelen
    ]
    lijst += [
        Artikel(f"bijlage-{b.nummer}", f"Bijlage {b.nummer}", b.titel) for b in c.index.bijlagen
    ]
    per_anker = {a.anker: a for a in lijst}
    for loc, soort, waarde, _ in verwijzingen(c):
        if soort != "artikel" or loc[:1] in (("index",), ("bevindingen",)):
            continue
        sleutel = _sleutel(waarde)
        if sleutel in per_anker:
            per_anker[sleutel].regels.append(_regel(c, loc, waarde))
    for b in c.bevindingen:
        for sleutel in dict.fromkeys(filter(None, map(_sleutel, b.artikelen))):
            if sleutel in per_anker:
                per_anker[sleutel].bevindingen.append(b)
    for sleutel, inhoud in _teksten(tekst).items():
        if sleutel in per_anker:
            per_anker[sleutel].tekst = inhoud
    return lijst


@router.get("/convenant", response_class=HTMLResponse)
def convenant(request: Request) -> Response:
    w = werkplek(request)
    c = w.convenant
    return pagina(
        request,
        "convenant.html.j2",
        titel="Convenant",
        c=c,
        artikelen=artikelen(c, w.tekst_pad),
        met_tekst=w.tekst_pad is not None,
        lezingen=lezingen_in_register(w),
    )
