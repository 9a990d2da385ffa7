"""Verzending: what a meeting's documents still await, what was sent, and the form to record a
sending (which documents, to whom, on which date, by whom) without touching YAML.

The sending lands in the meeting file's `verzonden:` list through `governance.verzendingen`
(atomic, history kept, refused after someone else's save), so the year overview, the calendar
and `convenant jaaroverzicht` close the duty from the same line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from governance.datums import ontleed_datum
from governance.models import Convenant
from governance.vergadering import Vergadering, Verzending
from rules.jaaroverzicht import Gehouden
from rules.vaststelling import Vaststelling, vaststelling
from rules.verzending import verzendplichten, verzonden_op

from .werkplek import Werkplek, beoordeel

DOCUMENTEN = {
    "agenda": "Agenda",
    "notulen": "Notulen",
    "besluitenlijst": "Besluitenlijst",
    "actiepuntenlijst": "Actiepuntenlijst",
    "jaarplan": "Jaarplan",
    "werkproces": "Werkproces",
}
WIJZEN = {
    "e-mail": "per e-mail",
    "post": "per post",
    "overhandigd": "overhandigd",
    "digitaal": "digitaal (portaal of map)",
}


_STUK = {"besluiten": "De besluiten", "relevante_besluiten": "De relevante besluiten"}
# The besluiten of a meeting go out as its besluitenlijst (rules.verzending.dekt).
_IN_FORMULIER = {"besluiten": "besluitenlijst", "relevante_besluiten": "besluitenlijst"}


def ontvangernamen(c: Convenant, in_zin: bool = False) -> dict[str, str]:
    """Every recipient a sending may name, by the name a reader knows; `in_zin`: an orgaan as
    it reads inside a sentence (aan de twaalf colleges, aan het Partneroverleg), the name the
    documents' 'Verzonden aan' uses, rather than its title."""
    namen = {"partijen": "alle Partijen"}
    namen |= {o.id: o.de_naam if in_zin else o.naam for o in c.organen}
    namen |= {r.id: r.naam for r in c.rollen}
    namen |= {p.id: p.naam for p in c.partijen}
    return namen


@dataclass
class VerzendInvoer:
    documenten: list[str] = field(default_factory=list)
    aan: list[str] = field(default_factory=list)
    op: str = ""
    door: str = ""
    wijze: str = ""
    schriftelijk: bool = True
    fouten: dict[str, str] = field(default_factory=dict)  # field → message, shown beside it


def _voorstel(
    c: Convenant, v: Vergadering, vandaag: dt.date, open_: list[Openstaand]
) -> VerzendInvoer:
    """What the form proposes: the first sending still open after this meeting (so that once
    the lists went to the Partijen, the besluiten to the colleges come next, 5.9). With
    nothing open it proposes nothing: a ticked usual sending would invite recording one twice."""
    op = max(vandaag, v.datum).isoformat()
    if not open_:
        return VerzendInvoer(op=op, schriftelijk=False)
    return VerzendInvoer(
        documenten=[d for d in open_[0].documenten if d in DOCUMENTEN],
        aan=list(open_[0].aan),
        op=op,
        schriftelijk=True,
    )


def context(
    w: Werkplek, naam: str, v: Vergadering, invoer: VerzendInvoer | None = None
) -> dict[str, Any]:
    """What the meeting page shows about sending: open duties, sent lines, the form."""
    c = w.convenant
    gehouden, _ = beoordeel(w)
    status: Vaststelling = vaststelling(gehouden, naam)
    from .planning import geplande_vergaderingen

    gepland = [x.datum for x in geplande_vergaderingen(w) if x.orgaan == v.orgaan]
    open_ = nog_te_verzenden(c, gehouden, naam, v, gepland)
    namen = ontvangernamen(c)
    vaste = [
        "partijen",
        *dict.fromkeys(a for r in c.orgaan[v.orgaan].verslaglegging for a in r.aan),
    ]
    vaste += [
        o.id
        for o in c.organen
        if o.id not in vaste and o.id in ("stuurgroep", "partneroverleg", "colleges")
    ]
    return {
        "verzending": {
            "open": open_,
            "status": status,
            "invoer": invoer or _voorstel(c, v, w.vandaag(), open_),
            "documenten": DOCUMENTEN,
            "wijzen": WIJZEN,
            "namen": namen,
            "vaste": list(dict.fromkeys(vaste)),
            "partijen": [p for p in c.partijen if p.in_kracht_op(v.datum)],
        },
        "vandaag": w.vandaag(),
    }


@dataclass(frozen=True)
class Openstaand:
    omschrijving: str
    artikel: str
    uiterlijk: dt.date | None  # the last day (the eve of the next meeting); None: not planned
    # what a sending that closes it holds: the form's documents and recipients
    documenten: tuple[str, ...] = ()
    aan: tuple[str, ...] = ()
    schriftelijk: bool = False
    # the aanname the last day rests on (5.9 sets no term: informeren_gemeenten_termijn)
    aanname: str | None = None


