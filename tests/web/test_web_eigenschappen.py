"""Property: for any attendance and votes entered in the form, the page and `convenant toets`
agree — the same verdicts when the meeting can be read, and both refuse it when it cannot."""

from __future__ import annotations

import copy
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from convenant.web.formulier import KEUZES, beoordeel, invoer_uit
from governance.bestanden import laad_bezetting, laad_convenant, laad_vergadering
from governance.errors import InvoerFout
from governance.yamlschrijver import als_yaml
from governance.zetels import beeld
from rules.toets import toets
from tests.web_hulp import VOORBEELDEN

C = laad_convenant().model
BEZETTING = laad_bezetting(VOORBEELDEN / "bezetting.yaml", C).model
BRON = laad_vergadering(VOORBEELDEN / "stuurgroep-2027-02-10.yaml")
BASIS = invoer_uit(BRON.model, beeld(C, BRON, BEZETTING))
LEDEN = sorted(BASIS.aanwezigheid)
STEMMERS = sorted({e for b in BASIS.besluiten for e in b.stemmen})

aanwezigheid = st.fixed_dictionaries(
    {lid: st.sampled_from(["aanwezig", "aanwezig", "afwezig", "inbreng"]) for lid in LEDEN}
)


@st.composite
def vergaderingen(draw: st.DrawFn) -> tuple[dict[str, str], list[dict[str, str]]]:
    """Attendance, then votes; mostly by those present, now and then by someone absent."""
    aanwezig = draw(aanwezigheid)
    mag = [e for e in STEMMERS if aanwezig.get(e) == "aanwezig"]
    stemmers = mag if draw(st.integers(0, 9)) else STEMMERS
    keuzes = st.fixed_dictionaries({e: st.sampled_from([*KEUZES, ""]) for e in stemmers})
    n = len(BASIS.besluiten)
    return aanwezig, draw(st.lists(keuzes, min_size=n, max_size=n))


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(vergaderingen())
def test_pagina_en_toets_zijn_het_eens(
    tmp_path: Path, vergadering: tuple[dict[str, str], list[dict[str, str]]]
) -> None:
    aanwezig, per_besluit = vergadering
    invoer = copy.deepcopy(BASIS)
    invoer.aanwezigheid = aanwezig
    for besluit, keuzes in zip(invoer.besluiten, per_besluit, strict=True):
        besluit.stemmen = {e: k for e, k in keuzes.items() if k}
    uitslag = beoordeel(invoer, C, BEZETTING, "vergadering.yaml")
    pad = tmp_path / "stuurgroep-2027-02-10.yaml"
    if uitslag.leesbaar:
        assert uitslag.vergadering is not None
        pad.write_text(als_yaml(uitslag.vergadering.model), encoding="utf-8")
        cli = toets(beeld(C, laad_vergadering(pad), BEZETTING))
        assert [uitslag.oordelen[i] for i in range(len(cli))] == cli
    else:
        # what the page will not save, the command cannot read either
        from convenant.web.formulier import gegevens
        from governance.yamlschrijver import als_tekst

        pad.write_text(als_tekst(gegevens(invoer, C)), encoding="utf-8")
        try:
            beeld(C, laad_vergadering(pad), BEZETTING)
        except InvoerFout:
            return
        raise AssertionError("de pagina weigerde een vergadering die convenant toets wel leest")
