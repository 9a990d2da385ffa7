"""`convenant lezingen`: the contested readings, their alternatives, and what turns on them."""

from __future__ import annotations

import sys
from pathlib import Path

from governance.artikelen import weergave
from governance.bestanden import zoek_register
from governance.datums import lang
from governance.errors import EXIT_OK, EXIT_ONLEESBAAR, InvoerFout, Melding
from governance.models import Convenant
from governance.zetels import Vergaderbeeld
from rules.lezingen import Lezingkeuze
from rules.lezingenoverzicht import LezingStatus, overzicht
from rules.oordeel import art

from ..register import Register
from ..uitvoer import als_json, schrijf

# Readings no besluit consults: the commands whose outcome turns on them.
ELDERS = {
    "ingang_opzegtermijn": "simuleer uittreding",
    "bijdrage_jaar_van_uittreding": "simuleer uittreding",
    "uittredende_gemeente_deelt_kosten": "simuleer uittreding en simuleer liquidatie",
    "rechter_vrd_kosten": "simuleer liquidatie --route rechter",
    "criteria_structuur": "casus criteria",
    "casusregisseur_kan": "casus toets",
}


def lees(
    convenant_pad: Path | None,
    bezetting_pad: Path | None,
    register: Path | None,
    lezingen: tuple[str, ...] = (),
) -> tuple[Convenant, Path | None, Lezingkeuze, list[LezingStatus], list[Melding]]:
    """The readings with their status in the register and the besluiten that turn on them."""
    map_ = zoek_register(register)
    r = Register(map_, convenant_pad=convenant_pad, bezetting_pad=bezetting_pad, lezingen=lezingen)
    c = r.convenant
    r.bezetting()  # a broken bezetting is refused once, not with every meeting
    keuze = r.keuze_op()
    beelden: list[tuple[str, Vergaderbeeld]] = []
    onleesbaar: list[Melding] = []
    for pad in r.vergaderbestanden():
        try:
            beelden.append((pad.name, r.beeld(r.vergadering(pad))))
        except InvoerFout as fout:
            onleesbaar.extend(fout.meldingen)
    return c, map_, keuze, overzicht(c, beelden, keuze), onleesbaar


def lezingen(
    convenant_pad: Path | None, bezetting_pad: Path | None, register: Path | None, json: bool
) -> int:
    c, map_, _, statussen, onleesbaar = lees(convenant_pad, bezetting_pad, register)
    for melding in onleesbaar:
        sys.stderr.write(f"{melding}\n")
    if json:
        schrijf(
            als_json(
                {"register": str(map_) if map_ else None, "lezingen": [_dict(s) for s in statussen]}
            )
        )
    else:
        schrijf(_tekst(c, map_, statussen))
    return EXIT_ONLEESBAAR if onleesbaar else EXIT_OK


def _dict(s: LezingStatus) -> dict[str, object]:
    b = s.bevinding
    return {
        "aanname": b.id,
        "soort": b.soort,
        "artikelen": b.artikelen,
        "vraag": b.omschrijving,
        "lezingen": [
            {
                "id": lz.id,
                "uitspraak": lz.uitspraak,
                "artikelen": lz.artikelen,
                "standaard": lz.standaard,
                "waarom": lz.waarom,
            }
            for lz in b.lezingen
        ],
        "geldend": s.geldend,
        "vastgesteld_bij": s.vastgesteld.als_dict() if s.vastgesteld else None,
        "besluiten_geraadpleegd": s.geraadpleegd,
        "geldt_bij": ELDERS.get(b.id),
        "besluiten_beslissend": len(s.besluiten),
        "beslissend": [
            {
                "bestand": x.bestand,
                "besluit": x.oordeel.id,
                "onderwerp": x.oordeel.onderwerp,
                "oordeel": x.oordeel.oordeel,
                "lezing": x.alternatief.lezing,
                "oordeel_bij_lezing": x.alternatief.oordeel,
                "escaleren_naar_bij_lezing": x.alternatief.escaleren_naar,
            }
            for x in s.beslissend
        ],
    }


def _tekst(c: Convenant, map_: Path | None, statussen: list[LezingStatus]) -> str:
    waar = f"register {map_}" if map_ else "geen register gevonden (geef --register PAD)"
    vast = sum(1 for s in statussen if s.vastgesteld)
    regels = [
        f"Betwiste lezingen: {len(statussen)}, waarvan {vast} vastgesteld door de Stuurgroep ({waar}).",
        "",
    ]
    for s in statussen:
        b = s.bevinding
        regels.append(f"{b.id} ({weergave(art(b.artikelen))})")
        regels.append(f"  Vraag: {b.omschrijving}")
        for lz in b.lezingen:
            teken = "*" if lz.id == s.geldend else "-"
            standaard = ", standaard" if lz.standaard else ""
            regels.append(
                f"  {teken} {lz.id} ({weergave(art(lz.artikelen))}{standaard}): {lz.uitspraak}"
            )
            if lz.waarom:
                regels.append(f"      waarom standaard: {lz.waarom}")
        if s.vastgesteld:
            v = s.vastgesteld
            orgaan = c.orgaan[v.orgaan].de_naam if v.orgaan in c.orgaan else v.orgaan
            regels.append(
                f"  Vastgesteld: {v.lezing}, door {orgaan} bij besluit {v.besluit} van {lang(v.datum)}."
            )
        else:
            regels.append("  Niet vastgesteld: het oordeel rust hier op een aanname.")
        besluiten = s.besluiten
        lijst = f" ({', '.join(besluiten)})" if besluiten else ""
        if not s.geraadpleegd and b.id in ELDERS:
            regels.append(f"  Geldt niet voor besluiten, wel bij 'convenant {ELDERS[b.id]}'.")
        else:
            regels.append(
                f"  In het register: {s.geraadpleegd} besluit(en) raadplegen deze lezing; "
                f"zij beslist over {len(besluiten)}{lijst}."
            )
        regels.append("")
    regels.append("* = de lezing die nu geldt. Kies een andere met --lezing AANNAME=LEZING.")
    return "\n".join(regels) + "\n"
