"""Bounds for a user's own templates (`maak --sjablonen MAP`): they are code from outside.

The sandbox of Jinja stops attribute escapes; it does not stop a template that never ends,
fills the memory or the disk, or reads a file outside its folder. Here every one of those is
bounded, and every way a template can fail becomes an exit-2 message naming the template and
its line:

- reading: only files inside the templates folder (no symlink out, no absolute path, no '..'),
  UTF-8, at most `MAX_SJABLOON` bytes;
- computing: `range` up to `MAX_BEREIK`; `*`, `**`, `+` and `%` refuse results beyond
  `MAX_LENGTE` items or `MAX_BITS` bits before computing them; no filter or method accepts a
  width or count above `MAX_LENGTE`;
- a Word template (a zip): at most `MAX_WORD` bytes on disk, `MAX_WORD_DELEN` parts and
  `MAX_WORD_UITGEPAKT` bytes unpacked, checked in the zip's directory before it is opened;
- running: at most `MAX_SECONDEN` seconds, `MAX_UITVOER` characters of output, Python's
  recursion limit for recursive includes and macros and, on the main thread, `MAX_GEHEUGEN`
  more address space than the process had (so a filter that allocates in C gets a MemoryError
  instead of the machine's memory).
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import sys
import threading
import time
import types
import zipfile
from collections.abc import Callable, Iterator, Sized
from pathlib import Path
from typing import Any

import jinja2
import jinja2.sandbox
from jinja2.loaders import split_template_path

from governance.errors import InvoerFout, Melding, echo

MAX_SJABLOON = 256 * 1024
MAX_UITVOER = 5_000_000
MAX_SECONDEN = 10
MAX_GEHEUGEN = 1024 * 1024 * 1024
MAX_BEREIK = 100_000
MAX_LENGTE = 1_000_000
MAX_BITS = 4096
# A Word template is a zip. A house-style template with a logo is well under a megabyte; the
# bounds leave room for photographs, not for a file that unpacks to gigabytes (a zip bomb).
MAX_WORD = 10 * 1024 * 1024
MAX_WORD_UITGEPAKT = 50 * 1024 * 1024
MAX_WORD_DELEN = 1000
# Word's XML says in ten characters what Markdown says in one.
MAX_WORD_UITVOER = 10 * MAX_UITVOER
# A printf width or precision of more than this many characters ('%0999999999d').
_BREEDTE = re.compile(r"%[-+ #0]*(\d{7,}|\*)|%[-+ #0]*\d*\.(\d{7,}|\*)|\{[^}]*:[^}]*\d{7,}")


class _Grens(Exception):
    """A bound was reached; the message says which, and `plek` where, when the bound was
    noticed outside the template's own frames (a clock that fires during Jinja's handling)."""

    def __init__(self, tekst: str, plek: tuple[str | None, int | None] = (None, None)) -> None:
        super().__init__(tekst)
        self.plek = plek


def _plek_in_stapel(frame: types.FrameType | None) -> tuple[str | None, int | None]:
    """The template file and line that `frame` or a caller of it is running, if any."""
    while frame is not None:
        sjabloon = frame.f_globals.get("__jinja_template__")
        if isinstance(sjabloon, jinja2.Template):
            return sjabloon.filename, sjabloon.get_corresponding_lineno(frame.f_lineno)
        frame = frame.f_back
    return None, None


def _fout(naam: str, tekst: str, regel: int | None = None, herstel: str = "") -> InvoerFout:
    return InvoerFout(
        [Melding(naam, tekst, regel, 1 if regel else None, herstel=herstel or _HERSTEL)]
    )


_HERSTEL = "pas het sjabloon aan; de meegeleverde sjablonen in templates/ zijn een voorbeeld"


def binnen_map(map_: Path, pad: Path) -> Path:
    """The real file behind a user's template (Jinja or Word), refused when a symlink leads
    out of the sjablonenmap: a template may only read what the user put there."""
    echt = Path(os.path.realpath(pad))
    if not echt.is_relative_to(map_.resolve()):
        raise _fout(
            str(pad),
            "het sjabloon verwijst (als symlink) naar een bestand buiten de sjablonenmap",
            herstel="zet het sjabloon zelf in de sjablonenmap",
        )
    return echt


_WORD_OPSLAAN = "open het bestand in Word en sla het op als Word-document (.docx)"


def controleer_word(pad: Path) -> None:
    """Refuse a Word template that is too big, unpacks too big or is no zip at all, before
    python-docx reads it. Python's zipfile never unpacks an entry beyond the size its directory
    declares (and then fails its CRC check), so checking the declared sizes is enough."""
    mb = 1024 * 1024
    grootte = pad.stat().st_size
    if grootte > MAX_WORD:
        raise _fout(
            str(pad),
            f"het Word-sjabloon is {grootte / mb:.1f} MB; een sjabloon mag hoogstens "
            f"{MAX_WORD // mb} MB zijn",
            herstel="maak het sjabloon kleiner: comprimeer de afbeeldingen erin (Word: "
            "Afbeelding comprimeren) en haal ingesloten bestanden eruit",
        )
    try:
        with zipfile.ZipFile(pad) as z:
            delen = z.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise _fout(
            str(pad),
            "het sjabloon is geen Word-document (.docx): het is geen leesbaar zip-bestand",
            herstel=f"{_WORD_OPSLAAN}; een .doc of .dotx moet eerst worden omgezet",
        ) from None
    uitgepakt = sum(d.file_size for d in delen)
    if len(delen) > MAX_WORD_DELEN or uitgepakt > MAX_WORD_UITGEPAKT:
        omvang = (
            f"{len(delen)} onderdelen (hoogstens {MAX_WORD_DELEN})"
            if len(delen) > MAX_WORD_DELEN
            else f"{uitgepakt / mb:.0f} MB (hoogstens {MAX_WORD_UITGEPAKT // mb} MB)"
        )
        raise _fout(
            str(pad),
            f"het Word-sjabloon wordt uitgepakt {omvang}; zo groot is geen gewoon Word-document "
            "(het kan een zip-bom zijn) en het wordt niet geopend",
            herstel="maak het sjabloon opnieuw in Word als gewoon .docx, zonder grote "
            "ingesloten bestanden of afbeeldingen",
        )


def word_onleesbaar(pad: Path) -> InvoerFout:
    """A zip that python-docx cannot read as a Word document (no document part, a .dotx …)."""
    return _fout(str(pad), "het sjabloon is geen leesbaar Word-document", herstel=_WORD_OPSLAAN)


def word_fout(pad: Path, e: BaseException, waar: str) -> InvoerFout:
    """A failure inside a Word template: a line in its XML means nothing to its author, so the
    message quotes the paragraph (`waar`) in which it happened."""
    plek = f"; {waar}" if waar else ""
    return _fout(
        str(pad),
        f"{_uitleg(e).rstrip('.')}{plek}",
        herstel=f"open het sjabloon in Word en verbeter {'die plek' if waar else 'het'}; de "
        "meegeleverde Word-sjablonen in templates/docx/ zijn een voorbeeld",
    )


class MapLader(jinja2.BaseLoader):
    """Templates from one folder and nowhere else."""

    def __init__(self, map_: Path) -> None:
        self.map = map_.resolve()

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        pad = self.map.joinpath(*split_template_path(template))  # refuses '..'
        if not os.path.lexists(pad):
            raise jinja2.TemplateNotFound(template)
        echt = binnen_map(self.map, pad)
        if not echt.is_file():
            raise jinja2.TemplateNotFound(template)
        with echt.open("rb") as f:
            inhoud = f.read(MAX_SJABLOON + 1)
        if len(inhoud) > MAX_SJABLOON:
            raise _fout(str(pad), f"het sjabloon is groter dan {MAX_SJABLOON // 1024} kB")
        try:
            bron = inhoud.decode("utf-8")
        except UnicodeDecodeError as e:
            raise _fout(
                str(pad),
                "het sjabloon is geen UTF-8",
                inhoud.count(b"\n", 0, e.start) + 1,
                "sla het sjabloon op als UTF-8",
            ) from None
        tijd = echt.stat().st_mtime
        return bron, str(pad), lambda: echt.is_file() and echt.stat().st_mtime == tijd


def _bereik(*args: Any) -> range:
    bereik = range(*args)
    if len(bereik) > MAX_BEREIK:
        raise _Grens(f"range met meer dan {MAX_BEREIK} getallen")
    return bereik


def _lengte(waarde: Any) -> int:
    return len(waarde) if isinstance(waarde, Sized) and not isinstance(waarde, dict) else 0


def _groot_getal(waarde: Any) -> bool:
    return isinstance(waarde, int) and abs(waarde) > MAX_LENGTE


def _controleer_argumenten(naam: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    if any(_groot_getal(a) for a in (*args, *kwargs.values())):
        raise _Grens(f"{naam} met een getal boven {MAX_LENGTE}")
    if any(isinstance(a, str) and _BREEDTE.search(a) for a in (*args, *kwargs.values())):
        raise _Grens(f"{naam} met een veldbreedte van miljoenen tekens")


def _begrensd_filter(naam: str, filter_: Callable[..., Any]) -> Callable[..., Any]:
    """The filter, refusing a width or count beyond the bound in its parameters (not its value)."""
    eerste = 1 + (1 if getattr(filter_, "jinja_pass_arg", None) else 0)

    @functools.wraps(filter_)
    def begrensd(*args: Any, **kwargs: Any) -> Any:
        _controleer_argumenten(f"het filter {naam}", args[eerste:], kwargs)
        if naam == "format" and len(args) >= eerste and isinstance(args[eerste - 1], str):
            _controleer_argumenten("het filter format", (args[eerste - 1],), {})
        return filter_(*args, **kwargs)

    return begrensd


class BegrensdSjabloon(jinja2.Template):
    """A template whose `render` stops at `MAX_WORD_UITVOER` characters: docxtpl renders the
    XML of a Word template with `render`, where `render` below uses `generate` for text."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        delen: list[str] = []
        lengte = 0
        for deel in self.generate(*args, **kwargs):
            lengte += len(deel)
            if lengte > MAX_WORD_UITVOER:
                raise _Grens(f"het document wordt groter dan {MAX_WORD_UITVOER} tekens")
            delen.append(deel)
        return "".join(delen)


