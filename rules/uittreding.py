"""What happens when a party leaves: the timeline of an exit (25.2), an exit per a change (23.3)
or an exclusion (24.3, 25.3). Pure functions; dates in calendar months as DESIGN.md defines."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Literal, NamedTuple

from governance.datums import lang, plus_dagen, plus_maanden
from governance.models import Bezetting, Convenant

from .lezingen import STANDAARD, Lezer, Lezingkeuze, markeer
from .oordeel import Grond

Route = Literal["opzegtermijn", "wijziging", "uitsluiting"]


@dataclass(frozen=True)
class Gebeurtenis:
    datum: dt.date
    wat: str
    artikel: str
    aanname: str | None = None


@dataclass(frozen=True)
class Zetel:
    orgaan: str
    lid: str
    naam: str
    gevolg: str


@dataclass(frozen=True)
class Uittreding:
    partij: str
    route: Route
    ingang: dt.date | None
    geldig: bool
    tijdlijn: tuple[Gebeurtenis, ...]
    tijdens: tuple[Grond, ...]
    blijft: tuple[Grond, ...]
    zetels: tuple[Zetel, ...]
    partijen_daarna: tuple[str, ...]
    gronden: tuple[Grond, ...]
    lezingen: tuple[tuple[str, str], ...] = ()  # the contested readings consulted


class Ontbrekend(NamedTuple):
    """A date an exit route needs and was not given."""

    veld: Literal["opzegging", "ingang"]
    wat: str  # the date in words, with its article
    artikel: str


def ontbrekende_datums(
    route: Route, opzegging: dt.date | None, ingang: dt.date | None
) -> list[Ontbrekend]:
    """Which dates the route of an exit needs that are missing, once for every interface.

    A notice by its term, or because of a change, starts from the date of the written notice
    (25.2, 23.3); a notice because of a change also needs the date the change takes effect,
    which is the date of the exit (23.3). An exclusion needs no date up front: its steps (the
    notice of default, the term to remedy, the besluit) are judged one by one (24.3, 25.3).
    """
    uit: list[Ontbrekend] = []
    if route in ("opzegtermijn", "wijziging") and opzegging is None:
        artikel = "25.2" if route == "opzegtermijn" else "23.3"
        uit.append(
            Ontbrekend("opzegging", f"de datum van de schriftelijke opzegging ({artikel})", artikel)
        )
    if route == "wijziging" and ingang is None:
        uit.append(Ontbrekend("ingang", "de datum waarop de wijziging ingaat (23.3)", "23.3"))
    return uit


def ingang_opzegging(opzegging: dt.date, lees: Lezer) -> dt.date:
    """When an exit by notice takes effect: twelve calendar months (25.2), counted from the day
    of notice or from the next day as the reading in force says (ingang_opzegtermijn)."""
    begin = opzegging
    if lees("ingang_opzegtermijn") == "dag_na_opzegging":
        begin = plus_dagen(opzegging, 1)
    return plus_maanden(begin, 12)


def simuleer(
    c: Convenant,
    bezetting: Bezetting | None,
    partij: str,
    route: Route = "opzegtermijn",
    opzegging: dt.date | None = None,
    ingang_wijziging: dt.date | None = None,
    ingebrekestelling: dt.date | None = None,
    hersteltermijn: dt.date | None = None,
    besluit: dt.date | None = None,
    keuze: Lezingkeuze = STANDAARD,
) -> Uittreding:
    """The consequences of `partij` leaving; `geldig` is False when a required step is missing."""
    lees = Lezer(c, keuze)
    naam = c.partij[partij].naam
    tijdlijn: list[Gebeurtenis] = []
    gronden: list[Grond] = []
    geldig = True
    ingang: dt.date | None = None
    if route == "opzegtermijn":
        assert opzegging is not None
        ingang = ingang_opzegging(opzegging, lees)
        tijdlijn.append(
            Gebeurtenis(opzegging, f"{naam} zegt schriftelijk op bij de Stuurgroep", "25.2")
        )
        tijdlijn.append(
            Gebeurtenis(
                ingang,
                f"de uittreding gaat in, twaalf kalendermaanden na de opzegging; vanaf deze dag is {naam} geen Partij meer",
                "25.2",
                "ingang_opzegtermijn",
            )
        )
    elif route == "wijziging":
        assert opzegging is not None
        assert ingang_wijziging is not None
        tijdlijn.append(
            Gebeurtenis(
                opzegging,
                f"{naam} zegt schriftelijk op omdat zij een wijziging of toetreding onaanvaardbaar vindt",
                "23.3",
            )
        )
        if opzegging >= ingang_wijziging:
            geldig = False
            gronden.append(
                Grond(
                    "23.3",
                    f"De opzegging van {lang(opzegging)} ligt niet vóór de ingang van de wijziging ({lang(ingang_wijziging)}); de bijzondere opzegging van 23.3 is dan niet meer mogelijk, de gewone opzegtermijn van 25.2 geldt.",
                    "opzegging_bij_wijziging",
                )
            )
        else:
            ingang = ingang_wijziging
            tijdlijn.append(
                Gebeurtenis(
                    ingang,
                    f"de wijziging wordt van kracht en daarmee de uittreding van {naam}, zonder opzegtermijn",
                    "23.3",
                    "opzegging_bij_wijziging",
                )
            )
    else:
        ingang, geldig = _uitsluiting(
            naam, ingebrekestelling, hersteltermijn, besluit, tijdlijn, gronden
        )

    tijdens: list[Grond] = []
    blijft: list[Grond] = []
    procedures = {p.id: p for p in c.procedures}
    if route != "uitsluiting" and ingang is not None:
        # Until a 23.3 exit the party stays by 23.3, not by the notice period of 25.2.
        tot = "23.3" if route == "wijziging" else "25.2"
        for b in procedures["uittreding"].bepalingen:
            artikelen = [tot if a == "25.2" else a for a in b.artikelen]
            tijdens.append(Grond(", ".join(artikelen), b.omschrijving, b.aanname))
        if c.partij[partij].soort == "gemeente" and opzegging is not None:
            tijdens.append(_bijdrage(naam, ingang, tot, lees))
    for b in procedures["nawerking"].bepalingen:
        blijft.append(Grond(", ".join(b.artikelen), b.omschrijving, b.aanname))
    if ingang is not None:
        gronden.append(
            Grond(
                "25.6" if route != "uitsluiting" else "25.3, 25.6",
                "Het convenant wijzigt doordat een Partij vertrekt: de VRD stelt een liquiditeitsplan en een liquidatiebegroting op; de kosten jegens het personeel daarin dragen de gemeenten naar hun bijdrage (zie 'convenant simuleer liquidatie').",
                "uitsluiting_en_liquidatie" if route == "uitsluiting" else None,
            )
        )
        if c.partij[partij].soort != "gemeente":
            gronden.append(
                Grond("25.6", f"{naam} is geen gemeente en draagt van die kosten niets.")
            )
        else:
            gronden.append(
                Grond(
                    "25.6",
                    f"{naam} deelt als gemeente mee in de kosten die haar vertrek veroorzaakt."
                    if lees("uittredende_gemeente_deelt_kosten") != "deelt_niet"
                    else f"{naam} deelt als gemeente niet mee in de kosten die haar vertrek veroorzaakt; die vallen op de gemeenten die blijven.",
                    "uittredende_gemeente_deelt_kosten",
                )
            )
    zetels = _zetels(c, bezetting, partij, ingang - dt.timedelta(days=1)) if ingang else []
    daarna = (
        tuple(p.id for p in c.partijen_op(ingang) if p.is_partij and p.id != partij)
        if ingang
        else ()
    )
    # A reading the Stuurgroep settled is no longer an assumption on the timeline either.
    vast = {a for a, b in c.betwist.items() if keuze.vaststelling(b) is not None}
    tijdlijn = [replace(g, aanname=None) if g.aanname in vast else g for g in tijdlijn]
    return Uittreding(
        partij,
        route,
        ingang,
        geldig,
        tuple(tijdlijn),
        markeer(c, keuze, tijdens),
        markeer(c, keuze, blijft),
        tuple(zetels),
        daarna,
        markeer(c, keuze, gronden),
        tuple(lees.geraadpleegd.items()),
    )


def _uitsluiting(
    naam: str,
    ingebrekestelling: dt.date | None,
    hersteltermijn: dt.date | None,
    besluit: dt.date | None,
    tijdlijn: list[Gebeurtenis],
    gronden: list[Grond],
) -> tuple[dt.date | None, bool]:
    if ingebrekestelling is None:
        gronden.append(
            Grond(
                "24.3",
                f"{naam} is niet in gebreke gesteld; zonder ingebrekestelling is zij niet in verzuim en kan zij niet worden uitgesloten.",
            )
        )
        return None, False
    tijdlijn.append(
        Gebeurtenis(
            ingebrekestelling,
            f"{naam} wordt in gebreke gesteld met een termijn om de tekortkoming te herstellen",
            "24.3",
            "ingebrekestelling_door_wie",
        )
    )
    if hersteltermijn is None or hersteltermijn <= ingebrekestelling:
        gronden.append(
            Grond(
                "24.3",
                "De ingebrekestelling noemt geen hersteltermijn na de ingebrekestelling.",
                "redelijke_termijn",
            )
        )
        return None, False
    tijdlijn.append(
        Gebeurtenis(
            hersteltermijn,
            "de hersteltermijn loopt af; zonder herstel is de Partij in verzuim",
            "24.3",
            "redelijke_termijn",
        )
    )
    if besluit is None:
        gronden.append(
            Grond(
                "25.3",
                "De Stuurgroep en de twaalf colleges hebben nog niet besloten; de datum van uitsluiting is nog niet bekend.",
                "uitsluiting_colleges",
            )
        )
        return None, True
    if besluit <= hersteltermijn:
        gronden.append(
            Grond(
                "24.3, 25.3",
                f"Het besluit van {lang(besluit)} valt niet na de hersteltermijn ({lang(hersteltermijn)}).",
                "redelijke_termijn",
            )
        )
        return None, False
    tijdlijn.append(
        Gebeurtenis(
            besluit,
            f"de Stuurgroep en de twaalf colleges besluiten tot uitsluiting; {naam} is met onmiddellijke ingang geen Partij meer",
            "25.3",
            "uitsluiting_colleges",
        )
    )
    return besluit, True


def _bijdrage(naam: str, ingang: dt.date, tot: str, lees: Lezer) -> Grond:
    """A gemeente's contribution until its exit (20.3); no article says what it owes over the
    year of the exit, so that part is a reading (bijdrage_jaar_van_uittreding)."""
    begin = dt.date(ingang.year, 1, 1)
    if ingang == begin:
        return Grond(
            f"20.3, {tot}",
            f"{naam} betaalt haar jaarlijkse bijdrage tot en met {ingang.year - 1}; de uittreding valt op 1 januari.",
            "verplichtingen_tijdens_opzegtermijn",
        )
    lezing = lees(_JAAR_VAN_UITTREDING)
    if lezing == "heel_jaar":
        over = f"over {ingang.year} de volle jaarlijkse bijdrage"
    elif lezing == "volgens_begroting":
        over = f"wat zij over {ingang.year} betaalt, volgt uit de begroting en verdeelsleutel van de twaalf colleges en is hier niet berekend"
    else:
        dagen = (ingang - begin).days
        in_jaar = (dt.date(ingang.year + 1, 1, 1) - begin).days
        over = f"over {ingang.year} naar rato: {dagen} van {in_jaar} dagen"
    return Grond(
        f"20.3, {tot}",
        f"{naam} betaalt haar jaarlijkse bijdrage tot de uittreding; {over}. Geen artikel regelt het jaar van uittreding.",
        _JAAR_VAN_UITTREDING,
    )


_JAAR_VAN_UITTREDING = "bijdrage_jaar_van_uittreding"


def _zetels(
    c: Convenant, bezetting: Bezetting | None, partij: str, laatste_dag: dt.date
) -> list[Zetel]:
    periode = bezetting.op(laatste_dag) if bezetting else None
    if periode is None:
        return []
    uit: list[Zetel] = []
    for orgaan_id, orgaanbezetting in periode.organen.items():
        for lid in orgaanbezetting.leden:
            if partij not in lid.vertegenwoordigt:
                continue
            if lid.partij == partij and len(lid.vertegenwoordigt) > 1:
                gevolg = "de gezamenlijke afgevaardigde is van deze Partij; de andere mandaatgevers wijzen een nieuwe aan (6.7, 6.8)"
            elif lid.partij == partij:
                gevolg = "de zetel vervalt"
            else:
                gevolg = "het mandaat voor deze Partij vervalt; de afgevaardigde blijft voor de andere mandaatgevers"
            if lid.functie == "voorzitter":
                gevolg += "; de Stuurgroep benoemt een nieuwe voorzitter uit de gemeenten (4.2)"
            uit.append(Zetel(orgaan_id, lid.id, lid.naam, gevolg))
    return uit
