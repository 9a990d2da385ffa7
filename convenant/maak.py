"""Documents ready to send: the context of each document, and rendering it with Jinja.

A context holds the input as it was given, with no empty values: a field the input lacks is
simply absent, so a template that needs it stops with StrictUndefined, and `render` turns that
into a message naming the field and the input file. A document never has a blank where a
fact should be. jinja2 is imported here only, so other commands never load it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

import jinja2
import jinja2.exceptions
import jinja2.sandbox
from pydantic import BaseModel

from governance.artikelen import weergave
from governance.begroting import Begroting
from governance.datums import lang, plus_maanden, plus_weken
from governance.documenten import Addendum, Opzegging, ToetredingsVerzoek
from governance.errors import EXIT_NIET_GELDIG, ConvenantFout, GebruiksFout, InvoerFout, Melding
from governance.geld import bedrag
from governance.loader import Bestand, gebundeld
from governance.models import Bezetting, Convenant, Lid, Orgaan, Verdeelsleutel
from governance.vergadering import Vergadering
from governance.zetels import beeld
from rules.oordeel import Grond, Oordeel
from rules.toets import toets

SJABLONEN = gebundeld("templates")
FORMATEN = ("md", "html")
KENNISGEVING_WEKEN = 4  # aanname kennisgeving_toetreding_termijn: four weeks to agree (22.4)


class Geweigerd(ConvenantFout):
    """The document may not be made as asked (an agenda item the orgaan may not discuss)."""

    exit_code = EXIT_NIET_GELDIG


# --- filters ------------------------------------------------------------------------------------


def opsomming(items: Iterable[str]) -> str:
    """Dutch enumeration: a, b en c."""
    lijst = list(items)
    if len(lijst) <= 1:
        return "".join(lijst)
    return ", ".join(lijst[:-1]) + " en " + lijst[-1]


def _datum(waarde: dt.date) -> str:
    return lang(waarde)


def omgeving(formaat: str, eigen_sjablonen: Path | None = None) -> jinja2.Environment:
    laders: list[jinja2.BaseLoader] = [jinja2.FileSystemLoader(str(SJABLONEN))]
    if eigen_sjablonen is not None:
        if not eigen_sjablonen.is_dir():
            raise GebruiksFout(f"{eigen_sjablonen}: de sjablonenmap bestaat niet")
        laders.insert(0, jinja2.FileSystemLoader(str(eigen_sjablonen)))
    # A user's own templates are code from outside the project: they run sandboxed.
    klasse = jinja2.sandbox.SandboxedEnvironment if eigen_sjablonen else jinja2.Environment
    env = klasse(
        loader=jinja2.ChoiceLoader(laders),
        autoescape=formaat == "html",
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(datum=_datum, bedrag=bedrag, opsomming=opsomming, artikel=weergave)
    return env


_ONTBREKEND = re.compile(r"has no attribute '([^']+)'|'([^']+)' is undefined")


def render(
    soort: str,
    formaat: str,
    context: dict[str, Any],
    invoer: Path,
    eigen_sjablonen: Path | None = None,
) -> str:
    env = omgeving(formaat, eigen_sjablonen)
    naam = f"{soort}.{formaat}.j2"
    try:
        sjabloon = env.get_template(naam)
        return sjabloon.render(**context)
    except jinja2.UndefinedError as e:
        gevonden = _ONTBREKEND.search(str(e))
        veld = next((g for g in gevonden.groups() if g), str(e)) if gevonden else str(e)
        raise InvoerFout(
            [
                Melding(
                    str(invoer),
                    f"het document '{soort}' vraagt '{veld}', maar dat staat niet in dit bestand",
                    herstel=f"vul '{veld}' in en maak het document opnieuw",
                )
            ]
        ) from None
    except jinja2.TemplateNotFound:
        raise GebruiksFout(f"geen sjabloon '{naam}' gevonden") from None
    except jinja2.TemplateSyntaxError as e:
        raise GebruiksFout(
            f"{e.filename or naam}:{e.lineno}: fout in het sjabloon: {e.message}"
        ) from None
    except jinja2.exceptions.SecurityError as e:
        raise GebruiksFout(f"{naam}: het sjabloon doet iets wat niet mag: {e}") from None


# --- context ------------------------------------------------------------------------------------


def _data(model: BaseModel) -> dict[str, Any]:
    """The input without empty values, so that a template asking for one stops (StrictUndefined)."""
    return model.model_dump(exclude_none=True)


def _basis(c: Convenant, orgaan: Orgaan | None = None) -> dict[str, Any]:
    uit: dict[str, Any] = {"convenant": {"titel": c.convenant.titel, "kort": c.convenant.kort}}
    if orgaan is not None:
        openbaar = orgaan.openbaarheid
        uit["orgaan"] = {
            "id": orgaan.id,
            "naam": orgaan.naam,
            "de_naam": orgaan.de_naam,
            "niet_openbaar": bool(openbaar and not openbaar.openbaar),
            "openbaarheid_artikelen": openbaar.artikelen if openbaar else [],
        }
    return uit


def _leden(bezetting: Bezetting | None, orgaan: str, datum: dt.date) -> list[Lid]:
    periode = bezetting.op(datum) if bezetting else None
    if periode is None or orgaan not in periode.organen:
        return []
    return list(periode.organen[orgaan].leden)


def _functionaris(
    bezetting: Bezetting | None, orgaan: str, functie: str, datum: dt.date
) -> dict[str, str]:
    """The voorzitter or secretaris on a date, absent from the context if the bezetting has none."""
    lid = next((lid for lid in _leden(bezetting, orgaan, datum) if lid.functie == functie), None)
    return {"naam": lid.naam} if lid else {}


def _ontvangers(c: Convenant, ids: Iterable[str]) -> list[str]:
    return [
        "alle Partijen"
        if i == "partijen"
        else (c.orgaan[i].de_naam if i in c.orgaan else c.rol[i].naam)
        for i in ids
    ]


def _verzending(
    c: Convenant, orgaan: Orgaan, document: str, volgende: dt.date | None
) -> list[dict[str, Any]]:
    """Who must receive a list and by when (5.8, 5.9, 7.3, 7.5)."""
    regels = []
    for v in orgaan.verslaglegging:
        if document not in v.documenten and not (
            document == "besluitenlijst"
            and set(v.documenten) & {"besluiten", "relevante_besluiten"}
        ):
            continue
        if v.termijn.moment == "voor_volgende_vergadering":
            wanneer = (
                f"vóór de volgende vergadering, dus uiterlijk {lang(volgende - dt.timedelta(days=1))}"
                if volgende
                else "vóór de volgende vergadering"
            )
        elif v.termijn.aantal is not None:
            wanneer = f"binnen {v.termijn.aantal} {v.termijn.eenheid}"
        else:
            wanneer = "zonder vaste termijn; uiterlijk vóór de volgende vergadering (aanname informeren_gemeenten_termijn)"
        regels.append(
            {
                "aan": opsomming(_ontvangers(c, v.aan)),
                "wanneer": wanneer,
                "schriftelijk": v.schriftelijk,
                "artikelen": v.artikelen,
            }
        )
    return regels


def _agendabaar(orgaan: Orgaan, document: str) -> None:
    if not orgaan.vaste_agendapunten:
        raise GebruiksFout(
            f"een {document} maakt deze opdracht voor de Stuurgroep, het Partneroverleg en de jaarvergadering, niet voor {orgaan.de_naam}"
        )


def agenda(
    c: Convenant, bezetting: Bezetting | None, bestand: Bestand[Vergadering], **_: Any
) -> dict[str, Any]:
    v = bestand.model
    orgaan = c.orgaan[v.orgaan]
    _agendabaar(orgaan, "agenda")
    verbod = next((x for x in orgaan.verboden_onderwerpen if x.onderwerp == "casuistiek"), None)
    punten = []
    for i, besluit in enumerate(v.besluiten):
        soort = c.soort[besluit.soort]
        if verbod and (besluit.casuistiek or soort.categorie == "casuistiek"):
            regel, kolom, pad = bestand.bron.zoek(("besluiten", i))
            raise Geweigerd(
                str(
                    Melding(
                        str(bestand.bron.pad),
                        f"agendapunt '{besluit.id}' ({besluit.onderwerp}) is casuïstiek; in {orgaan.de_naam} wordt geen casuïstiek besproken ({', '.join(weergave(a) for a in verbod.artikelen)})",
                        regel,
                        kolom,
                        pad,
                        "haal het punt van de agenda; bespreek de casus in het Casusoverleg",
                    )
                )
            )
        punt = _data(besluit)
        punt["soort_naam"] = soort.naam
        punt["artikelen"] = soort.artikelen
        punt["treft_namen"] = [c.partij[p].naam for p in besluit.treft]
        punten.append(punt)
    nummers = iter(range(1, 100))
    begin = [
        {"nummer": next(nummers), **p.model_dump(exclude_none=True)}
        for p in orgaan.vaste_agendapunten
        if p.plaats == "begin"
    ]
    for punt in punten:
        punt["nummer"] = next(nummers)
    eind = [
        {"nummer": next(nummers), **p.model_dump(exclude_none=True)}
        for p in orgaan.vaste_agendapunten
        if p.plaats == "eind"
    ]
    return {
        **_basis(c, orgaan),
        "vergadering": _data(v),
        "vaste_begin": begin,
        "punten": punten,
        "vaste_eind": eind,
        "leden": [lid.naam for lid in _leden(bezetting, v.orgaan, v.datum)],
        "inbreng_vooraf": bool(orgaan.inbreng_vooraf),
    }


def besluitenlijst(
    c: Convenant, bezetting: Bezetting | None, bestand: Bestand[Vergadering], **_: Any
) -> dict[str, Any]:
    v = bestand.model
    orgaan = c.orgaan[v.orgaan]
    if not any("besluitenlijst" in x.documenten for x in orgaan.verslaglegging):
        raise GebruiksFout(
            f"voor {orgaan.de_naam} schrijft het convenant geen besluitenlijst voor (5.8, 7.5)"
        )
    b = beeld(c, bestand, bezetting)
    besluiten = []
    for o in toets(b):
        artikelen = list(dict.fromkeys(a for g in o.gronden for a in g.artikel.split(", ")))
        besluiten.append(
            {
                "id": o.id,
                "onderwerp": o.onderwerp,
                "soort_naam": c.soort[o.soort].naam,
                "oordeel": o.oordeel
                + (
                    f", bindt alleen {len(o.bindt)} {'Partij' if len(o.bindt) == 1 else 'Partijen'}"
                    if o.bindt
                    else ""
                ),
                "escaleren_naar": c.orgaan[o.escaleren_naar].de_naam if o.escaleren_naar else "",
                "stemmen": o.stemmen.als_dict() if o.stemmen else {},
                "bezwaren": [c.partij[p].naam for p in o.bezwaren],
                "bepalend": [
                    {"artikel": g.artikel, "uitleg": g.uitleg, "aanname": g.aanname or ""}
                    for g in _bepalend(o)
                ],
                "artikelen": artikelen,
                "aannames": sorted({g.aanname for g in o.gronden if g.aanname}),
            }
        )
    return {
        **_basis(c, orgaan),
        "vergadering": _data(v),
        "aanwezig": sorted(b.zetels[z].naam for z in b.aanwezig),
        "afwezig": [
            {"naam": b.zetels[z].naam, "inbreng": inbreng}
            for z, inbreng in sorted(b.afwezig.items())
        ],
        "besluiten": besluiten,
        "verzending": _verzending(c, orgaan, "besluitenlijst", v.volgende_vergadering),
    }


def _bepalend(o: Oordeel) -> list[Grond]:
    """The grounds that explain a verdict other than simply adopted or rejected by majority."""
    if o.geldig and o.bindt is None:
        return []
    return [g for g in o.gronden if g.beslissend]


def actiepuntenlijst(
    c: Convenant, bezetting: Bezetting | None, bestand: Bestand[Vergadering], **_: Any
) -> dict[str, Any]:
    v = bestand.model
    orgaan = c.orgaan[v.orgaan]
    if not any("actiepuntenlijst" in x.documenten for x in orgaan.verslaglegging):
        raise GebruiksFout(
            f"voor {orgaan.de_naam} schrijft het convenant geen actiepuntenlijst voor (5.8, 7.5)"
        )
    namen = (
        {lid.id: lid.naam for lid in _leden(bezetting, v.orgaan, v.datum)}
        | {p.id: p.naam for p in c.partijen}
        | {r.id: r.naam for r in c.rollen}
    )
    punten = [{**_data(a), "wie_naam": namen.get(a.wie, a.wie)} for a in v.actiepunten]
    return {
        **_basis(c, orgaan),
        "vergadering": _data(v),
        "actiepunten": punten,
        "open": sum(1 for a in v.actiepunten if a.status == "open"),
        "verzending": _verzending(c, orgaan, "actiepuntenlijst", v.volgende_vergadering),
    }


def toetredingsformulier(
    c: Convenant, bezetting: Bezetting | None, bestand: Bestand[ToetredingsVerzoek], **_: Any
) -> dict[str, Any]:
    t = bestand.model
    peildatum = t.datum_ondertekening or (
        t.besluit_stuurgroep.datum if t.besluit_stuurgroep else None
    )
    voorzitter = (
        _functionaris(bezetting, "stuurgroep", "voorzitter", peildatum) if peildatum else {}
    )
    return {**_basis(c, c.orgaan["stuurgroep"]), "verzoek": _data(t), "voorzitter": voorzitter}


def kennisgeving_toetreding(
    c: Convenant, bezetting: Bezetting | None, bestand: Bestand[ToetredingsVerzoek], **_: Any
) -> dict[str, Any]:
    t = bestand.model
    if t.kennisgeving_op is None:  # everything in the letter is dated from the notice
        raise InvoerFout(
            [
                Melding(
                    str(bestand.bron.pad),
                    "het document 'kennisgeving-toetreding' vraagt 'kennisgeving_op', maar dat staat niet in dit bestand",
                    herstel="vul 'kennisgeving_op' in (de datum van de kennisgeving, 22.3)",
                )
            ]
        )
    return {
        **_basis(c, c.orgaan["stuurgroep"]),
        "verzoek": _data(t),
        "termijn_weken": KENNISGEVING_WEKEN,
        "akkoord_uiterlijk": t.akkoord_uiterlijk
        or plus_weken(t.kennisgeving_op, KENNISGEVING_WEKEN),
        "termijn_is_aanname": t.akkoord_uiterlijk is None,
        "partijen": [p.naam for p in c.partijen_op(t.kennisgeving_op) if p.is_partij],
        "secretaris": _functionaris(bezetting, "stuurgroep", "secretaris", t.kennisgeving_op),
    }


def opzegging(
    c: Convenant, bezetting: Bezetting | None, bestand: Bestand[Opzegging], **_: Any
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
        "opzegging": _data(o),
        "partij": {"naam": partij.naam, "soort": partij.soort},
    }
    if o.route == "opzegtermijn":
        context["ingang"] = plus_maanden(o.datum, 12)
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
    context["tijdens"] = [
        b.model_dump(exclude_none=True) for b in procedure["uittreding"].bepalingen
    ]
    context["blijft"] = [b.model_dump(exclude_none=True) for b in procedure["nawerking"].bepalingen]
    return context


def addendum(
    c: Convenant, bezetting: Bezetting | None, bestand: Bestand[Addendum], **_: Any
) -> dict[str, Any]:
    a = bestand.model
    return {
        **_basis(c, c.orgaan["stuurgroep"]),
        "addendum": _data(a),
        "voorstel_van": c.partij[a.voorstel_van].naam,
        "voorzitter": _functionaris(
            bezetting, "stuurgroep", "voorzitter", a.besluit_stuurgroep.datum
        ),
    }


def liquidatieoverzicht(
    c: Convenant,
    bezetting: Bezetting | None,
    bestand: Bestand[Begroting],
    *,
    verdeelsleutel: Verdeelsleutel,
    **_: Any,
) -> dict[str, Any]:
    from rules.liquidatie import als_dict, liquideer

    begroting = bestand.model
    uitkomst = liquideer(c, begroting, verdeelsleutel)
    data = als_dict(c, uitkomst, begroting, verdeelsleutel)
    grootste = max(uitkomst.gemeenten.values(), default=Decimal(1)) or Decimal(1)
    # Bar lengths for the inline SVG chart; drawing only, the amounts themselves stay exact.
    staven = [
        {
            "naam": c.partij[g].naam,
            "bedrag": b,
            "lengte": round(float(b / grootste) * 300, 1),
            "y": 24 * i,
        }
        for i, (g, b) in enumerate(sorted(uitkomst.gemeenten.items(), key=lambda x: (-x[1], x[0])))
    ]
    return {
        **_basis(c),
        **data,
        "begroting": _data(begroting),
        "posten": [
            {**_data(p), "partner_naam": c.partij[p.partner].naam if p.partner else ""}
            for p in begroting.posten
        ],
        "staven": staven,
        "hoogte": 24 * len(staven),
        "bedragen": {"totaal": uitkomst.totaal, "gedeeld": uitkomst.gedeeld},
        "partners_bedragen": [
            {"naam": c.partij[p].naam, "bedrag": b} for p, b in sorted(uitkomst.partners.items())
        ],
        "gemeenten_bedragen": [
            {"naam": c.partij[g].naam, "gewicht": uitkomst.gewichten[g], "bedrag": b}
            for g, b in uitkomst.gemeenten.items()
        ],
    }


Bouwer = Callable[..., dict[str, Any]]

# Each document: the model of its input file, and how its context is built.
DOCUMENTEN: dict[str, tuple[type[BaseModel], Bouwer]] = {
    "agenda": (Vergadering, agenda),
    "besluitenlijst": (Vergadering, besluitenlijst),
    "actiepuntenlijst": (Vergadering, actiepuntenlijst),
    "toetredingsformulier": (ToetredingsVerzoek, toetredingsformulier),
    "kennisgeving-toetreding": (ToetredingsVerzoek, kennisgeving_toetreding),
    "opzegging": (Opzegging, opzegging),
    "addendum": (Addendum, addendum),
    "liquidatieoverzicht": (Begroting, liquidatieoverzicht),
}
