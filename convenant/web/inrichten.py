"""Start from nothing (issue 22, part 1): a register set up in the workplace, without YAML.

One form in four steps: the secretariat's name; the house style (logo, signatories); the
members of each orgaan that has members, with the period, whom each represents and the joint
delegates (6.7, 6.8); a contact address per Partij. Every choice shows names; every error
stands next to its field. Nothing is written until everything is valid, and then all files
at once: they are made in a fresh folder beside the target, read back through the register
service, and only then moved in (a new folder by one rename).

Two ways in: `convenant web MAP` on an empty or new folder fills that folder; "Nieuw register"
on the start page makes a new folder elsewhere and moves the workplace onto it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import secrets
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import UploadFile

from governance.bestanden import vergaderbestanden
from governance.contacten import CONTACTEN
from governance.datums import lang, ontleed_datum
from governance.errors import InvoerFout
from governance.huisstijl import (
    HUISSTIJL,
    MAX_LOGO,
    Ondertekenaar,
    _jpeg_maten,
    _png_maten,
)
from governance.models import Convenant
from governance.yamlschrijver import als_tekst

from .afhankelijkheden import pagina, werkplek
from .beveiliging import lees_formulier, te_groot
from .werkplek import Werkplek

router = APIRouter()

KOP = "Vastgelegd in de werkplek"  # the first line of a file the workplace wrote
BEZETTING = "bezetting.yaml"
EIGEN = (BEZETTING, HUISSTIJL, CONTACTEN)
ONDERTEKEND = {
    "kennisgeving-toetreding": "de kennisgeving van een toetreding aan de Partijen (22.3)",
    "toetredingsformulier": "het toetredingsformulier (Bijlage 1)",
    "addendum": "een addendum bij het convenant (23.2)",
}
FUNCTIES = {
    "lid": "lid",
    "voorzitter": "voorzitter",
    "secretaris": "secretaris",
    "adviseur": "adviseur (zonder stem)",
}
RIJEN = 4  # empty member rows an orgaan starts with; "nog een lid" adds more
EMAIL = re.compile(r"^[^@\s<>,;]+@[^@\s<>,;]+\.[^@\s<>,;]+$")
VOORVOEGSEL = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]{0,19}$")
KLEUR = re.compile(r"^#[0-9a-fA-F]{6}$")
# an uploaded logo waits here (not in any register) until the register is made
_LOGOS: dict[str, tuple[str, bytes]] = {}


def is_leeg(register: Path) -> bool:
    """Nothing of a register in the folder yet: no bezetting, house style, contacts or
    meeting. (A folder with only a logo or documents still counts as empty.)"""
    if not register.is_dir():
        return True
    return not any((register / naam).exists() for naam in EIGEN) and not vergaderbestanden(register)


@dataclass
class Lidrij:
    naam: str = ""
    wie: str = ""  # a Partij id, or "rol:<id>" for a function of the ZVHD without a Partij
    functie: str = "lid"
    namens: list[str] = field(default_factory=list)
    plaatsvervanger: str = ""
    # who takes over the seat from a date: a new period of the bezetting starts then
    opvolger: str = ""
    opvolger_vanaf: str = ""
    id: str = ""  # the seat's id in an existing bezetting, kept so its meetings still match

    @property
    def leeg(self) -> bool:
        return not (self.naam or self.wie or self.namens or self.plaatsvervanger or self.opvolger)


@dataclass
class Invoer:
    map: str = ""
    organisatie: str = "Zorg- en Veiligheidshuis Drenthe"
    onderregel: str = "Secretariaat"
    retouradres: str = ""
    kenmerk: str = "ZVHD"
    kleur: str = "#1f4e79"
    voettekst: str = ""
    logo: str = ""  # the key of an uploaded logo in _LOGOS
    logo_naam: str = ""
    ondertekenaars: dict[str, tuple[str, str]] = field(default_factory=dict)
    vanaf: str = ""
    leden: dict[str, list[Lidrij]] = field(default_factory=dict)
    contacten: dict[str, tuple[str, str]] = field(default_factory=dict)
    bevestigd: bool = False  # a new register: the workplace moves onto it, and that is known


def _organen(c: Convenant) -> list[Any]:
    """The organen whose members the register records (the others have no bezetting)."""
    return [o for o in c.organen if o.heeft_bezetting]


def _partijen(c: Convenant) -> list[Any]:
    return [p for p in c.partijen if p.is_partij]


def _leeg(c: Convenant, vandaag: dt.date) -> Invoer:
    return Invoer(
        vanaf=dt.date(vandaag.year, 1, 1).isoformat(),
        leden={o.id: [Lidrij() for _ in range(RIJEN)] for o in _organen(c)},
    )


def _uit_formulier(c: Convenant, form: dict[str, list[str]]) -> Invoer:
    def een(naam: str) -> str:
        return (form.get(naam) or [""])[0].strip()

    invoer = Invoer(
        map=een("map"),
        organisatie=een("organisatie"),
        onderregel=een("onderregel"),
        retouradres=(form.get("retouradres") or [""])[0],
        kenmerk=een("kenmerk"),
        kleur=een("kleur") or "#1f4e79",
        voettekst=een("voettekst"),
        logo=een("logo_bewaard") if een("logo_weg") != "ja" else "",
        logo_naam=een("logo_naam") if een("logo_weg") != "ja" else "",
        vanaf=een("vanaf"),
    )
    if invoer.logo not in _LOGOS:
        invoer.logo, invoer.logo_naam = "", ""
    for soort in ONDERTEKEND:
        invoer.ondertekenaars[soort] = (een(f"onder-{soort}-naam"), een(f"onder-{soort}-functie"))
    for o in _organen(c):
        try:
            aantal = min(int(een(f"{o.id}-aantal") or RIJEN), 200)
        except ValueError:
            aantal = RIJEN
        invoer.leden[o.id] = [
            Lidrij(
                een(f"{o.id}-{i}-naam"),
                een(f"{o.id}-{i}-wie"),
                een(f"{o.id}-{i}-functie") or "lid",
                [p for p in form.get(f"{o.id}-{i}-namens", []) if p in c.partij],
                een(f"{o.id}-{i}-plaatsvervanger"),
                een(f"{o.id}-{i}-opvolger"),
                een(f"{o.id}-{i}-opvolger_vanaf"),
                een(f"{o.id}-{i}-id"),
            )
            for i in range(aantal)
        ]
    for p in _partijen(c):
        invoer.contacten[p.id] = (een(f"contact-{p.id}-email"), een(f"contact-{p.id}-naam"))
    return invoer


def _controleer(c: Convenant, invoer: Invoer, nieuwe_map: bool) -> dict[str, str]:
    """Every error, by the id of the field it belongs to, in words."""
    fouten: dict[str, str] = {}
    if nieuwe_map:
        if not invoer.map:
            fouten["map"] = (
                "vul de map in waar het nieuwe register komt, bijv. /home/secretariaat/register"
            )
        else:
            doel = Path(invoer.map).expanduser()
            if not doel.is_absolute():
                fouten["map"] = "geef de volledige plek van de map, beginnend met /"
            elif doel.exists() and not doel.is_dir():
                fouten["map"] = "dit is een bestand, geen map; kies een andere naam"
            elif doel.is_dir() and any(doel.iterdir()):
                fouten["map"] = (
                    "in deze map staat al iets; kies een nieuwe of lege map, zodat er niets "
                    "wordt overschreven"
                )
            elif not doel.parent.is_dir():
                fouten["map"] = f"de map {doel.parent} bestaat niet; kies een map die er is"
    if not invoer.organisatie:
        fouten["organisatie"] = "vul de naam van de organisatie in; zij staat boven elk document"
    if not VOORVOEGSEL.match(invoer.kenmerk):
        fouten["kenmerk"] = (
            "het voorvoegsel van het kenmerk is één woord van hoogstens twintig letters of "
            "cijfers, bijv. ZVHD"
        )
    if not KLEUR.match(invoer.kleur):
        fouten["kleur"] = "kies een kleur (zes cijfers of letters na #, bijv. #1f4e79)"
    for soort, (naam, functie) in invoer.ondertekenaars.items():
        if naam and not functie:
            fouten[f"onder-{soort}-functie"] = "vul ook de functie in van wie ondertekent"
        elif functie and not naam:
            fouten[f"onder-{soort}-naam"] = "vul ook de naam in van wie ondertekent"
    fouten |= controleer_leden(c, invoer)
    for p in _partijen(c):
        email, _ = invoer.contacten.get(p.id, ("", ""))
        if email and not EMAIL.match(email):
            fouten[f"contact-{p.id}-email"] = (
                f"'{email}' is geen e-mailadres; schrijf het als naam@organisatie.nl"
            )
    return fouten


def _datum(tekst: str) -> dt.date | None:
    try:
        return ontleed_datum(tekst)
    except ValueError:
        return None


def controleer_leden(c: Convenant, invoer: Invoer) -> dict[str, str]:
    """The errors of the members step, by field id (the wizard's and the bezetting page's)."""
    fouten: dict[str, str] = {}
    vanaf = _datum(invoer.vanaf)
    if vanaf is None:
        fouten["vanaf"] = (
            "vul de datum in vanaf wanneer deze leden zitting hebben, bijv. 1 januari van dit jaar"
        )
    ingevuld = 0
    for o in _organen(c):
        voorzitters = 0
        for i, rij in enumerate(invoer.leden.get(o.id, [])):
            if rij.leeg:
                continue
            ingevuld += 1
            k = f"{o.id}-{i}"
            if rij.opvolger or rij.opvolger_vanaf:
                wanneer = _datum(rij.opvolger_vanaf)
                if not rij.opvolger:
                    fouten[f"{k}-opvolger"] = (
                        "vul de naam van de opvolger in, of maak de datum leeg"
                    )
                elif wanneer is None:
                    fouten[f"{k}-opvolger_vanaf"] = (
                        "vul de datum in waarop de opvolger begint, bijv. 1-7-2027"
                    )
                elif vanaf is not None and wanneer <= vanaf:
                    fouten[f"{k}-opvolger_vanaf"] = (
                        f"de opvolger begint na de eerste zittingsdag ({lang(vanaf)}); kies "
                        "een latere datum, of vul de opvolger zelf als lid in"
                    )
            if not rij.naam:
                fouten[f"{o.id}-{i}-naam"] = "vul de naam of functie van dit lid in"
            if not rij.wie:
                fouten[f"{o.id}-{i}-wie"] = (
                    "kies de Partij die dit lid vertegenwoordigt, of de functie binnen het "
                    "Zorg- en Veiligheidshuis"
                )
            elif not (rij.wie in c.partij or (rij.wie.startswith("rol:") and rij.wie[4:] in c.rol)):
                fouten[f"{o.id}-{i}-wie"] = "kies een Partij of functie uit de lijst"
            elif rij.namens and rij.wie.startswith("rol:"):
                fouten[f"{o.id}-{i}-namens"] = (
                    "alleen een afgevaardigde van een Partij kan namens andere Partijen spreken"
                )
            if rij.functie not in FUNCTIES:
                fouten[f"{o.id}-{i}-functie"] = "kies een functie uit de lijst"
            if rij.functie == "voorzitter":
                voorzitters += 1
                if voorzitters > 1:
                    fouten[f"{o.id}-{i}-functie"] = f"{o.naam} heeft al een voorzitter"
    if not ingevuld:
        eerste = _organen(c)[0].id
        fouten[f"{eerste}-0-naam"] = "vul ten minste één lid in van een orgaan"
    return fouten


def _lid_ids(c: Convenant, invoer: Invoer) -> dict[tuple[str, int], str]:
    """A member's id from its orgaan and Partij or function (sg_assen, po_manager), unique
    within the orgaan: the id is what meetings record, never shown on a page."""
    uit: dict[tuple[str, int], str] = {}
    for o in _organen(c):
        voorvoegsel = "".join(w[0] for w in re.findall(r"[a-z]+", o.id))[:2] or "l"
        voorvoegsel = {"stuurgroep": "sg", "partneroverleg": "po"}.get(o.id, voorvoegsel)
        rijen = invoer.leden.get(o.id, [])
        # a seat kept from the bezetting keeps its id: the meetings recorded it
        bezet: set[str] = {r.id for r in rijen if r.naam and r.id}
        for i, rij in enumerate(rijen):
            if not rij.naam:
                continue
            if rij.id:
                uit[(o.id, i)] = rij.id
                continue
            basis = f"{voorvoegsel}_{rij.wie.removeprefix('rol:')}"
            ident, n = basis, 2
            while ident in bezet:
                ident, n = f"{basis}_{n}", n + 1
            bezet.add(ident)
            uit[(o.id, i)] = ident
    return uit


def perioden(c: Convenant, invoer: Invoer) -> list[dict[str, Any]]:
    """The periods of the bezetting from the form's first day: one, and a new one from each
    date a successor takes over a seat (the seat keeps its id, only its holder changes)."""
    ids = _lid_ids(c, invoer)
    begin = ontleed_datum(invoer.vanaf)
    wissels = sorted(
        {
            d
            for rijen in invoer.leden.values()
            for r in rijen
            if r.naam and r.opvolger and (d := _datum(r.opvolger_vanaf)) and d > begin
        }
    )
    uit: list[dict[str, Any]] = []
    grenzen = [begin, *wissels]
    for n, start in enumerate(grenzen):
        periode: dict[str, Any] = {"vanaf": start}
        if n + 1 < len(grenzen):
            periode["tot"] = grenzen[n + 1]
        periode["organen"] = _organen_op(c, invoer, ids, start)
        uit.append(periode)
    return uit


def _organen_op(
    c: Convenant, invoer: Invoer, ids: dict[tuple[str, int], str], start: dt.date
) -> dict[str, Any]:
    organen: dict[str, Any] = {}
    for o in _organen(c):
        leden = []
        for i, rij in enumerate(invoer.leden.get(o.id, [])):
            if (o.id, i) not in ids:
                continue
            opgevolgd = bool(rij.opvolger) and (_datum(rij.opvolger_vanaf) or start) <= start
            naam = rij.opvolger if opgevolgd else rij.naam
            lid: dict[str, Any] = {"id": ids[(o.id, i)], "naam": naam}
            if rij.wie.startswith("rol:"):
                lid["rol"] = rij.wie[4:]
            else:
                lid["partij"] = rij.wie
            if rij.functie != "lid":
                lid["functie"] = rij.functie
            if rij.namens:
                # a joint delegate speaks for its own Partij too (6.7, 6.8)
                namens = [p.id for p in c.partijen if p.id in {*rij.namens, rij.wie}]
                lid["namens"] = namens
            if rij.plaatsvervanger:
                lid["plaatsvervanger"] = rij.plaatsvervanger
            leden.append(lid)
        if leden:
            organen[o.id] = {"leden": leden}
    return organen


def _bestanden(c: Convenant, invoer: Invoer, vandaag: dt.date) -> dict[str, bytes]:
    """The register's files, as the register service reads them."""
    bestanden = {
        BEZETTING: als_tekst(
            {
                "toelichting": f"Bezetting van {invoer.organisatie}, ingericht in de werkplek op "
                f"{vandaag.isoformat()}.",
                "perioden": perioden(c, invoer),
            },
            KOP,
        ).encode("utf-8")
    }
    huisstijl: dict[str, Any] = {"organisatie": invoer.organisatie}
    if invoer.onderregel:
        huisstijl["onderregel"] = invoer.onderregel
    regels = [r.strip() for r in invoer.retouradres.splitlines() if r.strip()]
    if regels:
        huisstijl["retouradres"] = regels
    if invoer.logo:
        naam, inhoud = _LOGOS[invoer.logo]
        logo = "logo" + Path(naam).suffix.lower().replace(".jpeg", ".jpg")
        huisstijl["logo"] = logo
        bestanden[logo] = inhoud
    huisstijl["kenmerk_voorvoegsel"] = invoer.kenmerk
    huisstijl["kleur"] = invoer.kleur
    ondertekenaars = {
        soort: Ondertekenaar(naam=naam, functie=functie).model_dump()
        for soort, (naam, functie) in invoer.ondertekenaars.items()
        if naam and functie
    }
    if ondertekenaars:
        huisstijl["ondertekenaars"] = ondertekenaars
    if invoer.voettekst:
        huisstijl["voettekst"] = invoer.voettekst
    bestanden[HUISSTIJL] = als_tekst(huisstijl, KOP).encode("utf-8")
    contacten = {
        p: [{"email": email, **({"naam": naam} if naam else {})}]
        for p, (email, naam) in invoer.contacten.items()
        if email
    }
    if contacten:
        bestanden[CONTACTEN] = als_tekst({"partijen": contacten}, KOP).encode("utf-8")
    return bestanden


