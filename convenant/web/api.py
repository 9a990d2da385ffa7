"""The JSON API under /api/v1/: the engine for other systems, answering as the CLI's `--json`.

Every answer is built by the same function that prints the CLI's JSON, from the same rules, on
the register the workplace was started on. A request body is read by the loader that reads
the CLI's input files (JSON is YAML), so a mistake gets the same Dutch message, with its line
and column in the body and the path of the field. The API follows the NL GOV API Design Rules
(checked by their own linter in the tests): the major version in the path, `API-Version` on
every answer, every error as problem details (RFC 9457; see `probleem.py`) with status 400
for invalid input, never a 500 with a traceback. POSTs must say `Content-Type:
application/json`: a page on another site can send a form, but not that, without the browser
asking this server first (which it refuses).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Coroutine, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import yaml
from fastapi import APIRouter, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.routing import APIRoute
from pydantic import BaseModel, ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from governance.datums import ontleed_datum
from governance.errors import (
    MAX_MELDINGEN,
    ONZICHTBAAR,
    ConvenantFout,
    GebruiksFout,
    InvoerFout,
    Melding,
    WaardeFout,
    echo,
)
from governance.loader import MAX_BYTES, Bestand, Bron
from governance.models import Bezetting, Soort, Verdeelsleutel
from governance.vergadering import Vergadering
from governance.verwijzingen import controleer, dubbele_ids, ids_van

from ..register import Register
from ..uitvoer import json_waarde
from . import api_modellen as m
from .afhankelijkheden import pagina, werkplek
from .probleem import (
    API_PAD,
    API_VERSIE,
    PROBLEEM,
    VERSIEKOP,
    VERZOEK,
    als_bytes,
    detail_van,
    fout_uit,
    probleem,
)
from .werkplek import Werkplek

if TYPE_CHECKING:
    from rules.lezingen import Lezingkeuze

M = TypeVar("M", bound=BaseModel)


class ApiFout(Exception):
    """One problem with the request as a whole or with one parameter or field (`plek`)."""

    def __init__(
        self, status: int, tekst: str, herstel: str = "", pad: str = "", plek: str = "body"
    ) -> None:
        super().__init__(tekst)
        self.status, self.tekst, self.herstel, self.pad, self.plek = (
            status,
            tekst,
            herstel,
            pad,
            plek,
        )


def _probleem(status: int, detail: str, fouten: list[dict[str, Any]] | None = None) -> Response:
    return Response(
        als_bytes(probleem(status, detail, fouten)),
        status_code=status,
        media_type=PROBLEEM,
        headers={VERSIEKOP: API_VERSIE},
    )


def _fouten(meldingen: list[Melding], plek: str | None = None) -> Response:
    """The CLI's messages as problem details: 400 when they are about the request, 422 when a
    file of the register cannot be read (nothing the client can fix by sending it again)."""
    meldingen = meldingen[:MAX_MELDINGEN]
    in_register = any(m.bestand != VERZOEK for m in meldingen) and plek is None
    fouten = [fout_uit(m, plek) for m in meldingen]
    if in_register:
        return _probleem(
            422, "een bestand van het register is niet te lezen: " + detail_van(meldingen), fouten
        )
    return _probleem(400, detail_van(meldingen), fouten)


def _een(fout: ApiFout) -> Response:
    melding = Melding(VERZOEK, fout.tekst, pad=fout.pad, herstel=fout.herstel)
    if fout.status == 400:
        return _fouten([melding], fout.plek)
    return _probleem(fout.status, fout.tekst + (f"; {fout.herstel}" if fout.herstel else ""))


class ApiRoute(APIRoute):
    """Every failure of an API route as problem details in Dutch; never a page or a traceback."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        origineel = super().get_route_handler()

        async def behandel(request: Request) -> Response:
            try:
                return await origineel(request)
            except InvoerFout as e:
                return _fouten(e.meldingen)
            except ApiFout as e:
                return _een(e)
            except ConvenantFout as e:
                return _probleem(422, e.voor_gebruiker())
            except RequestValidationError as e:
                return _probleem(
                    400,
                    "het verzoek past niet bij de beschrijving van de API",
                    [
                        fout_uit(
                            Melding(
                                VERZOEK,
                                "deze waarde past hier niet",
                                pad=".".join(str(d) for d in fout.get("loc", ())[1:]),
                                herstel=f"zie de beschrijving van de API op {API_PAD}/openapi.json",
                            ),
                            str(fout.get("loc", ("body",))[0]),
                        )
                        for fout in e.errors()
                    ],
                )
            except StarletteHTTPException as e:
                return _probleem(e.status_code, str(e.detail))
            except Exception as e:
                return _probleem(
                    500,
                    f"er ging iets mis in het programma ({type(e).__name__}); er is niets "
                    "gewijzigd. Meld wat u verstuurde en deze melding.",
                )

        return behandel


