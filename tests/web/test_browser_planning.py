"""The meeting cycle's new pages in a real browser, with axe on every page state (the `pagina`
fixture of test_browser.py): planning two Stuurgroep meetings, an agenda with an attached PDF,
the agenda document, and the calendar page with its secret address."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.web.test_browser import adres, browser, pagina, register, rustig  # noqa: F401

PDF = b"%PDF-1.4\n% een klein stuk\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def test_twee_vergaderingen_plannen_en_een_agenda_met_een_stuk(
    pagina: Any,  # noqa: F811
    adres: str,  # noqa: F811
    register: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    from playwright.sync_api import expect

    p = pagina
    p.goto(f"{adres}/planning?jaar=2028")
    expect(p.locator("#orgaan-stuurgroep")).to_contain_text("nog 3 te plannen")
    for datum in ("2028-02-09", "2028-05-10"):
        p.select_option("#orgaan", "stuurgroep")
        p.fill("#datum", datum)
        p.fill("#tijd", "15:30")
        p.click('button:has-text("Plannen")')
        expect(p.locator(".melding.goed")).to_contain_text("staat in de planning")
    expect(p.locator("#orgaan-stuurgroep")).to_contain_text("nog 1 te plannen")
    # a mistake is named at its field, and what was typed stays
    p.fill("#datum", "2028-02-09")
    p.fill("#locatie", "Assen")
    p.click('button:has-text("Plannen")')
    expect(p.locator("#datum-fout")).to_contain_text("staat al in de planning")
    expect(p.locator("#locatie")).to_have_value("Assen")

    p.click('a:has-text("gepland, agenda met 0 punten")')
    expect(p.locator("h1")).to_contain_text("Agenda Stuurgroep, 9 februari 2028")
    stuk = tmp_path / "Jaarplan 2028.pdf"
    stuk.write_bytes(PDF)
    p.fill("#onderwerp", "Vaststelling Jaarplan 2028")
    p.check("input[name=doel][value=besluitvorming]")
    p.select_option("#soort", "jaarplan")
    p.set_input_files("#stuk", str(stuk))
    p.click('button:has-text("Op de agenda zetten")')
    expect(p.locator(".melding.goed")).to_contain_text("Het agendapunt staat op de agenda")
    expect(p.locator("ol.agenda")).to_contain_text("ter besluitvorming")
    with p.expect_download() as d:
        p.click('a:has-text("Jaarplan 2028.pdf")')
    pad = d.value.path()
    assert pad is not None
    assert Path(pad).read_bytes() == PDF
    p.fill("#inbreng_gevraagd_op", "2028-01-12")
    p.click('button:has-text("Vastleggen")')
    expect(p.locator(".melding.goed")).to_contain_text("inbreng")

    p.click('a:has-text("Agenda bekijken en downloaden")')
    voorbeeld = p.frame_locator("iframe.document")
    expect(voorbeeld.locator("body")).to_contain_text("Bijlage: Jaarplan 2028.pdf")
    expect(voorbeeld.locator("body")).to_contain_text("op 12 januari 2028 om inbreng gevraagd")

    p.goto(f"{adres}/kalender")
    p.click('button:has-text("Geheim adres maken")')
    expect(p.locator(".melding.goed")).to_contain_text("nieuw geheim adres")
    adres_feed = p.locator("#adres").input_value()
    assert "/agenda/" in adres_feed
    assert adres_feed.endswith(".ics")
