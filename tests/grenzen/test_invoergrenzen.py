"""Issue 17: what the loader refuses before parsing, and how every message is made safe to print.

The minimal inputs of the defects that do not fit a scenario file (bytes that are not UTF-8,
files that are not files, sizes); the others are in scenarios/invoer-grenzen.yaml.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
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


# --- the house style's logo (issue 13): a picture every format can show, of a bounded size ----

VOORBEELDEN = Path(__file__).resolve().parents[2] / "examples"


def _png(breedte: int, hoogte: int) -> bytes:
    """A valid PNG of zero pixels, compressed row by row: small on disk at any size."""
    import struct
    import zlib

    def blok(soort: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + soort
            + data
            + struct.pack(">I", zlib.crc32(soort + data))
        )

    pakker = zlib.compressobj(9)
    rij = bytes(1 + 3 * breedte)
    data = b"".join(pakker.compress(rij) for _ in range(hoogte)) + pakker.flush()
    kop = struct.pack(">IIBBBBB", breedte, hoogte, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + blok(b"IHDR", kop) + blok(b"IDAT", data) + blok(b"IEND", b"")


def _jpeg(breedte: int, hoogte: int) -> bytes:
    """The start of a JPEG up to its frame header: what says how large the picture is."""
    import struct

    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, hoogte, breedte, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app0 + sof + b"\xff\xd9"


@pytest.mark.parametrize(
    ("naam", "inhoud", "melding"),
    [
        ("logo.png", lambda: b"dit is tekst, geen plaatje\n", "geen PNG-bestand"),
        ("logo.png", lambda: _jpeg(200, 100), "geen PNG-bestand"),
        ("logo.jpg", lambda: _png(200, 100), "geen JPEG-bestand"),
        ("logo.png", lambda: _png(6000, 6000), "6000 × 6000 beeldpunten"),
        ("logo.jpg", lambda: _jpeg(30_000, 400), "30000 × 400 beeldpunten"),
        ("logo.png", lambda: _png(200, 100) + bytes(3 * 1024 * 1024), "MB"),
    ],
)
def test_een_logo_dat_geen_gewoon_plaatje_is_wordt_geweigerd(
    tmp_path: Path, naam: str, inhoud: Callable[[], bytes], melding: str
) -> None:
    import shutil

    register = tmp_path / "register"
    shutil.copytree(VOORBEELDEN, register)
    (register / naam).write_bytes(inhoud())
    (register / "huisstijl.yaml").write_text(f"organisatie: Test\nlogo: {naam}\n")
    doel = tmp_path / "agenda.docx"
    invoer = register / "documenten" / "stuurgroep-2027-05-12.yaml"
    code, uit, fout = draai(["maak", "agenda", str(invoer), "--uitvoer", str(doel)])
    assert (code, uit) == (2, "")
    assert f"{register / 'huisstijl.yaml'}:2:" in fout
    assert melding in fout
    assert "herstel: " in fout
    assert not doel.exists()


def test_een_gewoon_logo_in_png_en_jpeg_mag(tmp_path: Path) -> None:
    import shutil

    register = tmp_path / "register"
    shutil.copytree(VOORBEELDEN, register)
    (register / "logo.jpg").write_bytes(_jpeg(400, 120))
    (register / "huisstijl.yaml").write_text("organisatie: Test\nlogo: logo.jpg\n")
    invoer = register / "documenten" / "stuurgroep-2027-05-12.yaml"
    code, uit, fout = draai(["maak", "agenda", str(invoer), "--formaat", "html"])
    assert code == 0, fout
    assert 'src="data:image/jpeg;base64,' in uit


def test_een_invoer_te_groot_voor_een_pdf_noemt_het_invoerbestand(tmp_path: Path) -> None:
    """Thousands of agenda items make an HTML WeasyPrint would lay out for minutes: refused,
    at the input file (the bundled template is not the one to change)."""
    import shutil

    shutil.copy(VOORBEELDEN / "bezetting.yaml", tmp_path)
    regels = ["orgaan: stuurgroep", "datum: 2027-05-12", "besluiten:"]
    for i in range(4000):
        regels += [f"  - id: sg-2027-{i:04d}", f"    onderwerp: Onderwerp {i}", "    soort: beleid"]
    invoer = tmp_path / "stuurgroep-2027-05-12.yaml"
    invoer.write_text("\n".join(regels) + "\n", encoding="utf-8")
    doel = tmp_path / "agenda.pdf"
    code, uit, fout = draai(["maak", "agenda", str(invoer), "--uitvoer", str(doel)])
    assert (code, uit) == (2, "")
    assert f"{invoer}: het document is te groot voor een PDF" in fout
    assert not doel.exists()
