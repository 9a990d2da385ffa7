"""`convenant casus toets|volgende|criteria` and `convenant informatie toets`."""

from __future__ import annotations

from pathlib import Path

from governance.artikelen import weergave
from governance.bestanden import zoek_register
from governance.casus import Casus, InformatieVerzoek
from governance.datums import lang
from governance.errors import EXIT_NIET_GELDIG, EXIT_OK, GebruiksFout, InvoerFout, bedoelde_u
from governance.loader import Bestand
from governance.models import Convenant
from governance.verwijzingen import controleer, ids_van
from rules.casus import CasusOordeel, toets_casus, uitkomst_van, volgende_stappen
from rules.criteria import beoordeel, beschrijving, nog_te_bepalen, ontbrekend, regel_van
from rules.informatie import toets_informatie
from rules.lezingen import Lezer, markeer
from rules.oordeel import Grond, art

from ..register import Register
from ..uitvoer import als_json, schrijf

EINDE = {
    "niet_in_behandeling": "niet in behandeling genomen",
    "verwezen": "verwezen naar een ander overleg",
    "andere_tafel": "naar een andere overlegtafel",
    "afgesloten": "afgesloten",
}


def laad_casus(r: Register, pad: Path) -> Bestand[Casus]:
    """A casus file, checked like any input and each step's outcome against its fase."""
    c = r.convenant
    bestand = r.vorm(pad, Casus)
    meldingen = controleer(bestand.model, bestand.bron, ids_van(c), convenant=c)
    if not meldingen:
        for i, stap in enumerate(bestand.model.stappen):
            fase = c.fase[stap.fase]
            if uitkomst_van(fase, stap.uitkomst) is None:
                mogelijk = [u.id for u in fase.uitkomsten]
                meldingen.append(
                    bestand.bron.melding(
                        ("stappen", i, "uitkomst"),
                        f"'{stap.uitkomst}' is geen uitkomst van de fase '{stap.fase}'",
                        "kies uit: " + ", ".join(mogelijk),
                        bedoelde_u(stap.uitkomst, mogelijk),
                    )
                )
    if meldingen:
        raise InvoerFout(meldingen)
    return bestand


def _casus_dict(c: Convenant, o: CasusOordeel) -> dict[str, object]:
    return {
        "casus": o.casus,
        "toegestaan": o.toegestaan,
        "einde": o.einde,
        "volgende_fase": o.volgende_fase,
        "stappen": [
            {
                "nummer": s.nummer,
                "fase": s.fase,
                "uitkomst": s.uitkomst,
                "datum": s.datum,
                "oordeel": "toegestaan" if s.toegestaan else "niet toegestaan",
                "gronden": [g.als_dict() for g in s.gronden],
            }
            for s in o.stappen
        ],
        "volgende": [
            {
                "fase": f.id,
                "uitkomst": u.id,
                "omschrijving": u.omschrijving,
                "naar": u.naar,
                "einde": u.einde,
                "vereist": u.vereist,
                "artikelen": u.artikelen,
            }
            for f, u in volgende_stappen(c, o)
        ],
    }


def casus_toets(
    convenant_pad: Path | None, bestand: Path, json: bool, lezingen: tuple[str, ...] = ()
) -> int:
    r = Register(zoek_register(None, bestand), convenant_pad=convenant_pad, lezingen=lezingen)
    c, keuze = r.convenant, r.keuze_op()
    o = toets_casus(c, laad_casus(r, bestand).model, keuze)
    if json:
        schrijf(als_json(_casus_dict(c, o)))
    else:
        regels = [f"Casus {o.casus}", ""]
        for s in o.stappen:
            fase = c.fase[s.fase]
            regels.append(
                f"{s.nummer}. {lang(s.datum)}  {fase.naam} → {s.uitkomst}  {'TOEGESTAAN' if s.toegestaan else 'NIET TOEGESTAAN'}"
            )
            for g in s.gronden:
                aanname = f" [aanname: {g.aanname}]" if g.aanname else ""
                regels.append(
                    f"    {'!' if g.beslissend else '-'} {weergave(g.artikel)}: {g.uitleg}{aanname}"
                )
        stand = (
            f"beëindigd: {EINDE[o.einde]}"
            if o.einde
            else f"loopt; volgende fase: {c.fase[o.volgende_fase].naam}"
            if o.volgende_fase
            else "loopt"
        )
        regels += ["", f"Stand: {stand}."]
        schrijf("\n".join(regels) + "\n")
    return EXIT_OK if o.toegestaan else EXIT_NIET_GELDIG


def casus_volgende(convenant_pad: Path | None, bestand: Path, json: bool) -> int:
    r = Register(zoek_register(None, bestand), convenant_pad=convenant_pad)
    c, keuze = r.convenant, r.keuze_op()  # the settled readings, as casus toets
    o = toets_casus(c, laad_casus(r, bestand).model, keuze)
    if json:
        schrijf(als_json(_casus_dict(c, o)))
        return EXIT_OK
    stappen = volgende_stappen(c, o)
    if not stappen:
        schrijf(
            f"Casus {o.casus} is beëindigd ({EINDE[o.einde] if o.einde else 'onbekend'}); er volgt geen stap.\n"
        )
        return EXIT_OK
    fase = stappen[0][0]
    regels = [
        f"Casus {o.casus}: volgende fase {fase.naam} (door {', '.join(fase.door)}).",
        "Mogelijke uitkomsten:",
    ]
    for _, u in stappen:
        waarheen = f"naar {c.fase[u.naar].naam}" if u.naar else EINDE[u.einde or ""]
        vereist = f"; vastleggen: {', '.join(u.vereist)}" if u.vereist else ""
        regels.append(
            f"  - {u.id}: {u.omschrijving} ({waarheen}{vereist}; {weergave(', '.join(u.artikelen))})"
        )
    if fase.vereist:
        regels.append(f"In deze fase vastleggen: {', '.join(fase.vereist)} (9.2, 12.2e).")
    schrijf("\n".join(regels) + "\n")
    return EXIT_OK


