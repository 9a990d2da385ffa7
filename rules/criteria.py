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
