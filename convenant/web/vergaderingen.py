"""Vergaderingen: the list per orgaan and year, a meeting with its verdicts, the form to
create and edit one with live verdicts, and each meeting's history.

Saving follows `governance.opslag`: atomic, the previous version into the history folder,
refused when the file changed on disk since the form was opened. A form that is re-shown for
any reason (an error, a refused save, a row added) shows exactly what the user entered.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from governance.datums import lang
from governance.errors import InvoerFout, NietOpgeslagen, VerouderdeVersie
from governance.opslag import bewaar, geschiedenis, verplaats, versie, versie_van
from governance.yamlschrijver import als_yaml, opmerkingen

from . import vaststellen as lijstvaststelling
from .afhankelijkheden import Jaar, niet_opgeslagen, opslagstatus, pagina, werkplek
from .beveiliging import lees_formulier
from .formulier import (
    BESLUIT_VINKJES,
    ActiepuntInvoer,
    BesluitInvoer,
    Invoer,
    Uitslag,
    beoordeel,
    consensus,
    gegevens,
    invoer_uit,
    invoer_uit_formulier,
    onbekende_vervolgen,
    stemeenheden,
    zitplaatsen,
)
from .werkplek import ID_PATROON, Werkplek, volgend_besluitnummer
from .werkplek import beoordeel as beoordeel_register

router = APIRouter()
MAX_FORMULIER = 2_000_000  # bytes; a meeting is a few kilobytes
KOP = "Vastgelegd in de werkplek"  # the first line of a file the workplace wrote


async def formulier(request: Request) -> dict[str, list[str]]:
    """The posted form, after checking it came from a page of this workplace (CSRF)."""
    form = await lees_formulier(request, MAX_FORMULIER)
    return {k: [w for w in form.getlist(k) if isinstance(w, str)] for k in form}


# --- list and view ---------------------------------------------------------------------------


@router.get("/vergaderingen", response_class=HTMLResponse)
def lijst(request: Request, orgaan: str = "", jaar: Jaar = None) -> Response:
    w = werkplek(request)
    c = w.convenant
    gehouden, kapot = beoordeel_register(w)
    jaren = sorted({g.vergadering.datum.year for g in gehouden}, reverse=True)
    gekozen = [
        g
        for g in gehouden
        if (not orgaan or g.vergadering.orgaan == orgaan)
        and (jaar is None or g.vergadering.datum.year == jaar)
    ]
    groepen: dict[tuple[int, str], list[Any]] = {}
    for g in sorted(gekozen, key=lambda g: g.vergadering.datum):
        groepen.setdefault((g.vergadering.datum.year, g.vergadering.orgaan), []).append(g)
    return pagina(
        request,
        "vergaderingen.html.j2",
        titel="Vergaderingen",
        groepen=sorted(groepen.items(), key=lambda kv: (-kv[0][0], _orgaanvolgorde(w, kv[0][1]))),
        kapot=kapot,
        organen=vergaderende_organen(w),
        orgaannaam={o.id: o.naam for o in c.organen},
        jaren=jaren,
        gekozen_orgaan=orgaan,
        gekozen_jaar=jaar,
    )


def _orgaanvolgorde(w: Werkplek, orgaan: str) -> int:
    return [o.id for o in w.convenant.organen].index(orgaan)


def vergaderende_organen(w: Werkplek) -> list[Any]:
    """The organen that meet and decide by a rule of their own (not the twelve colleges)."""
    return [o for o in w.convenant.organen if o.besluitregel is not None and not o.eindgezag]


@router.get("/vergaderingen/nieuw", response_class=HTMLResponse)
def nieuw(
    request: Request, orgaan: str = "stuurgroep", datum: str = "", planning: str = ""
) -> Response:
    """A new meeting; `planning`: the key of a planned meeting, whose agenda it starts from."""
    w = werkplek(request)
    if planning:
        return _toon_formulier(request, _uit_planning(w, planning), None, None)
    if orgaan not in {o.id for o in vergaderende_organen(w)}:
        orgaan = "stuurgroep"
    invoer = Invoer(orgaan=orgaan, datum=datum or w.vandaag().isoformat())
    _vul_aanwezigheid(w, invoer)
    invoer.besluiten.append(BesluitInvoer(id=_volgend_besluitnummer(w, invoer, None)))
    return _toon_formulier(request, invoer, None, None)


def _uit_planning(w: Werkplek, sleutel: str) -> Invoer:
    """The form of a planned meeting: its date, time and place, the inbreng asked (5.2), a
    besluit per item ter besluitvorming (with the number an item reserved, and the dossier of
    a toetreding) and the other items as discussed. Votes are the secretaris's to fill in."""
    from .planning import lees

    v = lees(w).planning.van(sleutel)
    if v is None:
        raise HTTPException(404, "Deze vergadering staat niet in de planning.")
    invoer = Invoer(
        orgaan=v.orgaan,
        datum=v.datum.isoformat(),
        tijd=v.tijd or "",
        locatie=v.locatie or "",
        inbreng_gevraagd_op=v.inbreng_gevraagd_op.isoformat() if v.inbreng_gevraagd_op else "",
    )
    if v.orgaan == "jaarvergadering":
        invoer.uitgenodigd = ["alle"]
    _vul_aanwezigheid(w, invoer)
    for p in v.agendapunten:
        if p.doel != "besluitvorming" or p.soort is None:
            continue
        besluit = BesluitInvoer(
            id=p.besluit or _volgend_besluitnummer(w, invoer, None),
            onderwerp=p.onderwerp,
            soort=p.soort,
            toelichting=p.toelichting or "",
            stelt_vast=p.stelt_vast.isoformat() if p.stelt_vast else "",
        )
        if p.stelt_vast and not besluit.id:
            besluit.id = _volgend_besluitnummer(w, invoer, None)
        if p.stelt_vast:
            besluit.tekst = lijstvaststelling.besluit(w, v.orgaan, p.stelt_vast, besluit.id).tekst
        if p.dossier:
            besluit.rest["toetreding"] = {"dossier": p.dossier}
        invoer.besluiten.append(besluit)
    besproken = [p.onderwerp for p in v.agendapunten if p.doel != "besluitvorming"]
    if besproken:
        invoer.rest["besproken"] = besproken
    if not invoer.besluiten:  # a meeting file records at least one besluit
        invoer.besluiten.append(BesluitInvoer(id=_volgend_besluitnummer(w, invoer, None)))
    return invoer


