"""The JSON API (/api/v1/): every answer equals the CLI's --json for the same input; every error
is problem details (RFC 9457), with each faulty field; the NL GOV API Design Rules hold."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from convenant.web import api_modellen as m
from convenant.web.probleem import API_VERSIE, json_herstel
from governance.bestanden import laad_bezetting, laad_convenant
from governance.loader import MAX_BYTES
from tests.rules.test_toets_eigenschappen import vergaderingen
from tests.scenario_runners import draai
from tests.web_hulp import client, kopieer_register

VOORBEELDEN = Path(__file__).resolve().parents[2] / "examples"
BEGROTING = VOORBEELDEN / "documenten" / "liquidatiebegroting-voorbeeld.yaml"
DEELT_NIET = "uittredende_gemeente_deelt_kosten=deelt_niet"
JSON_KOP = {"content-type": "application/json"}


def _datums(waarde: object) -> object:
    if isinstance(waarde, dt.date):
        return waarde.isoformat()
    raise TypeError(type(waarde).__name__)


def als_json(pad: Path) -> str:
    """A YAML input file as the JSON another system would send (dates as ISO strings)."""
    return json.dumps(yaml.safe_load(pad.read_text(encoding="utf-8")), default=_datums, indent=2)


def cli_json(args: list[str]) -> tuple[int, Any]:
    code, uit, fout = draai([*args, "--json"])
    assert uit, fout
    return code, json.loads(uit)


@pytest.fixture(scope="module")
def register(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return kopieer_register(tmp_path_factory.mktemp("api") / "register")


@pytest.fixture(scope="module")
def c(register: Path) -> TestClient:
    return client(register)


def _zonder_bestand(data: dict[str, Any]) -> dict[str, Any]:
    return {**data, "vergadering": {**data["vergadering"], "bestand": None}}


# --- the same answers as the CLI ---------------------------------------------------------------


@pytest.mark.parametrize("pad", sorted(VOORBEELDEN.glob("*-20*.yaml")), ids=lambda p: p.stem)
def test_toets_geeft_per_voorbeeldvergadering_wat_de_cli_geeft(
    c: TestClient, register: Path, pad: Path
) -> None:
    r = c.post("/api/v1/toets", content=als_json(pad), headers=JSON_KOP)
    assert r.status_code == 200, r.text
    _, verwacht = cli_json(["toets", str(pad), "--register", str(register)])
    assert r.json()["vergadering"]["bestand"] == "verzoek"
    assert _zonder_bestand(r.json()) == _zonder_bestand(verwacht)
    m.ToetsAntwoord.model_validate(r.json())


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(vergaderingen())
def test_api_en_cli_oordelen_gelijk_over_gegenereerde_vergaderingen(
    c: TestClient, register: Path, tmp_path_factory: pytest.TempPathFactory, data: dict[str, Any]
) -> None:
    tekst = json.dumps(data)
    r = c.post("/api/v1/toets", content=tekst, headers=JSON_KOP)
    assert r.status_code == 200, r.text
    pad = tmp_path_factory.mktemp("gegenereerd") / "vergadering.json"
    pad.write_text(tekst, encoding="utf-8")
    _, verwacht = cli_json(["toets", str(pad), "--register", str(register)])
    assert _zonder_bestand(r.json()) == _zonder_bestand(verwacht)


@pytest.mark.parametrize(
    "vraag",
    [
        {"partij": "meppel", "opzegging": "2027-01-31"},
        {"partij": "cosis", "opzegging": "31-01-2027"},
        {
            "partij": "ggz_drenthe",
            "route": "wijziging",
            "opzegging": "2027-03-01",
            "ingang": "2027-07-01",
        },
        {"partij": "politie", "route": "uitsluiting"},
        {
            "partij": "politie",
            "route": "uitsluiting",
            "ingebrekestelling": "2027-01-10",
            "hersteltermijn": "2027-03-10",
            "besluit": "2027-05-12",
        },
    ],
)
def test_uittreding_zoals_de_cli(c: TestClient, register: Path, vraag: dict[str, str]) -> None:
    r = c.post("/api/v1/simuleer/uittreding", json=vraag)
    assert r.status_code == 200, r.text
    args = ["simuleer", "uittreding", "--register", str(register)]
    for sleutel, waarde in vraag.items():
        args += [f"--{sleutel}", waarde]
    _, verwacht = cli_json(args)
    assert r.json() == verwacht
    m.UittredingAntwoord.model_validate(r.json())


@pytest.mark.parametrize(
    ("vraag", "opties"),
    [
        ({}, []),
        ({"zonder": ["meppel", "emmen"]}, ["--zonder", "meppel", "--zonder", "emmen"]),
        (
            {"route": "uittreding", "uittredend": "assen"},
            ["--route", "uittreding", "--uittredend", "assen"],
        ),
        (
            {"route": "uittreding", "uittredend": "assen", "uittreder_deelt": "nee"},
            ["--route", "uittreding", "--uittredend", "assen", "--uittreder-deelt-niet"],
        ),
        ({"route": "rechter"}, ["--route", "rechter"]),
        ({"alle_uittredingen": True}, ["--alle-uittredingen"]),
        (
            {"route": "uittreding", "uittredend": "emmen", "lezingen": [DEELT_NIET]},
            ["--route", "uittreding", "--uittredend", "emmen", "--lezing", DEELT_NIET],
        ),
    ],
)
def test_liquidatie_zoals_de_cli(
    c: TestClient, register: Path, vraag: dict[str, Any], opties: list[str]
) -> None:
    begroting = yaml.safe_load(BEGROTING.read_text(encoding="utf-8"))
    tekst = json.dumps({"begroting": begroting, **vraag}, default=_datums)
    r = c.post("/api/v1/simuleer/liquidatie", content=tekst, headers=JSON_KOP)
    assert r.status_code == 200, r.text
    _, verwacht = cli_json(
        [
            "simuleer",
            "liquidatie",
            "--begroting",
            str(BEGROTING),
            "--register",
            str(register),
            *opties,
        ]
    )
    assert r.json() == verwacht
    if vraag.get("alle_uittredingen"):
        m.AlleUittredingenAntwoord.model_validate(r.json())
    else:
        m.LiquidatieAntwoord.model_validate(r.json())


@pytest.mark.parametrize(
    ("query", "opties"),
    [
        ("op=2027-02-10", ["--op", "2027-02-10"]),
        ("op=01-01-2026&soort=gemeente", ["--op", "2026-01-01", "--soort", "gemeente"]),
    ],
)
def test_partijen_zoals_de_cli(c: TestClient, query: str, opties: list[str]) -> None:
    r = c.get(f"/api/v1/partijen?{query}")
    assert r.status_code == 200, r.text
    _, verwacht = cli_json(["partijen", *opties])
    assert r.json() == verwacht
    m.PartijenAntwoord.model_validate(r.json())


def test_soorten_en_bezetting_zoals_in_de_bestanden(c: TestClient, register: Path) -> None:
    convenant = laad_convenant().model
    soorten = c.get("/api/v1/soorten").json()
    assert soorten == [s.model_dump(mode="json") for s in convenant.soorten]
    jaarplan = next(s for s in soorten if s["id"] == "jaarplan")
    assert jaarplan["bevoegd"] == ["stuurgroep"]
    bezetting = laad_bezetting(register / "bezetting.yaml", convenant).model
    assert c.get("/api/v1/bezetting").json() == bezetting.model_dump(mode="json")
    op = c.get("/api/v1/bezetting?op=2027-02-10").json()
    periode = bezetting.op(dt.date(2027, 2, 10))
    assert periode is not None
    assert op["perioden"] == [periode.model_dump(mode="json")]


# --- errors: problem details in Dutch, with the field; never a 500 -------------------------------


def probleem(r: Any, status: int) -> dict[str, Any]:
    """The answer as problem details (RFC 9457) with `status`, checked as a client relies on it."""
    assert r.status_code == status, r.text
    assert r.headers["content-type"] == "application/problem+json", r.headers
    assert r.headers["api-version"] == API_VERSIE
    data: dict[str, Any] = r.json()
    assert data["status"] == status
    assert data["title"]
    assert data["detail"]
    m.Probleem.model_validate(data)
    return data


def test_fout_noemt_veld_regel_en_suggestie(c: TestClient) -> None:
    tekst = als_json(VOORBEELDEN / "stuurgroep-2027-02-10.yaml").replace(
        '"soort": "jaarplan"', '"soort": "jaarpan"', 1
    )
    regel = next(i for i, r in enumerate(tekst.splitlines(), 1) if '"jaarpan"' in r)
    data = probleem(c.post("/api/v1/toets", content=tekst, headers=JSON_KOP), 400)
    (fout,) = data["fouten"]
    assert fout["in"] == "body"
    assert fout["pad"] == "besluiten[sg-2027-01].soort"
    assert fout["regel"] == regel
    assert fout["suggestie"] == "jaarplan"
    assert "onbekende soort" in fout["melding"]
    assert fout["bestand"] is None
    assert data["title"] == "Ongeldig verzoek"
    assert "besluiten[sg-2027-01].soort" in data["detail"]


def test_onbekend_lid_en_ontbrekend_veld_met_herstel_in_json(c: TestClient) -> None:
    vergadering = {"orgaan": "stuurgroep", "aanwezig": ["sg_asen"]}
    (datum,) = probleem(c.post("/api/v1/toets", json=vergadering), 400)["fouten"]
    assert datum["pad"] == "datum"
    assert "ontbreekt" in datum["melding"]
    # advice for a JSON client, not the YAML line the CLI's user is told to add
    assert datum["herstel"] == 'voeg het veld toe, bijv. "datum": "2027-02-10"'
    vergadering["datum"] = "2027-02-10"
    (besluiten,) = probleem(c.post("/api/v1/toets", json=vergadering), 400)["fouten"]
    assert besluiten["pad"] == "besluiten"
    assert besluiten["herstel"].startswith('voeg het veld toe, bijv. "besluiten": [{"id": ')


@pytest.mark.parametrize(
    ("url", "vraag", "pad"),
    [
        ("/api/v1/simuleer/uittreding", {"partij": "meppel"}, "opzegging"),
        ("/api/v1/simuleer/uittreding", {"partij": "vrd", "opzegging": "2027-01-01"}, "partij"),
        (
            "/api/v1/simuleer/uittreding",
            {"partij": "meppel", "opzegging": "30-02-2027"},
            "opzegging",
        ),
        (
            "/api/v1/simuleer/uittreding",
            {"partij": "meppel", "opzeging": "2027-01-01"},
            "opzeging",
        ),
        ("/api/v1/simuleer/liquidatie", {"begroting": {}}, "begroting.naam"),
        (
            "/api/v1/simuleer/uittreding",
            {"partij": "meppel", "opzegging": "2027-01-31", "lezingen": ["bestaat_niet=x"]},
            "lezingen",
        ),
    ],
)
def test_simulatie_fouten_noemen_het_veld(
    c: TestClient, url: str, vraag: dict[str, Any], pad: str
) -> None:
    data = probleem(c.post(url, json=vraag), 400)
    assert pad in [f["pad"] for f in data["fouten"]]
    assert {f["in"] for f in data["fouten"]} == {"body"}


def test_liquidatie_gemeente_die_geen_gemeente_is(c: TestClient) -> None:
    begroting = yaml.safe_load(BEGROTING.read_text(encoding="utf-8"))
    tekst = json.dumps({"begroting": begroting, "zonder": ["politie"]}, default=_datums)
    data = probleem(c.post("/api/v1/simuleer/liquidatie", content=tekst, headers=JSON_KOP), 400)
    assert data["fouten"][0]["pad"] == "zonder[0]"
    assert "geen gemeente" in data["fouten"][0]["melding"]


def test_geen_json_en_verkeerde_soort_en_datum(c: TestClient) -> None:
    r = c.post("/api/v1/toets", content='{"orgaan": "stuurgroep",\n  "datum": }', headers=JSON_KOP)
    assert probleem(r, 400)["fouten"][0]["regel"] == 2
    # a form from another site cannot send application/json without asking first
    r = c.post("/api/v1/toets", content="{}", headers={"content-type": "text/plain"})
    assert "Content-Type: application/json" in probleem(r, 415)["detail"]
    (fout,) = probleem(c.get("/api/v1/partijen?op=31-02-2027"), 400)["fouten"]
    assert (fout["in"], fout["pad"]) == ("query", "op")
    assert "bestaat niet" in fout["melding"]
    (fout,) = probleem(c.get("/api/v1/partijen?soort=bestuur"), 400)["fouten"]
    assert (fout["in"], fout["pad"]) == ("query", "soort")
    assert "gemeente" in fout["herstel"]


@pytest.mark.parametrize(
    ("herstel", "in_json"),
    [
        (
            "voeg een regel toe, bijv. datum: 2027-02-10",
            'voeg het veld toe, bijv. "datum": "2027-02-10"',
        ),
        (
            "schrijf ja of nee, bijv. openbaar: nee",
            'schrijf true of false, bijv. "openbaar": false',
        ),
        (
            "vul de opsomming aan, bijv. aanwezig: [eerste, tweede, …]",
            'vul de opsomming aan, bijv. "aanwezig": ["eerste", "tweede", "…"]',
        ),
        (
            "houd één van beide, bijv. naar: triage of einde: afgesloten",
            'houd één van beide, bijv. "naar": "triage" of "einde": "afgesloten"',
        ),
        (
            "schrijf ze allemaal als namen, bijv. {voor: alle}, of allemaal als aantallen, "
            "bijv. {voor: 9, tegen: 0, onthouding: 1}",
            'schrijf ze allemaal als namen, bijv. {"voor": "alle"} of allemaal als aantallen, '
            'bijv. {"voor": 9, "tegen": 0, "onthouding": 1}',
        ),
        (
            "schrijf bijv. toetreding: {dossier: voorbeeldzorg} (het dossier in toetredingen/), "
            "of organisatie: …",
            'schrijf bijv. "toetreding": {"dossier": "voorbeeldzorg"} (het dossier in '
            'toetredingen/), of "organisatie": "…"',
        ),
        (
            "gebruik een bestaande id; 'convenant soorten' toont ze alle 27",
            "gebruik een bestaande id; GET /api/v1/soorten toont ze alle 27",
        ),
        # what is already JSON, or no example of a field, stays as it is
        (
            'schrijf bijv. "5.6", "4.5a", "3d", "Bijlage 2" of "voetnoot 3" (tussen aanhalingstekens)',
            'schrijf bijv. "5.6", "4.5a", "3d", "Bijlage 2" of "voetnoot 3" (tussen aanhalingstekens)',
        ),
        (
            "schrijf JJJJ-MM-DD of de maand voluit, bijv. 2026-11-28 of 28 november 2026",
            "schrijf JJJJ-MM-DD of de maand voluit, bijv. 2026-11-28 of 28 november 2026",
        ),
    ],
)
def test_herstel_met_een_voorbeeld_in_json(herstel: str, in_json: str) -> None:
    assert json_herstel(herstel) == in_json


# An example in YAML after "bijv.": a key without quotes, then a colon.
YAML_VOORBEELD = re.compile(r"bijv\. [\w]+: ")


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.recursive(
        st.none()
        | st.booleans()
        | st.integers()
        | st.floats(allow_nan=False)
        | st.text(max_size=8),
        lambda kind: (
            st.lists(kind, max_size=3)
            | st.dictionaries(
                st.sampled_from(
                    [
                        "orgaan",
                        "datum",
                        "besluiten",
                        "aanwezig",
                        "id",
                        "soort",
                        "stemmen",
                        "voor",
                        "partij",
                        "begroting",
                        "posten",
                        "bedrag",
                        "x",
                    ]
                ),
                kind,
                max_size=4,
            )
        ),
        max_leaves=12,
    ),
    st.sampled_from(
        ["/api/v1/toets", "/api/v1/simuleer/uittreding", "/api/v1/simuleer/liquidatie"]
    ),
)
def test_willekeurige_invoer_geeft_nooit_een_500(c: TestClient, data: Any, url: str) -> None:
    r = c.post(url, content=json.dumps(data), headers=JSON_KOP)
    if r.status_code != 200:
        for fout in probleem(r, 400)["fouten"]:
            assert not YAML_VOORBEELD.search(fout["herstel"]), fout


def test_kapotte_bezetting_is_422_met_het_bestand(tmp_path: Path) -> None:
    register = kopieer_register(tmp_path / "r")
    (register / "bezetting.yaml").write_text("toelichting: x\nperioden: []\n", encoding="utf-8")
    r = client(register).post(
        "/api/v1/simuleer/uittreding", json={"partij": "meppel", "opzegging": "2027-01-31"}
    )
    (fout, *_) = probleem(r, 422)["fouten"]
    assert fout["in"] == "register"
    assert fout["bestand"].endswith("bezetting.yaml")


# --- the description ---------------------------------------------------------------------------


def test_openapi_beschrijft_elke_route_met_nederlandse_velden(c: TestClient) -> None:
    r = c.get("/api/v1/openapi.json")
    assert r.headers["api-version"] == API_VERSIE
    schema = r.json()
    assert schema["info"]["version"] == API_VERSIE
    assert schema["servers"][0]["url"] == "/api/v1"
    assert set(schema["paths"]) == {
        "/toets",
        "/simuleer/uittreding",
        "/simuleer/liquidatie",
        "/partijen",
        "/soorten",
        "/bezetting",
        "/openapi.json",
    }
    componenten = schema["components"]["schemas"]
    toets = schema["paths"]["/toets"]["post"]
    assert toets["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "/Vergadering"
    )
    assert {"orgaan", "datum", "aanwezig", "besluiten"} <= set(
        componenten["Vergadering"]["properties"]
    )
    assert {"oordeel", "gronden", "escaleren_naar"} <= set(
        componenten["BesluitOordeel"]["properties"]
    )
    assert {"status", "title", "detail", "fouten"} <= set(componenten["Probleem"]["properties"])
    assert {"in", "pad", "melding", "herstel"} <= set(componenten["ProbleemFout"]["properties"])
    for pad, methoden in schema["paths"].items():
        for methode, operatie in methoden.items():
            assert operatie["tags"], (pad, methode)
            for code, antwoord in operatie["responses"].items():
                assert antwoord["headers"] == {
                    "API-Version": {"$ref": "#/components/headers/API-Version"}
                }, (pad, code)
                if code >= "400":
                    assert list(antwoord["content"]) == ["application/problem+json"]
    assert {"400", "413", "415", "422", "500"} <= set(toets["responses"])
    # every reference resolves
    verwijzingen = {w.split("/")[-1] for w in _alle_refs(schema)}
    assert verwijzingen <= set(componenten) | set(schema["components"]["headers"])
    pagina = c.get("/api/v1/")
    assert pagina.status_code == 200
    assert "POST /api/v1/toets" in pagina.text


def test_patronen_zijn_ecma_262(c: TestClient) -> None:
    """Python's named groups (?P<naam>…) are not ECMA-262, which OpenAPI tools read."""
    patronen = _alle(c.get("/api/v1/openapi.json").json(), "pattern")
    assert any("Bijlage" in p for p in patronen)  # the article references are there
    assert not [p for p in patronen if "(?P" in p]


