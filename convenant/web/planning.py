"""Planning: the year's meetings per orgaan, and each meeting's agenda drafted before it.

The planning page shows per orgaan how often the convenant asks it to meet (4.3, 6.2, 6.4),
the meetings held and planned, and what is still missing; a meeting is planned by orgaan and
date. A planned meeting's own page builds its agenda: items with their purpose in words, the
documents attached per item (a PDF or Word file, stored in the register under `stukken/`,
served back from there), the date the Partijen were asked for inbreng (5.2), and the agenda
document in every format. When the meeting has been held, its form starts from this agenda.

Everything is saved in `planning.yaml` through governance.opslag (history kept, a stale second
tab refused); a form that cannot be saved is shown again as it was filled in, with the message
next to its field.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from pathlib import Path
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import UploadFile

from governance.datums import lang, ontleed_datum
from governance.errors import InvoerFout, Melding, VerouderdeVersie, WaardeFout
from governance.loader import lees_bytes
from governance.models import Convenant, Orgaan
from governance.opslag import bewaar, versie
from governance.planning import (
    DOELEN,
    MAX_STUK,
    PLANNING,
    SOORTEN_STUK,
    STUKKEN,
    GeplandeVergadering,
    Planning,
    Punt,
    Stuk,
    soort_stuk,
    veilige_naam,
    vrije_naam,
)
from governance.vergadering import Vergadering
from governance.yamlschrijver import als_yaml
from rules.planning import jaarplanning

from .afhankelijkheden import Jaar, pagina, werkplek
from .beveiliging import lees_formulier, te_groot
from .werkplek import Werkplek

router = APIRouter()

KOP = "Jaarplanning van de vergaderingen en hun agenda's, bijgehouden in de werkplek."
SLEUTEL = re.compile(r"^[a-z0-9][a-z0-9-]{0,60}-\d{4}-\d{2}-\d{2}$")
STUKNAAM = re.compile(r"^[a-z0-9][a-z0-9.-]{0,100}$")


def planbare_organen(c: Convenant) -> list[Orgaan]:
    """The organen whose meetings have an agenda of their own: Stuurgroep, Partneroverleg and
    the annual meeting (the Casusoverleg meets per case, 9.1)."""
    return [o for o in c.organen if o.vaste_agendapunten]


# --- reading and saving the planning -----------------------------------------------------------


class _Gelezen:
    def __init__(self, planning: Planning, versie_: str | None, fouten: list[Melding]) -> None:
        self.planning, self.versie, self.fouten = planning, versie_, fouten


def _pad(w: Werkplek) -> Path:
    return w.register / PLANNING


def lees(w: Werkplek) -> _Gelezen:
    """The planning as on disk now, with the version a save must find there."""
    pad = _pad(w)
    if pad.is_symlink() or (pad.exists() and not pad.is_file()):
        return _Gelezen(Planning(), None, [Melding(str(pad), "dit is geen gewoon bestand")])
    if not pad.exists():
        return _Gelezen(Planning(), None, [])
    try:
        inhoud = lees_bytes(pad)
        return _Gelezen(w.dienst.invoer(pad, Planning, inhoud).model, versie(inhoud), [])
    except InvoerFout as e:
        return _Gelezen(Planning(), "kapot", e.meldingen)


def bewaar_planning(w: Werkplek, planning: Planning, gelezen: str | None) -> None:
    planning = planning.model_copy(
        update={"vergaderingen": sorted(planning.vergaderingen, key=lambda v: (v.datum, v.orgaan))}
    )
    inhoud = als_yaml(planning, KOP).encode("utf-8")
    w.dienst.invoer(_pad(w), Planning, inhoud)  # what is saved reads back
    bewaar(w.register, _pad(w), inhoud, gelezen)


def geplande_vergaderingen(w: Werkplek) -> list[GeplandeVergadering]:
    """The planned meetings, for the overview and the calendar (none where it is broken)."""
    planning, _ = w.dienst.planning_met_fouten()
    return list(planning.vergaderingen)


def _vastgelegd(w: Werkplek) -> dict[tuple[str, dt.date], str]:
    """The register's meeting files by orgaan and date, with their id."""
    uit: dict[tuple[str, dt.date], str] = {}
    for g in w.alle():
        if g.vergadering is not None and g.id:
            v = g.vergadering.model
            uit.setdefault((v.orgaan, v.datum), g.id)
    return uit


