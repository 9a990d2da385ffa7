"""The meeting form: between a Vergadering and the fields of an HTML form, both ways.

The form shows what a secretaris records in a meeting; everything else the file may hold
(dispatches, a toetreding's facts, college decisions …) travels along unchanged in a hidden
`rest` field, so editing a meeting never drops what the form does not show. Votes are per
voting unit: a seat where the orgaan votes per member, a party where it votes per party
(6.7, 6.8). Judging goes through the same path as a file: the form becomes YAML text that
the register service reads (`Register.vorm`), then `beeld` and `toets`, exactly as `convenant toets` does.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from governance.datums import ontleed_datum
from governance.errors import InvoerFout, Melding, zichtbaar
from governance.loader import Bestand, Bron
from governance.models import Bezetting, Convenant, Orgaan
from governance.vergadering import ALLE, Vergadering
from governance.yamlschrijver import als_tekst
from governance.zetels import Vergaderbeeld, beeld
from rules.lezingen import STANDAARD, Lezingkeuze
from rules.oordeel import Oordeel
from rules.toets import toets

from ..register import Register

KEUZES = ("voor", "tegen", "onthouding")
AANWEZIGHEID = ("aanwezig", "afwezig", "inbreng")
# What a Besluit or Vergadering may hold that the form does not show: kept in `rest`.
BESLUIT_VELDEN = (
    "id", "onderwerp", "soort", "tekst", "treft", "casuistiek", "verwerkingsverantwoordelijkheid",
    "wijzigt_gemeentelijke_bijdragen", "vervolg_van", "toelichting", "stemmen", "bezwaren",
    "inhoud", "voldaan", "stelt_vast",
)  # fmt: skip
# Yes/no facts of a besluit the form shows as checkboxes, with their label.
BESLUIT_VINKJES = {
    "casuistiek": "Gaat over een individuele casus (4.7)",
    "verwerkingsverantwoordelijkheid": "Gaat over de rol van een Partij als verwerkingsverantwoordelijke (AVG)",
    "wijzigt_gemeentelijke_bijdragen": "Wijzigt wat de gemeenten bijdragen (4.5c, 5.7, 20.3)",
}
VERGADERING_VELDEN = (
    "orgaan", "datum", "tijd", "locatie", "vorige_vergadering", "volgende_vergadering",
    "openbaar", "aanwezig", "afwezig", "inbreng_gevraagd_op", "uitgenodigd", "besluiten",
    "actiepunten", "op_verzoek_van", "toelichting",
)  # fmt: skip


@dataclass
class BesluitInvoer:
    id: str = ""
    onderwerp: str = ""
    soort: str = ""
    treft: list[str] = field(default_factory=list)
    casuistiek: bool = False
    verwerkingsverantwoordelijkheid: bool = False
    wijzigt_gemeentelijke_bijdragen: bool = False
    tekst: str = ""
    vervolg_van: str = ""
    # the date of the earlier meeting whose besluitenlijst this besluit adopts (5.8, 7.5)
    stelt_vast: str = ""
    toelichting: str = ""
    stemmen: dict[str, str] = field(default_factory=dict)  # voting unit → voor/tegen/onthouding
    # "aantallen" where the minutes give only how many voted how (then `telling` holds them)
    stemwijze: str = "leden"
    telling: dict[str, str] = field(default_factory=dict)  # voor/tegen/onthouding → as typed
    bezwaren: list[str] = field(default_factory=list)
    inhoud: list[str] = field(default_factory=list)
    voldaan: list[str] = field(default_factory=list)
    rest: dict[str, Any] = field(default_factory=dict)
    # The soort the page's block of parts and conditions was drawn for: a live check redraws
    # that block only when the soort changed, never under a box the user just ticked.
    vereisten_voor: str | None = None


@dataclass
class ActiepuntInvoer:
    id: str = ""
    omschrijving: str = ""
    wie: str = ""
    uiterlijk: str = ""
    status: str = "open"


@dataclass
class Invoer:
    orgaan: str = ""
    datum: str = ""
    tijd: str = ""
    locatie: str = ""
    openbaar: bool = False
    uitgenodigd: list[str] = field(default_factory=list)
    inbreng_gevraagd_op: str = ""
    vorige_vergadering: str = ""
    volgende_vergadering: str = ""
    op_verzoek_van: str = ""
    toelichting: str = ""
    aanwezigheid: dict[str, str] = field(default_factory=dict)  # seat → aanwezig/afwezig/inbreng
    besluiten: list[BesluitInvoer] = field(default_factory=list)
    actiepunten: list[ActiepuntInvoer] = field(default_factory=list)
    rest: dict[str, Any] = field(default_factory=dict)

    def peildatum(self) -> dt.date | None:
        try:
            return dt.date.fromisoformat(self.datum)
        except ValueError:
            return None


# --- who sits, who votes ----------------------------------------------------------------------


@dataclass(frozen=True)
class Plaats:
    """A line of the attendance list or of a vote table."""

    id: str
    naam: str
    stemrecht: bool = True
    toelichting: str = ""


def zitplaatsen(
    c: Convenant, orgaan: Orgaan, bezetting: Bezetting | None, datum: dt.date | None
) -> list[Plaats]:
    """The seats on the date: the bezetting in force, or the parties where they hold the seats."""
    if datum is None:
        return []
    if not orgaan.heeft_bezetting:
        return [Plaats(p.id, p.naam) for p in c.partijen_op(datum) if p.is_partij]
    periode = bezetting.op(datum) if bezetting else None
    leden = periode.organen.get(orgaan.id) if periode else None
    if leden is None:
        return []
    uit = []
    for lid in leden.leden:
        stemrecht = lid.functie in ("lid", "voorzitter") and bool(lid.vertegenwoordigt)
        delen = [] if stemrecht else [f"{lid.functie}, zonder stem"]
        if lid.plaatsvervanger:
            # the deputy holds the same seat: present is marked here when the deputy came
            delen.append(f"plaatsvervanger: {lid.plaatsvervanger}")
        uit.append(Plaats(lid.id, lid.naam, stemrecht, "; ".join(delen)))
    return uit


def stemeenheden(
    c: Convenant, orgaan: Orgaan, bezetting: Bezetting | None, datum: dt.date | None
) -> list[Plaats]:
    """Who casts a vote: each voting seat, or each party where the orgaan votes per party."""
    regel = orgaan.besluitregel
    per_partij = regel is not None and regel.stem_per == "partij"
    if datum is None:
        return []
    if not orgaan.heeft_bezetting:
        return zitplaatsen(c, orgaan, bezetting, datum)
    periode = bezetting.op(datum) if bezetting else None
    leden = periode.organen.get(orgaan.id) if periode else None
    uit: list[Plaats] = []
    for lid in leden.leden if leden else []:
        if not (lid.functie in ("lid", "voorzitter") and lid.vertegenwoordigt):
            continue
        if not per_partij:
            uit.append(Plaats(lid.id, lid.naam))
            continue
        for partij in lid.vertegenwoordigt:
            via = (
                "" if partij == lid.partij and len(lid.vertegenwoordigt) == 1 else f"via {lid.naam}"
            )
            uit.append(Plaats(partij, c.partij[partij].naam, True, via))
    return uit


def consensus(orgaan: Orgaan) -> bool:
    return orgaan.besluitregel is not None and orgaan.besluitregel.soort == "consensus"


# --- model → form ------------------------------------------------------------------------------


def _iso(d: dt.date | None) -> str:
    return d.isoformat() if d else ""


def invoer_uit(v: Vergadering, b: Vergaderbeeld | None) -> Invoer:
    """The form's state for a meeting; `b` (when the meeting could be judged) resolves names."""
    aanwezigheid: dict[str, str] = {}
    if b is not None:
        for zetel in sorted(b.aanwezig):
            aanwezigheid[zetel] = "aanwezig"
        for zetel, inbreng in b.afwezig.items():
            aanwezigheid[zetel] = "inbreng" if inbreng else "afwezig"
    else:
        for naam in v.aanwezig:
            aanwezigheid[naam] = "aanwezig"
        for a in v.afwezig:
            aanwezigheid[a.lid] = "inbreng" if a.schriftelijke_inbreng else "afwezig"
    besluiten = []
    for besluit in v.besluiten:
        stemmen: dict[str, str] = {}
        telling: dict[str, str] = {}
        aantallen = besluit.stemmen.aantallen if besluit.stemmen is not None else None
        if aantallen is not None:
            telling = {k: str(n) for k, n in zip(KEUZES, aantallen, strict=True)}
        elif b is not None and besluit.id in b.stemmingen:
            stemmen = dict(b.stemmingen[besluit.id].keuzes)
        elif besluit.stemmen is not None:
            for keuze in KEUZES:
                namen = getattr(besluit.stemmen, keuze)
                for naam in namen if isinstance(namen, list) else []:  # numbers: no names
                    if naam != ALLE:
                        stemmen[naam] = keuze
        data = besluit.model_dump(mode="json", exclude_defaults=True)
        if (
            b is None
            and besluit.stemmen is not None
            and any(
                ALLE in getattr(besluit.stemmen, k)
                for k in KEUZES
                if k in besluit.stemmen.model_fields_set
                and isinstance(getattr(besluit.stemmen, k), list)
            )
        ):
            # 'alle' means who was present, which only a judged meeting knows: the votes travel
            # as written until the form can show them per member
            stemmen = {}
            data["stemmen"] = besluit.stemmen.model_dump(mode="json", exclude_defaults=True)
            bewaren = True
        else:
            bewaren = False
        besluiten.append(
            BesluitInvoer(
                id=besluit.id,
                onderwerp=besluit.onderwerp,
                soort=besluit.soort,
                treft=list(besluit.treft),
                casuistiek=besluit.casuistiek,
                verwerkingsverantwoordelijkheid=besluit.verwerkingsverantwoordelijkheid,
                wijzigt_gemeentelijke_bijdragen=besluit.wijzigt_gemeentelijke_bijdragen,
                tekst=besluit.tekst or "",
                vervolg_van=besluit.vervolg_van or "",
                stelt_vast=_iso(besluit.stelt_vast),
                toelichting=besluit.toelichting or "",
                stemmen=stemmen,
                stemwijze="aantallen" if aantallen is not None else "leden",
                telling=telling,
                bezwaren=list(besluit.bezwaren or []),
                inhoud=list(besluit.inhoud),
                voldaan=list(besluit.voldaan),
                rest={
                    k: w
                    for k, w in data.items()
                    if k not in BESLUIT_VELDEN or (bewaren and k == "stemmen")
                },
            )
        )
    data = v.model_dump(mode="json", exclude_defaults=True)
    return Invoer(
        orgaan=v.orgaan,
        datum=_iso(v.datum),
        tijd=v.tijd or "",
        locatie=v.locatie or "",
        openbaar=v.openbaar,
        uitgenodigd=list(v.uitgenodigd),
        inbreng_gevraagd_op=_iso(v.inbreng_gevraagd_op),
        vorige_vergadering=_iso(v.vorige_vergadering),
        volgende_vergadering=_iso(v.volgende_vergadering),
        op_verzoek_van=v.op_verzoek_van or "",
        toelichting=v.toelichting or "",
        aanwezigheid=aanwezigheid,
        besluiten=besluiten,
        actiepunten=[
            ActiepuntInvoer(a.id, a.omschrijving, a.wie, _iso(a.uiterlijk), a.status)
            for a in v.actiepunten
        ],
        rest={k: w for k, w in data.items() if k not in VERGADERING_VELDEN},
    )


