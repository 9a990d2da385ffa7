"""Loading: the bundled files, the model helpers, and where error messages point."""

from __future__ import annotations

import datetime as dt
import re
import typing
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel

from governance import loader
from governance.bestanden import (
    BEZETTING,
    VERDEELSLEUTEL,
    in_register,
    laad_bezetting,
    laad_convenant,
    vergaderbestanden,
)
from governance.errors import InvoerFout
from governance.lint import lint_bezetting, lint_convenant
from governance.models import Convenant
from tests.scenario_runners import draai

VOORBEELDREGISTER = Path(__file__).resolve().parents[2] / "examples"

BESTAND = laad_convenant()
C = BESTAND.model


def test_libyaml_wordt_gebruikt_waar_het_er_is() -> None:
    if yaml.__with_libyaml__:
        assert issubclass(loader._Lader, yaml.CSafeLoader)


def test_gebundelde_bestanden_zijn_zonder_fouten() -> None:
    assert lint_convenant(BESTAND) == []
    bezetting_pad = in_register(VOORBEELDREGISTER, BEZETTING)
    assert bezetting_pad is not None
    assert in_register(VOORBEELDREGISTER, VERDEELSLEUTEL) is not None
    assert lint_bezetting(laad_bezetting(bezetting_pad, C), C) == []


def test_elke_aanname_verwijst_naar_een_bevinding_met_aanname() -> None:
    from governance.verwijzingen import verwijzingen

    for ref in verwijzingen(C):
        if ref.soort == "bevinding":
            assert C.bevinding[ref.waarde].aanname, ref


def test_de_voorbeelden_uit_de_opdracht_zijn_bevindingen() -> None:
    assert C.bevinding["verwijzing_6_6"].soort == "verwijzing"
    assert C.bevinding["geen_quorum"].soort == "stilzwijgen"
    assert all(o.quorum is None for o in C.organen)


def test_elke_bevinding_heeft_een_hele_vraag_als_titel() -> None:
    """A secretaris meets every finding by its title: on the convenant page, in a verdict's
    link to its aanname, as a heading in the documents. That is its question, whole (never an
    omschrijving cut at 90 characters), short, and one of its own, so no two points read alike."""
    vragen: dict[str, str] = {}
    for b in C.bevindingen:
        assert b.vraag, f"bevinding {b.id} heeft geen vraag"
        assert len(b.vraag) <= 80, (b.id, b.vraag)
        assert b.vraag.endswith("?"), (b.id, b.vraag)
        assert b.vraag[0].isupper(), (b.id, b.vraag)
        # a title in words: no id of the program ('vrd_geen_partij') and no cut text
        assert not re.search(r"\w_\w", b.vraag), (b.id, b.vraag)
        assert "…" not in b.vraag, (b.id, b.vraag)
        assert b.vraag not in vragen, f"{b.id} en {vragen[b.vraag]} hebben dezelfde vraag"
        vragen[b.vraag] = b.id


def test_vrd_tekent_maar_is_geen_partij() -> None:
    vrd = C.partij["vrd"]
    assert vrd.soort == "ondersteuner"
    assert not vrd.is_partij
    assert sum(p.is_partij for p in C.partijen_op(dt.date(2026, 11, 28))) == 31


def test_bezetting_per_datum() -> None:
    pad = in_register(VOORBEELDREGISTER, BEZETTING)
    assert pad is not None
    bezetting = laad_bezetting(pad, C).model
    oud, nieuw = bezetting.op(dt.date(2026, 12, 31)), bezetting.op(dt.date(2027, 1, 1))
    assert oud is not None
    assert nieuw is not None
    assert "sg_meppel" in {lid.id for lid in oud.organen["stuurgroep"].leden}
    assert "sg_coevorden" in {lid.id for lid in nieuw.organen["stuurgroep"].leden}
    assert bezetting.op(dt.date(2025, 12, 31)) is None


def test_gezamenlijke_afgevaardigde_vertegenwoordigt_zijn_mandaatgevers() -> None:
    pad = in_register(VOORBEELDREGISTER, BEZETTING)
    assert pad is not None
    periode = laad_bezetting(pad, C).model.perioden[0]
    leden = {lid.id: lid for lid in periode.organen["partneroverleg"].leden}
    assert len(leden["po_gemeenten"].vertegenwoordigt) == 12
    assert leden["po_reclassering"].vertegenwoordigt == ["reclassering_nl", "ldh_jbr", "vnn"]
    assert leden["po_politie"].vertegenwoordigt == ["politie"]
    assert leden["po_manager"].vertegenwoordigt == []


