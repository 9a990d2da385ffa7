"""`convenant maak`: documents ready to send, byte for byte as reviewed (golden files).

After a deliberate change to a template, regenerate the golden files with
`CONVENANT_GOLDEN=bijwerken make test` and review the diff before committing it.
"""

from __future__ import annotations

import os
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest

from convenant.documenten.soorten import SOORTEN
from convenant.maak import opsomming
from governance.bestanden import vergaderbestanden
from governance.geld import bedrag
from tests.scenario_runners import draai

WORTEL = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).parent / "golden"
VOORBEELDEN = WORTEL / "examples"
DOCS = VOORBEELDEN / "documenten"

GEVALLEN = [
    ("agenda", DOCS / "stuurgroep-2027-05-12.yaml"),
    ("agenda", DOCS / "jaarvergadering-2027-06-16.yaml"),
    ("besluitenlijst", VOORBEELDEN / "stuurgroep-2027-02-10.yaml"),
    ("besluitenlijst", VOORBEELDEN / "partneroverleg-2027-03-03.yaml"),
    ("actiepuntenlijst", VOORBEELDEN / "stuurgroep-2027-02-10.yaml"),
    ("toetredingsformulier", DOCS / "toetreding-voorbeeldzorg.yaml"),
    ("kennisgeving-toetreding", DOCS / "toetreding-voorbeeldzorg.yaml"),
    ("opzegging", DOCS / "opzegging-cosis.yaml"),
    ("addendum", DOCS / "addendum-2027-1.yaml"),
    ("liquidatieoverzicht", DOCS / "liquidatiebegroting-voorbeeld.yaml"),
]
# Every kind `maak` makes from a file, from the registry of kinds, with its input.
INVOERSOORT = {s.naam: s.invoer for s in SOORTEN if s.maak and s.invoer != "register"}


def _soort_van(pad: Path) -> str:
    for voorvoegsel, invoer in (
        ("toetreding", "toetreding"),
        ("opzegging", "opzegging"),
        ("addendum", "addendum"),
        ("liquidatiebegroting", "begroting"),
    ):
        if pad.name.startswith(voorvoegsel):
            return invoer
    return "vergadering"


VOORBEELDBESTANDEN = sorted([*vergaderbestanden(VOORBEELDEN), *DOCS.glob("*.yaml")])


class _Boom(HTMLParser):
    """Checks that every opened element is closed in order; void elements excepted."""

    LEEG = frozenset({"meta", "br", "hr", "img", "link", "input"})

    def __init__(self) -> None:
        super().__init__()
        self.stapel: list[str] = []
        self.fouten: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.LEEG:
            self.stapel.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stapel or self.stapel.pop() != tag:
            self.fouten.append(f"onverwachte </{tag}> op {self.getpos()}")


def controleer_html(tekst: str) -> None:
    assert tekst.startswith("<!DOCTYPE html>")
    assert "{{" not in tekst
    assert "{%" not in tekst
    assert "http://" not in tekst
    assert "https://" not in tekst
    assert "<link" not in tekst
    assert "size: A4;" in tekst  # the printed page does not depend on the browser
    boom = _Boom()
    boom.feed(tekst)
    boom.close()
    assert boom.fouten == []
    assert boom.stapel == []


def _naam(soort: str, invoer: Path, formaat: str) -> str:
    return f"{soort}--{invoer.stem}.{formaat}"


@pytest.mark.parametrize("formaat", ["md", "html"])
@pytest.mark.parametrize(("soort", "invoer"), GEVALLEN, ids=[f"{s}-{p.stem}" for s, p in GEVALLEN])
def test_document_gelijk_aan_golden(soort: str, invoer: Path, formaat: str) -> None:
    # an agenda carries the day it is made: fixed here, so the golden file stays the same
    datum = ["--datum", "2027-04-28"] if soort == "agenda" else []
    code, uit, fout = draai(["maak", soort, str(invoer), "--formaat", formaat, *datum])
    assert code == 0, fout
    if formaat == "html":
        controleer_html(uit)
    golden = GOLDEN / _naam(soort, invoer, formaat)
    if os.environ.get("CONVENANT_GOLDEN") == "bijwerken":
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(uit, encoding="utf-8")
    assert golden.is_file(), f"{golden} ontbreekt; maak het met CONVENANT_GOLDEN=bijwerken"
    assert uit == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("formaat", ["md", "html"])
