"""Properties every verdict must have, over generated meetings of the Stuurgroep and Partneroverleg."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from governance.bestanden import (
    BEZETTING,
    in_register,
    laad_bezetting,
    laad_convenant,
    laad_vergadering,
    vergaderbestanden,
)
from governance.loader import Bestand, Bron
from governance.vergadering import Vergadering
from governance.zetels import beeld
from rules.oordeel import Oordeel
from rules.toets import toets, toets_besluit

VOORBEELDREGISTER = Path(__file__).resolve().parents[2] / "examples"

BUNDEL = laad_convenant()
C = BUNDEL.model
_pad = in_register(VOORBEELDREGISTER, BEZETTING)
assert _pad is not None
BEZ = laad_bezetting(_pad, C).model
DATUM = dt.date(2027, 3, 3)
_periode = BEZ.op(DATUM)
assert _periode is not None
PERIODE = _periode

SOORTEN = {
    "stuurgroep": [
        "beleid",
        "personeel",
        "werkproces",
        "bijdrage_of_dienstverlening",
        "tactische_sturing",
        "aanwijzing_manager",
    ],
    "partneroverleg": [
        "tactische_sturing",
        "incidenteel_strategisch",
        "beleid",
        "externe_communicatie",
    ],
}


def _stemgerechtigd(orgaan: str) -> list[str]:
    return [
        lid.id
        for lid in PERIODE.organen[orgaan].leden
        if lid.functie in ("lid", "voorzitter") and lid.vertegenwoordigt
    ]


def _partijen_van(orgaan: str) -> list[str]:
    return sorted({p for lid in PERIODE.organen[orgaan].leden for p in lid.vertegenwoordigt})


@st.composite
def vergaderingen(draw: st.DrawFn) -> dict[str, Any]:
    orgaan = draw(st.sampled_from(["stuurgroep", "partneroverleg"]))
    zetels = _stemgerechtigd(orgaan)
    status = {
        z: draw(
            st.sampled_from(["aanwezig", "aanwezig", "aanwezig", "afwezig", "afwezig_met_inbreng"])
        )
        for z in zetels
    }
    aanwezig = [z for z in zetels if status[z] == "aanwezig"]
    afwezig = [
        {"lid": z, "schriftelijke_inbreng": status[z] == "afwezig_met_inbreng"}
        for z in zetels
        if status[z] != "aanwezig"
    ]
    stemmen: dict[str, list[str]] = {"voor": [], "tegen": [], "onthouding": []}
    for z in aanwezig:
        keuze = draw(st.sampled_from(["voor", "tegen", "onthouding", None]))
        if keuze:
            stemmen[keuze].append(z)
    besluit = {
        "id": "b1",
        "onderwerp": "gegenereerd",
        "soort": draw(st.sampled_from(SOORTEN[orgaan])),
        "treft": draw(st.lists(st.sampled_from(_partijen_van(orgaan)), max_size=3, unique=True)),
        "verwerkingsverantwoordelijkheid": draw(st.booleans()),
        "stemmen": stemmen,
    }
    gevraagd = draw(st.sampled_from([None, "2027-02-01", "2027-02-01", "2027-03-10"]))
    return {
        "orgaan": orgaan,
        "datum": DATUM.isoformat(),
        "inbreng_gevraagd_op": gevraagd,
        "openbaar": draw(st.booleans()) and draw(st.booleans()),
        "aanwezig": aanwezig,
        "afwezig": afwezig,
        "besluiten": [besluit],
    }


def oordeel(data: dict[str, Any]) -> Oordeel:
    bestand = Bestand(Vergadering.model_validate(data), Bron(Path("gegenereerd.yaml")))
    return toets(beeld(C, bestand, BEZ))[0]


def _kern(o: Oordeel) -> tuple[object, ...]:
    return (
        o.oordeel,
        o.escaleren_naar,
        o.stemmen,
        sorted((g.artikel, g.uitleg, g.aanname) for g in o.gronden),
    )


EIGENSCHAP = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@EIGENSCHAP
@given(vergaderingen(), st.data())
def test_een_tegenstem_omzetten_in_voor_houdt_aangenomen_aangenomen(
    data: dict[str, Any], trek: st.DataObject
) -> None:
    voor = oordeel(data)
    stemmen = data["besluiten"][0]["stemmen"]
    if voor.oordeel != "aangenomen" or not stemmen["tegen"]:
        return
    lid = trek.draw(st.sampled_from(stemmen["tegen"]))
    stemmen["tegen"].remove(lid)
    stemmen["voor"].append(lid)
    assert oordeel(data).oordeel == "aangenomen"


@EIGENSCHAP
@given(vergaderingen(), st.data())
def test_meer_voorstemmen_maken_een_besluit_nooit_slechter(
    data: dict[str, Any], trek: st.DataObject
) -> None:
    stemmen = data["besluiten"][0]["stemmen"]
    kandidaten = stemmen["tegen"] + stemmen["onthouding"]
    if not kandidaten:
        return
    eerst = oordeel(data).oordeel
    lid = trek.draw(st.sampled_from(kandidaten))
    for lijst in ("tegen", "onthouding"):
        if lid in stemmen[lijst]:
            stemmen[lijst].remove(lid)
    stemmen["voor"].append(lid)
    daarna = oordeel(data).oordeel
    volgorde = ["verworpen", "escaleren", "aangenomen"]
    if eerst in volgorde and daarna in volgorde:
        assert volgorde.index(daarna) >= volgorde.index(eerst)
    else:
        assert daarna == eerst  # blocked by something else than the vote: the vote cannot change it


@EIGENSCHAP
@given(vergaderingen(), st.data())
def test_schriftelijke_inbreng_maakt_een_geldig_besluit_nooit_ongeldig(
    data: dict[str, Any], trek: st.DataObject
) -> None:
    zonder = [a for a in data["afwezig"] if not a["schriftelijke_inbreng"]]
    if not zonder:
        return
    eerst = oordeel(data)
    trek.draw(st.sampled_from(zonder))["schriftelijke_inbreng"] = True
    daarna = oordeel(data)
    if eerst.geldig:
        assert daarna.oordeel == eerst.oordeel
    if eerst.oordeel != "aangehouden":
        assert daarna.oordeel == eerst.oordeel


@EIGENSCHAP
@given(vergaderingen(), st.randoms(use_true_random=False))
def test_de_volgorde_in_het_bestand_verandert_het_oordeel_niet(
    data: dict[str, Any], toeval: Any
) -> None:
    eerst = oordeel(data)
    toeval.shuffle(data["aanwezig"])
    toeval.shuffle(data["afwezig"])
    for lijst in data["besluiten"][0]["stemmen"].values():
        toeval.shuffle(lijst)
    toeval.shuffle(data["besluiten"][0]["treft"])
    assert _kern(oordeel(data)) == _kern(eerst)


@EIGENSCHAP
@given(vergaderingen())
def test_elk_oordeel_heeft_gronden_met_een_artikel(data: dict[str, Any]) -> None:
    o = oordeel(data)
    assert o.gronden
    assert all(g.artikel and g.uitleg for g in o.gronden)
    if o.oordeel == "escaleren":
        assert o.escaleren_naar in C.orgaan
    else:
        assert o.escaleren_naar is None
    if o.oordeel in ("ongeldig", "aangehouden"):
        assert any(g.effect == o.oordeel for g in o.gronden)


@EIGENSCHAP
@given(vergaderingen())
def test_een_besluit_los_getoetst_krijgt_hetzelfde_oordeel(data: dict[str, Any]) -> None:
    # `toets` works out a meeting's own grounds once and shares them among its besluiten;
    # `toets_besluit` works them out for one besluit. Both must say exactly the same.
    bestand = Bestand(Vergadering.model_validate(data), Bron(Path("gegenereerd.yaml")))
    b = beeld(C, bestand, BEZ)
    assert toets(b) == [toets_besluit(b, besluit) for besluit in bestand.model.besluiten]


def test_de_voorbeelden_los_en_per_vergadering_getoetst_gelijk() -> None:
    gezien = 0
    for pad in vergaderbestanden(VOORBEELDREGISTER):
        bestand = laad_vergadering(pad)
        b = beeld(C, bestand, BEZ)
        assert toets(b) == [toets_besluit(b, besluit) for besluit in bestand.model.besluiten]
        gezien += len(bestand.model.besluiten)
    assert gezien >= 15  # every example meeting, not an empty loop
