"""Besluit: the verdict, every ground with its article, the aannames it rests on and what
each assumes, and what would have to change for another verdict."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, Response

from governance.errors import InvoerFout

from .afhankelijkheden import pagina, werkplek
from .alternatieven import alternatieven
from .formulier import invoer_uit, stemeenheden, zitplaatsen
from .lezingen import lezingen_van

router = APIRouter()


@router.get("/vergaderingen/{id_}/besluiten/{besluit:path}", response_class=HTMLResponse)
def besluitpagina(request: Request, id_: str, besluit: str) -> Response:
    w = werkplek(request)
    c = w.convenant
    gelezen = w.lees(id_)
    if gelezen.vergadering is None:
        raise HTTPException(409, "Deze vergadering is niet te lezen; zie de vergadering zelf.")
    v = gelezen.vergadering.model
    index = next((i for i, b in enumerate(v.besluiten) if b.id == besluit), None)
    if index is None:
        raise HTTPException(404, f"Geen besluit '{besluit}' in deze vergadering.")
    bezetting, _ = w.bezetting()
    try:
        b = w.beeld(gelezen.vergadering)
    except InvoerFout as e:
        raise HTTPException(409, e.voor_gebruiker()) from None
    from rules.toets import toets

    keuze = w.keuze(v.datum)
    oordeel = toets(b, keuze)[index]
    orgaan = c.orgaan[v.orgaan]
    namen = {p.id: p.naam for p in c.partijen}
    if orgaan.heeft_bezetting and bezetting and (periode := bezetting.op(v.datum)):
        for lid in periode.organen[orgaan.id].leden if orgaan.id in periode.organen else []:
            eigen = c.partij[lid.partij].naam if lid.partij and not lid.namens else None
            namen[lid.id] = eigen or lid.naam
    for plaats in [
        *zitplaatsen(c, orgaan, bezetting, v.datum),
        *stemeenheden(c, orgaan, bezetting, v.datum),
    ]:
        namen.setdefault(plaats.id, plaats.naam)
    aannames = [
        c.bevinding[g.aanname] for g in oordeel.gronden if g.aanname and g.aanname in c.bevinding
    ]
    return pagina(
        request,
        "besluit.html.j2",
        titel=f"Besluit {besluit}",
        id=id_,
        v=v,
        orgaan=orgaan,
        besluit=v.besluiten[index],
        index=index,
        oordeel=oordeel,
        aannames=list({a.id: a for a in aannames}.values()),
        anders=alternatieven(
            invoer_uit(v, b), index, c, bezetting, namen, oordeel, keuze, w.register
        ),
        lezingen=lezingen_van(c, b, index, oordeel, keuze),
        soort=next((s for s in c.soorten if s.id == v.besluiten[index].soort), None),
        orgaannaam={o.id: o.naam for o in c.organen},
        c=c,
    )