def _logo_uit(upload: Any) -> tuple[str | None, str]:
    """Keep an uploaded logo until the register is made: (its key, or None, and the error)."""
    if not isinstance(upload, UploadFile) or not upload.filename:
        return None, ""
    inhoud = b"" if te_groot(upload, MAX_LOGO) else upload.file.read(MAX_LOGO + 1)
    naam = Path(upload.filename).name
    if te_groot(upload, MAX_LOGO):
        return None, f"het logo is groter dan {MAX_LOGO // (1024 * 1024)} MB; sla het kleiner op"
    if _png_maten(inhoud) is None and _jpeg_maten(inhoud) is None:
        return None, "dit is geen PNG- of JPEG-afbeelding; sla het logo op als PNG of JPEG"
    sleutel = secrets.token_urlsafe(16)
    while len(_LOGOS) >= 20:  # a few forms in progress at most; the oldest goes
        _LOGOS.pop(next(iter(_LOGOS)))
    suffix = ".png" if _png_maten(inhoud) is not None else ".jpg"
    _LOGOS[sleutel] = (Path(naam).stem + suffix, inhoud)
    return sleutel, ""


def _schrijf(doel: Path, bestanden: dict[str, bytes], w: Werkplek) -> None:
    """All files or none: made in a folder beside `doel`, read back by the register service,
    then moved in. Raises InvoerFout when the register service refuses what was made."""
    from ..register import Register

    doel.parent.mkdir(parents=True, exist_ok=True)
    werk = doel.parent / f".{doel.name}.inrichting-{secrets.token_hex(4)}"
    werk.mkdir()
    try:
        for naam, inhoud in bestanden.items():
            (werk / naam).write_bytes(inhoud)
        proef = Register(werk, convenant_pad=w.convenant_pad)
        _, fouten = proef.bezetting_met_fouten()
        if fouten:
            raise InvoerFout(fouten)
        proef.huisstijl()
        proef.contacten()
        if doel.exists():  # the served folder, empty: file by file, undone on failure
            gezet: list[Path] = []
            try:
                for naam in bestanden:
                    if (doel / naam).exists():
                        raise FileExistsError(doel / naam)
                    os.replace(werk / naam, doel / naam)
                    gezet.append(doel / naam)
            except BaseException:
                for pad in gezet:
                    with contextlib.suppress(OSError):
                        pad.unlink()
                raise
        else:
            os.rename(werk, doel)
    finally:
        shutil.rmtree(werk, ignore_errors=True)