def nog_te_verzenden(
    c: Convenant,
    gehouden: list[Gehouden],
    naam: str,
    v: Vergadering,
    gepland: Iterable[dt.date] = (),
) -> list[Openstaand]:
    """Each document of the orgaan's reporting duties (rules.verzending, the one source of the
    besluitenlijst's 'Verzonden aan', the calendar and the year overview) that no recorded
    sending covers yet. `gepland`: the orgaan's planned meetings (planning.yaml), of which the
    first after this one is the next meeting until one is recorded, as on the overview and
    the calendar."""
    g = next((g for g in gehouden if g.naam == naam), None)
    later = sorted(
        [
            *(
                x.vergadering.datum
                for x in gehouden
                if x.vergadering.orgaan == v.orgaan and x.vergadering.datum > v.datum
            ),
            *(d for d in gepland if d > v.datum),
        ]
    )
    volgende = later[0] if later else v.volgende_vergadering
    namen = ontvangernamen(c, in_zin=True)
    uit = []
    for plicht in verzendplichten(c, v.orgaan, v.datum, volgende, g.oordelen if g else ()):
        if plicht.termijn.moment not in ("voor_volgende_vergadering", "niet_bepaald"):
            continue  # the Jaarplan's four weeks: on the overview, with the Jaarplan
        per_wie: dict[tuple[str, ...], list[str]] = {}
        for document in plicht.documenten:
            ids = tuple(
                a
                for a in plicht.aan
                if verzonden_op(c, v, document, a, plicht.schriftelijk) is None
            )
            if ids:
                per_wie.setdefault(ids, []).append(document)
        for ids, documenten in per_wie.items():
            wie = tuple(namen.get(a, a) for a in ids)
            stukken = [DOCUMENTEN.get(d) or _STUK.get(d, d) for d in documenten]
            stukken = [stukken[0], *(s.lower() for s in stukken[1:])]
            tekst = (
                stukken[0] if len(stukken) == 1 else ", ".join(stukken[:-1]) + " en " + stukken[-1]
            )
            uit.append(
                Openstaand(
                    f"{tekst} aan {' en '.join(wie) if len(wie) < 3 else ', '.join(wie)}"
                    + (" (schriftelijk)" if plicht.schriftelijk else ""),
                    ", ".join(plicht.artikelen),
                    plicht.uiterlijk,
                    tuple(dict.fromkeys(_IN_FORMULIER.get(d, d) for d in documenten)),
                    ids,
                    plicht.schriftelijk,
                    plicht.aanname,
                )
            )
    return uit


def invoer_uit_formulier(f: dict[str, list[str]]) -> VerzendInvoer:
    def een(naam: str) -> str:
        return (f.get(naam) or [""])[0].strip()

    return VerzendInvoer(
        documenten=[d for d in f.get("documenten", []) if d],
        aan=[a for a in f.get("aan", []) if a],
        op=een("op"),
        door=een("door"),
        wijze=een("wijze"),
        schriftelijk=bool(f.get("schriftelijk")),
    )


def verzending_uit(invoer: VerzendInvoer, c: Convenant, v: Vergadering) -> Verzending | None:
    namen = ontvangernamen(c)
    fouten = invoer.fouten
    if not invoer.documenten:
        fouten["documenten"] = "Kies welk document u hebt verzonden."
    elif onbekend := [d for d in invoer.documenten if d not in DOCUMENTEN]:
        fouten["documenten"] = f"Onbekend document: {', '.join(onbekend)}."
    if not invoer.aan:
        fouten["aan"] = "Kies aan wie u het hebt verzonden."
    elif onbekend := [a for a in invoer.aan if a not in namen]:
        fouten["aan"] = f"Onbekende ontvanger: {', '.join(onbekend)}."
    datum: dt.date | None = None
    if not invoer.op:
        fouten["op"] = "Vul de datum van verzending in."
    else:
        try:
            datum = ontleed_datum(invoer.op)
        except ValueError as e:
            fouten["op"] = f"Datum van verzending: {e}."
    if datum is not None and datum < v.datum and invoer.documenten != ["agenda"]:
        fouten["op"] = (
            "Datum van verzending ligt vóór de vergadering; alleen de agenda gaat vóór de "
            "vergadering uit."
        )
    if invoer.wijze and invoer.wijze not in WIJZEN:
        fouten["wijze"] = "Kies hoe het is verzonden."
    if fouten or datum is None:
        return None
    try:
        return Verzending.model_validate(
            {
                "documenten": invoer.documenten,
                "aan": invoer.aan,
                "op": datum,
                "schriftelijk": invoer.schriftelijk,
                **({"door": invoer.door} if invoer.door else {}),
                **({"wijze": invoer.wijze} if invoer.wijze else {}),
            }
        )
    except ValidationError as e:  # the form offers only valid choices; a crafted post lands here
        veld = {"documenten": "documenten", "aan": "aan", "op": "op", "door": "door"}
        for fout in e.errors():
            plek = str(fout["loc"][0]) if fout["loc"] else "documenten"
            fouten[veld.get(plek, "documenten")] = "Deze waarde kan niet worden vastgelegd."
        return None
