"""`convenant versie`: which text of the convenant applies on a date (23.2)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from governance.bestanden import zoek_register
from governance.datums import lang
from governance.errors import EXIT_OK
from governance.versies import Versie

from ..uitvoer import alinea, als_json, schrijf


def versie(convenant_pad: Path | None, register: Path | None, op: dt.date, json: bool) -> int:
    from ..register import Register

    register = zoek_register(register)
    r = Register(register, convenant_pad=convenant_pad)
    v = r.versie_op(op)
    bestand = r.basis.bron.naam
    if json:
        schrijf(als_json(versie_dict(v, bestand, register)))
    else:
        bron = "De tekst uit " + bestand if convenant_pad else "De meegeleverde tekst"
        schrijf(_als_tekst(v, bron, register))
    return EXIT_OK


def versie_dict(v: Versie, bestand: str, register: Path | None) -> dict[str, object]:
    """The text in force on a date, as `versie --json` prints it."""
    return {
        "op": v.datum,
        "convenant": bestand,
        "register": str(register) if register is not None else None,
        "addenda": [a.als_dict() for a in v.addenda],
        "nog_niet_in_werking": [
            {"nummer": a.nummer, "onderwerp": a.onderwerp, "ingangsdatum": a.ingangsdatum}
            for a in v.later
        ],
    }


def _als_tekst(v: Versie, bron: str, register: Path | None) -> str:
    delen = [f"Tekst van het convenant op {lang(v.datum)}\n\n"]
    if not v.addenda:
        waar = "" if register is None else f" in het register {register}"
        delen.append(
            alinea(
                f"{bron}, zonder wijziging: er is{waar} geen "
                f"addendum dat op {lang(v.datum)} in werking is (23.2)."
            )
        )
    else:
        aantal = "één addendum" if len(v.addenda) == 1 else f"{len(v.addenda)} addenda"
        delen.append(alinea(f"{bron}, gewijzigd door {aantal} (23.2):"))
        for a in v.addenda:
            besluit = f" (besluit {a.besluit})" if a.besluit else ""
            delen.append(f"\nAddendum {a.nummer}: {a.onderwerp}\n")
            delen.append(
                alinea(
                    f"Besloten door de Stuurgroep op {lang(a.besluit_datum)}{besluit}; in "
                    f"werking sinds {lang(a.ingangsdatum)}.",
                    "  ",
                )
            )
            for w in a.wijzigingen:
                delen.append(_punt(w.uitleg))
    if v.later:
        delen.append(f"\nNog niet in werking op {lang(v.datum)}:\n")
        for komend in v.later:
            delen.append(
                _punt(
                    f"Addendum {komend.nummer}: {komend.onderwerp}; gaat in op "
                    f"{lang(komend.ingangsdatum)}."
                )
            )
    return "".join(delen)


def _punt(tekst: str) -> str:
    """A bullet whose continuation lines hang under its text."""
    import textwrap

    return textwrap.fill(tekst, width=100, initial_indent="  - ", subsequent_indent="    ") + "\n"
