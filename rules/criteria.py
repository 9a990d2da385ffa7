"""Is a casus complexe casuïstiek (Bijlage 2)? Evaluated from yes/no answers, with the reason."""

from __future__ import annotations

from collections.abc import Mapping

from governance.models import AlleVan, ComplexeCasuistiek, EenVan, Uitdrukking


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
