"""Who sits where, kept up in the workplace: the bezetting of a register that has one.

The same members step as the wizard (convenant/web/inrichten.py), opened on the register's
last period: members by name, whom each represents, joint delegates (6.7, 6.8), deputies and
a successor from a date. Saving from a date keeps every earlier period as it was, ends the
period running then on that date and writes the new period(s) from it, so meetings already
recorded are still judged on the members of their own date. A seat keeps its id, so its
meetings still name it. The file is saved through governance.opslag (history kept, a stale
second tab refused) and the trail records who changed it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from governance.bestanden import BEZETTING
from governance.datums import ontleed_datum
from governance.errors import InvoerFout, NietOpgeslagen, VerouderdeVersie
from governance.loader import lees_bytes
from governance.models import Bezetting, Convenant
from governance.opslag import bewaar, versie
from governance.yamlschrijver import als_tekst

from .afhankelijkheden import niet_opgeslagen, opslagstatus, pagina, werkplek
from .beveiliging import lees_formulier
from .inrichten import (
    FUNCTIES,
    KOP,
    RIJEN,
    Invoer,
    Lidrij,
    _organen,
    _partijen,
    _uit_formulier,
    controleer_leden,
    perioden,
)
from .werkplek import Werkplek

router = APIRouter()


def _pad(w: Werkplek) -> Path:
    return w.dienst.bezetting_bestand() or w.register / BEZETTING


def _uit_bezetting(c: Convenant, bezetting: Bezetting | None) -> Invoer:
    """The form on the last period: every seat with its member, and two empty rows."""
    invoer = Invoer()
    laatste = bezetting.perioden[-1] if bezetting else None
    if laatste is not None:
        invoer.vanaf = laatste.vanaf.isoformat()
    for o in _organen(c):
        rijen = []
        if laatste is not None and o.id in laatste.organen:
            for lid in laatste.organen[o.id].leden:
                wie = lid.partij or (f"rol:{lid.rol}" if lid.rol else "")
                namens = list(lid.namens) if len(lid.vertegenwoordigt) > 1 else []
                rijen.append(
                    Lidrij(lid.naam, wie, lid.functie, namens, lid.plaatsvervanger or "", id=lid.id)
                )
        invoer.leden[o.id] = rijen + [Lidrij() for _ in range(2 if rijen else RIJEN)]
    return invoer


def _toon(
    request: Request,
    invoer: Invoer,
    fouten: dict[str, str],
    versie_: str | None,
    melding: str = "",
    status: int = 200,
) -> Response:
    w = werkplek(request)
    c = w.convenant
    bezetting, kapot = w.bezetting()
    return pagina(
        request,
        "bezetting.html.j2",
        status,
        titel="Wie zit waar",
        i=invoer,
        fouten=fouten,
        versie=versie_ or "",
        melding=melding,
        kapot=bool(kapot),
        perioden=[
            (
                p.vanaf,
                p.tot,
                [
                    (c.orgaan[o].de_naam, len(ob.leden))
                    for o, ob in p.organen.items()
                    if o in c.orgaan
                ],
            )
            for p in (bezetting.perioden if bezetting else [])
        ],
        opgeslagen=request.query_params.get("opgeslagen") == "ja" and not fouten and not melding,
        organen=_organen(c),
        partijen=_partijen(c),
        rollen=list(c.rollen),
        functies=FUNCTIES,
        vanaf_hint="Wijzigt de bezetting vanaf een datum, vul dan die datum in: de perioden "
        "ervoor blijven zoals ze waren, zodat eerdere vergaderingen hun eigen leden houden.",
    )


@router.get("/bezetting", response_class=HTMLResponse)
def bezetting_pagina(request: Request) -> Response:
    w = werkplek(request)
    pad = _pad(w)
    bezetting, _ = w.bezetting()
    versie_ = versie(lees_bytes(pad)) if pad.is_file() else None
    return _toon(request, _uit_bezetting(w.convenant, bezetting), {}, versie_)


def _nieuw(w: Werkplek, c: Convenant, invoer: Invoer, oud: Bezetting | None) -> bytes:
    """The file with the periods before the form's date kept (the one running then ended on
    it) and the form's periods from that date on."""
    vanaf = ontleed_datum(invoer.vanaf)
    behouden: list[dict[str, Any]] = []
    for p in oud.perioden if oud else []:
        if p.vanaf >= vanaf:
            continue  # replaced by the form
        gegevens = p.model_dump(mode="json", exclude_defaults=True)
        gegevens["vanaf"] = p.vanaf
        if p.tot is None or p.tot > vanaf:
            gegevens["tot"] = vanaf
        else:
            gegevens["tot"] = p.tot
        behouden.append(gegevens)
    gegevens_oud: dict[str, Any] = {
        "toelichting": oud.toelichting
        if oud
        else f"Bezetting van de organen, bijgehouden in de werkplek van {w.register.name}.",
    }
    if oud and oud.voorbeeld:
        gegevens_oud["voorbeeld"] = True
    gegevens_oud["perioden"] = behouden + perioden(c, invoer)
    return als_tekst(gegevens_oud, KOP).encode("utf-8")


