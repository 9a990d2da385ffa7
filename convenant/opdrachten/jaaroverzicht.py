"""`convenant jaaroverzicht`: did every orgaan meet, were the lists sent in time, what is open?"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from governance.bestanden import dubbele_besluiten
from governance.datums import MAANDEN, lang
from governance.errors import (
    EXIT_NIET_GELDIG,
    EXIT_OK,
    EXIT_ONLEESBAAR,
    GebruiksFout,
    InvoerFout,
    Melding,
)
from governance.models import Bezetting, Convenant
from governance.zetels import Vergaderbeeld
from rules.jaaroverzicht import (
    Gehouden,
    Jaaroverzicht,
    Omslag,
    Onleesbaar,
    Registerdocumenten,
    omslagen,
    overzicht,
    zonder_casus,
)
from rules.lezingen import STANDAARD, Lezingkeuze
from rules.toets import toets

from ..register import Register
from ..uitvoer import als_json, documentformaat, schrijf


def lees_register(register: Register) -> tuple[list[Gehouden], list[Melding]]:
    """Every meeting of the register judged on its own date; an unreadable one is reported,
    the rest count."""
    beelden, onleesbaar = _beelden(register)
    return _beoordeeld(beelden, register.keuze_op), onleesbaar


def _beelden(register: Register) -> tuple[list[tuple[str, Vergaderbeeld]], list[Melding]]:
    """Every meeting file of the register, each on the state of its date; an unreadable one is
    reported and the rest still count."""
    beelden: list[tuple[str, Vergaderbeeld]] = []
    onleesbaar: list[Melding] = []
    for pad in register.vergaderbestanden():
        try:
            beelden.append((pad.name, register.beeld(register.vergadering(pad))))
        except InvoerFout as fout:
            onleesbaar.extend(fout.meldingen)
    return beelden, onleesbaar


def _onleesbaar(meldingen: list[Melding]) -> list[Onleesbaar]:
    """What can still be read of each unreadable meeting file: its orgaan and year, if any.

    Read with the loader's guards (file type, size, aliases): the file is already known to be
    bad, and a FIFO or a 2 GB file must not hang the overview here either."""
    from governance.loader import lees_yaml

    uit: list[Onleesbaar] = []
    for bestand in dict.fromkeys(m.bestand for m in meldingen):
        orgaan: str | None = None
        jaar: int | None = None
        try:
            ruw, _ = lees_yaml(Path(bestand))
        except InvoerFout:
            ruw = None
        if isinstance(ruw, dict):
            orgaan = ruw["orgaan"] if isinstance(ruw.get("orgaan"), str) else None
            datum = ruw.get("datum")
            jaar = datum.year if isinstance(datum, dt.date) else None
        uit.append(Onleesbaar(Path(bestand).name, orgaan, jaar))
    return uit


def _beoordeeld(
    beelden: list[tuple[str, Vergaderbeeld]], keuze_op: Callable[[dt.date], Lezingkeuze]
) -> list[Gehouden]:
    """Each meeting judged under the readings in force on its own date: a reading the
    Stuurgroep settled applies from its besluit's date, not to the meetings before it."""
    return [
        zonder_casus(
            b.convenant,
            Gehouden(naam, b.vergadering, tuple(toets(b, keuze_op(b.vergadering.datum)))),
        )
        for naam, b in beelden
    ]


