"""`convenant leden`: who sits in which orgaan on a date, by the ids a meeting file uses."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from governance.bestanden import BEZETTING, zoek_register
from governance.datums import lang
from governance.errors import EXIT_OK, GebruiksFout, bedoelde_u
from governance.models import Bezetting, Convenant, Lid, Orgaan
from governance.verwijzingen import namen_van

from ..register import Register
from ..uitvoer import als_json, schrijf, tabel


def leden(
    orgaan: str | None,
    op: dt.date,
    convenant_pad: Path | None,
    bezetting_pad: Path | None,
    register: Path | None,
    json: bool,
) -> int:
    r = Register(zoek_register(register), convenant_pad=convenant_pad, bezetting_pad=bezetting_pad)
    c = r.convenant
    if orgaan is not None and orgaan not in c.orgaan:
        suggestie = bedoelde_u(orgaan, c.orgaan, namen_van(c)["orgaan"])
        hint = f" (bedoelde u '{suggestie}'?)" if suggestie else ""
        raise GebruiksFout(f"onbekend orgaan '{orgaan}'{hint}; kies uit: {', '.join(c.orgaan)}")
    organen = [c.orgaan[orgaan]] if orgaan else list(c.organen)
    gevonden = r.bezetting()
    if gevonden is None and any(o.heeft_bezetting for o in organen):
        raise GebruiksFout(
            "er is geen bezetting gevonden: geef het register met --register PAD (de map met "
            "bezetting.yaml) of het bestand met --bezetting PAD; een nieuw register maakt "
            "'convenant register nieuw PAD'"
        )
    periode = gevonden.op(op) if gevonden else None
    if gevonden is not None and periode is None and any(o.heeft_bezetting for o in organen):
        raise GebruiksFout(
            f"{_naam(gevonden)}: geen periode die {lang(op)} omvat; vul de bezetting aan "
            "met een periode (vanaf/tot) voor die datum, of kies een andere --op"
        )
    per_orgaan = [
        (o, periode.organen[o.id].leden if periode and o.id in periode.organen else None)
        for o in organen
    ]
    if json:
        schrijf(
            als_json(
                {
                    "op": op,
                    "bezetting": _naam(gevonden) if gevonden else None,
                    "organen": [_als_dict(c, o, lijst) for o, lijst in per_orgaan],
                }
            )
        )
        return EXIT_OK
    kop = f"Leden op {lang(op)}" + (f" volgens {_naam(gevonden)}" if gevonden else "")
    delen = [kop + "\n"]
    for o, lijst in per_orgaan:
        delen.append(_als_tekst(c, o, lijst))
    schrijf("\n".join(delen))
    return EXIT_OK


def _stemrecht(lid: Lid) -> bool:
    # As governance.zetels counts votes: members and the chair, for the parties they represent.
    return lid.functie in ("lid", "voorzitter") and bool(lid.vertegenwoordigt)


def _als_dict(c: Convenant, o: Orgaan, lijst: list[Lid] | None) -> dict[str, object]:
    return {
        "id": o.id,
        "naam": o.naam,
        "heeft_bezetting": o.heeft_bezetting,
        "leden": None
        if lijst is None
        else [
            {
                "id": lid.id,
                "naam": lid.naam,
                "functie": lid.functie,
                "partij": lid.partij,
                "rol": lid.rol,
                "namens": lid.vertegenwoordigt,
                "stemrecht": _stemrecht(lid),
            }
            for lid in lijst
        ],
    }


def _partijen(c: Convenant, lid: Lid) -> str:
    if lid.namens:
        return f"namens {len(lid.namens)}: " + ", ".join(lid.namens)
    if lid.partij:
        return f"{lid.partij} ({c.partij[lid.partij].naam})"
    return f"rol {lid.rol}" if lid.rol else ""


def _als_tekst(c: Convenant, o: Orgaan, lijst: list[Lid] | None) -> str:
    if o.besluitregel is None or o.eindgezag:
        uitleg = "vergadert niet als één orgaan in dit register"
        if any(soort.voorbehouden_aan == o.id for soort in c.soorten):
            uitleg += "; haar besluiten noteert u onder 'colleges:' bij het besluit dat ze vraagt"
        return f"{o.naam} ({o.id})\n    {uitleg}\n"
    if not o.heeft_bezetting:
        return (
            f"{o.naam} ({o.id})\n    geen vaste leden: de Partijen zelf nemen deel; noem ze bij "
            "hun partij-id ('convenant partijen')\n"
        )
    if not lijst:
        return f"{o.naam} ({o.id})\n    de bezetting noemt op deze datum geen leden\n"
    rijen = [
        [
            lid.id,
            lid.naam,
            lid.functie + ("" if _stemrecht(lid) else ", geen stem"),
            _partijen(c, lid),
        ]
        for lid in lijst
    ]
    return f"{o.naam} ({o.id})\n" + tabel(["id", "naam", "functie", "Partij"], rijen, "    ")


def _naam(bezetting: Bezetting) -> str:
    return bezetting.pad or BEZETTING