# --- form fields → form state --------------------------------------------------------------------

Formulier = Mapping[str, Sequence[str]]


def _een(f: Formulier, naam: str) -> str:
    waarden = f.get(naam) or [""]
    return waarden[-1].strip().replace("\r\n", "\n")


def _datum(f: Formulier, naam: str) -> str:
    """A date as ISO where it can be read (a browser without a date picker sends what the user
    typed, e.g. 17-11-2027); otherwise as typed, for the model to explain."""
    tekst = _een(f, naam)
    try:
        return ontleed_datum(tekst).isoformat() if tekst else ""
    except ValueError:
        return tekst


def _json(f: Formulier, naam: str) -> dict[str, Any]:
    tekst = _een(f, naam)
    if not tekst:
        return {}
    try:
        waarde = json.loads(tekst)
    except (json.JSONDecodeError, RecursionError):
        return {}
    return _zichtbaar_diep(waarde) if isinstance(waarde, dict) else {}


def _zichtbaar_diep(waarde: Any) -> Any:
    """A control character escaped inside JSON (\\u001b) made visible, as in every other field."""
    if isinstance(waarde, str):
        return zichtbaar(waarde)
    if isinstance(waarde, list):
        return [_zichtbaar_diep(w) for w in waarde]
    if isinstance(waarde, dict):
        return {zichtbaar(str(k)): _zichtbaar_diep(w) for k, w in waarde.items()}
    return waarde


