"""Runners for the data-driven scenario files, one per `soort`, each with a strict model.

`kapot`: a bundled file with one deliberate defect must make `convenant valideer` exit with
the stated code and a message at the stated line (and column) of the broken file.
"""

from __future__ import annotations

import copy
import io
import json
import shutil
import tempfile
from collections.abc import Callable
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict

from convenant.cli import uitvoeren
from governance.bestanden import BEZETTING, CONVENANT, VERDEELSLEUTEL
from governance.loader import gebundeld

VOORBEELDREGISTER = Path(__file__).resolve().parents[1] / "examples"
BESTANDEN = {"convenant": CONVENANT, "bezetting": BEZETTING, "verdeelsleutel": VERDEELSLEUTEL}


class ScenarioMislukt(AssertionError):
    """A scenario's expectation was not met; the message is shown as is."""


def draai(args: list[str]) -> tuple[int, str, str]:
    """Run the CLI in-process: (exit code, stdout, stderr)."""
    uit, fout = io.StringIO(), io.StringIO()
    with redirect_stdout(uit), redirect_stderr(fout):
        code = uitvoeren(args)
    return code, uit.getvalue(), fout.getvalue()


class _Strikt(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Scenario(_Strikt):
    """Every scenario has a name and names the articles whose rule it exercises."""

    naam: str
    artikelen: list[str]


class Vervanging(_Strikt):
    van: str
    naar: str
    na: str | None = None  # search for `van` only after the first occurrence of this text


class KapotVerwacht(_Strikt):
    exit: Literal[1, 2]
    melding: str
    regel_bij: str | None = None  # the line holding this (unique) text; default: the change
    kolom: int | None = None
    suggestie: str | None = None
    herstel: str | None = None  # text the fix (the line after the message) must contain


class KapotScenario(Scenario):
    # `artikelen` is [] for pure syntax defects, which no article governs.
    bestand: Literal["convenant", "bezetting", "verdeelsleutel"] = "convenant"
    vervang: list[Vervanging] = []
    inhoud: str | None = None  # replace the whole file instead
    verwacht: KapotVerwacht


def _pas_toe(tekst: str, vervanging: Vervanging) -> tuple[str, int]:
    begin = 0
    if vervanging.na is not None:
        begin = tekst.find(vervanging.na)
        if begin < 0:
            raise ScenarioMislukt(f"ankertekst {vervanging.na!r} staat niet in het bestand")
    plek = tekst.find(vervanging.van, begin)
    if plek < 0:
        raise ScenarioMislukt(f"te vervangen tekst {vervanging.van!r} staat niet in het bestand")
    if vervanging.na is None and tekst.count(vervanging.van) != 1:
        raise ScenarioMislukt(f"te vervangen tekst {vervanging.van!r} is niet uniek; geef 'na' op")
    return tekst[:plek] + vervanging.naar + tekst[plek + len(vervanging.van) :], plek


def _bron(naam: str) -> Path:
    """The shipped convenant, or a file of the example register."""
    return gebundeld(naam) if naam == CONVENANT else VOORBEELDREGISTER / naam


def _herstel_klopt(uitvoer: str, melding: str, verwacht: KapotVerwacht) -> None:
    """The fix printed under the message contains the expected text."""
    if verwacht.herstel is None:
        return
    regels = uitvoer.splitlines()
    volgende = regels[regels.index(melding) + 1] if melding in regels[:-1] else ""
    if not volgende.startswith("    herstel:") or verwacht.herstel not in volgende:
        raise ScenarioMislukt(
            f"verwacht herstel met '{verwacht.herstel}', kreeg:\n{melding}\n{volgende}"
        )


def kapot(scenario: KapotScenario) -> None:
    with tempfile.TemporaryDirectory() as map_:
        for naam in BESTANDEN.values():
            shutil.copy(_bron(naam), Path(map_) / naam)
        doel = Path(map_) / BESTANDEN[scenario.bestand]
        tekst = doel.read_text(encoding="utf-8")
        plek = 0
        if scenario.inhoud is not None:
            tekst = scenario.inhoud
        for vervanging in scenario.vervang:
            tekst, plek = _pas_toe(tekst, vervanging)
        doel.write_text(tekst, encoding="utf-8")

        verwacht = scenario.verwacht
        if verwacht.regel_bij is not None:
            if tekst.count(verwacht.regel_bij) != 1:
                raise ScenarioMislukt(
                    f"regel_bij {verwacht.regel_bij!r} is niet uniek in het gewijzigde bestand"
                )
            plek = tekst.find(verwacht.regel_bij)
        regel = tekst.count("\n", 0, plek) + 1

        code, uit, fout = draai(
            [
                "valideer",
                "--convenant",
                str(Path(map_) / CONVENANT),
                "--register",
                map_,
                "--geen-bevindingen",
            ]
        )
        uitvoer = uit + fout
        if "Traceback" in uitvoer:
            raise ScenarioMislukt(f"traceback in de uitvoer:\n{uitvoer}")
        plaats = f"{doel}:{regel}:" + (f"{verwacht.kolom}:" if verwacht.kolom else "")
        regels = [r for r in uitvoer.splitlines() if plaats in r and verwacht.melding in r]
        if code != verwacht.exit or not regels:
            raise ScenarioMislukt(
                f"verwacht exit {verwacht.exit} en een melding '{verwacht.melding}' op {plaats}, "
                f"kreeg exit {code}:\n{uitvoer}"
            )
        if verwacht.suggestie and f"bedoelde u '{verwacht.suggestie}'?" not in regels[0]:
            raise ScenarioMislukt(
                f"verwacht de suggestie '{verwacht.suggestie}', kreeg: {regels[0]}"
            )
        _herstel_klopt(uitvoer, regels[0], verwacht)


def _mutatie(map_: Path, naam: str, vervangingen: list[Vervanging]) -> None:
    doel = map_ / naam
    tekst = doel.read_text(encoding="utf-8")
    for vervanging in vervangingen:
        tekst, _ = _pas_toe(tekst, vervanging)
    doel.write_text(tekst, encoding="utf-8")


def _bundel_in(map_: str) -> None:
    for naam in BESTANDEN.values():
        shutil.copy(_bron(naam), Path(map_) / naam)


# --- toets: verdicts on a meeting ----------------------------------------------------------------


class ToetsVerwacht(_Strikt):
    oordeel: Literal["aangenomen", "verworpen", "aangehouden", "escaleren", "ongeldig"]
    besluit: str | None = None  # default: the only or first besluit
    escaleren_naar: str | None = None
    artikelen: list[str] = []  # cited, in this order (other grounds may stand between)
    aannames: list[str] = []  # each rests on this assumption somewhere in the grounds
    geen_aanname: bool = False  # the verdict rests on no assumption at all
    stemmen: dict[str, int] | None = None
    uitleg_bevat: list[str] = []  # text that must appear in some ground
    # The reading in force for each contested aanname the verdict consulted.
    lezingen: dict[str, str] | None = None
    vastgesteld_bij: str | None = None  # some ground cites this besluit as settling its reading
    zonder_aannames: list[str] = []  # no ground rests on these assumptions
    # Grounds that name an addendum (23.2) in force: article → the addendum's number. Empty:
    # no ground may name one.
    addenda: dict[str, str] | None = None


class ToetsScenario(Scenario):
    vergadering: dict[str, Any] = {}
    besluit: dict[str, Any] | None = None
    convenant: list[Vervanging] = []  # changes to the bundled convenant.yaml for this scenario
    bezetting: list[Vervanging] = []
    lezing: list[str] = []  # --lezing AANNAME=LEZING options
    register_lezingen: dict[str, Any] | None = None  # the register's lezingen.yaml
    # Files of the register's documenten/ (an addendum, a notice): name → content; a string
    # `voorbeeld:NAAM` copies that file of the example register.
    register_documenten: dict[str, Any] = {}
    verwacht: ToetsVerwacht


class ToetsBestand(_Strikt):
    soort: Literal["toets"]
    basis: dict[str, Any] = {}
    besluit: dict[str, Any] = {}  # defaults for the `besluit` shorthand
    scenarios: list[dict[str, Any]]


def _samengevoegd(basis: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """A scenario's fields replace the file's defaults whole (a `stemmen` is not mixed)."""
    return copy.deepcopy({**basis, **extra})


def _artikelen_in_volgorde(gronden: list[dict[str, Any]], verwacht: list[str]) -> bool:
    positie = 0
    for artikel in verwacht:
        while positie < len(gronden) and artikel not in gronden[positie]["artikel"].split(", "):
            positie += 1
        if positie == len(gronden):
            return False
        positie += 1
    return True


def toets_scenario(
    scenario: ToetsScenario, basis: dict[str, Any], besluit_basis: dict[str, Any]
) -> None:
    vergadering = _samengevoegd(basis, scenario.vergadering)
    if scenario.besluit is not None:
        vergadering["besluiten"] = [
            _samengevoegd(
                {"id": "b1", "onderwerp": scenario.naam, **besluit_basis}, scenario.besluit
            )
        ]
    with tempfile.TemporaryDirectory() as map_:
        _bundel_in(map_)
        _mutatie(Path(map_), CONVENANT, scenario.convenant)
        _mutatie(Path(map_), BEZETTING, scenario.bezetting)
        if scenario.register_lezingen is not None:
            (Path(map_) / "lezingen.yaml").write_text(
                yaml.safe_dump(scenario.register_lezingen, allow_unicode=True), encoding="utf-8"
            )
        for naam, inhoud in scenario.register_documenten.items():
            doel = Path(map_) / "documenten" / naam
            doel.parent.mkdir(exist_ok=True)
            if isinstance(inhoud, str) and inhoud.startswith("voorbeeld:"):
                bron = VOORBEELDREGISTER / "documenten" / inhoud.removeprefix("voorbeeld:")
                shutil.copy(bron, doel)
            else:
                doel.write_text(yaml.safe_dump(inhoud, allow_unicode=True), encoding="utf-8")
        pad = Path(map_) / "vergadering.yaml"
        pad.write_text(
            yaml.safe_dump(vergadering, sort_keys=False, allow_unicode=True), encoding="utf-8"
        )
        opties = [f"--lezing={lezing}" for lezing in scenario.lezing]
        code, uit, fout = draai(
            ["toets", str(pad), "--convenant", str(Path(map_) / CONVENANT), "--json", *opties]
        )
    if code == 2 or not uit:
        raise ScenarioMislukt(f"de vergadering is onleesbaar (exit {code}):\n{fout}")
    besluiten = json.loads(uit)["besluiten"]
    v = scenario.verwacht
    besluit = (
        next((b for b in besluiten if b["id"] == v.besluit), None) if v.besluit else besluiten[0]
    )
    if besluit is None:
        raise ScenarioMislukt(f"geen besluit '{v.besluit}' in de uitvoer")
    gronden = besluit["gronden"]
    toelichting = "\n".join(
        f"  - {g['artikel']}: {g['uitleg']}"
        + (f" [aanname: {g['aanname']}]" if g["aanname"] else "")
        for g in gronden
    )
    if besluit["oordeel"] != v.oordeel:
        raise ScenarioMislukt(
            f"verwacht {v.oordeel}, kreeg {besluit['oordeel']} (gronden:\n{toelichting})"
        )
    if besluit["escaleren_naar"] != v.escaleren_naar:
        raise ScenarioMislukt(
            f"verwacht escaleren naar {v.escaleren_naar}, kreeg {besluit['escaleren_naar']}"
        )
    if not _artikelen_in_volgorde(gronden, v.artikelen):
        raise ScenarioMislukt(
            f"verwacht de artikelen {v.artikelen} in die volgorde, kreeg:\n{toelichting}"
        )
    aannames = {g["aanname"] for g in gronden if g["aanname"]}
    if ontbreekt := [a for a in v.aannames if a not in aannames]:
        raise ScenarioMislukt(f"verwacht de aanname(s) {ontbreekt}, kreeg {sorted(aannames)}")
    if v.geen_aanname and aannames:
        raise ScenarioMislukt(f"verwacht geen aanname, kreeg {sorted(aannames)}")
    if v.stemmen is not None and besluit["stemmen"] != v.stemmen:
        raise ScenarioMislukt(f"verwacht de stemmen {v.stemmen}, kreeg {besluit['stemmen']}")
    for tekst in v.uitleg_bevat:
        if not any(tekst in g["uitleg"] for g in gronden):
            raise ScenarioMislukt(f"verwacht '{tekst}' in een grond, kreeg:\n{toelichting}")
    if v.lezingen is not None and besluit["lezingen"] != v.lezingen:
        raise ScenarioMislukt(f"verwacht de lezingen {v.lezingen}, kreeg {besluit['lezingen']}")
    if geraakt := [a for a in v.zonder_aannames if a in aannames]:
        raise ScenarioMislukt(f"verwacht geen grond op de aanname(s) {geraakt}:\n{toelichting}")
    if v.addenda is not None:
        genoemd = {g["artikel"]: g["addendum"] for g in gronden if g.get("addendum")}
        if {a: n for a, n in genoemd.items() if a in v.addenda or not v.addenda} != v.addenda:
            raise ScenarioMislukt(
                f"verwacht gronden met addendum {v.addenda}, kreeg {genoemd}:\n{toelichting}"
            )
    if v.vastgesteld_bij is not None:
        vast = [g for g in gronden if (g.get("vastgesteld_bij") or {}).get("besluit")]
        if not any(g["vastgesteld_bij"]["besluit"] == v.vastgesteld_bij for g in vast):
            raise ScenarioMislukt(
                f"verwacht een grond die besluit {v.vastgesteld_bij} als vaststelling noemt, "
                f"kreeg:\n{toelichting}"
            )
        if any(g["aanname"] for g in vast):
            raise ScenarioMislukt("een vastgestelde lezing is geen aanname meer")


# --- toets-kapot: unreadable meeting files --------------------------------------------------------


class ToetsKapotScenario(Scenario):
    tekst: str  # the input file; the line of the expected message holds '# fout'
    opdracht: list[str] = ["toets", "{bestand}"]  # the command; {bestand} is the file above
    convenant: list[Vervanging] = []  # changes to the bundled convenant.yaml (adds --convenant)
    verwacht: KapotVerwacht


def toets_kapot(scenario: ToetsKapotScenario) -> None:
    verwacht = scenario.verwacht
    regel = next(
        (i for i, r in enumerate(scenario.tekst.splitlines(), 1) if r.rstrip().endswith("# fout")),
        None,
    )
    with tempfile.TemporaryDirectory() as map_:
        shutil.copy(
            _bron(BEZETTING), Path(map_) / BEZETTING
        )  # a register with the example bezetting
        pad = Path(map_) / "vergadering.yaml"
        pad.write_text(scenario.tekst, encoding="utf-8")
        opdracht = [
            a.replace("{bestand}", str(pad)).replace("{voorbeelden}", str(VOORBEELDREGISTER))
            for a in scenario.opdracht
        ]
        if scenario.convenant:
            shutil.copy(_bron(CONVENANT), Path(map_) / CONVENANT)
            _mutatie(Path(map_), CONVENANT, scenario.convenant)
            opdracht += ["--convenant", str(Path(map_) / CONVENANT)]
        code, uit, fout = draai(opdracht)
    plaats = f"{pad}:{regel}:" if regel else f"{pad}:"
    if verwacht.kolom:
        plaats += f"{verwacht.kolom}:"
    regels = [r for r in fout.splitlines() if plaats in r and verwacht.melding in r]
    if code != verwacht.exit or not regels or "Traceback" in fout:
        raise ScenarioMislukt(
            f"verwacht exit {verwacht.exit} en '{verwacht.melding}' op {plaats}, kreeg exit {code}:\n{fout}{uit}"
        )
    if verwacht.suggestie and f"bedoelde u '{verwacht.suggestie}'?" not in regels[0]:
        raise ScenarioMislukt(f"verwacht de suggestie '{verwacht.suggestie}', kreeg: {regels[0]}")
    _herstel_klopt(fout, regels[0], verwacht)


# --- cli: a command with --json and the fields it must produce ------------------------------------


class CliVerwacht(_Strikt):
    exit: Literal[0, 1, 2]
    velden: dict[str, Any] = {}  # path → value; `lijst[id]` picks the item with that id
    bevat: dict[str, list[Any]] = {}  # path → values the list there must hold
    bevat_niet: dict[str, list[Any]] = {}  # path → values the list there must not hold
    meldingen: list[str] = []  # texts the output (stdout and stderr together) must hold


class CliScenario(Scenario):
    # YAML reads 2027-01-31 as a date; a command line is text.
    opdracht: list[Annotated[str, BeforeValidator(str)]]
    tekst: str | None = None  # an input file for the command; `{bestand}` in opdracht names it
    # A register of its own: the example register's bezetting and verdeelsleutel with these
    # files (path in the register → text); `{register}` in opdracht names its folder.
    registerbestanden: dict[str, str] | None = None
    # Changes to that copy of the example bezetting (say, one not yet brought up to date).
    vervang_bezetting: list[Vervanging] = []
    verwacht: CliVerwacht


def _veld(data: Any, pad: str) -> Any:
    for deel in pad.split("."):
        naam, _, sleutel = deel.partition("[")
        if naam:
            data = data[int(naam)] if isinstance(data, list) else data[naam]
        if sleutel:
            ident = sleutel.rstrip("]")
            data = next(
                x
                for x in data
                if ident in (x.get("gemeente"), x.get("partij"), x.get("id"), x.get("lid"))
            )
    return data


def _bouw_register(map_: Path, bestanden: dict[str, str]) -> None:
    for naam in (BEZETTING, VERDEELSLEUTEL):
        shutil.copy(VOORBEELDREGISTER / naam, map_ / naam)
    for naam, tekst in bestanden.items():
        pad = map_ / naam
        pad.parent.mkdir(parents=True, exist_ok=True)
        pad.write_text(tekst, encoding="utf-8")


def cli(scenario: CliScenario) -> None:
    with tempfile.TemporaryDirectory() as map_:
        invoer = Path(map_) / "invoer.yaml"
        register = Path(map_) / "register"
        if scenario.tekst is not None:
            invoer.write_text(scenario.tekst, encoding="utf-8")
        if scenario.registerbestanden is not None:
            register.mkdir()
            _bouw_register(register, scenario.registerbestanden)
            _mutatie(register, BEZETTING, scenario.vervang_bezetting)
        code, uit, fout = draai(
            [
                *(
                    a.replace("{bestand}", str(invoer))
                    .replace("{voorbeelden}", str(VOORBEELDREGISTER))
                    .replace("{register}", str(register))
                    for a in scenario.opdracht
                ),
                "--json",
            ]
        )
    if code != scenario.verwacht.exit:
        raise ScenarioMislukt(f"verwacht exit {scenario.verwacht.exit}, kreeg {code}:\n{fout}{uit}")
    for tekst in scenario.verwacht.meldingen:
        if tekst not in fout + uit:
            raise ScenarioMislukt(f"verwacht de tekst {tekst!r} in de uitvoer:\n{fout}{uit}")
    verwacht = scenario.verwacht
    if not (verwacht.velden or verwacht.bevat or verwacht.bevat_niet):
        return
    data = json.loads(uit)
    for pad, waarde in verwacht.velden.items():
        gevonden = _zoek(data, pad, uit)
        if gevonden != waarde:
            raise ScenarioMislukt(f"{pad}: verwacht {waarde!r}, kreeg {gevonden!r}")
    for pad, waarden in verwacht.bevat.items():
        gevonden = _zoek(data, pad, uit)
        if ontbreekt := [w for w in waarden if w not in gevonden]:
            raise ScenarioMislukt(f"{pad}: verwacht {ontbreekt!r} erin, kreeg {gevonden!r}")
    for pad, waarden in verwacht.bevat_niet.items():
        gevonden = _zoek(data, pad, uit)
        if te_veel := [w for w in waarden if w in gevonden]:
            raise ScenarioMislukt(f"{pad}: verwacht {te_veel!r} er niet in, kreeg {gevonden!r}")


def _zoek(data: Any, pad: str, uit: str) -> Any:
    try:
        return _veld(data, pad)
    except (KeyError, IndexError, StopIteration, ValueError):
        raise ScenarioMislukt(f"geen veld '{pad}' in de uitvoer:\n{uit}") from None


# --- jaaroverzicht: a register of meetings and the status of each obligation ------------------------


class JaarScenario(Scenario):
    vergaderingen: list[dict[str, Any]]
    jaar: int = 2027
    verwacht: dict[str, Any]  # exit, and per obligation (a part of its description) the status


class JaarBestand(_Strikt):
    soort: Literal["jaaroverzicht"]
    basis: dict[str, dict[str, Any]] = {}  # defaults per orgaan, merged into each meeting
    scenarios: list[dict[str, Any]]


def jaar_scenario(scenario: JaarScenario, basis: dict[str, dict[str, Any]]) -> None:
    with tempfile.TemporaryDirectory() as map_:
        shutil.copy(
            _bron(BEZETTING), Path(map_) / BEZETTING
        )  # a register with the example bezetting
        for i, vergadering in enumerate(scenario.vergaderingen):
            volledig = {**basis.get(vergadering["orgaan"], {}), **vergadering}
            pad = Path(map_) / f"{i:02d}-{volledig['orgaan']}.yaml"
            pad.write_text(
                yaml.safe_dump(volledig, sort_keys=False, allow_unicode=True), encoding="utf-8"
            )
        code, uit, fout = draai(["jaaroverzicht", map_, "--jaar", str(scenario.jaar), "--json"])
    verwacht = dict(scenario.verwacht)
    exit_ = verwacht.pop("exit", None)
    if exit_ is not None and code != exit_:
        raise ScenarioMislukt(f"verwacht exit {exit_}, kreeg {code}:\n{fout}{uit}")
    verplichtingen = json.loads(uit)["verplichtingen"]
    for deel, status in verwacht.items():
        gevonden = [v for v in verplichtingen if deel in v["omschrijving"]]
        if status is None:
            if gevonden:
                raise ScenarioMislukt(f"verwacht geen verplichting '{deel}', kreeg: {gevonden[0]}")
            continue
        if not gevonden:
            raise ScenarioMislukt(
                f"geen verplichting met '{deel}'; wel: {[v['omschrijving'] for v in verplichtingen]}"
            )
        if gevonden[0]["status"] != status:
            raise ScenarioMislukt(
                f"'{deel}': verwacht {status}, kreeg {gevonden[0]['status']} ({gevonden[0]['toelichting']})"
            )


RUNNERS: dict[str, tuple[type[Scenario], Callable[[Any], None]]] = {
    "kapot": (KapotScenario, kapot),
    "toets-kapot": (ToetsKapotScenario, toets_kapot),
    "cli": (CliScenario, cli),
}
