"""The meeting's documents: agenda, besluitenlijst and actiepuntenlijst."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from governance.artikelen import weergave
from governance.datums import lang
from governance.errors import (
    ConvenantFout,
    Melding,
    PastNiet,
)
from governance.loader import Bestand
from governance.models import (
    Bezetting,
    Convenant,
    Orgaan,
)
from governance.vergadering import Vergadering
from governance.zetels import beeld
from rules.lezingen import STANDAARD, Lezingkeuze
from rules.oordeel import Alternatief, Grond, Oordeel
from rules.toets import gevoeligheid, toets
from rules.verzending import GEVOLGEN, verzendplichten

from .gemeen import (
    _basis,
    _data,
    _gehoord,
    _leden,
    _lezer,
    _uitkomst,
    _voorbeeld,
    document_kop,
    kort_oordeel,
)
from .opmaak import Geweigerd, opsomming

if TYPE_CHECKING:
    from governance.planning import Punt


def _ontvangers(c: Convenant, ids: Iterable[str]) -> dict[str, str]:
    """The names of the recipients (orgaan or rol) a line names; 'partijen' is worded by the
    template."""
    return {
        i: c.orgaan[i].de_naam if i in c.orgaan else c.rol[i].naam for i in ids if i != "partijen"
    }


# The besluiten a besluitenlijst itself informs about (5.9, 6.10, 7.3).
_BESLUITEN = ("besluiten", "relevante_besluiten")


def _verzending(
    c: Convenant,
    orgaan: Orgaan,
    document: str,
    datum: dt.date,
    volgende: dt.date | None,
    oordelen: Iterable[Oordeel] = (),
) -> list[dict[str, Any]]:
    """The lines of a list's 'Verzonden aan': the duties of the meeting (rules.verzending, the
    source the calendar and the year overview read too) that this list carries. The template
    words them (templates/_teksten.j2, `verzonden`)."""
    regels = []
    for plicht in verzendplichten(c, orgaan.id, datum, volgende, oordelen):
        if plicht.besluiten:  # what an adopted besluit sends on: named in its besluitenlijst
            if document != "besluitenlijst":
                continue
            stukken = [d for d in plicht.documenten if d in GEVOLGEN][:1]
        elif document in plicht.documenten:  # the lists themselves (5.8, 7.5)
            stukken = []
            if document == "besluitenlijst":
                stukken = [d for d in plicht.documenten if d in ("notulen", "actiepuntenlijst")]
                stukken.append("deze_lijst")
        elif document == "besluitenlijst" and set(plicht.documenten) & set(_BESLUITEN):
            stukken = [plicht.documenten[0]]
        else:
            continue
        regels.append(
            {
                "aan": list(plicht.aan),
                "namen": _ontvangers(c, plicht.aan),
                "stukken": stukken,
                "besluiten": list(plicht.besluiten),
                # only a term the convenant sets; "with this list" is the secretariat's plan
                "termijn": None
                if plicht.termijn.moment == "niet_bepaald"
                else plicht.termijn.model_dump(include={"aantal", "eenheid", "vanaf"}),
                "uiterlijk": plicht.uiterlijk if plicht.termijn.moment != "niet_bepaald" else None,
                "artikelen": list(plicht.artikelen),
            }
        )
    return regels


def _agendabaar(orgaan: Orgaan, document: str) -> None:
    if not orgaan.vaste_agendapunten:
        raise PastNiet(
            f"een {document} maakt deze opdracht voor de Stuurgroep, het Partneroverleg en de jaarvergadering, niet voor {orgaan.de_naam}"
        )


def agenda(
    c: Convenant,
    bezetting: Bezetting | None,
    bestand: Bestand[Vergadering],
    *,
    datum: dt.date | None = None,
    geplande_punten: Sequence[Punt] | None = None,
    **_: Any,
) -> dict[str, Any]:
    """An agenda is dated on the day it is made (`datum`, today unless given); its kenmerk
    names the meeting, so that a corrected agenda keeps it. `geplande_punten`: the items of a
    meeting's draft agenda in the year planning (governance.planning), each with its purpose
    and attached documents, in place of the meeting file's besluiten and discussions."""
    v = bestand.model
    orgaan = c.orgaan[v.orgaan]
    _agendabaar(orgaan, "agenda")
    verbod = next((x for x in orgaan.verboden_onderwerpen if x.onderwerp == "casuistiek"), None)
    afwezig = orgaan.afwezigheid  # whether, and by which article, an absent party holds a besluit
    punten: list[dict[str, Any]] = []
    if geplande_punten is not None:
        punten = _geplande_punten(c, orgaan, bestand, geplande_punten)
    for i, besluit in enumerate(v.besluiten if geplande_punten is None else ()):
        soort = c.soort[besluit.soort]
        if verbod and (besluit.casuistiek or soort.categorie == "casuistiek"):
            regel, kolom, pad = bestand.bron.zoek(("besluiten", i))
            raise Geweigerd(
                Melding(
                    str(bestand.bron.pad),
                    f"agendapunt '{besluit.id}' ({besluit.onderwerp}) is casuïstiek; in {orgaan.de_naam} wordt geen casuïstiek besproken ({', '.join(weergave(a) for a in verbod.artikelen)})",
                    regel,
                    kolom,
                    pad,
                    "haal het punt van de agenda; bespreek de casus in het Casusoverleg",
                )
            )
        punten.append(
            {
                "titel": besluit.onderwerp,
                "doel": {**_doel(c, orgaan, soort), "omschrijving": soort.omschrijving},
                "treft": [c.partij[p].naam for p in besluit.treft]
                if afwezig and afwezig.aanhouden_indien_getroffen
                else [],
                "regels": [besluit.toelichting] if besluit.toelichting else [],
                "dekt": _onderwerp_sleutels(besluit.onderwerp, soort.naam),
            }
        )
    punten += [
        {
            "titel": onderwerp,
            "doel": {"bespreking": True},
            "regels": [],
            "dekt": _onderwerp_sleutels(onderwerp),
        }
        for onderwerp in (v.besproken if geplande_punten is None else ())
    ]
    begin = [p for p in orgaan.vaste_agendapunten if p.plaats == "begin"]
    eind = [p for p in orgaan.vaste_agendapunten if p.plaats == "eind"]
    agendapunten: list[dict[str, Any]] = []
    for vast in begin:
        titel = vast.onderwerp
        if "vorige vergadering" in titel and v.vorige_vergadering:
            titel += f" van {lang(v.vorige_vergadering)}"
        # A fixed item the meeting covers with its own besluit or discussion appears once,
        # in the fixed item's place (the jaarvergadering's jaarverslag and jaarrekening).
        dekkend = next((p for p in punten if _onderwerp_sleutels(vast.onderwerp) & p["dekt"]), None)
        if dekkend is not None and _inhoudelijk(vast.onderwerp):
            if dekkend not in agendapunten:
                agendapunten.append(dekkend)
            continue
        agendapunten.append({"titel": titel, "regels": []})
    agendapunten += [p for p in punten if p not in agendapunten]
    agendapunten += [{"titel": p.onderwerp, "regels": []} for p in eind]
    for nummer, punt in enumerate(agendapunten, 1):
        punt["nummer"] = nummer
        punt.pop("dekt", None)
    leden = [lid.naam for lid in _leden(bezetting, v.orgaan, v.datum)]
    # To whom, as facts; the templates word it (templates/_teksten.j2).
    aan: dict[str, Any] = {"orgaan": orgaan.de_naam, "leden": leden}
    if v.uitgenodigd:
        aan = {
            "partijen": [] if "alle" in v.uitgenodigd else [c.partij[p].naam for p in v.uitgenodigd]
        }
    # Input asked from the parties (5.2): on a date, or with this agenda.
    inbreng: dict[str, Any] = {}
    if orgaan.inbreng_vooraf:
        inbreng = {"gevraagd_op": v.inbreng_gevraagd_op} if v.inbreng_gevraagd_op else {"nu": True}
    return {
        **_basis(c, orgaan),
        **document_kop(
            "agenda",
            v.datum,
            v.orgaan,
            _voorbeeld(bezetting) if leden and not v.uitgenodigd else [],
            documentdatum=datum or dt.date.today(),
        ),
        "vergadering": _data(v),
        "agendapunten": agendapunten,
        "aan": aan,
        "inbreng": inbreng,
        # whether the agenda asks an absent party for written input (5.6, 7.1)
        "slot": bool(orgaan.inbreng_vooraf or v.orgaan == "partneroverleg"),
    }


