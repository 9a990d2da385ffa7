"""The workplace in a real browser: Playwright driving Debian's Chromium.

Playwright's own browser download is not reachable here, so the distribution's Chromium is
used through `executable_path`. Without it these tests are skipped with a message saying how
to enable them (`make test` installs it when run as root); in CI (CI=true) a missing Chromium
is a failure, so the browser tests cannot silently stop running. Kept few and quick: three
scenarios on one browser.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.scenario_runners import draai
from tests.toegankelijkheid import Getoetst, controleer
from tests.web_hulp import kopieer_register

CHROMIUM = os.environ.get("CONVENANT_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
HOE = (
    "Chromium ontbreekt, dus de browsertests zijn overgeslagen. Zet ze aan met "
    "'sudo apt-get install chromium' (Debian/Ubuntu) en draai 'make test' opnieuw, of wijs "
    "een Chromium aan met CONVENANT_CHROMIUM=PAD."
)
ARGUMENTEN = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).is_file():
        if os.environ.get("CI"):
            pytest.fail(HOE)
        pytest.skip(HOE)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        # Dutch date fields (dd-mm-jjjj) and file buttons, as a secretaris sees them: on Linux
        # Chromium takes its language from LANGUAGE (not --lang), and needs its Dutch language
        # pack (Debian: chromium-l10n) for it, else the fields stay in US notation
        taal: dict[str, str | float | bool] = {
            **os.environ,
            "LANGUAGE": "nl",
            "LANG": "nl_NL.UTF-8",
        }
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGUMENTEN, env=taal)
        yield b
        b.close()


@pytest.fixture
def register(tmp_path: Path) -> Path:
    return kopieer_register(tmp_path / "register")


@pytest.fixture
def adres(register: Path) -> Iterator[str]:
    from convenant.web.achtergrond import op_achtergrond
    from convenant.web.app import maak_app
    from convenant.web.werkplek import Werkplek

    with op_achtergrond(maak_app(Werkplek(register))) as basis:
        yield basis


@pytest.fixture
def pagina(browser: Any) -> Iterator[Any]:
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    p = context.new_page()
    # the pages must work under their Content-Security-Policy (issue 26): a refused script,
    # style or image shows up as a console error
    geweigerd: list[str] = []
    p.on(
        "console",
        lambda m: geweigerd.append(m.text) if "Content Security Policy" in m.text else None,
    )
    yield Getoetst(p)
    if not p.is_closed():
        controleer(p, "aan het eind van de test")
    context.close()
    assert not geweigerd, geweigerd


def rustig(p: Any) -> None:
    """Wait until htmx has no request in flight and nothing is being swapped (a locator, not
    a script string: the pages' policy forbids evaluating strings)."""
    p.locator(".htmx-request, .htmx-swapping, .htmx-settling").first.wait_for(state="detached")
    controleer(p, "na een verversing")


def oordeel(p: Any, i: int) -> str:
    rustig(p)
    klasse = p.locator(f"#oordeel-{i}").get_attribute("class") or ""
    gevonden = re.search(r"oordeel-(aangenomen|verworpen|aangehouden|escaleren|ongeldig)", klasse)
    return gevonden.group(1) if gevonden else "geen"


def stem(p: Any, i: int, eenheid: str, keuze: str) -> None:
    p.check(f'input[name="b{i}-stem-{eenheid}"][value="{keuze}"]')


SG = ["sg_assen", "sg_emmen", "sg_hoogeveen", "sg_coevorden", "sg_politie", "sg_om", "sg_ggd"]


def test_secretaris_legt_stuurgroep_vast_met_drie_besluiten(
    pagina: Any, adres: str, register: Path
) -> None:
    from playwright.sync_api import expect

    p = pagina
    # opened on a date of the 2026 bezetting (as on "today"), then moved to 17 November 2027:
    # the attendance is rebuilt, and no member of the old date is sent along unseen
    p.goto(f"{adres}/vergaderingen/nieuw?orgaan=stuurgroep&datum=2026-11-29")
    expect(p.locator('input[name="aanwezig-sg_meppel"]')).to_have_count(3)
    p.fill("#datum", "2027-11-17")
    rustig(p)
    expect(p.locator("legend", has_text="Aanwezigheid")).to_contain_text("17 november 2027")
    expect(p.locator('input[name="aanwezig-sg_meppel"]')).to_have_count(0)
    p.fill("#inbreng_gevraagd_op", "2027-10-20")
    rustig(p)
    p.fill("#b0-onderwerp", "Bijstelling van de kaders 2028")
    p.select_option("#b0-soort", "kaders_bijstellen")
    rustig(p)
    assert oordeel(p, 0) == "geen"  # no votes yet: the block says what is missing
    expect(p.locator("#oordeel-0")).to_contain_text("de stemmen ontbreken")
    for lid in SG[:4]:
        stem(p, 0, lid, "voor")
    assert oordeel(p, 0) == "aangenomen"  # the verdict follows the votes as they are entered
    for lid in SG[4:]:
        stem(p, 0, lid, "tegen")
    stem(p, 0, "sg_vnn", "tegen")
    assert oordeel(p, 0) == "escaleren"  # 4–4: an impasse goes up (5.7)
    stem(p, 0, "sg_vnn", "voor")
    assert oordeel(p, 0) == "aangenomen"

    for i, (onderwerp, soort) in enumerate(
        [
            ("Uitbreiding van het secretariaat", "personeel"),
            ("Verhoging van de bijdrage", "bijdrage_of_dienstverlening"),
        ],
        start=1,
    ):
        p.click("text=Besluit toevoegen")  # a plain form submit: works without JavaScript too
        p.fill(f"#b{i}-onderwerp", onderwerp)
        p.select_option(f"#b{i}-soort", soort)
        for lid in SG:
            stem(p, i, lid, "voor")
    stem(p, 1, "sg_om", "tegen")
    assert [oordeel(p, i) for i in range(3)] == ["aangenomen", "aangenomen", "escaleren"]

    p.click("button[value=opslaan]")
    expect(p.locator(".melding.goed")).to_contain_text("Opgeslagen")
    op_pagina = [
        re.search(r"oordeel-(\w+)", k or "").group(1)  # type: ignore[union-attr]
        for k in p.locator(".oordeelvak").evaluate_all("els => els.map(e => e.className)")
    ]
    # reopened, the form holds what was entered
    p.goto(f"{adres}/vergaderingen/stuurgroep-2027-11-17/bewerk")
    expect(p.locator("#b2-onderwerp")).to_have_value("Verhoging van de bijdrage")
    assert p.is_checked('input[name="b1-stem-sg_om"][value="tegen"]')
    # and the file on disk is judged identically by convenant toets
    code, uit, fout = draai(["toets", str(register / "stuurgroep-2027-11-17.yaml"), "--json"])
    assert code in (0, 1), fout
    assert (
        [b["oordeel"] for b in json.loads(uit)["besluiten"]]
        == op_pagina
        == [
            "aangenomen",
            "aangenomen",
            "escaleren",
        ]
    )


def test_gelijktijdig_bewerken_de_tweede_opslag_wordt_geweigerd(
    browser: Any, adres: str, register: Path
) -> None:
    from playwright.sync_api import expect

    url = f"{adres}/vergaderingen/stuurgroep-2027-05-12/bewerk"
    context = browser.new_context(locale="nl-NL")
    tab1, tab2 = Getoetst(context.new_page()), Getoetst(context.new_page())
    tab1.goto(url)
    tab2.goto(url)
    tab1.fill("#toelichting", "Aanvulling uit tabblad 1")
    tab1.click("button[value=opslaan]")
    tab1.click("button[value=opslaan_zonder_opmerkingen]")  # the file has comments: confirm
    expect(tab1.locator(".melding.goed")).to_contain_text("Opgeslagen")
    tab2.fill("#toelichting", "Aanvulling uit tabblad 2")
    tab2.click("button[value=opslaan]")
    expect(tab2.locator("#foutmelding")).to_contain_text(
        "iemand anders heeft deze vergadering opgeslagen"
    )
    expect(tab2.locator("#toelichting")).to_have_value("Aanvulling uit tabblad 2")  # nothing lost
    tekst = (register / "stuurgroep-2027-05-12.yaml").read_text(encoding="utf-8")
    assert "Aanvulling uit tabblad 1" in tekst
    assert "Aanvulling uit tabblad 2" not in tekst
    context.close()


def test_overzicht_toont_kapot_bestand(pagina: Any, adres: str, register: Path) -> None:
    from playwright.sync_api import expect

    (register / "stuurgroep-2027-11-17.yaml").write_text(
        "orgaan: stuurgroep\ndatum: 2027-11-17\nbesluiten:\n  - id: sg-2027-20\n    onderwerp: [\n",
        encoding="utf-8",
    )
    pagina.goto(f"{adres}/?jaar=2027")
    kapot = pagina.locator("section[aria-labelledby=kapot-kop]")
    expect(kapot).to_contain_text("stuurgroep-2027-11-17.yaml:")
    kapot.get_by_role("link", name="stuurgroep-2027-11-17.yaml").click()
    expect(pagina.locator("h1")).to_have_text("stuurgroep-2027-11-17.yaml")
    expect(pagina.locator(".melding.fout")).to_contain_text("niet te lezen")
