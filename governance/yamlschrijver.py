"""Writing a model back as YAML in the style of the hand-written example files.

Keys in the model's field order, defaults left out, dates as ISO dates, short lists of names
in flow style (`aanwezig: [sg_assen, sg_emmen]`), everything else in block style. What comes
out loads into an equal model (tests/governance/test_opslag.py checks it for every example meeting).

PyYAML drops comments. `opmerkingen` finds them, so a caller can say so before it rewrites a
hand-written file instead of losing them silently.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml
from pydantic import BaseModel


class _Schrijver(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        # list items indented under their key, as in the example files
        super().increase_indent(flow, False)


def _lijst(dumper: Any, data: list[Any]) -> yaml.Node:
    kort = all(isinstance(x, str | int | dt.date) for x in data)
    knoop: yaml.Node = dumper.represent_sequence(
        "tag:yaml.org,2002:seq", data, flow_style=kort and bool(data)
    )
    return knoop


def _tekst(dumper: Any, data: str) -> yaml.Node:
    stijl = "|" if "\n" in data else None
    knoop: yaml.Node = dumper.represent_scalar("tag:yaml.org,2002:str", data, style=stijl)
    return knoop


try:
    from yaml import CSafeDumper as _CBasis
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeDumper as _CBasis  # type: ignore[assignment]


class _SnelleSchrijver(_CBasis):
    pass


for _klasse in (_Schrijver, _SnelleSchrijver):
    _klasse.add_representer(list, _lijst)
    _klasse.add_representer(str, _tekst)


def als_yaml(model: BaseModel, kop: str = "") -> str:
    """The model as YAML text; `kop` (comment lines, without '#') goes on top."""
    return als_tekst(model.model_dump(mode="python", exclude_defaults=True), kop)


def als_tekst(data: Any, kop: str = "", snel: bool = False) -> str:
    """Plain data (dicts, lists, text, dates) as YAML text in the same style.

    `snel`: libyaml's emitter, several times faster, for text that is only read back at once
    (the workplace judging a form); its layout differs a little from the example files'.
    """
    tekst = yaml.dump(
        data,
        Dumper=_SnelleSchrijver if snel else _Schrijver,
        sort_keys=False,
        allow_unicode=True,
        width=4096,  # one line per list, as the examples write them
        default_flow_style=False,
    )
    opmerking = "".join(f"# {regel}".rstrip() + "\n" for regel in kop.splitlines())
    return opmerking + tekst


def opmerkingen(tekst: str) -> list[str]:
    """The comments in a YAML text (`# …`), in order; an empty list when it has none."""
    bezet: list[tuple[int, int]] = []
    try:
        for token in yaml.scan(tekst, Loader=yaml.SafeLoader):
            if isinstance(token, yaml.ScalarToken):
                bezet.append((token.start_mark.index, token.end_mark.index))
    except yaml.YAMLError:
        pass  # a broken file: every '#' outside the scalars read so far still counts
    gevonden: list[str] = []
    positie = 0
    for regel in tekst.splitlines(keepends=True):
        for i, teken in enumerate(regel):
            plek = positie + i
            if teken != "#" or (i > 0 and not regel[i - 1].isspace()):
                continue
            if any(begin <= plek < eind for begin, eind in bezet):
                continue
            gevonden.append(regel[i:].rstrip("\r\n"))
            break
        positie += len(regel)
    return gevonden
