"""Every error the project raises on purpose.

`ConvenantFout` is the root. Its subclasses carry structured fields (file, line, column, path,
the fix, a "did you mean" suggestion) so the CLI can print one Dutch line per problem and pick
the exit code, and tests can assert on the fields instead of on formatted text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

# Exit codes shared by every command (DESIGN.md).
EXIT_OK = 0
EXIT_NIET_GELDIG = 1
EXIT_ONLEESBAAR = 2
EXIT_INTERN = 3


@dataclass(frozen=True)
class Melding:
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
        kop = self.plek()
        if self.pad:
            kop += f": {self.pad}"
        regel = f"{kop}: {self.tekst}"
        if self.suggestie:
            regel += f" (bedoelde u '{self.suggestie}'?)"
        if self.herstel:
            regel += f"\n    herstel: {self.herstel}"
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


@dataclass
class InvoerFout(ConvenantFout):
    """An input file could not be read: syntax, shape, types or unknown ids (exit 2)."""

    meldingen: list[Melding] = field(default_factory=list)
    exit_code = EXIT_ONLEESBAAR

    def __post_init__(self) -> None:
        super().__init__(self.voor_gebruiker())

    def voor_gebruiker(self) -> str:
        return "\n".join(str(m) for m in self.meldingen)


class GebruiksFout(ConvenantFout):
    """The command line itself is wrong (unknown option, bad date, file exists …) (exit 2)."""

    exit_code = EXIT_ONLEESBAAR


def bedoelde_u(waarde: str, mogelijk: Iterable[str]) -> str | None:
    """The closest known name to a misspelt one, or None when nothing is close enough."""
    import difflib  # only needed when something is misspelt

    kandidaten: Sequence[str] = sorted(set(mogelijk))
    treffers = difflib.get_close_matches(waarde, kandidaten, n=1, cutoff=0.6)
    return treffers[0] if treffers else None
