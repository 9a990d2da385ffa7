"""`convenant jaaroverzicht`: did every orgaan meet, were the lists sent in time, what is open?"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

from governance.bestanden import (
    bezetting_uit,
    laad_convenant,
    laad_vergadering,
    vergaderbestanden,
)
from governance.errors import (
    EXIT_NIET_GELDIG,
    EXIT_OK,
    EXIT_ONLEESBAAR,
    GebruiksFout,
    InvoerFout,
    Melding,
)
from governance.models import Bezetting, Convenant
from governance.zetels import beeld
from rules.jaaroverzicht import Gehouden, Jaaroverzicht, overzicht
from rules.toets import toets

from ..uitvoer import als_json, documentformaat, schrijf


def lees_register(
    c: Convenant, bezetting: Bezetting | None, map_: Path
) -> tuple[list[Gehouden], list[Melding]]:
    """Every meeting file in the folder; an unreadable one is reported and the rest still count."""
    gehouden: list[Gehouden] = []
    onleesbaar: list[Melding] = []
    for pad in vergaderbestanden(map_):
        try:
            vergadering = laad_vergadering(pad)
            gehouden.append(
                Gehouden(
                    pad.name, vergadering.model, tuple(toets(beeld(c, vergadering, bezetting)))
                )
            )
        except InvoerFout as fout:
            onleesbaar.extend(fout.meldingen)
    return gehouden, onleesbaar


def jaaroverzicht(
    convenant_pad: Path | None,
    bezetting_pad: Path | None,
    register: Path,
    jaar: int | None,
    op: dt.date | None,
    json: bool,
    uitvoer: Path | None,
    formaat: str | None,
    overschrijf: bool,
) -> int:
    if not register.is_dir():
        raise GebruiksFout(
            f"{register}: geen map; geef de map met de vergaderbestanden van het jaar"
        )
    convenant = laad_convenant(convenant_pad)
    c = convenant.model
    gevonden = bezetting_uit(c, bezetting_pad, register)
    bezetting = gevonden.model if gevonden else None
    gehouden, onleesbaar = lees_register(c, bezetting, register)
    if not gehouden and not onleesbaar:
        raise GebruiksFout(f"{register}: geen vergaderbestanden (*.yaml) gevonden")
    jaar = jaar or max((g.vergadering.datum.year for g in gehouden), default=dt.date.today().year)
    o = overzicht(c, gehouden, jaar, op or dt.date(jaar, 12, 31))
    for melding in onleesbaar:
        sys.stderr.write(f"{melding}\n")
    if json:
        schrijf(als_json(_als_dict(c, o, onleesbaar)), uitvoer, overschrijf)
    else:
        from ..maak import render

        formaat = documentformaat(uitvoer, formaat)
        schrijf(
            render("jaaroverzicht", formaat, context(c, o, onleesbaar), register),
            uitvoer,
            overschrijf,
        )
    if onleesbaar:
        return EXIT_ONLEESBAAR
    return EXIT_OK if o.in_orde else EXIT_NIET_GELDIG


def _als_dict(c: Convenant, o: Jaaroverzicht, onleesbaar: list[Melding]) -> dict[str, object]:
    return {
        "jaar": o.jaar,
        "peildatum": o.peildatum,
        "in_orde": o.in_orde,
        "verplichtingen": [
            {
                "omschrijving": v.omschrijving,
                "artikel": v.artikel,
                "status": v.status,
                "toelichting": v.toelichting,
                "vergaderingen": list(v.vergaderingen),
                "aanname": v.aanname,
            }
            for v in o.verplichtingen
        ],
        "vergaderingen": [
            {
                "bestand": g.naam,
                "orgaan": g.vergadering.orgaan,
                "datum": g.vergadering.datum,
                "besluiten": [b.als_dict() for b in g.oordelen],
            }
            for g in o.vergaderingen
        ],
        "open": [
            {
                "soort": p.soort,
                "vergadering": p.vergadering,
                "id": p.id,
                "omschrijving": p.omschrijving,
                "sinds": p.sinds,
                "dagen": p.dagen,
            }
            for p in o.open
        ],
        "kennisgevingen": list(o.kennisgevingen),
        "onleesbaar": [m.als_dict() for m in onleesbaar],
    }


def context(c: Convenant, o: Jaaroverzicht, onleesbaar: list[Melding]) -> dict[str, Any]:
    organen = [
        orgaan
        for orgaan in c.organen
        if any(g.vergadering.orgaan == orgaan.id for g in o.vergaderingen)
    ]
    begin = dt.date(o.jaar, 1, 1)
    dagen = (dt.date(o.jaar + 1, 1, 1) - begin).days
    rijen = []
    for i, orgaan in enumerate(organen):
        punten = [
            {
                "x": round(150 + (g.vergadering.datum - begin).days / dagen * 460, 1),
                "datum": g.vergadering.datum,
                "naam": g.naam,
            }
            for g in o.vergaderingen
            if g.vergadering.orgaan == orgaan.id
        ]
        rijen.append({"naam": orgaan.kort or orgaan.naam, "y": 30 + 28 * i, "punten": punten})
    maanden = [
        {
            "x": round(150 + (dt.date(o.jaar, m, 1) - begin).days / dagen * 460, 1),
            "naam": "jfmamjjasond"[m - 1].upper(),
        }
        for m in range(1, 13)
    ]
    return {
        "convenant": {"titel": c.convenant.titel, "kort": c.convenant.kort},
        "jaar": o.jaar,
        "peildatum": o.peildatum,
        "in_orde": o.in_orde,
        "verplichtingen": o.verplichtingen,
        "telling": {
            s: sum(1 for v in o.verplichtingen if v.status == s)
            for s in ("in orde", "niet in orde", "onbekend")
        },
        "vergaderingen": [
            {
                "naam": g.naam,
                "orgaan": c.orgaan[g.vergadering.orgaan].naam,
                "datum": g.vergadering.datum,
                "besluiten": [
                    {
                        "id": b.id,
                        "onderwerp": b.onderwerp,
                        "oordeel": b.oordeel,
                        "naar": c.orgaan[b.escaleren_naar].de_naam if b.escaleren_naar else "",
                    }
                    for b in g.oordelen
                ],
            }
            for g in o.vergaderingen
        ],
        "open": o.open,
        "kennisgevingen": o.kennisgevingen,
        "onleesbaar": [str(m) for m in onleesbaar],
        "tijdlijn": {"rijen": rijen, "maanden": maanden, "hoogte": 40 + 28 * len(rijen)},
    }