# --- the year planning -------------------------------------------------------------------------


def _jaren(
    w: Werkplek, planning: Planning, vastgelegd: dict[tuple[str, dt.date], str]
) -> list[int]:
    vandaag = w.vandaag()
    bekend = {d.year for _, d in vastgelegd} | {v.datum.year for v in planning.vergaderingen}
    return list(range(min({vandaag.year, *bekend}), max({vandaag.year + 1, *bekend}) + 1))


def _planningpagina(
    request: Request,
    jaar: int | None,
    invoer: dict[str, str] | None = None,
    fouten: dict[str, str] | None = None,
    status: int = 200,
    opgeslagen: str = "",
) -> HTMLResponse:
    w = werkplek(request)
    c = w.convenant
    gelezen = lees(w)
    vastgelegd = _vastgelegd(w)
    vandaag = w.vandaag()
    jaar = jaar or vandaag.year
    per_orgaan = jaarplanning(
        c,
        jaar,
        vastgelegd,
        [(v.orgaan, v.datum) for v in gelezen.planning.vergaderingen],
        vandaag,
    )
    gepland = {(v.orgaan, v.datum): v for v in gelezen.planning.vergaderingen}
    organen = planbare_organen(c)
    return pagina(
        request,
        "planning.html.j2",
        status,
        titel=f"Planning {jaar}",
        jaar=jaar,
        jaren=_jaren(w, gelezen.planning, vastgelegd),
        vandaag=vandaag,
        per_orgaan=per_orgaan,
        gepland=gepland,
        vastgelegd=vastgelegd,
        organen=organen,
        kapot=gelezen.fouten,
        versie=gelezen.versie or "",
        invoer=invoer
        or {"orgaan": organen[0].id if organen else "", "datum": "", "tijd": "", "locatie": ""},
        fouten=fouten or {},
        opgeslagen=opgeslagen,
    )


@router.get("/planning", response_class=HTMLResponse)
def planningpagina(request: Request, jaar: Jaar = None, opgeslagen: str = "") -> Response:
    return _planningpagina(request, jaar, opgeslagen=opgeslagen)


async def _formulier(request: Request) -> tuple[dict[str, str], dict[str, UploadFile]]:
    form = await lees_formulier(request, MAX_STUK + 100_000)
    tekst = {k: v for k, v in form.items() if isinstance(v, str)}
    bestanden = {k: v for k, v in form.items() if isinstance(v, UploadFile)}
    return tekst, bestanden


def _datum(waarde: str, verplicht: bool = True) -> dt.date | None:
    """A date as typed (2027-11-03, 03-11-2027, 3 november 2027); ValueError in words."""
    waarde = waarde.strip()
    if not waarde:
        if verplicht:
            raise ValueError("vul een datum in, bijv. 03-11-2027")
        return None
    try:
        return ontleed_datum(waarde)
    except (WaardeFout, ValueError) as e:
        raise ValueError(str(getattr(e, "tekst", e))) from None


_TIJD = re.compile(r"^[0-2][0-9][:.][0-5][0-9]$")


