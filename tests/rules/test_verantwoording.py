"""`convenant verantwoording` accounts for every place of the convenant (issue 25).

The article numbers come from the convenant's own text, parsed here: every article, lid,
lettered onderdeel, footnote and Bijlage in it must be in the index of convenant.yaml and be
accounted for (a rule, or an explanation in verantwoording.yaml); and no rule may cite a place
that does not exist.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
import yaml

from governance.bestanden import laad_convenant
from governance.verantwoording import onderdelen
from rules.verantwoording import regelplaatsen, verantwoord
from tests.scenario_runners import draai

REPO = Path(__file__).resolve().parents[2]
TEKST = "convenant-zvhd-drenthe.txt"
_SUPER = {"¹": 1, "²": 2, "³": 3, "⁴": 4}


def _tekst() -> Path:
    """The convenant's text: it is not shipped (the project paraphrases, never copies it)."""
    kandidaten = [
        Path(os.environ.get("CONVENANT_TEKST", "/nonexistent")),
        REPO.parent / "shared" / TEKST,
        Path("/work/shared") / TEKST,
    ]
    for pad in kandidaten:
        if pad.is_file():
            return pad
    pytest.skip(f"de tekst van het convenant ({TEKST}) staat niet naast de repository")


def plaatsen_in_de_tekst(tekst: str) -> set[str]:
    """Articles, leden, onderdelen, footnotes and Bijlagen as the text numbers them."""
    uit: set[str] = set()
    artikel: str | None = None
    lid: str | None = None
    for regel in tekst.splitlines():
        if regel.startswith("Aldus overeengekomen"):
            artikel = lid = None  # the signatures: no more leden or onderdelen
        # A heading is a title without a full stop: "Artikel 16. Partijen staan ervoor in …"
        # inside 18.1 is a sentence, not the start of article 16.
        elif m := re.match(r"^Artikel (\d+)\. [^.]+$", regel):
            artikel, lid = m.group(1), None
            uit.add(artikel)
        elif m := re.match(r"^Bijlage (\d)\b", regel):
            artikel = lid = None
            uit.add(f"Bijlage {m.group(1)}")
        elif regel[:1] in _SUPER:
            uit.add(f"voetnoot {_SUPER[regel[0]]}")
        elif artikel is None:
            continue
        elif m := re.match(r"^\s*(?:- )?(\d+)\.(\d+) ", regel):
            if m.group(1) == artikel:
                lid = f"{artikel}.{m.group(2)}"
                uit.add(lid)
        elif m := re.match(r"^\s*- ([a-j])\. ", regel):
            uit.add(f"{lid or artikel}{m.group(1)}")
    return uit


@pytest.fixture(scope="module")
def in_de_tekst() -> set[str]:
    return plaatsen_in_de_tekst(_tekst().read_text(encoding="utf-8"))


def test_de_index_noemt_precies_de_plaatsen_van_de_tekst(in_de_tekst: set[str]) -> None:
    c = laad_convenant().model
    index = {o.artikel for o in onderdelen(c) if o.niveau != "sectie"}
    assert len(in_de_tekst) > 200  # 27 articles, their leden and onderdelen, 4 notes, 5 Bijlagen
    assert in_de_tekst - index == set(), "in de tekst, niet in de index van convenant.yaml"
    assert index - in_de_tekst == set(), "in de index, niet in de tekst"


def test_elke_plaats_van_de_tekst_is_verantwoord(in_de_tekst: set[str]) -> None:
    code, uit, fout = draai(["verantwoording", "--json"])
    assert code == 0, fout
    data = json.loads(uit)
    per_plaats = {p["artikel"]: p for p in data["plaatsen"]}
    niet = sorted(a for a in in_de_tekst if not per_plaats.get(a, {}).get("verantwoord"))
    assert niet == [], f"niet verantwoord: {niet}"
    assert data["onbestaand"] == []
    assert data["samenvatting"]["verantwoord"] == data["samenvatting"]["plaatsen"]
    # Beside each place: what encodes it, with where it is, or why nothing does.
    for plaats in data["plaatsen"]:
        for v in plaats["vindplaatsen"]:
            assert re.match(r"^(convenant\.yaml:\d+ \S+|rules/\w+\.py:\d+ \w+:\w+)$", v["plaats"])
        if not plaats["vindplaatsen"] and not plaats["via_delen"]:
            assert plaats["toelichting"]["uitleg"], plaats["artikel"]
    assert any(v["aanname"] for v in per_plaats["22.4"]["vindplaatsen"])
    assert "akkoord_of_raadpleging" in per_plaats["22.4"]["bevindingen"]
    assert "akkoord_of_raadpleging=raadpleging" in per_plaats["23.3"]["lezingen"]


def test_een_plaats_zonder_regel_en_zonder_toelichting_wordt_genoemd(tmp_path: Path) -> None:
    bron = REPO / "verantwoording.yaml"
    data = yaml.safe_load(bron.read_text(encoding="utf-8"))
    data["toelichtingen"] = [t for t in data["toelichtingen"] if t["artikel"] != "10"]
    pad = tmp_path / "verantwoording.yaml"
    pad.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    code, uit, _ = draai(["verantwoording", "--verantwoording", str(pad)])
    assert code == 1
    assert "Niet verantwoord: art. 10." in uit


