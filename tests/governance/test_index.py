"""The index in convenant.yaml against the convenant itself.

The explicit checks (27 articles, 5 Bijlagen) always run. The comparison with the text of
the convenant runs where `../shared/convenant-zvhd-drenthe.txt` is present (it is in CI).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from governance.bestanden import laad_convenant
from governance.lint import artikel_bestaat
from governance.models import Convenant

TEKST = Path(__file__).resolve().parents[3] / "shared" / "convenant-zvhd-drenthe.txt"


@pytest.fixture(scope="module")
def convenant() -> Convenant:
    return laad_convenant().model


def test_elk_artikel_en_elke_bijlage_staat_in_de_index(convenant: Convenant) -> None:
    assert [a.nummer for a in convenant.index.artikelen] == list(range(1, 28))
    assert [b.nummer for b in convenant.index.bijlagen] == [1, 2, 3, 4, 5]
    assert all(a.titel for a in convenant.index.artikelen)


@pytest.mark.parametrize(
    ("verwijzing", "bestaat"),
    [
        ("5.6", True),
        ("5.10", True),
        ("5.11", False),
        ("4.5d", True),
        ("4.5e", False),
        ("3j", True),
        ("3k", False),
        ("10", True),
        ("10.1", False),
        ("27", True),
        ("28", False),
        ("Bijlage 5", True),
        ("Bijlage 6", False),
        ("voetnoot 3", True),
        ("voetnoot 5", False),
        ("Overwegingen", True),
        ("12.2h", True),
        ("9.4e", False),
    ],
)
def test_artikelverwijzingen_worden_tegen_de_index_gecontroleerd(
    convenant: Convenant, verwijzing: str, bestaat: bool
) -> None:
    assert (artikel_bestaat(convenant.index, verwijzing) is None) is bestaat


def _tekst() -> list[str]:
    if not TEKST.is_file():
        pytest.skip(f"de tekst van het convenant staat niet op {TEKST}")
    regels = TEKST.read_text(encoding="utf-8").splitlines()
    einde = next(i for i, r in enumerate(regels) if r.startswith("Aldus overeengekomen"))
    return regels[:einde]


def test_titels_en_leden_volgen_de_tekst_van_het_convenant(convenant: Convenant) -> None:
    regels = _tekst()
    koppen: dict[int, str] = {}
    leden: dict[int, int] = {}
    onderdelen: dict[str, str] = {}
    huidig = ""
    for regel in regels:
        # A heading never ends in a full stop; a wrapped sentence "Artikel 16. Partijen …" does.
        if kop := re.match(r"^Artikel (\d+)\. (.+[^.])$", regel):
            koppen[int(kop[1])] = kop[2].strip()
            huidig = kop[1]
        elif lid := re.match(r"^(?:- )?(\d{1,2})\.(\d{1,2}) ", regel.strip()):
            leden[int(lid[1])] = max(leden.get(int(lid[1]), 0), int(lid[2]))
            huidig = f"{lid[1]}.{lid[2]}"
        elif letter := re.match(r"^-?\s*([a-j])\. ", regel.strip()):
            begin = onderdelen.get(huidig, f"{letter[1]}-{letter[1]}")[0]
            onderdelen[huidig] = f"{begin}-{letter[1]}"
    index = {a.nummer: a for a in convenant.index.artikelen}
    assert koppen == {n: a.titel for n, a in index.items()}
    assert leden == {n: a.leden for n, a in index.items() if a.leden}
    assert onderdelen == {lid: reeks for a in index.values() for lid, reeks in a.onderdelen.items()}


def test_bijlagen_volgen_de_inhoudsopgave(convenant: Convenant) -> None:
    toc = {
        int(m[1]): m[2].strip()
        for r in _tekst()
        if (m := re.match(r"^\| Bijlage (\d): ([^|]+)\|", r))
    }
    assert toc == {b.nummer: b.titel for b in convenant.index.bijlagen}


def test_partijen_volgen_de_ondergetekenden(convenant: Convenant) -> None:
    regels = _tekst()
    begin = regels.index("- gemeente Aa & Hunze")
    gemeenten = [r.removeprefix("- gemeente ") for r in regels[begin : begin + 12]]
    gemeente_namen = {
        naam
        for p in convenant.partijen
        if p.soort == "gemeente"
        for naam in [p.naam.removeprefix("Gemeente "), *p.aliassen]
    }
    assert all(g in gemeente_namen for g in gemeenten)
    start = regels.index("De volgende ketenpartners:") + 2
    ketenpartners = [r for r in regels[start : start + 19] if r.startswith("- ")]
    assert len(ketenpartners) == 19
    assert sum(p.soort == "ketenpartner" for p in convenant.partijen) == 19
    assert sum(p.soort == "gemeente" for p in convenant.partijen) == 12
    assert [p.id for p in convenant.partijen if p.soort == "ondersteuner"] == ["vrd"]
