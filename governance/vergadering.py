"""A vergadering file: what happened in one meeting, as the secretaris writes it down.

Forgiving to write: a single value may stand where a list is expected, dates may be written
the Dutch way (10-02-2027, 10 februari 2027), `alle` stands for everyone present. Strict to
read: unknown keys are errors, and `rules/zetels.py` checks every name against the bezetting.

Annotations are evaluated as each class is defined (no `from __future__ import annotations`):
pydantic then takes the types as they are instead of evaluating their text, a part of defining
the models that every run of a command pays (issue 26). A name defined further down is quoted.
"""

import datetime as dt
from typing import Annotated, Any, Literal, Self

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    Strict,
    StringConstraints,
    model_validator,
)

from .datums import in_bereik, ontleed_datum
from .errors import WaardeFout
from .models import (
    Id,
    JaNee,
    Model,
    OrgaanId,
    PartijId,
    RolId,
    SoortId,
    Tekst,
    Verwijzing,
)


def _als_lijst(waarde: Any) -> Any:
    return [waarde] if isinstance(waarde, str) else waarde


def _als_datum(waarde: Any) -> Any:
    if isinstance(waarde, str):
        return ontleed_datum(waarde)  # ValueError → a Dutch pydantic message with the position
    return waarde


Datum = Annotated[dt.date, BeforeValidator(_als_datum), AfterValidator(in_bereik)]
# Besluitnummers as secretarissen write them: sg-2027-01, 2027/3, B12.
BESLUITNUMMER = r"^[A-Za-z0-9][A-Za-z0-9._/-]*$"
Besluitnummer = Annotated[str, StringConstraints(pattern=BESLUITNUMMER)]
# A seat in the bezetting or a party; `alle` where the field says so.
Namen = Annotated[list[Annotated[str, Field(min_length=1)]], BeforeValidator(_als_lijst)]
Partijen = Annotated[list[PartijId], BeforeValidator(_als_lijst)]
# Party ids, or `alle` for every party in force (checked like any reference).
PartijenOfAlle = Annotated[
    list[Annotated[str, Verwijzing("partij_of_alle")]], BeforeValidator(_als_lijst)
]


class Afwezige(Model):
    lid: Tekst
    schriftelijke_inbreng: JaNee = False


# How many voted so, where the minutes record numbers and not who (`voor: 9`).
Aantal = Annotated[int, Strict(), Field(ge=0, le=1000)]


class Stemmen(Model):
    """Who voted how; a seat votes for every party it represents, a party id for that party.

    Or only how many, where the minutes record no names: then all three are numbers.
    """

    voor: Namen | Aantal = []
    tegen: Namen | Aantal = []
    onthouding: Namen | Aantal = []

    @model_validator(mode="after")
    def _namen_of_aantallen(self) -> Self:
        soorten = {isinstance(getattr(self, k), int) for k in self.model_fields_set}
        if len(soorten) > 1:
            raise WaardeFout(
                "de stemmen staan deels als namen en deels als aantallen",
                "schrijf ze allemaal als namen, bijv. {voor: alle}, of allemaal als aantallen, "
                "bijv. {voor: 9, tegen: 0, onthouding: 1}",
            )
        return self

    @property
    def aantallen(self) -> tuple[int, int, int] | None:
        """(voor, tegen, onthouding) where the votes are numbers; None where they are names."""
        waarden = (self.voor, self.tegen, self.onthouding)
        if not any(isinstance(w, int) for w in waarden):
            return None
        voor, tegen, onthouding = (w if isinstance(w, int) else 0 for w in waarden)
        return voor, tegen, onthouding


class Toetreding(Model):
    """The facts of an accession: written here, or taken from its dossier in the register."""

    # toetredingen/ID.yaml of the register: informed when and who agreed come from there
    dossier: Id | None = None
    organisatie: Tekst | None = None
    partijen_geinformeerd_op: Datum | None = None
    akkoord: PartijenOfAlle = []  # parties that agreed (22.4); `alle` for every party in force
    geweigerd: Partijen = []

    @model_validator(mode="after")
    def _dossier_of_feiten(self) -> Self:
        if self.dossier is None and self.organisatie is None:
            raise WaardeFout(
                "een toetreding noemt haar dossier of de organisatie die toetreedt",
                "schrijf bijv. toetreding: {dossier: voorbeeldzorg} (het dossier in toetredingen/), of organisatie: …",
            )
        if self.dossier is not None and (
            self.partijen_geinformeerd_op is not None or self.akkoord or self.geweigerd
        ):
            raise WaardeFout(
                "wie akkoord gaf en wanneer de Partijen zijn ingelicht, staat al in het dossier",
                "laat partijen_geinformeerd_op, akkoord en geweigerd hier weg, of laat 'dossier' weg",
            )
        return self