def test_contact_en_server_uit_de_huisstijl(tmp_path: Path) -> None:
    register = kopieer_register(tmp_path / "r")
    info = client(register).get("/api/v1/openapi.json").json()["info"]
    assert info["contact"] == {
        "name": "Secretariaat Zorg- en Veiligheidshuis Drenthe",
        "url": "https://www.zvhd-drenthe.example/contact",
        "email": "secretariaat@zvhd-drenthe.example",
    }
    huisstijl = register / "huisstijl.yaml"
    huisstijl.write_text(
        "organisatie: Zorg- en Veiligheidshuis Drenthe\nonderregel: Secretariaat\n"
        "api:\n  adres: https://werkplek.zvhd.example/\n",
        encoding="utf-8",
    )
    schema = client(register).get("/api/v1/openapi.json").json()
    assert schema["servers"][0]["url"] == "https://werkplek.zvhd.example/api/v1"
    # without a contact of its own: the secretariat's name, and the API's own page
    assert schema["info"]["contact"] == {
        "name": "Secretariaat — Zorg- en Veiligheidshuis Drenthe",
        "url": "https://werkplek.zvhd.example/api/v1/",
    }
    huisstijl.write_text("api:\n  adres: werkplek.zvhd\n", encoding="utf-8")
    fout = probleem(client(register).get("/api/v1/openapi.json"), 422)["fouten"][0]
    assert (fout["in"], fout["pad"]) == ("register", "api.adres")


