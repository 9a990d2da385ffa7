"""Sending from the workplace: the kennisgeving of a toetreding to every Partij (22.3), a
meeting's invitation (iCalendar, METHOD:REQUEST) and its besluitenlijst (5.8), and the outbox.

Each sending goes through the outbox (convenant/post.py), keyed by what it is, so a second
press sends nothing twice; what went out is recorded in the register itself: the date the
Partijen were informed in the dossier, a Verzending in the meeting file (which closes the
sending obligations of the jaaroverzicht), and each message with its Message-ID in the trail.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from governance.contacten import Contacten, Mailinstellingen
from governance.datums import lang
from governance.errors import InvoerFout, VerouderdeVersie
from governance.opslag import versie
from governance.vergadering import Vergadering

from .. import post, toegang
from .afhankelijkheden import pagina, werkplek
from .beveiliging import gebruiker_van
from .simulatie import _formulier
from .toetreding import _bewaar_dossier, _dossier, stand
from .werkplek import Werkplek

router = APIRouter()


def _instellingen(w: Werkplek) -> tuple[Mailinstellingen, Contacten]:
    try:
        instellingen = w.dienst.mail()
        contacten = w.dienst.contacten()
    except InvoerFout as e:
        raise HTTPException(
            422, f"De instellingen voor mail zijn niet te lezen: {e.voor_gebruiker()}"
        ) from None
    if instellingen is None:
        raise HTTPException(
            422,
            "De werkplek heeft nog geen mailserver. De beheerder stelt die in (handleiding, "
            "hoofdstuk Beheer); tot dan downloadt u het document en verstuurt u het zelf.",
        )
    return instellingen, contacten


def _adres(request: Request, instellingen: Mailinstellingen) -> str:
    return (instellingen.werkplek_adres or str(request.base_url)).rstrip("/")


def _wie(request: Request) -> toegang.Gebruiker:
    return gebruiker_van(request) or toegang.LOKAAL


@router.post("/toetredingen/{id_}/verzend")
async def verzend_kennisgeving(request: Request, id_: str) -> Response:
    """The kennisgeving (22.3) to every Partij with a contact address, the PDF attached and a
    link to the Partij's page where it answers (22.4)."""
    from .documenten import maak

    await _formulier(request)
    w = werkplek(request)
    instellingen, contacten = _instellingen(w)
    dossier, inhoud = _dossier(w, id_)
    d = dossier.model
    if d is None:
        raise HTTPException(422, "Dit dossier is niet te lezen; herstel het eerst.")
    if d.kennisgeving_op is None:
        # sending it is informing the Partijen: the date goes into the dossier (22.3)
        d = d.model_copy(update={"kennisgeving_op": w.vandaag()})
        try:
            _bewaar_dossier(w, dossier.pad, d, versie(inhoud))
        except VerouderdeVersie:
            return _terug(id_, "Het dossier werd net gewijzigd; probeer het nog eens.")
    s = stand(w, d)
    pdf = maak(w, "kennisgeving-toetreding", "pdf", d.verzoek(), dossier.pad)
    bijlage = post.Bijlage(f"kennisgeving-toetreding-{id_}.pdf", pdf.inhoud, "application/pdf")
    adres = _adres(request, instellingen)
    eerder = post.al_geplaatst(w.register, f"kennisgeving:{id_}:")
    nieuw, zonder = 0, []
    for p in s.partijen:
        sleutel = f"kennisgeving:{id_}:{p.id}"
        if sleutel in eerder:
            continue
        wie = contacten.partijen.get(p.id)
        if not wie:
            zonder.append(p.naam)
            continue
        tekst = (
            f"Geachte {wie[0].naam or 'contactpersoon'},\n\n"
            f"Namens de Stuurgroep van het Zorg- en Veiligheidshuis Drenthe brengen wij "
            f"{p.naam} op de hoogte van de voorgenomen toetreding van {d.organisatie.naam} tot "
            f"het convenant (artikel 22.3). De kennisgeving is bijgevoegd.\n\n"
            f"De Stuurgroep kan alleen besluiten met akkoord van alle Partijen (artikel 22.4). "
            + (
                f"Wij vragen uw antwoord uiterlijk {lang(s.akkoord_uiterlijk)}. "
                if s.akkoord_uiterlijk
                else ""
            )
            + f"U geeft het op de pagina van uw Partij:\n{adres}/partijen/{p.id}\n\n"
            f"Met vriendelijke groet,\n{instellingen.afzender_naam}\n"
        )
        m = post.bericht(
            instellingen,
            [c.email for c in wie],
            f"Kennisgeving voorgenomen toetreding van {d.organisatie.naam} (art. 22.3)",
            tekst,
            sleutel,
            (bijlage,),
        )
        if post.plaats(w.register, sleutel, m, p.id, "kennisgeving-toetreding", _wie(request)):
            nieuw += 1
    _verzonden, mislukt = post.verwerk(w.register, instellingen)
    delen = [f"De kennisgeving staat voor {nieuw} Partijen in de verzendlijst"]
    if eerder:
        delen.append(f"{len(eerder)} hadden haar al (niet opnieuw verzonden)")
    if zonder:
        delen.append(f"zonder contactadres: {', '.join(zonder)}")
    if mislukt:
        delen.append(f"{mislukt} nog niet afgeleverd (zie Verzendlijst; wordt opnieuw geprobeerd)")
    return _terug(id_, "; ".join(delen) + ".", "bericht")


