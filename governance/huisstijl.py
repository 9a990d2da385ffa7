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

# The kinds that carry a signature block; a signatory for another kind would silently do nothing.
Ondertekend = Literal["toetredingsformulier", "kennisgeving-toetreding", "addendum"]
Kleur = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")]
Voorvoegsel = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._/-]{0,19}$")]
LOGO_SOORTEN = (".png", ".jpg", ".jpeg")  # what Word, browsers and WeasyPrint all show
# A logo goes into every document (base64 in html): a letterhead picture, not a photograph.
# Its pixels are bounded too: a small file can hold a picture that unpacks to gigabytes.
MAX_LOGO = 2 * 1024 * 1024
MAX_LOGO_ZIJDE = 5000


class Ondertekenaar(Model):
    naam: Tekst
    functie: Tekst


# Where the API tells other systems to reach it and whom to ask (its OpenAPI document's
# `servers` and `info.contact`, as the NL GOV API Design Rules ask). Plain checks: a typo
# should be caught here, not by a gemeente's developer.
Webadres = Annotated[str, StringConstraints(pattern=r"^https?://[^\s/?#]+(/[^\s?#]*)?$")]
Email = Annotated[str, StringConstraints(pattern=r"^[^\s@]+@[^\s@]+\.[^\s@]+$")]


class ApiContact(Model):
    naam: Tekst | None = None  # standaard: de organisatie met haar onderregel
    email: Email | None = None
    url: Webadres | None = None  # standaard: de beschrijving van de API zelf


class ApiInstellingen(Model):
    # The workplace's public address (behind a reverse proxy); the API lives at <adres>/api/v1.
    adres: Webadres | None = None
    contact: ApiContact = ApiContact()


class Huisstijl(Model):
    organisatie: Tekst = "Zorg- en Veiligheidshuis Drenthe"
    onderregel: Tekst | None = None  # a second line under the name, e.g. a department
    retouradres: list[Tekst] = []  # lines of the return address on letters
    logo: Path | None = None  # PNG or JPEG, relative to the register
    kenmerk_voorvoegsel: Voorvoegsel = "ZVHD"
    kleur: Kleur = "#1f4e79"  # headings and rules
    ondertekenaars: dict[Ondertekend, Ondertekenaar] = {}
    voettekst: Tekst | None = None
    sjablonen: Path | None = None  # own templates (Word or Jinja), relative to the register
    api: ApiInstellingen = ApiInstellingen()
    _map: Path = PrivateAttr(default=Path("."))  # the folder of the file; set on load

    def pad(self, relatief: Path) -> Path:
        return relatief if relatief.is_absolute() else self._map / relatief

    @property
    def logo_pad(self) -> Path | None:
        return self.pad(self.logo) if self.logo else None

    @property
    def sjablonen_pad(self) -> Path | None:
        return self.pad(self.sjablonen) if self.sjablonen else None


def _logo_fout(pad: Path) -> tuple[str, str] | None:
    """What is wrong with a logo file, and the fix; None when it is a PNG or JPEG that fits."""
    grootte = pad.stat().st_size
    if grootte > MAX_LOGO:
        return (
            f"is {grootte / (1024 * 1024):.1f} MB; een logo mag hoogstens "
            f"{MAX_LOGO // (1024 * 1024)} MB zijn",
            "sla het logo kleiner op (een paar honderd beeldpunten hoog is genoeg)",
        )
    with pad.open("rb") as f:
        inhoud = f.read(MAX_LOGO)
    png = pad.suffix.lower() == ".png"
    maten = _png_maten(inhoud) if png else _jpeg_maten(inhoud)
    if maten is None:
        soort = "PNG" if png else "JPEG"
        return (
            f"is geen {soort}-bestand (de inhoud past niet bij de naam {pad.suffix})",
            f"sla het logo op als {soort} in een tekenprogramma, of geef het de naam die bij "
            "zijn soort past",
        )
    breedte, hoogte = maten
    if max(breedte, hoogte) > MAX_LOGO_ZIJDE:
        return (
            f"is {breedte} × {hoogte} beeldpunten; hoogstens {MAX_LOGO_ZIJDE} per zijde",
            "sla het logo kleiner op (een paar honderd beeldpunten hoog is genoeg)",
        )
    return None


def _png_maten(inhoud: bytes) -> tuple[int, int] | None:
    """Width and height from a PNG's header chunk (IHDR comes first, by the standard)."""
    if inhoud[:8] != b"\x89PNG\r\n\x1a\n" or inhoud[12:16] != b"IHDR":
        return None
    return int.from_bytes(inhoud[16:20], "big"), int.from_bytes(inhoud[20:24], "big")


# The JPEG markers that start a frame and state its size (SOF0-SOF15 but DHT, JPG and DAC).
_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def _jpeg_maten(inhoud: bytes) -> tuple[int, int] | None:
    """Width and height from a JPEG's frame header, walking the segments before it."""
    if inhoud[:2] != b"\xff\xd8":
        return None
    i = 2
    while i + 4 <= len(inhoud):
        if inhoud[i] != 0xFF:
            return None
        marker = inhoud[i + 1]
        if marker == 0xFF:  # fill byte
            i += 1
            continue
        if marker in (0x01, *range(0xD0, 0xD8)):  # markers without a length
            i += 2
            continue
        if marker in (0xD9, 0xDA):  # end of image, or the scan: no frame header came first
            return None
        lengte = int.from_bytes(inhoud[i + 2 : i + 4], "big")
        if marker in _SOF:
            if i + 9 > len(inhoud):
                return None
            hoogte = int.from_bytes(inhoud[i + 5 : i + 7], "big")
            return int.from_bytes(inhoud[i + 7 : i + 9], "big"), hoogte
        if lengte < 2:
            return None
        i += 2 + lengte
    return None


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
        elif fout := _logo_fout(logo):
            tekst, herstel = fout
            meldingen.append(
                bestand.bron.melding(("logo",), f"het logo '{stijl.logo}' {tekst}", herstel)
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
