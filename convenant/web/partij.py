"""Each Partij's own page: what the convenant asks of it now, what was sent to it, its deadlines.

A contactpersoon sees only its own Partij (rechten.py), answers for it, and never sees another
Partij's answer to a toetreding before the secretaris recorded the outcome (the Stuurgroep
besluit in the dossier). What it answers goes into the register itself: an akkoord or bezwaar
into the toetreding dossier (22.4), inbreng into the meeting file (5.2; 5.6 and 7.1 when its
member will be absent), each with who answered and when; the trail records it as well.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from governance.datums import lang
from governance.errors import InvoerFout, VerouderdeVersie
from governance.models import Partij
from governance.opslag import bewaar, versie
from governance.planning import DOELEN, GeplandeVergadering
from governance.toetreding import Antwoord, Toetredingsdossier
from governance.vergadering import Vergadering
from governance.yamlschrijver import als_tekst

from .. import spoor, toegang
from ..register import Register
from .afhankelijkheden import pagina, werkplek
from .beveiliging import gebruiker_van
from .simulatie import _formulier
from .toetreding import DOSSIER_ID, _bewaar_dossier, _dossier, stand
from .werkplek import Gelezen, Werkplek

router = APIRouter()

MAX_INBRENG = 20_000  # characters: a page of text, not a document (those are sent as files)


@dataclass
class Toetredingsvraag:
    id: str
    d: Toetredingsdossier
    uiterlijk: dt.date | None
    eigen: Antwoord | None
    uitkomst_bekend: bool  # the secretaris recorded the Stuurgroep's besluit
    antwoorden: list[tuple[str, Antwoord]] = field(default_factory=list)  # only once known
    open_: bool = True


@dataclass
class Inbrengvraag:
    id: str
    v: Vergadering
    orgaan: str
    afwezig: bool  # its member will be absent: written inbreng (5.6, 7.1)
    artikel: str
    gegeven: list[Any]


def _partij(w: Werkplek, id_: str) -> Partij:
    p = w.convenant.partij.get(id_)
    if p is None or not p.is_partij:
        raise HTTPException(404, "Deze Partij is niet bekend.")
    return p


def _wie(request: Request) -> toegang.Gebruiker:
    return gebruiker_van(request) or toegang.LOKAAL


def toetredingsvragen(w: Werkplek, partij: str) -> list[Toetredingsvraag]:
    """Every toetreding whose notice went to this Partij (22.3) and that is not yet in force."""
    uit = []
    for dossier in w.dienst.dossiers():
        d = dossier.model
        if d is None or d.kennisgeving_op is None or d.in_kracht_vanaf is not None:
            continue
        s = stand(w, d)
        if partij not in {p.id for p in s.partijen}:
            continue
        bekend = d.besluit_stuurgroep is not None
        namen = {p.id: p.naam for p in s.partijen}
        uit.append(
            Toetredingsvraag(
                dossier.id,
                d,
                s.akkoord_uiterlijk,
                s.antwoorden.get(partij),
                bekend,
                sorted(((namen.get(k, k), a) for k, a in s.antwoorden.items()), key=lambda x: x[0])
                if bekend
                else [],
                open_=not bekend,
            )
        )
    return uit


def _leden_van(w: Werkplek, v: Vergadering, partij: str) -> set[str]:
    """The seats of this Partij in the meeting's orgaan on its date (by the bezetting)."""
    bezetting, _ = w.bezetting()
    if bezetting is None:
        return set()
    leden: set[str] = set()
    for periode in bezetting.perioden:
        if periode.geldt_op(v.datum):
            ob = periode.organen.get(v.orgaan)
            for lid in ob.leden if ob else []:
                if partij in lid.vertegenwoordigt:
                    leden |= {lid.id, lid.naam}
    return leden


