"""Everyone at the table (issue 23), in a real browser: a toetreding played by four people.

The secretaris sends the kennisgeving to every Partij (the test's SMTP server receives one mail
per Partij with a contact address); three contactpersonen log in and answer, two agree and one
objects; the secretaris sees the answers and the toets verdict follows them (ongeldig under
22.4 while one objects); a contactpersoon gets 403 on another Partij's answers and on editing a
meeting; the trail lists every step with who. Played twice, with a restart of the workplace in
between: no answer lost, no mail sent twice.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from convenant import toegang
from tests.smtp_hulp import Postbus, smtp_server
from tests.toegankelijkheid import Getoetst
from tests.web.test_browser import browser  # noqa: F401  # one Chromium, as the other browser tests
from tests.web.test_post import dossier_zonder_kennisgeving, mail_instellen
from tests.web_hulp import kopieer_register

WW = "een-lang-wachtwoord"
PERSONEN = {
    "sec": ("secretaris", None, "Sanne de Vries"),
    "assen": ("contactpersoon", "assen", "Anna Assen"),
    "emmen": ("contactpersoon", "emmen", "Erik Emmen"),
    "politie": ("contactpersoon", "politie", "Paula Politie"),
}
ANTWOORDEN = {"assen": "akkoord", "emmen": "akkoord", "politie": "bezwaar"}
# the Stuurgroep's besluit on the toetreding, taken from the dossier's answers (22.4)
BESLUIT = """
  - id: sg-2027-15
    onderwerp: Toetreding van Stichting Voorbeeldzorg Drenthe
    soort: toetreding
    toetreding: {dossier: voorbeeldzorg}
    stemmen: {voor: alle}
"""


@pytest.fixture
def register(tmp_path: Path) -> Path:
    r = kopieer_register(tmp_path / "register")
    dossier_zonder_kennisgeving(r)
    with (r / "stuurgroep-2027-10-06.yaml").open("a", encoding="utf-8") as f:
        f.write(BESLUIT.lstrip("\n"))
    for naam, (rol, partij, weergave) in PERSONEN.items():
        toegang.maak_account(r, naam, rol, WW, weergave, partij)
    return r


@pytest.fixture
def postbus(register: Path) -> Iterator[Postbus]:
    with smtp_server() as p:
        mail_instellen(register, p)
        yield p


def _serveer(register: Path) -> Any:
    from convenant.web.achtergrond import op_achtergrond
    from convenant.web.app import maak_app
    from convenant.web.werkplek import Werkplek

    return op_achtergrond(maak_app(Werkplek(register)))


def _inloggen(chromium: Any, adres: str, naam: str) -> Any:
    context = chromium.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(20_000)
    p = Getoetst(context.new_page())  # axe on every page state (issue 22)
    p.goto(f"{adres}/")
    assert "/inloggen" in p.url  # accounts exist: even on 127.0.0.1 the workplace asks
    p.fill("#naam", naam)
    p.fill("#wachtwoord", WW)
    p.click("button:has-text('Inloggen')")
    return p


def _speel(chromium: Any, adres: str, register: Path, postbus: Postbus) -> None:
    from playwright.sync_api import expect

    # 1. the secretaris sends the kennisgeving to every Partij
    sec = _inloggen(chromium, adres, "sec")
    sec.goto(f"{adres}/toetredingen/voorbeeldzorg")
    sec.click("button:has-text('Kennisgeving verzenden')")
    expect(sec.locator("#verzendbericht")).to_contain_text("verzendlijst")
    assert sorted(str(m["To"]) for m in postbus.berichten) == sorted(
        f"{p}@example.org" for p in ("assen", "emmen", "politie")
    )

    # 2. three contactpersonen log in and answer from their Partij's page
    for naam, antwoord in ANTWOORDEN.items():
        p = _inloggen(chromium, adres, naam)
        assert p.url.endswith(f"/partijen/{naam}")  # their own page is where they start
        kaart = p.locator("#toetreding-voorbeeldzorg")
        expect(kaart).to_contain_text("Toetreding van Stichting Voorbeeldzorg Drenthe")
        kaart.get_by_label(antwoord, exact=True).check()
        kaart.locator("button:has-text('Antwoord vastleggen')").click()
        expect(p.locator(".melding.goed")).to_contain_text("Uw antwoord is vastgelegd")
        expect(p.locator("#toetreding-voorbeeldzorg")).to_contain_text(f"Uw antwoord: {antwoord}")
        # 4. never another Partij's answers, never a meeting's edit form
        for verboden in (
            "/partijen/emmen" if naam != "emmen" else "/partijen/assen",
            "/toetredingen/voorbeeldzorg",
            "/vergaderingen/stuurgroep-2027-10-06/bewerk",
        ):
            r = p.request.get(f"{adres}{verboden}")
            assert r.status == 403, (naam, verboden, r.status)
        p.context.close()

    # 3. the secretaris sees the answers, and the verdict of the besluit follows them
    sec.goto(f"{adres}/toetredingen/voorbeeldzorg")
    for partij, antwoord in ANTWOORDEN.items():
        expect(sec.locator(f"#partij-{partij}")).to_contain_text(antwoord)
    expect(sec.locator("#partij-politie")).to_contain_text("Paula Politie")
    sec.goto(f"{adres}/vergaderingen/stuurgroep-2027-10-06/besluiten/sg-2027-15")
    expect(sec.locator("body")).to_contain_text("Ongeldig")
    expect(sec.locator("body")).to_contain_text("22.4")

    # 5. the trail: every step with who and when
    sec.goto(f"{adres}/spoor")
    spoor = sec.locator("#spoor")
    expect(spoor).to_contain_text("Sanne de Vries")
    for naam, (_, _, weergave) in PERSONEN.items():
        if naam != "sec":
            expect(spoor).to_contain_text(weergave)
    tekst = spoor.inner_text()
    assert len(re.findall(r"verzonden aan", tekst)) == 3
    assert re.search(r"Paula Politie\t[^\n]*: bezwaar op de toetreding", tekst)
    assert re.search(r"Anna Assen\t[^\n]*: akkoord op de toetreding", tekst)
    assert re.search(r"\d\d-\d\d-\d{4} \d\d:\d\d:\d\d", tekst)  # when
    sec.context.close()


def test_toetreding_met_vier_mensen_twee_keer_met_herstart(
    browser: Any,  # noqa: F811
    register: Path,
    postbus: Postbus,
) -> None:
    with _serveer(register) as adres:
        _speel(browser, adres, register, postbus)
    # a restart: a new process on the same register
    with _serveer(register) as adres:
        _speel(browser, adres, register, postbus)
    assert len(postbus.berichten) == 3  # nothing sent twice
    dossier = (register / "toetredingen" / "voorbeeldzorg.yaml").read_text(encoding="utf-8")
    for partij in ANTWOORDEN:
        assert f"partij: {partij}" in dossier  # no answer lost
