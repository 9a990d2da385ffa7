"""Uittreding and liquidatie in the workplace: `convenant simuleer` with a form around it.

A simulation changes nothing, so its form is a GET: the address of a what-if can be bookmarked
or mailed. Only a begroting is saved, as a file of the register (`begrotingen/ID.yaml`) in the
format `convenant simuleer liquidatie --begroting` reads, atomically and with its history.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import UploadFile

from governance.begroting import Begroting
from governance.bestanden import DOCUMENTEN
from governance.datums import lang, ontleed_datum
from governance.errors import (
    GebruiksFout,
    InvoerFout,
    Melding,
    NietOpgeslagen,
    VerouderdeVersie,
    WaardeFout,
)
from governance.loader import MAX_BYTES, Bestand
from governance.models import Convenant
from governance.opslag import bewaar, versie, versie_van
from governance.yamlschrijver import als_tekst, als_yaml
from rules.lezingen import Lezingkeuze
from rules.liquidatie import Liquidatie, Route, alle_uittredingen, liquideer

from .afhankelijkheden import niet_opgeslagen, opslagstatus, pagina, werkplek
from .beveiliging import lees_formulier, te_groot
from .werkplek import Werkplek

router = APIRouter()

BEGROTINGEN = "begrotingen"
BEGROTING_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,80}$")


def _keuze(w: Werkplek) -> Lezingkeuze:
    return w.keuze()


def _datumveld(waarde: str, veld: str, fouten: dict[str, str]) -> dt.date | None:
    if not waarde.strip():
        return None
    try:
        return ontleed_datum(waarde)
    except WaardeFout as e:
        fouten[veld] = f"{e.tekst}; {e.herstel}"
    except ValueError as e:
        fouten[veld] = str(e)
    return None


def _download(inhoud: str, naam: str, soort: str) -> Response:
    return Response(
        inhoud,
        media_type=soort,
        headers={"Content-Disposition": f'attachment; filename="{naam}"'},
    )


# --- uittreding --------------------------------------------------------------------------------


@router.get("/uittreding", response_class=HTMLResponse)
def uittredingpagina(
    request: Request,
    partij: str = "",
    route: str = "opzegtermijn",
    opzegging: str = "",
    ingang: str = "",
    ingebrekestelling: str = "",
    hersteltermijn: str = "",
    besluit: str = "",
    formaat: str = "",
) -> Response:
    from convenant.presentatie import uittreding_dict
    from convenant.register import controleer_partij
    from convenant.uitvoer import als_json
    from rules.uittreding import ontbrekende_datums, simuleer

    w = werkplek(request)
    c = w.convenant
    invoer = {
        "partij": partij,
        "route": route if route in ("opzegtermijn", "wijziging", "uitsluiting") else "opzegtermijn",
        "opzegging": opzegging,
        "ingang": ingang,
        "ingebrekestelling": ingebrekestelling,
        "hersteltermijn": hersteltermijn,
        "besluit": besluit,
        "brief_naam": request.query_params.get("brief_naam", ""),
        "brief_functie": request.query_params.get("brief_functie", ""),
        "brief_plaats": request.query_params.get("brief_plaats", ""),
    }
    fouten: dict[str, str] = {}
    datums = {
        veld: _datumveld(invoer[veld], veld, fouten)
        for veld in ("opzegging", "ingang", "ingebrekestelling", "hersteltermijn", "besluit")
    }
    uitkomst = None
    if not partij and "route" in request.query_params:  # Simuleer pressed with no Partij
        fouten["partij"] = "kies eerst de Partij die uittreedt; daarna kan de simulatie rekenen"
    if partij:
        try:
            controleer_partij(c, partij)
        except GebruiksFout as e:
            fouten["partij"] = str(e)
        r = invoer["route"]
        for o in ontbrekende_datums(r, datums["opzegging"], datums["ingang"]):  # type: ignore[arg-type]
            fouten.setdefault(o.veld, f"vul {o.wat} in")
        if not fouten:
            bezetting, _ = w.bezetting()
            uitkomst = simuleer(
                c,
                bezetting,
                partij,
                r,  # type: ignore[arg-type]  # checked against the three routes above
                datums["opzegging"],
                datums["ingang"],
                datums["ingebrekestelling"],
                datums["hersteltermijn"],
                datums["besluit"],
                _keuze(w),
            )
    if uitkomst is not None and request.query_params.get("brief") == "ja":
        # the letter needs its place (and a signatory): asked here, next to the field, rather
        # than on the documents page where nothing can be filled in
        ondertekenaar = c.partij[partij].ondertekenaar
        for veld, standaard, wat in (
            ("brief_naam", ondertekenaar.naam if ondertekenaar else "", "wie de brief ondertekent"),
            ("brief_functie", ondertekenaar.functie if ondertekenaar else "", "diens functie"),
            ("brief_plaats", "", "de plaats waar de brief wordt ondertekend, bijv. Assen"),
        ):
            if not invoer[veld].strip() and not standaard:
                fouten[veld] = f"vul {wat} in: de opzeggingsbrief noemt het"
        if not fouten:
            from urllib.parse import urlencode

            from fastapi.responses import RedirectResponse

            rest = [(k, v) for k, v in request.query_params.multi_items() if k != "brief"]
            return RedirectResponse(
                f"/uittreding/documenten?{urlencode(rest)}&soort=opzegging", status_code=303
            )
    if uitkomst is not None and formaat == "json":
        return _download(
            als_json(uittreding_dict(uitkomst)), f"uittreding-{partij}.json", "application/json"
        )
    return pagina(
        request,
        "uittreding.html.j2",
        titel="Uittreding",
        invoer=invoer,
        fouten=fouten,
        u=uitkomst,
        c=c,
        partijen=[p for p in c.partijen if p.is_partij],
        query=request.url.query,
        opzeggingen=opzeggingen_in_register(w),
        fout_vastleggen=request.query_params.get("fout_vastleggen", ""),
        vastgelegd=request.query_params.get("vastgelegd", ""),
        vastleggen=[(k, invoer[k]) for k in ("partij", "route", "opzegging", "ingang")],
    )


# --- begrotingen ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class BegrotingBestand:
    id: str  # the path in the register without .yaml: "begrotingen/2027", "begroting"
    pad: Path
    model: Begroting | None
    fouten: tuple[Melding, ...] = ()


def _laad_begroting(w: Werkplek, pad: Path, inhoud: bytes) -> Bestand[Begroting]:
    """A budget checked as `simuleer liquidatie` checks it: shape, ids, duplicate ids."""
    return w.dienst.invoer(pad, Begroting, inhoud)


def begrotingen(w: Werkplek) -> list[BegrotingBestand]:
    """The budgets of the register: begrotingen/*.yaml, begroting.yaml, documenten/*begroting*."""
    kandidaten = [
        *sorted((w.register / BEGROTINGEN).glob("*.yaml")),
        w.register / "begroting.yaml",
        *sorted((w.register / "documenten").glob("*begroting*.yaml")),
    ]
    uit: list[BegrotingBestand] = []
    for pad in kandidaten:
        if not pad.is_file() or pad.is_symlink():
            continue
        ident = pad.relative_to(w.register).with_suffix("").as_posix()
        try:
            model: Begroting | None = _laad_begroting(w, pad, pad.read_bytes()).model
            uit.append(BegrotingBestand(ident, pad, model))
        except InvoerFout as e:
            uit.append(BegrotingBestand(ident, pad, None, tuple(e.meldingen)))
        except OSError:
            continue
    return uit


def _kies_begroting(w: Werkplek, ident: str) -> BegrotingBestand | None:
    """Only a budget the register lists: an id from a URL never becomes a path by itself."""
    alle = begrotingen(w)
    if not ident:
        return next((b for b in alle if b.model is not None), None)
    gevonden = next((b for b in alle if b.id == ident), None)
    if gevonden is None:
        raise HTTPException(404, f"Er is geen begroting '{ident}' in dit register.")
    return gevonden


# --- liquidatie ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rij:
    gemeente: str
    naam: str
    gewicht: Decimal
    aandeel: Decimal  # percent
    bedrag: Decimal | None
    basis: Decimal
    verschil: Decimal


def _rijen(c: Convenant, u: Liquidatie, basis: Liquidatie) -> list[Rij]:
    som = sum(u.gewichten.values(), Decimal(0))
    rijen = []
    for g, b in basis.gemeenten.items():
        nu = u.gemeenten.get(g)
        gewicht = u.gewichten.get(g, Decimal(0))
        rijen.append(
            Rij(
                g,
                c.partij[g].naam,
                basis.gewichten[g],
                (gewicht / som * 100) if (nu is not None and som) else Decimal(0),
                nu,
                b,
                (nu or Decimal(0)) - b,
            )
        )
    return rijen


def alle_tabel(
    c: Convenant, begroting: Begroting, sleutel: Any
) -> tuple[list[str], list[tuple[str, list[Decimal | None]]]]:
    """The all-single-exits table: per gemeente (row), its share when each other one leaves."""
    t = alle_uittredingen(c, begroting, sleutel)
    kolommen = list(t)
    return kolommen, [(g, [t[weg].get(g) for weg in kolommen]) for g in kolommen]


@router.get("/liquidatie", response_class=HTMLResponse)
def liquidatiepagina(
    request: Request,
    begroting: str = "",
    route: str = "opheffing",
    uittredend: str = "",
    alle: str = "",
    formaat: str = "",
    opgeslagen: str = "",
) -> Response:
    from convenant.presentatie import alle_dict, liquidatie_csv, liquidatie_dict
    from convenant.uitvoer import als_json

    from .api import verdeelsleutel

    w = werkplek(request)
    c = w.convenant
    zonder = [z for z in request.query_params.getlist("zonder") if z]
    gekozen = _kies_begroting(w, begroting)
    gekozen_route: Route = (
        "uittreding" if route == "uittreding" else "rechter" if route == "rechter" else "opheffing"
    )
    route = gekozen_route
    gemeenten = [p for p in c.partijen if p.soort == "gemeente"]
    fouten: list[str] = []
    u = basis = sleutel = None
    try:
        sleutel = verdeelsleutel(w)
    except (InvoerFout, GebruiksFout) as e:
        fouten.append(e.voor_gebruiker())
    if route == "uittreding" and not uittredend:
        fouten.append("Kies bij route uittreding de gemeente die uittreedt.")
    gemeente_ids = {g.id for g in gemeenten}
    if uittredend and uittredend not in gemeente_ids:
        fouten.append(f"'{uittredend}' is geen gemeente.")
    if any(z not in gemeente_ids for z in zonder):
        fouten.append("Alleen gemeenten kunnen wegvallen uit de verdeling.")
    begr = gekozen.model if gekozen else None
    if begr is not None and sleutel is not None and not fouten:
        keuze = _keuze(w)
        try:
            u = liquideer(c, begr, sleutel, gekozen_route, zonder, uittredend or None, keuze=keuze)
            basis = liquideer(c, begr, sleutel, "opheffing", keuze=keuze)
        except ValueError as e:
            fouten.append(str(e))
    if u is not None and begr is not None and sleutel is not None:
        naam = f"liquidatie-{Path(gekozen.id).name if gekozen else 'begroting'}"
        if formaat == "json":
            return _download(
                als_json(liquidatie_dict(c, u, begr, sleutel)), f"{naam}.json", "application/json"
            )
        if formaat == "csv":
            return _download(liquidatie_csv(c, u), f"{naam}.csv", "text/csv; charset=utf-8")
        if formaat == "alle-json":
            return _download(
                als_json(alle_dict(alle_uittredingen(c, begr, sleutel))),
                f"{naam}-alle-uittredingen.json",
                "application/json",
            )
    rijen = _rijen(c, u, basis) if u is not None and basis is not None else []
    return pagina(
        request,
        "liquidatie.html.j2",
        titel="Liquidatie",
        c=c,
        begrotingen=begrotingen(w),
        gekozen=gekozen,
        route=route,
        uittredend=uittredend,
        zonder=zonder,
        gemeenten=gemeenten,
        fouten=fouten,
        u=u,
        rijen=rijen,
        grootste=max((r.bedrag or Decimal(0) for r in rijen), default=Decimal(0)),
        alle=(
            alle_tabel(c, begr, sleutel)
            if alle and begr is not None and sleutel is not None and not fouten
            else None
        ),
        sleutel=sleutel,
        query=request.url.query,
        opgeslagen=opgeslagen,
    )


# --- editing and uploading a begroting ----------------------------------------------------------

LEGE_POST = {"id": "", "omschrijving": "", "soort": "personeel_vrd", "partner": "", "bedrag": ""}


def _velden_uit(model: Begroting) -> dict[str, Any]:
    return {
        "naam": model.naam,
        "voorbeeld": model.voorbeeld,
        "opgesteld_door": model.opgesteld_door,
        "peildatum": model.peildatum.isoformat(),
        "posten": [
            {
                "id": p.id,
                "omschrijving": p.omschrijving,
                "soort": p.soort,
                "partner": p.partner or "",
                "bedrag": f"{p.bedrag:.2f}",
            }
            for p in model.posten
        ],
    }


def _als_bestand(velden: dict[str, Any]) -> bytes:
    """The form as the YAML file a secretaris would write; amounts as text, never floats."""
    data: dict[str, Any] = {"naam": velden["naam"]}
    if velden.get("voorbeeld"):
        data["voorbeeld"] = True
    if velden.get("opgesteld_door") and velden["opgesteld_door"] != "Veiligheidsregio Drenthe":
        data["opgesteld_door"] = velden["opgesteld_door"]
    data["peildatum"] = velden["peildatum"]
    data["posten"] = []
    for p in velden["posten"]:
        post: dict[str, Any] = {
            "id": p["id"],
            "omschrijving": p["omschrijving"],
            "soort": p["soort"],
        }
        if p["soort"] == "gedetacheerd" or p.get("partner"):
            post["partner"] = p.get("partner", "")
        post["bedrag"] = p["bedrag"]
        data["posten"].append(post)
    kop = "Liquidatiebegroting (25.6), opgeslagen in de werkplek.\nconvenant simuleer liquidatie --begroting PAD leest dit bestand."
    return als_tekst(data, kop).encode("utf-8")


async def _formulier(request: Request) -> tuple[dict[str, list[str]], dict[str, Any]]:
    """The posted form (urlencoded or multipart) after the CSRF check; files apart."""
    form = await lees_formulier(request, MAX_BYTES + 100_000)
    tekst = {k: [v for v in form.getlist(k) if isinstance(v, str)] for k in form}
    bestanden = {k: v for k, v in form.multi_items() if not isinstance(v, str)}
    return tekst, bestanden


# Read on the event loop; routes that take it are plain functions, run in a worker thread, so
# an upload is loaded (and a bad one refused) without holding up other requests.
Formulier = Annotated[tuple[dict[str, list[str]], dict[str, Any]], Depends(_formulier)]


def _een(form: dict[str, list[str]], naam: str) -> str:
    return (form.get(naam) or [""])[0].strip()


def _velden_uit_formulier(form: dict[str, list[str]]) -> dict[str, Any]:
    kolommen = {k: form.get(f"post_{k}", []) for k in LEGE_POST}
    aantal = max((len(v) for v in kolommen.values()), default=0)
    posten = [
        {k: (kolommen[k][i].strip() if i < len(kolommen[k]) else "") for k in LEGE_POST}
        for i in range(aantal)
    ]
    return {
        "naam": _een(form, "naam"),
        "voorbeeld": _een(form, "voorbeeld") == "ja",
        "opgesteld_door": _een(form, "opgesteld_door") or "Veiligheidsregio Drenthe",
        "peildatum": _een(form, "peildatum"),
        "posten": [p for p in posten if any(p[k] for k in ("id", "omschrijving", "bedrag"))],
    }


def _nieuw_id(naam: str) -> str:
    schoon = re.sub(r"[^a-z0-9]+", "-", naam.lower()).strip("-")[:60]
    return schoon or "begroting"


@router.get("/liquidatie/begroting", response_class=HTMLResponse)
def begroting_bewerken(request: Request, id: str = "") -> Response:
    w = werkplek(request)
    if id:
        gekozen = _kies_begroting(w, id)
        assert gekozen is not None
        if gekozen.model is None:
            raise HTTPException(
                422,
                "Deze begroting is niet te lezen; herstel haar in een editor: "
                + "; ".join(str(m) for m in gekozen.fouten),
            )
        velden = _velden_uit(gekozen.model)
        gelezen = versie(gekozen.pad.read_bytes())
        doel = (
            gekozen.id.removeprefix(f"{BEGROTINGEN}/")
            if gekozen.id.startswith(f"{BEGROTINGEN}/")
            else ""
        )
    else:
        velden = {
            "naam": "",
            "voorbeeld": False,
            "opgesteld_door": "Veiligheidsregio Drenthe",
            "peildatum": "",
            "posten": [],
        }
        gelezen, doel = "", ""
    return _bewerkpagina(request, w, velden, id, doel, gelezen, [])


def _bewerkpagina(
    request: Request,
    w: Werkplek,
    velden: dict[str, Any],
    bron: str,
    doel: str,
    gelezen: str,
    fouten: list[str],
    status: int = 200,
) -> Response:
    posten = [*velden["posten"], dict(LEGE_POST)]
    return pagina(
        request,
        "begroting.html.j2",
        status,
        titel="Begroting bewerken",
        velden={**velden, "posten": posten},
        bron=bron,
        doel=doel,
        gelezen=gelezen,
        fouten=fouten,
        partners=[p for p in w.convenant.partijen if p.soort == "ketenpartner"],
    )


@router.post("/liquidatie/begroting", response_class=HTMLResponse)
def begroting_opslaan(request: Request, gegevens: Formulier) -> Response:
    w = werkplek(request)
    form, bestanden = gegevens
    doel = _een(form, "doel")
    gelezen = _een(form, "gelezen")
    bron = _een(form, "bron")
    geupload = bestanden.get("bestand")
    if isinstance(geupload, UploadFile) and geupload.filename:
        inhoud = geupload.file.read(MAX_BYTES + 1)  # in this worker thread, not on the loop
        if len(inhoud) > MAX_BYTES or te_groot(geupload, MAX_BYTES):
            raise HTTPException(413, "Dit bestand is te groot voor een begroting.")
        try:
            model = _laad_begroting(w, Path(geupload.filename), inhoud).model
        except InvoerFout as e:
            return _bewerkpagina(
                request,
                w,
                {
                    "naam": "",
                    "voorbeeld": False,
                    "opgesteld_door": "",
                    "peildatum": "",
                    "posten": [],
                },
                bron,
                doel,
                gelezen,
                [str(m) for m in e.meldingen],
                422,
            )
        velden = _velden_uit(model)
        doel = doel or _nieuw_id(Path(geupload.filename).stem)
        # saved as uploaded, comments and all: it was read and checked just now
    else:
        velden = _velden_uit_formulier(form)
        if _een(form, "actie") == "regel":  # another empty row: the page always shows one more
            return _bewerkpagina(request, w, velden, bron, doel, gelezen, [])
        doel = doel or _nieuw_id(velden["naam"])
        inhoud = _als_bestand(velden)
    if not BEGROTING_ID.match(doel):
        return _bewerkpagina(
            request,
            w,
            velden,
            bron,
            doel,
            gelezen,
            ["De bestandsnaam mag alleen kleine letters, cijfers, '-' en '_' bevatten."],
            422,
        )
    pad = w.register / BEGROTINGEN / f"{doel}.yaml"
    try:
        _laad_begroting(w, pad, inhoud)
    except InvoerFout as e:
        return _bewerkpagina(
            request, w, velden, bron, doel, gelezen, [str(m) for m in e.meldingen], 422
        )
    # Saving over a file means having read it; a new name must still be free.
    gelezen_versie = (
        gelezen if (gelezen and _een(form, "bron") == f"{BEGROTINGEN}/{doel}") else None
    )
    if versie_van(pad) is not None and gelezen_versie is None:
        return _bewerkpagina(
            request,
            w,
            velden,
            bron,
            doel,
            gelezen,
            [
                f"Er is al een begroting '{doel}'. Kies een andere bestandsnaam, of open die begroting om haar te bewerken."
            ],
            409,
        )
    try:
        bewaar(w.register, pad, inhoud, gelezen_versie)
    except VerouderdeVersie:
        return _bewerkpagina(
            request,
            w,
            velden,
            bron,
            doel,
            gelezen,
            [
                "Iemand anders heeft deze begroting intussen opgeslagen. Uw invoer staat hieronder "
                "nog; open de begroting opnieuw om de andere versie te zien, of sla uw versie op "
                "onder een andere naam."
            ],
            409,
        )
    except NietOpgeslagen as e:
        return _bewerkpagina(
            request, w, velden, bron, doel, gelezen, [niet_opgeslagen(e)], opslagstatus(e)
        )
    return RedirectResponse(
        f"/liquidatie?begroting={BEGROTINGEN}/{doel}&opgeslagen=ja", status_code=303
    )


# --- documents of an exit and a liquidation -----------------------------------------------------

UITTREDINGSDOCUMENTEN = ("opzegging", "uittredingsoverzicht")


def _opzegging(request: Request) -> tuple[Any, list[str]]:
    """The opzegging the exit page describes (its query), or why there is none yet."""
    return opzegging_uit(werkplek(request).convenant, request.query_params)


def opzegging_uit(c: Convenant, q: Mapping[str, str]) -> tuple[Any, list[str]]:
    """The opzegging described by the exit page's fields, or why there is none yet."""
    from governance.documenten import Opzegging

    partij = c.partij.get(q.get("partij", ""))
    if partij is None or not partij.is_partij:
        return None, ["Kies eerst de Partij die vertrekt."]
    if q.get("route", "opzegtermijn") not in ("opzegtermijn", "wijziging"):
        return None, ["Bij een uitsluiting zegt de Partij niet zelf op: er is geen opzegging."]
    ondertekenaar = partij.ondertekenaar
    naam = q.get("brief_naam") or (ondertekenaar.naam if ondertekenaar else "")
    functie = q.get("brief_functie") or (ondertekenaar.functie if ondertekenaar else "")
    data: dict[str, Any] = {
        "partij": partij.id,
        "datum": q.get("opzegging", ""),
        "route": q.get("route", "opzegtermijn"),
        "ondertekenaar": {"naam": naam, "functie": functie},
        "plaats": q.get("brief_plaats", ""),
    }
    if q.get("ingang"):
        data["ingang_wijziging"] = q.get("ingang")
    if q.get("wijziging"):
        data["wijziging"] = q.get("wijziging")
    try:
        return Opzegging.model_validate(data), []
    except ValueError:
        ontbreekt = [
            tekst
            for waarde, tekst in (
                (data["datum"], "de datum van de opzegging"),
                (naam, "wie de brief ondertekent"),
                (functie, "diens functie"),
                (data["plaats"], "de plaats van de brief"),
            )
            if not waarde
        ]
        return None, [
            "Voor de brief ontbreekt nog: " + (", ".join(ontbreekt) or "een geldige datum") + "."
        ]


# --- recording a notice actually given (25.2, 23.3) ------------------------------------------------

VASTLEGVELDEN = ("partij", "route", "opzegging", "ingang", "wijziging")
BRIEFVELDEN = ("brief_naam", "brief_functie", "brief_plaats")


def opzeggingen_in_register(w: Werkplek) -> list[tuple[str, Any]]:
    """The notices the register records (documenten/), with their file relative to it."""
    return [
        (pad.relative_to(w.register).as_posix() if pad.is_relative_to(w.register) else str(pad), z)
        for pad, z in w.dienst.stukken().opzeggingen
    ]


@router.post("/uittreding/vastleggen")
async def opzegging_vastleggen(request: Request) -> Response:
    """Record that a Partij gave notice on a date: the notice as a document of the register
    (documenten/opzegging-PARTIJ-DATUM.yaml), which the register service reads, so the state
    on every later date, every verdict, the overview and `convenant toets` follow it. A notice
    is recorded once, never in the future, and only by a party that is one on that date."""
    from urllib.parse import urlencode

    from governance.documenten import Opzegging

    form = await lees_formulier(request, 20_000)
    velden = {
        k: v.strip()
        for k in (*VASTLEGVELDEN, *BRIEFVELDEN)
        if isinstance(v := form.get(k, ""), str)
    }
    w = werkplek(request)
    c = w.convenant
    query = [(k, v) for k, v in velden.items() if v]

    def terug(**extra: str) -> Response:
        return RedirectResponse(
            f"/uittreding?{urlencode([*query, *extra.items()])}#vastleggen", 303
        )

    opzegging, waarom = opzegging_uit(c, velden)
    if opzegging is None:
        return terug(fout_vastleggen=" ".join(waarom))
    assert isinstance(opzegging, Opzegging)
    partij = c.partij[opzegging.partij]
    if opzegging.datum > w.vandaag():
        return terug(
            fout_vastleggen=f"De opzegging is gedateerd op {lang(opzegging.datum)}, na vandaag. "
            "Leg een opzegging vast als de brief er is; een opzegging vooruit is een simulatie."
        )
    if not partij.in_kracht_op(opzegging.datum):
        return terug(fout_vastleggen=f"{partij.naam} is op {lang(opzegging.datum)} geen Partij.")
    eerder = [z for _, z in opzeggingen_in_register(w) if z.partij == partij.id]
    if eerder:
        z = eerder[0]
        return terug(
            fout_vastleggen=f"De opzegging van {partij.naam} van {lang(z.datum)} is al "
            "vastgelegd in het register; een Partij zegt één keer op. Klopt die niet, herstel "
            "dan het document in het register."
        )
    pad = (
        w.register
        / DOCUMENTEN
        / f"opzegging-{partij.id.replace('_', '-')}-{opzegging.datum.isoformat()}.yaml"
    )
    kop = (
        f"Opzegging van {partij.naam} (art. {'23.3' if opzegging.route == 'wijziging' else '25.2'}), "
        "vastgelegd in de werkplek."
    )
    inhoud = als_yaml(opzegging, kop).encode("utf-8")
    try:
        w.dienst.invoer(pad, Opzegging, inhoud)  # what is saved reads back
        bewaar(w.register, pad, inhoud, None)
    except VerouderdeVersie:
        return terug(fout_vastleggen="Deze opzegging staat al in het register.")
    except InvoerFout as e:
        return terug(fout_vastleggen=e.voor_gebruiker())
    return terug(vastgelegd="ja")


def _zonder_formaat(request: Request) -> str:
    from urllib.parse import urlencode

    return urlencode(
        [
            (k, v)
            for k, v in request.query_params.multi_items()
            if k not in ("formaat", "soort", "inline")
        ]
    )


@router.get("/uittreding/documenten", response_class=HTMLResponse)
def uittredingsdocumenten(request: Request, soort: str = "uittredingsoverzicht") -> Response:
    from .documenten import knoppen, maak

    w = werkplek(request)
    if soort not in UITTREDINGSDOCUMENTEN:
        raise HTTPException(404, f"Geen document '{soort}' bij een uittreding.")
    opzegging, waarom = _opzegging(request)
    fout = "\n".join(waarom) or None
    concept = None
    if opzegging is not None:
        try:
            concept = maak(w, soort, "md", opzegging, w.register / "opzegging.yaml").concept
        except (InvoerFout, GebruiksFout) as e:
            fout = e.voor_gebruiker()
    query = _zonder_formaat(request)
    basis = f"/uittreding/document/{soort}?{query}"
    return pagina(
        request,
        "documenten.html.j2",
        titel="Documenten bij een uittreding",
        terug=(f"/uittreding?{query}", "de simulatie"),
        soorten=[(s, f"/uittreding/documenten?{query}&soort={s}") for s in UITTREDINGSDOCUMENTEN],
        soort=soort,
        voorbeeld=f"{basis}&formaat=html&inline=ja",
        knoppen=knoppen(basis, "&"),
        concept=concept,
        fout=fout,
    )


@router.get("/uittreding/document/{soort}")
def uittredingsdocument(
    request: Request, soort: str, formaat: str = "html", inline: str = ""
) -> Response:
    from .documenten import antwoord, maak

    w = werkplek(request)
    if soort not in UITTREDINGSDOCUMENTEN:
        raise HTTPException(404, f"Geen document '{soort}' bij een uittreding.")
    opzegging, waarom = _opzegging(request)
    if opzegging is None:
        raise HTTPException(422, " ".join(waarom))
    document = maak(w, soort, formaat, opzegging, w.register / "opzegging.yaml")
    return antwoord(document, f"{soort}-{opzegging.partij}", inline == "ja")


def _liquidatie_opties(request: Request) -> tuple[BegrotingBestand, dict[str, Any]]:
    from .api import verdeelsleutel

    w = werkplek(request)
    q = request.query_params
    gekozen = _kies_begroting(w, q.get("begroting", ""))
    if gekozen is None or gekozen.model is None:
        raise HTTPException(422, "Kies eerst een begroting die te lezen is.")
    route = q.get("route", "opheffing")
    return gekozen, {
        "verdeelsleutel": verdeelsleutel(w),
        "route": route if route in ("opheffing", "uittreding", "rechter") else "opheffing",
        "uittredend": q.get("uittredend") or None,
        "zonder": tuple(z for z in q.getlist("zonder") if z),
    }


@router.get("/liquidatie/documenten", response_class=HTMLResponse)
def liquidatiedocumenten(request: Request) -> Response:
    from .documenten import knoppen, maak

    w = werkplek(request)
    fout = concept = None
    try:
        gekozen, opties = _liquidatie_opties(request)
        concept = maak(w, "liquidatieoverzicht", "md", gekozen.model, gekozen.pad, **opties).concept
    except (InvoerFout, GebruiksFout) as e:
        fout = e.voor_gebruiker()
    query = _zonder_formaat(request)
    basis = f"/liquidatie/document?{query}"
    return pagina(
        request,
        "documenten.html.j2",
        titel="Liquidatieoverzicht",
        terug=(f"/liquidatie?{query}", "de simulatie"),
        soorten=[("liquidatieoverzicht", f"/liquidatie/documenten?{query}")],
        soort="liquidatieoverzicht",
        voorbeeld=f"{basis}&formaat=html&inline=ja",
        knoppen=knoppen(basis, "&"),
        concept=concept,
        fout=fout,
    )


@router.get("/liquidatie/document")
def liquidatiedocument(request: Request, formaat: str = "html", inline: str = "") -> Response:
    from .documenten import antwoord, maak

    w = werkplek(request)
    gekozen, opties = _liquidatie_opties(request)
    document = maak(w, "liquidatieoverzicht", formaat, gekozen.model, gekozen.pad, **opties)
    return antwoord(document, f"liquidatieoverzicht-{Path(gekozen.id).name}", inline == "ja")
