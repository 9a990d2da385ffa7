"""Make the screenshots of the handleiding (docs/werkplek-*.png) from the example register.

    .venv/bin/python docs/schermafdrukken.py

Needs Chromium (Debian package `chromium`); the workplace runs on a copy of examples/ on
127.0.0.1 and stops afterwards.
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
from tests.web_hulp import kopieer_register  # noqa: E402

DOCS = WORTEL / "docs"


def main() -> None:
    from playwright.sync_api import sync_playwright

    map_ = Path(tempfile.mkdtemp(prefix="convenant-schermen-"))
    try:
        register = kopieer_register(map_ / "examples")
        with op_achtergrond(maak_app(Werkplek(register))) as adres, sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                args=["--no-sandbox", "--disable-gpu", "--lang=nl-NL"],
            )
            pagina = browser.new_page(viewport={"width": 1100, "height": 820}, locale="nl-NL")
            pagina.goto(f"{adres}/?jaar=2027&op=01-03-2027")
            pagina.screenshot(path=DOCS / "werkplek-overzicht.png")
            pagina.goto(f"{adres}/vergaderingen/stuurgroep-2027-02-10/bewerk")
            pagina.locator("#besluit-3").screenshot(path=DOCS / "werkplek-besluit-invoeren.png")
            pagina.goto(f"{adres}/vergaderingen/stuurgroep-2027-02-10/besluiten/sg-2027-02")
            pagina.screenshot(path=DOCS / "werkplek-besluit.png", full_page=True)
            browser.close()
    finally:
        shutil.rmtree(map_, ignore_errors=True)
    for naam in sorted(DOCS.glob("werkplek-*.png")):
        print(naam.relative_to(WORTEL), naam.stat().st_size, "bytes")


if __name__ == "__main__":
    main()