def casus_criteria(
    convenant_pad: Path | None,
    ja: tuple[str, ...],
    json: bool,
    lezingen: tuple[str, ...] = (),
    onbekend: tuple[str, ...] = (),
) -> int:
    r = Register(zoek_register(None), convenant_pad=convenant_pad, lezingen=lezingen)
    c = r.convenant
    criteria = c.complexe_casuistiek
    bekend = [k.id for k in criteria.criteria]
    for ident in (*ja, *onbekend):
        if ident not in bekend:
            suggestie = bedoelde_u(ident, bekend)
            raise GebruiksFout(
                f"onbekend criterium '{ident}'"
                + (f" (bedoelde u '{suggestie}'?)" if suggestie else "")
                + f"; kies uit: {', '.join(bekend)}"
            )
    keuze = r.keuze_op()
    lees = Lezer(c, keuze)
    regel = regel_van(c, lees)
    dubbel = sorted(set(ja) & set(onbekend))
    if dubbel:
        raise GebruiksFout(f"'{dubbel[0]}' staat zowel bij --ja als bij --onbekend; kies één")
    # A criterion can be unknown: then the answer is "nog niet te bepalen" where it matters.
    antwoorden: dict[str, bool | None] = {k: None if k in onbekend else k in ja for k in bekend}
    complex_ = beoordeel(regel, antwoorden)
    open_ = nog_te_bepalen(regel, antwoorden)
    # What is certainly missing: the unknown answers counted as yes.
    redenen = ontbrekend(regel, {k: v is not False for k, v in antwoorden.items()}, criteria)
    [grond] = markeer(
        c,
        keuze,
        [Grond(art(criteria.artikelen), f"Complex is: {beschrijving(regel)}.", criteria.aanname)],
    )
    # The same answers under each other reading of the structure, where the answer differs.
    anders: list[dict[str, object]] = []
    for aanname, huidig in lees.geraadpleegd.items():
        for lezing in c.betwist[aanname].lezingen:
            if lezing.id != huidig:
                ander = regel_van(c, Lezer(c, keuze.met(aanname, lezing.id)))
                if (uitkomst := beoordeel(ander, antwoorden)) != complex_:
                    anders.append(
                        {
                            "aanname": aanname,
                            "lezing": lezing.id,
                            "complexe_casuistiek": uitkomst,
                            "uitspraak": lezing.uitspraak,
                        }
                    )
    if json:
        schrijf(
            als_json(
                {
                    "complexe_casuistiek": complex_,
                    "antwoorden": antwoorden,
                    "nog_te_bepalen": open_,
                    "ontbreekt": redenen,
                    "artikelen": criteria.artikelen,
                    "aanname": grond.aanname,
                    "grond": grond.als_dict(),
                    "lezingen": dict(lees.geraadpleegd),
                    "alternatieven": anders,
                }
            )
        )
    else:
        waarop = f"aanname {grond.aanname}" if grond.aanname else "vastgestelde lezing"
        kop = {
            True: "Complexe casuïstiek",
            False: "Geen complexe casuïstiek",
            None: "Nog niet te bepalen of het complexe casuïstiek is",
        }[complex_]
        regels = [f"{kop} (Bijlage 2; {waarop}: {beschrijving(regel)}).", ""]
        teken = {True: "x", False: " ", None: "?"}
        regels += [
            f"  [{teken[antwoorden[k.id]]}] {k.id}: {k.omschrijving}" for k in criteria.criteria
        ]
        if open_:
            regels += ["", f"Hangt nog af van: {', '.join(open_)} (nu onbekend)."]
        if redenen:
            regels += ["", "Ontbreekt:"] + [f"  - {r}" for r in redenen]
        for a in anders:
            bij = {True: "wel", False: "geen", None: "nog niet te bepalen of het"}[
                a["complexe_casuistiek"]  # type: ignore[index]
            ]
            regels += [
                "",
                f"Bij lezing {a['aanname']}={a['lezing']} is het {bij} complexe casuïstiek: {a['uitspraak']}",
            ]
        schrijf("\n".join(regels) + "\n")
    return EXIT_OK if complex_ else EXIT_NIET_GELDIG


def informatie_toets(convenant_pad: Path | None, bestand: Path, json: bool) -> int:
    r = Register(None, convenant_pad=convenant_pad)
    c = r.convenant
    verzoek = r.vorm(bestand, InformatieVerzoek)
    if meldingen := controleer(verzoek.model, verzoek.bron, ids_van(c), convenant=c):
        raise InvoerFout(meldingen)
    o = toets_informatie(c, verzoek.model)
    if json:
        schrijf(
            als_json(
                {
                    "soort": o.soort,
                    "antwoord": o.antwoord,
                    "gronden": [g.als_dict() for g in o.gronden],
                    "voorwaarden": list(o.voorwaarden),
                }
            )
        )
    else:
        regels = [f"{o.soort.replace('_', ' ')}: {o.antwoord.upper()}"]
        for g in o.gronden:
            aanname = f" [aanname: {g.aanname}]" if g.aanname else ""
            regels.append(
                f"    {'!' if g.beslissend else '-'} {weergave(g.artikel)}: {g.uitleg}{aanname}"
            )
        if o.voorwaarden:
            regels += ["Voorwaarden:"] + [f"    - {v}" for v in o.voorwaarden]
        schrijf("\n".join(regels) + "\n")
    return EXIT_NIET_GELDIG if o.antwoord == "niet toegestaan" else EXIT_OK
