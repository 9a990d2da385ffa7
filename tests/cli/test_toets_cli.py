"""`convenant toets`, `escaleer` and `schema` as a secretaris and a script use them."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tests.scenario_runners import draai

VOORBEELDEN = Path(__file__).resolve().parents[2] / "examples"
STUURGROEP = str(VOORBEELDEN / "stuurgroep-2027-02-10.yaml")
CASUS = str(VOORBEELDEN / "casusoverleg-2027-04-14.yaml")


def test_json_volgt_de_vorm_uit_het_ontwerp() -> None:
    code, uit, _ = draai(["toets", STUURGROEP, "--json"])
    data = json.loads(uit)
    assert code == 1
    assert set(data) == {"vergadering", "besluiten"}
    assert data["vergadering"]["orgaan"] == "stuurgroep"
    assert data["vergadering"]["datum"] == "2027-02-10"
    for besluit in data["besluiten"]:
        assert set(besluit) == {
            "id",
            "onderwerp",
            "soort",
            "oordeel",
            "escaleren_naar",
            "gronden",
            "stemmen",
            "lezingen",
            "bindt",
        }
        assert besluit["gronden"]
        for grond in besluit["gronden"]:
            assert set(grond) == {
                "artikel",
                "uitleg",
                "aanname",
                "lezing",
                "vastgesteld_bij",
                "beslissend",
                "addendum",
            }
    oordelen = {b["id"]: (b["oordeel"], b["escaleren_naar"]) for b in data["besluiten"]}
    assert oordelen == {
        "sg-2027-01": ("aangenomen", None),
        "sg-2027-02": ("aangehouden", None),
        "sg-2027-03": ("escaleren", "colleges"),
        "sg-2027-04": ("escaleren", "colleges"),
        "sg-2027-05": ("aangehouden", None),
        "sg-2027-06": ("ongeldig", None),
        "sg-2027-07": ("escaleren", "colleges"),
    }
    assert data["besluiten"][0]["stemmen"] == {"voor": 8, "tegen": 0, "onthouding": 1}


def test_alleen_geldige_besluiten_geeft_exit_0() -> None:
    code, uit, fout = draai(["toets", CASUS])
    assert (code, fout) == (0, "")
    assert "co-0042-1  AANGENOMEN" in uit
    assert "co-0042-2  VERWORPEN" in uit


def test_meerdere_bestanden_in_een_keer() -> None:
    code, uit, _ = draai(["toets", STUURGROEP, CASUS, "--json"])
    data = json.loads(uit)
    assert code == 1
    assert [d["vergadering"]["orgaan"] for d in data] == ["stuurgroep", "casusoverleg"]


def test_een_onleesbaar_bestand_houdt_de_andere_niet_tegen(tmp_path: Path) -> None:
    kapot = tmp_path / "kapot.yaml"
    kapot.write_text(
        "orgaan: stuurgroep\ndatum: morgen\naanwezig: alle\nbesluiten: []\n", encoding="utf-8"
    )
    code, uit, fout = draai(["toets", str(kapot), CASUS])
    assert code == 2
    assert f"{kapot}:2:8: datum:" in fout
    assert "Casusoverleg, 14 april 2027" in uit


def test_tekst_toont_oordeel_gronden_en_samenvatting() -> None:
    _, uit, _ = draai(["toets", STUURGROEP])
    assert uit.startswith("Stuurgroep, 10 februari 2027 (")
    assert "sg-2027-03  ESCALEREN NAAR DE TWAALF COLLEGES" in uit
    assert "    ! art. 4.7: In de Stuurgroep wordt geen casuïstiek besproken, alleen beleid." in uit
    assert "[aanname: staking_van_stemmen]" in uit
    assert uit.rstrip().endswith("Bij 7 daarvan rust het oordeel (deels) op een aanname.")


def test_andere_bezetting_en_ontbrekende_bezetting(tmp_path: Path) -> None:
    code, _, fout = draai(["toets", STUURGROEP, "--bezetting", str(tmp_path / "nee.yaml")])
    assert code == 2
    assert "bestand niet gevonden" in fout


@pytest.mark.parametrize(
    ("args", "stappen", "eind"),
    [
        (["--geschil", "casusregisseur"], 4, "colleges"),
        (["--geschil", "informatiemakelaar"], 3, "colleges"),
        (["--impasse", "partneroverleg"], 2, "colleges"),
        (["--impasse", "tvo"], 0, "tvo"),
    ],
)
def test_escaleer_json(args: list[str], stappen: int, eind: str) -> None:
    code, uit, _ = draai(["escaleer", *args, "--json"])
    data = json.loads(uit)
    assert code == 0
    assert len(data["stappen"]) == stappen
    assert data["eindpunt"] == eind
    assert all(stap["artikelen"] for stap in data["stappen"])


@pytest.mark.parametrize(
    ("args", "melding"),
    [
        (["--geschil", "casusregiseur"], "bedoelde u 'casusregisseur'?"),
        (["--impasse", "stuurgoep"], "bedoelde u 'stuurgroep'?"),
        ([], "geef precies één van"),
        (["--geschil", "manager", "--impasse", "stuurgroep"], "geef precies één van"),
    ],
)
def test_escaleer_weigert_met_uitleg(args: list[str], melding: str) -> None:
    code, _, fout = draai(["escaleer", *args])
    assert code == 2
    assert melding in fout


def test_schema_van_de_vergadering() -> None:
    code, uit, _ = draai(["schema", "vergadering"])
    schema = json.loads(uit)
    assert code == 0
    assert schema["additionalProperties"] is False
    assert {"orgaan", "datum", "besluiten"} <= set(schema["required"])
    # Optional in the file because an agenda is made before anyone attends; `toets` still
    # requires every voting member to be listed as present or absent (toets-kapot.yaml).
    assert "aanwezig" in schema["properties"]
    assert "stemmen" in schema["$defs"]["Besluit"]["properties"]


@pytest.mark.parametrize("soort", ["vergadering", "bezetting", "verdeelsleutel", "convenant"])
def test_schema_toont_de_gebruiker_geen_engelse_ontwikkelaarsnotities(soort: str) -> None:
    schema = json.loads(draai(["schema", soort])[1])
    beschrijvingen = [schema["description"]] + [
        d.get("description", "") for d in schema.get("$defs", {}).values()
    ]
    assert beschrijvingen[0].startswith("Vorm van een")
    assert not any(b for b in beschrijvingen[1:])


def _met_vervanging(tmp_path: Path, regels: dict[int, tuple[str, str]]) -> str:
    """The example Stuurgroep meeting with its fact files, one text replaced on given lines."""
    for naam in ("bezetting.yaml", "verdeelsleutel.yaml"):
        (tmp_path / naam).write_text((VOORBEELDEN / naam).read_text(encoding="utf-8"))
    tekst = Path(STUURGROEP).read_text(encoding="utf-8").splitlines(keepends=True)
    for nr, (oud, nieuw) in regels.items():
        assert oud in tekst[nr - 1]
        tekst[nr - 1] = tekst[nr - 1].replace(oud, nieuw)
    pad = tmp_path / "stuurgroep.yaml"
    pad.write_text("".join(tekst), encoding="utf-8")
    return str(pad)


def _meldingen(fout: str) -> list[str]:
    return [r for r in fout.splitlines() if r and not r.startswith(" ")]


def test_een_verschreven_lid_bij_aanwezig_geeft_een_melding_niet_vier(tmp_path: Path) -> None:
    """The member is spelt right where it votes: its votes, and it not being listed, only
    follow from the typo; the user fixes the one thing and is done."""
    pad = _met_vervanging(tmp_path, {10: ("sg_politie", "sg_polite")})
    code, uit, fout = draai(["toets", pad])
    assert code == 2
    assert not uit
    meldingen = _meldingen(fout)
    assert len(meldingen) == 1, fout
    assert "aanwezig[3]: 'sg_polite' is geen lid" in meldingen[0]
    assert "(bedoelde u 'sg_politie'?)" in meldingen[0]


def test_een_verschreven_lid_overal_geeft_alleen_de_verschrijvingen(tmp_path: Path) -> None:
    regels = {n: ("sg_politie", "sg_polite") for n in (10, 33, 49, 76)}
    code, _, fout = draai(["toets", _met_vervanging(tmp_path, regels)])
    assert code == 2
    meldingen = _meldingen(fout)
    assert len(meldingen) == 4, fout
    assert all("'sg_polite' is geen lid" in m and "'sg_politie'?" in m for m in meldingen)


def test_na_een_verschreven_lid_geen_melding_over_het_aantal_stemmen(tmp_path: Path) -> None:
    """Counted votes for a full room are not 'more than present' because of one typo."""
    regels = {
        10: ("sg_politie", "sg_polite"),
        48: ("voor: [sg_assen, sg_emmen, sg_ggd, sg_vnn]", "voor: 5"),
        49: ("tegen: [sg_hoogeveen, sg_politie, sg_om, sg_ggz_drenthe]", "tegen: 4"),
        50: ("onthouding: [sg_reclassering_nl]", "onthouding: 1"),
    }
    code, _, fout = draai(["toets", _met_vervanging(tmp_path, regels)])
    assert code == 2
    meldingen = _meldingen(fout)
    assert len(meldingen) == 1, fout
    assert "stemmen geteld" not in fout
    assert "staat niet bij aanwezig" not in fout


def test_een_vergeten_lid_naast_een_verschreven_lid_wordt_nog_gemeld(tmp_path: Path) -> None:
    """Only the seat the typo stands for is spared; another member left out is still an error."""
    pad = _met_vervanging(tmp_path, {10: ("sg_politie, sg_om,", "sg_polite,")})
    code, _, fout = draai(["toets", pad])
    assert code == 2
    assert "'sg_polite' is geen lid" in fout
    assert "lid 'sg_om'" in fout
    assert "staat niet bij aanwezig of afwezig" in fout
    assert "'sg_politie' stemt, maar is niet aanwezig" not in fout


def _register_met_dubbel_besluit(tmp_path: Path) -> Path:
    """The example register with the second Stuurgroep meeting's first besluit renumbered to
    the first meeting's first id."""
    map_ = tmp_path / "register"
    shutil.copytree(VOORBEELDEN, map_)
    pad = map_ / "stuurgroep-2027-05-12.yaml"
    tekst = pad.read_text(encoding="utf-8")
    assert "  - id: sg-2027-09\n" in tekst
    pad.write_text(tekst.replace("  - id: sg-2027-09\n", "  - id: sg-2027-01\n"), encoding="utf-8")
    return map_


