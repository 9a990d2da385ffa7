"""Toetreding in the workplace: from the first request to the signed form and a new Partij.

The dossier (`toetredingen/ID.yaml`, governance/toetreding.py) is made by an interview that
asks one thing per page, as Docassemble does, and then grows as the procedure runs: the date
the parties were informed (22.3), each reply (22.4), the Stuurgroep besluit on the agenda of a
meeting, and the signature (Bijlage 1). Every step is saved through governance.opslag, so the
history keeps each earlier version and a stale second tab is refused.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from governance.datums import ontleed_datum
from governance.documenten import BesluitVerwijzing
from governance.errors import ConvenantFout, InvoerFout, VerouderdeVersie, WaardeFout
from governance.opslag import bewaar, versie
from governance.toetreding import (
    TOETREDINGEN,
    Dossier,
    Toetredingsdossier,
)
from governance.yamlschrijver import als_yaml
from rules.oordeel import Oordeel
from rules.toetreding import STAPPEN, Toetredingsstand, stand_toetreding

from .afhankelijkheden import pagina, werkplek
from .simulatie import Formulier
from .werkplek import ID_PATROON, Werkplek, beoordeel, volgend_besluitnummer

router = APIRouter()

DOSSIER_ID = re.compile(r"^[a-z][a-z0-9_]{0,60}$")


# --- where a dossier stands ------------------------------------------------------------------


def _oordeel_van(
    w: Werkplek, besluit_id: str | None, datum: dt.date
) -> tuple[str, str, Oordeel | None] | None:
    if besluit_id is None:
        return None
    gehouden, kapot = beoordeel(w)
    for k in kapot:  # the meeting is there, but cannot be judged yet (no votes: an agenda)
        gelezen = w.lees(k.id) if k.id else None
        v = gelezen.vergadering.model if gelezen and gelezen.vergadering else None
        if v is not None and v.orgaan == "stuurgroep" and v.datum == datum:
            return k.id, besluit_id, None
    for g in gehouden:
        if g.vergadering.orgaan != "stuurgroep" or g.vergadering.datum != datum:
            continue
        for b, o in zip(g.vergadering.besluiten, g.oordelen, strict=True):
            if b.id == besluit_id:
                return Path(g.naam).stem, b.id, o
    return None


def stand(w: Werkplek, d: Toetredingsdossier) -> Toetredingsstand:
    """Where the dossier stands (rules.toetreding), with the besluit as the register has it."""
    besluit = (
        _oordeel_van(w, d.besluit_stuurgroep.besluit, d.besluit_stuurgroep.datum)
        if d.besluit_stuurgroep
        else None
    )
    return stand_toetreding(w.convenant, d, besluit)


def _dossier(w: Werkplek, id_: str) -> tuple[Dossier, bytes]:
    if not DOSSIER_ID.match(id_):
        raise HTTPException(404, f"Er is geen toetreding '{id_}' in dit register.")
    pad = w.register / TOETREDINGEN / f"{id_}.yaml"
    if not pad.is_file() or pad.is_symlink():
        raise HTTPException(404, f"Er is geen toetreding '{id_}' in dit register.")
    inhoud = pad.read_bytes()
    try:
        return Dossier(id_, pad, w.dienst.dossier(pad, inhoud).model), inhoud
    except InvoerFout as e:
        return Dossier(id_, pad, None, tuple(e.meldingen)), inhoud


def _bewaar_dossier(w: Werkplek, pad: Path, d: Toetredingsdossier, gelezen: str | None) -> None:
    kop = "Toetredingsdossier (art. 22, Bijlage 1), bijgehouden in de werkplek."
    inhoud = als_yaml(d, kop).encode("utf-8")
    w.dienst.dossier(pad, inhoud)  # what is saved must read back (and it does)
    pad.parent.mkdir(exist_ok=True)
    bewaar(w.register, pad, inhoud, gelezen)


# --- list ------------------------------------------------------------------------------------


@router.get("/toetredingen", response_class=HTMLResponse)
def lijst(request: Request) -> Response:
    w = werkplek(request)
    rijen = [(d, stand(w, d.model) if d.model else None) for d in w.dienst.dossiers()]
    return pagina(request, "toetredingen.html.j2", titel="Toetredingen", rijen=rijen)


def open_toetredingen(w: Werkplek) -> list[tuple[Dossier, Toetredingsstand | None]]:
    """For the overview: each dossier not yet in force, with what it waits for."""
    uit = []
    for d in w.dienst.dossiers():
        s = stand(w, d.model) if d.model else None
        if s is None or s.stap != "in_kracht":
            uit.append((d, s))
    return uit


# --- the interview -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Vraag:
    sleutel: str
    vraag: str
    uitleg: str
    velden: tuple[tuple[str, str, str], ...]  # name, label, kind (tekst, lang, datum, keuze)
    verplicht: bool = True


VRAGEN = [
    Vraag(
        "organisatie",
        "Welke organisatie wil toetreden?",
        "De volledige naam, zoals zij in het convenant en op het formulier komt te staan.",
        (("naam", "Naam van de organisatie", "tekst"),),
    ),
    Vraag(
        "zetel",
        "Waar is {naam} statutair gevestigd?",
        "De plaats uit de statuten; zij komt op het toetredingsformulier (Bijlage 1).",
        (("statutair_gevestigd", "Statutaire vestigingsplaats", "tekst"),),
    ),
    Vraag(
        "adres",
        "Wat is het adres van {naam}?",
        "Straat, huisnummer, postcode en plaats.",
        (("adres", "Adres", "tekst"),),
    ),
    Vraag(
        "vertegenwoordiger",
        "Wie vertegenwoordigt {naam} bij de ondertekening?",
        "Wie het formulier namens de organisatie tekent, met de functie.",
        (
            ("vertegenwoordiger_naam", "Naam", "tekst"),
            ("vertegenwoordiger_functie", "Functie", "tekst"),
        ),
    ),
    Vraag(
        "taak",
        "Welke publieke of maatschappelijke taak heeft {naam}, en hoe draagt die bij aan de doelen van artikel 2?",
        "Alleen een organisatie met zo'n taak die de doelen van het convenant dient, kan toetreden (22.1). Dit staat in de kennisgeving aan de Partijen.",
        (("publieke_taak", "Taak en bijdrage aan de doelen", "lang"),),
    ),
    Vraag(
        "id",
        "Onder welke korte naam komt {naam} in het register?",
        "Kleine letters, cijfers en '_'; zo noemen vergaderbestanden en de bezetting de nieuwe Partij straks. Het dossier krijgt dezelfde naam.",
        (("partij_id", "Id", "tekst"),),
    ),
    Vraag(
        "aanvraag",
        "Wanneer kwam het verzoek van {naam} binnen?",
        "Laat leeg als dat niet bekend is.",
        (("aanvraag_ontvangen_op", "Datum van het verzoek", "datum"),),
        verplicht=False,
    ),
    Vraag(
        "kennisgeving",
        "Op welke datum zijn de Partijen over de toetreding ingelicht (of worden zij dat)?",
        "De kennisgeving aan alle Partijen gaat vóór het besluit van de Stuurgroep (22.3); vanaf die datum loopt de termijn voor hun antwoord (22.4). Laat leeg als dat later wordt vastgelegd.",
        (("kennisgeving_op", "Datum van de kennisgeving", "datum"),),
        verplicht=False,
    ),
]
VELDEN = [naam for v in VRAGEN for naam, _, _ in v.velden]


def _voorstel_id(naam: str) -> str:
    woorden = [
        w
        for w in re.sub(r"[^a-z0-9 ]+", " ", naam.lower()).split()
        if w not in ("stichting", "de", "het", "van")
    ]
    return "_".join(woorden)[:40] or "nieuwe_partij"


def _controleer_stap(w: Werkplek, vraag: Vraag, antwoorden: dict[str, str]) -> dict[str, str]:
    fouten: dict[str, str] = {}
    for naam, _, soort in vraag.velden:
        waarde = antwoorden.get(naam, "").strip()
        if not waarde:
            if vraag.verplicht:
                fouten[naam] = "Vul dit in om verder te gaan."
            continue
        if soort == "datum":
            try:
                ontleed_datum(waarde)
            except WaardeFout as e:
                fouten[naam] = f"{e.tekst}; {e.herstel}"
            except ValueError as e:
                fouten[naam] = str(e)
        if naam == "partij_id":
            if not DOSSIER_ID.match(waarde):
                fouten[naam] = (
                    "Gebruik kleine letters, cijfers en '_', beginnend met een letter, bijv. voorbeeldzorg."
                )
            elif waarde in w.convenant.partij:
                fouten[naam] = (
                    f"'{waarde}' is al de id van {w.convenant.partij[waarde].naam}; kies een andere."
                )
            elif (w.register / TOETREDINGEN / f"{waarde}.yaml").exists():
                fouten[naam] = f"Er is al een toetredingsdossier '{waarde}'."
    return fouten


def _interview(
    request: Request,
    stap: int,
    antwoorden: dict[str, str],
    fouten: dict[str, str],
    status: int = 200,
) -> Response:
    naam = antwoorden.get("naam") or "de organisatie"
    if stap < len(VRAGEN):
        vraag = VRAGEN[stap]
        if vraag.sleutel == "id" and not antwoorden.get("partij_id"):
            antwoorden = {**antwoorden, "partij_id": _voorstel_id(antwoorden.get("naam", ""))}
        return pagina(
            request,
            "toetreding_vraag.html.j2",
            status,
            titel="Nieuwe toetreding",
            stap=stap,
            aantal=len(VRAGEN) + 1,
            vraag=vraag,
            tekst=vraag.vraag.format(naam=naam),
            antwoorden=antwoorden,
            velden=VELDEN,
            fouten=fouten,
        )
    samenvatting = [
        (
            i,
            VRAGEN[i].vraag.format(naam=naam),
            [(label, antwoorden.get(v, "")) for v, label, _ in VRAGEN[i].velden],
        )
        for i in range(len(VRAGEN))
    ]
    return pagina(
        request,
        "toetreding_vraag.html.j2",
        status,
        titel="Nieuwe toetreding",
        stap=stap,
        aantal=len(VRAGEN) + 1,
        vraag=None,
        tekst="Klopt dit?",
        antwoorden=antwoorden,
        velden=VELDEN,
        fouten=fouten,
        samenvatting=samenvatting,
    )


@router.get("/toetredingen/nieuw", response_class=HTMLResponse)
def nieuw(request: Request) -> Response:
    return _interview(request, 0, {}, {})


@router.post("/toetredingen/nieuw", response_class=HTMLResponse)
def nieuw_verder(request: Request, gegevens: Formulier) -> Response:
    w = werkplek(request)
    form, _ = gegevens
    antwoorden = {v: (form.get(v) or [""])[0].strip() for v in VELDEN}
    try:
        stap = max(0, min(int((form.get("stap") or ["0"])[0]), len(VRAGEN)))
    except ValueError:
        stap = 0
    actie = (form.get("actie") or ["verder"])[0]
    if actie == "terug":
        return _interview(request, max(stap - 1, 0), antwoorden, {})
    if actie.startswith("wijzig-"):
        try:
            return _interview(request, max(0, min(int(actie[7:]), len(VRAGEN) - 1)), antwoorden, {})
        except ValueError:
            return _interview(request, 0, antwoorden, {})
    if stap < len(VRAGEN):
        fouten = _controleer_stap(w, VRAGEN[stap], antwoorden)
        if fouten:
            return _interview(request, stap, antwoorden, fouten, 422)
        return _interview(request, stap + 1, antwoorden, {})
    # the last page: every answer checked once more, then the dossier is written
    for i, vraag in enumerate(VRAGEN):
        if fouten := _controleer_stap(w, vraag, antwoorden):
            return _interview(request, i, antwoorden, fouten, 422)
    data: dict[str, Any] = {
        "partij": {"id": antwoorden["partij_id"], "soort": "ketenpartner"},
        "organisatie": {
            "naam": antwoorden["naam"],
            "statutair_gevestigd": antwoorden["statutair_gevestigd"],
            "adres": antwoorden["adres"],
            "vertegenwoordiger": {
                "naam": antwoorden["vertegenwoordiger_naam"],
                "functie": antwoorden["vertegenwoordiger_functie"],
            },
        },
        "publieke_taak": antwoorden["publieke_taak"],
    }
    for veld in ("aanvraag_ontvangen_op", "kennisgeving_op"):
        if antwoorden[veld]:
            data[veld] = ontleed_datum(antwoorden[veld])
    d = Toetredingsdossier.model_validate(data)
    pad = w.register / TOETREDINGEN / f"{d.partij.id}.yaml"
    try:
        _bewaar_dossier(w, pad, d, None)
    except VerouderdeVersie:
        return _interview(
            request,
            5,
            antwoorden,
            {"partij_id": "Er is intussen een dossier met deze naam aangemaakt; kies een andere."},
            409,
        )
    return RedirectResponse(f"/toetredingen/{d.partij.id}?opgeslagen=nieuw", status_code=303)


# --- the dossier --------------------------------------------------------------------------------


def _volgende_stuurgroepen(w: Werkplek, na: dt.date) -> list[tuple[str, str]]:
    """The Stuurgroep meetings after `na` (the kennisgeving: 22.3 asks it beforehand), planned
    and recorded, as choices: (value, label), in date order."""
    from governance.datums import lang

    from .planning import geplande_vergaderingen

    uit: list[tuple[dt.date, str, str]] = []
    vastgelegd = set()
    for gelezen in w.alle():
        v = gelezen.vergadering.model if gelezen.vergadering else None
        if v is not None and v.orgaan == "stuurgroep" and v.datum > na:
            vastgelegd.add(v.datum)
            uit.append((v.datum, gelezen.id, f"Stuurgroep, {lang(v.datum)} (vastgelegd)"))
    for g in geplande_vergaderingen(w):
        if g.orgaan == "stuurgroep" and g.datum > na and g.datum not in vastgelegd:
            uit.append((g.datum, f"{GEPLAND}{g.sleutel}", f"Stuurgroep, {lang(g.datum)} (gepland)"))
    return [(waarde, label) for _, waarde, label in sorted(uit)]


@router.get("/toetredingen/{id_}", response_class=HTMLResponse)
def dossierpagina(
    request: Request, id_: str, opgeslagen: str = "", melding: str = "", bericht: str = ""
) -> Response:
    w = werkplek(request)
    dossier, inhoud = _dossier(w, id_)
    d = dossier.model
    s = stand(w, d) if d else None
    vergaderingen = (
        _volgende_stuurgroepen(w, d.kennisgeving_op or w.vandaag())
        if d and d.besluit_stuurgroep is None
        else []
    )
    # where a besluit put on the agenda but not yet recorded stands: on a planned meeting's
    # agenda, or to be completed in a recorded meeting's form
    op_agenda = vastgelegd_op = None
    if d and d.besluit_stuurgroep and (s is None or not s.besluit):
        from .planning import geplande_vergaderingen

        datum = d.besluit_stuurgroep.datum
        op_agenda = next(
            (
                g.sleutel
                for g in geplande_vergaderingen(w)
                if g.orgaan == "stuurgroep" and g.datum == datum
            ),
            None,
        )
        vastgelegd_op = next(
            (
                x.id
                for x in w.alle()
                if x.vergadering is not None
                and x.vergadering.model.orgaan == "stuurgroep"
                and x.vergadering.model.datum == datum
            ),
            None,
        )
    return pagina(
        request,
        "toetreding.html.j2",
        titel=d.organisatie.naam if d else id_,
        id=id_,
        dossier=dossier,
        d=d,
        s=s,
        stappen=STAPPEN,
        versie=versie(inhoud),
        vergaderingen=vergaderingen,
        op_agenda=op_agenda,
        vastgelegd_op=vastgelegd_op,
        vandaag=w.vandaag(),
        opgeslagen=opgeslagen,
        melding=melding,
        bericht=bericht,
        c=w.convenant,
    )


def _wijzig(
    request: Request, id_: str, gegevens: Formulier
) -> tuple[Werkplek, Dossier, dict[str, list[str]], str]:
    w = werkplek(request)
    form, _ = gegevens
    dossier, _ = _dossier(w, id_)
    if dossier.model is None:
        raise HTTPException(422, "Dit dossier is niet te lezen; herstel het eerst.")
    return w, dossier, form, (form.get("versie") or [""])[0]


def _terug(id_: str, opgeslagen: str) -> Response:
    return RedirectResponse(f"/toetredingen/{id_}?opgeslagen={opgeslagen}", status_code=303)


def _fout(id_: str, melding: str) -> Response:
    from urllib.parse import quote

    return RedirectResponse(f"/toetredingen/{id_}?melding={quote(melding)}", status_code=303)


def _datum_uit(form: dict[str, list[str]], veld: str) -> dt.date:
    waarde = (form.get(veld) or [""])[0].strip()
    if not waarde:
        raise ValueError("vul een datum in, bijv. 06-01-2027")
    try:
        return ontleed_datum(waarde)
    except WaardeFout as e:
        raise ValueError(f"{e.tekst}; {e.herstel}") from None


def _opslaan(
    request: Request, id_: str, gegevens: Formulier, wijziging: Any, opgeslagen: str
) -> Response:
    w, dossier, form, gelezen = _wijzig(request, id_, gegevens)
    assert dossier.model is not None
    try:
        nieuw = wijziging(w, dossier.model, form)
    except ValueError as e:
        return _fout(id_, str(e))
    try:
        _bewaar_dossier(w, dossier.pad, nieuw, gelezen)
    except VerouderdeVersie:
        return _fout(
            id_,
            "Iemand anders heeft dit dossier intussen gewijzigd; uw wijziging is niet opgeslagen. "
            "Bekijk de stand hieronder en voer haar zo nodig opnieuw in.",
        )
    except InvoerFout as e:
        return _fout(id_, e.voor_gebruiker())
    return _terug(id_, opgeslagen)


@router.post("/toetredingen/{id_}/kennisgeving")
def kennisgeving(request: Request, id_: str, gegevens: Formulier) -> Response:
    def zet(w: Werkplek, d: Toetredingsdossier, form: dict[str, list[str]]) -> Toetredingsdossier:
        return d.model_copy(update={"kennisgeving_op": _datum_uit(form, "kennisgeving_op")})

    return _opslaan(request, id_, gegevens, zet, "kennisgeving")


@router.post("/toetredingen/{id_}/antwoord")
def antwoord(request: Request, id_: str, gegevens: Formulier) -> Response:
    def zet(w: Werkplek, d: Toetredingsdossier, form: dict[str, list[str]]) -> Toetredingsdossier:
        from governance.toetreding import Antwoord

        partij = (form.get("partij") or [""])[0]
        soort = (form.get("antwoord") or [""])[0]
        if partij not in {p.id for p in stand(w, d).partijen} or soort not in (
            "akkoord",
            "bezwaar",
        ):
            raise ValueError("Kies een Partij van de lijst en akkoord of bezwaar.")
        door = (form.get("door") or [""])[0].strip() or None
        nieuw = Antwoord(partij=partij, antwoord=soort, op=_datum_uit(form, "op"), door=door)
        return d.model_copy(update={"antwoorden": [*d.antwoorden, nieuw]})

    return _opslaan(request, id_, gegevens, zet, "antwoord")


@router.post("/toetredingen/{id_}/ondertekend")
def ondertekend(request: Request, id_: str, gegevens: Formulier) -> Response:
    def zet(w: Werkplek, d: Toetredingsdossier, form: dict[str, list[str]]) -> Toetredingsdossier:
        s = stand(w, d)
        if s.stap != "formulier":
            raise ValueError(
                f"Het formulier kan nog niet worden getekend; het wacht op {s.wacht_op}."
            )
        datum = _datum_uit(form, "datum_ondertekening")
        if d.besluit_stuurgroep and datum < d.besluit_stuurgroep.datum:
            raise ValueError("De ondertekening ligt vóór het besluit van de Stuurgroep.")
        plaats = (form.get("plaats_ondertekening") or [""])[0].strip() or None
        return d.model_copy(update={"datum_ondertekening": datum, "plaats_ondertekening": plaats})

    return _opslaan(request, id_, gegevens, zet, "ondertekend")


@router.post("/toetredingen/{id_}/agenda")
def agenda(request: Request, id_: str, gegevens: Formulier) -> Response:
    """Put the Stuurgroep besluit (22.4) on the agenda, pointing at this dossier: an item ter
    besluitvorming of a planned meeting, its number reserved; or, for a meeting already
    recorded, the besluit added in that meeting's form, for the secretaris to complete with
    the votes and save. A meeting file is never given a besluit without votes (that made the
    whole meeting unreadable)."""
    from governance.planning import Punt

    from .planning import bewaar_planning, lees, vervang

    w, dossier, form, gelezen = _wijzig(request, id_, gegevens)
    d = dossier.model
    assert d is not None
    keuze = (form.get("vergadering") or [""])[0]
    planning = lees(w)
    gereserveerd = [p.besluit for v in planning.planning.vergaderingen for p in v.agendapunten]
    bezet = [*w.besluitnummers(), *(b for b in gereserveerd if b)]
    if keuze.startswith(GEPLAND):
        v = planning.planning.van(keuze.removeprefix(GEPLAND))
        if v is None or v.orgaan != "stuurgroep":
            return _fout(id_, "Kies een vergadering van de Stuurgroep uit de lijst.")
        nummer = volgend_besluitnummer("sg", v.datum.year, bezet)
        punt = Punt(
            onderwerp=f"Toetreding van {d.organisatie.naam}",
            doel="besluitvorming",
            soort="toetreding",
            besluit=nummer,
            dossier=id_,
        )
        nieuw = v.model_copy(update={"agendapunten": [*v.agendapunten, punt]})
        verwijzing = BesluitVerwijzing(datum=v.datum, besluit=nummer)
        try:
            bewaar_planning(w, vervang(planning.planning, v, nieuw), planning.versie)
            _bewaar_dossier(
                w, dossier.pad, d.model_copy(update={"besluit_stuurgroep": verwijzing}), gelezen
            )
        except (VerouderdeVersie, InvoerFout) as e:
            return _fout(id_, f"Niet op de agenda gezet: {e}")
        return _terug(id_, "agenda")
    if not ID_PATROON.match(keuze) or keuze not in w.ids():
        return _fout(id_, "Kies een vergadering van de Stuurgroep uit de lijst.")
    gelezen_vergadering = w.lees(keuze)
    v_ = gelezen_vergadering.vergadering.model if gelezen_vergadering.vergadering else None
    if v_ is None or v_.orgaan != "stuurgroep":
        return _fout(id_, "Kies een vergadering van de Stuurgroep die te lezen is.")
    nummer = volgend_besluitnummer("sg", v_.datum.year, bezet)
    verwijzing = BesluitVerwijzing(datum=v_.datum, besluit=nummer)
    try:
        _bewaar_dossier(
            w, dossier.pad, d.model_copy(update={"besluit_stuurgroep": verwijzing}), gelezen
        )
    except (VerouderdeVersie, InvoerFout) as e:
        return _fout(id_, f"Niet op de agenda gezet: {e}")
    return RedirectResponse(f"/vergaderingen/{keuze}/bewerk?toetreding={id_}#besluiten", 303)


GEPLAND = "gepland:"  # the value of a planned meeting in the list (its key follows)


# --- documents of the dossier --------------------------------------------------------------------

DOSSIERDOCUMENTEN = ("kennisgeving-toetreding", "toetredingsformulier")


@router.get("/toetredingen/{id_}/documenten", response_class=HTMLResponse)
def documentenpagina(request: Request, id_: str, soort: str = "toetredingsformulier") -> Response:
    from .documenten import knoppen, maak

    w = werkplek(request)
    dossier, _ = _dossier(w, id_)
    if soort not in DOSSIERDOCUMENTEN:
        raise HTTPException(404, "Dit document bestaat niet.")
    if dossier.model is None:
        raise HTTPException(422, "Dit dossier is niet te lezen; herstel het eerst.")
    fout = concept = None
    try:
        concept = maak(w, soort, "md", dossier.model.verzoek(), dossier.pad).concept
    except ConvenantFout as e:  # an unreadable part, or a document the rules refuse
        fout = e.voor_gebruiker()
    basis = f"/toetredingen/{id_}/document/{soort}"
    return pagina(
        request,
        "documenten.html.j2",
        titel=f"Documenten: toetreding van {dossier.model.organisatie.naam}",
        terug=(f"/toetredingen/{id_}", "het dossier"),
        soorten=[(s, f"/toetredingen/{id_}/documenten?soort={s}") for s in DOSSIERDOCUMENTEN],
        soort=soort,
        voorbeeld=f"{basis}?formaat=html&inline=ja",
        knoppen=knoppen(basis),
        concept=concept,
        fout=fout,
    )


@router.get("/toetredingen/{id_}/document/{soort}")
def document(
    request: Request, id_: str, soort: str, formaat: str = "html", inline: str = ""
) -> Response:
    """The kennisgeving or the form, made by `convenant maak` from the dossier's facts."""
    from .documenten import antwoord, maak

    if soort not in DOSSIERDOCUMENTEN:
        raise HTTPException(404, "Dit document bestaat niet.")
    w = werkplek(request)
    dossier, _ = _dossier(w, id_)
    if dossier.model is None:
        raise HTTPException(422, "Dit dossier is niet te lezen; herstel het eerst.")
    document = maak(w, soort, formaat, dossier.model.verzoek(), dossier.pad)
    return antwoord(document, f"{soort}-{id_}", inline == "ja")
