"""Consistency checks on a loaded convenant and its fact files.

Loading already guarantees shape, types and resolvable ids. Lint checks what only the whole
can show: cited articles exist, the index is complete, every escalation chain ends at a final
authority, the werkproces has no trap, a bezetting obeys 4.2, 4.4, 6.3a, 6.7 and 6.8.
Each `Probleem` is located in its file; `fout` makes `convenant valideer` exit 1.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

from .artikelen import ontleed
from .errors import Melding
from .loader import Bestand, Bron, Loc
from .models import Bezetting, Convenant, Index, Lid, Verdeelsleutel
from .verwijzingen import verwijzingen

Ernst = Literal["fout", "waarschuwing"]


@dataclass(frozen=True)
class Probleem:
    ernst: Ernst
    code: str
    melding: Melding

    def __str__(self) -> str:
        return f"{self.ernst}: {self.melding}"

    def als_dict(self) -> dict[str, object]:
        return {"ernst": self.ernst, "code": self.code, **self.melding.als_dict()}


class _Verzamelaar:
    def __init__(self, bron: Bron) -> None:
        self.bron = bron
        self.problemen: list[Probleem] = []

    def fout(
        self, code: str, loc: Loc, tekst: str, herstel: str = "", op_sleutel: bool = False
    ) -> None:
        self.problemen.append(
            Probleem("fout", code, self.bron.melding(loc, tekst, herstel, op_sleutel=op_sleutel))
        )

    def waarschuwing(self, code: str, loc: Loc, tekst: str, herstel: str = "") -> None:
        self.problemen.append(
            Probleem("waarschuwing", code, self.bron.melding(loc, tekst, herstel))
        )


# --- convenant ----------------------------------------------------------------------------------


def lint_convenant(bestand: Bestand[Convenant]) -> list[Probleem]:
    c, v = bestand.model, _Verzamelaar(bestand.bron)
    _index_volledig(c.index, v)
    _artikelen_bestaan(c, v)
    _aannames_hebben_tekst(c, v)
    _escalatie(c, v)
    _soorten(c, v)
    _werkproces(c, v)
    _criteria(c, v)
    _lezingen(c, v)
    return v.problemen


def _reeks(nummers: list[int]) -> tuple[list[int], list[int]]:
    """Missing and doubled numbers in what should be 1..n."""
    telling = Counter(nummers)
    hoogste = max(nummers, default=0)
    return [n for n in range(1, hoogste + 1) if n not in telling], [
        n for n, k in telling.items() if k > 1
    ]


def _index_volledig(index: Index, v: _Verzamelaar) -> None:
    for soort, lijst in (("artikel", index.artikelen), ("bijlage", index.bijlagen)):
        veld = "artikelen" if soort == "artikel" else "bijlagen"
        ontbrekend, dubbel = _reeks([x.nummer for x in lijst])
        for n in ontbrekend:
            v.fout(
                "index-onvolledig",
                ("index", veld),
                f"{soort} {n} ontbreekt in de index",
                f"voeg {soort} {n} met zijn titel toe",
            )
        for n in dubbel:
            i = [x.nummer for x in lijst].index(n, [x.nummer for x in lijst].index(n) + 1)
            v.fout(
                "index-dubbel",
                ("index", veld, i, "nummer"),
                f"{soort} {n} staat twee keer in de index",
                "verwijder de dubbele regel",
            )
    for i, artikel in enumerate(index.artikelen):
        for lid, reeks in artikel.onderdelen.items():
            bestaat = lid == str(artikel.nummer) and artikel.leden == 0
            if "." in lid:
                kop, _, staart = lid.partition(".")
                bestaat = (
                    kop == str(artikel.nummer)
                    and staart.isdigit()
                    and 1 <= int(staart) <= artikel.leden
                )
            if not bestaat:
                v.fout(
                    "index-onderdelen",
                    ("index", "artikelen", i, "onderdelen", lid),
                    f"onderdelen bij '{lid}', dat geen lid van artikel {artikel.nummer} is",
                    f"gebruik '{artikel.nummer}.N' met N van 1 tot {artikel.leden}"
                    if artikel.leden
                    else f"gebruik '{artikel.nummer}'",
                )
            elif reeks[0] > reeks[2]:
                v.fout(
                    "index-onderdelen",
                    ("index", "artikelen", i, "onderdelen", lid),
                    f"de reeks '{reeks}' loopt achteruit",
                    "schrijf bijv. 'a-d'",
                )


def artikel_bestaat(index: Index, verwijzing: str) -> str | None:
    """None if the reference exists in the index, otherwise why not (Dutch)."""
    ref = ontleed(verwijzing)
    if ref.sectie is not None:
        return (
            None
            if ref.sectie in index.secties
            else f"de sectie '{ref.sectie}' staat niet in de index"
        )
    if ref.bijlage is not None:
        return (
            None
            if any(b.nummer == ref.bijlage for b in index.bijlagen)
            else f"Bijlage {ref.bijlage} bestaat niet"
        )
    if ref.voetnoot is not None:
        return None if ref.voetnoot in index.voetnoten else f"voetnoot {ref.voetnoot} bestaat niet"
    artikel = next((a for a in index.artikelen if a.nummer == ref.artikel), None)
    if artikel is None:
        return f"artikel {ref.artikel} bestaat niet"
    if ref.lid is not None and not 1 <= ref.lid <= artikel.leden:
        if artikel.leden == 0:
            return f"artikel {ref.artikel} heeft geen genummerde leden"
        return f"artikel {ref.artikel} heeft geen lid {ref.lid} (het loopt tot {ref.artikel}.{artikel.leden})"
    if ref.onderdeel is not None:
        sleutel = f"{ref.artikel}.{ref.lid}" if ref.lid is not None else str(ref.artikel)
        reeks = artikel.onderdelen.get(sleutel)
        if reeks is None:
            return f"{sleutel} heeft geen onderdelen met letters"
        if not reeks[0] <= ref.onderdeel <= reeks[2]:
            return f"{sleutel} heeft onderdelen {reeks}, geen '{ref.onderdeel}'"
    return None


def _artikelen_bestaan(c: Convenant, v: _Verzamelaar) -> None:
    for loc, soort, waarde, _ in verwijzingen(c):
        if soort != "artikel":
            continue
        reden = artikel_bestaat(c.index, waarde)
        if reden:
            v.fout(
                "artikel-onbekend",
                loc,
                f"verwijst naar '{waarde}', maar {reden}",
                "verwijs naar een artikel, lid of bijlage uit de index",
            )


def _aannames_hebben_tekst(c: Convenant, v: _Verzamelaar) -> None:
    for loc, soort, waarde, _ in verwijzingen(c):
        if soort == "bevinding" and c.bevinding[waarde].aanname is None:
            v.fout(
                "aanname-zonder-tekst",
                loc,
                f"verwijst naar bevinding '{waarde}' als aanname, maar die bevinding formuleert geen aanname",
                f"vul 'aanname:' in bij bevinding '{waarde}'",
            )


def _lezingen(c: Convenant, v: _Verzamelaar) -> None:
    """Data a reading carries must be where the rules read it, or the reading changes nothing."""
    for i, b in enumerate(c.bevindingen):
        for j, lezing in enumerate(b.lezingen):
            for soort in lezing.bevoegd:
                if c.soort[soort].aanname != b.id:
                    v.fout(
                        "lezing-niet-gelezen",
                        ("bevindingen", i, "lezingen", j, "bevoegd", soort),
                        f"lezing '{lezing.id}' zegt wie bevoegd is voor '{soort}', maar die soort "
                        f"rust niet op aanname '{b.id}'; de regels lezen dit daar niet",
                        f"zet 'aanname: {b.id}' bij soort '{soort}', of haal '{soort}' hier weg",
                        op_sleutel=True,
                    )
            if lezing.regel is not None and c.complexe_casuistiek.aanname != b.id:
                v.fout(
                    "lezing-niet-gelezen",
                    ("bevindingen", i, "lezingen", j, "regel"),
                    f"lezing '{lezing.id}' geeft een regel voor Bijlage 2, maar de criteria rusten "
                    f"niet op aanname '{b.id}'",
                    "zet de regel bij de lezing van de aanname van 'complexe_casuistiek'",
                    op_sleutel=True,
                )


def gebruik_van_bevindingen(c: Convenant, bron: Bron) -> dict[str, list[str]]:
    """For each bevinding, the paths of the rules that rest on it."""
    gebruik: dict[str, list[str]] = {b.id: [] for b in c.bevindingen}
    for loc, soort, waarde, _ in verwijzingen(c):
        if soort == "bevinding" and loc[-1] != "id":
            gebruik[waarde].append(bron.zoek(loc[:-1])[2])
    return gebruik


def _escalatie(c: Convenant, v: _Verzamelaar) -> None:
    from . import graaf  # networkx only when the graph is checked

    g = graaf.bouw(c)
    kring = graaf.cyclus(g)
    if kring:
        namen = " → ".join([c.escalatie[i].van for i in kring] + [c.escalatie[kring[0]].van])
        v.fout(
            "escalatie-kring",
            ("escalatie", kring[-1]),
            f"de escalatie loopt in een kring: {namen}",
            "een keten moet eindigen bij een eindgezag; verwijder of verleg een schakel",
        )
        return
    for dood in graaf.doodlopend(g):
        v.fout(
            "escalatie-doodlopend",
            ("escalatie", dood.via, "naar"),
            f"de escalatieketen eindigt bij '{dood.knoop}', dat geen eindgezag is",
            f"geef '{dood.knoop}' een verdere escalatie of markeer een orgaan als 'eindgezag: true'",
        )
    for i, orgaan in enumerate(c.organen):
        uitgaand = [e for e in c.escalatie if e.van == orgaan.id]
        if orgaan.eindgezag and uitgaand:
            v.fout(
                "eindgezag-escaleert",
                ("organen", i, "eindgezag"),
                f"'{orgaan.id}' is eindgezag maar escaleert toch verder",
                "verwijder de escalatie of 'eindgezag'",
            )
        besluit = orgaan.besluitregel is not None
        impasse = any(e.aanleiding == "impasse" for e in uitgaand)
        if besluit and not (orgaan.eindgezag or impasse or orgaan.geen_escalatie):
            v.fout(
                "impasse-zonder-uitweg",
                ("organen", i, "besluitregel"),
                f"'{orgaan.id}' besluit, maar er is geen weg als het niet tot een besluit komt",
                "voeg een escalatie met 'aanleiding: impasse' toe, of 'geen_escalatie' met de aanname",
            )
        if impasse and orgaan.geen_escalatie:
            v.fout(
                "impasse-tegenstrijdig",
                ("organen", i, "geen_escalatie"),
                f"'{orgaan.id}' heeft zowel een impasse-escalatie als 'geen_escalatie'",
                "kies één van beide",
            )


def _soorten(c: Convenant, v: _Verzamelaar) -> None:
    for i, soort in enumerate(c.soorten):
        if not soort.bevoegd and soort.voorbehouden_aan is None:
            v.fout(
                "soort-zonder-orgaan",
                ("soorten", i),
                f"geen orgaan mag '{soort.id}' besluiten",
                "vul 'bevoegd' of 'voorbehouden_aan' in",
            )
        if soort.categorie != "casuistiek":
            continue
        for j, orgaan_id in enumerate(soort.bevoegd):
            orgaan = c.orgaan[orgaan_id]
            verbod = next(
                (o for o in orgaan.verboden_onderwerpen if o.onderwerp == "casuistiek"), None
            )
            if verbod:
                v.fout(
                    "casuistiek-verboden",
                    ("soorten", i, "bevoegd", j),
                    f"'{soort.id}' is casuïstiek, maar in '{orgaan_id}' wordt geen casuïstiek besproken ({', '.join(verbod.artikelen)})",
                    "maak een ander orgaan bevoegd",
                )


def _werkproces(c: Convenant, v: _Verzamelaar) -> None:
    wp = c.werkproces
    volgende = {f.id: {u.naar for u in f.uitkomsten if u.naar} for f in wp.fasen}
    eindigt = {f.id for f in wp.fasen if any(u.einde for u in f.uitkomsten)}
    bereikbaar, rand = {wp.begin}, [wp.begin]
    while rand:
        for n in volgende[rand.pop()]:
            if n not in bereikbaar:
                bereikbaar.add(n)
                rand.append(n)
    kan_eindigen = set(eindigt)
    veranderd = True
    while veranderd:
        veranderd = False
        for fase_id, naar in volgende.items():
            if fase_id not in kan_eindigen and naar & kan_eindigen:
                kan_eindigen.add(fase_id)
                veranderd = True
    for i, fase in enumerate(wp.fasen):
        if not fase.uitkomsten:
            v.fout(
                "fase-zonder-uitkomst",
                ("werkproces", "fasen", i),
                f"fase '{fase.id}' heeft geen uitkomsten",
                "geef de fase ten minste één uitkomst",
            )
        elif fase.id not in kan_eindigen:
            v.fout(
                "fase-zonder-einde",
                ("werkproces", "fasen", i),
                f"vanuit fase '{fase.id}' kan een casus nooit afgesloten worden",
                "geef een uitkomst met 'einde'",
            )
        if fase.id not in bereikbaar:
            v.waarschuwing(
                "fase-onbereikbaar",
                ("werkproces", "fasen", i),
                f"fase '{fase.id}' is vanaf '{wp.begin}' niet te bereiken",
                "laat een uitkomst naar deze fase leiden",
            )


def _criteria(c: Convenant, v: _Verzamelaar) -> None:
    gebruikt = {
        waarde
        for _, soort, waarde, _ in verwijzingen(c.complexe_casuistiek)
        if soort == "criterium"
    }
    for i, criterium in enumerate(c.complexe_casuistiek.criteria):
        if criterium.id not in gebruikt:
            v.waarschuwing(
                "criterium-ongebruikt",
                ("complexe_casuistiek", "criteria", i),
                f"criterium '{criterium.id}' komt in de regel niet voor",
                "neem het op in 'regel'",
            )


# --- bezetting ----------------------------------------------------------------------------------


def lint_bezetting(bestand: Bestand[Bezetting], c: Convenant) -> list[Probleem]:
    b, v = bestand.model, _Verzamelaar(bestand.bron)
    perioden = sorted(enumerate(b.perioden), key=lambda x: x[1].vanaf)
    for (_, eerder), (j, later) in pairwise(perioden):
        if eerder.tot is None or eerder.tot > later.vanaf:
            v.fout(
                "bezetting-overlap",
                ("perioden", j, "vanaf"),
                f"de periode vanaf {later.vanaf} overlapt met die vanaf {eerder.vanaf}",
                "laat 'tot' van de eerdere periode niet na 'vanaf' van de latere liggen",
            )
    for p, periode in enumerate(b.perioden):
        for orgaan_id, bezetting in periode.organen.items():
            _orgaanbezetting(
                c,
                v,
                (("perioden", p, "organen", orgaan_id)),
                orgaan_id,
                bezetting.leden,
                periode.vanaf,
                periode.tot,
            )
    return v.problemen


def _orgaanbezetting(
    c: Convenant,
    v: _Verzamelaar,
    loc: Loc,
    orgaan_id: str,
    leden: list[Lid],
    vanaf: dt.date,
    tot: dt.date | None = None,
) -> None:
    orgaan = c.orgaan[orgaan_id]
    if not orgaan.heeft_bezetting:
        v.fout(
            "geen-vaste-bezetting",
            loc,
            f"'{orgaan_id}' heeft geen vaste bezetting",
            "laat dit orgaan weg uit de bezetting",
            op_sleutel=True,
        )
        return
    rollen_toegestaan = {s.rol for s in orgaan.samenstelling if s.rol}
    rollen_toegestaan |= {f.rol for f in (orgaan.voorzitter, orgaan.secretaris) if f and f.rol}
    gezamenlijk = (
        orgaan.vertegenwoordiging is not None and orgaan.vertegenwoordiging.gezamenlijk_toegestaan
    )
    vertegenwoordigd: dict[str, str] = {}
    for i, lid in enumerate(leden):
        plek = (*loc, "leden", i)
        if lid.partij is None and lid.rol is None:
            v.fout(
                "lid-zonder-partij",
                plek,
                f"lid '{lid.id}' heeft geen partij en geen rol",
                "vul 'partij' (afgevaardigde) of 'rol' (bijv. manager) in",
            )
        if lid.rol and lid.rol not in rollen_toegestaan:
            v.waarschuwing(
                "rol-niet-in-samenstelling",
                (*plek, "rol"),
                f"de rol '{lid.rol}' hoort volgens het convenant niet bij '{orgaan_id}'",
                f"gebruik een rol die bij '{orgaan_id}' hoort: {', '.join(sorted(rollen_toegestaan)) or 'geen'}",
            )
        for partij_id in lid.vertegenwoordigt:
            partij = c.partij[partij_id]
            if not partij.is_partij:
                v.fout(
                    "geen-partij",
                    (*plek, "partij"),
                    f"'{partij_id}' is geen Partij en kan geen zetel hebben (aanname vrd_geen_partij)",
                    "laat dit lid weg",
                )
            elif not partij.in_kracht_op(vanaf):
                v.fout(
                    "partij-niet-in-kracht",
                    (*plek, "partij"),
                    f"'{partij_id}' is op {vanaf} geen Partij",
                    f"laat de periode beginnen op of na de toetreding, of haal '{partij_id}' weg; "
                    f"'convenant partijen --op {vanaf}' toont wie toen Partij was",
                )
            elif partij.uitgetreden_op is not None and (tot is None or partij.uitgetreden_op < tot):
                # From that day the member no longer sits or votes for her (25.2); say so here,
                # not only when a meeting after that day is judged.
                v.waarschuwing(
                    "partij-treedt-uit-in-periode",
                    (*plek, "partij"),
                    f"'{partij_id}' treedt op {partij.uitgetreden_op} uit (25.2); vanaf dan zit '{lid.id}' hier niet meer namens haar",
                    f"laat een nieuwe periode beginnen op {partij.uitgetreden_op} zonder '{partij_id}'",
                )
            if partij_id in vertegenwoordigd:
                v.fout(
                    "partij-dubbel",
                    plek,
                    f"'{partij_id}' is al vertegenwoordigd door '{vertegenwoordigd[partij_id]}' (één afgevaardigde per Partij, 6.3a)",
                    "laat de Partij door één lid vertegenwoordigen",
                )
            vertegenwoordigd.setdefault(partij_id, lid.id)
        if lid.namens:
            _mandaat(c, v, plek, orgaan_id, gezamenlijk, lid.partij, lid.namens)
    functies = Counter(lid.functie for lid in leden)
    for functie in ("voorzitter", "secretaris"):
        if functies[functie] > 1:
            v.fout(
                f"{functie}-dubbel",
                loc,
                f"'{orgaan_id}' heeft {functies[functie]} leden met functie {functie}",
                f"wijs één {functie} aan",
            )
    if orgaan_id == "stuurgroep":
        _stuurgroep(c, v, loc, leden)


def _mandaat(
    c: Convenant,
    v: _Verzamelaar,
    plek: Loc,
    orgaan_id: str,
    gezamenlijk: bool,
    partij: str | None,
    namens: list[str],
) -> None:
    if not gezamenlijk:
        v.fout(
            "mandaat-niet-toegestaan",
            (*plek, "namens"),
            f"in '{orgaan_id}' is gezamenlijke vertegenwoordiging niet geregeld (alleen in het Partneroverleg, 6.7, 6.8)",
            "geef elke Partij een eigen lid",
        )
        return
    soorten = {c.partij[p].soort for p in namens}
    if len(soorten) > 1:
        v.fout(
            "mandaat-gemengd",
            (*plek, "namens"),
            "één afgevaardigde vertegenwoordigt hier gemeenten én andere organisaties; 6.7 en 6.8 staan alleen gemeenten samen, of organisaties met dezelfde bevoegdheid, toe",
            "splits de vertegenwoordiging",
        )
    elif soorten == {"ketenpartner"} and not set.intersection(
        *(set(c.partij[p].bevoegdheden) for p in namens)
    ):
        # 6.8: only organisations with the same bevoegdheid; the fields are data in
        # convenant.yaml (aanname dezelfde_bevoegdheid), so a jurist can check and change them.
        wat = "; ".join(
            f"{c.partij[p].naam} ({', '.join(c.partij[p].bevoegdheden) or 'geen bevoegdheid vastgelegd'})"
            for p in namens
        )
        v.fout(
            "mandaat-andere-bevoegdheid",
            (*plek, "namens"),
            f"één afgevaardigde vertegenwoordigt hier organisaties zonder gedeelde bevoegdheid: {wat}; 6.8 staat dat alleen toe voor organisaties met dezelfde bevoegdheid (aanname dezelfde_bevoegdheid)",
            "geef elke organisatie een eigen afgevaardigde, of leg de gedeelde bevoegdheid vast onder 'bevoegdheden' in convenant.yaml",
        )
    if partij is not None and partij not in namens:
        v.waarschuwing(
            "mandaat-eigen-partij",
            (*plek, "namens"),
            f"de afgevaardigde is van '{partij}', maar die staat niet in 'namens'",
            f"voeg '{partij}' toe aan 'namens'",
        )


def _stuurgroep(c: Convenant, v: _Verzamelaar, loc: Loc, leden: list[Lid]) -> None:
    gemeenten = [lid for lid in leden if lid.partij and c.partij[lid.partij].soort == "gemeente"]
    if not gemeenten:
        v.fout(
            "stuurgroep-zonder-gemeente",
            loc,
            "de Stuurgroep heeft geen gemeentelijke vertegenwoordiger (4.4)",
            "voeg ten minste één gemeente toe",
        )
    voorzitters = [(i, lid) for i, lid in enumerate(leden) if lid.functie == "voorzitter"]
    if not voorzitters:
        v.waarschuwing(
            "stuurgroep-zonder-voorzitter",
            loc,
            "de Stuurgroep heeft geen voorzitter (4.2)",
            "geef één gemeentelijk lid 'functie: voorzitter'",
        )
    for i, lid in voorzitters:
        if not lid.partij or c.partij[lid.partij].soort != "gemeente":
            v.fout(
                "voorzitter-niet-gemeentelijk",
                (*loc, "leden", i, "functie"),
                f"de voorzitter '{lid.id}' komt niet uit de gemeentelijke vertegenwoordiging (4.2)",
                "maak een gemeentelijk lid voorzitter",
            )
    for i, lid in enumerate(leden):
        if lid.functie == "secretaris" and lid.rol != "manager":
            v.waarschuwing(
                "secretaris-niet-manager",
                (*loc, "leden", i, "rol"),
                "de secretaris van de Stuurgroep is de Manager (4.9, 5.3; aanname secretaris_is_manager)",
                "geef de secretaris 'rol: manager'",
            )


# --- verdeelsleutel -----------------------------------------------------------------------------


def lint_verdeelsleutel(bestand: Bestand[Verdeelsleutel], c: Convenant) -> list[Probleem]:
    sleutel, v = bestand.model, _Verzamelaar(bestand.bron)
    gezien: set[str] = set()
    for i, aandeel in enumerate(sleutel.aandelen):
        if c.partij[aandeel.gemeente].soort != "gemeente":
            v.fout(
                "aandeel-geen-gemeente",
                ("aandelen", i, "gemeente"),
                f"'{aandeel.gemeente}' is geen gemeente; alleen gemeenten dragen bij volgens de verdeelsleutel (20.3)",
                "laat deze regel weg",
            )
        if aandeel.gemeente in gezien:
            v.fout(
                "aandeel-dubbel",
                ("aandelen", i, "gemeente"),
                f"'{aandeel.gemeente}' staat twee keer in de verdeelsleutel",
                "houd één regel per gemeente",
            )
        gezien.add(aandeel.gemeente)
    for p in c.partijen:
        if p.soort == "gemeente" and p.uitgetreden_op is None and p.id not in gezien:
            v.fout(
                "aandeel-ontbreekt",
                ("aandelen",),
                f"gemeente '{p.id}' ontbreekt in de verdeelsleutel",
                f"voeg '- {{gemeente: {p.id}, gewicht: …}}' toe",
                op_sleutel=True,
            )
    return v.problemen


def gesorteerd(problemen: list[Probleem]) -> list[Probleem]:
    """Errors before warnings, each in file and line order: the order to fix them in."""
    return sorted(
        problemen, key=lambda p: (p.ernst != "fout", p.melding.bestand, p.melding.regel or 0)
    )