@router.post("/planning", response_class=HTMLResponse)
async def plan(request: Request) -> Response:
    """Plan a meeting: orgaan, date, and time and place when known."""
    form, _ = await _formulier(request)
    w = werkplek(request)
    invoer = {k: form.get(k, "").strip() for k in ("orgaan", "datum", "tijd", "locatie")}
    fouten: dict[str, str] = {}
    organen = {o.id: o for o in planbare_organen(w.convenant)}
    if invoer["orgaan"] not in organen:
        fouten["orgaan"] = "Kies het orgaan dat vergadert."
    datum: dt.date | None = None
    try:
        datum = _datum(invoer["datum"])
    except ValueError as e:
        fouten["datum"] = f"Datum niet begrepen: {e}."
    if invoer["tijd"] and not _TIJD.match(invoer["tijd"]):
        fouten["tijd"] = "Schrijf de tijd als uu:mm, bijv. 15:30."
    gelezen = lees(w)
    if gelezen.fouten:
        fouten["algemeen"] = "De planning in het register is niet te lezen; herstel haar eerst."
    if datum is not None and invoer["orgaan"] in organen and "algemeen" not in fouten:
        naam = organen[invoer["orgaan"]].naam
        if (invoer["orgaan"], datum) in _vastgelegd(w):
            fouten["datum"] = f"De {naam} van {lang(datum)} is al vastgelegd als vergadering."
        elif any(
            v.orgaan == invoer["orgaan"] and v.datum == datum
            for v in gelezen.planning.vergaderingen
        ):
            fouten["datum"] = f"De {naam} van {lang(datum)} staat al in de planning."
    jaar = datum.year if datum else None
    if fouten:
        return _planningpagina(request, jaar, invoer, fouten, 422)
    assert datum is not None
    nieuw = GeplandeVergadering(
        orgaan=invoer["orgaan"],
        datum=datum,
        tijd=invoer["tijd"].replace(".", ":") or None,
        locatie=invoer["locatie"] or None,
    )
    planning = gelezen.planning.model_copy(
        update={"vergaderingen": [*gelezen.planning.vergaderingen, nieuw]}
    )
    try:
        bewaar_planning(w, planning, form.get("versie") or None)
    except VerouderdeVersie:
        fouten["algemeen"] = (
            "Iemand anders heeft de planning intussen gewijzigd; uw vergadering is niet "
            "opgeslagen. Hieronder staat de planning zoals die nu is; plan de vergadering opnieuw."
        )
        return _planningpagina(request, jaar, invoer, fouten, 409)
    return RedirectResponse(f"/planning?jaar={datum.year}&opgeslagen={nieuw.sleutel}", 303)


# --- one planned meeting and its agenda --------------------------------------------------------


def _gepland(w: Werkplek, sleutel: str) -> tuple[_Gelezen, GeplandeVergadering]:
    if not SLEUTEL.match(sleutel):
        raise HTTPException(404, "Deze vergadering staat niet in de planning.")
    gelezen = lees(w)
    v = gelezen.planning.van(sleutel)
    if v is None:
        raise HTTPException(404, "Deze vergadering staat niet in de planning.")
    return gelezen, v


def soorten_voor(c: Convenant, orgaan: Orgaan) -> list[Any]:
    """The kinds of besluit an item of this orgaan's agenda may be for: those it decides, and
    for the Stuurgroep those it puts to the twelve colleges (5.7); never casuïstiek where it
    may not discuss it (4.7, 6.9e)."""
    verbod = any(x.onderwerp == "casuistiek" for x in orgaan.verboden_onderwerpen)
    return [
        s
        for s in c.soorten
        if (
            orgaan.id in s.bevoegd
            or (s.voorbehouden_aan == "colleges" and orgaan.id == "stuurgroep")
        )
        and not (verbod and s.categorie == "casuistiek")
    ]


def _agendapagina(
    request: Request,
    sleutel: str,
    invoer: dict[str, str] | None = None,
    fouten: dict[str, str] | None = None,
    status: int = 200,
    opgeslagen: str = "",
) -> HTMLResponse:
    w = werkplek(request)
    c = w.convenant
    gelezen, v = _gepland(w, sleutel)
    orgaan = c.orgaan[v.orgaan]
    vastgelegd = _vastgelegd(w).get((v.orgaan, v.datum))
    from . import vaststellen

    ter_vaststelling = (
        None
        if vastgelegd or vaststellen.SOORT not in {s.id for s in soorten_voor(c, orgaan)}
        else vaststellen.ter_vaststelling(
            w, v.orgaan, v.datum, (p.stelt_vast for p in v.agendapunten)
        )
    )
    return pagina(
        request,
        "agendaontwerp.html.j2",
        status,
        titel=f"Agenda {orgaan.naam}, {lang(v.datum)}",
        v=v,
        sleutel=sleutel,
        orgaan=orgaan,
        vastgelegd=vastgelegd,
        ter_vaststelling=ter_vaststelling,
        soorten=soorten_voor(c, orgaan),
        soortnaam={s.id: s.naam for s in c.soorten},
        doelen=DOELEN,
        versie=gelezen.versie or "",
        invoer=invoer or {},
        fouten=fouten or {},
        opgeslagen=opgeslagen,
        max_stuk=MAX_STUK // (1024 * 1024),
        bestandsoorten=", ".join(sorted(SOORTEN_STUK)),
    )


