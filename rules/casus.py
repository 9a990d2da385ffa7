"""Is each step of a casus allowed by the werkproces (Bijlage 3, art. 9, 12, 14, 1.10)?

Pure functions over the state machine in convenant.yaml: the phases, their outcomes, and what
a phase or an outcome requires a step to record.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from governance.casus import Casus, Stap
from governance.datums import lang
from governance.models import Convenant, Fase, Uitkomst

from .lezingen import STANDAARD, Lezer, Lezingkeuze, markeer
from .oordeel import Grond, art


@dataclass(frozen=True)
class StapOordeel:
    nummer: int
    fase: str
    uitkomst: str
    datum: dt.date
    toegestaan: bool
    gronden: tuple[Grond, ...]


@dataclass(frozen=True)
class CasusOordeel:
    casus: str
    stappen: tuple[StapOordeel, ...]
    einde: str | None  # niet_in_behandeling, verwezen, andere_tafel, afgesloten; None while it runs
    volgende_fase: str | None

    @property
    def toegestaan(self) -> bool:
        return all(s.toegestaan for s in self.stappen)


def uitkomst_van(fase: Fase, ident: str) -> Uitkomst | None:
    return next((u for u in fase.uitkomsten if u.id == ident), None)


def toets_casus(c: Convenant, casus: Casus, keuze: Lezingkeuze = STANDAARD) -> CasusOordeel:
    """Judge each step under the chosen readings (default: the defaults of convenant.yaml)."""
    lees = Lezer(c, keuze)
    oordelen: list[StapOordeel] = []
    verwacht: str | None = c.werkproces.begin
    einde: str | None = None
    vorige: dt.date | None = None
    for nummer, stap in enumerate(casus.stappen, 1):
        fase = c.fase[stap.fase]
        uitkomst = uitkomst_van(fase, stap.uitkomst)
        assert uitkomst is not None  # checked when the file was read
        gronden = _overgang(c, casus, stap, fase, verwacht, einde, nummer)
        if vorige is not None and stap.datum < vorige:
            gronden.append(
                Grond(
                    "Bijlage 3",
                    f"Deze stap ({lang(stap.datum)}) ligt vóór de vorige ({lang(vorige)}).",
                    None,
                    "ongeldig",
                )
            )
        gronden += _fase(c, stap, fase)
        gronden += _uitkomst(c, stap, uitkomst, lees)
        toegestaan = not any(g.effect for g in gronden)
        oordelen.append(
            StapOordeel(
                nummer,
                stap.fase,
                stap.uitkomst,
                stap.datum,
                toegestaan,
                markeer(c, keuze, _markeer(gronden, toegestaan), lees.opgelost),
            )
        )
        vorige = stap.datum
        # A refused step does not move the casus on: it stays where it was (an afschaling
        # refused for an uncleaned dossier is not afgesloten, and the cleaning is still next).
        if toegestaan:
            verwacht, einde = uitkomst.naar, uitkomst.einde
    return CasusOordeel(casus.casus, tuple(oordelen), einde, verwacht)


def _markeer(gronden: list[Grond], toegestaan: bool) -> tuple[Grond, ...]:
    """What decided a step: what refused it, or else the transition that allowed it."""
    if not toegestaan:
        return tuple(g._replace(beslissend=g.effect is not None) for g in gronden)
    return tuple(g._replace(beslissend=i == 0) for i, g in enumerate(gronden))


def _overgang(
    c: Convenant,
    casus: Casus,
    stap: Stap,
    fase: Fase,
    verwacht: str | None,
    einde: str | None,
    nummer: int,
) -> list[Grond]:
    artikelen = art(fase.artikelen)
    if einde is not None:
        return [
            Grond(
                artikelen,
                f"De casus was al beëindigd ({einde.replace('_', ' ')}); er volgt geen stap meer.",
                None,
                "ongeldig",
            )
        ]
    if stap.fase != verwacht:
        waar = (
            f"de eerste stap is {c.fase[c.werkproces.begin].naam}"
            if nummer == 1
            else f"na de vorige uitkomst volgt {c.fase[verwacht].naam if verwacht else 'niets'}"
        )
        return [
            Grond(
                artikelen,
                f"{fase.naam} mag hier niet volgen: {waar}.",
                c.werkproces.aanname,
                "ongeldig",
            )
        ]
    if nummer == 1:
        melder = c.partij[casus.aangemeld_door]
        if not melder.is_partij:
            return [
                Grond(
                    "1.7, 8.4",
                    f"Een casus wordt door een Partij aangemeld; {melder.naam} is geen Partij.",
                    "vrd_geen_partij",
                    "ongeldig",
                )
            ]
        return [
            Grond(
                "1.7, 8.4",
                f"Aangemeld door {melder.naam}; aanmelding en intake met de procesregisseur en informatiemakelaar.",
            )
        ]
    return [Grond(artikelen, f"{fase.naam} volgt toegestaan op de vorige stap.", fase.aanname)]


def _fase(c: Convenant, stap: Stap, fase: Fase) -> list[Grond]:
    if "uitnodigingen" not in fase.vereist:
        return []
    if not stap.uitgenodigd:
        return [
            Grond(
                "9.2, 12.2e",
                "Niet vastgelegd welke Partijen de procesregisseur uitnodigde; alleen wie rechtmatig aanwezig mag zijn, wordt uitgenodigd.",
                None,
                "ongeldig",
            )
        ]
    zonder = [c.partij[u.partij].naam for u in stap.uitgenodigd if not u.grondslag]
    geen_partij = [
        c.partij[u.partij].naam for u in stap.uitgenodigd if not c.partij[u.partij].is_partij
    ]
    gronden = []
    if zonder:
        gronden.append(
            Grond(
                "12.2e",
                f"Voor {'; '.join(zonder)} is niet vastgelegd waarom zij rechtmatig aanwezig mogen zijn.",
                None,
                "ongeldig",
            )
        )
    if geen_partij:
        gronden.append(
            Grond(
                "9.2, 1.20",
                f"Geen Partij: {'; '.join(geen_partij)}; alleen Partijen of agendadeelnemers met een geheimhoudingsverklaring nemen deel.",
                "verwijzing_1_20_privacyreglement",
                "ongeldig",
            )
        )
    if not gronden:
        gronden.append(
            Grond(
                "9.2, 12.2e",
                f"Uitgenodigd met vastgelegde grondslag: {'; '.join(c.partij[u.partij].naam for u in stap.uitgenodigd)}.",
            )
        )
    return gronden


def _uitkomst(c: Convenant, stap: Stap, uitkomst: Uitkomst, lees: Lezer) -> list[Grond]:
    artikelen = art(uitkomst.artikelen)
    gronden: list[Grond] = []
    if "casusregisseur" in uitkomst.vereist:
        if stap.casusregisseur is None and lees("casusregisseur_kan") == "voorwaarde":
            gronden.append(
                Grond(
                    "14.1, 9.4a, Bijlage 3",
                    "Er is een aanpak vastgesteld zonder casusregisseur; bij deze lezing hoort bij een vastgestelde aanpak een aangewezen casusregisseur. Leg vast wie het is.",
                    "casusregisseur_kan",
                    "ongeldig",
                )
            )
        elif stap.casusregisseur is None:
            gronden.append(
                Grond(
                    "14.1, 9.4a, Bijlage 3",
                    "Er is een aanpak vastgesteld zonder casusregisseur. Het Casusoverleg kan er een aanwijzen, maar hoeft dat niet; het kan dat later alsnog doen.",
                    "casusregisseur_kan",
                )
            )
        elif not c.partij[stap.casusregisseur].is_partij:
            gronden.append(
                Grond(
                    "1.13, 14.1",
                    "De casusregisseur is een medewerker van een van de Partijen.",
                    "vrd_geen_partij",
                    "ongeldig",
                )
            )
        else:
            gronden.append(
                Grond(
                    "9.4a, 14.1",
                    f"Casusregisseur van {c.partij[stap.casusregisseur].naam}; doorgaans de organisatie waar het zwaartepunt van de zorg ligt.",
                )
            )
    if "afschalingsbesluit" in uitkomst.vereist:
        if stap.afschaling is None:
            gronden.append(
                Grond(
                    "9.4d, 1.10",
                    "Afschalen vraagt een besluit van het Casusoverleg op de criteria die het daarvoor vaststelde; die zijn niet vastgelegd.",
                    None,
                    "ongeldig",
                )
            )
        else:
            gronden.append(
                Grond(
                    "9.4d",
                    f"Het Casusoverleg besloot op {lang(stap.afschaling.besloten_op)} tot afschaling op de criteria: {stap.afschaling.criteria}.",
                )
            )
    if "dossier_geschoond" in uitkomst.vereist:
        if not stap.geschoond:
            gronden.append(
                Grond(
                    "1.10",
                    "De casus kan pas uit het systeem als het dossier is geschoond van alles wat niet langer nodig is; dat is niet vastgelegd.",
                    None,
                    "ongeldig",
                )
            )
        else:
            gronden.append(
                Grond("1.10", "Het dossier is geschoond en verdwijnt uit het systeem van het ZVHD.")
            )
    gronden.append(Grond(artikelen, f"Uitkomst: {uitkomst.omschrijving}.", uitkomst.aanname))
    return gronden


def volgende_stappen(c: Convenant, oordeel: CasusOordeel) -> list[tuple[Fase, Uitkomst]]:
    """The phase a casus is in next and each outcome it may have there."""
    if oordeel.einde is not None or oordeel.volgende_fase is None:
        return []
    fase = c.fase[oordeel.volgende_fase]
    return [(fase, u) for u in fase.uitkomsten]
