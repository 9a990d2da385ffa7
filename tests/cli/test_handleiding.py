"""The handleiding's commands work as written, after the Quick start.

Every `convenant …` line in a shell block of docs/handleiding.md runs here, from a folder that
holds a copy of the example register, as a user who pasted it would run it. Left out: lines that
name a file the user must first make (a placeholder), and `convenant web`, which serves until
stopped (the web tests start and stop it themselves).
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.scenario_runners import draai

REPO = Path(__file__).resolve().parents[2]
HANDLEIDING = REPO / "docs" / "handleiding.md"
_UITVOER = {"--uitvoer"}


def _opdrachten() -> list[str]:
    tekst = HANDLEIDING.read_text(encoding="utf-8")
    blokken = re.findall(r"```sh\n(.*?)```", tekst, flags=re.DOTALL)
    # A line ending in a backslash goes on on the next one, as in the shell.
    regels = [r for b in blokken for r in b.replace("\\\n", " ").splitlines()]
    return [r.strip() for r in regels if r.startswith("convenant ")]


def _argumenten(regel: str) -> list[str]:
    delen = shlex.split(regel, comments=True)
    if ">" in delen:  # output redirected to a file: the command itself is what is tested
        delen = delen[: delen.index(">")]
    return delen[1:]


def _uitvoerbaar(args: list[str], map_: Path) -> bool:
    """Whether every file the line reads exists (placeholders and globs do not)."""
    for vorige, arg in zip(["", *args], args, strict=False):
        if vorige in _UITVOER or arg.startswith("-"):
            continue
        if "*" in arg:
            return False
        if ("/" in arg or arg.endswith((".yaml", ".yml"))) and not (map_ / arg).exists():
            return False
    return True


OPDRACHTEN = _opdrachten()


def test_de_handleiding_begint_met_opdrachten_die_werken() -> None:
    assert len(OPDRACHTEN) >= 20


@pytest.mark.parametrize("regel", OPDRACHTEN)
def test_opdracht_uit_de_handleiding_werkt(
    regel: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(REPO / "examples", tmp_path / "examples")
    args = _argumenten(regel)
    if args[:1] == ["web"]:
        pytest.skip("de werkplek draait tot u hem stopt; de webtests starten en stoppen hem zelf")
    if not _uitvoerbaar(args, tmp_path):
        pytest.skip(f"noemt een bestand dat de gebruiker eerst maakt: {regel}")
    monkeypatch.chdir(tmp_path)
    code, uit, fout = draai(args)
    # 1 is a verdict (a besluit not valid, something not in order), not a failure to run.
    assert code in (0, 1), f"{regel}\n{fout}"
    assert "Traceback" not in fout
    assert "interne fout" not in fout
    assert uit or any(tmp_path.iterdir())


def test_de_eerste_drie_opdrachten_worden_uitgevoerd() -> None:
    # The guide's first commands are the ones a new user pastes: none may be a placeholder.
    for regel in OPDRACHTEN[:3]:
        assert _uitvoerbaar(_argumenten(regel), REPO), regel


@pytest.mark.skipif(
    shutil.which("make") is None
    or not (REPO / ".venv" / ".geinstalleerd").exists()
    or (REPO / ".venv" / ".geinstalleerd").stat().st_mtime
    < (REPO / "pyproject.toml").stat().st_mtime,
    reason="make installeer needs the installed .venv of `make run`",
)
def test_make_installeer_zet_convenant_op_het_pad(tmp_path: Path) -> None:
    bin_ = tmp_path / "bin"
    env = {**os.environ, "PATH": f"{bin_}:{os.environ['PATH']}"}
    gedaan = subprocess.run(
        ["make", "-s", "installeer", f"BINMAP={bin_}"],
        cwd=REPO, capture_output=True, text=True, timeout=120, check=False, env=env,
    )  # fmt: skip
    assert gedaan.returncode == 0, gedaan.stderr
    assert f"convenant staat nu in {bin_}/convenant." in gedaan.stdout
    assert "staat niet op uw PATH" not in gedaan.stdout
    # As the user types it, from another folder, found on the PATH.
    partijen = subprocess.run(
        ["convenant", "partijen", "--op", "2027-03-01"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False, env=env,
    )  # fmt: skip
    assert partijen.returncode == 0, partijen.stderr
    assert partijen.stdout.startswith("Partijen op 1 maart 2027: 12 gemeenten")
