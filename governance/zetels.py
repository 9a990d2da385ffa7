"""From a vergadering file to a checked picture of the meeting: seats, presence, votes.

Everything that makes the file unreadable (an unknown name, a vote by an absent member, a
member voting twice, a special soort without its facts) is collected here as a located
`Melding`; `beeld` raises them together as one `InvoerFout` (exit 2). What remains is a
`Vergaderbeeld` the pure rules in `toets.py` can evaluate without further checks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal, NamedTuple

from .datums import lang
from .errors import MAX_MELDINGEN, InvoerFout, Melding, bedoelde_u
from .loader import Bestand, Bron, Loc
from .models import Bezetting, Convenant, Orgaan, Partij, Vastlegging
from .vergadering import ALLE, Besluit, Vergadering
from .verwijzingen import controleer, dubbele_ids, ids_van, namen_van

if TYPE_CHECKING:
    from .documenten import Addendum

Keuze = Literal["voor", "tegen", "onthouding"]
KEUZES: tuple[Keuze, ...] = ("voor", "tegen", "onthouding")

# The facts a special soort cannot be judged without.
VERPLICHT_BLOK = {
    "toetreding": "toetreding",
    "wijziging": "wijziging",
    "uitsluiting": "uitsluiting",
    "geschil": "geschil",
}


class Zetel(NamedTuple):
    """A seat: one member, speaking for one or (by mandate, 6.7/6.8) several parties."""

    id: str
    naam: str
    partijen: tuple[str, ...]
    eigen_partij: str | None
    stemrecht: bool

    @property
    def mandaat(self) -> bool:
        return len(self.partijen) > 1 or (
            bool(self.partijen) and self.partijen[0] != self.eigen_partij
        )


class Stemming(NamedTuple):
    """The resolved votes on one besluit: per unit (a seat or a party) its choice."""

    keuzes: dict[str, Keuze]
    via_mandaat: frozenset[str] = frozenset()  # parties whose vote a mandated delegate cast
    niet_gestemd: tuple[str, ...] = ()  # present units that cast no vote
    # Where the minutes give numbers only: (voor, tegen, onthouding); `keuzes` is then empty,
    # and who voted, or for whom, is unknown.
    aantallen: tuple[int, int, int] | None = None
    ongenoemd_niet_gestemd: int = 0  # present units that cast no vote, by number only

    @property
    def aantal_niet_gestemd(self) -> int:
        return len(self.niet_gestemd) + self.ongenoemd_niet_gestemd


class Vergaderbeeld(NamedTuple):
    convenant: Convenant
    orgaan: Orgaan
    vergadering: Vergadering
    zetels: dict[str, Zetel]
    aanwezig: frozenset[str]
    afwezig: dict[str, bool]  # seat → gave written input
    # Filled in per besluit as `beeld` reads them: given, never a shared default.
    stemmingen: dict[str, Stemming]
    bezwaren: dict[str, tuple[str, ...]]
    # Seats of the bezetting that speak (partly) for parties not in force on the date (25.2,
    # 22.4): seat → those parties. A seat left with no party at all holds no seat that day.
    vertrokken: dict[str, tuple[str, ...]]

    @property
    def stem_per_partij(self) -> bool:
        regel = self.orgaan.besluitregel
        return regel is not None and regel.stem_per == "partij"

    def aanwezige_partijen(self) -> set[str]:
        return {p for z in self.aanwezig for p in self.zetels[z].partijen}


class Buiten(NamedTuple):
    """Why a party is no Partij on a date: it has left (25.2, or as the register records it:
    23.3, 25.3, 25.4) or has not yet joined (22.4); with the register's document, if any."""

    uitgetreden: bool
    datum: dt.date
    vastlegging: Vastlegging | None = None

    @property
    def artikel(self) -> str:
        if self.vastlegging is not None:
            return self.vastlegging.artikel
        return "25.2" if self.uitgetreden else "22.4"

    @property
    def _waar(self) -> str:
        """The article, and the register's document where one records it."""
        v = self.vastlegging
        return f"{self.artikel}; {v.wat}, {v.document}" if v else self.artikel

    def zin(self) -> str:
        """The predicate: 'is op 1 februari 2027 uitgetreden (25.2)'."""
        if self.uitgetreden:
            return f"is op {lang(self.datum)} {self._werkwoord} ({self._waar})"
        return f"treedt pas op {lang(self.datum)} toe ({self._waar})"

    def bijzin(self) -> str:
        """As a relative clause: 'die op 1 februari 2027 is uitgetreden (25.2)'."""
        if self.uitgetreden:
            return f"die op {lang(self.datum)} is {self._werkwoord} ({self._waar})"
        return f"die pas op {lang(self.datum)} toetreedt ({self._waar})"

    @property
    def _werkwoord(self) -> str:
        return "uitgesloten" if self.artikel == "25.3" else "uitgetreden"


