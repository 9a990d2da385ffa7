"""The verantwoording's data: every place in the convenant, and where convenant.yaml encodes it.

`onderdelen` lists every section, article, lid, lettered onderdeel, footnote and Bijlage the
index of convenant.yaml names. `vindplaatsen` walks the YAML tree of convenant.yaml and yields
each element that cites articles, with its key path and line, so a jurist can open the file at
that line. `verantwoording.yaml` beside convenant.yaml says, per place that nothing encodes, why
not: that explanation is data a jurist reviews, not code.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal, NamedTuple

import yaml

from .artikelen import sorteersleutel
from .loader import Bestand, Bron, gebundeld, laad
from .models import Artikel, Convenant, Model, Tekst

VERANTWOORDING = "verantwoording.yaml"

# What kind of encoding each top-level part of convenant.yaml is, in the jurist's words.
_SOORT = {
    "convenant": "algemene bepaling",
    "partijen": "Partij",
    "organen": "orgaan",
    "rollen": "rol",
    "soorten": "soort besluit",
    "escalatie": "escalatie",
    "procedures": "procedure",
    "werkproces": "werkproces",
    "complexe_casuistiek": "criteria complexe casuïstiek",
    "pijofach": "PIJOFACH-dienst",
}


class Toelichting(Model):
    """Why no rule encodes this place (or what a reader should know beside the rules)."""

    artikel: Artikel
    # beschrijvend: it describes or defines and asks nothing a rule could check;
    # niet_toetsbaar: it asks something the engine has no facts for; buiten_de_motor: it
    # points outside the convenant (law, another document).
    reden: Literal["beschrijvend", "niet_toetsbaar", "buiten_de_motor"]
    uitleg: Tekst


class Verantwoording(Model):
    toelichtingen: list[Toelichting]


class Onderdeel(NamedTuple):
    """A place in the convenant a jurist can point at."""

    artikel: str  # canonical reference: "4", "4.5", "4.5a", "Bijlage 2", "Overwegingen"
    niveau: Literal["sectie", "artikel", "lid", "onderdeel", "voetnoot", "bijlage"]
    titel: str
    binnen: str | None  # the place it is part of ("4.5" for "4.5a"), None at the top


class Vindplaats(NamedTuple):
    """One element of convenant.yaml or one function of rules/ that cites articles."""

    soort: str  # what it is: soort besluit, orgaan, procedure, regel in rules/ …
    naam: str  # its own words (omschrijving, naam) or the function
    plaats: str  # convenant.yaml:LINE key.path, or rules/module.py:function
    artikelen: tuple[str, ...]
    aanname: str | None = None


def onderdelen(c: Convenant) -> list[Onderdeel]:
    """Every place the index names, in the convenant's order."""
    index = c.index
    uit = [Onderdeel(s, "sectie", s, None) for s in index.secties]
    for a in index.artikelen:
        nummer = str(a.nummer)
        uit.append(Onderdeel(nummer, "artikel", f"Artikel {nummer}. {a.titel}", None))
        for lid in range(1, a.leden + 1):
            uit.append(Onderdeel(f"{nummer}.{lid}", "lid", f"{nummer}.{lid}", nummer))
        for sleutel, reeks in a.onderdelen.items():
            for letter in map(chr, range(ord(reeks[0]), ord(reeks[2]) + 1)):
                uit.append(
                    Onderdeel(f"{sleutel}{letter}", "onderdeel", f"{sleutel}{letter}", sleutel)
                )
    for n, tekst in sorted(index.voetnoten.items()):
        uit.append(Onderdeel(f"voetnoot {n}", "voetnoot", f"Voetnoot {n}: {tekst}", None))
    for b in index.bijlagen:
        uit.append(
            Onderdeel(f"Bijlage {b.nummer}", "bijlage", f"Bijlage {b.nummer}: {b.titel}", None)
        )
    return sorted(uit, key=lambda o: (sorteersleutel(o.artikel), o.niveau != "artikel"))


def vindplaatsen(bron: Bron) -> list[Vindplaats]:
    """Every element of convenant.yaml that cites articles, with its line and key path."""
    boom = bron.boom()
    uit: list[Vindplaats] = []
    if not isinstance(boom, yaml.MappingNode):
        return uit
    naam = Path(bron.naam).name
    for sleutel, waarde in boom.value:
        if sleutel.value in ("index", "bevindingen"):
            continue  # the index lists places; findings are shown beside them, not as rules
        _loop(waarde, (sleutel.value,), _SOORT.get(sleutel.value, sleutel.value), naam, uit)
    return uit


def _loop(
    node: yaml.Node, loc: tuple[str, ...], soort: str, naam: str, uit: list[Vindplaats]
) -> None:
    if isinstance(node, yaml.SequenceNode):
        for i, kind in enumerate(node.value):
            _loop(kind, (*loc, _label(kind, i)), soort, naam, uit)
        return
    if not isinstance(node, yaml.MappingNode):
        return
    velden = {k.value: v for k, v in node.value if isinstance(k, yaml.ScalarNode)}
    artikelen = velden.get("artikelen")
    if isinstance(artikelen, yaml.SequenceNode):
        tekst = next(
            (
                v.value
                for veld in ("omschrijving", "naam", "onderwerp", "uitleg", "doel")
                if isinstance(v := velden.get(veld), yaml.ScalarNode)
            ),
            "",
        )
        aanname = velden.get("aanname")
        uit.append(
            Vindplaats(
                soort,
                " ".join(str(tekst).split()),
                f"{naam}:{node.start_mark.line + 1} {_pad(loc)}",
                tuple(str(a.value) for a in artikelen.value if isinstance(a, yaml.ScalarNode)),
                aanname.value if isinstance(aanname, yaml.ScalarNode) else None,
            )
        )
    for k, v in node.value:
        if isinstance(k, yaml.ScalarNode) and k.value != "artikelen":
            _loop(v, (*loc, k.value), soort, naam, uit)


def _label(node: yaml.Node, index: int) -> _Item:
    """A list item by its `id` where it has one (organen[stuurgroep]), else by its number."""
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if k.value == "id" and isinstance(v, yaml.ScalarNode):
                return _Item(str(v.value))
    return _Item(str(index))


class _Item(str):
    """A list position in a key path, written in brackets."""


def _pad(loc: tuple[str, ...]) -> str:
    return "".join(
        f"[{d}]" if isinstance(d, _Item) else (f".{d}" if i else d) for i, d in enumerate(loc)
    )


def laad_verantwoording(pad: Path | None = None) -> Bestand[Verantwoording]:
    """The explanations beside convenant.yaml (or the file given)."""
    return laad(pad or gebundeld(VERANTWOORDING), Verantwoording)
