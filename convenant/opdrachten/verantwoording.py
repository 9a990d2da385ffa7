"""`convenant verantwoording`: the convenant article by article, beside what encodes it."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from governance.artikelen import weergave
from governance.bestanden import zoek_register
from governance.errors import EXIT_NIET_GELDIG, EXIT_OK, GebruiksFout
from governance.models import Bevinding
from governance.verantwoording import Onderdeel, Vindplaats, onderdelen, vindplaatsen
from rules.verantwoording import REDEN, Punt, Uitkomst, regelplaatsen, verantwoord

from ..uitvoer import als_json, documentformaat, schrijf

_NIVEAU = {
    "sectie": "sectie",
    "artikel": "artikel",
    "lid": "lid",
    "onderdeel": "onderdeel",
    "voetnoot": "voetnoot",
    "bijlage": "Bijlage",
}


def bereken(convenant_pad: Path | None, verantwoording_pad: Path | None) -> Uitkomst:
    from ..register import Register

    register = Register(None, convenant_pad=convenant_pad)
    convenant = register.basis
    c = convenant.model
    toelichtingen = register.verantwoording(verantwoording_pad).model.toelichtingen
    plaatsen = [*vindplaatsen(convenant.bron), *regelplaatsen()]
    return verantwoord(c, onderdelen(c), plaatsen, toelichtingen)


def verantwoording(
    convenant_pad: Path | None,
    verantwoording_pad: Path | None,
    register: Path | None,
    json: bool,
    uitvoer: Path | None,
    formaat: str | None,
    overschrijf: bool,
) -> int:
    uitkomst = bereken(convenant_pad, verantwoording_pad)
    if json:
        schrijf(als_json(_als_dict(uitkomst)), uitvoer, overschrijf)
    else:
        formaat = documentformaat(uitvoer, formaat)
        if formaat not in ("md", "html", "pdf"):
            raise GebruiksFout(
                f"de verantwoording bestaat als md, html of pdf, niet als {formaat}; "
                "kies bijvoorbeeld --formaat pdf"
            )
        from ..maak import document_kop, opmaak
        from ..register import Register

        map_ = zoek_register(register)
        inhoud = {**context(uitkomst), **document_kop("verantwoording", dt.date.today())}
        document = opmaak(
            "verantwoording",
            formaat,
            inhoud,
            verantwoording_pad or Path("verantwoording.yaml"),
            Register(map_).huisstijl(),
        )
        schrijf(document.inhoud, uitvoer, overschrijf)
    return EXIT_OK if not uitkomst.onverantwoord and not uitkomst.onbestaand else EXIT_NIET_GELDIG


def _samenvatting(u: Uitkomst) -> dict[str, int]:
    return {
        "plaatsen": len(u.punten),
        "verantwoord": sum(p.verantwoord for p in u.punten),
        "door_regels": sum(bool(p.vindplaatsen) for p in u.punten),
        "met_toelichting": sum(p.toelichting is not None and not p.vindplaatsen for p in u.punten),
        "via_delen": sum(p.via_delen for p in u.punten),
        "onverantwoord": len(u.onverantwoord),
        "onbestaand": len(u.onbestaand),
    }


def _als_dict(u: Uitkomst) -> dict[str, Any]:
    return {
        "samenvatting": _samenvatting(u),
        "plaatsen": [
            {
                "artikel": p.onderdeel.artikel,
                "niveau": p.onderdeel.niveau,
                "titel": p.onderdeel.titel,
                "verantwoord": p.verantwoord,
                "via_delen": p.via_delen,
                "vindplaatsen": [
                    {"soort": v.soort, "naam": v.naam, "plaats": v.plaats, "aanname": v.aanname}
                    for v in p.vindplaatsen
                ],
                "bevindingen": [b.id for b in p.bevindingen],
                "lezingen": [f"{a}={lz}" for a, lz in p.lezingen],
                "toelichting": (
                    {"reden": p.toelichting.reden, "uitleg": p.toelichting.uitleg}
                    if p.toelichting
                    else None
                ),
            }
            for p in u.punten
        ],
        "onbestaand": [
            {"plaats": o.plaats, "artikel": o.artikel, "waarom": o.waarom} for o in u.onbestaand
        ],
        "toelichting_zonder_plaats": [t.artikel for t in u.overbodig],
    }


def context(u: Uitkomst) -> dict[str, Any]:
    """Per article (section, footnote, Bijlage) its rows: itself, then its leden and parts.
    Findings and readings by their titles in words; their ids are in `--json`."""
    bevindingen = {b.id: b for p in u.punten for b in p.bevindingen}
    hoofden: list[dict[str, Any]] = []
    for p in u.punten:
        if p.onderdeel.binnen is None and p.onderdeel.niveau != "lid":
            hoofden.append({"titel": p.onderdeel.titel, "rijen": []})
        hoofden[-1]["rijen"].append(_rij(p, bevindingen))
    return {
        "samenvatting": _samenvatting(u),
        "hoofden": hoofden,
        "onverantwoord": [weergave(p.onderdeel.artikel) for p in u.onverantwoord],
        "onbestaand": [
            {"plaats": o.plaats, "artikel": o.artikel, "waarom": o.waarom} for o in u.onbestaand
        ],
    }


def _rij(p: Punt, bevindingen: dict[str, Bevinding]) -> dict[str, Any]:
    o: Onderdeel = p.onderdeel
    return {
        "artikel": weergave(o.artikel) if o.niveau != "sectie" else o.artikel,
        "niveau": _NIVEAU[o.niveau],
        "kop": o.niveau in ("sectie", "artikel", "voetnoot", "bijlage"),
        "verantwoord": p.verantwoord,
        "via_delen": p.via_delen,
        "regels": [_vindplaats(v, bevindingen) for v in p.vindplaatsen],
        "bevindingen": [_bevinding(b, bevindingen) for b in p.bevindingen],
        "lezingen": [_lezing(a, lz, bevindingen) for a, lz in p.lezingen],
        "toelichting": (
            {
                "reden": REDEN[p.toelichting.reden],
                "uitleg": _zonder_ids(p.toelichting.uitleg, bevindingen),
            }
            if p.toelichting
            else None
        ),
    }


# A finding's kind as a reader names it.
_SOORT = {
    "stilzwijgen": "Het convenant zwijgt",
    "tegenstrijdig": "Tegenstrijdig",
    "dubbelzinnig": "Dubbelzinnig",
    "verwijzing": "Verwijzing die niet klopt",
    "redactioneel": "Redactioneel",
    "conventie": "Werkwijze van de toetsing",
}


def _titel(b: Bevinding | None) -> str:
    """A finding named in words, as the workplace names it: its question, else the first
    clause of its description."""
    from types import SimpleNamespace

    from ..web.sjablonen import aanname_titel  # the workplace's titles: one wording

    if b is None:
        return "een aanname"
    return aanname_titel(SimpleNamespace(bevinding={b.id: b}), b.id).rstrip(".")


def _vindplaats(v: Vindplaats, bevindingen: dict[str, Bevinding]) -> dict[str, Any]:
    aanname = _titel(bevindingen.get(v.aanname)) if v.aanname else None
    return {"soort": v.soort, "naam": v.naam, "plaats": v.plaats, "aanname": aanname}


def _lezing(aanname: str, lezing: str, bevindingen: dict[str, Bevinding]) -> str:
    b = bevindingen.get(aanname)
    gekozen = b.lezing(lezing) if b is not None else None
    return f"{_titel(b)}: {gekozen.uitspraak.rstrip('.')}" if gekozen else _titel(b)


def _zonder_ids(tekst: str, bevindingen: dict[str, Bevinding]) -> str:
    """A text of convenant.yaml that points at another finding by its id ('vrd_geen_partij')
    points at it by its title instead."""
    return re.sub(
        r"'([a-z0-9_]+)'",
        lambda m: f"“{_titel(bevindingen[m[1]])}”" if m[1] in bevindingen else m[0],
        tekst,
    )


def _bevinding(b: Bevinding, bevindingen: dict[str, Bevinding]) -> dict[str, Any]:
    return {
        "soort": _SOORT.get(b.soort, b.soort),
        "omschrijving": _zonder_ids(" ".join(b.omschrijving.split()), bevindingen),
        "aanname": _zonder_ids(" ".join((b.aanname or "").split()), bevindingen),
    }
