"""The text of the convenant in force on a date: the bundled text and its addenda (23.2).

A change of the convenant takes effect through an addendum that the voorzitter of the
Stuurgroep and the Manager sign (23.2). An addendum in a register may say, next to each new
wording, what changes in the rules (`regels`: a value of `convenant.yaml` at a path) and which
findings the new wording resolves (`vervallen_aannames`). `tekst_op` gives the text in force on
a date: the bundled convenant with every addendum whose ingangsdatum has passed, in order of
ingangsdatum, together with what each applied addendum changed. A meeting before the
ingangsdatum is judged under the old text, one on or after it under the new.

Pure: no files and no clock. The caller hands in the addenda (from the register); the result
for the same convenant and the same addenda in force is remembered, so judging many meetings
costs one application per state of the text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from pydantic import BaseModel, ValidationError

from .datums import lang
from .errors import bedoelde_u, echo
from .loader import Bron, Loc
from .models import Convenant
from .verwijzingen import ONBEKEND, Ref, herstel_id, ids_van, verwijzingen

if TYPE_CHECKING:
    # Only named in annotations: `convenant toets` imports this module on every run, and
    # reads the documents' models only where a register holds an addendum.
    from .documenten import Addendum

CONVENANT = "convenant.yaml"
# Keys of convenant.yaml whose value names a finding the rule rests on.
_AANNAME_SLEUTEL = re.compile(r"^(.*_)?aanname$")
# The kind of id the items of a top-level list carry, so a fix can name the command listing them.
_SOORT_VAN_LIJST = {"soorten": "soort", "organen": "orgaan", "partijen": "partij"}
# One step of a path as `convenant valideer` prints it: a key with any number of [labels].
_STAP = re.compile(r"^([a-z_][a-z0-9_]*)((?:\[[^\]]+\])*)$")


class Wijziging(NamedTuple):
    """One thing an addendum changed, in words a secretaris reads."""

    artikel: str
    uitleg: str
    pad: str | None = None  # the place in convenant.yaml a rule changed
    aanname: str | None = None  # the finding that lapsed

    def als_dict(self) -> dict[str, object]:
        return {
            "artikel": self.artikel,
            "uitleg": self.uitleg,
            "pad": self.pad,
            "aanname": self.aanname,
        }


class Toegepast(NamedTuple):
    """An addendum in force, and what it changed."""

    nummer: str
    onderwerp: str
    ingangsdatum: dt.date
    besluit_datum: dt.date
    besluit: str | None
    wijzigingen: tuple[Wijziging, ...]

    @property
    def artikelen(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(w.artikel for w in self.wijzigingen))

    def vermelding(self) -> str:
        """How a ground names it: 'addendum 2027-1 (in werking sinds 1 juli 2027)'."""
        return f"addendum {self.nummer} (in werking sinds {lang(self.ingangsdatum)})"

    def als_dict(self) -> dict[str, object]:
        return {
            "nummer": self.nummer,
            "onderwerp": self.onderwerp,
            "ingangsdatum": self.ingangsdatum,
            "besluit_stuurgroep": {"datum": self.besluit_datum, "besluit": self.besluit},
            "artikelen": list(self.artikelen),
            "wijzigingen": [w.als_dict() for w in self.wijzigingen],
        }


class Versie(NamedTuple):
    """The text in force on `datum`, the addenda applied to get it and those still to come."""

    convenant: Convenant
    datum: dt.date
    addenda: tuple[Toegepast, ...]
    later: tuple[Addendum, ...] = ()


class Afwijking(NamedTuple):
    """Why an addendum does not fit the convenant it changes, at a place in the addendum."""

    loc: Loc
    tekst: str
    herstel: str
    suggestie: str | None = None


class AddendumFout(Exception):
    """An addendum that cannot be applied; `afwijkingen` say where and why."""

    def __init__(self, afwijkingen: list[Afwijking]) -> None:
        super().__init__("; ".join(a.tekst for a in afwijkingen))
        self.afwijkingen = afwijkingen


# --- the text in force ------------------------------------------------------------------------

_ONTHOUDEN = 16
_onthouden: dict[tuple[int, tuple[int, ...]], tuple[Convenant, tuple[Addendum, ...], Versie]] = {}


def in_werking(addenda: Iterable[Addendum], datum: dt.date) -> list[Addendum]:
    """The addenda in force on `datum`, oldest first (an equal date: by number)."""
    return sorted(
        (a for a in addenda if a.ingangsdatum <= datum), key=lambda a: (a.ingangsdatum, a.nummer)
    )


def tekst_op(basis: Convenant, addenda: Sequence[Addendum], datum: dt.date) -> Versie:
    """The convenant in force on `datum`: `basis` with the addenda whose ingangsdatum passed.

    Raises `AddendumFout` for an addendum in force that does not fit; `controleer` finds those
    beforehand, per addendum, with their places.
    """
    # An addendum `basis` already carries (a text in force handed in again) is not applied twice.
    al = {a.nummer for a in basis.addenda}
    geldend = [a for a in in_werking(addenda, datum) if a.nummer not in al]
    later = tuple(
        sorted((a for a in addenda if a.ingangsdatum > datum), key=lambda a: a.ingangsdatum)
    )
    if not geldend:
        return Versie(basis, datum, basis.addenda, later)
    sleutel = (id(basis), tuple(id(a) for a in geldend))
    gevonden = _onthouden.get(sleutel)
    # The objects are kept with the entry, so an id is never that of a collected object.
    if gevonden is None or gevonden[0] is not basis:
        c = basis
        for addendum in geldend:
            c, _ = pas_toe(c, addendum)
        if len(_onthouden) >= _ONTHOUDEN:
            _onthouden.pop(next(iter(_onthouden)))
        gevonden = (basis, tuple(geldend), Versie(c, datum, c.addenda))
        _onthouden[sleutel] = gevonden
    return gevonden[2]._replace(datum=datum, later=later)


def controleer(basis: Convenant, addenda: Sequence[Addendum]) -> dict[int, list[Afwijking]]:
    """Per addendum (its index in `addenda`), why it does not fit the text it changes.

    Each is checked against the text as the addenda before it (by ingangsdatum) left it; one
    that does not fit is left out of the text the later ones change.
    """
    volgorde = sorted(
        range(len(addenda)), key=lambda i: (addenda[i].ingangsdatum, addenda[i].nummer)
    )
    uit: dict[int, list[Afwijking]] = {}
    c = basis
    for i in volgorde:
        try:
            c, _ = pas_toe(c, addenda[i])
        except AddendumFout as fout:
            uit[i] = fout.afwijkingen
    return uit


# One step (a text and an addendum applied to it) is remembered: checking the addenda of a
# register (`controleer`) and the text in force on a meeting's date take the same steps.
_STAPPEN: dict[tuple[int, int], tuple[Convenant, Addendum, Convenant, Toegepast]] = {}


def pas_toe(c: Convenant, addendum: Addendum) -> tuple[Convenant, Toegepast]:
    """`c` as `addendum` changes it, and what it changed."""
    stap = _STAPPEN.get((id(c), id(addendum)))
    if stap is not None and stap[0] is c and stap[1] is addendum:
        return stap[2], stap[3]
    nieuw, toegepast = _pas_toe(c, addendum)
    if len(_STAPPEN) >= _ONTHOUDEN:
        _STAPPEN.pop(next(iter(_STAPPEN)))
    _STAPPEN[(id(c), id(addendum))] = (c, addendum, nieuw, toegepast)
    return nieuw, toegepast


def _pas_toe(c: Convenant, addendum: Addendum) -> tuple[Convenant, Toegepast]:
    from .lint import artikel_bestaat

    afwijkingen: list[Afwijking] = []
    data = c.model_dump(mode="python", exclude_none=False)
    wijzigingen: list[Wijziging] = []
    geschreven: list[tuple[Loc, Loc]] = []  # (place in convenant, place in the addendum)
    for i, w in enumerate(addendum.wijzigingen):
        plek: Loc = ("wijzigingen", i)
        if (reden := artikel_bestaat(c.index, w.artikel)) is not None:
            afwijkingen.append(
                Afwijking(
                    (*plek, "artikel"),
                    f"het addendum wijzigt '{w.artikel}', maar {reden}",
                    'noem een artikel of lid dat in het convenant staat, bijv. artikel: "6.6"',
                )
            )
            continue
        wijzigingen.append(
            Wijziging(w.artikel, f'Art. {w.artikel} luidt: "{" ".join(w.wordt.split())}"')
        )
        for j, regel in enumerate(w.regels):
            waar: Loc = (*plek, "regels", j)
            try:
                doel, oud = _zet(data, regel.pad, regel.wordt)
            except _PadFout as fout:
                afwijkingen.append(Afwijking((*waar, "pad"), *fout.args))
                continue
            geschreven.append((doel, (*waar, "wordt")))
            namen = _namen(c)
            wijzigingen.append(
                Wijziging(
                    w.artikel,
                    f"{_pad_in_woorden(c, regel.pad)}: was {_waarde(oud, namen)}, "
                    f"wordt {_waarde(regel.wordt, namen)}.",
                    regel.pad,
                )
            )
        for j, aanname in enumerate(w.vervallen_aannames):
            waar = (*plek, "vervallen_aannames", j)
            if (reden_aanname := _vervalt(c, data, aanname)) is not None:
                afwijkingen.append(Afwijking(waar, *reden_aanname))
                continue
            bevinding = c.bevinding[aanname]
            wijzigingen.append(
                Wijziging(
                    w.artikel,
                    f"Wat tot dan een aanname was, zegt de tekst van art. {w.artikel} nu zelf. "
                    f"{_kort(bevinding.omschrijving)} {_kort(bevinding.aanname or '')}".rstrip(),
                    aanname=aanname,
                )
            )
    if afwijkingen:
        raise AddendumFout(afwijkingen)
    try:
        nieuw = Convenant.model_validate(data)
    except ValidationError as e:
        raise AddendumFout(_ongeldig(e, geschreven)) from None
    afwijkingen = _verwijzingen(nieuw, geschreven)
    if afwijkingen:
        raise AddendumFout(afwijkingen)
    toegepast = Toegepast(
        addendum.nummer,
        addendum.onderwerp,
        addendum.ingangsdatum,
        addendum.besluit_stuurgroep.datum,
        addendum.besluit_stuurgroep.besluit,
        tuple(wijzigingen),
    )
    nieuw._addenda = (*c.addenda, toegepast)
    return nieuw, toegepast


# --- paths into convenant.yaml ------------------------------------------------------------------


class _PadFout(Exception):
    """(tekst, herstel, suggestie) for a path that names nothing in the convenant."""


def _zet(data: dict[str, Any], pad: str, waarde: Any) -> tuple[Loc, Any]:
    """Write `waarde` at `pad`; the place written (as a data location) and the old value."""
    stappen = pad.strip().split(".")
    plek: list[str | int] = []
    houder: Any = data
    sleutel: str | int | None = None
    gelopen = ""
    for n, stap in enumerate(stappen):
        m = _STAP.match(stap.strip())
        if m is None:
            raise _PadFout(
                f"'{echo(pad)}' is geen pad in het convenant",
                "schrijf het pad zoals 'convenant valideer' het toont, bijv. "
                "soorten[beleid].bevoegd of organen[stuurgroep].besluitregel.soort",
            )
        naam, labels = m.group(1), re.findall(r"\[([^\]]+)\]", m.group(2))
        if sleutel is not None:
            houder = houder[sleutel]
        if not isinstance(houder, dict) or naam not in houder:
            velden = sorted(houder) if isinstance(houder, dict) else []
            waar = f"in {gelopen}" if gelopen else "bovenaan in convenant.yaml"
            raise _PadFout(
                f"het convenant heeft geen '{naam}' {waar}",
                "gebruik een van: " + ", ".join(velden) if velden else "kies een kortere weg",
                bedoelde_u(naam, velden),
            )
        sleutel = naam
        plek.append(naam)
        gelopen = f"{gelopen}.{naam}" if gelopen else naam
        for label in labels:
            houder = houder[sleutel]
            if not isinstance(houder, list):
                raise _PadFout(
                    f"'{gelopen}' is geen lijst; [{echo(label)}] kiest daar niets",
                    f"laat [{echo(label)}] weg",
                )
            ids = [e.get("id") for e in houder if isinstance(e, dict)]
            if label in ids:
                index = ids.index(label)
            elif label.isdigit() and int(label) < len(houder):
                index = int(label)
            else:
                bekend = [i for i in ids if isinstance(i, str)]
                raise _PadFout(
                    f"{gelopen} heeft geen '{echo(label)}'"
                    + ("" if bekend else f" (de lijst telt {len(houder)} elementen, vanaf 0)"),
                    herstel_id(_SOORT_VAN_LIJST.get(naam, ""), bekend)
                    if bekend
                    else "noem het volgnummer, vanaf 0",
                    bedoelde_u(label, bekend) if bekend else None,
                )
            sleutel = index
            plek.append(index)
            gelopen = f"{gelopen}[{label}]"
        if n == len(stappen) - 1:
            oud = houder[sleutel]
            houder[sleutel] = waarde
            return tuple(plek), oud
    raise _PadFout("het pad is leeg", "schrijf bijv. soorten[beleid].bevoegd")


def _pad_in_woorden(c: Convenant, pad: str) -> str:
    """'soorten[beleid].bevoegd' as a reader says it: 'Strategisch beleidsbesluit, bevoegd'."""
    m = re.match(r"^(soorten|organen|procedures|rollen)\[([^\]]+)\](.*)$", pad.strip())
    if m is None:
        return pad
    soort, ident, rest = m.groups()
    namen = {
        "soorten": {s.id: s.naam for s in c.soorten},
        "organen": {o.id: o.naam for o in c.organen},
        "procedures": {p.id: p.naam for p in c.procedures},
        "rollen": {r.id: r.naam for r in c.rollen},
    }[soort]
    rest = rest.lstrip(".").replace("_", " ")
    return f"{namen.get(ident, ident)}{', ' + rest if rest else ''}"


def _namen(c: Convenant) -> dict[str, str]:
    """The names of the organen, rollen, soorten and Partijen a changed value may name."""
    namen: dict[str, str] = {}
    for lijst in (c.organen, c.rollen, c.soorten, c.partijen):
        namen |= {x.id: x.naam for x in lijst}
    return namen


def _waarde(waarde: Any, namen: dict[str, str]) -> str:
    """A value of convenant.yaml in words: names for ids, ja/nee, 'niets' for no value."""
    if waarde is None or waarde == []:
        return "niets"
    if isinstance(waarde, list):
        return ", ".join(_waarde(w, namen) for w in waarde)
    if isinstance(waarde, dict):
        return "; ".join(
            f"{k.replace('_', ' ')}: {_waarde(v, namen)}"
            for k, v in waarde.items()
            if v is not None
        )
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, str):
        return namen.get(waarde, waarde.replace("_", " "))
    return str(waarde)


def _kort(tekst: str, lengte: int = 160) -> str:
    tekst = " ".join(tekst.split())
    return tekst if len(tekst) <= lengte else tekst[: lengte - 1].rstrip() + "…"


# --- resolved findings --------------------------------------------------------------------------


def _vervalt(
    c: Convenant, data: dict[str, Any], aanname: str
) -> tuple[str, str, str | None] | None:
    """Take aanname `aanname` out of every rule and the finding out of the list; or why not."""
    bevinding = c.bevinding.get(aanname)
    if bevinding is None:
        return (
            f"{ONBEKEND['bevinding']} '{aanname}'",
            "noem een bevinding die 'convenant valideer' toont",
            bedoelde_u(aanname, c.bevinding),
        )
    if bevinding.lezingen:
        return (
            f"'{aanname}' is een betwiste lezing; een addendum laat die niet stil vervallen",
            "laat de Stuurgroep de lezing vaststellen (lezingen.yaml), of wijzig de regel met 'regels'",
            None,
        )
    if not _wis(data, aanname):
        return (
            f"geen regel van het convenant rust op de aanname '{aanname}'",
            "haal deze aanname hier weg",
            None,
        )
    data["bevindingen"] = [b for b in data["bevindingen"] if b["id"] != aanname]
    return None


def _wis(data: Any, aanname: str) -> bool:
    """Set every `aanname`-like key naming `aanname` to None; whether there was one."""
    gevonden = False
    if isinstance(data, dict):
        for sleutel, waarde in data.items():
            if isinstance(sleutel, str) and _AANNAME_SLEUTEL.match(sleutel) and waarde == aanname:
                data[sleutel] = None
                gevonden = True
            elif isinstance(waarde, dict | list):
                gevonden = _wis(waarde, aanname) or gevonden
    elif isinstance(data, list):
        for waarde in data:
            gevonden = _wis(waarde, aanname) or gevonden
    return gevonden


# --- checking the changed text ------------------------------------------------------------------


def _in_addendum(loc: Sequence[str | int], geschreven: list[tuple[Loc, Loc]]) -> Loc | None:
    """The place in the addendum whose change wrote the data at `loc` (or above or under it)."""
    for doel, bron in reversed(geschreven):
        n = min(len(doel), len(loc))
        if tuple(loc[:n]) == tuple(doel[:n]):
            return bron
    return None


def _ongeldig(e: ValidationError, geschreven: list[tuple[Loc, Loc]]) -> list[Afwijking]:
    """Pydantic's errors in the changed text, in Dutch, at the change that caused each."""
    from .loader import _vertaal

    # A source without a tree: the places it would look up in a file are not wanted here.
    bron = Bron(Path(CONVENANT), _geparsed=True)
    uit: dict[Loc, Afwijking] = {}
    for detail in e.errors(include_url=False):
        loc: Loc = tuple(detail["loc"])
        plek = _in_addendum(loc, geschreven) or ("wijzigingen",)
        if plek in uit:
            continue  # one message per change: a union reports once per branch
        melding = _vertaal(detail, loc, bron, Convenant)
        uit[plek] = Afwijking(
            plek,
            f"de nieuwe waarde past niet in het convenant: {melding.tekst}",
            melding.herstel,
            melding.suggestie,
        )
    return list(uit.values())


