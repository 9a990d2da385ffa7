"""Who sits where, with deputies and successors (issue 22, part 1): in the wizard of a new
register and on the bezetting page of a register that has one. A meeting is judged on the
members of its own date, so a successor starts a new period and earlier ones stay."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from convenant.register import Register
from tests.web.test_inrichten import STUURGROEP, _formulier
from tests.web_hulp import client, csrf, kopieer_register


def test_wizard_legt_plaatsvervanger_en_opvolger_vast(leeg: Path) -> None:
    c = client(leeg)
    html = c.get("/inrichten").text
    assert 'name="stuurgroep-0-plaatsvervanger"' in html
    r = c.post(
        "/inrichten",
        data=_formulier(
            html,
            **STUURGROEP,
            vanaf="2027-01-01",
            **{
                "stuurgroep-0-plaatsvervanger": "Wethouder van Assen",
                "stuurgroep-1-opvolger": "Nieuwe sectorhoofd politie",
                "stuurgroep-1-opvolger_vanaf": "2027-07-01",
            },
        ),
    )
    assert r.status_code == 303, r.text
    bezetting, fouten = Register(leeg).bezetting_met_fouten()
    assert fouten == []
    assert bezetting is not None
    eerste, tweede = bezetting.perioden
    assert (eerste.vanaf, eerste.tot) == (dt.date(2027, 1, 1), dt.date(2027, 7, 1))
    assert (tweede.vanaf, tweede.tot) == (dt.date(2027, 7, 1), None)
    voor = {lid.id: lid for lid in eerste.organen["stuurgroep"].leden}
    na = {lid.id: lid for lid in tweede.organen["stuurgroep"].leden}
    assert voor.keys() == na.keys()  # the seat stays; its meetings name the same member
    politie = next(i for i, lid in voor.items() if lid.partij == "politie")
    assert voor[politie].naam == "Sectorhoofd politie"
    assert na[politie].naam == "Nieuwe sectorhoofd politie"
    assessen = next(i for i, lid in voor.items() if lid.partij == "assen")
    assert voor[assessen].plaatsvervanger == na[assessen].plaatsvervanger == "Wethouder van Assen"
    # the meeting form of each date lists the member of that date, and names the deputy
    juni = c.get("/vergaderingen/nieuw?orgaan=stuurgroep&datum=2027-06-10").text
    sept = c.get("/vergaderingen/nieuw?orgaan=stuurgroep&datum=2027-09-10").text
    assert "Sectorhoofd politie" in juni
    assert "Nieuwe sectorhoofd politie" not in juni
    assert "Nieuwe sectorhoofd politie" in sept
    assert "Wethouder van Assen" in juni


def test_opvolger_zonder_goede_datum_staat_bij_het_veld(leeg: Path) -> None:
    c = client(leeg)
    html = c.get("/inrichten").text
    r = c.post(
        "/inrichten",
        data=_formulier(
            html,
            **STUURGROEP,
            vanaf="2027-01-01",
            **{
                "stuurgroep-1-opvolger": "Nieuwe sectorhoofd politie",
                "stuurgroep-1-opvolger_vanaf": "2026-12-01",
                "stuurgroep-2-opvolger_vanaf": "2027-03-01",
            },
        ),
    )
    assert r.status_code == 422
    assert re.search(r'id="stuurgroep-1-opvolger_vanaf-fout">[^<]*latere datum', r.text)
    assert re.search(r'id="stuurgroep-2-opvolger-fout">[^<]*naam van de opvolger', r.text)
    assert 'value="Nieuwe sectorhoofd politie"' in r.text  # kept
    assert list(leeg.iterdir()) == []


def test_bezetting_van_een_bestaand_register_wijzigen_vanaf_een_datum(tmp_path: Path) -> None:
    register = kopieer_register(tmp_path / "r")
    oud = Register(register).bezetting()
    assert oud is not None
    c = client(register)
    html = c.get("/bezetting").text
    assert "Burgemeester van Assen (voorbeeld)" in html  # members by name
    assert "sg_assen" not in re.sub(r'<input type="hidden"[^>]*>', "", html)  # no id shown
    laatste = oud.perioden[-1]
    sg = laatste.organen["stuurgroep"].leden
    i = next(n for n, lid in enumerate(sg) if lid.id == "sg_emmen")
    data = _formulier(html, csrf=csrf(html))
    # every field of the form as it is, the Emmen seat with a new holder from 1 March 2028
    for naam, waarde in re.findall(
        r'<input type="(?:hidden|text)"[^>]*name="([^"]+)" value="([^"]*)"', html
    ):
        data.setdefault(naam, waarde)
    for naam, waarde in re.findall(
        r'<input type="text" id="[^"]+" name="([^"]+)" value="([^"]*)"', html
    ):
        data[naam] = waarde
    for naam, blok in re.findall(
        r'<select id="[^"]+" name="([^"]+)"[^>]*>(.*?)</select>', html, re.S
    ):
        gekozen = re.search(r'<option value="([^"]*)" selected', blok)
        data[naam] = gekozen.group(1) if gekozen else ""
    for naam, waarde in re.findall(
        r'<input type="checkbox" name="([^"]+)" value="([^"]+)" checked', html
    ):
        data.setdefault(naam, [])
        if isinstance(data[naam], list):
            data[naam].append(waarde)
    data["vanaf"] = "2028-03-01"
    data[f"stuurgroep-{i}-naam"] = "Burgemeester van Emmen (nieuw)"
    data[f"stuurgroep-{i}-plaatsvervanger"] = "Wethouder van Emmen"
    data["actie"] = "opslaan"
    r = c.post("/bezetting", data=data)
    assert r.status_code == 303, r.text
    nieuw, fouten = Register(register).bezetting_met_fouten()
    assert fouten == []
    assert nieuw is not None
    # earlier periods kept; the last one ends the day the new one begins
    assert [p.model_dump() for p in nieuw.perioden[:-2]] == [
        p.model_dump() for p in oud.perioden[:-1]
    ]
    assert nieuw.perioden[-2].organen == laatste.organen
    assert nieuw.perioden[-2].tot == dt.date(2028, 3, 1)
    assert nieuw.perioden[-1].vanaf == dt.date(2028, 3, 1)
    leden = {lid.id: lid for lid in nieuw.perioden[-1].organen["stuurgroep"].leden}
    assert leden.keys() == {lid.id for lid in sg}  # every seat kept its id
    assert leden["sg_emmen"].naam == "Burgemeester van Emmen (nieuw)"
    assert leden["sg_emmen"].plaatsvervanger == "Wethouder van Emmen"
    po = {lid.id: lid for lid in nieuw.perioden[-1].organen["partneroverleg"].leden}
    oud_po = {lid.id: lid for lid in laatste.organen["partneroverleg"].leden}
    assert {i: (lid.partij, set(lid.vertegenwoordigt)) for i, lid in po.items()} == {
        i: (lid.partij, set(lid.vertegenwoordigt)) for i, lid in oud_po.items()
    }
    assert "De bezetting is opgeslagen" in c.get("/bezetting?opgeslagen=ja").text
    # a tab still on the old version is refused, and keeps what it typed
    r = c.post("/bezetting", data=data)
    assert r.status_code == 409
    assert 'value="Wethouder van Emmen"' in r.text
