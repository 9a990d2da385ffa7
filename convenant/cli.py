"""The `convenant` command line: the group, `toets`, and `main`, which turns a `ConvenantFout` into
a Dutch message on stderr and an exit code (0 in orde, 1 niet geldig, 2 onleesbare invoer); a
traceback appears only with --debug. The other commands are in `cli_opdrachten`, defined only
when one of them is asked for; heavy modules are imported inside the commands, so that
`convenant --help` starts instantly and `toets` pays for nothing else.
"""

from __future__ import annotations

import gc
import io
import os
import sys
from collections.abc import MutableMapping, Sequence
from pathlib import Path
from typing import NoReturn

import click

from governance.errors import EXIT_INTERN, EXIT_ONLEESBAAR, ConvenantFout, veilig

from . import __version__, nl, proces
from .cli_basis import (
    BESTAND,
    Opdrachtgroep,
    bezetting_optie,
    convenant_optie,
    debug_optie,
    lezing_optie,
)


class Hoofdgroep(Opdrachtgroep):
    """`convenant` itself. `toets` is defined with the group; every other command when one is
    asked for, or the list of them (`cli_opdrachten`): defining some forty commands with their
    options took every start of `toets` three milliseconds (issue 26)."""

    _geladen = False

    @property
    def commands(self) -> dict[str, click.Command]:
        self._laad()
        return self._opdrachten

    @commands.setter
    def commands(self, opdrachten: MutableMapping[str, click.Command]) -> None:
        self._opdrachten = dict(opdrachten)

    def gedefinieerd(self) -> dict[str, click.Command]:
        """The commands defined so far, without defining the others."""
        return self._opdrachten

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        naam = name or cmd.name
        if naam is None:
            raise TypeError("Command has no name.")
        self._opdrachten[naam] = cmd

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self._opdrachten:
            self._laad()
        return self._opdrachten.get(cmd_name)

    def _laad(self) -> None:
        if not self._geladen:
            self._geladen = True
            from .cli_opdrachten import OPDRACHTEN

            for opdracht in OPDRACHTEN:
                assert opdracht.name is not None
                self._opdrachten.setdefault(opdracht.name, opdracht)


@click.group(
    cls=Hoofdgroep,
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
    # of `convenant` only those defined so far: the others are made after nl.installeer
    subs = opdracht.gedefinieerd() if isinstance(opdracht, Hoofdgroep) else None
    for sub in (subs if subs is not None else getattr(opdracht, "commands", {})).values():
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
