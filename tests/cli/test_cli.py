"""The command line as a secretaris uses it: Dutch help, exit codes, files, JSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest

from convenant.cli import cli
from governance.bestanden import laad_convenant
from governance.loader import gebundeld
from tests.scenario_runners import draai

ENGELS = (
    "Usage:",
    "Options:",
    "Commands:",
    "Show this message",
    "[OPTIONS]",
    "COMMAND",
    "Show the version",
)


def _alle_opdrachten(groep: click.Group, pad: tuple[str, ...] = ()) -> list[list[str]]:
    uit = [list(pad)]
    for naam, opdracht in sorted(groep.commands.items()):
        if isinstance(opdracht, click.Group):
            uit += _alle_opdrachten(opdracht, (*pad, naam))
        else:
            uit.append([*pad, naam])
    return uit


@pytest.mark.parametrize(
    "opdracht", _alle_opdrachten(cli), ids=lambda o: " ".join(o) or "convenant"
)
def test_hulp_is_nederlands(opdracht: list[str]) -> None:
    code, uit, fout = draai([*opdracht, "--help"])
    assert code == 0, fout
    assert uit.startswith("Gebruik: convenant")
    assert "Opties:" in uit
    for woord in ENGELS:
        assert woord not in uit


def test_valideer_bundel_is_in_orde_en_toont_de_bevindingen() -> None:
    code, uit, fout = draai(["valideer", "--register", "examples"])
    assert (code, fout) == (0, "")
    assert "In orde: geen fouten en geen waarschuwingen." in uit
    for bevinding in laad_convenant().model.bevindingen:
        assert f"  {bevinding.id} (" in uit
    assert "aanname: Gelezen als verwijzing naar 6.9." in uit


def test_valideer_json() -> None:
    code, uit, _ = draai(["valideer", "--register", "examples", "--json"])
    data = json.loads(uit)
    assert code == 0
    assert data["geldig"] is True
    assert [b["soort"] for b in data["bestanden"]] == [
        "convenant",
        "bezetting",
        "addendum",
        "verdeelsleutel",
    ]
    ids = {b["id"]: b for b in data["bevindingen"]}
    assert {"verwijzing_6_6", "geen_quorum"} <= set(ids)
    assert ids["verwijzing_6_6"]["artikelen"] == ["6.6", "6.8", "6.9"]
    assert "soorten[tactische_sturing]" in ids["verwijzing_6_6"]["gebruikt_in"]


def test_valideer_zonder_bevindingen() -> None:
    _, uit, _ = draai(["valideer", "--geen-bevindingen"])
    assert "Bevindingen" not in uit


def test_partijen_op_een_datum() -> None:
    code, uit, _ = draai(["partijen", "--op", "28-11-2026", "--json"])
    data = json.loads(uit)
    assert code == 0
    assert data["op"] == "2026-11-28"
    soorten = [p["soort"] for p in data["partijen"]]
    assert (
        soorten.count("gemeente"),
        soorten.count("ketenpartner"),
        soorten.count("ondersteuner"),
    ) == (12, 19, 1)
    vrd = next(p for p in data["partijen"] if p["id"] == "vrd")
    assert vrd["is_partij"] is False


def test_partijen_tekst_telt_de_partijen_en_noemt_de_vrd_apart() -> None:
    """The header counts the Partijen only: the VRD signs, named apart after the definition of
    Partijen (Ondergetekenden), and is no Partij (aanname vrd_geen_partij)."""
    _, uit, _ = draai(["partijen", "--op", "2026-11-28"])
    _, als_json, _ = draai(["partijen", "--op", "2026-11-28", "--json"])
    partijen = [p for p in json.loads(als_json)["partijen"] if p["is_partij"]]
    kop, tweede = uit.splitlines()[:2]
    assert kop == "Partijen op 28 november 2026: 12 gemeenten en 19 ketenpartners"
    assert "ondersteuner" not in kop
    assert tweede == (
        "Daarnaast tekent Veiligheidsregio Drenthe, als ondersteuner van de PIJOFACH-taken; "
        "zij is geen Partij (een aanname: het convenant noemt haar apart, na de Partijen)."
    )
    # The table lists the Partijen the header counts, and no one else.
    rijen = uit.split("\n\n")[1].splitlines()[2:]
    assert len(rijen) == len(partijen) == 31
    assert not any(r.startswith("vrd ") for r in rijen)


def test_partijen_tekst_en_filter() -> None:
    code, uit, _ = draai(["partijen", "--op", "2026-11-28", "--soort", "gemeente"])
    assert code == 0
    assert uit.startswith("Partijen op 28 november 2026: 12 gemeenten\n")
    assert "Veiligheidsregio" not in uit
    assert "Gemeente De Wolden" in uit
    assert "Politie" not in uit


def test_partijen_volgen_toetreding_en_uittreding(tmp_path: Path) -> None:
    tekst = gebundeld("convenant.yaml").read_text(encoding="utf-8")
    tekst = tekst.replace("    naam: Cosis\n", "    naam: Cosis\n    uitgetreden_op: 2027-03-01\n")
    tekst = tekst.replace(
        "  - id: vrd\n",
        "  - id: nieuw\n    naam: Nieuwe Partner\n    soort: ketenpartner\n    toegetreden_op: 2027-01-15\n"
        '    artikelen: ["22.4"]\n  - id: vrd\n',
    )
    pad = tmp_path / "convenant.yaml"
    pad.write_text(tekst, encoding="utf-8")

    def ids(op: str) -> set[str]:
        code, uit, fout = draai(["partijen", "--convenant", str(pad), "--op", op, "--json"])
        assert code == 0, fout
        return {p["id"] for p in json.loads(uit)["partijen"]}

    assert "cosis" in ids("2027-02-28")
    assert "nieuw" in ids("2027-02-28")
    assert "cosis" not in ids("2027-03-01")
    assert "nieuw" not in ids("2027-01-14")


def test_graaf_naar_bestand_overschrijft_alleen_met_vlag(tmp_path: Path) -> None:
    doel = tmp_path / "graaf.dot"
    assert draai(["graaf", "--formaat", "dot", "--uitvoer", str(doel)])[0] == 0
    inhoud = doel.read_text(encoding="utf-8")
    assert inhoud.startswith("digraph escalatie {")

    doel.write_text("eigen werk", encoding="utf-8")
    code, _, fout = draai(["graaf", "--uitvoer", str(doel)])
    assert code == 2
    assert "bestaat al; gebruik --overschrijf" in fout
    assert doel.read_text(encoding="utf-8") == "eigen werk"

    assert draai(["graaf", "--uitvoer", str(doel), "--overschrijf"])[0] == 0
    assert doel.read_text(encoding="utf-8").startswith("flowchart BT")
    assert [p.name for p in tmp_path.iterdir()] == ["graaf.dot"]  # no temporary file left


def test_graaf_in_een_map_die_niet_bestaat(tmp_path: Path) -> None:
    code, _, fout = draai(["graaf", "--uitvoer", str(tmp_path / "nee" / "graaf.md")])
    assert code == 2
    assert "bestaat niet" in fout


@pytest.mark.parametrize(
    ("maak", "melding"),
    [
        (lambda p: None, "bestand niet gevonden"),
        (lambda p: p.mkdir(), "dit is een map"),
        (lambda p: p.write_bytes(b"kort: \xff\xfe\n"), "geen UTF-8"),
        (lambda p: p.write_text("a: 1\n---\nb: 2\n"), "meer dan één document"),
        (lambda p: p.write_text("- een\n- lijst\n"), "verwacht een blok met velden"),
    ],
)
def test_onleesbaar_convenant_geeft_exit_2(tmp_path: Path, maak: object, melding: str) -> None:
    pad = tmp_path / "c.yaml"
    maak(pad)  # type: ignore[operator]
    code, uit, fout = draai(["valideer", "--convenant", str(pad)])
    assert code == 2
    assert uit == ""
    assert str(pad) in fout
    assert melding in fout
    assert "Traceback" not in fout


def test_onbekende_optie_en_opdracht_geven_exit_2_met_suggestie() -> None:
    code, _, fout = draai(["partijen", "--opp", "x"])
    assert code == 2
    assert "Bedoelde u '--op'?" in fout
    code, _, fout = draai(["valideren"])
    assert code == 2
    assert "Bedoelde u 'valideer'?" in fout
    code, _, fout = draai(["partijen", "--op", "31-02-2027"])
    assert code == 2
    assert "31 februari 2027 bestaat niet; februari 2027 heeft 28 dagen" in fout


def test_een_bestand_waar_een_map_hoort_heet_in_het_nederlands(tmp_path: Path) -> None:
    # click names a path type in its own words when the type is made; made before the Dutch
    # catalogue was in place, the message said 'Directory' (and 'Path', 'File').
    bestand = tmp_path / "bezetting.yaml"
    bestand.write_text("x: 1\n", encoding="utf-8")
    code, _, fout = draai(
        ["toets", "examples/stuurgroep-2027-02-10.yaml", "--register", str(bestand)]
    )
    assert code == 2
    assert f"Map '{bestand}' is een bestand" in fout
    assert "Directory" not in fout


def test_interne_fout_zonder_en_met_debug(monkeypatch: pytest.MonkeyPatch) -> None:
    def stuk(*args: object) -> None:
        raise RuntimeError("kapot")

    monkeypatch.setattr("convenant.opdrachten.graaf.escalatiegraaf.mermaid", stuk)
    code, _, fout = draai(["graaf"])
    assert code == 3
    assert "interne fout: RuntimeError: kapot" in fout
    assert "--debug" in fout
    with pytest.raises(RuntimeError):
        draai(["graaf", "--debug"])


def _proces(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    omgeving = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    omgeving.pop("PYTHONUNBUFFERED", None)  # buffered, as for a user: flushing must be ours
    return subprocess.run(
        [sys.executable, "-m", "convenant", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=omgeving,
        check=False,
    )


def test_werkt_vanuit_elke_map_als_echt_proces(tmp_path: Path) -> None:
    klaar = _proces("valideer", "--geen-bevindingen", cwd=tmp_path)
    assert klaar.returncode == 0, klaar.stderr
    assert "convenant.yaml" in klaar.stdout


def test_geen_traceback_behalve_met_debug(tmp_path: Path) -> None:
    pad = tmp_path / "c.yaml"
    pad.write_text("convenant: [\n", encoding="utf-8")
    klaar = _proces("valideer", "--convenant", str(pad), cwd=tmp_path)
    assert klaar.returncode == 2
    assert klaar.stderr.startswith(f"{pad}:")
    assert "Traceback" not in klaar.stderr
    klaar = _proces("valideer", "--convenant", str(pad), "--debug", cwd=tmp_path)
    assert "Traceback" in klaar.stderr


@pytest.mark.parametrize(
    "opdracht",
    [
        ["escaleer", "--geschil", "casusregisseur"],  # less than a buffer: only in the buffer
        ["toets", "examples/partneroverleg-2027-03-03.yaml"],
        ["schema", "convenant"],  # many buffers full: the last one must still arrive
        ["toets", "bestaat-niet.yaml"],
    ],
)
def test_snel_afsluiten_verliest_niets(opdracht: list[str]) -> None:
    # The program leaves without tearing the interpreter down (cli._verlaat): the output, the
    # messages and the exit code must be exactly those of the same command run in-process.
    wortel = Path(__file__).resolve().parents[2]
    verwacht = draai(opdracht)
    klaar = _proces(*opdracht, cwd=wortel)
    assert (klaar.returncode, klaar.stdout, klaar.stderr) == verwacht


@pytest.mark.parametrize(
    "opdracht",
    [["partijen", "--op", "2026-11-28"], ["toets", "examples/casusoverleg-2027-04-14.yaml"]],
)
def test_zware_modules_alleen_waar_nodig(opdracht: list[str]) -> None:
    # networkx is for checking or drawing the graph, jinja2 for documents, fastapi, starlette and
    # uvicorn for the workplace (convenant web); start-up stays light.
    wortel = Path(__file__).resolve().parents[2]
    code = (
        "import sys; from convenant.cli import uitvoeren; "
        f"uitvoeren({opdracht!r}); "
        "zwaar = ('networkx', 'jinja2', 'fastapi', 'starlette', 'uvicorn'); "
        "print(sorted(m for m in zwaar if m in sys.modules), file=sys.stderr)"
    )
    omgeving = {**os.environ, "PYTHONPATH": str(wortel)}
    klaar = subprocess.run(
        [sys.executable, "-c", code],
        cwd=wortel,
        capture_output=True,
        text=True,
        env=omgeving,
        check=False,
    )
    assert klaar.stderr.strip() == "[]"
