"""No PDF page ends in a heading: a heading, a subtitle under it, or a sentence that leads
into a list or table never sits at the foot of a page with what it introduces on the next.

Every document kind is made from the examples and from variants that grow one part (rows,
besluiten, wijzigingen, seats), so that what follows lands at other heights. Then, for one
document of each template, each heading of the first page in turn is brought to the foot of
that page by room added above the content, as a longer text before it would. Each case
renders in-process: the CLI writes the HTML (the very text `--formaat pdf` is made from) and
WeasyPrint turns it into the PDF, as `convenant maak` does.

What a reader sees is read back from the PDF with pypdf: per page the lines of the body (the
footer lies in the bottom margin and is left out), and the last lines of every page but the
last must not make up the whole of a heading or lead-in taken from the HTML.
"""

from __future__ import annotations

import copy
import io
import re
from collections.abc import Callable, Iterable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from pypdf import PdfReader

from convenant.formaten import naar_pdf
from tests.documenten.echt_register import maak_echt_register
from tests.scenario_runners import draai

WORTEL = Path(__file__).resolve().parents[2]
VOORBEELDEN = WORTEL / "examples"
DOCS = VOORBEELDEN / "documenten"
STUURGROEP = VOORBEELDEN / "stuurgroep-2027-02-10.yaml"
BEGROTING = DOCS / "liquidatiebegroting-voorbeeld.yaml"
OPZEGGING = DOCS / "opzegging-cosis.yaml"

PUNT = 72 / 25.4  # points per millimetre
ONDERMARGE = 24 * PUNT  # the page's bottom margin (templates/_basis.html.j2), where the footer is
BOVENMARGE = 20 * PUNT
VOET = 8  # points between a heading's baseline and the bottom margin: one more line won't fit

KOPPEN = {"h1", "h2", "h3", "h4", "h5", "h6", "caption"}
INGELEID = {"ul", "ol", "table", "dl"}  # what a lead-in sentence introduces
LEEG = {"br", "img", "meta", "link", "hr", "input", "col", "wbr", "source"}


# --- the headings of the HTML ---------------------------------------------------------------------


class _Knoop:
    def __init__(self, tag: str, klassen: set[str]) -> None:
        self.tag = tag
        self.klassen = klassen
        self.kinderen: list[_Knoop | str] = []

    def tekst(self) -> str:
        if self.tag in ("style", "script", "title"):
            return ""
        return "".join(k if isinstance(k, str) else k.tekst() for k in self.kinderen)

    def elementen(self) -> list[_Knoop]:
        return [k for k in self.kinderen if isinstance(k, _Knoop)]


class _Boom(HTMLParser):
    """A minimal element tree of our own templates' HTML (well-formed, every element closed)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.wortel = _Knoop("#document", set())
        self.stapel = [self.wortel]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        klassen = set((dict(attrs).get("class") or "").split())
        knoop = _Knoop(tag, klassen)
        self.stapel[-1].kinderen.append(knoop)
        if tag not in LEEG:
            self.stapel.append(knoop)

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stapel) - 1, 0, -1):
            if self.stapel[i].tag == tag:
                del self.stapel[i:]
                return

    def handle_data(self, data: str) -> None:
        self.stapel[-1].kinderen.append(data)


def _zonder_wit(tekst: str) -> str:
    return "".join(tekst.split())


def _soort(knoop: _Knoop | None) -> str:
    return "" if knoop is None else ".".join([knoop.tag, *sorted(knoop.klassen)])


def koppen(html: str) -> dict[str, str]:
    """Every text a page must not end in, without white space: the headings (h1-h6, table
    captions, class `kop`), a `klein` subtitle right under a heading, and a paragraph that
    leads into the list, table or definition list right after it. With each its structure
    (parent, element, what follows); "" for those outside the document's <main>."""
    boom = _Boom()
    boom.feed(html)
    uit: dict[str, str] = {}

    def bezoek(ouder: _Knoop, in_main: bool) -> None:
        broers = ouder.elementen()
        for i, knoop in enumerate(broers):
            vorige = broers[i - 1] if i > 0 else None
            volgende = broers[i + 1] if i + 1 < len(broers) else None
            kop = (
                knoop.tag in KOPPEN
                or "kop" in knoop.klassen
                or (knoop.tag == "p" and "klein" in knoop.klassen and _soort(vorige) in KOPPEN)
                or (knoop.tag == "p" and volgende is not None and volgende.tag in INGELEID)
            )
            if kop and (tekst := _zonder_wit(knoop.tekst())):
                soort = f"{_soort(ouder)} > {_soort(knoop)} + {_soort(volgende)}"
                uit[tekst] = uit.get(tekst) or (soort if in_main else "")
            bezoek(knoop, in_main or knoop.tag == "main")

    bezoek(boom.wortel, False)
    return uit


