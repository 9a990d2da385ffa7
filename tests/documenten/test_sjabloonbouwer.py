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


@pytest.mark.parametrize("soort", sorted(maak_sjablonen.SJABLONEN))
def test_een_inleiding_blijft_bij_haar_tabel_of_lijst(soort: str) -> None:
    """The paragraph before a table or a list (a label such as "Besluiten die ervan afhangen",
    a heading) is kept with it: Word never leaves it alone at the foot of a page."""
    from docx import Document
    from docx.oxml.ns import qn

    lijst, tekst = maak_sjablonen._lijstitem, maak_sjablonen._tekst
    body = Document(str(SJABLONEN / f"{soort}.docx")).element.body
    blokken = [b for b in body if b.tag != qn("w:sectPr")]
    gezien = 0
    for i, blok in enumerate(blokken):
        if blok.tag != qn("w:tbl") and not (lijst(blok) and not lijst(blokken[i - 1])):
            continue
        vorige = [b for b in blokken[:i] if not tekst(b).startswith("{%p")]
        if not vorige or vorige[-1].tag != qn("w:p") or lijst(vorige[-1]):
            continue
        gezien += 1
        houd = vorige[-1].find(f"{qn('w:pPr')}/{qn('w:keepNext')}")
        assert houd is not None, f"{soort}.docx: '{tekst(vorige[-1])[:60]}' staat los van wat volgt"
    assert gezien, f"{soort}.docx: geen tabel of lijst met een inleiding gevonden"


def test_de_bouwer_maakt_telkens_dezelfde_bytes() -> None:
    """A rebuild without a change leaves the committed files as they are (no zip times), so
    two branches that rebuild the templates do not conflict in git over nothing."""
    for soort in maak_sjablonen.SJABLONEN:
        assert maak_sjablonen.bouw(soort) == (SJABLONEN / f"{soort}.docx").read_bytes(), soort