@router.get("/planning/{sleutel}", response_class=HTMLResponse)
def agendapagina(request: Request, sleutel: str, opgeslagen: str = "") -> Response:
    return _agendapagina(request, sleutel, opgeslagen=opgeslagen)


def vervang(
    planning: Planning, oud: GeplandeVergadering, nieuw: GeplandeVergadering | None
) -> Planning:
    vergaderingen = [
        x for x in (nieuw if x is oud else x for x in planning.vergaderingen) if x is not None
    ]
    return planning.model_copy(update={"vergaderingen": vergaderingen})


def _opslaan(
    request: Request,
    w: Werkplek,
    sleutel: str,
    gelezen: _Gelezen,
    oud: GeplandeVergadering,
    nieuw: GeplandeVergadering | None,
    form: dict[str, str],
    opgeslagen: str,
) -> Response:
    try:
        bewaar_planning(w, vervang(gelezen.planning, oud, nieuw), form.get("versie") or None)
    except VerouderdeVersie:
        return _agendapagina(
            request,
            sleutel,
            form,
            {
                "algemeen": "Iemand anders heeft de planning intussen gewijzigd; uw wijziging "
                "is niet opgeslagen. Wat u invulde staat hieronder nog; verstuur het opnieuw."
            },
            409,
        )
    if nieuw is None:
        return RedirectResponse(f"/planning?jaar={oud.datum.year}&opgeslagen=verwijderd", 303)
    return RedirectResponse(f"/planning/{sleutel}?opgeslagen={opgeslagen}#agenda", 303)


@router.post("/planning/{sleutel}/gegevens", response_class=HTMLResponse)
async def gegevens(request: Request, sleutel: str) -> Response:
    """Time, place and the date the Partijen were asked for inbreng (5.2)."""
    form, _ = await _formulier(request)
    w = werkplek(request)
    gelezen, v = _gepland(w, sleutel)
    fouten: dict[str, str] = {}
    tijd = form.get("tijd", "").strip()
    if tijd and not _TIJD.match(tijd):
        fouten["tijd"] = "Schrijf de tijd als uu:mm, bijv. 15:30."
    inbreng: dt.date | None = None
    try:
        inbreng = _datum(form.get("inbreng_gevraagd_op", ""), verplicht=False)
    except ValueError as e:
        fouten["inbreng_gevraagd_op"] = f"Datum niet begrepen: {e}."
    if inbreng is not None and inbreng > v.datum:
        fouten["inbreng_gevraagd_op"] = (
            f"De Partijen worden vóór de vergadering om inbreng gevraagd (art. 5.2); "
            f"vul een datum in op of vóór {lang(v.datum)}."
        )
    if fouten:
        return _agendapagina(request, sleutel, form, fouten, 422)
    nieuw = v.model_copy(
        update={
            "tijd": tijd.replace(".", ":") or None,
            "locatie": form.get("locatie", "").strip() or None,
            "inbreng_gevraagd_op": inbreng,
        }
    )
    return _opslaan(request, w, sleutel, gelezen, v, nieuw, form, "gegevens")