def _geplande_punten(
    c: Convenant, orgaan: Orgaan, bestand: Bestand[Any], agendapunten: Sequence[Punt]
) -> list[dict[str, Any]]:
    """The items of a draft agenda, as the templates word them: the purpose in words, the
    attached documents by name. No casuïstiek where the orgaan may not discuss it (4.7, 6.9e)."""
    verbod = next((x for x in orgaan.verboden_onderwerpen if x.onderwerp == "casuistiek"), None)
    uit: list[dict[str, Any]] = []
    for i, p in enumerate(agendapunten):
        doel: dict[str, Any] = {"bespreking": True}
        if p.doel == "informatie":
            doel = {"informatie": True}
        elif p.doel == "besluitvorming" and p.soort is not None:
            soort = c.soort[p.soort]
            if verbod and soort.categorie == "casuistiek":
                raise Geweigerd(
                    bestand.bron.melding(
                        ("vergaderingen", "agendapunten", i),
                        f"agendapunt {i + 1} ({p.onderwerp}) is casuïstiek; in "
                        f"{orgaan.de_naam} wordt geen casuïstiek besproken "
                        f"({', '.join(weergave(a) for a in verbod.artikelen)})",
                        "haal het punt van de agenda; bespreek de casus in het Casusoverleg",
                    )
                )
            doel = {**_doel(c, orgaan, soort), "omschrijving": soort.omschrijving}
        uit.append(
            {
                "titel": p.onderwerp,
                "doel": doel,
                "regels": [p.toelichting] if p.toelichting else [],
                "stukken": [s.naam for s in p.stukken],
                "dekt": _onderwerp_sleutels(p.onderwerp, c.soort[p.soort].naam if p.soort else ""),
            }
        )
    return uit


