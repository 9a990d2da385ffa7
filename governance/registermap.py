"""Which folder is the register a command works in, from the paths given, and where the files
the project ships are: without loading anything (the result cache asks before any model is
defined)."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from .errors import GebruiksFout

BEZETTING = "bezetting.yaml"
TOETREDINGEN = "toetredingen"  # the accession dossiers (governance.toetreding)

# How far up from an input file a register is looked for: a register keeps its files in
# subfolders (documenten/, toetredingen/, casus/), so its own folder is one or two levels up.
_REGISTER_DIEPTE = 3


def zoek_register(register: Path | None, *invoer: Path) -> Path | None:
    """The register (a secretariat's folder with its bezetting.yaml) a command works in.

    Named with --register; otherwise the register that holds the input file. Never the
    working directory: where a command was started must not change its answer, so a command
    without --register and without an input file works without a register. None where there
    is none: commands that can do without a bezetting still run, the others say how to name
    one.
    """
    if register is not None:
        if not register.is_dir():
            raise GebruiksFout(
                f"{register}: er is geen map met die naam; geef bij --register de map van het "
                "register (de map met bezetting.yaml), of maak er een met "
                "'convenant register nieuw PAD'"
            )
        return register
    for start in invoer:
        map_ = start if start.is_dir() else start.parent
        for kandidaat in [map_, *map_.resolve().parents][:_REGISTER_DIEPTE]:
            if (kandidaat / BEZETTING).is_file():
                return kandidaat
    return None


def _bundelmappen() -> list[Path]:
    """Where the shipped files may be: the checkout (also an editable install), else the
    installation's data folder, where pyproject.toml's data-files puts them."""
    import sysconfig

    mappen = [_uitcheckmap()]
    for schema in {sysconfig.get_default_scheme(), f"{os.name}_user"}:
        with contextlib.suppress(KeyError):
            mappen.append(Path(sysconfig.get_path("data", schema)) / "share" / "convenant")
    mappen.append(Path(sys.prefix) / "share" / "convenant")
    return mappen


def _uitcheckmap() -> Path:
    return Path(__file__).resolve().parent.parent


def gebundeld(naam: str) -> Path:
    """Path of a file the project ships: convenant.yaml or the templates folder."""
    # The checkout first, on its own: asking sysconfig for the installation's folders costs
    # more than a meeting's verdict, on every start (issue 26), and a checkout needs none.
    if (pad := _uitcheckmap() / naam).exists():
        return pad
    mappen = _bundelmappen()
    for map_ in mappen:
        if (map_ / naam).exists():
            return map_ / naam
    return mappen[0] / naam  # missing everywhere: the message names where it was expected
