"""Loading the convenant and the fact files beside it, fully checked (and cached).

A file that loads here is well-formed and every id in it resolves; what `lint` checks on top
(article references, the escalation graph, composition rules) are findings about content.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from pydantic import BaseModel

from . import cache
from .errors import GebruiksFout, InvoerFout, Melding
from .loader import Bestand, Bron, gebundeld, laad, lees_bytes, lees_yaml
from .models import Bezetting, Convenant, Lezingen, Verdeelsleutel
from .registermap import _REGISTER_DIEPTE
from .registermap import BEZETTING as BEZETTING
from .registermap import zoek_register as zoek_register
from .verwijzingen import controleer, dubbele_ids, ids_van

if TYPE_CHECKING:
    from .begroting import Begroting
    from .documenten import Addendum, Opheffing, Opzegging, Uitsluitingsbesluit
    from .huisstijl import Huisstijl
    from .vergadering import Vergadering

CONVENANT = "convenant.yaml"
VERDEELSLEUTEL = "verdeelsleutel.yaml"
LEZINGEN = "lezingen.yaml"

M = TypeVar("M", bound=BaseModel)


def _laad_gecontroleerd(
    pad: Path,
    klasse: type[M],
    controles: Callable[[Bestand[M]], list[Melding]],
    context: bytes = b"",
) -> Bestand[M]:
    """Load, check, and remember; `context` is what else the checks depended on."""
    inhoud = lees_bytes(pad)
    naam = cache.sleutel(klasse.__name__.lower(), inhoud, context)
    if (model := cache.lees(naam, klasse)) is not None:
        return Bestand(model, Bron(pad))
    bestand = laad(pad, klasse, inhoud)
    if meldingen := controles(bestand):
        raise InvoerFout(meldingen)
    cache.bewaar(naam, bestand.model)
    return bestand


def laad_vergadering(pad: Path) -> Bestand[Vergadering]:
    """A meeting file, cached like the convenant: a secretaris judges the same file many times.

    Its members are checked against the bezetting later, by `rules.zetels.beeld`, on every run;
    what is cached is only what its own model checks. That is worth caching because the first
    validation in a process builds pydantic's validator, which costs more than the rules.
    """
    from .vergadering import Vergadering  # not every command reads meetings

    return _laad_gecontroleerd(pad, Vergadering, lambda _: [])


def dubbele_besluiten(vergaderingen: list[tuple[Path, Vergadering]]) -> list[Melding]:
    """Each besluit id once in a register, one message per repeat naming both places.

    A besluitenlijst, `vervolg_van` and the jaaroverzicht name a besluit by its id alone; a
    second besluit with that id makes them ambiguous. (Twice in one file the file itself is
    refused already.) Only for a repeat are the files read again, for the lines.
    """
    eerste: dict[str, Path] = {}
    meldingen: list[Melding] = []
    for pad, v in vergaderingen:
        for b in v.besluiten:
            if b.id not in eerste:
                eerste[b.id] = pad
            elif eerste[b.id] != pad:
                daar = _bij_besluit(eerste[b.id], b.id, "", "")
                meldingen.append(
                    _bij_besluit(
                        pad,
                        b.id,
                        f"het besluit '{b.id}' staat ook in {daar.plek()}; in een register "
                        "heeft elk besluit een eigen id",
                        "geef één van beide een nieuw nummer (een besluitenlijst en "
                        "'vervolg_van' wijzen een besluit aan met zijn id)",
                    )
                )
    return meldingen


def _bij_besluit(pad: Path, ident: str, tekst: str, herstel: str) -> Melding:
    bestand = laad_vergadering(pad)
    i = next(i for i, b in enumerate(bestand.model.besluiten) if b.id == ident)
    return bestand.bron.melding(("besluiten", i, "id"), tekst, herstel)


def _controleer_convenant(bestand: Bestand[Convenant]) -> list[Melding]:
    model, bron = bestand.model, bestand.bron
    meldingen = dubbele_ids(model, bron)
    dubbel_knoop = {o.id for o in model.organen} & {r.id for r in model.rollen}
    for i, rol in enumerate(model.rollen):
        if rol.id in dubbel_knoop:
            meldingen.append(
                bron.melding(
                    ("rollen", i, "id"),
                    f"'{rol.id}' is al de id van een orgaan",
                    "organen en rollen delen één naamruimte in de escalatiegraaf; kies een andere id",
                )
            )
    return meldingen + controleer(model, bron, ids_van(model), convenant=model)


def laad_convenant(pad: Path | None = None) -> Bestand[Convenant]:
    return _laad_gecontroleerd(pad or gebundeld(CONVENANT), Convenant, _controleer_convenant)


# The register's own files beside its meetings; every other YAML file in its folder is a meeting.
REGISTERBESTANDEN = frozenset(
    {
        BEZETTING,
        VERDEELSLEUTEL,
        "huisstijl.yaml",
        LEZINGEN,
        "begroting.yaml",
        "contacten.yaml",
        "mail.yaml",
        "planning.yaml",  # governance.planning
        "kalender.yaml",  # the secret address of the calendar feed
    }
)


def vergaderbestanden(map_: Path) -> list[Path]:
    """The meeting files of a register folder, in name order (which is date order)."""
    return sorted(
        p for p in [*map_.glob("*.yaml"), *map_.glob("*.yml")] if p.name not in REGISTERBESTANDEN
    )


def in_register(register: Path | None, naam: str) -> Path | None:
    """A file of the register, if the register has it."""
    if register is None:
        return None
    pad = register / naam
    return pad if pad.is_file() else None


def _ids_context(convenant: Convenant) -> tuple[dict[str, set[str]], bytes]:
    """The ids a fact file may name, and the same as bytes for the cache key."""
    ids = ids_van(convenant)
    # the unsigned dossiers change the message on an id that names one, so they key it too
    return ids, repr(
        (sorted((soort, sorted(waarden)) for soort, waarden in ids.items()), convenant.ongetekend)
    ).encode()


def laad_bezetting(pad: Path, convenant: Convenant) -> Bestand[Bezetting]:
    ids, context = _ids_context(convenant)
    bestand = _laad_gecontroleerd(
        pad,
        Bezetting,
        lambda b: (
            dubbele_ids(b.model, b.bron) + controleer(b.model, b.bron, ids, convenant=convenant)
        ),
        context,
    )
    bestand.model._pad = str(bestand.bron.pad)
    return bestand


def laad_verdeelsleutel(pad: Path, convenant: Convenant) -> Bestand[Verdeelsleutel]:
    ids, context = _ids_context(convenant)
    return _laad_gecontroleerd(
        pad,
        Verdeelsleutel,
        lambda b: controleer(b.model, b.bron, ids, convenant=convenant),
        context,
    )


def laad_begroting(pad: Path, convenant: Convenant) -> Bestand[Begroting]:
    from .begroting import Begroting  # only the liquidation commands read a budget

    ids, context = _ids_context(convenant)

    def partners(b: Bestand[Begroting]) -> list[Melding]:
        # Only a Partij seconds staff (25.7); the VRD employs it, and 25.6 puts that staff on the
        # gemeenten. A 'seconded by the VRD' line would take VRD staff out of their share.
        return [
            b.bron.melding(
                ("posten", i, "partner"),
                "de VRD is geen Partij en detacheert niet: personeel in dienst van de VRD dragen de gemeenten (25.6, 25.7; aanname vrd_geen_partij)",
                "zet deze post op 'soort: personeel_vrd' zonder 'partner'",
            )
            for i, post in enumerate(b.model.posten)
            if post.partner in convenant.partij and not convenant.partij[post.partner].is_partij
        ]

    def controles(b: Bestand[Begroting]) -> list[Melding]:
        meldingen = dubbele_ids(b.model, b.bron) + controleer(
            b.model, b.bron, ids, convenant=convenant
        )
        return meldingen or partners(b)

    return _laad_gecontroleerd(pad, Begroting, controles, context)


def laad_sleutel(
    convenant: Bestand[Convenant],
    pad: Path | None,
    register: Path | None,
    naast: Path | None = None,
) -> Verdeelsleutel:
    """The verdeelsleutel to divide costs with: it must name every gemeente exactly once.

    `naast`: the input file beside which the register was looked for, named when none was."""
    from .lint import lint_verdeelsleutel  # only the commands that divide money need it

    pad = pad or in_register(register, VERDEELSLEUTEL)
    if pad is None:
        waar = (
            f"het register {register} heeft geen {VERDEELSLEUTEL}"
            if register
            else f"er is geen register gevonden naast {naast} (geen {BEZETTING} in die map of "
            "een map erboven)"
            if naast
            else "er is geen register gevonden"
        )
        raise GebruiksFout(
            f"{waar}; geef de verdeelsleutel (20.3, 20.4) met --verdeelsleutel PAD of "
            "het register met --register PAD"
        )
    sleutel = laad_verdeelsleutel(pad, convenant.model)
    # A key that misses or doubles a gemeente cannot divide costs: unreadable for this purpose.
    if fouten := [p for p in lint_verdeelsleutel(sleutel, convenant.model) if p.ernst == "fout"]:
        raise InvoerFout([p.melding for p in fouten])
    return sleutel.model


def bezetting_uit(
    convenant: Convenant, pad: Path | None, register: Path | None, *invoer: Path
) -> Bestand[Bezetting] | None:
    """The bezetting named with --bezetting, else the one of the register (see zoek_register)."""
    pad = pad or in_register(zoek_register(register, *invoer), BEZETTING)
    return laad_bezetting(pad, convenant) if pad else None


def _controleer_lezingen(bestand: Bestand[Lezingen], convenant: Convenant) -> list[Melding]:
    """Each settled reading names a contested aanname, one of its readings, and only once."""
    from .errors import bedoelde_u

    bron, meldingen = bestand.bron, []
    gezien: set[str] = set()
    for i, v in enumerate(bestand.model.vastgesteld):
        bevinding = convenant.betwist.get(v.aanname)
        if bevinding is None:
            meldingen.append(
                bron.melding(
                    ("vastgesteld", i, "aanname"),
                    f"'{v.aanname}' is geen aanname met alternatieve lezingen",
                    "gebruik een id die 'convenant lezingen' toont",
                    bedoelde_u(v.aanname, convenant.betwist),
                )
            )
            continue
        if bevinding.lezing(v.lezing) is None:
            ids = [lz.id for lz in bevinding.lezingen]
            meldingen.append(
                bron.melding(
                    ("vastgesteld", i, "lezing"),
                    f"'{v.aanname}' heeft geen lezing '{v.lezing}'",
                    f"kies een van: {', '.join(ids)}",
                    bedoelde_u(v.lezing, ids),
                )
            )
        if v.aanname in gezien:
            meldingen.append(
                bron.melding(
                    ("vastgesteld", i, "aanname"),
                    f"de lezing van '{v.aanname}' is al eerder in dit bestand vastgesteld",
                    "houd één vaststelling per aanname: de laatst geldende",
                )
            )
        gezien.add(v.aanname)
    return meldingen


def laad_lezingen(pad: Path, convenant: Convenant) -> Bestand[Lezingen]:
    """The readings the Stuurgroep settled, from a register's lezingen.yaml."""
    ids, context = _ids_context(convenant)
    betwist = repr(sorted((b, [lz.id for lz in v.lezingen]) for b, v in convenant.betwist.items()))
    return _laad_gecontroleerd(
        pad,
        Lezingen,
        lambda b: controleer(b.model, b.bron, ids) + _controleer_lezingen(b, convenant),
        context + betwist.encode(),
    )


