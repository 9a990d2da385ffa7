"""Runners for the data-driven scenario files, one per `soort`, each with a strict model.

`kapot`: a bundled file with one deliberate defect must make `convenant valideer` exit with
the stated code and a message at the stated line (and column) of the broken file.
"""

from __future__ import annotations

import io
import shutil
import tempfile
from collections.abc import Callable
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from convenant.cli import uitvoeren
from convenant.governance.bestanden import BEZETTING, CONVENANT, VERDEELSLEUTEL
from convenant.governance.loader import gebundeld

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


def kapot(scenario: KapotScenario) -> None:
    with tempfile.TemporaryDirectory() as map_:
        for naam in BESTANDEN.values():
            shutil.copy(gebundeld(naam), Path(map_) / naam)
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
            ["valideer", "--convenant", str(Path(map_) / CONVENANT), "--geen-bevindingen"]
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


RUNNERS: dict[str, tuple[type[Scenario], Callable[[Any], None]]] = {
    "kapot": (KapotScenario, kapot),
}
