"""The meeting form keeps what was typed: each case here lost input or said too little
before (issue 22, "Forms lose input")."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.web_hulp import client, formuliervelden, kopieer_register, verstuur, zet


@pytest.fixture
def register(tmp_path: Path) -> Path:
    return kopieer_register(tmp_path / "register")


@pytest.fixture
def c(register: Path) -> TestClient:
    return client(register)


def _bewerk(c: TestClient, naam: str) -> list[tuple[str, str]]:
    return formuliervelden(c.get(f"/vergaderingen/{naam}/bewerk").text)


def _index(velden: list[tuple[str, str]], besluit: str) -> int:
    return next(int(n[1:].split("-")[0]) for n, w in velden if n.endswith("-id") and w == besluit)


def test_een_live_oordeel_tekent_een_aangevinkt_onderdeel_niet_opnieuw(c: TestClient) -> None:
    naam = "stuurgroep-2027-02-10"
    velden = _bewerk(c, naam)
    i = _index(velden, "sg-2027-01")  # the Jaarplan, with its parts 4.5 a-d
    assert (f"b{i}-vereisten_voor", "jaarplan") in velden
    # the user ticks or unticks a part; the answer must not redraw the boxes
    velden = [(n, w) for n, w in velden if n != f"b{i}-inhoud"]
    antwoord = verstuur(c, "/vergaderingen/toets", velden).text
    assert f'id="vereisten-{i}"' not in antwoord
    # a changed soort does redraw them, for the new soort
    velden = zet(velden, f"b{i}-soort", "beleid")
    antwoord = verstuur(c, "/vergaderingen/toets", velden).text
    assert f'id="vereisten-{i}"' in antwoord


def test_actiepunten_krijgen_hun_nummer_vanzelf(c: TestClient, register: Path) -> None:
    naam = "stuurgroep-2027-10-06"
    velden = _bewerk(c, naam)
    velden = zet(velden, "actiepunten", "2")
    velden += [("a0-omschrijving", "Jaarverslag voorbereiden"), ("a0-wie", "manager")]
    velden += [("a1-id", ""), ("a1-omschrijving", ""), ("a1-wie", "")]  # an empty row
    live = verstuur(c, "/vergaderingen/toets", velden).text
    assert "verplichte veld" not in live
    assert "oordeel-0" in live
    velden = zet(velden, "actie", "opslaan_zonder_opmerkingen")  # the example's own comment
    r = verstuur(c, f"/vergaderingen/{naam}/bewerk", velden)
    assert r.status_code == 303, r.text
    tekst = (register / f"{naam}.yaml").read_text(encoding="utf-8")
    assert "id: a-2027-01" in tekst
    assert tekst.count("omschrijving: ") == 1


def test_de_eigen_kopregel_van_de_werkplek_geeft_geen_waarschuwing(
    c: TestClient, register: Path
) -> None:
    naam = "stuurgroep-2027-10-06"
    for toelichting in ("Eerste keer.", "Tweede keer."):
        velden = zet(_bewerk(c, naam), "toelichting", toelichting)
        actie = "opslaan_zonder_opmerkingen" if toelichting == "Eerste keer." else "opslaan"
        r = verstuur(c, f"/vergaderingen/{naam}/bewerk", zet(velden, "actie", actie))
        assert r.status_code == 303, "opmerkingen" if "opmerkingen (#)" in r.text else r.text
    assert "Tweede keer." in (register / f"{naam}.yaml").read_text(encoding="utf-8")


def test_een_onbekend_vervolg_staat_naast_het_veld(c: TestClient) -> None:
    velden = zet(_bewerk(c, "stuurgroep-2027-10-06"), "b0-vervolg_van", "sg-2025-99")
    for antwoord in (
        verstuur(c, "/vergaderingen/toets", velden).text,
        verstuur(c, "/vergaderingen/stuurgroep-2027-10-06/bewerk", velden).text,
    ):
        gevonden = re.search(r'id="melding-b0-vervolg_van"[^>]*>([^<]*)<', antwoord)
        assert gevonden, antwoord[:300]
        assert "Vervolg op besluit" in gevonden.group(1)
        assert "geen besluit 'sg-2025-99'" in html.unescape(gevonden.group(1))


def test_een_leeg_onderwerp_noemt_het_veld(c: TestClient) -> None:
    velden = zet(_bewerk(c, "stuurgroep-2027-10-06"), "b0-onderwerp", "")
    antwoord = verstuur(c, "/vergaderingen/toets", velden).text
    gevonden = re.search(r'id="melding-b0-onderwerp"[^>]*>([^<]*)<', antwoord)
    assert gevonden
    assert gevonden.group(1).startswith("Onderwerp (besluit 1): ")


def test_afwezige_leden_krijgen_geen_stemknoppen(c: TestClient) -> None:
    naam = "stuurgroep-2027-02-10"  # Coevorden (sg_coevorden) is absent
    html = c.get(f"/vergaderingen/{naam}/bewerk").text
    afwezig = [
        m.group(1)
        for m in re.finditer(r'name="aanwezig-([\w-]+)" value="afwezig"[^>]*checked', html)
    ]
    assert afwezig
    for lid in afwezig:
        assert f'-stem-{lid}"' not in html
    assert "afwezig: stemt niet" in html


def test_een_ongeldig_besluit_opslaan_vraagt_om_bevestiging(c: TestClient, register: Path) -> None:
    naam = "stuurgroep-2027-10-06"
    pad = register / f"{naam}.yaml"
    oud = pad.read_bytes()
    # a casus on the Stuurgroep's table is not its business (4.7): ongeldig
    velden = zet(_bewerk(c, naam), "b0-casuistiek", "ja")
    r = verstuur(c, f"/vergaderingen/{naam}/bewerk", zet(velden, "actie", "opslaan"))
    assert r.status_code == 200
    assert "zo niet geldig genomen" in r.text
    assert pad.read_bytes() == oud
    velden = formuliervelden(r.text)
    r = verstuur(c, f"/vergaderingen/{naam}/bewerk", zet(velden, "actie", "opslaan_ongeldig"))
    if r.status_code == 200:  # the file's comments are asked about next; the yes is kept
        assert 'name="ongeldig_bevestigd" value="ja"' in r.text
        r = verstuur(
            c,
            f"/vergaderingen/{naam}/bewerk",
            zet(formuliervelden(r.text), "actie", "opslaan_zonder_opmerkingen"),
        )
    assert r.status_code == 303, r.text
    assert "casuistiek: true" in pad.read_text(encoding="utf-8")


def test_stemmen_als_alle_blijven_als_de_vergadering_niet_te_beoordelen_is(
    c: TestClient, register: Path
) -> None:
    naam = "stuurgroep-2027-05-12"
    pad = register / f"{naam}.yaml"
    # a besluit without votes makes the meeting unjudgeable (as 'Op de agenda zetten' did)
    tekst = pad.read_text(encoding="utf-8").replace(
        "verzonden:\n",
        "  - id: sg-2027-20\n    onderwerp: Nog te bespreken\n    soort: beleid\nverzonden:\n",
        1,
    )
    pad.write_text(tekst, encoding="utf-8")
    velden = _bewerk(c, naam)
    r = verstuur(c, f"/vergaderingen/{naam}/bewerk", zet(velden, "actie", "bijwerken"))
    velden = formuliervelden(r.text)
    i = _index(velden, "sg-2027-20")
    velden = [(n, w) for n, w in velden if not n.startswith(f"b{i}-")]
    velden = zet(velden, "besluiten", str(i))  # the item taken off again
    r = verstuur(c, f"/vergaderingen/{naam}/bewerk", zet(velden, "actie", "opslaan_ongeldig"))
    if r.status_code == 200 and "opmerkingen (#)" in r.text:
        r = verstuur(
            c,
            f"/vergaderingen/{naam}/bewerk",
            zet(formuliervelden(r.text), "actie", "opslaan_zonder_opmerkingen"),
        )
    assert r.status_code == 303, r.text
    nieuw = pad.read_text(encoding="utf-8")
    assert nieuw.count("voor: [alle]") + nieuw.count("voor: alle") >= 3, nieuw


def test_simuleer_zonder_partij_zegt_dat(c: TestClient) -> None:
    html = c.get("/uittreding", params={"partij": "", "route": "opzegtermijn"}).text
    assert "kies eerst de Partij die uittreedt" in html


def test_het_overzicht_opent_op_het_jaar_van_vandaag(register: Path) -> None:
    import datetime as dt

    from convenant.web import werkplek as wp
    from convenant.web.app import maak_app

    class In2026(wp.Werkplek):
        def vandaag(self) -> dt.date:
            return dt.date(2026, 12, 6)

    html = TestClient(maak_app(In2026(register))).get("/").text
    assert "Overzicht 2026" in html
    jaren = re.findall(r'<option value="(\d{4})"', html)
    assert jaren == ["2026", "2027"]  # this year to the example's last (and next) year


def test_geen_bibliotheeknaam_in_de_voet(c: TestClient) -> None:
    html = c.get("/").text
    voet = html[html.index('<footer class="voet">') :]
    assert "htmx" not in voet.split(">", 1)[1].split("<a", 1)[0]
    assert "Zero-Clause" not in voet


def test_agenda_ics_heeft_vergaderingen_termijnen_en_herinneringen(register: Path) -> None:
    import datetime as dt

    import icalendar

    from governance.vergadering import Verzending
    from governance.verzendingen import leg_vast

    # the lists of 12 May not yet sent to the colleges: due before 6 October
    pad = register / "stuurgroep-2027-05-12.yaml"
    pad.write_text(
        pad.read_text(encoding="utf-8").replace(
            "  - {documenten: [besluitenlijst], aan: [colleges], op: 2027-05-26}\n", ""
        ),
        encoding="utf-8",
    )
    from convenant.web import werkplek as wp
    from convenant.web.app import maak_app

    class InJuni(wp.Werkplek):
        def vandaag(self) -> dt.date:
            return dt.date(2027, 6, 1)

    def feed() -> icalendar.Calendar:
        return icalendar.Calendar.from_ical(
            TestClient(maak_app(InJuni(register))).get("/agenda.ics").text
        )

    kalender = feed()
    events = list(kalender.walk("VEVENT"))
    samenvattingen = [str(e["SUMMARY"]) for e in events]
    assert samenvattingen.count("Vergadering Stuurgroep") == 3
    termijn = next(e for e in events if "12 mei 2027" in str(e["SUMMARY"]))
    # "vóór de volgende vergadering" of 6 October: the 5th is the last day, as the
    # besluitenlijst says (uiterlijk 5 oktober 2027)
    assert termijn.decoded("DTSTART") == dt.date(2027, 10, 5)
    assert "twaalf colleges" in str(termijn["SUMMARY"]) or "colleges" in str(termijn["SUMMARY"])
    assert all(len(list(e.walk("VALARM"))) == 1 for e in events)
    tekst = " ".join(str(e.get(k, "")) for e in events for k in ("SUMMARY", "DESCRIPTION"))
    assert not re.search(r"\b[a-z]+_[a-z_]+\b", tekst), re.findall(r"\b[a-z]+_[a-z_]+\b", tekst)
    assert ".yaml" not in tekst
    # once recorded as sent, the deadline is gone from the feed
    leg_vast(
        register,
        pad,
        Verzending(documenten=["besluitenlijst"], aan=["colleges"], op=dt.date(2027, 5, 26)),
    )
    kalender = feed()
    assert not any("12 mei 2027" in str(e["SUMMARY"]) for e in kalender.walk("VEVENT"))


def test_de_brede_tabel_van_de_liquidatie_is_met_het_toetsenbord_te_bereiken(
    c: TestClient, register: Path
) -> None:
    # a region that scrolls sideways must take the focus, or a keyboard user cannot scroll it
    # (axe: scrollable-region-focusable, WCAG 2.1.1)
    import shutil

    from tests.web_hulp import VOORBEELDEN

    (register / "documenten").mkdir(exist_ok=True)
    shutil.copy2(
        VOORBEELDEN / "documenten" / "liquidatiebegroting-voorbeeld.yaml", register / "documenten"
    )
    html = c.get("/liquidatie?alle=ja").text
    blokken = re.findall(r'<div class="breed"[^>]*>', html)
    assert blokken
    for blok in blokken:
        assert 'tabindex="0"' in blok
        assert "aria-labelledby=" in blok


def test_datum_en_orgaan_van_een_opgeslagen_vergadering_zijn_te_corrigeren(
    c: TestClient, register: Path
) -> None:
    from governance.opslag import geschiedenis

    naam = "stuurgroep-2027-10-06"
    velden = zet(_bewerk(c, naam), "datum", "2027-10-07")
    velden = zet(velden, "actie", "opslaan_zonder_opmerkingen")
    r = verstuur(c, f"/vergaderingen/{naam}/bewerk", velden)
    assert r.status_code == 303, r.text
    assert r.headers["location"].startswith("/vergaderingen/stuurgroep-2027-10-07")
    assert not (register / f"{naam}.yaml").exists()
    assert "datum: 2027-10-07" in (register / "stuurgroep-2027-10-07.yaml").read_text("utf-8")
    assert len(geschiedenis(register, f"{naam}.yaml")) == 1  # the old file kept
    # onto the date of another meeting of the orgaan: refused, nothing lost
    velden = zet(_bewerk(c, "stuurgroep-2027-10-07"), "datum", "2027-05-12")
    r = verstuur(c, "/vergaderingen/stuurgroep-2027-10-07/bewerk", zet(velden, "actie", "opslaan"))
    assert r.status_code == 409
    assert "Er is al een vergadering van dit orgaan op deze datum" in r.text
    assert (register / "stuurgroep-2027-10-07.yaml").exists()


def test_een_datum_buiten_de_bezetting_staat_bij_de_datum_zonder_regel_uit_de_bezetting(
    c: TestClient,
) -> None:
    """The command line also places this gap in the bezetting file (its `perioden` line); the
    form says it beside the date and shows no key of another file."""
    velden = zet(_bewerk(c, "stuurgroep-2027-02-10"), "datum", "2025-06-01")
    antwoord = html.unescape(verstuur(c, "/vergaderingen/toets", velden).text)
    assert "noemt geen leden" in antwoord
    assert "perioden" not in antwoord
    assert "geen periode noemt" not in antwoord