def lijstranden(html: str) -> tuple[set[str], set[str]]:
    """The first and the last items of every list of two or more, without white space."""
    boom = _Boom()
    boom.feed(html)
    eersten: set[str] = set()
    laatsten: set[str] = set()

    def bezoek(ouder: _Knoop) -> None:
        for knoop in ouder.elementen():
            items = [k for k in knoop.elementen() if k.tag == "li"]
            if knoop.tag in ("ul", "ol") and len(items) >= 2:
                eersten.add(_zonder_wit(items[0].tekst()))
                laatsten.add(_zonder_wit(items[-1].tekst()))
            bezoek(knoop)

    bezoek(boom.wortel)
    return eersten, laatsten


SLOTEN = {"verzending", "slot", "handtekeningen"}  # the closing blocks: who gets it, who signs


def slotblokken(html: str) -> list[str]:
    """The text of every closing block ('Verzonden aan', a letter's close, the signatures),
    without white space or bullets: a tail that never stands alone on a page."""
    boom = _Boom()
    boom.feed(html)
    uit: list[str] = []

    def bezoek(ouder: _Knoop) -> None:
        for knoop in ouder.elementen():
            if knoop.klassen & SLOTEN:
                uit.append(_zonder_opsomming(knoop.tekst()))
            else:
                bezoek(knoop)

    bezoek(boom.wortel)
    return uit


def _zonder_opsomming(tekst: str) -> str:
    return re.sub(r"[•◦▪]", "", _zonder_wit(tekst))


# --- the lines of a PDF page ----------------------------------------------------------------------


Regel = tuple[float, str]  # baseline (points from the foot of the sheet) and text


def regels(pagina: Any) -> list[Regel]:
    """The body lines of a PDF page from top to bottom: the text runs that share a baseline,
    left to right. Runs in the top or bottom margin (CONCEPT, kenmerk, date, page number)
    and rotated ones (the CONCEPT stamp across the page) are not body text."""
    hoogte = float(pagina.mediabox.height)
    stukken: list[tuple[float, float, str]] = []

    def bezoeker(tekst: str, cm: list[float], tm: list[float], _font: Any, _grootte: float) -> None:
        if not tekst.strip():
            return
        # the run's origin in page coordinates: the text matrix times the current matrix
        a, b, c, d, e, f = cm
        x, y = a * tm[4] + c * tm[5] + e, b * tm[4] + d * tm[5] + f
        gedraaid = abs(b * tm[0] + d * tm[1]) > 1e-6
        if gedraaid or y < ONDERMARGE - 1 or y > hoogte - BOVENMARGE + 1:
            return
        stukken.append((round(y * 2) / 2, x, tekst.strip()))

    pagina.extract_text(visitor_text=bezoeker)
    per_regel: dict[float, list[tuple[float, str]]] = {}
    for y, x, tekst in stukken:
        per_regel.setdefault(y, []).append((x, tekst))
    return [
        (y, " ".join(t for _, t in sorted(per_regel[y]))) for y in sorted(per_regel, reverse=True)
    ]


def _pdf(html: str) -> list[list[Regel]]:
    return [regels(p) for p in PdfReader(io.BytesIO(naar_pdf(html))).pages]


def kop_aan_de_voet(body: list[Regel], kop_teksten: Iterable[str]) -> str | None:
    """The heading or lead-in that the page's last one to four lines make up, if any."""
    teksten = set(kop_teksten)
    for n in range(1, min(4, len(body)) + 1):
        if _zonder_wit("".join(t for _, t in body[-n:])) in teksten:
            return " / ".join(t for _, t in body[-n:])
    return None


