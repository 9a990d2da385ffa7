"""The convenant as typed data.

Pydantic models only: no YAML, no files (those live in `loader.py`). Every model is frozen and
forbids unknown keys, so a typo in `convenant.yaml` is an error, not a silently ignored field.

Fields that point at something defined elsewhere carry a `Verwijzing` marker in their type;
`verwijzingen.py` walks the models generically and checks every such id, so adding a new
reference field needs no new checking code.

Annotations are evaluated as each class is defined (no `from __future__ import annotations`):
pydantic then takes the types as they are instead of evaluating their text, a part of defining
the models that every run of a command pays (issue 26). A name defined further down is quoted.
"""

import datetime as dt
from decimal import Decimal
from functools import cached_property
from typing import TYPE_CHECKING, Annotated, Any, Literal, Self, Union

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    StringConstraints,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from .artikelen import ARTIKEL_PATROON
from .datums import in_bereik
from .errors import WaardeFout
from .geld import lees_getal

if TYPE_CHECKING:
    from .versies import Toegepast


class Verwijzing:
    """Type marker: this string is the id of a `soort` of thing defined elsewhere."""

    def __init__(self, soort: str) -> None:
        self.soort = soort

    def __repr__(self) -> str:
        return f"Verwijzing({self.soort!r})"


Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
# A date in an input file, within the years convenant accepts (datums.in_bereik).
Dag = Annotated[dt.date, AfterValidator(in_bereik)]
Tekst = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
Artikel = Annotated[str, StringConstraints(pattern=ARTIKEL_PATROON), Verwijzing("artikel")]
Artikelen = Annotated[list[Artikel], Field(min_length=1)]
PartijId = Annotated[str, Verwijzing("partij")]
OrgaanId = Annotated[str, Verwijzing("orgaan")]
RolId = Annotated[str, Verwijzing("rol")]
KnoopId = Annotated[str, Verwijzing("knoop")]  # an orgaan or a rol: a node of the escalation graph
OntvangerId = Annotated[str, Verwijzing("ontvanger")]  # a knoop, or "partijen" (all of them)
SoortId = Annotated[str, Verwijzing("soort")]
FaseId = Annotated[str, Verwijzing("fase")]
CriteriumId = Annotated[str, Verwijzing("criterium")]
BevindingId = Annotated[str, Verwijzing("bevinding")]

_JA_NEE = {"ja": True, "nee": False}


def _ja_nee(waarde: Any) -> Any:
    """Dutch yes and no; YAML itself reads only true/false (and yes/no) as booleans."""
    if isinstance(waarde, str):
        return _JA_NEE.get(waarde.strip().lower(), waarde)
    return waarde


# A yes-or-no field: `ja`/`nee` as well as `true`/`false`.
JaNee = Annotated[
    bool,
    BeforeValidator(_ja_nee),
    WithJsonSchema({"anyOf": [{"type": "boolean"}, {"enum": ["ja", "nee", "Ja", "Nee"]}]}),
]

PartijSoort = Literal["gemeente", "ketenpartner", "ondersteuner"]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Grondslag(Model):
    """A rule stated in the engine's own words with the articles it rests on."""

    omschrijving: Tekst
    artikelen: Artikelen
    aanname: BevindingId | None = None


# --- index ------------------------------------------------------------------------------------


class IndexArtikel(Model):
    nummer: Annotated[int, Field(ge=1)]
    titel: Tekst
    leden: Annotated[int, Field(ge=0)] = 0
    # Lettered onderdelen per lid ("4.5": "a-d") or of the article itself ("3": "a-j").
    onderdelen: dict[str, Annotated[str, StringConstraints(pattern=r"^[a-z]-[a-z]$")]] = {}


class IndexBijlage(Model):
    nummer: Annotated[int, Field(ge=1)]
    titel: Tekst


class Index(Model):
    secties: list[Tekst]
    artikelen: list[IndexArtikel]
    bijlagen: list[IndexBijlage]
    voetnoten: dict[int, Tekst] = {}


# --- partijen ---------------------------------------------------------------------------------


class Ondertekenaar(Model):
    naam: Tekst
    functie: Tekst