def _terug(id_: str, tekst: str, soort: str = "melding") -> Response:
    return RedirectResponse(f"/toetredingen/{id_}?{soort}={quote(tekst)}", status_code=303)


# --- meetings -------------------------------------------------------------------------------


def _partijen_van_orgaan(w: Werkplek, v: Vergadering) -> list[str]:
    """The Partijen with a seat in the meeting's orgaan on its date (the bezetting)."""
    bezetting, _ = w.bezetting()
    uit: list[str] = []
    for periode in bezetting.perioden if bezetting else []:
        if periode.geldt_op(v.datum):
            ob = periode.organen.get(v.orgaan)
            for lid in ob.leden if ob else []:
                uit += [p for p in lid.vertegenwoordigt if p not in uit]
    return uit


def uitnodiging_ics(w: Werkplek, id_: str, v: Vergadering, organisator: str) -> bytes:
    """The meeting as an iCalendar invitation (METHOD:REQUEST): one event a mail program adds
    to the agenda; the same UID each time, so a second invitation updates the first."""
    from icalendar import Calendar, Event, vCalAddress

    orgaan = w.convenant.orgaan[v.orgaan].naam
    cal = Calendar()
    cal.add("prodid", "-//convenant ZVHD//werkplek//NL")
    cal.add("version", "2.0")
    cal.add("method", "REQUEST")
    e = Event()
    e.add("uid", f"{id_}@convenant-zvhd")
    e.add("summary", f"Vergadering {orgaan}")
    if v.tijd:
        uur, minuut = (int(x) for x in v.tijd.replace(".", ":").split(":"))
        begin = dt.datetime.combine(v.datum, dt.time(uur, minuut))
        e.add("dtstart", begin)
        e.add("dtend", begin + dt.timedelta(hours=2))
    else:
        e.add("dtstart", v.datum)
        e.add("dtend", v.datum + dt.timedelta(days=1))
    e.add("dtstamp", dt.datetime.now(dt.UTC))
    e.add("sequence", 0)
    if v.locatie:
        e.add("location", v.locatie)
    onderwerpen = "\n".join(f"- {b.onderwerp}" for b in v.besluiten)
    e.add("description", f"Op de agenda:\n{onderwerpen}")
    e.add("organizer", vCalAddress(f"mailto:{organisator}"))
    cal.add_component(e)
    return bytes(cal.to_ical())


