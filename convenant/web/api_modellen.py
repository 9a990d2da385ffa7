"""What the JSON API reads and answers, as pydantic models: its OpenAPI description.

The requests are read by the same loader as the CLI's input files (so the same Dutch messages
with line and column); the answers are built by the CLI's own JSON functions, and a test
checks every answer against the models below, so the description cannot drift from them.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from governance.begroting import Begroting
from governance.models import JaNee, Model, PartijId
from governance.vergadering import Datum

# --- requests -------------------------------------------------------------------------------


class UittredingVraag(Model):
    """An exit to simulate, as `convenant simuleer uittreding` takes it."""

    partij: PartijId = Field(description="De Partij die vertrekt (id, zie /api/v1/partijen).")
    route: Literal["opzegtermijn", "wijziging", "uitsluiting"] = Field(
        "opzegtermijn",
        description="opzegtermijn (25.2), wijziging (23.3) of uitsluiting (24.3, 25.3).",
    )
    opzegging: Datum | None = Field(
        None, description="Datum van de schriftelijke opzegging (25.2, 23.3)."
    )
    ingang: Datum | None = Field(None, description="Bij route wijziging: ingang van de wijziging.")
    ingebrekestelling: Datum | None = Field(
        None, description="Bij route uitsluiting: datum van de ingebrekestelling (24.3)."
    )
    hersteltermijn: Datum | None = Field(
        None, description="Bij route uitsluiting: einde van de hersteltermijn (24.3)."
    )
    besluit: Datum | None = Field(
        None, description="Bij route uitsluiting: datum van de besluiten (25.3)."
    )
    lezingen: list[str] = Field(
        [],
        description="Andere lezingen, als AANNAME=LEZING (zoals --lezing; zie 'convenant lezingen').",
    )


class LiquidatieVraag(Model):
    """A liquidation to simulate, as `convenant simuleer liquidatie` takes it."""

    begroting: Begroting = Field(description="De liquidatiebegroting (25.6), als het bestand.")
    route: Literal["opheffing", "uittreding", "rechter"] = "opheffing"
    uittredend: PartijId | None = Field(
        None, description="Bij route uittreding: de gemeente die uittreedt."
    )
    uittreder_deelt: JaNee | None = Field(
        None,
        description="Deelt de uittredende gemeente mee? Standaard de lezing van het register "
        "(aanname uittredende_gemeente_deelt_kosten).",
    )
    zonder: list[PartijId] = Field([], description="Gemeenten die niet meebetalen.")
    alle_uittredingen: JaNee = Field(
        False, description="Per gemeente die uittreedt: de nieuwe aandelen van de andere."
    )
    lezingen: list[str] = Field(
        [], description="Andere lezingen, als AANNAME=LEZING (zoals --lezing)."
    )


# --- answers --------------------------------------------------------------------------------


class Antwoord(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Vaststelling(Antwoord):
    lezing: str
    besluit: str
    orgaan: str
    datum: dt.date


class Grond(Antwoord):
    artikel: str
    uitleg: str
    aanname: str | None
    lezing: str | None
    vastgesteld_bij: Vaststelling | None
    beslissend: bool = Field(description="Of deze grond het oordeel besliste.")
    addendum: str | None = Field(
        description="Het addendum (23.2) dat een genoemd artikel de geldende tekst gaf."
    )


class Stemtelling(Antwoord):
    voor: int
    tegen: int
    onthouding: int


class Alternatief(Antwoord):
    aanname: str
    lezing: str
    oordeel: str
    escaleren_naar: str | None
    artikel: str
    uitspraak: str


class BesluitOordeel(Antwoord):
    id: str
    onderwerp: str
    soort: str
    oordeel: Literal["aangenomen", "verworpen", "aangehouden", "escaleren", "ongeldig"]
    escaleren_naar: str | None
    gronden: list[Grond]
    stemmen: Stemtelling | None
    lezingen: dict[str, str]
    alternatieven: list[Alternatief] | None = None
    bindt: list[str] | None = Field(
        description="Bij een besluit over verwerkingsverantwoordelijkheid: de Partijen die het "
        "bindt (alleen wie zelf instemde); anders null."
    )


class VergaderingKop(Antwoord):
    bestand: str
    orgaan: str
    datum: dt.date
    openbaar: bool
    aanwezig: list[str]
    afwezig: list[str]


class ToetsAntwoord(Antwoord):
    """What `convenant toets --json` prints for one meeting."""

    vergadering: VergaderingKop
    besluiten: list[BesluitOordeel]


class OndertekenaarUit(Antwoord):
    naam: str
    functie: str


class PartijUit(Antwoord):
    id: str
    naam: str
    kort: str | None
    soort: str
    is_partij: bool
    toegetreden_op: dt.date | None
    uitgetreden_op: dt.date | None
    ondertekenaar: OndertekenaarUit | None
    voetnoot: str | None


class PartijenAntwoord(Antwoord):
    """What `convenant partijen --op DATUM --json` prints."""

    op: dt.date
    partijen: list[PartijUit]
    niet_in_kracht: list[str]


class Gebeurtenis(Antwoord):
    datum: dt.date
    wat: str
    artikel: str
    aanname: str | None


class ZetelUit(Antwoord):
    orgaan: str
    lid: str
    naam: str
    gevolg: str


class UittredingAntwoord(Antwoord):
    """What `convenant simuleer uittreding --json` prints."""

    partij: str
    route: str
    geldig: bool
    ingang: dt.date | None
    tijdlijn: list[Gebeurtenis]
    tot_de_ingang: list[Grond]
    blijft_gelden: list[Grond]
    zetels: list[ZetelUit]
    partijen_daarna: list[str]
    gronden: list[Grond]
    lezingen: dict[str, str]


Bedrag = str  # two decimals, as DESIGN.md writes money in JSON


class BegrotingKop(Antwoord):
    naam: str
    voorbeeld: bool
    peildatum: dt.date


class SleutelKop(Antwoord):
    naam: str
    voorbeeld: bool
    basis: str


class GemeenteAandeel(Antwoord):
    gemeente: str
    naam: str
    gewicht: str
    aandeel: str
    bedrag: Bedrag
    afrondingscent: bool = Field(
        description="Of deze gemeente een van de overgebleven afrondingscenten kreeg (25.6)."
    )


class Afronding(Antwoord):
    centen: int
    gemeenten: list[str]
    uitleg: str


class PartnerBedrag(Antwoord):
    partij: str
    naam: str
    bedrag: Bedrag


class LiquidatieAntwoord(Antwoord):
    """What `convenant simuleer liquidatie --json` prints."""

    route: str
    begroting: BegrotingKop
    verdeelsleutel: SleutelKop
    totaal: Bedrag
    door_gemeenten: Bedrag
    gemeenten: list[GemeenteAandeel]
    partners: list[PartnerBedrag]
    vrd: Bedrag
    afronding: Afronding
    gronden: list[Grond]
    lezingen: dict[str, str]


class AlleUittredingenAntwoord(Antwoord):
    """What `--alle-uittredingen --json` prints: per leaving gemeente, the others' new shares."""

    alle_uittredingen: dict[str, dict[str, Bedrag]]


