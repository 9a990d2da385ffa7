"""The committed Word templates are what tools/maak_sjablonen.py builds: a change in the
builder that was not rebuilt (or a template edited by hand and not in the builder) fails here.

Compared per part of the package as XML text, not as zip bytes (a zip stores times)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from tools import maak_sjablonen

SJABLONEN = Path(__file__).resolve().parents[2] / "templates" / "docx"


def _delen(inhoud: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(inhoud)) as z:
        return {naam: z.read(naam) for naam in sorted(z.namelist())}


@pytest.mark.parametrize("soort", sorted(maak_sjablonen.SJABLONEN))
def test_vastgelegd_sjabloon_is_wat_de_bouwer_maakt(soort: str) -> None:
    gebouwd = _delen(maak_sjablonen.bouw(soort))
    vastgelegd = _delen((SJABLONEN / f"{soort}.docx").read_bytes())
    assert sorted(gebouwd) == sorted(vastgelegd)
    for naam, xml in gebouwd.items():
        assert xml == vastgelegd[naam], (
            f"{soort}.docx, {naam}: anders dan tools/maak_sjablonen.py bouwt; draai "
            f"'.venv/bin/python tools/maak_sjablonen.py {soort}'"
        )


def test_elke_documentsoort_heeft_een_word_sjabloon() -> None:
    assert {p.stem for p in SJABLONEN.glob("*.docx")} == set(maak_sjablonen.SJABLONEN)
