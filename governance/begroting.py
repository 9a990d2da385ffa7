"""The liquidation budget the VRD draws up (25.6): cost lines and who employs or seconded the staff."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, model_validator

from .errors import WaardeFout
from .geld import lees_getal
from .models import Id, JaNee, Model, PartijId, Tekst
from .vergadering import Datum

Bedrag = Annotated[Decimal, BeforeValidator(lees_getal), Field(ge=0, decimal_places=2)]


class Post(Model):
    id: Id
    omschrijving: Tekst
    soort: Literal["personeel_vrd", "gedetacheerd", "overig"]
    partner: PartijId | None = None  # who seconded the staff (25.7)
    bedrag: Bedrag

    @model_validator(mode="after")
    def _partner_bij_detachering(self) -> Post:
        if (self.soort == "gedetacheerd") != (self.partner is not None):
            raise WaardeFout(
                "een post 'gedetacheerd' noemt de 'partner' die detacheerde, en alleen die post",
                "schrijf bij soort: gedetacheerd de partner, bijv. partner: ggz_drenthe; laat 'partner' weg bij de andere posten",
            )
        return self


class Begroting(Model):
    naam: Tekst
    voorbeeld: JaNee = False
    opgesteld_door: Tekst = "Veiligheidsregio Drenthe"
    peildatum: Datum
    posten: Annotated[list[Post], Field(min_length=1)]
