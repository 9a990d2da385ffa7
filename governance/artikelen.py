"""Article references: how a rule names the place in the convenant it comes from.

Canonical forms: ``"5"`` (a whole article), ``"5.6"`` (a lid), ``"4.5a"`` (an onderdeel of a
lid), ``"3d"`` (an onderdeel of an article without leden), ``"Bijlage 2"``, ``"voetnoot 3"``
and the unnumbered opening sections (``"Ondergetekenden"``, ``"Overwegingen"``, ``"Inleiding"``).
"""

from __future__ import annotations

import re
from typing import NamedTuple

SECTIES = ("Inleiding", "Ondergetekenden", "Overwegingen")

_MET_NAMEN = (
    r"^(?:(?P<artikel>[1-9][0-9]?)(?:\.(?P<lid>[1-9][0-9]?))?(?P<onderdeel>[a-z])?"
    r"|Bijlage (?P<bijlage>[1-9])"
    r"|voetnoot (?P<voetnoot>[1-9])"
    r"|(?P<sectie>" + "|".join(SECTIES) + r"))$"
)
_PATROON = re.compile(_MET_NAMEN)
# The same pattern without the group names, for the models and so for every JSON schema and
# the API's OpenAPI document: `(?P<naam>…)` is Python's own syntax, which ECMA-262 (and so
# most OpenAPI tools) cannot read; a plain group matches the same.
ARTIKEL_PATROON = re.sub(r"\(\?P<\w+>", "(", _MET_NAMEN)


class ArtikelRef(NamedTuple):
    artikel: int | None = None
    lid: int | None = None
    onderdeel: str | None = None
    bijlage: int | None = None
    voetnoot: int | None = None
    sectie: str | None = None


def ontleed(tekst: str) -> ArtikelRef:
    """Split a reference into its parts; the caller guarantees the pattern already matched."""
    m = _PATROON.match(tekst)
    if m is None:
        raise ValueError(f"geen geldige artikelverwijzing: {tekst!r}")

    def getal(naam: str) -> int | None:
        waarde = m.group(naam)
        return int(waarde) if waarde else None

    return ArtikelRef(
        artikel=getal("artikel"),
        lid=getal("lid"),
        onderdeel=m.group("onderdeel"),
        bijlage=getal("bijlage"),
        voetnoot=getal("voetnoot"),
        sectie=m.group("sectie"),
    )


def sorteersleutel(tekst: str) -> tuple[int, int, int, str]:
    """Order references as they appear in the convenant: sections, articles, bijlagen."""
    ref = ontleed(tekst)
    if ref.sectie is not None:
        return (0, SECTIES.index(ref.sectie), 0, "")
    if ref.artikel is not None:
        return (1, ref.artikel, ref.lid or 0, ref.onderdeel or "")
    if ref.bijlage is not None:
        return (2, ref.bijlage, 0, "")
    return (3, ref.voetnoot or 0, 0, "")


def weergave(tekst: str) -> str:
    """How a citation reads in Dutch prose: ``art. 4.5a``, ``art. 5.5, 5.7``, ``Bijlage 2``.

    Also for a ground's list of articles, or a quorum's source, which are not single references.
    """
    return f"art. {tekst}" if tekst[:1].isdigit() else tekst