def _fout(tmp_path: Path, tekst: str) -> str:
    pad = tmp_path / "c.yaml"
    pad.write_text(tekst, encoding="utf-8")
    with pytest.raises(InvoerFout) as info:
        loader.laad(pad, Convenant)
    return str(info.value)


def test_meldingen_noemen_bestand_regel_kolom_en_pad(tmp_path: Path) -> None:
    tekst = loader.gebundeld("convenant.yaml").read_text(encoding="utf-8")
    kapot = tekst.replace(
        "  - id: assen\n    naam: Gemeente Assen\n", "  - id: assen\n    naam: [Gemeente, Assen]\n"
    )
    regel = kapot[: kapot.index("naam: [Gemeente")].count("\n") + 1
    melding = _fout(tmp_path, kapot)
    assert melding.startswith(
        f"{tmp_path / 'c.yaml'}:{regel}:11: partijen[assen].naam: verwacht tekst, maar hier staat een opsomming\n"
        '    herstel: schrijf tekst, bijv. naam: "uw tekst"'
    )


def test_meerdere_fouten_komen_allemaal_in_een_keer(tmp_path: Path) -> None:
    tekst = loader.gebundeld("convenant.yaml").read_text(encoding="utf-8")
    kapot = tekst.replace("soort: gemeente\n", "soort: gemente\n")
    assert _fout(tmp_path, kapot).count("'gemente' is hier niet toegestaan") == 12


def test_verwijzingen_vinden_met_de_typen_van_pydantic_wat_typing_vindt(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The reference check takes the field types pydantic resolved, and falls back to typing
    # where pydantic left them incomplete (or is older than 2.11): typing alone must agree.
    from governance import verwijzingen as v
    from governance.bestanden import laad_vergadering

    voorbeelden = Path(__file__).resolve().parents[2] / "examples"
    modellen = [C, *(laad_vergadering(p).model for p in vergaderbestanden(voorbeelden))]
    snel = [list(v.verwijzingen(m)) for m in modellen]

    def met_typing(klasse: type[BaseModel]) -> tuple[tuple[str, Any], ...]:
        hints = typing.get_type_hints(klasse, include_extras=True)
        return tuple((naam, hints[naam]) for naam in klasse.model_fields)

    monkeypatch.setattr(v, "_velden", met_typing)
    assert [list(v.verwijzingen(m)) for m in modellen] == snel
    assert sum(map(len, snel)) > 800


_TE_VER = """orgaan: stuurgroep
datum: 2027-02-10
afwezig:
 - lid: sg_meppel
    schriftelijke_inbreng: true
"""


@pytest.mark.parametrize(
    ("tekst", "plaats", "melding", "herstel"),
    [
        (
            _TE_VER,
            ":5:5:",
            "'schriftelijke_inbreng' staat 1 spatie(s) verder ingesprongen dan 'lid' op regel 4",
            "laat 'schriftelijke_inbreng' op kolom 4 beginnen, recht onder 'lid': "
            '"   schriftelijke_inbreng: true"',
        ),
        (
            "orgaan: stuurgroep\n  datum: 2027-02-10\n",
            ":2:3:",
            "'datum' staat 2 spatie(s) verder ingesprongen dan 'orgaan' op regel 1",
            "laat 'datum' op kolom 1 beginnen, recht onder 'orgaan': \"datum: 2027-02-10\"",
        ),
    ],
)
def test_een_te_ver_ingesprongen_sleutel_krijgt_inspringadvies(
    tmp_path: Path, tekst: str, plaats: str, melding: str, herstel: str
) -> None:
    """PyYAML calls this a ':' that is not allowed; quoting would not help, lining up does."""
    pad = tmp_path / "vergadering.yaml"
    pad.write_text(tekst, encoding="utf-8")
    code, uit, fout = draai(["toets", str(pad)])
    assert code == 2
    assert not uit
    eerste, tweede = fout.splitlines()[:2]
    assert f"{pad}{plaats} YAML-syntaxfout: de inspringing klopt waarschijnlijk niet" in eerste
    assert melding in eerste
    assert herstel in tweede
    assert "aanhalingstekens" not in eerste


def test_een_dubbele_punt_in_tekst_houdt_het_advies_over_aanhalingstekens(tmp_path: Path) -> None:
    pad = tmp_path / "vergadering.yaml"
    pad.write_text("orgaan: stuurgroep\nonderwerp: Besluit: iets\n", encoding="utf-8")
    code, _, fout = draai(["toets", str(pad)])
    assert code == 2
    assert f"{pad}:2:19: YAML-syntaxfout: hier mag geen ':' staan" in fout
    assert "zet tekst met een dubbele punt tussen aanhalingstekens" in fout
