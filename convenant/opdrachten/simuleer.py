"""`convenant simuleer uittreding` and `convenant simuleer liquidatie`."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from governance.begroting import Begroting
from governance.bestanden import zoek_register
from governance.datums import lang
from governance.errors import EXIT_NIET_GELDIG, EXIT_OK, GebruiksFout
from governance.geld import bedrag
from governance.models import Bezetting, Convenant, Verdeelsleutel
from rules.liquidatie import (
    Liquidatie,
    Route,
    Verschuiving,
    alle_uittredingen,
    gevoeligheid,
    liquideer,
)
from rules.oordeel import Grond
from rules.uittreding import Route as UitRoute
from rules.uittreding import Uittreding, ontbrekende_datums, simuleer

from ..presentatie import (
    alle_dict,
    liquidatie_csv,
    liquidatie_dict,
    met_deelt,
    nl_getal,
    uittreding_dict,
    verschuiving_dict,
)
from ..register import Register, controleer_partij
from ..uitvoer import (
    HOE_BEZETTING,
    als_json,
    documentformaat,
    meld_zonder_bezetting,
    schrijf,
    tabel,
)


def uittreding(
    convenant_pad: Path | None,
    bezetting_pad: Path | None,
    register: Path | None,
    partij: str,
    route: UitRoute,
    opzegging: dt.date | None,
    ingang: dt.date | None,
    ingebrekestelling: dt.date | None,
    hersteltermijn: dt.date | None,
    besluit: dt.date | None,
    json: bool,
    lezingen: tuple[str, ...] = (),
    uitvoer: Path | None = None,
    formaat: str | None = None,
    overschrijf: bool = False,
    begroting_pad: Path | None = None,
    verdeelsleutel_pad: Path | None = None,
) -> int:
    document = uitvoer is not None or formaat is not None
    if json and document:
        raise GebruiksFout("kies --json of een document (--uitvoer, --formaat), niet allebei")
    if begroting_pad is not None and not document:
        raise GebruiksFout(
            "--begroting hoort bij het document; geef ook --uitvoer PAD of --formaat, of gebruik "
            "'convenant simuleer liquidatie --route uittreding'"
        )
    # the register given, or the one of the working directory (as before): its signed
    # accessions, recorded exits, settled readings and bezetting
    map_ = zoek_register(register)
    r = Register(map_, convenant_pad=convenant_pad, bezetting_pad=bezetting_pad, lezingen=lezingen)
    c = r.convenant
    controleer_partij(c, partij)
    keuze = r.keuze_op()
    for o in ontbrekende_datums(route, opzegging, ingang):
        raise GebruiksFout(f"geef bij --route {route} {o.wat} met --{o.veld} DATUM")
    bezetting = r.bezetting()
    u = simuleer(
        c,
        bezetting,
        partij,
        route,
        opzegging,
        ingang,
        ingebrekestelling,
        hersteltermijn,
        besluit,
        keuze,
    )
    if document:  # the same as a document to send: `maak uittredingsoverzicht`'s layout
        from ..maak import opmaak, uittreding_context

        formaat = documentformaat(uitvoer, formaat)
        begroting = r.begroting(begroting_pad) if begroting_pad else None
        sleutel = r.verdeelsleutel(verdeelsleutel_pad, begroting_pad) if begroting_pad else None
        context = uittreding_context(c, bezetting, u, opzegging, sleutel, begroting, None, keuze)
        gemaakt = opmaak("uittredingsoverzicht", formaat, context, map_ or Path("."), r.huisstijl())
        schrijf(gemaakt.inhoud, uitvoer, overschrijf)
    else:
        schrijf(als_json(uittreding_dict(u)) if json else _uittreding_tekst(c, u, bezetting))
    if bezetting is None and (json or document):  # the text says it where the seats would be
        meld_zonder_bezetting("ontbreken de zetels die de Partij verliest")
    return EXIT_OK if u.geldig else EXIT_NIET_GELDIG


def _regel(g: Grond) -> str:
    return f"  - art. {g.artikel}: {g.uitleg}" + (f" [aanname: {g.aanname}]" if g.aanname else "")


def _uittreding_tekst(c: Convenant, u: Uittreding, bezetting: Bezetting | None) -> str:
    naam = c.partij[u.partij].naam
    soort = {
        "opzegtermijn": "opzegging (25.2)",
        "wijziging": "opzegging wegens een wijziging (23.3)",
        "uitsluiting": "uitsluiting (24.3, 25.3)",
    }[u.route]
    delen = [f"Uittreding van {naam}: {soort}\n"]
    if u.tijdlijn:
        rijen = [
            [lang(g.datum), g.wat, g.artikel + (f" (aanname: {g.aanname})" if g.aanname else "")]
            for g in u.tijdlijn
        ]
        delen.append("\n" + tabel(["datum", "gebeurtenis", "artikel"], rijen))
    if not u.geldig or u.ingang is None:
        delen.append(
            "\nDe uittreding gaat (nog) niet in:\n" + "".join(_regel(g) + "\n" for g in u.gronden)
        )
        return "".join(delen)
    if u.tijdens:
        delen.append(
            f"\nTot {lang(u.ingang)} blijft {naam} Partij:\n"
            + "".join(_regel(g) + "\n" for g in u.tijdens)
        )
    delen.append("\nOok daarna blijft gelden:\n" + "".join(_regel(g) + "\n" for g in u.blijft))
    delen.append("\nGevolgen:\n" + "".join(_regel(g) + "\n" for g in u.gronden))
    if u.zetels:
        rijen = [[c.orgaan[z.orgaan].naam, z.naam, z.gevolg] for z in u.zetels]
        delen.append(
            "\nZetels (bezetting op de laatste dag als Partij):\n"
            + tabel(["orgaan", "lid", "gevolg"], rijen, "  ")
        )
    elif bezetting is None:
        delen.append(
            f"\nZetels: niet getoond, want er is geen bezetting gevonden; {HOE_BEZETTING}.\n"
        )
    namen = "; ".join(c.partij[p].naam for p in u.partijen_daarna)
    delen.append(f"\nPartijen vanaf {lang(u.ingang)} ({len(u.partijen_daarna)}): {namen}.\n")
    return "".join(delen)


# --- liquidatie ---------------------------------------------------------------------------------


def liquidatie(
    convenant_pad: Path | None,
    begroting_pad: Path,
    verdeelsleutel_pad: Path | None,
    register: Path | None,
    route: Route,
    uittredend: str | None,
    uittreder_deelt: bool | None,
    zonder: tuple[str, ...],
    allemaal: bool,
    json: bool,
    csv: bool,
    lezingen: tuple[str, ...] = (),
    met_gevoeligheid: bool = False,
) -> int:
    if json and csv:
        raise GebruiksFout("kies --json of --csv, niet allebei")
    if met_gevoeligheid and (csv or allemaal):
        raise GebruiksFout(
            "--gevoeligheid gaat samen met tekst of --json, niet met --csv of --alle-uittredingen"
        )
    lezingen = met_deelt(lezingen, uittreder_deelt)
    r = Register(
        zoek_register(register, begroting_pad), convenant_pad=convenant_pad, lezingen=lezingen
    )
    c = r.convenant
    for ident in (*zonder, *([uittredend] if uittredend else [])):
        controleer_partij(c, ident, "gemeente")
    if route == "uittreding" and uittredend is None:
        raise GebruiksFout(
            "geef bij --route uittreding de uittredende gemeente met --uittredend ID"
        )
    begroting = r.begroting(begroting_pad)
    sleutel = r.verdeelsleutel(verdeelsleutel_pad, begroting_pad)
    keuze = r.keuze_op()
    if allemaal:
        tabel_ = alle_uittredingen(c, begroting, sleutel)
        schrijf(
            _alle_json(tabel_) if json else _alle_csv(tabel_) if csv else _alle_tekst(c, tabel_)
        )
        return EXIT_OK
    try:
        uitkomst, verschuivingen = (
            gevoeligheid(c, begroting, sleutel, route, zonder, uittredend, keuze=keuze)
            if met_gevoeligheid
            else (
                liquideer(c, begroting, sleutel, route, zonder, uittredend, keuze=keuze),
                None,
            )
        )
    except ValueError as e:
        raise GebruiksFout(str(e)) from None
    if json:
        data = liquidatie_dict(c, uitkomst, begroting, sleutel)
        if verschuivingen is not None:
            data["alternatieven"] = [verschuiving_dict(v) for v in verschuivingen]
        schrijf(als_json(data))
    elif csv:
        schrijf(liquidatie_csv(c, uitkomst))
    else:
        tekst = _tekst(c, uitkomst, begroting, sleutel)
        if verschuivingen is not None:
            tekst += _verschuivingen_tekst(c, verschuivingen)
        schrijf(tekst)
    return EXIT_OK


def _verschuivingen_tekst(c: Convenant, verschuivingen: list[Verschuiving]) -> str:
    if not verschuivingen:
        return "\nOnder geen andere lezing verschuift een bedrag.\n"
    delen = ["\nOnder een andere lezing verschuiven de bedragen (plus: meer te betalen):\n"]
    for v in verschuivingen:
        delen.append(f"\n  {v.aanname}={v.lezing} (art. {v.artikel}): {v.uitspraak}\n")
        rijen = [[c.partij[g].naam, _met_teken(b)] for g, b in v.gemeenten.items()]
        rijen += [[c.partij[p].naam + " (partner)", _met_teken(b)] for p, b in v.partners.items()]
        if v.vrd:
            rijen.append([c.partij["vrd"].naam + " (werkgever)", _met_teken(v.vrd)])
        delen.append(tabel(["wie", "verschil"], rijen, "    "))
    return "".join(delen)


def _met_teken(b: Decimal) -> str:
    return ("+" if b > 0 else "-") + bedrag(abs(b))


def _tekst(c: Convenant, u: Liquidatie, begroting: Begroting, sleutel: Verdeelsleutel) -> str:
    kop = f"Liquidatie, route {u.route}: {begroting.naam}{_voorbeeld(begroting.naam, begroting.voorbeeld)}, {lang(begroting.peildatum)}\n"
    delen = [kop, f"Totaal van de begroting: {bedrag(u.totaal)}\n"]
    if u.gemeenten:
        som = sum(u.gewichten.values(), Decimal(0))
        rijen = [
            [
                c.partij[g].naam,
                str(u.gewichten[g]),
                f"{u.gewichten[g] / som * 100:.2f} %".replace(".", ","),
                bedrag(b),
            ]
            for g, b in u.gemeenten.items()
        ]
        rijen.append(
            ["totaal", str(som), "100,00 %", bedrag(sum(u.gemeenten.values(), Decimal(0)))]
        )
        delen.append(
            f"\nDoor de gemeenten te dragen (25.6), naar {sleutel.naam}{_voorbeeld(sleutel.naam, sleutel.voorbeeld)}:\n"
        )
        delen.append(tabel(["gemeente", "gewicht", "aandeel", "bedrag"], rijen, "  "))
    if u.partners:
        delen.append("\nGedetacheerd personeel, bij de partner (25.7):\n")
        delen.append(
            tabel(
                ["partner", "bedrag"],
                [[c.partij[p].naam, bedrag(b)] for p, b in sorted(u.partners.items())],
                "  ",
            )
        )
    if u.eigen_kosten_vrd:
        delen.append(f"\nBij de VRD als werkgever: {bedrag(u.eigen_kosten_vrd)}\n")
    delen.append("\nGronden:\n" + "".join(_regel(g) + "\n" for g in u.gronden))
    return "".join(delen)


def _voorbeeld(naam: str, voorbeeld: bool) -> str:
    return " (voorbeeld)" if voorbeeld and "voorbeeld" not in naam.lower() else ""


def _alle_json(t: dict[str, dict[str, Decimal]]) -> str:
    return als_json(alle_dict(t))


def _alle_csv(t: dict[str, dict[str, Decimal]]) -> str:
    regels = ["uittredend;gemeente;bedrag"]
    regels += [f"{weg};{g};{nl_getal(b)}" for weg, rest in t.items() for g, b in rest.items()]
    return "\n".join(regels) + "\n"


def _alle_tekst(c: Convenant, t: dict[str, dict[str, Decimal]]) -> str:
    gemeenten = list(t)
    rijen = [
        [g, *[(bedrag(t[weg][g]) if g in t[weg] else "-") for weg in gemeenten]] for g in gemeenten
    ]
    kop = "Als één gemeente uittreedt en niet meebetaalt: de nieuwe aandelen van de andere (kolom = de uittredende gemeente).\n\n"
    return kop + tabel(["gemeente", *gemeenten], rijen)
