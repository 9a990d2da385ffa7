"""The JSON API (/api/): every answer equals the CLI's --json for the same input; errors are 422."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from convenant.web import api_modellen as m
from governance.bestanden import laad_bezetting, laad_convenant
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
    r = c.post("/api/toets", content=als_json(pad), headers=JSON_KOP)
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
    r = c.post("/api/toets", content=tekst, headers=JSON_KOP)
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
    r = c.post("/api/simuleer/uittreding", json=vraag)
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
    r = c.post("/api/simuleer/liquidatie", content=tekst, headers=JSON_KOP)
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
    r = c.get(f"/api/partijen?{query}")
    assert r.status_code == 200, r.text
    _, verwacht = cli_json(["partijen", *opties])
    assert r.json() == verwacht
    m.PartijenAntwoord.model_validate(r.json())


def test_soorten_en_bezetting_zoals_in_de_bestanden(c: TestClient, register: Path) -> None:
    convenant = laad_convenant().model
    soorten = c.get("/api/soorten").json()
    assert soorten == [s.model_dump(mode="json") for s in convenant.soorten]
    jaarplan = next(s for s in soorten if s["id"] == "jaarplan")
    assert jaarplan["bevoegd"] == ["stuurgroep"]
    bezetting = laad_bezetting(register / "bezetting.yaml", convenant).model
    assert c.get("/api/bezetting").json() == bezetting.model_dump(mode="json")
    op = c.get("/api/bezetting?op=2027-02-10").json()
    periode = bezetting.op(dt.date(2027, 2, 10))
    assert periode is not None
    assert op["perioden"] == [periode.model_dump(mode="json")]


# --- errors: 422 in Dutch with the field, never a 500 --------------------------------------------


def test_fout_noemt_veld_regel_en_suggestie(c: TestClient) -> None:
    tekst = als_json(VOORBEELDEN / "stuurgroep-2027-02-10.yaml").replace(
        '"soort": "jaarplan"', '"soort": "jaarpan"', 1
    )
    regel = next(i for i, r in enumerate(tekst.splitlines(), 1) if '"jaarpan"' in r)
    r = c.post("/api/toets", content=tekst, headers=JSON_KOP)
    assert r.status_code == 422
    (fout,) = r.json()["fouten"]
    assert fout["pad"] == "besluiten[sg-2027-01].soort"
    assert fout["regel"] == regel
    assert fout["suggestie"] == "jaarplan"
    assert "onbekende soort" in fout["melding"]
    m.FoutAntwoord.model_validate(r.json())


def test_onbekend_lid_en_ontbrekend_veld(c: TestClient) -> None:
    vergadering = {"orgaan": "stuurgroep", "datum": "2027-02-10", "aanwezig": ["sg_asen"]}
    r = c.post("/api/toets", json=vergadering)
    assert r.status_code == 422
    assert [f["pad"] for f in r.json()["fouten"]] == ["besluiten"]
    assert "ontbreekt" in r.json()["fouten"][0]["melding"]


@pytest.mark.parametrize(
    ("url", "vraag", "pad"),
    [
        ("/api/simuleer/uittreding", {"partij": "meppel"}, "opzegging"),
        ("/api/simuleer/uittreding", {"partij": "vrd", "opzegging": "2027-01-01"}, "partij"),
        ("/api/simuleer/uittreding", {"partij": "meppel", "opzegging": "30-02-2027"}, "opzegging"),
        ("/api/simuleer/uittreding", {"partij": "meppel", "opzeging": "2027-01-01"}, "opzeging"),
        ("/api/simuleer/liquidatie", {"begroting": {}}, "begroting.naam"),
        (
            "/api/simuleer/uittreding",
            {"partij": "meppel", "opzegging": "2027-01-31", "lezingen": ["bestaat_niet=x"]},
            "lezingen",
        ),
    ],
)
def test_simulatie_fouten_noemen_het_veld(
    c: TestClient, url: str, vraag: dict[str, Any], pad: str
) -> None:
    r = c.post(url, json=vraag)
    assert r.status_code == 422, r.text
    assert pad in [f["pad"] for f in r.json()["fouten"]]


def test_liquidatie_gemeente_die_geen_gemeente_is(c: TestClient) -> None:
    begroting = yaml.safe_load(BEGROTING.read_text(encoding="utf-8"))
    tekst = json.dumps({"begroting": begroting, "zonder": ["politie"]}, default=_datums)
    r = c.post("/api/simuleer/liquidatie", content=tekst, headers=JSON_KOP)
    assert r.status_code == 422
    assert r.json()["fouten"][0]["pad"] == "zonder[0]"
    assert "geen gemeente" in r.json()["fouten"][0]["melding"]


def test_geen_json_en_verkeerde_soort_en_datum(c: TestClient) -> None:
    r = c.post("/api/toets", content='{"orgaan": "stuurgroep",\n  "datum": }', headers=JSON_KOP)
    assert r.status_code == 422
    assert r.json()["fouten"][0]["regel"] == 2
    # a form from another site cannot send application/json without asking first
    r = c.post("/api/toets", content="{}", headers={"content-type": "text/plain"})
    assert r.status_code == 415
    r = c.get("/api/partijen?op=31-02-2027")
    assert r.status_code == 422
    assert r.json()["fouten"][0]["pad"] == "op"
    assert "bestaat niet" in r.json()["fouten"][0]["melding"]
    assert c.get("/api/partijen?soort=bestuur").status_code == 422


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
    st.sampled_from(["/api/toets", "/api/simuleer/uittreding", "/api/simuleer/liquidatie"]),
)
def test_willekeurige_invoer_geeft_nooit_een_500(c: TestClient, data: Any, url: str) -> None:
    r = c.post(url, content=json.dumps(data), headers=JSON_KOP)
    assert r.status_code in (200, 422), r.text
    if r.status_code == 422:
        m.FoutAntwoord.model_validate(r.json())


def test_kapotte_bezetting_is_422_met_het_bestand(tmp_path: Path) -> None:
    register = kopieer_register(tmp_path / "r")
    (register / "bezetting.yaml").write_text("toelichting: x\nperioden: []\n", encoding="utf-8")
    r = client(register).post(
        "/api/simuleer/uittreding", json={"partij": "meppel", "opzegging": "2027-01-31"}
    )
    assert r.status_code == 422
    assert r.json()["fouten"][0]["bestand"].endswith("bezetting.yaml")


# --- the description ---------------------------------------------------------------------------


def test_openapi_beschrijft_elke_route_met_nederlandse_velden(c: TestClient) -> None:
    schema = c.get("/api/openapi.json").json()
    assert set(schema["paths"]) == {
        "/api/toets",
        "/api/simuleer/uittreding",
        "/api/simuleer/liquidatie",
        "/api/partijen",
        "/api/soorten",
        "/api/bezetting",
    }
    componenten = schema["components"]["schemas"]
    toets = schema["paths"]["/api/toets"]["post"]
    assert toets["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "/Vergadering"
    )
    assert {"orgaan", "datum", "aanwezig", "besluiten"} <= set(
        componenten["Vergadering"]["properties"]
    )
    assert "422" in toets["responses"]
    assert {"oordeel", "gronden", "escaleren_naar"} <= set(
        componenten["BesluitOordeel"]["properties"]
    )
    assert {"pad", "melding", "herstel"} <= set(componenten["FoutUit"]["properties"])
    # every reference resolves
    verwijzingen = {w.split("/")[-1] for w in _alle_refs(schema)}
    assert verwijzingen <= set(componenten)
    pagina = c.get("/api/")
    assert pagina.status_code == 200
    assert "POST /api/toets" in pagina.text


def _alle_refs(knoop: Any) -> list[str]:
    if isinstance(knoop, dict):
        eigen = [knoop["$ref"]] if "$ref" in knoop else []
        return eigen + [r for w in knoop.values() for r in _alle_refs(w)]
    if isinstance(knoop, list):
        return [r for w in knoop for r in _alle_refs(w)]
    return []
