"""Is this besluit validly taken? Pure functions from a checked meeting to verdicts with grounds.

Every rule yields grounds (`Grond`) in the order it is evaluated; a ground with an `effect`
blocks the vote's result. The verdict is the most severe effect found, or else the vote:
ongeldig > escaleren > aangehouden > aangenomen / verworpen / escaleren on a tie. Rules that
only matter once a decision is adopted (the colleges' decisions, consequences, 22.4 consent)
are evaluated after the vote and only apply when it adopts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from fractions import Fraction
from typing import NamedTuple

from governance.datums import lang, plus_termijn
from governance.models import Convenant, Escalatie, Lezing, Orgaan, Soort, Vereiste
from governance.vergadering import ALLE, Besluit
from governance.zetels import Keuze, Stemming, Vergaderbeeld, buiten

from .lezingen import STANDAARD, Lezer, Lezingkeuze, markeer
from .oordeel import (
    Alternatief,
    Effect,
    Grond,
    Oordeel,
    OordeelSoort,
    Telling,
    art,
    noem_addenda,
)

_ERNST: dict[Effect, int] = {None: 0, "aangehouden": 1, "escaleren": 2, "ongeldig": 3}

# The convenant attaches no sanction to a missed 5.2 or a public meeting (5.10, 7.4): a reading.
_ZONDER_SANCTIE = "procedurefout_zonder_sanctie"
# The text counts twelve colleges; how many count after a gemeente has left is an aanname.
_TWAALF_COLLEGES = "twaalf_colleges"
# No majority decides about a party's controllership under the AVG (6.7, 6.8): a reading.
_AVG = "avg_ieder_voor_zich"
# Who is invited to the Casusoverleg (9.2, 12.2e) does not decide whether its agreements hold.
_UITNODIGING = "uitnodiging_zonder_sanctie"
# A late 22.3 notice: no nullity in the text (a reading, like 5.2/5.10).
_KENNISGEVING = "kennisgeving_zonder_sanctie"
# 22.4 against 23.3: a veto of each Partij, or a consultation.
_AKKOORD = "akkoord_of_raadpleging"
# How the twelve colleges decide what 5.7 puts to them.
_COLLEGES_57 = "besluit_twaalf_gemeenten"
_OPHEFFING = "opheffing_wie_besluit"
# 6.3a against 6.7/6.8: one vote per represented Partij, or one per delegate.
_STEMGEWICHT = "stemgewicht_gezamenlijke_afgevaardigde"

# Requirements that are computed from the besluit's facts rather than confirmed by hand.
_BEREKEND = {
    ("toetreding", "partijen_vooraf_geinformeerd"),
    ("toetreding", "akkoord_alle_partijen"),
    ("wijziging", "schriftelijk_bevestigd"),
    ("wijziging", "geen_voorbehouden_onderwerp"),
    ("jaarplan", "besluit_colleges_bij_bijdragen"),
    ("uitsluiting", "ingebrekestelling"),
    ("uitsluiting", "termijn_verstreken"),
    ("uitsluiting", "besluit_colleges"),
    ("opheffing", "voordracht_stuurgroep"),
    ("opheffing", "gelijkluidend_besluit"),
}


def hoofd(tekst: str) -> str:
    """Capitalise the first letter, for a name at the start of a sentence."""
    return tekst[:1].upper() + tekst[1:]


class _Vergadergronden(NamedTuple):
    """The grounds that depend on the meeting alone, the same for each of its besluiten."""

    vooraf: tuple[Grond, ...]  # openness, invitation, quorum: checked before anything else
    inbreng: tuple[Grond, ...]  # input asked beforehand, checked after competence
    geraadpleegd: tuple[tuple[str, str], ...] = ()  # contested readings these rules consulted
    opgelost: dict[str, Lezing] | None = None  # the reading in force per aanname, worked out once


def _vergadergronden(b: Vergaderbeeld, keuze: Lezingkeuze) -> _Vergadergronden:
    lees = Lezer(b.convenant, keuze)
    vooraf = (*_openbaarheid(b, lees), *_vertrokken(b), *_uitnodiging(b, lees), *_quorum(b))
    inbreng = tuple(_inbreng_vooraf(b, lees))
    return _Vergadergronden(vooraf, inbreng, tuple(lees.geraadpleegd.items()), lees.opgelost)


def toets(b: Vergaderbeeld, keuze: Lezingkeuze = STANDAARD) -> list[Oordeel]:
    """Judge every besluit of a meeting under the chosen readings (default: the defaults)."""
    vergadering = _vergadergronden(b, keuze)  # once per meeting, not once per besluit
    return [_toets(b, besluit, vergadering, keuze) for besluit in b.vergadering.besluiten]


def toets_besluit(b: Vergaderbeeld, besluit: Besluit, keuze: Lezingkeuze = STANDAARD) -> Oordeel:
    return _toets(b, besluit, _vergadergronden(b, keuze), keuze)


def gevoeligheid(b: Vergaderbeeld, keuze: Lezingkeuze = STANDAARD) -> list[Oordeel]:
    """Every verdict, with the verdicts it would get under each other reading it turned on.

    A besluit is judged once more per alternative of each reading its rules consulted, one
    reading changed at a time: not over all combinations, and not for readings it never read.
    """
    # Only the chosen readings vary here, so they identify the meeting's grounds.
    cache: dict[tuple[tuple[str, str], ...], _Vergadergronden] = {}

    def vergadering(k: Lezingkeuze) -> _Vergadergronden:
        sleutel = tuple(sorted(k.gekozen.items()))
        if sleutel not in cache:
            cache[sleutel] = _vergadergronden(b, k)
        return cache[sleutel]

    uit: list[Oordeel] = []
    for besluit in b.vergadering.besluiten:
        oordeel = _toets(b, besluit, vergadering(keuze), keuze)
        alternatieven: list[Alternatief] = []
        for aanname, huidig in oordeel.lezingen:
            for lezing in b.convenant.betwist[aanname].lezingen:
                if lezing.id == huidig:
                    continue
                anders = keuze.met(aanname, lezing.id)
                ander = _toets(b, besluit, vergadering(anders), anders)
                if (ander.oordeel, ander.escaleren_naar) != (
                    oordeel.oordeel,
                    oordeel.escaleren_naar,
                ):
                    alternatieven.append(
                        Alternatief(
                            aanname,
                            lezing.id,
                            ander.oordeel,
                            ander.escaleren_naar,
                            art(lezing.artikelen),
                            lezing.uitspraak,
                        )
                    )
        uit.append(oordeel._replace(alternatieven=tuple(alternatieven)))
    return uit


def _toets(
    b: Vergaderbeeld, besluit: Besluit, vergadering: _Vergadergronden, keuze: Lezingkeuze
) -> Oordeel:
    c, orgaan = b.convenant, b.orgaan
    lees = Lezer(c, keuze, vergadering.opgelost)
    lees.geraadpleegd.update(vergadering.geraadpleegd)
    soort = c.soort[besluit.soort]
    gronden: list[Grond] = []
    gronden += vergadering.vooraf
    gronden += _casuistiek(orgaan, soort, besluit)
    bevoegd, naar = _bevoegdheid(c, orgaan, soort, besluit, lees)
    gronden += bevoegd
    gronden += vergadering.inbreng
    gronden += _afwezigen(b, besluit)
    gronden += _vereisten_vooraf(b, soort, besluit)
    bij_aanname = _bijzondere_regels(b, soort, besluit, lees)
    gronden += bij_aanname.altijd
    if naar is None:
        naar = bij_aanname.escaleren_naar

    uitslag, telling, stemgronden, impasse_naar = _uitslag(b, besluit, lees)
    gronden += stemgronden
    stemuitslag = len(gronden) - 1  # the ground that states the vote's result

    ernstigste = max((g.effect for g in gronden), key=_ERNST.__getitem__, default=None)
    oordeel: OordeelSoort
    if ernstigste is not None:
        oordeel = ernstigste
        naar = naar if oordeel == "escaleren" else None
    else:
        oordeel, naar = uitslag, impasse_naar
        if uitslag == "aangenomen":
            gronden += bij_aanname.na_aanname
            na = max(
                (g.effect for g in bij_aanname.na_aanname), key=_ERNST.__getitem__, default=None
            )
            if bij_aanname.afgewezen:
                oordeel = "verworpen"
            elif na is not None:
                oordeel = na
                naar = bij_aanname.escaleren_naar if na == "escaleren" else None
            if oordeel == "aangenomen":
                gronden += _gevolgen(b, soort)
    if (
        oordeel == "escaleren"
        and naar == "colleges"
        and besluit.colleges is not None
        and soort.id not in ("uitsluiting", "opheffing")
        and not (soort.id == "jaarplan" and besluit.wijzigt_gemeentelijke_bijdragen)
    ):
        oordeel, extra = _na_escalatie(b, besluit, lees)
        gronden += extra
        naar = naar if oordeel == "escaleren" else None
        stemuitslag = len(gronden) - 1
    return Oordeel(
        id=besluit.id,
        onderwerp=besluit.onderwerp,
        soort=besluit.soort,
        oordeel=oordeel,
        gronden=_markeer(
            list(noem_addenda(c.addenda, markeer(c, keuze, gronden, lees.opgelost))),
            oordeel,
            stemuitslag,
        ),
        escaleren_naar=naar,
        stemmen=telling,
        bezwaren=b.bezwaren.get(besluit.id, ()),
        lezingen=tuple(lees.geraadpleegd.items()),
        bindt=gebonden(b, besluit, lees) if oordeel in ("aangenomen", "verworpen") else None,
    )


def _markeer(gronden: list[Grond], oordeel: OordeelSoort, stemuitslag: int) -> tuple[Grond, ...]:
    """Mark the ground(s) that decided the verdict: those whose effect it is, else the vote."""
    if any(g.beslissend for g in gronden):
        return tuple(gronden)
    if any(g.effect == oordeel for g in gronden):
        return tuple(g._replace(beslissend=True) if g.effect == oordeel else g for g in gronden)
    # Only the vote's ground changes; the others keep beslissend=False (no needless copies).
    if 0 <= stemuitslag < len(gronden):
        gronden[stemuitslag] = gronden[stemuitslag]._replace(beslissend=True)
    return tuple(gronden)


# --- the meeting ----------------------------------------------------------------------------------


def _sanctie(lees: Lezer, wat: str) -> tuple[str, Effect]:
    """What a missed 5.2 or a public meeting does to the besluit: a reading, not the text."""
    if lees(_ZONDER_SANCTIE) == "ongeldig":
        return "Wat er besloten is, is daardoor niet geldig genomen.", "ongeldig"
    return (
        f"Het convenant verbindt daar geen nietigheid aan; het besluit wordt aangehouden tot {wat}.",
        "aangehouden",
    )


def _openbaarheid(b: Vergaderbeeld, lees: Lezer) -> list[Grond]:
    regel = b.orgaan.openbaarheid
    if regel is None or regel.openbaar:
        return []
    if b.vergadering.openbaar:
        gevolg, effect = _sanctie(lees, "het in een besloten vergadering opnieuw is genomen")
        return [
            Grond(
                art(regel.artikelen),
                f"De vergaderingen van {b.orgaan.de_naam} zijn niet openbaar, maar deze vergadering was openbaar. {gevolg}",
                _ZONDER_SANCTIE,
                effect,
            )
        ]
    return [
        Grond(
            art(regel.artikelen),
            f"De vergadering was niet openbaar, zoals voor {b.orgaan.de_naam} is voorgeschreven."
            if regel.aanname is None
            # the jaarvergadering: the convenant does not regulate it; a reading applies 7.4
            else f"De vergadering was niet openbaar, zoals het convenant volgens de gevolgde "
            f"lezing ook voor {b.orgaan.de_naam} bedoelt.",
            regel.aanname,
        )
    ]


def _vertrokken(b: Vergaderbeeld) -> list[Grond]:
    """Seats of the bezetting that no longer (or not yet) speak for a party on this date."""
    gronden: list[Grond] = []
    c, datum = b.convenant, b.vergadering.datum
    for zetel_id, partijen in sorted(b.vertrokken.items()):
        for p in partijen:
            reden = buiten(c.partij[p], datum)
            if zetel_id in b.zetels:
                tekst = f"{b.zetels[zetel_id].naam} stemt niet meer namens {c.partij[p].naam}: die {reden.zin()}."
            else:
                tekst = f"Niet meegeteld: {zetel_id}, want {c.partij[p].naam} {reden.zin()} en heeft op {lang(datum)} geen zetel in {b.orgaan.de_naam}."
            gronden.append(Grond(reden.artikel, tekst))
    return gronden


def _zonder_uitnodiging(lees: Lezer, tekst: str, aanname: str | None) -> Grond:
    """An invitation the convenant regulates without attaching nullity (9.2, 12.2e): a reading."""
    if aanname is None and lees(_UITNODIGING) != "ongeldig":
        return Grond(
            "9.2, 12.2e",
            f"{tekst} Het convenant verbindt daar geen nietigheid aan: de afspraak blijft gelden. Ga na of informatie met wie er zonder uitnodiging bij was rechtmatig is gedeeld (9.8, 16).",
            _UITNODIGING,
        )
    return Grond("9.2, 12.2e", tekst, aanname or _UITNODIGING, "ongeldig")


def _uitnodiging(b: Vergaderbeeld, lees: Lezer) -> list[Grond]:
    regel = b.orgaan.uitnodiging
    if regel is None:
        return []
    c, v, artikel = b.convenant, b.vergadering, art(regel.artikelen)
    door = f" door de {c.rol[regel.door].naam.lower()}" if regel.door else ""
    gronden: list[Grond] = []
    if regel.alle_partijen:
        alle = {p.id for p in c.partijen_op(v.datum) if p.is_partij}
        ontbreekt = sorted(alle - set(v.uitgenodigd)) if ALLE not in v.uitgenodigd else []
        if ontbreekt:
            gronden.append(
                Grond(
                    artikel,
                    f"Voor deze vergadering worden alle Partijen uitgenodigd; niet uitgenodigd: {_namen(c, ontbreekt)}.",
                    regel.aanname,
                    "ongeldig",
                )
            )
        else:
            gronden.append(
                Grond(artikel, f"Alle {len(alle)} Partijen zijn uitgenodigd.", regel.aanname)
            )
    if regel.alleen_uitgenodigden:
        if not v.uitgenodigd:
            gronden.append(
                _zonder_uitnodiging(
                    lees,
                    f"Niet vastgelegd welke Partijen{door} zijn uitgenodigd; alleen zij mogen deelnemen. Leg ze vast onder 'uitgenodigd'.",
                    regel.aanname,
                )
            )
        elif ongenood := sorted(b.aanwezige_partijen() - set(v.uitgenodigd)):
            gronden.append(
                _zonder_uitnodiging(
                    lees,
                    f"Alleen Partijen die{door} zijn uitgenodigd, mogen deelnemen; niet uitgenodigd maar wel aanwezig: {_namen(c, ongenood)}.",
                    regel.aanname,
                )
            )
        else:
            gronden.append(
                Grond(artikel, f"Alle aanwezige Partijen zijn{door} uitgenodigd.", regel.aanname)
            )
    return gronden


def _quorum(b: Vergaderbeeld) -> list[Grond]:
    orgaan = b.orgaan
    if orgaan.quorum is None:
        if orgaan.quorum_aanname is None or orgaan.besluitregel is None:
            return []
        # No article sets a quorum: cite the chapter on this orgaan's decisions that is silent.
        hoofdstuk = orgaan.besluitregel.artikelen[0].split(".")[0]
        return [
            Grond(
                hoofdstuk,
                f"Het convenant stelt geen quorum (artikel {hoofdstuk} zwijgt erover); het aantal aanwezigen is niet getoetst.",
                orgaan.quorum_aanname,
            )
        ]
    q = orgaan.quorum
    stemgerechtigd = [z for z in b.zetels.values() if z.stemrecht]
    aanwezig = sum(1 for z in stemgerechtigd if z.id in b.aanwezig)
    if q.minimum_aanwezig is not None:
        nodig, tekst = q.minimum_aanwezig, f"ten minste {q.minimum_aanwezig}"
    else:
        assert q.deel is not None
        deel = Fraction(q.deel)
        nodig = -(-deel.numerator * len(stemgerechtigd) // deel.denominator)
        tekst = f"{q.deel} van {len(stemgerechtigd)}, dus {nodig}"
    if aanwezig < nodig:
        return [
            Grond(
                q.bron,
                f"Het quorum ({tekst} stemgerechtigde leden) is niet gehaald: {aanwezig} aanwezig. Deze vergadering kan niet besluiten.",
                None,
                "ongeldig",
            )
        ]
    return [
        Grond(
            q.bron, f"Het quorum ({tekst} stemgerechtigde leden) is gehaald: {aanwezig} aanwezig."
        )
    ]


def _inbreng_vooraf(b: Vergaderbeeld, lees: Lezer) -> list[Grond]:
    regel = b.orgaan.inbreng_vooraf
    if regel is None:
        return []
    gevraagd = b.vergadering.inbreng_gevraagd_op
    if gevraagd is None:
        gevolg, effect = _sanctie(lees, "de Partijen alsnog om inbreng zijn gevraagd")
        return [
            Grond(
                art(regel.artikelen),
                f"Niet vastgelegd dat de Partijen vooraf om inbreng zijn gevraagd. {gevolg} Leg vast op welke datum zij om inbreng zijn gevraagd.",
                _ZONDER_SANCTIE,
                effect,
            )
        ]
    if gevraagd >= b.vergadering.datum:
        gevolg, effect = _sanctie(lees, "het na hun inbreng opnieuw is genomen")
        return [
            Grond(
                art(regel.artikelen),
                f"De Partijen zijn pas op {lang(gevraagd)} om inbreng gevraagd, niet vóór de vergadering. {gevolg}",
                _ZONDER_SANCTIE,
                effect,
            )
        ]
    return [
        Grond(
            art(regel.artikelen),
            f"De Partijen zijn op {lang(gevraagd)} vooraf om inbreng gevraagd.",
            regel.aanname,
        )
    ]


def _afwezigen(b: Vergaderbeeld, besluit: Besluit) -> list[Grond]:
    regel = b.orgaan.afwezigheid
    if regel is None or not b.afwezig:
        return []
    artikel, treft = art(regel.artikelen), set(besluit.treft)
    gronden: list[Grond] = []
    niet_getroffen: list[str] = []
    for zetel_id, inbreng in sorted(b.afwezig.items()):
        zetel = b.zetels[zetel_id]
        getroffen = sorted(treft & set(zetel.partijen))
        if not getroffen:
            niet_getroffen.append(zetel.naam)
        elif inbreng:
            gronden.append(
                Grond(
                    artikel,
                    f"{zetel.naam} was afwezig, maar leverde schriftelijk inbreng voor {_namen(b.convenant, getroffen)}, die het besluit in belangrijke mate kan treffen.",
                    regel.aanname,
                )
            )
        elif regel.aanhouden_indien_getroffen:
            gronden.append(
                Grond(
                    artikel,
                    f"{zetel.naam} was afwezig zonder schriftelijke inbreng, terwijl het besluit {_namen(b.convenant, getroffen)} in belangrijke mate kan treffen. Het besluit wordt niet genomen tot die Partij gehoord is.",
                    regel.aanname,
                    "aangehouden",
                )
            )
    if niet_getroffen:
        gronden.append(
            Grond(
                artikel,
                f"Afwezig zonder dat het besluit hun Partij in belangrijke mate treft: {'; '.join(niet_getroffen)}. Dat staat het besluit niet in de weg.",
                regel.aanname,
            )
        )
    return gronden


def _namen(c: Convenant, partijen: Iterable[str]) -> str:
    # Semicolons: party names themselves contain commas (Stichting HALT Nederland, team Drenthe).
    return "; ".join(c.partij[p].naam for p in partijen)


# --- the subject ----------------------------------------------------------------------------------


def _casuistiek(orgaan: Orgaan, soort: Soort, besluit: Besluit) -> list[Grond]:
    verbod = next((v for v in orgaan.verboden_onderwerpen if v.onderwerp == "casuistiek"), None)
    if verbod is None or not (besluit.casuistiek or soort.categorie == "casuistiek"):
        return []
    return [
        Grond(
            art(verbod.artikelen),
            f"In {orgaan.de_naam} wordt geen casuïstiek besproken, alleen beleid.",
            None,
            "ongeldig",
        )
    ]


def _bevoegdheid(
    c: Convenant, orgaan: Orgaan, soort: Soort, besluit: Besluit, lees: Lezer
) -> tuple[list[Grond], str | None]:
    artikel = art(soort.artikelen)
    # Where jurists differ on who decides, the reading in force says which organen may.
    lezing = lees.lezing(soort.aanname)
    bevoegd = soort.bevoegd
    if lezing is not None and soort.id in lezing.bevoegd:
        bevoegd, artikel = lezing.bevoegd[soort.id], art(lezing.artikelen)
    if lezing is not None and soort.id in lezing.voorbehouden_aan:
        soort = soort.model_copy(update={"voorbehouden_aan": lezing.voorbehouden_aan[soort.id]})
    bevoegd_via = [orgaan.id]
    gronden: list[Grond] = []
    if besluit.na_impasse_in is not None:
        schakel = next(
            (
                e
                for e in c.escalatie
                if e.van == besluit.na_impasse_in
                and e.naar == orgaan.id
                and e.aanleiding == "impasse"
            ),
            None,
        )
        if schakel is None:
            return [
                Grond(
                    art(soort.artikelen),
                    f"{hoofd(c.orgaan[besluit.na_impasse_in].de_naam)} kan een impasse niet aan {orgaan.de_naam} voorleggen.",
                    None,
                    "ongeldig",
                )
            ], None
        gronden.append(
            Grond(
                art(schakel.artikelen),
                f"{hoofd(c.orgaan[schakel.van].de_naam)} kwam niet tot een besluit; {orgaan.de_naam} beslist.",
                schakel.aanname,
            )
        )
        bevoegd_via.append(schakel.van)
    if soort.id == "geschil" and besluit.geschil is not None:
        return gronden + _geschil(c, orgaan, besluit), None
    if any(o in bevoegd for o in bevoegd_via):
        tekst = f"{hoofd(orgaan.de_naam)} is bevoegd voor dit soort besluit ({soort.naam})."
        if soort.voorbehouden_aan is not None:
            # 25.4: the Stuurgroep only proposes; 25.3: it decides, but with the colleges.
            laatste = c.orgaan[soort.voorbehouden_aan].de_naam
            tekst = (
                f"{hoofd(orgaan.de_naam)} is bevoegd om dit voor te dragen ({soort.naam}); het besluit zelf nemen {laatste}."
                if _voordracht(soort)
                else f"{hoofd(orgaan.de_naam)} besluit hierover ({soort.naam}), maar niet alleen: ook {laatste} moeten besluiten."
            )
        gronden.append(Grond(artikel, tekst, soort.aanname))
        return gronden, None
    if soort.voorbehouden_aan is not None and not bevoegd:
        gezag = c.orgaan[soort.voorbehouden_aan]
        schakel = next(
            (e for e in c.escalatie if e.van == orgaan.id and e.aanleiding == "voorbehouden"), None
        )
        # The route to the colleges is 5.7, but a soort reserved by its own article (the
        # begroting of 20.3) cites that article.
        artikelen = (
            art(schakel.artikelen)
            if schakel and set(schakel.artikelen) & set(soort.artikelen)
            else artikel
        )
        gronden.append(
            Grond(
                artikelen,
                f"Over dit soort besluit ({soort.naam}) beslissen {gezag.de_naam}, niet {orgaan.de_naam}; de aangelegenheid wordt aan hen voorgelegd.",
                soort.aanname,
                "escaleren",
            )
        )
        return gronden, gezag.id
    bevoegden = " of ".join(c.orgaan[o].de_naam for o in bevoegd)
    # A reserved subject with a proposing orgaan (25.3, 25.4) reaches the authority only
    # through that orgaan; anyone else is simply not competent.
    gezag_naam = c.orgaan[soort.voorbehouden_aan].de_naam if soort.voorbehouden_aan else ""
    via = ""
    if gezag_naam:
        via = (
            f", en alleen op voordracht daarvan besluiten {gezag_naam}"
            if _voordracht(soort)
            else f", samen met {gezag_naam}"
        )
    gronden.append(
        Grond(
            artikel,
            f"{hoofd(orgaan.de_naam)} is niet bevoegd voor dit soort besluit ({soort.naam}); dat is {bevoegden}{via}.",
            soort.aanname,
            "ongeldig",
        )
    )
    return gronden, None


def _voordracht(soort: Soort) -> bool:
    """Whether the competent orgaan only proposes (25.4), rather than decides with others (25.3)."""
    return any(v.id.startswith("voordracht") for v in soort.vereisten)


def _knoop(c: Convenant, ident: str) -> str:
    """A node of the escalation graph as it reads in a sentence: de Manager, het Partneroverleg."""
    return c.orgaan[ident].de_naam if ident in c.orgaan else f"de {c.rol[ident].naam}"


def _geschil(c: Convenant, orgaan: Orgaan, besluit: Besluit) -> list[Grond]:
    """Where a dispute about a role goes, and the step before it, follow from the role."""
    g = besluit.geschil
    assert g is not None
    over = f"een geschil over de {c.rol[g.rol].naam}"
    eerste = next((e for e in c.escalatie if e.van == g.rol and e.aanleiding == "geschil"), None)
    if eerste is None:
        return [
            Grond(
                "11.4, 12.4, 13.3, 14.4",
                f"Het convenant wijst niet aan waar {over} heen gaat; {orgaan.de_naam} kan het niet beslechten.",
                "geschil_overige_rollen",
                "ongeldig",
            )
        ]
    if eerste.naar == orgaan.id:
        return [
            Grond(
                art(eerste.artikelen),
                f"{hoofd(orgaan.de_naam)} beslecht {over}.",
                eerste.aanname,
            )
        ]
    doorgeleid = [
        e
        for e in c.escalatie
        if e.van == eerste.naar
        and e.aanleiding == "doorgeleid_geschil"
        and (not e.over or g.rol in e.over)
    ]
    eerst = _knoop(c, eerste.naar)
    verder = next((e for e in doorgeleid if e.naar == orgaan.id), None)
    if verder is None:
        route = eerst + "".join(
            f", die het zo nodig voorlegt aan {_knoop(c, e.naar)}" for e in doorgeleid
        )
        return [
            Grond(
                art(eerste.artikelen),
                f"{hoofd(over)} gaat naar {route}; niet naar {orgaan.de_naam}.",
                eerste.aanname,
                "ongeldig",
            )
        ]
    # The forwarding article that carries this role's dispute (13.3 for the Informatiemakelaar).
    artikelen = [a for a in verder.artikelen if a in eerste.artikelen] or verder.artikelen
    if g.voorgelegd_door != eerste.naar:
        return [
            Grond(
                art(artikelen),
                f"{hoofd(over)} gaat eerst naar {eerst}; {orgaan.de_naam} beslist alleen als {eerst} het voorlegt. Leg dat vast onder 'geschil: {{voorgelegd_door: {eerste.naar}}}'.",
                verder.aanname,
                "ongeldig",
            )
        ]
    return [
        Grond(
            art(artikelen),
            f"{hoofd(over)} is door {eerst} voorgelegd; {orgaan.de_naam} beslecht het.",
            verder.aanname,
        )
    ]


def _vereisten_vooraf(b: Vergaderbeeld, soort: Soort, besluit: Besluit) -> list[Grond]:
    gronden: list[Grond] = []
    inhoud = [v for v in soort.vereisten if v.aard == "inhoud"]
    if inhoud:
        ontbreekt = [v for v in inhoud if v.id not in besluit.inhoud]
        artikelen = art(a for v in inhoud for a in v.artikelen)
        if ontbreekt:
            gronden.append(
                Grond(
                    art(a for v in ontbreekt for a in v.artikelen),
                    "Het besluit mist verplichte onderdelen: "
                    + "; ".join(v.naam or v.id for v in ontbreekt)
                    + ".",
                    _eerste_aanname(ontbreekt),
                    "ongeldig",
                )
            )
        else:
            gronden.append(
                Grond(
                    artikelen,
                    "Alle verplichte onderdelen zijn aanwezig: "
                    + "; ".join(v.naam or v.id for v in inhoud)
                    + ".",
                    _eerste_aanname(inhoud),
                )
            )
    for v in soort.vereisten:
        if v.aard != "voorwaarde" or (soort.id, v.id) in _BEREKEND:
            continue
        if v.id in besluit.voldaan:
            gronden.append(Grond(art(v.artikelen), f"Bevestigd: {v.omschrijving}.", v.aanname))
        else:
            gronden.append(
                Grond(
                    art(v.artikelen),
                    f"Niet bevestigd: {v.omschrijving}. Zet '{v.id}' onder 'voldaan' als dat zo is.",
                    v.aanname,
                    v.bij_ontbreken,
                )
            )
    return gronden


def _eerste_aanname(vereisten: list[Vereiste]) -> str | None:
    return next((v.aanname for v in vereisten if v.aanname), None)


def _gevolgen(b: Vergaderbeeld, soort: Soort) -> list[Grond]:
    gronden = []
    for v in soort.vereisten:
        if v.aard != "gevolg" or (soort.id, v.id) in _BEREKEND:
            continue
        tekst = v.omschrijving[0].upper() + v.omschrijving[1:]
        if v.termijn and v.termijn.aantal is not None and v.termijn.eenheid:
            tekst += f" (uiterlijk {lang(plus_termijn(b.vergadering.datum, v.termijn.aantal, v.termijn.eenheid))})"
        gronden.append(Grond(art(v.artikelen), f"Gevolg: {tekst}.", v.aanname))
    return gronden


# --- soorten with facts of their own (22, 23, 24.3/25.3, 25.4) ----------------------------------------


class _Bijzonder:
    def __init__(self) -> None:
        self.altijd: list[Grond] = []
        self.na_aanname: list[Grond] = []
        self.escaleren_naar: str | None = None
        self.afgewezen = False


def _bijzondere_regels(b: Vergaderbeeld, soort: Soort, besluit: Besluit, lees: Lezer) -> _Bijzonder:
    uit = _Bijzonder()
    if soort.id == "toetreding":
        _toetreding(b, besluit, uit, lees)
    elif soort.id == "wijziging":
        _wijziging(b, besluit, uit)
    elif soort.id == "uitsluiting":
        _uitsluiting(b, besluit, uit)
    elif soort.id == "opheffing" and b.orgaan.id in soort.bevoegd:
        wie = (
            "de twaalf colleges heffen op"
            if lees(_OPHEFFING) == "colleges"
            else "opgeheven is het convenant pas als de twaalf colleges en alle overige Partijen gelijkluidend besluiten"
        )
        uit.altijd.append(
            Grond(
                "25.4",
                f"{hoofd(b.orgaan.de_naam)} besluit hier over de voordracht tot opheffing; {wie}.",
                _OPHEFFING,
            )
        )
    if soort.voorbehouden_aan is not None and b.orgaan.id in soort.bevoegd:
        _colleges(b, soort, besluit, uit, lees)
        if soort.id == "opheffing" and lees(_OPHEFFING) == "alle_partijen":
            _overige_partijen(b, besluit, uit)
    elif soort.id == "jaarplan" and besluit.wijzigt_gemeentelijke_bijdragen:
        # The colleges fix what the gemeenten contribute (20.3); a Jaarplan changing it needs
        # their decisions too (aanname begroting_wie_stelt_vast).
        uit.escaleren_naar = "colleges"
        uit.altijd.append(
            Grond(
                "4.5c, 20.3",
                "De begroting in dit Jaarplan wijzigt wat de gemeenten bijdragen; begroting en verdeelsleutel waarnaar zij bijdragen, stellen de twaalf colleges vast.",
                "begroting_wie_stelt_vast",
            )
        )
        _colleges(b, soort, besluit, uit, lees)
    return uit


def _vereiste(b: Vergaderbeeld, soort: str, ident: str) -> Vereiste:
    return next(v for v in b.convenant.soort[soort].vereisten if v.id == ident)


def _toetreding(b: Vergaderbeeld, besluit: Besluit, uit: _Bijzonder, lees: Lezer) -> None:
    t = besluit.toetreding
    assert t is not None
    c, datum = b.convenant, b.vergadering.datum
    akkoord_regel = _vereiste(b, "toetreding", "akkoord_alle_partijen")
    nodig = [p.id for p in c.partijen_op(datum) if p.is_partij]
    gegeven = set(nodig) if ALLE in t.akkoord else set(t.akkoord)
    ontbreekt = [p for p in nodig if p not in gegeven]
    kennis = _vereiste(b, "toetreding", "partijen_vooraf_geinformeerd")
    if t.partijen_geinformeerd_op is None or t.partijen_geinformeerd_op >= datum:
        wanneer = (
            "niet vastgelegd"
            if t.partijen_geinformeerd_op is None
            else f"pas op {lang(t.partijen_geinformeerd_op)}"
        )
        tekst = f"De Partijen moeten vooraf over de voorgenomen toetreding van {t.organisatie} zijn ingelicht; dat is {wanneer}."
        effect: Effect
        if lees(_KENNISGEVING) == "ongeldig":
            effect = "ongeldig"
        elif not ontbreekt and not t.geweigerd:
            tekst += " Het convenant verbindt daar geen nietigheid aan, en alle Partijen gaven akkoord, zodat zij van de toetreding wisten; het besluit blijft staan."
            effect = None
        else:
            tekst += " Het convenant verbindt daar geen nietigheid aan; het besluit wordt aangehouden tot de Partijen zijn ingelicht."
            effect = "aangehouden"
        uit.altijd.append(Grond(art(kennis.artikelen), tekst, _KENNISGEVING, effect))
    else:
        uit.altijd.append(
            Grond(
                art(kennis.artikelen),
                f"De Partijen zijn op {lang(t.partijen_geinformeerd_op)} ingelicht over de voorgenomen toetreding van {t.organisatie}.",
                kennis.aanname,
            )
        )
    if (t.geweigerd or ontbreekt) and lees(_AKKOORD) == "raadpleging":
        wie = _namen(c, t.geweigerd or ontbreekt)
        stand = "gaf geen akkoord" if t.geweigerd else "antwoordde nog niet"
        uit.na_aanname.append(
            Grond(
                art(["22.4", "23.3"]),
                f"{wie} {stand}. In de gevolgde lezing raadpleegt de Stuurgroep de Partijen, maar houdt dat de toetreding niet tegen; wie de toetreding onaanvaardbaar vindt, kan opzeggen per de dag waarop zij ingaat (23.3).",
                _AKKOORD,
            )
        )
    elif t.geweigerd:
        uit.na_aanname.append(
            Grond(
                art(akkoord_regel.artikelen),
                f"Geen akkoord van {_namen(c, t.geweigerd)}; zonder akkoord van alle Partijen kan de toetreding niet worden goedgekeurd.",
                _AKKOORD if lees(_AKKOORD) else akkoord_regel.aanname,
                "ongeldig",
            )
        )
    elif ontbreekt:
        uit.na_aanname.append(
            Grond(
                art(akkoord_regel.artikelen),
                f"Het akkoord van {len(ontbreekt)} van de {len(nodig)} Partijen ontbreekt nog ({_namen(c, ontbreekt)}); de Stuurgroep beslist pas positief na akkoord van alle Partijen.",
                _AKKOORD if lees(_AKKOORD) else akkoord_regel.aanname,
                "aangehouden",
            )
        )
    else:
        uit.na_aanname.append(
            Grond(
                art(akkoord_regel.artikelen),
                f"Alle {len(nodig)} Partijen gaven akkoord.",
                "akkoord_alle_partijen",
            )
        )


def _wijziging(b: Vergaderbeeld, besluit: Besluit, uit: _Bijzonder) -> None:
    w = besluit.wijziging
    assert w is not None
    c = b.convenant
    if w.voorstel_van is not None:
        # 23.1 lets a party propose; it does not make a (written) proposal a requirement.
        uit.altijd.append(
            Grond("23.1", f"{c.partij[w.voorstel_van].naam} stelde de wijziging voor.")
        )
    bevestigd = _vereiste(b, "wijziging", "schriftelijk_bevestigd")
    if w.schriftelijk_bevestigd:
        uit.na_aanname.append(
            Grond(
                art(bevestigd.artikelen),
                "De Stuurgroep heeft de wijziging uitdrukkelijk schriftelijk bevestigd.",
                bevestigd.aanname,
            )
        )
    else:
        uit.na_aanname.append(
            Grond(
                art(bevestigd.artikelen),
                "Zolang de Stuurgroep de wijziging niet uitdrukkelijk schriftelijk heeft bevestigd, heeft wat daarover mondeling is gezegd of toegezegd geen rechtskracht; leg de bevestiging vast onder 'wijziging: {schriftelijk_bevestigd: true}'.",
                bevestigd.aanname,
            )
        )
    if w.raakt_bijdragen_of_dienstverlening:
        regel = _vereiste(b, "wijziging", "geen_voorbehouden_onderwerp")
        uit.altijd.append(
            Grond(
                art(regel.artikelen),
                "De wijziging raakt de bijdragen van Partijen of de dienstverlening van het ZVHD; daarover beslissen de twaalf gemeenten.",
                regel.aanname,
                "escaleren",
            )
        )
        uit.escaleren_naar = "colleges"
    if w.bezwaar:
        regel = _vereiste(b, "wijziging", "opzegrecht_bij_bezwaar")
        wanneer = (
            f"per {lang(w.ingangsdatum)}"
            if w.ingangsdatum
            else "per de datum waarop de wijziging ingaat"
        )
        uit.na_aanname.append(
            Grond(
                art(regel.artikelen),
                f"{_namen(c, w.bezwaar)} vindt de wijziging onaanvaardbaar en kan schriftelijk opzeggen {wanneer}.",
                regel.aanname,
            )
        )


def _uitsluiting(b: Vergaderbeeld, besluit: Besluit, uit: _Bijzonder) -> None:
    u = besluit.uitsluiting
    assert u is not None
    datum = b.vergadering.datum
    regel = _vereiste(b, "uitsluiting", "ingebrekestelling")
    termijn = _vereiste(b, "uitsluiting", "termijn_verstreken")
    naam = b.convenant.partij[u.partij].naam
    if u.ingebrekestelling_op is None or u.ingebrekestelling_op > datum:
        colleges = _vereiste(b, "uitsluiting", "besluit_colleges")
        # Without notice there is no default at all: how reasonable a term is does not arise.
        uit.altijd.append(
            Grond(
                art([*regel.artikelen, *colleges.artikelen]),
                f"{naam} is niet (vóór deze vergadering) in gebreke gesteld; zonder ingebrekestelling is zij niet in verzuim en kan zij niet worden uitgesloten. Ook het besluit van de twaalf colleges waarmee de Stuurgroep uitsluit, ontbreekt dan nog.",
                None,
                "ongeldig",
            )
        )
    elif u.hersteltermijn_tot is None or u.hersteltermijn_tot <= u.ingebrekestelling_op:
        uit.altijd.append(
            Grond(
                art(regel.artikelen),
                f"De ingebrekestelling van {naam} gaf geen termijn om de tekortkoming te herstellen.",
                regel.aanname,
                "ongeldig",
            )
        )
    elif u.hersteltermijn_tot >= datum:
        uit.altijd.append(
            Grond(
                art(termijn.artikelen),
                f"{naam} is op {lang(u.ingebrekestelling_op)} in gebreke gesteld; de hersteltermijn loopt tot en met {lang(u.hersteltermijn_tot)}. Pas daarna kan worden uitgesloten.",
                termijn.aanname,
                "aangehouden",
            )
        )
    else:
        uit.altijd.append(
            Grond(
                art(termijn.artikelen),
                f"{naam} is op {lang(u.ingebrekestelling_op)} in gebreke gesteld en de hersteltermijn liep af op {lang(u.hersteltermijn_tot)}. Of die termijn redelijk was, beoordeelt de Stuurgroep.",
                termijn.aanname,
            )
        )


def _colleges(
    b: Vergaderbeeld, soort: Soort, besluit: Besluit, uit: _Bijzonder, lees: Lezer
) -> None:
    """Uitsluiting (25.3) and opheffing (25.4) need identical decisions of the twelve colleges."""
    c = b.convenant
    regel = next(
        (
            v
            for v in soort.vereisten
            if v.id
            in ("besluit_colleges", "gelijkluidend_besluit", "besluit_colleges_bij_bijdragen")
        ),
        None,
    )
    artikelen = art(regel.artikelen) if regel else art(soort.artikelen)
    aanname = regel.aanname if regel else soort.aanname
    # 25.3 has a reading of its own; 25.4 itself says "gelijkluidend"; every other route to the
    # colleges is 5.7, whose silence on how they decide is a reading too.
    if soort.id not in ("uitsluiting", "opheffing"):
        aanname = _COLLEGES_57
    lezing = lees(aanname)
    gemeenten = [p.id for p in c.partijen_op(b.vergadering.datum) if p.soort == "gemeente"]
    uitgesloten = besluit.uitsluiting.partij if besluit.uitsluiting is not None else None
    if uitgesloten in gemeenten and lezing != "letterlijk_twaalf":
        gemeenten.remove(uitgesloten)
    uit.escaleren_naar = soort.voorbehouden_aan or uit.escaleren_naar
    uit.na_aanname.append(_stand_colleges(b, gemeenten, uitgesloten, artikelen))
    besluiten = besluit.colleges
    if besluiten is None:
        uit.na_aanname.append(
            Grond(
                artikelen,
                f"De colleges van {len(gemeenten)} gemeenten moeten nog gelijkluidend besluiten; pas dan is het besluit genomen.",
                aanname,
                "escaleren",
            )
        )
        return
    akkoord = set(gemeenten) if ALLE in besluiten.akkoord else set(besluiten.akkoord)
    if lezing in ("meerderheid_colleges", "meerderheid"):
        _meerderheid_colleges(b, gemeenten, akkoord, besluiten.tegen, artikelen, aanname, uit)
        return
    if besluiten.tegen:
        uit.afgewezen = True
        uit.na_aanname.append(
            Grond(
                artikelen,
                f"De colleges van {_namen(c, besluiten.tegen)} stemden niet in; zonder gelijkluidende besluiten gaat het niet door.",
                aanname,
                beslissend=True,
            )
        )
    elif ontbreekt := [g for g in gemeenten if g not in akkoord]:
        uit.na_aanname.append(
            Grond(
                artikelen,
                f"Het besluit van de colleges van {_namen(c, ontbreekt)} ontbreekt nog.",
                aanname,
                "escaleren",
            )
        )
    else:
        uit.na_aanname.append(
            Grond(
                artikelen,
                f"De colleges van alle {len(gemeenten)} gemeenten besloten gelijkluidend.",
                aanname,
            )
        )


def _stand_colleges(
    b: Vergaderbeeld, gemeenten: list[str], uitgesloten: str | None, artikelen: str
) -> Grond:
    """On which state the colleges were counted: the date, and the gemeenten left out.

    The text speaks of twelve colleges (5.7, 20.3, 25.3, 25.4); after a gemeente has left there
    are fewer, and the count follows the Partijen on the date (aanname twaalf_colleges).
    """
    c, datum = b.convenant, b.vergadering.datum
    niet: list[str] = []
    for p in c.partijen:
        if p.soort != "gemeente" or p.id in gemeenten:
            continue
        if p.id == uitgesloten:
            niet.append(f"{p.naam}, die zelf wordt uitgesloten")
        elif not p.in_kracht_op(datum):
            niet.append(f"{p.naam}, {buiten(p, datum).bijzin()}")
    tekst = (
        f"Geteld op de stand van {lang(datum)}: de colleges van de {len(gemeenten)} gemeenten "
        "die dan Partij zijn"
    )
    if niet:
        tekst += f"; niet meegeteld: {'; '.join(niet)}. Het convenant spreekt van twaalf colleges."
    else:
        tekst += "."
    return Grond(artikelen, tekst, _TWAALF_COLLEGES)


def _overige_partijen(b: Vergaderbeeld, besluit: Besluit, uit: _Bijzonder) -> None:
    """25.4 read as "by all Partijen": the Partijen other than the gemeenten decide too."""
    c = b.convenant
    nodig = [p.id for p in c.partijen_op(b.vergadering.datum) if p.soort == "ketenpartner"]
    besluiten = besluit.overige_partijen
    if besluiten is None:
        uit.na_aanname.append(
            Grond(
                "25.4",
                f"De besluiten van de overige {len(nodig)} Partijen ontbreken nog; opgeheven is het convenant pas als alle Partijen gelijkluidend besloten. Leg ze vast onder 'overige_partijen'.",
                _OPHEFFING,
                "aangehouden",
            )
        )
        return
    akkoord = set(nodig) if ALLE in besluiten.akkoord else set(besluiten.akkoord)
    if besluiten.tegen:
        uit.afgewezen = True
        uit.na_aanname.append(
            Grond(
                "25.4",
                f"{_namen(c, besluiten.tegen)} besloot niet tot opheffing; zonder gelijkluidende besluiten van alle Partijen blijft het convenant bestaan.",
                _OPHEFFING,
                beslissend=True,
            )
        )
    elif ontbreekt := [p for p in nodig if p not in akkoord]:
        uit.na_aanname.append(
            Grond(
                "25.4",
                f"Het besluit van {_namen(c, ontbreekt)} ontbreekt nog.",
                _OPHEFFING,
                "aangehouden",
            )
        )
    else:
        uit.na_aanname.append(
            Grond("25.4", f"Alle {len(nodig)} overige Partijen besloten gelijkluidend.", _OPHEFFING)
        )


def _na_escalatie(
    b: Vergaderbeeld, besluit: Besluit, lees: Lezer
) -> tuple[OordeelSoort, list[Grond]]:
    """A matter put to the twelve colleges (5.7) whose decisions are recorded with the besluit."""
    c = b.convenant
    assert besluit.colleges is not None
    gemeenten = [p.id for p in c.partijen_op(b.vergadering.datum) if p.soort == "gemeente"]
    akkoord = set(gemeenten) if ALLE in besluit.colleges.akkoord else set(besluit.colleges.akkoord)
    tegen = besluit.colleges.tegen
    voor = sum(1 for g in gemeenten if g in akkoord)
    if lees(_COLLEGES_57) == "meerderheid":
        nodig = len(gemeenten) // 2 + 1
        stand = (
            f"{voor} van de {len(gemeenten)} colleges stemden in, {len(tegen)} niet (nodig {nodig})"
        )
        if voor >= nodig:
            return "aangenomen", [
                Grond("5.7", f"De twaalf gemeenten beslisten: {stand}.", _COLLEGES_57)
            ]
        if len(gemeenten) - len(tegen) < nodig:
            return "verworpen", [
                Grond("5.7", f"De twaalf gemeenten beslisten niet: {stand}.", _COLLEGES_57)
            ]
        return "escaleren", [
            Grond("5.7", f"De twaalf gemeenten beslissen nog: {stand}.", _COLLEGES_57, "escaleren")
        ]
    if tegen:
        return "verworpen", [
            Grond(
                "5.7",
                f"De colleges van {_namen(c, tegen)} stemden niet in; zonder gelijkluidende besluiten van de twaalf colleges gaat het niet door.",
                _COLLEGES_57,
            )
        ]
    if ontbreekt := [g for g in gemeenten if g not in akkoord]:
        return "escaleren", [
            Grond(
                "5.7",
                f"Het besluit van de colleges van {_namen(c, ontbreekt)} ontbreekt nog.",
                _COLLEGES_57,
                "escaleren",
            )
        ]
    return "aangenomen", [
        Grond(
            "5.7",
            f"De colleges van alle {len(gemeenten)} gemeenten besloten gelijkluidend.",
            _COLLEGES_57,
        )
    ]


def _meerderheid_colleges(
    b: Vergaderbeeld,
    gemeenten: list[str],
    akkoord: set[str],
    tegen: list[str],
    artikelen: str,
    aanname: str | None,
    uit: _Bijzonder,
) -> None:
    """The reading under which a majority of the colleges decides (25.3)."""
    nodig = len(gemeenten) // 2 + 1
    effect: Effect
    voor = sum(1 for g in gemeenten if g in akkoord)
    stand = f"{voor} van de {len(gemeenten)} colleges stemden in, {len(tegen)} niet"
    if voor >= nodig:
        tekst, effect = f"{stand}: een meerderheid (nodig {nodig}).", None
    elif len(gemeenten) - len(tegen) < nodig:
        uit.afgewezen = True
        tekst, effect = f"{stand}: een meerderheid is niet meer mogelijk (nodig {nodig}).", None
    else:
        tekst, effect = (
            f"{stand}; nodig is een meerderheid van {nodig}, die er nog niet is.",
            "escaleren",
        )
    uit.na_aanname.append(Grond(artikelen, f"{tekst}", aanname, effect))


# --- the vote -------------------------------------------------------------------------------------


def eigen_stemmen(b: Vergaderbeeld, stemming: Stemming) -> dict[str, str]:
    """Per party, the choice its own delegate made; votes cast under a mandate are left out."""
    eigen: dict[str, str] = {}
    for eenheid, keuze in stemming.keuzes.items():
        if eenheid in stemming.via_mandaat:
            continue
        partij = eenheid if b.stem_per_partij else b.zetels[eenheid].eigen_partij
        if partij is not None:
            eigen[partij] = keuze
    return eigen


def gebonden(b: Vergaderbeeld, besluit: Besluit, lees: Lezer) -> tuple[str, ...] | None:
    """The parties a besluit on controllership binds: those that agreed themselves (aanname)."""
    if not besluit.verwerkingsverantwoordelijkheid or besluit.id not in b.stemmingen:
        return None
    if lees(_AVG) == "meerderheid_zonder_mandaat":
        return None  # under that reading the besluit binds like any other
    if b.stemmingen[besluit.id].aantallen is not None:
        return None  # votes by number: who agreed is unknown, and the ground says so
    eigen = eigen_stemmen(b, b.stemmingen[besluit.id])
    return tuple(sorted(p for p, k in eigen.items() if k == "voor"))


def _ieder_voor_zich(
    b: Vergaderbeeld, stemming: Stemming
) -> tuple[OordeelSoort, Telling | None, list[Grond], str | None]:
    """Controllership under the AVG cannot be mandated (6.7, 6.8), and no majority decides it."""
    c = b.convenant
    if stemming.aantallen is not None:
        return _ieder_voor_zich_geteld(b, stemming.aantallen)
    eigen = eigen_stemmen(b, stemming)
    aantallen = Counter(eigen.values())
    telling = Telling(aantallen["voor"], aantallen["tegen"], aantallen["onthouding"])
    artikel = "6.7, 6.8"  # the AVG limit on mandates, whatever the orgaan's own rules cite
    voor = sorted(p for p, k in eigen.items() if k == "voor")
    niet = sorted(p for p, k in eigen.items() if k != "voor")
    tekst = "Het besluit raakt de verwerkingsverantwoordelijkheid onder de AVG. Die kan niet worden gemandateerd en daarover beslist geen meerderheid: elke Partij beslist voor zichzelf. "
    if voor:
        tekst += f"Het besluit bindt alleen {_namen(c, voor)}, {'die er zelf mee instemde' if len(voor) == 1 else 'die er zelf mee instemden'}."
    else:
        tekst += "Het besluit bindt geen enkele Partij: geen Partij stemde er zelf mee in."
    if niet:
        tekst += f" Niet gebonden, want zelf tegen of onthouden: {_namen(c, niet)}."
    if stemming.via_mandaat:
        tekst += f" Een gezamenlijke afgevaardigde kan hier niet namens anderen stemmen; deze Partijen beslissen zelf: {_namen(c, sorted(stemming.via_mandaat))}."
    tekst += " Partijen die niet vertegenwoordigd waren, beslissen evenzeer zelf."
    grond = Grond(artikel, tekst, _AVG)
    return ("aangenomen" if voor else "verworpen"), telling, [grond], None


def _ieder_voor_zich_geteld(
    b: Vergaderbeeld, aantallen: tuple[int, int, int]
) -> tuple[OordeelSoort, Telling | None, list[Grond], str | None]:
    """The AVG limit needs names: with numbers only, say what could not be checked."""
    vertegenwoordiging = b.orgaan.vertegenwoordiging
    artikel = art(vertegenwoordiging.artikelen) if vertegenwoordiging else "6.7, 6.8"
    voor, tegen, onthouding = aantallen
    tekst = (
        "Het besluit raakt de verwerkingsverantwoordelijkheid onder de AVG: elke Partij beslist "
        "voor zichzelf en het bindt alleen wie er zelf mee instemde. De stemmen zijn als aantallen "
        "vastgelegd, zonder namen; niet getoetst is daarom welke Partijen gebonden zijn, en of "
        "een gezamenlijke afgevaardigde namens anderen stemde (dat kan hier niet). "
    )
    if voor:
        tekst += f"{voor} stemden voor: het besluit bindt ten hoogste zoveel Partijen. Noteer de stemmen met namen om te weten welke."
    else:
        tekst += "Niemand stemde voor: het besluit bindt geen enkele Partij."
    return (
        ("aangenomen" if voor else "verworpen"),
        Telling(voor, tegen, onthouding),
        [Grond(artikel, tekst, _AVG)],
        None,
    )


def _geteld_niet_getoetst(b: Vergaderbeeld) -> Grond | None:
    """With numbers only, whether joint delegates voted under their mandate is unknown."""
    if not b.stem_per_partij or not any(b.zetels[z].mandaat for z in b.aanwezig):
        return None
    return Grond(
        "6.7, 6.8",
        "De stemmen zijn als aantallen vastgelegd, zonder namen: niet getoetst is welke stemmen "
        "een gezamenlijke afgevaardigde namens andere Partijen uitbracht. De uitslag rust op de "
        "aantallen zoals genoteerd.",
        None,
    )


def _uitslag(
    b: Vergaderbeeld, besluit: Besluit, lees: Lezer
) -> tuple[OordeelSoort, Telling | None, list[Grond], str | None]:
    regel = b.orgaan.besluitregel
    assert regel is not None
    artikel = art(regel.artikelen)
    if regel.soort == "consensus":
        bezwaren = b.bezwaren.get(besluit.id, ())
        if not bezwaren:
            return (
                "aangenomen",
                None,
                [
                    Grond(
                        artikel,
                        "Er is consensus: geen van de aanwezige Partijen maakte bezwaar."
                        + (
                            f" Het convenant regelt niet hoe {b.orgaan.de_naam} besluit; de consensus van het Casusoverleg ({artikel}) geldt naar analogie."
                            if regel.aanname
                            else ""
                        ),
                        regel.aanname,
                    )
                ],
                None,
            )
        geen = b.orgaan.geen_escalatie
        return (
            "verworpen",
            None,
            [
                Grond(
                    # the leden of the finding on what follows; not a whole chapter or a
                    # footnote, which decide nothing here
                    art(a for a in b.convenant.bevinding[geen.aanname].artikelen if "." in a)
                    if geen
                    else artikel,
                    f"Geen consensus: bezwaar van {_namen(b.convenant, bezwaren)}. Er komt geen afspraak; iedere Partij houdt haar eigen bevoegdheden.",
                    geen.aanname if geen else regel.aanname,
                )
            ],
            None,
        )

    stemming = b.stemmingen[besluit.id]
    keuzes = dict(stemming.keuzes)
    gronden: list[Grond] = []
    if besluit.verwerkingsverantwoordelijkheid:
        if lees(_AVG) != "meerderheid_zonder_mandaat":
            return _ieder_voor_zich(b, stemming)
        # The other reading: the mandated votes do not count, the rest of the room decides.
        for eenheid in stemming.via_mandaat:
            keuzes.pop(eenheid, None)
        vertegenwoordiging = b.orgaan.vertegenwoordiging
        gronden.append(
            Grond(
                art(vertegenwoordiging.artikelen) if vertegenwoordiging else "6.7, 6.8",
                f"Het besluit raakt de verwerkingsverantwoordelijkheid onder de AVG, die niet gemandateerd kan worden; de stemmen namens {_namen(b.convenant, sorted(stemming.via_mandaat))} tellen niet mee. De overige stemmen beslissen voor alle Partijen.",
                _AVG,
            )
            if stemming.via_mandaat
            else Grond(
                art(vertegenwoordiging.artikelen) if vertegenwoordiging else "6.7, 6.8",
                "Het besluit raakt de verwerkingsverantwoordelijkheid onder de AVG; niemand stemde onder mandaat, dus de gewone besluitregel beslist voor alle Partijen.",
                _AVG,
            )
            if stemming.aantallen is None
            else Grond(
                art(vertegenwoordiging.artikelen) if vertegenwoordiging else "6.7, 6.8",
                "Het besluit raakt de verwerkingsverantwoordelijkheid onder de AVG, die niet gemandateerd kan worden: stemmen namens anderen tellen niet mee. De stemmen zijn als aantallen vastgelegd; niet getoetst is of er zulke stemmen bij zijn. De uitslag rust op de aantallen zoals genoteerd.",
                _AVG,
            )
        )
    elif stemming.via_mandaat and stemming.aantallen is None:
        if lees(_STEMGEWICHT) == "per_afgevaardigde":
            keuzes = _per_afgevaardigde(b, keuzes)
            gronden.append(
                Grond(
                    "6.3a",
                    "Elke afgevaardigde heeft één stem, ook wie namens meer Partijen optreedt.",
                    _STEMGEWICHT,
                )
            )
        else:
            n = len(stemming.via_mandaat)
            gronden.append(
                Grond(
                    "6.7, 6.8",
                    f"Gezamenlijke afgevaardigden stemden op grond van hun mandaat namens {n} {'Partij' if n == 1 else 'Partijen'}, één stem per Partij.",
                    _STEMGEWICHT,
                )
            )
    if stemming.aantallen is not None:
        voor, tegen, onthouding = stemming.aantallen
        niet_getoetst = (
            None if besluit.verwerkingsverantwoordelijkheid else _geteld_niet_getoetst(b)
        )
        if niet_getoetst is not None:
            gronden.append(niet_getoetst)
    else:
        aantallen = Counter(keuzes.values())
        voor, tegen, onthouding = aantallen["voor"], aantallen["tegen"], aantallen["onthouding"]
    niet_gestemd = stemming.aantal_niet_gestemd
    telling = Telling(voor, tegen, onthouding)
    eenheid = "Partij" if b.stem_per_partij else "lid"
    if lees.geraadpleegd.get(_STEMGEWICHT) == "per_afgevaardigde":
        eenheid = "afgevaardigde"
    schakel = next(
        (e for e in b.convenant.escalatie if e.van == b.orgaan.id and e.aanleiding == "impasse"),
        None,
    )
    if lees.kent(regel.aanname, "consensus") and lees(regel.aanname) == "consensus":
        return _consensus_bij_stemming(b, telling, gronden, schakel, regel.aanname, eenheid)
    # Abstentions only matter, and the reading of "meerderheid" is only consulted, when there are any.
    niet_voor, maat = tegen, "de uitgebrachte stemmen"
    if onthouding or niet_gestemd:
        delen = []
        if onthouding:
            delen.append(f"{onthouding} onthouding{'en' if onthouding > 1 else ''}")
        if niet_gestemd:
            delen.append(
                f"{niet_gestemd} aanwezige stemgerechtigde{'n' if niet_gestemd > 1 else ''} die niet stemde{'n' if niet_gestemd > 1 else ''}"
            )
        wie = " en ".join(delen)
        if lees("meerderheid_van_stemmen") == "aanwezige_leden":
            niet_voor += onthouding + niet_gestemd
            maat = "de aanwezige stemgerechtigden"
            uitleg = f"Wie niet voor stemt, telt als tegen: {wie}."
        else:
            uitleg = f"Niet als uitgebrachte stem geteld: {wie}."
        gronden.append(Grond(artikel, uitleg, "meerderheid_van_stemmen"))
    stand = f"{voor} voor en {tegen} tegen, één stem per {eenheid}"
    if niet_voor != tegen:
        stand = f"{voor} voor en {niet_voor} niet voor, één stem per {eenheid}"
    if voor > niet_voor:
        gronden.append(
            Grond(artikel, f"De meerderheid van {maat} is voor: {stand}.", regel.aanname)
        )
        return "aangenomen", telling, gronden, None
    if niet_voor > voor:
        gronden.append(
            Grond(artikel, f"De meerderheid van {maat} is tegen: {stand}.", regel.aanname)
        )
        return "verworpen", telling, gronden, None
    staking = lees.lezing(regel.staking_aanname)
    if (staking.id if staking else regel.staking) == "impasse" and schakel is not None:
        naar = b.convenant.orgaan[schakel.naar]
        gronden.append(
            Grond(
                art(schakel.artikelen),
                f"De stemmen staken ({stand}): {b.orgaan.de_naam} komt niet tot een besluit. De aangelegenheid is ter beslissing voor te leggen aan {naar.voorleggen_aan}.",
                regel.staking_aanname or regel.aanname,
            )
        )
        return "escaleren", telling, gronden, naar.id
    geen = b.orgaan.geen_escalatie
    gronden.append(
        Grond(
            art(staking.artikelen) if staking else artikel,
            f"De stemmen staken ({stand}); het voorstel is niet aangenomen. {geen.uitleg if geen else ''}".strip(),
            geen.aanname if geen else regel.staking_aanname,
        )
    )
    return "verworpen", telling, gronden, None


def _per_afgevaardigde(b: Vergaderbeeld, keuzes: dict[str, Keuze]) -> dict[str, Keuze]:
    """One vote per seat: a joint delegate's choice counts once (reading per_afgevaardigde)."""
    uit: dict[str, Keuze] = {}
    for zetel in b.zetels.values():
        eigen = [keuzes[p] for p in zetel.partijen if p in keuzes]
        if eigen:
            uit[zetel.id] = Counter(eigen).most_common(1)[0][0]
    return uit


