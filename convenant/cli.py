"""The `convenant` command line. Each command only parses and delegates to `opdrachten/`.

`main` is the one place that turns a `ConvenantFout` into a Dutch message on stderr and an
exit code (0 in orde, 1 niet geldig, 2 onleesbare invoer); a traceback appears only with --debug.
Heavy modules are imported inside the commands so `convenant --help` starts instantly.
"""

from __future__ import annotations

import datetime as dt
import gc
import io
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from governance.datums import EERSTE_JAAR, LAATSTE_JAAR
from governance.errors import EXIT_INTERN, EXIT_ONLEESBAAR, ConvenantFout, veilig

from . import __version__, nl, proces
from .documenten.soorten import MAAKBAAR
from .opdrachten import SCHEMASOORTEN

F = TypeVar("F", bound=Callable[..., Any])


class Datum(click.ParamType):  # type: ignore[type-arg]  # generic only in newer click stubs
    """A date as a secretaris types it: 2026-11-28, 28-11-2026 or '28 november 2026'."""

    name = "datum"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> dt.date:
        if isinstance(value, dt.date):
            return value
        from governance.datums import ontleed_datum
        from governance.errors import WaardeFout

        try:
            return ontleed_datum(str(value))
        except ValueError as e:
            self.fail(
                f"{e.tekst}; {e.herstel}" if isinstance(e, WaardeFout) else str(e), param, ctx
            )


class Naam(click.ParamType):  # type: ignore[type-arg]
    """An id on the command line (a Partij, a rol, an orgaan): never empty.

    An empty string would otherwise read as "not given" in one place and as a name in another.
    """

    name = "id"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        tekst = str(value).strip()
        if not tekst:
            self.fail(
                "een lege waarde; geef een id, bijv. 'meppel' of 'casusregisseur'", param, ctx
            )
        return tekst


NAAM = Naam()
# Each click.Path asks gettext for its name as it is made, a look on disk for a translation;
# made once here instead of once per option, that was a tenth of every start (issue 26).
BESTAND = click.Path(path_type=Path, dir_okay=True)
MAP = click.Path(path_type=Path, file_okay=False)


class Opdracht(click.Command):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[OPTIES]")
        super().__init__(*args, **kwargs)


class Opdrachtgroep(click.Group):
    command_class = Opdracht

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[OPTIES]")
        kwargs.setdefault("subcommand_metavar", "OPDRACHT [ARGUMENTEN]...")
        super().__init__(*args, **kwargs)


def convenant_optie(f: F) -> F:
    return click.option(
        "--convenant",
        "convenant_pad",
        type=BESTAND,
        metavar="PAD",
        help="Een ander convenant.yaml dan het meegeleverde.",
    )(f)


def register_optie(f: F) -> F:
    return click.option(
        "--register",
        type=MAP,
        metavar="PAD",
        help="De map van het register (standaard: het register van het invoerbestand, "
        "anders de huidige map).",
    )(f)


def bezetting_optie(f: F) -> F:
    """--bezetting PAD, and --register PAD to find it (and the verdeelsleutel) in a register."""
    return register_optie(alleen_bezetting_optie(f))


def alleen_bezetting_optie(f: F) -> F:
    return click.option(
        "--bezetting",
        "bezetting_pad",
        type=BESTAND,
        metavar="PAD",
        help="Bezettingsbestand (standaard: bezetting.yaml van het register).",
    )(f)


def uitvoer_optie(f: F) -> F:
    return click.option(
        "--uitvoer",
        type=BESTAND,
        metavar="PAD",
        help="Schrijf naar dit bestand in plaats van naar het scherm.",
    )(f)


def overschrijf_optie(f: F) -> F:
    return click.option(
        "--overschrijf",
        "--force",
        "overschrijf",
        is_flag=True,
        help="Vervang een bestaand uitvoerbestand.",
    )(f)


def document_uitvoer_opties(f: F) -> F:
    """--uitvoer, --formaat md|html|docx|pdf and --overschrijf, for every command that writes a document."""
    f = overschrijf_optie(f)
    f = click.option(
        "--formaat",
        type=click.Choice(["md", "html", "docx", "pdf"]),
        help="md, html, docx (Word) of pdf (standaard: volgens de extensie van --uitvoer, "
        "anders md).",
    )(f)
    return uitvoer_optie(f)


