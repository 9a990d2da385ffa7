"""Shared fixtures and the scenario plugin.

Every `scenarios/*.yaml` (tests/rules/scenarios) is collected as a test file. Each states its `soort` (which
runner applies) and a list of scenarios; each scenario names the article(s) it exercises.
A failure reads `file: scenario: expected …, got …`.
"""

from __future__ import annotations

import atexit
import functools
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

# The suite gets a cache of its own (inherited by the subprocesses it starts), so it neither
# reads nor fills the user's cache and starts from nothing on every run.
_CACHE = tempfile.mkdtemp(prefix="convenant-test-cache-")
os.environ["CONVENANT_CACHE"] = _CACHE
atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)

from tests.scenario_runners import (  # noqa: E402
    RUNNERS,
    JaarBestand,
    JaarScenario,
    Scenario,
    ScenarioMislukt,
    ToetsBestand,
    ToetsScenario,
    jaar_scenario,
    toets_scenario,
)

# Tests that start a browser, a server process, a PDF layout of every page or a wheel build:
# `make test-snel` leaves them out (pytest -m "not traag"); `make test` runs everything. A test
# elsewhere may carry @pytest.mark.traag itself.
TRAGE_MODULES = (
    "test_browser",
    "test_pdf_paginas",
    "test_installatie",
    "test_onderbreken",
    "test_fuzz",
    "test_handleiding",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.stem.startswith(TRAGE_MODULES):
            item.add_marker(pytest.mark.traag)


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> pytest.Collector | None:
    if file_path.suffix == ".yaml" and file_path.parent.name == "scenarios":
        return ScenarioBestand.from_parent(parent, path=file_path)
    return None


class ScenarioBestand(pytest.File):
    def collect(self) -> Iterator[pytest.Item]:
        data = yaml.safe_load(self.path.read_text(encoding="utf-8"))
        soort = data.get("soort")
        model: type[Scenario]
        if soort == "toets":  # a file-level `basis` meeting that each scenario refines
            kop = ToetsBestand.model_validate(data)
            model = ToetsScenario
            runner: Any = functools.partial(
                toets_scenario, basis=kop.basis, besluit_basis=kop.besluit
            )
        elif soort == "jaaroverzicht":
            jaar = JaarBestand.model_validate(data)
            model = JaarScenario
            runner = functools.partial(jaar_scenario, basis=jaar.basis)
        elif soort in RUNNERS:
            model, runner = RUNNERS[soort]
        else:
            soorten = sorted([*RUNNERS, "toets", "jaaroverzicht"])
            raise pytest.UsageError(
                f"{self.path.name}: onbekende soort scenario {soort!r}; kies uit {soorten}"
            )
        namen: set[str] = set()
        for ruw in data.get("scenarios") or []:
            scenario = model.model_validate(ruw)
            if scenario.naam in namen:
                raise pytest.UsageError(
                    f"{self.path.name}: scenario {scenario.naam!r} staat er twee keer in"
                )
            namen.add(scenario.naam)
            item = ScenarioItem.from_parent(
                self, name=scenario.naam, scenario=scenario, runner=runner
            )
            # `pytest -k 22.4` finds every scenario of 22.4: its articles are keywords.
            item.extra_keyword_matches.update(_artikelsleutels(scenario.artikelen))
            yield item


def _artikelsleutels(artikelen: list[str]) -> set[str]:
    """Both spellings, so `-k 22.4` and `-k "art. 22.4"` find it."""
    uit: set[str] = set()
    for artikel in artikelen:
        kaal = artikel.removeprefix("art.").strip()
        uit.update({artikel, kaal})
    return uit


class ScenarioItem(pytest.Item):
    def __init__(self, *, scenario: Any, runner: Any, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.scenario = scenario
        self.runner = runner

    def runtest(self) -> None:
        self.runner(self.scenario)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, ScenarioMislukt):
            return f"{self.path.name}: {self.name}: {excinfo.value}"
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, f"scenario: {self.name}"
