"""The year planning and the agenda drafted before the meeting, in the workplace.

A secretaris plans meetings per orgaan (the minimum of 4.3, 6.2 and 6.4 shown with what is
missing), drafts the agenda of a planned meeting (items with their purpose in words, a PDF or
Word document per item, the dated request for inbreng of 5.2), downloads the agenda document
that lists the attached documents per item, and then records the meeting from that agenda.
Uploaded files stay inside the register's stukken folder, whatever their name says.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import httpx
import pytest
import yaml
from fastapi.testclient import TestClient

from convenant.web.app import maak_app
from convenant.web.werkplek import Werkplek
from governance.planning import veilige_naam
from tests.web_hulp import csrf, kopieer_register

PDF = b"%PDF-1.4\n% een klein stuk\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
DOCX = b"PK\x03\x04" + b"\x00" * 60


class Op(Werkplek):
    """The workplace on 1 December 2027: the example year is behind it, 2028 ahead."""

    def vandaag(self) -> dt.date:
        return dt.date(2027, 12, 1)


@pytest.fixture
def register(tmp_path: Path) -> Path:
    return kopieer_register(tmp_path / "register")


@pytest.fixture
def c(register: Path) -> TestClient:
    return TestClient(maak_app(Op(register)), follow_redirects=False)


def _versie(html: str) -> str:
    gevonden = re.search(r'name="versie" value="([^"]*)"', html)
    assert gevonden
    return gevonden.group(1)


def _plan(c: TestClient, orgaan: str, datum: str, **extra: str) -> httpx.Response:
    pagina = c.get("/planning").text
    r: httpx.Response = c.post(
        "/planning",
        data={"csrf": csrf(pagina), "versie": _versie(pagina), "orgaan": orgaan, "datum": datum}
        | extra,
    )
    return r


def _kaart(html: str, orgaan: str) -> str:
    gevonden = re.search(rf'<div class="kaart" id="orgaan-{orgaan}">(.*?)</div>', html, re.S)
    assert gevonden, orgaan
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", gevonden.group(1)))


def test_twee_vergaderingen_plannen_toont_wat_nog_ontbreekt(c: TestClient, register: Path) -> None:
    leeg = c.get("/planning?jaar=2028").text
    assert "Ten minste 3 keer per jaar" in _kaart(leeg, "stuurgroep")
    assert "art. 4.3" in _kaart(leeg, "stuurgroep")
    assert "nog 3 te plannen" in _kaart(leeg, "stuurgroep")
    assert "art. 6.2" in _kaart(leeg, "partneroverleg")
    assert "Eén keer per jaar" in _kaart(leeg, "jaarvergadering")
    assert "art. 6.4" in _kaart(leeg, "jaarvergadering")

    r = _plan(c, "stuurgroep", "2028-02-09", tijd="15:30", locatie="ZVHD, Assen")
    assert r.status_code == 303
    assert r.headers["location"] == "/planning?jaar=2028&opgeslagen=stuurgroep-2028-02-09"
    assert _plan(c, "stuurgroep", "10-05-2028").status_code == 303

    kaart = _kaart(c.get("/planning?jaar=2028").text, "stuurgroep")
    assert "2 gepland" in kaart
    assert "nog 1 te plannen" in kaart
    assert "9 februari 2028" in kaart
    assert "10 mei 2028" in kaart
    data = yaml.safe_load((register / "planning.yaml").read_text(encoding="utf-8"))
    assert [(v["orgaan"], v["datum"]) for v in data["vergaderingen"]] == [
        ("stuurgroep", dt.date(2028, 2, 9)),
        ("stuurgroep", dt.date(2028, 5, 10)),
    ]
    assert data["vergaderingen"][0]["tijd"] == "15:30"
    # the planning file is no meeting: the register's meetings are unchanged
    assert "planning" not in Op(register).ids()


def test_een_onbegrepen_datum_staat_bij_het_veld_en_de_invoer_blijft(c: TestClient) -> None:
    r = _plan(c, "partneroverleg", "31-02-2028", tijd="9 uur", locatie="Emmen")
    assert r.status_code == 422
    assert 'id="datum-fout"' in r.text
    assert "Datum niet begrepen" in r.text
    assert 'id="tijd-fout"' in r.text
    assert 'value="Emmen"' in r.text
    assert 'value="9 uur"' in r.text
    assert '<option value="partneroverleg" selected>' in r.text


def test_dezelfde_vergadering_twee_keer_plannen_wordt_geweigerd(c: TestClient) -> None:
    assert _plan(c, "stuurgroep", "2028-02-09").status_code == 303
    r = _plan(c, "stuurgroep", "2028-02-09")
    assert r.status_code == 422
    assert "staat al in de planning" in r.text
    # a meeting already recorded is not planned again
    r = _plan(c, "stuurgroep", "2027-10-06")
    assert r.status_code == 422
    assert "al vastgelegd" in r.text


def _agenda(c: TestClient, sleutel: str) -> str:
    r = c.get(f"/planning/{sleutel}")
    assert r.status_code == 200
    return str(r.text)


def _punt(
    c: TestClient,
    sleutel: str,
    bestand: tuple[str, bytes, str] | None = None,
    **velden: str,
) -> httpx.Response:
    pagina = _agenda(c, sleutel)
    data = {"csrf": csrf(pagina), "versie": _versie(pagina)} | velden
    files = {"stuk": bestand} if bestand else {"stuk": ("", b"", "application/octet-stream")}
    r: httpx.Response = c.post(f"/planning/{sleutel}/punten", data=data, files=files)
    return r


def test_de_agenda_met_doelen_stukken_en_inbreng(c: TestClient, register: Path) -> None:
    assert _plan(c, "stuurgroep", "2028-02-09", tijd="15:30").status_code == 303
    s = "stuurgroep-2028-02-09"
    r = _punt(
        c,
        s,
        ("Jaarplan 2028 (concept).pdf", PDF, "application/pdf"),
        onderwerp="Vaststelling Jaarplan 2028",
        doel="besluitvorming",
        soort="jaarplan",
    )
    assert r.status_code == 303, r.text
    assert _punt(c, s, onderwerp="Voortgang nazorg", doel="bespreking").status_code == 303
    assert (
        _punt(
            c,
            s,
            ("Kwartaalcijfers.docx", DOCX, "application/octet-stream"),
            onderwerp="Kwartaalcijfers",
            doel="informatie",
        ).status_code
        == 303
    )
    # a second document for the first item
    pagina = _agenda(c, s)
    r = c.post(
        f"/planning/{s}/punten/1/stuk",
        data={"csrf": csrf(pagina), "versie": _versie(pagina)},
        files={"stuk": ("Begroting 2028.pdf", PDF, "application/pdf")},
    )
    assert r.status_code == 303
    # the request for inbreng, dated (5.2)
    pagina = _agenda(c, s)
    r = c.post(
        f"/planning/{s}/gegevens",
        data={
            "csrf": csrf(pagina),
            "versie": _versie(pagina),
            "tijd": "15:30",
            "locatie": "ZVHD, Assen",
            "inbreng_gevraagd_op": "2028-01-12",
        },
    )
    assert r.status_code == 303

    pagina = _agenda(c, s)
    assert "ter besluitvorming" in pagina
    assert "ter bespreking" in pagina
    assert "ter informatie" in pagina
    # the stored files are in the register's stukken folder, under safe names
    map_ = register / "stukken" / s
    assert sorted(p.name for p in map_.iterdir()) == [
        "begroting-2028.pdf",
        "jaarplan-2028-concept.pdf",
        "kwartaalcijfers.docx",
    ]
    # served back as uploaded
    r = c.get(f"/planning/{s}/stukken/jaarplan-2028-concept.pdf")
    assert r.status_code == 200
    assert r.content == PDF
    assert r.headers["content-type"] == "application/pdf"
    assert r.headers["content-disposition"].startswith("attachment")

    md = c.get(f"/planning/{s}/agenda?formaat=md").text
    assert "Ter besluitvorming" in md
    assert "Ter bespreking." in md
    assert "Ter informatie." in md
    assert "Bijlagen: Jaarplan 2028 (concept).pdf; Begroting 2028.pdf" in md
    assert "Bijlage: Kwartaalcijfers.docx" in md
    assert "op 12 januari 2028 om inbreng gevraagd" in md
    # the items in the order they were put on the agenda, between the fixed items
    assert md.index("Vaststelling Jaarplan 2028") < md.index("Voortgang nazorg")
    assert md.index("Voortgang nazorg") < md.index("Kwartaalcijfers")
    # every format is made
    for formaat, begin in (("pdf", b"%PDF"), ("docx", b"PK")):
        r = c.get(f"/planning/{s}/agenda?formaat={formaat}")
        assert r.status_code == 200, formaat
        assert r.content.startswith(begin)
    assert c.get(f"/planning/{s}/documenten").status_code == 200


def test_inbreng_na_de_vergadering_wordt_geweigerd_bij_het_veld(c: TestClient) -> None:
    assert _plan(c, "stuurgroep", "2028-02-09").status_code == 303
    s = "stuurgroep-2028-02-09"
    pagina = _agenda(c, s)
    r = c.post(
        f"/planning/{s}/gegevens",
        data={
            "csrf": csrf(pagina),
            "versie": _versie(pagina),
            "tijd": "",
            "locatie": "Assen",
            "inbreng_gevraagd_op": "2028-03-01",
        },
    )
    assert r.status_code == 422
    assert 'id="inbreng_gevraagd_op-fout"' in r.text
    assert "5.2" in r.text
    assert 'value="Assen"' in r.text


def test_een_punt_ter_besluitvorming_vraagt_de_soort(c: TestClient) -> None:
    assert _plan(c, "stuurgroep", "2028-02-09").status_code == 303
    r = _punt(c, "stuurgroep-2028-02-09", onderwerp="Iets", doel="besluitvorming")
    assert r.status_code == 422
    assert 'id="soort-fout"' in r.text
    assert 'value="Iets"' in r.text


@pytest.mark.parametrize(
    ("naam", "inhoud", "melding"),
    [
        ("virus.exe", b"MZ\x90\x00", "geen PDF- of Word-bestand"),
        ("nep.pdf", b"<html><script>alert(1)</script>", "geen PDF- of Word-bestand"),
        ("groot.pdf", PDF + b"0" * (2 * 1024 * 1024), "groter dan 2 MB"),
        # over the request cap (2.1 MB) too: still the form, with the message at the field
        ("nog groter.pdf", PDF + b"0" * (3 * 1024 * 1024), "groter dan 2 MB"),
        ("leeg.pdf", b"", "leeg"),
    ],
)
def test_een_ander_bestand_wordt_niet_bewaard(
    c: TestClient, register: Path, naam: str, inhoud: bytes, melding: str
) -> None:
    assert _plan(c, "stuurgroep", "2028-02-09").status_code == 303
    r = _punt(
        c,
        "stuurgroep-2028-02-09",
        (naam, inhoud, "application/pdf"),
        onderwerp="Met een bijlage",
        doel="bespreking",
    )
    assert r.status_code == 422
    assert re.search(rf'id="stuk-fout"[^>]*>[^<]*{re.escape(melding)}', r.text)
    assert 'value="Met een bijlage"' in r.text  # what was typed is kept
    assert not (register / "stukken").exists() or not any((register / "stukken").rglob("*.*"))
    data = yaml.safe_load((register / "planning.yaml").read_text(encoding="utf-8"))
    assert data["vergaderingen"][0].get("agendapunten") is None


@pytest.mark.parametrize(
    "naam",
    [
        "../../../buiten.pdf",
        "..\\..\\buiten.pdf",
        "/etc/buiten.pdf",
        ".verborgen.pdf",
        "a/../b.pdf",
    ],
)
def test_een_geupload_stuk_verlaat_de_registermap_nooit(
    c: TestClient, register: Path, naam: str
) -> None:
    assert _plan(c, "stuurgroep", "2028-02-09").status_code == 303
    r = _punt(
        c,
        "stuurgroep-2028-02-09",
        (naam, PDF, "application/pdf"),
        onderwerp="Bijlage",
        doel="bespreking",
    )
    assert r.status_code == 303
    opgeslagen = [p for p in register.parent.rglob("*.pdf")]
    assert len(opgeslagen) == 1
    assert opgeslagen[0].parent == register / "stukken" / "stuurgroep-2028-02-09"
    assert not opgeslagen[0].name.startswith(".")


def test_alleen_een_stuk_van_de_agenda_wordt_geserveerd(c: TestClient, register: Path) -> None:
    assert _plan(c, "stuurgroep", "2028-02-09").status_code == 303
    s = "stuurgroep-2028-02-09"
    assert (
        _punt(c, s, ("a.pdf", PDF, "application/pdf"), onderwerp="A", doel="bespreking").status_code
        == 303
    )
    # a file in the folder that the agenda does not name, and names that try to climb out
    (register / "stukken" / s / "ander.pdf").write_bytes(PDF)
    for url in (
        f"/planning/{s}/stukken/ander.pdf",
        f"/planning/{s}/stukken/..%2F..%2Fbezetting.yaml",
        f"/planning/{s}/stukken/%2E%2E",
        "/planning/stuurgroep-2028-02-10/stukken/a.pdf",
        "/planning/..%2Fstukken/stukken/a.pdf",
    ):
        assert c.get(url).status_code == 404, url
    assert c.get(f"/planning/{s}/stukken/a.pdf").status_code == 200


def test_een_stukkenmap_die_een_verwijzing_is_wordt_niet_gebruikt(
    c: TestClient, register: Path, tmp_path: Path
) -> None:
    buiten = tmp_path / "buiten"
    buiten.mkdir()
    (register / "stukken").symlink_to(buiten, target_is_directory=True)
    assert _plan(c, "stuurgroep", "2028-02-09").status_code == 303
    r = _punt(
        c,
        "stuurgroep-2028-02-09",
        ("a.pdf", PDF, "application/pdf"),
        onderwerp="A",
        doel="bespreking",
    )
    assert r.status_code == 422
    assert not any(buiten.iterdir())


@pytest.mark.parametrize(
    ("naam", "veilig"),
    [
        ("Jaarplan 2028 (concept).PDF", "jaarplan-2028-concept.pdf"),
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\x\\Notulen é.docx", "notulen-e.docx"),
        ("...", "stuk"),
        ("..pdf", "stuk.pdf"),
    ],
)
def test_veilige_naam(naam: str, veilig: str) -> None:
    assert veilige_naam(naam) == veilig


def test_de_vergadering_vastleggen_vanuit_haar_agenda(c: TestClient, register: Path) -> None:
    from tests.web_hulp import formuliervelden, verstuur, zet

    assert _plan(c, "stuurgroep", "2027-11-17", tijd="15:30", locatie="Assen").status_code == 303
    s = "stuurgroep-2027-11-17"
    assert (
        _punt(
            c, s, onderwerp="Kaders 2028", doel="besluitvorming", soort="kaders_bijstellen"
        ).status_code
        == 303
    )
    assert _punt(c, s, onderwerp="Voortgang nazorg", doel="bespreking").status_code == 303
    pagina = _agenda(c, s)
    r = c.post(
        f"/planning/{s}/gegevens",
        data={
            "csrf": csrf(pagina),
            "versie": _versie(pagina),
            "tijd": "15:30",
            "locatie": "Assen",
            "inbreng_gevraagd_op": "2027-10-20",
        },
    )
    assert r.status_code == 303
    assert 'href="/vergaderingen/nieuw?planning=stuurgroep-2027-11-17"' in _agenda(c, s)

    velden = formuliervelden(c.get(f"/vergaderingen/nieuw?planning={s}").text)
    waarden = dict(velden)
    assert waarden["datum"] == "2027-11-17"
    assert waarden["orgaan"] == "stuurgroep"
    assert waarden["tijd"] == "15:30"
    assert waarden["inbreng_gevraagd_op"] == "2027-10-20"
    assert waarden["b0-onderwerp"] == "Kaders 2028"
    assert waarden["b0-soort"] == "kaders_bijstellen"
    assert "b1-onderwerp" not in waarden  # the item ter bespreking is no besluit
    for lid in ("sg_assen", "sg_emmen", "sg_hoogeveen", "sg_politie", "sg_om", "sg_ggd"):
        velden = zet(velden, f"b0-stem-{lid}", "voor")
    r = verstuur(c, "/vergaderingen/nieuw", zet(velden, "actie", "opslaan"))
    assert r.status_code == 303, r.text
    data = yaml.safe_load((register / f"{s}.yaml").read_text(encoding="utf-8"))
    assert data["besproken"] == ["Voortgang nazorg"]
    assert data["besluiten"][0]["onderwerp"] == "Kaders 2028"
    assert data["locatie"] == "Assen"
    # the planning now links the recorded meeting
    assert f'href="/vergaderingen/{s}"' in _agenda(c, s)
    assert f'href="/vergaderingen/{s}"' in c.get("/planning?jaar=2027").text


def test_planning_en_agenda_tonen_geen_interne_codes(c: TestClient, register: Path) -> None:
    from tests.web.test_zichtbare_tekst import CODE, OPDRACHT, _Zichtbaar

    assert _plan(c, "jaarvergadering", "2028-06-14").status_code == 303
    assert _plan(c, "stuurgroep", "2028-02-09").status_code == 303
    s = "stuurgroep-2028-02-09"
    assert (
        _punt(
            c,
            s,
            ("Jaarplan_2028_v2.pdf", PDF, "application/pdf"),
            onderwerp="Vaststelling Jaarplan 2028",
            doel="besluitvorming",
            soort="werkproces_operationeel",
        ).status_code
        == 422  # the Stuurgroep adopts no operational werkproces: not offered, refused
    )
    assert (
        _punt(
            c,
            s,
            ("Jaarplan_2028_v2.pdf", PDF, "application/pdf"),
            onderwerp="Vaststelling Jaarplan 2028",
            doel="besluitvorming",
            soort="jaarplan",
        ).status_code
        == 303
    )
    fout = _plan(c, "stuurgroep", "2028-02-09").text  # a page with a message at its field
    for url, html in [
        ("/planning?jaar=2028", c.get("/planning?jaar=2028").text),
        (f"/planning/{s}", _agenda(c, s)),
        ("/planning/jaarvergadering-2028-06-14", _agenda(c, "jaarvergadering-2028-06-14")),
        (f"/planning/{s}/documenten", c.get(f"/planning/{s}/documenten").text),
        ("/kalender", c.get("/kalender").text),
        ("/?jaar=2028", c.get("/?jaar=2028").text),
        ("fout", fout),
    ]:
        lezer = _Zichtbaar()
        lezer.feed(html)
        tekst = " ".join(lezer.tekst)
        assert not CODE.findall(tekst), (url, CODE.findall(tekst))
        assert not OPDRACHT.findall(tekst), (url, OPDRACHT.findall(tekst))


def _post(c: TestClient, sleutel: str, pad: str, **velden: str) -> httpx.Response:
    pagina = _agenda(c, sleutel)
    r: httpx.Response = c.post(
        f"/planning/{sleutel}/{pad}",
        data={"csrf": csrf(pagina), "versie": _versie(pagina)} | velden,
    )
    return r


def _drie_punten(c: TestClient) -> str:
    assert _plan(c, "stuurgroep", "2028-02-09").status_code == 303
    s = "stuurgroep-2028-02-09"
    for onderwerp, bestand in (
        ("Jaarplan", ("Jaarplan.pdf", PDF, "application/pdf")),
        ("Nazorg", None),
        ("Cijfers", ("Cijfers.docx", DOCX, "application/octet-stream")),
    ):
        assert _punt(c, s, bestand, onderwerp=onderwerp, doel="bespreking").status_code == 303
    return s


def _onderwerpen(register: Path, sleutel: str) -> list[str]:
    planning = yaml.safe_load((register / "planning.yaml").read_text(encoding="utf-8"))
    (v,) = [v for v in planning["vergaderingen"] if v["datum"] == dt.date(2028, 2, 9)]
    return [p["onderwerp"] for p in v["agendapunten"]]


def test_een_agendapunt_wijzigen_houdt_zijn_stukken(c: TestClient, register: Path) -> None:
    s = _drie_punten(c)
    pagina = _agenda(c, s)
    assert 'id="onderwerp-1"' in pagina  # each item has its own edit form
    r = _post(
        c,
        s,
        "punten/1/wijzig",
        onderwerp="Vaststelling Jaarplan 2028",
        doel="besluitvorming",
        soort="jaarplan",
        toelichting="Het concept van de werkgroep",
    )
    assert r.status_code == 303, r.text
    md = c.get(f"/planning/{s}/agenda?formaat=md").text
    assert "Vaststelling Jaarplan 2028" in md
    assert "Ter besluitvorming" in md
    assert "Bijlage: Jaarplan.pdf" in md  # the document stays with its item
    assert "Het agendapunt is gewijzigd" in c.get(r.headers["location"]).text
    # a mistake stands at the edited item's own field, with what was typed kept there
    r = _post(c, s, "punten/2/wijzig", onderwerp="Nazorg 2028", doel="besluitvorming", soort="")
    assert r.status_code == 422
    assert re.search(r'id="soort-2-fout"[^>]*>[^<]*soort besluit', r.text)
    assert 'value="Nazorg 2028"' in r.text
    assert 'id="onderwerp" name="onderwerp" value=""' in r.text  # the new-item form stays empty
    assert _onderwerpen(register, s) == ["Vaststelling Jaarplan 2028", "Nazorg", "Cijfers"]


def test_agendapunten_verplaatsen_zonder_javascript(c: TestClient, register: Path) -> None:
    s = _drie_punten(c)
    pagina = _agenda(c, s)
    # plain forms with a button each: the first item cannot go up, the last not down
    assert 'action="/planning/stuurgroep-2028-02-09/punten/1/verplaats"' in pagina
    assert "Punt 1 omhoog" not in pagina
    assert "Punt 3 omlaag" not in pagina
    assert _post(c, s, "punten/3/verplaats", richting="op").status_code == 303
    assert _onderwerpen(register, s) == ["Jaarplan", "Cijfers", "Nazorg"]
    assert _post(c, s, "punten/1/verplaats", richting="neer").status_code == 303
    assert _onderwerpen(register, s) == ["Cijfers", "Jaarplan", "Nazorg"]
    md = c.get(f"/planning/{s}/agenda?formaat=md").text
    assert md.index("Cijfers") < md.index("Jaarplan") < md.index("Nazorg")


def test_een_verwijderd_punt_laat_geen_stukken_achter(c: TestClient, register: Path) -> None:
    s = _drie_punten(c)
    map_ = register / "stukken" / s
    assert sorted(p.name for p in map_.iterdir()) == ["cijfers.docx", "jaarplan.pdf"]
    pagina = _agenda(c, s)
    assert "Punt 1 en zijn stuk verwijderen" in pagina  # the button says the file goes too
    assert _post(c, s, "punten/1/verwijder").status_code == 303
    assert _onderwerpen(register, s) == ["Nazorg", "Cijfers"]
    assert sorted(p.name for p in map_.iterdir()) == ["cijfers.docx"]
    # a stale tab's removal is refused and removes nothing
    oud = _agenda(c, s)
    assert _post(c, s, "punten/1/verplaats", richting="neer").status_code == 303
    r = c.post(
        f"/planning/{s}/punten/2/verwijder", data={"csrf": csrf(oud), "versie": _versie(oud)}
    )
    assert r.status_code == 409
    assert sorted(p.name for p in map_.iterdir()) == ["cijfers.docx"]
    # the meeting taken out of the planning takes its documents along
    assert _post(c, s, "verwijder").status_code == 303
    assert not map_.exists()


def test_een_te_groot_stuk_bij_een_punt_komt_terug_bij_zijn_veld(
    c: TestClient, register: Path
) -> None:
    assert _plan(c, "stuurgroep", "2028-02-09").status_code == 303
    s = "stuurgroep-2028-02-09"
    assert _punt(c, s, onderwerp="Nazorg", doel="bespreking").status_code == 303
    pagina = _agenda(c, s)
    r = c.post(
        f"/planning/{s}/punten/1/stuk",
        data={"csrf": csrf(pagina), "versie": _versie(pagina)},
        files={"stuk": ("Rapport.pdf", PDF + b"0" * (5 * 1024 * 1024), "application/pdf")},
    )
    assert r.status_code == 422
    assert re.search(r'id="stuk-1-fout"[^>]*>Rapport.pdf is groter dan 2 MB', r.text)
    assert not (register / "stukken").exists()
    # a form without the page's secret is refused all the same, however it is read
    r = c.post(
        f"/planning/{s}/punten/1/stuk",
        data={"csrf": "onjuist", "versie": _versie(pagina)},
        files={"stuk": ("Rapport.pdf", PDF + b"0" * (5 * 1024 * 1024), "application/pdf")},
    )
    assert r.status_code == 403