def _verwijzingen(c: Convenant, geschreven: list[tuple[Loc, Loc]]) -> list[Afwijking]:
    """Ids and articles in the changed values must exist, as in convenant.yaml itself."""
    from .lint import artikel_bestaat

    if not geschreven:
        return []
    bekend = ids_van(c)
    uit: list[Afwijking] = []
    for loc, soort, waarde, _ in _verwijzingen_onder(c, [doel for doel, _ in geschreven]):
        if soort == "artikel":
            if (reden := artikel_bestaat(c.index, waarde)) is not None:
                plek = _in_addendum(loc, geschreven)
                if plek is not None:
                    uit.append(
                        Afwijking(
                            plek,
                            f"verwijst naar '{waarde}', maar {reden}",
                            "verwijs naar een artikel uit de index",
                        )
                    )
            continue
        if waarde in bekend.get(soort, set()):
            continue
        plek = _in_addendum(loc, geschreven)
        if plek is not None:
            mogelijk = bekend.get(soort, set())
            uit.append(
                Afwijking(
                    plek,
                    f"{ONBEKEND.get(soort, 'onbekende ' + soort)} '{waarde}'",
                    herstel_id(soort, mogelijk),
                    bedoelde_u(waarde, mogelijk),
                )
            )
    return uit


def _verwijzingen_onder(c: Convenant, doelen: list[Loc]) -> Iterator[Ref]:
    """The references inside the models that hold the changed places: walking the whole
    convenant for them would cost a meeting's judgment several times over."""
    gezien: set[Loc] = set()
    for doel in doelen:
        houder: Any = c
        model: BaseModel = c
        voor: Loc = ()
        for n, deel in enumerate(doel):
            if isinstance(houder, BaseModel):
                model, voor = houder, tuple(doel[:n])
                houder = getattr(houder, str(deel), None)
            elif isinstance(houder, list | dict):
                try:
                    houder = houder[deel]  # type: ignore[index]
                except (IndexError, KeyError, TypeError):
                    break
            else:
                break
        if isinstance(houder, BaseModel):
            model, voor = houder, tuple(doel)
        if voor not in gezien:
            gezien.add(voor)
            yield from verwijzingen(model, voor)
