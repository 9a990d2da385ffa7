"""The liquidation overview (25.6, 25.7) and the division of costs that the exit overview
shares.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from governance.begroting import Begroting
from governance.datums import lang
from governance.errors import (
    GebruiksFout,
    bedoelde_u,
)
from governance.geld import bedrag
from governance.loader import Bestand
from governance.models import (
    Bezetting,
    Convenant,
    Verdeelsleutel,
)
from rules.lezingen import STANDAARD, Lezingkeuze
from rules.liquidatie import Route

from .gemeen import VOORBEELD_BEGROTING, VOORBEELD_SLEUTEL, _basis, _data, document_kop
from .opmaak import opsomming

SOORT_POST = {"personeel_vrd": "personeel in dienst van de VRD", "overig": "overige verplichting"}


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
    lezingen = dict(u.lezingen)
    aanleiding = _liquidatie_aanleiding(c, u, begroting, keuze, lezingen, uittredend)
    if zonder:
        aanleiding.append(
            "Niet meegerekend: " + opsomming(c.partij[z].naam for z in sorted(zonder)) + "."
        )
    verdeling = _verdeling(c, u)
    kop = document_kop(
        "liquidatieoverzicht",
        begroting.peildatum,
        voorbeeld=[VOORBEELD_BEGROTING] * begroting.voorbeeld
        + [VOORBEELD_SLEUTEL] * verdeelsleutel.voorbeeld,
    )
    # One budget, three routes: each overview its own title and kenmerk, so that they are
    # not mistaken for one another once sent.
    if route == "uittreding" and uittredend:
        titel = f"bij uittreding van {c.partij[uittredend].naam}"
        routecode = f"UITTREDING-{(c.partij[uittredend].kort or uittredend).upper()}"
    else:
        titel = {"rechter": "bij ontbinding door de rechter"}.get(route, "bij opheffing")
        routecode = route.upper()
    code, datum = kop["kenmerk_code"].rsplit("/", 1)
    kop["kenmerk_code"] = f"{code}/{routecode}/{datum}"
    return {
        **_basis(c),
        **kop,
        "titel": f"Liquidatieoverzicht {titel}",
        "route": route,
        "aanleiding": aanleiding,
        "begroting": _data(begroting),
        "sleutel": {"naam": verdeelsleutel.naam, "basis": verdeelsleutel.basis},
        "posten": [
            {
                "omschrijving": p.omschrijving,
                "soort_tekst": f"gedetacheerd door {c.partij[p.partner].naam}"
                if p.partner
                else SOORT_POST[p.soort],
                "bedrag": p.bedrag,
            }
            for p in begroting.posten
        ],
        "bedragen": {"totaal": u.totaal, "gedeeld": u.gedeeld, "vrd": u.eigen_kosten_vrd},
        "partners_bedragen": [
            {"naam": c.partij[p].naam, "bedrag": b} for p, b in sorted(u.partners.items())
        ],
        "gemeenten_bedragen": verdeling["gemeenten"],
        "gewicht_totaal": verdeling["gewicht_totaal"],
        "afronding": _afronding(c, u.afronding),
        "detachering": _detachering(c, keuze) if u.partners else "",
        # the division's key is said in the opening, with the costs it divides
        "toelichting": _liquidatie_toelichting(
            c, u, begroting, keuze, lezingen, uittredend, naar_rato=False
        ),
    }


def _volgt(c: Convenant, keuze: Lezingkeuze, aanname: str, geraadpleegd: bool = True) -> str:
    """Who settled the reading a document follows, ending in "dat": the Stuurgroep by a
    besluit, or else the document itself (a reading chosen in the input is the document's)."""
    bevinding = c.betwist.get(aanname)
    vast = keuze.vaststelling(bevinding) if bevinding is not None and geraadpleegd else None
    if vast is None:
        return "dit overzicht volgt de lezing dat"
    orgaan = c.orgaan[vast.orgaan].de_naam if vast.orgaan in c.orgaan else vast.orgaan
    return f"{orgaan} stelde op {lang(vast.datum)} vast (besluit {vast.besluit}) dat"


def _liquidatie_aanleiding(
    c: Convenant,
    u: Any,
    begroting: Begroting,
    keuze: Lezingkeuze,
    lezingen: dict[str, str],
    uittredend: str | None,
) -> list[str]:
    """Why there is a division and what the amounts are, in one account per route: opheffing
    (25.4), uittreding (25.6) or dissolution by the court (24.5, and 25.6 under a reading)."""
    overig = sum((p.bedrag for p in begroting.posten if p.soort == "overig"), Decimal(0))
    # The table of the gemeenten adds up to more than the staff costs named first: say why here.
    samen = (
        f" Samen met de overige verplichtingen ({bedrag(overig)}, zie de toelichting) dragen de "
        f"gemeenten {bedrag(u.gedeeld)}."
        if overig
        else ""
    )
    kosten = (
        f"{_naar_rato(c, keuze, begroting)}{samen} Gedetacheerd personeel blijft bij de partner "
        "die het detacheerde (art. 25.7)."
    )
    posten = "De bedragen hieronder zijn de posten van die begroting."
    plan = "de Veiligheidsregio Drenthe stelt dan een liquiditeitsplan en een liquidatiebegroting op (art. 25.6)"
    if u.route == "rechter":
        open_punt = "Of 25.6 naast 24.5 ook geldt als de rechter het convenant ontbindt, laat het convenant open"
        eigen = "Het convenant is door de rechter ontbonden. Elke Partij draagt dan de kosten voor haar eigen organisatie (art. 24.5)"
        if lezingen.get("rechter_vrd_kosten") == "eigen_kosten":
            return [
                f"{eigen}; er wordt niets over de gemeenten verdeeld.",
                f"{open_punt}; {_volgt(c, keuze, 'rechter_vrd_kosten')} 25.6 dan niet geldt. "
                "De kosten van het personeel in dienst van de Veiligheidsregio Drenthe en de "
                "overige verplichtingen blijven dan bij haar als werkgever; gedetacheerd "
                "personeel blijft bij de partner die het detacheerde (art. 25.7). De bedragen "
                "hieronder zijn de posten van haar liquidatiebegroting.",
            ]
        return [
            f"{eigen}. Ook dan stelt de Veiligheidsregio Drenthe een liquiditeitsplan en een "
            f"liquidatiebegroting op (art. 25.6). {posten}",
            kosten,
            f"{open_punt}; {_volgt(c, keuze, 'rechter_vrd_kosten')} 25.6 ook dan geldt: het "
            "personeel is in dienst van de Veiligheidsregio Drenthe, die geen Partij is, zodat "
            "die kosten geen eigen kosten van een Partij zijn.",
        ]
    if u.route == "uittreding" and uittredend:
        return [
            f"{c.partij[uittredend].naam} treedt uit. Het convenant blijft bestaan en wijzigt "
            f"door de uittreding; {plan}. {posten}",
            kosten,
        ]
    return [f"Het convenant wordt opgeheven (art. 25.4); {plan}. {posten}", kosten]


def _liquidatie_toelichting(
    c: Convenant,
    u: Any,
    begroting: Begroting,
    keuze: Lezingkeuze,
    lezingen: dict[str, str],
    uittredend: str | None,
    naar_rato: bool = True,
) -> list[str]:
    """What the tables rest on, each open point of the convenant with the reading followed in
    words; nothing the tables already say."""
    if not u.gemeenten:
        return []
    overig = sum((p.bedrag for p in begroting.posten if p.soort == "overig"), Decimal(0))
    uit = [_naar_rato(c, keuze, begroting)] if naar_rato else []
    if overig:
        uit.append(
            "Wie andere verplichtingen dan die jegens het personeel draagt, zegt het convenant "
            f"niet; {_volgt(c, keuze, 'overige_liquidatiekosten')} de gemeenten ook die "
            f"({bedrag(overig)}) naar dezelfde verdeelsleutel dragen, omdat zij het ZVHD "
            "financieren (art. 20.3)."
        )
    if u.route == "uittreding" and uittredend:
        naam = c.partij[uittredend].naam
        aanname = "uittredende_gemeente_deelt_kosten"
        volgt = _volgt(c, keuze, aanname, aanname in lezingen)
        uit.append(
            f"Of een uittredende gemeente meebetaalt, zegt het convenant niet; {volgt} {naam} "
            + (
                "meebetaalt: tot haar uittreding is zij Partij met al haar verplichtingen (art. 25.2, 25.6)."
                if uittredend in u.gemeenten
                else "niet meebetaalt: haar deel valt op de gemeenten die blijven (art. 25.6)."
            )
        )
    if u.route != "uittreding":
        uit.append(
            "Naast hun bijdrage spannen de gemeenten zich in om het personeel van het ZVHD te "
            "herplaatsen of terug te nemen (art. 25.7)."
        )
    return uit


def _naar_rato(c: Convenant, keuze: Lezingkeuze, begroting: Begroting) -> str:
    """25.6's key ("evenredig aan hun bijdrage"), and the reading of which contribution."""
    personeel = sum((p.bedrag for p in begroting.posten if p.soort == "personeel_vrd"), Decimal(0))
    return (
        "De kosten jegens het personeel in dienst van de Veiligheidsregio Drenthe "
        f"({bedrag(personeel)}) dragen de gemeenten naar rato van hun bijdrage (art. 25.6). "
        "Welke bijdrage bedoeld is, zegt het convenant niet; "
        f"{_volgt(c, keuze, 'liquidatie_naar_rato_van_welke_bijdrage')} de verdeelsleutel van "
        "de gemeentelijke algemene bijdrage de verhouding bepaalt (art. 20.3)."
    )


def _afronding(c: Convenant, ontvangers: tuple[str, ...]) -> str:
    """How the shares were rounded, under the table they explain."""
    if not ontvangers:
        return ""
    namen = opsomming(c.partij[g].naam for g in ontvangers)
    wie = (
        f"de ene overgebleven cent gaat naar {namen}, met de grootste afrondingsrest"
        if len(ontvangers) == 1
        else f"de {len(ontvangers)} overgebleven centen gaan, één per gemeente, naar de "
        f"grootste afrondingsresten: {namen}"
    )
    return (
        f"Elk bedrag is eerst naar beneden afgerond op hele centen; {wie}. Zo tellen de "
        "bedragen precies op tot het totaal."
    )


def _detachering(
    c: Convenant,
    keuze: Lezingkeuze,
    begin: str = "Deze kosten blijven bij de partner die het personeel detacheerde (art. 25.7).",
) -> str:
    """25.6 and 25.7 pull seconded staff two ways: the document says so and which way it goes."""
    return (
        f"{begin} "
        "Artikel 25.6 rekent ook gedetacheerd personeel tot de kosten die de gemeenten dragen; "
        f"de twee artikelen spreken elkaar daarin tegen, en {_volgt(c, keuze, 'detachering_25_6_25_7')} "
        "personeel dat een Partij detacheerde, bij die Partij blijft: 25.7 is de bijzondere regel."
    )