def _stuk_uit(
    w: Werkplek, sleutel: str, bestand: UploadFile | None, fouten: dict[str, str], veld: str
) -> tuple[Stuk, bytes, Path] | None:
    """The attached file, checked: a PDF or Word document of at most MAX_STUK bytes, stored
    under a safe name of its own. None (and a message in `fouten`) when it is refused or
    there is none."""
    if bestand is None or not bestand.filename:
        return None
    inhoud = b"" if te_groot(bestand, MAX_STUK) else bestand.file.read(MAX_STUK + 1)
    getoond = re.split(r"[\\/]", bestand.filename)[-1].strip()
    getoond = "".join(t for t in getoond if t.isprintable())[:120] or "stuk"
    if te_groot(bestand, MAX_STUK):
        fouten[veld] = (
            f"{getoond} is groter dan {MAX_STUK // (1024 * 1024)} MB; verklein het bestand "
            "(bijv. als PDF met kleinere afbeeldingen) of voeg het in delen toe."
        )
        return None
    if not inhoud:
        fouten[veld] = f"{getoond} is leeg."
        return None
    naam = veilige_naam(getoond)
    if soort_stuk(naam, inhoud) is None:
        fouten[veld] = (
            f"{getoond} is geen PDF- of Word-bestand ({', '.join(sorted(SOORTEN_STUK))}); "
            "sla het stuk op als PDF of als Word-document en voeg het opnieuw toe."
        )
        return None
    basis = w.register / STUKKEN
    map_ = basis / sleutel
    for deel in (basis, map_):
        if deel.is_symlink() or (deel.exists() and not deel.is_dir()):
            fouten[veld] = (
                f"De map {deel.name} in het register is geen gewone map; de werkplek bewaart "
                "er geen stukken in. Vraag de beheerder het op te ruimen."
            )
            return None
    naam = vrije_naam(map_, naam)
    pad = map_ / naam
    if not pad.resolve().is_relative_to(w.register.resolve()):
        fouten[veld] = "Dit stuk kan niet in het register worden bewaard."
        return None
    return Stuk(naam=getoond, bestand=f"{sleutel}/{naam}"), inhoud, pad


def _bewaar_stuk(w: Werkplek, pad: Path, inhoud: bytes) -> None:
    pad.parent.mkdir(parents=True, exist_ok=True)
    bewaar(w.register, pad, inhoud, None)  # a new name: never over another file


@router.post("/planning/{sleutel}/punten", response_class=HTMLResponse)
async def punt_toevoegen(request: Request, sleutel: str) -> Response:
    """Add an agenda item with its purpose, and a document if one is attached."""
    form, bestanden = await _formulier(request)
    w = werkplek(request)
    gelezen, v = _gepland(w, sleutel)
    c = w.convenant
    orgaan = c.orgaan[v.orgaan]
    fouten: dict[str, str] = {}
    onderwerp, doel, soort = _puntvelden(c, orgaan, form, fouten, "")
    stuk = _stuk_uit(w, sleutel, bestanden.get("stuk"), fouten, "stuk")
    if fouten:
        return _agendapagina(request, sleutel, form, fouten, 422)
    punt = Punt(
        onderwerp=onderwerp,
        doel=doel,  # checked against DOELEN
        soort=soort,
        toelichting=form.get("toelichting", "").strip() or None,
        stukken=[stuk[0]] if stuk else [],
    )
    if stuk:
        _bewaar_stuk(w, stuk[2], stuk[1])
    nieuw = v.model_copy(update={"agendapunten": [*v.agendapunten, punt]})
    return _opslaan(request, w, sleutel, gelezen, v, nieuw, form, "punt")


def _puntvelden(
    c: Convenant, orgaan: Orgaan, form: dict[str, str], fouten: dict[str, str], achter: str
) -> tuple[str, str, str | None]:
    """Subject, purpose and kind of an item as typed, checked; errors at the fields whose ids
    end in `achter` (the new item's form has none, an item's edit form its number)."""
    onderwerp = form.get("onderwerp", "").strip()
    doel = form.get("doel", "")
    soort = form.get("soort", "").strip() or None
    if not onderwerp:
        fouten[f"onderwerp{achter}"] = "Vul het onderwerp van het agendapunt in."
    if doel not in DOELEN:
        fouten[f"doel{achter}"] = "Kies waarvoor het punt op de agenda staat."
    if doel == "besluitvorming" and soort not in {s.id for s in soorten_voor(c, orgaan)}:
        fouten[f"soort{achter}"] = (
            "Kies de soort besluit; een punt ter besluitvorming vraagt er een."
        )
    if doel != "besluitvorming":
        soort = None
    return onderwerp, doel, soort