def inbrengvragen(w: Werkplek, partij: str) -> list[Inbrengvraag]:
    """Coming meetings that ask for this Partij's inbreng: every Stuurgroep meeting whose
    request went out (5.2), and any meeting where its member is recorded absent (5.6, 7.1)."""
    uit = []
    vandaag = w.vandaag()
    for gelezen in w.alle():
        if gelezen.vergadering is None:
            continue
        v = gelezen.vergadering.model
        if v.datum < vandaag:
            continue
        leden = _leden_van(w, v, partij)
        afwezig = any(a.lid in leden for a in v.afwezig)
        gevraagd = v.orgaan == "stuurgroep" and v.inbreng_gevraagd_op is not None
        if not (afwezig or gevraagd):
            continue
        artikel = ("5.6" if v.orgaan == "stuurgroep" else "7.1") if afwezig else "5.2"
        orgaan = w.convenant.orgaan[v.orgaan].naam
        gegeven = [i for i in v.inbreng if i.partij == partij]
        uit.append(Inbrengvraag(gelezen.id, v, orgaan, afwezig, artikel, gegeven))
    return sorted(uit, key=lambda x: x.v.datum)


def zit_in(w: Werkplek, partij: str, orgaan_id: str, datum: dt.date) -> bool:
    """Whether the Partij sits in the orgaan on the date: a member of the bezetting speaks for
    it (6.7, 6.8 included), or, for the meeting all Partijen are invited to (6.4), it is a
    Partij then."""
    c = w.convenant
    orgaan = c.orgaan[orgaan_id]
    if not orgaan.heeft_bezetting:
        p = c.partij.get(partij)
        return p is not None and p.in_kracht_op(datum)
    bezetting, _ = w.bezetting()
    periode = bezetting.op(datum) if bezetting else None
    leden = periode.organen.get(orgaan_id) if periode else None
    return any(partij in lid.vertegenwoordigt for lid in (leden.leden if leden else []))


def agendas(w: Werkplek, partij: str) -> list[GeplandeVergadering]:
    """The planned meetings of this year and later of the organen where the Partij sits,
    with their agendas: what its contactpersoon may read (and nothing of other organen)."""
    from .planning import geplande_vergaderingen

    begin = dt.date(w.vandaag().year, 1, 1)
    return sorted(
        (
            v
            for v in geplande_vergaderingen(w)
            if v.datum >= begin and zit_in(w, partij, v.orgaan, v.datum)
        ),
        key=lambda v: (v.datum, v.orgaan),
    )


def verzonden_aan(w: Werkplek, partij: str) -> list[dict[str, Any]]:
    """What the register records as sent to this Partij: the workplace's mail, newest first."""
    from ..post import verzonden_aan_partij

    return verzonden_aan_partij(w.register, partij)


@router.get("/partijen/{partij}", response_class=HTMLResponse)
def partijpagina(
    request: Request, partij: str, opgeslagen: str = "", melding: str = ""
) -> Response:
    return _pagina(request, partij, opgeslagen, melding)


def _pagina(
    request: Request,
    partij: str,
    opgeslagen: str = "",
    melding: str = "",
    concept: dict[str, str] | None = None,
    status: int = 200,
) -> Response:
    """The page; `concept`: inbreng typed but not saved, per meeting, shown again in its box."""
    w = werkplek(request)
    p = _partij(w, partij)
    toetredingen = toetredingsvragen(w, partij)
    inbreng = inbrengvragen(w, partij)
    termijnen = sorted(
        [
            (t.uiterlijk, f"Antwoord op de toetreding van {t.d.organisatie.naam} (22.4)")
            for t in toetredingen
            if t.uiterlijk and t.open_ and t.eigen is None
        ]
        + [
            (
                i.v.datum,
                f"{'Schriftelijke inbreng' if i.afwezig else 'Inbreng'} voor de vergadering van "
                f"de {i.orgaan} ({i.artikel})",
            )
            for i in inbreng
            if not i.gegeven
        ],
        key=lambda x: x[0] or dt.date.max,
    )
    return pagina(
        request,
        "partij.html.j2",
        status,
        titel=p.naam,
        p=p,
        toetredingen=toetredingen,
        inbreng=inbreng,
        termijnen=termijnen,
        verzonden=verzonden_aan(w, partij),
        agendas=agendas(w, partij),
        doelen=DOELEN,
        soortnaam={s.id: s.naam for s in w.convenant.soorten},
        orgaannaam={o.id: o.naam for o in w.convenant.organen},
        vandaag=w.vandaag(),
        opgeslagen=opgeslagen,
        melding=melding,
        concept=concept or {},
    )


