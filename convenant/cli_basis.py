"""What the commands of the command line share: click types for a date and an id, the
command classes, and the options several commands take (`cli`, `cli_opdrachten`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from . import nl

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
# A click.Path takes its name ('map', 'bestand', 'pad') in the words of the moment it is made,
# for messages such as "Map 'x' is een bestand": the Dutch catalogue goes in first (before it,
# the name was English, and each type asked gettext to look on disk for a translation). Made
# once here, not once per option.
nl.installeer()
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