class Vastlegging(Model):
    """Where the register records a party's accession or exit: the document and its article.

    Set only on the register's view of the parties (`convenant.register.Register`), so that a
    message about a party out of force can name the file a secretaris should look at."""

    document: Tekst  # the file, relative to the register (documenten/opzegging-cosis.yaml)
    wat: Tekst  # the document in words: "de opzegging van 31 januari 2027"
    artikel: Tekst
    # The date the register learnt of it (the letter of notice, the decision): before that
    # date the exit is no fact, though its effective date may lie far ahead.
    op: dt.date | None = None


class Partij(Model):
    id: Id
    naam: Tekst
    kort: Tekst | None = None
    soort: PartijSoort
    aliassen: list[Tekst] = []
    voetnoot: Tekst | None = None
    ondertekenaar: Ondertekenaar | None = None
    # The statutory or social field(s) it works in: organisations sharing one may send a joint
    # delegate to the Partneroverleg (6.8, aanname dezelfde_bevoegdheid).
    bevoegdheden: list[Id] = []
    # None: a party since the convenant took effect (25.1). Set by accession or exit.
    toegetreden_op: Dag | None = None
    uitgetreden_op: Dag | None = None
    toegetreden_volgens: Vastlegging | None = None
    uitgetreden_volgens: Vastlegging | None = None
    artikelen: Artikelen
    aanname: BevindingId | None = None

    @property
    def is_partij(self) -> bool:
        """Whether it counts among the Partijen; the VRD signs but is named apart."""
        return self.soort != "ondersteuner"

    def in_kracht_op(self, datum: dt.date) -> bool:
        if self.toegetreden_op is not None and datum < self.toegetreden_op:
            return False
        return self.uitgetreden_op is None or datum < self.uitgetreden_op


# --- organen ----------------------------------------------------------------------------------


class Samenstelling(Model):
    omschrijving: Tekst
    uit: list[PartijSoort] = []
    rol: RolId | None = None
    stemrecht: JaNee = True
    artikelen: Artikelen
    aanname: BevindingId | None = None


class Functie(Model):
    """Who chairs or keeps the secretariat of an orgaan."""

    omschrijving: Tekst
    rol: RolId | None = None
    uit: list[PartijSoort] = []
    artikelen: Artikelen
    aanname: BevindingId | None = None


class Vergaderfrequentie(Model):
    minimum_per_jaar: Annotated[int, Field(ge=1)]
    precies: JaNee = False
    ook_op_verzoek_van_partij: JaNee = False
    artikelen: Artikelen
    aanname: BevindingId | None = None


class Openbaarheid(Model):
    openbaar: JaNee
    artikelen: Artikelen
    aanname: BevindingId | None = None


class Quorum(Model):
    """A quorum an orgaan adopted itself; the convenant sets none."""

    minimum_aanwezig: Annotated[int, Field(ge=1)] | None = None
    deel: Annotated[str, StringConstraints(pattern=r"^[1-9][0-9]*/[1-9][0-9]*$")] | None = None
    bron: Tekst

    @model_validator(mode="after")
    def _een_maat(self) -> Self:
        if (self.minimum_aanwezig is None) == (self.deel is None):
            raise WaardeFout(
                "een quorum heeft precies één maat",
                "schrijf óf minimum_aanwezig: 5, óf deel: 1/2",
            )
        return self


class Besluitregel(Model):
    soort: Literal["meerderheid_uitgebrachte_stemmen", "consensus", "gelijkluidend"]
    stem_per: Literal["lid", "partij"] = "lid"
    onthouding: Literal["telt_niet_mee", "telt_als_tegen"] | None = None
    staking: Literal["impasse", "verworpen"] | None = None
    staking_aanname: BevindingId | None = None
    streven_naar_consensus: JaNee = False
    artikelen: Artikelen
    aanname: BevindingId | None = None


class Afwezigheid(Model):
    schriftelijke_inbreng_gevraagd: JaNee
    aanhouden_indien_getroffen: JaNee
    artikelen: Artikelen
    aanname: BevindingId | None = None


class VerbodenOnderwerp(Model):
    onderwerp: Literal["casuistiek"]
    artikelen: Artikelen


