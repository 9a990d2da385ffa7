"""The registry of document kinds is the one list: the CLI offers what it holds, every kind has
its templates in every format, and every kind `maak` makes has a context builder."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from convenant.cli import cli
from convenant.documenten.soorten import MAAKBAAR, SOORTEN, Soort
from convenant.maak import _bouwer, invoermodel

SJABLONEN = Path(__file__).resolve().parents[2] / "templates"


def test_maak_biedt_de_soorten_van_het_register_aan() -> None:
    maak = cli.commands["maak"]
    soort = next(p for p in maak.params if p.name == "soort")
    assert isinstance(soort.type, click.Choice)
    assert tuple(soort.type.choices) == MAAKBAAR


@pytest.mark.parametrize("soort", SOORTEN, ids=[s.naam for s in SOORTEN])
def test_elke_soort_heeft_een_sjabloon_per_formaat(soort: Soort) -> None:
    naam = soort.naam
    assert (SJABLONEN / f"{naam}.md.j2").is_file()
    assert (SJABLONEN / f"{naam}.html.j2").is_file()
    assert (SJABLONEN / "docx" / f"{naam}.docx").is_file()


@pytest.mark.parametrize("soort", [s for s in SOORTEN if s.bouwer], ids=lambda s: s.naam)
def test_elke_soort_uit_een_bestand_heeft_een_bouwer_en_een_invoermodel(soort: Soort) -> None:
    naam = soort.naam
    assert callable(_bouwer(naam))
    assert invoermodel(naam).model_fields