def test_een_besluit_id_twee_keer_in_het_register_is_een_fout_met_beide_plekken(
    tmp_path: Path,
) -> None:
    map_ = _register_met_dubbel_besluit(tmp_path)
    code, uit, fout = draai(["toets", str(map_)])
    assert code == 2  # inconsistent register: unreadable as a whole ...
    assert "sg-2027-13" in uit  # ... but every meeting is still judged
    assert "sg-2027-01" in uit
    regels = [r for r in fout.splitlines() if "staat ook in" in r]
    assert regels == [
        f"{map_ / 'stuurgroep-2027-05-12.yaml'}:15:9: besluiten[sg-2027-01].id: het besluit "
        f"'sg-2027-01' staat ook in {map_ / 'stuurgroep-2027-02-10.yaml'}:18:9; in een register "
        "heeft elk besluit een eigen id"
    ]
    assert "herstel: geef één van beide een nieuw nummer" in fout


def test_zonder_dubbele_besluit_ids_geen_melding(tmp_path: Path) -> None:
    code, _, fout = draai(["toets", str(VOORBEELDEN)])
    assert code == 1  # the examples hold besluiten that are deliberately not valid
    assert "staat ook in" not in fout


def test_bezetting_zonder_de_vergaderdatum_noemt_het_bestand(tmp_path: Path) -> None:
    """Found by `make fuzz`: a bezetting that ends before the meeting was reported at the
    meeting's date only, with 'vul bezetting.yaml aan' while the user had given another file."""
    import yaml

    gegevens = yaml.safe_load((VOORBEELDEN / "bezetting.yaml").read_text(encoding="utf-8"))
    gegevens["perioden"] = [p for p in gegevens["perioden"] if str(p["vanaf"]) < "2027-01-01"]
    gegevens["perioden"][-1]["tot"] = "2027-01-01"
    bezetting = tmp_path / "oude-bezetting.yaml"
    bezetting.write_text(yaml.safe_dump(gegevens, allow_unicode=True), encoding="utf-8")
    code, _, fout = draai(
        ["toets", str(VOORBEELDEN / "stuurgroep-2027-02-10.yaml"), "--bezetting", str(bezetting)]
    )
    assert code == 2
    assert f"de bezetting in {bezetting} noemt geen leden van 'stuurgroep' op 2027-02-10" in fout
    assert "tot 2027-01-01" in fout  # which periods it does cover
    assert f"herstel: vul {bezetting} aan met een periode die 2027-02-10 omvat" in fout
    assert "Traceback" not in fout