class Termijn(Model):
    """A period (12 kalendermaanden) or a moment (vóór de volgende vergadering)."""

    aantal: Annotated[int, Field(ge=0, le=10_000)] | None = None
    eenheid: Literal["dagen", "weken", "kalendermaanden"] | None = None
    moment: (
        Literal[
            "voor_volgende_vergadering",
            "vooraf",
            "onmiddellijk",
            "redelijk",
            "bij_ingang_wijziging",
            "niet_bepaald",
        ]
        | None
    ) = None
    vanaf: Tekst | None = None
    aanname: BevindingId | None = None

    @model_validator(mode="after")
    def _vorm(self) -> Self:
        periode = self.aantal is not None or self.eenheid is not None
        if periode and (self.aantal is None or self.eenheid is None):
            raise WaardeFout(
                "een termijn in tijd vraagt zowel 'aantal' als 'eenheid'",
                "schrijf bijv. {aantal: 12, eenheid: kalendermaanden}",
            )
        if periode == (self.moment is not None):
            raise WaardeFout(
                "een termijn is óf een periode, óf een moment",
                "schrijf óf {aantal: 4, eenheid: weken}, óf alleen 'moment: …'",
            )
        return self


class Verslaglegging(Model):
    documenten: Annotated[
        list[
            Literal[
                "notulen",
                "actiepuntenlijst",
                "besluitenlijst",
                "verslag",
                "besluiten",
                "relevante_besluiten",
                "jaarplan",
                "werkproces",
            ]
        ],
        Field(min_length=1),
    ]
    aan: Annotated[list[OntvangerId], Field(min_length=1)]
    schriftelijk: JaNee = False
    door: KnoopId | None = None
    termijn: Termijn
    artikelen: Artikelen
    aanname: BevindingId | None = None


class Vertegenwoordiging(Model):
    """Joint representation by one delegate for several parties (6.7, 6.8)."""

    gezamenlijk_toegestaan: JaNee
    voor: list[Literal["gemeenten", "zelfde_bevoegdheid"]] = []
    # Under the AVG the controller's responsibility can never be mandated (6.7, 6.8).
    verwerkingsverantwoordelijkheid_mandateerbaar: JaNee = False
    artikelen: Artikelen
    aanname: BevindingId | None = None


class Uitnodiging(Model):
    """Who is invited to a meeting, and whether only the invited may take part."""

    door: RolId | None = None
    alle_partijen: JaNee = False  # every Partij is invited (6.4)
    alleen_uitgenodigden: JaNee = False  # only those invited may take part (9.2, 12.2e)
    artikelen: Artikelen
    aanname: BevindingId | None = None


class Agendapunt(Model):
    """A fixed item on every agenda of an orgaan, before or after the items of the day."""

    onderwerp: Tekst
    plaats: Literal["begin", "eind"]
    # No article where the convenant has none (a rondvraag): then the aanname says why.
    artikelen: list[Artikel] = []
    aanname: BevindingId | None = None

    @model_validator(mode="after")
    def _artikel_of_aanname(self) -> Self:
        if not self.artikelen and self.aanname is None:
            raise ValueError(
                "een vast agendapunt noemt zijn artikelen, of de aanname waarop het rust"
            )
        return self


class GeenEscalatie(Model):
    """Why an orgaan that decides has no way up: the convenant gives none."""

    uitleg: Tekst
    aanname: BevindingId