def lezingen_uit(convenant: Convenant, register: Path | None, *invoer: Path) -> Lezingen | None:
    """The settled readings of the register (see zoek_register), if it has a lezingen.yaml."""
    pad = in_register(zoek_register(register, *invoer), LEZINGEN)
    return laad_lezingen(pad, convenant).model if pad else None


def huisstijl_uit(register: Path | None) -> Huisstijl | None:
    """The register's huisstijl.yaml, checked like any input; None where it has none."""
    from .huisstijl import HUISSTIJL, laad_huisstijl

    pad = in_register(register, HUISSTIJL)
    return laad_huisstijl(pad).model if pad else None


DOCUMENTEN = "documenten"


class Registerstukken(NamedTuple):
    """The register's documents in documenten/ that change who is a Partij or what the text
    says, each with its file: notices of exit (25.2, 23.3), addenda (23.2), exclusions (25.3)
    and a dissolution (25.4); and the located errors of those that do not load."""

    opzeggingen: tuple[tuple[Path, Opzegging], ...] = ()
    addenda: tuple[tuple[Path, Addendum], ...] = ()
    uitsluitingen: tuple[tuple[Path, Uitsluitingsbesluit], ...] = ()
    opheffingen: tuple[tuple[Path, Opheffing], ...] = ()
    fouten: tuple[Melding, ...] = ()


