"""`convenant toets` on a meeting judged before answers from the result cache: the same
answer, and a changed file of the register is judged anew.

Run as the program (a subprocess), as a user runs it; `-X importtime` shows whether the
models were defined, i.e. whether the answer came from the cache or from judging.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

VOORBEELDEN = Path(__file__).resolve().parents[2] / "examples"
VERGADERING = "stuurgroep-2027-02-10.yaml"


@pytest.fixture
def register(tmp_path: Path) -> Path:
    doel = tmp_path / "register"
    shutil.copytree(VOORBEELDEN, doel)
    return doel


def _toets(register: Path, cache: Path, *extra: str) -> tuple[int, str, bool]:
    """(exit code, stdout, whether the models were defined: judged, not replayed)."""
    omgeving = {**os.environ, "CONVENANT_CACHE": str(cache)}
    uit = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            "-m",
            "convenant",
            "toets",
            str(register / VERGADERING),
            *extra,
        ],
        capture_output=True,
        text=True,
        env=omgeving,
        cwd=register.parent,
        timeout=120,
        check=False,
    )
    return uit.returncode, uit.stdout, "governance.models" in uit.stderr


def test_een_tweede_keer_hetzelfde_antwoord_uit_de_cache(register: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    eerste = _toets(register, cache)
    tweede = _toets(register, cache)
    assert eerste[2], "de eerste keer wordt de vergadering getoetst"
    assert not tweede[2], "de tweede keer komt het antwoord uit de cache"
    assert tweede[:2] == eerste[:2]
    assert eerste[0] == 1
    assert "ONGELDIG" in eerste[1]
    json = _toets(register, cache, "--json")
    assert json[2], "andere opties: een ander antwoord, opnieuw getoetst"
    assert json[1].lstrip().startswith("{")


@pytest.mark.parametrize(
    "wijzig",
    [
        # the meeting itself, if only by a comment
        lambda r: (r / VERGADERING).write_text(
            (r / VERGADERING).read_text(encoding="utf-8") + "\n# gewijzigd\n", encoding="utf-8"
        ),
        # a register file beside it: the bezetting, a settled reading, a document
        lambda r: (r / "bezetting.yaml").write_text(
            (r / "bezetting.yaml").read_text(encoding="utf-8") + "\n# gewijzigd\n",
            encoding="utf-8",
        ),
        lambda r: (r / "documenten" / "opzegging-cosis.yaml").unlink(),
    ],
    ids=["vergadering", "bezetting", "document"],
)
def test_een_gewijzigd_bestand_van_het_register_wordt_opnieuw_getoetst(
    register: Path, tmp_path: Path, wijzig: object
) -> None:
    cache = tmp_path / "cache"
    _toets(register, cache)
    wijzig(register)  # type: ignore[operator]
    assert _toets(register, cache)[2], "na een wijziging wordt opnieuw getoetst"


def test_een_gewijzigde_stemming_geeft_het_nieuwe_oordeel(register: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _code, voor, _ = _toets(register, cache)
    pad = register / VERGADERING
    tekst = pad.read_text(encoding="utf-8")
    # every besluit of the meeting is left out but the first: the answer must follow
    kop, _, _ = tekst.partition("besluiten:")
    eerste = tekst.split("\n  - id:")[1]
    pad.write_text(f"{kop}besluiten:\n  - id:{eerste}", encoding="utf-8")
    _, na, opnieuw = _toets(register, cache)
    assert opnieuw
    assert na != voor
    assert na.count("\n    ") < voor.count("\n    ")


def test_een_geplant_antwoord_wordt_nooit_getoond(register: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _, echt, _ = _toets(register, cache)
    for invoer in cache.glob("toets-*.uitslag"):
        invoer.write_bytes(
            invoer.read_bytes().replace(b"ONGELDIG", b"AANGENOMEN")  # HMAC no longer fits
        )
    _, daarna, opnieuw = _toets(register, cache)
    assert opnieuw, "een antwoord dat niet van deze gebruiker is, wordt niet gebruikt"
    assert daarna == echt


def test_een_onleesbare_vergadering_wordt_niet_onthouden(register: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    (register / VERGADERING).write_text("orgaan: [\n", encoding="utf-8")
    assert _toets(register, cache)[0] == 2
    assert not list(cache.glob("toets-*.uitslag"))


def _draai(register: Path, cache: Path, *args: str) -> tuple[str, str]:
    """(stdout, the modules imported) of the program run on `register`."""
    uit = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "convenant", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "CONVENANT_CACHE": str(cache)},
        cwd=register.parent,
        timeout=120,
        check=False,
    )
    return uit.stdout, uit.stderr


def test_een_nieuwe_vergadering_leest_de_toetredingen_van_het_register_niet_opnieuw(
    register: Path, tmp_path: Path
) -> None:
    """The register's convenant (its accessions and exits) comes from the store when its files
    did not change: a meeting never judged before does not validate every dossier again."""
    cache = tmp_path / "cache"
    _, voor, _ = _toets(register, cache)
    pad = register / VERGADERING
    pad.write_text("# een nieuwe versie\n" + pad.read_text(encoding="utf-8"), encoding="utf-8")
    na, modules = _draai(register, cache, "toets", str(pad))
    assert "governance.models" in modules, "de gewijzigde vergadering wordt getoetst"
    assert "governance.toetreding" not in modules
    assert na == voor


def test_een_getekend_dossier_maakt_de_partij_ook_na_een_eerdere_run(
    register: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    opdracht = ("partijen", "--register", str(register), "--op", "2027-06-01")
    voor, _ = _draai(register, cache, *opdracht)
    assert "Voorbeeldzorg" not in voor
    dossier = register / "toetredingen" / "voorbeeldzorg.yaml"
    tekst = dossier.read_text(encoding="utf-8")
    dossier.write_text(tekst + "datum_ondertekening: 2027-05-20\n", encoding="utf-8")
    na, modules = _draai(register, cache, *opdracht)
    assert "governance.toetreding" in modules, "een gewijzigd dossier wordt gelezen"
    assert "Stichting Voorbeeldzorg Drenthe" in na
    assert _draai(register, cache, *opdracht)[0] == na
