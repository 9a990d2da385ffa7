"""What a new user runs into first: ids written as names, messages that say what to write."""

from __future__ import annotations

import pytest

from governance.errors import bedoelde_u
from tests.scenario_runners import draai


def test_simuleer_met_de_naam_van_een_partij_stelt_de_id_voor() -> None:
    code, _, fout = draai(
        ["simuleer", "uittreding", "--partij", "Gemeente Emmen", "--opzegging", "2027-01-31"]
    )
    assert code == 2
    assert "'Gemeente Emmen' is geen Partij (bedoelde u 'emmen'?)" in fout
    assert "'convenant partijen' toont de ids" in fout


@pytest.mark.parametrize(
    ("geschreven", "id_"),
    [
        ("Gemeente Emmen", "emmen"),
        ("gemeente midden drenthe", "midden_drenthe"),
        ("Burgemeester van Assen", "sg_assen"),
        ("sg_asen", "sg_assen"),
        ("Emmen", "emmen"),
    ],
)
def test_bedoelde_u_kent_ids_en_namen(geschreven: str, id_: str) -> None:
    ids = ["assen", "emmen", "midden_drenthe", "sg_assen", "sg_emmen"]
    namen = {
        "Gemeente Assen": "assen",
        "Gemeente Emmen": "emmen",
        "Gemeente Midden-Drenthe": "midden_drenthe",
        "Burgemeester van Assen (voorbeeld)": "sg_assen",
        "Burgemeester van Emmen (voorbeeld)": "sg_emmen",
    }
    assert bedoelde_u(geschreven, ids, namen) == id_


def test_bedoelde_u_zwijgt_als_niets_lijkt() -> None:
    assert (
        bedoelde_u("Provincie Groningen", ["assen", "emmen"], {"Gemeente Assen": "assen"}) is None
    )
