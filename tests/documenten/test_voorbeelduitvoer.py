"""The example output in README.md and docs/handleiding.md is what the program prints now.

Every `$ convenant …` line in a ```console block that is followed by output runs here, from a
folder holding a copy of the example register, and its output must read as the example does:
line by line from the top, where '…' inside a line stands for any text and a line that is only
'…' for any number of lines. Left out: lines naming a file the reader makes first.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.cli.test_handleiding import _argumenten, _uitvoerbaar
from tests.scenario_runners import draai

REPO = Path(__file__).resolve().parents[2]
DOCUMENTEN = [REPO / "README.md", REPO / "docs" / "handleiding.md"]


def _voorbeelden() -> list[tuple[str, str, list[str]]]:
    """(document, command line, expected output lines) for each example with output."""
    uit: list[tuple[str, str, list[str]]] = []
    for pad in DOCUMENTEN:
        for blok in re.findall(r"```console\n(.*?)```", pad.read_text(encoding="utf-8"), re.S):
            opdracht: str | None = None
            regels: list[str] = []
            for regel in [*blok.splitlines(), "$"]:
                if regel.startswith("$"):
                    if opdracht and any(r.strip() for r in regels):
                        uit.append((pad.name, opdracht, regels))
                    opdracht = regel[2:] if regel.startswith("$ convenant ") else None
                    regels = []
                else:
                    regels.append(regel)
    return uit


VOORBEELDEN = _voorbeelden()


def _patroon(regels: list[str]) -> re.Pattern[str]:
    delen = []
    for regel in regels:
        if regel.strip() == "…":
            delen.append(r"(?:[^\n]*\n)*?")
        else:
            delen.append("[^\\n]*".join(re.escape(d) for d in regel.rstrip().split("…")) + r"\n")
    return re.compile("".join(delen))


def test_er_zijn_voorbeelden_met_uitvoer() -> None:
    assert {d for d, _, _ in VOORBEELDEN} == {p.name for p in DOCUMENTEN}


@pytest.mark.parametrize(
    ("document", "regel", "verwacht"), VOORBEELDEN, ids=[f"{d}:{r}" for d, r, _ in VOORBEELDEN]
)
def test_voorbeelduitvoer_is_wat_het_programma_afdrukt(
    document: str, regel: str, verwacht: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(REPO / "examples", tmp_path / "examples")
    args = _argumenten(regel)
    if not _uitvoerbaar(args, tmp_path):
        pytest.skip(f"noemt een bestand dat de lezer eerst maakt: {regel}")
    monkeypatch.chdir(tmp_path)
    _, uit, fout = draai(args)
    uitvoer = "\n".join(r.rstrip() for r in (uit + fout).splitlines()) + "\n"
    assert _patroon(verwacht).match(uitvoer), (
        f"{document}: de voorbeelduitvoer van '{regel}' klopt niet; het programma drukt af:\n"
        f"{uitvoer}"
    )


def test_register_nieuw_maakt_de_bestanden_die_de_hulp_belooft(tmp_path: Path) -> None:
    code, hulp, _ = draai(["register", "nieuw", "--help"])
    assert code == 0
    belofte = re.split(r"\.(?:\s|$)", hulp.split("Maak een leeg register:", 1)[1], maxsplit=1)[0]
    namen = re.findall(r"[\w-]+\.(?:yaml|md)", belofte)
    assert namen
    code, _, _ = draai(["register", "nieuw", str(tmp_path / "r")])
    assert code == 0
    assert sorted(namen) == sorted(p.name for p in (tmp_path / "r").iterdir())