# Words that name the subject of an agenda item; "van", "de" and the like say nothing.
_ONDERWERPWOORDEN = ("jaarverslag", "jaarrekening", "jaarplan", "begroting", "werkproces")


def _onderwerp_sleutels(*teksten: str) -> set[str]:
    laag = " ".join(teksten).lower()
    return {w for w in _ONDERWERPWOORDEN if w in laag}


def _inhoudelijk(onderwerp: str) -> bool:
    """A fixed item about a document to adopt or discuss, not a formality like the opening."""
    return bool(_onderwerp_sleutels(onderwerp))


def _doel(c: Convenant, orgaan: Orgaan, soort: Any) -> dict[str, str]:
    """Why an item is on the agenda: to decide here, or to prepare the decision of the body
    that has the final say (5.7, 25.3); the templates word it."""
    if soort.voorbehouden_aan and orgaan.id not in soort.bevoegd:
        wie = (
            c.orgaan[soort.voorbehouden_aan].de_naam
            if soort.voorbehouden_aan in c.orgaan
            else soort.voorbehouden_aan
        )
        return {"voorbereiding_door": wie}
    if soort.bevoegd and orgaan.id not in soort.bevoegd:
        return {"voorbereiding_door": opsomming(c.orgaan[o].de_naam for o in soort.bevoegd)}
    return {}


