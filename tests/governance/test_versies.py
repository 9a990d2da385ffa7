"""The text in force on a date (23.2): `governance.versies`, `convenant versie` and the checks
`convenant valideer` makes of every addendum of a register."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from governance.bestanden import laad_convenant
from governance.documenten import Addendum
from governance.loader import laad
from governance.versies import AddendumFout, pas_toe, tekst_op
from rules.oordeel import raakt
from tests.scenario_runners import draai

VOORBEELDEN = Path(__file__).resolve().parents[2] / "examples"
ADDENDUM = VOORBEELDEN / "documenten" / "addendum-2027-1.yaml"
INGANG = dt.date(2027, 7, 1)
C = laad_convenant().model
A = laad(ADDENDUM, Addendum).model


@given(st.dates(dt.date(2026, 1, 1), dt.date(2029, 12, 31)))
def test_een_addendum_geldt_vanaf_zijn_ingangsdatum_en_niet_eerder(datum: dt.date) -> None:
    versie = tekst_op(C, [A], datum)
    if datum < INGANG:
        assert versie.convenant is C  # the bundled text itself, unchanged
        assert (versie.addenda, versie.later) == ((), (A,))
    else:
        assert [a.nummer for a in versie.addenda] == ["2027-1"]
        assert versie.later == ()
        assert versie.convenant.addenda == versie.addenda


def test_addendum_2027_1_maakt_van_de_verwijzing_in_6_6_tekst() -> None:
    oud, nieuw = tekst_op(C, [A], dt.date(2027, 6, 30)), tekst_op(C, [A], INGANG)
    assert oud.convenant.soort["tactische_sturing"].aanname == "verwijzing_6_6"
    assert nieuw.convenant.soort["tactische_sturing"].aanname is None
    assert "verwijzing_6_6" not in nieuw.convenant.bevinding
    # Only the assumption lapses: who decides stays the same (the addendum says no more).
    assert nieuw.convenant.soort["tactische_sturing"].bevoegd == ["partneroverleg"]
    assert C.soort["tactische_sturing"].aanname == "verwijzing_6_6"  # the bundled text stays


def _addendum(**wijziging: object) -> Addendum:
    return A.model_copy(
        update={"wijzigingen": [{"artikel": "6.9a", "wordt": "Nieuw.", **wijziging}]}
    )


def _als_addendum(wijziging: dict[str, object]) -> Addendum:
    data = A.model_dump()
    data["wijzigingen"] = [{"artikel": "6.9a", "wordt": "Nieuw.", **wijziging}]
    return Addendum.model_validate(data)


@pytest.mark.parametrize(
    ("wijziging", "melding", "suggestie"),
    [
        (
            {"regels": [{"pad": "soorten[tactische_sturring].bevoegd", "wordt": []}]},
            "geen 'tactische_sturring'",
            "tactische_sturing",
        ),
        (
            {"regels": [{"pad": "soorten[beleid].bevoegdheid", "wordt": []}]},
            "geen 'bevoegdheid'",
            "bevoegd",
        ),
        (
            {"regels": [{"pad": "soorten[beleid].bevoegd", "wordt": ["stuurgroepp"]}]},
            "onbekend orgaan 'stuurgroepp'",
            "stuurgroep",
        ),
        ({"regels": [{"pad": "soorten[beleid].bevoegd", "wordt": "ja"}]}, "past niet", None),
        ({"vervallen_aannames": ["verwijzing_6_7"]}, "onbekende bevinding", "verwijzing_6_6"),
        ({"vervallen_aannames": ["staking_van_stemmen"]}, "betwiste lezing", None),
        ({"artikel": "6.11"}, "geen lid 11", None),
    ],
)
def test_wat_niet_in_het_convenant_past_wordt_geweigerd(
    wijziging: dict[str, object], melding: str, suggestie: str | None
) -> None:
    with pytest.raises(AddendumFout) as fout:
        pas_toe(C, _als_addendum(wijziging))
    afwijking = fout.value.afwijkingen[0]
    assert melding in afwijking.tekst
    assert afwijking.herstel
    assert afwijking.suggestie == suggestie
    assert afwijking.loc[:2] == ("wijzigingen", 0)


def test_een_regelwijziging_zegt_in_woorden_wat_was_en_wat_wordt() -> None:
    c, toegepast = pas_toe(
        C,
        _als_addendum(
            {"regels": [{"pad": "soorten[tactische_sturing].bevoegd", "wordt": ["stuurgroep"]}]}
        ),
    )
    assert c.soort["tactische_sturing"].bevoegd == ["stuurgroep"]
    uitleg = toegepast.wijzigingen[-1].uitleg
    assert "was Partneroverleg" in uitleg
    assert "wordt Stuurgroep" in uitleg
    assert "tactische_sturing" not in uitleg  # names, not ids


def test_een_citaat_valt_onder_het_gewijzigde_lid() -> None:
    assert raakt("6.6", "6.6")
    assert raakt("6.9a", "6.9")
    assert raakt("6.6", "6")
    assert not raakt("6.60", "6.6")
    assert not raakt("16.6", "6.6")
    assert not raakt("6.6", "6.9")


# --- convenant versie ---------------------------------------------------------------------------


def test_versie_toont_beide_standen_rond_1_juli_2027() -> None:
    code, uit, fout = draai(
        ["versie", "--register", str(VOORBEELDEN), "--op", "2027-06-30", "--json"]
    )
    assert (code, fout) == (0, "")
    juni = json.loads(uit)
    assert juni["addenda"] == []
    assert [a["nummer"] for a in juni["nog_niet_in_werking"]] == ["2027-1"]
    code, uit, _ = draai(["versie", "--register", str(VOORBEELDEN), "--op", "2027-08-01", "--json"])
    augustus = json.loads(uit)
    assert code == 0
    assert augustus["nog_niet_in_werking"] == []
    [addendum] = augustus["addenda"]
    assert (addendum["nummer"], addendum["ingangsdatum"], addendum["artikelen"]) == (
        "2027-1",
        "2027-07-01",
        ["6.6"],
    )
    assert any("taken in 6.9" in w["uitleg"] for w in addendum["wijzigingen"])
    assert any(w["aanname"] == "verwijzing_6_6" for w in addendum["wijzigingen"])


def test_versie_in_woorden() -> None:
    _, juni, _ = draai(["versie", "--register", str(VOORBEELDEN), "--op", "30 juni 2027"])
    _, augustus, _ = draai(["versie", "--register", str(VOORBEELDEN), "--op", "2027-08-01"])
    assert "zonder wijziging" in juni
    assert "gaat in op 1 juli 2027" in juni
    assert "gewijzigd door één addendum" in augustus
    assert "in werking sinds 1 juli 2027" in augustus
    assert "verwijzing_6_6" not in augustus  # words, not ids


# --- convenant valideer and toets on a broken addendum ---------------------------------------------


@pytest.fixture
def register(tmp_path: Path) -> Path:
    shutil.copytree(VOORBEELDEN, tmp_path / "register")
    return tmp_path / "register"


@pytest.mark.parametrize(
    ("van", "naar", "melding", "suggestie"),
    [
        (
            "vervallen_aannames: [verwijzing_6_6]",
            "vervallen_aannames: [verwijzing_6_7]",
            "onbekende bevinding 'verwijzing_6_7'",
            "verwijzing_6_6",
        ),
        (
            "vervallen_aannames: [verwijzing_6_6]",
            "regels: [{pad: 'soorten[tactise_sturing].bevoegd', wordt: [stuurgroep]}]",
            "geen 'tactise_sturing'",
            "tactische_sturing",
        ),
        ('- artikel: "6.6"', '- artikel: "6.66"', "geen lid 66", None),
    ],
)
def test_valideer_en_toets_wijzen_de_fout_in_het_addendum_aan(
    register: Path, van: str, naar: str, melding: str, suggestie: str | None
) -> None:
    pad = register / "documenten" / "addendum-2027-1.yaml"
    tekst = pad.read_text(encoding="utf-8")
    assert van in tekst
    pad.write_text(tekst.replace(van, naar), encoding="utf-8")
    regel = next(i for i, r in enumerate(pad.read_text().splitlines(), 1) if naar in r)
    for opdracht in (
        ["valideer", "--register", str(register)],
        ["toets", str(register / "stuurgroep-2027-10-06.yaml")],  # after 1 July 2027
        ["versie", "--register", str(register), "--op", "2027-08-01"],
    ):
        code, _, fout = draai(opdracht)
        assert code == 2, (opdracht, fout)
        regels = [r for r in fout.splitlines() if f"{pad}:{regel}:" in r and melding in r]
        assert regels, (opdracht, fout)
        assert "herstel:" in fout
        assert "Traceback" not in fout
        if suggestie:
            assert f"bedoelde u '{suggestie}'?" in regels[0]


def test_valideer_noemt_de_addenda_die_het_las(register: Path) -> None:
    code, uit, _ = draai(["valideer", "--register", str(register), "--geen-bevindingen"])
    assert code == 0
    assert "addendum 2027-1, in werking vanaf 1 juli 2027" in uit


def test_valideer_zegt_welke_bevinding_een_addendum_oplost(register: Path) -> None:
    _, uit, _ = draai(["valideer", "--register", str(register)])
    assert "vervalt per 1 juli 2027: addendum 2027-1 lost dit op" in uit
    _, uit, _ = draai(["valideer", "--register", str(register), "--json"])
    bevindingen = {b["id"]: b for b in json.loads(uit)["bevindingen"]}
    assert bevindingen["verwijzing_6_6"]["vervalt_door"] == {
        "addendum": "2027-1",
        "ingangsdatum": "2027-07-01",
    }
    assert bevindingen["geen_quorum"]["vervalt_door"] is None


def test_een_tekst_in_werking_opnieuw_gegeven_krijgt_het_addendum_niet_twee_keer() -> None:
    # A caller (the register service) may hand beeld a text in force already.
    from governance.bestanden import laad_bezetting, laad_vergadering
    from governance.zetels import beeld

    nieuw = tekst_op(C, [A], INGANG).convenant
    assert [a.nummer for a in tekst_op(nieuw, [A], INGANG).addenda] == ["2027-1"]
    register = VOORBEELDEN / "partneroverleg-2027-03-03.yaml"
    bezetting = laad_bezetting(VOORBEELDEN / "bezetting.yaml", nieuw).model
    b = beeld(nieuw, laad_vergadering(register), bezetting, VOORBEELDEN)
    assert [a.nummer for a in b.convenant.addenda] == ["2027-1"]


def test_een_vergadering_voor_de_ingangsdatum_hangt_niet_af_van_een_kapot_addendum(
    register: Path,
) -> None:
    # The text in force in March 2027 does not depend on an addendum of July: that meeting is
    # judged as before, while valideer and a meeting after July name the error.
    pad = register / "documenten" / "addendum-2027-1.yaml"
    pad.write_text(pad.read_text().replace('artikel: "6.6"', 'artikel: "6.66"'), encoding="utf-8")
    code, uit, fout = draai(["toets", str(register / "partneroverleg-2027-03-03.yaml")])
    assert (code, fout) == (1, "")
    assert "po-2027-14  AANGEHOUDEN" in uit