def registerstukken(register: Path, convenant: Convenant) -> Registerstukken:
    """The notices, addenda, exclusions and dissolution among a register's documenten/, checked
    like any input; the other files there (agendas, budgets, accession requests) are not theirs.

    A file is taken for what its keys say it is: an addendum has `wijzigingen`, a notice names
    the `partij` that signs it (`ondertekenaar`), an exclusion names who is `uitgesloten`, a
    dissolution the date it is `opgeheven_op`. One of those that does not load is reported,
    never skipped in silence: a year overview that missed a notice would mislead.
    """
    from .documenten import Addendum, Opheffing, Opzegging, Uitsluitingsbesluit

    map_ = register / DOCUMENTEN
    if not map_.is_dir():
        return Registerstukken()
    # Each kind by the key that marks it; a file without any of these words is none of them,
    # and is not parsed at all (every command that judges a meeting reads this folder).
    kenmerk: dict[bytes, tuple[type[BaseModel], str]] = {
        b"wijzigingen": (Addendum, "addenda"),
        b"ondertekenaar": (Opzegging, "opzeggingen"),
        b"uitgesloten": (Uitsluitingsbesluit, "uitsluitingen"),
        b"opgeheven_op": (Opheffing, "opheffingen"),
    }
    _, context = _ids_context(convenant)
    soorten: dict[str, list[tuple[Path, BaseModel]]] = {s: [] for _, s in kenmerk.values()}
    meldingen: list[Melding] = []
    for pad in sorted([*map_.glob("*.yaml"), *map_.glob("*.yml")]):
        if not pad.is_file() or pad.is_symlink():
            continue
        try:
            inhoud = lees_bytes(pad)
            kandidaten = [k for woord, k in kenmerk.items() if woord in inhoud]
            bewaard = next(
                (
                    (soort, model)
                    for klasse, soort in kandidaten
                    if (model := cache.lees(_stuksleutel(klasse, inhoud, context), klasse))
                    is not None
                ),
                None,
            )
            if bewaard is not None:
                soorten[bewaard[0]].append((pad, bewaard[1]))
                continue
            if not kandidaten:
                continue
            data, _ = lees_yaml(pad, inhoud)
            if not isinstance(data, dict):
                continue
            klasse: type[BaseModel]
            if "wijzigingen" in data:
                klasse, soort = Addendum, "addenda"
            elif "partij" in data and "ondertekenaar" in data:
                klasse, soort = Opzegging, "opzeggingen"
            elif "uitgesloten" in data:
                klasse, soort = Uitsluitingsbesluit, "uitsluitingen"
            elif "opgeheven_op" in data:
                klasse, soort = Opheffing, "opheffingen"
            else:
                continue
            bestand = laad(pad, klasse, inhoud)
            fouten = controleer(bestand.model, bestand.bron, ids_van(convenant))
            if not fouten:
                soorten[soort].append((pad, bestand.model))
                cache.bewaar(_stuksleutel(klasse, inhoud, context), bestand.model)
        except InvoerFout as fout:
            fouten = fout.meldingen
        meldingen.extend(fouten)
    return Registerstukken(
        **{soort: tuple(lijst) for soort, lijst in soorten.items()},  # type: ignore[arg-type]
        fouten=tuple(meldingen),
    )


