"""`convenant maak`: a document ready to send, from the files the other commands read."""

from __future__ import annotations

from pathlib import Path

from governance.bestanden import bezetting_uit, laad_convenant, laad_sleutel, zoek_register
from governance.errors import EXIT_OK, GebruiksFout, InvoerFout
from governance.loader import laad
from governance.verwijzingen import controleer, dubbele_ids, ids_van

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
) -> int:
    from ..maak import DOCUMENTEN, render  # jinja2 only for this command

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
    model, bouw = DOCUMENTEN[soort]
    bestand = laad(invoer, model)
    if meldingen := dubbele_ids(bestand.model, bestand.bron) + controleer(
        bestand.model, bestand.bron, ids_van(c), convenant=c
    ):
        raise InvoerFout(meldingen)
    opties = {}
    if soort == "liquidatieoverzicht":
        opties["verdeelsleutel"] = laad_sleutel(convenant, verdeelsleutel_pad, register)
    tekst = render(soort, formaat, bouw(c, bezetting, bestand, **opties), invoer, sjablonen)
    schrijf(tekst, uitvoer, overschrijf)
    return EXIT_OK