class BegrensdeSandbox(jinja2.sandbox.SandboxedEnvironment):
    """Jinja's sandbox with the bounds above on operators, calls, filters, `range` and output."""

    intercepted_binops = frozenset({"*", "**", "+", "%", "//", "/"})
    template_class = BegrensdSjabloon

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.globals["range"] = _bereik
        self.globals.pop("lipsum", None)

    def begrens_filters(self) -> None:
        """Wrap every filter; called once the project's own filters are added too."""
        for naam, filter_ in list(self.filters.items()):
            if not getattr(filter_, "_begrensd", False):
                begrensd = _begrensd_filter(naam, filter_)
                begrensd._begrensd = True  # type: ignore[attr-defined]
                self.filters[naam] = begrensd

    def call_binop(
        self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any
    ) -> Any:
        getallen = isinstance(left, int) and isinstance(right, int)
        if operator == "**" and getallen and right > 0 and abs(left) > 1:
            if right * abs(left).bit_length() > MAX_BITS:
                raise _Grens(f"een macht met meer dan {MAX_BITS} bits")
        elif operator == "*" and getallen:
            if left.bit_length() + right.bit_length() > MAX_BITS:
                raise _Grens(f"een product met meer dan {MAX_BITS} bits")
        elif operator == "*":
            aantal = right if isinstance(right, int) else left if isinstance(left, int) else 1
            if max(_lengte(left), _lengte(right)) * max(aantal, 0) > MAX_LENGTE:
                raise _Grens(f"een herhaling van meer dan {MAX_LENGTE} tekens of elementen")
        elif operator == "+" and _lengte(left) + _lengte(right) > MAX_LENGTE:
            raise _Grens(f"een tekst of lijst van meer dan {MAX_LENGTE} elementen")
        elif operator == "%" and isinstance(left, str) and _BREEDTE.search(left):
            raise _Grens("een opmaak met een veldbreedte van miljoenen tekens")
        return super().call_binop(context, operator, left, right)

    def call(
        __self,  # Jinja's own signature
        __context: jinja2.runtime.Context,
        __obj: Any,
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        if isinstance(__obj, types.BuiltinMethodType | types.MethodType):
            _controleer_argumenten(f"{getattr(__obj, '__name__', 'een methode')}()", args, kwargs)
            eigenaar = getattr(__obj, "__self__", None)
            if isinstance(eigenaar, str) and _BREEDTE.search(eigenaar):
                raise _Grens("een opmaak met een veldbreedte van miljoenen tekens")
        return super().call(__context, __obj, *args, **kwargs)


def plek_van(fout: BaseException) -> tuple[str | None, int | None]:
    """The template file and line where `fout` happened: Jinja rewrites tracebacks so that
    template frames carry the template's file name and line."""
    if isinstance(fout, jinja2.TemplateSyntaxError):
        return fout.filename, fout.lineno
    plek: tuple[str | None, int | None] = (None, None)
    tb = fout.__traceback__
    while tb is not None:
        if "__jinja_exception__" in tb.tb_frame.f_globals:  # a frame of jinja2.debug
            plek = (tb.tb_frame.f_code.co_filename, tb.tb_lineno)
        tb = tb.tb_next
    return plek


@contextlib.contextmanager
def _klok_in_draad() -> Iterator[None]:
    """The time limit off the main thread (the workplace's server threads), where there is no
    SIGALRM: a trace function of this thread only, that looks at the clock on every line of
    a compiled template (whose globals hold Jinja's `debug_info`) and raises there."""
    einde = time.monotonic() + MAX_SECONDEN

    def regel(frame: types.FrameType, gebeurtenis: str, arg: object) -> Any:
        if time.monotonic() > einde:
            raise _Grens(f"het sjabloon rekent langer dan {MAX_SECONDEN} seconden")
        return regel

    def aanroep(frame: types.FrameType, gebeurtenis: str, arg: object) -> Any:
        if "debug_info" in frame.f_globals and "environment" in frame.f_globals:
            return regel(frame, gebeurtenis, arg)
        return None

    vorige = sys.gettrace()
    sys.settrace(aanroep)
    try:
        yield
    finally:
        sys.settrace(vorige)


@contextlib.contextmanager
def bewaakt() -> Iterator[None]:
    """While a user's template renders: on the main thread a time limit (SIGALRM) and a
    memory limit (RLIMIT_AS); in another thread (a server's) a time limit by the clock. The
    other bounds hold everywhere."""
    if threading.current_thread() is not threading.main_thread():
        with _klok_in_draad():
            yield
        return
    import resource
    import signal

    eerste: list[tuple[str | None, int | None]] = []

    def te_lang(_signaal: int, frame: types.FrameType | None) -> None:
        # The alarm repeats (below), and a repeat may land while Jinja is still turning the
        # first one into a traceback, outside every template frame: each raise carries the
        # template line where the clock first ran out, so the message always names it.
        if not eerste:
            eerste.append(_plek_in_stapel(frame))
        raise _Grens(f"het sjabloon rekent langer dan {MAX_SECONDEN} seconden", eerste[0])

    vorige_alarm = signal.signal(signal.SIGALRM, te_lang)
    # Repeating: an alarm that lands in a finaliser or gc callback is swallowed there.
    signal.setitimer(signal.ITIMER_REAL, MAX_SECONDEN, 0.5)
    vorige_grens = resource.getrlimit(resource.RLIMIT_AS)
    with contextlib.suppress(OSError, ValueError):
        with open("/proc/self/statm") as f:
            nu = int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        plafond = nu + MAX_GEHEUGEN
        if vorige_grens[1] == resource.RLIM_INFINITY or plafond < vorige_grens[1]:
            resource.setrlimit(resource.RLIMIT_AS, (plafond, vorige_grens[1]))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, vorige_alarm)
        resource.setrlimit(resource.RLIMIT_AS, vorige_grens)