def _alle(knoop: Any, sleutel: str) -> list[Any]:
    if isinstance(knoop, dict):
        eigen = [knoop[sleutel]] if sleutel in knoop else []
        return eigen + [r for w in knoop.values() for r in _alle(w, sleutel)]
    if isinstance(knoop, list):
        return [r for w in knoop for r in _alle(w, sleutel)]
    return []


def _alle_refs(knoop: Any) -> list[str]:
    return _alle(knoop, "$ref")


# --- the envelope: version header, old paths, problem details for every error -----------------


def test_elk_antwoord_draagt_de_versie(c: TestClient) -> None:
    for r in (
        c.get("/api/v1/soorten"),
        c.get("/api/v1/partijen?op=gisteren"),
        c.get("/api/v1/bestaat-niet"),
        c.get("/api/partijen"),
        c.post("/api/v1/toets", content="{", headers=JSON_KOP),
    ):
        assert r.headers["api-version"] == API_VERSIE, r.request.url
    # the pages of the workplace are not the API
    assert "api-version" not in c.get("/").headers


def test_oude_paden_verwijzen_blijvend_naar_v1(c: TestClient) -> None:
    r = c.get("/api/partijen?op=2027-02-10&soort=gemeente")
    assert r.status_code == 301
    assert r.headers["location"] == "/api/v1/partijen?op=2027-02-10&soort=gemeente"
    assert c.get("/api/").headers["location"] == "/api/v1/"
    assert c.get("/api/openapi.json").headers["location"] == "/api/v1/openapi.json"
    # a POST keeps its method and body (308), and the answer there is the same
    vraag = {"partij": "meppel", "opzegging": "2027-01-31"}
    r = c.post("/api/simuleer/uittreding", json=vraag)
    assert r.status_code == 308
    assert r.headers["location"] == "/api/v1/simuleer/uittreding"
    volgend = c.post("/api/simuleer/uittreding", json=vraag, follow_redirects=True)
    assert volgend.status_code == 200
    assert volgend.json() == c.post("/api/v1/simuleer/uittreding", json=vraag).json()


