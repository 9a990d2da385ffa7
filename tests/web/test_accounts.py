"""Accounts, logging in, the beheerder's reset, `convenant account`, and the trail (issue 23)."""

from __future__ import annotations

import datetime as dt
import io
import re
import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from convenant import databank, spoor, toegang
from convenant.web.app import maak_app
from convenant.web.beveiliging import SESSIE_COOKIE
from convenant.web.werkplek import Werkplek
from governance.opslag import geschiedenis
from tests.scenario_runners import draai
from tests.web_hulp import csrf, formuliervelden, herstelformulier, kopieer_register, verstuur, zet

WW = "een-lang-wachtwoord"


@pytest.fixture
def register(tmp_path: Path) -> Path:
    return kopieer_register(tmp_path / "register")


def _client(register: Path) -> TestClient:
    return TestClient(maak_app(Werkplek(register)), follow_redirects=False)


def _inloggen(c: TestClient, naam: str, wachtwoord: str = WW) -> int:
    pagina = c.get("/inloggen")
    r = c.post(
        "/inloggen", data={"csrf": csrf(pagina.text), "naam": naam, "wachtwoord": wachtwoord}
    )
    status: int = r.status_code
    return status


def test_inloggen_met_juist_wachtwoord_en_sessiecookie(register: Path) -> None:
    toegang.maak_account(register, "sec", "secretaris", WW, "Sanne de Vries")
    c = _client(register)
    assert _inloggen(c, "sec") == 303
    cookie = c.cookies.jar
    sessie = next(k for k in cookie if k.name == "convenant_sessie")
    assert sessie.has_nonstandard_attr("HttpOnly")
    assert sessie.expires is not None  # it expires
    assert "Sanne de Vries" in c.get("/").text
    # a cookie changed by hand is not a session
    c.cookies.set("convenant_sessie", (sessie.value or "") + "0")
    assert c.get("/").status_code == 303


def test_een_sessie_verloopt_en_een_vervalst_cookie_telt_niet(register: Path) -> None:
    toegang.maak_account(register, "sec", "secretaris", WW)
    c = _client(register)
    assert _inloggen(c, "sec") == 303
    assert c.get("/vergaderingen").status_code == 200
    cookie = c.cookies[SESSIE_COOKIE]
    waarde, _, handtekening = cookie.rpartition(".")
    c.cookies.set(SESSIE_COOKIE, f"{waarde}.{'0' * len(handtekening)}")
    assert c.get("/vergaderingen").status_code == 303  # to the login
    c.cookies.set(SESSIE_COOKIE, cookie)
    assert c.get("/vergaderingen").status_code == 200
    # eight hours later (SESSIEDUUR) the same cookie opens nothing
    with sqlite3.connect(databank.pad_van(register)) as db:
        db.execute("UPDATE sessies SET verloopt = ?", ("2000-01-01T00:00:00+00:00",))
    assert c.get("/vergaderingen").status_code == 303


def test_melding_zegt_niet_of_een_account_bestaat(register: Path) -> None:
    toegang.maak_account(register, "sec", "secretaris", WW)
    c = _client(register)
    fout_ww = c.post(
        "/inloggen", data={"csrf": csrf(c.get("/inloggen").text), "naam": "sec", "wachtwoord": "x"}
    )
    onbekend = c.post(
        "/inloggen",
        data={"csrf": csrf(c.get("/inloggen").text), "naam": "niemand", "wachtwoord": "x"},
    )
    assert fout_ww.status_code == onbekend.status_code == 401
    melding = "De combinatie van gebruikersnaam en wachtwoord is niet bekend."
    assert melding in fout_ww.text
    assert melding in onbekend.text


def test_inloggen_is_begrensd(register: Path) -> None:
    toegang.maak_account(register, "sec", "secretaris", WW)
    c = _client(register)
    for _ in range(toegang.MAX_POGINGEN):
        assert _inloggen(c, "sec", "verkeerd-wachtwoord") == 401
    # now even the right password is refused for a while, and an unknown name alike
    assert _inloggen(c, "sec") == 429
    assert _inloggen(c, "niemand", "verkeerd-wachtwoord") == 429


