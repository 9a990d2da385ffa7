"""Writing output: text and binary documents land whole, byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest

from convenant.uitvoer import schrijf
from governance.errors import GebruiksFout


def test_bytes_worden_ongewijzigd_geschreven(tmp_path: Path) -> None:
    doel = tmp_path / "brief.pdf"
    inhoud = b"%PDF-1.7\n\x00\xff\r\n"
    schrijf(inhoud, doel)
    assert doel.read_bytes() == inhoud
    assert not list(tmp_path.glob(".*.tmp"))


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