def _toon(
    request: Request,
    invoer: Invoer,
    fouten: dict[str, str],
    nieuwe_map: bool,
    melding: str = "",
    status: int = 200,
    gedeeld: bool = False,
    gemaakt: str = "",
) -> Response:
    w = werkplek(request)
    c = w.convenant
    return pagina(
        request,
        "inrichten.html.j2",
        status,
        gedeeld=gedeeld,
        gemaakt=gemaakt,
        titel="Nieuw register" if nieuwe_map else "Register inrichten",
        i=invoer,
        fouten=fouten,
        nieuwe_map=nieuwe_map,
        melding=melding,
        organen=_organen(c),
        partijen=_partijen(c),
        rollen=list(c.rollen),
        ondertekend=ONDERTEKEND,
        functies=FUNCTIES,
    )


def _met_accounts(request: Request) -> bool:
    """Whether this workplace is shared by accounts. Then a new register is the beheerder's
    to make, and the workplace does not move onto it: everyone logged in would suddenly work
    in another register (one without their accounts). It is made beside, and gets its own
    workplace. Without accounts the one person at this computer makes it and moves with it,
    after saying so in the form."""
    from .. import toegang
    from .beveiliging import gebruiker_van
    from .rechten import Geweigerd

    if not toegang.heeft_accounts(werkplek(request).register):
        return False
    wie = gebruiker_van(request)
    if wie is None or wie.rol != "beheerder":
        raise Geweigerd(wie is not None, "beheer", wie.weergave if wie else "")
    return True