@router.get("/partijen/{partij}/stukken/{sleutel}/{naam}")
def stuk(request: Request, partij: str, sleutel: str, naam: str) -> Response:
    """A document attached to the agenda of a meeting where this Partij sits, read-only."""
    from .planning import stuk_antwoord

    w = werkplek(request)
    _partij(w, partij)
    v = next((v for v in agendas(w, partij) if v.sleutel == sleutel), None)
    if v is None:
        raise HTTPException(
            404, "Dit stuk bestaat niet, of hoort niet bij een vergadering van uw Partij."
        )
    return stuk_antwoord(w, v, sleutel, naam)


def _terug(partij: str, opgeslagen: str = "", melding: str = "") -> Response:
    from urllib.parse import quote

    extra = f"?opgeslagen={opgeslagen}" if opgeslagen else f"?melding={quote(melding)}"
    return RedirectResponse(f"/partijen/{partij}{extra}", status_code=303)


@router.post("/partijen/{partij}/toetredingen/{dossier}")
async def toetredingsantwoord(request: Request, partij: str, dossier: str) -> Response:
    """The Partij's akkoord or bezwaar (22.4), into the dossier with who and when."""
    w = werkplek(request)
    _partij(w, partij)
    form, _ = await _formulier(request)
    if not DOSSIER_ID.match(dossier):
        raise HTTPException(404, "Deze toetreding is niet bekend.")
    vraag = next((t for t in toetredingsvragen(w, partij) if t.id == dossier), None)
    if vraag is None:
        raise HTTPException(404, "Deze toetreding vraagt niets van uw Partij.")
    if not vraag.open_:
        return _terug(
            partij, melding="De Stuurgroep heeft al besloten; een antwoord kan niet meer."
        )
    soort = (form.get("antwoord") or [""])[0]
    if soort not in ("akkoord", "bezwaar"):
        return _terug(partij, melding="Kies akkoord of bezwaar.")
    toelichting = (form.get("toelichting") or [""])[0].strip()[:MAX_INBRENG] or None
    wie = _wie(request)
    gevonden, inhoud = _dossier(w, dossier)
    if gevonden.model is None:
        raise HTTPException(422, "Dit dossier is niet te lezen; de secretaris herstelt het eerst.")
    nieuw = Antwoord(
        partij=partij, antwoord=soort, op=w.vandaag(), door=wie.weergave, toelichting=toelichting
    )
    d = gevonden.model
    try:
        _bewaar_dossier(
            w,
            gevonden.pad,
            d.model_copy(update={"antwoorden": [*d.antwoorden, nieuw]}),
            versie(inhoud),
        )
    except VerouderdeVersie:
        return _terug(partij, melding="Het dossier werd net gewijzigd. Probeer het nog eens.")
    naam = w.convenant.partij[partij].naam
    spoor.schrijf(
        w.register,
        wie,
        "antwoord",
        f"{naam}: {soort} op de toetreding van {d.organisatie.naam}",
        gevonden.pad.relative_to(w.register).as_posix(),
    )
    return _terug(partij, opgeslagen="antwoord")