def gevoeligheid(
    c: Convenant,
    beelden: list[tuple[str, Vergaderbeeld]],
    gehouden: list[Gehouden],
    basis: Jaaroverzicht,
    keuze: Lezingkeuze,
    keuze_op: Callable[[dt.date], Lezingkeuze],
    onleesbaar: list[Onleesbaar] | None = None,
    documenten: Registerdocumenten | None = None,
) -> list[Omslag]:
    """Which obligations flip under each other reading the register's verdicts consulted.

    Only the meetings whose verdicts consulted a reading are judged again under its
    alternatives; the overview itself is then recomputed, one reading changed at a time.
    `keuze` holds on the overview's date, `keuze_op` gives each meeting the readings of its own.
    """
    per_aanname: dict[str, set[str]] = {}
    for g in gehouden:
        for o in g.oordelen:
            for aanname, _ in o.lezingen:
                per_aanname.setdefault(aanname, set()).add(g.naam)
    uit: list[Omslag] = []
    for aanname in sorted(per_aanname):
        huidig = keuze.lezing_voor(c.betwist[aanname])
        for lezing in c.betwist[aanname].lezingen:
            if lezing.id == huidig:
                continue
            anders = keuze.met(aanname, lezing.id)
            opnieuw = {
                naam: Gehouden(
                    naam,
                    b.vergadering,
                    tuple(toets(b, keuze_op(b.vergadering.datum).met(aanname, lezing.id))),
                )
                for naam, b in beelden
                if naam in per_aanname[aanname]
            }
            register = [opnieuw.get(g.naam, g) for g in gehouden]
            # the same unreadable files and register documents as the basis, or every duty
            # they make 'onbekend' would seem to flip under the other reading
            ander = overzicht(
                c,
                register,
                basis.jaar,
                basis.peildatum,
                onleesbaar or (),
                documenten or Registerdocumenten(),
                anders,
                lambda datum: keuze_op(datum).met(aanname, lezing.id),  # noqa: B023 (used here)
            )
            uit += omslagen(aanname, lezing.id, lezing.uitspraak, basis, ander)
    return uit


def jaaroverzicht(
    convenant_pad: Path | None,
    bezetting_pad: Path | None,
    register: Path,
    jaar: int | None,
    op: dt.date | None,
    json: bool,
    uitvoer: Path | None,
    formaat: str | None,
    overschrijf: bool,
    lezingen: tuple[str, ...] = (),
    met_gevoeligheid: bool = False,
) -> int:
    if not register.is_dir():
        raise GebruiksFout(
            f"{register}: geen map; geef de map met de vergaderbestanden van het jaar"
        )
    r = Register(
        register, convenant_pad=convenant_pad, bezetting_pad=bezetting_pad, lezingen=lezingen
    )
    # the parties that acceded by a signed dossier, and those that left by a document
    c = r.convenant
    bezetting = r.bezetting()
    beelden, onleesbaar = _beelden(r)
    gehouden = _beoordeeld(beelden, r.keuze_op)
    if not gehouden and not onleesbaar:
        raise GebruiksFout(f"{register}: geen vergaderbestanden (*.yaml) gevonden")
    jaar = jaar or max((g.vergadering.datum.year for g in gehouden), default=dt.date.today().year)
    peildatum = op or dt.date(jaar, 12, 31)
    # the readings the overview itself states are those in force on its date
    keuze = r.keuze_op(peildatum)
    documenten, documentfouten = r.registerdocumenten()
    niet_te_lezen = _onleesbaar(onleesbaar)
    o = overzicht(
        c, gehouden, jaar, peildatum, niet_te_lezen, documenten, keuze, keuze_op=r.keuze_op
    )
    omslag = (
        gevoeligheid(c, beelden, gehouden, o, keuze, r.keuze_op, niet_te_lezen, documenten)
        if met_gevoeligheid
        else None
    )
    # An id twice in the register: the overview is made, but the register is not consistent.
    dubbel = dubbele_besluiten([(register / naam, b.vergadering) for naam, b in beelden])
    for melding in [*onleesbaar, *dubbel, *documentfouten]:
        sys.stderr.write(f"{melding}\n")
    # A broken notice or dossier does not touch the meetings' obligations, but the overview
    # then misses a fact it should show: it is listed with the unreadable files.
    onleesbaar = [*onleesbaar, *documentfouten]
    if json:
        data = _als_dict(c, o, onleesbaar)
        if omslag is not None:
            data["alternatieven"] = [_omslag_dict(x) for x in omslag]
        schrijf(als_json(data), uitvoer, overschrijf)
    else:
        from ..maak import opmaak

        formaat = documentformaat(uitvoer, formaat)
        inhoud = context(c, o, onleesbaar, bezetting, keuze)
        inhoud["gevoeligheid"] = None if omslag is None else _gevoeligheid(c, keuze, omslag)
        document = opmaak("jaaroverzicht", formaat, inhoud, register, r.huisstijl())
        schrijf(document.inhoud, uitvoer, overschrijf)
    if onleesbaar or dubbel:  # (the documents' errors are among the unreadable by now)
        return EXIT_ONLEESBAAR
    return EXIT_OK if o.in_orde else EXIT_NIET_GELDIG