def buiten(partij: Partij, datum: dt.date) -> Buiten:
    """Why `partij`, not in force on `datum`, is no Partij then."""
    if partij.toegetreden_op is not None and datum < partij.toegetreden_op:
        return Buiten(False, partij.toegetreden_op, partij.toegetreden_volgens)
    assert partij.uitgetreden_op is not None
    return Buiten(True, partij.uitgetreden_op, partij.uitgetreden_volgens)


class _Weg(NamedTuple):
    """A seat of the bezetting whose every party is out of force on the meeting date."""

    naam: str
    partijen: tuple[str, ...]


class _Lezer:
    """Collects located messages while resolving names against the seats."""

    def __init__(
        self,
        bron: Bron,
        zetels: dict[str, Zetel],
        c: Convenant,
        v: Vergadering,
        weg: dict[str, _Weg] | None = None,
    ) -> None:
        self.bron = bron
        self.zetels = zetels
        self.convenant = c
        self.orgaan = v.orgaan
        self.datum = v.datum
        self.weg = weg or {}
        self.meldingen: list[Melding] = []
        # After an unknown name in aanwezig/afwezig the attendance is not what the secretaris
        # meant: the seats it probably stands for, and whether one could not be guessed. The
        # errors that follow only from that (a member missing, a vote by someone "absent", more
        # votes than present) are left out, so the one message to act on is the unknown name.
        self.vermoedelijk: set[str] = set()
        self.onbekend_zonder_suggestie = False
        # names no seat answers to, in order, each with the member it probably meant
        self.onbekend: dict[str, str | None] = {}
        self.zetel_van_partij: dict[str, list[str]] = {}
        for zetel in zetels.values():
            for partij in zetel.partijen:
                self.zetel_van_partij.setdefault(partij, []).append(zetel.id)

    def fout(self, loc: Loc, tekst: str, herstel: str, suggestie: str | None = None) -> None:
        self.meldingen.append(self.bron.melding(loc, tekst, herstel, suggestie))

    def zetel(self, naam: str, loc: Loc) -> tuple[Zetel, tuple[str, ...]] | None:
        """A seat id gives the seat and all its parties; a party id gives its seat and that party."""
        if naam in self.zetels:
            zetel = self.zetels[naam]
            return zetel, zetel.partijen
        if naam in self.weg:
            weg = self.weg[naam]
            redenen = "; ".join(
                f"{self.convenant.partij[p].naam}, {buiten(self.convenant.partij[p], self.datum).bijzin()}"
                for p in weg.partijen
            )
            self.fout(
                loc,
                f"'{naam}' ({weg.naam}) vertegenwoordigt {redenen}; op {lang(self.datum)} is dit lid geen lid van dit orgaan",
                f"verwijder '{naam}' uit de vergadering en werk de bezetting bij",
            )
            return None
        if naam in self.convenant.partij:
            partij = self.convenant.partij[naam]
            if partij.is_partij and not partij.in_kracht_op(self.datum):
                self.fout(
                    loc,
                    f"'{naam}' {buiten(partij, self.datum).zin()} en is op {lang(self.datum)} geen Partij",
                    f"verwijder '{naam}' uit de vergadering, of controleer de datum",
                )
                return None
        kandidaten = self.zetel_van_partij.get(naam, [])
        if len(kandidaten) == 1:
            return self.zetels[kandidaten[0]], (naam,)
        if len(kandidaten) > 1:
            self.fout(
                loc,
                f"'{naam}' is in dit orgaan vertegenwoordigd door {', '.join(kandidaten)}",
                "noem het lid in plaats van de partij",
            )
            return None
        bekend = [*self.zetels, *self.zetel_van_partij]
        partijnamen = namen_van(self.convenant)["partij"]
        namen = {n: i for n, i in partijnamen.items() if i in self.zetel_van_partij}
        namen |= {z.naam: z.id for z in self.zetels.values()}
        suggestie = bedoelde_u(naam, bekend, namen)
        self.onbekend[naam] = suggestie
        self.fout(
            loc,
            f"'{naam}' is geen lid van dit orgaan op deze datum en wordt er niet door een lid vertegenwoordigd",
            "gebruik de id van een lid of van een vertegenwoordigde partij; "
            f"'convenant leden --orgaan {self.orgaan} --op {self.datum.isoformat()}' toont ze",
            suggestie,
        )
        if loc[0] in ("aanwezig", "afwezig"):
            if suggestie is None:
                self.onbekend_zonder_suggestie = True
            else:
                self.vermoedelijk |= {suggestie, *self.zetel_van_partij.get(suggestie, [])}
        return None

    def gevolg_van_onbekend(self, zetel: str | None = None) -> bool:
        """Whether an error about `zetel` (or about the attendance as a whole) may only follow
        from an unknown name in aanwezig/afwezig."""
        if self.onbekend_zonder_suggestie:
            return True
        return bool(self.vermoedelijk) if zetel is None else zetel in self.vermoedelijk


