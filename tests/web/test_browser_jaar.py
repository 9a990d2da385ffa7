"""A secretariat's year in the browser, from an empty folder to the last list sent (issue 22,
"Done when"), without a terminal in between:

1. the empty folder's start page;
2. the register set up (name, house style with logo and signatory, the Stuurgroep's members,
   contact addresses);
3. two Stuurgroep meetings planned;
4. the first agenda with an attached PDF, downloaded back and compared;
5. the first meeting recorded, with a tie: no majority (5.5) means the Stuurgroep cannot
   decide, and the matter goes to the twelve Drentse gemeenten (5.7);
6. its besluitenlijst, a CONCEPT;
7. the sending recorded a week later (the lists to the Partijen, the besluiten to the colleges);
8. the next meeting adopting the list (vastgesteld, with the date and the adopting besluit)
   and taking up the escalated besluit after the gemeenten decided (5.7),
   and its own lists sent.

At the end the year overview shows the sending duties in orde, and `convenant toets` and
`convenant jaaroverzicht`, run on the folder the workplace wrote, say what the pages said.
Every page state passes axe (tests/toegankelijkheid.py) and the visible-text check of
test_zichtbare_tekst.py (no id, YAML key or command outside "technische details").

The screenshots of the handleiding's chapter "Een jaar van het secretariaat" come from this
test: `make schermafbeeldingen` sets CONVENANT_SCHERMAFBEELDINGEN to docs/afbeeldingen/; a
normal run writes them to a temporary folder (so making them is tested too).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from convenant.web.werkplek import Werkplek
from tests.scenario_runners import draai
from tests.toegankelijkheid import Getoetst, controleer
from tests.web.test_browser import browser, pagina  # noqa: F401
from tests.web.test_browser_start import adres_voorbeeld, zonder_js  # noqa: F401
from tests.web.test_zichtbare_tekst import _Zichtbaar, interne_codes
from tests.web_hulp import VOORBEELDEN

LOGO = VOORBEELDEN / "logo-voorbeeld.png"
PDF = b"%PDF-1.4\n% inzet procesregie\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"

# Who sits in the Stuurgroep of the new register: four with a vote (an even number, so a
# vote can tie) and the Manager as its secretaris (4.2, 5.3).
LEDEN = [
    ("Burgemeester van Assen", "Gemeente Assen", "voorzitter"),
    ("Burgemeester van Emmen", "Gemeente Emmen", "lid"),
    ("Sectorhoofd politie Drenthe", "Nationale Politie, Regionale Eenheid Noord-Nederland", "lid"),
    ("Afdelingshoofd Openbaar Ministerie", "Openbaar Ministerie, arrondissement Noord-Nederland", "lid"),
    ("Manager ZVHD", "geen Partij: Manager van het ZVHD", "secretaris"),
]  # fmt: skip
GEMEENTEN_BESLOTEN = "Besluit van de twaalf Drentse gemeenten over de inzet van de procesregisseurs"
STEMMERS = [naam for naam, _, functie in LEDEN if functie != "secretaris"]


class Klok(Werkplek):
    """The workplace on the day the test has reached: the year moves on between the steps."""

    nu = dt.date(2027, 1, 5)

    def vandaag(self) -> dt.date:
        return self.nu


class Jaarpagina(Getoetst):
    """axe after every navigation and click (Getoetst), and the visible-text check too."""

    def goto(self, url: str, **opties: Any) -> Any:
        antwoord = super().goto(url, **opties)
        _geen_codes(self._p)
        return antwoord

    def click(self, selector: str, **opties: Any) -> None:
        super().click(selector, **opties)
        _geen_codes(self._p)


def _geen_codes(p: Any) -> None:
    p.wait_for_load_state()
    if p.evaluate("() => document.contentType") != "text/html":
        return
    html = p.content()
    codes = interne_codes(html)
    lezer = _Zichtbaar()
    lezer.feed(html)
    tekst = " ".join(lezer.tekst)
    waar = [tekst[max(0, i - 200) : i + 100] for c in codes for i in [tekst.find(c)]]
    assert not codes, f"{p.url} toont interne codes: {sorted(codes)}\n" + "\n…\n".join(waar)


def rustig(p: Any) -> None:
    p.locator(".htmx-request, .htmx-swapping, .htmx-settling").first.wait_for(state="detached")
    controleer(p, "na een verversing")
    _geen_codes(p._p if isinstance(p, Getoetst) else p)


@pytest.fixture
def map_(tmp_path: Path) -> Path:
    leeg = tmp_path / "zvhd-register"
    leeg.mkdir()
    return leeg


@pytest.fixture
def werkplek(map_: Path) -> Klok:
    return Klok(map_)


@pytest.fixture
def adres(werkplek: Klok) -> Iterator[str]:
    from convenant.web.achtergrond import op_achtergrond
    from convenant.web.app import maak_app

    with op_achtergrond(maak_app(werkplek)) as basis:
        yield basis


@pytest.fixture
def schermen(tmp_path: Path) -> Path:
    doel = os.environ.get("CONVENANT_SCHERMAFBEELDINGEN")
    map_ = Path(doel) if doel else tmp_path / "afbeeldingen"
    map_.mkdir(parents=True, exist_ok=True)
    return map_


@pytest.fixture
def jaarpagina(pagina: Any) -> Jaarpagina:  # noqa: F811
    """test_browser's page (its Content-Security-Policy check, axe at the end), with the
    visible-text check on every page state too."""
    return Jaarpagina(pagina._p)


def foto(p: Any, map_: Path, naam: str, deel: str | None = None, tot: str | None = None) -> Path:
    """A screenshot for the handleiding: the viewport scrolled to `deel` (a selector), or the
    top of the page; with `tot`, exactly from `deel` (or the page's heading) to the end of
    `tot`, so a form is shown whole. Made small (a palette of colours) when it goes into the
    docs. No field keeps the focus: a focus ring in a picture reads as something to do."""
    p.evaluate("() => document.activeElement && document.activeElement.blur()")
    pad = map_ / f"jaar-{naam}.png"
    if tot is not None:
        boven = p.locator(deel or "main h1").first.evaluate(
            "e => e.getBoundingClientRect().top + window.scrollY"
        )
        onder = p.locator(tot).first.evaluate(
            "e => e.getBoundingClientRect().bottom + window.scrollY"
        )
        breed = p.evaluate("() => document.documentElement.clientWidth")
        begin = max(0, boven - 16)
        p.screenshot(
            path=str(pad),
            full_page=True,
            clip={"x": 0, "y": begin, "width": breed, "height": onder + 16 - begin},
        )
    else:
        if deel is not None:
            p.locator(deel).first.scroll_into_view_if_needed()
            p.locator(deel).first.evaluate("e => e.scrollIntoView({block: 'start'})")
        else:
            p.evaluate("() => window.scrollTo(0, 0)")
        p.screenshot(path=str(pad))
    if os.environ.get("CONVENANT_SCHERMAFBEELDINGEN"):
        from PIL import Image

        with Image.open(pad) as beeld:
            klein = beeld.convert("RGB").quantize(colors=96, method=Image.Quantize.MEDIANCUT)
        klein.save(pad, optimize=True)
    assert pad.stat().st_size > 10_000  # a page, not a blank
    return pad


def stem(p: Any, i: int, naam: str, keuze: str) -> None:
    p.locator(f"#besluit-{i}").get_by_label(f"{naam}: {keuze}", exact=True).check()


def oordeel(p: Any, i: int) -> str:
    rustig(p)
    klasse = p.locator(f"#oordeel-{i}").get_attribute("class") or ""
    gevonden = re.search(r"oordeel-(aangenomen|verworpen|aangehouden|escaleren|ongeldig)", klasse)
    return gevonden.group(1) if gevonden else "geen"


def oordelen_op_de_pagina(p: Any) -> list[str]:
    return [
        re.search(r"oordeel-(\w+)", k or "").group(1)  # type: ignore[union-attr]
        for k in p.locator(".oordeelvak").evaluate_all("els => els.map(e => e.className)")
    ]


def verzend(p: Any, op: str, schermen: Path | None = None) -> None:
    """Record, on the meeting page, each sending the form proposes until nothing is open."""
    from playwright.sync_api import expect

    # (an orgaan named as inside a sentence, as the besluitenlijst's 'Verzonden aan' names it)
    for naam, te_verzenden in (
        ("lijsten", r"Notulen, actiepuntenlijst en besluitenlijst aan alle Partijen en het Partneroverleg"),
        ("besluiten", r"De besluiten aan de twaalf colleges"),
    ):  # fmt: skip
        expect(p.locator("#verzending ~ ul").first).to_contain_text(re.compile(te_verzenden))
        p.fill("#verzonden-op", op)
        p.fill("#verzonden-door", "M. de Boer, Manager ZVHD")
        p.select_option("#verzonden-wijze", label="per e-mail")
        if schermen is not None:
            foto(p, schermen, f"7-verzenden-{naam}", "#verzending")
        p.click('button:has-text("Verzending vastleggen")')
        expect(p.locator(".melding.goed")).to_contain_text("De verzending is vastgelegd")
    expect(p.locator("main")).to_contain_text("Er staat niets meer open om te verzenden")


def test_een_jaar_van_het_secretariaat(
    jaarpagina: Any, adres: str, map_: Path, werkplek: Klok, schermen: Path, tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    p = jaarpagina

    # 1. an empty folder: the start page leads to setting it up
    p.goto(f"{adres}/")
    expect(p.locator(".melding")).to_contain_text("Dit register is nog leeg")
    foto(p, schermen, "1-leeg")

    # 2. the register set up: secretariat, house style, the Stuurgroep, contact addresses
    p.click("text=Register inrichten")
    p.fill("#organisatie", "Zorg- en Veiligheidshuis Drenthe")
    p.fill("#retouradres", "Postbus 100\n9400 AC Assen")
    p.set_input_files("#logo", str(LOGO))
    p.fill("#onder-kennisgeving-toetreding-naam", "mevr. M. de Boer")
    p.fill("#onder-kennisgeving-toetreding-functie", "Manager ZVHD")
    p.fill("#vanaf", "2027-01-01")
    for i, (naam, wie, functie) in enumerate(LEDEN[:4]):
        p.fill(f"#stuurgroep-{i}-naam", naam)
        p.select_option(f"#stuurgroep-{i}-wie", label=wie)
        p.select_option(f"#stuurgroep-{i}-functie", functie)
    p.click("text=Meer leden voor de Stuurgroep")  # a plain submit: the form comes back whole
    naam, wie, functie = LEDEN[4]
    p.fill("#stuurgroep-4-naam", naam)
    p.select_option("#stuurgroep-4-wie", label=wie)
    p.select_option("#stuurgroep-4-functie", functie)
    for partij, email, contact in [
        ("assen", "secretariaat@assen.example", "A. de Vries"),
        ("emmen", "bestuurssecretariaat@emmen.example", "B. Jansen"),
    ]:
        p.fill(f"#contact-{partij}-email", email)
        p.fill(f"#contact-{partij}-naam", contact)
    expect(p.locator("#logo ~ .hint")).to_contain_text("Ontvangen: logo-voorbeeld.png")
    foto(p, schermen, "2-huisstijl", "fieldset:has(legend:text-is('Stap 1: het secretariaat'))")
    # from 'Zitting vanaf' to the Partneroverleg's heading (its rows may stay empty for now)
    foto(
        p,
        schermen,
        "2-inrichten",
        "fieldset:has(legend:text-is('Stap 3: wie zit waar'))",
        tot="#orgaan-partneroverleg",
    )
    p.click("button:has-text('Register aanmaken')")
    expect(p.locator(".melding.goed")).to_contain_text("Het register is aangemaakt")
    assert (map_ / "bezetting.yaml").is_file()
    assert (map_ / "logo.png").read_bytes() == LOGO.read_bytes()

    # 3. two Stuurgroep meetings planned; the planning says what 4.3 still asks
    p.click("text=Planning")
    for datum in ("2027-02-10", "2027-05-12"):
        p.select_option("#orgaan", "stuurgroep")
        p.fill("#datum", datum)
        p.fill("#tijd", "15:30")
        p.fill("#locatie", "ZVHD, Assen")
        p.click('button:has-text("Plannen")')
        expect(p.locator(".melding.goed")).to_contain_text("staat in de planning")
    expect(p.locator("#orgaan-stuurgroep")).to_contain_text("nog 1 te plannen")
    # the cards and the planning form, whole
    foto(p, schermen, "3-planning", "#organen-kop", tot="section[aria-labelledby=plan-kop]")

    # 4. the agenda of 10 February, with a PDF attached to its item and the inbreng asked
    p.click('#orgaan-stuurgroep li:has-text("10 februari 2027") a')
    expect(p.locator("h1")).to_contain_text("Agenda Stuurgroep, 10 februari 2027")
    stuk = tmp_path / "Voorstel inzet procesregie 2027.pdf"
    stuk.write_bytes(PDF)
    p.fill("#onderwerp", "Inzet van de procesregisseurs in 2027")
    p.check("input[name=doel][value=besluitvorming]")
    p.select_option("#soort", label="Strategisch beleidsbesluit")
    p.set_input_files("#stuk", str(stuk))
    p.click('button:has-text("Op de agenda zetten")')
    expect(p.locator("ol.agenda")).to_contain_text("ter besluitvorming")
    with p.expect_download() as d:
        p.click('a:has-text("Voorstel inzet procesregie 2027.pdf")')
    terug = d.value.path()
    assert terug is not None
    assert Path(terug).read_bytes() == PDF
    p.fill("#inbreng_gevraagd_op", "2027-01-13")
    p.click('button:has-text("Vastleggen")')
    expect(p.locator(".melding.goed")).to_contain_text("inbreng")
    # from the heading with the date: the inbreng asked and the item with its document
    foto(p, schermen, "4-agenda", "main h1", tot="#agenda")

    # 5. the meeting of 10 February recorded from its agenda: a tie, two against two
    werkplek.nu = dt.date(2027, 2, 10)
    p.click('a:has-text("Vergadering vastleggen")')
    expect(p.locator("#b0-onderwerp")).to_have_value("Inzet van de procesregisseurs in 2027")
    p.fill("#b0-tekst", "De Stuurgroep verdeelt de procesregisseurs in 2027 volgens het voorstel.")
    for naam in STEMMERS[:2]:
        stem(p, 0, naam, "voor")
    assert oordeel(p, 0) == "aangenomen"
    for naam in STEMMERS[2:]:
        stem(p, 0, naam, "tegen")
    assert oordeel(p, 0) == "escaleren"
    vak = p.locator("#oordeel-0")
    # 5.7: the matter is to be put to the twelve gemeenten; nothing was put to them yet
    expect(vak).to_contain_text("ter beslissing voor te leggen aan de twaalf Drentse gemeenten")
    expect(vak).to_contain_text("De stemmen staken (2 voor en 2 tegen")
    expect(vak).to_contain_text("art. 5.7")
    foto(p, schermen, "5-gelijke-stemmen", "#besluit-0 table.stemmen")
    p.click("button[value=opslaan]")
    expect(p.locator(".melding.goed")).to_contain_text("Opgeslagen")
    februari = p.url.split("?")[0]
    assert oordelen_op_de_pagina(p) == ["escaleren"]
    expect(p.locator("main")).to_contain_text("Besluitenlijst: concept")

    # 6. the concept besluitenlijst
    p.click('a:has-text("Documenten")')
    p.click(
        'nav a:text-is("besluitenlijst"), ol a:text-is("besluitenlijst"), a:text-is("besluitenlijst")'
    )
    voorbeeld = p.frame_locator("iframe.document")
    expect(voorbeeld.locator("body")).to_contain_text("CONCEPT")
    expect(voorbeeld.locator("body")).to_contain_text(
        "de stemmen staakten; ter beslissing voor te leggen aan de twaalf Drentse gemeenten"
    )
    # the document scrolled so that its outcome and its 'Verzonden aan' are in the picture
    document = p.locator("iframe.document").element_handle().content_frame()
    document.evaluate("() => window.scrollTo(0, 230)")
    foto(p, schermen, "6-concept", "main h1")

    # 7. the sending recorded a week later: the form proposes what is still open, first the
    # lists to the Partijen and the Partneroverleg (5.8), then the besluiten to the twelve
    # colleges (5.9); then nothing is open
    werkplek.nu = dt.date(2027, 2, 17)
    p.goto(februari)
    verzend(p, "2027-02-17", schermen)
    foto(p, schermen, "7-verzonden", "#verzending")

    # 8. the next meeting adopts the list: put on its agenda, voted, and it is vastgesteld
    werkplek.nu = dt.date(2027, 4, 14)
    p.goto(f"{adres}/planning/stuurgroep-2027-05-12")
    p.click('button:has-text("Besluitenlijst van 10 februari 2027 ter vaststelling")')
    expect(p.locator("ol.agenda")).to_contain_text(
        "Vaststelling van de besluitenlijst van de Stuurgroep van 10 februari 2027"
    )
    # the gemeenten decided on the escalated matter (5.7): the Stuurgroep takes it up again,
    # which closes the escalation (aanname escalatie_termijn: a later besluit shows it put)
    p.fill("#onderwerp", GEMEENTEN_BESLOTEN)
    p.check("input[name=doel][value=besluitvorming]")
    p.select_option("#soort", label="Strategisch beleidsbesluit")
    p.click('button:has-text("Op de agenda zetten")')
    expect(p.locator("ol.agenda")).to_contain_text(GEMEENTEN_BESLOTEN)
    p.fill("#inbreng_gevraagd_op", "2027-04-14")
    p.click('button:has-text("Vastleggen")')
    foto(p, schermen, "8-agenda", "main h1", tot="#agenda")
    werkplek.nu = dt.date(2027, 5, 12)
    p.click('a:has-text("Vergadering vastleggen")')
    expect(p.locator("#b0-stelt_vast option:checked")).to_have_text(
        "Stuurgroep, 10 februari 2027 (concept)"
    )
    for naam in STEMMERS:
        stem(p, 0, naam, "voor")
    assert oordeel(p, 0) == "aangenomen"
    foto(p, schermen, "8-vaststellen", "#besluit-0")
    expect(p.locator("#b1-onderwerp")).to_have_value(GEMEENTEN_BESLOTEN)
    p.fill("#b1-tekst", "De Stuurgroep voert het besluit van de twaalf Drentse gemeenten uit.")
    p.fill("#b1-vervolg_van", "sg-2027-01")
    for naam in STEMMERS:
        stem(p, 1, naam, "voor")
    assert oordeel(p, 1) == "aangenomen"
    foto(p, schermen, "8-vervolg", "#besluit-1")
    p.click("button[value=opslaan]")
    expect(p.locator(".melding.goed")).to_contain_text("Opgeslagen")
    mei = p.url.split("?")[0]
    assert oordelen_op_de_pagina(p) == ["aangenomen", "aangenomen"]
    p.goto(februari)
    expect(p.locator("main")).to_contain_text(
        "Besluitenlijst: vastgesteld op 12 mei 2027 met besluit sg-2027-02"
    )
    foto(p, schermen, "8-vastgesteld", "#verzending")
    p.click('a:has-text("Documenten")')
    p.click('a:text-is("besluitenlijst")')
    voorbeeld = p.frame_locator("iframe.document")
    expect(voorbeeld.locator("body")).to_contain_text("vastgesteld in de vergadering van 12 mei")
    expect(voorbeeld.locator("body")).not_to_contain_text("CONCEPT")
    # and the lists of 12 May go out a week later
    werkplek.nu = dt.date(2027, 5, 19)
    p.goto(mei)
    verzend(p, "2027-05-19")

    # the year overview: the sending duties in orde
    werkplek.nu = dt.date(2027, 12, 20)
    p.goto(f"{adres}/?jaar=2027")
    verplichtingen = p.locator("section[aria-labelledby=verplichtingen-kop] tbody tr")
    standen = {
        r.locator("td").nth(0).inner_text().split("\n")[0]: (
            r.locator("td").nth(1).text_content() or ""
        ).strip()
        for r in verplichtingen.all()
    }
    verzenden = {k: v for k, v in standen.items() if k.startswith("De Stuurgroep stuurt")}
    assert verzenden, "\n".join(f"{k} | {v}" for k, v in standen.items())
    assert len(verzenden) == 3, verzenden  # 5.8, and 5.9 twice: colleges, Partneroverleg
    assert set(verzenden.values()) == {"in orde"}, verzenden
    # the escalated besluit of the tie was taken up again on 12 May (5.7): nothing left open
    assert standen["Geëscaleerde besluiten komen bij het bevoegde gezag"] == "in orde"
    foto(p, schermen, "9-jaaroverzicht", "#verplichtingen-kop")

    # the command line on the folder the workplace wrote says what the pages said
    for url, verwacht in ((februari, ["escaleren"]), (mei, ["aangenomen", "aangenomen"])):
        bestand = map_ / f"{url.rsplit('/', 1)[1]}.yaml"
        code, uit, fout = draai(["toets", str(bestand), "--json"])
        assert code in (0, 1), fout
        assert [b["oordeel"] for b in json.loads(uit)["besluiten"]] == verwacht
    code, uit, fout = draai(["jaaroverzicht", str(map_), "--jaar", "2027", "--json"])
    assert code in (0, 1), fout
    cli = {v["omschrijving"]: v["status"] for v in json.loads(uit)["verplichtingen"]}
    for omschrijving, stand in verzenden.items():
        assert cli.get(omschrijving) == stand, (omschrijving, cli)


def test_de_vaststelling_zonder_javascript(
    zonder_js: Any,  # noqa: F811
    adres_voorbeeld: tuple[str, Path],  # noqa: F811
) -> None:
    """The adoption of the previous list with JavaScript off: the button on the next meeting's
    page is a link, the form a plain form, the earlier meeting a plain select (axe checks
    each state in a mirror page)."""
    from playwright.sync_api import expect

    adres, register = adres_voorbeeld
    p = zonder_js
    p.goto(f"{adres}/vergaderingen/stuurgroep-2027-10-06")
    p.click('a:has-text("Besluitenlijst van 12 mei 2027 ter vaststelling")')
    blok = p.locator("fieldset.besluitblok").last
    i = blok.get_attribute("id").removeprefix("besluit-")
    expect(p.locator(f"#b{i}-stelt_vast option:checked")).to_have_text(
        "Stuurgroep, 12 mei 2027 (concept)"
    )
    # without a choice, the message stands beside the field and nothing is saved
    p.select_option(f"#b{i}-stelt_vast", "")
    for stem in blok.locator('input[type=radio][value="voor"]').all():
        stem.check()
    p.click("button[value=opslaan]")
    expect(p.locator(f"#melding-b{i}-stelt_vast")).to_contain_text("kies de vergadering")
    p.select_option(f"#b{i}-stelt_vast", label="Stuurgroep, 12 mei 2027 (concept)")
    p.click("button[value=opslaan]")
    if p.locator("button[value=opslaan_zonder_opmerkingen]").count():
        p.click("button[value=opslaan_zonder_opmerkingen]")  # the example file's comments
    expect(p.locator(".melding.goed")).to_contain_text("Opgeslagen")
    p.goto(f"{adres}/vergaderingen/stuurgroep-2027-05-12")
    expect(p.locator("main")).to_contain_text("Besluitenlijst: vastgesteld op 6 oktober 2027")
    besluiten = yaml.safe_load((register / "stuurgroep-2027-10-06.yaml").read_text())["besluiten"]
    assert str(besluiten[int(i)]["stelt_vast"]) == "2027-05-12"
