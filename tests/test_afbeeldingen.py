"""Every image the documentation shows exists, and every screenshot in docs/afbeeldingen/ is
shown somewhere; the screenshots stay small enough to keep in the repository (~1280 pixels wide,
a palette of colours: `make schermafbeeldingen` makes them so)."""

from __future__ import annotations

import re
import struct
from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent / "docs"
AFBEELDING = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")


def _genoemd() -> dict[Path, list[str]]:
    uit: dict[Path, list[str]] = {}
    for md in sorted(DOCS.glob("*.md")):
        for pad in AFBEELDING.findall(md.read_text(encoding="utf-8")):
            if "://" not in pad:
                uit.setdefault((DOCS / pad).resolve(), []).append(f"{md.name}: {pad}")
    return uit


def test_elke_afbeelding_in_de_handleiding_bestaat() -> None:
    genoemd = _genoemd()
    assert any("afbeeldingen" in p.parts for p in genoemd)  # the chapter's screenshots
    ontbreekt = [w for p, waar in genoemd.items() if not p.is_file() for w in waar]
    assert ontbreekt == []


def test_elke_schermafbeelding_wordt_getoond_en_is_klein() -> None:
    genoemd = _genoemd()
    for png in sorted((DOCS / "afbeeldingen").glob("*.png")):
        assert png.resolve() in genoemd, f"{png.name} staat in geen handleiding"
        kop = png.read_bytes()[:24]
        assert kop[:8] == b"\x89PNG\r\n\x1a\n", png.name
        breedte, _hoogte = struct.unpack(">II", kop[16:24])
        assert breedte <= 1280, (png.name, breedte)
        assert png.stat().st_size < 150_000, (png.name, png.stat().st_size)