def test_beheerder_herstelt_een_wachtwoord_met_een_eenmalige_link(register: Path) -> None:
    toegang.maak_account(register, "beheer", "beheerder", WW)
    sec = toegang.maak_account(register, "sec", "secretaris", WW)
    c = _client(register)
    assert _inloggen(c, "beheer") == 303
    pagina = c.get("/beheer/accounts").text
    r = c.post(f"/beheer/accounts/{sec.id}/herstel", data={"csrf": csrf(pagina)})
    assert r.status_code == 200
    link = r.text.split('<code id="eenmalige-link">')[1].split("</code>")[0]
    andere = _client(register)
    assert _inloggen(andere, "sec") == 401  # the old password no longer works
    pad = link.split("testserver", 1)[1]
    formulier = andere.get(pad).text
    nieuw = "nieuw-wachtwoord-123"
    r = andere.post(pad, data={"csrf": csrf(formulier), "wachtwoord": nieuw, "herhaal": nieuw})
    assert r.status_code == 303
    assert _inloggen(_client(register), "sec", nieuw) == 303
    assert andere.get(pad).status_code == 404  # used once
    assert any("wachtwoord van sec hersteld" in r["omschrijving"] for r in spoor.lijst(register))


def test_account_vraagt_de_map_en_kijkt_niet_in_de_werkmap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # started inside a folder that is no register: no database may appear there
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{WW}\n"))
    code, _, fout = draai(["account", "maak", "beheer", "--wachtwoord-invoer"])
    assert code == 2
    assert "--register" in fout
    assert not databank.pad_van(tmp_path).exists()


