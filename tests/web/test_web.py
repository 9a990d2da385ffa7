"""Route tests for the workplace (`convenant web`) with FastAPI's TestClient."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from convenant.cli import cli
from tests.web_hulp import client, kopieer_register


@pytest.fixture
def register(tmp_path: Path) -> Path:
    return kopieer_register(tmp_path / "register")


def test_overzicht_toont_jaar_verplichtingen_en_termijnen(register: Path) -> None:
    r = client(register).get("/?jaar=2027&op=01-03-2027")
    assert r.status_code == 200
    assert "Overzicht 2027" in r.text
    # the Partneroverleg met once in 2027 where 6.2 asks three times
    assert "Partneroverleg vergadert ten minste 3 keer per jaar" in r.text
    # Coevorden's hearing (a-2027-02) is open on 1 March and links to its meeting
    assert "a-2027-02" in r.text
    assert 'href="/vergaderingen/stuurgroep-2027-02-10"' in r.text
    # the replies to the toetreding are still due on 1 March (22.4, four weeks from 6 January)
    assert "Antwoorden van de Partijen op de toetreding" in r.text


def test_overzicht_toont_kapot_bestand_met_regel(register: Path) -> None:
    (register / "stuurgroep-2027-11-17.yaml").write_text(
        "orgaan: stuurgroep\ndatum: 2027-11-17\nbesluiten:\n  - id: x\n    onderwerp: [\n",
        encoding="utf-8",
    )
    r = client(register).get("/?jaar=2027")
    assert r.status_code == 200
    assert "Bestanden die niet te lezen zijn" in r.text
    assert "stuurgroep-2027-11-17.yaml:" in r.text  # file and line of the error
    assert "Stuurgroep vergadert ten minste 3 keer per jaar" in r.text  # the rest still counts


def _met_documenten(register: Path) -> Path:
    import shutil

    shutil.copytree(
        Path(__file__).resolve().parents[2] / "examples" / "documenten", register / "documenten"
    )
    return register


def test_overzicht_toont_opzegging_en_addendum_uit_het_register(register: Path) -> None:
    # as `convenant jaaroverzicht` does: the register's documenten/ hold a notice and an addendum
    _met_documenten(register)
    cli_uit = CliRunner().invoke(cli, ["jaaroverzicht", str(register), "--jaar", "2027"]).output
    assert "Wijzigingen van het convenant" in cli_uit
    r = client(register).get("/?jaar=2027")
    assert r.status_code == 200
    wijzigingen = r.text.split("Wijzigingen van het convenant")[1].split("</ul>")[0]
    assert "2027-1" in wijzigingen  # the addendum, in force on 1 juli 2027
    assert "Cosis" in r.text.split("Toetredingen, uittredingen en uitsluitingen")[1]


def test_overzicht_toont_een_onleesbare_opzegging(register: Path) -> None:
    _met_documenten(register)
    (register / "documenten" / "opzegging-kapot.yaml").write_text(
        "partij: cosis\ndatum: 2027-13-01\nondertekenaar: {naam: x, functie: y}\nplaats: Assen\n",
        encoding="utf-8",
    )
    r = client(register).get("/?jaar=2027")
    assert r.status_code == 200
    assert "Bestanden die niet te lezen zijn" in r.text
    assert "opzegging-kapot.yaml" in r.text


def test_onbekende_peildatum_wordt_gemeld(register: Path) -> None:
    r = client(register).get("/?op=31-02-2027")
    assert r.status_code == 200
    assert "Peildatum niet begrepen" in r.text


def test_onbekende_pagina_is_nette_404(register: Path) -> None:
    r = client(register).get("/bestaat-niet")
    assert r.status_code == 404
    assert "Deze pagina bestaat niet." in r.text
    assert "Traceback" not in r.text


def test_htmx_en_licentie_worden_meegeleverd(register: Path) -> None:
    c = client(register)
    assert "htmx" in c.get("/static/htmx.min.js").text
    assert "Zero-Clause BSD" in c.get("/static/htmx-LICENSE.txt").text


def test_vreemde_hostnaam_geweigerd(register: Path) -> None:
    r = client(register).get("/", headers={"host": "aanvaller.example:8000"})
    assert r.status_code == 400


def test_token_vereist_en_daarna_cookie(register: Path) -> None:
    c = client(register, token="geheim-123")
    assert c.get("/").status_code == 401
    assert c.get("/", headers={"authorization": "Bearer fout"}).status_code == 401
    assert c.get("/", headers={"authorization": "Bearer geheim-123"}).status_code == 200
    r = c.get("/?token=geheim-123&jaar=2027")
    assert r.status_code == 303
    assert r.headers["location"] == "/?jaar=2027"  # the token leaves the address bar
    assert c.get("/").status_code == 200  # the cookie carries it from now on


def test_web_weigert_ander_adres_zonder_token(
    register: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CONVENANT_WEB_TOKEN", raising=False)
    uitkomst = CliRunner().invoke(
        cli, ["web", str(register), "--adres", "0.0.0.0"], standalone_mode=False
    )
    assert "--token" in str(uitkomst.exception)
    assert "CONVENANT_WEB_TOKEN" in str(uitkomst.exception)


def test_web_weigert_een_bestand_en_een_map_die_niet_kan_worden_gemaakt(tmp_path: Path) -> None:
    # a new folder is made (and set up in the workplace, tests/web/test_inrichten.py); a file,
    # or a folder under a file, cannot be
    bestand = tmp_path / "bestand.txt"
    bestand.write_text("x", encoding="utf-8")
    uitkomst = CliRunner().invoke(cli, ["web", str(bestand)], standalone_mode=False)
    assert uitkomst.exception is not None
    uitkomst = CliRunner().invoke(cli, ["web", str(bestand / "register")], standalone_mode=False)
    assert "kan niet worden gemaakt" in str(uitkomst.exception)


def test_web_zonder_register_gebruikt_de_werkmap_niet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The register is the folder named, never the one the command happens to run in: a
    # workplace started from the wrong folder would set up a register there.
    monkeypatch.chdir(tmp_path)
    uitkomst = CliRunner().invoke(cli, ["web"])
    assert uitkomst.exit_code == 2
    assert "Ontbrekend argument 'REGISTER'" in uitkomst.output
    assert list(tmp_path.iterdir()) == []


def test_agenda_ics_is_icalendar_met_elke_termijn(register: Path) -> None:
    import datetime as dt

    from convenant.web import werkplek as wp

    # measured against a date before the approval of the toetreding, so its deadline shows
    class Vroeg(wp.Werkplek):
        def vandaag(self) -> dt.date:
            return dt.date(2027, 3, 1)

    from fastapi.testclient import TestClient

    from convenant.web.app import maak_app

    r = TestClient(maak_app(Vroeg(register))).get("/agenda.ics")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/calendar")
    tekst = r.text
    assert tekst.startswith("BEGIN:VCALENDAR\r\n")
    assert tekst.endswith("END:VCALENDAR\r\n")
    assert "DTSTART;VALUE=DATE:20270203" in tekst  # 6 January + four weeks (22.4)
    assert all(len(regel.encode()) <= 75 for regel in tekst.split("\r\n"))
    assert tekst.count("BEGIN:VEVENT") == tekst.count("END:VEVENT") >= 1


def test_besluitpagina_noemt_gronden_aannames_en_wat_het_anders_maakt(register: Path) -> None:
    r = client(register).get("/vergaderingen/stuurgroep-2027-02-10/besluiten/sg-2027-02")
    assert r.status_code == 200
    assert "Aangehouden" in r.text
    assert 'href="/convenant#artikel-5"' in r.text  # from the ground to its article
    assert "inbreng_vooraf_vorm" in r.text  # an aanname it rests on, with what it assumes
    assert "Alle Partijen moeten vóór de vergadering om inbreng gevraagd zijn" in r.text
    # Coevorden is affected and absent without written input (5.6): with its input, adopted
    rij = re.search(
        r"met schriftelijke inbreng van Gemeente Coevorden</td>\s*<td><span class=\"label oordeel-(\w+)\"",
        r.text,
    )
    assert rij is not None
    assert rij.group(1) == "aangenomen"


@pytest.mark.parametrize(
    "url",
    [
        "/vergaderingen/stuurgroep-2027-02-10/besluiten/bestaat-niet",
        "/vergaderingen/nergens/besluiten/sg-2027-02",
    ],
)
def test_besluitpagina_onbekend(register: Path, url: str) -> None:
    assert client(register).get(url).status_code == 404


def test_convenantpagina_per_artikel_met_regels_en_bevindingen(register: Path) -> None:
    r = client(register).get("/convenant")
    assert r.status_code == 200
    assert 'id="artikel-22"' in r.text
    assert "Toetreding" in r.text
    assert 'id="aanname-inbreng_vooraf_vorm"' in r.text
    assert r.text.count('id="aanname-inbreng_vooraf_vorm"') == 1  # one anchor per finding
    assert "Tekst (uw exemplaar)" not in r.text  # the text is not part of the project


def test_convenantpagina_noemt_elke_bevinding_bij_haar_hele_vraag(register: Path) -> None:
    """Each finding is headed by its question, whole; no title on the page is cut mid-text
    ('De Stuurgroep bestaat uit vertegenwoordigers van "een aantal" gemeenten en van de …'),
    not on a finding's card, not in a link to an aanname."""
    from markupsafe import escape

    from convenant.web.werkplek import Werkplek

    html = client(register).get("/convenant").text
    # the cards under each article (the contested points above them are headed by their
    # omschrijving, whole, and link their title)
    artikelen = html[html.index('<section id="ondergetekenden"') :]
    koppen = re.findall(r'<div class="melding let-op"[^>]*>\n?<p><strong>(.*?)</strong>', artikelen)
    links = re.findall(r'<a href="(?:/convenant)?#aanname-[a-z0-9_]+">(.*?)</a>', html)
    assert koppen
    assert links
    for titel in koppen + links:
        assert not titel.endswith("…"), titel
    for b in Werkplek(register).convenant.bevindingen:
        # every finding has its card, the ones on the parts before article 1 too, so a
        # verdict's link to its aanname never leads nowhere
        assert str(escape(b.vraag)) in koppen, b.id
        assert f'id="aanname-{b.id}"' in html, b.id


