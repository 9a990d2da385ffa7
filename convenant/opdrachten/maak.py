"""`convenant maak`: a document ready to send, from the files the other commands read."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

from governance.errors import EXIT_NIET_GELDIG, EXIT_OK, GebruiksFout
from rules.liquidatie import Route

from ..uitvoer import documentformaat, schrijf


def maak(
    soort: str,
    invoer: Path,
    uitvoer: Path | None,
    formaat: str | None,
    overschrijf: bool,
    sjablonen: Path | None,
    convenant_pad: Path | None,
    bezetting_pad: Path | None,
    verdeelsleutel_pad: Path | None,
    register: Path | None,
    met_toetsing: bool = False,
    route: Route = "opheffing",
    uittredend: str | None = None,
    uittreder_deelt: bool | None = None,
    zonder: tuple[str, ...] = (),
    begroting_pad: Path | None = None,
    datum: dt.date | None = None,
) -> int:
    from ..maak import maak_uit_bestand  # jinja2 only for this command

    if soort == "notitie-lezingen":  # made from the whole register, not from one file
        from ..documenten.lezingen import maak_notitie

        return maak_notitie(
            invoer, uitvoer, formaat, overschrijf, sjablonen, convenant_pad, bezetting_pad
        )
    formaat = documentformaat(uitvoer, formaat)
    # Refuse before any work; a dangling link counts as existing too (uitvoer.bestand).
    if uitvoer is not None and os.path.lexists(uitvoer) and not overschrijf:
        raise GebruiksFout(f"{uitvoer}: bestaat al; gebruik --overschrijf om het te vervangen")
    document = maak_uit_bestand(
        soort,
        formaat,
        invoer,
        register=register,
        convenant_pad=convenant_pad,
        bezetting_pad=bezetting_pad,
        verdeelsleutel_pad=verdeelsleutel_pad,
        begroting_pad=begroting_pad,
        eigen_sjablonen=sjablonen,
        met_toetsing=met_toetsing,
        route=route,
        uittredend=uittredend,
        uittreder_deelt=uittreder_deelt,
        zonder=zonder,
        datum=datum,
    )
    schrijf(document.inhoud, uitvoer, overschrijf)
    if document.concept:
        from ..documenten.opmaak import zonder_nadruk

        # the banner's sentences, rendered from the document's macro: a terminal shows no bold
        sys.stderr.write(
            "Let op: dit document is een CONCEPT en is zo gemarkeerd. "
            + " ".join(zonder_nadruk(zin) for zin in document.concept)
            + "\n"
        )
        return EXIT_NIET_GELDIG
    return EXIT_OK
