"""The liquidation budget the VRD draws up (25.6): cost lines and who employs or seconded the staff."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, model_validator

from .models import Id, Model, PartijId, Tekst
from .vergadering import Datum


def _bedrag(waarde: Any) -> Any:
    """Accept 1234.50, "1234.50" and the Dutch "€ 1.234,50"; amounts stay exact (Decimal)."""
    if isinstance(waarde, float):
        return Decimal(repr(waarde))  # 0.1 stays 0.1, not its binary approximation
    if isinstance(waarde, str):
        schoon = waarde.replace("€", "").replace(" ", "").replace("\u00a0", "")
        if re.fullmatch(r"-?\d{1,3}(\.\d{3})*(,\d+)?|-?\d+,\d+", schoon):
            schoon = schoon.replace(".", "").replace(",", ".")
        try:
            return Decimal(schoon)
        except InvalidOperation:
            return waarde  # pydantic reports it with the position
    return waarde


Bedrag = Annotated[Decimal, BeforeValidator(_bedrag), Field(ge=0, decimal_places=2)]


class Post(Model):
    id: Id
    omschrijving: Tekst
    soort: Literal["personeel_vrd", "gedetacheerd", "overig"]
    partner: PartijId | None = None  # who seconded the staff (25.7)
    bedrag: Bedrag

    @model_validator(mode="after")
    def _partner_bij_detachering(self) -> Post:
        if (self.soort == "gedetacheerd") != (self.partner is not None):
            raise ValueError(
                "een post 'gedetacheerd' noemt de 'partner' die detacheerde, en alleen die post"
            )
        return self


class Begroting(Model):
    naam: Tekst
    voorbeeld: bool = False
    opgesteld_door: Tekst = "Veiligheidsregio Drenthe"
    peildatum: Datum
    posten: Annotated[list[Post], Field(min_length=1)]