router = APIRouter(prefix=API_PAD, route_class=ApiRoute)


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
    # parsed in a worker thread: a body that takes long to read holds up no other request
    return await run_in_threadpool(_ontleed, klasse, inhoud, snel)


def _ontleed(klasse: type[M], inhoud: bytes, snel: bool) -> Bestand[M]:
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
    except RecursionError:
        raise InvoerFout(
            [Melding(VERZOEK, "de JSON is te diep genest", herstel="nest minder diep")]
        ) from None
    except ValueError:  # an integer of thousands of digits, which Python refuses to convert
        raise InvoerFout(
            [
                Melding(
                    VERZOEK,
                    "de JSON bevat een getal van duizenden cijfers",
                    herstel="stuur getallen van hoogstens een paar cijfers",
                )
            ]
        ) from None
    if snel:
        gelezen = _snel(klasse, inhoud)
        if gelezen is not None:
            return gelezen
    # JSON is YAML: the CLI's loader gives the same values and the same messages, with places.
    return Register.vorm(Path(VERZOEK), klasse, inhoud)


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
    if b"\\u" in inhoud or ONZICHTBAAR.search(inhoud.decode("utf-8", "replace")):
        return None  # an escaped or raw control character: the loader refuses it, with its place
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
    return w.dienst.verdeelsleutel()


def _lezingen(w: Werkplek, gevraagd: Sequence[str]) -> Lezingkeuze:
    """The readings asked for, over those the register settled (as --lezing does)."""

    try:
        return w.dienst.keuze_met(tuple(gevraagd))
    except GebruiksFout as e:
        raise ApiFout(400, str(e).replace("--lezing ", ""), pad="lezingen") from None


def _datum(waarde: str | None, veld: str, standaard: Any) -> Any:
    if not waarde:
        return standaard
    try:
        return ontleed_datum(waarde)
    except WaardeFout as e:
        raise ApiFout(400, e.tekst, e.herstel, veld, "query") from None
    except ValueError as e:
        raise ApiFout(400, str(e), "schrijf een datum als JJJJ-MM-DD", veld, "query") from None


def _veld(pad: str, stap: Callable[[], None]) -> None:
    """Run a check of the CLI and name the field it is about when it fails."""
    try:
        stap()
    except GebruiksFout as e:
        raise ApiFout(400, str(e), pad=pad) from None


def _vraag(bestand: Bestand[Any], veld: str, tekst: str, herstel: str) -> InvoerFout:
    return InvoerFout([bestand.bron.melding((veld,), tekst, herstel)])


# The error answers each route can give, by status; `beschrijving` writes them out as problem
# details. Every route can fail with 500; a route that reads the register's files with 422.
FOUTEN: dict[int, str] = {
    400: "Ongeldig verzoek: elke fout met het veld, de plek en het herstel (in `fouten`).",
    404: "Niet gevonden.",
    413: "Het verzoek is te groot.",
    415: "Het verzoek is geen JSON (stuur Content-Type: application/json).",
    422: "Een bestand van het register is niet te lezen (het bestand in `fouten`).",
    500: "Interne fout: er is niets gewijzigd.",
}
POST_FOUTEN = (400, 413, 415, 422, 500)


