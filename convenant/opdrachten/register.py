"""`convenant register nieuw`: an empty register with the files a secretariat fills in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from governance.bestanden import BEZETTING, VERDEELSLEUTEL
from governance.datums import lang
from governance.errors import EXIT_OK, GebruiksFout
from governance.models import Convenant

from ..register import Register
from ..uitvoer import bestand, schrijf

LEESMIJ = "LEESMIJ.md"


def nieuw(pad: Path, convenant_pad: Path | None, vandaag: dt.date | None = None) -> int:
    c = Register(None, convenant_pad=convenant_pad).convenant
    if pad.exists() and not pad.is_dir():
        raise GebruiksFout(f"{pad}: dit is een bestand, geen map; kies een nieuwe of lege map")
    if pad.is_dir() and any(pad.iterdir()):
        raise GebruiksFout(
            f"{pad}: de map is niet leeg; een nieuw register komt in een nieuwe of lege map, "
            "zodat niets wordt overschreven"
        )
    try:
        pad.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise GebruiksFout(f"{pad}: kan de map niet maken ({e.strerror})") from None
    datum = vandaag or dt.date.today()
    bestand(_bezetting(c, datum).encode(), pad / BEZETTING)
    bestand(_leesmij(c, pad).encode(), pad / LEESMIJ)
    schrijf(
        f"Register gemaakt in {pad}:\n"
        f"  {BEZETTING}  vul per orgaan de leden in (vanaf {lang(datum)})\n"
        f"  {LEESMIJ}      wat waar staat, welke opdrachten helpen, en een {VERDEELSLEUTEL} om in te vullen\n"
        f"Controleer daarna met: convenant valideer --register {pad}\n"
    )
    return EXIT_OK


def _bezetting(c: Convenant, vanaf: dt.date) -> str:
    organen = [o for o in c.organen if o.heeft_bezetting and o.besluitregel and not o.eindgezag]
    regels = [
        "# Bezetting: wie zit in welk orgaan, per periode (4.2, 4.4, 6.3, 6.7, 6.8).",
        "# Elk lid krijgt een eigen id (kleine letters, cijfers en _); vergaderbestanden noemen",
        "# die id bij aanwezig, afwezig en stemmen. De partij-ids toont 'convenant partijen'.",
        "# Controleer na het invullen: convenant valideer --register <deze map>",
        "toelichting: Bezetting van de organen van het ZVHD.  # vervang door uw eigen toelichting",
        "voorbeeld: nee",
        "perioden:",
        f"  - vanaf: {vanaf.isoformat()}  # de eerste dag waarop deze bezetting geldt",
        "    # tot: 2028-01-01  # de eerste dag waarop zij niet meer geldt; weglaten: tot nader order",
        "    organen:",
    ]
    for o in organen:
        regels += [f"      {o.id}:  # {o.naam}", "        leden: []  # vervang [] door de leden"]
    regels += [
        "",
        "# Zo ziet een ingevuld orgaan eruit (zonder het '#' ervoor):",
        "#     organen:",
        "#       stuurgroep:",
        "#         leden:",
        "#           - id: sg_assen",
        "#             naam: Burgemeester van Assen",
        "#             partij: assen",
        "#             functie: voorzitter  # lid (standaard), voorzitter, secretaris of adviseur",
        "#           - id: sg_manager",
        "#             naam: Manager ZVHD",
        "#             rol: manager  # een lid zonder Partij, bijv. de Manager als secretaris (5.3)",
        "#             functie: secretaris",
        "#       partneroverleg:",
        "#         leden:",
        "#           - id: po_gemeenten  # één afgevaardigde namens meer Partijen (6.7, 6.8)",
        "#             naam: Afgevaardigde namens de twaalf gemeenten",
        "#             partij: assen",
        "#             namens: [aa_en_hunze, assen, borger_odoorn, coevorden, emmen, hoogeveen,",
        "#                      meppel, midden_drenthe, noordenveld, tynaarlo, westerveld, de_wolden]",
        "# Verandert de bezetting, sluit dan de periode af met 'tot:' en begin een nieuwe.",
    ]
    return "\n".join(regels) + "\n"


def _verdeelsleutel(c: Convenant) -> str:
    """A verdeelsleutel to fill in; not written as a file, where its blanks would be errors."""
    regels = [
        "naam: Verdeelsleutel 2027",
        "voorbeeld: nee",
        "basis: inwonertal  # waarop de gewichten rusten",
        "bron: besluit van de colleges van …  # waar de cijfers vandaan komen",
        "peildatum: 2027-01-01",
        "aandelen:",
    ]
    for p in c.partijen:
        if p.soort == "gemeente" and p.uitgetreden_op is None:
            regels.append(f"  - {{gemeente: {p.id}, gewicht: …}}  # {p.naam}")
    regels.append("# totaal: 100  # alleen als de gewichten tot een vast totaal optellen (procent)")
    return "\n".join(regels) + "\n"


def _leesmij(c: Convenant, pad: Path) -> str:
    return f"""# Register van het secretariaat

Deze map is een register: alle gegevens van één secretariaat, als gewone bestanden.

| bestand of map | wat |
|---|---|
| `{BEZETTING}` | wie in welk orgaan zit, per periode |
| `{VERDEELSLEUTEL}` | de verdeelsleutel van de gemeenten (voor liquidatie) |
| `stuurgroep-2027-02-10.yaml` enz. | één bestand per vergadering |
| `documenten/` | invoer voor documenten: toetredingen, opzeggingen, begrotingen |
| `casus/` | casussen en informatieverzoeken |

Handige opdrachten (in deze map, of met `--register {pad}`):

    convenant valideer --register {pad}     klopt de bezetting?
    convenant leden --op 2027-02-10         de ids van de leden op een datum
    convenant partijen                      de ids van de Partijen
    convenant soorten                       de ids van de soorten besluit
    convenant toets {pad}                   toets elke vergadering in deze map
    convenant schema vergadering            de vorm van een vergaderbestand

De handleiding (docs/handleiding.md) beschrijft elk bestand met een voorbeeld.

## De verdeelsleutel

Alleen `convenant simuleer liquidatie` en `convenant maak liquidatieoverzicht` hebben de
verdeelsleutel van de gemeenten nodig (20.3, 20.4, 25.6). Het convenant noemt hem maar bevat
hem niet. Zet dit in `{VERDEELSLEUTEL}` in deze map en vervang elke `…` door het gewicht
(inwoners, of een percentage met `totaal: 100`):

```yaml
{_verdeelsleutel(c)}```
"""
