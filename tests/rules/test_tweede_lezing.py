"""A jurist's second reading (issue 12): every ground cites what carries it, in proper Dutch.

Each test names the article(s) it is about. The citation test runs over every example meeting
and over generated meetings: a ground may cite only articles that a rule of the convenant names
for the orgaan, the soort or the escalation in play, or the bevinding it rests on; a ground that
rests on the convenant's silence cites only what that bevinding cites.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from hypothesis import given

from governance.bestanden import laad_vergadering, vergaderbestanden
from governance.models import Convenant, Orgaan, Soort
from governance.zetels import beeld
from rules.oordeel import Oordeel
from rules.toets import toets
from tests.rules.test_toets_eigenschappen import BEZ, EIGENSCHAP, C, oordeel, vergaderingen
from tests.scenario_runners import draai

VOORBEELDREGISTER = Path(__file__).resolve().parents[2] / "examples"


def _regelartikelen(c: Convenant, orgaan: Orgaan, soort: Soort) -> set[str]:
    """Every article a rule of this orgaan, this soort or its escalations names."""
    namen: set[str] = set(orgaan.artikelen) | set(soort.artikelen)
    for deel in (
        orgaan.besluitregel,
        orgaan.openbaarheid,
        orgaan.afwezigheid,
        orgaan.inbreng_vooraf,
        orgaan.uitnodiging,
        orgaan.vertegenwoordiging,
    ):
        if deel is not None:
            namen |= set(deel.artikelen)
    for verbod in orgaan.verboden_onderwerpen:
        namen |= set(verbod.artikelen)
    if orgaan.quorum is not None:
        namen.add(orgaan.quorum.bron)
    for vereiste in soort.vereisten:
        namen |= set(vereiste.artikelen)
    for schakel in c.escalatie:
        namen |= set(schakel.artikelen)
    for procedure in ("uittreding", "toetreding"):  # a party out of force on the date
        for stap in next(p for p in c.procedures if p.id == procedure).stappen:
            namen |= set(stap.artikelen)
    return namen


def _controleer_citaten(c: Convenant, orgaan: Orgaan, o: Oordeel) -> None:
    soort = c.soort[o.soort]
    toegestaan = _regelartikelen(c, orgaan, soort)
    for g in o.gronden:
        artikelen = set(g.artikel.split(", "))
        bevinding = c.bevinding.get(g.aanname) if g.aanname else None
        extra = set(bevinding.artikelen) if bevinding else set()
        assert artikelen <= toegestaan | extra, (o.id, g)
        if bevinding is not None and bevinding.soort == "stilzwijgen":
            # The convenant is silent here: cite the silence, not unrelated articles.
            assert artikelen <= extra, (o.id, g)


def test_gronden_van_de_voorbeelden_citeren_alleen_wat_hun_regel_noemt() -> None:
    """Every ground of every example meeting (art. 4-9, 22-25)."""
    gezien = 0
    for pad in vergaderbestanden(VOORBEELDREGISTER):
        b = beeld(C, laad_vergadering(pad), BEZ)
        for o in toets(b):
            _controleer_citaten(C, b.orgaan, o)
            gezien += 1
    assert gezien > 10


@EIGENSCHAP
@given(vergaderingen())
def test_gronden_van_gegenereerde_vergaderingen_citeren_alleen_wat_hun_regel_noemt(
    data: dict[str, Any],
) -> None:
    """Generated meetings of the Stuurgroep and Partneroverleg (art. 5, 6.7, 6.8, 7)."""
    o = oordeel(data)
    _controleer_citaten(C, C.orgaan[data["orgaan"]], o)


def _register(tmp_path: Path) -> Path:
    shutil.copy(VOORBEELDREGISTER / "bezetting.yaml", tmp_path / "bezetting.yaml")
    return tmp_path


def _json(args: list[str]) -> Any:
    code, uit, fout = draai([*args, "--json"])
    assert code in (0, 1), fout
    return json.loads(uit)


def _uitleg(tmp_path: Path, tekst: str) -> dict[str, str]:
    """Judge a meeting written out in `tekst`: per besluit, all its grounds' explanations."""
    pad = _register(tmp_path) / "vergadering.yaml"
    pad.write_text(tekst, encoding="utf-8")
    data = _json(["toets", str(pad)])
    return {b["id"]: " ".join(g["uitleg"] for g in b["gronden"]) for b in data["besluiten"]}