def besluitenlijst(
    c: Convenant,
    bezetting: Bezetting | None,
    bestand: Bestand[Vergadering],
    *,
    met_toetsing: bool = False,
    keuze: Lezingkeuze = STANDAARD,
    register: Path | None = None,
    **_: Any,
) -> dict[str, Any]:
    v = bestand.model
    orgaan = c.orgaan[v.orgaan]
    _agendabaar(orgaan, "besluitenlijst")
    b = beeld(c, bestand, bezetting, register)  # dossiers from the same register as toets
    besluiten = {x.id: x for x in v.besluiten}
    gehoord = _gehoord(b)
    # The appendix says where another reading would change an outcome, so it needs the
    # verdicts under the other readings; without it the plain verdicts do.
    oordelen = gevoeligheid(b, keuze) if met_toetsing else toets(b, keuze)
    lijst: list[dict[str, Any]] = [
        {
            "nummer": o.id,
            "onderwerp": o.onderwerp,
            "tekst": besluiten[o.id].tekst or "",
            "uitkomst": _uitkomst(c, o, besluiten[o.id], gehoord),
            "stemming": _stemming(c, o),
        }
        for o in oordelen
    ]
    toetsing = _toetsing(c, oordelen, [x["uitkomst"] for x in lijst]) if met_toetsing else None
    volgorde = {p.id: i for i, p in enumerate(c.partijen)}
    voorzitter = {
        lid.id for lid in _leden(bezetting, v.orgaan, v.datum) if lid.functie == "voorzitter"
    }

    def plaats(zetel: str) -> tuple[int, int, str]:
        z = b.zetels[zetel]
        partij = z.eigen_partij or (z.partijen[0] if z.partijen else None)
        return (zetel not in voorzitter, volgorde.get(partij or "", len(volgorde)), z.naam)

    # who was there and how an absent one took part, as facts: templates/_teksten.j2 words them
    aanwezig = [
        {"naam": b.zetels[z].naam, "voorzitter": z in voorzitter}
        for z in sorted(b.aanwezig, key=plaats)
    ]
    afwezig = [
        {"naam": b.zetels[z].naam, "inbreng": bool(b.afwezig[z])}
        for z in sorted(b.afwezig, key=plaats)
    ]
    return {
        **_basis(c, orgaan),
        **document_kop("besluitenlijst", v.datum, v.orgaan, _voorbeeld(bezetting)),
        "vergadering": _data(v),
        "aanwezig": aanwezig,
        "afwezig": afwezig,
        "besluiten": lijst,
        "toetsing": toetsing["besluiten"] if toetsing else [],
        "toetsing_vergadering": toetsing["vergadering"] if toetsing else [],
        "toetsing_lezingen": toetsing["lezingen"] if toetsing else {},
        "verzending": _verzending(
            c, orgaan, "besluitenlijst", v.datum, v.volgende_vergadering, oordelen
        ),
        "vastgesteld_op": (
            vastgesteld_op := _vastgesteld_op(c, bezetting, register, bestand, keuze)
        ),
        # sent after the meeting as a concept until a later meeting adopts it (5.8, 7.5)
        "concept_lijst": vastgesteld_op is None,
    }


def _andere_lezingen(c: Convenant, alternatieven: list[Alternatief]) -> list[dict[str, str]]:
    """Where a reading decides: what each other reading would make of the besluit."""
    return [
        {
            "uitspraak": a.uitspraak.rstrip("."),
            "uitkomst": kort_oordeel(c, a.oordeel, a.escaleren_naar),
        }
        for a in alternatieven
    ]