class Wijziging(Model):
    voorstel_van: PartijId | None = None  # a party may propose a change (23.1); not required
    # Only what the Stuurgroep confirms expressly in writing has legal force (23.1).
    schriftelijk_bevestigd: JaNee = False
    raakt_bijdragen_of_dienstverlening: JaNee = False
    ingangsdatum: Datum | None = None
    bezwaar: Partijen = []  # parties that find the change unacceptable (23.3)


class Uitsluiting(Model):
    partij: PartijId
    ingebrekestelling_op: Datum | None = None
    hersteltermijn_tot: Datum | None = None


class Geschil(Model):
    """A dispute about how a role carries out its tasks (11.4, 12.4, 13.3, 14.4)."""

    rol: RolId  # the role whose task performance is disputed
    voorgelegd_door: RolId | None = None  # who put it to this orgaan after handling it first


class CollegeBesluiten(Model):
    """The decisions of the twelve colleges (5.7, 25.3, 25.4), recorded with the besluit."""

    akkoord: PartijenOfAlle = []  # gemeenten whose college agreed; `alle` for all twelve
    tegen: Partijen = []


class Besluit(Model):
    id: Besluitnummer
    onderwerp: Tekst
    soort: SoortId
    tekst: Tekst | None = None  # the decision in the words of the minutes, for the besluitenlijst
    treft: Partijen = []  # parties the decision can significantly affect (5.6, 7.1)
    casuistiek: JaNee = False  # the item discusses an individual case (4.7, 6.9e)
    verwerkingsverantwoordelijkheid: JaNee = False  # concerns a party's role as controller (AVG)
    # A Jaarplan whose begroting changes what the gemeenten contribute (4.5c, 5.7, 20.3).
    wijzigt_gemeentelijke_bijdragen: JaNee = False
    na_impasse_in: OrgaanId | None = None  # taken up because that orgaan could not decide (7.2)
    stemmen: Stemmen | None = None
    bezwaren: Partijen | None = None  # for bodies that decide by consensus (9.7)
    inhoud: list[Id] = []  # content parts the decided document has (jaarplan 4.5 a–d)
    voldaan: list[Id] = []  # preconditions the secretaris confirms were met
    toetreding: Toetreding | None = None
    wijziging: Wijziging | None = None
    uitsluiting: Uitsluiting | None = None
    geschil: Geschil | None = None
    colleges: CollegeBesluiten | None = None
    # The other Partijen's identical decisions to end the convenant (25.4, reading alle_partijen).
    overige_partijen: CollegeBesluiten | None = None
    vervolg_van: Besluitnummer | None = None  # takes up an earlier aangehouden or escalated besluit
    # Adopts the concept besluitenlijst (with its actiepunten and notulen) of this orgaan's
    # meeting on that date: that list is `vastgesteld` from this besluit on (see
    # rules/vaststelling.py); until then it is a concept.
    stelt_vast: Datum | None = None
    toelichting: Tekst | None = None

    @model_validator(mode="after")
    def _stemmen_of_bezwaren(self) -> Self:
        if self.stemmen is not None and self.bezwaren is not None:
            raise WaardeFout(
                "een besluit heeft 'stemmen' (meerderheid) óf 'bezwaren' (consensus), niet allebei",
                "houd 'stemmen' bij een orgaan dat stemt en 'bezwaren' bij een orgaan dat bij consensus besluit (9.7)",
            )
        return self


DocumentSoort = Literal[
    "agenda",
    "notulen",
    "actiepuntenlijst",
    "besluitenlijst",
    "besluiten",
    "relevante_besluiten",
    "jaarplan",
    "werkproces",
]


# Who a document went to: an orgaan or role (`partneroverleg`, `colleges`, `manager`),
# `partijen` for every Partij in force, or one Partij by its id (a mail to its contact address).
Geadresseerde = Annotated[str, Verwijzing("geadresseerde")]
Wijze = Literal["e-mail", "post", "overhandigd", "digitaal"]


