"""Overzicht: the year at a glance (the jaaroverzicht rules), deadlines, and /agenda.ics."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from governance.datums import lang, ontleed_datum
from governance.errors import Melding
from rules.jaaroverzicht import Gehouden, overzicht, zonder_casus
from rules.termijnen import termijnen

from .afhankelijkheden import Jaar, pagina, werkplek
from .inrichten import is_leeg
from .planning import geplande_vergaderingen
from .toetreding import open_toetredingen
from .werkplek import Kapot, Werkplek, beoordeel

router = APIRouter()

# The article behind each kind of open point, per orgaan: hearing the absent party (5.6, 7.1),
# the escalation (5.7, 7.2), the action list (5.8, 7.5), a party's request to meet (6.2).
OPEN_ARTIKEL = {
    ("stuurgroep", "aangehouden"): "5.6",
    ("stuurgroep", "escalatie"): "5.7",
    ("stuurgroep", "actiepunt"): "5.8",
    ("partneroverleg", "aangehouden"): "7.1",
    ("partneroverleg", "escalatie"): "7.2",
    ("partneroverleg", "actiepunt"): "7.5",
    ("partneroverleg", "verzoek"): "6.2",
}


def _peildatum(gehouden: list[Gehouden], jaar: int, vandaag: dt.date) -> tuple[dt.date, str]:
    """Today, unless the year is over (its last day) or still ahead (its last meeting)."""
    if jaar < vandaag.year:
        return dt.date(jaar, 12, 31), "het einde van het jaar"
    if jaar > vandaag.year:
        laatste = max(
            (g.vergadering.datum for g in gehouden if g.vergadering.datum.year == jaar),
            default=None,
        )
        if laatste is not None:
            return laatste, "de laatste vergadering van het jaar in het register"
    return vandaag, "vandaag"


@router.get("/", response_class=HTMLResponse)
def overzichtpagina(request: Request, jaar: Jaar = None, op: str | None = None) -> Response:
    w = werkplek(request)
    c = w.convenant
    gehouden, kapot = beoordeel(w)
    # the overview is read at the level of the Stuurgroep: no casus content on it (4.7)
    gehouden = [zonder_casus(c, g) for g in gehouden]
    vandaag = w.vandaag()
    # from the register's first meeting (or this year) to next year: the year being worked
    # in, and the one being planned, are always there
    met_vergadering = {g.vergadering.datum.year for g in gehouden}
    jaren = list(
        range(min({vandaag.year, *met_vergadering}), max({vandaag.year + 1, *met_vergadering}) + 1)
    )
    if jaar is None:
        jaar = vandaag.year
    peildatum, waarom = _peildatum(gehouden, jaar, vandaag)
    fout_op = None
    if op:
        try:
            peildatum, waarom = ontleed_datum(op), "door u gekozen"
        except ValueError as e:
            fout_op = str(e)
    # the register's notices, addenda and accession dossiers, as `convenant jaaroverzicht` reads
    # them; one that cannot be read is shown with the other broken files, never skipped
    documenten, documentfouten = w.dienst.registerdocumenten()
    per_bestand: dict[str, list[Melding]] = {}
    for m in documentfouten:
        per_bestand.setdefault(m.bestand, []).append(m)
    kapot = [
        *kapot,
        *(
            Kapot(
                "",
                str(Path(b).relative_to(w.register)) if Path(b).is_relative_to(w.register) else b,
                tuple(f),
            )
            for b, f in per_bestand.items()
        ),
    ]
    # the meetings planned ahead (planning.yaml) and those recorded after the peildatum: on
    # the peildatum they are still to come, and the overview names them as such
    gepland = {(v.orgaan, v.datum): f"/planning/{v.sleutel}" for v in geplande_vergaderingen(w)}
    later = {
        (g.vergadering.orgaan, g.vergadering.datum): f"/vergaderingen/{Path(g.naam).stem}"
        for g in gehouden
        if g.vergadering.datum > peildatum
    }
    komend = {
        k: href
        for k, href in {**gepland, **later}.items()
        if k[1] > peildatum and k[1].year == jaar
    }
    # as `convenant jaaroverzicht`: a notice counted under the readings of the day it was given
    o = overzicht(
        c,
        gehouden,
        jaar,
        peildatum,
        documenten=documenten,
        keuze=w.keuze(peildatum),
        keuze_op=w.keuze,
        gepland=list(gepland),
    )
    per_orgaan = [
        (
            orgaan,
            [g for g in o.vergaderingen if g.vergadering.orgaan == orgaan.id],
            sorted((d, href) for (oid, d), href in komend.items() if oid == orgaan.id),
        )
        for orgaan in c.organen
        if any(g.vergadering.orgaan == orgaan.id for g in gehouden)
        or any(oid == orgaan.id for oid, _ in gepland)
    ]
    return pagina(
        request,
        "overzicht.html.j2",
        titel=f"Overzicht {jaar}",
        jaar=jaar,
        jaren=jaren,
        peildatum=peildatum,
        waarom=waarom,
        fout_op=fout_op,
        o=o,
        per_orgaan=per_orgaan,
        termijnen=termijnen(c, gehouden, peildatum, list(gepland)),
        kapot=kapot,
        orgaannaam={x.id: x.naam for x in c.organen},
        vergadering_id=lambda naam: Path(naam).stem,
        # a meeting is named by its orgaan and date, never by its file (issue 22, "Words")
        vergadering_naam={
            g.naam: f"{c.orgaan[g.vergadering.orgaan].naam}, {lang(g.vergadering.datum)}"
            for g in gehouden
        },
        open_artikel={
            (g.naam, soort): artikel
            for g in gehouden
            for (orgaan, soort), artikel in OPEN_ARTIKEL.items()
            if g.vergadering.orgaan == orgaan
        },
        toetredingen=open_toetredingen(w),
        leeg=is_leeg(w.register),
        ingericht=request.query_params.get("ingericht") == "ja",
    )


@router.get("/agenda.ics")
def agenda_ics(request: Request) -> Response:
    """Every meeting, held and planned, and every deadline, measured against today: a
    subscribed calendar refreshes by itself. (Beyond this computer: `kalender.py`'s secret
    address serves the same feed.)"""
    return agendafeed(werkplek(request))


def agendafeed(w: Werkplek) -> Response:
    from .ical import agenda

    gehouden, _ = beoordeel(w)
    geplande = geplande_vergaderingen(w)
    tekst = agenda(
        termijnen(w.convenant, gehouden, w.vandaag(), [(v.orgaan, v.datum) for v in geplande]),
        w.register.name,
        dt.datetime.now(dt.UTC),
        sorted((g.vergadering for g in gehouden), key=lambda v: v.datum),
        w.convenant,
        geplande,
    )
    return Response(
        tekst,
        media_type="text/calendar; charset=utf-8",
        headers={"Content-Disposition": 'inline; filename="termijnen.ics"'},
    )