@pytest.mark.parametrize("soort", sorted(INVOERSOORT))
def test_elk_sjabloon_tegen_elk_voorbeeld(soort: str, formaat: str) -> None:
    gemaakt = 0
    for invoer in VOORBEELDBESTANDEN:
        if _soort_van(invoer) != INVOERSOORT[soort]:
            continue
        code, uit, fout = draai(["maak", soort, str(invoer), "--formaat", formaat])
        assert "Traceback" not in fout
        if code == 0:
            gemaakt += 1
            if formaat == "html":
                controleer_html(uit)
            else:
                assert "{{" not in uit
                assert "{%" not in uit
                assert "None" not in uit
        else:  # a documented refusal, never a crash or a half-made document
            assert code in (1, 2), fout
            assert uit == ""
            assert fout.strip()
    assert gemaakt >= 1


def test_casuistiek_op_de_agenda_wordt_geweigerd() -> None:
    code, uit, fout = draai(["maak", "agenda", str(VOORBEELDEN / "stuurgroep-2027-02-10.yaml")])
    assert code == 1
    assert uit == ""
    assert "stuurgroep-2027-02-10.yaml:" in fout
    assert "is casuïstiek; in de Stuurgroep wordt geen casuïstiek besproken (art. 4.7)" in fout


def test_agenda_voor_een_casusoverleg_bestaat_niet() -> None:
    code, _, fout = draai(["maak", "agenda", str(VOORBEELDEN / "casusoverleg-2027-04-14.yaml")])
    assert code == 2
    assert "niet voor het Casusoverleg" in fout


@pytest.mark.parametrize(
    ("soort", "weg", "veld"),
    [
        ("kennisgeving-toetreding", "kennisgeving_op: 2027-01-06\n", "kennisgeving_op"),
    ],
)
def test_ontbrekend_gegeven_noemt_veld_en_bestand(
    tmp_path: Path, soort: str, weg: str, veld: str
) -> None:
    tekst = (DOCS / "toetreding-voorbeeldzorg.yaml").read_text(encoding="utf-8")
    assert weg in tekst
    invoer = tmp_path / "toetreding.yaml"
    invoer.write_text(tekst.replace(weg, ""), encoding="utf-8")
    code, _uit, fout = draai(["maak", soort, str(invoer), "--uitvoer", str(tmp_path / "uit.html")])
    assert code == 2
    assert fout.startswith(f"{invoer}: het document '{soort}' vraagt '{veld}'")
    assert not (tmp_path / "uit.html").exists()


def test_ontbrekende_plaats_van_de_agenda(tmp_path: Path) -> None:
    invoer = tmp_path / "agenda.yaml"
    tekst = (DOCS / "stuurgroep-2027-05-12.yaml").read_text(encoding="utf-8")
    invoer.write_text(
        tekst.replace("locatie: Zorg- en Veiligheidshuis Drenthe, Assen\n", ""), encoding="utf-8"
    )
    code, uit, fout = draai(["maak", "agenda", str(invoer), "--register", str(VOORBEELDEN)])
    # a meeting whose place is not yet known still gets its agenda; the place reads "volgt"
    assert (code, fout) == (0, "")
    assert "- **Plaats:** volgt" in uit


def test_opzegging_wegens_wijziging_vraagt_de_ingang(tmp_path: Path) -> None:
    invoer = tmp_path / "opzegging.yaml"
    invoer.write_text(
        (DOCS / "opzegging-cosis.yaml").read_text(encoding="utf-8")
        + "route: wijziging\nwijziging: de toetreding van X\n",
        encoding="utf-8",
    )
    code, _, fout = draai(["maak", "opzegging", str(invoer)])
    assert code == 2
    assert "'ingang_wijziging' ontbreekt" in fout
    invoer.write_text(
        invoer.read_text(encoding="utf-8") + "ingang_wijziging: 2027-04-01\n", encoding="utf-8"
    )
    code, uit, _ = draai(["maak", "opzegging", str(invoer)])
    assert code == 0
    assert "van kracht wordt: **1 april 2027** (art. 23.3)" in uit


def test_bestaand_bestand_niet_overschrijven(tmp_path: Path) -> None:
    doel = tmp_path / "addendum.html"
    doel.write_text("getekend exemplaar", encoding="utf-8")
    code, _, fout = draai(
        ["maak", "addendum", str(DOCS / "addendum-2027-1.yaml"), "--uitvoer", str(doel)]
    )
    assert code == 2
    assert "bestaat al; gebruik --overschrijf" in fout
    assert doel.read_text(encoding="utf-8") == "getekend exemplaar"
    code, _, _ = draai(
        [
            "maak",
            "addendum",
            str(DOCS / "addendum-2027-1.yaml"),
            "--uitvoer",
            str(doel),
            "--overschrijf",
        ]
    )
    assert code == 0
    controleer_html(doel.read_text(encoding="utf-8"))  # .html chose the format
    assert [p.name for p in tmp_path.iterdir()] == ["addendum.html"]