def _omslag_dict(o: Omslag) -> dict[str, object]:
    return {
        "aanname": o.aanname,
        "lezing": o.lezing,
        "uitspraak": o.uitspraak,
        "omschrijving": o.omschrijving,
        "artikel": o.artikel,
        "van": o.van,
        "naar": o.naar,
    }


def _gevoeligheid(c: Convenant, keuze: Lezingkeuze, omslag: list[Omslag]) -> list[dict[str, Any]]:
    """Per other reading of a contested point: the point, the reading followed now, the other
    one, and the obligations whose status changes under it. Ids only as the option to choose
    that reading, for the appendix."""
    punten: dict[tuple[str, str], dict[str, Any]] = {}
    for x in omslag:
        bevinding = c.betwist[x.aanname]
        nu = next(lz for lz in bevinding.lezingen if lz.id == keuze.lezing_voor(bevinding))
        punt = punten.setdefault(
            (x.aanname, x.lezing),
            {
                "kop": bevinding.vraag or bevinding.omschrijving,
                "vraag": bevinding.omschrijving,
                "artikelen": ", ".join(bevinding.artikelen),
                "nu": nu.uitspraak,
                "uitspraak": x.uitspraak,
                "kiezen": f"{x.aanname}={x.lezing}",
                "verplichtingen": [],
            },
        )
        punt["verplichtingen"].append(
            {
                "omschrijving": x.omschrijving,
                "artikel": x.artikel,
                "van": x.van or "niet van toepassing",
                "naar": x.naar or "niet van toepassing",
            }
        )
    return list(punten.values())


def _als_dict(c: Convenant, o: Jaaroverzicht, onleesbaar: list[Melding]) -> dict[str, object]:
    return {
        "jaar": o.jaar,
        "peildatum": o.peildatum,
        "in_orde": o.in_orde,
        "verplichtingen": [
            {
                "omschrijving": v.omschrijving,
                "artikel": v.artikel,
                "status": v.status,
                "toelichting": v.toelichting,
                "vergaderingen": list(v.vergaderingen),
                "aanname": v.aanname,
            }
            for v in o.verplichtingen
        ],
        "vergaderingen": [
            {
                "bestand": g.naam,
                "orgaan": g.vergadering.orgaan,
                "datum": g.vergadering.datum,
                "besluiten": [b.als_dict() for b in g.oordelen],
            }
            for g in o.vergaderingen
        ],
        "open": [
            {
                "soort": p.soort,
                "vergadering": p.vergadering,
                "id": p.id,
                "omschrijving": p.omschrijving,
                "sinds": p.sinds,
                "dagen": p.dagen,
                "opmerking": p.opmerking,
            }
            for p in o.open
        ],
        "kennisgevingen": list(o.kennisgevingen),
        "wijzigingen": list(o.wijzigingen),
        "onleesbaar": [m.als_dict() for m in onleesbaar],
    }


MAANDEN_KORT = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
OPEN_SOORT = {
    "actiepunt": "Actiepunt",
    "aangehouden": "Aangehouden besluit",
    "escalatie": "Voorgelegd besluit",
    "verzoek": "Verzoek om een vergadering",
}


