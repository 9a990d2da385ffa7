"""The procedures in a real browser (Playwright on Debian's Chromium, see test_browser.py).

Three short scenarios: a toetreding from the interview to the signed form with one party that
first objects and then agrees; a what-if liquidation; and downloading each document.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.web.test_browser import adres, browser, pagina, rustig  # noqa: F401
from tests.web_hulp import kopieer_register

VOORBEELDEN = Path(__file__).resolve().parents[2] / "examples"
BEGROTING = VOORBEELDEN / "documenten" / "liquidatiebegroting-voorbeeld.yaml"


@pytest.fixture
def register(tmp_path: Path) -> Path:
    r = kopieer_register(tmp_path / "register")
    (r / "documenten").mkdir()
    shutil.copy2(BEGROTING, r / "documenten" / BEGROTING.name)
    return r


def _veld(html: str, naam: str) -> str:
    gevonden = re.search(rf'name="{naam}" value="([^"]+)"', html)
    assert gevonden, naam
    return gevonden.group(1)


def _wacht_op(p: Any) -> str:
    return str(p.locator(".melding", has_text="Wacht op:").inner_text())


def test_toetreding_van_interview_tot_getekend_formulier(
    pagina: Any,  # noqa: F811
    adres: str,  # noqa: F811
    register: Path,
) -> None:
    from playwright.sync_api import expect

    p = pagina
    p.goto(f"{adres}/toetredingen")
    p.click('a:has-text("Nieuwe toetreding")')
    for veld, waarde in [
        ("#naam", "Stichting Jeugdhulp Zuidoost"),
        ("#statutair_gevestigd", "Emmen"),
        ("#adres", "Hoofdstraat 1, 7811 AA Emmen"),
    ]:
        p.fill(veld, waarde)
        p.click("button[value=verder]")
    expect(p.locator("h1")).to_contain_text("Wie vertegenwoordigt Stichting Jeugdhulp Zuidoost")
    p.fill("#vertegenwoordiger_naam", "mevr. J. Jansen")
    p.fill("#vertegenwoordiger_functie", "bestuurder")
    p.click("button[value=verder]")
    p.click("button[value=verder]")  # the task is required: the page says so and stays
    expect(p.locator("#publieke_taak-fout")).to_contain_text("Vul dit in")
    p.fill("#publieke_taak", "Jeugdhulp in Zuidoost-Drenthe, voor de doelen van art. 2.")
    p.click("button[value=verder]")
    expect(p.locator("#partij_id")).to_have_value("jeugdhulp_zuidoost")  # proposed from the name
    p.click("button[value=verder]")
    p.click("button[value=verder]")  # date of the request: may stay empty
    p.fill("#kennisgeving_op", "2027-01-06")
    p.click("button[value=verder]")
    expect(p.locator("h1")).to_have_text("Klopt dit?")
    p.click('button:has-text("Dossier aanmaken")')
    expect(p.locator(".melding.goed")).to_contain_text("Het dossier is aangemaakt")

    # Meppel objects, every other party agrees, then Meppel agrees after all
    rijen = p.locator("table.checklist tbody tr")
    assert rijen.count() == 31
    ids = [re.sub("^partij-", "", rijen.nth(i).get_attribute("id") or "") for i in range(31)]
    # the replies of 29 parties arrive as posts of the same form (quick); two in the page itself
    html = p.content()
    for ident in ids:
        if ident in ("meppel", "assen"):
            continue
        r = p.request.post(
            f"{adres}/toetredingen/jeugdhulp_zuidoost/antwoord",
            form={
                "csrf": _veld(html, "csrf"),
                "versie": _veld(html, "versie"),
                "partij": ident,
                "antwoord": "akkoord",
                "op": "20-01-2027",
            },
        )
        html = r.text()
        assert "Het antwoord is vastgelegd" in html
    p.reload()
    for ident, keuze in (("assen", "akkoord"), ("meppel", "bezwaar")):
        rij = p.locator(f"#partij-{ident}")
        rij.locator("select[name=antwoord]").select_option(keuze)
        rij.locator("input[name=op]").fill("2027-01-20")
        rij.locator("button").click()
    expect(p.locator("#partij-meppel")).to_contain_text("bezwaar")
    assert "akkoord van Gemeente Meppel" in _wacht_op(p)
    rij = p.locator("#partij-meppel")
    rij.locator("input[name=op]").fill("2027-02-03")
    rij.locator("input[name=door]").fill("griffier Meppel")
    rij.locator("button").click()
    expect(p.locator("#partij-meppel")).to_contain_text("griffier Meppel")
    assert "besluit van de Stuurgroep" in _wacht_op(p)

    p.select_option("#vergadering", "stuurgroep-2027-05-12")
    p.click('button:has-text("Op de agenda zetten")')
    # a meeting already recorded: its form opens with the besluit added, for the votes; the
    # file is not touched until it is saved (a besluit without votes made it unreadable)
    expect(p.locator("input[value='Toetreding van Stichting Jeugdhulp Zuidoost']")).to_have_count(1)
    pad = register / "stuurgroep-2027-05-12.yaml"
    assert "Jeugdhulp" not in pad.read_text(encoding="utf-8")
    dossier = yaml.safe_load(
        (register / "toetredingen" / "jeugdhulp_zuidoost.yaml").read_text(encoding="utf-8")
    )
    # the meeting records the votes (as its form does) and the Stuurgroep adopts it
    data = yaml.safe_load(pad.read_text(encoding="utf-8"))
    data["besluiten"].append(
        {
            "id": dossier["besluit_stuurgroep"]["besluit"],
            "onderwerp": "Toetreding van Stichting Jeugdhulp Zuidoost",
            "soort": "toetreding",
            "stemmen": {"voor": "alle"},
            "voldaan": ["publieke_taak"],
            "toetreding": {"dossier": "jeugdhulp_zuidoost"},
        }
    )
    pad.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    p.goto(f"{adres}/toetredingen/jeugdhulp_zuidoost")
    assert "ondertekening" in _wacht_op(p)
    p.click('a:has-text("Formulier bekijken")')
    voorbeeld = p.frame_locator("iframe.document")
    expect(voorbeeld.locator("body")).to_contain_text("Stichting Jeugdhulp Zuidoost")
    assert "CONCEPT" not in voorbeeld.locator("body").inner_text()
    for formaat, begin in (("Word", b"PK"), ("PDF", b"%PDF")):
        with p.expect_download() as d:
            p.click(f"text=Opslaan als {formaat}")
        pad = d.value.path()
        assert pad is not None
        assert Path(pad).read_bytes().startswith(begin)
    p.click("text=het dossier")
    p.fill("#datum_ondertekening", "2027-06-01")
    p.fill("#plaats_ondertekening", "Assen")
    p.click('button:has-text("Ondertekening vastleggen")')
    expect(p.locator(".melding.goed").first).to_contain_text("is Partij")
    assert "Partij vanaf 1 juni 2027" in _wacht_op(p)
    p.goto(f"{adres}/api/v1/partijen?op=2027-06-01")
    assert "jeugdhulp_zuidoost" in p.content()


def test_wat_als_liquidatie(pagina: Any, adres: str) -> None:  # noqa: F811
    from playwright.sync_api import expect

    p = pagina
    p.goto(f"{adres}/liquidatie")
    expect(p.locator("table.bedragen").first).to_contain_text("Gemeente Meppel")
    p.check("input[name=zonder][value=meppel]")  # htmx recomputes at once
    rustig(p)
    expect(p.locator("table.bedragen").first).to_contain_text("betaalt niet mee")
    assert "zonder=meppel" in p.url  # the what-if is a link
    p.check("input[name=alle]")
    rustig(p)
    expect(p.locator("#alle-kop")).to_be_visible()


def test_elk_document_downloaden(pagina: Any, adres: str, register: Path) -> None:  # noqa: F811
    from playwright.sync_api import expect

    p = pagina
    downloads: dict[str, bytes] = {}

    def download(tekst: str) -> None:
        with p.expect_download() as d:
            p.click(f"text={tekst}")
        pad = d.value.path()
        assert pad is not None
        downloads[d.value.suggested_filename] = Path(pad).read_bytes()

    p.goto(f"{adres}/liquidatie?zonder=emmen")
    download("Opslaan voor Excel")
    p.locator("section", has_text="Opslaan voor Excel").locator("summary").click()
    download("De uitkomst als gegevensbestand (JSON)")
    p.goto(f"{adres}/uittreding?partij=cosis&opzegging=31-01-2027")
    p.locator("summary", has_text="Technische details").click()
    download("De uitkomst als gegevensbestand (JSON)")
    # the letter needs its place: asked next to the field on the form, not a dead end
    p.click("button:has-text('Opzeggingsbrief')")
    expect(p.locator("#brief_plaats-fout")).to_contain_text("de plaats")
    p.fill("#brief_plaats", "Groningen")
    p.click("button:has-text('Opzeggingsbrief')")
    expect(p.locator("h1")).to_have_text("Documenten bij een uittreding")
    expect(p.locator("iframe")).to_have_count(1)
    p.goto(f"{adres}/liquidatie?zonder=emmen")
    p.click("text=Liquidatieoverzicht (Word, PDF, HTML)")
    download("Opslaan als Word")
    download("Opslaan als PDF")
    p.goto(f"{adres}/uittreding?partij=cosis&opzegging=31-01-2027&brief_plaats=Groningen")
    p.click("text=Uittredingsoverzicht (Word, PDF, HTML)")
    download("Opslaan als PDF")
    p.click("text=opzegging")
    download("Opslaan als Word")
    p.goto(f"{adres}/vergaderingen/stuurgroep-2027-02-10/documenten?soort=besluitenlijst")
    download("Opslaan als Word")
    download("Opslaan als HTML")
    assert set(downloads) == {
        "liquidatie-liquidatiebegroting-voorbeeld.csv",
        "liquidatie-liquidatiebegroting-voorbeeld.json",
        "uittreding-cosis.json",
        "liquidatieoverzicht-liquidatiebegroting-voorbeeld.docx",
        "liquidatieoverzicht-liquidatiebegroting-voorbeeld.pdf",
        "uittredingsoverzicht-cosis.pdf",
        "opzegging-cosis.docx",
        "besluitenlijst-stuurgroep-2027-02-10.docx",
        "besluitenlijst-stuurgroep-2027-02-10.html",
    }
    for naam, inhoud in downloads.items():
        if naam.endswith(".docx"):
            assert inhoud.startswith(b"PK"), naam
        if naam.endswith(".pdf"):
            assert inhoud.startswith(b"%PDF"), naam
    assert downloads["liquidatie-liquidatiebegroting-voorbeeld.csv"].startswith(b"soort;partij")
    assert b'"ingang": "2028-01-31"' in downloads["uittreding-cosis.json"]
