"""Adopting the previous meeting's concept besluitenlijst in the workplace, without YAML (issue
22, "A concept besluitenlijst, adopted at the next meeting"; 5.8, 7.5).

The adoption is a besluit of the later meeting of the same orgaan, of soort "Vaststelling van
de besluitenlijst van een eerdere vergadering", naming the earlier meeting's date. The meeting
page of the next meeting offers it in one click, the planned meeting's agenda puts it on the
agenda, and the besluit form chooses the earlier meeting from a list by its name and date.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml
from fastapi.testclient import TestClient

from convenant.web.app import maak_app
from convenant.web.werkplek import Werkplek
from tests.web_hulp import csrf, formuliervelden, kopieer_register, verstuur, zet


class Op(Werkplek):
    def vandaag(self) -> dt.date:
        return dt.date(2027, 11, 1)


@pytest.fixture
def register(tmp_path: Path) -> Path:
    return kopieer_register(tmp_path / "register")


@pytest.fixture
def c(register: Path) -> TestClient:
    return TestClient(maak_app(Op(register)), follow_redirects=False)


def _tekst(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _keuzes(html: str, naam: str) -> list[tuple[str, str, bool]]:
    """The options of the select `naam`: value, visible label, selected."""
    select = re.search(rf'<select[^>]*name="{naam}"[^>]*>(.*?)</select>', html, re.S)
    assert select, f"geen keuzelijst {naam}"
    return [
        (w, _tekst(t).strip(), "selected" in a)
        for a, w, t in re.findall(r'<option([^>]*value="([^"]*)"[^>]*)>(.*?)</option>', select[1])
    ]


def _besluit_met_soort(velden: list[tuple[str, str]], soort: str) -> int:
    return next(int(n[1:].split("-")[0]) for n, w in velden if n.endswith("-soort") and w == soort)


def test_de_volgende_vergadering_stelt_de_concept_besluitenlijst_vast(
    c: TestClient, register: Path
) -> None:
    # 12 May's list is a concept; the meeting of 6 October offers to adopt it
    mei = _tekst(c.get("/vergaderingen/stuurgroep-2027-05-12").text)
    assert "Besluitenlijst: concept" in mei
    oktober = c.get("/vergaderingen/stuurgroep-2027-10-06").text
    actie = re.search(r'<a[^>]*href="([^"]*vaststellen=[^"]*)"[^>]*>(.*?)</a>', oktober, re.S)
    assert actie, "de vergadering van 6 oktober biedt de vaststelling niet aan"
    assert _tekst(actie[2]).strip() == "Besluitenlijst van 12 mei 2027 ter vaststelling"
    assert actie[1] == "/vergaderingen/stuurgroep-2027-10-06/bewerk?vaststellen=2027-05-12"

    # the form opens with the besluit added (not yet saved), the earlier meeting chosen by name
    formulier = c.get(actie[1]).text
    assert (
        yaml.safe_load((register / "stuurgroep-2027-10-06.yaml").read_text())["besluiten"][-1].get(
            "stelt_vast"
        )
        is None
    )
    velden = formuliervelden(formulier)
    i = _besluit_met_soort(velden, "verslag_vaststellen")
    assert dict(velden)[f"b{i}-onderwerp"] == (
        "Vaststelling van de besluitenlijst van de Stuurgroep van 12 mei 2027"
    )
    keuzes = _keuzes(formulier, f"b{i}-stelt_vast")
    gekozen = [(w, t) for w, t, s in keuzes if s]
    assert gekozen == [("2027-05-12", "Stuurgroep, 12 mei 2027 (concept)")]
    assert ("2027-02-10", "Stuurgroep, 10 februari 2027 (vastgesteld op 12 mei 2027)", False) in (
        keuzes
    )
    assert all(w < "2027-10-06" for w, _, _ in keuzes if w)  # only earlier meetings

    # the meeting votes on it, as on any besluit
    for lid in dict.fromkeys(re.findall(rf'name="b{i}-stem-([^"]+)"', formulier)):
        velden = zet(velden, f"b{i}-stem-{lid}", "voor")
    r = verstuur(c, "/vergaderingen/stuurgroep-2027-10-06/bewerk", zet(velden, "actie", "opslaan"))
    if r.status_code == 200 and "opslaan_zonder_opmerkingen" in r.text:  # the file's comments
        r = verstuur(
            c,
            "/vergaderingen/stuurgroep-2027-10-06/bewerk",
            zet(formuliervelden(r.text), "actie", "opslaan_zonder_opmerkingen"),
        )
    assert r.status_code == 303, _tekst(r.text)[:2000]
    besluit = yaml.safe_load((register / "stuurgroep-2027-10-06.yaml").read_text())["besluiten"][i]
    assert besluit["soort"] == "verslag_vaststellen"
    assert str(besluit["stelt_vast"]) == "2027-05-12"

    mei = _tekst(c.get("/vergaderingen/stuurgroep-2027-05-12").text)
    assert f"Besluitenlijst: vastgesteld op 6 oktober 2027 met besluit {besluit['id']}" in mei
    oktober = c.get("/vergaderingen/stuurgroep-2027-10-06").text
    assert "ter vaststelling" not in _tekst(oktober)  # done: no longer offered


def test_het_besluitformulier_kiest_de_eerdere_vergadering_uit_een_lijst(c: TestClient) -> None:
    formulier = c.get("/vergaderingen/stuurgroep-2027-05-12/bewerk").text
    keuzes = _keuzes(formulier, "b0-stelt_vast")
    assert [(w, t) for w, t, s in keuzes if s] == [
        ("2027-02-10", "Stuurgroep, 10 februari 2027 (vastgesteld op 12 mei 2027)")
    ]
    assert not any(w == "2027-10-06" for w, _, _ in keuzes)  # a later meeting is no choice
    assert 'for="b0-stelt_vast"' in formulier
    # only for that soort: the other besluiten have no such field
    assert 'name="b1-stelt_vast"' not in formulier


def test_zonder_gekozen_vergadering_staat_de_melding_bij_het_veld(c: TestClient) -> None:
    velden = formuliervelden(c.get("/vergaderingen/stuurgroep-2027-05-12/bewerk").text)
    velden = zet(zet(velden, "b0-stelt_vast", ""), "actie", "opslaan")
    r = verstuur(c, "/vergaderingen/stuurgroep-2027-05-12/bewerk", velden)
    assert r.status_code == 422
    melding = re.search(r'id="melding-b0-stelt_vast"[^>]*>(.*?)</span>', r.text, re.S)
    assert melding
    assert "Stelt de besluitenlijst vast van (besluit 1)" in melding[1]
    assert "kies de vergadering" in melding[1]


def test_een_soort_gekozen_in_het_formulier_toont_de_keuzelijst(c: TestClient) -> None:
    """The live check (htmx) draws the field when the soort becomes an adoption, and so does
    'Oordelen bijwerken' without JavaScript."""
    velden = formuliervelden(c.get("/vergaderingen/stuurgroep-2027-10-06/bewerk").text)
    velden = zet(velden, "b0-soort", "verslag_vaststellen")
    live = verstuur(c, "/vergaderingen/toets", velden).text
    assert 'name="b0-stelt_vast"' in live
    assert [w for w, _, s in _keuzes(live, "b0-stelt_vast") if s] == [""]
    zonder_js = verstuur(
        c, "/vergaderingen/stuurgroep-2027-10-06/bewerk", zet(velden, "actie", "bijwerken")
    ).text
    assert "Stuurgroep, 12 mei 2027 (concept)" in [
        t for _, t, _ in _keuzes(zonder_js, "b0-stelt_vast")
    ]


def test_de_geplande_vergadering_zet_de_vaststelling_op_de_agenda(
    c: TestClient, register: Path
) -> None:
    planning = c.get("/planning").text
    r = c.post(
        "/planning",
        data={
            "csrf": csrf(planning),
            "versie": re.search(r'name="versie" value="([^"]*)"', planning)[1],  # type: ignore[index]
            "orgaan": "stuurgroep",
            "datum": "2027-12-08",
        },
    )
    assert r.status_code == 303
    agenda = c.get("/planning/stuurgroep-2027-12-08").text
    knop = re.search(r'<form[^>]*action="(/planning/[^"]*/vaststellen)"(.*?)</form>', agenda, re.S)
    assert knop, "de agenda biedt de vaststelling niet aan"
    assert "Besluitenlijst van 6 oktober 2027 ter vaststelling" in _tekst(knop[2])
    r = c.post(knop[1], data=dict(formuliervelden(agenda, "ter-vaststelling")))
    assert r.status_code == 303
    agenda = _tekst(c.get("/planning/stuurgroep-2027-12-08").text)
    assert (
        "Vaststelling van de besluitenlijst van de Stuurgroep van 6 oktober 2027 — "
        "ter besluitvorming" in agenda
    )
    assert "ter vaststelling" not in agenda.split("Agendapunten")[0]  # no longer offered
    formulier = c.get("/vergaderingen/nieuw?planning=stuurgroep-2027-12-08").text
    velden = formuliervelden(formulier)
    i = _besluit_met_soort(velden, "verslag_vaststellen")
    assert [w for w, _, s in _keuzes(formulier, f"b{i}-stelt_vast") if s] == ["2027-10-06"]


def test_alleen_een_orgaan_dat_mag_vaststellen_krijgt_de_knop(
    c: TestClient, register: Path
) -> None:
    """The jaarvergadering may not take this besluit (its soort names the Stuurgroep and the
    Partneroverleg): a second one is not offered an adoption that would be ongeldig."""
    tekst = (register / "jaarvergadering-2027-06-16.yaml").read_text(encoding="utf-8")
    (register / "jaarvergadering-2027-09-15.yaml").write_text(
        tekst.replace("2027-06-16", "2027-09-15").replace("jv-2027-", "jv-2027-9"),
        encoding="utf-8",
    )
    pagina = c.get("/vergaderingen/jaarvergadering-2027-09-15")
    assert pagina.status_code == 200
    assert "Deze vergadering kan niet worden beoordeeld" not in pagina.text
    assert "ter vaststelling" not in _tekst(pagina.text)
