"""The Stuurgroep's note on contested readings (`convenant maak notitie-lezingen REGISTER`).

For each reading that is not settled and on which at least one besluit in the register turns:
the question, the alternatives with their articles, the besluiten and what each reading makes
of them, and a proposed decision. Once the Stuurgroep decides, the secretaris records the
reading in the register's lezingen.yaml; the appendix gives the lines to add.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from governance.artikelen import weergave
from governance.errors import EXIT_OK, GebruiksFout
from governance.models import Convenant
from rules.lezingenoverzicht import LezingStatus
from rules.oordeel import art

from .uitvoer import documentformaat, schrijf

SOORT = "notitie-lezingen"


def _oordeel(c: Convenant, oordeel: str, naar: str | None) -> str:
    return f"{oordeel} (naar {c.orgaan[naar].de_naam})" if naar else oordeel


def context(c: Convenant, statussen: list[LezingStatus]) -> dict[str, Any]:
    punten = []
    for s in statussen:
        if s.vastgesteld is not None or not s.beslissend:
            continue
        b = s.bevinding
        standaard = b.standaardlezing
        assert standaard is not None
        lezingen = [
            {
                "id": lz.id,
                "uitspraak": lz.uitspraak,
                "artikelen": weergave(art(lz.artikelen)),
                "standaard": lz.standaard,
                "waarom": lz.waarom,
            }
            for lz in b.lezingen
        ]
        per_besluit: dict[str, dict[str, Any]] = {}
        for x in s.beslissend:
            rij = per_besluit.setdefault(
                x.oordeel.id,
                {
                    "id": x.oordeel.id,
                    "onderwerp": x.oordeel.onderwerp,
                    "orgaan": c.orgaan[x.orgaan].naam,
                    "datum": x.datum,
                    "nu": _oordeel(c, x.oordeel.oordeel, x.oordeel.escaleren_naar),
                    "anders": [],
                },
            )
            nummer = next(i for i, lz in enumerate(lezingen, 1) if lz["id"] == x.alternatief.lezing)
            rij["anders"].append(
                {
                    "oordeel": _oordeel(c, x.alternatief.oordeel, x.alternatief.escaleren_naar),
                    "lezing": nummer,
                }
            )
        punten.append(
            {
                "aanname": b.id,
                "vraag": b.omschrijving,
                "artikelen": weergave(art(b.artikelen)),
                "lezingen": lezingen,
                "besluiten": list(per_besluit.values()),
                "voorstel": standaard.uitspraak,
                "voorstel_id": standaard.id,
                "waarom": standaard.waarom,
            }
        )
    vastgesteld = [
        {
            "vraag": s.bevinding.omschrijving,
            "lezing": next(
                lz.uitspraak for lz in s.bevinding.lezingen if lz.id == s.vastgesteld.lezing
            ),
            "besluit": s.vastgesteld.besluit,
            "datum": s.vastgesteld.datum,
        }
        for s in statussen
        if s.vastgesteld is not None
    ]
    return {
        "convenant": {"titel": c.convenant.titel, "kort": c.convenant.kort},
        "punten": punten,
        "vastgesteld": vastgesteld,
        "open_zonder_besluit": sum(
            1 for s in statussen if s.vastgesteld is None and not s.beslissend
        ),
    }


def maak_notitie(
    register: Path,
    uitvoer: Path | None,
    formaat: str | None,
    overschrijf: bool,
    sjablonen: Path | None,
    convenant_pad: Path | None,
    bezetting_pad: Path | None,
) -> int:
    from governance.bestanden import huisstijl_uit

    from .maak import document_kop, opmaak
    from .opdrachten.lezingen import lees

    if not register.is_dir():
        raise GebruiksFout(
            f"{register}: geen map; geef bij notitie-lezingen de map van het register"
        )
    formaat = documentformaat(uitvoer, formaat)
    if uitvoer is not None and uitvoer.exists() and not overschrijf:
        raise GebruiksFout(f"{uitvoer}: bestaat al; gebruik --overschrijf om het te vervangen")
    c, _, _, statussen, onleesbaar = lees(convenant_pad, bezetting_pad, register)
    if onleesbaar:  # a note that silently skipped a meeting would mislead the Stuurgroep
        from governance.errors import InvoerFout

        raise InvoerFout(onleesbaar)
    document = opmaak(
        SOORT,
        formaat,
        {**context(c, statussen), **document_kop(SOORT, dt.date.today())},
        register,
        huisstijl_uit(register),
        sjablonen,
    )
    schrijf(document.inhoud, uitvoer, overschrijf)
    return EXIT_OK
