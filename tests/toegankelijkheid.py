"""axe-core in the browser tests: every page state they visit has 0 violations of the WCAG 2.1
A and AA rules (issue 22, "Accessible").

axe comes from npm (`make axe`, tools/axe/package-lock.json). It is evaluated through the
DevTools protocol, which the pages' Content-Security-Policy does not govern, so the pages keep
the policy they are served with. Without axe the check is no silent pass: under CI it fails,
elsewhere it warns in the test summary and says how to install it.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path
from typing import Any

import pytest

AXE = Path(__file__).resolve().parent.parent / "tools" / "axe" / "node_modules" / "axe-core"
REGELS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
HOE = "axe-core ontbreekt; 'make axe' installeert het (npm nodig)."

_GEZIEN: dict[int, set[int]] = {}

_RUN = """async (regels) => {
  const uitslag = await axe.run(document, {
    runOnly: {type: "tag", values: regels}, resultTypes: ["violations"]});
  return uitslag.violations.map(v => ({
    regel: v.id, ernst: v.impact, uitleg: v.help,
    waar: v.nodes.slice(0, 5).map(n => n.target.join(" ") + " — " + n.failureSummary)}));
}"""


def controleer(p: Any, waar: str = "", spiegel: Any = None) -> None:
    """Run axe on the page as it is now; fail with every violation, where, and why.

    `spiegel`: a page of a context with JavaScript on, for a page without it (axe cannot run
    there): the page's HTML as it is now is shown in the mirror, with its own address as the
    base of every link and style sheet, and axe runs on that."""
    if isinstance(p, Getoetst):
        p, spiegel = p._p, p._spiegel
    bron = AXE / "axe.min.js"
    if not bron.is_file():
        if os.environ.get("CI") == "true":
            pytest.fail(HOE)
        warnings.warn(HOE + " De toegankelijkheid is niet getoetst.", stacklevel=2)
        return
    p.wait_for_load_state()
    p.locator(".htmx-request, .htmx-swapping, .htmx-settling").first.wait_for(state="detached")
    if p.evaluate("() => document.contentType") != "text/html":
        return  # JSON or a PDF as the browser shows it: no page of ours
    inhoud = hash(p.content())
    if inhoud in _GEZIEN.setdefault(id(p), set()):
        return  # this very state was checked already (a verdict asked again, unchanged)
    _GEZIEN[id(p)].add(inhoud)
    adres = p.url
    if spiegel is not None:
        waar += " (zonder JavaScript)"
        html = p.content().replace("<head>", f'<head><base href="{adres}">', 1)
        spiegel.set_content(html, wait_until="load")
        p = spiegel
    if not p.evaluate("() => typeof window.axe === 'object'"):
        p.evaluate(bron.read_text(encoding="utf-8"))
    fouten = p.evaluate(_RUN, REGELS)
    assert fouten == [], f"axe op {adres} {waar}:\n" + "\n".join(
        f"- {f['regel']} ({f['ernst']}): {f['uitleg']}\n    " + "\n    ".join(f["waar"])
        for f in fouten
    )


class Getoetst:
    """A Playwright page that runs axe after every navigation and click, i.e. on every page
    state a test reaches by acting as a user; the states that htmx swaps in after typing are
    checked where the test calls `controleer` (through `rustig` in the browser tests)."""

    def __init__(self, pagina: Any, spiegel: Any = None) -> None:
        self._p = pagina
        self._spiegel = spiegel

    def __getattr__(self, naam: str) -> Any:
        return getattr(self._p, naam)

    def goto(self, url: str, **opties: Any) -> Any:
        antwoord = self._p.goto(url, **opties)
        controleer(self)
        return antwoord

    def click(self, selector: str, **opties: Any) -> None:
        self._p.click(selector, **opties)
        controleer(self, f"na klik op {selector}")
