"""What every page works on: the convenant, the register folder and its bezetting.

The convenant is read once at start; the register's files are read again whenever they
change on disk, because the CLI, an editor or a colleague may change them while the
workplace runs. Nothing here knows about HTTP.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from governance.bestanden import BEZETTING, REGISTERBESTANDEN, vergaderbestanden
from governance.errors import InvoerFout, Melding
from governance.loader import Bestand, lees_bytes
from governance.models import Bezetting, Convenant
from governance.vergadering import Vergadering
from governance.zetels import Vergaderbeeld
from rules.jaaroverzicht import Gehouden
from rules.lezingen import Lezingkeuze

from ..register import Register

# A meeting's id in a URL is its file name without .yaml: letters, digits, dots, dashes and
# underscores, never a slash, so a URL can name only a file directly in the register folder.
ID_PATROON = re.compile(r"^[a-z0-9][a-z0-9._-]{0,120}$", re.IGNORECASE)


class OnbekendeVergadering(LookupError):
    """No meeting file with that id in the register (or an id that is not a name at all)."""


@dataclass
class Gelezen:
    """One meeting file as read now: its model, or why it cannot be read."""

    id: str
    pad: Path
    inhoud: bytes
    vergadering: Bestand[Vergadering] | None
    fouten: list[Melding] = field(default_factory=list)
    stempel: tuple[int, ...] | None = None  # of the file before it was read (`alle`)


@dataclass
class Werkplek:
    register: Path
    convenant_pad: Path | None = None
    tekst_pad: Path | None = None
    dienst: Register = field(init=False)
    # per meeting file: its stamp and what was read (`alle`)
    gelezen: dict[Path, tuple[tuple[int, ...], Gelezen]] = field(
        init=False, default_factory=dict, repr=False
    )
    # per meeting file: its stamp, what it was judged on, and the outcome (`beoordeel`)
    oordelen: dict[Path, tuple[tuple[int, ...], tuple[object, ...], Gehouden | Kapot]] = field(
        init=False, default_factory=dict, repr=False
    )

    def __post_init__(self) -> None:
        self.register = self.register.resolve()
        self.dienst = Register(self.register, convenant_pad=self.convenant_pad)

    @property
    def convenant(self) -> Convenant:
        """The convenant with the register's parties (accessions and exits it records)."""
        return self.dienst.convenant

    def bezetting(self) -> tuple[Bezetting | None, list[Melding]]:
        """The register's bezetting, re-read when the file changed; its errors if broken."""
        return self.dienst.bezetting_met_fouten()

    def pad_van(self, id_: str) -> Path:
        """The file of a meeting id; only names, so no URL reaches outside the register."""
        if not ID_PATROON.match(id_) or ".." in id_:
            raise OnbekendeVergadering(id_)
        for pad in (self.register / f"{id_}.yaml", self.register / f"{id_}.yml"):
            if pad.name in REGISTERBESTANDEN:
                break  # bezetting.yaml and the like are the register's, not meetings
            if pad.is_file() and not pad.is_symlink() and pad.resolve().parent == self.register:
                return pad
        raise OnbekendeVergadering(id_)

    def ids(self) -> list[str]:
        """The ids of the meeting files a URL can name (see `onopenbaar` for the others)."""
        return [p.stem for p in vergaderbestanden(self.register) if not onopenbaar(p)]

    def lees(self, id_: str) -> Gelezen:
        return self._lees(id_, self.pad_van(id_))

    def _lees(self, id_: str, pad: Path) -> Gelezen:
        # bounded like the loader: a 60 MB file is refused, not read and sent as a page
        try:
            inhoud = lees_bytes(pad)
        except InvoerFout as e:
            return Gelezen(id_, pad, b"", None, e.meldingen)
        try:
            return Gelezen(id_, pad, inhoud, self.dienst.vergadering(pad))
        except InvoerFout as e:
            return Gelezen(id_, pad, inhoud, None, e.meldingen)

    def alle(self) -> list[Gelezen]:
        """Every meeting file of the register; one the workplace cannot open (an odd name, a
        folder, a link) is there too, without an id and with the reason, so a page lists it
        rather than failing on it. A file read before is read again only when its stamp
        changed: the live verdict asks for every besluit number of the register each time."""
        uit, gelezen = [], {}
        for pad in vergaderbestanden(self.register):
            if reden := onopenbaar(pad):
                uit.append(Gelezen("", pad, b"", None, [reden]))
                continue
            stempel = _stempel(pad)
            oud = self.gelezen.get(pad)
            if oud is not None and oud[0] == stempel:
                nu = oud[1]
            else:
                nu = self._lees(pad.stem, pad)
                nu.stempel = stempel
            if stempel is not None:
                gelezen[pad] = (stempel, nu)
            uit.append(nu)
        self.gelezen = gelezen  # only the files there now
        return uit

    def besluitnummers(self, behalve: str | None = None) -> dict[str, str]:
        """Every besluit id of the register's readable meetings (but `behalve`), with the id of
        its meeting: a besluit is known by its number alone, so a number is used once."""
        uit: dict[str, str] = {}
        for gelezen in self.alle():
            if gelezen.vergadering is not None and gelezen.id != behalve:
                for b in gelezen.vergadering.model.besluiten:
                    uit.setdefault(b.id, gelezen.id)
        return uit

    def vandaag(self) -> dt.date:
        return dt.date.today()

    def keuze(self, datum: dt.date | None = None) -> Lezingkeuze:
        """The readings to judge by: those the Stuurgroep settled in lezingen.yaml, from the
        date of the besluit that settled each (as the CLI)."""
        return self.dienst.keuze_op(datum)

    def beeld(self, vergadering: Bestand[Vergadering]) -> Vergaderbeeld:
        """A meeting checked on the state of its date in this register (raises InvoerFout)."""
        return self.dienst.beeld(vergadering)