def _punt(v: GeplandeVergadering, nummer: int) -> Punt:
    if not 1 <= nummer <= len(v.agendapunten):
        raise HTTPException(404, "Dit agendapunt bestaat niet (meer); open de agenda opnieuw.")
    return v.agendapunten[nummer - 1]


@router.post("/planning/{sleutel}/punten/{nummer}/stuk", response_class=HTMLResponse)
async def stuk_toevoegen(request: Request, sleutel: str, nummer: int) -> Response:
    form, bestanden = await _formulier(request)
    w = werkplek(request)
    gelezen, v = _gepland(w, sleutel)
    punt = _punt(v, nummer)
    veld = f"stuk-{nummer}"
    fouten: dict[str, str] = {}
    stuk = _stuk_uit(w, sleutel, bestanden.get("stuk"), fouten, veld)
    if stuk is None and not fouten:
        fouten[veld] = "Kies een PDF- of Word-bestand om bij te voegen."
    if fouten or stuk is None:
        return _agendapagina(request, sleutel, form, fouten, 422)
    _bewaar_stuk(w, stuk[2], stuk[1])
    nieuw_punt = punt.model_copy(update={"stukken": [*punt.stukken, stuk[0]]})
    punten = [nieuw_punt if p is punt else p for p in v.agendapunten]
    nieuw = v.model_copy(update={"agendapunten": punten})
    return _opslaan(request, w, sleutel, gelezen, v, nieuw, form, "stuk")


@router.post("/planning/{sleutel}/punten/{nummer}/wijzig", response_class=HTMLResponse)
async def punt_wijzigen(request: Request, sleutel: str, nummer: int) -> Response:
    """An item's subject, purpose, kind and explanation changed; its documents stay. An item
    put on the agenda from a toetreding keeps its purpose and kind: its dossier counts on
    the besluit it reserved."""
    form, _ = await _formulier(request)
    w = werkplek(request)
    gelezen, v = _gepland(w, sleutel)
    punt = _punt(v, nummer)
    c = w.convenant
    if punt.dossier or punt.besluit:
        form = {**form, "doel": punt.doel, "soort": punt.soort or ""}
    fouten: dict[str, str] = {}
    onderwerp, doel, soort = _puntvelden(c, c.orgaan[v.orgaan], form, fouten, f"-{nummer}")
    if fouten:
        return _agendapagina(request, sleutel, {**form, "punt": str(nummer)}, fouten, 422)
    nieuw_punt = punt.model_copy(
        update={
            "onderwerp": onderwerp,
            "doel": doel,
            "soort": soort,
            "toelichting": form.get("toelichting", "").strip() or None,
        }
    )
    punten = [nieuw_punt if p is punt else p for p in v.agendapunten]
    nieuw = v.model_copy(update={"agendapunten": punten})
    return _opslaan(request, w, sleutel, gelezen, v, nieuw, form, "gewijzigd")


@router.post("/planning/{sleutel}/punten/{nummer}/verplaats", response_class=HTMLResponse)
async def punt_verplaatsen(request: Request, sleutel: str, nummer: int) -> Response:
    """One place up or down the agenda (a button each, so it works without JavaScript)."""
    form, _ = await _formulier(request)
    w = werkplek(request)
    gelezen, v = _gepland(w, sleutel)
    _punt(v, nummer)
    naar = nummer - 1 if form.get("richting") == "op" else nummer + 1
    punten = list(v.agendapunten)
    if 1 <= naar <= len(punten):
        punten[nummer - 1], punten[naar - 1] = punten[naar - 1], punten[nummer - 1]
    nieuw = v.model_copy(update={"agendapunten": punten})
    return _opslaan(request, w, sleutel, gelezen, v, nieuw, form, "verplaatst")