def test_bezetting_zonder_de_vergaderdatum_wijst_de_plek_in_dat_bestand_aan(
    tmp_path: Path,
) -> None:
    """Found by `make fuzz`: a bezetting cut off after its first period was located only on the
    meeting's date line; the file to fix is the bezetting, and a message about it names its
    line (the promise of DESIGN.md: file, line, column and the fix)."""
    tekst = (VOORBEELDEN / "bezetting.yaml").read_text(encoding="utf-8")
    bezetting = tmp_path / "afgekapt.yaml"
    bezetting.write_text(tekst[: tekst.index("\n  - vanaf: 2027-01-01")] + "\n", encoding="utf-8")
    code, _, fout = draai(
        ["toets", str(VOORBEELDEN / "stuurgroep-2027-02-10.yaml"), "--bezetting", str(bezetting)]
    )
    assert code == 2
    regel = next(r for r in fout.splitlines() if r.startswith(str(bezetting)))
    assert re.match(rf"{re.escape(str(bezetting))}:10:1: perioden: ", regel), regel
    assert "10 februari 2027" in regel
    assert "stuurgroep-2027-02-10.yaml" in regel
    assert "Traceback" not in fout


def test_een_bezetting_zonder_de_genoemde_leden_wijst_ook_de_plek_in_de_bezetting_aan(
    tmp_path: Path,
) -> None:
    """Found by `make fuzz`: a bezetting cut off within the Stuurgroep's members of 2027 gave
    only 'is geen lid' at the meeting's lines, without naming the bezetting that lacks them."""
    tekst = (VOORBEELDEN / "bezetting.yaml").read_text(encoding="utf-8")
    plek = tekst.index("          - id: sg_emmen", tekst.index("  - vanaf: 2027-01-01"))
    bezetting = tmp_path / "afgekapt.yaml"
    bezetting.write_text(tekst[:plek], encoding="utf-8")
    code, _, fout = draai(
        ["toets", str(VOORBEELDEN / "stuurgroep-2027-02-10.yaml"), "--bezetting", str(bezetting)]
    )
    assert code == 2
    assert "'sg_hoogeveen' is geen lid van dit orgaan" in fout  # at the meeting's line
    regel = next(r for r in fout.splitlines() if r.startswith(str(bezetting)))
    assert re.match(
        rf"{re.escape(str(bezetting))}:\d+:\d+: perioden\[1\]\.organen\.stuurgroep\.leden: ", regel
    ), regel
    assert "'sg_hoogeveen'" in regel
    assert "Traceback" not in fout
