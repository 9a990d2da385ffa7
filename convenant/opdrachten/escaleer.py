"""`convenant escaleer`: the path a dispute or a deadlock takes, step by step with articles."""

from __future__ import annotations

from pathlib import Path

from governance import graaf
from governance.errors import EXIT_OK, GebruiksFout, bedoelde_u
from governance.models import Convenant

from ..register import Register
from ..uitvoer import als_json, schrijf


def escaleer(
    convenant_pad: Path | None, geschil: str | None, impasse: str | None, json: bool
) -> int:
    c = Register(None, convenant_pad=convenant_pad).convenant
    if (geschil is None) == (impasse is None):
        raise GebruiksFout("geef precies één van --geschil ROL of --impasse ORGAAN")
    start = geschil or impasse
    assert start is not None
    _bestaat(c, start, "rol" if geschil else "orgaan")
    pad = graaf.pad(c, start, "geschil" if geschil else "impasse")
    naam = (c.rol[start] if geschil else c.orgaan[start]).naam
    geen = c.orgaan[start].geen_escalatie if impasse else None
    if json:
        schrijf(
            als_json(
                {
                    "start": start,
                    "aanleiding": "geschil" if geschil else "impasse",
                    "stappen": [
                        {
                            "van": e.van,
                            "naar": e.naar,
                            "artikelen": e.artikelen,
                            "uitleg": e.uitleg,
                            "facultatief": e.facultatief,
                            "aanname": e.aanname,
                        }
                        for e in pad
                    ],
                    "eindpunt": pad[-1].naar if pad else start,
                    "geen_escalatie": {"uitleg": geen.uitleg, "aanname": geen.aanname}
                    if geen
                    else None,
                }
            )
        )
        return EXIT_OK
    kop = (
        f"Geschil over de taakuitvoering door: {naam}"
        if geschil
        else f"{naam} komt niet tot een besluit"
    )
    regels = [kop]
    for i, e in enumerate(pad, 1):
        zo_nodig = " (zo nodig)" if e.facultatief else ""
        aanname = f" [aanname: {e.aanname}]" if e.aanname else ""
        regels.append(
            f"  {i}. {_naam(c, e.van)} → {_naam(c, e.naar)}{zo_nodig} (art. {', '.join(e.artikelen)}): {e.uitleg}{aanname}"
        )
    if not pad:
        regels.append(
            f"  Geen escalatie. {geen.uitleg} [aanname: {geen.aanname}]"
            if geen
            else "  Het convenant wijst geen weg aan."
        )
    else:
        regels.append(f"  Eindpunt: {_naam(c, pad[-1].naar)}.")
    schrijf("\n".join(regels) + "\n")
    return EXIT_OK


def _naam(c: Convenant, ident: str) -> str:
    return c.orgaan[ident].naam if ident in c.orgaan else c.rol[ident].naam


def _bestaat(c: Convenant, ident: str, soort: str) -> None:
    bekend = list(c.rol if soort == "rol" else c.orgaan)
    if ident not in bekend:
        suggestie = bedoelde_u(ident, bekend)
        hint = f" (bedoelde u '{suggestie}'?)" if suggestie else ""
        raise GebruiksFout(f"onbekende {soort} '{ident}'{hint}; kies uit: {', '.join(bekend)}")
