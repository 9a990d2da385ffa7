"""`convenant valideer`: is the encoding consistent, and where is the convenant itself unclear?"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from governance.artikelen import sorteersleutel, weergave
from governance.bestanden import zoek_register
from governance.datums import lang
from governance.errors import EXIT_NIET_GELDIG, EXIT_OK
from governance.lint import (
    Probleem,
    gebruik_van_bevindingen,
    gesorteerd,
    lint_bezetting,
    lint_convenant,
    lint_verdeelsleutel,
)
from governance.models import Bevinding

from ..register import Register
from ..uitvoer import alinea, als_json, schrijf

SOORT_VOLGORDE = (
    "tegenstrijdig",
    "dubbelzinnig",
    "stilzwijgen",
    "verwijzing",
    "redactioneel",
    "conventie",
)
SOORT_KOP = {
    "tegenstrijdig": "Tegenstrijdig",
    "dubbelzinnig": "Dubbelzinnig",
    "stilzwijgen": "Het convenant zwijgt",
    "verwijzing": "Verkeerde of ontbrekende verwijzing",
    "redactioneel": "Redactioneel",
    "conventie": "Conventies van het programma (geen bevinding over het convenant zelf)",
}


@dataclass(frozen=True)
class Gelezen:
    bestand: str
    soort: str
    samenvatting: str


def valideer(
    convenant_pad: Path | None,
    bezetting_pad: Path | None,
    verdeelsleutel_pad: Path | None,
    register: Path | None,
    json: bool,
    met_bevindingen: bool,
) -> int:
    register = zoek_register(register)
    r = Register(register, convenant_pad=convenant_pad, bezetting_pad=bezetting_pad)
    convenant = r.basis
    c = convenant.model
    gelezen = [
        Gelezen(
            convenant.bron.naam,
            "convenant",
            f"{len(c.partijen)} partijen, {len(c.organen)} organen, {len(c.rollen)} rollen, "
            f"{len(c.soorten)} soorten besluit, {len(c.escalatie)} escalaties, "
            f"{len(c.procedures)} procedures, {len(c.bevindingen)} bevindingen",
        )
    ]
    problemen = lint_convenant(convenant)

    # the bezetting may seat a party that acceded by a signed dossier of the register, and is
    # checked against the parties as the register records them (exits included)
    c = r.convenant
    bezetting = r.bezetting_gelezen()
    if bezetting is not None:
        voorbeeld = ", voorbeeld" if bezetting.model.voorbeeld else ""
        gelezen.append(
            Gelezen(
                bezetting.bron.naam,
                "bezetting",
                f"{len(bezetting.model.perioden)} perioden{voorbeeld}",
            )
        )
        problemen += lint_bezetting(bezetting, c)

    # Every addendum against the text it changes; one that does not fit stops here (exit 2).
    vervalt: dict[str, tuple[str, dt.date]] = {}  # aanname → the addendum that resolves it
    for addendum in r.addendumbestanden():
        a = addendum.model
        for w in a.wijzigingen:
            for aanname in w.vervallen_aannames:
                vervalt.setdefault(aanname, (a.nummer, a.ingangsdatum))
        aantal = len(a.wijzigingen)
        gelezen.append(
            Gelezen(
                addendum.bron.naam,
                "addendum",
                f"addendum {a.nummer}, in werking vanaf {lang(a.ingangsdatum)}, "
                f"{aantal} {'wijziging' if aantal == 1 else 'wijzigingen'}",
            )
        )

    sleutel = r.verdeelsleutel_gelezen(verdeelsleutel_pad)
    if sleutel is not None:
        voorbeeld = ", voorbeeld" if sleutel.model.voorbeeld else ""
        gelezen.append(
            Gelezen(
                sleutel.bron.naam,
                "verdeelsleutel",
                f"{len(sleutel.model.aandelen)} gemeenten{voorbeeld}",
            )
        )
        problemen += lint_verdeelsleutel(sleutel, c)

    problemen = gesorteerd(problemen)
    fouten = [p for p in problemen if p.ernst == "fout"]
    waarschuwingen = [p for p in problemen if p.ernst == "waarschuwing"]
    gebruik = gebruik_van_bevindingen(c, convenant.bron)
    bevindingen = sorted(c.bevindingen, key=_volgorde)
    if json:
        schrijf(
            als_json(
                _als_dict(
                    gelezen,
                    fouten,
                    waarschuwingen,
                    bevindingen if met_bevindingen else [],
                    gebruik,
                    vervalt,
                )
            )
        )
    else:
        schrijf(
            _als_tekst(
                gelezen,
                fouten,
                waarschuwingen,
                bevindingen if met_bevindingen else [],
                gebruik,
                vervalt,
            )
        )
    return EXIT_NIET_GELDIG if fouten else EXIT_OK


def _volgorde(b: Bevinding) -> tuple[int, tuple[int, int, int, str]]:
    return SOORT_VOLGORDE.index(b.soort), min(sorteersleutel(a) for a in b.artikelen)


def _als_dict(
    gelezen: list[Gelezen],
    fouten: list[Probleem],
    waarschuwingen: list[Probleem],
    bevindingen: list[Bevinding],
    gebruik: dict[str, list[str]],
    vervalt: dict[str, tuple[str, dt.date]],
) -> dict[str, object]:
    return {
        "geldig": not fouten,
        "bestanden": [
            {"bestand": g.bestand, "soort": g.soort, "inhoud": g.samenvatting} for g in gelezen
        ],
        "fouten": [p.als_dict() for p in fouten],
        "waarschuwingen": [p.als_dict() for p in waarschuwingen],
        "bevindingen": [
            {
                "id": b.id,
                "soort": b.soort,
                "artikelen": b.artikelen,
                "omschrijving": b.omschrijving,
                "aanname": b.aanname,
                "gebruikt_in": gebruik[b.id],
                # the addendum of the register whose text resolves it, from its ingangsdatum
                "vervalt_door": (
                    {"addendum": vervalt[b.id][0], "ingangsdatum": vervalt[b.id][1]}
                    if b.id in vervalt
                    else None
                ),
            }
            for b in bevindingen
        ],
    }


def _als_tekst(
    gelezen: list[Gelezen],
    fouten: list[Probleem],
    waarschuwingen: list[Probleem],
    bevindingen: list[Bevinding],
    gebruik: dict[str, list[str]],
    vervalt: dict[str, tuple[str, dt.date]],
) -> str:
    delen = [f"Gelezen: {g.bestand} ({g.samenvatting})\n" for g in gelezen]
    delen.append("\n")
    if not fouten and not waarschuwingen:
        delen.append("In orde: geen fouten en geen waarschuwingen.\n")
    for p in fouten + waarschuwingen:
        delen.append(f"{p}\n")
    if fouten or waarschuwingen:
        delen.append(f"\n{len(fouten)} fout(en), {len(waarschuwingen)} waarschuwing(en).\n")
    if not bevindingen:
        return "".join(delen)
    over_de_tekst = sum(1 for b in bevindingen if b.soort != "conventie")
    delen.append(
        f"\nBevindingen: {over_de_tekst} plaatsen waar het convenant zwijgt, dubbelzinnig is of "
        "zichzelf tegenspreekt, met de aanname die het programma daar maakt.\n"
    )
    huidige = ""
    for b in bevindingen:
        if b.soort != huidige:
            huidige = b.soort
            delen.append(f"\n{SOORT_KOP[b.soort]}\n")
        artikelen = ", ".join(weergave(a) for a in sorted(b.artikelen, key=sorteersleutel))
        delen.append(f"\n  {b.id} ({artikelen})\n")
        delen.append(alinea(b.omschrijving, "    "))
        if b.aanname:
            delen.append(alinea(f"aanname: {b.aanname}", "    "))
        if gebruik[b.id]:
            delen.append(alinea("gebruikt in: " + ", ".join(gebruik[b.id]), "    "))
        if b.id in vervalt:
            nummer, ingang = vervalt[b.id]
            delen.append(
                alinea(f"vervalt per {lang(ingang)}: addendum {nummer} lost dit op", "    ")
            )
    return "".join(delen)
