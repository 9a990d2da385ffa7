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
        "Voor persoonsgegevens gelden de doeleinden en grondslagen van het Privacy Protocol (16.2); dat protocol hoort niet bij de tekst van het convenant, dus het programma kan niet toetsen of deze verwerking daarbinnen past."
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
        manager_spreekt = v.namens_zvhd and v.via_manager
        if manager_spreekt:
            # 21.1 binds a Partij acting on its own; the spokesman of 21.2 is not that.
            gronden.append(
                Grond(
                    "21.1",
                    "Een Partij communiceert niet afzonderlijk naar derden over de samenwerking zonder voorafgaande instemming van de andere Partijen; hier spreekt niet een Partij afzonderlijk maar de Manager namens het ZVHD, dus die instemming is niet vereist.",
                )
            )
        else:
            gronden.append(
                Grond(
                    "21.1",
                    "Een Partij communiceert niet afzonderlijk naar derden over de samenwerking zonder voorafgaande instemming van de andere Partijen: "
                    + (
                        "instemming gegeven."
                        if v.instemming_andere_partijen
                        else "geen instemming."
                    ),
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
        elif manager_spreekt:
            gronden.append(
                Grond(
                    "21.2",
                    "De Manager treedt op als woordvoerder van het ZVHD en coördineert de communicatie naar derden; dat gebeurt hier.",
                )
            )
            voorwaarden.append(
                "Het Partneroverleg stemt de externe communicatie af (6.9d); wat de Manager namens het ZVHD zegt, past binnen die afstemming."
            )
        else:
            gronden.append(
                Grond(
                    "21.2",
                    "De Manager ziet toe op de coördinatie van communicatie naar derden; stem deze communicatie met hem af.",
                )
            )
        voorwaarden.append(
            "Informatie uit het Casusoverleg gaat alleen naar derden met voorafgaande schriftelijke toestemming van wie haar verstrekte (9.8; 21.1 verwijst naar 9.5, zie de bevinding over die verwijzing), en informatie in het algemeen alleen zoals artikel 16 toestaat."
        )
    else:  # geheimhouding
        return _geheimhouding(v)
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


_WANNEER = {
    "tijdens": "tijdens de samenwerking",
    "na_beeindiging": "na beëindiging van het convenant",
    "na_uitsluiting": "na uitsluiting",
    "na_uittreding": "na uittreding",
}

# The two exceptions 18.1 itself makes: exchange between Partijen under 16 and under 9.5.
_UITWISSELING = {
    "informatie_uitwisseling": (
        "16.1",
        "Partijen voorzien elkaar van de informatie die nodig is voor de doelen van het ZVHD en hun taken onder het convenant",
        "Alleen de noodzakelijke informatie, en alleen voor zover de wet het toelaat (16.1); de verstrekkende Partij bepaalt hoe de anderen haar mogen gebruiken (17.2).",
    ),
    "uitvoering_casusoverleg": (
        "9.5",
        "Partijen voeren de uitkomsten van het Casusoverleg uit, in het bijzonder de uitwisseling van informatie, elk binnen de eigen wettelijke taken en bevoegdheden",
        "Alleen ter uitvoering van wat het Casusoverleg afsprak en binnen de eigen wettelijke taken en bevoegdheden (9.5); naar derden gaat informatie uit het Casusoverleg alleen zoals 9.8 toestaat.",
    ),
}


def _geheimhouding(v: InformatieVerzoek) -> InformatieOordeel:
    """18.1: what is covered, its own exceptions (public, statutory duty, 16, 9.5), and 18.2."""
    wanneer = _WANNEER[v.moment]
    gronden: list[Grond] = []
    voorwaarden: list[str] = []
    if v.uitwisseling_tussen_partijen is not None and v.moment == "tijdens":
        artikel, wat, voorwaarde = _UITWISSELING[v.uitwisseling_tussen_partijen]
        gronden.append(
            Grond(
                f"18.1, {artikel}",
                f"De geheimhouding laat uitdrukkelijk ruimte voor wat artikel {artikel.removesuffix('.1')} bepaalt: {wat}. Deze uitwisseling tussen Partijen schendt de geheimhouding dus niet.",
            )
        )
        voorwaarden.append(voorwaarde)
        voorwaarden += _protocol(v)
        return InformatieOordeel(
            v.soort, _antwoord(gronden, voorwaarden), _markeer(gronden), tuple(voorwaarden)
        )
    if v.uitwisseling_tussen_partijen is not None:
        gronden.append(
            Grond(
                "18.1, 18.2",
                f"De ruimte voor uitwisseling tussen Partijen (16, 9.5) hoort bij de samenwerking; {wanneer} geldt alleen de geheimhouding.",
            )
        )
    if v.al_openbaar or v.wettelijke_verplichting:
        reden = (
            "de informatie is al openbaar gemaakt"
            if v.al_openbaar
            else "een wettelijke verplichting gaat voor"
        )
        gronden.append(Grond("18.1", f"Bekendmaking {wanneer} is toegestaan: {reden}."))
        return InformatieOordeel(v.soort, "toegestaan", _markeer(gronden), ())
    if v.vertrouwelijk is False and not v.persoonsgegevens:
        gronden.append(
            Grond(
                "18.1",
                "De geheimhouding geldt voor vertrouwelijke informatie (of wat als vertrouwelijk mag worden aangenomen), voor persoonsgegevens en voor wat bij bekendmaking de belangen van anderen zou schaden; volgens de invoer is dit geen van die. Bekendmaking valt niet onder de geheimhouding.",
            )
        )
        return InformatieOordeel(v.soort, "toegestaan", _markeer(gronden), ())
    artikel, aanname = (
        ("18.1, 18.2, 25.5", "nawerking_bij_uittreding")
        if v.moment == "na_uittreding"
        else ("18.1, 18.2" if v.moment != "tijdens" else "18.1", None)
    )
    if v.persoonsgegevens:
        wat = "Het gaat om persoonsgegevens, die onder de geheimhouding vallen."
    elif v.vertrouwelijk:
        wat = "De informatie is vertrouwelijk."
    else:
        wat = "Niet vastgelegd of de informatie vertrouwelijk is; de geheimhouding geldt ook voor wat als vertrouwelijk mag worden aangenomen, dus zij geldt tot vastgelegd is dat dit niet zo is ('vertrouwelijk: false')."
    gronden.append(
        Grond(
            artikel,
            f"{wat} De geheimhouding geldt ongeacht de duur van het convenant, ook {wanneer}; bekendmaking is niet toegestaan.",
            aanname,
            "ongeldig",
        )
    )
    return InformatieOordeel(v.soort, "niet toegestaan", _markeer(gronden), ())


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