class Orgaan(Model):
    id: Id
    naam: Tekst
    lidwoord: Literal["de", "het"] = "de"
    kort: Tekst | None = None
    niveau: Literal["strategisch", "tactisch", "operationeel", "bestuurlijk_gezag", "landelijk"]
    omschrijving: Tekst
    artikelen: Artikelen
    samenstelling: list[Samenstelling] = []
    voorzitter: Functie | None = None
    secretaris: Functie | None = None
    vergaderfrequentie: Vergaderfrequentie | None = None
    openbaarheid: Openbaarheid | None = None
    quorum: Quorum | None = None
    quorum_aanname: BevindingId | None = None
    besluitregel: Besluitregel | None = None
    afwezigheid: Afwezigheid | None = None
    verboden_onderwerpen: list[VerbodenOnderwerp] = []
    taken: list[Grondslag] = []
    inbreng_vooraf: Grondslag | None = None  # parties are asked for input before decisions (5.2)
    uitnodiging: Uitnodiging | None = None
    vaste_agendapunten: list[Agendapunt] = []
    verslaglegging: list[Verslaglegging] = []
    vertegenwoordiging: Vertegenwoordiging | None = None
    eindgezag: JaNee = False
    geen_escalatie: GeenEscalatie | None = None
    alleen_waar_ingericht: JaNee = False
    heeft_bezetting: JaNee = True

    @property
    def de_naam(self) -> str:
        """The name as it reads inside a Dutch sentence: de Stuurgroep, het Partneroverleg."""
        return (
            f"{self.lidwoord} {self.kort or self.naam}"
            if self.kort
            else f"{self.lidwoord} {self.naam}"
        )

    @property
    def voorleggen_aan(self) -> str:
        """Whom a matter is put to when this orgaan decides it, as the convenant says it:
        5.7 puts it to "de twaalf Drentse gemeenten" (their colleges are only a route the
        Voorzitter may choose), so the full name without its explanation in brackets."""
        naam = self.naam.split(" (")[0]
        if naam.lower().startswith(f"{self.lidwoord} "):
            naam = naam[len(self.lidwoord) + 1 :]
        return f"{self.lidwoord} {naam}"


# --- rollen -----------------------------------------------------------------------------------


class Rol(Model):
    id: Id
    naam: Tekst
    omschrijving: Tekst
    artikelen: Artikelen
    aangewezen_door: KnoopId | None = None
    valt_onder: KnoopId | None = None
    secretaris_van: list[OrgaanId] = []
    taken: list[Grondslag] = []
    aanname: BevindingId | None = None


# --- soorten besluit --------------------------------------------------------------------------


class Vereiste(Model):
    """An extra requirement of a soort besluit.

    aard: `inhoud` the decided document must contain it; `voorwaarde` it must hold before the
    orgaan decides; `gevolg` it follows from the decision (a term, a signature, a right).
    """

    id: Id
    # How a reader names the part the decided document must contain (aard `inhoud`): a
    # besluitenlijst lists "langetermijnvisie", not the id the secretaris types.
    naam: Tekst | None = None
    omschrijving: Tekst
    aard: Literal["inhoud", "voorwaarde", "gevolg"] = "voorwaarde"
    # What a missing `voorwaarde` does to the verdict: void, or held until it is met.
    bij_ontbreken: Literal["ongeldig", "aangehouden"] = "ongeldig"
    termijn: Termijn | None = None
    artikelen: Artikelen
    aanname: BevindingId | None = None

    @model_validator(mode="after")
    def _naam_bij_inhoud(self) -> Self:
        if self.aard == "inhoud" and self.naam is None:
            raise WaardeFout(
                f"het verplichte onderdeel '{self.id}' heeft geen naam",
                f"geef het een naam zoals een lezer die zegt, bijv. naam: {self.id.replace('_', ' ')}",
            )
        return self


class Soort(Model):
    """A kind of decision and who takes it.

    `bevoegd`: the organen whose meeting may take it. `voorbehouden_aan`: the final say rests
    there; an orgaan outside `bevoegd` must pass the matter on, and a decision of an orgaan in
    `bevoegd` is a proposal that needs the decisions of that authority (25.3, 25.4).
    """

    id: Id
    naam: Tekst
    omschrijving: Tekst
    artikelen: Artikelen
    categorie: Literal["beleid", "casuistiek"] = "beleid"
    bevoegd: list[OrgaanId] = []
    voorbehouden_aan: OrgaanId | None = None
    vereisten: list[Vereiste] = []
    aanname: BevindingId | None = None


# --- escalatie --------------------------------------------------------------------------------


class Escalatie(Model):
    van: KnoopId
    naar: KnoopId
    aanleiding: Literal["impasse", "geschil", "voorbehouden", "doorgeleid_geschil"]
    uitleg: Tekst
    facultatief: JaNee = False
    # For a forwarded dispute: the roles whose disputes this step forwards (12.4, 13.3, 14.4).
    over: list[RolId] = []
    artikelen: Artikelen
    aanname: BevindingId | None = None


# --- procedures -------------------------------------------------------------------------------


class Stap(Model):
    id: Id
    omschrijving: Tekst
    door: KnoopId | None = None
    termijn: Termijn | None = None
    artikelen: Artikelen
    aanname: BevindingId | None = None


