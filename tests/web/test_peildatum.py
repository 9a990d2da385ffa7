"""The overview judges on its peildatum: what happened after it is not yet a fact.

A meeting after the peildatum was at most planned then; a notice of exit given after it was not
known; a sending recorded after it had not happened. The example register's year 2027 read on
1 June, and 2026 read on 1 December (before Cosis gave notice on 31 January 2027).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from rules.jaaroverzicht import overzicht
from tests.scenario_runners import draai
from tests.web_hulp import client, kopieer_register

VOORBEELD = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture
def register(tmp_path: Path) -> Path:
    r = kopieer_register(tmp_path / "register")
    (r / "documenten").mkdir()
    for naam in ("opzegging-cosis.yaml", "addendum-2027-1.yaml"):
        (r / "documenten" / naam).write_bytes((VOORBEELD / "documenten" / naam).read_bytes())
    return r


def _zichtbaar(html: str) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _verplichting(html: str, begin: str) -> str:
    """The row of the obligations table that starts with `begin`, as text."""
    for rij in re.findall(r"<tr>(.*?)</tr>", html, flags=re.S):
        tekst = _zichtbaar(rij).strip()
        if tekst.startswith(begin):
            return tekst
    raise AssertionError(f"geen verplichting '{begin}' op de pagina")


def test_de_oktobervergadering_telt_niet_op_1_juni(register: Path) -> None:
    html = client(register).get("/?jaar=2027&op=2027-06-01").text
    stuurgroep = _verplichting(html, "De Stuurgroep vergadert ten minste 3 keer per jaar")
    # February and May were held by 1 June; October was not, so 4.3 is not yet met, nor failed
    assert "2 vergaderingen" in stuurgroep, stuurgroep
    assert "in orde" not in stuurgroep.replace("niet in orde", "")
    assert "niet in orde" not in stuurgroep  # the year is still running
    assert "6 oktober 2027" in stuurgroep  # named as still to come
    # the annual meeting of 16 June had not taken place on 1 June
    jaarvergadering = _verplichting(html, "De jaarvergadering")
    assert "vastgesteld" not in jaarvergadering.split("art.")[0].replace("vastgesteld?", "")
    assert "niet in orde" not in jaarvergadering
    # the 5.8 sending of the October meeting is not at issue on 1 June
    stukken = _verplichting(html, "De Stuurgroep stuurt de notulen")
    assert "6 oktober" not in stukken


def test_op_het_einde_van_het_jaar_telt_alles_wat_gehouden_is(register: Path) -> None:
    html = client(register).get("/?jaar=2027&op=2027-12-31").text
    stuurgroep = _verplichting(html, "De Stuurgroep vergadert ten minste 3 keer per jaar")
    assert "3 vergaderingen" in stuurgroep
    assert "in orde" in stuurgroep
    assert "niet in orde" not in stuurgroep


def test_een_uittreding_uit_een_latere_opzegging_is_nog_geen_feit(register: Path) -> None:
    tekst = _zichtbaar(client(register).get("/?jaar=2026&op=2026-12-01").text)
    # Cosis gave notice on 31 January 2027: on 1 December 2026 nobody knew of its exit
    assert "Cosis" not in tekst
    assert "31 januari 2028" not in tekst
    # after the notice, its exit is a deadline
    later = _zichtbaar(client(register).get("/?jaar=2027&op=2027-02-01").text)
    assert "Uittreding van Cosis" in later
    assert "31 januari 2028" in later


def test_de_opdrachtregel_oordeelt_ook_op_de_peildatum() -> None:
    code, uit, _ = draai(
        ["jaaroverzicht", str(VOORBEELD), "--jaar", "2027", "--op", "2027-06-01", "--json"]
    )
    data = json.loads(uit)
    stand = {v["omschrijving"]: v for v in data["verplichtingen"]}
    sg = stand["De Stuurgroep vergadert ten minste 3 keer per jaar"]
    assert sg["status"] == "onbekend"
    assert sg["toelichting"].startswith("2 vergaderingen")
    assert not any("6 oktober" in k for k in data["kennisgevingen"])
    assert code in (0, 1)


def test_het_overzicht_zelf_rekent_met_de_peildatum() -> None:
    """The rule, without the pages: a meeting after the peildatum is not counted as held."""
    import datetime as dt

    from convenant.web.werkplek import Werkplek, beoordeel

    w = Werkplek(VOORBEELD)
    gehouden, _ = beoordeel(w)
    o = overzicht(w.convenant, gehouden, 2027, dt.date(2027, 6, 1))
    assert [
        g.vergadering.datum for g in o.vergaderingen if g.vergadering.orgaan == "stuurgroep"
    ] == [
        dt.date(2027, 2, 10),
        dt.date(2027, 5, 12),
    ]