def _stuksleutel(klasse: type[BaseModel], inhoud: bytes, context: bytes) -> str:
    return cache.sleutel(f"stuk-{klasse.__name__.lower()}", inhoud, context)


def registerdocumenten(
    register: Path, convenant: Convenant
) -> tuple[list[Opzegging], list[Addendum], list[Melding]]:
    """The notices of exit and the addenda of `registerstukken`, without their files."""
    stukken = registerstukken(register, convenant)
    return (
        [m for _, m in stukken.opzeggingen],
        [m for _, m in stukken.addenda],
        list(stukken.fouten),
    )


# An addendum's top-level key, as a YAML block mapping writes it.
_WIJZIGINGEN = re.compile(rb"^wijzigingen[ \t]*:", re.MULTILINE)
_INGANGSDATUM = re.compile(rb"^ingangsdatum:[ \t]*[\"']?(\d{4})-(\d{2})-(\d{2})\b", re.MULTILINE)
# The addenda read, keyed on their files' paths, times and sizes: judging every meeting of a
# register asks for them once per meeting, and they change a few times a year.
_ADDENDA: dict[tuple[Path, int, int, int], tuple[Convenant, Bestand[Addendum]]] = {}


def registermap_van(pad: Path) -> Path | None:
    """The register an input file lies in (the folder with bezetting.yaml or documenten/), by
    its path alone.

    Like `zoek_register`, never the working directory: where the program was started must
    not change which text of the convenant a meeting is judged under.
    """
    map_ = pad if pad.is_dir() else pad.parent
    for kandidaat in [map_, *map_.resolve().parents][:_REGISTER_DIEPTE]:
        # A new register may not have its bezetting yet, but already its documents.
        if (kandidaat / BEZETTING).is_file() or (kandidaat / DOCUMENTEN).is_dir():
            return kandidaat
    return None


