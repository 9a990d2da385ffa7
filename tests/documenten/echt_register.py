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


# Every kind from its input in the register (a meeting that was held, one still to come).
GEVALLEN = [
    ("agenda", "documenten/stuurgroep-2027-05-12.yaml"),
    ("agenda", "documenten/jaarvergadering-2027-06-16.yaml"),
    ("besluitenlijst", "stuurgroep-2027-02-10.yaml"),
    ("besluitenlijst", "partneroverleg-2027-03-03.yaml"),
    ("actiepuntenlijst", "stuurgroep-2027-02-10.yaml"),
    ("toetredingsformulier", "documenten/toetreding-kompas.yaml"),
    ("kennisgeving-toetreding", "documenten/toetreding-kompas.yaml"),
    ("toetredingsformulier", "documenten/toetreding-voorbeeldzorg.yaml"),
    ("kennisgeving-toetreding", "documenten/toetreding-voorbeeldzorg.yaml"),
    ("opzegging", "documenten/opzegging-westerveld.yaml"),
    ("opzegging", "documenten/opzegging-cosis.yaml"),
    ("addendum", "documenten/addendum-2027-1.yaml"),
    ("liquidatieoverzicht", "documenten/liquidatiebegroting-voorbeeld.yaml"),
    ("uittredingsoverzicht", "documenten/opzegging-westerveld.yaml"),
    # the besluitenlijst with its appendix on the test, and the kinds made from the register
    ("besluitenlijst", "stuurgroep-2027-02-10.yaml --met-toetsing"),
    ("notitie-lezingen", ""),
    ("jaaroverzicht", ""),
]
IDS = [f"{s}-{Path(p.split()[0]).stem}{'-toetsing' * (' ' in p)}" if p else s for s, p in GEVALLEN]
# Kinds made from the whole register: the command that makes each.
REGISTERBREED = {
    "jaaroverzicht": ["jaaroverzicht", "{register}", "--jaar", "2027", "--gevoeligheid"],
    "notitie-lezingen": ["maak", "notitie-lezingen", "{register}"],
}


def opdracht(register: Path, soort: str, invoer: str) -> list[str]:
    """The command's arguments that make a case ("FILE --option" gives an option)."""
    bestand, *eigen = invoer.split() or [""]
    if soort in REGISTERBREED:
        return [a.format(register=register) for a in REGISTERBREED[soort]]
    return ["maak", soort, str(register / bestand), *eigen]


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
