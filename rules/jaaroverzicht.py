"""The obligations over a year that no single meeting shows (4.3, 4.5, 4.8, 5.8, 5.9, 6.2, 6.4,
7.3, 7.5), checked over a register of meetings. Pure functions.

Each obligation is `in orde`, `niet in orde`, or `onbekend` when the register lacks the facts
(older vergadering files need not record when lists were sent).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Literal, NamedTuple

from governance.datums import lang, plus_termijn, termijn_in_woorden
from governance.documenten import Addendum, Opzegging
from governance.models import Convenant, Orgaan, Partij
from governance.toetreding import Toetredingsdossier
from governance.vergadering import Vergadering

from .lezingen import STANDAARD, Lezer, Lezingkeuze
from .oordeel import Oordeel
from .uittreding import ingang_opzegging
from .verzending import GEVOLGEN, verzendplichten, verzonden_op

Status = Literal["in orde", "niet in orde", "onbekend"]


@dataclass(frozen=True)
class Gehouden:
    """A meeting in the register, with the verdicts of `convenant toets` on its besluiten."""

    naam: str  # the file's name, how the report refers to the meeting
    vergadering: Vergadering
    oordelen: tuple[Oordeel, ...]


# What an overview says instead of the onderwerp of a besluit about one case.
OVER_CASUS = "Besluit over een individuele casus (inhoud niet in dit overzicht; 4.7, 9.8)"


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
class Registerdocumenten:
    """The register's procedure files beside its meetings: notices of exit and addenda
    (documenten/), and the accession dossiers (toetredingen/, by id)."""

    opzeggingen: tuple[Opzegging, ...] = ()
    addenda: tuple[Addendum, ...] = ()
    dossier_ids: tuple[tuple[str, Toetredingsdossier], ...] = ()

    @property
    def dossiers(self) -> tuple[Toetredingsdossier, ...]:
        return tuple(d for _, d in self.dossier_ids)


@dataclass(frozen=True)
class OpenPunt:
    soort: Literal["actiepunt", "aangehouden", "escalatie", "verzoek"]
    vergadering: str
    id: str
    omschrijving: str
    sinds: dt.date
    dagen: int
    # An open actiepunt the register shows done by other facts: said, not silently closed.
    opmerking: str | None = None


@dataclass(frozen=True)
class Jaaroverzicht:
    jaar: int
    peildatum: dt.date
    verplichtingen: tuple[Verplichting, ...]
    vergaderingen: tuple[Gehouden, ...]
    open: tuple[OpenPunt, ...]
    kennisgevingen: tuple[str, ...]
    wijzigingen: tuple[str, ...] = ()

    @property
    def in_orde(self) -> bool:
        return all(v.status != "niet in orde" for v in self.verplichtingen)


def bekend_op(p: Partij, peildatum: dt.date) -> bool:
    """Whether a party's exit was known on the peildatum: the notice (25.2) or decision (25.3,
    25.4) that records it dates from then or before. An exit without such a date (the bundled
    convenant's own) is known all along."""
    v = p.uitgetreden_volgens
    return v is None or v.op is None or v.op <= peildatum


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
    documenten: Registerdocumenten = Registerdocumenten(),
    keuze: Lezingkeuze = STANDAARD,
    keuze_op: Callable[[dt.date], Lezingkeuze] | None = None,
    gepland: Iterable[tuple[str, dt.date]] = (),
) -> Jaaroverzicht:
    """The year's obligations and what is open, judged on the peildatum: only what the
    register knew then counts. A meeting after the peildatum was at most planned (it is named
    as such, with the meetings of the year planning, `gepland`: orgaan and date); a sending
    recorded after it had not happened; a count the year may still fill is not yet `niet in
    orde`. `keuze_op` gives the readings in force on a date (a reading settled by a besluit
    applies from that besluit's date); without it, `keuze` holds on every date."""
    bekend = [_tot(g, peildatum) for g in register if g.vergadering.datum <= peildatum]
    komend = sorted(
        {
            *((g.vergadering.orgaan, g.vergadering.datum) for g in register),
            *gepland,
        }
        - {(g.vergadering.orgaan, g.vergadering.datum) for g in bekend}
    )
    komend = [(o, d) for o, d in komend if d.year == jaar and d > peildatum]
    lopend = peildatum < dt.date(jaar, 12, 31)
    in_jaar = [g for g in bekend if g.vergadering.datum.year == jaar]
    verplichtingen: list[Verplichting] = []
    verplichtingen += _frequentie(c, in_jaar, jaar, komend, peildatum if lopend else None)
    verplichtingen += _verzoeken(bekend, jaar)
    verplichtingen += _jaarvergadering(in_jaar, komend, lopend)
    verplichtingen += _jaarplan(c, in_jaar, peildatum, lopend)
    verplichtingen += _verslaglegging(c, register, jaar, peildatum)
    opens = _open(register, jaar, peildatum)
    verplichtingen += _vervolg(bekend, jaar)
    return Jaaroverzicht(
        jaar,
        peildatum,
        tuple(_met_onleesbaar(verplichtingen, onleesbaar, jaar)),
        tuple(sorted(in_jaar, key=lambda g: g.vergadering.datum)),
        tuple(opens),
        tuple(
            _kennisgevingen(c, bekend, jaar, documenten, keuze_op or (lambda _: keuze), peildatum)
        ),
        tuple(_wijzigingen(bekend, jaar, documenten, peildatum)),
    )


