"""The archive: every besluit of the register, found by words, orgaan, soort, year and verdict
(issue 22, "Overview, calendar and archive"). A GET form, so a search is a link and works
without JavaScript; each result links to the besluit on its meeting page."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from governance.vergadering import Besluit, Vergadering
from rules.jaaroverzicht import zonder_casus
from rules.oordeel import Oordeel

from .afhankelijkheden import Jaar, pagina, werkplek
from .werkplek import beoordeel

router = APIRouter()

OORDELEN = ("aangenomen", "verworpen", "aangehouden", "escaleren", "ongeldig")


@dataclass(frozen=True)
class Vondst:
    vergadering_id: str
    vergadering: Vergadering
    volgnummer: int  # the besluit's place on its meeting page (its anchor there)
    besluit: Besluit | None
    oordeel: Oordeel


def _plat(tekst: str) -> str:
    """Lower case without accents: 'beëindiging' is found by 'beeindiging' too."""
    zonder = unicodedata.normalize("NFKD", tekst)
    return "".join(t for t in zonder if not unicodedata.combining(t)).casefold()


def zoek(
    vondsten: list[Vondst],
    woorden: str = "",
    orgaan: str = "",
    soort: str = "",
    jaar: int | None = None,
    oordeel: str = "",
) -> list[Vondst]:
    """The besluiten that hold every word (in number, onderwerp, text or toelichting) and
    match each chosen filter; newest meeting first."""
    gezocht = [_plat(w) for w in re.findall(r"\S+", woorden)]

    def past(v: Vondst) -> bool:
        b = v.besluit
        tekst = _plat(
            " ".join(
                [v.oordeel.id, v.oordeel.onderwerp]
                + ([b.tekst or "", b.toelichting or ""] if b is not None else [])
            )
        )
        return (
            all(w in tekst for w in gezocht)
            and (not orgaan or v.vergadering.orgaan == orgaan)
            and (not soort or v.oordeel.soort == soort)
            and (jaar is None or v.vergadering.datum.year == jaar)
            and (not oordeel or v.oordeel.oordeel == oordeel)
        )

    return sorted(
        (v for v in vondsten if past(v)),
        key=lambda v: (v.vergadering.datum, v.vergadering_id, -v.volgnummer),
        reverse=True,
    )


@router.get("/besluiten", response_class=HTMLResponse)
def archief(
    request: Request,
    woorden: str = "",
    orgaan: str = "",
    soort: str = "",
    jaar: Jaar = None,
    oordeel: str = "",
) -> Response:
    w = werkplek(request)
    c = w.convenant
    gehouden, kapot = beoordeel(w)
    vondsten: list[Vondst] = []
    for g in gehouden:
        # an archive is read as the overview is: what a besluit about a case was about is not
        # shown, so its own words cannot find it either (4.7)
        verborgen = zonder_casus(c, g)
        besluiten = {b.id: b for b in g.vergadering.besluiten}
        for i, o in enumerate(verborgen.oordelen):
            eigen = besluiten.get(o.id)
            zichtbaar = eigen if o.onderwerp == g.oordelen[i].onderwerp else None
            vondsten.append(Vondst(g.naam.rsplit(".", 1)[0], g.vergadering, i, zichtbaar, o))
    gezocht = bool(woorden or orgaan or soort or jaar or oordeel)
    resultaten = zoek(
        vondsten,
        woorden[:200],
        orgaan,
        soort,
        jaar,
        oordeel if oordeel in OORDELEN else "",
    )
    gebruikte_soorten = {v.oordeel.soort for v in vondsten}
    return pagina(
        request,
        "besluiten.html.j2",
        titel="Besluiten zoeken",
        invoer={
            "woorden": woorden,
            "orgaan": orgaan,
            "soort": soort,
            "jaar": jaar,
            "oordeel": oordeel,
        },
        organen=[o for o in c.organen if any(v.vergadering.orgaan == o.id for v in vondsten)],
        soorten=sorted(
            (s for s in c.soorten if s.id in gebruikte_soorten), key=lambda s: s.naam.casefold()
        ),
        jaren=sorted({v.vergadering.datum.year for v in vondsten}, reverse=True),
        oordelen=OORDELEN,
        resultaten=resultaten,
        totaal=len(vondsten),
        gezocht=gezocht,
        kapot=kapot,
        c=c,
    )