def _buiten_bezetting(bezetting: Bezetting, orgaan: Orgaan, datum: dt.date) -> tuple[str, str]:
    """What to say when the bezetting has no members of this orgaan on the meeting's date:
    which file, which periods it does cover, and what to change."""
    bestand = bezetting.pad or "bezetting.yaml"
    gedekt = [
        f"{p.vanaf} tot {p.tot}" if p.tot else f"vanaf {p.vanaf}"
        for p in bezetting.perioden
        if orgaan.id in p.organen
    ]
    waar = f"de bezetting in {bestand} noemt geen leden van '{orgaan.id}' op {datum}" + (
        f" (wel in: {'; '.join(gedekt)})" if gedekt else ""
    )
    return waar, (
        f"vul {bestand} aan met een periode die {datum} omvat, of geef met --bezetting een "
        "bestand dat die wel heeft"
    )


def _in_de_bezetting(
    bezetting: Bezetting, orgaan: Orgaan, datum: dt.date, vergadering: Bron
) -> Melding:
    """The same gap seen from the bezetting: either file may be the one to correct (a date
    mistyped, or a period not yet written down), so each gets a message at its own line."""
    assert bezetting.pad is not None
    return Bron(Path(bezetting.pad)).melding(
        ("perioden",),
        f"geen periode noemt de leden van {orgaan.de_naam} op {lang(datum)}, de datum van de "
        f"vergadering in {vergadering.naam}",
        f"voeg een periode toe die {datum} omvat, met de leden van {orgaan.de_naam} op die dag",
        op_sleutel=True,
    )


