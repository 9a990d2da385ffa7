"""What would have to change for another verdict: one fact at a time, judged again.

Each alternative changes one thing the secretaris records (someone's attendance, a vote, a
recorded step, a condition) and judges the besluit again with the same rules; those that give
another verdict are listed. A besluit is judged on its own here, which gives the verdict it
gets within its meeting (tests/rules/test_toets_eigenschappen.py).
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from governance.models import Bezetting, Convenant
from rules.lezingen import STANDAARD, Lezingkeuze
from rules.oordeel import Oordeel

from .formulier import KEUZES, Invoer, beoordeel

# aanname inbreng_vooraf_vorm: the convenant sets no term; two weeks before is an example.
INBRENG_DAGEN = 14


@dataclass(frozen=True)
class Alternatief:
    wat: str
    oordeel: Oordeel


Wijziging = Callable[[Invoer], None]


def alternatieven(
    invoer: Invoer,
    index: int,
    c: Convenant,
    bezetting: Bezetting | None,
    namen: Mapping[str, str],
    huidig: Oordeel,
    keuze: Lezingkeuze = STANDAARD,
    register: Path | None = None,
) -> list[Alternatief]:
    """`namen`: how to call a seat, a party or a voting unit in a sentence; `register`: the
    folder whose toetreding dossiers a besluit may name."""
    alleen = copy.deepcopy(invoer)
    alleen.besluiten = [alleen.besluiten[index]]
    b = alleen.besluiten[0]
    varianten: list[tuple[str, Wijziging]] = []

    def naam(x: str) -> str:
        return namen.get(x, x)

    for zetel, stand in invoer.aanwezigheid.items():
        if stand == "afwezig":
            tekst = f"met schriftelijke inbreng van {naam(zetel)}"
            varianten.append((tekst, _aanwezigheid(zetel, "inbreng")))
        if stand in ("afwezig", "inbreng"):
            tekst = f"als {naam(zetel)} aanwezig was geweest"
            varianten.append((tekst, _aanwezigheid(zetel, "aanwezig")))
    for eenheid, stem in b.stemmen.items():
        for ander in KEUZES:
            if ander != stem:
                tekst = f"als {naam(eenheid)} {_stem(ander)} had gestemd"
                varianten.append((tekst, _stemming(eenheid, ander)))
    if not invoer.inbreng_gevraagd_op and (datum := invoer.peildatum()):
        tekst = "als vastgelegd was dat de Partijen vooraf om inbreng zijn gevraagd (5.2)"
        varianten.append(
            (
                tekst,
                _veld(
                    "inbreng_gevraagd_op", (datum - dt.timedelta(days=INBRENG_DAGEN)).isoformat()
                ),
            )
        )
    if b.casuistiek:
        varianten.append(
            ("als het geen individuele casus betrof", _besluitveld("casuistiek", False))
        )
    for partij in b.treft:
        tekst = f"als het besluit {naam(partij)} niet in belangrijke mate raakte"
        varianten.append((tekst, _zonder("treft", partij)))
    soort = next((s for s in c.soorten if s.id == b.soort), None)
    for v in soort.vereisten if soort else []:
        if v.aard == "voorwaarde" and v.id not in b.voldaan:
            varianten.append((f"als vastgelegd was dat {v.omschrijving}", _met("voldaan", v.id)))
        if v.aard == "inhoud" and v.id not in b.inhoud:
            varianten.append((f"als {v.omschrijving}", _met("inhoud", v.id)))
    uit: list[Alternatief] = []
    for wat, wijzig in varianten:
        poging = copy.deepcopy(alleen)
        wijzig(poging)
        oordeel = beoordeel(poging, c, bezetting, "alternatief.yaml", keuze, register).oordelen.get(
            0
        )
        if oordeel is not None and (oordeel.oordeel, oordeel.escaleren_naar) != (
            huidig.oordeel,
            huidig.escaleren_naar,
        ):
            uit.append(Alternatief(wat, oordeel))
    return uit


def _aanwezigheid(zetel: str, stand: str) -> Wijziging:
    def wijzig(i: Invoer) -> None:
        i.aanwezigheid[zetel] = stand

    return wijzig


def _stemming(eenheid: str, keuze: str) -> Wijziging:
    def wijzig(i: Invoer) -> None:
        i.besluiten[0].stemmen[eenheid] = keuze

    return wijzig


def _veld(veld: str, waarde: object) -> Wijziging:
    def wijzig(i: Invoer) -> None:
        setattr(i, veld, waarde)

    return wijzig


def _besluitveld(veld: str, waarde: object) -> Wijziging:
    def wijzig(i: Invoer) -> None:
        setattr(i.besluiten[0], veld, waarde)

    return wijzig


def _zonder(veld: str, waarde: str) -> Wijziging:
    def wijzig(i: Invoer) -> None:
        getattr(i.besluiten[0], veld).remove(waarde)

    return wijzig


def _met(veld: str, waarde: str) -> Wijziging:
    def wijzig(i: Invoer) -> None:
        getattr(i.besluiten[0], veld).append(waarde)

    return wijzig


def _stem(keuze: str) -> str:
    return {"voor": "vóór", "tegen": "tegen", "onthouding": "blanco (onthouding)"}[keuze]
