"""Fixtures the workplace tests share."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def leeg(tmp_path: Path) -> Path:
    """An empty folder: the workplace leads through setting up a register there."""
    r = tmp_path / "leeg"
    r.mkdir()
    return r
