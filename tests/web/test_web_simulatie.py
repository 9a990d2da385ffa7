"""The exit and liquidation pages: the CLI's numbers, what-ifs, downloads, and saved budgets."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from tests.scenario_runners import draai
from tests.web_hulp import client, csrf, kopieer_register

VOORBEELDEN = Path(__file__).resolve().parents[2] / "examples"
BEGROTING = VOORBEELDEN / "documenten" / "liquidatiebegroting-voorbeeld.yaml"


@pytest.fixture
def register(tmp_path: Path) -> Path:
    r = kopieer_register(tmp_path / "register")
    (r / "documenten").mkdir()
    shutil.copy2(BEGROTING, r / "documenten" / BEGROTING.name)
    return r


def _cli(args: list[str]) -> str:
    code, uit, fout = draai(args)
    assert code in (0, 1), fout
    return uit


# --- uittreding ----------------------------------------------------------------------------------


def test_uittreding_toont_ingang_tijdlijn_en_zetels(register: Path) -> None:
    r = client(register).get("/uittreding?partij=meppel&opzegging=31-01-2027")
    assert r.status_code == 200
    assert "Gemeente Meppel: Partij tot 31 januari 2028" in r.text  # twelve months on (25.2)
    assert "Zetels die vervallen" in r.text
    assert "Partneroverleg" in r.text


def test_uittreding_verwijst_naar_de_pagina_niet_naar_de_opdracht(register: Path) -> None:
    r = client(register).get("/uittreding?partij=meppel&opzegging=31-01-2027")
    assert 'naar hun bijdrage (zie de pagina <a href="/liquidatie">Liquidatie</a>)' in r.text
    assert "&#39;convenant simuleer liquidatie&#39;" not in r.text
    # the CLI keeps its own wording
    uit = _cli(["simuleer", "uittreding", "--partij", "meppel", "--opzegging", "2027-01-31"])
    assert "(zie 'convenant simuleer liquidatie')" in uit


def test_datumvelden_zijn_datumkiezers_en_getypte_datums_blijven_staan(register: Path) -> None:
    # typed as a Dutch date (a browser without a date picker sends it so): read, and shown
    # back in the native date input, which holds ISO
    r = client(register).get("/uittreding?partij=meppel&opzegging=31-01-2027")
    assert '<input type="date" id="opzegging" name="opzegging" value="2027-01-31"' in r.text
    assert 'type="text" id="opzegging"' not in r.text
    assert "Gemeente Meppel: Partij tot 31 januari 2028" in r.text
    assert (
        '<input type="date" id="op" name="op" value="2027-03-01"'
        in client(register).get("/?jaar=2027&op=01-03-2027").text
    )


def test_uittreding_download_is_de_json_van_de_cli(register: Path) -> None:
    r = client(register).get("/uittreding?partij=cosis&opzegging=2027-01-31&formaat=json")
    assert r.status_code == 200
    assert "attachment" in r.headers["content-disposition"]
    verwacht = _cli(
        [
            *("simuleer", "uittreding", "--partij", "cosis", "--opzegging", "2027-01-31"),
            *("--register", str(register), "--json"),
        ]
    )
    assert r.json() == json.loads(verwacht)


@pytest.mark.parametrize(
    ("query", "veld", "tekst"),
    [
        ("partij=meppel", "opzegging", "schriftelijke opzegging"),
        ("partij=meppel&opzegging=30-02-2027", "opzegging", "bestaat niet"),
        ("partij=meppel&route=wijziging&opzegging=2027-01-01", "ingang", "wijziging ingaat"),
        ("partij=vrd&opzegging=2027-01-01", "partij", "geen Partij"),
    ],
)
def test_uittreding_fout_staat_bij_het_veld(
    register: Path, query: str, veld: str, tekst: str
) -> None:
    r = client(register).get(f"/uittreding?{query}")
    assert r.status_code == 200
    assert f'aria-describedby="{veld}-fout"' in r.text
    fout = re.search(rf'id="{veld}-fout">([^<]*)<', r.text)
    assert fout
    assert tekst in fout.group(1)
    assert "Zetels die vervallen" not in r.text


# --- liquidatie ----------------------------------------------------------------------------------


def test_liquidatie_wat_als_verschuift_elk_aandeel(register: Path) -> None:
    c = client(register)
    zonder = c.get("/liquidatie?zonder=meppel&zonder=emmen")
    assert zonder.status_code == 200
    assert zonder.text.count("betaalt niet mee") == 2
    # the CSV download is exactly what the CLI writes for the same what-if
    csv = c.get("/liquidatie?zonder=meppel&zonder=emmen&formaat=csv")
    verwacht = _cli(
        [
            *(
                "simuleer",
                "liquidatie",
                "--begroting",
                str(register / "documenten" / BEGROTING.name),
            ),
            *["--zonder", "meppel", "--zonder", "emmen", "--csv"],
        ]
    )
    assert csv.text == verwacht
    # every other gemeente pays more than without the what-if, shown as a difference
    assert zonder.text.count("+ € ") == 10


def test_liquidatie_route_uittreding_zoals_de_cli(register: Path) -> None:
    r = client(register).get("/liquidatie?route=uittreding&uittredend=assen&formaat=json")
    verwacht = _cli(
        [
            *(
                "simuleer",
                "liquidatie",
                "--begroting",
                str(register / "documenten" / BEGROTING.name),
            ),
            *["--route", "uittreding", "--uittredend", "assen", "--json"],
        ]
    )
    assert r.json() == json.loads(verwacht)


def test_alle_uittredingen_tabel_twaalf_bij_twaalf(register: Path) -> None:
    c = client(register)
    r = c.get("/liquidatie?alle=ja")
    assert "Elke uittreding van één gemeente naast elkaar" in r.text
    tabel = r.text.split('class="bedragen matrix"')[1].split("</table>")[0]
    assert tabel.count(" weg</th>") == 12
    assert tabel.count("<tr>") == 13
    data = c.get("/liquidatie?alle=ja&formaat=alle-json").json()
    verwacht = _cli(
        [
            *(
                "simuleer",
                "liquidatie",
                "--begroting",
                str(register / "documenten" / BEGROTING.name),
            ),
            *["--alle-uittredingen", "--json"],
        ]
    )
    assert data == json.loads(verwacht)


def test_liquidatie_route_uittreding_zonder_gemeente_zegt_wat_ontbreekt(register: Path) -> None:
    r = client(register).get("/liquidatie?route=uittreding")
    assert "Kies bij route uittreding de gemeente die uittreedt." in r.text


def test_onbekende_begroting_is_404_en_geen_pad(register: Path) -> None:
    c = client(register)
    assert c.get("/liquidatie?begroting=../bezetting").status_code == 404
    assert c.get("/liquidatie/begroting?id=/etc/passwd").status_code == 404


# --- a budget saved from the page ----------------------------------------------------------------


def _velden(html: str) -> list[tuple[str, str]]:
    from tests.web_hulp import formuliervelden

    return formuliervelden(html)


def _post(c: object, velden: list[tuple[str, str]]) -> object:
    from tests.web_hulp import verstuur

    return verstuur(c, "/liquidatie/begroting", velden)  # type: ignore[arg-type]


def test_begroting_uit_de_pagina_leest_de_cli_ongewijzigd(register: Path) -> None:
    c = client(register)
    pagina = c.get("/liquidatie/begroting")
    velden = [(n, w) for n, w in _velden(pagina.text) if not n.startswith("post_")]
    velden = [(n, w) for n, w in velden if n not in ("naam", "peildatum", "doel")]
    velden += [("naam", "Liquidatiebegroting 2028"), ("peildatum", "31-12-2028"), ("doel", "")]
    velden += [
        ("post_id", "personeel"),
        ("post_omschrijving", "Personeel in dienst van de VRD"),
        ("post_soort", "personeel_vrd"),
        ("post_partner", ""),
        ("post_bedrag", "120.000,00"),
        ("post_id", "ggz"),
        ("post_omschrijving", "Gedetacheerde van GGZ Drenthe"),
        ("post_soort", "gedetacheerd"),
        ("post_partner", "ggz_drenthe"),
        ("post_bedrag", "8200.50"),
    ]
    r = _post(c, velden)
    assert r.status_code == 303, r.text  # type: ignore[attr-defined]
    pad = register / "begrotingen" / "liquidatiebegroting-2028.yaml"
    assert pad.is_file()
    data = json.loads(
        _cli(
            [
                "simuleer",
                "liquidatie",
                "--begroting",
                str(pad),
                "--register",
                str(register),
                "--json",
            ]
        )
    )
    assert data["totaal"] == "128200.50"
    assert data["partners"][0]["bedrag"] == "8200.50"
    pagina = c.get(r.headers["location"])  # type: ignore[attr-defined]
    assert "opgeslagen in het register" in pagina.text
    assert "€ 128.200,50" in pagina.text


def test_begroting_bewerken_en_verouderde_versie_geweigerd(register: Path) -> None:
    c = client(register)
    ident = "documenten/liquidatiebegroting-voorbeeld"
    # an edit of a file outside begrotingen/ is saved as a new file there
    velden = _velden(c.get(f"/liquidatie/begroting?id={ident}").text)
    velden = [(n, w) for n, w in velden if n != "doel"] + [("doel", "eigen")]
    assert _post(c, velden).status_code == 303  # type: ignore[attr-defined]
    pad = register / "begrotingen" / "eigen.yaml"
    eerst = pad.read_bytes()
    # two tabs open the saved budget; the first saves, the second is refused
    tab1 = _velden(c.get("/liquidatie/begroting?id=begrotingen/eigen").text)
    tab2 = list(tab1)
    tab1 = [(n, w) for n, w in tab1 if n != "naam"] + [("naam", "Versie van tab 1")]
    assert _post(c, tab1).status_code == 303  # type: ignore[attr-defined]
    tab2 = [(n, w) for n, w in tab2 if n != "naam"] + [("naam", "Versie van tab 2")]
    geweigerd = _post(c, tab2)
    assert geweigerd.status_code == 409  # type: ignore[attr-defined]
    assert "Iemand anders heeft deze begroting intussen opgeslagen" in geweigerd.text  # type: ignore[attr-defined]
    assert "Versie van tab 2" in geweigerd.text  # type: ignore[attr-defined]  # input kept
    assert yaml.safe_load(pad.read_text(encoding="utf-8"))["naam"] == "Versie van tab 1"
    geschiedenis = list((register / "geschiedenis" / "eigen").glob("*.yaml"))
    assert [g.read_bytes() for g in geschiedenis] == [eerst]
    # a new budget may not take an existing name
    nieuw = [(n, w) for n, w in tab1 if n not in ("bron", "gelezen")] + [
        ("bron", ""),
        ("gelezen", ""),
    ]
    assert _post(c, nieuw).status_code == 409  # type: ignore[attr-defined]


def test_begroting_inlezen_bewaart_het_bestand_zoals_het_is(register: Path) -> None:
    c = client(register)
    geheim = csrf(c.get("/liquidatie/begroting").text)
    inhoud = BEGROTING.read_bytes()
    r = c.post(
        "/liquidatie/begroting",
        data={"csrf": geheim, "actie": "inlezen", "doel": ""},
        files={"bestand": ("voorjaar-2027.yaml", inhoud, "application/x-yaml")},
    )
    assert r.status_code == 303, r.text
    assert (register / "begrotingen" / "voorjaar-2027.yaml").read_bytes() == inhoud
    kapot = inhoud.replace(b"bedrag: 14400.00", b"bedrag: veel")
    r = c.post(
        "/liquidatie/begroting",
        data={"csrf": geheim, "actie": "inlezen", "doel": "kapot"},
        files={"bestand": ("kapot.yaml", kapot, "application/x-yaml")},
    )
    assert r.status_code == 422
    assert "kapot.yaml:" in r.text  # file and line of the error
    assert not (register / "begrotingen" / "kapot.yaml").exists()


def test_begroting_opslaan_zonder_csrf_geweigerd(register: Path) -> None:
    r = client(register).post("/liquidatie/begroting", data={"naam": "x"})
    assert r.status_code == 403
    assert not (register / "begrotingen").exists()


# --- documents in the page ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pagina", "download", "kern"),
    [
        (
            "/vergaderingen/stuurgroep-2027-02-10/documenten?soort=besluitenlijst",
            "/vergaderingen/stuurgroep-2027-02-10/documenten/besluitenlijst",
            "Jaarplan 2027",
        ),
        (
            "/uittreding/documenten?partij=cosis&opzegging=31-01-2027&brief_plaats=Groningen",
            "/uittreding/document/uittredingsoverzicht?partij=cosis&opzegging=31-01-2027&brief_plaats=Groningen",
            "Cosis",
        ),
        (
            "/uittreding/documenten?partij=cosis&opzegging=31-01-2027&brief_plaats=Groningen&soort=opzegging",
            "/uittreding/document/opzegging?partij=cosis&opzegging=31-01-2027&brief_plaats=Groningen",
            "Groningen",
        ),
        (
            "/liquidatie/documenten?zonder=meppel",
            "/liquidatie/document?zonder=meppel",
            "Gemeente Assen",
        ),
    ],
)
def test_document_voorbeeld_en_elk_formaat(
    register: Path, pagina: str, download: str, kern: str
) -> None:
    c = client(register)
    r = c.get(pagina)
    assert r.status_code == 200
    assert "<iframe" in r.text
    for formaat in ("Word", "PDF", "HTML", "tekstbestand"):
        assert f"Opslaan als {formaat}" in r.text
    scheiding = "&" if "?" in download else "?"
    html = c.get(f"{download}{scheiding}formaat=html&inline=ja")
    assert html.headers["content-type"].startswith("text/html")
    assert kern in html.text
    assert html.headers["content-disposition"].startswith("inline")
    pdf = c.get(f"{download}{scheiding}formaat=pdf")
    assert pdf.content.startswith(b"%PDF")
    assert pdf.headers["content-disposition"].startswith("attachment")
    docx = c.get(f"{download}{scheiding}formaat=docx")
    # also an exit without a budget: its Word template asks for no cost table then
    assert docx.content.startswith(b"PK")  # a Word document is a zip
    assert kern in c.get(f"{download}{scheiding}formaat=md").text


def test_document_dat_niet_kan_zegt_waarom(register: Path) -> None:
    c = client(register)
    # the example meeting of 10 February discusses a casus: no agenda for the Stuurgroep (4.7)
    r = c.get("/vergaderingen/stuurgroep-2027-02-10/documenten?soort=agenda")
    assert r.status_code == 200
    assert "kan (nog) niet worden gemaakt" in r.text
    assert "casuïstiek" in r.text
    r = c.get("/uittreding/documenten?partij=cosis&opzegging=31-01-2027&soort=opzegging")
    assert "de plaats van de brief" in r.text
