"""Is a casus complexe casuïstiek (Bijlage 2)? Evaluated from yes/no answers, with the reason."""

from __future__ import annotations

from collections.abc import Mapping

from governance.models import AlleVan, ComplexeCasuistiek, Convenant, EenVan, Uitdrukking

from .lezingen import Lezer


def regel_van(c: Convenant, lees: Lezer) -> Uitdrukking:
    """The structure of Bijlage 2 under the reading in force (criteria_structuur)."""
    criteria = c.complexe_casuistiek
    lezing = lees.lezing(criteria.aanname)
    return lezing.regel if lezing is not None and lezing.regel is not None else criteria.regel


def beschrijving(regel: Uitdrukking) -> str:
    """The rule in one line, with its brackets: (veiligheid of systeem) en meerdere_ketens …"""
    tekst = _kort(regel)
    return tekst[1:-1] if tekst.startswith("(") and tekst.endswith(")") else tekst


def voldoet(regel: Uitdrukking, antwoorden: Mapping[str, bool]) -> bool:
    if isinstance(regel, str):
        return antwoorden.get(regel, False)
    if isinstance(regel, AlleVan):
        return all(voldoet(r, antwoorden) for r in regel.alle)
    return any(voldoet(r, antwoorden) for r in regel.een_van)


def beoordeel(regel: Uitdrukking, antwoorden: Mapping[str, bool | None]) -> bool | None:
    """Three-valued: None where an unknown answer (`onbekend`) still decides the outcome."""
    if isinstance(regel, str):
        return antwoorden.get(regel, False)
    delen = [
        beoordeel(r, antwoorden)
        for r in (regel.alle if isinstance(regel, AlleVan) else regel.een_van)
    ]
    if isinstance(regel, AlleVan):
        if any(d is False for d in delen):
            return False
        return None if any(d is None for d in delen) else True
    if any(d is True for d in delen):
        return True
    return None if any(d is None for d in delen) else False


def nog_te_bepalen(regel: Uitdrukking, antwoorden: Mapping[str, bool | None]) -> list[str]:
    """The unknown criteria whose answer can still change the outcome, in the criteria's order."""
    if beoordeel(regel, antwoorden) is not None:
        return []
    onbekend = [k for k, v in antwoorden.items() if v is None]
    return [
        k
        for k in onbekend
        if beoordeel(regel, {**antwoorden, k: True}) != beoordeel(regel, {**antwoorden, k: False})
    ]


def ontbrekend(
    regel: Uitdrukking, antwoorden: Mapping[str, bool], criteria: ComplexeCasuistiek
) -> list[str]:
    """Why the rule is not met, one line per missing part, in the criteria's own words."""
    if voldoet(regel, antwoorden):
        return []
    if isinstance(regel, str):
        omschrijving = next(c.omschrijving for c in criteria.criteria if c.id == regel)
        return [f"{regel}: {omschrijving}"]
    if isinstance(regel, AlleVan):
        return [reden for r in regel.alle for reden in ontbrekend(r, antwoorden, criteria)]
    assert isinstance(regel, EenVan)
    opties = [_kort(r) for r in regel.een_van]
    return [
        f"geen van de criteria {' of '.join(opties)} is vervuld (er moet er ten minste één zijn)"
    ]


def _kort(regel: Uitdrukking) -> str:
    if isinstance(regel, str):
        return regel
    if isinstance(regel, AlleVan):
        return "(" + " en ".join(_kort(r) for r in regel.alle) + ")"
    return "(" + " of ".join(_kort(r) for r in regel.een_van) + ")"
