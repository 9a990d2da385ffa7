"""A party's exit: its opzegging (25.2, 23.3) and the exit overview."""

from __future__ import annotations

import datetime as dt
from typing import Any

from governance.artikelen import weergave
from governance.begroting import Begroting
from governance.documenten import Opzegging
from governance.errors import (
    InvoerFout,
)
from governance.geld import bedrag
from governance.loader import Bestand
from governance.models import (
    Bezetting,
    Convenant,
    Verdeelsleutel,
)
from rules.lezingen import STANDAARD, Lezer, Lezingkeuze
from rules.oordeel import Grond
from rules.uittreding import Uittreding, ingang_opzegging

from .gemeen import (
    _basis,
    _data,
    _lezer,
    _voorbeeld,
    _voorbeeld_kosten,
    document_kop,
)
from .liquidatie import _verdeling, _volgt, liquidatie_feiten
from .opmaak import _klein


def opzegging(
    c: Convenant,
    bezetting: Bezetting | None,
    bestand: Bestand[Opzegging],
    keuze: Lezingkeuze = STANDAARD,
    **_: Any,
) -> dict[str, Any]:
    o = bestand.model
    partij = c.partij[o.partij]
    if not partij.is_partij:
        raise InvoerFout(
            [
                bestand.bron.melding(
                    ("partij",),
                    f"'{o.partij}' is geen Partij en kan niet opzeggen (aanname vrd_geen_partij)",
                    "noem een Partij",
                )
            ]
        )
    context: dict[str, Any] = {
        **_basis(c, c.orgaan["stuurgroep"]),
        # A letter names nobody from the bezetting, but made in the example register it is an
        # example all the same: its sender and signatory are made up.
        **document_kop(
            "opzegging",
            o.datum,
            voorbeeld=["brief"] if bezetting is not None and bezetting.voorbeeld else [],
        ),
        "kenmerk_voorvoegsel": (partij.kort or partij.id).upper().replace(" ", ""),
        "eigen_briefhoofd": True,
        "auteur": partij.naam,
        "opzegging": _data(o, "wijziging"),
        "partij": {"naam": partij.naam, "soort": partij.soort},
        # Always the function under the name: the name may be a placeholder that mentions it.
        "ondertekenaar_partij": {"naam": o.ondertekenaar.naam, "functie": o.ondertekenaar.functie},
    }
    if o.route == "opzegtermijn":
        lees = Lezer(c, keuze)
        context["ingang"] = ingang_opzegging(o.datum, lees)
        context["termijn_vanaf"] = _vanaf_in_brief(c, lees("ingang_opzegtermijn"))
    elif o.ingang_wijziging is not None:
        context["ingang"] = o.ingang_wijziging
    else:
        raise InvoerFout(
            [
                bestand.bron.melding(
                    ("route",),
                    "een opzegging wegens een wijziging (23.3) gaat in wanneer de wijziging van kracht wordt, maar 'ingang_wijziging' ontbreekt",
                    "vul 'ingang_wijziging' in",
                )
            ]
        )
    procedure = {p.id: p for p in c.procedures}
    context["tijdens"] = _tot_de_uittreding(
        partij.soort == "gemeente",
        context["ingang"],
        "23.3" if o.route != "opzegtermijn" else "25.2",
    )
    context["blijft"] = [_bepaling(b) for b in procedure["nawerking"].bepalingen]
    return context


def _tot_de_uittreding(gemeente: bool, ingang: dt.date, tot: str) -> list[dict[str, Any]]:
    """What the leaving party still owes until its exit, as facts the letter words in its own
    voice (templates/_teksten.j2, `tot_de_uittreding`): it stays a Partij until then (25.2, or
    23.3 on that route); a gemeente keeps paying its annual contribution (20.3), through the
    year before an exit on 1 January. What it owes over the year of the exit no article says
    (bijdrage_jaar_van_uittreding): the letter neither answers nor explains that to the
    Stuurgroep; the secretariat's exit overview names the open point."""
    uit: list[dict[str, Any]] = [{"wat": "partij", "artikelen": [tot], "lezing": False}]
    if gemeente:
        uit.append(
            {
                "wat": "bijdrage",
                "tot_en_met": ingang.year - 1 if (ingang.month, ingang.day) == (1, 1) else None,
                "artikelen": ["20.3"],
                "lezing": False,
            }
        )
    return uit


def _vanaf_in_brief(c: Convenant, lezing: str | None) -> dict[str, str]:
    """From which day the twelve months run, as the letter states it (the reading followed,
    not the convenant's silence: that is for the secretariat's overview)."""
    if lezing in ("dag_van_opzegging", "dag_na_opzegging"):
        return {"lezing": lezing}
    gekozen = c.betwist["ingang_opzegtermijn"].lezing(lezing) if lezing else None
    return {"uitspraak": gekozen.uitspraak if gekozen else ""}


def _termijn_vanaf(c: Convenant, keuze: Lezingkeuze, lezing: str | None) -> dict[str, Any]:
    """From which day the twelve months run (25.2 is silent), as facts for
    templates/_teksten.j2 (`termijn_vanaf`): the reading followed and who settled it (the
    Stuurgroep by a besluit, or else the document)."""
    bevinding = c.betwist["ingang_opzegtermijn"]
    gekozen = bevinding.lezing(lezing) if lezing else None
    return {
        "lezing": lezing or "",
        "uitspraak": gekozen.uitspraak if gekozen else bevinding.aanname,
        "volgt": _volgt(c, keuze, "ingang_opzegtermijn"),
    }