class Procedure(Model):
    id: Id
    naam: Tekst
    omschrijving: Tekst
    artikelen: Artikelen
    stappen: list[Stap] = []
    bepalingen: list[Grondslag] = []


# --- werkproces (Bijlage 3) -------------------------------------------------------------------


class Uitkomst(Model):
    id: Id
    omschrijving: Tekst
    # What a step must record before it may end in this outcome.
    vereist: list[Literal["casusregisseur", "afschalingsbesluit", "dossier_geschoond"]] = []
    naar: FaseId | None = None
    einde: Literal["niet_in_behandeling", "verwezen", "andere_tafel", "afgesloten"] | None = None
    artikelen: Artikelen
    aanname: BevindingId | None = None

    @model_validator(mode="after")
    def _naar_of_einde(self) -> Self:
        if (self.naar is None) == (self.einde is None):
            raise WaardeFout(
                "een uitkomst leidt óf 'naar' een fase, óf naar een 'einde'",
                "houd één van beide, bijv. naar: triage of einde: afgesloten",
            )
        return self


class Fase(Model):
    id: Id
    naam: Tekst
    doel: Tekst
    door: list[Tekst]
    # What every step in this phase must record: the invited parties and why each may attend.
    vereist: list[Literal["uitnodigingen"]] = []
    artikelen: Artikelen
    uitkomsten: list[Uitkomst] = []
    aanname: BevindingId | None = None


class Werkproces(Model):
    begin: FaseId
    fasen: list[Fase]
    artikelen: Artikelen
    aanname: BevindingId | None = None


# --- complexe casuïstiek (Bijlage 2) ----------------------------------------------------------


# A Bijlage 2 rule: a criterion id, or all / one of a list of rules.
Uitdrukking = Union[CriteriumId, "AlleVan", "EenVan"]


class AlleVan(Model):
    alle: Annotated[list[Uitdrukking], Field(min_length=1)]


class EenVan(Model):
    een_van: Annotated[list[Uitdrukking], Field(min_length=1)]


class Criterium(Model):
    id: Id
    omschrijving: Tekst
    artikelen: Artikelen


class ComplexeCasuistiek(Model):
    criteria: list[Criterium]
    regel: Uitdrukking
    artikelen: Artikelen
    aanname: BevindingId | None = None


# --- PIJOFACH (Bijlage 5) ---------------------------------------------------------------------


class PijofachFunctie(Model):
    id: Id
    letter: Annotated[str, StringConstraints(pattern=r"^[A-Z]$")]
    naam: Tekst
    diensten: list[Tekst] = []
    artikelen: Artikelen
    aanname: BevindingId | None = None


class Pijofach(Model):
    uitvoerder: PartijId
    omschrijving: Tekst
    functies: list[PijofachFunctie]
    artikelen: Artikelen


# --- bevindingen ------------------------------------------------------------------------------


class Lezing(Model):
    """One way careful jurists read a contested point; the rules branch on its id.

    A reading may carry the data that differs under it, so the rules need no second copy:
    `bevoegd` the organen competent for a soort besluit, `regel` the structure of Bijlage 2.
    """

    id: Id
    uitspraak: Tekst  # the reading in one line, in the engine's own words
    artikelen: Artikelen
    standaard: bool = False
    waarom: Tekst | None = None  # why this is the default (required for the default)
    bevoegd: dict[SoortId, list[OrgaanId]] = {}
    # A soort that under this reading is reserved to another orgaan (5.7 read literally).
    voorbehouden_aan: dict[SoortId, OrgaanId] = {}
    regel: Uitdrukking | None = None


# A title is read at a glance, on a card or in a link, and is never cut to fit: a few words.
VRAAG_MAX = 80


def _kort(vraag: str) -> str:
    if len(vraag) > VRAAG_MAX:
        raise WaardeFout(
            f"de vraag is te lang voor een titel ({len(vraag)} tekens, ten hoogste {VRAAG_MAX})",
            "noem het punt in een paar woorden, bijv. vraag: Wie stelt het Werkproces vast?; "
            "de volle uitleg staat in 'omschrijving'",
        )
    return vraag


Vraag = Annotated[
    Tekst,
    AfterValidator(_kort),
    Field(examples=["Wie stelt het Werkproces vast?"], json_schema_extra={"maxLength": VRAAG_MAX}),
]