@router.post("/planning/{sleutel}/punten/{nummer}/verwijder", response_class=HTMLResponse)
async def punt_verwijderen(request: Request, sleutel: str, nummer: int) -> Response:
    """Take an item off the agenda, and its documents out of the register's stukken folder
    (once the planning no longer names them; the page said so on the button)."""
    form, _ = await _formulier(request)
    w = werkplek(request)
    gelezen, v = _gepland(w, sleutel)
    punt = _punt(v, nummer)
    nieuw = v.model_copy(update={"agendapunten": [p for p in v.agendapunten if p is not punt]})
    antwoord = _opslaan(request, w, sleutel, gelezen, v, nieuw, form, "verwijderd")
    if antwoord.status_code == 303:
        _ruim_op(w, punt.stukken)
    return antwoord


@router.post("/planning/{sleutel}/vaststellen", response_class=HTMLResponse)
async def vaststelling_agenderen(request: Request, sleutel: str) -> Response:
    """Put the adoption of the previous meeting's concept besluitenlijst first on the agenda,
    as an item ter besluitvorming naming that meeting (5.8, 7.5)."""
    from . import vaststellen

    form, _ = await _formulier(request)
    w = werkplek(request)
    gelezen, v = _gepland(w, sleutel)
    keuzes = {e.waarde: e for e in vaststellen.eerdere(w, v.orgaan, v.datum)}
    eerdere = keuzes.get(form.get("stelt_vast", ""))
    if eerdere is None:
        return _agendapagina(
            request,
            sleutel,
            form,
            {
                "algemeen": "Die vergadering is geen eerdere vergadering van dit orgaan in het "
                "register; open de agenda opnieuw en kies de vaststelling die zij aanbiedt."
            },
            422,
        )
    if any(p.stelt_vast == eerdere.datum for p in v.agendapunten):
        return RedirectResponse(f"/planning/{sleutel}#agenda", 303)
    punt = Punt(
        onderwerp=vaststellen.onderwerp(w, v.orgaan, eerdere.datum),
        doel="besluitvorming",
        soort=vaststellen.SOORT,
        stelt_vast=eerdere.datum,
    )
    nieuw = v.model_copy(update={"agendapunten": [punt, *v.agendapunten]})
    return _opslaan(request, w, sleutel, gelezen, v, nieuw, form, "punt")


@router.post("/planning/{sleutel}/verwijder", response_class=HTMLResponse)
async def vergadering_verwijderen(request: Request, sleutel: str) -> Response:
    """Take a meeting out of the planning, with its agenda's documents (a meeting already
    recorded stays recorded)."""
    form, _ = await _formulier(request)
    w = werkplek(request)
    gelezen, v = _gepland(w, sleutel)
    antwoord = _opslaan(request, w, sleutel, gelezen, v, None, form, "")
    if antwoord.status_code == 303:
        _ruim_op(w, [s for p in v.agendapunten for s in p.stukken])
    return antwoord


def _ruim_op(w: Werkplek, stukken: list[Stuk]) -> None:
    """Remove the files of `stukken` that the planning as now saved no longer names, so no
    document is left in the register that no agenda leads to. Only files directly inside
    the stukken folder's meeting folders, never through a link."""
    planning, _ = w.dienst.planning_met_fouten()
    genoemd = {s.bestand for v in planning.vergaderingen for p in v.agendapunten for s in p.stukken}
    basis = w.register / STUKKEN
    for stuk in stukken:
        if stuk.bestand in genoemd:
            continue
        pad = basis / stuk.bestand
        if (
            pad.is_symlink()
            or pad.parent.is_symlink()
            or not pad.is_file()
            or not pad.resolve().is_relative_to(basis.resolve())
        ):
            continue
        pad.unlink()
        with contextlib.suppress(OSError):
            pad.parent.rmdir()  # the meeting's folder, once empty


@router.get("/planning/{sleutel}/stukken/{naam}")
def stuk(request: Request, sleutel: str, naam: str) -> Response:
    """An attached document, as it was uploaded. Only a file the agenda names, found under
    the register's stukken folder by the safe name this workplace gave it; nothing else."""
    w = werkplek(request)
    _, v = _gepland(w, sleutel)
    return stuk_antwoord(w, v, sleutel, naam)