def _bepaling(b: Any) -> dict[str, Any]:
    """A rule of a procedure for a letter: its sentence and articles; a reading it rests on
    becomes a plain remark, never an engine id."""
    return {
        "omschrijving": b.omschrijving,
        "artikelen": list(b.artikelen),
        "lezing": b.aanname is not None,
    }


def uittredingsoverzicht(
    c: Convenant,
    bezetting: Bezetting | None,
    bestand: Bestand[Opzegging],
    *,
    verdeelsleutel: Verdeelsleutel | None = None,
    begroting: Begroting | None = None,
    uittreder_deelt: bool | None = None,
    keuze: Lezingkeuze = STANDAARD,
    **_: Any,
) -> dict[str, Any]:
    """The exit overview from an opzeggingsbestand."""
    from rules.uittreding import simuleer

    o = bestand.model
    u = simuleer(c, bezetting, o.partij, o.route, o.datum, o.ingang_wijziging, keuze=keuze)
    return uittreding_context(
        c, bezetting, u, o.datum, verdeelsleutel, begroting, uittreder_deelt, keuze
    )


def uittreding_context(
    c: Convenant,
    bezetting: Bezetting | None,
    u: Uittreding,
    datum: dt.date | None,
    verdeelsleutel: Verdeelsleutel | None = None,
    begroting: Begroting | None = None,
    uittreder_deelt: bool | None = None,
    keuze: Lezingkeuze = STANDAARD,
) -> dict[str, Any]:
    """What `simuleer uittreding` shows, as a document: the timeline, what continues, the seats
    that fall away and, with a budget and a key, what the exit costs each gemeente."""
    from rules.liquidatie import liquideer

    partij = c.partij[u.partij]
    kosten: dict[str, Any] = {}
    voorbeeld = _voorbeeld(bezetting) if u.zetels else []
    if begroting is not None and verdeelsleutel is not None:
        gemeente = u.partij if partij.soort == "gemeente" else None
        liquidatie = liquideer(
            c, begroting, verdeelsleutel, "uittreding", (), gemeente, uittreder_deelt, keuze
        )
        # 25.6's plan and budget are said under Gevolgen; here only where the amounts come
        # from (worded by templates/_teksten.j2, `herkomst_bedragen`).
        inleiding = {
            "begroting": begroting.naam,
            "totaal": bedrag(liquidatie.totaal),
            "sleutel": verdeelsleutel.naam,
            "basis": verdeelsleutel.basis,
        }
        kosten = {
            "begroting": begroting.naam,
            "totaal": liquidatie.totaal,
            "sleutel": verdeelsleutel.naam,
            "inleiding": inleiding,
            **_verdeling(c, liquidatie),
            # rounding, seconded staff and the readings: worded by templates/_teksten.j2
            "feiten": liquidatie_feiten(c, liquidatie, begroting, keuze, gemeente),
        }
        voorbeeld += _voorbeeld_kosten(begroting, verdeelsleutel)
    # what the overview answers, worded by templates/_teksten.j2 (`aanleiding_uittreding`)
    aanleiding = {"route": u.route, "datum": datum}
    documentdatum = datum or (u.tijdlijn[0].datum if u.tijdlijn else dt.date.today())

    def grond(g: Grond, naam: bool = False) -> dict[str, Any]:
        # Where a ground rests on a reading, the open point in the convenant's own terms.
        bevinding = c.bevinding.get(g.aanname) if g.aanname else None
        # convenant.yaml says it of any party; the overview is about this one
        uitleg = g.uitleg.replace("de Partij", partij.naam, 1) if naam else g.uitleg
        return {
            "artikel": g.artikel,
            "uitleg": _lezer(uitleg).rstrip("."),
            "lezing": _klein(bevinding.omschrijving).rstrip(".") if bevinding else "",
        }

    tijdlijn: list[dict[str, Any]] = [
        {
            "datum": g.datum,
            "wat": _lezer(g.wat),
            "artikel": weergave(g.artikel.split(", ")[0]),
            "brief": False,
        }
        for g in u.tijdlijn
    ]
    ontvangst: dict[str, Any] = {}
    if u.route == "opzegtermijn" and datum is not None and u.geldig:
        # As the opzegging itself: the date holds if the letter arrives on the day it is dated.
        lezing = Lezer(c, keuze)("ingang_opzegtermijn")
        ontvangst = {
            "termijn": _termijn_vanaf(c, keuze, lezing),
            "datum": datum,
        }
        if tijdlijn and tijdlijn[0]["datum"] == datum:
            tijdlijn[0]["brief"] = True  # the template says the date is taken as received

    return {
        **_basis(c, c.orgaan["stuurgroep"]),
        **document_kop("uittredingsoverzicht", documentdatum, voorbeeld=voorbeeld),
        "partij": {"naam": partij.naam},
        "wat": "uitsluiting" if u.route == "uitsluiting" else "uittreding",
        "aanleiding": aanleiding,
        "ingang": u.ingang if u.geldig else None,
        "ontvangst": ontvangst,
        "tijdlijn": tijdlijn,
        "tijdens": [grond(g, naam=True) for g in u.tijdens],
        "blijft": [grond(g) for g in u.blijft],
        "zetels": [
            {"orgaan": c.orgaan[z.orgaan].naam, "naam": z.naam, "gevolg": z.gevolg}
            for z in u.zetels
        ],
        "gevolgen": [grond(g) for g in u.gronden],
        "partijen_daarna": [c.partij[p].naam for p in u.partijen_daarna],
        "kosten": kosten,
    }
