"""The API's envelope: problem details (RFC 9457) for every error, `API-Version` on every answer.

The NL GOV API Design Rules ask for both. The routes in `api.py` answer their own errors as
problem details, with each faulty field; `ApiLaag` sees every answer under /api/ on its way
out, so an error raised anywhere else (the access check, a size limit, an unknown path, a
crash) reaches the client as problem details too, and never as a page or plain text.
It also sends the addresses of before version 1 (/api/toets) on to /api/v1/.
"""

from __future__ import annotations

import json
import re
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import yaml

from governance.errors import Melding, veilig

# The API's own version (semver), apart from the package's: it changes only when the API does.
# The major version is in every path; the full version in every answer's API-Version header.
API_VERSIE = "1.0.0"
API_PAD = "/api/v1"
VERSIEKOP = "API-Version"
PROBLEEM = "application/problem+json"
VERZOEK = "verzoek"  # how messages name the request body, where the CLI names a file

TITELS = {
    400: "Ongeldig verzoek",
    401: "Geen toegang",
    403: "Verboden",
    404: "Niet gevonden",
    405: "Methode niet toegestaan",
    406: "Antwoord in deze vorm niet mogelijk",
    409: "Conflict",
    413: "Verzoek te groot",
    415: "Verkeerde soort inhoud",
    422: "Niet te verwerken",
    429: "Te veel verzoeken",
    431: "Kopregels te groot",
    500: "Interne fout",
    503: "Tijdelijk niet beschikbaar",
}


def titel(status: int) -> str:
    return TITELS.get(status, "Fout in het verzoek" if status < 500 else "Fout op de server")


def probleem(
    status: int, detail: str, fouten: list[dict[str, Any]] | None = None, kop: str | None = None
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "status": status,
        "title": kop or titel(status),
        "detail": veilig(detail),
    }
    if fouten is not None:
        data["fouten"] = fouten
    return data


def als_bytes(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


def fout_uit(melding: Melding, plek: str | None = None) -> dict[str, Any]:
    """A message of the CLI's shape (`Melding`) as one entry of the problem's `fouten`.

    Where the CLI names the file, the API says where in the request: the body, a parameter,
    or (for a broken register file) the register, with that file's name.
    """
    in_verzoek = melding.bestand == VERZOEK
    waar = plek or ("body" if in_verzoek else "register")
    return {
        "in": waar,
        "pad": melding.pad,
        "regel": melding.regel if waar in ("body", "register") else None,
        "kolom": melding.kolom if waar in ("body", "register") else None,
        "melding": melding.tekst,
        "herstel": json_herstel(melding.herstel) if waar == "body" else melding.herstel,
        "suggestie": melding.suggestie,
        "bestand": None if waar != "register" else melding.bestand,
    }


def detail_van(meldingen: list[Melding]) -> str:
    def een(m: Melding) -> str:
        return f"{m.pad}: {m.tekst}" if m.pad else m.tekst

    if len(meldingen) == 1:
        return een(meldingen[0])
    return f"{len(meldingen)} fouten; de eerste: {een(meldingen[0])}"


# --- the fix in JSON terms ------------------------------------------------------------------------

# The loader and the models advise in the words of a YAML file ("voeg een regel toe, bijv.
# datum: 2027-02-10"). A JSON client gets the same advice with a JSON example. The example is
# read as YAML (which it is) and written again as JSON, so nothing is translated by hand.
_BIJV = re.compile(r"\bbijv\. ")


# Where the CLI's user is sent to a command for the valid ids, the API's client to a request.
_OPDRACHT_ALS_VERZOEK = {
    "'convenant partijen'": f"GET {API_PAD}/partijen",
    "'convenant soorten'": f"GET {API_PAD}/soorten",
    "'convenant leden'": f"GET {API_PAD}/bezetting",
}


def json_herstel(herstel: str) -> str:
    tekst = herstel.replace("voeg een regel toe", "voeg het veld toe").replace(
        "schrijf ja of nee", "schrijf true of false"
    )
    for opdracht, verzoek in _OPDRACHT_ALS_VERZOEK.items():
        tekst = tekst.replace(opdracht, verzoek)
    if "bijv. " not in tekst:
        return tekst
    delen = _BIJV.split(tekst)
    return "bijv. ".join([delen[0], *(_als_json(d) for d in delen[1:])])


def _als_json(deel: str) -> str:
    """`deel` starts with one or more examples joined by ' of ': each as JSON where it reads as one."""
    # The examples end where the prose resumes: at '; ' or ' (' or the end.
    einde = min((i for i in (deel.find("; "), deel.find(" (")) if i >= 0), default=len(deel))
    voorbeelden, rest = deel[:einde], deel[einde:]
    if (verder := rest.find(", of ")) >= 0:  # "… (uitleg), of nog een voorbeeld"
        rest = rest[: verder + 5] + _als_json(rest[verder + 5 :])
    uit = []
    for voorbeeld in voorbeelden.split(" of "):
        omgezet = _een_als_json(voorbeeld.strip().rstrip(","))
        uit.append(omgezet if omgezet is not None else voorbeeld)
    return " of ".join(uit) + rest


def _een_als_json(voorbeeld: str) -> str | None:
    try:
        waarde = yaml.safe_load(voorbeeld.replace("…", '"…"'))
    except yaml.YAMLError:
        return None
    if isinstance(waarde, dict) and len(waarde) == 1 and not voorbeeld.lstrip().startswith("{"):
        # `datum: 2027-02-10` is a member of the object being fixed, not an object of its own.
        ((sleutel, inhoud),) = waarde.items()
        return f"{_json(str(sleutel))}: {_json(inhoud)}"
    if isinstance(waarde, dict | list):
        return _json(waarde)
    return None


def _json(waarde: object) -> str:
    return json.dumps(_jsonwaarde(waarde), ensure_ascii=False, separators=(", ", ": "))


def _jsonwaarde(waarde: object) -> object:
    """YAML's reading of an example, in what a JSON client sends: dates as text, ja/nee as booleans."""
    if isinstance(waarde, dict):
        return {str(k): _jsonwaarde(v) for k, v in waarde.items()}
    if isinstance(waarde, list):
        return [_jsonwaarde(v) for v in waarde]
    if waarde in ("ja", "nee"):
        return waarde == "ja"
    if isinstance(waarde, str | int | float | bool) or waarde is None:
        return waarde
    return str(waarde)  # dates and the like: as the text the example had


# --- every answer under /api/ ----------------------------------------------------------------

Scope = MutableMapping[str, Any]
Bericht = MutableMapping[str, Any]
Ontvang = Callable[[], Awaitable[Bericht]]
Zend = Callable[[Bericht], Awaitable[None]]
Asgi = Callable[[Scope, Ontvang, Zend], Awaitable[None]]


def is_api(pad: str) -> bool:
    return pad == "/api" or pad.startswith("/api/")


class ApiLaag:
    """ASGI middleware for /api/: version header, problem details, redirect of the old paths.

    `maak_app` adds it after every layer that can refuse a request (the access check, size
    limits), so it sees their answers as well as the routes'; only the security headers go
    round it.
    """

    def __init__(self, app: Asgi) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Ontvang, send: Zend) -> None:
        if scope["type"] != "http" or not is_api(scope["path"]):
            await self.app(scope, receive, send)
            return
        pad: str = scope["path"]
        if not (pad == API_PAD or pad.startswith(API_PAD + "/")):
            await _naar_v1(scope, send)
            return
        begonnen = False
        omzetten: dict[str, Any] | None = None
        delen: list[bytes] = []

        async def zend(bericht: Bericht) -> None:
            nonlocal begonnen, omzetten
            if bericht["type"] == "http.response.start":
                begonnen = True
                koppen = [
                    (k, v) for k, v in bericht.get("headers", []) if k.lower() != b"api-version"
                ]
                koppen.append((b"api-version", API_VERSIE.encode()))
                soort = next((v for k, v in koppen if k.lower() == b"content-type"), b"")
                if bericht["status"] >= 400 and not soort.startswith(PROBLEEM.encode()):
                    omzetten = {"status": bericht["status"], "koppen": koppen, "soort": soort}
                    return
                await send({**bericht, "headers": koppen})
            elif bericht["type"] == "http.response.body" and omzetten is not None:
                delen.append(bericht.get("body", b""))
                if not bericht.get("more_body", False):
                    await _zend_probleem(send, omzetten, b"".join(delen))
            else:
                await send(bericht)

        try:
            await self.app(scope, receive, zend)
        except Exception as e:
            if begonnen:
                raise
            await _zend(
                send,
                500,
                probleem(
                    500,
                    f"er ging iets mis in het programma ({type(e).__name__}); er is niets "
                    "gewijzigd. Meld wat u verstuurde en deze melding.",
                ),
            )


