"""Saving register files: atomic, history kept, a stale save refused; comments found exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from governance.bestanden import laad_vergadering
from governance.errors import NietOpgeslagen, VerouderdeVersie
from governance.opslag import bewaar, geschiedenis, versie
from governance.yamlschrijver import als_yaml, opmerkingen
from tests.web_hulp import VOORBEELDEN


def test_bewaar_houdt_de_vorige_versie_en_weigert_een_verouderde(tmp_path: Path) -> None:
    pad = tmp_path / "stuurgroep-2027-01-01.yaml"
    v1 = bewaar(tmp_path, pad, b"een: 1\n", None)
    with pytest.raises(VerouderdeVersie):
        bewaar(tmp_path, pad, b"twee: 2\n", None)  # a new file that exists by now
    v2 = bewaar(tmp_path, pad, b"twee: 2\n", v1)
    with pytest.raises(VerouderdeVersie):
        bewaar(tmp_path, pad, b"drie: 3\n", v1)  # read before v2 was saved
    assert pad.read_bytes() == b"twee: 2\n"
    assert v2 == versie(b"twee: 2\n")
    assert [v.pad.read_bytes() for v in geschiedenis(tmp_path, pad.name)] == [b"een: 1\n"]
    # no temporary file is left beside the register's files
    assert sorted(p.name for p in tmp_path.iterdir()) == ["geschiedenis", pad.name]


def test_mislukte_schrijfactie_laat_het_oude_bestand_heel(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    pad = tmp_path / "partneroverleg-2027-01-01.yaml"
    v1 = bewaar(tmp_path, pad, b"oud: ja\n", None)

    def mislukt(bron: object, doel: object) -> None:
        raise OSError("schijf vol")

    monkeypatch.setattr(os, "replace", mislukt)
    with pytest.raises(NietOpgeslagen, match="schijf vol"):
        bewaar(tmp_path, pad, b"nieuw: ja\n", v1)
    assert pad.read_bytes() == b"oud: ja\n"
    assert geschiedenis(tmp_path, pad.name) == []  # no copy of a version that was not replaced
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("a: 1  # uitleg\n", ["# uitleg"]),
        ("# kop\na: 1\n", ["# kop"]),
        ('onderwerp: "Punt #3 van de agenda"\n', []),
        ("onderwerp: Punt#3\n", []),
        ("lijst: [a, b]   # twee\nb: 'x # y'\n", ["# twee"]),
        ("tekst: |\n  regel # geen opmerking\n", []),
    ],
)
def test_opmerkingen_alleen_echte(tekst: str, verwacht: list[str]) -> None:
    assert opmerkingen(tekst) == verwacht


@pytest.mark.parametrize(
    "pad", sorted(p for p in VOORBEELDEN.glob("*-20*.yaml")), ids=lambda p: p.stem
)
def test_geschreven_vergadering_leest_als_hetzelfde_model(pad: Path, tmp_path: Path) -> None:
    model = laad_vergadering(pad).model
    doel = tmp_path / pad.name
    doel.write_text(als_yaml(model, "kop"), encoding="utf-8")
    assert laad_vergadering(doel).model == model
    assert opmerkingen(doel.read_text(encoding="utf-8")) == ["# kop"]
