"""The registry of document kinds: the one list that `convenant maak`, the workplace and the
tests take their kinds from. Light on purpose (no Jinja, no models): the CLI reads it at
start-up; the context builders are named and imported only when a document is made."""

from __future__ import annotations

from typing import Literal, NamedTuple

Invoer = Literal["vergadering", "toetreding", "opzegging", "addendum", "begroting", "register"]
Familie = Literal[
    "vergadering", "toetreding", "uittreding", "liquidatie", "jaaroverzicht", "lezingen"
]
FORMATEN = ("md", "html", "docx", "pdf")


class Soort(NamedTuple):
    """A kind of document: what it is made from, by which context builder, in which formats,
    and who signs it (as the bezetting or the house style names that person)."""

    naam: str  # as `convenant maak` takes it, and the name of its templates
    invoer: Invoer
    familie: Familie
    bouwer: str | None  # the context builder in convenant.documenten.<familie>
    ondertekenaar: str | None = None  # who signs, if anyone
    artikelen: tuple[str, ...] = ()
    # Names members, signatories or seats from the bezetting (a meeting's documents only for
    # an orgaan with members of its own).
    uit_bezetting: bool = False
    maak: bool = True  # made by `convenant maak` (the jaaroverzicht has its own command)
    formaten: tuple[str, ...] = FORMATEN


SOORTEN: tuple[Soort, ...] = (
    Soort("agenda", "vergadering", "vergadering", "agenda", artikelen=("4.9", "5.2")),
    Soort(
        "besluitenlijst", "vergadering", "vergadering", "besluitenlijst", artikelen=("5.8", "7.5")
    ),
    Soort(
        "actiepuntenlijst",
        "vergadering",
        "vergadering",
        "actiepuntenlijst",
        artikelen=("5.8", "7.5"),
    ),
    Soort(
        "toetredingsformulier",
        "toetreding",
        "toetreding",
        "toetredingsformulier",
        ondertekenaar="de toetredende organisatie en de voorzitter van de Stuurgroep",
        artikelen=("22.4", "Bijlage 1"),
        uit_bezetting=True,
    ),
    Soort(
        "kennisgeving-toetreding",
        "toetreding",
        "toetreding",
        "kennisgeving_toetreding",
        ondertekenaar="de secretaris van de Stuurgroep",
        artikelen=("22.3", "22.4"),
        uit_bezetting=True,
    ),
    Soort(
        "opzegging",
        "opzegging",
        "uittreding",
        "opzegging",
        ondertekenaar="de opzeggende Partij",
        artikelen=("25.2", "23.3"),
    ),
    Soort(
        "addendum",
        "addendum",
        "toetreding",
        "addendum",
        ondertekenaar="de voorzitter van de Stuurgroep en de Manager",
        artikelen=("23.2",),
        uit_bezetting=True,
    ),
    Soort(
        "liquidatieoverzicht",
        "begroting",
        "liquidatie",
        "liquidatieoverzicht",
        artikelen=("25.6", "25.7"),
    ),
    Soort(
        "uittredingsoverzicht",
        "opzegging",
        "uittreding",
        "uittredingsoverzicht",
        artikelen=("25.2", "23.3"),
        uit_bezetting=True,
    ),
    Soort("notitie-lezingen", "register", "lezingen", None),
    Soort("jaaroverzicht", "register", "jaaroverzicht", None, maak=False),
)
SOORT = {s.naam: s for s in SOORTEN}
# What `convenant maak` makes, in the order its help lists them.
MAAKBAAR = tuple(s.naam for s in SOORTEN if s.maak)


def van_invoer(invoer: Invoer) -> tuple[str, ...]:
    """The kinds made from one kind of input file (a meeting gives three)."""
    return tuple(s.naam for s in SOORTEN if s.invoer == invoer and s.maak)


# What a kind is made from, as the help says it.
_UIT = {
    "vergadering": "uit een vergaderbestand",
    "toetreding": "uit een toetredingsbestand",
    "opzegging": "uit een opzeggingsbestand",
    "addendum": "uit een addendumbestand",
    "begroting": "uit een liquidatiebegroting",
    "register": "uit een register (de lezingen die de Stuurgroep nog moet vaststellen)",
}


def hulptekst(breedte: int = 92) -> str:
    """The kinds `convenant maak` makes, for its help: name and articles, what each is made
    from and who signs it, all from this registry."""
    import textwrap

    regels = [
        (
            f"{s.naam} ({', '.join(s.artikelen)})" if s.artikelen else s.naam,
            _UIT[s.invoer] + (f", getekend door {s.ondertekenaar}" if s.ondertekenaar else ""),
        )
        for s in SOORTEN
        if s.maak
    ]
    links = max(len(n) for n, _ in regels) + 3
    uit = []
    for naam, wat in regels:
        for i, deel in enumerate(textwrap.wrap(wat, breedte - links - 2)):
            uit.append(f"  {(naam if i == 0 else '').ljust(links)}{deel}")
    return "\n".join(uit)
