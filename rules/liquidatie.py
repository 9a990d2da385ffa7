"""Who pays what when the ZVHD winds down staff (24.5, 25.6, 25.7). Pure functions, exact money.

Amounts are Decimal cents; a total is divided with the largest-remainder method over exact
fractions, so the shares add up to the total to the cent and each is within one cent of its
exact proportion.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from fractions import Fraction
from typing import Literal, NamedTuple

from governance.begroting import Begroting
from governance.geld import als_tekst, bedrag
from governance.models import Convenant, Verdeelsleutel

from .lezingen import STANDAARD, Lezer, Lezingkeuze, markeer
from .oordeel import Grond, art

Route = Literal["opheffing", "uittreding", "rechter"]
CENT = Decimal("0.01")


def verdeel(totaal: Decimal, gewichten: Mapping[str, Decimal]) -> dict[str, Decimal]:
    """Split `totaal` over the keys in proportion to their weights, exactly to the cent.

    Largest remainder: every share is first rounded down to a cent; the cents left over go one
    each to the largest fractional remainders (ties by key, so the result is deterministic).
    """
    return verdeel_met_centen(totaal, gewichten)[0]


def verdeel_met_centen(
    totaal: Decimal, gewichten: Mapping[str, Decimal]
) -> tuple[dict[str, Decimal], tuple[str, ...]]:
    """`verdeel`, and the keys that received a rounding cent, largest remainder first."""
    if not gewichten:
        return {}, ()
    centen = int((totaal / CENT).to_integral_exact())
    if Decimal(centen) * CENT != totaal:
        raise ValueError(f"{totaal} is geen bedrag in hele centen")
    som = sum((Fraction(w) for w in gewichten.values()), Fraction(0))
    if som <= 0:
        raise ValueError("de gewichten tellen op tot nul")
    exact = {k: Fraction(centen) * Fraction(w) / som for k, w in gewichten.items()}
    delen = {k: e.numerator // e.denominator for k, e in exact.items()}
    over = centen - sum(delen.values())
    ontvangers = tuple(sorted(exact, key=lambda k: (-(exact[k] - delen[k]), k))[:over])
    for k in ontvangers:
        delen[k] += 1
    return {k: Decimal(c) * CENT for k, c in delen.items()}, ontvangers


@dataclass(frozen=True)
class Liquidatie:
    route: Route
    gemeenten: dict[str, Decimal]  # share of the costs the gemeenten bear together (25.6)
    gewichten: dict[str, Decimal]  # the key used for those shares
    partners: dict[str, Decimal]  # seconded staff per partner (25.7)
    eigen_kosten_vrd: Decimal  # under 24.5 the employer keeps its staff costs (aanname)
    gedeeld: Decimal  # the total the gemeenten share
    totaal: Decimal
    gronden: tuple[Grond, ...] = field(default=())
    afronding: tuple[str, ...] = ()  # gemeenten that received a rounding cent, in that order
    # The contested readings this division consulted, and the reading used.
    lezingen: tuple[tuple[str, str], ...] = ()


def liquideer(
    c: Convenant,
    begroting: Begroting,
    sleutel: Verdeelsleutel,
    route: Route = "opheffing",
    zonder: Iterable[str] = (),
    uittredend: str | None = None,
    uittreder_deelt: bool | None = None,
    keuze: Lezingkeuze = STANDAARD,
) -> Liquidatie:
    """Divide the costs; `uittreder_deelt` None follows the reading in force."""
    lees = Lezer(c, keuze)
    uitkomst = _liquideer(c, begroting, sleutel, route, zonder, uittredend, uittreder_deelt, lees)
    return replace(
        uitkomst,
        gronden=markeer(c, keuze, uitkomst.gronden),
        lezingen=tuple(lees.geraadpleegd.items()),
    )


def _liquideer(
    c: Convenant,
    begroting: Begroting,
    sleutel: Verdeelsleutel,
    route: Route,
    zonder: Iterable[str],
    uittredend: str | None,
    uittreder_deelt: bool | None,
    lees: Lezer,
) -> Liquidatie:
    gronden: list[Grond] = []
    zonder = set(zonder)
    personeel = sum((p.bedrag for p in begroting.posten if p.soort == "personeel_vrd"), Decimal(0))
    overig = sum((p.bedrag for p in begroting.posten if p.soort == "overig"), Decimal(0))
    partners: dict[str, Decimal] = {}
    for post in begroting.posten:
        if post.soort == "gedetacheerd":
            assert post.partner is not None
            partners[post.partner] = partners.get(post.partner, Decimal(0)) + post.bedrag
    totaal = personeel + overig + sum(partners.values(), Decimal(0))
    if partners:
        gronden.append(
            Grond(
                "25.7",
                f"Gedetacheerd personeel blijft de verantwoordelijkheid van de partner die het detacheerde: {_bedragen(c, partners)}.",
                "detachering_25_6_25_7",
            )
        )

    # Whether 25.6 also governs a dissolution by the court is a reading, not the text.
    rechter_25_6 = route == "rechter" and lees("rechter_vrd_kosten") == "personeel_naar_gemeenten"
    if route == "rechter" and not rechter_25_6:
        gronden.append(
            Grond(
                "24.5",
                "Het convenant is door de rechter ontbonden: elke Partij draagt de kosten voor haar eigen organisatie; er wordt niets verdeeld.",
            )
        )
        gronden.append(
            Grond(
                "24.5",
                f"Bij deze lezing geldt 25.6 niet na ontbinding door de rechter: het convenant verdeelt de kosten van personeel in dienst van de VRD en de overige verplichtingen ({bedrag(personeel + overig)}) dan niet, en zij blijven bij de VRD als werkgever.",
                "rechter_vrd_kosten",
            )
        )
        return Liquidatie(
            route, {}, {}, partners, personeel + overig, Decimal(0), totaal, tuple(gronden)
        )

    gewichten = {a.gemeente: a.gewicht for a in sleutel.aandelen if a.gemeente not in zonder}
    if route == "uittreding" and uittredend is not None:
        if uittreder_deelt is None:
            uittreder_deelt = lees("uittredende_gemeente_deelt_kosten") != "deelt_niet"
        if uittreder_deelt:
            gronden.append(
                Grond(
                    "25.6",
                    f"{c.partij[uittredend].naam} treedt uit en deelt mee in de kosten die haar uittreding veroorzaakt.",
                    "uittredende_gemeente_deelt_kosten",
                )
            )
        else:
            gewichten.pop(uittredend, None)
            gronden.append(
                Grond(
                    "25.6",
                    f"{c.partij[uittredend].naam} treedt uit en deelt niet mee in de kosten die haar uittreding veroorzaakt.",
                    "uittredende_gemeente_deelt_kosten",
                )
            )
    if zonder:
        gronden.append(
            Grond(
                "25.6", f"Niet meegerekend: {'; '.join(c.partij[z].naam for z in sorted(zonder))}."
            )
        )
    if not gewichten:
        raise ValueError("er blijft geen gemeente over om de kosten te dragen")
    gedeeld = personeel + overig
    aanleiding = {
        "uittreding": "het convenant wijzigt door uittreding",
        "rechter": "de rechter het convenant ontbindt",
    }.get(route, "het convenant wordt ontbonden")
    if rechter_25_6:
        gronden.append(
            Grond(
                "25.6, 24.5",
                "Het convenant is door de rechter ontbonden; 25.6 geldt ook dan. Elke Partij draagt haar eigen kosten (24.5), maar de kosten jegens het personeel dragen de gemeenten.",
                "rechter_vrd_kosten",
            )
        )
    gronden.append(
        Grond(
            "25.6",
            f"Omdat {aanleiding}, stelt de VRD een liquiditeitsplan en liquidatiebegroting op; de kosten jegens het personeel ({bedrag(personeel)}) dragen de gemeenten naar rato van hun bijdrage.",
            "liquidatie_naar_rato_van_welke_bijdrage",
        )
    )
    if overig:
        gronden.append(
            Grond(
                "25.6, 20.3",
                f"Overige verplichtingen ({bedrag(overig)}) worden op dezelfde manier verdeeld.",
                "overige_liquidatiekosten",
            )
        )
    gronden.append(
        Grond(
            "20.3",
            f"Verdeelsleutel: {sleutel.naam} ({sleutel.basis}){', een voorbeeld' if sleutel.voorbeeld else ''}.",
        )
    )
    if route in ("opheffing", "rechter"):
        gronden.append(
            Grond(
                "25.7",
                "Naast hun bijdrage spannen de gemeenten zich in om het personeel van het ZVHD te herplaatsen of terug te nemen.",
            )
        )
    delen, afronding = verdeel_met_centen(gedeeld, gewichten)
    if afronding:
        namen = "; ".join(c.partij[g].naam for g in afronding)
        wie = (
            f"de ene overgebleven cent gaat naar de gemeente met de grootste afrondingsrest: {namen}"
            if len(afronding) == 1
            else f"de {len(afronding)} overgebleven centen gaan, één per gemeente, naar de gemeenten met de grootste afrondingsrest: {namen}"
        )
        gronden.append(
            Grond(
                "25.6",
                f"Elk aandeel is eerst naar beneden afgerond op hele centen; {wie}. Zo tellen de aandelen precies op tot het totaal.",
            )
        )
    return Liquidatie(
        route,
        delen,
        gewichten,
        partners,
        Decimal(0),
        gedeeld,
        totaal,
        tuple(gronden),
        afronding=afronding,
    )


def alle_uittredingen(
    c: Convenant, begroting: Begroting, sleutel: Verdeelsleutel
) -> dict[str, dict[str, Decimal]]:
    """For each gemeente leaving, the new shares of the others."""
    return {
        a.gemeente: liquideer(
            c, begroting, sleutel, "uittreding", uittredend=a.gemeente, uittreder_deelt=False
        ).gemeenten
        for a in sleutel.aandelen
    }


def als_dict(
    c: Convenant, u: Liquidatie, begroting: Begroting, sleutel: Verdeelsleutel
) -> dict[str, object]:
    """The result as DESIGN.md wants JSON: Dutch keys, money as strings with two decimals."""
    som = sum(u.gewichten.values(), Decimal(0))
    return {
        "route": u.route,
        "begroting": {
            "naam": begroting.naam,
            "voorbeeld": begroting.voorbeeld,
            "peildatum": begroting.peildatum,
        },
        "verdeelsleutel": {
            "naam": sleutel.naam,
            "voorbeeld": sleutel.voorbeeld,
            "basis": sleutel.basis,
        },
        "totaal": als_tekst(u.totaal),
        "door_gemeenten": als_tekst(u.gedeeld),
        "gemeenten": [
            {
                "gemeente": g,
                "naam": c.partij[g].naam,
                "gewicht": str(u.gewichten[g]),
                "aandeel": f"{u.gewichten[g] / som:.6f}",
                "bedrag": als_tekst(b),
                "afrondingscent": g in u.afronding,
            }
            for g, b in u.gemeenten.items()
        ],
        "partners": [
            {"partij": p, "naam": c.partij[p].naam, "bedrag": als_tekst(b)}
            for p, b in sorted(u.partners.items())
        ],
        "vrd": als_tekst(u.eigen_kosten_vrd),
        "afronding": {
            "centen": len(u.afronding),
            "gemeenten": list(u.afronding),
            "uitleg": "grootste-restmethode: elk aandeel naar beneden afgerond op hele centen; de overgebleven centen gaan één per gemeente naar de grootste resten",
        },
        "gronden": [g.als_dict() for g in u.gronden],
    }


def _bedragen(c: Convenant, per: Mapping[str, Decimal]) -> str:
    return "; ".join(f"{c.partij[p].naam} {bedrag(b)}" for p, b in sorted(per.items()))


class Verschuiving(NamedTuple):
    """How the division changes under another reading of one contested aanname."""

    aanname: str
    lezing: str
    artikel: str
    uitspraak: str
    gemeenten: dict[str, Decimal]  # the change per gemeente (new minus old), where it moves
    partners: dict[str, Decimal]
    vrd: Decimal


def gevoeligheid(
    c: Convenant,
    begroting: Begroting,
    sleutel: Verdeelsleutel,
    route: Route = "opheffing",
    zonder: Iterable[str] = (),
    uittredend: str | None = None,
    uittreder_deelt: bool | None = None,
    keuze: Lezingkeuze = STANDAARD,
) -> tuple[Liquidatie, list[Verschuiving]]:
    """The division, and which amounts move under each other reading it consulted."""
    zonder = tuple(zonder)
    basis = liquideer(c, begroting, sleutel, route, zonder, uittredend, uittreder_deelt, keuze)
    uit: list[Verschuiving] = []
    for aanname, huidig in basis.lezingen:
        for lezing in c.betwist[aanname].lezingen:
            if lezing.id == huidig:
                continue
            ander = liquideer(
                c,
                begroting,
                sleutel,
                route,
                zonder,
                uittredend,
                uittreder_deelt,
                keuze.met(aanname, lezing.id),
            )
            gemeenten = _verschil(basis.gemeenten, ander.gemeenten)
            partners = _verschil(basis.partners, ander.partners)
            vrd = ander.eigen_kosten_vrd - basis.eigen_kosten_vrd
            if gemeenten or partners or vrd:
                uit.append(
                    Verschuiving(
                        aanname,
                        lezing.id,
                        art(lezing.artikelen),
                        lezing.uitspraak,
                        gemeenten,
                        partners,
                        vrd,
                    )
                )
    return basis, uit


def _verschil(voor: Mapping[str, Decimal], na: Mapping[str, Decimal]) -> dict[str, Decimal]:
    verschil = {k: na.get(k, Decimal(0)) - voor.get(k, Decimal(0)) for k in sorted({*voor, *na})}
    return {k: v for k, v in verschil.items() if v}