@router.get("/vergaderingen/{id_}", response_class=HTMLResponse)
def vergadering(request: Request, id_: str, opgeslagen: str = "", melding: str = "") -> Response:
    return vergaderpagina(request, id_, opgeslagen, melding=melding)


def vergaderpagina(
    request: Request,
    id_: str,
    opgeslagen: str = "",
    verzendinvoer: Any = None,
    melding: str = "",
) -> HTMLResponse:
    """The meeting page; `verzendinvoer`: a sending form to show again with its messages;
    `melding`: what a sending by mail did (convenant/web/verzenden.py)."""
    from .verzending import context as verzendcontext

    w = werkplek(request)
    gelezen = w.lees(id_)
    bezetting, _ = w.bezetting()
    context: dict[str, Any] = {
        "id": id_,
        "naam": gelezen.pad.name,
        "inhoud": gelezen.inhoud.decode("utf-8", errors="replace"),
        "fouten": gelezen.fouten,
        "opgeslagen": opgeslagen,
        "melding": melding,
        "aantal_versies": len(geschiedenis(w.register, gelezen.pad.name)),
        "versie": versie(gelezen.inhoud),
    }
    if gelezen.vergadering is None:
        return pagina(request, "vergadering.html.j2", titel=gelezen.pad.name, v=None, **context)
    v = gelezen.vergadering.model
    c = w.convenant
    from rules.toets import toets

    try:
        b = w.beeld(gelezen.vergadering)
        oordelen = toets(b, w.keuze(b.vergadering.datum))
    except InvoerFout as e:
        context["fouten"] = e.meldingen
        b, oordelen = None, []
    orgaan = c.orgaan[v.orgaan]
    return pagina(
        request,
        "vergadering.html.j2",
        titel=f"{orgaan.naam}, {lang(v.datum)}",
        ter_vaststelling=lijstvaststelling.ter_vaststelling(
            w, v.orgaan, v.datum, (b.stelt_vast for b in v.besluiten)
        ),
        escalaties=_escalaties(w, gelezen.pad.name, oordelen),
        v=v,
        orgaan=orgaan,
        beeld=b,
        oordelen=oordelen,
        plaatsen={p.id: p for p in zitplaatsen(c, orgaan, bezetting, v.datum)},
        partijnaam={p.id: p.naam for p in c.partijen},
        c=c,
        **verzendcontext(w, gelezen.pad.name, v, verzendinvoer),
        **context,
    )


