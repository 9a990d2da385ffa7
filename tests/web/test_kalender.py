"""The calendar feed: planned meetings, the escalation and 5.9 deadlines, and its secret
address beyond localhost. Every feed is parsed with `icalendar`, as a calendar program reads it.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import icalendar
import pytest
import yaml
from fastapi.testclient import TestClient

from convenant.web.app import maak_app
from convenant.web.werkplek import Werkplek
from tests.web_hulp import csrf, kopieer_register


def werkplek_op(register: Path, datum: dt.date) -> Werkplek:
    class Op(Werkplek):
        def vandaag(self) -> dt.date:
            return datum

    return Op(register)


@pytest.fixture
def register(tmp_path: Path) -> Path:
    return kopieer_register(tmp_path / "register")


def _plan(register: Path, *vergaderingen: dict[str, object]) -> None:
    (register / "planning.yaml").write_text(
        yaml.safe_dump({"vergaderingen": list(vergaderingen)}, allow_unicode=True),
        encoding="utf-8",
    )


def _feed(c: TestClient, url: str = "/agenda.ics") -> list[icalendar.cal.Component]:
    r = c.get(url)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/calendar")
    return list(icalendar.Calendar.from_ical(r.text).walk("VEVENT"))


def _zonder_codes(events: list[icalendar.cal.Component]) -> None:
    tekst = " ".join(str(e.get(k, "")) for e in events for k in ("SUMMARY", "DESCRIPTION"))
    assert not re.search(r"\b[a-z]+_[a-z_]+\b", tekst), re.findall(r"\b[a-z]+_[a-z_]+\b", tekst)
    assert ".yaml" not in tekst


def test_een_geplande_vergadering_staat_in_de_agenda(register: Path) -> None:
    _plan(
        register,
        {
            "orgaan": "stuurgroep",
            "datum": dt.date(2027, 12, 15),
            "tijd": "15:30",
            "locatie": "ZVHD, Assen",
            "agendapunten": [
                {
                    "onderwerp": "Vaststelling Jaarplan 2028",
                    "doel": "besluitvorming",
                    "soort": "jaarplan",
                }
            ],
        },
        # planned, and since recorded: one event, not two
        {"orgaan": "stuurgroep", "datum": dt.date(2027, 10, 6)},
    )
    c = TestClient(maak_app(werkplek_op(register, dt.date(2027, 11, 1))))
    events = _feed(c)
    gepland = [e for e in events if e.decoded("DTSTART") == dt.datetime(2027, 12, 15, 15, 30)]
    assert len(gepland) == 1
    assert str(gepland[0]["SUMMARY"]) == "Vergadering Stuurgroep"
    assert "Vaststelling Jaarplan 2028" in str(gepland[0]["DESCRIPTION"])
    assert str(gepland[0]["LOCATION"]) == "ZVHD, Assen"
    assert len(list(gepland[0].walk("VALARM"))) == 1
    oktober = [
        e
        for e in events
        if str(e["SUMMARY"]) == "Vergadering Stuurgroep"
        and e.decoded("DTSTART") in (dt.date(2027, 10, 6), dt.datetime(2027, 10, 6, 15, 30))
    ]
    assert len(oktober) == 1
    _zonder_codes(events)
    # the overview names it as planned, and counts it as no meeting held
    overzicht = c.get("/?jaar=2027").text
    assert 'href="/planning/stuurgroep-2027-12-15"' in overzicht


def test_de_termijn_van_5_9_volgt_de_geplande_volgende_vergadering(register: Path) -> None:
    """The besluiten of 6 October reach the colleges before the next Stuurgroep (5.9, aanname
    informeren_gemeenten_termijn); with no next meeting recorded, the planned one dates it."""
    c = TestClient(maak_app(werkplek_op(register, dt.date(2027, 11, 1))))

    def termijn_59() -> list[icalendar.cal.Component]:
        return [
            e
            for e in _feed(c)
            if "6 oktober 2027" in str(e["SUMMARY"]) and "colleges" in str(e["SUMMARY"])
        ]

    assert termijn_59() == []  # no next meeting known: no date to give
    _plan(register, {"orgaan": "stuurgroep", "datum": dt.date(2027, 12, 15)})
    [e] = termijn_59()
    assert e.decoded("DTSTART") == dt.date(2027, 12, 14)
    assert "5.9" in str(e["DESCRIPTION"])
    assert len(list(e.walk("VALARM"))) == 1


def test_een_geescaleerd_besluit_heeft_een_termijn_in_de_agenda(register: Path) -> None:
    """sg-2027-04 and sg-2027-07 went to the twelve colleges on 10 February (5.7); the convenant
    sets no term, so the aanname escalatie_termijn: before the Stuurgroep meets again."""
    c = TestClient(maak_app(werkplek_op(register, dt.date(2027, 3, 1))))
    events = _feed(c)
    escalaties = [e for e in events if "voorleggen aan de twaalf colleges" in str(e["SUMMARY"])]
    assert {re.search(r"sg-2027-\d+", str(e["SUMMARY"])).group(0) for e in escalaties} >= {  # type: ignore[union-attr]
        "sg-2027-04",
        "sg-2027-07",
    }
    for e in escalaties:
        assert e.decoded("DTSTART") == dt.date(2027, 5, 11)  # the day before 12 May
        assert "art. 5.7" in str(e["DESCRIPTION"])
        assert "aanname" in str(e["DESCRIPTION"])
    _zonder_codes(events)
    # the overview lists it too, and once a later besluit takes it up it is gone
    assert "voorleggen aan de twaalf colleges" in c.get("/?jaar=2027&op=2027-03-01").text


def test_het_geheime_adres_werkt_buiten_deze_computer_en_opent_verder_niets(
    register: Path,
) -> None:
    w = werkplek_op(register, dt.date(2027, 3, 1))
    thuis = TestClient(maak_app(w), follow_redirects=False)
    pagina = thuis.get("/kalender").text
    assert "nog geen geheim adres" in pagina
    r = thuis.post("/kalender/nieuw", data={"csrf": csrf(pagina)})
    assert r.status_code == 303
    sleutel = yaml.safe_load((register / "kalender.yaml").read_text(encoding="utf-8"))["sleutel"]
    assert len(sleutel) >= 24
    assert f"/agenda/{sleutel}.ics" in thuis.get("/kalender").text

    # served beyond localhost: a token for everything, except the feed on its secret address
    buiten = TestClient(
        maak_app(w, token="het-toegangstoken", hosts=None),
        base_url="https://werkplek.zvhd.example",
        follow_redirects=False,
    )
    assert buiten.get("/").status_code == 401
    assert buiten.get("/agenda.ics").status_code == 401
    assert buiten.get("/kalender").status_code == 401
    events = _feed(buiten, f"/agenda/{sleutel}.ics")
    assert any(str(e["SUMMARY"]) == "Vergadering Stuurgroep" for e in events)
    # a wrong key, or another page behind the secret prefix, is nothing
    verkeerd = sleutel[:-1] + ("A" if sleutel[-1] != "A" else "B")
    assert buiten.get(f"/agenda/{verkeerd}.ics").status_code == 404
    assert buiten.get(f"/agenda/{sleutel}.ics/../").status_code in (401, 404)
    assert buiten.post(f"/agenda/{sleutel}.ics").status_code in (401, 405)
    assert buiten.get(f"/agenda/{sleutel}.ics?pad=/vergaderingen").text.startswith(
        "BEGIN:VCALENDAR"
    )

    # a new address ends the old
    r = thuis.post("/kalender/nieuw", data={"csrf": csrf(thuis.get("/kalender").text)})
    assert r.status_code == 303
    assert buiten.get(f"/agenda/{sleutel}.ics").status_code == 404
    nieuw = yaml.safe_load((register / "kalender.yaml").read_text(encoding="utf-8"))["sleutel"]
    assert nieuw != sleutel
    assert buiten.get(f"/agenda/{nieuw}.ics").status_code == 200


def test_zonder_geheim_adres_is_er_geen_agenda_buiten(register: Path) -> None:
    buiten = TestClient(
        maak_app(Werkplek(register), token="het-toegangstoken", hosts=None),
        base_url="https://werkplek.zvhd.example",
    )
    assert buiten.get("/agenda/" + "a" * 32 + ".ics").status_code == 404


def test_een_escalatie_zonder_volgende_vergadering_krijgt_de_uiterste_datum(
    register: Path,
) -> None:
    """With no later Stuurgroep meeting recorded, written or planned, the escalation of 10
    February has no day under the aanname (before the next meeting). The calendar and the
    meeting page say so, on the latest day the convenant leaves for that meeting: the
    Stuurgroep meets at least three times a year (4.3), and has met once in 2027."""
    for naam in ("stuurgroep-2027-05-12.yaml", "stuurgroep-2027-10-06.yaml"):
        (register / naam).unlink()
    pad = register / "stuurgroep-2027-02-10.yaml"
    tekst = pad.read_text(encoding="utf-8")
    pad.write_text(re.sub(r"(?m)^volgende_vergadering:.*\n", "", tekst), encoding="utf-8")
    c = TestClient(maak_app(werkplek_op(register, dt.date(2027, 3, 1))), follow_redirects=False)
    events = _feed(c)
    escalaties = [e for e in events if "voorleggen aan de twaalf colleges" in str(e["SUMMARY"])]
    assert len(escalaties) >= 2
    for e in escalaties:
        assert e.decoded("DTSTART") == dt.date(2027, 12, 30)
        assert "nog niet gepland" in str(e["SUMMARY"])
        assert "art. 5.7, 4.3" in str(e["DESCRIPTION"])
        assert "aanname" in str(e["DESCRIPTION"])
    _zonder_codes(events)
    pagina = c.get("/vergaderingen/stuurgroep-2027-02-10").text
    assert re.search(r"nog niet gepland[^<]*<a href=\"/planning", pagina)
    assert "30 december 2027" in pagina
    # once the next meeting is planned, the deadline is its eve again
    r = c.get("/planning")
    geheim = csrf(r.text)
    versie = re.search(r'name="versie" value="([^"]*)"', r.text)
    assert versie
    r = c.post(
        "/planning",
        data={
            "csrf": geheim,
            "versie": versie.group(1),
            "orgaan": "stuurgroep",
            "datum": "2027-06-02",
        },
    )
    assert r.status_code == 303, r.text
    escalaties = [e for e in _feed(c) if "voorleggen aan de twaalf colleges" in str(e["SUMMARY"])]
    assert {e.decoded("DTSTART") for e in escalaties} == {dt.date(2027, 6, 1)}
    assert not any("nog niet gepland" in str(e["SUMMARY"]) for e in escalaties)
