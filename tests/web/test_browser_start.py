"""Start from nothing, and every main form without JavaScript, in a real browser (issue 22).

The first test sets up an empty register as a new secretaris would: an empty folder, the start
page, the four steps of the form (one mistake on the way, shown next to its field), and the
register made. The second does the main work of the workplace with JavaScript switched off:
the forms are plain HTML forms, so each still saves or answers. axe checks every page state
of both (tests/toegankelijkheid.py; without JavaScript in a mirror page).
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from convenant.register import Register
from tests.scenario_runners import draai
from tests.toegankelijkheid import Getoetst
from tests.web.test_browser import browser, pagina  # noqa: F401
from tests.web_hulp import VOORBEELDEN, kopieer_register

LOGO = VOORBEELDEN / "logo-voorbeeld.png"
BEGROTING = VOORBEELDEN / "documenten" / "liquidatiebegroting-voorbeeld.yaml"


@pytest.fixture
def leeg(tmp_path: Path) -> Path:
    return tmp_path / "nieuw-register"


@pytest.fixture
def adres_leeg(leeg: Path) -> Iterator[str]:
    from convenant.web.achtergrond import op_achtergrond
    from convenant.web.app import maak_app
    from convenant.web.werkplek import Werkplek

    leeg.mkdir()
    with op_achtergrond(maak_app(Werkplek(leeg))) as basis:
        yield basis


def test_een_nieuw_register_inrichten(
    pagina: Any,  # noqa: F811
    adres_leeg: str,
    leeg: Path,
) -> None:
    from playwright.sync_api import expect

    p = pagina
    p.goto(f"{adres_leeg}/")
    expect(p.locator(".melding")).to_contain_text("Dit register is nog leeg")
    p.click("text=Register inrichten")
    expect(p.locator("h1")).to_have_text("Register inrichten")
    # step 1 and 2: the secretariat and its house style
    p.fill("#organisatie", "Zorg- en Veiligheidshuis Drenthe")
    p.fill("#retouradres", "Postbus 100\n9400 AC Assen")
    p.set_input_files("#logo", str(LOGO))
    p.fill("#onder-kennisgeving-toetreding-naam", "mevr. M. de Boer")
    p.fill("#onder-kennisgeving-toetreding-functie", "Manager ZVHD")
    # step 3: who sits where, chosen by name
    for i, (naam, wie, functie) in enumerate(
        [
            ("Burgemeester van Assen", "Gemeente Assen", "voorzitter"),
            ("Burgemeester van Emmen", "Gemeente Emmen", "lid"),
            (
                "Sectorhoofd politie Drenthe",
                "Nationale Politie, Regionale Eenheid Noord-Nederland",
                "lid",
            ),
            ("Manager ZVHD", "geen Partij: Manager van het ZVHD", "secretaris"),
        ]
    ):
        p.fill(f"#stuurgroep-{i}-naam", naam)
        p.select_option(f"#stuurgroep-{i}-wie", label=wie)
        p.select_option(f"#stuurgroep-{i}-functie", functie)
    p.click("text=Meer leden voor de Stuurgroep")  # a plain submit: the form comes back whole
    expect(p.locator("#stuurgroep-0-naam")).to_have_value("Burgemeester van Assen")
    expect(p.locator("#logo ~ .hint")).to_contain_text("Ontvangen: logo-voorbeeld.png")
    p.fill("#stuurgroep-4-naam", "Afdelingshoofd Openbaar Ministerie")
    p.select_option(
        "#stuurgroep-4-wie", label="Openbaar Ministerie, arrondissement Noord-Nederland"
    )
    p.fill("#partneroverleg-0-naam", "Gemeentelijk afgevaardigde")
    p.select_option("#partneroverleg-0-wie", label="Gemeente Assen")
    p.locator("#partneroverleg-0-namens summary").click()
    for gemeente in ("Gemeente Emmen", "Gemeente Meppel"):
        p.locator("#partneroverleg-0-namens").get_by_label(gemeente, exact=True).check()
    # step 4: a contact address, first mistyped
    p.fill("#contact-assen-email", "secretariaat assen.nl")
    p.fill("#contact-assen-naam", "A. de Vries")
    p.click("button:has-text('Register aanmaken')")
    expect(p.locator("#contact-assen-email-fout")).to_contain_text("geen e-mailadres")
    assert list(leeg.iterdir()) == []  # nothing written while anything is wrong
    p.fill("#contact-assen-email", "secretariaat@assen.example")
    p.click("button:has-text('Register aanmaken')")
    expect(p.locator(".melding.goed")).to_contain_text("Het register is aangemaakt")

    dienst = Register(leeg)
    bezetting, fouten = dienst.bezetting_met_fouten()
    assert fouten == []
    assert bezetting is not None
    organen = bezetting.perioden[0].organen
    assert [lid.naam for lid in organen["stuurgroep"].leden][-1] == (
        "Afdelingshoofd Openbaar Ministerie"
    )
    assert organen["partneroverleg"].leden[0].vertegenwoordigt == ["assen", "emmen", "meppel"]
    assert (leeg / "logo.png").read_bytes() == LOGO.read_bytes()
    contacten = yaml.safe_load((leeg / "contacten.yaml").read_text(encoding="utf-8"))
    assert contacten["partijen"]["assen"][0]["email"] == "secretariaat@assen.example"
    # the first meeting: its form lists the members by name
    p.goto(f"{adres_leeg}/vergaderingen/nieuw?orgaan=stuurgroep")
    expect(p.locator("legend", has_text="Aanwezigheid").locator("..")).to_contain_text(
        "Burgemeester van Emmen"
    )


@pytest.fixture
def zonder_js(browser: Any) -> Iterator[Any]:  # noqa: F811
    context = browser.new_context(locale="nl-NL", java_script_enabled=False)
    context.set_default_timeout(10_000)
    spiegel = browser.new_context(locale="nl-NL").new_page()
    yield Getoetst(context.new_page(), spiegel)
    context.close()
    spiegel.context.close()


@pytest.fixture
def adres_voorbeeld(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    from convenant.web.achtergrond import op_achtergrond
    from convenant.web.app import maak_app
    from convenant.web.werkplek import Werkplek

    register = kopieer_register(tmp_path / "register")
    (register / "documenten").mkdir()
    shutil.copy2(BEGROTING, register / "documenten" / BEGROTING.name)
    with op_achtergrond(maak_app(Werkplek(register))) as basis:
        yield basis, register


SG = ["sg_assen", "sg_emmen", "sg_hoogeveen", "sg_coevorden", "sg_politie", "sg_om", "sg_ggd"]


def test_zonder_javascript_werkt_elk_hoofdformulier(
    zonder_js: Any, adres_voorbeeld: tuple[str, Path]
) -> None:
    from playwright.sync_api import expect

    adres, register = adres_voorbeeld
    p = zonder_js
    # a meeting: entered, judged with the button, saved
    p.goto(f"{adres}/vergaderingen/nieuw?orgaan=stuurgroep&datum=2027-11-17")
    p.fill("#inbreng_gevraagd_op", "2027-10-20")
    p.fill("#b0-onderwerp", "Bijstelling van de kaders 2028")
    p.select_option("#b0-soort", "kaders_bijstellen")
    for lid in [*SG, "sg_reclassering_nl", "sg_rvdk", "sg_vnn"]:
        p.check(f'input[name="b0-stem-{lid}"][value="voor"]')
    p.click("button:has-text('Oordelen bijwerken')")
    expect(p.locator("#oordeel-0")).to_have_class(re.compile("oordeel-aangenomen"))
    p.click("button:has-text('Besluit toevoegen')")
    p.fill("#b1-onderwerp", "Uitbreiding van het secretariaat")
    p.select_option("#b1-soort", "personeel")
    for lid in SG:
        p.check(f'input[name="b1-stem-{lid}"][value="voor"]')
    p.click("button[value=opslaan]")
    expect(p.locator(".melding.goed")).to_contain_text("Opgeslagen")
    code, uit, fout = draai(["toets", str(register / "stuurgroep-2027-11-17.yaml"), "--json"])
    assert code in (0, 1), fout
    assert [b["onderwerp"] for b in json.loads(uit)["besluiten"]] == [
        "Bijstelling van de kaders 2028",
        "Uitbreiding van het secretariaat",
    ]
    # the archive search
    p.goto(f"{adres}/besluiten")
    p.fill("#woorden", "kaders 2028")
    p.click("button:has-text('Zoeken')")
    expect(p.locator("#resultaten-kop")).to_have_text("1 besluit gevonden")
    # an exit simulated, and its letter asked with its place
    p.goto(f"{adres}/uittreding")
    p.select_option("#partij", label="Cosis")
    p.fill("#opzegging", "2027-01-31")
    p.click("button:has-text('Simuleer')")
    expect(p.locator("#uitkomst-kop")).to_contain_text("Cosis")
    p.click("button:has-text('Opzeggingsbrief')")
    expect(p.locator("#brief_plaats-fout")).to_contain_text("de plaats")
    # a liquidation what-if
    p.goto(f"{adres}/liquidatie")
    p.check("input[name=zonder][value=meppel]")
    p.click("button:has-text('Bereken')")
    expect(p.locator("table.bedragen").first).to_contain_text("betaalt niet mee")
    # a new toetreding dossier, step by step
    p.goto(f"{adres}/toetredingen/nieuw")
    p.fill("#naam", "Stichting Voorbeeld Zuid")
    p.click("button[value=verder]")
    expect(p.locator("#statutair_gevestigd")).to_be_visible()