def render(env: jinja2.Environment, naam: str, context: dict[str, Any]) -> str:
    """Render a user's template within the bounds; every failure but a missing input field
    (which `maak.render` reports against the input file) is an exit-2 message on the template."""
    delen: list[str] = []
    lengte = 0
    try:
        with bewaakt():
            sjabloon = env.get_template(naam)
            for deel in sjabloon.generate(**context):
                lengte += len(deel)
                if lengte > MAX_UITVOER:
                    raise _Grens(f"het document wordt groter dan {MAX_UITVOER} tekens")
                delen.append(deel)
    except jinja2.UndefinedError as e:
        # `maak.render` reports it against the input file; in an own template it may as well
        # be a misspelt field, so the message also names the line.
        bestand, regel = plek_van(e)
        if bestand and _eigen(env, bestand):
            e.add_note(f"{bestand}, regel {regel}" if regel else bestand)
        raise
    except InvoerFout:
        raise
    except jinja2.TemplateNotFound as e:
        bestand, regel = plek_van(e)
        raise _fout(
            bestand or naam,
            f"het sjabloon '{echo(e.name)}' bestaat niet in de sjablonenmap of bij de "
            "meegeleverde sjablonen",
            regel,
            "een sjabloon kan alleen sjablonen uit de sjablonenmap invoegen, met een naam "
            "zonder '/' vooraan en zonder '..'",
        ) from None
    except BaseException as e:  # a user's code: every failure is its message
        if isinstance(e, KeyboardInterrupt | SystemExit):
            raise
        bestand, regel = plek_van(e)
        if isinstance(e, _Grens) and regel is None:
            bestand, regel = e.plek[0] or bestand, e.plek[1]
        if isinstance(e, jinja2.TemplateSyntaxError) and e.source:
            regel = open_blok(e, e.source.split("\n")) or regel
        raise _fout(bestand or naam, _uitleg(e), regel) from None
    return "".join(delen)


