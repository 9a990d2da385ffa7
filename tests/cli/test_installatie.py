"""A plain (non-editable) install works from any folder: the wheel carries the convenant and
the templates, and the installed command finds them without the checkout.

The wheel is built without build isolation (the development tools include setuptools), so no
package index is needed; the fresh environment borrows the dependencies of the running one
through a .pth file instead of installing them again.
"""

from __future__ import annotations

import os
import shutil
import site
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
VOORBEELDEN = REPO / "examples"
_NIET_MEE = shutil.ignore_patterns(
    ".git", ".venv", "__pycache__", "*.egg-info", "build", "dist", ".*_cache", ".hypothesis"
)


def _draai(
    args: list[str], cwd: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, capture_output=True, text=True, timeout=300, check=False, cwd=cwd, env=env
    )


@pytest.fixture(scope="module")
def wiel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Built from a copy: an in-tree build leaves build/ and egg-info in the checkout.
    tmp = tmp_path_factory.mktemp("wiel")
    bron = tmp / "bron"
    shutil.copytree(REPO, bron, ignore=_NIET_MEE)
    gebouwd = _draai(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--no-index", "--quiet", str(bron), "-w", str(tmp / "dist")]
    )  # fmt: skip
    assert gebouwd.returncode == 0, gebouwd.stderr
    (pad,) = (tmp / "dist").glob("convenant-*.whl")
    return pad


@pytest.fixture(scope="module")
def omgeving(wiel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment outside the checkout with only the wheel installed in it."""
    venv = tmp_path_factory.mktemp("omgeving") / "venv"
    gemaakt = _draai([sys.executable, "-m", "venv", "--without-pip", str(venv)])
    assert gemaakt.returncode == 0, gemaakt.stderr
    python = venv / "bin" / "python"
    geinstalleerd = _draai(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
         "--no-index", "--quiet", str(wiel)]
    )  # fmt: skip
    assert geinstalleerd.returncode == 0, geinstalleerd.stderr
    eigen = _draai([str(python), "-c", "import site; print(site.getsitepackages()[0])"])
    # Lines of a .pth file are added to sys.path after the environment's own site-packages,
    # and .pth files inside them are not run: the editable install of the checkout stays out.
    afhankelijk = [*site.getsitepackages(), site.getusersitepackages()]
    Path(eigen.stdout.strip(), "_afhankelijkheden.pth").write_text(
        "\n".join(afhankelijk) + "\n", encoding="utf-8"
    )
    return venv


def _omgevingsvariabelen(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env["CONVENANT_CACHE"] = str(tmp / "cache")
    return env


def test_het_wiel_bevat_het_convenant_en_elk_sjabloon(wiel: Path) -> None:
    with zipfile.ZipFile(wiel) as z:
        namen = set(z.namelist())
    data = "convenant-0.1.0.data/data/share/convenant/"
    assert f"{data}convenant.yaml" in namen
    sjablonen = {
        str(p.relative_to(REPO))
        for patroon in ("*.j2", "*.docx")  # Jinja and Word templates
        for p in (REPO / "templates").rglob(patroon)
    }
    assert sjablonen
    assert {f"{data}{s}" for s in sjablonen} <= namen
    with zipfile.ZipFile(wiel) as z:
        assert z.read(f"{data}convenant.yaml") == (REPO / "convenant.yaml").read_bytes()


def test_de_geinstalleerde_opdracht_werkt_vanuit_de_wortel(omgeving: Path, tmp_path: Path) -> None:
    env = _omgevingsvariabelen(tmp_path)
    python = omgeving / "bin" / "python"
    herkomst = _draai(
        [str(python), "-c", "import convenant, governance, rules; "
         "print(convenant.__file__, governance.__file__, rules.__file__)"],
        cwd="/", env=env,
    )  # fmt: skip
    assert herkomst.returncode == 0, herkomst.stderr
    for pad in herkomst.stdout.split():
        assert Path(pad).is_relative_to(omgeving), herkomst.stdout  # not the checkout

    convenant = str(omgeving / "bin" / "convenant")
    valideer = _draai([convenant, "valideer", "--geen-bevindingen"], cwd="/", env=env)
    assert valideer.returncode == 0, valideer.stderr
    assert f"Gelezen: {omgeving}/share/convenant/convenant.yaml (32 partijen" in valideer.stdout
    assert "In orde" in valideer.stdout

    # The example register judged from /: verdicts, some deliberately not valid (exit 1).
    toets = _draai([convenant, "toets", str(VOORBEELDEN)], cwd="/", env=env)
    assert toets.returncode == 1, toets.stderr
    assert "sg-2027-01  AANGENOMEN  Vaststelling Jaarplan 2027" in toets.stdout
    assert "Traceback" not in toets.stderr

    # A document: the templates are found in the installation.
    agenda = _draai(
        [convenant, "maak", "agenda", str(VOORBEELDEN / "documenten" / "stuurgroep-2027-05-12.yaml")],
        cwd="/", env=env,
    )  # fmt: skip
    assert agenda.returncode == 0, agenda.stderr
    assert "\n# Agenda Stuurgroep\n" in agenda.stdout
    # A Word document: the Word templates are found there too.
    word = tmp_path / "agenda.docx"
    agenda = _draai(
        [convenant, "maak", "agenda", str(VOORBEELDEN / "documenten" / "stuurgroep-2027-05-12.yaml"),
         "--uitvoer", str(word)],
        cwd="/", env=env,
    )  # fmt: skip
    assert agenda.returncode == 0, agenda.stderr
    assert word.read_bytes().startswith(b"PK")
