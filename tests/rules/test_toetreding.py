"""A toetreding from the first request to the signed form, in the workplace and in the engine."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient

from tests.scenario_runners import draai
from tests.web_hulp import client, csrf, kopieer_register

ANTWOORDEN = [
    {"naam": "Stichting Jeugdhulp Zuidoost"},
    {"statutair_gevestigd": "Emmen"},
    {"adres": "Hoofdstraat 1, 7811 AA Emmen"},
    {"vertegenwoordiger_naam": "mevr. J. Jansen", "vertegenwoordiger_functie": "bestuurder"},
    {
        "publieke_taak": "Jeugdhulp in Zuidoost-Drenthe; draagt bij aan de aanpak van complexe casuïstiek (art. 2)."
    },
    {"partij_id": "jeugdhulp_zo"},
    {"aanvraag_ontvangen_op": "02-12-2026"},
    {"kennisgeving_op": "06-01-2027"},
]


def interview(c: TestClient) -> TestClient:
    """Answer the questions one page at a time, as a secretaris does."""
    pagina = c.get("/toetredingen/nieuw")
    velden: dict[str, str] = {}
    for stap, antwoord in enumerate(ANTWOORDEN):
        assert f'name="stap" value="{stap}"' in pagina.text
        velden.update(antwoord)
        pagina = c.post(
            "/toetredingen/nieuw",
            data={"csrf": csrf(pagina.text), "stap": str(stap), "actie": "verder", **velden},
        )
        assert pagina.status_code == 200, pagina.text
    assert "Klopt dit?" in pagina.text
    r = c.post(
        "/toetredingen/nieuw",
        data={"csrf": csrf(pagina.text), "stap": str(len(ANTWOORDEN)), "actie": "verder", **velden},
    )
    assert r.status_code == 303, r.text
    assert r.headers["location"] == "/toetredingen/jeugdhulp_zo?opgeslagen=nieuw"
    return c


def _gereserveerd(register: Path) -> str:
    """The besluit number the dossier reserved when it was put on the agenda."""
    dossier = yaml.safe_load(
        (register / "toetredingen" / "jeugdhulp_zo.yaml").read_text(encoding="utf-8")
    )
    return str(dossier["besluit_stuurgroep"]["besluit"])


def _neem_op(vergadering: Path, nummer: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The meeting with the toetreding besluit recorded as its form saves it: number, dossier
    and votes (written to the file; the caller may add to the besluit and write again)."""
    data: dict[str, Any] = yaml.safe_load(vergadering.read_text(encoding="utf-8"))
    besluit: dict[str, Any] = {
        "id": nummer,
        "onderwerp": "Toetreding van Stichting Jeugdhulp Zuidoost",
        "soort": "toetreding",
        "stemmen": {"voor": "alle"},
        "toetreding": {"dossier": "jeugdhulp_zo"},
    }
    data["besluiten"].append(besluit)
    vergadering.write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return data, besluit


def _post(c: TestClient, pad: str, **velden: str) -> Any:
    pagina = c.get("/toetredingen/jeugdhulp_zo").text
    versie = re.search(r'name="versie" value="([^"]+)"', pagina)
    assert versie
    return c.post(
        f"/toetredingen/jeugdhulp_zo/{pad}",
        data={"csrf": csrf(pagina), "versie": versie.group(1), **velden},
    )


def _wacht_op(c: TestClient) -> str:
    gevonden = re.search(
        r"<strong>Wacht op:</strong> ([^<]*)<", c.get("/toetredingen/jeugdhulp_zo").text
    )
    assert gevonden
    return gevonden.group(1)


@pytest.fixture
def register(tmp_path: Path) -> Path:
    return kopieer_register(tmp_path / "register")


def test_interview_vraagt_een_ding_tegelijk_en_controleert(register: Path) -> None:
    c = client(register)
    pagina = c.get("/toetredingen/nieuw")
    assert pagina.text.count('type="text"') + pagina.text.count("<textarea") == 1
    leeg = c.post("/toetredingen/nieuw", data={"csrf": csrf(pagina.text), "stap": "0", "naam": ""})
    assert leeg.status_code == 422
    assert "Vul dit in om verder te gaan." in leeg.text
    # an id that is already a party is refused at its own question
    velden = {k: v for a in ANTWOORDEN for k, v in a.items()} | {"partij_id": "politie"}
    r = c.post("/toetredingen/nieuw", data={"csrf": csrf(pagina.text), "stap": "5", **velden})
    assert r.status_code == 422
    assert "al de id van" in r.text
    assert not (register / "toetredingen").exists()