@router.post("/bezetting", response_class=HTMLResponse)
async def bezetting_opslaan(request: Request) -> Response:
    form = await lees_formulier(request, 2 * 1024 * 1024)
    tekst = {k: [v for v in form.getlist(k) if isinstance(v, str)] for k in form}
    w = werkplek(request)
    c = w.convenant
    oud, kapot = w.bezetting()
    invoer = _uit_formulier(c, tekst)
    # only a seat of this bezetting keeps its id; anything else sent is a new seat
    bekend = {
        lid.id
        for p in (oud.perioden if oud else [])
        for ob in p.organen.values()
        for lid in ob.leden
    }
    for rijen in invoer.leden.values():
        for rij in rijen:
            if rij.id not in bekend:
                rij.id = ""
    versie_ = (tekst.get("versie") or [""])[0] or None
    actie = (tekst.get("actie") or [""])[0]
    if actie.startswith("meer-"):
        orgaan = actie.removeprefix("meer-")
        if orgaan in invoer.leden:
            invoer.leden[orgaan].extend(Lidrij() for _ in range(2))
        return _toon(request, invoer, {}, versie_)
    fouten = controleer_leden(c, invoer)
    if kapot and not fouten:
        melding = (
            "Niet opgeslagen: de bezetting zoals die nu is opgeslagen is niet te lezen, dus de "
            "werkplek kan niet bepalen welke perioden blijven. Herstel eerst de fout die het "
            "overzicht noemt, of vraag de beheerder een eerdere versie terug te zetten."
        )
        return _toon(request, invoer, fouten, versie_, melding, 409)
    if fouten:
        return _toon(request, invoer, fouten, versie_, status=422)
    pad = _pad(w)
    inhoud = _nieuw(w, c, invoer, oud)
    try:
        w.dienst.invoer(pad, Bezetting, inhoud)  # what is saved reads back, its ids checked
        bewaar(w.register, pad, inhoud, versie_)
    except InvoerFout as e:
        melding = "Niet opgeslagen: " + "; ".join(m.tekst for m in e.meldingen)
        return _toon(request, invoer, fouten, versie_, melding, 422)
    except VerouderdeVersie:
        melding = (
            "Niet opgeslagen: iemand anders heeft de bezetting intussen gewijzigd. Wat u "
            "invulde staat hieronder nog; open de pagina opnieuw om de nieuwe stand te zien "
            "en vul uw wijziging daar in."
        )
        return _toon(request, invoer, fouten, versie_, melding, 409)
    except NietOpgeslagen as e:
        return _toon(request, invoer, fouten, versie_, niet_opgeslagen(e), opslagstatus(e))
    return RedirectResponse("/bezetting?opgeslagen=ja", status_code=303)