def _escalaties(w: Werkplek, naam: str, oordelen: list[Any]) -> list[Any]:
    """This meeting's escalated besluiten with the day they are to be with the body above
    (5.7, 7.2), as the calendar has them: the eve of the next meeting, or, with none known,
    the latest day the convenant leaves for it and a word to plan one."""
    if not any(o.oordeel == "escaleren" for o in oordelen):
        return []
    from rules.termijnen import termijnen

    from .planning import geplande_vergaderingen

    gehouden, _ = beoordeel_register(w)
    gepland = [(g.orgaan, g.datum) for g in geplande_vergaderingen(w)]
    return [
        t
        for t in termijnen(w.convenant, gehouden, w.vandaag(), gepland)
        if t.vergadering == naam and t.aanname == "escalatie_termijn"
    ]


# --- the form ----------------------------------------------------------------------------------


@router.get("/vergaderingen/{id_}/bewerk", response_class=HTMLResponse)
def bewerk(request: Request, id_: str, toetreding: str = "", vaststellen: str = "") -> Response:
    """The form of a recorded meeting; `toetreding`: a dossier whose Stuurgroep besluit (22.4)
    was put on this meeting's agenda, added to the form (not yet saved) to complete;
    `vaststellen`: the date of an earlier meeting whose concept besluitenlijst this meeting
    adopts, added as a besluit (not yet saved) to vote on (5.8, 7.5)."""
    w = werkplek(request)
    gelezen = w.lees(id_)
    if gelezen.vergadering is None:
        return pagina(
            request,
            "fout.html.j2",
            409,
            titel="Dit bestand is niet te lezen",
            tekst="Herstel eerst het bestand (of zet een eerdere versie terug via de geschiedenis):\n\n"
            + "\n".join(str(m) for m in gelezen.fouten),
        )
    try:
        b = w.beeld(gelezen.vergadering)
    except InvoerFout:
        b = None
    invoer = invoer_uit(gelezen.vergadering.model, b)
    if toetreding:
        _voeg_toetreding_toe(w, invoer, gelezen.vergadering.model.datum, toetreding)
    if vaststellen:
        _voeg_vaststelling_toe(w, invoer, id_, vaststellen)
    return _toon_formulier(request, invoer, id_, versie(gelezen.inhoud))


def _voeg_vaststelling_toe(w: Werkplek, invoer: Invoer, id_: str, datum: str) -> None:
    """The besluit that adopts the list of the earlier meeting on `datum`, when that is one of
    this orgaan's earlier meetings and no besluit of the form adopts it yet."""
    keuzes = {e.waarde: e for e in lijstvaststelling.eerdere(w, invoer.orgaan, invoer.peildatum())}
    if datum not in keuzes or any(b.stelt_vast == datum for b in invoer.besluiten):
        return
    nummer = _volgend_besluitnummer(w, invoer, id_)
    invoer.besluiten.append(
        lijstvaststelling.besluit(w, invoer.orgaan, keuzes[datum].datum, nummer)
    )


def _voeg_toetreding_toe(w: Werkplek, invoer: Invoer, datum: dt.date, dossier_id: str) -> None:
    """The besluit a toetreding dossier reserved for this meeting (its number and date), with
    the dossier to read the notice and the answers from; unless the form has it already."""
    dossier = next((d for d in w.dienst.dossiers() if d.id == dossier_id), None)
    d = dossier.model if dossier is not None else None
    if d is None or d.besluit_stuurgroep is None or d.besluit_stuurgroep.datum != datum:
        return
    nummer = d.besluit_stuurgroep.besluit
    if nummer is None or any(b.id == nummer for b in invoer.besluiten):
        return
    besluit = BesluitInvoer(
        id=nummer, onderwerp=f"Toetreding van {d.organisatie.naam}", soort="toetreding"
    )
    besluit.rest["toetreding"] = {"dossier": dossier_id}
    invoer.besluiten.append(besluit)


# The form is read on the event loop (the dependency); the route itself is a plain function,
# which FastAPI runs in a worker thread: loading and judging never hold up other requests.
Velden = Annotated[dict[str, list[str]], Depends(formulier)]


@router.post("/vergaderingen/nieuw", response_class=HTMLResponse)
def nieuw_opslaan(request: Request, velden: Velden) -> Response:
    return _verwerk(request, None, velden)


@router.post("/vergaderingen/{id_}/bewerk", response_class=HTMLResponse)
def bewerk_opslaan(request: Request, id_: str, velden: Velden) -> Response:
    werkplek(request).pad_van(id_)  # 404 for an unknown or malformed id
    return _verwerk(request, id_, velden)