@router.post("/vergaderingen/{id_}/verzend")
async def verzend_vergadering(request: Request, id_: str) -> Response:
    """The invitation (with the meeting in the calendar) or the besluitenlijst to the contact
    persons of the Partijen with a seat in the orgaan; the besluitenlijst recorded as sent."""
    form, _ = await _formulier(request)
    w = werkplek(request)
    instellingen, contacten = _instellingen(w)
    soort = (form.get("soort") or [""])[0]
    if soort not in ("uitnodiging", "besluitenlijst"):
        raise HTTPException(422, "Kies wat u verzendt: de uitnodiging of de besluitenlijst.")
    gelezen = w.lees(id_)
    if gelezen.vergadering is None:
        raise HTTPException(422, "Deze vergadering is niet te lezen; herstel haar eerst.")
    v = gelezen.vergadering.model
    orgaan = w.convenant.orgaan[v.orgaan].naam
    if soort == "uitnodiging":
        bijlage = post.Bijlage(
            "uitnodiging.ics",
            uitnodiging_ics(w, id_, v, instellingen.afzender),
            "text/calendar",
            "REQUEST",
        )
        onderwerp = f"Uitnodiging: vergadering {orgaan} op {lang(v.datum)}"
        inleiding = (
            f"Hierbij nodigen wij u uit voor de vergadering van de {orgaan} op {lang(v.datum)}"
        )
    else:
        from .documenten import maak

        pdf = maak(w, "besluitenlijst", "pdf", v, gelezen.pad).inhoud
        bijlage = post.Bijlage(f"besluitenlijst-{id_}.pdf", pdf, "application/pdf")
        onderwerp = f"Besluitenlijst {orgaan} van {lang(v.datum)}"
        inleiding = f"Hierbij ontvangt u de besluitenlijst van de vergadering van de {orgaan} op {lang(v.datum)}"
    adres = _adres(request, instellingen)
    eerder = post.al_geplaatst(w.register, f"{soort}:{id_}:")
    nieuw, zonder = 0, []
    for partij in _partijen_van_orgaan(w, v):
        sleutel = f"{soort}:{id_}:{partij}"
        wie = contacten.partijen.get(partij)
        naam = w.convenant.partij[partij].naam if partij in w.convenant.partij else partij
        if sleutel in eerder:
            continue
        if not wie:
            zonder.append(naam)
            continue
        tekst = (
            f"Geachte {wie[0].naam or 'contactpersoon'},\n\n{inleiding}.\n\n"
            f"Wat het convenant van {naam} vraagt, staat op de pagina van uw Partij:\n"
            f"{adres}/partijen/{partij}\n\nMet vriendelijke groet,\n{instellingen.afzender_naam}\n"
        )
        m = post.bericht(
            instellingen, [c.email for c in wie], onderwerp, tekst, sleutel, (bijlage,)
        )
        vastleggen = {
            "bestand": gelezen.pad.name,
            "documenten": ["agenda" if soort == "uitnodiging" else "besluitenlijst"],
            "aan": [partij],
        }
        if post.plaats(w.register, sleutel, m, partij, soort, _wie(request), vastleggen):
            nieuw += 1
    _verzonden, mislukt = post.verwerk(w.register, instellingen)
    melding = f"{'De uitnodiging' if soort == 'uitnodiging' else 'De besluitenlijst'} staat voor {nieuw} Partijen in de verzendlijst"
    if eerder:
        melding += f"; {len(eerder)} hadden haar al (niet opnieuw verzonden)"
    if zonder:
        melding += f"; zonder contactadres: {', '.join(zonder)}"
    if mislukt:
        melding += f"; {mislukt} nog niet afgeleverd (zie Verzendlijst)"
    return RedirectResponse(f"/vergaderingen/{id_}?melding={quote(melding + '.')}", status_code=303)


# --- the outbox ------------------------------------------------------------------------------


@router.get("/verzendlijst", response_class=HTMLResponse)
def verzendlijst(request: Request) -> Response:
    w = werkplek(request)
    return pagina(
        request,
        "verzendlijst.html.j2",
        titel="Verzendlijst",
        berichten=post.uitbak(w.register),
        namen={p.id: p.naam for p in w.convenant.partijen},
    )


@router.post("/verzendlijst/{nr}/opnieuw")
async def opnieuw(request: Request, nr: str) -> Response:
    await _formulier(request)
    w = werkplek(request)
    if not nr.isdigit():
        raise HTTPException(404, "Dit bericht staat niet in de verzendlijst.")
    post.opnieuw(w.register, int(nr))
    try:
        instellingen = w.dienst.mail()
    except InvoerFout:
        instellingen = None
    post.verwerk(w.register, instellingen)
    return RedirectResponse("/verzendlijst", status_code=303)
