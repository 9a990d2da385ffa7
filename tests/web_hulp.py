"""Helpers for the workplace tests: a private copy of the example register and a client."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi.testclient import TestClient

from convenant.web.app import maak_app
from convenant.web.werkplek import Werkplek

VOORBEELDEN = Path(__file__).resolve().parent.parent / "examples"


def kopieer_register(doel: Path) -> Path:
    """The example meetings, bezetting, verdeelsleutel and house style with its logo (not
    casus: never served)."""
    doel.mkdir(parents=True, exist_ok=True)
    for pad in [*VOORBEELDEN.glob("*.yaml"), *VOORBEELDEN.glob("*.png")]:
        shutil.copy2(pad, doel / pad.name)
    return doel


def client(register: Path, **opties: object) -> TestClient:
    return TestClient(maak_app(Werkplek(register), **opties), follow_redirects=False)  # type: ignore[arg-type]


def csrf(html: str) -> str:
    gevonden = re.search(r'name="csrf" value="([^"]+)"', html) or re.search(
        r'"X-CSRF-Token": "([^"]+)"', html
    )
    assert gevonden, "de pagina heeft geen CSRF-veld"
    return gevonden.group(1)


class _FormLezer(HTMLParser):
    """The fields a browser would send for the form with id `formulier` (no buttons)."""

    def __init__(self, form_id: str) -> None:
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.binnen = False
        self.velden: list[tuple[str, str]] = []
        self._select: str | None = None
        self._gekozen: str | None = None
        self._eerste: str | None = None
        self._textarea: str | None = None
        self._tekst: list[str] = []
        self._optie: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "form" and a.get("id") == self.form_id:
            self.binnen = True
        if not self.binnen or "disabled" in a:
            return
        naam = a.get("name")
        if tag == "input" and naam:
            soort = a.get("type", "text")
            if soort in ("radio", "checkbox"):
                if "checked" in a:
                    self.velden.append((naam, a.get("value") or "on"))
            elif soort not in ("submit", "button"):
                self.velden.append((naam, a.get("value") or ""))
        elif tag == "select" and naam:
            self._select, self._gekozen, self._eerste = naam, None, None
        elif tag == "option" and self._select is not None:
            waarde = a.get("value") or ""
            if self._eerste is None:
                self._eerste = waarde
            if "selected" in a:
                self._gekozen = waarde
        elif tag == "textarea" and naam:
            self._textarea, self._tekst = naam, []

    def handle_endtag(self, tag: str) -> None:
        if tag == "form" and self.binnen:
            self.binnen = False
        elif tag == "select" and self._select is not None:
            self.velden.append(
                (self._select, self._gekozen if self._gekozen is not None else self._eerste or "")
            )
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            self.velden.append((self._textarea, "".join(self._tekst).removeprefix("\n")))
            self._textarea = None

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._tekst.append(data)


def formuliervelden(html: str, form_id: str = "formulier") -> list[tuple[str, str]]:
    lezer = _FormLezer(form_id)
    lezer.feed(html)
    return lezer.velden


def zet(velden: list[tuple[str, str]], naam: str, waarde: str) -> list[tuple[str, str]]:
    """The fields with `naam` set to `waarde` (as a radio button or a text field would)."""
    return [(n, w) for n, w in velden if n != naam] + [(naam, waarde)]


def verstuur(c: TestClient, url: str, velden: list[tuple[str, str]]) -> Any:
    """POST the fields as a browser posts a form (repeated names kept, in order)."""
    return c.post(
        url,
        content=urlencode(velden),
        headers={"content-type": "application/x-www-form-urlencoded"},
    )


def herstelformulier(pagina: str) -> list[tuple[str, str]]:
    """The fields of the first 'terugzetten' form of a history page."""
    return formuliervelden(
        pagina.replace(
            '<form method="post" action="/vergaderingen/',
            '<form id="h" method="post" action="/vergaderingen/',
            1,
        ),
        "h",
    )