@router.post("/vergaderingen/toets", response_class=HTMLResponse)
def toets_live(request: Request, velden: Velden) -> Response:
    """The verdicts for the form as it stands: fragments htmx swaps into each besluit."""
    w = werkplek(request)
    invoer = invoer_uit_formulier(velden)
    bezetting, _ = w.bezetting()
    uitslag = beoordeel(invoer, w.convenant, bezetting, "formulier.yaml", w.keuze(), w.register)
    onbekende_vervolgen(invoer, w.besluitnummers(), uitslag)
    eerdere = lijstvaststelling.voor_formulier(w, invoer)
    lijstvaststelling.controleer(invoer, eerdere, uitslag)
    return pagina(
        request,
        "_oordelen.html.j2",
        invoer=invoer,
        uitslag=uitslag,
        c=w.convenant,
        eerdere=eerdere,
        stelt_vast_soort=lijstvaststelling.SOORT,
    )


def _volgend_besluitnummer(w: Werkplek, invoer: Invoer, id_: str | None) -> str:
    """The next number of the orgaan and year, after those in the form and in every other
    meeting of the register."""
    voorvoegsel = _voorvoegsel(invoer)
    jaar = invoer.datum[:4] if invoer.datum[:4].isdigit() else str(w.vandaag().year)
    bezet = [*w.besluitnummers(behalve=id_), *(b.id for b in invoer.besluiten)]
    return volgend_besluitnummer(voorvoegsel, jaar, bezet)


def _nummers_van_dit_jaar(w: Werkplek, invoer: Invoer) -> None:
    """A new meeting moved to another year or orgaan: a number proposed for the old one
    (sg-2026-01 on a meeting of 2027) is proposed again for the new one."""
    voorvoegsel = _voorvoegsel(invoer)
    jaar = invoer.datum[:4]
    for b in invoer.besluiten:
        oud = re.fullmatch(r"([a-z]+)-(\d{4})-\d+", b.id)
        if oud and jaar.isdigit() and (oud[1], oud[2]) != (voorvoegsel, jaar):
            b.id = ""
            b.id = _volgend_besluitnummer(w, invoer, None)


def _voorvoegsel(invoer: Invoer) -> str:
    return {"stuurgroep": "sg", "partneroverleg": "po", "jaarvergadering": "jv"}.get(
        invoer.orgaan, invoer.orgaan[:2] or "b"
    )


def _dubbele_besluitnummers(w: Werkplek, invoer: Invoer, id_: str | None) -> str:
    """What is wrong when a besluit of the form has the number of one in another meeting."""
    elders = w.besluitnummers(behalve=id_)
    dubbel = [(b.id, elders[b.id]) for b in invoer.besluiten if b.id in elders]
    if not dubbel:
        return ""
    genoemd = "; ".join(f"{b} is al een besluit van {_vergaderingnaam(w, v)}" for b, v in dubbel)
    return (
        f"Niet opgeslagen: elk besluit heeft een eigen nummer in het register, en {genoemd}. "
        "Geef dit besluit een ander nummer."
    )


def _vergaderingnaam(w: Werkplek, id_: str) -> str:
    gelezen = w.lees(id_)
    if gelezen.vergadering is None:
        return id_
    v = gelezen.vergadering.model
    orgaan = w.convenant.orgaan.get(v.orgaan)
    return f"de vergadering van de {orgaan.naam if orgaan else v.orgaan} van {lang(v.datum)}"


def _vul_aanwezigheid(w: Werkplek, invoer: Invoer) -> None:
    """Every seat of the bezetting in force gets a line; a new one starts as present."""
    orgaan = w.convenant.orgaan.get(invoer.orgaan)
    if orgaan is None or not orgaan.heeft_bezetting:
        return
    bezetting, _ = w.bezetting()
    for plaats in zitplaatsen(w.convenant, orgaan, bezetting, invoer.peildatum()):
        invoer.aanwezigheid.setdefault(plaats.id, "aanwezig")


