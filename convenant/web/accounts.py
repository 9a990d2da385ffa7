"""Logging in and out, one's own account, the beheerder's accounts page, and the trail page.

Every message about a failed login is the same, whether the name exists or not; the rate
limit is counted per name and per address alike (convenant/toegang.py).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from governance.datums import lang

from .. import spoor, toegang
from .afhankelijkheden import pagina, werkplek
from .beveiliging import SESSIE_COOKIE, gebruiker_van
from .sessie import sessie_antwoord, terug_pad
from .simulatie import _formulier
from .werkplek import Werkplek

router = APIRouter()

FOUT_INLOGGEN = "De combinatie van gebruikersnaam en wachtwoord is niet bekend."


def _een(form: dict[str, list[str]], naam: str) -> str:
    return (form.get(naam) or [""])[0].strip()


def _adres(request: Request) -> str:
    return request.client.host if request.client else "onbekend"


@router.get("/inloggen", response_class=HTMLResponse)
def inloggen(request: Request, terug: str = "/") -> Response:
    return pagina(
        request,
        "inloggen.html.j2",
        titel="Inloggen",
        sso=_sso(request),
        terug=terug_pad(terug),
        fout="",
        naam="",
    )


def _sso(request: Request) -> str:
    """The text of the single sign-on button, or '' when the register has none (sso.yaml)."""
    from .sso import instellingen

    s = instellingen(request)
    return s.knop if s else ""


@router.post("/inloggen", response_class=HTMLResponse)
async def inloggen_verder(request: Request) -> Response:
    form, _ = await _formulier(request)
    register = werkplek(request).register
    naam, terug = _een(form, "naam"), terug_pad(_een(form, "terug") or "/")
    try:
        gebruiker = toegang.controleer(
            register, naam, (form.get("wachtwoord") or [""])[0], _adres(request)
        )
    except toegang.AccountFout as e:
        return pagina(
            request,
            "inloggen.html.j2",
            429,
            titel="Inloggen",
            sso=_sso(request),
            terug=terug,
            fout=str(e),
            naam=naam,
        )
    if gebruiker is None:
        return pagina(
            request,
            "inloggen.html.j2",
            401,
            titel="Inloggen",
            sso=_sso(request),
            terug=terug,
            fout=FOUT_INLOGGEN,
            naam=naam,
        )
    if terug == "/" and gebruiker.rol == "contactpersoon" and gebruiker.partij:
        terug = f"/partijen/{gebruiker.partij}"
    return sessie_antwoord(request, gebruiker, terug)


@router.post("/uitloggen")
async def uitloggen(request: Request) -> Response:
    await _formulier(request)
    cookie = request.cookies.get(SESSIE_COOKIE)
    register = werkplek(request).register
    if cookie and (sleutel := toegang.ontcijfer(toegang.geheim(register), cookie)):
        toegang.beeindig(register, sleutel)
    antwoord = RedirectResponse("/inloggen", status_code=303)
    antwoord.delete_cookie(SESSIE_COOKIE)
    return antwoord


@router.get("/account", response_class=HTMLResponse)
def account(request: Request, opgeslagen: str = "") -> Response:
    return pagina(
        request,
        "account.html.j2",
        titel="Mijn account",
        fout="",
        opgeslagen=opgeslagen,
        rolnaam=toegang.ROLNAAM,
    )


@router.post("/account/wachtwoord", response_class=HTMLResponse)
async def eigen_wachtwoord(request: Request) -> Response:
    form, _ = await _formulier(request)
    gebruiker = gebruiker_van(request)
    register = werkplek(request).register
    if gebruiker is None or gebruiker.id is None:
        raise HTTPException(422, "Zonder account is er geen wachtwoord om te wijzigen.")
    fout = ""
    try:
        juist = toegang.controleer(register, gebruiker.naam, _een(form, "huidig"), _adres(request))
    except toegang.AccountFout as e:
        juist, fout = None, str(e)
    if fout:
        pass
    elif juist is None:
        fout = "Het huidige wachtwoord klopt niet."
    elif _een(form, "nieuw") != _een(form, "herhaal"):
        fout = "De twee nieuwe wachtwoorden zijn niet gelijk."
    else:
        try:
            toegang.zet_wachtwoord(register, gebruiker.id, _een(form, "nieuw"))
        except toegang.AccountFout as e:
            fout = str(e)
    if fout:
        return pagina(
            request,
            "account.html.j2",
            422,
            titel="Mijn account",
            fout=fout,
            opgeslagen="",
            rolnaam=toegang.ROLNAAM,
        )
    spoor.schrijf(register, gebruiker, "account", f"{gebruiker.weergave} koos een nieuw wachtwoord")
    return RedirectResponse("/inloggen", status_code=303)


# --- the beheerder ------------------------------------------------------------------------------


def _accountspagina(
    request: Request,
    status: int = 200,
    fout: str = "",
    link: str = "",
    velden: dict[str, str] | None = None,
) -> Response:
    w = werkplek(request)
    partijen = [p for p in w.convenant.partijen_op(w.vandaag()) if p.is_partij]
    return pagina(
        request,
        "beheer_accounts.html.j2",
        status,
        titel="Accounts",
        accounts=toegang.accounts(w.register),
        rolnaam=toegang.ROLNAAM,
        rollen=toegang.ROLLEN,
        partijen=partijen,
        partijnamen={p.id: p.naam for p in w.convenant.partijen},
        fout=fout,
        link=link,
        velden=velden or {},
    )


@router.get("/beheer/accounts", response_class=HTMLResponse)
def accountslijst(request: Request) -> Response:
    return _accountspagina(request)


def _link(request: Request, sleutel: str) -> str:
    return f"{str(request.base_url).rstrip('/')}/eenmalig/{quote(sleutel)}"


@router.post("/beheer/accounts", response_class=HTMLResponse)
async def account_maken(request: Request) -> Response:
    form, _ = await _formulier(request)
    w = werkplek(request)
    velden = {k: _een(form, k) for k in ("naam", "weergave", "rol", "partij", "email")}
    if velden["rol"] == "contactpersoon" and velden["partij"] not in {
        p.id for p in w.convenant.partijen
    }:
        return _accountspagina(request, 422, "Kies de Partij van de contactpersoon.", velden=velden)
    try:
        nieuw = toegang.maak_account(
            w.register,
            velden["naam"],
            velden["rol"],
            None,
            velden["weergave"] or None,
            velden["partij"] or None,
            velden["email"] or None,
        )
    except toegang.AccountFout as e:
        return _accountspagina(request, 422, str(e), velden=velden)
    wie = gebruiker_van(request) or toegang.LOKAAL
    spoor.schrijf(
        w.register,
        wie,
        "account",
        f"account {nieuw.naam} gemaakt ({toegang.ROLNAAM[nieuw.rol]}"
        + (f", {nieuw.partij}" if nieuw.partij else "")
        + ")",
    )
    sleutel = toegang.eenmalige_link(w.register, "wachtwoord", nieuw.id)
    return _accountspagina(request, link=_link(request, sleutel))


def _nr(nr: str) -> int:
    if not nr.isdigit():
        raise HTTPException(404, "Dit account bestaat niet.")
    return int(nr)


@router.post("/beheer/accounts/{nr}/herstel", response_class=HTMLResponse)
async def wachtwoord_herstellen(request: Request, nr: str) -> Response:
    """A beheerder resets a password: the old one stops working, a one-time link sets a new one."""
    await _formulier(request)
    w = werkplek(request)
    doel = toegang.account(w.register, _nr(nr))
    if doel is None or doel.id is None:
        raise HTTPException(404, "Dit account bestaat niet (meer).")
    toegang.wis_wachtwoord(w.register, doel.id)
    sleutel = toegang.eenmalige_link(w.register, "wachtwoord", doel.id)
    spoor.schrijf(
        w.register,
        gebruiker_van(request) or toegang.LOKAAL,
        "account",
        f"wachtwoord van {doel.naam} hersteld",
    )
    return _accountspagina(request, link=_link(request, sleutel))


@router.post("/beheer/accounts/{nr}/actief", response_class=HTMLResponse)
async def account_actief(request: Request, nr: str) -> Response:
    form, _ = await _formulier(request)
    w = werkplek(request)
    actief = _een(form, "actief") == "ja"
    toegang.zet_actief(w.register, _nr(nr), actief)
    spoor.schrijf(
        w.register,
        gebruiker_van(request) or toegang.LOKAAL,
        "account",
        f"account {nr} {'weer actief' if actief else 'uitgeschakeld'}",
    )
    return RedirectResponse("/beheer/accounts", status_code=303)


# --- one-time links -----------------------------------------------------------------------------


@router.get("/eenmalig/{sleutel}", response_class=HTMLResponse)
def eenmalig(request: Request, sleutel: str) -> Response:
    doel = toegang.eenmalig(werkplek(request).register, sleutel)
    if doel is None:
        raise HTTPException(
            404, "Deze link is verlopen of al gebruikt. Vraag de beheerder om een nieuwe."
        )
    return pagina(
        request,
        "eenmalig.html.j2",
        titel="Wachtwoord kiezen",
        doel=doel[0],
        sleutel=sleutel,
        fout="",
    )


@router.post("/eenmalig/{sleutel}", response_class=HTMLResponse)
async def eenmalig_verder(request: Request, sleutel: str) -> Response:
    form, _ = await _formulier(request)
    register = werkplek(request).register
    doel = toegang.eenmalig(register, sleutel)
    if doel is None:
        raise HTTPException(
            404, "Deze link is verlopen of al gebruikt. Vraag de beheerder om een nieuwe."
        )
    wachtwoord = (form.get("wachtwoord") or [""])[0]
    fout = ""
    if wachtwoord != (form.get("herhaal") or [""])[0]:
        fout = "De twee wachtwoorden zijn niet gelijk."
    elif len(wachtwoord) < toegang.MIN_WACHTWOORD:
        fout = f"Kies een wachtwoord van minstens {toegang.MIN_WACHTWOORD} tekens."
    elif doel[0] == "beheerder" and not _een(form, "naam"):
        fout = "Kies een gebruikersnaam."
    if not fout:
        try:
            if doel[0] == "beheerder":
                gebruiker = toegang.maak_account(
                    register,
                    _een(form, "naam"),
                    "beheerder",
                    wachtwoord,
                    _een(form, "weergave") or None,
                )
            else:
                assert doel[1] is not None
                toegang.zet_wachtwoord(register, doel[1], wachtwoord)
                gevonden = toegang.account(register, doel[1])
                if gevonden is None:
                    raise toegang.AccountFout("Dit account is uitgeschakeld.")
                gebruiker = gevonden
        except toegang.AccountFout as e:
            fout = str(e)
    if fout:
        return pagina(
            request,
            "eenmalig.html.j2",
            422,
            titel="Wachtwoord kiezen",
            doel=doel[0],
            sleutel=sleutel,
            fout=fout,
        )
    toegang.eenmalig(register, sleutel, gebruik=True)
    spoor.schrijf(
        register,
        gebruiker,
        "account",
        f"{gebruiker.weergave} koos een wachtwoord via een eenmalige link",
    )
    return sessie_antwoord(request, gebruiker, "/")


# --- the trail ---------------------------------------------------------------------------------


# The register's own files, as the secretaris knows them.
_REGISTERBESTANDEN = {
    "bezetting.yaml": "De bezetting van de organen",
    "huisstijl.yaml": "De huisstijl",
    "contacten.yaml": "De contactadressen van de Partijen",
    "lezingen.yaml": "De vastgestelde lezingen",
    "verdeelsleutel.yaml": "De verdeelsleutel",
    "mail.yaml": "De instellingen voor mail",
    "sso.yaml": "De instellingen voor inloggen via de organisatie",
}


def bestandsnamen(w: Werkplek) -> dict[str, str]:
    """Every file the trail may name, in words: a meeting by its orgaan and date, a dossier by
    the organisation that accedes. The file's path stays under 'technische details'."""
    c = w.convenant
    uit = dict(_REGISTERBESTANDEN)
    for g in w.alle():
        if g.vergadering is not None:
            v = g.vergadering.model
            orgaan = c.orgaan[v.orgaan].naam if v.orgaan in c.orgaan else v.orgaan
            naam = f"De vergadering van {lidwoordloos(orgaan)} van {lang(v.datum)}"
            uit[g.pad.relative_to(w.register).as_posix()] = naam
    for d in w.dienst.dossiers():
        if d.model is not None and d.pad.is_relative_to(w.register):
            naam = f"Het toetredingsdossier van {d.model.organisatie.naam}"
            uit[d.pad.relative_to(w.register).as_posix()] = naam
    return uit