def stuk_antwoord(w: Werkplek, v: GeplandeVergadering, sleutel: str, naam: str) -> Response:
    """The file of a document `v`'s agenda names, as it was uploaded (also for a Partij's
    contactpersoon, partij.py); 404 for anything else."""
    if not STUKNAAM.match(naam) or ".." in naam:
        raise HTTPException(404, "Dit stuk bestaat niet.")
    bestand = f"{sleutel}/{naam}"
    gevonden = next((s for p in v.agendapunten for s in p.stukken if s.bestand == bestand), None)
    basis = w.register / STUKKEN
    pad = basis / sleutel / naam
    if (
        gevonden is None
        or any(x.is_symlink() for x in (basis, basis / sleutel, pad))
        or not pad.is_file()
        or not pad.resolve().is_relative_to(basis.resolve())
    ):
        raise HTTPException(404, "Dit stuk bestaat niet (meer) in het register.")
    soort = SOORTEN_STUK.get(pad.suffix.lower())
    if soort is None:
        raise HTTPException(404, "Dit stuk bestaat niet.")
    return Response(
        pad.read_bytes(),
        media_type=soort[0],
        headers={
            "Content-Disposition": f'attachment; filename="{naam}"',
            "X-Content-Type-Options": "nosniff",
        },
    )


# --- the agenda document -----------------------------------------------------------------------


def als_vergadering(v: GeplandeVergadering, vorige: dt.date | None) -> Vergadering:
    """The planned meeting as the agenda document reads a meeting: orgaan, date, time, place,
    the previous meeting and the inbreng asked (its items go to the document apart)."""
    return Vergadering.model_construct(
        orgaan=v.orgaan,
        datum=v.datum,
        tijd=v.tijd,
        locatie=v.locatie,
        vorige_vergadering=vorige,
        inbreng_gevraagd_op=v.inbreng_gevraagd_op,
        besluiten=[],
        besproken=[],
        uitgenodigd=["alle"] if v.orgaan == "jaarvergadering" else [],
    )


def _vorige(w: Werkplek, v: GeplandeVergadering) -> dt.date | None:
    eerder = [d for (o, d) in _vastgelegd(w) if o == v.orgaan and d < v.datum]
    return max(eerder, default=None)


@router.get("/planning/{sleutel}/documenten", response_class=HTMLResponse)
def agendadocumenten(request: Request, sleutel: str) -> Response:
    from governance.errors import ConvenantFout

    from .documenten import knoppen, maak

    w = werkplek(request)
    _, v = _gepland(w, sleutel)
    orgaan = w.convenant.orgaan[v.orgaan]
    fout = concept = None
    redenen: list[str] = []
    try:
        concept = maak(
            w,
            "agenda",
            "md",
            als_vergadering(v, _vorige(w, v)),
            _pad(w),
            geplande_punten=v.agendapunten,
        ).concept
    except ConvenantFout as e:
        fout = e.voor_gebruiker()
        redenen = [m.tekst for m in getattr(e, "meldingen", [])]
    basis = f"/planning/{sleutel}/agenda"
    naam = f"{orgaan.de_naam} van {lang(v.datum)}"
    return pagina(
        request,
        "documenten.html.j2",
        titel=f"Agenda van {naam}",
        terug=(f"/planning/{sleutel}", f"de agenda in voorbereiding van {naam}"),
        redenen=redenen,
        soorten=[("agenda", f"/planning/{sleutel}/documenten")],
        soort="agenda",
        voorbeeld=f"{basis}?formaat=html&inline=ja",
        knoppen=knoppen(basis),
        concept=concept,
        fout=fout,
    )


@router.get("/planning/{sleutel}/agenda")
def agendadocument(
    request: Request, sleutel: str, formaat: str = "html", inline: str = ""
) -> Response:
    """The agenda of a planned meeting, made by `convenant maak`'s own function: its items in
    order with their purpose, and per item the documents attached."""
    from .documenten import antwoord, maak

    w = werkplek(request)
    _, v = _gepland(w, sleutel)
    document = maak(
        w,
        "agenda",
        formaat,
        als_vergadering(v, _vorige(w, v)),
        _pad(w),
        geplande_punten=v.agendapunten,
    )
    return antwoord(document, f"agenda-{sleutel}", inline == "ja")
