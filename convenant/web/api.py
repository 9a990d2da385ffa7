"""The JSON API under /api/: the engine for other systems, answering as the CLI's `--json`.

Every answer is built by the same function that prints the CLI's JSON, from the same rules, on
the register the workplace was started on. A request body is read by the loader that reads
the CLI's input files (JSON is YAML), so a mistake gets the same Dutch message, with its line
and column in the body and the path of the field, as HTTP 422; nothing answers with a 500 and
a traceback. POSTs must say `Content-Type: application/json`: a page on another site can
send a form, but not that, without the browser asking this server first (which it refuses).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Coroutine, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import yaml
from fastapi import APIRouter, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.routing import APIRoute
from pydantic import BaseModel, ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from governance.bestanden import lezingen_uit
from governance.datums import ontleed_datum
from governance.errors import ConvenantFout, GebruiksFout, InvoerFout, Melding, WaardeFout
from governance.loader import MAX_BYTES, Bestand, Bron, laad
from governance.models import Bezetting, Soort, Verdeelsleutel
from governance.vergadering import Vergadering
from governance.verwijzingen import controleer, dubbele_ids, ids_van

from ..uitvoer import json_waarde
from . import api_modellen as m
from .app import pagina, werkplek
from .werkplek import Werkplek

if TYPE_CHECKING:
    from rules.lezingen import Lezingkeuze

VERZOEK = "verzoek"  # how messages name the request body, where the CLI names a file
M = TypeVar("M", bound=BaseModel)


class ApiFout(Exception):
    def __init__(self, status: int, tekst: str, herstel: str = "", pad: str = "") -> None:
        super().__init__(tekst)
        self.status, self.tekst, self.herstel, self.pad = status, tekst, herstel, pad


def _fouten(meldingen: list[Melding], status: int = 422) -> JSONResponse:
    return JSONResponse({"fouten": [x.als_dict() for x in meldingen]}, status_code=status)


def _een(status: int, tekst: str, herstel: str = "", pad: str = "") -> JSONResponse:
    return _fouten([Melding(VERZOEK, tekst, pad=pad, herstel=herstel)], status)


class ApiRoute(APIRoute):
    """Every failure of an API route as JSON in Dutch; never a page, never a traceback."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        origineel = super().get_route_handler()

        async def behandel(request: Request) -> Response:
            try:
                return await origineel(request)
            except InvoerFout as e:
                return _fouten(e.meldingen)
            except ApiFout as e:
                return _een(e.status, e.tekst, e.herstel, e.pad)
            except ConvenantFout as e:
                return _een(422, e.voor_gebruiker())
            except RequestValidationError as e:
                return _fouten(
                    [
                        Melding(
                            VERZOEK,
                            "deze waarde past hier niet",
                            pad=".".join(str(d) for d in fout.get("loc", ())),
                            herstel="zie de beschrijving van de API op /api/",
                        )
                        for fout in e.errors()
                    ]
                )
            except StarletteHTTPException as e:
                return _een(e.status_code, str(e.detail))
            except Exception as e:
                return _een(
                    500,
                    f"er ging iets mis in het programma ({type(e).__name__}); er is niets "
                    "gewijzigd. Meld wat u verstuurde en deze melding.",
                )

        return behandel


router = APIRouter(prefix="/api", route_class=ApiRoute)


def _json(data: object) -> Response:
    """What the CLI prints with --json, without the indentation (which costs as much as a toets)."""
    tekst = json.dumps(data, ensure_ascii=False, default=json_waarde, separators=(",", ":"))
    return Response(tekst, media_type="application/json")


async def _lees(request: Request, klasse: type[M], snel: bool = False) -> Bestand[M]:
    soort = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if soort != "application/json":
        raise ApiFout(
            415,
            f"verwacht JSON, maar het verzoek is '{soort or 'zonder soort'}'",
            "stuur de kop Content-Type: application/json mee",
        )
    if int(request.headers.get("content-length") or 0) > MAX_BYTES:
        raise ApiFout(413, f"het verzoek is groter dan {MAX_BYTES // (1024 * 1024)} MB")
    inhoud = await request.body()
    if len(inhoud) > MAX_BYTES:
        raise ApiFout(413, f"het verzoek is groter dan {MAX_BYTES // (1024 * 1024)} MB")
    try:
        json.loads(inhoud)
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        regel, kolom = (e.lineno, e.colno) if isinstance(e, json.JSONDecodeError) else (None, None)
        raise InvoerFout(
            [
                Melding(
                    VERZOEK,
                    "dit is geen geldige JSON",
                    regel,
                    kolom,
                    herstel="controleer aanhalingstekens, komma's en haakjes rond deze plek",
                )
            ]
        ) from None
    if snel:
        gelezen = _snel(klasse, inhoud)
        if gelezen is not None:
            return gelezen
    # JSON is YAML: the CLI's loader gives the same values and the same messages, with places.
    return laad(Path(VERZOEK), klasse, inhoud)