def test_convenantpagina_toont_eigen_tekst(register: Path, tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from convenant.web.app import maak_app
    from convenant.web.werkplek import Werkplek

    tekst = tmp_path / "convenant.txt"
    tekst.write_text(
        "Artikel 22. Toetreding\n22.1 Een eigen zin over toetreding <b>vet</b>.\n"
        "Artikel 23. Wijzigingen\n23.1 Iets anders.\n",
        encoding="utf-8",
    )
    r = TestClient(maak_app(Werkplek(register, tekst_pad=tekst))).get("/convenant")
    assert "Tekst (uw exemplaar)" in r.text
    assert "Een eigen zin over toetreding &lt;b&gt;vet&lt;/b&gt;." in r.text


def test_convenant_web_start_noemt_adres_en_antwoordt(register: Path) -> None:
    """The command itself: it listens on 127.0.0.1, prints its address, and serves."""
    import http.client
    import socket
    import subprocess
    import sys
    import time

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        poort = s.getsockname()[1]
    proces = subprocess.Popen(
        [sys.executable, "-m", "convenant", "web", str(register), "--poort", str(poort)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proces.stdout is not None
        regel = proces.stdout.readline()
        assert f"http://127.0.0.1:{poort}/" in regel
        tot = time.monotonic() + 30
        status = None
        while time.monotonic() < tot and status is None:
            try:
                verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=5)
                verbinding.request("GET", "/vergaderingen")
                status = verbinding.getresponse().status
            except OSError:
                time.sleep(0.05)
        assert status == 200
    finally:
        proces.terminate()
        proces.wait(10)


def test_bezette_poort_geeft_nederlandse_melding(register: Path) -> None:
    import socket

    with socket.socket() as bezet:
        bezet.bind(("127.0.0.1", 0))
        bezet.listen()
        poort = bezet.getsockname()[1]
        uitkomst = CliRunner().invoke(
            cli, ["web", str(register), "--poort", str(poort)], standalone_mode=False
        )
    assert f"kan niet luisteren op 127.0.0.1:{poort}" in str(uitkomst.exception)
    assert "--poort" in str(uitkomst.exception)


def test_open_punten_noemen_hun_artikel(register: Path) -> None:
    r = client(register).get("/?jaar=2027&op=01-03-2027")
    rij = re.search(r"a-2027-02:.*?</tr>", r.text, re.S)
    assert rij is not None
    assert "art. 5.8" in rij.group(0)  # an action point of the Stuurgroep: its list (5.8)


def test_te_groot_formulier_wordt_geweigerd(register: Path) -> None:
    r = client(register).post(
        "/vergaderingen/toets",
        content=b"a=" + b"x" * 2_100_000,
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert r.status_code == 413


def test_interne_fout_geeft_nederlandse_pagina_zonder_traceback(
    register: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fastapi.testclient import TestClient

    from convenant.web.app import maak_app
    from convenant.web.werkplek import Werkplek

    def kapot(self: Werkplek) -> list[object]:
        raise RuntimeError("geheim detail uit het programma")

    monkeypatch.setattr(Werkplek, "bezetting", kapot)
    r = TestClient(maak_app(Werkplek(register)), raise_server_exceptions=False).get("/")
    assert r.status_code == 500
    assert "Interne fout" in r.text
    assert "uw bestanden zijn niet gewijzigd" in r.text
    assert "Traceback" not in r.text
    assert "geheim detail" not in r.text


def test_overzicht_toont_nooit_het_onderwerp_van_een_besluit_over_een_casus(
    register: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import yaml

    from convenant.web import overzicht, werkplek

    def onderwerpen(bestand: str, *ids: str) -> dict[str, str]:
        data = yaml.safe_load((register / bestand).read_text(encoding="utf-8"))
        return {b["id"]: b["onderwerp"] for b in data["besluiten"] if not ids or b["id"] in ids}

    # the Casusoverleg's own besluiten, and the Stuurgroep's one marked casuistiek (4.7)
    geheim = onderwerpen("casusoverleg-2027-04-14.yaml") | onderwerpen(
        "stuurgroep-2027-02-10.yaml", "sg-2027-06"
    )
    assert len(geheim) == 3

    # In the example these besluiten are settled; the page lists a besluit's onderwerp only
    # while it is open, so let them be open (escalated) to reach every place it could show.
    def open_beoordeeld(w: werkplek.Werkplek) -> Any:
        gehouden, kapot = werkplek.beoordeel(w)
        return [
            replace(
                g,
                oordelen=tuple(
                    o._replace(oordeel="escaleren") if o.id in geheim else o for o in g.oordelen
                ),
            )
            for g in gehouden
        ], kapot

    monkeypatch.setattr(overzicht, "beoordeel", open_beoordeeld)
    c = client(register)
    for op in ("15-02-2027", "31-12-2027", "15-04-2027"):
        r = c.get(f"/?jaar=2027&op={op}")
        assert r.status_code == 200
        for onderwerp in geheim.values():
            assert onderwerp not in r.text, (op, onderwerp)
    # they still count as open points: only what they were about is left out
    for id_ in geheim:
        assert f">{id_}</a>" in r.text
    assert "Besluit over een individuele casus (inhoud niet in dit overzicht; 4.7, 9.8)" in r.text


def test_het_hoofdmenu_is_gegroepeerd_en_bereikt_elke_pagina(register: Path) -> None:
    """Eleven pages in one row were too many to find one: six stay in view, the rest sit in
    two named groups behind "Meer", a native disclosure (Enter or Space opens it, without
    JavaScript too), which says when the page shown is one of its own."""
    c = client(register)
    html = c.get("/verzendlijst").text
    nav = re.search(r'<nav class="hoofd"[^>]*>(.*?)</nav>', html, re.S)
    assert nav is not None
    menu = nav.group(1)
    buiten = re.sub(r"<details.*?</details>", "", menu, flags=re.S)
    assert len(re.findall(r"<li>", buiten)) <= 7
    for adres in (
        "/", "/planning", "/vergaderingen", "/besluiten", "/toetredingen", "/convenant",
        "/uittreding", "/liquidatie", "/bezetting", "/verzendlijst", "/spoor", "/api/v1/",
    ):  # fmt: skip
        assert f'href="{adres}"' in menu, adres
    meer = re.search(
        r'<details class="meer"><summary([^>]*)>(.*?)</summary>(.*?)</details>', menu, re.S
    )
    assert meer is not None
    assert 'class="actief"' in meer.group(1)
    assert "u bent op Verzendlijst" in meer.group(2)
    assert re.search(r'<ul aria-labelledby="menu-groep-\d">', meer.group(3))
    assert 'href="/verzendlijst" aria-current="page"' in meer.group(3)
    # on a page in view, "Meer" says nothing of it
    assert 'class="actief"' not in re.search(r"<summary[^>]*>", c.get("/planning").text).group(0)  # type: ignore[union-attr]
