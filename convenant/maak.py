"""Documents ready to send: a kind of the registry (`documenten.soorten`) from its input file,
its context from the family's module, rendered by `documenten.opmaak`.

A context holds the input as it was given, with no empty values: a field the input lacks is
simply absent, so a template that needs it stops with StrictUndefined, and the rendering turns
that into a message naming the field and the input file. A document never has a blank where a
fact should be. jinja2 is imported by `documenten.opmaak` only, so other commands never load it.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from governance.errors import GebruiksFout, InvoerFout, PastNiet
from governance.huisstijl import Huisstijl
from governance.loader import Bestand
from governance.models import Bezetting, Convenant
from governance.vergadering import Vergadering
from rules.liquidatie import Route

from .documenten.gemeen import document_kop, kort_oordeel
from .documenten.opmaak import Document, opmaak, opsomming
from .documenten.soorten import SOORT, Invoer
from .documenten.uittreding import uittreding_context

__all__ = [
    "Document",
    "document_kop",
    "invoermodel",
    "kort_oordeel",
    "maak_document",
    "maak_uit_bestand",
    "opmaak",
    "opsomming",
    "uittreding_context",
]

Bouwer = Callable[..., dict[str, Any]]


def invoermodel(soort: str) -> type[BaseModel]:
    """The model of a kind's input file."""
    from governance.begroting import Begroting
    from governance.documenten import Addendum, Opzegging, ToetredingsVerzoek

    modellen: dict[Invoer, type[BaseModel]] = {
        "vergadering": Vergadering,
        "toetreding": ToetredingsVerzoek,
        "opzegging": Opzegging,
        "addendum": Addendum,
        "begroting": Begroting,
    }
    return modellen[_soort(soort).invoer]


def _bouwer(soort: str) -> Bouwer:
    s = _soort(soort)
    module = importlib.import_module(f"convenant.documenten.{s.familie}")
    bouw: Bouwer = getattr(module, s.bouwer or "")
    return bouw


def _soort(soort: str) -> Any:
    s = SOORT.get(soort)
    if s is None or s.bouwer is None:
        maakbaar = [n for n, x in SOORT.items() if x.bouwer is not None]
        raise GebruiksFout(f"onbekende documentsoort '{soort}'; kies een van {', '.join(maakbaar)}")
    return s


def maak_uit_bestand(
    soort: str,
    formaat: str,
    invoer: Path,
    *,
    register: Path | None = None,
    convenant_pad: Path | None = None,
    bezetting_pad: Path | None = None,
    verdeelsleutel_pad: Path | None = None,
    begroting_pad: Path | None = None,
    eigen_sjablonen: Path | None = None,
    met_toetsing: bool = False,
    route: Route = "opheffing",
    uittredend: str | None = None,
    uittreder_deelt: bool | None = None,
    zonder: Iterable[str] = (),
    datum: dt.date | None = None,
) -> Document:
    """A document from its input file, as `convenant maak` makes it: the register of the file
    (or `register`) gives the bezetting, verdeelsleutel, house style and settled readings."""
    from governance.bestanden import zoek_register

    from .register import Register

    model = invoermodel(soort)
    register = zoek_register(register, invoer)
    # the parties that acceded by a signed dossier or left by a recorded document, the
    # bezetting, the settled readings and the house style: the register's
    r = Register(register, convenant_pad=convenant_pad, bezetting_pad=bezetting_pad)
    c = r.convenant
    bezetting = r.bezetting()
    bestand = r.invoer(invoer, model)
    # Documents judge as `convenant toets` does in this register: under its settled readings.
    opties: dict[str, Any] = {"register": register, "keuze": r.keuze_op()}
    if soort == "besluitenlijst":
        opties["met_toetsing"] = met_toetsing
    if soort == "agenda" and datum is not None:
        opties["datum"] = datum
    if soort == "liquidatieoverzicht":
        opties["verdeelsleutel"] = r.verdeelsleutel(verdeelsleutel_pad)
        opties |= {
            "route": route,
            "uittredend": uittredend,
            "uittreder_deelt": uittreder_deelt,
            "zonder": tuple(zonder),
        }
    if soort == "uittredingsoverzicht" and begroting_pad is not None:
        opties["begroting"] = r.begroting(begroting_pad)
        opties["verdeelsleutel"] = r.verdeelsleutel(verdeelsleutel_pad)
        opties["uittreder_deelt"] = uittreder_deelt
    document = maak_document(
        soort,
        formaat,
        c,
        bestand,
        bezetting=bezetting,
        huisstijl=r.huisstijl(),
        eigen_sjablonen=eigen_sjablonen,
        **opties,
    )
    # Said once the document is made, so that a message about the input file comes first.
    if bezetting is None and _leest_bezetting(c, soort, bestand.model):
        from .uitvoer import meld_zonder_bezetting

        meld_zonder_bezetting(
            "ontbreekt in het document wat daaruit komt (leden, voorzitter, secretaris, zetels)"
        )
    return document


def _leest_bezetting(c: Convenant, soort: str, model: BaseModel) -> bool:
    if isinstance(model, Vergadering):
        return c.orgaan[model.orgaan].heeft_bezetting
    return bool(SOORT[soort].uit_bezetting)


def maak_document(
    soort: str,
    formaat: str,
    c: Convenant,
    bestand: Bestand[Any],
    *,
    bezetting: Bezetting | None = None,
    huisstijl: Huisstijl | None = None,
    eigen_sjablonen: Path | None = None,
    **opties: Any,
) -> Document:
    """The one entry point for every caller (CLI, web): a document kind from its input file.

    `opties` are what a kind needs beyond its file: `verdeelsleutel` for the liquidation and
    exit overviews, `register` for forms that must find their besluit, and the like.
    """
    bouw = _bouwer(soort)
    try:
        context = bouw(c, bezetting, bestand, **opties)
    except PastNiet as e:  # about this file: say which, and where
        raise InvoerFout(
            [bestand.bron.melding(e.veld, str(e), "kies een ander document of een ander bestand")]
        ) from None
    return opmaak(soort, formaat, context, bestand.bron.pad, huisstijl, eigen_sjablonen)
