"""Issue 26: the second round of hardening, one test (or a few) per finding.

Each test drives what a user (or an attacker) does: a file in the register, a request to the
workplace or the API, a command. A test that would hang on the old code runs under an alarm,
so it fails instead of blocking the suite.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.scenario_runners import draai

VOORBEELDEN = Path(__file__).resolve().parents[1] / "examples"


@contextmanager
def binnen(seconden: int) -> Iterator[None]:
    """Fail (rather than hang) when the block takes longer than `seconden`."""

    def te_lang(signum: int, frame: object) -> None:
        raise AssertionError(f"duurde langer dan {seconden} s")

    oud = signal.signal(signal.SIGALRM, te_lang)
    signal.alarm(seconden)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, oud)


# --- 1. an alias inside its own anchor ----------------------------------------------------------

CYCLUS = """\
datum: 2027-05-12
kosten: &a1
  - post: x
    bedrag: *a1
"""


def test_een_anker_dat_zichzelf_bevat_wordt_snel_geweigerd_met_zijn_regel(tmp_path: Path) -> None:
    pad = tmp_path / "begroting.yaml"
    pad.write_text(CYCLUS, encoding="utf-8")
    with binnen(5):  # a guard against the old hang, not a speed test (that is bench/)
        code, _, fout = draai(["simuleer", "liquidatie", "--begroting", str(pad)])
    assert code == 2
    # the place is the alias that refers back (line 4), and the message says what to do
    assert f"{pad}:4:13: " in fout, fout
    assert "*a1 verwijst naar zichzelf" in fout, fout


@pytest.mark.parametrize(
    "tekst",
    [
        "a: &x [1, *x]\n",
        "a: &x {b: *x}\n",
        "a: &x\n  b:\n    - c: &y [*x]\n",
    ],
)
def test_elke_kringverwijzing_is_een_melding_met_regel(tmp_path: Path, tekst: str) -> None:
    from governance.errors import InvoerFout
    from governance.loader import lees_yaml

    pad = tmp_path / "x.yaml"
    pad.write_text(tekst, encoding="utf-8")
    with binnen(10), pytest.raises(InvoerFout) as e:
        lees_yaml(pad)
    (melding,) = e.value.meldingen
    assert melding.regel is not None
    assert "verwijst naar zichzelf" in melding.tekst


# --- 2. odd names in a register folder ----------------------------------------------------------

PAGINAS = [
    "/",
    "/vergaderingen",
    "/convenant",
    "/agenda.ics",
    "/toetredingen",
    "/vergaderingen/nieuw",
]


def _vreemd(register: Path, soort: str) -> str:
    """Put an odd entry into the register; returns the name the overview should list."""
    voorbeeld = (register / "stuurgroep-2027-02-10.yaml").read_bytes()
    if soort == "symlink":
        (register / "gelinkt.yaml").symlink_to(register / "stuurgroep-2027-02-10.yaml")
        return "gelinkt.yaml"
    if soort == "map":
        (register / "x.yaml").mkdir()
        return "x.yaml"
    if soort == "slot":  # an editor's lock file: a link to nowhere
        (register / ".#x.yaml").symlink_to("root@host.1234:1700000000")
        return ".#x.yaml"
    (register / soort).write_bytes(voorbeeld)
    return soort


@pytest.mark.parametrize(
    "soort", ["_concept.yaml", "Stuurgroep 3 nov.yaml", "slot", "map", "symlink", ".verborgen.yaml"]
)
def test_een_vreemde_naam_in_het_register_breekt_geen_pagina(tmp_path: Path, soort: str) -> None:
    from tests.web_hulp import client, kopieer_register

    register = kopieer_register(tmp_path / "register")
    naam = _vreemd(register, soort)
    c = client(register)
    for url in PAGINAS:
        antwoord = c.get(url)
        assert antwoord.status_code == 200, f"{url}: {antwoord.status_code} {antwoord.text[:300]}"
    overzicht = c.get("/").text
    assert "niet te lezen" in overzicht
    deel = overzicht.split('id="kapot-kop"', 1)[1].split("</section>", 1)[0]
    assert naam.replace(" ", " ") in deel.replace("&#39;", "'"), deel
    # the reason, in words a secretaris understands
    assert any(
        reden in deel
        for reden in ("bestandsnaam", "een map", "verwijzing (symlink)", "geen gewoon bestand")
    ), deel


# --- 6. security headers ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("methode", "url"),
    [
        ("get", "/"),
        ("get", "/vergaderingen/stuurgroep-2027-02-10/geschiedenis"),
        ("get", "/static/werkplek.css"),
        ("get", "/api/v1/partijen"),
        ("get", "/bestaat-niet"),
        ("post", "/vergaderingen/nieuw"),  # refused (no CSRF): the refusal carries them too
    ],
)
def test_elk_antwoord_heeft_de_beveiligingskoppen(tmp_path: Path, methode: str, url: str) -> None:
    from tests.web_hulp import client, kopieer_register

    c = client(kopieer_register(tmp_path / "register"))
    antwoord = getattr(c, methode)(url)
    beleid = antwoord.headers.get("content-security-policy", "")
    assert "frame-ancestors 'self'" in beleid
    assert "default-src 'self'" in beleid
    assert antwoord.headers.get("x-frame-options") == "SAMEORIGIN"
    assert antwoord.headers.get("referrer-policy") == "no-referrer"
    assert antwoord.headers.get("x-content-type-options") == "nosniff"


def test_ook_een_geweigerde_host_heeft_de_beveiligingskoppen(tmp_path: Path) -> None:
    from tests.web_hulp import client, kopieer_register

    c = client(kopieer_register(tmp_path / "register"))
    antwoord = c.get("/", headers={"host": "aanvaller.example"})
    assert antwoord.status_code == 400
    assert antwoord.headers.get("x-frame-options") == "SAMEORIGIN"