def lezing_optie(f: F) -> F:
    """--lezing AANNAME=LEZING (repeatable): judge under another reading of a contested point."""
    return click.option(
        "--lezing",
        "lezingen",
        multiple=True,
        metavar="AANNAME=LEZING",
        help="Oordeel volgens deze lezing van een betwist punt (herhaalbaar); "
        "'convenant lezingen' toont ze.",
    )(f)


def peildatum_optie(uitleg: str) -> Callable[[F], F]:
    """--op DATUM, today unless given."""
    return click.option(
        "--op",
        type=Datum(),
        default=dt.date.today,
        show_default="vandaag",
        metavar="DATUM",
        help=uitleg,
    )


def liquidatie_opties(f: F) -> F:
    """--route, --uittredend, --uittreder-deelt(-niet) and --zonder: who shares which costs."""
    f = click.option(
        "--zonder",
        multiple=True,
        type=NAAM,
        metavar="ID",
        help="Een gemeente die niet meebetaalt (herhaalbaar).",
    )(f)
    f = click.option(
        "--uittreder-deelt/--uittreder-deelt-niet",
        "uittreder_deelt",
        default=None,
        help="Deelt de uittredende gemeente mee? (standaard: de geldende lezing van "
        "uittredende_gemeente_deelt_kosten, en die is ja)",
    )(f)
    f = click.option(
        "--uittredend",
        type=NAAM,
        metavar="ID",
        help="Bij --route uittreding: de gemeente die uittreedt.",
    )(f)
    return click.option(
        "--route",
        type=click.Choice(["opheffing", "uittreding", "rechter"]),
        default="opheffing",
        help="opheffing (standaard), uittreding of rechter (24.5).",
    )(f)


def debug_optie(f: F) -> F:
    # Parsed by main() from argv wherever it stands; declared here so click accepts it.
    return click.option("--debug", is_flag=True, expose_value=False, hidden=True)(f)