def _fouten_doc(*codes: int) -> dict[str, Any]:
    return {"x-fouten": list(codes)}


def _body(model: str) -> dict[str, Any]:
    """The request body's schema for OpenAPI; the route reads the body itself (see _lees)."""
    return {
        **_fouten_doc(*POST_FOUTEN),
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{model}"}}},
        },
    }


OpDatum = Annotated[
    str | None,
    Query(
        description="Een datum: JJJJ-MM-DD, DD-MM-JJJJ of de maand voluit (standaard vandaag).",
        examples=["2027-02-10"],
    ),
]
SoortPartij = Annotated[
    str | None, Query(description="Alleen Partijen van deze soort, bijv. gemeente.")
]


# --- routes ----------------------------------------------------------------------------------


@router.post(
    "/toets",
    operation_id="toets",
    tags=["Toetsen"],
    summary="Toets een vergadering",
    description="Het oordeel over elk besluit van de meegestuurde vergadering (dezelfde vorm als "
    "een vergaderbestand), met de bezetting en vastgestelde lezingen van het register: "
    "hetzelfde als `convenant toets --json`.",
    responses={200: {"model": m.ToetsAntwoord}},
    openapi_extra=_body("Vergadering"),
)
async def toets(request: Request) -> Response:
    from convenant.presentatie import Uitkomst, toets_dict
    from governance.zetels import beeld
    from rules.toets import toets as beoordeel

    w = werkplek(request)
    vergadering = await _lees(request, Vergadering, snel=True)
    c = w.convenant
    keuze = _lezingen(w, ())
    b = beeld(c, vergadering, _bezetting(w), w.register)
    return _json(toets_dict(Uitkomst(Path(VERZOEK), b, beoordeel(b, keuze))))


@router.post(
    "/simuleer/uittreding",
    operation_id="simuleerUittreding",
    tags=["Simulaties"],
    summary="Simuleer een uittreding",
    description="De tijdlijn van een uittreding: ingang, rechten en plichten tot dan, wat blijft "
    "gelden, zetels die vervallen: hetzelfde als `convenant simuleer uittreding --json`.",
    responses={200: {"model": m.UittredingAntwoord}},
    openapi_extra=_body("UittredingVraag"),
)
async def uittreding(request: Request) -> Response:
    from convenant.presentatie import uittreding_dict
    from convenant.register import controleer_partij
    from rules.uittreding import ontbrekende_datums, simuleer

    w = werkplek(request)
    bestand = await _lees(request, m.UittredingVraag)
    _controleer_ids(w, bestand)
    v, c = bestand.model, w.convenant
    _veld("partij", lambda: controleer_partij(c, v.partij))
    voorbeeld = {"opzegging": "2027-01-31", "ingang": "2027-07-01"}
    for o in ontbrekende_datums(v.route, v.opzegging, v.ingang):
        raise _vraag(
            bestand,
            o.veld,
            f"bij route {v.route} hoort {o.wat}",
            f'voeg toe, bijv. "{o.veld}": "{voorbeeld[o.veld]}"',
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
    operation_id="simuleerLiquidatie",
    tags=["Simulaties"],
    summary="Simuleer een liquidatie",
    description="De liquidatiekosten per gemeente naar de verdeelsleutel van het register (25.6), "
    "gedetacheerden bij hun partner (25.7): hetzelfde als `convenant simuleer liquidatie "
    "--json`. Met `alle_uittredingen` per gemeente die uittreedt de aandelen van de andere.",
    responses={200: {"model": m.LiquidatieAntwoord | m.AlleUittredingenAntwoord}},
    openapi_extra=_body("LiquidatieVraag"),
)
async def liquidatie(request: Request) -> Response:
    from convenant.presentatie import alle_dict, liquidatie_dict, met_deelt
    from convenant.register import controleer_partij
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
        raise ApiFout(400, str(e), pad="zonder") from None
    return _json(liquidatie_dict(c, u, v.begroting, sleutel))