def _gronden(pad: str) -> dict[str, list[dict[str, Any]]]:
    data = _json(["toets", str(VOORBEELDREGISTER / pad)])
    return {b["id"]: b["gronden"] for b in data["besluiten"]}


def test_geen_quorum_citeert_de_leemte_niet_de_besluitregel() -> None:
    """No article sets a quorum (5, 7; bevinding geen_quorum): the ground cites the chapter."""
    for pad, hoofdstuk in (
        ("stuurgroep-2027-02-10.yaml", "5"),
        ("partneroverleg-2027-03-03.yaml", "7"),
    ):
        for gronden in _gronden(pad).values():
            [quorum] = [g for g in gronden if g["aanname"] == "geen_quorum"]
            assert quorum["artikel"] == hoofdstuk
            assert "stelt geen quorum" in quorum["uitleg"]


def test_de_stuurgroep_draagt_de_opheffing_alleen_voor(tmp_path: Path) -> None:
    """25.4: the Stuurgroep proposes; the colleges dissolve. 25.3: it excludes with them."""
    uitleg = _uitleg(
        tmp_path,
        "orgaan: stuurgroep\ndatum: 2027-02-10\ninbreng_gevraagd_op: 2027-01-20\naanwezig: alle\n"
        "besluiten:\n  - {id: b1, onderwerp: x, soort: opheffing, stemmen: {voor: alle}}\n"
        "  - {id: b2, onderwerp: y, soort: uitsluiting, stemmen: {voor: alle},"
        " uitsluiting: {partij: halt, ingebrekestelling_op: 2026-12-01, hersteltermijn_tot: 2027-01-31}}\n",
    )
    assert "is bevoegd voor dit soort besluit (Opheffing" not in uitleg["b1"]
    assert "bevoegd om dit voor te dragen (Opheffing van het convenant)" in uitleg["b1"]
    assert "voor te dragen" not in uitleg["b2"]
    assert "ook de twaalf colleges moeten besluiten" in uitleg["b2"]


def test_niet_bevoegd_voor_uitsluiting_spreekt_niet_van_voordracht(tmp_path: Path) -> None:
    """25.3: the Stuurgroep excludes with the colleges' decisions; a voordracht is 25.4."""
    uitleg = _uitleg(
        tmp_path,
        "orgaan: partneroverleg\ndatum: 2027-03-03\naanwezig: alle\nbesluiten:\n"
        "  - {id: b1, onderwerp: x, soort: uitsluiting, uitsluiting: {partij: halt}, stemmen: {voor: alle}}\n"
        "  - {id: b2, onderwerp: y, soort: opheffing, stemmen: {voor: alle}}\n",
    )
    assert "voordracht" not in uitleg["b1"]
    assert "samen met de twaalf colleges" in uitleg["b1"]
    assert "op voordracht daarvan" in uitleg["b2"]


def test_escalatie_en_vaste_agendapunten_citeren_geen_artikel_dat_het_niet_zegt() -> None:
    """4.2 says nothing about disputes; 4.9 and 6.10 nothing about a rondvraag (3b, 4.9, 6.10)."""
    voorzitter = next(e for e in C.escalatie if e.van == "voorzitter_stuurgroep")
    assert "4.2" not in voorzitter.artikelen
    assert "zich zelf" not in voorzitter.uitleg
    for orgaan in C.organen:
        for punt in orgaan.vaste_agendapunten:
            if punt.onderwerp.startswith("Rondvraag"):
                assert not set(punt.artikelen) & {"4.9", "6.10"}, orgaan.id
                assert punt.aanname is not None, orgaan.id


def test_communicatie_extern_citeert_21_1_en_21_2_elk_voor_zich(tmp_path: Path) -> None:
    """21.1 binds each party; 21.2 gives the Manager the coordination; 18.1 says nothing of casussen."""
    pad = tmp_path / "verzoek.yaml"
    pad.write_text(
        "soort: communicatie_extern\ninstemming_andere_partijen: true\npersoonsgegevens: false\n",
        encoding="utf-8",
    )
    data = _json(["informatie", "toets", str(pad)])
    per_artikel = {g["artikel"]: g["uitleg"] for g in data["gronden"]}
    assert "Partij" in per_artikel["21.1"]
    assert "Manager" in per_artikel["21.2"]
    assert not any("(18.1)" in v for v in data["voorwaarden"])


