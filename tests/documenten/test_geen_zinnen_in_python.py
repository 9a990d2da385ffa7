"""No document wording in Python (issue 24): a sentence a document says stands in
templates/_teksten.j2 or a template, so that md, html and Word say it once. The context modules
of convenant/documenten/ give facts. This reads their source and fails on a string that reads
as a sentence of a document; messages to the user (errors, warnings) and docstrings are no
document text. The few sentences that stay in Python are listed below, each with its reason."""

from __future__ import annotations

import ast
from pathlib import Path

DOCUMENTEN = Path(__file__).resolve().parents[2] / "convenant" / "documenten"
# The year overview's document context lives with its command.
JAAROVERZICHT = DOCUMENTEN.parent / "opdrachten" / "jaaroverzicht.py"

# Calls whose text is a message to the user (exit 2 or a refusal), not a document's sentence.
_MELDINGEN = frozenset(
    {"melding", "Melding", "PastNiet", "GebruiksFout", "Geweigerd", "InvoerFout", "compile"}
)

# (module, the function or constant holding the text): why it stays in Python.
TOEGESTAAN = {
    # The registry's description of who signs a kind, for the help of convenant maak.
    ("soorten.py", "SOORTEN"): "beschrijving in het register van soorten",
    ("soorten.py", "_UIT"): "hulptekst van convenant maak: waaruit een soort gemaakt wordt",
}


def _is_zin(tekst: str) -> bool:
    """Six words or more, or four ending in a full stop: a sentence, not a label or a key."""
    woorden = tekst.split()
    return len(woorden) >= 6 or (len(woorden) >= 4 and tekst.rstrip().endswith("."))


def _zinnen(pad: Path) -> list[tuple[str, int, str]]:
    """(the function or constant holding it, line, text) of each sentence-like string."""
    boom = ast.parse(pad.read_text(encoding="utf-8"))
    overslaan: set[int] = set()
    eigenaar: dict[int, str] = {}
    for knoop in ast.walk(boom):
        lichaam = getattr(knoop, "body", None)
        if (
            isinstance(knoop, ast.Module | ast.FunctionDef | ast.ClassDef)
            and isinstance(lichaam, list)
            and lichaam
            and isinstance(lichaam[0], ast.Expr)
            and isinstance(lichaam[0].value, ast.Constant)
        ):
            overslaan.add(id(lichaam[0].value))  # a docstring
        naam = (
            getattr(knoop.func, "attr", getattr(knoop.func, "id", ""))
            if isinstance(knoop, ast.Call)
            else ""
        )
        if isinstance(knoop, ast.Raise) or naam in _MELDINGEN:
            overslaan.update(id(k) for k in ast.walk(knoop))
    for bovenste in boom.body:
        naam = ""
        if isinstance(bovenste, ast.FunctionDef | ast.ClassDef):
            naam = bovenste.name
        elif isinstance(bovenste, ast.Assign | ast.AnnAssign):
            doel = bovenste.targets[0] if isinstance(bovenste, ast.Assign) else bovenste.target
            naam = getattr(doel, "id", "")
        for k in ast.walk(bovenste):
            eigenaar[id(k)] = naam
    uit = []
    for knoop in ast.walk(boom):
        if id(knoop) in overslaan:
            continue
        if isinstance(knoop, ast.JoinedStr):
            tekst = "".join(
                str(d.value) if isinstance(d, ast.Constant) else "{}" for d in knoop.values
            )
            overslaan.update(id(d) for d in knoop.values)
        elif isinstance(knoop, ast.Constant) and isinstance(knoop.value, str):
            tekst = knoop.value
        else:
            continue
        if _is_zin(tekst):
            uit.append((eigenaar.get(id(knoop), ""), knoop.lineno, tekst))
    return uit


def zinnen_in_python(map_: Path = DOCUMENTEN, *ook: Path) -> list[str]:
    return [
        f"{pad.name}:{regel} ({waar}): {tekst[:80]!r}"
        for pad in [*sorted(map_.glob("*.py")), *ook]
        for waar, regel, tekst in _zinnen(pad)
        if (pad.name, waar) not in TOEGESTAAN
    ]


def test_geen_documentzinnen_in_de_contexten() -> None:
    gevonden = zinnen_in_python(DOCUMENTEN, JAAROVERZICHT)
    assert not gevonden, "zet deze zinnen in templates/_teksten.j2:\n" + "\n".join(gevonden)


def test_de_toets_vindt_een_zin(tmp_path: Path) -> None:
    (tmp_path / "voorbeeld.py").write_text(
        'def brief() -> str:\n    """Een docstring telt niet mee, ook al is het een zin."""\n'
        '    raise ValueError("een melding telt ook niet mee, hoe lang ook")\n'
        "def ander(naam: str) -> str:\n"
        '    return f"{naam} treedt uit en het convenant blijft bestaan."\n',
        encoding="utf-8",
    )
    assert [r.split(" (")[0] for r in zinnen_in_python(tmp_path)] == ["voorbeeld.py:5"]


def test_elke_uitzondering_bestaat_nog() -> None:
    """An exception whose text has gone is taken off the list, so it cannot hide a new one."""
    for module, waar in TOEGESTAAN:
        assert any(w == waar for w, _, _ in _zinnen(DOCUMENTEN / module)), (module, waar)
