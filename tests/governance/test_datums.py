"""Calendar months as DESIGN.md defines them, and the dates a secretaris may type."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from governance.datums import lang, ontleed_datum, plus_maanden, plus_termijn, termijn_in_woorden

datums = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2199, 12, 31))


@given(datums, st.integers(min_value=-600, max_value=600))
def test_plus_maanden_houdt_de_dag_of_neemt_de_laatste(datum: dt.date, maanden: int) -> None:
    uitkomst = plus_maanden(datum, maanden)
    assert (uitkomst.year * 12 + uitkomst.month) - (datum.year * 12 + datum.month) == maanden
    laatste = calendar.monthrange(uitkomst.year, uitkomst.month)[1]
    assert uitkomst.day == min(datum.day, laatste)


@given(datums)
def test_twaalf_maanden_opzegtermijn_valt_een_jaar_later(datum: dt.date) -> None:
    ingang = plus_maanden(datum, 12)
    assert (ingang.year, ingang.month) == (datum.year + 1, datum.month)
    assert ingang.day == datum.day or (datum.month, datum.day, ingang.day) == (2, 29, 28)


@pytest.mark.parametrize(
    ("van", "maanden", "tot"),
    [
        (dt.date(2027, 1, 31), 1, dt.date(2027, 2, 28)),
        (dt.date(2028, 1, 31), 1, dt.date(2028, 2, 29)),
        (dt.date(2028, 2, 29), 12, dt.date(2029, 2, 28)),
        (dt.date(2026, 12, 31), 12, dt.date(2027, 12, 31)),
        (dt.date(2026, 11, 30), 3, dt.date(2027, 2, 28)),
        (dt.date(2026, 3, 31), -1, dt.date(2026, 2, 28)),
    ],
)
def test_bekende_gevallen(van: dt.date, maanden: int, tot: dt.date) -> None:
    assert plus_maanden(van, maanden) == tot


def test_plus_termijn_kent_weken_dagen_en_kalendermaanden() -> None:
    d = dt.date(2026, 11, 28)
    assert plus_termijn(d, 4, "weken") == dt.date(2026, 12, 26)
    assert plus_termijn(d, 3, "dagen") == dt.date(2026, 12, 1)
    assert plus_termijn(d, 12, "kalendermaanden") == dt.date(2027, 11, 28)
    with pytest.raises(ValueError, match="onbekende eenheid"):
        plus_termijn(d, 1, "jaren")


@pytest.mark.parametrize(
    "tekst", ["2026-11-28", "28-11-2026", "28/11/2026", "28 november 2026", " 28 November 2026 "]
)
def test_ontleed_datum_leest_gangbare_schrijfwijzen(tekst: str) -> None:
    assert ontleed_datum(tekst) == dt.date(2026, 11, 28)


@pytest.mark.parametrize(
    ("tekst", "melding"),
    [
        ("30-02-2026", "30 februari 2026 bestaat niet"),
        ("morgen", "geen datum"),
        ("31 juni 2026", "31 juni 2026 bestaat niet"),
        ("2026-13-01", "maand 13 bestaat niet"),
    ],
)
def test_ontleed_datum_weigert_met_een_nederlandse_melding(tekst: str, melding: str) -> None:
    with pytest.raises(ValueError, match=melding):
        ontleed_datum(tekst)


@given(datums)
def test_lang_en_ontleed_zijn_elkaars_omgekeerde(datum: dt.date) -> None:
    assert ontleed_datum(lang(datum)) == datum


@pytest.mark.parametrize(
    ("aantal", "eenheid", "tekst"),
    [
        (4, "weken", "vier weken"),
        (1, "weken", "één week"),
        (12, "kalendermaanden", "twaalf kalendermaanden"),
        (1, "dagen", "één dag"),
        (30, "dagen", "30 dagen"),
    ],
)
def test_termijn_in_woorden(aantal: int, eenheid: str, tekst: str) -> None:
    # a term inside a sentence, as the convenant writes its own ("binnen vier weken")
    assert termijn_in_woorden(aantal, eenheid) == tekst