def _verwerk(request: Request, id_: str | None, velden: dict[str, list[str]]) -> Response:
    w = werkplek(request)
    invoer = invoer_uit_formulier(velden)
    gelezen_versie = (velden.get("versie") or [""])[-1] or None
    actie = (velden.get("actie") or ["bijwerken"])[-1]
    if actie == "besluit_toevoegen":
        invoer.besluiten.append(BesluitInvoer(id=_volgend_besluitnummer(w, invoer, id_)))
    elif actie.startswith("verwijder_besluit_"):
        _verwijder(invoer.besluiten, actie)
    elif actie == "actiepunt_toevoegen":
        invoer.actiepunten.append(ActiepuntInvoer())
    elif actie.startswith("verwijder_actiepunt_"):
        _verwijder(invoer.actiepunten, actie)
    elif actie in ("opslaan", "opslaan_zonder_opmerkingen", "toch_opslaan", "opslaan_ongeldig"):
        if id_ is None and (melding := _andere_leden(w, invoer)):
            # the date or orgaan changed and Opslaan came before the form was rebuilt: the
            # attendance on screen was that of another bezetting, so show the right one first
            _alleen_wie_zitting_heeft(w, invoer)
            _vul_aanwezigheid(w, invoer)
            return _toon_formulier(request, invoer, None, None, status=409, fout=melding)
        bevestigd = actie == "opslaan_ongeldig" or "ja" in velden.get("ongeldig_bevestigd", [])
        return _opslaan(request, w, invoer, id_, gelezen_versie, actie, bevestigd)
    if id_ is None:  # a new meeting starts with everyone present; a recorded one as it was
        _alleen_wie_zitting_heeft(w, invoer)
        _vul_aanwezigheid(w, invoer)
        _nummers_van_dit_jaar(w, invoer)
    return _toon_formulier(request, invoer, id_, gelezen_versie)


def _andere_leden(w: Werkplek, invoer: Invoer) -> str:
    """What is wrong when a new meeting's attendance is not that of the bezetting on its date
    (empty when it is)."""
    orgaan = w.convenant.orgaan.get(invoer.orgaan)
    datum = invoer.peildatum()
    if orgaan is None or datum is None or not orgaan.heeft_bezetting:
        return ""
    bezetting, _ = w.bezetting()
    plaatsen = zitplaatsen(w.convenant, orgaan, bezetting, datum)
    zitting = {p.id for p in plaatsen}
    stemmers = {p.id for p in stemeenheden(w.convenant, orgaan, bezetting, datum)}
    vreemd = {z for z in invoer.aanwezigheid if z not in zitting}
    for b in invoer.besluiten:
        vreemd |= {e for e in b.stemmen if e not in stemmers}
    ontbreekt = [p.naam for p in plaatsen if p.id not in invoer.aanwezigheid]
    if not vreemd and not ontbreekt:
        return ""
    tekst = (
        f"Niet opgeslagen: op {lang(datum)} heeft de {orgaan.naam} andere leden dan in de "
        "aanwezigheidslijst stonden (die hoorde bij de datum of het orgaan van eerst)."
    )
    if vreemd:
        namen = {p.id: p.naam for p in w.convenant.partijen}
        for periode in bezetting.perioden if bezetting else []:
            for ob in periode.organen.values():
                namen |= {lid.id: lid.naam for lid in ob.leden}
        weg = sorted(namen.get(z, z) for z in vreemd)
        tekst += f" Weggelaten, want op deze datum geen lid: {', '.join(weg)}."
    if ontbreekt:
        tekst += f" Toegevoegd als aanwezig: {', '.join(ontbreekt)}."
    return tekst + " Kijk de aanwezigheid en de stemmen hieronder na en sla opnieuw op."


def _alleen_wie_zitting_heeft(w: Werkplek, invoer: Invoer) -> None:
    """After another orgaan or date is chosen for a new meeting, forget the seats and voters of
    the one before: they would be names the new orgaan does not know."""
    orgaan = w.convenant.orgaan.get(invoer.orgaan)
    if orgaan is None:
        return
    bezetting, _ = w.bezetting()
    datum = invoer.peildatum()
    zitting = {p.id for p in zitplaatsen(w.convenant, orgaan, bezetting, datum)}
    stemmers = {p.id for p in stemeenheden(w.convenant, orgaan, bezetting, datum)}
    invoer.aanwezigheid = {z: s for z, s in invoer.aanwezigheid.items() if z in zitting}
    for b in invoer.besluiten:
        b.stemmen = {e: k for e, k in b.stemmen.items() if e in stemmers}
        b.bezwaren = [p for p in b.bezwaren if p in stemmers]


def _verwijder(rijen: list[Any], actie: str) -> None:
    try:
        index = int(actie.rsplit("_", 1)[1])
    except ValueError:
        return
    if 0 <= index < len(rijen):
        rijen.pop(index)