@dataclass
class _Verzoekbron(Bron):
    """A request body as the source of messages; its node tree is built only when one needs it."""

    inhoud: bytes = b""

    def boom(self) -> yaml.Node | None:
        if not self._geparsed:
            self._geparsed = True
            try:
                self.node = yaml.compose(self.inhoud.decode("utf-8"), Loader=yaml.SafeLoader)
            except (UnicodeDecodeError, yaml.YAMLError, RecursionError):
                self.node = None
        return self.node


def _zonder_dubbele(paren: list[tuple[str, Any]]) -> dict[str, Any]:
    uit = dict(paren)
    if len(uit) != len(paren):
        raise ValueError("dubbele sleutel")
    return uit


def _snel(klasse: type[M], inhoud: bytes) -> Bestand[M] | None:
    """json.loads and the model, without the YAML node tree the loader builds for positions.

    For the meeting, which has no amounts (where YAML and JSON read a number such as 1.000
    differently), this gives the same model as the loader. Anything unusual (a duplicate key,
    a validation error) returns None: the loader then reads it again and says where.
    """
    try:
        data = json.loads(inhoud, object_pairs_hook=_zonder_dubbele)
        return Bestand(klasse.model_validate(data), _Verzoekbron(Path(VERZOEK), inhoud=inhoud))
    except (ValueError, ValidationError):
        return None


def _controleer_ids(w: Werkplek, bestand: Bestand[Any]) -> None:
    c = w.convenant
    meldingen = dubbele_ids(bestand.model, bestand.bron) + controleer(
        bestand.model, bestand.bron, ids_van(c), convenant=c
    )
    if meldingen:
        raise InvoerFout(meldingen)


def _bezetting(w: Werkplek) -> Bezetting | None:
    bezetting, fouten = w.bezetting()
    if fouten:
        raise InvoerFout(fouten)
    return bezetting


def verdeelsleutel(w: Werkplek) -> Verdeelsleutel:
    """The register's verdeelsleutel, checked as `simuleer liquidatie` checks it."""
    from governance.bestanden import laad_sleutel

    return laad_sleutel(Bestand(w.convenant, Bron(Path("convenant.yaml"))), None, w.register)


def _lezingen(w: Werkplek, gevraagd: Sequence[str]) -> Lezingkeuze:
    """The readings asked for, over those the register settled (as --lezing does)."""
    from rules.lezingen import kies

    try:
        return kies(w.convenant, tuple(gevraagd), lezingen_uit(w.convenant, w.register))
    except GebruiksFout as e:
        raise ApiFout(422, str(e).replace("--lezing ", ""), pad="lezingen") from None


def _datum(waarde: str | None, veld: str, standaard: Any) -> Any:
    if not waarde:
        return standaard
    try:
        return ontleed_datum(waarde)
    except WaardeFout as e:
        raise ApiFout(422, e.tekst, e.herstel, veld) from None
    except ValueError as e:
        raise ApiFout(422, str(e), "schrijf een datum als JJJJ-MM-DD", veld) from None


def _veld(pad: str, stap: Callable[[], None]) -> None:
    """Run a check of the CLI and name the field it is about when it fails."""
    try:
        stap()
    except GebruiksFout as e:
        raise ApiFout(422, str(e), pad=pad) from None


def _vraag(bestand: Bestand[Any], veld: str, tekst: str, herstel: str) -> InvoerFout:
    return InvoerFout([bestand.bron.melding((veld,), tekst, herstel)])


FOUT: dict[int | str, dict[str, Any]] = {
    422: {"model": m.FoutAntwoord, "description": "Invoer niet te verwerken"}
}


def _body(model: str) -> dict[str, Any]:
    """The request body's schema for OpenAPI; the route reads the body itself (see _lees)."""
    return {
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{model}"}}},
        }
    }