def test_toetreding_van_verzoek_tot_nieuwe_partij(register: Path) -> None:
    c = interview(client(register))
    pad = register / "toetredingen" / "jeugdhulp_zo.yaml"
    dossier = yaml.safe_load(pad.read_text(encoding="utf-8"))
    assert dossier["organisatie"]["statutair_gevestigd"] == "Emmen"
    assert str(dossier["kennisgeving_op"]) == "2027-01-06"
    assert "het antwoord van 31 van de 31 Partijen" in _wacht_op(c)

    # every party agrees except Meppel, which objects first and agrees later
    partijen = re.findall(
        r'name="partij" value="([a-z_]+)"', c.get("/toetredingen/jeugdhulp_zo").text
    )
    assert len(partijen) == 31
    for p in partijen:
        antwoord = "bezwaar" if p == "meppel" else "akkoord"
        assert (
            _post(
                c, "antwoord", partij=p, antwoord=antwoord, op="20-01-2027", door="secretaris"
            ).status_code
            == 303
        )
    assert "akkoord van Gemeente Meppel" in _wacht_op(c)
    assert (
        _post(c, "antwoord", partij="meppel", antwoord="akkoord", op="03-02-2027").status_code
        == 303
    )
    assert "besluit van de Stuurgroep" in _wacht_op(c)
    # without a besluit the form is a CONCEPT, and the page says why
    documenten = c.get("/toetredingen/jeugdhulp_zo/documenten?soort=toetredingsformulier")
    assert "CONCEPT" in documenten.text
    assert "noemt nog geen besluit van de Stuurgroep" in documenten.text

    # on the agenda of the Stuurgroep of 12 May 2027, a meeting already recorded: its form opens
    # with the besluit added, and the file is untouched until the secretaris saves it with the
    # votes (a besluit without votes once made the whole meeting unreadable)
    vergadering = register / "stuurgroep-2027-05-12.yaml"
    voor = vergadering.read_bytes()
    r = _post(c, "agenda", vergadering="stuurgroep-2027-05-12")
    assert r.status_code == 303
    assert r.headers["location"].startswith(
        "/vergaderingen/stuurgroep-2027-05-12/bewerk?toetreding=jeugdhulp_zo"
    )
    assert vergadering.read_bytes() == voor
    assert "Toetreding van Stichting Jeugdhulp Zuidoost" in c.get(r.headers["location"]).text
    nummer = _gereserveerd(register)
    # numbered on after the highest Stuurgroep number of 2027 anywhere in the register
    nummers = [
        int(m.group(1))
        for pad in register.glob("stuurgroep-2027-*.yaml")
        for m in re.finditer(r"id: sg-2027-(\d+)", pad.read_text(encoding="utf-8"))
    ]
    assert int(nummer.rsplit("-", 1)[1]) == max(nummers) + 1
    # until the meeting records the besluit, the form cannot rest on it
    documenten = c.get("/toetredingen/jeugdhulp_zo/documenten?soort=toetredingsformulier")
    assert "CONCEPT" in documenten.text

    # the meeting records the besluit with its votes, as its form does, but not yet 22.1
    data, besluit = _neem_op(vergadering, nummer)
    # the besluit is not aangenomen: the form is a CONCEPT, in every format
    formulier = c.get("/toetredingen/jeugdhulp_zo/document/toetredingsformulier")
    assert "CONCEPT" in formulier.text
    assert "Stichting Jeugdhulp Zuidoost" in formulier.text
    pdf = c.get("/toetredingen/jeugdhulp_zo/document/toetredingsformulier?formaat=pdf")
    assert pdf.content.startswith(b"%PDF")
    assert "een besluit van de Stuurgroep dat is aangenomen" in _wacht_op(c)
    # with the confirmation of the task (22.1) the Stuurgroep adopts it
    besluit["voldaan"] = ["publieke_taak"]
    dump = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    vergadering.write_text(dump, encoding="utf-8")
    # convenant toets reads informed-when and who-agreed from the dossier
    _, uit, fout = draai(["toets", str(vergadering), "--json"])
    oordeel = next(b for b in json.loads(uit)["besluiten"] if b["id"] == besluit["id"])
    assert oordeel["oordeel"] == "aangenomen", (oordeel, fout)
    assert any("Alle 31 Partijen gaven akkoord" in g["uitleg"] for g in oordeel["gronden"])
    assert "ondertekening van het toetredingsformulier" in _wacht_op(c)
    formulier = c.get("/toetredingen/jeugdhulp_zo/document/toetredingsformulier")
    assert formulier.status_code == 200
    assert "CONCEPT" not in formulier.text

    # signed: a Partij from that date, for the workplace, the API and the CLI alike
    assert (
        _post(
            c, "ondertekend", datum_ondertekening="01-06-2027", plaats_ondertekening="Assen"
        ).status_code
        == 303
    )
    assert "Partij vanaf 1 juni 2027" in _wacht_op(c)
    assert "jeugdhulp_zo" in [
        p["id"] for p in c.get("/api/v1/partijen?op=2027-06-01").json()["partijen"]
    ]
    assert "jeugdhulp_zo" not in [
        p["id"] for p in c.get("/api/v1/partijen?op=2027-05-31").json()["partijen"]
    ]
    _, uit, _ = draai(["partijen", "--op", "2027-06-01", "--register", str(register), "--json"])
    nieuw = next(p for p in json.loads(uit)["partijen"] if p["id"] == "jeugdhulp_zo")
    assert nieuw["toegetreden_op"] == "2027-06-01"
    assert nieuw["ondertekenaar"] == {"naam": "mevr. J. Jansen", "functie": "bestuurder"}


