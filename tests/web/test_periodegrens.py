"""A bezetting period's `tot` is the first day it no longer holds (governance.models
BezettingsPeriode). On that day the next period's members sit, not the old ones: a meeting on
the boundary must not mail, nor show agendas to, the Partij whose member left."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from convenant.web import partij, verzenden
from convenant.web.werkplek import Werkplek
from tests.web_hulp import kopieer_register

# examples/bezetting.yaml: Meppel's burgemeester sits until 2027-01-01 (exclusive); from that
# day Coevorden's sits in the Stuurgroep.
GRENS = dt.date(2027, 1, 1)


@pytest.fixture
def werkplek(tmp_path: Path) -> Werkplek:
    return Werkplek(kopieer_register(tmp_path / "register"))


def _vergadering(datum: dt.date) -> Any:
    return SimpleNamespace(orgaan="stuurgroep", datum=datum)


@pytest.mark.parametrize(
    ("datum", "zit", "zit_niet"),
    [(GRENS - dt.timedelta(days=1), "meppel", "coevorden"), (GRENS, "coevorden", "meppel")],
)
def test_post_gaat_naar_wie_op_de_dag_zelf_zit(
    werkplek: Werkplek, datum: dt.date, zit: str, zit_niet: str
) -> None:
    partijen = verzenden._partijen_van_orgaan(werkplek, _vergadering(datum))
    assert zit in partijen
    assert zit_niet not in partijen


@pytest.mark.parametrize(
    ("datum", "zit", "zit_niet"),
    [(GRENS - dt.timedelta(days=1), "meppel", "coevorden"), (GRENS, "coevorden", "meppel")],
)
def test_een_partij_ziet_haar_leden_op_de_dag_zelf(
    werkplek: Werkplek, datum: dt.date, zit: str, zit_niet: str
) -> None:
    assert partij._leden_van(werkplek, _vergadering(datum), zit)
    assert not partij._leden_van(werkplek, _vergadering(datum), zit_niet)
