"""Where a toetreding stands (22.3, 22.4, Bijlage 1): a rule, judged without the workplace."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from convenant.register import Register
from governance.toetreding import Antwoord, Toetredingsdossier
from rules.toetreding import stand_toetreding

VOORBEELDEN = Path(__file__).resolve().parents[2] / "examples"


def _dossier(**wijziging: object) -> tuple[Register, Toetredingsdossier]:
    r = Register(None)
    d = r.dossier(VOORBEELDEN / "toetredingen" / "voorbeeldzorg.yaml").model
    return r, d.model_copy(update=wijziging)


def test_zonder_kennisgeving_wacht_zij_op_de_kennisgeving() -> None:
    r, d = _dossier(kennisgeving_op=None, datum_ondertekening=None, toegetreden_op=None)
    s = stand_toetreding(r.convenant, d, None)
    assert s.stap == "kennisgeving"
    assert "22.3" in s.wacht_op


def test_een_bezwaar_houdt_de_toetreding_tegen() -> None:
    r, d = _dossier(datum_ondertekening=None, toegetreden_op=None)
    bezwaar = Antwoord(partij="meppel", antwoord="bezwaar", op=dt.date(2027, 2, 1))
    d = d.model_copy(update={"antwoorden": [*d.antwoorden, bezwaar]})
    s = stand_toetreding(r.convenant, d, None)
    assert s.stap == "antwoorden"
    assert s.bezwaar == ["Gemeente Meppel"]
    assert "22.4" in s.wacht_op


def test_ondertekend_is_zij_partij() -> None:
    r, d = _dossier(datum_ondertekening=dt.date(2027, 6, 1))
    s = stand_toetreding(r.convenant, d, None)
    assert s.stap == "in_kracht"
    assert "1 juni 2027" in s.wacht_op
