"""Who receives the workplace's mail for each Partij, and how the mail goes out.

`contacten.yaml` in the register: per Partij one or more contact persons with an e-mail
address (the setup wizard of the workplace fills it; an editor may too). `mail.yaml`: the
SMTP server of the host organisation. The password is never in the register: the file names
the environment variable that holds it, so a backup of the folder holds no secret.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from .errors import InvoerFout
from .loader import Bestand, laad
from .models import Convenant, Model, PartijId, Tekst

CONTACTEN = "contacten.yaml"
MAIL = "mail.yaml"

Adres = Annotated[str, StringConstraints(pattern=r"^[^@\s<>,;]+@[^@\s<>,;]+\.[^@\s<>,;]+$")]


class Contact(Model):
    email: Adres
    naam: Tekst | None = None


class Contacten(Model):
    """Per Partij id its contact persons; the first receives the mail, the others a copy."""

    partijen: dict[PartijId, Annotated[list[Contact], Field(min_length=1)]] = {}


class Mailinstellingen(Model):
    server: Tekst
    poort: Annotated[int, Field(ge=1, le=65535)] = 587
    beveiliging: Literal["starttls", "ssl", "geen"] = "starttls"
    gebruiker: Tekst | None = None
    wachtwoord_omgeving: Tekst | None = None  # name of the environment variable
    afzender: Adres
    afzender_naam: Tekst = "Secretariaat Zorg- en Veiligheidshuis Drenthe"
    werkplek_adres: Tekst | None = None  # e.g. https://werkplek.zvhd.nl, for links in mail
    # The CA that signed an internal relay's certificate, when it is not a public one
    # (relative to the register); the certificate is always checked.
    ca_bestand: Path | None = None


def laad_contacten(register: Path, c: Convenant) -> Contacten:
    """The register's contacts (none without the file); an unknown Partij id is an error."""
    pad = register / CONTACTEN
    if not pad.is_file():
        return Contacten()
    bestand: Bestand[Contacten] = laad(pad, Contacten)
    fouten = [
        bestand.bron.melding(
            ("partijen", p),
            f"'{p}' is geen Partij van het convenant",
            "gebruik de id van een Partij (de pagina Convenant toont ze)",
        )
        for p in bestand.model.partijen
        if p not in c.partij
    ]
    if fouten:
        raise InvoerFout(fouten)
    return bestand.model


def laad_mail(register: Path) -> Mailinstellingen | None:
    pad = register / MAIL
    if not pad.is_file():
        return None
    model = laad(pad, Mailinstellingen).model
    if model.ca_bestand is not None and not model.ca_bestand.is_absolute():
        return model.model_copy(update={"ca_bestand": register / model.ca_bestand})
    return model