@click.group(
    cls=Opdrachtgroep,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(
    __version__,
    "--versie",
    "--version",
    prog_name="convenant",
    message="%(prog)s, versie %(version)s",
    help="Toon de versie en stop.",
)
@click.option(
    "--debug",
    is_flag=True,
    expose_value=False,
    help="Toon bij een fout de volledige Python-traceback.",
)
def cli() -> None:
    """Besluitregels van het convenant Zorg- en Veiligheidshuis Drenthe (ZVHD) als code.

    Elke uitkomst noemt het artikel waarop zij rust; waar het convenant zwijgt of zichzelf
    tegenspreekt, zegt de uitkomst dat zij op een aanname rust.

    Afsluitcodes: 0 in orde, 1 niet geldig of fouten gevonden, 2 invoer onleesbaar.
    """


@cli.command()
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


@cli.command()
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


@cli.command()
@convenant_optie
@click.option("--json", is_flag=True, help="Uitvoer als JSON.")
@debug_optie
def soorten(convenant_pad: Path | None, json: bool) -> int:
    """Toon elke soort besluit: id, naam, welk orgaan besluit, wat voorbehouden is en de vereisten.

    De id is wat een vergaderbestand bij 'soort:' noemt.
    """
    from .opdrachten.soorten import soorten as uitvoeren

    return uitvoeren(convenant_pad, json)


@cli.command()
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


@cli.command()
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


@cli.command()
@click.argument(
    "vergaderingen",
    nargs=-1,
    required=True,
    type=BESTAND,
    metavar="VERGADERING...",
)
@convenant_optie
@bezetting_optie
@click.option(
    "--json",
    is_flag=True,
    help="Uitvoer als JSON (één object per vergadering; een lijst bij meer bestanden).",
)
@lezing_optie
@click.option(
    "--gevoeligheid",
    is_flag=True,
    help="Toon per besluit welk oordeel het onder elke andere lezing zou krijgen.",
)
@debug_optie
def toets(
    vergaderingen: tuple[Path, ...],
    convenant_pad: Path | None,
    bezetting_pad: Path | None,
    register: Path | None,
    json: bool,
    lezingen: tuple[str, ...],
    gevoeligheid: bool,
) -> int:
    """Toets elk besluit van een of meer vergaderingen: geldig genomen, en waarom.

    Geeft per besluit een oordeel (aangenomen, verworpen, aangehouden, escaleren, ongeldig)
    met de gronden, elk met het artikel en, waar van toepassing, de aanname. Afsluitcode 0
    als elk besluit aangenomen of verworpen is, 1 als er iets niet geldig is. Een map als
    VERGADERING staat voor elke vergadering in die map (een register). Lezingen die de
    Stuurgroep vaststelde (lezingen.yaml van het register) gelden vanzelf; --lezing kiest een
    andere, --gevoeligheid toont welke oordelen van een lezing afhangen.
    """
    from governance.registermap import zoek_register

    from .uitslagcache import sleutel, uit_cache_of

    def uitvoeren() -> int:
        from .opdrachten.toets import toets_opdracht

        return toets_opdracht(
            convenant_pad, bezetting_pad, register, vergaderingen, json, lezingen, gevoeligheid
        )

    if not proces.EIGEN:
        return uitvoeren()
    # A meeting judged before on the same files answers from the cache, before any model is
    # defined (the start-up target of issue 26).
    argumenten = {
        "vergaderingen": vergaderingen,
        "convenant": convenant_pad,
        "bezetting": bezetting_pad,
        "register": register,
        "json": json,
        "lezingen": lezingen,
        "gevoeligheid": gevoeligheid,
    }
    paden = [p for p in (*vergaderingen, convenant_pad, bezetting_pad) if p is not None]
    naam = sleutel("toets", argumenten, zoek_register(register, *vergaderingen), *paden)
    return uit_cache_of(naam, uitvoeren)


@cli.command()
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


@cli.command()
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


@cli.command()
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
      agenda, besluitenlijst, actiepuntenlijst   uit een vergaderbestand
      toetredingsformulier (Bijlage 1)           uit een toetredingsbestand
      kennisgeving-toetreding (22.3, 22.4)       uit een toetredingsbestand
      opzegging (25.2, 23.3)                     uit een opzeggingsbestand
      addendum (23.2)                            uit een addendumbestand
      liquidatieoverzicht (25.6, 25.7)           uit een liquidatiebegroting
      notitie-lezingen                           uit een register: de lezingen die de
                                                 Stuurgroep nog moet vaststellen
      uittredingsoverzicht (25.2, 23.3)          uit een opzeggingsbestand

    FORMAAT: md, html, docx (Word) of pdf, met --formaat of volgens de extensie van --uitvoer.
    Het register kan een huisstijl.yaml hebben (briefhoofd, logo, kenmerk, ondertekenaars);
    zonder die is de stijl neutraal ZVHD.

    Ontbreekt een gegeven dat het document nodig heeft, dan noemt de melding het veld en het
    bestand; er komt nooit een lege plek in het document.
    """
    from .opdrachten.maak import maak as uitvoeren

    return uitvoeren(**opties)


@cli.command()
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


@cli.command()
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


@cli.command()
@click.argument("soort", type=click.Choice(SCHEMASOORTEN))
@debug_optie
def schema(soort: str) -> int:
    """Druk het JSON Schema van een invoerbestand af (voor editors en controles)."""
    from .opdrachten.schema import schema as uitvoeren

    return uitvoeren(soort)


@cli.group("register", cls=Opdrachtgroep)
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


@cli.group("account", cls=Opdrachtgroep)
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


@cli.group(cls=Opdrachtgroep)
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


@cli.group(cls=Opdrachtgroep)
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


@cli.group(cls=Opdrachtgroep)
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


@cli.command()
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


@cli.command()
@click.argument(
    "register",
    required=False,
    default=Path("."),
    type=MAP,
    metavar="[REGISTER]",
)
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
    """Start de werkplek van het secretariaat in de browser, op een register (standaard: deze map).

    Overzicht van het jaar met termijnen, vergaderingen vastleggen met direct het oordeel per
    besluit, de besluiten en het convenant. Luistert standaard alleen op deze computer.
    """
    from .web.opdracht import web as uitvoeren

    return uitvoeren(register, poort, adres, token, tekst, convenant_pad, namen)


def main(argv: Sequence[str] | None = None) -> NoReturn:
    """Entry point of the `convenant` program: run, map every outcome to an exit code, leave.

    Two start-up measures, each worth a tenth of a short run (bench/run.py). A run lasts well
    under a second and leaves little cyclic garbage, while the collector would walk the many
    objects that defining the models creates, again and again: it stays off. And tearing the
    interpreter down, module by module, takes longer than judging a meeting: `_verlaat` skips it.
    """
    gc.disable()
    # Pydantic looks for plugins in the metadata of every installed distribution when it
    # builds its first validator; this program uses none, and the search costs a tenth of a
    # short run. Only for this process: importing `convenant` as a library changes nothing.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    if os.environ["PYDANTIC_DISABLE_PLUGINS"] == "__all__":
        _zonder_pluginzoeker()
    proces.EIGEN = True
    _verlaat(uitvoeren(list(sys.argv[1:] if argv is None else argv)))


def _zonder_pluginzoeker() -> None:
    """Even with every plugin disabled, pydantic imports its plugin finder when it builds its
    first validator, and that imports `importlib.metadata` (email, zipfile, csv, …): a tenth of
    judging a meeting never judged before (issue 26). With no plugin to find, a finder that
    finds none stands in for it; where pydantic was imported already, nothing changes."""
    naam = "pydantic.plugin._loader"
    if naam in sys.modules or "pydantic.plugin" in sys.modules:
        return
    import types

    vervanger = types.ModuleType(naam, "Geen plugins: PYDANTIC_DISABLE_PLUGINS=__all__.")
    vervanger.get_plugins = lambda: ()  # type: ignore[attr-defined]
    sys.modules[naam] = vervanger


def _verlaat(code: int) -> NoReturn:
    """Exit at once. Files are complete already (`uitvoer.schrijf` closes them); only the
    standard streams may hold buffered text, and nothing here registers an atexit handler."""
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, ValueError):
        pass  # the reader stopped early (`| head`), or a stream is closed: nothing to add
    os._exit(code)


def _hulpopties_opnieuw(opdracht: click.Command) -> None:
    """Click makes a command's --help option once and keeps it, with its text in the language
    of that moment: one made before `nl.installeer` (a caller in the same process asked for it
    first) would stay English. Drop them, so they are made again in Dutch."""
    opdracht._help_option = None
    for sub in getattr(opdracht, "commands", {}).values():
        _hulpopties_opnieuw(sub)


def uitvoeren(args: list[str]) -> int:
    nl.installeer()
    _hulpopties_opnieuw(cli)
    debug = "--debug" in args
    try:
        uitkomst = cli.main(args=args, prog_name="convenant", standalone_mode=False)
    except ConvenantFout as e:
        if debug:
            raise
        _meld(e.voor_gebruiker())
        return e.exit_code
    except click.ClickException as e:
        tekst = io.StringIO()
        e.show(file=tekst)
        _meld(tekst.getvalue().rstrip("\n"))
        return EXIT_ONLEESBAAR if isinstance(e, click.UsageError) else e.exit_code
    except (click.Abort, KeyboardInterrupt) as e:
        # click turns Ctrl-C into Abort; the shell convention for an interrupt is 128 + SIGINT.
        onderbroken = isinstance(e, KeyboardInterrupt) or isinstance(
            e.__context__, KeyboardInterrupt
        )
        _meld("Afgebroken.")
        return EXIT_ONDERBROKEN if onderbroken else 1
    except (MemoryError, RecursionError) as e:
        if debug:
            raise
        # The loader bounds what a file may hold; this is a last resort, not a route.
        _meld(
            "de invoer is te groot of te diep genest om te verwerken "
            f"({'geheugen' if isinstance(e, MemoryError) else 'nesting'}); "
            "controleer de bestanden op herhaalde verwijzingen (*alias)"
        )
        return EXIT_ONLEESBAAR
    except Exception as e:
        if debug:
            raise
        _meld(
            f"interne fout: {type(e).__name__}: {e}\n"
            "Dit is een fout in het programma, niet in uw invoer. Draai dezelfde opdracht met "
            "--debug en meld de uitvoer."
        )
        return EXIT_INTERN
    return uitkomst if isinstance(uitkomst, int) else 0


EXIT_ONDERBROKEN = 130


def _meld(tekst: str) -> None:
    """Every message reaches stderr through here: bounded, with control characters escaped."""
    click.echo(veilig(tekst, 8_000, regels=True), err=True)
