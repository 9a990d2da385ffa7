"""Every error the project raises on purpose.

`ConvenantFout` is the root. Its subclasses carry structured fields (file, line, column, path,
the fix, a "did you mean" suggestion) so the CLI can print one Dutch line per problem and pick
the exit code, and tests can assert on the fields instead of on formatted text.
"""

from __future__ import annotations

import errno
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

# Exit codes shared by every command (DESIGN.md).
EXIT_OK = 0
EXIT_NIET_GELDIG = 1
EXIT_ONLEESBAAR = 2
EXIT_INTERN = 3


# What a terminal may act on when it is echoed: C0 and C1 controls (ESC, NUL, BEL, CR …),
# DEL, the Unicode line and paragraph separators and the bidirectional overrides, which can
# make a message read differently from what it says.
# Compiled when first used (re keeps it): a class this wide takes half a millisecond to compile,
# and most runs echo nothing of the user's.
_STUURTEKENS = r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]"
# Nothing the user typed is ever echoed longer than this; a message stays a message.
MAX_ECHO = 80
MAX_MELDING = 2000
MAX_MELDINGEN = 50


# The same, but for text that may hold lines and tabs: a value in a file, a form, the output.
ONZICHTBAAR = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def zichtbaar(tekst: str) -> str:
    """`tekst` with every control character but the line feed and the tab written out as
    \\uNNNN: visible on a screen, inert in a terminal, and still valid inside a JSON string."""
    if not ONZICHTBAAR.search(tekst):
        return tekst
    return ONZICHTBAAR.sub(lambda m: f"\\u{ord(m.group()):04x}", tekst)