@router.get("/inrichten", response_class=HTMLResponse)
def inrichten(request: Request) -> Response:
    w = werkplek(request)
    invoer = _leeg(w.convenant, w.vandaag())
    nieuwe_map = not is_leeg(w.register)
    gedeeld = nieuwe_map and _met_accounts(request)
    if nieuwe_map:
        voorstel = Path.home() / "register-zvhd"
        invoer.map = "" if voorstel.exists() else str(voorstel)
    return _toon(request, invoer, {}, nieuwe_map, gedeeld=gedeeld)


@router.post("/inrichten", response_class=HTMLResponse)
async def inrichten_opslaan(request: Request) -> Response:
    form = await lees_formulier(request, 3 * 1024 * 1024)
    tekst = {k: [v for v in form.getlist(k) if isinstance(v, str)] for k in form}
    upload = form.get("logo")
    w = werkplek(request)
    c = w.convenant
    nieuwe_map = not is_leeg(w.register)
    gedeeld = nieuwe_map and _met_accounts(request)
    invoer = _uit_formulier(c, tekst)
    invoer.bevestigd = (tekst.get("bevestig") or [""])[0] == "ja"
    fouten: dict[str, str] = {}
    sleutel, logofout = _logo_uit(upload)
    if sleutel:
        invoer.logo, invoer.logo_naam = sleutel, _LOGOS[sleutel][0]
    if logofout:
        fouten["logo"] = logofout
    actie = (tekst.get("actie") or [""])[0]
    if actie.startswith("meer-"):  # one more member row, nothing checked yet
        orgaan = actie.removeprefix("meer-")
        if orgaan in invoer.leden:
            invoer.leden[orgaan].extend(Lidrij() for _ in range(2))
        return _toon(request, invoer, fouten, nieuwe_map, gedeeld=gedeeld)
    fouten |= _controleer(c, invoer, nieuwe_map)
    if nieuwe_map and not gedeeld and not invoer.bevestigd:
        fouten["bevestig"] = (
            "vink aan dat de werkplek daarna met het nieuwe register werkt, of maak het "
            "register niet aan"
        )
    if fouten:
        return _toon(request, invoer, fouten, nieuwe_map, status=422, gedeeld=gedeeld)
    doel = Path(invoer.map).expanduser() if nieuwe_map else w.register
    bestanden = _bestanden(c, invoer, w.vandaag())
    try:
        _schrijf(doel, bestanden, w)
    except InvoerFout as e:
        melding = "Het register kon zo niet worden gemaakt: " + "; ".join(
            m.tekst for m in e.meldingen
        )
        return _toon(request, invoer, fouten, nieuwe_map, melding, 422, gedeeld)
    except OSError as e:
        melding = (
            f"Niet opgeslagen: de map kon niet worden geschreven ({e.strerror or e}). Er is "
            "niets gewijzigd en wat u invulde staat hieronder nog. Kies een andere map, of "
            "vraag de beheerder om schrijfrechten."
        )
        return _toon(request, invoer, fouten, nieuwe_map, melding, 503, gedeeld)
    _LOGOS.pop(invoer.logo, None)
    _in_het_spoor(request, doel)
    if not nieuwe_map:
        return RedirectResponse("/?ingericht=ja", status_code=303)
    _in_het_spoor(
        request,
        w.register,
        f"Nieuw register aangemaakt in {doel}; "
        + ("deze werkplek blijft bij dit register" if gedeeld else "de werkplek werkt nu daarmee"),
    )
    if gedeeld:
        return _toon(request, invoer, {}, nieuwe_map, gedeeld=True, gemaakt=str(doel))
    _wissel(request, doel)
    return RedirectResponse("/?ingericht=ja", status_code=303)


def _in_het_spoor(
    request: Request, register: Path, wat: str = "Het register is ingericht in de werkplek"
) -> None:
    """The trail of the new register starts with who set it up; the trail of the register
    it was made from says so too."""
    from .. import spoor, toegang
    from .beveiliging import gebruiker_van

    wie = gebruiker_van(request) or toegang.LOKAAL
    spoor.schrijf(register, wie, "nieuw", wat)


def _wissel(request: Request, register: Path) -> None:
    """The workplace now works on the new register: every page reads it from here on."""
    oud: Werkplek = request.app.state.werkplek
    nieuw = Werkplek(register, oud.convenant_pad, oud.tekst_pad)
    request.app.state.werkplek = nieuw
    request.app.state.sjablonen.algemeen["register_naam"] = nieuw.register.name
