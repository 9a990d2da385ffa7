"""Every route of the workplace, for every role and for anonymous, against who may do what.

The table below is the specification (issue 23), written apart from the app's own table
(convenant/web/rechten.py): a route that neither names is for the secretariat only. The walk
takes the routes from the app itself, so a page added later is walked too.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from convenant import toegang
from convenant.web.app import maak_app
from convenant.web.beveiliging import SESSIE_COOKIE
from convenant.web.rechten import routes
from convenant.web.werkplek import Werkplek
from tests.web_hulp import VOORBEELDEN, kopieer_register

IEDEREEN = {"anoniem", "secretaris", "voorzitter", "contactpersoon", "ander", "beheerder"}
INGELOGD = IEDEREEN - {"anoniem"}
SECRETARIAAT = {"secretaris", "voorzitter"}
# "contactpersoon" is the contactpersoon of the Partij in the path (Assen); "ander" the
# contactpersoon of another Partij (Emmen).
VERWACHT: dict[tuple[str, str], set[str]] = {
    ("GET", "/inloggen"): IEDEREEN,
    ("POST", "/inloggen"): IEDEREEN,
    ("POST", "/uitloggen"): IEDEREEN,
    ("GET", "/inloggen/sso"): IEDEREEN,
    ("GET", "/inloggen/sso/terug"): IEDEREEN,
    ("GET", "/eenmalig/{sleutel}"): IEDEREEN,
    ("POST", "/eenmalig/{sleutel}"): IEDEREEN,
    ("GET", "/account"): INGELOGD,
    ("POST", "/account/wachtwoord"): INGELOGD,
    ("GET", "/convenant"): INGELOGD,
    ("GET", "/agenda/{geheim}.ics"): IEDEREEN,
    ("GET", "/beheer/accounts"): {"beheerder"},
    ("POST", "/beheer/accounts"): {"beheerder"},
    ("POST", "/beheer/accounts/{nr}/herstel"): {"beheerder"},
    ("POST", "/beheer/accounts/{nr}/actief"): {"beheerder"},
    ("GET", "/spoor"): SECRETARIAAT | {"beheerder"},
    ("GET", "/partijen/{partij}"): SECRETARIAAT | {"contactpersoon"},
    ("POST", "/partijen/{partij}/toetredingen/{dossier}"): SECRETARIAAT | {"contactpersoon"},
    ("GET", "/partijen/{partij}/toetredingen/{dossier}/kennisgeving"): SECRETARIAAT
    | {"contactpersoon"},
    ("POST", "/partijen/{partij}/inbreng/{vergadering}"): SECRETARIAAT | {"contactpersoon"},
    # a document on the agenda of a meeting where the Partij sits: read-only, its own Partij's
    ("GET", "/partijen/{partij}/stukken/{sleutel}/{naam}"): SECRETARIAAT | {"contactpersoon"},
    # a new register beside this one (the example is no empty register): the beheerder's
    ("GET", "/inrichten"): {"beheerder"},
    ("POST", "/inrichten"): {"beheerder"},
}

VOORBEELDWAARDEN = {
    "id_": "stuurgroep-2027-02-10",
    "vergadering": "stuurgroep-2027-10-06",
    "partij": "assen",
    "dossier": "voorbeeldzorg",
    "besluit": "sg-2027-01",
    "soort": "onbekend",
    "sleutel": "onbekend",
}


def _routes(app: FastAPI) -> list[tuple[str, str]]:
    return [
        (methode, pad)
        for pad, route in routes(app.routes)
        for methode in sorted(route.methods or ())
        if methode != "HEAD"
    ]


def _pad(sjabloon: str, nr: int) -> str:
    def waarde(m: re.Match[str]) -> str:
        naam = m.group(1).split(":")[0]
        return str(nr) if naam == "nr" else VOORBEELDWAARDEN.get(naam, "onbekend")

    return re.sub(r"\{([^}]+)\}", waarde, sjabloon)


@pytest.fixture(scope="module")
def opstelling(tmp_path_factory: pytest.TempPathFactory) -> tuple[TestClient, Path, int]:
    register = kopieer_register(tmp_path_factory.mktemp("rechten") / "register")
    shutil.copytree(VOORBEELDEN / "toetredingen", register / "toetredingen")
    ww = "een-lang-wachtwoord"
    toegang.maak_account(register, "sec", "secretaris", ww)
    toegang.maak_account(register, "vz", "voorzitter", ww)
    toegang.maak_account(register, "assen", "contactpersoon", ww, partij="assen")
    toegang.maak_account(register, "emmen", "contactpersoon", ww, partij="emmen")
    toegang.maak_account(register, "beheer", "beheerder", ww)
    proef = toegang.maak_account(register, "proef", "secretaris", ww)  # the beheerder's target
    assert proef.id is not None
    app = maak_app(Werkplek(register))
    client = TestClient(app, follow_redirects=False)
    client.app_zelf = app
    return client, register, proef.id


NAMEN = {
    "secretaris": "sec",
    "voorzitter": "vz",
    "contactpersoon": "assen",
    "ander": "emmen",
    "beheerder": "beheer",
}


def test_elke_route_voor_elke_rol_volgens_de_tabel(
    opstelling: tuple[TestClient, Path, int],
) -> None:
    client, register, proef = opstelling
    app = client.app_zelf
    routes = _routes(app)
    assert len(routes) > 40  # the walk sees the whole app, not a few pages
    geheim = toegang.geheim(register)
    accounts = {a["naam"]: a["id"] for a in toegang.accounts(register)}
    afwijkend = []
    for rol in sorted(IEDEREEN):
        for methode, sjabloon in routes:
            client.cookies.clear()
            if rol != "anoniem":
                # a fresh session per request: a route such as /uitloggen ends it
                gebruiker = toegang.account(register, int(accounts[NAMEN[rol]]))  # type: ignore[call-overload]
                assert gebruiker is not None
                sleutel = toegang.nieuwe_sessie(register, gebruiker)
                client.cookies.set(SESSIE_COOKIE, toegang.onderteken(geheim, sleutel))
            pad = _pad(sjabloon, proef)
            data = {"csrf": app.state.csrf}
            r = client.get(pad) if methode == "GET" else client.request(methode, pad, data=data)
            geweigerd = (
                (r.status_code == 401 and "Inloggen nodig" in r.text)
                or (r.status_code == 303 and r.headers["location"].startswith("/inloggen?"))
                or (r.status_code == 403 and "Geen toegang" in r.text)
            )
            if geweigerd:
                assert r.status_code == (403 if rol != "anoniem" else r.status_code), pad
            toegestaan = rol in VERWACHT.get((methode, sjabloon), SECRETARIAAT)
            # the start page sends a contactpersoon and a beheerder on to their own page
            if sjabloon == "/" and rol in ("contactpersoon", "ander", "beheerder"):
                geweigerd = r.status_code == 303 and not r.headers["location"].startswith("/inl")
            if toegestaan == geweigerd:
                afwijkend.append(f"{rol} {methode} {pad}: {r.status_code}")
    assert not afwijkend, "\n".join(afwijkend)


def test_contactpersoon_ziet_een_andere_partij_niet_en_bewerkt_geen_vergadering(
    opstelling: tuple[TestClient, Path, int],
) -> None:
    client, register, _ = opstelling
    client.cookies.clear()
    gebruiker = next(
        toegang.account(register, int(a["id"]))  # type: ignore[call-overload]
        for a in toegang.accounts(register)
        if a["naam"] == "assen"
    )
    assert gebruiker is not None
    client.cookies.set(
        SESSIE_COOKIE,
        toegang.onderteken(toegang.geheim(register), toegang.nieuwe_sessie(register, gebruiker)),
    )
    assert client.get("/partijen/emmen").status_code == 403
    assert client.get("/toetredingen/voorbeeldzorg").status_code == 403
    assert client.get("/vergaderingen/stuurgroep-2027-02-10/bewerk").status_code == 403
    assert client.get("/partijen/assen").status_code == 200


def test_zonder_accounts_vraagt_de_werkplek_op_deze_computer_niets(tmp_path: Path) -> None:
    register = kopieer_register(tmp_path / "register")
    client = TestClient(maak_app(Werkplek(register)), follow_redirects=False)
    assert client.get("/").status_code == 200
    assert client.get("/vergaderingen/stuurgroep-2027-02-10/bewerk").status_code == 200


def test_met_accounts_vraagt_ook_deze_computer_om_inloggen(tmp_path: Path) -> None:
    register = kopieer_register(tmp_path / "register")
    toegang.maak_account(register, "sec", "secretaris", "een-lang-wachtwoord")
    client = TestClient(maak_app(Werkplek(register)), follow_redirects=False)
    r = client.get("/vergaderingen")
    assert r.status_code == 303
    assert r.headers["location"] == "/inloggen?terug=/vergaderingen"
    assert client.get("/api/v1/partijen").status_code == 401