def _aantal(f: Formulier, naam: str, maximum: int = 200) -> int:
    try:
        return max(0, min(int(_een(f, naam) or 0), maximum))
    except ValueError:
        return 0


def invoer_uit_formulier(f: Formulier) -> Invoer:
    invoer = Invoer(
        orgaan=_een(f, "orgaan"),
        datum=_datum(f, "datum"),
        tijd=_een(f, "tijd"),
        locatie=_een(f, "locatie"),
        openbaar=_een(f, "openbaar") == "ja",
        uitgenodigd=[w for w in f.get("uitgenodigd", []) if w],
        inbreng_gevraagd_op=_datum(f, "inbreng_gevraagd_op"),
        vorige_vergadering=_datum(f, "vorige_vergadering"),
        volgende_vergadering=_datum(f, "volgende_vergadering"),
        op_verzoek_van=_een(f, "op_verzoek_van"),
        toelichting=_een(f, "toelichting"),
        rest=_json(f, "rest"),
    )
    for sleutel in f:
        if sleutel.startswith("aanwezig-") and _een(f, sleutel) in AANWEZIGHEID:
            invoer.aanwezigheid[sleutel.removeprefix("aanwezig-")] = _een(f, sleutel)
    for i in range(_aantal(f, "besluiten")):
        p = f"b{i}-"
        stemmen = {
            sleutel.removeprefix(f"{p}stem-"): _een(f, sleutel)
            for sleutel in f
            if sleutel.startswith(f"{p}stem-") and _een(f, sleutel) in KEUZES
        }
        invoer.besluiten.append(
            BesluitInvoer(
                id=_een(f, f"{p}id"),
                onderwerp=_een(f, f"{p}onderwerp"),
                soort=_een(f, f"{p}soort"),
                treft=[w for w in f.get(f"{p}treft", []) if w],
                casuistiek=_een(f, f"{p}casuistiek") == "ja",
                verwerkingsverantwoordelijkheid=_een(f, f"{p}verwerkingsverantwoordelijkheid")
                == "ja",
                wijzigt_gemeentelijke_bijdragen=_een(f, f"{p}wijzigt_gemeentelijke_bijdragen")
                == "ja",
                tekst=_een(f, f"{p}tekst"),
                vervolg_van=_een(f, f"{p}vervolg_van"),
                stelt_vast=_datum(f, f"{p}stelt_vast"),
                toelichting=_een(f, f"{p}toelichting"),
                stemmen=stemmen,
                stemwijze="aantallen" if _een(f, f"{p}stemwijze") == "aantallen" else "leden",
                telling={k: _een(f, f"{p}aantal-{k}") for k in KEUZES if _een(f, f"{p}aantal-{k}")},
                bezwaren=[w for w in f.get(f"{p}bezwaren", []) if w],
                inhoud=[w for w in f.get(f"{p}inhoud", []) if w],
                voldaan=[w for w in f.get(f"{p}voldaan", []) if w],
                rest=_json(f, f"{p}rest"),
                vereisten_voor=_een(f, f"{p}vereisten_voor") if f"{p}vereisten_voor" in f else None,
            )
        )
    for j in range(_aantal(f, "actiepunten")):
        p = f"a{j}-"
        invoer.actiepunten.append(
            ActiepuntInvoer(
                _een(f, f"{p}id"),
                _een(f, f"{p}omschrijving"),
                _een(f, f"{p}wie"),
                _datum(f, f"{p}uiterlijk"),
                _een(f, f"{p}status") or "open",
            )
        )
    return invoer