def _zetels(
    c: Convenant,
    orgaan: Orgaan,
    v: Vergadering,
    bezetting: Bezetting | None,
    lezer_bron: Bron,
    weg: dict[str, _Weg] | None = None,
    vertrokken: dict[str, tuple[str, ...]] | None = None,
) -> tuple[dict[str, Zetel], list[Melding]]:
    if orgaan.heeft_bezetting:
        periode = bezetting.op(v.datum) if bezetting else None
        orgaanbezetting = periode.organen.get(orgaan.id) if periode else None
        if orgaanbezetting is None:
            waar, hoe = (
                (
                    "er is geen bezetting gevonden (bezetting.yaml), en dit orgaan heeft leden",
                    "geef het register met --register PAD (de map met bezetting.yaml) of het "
                    "bestand met --bezetting PAD",
                )
                if bezetting is None
                else _buiten_bezetting(bezetting, orgaan, v.datum)
            )
            meldingen = [lezer_bron.melding(("datum",), waar, hoe)]
            if bezetting is not None and bezetting.pad is not None:
                meldingen.append(_in_de_bezetting(bezetting, orgaan, v.datum, lezer_bron))
            return {}, meldingen
        zetels = {}
        for lid in orgaanbezetting.leden:
            # A party that has left, or has not yet joined, has no seat and no vote (25.2, 22.4).
            buiten = tuple(p for p in lid.vertegenwoordigt if not c.partij[p].in_kracht_op(v.datum))
            in_kracht = tuple(p for p in lid.vertegenwoordigt if p not in buiten)
            if buiten and vertrokken is not None:
                vertrokken[lid.id] = buiten
            if buiten and not in_kracht:
                if weg is not None:
                    weg[lid.id] = _Weg(lid.naam, buiten)
                continue
            stemrecht = lid.functie in ("lid", "voorzitter") and bool(in_kracht)
            eigen = lid.partij if lid.partij not in buiten else None
            zetels[lid.id] = Zetel(lid.id, lid.naam, in_kracht, eigen, stemrecht)
        return zetels, []
    # Casusoverleg, TVO, jaarvergadering: the parties themselves hold the seats.
    partijen = {p.id for p in c.partijen_op(v.datum) if p.is_partij}
    genoemd = [*v.uitgenodigd, *v.aanwezig, *(a.lid for a in v.afwezig)]
    if ALLE in genoemd:
        genoemd += sorted(partijen)
    zetels = {
        p: Zetel(p, c.partij[p].naam, (p,), p, True)
        for p in dict.fromkeys(genoemd)
        if p in partijen
    }
    return zetels, []


def beeld(
    c: Convenant,
    vergadering: Bestand[Vergadering],
    bezetting: Bezetting | None,
    register: Path | None = None,
    addenda: Sequence[Addendum] | None = None,
) -> Vergaderbeeld:
    """Check a vergadering against the convenant and bezetting; raise every problem at once.

    The meeting is judged under the text in force on its date: `c` with the addenda whose
    ingangsdatum has passed (`addenda`, or else those of `register` or of the register the
    meeting file lies in). A toetreding besluit that names its dossier gets the dossier's
    facts as of the meeting date, from `register` or else the register the meeting file lies in.
    """
    v, bron = vergadering.model, vergadering.bron
    if c.addenda:
        addenda = ()  # the caller handed in a text in force already
    elif addenda is None:
        from .bestanden import laad_addenda, registermap_van

        addenda = laad_addenda(register or registermap_van(bron.pad), c, v.datum)
    if addenda:  # judged under the text in force on the meeting date (23.2)
        from .versies import tekst_op

        c = tekst_op(c, addenda, v.datum).convenant
    ids = ids_van(c)
    meldingen = dubbele_ids(v, bron) + controleer(v, bron, ids, convenant=c)
    if meldingen:
        raise InvoerFout(meldingen)
    if any(b.toetreding is not None and b.toetreding.dossier for b in v.besluiten):
        v = _met_dossiers(c, v, bron, register)
    orgaan = c.orgaan[v.orgaan]
    if orgaan.besluitregel is None or orgaan.eindgezag:
        raise InvoerFout(
            [
                bron.melding(
                    ("orgaan",),
                    f"'{orgaan.id}' vergadert niet als één orgaan met een besluitregel",
                    "leg besluiten van de twaalf colleges vast onder 'colleges:' bij het besluit van de Stuurgroep",
                )
            ]
        )
    weg: dict[str, _Weg] = {}
    vertrokken: dict[str, tuple[str, ...]] = {}
    zetels, meldingen = _zetels(c, orgaan, v, bezetting, bron, weg, vertrokken)
    if meldingen:
        raise InvoerFout(meldingen)
    lezer = _Lezer(bron, zetels, c, v, weg)
    _partijen_in_kracht(c, v, lezer)

    afwezig: dict[str, bool] = {}
    for i, a in enumerate(v.afwezig):
        gevonden = lezer.zetel(a.lid, ("afwezig", i, "lid"))
        if gevonden:
            # the written inbreng of 5.6/7.1: marked at the absent member, or given by a Partij
            # of that seat on its own page (Vergadering.inbreng)
            afwezig[gevonden[0].id] = a.schriftelijke_inbreng or any(
                i.bij_afwezigheid and i.partij in gevonden[0].partijen for i in v.inbreng
            )
    aanwezig: set[str] = set()
    for i, naam in enumerate(v.aanwezig):
        if naam == ALLE:
            aanwezig |= {z for z in zetels if z not in afwezig}
            continue
        gevonden = lezer.zetel(naam, ("aanwezig", i))
        if gevonden is None:
            continue
        if gevonden[0].id in afwezig:
            lezer.fout(
                ("aanwezig", i),
                f"'{naam}' staat zowel bij aanwezig als bij afwezig",
                "verwijder één van beide",
            )
        aanwezig.add(gevonden[0].id)
    if orgaan.heeft_bezetting:
        for zetel in zetels.values():
            if (
                zetel.stemrecht
                and zetel.id not in aanwezig
                and zetel.id not in afwezig
                and not lezer.gevolg_van_onbekend(zetel.id)
            ):
                lezer.fout(
                    ("aanwezig",),
                    f"lid '{zetel.id}' ({zetel.naam}) staat niet bij aanwezig of afwezig",
                    f"vermeld '{zetel.id}' bij aanwezig, of bij afwezig met 'schriftelijke_inbreng'",
                )

    b = Vergaderbeeld(c, orgaan, v, zetels, frozenset(aanwezig), afwezig, {}, {}, vertrokken)
    for i, besluit in enumerate(v.besluiten):
        _besluit(b, lezer, besluit, ("besluiten", i))
    if lezer.meldingen:
        if (bezetting is not None and bezetting.pad is not None) and (
            elders := _lid_in_een_andere_periode(bezetting, orgaan, lezer.onbekend)
        ):
            # after the meeting's own messages, yet within those printed (MAX_MELDINGEN)
            lezer.meldingen.insert(
                min(len(lezer.meldingen), MAX_MELDINGEN - 1),
                _niet_in_de_bezetting(bezetting, orgaan, v, bron, elders),
            )
        raise InvoerFout(lezer.meldingen)
    return b


