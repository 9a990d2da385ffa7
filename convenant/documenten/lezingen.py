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

from ..uitvoer import documentformaat, schrijf

SOORT = "notitie-lezingen"


def _lezingnummer(lezingen: list[dict[str, Any]], ident: str) -> int:
    return next(i for i, lz in enumerate(lezingen, 1) if lz["id"] == ident)


def context(c: Convenant, statussen: list[LezingStatus]) -> dict[str, Any]:
    from .gemeen import kort_oordeel  # the besluitenlijst's words for an outcome

    punten = []
    for s in statussen:
        if s.vastgesteld is not None or not s.beslissend:
            continue
        b = s.bevinding
        standaard = b.standaardlezing
        assert standaard is not None
        lezingen: list[dict[str, Any]] = [
            {
                "id": lz.id,
                "uitspraak": lz.uitspraak,
                "artikelen": weergave(art(lz.artikelen)),
                "standaard": lz.standaard,
                "nu": lz.id == s.geldend,
                "waarom": lz.waarom,
            }
            for lz in b.lezingen
        ]
        # One column per other reading, so that a row reads across: now, under 2, under 3.
        andere = [lz for lz in lezingen if not lz["nu"]]
        per_besluit: dict[str, dict[str, Any]] = {}
        for x in s.beslissend:
            nu = kort_oordeel(c, x.oordeel.oordeel, x.oordeel.escaleren_naar)
            rij = per_besluit.setdefault(
                x.oordeel.id,
                {
                    "id": x.oordeel.id,
                    "onderwerp": x.oordeel.onderwerp,
                    "orgaan": c.orgaan[x.orgaan].naam,
                    "datum": x.datum,
                    "nu": nu,
                    # a reading not listed for this besluit leaves its outcome as it is
                    "anders": {lz["id"]: {"oordeel": nu, "zelfde": True} for lz in andere},
                },
            )
            rij["anders"][x.alternatief.lezing] = {
                "oordeel": kort_oordeel(c, x.alternatief.oordeel, x.alternatief.escaleren_naar),
                "zelfde": False,
            }
        besluiten = [
            {**rij, "anders": [rij["anders"][lz["id"]] for lz in andere]}
            for rij in per_besluit.values()
        ]
        punten.append(
            {
                "aanname": b.id,
                "kop": b.vraag or b.omschrijving,
                "vraag": b.omschrijving,
                "artikelen": weergave(art(b.artikelen)),
                "lezingen": lezingen,
                "nu": _lezingnummer(lezingen, s.geldend),
                "andere": [_lezingnummer(lezingen, lz["id"]) for lz in andere],
                "besluiten": besluiten,
                "voorstel": standaard.uitspraak,
                "voorstel_id": standaard.id,
                "waarom": standaard.waarom,
            }
        )
    vastgesteld = [
        {
            "kop": s.bevinding.vraag or s.bevinding.omschrijving,
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
    from ..opdrachten.lezingen import lees
    from ..register import Register
    from .gemeen import _voorbeeld, document_kop
    from .opmaak import opmaak

    if not register.is_dir():
        raise GebruiksFout(
            f"{register}: geen map; geef bij notitie-lezingen de map van het register"
        )
    formaat = documentformaat(uitvoer, formaat)
    if uitvoer is not None and uitvoer.exists() and not overschrijf:
        raise GebruiksFout(f"{uitvoer}: bestaat al; gebruik --overschrijf om het te vervangen")
    c, map_, _, statussen, onleesbaar = lees(convenant_pad, bezetting_pad, register)
    if onleesbaar:  # a note that silently skipped a meeting would mislead the Stuurgroep
        from governance.errors import InvoerFout

        raise InvoerFout(onleesbaar)
    # The verdicts were counted against the register's bezetting: the same banner rule as the
    # besluitenlijst and the jaaroverzicht.
    r = Register(map_, convenant_pad=convenant_pad, bezetting_pad=bezetting_pad)
    gevonden = r.bezetting()
    voorbeeld = _voorbeeld(gevonden)
    document = opmaak(
        SOORT,
        formaat,
        {**context(c, statussen), **document_kop(SOORT, dt.date.today(), voorbeeld=voorbeeld)},
        register,
        Register(register).huisstijl(),
        sjablonen,
    )
    schrijf(document.inhoud, uitvoer, overschrijf)
    return EXIT_OK
