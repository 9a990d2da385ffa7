"""Input files for the documents of a procedure: toetreding (22, Bijlage 1), opzegging (25.2,
23.3), addendum (23.2), and the register's record of an uitsluiting (25.3) or an opheffing
(25.4). Same conventions as the vergadering file: Dutch dates allowed, unknown keys refused."""

from __future__ import annotations

from typing import Any, Literal

from .models import Artikel, BevindingId, Model, PartijId, Tekst
from .vergadering import Besluitnummer, Datum


class Vertegenwoordiger(Model):
    naam: Tekst
    functie: Tekst


class Organisatie(Model):
    naam: Tekst
    statutair_gevestigd: Tekst
    adres: Tekst
    vertegenwoordiger: Vertegenwoordiger


class BesluitVerwijzing(Model):
    datum: Datum
    besluit: Besluitnummer | None = None


class ToetredingsVerzoek(Model):
    """A new organisation's request to accede, from notice (22.3) to signature (Bijlage 1)."""

    organisatie: Organisatie
    publieke_taak: Tekst  # how its public or social task serves the aims of art. 2 (22.1)
    aanvraag_ontvangen_op: Datum | None = None  # 22.2
    kennisgeving_op: Datum | None = None  # notice to all parties (22.3)
    akkoord_uiterlijk: Datum | None = None  # default: four weeks after the notice (aanname)
    besluit_stuurgroep: BesluitVerwijzing | None = None  # the positive decision (22.4)
    plaats_ondertekening: Tekst | None = None
    datum_ondertekening: Datum | None = None


class Opzegging(Model):
    """A party's written notice of exit to the Stuurgroep (25.2), or per a change (23.3)."""

    partij: PartijId
    datum: Datum  # the date of the letter, received by the Stuurgroep
    route: Literal["opzegtermijn", "wijziging"] = "opzegtermijn"
    ingang_wijziging: Datum | None = None  # route wijziging: when the change takes effect (23.3)
    wijziging: Tekst | None = None  # route wijziging: which change or accession is unacceptable
    ondertekenaar: Vertegenwoordiger
    plaats: Tekst
    adres: list[Tekst] = []  # the sender's address lines, as on its own letterhead
    # A gemeente gives notice by a decision of its college (Gemeentewet 160): the letter refers
    # to it, with a blank for the date until it is known.
    collegebesluit_op: Datum | None = None


class Regelwijziging(Model):
    """A change to the data of `convenant.yaml` that the new wording brings with it.

    `pad` names the place as `convenant valideer` prints it: `soorten[beleid].bevoegd`,
    `organen[stuurgroep].besluitregel.soort`, `procedures[uittreding].stappen[opzegging].termijn`.
    `wordt` is the value it gets there from the ingangsdatum (empty removes an optional value).
    """

    pad: Tekst
    wordt: Any


class Wijzigingstekst(Model):
    artikel: Artikel
    wordt: Tekst  # the article's new wording, cited from the ingangsdatum on
    # What changes in the rules (convenant.yaml) with it; none where only the words change.
    regels: list[Regelwijziging] = []
    # Findings the new wording resolves: rules resting on such an aanname rest on the text.
    vervallen_aannames: list[BevindingId] = []


class Addendum(Model):
    """An addendum to the convenant (23.2), signed by the voorzitter and the Manager."""

    nummer: Besluitnummer
    onderwerp: Tekst
    besluit_stuurgroep: BesluitVerwijzing
    voorstel_van: PartijId
    ingangsdatum: Datum
    wijzigingen: list[Wijzigingstekst]
    manager: Vertegenwoordiger
    plaats: Tekst


class Uitsluitingsbesluit(Model):
    """The register's record of a party's exclusion (25.3): on the Stuurgroep's proposal, the
    twelve colleges decide; the party is no Partij from `ingangsdatum`."""

    uitgesloten: PartijId
    ingangsdatum: Datum
    besluit_stuurgroep: BesluitVerwijzing | None = None
    besluit_colleges: Datum | None = None  # the date of the colleges' identical decisions
    toelichting: Tekst | None = None


class Opheffing(Model):
    """The register's record of the dissolution of the cooperation (25.4): from `opgeheven_op`
    no organisation is a Partij any more."""

    opgeheven_op: Datum
    besluit_stuurgroep: BesluitVerwijzing | None = None
    besluit_colleges: Datum | None = None
    toelichting: Tekst | None = None