def context(
    c: Convenant,
    o: Jaaroverzicht,
    onleesbaar: list[Melding],
    bezetting: Bezetting | None = None,
    keuze: Lezingkeuze = STANDAARD,
) -> dict[str, Any]:
    """The year overview as a document: meetings named by orgaan and date, never by file; the
    files and the readings the verdicts rest on only in the appendix."""
    from ..maak import document_kop, kort_oordeel

    organen = [
        orgaan
        for orgaan in c.organen
        if any(g.vergadering.orgaan == orgaan.id for g in o.vergaderingen)
    ]
    label = {
        g.naam: f"{c.orgaan[g.vergadering.orgaan].naam}, {lang(g.vergadering.datum)}"
        for g in o.vergaderingen
    }
    begin = dt.date(o.jaar, 1, 1)
    dagen = (dt.date(o.jaar + 1, 1, 1) - begin).days
    rijen = []
    for i, orgaan in enumerate(organen):
        punten = [
            {
                "x": round(150 + (g.vergadering.datum - begin).days / dagen * 460, 1),
                "datum": g.vergadering.datum,
                "naam": label[g.naam],
            }
            for g in o.vergaderingen
            if g.vergadering.orgaan == orgaan.id
        ]
        naam = orgaan.kort or orgaan.naam
        rijen.append({"naam": naam[:1].upper() + naam[1:], "y": 34 + 28 * i, "punten": punten})
    maanden = [
        {
            "x": round(150 + (dt.date(o.jaar, m, 1) - begin).days / dagen * 460, 1),
            "naam": MAANDEN_KORT[m - 1],
        }
        for m in range(1, 13)
    ]
    telling = {
        s: sum(1 for v in o.verplichtingen if v.status == s)
        for s in ("in orde", "niet in orde", "onbekend")
    }
    vergaderingen = []
    for g in o.vergaderingen:
        besluiten = [
            {
                "nummer": b.id,
                "onderwerp": b.onderwerp,
                # the besluitenlijst's words for an outcome
                "uitkomst": kort_oordeel(c, b.oordeel, b.escaleren_naar),
            }
            for b in g.oordelen
        ]
        vergaderingen.append(
            {
                "maand": MAANDEN[g.vergadering.datum.month - 1],
                "orgaan": c.orgaan[g.vergadering.orgaan].naam,
                "datum": g.vergadering.datum,
                "besluiten": besluiten,
            }
        )
    return {
        "convenant": {"titel": c.convenant.titel, "kort": c.convenant.kort},
        **document_kop(
            "jaaroverzicht",
            o.peildatum,
            voorbeeld=["bezetting"] if bezetting is not None and bezetting.voorbeeld else [],
        ),
        "jaar": o.jaar,
        "peildatum": o.peildatum,
        "in_orde": o.in_orde,
        "telling": telling,
        "verplichtingen": [
            {
                "omschrijving": v.omschrijving,
                "artikel": v.artikel,
                "status": v.status,
                "toelichting": v.toelichting,
                "lezing": v.aanname is not None,
            }
            for v in o.verplichtingen
        ],
        "vergaderingen": vergaderingen,
        "open": [
            {
                "soort": OPEN_SOORT[p.soort],
                "nummer": p.id,
                "vergadering": label.get(p.vergadering, p.vergadering),
                "omschrijving": p.omschrijving,
                "sinds": p.sinds,
                "dagen": p.dagen,
                "opmerking": p.opmerking,
            }
            for p in o.open
        ],
        "kennisgevingen": o.kennisgevingen,
        "wijzigingen": o.wijzigingen,
        "onleesbaar": [str(m) for m in onleesbaar],
        "tijdlijn": {"rijen": rijen, "maanden": maanden, "hoogte": 44 + 28 * len(rijen)},
        "bronnen": [{"vergadering": label[g.naam], "bestand": g.naam} for g in o.vergaderingen],
        "gevoeligheid": None,  # with --gevoeligheid: what changes under each other reading
        "lezingen": _lezingen(c, o, keuze),
    }


def _lezingen(c: Convenant, o: Jaaroverzicht, keuze: Lezingkeuze) -> list[dict[str, Any]]:
    """The readings of the convenant the obligations rest on, once each: what the text leaves
    open and how this overview reads it, in words, with the obligations it concerns. The id
    and its title (the workplace's) go with it for the technical details, as the name
    `convenant lezingen` and lezingen.yaml know it by."""
    from ..web.sjablonen import aanname_titel  # the workplace's titles: one wording

    per_aanname: dict[str, list[str]] = {}
    for v in o.verplichtingen:
        if v.aanname:
            per_aanname.setdefault(v.aanname, []).append(f"{v.omschrijving} (art. {v.artikel})")
    uit = []
    for aanname, verplichtingen in per_aanname.items():
        b = c.bevinding[aanname]
        if b.lezingen:
            gevolgd = b.lezing(keuze.lezing_voor(b))
            lezing = gevolgd.uitspraak if gevolgd else (b.aanname or "")
        else:
            lezing = b.aanname or ""
        uit.append(
            {
                "id": aanname,
                "titel": aanname_titel(c, aanname).rstrip("."),
                "vraag": b.omschrijving,
                "artikelen": ", ".join(b.artikelen),
                "lezing": lezing,
                "verplichtingen": verplichtingen,
            }
        )
    return uit
