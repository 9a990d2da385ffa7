"""A toetreding as a dossier in the register (`toetredingen/ID.yaml`), from request to signature.

The dossier holds every fact of the procedure once: the organisation and its task (22.1), the
date the parties were informed (22.3), each party's reply (22.4), the Stuurgroep besluit, and
the signature (Bijlage 1). Two things are derived from it:

- the register's parties: a signed dossier makes its organisation a Partij from the date of
  signature (or `toegetreden_op`), so `partijen --op`, the bezetting check and `toets` see it
  (`met_toetredingen`);
- a toetreding besluit that names the dossier (`toetreding: {dossier: ID}`) is judged on the
  dossier's facts as they stood on the meeting's date (`toetreding_uit_dossier`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from .documenten import ToetredingsVerzoek
from .errors import InvoerFout, Melding
from .loader import Bestand, laad, lees_bytes
from .models import Convenant, Id, Model, Partij, PartijId, Tekst
from .registermap import TOETREDINGEN as TOETREDINGEN
from .vergadering import Datum, Toetreding
from .verwijzingen import controleer, ids_van


class Antwoord(Model):
    """A party's reply to the notice of the accession (22.4)."""

    partij: PartijId
    antwoord: Literal["akkoord", "bezwaar"]
    op: Datum
    door: Tekst | None = None  # who answered for the party (name, function)
    toelichting: Tekst | None = None


class NieuwePartij(Model):
    """How the organisation will be known among the parties once it signed."""

    id: Id
    soort: Literal["ketenpartner", "gemeente"] = "ketenpartner"
    kort: Tekst | None = None


class Toetredingsdossier(ToetredingsVerzoek):
    partij: NieuwePartij
    antwoorden: list[Antwoord] = []
    # A Partij from this date; without it, from the date of signature (Bijlage 1).
    toegetreden_op: Datum | None = None

    @property
    def in_kracht_vanaf(self) -> dt.date | None:
        return self.toegetreden_op or self.datum_ondertekening

    def laatste_antwoorden(self, tot: dt.date | None = None) -> dict[str, Antwoord]:
        """Each party's last reply (up to and including `tot`): a party may change its mind."""
        uit: dict[str, Antwoord] = {}
        for a in sorted(self.antwoorden, key=lambda a: a.op):
            if tot is None or a.op <= tot:
                uit[a.partij] = a
        return uit

    def verzoek(self) -> ToetredingsVerzoek:
        """The facts the documents (kennisgeving, formulier) are made from."""
        return ToetredingsVerzoek.model_validate(
            self.model_dump(include=set(ToetredingsVerzoek.model_fields))
        )


@dataclass(frozen=True)
class Dossier:
    id: str
    pad: Path
    model: Toetredingsdossier | None
    fouten: tuple[Melding, ...] = ()
    regel: int | None = None  # the line of the new party's id, for messages that name it


def laad_dossier(
    pad: Path, c: Convenant, inhoud: bytes | None = None
) -> Bestand[Toetredingsdossier]:
    """A dossier checked like any input: its shape, and every party id it names."""
    bestand = laad(pad, Toetredingsdossier, inhoud)
    meldingen = controleer(bestand.model, bestand.bron, ids_van(c), convenant=c)
    nieuw = bestand.model.partij.id
    bestaand = c.partij.get(nieuw)
    if bestaand is not None and bestaand.naam != bestand.model.organisatie.naam:
        meldingen.append(
            bestand.bron.melding(
                ("partij", "id"),
                f"'{nieuw}' is al de id van {bestaand.naam}",
                "kies een andere id voor de nieuwe Partij, bijv. de naam in kleine letters",
            )
        )
    if meldingen:
        raise InvoerFout(meldingen)
    return bestand


def dossierbestanden(register: Path | None) -> list[Path]:
    if register is None or not (register / TOETREDINGEN).is_dir():
        return []
    return sorted(
        p for p in (register / TOETREDINGEN).glob("*.yaml") if p.is_file() and not p.is_symlink()
    )


def dossiers(register: Path | None, c: Convenant) -> list[Dossier]:
    """Every dossier of the register, a broken one with its errors (never a crash)."""
    uit: list[Dossier] = []
    for pad in dossierbestanden(register):
        try:
            bestand = laad_dossier(pad, c, lees_bytes(pad))
            regel = bestand.bron.melding(("partij", "id"), "").regel
            uit.append(Dossier(pad.stem, pad, bestand.model, regel=regel))
        except InvoerFout as e:
            uit.append(Dossier(pad.stem, pad, None, tuple(e.meldingen)))
    return uit


def nieuwe_partij(d: Toetredingsdossier, pad: Path | None = None) -> Partij:
    vanaf = d.in_kracht_vanaf
    assert vanaf is not None
    v = d.organisatie.vertegenwoordiger
    volgens = (
        {
            "document": f"{TOETREDINGEN}/{pad.name}",
            "wat": f"het toetredingsdossier van {d.organisatie.naam}",
            "artikel": "22.4, Bijlage 1",
        }
        if pad is not None
        else None
    )
    return Partij.model_validate(
        {
            "toegetreden_volgens": volgens,
            "id": d.partij.id,
            "naam": d.organisatie.naam,
            "kort": d.partij.kort,
            "soort": d.partij.soort,
            "ondertekenaar": {"naam": v.naam, "functie": v.functie},
            "toegetreden_op": vanaf,
            "artikelen": ["22.1", "22.4", "Bijlage 1"],
        }
    )


# The cached lookups of Convenant (partij, …) live in the instance dict; a copy must drop them.
_AFGELEID = ("partij", "orgaan", "rol", "soort", "bevinding", "betwist", "fase")


def met_toetredingen(c: Convenant, register: Path | None) -> Convenant:
    """The convenant with the parties that acceded by a signed dossier of the register.

    A broken dossier adds nobody; `convenant valideer` and the workplace show its errors.
    """
    nieuw = [
        nieuwe_partij(d.model, d.pad)
        for d in dossiers(register, c)
        if d.model is not None
        and d.model.in_kracht_vanaf is not None
        and d.model.partij.id not in c.partij
    ]
    if not nieuw:
        return c
    kopie = c.model_copy(update={"partijen": [*c.partijen, *nieuw]})
    for naam in _AFGELEID:
        kopie.__dict__.pop(naam, None)
    return kopie


def toetreding_uit_dossier(
    t: Toetreding, datum: dt.date, register: Path | None, c: Convenant, plek: str
) -> Toetreding:
    """A besluit's toetreding with the facts of its dossier as they stood on `datum`."""
    if t.dossier is None:
        return t
    pad = register / TOETREDINGEN / f"{t.dossier}.yaml" if register is not None else None
    if pad is None or not pad.is_file():
        waar = f"in {register / TOETREDINGEN}" if register is not None else "zonder register"
        raise InvoerFout(
            [
                Melding(
                    plek,
                    f"er is geen toetredingsdossier '{t.dossier}' {waar}",
                    herstel="noem de id van een dossier in toetredingen/ (zie de werkplek, "
                    "Toetredingen), of geef het register met --register",
                )
            ]
        )
    d = laad_dossier(pad, c).model
    antwoorden = d.laatste_antwoorden(datum)
    return t.model_copy(
        update={
            "organisatie": d.organisatie.naam,
            "partijen_geinformeerd_op": d.kennisgeving_op,
            "akkoord": sorted(p for p, a in antwoorden.items() if a.antwoord == "akkoord"),
            "geweigerd": sorted(p for p, a in antwoorden.items() if a.antwoord == "bezwaar"),
        }
    )
