"""The year planning of a register: meetings planned ahead, each with its agenda in draft.

`planning.yaml` in the register holds the meetings the secretariat has planned (orgaan and
date, time and place when known) and, per meeting, the agenda as it grows before the meeting:
each item with its purpose (ter besluitvorming, ter bespreking, ter informatie), the documents
attached to it, and the date the Partijen were asked for inbreng (5.2). A planned meeting is
held once the register has a meeting file of that orgaan on that date; the meeting form then
starts from its agenda.

    vergaderingen:
      - orgaan: stuurgroep
        datum: 2027-11-03
        tijd: "15:30"
        inbreng_gevraagd_op: 2027-10-06
        agendapunten:
          - onderwerp: Vaststelling Jaarplan 2028
            doel: besluitvorming
            soort: jaarplan
            stukken:
              - {naam: Jaarplan 2028.pdf, bestand: stuurgroep-2027-11-03/jaarplan-2028.pdf}

The attached documents are stored under `stukken/` in the register, by a name this module
makes (`veilige_naam`): letters, digits, dots and dashes only, so a stored name never leaves
its folder, whatever name the upload carried.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path
from typing import Annotated, Literal

from pydantic import StringConstraints, model_validator

from .errors import WaardeFout
from .models import Id, Model, OrgaanId, SoortId, Tekst
from .vergadering import Besluitnummer, Datum

PLANNING = "planning.yaml"
KALENDER = "kalender.yaml"  # the secret of the calendar feed's own address
STUKKEN = "stukken"  # the folder of the attached documents, in the register

Doel = Literal["besluitvorming", "bespreking", "informatie"]
DOELEN: dict[str, str] = {
    "besluitvorming": "ter besluitvorming",
    "bespreking": "ter bespreking",
    "informatie": "ter informatie",
}

# What may be attached, by extension, with the first bytes every such file starts with: a
# PDF, a Word document (a zip archive) and the older Word format (an OLE container).
SOORTEN_STUK: dict[str, tuple[str, bytes]] = {
    ".pdf": ("application/pdf", b"%PDF-"),
    ".docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        b"PK\x03\x04",
    ),
    ".doc": ("application/msword", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"),
}
# An attachment travels in one request, which the workplace caps a little above 2 MB.
MAX_STUK = 2 * 1024 * 1024

# The stored file's path under stukken/: the meeting's key, a slash, the safe name.
_BESTAND = r"^[a-z0-9][a-z0-9.-]{0,80}/[a-z0-9][a-z0-9.-]{0,100}$"
Bestandsnaam = Annotated[str, StringConstraints(pattern=_BESTAND)]


class Stuk(Model):
    """A document attached to an agenda item: the name it is shown by, and its stored file."""

    naam: Tekst
    bestand: Bestandsnaam

    @model_validator(mode="after")
    def _geen_omweg(self) -> Stuk:
        if ".." in self.bestand:
            raise WaardeFout(
                "een bijgevoegd stuk staat in de map van zijn vergadering onder stukken/",
                "laat '..' weg uit 'bestand'",
            )
        return self


class Punt(Model):
    """One item of a draft agenda."""

    onderwerp: Tekst
    doel: Doel = "bespreking"
    soort: SoortId | None = None  # what is to be decided, for an item ter besluitvorming
    toelichting: Tekst | None = None
    # The besluit's number, reserved when the item was put on the agenda from a procedure (a
    # toetreding's dossier points at it), kept when the meeting is recorded.
    besluit: Besluitnummer | None = None
    dossier: Id | None = None  # the toetreding dossier this item decides on (22.4)
    # For the adoption of an earlier meeting's concept besluitenlijst (soort
    # verslag_vaststellen; 5.8, 7.5): that meeting's date, carried into the besluit.
    stelt_vast: Datum | None = None
    stukken: list[Stuk] = []

    @model_validator(mode="after")
    def _soort_bij_besluit(self) -> Punt:
        if self.doel == "besluitvorming" and self.soort is None:
            raise WaardeFout(
                "een agendapunt ter besluitvorming noemt de soort besluit",
                "kies de soort besluit, of zet het punt ter bespreking",
            )
        return self


class GeplandeVergadering(Model):
    orgaan: OrgaanId
    datum: Datum
    tijd: Annotated[str, StringConstraints(pattern=r"^[0-2][0-9][:.][0-5][0-9]$")] | None = None
    locatie: Tekst | None = None
    inbreng_gevraagd_op: Datum | None = None  # the Partijen asked for inbreng (5.2)
    agendapunten: list[Punt] = []

    @property
    def sleutel(self) -> str:
        """How a page and the stukken folder name this meeting: orgaan and date."""
        return f"{self.orgaan.replace('_', '-')}-{self.datum.isoformat()}"

    @model_validator(mode="after")
    def _inbreng_vooraf(self) -> GeplandeVergadering:
        if self.inbreng_gevraagd_op is not None and self.inbreng_gevraagd_op > self.datum:
            raise WaardeFout(
                "de Partijen worden vóór de vergadering om inbreng gevraagd (5.2)",
                "vul een datum in op of vóór de dag van de vergadering",
            )
        return self


class Planning(Model):
    vergaderingen: list[GeplandeVergadering] = []

    @model_validator(mode="after")
    def _eenmaal(self) -> Planning:
        gezien: set[tuple[str, dt.date]] = set()
        for v in self.vergaderingen:
            if (v.orgaan, v.datum) in gezien:
                raise WaardeFout(
                    f"de vergadering van '{v.orgaan}' op {v.datum.isoformat()} staat twee keer "
                    "in de planning",
                    "houd één regel per orgaan en datum",
                )
            gezien.add((v.orgaan, v.datum))
        return self

    def van(self, sleutel: str) -> GeplandeVergadering | None:
        return next((v for v in self.vergaderingen if v.sleutel == sleutel), None)


def veilige_naam(naam: str) -> str:
    """A file name that stays where it is put: the last part of what the upload called itself,
    accents dropped, lower case, every run of other characters one dash, at most 100
    characters, with its extension. 'Jaarplan 2028 (concept).PDF' → 'jaarplan-2028-concept.pdf';
    '../../etc/passwd' → 'passwd'."""
    laatste = re.split(r"[\\/]", naam)[-1]
    ascii_ = unicodedata.normalize("NFKD", laatste).encode("ascii", "ignore").decode()
    stam, punt, ext = ascii_.rpartition(".")
    if not punt:
        stam, ext = ascii_, ""
    stam = re.sub(r"[^a-z0-9]+", "-", stam.lower()).strip("-")[:90] or "stuk"
    ext = re.sub(r"[^a-z0-9]+", "", ext.lower())[:8]
    return f"{stam}.{ext}" if ext else stam


def soort_stuk(naam: str, begin: bytes) -> str | None:
    """The MIME type of an attachment that is what its name says (a PDF or Word document);
    None for anything else."""
    soort = SOORTEN_STUK.get(Path(naam).suffix.lower())
    if soort is None or not begin.startswith(soort[1]):
        return None
    return soort[0]


def vrije_naam(map_: Path, naam: str) -> str:
    """`naam`, or with -2, -3 … before its extension where the folder already has it: an
    attachment never replaces another."""
    stam, punt, ext = naam.rpartition(".")
    if not punt:
        stam, ext = naam, ""
    kandidaat, n = naam, 1
    while (map_ / kandidaat).exists():
        n += 1
        kandidaat = f"{stam}-{n}.{ext}" if ext else f"{stam}-{n}"
    return kandidaat


class Kalender(Model):
    """kalender.yaml: the random key in the address of the calendar feed beyond this computer."""

    sleutel: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{20,100}$")]