def _opslaan(
    request: Request,
    w: Werkplek,
    invoer: Invoer,
    id_: str | None,
    gelezen_versie: str | None,
    actie: str,
    bevestigd: bool = False,
) -> Response:
    """Save the form; `bevestigd`: the user confirmed saving besluiten that are ongeldig."""
    c = w.convenant
    bezetting, _ = w.bezetting()
    if id_ is None:
        if not invoer.orgaan or not invoer.datum:
            return _toon_formulier(
                request, invoer, None, None, fout="Kies een orgaan en een datum."
            )
        id_nieuw = f"{invoer.orgaan}-{invoer.datum}"
        if not ID_PATROON.match(id_nieuw):
            return _toon_formulier(
                request,
                invoer,
                None,
                None,
                fout="Deze datum kan geen bestandsnaam worden; gebruik de datumkiezer.",
            )
        pad = w.register / f"{id_nieuw}.yaml"
    else:
        id_nieuw, pad = id_, w.pad_van(id_)
        # a corrected date or orgaan gives the file the name that goes with it
        oud = w.lees(id_)
        if (
            oud.vergadering is not None
            and invoer.orgaan
            and invoer.datum
            and (oud.vergadering.model.orgaan, oud.vergadering.model.datum.isoformat())
            != (invoer.orgaan, invoer.datum)
        ):
            id_nieuw = f"{invoer.orgaan}-{invoer.datum}"
            if not ID_PATROON.match(id_nieuw):
                return _toon_formulier(
                    request, invoer, id_, gelezen_versie, status=422,
                    fout="Deze datum kan geen bestandsnaam worden; gebruik de datumkiezer.",
                )  # fmt: skip
    if dubbel := _dubbele_besluitnummers(w, invoer, id_ or id_nieuw):
        return _toon_formulier(request, invoer, id_, gelezen_versie, status=409, fout=dubbel)
    uitslag = beoordeel(invoer, c, bezetting, pad.name, w.keuze(), w.register)
    lijstvaststelling.controleer(invoer, lijstvaststelling.voor_formulier(w, invoer), uitslag)
    if not uitslag.leesbaar or lijstvaststelling.fouten(invoer, uitslag):
        return _toon_formulier(
            request, invoer, id_, gelezen_versie, uitslag=uitslag, status=422,
            fout="Niet opgeslagen: los eerst de meldingen hieronder op. Zo blijft de vergadering in het register leesbaar.",
        )  # fmt: skip
    if nieuw_ongeldig := _nieuw_ongeldig(w, uitslag, id_, bevestigd):
        return _toon_formulier(
            request, invoer, id_, gelezen_versie, uitslag=uitslag, ongeldig=nieuw_ongeldig
        )
    if id_ is not None and actie != "toch_opslaan":
        oud = w.lees(id_)
        if oud.vergadering is not None and versie(oud.inhoud) == gelezen_versie:
            try:
                oud_beeld = w.beeld(oud.vergadering)
            except InvoerFout:
                oud_beeld = None
            ongewijzigd = invoer_uit(oud.vergadering.model, oud_beeld)
            if _inhoudelijk(gegevens(ongewijzigd, c)) == _inhoudelijk(gegevens(invoer, c)):
                return RedirectResponse(
                    f"/vergaderingen/{id_}?opgeslagen=ongewijzigd", status_code=303
                )
            weg = [
                o
                for o in opmerkingen(oud.inhoud.decode("utf-8", errors="replace"))
                if not o.startswith(f"# {KOP}")  # the workplace's own line comes back
            ]
            if weg and actie != "opslaan_zonder_opmerkingen":
                return _toon_formulier(
                    request, invoer, id_, gelezen_versie, uitslag=uitslag, opmerkingen_weg=weg,
                    bevestigd=bevestigd,
                )  # fmt: skip
    assert uitslag.vergadering is not None  # leesbaar
    tekst = als_yaml(uitslag.vergadering.model, f"{KOP} op {dt.date.today():%d-%m-%Y}.")
    if actie == "toch_opslaan":
        gelezen_versie = versie_van(pad)
    try:
        if id_ is not None and id_nieuw != id_:
            verplaats(
                w.register, pad, w.register / f"{id_nieuw}.yaml", tekst.encode(), gelezen_versie
            )
        else:
            bewaar(w.register, pad, tekst.encode(), gelezen_versie if id_ is not None else None)
    except VerouderdeVersie as e:
        melding = (
            f"Er is al een vergadering van dit orgaan op deze datum ({id_nieuw}.yaml). Open die om haar te bewerken, of kies een andere datum."
            if id_ is None or (id_nieuw != id_ and e.pad == f"{id_nieuw}.yaml")
            else "Niet opgeslagen: iemand anders heeft deze vergadering opgeslagen nadat u haar opende "
            "(een ander tabblad, een collega of een editor). Uw invoer staat hieronder nog; er is niets "
            "verloren. Bekijk de nieuwe versie in een ander tabblad en neem over wat u wilt houden, of "
            "sla uw versie toch op: de andere blijft dan in de geschiedenis bewaard."
        )
        return _toon_formulier(
            request, invoer, id_, e.gelezen, uitslag=uitslag, status=409, fout=melding,
            verouderd=id_ is not None,
        )  # fmt: skip
    except NietOpgeslagen as e:
        return _toon_formulier(
            request, invoer, id_, gelezen_versie, uitslag=uitslag, status=opslagstatus(e),
            fout=niet_opgeslagen(e),
        )  # fmt: skip
    return RedirectResponse(f"/vergaderingen/{id_nieuw}?opgeslagen=ja", status_code=303)