def _lid_in_een_andere_periode(
    bezetting: Bezetting, orgaan: Orgaan, onbekend: dict[str, str | None]
) -> list[str]:
    """The unknown names that may be the bezetting's to fix rather than the meeting's: a member
    of this orgaan in another period (the period of the date lacks them: cut short, or not yet
    written down), or a name like no member at all. A name that is close to a member of the
    period ('sg_polite') is the meeting's typo, and is said there only."""
    elders = {
        lid.id
        for periode in bezetting.perioden
        for bezet in [periode.organen.get(orgaan.id)]
        if bezet is not None
        for lid in bezet.leden
    }
    return [naam for naam, bedoeld in onbekend.items() if naam in elders or bedoeld is None]


def _niet_in_de_bezetting(
    bezetting: Bezetting, orgaan: Orgaan, v: Vergadering, bron: Bron, namen: Iterable[str]
) -> Melding:
    """Names of the meeting that no member of the bezetting answers to, said at the members of
    the period in the bezetting too: the meeting may have a typo, or the bezetting may lack a
    member (a period cut short, a new member not yet written down); each file gets its line."""
    assert bezetting.pad is not None
    periode = bezetting.op(v.datum)
    index = next((i for i, p in enumerate(bezetting.perioden) if p is periode), None)
    loc: Loc = ("perioden", index, "organen", orgaan.id, "leden") if index is not None else ()
    genoemd = [f"'{n}'" for n in namen]
    lijst = ", ".join(genoemd[:10]) + (f" en {len(genoemd) - 10} meer" if len(genoemd) > 10 else "")
    return Bron(Path(bezetting.pad)).melding(
        loc,
        f"de vergadering in {bron.naam} noemt {lijst} bij {orgaan.de_naam} op {lang(v.datum)}; "
        "deze periode van de bezetting kent ze niet als lid",
        "staat een lid hier onder een andere id, verbeter dan de vergadering; ontbreekt het "
        "hier, voeg het toe aan deze periode",
        op_sleutel=True,
    )


def _met_dossiers(c: Convenant, v: Vergadering, bron: Bron, register: Path | None) -> Vergadering:
    from .bestanden import registermap_van
    from .toetreding import toetreding_uit_dossier

    # Never the working directory: a meeting read from memory (a form) has no register here.
    if register is None and bron.pad.is_file():
        register = registermap_van(bron.pad)
    besluiten = []
    for i, b in enumerate(v.besluiten):
        if b.toetreding is not None and b.toetreding.dossier:
            plek = bron.melding(("besluiten", i, "toetreding", "dossier"), "").plek()
            t = toetreding_uit_dossier(b.toetreding, v.datum, register, c, plek)
            b = b.model_copy(update={"toetreding": t})
        besluiten.append(b)
    return v.model_copy(update={"besluiten": besluiten})