# --- form state → the file's data --------------------------------------------------------------


def volgend_nummer(voorvoegsel: str, jaar: int | str, bezet: Iterable[str]) -> str:
    """The number after the highest `voorvoegsel-jaar-NN` in `bezet`: numbers run on through
    the year, across the meetings of the register."""
    patroon = re.compile(rf"^{re.escape(voorvoegsel)}-{jaar}-(\d+)$")
    hoogste = max((int(m.group(1)) for b in bezet if (m := patroon.match(b))), default=0)
    return f"{voorvoegsel}-{jaar}-{hoogste + 1:02d}"


def gegevens(invoer: Invoer, c: Convenant) -> dict[str, Any]:
    """The meeting as the data of a vergadering file, in the order of its model's fields."""
    orgaan = c.orgaan.get(invoer.orgaan)
    data: dict[str, Any] = {"orgaan": invoer.orgaan, "datum": invoer.datum}
    for sleutel in ("tijd", "locatie", "vorige_vergadering", "volgende_vergadering"):
        if waarde := getattr(invoer, sleutel):
            data[sleutel] = waarde
    if invoer.openbaar:
        data["openbaar"] = True
    aanwezig = [z for z, s in invoer.aanwezigheid.items() if s == "aanwezig"]
    afwezig = [
        {"lid": z, "schriftelijke_inbreng": True} if s == "inbreng" else {"lid": z}
        for z, s in invoer.aanwezigheid.items()
        if s in ("afwezig", "inbreng")
    ]
    if aanwezig:
        data["aanwezig"] = aanwezig
    if afwezig:
        data["afwezig"] = afwezig
    if invoer.inbreng_gevraagd_op:
        data["inbreng_gevraagd_op"] = invoer.inbreng_gevraagd_op
    if invoer.uitgenodigd:
        data["uitgenodigd"] = [ALLE] if ALLE in invoer.uitgenodigd else invoer.uitgenodigd
    data["besluiten"] = [
        _besluit(b, orgaan is not None and consensus(orgaan)) for b in invoer.besluiten
    ]
    actiepunten = [a for a in invoer.actiepunten if a.id or a.omschrijving or a.wie or a.uiterlijk]
    jaar = invoer.datum[:4] if re.match(r"^\d{4}-", invoer.datum) else str(dt.date.today().year)
    bezet = {a.id for a in actiepunten if a.id}
    for a in actiepunten:
        if not a.id:  # numbered as the example lists are: a-2027-01, running on in the year
            a.id = volgend_nummer("a", jaar, bezet)
            bezet.add(a.id)
    if actiepunten:
        data["actiepunten"] = [
            {
                k: w
                for k, w in (
                    ("id", a.id),
                    ("omschrijving", a.omschrijving),
                    ("wie", a.wie),
                    ("uiterlijk", a.uiterlijk),
                    ("status", a.status if a.status != "open" else ""),
                )
                if w
            }
            for a in actiepunten
        ]
    if invoer.op_verzoek_van:
        data["op_verzoek_van"] = invoer.op_verzoek_van
    if invoer.toelichting:
        data["toelichting"] = invoer.toelichting
    for sleutel, waarde in invoer.rest.items():
        if sleutel not in VERGADERING_VELDEN:
            data[sleutel] = waarde
    return _in_volgorde(data, Vergadering.model_fields)