# --- routes ----------------------------------------------------------------------------------


@router.post(
    "/toets",
    summary="Toets een vergadering",
    description="Het oordeel over elk besluit van de meegestuurde vergadering (dezelfde vorm als "
    "een vergaderbestand), met de bezetting en vastgestelde lezingen van het register: "
    "hetzelfde als `convenant toets --json`.",
    responses={200: {"model": m.ToetsAntwoord}, **FOUT},
    openapi_extra=_body("Vergadering"),
)
async def toets(request: Request) -> Response:
    from convenant.opdrachten.toets import Uitkomst, als_dict
    from governance.zetels import beeld
    from rules.toets import toets as beoordeel

    w = werkplek(request)
    vergadering = await _lees(request, Vergadering, snel=True)
    c = w.convenant
    keuze = _lezingen(w, ())
    b = beeld(c, vergadering, _bezetting(w), w.register)
    return _json(als_dict(Uitkomst(Path(VERZOEK), b, beoordeel(b, keuze))))


@router.post(
    "/simuleer/uittreding",
    summary="Simuleer een uittreding",
    description="De tijdlijn van een uittreding: ingang, rechten en plichten tot dan, wat blijft "
    "gelden, zetels die vervallen: hetzelfde als `convenant simuleer uittreding --json`.",
    responses={200: {"model": m.UittredingAntwoord}, **FOUT},
    openapi_extra=_body("UittredingVraag"),
)
async def uittreding(request: Request) -> Response:
    from convenant.opdrachten.simuleer import controleer_partij, uittreding_dict
    from rules.uittreding import simuleer

    w = werkplek(request)
    bestand = await _lees(request, m.UittredingVraag)
    _controleer_ids(w, bestand)
    v, c = bestand.model, w.convenant
    _veld("partij", lambda: controleer_partij(c, v.partij))
    if v.route in ("opzegtermijn", "wijziging") and v.opzegging is None:
        raise _vraag(
            bestand,
            "opzegging",
            f"bij route {v.route} hoort de datum van de schriftelijke opzegging",
            'voeg toe, bijv. "opzegging": "2027-01-31"',
        )
    if v.route == "wijziging" and v.ingang is None:
        raise _vraag(
            bestand,
            "ingang",
            "bij route wijziging hoort de datum waarop de wijziging ingaat (23.3)",
            'voeg toe, bijv. "ingang": "2027-07-01"',
        )
    keuze = _lezingen(w, v.lezingen)
    u = simuleer(
        c,
        _bezetting(w),
        v.partij,
        v.route,
        v.opzegging,
        v.ingang,
        v.ingebrekestelling,
        v.hersteltermijn,
        v.besluit,
        keuze,
    )
    return _json(uittreding_dict(u))


@router.post(
    "/simuleer/liquidatie",
    summary="Simuleer een liquidatie",
    description="De liquidatiekosten per gemeente naar de verdeelsleutel van het register (25.6), "
    "gedetacheerden bij hun partner (25.7): hetzelfde als `convenant simuleer liquidatie "
    "--json`. Met `alle_uittredingen` per gemeente die uittreedt de aandelen van de andere.",
    responses={
        200: {"model": m.LiquidatieAntwoord | m.AlleUittredingenAntwoord},
        **FOUT,
    },
    openapi_extra=_body("LiquidatieVraag"),
)
async def liquidatie(request: Request) -> Response:
    from convenant.opdrachten.simuleer import (
        alle_dict,
        controleer_partij,
        liquidatie_dict,
        met_deelt,
    )
    from rules.liquidatie import alle_uittredingen, liquideer

    w = werkplek(request)
    bestand = await _lees(request, m.LiquidatieVraag)
    _controleer_ids(w, bestand)
    v, c = bestand.model, w.convenant
    for pad, ident in [
        *((f"zonder[{i}]", z) for i, z in enumerate(v.zonder)),
        ("uittredend", v.uittredend),
    ]:
        if ident is not None:
            _veld(pad, partial(controleer_partij, c, ident, "gemeente"))
    if v.uittredend is None and v.route == "uittreding":
        raise _vraag(
            bestand,
            "uittredend",
            "bij route uittreding hoort de gemeente die uittreedt",
            'voeg toe, bijv. "uittredend": "meppel"',
        )
    sleutel = verdeelsleutel(w)
    keuze = _lezingen(w, met_deelt(tuple(v.lezingen), v.uittreder_deelt))
    if v.alle_uittredingen:
        return _json(alle_dict(alle_uittredingen(c, v.begroting, sleutel)))
    try:
        u = liquideer(c, v.begroting, sleutel, v.route, tuple(v.zonder), v.uittredend, keuze=keuze)
    except ValueError as e:
        raise ApiFout(422, str(e), pad="zonder") from None
    return _json(liquidatie_dict(c, u, v.begroting, sleutel))


