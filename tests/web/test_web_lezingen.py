"""Contested readings in the workplace (issue 16): judged as the CLI judges, and shown."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.web_hulp import client, kopieer_register

VOORBEELD = Path(__file__).parents[2] / "examples"

VASTGESTELD = (
    "vastgesteld:\n"
    "  - {aanname: staking_van_stemmen, lezing: verworpen, besluit: sg-2027-20, datum: 2027-01-13}\n"
)


def test_een_besluit_toont_de_lezingen_waarvan_het_oordeel_afhangt(tmp_path: Path) -> None:
    c = client(kopieer_register(tmp_path / "register"))
    html = c.get("/vergaderingen/stuurgroep-2027-02-10/besluiten/sg-2027-04").text
    assert "Lezingen waarvan dit oordeel afhangt" in html
    assert "Het convenant zegt niet wat bij staking van stemmen gebeurt." in html
    assert "Nog niet vastgesteld: het oordeel rust hier op een aanname." in html
    # Under the other reading of a tie, the besluit is rejected instead of escalated.
    deel = html.split('id="lezing-staking_van_stemmen"')[1].split("</div>")[0]
    assert "oordeel-verworpen" in deel


def test_de_werkplek_oordeelt_met_de_vastgestelde_lezingen_van_het_register(
    tmp_path: Path,
) -> None:
    register = kopieer_register(tmp_path / "register")
    (register / "lezingen.yaml").write_text(VASTGESTELD, encoding="utf-8")
    c = client(register)
    html = c.get("/vergaderingen/stuurgroep-2027-02-10/besluiten/sg-2027-04").text
    assert (
        "Die lezing stelde de Stuurgroep vast bij besluit sg-2027-20 van 13 januari 2027." in html
    )
    assert "Vastgesteld door de Stuurgroep bij besluit sg-2027-20" in html
    assert "oordeel-verworpen" in html.split("<h2>Oordeel en gronden</h2>")[1].split("<h2>")[0]


def test_de_pagina_convenant_toont_elke_lezing_met_status(tmp_path: Path) -> None:
    register = kopieer_register(tmp_path / "register")
    (register / "lezingen.yaml").write_text(VASTGESTELD, encoding="utf-8")
    html = client(register).get("/convenant").text
    assert "Betwiste lezingen" in html
    assert 'id="lezing-besluitregel_partneroverleg"' in html
    staking = html.split('id="lezing-staking_van_stemmen"')[1].split("</div>")[0]
    assert "Vastgesteld bij besluit sg-2027-20 van 13 januari 2027." in staking
    # Settled or not, the reading still decides the two ties of the example meeting.
    assert "zij beslist over 2 (sg-2027-04, sg-2027-07)" in staking


def test_het_overzicht_telt_een_opzegging_onder_de_lezing_die_toen_gold(tmp_path: Path) -> None:
    """Cosis gave notice on 31 January 2027. Under the default reading of when the twelve
    months start (25.2) it leaves on 31 January 2028; the Stuurgroep settled, on 13 January
    2027, that they start the day after the notice: then 1 February 2028. The overview
    says what `convenant jaaroverzicht` says."""
    register = kopieer_register(tmp_path / "register")
    (register / "documenten").mkdir()
    shutil.copy(VOORBEELD / "documenten" / "opzegging-cosis.yaml", register / "documenten")
    c = client(register)
    assert "de uittreding gaat in op 31 januari 2028" in c.get("/?jaar=2027&op=2027-12-31").text
    (register / "lezingen.yaml").write_text(
        "vastgesteld:\n"
        "  - {aanname: ingang_opzegtermijn, lezing: dag_na_opzegging, besluit: sg-2027-21,"
        " datum: 2027-01-13}\n",
        encoding="utf-8",
    )
    html = client(register).get("/?jaar=2027&op=2027-12-31").text
    assert "de uittreding gaat in op 1 februari 2028" in html