def onderkant(body: list[Regel], kop: str) -> float | None:
    """The baseline of the last line of `kop` on this page, if the whole of it is there."""
    for i in range(len(body)):
        for n in range(1, 5):
            if _zonder_wit("".join(t for _, t in body[i : i + n])) == kop:
                return body[i + n - 1][0]
    return None


MARKERING = re.compile(r"^(?:[•◦▪]|\d+\.)")  # a list item's bullet or number


def _item(body: list[Regel]) -> str:
    """Lines as the text of one list item: without white space and the item's marker."""
    return MARKERING.sub("", _zonder_wit("".join(t for _, t in body)))


def _controleer(paginas: list[list[Regel]], html: str, waar: str) -> None:
    """No page but the last ends in a heading or lead-in, or in the first item of a list
    alone; no page but the first starts with the last item of a list alone; no page holds
    only a closing block (its 'Verzonden aan', close or signatures) apart from the text it
    closes."""
    kop_teksten = koppen(html)
    eersten, laatsten = lijstranden(html)
    sloten = slotblokken(html)
    for nummer, body in enumerate(paginas, 1):
        pagina = f"{waar}: pagina {nummer} van {len(paginas)}"
        assert body, f"{pagina} heeft geen tekst"
        tekst = _zonder_opsomming("".join(t for _, t in body))
        assert nummer == 1 or not any(tekst in slot for slot in sloten), (
            f"{pagina} bevat alleen een slot zonder de tekst ervoor: {body!r}"
        )
        if nummer < len(paginas):
            kop = kop_aan_de_voet(body, kop_teksten)
            assert kop is None, (
                f"{pagina} eindigt in een kop ({kop!r}); wat erbij hoort staat op de volgende"
            )
            for n in range(1, min(8, len(body)) + 1):
                assert _item(body[-n:]) not in eersten, (
                    f"{pagina} eindigt in het eerste punt van een lijst, alleen: {body[-n:]!r}"
                )
        if nummer > 1:
            for n in range(1, min(8, len(body)) + 1):
                assert _item(body[:n]) not in laatsten, (
                    f"{pagina} begint met het laatste punt van een lijst, alleen: {body[:n]!r}"
                )


# --- the cases: every kind, from the examples and from variants that move the headings ------------


