"""`convenant graaf`: the escalation graph as mermaid or dot."""

from __future__ import annotations

from pathlib import Path

from governance import graaf as escalatiegraaf
from governance.errors import EXIT_OK

from ..register import Register
from ..uitvoer import schrijf


def graaf(
    convenant_pad: Path | None,
    formaat: str,
    uitvoer: Path | None,
    overschrijf: bool,
    werkproces: bool = False,
) -> int:
    c = Register(None, convenant_pad=convenant_pad).convenant
    if werkproces:
        tekst = (
            escalatiegraaf.werkproces_mermaid(c)
            if formaat == "mermaid"
            else escalatiegraaf.werkproces_dot(c)
        )
    else:
        tekst = escalatiegraaf.mermaid(c) if formaat == "mermaid" else escalatiegraaf.dot(c)
    schrijf(tekst, uitvoer, overschrijf)
    return EXIT_OK