def _eigen(env: jinja2.Environment, bestand: str) -> bool:
    """Whether a template file is the user's (in the sjablonenmap), not a bundled one."""
    laders = getattr(env.loader, "loaders", [env.loader])
    return any(
        isinstance(lader, MapLader) and Path(bestand).is_relative_to(lader.map) for lader in laders
    )


_BLOKKEN = ("if", "for", "macro", "call", "filter", "with", "block", "autoescape", "raw")
_TAG = re.compile(r"\{%[-+]?\s*(\w+)")


def open_blok(e: jinja2.TemplateSyntaxError, regels: list[str]) -> int | None:
    """For "a block is never closed": the line of the last such block left open in `regels`
    (the template's text). Jinja itself points at the template's end."""
    gezocht = re.search(r"needs to be closed is '(\w+)'", e.message or "")
    if not gezocht or not (e.message or "").startswith("Unexpected end of template"):
        return None  # a wrong end tag: Jinja's own line is the one to fix
    open_: list[tuple[str, int]] = []
    for nummer, regel in enumerate(regels, 1):
        for tag in _TAG.findall(regel):
            if tag in _BLOKKEN:
                open_.append((tag, nummer))
            elif tag.startswith("end") and open_ and open_[-1][0] == tag[3:]:
                open_.pop()
    return next((n for t, n in reversed(open_) if t == gezocht.group(1)), None)


