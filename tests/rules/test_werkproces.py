"""The werkproces as a state machine: no path is closed without the cleaning step (1.10)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from governance.bestanden import laad_convenant
from governance.casus import Casus
from governance.graaf import werkproces_dot, werkproces_mermaid
from rules.casus import toets_casus

C = laad_convenant().model


@st.composite
def paden(draw: st.DrawFn) -> dict[str, Any]:
    """A walk through the state machine, choosing outcomes and facts at random."""
    stappen: list[dict[str, Any]] = []
    fase: str | None = C.werkproces.begin
    datum = dt.date(2027, 1, 1)
    while fase is not None and len(stappen) < 12:
        uitkomst = draw(st.sampled_from(C.fase[fase].uitkomsten))
        stap: dict[str, Any] = {
            "fase": fase,
            "datum": datum,
            "uitkomst": uitkomst.id,
            "geschoond": draw(st.booleans()),
        }
        if draw(st.booleans()):
            stap["uitgenodigd"] = [{"partij": "politie", "grondslag": "aanmelder"}]
        if draw(st.booleans()):
            stap["casusregisseur"] = "ggz_drenthe"
        if draw(st.booleans()):
            stap["afschaling"] = {"criteria": "stabiel", "besloten_op": datum}
        stappen.append(stap)
        datum += dt.timedelta(days=7)
        fase = uitkomst.naar
    return {"casus": "P-1", "aangemeld_door": "politie", "stappen": stappen}


@given(paden())
def test_geen_pad_wordt_afgesloten_zonder_te_schonen(data: dict[str, Any]) -> None:
    oordeel = toets_casus(C, Casus.model_validate(data))
    if oordeel.einde == "afgesloten" and oordeel.toegestaan:
        assert any(s["fase"] == "afschalen" and s["geschoond"] for s in data["stappen"])
        assert any(s.get("afschaling") for s in data["stappen"] if s["uitkomst"] == "afschalen")


@given(paden())
def test_elke_stap_heeft_gronden_met_een_artikel(data: dict[str, Any]) -> None:
    oordeel = toets_casus(C, Casus.model_validate(data))
    assert len(oordeel.stappen) == len(data["stappen"])
    for stap in oordeel.stappen:
        assert stap.gronden
        assert all(g.artikel for g in stap.gronden)
        assert stap.toegestaan == (not any(g.effect for g in stap.gronden))


def test_werkproces_als_graaf() -> None:
    mermaid, dot = werkproces_mermaid(C), werkproces_dot(C)
    overgangen = sum(len(f.uitkomsten) for f in C.werkproces.fasen)
    assert mermaid.count("-->|") == overgangen
    assert dot.count(" -> ") == overgangen
    assert "einde_afgesloten" in mermaid