def laad_addenda(
    register: Path | None, convenant: Convenant, op: dt.date | None = None
) -> list[Addendum]:
    """The addenda (23.2) in the register's documenten/, each checked against the text it
    changes (`governance.versies`). One that does not fit is an input error at its place: a
    verdict judged under a text the register does not hold would mislead. With `op`, only the
    addenda in force on that date are checked against the text (judging a meeting needs no
    more; `convenant valideer` checks them all).
    """
    return [b.model for b in addendumbestanden(register, convenant, op)]


def addendumbestanden(
    register: Path | None, convenant: Convenant, op: dt.date | None = None
) -> list[Bestand[Addendum]]:
    """`laad_addenda` with the file each addendum was read from."""
    bestanden, meldingen = _addendumbestanden(register, convenant, op)
    if meldingen:
        raise InvoerFout(meldingen)
    if not bestanden:
        return []
    from .versies import controleer as controleer_addenda

    te_toetsen = [b for b in bestanden if op is None or b.model.ingangsdatum <= op]
    afwijkingen = controleer_addenda(convenant, [b.model for b in te_toetsen])
    for i, lijst in sorted(afwijkingen.items()):
        bron = te_toetsen[i].bron
        meldingen.extend(bron.melding(a.loc, a.tekst, a.herstel, a.suggestie) for a in lijst)
    if meldingen:
        raise InvoerFout(meldingen)
    return bestanden


def _ids_in(bekend: dict[str, set[str]], bestand: Bestand[Addendum]) -> list[Melding]:
    return controleer(bestand.model, bestand.bron, bekend)


def _addendumbestanden(
    register: Path | None, convenant: Convenant, op: dt.date | None
) -> tuple[list[Bestand[Addendum]], list[Melding]]:
    """The addenda read and their ids checked, with the errors of those that are not.

    This runs for every judged meeting, so what can be told from a file's bytes is: a notice,
    an agenda or a budget has no top-level `wijzigingen`, and with `op` an addendum whose
    ingangsdatum (written as 2027-07-01) is later is not needed. Each addendum read is kept as
    long as its file does not change, so the text in force is worked out once per state.
    """
    map_ = register / DOCUMENTEN if register is not None else None
    if map_ is None or not map_.is_dir():
        return [], []
    bestanden: list[Bestand[Addendum]] = []
    meldingen: list[Melding] = []
    ids: tuple[dict[str, set[str]], bytes] | None = None
    for pad in sorted([*map_.glob("*.yaml"), *map_.glob("*.yml")]):
        try:
            if not pad.is_file() or pad.is_symlink():
                continue
            stat = pad.stat()
            inhoud = lees_bytes(pad)
        except (OSError, InvoerFout):
            continue  # an unreadable file there is not this function's to report
        if not _WIJZIGINGEN.search(inhoud):
            continue
        if op is not None and (m := _INGANGSDATUM.search(inhoud)) is not None:
            try:
                if dt.date(*map(int, m.groups())) > op:
                    continue
            except ValueError:
                pass  # no date: the loader says why
        sleutel = (pad.resolve(), stat.st_mtime_ns, stat.st_size, id(convenant))
        bekend = _ADDENDA.get(sleutel)
        if bekend is not None and bekend[0] is convenant:
            bestanden.append(bekend[1])
            continue
        from .documenten import Addendum  # the models only where an addendum is read

        if ids is None:
            ids = _ids_context(convenant)
        try:
            bestand = _laad_gecontroleerd(pad, Addendum, functools.partial(_ids_in, ids[0]), ids[1])
        except InvoerFout as fout:
            meldingen.extend(fout.meldingen)
            continue
        if len(_ADDENDA) >= 32:
            _ADDENDA.pop(next(iter(_ADDENDA)))
        # The convenant is kept with the entry, so its id is never that of a collected object.
        _ADDENDA[sleutel] = (convenant, bestand)
        bestanden.append(bestand)
    return bestanden, meldingen
