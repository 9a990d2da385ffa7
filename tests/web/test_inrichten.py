"""Start from nothing (issue 22, part 1): a register set up in the workplace, without YAML."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from convenant.register import Register
from tests.web_hulp import VOORBEELDEN, client, csrf, kopieer_register

LOGO = VOORBEELDEN / "logo-voorbeeld.png"


def _formulier(html: str, **velden: Any) -> dict[str, Any]:
    """The wizard's fields as a browser sends them, with `velden` filled in."""
    data: dict[str, Any] = {"csrf": csrf(html), "actie": "aanmaken"}
    for naam in ("organisatie", "onderregel", "kenmerk", "kleur", "vanaf"):
        gevonden = re.search(rf'name="{naam}" value="([^"]*)"', html)
        if gevonden:
            data[naam] = gevonden.group(1)
    for naam, aantal in re.findall(r'name="([a-z_]+-aantal)" value="(\d+)"', html):
        data[naam] = aantal
    data.update(velden)
    return data


STUURGROEP = {
    "stuurgroep-0-naam": "Burgemeester van Assen",
    "stuurgroep-0-wie": "assen",
    "stuurgroep-0-functie": "voorzitter",
    "stuurgroep-1-naam": "Sectorhoofd politie",
    "stuurgroep-1-wie": "politie",
    "stuurgroep-2-naam": "Manager ZVHD",
    "stuurgroep-2-wie": "rol:manager",
    "stuurgroep-2-functie": "secretaris",
    "partneroverleg-0-naam": "Afgevaardigde van de gemeenten",
    "partneroverleg-0-wie": "emmen",
    "partneroverleg-0-namens": ["assen", "emmen", "meppel"],
    "contact-assen-email": "secretariaat@assen.example",
    "contact-assen-naam": "A. de Vries",
}


def test_leeg_register_leidt_naar_inrichten_en_schrijft_alles(leeg: Path) -> None:
    c = client(leeg)
    start = c.get("/").text
    assert "Dit register is nog leeg" in start
    assert 'href="/inrichten"' in start
    html = c.get("/inrichten").text
    assert 'name="map"' not in html  # the served folder is the one being set up
    assert "Gemeente Assen" in html  # choices show names of parties
    assert "Manager van het ZVHD" in html  # and of functions
    r = c.post(
        "/inrichten",
        data=_formulier(
            html, **STUURGROEP, organisatie="ZVHD Drenthe", retouradres="Postbus 1\n9400 AA Assen"
        ),
        files={"logo": ("ons logo.png", LOGO.read_bytes(), "image/png")},
    )
    assert r.status_code == 303, r.text
    assert r.headers["location"] == "/?ingericht=ja"
    assert sorted(p.name for p in leeg.iterdir() if not p.name.startswith(".")) == [
        "bezetting.yaml",
        "contacten.yaml",
        "huisstijl.yaml",
        "logo.png",
    ]
    # read by the register service as the CLI reads it
    dienst = Register(leeg)
    bezetting, fouten = dienst.bezetting_met_fouten()
    assert fouten == []
    assert bezetting is not None
    periode = bezetting.perioden[0]
    assert str(periode.vanaf).endswith("-01-01")
    sg = {lid.naam: lid for lid in periode.organen["stuurgroep"].leden}
    assert sg["Burgemeester van Assen"].partij == "assen"
    assert sg["Burgemeester van Assen"].functie == "voorzitter"
    assert sg["Manager ZVHD"].rol == "manager"
    (po,) = periode.organen["partneroverleg"].leden
    assert po.vertegenwoordigt == ["assen", "emmen", "meppel"]  # joint delegate (6.7)
    huisstijl = dienst.huisstijl()
    assert huisstijl is not None
    assert huisstijl.organisatie == "ZVHD Drenthe"
    assert huisstijl.retouradres == ["Postbus 1", "9400 AA Assen"]
    assert (leeg / "logo.png").read_bytes() == LOGO.read_bytes()
    contacten = yaml.safe_load((leeg / "contacten.yaml").read_text(encoding="utf-8"))
    assert contacten == {
        "partijen": {"assen": [{"email": "secretariaat@assen.example", "naam": "A. de Vries"}]}
    }
    # the workplace now knows the members by name: a new Stuurgroep meeting lists them
    start = c.get("/?ingericht=ja").text
    assert "Het register is aangemaakt" in start
    assert "Dit register is nog leeg" not in start
    nieuw = c.get("/vergaderingen/nieuw?orgaan=stuurgroep").text
    assert "Burgemeester van Assen" in nieuw
    # and the trail says who set it up
    assert "Het register is ingericht" in c.get("/spoor").text


