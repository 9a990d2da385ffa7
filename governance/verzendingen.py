"""Recording a sending in a meeting file, for the workplace's form and for the mail outbox.

`leg_vast` adds one `Verzending` to the `verzonden:` list of a meeting file and saves it the
way every save goes (`governance.opslag`: atomic, the old version into the history, refused
when someone else saved in between). The file keeps every comment and line it had: the new
line is added to the text, in the flow style of the example files, and only where the text
cannot take a line (a `verzonden:` written as one flow list) is the file written anew.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .errors import InvoerFout, VerouderdeVersie
from .loader import laad
from .opslag import bewaar, versie
from .vergadering import Vergadering, Verzending
from .yamlschrijver import als_tekst

_SLEUTEL = re.compile(r"^verzonden\s*:\s*(#.*)?$")
_FLOW_SPECIAAL = re.compile(r"[:#,\[\]{}&*!|>'\"%@`]|^\s|\s$|^-")


def _waarde(w: Any) -> str:
    if isinstance(w, list):
        return "[" + ", ".join(_waarde(x) for x in w) + "]"
    tekst = str(w)
    if isinstance(w, str) and (_FLOW_SPECIAAL.search(tekst) or tekst.lower() in _GERESERVEERD):
        return '"' + tekst.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return tekst


_GERESERVEERD = {"ja", "nee", "yes", "no", "true", "false", "on", "off", "null", "~", ""}


def regel(z: Verzending) -> str:
    """One sending as a flow mapping on one line: `{documenten: [...], aan: [...], op: ...}`."""
    data = z.model_dump(mode="json", exclude_defaults=True)
    data.setdefault("op", z.op.isoformat())
    return "{" + ", ".join(f"{k}: {_waarde(w)}" for k, w in data.items()) + "}"


def met_verzending(tekst: str, z: Verzending) -> str:
    """The text of a meeting file with `z` added to its `verzonden:` list (made if absent)."""
    regels = tekst.splitlines(keepends=True)
    nieuw = f"  - {regel(z)}\n"
    for i, r in enumerate(regels):
        if _SLEUTEL.match(r.rstrip("\r\n")):
            einde = i + 1
            while einde < len(regels) and (
                regels[einde].startswith((" ", "\t", "#")) or not regels[einde].strip()
            ):
                einde += 1
            # after the last item of the block, before trailing blank or comment lines
            while (
                einde > i + 1
                and not regels[einde - 1].strip().startswith("-")
                and (not regels[einde - 1].strip() or regels[einde - 1].lstrip().startswith("#"))
            ):
                einde -= 1
            return "".join([*regels[:einde], nieuw, *regels[einde:]])
    if regels and not regels[-1].endswith("\n"):
        regels[-1] += "\n"
    return "".join([*regels, "verzonden:\n", nieuw])


def leg_vast(register: Path, pad: Path, z: Verzending, gelezen: str | None = None) -> str:
    """Add sending `z` to meeting file `pad` of `register`; returns the file's new version.

    `gelezen`: the version the caller showed (a form); None reads it now (the outbox, which
    shows nothing). Raises `VerouderdeVersie` when the file changed after `gelezen`, and
    `InvoerFout` when the file cannot be read as a meeting.
    """
    inhoud = pad.read_bytes()
    if gelezen is not None and versie(inhoud) != gelezen:
        raise VerouderdeVersie(pad.name, gelezen, versie(inhoud))
    tekst = inhoud.decode("utf-8")
    oud = laad(pad, Vergadering, inhoud).model
    nieuw = met_verzending(tekst, z)
    try:
        model = laad(pad, Vergadering, nieuw.encode()).model
        goed = model.verzonden == [*oud.verzonden, z]
    except InvoerFout:
        goed = False
    if not goed:  # a layout the line cannot join: the file written anew from its data
        data = oud.model_dump(mode="json", exclude_defaults=True)
        data["verzonden"] = [
            x.model_dump(mode="json", exclude_defaults=True) for x in [*oud.verzonden, z]
        ]
        kop = "".join(r[1:].strip() + "\n" for r in tekst.splitlines() if r.startswith("#"))
        nieuw = als_tekst(_geordend(data), kop.split("\n", 1)[0] if kop else "")
    return bewaar(register, pad, nieuw.encode(), versie(inhoud))


def _geordend(data: dict[str, Any]) -> dict[str, Any]:
    volgorde = {naam: i for i, naam in enumerate(Vergadering.model_fields)}
    return dict(sorted(data.items(), key=lambda kv: volgorde.get(kv[0], len(volgorde))))