class ProbleemFout(Antwoord):
    """One problem with the request (or with a register file), as the CLI's JSON names it."""

    in_: Literal["body", "query", "path", "header", "register"] = Field(
        alias="in",
        description="Waar de fout zit: in de JSON van het verzoek (body), in een parameter "
        "(query, path, header) of in een bestand van het register (register).",
    )
    pad: str = Field(
        description="Het veld of de parameter, bijv. besluiten[sg-2027-01].stemmen.voor of op."
    )
    regel: int | None = Field(description="Regel in de JSON van het verzoek (of het bestand).")
    kolom: int | None = Field(description="Kolom op die regel.")
    melding: str = Field(description="Wat er mis is, in het Nederlands.")
    herstel: str = Field(description="Hoe het goed komt, met een voorbeeld in JSON.")
    suggestie: str | None = Field(
        description="Bedoelde u: de waarde die waarschijnlijk bedoeld is."
    )
    bestand: str | None = Field(description="Bij in=register: het bestand van het register.")


class Probleem(Antwoord):
    """Every error answer of the API: problem details (RFC 9457), in Dutch."""

    status: int = Field(description="De HTTP-statuscode.")
    title: str = Field(description="Korte omschrijving van de soort fout, in het Nederlands.")
    detail: str = Field(description="Wat er bij dit verzoek mis is, in het Nederlands.")
    fouten: list[ProbleemFout] | None = Field(
        None,
        description="Bij een ongeldig verzoek (400) of een onleesbaar registerbestand (422): "
        "elke fout met het veld, de plek, de melding en het herstel.",
    )
