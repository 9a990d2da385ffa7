"""Finding every id a model refers to, generically, from the `Verwijzing` markers in its types.

A new field of type `PartijId` (or `list[OrgaanId]`, or `dict[OrgaanId, …]`) is checked
without touching this module.
"""

from __future__ import annotations

import functools
import types
import typing
from collections.abc import Collection, Iterator, Mapping
from typing import Annotated, Any, NamedTuple

from pydantic import BaseModel

from .errors import Melding, bedoelde_u
from .loader import Bron, Loc
from .models import Convenant, Verwijzing

# How "unknown …" reads in Dutch, article gender included (het orgaan, de partij).
ONBEKEND = {
    "partij": "onbekende partij",
    "partij_of_alle": "onbekende partij",
    "orgaan": "onbekend orgaan",
    "rol": "onbekende rol",
    "knoop": "onbekend orgaan of onbekende rol",
    "ontvanger": "onbekende ontvanger (orgaan, rol of 'partijen')",
    "geadresseerde": "onbekende geadresseerde (orgaan, rol, Partij of 'partijen')",
    "soort": "onbekende soort besluit",
    "fase": "onbekende fase van het werkproces",
    "criterium": "onbekend criterium",
    "bevinding": "onbekende bevinding",
}


class Ref(NamedTuple):
    loc: Loc
    soort: str
    waarde: str
    is_sleutel: bool = False  # the id is a mapping key (organen: {stuurgroep: …})


@functools.cache
def _velden(klasse: type[BaseModel]) -> tuple[tuple[str, Any], ...]:
    """Each field with its fully resolved type, `Annotated` markers included.

    Pydantic resolved the types when it defined the class, except the recursive Bijlage 2
    alias, which it leaves a forward reference until it builds the model (deferred until first
    validation); typing resolves that one. Resolving every class again would cost start-up time.
    Pydantic before 2.11 does not say whether a class is complete: then typing resolves all.
    """
    if not getattr(klasse, "__pydantic_fields_complete__", False):
        hints = typing.get_type_hints(klasse, include_extras=True)
        return tuple((naam, hints[naam]) for naam in klasse.model_fields)
    return tuple(
        (naam, Annotated[(veld.annotation, *veld.metadata)] if veld.metadata else veld.annotation)
        for naam, veld in klasse.model_fields.items()
    )


@functools.cache
def _te_volgen(klasse: type[BaseModel]) -> tuple[tuple[str, Any], ...]:
    """The fields of `_velden` whose type can hold a reference at all. Text, numbers, dates and
    choices are not walked: the live verdict checks every meeting form this way, and most of
    a meeting's fields are of those kinds."""
    return tuple((naam, tp) for naam, tp in _velden(klasse) if _kan_verwijzen(tp))


_BEZIG: set[type] = set()  # models whose fields are being looked at (a model may hold itself)


