"""The archive search (issue 22): every besluit by words, orgaan, soort, year and verdict,
each result linking to the besluit on its meeting page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.web_hulp import client, kopieer_register


@pytest.fixture
def register(tmp_path: Path) -> Path:
    return kopieer_register(tmp_path / "register")


def _gevonden(html: str) -> list[tuple[str, str]]:
    """(link, besluit number) of each result row."""
    return re.findall(r'<td><a href="([^"]+)">([a-z]+-\d{4}-\d+):', html)


def test_zoeken_op_woorden_vindt_het_besluit_met_link_naar_de_vergadering(
    register: Path,
) -> None:
    c = client(register)
    r = c.get("/besluiten", params={"woorden": "jaarplan VASTSTELLING"})
    assert r.status_code == 200
    assert _gevonden(r.text) == [("/vergaderingen/stuurgroep-2027-02-10#b-0", "sg-2027-01")]
    # the link's anchor is the besluit's heading on the meeting page
    vergadering = c.get("/vergaderingen/stuurgroep-2027-02-10").text
    assert re.search(r'<h3 id="b-0">sg-2027-01: Vaststelling Jaarplan 2027', vergadering)


def test_filters_orgaan_soort_jaar_en_oordeel(register: Path) -> None:
    c = client(register)
    alle = _gevonden(c.get("/besluiten").text)
    assert len(alle) >= 15
    escaleren = _gevonden(c.get("/besluiten", params={"oordeel": "escaleren"}).text)
    assert {b for _, b in escaleren} == {"sg-2027-03", "sg-2027-04", "sg-2027-07"}
    partneroverleg = _gevonden(c.get("/besluiten", params={"orgaan": "partneroverleg"}).text)
    assert partneroverleg
    assert all(b.startswith("po-") for _, b in partneroverleg)
    personeel = _gevonden(c.get("/besluiten", params={"soort": "personeel"}).text)
    assert [b for _, b in personeel] == ["sg-2027-04"]
    assert _gevonden(c.get("/besluiten", params={"jaar": 2026}).text) == []
    assert len(_gevonden(c.get("/besluiten", params={"jaar": 2027}).text)) == len(alle)
    samen = c.get(
        "/besluiten", params={"orgaan": "stuurgroep", "oordeel": "escaleren", "woorden": "manager"}
    )
    assert [b for _, b in _gevonden(samen.text)] == ["sg-2027-07"]


def test_keuzes_tonen_namen_niet_ids(register: Path) -> None:
    html = client(register).get("/besluiten").text
    assert '<option value="personeel">Personeelsbesluit</option>' in html
    assert '<option value="stuurgroep">Stuurgroep</option>' in html
    assert "Personeelsbesluit</td>" in html


def test_een_casusbesluit_is_niet_op_zijn_inhoud_te_vinden(register: Path) -> None:
    c = client(register)
    r = c.get("/besluiten", params={"woorden": "woonbegeleiding"})
    assert _gevonden(r.text) == []
    assert "woonbegeleiding" not in r.text.replace('value="woonbegeleiding"', "")
    assert "met woonbegeleiding en meldplicht" not in c.get("/besluiten").text


def test_alle_jaren_kiezen_is_geen_fout(register: Path) -> None:
    # a filter form sends jaar= for "alle jaren": the archive and the meeting list show all
    c = client(register)
    r = c.get("/besluiten?woorden=&orgaan=&soort=&jaar=&oordeel=escaleren")
    assert r.status_code == 200
    assert len(_gevonden(r.text)) == 3
    assert c.get("/vergaderingen?orgaan=&jaar=").status_code == 200
    assert c.get("/besluiten?jaar=abc").status_code == 422  # a wrong year is still said