def test_antwoord_na_de_vergadering_telt_niet(register: Path) -> None:
    c = interview(client(register))
    partijen = re.findall(
        r'name="partij" value="([a-z_]+)"', c.get("/toetredingen/jeugdhulp_zo").text
    )
    for p in partijen:
        datum = "20-05-2027" if p == "assen" else "20-01-2027"  # Assen answers after 12 May
        _post(c, "antwoord", partij=p, antwoord="akkoord", op=datum)
    _post(c, "agenda", vergadering="stuurgroep-2027-05-12")
    vergadering = register / "stuurgroep-2027-05-12.yaml"
    data, besluit = _neem_op(vergadering, _gereserveerd(register))
    besluit["voldaan"] = ["publieke_taak"]
    vergadering.write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    _, uit, _ = draai(["toets", str(vergadering), "--json"])
    oordeel = json.loads(uit)["besluiten"][-1]
    assert oordeel["oordeel"] == "aangehouden"
    assert any("Gemeente Assen" in g["uitleg"] for g in oordeel["gronden"])


def test_besluit_met_onbekend_dossier_is_onleesbaar(register: Path) -> None:
    pad = register / "stuurgroep-2027-11-17.yaml"
    pad.write_text(
        "orgaan: stuurgroep\ndatum: 2027-11-17\naanwezig: alle\nbesluiten:\n"
        "  - id: sg-2027-30\n    onderwerp: Toetreding\n    soort: toetreding\n"
        "    toetreding: {dossier: bestaat_niet}\n    stemmen: {voor: alle}\n",
        encoding="utf-8",
    )
    code, _, fout = draai(["toets", str(pad)])
    assert code == 2
    assert "stuurgroep-2027-11-17.yaml:8:" in fout
    assert "geen toetredingsdossier 'bestaat_niet'" in fout


def test_dossier_en_feiten_tegelijk_geweigerd(register: Path) -> None:
    pad = register / "stuurgroep-2027-11-17.yaml"
    pad.write_text(
        "orgaan: stuurgroep\ndatum: 2027-11-17\naanwezig: alle\nbesluiten:\n"
        "  - id: sg-2027-30\n    onderwerp: Toetreding\n    soort: toetreding\n"
        "    toetreding: {dossier: x, akkoord: alle}\n    stemmen: {voor: alle}\n",
        encoding="utf-8",
    )
    code, _, fout = draai(["toets", str(pad)])
    assert code == 2
    assert "staat al in het dossier" in fout


