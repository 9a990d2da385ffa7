"""The house rules of the code, checked by reading its imports (ast), not by trusting a comment:

- no import circle anywhere in the project (`convenant`, `governance`, `rules`), counting the
  imports inside functions too (only those under `if TYPE_CHECKING:` are left out: they never
  run);
- no module under `convenant/` reads a register file itself: only the register service
  (`convenant/register.py`) calls the loaders (issue 21);
- no router of the workplace imports the application (`convenant/web/app.py`): routers get what
  they need from `convenant/web/afhankelijkheden.py` (FastAPI's larger-application layout).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest

WORTEL = Path(__file__).resolve().parents[1]
PAKKETTEN = ("convenant", "governance", "rules")
REGISTERDIENST = "convenant.register"
APP = "convenant.web.app"

# The functions that read a register's files: every `laad…` of governance, and the helpers
# that find and read a register's file on their own.
LEZERS = frozenset(
    {
        "bezetting_uit",
        "lezingen_uit",
        "huisstijl_uit",
        "registerdocumenten",
        "registerstukken",
        "dossiers",
        "met_toetredingen",
    }
)


def _modulenaam(pad: Path) -> str:
    delen = pad.relative_to(WORTEL).with_suffix("").parts
    return ".".join(delen[:-1] if delen[-1] == "__init__" else delen)


def _modules() -> dict[str, Path]:
    return {
        _modulenaam(pad): pad
        for pakket in PAKKETTEN
        for pad in sorted((WORTEL / pakket).rglob("*.py"))
    }


MODULES = _modules()


def _is_type_checking(knoop: ast.If) -> bool:
    test = knoop.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(boom: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    """Every import that can run: at module level or in a function, not under TYPE_CHECKING."""
    for kind in ast.iter_child_nodes(boom):
        if isinstance(kind, ast.If) and _is_type_checking(kind):
            for anders in kind.orelse:
                yield from _imports(anders)
            continue
        if isinstance(kind, ast.Import | ast.ImportFrom):
            yield kind
        yield from _imports(kind)


def _basis(module: str, knoop: ast.ImportFrom) -> str:
    if not knoop.level:
        return knoop.module or ""
    is_pakket = module in MODULES and MODULES[module].name == "__init__.py"
    pakket = module if is_pakket else module.rpartition(".")[0]
    for _ in range(knoop.level - 1):
        pakket = pakket.rpartition(".")[0]
    return f"{pakket}.{knoop.module}" if knoop.module else pakket


def _gebruikt(module: str, bron: str | None = None) -> Iterator[tuple[str, str | None, int]]:
    """(the module imported, the name taken from it or None, the line) for each import."""
    boom = ast.parse(bron if bron is not None else MODULES[module].read_text(encoding="utf-8"))
    for knoop in _imports(boom):
        if isinstance(knoop, ast.Import):
            for alias in knoop.names:
                yield alias.name, None, knoop.lineno
            continue
        basis = _basis(module, knoop)
        for alias in knoop.names:
            # `from pakket import module` imports that module; `from module import naam` a name
            if f"{basis}.{alias.name}" in MODULES:
                yield f"{basis}.{alias.name}", None, knoop.lineno
            else:
                yield basis, alias.name, knoop.lineno


def _graaf() -> nx.DiGraph:
    graaf = nx.DiGraph()
    for module in MODULES:
        graaf.add_node(module)
        for doel, _, regel in _gebruikt(module):
            if doel in MODULES and doel != module:
                graaf.add_edge(module, doel, regel=regel)
    return graaf


def test_geen_importcirkel() -> None:
    graaf = _graaf()
    cirkels = [sorted(c) for c in nx.strongly_connected_components(graaf) if len(c) > 1]
    uitleg = []
    for cirkel in cirkels:
        een = nx.find_cycle(graaf.subgraph(cirkel))
        uitleg.append(
            " -> ".join(f"{a} (regel {graaf.edges[a, b]['regel']})" for a, b in een)
            + f" -> {een[0][0]}"
        )
    assert not cirkels, "importcirkels:\n" + "\n".join(uitleg)


def _leest_zelf(naam: str | None, module: str) -> bool:
    if naam is None:
        return module in ("governance.loader", "governance.bestanden")
    return module.startswith("governance.") and (naam.startswith("laad") or naam in LEZERS)


def test_alleen_de_registerdienst_leest_het_register() -> None:
    fout = [
        f"{MODULES[module].relative_to(WORTEL)}:{regel}: {doel}" + (f".{naam}" if naam else "")
        for module in MODULES
        if module.startswith("convenant") and module != REGISTERDIENST
        for doel, naam, regel in _gebruikt(module)
        if _leest_zelf(naam, doel)
    ]
    assert not fout, "leest zelf een registerbestand (vraag het aan convenant.register):\n" + (
        "\n".join(fout)
    )


def test_routers_importeren_de_app_niet() -> None:
    routers = [m for m in MODULES if "APIRouter(" in MODULES[m].read_text(encoding="utf-8")]
    assert len(routers) >= 8  # the scan finds the routers at all
    fout = [
        f"{MODULES[module].relative_to(WORTEL)}:{regel}"
        for module in routers
        for doel, _, regel in _gebruikt(module)
        if doel == APP
    ]
    assert not fout, "importeert convenant.web.app:\n" + "\n".join(fout)


def test_de_werkplek_gebruikt_geen_opdrachten() -> None:
    """The JSON shapes live in `convenant.presentatie`, shared by the CLI and the API; the
    workplace does not import command modules to borrow them."""
    fout = [
        f"{MODULES[module].relative_to(WORTEL)}:{regel}: {doel}"
        for module in MODULES
        if module.startswith("convenant.web")
        for doel, _, regel in _gebruikt(module)
        if doel.startswith("convenant.opdrachten")
    ]
    assert not fout, "de werkplek importeert een opdracht van de CLI:\n" + "\n".join(fout)


@pytest.mark.parametrize(
    ("bron", "verwacht"),
    [
        ("from governance.bestanden import laad_convenant\n", True),
        ("from governance.loader import laad\n", True),
        ("def f():\n    from governance.toetreding import dossiers\n", True),
        ("from governance import loader\n", True),
        ("from governance.bestanden import BEZETTING\n", False),
        (
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from governance.loader import laad\n",
            False,
        ),
    ],
)
def test_de_scan_ziet_een_lezer(bron: str, verwacht: bool) -> None:
    """The scan itself: a loader call is found at module level and in a function, and an
    import that only the type checker sees is not one."""
    gevonden = any(_leest_zelf(n, d) for d, n, _ in _gebruikt("convenant.proef", bron))
    assert gevonden is verwacht