class Bevinding(Model):
    """A place where the convenant is silent, ambiguous or contradicts itself."""

    id: Id
    # `conventie`: not a finding about the text but a convention of the engine, listed apart.
    soort: Literal[
        "stilzwijgen", "tegenstrijdig", "dubbelzinnig", "verwijzing", "redactioneel", "conventie"
    ]
    artikelen: Artikelen
    omschrijving: Tekst
    # The point as a question of a few words: the finding's title wherever a secretaris meets
    # it (the convenant page, a verdict's link to its aanname, a heading in the documents), with
    # the omschrijving in full under it. Required, so no title is ever the omschrijving cut off.
    vraag: Vraag
    aanname: Tekst | None = None
    # A contested reading: the alternatives, one of them the default the aanname describes.
    lezingen: list[Lezing] = []

    @model_validator(mode="after")
    def _een_standaard(self) -> Self:
        if not self.lezingen:
            return self
        if len(self.lezingen) < 2:
            raise ValueError("een betwiste lezing heeft ten minste twee 'lezingen'")
        standaard = [lz for lz in self.lezingen if lz.standaard]
        if len(standaard) != 1:
            raise ValueError("precies één van de 'lezingen' heeft 'standaard: true'")
        if standaard[0].waarom is None:
            raise ValueError(
                f"de standaardlezing '{standaard[0].id}' zegt 'waarom' zij standaard is"
            )
        ids = [lz.id for lz in self.lezingen]
        if len(set(ids)) != len(ids):
            raise ValueError("elke lezing heeft een eigen 'id'")
        return self

    @cached_property
    def standaardlezing(self) -> Lezing | None:
        return next((lz for lz in self.lezingen if lz.standaard), None)

    @cached_property
    def _per_id(self) -> dict[str, Lezing]:
        return {lz.id: lz for lz in self.lezingen}

    def lezing(self, ident: str) -> Lezing | None:
        return self._per_id.get(ident)


# --- the whole ----------------------------------------------------------------------------------


class ConvenantGegevens(Model):
    titel: Tekst
    kort: Tekst
    toepasselijk_recht: Grondslag
    duur: Grondslag
    ingangsdatum: Dag | None = None
    ingangsdatum_aanname: BevindingId | None = None


class Convenant(Model):
    convenant: ConvenantGegevens
    index: Index
    partijen: list[Partij]
    organen: list[Orgaan]
    rollen: list[Rol]
    soorten: list[Soort]
    escalatie: list[Escalatie]
    procedures: list[Procedure]
    werkproces: Werkproces
    complexe_casuistiek: ComplexeCasuistiek
    pijofach: Pijofach
    bevindingen: list[Bevinding]
    # The addenda applied to the bundled text to make this one (governance.versies), oldest
    # first; not a key of convenant.yaml: only `versies.pas_toe` sets it.
    # Typed loosely: typing.get_type_hints evaluates this class's annotations at run time.
    _addenda: tuple[Any, ...] = PrivateAttr(default=())
    # The parties of the register's toetreding dossiers that are not signed yet (Bijlage 1):
    # id → (dossier file, line of its id, organisation). Not Partijen; only an input that
    # names one is told which dossier to complete. Set by the register service.
    _ongetekend: dict[str, tuple[str, int | None, str]] = PrivateAttr(default_factory=dict)

    @property
    def ongetekend(self) -> dict[str, tuple[str, int | None, str]]:
        return self._ongetekend

    @property
    def addenda(self) -> "tuple[Toegepast, ...]":
        return self._addenda

    @cached_property
    def partij(self) -> dict[str, Partij]:
        return {p.id: p for p in self.partijen}

    @cached_property
    def orgaan(self) -> dict[str, Orgaan]:
        return {o.id: o for o in self.organen}

    @cached_property
    def rol(self) -> dict[str, Rol]:
        return {r.id: r for r in self.rollen}

    @cached_property
    def soort(self) -> dict[str, Soort]:
        return {s.id: s for s in self.soorten}

    @cached_property
    def bevinding(self) -> dict[str, Bevinding]:
        return {b.id: b for b in self.bevindingen}

    @cached_property
    def betwist(self) -> dict[str, Bevinding]:
        """The aannames that are contested readings, by id."""
        return {b.id: b for b in self.bevindingen if b.lezingen}

    @cached_property
    def fase(self) -> dict[str, Fase]:
        return {f.id: f for f in self.werkproces.fasen}

    def partijen_op(self, datum: dt.date) -> list[Partij]:
        return [p for p in self.partijen if p.in_kracht_op(datum)]


