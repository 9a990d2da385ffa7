"""A register with real-looking data: the example register without any example mark (no
'(voorbeeld)' in a name, no `voorbeeld: true`), plus the cases a secretariat meets that the
examples lack: a gemeente that gives notice, signed by its burgemeester, and a toetreding
announced on a day whose four-week reply term ends on a public holiday (1 January)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

VOORBEELDEN = Path(__file__).resolve().parents[2] / "examples"

OPZEGGING_GEMEENTE = """\
partij: westerveld
datum: 2027-03-15
ondertekenaar:
  naam: R. Jager
  functie: burgemeester
plaats: Diever
adres:
  - Postbus 50
  - 7970 AB Havelte
"""

TOETREDING_FEESTDAG = """\
organisatie:
  naam: Stichting Kompas Drenthe
  statutair_gevestigd: Beilen
  adres: Brinkstraat 4, 9411 KL Beilen
  vertegenwoordiger:
    naam: mevr. J. de Vries
    functie: directeur-bestuurder
publieke_taak: >-
  maatschappelijke opvang en begeleiding van dak- en thuislozen in Drenthe, met een vaste
  plaats in het Casusoverleg.
aanvraag_ontvangen_op: 2026-11-20
kennisgeving_op: 2026-12-04
besluit_stuurgroep:
  datum: 2027-02-10
  besluit: sg-2027-01
plaats_ondertekening: Assen
"""


def maak_echt_register(doel: Path) -> Path:
    """The register at `doel`; its documenten/ holds the extra input files."""
    shutil.copytree(VOORBEELDEN, doel)
    for pad in [*doel.glob("*.yaml"), *(doel / "documenten").glob("*.yaml")]:
        tekst = pad.read_text(encoding="utf-8")
        tekst = re.sub(r" ?\(voorbeeld\)", "", tekst)
        tekst = re.sub(r"(?m)^voorbeeld: true$", "voorbeeld: false", tekst)
        pad.write_text(tekst, encoding="utf-8")
    (doel / "documenten" / "opzegging-westerveld.yaml").write_text(
        OPZEGGING_GEMEENTE, encoding="utf-8"
    )
    (doel / "documenten" / "toetreding-kompas.yaml").write_text(
        TOETREDING_FEESTDAG, encoding="utf-8"
    )
    return doel
