"""`convenant toets`: is each besluit of a meeting validly taken, and why?"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from governance.artikelen import weergave
from governance.bestanden import dubbele_besluiten, vergaderbestanden, zoek_register
from governance.datums import lang
from governance.errors import EXIT_NIET_GELDIG, EXIT_OK, EXIT_ONLEESBAAR, InvoerFout
from governance.models import Convenant
from rules.lezingen import Lezingkeuze
from rules.toets import gevoeligheid, toets

from ..presentatie import Uitkomst, toets_dict
from ..register import Register
from ..uitvoer import als_json, schrijf

VOLGORDE = ("aangenomen", "verworpen", "aangehouden", "escaleren", "ongeldig")


def toets_bestand(
    register: Register,
    pad: Path,
    keuze: Lezingkeuze | None = None,
    met_gevoeligheid: bool = False,
) -> Uitkomst:
    """One meeting judged on the state of its date in `register` (readings: `keuze`, else those
    in force on that date)."""
    vergadering = register.vergadering(pad)
    if vergadering.model.vorige_vastgesteld:  # deprecated: still judged, the fix is said
        from rules.vaststelling import verouderd  # (not imported on every start)

        for melding in verouderd(vergadering):
            sys.stderr.write(f"Let op: {melding}\n")
    b = register.beeld(vergadering)
    keuze = keuze or register.keuze_op(vergadering.model.datum)
    return Uitkomst(pad, b, gevoeligheid(b, keuze) if met_gevoeligheid else toets(b, keuze))


def toets_opdracht(
    convenant_pad: Path | None,
    bezetting_pad: Path | None,
    register: Path | None,
    invoer: tuple[Path, ...],
    json: bool,
    lezingen: tuple[str, ...] = (),
    met_gevoeligheid: bool = False,
) -> int:
    r = Register(
        zoek_register(register, *invoer),
        convenant_pad=convenant_pad,
        bezetting_pad=bezetting_pad,
        lezingen=lezingen,
    )
    # One look at the register's files for the whole run, not one each time a meeting, its
    # bezetting and its text ask for the convenant (a tenth of a never-seen meeting's verdict).
    with r.vastgehouden():
        return _toets_in(r, invoer, json, met_gevoeligheid)


def _toets_in(r: Register, invoer: tuple[Path, ...], json: bool, met_gevoeligheid: bool) -> int:
    c = r.convenant
    # a wrong --lezing or a broken bezetting is refused once, before any meeting is read
    r.keuze_op()
    r.bezetting()
    bestanden = [v for pad in invoer for v in (vergaderbestanden(pad) if pad.is_dir() else [pad])]

    uitkomsten: list[Uitkomst] = []
    onleesbaar = False
    for pad in bestanden:
        try:
            uitkomsten.append(toets_bestand(r, pad, None, met_gevoeligheid))
        except InvoerFout as fout:  # report it and go on with the other files
            onleesbaar = True
            sys.stderr.write(fout.voor_gebruiker() + "\n")
    # Judged all the same: the verdicts stand, only references by id are ambiguous.
    dubbel = dubbele_besluiten([(u.bestand, u.beeld.vergadering) for u in uitkomsten])
    for melding in dubbel:
        onleesbaar = True
        sys.stderr.write(f"{melding}\n")
    if json:
        data = [toets_dict(u) for u in uitkomsten]
        schrijf(als_json(data[0] if len(bestanden) == 1 and data else data))
    else:
        schrijf("\n".join(_als_tekst(c, u) for u in uitkomsten))
    if onleesbaar:
        return EXIT_ONLEESBAAR
    geldig = all(o.geldig for u in uitkomsten for o in u.oordelen)
    return EXIT_OK if geldig else EXIT_NIET_GELDIG


def _als_tekst(c: Convenant, u: Uitkomst) -> str:
    v, orgaan = u.beeld.vergadering, u.beeld.orgaan
    regels = [f"{orgaan.naam}, {lang(v.datum)} ({u.bestand})", ""]
    for o in u.oordelen:
        oordeel: str = o.oordeel
        if o.escaleren_naar:
            oordeel += f" naar {c.orgaan[o.escaleren_naar].de_naam}"
        stemmen = (
            f"  [{o.stemmen.voor} voor, {o.stemmen.tegen} tegen, {o.stemmen.onthouding} onthouding]"
            if o.stemmen
            else ""
        )
        regels.append(f"{o.id}  {oordeel.upper()}  {o.onderwerp} ({o.soort}){stemmen}")
        for g in o.gronden:
            aanname = (
                f" [aanname: {g.aanname}{_andere_lezing(c, g.aanname, g.lezing)}]"
                if g.aanname
                else ""
            )
            teken = "!" if g.beslissend else "-"
            regels.append(f"    {teken} {weergave(g.artikel)}: {g.uitleg}{aanname}")
        for a in o.alternatieven or ():
            ander: str = a.oordeel
            if a.escaleren_naar:
                ander += f" naar {c.orgaan[a.escaleren_naar].de_naam}"
            regels.append(
                f"    ~ {ander.upper()} in plaats van {oordeel} bij lezing {a.aanname}={a.lezing} "
                f"({weergave(a.artikel)}): {a.uitspraak}"
            )
        regels.append("")
    telling: Counter[str] = Counter(o.oordeel for o in u.oordelen)
    samenvatting = ", ".join(f"{telling[s]} {s}" for s in VOLGORDE if telling[s])
    aannames = sum(o.rust_op_aanname for o in u.oordelen)
    regels.append(
        f"{len(u.oordelen)} besluit(en): {samenvatting}. Bij {aannames} daarvan rust het oordeel (deels) op een aanname."
    )
    if any(o.alternatieven is not None for o in u.oordelen):
        gevoelig = sum(bool(o.alternatieven) for o in u.oordelen)
        regels.append(
            f"Bij {gevoelig} daarvan zou het oordeel onder een andere lezing anders zijn (~)."
        )
    return "\n".join(regels) + "\n"


def _andere_lezing(c: Convenant, aanname: str, lezing: str | None) -> str:
    """Name the reading in force only where it is not the default, to keep the usual output short."""
    bevinding = c.betwist.get(aanname)
    standaard = bevinding.standaardlezing if bevinding else None
    if lezing is None or standaard is None or standaard.id == lezing:
        return ""
    return f", lezing {lezing}"