def _toetsing(
    c: Convenant, oordelen: list[Oordeel], uitkomsten: list[dict[str, Any]]
) -> dict[str, Any]:
    """The appendix of `--met-toetsing`: per besluit its grounds in a reader's words, the
    deciding one marked, and a reading named only where another would change the outcome.
    Grounds of the meeting itself (openness, quorum, input asked) are listed once."""

    def noten(o: Oordeel) -> dict[int, dict[str, Any]]:
        """Per ground, the note on the readings it rests on (templates/_teksten.j2,
        `lezing_noot`): what another reading would decide, or which one the Stuurgroep
        settled."""
        per_aanname: dict[str, list[Alternatief]] = {}
        for a in o.alternatieven or ():
            per_aanname.setdefault(a.aanname, []).append(a)
        uit: dict[int, dict[str, Any]] = {}
        for aanname, alternatieven in per_aanname.items():
            dragers = [i for i, g in enumerate(o.gronden) if g.aanname == aanname]
            if not dragers:  # consulted by a rule that states no ground of its own
                dragers = [next(i for i, g in enumerate(o.gronden) if g.beslissend)]
            i = next((i for i in dragers if o.gronden[i].beslissend), dragers[-1])
            if o.gronden[i].vastgesteld is None:
                noot = uit.setdefault(i, {"anders": [], "vastgesteld": {}})
                noot["anders"].append(_andere_lezingen(c, alternatieven))
        for i, g in enumerate(o.gronden):
            if g.vastgesteld is not None and i not in uit:
                v = g.vastgesteld
                uit[i] = {"anders": [], "vastgesteld": {"datum": v.datum, "besluit": v.besluit}}
        return uit

    alle_noten = [noten(o) for o in oordelen]

    def sleutel(g: Grond) -> tuple[str, str]:
        return (g.artikel, g.uitleg)

    gemeen: list[Grond] = []
    if len(oordelen) > 1:
        gedeeld = set.intersection(
            *(
                {sleutel(g) for i, g in enumerate(o.gronden) if not g.beslissend and i not in n}
                for o, n in zip(oordelen, alle_noten, strict=True)
            )
        )
        gemeen = [g for g in oordelen[0].gronden if sleutel(g) in gedeeld]
    weg = {sleutel(g) for g in gemeen}

    def grond(g: Grond, noot: dict[str, Any] | None = None) -> dict[str, Any]:
        return {
            "artikel": g.artikel,
            "uitleg": _lezer(g.uitleg),
            "beslissend": g.beslissend,
            "lezing": noot or {},
        }

    per_besluit = [
        {
            "nummer": nummer,
            "onderwerp": o.onderwerp,
            "besluitnummer": o.id,
            "uitkomst": uitkomst,
            "gronden": [
                grond(g, n.get(i)) for i, g in enumerate(o.gronden) if sleutel(g) not in weg
            ],
        }
        for nummer, (o, n, uitkomst) in enumerate(
            zip(oordelen, alle_noten, uitkomsten, strict=True), 1
        )
    ]
    # whether the test rests on readings at all, and whether one would change an outcome
    lezingen = {
        "gelezen": any(g.aanname for o in oordelen for g in o.gronden),
        "beslist": any(n for n in alle_noten),
    }
    return {
        "besluiten": per_besluit,
        "vergadering": [grond(g) for g in gemeen],
        "lezingen": lezingen,
    }


def _stemming(c: Convenant, o: Oordeel) -> dict[str, Any]:
    """How the besluit was taken, as facts: the votes, the objections, or neither (consensus);
    templates/_teksten.j2 words it."""
    if o.stemmen:
        return {
            "voor": o.stemmen.voor,
            "tegen": o.stemmen.tegen,
            "onthouding": o.stemmen.onthouding,
        }
    if o.bezwaren:
        return {"bezwaren": [c.partij[p].naam for p in o.bezwaren]}
    return {}


