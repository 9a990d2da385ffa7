"""Loading the convenant and the fact files beside it, fully checked.

A file that loads here is well-formed and every id in it resolves; what `lint` checks on top
(article references, the escalation graph, composition rules) are findings about content.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import InvoerFout
from .loader import Bestand, gebundeld, laad
from .models import Bezetting, Convenant, Verdeelsleutel
from .verwijzingen import controleer, dubbele_ids, ids_van

CONVENANT = "convenant.yaml"
BEZETTING = "bezetting.yaml"
VERDEELSLEUTEL = "verdeelsleutel.voorbeeld.yaml"


def laad_convenant(pad: Path | None = None) -> Bestand[Convenant]:
    bestand = laad(pad or gebundeld(CONVENANT), Convenant)
    model, bron = bestand.model, bestand.bron
    meldingen = dubbele_ids(model, bron)
    dubbel_knoop = {o.id for o in model.organen} & {r.id for r in model.rollen}
    for i, rol in enumerate(model.rollen):
        if rol.id in dubbel_knoop:
            meldingen.append(
                bron.melding(
                    ("rollen", i, "id"),
                    f"'{rol.id}' is al de id van een orgaan",
                    "organen en rollen delen één naamruimte in de escalatiegraaf; kies een andere id",
                )
            )
    meldingen += controleer(model, bron, ids_van(model))
    if meldingen:
        raise InvoerFout(meldingen)
    return bestand


def naast(convenant: Bestand[Convenant], naam: str) -> Path | None:
    """A fact file next to the convenant that was loaded, if there is one."""
    pad = convenant.bron.pad.parent / naam
    return pad if pad.is_file() else None


def laad_bezetting(pad: Path, convenant: Convenant) -> Bestand[Bezetting]:
    bestand = laad(pad, Bezetting)
    ids = ids_van(convenant)
    meldingen = dubbele_ids(bestand.model, bestand.bron) + controleer(
        bestand.model, bestand.bron, ids
    )
    if meldingen:
        raise InvoerFout(meldingen)
    return bestand


def laad_verdeelsleutel(pad: Path, convenant: Convenant) -> Bestand[Verdeelsleutel]:
    bestand = laad(pad, Verdeelsleutel)
    meldingen = controleer(bestand.model, bestand.bron, ids_van(convenant))
    if meldingen:
        raise InvoerFout(meldingen)
    return bestand