def lidwoordloos(orgaan: str) -> str:
    """'Stuurgroep' as 'de Stuurgroep' reads in a sentence that already has its article."""
    return f"de {orgaan}" if not orgaan.lower().startswith(("de ", "het ")) else orgaan


def _in_woorden(regel: dict[str, Any], namen: dict[str, str]) -> dict[str, Any]:
    naam = regel.get("bestand")
    if not naam:
        return regel
    woorden = namen.get(naam) or _map_in_woorden(naam)
    regel = {**regel, "bestand_woorden": woorden}
    # A save was recorded as '<path> gewijzigd'; the page says which document that is.
    if regel["soort"] in {"wijziging", "nieuw"} and regel["omschrijving"].startswith(naam):
        regel["omschrijving"] = woorden + regel["omschrijving"][len(naam) :]
    return regel


def _map_in_woorden(naam: str) -> str:
    map_ = naam.rpartition("/")[0]
    soort = {
        "toetredingen": "Een toetredingsdossier",
        "documenten": "Een document van het register",
        "begrotingen": "Een liquidatiebegroting",
        "bijlagen": "Een bijlage",
    }.get(map_.split("/")[0] if map_ else "")
    return soort or "Een bestand van het register"


@router.get("/spoor", response_class=HTMLResponse)
def spoorpagina(request: Request, bestand: str = "", wie: str = "") -> Response:
    w = werkplek(request)
    register = w.register
    namen = bestandsnamen(w)
    regels = [_in_woorden(r, namen) for r in spoor.lijst(register, bestand or None, wie or None)]
    gekozen = spoor.bestanden(register)
    return pagina(
        request,
        "spoor.html.j2",
        titel="Wie deed wat",
        regels=regels,
        bestanden=[(b, namen.get(b) or _map_in_woorden(b) + f" ({b})") for b in gekozen],
        personen=spoor.personen(register),
        bestand=bestand,
        wie=wie,
        soorten=spoor.SOORTEN,
    )