@router.get(
    "/partijen",
    operation_id="partijen",
    tags=["Convenant"],
    summary="Partijen op een datum",
    description="De Partijen in kracht op `op` (standaard vandaag), met toetredings- en "
    "uittredingsdatum: hetzelfde als `convenant partijen --op DATUM --json`.",
    responses={200: {"model": m.PartijenAntwoord}},
    openapi_extra=_fouten_doc(400, 422, 500),
)
def partijen(request: Request, op: OpDatum = None, soort: SoortPartij = None) -> Response:
    from convenant.presentatie import SOORT_MEERVOUD, partijen_dict

    w = werkplek(request)
    datum = _datum(op, "op", w.vandaag())
    if soort is not None and soort not in SOORT_MEERVOUD:
        raise ApiFout(
            400,
            f"onbekende soort '{echo(soort)}'",
            "kies uit: " + ", ".join(SOORT_MEERVOUD),
            "soort",
            "query",
        )
    return _json(partijen_dict(w.dienst.stand_op(datum), soort))


@router.get(
    "/soorten",
    operation_id="soorten",
    tags=["Convenant"],
    summary="Soorten besluit",
    description="Elke soort besluit: het bevoegde orgaan, of hij aan de colleges is voorbehouden "
    "(5.7), de vereisten en de artikelen, zoals convenant.yaml ze vastlegt.",
    responses={200: {"model": list[Soort]}},
    openapi_extra=_fouten_doc(422, 500),
)
def soorten(request: Request) -> Response:
    return _json([s.model_dump(mode="json") for s in werkplek(request).convenant.soorten])


@router.get(
    "/bezetting",
    operation_id="bezetting",
    tags=["Register"],
    summary="De bezetting",
    description="Wie waar zit, uit bezetting.yaml van het register; met `op` alleen de periode "
    "die op die datum geldt.",
    responses={200: {"model": Bezetting}},
    openapi_extra=_fouten_doc(400, 404, 422, 500),
)
def bezetting(request: Request, op: OpDatum = None) -> Response:
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

TAGS = [
    {"name": "Toetsen", "description": "Het oordeel over de besluiten van een vergadering."},
    {"name": "Simulaties", "description": "Wat een uittreding of een liquidatie betekent."},
    {"name": "Convenant", "description": "De Partijen en de soorten besluit van het convenant."},
    {"name": "Register", "description": "Wat het register van het secretariaat vastlegt."},
    {"name": "Beschrijving", "description": "Deze beschrijving van de API (OpenAPI 3)."},
]
_VERSIE = {"$ref": f"#/components/headers/{VERSIEKOP}"}


@lru_cache(maxsize=1)
def _vast() -> dict[str, Any]:
    """Everything of the description that depends on the code only (built once per process)."""
    from fastapi.openapi.utils import get_openapi

    schema = get_openapi(
        title="Convenant ZVHD — API",
        version=API_VERSIE,
        description="De regels van het convenant voor andere systemen. Elk antwoord is gelijk "
        "aan de JSON van de opdrachtregel (`--json`). Elke fout is een *problem details*-"
        "antwoord (RFC 9457, `application/problem+json`) met `status`, `title` en `detail`; "
        "een ongeldig verzoek (400) noemt in `fouten` per fout het veld (`pad`), de plek "
        "(`in`: body, query), regel en kolom in de JSON, de melding en het herstel. Elk "
        "antwoord draagt de kop `API-Version` met de volledige versie van de API.",
        routes=router.routes,
        tags=TAGS,
    )
    componenten = schema.setdefault("components", {})
    modellen = componenten.setdefault("schemas", {})
    for klasse in (Vergadering, m.UittredingVraag, m.LiquidatieVraag, m.Probleem):
        los = klasse.model_json_schema(ref_template="#/components/schemas/{model}")
        for naam, definitie in los.pop("$defs", {}).items():
            modellen.setdefault(naam, definitie)
        modellen[klasse.__name__] = los
    for naam in ("HTTPValidationError", "ValidationError"):  # FastAPI's, never answered here
        modellen.pop(naam, None)
    for definitie in modellen.values():
        # A model's docstring is an English note for developers (as in `convenant schema`);
        # the Dutch descriptions are the fields' own.
        definitie.pop("description", None)
    componenten["headers"] = {
        VERSIEKOP: {
            "description": "De volledige versie van de API (semver), bijv. " + API_VERSIE + ".",
            "schema": {"type": "string", "example": API_VERSIE},
        }
    }
    paden: dict[str, Any] = {}
    for pad, methoden in schema["paths"].items():
        for operatie in methoden.values():
            _antwoorden(operatie)
        # The server's address ends in /api/v1; the paths are relative to it.
        paden[pad.removeprefix(API_PAD)] = methoden
    schema["paths"] = paden
    return schema