def _vastgesteld_op(
    c: Convenant,
    bezetting: Bezetting | None,
    register: Path | None,
    bestand: Bestand[Vergadering],
    keuze: Lezingkeuze,
) -> dt.date | None:
    """The date of the meeting that adopted this meeting's lists: a later meeting of the same
    orgaan in the register whose besluit of the soort verslag_vaststellen names this date
    (`stelt_vast`) and was adopted; judged as the workplace judges it (rules.vaststelling).
    The older `vorige_vastgesteld` is still read there, as deprecated."""
    from governance.bestanden import vergaderbestanden
    from rules.jaaroverzicht import Gehouden
    from rules.vaststelling import vaststelling

    from ..register import Register

    v = bestand.model
    if register is None:
        return None
    gehouden = [Gehouden(bestand.bron.pad.name, v, ())]
    for pad in vergaderbestanden(register):
        if pad.resolve() == bestand.bron.pad.resolve():
            continue
        try:
            ander = Register.vergadering_uit(pad)
            if ander.model.orgaan != v.orgaan or ander.model.datum <= v.datum:
                continue
            # only a meeting that names this one is judged, for whether its besluit passed
            oordelen = (
                tuple(toets(beeld(c, ander, bezetting, register), keuze))
                if any(b.stelt_vast == v.datum for b in ander.model.besluiten)
                else ()
            )
        except ConvenantFout:  # a broken file is toets's to report, not this list's
            continue
        gehouden.append(Gehouden(pad.name, ander.model, oordelen))
    return vaststelling(gehouden, bestand.bron.pad.name).datum


def _eerder_open(register: Path | None, bestand: Bestand[Vergadering]) -> list[tuple[dt.date, Any]]:
    """Actiepunten of earlier meetings of the same orgaan that are still open at this meeting:
    the last meeting (up to this one) that names an id gives its status. A list of 12 mei shows
    what 10 februari left open, as a running actiepuntenlijst does."""
    from governance.bestanden import vergaderbestanden

    from ..register import Register

    v = bestand.model
    if register is None:
        return []
    laatst: dict[str, tuple[dt.date, Any]] = {}
    eerste: dict[str, dt.date] = {}
    vergaderingen = []
    for pad in vergaderbestanden(register):
        if pad.resolve() == bestand.bron.pad.resolve():
            continue
        try:
            ander = Register.vergadering_uit(pad).model
        except ConvenantFout:  # a broken file is toets's to report, not this list's
            continue
        if ander.orgaan == v.orgaan and ander.datum < v.datum:
            vergaderingen.append(ander)
    for ander in sorted(vergaderingen, key=lambda x: x.datum):
        for a in ander.actiepunten:
            eerste.setdefault(a.id, ander.datum)
            laatst[a.id] = (ander.datum, a)
    hier = {a.id for a in v.actiepunten}
    return [(eerste[i], a) for i, (_, a) in laatst.items() if a.status == "open" and i not in hier]


def actiepuntenlijst(
    c: Convenant,
    bezetting: Bezetting | None,
    bestand: Bestand[Vergadering],
    *,
    register: Path | None = None,
    **_: Any,
) -> dict[str, Any]:
    v = bestand.model
    orgaan = c.orgaan[v.orgaan]
    if not any(
        "actiepuntenlijst" in x.documenten
        for x in verzendplichten(c, orgaan.id, v.datum, v.volgende_vergadering)
    ):
        raise PastNiet(
            f"voor {orgaan.de_naam} schrijft het convenant geen actiepuntenlijst voor (5.8, 7.5)"
        )
    namen = (
        {lid.id: lid.naam for lid in _leden(bezetting, v.orgaan, v.datum)}
        | {p.id: p.naam for p in c.partijen}
        | {r.id: r.naam for r in c.rollen}
    )
    punten = [{**_data(a), "wie_naam": namen.get(a.wie, a.wie)} for a in v.actiepunten]
    eerder = [
        {**_data(a), "wie_naam": namen.get(a.wie, a.wie), "sinds": datum}
        for datum, a in _eerder_open(register, bestand)
    ]
    return {
        **_basis(c, orgaan),
        **document_kop("actiepuntenlijst", v.datum, v.orgaan, _voorbeeld(bezetting)),
        "vergadering": _data(v),
        "actiepunten": punten,
        "open": sum(1 for a in v.actiepunten if a.status == "open"),
        "eerder_open": eerder,
        "verzending": _verzending(c, orgaan, "actiepuntenlijst", v.datum, v.volgende_vergadering),
    }
