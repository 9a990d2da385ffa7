"""May this information be used this way? Art. 9.8, 12.2f, 16, 17, 18, 21 as pure functions.

Where the convenant defers to the Privacy Protocol (16.2), which is not part of its text, the
answer says what cannot be decided without it instead of guessing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from governance.casus import InformatieVerzoek
from governance.models import Convenant

from .oordeel import Grond

Antwoord = Literal["toegestaan", "toegestaan onder voorwaarden", "niet toegestaan"]


@dataclass(frozen=True)
class InformatieOordeel:
    soort: str
    antwoord: Antwoord
    gronden: tuple[Grond, ...]
    voorwaarden: tuple[str, ...]


def _protocol(v: InformatieVerzoek) -> list[str]:
    if not v.persoonsgegevens:
        return []
    return [
        "Voor persoonsgegevens gelden de doeleinden en grondslagen van het Privacy Protocol (16.2); dat protocol hoort niet bij de tekst van het convenant, dus de motor kan niet toetsen of deze verwerking daarbinnen past."
    ]


def toets_informatie(c: Convenant, v: InformatieVerzoek) -> InformatieOordeel:
    gronden: list[Grond] = []
    voorwaarden: list[str] = []
    bron = c.partij[v.verstrekt_door].naam if v.verstrekt_door else "de verstrekkende Partij"
    if v.soort == "inzage_vooraf":
        eisen = [
            (
                v.procesregisseur_beoordeeld,
                "de procesregisseur heeft beoordeeld of en welke informatie vooraf kan worden ingezien",
            ),
            (
                v.in_overleg_met_aanmelder,
                "die beoordeling gebeurde in overleg met de Partij die de casus aanmeldde of de casusregie heeft",
            ),
            (v.verstrekker_akkoord, f"{bron}, die de gegevens verstrekte, heeft akkoord gegeven"),
        ]
        for vervuld, tekst in eisen:
            gronden.append(
                Grond(
                    "12.2f",
                    ("Vervuld: " if vervuld else "Niet vervuld: ") + tekst + ".",
                    None,
                    None if vervuld else "ongeldig",
                )
            )
    elif v.soort == "doorgifte_derde":
        naar = v.ontvanger or "een derde"
        gronden.append(
            Grond(
                "9.8, 17.2",
                f"Doorgifte aan {naar} vraagt voorafgaande schriftelijke toestemming van {bron} als verwerkingsverantwoordelijke die de informatie verstrekte: "
                + ("gegeven." if v.schriftelijke_toestemming_vooraf else "niet gegeven."),
                None,
                None if v.schriftelijke_toestemming_vooraf else "ongeldig",
            )
        )
        if v.binnen_wettelijke_kaders is False:
            gronden.append(
                Grond(
                    "9.8",
                    "De doorgifte valt buiten de wettelijke kaders van de Partijen (met name het beroepsgeheim).",
                    None,
                    "ongeldig",
                )
            )
        elif v.binnen_wettelijke_kaders is None:
            voorwaarden.append(
                "Alleen binnen de wettelijke kaders van de Partijen, met name het beroepsgeheim (9.8); dat is niet vastgelegd."
            )
        else:
            gronden.append(
                Grond("9.8", "De doorgifte blijft binnen de wettelijke kaders van de Partijen.")
            )
        voorwaarden.append("De informatie blijft vertrouwelijk (18.1).")
    elif v.soort == "verder_gebruik":
        gronden.append(
            Grond(
                "16.1, 2",
                "Verder gebruik alleen voor de doelen van het ZVHD en de taken uit het convenant: "
                + ("ja." if v.binnen_doel_convenant else "nee."),
                None,
                None if v.binnen_doel_convenant else "ongeldig",
            )
        )
        gronden.append(
            Grond(
                "17.2",
                f"{bron} bepaalt hoe de anderen haar informatie mogen gebruiken; dit gebruik "
                + ("volgt die bepaling." if v.conform_verstrekker else "volgt die bepaling niet."),
                None,
                None if v.conform_verstrekker else "ongeldig",
            )
        )
        if v.wettelijk_toegestaan is False:
            gronden.append(Grond("16.1", "De wet staat dit gebruik niet toe.", None, "ongeldig"))
        elif v.wettelijk_toegestaan is None:
            voorwaarden.append(
                "Alleen voor zover de wet het toestaat (16.1); dat is niet vastgelegd."
            )
        voorwaarden.append(
            "Het verdere gebruik gebeurt onder gezamenlijke verantwoordelijkheid van de Partijen (16.1)."
        )
    elif v.soort == "communicatie_extern":
        gronden.append(
            Grond(
                "21.1",
                "Een Partij communiceert niet afzonderlijk naar derden over de samenwerking zonder voorafgaande instemming van de andere Partijen: "
                + ("instemming gegeven." if v.instemming_andere_partijen else "geen instemming."),
                None,
                None if v.instemming_andere_partijen else "ongeldig",
            )
        )
        if v.namens_zvhd and not v.via_manager:
            gronden.append(
                Grond(
                    "21.2",
                    "Namens het ZVHD spreekt de Manager als woordvoerder; deze communicatie loopt niet via de Manager.",
                    None,
                    "ongeldig",
                )
            )
        elif v.namens_zvhd:
            gronden.append(
                Grond(
                    "21.2",
                    "Namens het ZVHD spreekt de Manager, als woordvoerder; dat gebeurt hier.",
                )
            )
        else:
            gronden.append(
                Grond(
                    "21.2",
                    "De Manager ziet toe op de coördinatie van communicatie naar derden; stem deze communicatie met hem af.",
                )
            )
        voorwaarden.append(
            "Informatie uit het Casusoverleg gaat alleen naar derden met voorafgaande schriftelijke toestemming van wie haar verstrekte (9.8; 21.1 verwijst naar 9.5, aanname verwijzing_9_5), en informatie in het algemeen alleen zoals 16 toestaat."
        )
    else:  # geheimhouding
        wanneer = {
            "tijdens": "tijdens de samenwerking",
            "na_beeindiging": "na beëindiging van het convenant",
            "na_uitsluiting": "na uitsluiting",
            "na_uittreding": "na uittreding",
        }[v.moment]
        if v.al_openbaar or v.wettelijke_verplichting:
            reden = (
                "de informatie is al openbaar gemaakt"
                if v.al_openbaar
                else "een wettelijke verplichting gaat voor"
            )
            gronden.append(Grond("18.1", f"Bekendmaking {wanneer} is toegestaan: {reden}."))
        else:
            artikel, aanname = (
                ("18.1, 18.2, 25.5", "nawerking_bij_uittreding")
                if v.moment == "na_uittreding"
                else ("18.1, 18.2" if v.moment != "tijdens" else "18.1", None)
            )
            gronden.append(
                Grond(
                    artikel,
                    f"De geheimhouding geldt ongeacht de duur van het convenant, ook {wanneer}; bekendmaking is niet toegestaan.",
                    aanname,
                    "ongeldig",
                )
            )
        return InformatieOordeel(v.soort, _antwoord(gronden, []), _markeer(gronden), ())
    voorwaarden += _protocol(v)
    if any(g.effect for g in gronden):
        return InformatieOordeel(v.soort, "niet toegestaan", _markeer(gronden), ())
    if v.persoonsgegevens:
        gronden.append(
            Grond(
                "16.2",
                "Voor persoonsgegevens verwijst het convenant naar het Privacy Protocol.",
                "privacy_protocol_ontbreekt",
            )
        )
    return InformatieOordeel(
        v.soort, _antwoord(gronden, voorwaarden), _markeer(gronden), tuple(voorwaarden)
    )


def _markeer(gronden: list[Grond]) -> tuple[Grond, ...]:
    """What decided: the grounds that refuse, or else every rule that was checked and met
    (the note that the Privacy Protocol is absent decides nothing)."""
    if any(g.effect for g in gronden):
        return tuple(g._replace(beslissend=g.effect is not None) for g in gronden)
    return tuple(g._replace(beslissend=g.aanname != "privacy_protocol_ontbreekt") for g in gronden)


def _antwoord(gronden: list[Grond], voorwaarden: list[str]) -> Antwoord:
    if any(g.effect for g in gronden):
        return "niet toegestaan"
    return "toegestaan onder voorwaarden" if voorwaarden else "toegestaan"