def _partijen_in_kracht(c: Convenant, v: Vergadering, lezer: _Lezer) -> None:
    for i, besluit in enumerate(v.besluiten):
        for veld in ("treft", "bezwaren"):
            for j, partij_id in enumerate(getattr(besluit, veld) or []):
                partij = c.partij[partij_id]
                if not partij.is_partij:
                    lezer.fout(
                        ("besluiten", i, veld, j),
                        f"'{partij_id}' ondertekent, maar is geen Partij (aanname vrd_geen_partij)",
                        "noem alleen Partijen",
                    )
                elif not partij.in_kracht_op(v.datum):
                    lezer.fout(
                        ("besluiten", i, veld, j),
                        f"'{partij_id}' {buiten(partij, v.datum).zin()} en is op {lang(v.datum)} geen Partij",
                        f"haal '{partij_id}' hier weg; 'convenant partijen --op {v.datum.isoformat()}' toont wie toen Partij was",
                    )
    for j, partij_id in enumerate(v.uitgenodigd):
        genodigde = c.partij.get(partij_id)
        if genodigde is not None and genodigde.is_partij and not genodigde.in_kracht_op(v.datum):
            lezer.fout(
                ("uitgenodigd", j),
                f"'{partij_id}' {buiten(genodigde, v.datum).zin()} en is op {lang(v.datum)} geen Partij",
                "nodig alleen Partijen uit die op de datum van de vergadering deelnemen",
            )


def _besluit(b: Vergaderbeeld, lezer: _Lezer, besluit: Besluit, loc: Loc) -> None:
    regel = b.orgaan.besluitregel
    assert regel is not None
    blok = VERPLICHT_BLOK.get(besluit.soort)
    if blok and getattr(besluit, blok) is None:
        lezer.fout(
            loc,
            f"een besluit van soort '{besluit.soort}' vraagt de feiten onder '{blok}:'",
            f"voeg '{blok}:' toe (zie 'convenant schema vergadering')",
        )
    # Facts that only one soort reads would otherwise be ignored without a word.
    if besluit.geschil is not None and besluit.soort != "geschil":
        lezer.fout(
            (*loc, "geschil"),
            f"'geschil:' hoort alleen bij een besluit van soort 'geschil', niet bij '{besluit.soort}'",
            "verwijder 'geschil:' of kies 'soort: geschil'",
        )
    if besluit.wijzigt_gemeentelijke_bijdragen and besluit.soort != "jaarplan":
        lezer.fout(
            (*loc, "wijzigt_gemeentelijke_bijdragen"),
            f"'wijzigt_gemeentelijke_bijdragen' geldt alleen voor een Jaarplan, niet voor '{besluit.soort}'",
            "gebruik voor andere wijzigingen van bijdragen de soort 'bijdrage_of_dienstverlening' (5.7)",
        )
    if regel.soort == "consensus":
        if besluit.stemmen is not None:
            lezer.fout(
                (*loc, "stemmen"),
                f"'{b.orgaan.id}' besluit bij consensus, niet bij stemming",
                "noteer eventuele bezwaren onder 'bezwaren:'",
            )
        for j, partij in enumerate(besluit.bezwaren or []):
            if partij not in b.aanwezige_partijen():
                lezer.fout(
                    (*loc, "bezwaren", j),
                    f"bezwaar van '{partij}', die niet aanwezig is",
                    "alleen aanwezige Partijen kunnen consensus blokkeren",
                )
        b.bezwaren[besluit.id] = tuple(besluit.bezwaren or [])
        return
    if besluit.bezwaren is not None:
        lezer.fout(
            (*loc, "bezwaren"),
            f"'{b.orgaan.id}' besluit bij stemming",
            "noteer de stemmen onder 'stemmen:'",
        )
    if besluit.stemmen is None:
        lezer.fout(
            loc,
            "de stemmen ontbreken",
            "voeg 'stemmen:' toe met voor, tegen en onthouding (of 'voor: alle')",
        )
        return
    b.stemmingen[besluit.id] = _stemming(b, lezer, besluit, (*loc, "stemmen"))


