"""`convenant soorten`: every soort besluit a meeting file may name, and who takes it."""

from __future__ import annotations

from pathlib import Path

from governance.artikelen import weergave
from governance.errors import EXIT_OK
from governance.models import Convenant, Soort, Vereiste

from ..register import Register
from ..uitvoer import als_json, schrijf

AARD = {"inhoud": "inhoud", "voorwaarde": "voorwaarde", "gevolg": "gevolg"}


def soorten(convenant_pad: Path | None, json: bool) -> int:
    c = Register(None, convenant_pad=convenant_pad).convenant
    if json:
        schrijf(als_json({"soorten": [_als_dict(c, s) for s in c.soorten]}))
        return EXIT_OK
    schrijf(_als_tekst(c))
    return EXIT_OK


def _voorbehouden(s: Soort) -> bool:
    """Reserved: the final say lies with an orgaan beyond those that may take it up (5.7)."""
    return s.voorbehouden_aan is not None


def _als_dict(c: Convenant, s: Soort) -> dict[str, object]:
    return {
        "id": s.id,
        "naam": s.naam,
        "omschrijving": s.omschrijving,
        "categorie": s.categorie,
        "bevoegd": s.bevoegd,
        "voorbehouden_aan": s.voorbehouden_aan,
        "voorbehouden_aan_colleges": s.voorbehouden_aan == "colleges",
        "artikelen": s.artikelen,
        "aanname": s.aanname,
        "vereisten": [_vereiste(v) for v in s.vereisten],
    }


def _vereiste(v: Vereiste) -> dict[str, object]:
    return {
        "id": v.id,
        "omschrijving": v.omschrijving,
        "aard": v.aard,
        "artikelen": v.artikelen,
        "aanname": v.aanname,
    }


def _wie(c: Convenant, s: Soort) -> str:
    organen = " of ".join(c.orgaan[o].naam for o in s.bevoegd)
    if s.voorbehouden_aan is None:
        return f"besluit: {organen} (niet voorbehouden)"
    eind = c.orgaan[s.voorbehouden_aan].naam
    if not s.bevoegd:
        return f"voorbehouden aan: {eind}; geen ander orgaan kan dit besluiten"
    return f"besluit: {organen}, als voorstel; het laatste woord is voorbehouden aan: {eind}"


def _als_tekst(c: Convenant) -> str:
    regels = [
        f"{len(c.soorten)} soorten besluit. In een vergaderbestand staat de id bij 'soort:', "
        "bijv. soort: jaarplan.",
        "Vereisten: wat het besluitstuk bevat (inhoud) noteert u bij 'inhoud:', een vervulde "
        "voorwaarde bij 'voldaan:'; een gevolg volgt uit het besluit zelf.",
        "",
    ]
    for s in c.soorten:
        aanname = f" [aanname: {s.aanname}]" if s.aanname else ""
        regels.append(f"{s.id}  {s.naam}  ({weergave(', '.join(s.artikelen))}){aanname}")
        regels.append(f"    {_wie(c, s)}")
        if s.categorie == "casuistiek":
            regels.append(
                "    casuïstiek: alleen in het overleg dat over casussen gaat (4.7, 6.9e)"
            )
        for v in s.vereisten:
            aanname = f" [aanname: {v.aanname}]" if v.aanname else ""
            regels.append(
                f"    - {AARD[v.aard]} '{v.id}': {v.omschrijving} "
                f"({weergave(', '.join(v.artikelen))}){aanname}"
            )
        regels.append("")
    return "\n".join(regels)
