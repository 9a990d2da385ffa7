"""A register's house style (`huisstijl.yaml`): letterhead, kenmerk, signatories and footer.

Used by every document format. Without the file, documents carry the neutral ZVHD style of
`Huisstijl()`. A logo or Word-template folder is named relative to the register, so the
register folder can be moved or archived whole.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import PrivateAttr, StringConstraints

from .errors import InvoerFout
from .loader import Bestand, laad
from .models import Model, Tekst

HUISSTIJL = "huisstijl.yaml"

DocumentSoort = Literal[
    "agenda",
    "besluitenlijst",
    "actiepuntenlijst",
    "toetredingsformulier",
    "kennisgeving-toetreding",
    "opzegging",
    "addendum",
    "liquidatieoverzicht",
    "uittredingsoverzicht",
    "jaaroverzicht",
    "notitie-lezingen",
]
Kleur = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")]
Voorvoegsel = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._/-]{0,19}$")]
LOGO_SOORTEN = (".png", ".jpg", ".jpeg")  # what Word, browsers and WeasyPrint all show


class Ondertekenaar(Model):
    naam: Tekst
    functie: Tekst


class Huisstijl(Model):
    organisatie: Tekst = "Zorg- en Veiligheidshuis Drenthe"
    onderregel: Tekst | None = None  # a second line under the name, e.g. a department
    retouradres: list[Tekst] = []  # lines of the return address on letters
    logo: Path | None = None  # PNG or JPEG, relative to the register
    kenmerk_voorvoegsel: Voorvoegsel = "ZVHD"
    kleur: Kleur = "#1f4e79"  # headings and rules
    ondertekenaars: dict[DocumentSoort, Ondertekenaar] = {}
    voettekst: Tekst | None = None
    sjablonen: Path | None = None  # own templates (Word or Jinja), relative to the register
    _map: Path = PrivateAttr(default=Path("."))  # the folder of the file; set on load

    def pad(self, relatief: Path) -> Path:
        return relatief if relatief.is_absolute() else self._map / relatief

    @property
    def logo_pad(self) -> Path | None:
        return self.pad(self.logo) if self.logo else None

    @property
    def sjablonen_pad(self) -> Path | None:
        return self.pad(self.sjablonen) if self.sjablonen else None


def laad_huisstijl(pad: Path) -> Bestand[Huisstijl]:
    bestand = laad(pad, Huisstijl)
    stijl = bestand.model
    stijl._map = pad.parent
    meldingen = []
    if stijl.logo is not None:
        logo = stijl.pad(stijl.logo)
        if logo.suffix.lower() not in LOGO_SOORTEN:
            meldingen.append(
                bestand.bron.melding(
                    ("logo",),
                    f"het logo '{stijl.logo}' is geen PNG- of JPEG-bestand",
                    "sla het logo op als .png of .jpg en noem dat bestand",
                )
            )
        elif not logo.is_file():
            meldingen.append(
                bestand.bron.melding(
                    ("logo",),
                    f"het logo '{stijl.logo}' bestaat niet (gezocht: {logo})",
                    "noem het logobestand ten opzichte van de map van huisstijl.yaml",
                )
            )
    if stijl.sjablonen is not None and not stijl.pad(stijl.sjablonen).is_dir():
        meldingen.append(
            bestand.bron.melding(
                ("sjablonen",),
                f"de sjablonenmap '{stijl.sjablonen}' bestaat niet",
                "noem een map ten opzichte van de map van huisstijl.yaml, of laat 'sjablonen' weg",
            )
        )
    if meldingen:
        raise InvoerFout(meldingen)
    return Bestand(stijl, bestand.bron)