def _nieuw_ongeldig(w: Werkplek, uitslag: Uitslag, id_: str | None, bevestigd: bool) -> list[str]:
    """The besluiten the save would record as ongeldig that the file on disk did not: a save
    that makes a besluit ongeldig is asked to be confirmed once."""
    if bevestigd:
        return []
    eerder: set[str] = set()
    if id_ is not None:
        oud = w.lees(id_)
        if oud.vergadering is not None:
            from rules.toets import toets

            try:
                b = w.beeld(oud.vergadering)
                eerder = {o.id for o in toets(b, w.keuze()) if o.oordeel == "ongeldig"}
            except InvoerFout:
                pass
    return [
        f"{o.id}: {o.onderwerp}"
        for o in uitslag.oordelen.values()
        if o.oordeel == "ongeldig" and o.id not in eerder
    ]


def _inhoudelijk(data: Any) -> Any:
    """The data with the order of names in a list left out: the order of the form's
    checkboxes and of a hand-written list differ, their meaning does not."""
    if isinstance(data, dict):
        return {k: _inhoudelijk(w) for k, w in data.items()}
    if isinstance(data, list):
        if all(isinstance(x, str) for x in data):
            return sorted(data)
        return [_inhoudelijk(x) for x in data]
    return data


def _toon_formulier(
    request: Request,
    invoer: Invoer,
    id_: str | None,
    gelezen_versie: str | None,
    uitslag: Uitslag | None = None,
    status: int = 200,
    fout: str = "",
    opmerkingen_weg: list[str] | None = None,
    verouderd: bool = False,
    ongeldig: list[str] | None = None,
    bevestigd: bool = False,
) -> Response:
    w = werkplek(request)
    c = w.convenant
    bezetting, bezettingsfouten = w.bezetting()
    if uitslag is None:
        uitslag = beoordeel(invoer, c, bezetting, f"{id_ or 'nieuw'}.yaml", w.keuze(), w.register)
    onbekende_vervolgen(invoer, w.besluitnummers(behalve=id_), uitslag)
    orgaan = c.orgaan.get(invoer.orgaan)
    datum = invoer.peildatum()
    eerdere = lijstvaststelling.voor_formulier(w, invoer)
    lijstvaststelling.controleer(invoer, eerdere, uitslag)
    partijen = [p for p in c.partijen_op(datum) if p.is_partij] if datum else []
    return pagina(
        request,
        "vergaderformulier.html.j2",
        status,
        titel=("Vergadering bewerken" if id_ else "Nieuwe vergadering"),
        id=id_,
        actie_url=f"/vergaderingen/{id_}/bewerk" if id_ else "/vergaderingen/nieuw",
        invoer=invoer,
        uitslag=uitslag,
        versie=gelezen_versie or "",
        fout=fout,
        opmerkingen_weg=opmerkingen_weg or [],
        verouderd=verouderd,
        ongeldig=ongeldig or [],
        bevestigd=bevestigd,
        organen=vergaderende_organen(w),
        orgaan=orgaan,
        bij_consensus=orgaan is not None and consensus(orgaan),
        zitplaatsen=zitplaatsen(c, orgaan, bezetting, datum) if orgaan else [],
        stemeenheden=stemeenheden(c, orgaan, bezetting, datum) if orgaan else [],
        partijen=partijen,
        soorten=c.soorten,
        vinkjes=BESLUIT_VINKJES,
        focus=request.headers.get("HX-Trigger", ""),
        orgaannaam={o.id: o.naam for o in c.organen},
        bezettingsfouten=bezettingsfouten,
        eerdere=eerdere,
        stelt_vast_soort=lijstvaststelling.SOORT,
        c=c,
    )


# --- history -------------------------------------------------------------------------------------


