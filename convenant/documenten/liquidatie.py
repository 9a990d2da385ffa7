"""The liquidation overview (25.6, 25.7) and the division of costs that the exit overview
shares.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from governance.begroting import Begroting
from governance.errors import (
    GebruiksFout,
    bedoelde_u,
)
from governance.loader import Bestand
from governance.models import (
    Bezetting,
    Convenant,
    Verdeelsleutel,
)
from rules.lezingen import STANDAARD, Lezingkeuze
from rules.liquidatie import Route

from .gemeen import _basis, _data, _voorbeeld_kosten, document_kop


def _verdeling(c: Convenant, u: Any) -> dict[str, Any]:
    """The gemeenten's shares as a table: weight, percentage and amount, with totals.

    Percentages are divided like money (largest remainder over 100,00), so the column adds up
    to exactly 100,00 % as the total row says."""
    from rules.liquidatie import verdeel

    procenten = verdeel(Decimal("100.00"), u.gewichten) if u.gewichten else {}
    return {
        "gemeenten": [
            {
                "naam": c.partij[g].naam,
                "gewicht": u.gewichten[g],
                "aandeel": procenten[g],
                "bedrag": b,
            }
            for g, b in u.gemeenten.items()
        ],
        "gewicht_totaal": sum(u.gewichten.values(), Decimal(0)),
        "gedeeld": u.gedeeld,
    }


def liquidatieoverzicht(
    c: Convenant,
    bezetting: Bezetting | None,
    bestand: Bestand[Begroting],
    *,
    verdeelsleutel: Verdeelsleutel,
    route: Route = "opheffing",
    uittredend: str | None = None,
    uittreder_deelt: bool | None = None,
    zonder: Iterable[str] = (),
    keuze: Lezingkeuze = STANDAARD,
    **_: Any,
) -> dict[str, Any]:
    from rules.liquidatie import liquideer

    begroting = bestand.model
    gemeenten = {p.id for p in c.partijen if p.soort == "gemeente" and p.is_partij}
    for ident in (*zonder, *([uittredend] if uittredend else [])):
        if ident not in gemeenten:
            suggestie = bedoelde_u(ident, sorted(gemeenten))
            hint = f" (bedoelde u '{suggestie}'?)" if suggestie else ""
            raise GebruiksFout(f"'{ident}' is geen gemeente{hint}; zie 'convenant partijen'")
    if route == "uittreding" and uittredend is None:
        raise GebruiksFout(
            "geef bij --route uittreding de uittredende gemeente met --uittredend ID"
        )
    try:
        u = liquideer(
            c,
            begroting,
            verdeelsleutel,
            route,
            zonder,
            uittredend,
            uittreder_deelt,
            keuze,
        )
    except ValueError as e:
        raise GebruiksFout(str(e)) from None
    feiten = liquidatie_feiten(c, u, begroting, keuze, uittredend, zonder)
    verdeling = _verdeling(c, u)
    kop = document_kop(
        "liquidatieoverzicht",
        begroting.peildatum,
        voorbeeld=_voorbeeld_kosten(begroting, verdeelsleutel),
    )
    # One budget, three routes: each overview its own kenmerk (and title, worded by
    # templates/teksten/liquidatieoverzicht.j2), so that they are not mistaken for one another
    # once sent.
    if route == "uittreding" and uittredend:
        routecode = f"UITTREDING-{(c.partij[uittredend].kort or uittredend).upper()}"
    else:
        routecode = route.upper()
    code, datum = kop["kenmerk_code"].rsplit("/", 1)
    kop["kenmerk_code"] = f"{code}/{routecode}/{datum}"
    return {
        **_basis(c),
        **kop,
        "route": route,
        # what the division rests on, as facts; templates/_teksten.j2 words it
        "liquidatie": feiten,
        "begroting": _data(begroting),
        "sleutel": {"naam": verdeelsleutel.naam, "basis": verdeelsleutel.basis},
        "posten": [
            {
                "omschrijving": p.omschrijving,
                "soort": p.soort,
                "partner": c.partij[p.partner].naam if p.partner else "",
                "bedrag": p.bedrag,
            }
            for p in begroting.posten
        ],
        "bedragen": {"totaal": u.totaal, "gedeeld": u.gedeeld, "vrd": u.eigen_kosten_vrd},
        "partners_bedragen": feiten["partners"],
        "gemeenten_bedragen": verdeling["gemeenten"],
        "gewicht_totaal": verdeling["gewicht_totaal"],
    }


def _volgt(
    c: Convenant, keuze: Lezingkeuze, aanname: str, geraadpleegd: bool = True
) -> dict[str, Any]:
    """Who settled a reading the document follows: the orgaan, date and besluit where a
    besluit settled it, else nothing (the document then follows it itself)."""
    bevinding = c.betwist.get(aanname)
    vast = keuze.vaststelling(bevinding) if bevinding is not None and geraadpleegd else None
    if vast is None:
        return {}
    orgaan = c.orgaan[vast.orgaan].de_naam if vast.orgaan in c.orgaan else vast.orgaan
    return {"orgaan": orgaan, "datum": vast.datum, "besluit": vast.besluit}


# The open points of 25.6 and 25.7 a division rests on (convenant.yaml, `betwist`).
_LIQUIDATIELEZINGEN = (
    "liquidatie_naar_rato_van_welke_bijdrage",
    "overige_liquidatiekosten",
    "detachering_25_6_25_7",
    "rechter_vrd_kosten",
)


def liquidatie_feiten(
    c: Convenant,
    u: Any,
    begroting: Begroting,
    keuze: Lezingkeuze,
    uittredend: str | None,
    zonder: Iterable[str] = (),
) -> dict[str, Any]:
    """What a division rests on, for templates/_teksten.j2 to word (`liquidatie_aanleiding`,
    `liquidatie_toelichting`, `afronding`, `detachering`): its route (opheffing 25.4,
    uittreding 25.6, the court 24.5), the staff and other costs, the readings followed and who
    settled them, the gemeenten that received a rounding cent."""
    lezingen = dict(u.lezingen)
    volgt = {a: _volgt(c, keuze, a) for a in _LIQUIDATIELEZINGEN}
    deelt = "uittredende_gemeente_deelt_kosten"
    volgt[deelt] = _volgt(c, keuze, deelt, deelt in lezingen)
    posten = begroting.posten
    return {
        "route": u.route,
        "uittredend": c.partij[uittredend].naam if uittredend else "",
        "uittreder_deelt": uittredend in u.gemeenten,
        "gemeenten": bool(u.gemeenten),
        "personeel": sum((p.bedrag for p in posten if p.soort == "personeel_vrd"), Decimal(0)),
        "overig": sum((p.bedrag for p in posten if p.soort == "overig"), Decimal(0)),
        "gedeeld": u.gedeeld,
        "rechter_eigen_kosten": lezingen.get("rechter_vrd_kosten") == "eigen_kosten",
        "volgt": volgt,
        "afronding": [c.partij[g].naam for g in u.afronding],
        "partners": [
            {"naam": c.partij[p].naam, "bedrag": b} for p, b in sorted(u.partners.items())
        ],
        "zonder": [c.partij[z].naam for z in sorted(zonder)],
    }