def _stemming(b: Vergaderbeeld, lezer: _Lezer, besluit: Besluit, loc: Loc) -> Stemming:
    assert besluit.stemmen is not None
    if (aantallen := besluit.stemmen.aantallen) is not None:
        return _geteld(b, lezer, aantallen, loc)
    per_partij = b.stem_per_partij
    keuzes: dict[str, Keuze] = {}
    via_mandaat: set[str] = set()
    alle: Keuze | None = None
    for keuze in KEUZES:
        for j, naam in enumerate(getattr(besluit.stemmen, keuze)):
            plek = (*loc, keuze, j)
            if naam == ALLE:
                if alle is not None:
                    lezer.fout(
                        plek, "'alle' staat in meer dan één lijst", "gebruik 'alle' in één lijst"
                    )
                alle = keuze
                continue
            gevonden = lezer.zetel(naam, plek)
            if gevonden is None:
                continue
            zetel, partijen = gevonden
            if zetel.id not in b.aanwezig:
                if lezer.gevolg_van_onbekend(zetel.id):
                    continue
                lezer.fout(
                    plek,
                    f"'{naam}' stemt, maar is niet aanwezig",
                    f"zet '{zetel.id}' bij aanwezig, of verwijder de stem",
                )
                continue
            if not zetel.stemrecht:
                lezer.fout(
                    plek,
                    f"'{naam}' heeft geen stem (alleen afgevaardigden van Partijen stemmen; aanname stemrecht_ondersteuners)",
                    "verwijder de stem",
                )
                continue
            for eenheid in partijen if per_partij else (zetel.id,):
                if eenheid in keuzes:
                    lezer.fout(
                        plek,
                        f"'{eenheid}' stemt twee keer (ook '{keuzes[eenheid]}')",
                        "laat elk lid of elke partij één keer stemmen",
                    )
                    continue
                keuzes[eenheid] = keuze
                if per_partij and zetel.mandaat and eenheid != zetel.eigen_partij:
                    via_mandaat.add(eenheid)
    eenheden = _stemgerechtigde_eenheden(b)
    if alle is not None:
        for eenheid in eenheden:
            keuzes.setdefault(eenheid, alle)
            zetel = _zetel_van_eenheid(b, eenheid)
            if per_partij and zetel.mandaat and eenheid != zetel.eigen_partij:
                via_mandaat.add(eenheid)
    niet_gestemd = tuple(e for e in eenheden if e not in keuzes)
    return Stemming(keuzes, frozenset(via_mandaat), niet_gestemd)


def _geteld(b: Vergaderbeeld, lezer: _Lezer, aantallen: tuple[int, int, int], loc: Loc) -> Stemming:
    """Votes as numbers: they cannot exceed the votes present (one per seat, or per Partij)."""
    eenheden = _stemgerechtigde_eenheden(b)
    geteld = sum(aantallen)
    if geteld > len(eenheden) and not lezer.gevolg_van_onbekend():
        per = (
            "Partij (ook elke Partij namens wie een afgevaardigde stemt)"
            if b.stem_per_partij
            else "aanwezig lid met stemrecht"
        )
        lezer.fout(
            loc,
            f"{geteld} stemmen geteld, maar er zijn {len(eenheden)} stemmen aanwezig",
            f"tel één stem per {per}; controleer de aantallen en wie aanwezig was",
        )
    return Stemming({}, aantallen=aantallen, ongenoemd_niet_gestemd=max(0, len(eenheden) - geteld))


def _stemgerechtigde_eenheden(b: Vergaderbeeld) -> list[str]:
    eenheden: list[str] = []
    for z in sorted(b.aanwezig):
        zetel = b.zetels[z]
        if zetel.stemrecht:
            eenheden += list(zetel.partijen) if b.stem_per_partij else [zetel.id]
    return eenheden


def _zetel_van_eenheid(b: Vergaderbeeld, eenheid: str) -> Zetel:
    if eenheid in b.zetels:
        return b.zetels[eenheid]
    return next(b.zetels[z] for z in b.aanwezig if eenheid in b.zetels[z].partijen)
