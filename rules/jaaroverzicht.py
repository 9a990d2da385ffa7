"""The obligations over a year that no single meeting shows (4.3, 4.5, 4.8, 5.8, 5.9, 6.2, 6.4,
7.3, 7.5), checked over a register of meetings. Pure functions.

Each obligation is `in orde`, `niet in orde`, or `onbekend` when the register lacks the facts
(older vergadering files need not record when lists were sent).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Literal, NamedTuple

from governance.datums import lang, plus_weken
from governance.models import Convenant, Orgaan
from governance.vergadering import Vergadering

from .oordeel import Oordeel

Status = Literal["in orde", "niet in orde", "onbekend"]


@dataclass(frozen=True)
class Gehouden:
    """A meeting in the register, with the verdicts of `convenant toets` on its besluiten."""

    naam: str  # the file's name, how the report refers to the meeting
    vergadering: Vergadering
    oordelen: tuple[Oordeel, ...]


# What an overview says instead of the onderwerp of a besluit about one case.
OVER_CASUS = "Besluit over een individuele casus (inhoud niet in dit overzicht, 4.7)"


def zonder_casus(c: Convenant, g: Gehouden) -> Gehouden:
    """The meeting with the onderwerp of every besluit about an individual case hidden.

    An overview of the year is read at the level of the Stuurgroep, where casuistiek may not
    come (4.7): a Casusoverleg's besluiten, a casus soort, or a besluit marked `casuistiek`,
    are counted and judged, but what they were about is not shown, in any interface.
    """
    orgaan = g.vergadering.orgaan
    eigen = [s.categorie for s in c.soorten if orgaan in s.bevoegd]
    alleen_casus = bool(eigen) and all(k == "casuistiek" for k in eigen)
    gemarkeerd = {b.id for b in g.vergadering.besluiten if b.casuistiek}

    def over_casus(o: Oordeel) -> bool:
        soort = c.soort.get(o.soort)
        return (
            alleen_casus
            or (soort is not None and soort.categorie == "casuistiek")
            or o.id in gemarkeerd
        )

    return replace(
        g,
        oordelen=tuple(
            o._replace(onderwerp=OVER_CASUS) if over_casus(o) else o for o in g.oordelen
        ),
    )


@dataclass(frozen=True)
class Verplichting:
    omschrijving: str
    artikel: str
    status: Status
    toelichting: str
    vergaderingen: tuple[str, ...] = ()
    aanname: str | None = None
    orgaan: str | None = None  # the orgaan whose meetings decide it; None: any meeting
    # Whether another meeting can only help (a count, a decision taken): then an unreadable
    # file cannot turn `in orde` around, only `niet in orde`.
    aanvulbaar: bool = False


class Onleesbaar(NamedTuple):
    """A meeting file that could not be read, and what little is known of it."""

    naam: str
    orgaan: str | None
    jaar: int | None


@dataclass(frozen=True)
class OpenPunt:
    soort: Literal["actiepunt", "aangehouden", "escalatie", "verzoek"]
    vergadering: str
    id: str
    omschrijving: str
    sinds: dt.date
    dagen: int


@dataclass(frozen=True)
class Jaaroverzicht:
    jaar: int
    peildatum: dt.date
    verplichtingen: tuple[Verplichting, ...]
    vergaderingen: tuple[Gehouden, ...]
    open: tuple[OpenPunt, ...]
    kennisgevingen: tuple[str, ...]

    @property
    def in_orde(self) -> bool:
        return all(v.status != "niet in orde" for v in self.verplichtingen)


def _van(register: Iterable[Gehouden], orgaan: str, jaar: int | None = None) -> list[Gehouden]:
    return sorted(
        (
            g
            for g in register
            if g.vergadering.orgaan == orgaan and (jaar is None or g.vergadering.datum.year == jaar)
        ),
        key=lambda g: g.vergadering.datum,
    )


def overzicht(
    c: Convenant,
    register: list[Gehouden],
    jaar: int,
    peildatum: dt.date,
    onleesbaar: Sequence[Onleesbaar] = (),
) -> Jaaroverzicht:
    in_jaar = [g for g in register if g.vergadering.datum.year == jaar]
    verplichtingen: list[Verplichting] = []
    verplichtingen += _frequentie(c, in_jaar, jaar)
    verplichtingen += _verzoeken(register, jaar)
    verplichtingen += _jaarvergadering(in_jaar)
    verplichtingen += _jaarplan(in_jaar)
    verplichtingen += _verslaglegging(c, register, jaar)
    opens = _open(register, jaar, peildatum)
    verplichtingen += _vervolg(register, jaar)
    return Jaaroverzicht(
        jaar,
        peildatum,
        tuple(_met_onleesbaar(verplichtingen, onleesbaar, jaar)),
        tuple(sorted(in_jaar, key=lambda g: g.vergadering.datum)),
        tuple(opens),
        tuple(_kennisgevingen(c, register, jaar)),
    )


def _met_onleesbaar(
    verplichtingen: list[Verplichting], onleesbaar: Sequence[Onleesbaar], jaar: int
) -> list[Verplichting]:
    """An obligation an unreadable meeting could affect is `onbekend`, not `niet in orde`."""
    raakt = [o for o in onleesbaar if o.jaar in (None, jaar)]
    uit = []
    for v in verplichtingen:
        wie = [
            o.naam for o in raakt if o.orgaan is None or v.orgaan is None or o.orgaan == v.orgaan
        ]
        if wie and v.status != "onbekend" and not (v.aanvulbaar and v.status == "in orde"):
            v = replace(
                v,
                status="onbekend",
                toelichting=f"{v.toelichting}; onleesbaar en mogelijk van invloed: {', '.join(wie)}",
            )
        uit.append(v)
    return uit


def _frequentie(c: Convenant, in_jaar: list[Gehouden], jaar: int) -> list[Verplichting]:
    uit = []
    for orgaan in c.organen:
        regel = orgaan.vergaderfrequentie
        if regel is None or orgaan.id == "jaarvergadering":
            continue
        gehouden = _van(in_jaar, orgaan.id, jaar)
        verzocht = [g for g in gehouden if g.vergadering.op_verzoek_van]
        status: Status = "in orde" if len(gehouden) >= regel.minimum_per_jaar else "niet in orde"
        toelichting = (
            f"{len(gehouden)} {'vergadering' if len(gehouden) == 1 else 'vergaderingen'} in "
            f"{jaar}, ten minste {regel.minimum_per_jaar} vereist"
        )
        if regel.ook_op_verzoek_van_partij:
            toelichting += (
                f"; {len(verzocht)} op verzoek van een Partij; de jaarvergadering telt niet mee"
            )
        uit.append(
            Verplichting(
                f"{orgaan.de_naam[:1].upper()}{orgaan.de_naam[1:]} vergadert ten minste "
                f"{regel.minimum_per_jaar} keer per jaar",
                ", ".join(regel.artikelen),
                status,
                toelichting,
                tuple(g.naam for g in gehouden),
                regel.aanname,
                orgaan.id,
                aanvulbaar=True,
            )
        )
    return uit


def _verzoeken(register: list[Gehouden], jaar: int) -> list[Verplichting]:
    """Every request for a Partneroverleg is followed by a meeting (6.2); the text sets no term."""
    overleggen = _van(register, "partneroverleg")
    verzoeken = [
        (g, v) for g in overleggen for v in g.vergadering.verzoeken_ontvangen if v.op.year == jaar
    ]
    if not verzoeken:
        return []
    open_ = [
        f"{v.partij} ({lang(v.op)})"
        for _, v in verzoeken
        if not any(o.vergadering.datum > v.op for o in overleggen)
    ]
    status: Status = "in orde" if not open_ else "onbekend"
    toelichting = (
        f"{len(verzoeken)} verzoek(en), elk gevolgd door een vergadering"
        if not open_
        else "nog geen vergadering na het verzoek van "
        + "; ".join(open_)
        + " (geen termijn in het convenant)"
    )
    return [
        Verplichting(
            "Op een verzoek van een Partij volgt een Partneroverleg",
            "6.2",
            status,
            toelichting,
            tuple(dict.fromkeys(g.naam for g, _ in verzoeken)),
            "verzoek_partneroverleg_termijn",
            "partneroverleg",
            aanvulbaar=True,
        )
    ]


def _aangenomen(g: Gehouden, soort: str) -> list[Oordeel]:
    return [o for o in g.oordelen if o.soort == soort and o.oordeel == "aangenomen"]


def _jaarvergadering(in_jaar: list[Gehouden]) -> list[Verplichting]:
    vergaderingen = _van(in_jaar, "jaarvergadering")
    if not vergaderingen:
        return [
            Verplichting(
                "De jaarvergadering met alle Partijen",
                "6.4",
                "niet in orde",
                "geen jaarvergadering in het register",
                orgaan="jaarvergadering",
                aanvulbaar=True,
            )
        ]
    namen = tuple(g.naam for g in vergaderingen)
    vastgesteld = any(_aangenomen(g, "jaarverslag_jaarrekening") for g in vergaderingen)
    besproken = any("jaarplan" in " ".join(g.vergadering.besproken).lower() for g in vergaderingen)
    uit = [
        Verplichting(
            "De jaarvergadering stelt jaarverslag en jaarrekening vast",
            "6.4",
            "in orde" if vastgesteld else "niet in orde",
            "vastgesteld"
            if vastgesteld
            else "geen geldig besluit over jaarverslag en jaarrekening",
            namen,
            orgaan="jaarvergadering",
            aanvulbaar=True,
        )
    ]
    uit.append(
        Verplichting(
            "De jaarvergadering bespreekt het Jaarplan",
            "6.4",
            "in orde" if besproken else "onbekend",
            "besproken" if besproken else "niet vastgelegd onder 'besproken'",
            namen,
            orgaan="jaarvergadering",
            aanvulbaar=True,
        )
    )
    return uit


def _jaarplan(in_jaar: list[Gehouden]) -> list[Verplichting]:
    stuurgroep = _van(in_jaar, "stuurgroep")
    besluiten = [(g, o) for g in stuurgroep for o in g.oordelen if o.soort == "jaarplan"]
    aangenomen = [(g, o) for g, o in besluiten if o.oordeel == "aangenomen"]
    if not aangenomen:
        reden = (
            "een Jaarplan-besluit, maar niet geldig aangenomen"
            if besluiten
            else "geen Jaarplan-besluit in het register"
        )
        return [
            Verplichting(
                "De Stuurgroep stelt een Jaarplan vast met de onderdelen van 4.5 a–d",
                "4.5",
                "niet in orde",
                reden,
                tuple(g.naam for g, _ in besluiten),
                orgaan="stuurgroep",
                aanvulbaar=True,
            )
        ]
    g, _ = aangenomen[0]
    uit = [
        Verplichting(
            "De Stuurgroep stelt een Jaarplan vast met de onderdelen van 4.5 a–d",
            "4.5",
            "in orde",
            f"vastgesteld op {lang(g.vergadering.datum)}",
            (g.naam,),
            orgaan="stuurgroep",
            aanvulbaar=True,
        )
    ]
    uiterlijk = plus_weken(g.vergadering.datum, 4)
    verzonden = [v for v in g.vergadering.verzonden if "jaarplan" in v.documenten]
    if not verzonden:
        uit.append(
            Verplichting(
                "Het Jaarplan gaat binnen vier weken naar de gemeenten en het Partneroverleg",
                "4.8",
                "onbekend",
                "niet vastgelegd wanneer het Jaarplan is verzonden",
                (g.naam,),
                orgaan="stuurgroep",
                aanvulbaar=True,
            )
        )
        return uit
    ontvangers = {a for v in verzonden if v.op <= uiterlijk for a in v.aan}
    ontbreekt = [a for a in ("colleges", "partneroverleg") if a not in ontvangers]
    status: Status = "niet in orde" if ontbreekt else "in orde"
    toelichting = (
        f"niet op tijd (uiterlijk {lang(uiterlijk)}) naar: {', '.join(ontbreekt)}"
        if ontbreekt
        else f"verzonden vóór {lang(uiterlijk)}"
    )
    uit.append(
        Verplichting(
            "Het Jaarplan gaat binnen vier weken naar de gemeenten en het Partneroverleg",
            "4.8",
            status,
            toelichting,
            (g.naam,),
            orgaan="stuurgroep",
            aanvulbaar=True,
        )
    )
    return uit


def _verslaglegging(c: Convenant, register: list[Gehouden], jaar: int) -> list[Verplichting]:
    uit = []
    for orgaan in c.organen:
        for regel in orgaan.verslaglegging:
            if regel.termijn.moment not in ("voor_volgende_vergadering", "niet_bepaald"):
                continue  # the Jaarplan's four weeks are checked with the Jaarplan
            verplichting = _verzending(
                orgaan,
                regel.documenten,
                [_ontvanger(c, a) for a in regel.aan],
                ", ".join(regel.artikelen),
                register,
                jaar,
                regel.termijn.aanname or regel.aanname,
                regel.schriftelijk,
            )
            if verplichting is not None:
                uit.append(verplichting)
    return uit


# Documents and recipients as a reader names them.
_DOCUMENT = {
    "notulen": "de notulen",
    "actiepuntenlijst": "de actiepuntenlijst",
    "besluitenlijst": "de besluitenlijst",
    "besluiten": "de besluiten",
    "relevante_besluiten": "de relevante besluiten",
    "jaarplan": "het Jaarplan",
    "werkproces": "het werkproces",
}


def _opsomming(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]


def _ontvanger(c: Convenant, ident: str) -> tuple[str, str]:
    if ident == "partijen":
        return ident, "alle Partijen"
    if ident in c.orgaan:
        return ident, c.orgaan[ident].de_naam
    return ident, c.rol[ident].naam


def _verzending(
    orgaan: Orgaan,
    documenten: Sequence[str],
    aan: Sequence[tuple[str, str]],
    artikel: str,
    register: list[Gehouden],
    jaar: int,
    aanname: str | None,
    schriftelijk: bool,
) -> Verplichting | None:
    """Each meeting's documents reached their recipients before the next meeting of the orgaan.

    None when the duty did not arise: a conditional document (a werkproces) was never adopted.
    """
    alle = _van(register, orgaan.id)
    stukken = _opsomming([_DOCUMENT.get(d, d) for d in documenten])
    omschrijving = f"{orgaan.de_naam[:1].upper()}{orgaan.de_naam[1:]} stuurt {stukken} vóór de volgende vergadering aan {_opsomming([n for _, n in aan])}"
    te_laat: list[str] = []
    onbekend: list[dt.date] = []
    betrokken: list[str] = []
    for i, g in enumerate(alle):
        if g.vergadering.datum.year != jaar:
            continue
        if not _van_toepassing(documenten, g):
            continue
        betrokken.append(g.naam)
        volgende = (
            alle[i + 1].vergadering.datum
            if i + 1 < len(alle)
            else g.vergadering.volgende_vergadering
        )
        if not g.vergadering.verzonden:
            onbekend.append(g.vergadering.datum)
            continue
        # a document counts as sent to a recipient when some dispatch names both
        for ontvanger, ontvanger_naam in aan:
            for document in documenten:
                momenten = [
                    v.op
                    for v in g.vergadering.verzonden
                    if ontvanger in v.aan
                    and _dekt(document, v.documenten)
                    and (v.schriftelijk or not schriftelijk)
                ]
                if not momenten or (volgende is not None and min(momenten) >= volgende):
                    te_laat.append(
                        f"{_DOCUMENT.get(document, document)} van {lang(g.vergadering.datum)} "
                        f"aan {ontvanger_naam}"
                    )
    if te_laat:
        return Verplichting(
            omschrijving,
            artikel,
            "niet in orde",
            "niet (op tijd): " + "; ".join(te_laat),
            tuple(betrokken),
            aanname,
            orgaan.id,
        )
    if onbekend:
        return Verplichting(
            omschrijving,
            artikel,
            "onbekend",
            "niet vastgelegd wanneer de stukken zijn verzonden, bij de vergadering van "
            + _opsomming([lang(d) for d in onbekend]),
            tuple(betrokken),
            aanname,
            orgaan.id,
        )
    if not betrokken and any(d in _ALLEEN_NA for d in documenten):
        return None
    if not betrokken:
        return Verplichting(
            omschrijving,
            artikel,
            "onbekend",
            f"geen vergaderingen in {jaar}",
            (),
            aanname,
            orgaan.id,
        )
    return Verplichting(
        omschrijving,
        artikel,
        "in orde",
        "alles op tijd verzonden",
        tuple(betrokken),
        aanname,
        orgaan.id,
    )


# Documents that only exist when the meeting adopted one (6.9c): the duty to send follows.
_ALLEEN_NA = {"werkproces": "werkproces_operationeel"}


def _van_toepassing(documenten: Sequence[str], g: Gehouden) -> bool:
    nodig = [_ALLEEN_NA[d] for d in documenten if d in _ALLEEN_NA]
    return not nodig or any(_aangenomen(g, soort) for soort in nodig)


def _dekt(document: str, verzonden: Sequence[str]) -> bool:
    # the besluitenlijst informs about the besluiten (5.9, 7.3)
    return document in verzonden or (
        document in ("besluiten", "relevante_besluiten") and "besluitenlijst" in verzonden
    )


def _vervolg(register: list[Gehouden], jaar: int) -> list[Verplichting]:
    opgepakt = {b.vervolg_van for g in register for b in g.vergadering.besluiten if b.vervolg_van}
    uit = []
    for soort, artikel, omschrijving in (
        ("aangehouden", "5.6, 7.1", "Aangehouden besluiten worden later alsnog genomen"),
        ("escaleren", "5.7, 7.2", "Geëscaleerde besluiten komen bij het bevoegde gezag"),
    ):
        open_: list[str] = []
        klaar: list[str] = []
        betrokken: list[str] = []
        for g in register:
            if g.vergadering.datum.year != jaar:
                continue
            for o in g.oordelen:
                if o.oordeel != soort:
                    continue
                betrokken.append(g.naam)
                (klaar if o.id in opgepakt else open_).append(o.id)
        if not betrokken:
            continue
        status: Status = "in orde" if not open_ else "niet in orde"
        toelichting = f"{len(klaar)} opgepakt" + (
            f"; nog open: {', '.join(open_)}" if open_ else ""
        )
        uit.append(
            Verplichting(
                omschrijving, artikel, status, toelichting, tuple(dict.fromkeys(betrokken))
            )
        )
    return uit


def _open(register: list[Gehouden], jaar: int, peildatum: dt.date) -> list[OpenPunt]:
    uit: list[OpenPunt] = []
    afgerond = {a.id for g in register for a in g.vergadering.actiepunten if a.status == "afgerond"}
    opgepakt = {b.vervolg_van for g in register for b in g.vergadering.besluiten if b.vervolg_van}
    for g in sorted(register, key=lambda g: g.vergadering.datum):
        if g.vergadering.datum > peildatum or g.vergadering.datum.year > jaar:
            continue
        datum = g.vergadering.datum
        for a in g.vergadering.actiepunten:
            if a.status == "open" and a.id not in afgerond:
                uit.append(
                    OpenPunt(
                        "actiepunt", g.naam, a.id, a.omschrijving, datum, (peildatum - datum).days
                    )
                )
        for v in g.vergadering.verzoeken_ontvangen:
            later = any(
                x.vergadering.orgaan == g.vergadering.orgaan and x.vergadering.datum > v.op
                for x in register
            )
            if not later and v.op <= peildatum:
                uit.append(
                    OpenPunt(
                        "verzoek",
                        g.naam,
                        v.partij,
                        f"verzoek om een vergadering van {v.partij} (6.2)",
                        v.op,
                        (peildatum - v.op).days,
                    )
                )
        for o in g.oordelen:
            if o.oordeel in ("aangehouden", "escaleren") and o.id not in opgepakt:
                uit.append(
                    OpenPunt(
                        "aangehouden" if o.oordeel == "aangehouden" else "escalatie",
                        g.naam,
                        o.id,
                        o.onderwerp,
                        datum,
                        (peildatum - datum).days,
                    )
                )
    return uit


def _kennisgevingen(c: Convenant, register: list[Gehouden], jaar: int) -> list[str]:
    uit = []
    for p in c.partijen:
        if p.uitgetreden_op is not None and p.uitgetreden_op.year >= jaar:
            uit.append(f"{p.naam}: uittreding gaat in op {lang(p.uitgetreden_op)} (25.2)")
    for g in register:
        if g.vergadering.datum.year != jaar:
            continue
        for b, o in zip(g.vergadering.besluiten, g.oordelen, strict=True):
            if b.soort == "toetreding" and b.toetreding is not None:
                stand = {
                    "aangenomen": "goedgekeurd",
                    "aangehouden": "wacht op akkoorden (22.4)",
                }.get(o.oordeel, o.oordeel)
                wie = b.toetreding.organisatie or f"dossier {b.toetreding.dossier}"
                uit.append(
                    f"Toetreding van {wie}: {stand} (besluit {b.id} van "
                    f"{lang(g.vergadering.datum)})"
                )
            if b.soort == "uitsluiting" and b.uitsluiting is not None:
                uit.append(
                    f"Uitsluiting van {c.partij[b.uitsluiting.partij].naam}: {o.oordeel} (besluit "
                    f"{b.id} van {lang(g.vergadering.datum)})"
                )
    return uit


@dataclass(frozen=True)
class Omslag:
    """An obligation whose status differs under another reading of one contested aanname."""

    aanname: str
    lezing: str
    uitspraak: str
    omschrijving: str
    artikel: str
    van: Status | None  # None: the obligation does not arise under that reading
    naar: Status | None


def omslagen(
    aanname: str, lezing: str, uitspraak: str, basis: Jaaroverzicht, ander: Jaaroverzicht
) -> list[Omslag]:
    """The obligations that flip, appear or disappear from `basis` to `ander`."""

    def per_sleutel(o: Jaaroverzicht) -> dict[tuple[str, str, int], Verplichting]:
        # An obligation is known by what it says and its article; which meetings it names may
        # change with the reading. The same obligation twice is told apart by its place.
        uit: dict[tuple[str, str, int], Verplichting] = {}
        for v in o.verplichtingen:
            n = sum(1 for k in uit if k[:2] == (v.omschrijving, v.artikel))
            uit[(v.omschrijving, v.artikel, n)] = v
        return uit

    voor, na = per_sleutel(basis), per_sleutel(ander)
    uit: list[Omslag] = []
    for k in [*voor, *(k for k in na if k not in voor)]:
        van, naar = voor.get(k), na.get(k)
        status_van = van.status if van else None
        status_naar = naar.status if naar else None
        if status_van != status_naar:
            uit.append(Omslag(aanname, lezing, uitspraak, k[0], k[1], status_van, status_naar))
    return uit
