"""Make the handleiding's screenshots of the procedures (docs/werkplek-toetreding.png, …).

    .venv/bin/python docs/schermafdrukken_procedures.py

Needs Chromium (Debian package `chromium`); the workplace runs on a copy of examples/ (with
its toetredingen/ and documenten/, without casus/) on 127.0.0.1 and stops afterwards.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

WORTEL = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(WORTEL))

from convenant.web.achtergrond import op_achtergrond  # noqa: E402
from convenant.web.app import maak_app  # noqa: E402
from convenant.web.werkplek import Werkplek  # noqa: E402

DOCS = WORTEL / "docs"
SCHERMEN = [
    ("/toetredingen/voorbeeldzorg", "werkplek-toetreding.png"),
    ("/liquidatie?zonder=meppel&zonder=emmen", "werkplek-liquidatie.png"),
    (
        "/toetredingen/voorbeeldzorg/documenten?soort=toetredingsformulier",
        "werkplek-documenten.png",
    ),
]


def main() -> None:
    from playwright.sync_api import sync_playwright

    map_ = Path(tempfile.mkdtemp(prefix="convenant-schermen-"))
    try:
        register = map_ / "examples"
        shutil.copytree(WORTEL / "examples", register, ignore=shutil.ignore_patterns("casus"))
        with op_achtergrond(maak_app(Werkplek(register))) as adres, sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                args=["--no-sandbox", "--disable-gpu", "--lang=nl-NL"],
            )
            pagina = browser.new_page(viewport={"width": 1100, "height": 820}, locale="nl-NL")
            for pad, naam in SCHERMEN:
                pagina.goto(f"{adres}{pad}")
                pagina.screenshot(path=DOCS / naam)
            browser.close()
    finally:
        shutil.rmtree(map_, ignore_errors=True)
    for _, naam in SCHERMEN:
        print(f"docs/{naam}", (DOCS / naam).stat().st_size, "bytes")


if __name__ == "__main__":
    main()