def test_html_escapet_invoer(tmp_path: Path) -> None:
    invoer = tmp_path / "agenda.yaml"
    tekst = (DOCS / "stuurgroep-2027-05-12.yaml").read_text(encoding="utf-8")
    invoer.write_text(
        tekst.replace("(vervolg)", "<script>alert(1)</script> & co"), encoding="utf-8"
    )
    code, uit, _ = draai(["maak", "agenda", str(invoer), "--formaat", "html"])
    assert code == 0
    assert "<script>" not in uit
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in uit


def test_eigen_sjablonen_gaan_voor_en_draaien_in_een_sandbox(tmp_path: Path) -> None:
    (tmp_path / "opzegging.md.j2").write_text(
        "Opzegging door {{ partij.naam }} per {{ ingang|datum }}.\n", encoding="utf-8"
    )
    code, uit, _ = draai(
        ["maak", "opzegging", str(DOCS / "opzegging-cosis.yaml"), "--sjablonen", str(tmp_path)]
    )
    assert (code, uit) == (0, "Opzegging door Cosis per 31 januari 2028.\n")
    (tmp_path / "opzegging.md.j2").write_text(
        "{{ partij.__class__.__mro__[1].__subclasses__() }}\n", encoding="utf-8"
    )
    code, uit, fout = draai(
        ["maak", "opzegging", str(DOCS / "opzegging-cosis.yaml"), "--sjablonen", str(tmp_path)]
    )
    assert code == 2
    assert uit == ""
    assert "doet iets wat niet mag" in fout


def test_sjabloonfout_in_eigen_sjabloon(tmp_path: Path) -> None:
    (tmp_path / "opzegging.md.j2").write_text("{% if %}\n", encoding="utf-8")
    code, _, fout = draai(
        ["maak", "opzegging", str(DOCS / "opzegging-cosis.yaml"), "--sjablonen", str(tmp_path)]
    )
    assert code == 2
    assert "fout in het sjabloon" in fout


@pytest.mark.parametrize(
    ("waarde", "tekst"),
    [
        (Decimal("1234.5"), "€ 1.234,50"),
        (Decimal("0.005"), "€ 0,01"),
        (Decimal("1234567.891"), "€ 1.234.567,89"),
        (Decimal("-12.3"), "-€ 12,30"),
        (0, "€ 0,00"),
    ],
)
def test_bedragen_in_nederlandse_notatie(waarde: Decimal, tekst: str) -> None:
    assert bedrag(waarde) == tekst


def test_opsomming() -> None:
    assert opsomming([]) == ""
    assert opsomming(["a"]) == "a"
    assert opsomming(["a", "b", "c"]) == "a, b en c"


def test_liquidatieoverzicht_rechts_uitgelijnde_bedragen_en_een_totaalrij() -> None:
    code, uit, _ = draai(
        [
            "maak",
            "liquidatieoverzicht",
            str(DOCS / "liquidatiebegroting-voorbeeld.yaml"),
            "--formaat",
            "html",
        ]
    )
    assert code == 0
    emmen = uit.split("Gemeente Emmen</td>")[1].split("</tr>")[0]
    assert '<td class="getal">108.000</td>' in emmen  # weight with a thousands separator
    assert '<td class="getal">21,48\u00a0%</td>' in emmen
    assert '<td class="getal">€\u00a056.284,44</td>' in emmen  # Dutch, right-aligned, unbroken
    assert '<tr class="totaal"><td>Totaal</td><td class="getal">502.900</td>' in uit
    assert "td.getal { text-align: right; white-space: nowrap;" in uit  # never split


def test_opzegging_van_een_ketenpartner_spreekt_als_die_partij() -> None:
    # Cosis is a ketenpartner: its letter must not speak of a gemeente's contribution as if it
    # were its own, nor voice the engine's reading of the convenant as the party's.
    invoer = DOCS / "opzegging-cosis.yaml"
    code, uit, _ = draai(["maak", "opzegging", str(invoer), "--formaat", "md"])
    assert code == 0
    assert "een gemeente blijft haar jaarlijkse bijdrage" not in uit
    assert "wij lezen het zo" not in uit
    assert "jaarlijkse bijdrage" not in uit  # a ketenpartner pays none (20.3)


def test_verzending_zegt_wat_naar_wie_gaat_zonder_redenering() -> None:
    # The colleges read the besluitenlijst: it states by when they receive it, not the engine's
    # reasoning about a term the convenant leaves open.
    code, uit, _ = draai(
        [
            "maak",
            "besluitenlijst",
            str(VOORBEELDEN / "stuurgroep-2027-02-10.yaml"),
            "--formaat",
            "md",
        ]
    )
    assert code == 0
    assert "wij gaan uit van" not in uit
    # for 5.9, which sets no term, no term and no note about it: to whom and what
    assert "- de twaalf colleges: de genomen besluiten (art. 5.9)." in uit