def _antwoorden(operatie: dict[str, Any]) -> None:
    """Every answer with the version header; the errors as problem details, by `x-fouten`."""
    codes = operatie.pop("x-fouten", [500])
    antwoorden = {
        code: antwoord
        for code, antwoord in operatie["responses"].items()
        if code.startswith(("2", "3"))
    }
    for antwoord in antwoorden.values():
        antwoord["description"] = "Gelukt"
        antwoord["headers"] = {VERSIEKOP: _VERSIE}
    for code in codes:
        antwoorden[str(code)] = {
            "description": FOUTEN[code],
            "headers": {VERSIEKOP: _VERSIE},
            "content": {PROBLEEM: {"schema": {"$ref": "#/components/schemas/Probleem"}}},
        }
    operatie["responses"] = antwoorden


def beschrijving(request: Request) -> dict[str, Any]:
    """The OpenAPI document of the API routes, with where to reach them and whom to ask, from
    the register's huisstijl.yaml (`api:`), or from the organisation's name there."""
    from governance.huisstijl import Huisstijl

    schema = copy.deepcopy(_vast())
    huisstijl = werkplek(request).dienst.huisstijl() or Huisstijl()
    instellingen = huisstijl.api
    adres = (instellingen.adres or "").rstrip("/")
    schema["servers"] = [
        {
            "url": adres + API_PAD,
            "description": "Deze werkplek" if not adres else "De werkplek van het secretariaat",
        }
    ]
    contact = instellingen.contact
    naam = contact.naam or " — ".join(d for d in (huisstijl.onderregel, huisstijl.organisatie) if d)
    schema["info"]["contact"] = {
        "name": naam,
        "url": contact.url or f"{adres}{API_PAD}/",
        **({"email": contact.email} if contact.email else {}),
    }
    return schema


@router.get(
    "/openapi.json",
    operation_id="beschrijving",
    tags=["Beschrijving"],
    summary="Deze beschrijving",
    description="De beschrijving van de API in OpenAPI 3, met de Nederlandse veldnamen.",
    responses={200: {"content": {"application/json": {"schema": {"type": "object"}}}}},
)
def openapi(request: Request) -> Response:
    return JSONResponse(beschrijving(request))


@router.get("/", include_in_schema=False, response_class=HTMLResponse)
def api_pagina(request: Request) -> Response:
    schema = beschrijving(request)
    routes = [
        (API_PAD + pad, methode.upper(), info)
        for pad, methoden in schema["paths"].items()
        for methode, info in methoden.items()
    ]
    # the address this page was asked on (behind a proxy: the configured one), not a fixed port
    basis = (huisstijl_adres(request) or str(request.base_url)).rstrip("/")
    return pagina(
        request,
        "api.html.j2",
        titel="Koppeling met andere systemen",
        routes=routes,
        schema=schema,
        basis=basis,
    )


def huisstijl_adres(request: Request) -> str:
    from governance.huisstijl import Huisstijl

    return (werkplek(request).dienst.huisstijl() or Huisstijl()).api.adres or ""
