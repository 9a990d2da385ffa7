"""Exact money: shares add up to the total to the cent, each within a cent of its proportion."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from governance.begroting import Begroting, Post
from governance.bestanden import (
    BEZETTING,
    VERDEELSLEUTEL,
    in_register,
    laad_bezetting,
    laad_convenant,
    laad_verdeelsleutel,
)
from governance.datums import plus_maanden
from rules.lezingen import STANDAARD
from rules.liquidatie import alle_uittredingen, liquideer, verdeel, verdeel_met_centen
from rules.uittreding import simuleer

VOORBEELDREGISTER = Path(__file__).resolve().parents[2] / "examples"
BUNDEL = laad_convenant()
C = BUNDEL.model
_sleutel = in_register(VOORBEELDREGISTER, VERDEELSLEUTEL)
_bezetting = in_register(VOORBEELDREGISTER, BEZETTING)
assert _sleutel is not None
assert _bezetting is not None
SLEUTEL = laad_verdeelsleutel(_sleutel, C).model
BEZETTING_ = laad_bezetting(_bezetting, C).model

bedragen = st.decimals(
    min_value=0, max_value=Decimal("10000000"), places=2, allow_nan=False, allow_infinity=False
)
gewichten = st.dictionaries(
    st.sampled_from([p.id for p in C.partijen if p.soort == "gemeente"]),
    st.decimals(min_value=Decimal("0.001"), max_value=Decimal("1000000"), places=3),
    min_size=1,
)


@settings(max_examples=300, deadline=None)
@given(bedragen, gewichten)
def test_aandelen_tellen_exact_op_tot_het_totaal(totaal: Decimal, w: dict[str, Decimal]) -> None:
    delen = verdeel(totaal, w)
    assert sum(delen.values(), Decimal(0)) == totaal
    assert all(d == d.quantize(Decimal("0.01")) for d in delen.values())


@settings(max_examples=300, deadline=None)
@given(bedragen, gewichten)
def test_elk_aandeel_ligt_binnen_een_cent_van_zijn_exacte_deel(
    totaal: Decimal, w: dict[str, Decimal]
) -> None:
    delen = verdeel(totaal, w)
    som = sum((Fraction(x) for x in w.values()), Fraction(0))
    for k, deel in delen.items():
        exact = Fraction(totaal) * Fraction(w[k]) / som
        assert abs(Fraction(deel) - exact) < Fraction(1, 100)


@settings(max_examples=300, deadline=None)
@given(bedragen, gewichten)
def test_een_grotere_bijdrage_betaalt_nooit_minder(totaal: Decimal, w: dict[str, Decimal]) -> None:
    delen = verdeel(totaal, w)
    for a in w:
        for b in w:
            if w[a] > w[b]:
                assert delen[a] >= delen[b]


def test_drie_decimalen_zijn_geen_bedrag() -> None:
    with pytest.raises(ValueError, match="hele centen"):
        verdeel(Decimal("10.005"), {"assen": Decimal(1)})


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_uittreding_gaat_twaalf_kalendermaanden_later_in(opzegging: dt.date) -> None:
    u = simuleer(C, BEZETTING_, "meppel", "opzegtermijn", opzegging)
    assert u.ingang == plus_maanden(opzegging, 12)
    assert u.geldig
    assert "meppel" not in u.partijen_daarna


def _begroting(*posten: Post) -> Begroting:
    return Begroting(naam="test", peildatum=dt.date(2027, 12, 31), posten=list(posten))


@given(bedragen, bedragen, bedragen)
def test_liquidatie_verdeelt_alles_en_niets_dubbel(
    personeel: Decimal, overig: Decimal, gedetacheerd: Decimal
) -> None:
    begroting = _begroting(
        Post(id="p", omschrijving="p", soort="personeel_vrd", bedrag=personeel),
        Post(id="o", omschrijving="o", soort="overig", bedrag=overig),
        Post(
            id="g",
            omschrijving="g",
            soort="gedetacheerd",
            partner="ggz_drenthe",
            bedrag=gedetacheerd,
        ),
    )
    u = liquideer(C, begroting, SLEUTEL)
    assert sum(u.gemeenten.values(), Decimal(0)) == personeel + overig == u.gedeeld
    assert u.partners == ({"ggz_drenthe": gedetacheerd})
    assert u.totaal == personeel + overig + gedetacheerd
    # 25.6 also governs a dissolution by the court (aanname rechter_vrd_kosten): the gemeenten
    # bear the staff costs exactly as on opheffing; under the other reading the VRD keeps them.
    rechter = liquideer(C, begroting, SLEUTEL, "rechter")
    assert rechter.gemeenten == u.gemeenten
    assert rechter.eigen_kosten_vrd == 0
    anders = liquideer(
        C, begroting, SLEUTEL, "rechter", keuze=STANDAARD.met("rechter_vrd_kosten", "eigen_kosten")
    )
    assert anders.gemeenten == {}
    assert anders.eigen_kosten_vrd == personeel + overig


def test_uittreder_deelt_of_deelt_niet() -> None:
    begroting = _begroting(
        Post(id="p", omschrijving="p", soort="personeel_vrd", bedrag=Decimal("100000.00"))
    )
    deelt = liquideer(C, begroting, SLEUTEL, "uittreding", uittredend="emmen")
    deelt_niet = liquideer(
        C, begroting, SLEUTEL, "uittreding", uittredend="emmen", uittreder_deelt=False
    )
    assert "emmen" in deelt.gemeenten
    assert "emmen" not in deelt_niet.gemeenten
    assert deelt_niet.gemeenten["assen"] > deelt.gemeenten["assen"]
    assert any(g.aanname == "uittredende_gemeente_deelt_kosten" for g in deelt.gronden)


def test_alle_uittredingen_geeft_per_gemeente_een_volledige_verdeling() -> None:
    begroting = _begroting(
        Post(id="p", omschrijving="p", soort="personeel_vrd", bedrag=Decimal("12345.67"))
    )
    tabel = alle_uittredingen(C, begroting, SLEUTEL)
    assert len(tabel) == 12
    for weg, rest in tabel.items():
        assert weg not in rest
        assert len(rest) == 11
        assert sum(rest.values(), Decimal(0)) == Decimal("12345.67")


@given(
    st.decimals(min_value=0, max_value=10**7, places=2),
    st.lists(st.integers(min_value=1, max_value=10**6), min_size=1, max_size=12),
)
def test_de_afrondingscenten_gaan_naar_de_grootste_resten(
    totaal: Decimal, gewichten: list[int]
) -> None:
    """25.6: who received a rounding cent, and each got it for a larger remainder than any other."""
    sleutel = {f"g{i}": Decimal(w) for i, w in enumerate(gewichten)}
    delen, centen = verdeel_met_centen(totaal, sleutel)
    som = sum(sleutel.values())
    exact = {k: Fraction(totaal) * Fraction(w) / Fraction(som) for k, w in sleutel.items()}
    rest = {k: exact[k] * 100 - int(exact[k] * 100) for k in sleutel}
    assert len(centen) == len(set(centen)) < len(sleutel) or not centen
    for k in sleutel:
        omlaag = Decimal(int(exact[k] * 100)) / 100
        assert delen[k] == omlaag + (Decimal("0.01") if k in centen else 0)
    if centen:
        assert min(rest[k] for k in centen) >= max(
            (rest[k] for k in sleutel if k not in centen), default=Fraction(0)
        )
