"""The register service: one object per register folder, under every command, page and route.

A register is a secretariat's folder (DESIGN.md): its meetings, `bezetting.yaml`,
`verdeelsleutel.yaml`, `huisstijl.yaml`, `lezingen.yaml`, the toetreding dossiers in
`toetredingen/` and the documents in `documenten/` (notices of exit, addenda, exclusions, a
dissolution). `Register` is opened from that folder by path, never from the working directory,
and is the only place in `convenant/` that calls the loaders; the CLI commands, the workplace
and the API ask it. It answers what holds on a date:

    register = Register(Path("examples"))          # or Register(None): the bundled text only
    stand = register.stand_op(dt.date(2028, 3, 1))
    stand.partijen            # the Partijen in force (and the VRD, which signs but is none)
    stand.buiten("cosis")     # why Cosis is none then: date, article, the document recording it
    stand.leden("partneroverleg")  # the seats, each with the Partijen it speaks for that day
    stand.keuze               # the readings in force: settled ones from their besluit's date
    stand.convenant           # the text in force, with the register's parties
    register.beeld(register.vergadering(pad))      # a meeting checked on the state of its date

A party joins on the day its Bijlage 1 is signed (22.4, its dossier); it leaves on the date its
opzegging takes effect (25.2 under the reading in force on the date of the notice, or 23.3 with
the change), or on an uitsluiting (25.3) or opheffing (25.4) the register records. A member who
speaks only for parties that are out of force holds no seat that day; the message names the
member, the party, the date and the document.

Files are read again when they change on disk (name, mtime, size): the workplace keeps one
`Register` for as long as it runs, while the CLI, an editor or a colleague change the files.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from pydantic import BaseModel

from governance.bestanden import (
    BEZETTING,
    CONVENANT,
    DOCUMENTEN,
    LEZINGEN,
    Registerstukken,
    in_register,
    laad_bezetting,
    laad_convenant,
    laad_lezingen,
    laad_vergadering,
    registerstukken,
    vergaderbestanden,
)
from governance.datums import lang
from governance.errors import InvoerFout, Melding
from governance.loader import Bestand, Bron
from governance.models import Bezetting, Convenant, Lezingen, Partij, Vastlegging
from governance.registermap import TOETREDINGEN, gebundeld

from . import proces

if TYPE_CHECKING:
    from governance.begroting import Begroting
    from governance.contacten import Contacten, Mailinstellingen
    from governance.documenten import Addendum
    from governance.huisstijl import Huisstijl
    from governance.models import Lid, Verdeelsleutel
    from governance.planning import Planning
    from governance.sso import SsoInstellingen
    from governance.toetreding import Dossier, Toetredingsdossier
    from governance.verantwoording import Verantwoording
    from governance.vergadering import Vergadering
    from governance.versies import Versie
    from governance.zetels import Buiten, Vergaderbeeld
    from rules.jaaroverzicht import Registerdocumenten
    from rules.lezingen import Lezingkeuze

T = TypeVar("T")
M = TypeVar("M", bound=BaseModel)
Stempel = tuple[tuple[str, int, int], ...]

_NOG_NIET = object()  # `vastgehouden`: the block's convenant is not worked out yet

# The cached lookups of Convenant (partij, …) live in the instance dict; a copy must drop them.
_AFGELEID = ("partij", "orgaan", "rol", "soort", "bevinding", "betwist", "fase")


def stempel(paden: Iterable[Path]) -> Stempel:
    """What changes when any of the files changes: name, modification time and size."""
    uit = []
    for pad in paden:
        try:
            s = pad.stat()
        except OSError:
            continue
        uit.append((str(pad), s.st_mtime_ns, s.st_size))
    return tuple(uit)


class Uittreding(NamedTuple):
    """A party's exit as the register records it."""

    partij: str
    datum: dt.date
    vastlegging: Vastlegging


