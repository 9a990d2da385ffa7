"""Writing output: text and binary documents land whole, byte for byte."""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from convenant.uitvoer import schrijf
from governance.errors import GebruiksFout
from tests.scenario_runners import draai


def test_bytes_worden_ongewijzigd_geschreven(tmp_path: Path) -> None:
    doel = tmp_path / "brief.pdf"
    inhoud = b"%PDF-1.7\n\x00\xff\r\n"
    schrijf(inhoud, doel)
    assert doel.read_bytes() == inhoud
    assert not list(tmp_path.glob(".*.convenant-tmp"))


def test_bytes_overschrijven_alleen_met_vlag(tmp_path: Path) -> None:
    doel = tmp_path / "brief.docx"
    schrijf(b"eerst", doel)
    with pytest.raises(GebruiksFout, match="bestaat al"):
        schrijf(b"daarna", doel)
    schrijf(b"daarna", doel, overschrijf=True)
    assert doel.read_bytes() == b"daarna"


def test_bytes_naar_een_pijp(capfdbinary: pytest.CaptureFixture[bytes]) -> None:
    schrijf(b"\x00PK\x03\x04")
    assert capfdbinary.readouterr().out == b"\x00PK\x03\x04"


# --- issue 17: every kind of existing path, modes, failures, interruptions ----------------------

MAP = Path(__file__).resolve().parents[2]


def _tijdelijke(map_: Path) -> list[Path]:
    return [p for p in map_.iterdir() if p.name.endswith(".convenant-tmp")]


def test_nieuw_bestand_volgt_de_umask(tmp_path: Path) -> None:
    oud = os.umask(0o027)
    try:
        schrijf("x\n", tmp_path / "a.md")
    finally:
        os.umask(oud)
    assert stat.S_IMODE((tmp_path / "a.md").stat().st_mode) == 0o640


def test_overschrijven_houdt_de_modus(tmp_path: Path) -> None:
    doel = tmp_path / "a.md"
    doel.write_text("oud\n")
    doel.chmod(0o644)
    schrijf("nieuw\n", doel, overschrijf=True)
    assert doel.read_text() == "nieuw\n"
    assert stat.S_IMODE(doel.stat().st_mode) == 0o644


def test_een_verwijzing_die_nergens_heen_wijst_bestaat(tmp_path: Path) -> None:
    doel = tmp_path / "a.md"
    doel.symlink_to(tmp_path / "nergens.md")
    with pytest.raises(GebruiksFout, match="bestaat al"):
        schrijf("x\n", doel)
    with pytest.raises(GebruiksFout, match="naar iets dat niet bestaat"):
        schrijf("x\n", doel, overschrijf=True)
    assert doel.is_symlink()
    assert not (tmp_path / "nergens.md").exists()


def test_een_verwijzing_naar_een_bestand_vervangt_dat_bestand(tmp_path: Path) -> None:
    echt = tmp_path / "echt.md"
    echt.write_text("oud\n")
    doel = tmp_path / "a.md"
    doel.symlink_to(echt)
    with pytest.raises(GebruiksFout, match="bestaat al"):
        schrijf("x\n", doel)
    schrijf("nieuw\n", doel, overschrijf=True)
    assert doel.is_symlink()
    assert echt.read_text() == "nieuw\n"


@pytest.mark.parametrize("soort", ["fifo", "link naar /dev/null"])
def test_een_bijzonder_bestand_wordt_nooit_vervangen(tmp_path: Path, soort: str) -> None:
    doel = tmp_path / "uit.md"
    if soort == "fifo":
        os.mkfifo(doel)
    else:
        doel.symlink_to("/dev/null")
    for overschrijf in (False, True):
        with pytest.raises(GebruiksFout):
            schrijf("x\n", doel, overschrijf=overschrijf)
    assert stat.S_ISFIFO(os.lstat(doel).st_mode) if soort == "fifo" else doel.is_symlink()
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert not _tijdelijke(tmp_path)


def test_dev_null_blijft_een_apparaat() -> None:
    code, _, fout = draai(["graaf", "--uitvoer", "/dev/null", "--overschrijf"])
    assert code == 2
    assert "geen gewoon bestand" in fout
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_een_map_zonder_schrijfrecht_geeft_exit_2() -> None:
    code, _, fout = draai(["graaf", "--uitvoer", "/proc/graaf.md"])
    assert code == 2
    assert "/proc/graaf.md: " in fout
    assert "er is niets geschreven" in fout


def test_een_volle_schijf_geeft_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def vol(fd: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", vol)
    with pytest.raises(GebruiksFout, match="de schijf is vol"):
        schrijf("x\n", tmp_path / "a.md")
    assert not list(tmp_path.iterdir())


def test_een_achtergelaten_tijdelijk_bestand_wordt_opgeruimd(tmp_path: Path) -> None:
    dood = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    wees = tmp_path / f".a.md.{int(dood.stdout)}-0123abcd.convenant-tmp"
    wees.write_text("half")
    levend = tmp_path / f".b.md.{os.getpid()}-0123abcd.convenant-tmp"
    levend.write_text("bezig")
    vreemd = tmp_path / ".c.md.tmp"
    vreemd.write_text("niet van ons")
    schrijf("x\n", tmp_path / "a.md")
    assert not wees.exists()
    assert levend.exists()
    assert vreemd.exists()


SIGTERM_TIJDENS_SCHRIJVEN = """
import os, signal, sys
from pathlib import Path
from convenant import uitvoer
echte_fsync = os.fsync
def fsync(fd):
    os.kill(os.getpid(), signal.SIGTERM)
    echte_fsync(fd)
os.fsync = fsync
uitvoer.schrijf("nieuw\\n", Path(sys.argv[1]), overschrijf=True)
"""


def test_sigterm_tijdens_schrijven_laat_het_doel_heel(tmp_path: Path) -> None:
    doel = tmp_path / "a.md"
    doel.write_text("oud\n")
    proces = subprocess.run(
        [sys.executable, "-c", SIGTERM_TIJDENS_SCHRIJVEN, str(doel)], cwd=MAP, capture_output=True
    )
    assert proces.returncode == -signal.SIGTERM, proces.stderr
    assert doel.read_text() == "oud\n"
    assert not _tijdelijke(tmp_path)