def _ontsnap(teken: re.Match[str]) -> str:
    code = ord(teken.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def veilig(tekst: str, maximum: int = MAX_MELDING, regels: bool = False) -> str:
    """`tekst` fit to print: control characters written as \\xNN, at most `maximum` characters.

    With `regels`, the line breaks this project puts in its own messages stay; every other
    control character is escaped. Every message passes through here before it is printed.
    """
    if len(tekst) > maximum:
        tekst = tekst[:maximum] + "…"
    if regels:
        return "\n".join(re.sub(_STUURTEKENS, _ontsnap, r) for r in tekst.split("\n"))
    return re.sub(_STUURTEKENS, _ontsnap, tekst)


def echo(waarde: object, maximum: int = MAX_ECHO) -> str:
    """A value from the input, quoted in a message: short, and without control characters.

    Only text and numbers are turned into text: a mapping or list from the input may be huge
    (YAML aliases multiply it), so it is named, never stringified.
    """
    if isinstance(waarde, dict):
        return "een blok met velden"
    if isinstance(waarde, list | tuple | set):
        return "een opsomming"
    if isinstance(waarde, int) and not isinstance(waarde, bool) and waarde.bit_length() > 200:
        return "een getal van meer dan 60 cijfers"
    tekst = str(waarde)
    return veilig(tekst[:maximum] + ("…" if len(tekst) > maximum else ""), maximum + 1)


class Melding(NamedTuple):
    """One problem in one input file, precise enough to fix without reading code."""

    bestand: str
    tekst: str
    regel: int | None = None
    kolom: int | None = None
    pad: str = ""
    herstel: str = ""
    suggestie: str | None = None

    def plek(self) -> str:
        if self.regel is None:
            return self.bestand
        return f"{self.bestand}:{self.regel}:{self.kolom or 1}"

    def __str__(self) -> str:
        kop = veilig(self.plek(), 500)
        if self.pad:
            kop += f": {echo(self.pad, 200)}"
        regel = f"{kop}: {veilig(self.tekst)}"
        if self.suggestie:
            regel += f" (bedoelde u '{echo(self.suggestie)}'?)"
        if self.herstel:
            regel += f"\n    herstel: {veilig(self.herstel)}"
        return regel

    def als_dict(self) -> dict[str, object]:
        return {
            "bestand": self.bestand,
            "regel": self.regel,
            "kolom": self.kolom,
            "pad": self.pad,
            "melding": self.tekst,
            "herstel": self.herstel,
            "suggestie": self.suggestie,
        }


class ConvenantFout(Exception):
    """Root of all project errors; `exit_code` tells the CLI how to end."""

    exit_code = EXIT_INTERN

    def voor_gebruiker(self) -> str:
        return str(self)


class InvoerFout(ConvenantFout):
    """An input file could not be read: syntax, shape, types or unknown ids (exit 2)."""

    exit_code = EXIT_ONLEESBAAR

    def __init__(self, meldingen: list[Melding] | None = None) -> None:
        self.meldingen = meldingen if meldingen is not None else []
        super().__init__(self.voor_gebruiker())

    def voor_gebruiker(self) -> str:
        regels = [str(m) for m in self.meldingen[:MAX_MELDINGEN]]
        if len(self.meldingen) > MAX_MELDINGEN:
            regels.append(f"… en nog {len(self.meldingen) - MAX_MELDINGEN} meldingen")
        return "\n".join(regels)


class GebruiksFout(ConvenantFout):
    """The command line itself is wrong (unknown option, bad date, file exists …) (exit 2)."""

    exit_code = EXIT_ONLEESBAAR


class PastNiet(GebruiksFout):
    """The document asked for does not fit this input file (an agenda for a Casusoverleg).

    Raised without the file; whoever has the file turns it into a message at the field named
    by `veld` (the orgaan, usually), so it names file and line like any other input problem.
    """

    def __init__(self, tekst: str, veld: tuple[str, ...] = ("orgaan",)) -> None:
        super().__init__(tekst)
        self.veld = veld


class BuitenKalender(ConvenantFout):
    """A date computed from the input falls outside the calendar (after 9999) (exit 2)."""

    exit_code = EXIT_ONLEESBAAR


class WaardeFout(ValueError):
    """A value a model refuses, with the fix; pydantic passes it on to the loader's message."""

    def __init__(self, tekst: str, herstel: str) -> None:
        super().__init__(tekst)
        self.tekst = tekst
        self.herstel = herstel


def bedoelde_u(
    waarde: str, mogelijk: Iterable[str], namen: Mapping[str, str] | None = None
) -> str | None:
    """The id a misspelt id or a name ("Gemeente Emmen") most likely stands for, or None.

    `namen` maps the names people write (names, short names, aliases) to ids. Something that
    looks like an id is first compared with the ids; anything else with the names first: a
    name written in full, an id inside it as words ("Burgemeester van Assen" holds "assen"),
    then a close spelling. A piece of an id ("staking" for "staking_van_stemmen") counts too,
    but only when it points at one id: an ambiguous piece suggests nothing rather than a guess.
    """
    import difflib  # only needed when something is misspelt

    if len(waarde) > MAX_ECHO:  # no name is that long, and difflib is quadratic
        return None
    kandidaten: Sequence[str] = sorted(set(mogelijk))

    def op_id(tekst: str) -> str | None:
        treffers = difflib.get_close_matches(tekst, kandidaten, n=1, cutoff=0.6)
        return treffers[0] if treffers else None

    def op_deel(tekst: str) -> str | None:
        # A piece from the start of a word of the id first ("stak", "van_stemmen"), then any;
        # a piece shorter than three letters matches too much to mean anything.
        if len(tekst) < 3:
            return None
        woorden = [i for i in kandidaten if f"_{tekst}" in f"_{i}"]
        for treffers in (woorden, [i for i in kandidaten if tekst in i]):
            if treffers:
                return treffers[0] if len(treffers) == 1 else None
        return None

    if re.fullmatch(_ID, waarde) and (gevonden := op_deel(waarde) or op_id(waarde)):
        return gevonden
    schoon = _normaal(waarde)
    op_naam = {_normaal(naam): ident for naam, ident in (namen or {}).items()}
    if schoon in op_naam:
        return op_naam[schoon]
    woorden = f" {schoon} "
    binnen = [i for i in kandidaten if f" {i.replace('_', ' ')} " in woorden]
    if binnen:
        return max(binnen, key=len)
    treffers = difflib.get_close_matches(schoon, list(op_naam), n=1, cutoff=0.75)
    if treffers:
        return op_naam[treffers[0]]
    als_id = schoon.replace(" ", "_")
    return op_id(als_id) or op_deel(als_id)


_ID = r"[a-z][a-z0-9_]*"


def _normaal(naam: str) -> str:
    """A name compared loosely: lower case, no remarks in brackets, hyphens as spaces."""
    zonder = re.sub(r"\([^)]*\)", " ", naam.lower())
    return " ".join(re.sub(r"[-_&/,.]", " ", zonder).split())


class VerouderdeVersie(ConvenantFout):
    """A save based on a version of the file that is no longer the one on disk.

    Someone (another tab, a colleague, an editor) saved the file after this version was read;
    writing now would silently drop their changes.
    """

    exit_code = EXIT_ONLEESBAAR

    def __init__(self, pad: str, gelezen: str | None, op_schijf: str | None) -> None:
        self.pad, self.gelezen, self.op_schijf = pad, gelezen, op_schijf
        waarom = (
            "het bestand bestaat al"
            if gelezen is None
            else "het bestand is verwijderd"
            if op_schijf is None
            else "het bestand is intussen door iemand anders opgeslagen"
        )
        super().__init__(f"{pad}: niet opgeslagen: {waarom}")


def schrijfreden(e: OSError, map_: object) -> str:
    """Why writing into the folder `map_` failed, in words a secretaris can act on."""
    if e.errno in (errno.ENOSPC, errno.EDQUOT):
        return "de schijf is vol (of het quotum is op)"
    if e.errno == errno.EROFS:
        return f"de map {map_} staat op een schijf die alleen gelezen kan worden"
    if e.errno in (errno.EACCES, errno.EPERM):
        return f"geen schrijfrechten in de map {map_} of op het bestand"
    return f"kan niet schrijven: {e.strerror or e}"


class NietOpgeslagen(ConvenantFout):
    """Saving a file of the register failed on the disk (read-only, full, no rights); nothing
    was changed. `vol` tells a full disk from the others (the workplace answers 507 or 503)."""

    exit_code = EXIT_ONLEESBAAR

    def __init__(self, pad: str, e: OSError, map_: object) -> None:
        self.pad, self.reden = pad, schrijfreden(e, map_)
        self.vol = e.errno in (errno.ENOSPC, errno.EDQUOT)
        super().__init__(f"{pad}: niet opgeslagen: {self.reden}; er is niets gewijzigd")