def _besluit(b: BesluitInvoer, bij_consensus: bool) -> dict[str, Any]:
    data: dict[str, Any] = {"id": b.id, "onderwerp": b.onderwerp, "soort": b.soort}
    if b.tekst:
        data["tekst"] = b.tekst
    if b.treft:
        data["treft"] = b.treft
    for vinkje in BESLUIT_VINKJES:
        if getattr(b, vinkje):
            data[vinkje] = True
    if bij_consensus:
        if b.bezwaren:
            data["bezwaren"] = b.bezwaren
    elif b.stemwijze == "aantallen":
        if b.telling:  # a number as a number; anything else as typed, for the model to refuse
            data["stemmen"] = {
                k: int(w) if w.isdigit() else w for k in KEUZES for w in [b.telling.get(k, "0")]
            }
    elif b.stemmen:
        data["stemmen"] = {
            keuze: [e for e, k in b.stemmen.items() if k == keuze]
            for keuze in KEUZES
            if keuze in b.stemmen.values()
        }
    if b.inhoud:
        data["inhoud"] = b.inhoud
    if b.voldaan:
        data["voldaan"] = b.voldaan
    if b.vervolg_van:
        data["vervolg_van"] = b.vervolg_van
    if b.stelt_vast:
        data["stelt_vast"] = b.stelt_vast
    if b.toelichting:
        data["toelichting"] = b.toelichting
    for sleutel, waarde in b.rest.items():
        if sleutel not in BESLUIT_VELDEN or (sleutel == "stemmen" and sleutel not in data):
            data[sleutel] = waarde
    from governance.vergadering import Besluit

    return _in_volgorde(data, Besluit.model_fields)