async def _naar_v1(scope: Scope, send: Zend) -> None:
    """A path of before version 1 (/api/toets): permanently to /api/v1/toets, for one release.

    GET and HEAD with 301, which every client follows; the others with 308, which keeps the
    method and the body (a 301 lets a client repeat a POST as a GET, without its body).
    """
    doel = API_PAD + scope["path"][len("/api") :]
    query: bytes = scope.get("query_string", b"")
    if query:
        doel += "?" + query.decode("latin-1")
    status = 301 if scope["method"] in ("GET", "HEAD") else 308
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"location", doel.encode("latin-1")),
                (b"api-version", API_VERSIE.encode()),
                (b"content-length", b"0"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": b""})


async def _zend_probleem(send: Zend, omzetten: dict[str, Any], inhoud: bytes) -> None:
    status: int = omzetten["status"]
    soort: bytes = omzetten["soort"]
    detail = ""
    if soort.startswith(b"text/plain"):
        detail = inhoud.decode("utf-8", "replace").strip()
    elif soort.startswith(b"application/json"):
        try:
            data = json.loads(inhoud)
        except ValueError:
            data = None
        if isinstance(data, dict) and isinstance(data.get("detail"), str):
            detail = data["detail"]
    if not detail:
        detail = f"{titel(status)} (HTTP {status})."
    koppen = [
        (k, v)
        for k, v in omzetten["koppen"]
        if k.lower() not in (b"content-type", b"content-length")
    ]
    await _zend(send, status, probleem(status, detail), koppen)


async def _zend(
    send: Zend, status: int, data: dict[str, Any], koppen: list[tuple[bytes, bytes]] | None = None
) -> None:
    lichaam = als_bytes(data)
    alle = [
        *(koppen or [(b"api-version", API_VERSIE.encode())]),
        (b"content-type", PROBLEEM.encode()),
        (b"content-length", str(len(lichaam)).encode()),
    ]
    await send({"type": "http.response.start", "status": status, "headers": alle})
    await send({"type": "http.response.body", "body": lichaam})