def _tot(g: Gehouden, peildatum: dt.date) -> Gehouden:
    """The meeting as the register knew it on the peildatum: without later sendings."""
    v = g.vergadering
    if all(x.op <= peildatum for x in v.verzonden):
        return g
    verzonden = [x for x in v.verzonden if x.op <= peildatum]
    return replace(g, vergadering=v.model_copy(update={"verzonden": verzonden}))


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


def _frequentie(
    c: Convenant,
    in_jaar: list[Gehouden],
    jaar: int,
    komend: Sequence[tuple[str, dt.date]] = (),
    lopend_tot: dt.date | None = None,
) -> list[Verplichting]:
    """Each orgaan met at least as often as its article asks (4.3, 6.2). While the year runs
    (`lopend_tot`: the peildatum before its last day), too few meetings so far is not yet a
    breach: `onbekend`, with the meetings still planned or still to plan."""
    uit = []
    for orgaan in c.organen:
        regel = orgaan.vergaderfrequentie
        if regel is None or orgaan.id == "jaarvergadering":
            continue
        gehouden = _van(in_jaar, orgaan.id, jaar)
        verzocht = [g for g in gehouden if g.vergadering.op_verzoek_van]
        gepland = [d for o, d in komend if o == orgaan.id]
        status: Status = "in orde" if len(gehouden) >= regel.minimum_per_jaar else "niet in orde"
        if status == "niet in orde" and lopend_tot is not None:
            status = "onbekend"
        toelichting = (
            f"{len(gehouden)} {'vergadering' if len(gehouden) == 1 else 'vergaderingen'} in "
            f"{jaar}"
            + (f" tot en met {lang(lopend_tot)}" if lopend_tot is not None else "")
            + f", ten minste {regel.minimum_per_jaar} vereist"
        )
        if gepland:
            toelichting += f"; nog gepland: {_opsomming([lang(d) for d in gepland])}"
        tekort = regel.minimum_per_jaar - len(gehouden) - len(gepland)
        if lopend_tot is not None and tekort > 0:
            toelichting += f"; nog {tekort} te plannen"
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


