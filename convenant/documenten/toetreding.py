"""The toetreding and the addendum: the form (Bijlage 1), the notice to the parties (22.3,
22.4) and the addendum (23.2).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from governance.documenten import Addendum, BesluitVerwijzing, ToetredingsVerzoek
from governance.errors import (
    InvoerFout,
    Melding,
)
from governance.loader import Bestand
from governance.models import (
    Bezetting,
    Convenant,
)
from governance.toetreding import toetreding_uit_dossier
from governance.vergadering import Besluit
from governance.zetels import beeld
from rules.lezingen import STANDAARD, Lezingkeuze
from rules.termijnen import antwoord_uiterlijk
from rules.toets import toets

from .gemeen import (
    _als_ondertekenaar,
    _basis,
    _data,
    _functionaris,
    _gehoord,
    _persoon,
    _uitkomst,
    _voorbeeld,
    document_kop,
)
from .opmaak import tekst_uit

# The reasons a document may not be sent yet, as facts for the macro `concept`, which words
# them for the CONCEPT banner and the command line's warning alike.
CONCEPTTEKSTEN = "teksten/toetredingsformulier.j2"


def _waarom_concept(redenen: list[dict[str, Any]]) -> list[str]:
    return [tekst_uit("concept", r, bestand=CONCEPTTEKSTEN) for r in redenen]


def _besluit_van_stuurgroep(
    c: Convenant,
    bezetting: Bezetting | None,
    register: Path | None,
    verwijzing: BesluitVerwijzing | None,
    invoer: str,
    keuze: Lezingkeuze = STANDAARD,
    organisatie: str | None = None,
) -> list[dict[str, Any]]:
    """Why a form may not yet be sent: the besluit it rests on must exist, be about this form
    (the toetreding of `organisatie`, or a change of the convenant) and be adopted (22.4,
    23.2). Empty when it is; otherwise the facts of one reason. `invoer` names the input file's
    kind ("toetreding" or "addendum")."""
    from governance.bestanden import vergaderbestanden

    from ..register import Register

    if verwijzing is None:
        return [{"geval": "geen_besluit", "bestand": invoer}]
    if verwijzing.besluit is None:
        return [{"geval": "geen_besluitnummer", "bestand": invoer, "datum": verwijzing.datum}]
    besluit: dict[str, Any] = {"besluit": verwijzing.besluit, "datum": verwijzing.datum}
    if register is None:
        return [{"geval": "geen_register", **besluit}]
    for pad in vergaderbestanden(register):
        try:
            bestand = Register.vergadering_uit(pad)
        except InvoerFout:
            continue  # an unreadable meeting cannot confirm anything; others may
        v = bestand.model
        if v.orgaan != "stuurgroep" or v.datum != verwijzing.datum:
            continue
        b = beeld(c, bestand, bezetting, register)
        for o in toets(b, keuze):
            if o.id != verwijzing.besluit:
                continue
            genomen = next(x for x in v.besluiten if x.id == o.id)
            # a form signed on a besluit about something else would cite the wrong one
            if not _gaat_over(c, register, genomen, v.datum, invoer, organisatie):
                return [
                    {"geval": "ander_onderwerp", **besluit, "bestand": invoer}
                    | {"onderwerp": genomen.onderwerp, "organisatie": organisatie}
                ]
            if o.oordeel == "aangenomen":
                return []
            uitkomst = _uitkomst(c, o, genomen, _gehoord(b))
            return [{"geval": "niet_aangenomen", **besluit, "uitkomst": uitkomst}]
    return [{"geval": "niet_in_register", **besluit}]


def _gaat_over(
    c: Convenant,
    register: Path,
    genomen: Besluit,
    datum: dt.date,
    invoer: str,
    organisatie: str | None,
) -> bool:
    """Whether a besluit is about what the form rests on: a toetreding of this organisation
    (22.4), or a change of the convenant (23.2). A dossier that cannot be read cannot deny it."""
    if invoer == "addendum":
        return genomen.soort == "wijziging"
    if genomen.soort != "toetreding" or genomen.toetreding is None:
        return False
    try:
        t = toetreding_uit_dossier(genomen.toetreding, datum, register, c, "")
    except InvoerFout:
        return True
    return organisatie is None or _naam(t.organisatie or "") == _naam(organisatie)


def _naam(tekst: str) -> str:
    return " ".join(tekst.split()).casefold()


def _akkoorden_in_dossier(
    c: Convenant, register: Path | None, t: ToetredingsVerzoek
) -> list[dict[str, Any]]:
    """Cross-check the consent of 22.4 against the register's dossier of this accession: the
    answers as they stood on the Stuurgroep's besluit. Empty when every Partij agreed;
    otherwise the facts of each reason."""
    from ..register import Register

    besluit = t.besluit_stuurgroep
    if besluit is None or register is None:
        return []
    naam = t.organisatie.naam
    dossier = next(
        (
            d.model
            for d in Register(register).dossiers()
            if d.model and d.model.organisatie.naam == naam
        ),
        None,
    )
    if dossier is None:
        return [{"geval": "geen_dossier", "organisatie": naam}]
    antwoorden = dossier.laatste_antwoorden(besluit.datum)
    nodig = [
        p.id for p in c.partijen_op(besluit.datum) if p.is_partij and p.id != dossier.partij.id
    ]
    bezwaar = [p for p in nodig if p in antwoorden and antwoorden[p].antwoord == "bezwaar"]
    ontbreekt = [p for p in nodig if p not in antwoorden]
    uit: list[dict[str, Any]] = []
    if bezwaar:
        uit.append({"geval": "bezwaar", "partijen": [c.partij[p].naam for p in bezwaar]})
    if ontbreekt:
        uit.append(
            {
                "geval": "antwoord_ontbreekt",
                "datum": besluit.datum,
                "ontbreekt": [c.partij[p].naam for p in ontbreekt],
                "nodig": len(nodig),
            }
        )
    return uit


def toetredingsformulier(
    c: Convenant,
    bezetting: Bezetting | None,
    bestand: Bestand[ToetredingsVerzoek],
    *,
    register: Path | None = None,
    keuze: Lezingkeuze = STANDAARD,
    **_: Any,
) -> dict[str, Any]:
    t = bestand.model
    besluit = t.besluit_stuurgroep
    peildatum = t.datum_ondertekening or (besluit.datum if besluit else None)
    voorzitter = (
        _functionaris(bezetting, "stuurgroep", "voorzitter", peildatum) if peildatum else {}
    )
    akkoord = _akkoorden_in_dossier(c, register, t)
    concept = _besluit_van_stuurgroep(
        c, bezetting, register, besluit, "toetreding", keuze, t.organisatie.naam
    )
    return {
        # The form says "after the consent of all Partijen" only where the register's dossier
        # shows every answer (22.4), not because a meeting file wrote `akkoord: alle`.
        "na_akkoord": bool(besluit and not akkoord),
        **_basis(c, c.orgaan["stuurgroep"]),
        **document_kop(
            "toetredingsformulier",
            peildatum or t.kennisgeving_op or t.aanvraag_ontvangen_op or dt.date.today(),
            voorbeeld=_voorbeeld(bezetting) if voorzitter else [],
            concept=_waarom_concept(concept + akkoord),
        ),
        "verzoek": _data(t, "publieke_taak"),
        "vertegenwoordiger": _persoon(
            t.organisatie.vertegenwoordiger.naam, t.organisatie.vertegenwoordiger.functie
        ),
        # Before a besluit or a signing date names the day, no chair can be looked up: the
        # form leaves the name to be filled in (it is a CONCEPT then anyway).
        "sg": _als_ondertekenaar(voorzitter, "voorzitter van de Stuurgroep")
        if peildatum
        else {
            "naam": "....................................",
            "functie": "voorzitter van de Stuurgroep",
        },
        "ondertekenaar_rol": "sg",
    }


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
    secretaris = _functionaris(bezetting, "stuurgroep", "secretaris", t.kennisgeving_op)
    return {
        **_basis(c, c.orgaan["stuurgroep"]),
        **document_kop(
            "kennisgeving-toetreding",
            t.kennisgeving_op,
            voorbeeld=_voorbeeld(bezetting) if secretaris else [],
        ),
        "verzoek": _data(t, "publieke_taak"),
        "akkoord_uiterlijk": t.akkoord_uiterlijk or antwoord_uiterlijk(c, t.kennisgeving_op),
        "partijen": [p.naam for p in c.partijen_op(t.kennisgeving_op) if p.is_partij],
        "afzender": _als_ondertekenaar(secretaris, "secretaris van de Stuurgroep"),
        "ondertekenaar_rol": "afzender",
    }


def addendum(
    c: Convenant,
    bezetting: Bezetting | None,
    bestand: Bestand[Addendum],
    *,
    register: Path | None = None,
    keuze: Lezingkeuze = STANDAARD,
    **_: Any,
) -> dict[str, Any]:
    a = bestand.model
    voorzitter = _functionaris(bezetting, "stuurgroep", "voorzitter", a.besluit_stuurgroep.datum)
    return {
        **_basis(c, c.orgaan["stuurgroep"]),
        **document_kop(
            "addendum",
            a.besluit_stuurgroep.datum,
            voorbeeld=_voorbeeld(bezetting) if voorzitter else [],
            concept=_waarom_concept(
                _besluit_van_stuurgroep(
                    c, bezetting, register, a.besluit_stuurgroep, "addendum", keuze
                )
            ),
        ),
        "addendum": _data(a),
        "voorstel_van": c.partij[a.voorstel_van].naam,
        "manager": _persoon(a.manager.naam, f"Manager van het {c.convenant.kort}"),
        "sg": _als_ondertekenaar(voorzitter, "voorzitter van de Stuurgroep"),
        "ondertekenaar_rol": "sg",
    }