def _kan_verwijzen(tp: Any) -> bool:
    """Whether a value of type `tp` can hold a reference; where the type does not tell (Any, a
    forward reference, a model that holds itself), it can."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        args = typing.get_args(tp)
        return any(isinstance(m, Verwijzing) for m in args[1:]) or _kan_verwijzen(args[0])
    if origin is typing.Literal:
        return False
    if origin is not None:  # list, dict, a union
        return any(_kan_verwijzen(arg) for arg in typing.get_args(tp))
    if not isinstance(tp, type) or tp is object:
        return True
    if not issubclass(tp, BaseModel):
        return False
    if tp in _BEZIG:
        return True
    _BEZIG.add(tp)
    try:
        return bool(_te_volgen(tp))
    finally:
        _BEZIG.discard(tp)


def verwijzingen(model: BaseModel, pad: Loc = ()) -> Iterator[Ref]:
    """Yield every reference inside `model` with its location."""
    for naam, tp in _te_volgen(type(model)):
        yield from _loop(tp, [], getattr(model, naam), (*pad, naam))


def _loop(
    tp: Any, metadata: list[Any], waarde: Any, pad: Loc, is_sleutel: bool = False
) -> Iterator[Ref]:
    if waarde is None:
        return
    for m in metadata:
        if isinstance(m, Verwijzing) and isinstance(waarde, str):
            yield Ref(pad, m.soort, waarde, is_sleutel)
            return
    if isinstance(waarde, BaseModel):
        yield from verwijzingen(waarde, pad)
        return
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is typing.Annotated:
        yield from _loop(args[0], list(args[1:]), waarde, pad, is_sleutel)
    elif origin is typing.Union or origin is types.UnionType:
        # Only a str can be a reference; the model branch was handled above.
        for arg in args:
            if isinstance(waarde, str) and _is_str(arg):
                yield from _loop(arg, [], waarde, pad)
                return
    elif origin is list:
        for i, element in enumerate(waarde):
            yield from _loop(args[0], [], element, (*pad, i))
    elif origin is dict:
        for sleutel, element in waarde.items():
            yield from _loop(args[0], [], sleutel, (*pad, sleutel), is_sleutel=True)
            yield from _loop(args[1], [], element, (*pad, sleutel))


def _is_str(tp: Any) -> bool:
    if typing.get_origin(tp) is typing.Annotated:
        return _is_str(typing.get_args(tp)[0])
    return tp is str


# Where a user finds the valid ids of each kind; short lists are named in the message itself.
WAAR_TE_VINDEN = {
    "partij": "convenant partijen",
    "partij_of_alle": "convenant partijen",
    "orgaan": "convenant leden",
    "soort": "convenant soorten",
    "bevinding": "convenant valideer",
}
_ZELF_NOEMEN = 12  # up to this many valid ids the message lists them all


def herstel_id(soort: str, mogelijk: Collection[str]) -> str:
    """The fix for an unknown id: the valid ones, or the command that lists them."""
    if len(mogelijk) <= _ZELF_NOEMEN or soort not in WAAR_TE_VINDEN:
        return "gebruik een van: " + ", ".join(sorted(mogelijk))
    return f"gebruik een bestaande id; '{WAAR_TE_VINDEN[soort]}' toont ze alle {len(mogelijk)}"


def controleer(
    model: BaseModel,
    bron: Bron,
    bekend: Mapping[str, set[str]],
    overslaan: frozenset[str] = frozenset({"artikel"}),
    convenant: Convenant | None = None,
) -> list[Melding]:
    """Every reference in `model` must name a known id; unknown ones get a 'did you mean'.

    With the convenant, a name written where an id belongs ("Gemeente Emmen") gets its id.
    """
    meldingen = []
    for loc, soort, waarde, is_sleutel in verwijzingen(model):
        if soort in overslaan or waarde in bekend.get(soort, set()):
            continue
        mogelijk = bekend.get(soort, set())
        if convenant is not None and soort in _PARTIJEN and waarde in convenant.ongetekend:
            meldingen.append(_nog_niet_getekend(bron, loc, waarde, *convenant.ongetekend[waarde]))
            continue
        namen = namen_van(convenant).get(soort) if convenant is not None else None
        meldingen.append(
            bron.melding(
                loc,
                f"{ONBEKEND.get(soort, 'onbekende ' + soort)} '{waarde}'",
                herstel_id(soort, mogelijk),
                suggestie=bedoelde_u(waarde, mogelijk, namen),
                op_sleutel=is_sleutel,
            )
        )
    return meldingen


# The kinds of reference a Partij can fill.
_PARTIJEN = frozenset({"partij", "partij_of_alle", "geadresseerde"})


def _nog_niet_getekend(
    bron: Bron, loc: Loc, waarde: str, dossier: str, regel: int | None, naam: str
) -> Melding:
    """A party of a dossier whose Bijlage 1 is not signed yet is no Partij (22.4, Bijlage 1):
    the message names that dossier, since the id itself is not misspelt."""
    plek = f"{dossier}:{regel}" if regel is not None else dossier
    return bron.melding(
        loc,
        f"'{waarde}' is nog geen Partij: Bijlage 1 is niet getekend volgens het "
        f"toetredingsdossier {plek} ({naam})",
        "zet 'datum_ondertekening: JJJJ-MM-DD' in dat dossier zodra Bijlage 1 is getekend, "
        f"of noem '{waarde}' hier pas in een periode vanaf die dag",
    )


def namen_van(convenant: Convenant) -> dict[str, dict[str, str]]:
    """Per kind of reference, the names people write for its ids (only read on an error)."""
    partijen = {
        naam: p.id for p in convenant.partijen for naam in (p.naam, p.kort, *p.aliassen) if naam
    }
    organen = {o.naam: o.id for o in convenant.organen}
    rollen = {r.naam: r.id for r in convenant.rollen}
    return {
        "partij": partijen,
        "partij_of_alle": partijen,
        "orgaan": organen,
        "rol": rollen,
        "knoop": organen | rollen,
        "ontvanger": organen | rollen,
        "geadresseerde": organen | rollen | partijen,
        "soort": {s.naam: s.id for s in convenant.soorten},
        "fase": {f.naam: f.id for f in convenant.werkproces.fasen},
    }


def dubbele_ids(model: BaseModel, bron: Bron, pad: Loc = ()) -> list[Melding]:
    """Within every list of items with an `id`, each id occurs once."""
    meldingen: list[Melding] = []
    for naam in type(model).model_fields:
        waarde = getattr(model, naam)
        meldingen.extend(_dubbel_in(waarde, bron, (*pad, naam)))
    return meldingen


def _dubbel_in(waarde: Any, bron: Bron, pad: Loc) -> list[Melding]:
    meldingen: list[Melding] = []
    if isinstance(waarde, BaseModel):
        return dubbele_ids(waarde, bron, pad)
    if isinstance(waarde, dict):
        for sleutel, element in waarde.items():
            meldingen.extend(_dubbel_in(element, bron, (*pad, sleutel)))
    if isinstance(waarde, list):
        gezien: dict[str, int] = {}
        for i, element in enumerate(waarde):
            ident = getattr(element, "id", None)
            if isinstance(ident, str):
                if ident in gezien:
                    meldingen.append(
                        bron.melding(
                            (*pad, i, "id"),
                            f"de id '{ident}' komt twee keer voor (ook als element {gezien[ident] + 1})",
                            "geef elk element een eigen id",
                        )
                    )
                gezien.setdefault(ident, i)
            meldingen.extend(_dubbel_in(element, bron, (*pad, i)))
    return meldingen


def ids_van(convenant: Convenant) -> dict[str, set[str]]:
    """The ids each kind of reference may name."""
    organen = {o.id for o in convenant.organen}
    rollen = {r.id for r in convenant.rollen}
    return {
        "partij": {p.id for p in convenant.partijen},
        "partij_of_alle": {p.id for p in convenant.partijen} | {"alle"},
        "orgaan": organen,
        "rol": rollen,
        "knoop": organen | rollen,
        "ontvanger": organen | rollen | {"partijen"},
        "geadresseerde": organen | rollen | {"partijen"} | {p.id for p in convenant.partijen},
        "soort": {s.id for s in convenant.soorten},
        "fase": {f.id for f in convenant.werkproces.fasen},
        "criterium": {c.id for c in convenant.complexe_casuistiek.criteria},
        "bevinding": {b.id for b in convenant.bevindingen},
    }