def _nederlands(bericht: str) -> str:
    """Jinja's commonest syntax messages in the words of the template's author."""
    blok = re.search(r"innermost block that needs to be closed is '(\w+)'", bericht)
    tag = re.match(r"Encountered unknown tag '(\w+)'", bericht)
    if blok and tag:
        return (
            f"hier staat {{% {tag[1]} %}}, maar eerst moet {{% {blok[1]} %}} worden "
            f"afgesloten met {{% end{blok[1]} %}}"
        )
    if blok:  # "Unexpected end of template"
        return f"een {{% {blok[1]} %}} wordt niet afgesloten met {{% end{blok[1]} %}}"
    if tag:
        return f"onbekende opdracht {{% {tag[1]} %}}" + (
            " zonder een begin ervoor" if tag[1].startswith("end") else ""
        )
    if gevonden := re.match(r"No filter named '(\w+)'", bericht):
        return (
            f"het filter '{gevonden[1]}' bestaat niet (beschikbaar naast Jinja's eigen: datum, "
            "bedrag, artikel, opsomming, getal, procent)"
        )
    if gevonden := re.match(r"expected token 'end of print statement', got '(.*)'", bericht):
        return f"een {{{{ … }}}} loopt niet goed af: onverwacht '{gevonden[1]}'"
    if gevonden := re.match(r"unexpected (?:char )?(.*?)(?: at \d+)?$", bericht):
        return f"onverwacht teken {gevonden[1]}"
    return bericht


def _uitleg(e: BaseException) -> str:
    if isinstance(e, _Grens):
        return f"het sjabloon gaat over een grens: {e}"
    if isinstance(e, jinja2.TemplateSyntaxError):
        return f"fout in het sjabloon: {_nederlands(e.message or '')}"
    if isinstance(e, jinja2.exceptions.SecurityError):
        return f"het sjabloon doet iets wat niet mag: {e}"
    if isinstance(e, MemoryError):
        return "het sjabloon vraagt te veel geheugen"
    if isinstance(e, RecursionError):
        return "het sjabloon roept zichzelf te vaak aan (include of macro in een kring)"
    if isinstance(e, ZeroDivisionError):
        return "het sjabloon deelt door nul"
    return f"fout in het sjabloon: {type(e).__name__}: {e}"