def onopenbaar(pad: Path) -> Melding | None:
    """Why the workplace does not open this entry of the register folder as a meeting (None:
    it does). Only regular files directly in the folder, with a name a URL can carry."""
    naam = str(pad)
    if pad.is_symlink():
        return Melding(
            naam,
            "dit is een verwijzing (symlink) naar een ander bestand; de werkplek opent alleen "
            "bestanden die zelf in de registermap staan",
            herstel="zet het bestand zelf in de registermap, of verwijder de verwijzing "
            "(een verwijzing die met .# begint is van een editor die het bestand open heeft)",
        )
    if pad.is_dir():
        return Melding(
            naam,
            "dit is een map, geen vergaderbestand",
            herstel="geef de map een naam die niet op .yaml eindigt",
        )
    if not pad.is_file():
        return Melding(
            naam, "dit is geen gewoon bestand", herstel="verwijder het uit de registermap"
        )
    if not ID_PATROON.match(pad.stem) or ".." in pad.stem:
        return Melding(
            naam,
            "de werkplek kan een bestand met deze bestandsnaam niet openen: de naam van een "
            "vergaderbestand bestaat uit letters, cijfers, punten, streepjes en liggende "
            "streepjes, zonder spaties, en begint met een letter of cijfer",
            herstel="hernoem het bestand, bijv. naar stuurgroep-2027-11-03.yaml",
        )
    return None


@dataclass(frozen=True)
class Kapot:
    """A file of the register that cannot be read or judged, with every located error."""

    id: str
    naam: str
    fouten: tuple[Melding, ...]


def beoordeel(werkplek: Werkplek) -> tuple[list[Gehouden], list[Kapot]]:
    """Every meeting of the register judged as `convenant toets` judges it; broken ones apart.

    The overview, the calendar and the sending pages ask this on every request, and judging
    every meeting again took most of their time (issue 26: the overview at ten times a meeting
    page). A meeting's verdict is kept while its file (modification time, size, inode) and
    what it was judged on (the register's convenant, bezetting and settled readings, each a
    new object when its files change) stay the same.
    """
    bezetting, bezettingsfouten = werkplek.bezetting()
    gehouden: list[Gehouden] = []
    kapot: list[Kapot] = []
    if bezettingsfouten:
        kapot.append(Kapot("", BEZETTING, tuple(bezettingsfouten)))
    grond: tuple[object, ...] = (werkplek.convenant, bezetting, werkplek.dienst.lezingen())
    bewaard = werkplek.oordelen
    nieuw: dict[Path, tuple[tuple[int, ...], tuple[object, ...], Gehouden | Kapot]] = {}
    for gelezen in werkplek.alle():
        stempel = gelezen.stempel
        oud = bewaard.get(gelezen.pad)
        if (
            oud is not None
            and stempel is not None
            and oud[0] == stempel
            and all(a is b for a, b in zip(oud[1], grond, strict=True))
        ):
            uitkomst = oud[2]
        else:
            uitkomst = _beoordeel_een(werkplek, gelezen)
        if stempel is not None:
            nieuw[gelezen.pad] = (stempel, grond, uitkomst)
        if isinstance(uitkomst, Gehouden):
            gehouden.append(uitkomst)
        else:
            kapot.append(uitkomst)
    werkplek.oordelen = nieuw  # only the files there now: a removed meeting is forgotten
    return gehouden, kapot


def _beoordeel_een(werkplek: Werkplek, gelezen: Gelezen) -> Gehouden | Kapot:
    from rules.toets import toets

    if gelezen.vergadering is None:
        return Kapot(gelezen.id, gelezen.pad.name, tuple(gelezen.fouten))
    try:
        b = werkplek.beeld(gelezen.vergadering)
        oordelen = tuple(toets(b, werkplek.keuze(b.vergadering.datum)))
    except InvoerFout as e:
        return Kapot(gelezen.id, gelezen.pad.name, tuple(e.meldingen))
    return Gehouden(gelezen.pad.name, gelezen.vergadering.model, oordelen)


def _stempel(pad: Path) -> tuple[int, ...] | None:
    """What changes when the file does (an edit, a replacement); None: gone meanwhile."""
    try:
        st = pad.stat()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size, st.st_ino)


def volgend_besluitnummer(voorvoegsel: str, jaar: int | str, bezet: Iterable[str]) -> str:
    """The number after the highest `voorvoegsel-jaar-NN` in `bezet`: numbers run on through
    the year, across the meetings of the register."""
    from .formulier import volgend_nummer

    return volgend_nummer(voorvoegsel, jaar, bezet)
