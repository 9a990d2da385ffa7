"""Every document as a secretaris sees it before sending: made from a register with real data
(tests/documenten/echt_register.py), in PDF and in Word, each page an image, side by side.

    .venv/bin/python tools/beelden.py [MAP]        (or: make beelden)

MAP (default: build/beelden) gets the register, the documents, a PNG per page and
index.html, which shows per document the PDF's pages beside those of the Word file. A Word
file is laid out by LibreOffice (`soffice`), the closest a Linux machine comes to Word; without
it the Word column says so. The PDF pages need `pdftoppm` (poppler-utils).

This is for looking, not a test: what it shows is judged by a person (issue 24, "check each
page as a PDF image and each Word file, as a secretaris would")."""

from __future__ import annotations

import html
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

WORTEL = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(WORTEL))

from tests.documenten.echt_register import GEVALLEN, IDS, maak_echt_register, opdracht  # noqa: E402

RESOLUTIE = "60"


def _draai(argumenten: list[str]) -> tuple[int, str]:
    uit = subprocess.run(
        [sys.executable, "-m", "convenant", *argumenten],
        capture_output=True,
        text=True,
        check=False,
    )
    return uit.returncode, uit.stderr.strip()


def _paginas(pdf: Path, doel: Path) -> list[Path]:
    """A PNG per page of `pdf`, in page order."""
    subprocess.run(["pdftoppm", "-png", "-r", RESOLUTIE, str(pdf), str(doel)], check=True)
    return sorted(
        doel.parent.glob(f"{doel.name}-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1])
    )


def _word_naar_pdf(bestanden: list[Path], doel: Path) -> str:
    """Lay out the Word files with LibreOffice, all in one run (it starts slowly); a reason
    when it cannot."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return "LibreOffice (soffice) is niet geïnstalleerd: de Word-bestanden zijn niet opgemaakt"
    # its own profile, so a LibreOffice the user has open does not take the job over
    with tempfile.TemporaryDirectory() as profiel:
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{profiel}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(doel),
                *map(str, bestanden),
            ],
            capture_output=True,
            check=False,
            timeout=600,
        )
    return ""


def _kolom(titel: str, paginas: list[Path], map_: Path, leeg: str) -> str:
    beelden = "".join(
        f'<a href="{html.escape(p.relative_to(map_).as_posix())}"><img src="{html.escape(p.relative_to(map_).as_posix())}" '
        f'alt="{html.escape(titel)}, pagina {i}"></a>'
        for i, p in enumerate(paginas, 1)
    )
    return f"<div class=kolom><h3>{html.escape(titel)} ({len(paginas)} p.)</h3>{beelden or html.escape(leeg)}</div>"


def main(argv: list[str]) -> int:
    map_ = Path(argv[0]).resolve() if argv else WORTEL / "build" / "beelden"
    if map_.exists():
        shutil.rmtree(map_)
    (map_ / "documenten").mkdir(parents=True)
    (map_ / "png").mkdir()
    register = maak_echt_register(map_ / "register")
    meldingen: dict[str, str] = {}
    for naam, (soort, invoer) in zip(IDS, GEVALLEN, strict=True):
        for formaat in ("pdf", "docx"):
            doel = map_ / "documenten" / f"{naam}.{formaat}"
            code, fout = _draai([*opdracht(register, soort, invoer), "--uitvoer", str(doel)])
            if code not in (0, 1) or not doel.is_file():
                meldingen[f"{naam}.{formaat}"] = fout or f"afgesloten met {code}"
    word = map_ / "word"
    word.mkdir()
    reden = _word_naar_pdf(sorted((map_ / "documenten").glob("*.docx")), word)
    blokken = []
    for naam in IDS:
        pdf = map_ / "documenten" / f"{naam}.pdf"
        uit_word = word / f"{naam}.pdf"
        links = _paginas(pdf, map_ / "png" / f"{naam}-pdf") if pdf.is_file() else []
        rechts = _paginas(uit_word, map_ / "png" / f"{naam}-word") if uit_word.is_file() else []
        fouten = "".join(
            f"<p class=fout>{html.escape(k)}: {html.escape(v)}</p>"
            for k, v in meldingen.items()
            if k.startswith(naam + ".")
        )
        blokken.append(
            f"<section><h2>{html.escape(naam)}</h2>{fouten}<div class=rij>"
            + _kolom("PDF", links, map_, "geen PDF")
            + _kolom(
                "Word (opgemaakt door LibreOffice)", rechts, map_, reden or "geen Word-bestand"
            )
            + "</div></section>"
        )
    (map_ / "index.html").write_text(
        "<!doctype html><html lang=nl><meta charset=utf-8><title>Documenten zoals ze verstuurd worden</title>"
        "<style>body{font:14px sans-serif;margin:1em}.rij{display:flex;gap:2em}"
        ".kolom img{width:300px;border:1px solid #999;margin:0 .5em .5em 0}.fout{color:#a11}</style>"
        "<h1>Documenten zoals ze verstuurd worden</h1>" + "".join(blokken),
        encoding="utf-8",
    )
    for k, v in meldingen.items():
        print(f"{k}: niet gemaakt: {v}", file=sys.stderr)
    if reden:
        print(reden, file=sys.stderr)
    print(f"{map_ / 'index.html'}: {len(IDS)} documenten, PDF naast Word")
    return 1 if meldingen else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