class Zitting(NamedTuple):
    """A seat of an orgaan on a date: the member and the Partijen it speaks for that day."""

    lid: Lid
    partijen: tuple[str, ...]  # in force on the date
    vertrokken: tuple[str, ...]  # named in the bezetting, but out of force on the date


class Stand(NamedTuple):
    """What holds on one date in one register."""

    datum: dt.date
    convenant: Convenant  # the text in force, with the register's accessions and exits
    keuze: Lezingkeuze  # the readings in force: chosen, else settled by then, else default
    bezetting: Bezetting | None
    addenda: tuple[Addendum, ...]  # the addenda whose ingangsdatum has passed (23.2)

    @property
    def partijen(self) -> list[Partij]:
        return self.convenant.partijen_op(self.datum)

    @property
    def niet_in_kracht(self) -> list[Partij]:
        return [p for p in self.convenant.partijen if not p.in_kracht_op(self.datum)]

    def buiten(self, partij: str) -> Buiten | None:
        """Why `partij` is no Partij on this date (left or not yet joined); None if it is one."""
        from governance.zetels import buiten

        p = self.convenant.partij[partij]
        return None if p.in_kracht_op(self.datum) else buiten(p, self.datum)

    def leden(self, orgaan: str) -> list[Zitting]:
        """The members of `orgaan` in the bezetting on this date, with whom each represents."""
        periode = self.bezetting.op(self.datum) if self.bezetting else None
        bezet = periode.organen.get(orgaan) if periode else None
        uit = []
        for lid in bezet.leden if bezet else []:
            partijen = tuple(lid.vertegenwoordigt)
            binnen = tuple(p for p in partijen if self.convenant.partij[p].in_kracht_op(self.datum))
            uit.append(Zitting(lid, binnen, tuple(p for p in partijen if p not in binnen)))
        return uit


class _Onthouden:
    """One value per key, recomputed when the key changes: a file's stamp, say."""

    def __init__(self) -> None:
        self._waarden: dict[str, tuple[object, Any]] = {}

    def geef(self, naam: str, sleutel: object, maak: Callable[[], T]) -> T:
        bewaard = self._waarden.get(naam)
        if bewaard is not None and bewaard[0] == sleutel:
            waarde: T = bewaard[1]
            return waarde
        waarde = maak()
        self._waarden[naam] = (sleutel, waarde)
        return waarde


