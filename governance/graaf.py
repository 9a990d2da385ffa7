"""The escalation graph: where a matter goes when an orgaan cannot decide, or a role is disputed.

Nodes are organen and rollen; each edge is one `Escalatie` of convenant.yaml. networkx is
imported here only, so commands that do not draw or check the graph never load it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

import networkx as nx

from .artikelen import sorteersleutel
from .models import Convenant, Escalatie

Start = Literal["geschil", "impasse"]


def bouw(convenant: Convenant) -> Any:
    """A MultiDiGraph; edge key = index of the escalatie in convenant.yaml."""
    graaf = nx.MultiDiGraph()
    for orgaan in convenant.organen:
        graaf.add_node(orgaan.id, naam=orgaan.naam, soort="orgaan", eindgezag=orgaan.eindgezag)
    for rol in convenant.rollen:
        graaf.add_node(rol.id, naam=rol.naam, soort="rol", eindgezag=False)
    for i, escalatie in enumerate(convenant.escalatie):
        graaf.add_edge(escalatie.van, escalatie.naar, key=i, escalatie=escalatie)
    return graaf


def cyclus(graaf: Any) -> list[int]:
    """Indexes of the escalaties forming a cycle, or [] when the graph is acyclic."""
    try:
        return [key for _, _, key, *_ in nx.find_cycle(graaf)]
    except nx.NetworkXNoCycle:
        return []


@dataclass(frozen=True)
class DoodlopendeKeten:
    knoop: str
    via: int  # index of an escalatie that leads into the dead end


def doodlopend(graaf: Any) -> list[DoodlopendeKeten]:
    """Nodes where a chain stops without reaching a final authority (eindgezag)."""
    uitkomst = []
    for knoop in graaf.nodes:
        if graaf.out_degree(knoop) > 0 or graaf.in_degree(knoop) == 0:
            continue
        if not graaf.nodes[knoop]["eindgezag"]:
            via = min(key for _, _, key in graaf.in_edges(knoop, keys=True))
            uitkomst.append(DoodlopendeKeten(knoop, via))
    return uitkomst


def pad(convenant: Convenant, start: str, aanleiding: Start) -> list[Escalatie]:
    """The chain of escalaties from `start` up to the final authority.

    A dispute about a role first takes that role's `geschil` edge; a deadlock of an orgaan its
    `impasse` edge. From there a role passes a dispute on (`doorgeleid_geschil`) and an orgaan
    that cannot decide escalates (`impasse`), until a node has no way further up.
    """
    uit: dict[str, list[Escalatie]] = {}
    for escalatie in convenant.escalatie:
        uit.setdefault(escalatie.van, []).append(escalatie)
    keten: list[Escalatie] = []
    huidig: str = start
    gewenst: str = aanleiding
    bezocht = {start}
    while True:
        volgende = next((e for e in uit.get(huidig, []) if e.aanleiding == gewenst), None)
        if volgende is None or volgende.naar in bezocht:
            return keten
        keten.append(volgende)
        huidig = volgende.naar
        bezocht.add(huidig)
        gewenst = "doorgeleid_geschil" if huidig in convenant.rol else "impasse"


# --- drawing ------------------------------------------------------------------------------------

_ANLEIDING = {
    "impasse": "impasse",
    "geschil": "geschil",
    "voorbehouden": "voorbehouden onderwerp",
    "doorgeleid_geschil": "geschil doorgeleid",
}


def _label(escalatie: Escalatie) -> str:
    artikelen = ", ".join(sorted(escalatie.artikelen, key=sorteersleutel))
    label = f"{_ANLEIDING[escalatie.aanleiding]} · {artikelen}"
    if escalatie.facultatief:
        label += " · zo nodig"
    if escalatie.aanname:
        label += " · aanname"
    return label


def _knopen(convenant: Convenant) -> Iterable[tuple[str, str, str]]:
    """(id, name, kind) of every node worth drawing: with an edge, or without a way up."""
    betrokken = {e.van for e in convenant.escalatie} | {e.naar for e in convenant.escalatie}
    for orgaan in convenant.organen:
        if orgaan.id in betrokken or orgaan.geen_escalatie:
            soort = "eindgezag" if orgaan.eindgezag else "orgaan"
            yield orgaan.id, orgaan.naam, soort
    for rol in convenant.rollen:
        if rol.id in betrokken:
            yield rol.id, rol.naam, "rol"


def _tekst(waarde: str) -> str:
    return waarde.replace("\\", "\\\\").replace('"', "'")


def mermaid(convenant: Convenant) -> str:
    vormen = {"orgaan": '["{}"]', "rol": '("{}")', "eindgezag": '[["{}"]]'}
    regels = ["flowchart BT"]
    for ident, naam, soort in _knopen(convenant):
        regels.append(f"    {ident}" + vormen[soort].format(_tekst(naam)))
    for escalatie in convenant.escalatie:
        pijl = "-.->" if escalatie.facultatief else "-->"
        regels.append(f'    {escalatie.van} {pijl}|"{_tekst(_label(escalatie))}"| {escalatie.naar}')
    for orgaan in convenant.organen:
        if orgaan.geen_escalatie:
            regels.append(f'    {orgaan.id} ~~~ {orgaan.id}_geen["geen escalatie (aanname)"]')
    return "\n".join(regels) + "\n"


def dot(convenant: Convenant) -> str:
    vormen = {"orgaan": "box", "rol": "ellipse", "eindgezag": "doubleoctagon"}
    regels = [
        "digraph escalatie {",
        "    rankdir=BT;",
        '    node [fontname="Helvetica"];',
        '    edge [fontname="Helvetica", fontsize=10];',
    ]
    for ident, naam, soort in _knopen(convenant):
        regels.append(f'    "{ident}" [label="{_tekst(naam)}", shape={vormen[soort]}];')
    for escalatie in convenant.escalatie:
        stijl = ", style=dashed" if escalatie.facultatief else ""
        regels.append(
            f'    "{escalatie.van}" -> "{escalatie.naar}" [label="{_tekst(_label(escalatie))}"{stijl}];'
        )
    for orgaan in convenant.organen:
        if orgaan.geen_escalatie:
            regels.append(
                f'    "{orgaan.id}_geen" [label="geen escalatie (aanname)", shape=plaintext];\n'
                f'    "{orgaan.id}" -> "{orgaan.id}_geen" [style=dotted, arrowhead=none];'
            )
    regels.append("}")
    return "\n".join(regels) + "\n"


# --- the werkproces (Bijlage 3) --------------------------------------------------------------------

_EINDE = {
    "niet_in_behandeling": "niet in behandeling",
    "verwezen": "verwezen",
    "andere_tafel": "andere tafel",
    "afgesloten": "afgesloten",
}


def werkproces_mermaid(convenant: Convenant) -> str:
    regels = ["flowchart TD"]
    for fase in convenant.werkproces.fasen:
        regels.append(f'    {fase.id}["{_tekst(fase.naam)}"]')
    for einde, naam in _EINDE.items():
        regels.append(f'    einde_{einde}(["{naam}"])')
    for fase in convenant.werkproces.fasen:
        for u in fase.uitkomsten:
            doel = u.naar or f"einde_{u.einde}"
            regels.append(f'    {fase.id} -->|"{_tekst(u.id)}"| {doel}')
    return "\n".join(regels) + "\n"


def werkproces_dot(convenant: Convenant) -> str:
    regels = [
        "digraph werkproces {",
        '    node [fontname="Helvetica", shape=box];',
        '    edge [fontname="Helvetica", fontsize=10];',
    ]
    for fase in convenant.werkproces.fasen:
        regels.append(f'    "{fase.id}" [label="{_tekst(fase.naam)}"];')
    for einde, naam in _EINDE.items():
        regels.append(f'    "einde_{einde}" [label="{naam}", shape=oval];')
    for fase in convenant.werkproces.fasen:
        for u in fase.uitkomsten:
            doel = u.naar or f"einde_{u.einde}"
            regels.append(f'    "{fase.id}" -> "{doel}" [label="{_tekst(u.id)}"];')
    regels.append("}")
    return "\n".join(regels) + "\n"