def test_uitsluiting_zonder_ingebrekestelling_noemt_ook_de_colleges(tmp_path: Path) -> None:
    """24.3, 25.3: without notice there is no default, and the colleges' decisions are missing too."""
    pad = _register(tmp_path) / "sg.yaml"
    pad.write_text(
        "orgaan: stuurgroep\ndatum: 2027-02-10\ninbreng_gevraagd_op: 2027-01-20\naanwezig: alle\n"
        "besluiten:\n  - {id: b1, onderwerp: x, soort: uitsluiting, uitsluiting: {partij: halt}, stemmen: {voor: alle}}\n",
        encoding="utf-8",
    )
    [besluit] = _json(["toets", str(pad)])["besluiten"]
    [grond] = [g for g in besluit["gronden"] if "in gebreke" in g["uitleg"]]
    assert grond["aanname"] is None  # how reasonable a term is does not matter without notice
    assert "25.3" in grond["artikel"]
    assert "twaalf colleges" in grond["uitleg"]


def test_nederlands_in_de_gronden(tmp_path: Path) -> None:
    """9.2, 12.2e (de procesregisseur), 5.5 (no zero abstentions), 25.2 (remains liable)."""
    casus = _register(tmp_path) / "co.yaml"
    casus.write_text(
        "orgaan: casusoverleg\ndatum: 2027-04-14\nuitgenodigd: [politie, emmen]\n"
        "aanwezig: [politie, emmen]\nbesluiten: [{id: b1, onderwerp: x, soort: plan_van_aanpak}]\n",
        encoding="utf-8",
    )
    [besluit] = _json(["toets", str(casus)])["besluiten"]
    assert any("door de procesregisseur" in g["uitleg"] for g in besluit["gronden"])
    sg = tmp_path / "sg.yaml"
    sg.write_text(
        "orgaan: stuurgroep\ndatum: 2027-02-10\ninbreng_gevraagd_op: 2027-01-20\naanwezig: alle\n"
        "besluiten: [{id: b1, onderwerp: x, soort: beleid, stemmen: {voor: [sg_assen], tegen: [sg_om]}}]\n",
        encoding="utf-8",
    )
    [besluit] = _json(["toets", str(sg)])["besluiten"]
    teksten = " ".join(g["uitleg"] for g in besluit["gronden"])
    assert "Onthoudingen (0)" not in teksten
    assert "die niet stemden" in teksten
    uittreding = next(p for p in C.procedures if p.id == "uittreding")
    assert any("verschuldigd" in b.omschrijving for b in uittreding.bepalingen)
    assert not any("behoudt" in b.omschrijving for b in uittreding.bepalingen)


def test_namen_die_wisselen_tussen_lijst_en_ondertekening() -> None:
    """Ondergetekenden: HALT, OM, Reclassering Nederland and VNN are written two ways."""
    verwacht = {
        "halt": "Stichting HALT Nederland",
        "om": "Openbaar Ministerie",
        "reclassering_nl": "Reclassering Nederland",
        "vnn": "Stichting Verslavingszorg Noord Nederland en Reclassering VNN",
    }
    for partij, alias in verwacht.items():
        assert alias in C.partij[partij].aliassen, partij
        assert C.partij[partij].aanname == "namen_wisselen"


def test_bijlage_5_vult_huisvesting() -> None:
    """Bijlage 5: the VRD provides housing at the Mien Ruysweg 1 in Assen."""
    huisvesting = next(f for f in C.pijofach.functies if f.id == "huisvesting")
    assert any("Mien Ruysweg" in d for d in huisvesting.diensten)
    assert "huisvesting_leeg" not in C.bevinding


