"""What every document's context shares: its kenmerk, date and banners, the input without
empty values, the convenant and orgaan, the people of the bezetting, and a verdict in words.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any, Literal

from pydantic import BaseModel

from governance.artikelen import weergave
from governance.begroting import Begroting
from governance.models import (
    Bezetting,
    Convenant,
    Lid,
    Orgaan,
    Verdeelsleutel,
)
from rules.oordeel import Grond, Oordeel

# Kenmerk parts: the kind of document, and for meeting documents the orgaan.
AFKORTING = {
    "agenda": "AG",
    "besluitenlijst": "BL",
    "actiepuntenlijst": "AP",
    "toetredingsformulier": "TF",
    "kennisgeving-toetreding": "KT",
    "opzegging": "OZ",
    "addendum": "AD",
    "liquidatieoverzicht": "LQ",
    "uittredingsoverzicht": "UT",
    "jaaroverzicht": "JO",
    "notitie-lezingen": "NL",
    "verantwoording": "VA",
}

ORGAANCODE = {"stuurgroep": "SG", "partneroverleg": "PO", "jaarvergadering": "JV"}

# Which data of a document are made up, each a sentence of its banner (worded by
# templates/_teksten.j2, `voorbeeldgegevens`): the bezetting (its names are functions), the
# budget, the key, or a letter's sender and signatory (made in the example register).
Voorbeeld = Literal["bezetting", "begroting", "sleutel", "brief"]


def document_kop(
    soort: str,
    datum: dt.date,
    orgaan: str | None = None,
    voorbeeld: Iterable[Voorbeeld] = (),
    concept: Iterable[str] = (),
    documentdatum: dt.date | None = None,
) -> dict[str, Any]:
    """The date a document carries (`documentdatum`, else `datum`), its kenmerk (without the
    house prefix, dated `datum`), and its banners."""
    code = AFKORTING[soort]
    if orgaan is not None:
        code = f"{ORGAANCODE.get(orgaan, orgaan[:2].upper())}-{code}"
    return {
        "documentdatum": documentdatum or datum,
        "kenmerk_code": f"{code}/{datum.isoformat()}",
        "voorbeeld": list(dict.fromkeys(voorbeeld)),
        "concept": list(concept),
    }


def _voorbeeld(bezetting: Bezetting | None) -> list[Voorbeeld]:
    return ["bezetting"] if bezetting is not None and bezetting.voorbeeld else []


def _voorbeeld_kosten(begroting: Begroting, sleutel: Verdeelsleutel) -> list[Voorbeeld]:
    """The made-up data of a division of costs: the budget and the key, each where marked so."""
    uit: list[Voorbeeld] = ["begroting"] if begroting.voorbeeld else []
    return uit + (["sleutel"] if sleutel.voorbeeld else [])


def _data(model: BaseModel, *delen: str) -> dict[str, Any]:
    """The input without empty values, so that a template asking for one stops (StrictUndefined).
    The fields named in `delen` go inside a sentence of the document: their own closing
    punctuation goes, or the sentence would read "…Casusoverleg.;" or "…. (art. 22.1)"."""
    data = model.model_dump(exclude_none=True)
    for veld in delen:
        if veld in data:
            data[veld] = _als_deel(data[veld])
    return data


def _als_deel(tekst: str) -> str:
    return tekst.strip().rstrip(".;:, ").strip()


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
            # worded by templates/_teksten.j2 (`openbaarheid`): on a reading where the convenant
            # does not regulate it (the jaarvergadering)
            "openbaarheid_lezing": bool(openbaar and openbaar.aanname),
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


def kort_oordeel(c: Convenant, oordeel: str, naar: str | None) -> str:
    """A verdict in a few words, for the outcome another reading would give. An escalation is
    what is still to be done (the lists are written before the matter is put, 5.7, 7.2)."""
    if oordeel == "escaleren":
        aan = c.orgaan[naar].voorleggen_aan if naar in c.orgaan else "het bevoegde gezag"
        return f"voor te leggen aan {aan}"
    return {"ongeldig": "niet geldig genomen"}.get(oordeel, oordeel)


def _gehoord(b: Any) -> set[str]:
    """The parties heard at a meeting: present, or absent with written input (5.6, 7.1)."""
    return {p for z in b.aanwezig for p in b.zetels[z].partijen} | {
        p for z, inbreng in b.afwezig.items() if inbreng for p in b.zetels[z].partijen
    }


def _zin(tekst: str) -> str:
    """A ground's explanation as part of a sentence: lower-case start, no full stop."""
    tekst = tekst.strip().rstrip(".")
    return tekst[:1].lower() + tekst[1:] if tekst[1:2].islower() else tekst


