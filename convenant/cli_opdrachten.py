"""Every command of `convenant` but `toets`: defined when one of them is asked for (see
`cli.Hoofdgroep`), not on every start. Each only parses and delegates to `opdrachten/`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import click

from governance.datums import EERSTE_JAAR, LAATSTE_JAAR

from .cli_basis import (
    BESTAND,
    MAP,
    NAAM,
    Datum,
    Opdracht,
    Opdrachtgroep,
    alleen_bezetting_optie,
    bezetting_optie,
    convenant_optie,
    debug_optie,
    document_uitvoer_opties,
    lezing_optie,
    liquidatie_opties,
    overschrijf_optie,
    peildatum_optie,
    register_optie,
    uitvoer_optie,
)
from .documenten.soorten import MAAKBAAR, hulptekst
from .opdrachten import SCHEMASOORTEN


@click.command(cls=Opdracht)
@convenant_optie
@bezetting_optie
@click.option(
    "--verdeelsleutel",
    "verdeelsleutel_pad",
    type=BESTAND,
    metavar="PAD",
    help="Verdeelsleutel (standaard: verdeelsleutel.yaml van het register).",
)
@click.option(
    "--bevindingen/--geen-bevindingen",
    "met_bevindingen",
    default=True,
    help="Toon de bevindingen en aannames (standaard: ja).",
)
@click.option("--json", is_flag=True, help="Uitvoer als JSON.")
@debug_optie
def valideer(**opties: Any) -> int:
    """Controleer convenant.yaml, bezetting en verdeelsleutel en toon de bevindingen.

    Controleert dat elke verwijzing klopt, elk genoemd artikel bestaat, elke escalatieketen
    bij een eindgezag eindigt en de bezetting de regels van 4.2, 4.4, 6.3, 6.7 en 6.8 volgt.
    """
    from .opdrachten.valideer import valideer as uitvoeren

    return uitvoeren(**opties)


@click.command(cls=Opdracht)
@convenant_optie
@peildatum_optie("Peildatum (standaard: vandaag).")
@click.option(
    "--soort",
    type=click.Choice(["gemeente", "ketenpartner", "ondersteuner"]),
    help="Alleen deze soort.",
)
@click.option("--json", is_flag=True, help="Uitvoer als JSON.")
@register_optie
@debug_optie
def partijen(
    convenant_pad: Path | None, op: dt.date, soort: str | None, json: bool, register: Path | None
) -> int:
    """Toon de Partijen die op een datum aan het convenant deelnemen.

    Met de toetredingen van het register (toetredingen/): een ondertekend dossier maakt de
    organisatie Partij vanaf de datum van ondertekening.
    """
    from .opdrachten.partijen import partijen as uitvoeren

    return uitvoeren(convenant_pad, op, soort, json, register)


@click.command(cls=Opdracht)
@convenant_optie
@click.option("--json", is_flag=True, help="Uitvoer als JSON.")
@debug_optie
def soorten(convenant_pad: Path | None, json: bool) -> int:
    """Toon elke soort besluit: id, naam, welk orgaan besluit, wat voorbehouden is en de vereisten.

    De id is wat een vergaderbestand bij 'soort:' noemt.
    """
    from .opdrachten.soorten import soorten as uitvoeren

    return uitvoeren(convenant_pad, json)


@click.command(cls=Opdracht)
@click.option("--orgaan", metavar="ID", help="Alleen dit orgaan (bijv. stuurgroep).")
@peildatum_optie("Peildatum: de bezetting die dan geldt (standaard: vandaag).")
@convenant_optie
@bezetting_optie
@click.option("--json", is_flag=True, help="Uitvoer als JSON.")
@debug_optie
def leden(**opties: Any) -> int:
    """Toon wie op een datum in welk orgaan zit: de ids die een vergaderbestand noemt.

    Per lid: id, naam, functie en de Partij(en) die het vertegenwoordigt, uit de bezetting van
    het register (bezetting.yaml). Organen zonder bezetting (Casusoverleg, jaarvergadering)
    noemen de Partijen zelf: zie 'convenant partijen'.
    """
    from .opdrachten.leden import leden as uitvoeren

    return uitvoeren(**opties)


@click.command(cls=Opdracht)
@convenant_optie
@click.option(
    "--formaat",
    type=click.Choice(["mermaid", "dot"]),
    default="mermaid",
    help="mermaid (standaard) of dot (Graphviz).",
)
@uitvoer_optie
@overschrijf_optie
@click.option(
    "--werkproces",
    is_flag=True,
    help="Teken het werkproces (Bijlage 3) in plaats van de escalatie.",
)
@debug_optie
def graaf(
    convenant_pad: Path | None,
    formaat: str,
    uitvoer: Path | None,
    overschrijf: bool,
    werkproces: bool,
) -> int:
    """Teken de escalatiegraaf (impasses, voorbehouden onderwerpen, geschillen) of het werkproces."""
    from .opdrachten.graaf import graaf as uitvoeren

    return uitvoeren(convenant_pad, formaat, uitvoer, overschrijf, werkproces)


@click.command(cls=Opdracht)
@convenant_optie
@bezetting_optie
@click.option("--json", is_flag=True, help="Uitvoer als JSON.")
@debug_optie
def lezingen(
    convenant_pad: Path | None, bezetting_pad: Path | None, register: Path | None, json: bool
) -> int:
    """Toon de betwiste lezingen: de alternatieven, welke de Stuurgroep vaststelde en over
    hoeveel besluiten in het register elke lezing beslist.

    Het register is --register PAD, anders de huidige map (of een map erboven). Vastgestelde
    lezingen staan in lezingen.yaml van het register.
    """
    from .opdrachten.lezingen import lezingen as uitvoeren

    return uitvoeren(convenant_pad, bezetting_pad, register, json)


@click.command(cls=Opdracht)
@convenant_optie
@register_optie
@peildatum_optie("De datum waarop de tekst geldt (standaard: vandaag).")
@click.option("--json", is_flag=True, help="Uitvoer als JSON.")
@debug_optie
def versie(convenant_pad: Path | None, register: Path | None, op: dt.date, json: bool) -> int:
    """Toon welke tekst van het convenant op een datum geldt (23.2).

    De meegeleverde tekst met de addenda uit documenten/ van het register die dan in werking
    zijn, en wat elk addendum wijzigde; daarna de addenda die later ingaan. Een vergadering
    wordt getoetst aan de tekst die op haar datum geldt.
    """
    from .opdrachten.versie import versie as uitvoeren

    return uitvoeren(convenant_pad, register, op, json)


# The kinds `maak` makes: the registry's list (light to import, no templates or models).
DOCUMENTSOORTEN = list(MAAKBAAR)


@click.command(cls=Opdracht)
@click.argument("soort", type=click.Choice(DOCUMENTSOORTEN), metavar="SOORT")
@click.argument("invoer", type=BESTAND, metavar="INVOER")
@document_uitvoer_opties
@click.option(
    "--sjablonen",
    type=MAP,
    metavar="MAP",
    help="Eigen sjablonen; die gaan voor de meegeleverde en draaien in een sandbox.",
)
@click.option(
    "--verdeelsleutel",
    "verdeelsleutel_pad",
    type=BESTAND,
    metavar="PAD",
    help="Voor liquidatieoverzicht en uittredingsoverzicht: de verdeelsleutel (standaard: die "
    "van het register).",
)
@click.option(
    "--met-toetsing",
    is_flag=True,
    help="Voor besluitenlijst: de volledige toetsing per besluit in een bijlage.",
)
@click.option(
    "--datum",
    type=Datum(),
    metavar="DATUM",
    help="Voor agenda: de datum waarop de agenda wordt verstuurd (standaard vandaag).",
)
@liquidatie_opties
@click.option(
    "--begroting",
    "begroting_pad",
    type=BESTAND,
    metavar="PAD",
    help="Voor uittredingsoverzicht: de liquidatiebegroting, voor de kosten van de uittreding.",
)
@convenant_optie
@bezetting_optie
@debug_optie
def maak(**opties: Any) -> int:
    """Maak een document dat klaar is om te versturen.

    \b
    SOORT is een van:
    {soorten}

    FORMAAT: md, html, docx (Word) of pdf, met --formaat of volgens de extensie van --uitvoer.
    Het register kan een huisstijl.yaml hebben (briefhoofd, logo, kenmerk, ondertekenaars);
    zonder die is de stijl neutraal ZVHD.

    Ontbreekt een gegeven dat het document nodig heeft, dan noemt de melding het veld en het
    bestand; er komt nooit een lege plek in het document.
    """
    from .opdrachten.maak import maak as uitvoeren

    return uitvoeren(**opties)


# the kinds in the help come from the registry, as the choices do
# (indented as the docstring, which click dedents when it shows the help)
maak.help = (maak.help or "").replace(
    "    {soorten}", "\n".join("    " + regel for regel in hulptekst().splitlines())
)


@click.command(cls=Opdracht)
@convenant_optie
@click.option(
    "--geschil",
    type=NAAM,
    metavar="ROL",
    help="Een geschil over de taakuitvoering door deze rol (bijv. casusregisseur).",
)
@click.option(
    "--impasse",
    type=NAAM,
    metavar="ORGAAN",
    help="Dit orgaan komt niet tot een besluit (bijv. partneroverleg).",
)
@click.option("--json", is_flag=True, help="Uitvoer als JSON.")
@debug_optie
def escaleer(
    convenant_pad: Path | None, geschil: str | None, impasse: str | None, json: bool
) -> int:
    """Toon de weg van een geschil of een impasse, stap voor stap met het artikel."""
    from .opdrachten.escaleer import escaleer as uitvoeren

    return uitvoeren(convenant_pad, geschil, impasse, json)


@click.command(cls=Opdracht)
@click.option(
    "--verantwoording",
    "verantwoording_pad",
    type=BESTAND,
    metavar="PAD",
    help="Een ander verantwoording.yaml dan het meegeleverde.",
)
@click.option("--json", is_flag=True, help="Uitvoer als JSON.")
@overschrijf_optie
@click.option(
    "--formaat",
    type=click.Choice(["md", "html", "pdf"]),
    help="md, html of pdf (standaard: volgens de extensie van --uitvoer, anders md).",
)
@uitvoer_optie
@register_optie
@convenant_optie
@debug_optie
def verantwoording(**opties: Any) -> int:
    """Het convenant artikel voor artikel, naast de regels die het vastleggen.

    Per artikel, lid, onderdeel, voetnoot en Bijlage: de regels, soorten en procedures met hun
    plaats in convenant.yaml (regel en sleutelpad) of rules/ (module en functie), de aannames,
    lezingen en bevindingen die erover gaan, of waarom er geen regel is (verantwoording.yaml).
    Afsluitcode 1 als een plaats niet verantwoord is of een regel een artikel noemt dat niet
    bestaat.
    """
    from .opdrachten.verantwoording import verantwoording as uitvoeren

    return uitvoeren(**opties)


@click.command(cls=Opdracht)
@click.argument("soort", type=click.Choice(SCHEMASOORTEN))
@debug_optie
def schema(soort: str) -> int:
    """Druk het JSON Schema van een invoerbestand af (voor editors en controles)."""
    from .opdrachten.schema import schema as uitvoeren

    return uitvoeren(soort)


@click.group("register", cls=Opdrachtgroep)
def register_groep() -> None:
    """Een register: de map met de vergaderingen, bezetting en verdeelsleutel van een secretariaat."""


@register_groep.command("nieuw")
@click.argument("pad", type=BESTAND, metavar="PAD")
@convenant_optie
@debug_optie
def register_nieuw(pad: Path, convenant_pad: Path | None) -> int:
    """Maak een leeg register: bezetting.yaml om in te vullen en LEESMIJ.md.

    LEESMIJ.md zegt wat waar staat en bevat een verdeelsleutel om in te vullen en als
    verdeelsleutel.yaml op te slaan (alleen nodig voor een liquidatie). PAD is een nieuwe of
    lege map; een map met bestanden wordt geweigerd.
    """
    from .opdrachten.register import nieuw

    return nieuw(pad, convenant_pad)


@click.group("account", cls=Opdrachtgroep)
def account_groep() -> None:
    """Accounts van de werkplek: wie inlogt, met welke rol (secretaris, voorzitter, contactpersoon, beheerder)."""


# Required, not the working directory: an account made in the wrong folder would start a
# database there and lock nobody out of the register that was meant (DESIGN: found from paths).
REGISTER_OPTIE = click.option(
    "--register",
    "register",
    required=True,
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    metavar="MAP",
    help="De map van het register.",
)


@account_groep.command("maak")
@click.argument("naam")
@click.option(
    "--rol",
    type=click.Choice(["secretaris", "voorzitter", "contactpersoon", "beheerder"]),
    default="beheerder",
    show_default=True,
    help="De rol van het account.",
)
@click.option("--partij", metavar="PARTIJ", help="Bij een contactpersoon: de Partij.")
@click.option("--weergave", metavar="TEKST", help="De naam zoals de werkplek die toont.")
@click.option("--email", metavar="ADRES", help="Het e-mailadres.")
@click.option(
    "--wachtwoord-invoer",
    is_flag=True,
    help="Lees het wachtwoord van de standaardinvoer (voor scripts) in plaats van het te vragen.",
)
@REGISTER_OPTIE
@debug_optie
def account_maak(
    naam: str,
    rol: str,
    partij: str | None,
    weergave: str | None,
    email: str | None,
    wachtwoord_invoer: bool,
    register: Path,
) -> int:
    """Maak een account, standaard de beheerder; het wachtwoord wordt gevraagd (minstens 10 tekens)."""
    from .opdrachten.account import maak

    return maak(register, naam, rol, partij, weergave, email, wachtwoord_invoer)


@account_groep.command("lijst")
@REGISTER_OPTIE
@debug_optie
def account_lijst(register: Path) -> int:
    """Toon de accounts van het register met hun rol."""
    from .opdrachten.account import lijst

    return lijst(register)


@account_groep.command("link")
@REGISTER_OPTIE
@debug_optie
def account_link(register: Path) -> int:
    """Maak een eenmalige link waarmee de eerste beheerder in de browser een account maakt."""
    from .opdrachten.account import link

    return link(register)


@click.group(cls=Opdrachtgroep)
def simuleer() -> None:
    """Simuleer een uittreding of een liquidatie, vóór iemand een brief tekent."""


@simuleer.command("uittreding")
@click.option("--partij", required=True, type=NAAM, metavar="ID", help="De Partij die vertrekt.")
@click.option(
    "--opzegging",
    type=Datum(),
    metavar="DATUM",
    help="Datum van de schriftelijke opzegging (25.2, 23.3).",
)
@click.option(
    "--route",
    type=click.Choice(["opzegtermijn", "wijziging", "uitsluiting"]),
    default="opzegtermijn",
    help="opzegtermijn (25.2, standaard), wijziging (23.3) of uitsluiting (24.3, 25.3).",
)
@click.option(
    "--ingang",
    type=Datum(),
    metavar="DATUM",
    help="Bij --route wijziging: wanneer de wijziging ingaat.",
)
@click.option(
    "--ingebrekestelling",
    type=Datum(),
    metavar="DATUM",
    help="Bij --route uitsluiting: datum van de ingebrekestelling (24.3).",
)
@click.option(
    "--hersteltermijn",
    type=Datum(),
    metavar="DATUM",
    help="Bij --route uitsluiting: einde van de hersteltermijn (24.3).",
)
@click.option(
    "--besluit",
    type=Datum(),
    metavar="DATUM",
    help="Bij --route uitsluiting: datum van de besluiten van Stuurgroep en colleges (25.3).",
)
@click.option("--json", is_flag=True, help="Uitvoer als JSON.")
@document_uitvoer_opties
@click.option(
    "--begroting",
    "begroting_pad",
    type=BESTAND,
    metavar="PAD",
    help="Met --uitvoer of --formaat: de liquidatiebegroting, voor de kosten van de uittreding.",
)
@click.option(
    "--verdeelsleutel",
    "verdeelsleutel_pad",
    type=BESTAND,
    metavar="PAD",
    help="De verdeelsleutel (standaard: verdeelsleutel.yaml van het register).",
)
@lezing_optie
@convenant_optie
@bezetting_optie
@debug_optie
def simuleer_uittreding(**opties: Any) -> int:
    """Tijdlijn van een uittreding: ingangsdatum, rechten en plichten tot dan, wat blijft gelden, zetels en liquidatie.

    Met --uitvoer PAD (of --formaat) wordt het een uittredingsoverzicht om te versturen (md,
    html, docx of pdf, in de huisstijl van het register), met --begroting ook de kosten.
    """
    from .opdrachten.simuleer import uittreding

    return uittreding(**opties)


@simuleer.command("liquidatie")
@click.option(
    "--begroting",
    "begroting_pad",
    required=True,
    type=BESTAND,
    metavar="PAD",
    help="De liquidatiebegroting van de VRD (25.6).",
)
@click.option(
    "--verdeelsleutel",
    "verdeelsleutel_pad",
    type=BESTAND,
    metavar="PAD",
    help="De verdeelsleutel (standaard: verdeelsleutel.yaml van het register).",
)
@register_optie
@liquidatie_opties
@click.option(
    "--alle-uittredingen",
    "allemaal",
    is_flag=True,
    help="Per gemeente die uittreedt: de nieuwe aandelen van de andere.",
)
@click.option(
    "--json", is_flag=True, help="Uitvoer als JSON (bedragen als tekst met twee decimalen)."
)
@click.option("--csv", is_flag=True, help="Uitvoer als CSV met puntkomma's en decimale komma's.")
@lezing_optie
@click.option(
    "--gevoeligheid",
    "met_gevoeligheid",
    is_flag=True,
    help="Toon welke bedragen verschuiven, en met hoeveel, onder elke andere lezing.",
)
@convenant_optie
@debug_optie
def simuleer_liquidatie(**opties: Any) -> int:
    """Verdeel de liquidatiekosten: gemeenten naar de verdeelsleutel (25.6), gedetacheerden bij hun partner (25.7)."""
    from .opdrachten.simuleer import liquidatie

    return liquidatie(**opties)


@click.group(cls=Opdrachtgroep)
def casus() -> None:
    """Het werkproces (Bijlage 3) en de criteria voor complexe casuïstiek (Bijlage 2)."""


@casus.command("toets")
@click.argument("bestand", type=BESTAND, metavar="CASUS")
@click.option("--json", is_flag=True, help="Uitvoer als JSON.")
@lezing_optie
@convenant_optie
@debug_optie
def casus_toets(
    bestand: Path, json: bool, lezingen: tuple[str, ...], convenant_pad: Path | None
) -> int:
    """Toets elke stap van een casus: mag hij volgen, en is vastgelegd wat hij vraagt?"""
    from .opdrachten.casus import casus_toets as uitvoeren

    return uitvoeren(convenant_pad, bestand, json, lezingen)


@casus.command("volgende")
@click.argument("bestand", type=BESTAND, metavar="CASUS")
@click.option("--json", is_flag=True, help="Uitvoer als JSON.")
@convenant_optie
@debug_optie
def casus_volgende(bestand: Path, json: bool, convenant_pad: Path | None) -> int:
    """Toon de stappen die na de laatste vastgelegde stap mogen volgen."""
    from .opdrachten.casus import casus_volgende as uitvoeren

    return uitvoeren(convenant_pad, bestand, json)


@casus.command("criteria")
@click.option(
    "--ja",
    multiple=True,
    type=NAAM,
    metavar="CRITERIUM",
    help="Een criterium dat vervuld is (herhaalbaar); de andere gelden als niet vervuld.",
)
@click.option(
    "--onbekend",
    multiple=True,
    type=NAAM,
    metavar="CRITERIUM",
    help="Een criterium waarvan nog niet bekend is of het vervuld is (herhaalbaar).",
)
@click.option("--json", is_flag=True, help="Uitvoer als JSON.")
@lezing_optie
@convenant_optie
@debug_optie
def casus_criteria(
    ja: tuple[str, ...],
    onbekend: tuple[str, ...],
    json: bool,
    lezingen: tuple[str, ...],
    convenant_pad: Path | None,
) -> int:
    """Is het complexe casuïstiek (Bijlage 2)? Zegt welk criterium ontbreekt, wat nog niet te
    bepalen is, en of het antwoord onder de andere lezing van Bijlage 2 anders zou zijn."""
    from .opdrachten.casus import casus_criteria as uitvoeren

    return uitvoeren(convenant_pad, ja, json, lezingen, onbekend)


@click.group(cls=Opdrachtgroep)
def informatie() -> None:
    """Wie mag welke informatie zien, gebruiken of doorgeven (9.8, 12.2f, 16–18, 21)."""


@informatie.command("toets")
@click.argument("bestand", type=BESTAND, metavar="VERZOEK")
@click.option("--json", is_flag=True, help="Uitvoer als JSON.")
@convenant_optie
@debug_optie
def informatie_toets(bestand: Path, json: bool, convenant_pad: Path | None) -> int:
    """Toegestaan, toegestaan onder voorwaarden of niet toegestaan, met de gronden."""
    from .opdrachten.casus import informatie_toets as uitvoeren

    return uitvoeren(convenant_pad, bestand, json)


@click.command(cls=Opdracht)
@click.argument("register", type=MAP, metavar="REGISTER")
@click.option(
    "--jaar",
    type=click.IntRange(EERSTE_JAAR, LAATSTE_JAAR),
    help="Het jaar (standaard: het jaar van de laatste vergadering in het register).",
)
@click.option(
    "--op",
    type=Datum(),
    metavar="DATUM",
    help="Peildatum voor de leeftijd van open punten (standaard: 31 december van het jaar).",
)
@click.option("--json", is_flag=True, help="Uitvoer als JSON.")
@document_uitvoer_opties
@lezing_optie
@click.option(
    "--gevoeligheid",
    "met_gevoeligheid",
    is_flag=True,
    help="Toon welke verplichtingen omslaan onder elke andere lezing.",
)
@convenant_optie
@alleen_bezetting_optie
@debug_optie
def jaaroverzicht(**opties: Any) -> int:
    """Toets de verplichtingen over een jaar voor een map met vergaderbestanden.

    Vergaderfrequenties (4.3, 6.2), jaarvergadering (6.4), Jaarplan (4.5, 4.8), verzending van
    notulen en lijsten (5.8, 5.9, 7.3, 7.5), opvolging van geëscaleerde besluiten, en wat open
    staat: aangehouden besluiten, actiepunten en kennisgevingen. Afsluitcode 1 als iets niet in orde is.
    """
    from .opdrachten.jaaroverzicht import jaaroverzicht as uitvoeren

    return uitvoeren(**opties)


@click.command(cls=Opdracht)
@click.argument("register", type=MAP, metavar="REGISTER")
@click.option(
    "--poort", type=click.IntRange(1, 65535), default=8000, show_default=True, help="De poort."
)
@click.option(
    "--adres",
    default="127.0.0.1",
    show_default=True,
    help="Het adres om op te luisteren; een ander adres dan deze computer vraagt --token.",
)
@click.option(
    "--naam",
    "namen",
    multiple=True,
    metavar="HOSTNAAM",
    help="De naam waaronder de werkplek achter een reverse proxy wordt geopend (bijv. werkplek.zvhd.nl); mag vaker.",
)
@click.option(
    "--token",
    metavar="GEHEIM",
    help="Toegangstoken dat elk verzoek moet meesturen (of zet CONVENANT_WEB_TOKEN).",
)
@click.option(
    "--tekst",
    type=BESTAND,
    metavar="PAD",
    help="Uw eigen exemplaar van de convenanttekst; de pagina Convenant toont dan per artikel de tekst.",
)
@convenant_optie
@debug_optie
def web(
    register: Path,
    poort: int,
    adres: str,
    namen: tuple[str, ...],
    token: str | None,
    tekst: Path | None,
    convenant_pad: Path | None,
) -> int:
    """Start de werkplek van het secretariaat in de browser, op een register (een map).

    Overzicht van het jaar met termijnen, vergaderingen vastleggen met direct het oordeel per
    besluit, de besluiten en het convenant. Luistert standaard alleen op deze computer.
    """
    from .web.opdracht import web as uitvoeren

    return uitvoeren(register, poort, adres, token, tekst, convenant_pad, namen)


# The commands and groups directly under `convenant`, in the order of their definition.
OPDRACHTEN: tuple[click.Command, ...] = (
    valideer,
    partijen,
    soorten,
    leden,
    graaf,
    lezingen,
    versie,
    maak,
    escaleer,
    verantwoording,
    schema,
    register_groep,
    account_groep,
    simuleer,
    casus,
    informatie,
    jaaroverzicht,
    web,
)