def _in_volgorde(data: dict[str, Any], velden: Mapping[str, object]) -> dict[str, Any]:
    volgorde = {naam: i for i, naam in enumerate(velden)}
    return dict(sorted(data.items(), key=lambda kv: volgorde.get(kv[0], len(volgorde))))


# --- judging -------------------------------------------------------------------------------------


@dataclass
class Uitslag:
    """What judging the form gave: the model and verdicts, or the messages, per besluit."""

    vergadering: Bestand[Vergadering] | None = None
    beeld: Vergaderbeeld | None = None
    oordelen: dict[int, Oordeel] = field(default_factory=dict)  # besluit index → verdict
    per_besluit: dict[int, list[Melding]] = field(default_factory=dict)
    algemeen: list[Melding] = field(default_factory=list)
    # a message beside its field (the field's id → the message, naming the field in words)
    per_veld: dict[str, str] = field(default_factory=dict)

    @property
    def leesbaar(self) -> bool:
        return self.beeld is not None and not self.per_besluit and not self.algemeen


_BESLUIT_PAD = re.compile(r"^besluiten\[([^\]]+)\](?:\.(\w+))?")
_ACTIEPUNT_PAD = re.compile(r"^actiepunten\[(\d+)\](?:\.(\w+))?")
_VELD_DATUM = re.compile(
    r"^(datum|tijd|locatie|inbreng_gevraagd_op|vorige_vergadering|volgende_vergadering)\b"
)
# The form's fields by the words on their labels, for a message beside the field.
BESLUITVELDEN = {
    "id": "Besluitnummer",
    "onderwerp": "Onderwerp",
    "soort": "Soort besluit",
    "tekst": "Besluittekst",
    "vervolg_van": "Vervolg op besluit",
    "stelt_vast": "Stelt de besluitenlijst vast van",
    "toelichting": "Toelichting",
    "stemmen": "Stemmen",
    "bezwaren": "Bezwaren",
}
ACTIEPUNTVELDEN = {
    "id": "nummer",
    "omschrijving": "omschrijving",
    "wie": "wie",
    "uiterlijk": "uiterlijk",
}
VERGADERVELDEN = {
    "datum": "Datum",
    "tijd": "Tijd",
    "locatie": "Locatie",
    "inbreng_gevraagd_op": "Inbreng van de Partijen gevraagd op",
    "vorige_vergadering": "Vorige vergadering",
    "volgende_vergadering": "Volgende vergadering",
}


def _in_woorden(m: Melding, label: str) -> Melding:
    return m._replace(tekst=f"{label}: {m.tekst}", pad="")


def _verdeel(meldingen: Sequence[Melding], invoer: Invoer, uitslag: Uitslag) -> None:
    ids = {b.id: i for i, b in enumerate(invoer.besluiten) if b.id}
    for m in meldingen:
        gevonden = _BESLUIT_PAD.match(m.pad)
        index = None
        if gevonden:
            sleutel = gevonden.group(1)
            index = ids.get(sleutel, int(sleutel) if sleutel.isdigit() else None)
        if index is not None and index < len(invoer.besluiten):
            veld = gevonden.group(2) if gevonden else None
            if veld in BESLUITVELDEN:
                m = _in_woorden(m, f"{BESLUITVELDEN[veld]} (besluit {index + 1})")
                uitslag.per_veld.setdefault(f"b{index}-{veld}", m.tekst)
            uitslag.per_besluit.setdefault(index, []).append(m)
            continue
        if (a := _ACTIEPUNT_PAD.match(m.pad)) is not None:
            j, veld = int(a.group(1)), a.group(2) or "omschrijving"
            m = _in_woorden(m, f"Actiepunt {j + 1}, {ACTIEPUNTVELDEN.get(veld, veld)}")
            uitslag.per_veld.setdefault(f"a{j}-{veld}", m.tekst)
        elif (v := _VELD_DATUM.match(m.pad)) is not None:
            m = _in_woorden(m, VERGADERVELDEN[v.group(1)])
            uitslag.per_veld.setdefault(v.group(1), m.tekst)
        uitslag.algemeen.append(m)