def test_eerste_beheerder_via_de_terminal(register: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # through the program's own entry point (draai), as a user runs it; the password on stdin
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{WW}\n"))
    code, uit, fout = draai(
        ["account", "maak", "beheer", "--register", str(register), "--wachtwoord-invoer"]
    )
    assert code == 0, fout
    assert "Account beheer gemaakt" in uit
    assert toegang.heeft_accounts(register)
    _, lijst, _ = draai(["account", "lijst", "--register", str(register)])
    assert "beheer: beheerder" in lijst
    # a contactpersoon without a Partij is refused, with a message and exit code 2
    code, _, fout = draai(
        ["account", "maak", "x", "--rol", "contactpersoon", "--register", str(register)]
    )
    assert code == 2
    assert "--partij" in fout


def test_eerste_beheerder_via_een_eenmalige_link(register: Path) -> None:
    code, uit, _ = draai(["account", "link", "--register", str(register)])
    assert code == 0
    pad = next(r.strip() for r in uit.splitlines() if r.strip().startswith("/eenmalig/"))
    c = _client(register)
    formulier = c.get(pad).text
    r = c.post(
        pad,
        data={
            "csrf": csrf(formulier),
            "naam": "beheer",
            "weergave": "Bea Beheer",
            "wachtwoord": WW,
            "herhaal": WW,
        },
    )
    assert r.status_code == 303
    assert c.get("/beheer/accounts").status_code == 200  # logged in as the beheerder
    assert c.get("/vergaderingen").status_code == 403  # who edits nothing in the register


def test_het_token_blijft_voor_scripts(register: Path) -> None:
    toegang.maak_account(register, "sec", "secretaris", WW)
    c = TestClient(maak_app(Werkplek(register), token="geheim"), follow_redirects=False)
    assert c.get("/api/v1/partijen").status_code == 401
    assert c.get("/api/v1/partijen", headers={"Authorization": "Bearer geheim"}).status_code == 200
    # the browser link with ?token= is no way in once there are accounts
    assert c.get("/?token=geheim").status_code == 303
    assert c.get("/").status_code == 303


def test_spoor_legt_wijziging_en_terugzetten_vast_met_wie(register: Path) -> None:
    toegang.maak_account(register, "sec", "secretaris", WW, "Sanne de Vries")
    c = _client(register)
    assert _inloggen(c, "sec") == 303
    naam = "stuurgroep-2027-10-06"
    pad = register / f"{naam}.yaml"
    velden = zet(
        formuliervelden(c.get(f"/vergaderingen/{naam}/bewerk").text), "toelichting", "Gewijzigd"
    )
    r = verstuur(
        c, f"/vergaderingen/{naam}/bewerk", zet(velden, "actie", "opslaan_zonder_opmerkingen")
    )
    assert r.status_code == 303
    regels = spoor.lijst(register, bestand=pad.name)
    assert [r["soort"] for r in regels] == ["wijziging"]
    assert regels[0]["wie"] == "Sanne de Vries"
    eerdere = geschiedenis(register, pad.name)[0]
    assert regels[0]["voor"] == eerdere.versie  # the hash before is the version in the history
    pagina = c.get(f"/vergaderingen/{naam}/geschiedenis").text
    herstel = herstelformulier(pagina)
    assert verstuur(c, f"/vergaderingen/{naam}/geschiedenis/herstel", herstel).status_code == 303
    regels = spoor.lijst(register, bestand=pad.name)
    assert [r["soort"] for r in regels] == ["herstel", "wijziging"]
    assert "teruggezet" in regels[0]["omschrijving"]
    assert regels[0]["voor"] == regels[1]["na"]
    # the page per file and per person
    html = c.get(f"/spoor?bestand={pad.name}").text
    assert "Sanne de Vries" in html
    assert "teruggezet" in html
    assert "teruggezet" in c.get("/spoor?wie=Sanne de Vries").text
    # the secretaris reads which meeting it was; the file name only under 'technische details'
    assert "De vergadering van de Stuurgroep van 6 oktober 2027 gewijzigd" in html
    zonder_details = re.sub(r"<details>.*?</details>", "", html, flags=re.S)
    assert pad.name not in re.sub(r"<[^>]+>", " ", zonder_details)  # what a reader sees


def test_spoor_toont_nederlandse_tijd(register: Path) -> None:
    # stored in UTC; a host running in UTC must still show the trail in Dutch time
    spoor.schrijf(register, toegang.LOKAAL, "account", "iets")
    with sqlite3.connect(databank.pad_van(register)) as db:
        (moment,) = db.execute("SELECT moment FROM spoor").fetchone()
    getoond = spoor.lijst(register)[0]["moment"]
    assert getoond == dt.datetime.fromisoformat(moment)  # the same moment
    assert getoond.utcoffset() in {dt.timedelta(hours=1), dt.timedelta(hours=2)}


def test_spoor_is_alleen_aan_te_vullen(register: Path) -> None:
    spoor.schrijf(register, toegang.LOKAAL, "wijziging", "iets")
    with sqlite3.connect(databank.pad_van(register)) as db:
        with pytest.raises(sqlite3.IntegrityError, match="alleen aangevuld"):
            db.execute("UPDATE spoor SET wie = 'iemand anders'")
        with pytest.raises(sqlite3.IntegrityError, match="alleen aangevuld"):
            db.execute("DELETE FROM spoor")


def test_achter_een_reverse_proxy_zonder_accounts_is_niets_open(register: Path) -> None:
    # `convenant web --naam werkplek.zvhd.nl`: whoever comes through the proxy is not the
    # user of this computer; only the first beheerder's one-time link and the login answer
    c = TestClient(
        maak_app(Werkplek(register), hosts=frozenset({"werkplek.zvhd.nl"}), lokaal_open=False),
        base_url="https://werkplek.zvhd.nl",
        follow_redirects=False,
    )
    assert c.get("/vergaderingen").status_code == 303
    assert c.get("/inloggen").status_code == 200
    sleutel = toegang.eenmalige_link(register, "beheerder", None)
    assert c.get(f"/eenmalig/{sleutel}").status_code == 200
