"""The escalation graph of the real convenant: acyclic, and every chain reaches a final authority."""

from __future__ import annotations

import itertools

import networkx as nx
import pytest

from governance import graaf
from governance.bestanden import laad_convenant
from governance.lint import lint_convenant
from governance.loader import Bestand
from governance.models import Convenant, Escalatie

BESTAND = laad_convenant()
C = BESTAND.model


def test_de_graaf_is_acyclisch() -> None:
    assert nx.is_directed_acyclic_graph(graaf.bouw(C))
    assert graaf.cyclus(graaf.bouw(C)) == []


def test_elke_keten_eindigt_bij_een_eindgezag() -> None:
    g = graaf.bouw(C)
    eindgezag = {n for n, d in g.nodes(data=True) if d["eindgezag"]}
    assert eindgezag == {"colleges"}
    for knoop in g.nodes:
        for eind in nx.descendants(g, knoop):
            if g.out_degree(eind) == 0:
                assert eind in eindgezag, f"{knoop} eindigt bij {eind}"
    assert graaf.doodlopend(g) == []


@pytest.mark.parametrize("rol", sorted({e.van for e in C.escalatie if e.aanleiding == "geschil"}))
def test_elk_geschil_heeft_een_pad_naar_de_colleges(rol: str) -> None:
    pad = graaf.pad(C, rol, "geschil")
    assert pad[0].van == rol
    assert pad[-1].naar == "colleges"
    assert all(a.naar == b.van for a, b in itertools.pairwise(pad))
    assert all(stap.artikelen for stap in pad)


def test_geschil_over_casusregisseur_volgt_14_4_7_2_en_5_7() -> None:
    pad = graaf.pad(C, "casusregisseur", "geschil")
    assert [(e.van, e.naar, e.artikelen) for e in pad] == [
        ("casusregisseur", "procesregisseur", ["14.4"]),
        ("procesregisseur", "partneroverleg", ["14.4"]),
        ("partneroverleg", "stuurgroep", ["7.2"]),
        ("stuurgroep", "colleges", ["5.7"]),
    ]


def test_impasse_van_partneroverleg_gaat_via_de_stuurgroep() -> None:
    assert [e.naar for e in graaf.pad(C, "partneroverleg", "impasse")] == ["stuurgroep", "colleges"]


def test_casusoverleg_heeft_geen_escalatie_en_zegt_waarom() -> None:
    assert graaf.pad(C, "casusoverleg", "impasse") == []
    geen = C.orgaan["casusoverleg"].geen_escalatie
    assert geen is not None
    assert C.bevinding[geen.aanname].aanname


@pytest.mark.parametrize("index", range(len(C.escalatie)))
def test_elke_omgekeerde_schakel_maakt_een_kring_die_lint_vindt(index: int) -> None:
    schakel = C.escalatie[index]
    terug = Escalatie(
        van=schakel.naar, naar=schakel.van, aanleiding="impasse", uitleg="test", artikelen=["5.7"]
    )
    kapot = C.model_copy(update={"escalatie": [*C.escalatie, terug]})
    codes = {p.code for p in lint_convenant(Bestand[Convenant](kapot, BESTAND.bron))}
    assert "escalatie-kring" in codes


def test_mermaid_en_dot_tekenen_elke_schakel() -> None:
    mermaid, dot = graaf.mermaid(C), graaf.dot(C)
    assert mermaid.startswith("flowchart BT\n")
    assert dot.startswith("digraph escalatie {")
    assert dot.rstrip().endswith("}")
    for e in C.escalatie:
        assert f"{e.van} -->|" in mermaid or f"{e.van} -.->|" in mermaid
        assert f'"{e.van}" -> "{e.naar}"' in dot
    assert mermaid.count("-->|") + mermaid.count("-.->|") == len(C.escalatie)