def _jaarvergadering(
    in_jaar: list[Gehouden], komend: Sequence[tuple[str, dt.date]] = (), lopend: bool = False
) -> list[Verplichting]:
    vergaderingen = _van(in_jaar, "jaarvergadering")
    if not vergaderingen:
        gepland = [lang(d) for o, d in komend if o == "jaarvergadering"]
        return [
            Verplichting(
                "De jaarvergadering met alle Partijen",
                "6.4",
                "onbekend" if lopend else "niet in orde",
                ("nog niet gehouden" if lopend else "geen jaarvergadering in het register")
                + (f"; gepland: {_opsomming(gepland)}" if gepland else ""),
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


def _jaarplan_termijn(c: Convenant) -> tuple[int, str]:
    """The term within which an adopted Jaarplan reaches the colleges and the Partneroverleg
    (4.8): that of the Stuurgroep's verslaglegging rule for it in convenant.yaml."""
    regel = next(v for v in c.orgaan["stuurgroep"].verslaglegging if "jaarplan" in v.documenten)
    t = regel.termijn
    if t.aantal is None or t.eenheid is None:
        raise ValueError("de verzending van het Jaarplan (4.8) heeft geen termijn in tijd")
    return t.aantal, t.eenheid


def jaarplan_uiterlijk(c: Convenant, vastgesteld: dt.date) -> dt.date:
    """The day by which an adopted Jaarplan must reach the colleges and the Partneroverleg
    (4.8), counted as the convenant counts it (a term it sets itself moves for no weekend or
    holiday)."""
    return plus_termijn(vastgesteld, *_jaarplan_termijn(c))


def _jaarplan_verzending(c: Convenant) -> str:
    """The obligation of 4.8 in words, its term as convenant.yaml gives it."""
    termijn = termijn_in_woorden(*_jaarplan_termijn(c))
    return f"Het Jaarplan gaat binnen {termijn} naar de gemeenten en het Partneroverleg"


def _jaarplan(
    c: Convenant, in_jaar: list[Gehouden], peildatum: dt.date, lopend: bool = False
) -> list[Verplichting]:
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
                # a later meeting of the year may still adopt it
                "onbekend" if lopend else "niet in orde",
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
    uiterlijk = jaarplan_uiterlijk(c, g.vergadering.datum)
    verzonden = [v for v in g.vergadering.verzonden if "jaarplan" in v.documenten]
    if not verzonden:
        uit.append(
            Verplichting(
                _jaarplan_verzending(c),
                "4.8",
                "onbekend",
                "niet vastgelegd wanneer het Jaarplan is verzonden",
                (g.naam,),
                orgaan="stuurgroep",
                aanvulbaar=True,
            )
        )
        return uit
    verzonden_op_tijd = {
        a: verzonden_op(c, g.vergadering, "jaarplan", a) for a in ("colleges", "partneroverleg")
    }
    # not sent yet, while the term still runs on the peildatum: not late
    loopt = [a for a, op in verzonden_op_tijd.items() if op is None and uiterlijk >= peildatum]
    ontbreekt = [
        a
        for a, op in verzonden_op_tijd.items()
        if a not in loopt and (op is None or op > uiterlijk)
    ]
    status: Status = "niet in orde" if ontbreekt else "onbekend" if loopt else "in orde"
    toelichting = (
        f"niet op tijd (uiterlijk {lang(uiterlijk)}) naar: {', '.join(ontbreekt)}"
        if ontbreekt
        else f"nog te verzenden (uiterlijk {lang(uiterlijk)}) naar: {', '.join(loopt)}"
        if loopt
        else f"verzonden vóór {lang(uiterlijk)}"
    )
    uit.append(
        Verplichting(
            _jaarplan_verzending(c),
            "4.8",
            status,
            toelichting,
            (g.naam,),
            orgaan="stuurgroep",
            aanvulbaar=True,
        )
    )
    return uit


def _verslaglegging(
    c: Convenant, register: list[Gehouden], jaar: int, peildatum: dt.date
) -> list[Verplichting]:
    uit = []
    for orgaan in c.organen:
        for regel in orgaan.verslaglegging:
            if regel.termijn.moment not in ("voor_volgende_vergadering", "niet_bepaald"):
                continue  # the Jaarplan's four weeks are checked with the Jaarplan
            verplichting = _verzending(
                c,
                orgaan,
                regel.documenten,
                [_ontvanger(c, a) for a in regel.aan],
                ", ".join(regel.artikelen),
                register,
                jaar,
                regel.termijn.aanname or regel.aanname,
                regel.schriftelijk,
                peildatum,
            )
            if verplichting is not None:
                uit.append(verplichting)
    return uit


# Documents and recipients as a reader names them.
_DOCUMENT = {
    "agenda": "de agenda",
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
    c: Convenant,
    orgaan: Orgaan,
    documenten: Sequence[str],
    aan: Sequence[tuple[str, str]],
    artikel: str,
    register: list[Gehouden],
    jaar: int,
    aanname: str | None,
    schriftelijk: bool,
    peildatum: dt.date | None = None,
) -> Verplichting | None:
    """Each meeting's documents reached their recipients before the next meeting of the orgaan.

    None when the duty did not arise: a conditional document (a werkproces) was never adopted.
    On a `peildatum`, meetings after it are not judged and sendings after it had not happened;
    what is not sent while the next meeting is still ahead is not yet late.
    """
    alle = _van(register, orgaan.id)
    stukken = _opsomming([_DOCUMENT.get(d, d) for d in documenten])
    omschrijving = f"{orgaan.de_naam[:1].upper()}{orgaan.de_naam[1:]} stuurt {stukken} vóór de volgende vergadering aan {_opsomming([n for _, n in aan])}"
    te_laat: list[str] = []
    onbekend: list[dt.date] = []
    loopt: list[str] = []
    betrokken: list[str] = []
    for i, gezien in enumerate(alle):
        if gezien.vergadering.datum.year != jaar:
            continue
        if peildatum is not None and gezien.vergadering.datum > peildatum:
            continue
        g = gezien if peildatum is None else _tot(gezien, peildatum)
        volgende = (
            alle[i + 1].vergadering.datum
            if i + 1 < len(alle)
            else g.vergadering.volgende_vergadering
        )
        # the duty and its last day as rules.verzending states them, so the overview, the
        # besluitenlijst and the calendar cannot disagree (None: a werkproces never adopted)
        plicht = next(
            (
                p
                for p in verzendplichten(c, orgaan.id, g.vergadering.datum, volgende, g.oordelen)
                if p.documenten == tuple(documenten) and p.aan == tuple(a for a, _ in aan)
            ),
            None,
        )
        if plicht is None:
            continue
        betrokken.append(g.naam)
        uiterlijk = plicht.uiterlijk
        nog_niet_te_laat = (
            peildatum is not None and uiterlijk is not None and uiterlijk >= peildatum
        )
        if not g.vergadering.verzonden:
            if nog_niet_te_laat:
                assert uiterlijk is not None
                loopt.append(
                    f"de stukken van {lang(g.vergadering.datum)} (uiterlijk {lang(uiterlijk)})"
                )
            else:
                onbekend.append(g.vergadering.datum)
            continue
        # a document counts as sent to a recipient when some dispatch names both
        for ontvanger, ontvanger_naam in aan:
            for document in documenten:
                op = verzonden_op(c, g.vergadering, document, ontvanger, schriftelijk)
                if op is None and nog_niet_te_laat:
                    assert uiterlijk is not None
                    loopt.append(
                        f"{_DOCUMENT.get(document, document)} van {lang(g.vergadering.datum)} "
                        f"aan {ontvanger_naam} (uiterlijk {lang(uiterlijk)})"
                    )
                elif op is None or (uiterlijk is not None and op > uiterlijk):
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
    if onbekend or loopt:
        return Verplichting(
            omschrijving,
            artikel,
            "onbekend",
            "; ".join(
                [
                    *(
                        [
                            "niet vastgelegd wanneer de stukken zijn verzonden, bij de vergadering "
                            "van " + _opsomming([lang(d) for d in onbekend])
                        ]
                        if onbekend
                        else []
                    ),
                    *(["nog te verzenden: " + "; ".join(loopt)] if loopt else []),
                ]
            ),
            tuple(betrokken),
            aanname,
            orgaan.id,
        )
    if not betrokken and GEVOLGEN & set(documenten):
        return None  # the document exists only once a meeting adopted one (6.9c)
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


def _vervolg(register: list[Gehouden], jaar: int) -> list[Verplichting]:
    opgepakt = {b.vervolg_van for g in register for b in g.vergadering.besluiten if b.vervolg_van}
    uit = []
    # Only an escalation is a duty (5.7, 7.2: the matter is put to the higher body). 5.6 and 7.1
    # bar taking a besluit before the party is heard; they do not oblige taking it later, so a
    # held besluit is an open point (`_open`), not a breach.
    for soort, artikel, omschrijving in (
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
                if o.id in opgepakt:
                    klaar.append(o.id)
                else:  # a number alone tells a reader nothing: its subject goes with it
                    open_.append(f"{o.id} ({o.onderwerp.rstrip('.')})")
        if not betrokken:
            continue
        status: Status = "in orde" if not open_ else "niet in orde"
        toelichting = f"{len(klaar)} opgepakt" + (
            f"; nog open: {'; '.join(open_)}" if open_ else ""
        )
        uit.append(
            Verplichting(
                omschrijving, artikel, status, toelichting, tuple(dict.fromkeys(betrokken))
            )
        )
    return uit


def _open(register: list[Gehouden], jaar: int, peildatum: dt.date) -> list[OpenPunt]:
    uit: list[OpenPunt] = []
    # What was done after the peildatum was still open on it.
    tot = [g for g in register if g.vergadering.datum <= peildatum]
    afgerond = {a.id for g in tot for a in g.vergadering.actiepunten if a.status == "afgerond"}
    opgepakt = {b.vervolg_van for g in tot for b in g.vergadering.besluiten if b.vervolg_van}
    vervolg = {
        b.vervolg_van: (b.id, g.vergadering.datum)
        for g in tot
        for b in g.vergadering.besluiten
        if b.vervolg_van
    }
    for g in sorted(register, key=lambda g: g.vergadering.datum):
        if g.vergadering.datum > peildatum or g.vergadering.datum.year > jaar:
            continue
        datum = g.vergadering.datum
        for a in g.vergadering.actiepunten:
            if a.status == "open" and a.id not in afgerond:
                uit.append(
                    OpenPunt(
                        "actiepunt",
                        g.naam,
                        a.id,
                        a.omschrijving,
                        datum,
                        (peildatum - datum).days,
                        _al_gedaan(a.omschrijving, g, vervolg, peildatum),
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


def _datum_en_besluit(datum: dt.date, besluit: str | None) -> str:
    return f"op {lang(datum)}" + (f" (besluit {besluit})" if besluit else "")


_STAND_TOETREDING = {
    "aangenomen": "goedgekeurd door de Stuurgroep",
    "aangehouden": "aangehouden in afwachting van de akkoorden van de Partijen",
    "verworpen": "afgewezen door de Stuurgroep",
    "ongeldig": "niet geldig besloten",
}


# An actiepunt that names its article, and what in the register shows it done.
_ARTIKEL = re.compile(r"\((\d+\.\d+[a-z]?)\)\s*$")
_VERZENDEN = ("toezenden", "zenden", "sturen", "verzenden", "versturen")
_VERVOLG = {"5.6": "aangehouden", "7.1": "aangehouden", "5.7": "escaleren", "7.2": "escaleren"}


def _al_gedaan(
    actie: str, g: Gehouden, vervolg: dict[str, tuple[str, dt.date]], peildatum: dt.date
) -> str | None:
    """What the register records, by the peildatum, that does what an open actiepunt asks.

    The actiepunt stays open (only a meeting closes it), but the overview does not show it
    open beside the fact that it was done without a word: sending a document its meeting
    records as sent (4.8, 5.8, 5.9), or a held or escalated besluit of its meeting (5.6, 5.7,
    7.1, 7.2) that a later besluit took up.
    """
    tekst = actie.lower()
    if any(w in tekst for w in _VERZENDEN):
        for v in g.vergadering.verzonden:
            stukken = [d for d in v.documenten if d in tekst]
            if stukken and v.op <= peildatum:
                return (
                    f"het register legt vast dat {_DOCUMENT.get(stukken[0], stukken[0])} op "
                    f"{lang(v.op)} is verzonden"
                )
    gevonden = _ARTIKEL.search(actie)
    artikel = gevonden.group(1) if gevonden else ""
    soort = _VERVOLG.get(artikel)
    if soort is None:
        return None
    opgepakt = [
        f"{o.id} ({o.onderwerp.rstrip('.')}) is op {lang(vervolg[o.id][1])} opnieuw "
        f"behandeld ({vervolg[o.id][0]})"
        for o in g.oordelen
        if o.oordeel == soort
        and o.id in vervolg
        # held or escalated under that same article (a toetreding is held under 22.4)
        and any(gr.beslissend and artikel in gr.artikel.split(", ") for gr in o.gronden)
    ]
    return "; ".join(opgepakt) or None


def _kennisgevingen(
    c: Convenant,
    register: list[Gehouden],
    jaar: int,
    documenten: Registerdocumenten,
    keuze_op: Callable[[dt.date], Lezingkeuze],
    peildatum: dt.date | None = None,
) -> list[str]:
    """Who joined, who gave notice and who was excluded in the year: one line per organisation.

    A toetreding taken up again (aangehouden, then goedgekeurd) is one line with its latest
    stand; the earlier stands follow as its history. The register's documents add what no
    meeting shows: the notice a party sent (25.2, 23.3) and the signature of a dossier.
    """
    uit = []
    # a notice, decision or signature after the peildatum was not known on it
    peil = peildatum or dt.date.max
    opzeggingen = [z for z in documenten.opzeggingen if z.datum <= peil]
    opgezegd = {o.partij for o in opzeggingen}
    for p in c.partijen:
        if (
            p.uitgetreden_op is not None
            and p.uitgetreden_op.year >= jaar
            and p.id not in opgezegd
            and bekend_op(p, peil)
            and not any(o.partij == p.id for o in documenten.opzeggingen)
        ):
            uit.append(f"{p.naam}: uittreding gaat in op {lang(p.uitgetreden_op)} (25.2)")
    for z in sorted(opzeggingen, key=lambda z: z.datum):
        # counted under the readings in force when the notice was given, as the register does
        lees = Lezer(c, keuze_op(z.datum))
        if z.route == "opzegtermijn":
            ingang: dt.date | None = ingang_opzegging(z.datum, lees)
            artikel = "25.2"
        else:
            ingang, artikel = z.ingang_wijziging, "23.3"
        if jaar not in (z.datum.year, ingang.year if ingang else None):
            continue
        reden = f" wegens {z.wijziging}" if z.wijziging else ""
        gaat_in = (
            f"; de uittreding gaat in op {lang(ingang)}" if ingang else "; ingangsdatum onbekend"
        )
        lezing = (
            "; de ingangsdatum rust op een lezing van het convenant"
            if z.route == "opzegtermijn" and lees.geraadpleegd
            else ""
        )
        uit.append(
            f"{c.partij[z.partij].naam}: deelname schriftelijk opgezegd op {lang(z.datum)}"
            f"{reden}{gaat_in} ({artikel}{lezing})"
        )

    dossier_per_naam = {d.organisatie.naam: d for d in documenten.dossiers}
    # per organisation its toetreding besluiten of the year, in date order
    per_organisatie: dict[str, list[tuple[dt.date, str, str]]] = {}
    for g in sorted(register, key=lambda g: g.vergadering.datum):
        if g.vergadering.datum.year != jaar:
            continue
        for b, o in zip(g.vergadering.besluiten, g.oordelen, strict=True):
            if b.soort == "toetreding" and b.toetreding is not None:
                wie = b.toetreding.organisatie or _dossiernaam(documenten, b.toetreding.dossier)
                per_organisatie.setdefault(wie, []).append(
                    (g.vergadering.datum, b.id, _STAND_TOETREDING.get(o.oordeel, o.oordeel))
                )
            if b.soort == "uitsluiting" and b.uitsluiting is not None:
                uit.append(
                    f"Uitsluiting van {c.partij[b.uitsluiting.partij].naam}: {o.oordeel} (besluit "
                    f"{b.id} van {lang(g.vergadering.datum)})"
                )
    for d in documenten.dossiers:
        datums = [d.aanvraag_ontvangen_op, d.kennisgeving_op, d.in_kracht_vanaf]
        if d.organisatie.naam not in per_organisatie and any(
            x and x.year == jaar and x <= peil for x in datums
        ):
            per_organisatie[d.organisatie.naam] = []
    for wie, stappen in per_organisatie.items():
        dossier = dossier_per_naam.get(wie)
        if stappen:
            datum, besluit, stand = stappen[-1]
            zin = f"Toetreding van {wie} (22.4): {stand} {_datum_en_besluit(datum, besluit)}"
            eerder = [f"op {lang(d_)} {s} (besluit {b_})" for d_, b_, s in stappen[:-1]]
            if eerder:
                zin += "; eerder " + "; ".join(eerder)
        else:
            zin = f"Toetreding van {wie} (22.4): nog geen besluit van de Stuurgroep"
        if dossier is not None:
            if dossier.in_kracht_vanaf is not None and dossier.in_kracht_vanaf <= peil:
                zin += f"; Partij sinds {lang(dossier.in_kracht_vanaf)} (Bijlage 1)"
            elif stappen and stappen[-1][2] == _STAND_TOETREDING["aangenomen"]:
                zin += "; het toetredingsformulier is nog niet ondertekend (Bijlage 1)"
        uit.append(zin)
    return uit


def _dossiernaam(documenten: Registerdocumenten, dossier: str | None) -> str:
    for ident, d in documenten.dossier_ids:
        if ident == dossier:
            return d.organisatie.naam
    return f"dossier {dossier}"


def _wijzigingen(
    register: list[Gehouden],
    jaar: int,
    documenten: Registerdocumenten,
    peildatum: dt.date | None = None,
) -> list[str]:
    """The amendments of the convenant decided or taking effect in the year (23.1, 23.2).

    An adopted wijziging besluit without its addendum in the register is named as such: only
    the addendum signed by the voorzitter and the Manager records the new text (23.2).
    """
    uit = []
    met_addendum = set()
    for a in sorted(documenten.addenda, key=lambda a: a.ingangsdatum):
        besluit = a.besluit_stuurgroep
        met_addendum.add(besluit.besluit)
        if jaar not in (besluit.datum.year, a.ingangsdatum.year):
            continue
        if peildatum is not None and besluit.datum > peildatum:
            continue  # not yet decided on the peildatum
        artikelen = ", ".join(w.artikel for w in a.wijzigingen)
        uit.append(
            f"Addendum {a.nummer}, {a.onderwerp.rstrip('.')}: besloten door de Stuurgroep "
            f"{_datum_en_besluit(besluit.datum, besluit.besluit)}, van kracht vanaf "
            f"{lang(a.ingangsdatum)}; wijzigt art. {artikelen} (23.2)"
        )
    for g in sorted(register, key=lambda g: g.vergadering.datum):
        if g.vergadering.datum.year != jaar:
            continue
        for b, o in zip(g.vergadering.besluiten, g.oordelen, strict=True):
            if b.soort != "wijziging" or o.oordeel != "aangenomen" or b.id in met_addendum:
                continue
            ingang = b.wijziging.ingangsdatum if b.wijziging else None
            uit.append(
                f"{b.onderwerp.rstrip('.')}: besloten door de Stuurgroep "
                f"{_datum_en_besluit(g.vergadering.datum, b.id)}"
                + (f", van kracht vanaf {lang(ingang)}" if ingang else "")
                + "; nog geen addendum in het register (23.2)"
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