class Verzending(Model):
    """One sending: which documents of this meeting went to whom, on which date, by whom.

    The meeting file keeps them under `verzonden:`; the sending duties (4.8, 5.8, 5.9, 6.9c,
    6.10, 7.3, 7.5) close from these lines, and the calendar drops what they cover. A sending
    to each Partij separately (one line per Partij, as mail goes out) counts as a sending to
    `partijen` once every Partij in force on that date has it. Written by the workplace's
    form, by the mail outbox (with `bericht_id`, the mail's Message-ID) or by hand:

        verzonden:
          - documenten: [besluitenlijst, actiepuntenlijst, notulen]
            aan: [partijen, partneroverleg]
            op: 2027-02-20
            door: J. de Vries, secretaris
            wijze: e-mail
    """

    documenten: Annotated[list[DocumentSoort], Field(min_length=1)]
    aan: Annotated[list[Geadresseerde], Field(min_length=1)]
    op: Datum
    schriftelijk: JaNee = True
    door: Tekst | None = None  # who sent it, as the secretariat writes a name or function
    wijze: Wijze | None = None
    bericht_id: Tekst | None = None  # the Message-ID of the mail that carried it


class Actiepunt(Model):
    id: Besluitnummer
    omschrijving: Tekst
    wie: Tekst  # a party id, a role or a name, as the secretaris writes it
    uiterlijk: Datum | None = None
    status: Literal["open", "afgerond"] = "open"


class Inbreng(Model):
    """A Partij's input for a meeting, given on its own page in the workplace: asked before the
    Stuurgroep decides (5.2), or written because its member will be absent (5.6, 7.1)."""

    partij: PartijId
    op: Datum
    door: Tekst | None = None  # who gave it for the Partij
    tekst: Tekst
    bij_afwezigheid: JaNee = False  # the written inbreng of 5.6 / 7.1


class Verzoek(Model):
    """A party's request for a meeting of the Partneroverleg (6.2)."""

    partij: PartijId
    op: Datum


class Vergadering(Model):
    orgaan: OrgaanId
    datum: Datum
    tijd: Annotated[str, StringConstraints(pattern=r"^[0-2][0-9][:.][0-5][0-9]$")] | None = None
    locatie: Tekst | None = None  # in principle at the ZVHD (4.3)
    vorige_vergadering: Datum | None = None
    # This meeting adopted the besluitenlijst (and notulen) of `vorige_vergadering`: that list
    # then says "vastgesteld" with this meeting's date, else it is a concept (5.8, 7.5).
    vorige_vastgesteld: JaNee = False
    volgende_vergadering: Datum | None = None
    openbaar: JaNee = False
    aanwezig: Namen = []  # required for `toets`; an agenda is made before anyone attends
    afwezig: list[Afwezige] = []
    inbreng_gevraagd_op: Datum | None = None  # parties asked for input (5.2)
    uitgenodigd: PartijenOfAlle = []  # parties invited (Casusoverleg 9.2/12.2e, jaarvergadering 6.4)
    besluiten: Annotated[list[Besluit], Field(min_length=1)]
    actiepunten: list[Actiepunt] = []
    verzonden: list[Verzending] = []
    inbreng: list[Inbreng] = []  # from the Partijen (5.2, 5.6, 7.1)
    besproken: list[Tekst] = []  # subjects discussed without a decision (e.g. the Jaarplan, 6.4)
    op_verzoek_van: PartijId | None = None  # held because a party asked (6.2)
    verzoeken_ontvangen: list[Verzoek] = []  # requests for a meeting received since the last one
    toelichting: Tekst | None = None

    @model_validator(mode="after")
    def _stelt_eerdere_lijst_vast(self) -> Self:
        for b in self.besluiten:
            if b.stelt_vast is not None and b.stelt_vast >= self.datum:
                raise WaardeFout(
                    f"besluit {b.id} stelt de besluitenlijst vast van een vergadering op of na "
                    "deze vergadering",
                    "een vergadering stelt de besluitenlijst van een eerdere vergadering vast; "
                    "vul bij 'stelt_vast' de datum van die eerdere vergadering in",
                )
        return self


ALLE: Literal["alle"] = "alle"