def _inbreng_toevoegen(tekst: str, item: dict[str, Any]) -> str:
    """The meeting's text with one more inbreng, its comments kept: a new `inbreng:` block at
    the end, or the item under an `inbreng:` block that is already the last key."""
    regel = "  - " + als_tekst(item).strip().replace("\n", "\n    ") + "\n"
    if not tekst.endswith("\n"):
        tekst += "\n"
    sleutels = re.findall(r"^([a-z_]+):", tekst, flags=re.MULTILINE)
    if "inbreng" not in sleutels:
        return tekst + "inbreng:\n" + regel
    if sleutels[-1] == "inbreng" and not re.search(r"^inbreng:\s*\[", tekst, re.MULTILINE):
        return tekst + regel
    raise ValueError("inbreng staat niet als laatste in het bestand")


@router.post("/partijen/{partij}/inbreng/{vergadering}")
async def inbreng(request: Request, partij: str, vergadering: str) -> Response:
    """The Partij's inbreng for a meeting (5.2), written when its member will be absent (5.6,
    7.1): into the meeting file, where `toets` counts the written inbreng of an absent member."""
    w = werkplek(request)
    _partij(w, partij)
    form, _ = await _formulier(request)
    vraag = next((i for i in inbrengvragen(w, partij) if i.id == vergadering), None)
    if vraag is None:
        raise HTTPException(404, "Deze vergadering vraagt geen inbreng van uw Partij.")
    tekst = (form.get("tekst") or [""])[0].strip()

    def opnieuw(melding: str) -> Response:  # the page again, with what was typed
        return _pagina(request, partij, melding=melding, concept={vergadering: tekst}, status=422)

    if not tekst:
        return opnieuw("Schrijf uw inbreng in het tekstvak.")
    if len(tekst) > MAX_INBRENG:
        return opnieuw(f"Uw inbreng is langer dan {MAX_INBRENG} tekens; kort haar in.")
    wie = _wie(request)
    gelezen: Gelezen = w.lees(vergadering)
    item = {
        "partij": partij,
        "op": w.vandaag(),
        "door": wie.weergave,
        "tekst": tekst,
        **({"bij_afwezigheid": True} if vraag.afwezig else {}),
    }
    try:
        nieuw = _inbreng_toevoegen(gelezen.inhoud.decode("utf-8"), item).encode("utf-8")
        Register.vorm(gelezen.pad, Vergadering, nieuw)  # what is saved must read back
        bewaar(w.register, gelezen.pad, nieuw, versie(gelezen.inhoud))
    except (ValueError, InvoerFout):
        return opnieuw(
            "Uw inbreng kon niet in het register worden gezet: het bestand van de vergadering "
            "is zo opgemaakt dat er niets bij kan. Meld het de secretaris; uw tekst staat hieronder."
        )
    except VerouderdeVersie:
        return opnieuw("De vergadering werd net gewijzigd. Verstuur uw inbreng nog eens.")
    naam = w.convenant.partij[partij].naam
    spoor.schrijf(
        w.register,
        wie,
        "antwoord",
        f"{naam}: {'schriftelijke ' if vraag.afwezig else ''}inbreng voor de {vraag.orgaan} "
        f"van {lang(vraag.v.datum)}",
        gelezen.pad.name,
    )
    return _terug(partij, opgeslagen="inbreng")


@router.get("/partijen/{partij}/toetredingen/{dossier}/kennisgeving", response_class=HTMLResponse)
def kennisgeving(request: Request, partij: str, dossier: str) -> Response:
    """The kennisgeving (22.3) as the Partij received it."""
    from .documenten import antwoord, maak

    w = werkplek(request)
    _partij(w, partij)
    if not any(t.id == dossier for t in toetredingsvragen(w, partij)):
        raise HTTPException(404, "Deze toetreding vraagt niets van uw Partij.")
    gevonden, _ = _dossier(w, dossier)
    assert gevonden.model is not None
    document = maak(w, "kennisgeving-toetreding", "html", gevonden.model.verzoek(), gevonden.pad)
    return antwoord(document, f"kennisgeving-toetreding-{dossier}", True)