@router.get(
    "/partijen",
    summary="Partijen op een datum",
    description="De Partijen in kracht op `op` (standaard vandaag), met toetredings- en "
    "uittredingsdatum: hetzelfde als `convenant partijen --op DATUM --json`.",
    responses={200: {"model": m.PartijenAntwoord}, **FOUT},
)
def partijen(request: Request, op: str | None = None, soort: str | None = None) -> Response:
    from convenant.opdrachten.partijen import SOORT_MEERVOUD, partijen_dict

    w = werkplek(request)
    datum = _datum(op, "op", w.vandaag())
    if soort is not None and soort not in SOORT_MEERVOUD:
        raise ApiFout(
            422, f"onbekende soort '{soort}'", "kies uit: " + ", ".join(SOORT_MEERVOUD), "soort"
        )
    return _json(partijen_dict(w.convenant, datum, soort))


@router.get(
    "/soorten",
    summary="Soorten besluit",
    description="Elke soort besluit: het bevoegde orgaan, of hij aan de colleges is voorbehouden "
    "(5.7), de vereisten en de artikelen, zoals convenant.yaml ze vastlegt.",
    responses={200: {"model": list[Soort]}},
)
def soorten(request: Request) -> Response:
    return _json([s.model_dump(mode="json") for s in werkplek(request).convenant.soorten])


@router.get(
    "/bezetting",
    summary="De bezetting",
    description="Wie waar zit, uit bezetting.yaml van het register; met `op` alleen de periode "
    "die op die datum geldt.",
    responses={200: {"model": Bezetting}, **FOUT, 404: {"model": m.FoutAntwoord}},
)
def bezetting(request: Request, op: str | None = None) -> Response:
    w = werkplek(request)
    b = _bezetting(w)
    if b is None:
        raise ApiFout(
            404, "dit register heeft geen bezetting.yaml", "leg de bezetting vast in het register"
        )
    data = b.model_dump(mode="json")
    if op:
        datum = _datum(op, "op", None)
        data["perioden"] = [p.model_dump(mode="json") for p in b.perioden if p.geldt_op(datum)]
    return _json(data)


# --- description -----------------------------------------------------------------------------


def beschrijving(request: Request) -> dict[str, Any]:
    """OpenAPI for the API routes only, with the request bodies' models (Dutch field names)."""
    from fastapi.openapi.utils import get_openapi

    from .. import __version__

    schema = get_openapi(
        title="Convenant ZVHD — API",
        version=__version__,
        description="De regels van het convenant voor andere systemen. Elk antwoord is gelijk "
        "aan de JSON van de opdrachtregel (`--json`); fouten komen terug als HTTP 422 met per "
        "fout het veld (`pad`), de plek in het verzoek en een Nederlandse melding.",
        routes=router.routes,
    )
    componenten = schema.setdefault("components", {}).setdefault("schemas", {})
    for klasse in (Vergadering, m.UittredingVraag, m.LiquidatieVraag):
        los = klasse.model_json_schema(ref_template="#/components/schemas/{model}")
        for naam, definitie in los.pop("$defs", {}).items():
            componenten.setdefault(naam, definitie)
        componenten[klasse.__name__] = los
    for definitie in componenten.values():
        # A model's docstring is an English note for developers (as in `convenant schema`);
        # the Dutch descriptions are the fields' own.
        definitie.pop("description", None)
    return schema


@router.get("/openapi.json", include_in_schema=False)
def openapi(request: Request) -> Response:
    return JSONResponse(beschrijving(request))


@router.get("/", include_in_schema=False, response_class=HTMLResponse)
def api_pagina(request: Request) -> Response:
    schema = beschrijving(request)
    routes = [
        (pad, methode.upper(), info)
        for pad, methoden in schema["paths"].items()
        for methode, info in methoden.items()
    ]
    return pagina(request, "api.html.j2", titel="API", routes=routes, schema=schema)