def onbekende_vervolgen(invoer: Invoer, bekend: Iterable[str], uitslag: Uitslag) -> None:
    """A 'vervolg op' that names no besluit of the register, said beside its field."""
    bekend = {*bekend, *(b.id for b in invoer.besluiten)}
    for i, b in enumerate(invoer.besluiten):
        if b.vervolg_van and b.vervolg_van not in bekend:
            uitslag.per_veld[f"b{i}-vervolg_van"] = (
                f"Vervolg op besluit (besluit {i + 1}): er is geen besluit '{b.vervolg_van}' in "
                "dit register. Controleer het nummer; een vervolg neemt een eerder aangehouden of "
                "geëscaleerd besluit op."
            )


def beoordeel(
    invoer: Invoer,
    c: Convenant,
    bezetting: Bezetting | None,
    naam: str,
    keuze: Lezingkeuze = STANDAARD,
    register: Path | None = None,
) -> Uitslag:
    """Judge the form as `convenant toets` would judge it written to the file `naam` in the
    folder `register` (where its toetreding dossiers are; never the working directory).

    Where some besluiten cannot be read, the others are judged without them, so each block
    shows either its verdict or what is wrong with it.
    """
    data = gegevens(invoer, c)
    if (vlot := _zonder_meldingen(data, c, bezetting, naam, keuze, register)) is not None:
        return vlot
    uitslag = Uitslag()
    tekst = als_tekst(data, snel=True)
    bestand: Bestand[Vergadering] | None
    try:
        bestand = Register.vorm(Path(naam), Vergadering, tekst.encode())
    except InvoerFout as e:
        _verdeel(e.meldingen, invoer, uitslag)
        bestand = _zonder_kapotte(invoer, c, uitslag, naam)
        if bestand is None:
            return uitslag
    uitslag.vergadering = bestand
    try:
        b = beeld(c, bestand, bezetting, register)
    except InvoerFout as e:
        _verdeel(_over_het_formulier(e.meldingen, naam), invoer, uitslag)
        if uitslag.algemeen:
            return uitslag
        bestand = _zonder_kapotte(invoer, c, uitslag, naam)
        if bestand is None:
            return uitslag
        try:
            b = beeld(c, bestand, bezetting, register)
        except InvoerFout as e2:
            uitslag.algemeen.extend(m for m in e2.meldingen if m not in uitslag.algemeen)
            return uitslag
    uitslag.beeld = b
    goed = [i for i in range(len(invoer.besluiten)) if i not in uitslag.per_besluit]
    for i, oordeel in zip(goed, toets(b, keuze), strict=True):
        uitslag.oordelen[i] = oordeel
    return uitslag


def _over_het_formulier(meldingen: Sequence[Melding], naam: str) -> list[Melding]:
    """What concerns the meeting itself. A gap in the bezetting is also placed in the bezetting
    file for the command line (`governance.zetels`); the form says it beside its date, and has
    no place for a line in another file."""
    eigen = [m for m in meldingen if m.bestand == naam]
    return eigen or list(meldingen)


def _zonder_meldingen(
    data: dict[str, Any],
    c: Convenant,
    bezetting: Bezetting | None,
    naam: str,
    keuze: Lezingkeuze,
    register: Path | None,
) -> Uitslag | None:
    """The usual case, a form that reads: the same model and rules without the round through
    YAML text, which only serves to say where a problem is. Any problem: None, and the
    located path above runs instead."""
    try:
        bestand = Bestand(Vergadering.model_validate(data), Bron(Path(naam)))
        b = beeld(c, bestand, bezetting, register)
    except (ValidationError, InvoerFout, OSError):
        return None
    return Uitslag(vergadering=bestand, beeld=b, oordelen=dict(enumerate(toets(b, keuze))))


def _zonder_kapotte(
    invoer: Invoer, c: Convenant, uitslag: Uitslag, naam: str
) -> Bestand[Vergadering] | None:
    if uitslag.algemeen:
        return None
    rest = Invoer(**{**invoer.__dict__, "besluiten": [
        b for i, b in enumerate(invoer.besluiten) if i not in uitslag.per_besluit
    ]})  # fmt: skip
    if not rest.besluiten:
        return None
    try:
        return Register.vorm(
            Path(naam), Vergadering, als_tekst(gegevens(rest, c), snel=True).encode()
        )
    except InvoerFout as e:
        uitslag.algemeen.extend(e.meldingen)
        return None