def _lees(pad: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(pad.read_text(encoding="utf-8"))
    return data


def _schrijf(map_: Path, naam: str, data: dict[str, Any]) -> Path:
    pad = map_ / naam
    pad.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return pad


def _herhaal(items: list[dict[str, Any]], n: int) -> list[dict[str, Any]]:
    """`n` items cycled from `items`, each with an id of its own."""
    uit = []
    for i in range(n):
        item = copy.deepcopy(items[i % len(items)])
        if i >= len(items):
            item["id"] = f"{item['id']}_{i}"
        uit.append(item)
    return uit


def _begroting(map_: Path, posten: int) -> Path:
    data = _lees(BEGROTING)
    data["posten"] = _herhaal(data["posten"], posten)
    return _schrijf(map_, f"begroting-{posten}.yaml", data)


def _liquidatie(posten: int, *route: str) -> Callable[[Path], list[str]]:
    def maak(map_: Path) -> list[str]:
        return ["maak", "liquidatieoverzicht", str(_begroting(map_, posten)), *route]

    return maak


def _besluitenlijst(aantal: int, *extra: str) -> Callable[[Path], list[str]]:
    def maak(map_: Path) -> list[str]:
        data = _lees(STUURGROEP)
        data["besluiten"] = data["besluiten"][:aantal]
        data.pop("actiepunten", None)
        pad = _schrijf(map_, f"stuurgroep-{aantal}.yaml", data)
        return ["maak", "besluitenlijst", str(pad), *extra]

    return maak


def _actiepunten(aantal: int) -> Callable[[Path], list[str]]:
    def maak(map_: Path) -> list[str]:
        data = _lees(STUURGROEP)
        data["actiepunten"] = _herhaal(data["actiepunten"], aantal)
        pad = _schrijf(map_, f"actiepunten-{aantal}.yaml", data)
        return ["maak", "actiepuntenlijst", str(pad)]

    return maak


def _addendum(aantal: int) -> Callable[[Path], list[str]]:
    def maak(map_: Path) -> list[str]:
        data = _lees(DOCS / "addendum-2027-1.yaml")
        wijziging = data["wijzigingen"][0]
        data["wijzigingen"] = [
            {**wijziging, "artikel": artikel}
            for artikel in ["6.6", "6.7", "6.8", "6.9", "6.10", "7.1", "7.2", "7.3", "7.5"][:aantal]
        ]
        pad = _schrijf(map_, f"addendum-{aantal}.yaml", data)
        return ["maak", "addendum", str(pad)]

    return maak


def _uittreding(partij: str, met_kosten: bool = True) -> Callable[[Path], list[str]]:
    def maak(map_: Path) -> list[str]:
        data = _lees(OPZEGGING)
        data["partij"] = partij
        pad = _schrijf(map_, f"opzegging-{partij}.yaml", data)
        kosten = ["--begroting", str(BEGROTING)] if met_kosten else []
        return ["maak", "uittredingsoverzicht", str(pad), *kosten]

    return maak


def _agenda(extra: int) -> Callable[[Path], list[str]]:
    def maak(map_: Path) -> list[str]:
        data = _lees(DOCS / "stuurgroep-2027-05-12.yaml")
        data["besluiten"] = _herhaal(data["besluiten"], len(data["besluiten"]) + extra)
        pad = _schrijf(map_, f"agenda-{extra}.yaml", data)
        return ["maak", "agenda", str(pad)]

    return maak


def _vast(*args: str) -> Callable[[Path], list[str]]:
    return lambda _map: list(args)


Maker = Callable[[Path], list[str]]

# Every kind (and route) as the examples make it.
GEVALLEN: dict[str, Maker] = {
    "agenda": _vast("maak", "agenda", str(DOCS / "stuurgroep-2027-05-12.yaml")),
    "agenda-jaarvergadering": _vast(
        "maak", "agenda", str(VOORBEELDEN / "jaarvergadering-2027-06-16.yaml")
    ),
    "besluitenlijst": _vast("maak", "besluitenlijst", str(STUURGROEP)),
    "besluitenlijst-mei": _vast(
        "maak", "besluitenlijst", str(VOORBEELDEN / "stuurgroep-2027-05-12.yaml")
    ),
    "besluitenlijst-toetsing": _vast("maak", "besluitenlijst", str(STUURGROEP), "--met-toetsing"),
    "besluitenlijst-partneroverleg-toetsing": _vast(
        "maak",
        "besluitenlijst",
        str(VOORBEELDEN / "partneroverleg-2027-03-03.yaml"),
        "--met-toetsing",
    ),
    "besluitenlijst-jaarvergadering": _vast(
        "maak", "besluitenlijst", str(VOORBEELDEN / "jaarvergadering-2027-06-16.yaml")
    ),
    "actiepuntenlijst": _vast("maak", "actiepuntenlijst", str(STUURGROEP)),
    "toetredingsformulier": _vast(
        "maak", "toetredingsformulier", str(DOCS / "toetreding-voorbeeldzorg.yaml")
    ),
    "kennisgeving-toetreding": _vast(
        "maak", "kennisgeving-toetreding", str(DOCS / "toetreding-voorbeeldzorg.yaml")
    ),
    "opzegging": _vast("maak", "opzegging", str(OPZEGGING)),
    "addendum": _vast("maak", "addendum", str(DOCS / "addendum-2027-1.yaml")),
    "liquidatieoverzicht": _vast("maak", "liquidatieoverzicht", str(BEGROTING)),
    "liquidatieoverzicht-uittreding": _vast(
        "maak",
        "liquidatieoverzicht",
        str(BEGROTING),
        "--route",
        "uittreding",
        "--uittredend",
        "meppel",
    ),
    "liquidatieoverzicht-rechter": _vast(
        "maak", "liquidatieoverzicht", str(BEGROTING), "--route", "rechter"
    ),
    "uittredingsoverzicht": _vast(
        "maak", "uittredingsoverzicht", str(OPZEGGING), "--begroting", str(BEGROTING)
    ),
    "uittredingsoverzicht-zonder-kosten": _uittreding("assen", met_kosten=False),
    "notitie-lezingen": _vast("maak", "notitie-lezingen", str(VOORBEELDEN)),
    "jaaroverzicht": _vast("jaaroverzicht", str(VOORBEELDEN), "--jaar", "2027"),
    "jaaroverzicht-gevoeligheid": _vast(
        "jaaroverzicht", str(VOORBEELDEN), "--jaar", "2027", "--gevoeligheid"
    ),
}

# Variants that grow one part step by step, so that what follows lands at other heights.
VARIANTEN: dict[str, Maker] = {
    "agenda-lang": _agenda(14),
    "besluitenlijst-3": _besluitenlijst(3),
    "besluitenlijst-2-toetsing": _besluitenlijst(2, "--met-toetsing"),
    "actiepuntenlijst-22": _actiepunten(22),
    **{f"addendum-{n}": _addendum(n) for n in (5, 9)},
    **{f"liquidatieoverzicht-{n}": _liquidatie(n) for n in (1, 4)},
    "uittredingsoverzicht-politie": _uittreding("politie"),
}

# One document of each template (the others share its structures) has each heading of its
# first page in turn brought to the foot of that page.
VERSCHOVEN = {
    "agenda",
    "besluitenlijst",
    "actiepuntenlijst",
    "toetredingsformulier",
    "kennisgeving-toetreding",
    "opzegging",
    "addendum",
    "liquidatieoverzicht",
    "uittredingsoverzicht",
    "notitie-lezingen",
    "jaaroverzicht",
}


def _html(map_: Path, maker: Maker, register: Path = VOORBEELDEN) -> str:
    """The document's HTML, from the CLI in-process: the text its PDF is made from, from
    the examples or from the same files in another `register`."""
    args = [a.replace(str(VOORBEELDEN), str(register)) for a in maker(map_)]
    if args[0] == "maak" and args[1] != "notitie-lezingen":
        args += ["--register", str(register)]
    code, html, fout = draai([*args, "--formaat", "html"])
    assert code in (0, 1), fout  # 1: the example year is not in order, still a document
    assert html.startswith("<!DOCTYPE html>"), fout
    return html


@pytest.mark.parametrize("naam", [*GEVALLEN, *VARIANTEN])
def test_pdf_breekt_niet_na_een_kop_of_voor_een_los_lijstpunt(tmp_path: Path, naam: str) -> None:
    html = _html(tmp_path, {**GEVALLEN, **VARIANTEN}[naam])
    kop_teksten = koppen(html)
    assert kop_teksten, "geen koppen gevonden in de HTML"
    paginas = _pdf(html)
    # The test sees what it looks for: every heading is somewhere in the PDF's body text.
    alles = _zonder_wit("".join(t for body in paginas for _, t in body))
    for kop in kop_teksten:
        assert kop in alles, f"kop niet in de PDF gevonden: {kop!r}"
    _controleer(paginas, html, naam)
    if naam not in VERSCHOVEN:
        return
    # Each heading of the first page in turn at the foot of that page, by room added above
    # the content (as a longer text before it would): it must move on with what it introduces.
    assert html.count("<main>") == 1
    ruimtes: dict[str, int] = {}  # one heading of each structure is enough
    for kop, soort in kop_teksten.items():
        y = onderkant(paginas[0], kop)
        if soort and soort not in ruimtes and y is not None and y - ONDERMARGE > VOET:
            # the heading's last line moved down until it just fits above the bottom margin
            ruimtes[soort] = round(y - ONDERMARGE - VOET)
    for ruimte in sorted(set(ruimtes.values())):
        verschoven = html.replace("<main>", f'<main><div style="height: {ruimte}pt"></div>')
        _controleer(_pdf(verschoven), html, f"{naam} met {ruimte} pt erboven")


@pytest.fixture(scope="module")
def echt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return maak_echt_register(tmp_path_factory.mktemp("echt") / "register")


@pytest.mark.parametrize("naam", GEVALLEN)
def test_pdf_met_echte_gegevens(tmp_path: Path, echt: Path, naam: str) -> None:
    # Without the example banner the text is shorter, and what ends a page moves: the
    # Stuurgroep's list of 12 May 2027 put its 'Verzonden aan' alone on page 2.
    html = _html(tmp_path, GEVALLEN[naam], echt)
    _controleer(_pdf(html), html, f"{naam} (echte gegevens)")