def test_fouten_staan_bij_hun_veld_en_niets_wordt_geschreven(leeg: Path) -> None:
    c = client(leeg)
    html = c.get("/inrichten").text
    r = c.post(
        "/inrichten",
        data=_formulier(
            html,
            **{
                "stuurgroep-0-wie": "assen",  # a Partij chosen, the name forgotten
                "stuurgroep-1-naam": "Iemand",  # a name, whom it represents forgotten
                "contact-emmen-email": "geen adres",
                "onder-addendum-naam": "J. Jansen",  # a signatory without function
                "organisatie": "",
            },
        ),
    )
    assert r.status_code == 422
    for veld, woorden in [
        ("stuurgroep-0-naam", "vul de naam"),
        ("stuurgroep-1-wie", "kies de Partij"),
        ("contact-emmen-email", "geen e-mailadres"),
        ("onder-addendum-functie", "functie"),
        ("organisatie", "naam van de organisatie"),
    ]:
        fout = re.search(rf'<p class="veldfout" id="{veld}-fout">([^<]*)</p>', r.text)
        assert fout, veld
        assert woorden in fout.group(1)
        assert f'id="{veld}"' in r.text
        assert f'aria-describedby="{veld}-fout"' in r.text
    assert list(leeg.iterdir()) == []  # nothing half-written
    # what was typed is still there
    assert 'value="Iemand"' in r.text
    assert 'value="geen adres"' in r.text
    assert re.search(r'<option value="assen" selected>Gemeente Assen</option>', r.text)


def test_meer_leden_houdt_wat_er_stond(leeg: Path) -> None:
    c = client(leeg)
    html = c.get("/inrichten").text
    r = c.post(
        "/inrichten",
        data=_formulier(html, **STUURGROEP, actie="meer-stuurgroep"),
    )
    assert r.status_code == 200
    assert 'name="stuurgroep-aantal" value="6"' in r.text
    assert 'id="stuurgroep-5-naam"' in r.text
    assert 'value="Burgemeester van Assen"' in r.text
    assert list(leeg.iterdir()) == []


def test_geen_afbeelding_als_logo_wordt_bij_het_veld_geweigerd(leeg: Path) -> None:
    c = client(leeg)
    html = c.get("/inrichten").text
    r = c.post(
        "/inrichten",
        data=_formulier(html, **STUURGROEP),
        files={"logo": ("logo.png", b"dit is tekst", "image/png")},
    )
    assert r.status_code == 422
    assert re.search(r'id="logo-fout">[^<]*geen PNG- of JPEG', r.text)
    assert list(leeg.iterdir()) == []


def test_nieuw_register_naast_het_voorbeeld(tmp_path: Path) -> None:
    voorbeeld = kopieer_register(tmp_path / "voorbeeld")
    voor = {p.name: p.read_bytes() for p in voorbeeld.iterdir()}
    c = client(voorbeeld)
    assert re.search(r'<a href="/inrichten"[^>]*>Nieuw register</a>', c.get("/").text)
    html = c.get("/inrichten").text
    assert 'name="map"' in html
    # a folder with something in it is refused, next to the field
    r = c.post("/inrichten", data=_formulier(html, **STUURGROEP, map=str(voorbeeld)))
    assert r.status_code == 422
    assert re.search(r'id="map-fout">[^<]*al iets', r.text)
    doel = tmp_path / "eigen" / "register"
    (tmp_path / "eigen").mkdir()
    # the form says the workplace moves onto the new register, and asks to confirm it
    assert "werkt daarna met het nieuwe register" in html
    r = c.post("/inrichten", data=_formulier(html, **STUURGROEP, map=str(doel)))
    assert r.status_code == 422
    assert re.search(r'id="bevestig-fout">[^<]*vink aan', r.text)
    assert not doel.exists()
    r = c.post("/inrichten", data=_formulier(html, **STUURGROEP, map=str(doel), bevestig="ja"))
    assert r.status_code == 303, r.text
    assert (doel / "bezetting.yaml").is_file()
    assert [p.name for p in (tmp_path / "eigen").iterdir()] == ["register"]  # no work folder left
    # the workplace works on the new register now; the example is untouched
    start = c.get("/").text
    assert "Register: register" in start
    assert c.get("/vergaderingen").text.count("/vergaderingen/stuurgroep-") == 0
    assert {p.name: p.read_bytes() for p in voorbeeld.iterdir() if p.suffix != ".db"} == voor
    # the trail of the register it was made from says so
    from convenant import spoor

    assert any(
        "Nieuw register aangemaakt" in regel["omschrijving"]
        and "werkt nu daarmee" in regel["omschrijving"]
        for regel in spoor.lijst(voorbeeld)
    )