def _vergadernaam(w: Werkplek, id_: str) -> str:
    """'de vergadering van de Stuurgroep van 10 februari 2027', or the file's name when the
    file cannot be read (then only its name identifies it)."""
    gelezen = w.lees(id_)
    if gelezen.vergadering is None:
        return gelezen.pad.name
    v = gelezen.vergadering.model
    orgaan = w.convenant.orgaan.get(v.orgaan)
    return f"de vergadering van {orgaan.de_naam if orgaan else v.orgaan} van {lang(v.datum)}"


def _versie_in_geschiedenis(w: Werkplek, id_: str, naam: str) -> Path:
    pad = w.pad_van(id_)
    for v in geschiedenis(w.register, pad.name):
        if v.pad.name == naam:
            return v.pad
    raise HTTPException(404, "Deze versie staat niet in de geschiedenis.")


@router.get("/vergaderingen/{id_}/geschiedenis", response_class=HTMLResponse)
def geschiedenispagina(request: Request, id_: str, naam: str = "") -> Response:
    w = werkplek(request)
    pad = w.pad_van(id_)
    versies = geschiedenis(w.register, pad.name)
    getoond = _versie_in_geschiedenis(w, id_, naam) if naam else None
    return pagina(
        request,
        "geschiedenis.html.j2",
        titel=f"Geschiedenis van {_vergadernaam(w, id_)}",
        id=id_,
        naam=_vergadernaam(w, id_),
        versies=versies,
        getoond=getoond.name if getoond else "",
        inhoud=getoond.read_text(encoding="utf-8", errors="replace") if getoond else "",
        huidig=pad.read_text(encoding="utf-8", errors="replace"),
        huidige_versie=versie(pad.read_bytes()),
    )


def _moment(bron: Path) -> str:
    """When a version in the history was replaced, as its file name says."""
    try:
        moment = dt.datetime.strptime(bron.stem.partition("-")[0], "%Y%m%dT%H%M%S%f")
    except ValueError:
        return bron.name
    return moment.strftime("%d-%m-%Y %H:%M:%S")


@router.post("/vergaderingen/{id_}/geschiedenis/herstel", response_class=HTMLResponse)
def herstel(request: Request, id_: str, velden: Velden) -> Response:
    w = werkplek(request)
    naam = (velden.get("naam") or [""])[-1]
    bron = _versie_in_geschiedenis(w, id_, naam)
    pad = w.pad_van(id_)
    try:
        bewaar(
            w.register,
            pad,
            bron.read_bytes(),
            (velden.get("versie") or [""])[-1] or None,
            reden=f"De versie van {_moment(bron)} teruggezet",
        )
    except VerouderdeVersie:
        return pagina(
            request, "fout.html.j2", 409, titel="Niet teruggezet",
            tekst="De vergadering is intussen opnieuw opgeslagen. Open de geschiedenis opnieuw en kies dan de versie.",
        )  # fmt: skip
    return RedirectResponse(f"/vergaderingen/{id_}?opgeslagen=hersteld", status_code=303)


# Recording a sending is a form of the meeting page: its route lives here, beside the page it
# shows again, so that `verzending` (the sending rules' context) never imports this module.
@router.post("/vergaderingen/{id_}/verzonden", response_class=HTMLResponse)
async def verzending_vastleggen(request: Request, id_: str) -> Response:
    w = werkplek(request)
    pad = w.pad_van(id_)
    f = await formulier(request)
    gelezen = w.lees(id_)
    if gelezen.vergadering is None:
        return pagina(
            request,
            "fout.html.j2",
            409,
            titel="Dit bestand is niet te lezen",
            tekst="Herstel eerst de vergadering; daarna kunt u een verzending vastleggen.",
        )
    v = gelezen.vergadering.model
    from governance.verzendingen import leg_vast

    from .verzending import invoer_uit_formulier, verzending_uit

    invoer = invoer_uit_formulier(f)
    z = verzending_uit(invoer, w.convenant, v)
    gezien = (f.get("versie") or [""])[0]
    if z is not None:
        try:
            leg_vast(w.register, pad, z, gezien or versie(gelezen.inhoud))
            return RedirectResponse(f"/vergaderingen/{id_}?opgeslagen=verzonden#verzending", 303)
        except VerouderdeVersie:
            invoer.fouten["algemeen"] = (
                "Niet vastgelegd: de vergadering is gewijzigd nadat u de pagina opende. Uw "
                "invoer staat hieronder nog; controleer de vergadering en leg de verzending "
                "opnieuw vast."
            )
        except InvoerFout as e:
            invoer.fouten["algemeen"] = e.voor_gebruiker()
    antwoord = vergaderpagina(request, id_, verzendinvoer=invoer)
    antwoord.status_code = 422 if "algemeen" not in invoer.fouten else 409
    return antwoord
