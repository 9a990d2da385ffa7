"""`convenant maak`: a document ready to send, from the files the other commands read."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from governance.bestanden import (
    bezetting_uit,
    huisstijl_uit,
    laad_begroting,
    laad_convenant,
    laad_sleutel,
    lezingen_uit,
    zoek_register,
)
from governance.errors import EXIT_NIET_GELDIG, EXIT_OK, GebruiksFout, InvoerFout
from governance.loader import laad
from governance.verwijzingen import controleer, dubbele_ids, ids_van
from rules.lezingen import kies
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
) -> int:
    from ..maak import DOCUMENTEN, maak_document  # jinja2 only for this command

    if soort == "notitie-lezingen":  # made from the whole register, not from one file
        from ..notitie_lezingen import maak_notitie

        return maak_notitie(
            invoer, uitvoer, formaat, overschrijf, sjablonen, convenant_pad, bezetting_pad
        )
    formaat = documentformaat(uitvoer, formaat)
    if uitvoer is not None and uitvoer.exists() and not overschrijf:  # refuse before any work
        raise GebruiksFout(f"{uitvoer}: bestaat al; gebruik --overschrijf om het te vervangen")
    convenant = laad_convenant(convenant_pad)
    c = convenant.model
    register = zoek_register(register, invoer)
    gevonden = bezetting_uit(c, bezetting_pad, register)
    bezetting = gevonden.model if gevonden else None
    model, _ = DOCUMENTEN[soort]
    bestand = laad(invoer, model)
    if meldingen := dubbele_ids(bestand.model, bestand.bron) + controleer(
        bestand.model, bestand.bron, ids_van(c), convenant=c
    ):
        raise InvoerFout(meldingen)
    # Documents judge as `convenant toets` does in this register: under its settled readings.
    opties: dict[str, Any] = {
        "register": register,
        "keuze": kies(c, (), lezingen_uit(c, register)),
    }
    if soort == "besluitenlijst":
        opties["met_toetsing"] = met_toetsing
    if soort == "liquidatieoverzicht":
        opties["verdeelsleutel"] = laad_sleutel(convenant, verdeelsleutel_pad, register)
        opties |= {
            "route": route,
            "uittredend": uittredend,
            "uittreder_deelt": uittreder_deelt,
            "zonder": zonder,
        }
    if soort == "uittredingsoverzicht" and begroting_pad is not None:
        opties["begroting"] = laad_begroting(begroting_pad, c).model
        opties["verdeelsleutel"] = laad_sleutel(convenant, verdeelsleutel_pad, register)
        opties["uittreder_deelt"] = uittreder_deelt
    document = maak_document(
        soort,
        formaat,
        c,
        bestand,
        bezetting=bezetting,
        huisstijl=huisstijl_uit(register),
        eigen_sjablonen=sjablonen,
        **opties,
    )
    schrijf(document.inhoud, uitvoer, overschrijf)
    if document.concept:
        sys.stderr.write(
            "Let op: dit document is een CONCEPT en is zo gemarkeerd. "
            + " ".join(document.concept)
            + "\n"
        )
        return EXIT_NIET_GELDIG
    return EXIT_OK
