"""Issue 17: what the loader refuses before parsing, and how every message is made safe to print.

The minimal inputs of the defects that do not fit a scenario file (bytes that are not UTF-8,
files that are not files, sizes); the others are in scenarios/invoer-grenzen.yaml.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from convenant import cli
from governance.errors import Melding, veilig
from governance.loader import MAX_BYTES
from tests.scenario_runners import draai

STUURTEKEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def test_geen_utf8_noemt_regel_en_kolom(tmp_path: Path) -> None:
    pad = tmp_path / "verzoek.yaml"
    pad.write_bytes(b"soort: doorgifte_derde\nontvanger: caf\xe9\n")
    code, _, fout = draai(["informatie", "toets", str(pad)])
    assert code == 2
    assert f"{pad}:2:15: het bestand is geen UTF-8: de byte 0xe9" in fout


def test_een_bestand_boven_de_grens_wordt_niet_gelezen(tmp_path: Path) -> None:
    pad = tmp_path / "groot.yaml"
    pad.write_bytes(b"# " + b"x" * MAX_BYTES + b"\nsoort: doorgifte_derde\n")
    code, _, fout = draai(["informatie", "toets", str(pad)])
    assert code == 2
    assert f"{pad}: het bestand is groter dan 2 MB" in fout


def test_een_link_naar_dev_zero_wordt_niet_gelezen(tmp_path: Path) -> None:
    pad = tmp_path / "nul.yaml"
    pad.symlink_to("/dev/zero")
    code, _, fout = draai(["informatie", "toets", str(pad)])
    assert code == 2
    assert f"{pad}: dit is geen gewoon bestand" in fout


def test_een_fifo_blokkeert_niet(tmp_path: Path) -> None:
    pad = tmp_path / "pijp.yaml"
    os.mkfifo(pad)
    code, _, fout = draai(["valideer", "--convenant", str(pad)])
    assert code == 2
    assert f"{pad}: dit is geen gewoon bestand" in fout


def test_een_lange_waarde_wordt_ingekort(tmp_path: Path) -> None:
    pad = tmp_path / "lang.yaml"
    pad.write_text("soort: " + "k" * 1_000_000 + "\n", encoding="utf-8")
    code, _, fout = draai(["informatie", "toets", str(pad)])
    assert code == 2
    assert f"{pad}:1:8: soort: 'kkk" in fout
    assert len(fout) < 1000


def test_stuurtekens_in_een_optie_worden_niet_uitgevoerd() -> None:
    code, _, fout = draai(["partijen", "--soort", "\x1b[2J\x07\u2028"])
    assert code == 2
    assert "\\x1b[2J\\x07\\u2028" in fout
    assert not STUURTEKEN.search(fout.replace("\t", ""))


def test_een_melding_is_begrensd_en_zonder_stuurtekens() -> None:
    melding = Melding("a\x1bb.yaml", "x" * 10_000, 1, 2, "pad\x00", "herstel\u2028")
    tekst = str(melding)
    assert not STUURTEKEN.search(tekst)
    assert len(tekst) < 2_500
    assert veilig("a\nb\rc", regels=True) == "a\nb\\x0dc"


def test_ctrl_c_geeft_130(monkeypatch: pytest.MonkeyPatch) -> None:
    def onderbreek(*_: object, **__: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr("convenant.opdrachten.partijen.partijen", onderbreek)
    assert cli.uitvoeren(["partijen"]) == 130
