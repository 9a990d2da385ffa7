"""A casus as the procesregisseur records it: a pseudonymous id and the steps it went through.

No personal data: the engine needs only the phases, outcomes and facts of each step.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from .models import FaseId, Id, JaNee, Model, PartijId, Tekst
from .vergadering import Besluitnummer, Datum


class Uitgenodigde(Model):
    partij: PartijId
    grondslag: Tekst | None = None  # why this party may lawfully take part (12.2e)


class Afschaling(Model):
    criteria: Tekst  # the criteria the Casusoverleg set for afschaling (9.4d)
    besloten_op: Datum  # the Casusoverleg's decision to afschalen (9.4d, 1.10)


class Stap(Model):
    fase: FaseId
    datum: Datum
    uitkomst: Id  # an outcome of this fase (convenant.yaml, werkproces)
    uitgenodigd: list[Uitgenodigde] = []  # maatwerkoverleg: who the procesregisseur invited
    casusregisseur: PartijId | None = (
        None  # the party that provides the casusregisseur (9.4a, 14.1)
    )
    afschaling: Afschaling | None = None
    geschoond: JaNee = (
        False  # afschalen: the dossier was cleaned of what is no longer needed (1.10)
    )
    toelichting: Tekst | None = None


class Casus(Model):
    casus: Besluitnummer  # pseudonymous id, e.g. ZVHD-2027-0042
    aangemeld_door: PartijId
    stappen: Annotated[list[Stap], Field(min_length=1)]


class InformatieVerzoek(Model):
    """May this piece of information, provided by a party, be used this way?"""

    soort: Literal[
        "inzage_vooraf", "doorgifte_derde", "verder_gebruik", "communicatie_extern", "geheimhouding"
    ]
    verstrekt_door: PartijId | None = None
    persoonsgegevens: JaNee = True
    # inzage_vooraf (12.2f)
    procesregisseur_beoordeeld: JaNee = False
    in_overleg_met_aanmelder: JaNee = False
    verstrekker_akkoord: JaNee = False
    # doorgifte_derde (9.8, 17.2)
    ontvanger: Tekst | None = None
    schriftelijke_toestemming_vooraf: JaNee = False
    binnen_wettelijke_kaders: JaNee | None = None  # incl. beroepsgeheim; None: not known
    # verder_gebruik (16.1, 17.2)
    binnen_doel_convenant: JaNee = False
    conform_verstrekker: JaNee = False
    wettelijk_toegestaan: JaNee | None = None
    # communicatie_extern (21.1, 21.2)
    instemming_andere_partijen: JaNee = False
    namens_zvhd: JaNee = False
    via_manager: JaNee = False
    # geheimhouding (18.1, 18.2, 25.5)
    moment: Literal["tijdens", "na_beeindiging", "na_uitsluiting", "na_uittreding"] = "tijdens"
    al_openbaar: JaNee = False
    wettelijke_verplichting: JaNee = False
    # 18.1 covers what is confidential (or may be taken to be), personal data and what would
    # harm others when made known; None: not recorded, so it is treated as covered.
    vertrouwelijk: JaNee | None = None
    # 18.1 leaves room for exchange between Partijen under 16 and under 9.5.
    uitwisseling_tussen_partijen: (
        Literal["informatie_uitwisseling", "uitvoering_casusoverleg"] | None
    ) = None
    toelichting: Tekst | None = None
