"""The convenant article by article, beside what encodes it: a jurist's check instead of a sample.

Pure: the places (from the index), the elements of convenant.yaml that cite them, the rules in
rules/ that cite them, the findings and the explanations come in; out comes, per place, what
encodes it, which assumptions and readings touch it, and whether it is accounted for: encoded,
explained in verantwoording.yaml, or (for an article or a lid) every part of it accounted for.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

import yaml

from governance.artikelen import ARTIKEL_PATROON
from governance.lint import artikel_bestaat
from governance.models import Bevinding, Convenant
from governance.verantwoording import Onderdeel, Toelichting, Vindplaats

REGELS = Path(__file__).resolve().parent
# What each rule decides, in Dutch: shown instead of its docstring, which is for programmers.
OMSCHRIJVINGEN = "omschrijvingen.yaml"
_ARTIKEL = re.compile(ARTIKEL_PATROON)
# Calls whose first argument is the article a ground or event cites.
_CITERENDE = {"Grond", "Gebeurtenis", "Vereiste"}

REDEN = {
    "beschrijvend": "geen regel: beschrijvend",
    "niet_toetsbaar": "niet toetsbaar",
    "buiten_de_motor": "buiten het programma",
}


class Punt(NamedTuple):
    """One place of the convenant with everything that accounts for it."""

    onderdeel: Onderdeel
    vindplaatsen: tuple[Vindplaats, ...]
    bevindingen: tuple[Bevinding, ...]
    lezingen: tuple[tuple[str, str], ...]  # (aanname, lezing) whose articles name this place
    toelichting: Toelichting | None
    verantwoord: bool
    via_delen: bool  # accounted for because each of its parts is


class Onbestaand(NamedTuple):
    plaats: str
    artikel: str
    waarom: str


class Uitkomst(NamedTuple):
    punten: tuple[Punt, ...]
    onbestaand: tuple[Onbestaand, ...]  # citations of places that do not exist
    overbodig: tuple[Toelichting, ...]  # explanations for places that do not exist

    @property
    def onverantwoord(self) -> tuple[Punt, ...]:
        return tuple(p for p in self.punten if not p.verantwoord)


def regelplaatsen(map_: Path = REGELS) -> list[Vindplaats]:
    """The functions of rules/ and the articles their grounds cite as literal text, each
    named by its Dutch description (empty when it has none: never its docstring)."""
    omschrijving = omschrijvingen(map_)
    uit: list[Vindplaats] = []
    for pad in sorted(map_.glob("*.py")):
        boom = ast.parse(pad.read_text(encoding="utf-8"))
        for functie in ast.walk(boom):
            if not isinstance(functie, ast.FunctionDef):
                continue
            artikelen: dict[str, None] = {}
            for knoop in ast.walk(functie):
                if (
                    isinstance(knoop, ast.Call)
                    and isinstance(knoop.func, ast.Name)
                    and knoop.func.id in _CITERENDE
                    and knoop.args
                ):
                    for tekst in _teksten(knoop.args[0]):
                        for deel in tekst.split(","):
                            if _ARTIKEL.match(deel.strip()):
                                artikelen[deel.strip()] = None
            if artikelen:
                uit.append(
                    Vindplaats(
                        "regel in het programma",
                        omschrijving.get(f"{pad.stem}:{functie.name}", ""),
                        f"rules/{pad.name}:{functie.lineno} {pad.stem}:{functie.name}",
                        tuple(artikelen),
                    )
                )
    return uit


def omschrijvingen(map_: Path = REGELS) -> dict[str, str]:
    """module:functie to its Dutch description, from omschrijvingen.yaml beside the rules."""
    pad = map_ / OMSCHRIJVINGEN
    if not pad.is_file():
        return {}
    data = yaml.safe_load(pad.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        return {}
    return {str(k): str(v) for k, v in data.items()}


def _teksten(knoop: ast.expr) -> Iterable[str]:
    """The literal text of an argument: a string, or the fixed parts of an f-string."""
    if isinstance(knoop, ast.Constant) and isinstance(knoop.value, str):
        yield knoop.value
    elif isinstance(knoop, ast.JoinedStr):
        for deel in knoop.values:
            if isinstance(deel, ast.Constant) and isinstance(deel.value, str):
                yield deel.value
    elif isinstance(knoop, ast.IfExp):
        yield from _teksten(knoop.body)
        yield from _teksten(knoop.orelse)


def verantwoord(
    c: Convenant,
    plaatsen: list[Onderdeel],
    vindplaatsen: list[Vindplaats],
    toelichtingen: list[Toelichting],
) -> Uitkomst:
    per_artikel: dict[str, list[Vindplaats]] = {}
    onbestaand: list[Onbestaand] = []
    for v in vindplaatsen:
        for a in v.artikelen:
            if not _ARTIKEL.match(a) or (waarom := artikel_bestaat(c.index, a)) is not None:
                onbestaand.append(Onbestaand(v.plaats, a, waarom or "geen artikelverwijzing"))
                continue
            per_artikel.setdefault(a, []).append(v)
    bekend = {p.artikel for p in plaatsen}
    uitleg = {t.artikel: t for t in toelichtingen if t.artikel in bekend}
    overbodig = tuple(t for t in toelichtingen if t.artikel not in bekend)
    delen: dict[str, list[str]] = {}
    for p in plaatsen:
        if p.binnen is not None:
            delen.setdefault(p.binnen, []).append(p.artikel)
    # Findings and readings name the places they are about.
    bevindingen: dict[str, list[Bevinding]] = {}
    lezingen: dict[str, list[tuple[str, str]]] = {}
    for b in c.bevindingen:
        for a in b.artikelen:
            bevindingen.setdefault(a, []).append(b)
        for lz in b.lezingen:
            for a in lz.artikelen:
                lezingen.setdefault(a, []).append((b.id, lz.id))

    verantwoord_: dict[str, bool] = {}

    def is_verantwoord(artikel: str) -> bool:
        if artikel not in verantwoord_:
            kinderen = delen.get(artikel, [])
            verantwoord_[artikel] = (
                artikel in per_artikel
                or artikel in uitleg
                or (bool(kinderen) and all(is_verantwoord(k) for k in kinderen))
            )
        return verantwoord_[artikel]

    punten = tuple(
        Punt(
            p,
            tuple(per_artikel.get(p.artikel, ())),
            tuple(bevindingen.get(p.artikel, ())),
            tuple(dict.fromkeys(lezingen.get(p.artikel, ()))),
            uitleg.get(p.artikel),
            is_verantwoord(p.artikel),
            p.artikel not in per_artikel and p.artikel not in uitleg and is_verantwoord(p.artikel),
        )
        for p in plaatsen
    )
    return Uitkomst(punten, tuple(onbestaand), overbodig)