NIEUWE_BEVINDINGEN = {
    "partij_definitie": {"Ondergetekenden", "6.3a", "22.4", "25.2", "25.3"},
    "verwijzing_9_5": {"18.1", "21.1", "9.5", "9.8"},
    "personeel_wie_besluit": {"4.6b", "15.2"},
    "tvo_zvhd_zelf": {"8.2"},
    "stuurgroep_niet_alle_partijen": {"20.1d", "4.4"},
    "detachering_25_6_25_7": {"25.6", "25.7"},
    "criteria_structuur": {"Bijlage 2"},
    "liquiditeitsplan": {"25.6"},
    "scheidt_24_2": {"24.2"},
    "project_25_5": {"25.5"},
    "rondvraag_vergadergebruik": {"4.9", "6.10"},
    "reikwijdte_5_7": {"5.7", "20.4", "24.2"},
    "procedurefout_zonder_sanctie": {"5.2", "5.10", "7.4"},
    "avg_ieder_voor_zich": {"6.7", "6.8"},
    "casusregisseur_kan": {"14.1", "9.4a", "Bijlage 3"},
    "rechter_vrd_kosten": {"24.5", "25.6"},
}


def test_valideer_noemt_de_bevindingen_van_de_tweede_lezing() -> None:
    """Where the text is open or slips (Ondergetekenden, 4.6b, 8.2, 18.1, 20.1d, 21.1, 24.2, 25.5-25.7)."""
    data = _json(["valideer"])
    gevonden = {b["id"]: b for b in data["bevindingen"]}
    for ident, artikelen in NIEUWE_BEVINDINGEN.items():
        assert ident in gevonden, ident
        assert artikelen <= set(gevonden[ident]["artikelen"]), ident
        assert gevonden[ident]["aanname"], ident
    # The other reading of Bijlage 2 is recorded as a reading, not only as prose.
    assert len(C.bevinding["criteria_structuur"].lezingen or []) == 2


def test_elk_json_oordeel_markeert_wat_besliste(tmp_path: Path) -> None:
    """toets, casus, informatie and jaaroverzicht mark the deciding ground(s) (`beslissend`)."""
    for pad in vergaderbestanden(VOORBEELDREGISTER):
        for besluit in _json(["toets", str(pad)])["besluiten"]:
            assert any(g["beslissend"] for g in besluit["gronden"]), besluit["id"]
    for stap in _json(["casus", "toets", str(VOORBEELDREGISTER / "casus" / "zvhd-2027-0042.yaml")])[
        "stappen"
    ]:
        assert any(g["beslissend"] for g in stap["gronden"]), stap["nummer"]
    verzoek = tmp_path / "verzoek.yaml"
    verzoek.write_text("soort: communicatie_extern\n", encoding="utf-8")
    informatie = _json(["informatie", "toets", str(verzoek)])
    assert informatie["antwoord"] == "niet toegestaan"
    assert [g["artikel"] for g in informatie["gronden"] if g["beslissend"]] == ["21.1"]
    jaar = _json(["jaaroverzicht", str(VOORBEELDREGISTER), "--jaar", "2027"])
    for vergadering in jaar["vergaderingen"]:
        for besluit in vergadering["besluiten"]:
            assert any(g["beslissend"] for g in besluit["gronden"]), besluit["id"]
    # The text output marks exactly those grounds with '!'.
    _, uit, _ = draai(["toets", str(VOORBEELDREGISTER / "stuurgroep-2027-02-10.yaml")])
    data = _json(["toets", str(VOORBEELDREGISTER / "stuurgroep-2027-02-10.yaml")])
    assert uit.count("\n    ! ") == sum(
        g["beslissend"] for b in data["besluiten"] for g in b["gronden"]
    )


def test_valideer_waarschuwt_voor_een_lid_van_een_partij_die_in_de_periode_uittreedt(
    tmp_path: Path,
) -> None:
    """25.2, 4.4: a bezetting period that runs past a party's exit says so."""
    from governance.loader import gebundeld

    tekst = gebundeld("convenant.yaml").read_text(encoding="utf-8")
    tekst = tekst.replace("    kort: VNN\n", "    kort: VNN\n    uitgetreden_op: 2027-06-01\n", 1)
    (tmp_path / "convenant.yaml").write_text(tekst, encoding="utf-8")
    _register(tmp_path)
    shutil.copy(VOORBEELDREGISTER / "verdeelsleutel.yaml", tmp_path / "verdeelsleutel.yaml")
    data = _json(
        ["valideer", "--convenant", str(tmp_path / "convenant.yaml"), "--register", str(tmp_path)]
    )
    leden = {
        w["pad"].split("[")[-1].split("]")[0]
        for w in data["waarschuwingen"]
        if w["code"] == "partij-treedt-uit-in-periode"
    }
    assert leden == {"sg_vnn", "po_reclassering"}  # her own seat and the joint delegate (6.8)
