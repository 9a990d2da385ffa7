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


def test_de_hulp_van_maak_noemt_elke_soort_met_artikelen_en_ondertekenaar() -> None:
    """The help's list of kinds is the registry's: a kind added there (or a signer changed)
    shows in `convenant maak --help` without a second list to keep."""
    from click.testing import CliRunner

    hulp = " ".join(CliRunner().invoke(cli, ["maak", "--help"]).output.split())
    for s in SOORTEN:
        if not s.maak:
            assert f" {s.naam} " not in hulp
            continue
        kop = f"{s.naam} ({', '.join(s.artikelen)})" if s.artikelen else s.naam
        assert kop in hulp
        if s.ondertekenaar:
            assert f"getekend door {s.ondertekenaar}" in hulp
