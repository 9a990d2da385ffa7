"""The licence the project declares, and the licences of the files of others it ships."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_het_project_heeft_de_eupl_als_licentie() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "EUPL-1.2"
    tekst = (REPO / "LICENSE").read_text(encoding="utf-8")
    assert tekst.startswith("EUROPEAN UNION PUBLIC LICENCE v. 1.2")
    # The licence travels with the package: every file named in license-files exists.
    for patroon in project["license-files"]:
        assert list(REPO.glob(patroon)), f"{patroon} in license-files bestaat niet"


def test_elk_bestand_van_derden_staat_met_zijn_licentie_in_de_lijst() -> None:
    lijst = (REPO / "THIRD-PARTY-LICENSES.md").read_text(encoding="utf-8")
    rijen = [r for r in lijst.splitlines() if r.startswith("| `")]
    assert rijen, "THIRD-PARTY-LICENSES.md noemt geen bestanden"
    genoemd: set[str] = set()
    for rij in rijen:
        bestand, *_, licentietekst = (cel.strip() for cel in rij.strip("|").split("|"))
        for naam in (bestand, licentietekst):
            pad = re.fullmatch(r"`([^`]+)`", naam)
            assert pad, f"geen bestandsnaam in {rij!r}"
            assert (REPO / pad.group(1)).is_file(), f"{pad.group(1)} bestaat niet"
            genoemd.add(pad.group(1))
    # Every script in the package's static folder is someone's: it must be in the list.
    for script in (REPO / "convenant" / "web" / "static").glob("*.js"):
        assert str(script.relative_to(REPO)) in genoemd, f"{script.name} staat niet in de lijst"