class Register:
    """A register folder and what it says; see the module docstring."""

    def __init__(
        self,
        map_: Path | None,
        *,
        convenant_pad: Path | None = None,
        bezetting_pad: Path | None = None,
        lezingen: tuple[str, ...] = (),
    ) -> None:
        """`map_`: the register folder (None: no register, the bundled text alone).
        `convenant_pad`, `bezetting_pad`: other files than the bundled text and the register's
        bezetting. `lezingen`: readings chosen for this use (`--lezing AANNAME=LEZING`); they go
        before what the register settled."""
        # As given (relative or not), so messages name files as the user named them.
        self.map = map_
        self.convenant_pad = convenant_pad
        self.bezetting_pad = bezetting_pad
        self.opties = lezingen
        self._basis: Bestand[Convenant] | None = None
        self._onthouden = _Onthouden()
        self._lokaal = threading.local()  # `vastgehouden`, per thread

    # --- the files ---------------------------------------------------------------------------

    @property
    def basis(self) -> Bestand[Convenant]:
        """The convenant as bundled (or as given), read once."""
        if self._basis is None:
            self._basis = laad_convenant(self.convenant_pad)
        return self._basis

    def _glob(self, map_: str, *patronen: str) -> list[Path]:
        if self.map is None or not (self.map / map_).is_dir():
            return []
        return sorted(p for patroon in patronen for p in (self.map / map_).glob(patroon))

    def verantwoording(self, pad: Path | None = None) -> Bestand[Verantwoording]:
        """The explanations beside the articles no rule encodes (the bundled
        verantwoording.yaml, or `pad`), for `convenant verantwoording`."""
        from governance.verantwoording import laad_verantwoording

        return laad_verantwoording(pad)

    def dossiers(self) -> list[Dossier]:
        """Every toetreding dossier of the register, a broken one with its errors."""
        from governance.toetreding import dossierbestanden, dossiers

        paden = dossierbestanden(self.map)
        c = self.basis.model
        return self._onthouden.geef("dossiers", stempel(paden), lambda: dossiers(self.map, c))

    def stukken(self) -> Registerstukken:
        """The notices, addenda, exclusions and dissolution in documenten/, with their errors."""
        if self.map is None:
            return Registerstukken()
        map_, c = self.map, self.basis.model
        paden = self._glob("documenten", "*.yaml", "*.yml")
        return self._onthouden.geef("stukken", stempel(paden), lambda: registerstukken(map_, c))

    def registerdocumenten(self) -> tuple[Registerdocumenten, list[Melding]]:
        """The notices, addenda and accession dossiers as the year overview and the workplace
        show them, with the located errors of those that could not be read."""
        from rules.jaaroverzicht import Registerdocumenten

        stukken = self.stukken()
        gevonden = self.dossiers()
        fouten = [*stukken.fouten, *(m for d in gevonden for m in d.fouten)]
        return (
            Registerdocumenten(
                tuple(m for _, m in stukken.opzeggingen),
                tuple(m for _, m in stukken.addenda),
                tuple((d.id, d.model) for d in gevonden if d.model is not None),
            ),
            fouten,
        )

    def lezingen(self) -> Lezingen | None:
        """The readings the Stuurgroep settled (lezingen.yaml), if the register has them."""
        pad = in_register(self.map, LEZINGEN)
        if pad is None:
            return None
        c = self.basis.model
        return self._onthouden.geef("lezingen", stempel([pad]), lambda: laad_lezingen(pad, c).model)

    def bezetting_bestand(self) -> Path | None:
        return self.bezetting_pad or in_register(self.map, BEZETTING)

    def bezetting(self) -> Bezetting | None:
        """The bezetting (raises InvoerFout when it cannot be read), None where there is none."""
        pad = self.bezetting_bestand()
        if pad is None:
            return None
        c = self.convenant
        return self._onthouden.geef(
            "bezetting", (stempel([pad]), id(c)), lambda: laad_bezetting(pad, c).model
        )

    def bezetting_gelezen(self) -> Bestand[Bezetting] | None:
        """The bezetting with its source, for the checks that point into the file (valideer)."""
        pad = self.bezetting_bestand()
        return laad_bezetting(pad, self.convenant) if pad is not None else None

    def verdeelsleutel_gelezen(self, pad: Path | None = None) -> Bestand[Verdeelsleutel] | None:
        """The verdeelsleutel (given, else the register's) with its source, unchecked for
        completeness (that is `lint`'s to report); None where there is none."""
        from governance.bestanden import VERDEELSLEUTEL, laad_verdeelsleutel

        pad = pad or in_register(self.map, VERDEELSLEUTEL)
        return laad_verdeelsleutel(pad, self.convenant) if pad is not None else None

    def addendumbestanden(self) -> list[Bestand[Addendum]]:
        """The register's addenda with the files they were read from (see `addenda`)."""
        from governance.bestanden import addendumbestanden

        return addendumbestanden(self.map, self.convenant) if self.map is not None else []

    def bezetting_met_fouten(self) -> tuple[Bezetting | None, list[Melding]]:
        """The bezetting, or its located errors: for pages that show the rest regardless."""
        try:
            return self.bezetting(), []
        except InvoerFout as e:
            return None, e.meldingen

    def contacten(self) -> Contacten:
        """Who receives the mail for each Partij (contacten.yaml); none without the file."""
        from governance.contacten import Contacten, laad_contacten

        return laad_contacten(self.map, self.convenant) if self.map is not None else Contacten()

    def mail(self) -> Mailinstellingen | None:
        """The mail server the workplace sends through (mail.yaml), None where there is none."""
        from governance.contacten import laad_mail

        return laad_mail(self.map) if self.map is not None else None

    def sso(self) -> SsoInstellingen | None:
        """The single sign-on provider (sso.yaml), None where the register has none."""
        from governance.sso import laad_sso

        return laad_sso(self.map) if self.map is not None else None

    def planning(self) -> Planning:
        """The year planning (planning.yaml): the meetings planned, each with its draft agenda;
        empty where the register has none. Raises InvoerFout when it cannot be read."""
        from governance.planning import PLANNING, Planning

        pad = in_register(self.map, PLANNING)
        if pad is None:
            return Planning()
        return self._onthouden.geef(
            "planning", stempel([pad]), lambda: self.invoer(pad, Planning).model
        )

    def kalendersleutel(self) -> str | None:
        """The secret of the calendar feed's own address (kalender.yaml), None while there is
        none or it cannot be read (the workplace then offers to make one)."""
        from governance.loader import laad
        from governance.planning import KALENDER, Kalender

        pad = in_register(self.map, KALENDER)
        if pad is None or pad.is_symlink():
            return None
        try:
            return laad(pad, Kalender).model.sleutel
        except InvoerFout:
            return None

    def planning_met_fouten(self) -> tuple[Planning, list[Melding]]:
        """The planning, or an empty one with the located errors: for pages that show the
        rest regardless."""
        from governance.planning import Planning

        try:
            return self.planning(), []
        except InvoerFout as e:
            return Planning(), e.meldingen

    def huisstijl(self) -> Huisstijl | None:
        from governance.bestanden import huisstijl_uit

        return huisstijl_uit(self.map)

    def verdeelsleutel(self, pad: Path | None = None, naast: Path | None = None) -> Verdeelsleutel:
        """The key to divide costs with (given, else the register's); GebruiksFout if none,
        naming `naast`, the input file beside which the register was sought."""
        from governance.bestanden import laad_sleutel

        return laad_sleutel(Bestand(self.convenant, self.basis.bron), pad, self.map, naast)

    def vergaderbestanden(self) -> list[Path]:
        return vergaderbestanden(self.map) if self.map is not None else []

    def vergadering(self, pad: Path) -> Bestand[Vergadering]:
        """A meeting file, checked on its own (its members are checked by `beeld`)."""
        return laad_vergadering(pad)

    @staticmethod
    def vergadering_uit(pad: Path) -> Bestand[Vergadering]:
        """`vergadering` for a caller that holds only the file (and its folder)."""
        return laad_vergadering(pad)

    def invoer(self, pad: Path, klasse: type[M], inhoud: bytes | None = None) -> Bestand[M]:
        """An input file of a command or a request (a casus, an information request, a form,
        a request body as `inhoud`), checked like any input: its shape, and every id it names
        against the register's convenant. Raises InvoerFout with every located problem."""
        from governance.loader import laad
        from governance.verwijzingen import controleer, dubbele_ids, ids_van

        bestand = laad(pad, klasse, inhoud)
        c = self.convenant
        if meldingen := dubbele_ids(bestand.model, bestand.bron) + controleer(
            bestand.model, bestand.bron, ids_van(c), convenant=c
        ):
            raise InvoerFout(meldingen)
        return bestand

    @staticmethod
    def vorm(pad: Path, klasse: type[M], inhoud: bytes | None = None) -> Bestand[M]:
        """Only the shape of an input (`invoer` without the ids): for callers that check the
        ids themselves, with their own messages, or judge it further (a meeting form)."""
        from governance.loader import laad

        return laad(pad, klasse, inhoud)

    def begroting(self, pad: Path) -> Begroting:
        """A liquidation budget (25.6, 25.7), checked against the register's parties."""
        from governance.bestanden import laad_begroting

        return laad_begroting(pad, self.convenant).model

    def dossier(self, pad: Path, inhoud: bytes | None = None) -> Bestand[Toetredingsdossier]:
        """One toetreding dossier, checked like any input."""
        from governance.toetreding import laad_dossier

        return laad_dossier(pad, self.convenant, inhoud)

    # --- the state ---------------------------------------------------------------------------

    @contextlib.contextmanager
    def vastgehouden(self) -> Iterator[None]:
        """Within the block, in this thread, `convenant` is worked out once. A page asks for it
        dozens of times while it is rendered (a party's name, an aanname's title), and checking
        the register's files each time cost a live verdict more than judging (issue 26); a page
        shows the register as it stood when its rendering began."""
        vorige = getattr(self._lokaal, "convenant", None)
        self._lokaal.convenant = _NOG_NIET
        try:
            yield
        finally:
            self._lokaal.convenant = vorige

    @property
    def convenant(self) -> Convenant:
        """The convenant with the register's parties: those that acceded by a signed dossier,
        and the dates on which parties leave by the register's documents."""
        vast = getattr(self._lokaal, "convenant", None)
        if vast is None:
            return self._convenant_nu()
        if vast is _NOG_NIET:
            vast = self._lokaal.convenant = self._convenant_nu()
        c: Convenant = vast
        return c

    def _convenant_nu(self) -> Convenant:
        if proces.EIGEN and self.map is not None:
            paden = self._afleidbestanden()
            return self._onthouden.geef("afgeleid", stempel(paden), lambda: self._afgeleid(paden))
        return self._uit_de_bestanden()

    def _uit_de_bestanden(self) -> Convenant:
        dossiers, stukken = self.dossiers(), self.stukken()
        return self._onthouden.geef(
            "convenant",
            (id(self.basis.model), id(dossiers), id(stukken)),
            lambda: self._met_register(dossiers, stukken),
        )

    def _afleidbestanden(self) -> list[Path]:
        """Every file `convenant` depends on: the text, the dossiers, the documents (a notice,
        an exclusion, a dissolution) and the settled readings (a notice's term is counted
        under the reading in force when it was given). More than it reads does no harm."""
        assert self.map is not None
        return [
            self.convenant_pad or gebundeld(CONVENANT),
            *self._glob(TOETREDINGEN, "*.yaml", "*.yml"),
            *self._glob(DOCUMENTEN, "*.yaml", "*.yml"),
            self.map / LEZINGEN,
        ]

    def _afgeleid(self, paden: list[Path]) -> Convenant:
        """`convenant` as an earlier run of the program worked it out from the same files, else
        worked out and stored. Reading every dossier and document validates them with models
        whose validators are built first, on every run of a short command: a meeting never
        judged before (`convenant toets`) took over a tenth of its time here (issue 26). The
        key holds the bytes of those files, the register's place, the readings chosen and the
        program (`uitslagcache.programma`); the basis text is stored with the result, so a hit
        reads neither. Entries share the checked cache of `governance.cache` (HMAC)."""
        import hashlib
        import os
        import pickle

        from governance import cache

        from .uitslagcache import programma

        h = hashlib.sha256(programma() + os.fsencode(self.map or "") + b"\0")
        h.update("\0".join(self.opties).encode() + b"\0")
        for pad in paden:
            h.update(os.fsencode(pad) + b"\0")
            try:
                h.update(hashlib.sha256(pad.read_bytes()).digest())
            except OSError as e:  # absent or unreadable: the loaders say so, as without a store
                h.update(f"{type(e).__name__}\0".encode())
        naam = cache.sleutel("registerconvenant", h.digest())
        if (bewaard := cache.lees_bytes(naam)) is not None:
            try:
                basis, afgeleid = pickle.loads(bewaard)
            except Exception:  # from another Python or pydantic version: not stored
                pass
            else:
                if isinstance(basis, Convenant) and isinstance(afgeleid, Convenant):
                    if self._basis is None:  # the same bytes as the file: the key holds them
                        self._basis = Bestand(basis, Bron(paden[0]))
                    return afgeleid
        afgeleid = self._uit_de_bestanden()
        cache.bewaar_bytes(
            naam, pickle.dumps((self.basis.model, afgeleid), protocol=pickle.HIGHEST_PROTOCOL)
        )
        return afgeleid

    def _met_register(self, dossiers: list[Dossier], stukken: Registerstukken) -> Convenant:
        from governance.toetreding import nieuwe_partij

        c = self.basis.model
        nieuw = [
            nieuwe_partij(d.model, d.pad)
            for d in dossiers
            if d.model is not None
            and d.model.in_kracht_vanaf is not None
            and d.model.partij.id not in c.partij
        ]
        partijen = [*c.partijen, *nieuw]
        uittredingen = self._uittredingen(stukken, partijen)
        ongetekend = {
            d.model.partij.id: (str(d.pad), d.regel, d.model.organisatie.naam)
            for d in dossiers
            if d.model is not None
            and d.model.in_kracht_vanaf is None
            and d.model.partij.id not in c.partij
        }
        if not nieuw and not uittredingen and not ongetekend:
            return c
        partijen = [
            p.model_copy(update={"uitgetreden_op": u.datum, "uitgetreden_volgens": u.vastlegging})
            if (u := uittredingen.get(p.id)) is not None
            and (p.uitgetreden_op is None or u.datum < p.uitgetreden_op)
            else p
            for p in partijen
        ]
        kopie = c.model_copy(update={"partijen": partijen})
        kopie._ongetekend = ongetekend
        for naam in _AFGELEID:
            kopie.__dict__.pop(naam, None)
        return kopie

    def _uittredingen(
        self, stukken: Registerstukken, partijen: list[Partij]
    ) -> dict[str, Uittreding]:
        """Per party its earliest exit the register's documents record."""
        from rules.lezingen import Lezer
        from rules.uittreding import ingang_opzegging  # only where a notice was given

        alle: list[Uittreding] = []
        for pad, z in stukken.opzeggingen:
            if z.route == "opzegtermijn":
                # counted under the reading in force when the notice was given
                ingang: dt.date | None = ingang_opzegging(
                    z.datum, Lezer(self.basis.model, self.keuze_op(z.datum))
                )
                artikel = "25.2"
            else:
                ingang, artikel = z.ingang_wijziging, "23.3"
            if ingang is not None:
                wat = f"de opzegging van {lang(z.datum)}"
                v = self._vastlegging(pad, wat, artikel, z.datum)
                alle.append(Uittreding(z.partij, ingang, v))
        for pad, u in stukken.uitsluitingen:
            wat = "het besluit tot uitsluiting" + (
                f" van {lang(u.besluit_colleges)}" if u.besluit_colleges else ""
            )
            v = self._vastlegging(pad, wat, "25.3", u.besluit_colleges)
            alle.append(Uittreding(u.uitgesloten, u.ingangsdatum, v))
        for pad, o in stukken.opheffingen:
            wat = "de opheffing van het samenwerkingsverband"
            v = self._vastlegging(pad, wat, "25.4", o.opgeheven_op)
            alle += [Uittreding(p.id, o.opgeheven_op, v) for p in partijen]
        uit: dict[str, Uittreding] = {}
        for x in sorted(alle, key=lambda x: x.datum, reverse=True):
            uit[x.partij] = x
        return uit

    def _vastlegging(
        self, pad: Path, wat: str, artikel: str, op: dt.date | None = None
    ) -> Vastlegging:
        assert self.map is not None
        document = pad.relative_to(self.map).as_posix() if pad.is_relative_to(self.map) else pad
        return Vastlegging(document=str(document), wat=wat, artikel=artikel, op=op)

    def keuze_op(self, datum: dt.date | None = None) -> Lezingkeuze:
        """The readings in force on `datum`: those chosen for this use, then those the register
        settled by a besluit of that date or before, then the default. Without a date: every
        settled reading (as the register stands now)."""
        vast = self._vastgesteld_op(datum)
        c = self.basis.model
        return self._onthouden.geef(
            f"keuze-{datum}", id(vast), lambda: self._kies(c, self.opties, vast)
        )

    def keuze_met(self, opties: tuple[str, ...], datum: dt.date | None = None) -> Lezingkeuze:
        """`keuze_op` with more readings chosen (`AANNAME=LEZING`, as --lezing); GebruiksFout
        for one that does not exist."""
        return self._kies(self.basis.model, (*self.opties, *opties), self._vastgesteld_op(datum))

    @staticmethod
    def _kies(c: Convenant, opties: tuple[str, ...], vast: Lezingen | None) -> Lezingkeuze:
        from rules.lezingen import kies

        return kies(c, opties, vast)

    def _vastgesteld_op(self, datum: dt.date | None) -> Lezingen | None:
        vast = self.lezingen()
        if vast is None or datum is None:
            return vast
        return self._onthouden.geef(
            f"lezingen-{datum}",
            id(vast),
            lambda: Lezingen.model_construct(
                vastgesteld=[v for v in vast.vastgesteld if v.datum <= datum]
            ),
        )

    def addenda(self, op: dt.date | None = None) -> list[Addendum]:
        """The register's addenda (23.2), each checked against the text it changes; raises
        InvoerFout for one that does not fit (`governance.versies`). With `op`, only those in
        force on that date are read and checked: all that judging a meeting of that date needs.
        """
        from governance.bestanden import laad_addenda

        return laad_addenda(self.map, self.convenant, op) if self.map is not None else []

    def addenda_op(self, datum: dt.date) -> tuple[Addendum, ...]:
        addenda = self.addenda(datum)
        if not addenda:
            return ()  # the usual case, without importing the machinery of versions
        from governance.versies import in_werking

        return tuple(in_werking(addenda, datum))

    def tekst_op(self, datum: dt.date) -> Convenant:
        """The text in force on `datum`: the convenant with the register's parties and the
        addenda whose ingangsdatum has passed (23.2, `governance.versies`)."""
        addenda = self.addenda(datum)
        if not addenda:
            return self.convenant
        from governance.versies import tekst_op

        return tekst_op(self.convenant, addenda, datum).convenant

    def versie_op(self, datum: dt.date) -> Versie:
        """The text in force on `datum` with what each addendum in force changed, and the
        addenda still to come (`convenant versie`); every addendum checked."""
        from governance.versies import tekst_op

        return tekst_op(self.convenant, self.addenda(), datum)

    def stand_op(self, datum: dt.date) -> Stand:
        return Stand(
            datum,
            self.tekst_op(datum),
            self.keuze_op(datum),
            self.bezetting(),
            self.addenda_op(datum),
        )

    def beeld(self, vergadering: Bestand[Vergadering]) -> Vergaderbeeld:
        """A meeting checked against the state of its date (raises InvoerFout)."""
        from governance.zetels import beeld

        datum = vergadering.model.datum
        return beeld(self.tekst_op(datum), vergadering, self.bezetting(), self.map)


def controleer_partij(c: Convenant, ident: str, soort: str | None = None) -> None:
    """Refuse an id that is no Partij (or no gemeente), suggesting the one meant."""
    from governance.errors import GebruiksFout, bedoelde_u
    from governance.verwijzingen import namen_van

    kandidaten = [p.id for p in c.partijen if p.is_partij and (soort is None or p.soort == soort)]
    if ident not in kandidaten:
        suggestie = bedoelde_u(ident, kandidaten, namen_van(c)["partij"])
        hint = f" (bedoelde u '{suggestie}'?)" if suggestie else ""
        wat = "gemeente" if soort == "gemeente" else "Partij"
        lijst = (
            "convenant partijen --soort gemeente" if soort == "gemeente" else "convenant partijen"
        )
        raise GebruiksFout(f"'{ident}' is geen {wat}{hint}; '{lijst}' toont de ids")
