"""The meeting pages: the form, live verdicts, saving exactly what `convenant toets` reads,
history and restore, refusing a stale save, and no way out of the register."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from governance.bestanden import vergaderbestanden
from governance.datums import lang
from governance.opslag import geschiedenis
from tests.scenario_runners import draai
from tests.web_hulp import (
    VOORBEELDEN,
    client,
    formuliervelden,
    herstelformulier,
    kopieer_register,
    verstuur,
    zet,
)

VERGADERINGEN = sorted(p.stem for p in vergaderbestanden(VOORBEELDEN))
OORDEELVAK = re.compile(r'id="oordeel-(\d+)" class="oordeelvak oordeel-(\w+)"')


@pytest.fixture
def register(tmp_path: Path) -> Path:
    return kopieer_register(tmp_path / "register")


@pytest.fixture
def c(register: Path) -> TestClient:
    return client(register)


def oordelen_cli(pad: Path) -> list[tuple[str, str]]:
    code, uit, fout = draai(["toets", str(pad), "--json"])
    assert code in (0, 1), fout
    return [(b["id"], b["oordeel"]) for b in json.loads(uit)["besluiten"]]


def oordelen_pagina(html: str, velden: list[tuple[str, str]]) -> list[tuple[str, str]]:
    ids = dict(velden)
    return [(ids[f"b{i}-id"], oordeel) for i, oordeel in OORDEELVAK.findall(html)]


@pytest.mark.parametrize("naam", VERGADERINGEN)
def test_voorbeeld_via_de_pagina_opgeslagen_geeft_dezelfde_oordelen(
    c: TestClient, register: Path, naam: str
) -> None:
    pad = register / f"{naam}.yaml"
    voor = oordelen_cli(pad)
    velden = formuliervelden(c.get(f"/vergaderingen/{naam}/bewerk").text)
    # the live check shows what convenant toets says about the file
    live = verstuur(c, "/vergaderingen/toets", velden)
    assert oordelen_pagina(live.text, velden) == voor
    # opened and saved without changes: the hand-written file keeps its content
    inhoud = pad.read_bytes()
    r = verstuur(c, f"/vergaderingen/{naam}/bewerk", zet(velden, "actie", "opslaan"))
    assert r.status_code == 303
    assert r.headers["location"].endswith("opgeslagen=ongewijzigd")
    assert pad.read_bytes() == inhoud
    # with a change the page writes the file; toets reads it and judges as before
    velden = zet(velden, "toelichting", "Aangevuld in de werkplek.")
    r = verstuur(
        c, f"/vergaderingen/{naam}/bewerk", zet(velden, "actie", "opslaan_zonder_opmerkingen")
    )
    assert r.status_code == 303, r.text
    assert oordelen_cli(pad) == voor
    assert "Aangevuld in de werkplek." in pad.read_text(encoding="utf-8")
    assert [v.pad.read_bytes() for v in geschiedenis(register, pad.name)] == [inhoud]


def test_opmerkingen_worden_eerst_gemeld(c: TestClient, register: Path) -> None:
    naam = "stuurgroep-2027-02-10"
    pad = register / f"{naam}.yaml"
    inhoud = pad.read_bytes()
    velden = zet(
        formuliervelden(c.get(f"/vergaderingen/{naam}/bewerk").text), "b1-stem-sg_ggd", "voor"
    )
    r = verstuur(c, f"/vergaderingen/{naam}/bewerk", zet(velden, "actie", "opslaan"))
    assert r.status_code == 200
    assert "opmerkingen (#) die bij opslaan" in r.text
    assert "# Coevorden is afwezig zonder schriftelijke inbreng (5.6)" in r.text
    assert pad.read_bytes() == inhoud  # nothing written before the user agrees


def test_stemmen_veranderen_het_oordeel_live(c: TestClient) -> None:
    naam = "stuurgroep-2027-02-10"
    velden = formuliervelden(c.get(f"/vergaderingen/{naam}/bewerk").text)
    # sg-2027-04 (personeel) ties 4–4: an impasse (5.7). One vote more makes it adopted.
    voor = dict(oordelen_pagina(verstuur(c, "/vergaderingen/toets", velden).text, velden))
    assert voor["sg-2027-04"] == "escaleren"
    velden = zet(velden, "b3-stem-sg_om", "voor")
    na = dict(oordelen_pagina(verstuur(c, "/vergaderingen/toets", velden).text, velden))
    assert na["sg-2027-04"] == "aangenomen"


def test_verouderde_opslag_wordt_geweigerd_en_niets_gaat_verloren(
    c: TestClient, register: Path
) -> None:
    naam = "stuurgroep-2027-05-12"
    pad = register / f"{naam}.yaml"
    tab1 = formuliervelden(c.get(f"/vergaderingen/{naam}/bewerk").text)
    tab2 = list(tab1)
    tab1 = zet(tab1, "toelichting", "Versie van tabblad 1")
    r = verstuur(
        c, f"/vergaderingen/{naam}/bewerk", zet(tab1, "actie", "opslaan_zonder_opmerkingen")
    )
    assert r.status_code == 303
    tab2 = zet(tab2, "toelichting", "Versie van tabblad 2")
    r = verstuur(
        c, f"/vergaderingen/{naam}/bewerk", zet(tab2, "actie", "opslaan_zonder_opmerkingen")
    )
    assert r.status_code == 409
    assert "iemand anders heeft deze vergadering opgeslagen" in r.text
    assert "Versie van tabblad 2" in r.text  # the refused input is still in the form
    assert "Versie van tabblad 1" in pad.read_text(encoding="utf-8")
    # the user chooses to keep theirs: tab 1's version goes into the history
    r = verstuur(
        c, f"/vergaderingen/{naam}/bewerk", zet(formuliervelden(r.text), "actie", "toch_opslaan")
    )
    assert r.status_code == 303
    assert "Versie van tabblad 2" in pad.read_text(encoding="utf-8")
    bewaard = [v.pad.read_text(encoding="utf-8") for v in geschiedenis(register, pad.name)]
    assert any("Versie van tabblad 1" in tekst for tekst in bewaard)


def test_nieuwe_vergadering_via_de_pagina(c: TestClient, register: Path) -> None:
    r = c.get("/vergaderingen/nieuw?orgaan=stuurgroep&datum=2027-11-17")
    velden = formuliervelden(r.text)
    assert ("aanwezig-sg_assen", "aanwezig") in velden  # everyone present to begin with
    velden = zet(velden, "inbreng_gevraagd_op", "2027-10-20")  # 5.2: without it, ongeldig
    velden = zet(velden, "b0-onderwerp", "Kaders 2028")
    velden = zet(velden, "b0-soort", "kaders_bijstellen")
    for lid in ("sg_assen", "sg_emmen", "sg_hoogeveen", "sg_politie", "sg_om", "sg_ggd"):
        velden = zet(velden, f"b0-stem-{lid}", "voor")
    # add a second besluit without JavaScript: the page comes back with one more block
    r = verstuur(c, "/vergaderingen/nieuw", zet(velden, "actie", "besluit_toevoegen"))
    velden = formuliervelden(r.text)
    eerste = dict(velden)["b0-id"]  # numbered on after the register's besluiten of 2027
    tweede = f"sg-2027-{int(eerste.rsplit('-', 1)[1]) + 1:02d}"
    assert ("b1-id", tweede) in velden
    velden = zet(zet(velden, "b1-onderwerp", "Communicatieplan"), "b1-soort", "beleid")
    r = verstuur(c, "/vergaderingen/nieuw", zet(velden, "actie", "opslaan"))
    assert r.status_code == 422  # the second besluit has no votes yet: nothing written
    assert "de stemmen ontbreken" in r.text
    assert not (register / "stuurgroep-2027-11-17.yaml").exists()
    velden = zet(formuliervelden(r.text), "b1-stem-sg_assen", "tegen")
    r = verstuur(c, "/vergaderingen/nieuw", zet(velden, "actie", "opslaan"))
    assert r.status_code == 303
    assert r.headers["location"] == "/vergaderingen/stuurgroep-2027-11-17?opgeslagen=ja"
    assert oordelen_cli(register / "stuurgroep-2027-11-17.yaml") == [
        (eerste, "aangenomen"),
        (tweede, "verworpen"),
    ]
    # a second meeting of the same orgaan on the same date is refused, not overwritten
    r = verstuur(c, "/vergaderingen/nieuw", zet(velden, "actie", "opslaan"))
    assert r.status_code == 409
    assert "Er is al een vergadering" in r.text


def test_geschiedenis_en_terugzetten(c: TestClient, register: Path) -> None:
    naam = "stuurgroep-2027-10-06"
    pad = register / f"{naam}.yaml"
    origineel = pad.read_bytes()
    velden = zet(
        formuliervelden(c.get(f"/vergaderingen/{naam}/bewerk").text), "toelichting", "Gewijzigd"
    )
    verstuur(c, f"/vergaderingen/{naam}/bewerk", zet(velden, "actie", "opslaan_zonder_opmerkingen"))
    pagina = c.get(f"/vergaderingen/{naam}/geschiedenis").text
    herstel = herstelformulier(pagina)
    r = verstuur(c, f"/vergaderingen/{naam}/geschiedenis/herstel", herstel)
    assert r.status_code == 303
    assert pad.read_bytes() == origineel
    assert len(geschiedenis(register, pad.name)) == 2  # the restore kept the changed version too
    # a made-up version name is not read, wherever it points
    kwaad = [(n, "../../bezetting.yaml" if n == "naam" else w) for n, w in herstel]
    assert verstuur(c, f"/vergaderingen/{naam}/geschiedenis/herstel", kwaad).status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/vergaderingen/bestaat-niet",
        "/vergaderingen/..%2F..%2Fetc%2Fpasswd",
        "/vergaderingen/bezetting",
        "/vergaderingen/verdeelsleutel/bewerk",
        "/vergaderingen/stuurgroep-2027-02-10/geschiedenis?naam=..%2F..%2Fbezetting.yaml",
    ],
)
def test_onbekende_of_kwaadaardige_ids(c: TestClient, url: str) -> None:
    r = c.get(url)
    assert r.status_code == 404
    assert "root:" not in r.text


def test_post_zonder_csrf_wordt_geweigerd(c: TestClient, register: Path) -> None:
    naam = "stuurgroep-2027-02-10"
    velden = [
        (n, w)
        for n, w in formuliervelden(c.get(f"/vergaderingen/{naam}/bewerk").text)
        if n != "csrf"
    ]
    inhoud = (register / f"{naam}.yaml").read_bytes()
    r = verstuur(
        c, f"/vergaderingen/{naam}/bewerk", zet(velden, "actie", "opslaan_zonder_opmerkingen")
    )
    assert r.status_code == 403
    assert (register / f"{naam}.yaml").read_bytes() == inhoud


def test_kapotte_vergadering_toont_fout_en_inhoud(c: TestClient, register: Path) -> None:
    (register / "partneroverleg-2027-09-01.yaml").write_text(
        "orgaan: partneroverleg\ndatum: 2027-09-01\nbesluiten: []\n<script>alert(1)</script>: x\n",
        encoding="utf-8",
    )
    r = c.get("/vergaderingen/partneroverleg-2027-09-01")
    assert r.status_code == 200
    assert "Dit bestand is niet te lezen" in r.text
    assert "partneroverleg-2027-09-01.yaml:" in r.text
    assert "<script>alert(1)</script>" not in r.text  # shown, escaped
    assert "&lt;script&gt;" in r.text
    assert c.get("/vergaderingen/partneroverleg-2027-09-01/bewerk").status_code == 409
    assert c.get("/vergaderingen").status_code == 200


def test_lijst_per_orgaan_en_jaar(c: TestClient) -> None:
    r = c.get("/vergaderingen?orgaan=partneroverleg&jaar=2027")
    assert r.status_code == 200
    assert "partneroverleg-2027-03-03" in r.text
    assert "stuurgroep-2027-02-10" not in r.text


def test_stemmen_als_aantallen_blijven_aantallen(c: TestClient, register: Path) -> None:
    pad = register / "stuurgroep-2027-10-06.yaml"
    tekst = pad.read_text(encoding="utf-8")
    velden = formuliervelden(c.get("/vergaderingen/stuurgroep-2027-10-06/bewerk").text)
    velden = zet(zet(velden, "b0-stemwijze", "aantallen"), "actie", "bijwerken")
    velden = formuliervelden(
        verstuur(c, "/vergaderingen/stuurgroep-2027-10-06/bewerk", velden).text
    )
    assert ("b0-aantal-voor", "") in velden  # the form now asks for the numbers
    for keuze, aantal in (("voor", "6"), ("tegen", "2"), ("onthouding", "1")):
        velden = zet(velden, f"b0-aantal-{keuze}", aantal)
    r = verstuur(
        c,
        "/vergaderingen/stuurgroep-2027-10-06/bewerk",
        zet(velden, "actie", "opslaan_zonder_opmerkingen"),
    )
    assert r.status_code == 303, r.text
    opgeslagen = pad.read_text(encoding="utf-8")
    assert opgeslagen != tekst
    assert "voor: 6" in opgeslagen
    assert "onthouding: 1" in opgeslagen
    assert oordelen_cli(pad)[0][1] == "aangenomen"
    # opened again, the counts are in the form and an unchanged save keeps the file
    velden = formuliervelden(c.get("/vergaderingen/stuurgroep-2027-10-06/bewerk").text)
    assert ("b0-stemwijze", "aantallen") in velden
    assert ("b0-aantal-tegen", "2") in velden
    r = verstuur(c, "/vergaderingen/stuurgroep-2027-10-06/bewerk", zet(velden, "actie", "opslaan"))
    assert r.headers["location"].endswith("opgeslagen=ongewijzigd")


def test_datum_zoals_getypt_wordt_een_iso_bestandsnaam(c: TestClient, register: Path) -> None:
    velden = formuliervelden(c.get("/vergaderingen/nieuw?orgaan=partneroverleg").text)
    velden = zet(velden, "datum", "17-11-2027")  # typed, where a browser has no date picker
    r = verstuur(c, "/vergaderingen/nieuw", zet(velden, "actie", "bijwerken"))
    assert ("datum", "2027-11-17") in formuliervelden(r.text)


def test_besluittekst_en_ja_nee_feiten_in_het_formulier(c: TestClient, register: Path) -> None:
    naam = "stuurgroep-2027-10-06"
    velden = formuliervelden(c.get(f"/vergaderingen/{naam}/bewerk").text)
    velden = zet(velden, "b0-tekst", "De Stuurgroep stelt de kaders vast.")
    velden = zet(velden, "b0-verwerkingsverantwoordelijkheid", "ja")
    r = verstuur(
        c, f"/vergaderingen/{naam}/bewerk", zet(velden, "actie", "opslaan_zonder_opmerkingen")
    )
    assert r.status_code == 303, r.text
    tekst = (register / f"{naam}.yaml").read_text(encoding="utf-8")
    assert "tekst: De Stuurgroep stelt de kaders vast." in tekst
    assert "verwerkingsverantwoordelijkheid: true" in tekst
    assert "De Stuurgroep stelt de kaders vast." in c.get(f"/vergaderingen/{naam}").text


def test_ander_orgaan_kiezen_vergeet_de_leden_van_het_vorige(c: TestClient) -> None:
    velden = formuliervelden(c.get("/vergaderingen/nieuw?orgaan=stuurgroep&datum=2027-11-17").text)
    velden = zet(zet(velden, "orgaan", "partneroverleg"), "actie", "bijwerken")
    r = verstuur(c, "/vergaderingen/nieuw", velden)
    namen = {n for n, _ in formuliervelden(r.text)}
    assert "aanwezig-po_gemeenten" in namen
    assert not any(n.startswith("aanwezig-sg_") or "-stem-sg_" in n for n in namen)


def test_andere_datum_en_direct_opslaan_stuurt_geen_leden_van_de_oude_datum(
    c: TestClient, register: Path
) -> None:
    # opened on a date of the 2026 bezetting (Meppel sits), then the date changed to one of
    # the 2027 bezetting and Opslaan pressed at once, without a re-render in between
    velden = formuliervelden(c.get("/vergaderingen/nieuw?orgaan=stuurgroep&datum=2026-11-29").text)
    assert ("aanwezig-sg_meppel", "aanwezig") in velden
    velden = zet(zet(velden, "datum", "2027-11-17"), "b0-onderwerp", "Jaarplan")
    velden = zet(velden, "b0-soort", "werkproces")
    r = verstuur(c, "/vergaderingen/nieuw", zet(velden, "actie", "opslaan"))
    assert "geen lid van dit orgaan" not in r.text
    assert "convenant leden" not in r.text
    assert not (register / "stuurgroep-2027-11-17.yaml").exists()  # first shown, not saved
    assert "17 november 2027" in r.text
    assert "Burgemeester van Meppel" in r.text
    namen = {n for n, _ in formuliervelden(r.text)}
    assert "aanwezig-sg_meppel" not in namen
    # once looked at (and the votes cast), it saves
    velden = formuliervelden(r.text)
    for stem in sorted(set(re.findall(r'name="(b0-stem-[^"]+)"', r.text))):
        velden = zet(velden, stem, "voor")
    r = verstuur(c, "/vergaderingen/nieuw", zet(velden, "actie", "opslaan"))
    assert r.status_code == 303, r.text
    assert "sg_meppel" not in (register / "stuurgroep-2027-11-17.yaml").read_text("utf-8")


def test_nieuw_besluitnummer_is_het_volgende_vrije_van_het_register(
    c: TestClient, register: Path
) -> None:
    bestaand = set(re.findall(r"id: (sg-2027-\d+)", "".join(
        p.read_text("utf-8") for p in register.glob("stuurgroep-*.yaml")
    )))  # fmt: skip
    assert "sg-2027-01" in bestaand
    velden = formuliervelden(c.get("/vergaderingen/nieuw?orgaan=stuurgroep&datum=2027-11-17").text)
    voorgesteld = dict(velden)["b0-id"]
    assert voorgesteld not in bestaand
    assert int(voorgesteld.rsplit("-", 1)[1]) == max(int(b.rsplit("-", 1)[1]) for b in bestaand) + 1
    # a second besluit added in the form takes the number after it
    r = verstuur(c, "/vergaderingen/nieuw", zet(velden, "actie", "besluit_toevoegen"))
    ids = [w for n, w in formuliervelden(r.text) if re.fullmatch(r"b\d-id", n)]
    assert len(set(ids)) == 2
    assert not set(ids) & bestaand


def test_besluitnummer_van_een_andere_vergadering_wordt_geweigerd(
    c: TestClient, register: Path
) -> None:
    velden = formuliervelden(c.get("/vergaderingen/nieuw?orgaan=stuurgroep&datum=2027-11-17").text)
    velden = zet(zet(velden, "b0-id", "sg-2027-01"), "b0-onderwerp", "Jaarplan")
    velden = zet(zet(velden, "b0-soort", "werkproces"), "actie", "opslaan")
    r = verstuur(c, "/vergaderingen/nieuw", velden)
    assert r.status_code == 409
    elders = next(
        p for p in register.glob("stuurgroep-*.yaml") if "id: sg-2027-01\n" in p.read_text("utf-8")
    )
    # the message names the other meeting, with its date in Dutch
    datum = dt.date.fromisoformat(elders.stem.removeprefix("stuurgroep-"))
    assert (
        f"sg-2027-01 is al een besluit van de vergadering van de Stuurgroep van {lang(datum)}"
        in r.text
    )
    assert not (register / "stuurgroep-2027-11-17.yaml").exists()


def test_melding_over_een_lid_wijst_naar_de_werkplek(c: TestClient, register: Path) -> None:
    pad = register / "stuurgroep-2027-02-10.yaml"
    tekst = pad.read_text("utf-8")
    pad.write_text(tekst.replace("[sg_assen, ", "[sg_nergens, ", 1), encoding="utf-8")
    r = c.get("/vergaderingen/stuurgroep-2027-02-10")
    assert "geen lid van dit orgaan" in r.text
    assert "convenant leden" not in r.text
    assert (
        '<a href="/vergaderingen/nieuw?orgaan=stuurgroep&amp;datum=2027-02-10">'
        "een nieuwe vergadering op 10 februari 2027</a> toont ze" in r.text
    )


def test_handgeschreven_aantallen_openen_en_ongewijzigd_opslaan(
    c: TestClient, register: Path
) -> None:
    # a file written by hand with votes as counts, not per member
    pad = register / "stuurgroep-2027-10-06.yaml"
    tekst = pad.read_text("utf-8").replace(
        "stemmen: {voor: alle}", "stemmen: {voor: 7, tegen: 2, onthouding: 1}"
    )
    pad.write_text(tekst, encoding="utf-8")
    voor = oordelen_cli(pad)
    velden = formuliervelden(c.get("/vergaderingen/stuurgroep-2027-10-06/bewerk").text)
    assert ("b0-stemwijze", "aantallen") in velden
    assert ("b0-aantal-voor", "7") in velden
    assert ("b0-aantal-tegen", "2") in velden
    assert ("b0-aantal-onthouding", "1") in velden
    r = verstuur(c, "/vergaderingen/stuurgroep-2027-10-06/bewerk", zet(velden, "actie", "opslaan"))
    assert r.headers["location"].endswith("opgeslagen=ongewijzigd")
    # saved anyway (the comment dropped): the counts stay counts
    r = verstuur(
        c,
        "/vergaderingen/stuurgroep-2027-10-06/bewerk",
        zet(
            zet(velden, "toelichting", "Aantallen uit de notulen."),
            "actie",
            "opslaan_zonder_opmerkingen",
        ),
    )
    assert r.status_code == 303, r.text
    opgeslagen = pad.read_text("utf-8")
    assert "voor: 7" in opgeslagen
    assert "tegen: 2" in opgeslagen
    assert "onthouding: 1" in opgeslagen
    assert oordelen_cli(pad) == voor


def test_ander_jaar_kiezen_geeft_een_nummer_van_dat_jaar(c: TestClient) -> None:
    velden = formuliervelden(c.get("/vergaderingen/nieuw?orgaan=stuurgroep&datum=2026-11-29").text)
    assert dict(velden)["b0-id"].startswith("sg-2026-")
    velden = zet(zet(velden, "datum", "2027-11-17"), "actie", "bijwerken")
    nu = dict(formuliervelden(verstuur(c, "/vergaderingen/nieuw", velden).text))["b0-id"]
    assert (
        nu
        == dict(
            formuliervelden(c.get("/vergaderingen/nieuw?orgaan=stuurgroep&datum=2027-11-17").text)
        )["b0-id"]
    )
