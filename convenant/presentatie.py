"""The JSON shapes (and the CSV) of the engine's answers, built once: the CLI's `--json` and
the workplace's API print the same dictionaries, so they cannot drift apart.

Keys in Dutch snake_case, dates as `datetime.date` (ISO 8601 once written by
`convenant.uitvoer.als_json` or the API), money as strings with two decimals (DESIGN.md).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from governance.geld import als_tekst

if TYPE_CHECKING:
    from governance.begroting import Begroting
    from governance.models import Convenant, Partij, Verdeelsleutel
    from governance.zetels import Vergaderbeeld
    from rules.liquidatie import Liquidatie, Verschuiving
    from rules.oordeel import Oordeel
    from rules.uittreding import Uittreding

    from .register import Stand


# --- toets -----------------------------------------------------------------------------------


class Uitkomst(NamedTuple):
    bestand: Path
    beeld: Vergaderbeeld
    oordelen: list[Oordeel]


def toets_dict(u: Uitkomst) -> dict[str, object]:
    """One meeting's verdicts as `toets --json` prints them (and the API answers)."""
    v = u.beeld.vergadering
    return {
        "vergadering": {
            "bestand": str(u.bestand),
            "orgaan": v.orgaan,
            "datum": v.datum,
            "openbaar": v.openbaar,
            "aanwezig": sorted(u.beeld.aanwezig),
            "afwezig": sorted(u.beeld.afwezig),
        },
        "besluiten": [o.als_dict() for o in u.oordelen],
    }


# --- partijen --------------------------------------------------------------------------------


SOORT_MEERVOUD = {
    "gemeente": "gemeenten",
    "ketenpartner": "ketenpartners",
    "ondersteuner": "ondersteuners",
}


def partijen_op(stand: Stand, soort: str | None) -> tuple[list[Partij], list[Partij]]:
    in_kracht = [p for p in stand.partijen if soort is None or p.soort == soort]
    niet_in_kracht = [p for p in stand.niet_in_kracht if soort is None or p.soort == soort]
    return in_kracht, niet_in_kracht


def partijen_dict(stand: Stand, soort: str | None = None) -> dict[str, object]:
    """The parties in force on the stand's date, as `partijen --json` prints them (and the API
    answers)."""
    in_kracht, niet_in_kracht = partijen_op(stand, soort)
    return {
        "op": stand.datum,
        "partijen": [partij_dict(p) for p in in_kracht],
        "niet_in_kracht": [p.id for p in niet_in_kracht],
    }


def partij_dict(p: Partij) -> dict[str, object]:
    return {
        "id": p.id,
        "naam": p.naam,
        "kort": p.kort,
        "soort": p.soort,
        "is_partij": p.is_partij,
        "toegetreden_op": p.toegetreden_op,
        "uitgetreden_op": p.uitgetreden_op,
        "ondertekenaar": p.ondertekenaar.model_dump() if p.ondertekenaar else None,
        "voetnoot": p.voetnoot,
    }


# --- simuleer --------------------------------------------------------------------------------


def uittreding_dict(u: Uittreding) -> dict[str, object]:
    return {
        "partij": u.partij,
        "route": u.route,
        "geldig": u.geldig,
        "ingang": u.ingang,
        "tijdlijn": [
            {"datum": g.datum, "wat": g.wat, "artikel": g.artikel, "aanname": g.aanname}
            for g in u.tijdlijn
        ],
        "tot_de_ingang": [g.als_dict() for g in u.tijdens],
        "blijft_gelden": [g.als_dict() for g in u.blijft],
        "zetels": [
            {"orgaan": z.orgaan, "lid": z.lid, "naam": z.naam, "gevolg": z.gevolg} for z in u.zetels
        ],
        "partijen_daarna": list(u.partijen_daarna),
        "gronden": [g.als_dict() for g in u.gronden],
        "lezingen": dict(u.lezingen),
    }


def liquidatie_dict(
    c: Convenant, u: Liquidatie, begroting: Begroting, sleutel: Verdeelsleutel
) -> dict[str, object]:
    """A liquidation as `simuleer liquidatie --json` prints it (and the API answers)."""
    from rules.liquidatie import als_dict as liquidatie_als_dict

    data = liquidatie_als_dict(c, u, begroting, sleutel)
    data["lezingen"] = dict(u.lezingen)
    return data


def verschuiving_dict(v: Verschuiving) -> dict[str, object]:
    return {
        "aanname": v.aanname,
        "lezing": v.lezing,
        "artikel": v.artikel,
        "uitspraak": v.uitspraak,
        "gemeenten": {g: als_tekst(b) for g, b in v.gemeenten.items()},
        "partners": {p: als_tekst(b) for p, b in v.partners.items()},
        "vrd": als_tekst(v.vrd),
    }


def nl_getal(waarde: Decimal) -> str:
    return als_tekst(waarde).replace(".", ",")


def liquidatie_csv(c: Convenant, u: Liquidatie) -> str:
    """A liquidation as `--csv` prints it (and the workplace downloads it)."""
    # Semicolons and decimal commas: what a Dutch spreadsheet opens without an import wizard.
    regels = ["soort;partij;naam;gewicht;bedrag"]
    regels += [
        f"gemeente;{g};{c.partij[g].naam};{u.gewichten[g]};{nl_getal(b)}"
        for g, b in u.gemeenten.items()
    ]
    regels += [
        f"partner;{p};{c.partij[p].naam};;{nl_getal(b)}" for p, b in sorted(u.partners.items())
    ]
    if u.eigen_kosten_vrd:
        regels.append(f"werkgever;vrd;{c.partij['vrd'].naam};;{nl_getal(u.eigen_kosten_vrd)}")
    return "\n".join(regels) + "\n"


def alle_dict(t: dict[str, dict[str, Decimal]]) -> dict[str, object]:
    """Every single exit side by side, as `--alle-uittredingen --json` prints it."""
    return {
        "alle_uittredingen": {
            weg: {g: als_tekst(b) for g, b in rest.items()} for weg, rest in t.items()
        }
    }


def met_deelt(lezingen: tuple[str, ...], uittreder_deelt: bool | None) -> tuple[str, ...]:
    """The old switch --uittreder-deelt is a reading like any other (also asked by the API)."""
    if uittreder_deelt is None:
        return lezingen
    lezing = "deelt_mee" if uittreder_deelt else "deelt_niet"
    return (*lezingen, f"uittredende_gemeente_deelt_kosten={lezing}")
