"""No internal code in what a secretaris reads: every page reachable from the overview of the
example register, its visible text outside a "technische details" disclosure, holds no
snake_case id and no command line (issue 22, "Words a secretaris uses")."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser

import pytest

from tests.web_hulp import VOORBEELDEN, client, kopieer_register

CODE = re.compile(r"\b[a-z][a-z0-9]*_[a-z0-9_]+\b")
OPDRACHT = re.compile(
    r"\bconvenant (?:toets|maak|valideer|simuleer|jaaroverzicht|web|lezingen|partijen|casus)\b"
    r"|(?<![\w-])--[a-z][a-z-]+"
)

# a meeting or dossier by its file (a meeting is named by its orgaan and date), Markdown that
# was not rendered, and the English a secretaris was shown for a download or the API
BESTAND = re.compile(
    r"\b[a-z]+-\d{4}-\d{2}-\d{2}(?:\.ya?ml)?\b|\b[\w./-]+\.ya?ml\b|\btoetredingen/\S*"
    r"|\bbegrotingen/\S*"
)
# an orgaan inside a sentence as a reader says it: "aan de twaalf colleges", "aan het
# Partneroverleg", never its capitalised title or its bare name
ZINSNAAM = re.compile(r"\baan (?:De|Het) \w+|\baan (?:Partneroverleg|Stuurgroep)\b")
MARKDOWN = re.compile(r"\*\*\w|`\w|\]\(/")
ENGELS = re.compile(r"\b(?:Download|API|JSON|curl|Bearer|Markdown)\b")
# a page is not the terminal: "the same rules as on the command line" tells a secretaris nothing
TERMINAL = re.compile(r"\bopdrachtregel\b", re.IGNORECASE)
# the program is not "de motor" to a secretaris (issue 22: "de regels" or similar)
MOTOR = re.compile(r"\bmotor\b", re.IGNORECASE)


class _Zichtbaar(HTMLParser):
    """The text a reader sees, minus scripts, styles and technical-details disclosures."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tekst: list[str] = []
        self.links: list[str] = []
        self._verborgen = 0
        self._details: list[bool] = []  # per open <details>: is it a technical one?
        self._in_summary = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self.links.append(a["href"] or "")
        if tag in ("script", "style", "template"):
            self._verborgen += 1
        elif tag == "details":
            self._details.append(False)
        elif tag == "summary":
            self._in_summary = True

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "template"):
            self._verborgen -= 1
        elif tag == "details" and self._details:
            self._details.pop()
        elif tag == "summary":
            self._in_summary = False

    def handle_data(self, data: str) -> None:
        if self._verborgen:
            return
        if self._in_summary and self._details and "technische details" in data.lower():
            self._details[-1] = True
        if not any(self._details):
            self.tekst.append(data)


def interne_codes(html: str) -> set[str]:
    """The internal codes in the visible text of a page (outside "technische details")."""
    lezer = _Zichtbaar()
    lezer.feed(html)
    tekst = " ".join(lezer.tekst)
    codes: set[str] = set()
    for patroon in (CODE, OPDRACHT, BESTAND, MARKDOWN, ENGELS, MOTOR, ZINSNAAM, TERMINAL):
        codes |= set(patroon.findall(tekst))
    return codes


def test_geen_interne_codes_in_de_zichtbare_tekst(tmp_path_factory: pytest.TempPathFactory) -> None:
    # a folder name of its own: the documents page names the register's folder
    register = kopieer_register(tmp_path_factory.mktemp("zichtbaar") / "register")
    # with its toetreding dossier and documents, so their pages are read too
    for map_ in ("toetredingen", "documenten"):
        shutil.copytree(VOORBEELDEN / map_, register / map_)
    c = client(register)
    gezien: set[str] = set()
    # the overview of the example year too (today it opens on the current one)
    te_doen = ["/", "/?jaar=2027"]
    gevonden: dict[str, set[str]] = {}
    while te_doen:
        url = te_doen.pop()
        if url in gezien:
            continue
        gezien.add(url)
        r = c.get(url)
        if r.status_code != 200 or not r.headers["content-type"].startswith("text/html"):
            continue
        lezer = _Zichtbaar()
        lezer.feed(r.text)
        if codes := interne_codes(r.text):
            gevonden[url] = codes
        for link in lezer.links:
            link = link.split("#")[0]
            # the JSON API speaks in ids by design; a document download is no page
            # (its own page /api/v1/ is for a secretaris too)
            if link == "/api/v1/" or (
                link.startswith("/") and not link.startswith(("/api", "/static"))
            ):
                if "/documenten/" in link or "formaat=" in link or link in gezien:
                    continue
                te_doen.append(link)
    assert len(gezien) > 40  # the overview reaches every meeting, besluit and procedure
    assert gevonden == {}, "\n".join(f"{u}: {sorted(c)}" for u, c in sorted(gevonden.items()))