def test_een_regel_die_een_onbestaand_artikel_noemt_wordt_genoemd(tmp_path: Path) -> None:
    """The same check lists rules whose cited articles do not exist (rules/ as well)."""
    (tmp_path / "regel.py").write_text(
        'def _regel():\n    return Grond("28.1", "x"), Grond("4.10", "y"), Grond("4.5", "z")\n',
        encoding="utf-8",
    )
    c = laad_convenant().model
    u = verantwoord(c, onderdelen(c), regelplaatsen(tmp_path), [])
    assert {(o.artikel, o.plaats) for o in u.onbestaand} == {
        ("28.1", "rules/regel.py:1 regel:_regel"),
        ("4.10", "rules/regel.py:1 regel:_regel"),
    }


def test_elke_regel_in_rules_heeft_een_nederlandse_omschrijving() -> None:
    """A rule of rules/ that cites an article is shown by its Dutch description from
    rules/omschrijvingen.yaml, never by its (English) docstring or its function name; and the
    file lists no function that no longer cites an article."""
    gevonden = {v.plaats.split()[-1]: v for v in regelplaatsen()}
    data = yaml.safe_load((REPO / "rules" / "omschrijvingen.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    assert sorted(set(gevonden) - set(data)) == [], "regel zonder omschrijving"
    assert sorted(set(data) - set(gevonden)) == [], "omschrijving van een regel die er niet is"
    engels = re.compile(r"\b(the|and|when|whose|which|with|its|each|what|where)\b", re.IGNORECASE)
    for locatie, v in gevonden.items():
        assert v.naam == data[locatie]
        assert v.soort == "regel in het programma"
        assert v.naam.endswith("."), locatie
        assert not re.search(r"`|\b\w+_\w+\b", v.naam), f"{locatie}: een naam uit de code"
        assert not engels.search(v.naam), f"{locatie}: Engels"


def test_een_regel_zonder_omschrijving_toont_geen_docstring(tmp_path: Path) -> None:
    """A rule that is not (yet) described shows as such, not as its English docstring."""
    (tmp_path / "regel.py").write_text(
        'def _regel():\n    """Decide the thing."""\n    return Grond("4.5", "z")\n',
        encoding="utf-8",
    )
    (v,) = regelplaatsen(tmp_path)
    assert v.naam == ""
    assert v.plaats == "rules/regel.py:1 regel:_regel"


def test_verantwoording_als_md_html_en_pdf(tmp_path: Path, in_de_tekst: set[str]) -> None:
    code, md, fout = draai(["verantwoording"])
    assert code == 0, fout
    for plaats in (
        "art. 22.4",
        "art. 4.5a",
        "Artikel 10. Contactpersonen",
        "Bijlage 5",
        "Voetnoot 3",
    ):
        assert plaats in md, plaats
    assert "convenant.yaml:" in md
    assert "rules/toets.py:" in md
    for formaat in ("html", "pdf"):
        doel = tmp_path / f"v.{formaat}"
        code, _, fout = draai(["verantwoording", "--uitvoer", str(doel)])
        assert code == 0, fout
        inhoud = doel.read_bytes()
        if formaat == "pdf":
            assert inhoud.startswith(b"%PDF-")
        else:
            assert "<h3>art.\xa022.4</h3>" in inhoud.decode("utf-8")
    code, _, fout = draai(["verantwoording", "--uitvoer", str(tmp_path / "v.docx")])
    assert code == 2
    assert "md, html of pdf" in fout
    shutil.rmtree(tmp_path)


def test_verantwoording_noemt_bevindingen_en_lezingen_bij_hun_titel() -> None:
    """The document names findings and readings in words; an id stands only in a place in
    convenant.yaml (code) and in --json."""
    import re

    from governance.bestanden import laad_convenant

    c = laad_convenant().model
    code, md, fout = draai(["verantwoording"])
    assert code == 0, fout
    zonder_code = re.sub(r"`[^`]*`", "", md)
    ids = {b.id for b in c.bevindingen if "_" in b.id}
    gevonden = sorted(i for i in ids if re.search(rf"\b{i}\b", zonder_code))
    assert gevonden == []
    assert "rust op een aanname: " in md
    assert "Dubbelzinnig: De VRD tekent het convenant" in md


def test_verantwoording_zegt_in_md_en_html_dezelfde_zinnen(tmp_path: Path) -> None:
    """Both formats take their wording from templates/teksten/verantwoording.j2: every full
    sentence of the one stands in the other (there is no Word version to compare)."""
    from tests.documenten.test_zelfde_zinnen import _plat, _uit_html, _uit_md, _zinnen

    code, md, fout = draai(["verantwoording"])
    assert code == 0, fout
    code, _, fout = draai(["verantwoording", "--uitvoer", str(tmp_path / "v.html")])
    assert code == 0, fout
    html = _uit_html((tmp_path / "v.html").read_text("utf-8"))
    # A Markdown mark in a rule's description would show literally in HTML: there are none.
    assert "`" not in html
    teksten = {"md": _uit_md(md), "html": html}
    for van, naar in (("md", "html"), ("html", "md")):
        zinnen = _zinnen(teksten[van])
        assert len(zinnen) > 20
        ontbreekt = sorted(z for z in zinnen if _plat(z) not in _plat(teksten[naar]))
        assert not ontbreekt, f"{van} zegt, {naar} niet: {ontbreekt[:3]}"