def _uitkomst(c: Convenant, o: Oordeel, besluit: Any, gehoord: set[str]) -> dict[str, Any]:
    """The facts of an outcome that an outside reader needs, with the article that decided
    it; templates/_teksten.j2 (`uitkomst`) words them for every format."""
    # every key present, so a template asking for one never stops on it (StrictUndefined)
    u: dict[str, Any] = {
        "oordeel": o.oordeel,
        "bindt": None,
        "artikelen": "",
        "artikel": "",
        "reden": "",
        "wacht_op": None,
        "niet_gehoord": [],
        "naar": "",
        "staking": False,
    }
    if o.oordeel in ("aangenomen", "verworpen") and o.bindt is None:
        return u
    grond = _hoofdgrond(o)
    if o.oordeel in ("aangenomen", "verworpen"):  # binding only the parties that agreed
        # 5 voor and 11 tegen reads as rejected unless the reason stands right here.
        u["bindt"] = [c.partij[p].naam for p in o.bindt or ()]
        u["artikelen"] = ", ".join(weergave(a) for a in grond.artikel.split(", "))
        return u
    u["artikel"] = weergave(grond.artikel.split(", ")[0])
    u["reden"] = _zin(_lezer(grond.uitleg))
    if o.oordeel == "aangehouden":
        niet_gehoord = [c.partij[p].naam for p in besluit.treft if p not in gehoord]
        if niet_gehoord and ("5.6" in grond.artikel or "7.1" in grond.artikel):
            u["wacht_op"] = "horen"
            u["niet_gehoord"] = niet_gehoord
        elif "22.4" in grond.artikel:
            u["wacht_op"] = "akkoord"
    if o.oordeel == "escaleren":
        u["naar"] = c.orgaan[o.escaleren_naar].voorleggen_aan if o.escaleren_naar else ""
        u["staking"] = bool(o.stemmen and o.stemmen.voor == o.stemmen.tegen)
    return u


def _hoofdgrond(o: Oordeel) -> Grond:
    """The ground that decided the verdict; the last (the vote) where none is marked."""
    return next(iter(_bepalend(o)), o.gronden[-1])


def _bepalend(o: Oordeel) -> list[Grond]:
    """The grounds that explain a verdict other than simply adopted or rejected by majority."""
    if o.geldig and o.bindt is None:
        return []
    return [g for g in o.gronden if g.beslissend]


def _persoon(naam: str, functie: str) -> dict[str, str]:
    """A signatory; the function is dropped where the name already says it ("Manager ZVHD",
    "manager")."""
    rol = functie.split()[0].lower() if functie.split() else ""
    return {"naam": naam, "functie": "" if rol in naam.lower() else functie}


def _als_ondertekenaar(functionaris: dict[str, str], functie: str) -> dict[str, str]:
    """A signatory from the bezetting; empty (so a template asking for it stops) without one."""
    return _persoon(functionaris["naam"], functie) if functionaris else {}


# Pointers to commands and instructions to the secretaris, which a document leaves out.
_OPDRACHT = re.compile(r"\s*\(zie '[^']*'\)|\s*Zet '[^']*' onder '[^']*'[^.]*\.")


def _lezer(uitleg: str) -> str:
    """A ground's explanation for a document: capitalised, without pointers to commands."""
    tekst = _OPDRACHT.sub("", uitleg).strip()
    return tekst[:1].upper() + tekst[1:]
