"""Words a reviewer found on the pages (issue 22, "Words a secretaris uses"): each page says
what a secretaris needs in words, and the technical bits stay under 'Technische details'."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.web_hulp import VOORBEELDEN, client, kopieer_register


@pytest.fixture
def register(tmp_path: Path) -> Path:
    r = kopieer_register(tmp_path / "register")
    shutil.copytree(VOORBEELDEN / "toetredingen", r / "toetredingen")
    return r


def test_opzeggingsbrief_vraagt_de_plaats_bij_het_veld(register: Path) -> None:
    c = client(register)
    vraag = "/uittreding?partij=cosis&route=opzegtermijn&opzegging=2027-01-31"
    r = c.get(vraag + "&brief=ja")
    assert r.status_code == 200  # the form again, not a documents page that cannot go on
    fout = re.search(r'<p class="veldfout" id="brief_plaats-fout">([^<]+)', r.text)
    assert fout
    assert "plaats" in fout.group(1)
    assert 'aria-describedby="brief_plaats-fout"' in r.text
    assert "verplicht voor de brief" in r.text  # the field says it is required
    r = c.get(vraag + "&brief_plaats=Coevorden&brief=ja")
    assert r.status_code == 303
    assert r.headers["location"].startswith("/uittreding/documenten?")
    assert "brief_plaats=Coevorden" in r.headers["location"]
    assert "soort=opzegging" in r.headers["location"]
    document = c.get(
        r.headers["location"].replace("/documenten?", "/document/opzegging?") + "&formaat=md"
    )
    assert document.status_code == 200
    assert "Coevorden" in document.text


def test_toetreding_noemt_de_aanname_en_geen_bestand(register: Path) -> None:
    html = client(register).get("/toetredingen/voorbeeldzorg").text
    assert ">kennisgeving_toetreding_termijn<" not in html
    assert "toetredingen/voorbeeldzorg.yaml" not in html
    assert "Wanneer en hoe worden de Partijen over een toetreding ingelicht?" in html  # its title


def test_antwoorddatum_staat_niet_voor_de_kennisgeving(register: Path) -> None:
    # today (2026 here) lies before the kennisgeving of 6 January 2027
    html = client(register).get("/toetredingen/voorbeeldzorg").text
    datums = set(re.findall(r'name="op" value="([^"]*)"', html))
    assert datums == {"2027-01-06"}
    assert 'min="2027-01-06"' in html


def test_api_pagina_in_woorden_met_het_eigen_adres(register: Path) -> None:
    c = client(register, hosts=None)
    html = c.get("/api/v1/", headers={"host": "werkplek.voorbeeld:9123"}).text
    assert "127.0.0.1:8000" not in html
    assert "http://werkplek.voorbeeld:9123/api/v1/toets" in html
    assert "`" not in html  # the Markdown of the description is rendered
    assert "<code>--json</code>" in html
    voor, _, _ = html.partition("Technische details")
    assert "JSON" not in re.sub(r"<[^>]+>", "", voor.partition("<main")[2])


def test_vergadering_genoemd_naar_orgaan_en_datum_niet_naar_haar_bestand(
    register: Path,
) -> None:
    c = client(register)
    for pad in (
        "/vergaderingen/stuurgroep-2027-02-10",
        "/vergaderingen/stuurgroep-2027-02-10/geschiedenis",
    ):
        html = c.get(pad).text
        assert "stuurgroep-2027-02-10.yaml" not in html
        assert "10 februari 2027" in html
