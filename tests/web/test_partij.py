"""A Partij's own page (issue 23): what is asked of it, its answers into the register, and what
it may not see."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from convenant import toegang
from convenant.web.app import maak_app
from convenant.web.beveiliging import SESSIE_COOKIE
from convenant.web.werkplek import Werkplek
from tests.scenario_runners import draai
from tests.web.test_post import dossier_zonder_kennisgeving
from tests.web_hulp import csrf, kopieer_register

WW = "een-lang-wachtwoord"


@pytest.fixture
def register(tmp_path: Path) -> Path:
    r = kopieer_register(tmp_path / "register")
    dossier_zonder_kennisgeving(r)
    with (r / "toetredingen" / "voorbeeldzorg.yaml").open("a", encoding="utf-8") as f:
        f.write("kennisgeving_op: 2026-12-01\n")
    return r


def als(register: Path, naam: str, partij: str | None) -> TestClient:
    rol = "contactpersoon" if partij else "secretaris"
    g = toegang.maak_account(register, naam, rol, WW, naam.title(), partij)
    c = TestClient(maak_app(Werkplek(register)), follow_redirects=False)
    sleutel = toegang.nieuwe_sessie(register, g)
    c.cookies.set(SESSIE_COOKIE, toegang.onderteken(toegang.geheim(register), sleutel))
    return c


def oordeel(register: Path, vergadering: str, besluit: str) -> str:
    code, uit, fout = draai(["toets", str(register / f"{vergadering}.yaml"), "--json"])
    assert code in (0, 1), fout
    return str(next(b["oordeel"] for b in json.loads(uit)["besluiten"] if b["id"] == besluit))


def test_antwoord_komt_in_het_dossier_met_wie_en_wanneer(register: Path) -> None:
    assen = als(register, "anna", "assen")
    pagina = assen.get("/partijen/assen")
    assert "Toetreding van Stichting Voorbeeldzorg Drenthe" in pagina.text
    assert "29 december 2026" in pagina.text  # four weeks from the notice: its deadline
    r = assen.post(
        "/partijen/assen/toetredingen/voorbeeldzorg",
        data={"csrf": csrf(pagina.text), "antwoord": "bezwaar", "toelichting": "Te vroeg."},
    )
    assert r.status_code == 303
    dossier = (register / "toetredingen" / "voorbeeldzorg.yaml").read_text(encoding="utf-8")
    assert "partij: assen" in dossier
    assert "antwoord: bezwaar" in dossier
    assert "door: Anna" in dossier
    assert "toelichting: Te vroeg." in dossier
    # back on the page, the form holds the answer given, to change rather than retype
    terug = assen.get("/partijen/assen").text
    assert 'value="bezwaar" checked' in terug
    assert 'value="akkoord" required>' in terug  # not checked
    assert ">Te vroeg.</textarea>" in terug


def test_geen_antwoorden_van_anderen_tot_de_uitkomst_is_vastgelegd(register: Path) -> None:
    emmen = als(register, "erik", "emmen")
    pagina = emmen.get("/partijen/emmen").text
    emmen.post(
        "/partijen/emmen/toetredingen/voorbeeldzorg",
        data={"csrf": csrf(pagina), "antwoord": "bezwaar"},
    )
    assen = als(register, "anna", "assen")
    assert "Emmen" not in assen.get("/partijen/assen").text
    assert assen.get("/partijen/emmen").status_code == 403
    assert assen.get("/toetredingen/voorbeeldzorg").status_code == 403
    # once the secretaris recorded the Stuurgroep's besluit, the answers are no secret
    with (register / "toetredingen" / "voorbeeldzorg.yaml").open("a", encoding="utf-8") as f:
        f.write("besluit_stuurgroep: {datum: 2027-05-12, besluit: sg-2027-09}\n")
    tekst = assen.get("/partijen/assen").text
    assert "Gemeente Emmen: bezwaar" in tekst
    # and no answer can be given any more
    r = assen.post(
        "/partijen/assen/toetredingen/voorbeeldzorg",
        data={"csrf": csrf(tekst), "antwoord": "akkoord"},
    )
    assert "al besloten" in r.headers["location"].replace("%20", " ")


def test_schriftelijke_inbreng_bij_afwezigheid_telt_in_het_oordeel(register: Path) -> None:
    # Coevorden's member is absent on 10 February 2027 without written inbreng, so the besluit
    # that affects Coevorden is held (5.6); Coevorden gives it on its own page
    assert oordeel(register, "stuurgroep-2027-02-10", "sg-2027-02") == "aangehouden"
    coevorden = als(register, "cor", "coevorden")
    pagina = coevorden.get("/partijen/coevorden").text
    assert "Het lid van uw Partij is bij deze vergadering afwezig" in pagina
    r = coevorden.post(
        "/partijen/coevorden/inbreng/stuurgroep-2027-02-10",
        data={"csrf": csrf(pagina), "tekst": "Coevorden kan instemmen met de verdeling."},
    )
    assert r.status_code == 303
    assert "opgeslagen=inbreng" in r.headers["location"]
    tekst = (register / "stuurgroep-2027-02-10.yaml").read_text(encoding="utf-8")
    assert "# Voorbeeld" in tekst  # the secretaris's comments stay
    assert "Coevorden kan instemmen met de verdeling." in tekst
    assert oordeel(register, "stuurgroep-2027-02-10", "sg-2027-02") != "aangehouden"
    # the contactpersoon still cannot edit the meeting itself
    assert coevorden.get("/vergaderingen/stuurgroep-2027-02-10/bewerk").status_code == 403
    assert (
        coevorden.post(
            "/vergaderingen/stuurgroep-2027-02-10/bewerk", data={"csrf": csrf(pagina)}
        ).status_code
        == 403
    )


def test_inbreng_voor_de_stuurgroep(register: Path) -> None:
    assen = als(register, "anna", "assen")
    pagina = assen.get("/partijen/assen").text
    assert "De Stuurgroep vraagt vóór haar besluiten om inbreng van de Partijen (5.2)" in pagina
    r = assen.post(
        "/partijen/assen/inbreng/stuurgroep-2027-10-06",
        data={"csrf": csrf(pagina), "tekst": "Graag aandacht voor de wachttijden."},
    )
    assert r.status_code == 303
    # a second inbreng is added under the first
    assen.post(
        "/partijen/assen/inbreng/stuurgroep-2027-10-06",
        data={"csrf": csrf(pagina), "tekst": "En voor de bereikbaarheid."},
    )
    tekst = (register / "stuurgroep-2027-10-06.yaml").read_text(encoding="utf-8")
    assert tekst.count("partij: assen") == 2
    assert oordeel(register, "stuurgroep-2027-10-06", "sg-2027-14") == "aangenomen"


def test_te_lange_inbreng_blijft_staan(register: Path) -> None:
    assen = als(register, "anna", "assen")
    pagina = assen.get("/partijen/assen").text
    lang = "Een zin over de wachttijden. " * 1000
    r = assen.post(
        "/partijen/assen/inbreng/stuurgroep-2027-10-06",
        data={"csrf": csrf(pagina), "tekst": lang},
    )
    assert r.status_code == 422
    assert "kort haar in" in r.text
    assert lang.strip()[:200] in r.text  # what was typed is not lost
    assert "inbreng:" not in (register / "stuurgroep-2027-10-06.yaml").read_text(encoding="utf-8")


PDF = b"%PDF-1.4\n% een klein stuk\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def _plan_met_stuk(sec: TestClient, orgaan: str, datum: str, onderwerp: str) -> str:
    import re

    pagina = sec.get("/planning").text
    versie = re.search(r'name="versie" value="([^"]*)"', pagina)
    assert versie
    r = sec.post(
        "/planning",
        data={"csrf": csrf(pagina), "versie": versie.group(1), "orgaan": orgaan, "datum": datum},
    )
    assert r.status_code == 303, r.text
    sleutel = f"{orgaan}-{datum}"
    pagina = sec.get(f"/planning/{sleutel}").text
    versie = re.search(r'name="versie" value="([^"]*)"', pagina)
    assert versie
    r = sec.post(
        f"/planning/{sleutel}/punten",
        data={
            "csrf": csrf(pagina),
            "versie": versie.group(1),
            "onderwerp": onderwerp,
            "doel": "bespreking",
        },
        files={"stuk": (f"{onderwerp}.pdf", PDF, "application/pdf")},
    )
    assert r.status_code == 303, r.text
    return sleutel


def test_contactpersoon_leest_de_agendas_van_de_organen_waar_de_partij_zit(
    register: Path,
) -> None:
    """Assen sits in the Stuurgroep and (by the joint delegate, 6.7) in the Partneroverleg;
    DJI only in the Partneroverleg. Each reads those agendas and their documents, read-only,
    and nothing of an orgaan where it does not sit."""
    sec = als(register, "sec", None)
    sg = _plan_met_stuk(sec, "stuurgroep", "2027-01-20", "Jaarplan")
    po = _plan_met_stuk(sec, "partneroverleg", "2027-04-07", "Werkproces")
    assen = als(register, "anna", "assen")
    dji = als(register, "dirk", "dji")

    pagina = assen.get("/partijen/assen").text
    assert f'id="agenda-{sg}"' in pagina
    assert f'id="agenda-{po}"' in pagina
    r = assen.get(f"/partijen/assen/stukken/{sg}/jaarplan.pdf")
    assert r.status_code == 200
    assert r.content == PDF

    pagina = dji.get("/partijen/dji").text
    assert f'id="agenda-{po}"' in pagina
    assert f'id="agenda-{sg}"' not in pagina
    assert "jaarplan.pdf" not in pagina  # its documents are not linked
    assert dji.get(f"/partijen/dji/stukken/{po}/werkproces.pdf").content == PDF
    # not the Stuurgroep's document, not by another address, not another Partij's page
    assert dji.get(f"/partijen/dji/stukken/{sg}/jaarplan.pdf").status_code == 404
    assert dji.get(f"/partijen/assen/stukken/{sg}/jaarplan.pdf").status_code == 403
    assert dji.get(f"/planning/{sg}/stukken/jaarplan.pdf").status_code == 403
    assert dji.get(f"/planning/{po}").status_code == 403
    # only what an agenda names
    assert assen.get(f"/partijen/assen/stukken/{sg}/..%2Fplanning.yaml").status_code == 404