def _consensus_bij_stemming(
    b: Vergaderbeeld,
    telling: Telling,
    gronden: list[Grond],
    schakel: Escalatie | None,
    aanname: str | None,
    eenheid: str,
) -> tuple[OordeelSoort, Telling | None, list[Grond], str | None]:
    """The reading under which an orgaan that votes still decides only by consensus."""
    artikel = art(schakel.artikelen) if schakel else art(b.orgaan.artikelen)
    if telling.voor and not telling.tegen:
        gronden.append(
            Grond(
                artikel,
                f"Er is consensus: niemand stemde tegen ({telling.voor} voor, één stem per {eenheid}).",
                aanname,
            )
        )
        return "aangenomen", telling, gronden, None
    if schakel is None:
        gronden.append(
            Grond(artikel, "Er is geen consensus; het voorstel is niet aangenomen.", aanname)
        )
        return "verworpen", telling, gronden, None
    naar = b.convenant.orgaan[schakel.naar]
    gronden.append(
        Grond(
            artikel,
            f"Er is geen consensus ({telling.voor} voor, {telling.tegen} tegen, één stem per {eenheid}): {b.orgaan.de_naam} komt niet tot een besluit. De aangelegenheid is ter beslissing voor te leggen aan {naar.voorleggen_aan}.",
            aanname,
        )
    )
    return "escaleren", telling, gronden, naar.id