def test_elke_fout_is_problem_details(c: TestClient) -> None:
    assert "/api/v1/openapi.json" in probleem(c.get("/api/v1/bestaat-niet"), 404)["detail"]
    assert "DELETE" in probleem(c.delete("/api/v1/soorten"), 405)["detail"]
    leeg = probleem(c.post("/api/v1/toets", content="", headers=JSON_KOP), 400)
    assert leeg["fouten"][0]["in"] == "body"
    groot = b'{"x": "' + b"a" * (MAX_BYTES + 1) + b'"}'
    assert "MB" in probleem(c.post("/api/v1/toets", content=groot, headers=JSON_KOP), 413)["detail"]


def test_een_te_groot_verzoek_in_stukken_is_problem_details(c: TestClient) -> None:
    """A chunked body declares no length: it is refused by what is read, as a problem too."""

    def stukken() -> Iterator[bytes]:
        yield b'{"x": "'
        for _ in range(MAX_BYTES // (1 << 20) + 2):
            yield b"a" * (1 << 20)
        yield b'"}'

    r = c.post("/api/v1/toets", content=stukken(), headers=JSON_KOP)
    assert "MB" in probleem(r, 413)["detail"]


def test_te_diep_en_te_groot_getal_zijn_ongeldige_verzoeken(c: TestClient) -> None:
    diep = "[" * 1000 + "]" * 1000
    probleem(c.post("/api/v1/toets", content=diep, headers=JSON_KOP), 400)
    getal = '{"orgaan": "stuurgroep", "datum": "2027-02-10", "besluiten": [], "x": ' + "9" * 5000
    probleem(c.post("/api/v1/toets", content=getal + "}", headers=JSON_KOP), 400)


def test_geen_toegang_is_problem_details(tmp_path: Path) -> None:
    met_token = client(kopieer_register(tmp_path / "r"), token="geheim")
    data = probleem(met_token.get("/api/v1/soorten"), 401)
    assert "token" in data["detail"]
    r = met_token.get("/api/v1/soorten", headers={"authorization": "Bearer geheim"})
    assert r.status_code == 200


def test_onbekende_hostnaam_is_problem_details(c: TestClient) -> None:
    data = probleem(c.get("/api/v1/soorten", headers={"host": "aanvaller.example"}), 400)
    assert "aanvaller.example" in data["detail"]


def test_een_fout_in_het_programma_is_problem_details(
    c: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from convenant import presentatie

    def kapot(*_: object) -> None:
        raise KeyError("x")

    monkeypatch.setattr(presentatie, "partijen_dict", kapot)
    data = probleem(c.get("/api/v1/partijen"), 500)
    assert "KeyError" in data["detail"]
    assert "Traceback" not in data["detail"]