# --- facts kept beside the convenant -------------------------------------------------------------


class Lid(Model):
    """A seat in an orgaan: who sits there and for which parties they speak."""

    id: Id
    naam: Tekst
    partij: PartijId | None = None
    rol: RolId | None = None
    functie: Literal["lid", "voorzitter", "secretaris", "adviseur"] = "lid"
    # Joint representation (6.7, 6.8): the parties that mandated this delegate.
    namens: list[PartijId] = []
    # Who takes the seat when the member cannot come. The convenant names no deputies (6.3a
    # speaks of one mandated delegate per Partij): the deputy holds the same seat with the
    # same mandate, so a meeting records the seat and its verdicts do not depend on who sat.
    plaatsvervanger: Tekst | None = None

    @property
    def vertegenwoordigt(self) -> list[str]:
        if self.namens:
            return list(self.namens)
        return [self.partij] if self.partij else []


class OrgaanBezetting(Model):
    leden: list[Lid]


class BezettingsPeriode(Model):
    vanaf: Dag
    tot: Dag | None = None
    organen: dict[OrgaanId, OrgaanBezetting]

    @model_validator(mode="after")
    def _volgorde(self) -> Self:
        if self.tot is not None and self.tot <= self.vanaf:
            raise WaardeFout(
                f"'tot' ({self.tot}) ligt niet na 'vanaf' ({self.vanaf})",
                "'tot' is de eerste dag waarop de periode niet meer geldt; schrijf een latere datum, of laat 'tot' weg",
            )
        return self

    def geldt_op(self, datum: dt.date) -> bool:
        return self.vanaf <= datum and (self.tot is None or datum < self.tot)


class Bezetting(Model):
    toelichting: Tekst
    voorbeeld: JaNee = False
    perioden: Annotated[list[BezettingsPeriode], Field(min_length=1)]
    # The file it was read from, so a message about a date it does not cover can name it.
    _pad: str | None = PrivateAttr(default=None)

    @property
    def pad(self) -> str | None:
        return self._pad

    def op(self, datum: dt.date) -> BezettingsPeriode | None:
        for periode in self.perioden:
            if periode.geldt_op(datum):
                return periode
        return None


class Aandeel(Model):
    gemeente: PartijId
    gewicht: Annotated[Decimal, BeforeValidator(lees_getal), Field(gt=0)]


class Verdeelsleutel(Model):
    """The financial key of 20.3/20.4, which the convenant refers to but does not contain."""

    naam: Tekst
    voorbeeld: JaNee
    basis: Tekst
    bron: Tekst
    peildatum: Dag
    aandelen: Annotated[list[Aandeel], Field(min_length=1)]
    # e.g. 100 when the key is in percent; after `aandelen` so that the check can see them
    totaal: Annotated[Decimal, BeforeValidator(lees_getal), Field(gt=0)] | None = None

    @field_validator("totaal")
    @classmethod
    def _telt_op(cls, totaal: Decimal | None, info: ValidationInfo) -> Decimal | None:
        aandelen = info.data.get("aandelen")
        if totaal is not None and aandelen:
            som = sum((a.gewicht for a in aandelen), Decimal(0))
            if som != totaal:
                raise WaardeFout(
                    f"de gewichten tellen op tot {som}, niet tot het opgegeven totaal {totaal}",
                    f"verbeter de gewichten, of schrijf totaal: {som}",
                )
        return totaal


class VastgesteldeLezing(Model):
    """A contested reading the Stuurgroep settled by a besluit: no longer an assumption."""

    aanname: BevindingId
    lezing: Id
    besluit: Tekst  # the id of the besluit that settled it, as in the meeting file
    orgaan: OrgaanId = "stuurgroep"
    datum: dt.date
    toelichting: Tekst | None = None


class Lezingen(Model):
    """`lezingen.yaml` of a register: the readings settled there."""

    vastgesteld: list[VastgesteldeLezing] = []