def test_met_accounts_maakt_alleen_de_beheerder_een_nieuw_register_en_blijft_de_werkplek(
    tmp_path: Path,
) -> None:
    """With accounts the workplace is shared: a secretaris cannot make a new register, and
    when the beheerder does, every logged-in person stays in the register they work in."""
    from convenant import spoor, toegang
    from convenant.web.beveiliging import SESSIE_COOKIE

    voorbeeld = kopieer_register(tmp_path / "voorbeeld")
    ww = "een-lang-wachtwoord"
    sec = toegang.maak_account(voorbeeld, "sec", "secretaris", ww)
    beheer = toegang.maak_account(voorbeeld, "beheer", "beheerder", ww)
    c = client(voorbeeld)

    def als(gebruiker: toegang.Gebruiker) -> None:
        sleutel = toegang.nieuwe_sessie(voorbeeld, gebruiker)
        c.cookies.set(SESSIE_COOKIE, toegang.onderteken(toegang.geheim(voorbeeld), sleutel))

    als(sec)
    assert "Nieuw register" not in c.get("/").text
    assert c.get("/inrichten").status_code == 403
    assert c.post("/inrichten", data={"csrf": csrf(c.get("/").text)}).status_code == 403
    als(beheer)
    assert 'href="/inrichten"' in c.get("/beheer/accounts").text
    html = c.get("/inrichten").text
    assert "Deze werkplek blijft bij het register" in html
    assert 'name="bevestig"' not in html
    doel = tmp_path / "nieuw" / "register"
    (tmp_path / "nieuw").mkdir()
    r = c.post("/inrichten", data=_formulier(html, **STUURGROEP, map=str(doel)))
    assert r.status_code == 200, r.text
    assert f"Het nieuwe register staat in {doel}" in r.text
    assert (doel / "bezetting.yaml").is_file()
    # the workplace still serves its own register, for the secretaris too
    als(sec)
    assert "Register: voorbeeld" in c.get("/").text
    assert c.get("/vergaderingen").text.count("/vergaderingen/stuurgroep-") > 0
    assert any(
        "Nieuw register aangemaakt" in regel["omschrijving"]
        and "blijft bij dit register" in regel["omschrijving"]
        for regel in spoor.lijst(voorbeeld)
    )


def test_web_op_een_nieuwe_map_maakt_haar_aan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from convenant.web import opdracht

    gestart: list[Any] = []

    class Server:
        def __init__(self, config: Any) -> None:
            gestart.append(config)

        def run(self) -> None:
            pass

    import uvicorn

    monkeypatch.setattr(uvicorn, "Server", Server)
    doel = tmp_path / "nieuw" / "register"
    assert opdracht.web(doel, 0, "127.0.0.1", None, None, None) == 0
    assert doel.is_dir()
    assert gestart


def test_namens_meer_partijen_alleen_bij_het_partneroverleg_en_de_manager_is_geen_partij(
    leeg: Path,
) -> None:
    """6.7 and 6.8 (one delegate for more Partijen) are about the Partneroverleg only: the
    Stuurgroep's table has no such column. The Manager sits in the Stuurgroep as its secretaris
    without a vote (5.3) and represents no Partij: the choice says so."""
    html = client(leeg).get("/inrichten").text
    stuurgroep = html.split('id="orgaan-stuurgroep"')[1].split('id="orgaan-partneroverleg"')[0]
    partneroverleg = html.split('id="orgaan-partneroverleg"')[1]
    assert "Namens meer Partijen" not in stuurgroep
    assert 'name="stuurgroep-0-namens"' not in stuurgroep
    assert "Namens meer Partijen (6.7, 6.8)" in partneroverleg
    manager = re.search(r'<option value="rol:manager"[^>]*>([^<]*)</option>', stuurgroep)
    assert manager is not None
    assert manager.group(1).startswith("geen Partij")