def test_overzicht_van_toetredingen_noemt_wat_elk_wacht(register: Path) -> None:
    c = interview(client(register))
    lijst = c.get("/toetredingen").text
    assert "Stichting Jeugdhulp Zuidoost" in lijst
    assert "het antwoord van 31 van de 31 Partijen" in lijst
    overzicht = c.get("/?jaar=2027").text
    assert "Lopende toetredingen" in overzicht
    assert "wacht op het antwoord van 31 van de 31 Partijen" in overzicht
    (register / "toetredingen" / "kapot.yaml").write_text("organisatie: [\n", encoding="utf-8")
    lijst = c.get("/toetredingen").text
    assert "niet te lezen" in lijst
    assert "kapot.yaml:" in lijst
    assert c.get("/toetredingen/kapot").status_code == 200
    assert c.get("/toetredingen/..%2Fbezetting").status_code == 404


DOSSIER = """\
partij: {id: jeugdhulp_zo}
organisatie:
  naam: Stichting Jeugdhulp Zuidoost
  statutair_gevestigd: Emmen
  adres: Hoofdstraat 1, 7811 AA Emmen
  vertegenwoordiger: {naam: mevr. J. Jansen, functie: bestuurder}
publieke_taak: Jeugdhulp in Zuidoost-Drenthe.
kennisgeving_op: 2027-01-06
besluit_stuurgroep: {datum: 2027-05-12, besluit: sg-2027-13}
datum_ondertekening: 2027-06-01
"""


def test_getekende_toetreding_geeft_de_bezetting_een_nieuwe_partij(register: Path) -> None:
    """The bezetting may seat the new party from its date; the CLI and the engine agree."""
    (register / "toetredingen").mkdir()
    (register / "toetredingen" / "jeugdhulp_zo.yaml").write_text(DOSSIER, encoding="utf-8")
    bezetting = yaml.safe_load((register / "bezetting.yaml").read_text(encoding="utf-8"))
    # the period that holds the date of accession is split there; the new party sits from then
    perioden = bezetting["perioden"]
    plek, lopend = next(
        (i, p)
        for i, p in enumerate(perioden)
        if str(p["vanaf"]) <= "2027-06-01" and str(p.get("tot") or "9999") > "2027-06-01"
    )
    nieuw = yaml.safe_load(yaml.safe_dump(lopend))  # a copy from the date of accession
    lopend["tot"] = "2027-06-01"
    nieuw["vanaf"] = "2027-06-01"
    nieuw["organen"]["partneroverleg"]["leden"].append(
        {"id": "po_jeugdhulp", "naam": "Afgevaardigde Jeugdhulp Zuidoost", "partij": "jeugdhulp_zo"}
    )
    perioden.insert(plek + 1, nieuw)
    (register / "bezetting.yaml").write_text(
        yaml.safe_dump(bezetting, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    code, _, fout = draai(["valideer", "--register", str(register), "--geen-bevindingen"])
    assert code == 0, fout
    vergadering = register / "partneroverleg-2027-09-01.yaml"
    vergadering.write_text(
        "orgaan: partneroverleg\ndatum: 2027-09-01\naanwezig: alle\nbesluiten:\n"
        "  - id: po-2027-20\n    onderwerp: Werkafspraken\n    soort: tactische_sturing\n"
        "    stemmen: {voor: alle}\n",
        encoding="utf-8",
    )
    code, uit, fout = draai(["toets", str(vergadering), "--json"])
    assert code in (0, 1), fout
    assert "po_jeugdhulp" in json.loads(uit)["vergadering"]["aanwezig"]
    # without the signature the same bezetting names a party that does not exist
    (register / "toetredingen" / "jeugdhulp_zo.yaml").write_text(
        DOSSIER.replace("datum_ondertekening: 2027-06-01\n", ""), encoding="utf-8"
    )
    code, _, fout = draai(["valideer", "--register", str(register), "--geen-bevindingen"])
    assert code == 2
    assert "jeugdhulp_zo" in fout
