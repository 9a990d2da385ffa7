"""`convenant jaaroverzicht` on the example register, and with a malformed file in it."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from tests.documenten.test_maak import GOLDEN, controleer_html
from tests.scenario_runners import draai

REGISTER = Path(__file__).resolve().parents[2] / "examples"


def test_voorbeeldregister_als_json() -> None:
    code, uit, fout = draai(["jaaroverzicht", str(REGISTER), "--jaar", "2027", "--json"])
    data = json.loads(uit)
    assert (code, fout) == (1, "")
    assert data["in_orde"] is False
    stand = {v["omschrijving"]: v["status"] for v in data["verplichtingen"]}
    assert stand["De Stuurgroep vergadert ten minste 3 keer per jaar"] == "in orde"
    assert stand["Het Partneroverleg vergadert ten minste 3 keer per jaar"] == "niet in orde"
    assert set(stand.values()) == {"in orde", "niet in orde", "onbekend"}
    assert len(data["vergaderingen"]) == 6
    open_ = {(p["soort"], p["id"]) for p in data["open"]}
    assert ("aangehouden", "po-2027-14") in open_
    assert ("actiepunt", "a-2026-07") not in open_  # afgerond
    assert any(
        "Stichting Voorbeeldzorg Drenthe (22.4): goedgekeurd" in k for k in data["kennisgevingen"]
    )


def _open(op: str) -> set[tuple[str, str]]:
    args = ["jaaroverzicht", str(REGISTER), "--jaar", "2027", "--op", op, "--json"]
    return {(p["soort"], p["id"]) for p in json.loads(draai(args)[1])["open"]}


def test_een_actiepunt_is_open_tot_de_vergadering_die_het_afmeldt() -> None:
    """The example register is consistent: the Jaarplan went out on 3 March (4.8) and Coevorden
    was heard before sg-2027-10; the May meeting closes those actiepunten. Before that meeting
    they were open, and a later meeting does not close them on an earlier peildatum."""
    actiepunten = {("actiepunt", f"a-2027-0{i}") for i in (1, 2, 3)}
    assert actiepunten <= _open("2027-03-01")
    assert ("aangehouden", "sg-2027-02") in _open("2027-03-01")  # taken up only in May
    assert not actiepunten & _open("2027-12-31")
    assert ("aangehouden", "sg-2027-02") not in _open("2027-12-31")


def test_een_toetreding_staat_eenmaal_met_haar_laatste_stand() -> None:
    data = json.loads(draai(["jaaroverzicht", str(REGISTER), "--jaar", "2027", "--json"])[1])
    regels = [k for k in data["kennisgevingen"] if "Stichting Voorbeeldzorg Drenthe" in k]
    assert len(regels) == 1
    regel = regels[0]
    # the latest stand first, the earlier holding as its history
    assert regel.index("goedgekeurd door de Stuurgroep op 12 mei 2027") < regel.index(
        "eerder op 10 februari 2027 aangehouden"
    )
    # its dossier (toetredingen/) says what is still to come
    assert "toetredingsformulier is nog niet ondertekend" in regel


def test_opzegging_en_addendum_uit_de_documenten_staan_in_het_overzicht() -> None:
    """A notice of exit (25.2) and an addendum (23.2) are register documents, not meetings."""
    data = json.loads(draai(["jaaroverzicht", str(REGISTER), "--jaar", "2027", "--json"])[1])
    (cosis,) = [k for k in data["kennisgevingen"] if k.startswith("Cosis")]
    assert "opgezegd op 31 januari 2027" in cosis
    assert "gaat in op 31 januari 2028 (25.2" in cosis
    (addendum,) = data["wijzigingen"]
    assert "Addendum 2027-1" in addendum
    assert "van kracht vanaf 1 juli 2027" in addendum
    assert "besluit sg-2027-13" in addendum
    # a year that neither the notice nor its effect touches does not list it
    data = json.loads(draai(["jaaroverzicht", str(REGISTER), "--jaar", "2029", "--json"])[1])
    assert not any(k.startswith("Cosis") for k in data["kennisgevingen"])
    assert data["wijzigingen"] == []


def test_een_wijziging_zonder_addendum_en_een_kapotte_opzegging(tmp_path: Path) -> None:
    map_ = tmp_path / "register"
    shutil.copytree(REGISTER, map_)
    (map_ / "documenten" / "addendum-2027-1.yaml").unlink()
    kapot = map_ / "documenten" / "opzegging-cosis.yaml"
    kapot.write_text(
        kapot.read_text(encoding="utf-8").replace("partij: cosis", "partij: kosis"),
        encoding="utf-8",
    )
    code, uit, fout = draai(["jaaroverzicht", str(map_), "--jaar", "2027", "--json"])
    assert code == 2  # a notice the overview cannot read is not skipped in silence
    assert str(kapot) in fout
    assert "kosis" in fout
    data = json.loads(uit)
    (wijziging,) = data["wijzigingen"]
    assert "nog geen addendum in het register (23.2)" in wijziging
    assert not any(k.startswith("Cosis") for k in data["kennisgevingen"])


def test_open_besluiten_in_de_stand_noemen_hun_onderwerp() -> None:
    data = json.loads(draai(["jaaroverzicht", str(REGISTER), "--jaar", "2027", "--json"])[1])
    toelichting = {v["omschrijving"]: v["toelichting"] for v in data["verplichtingen"]}
    # A held besluit is open, not a breach (5.6, 7.1 oblige nothing later): it is listed among
    # the open points with its subject, and no obligation about it stands 'niet in orde'.
    assert not any("alsnog genomen" in v for v in toelichting)
    (open_,) = [o for o in data["open"] if o["id"] == "po-2027-14"]
    assert open_["soort"] == "aangehouden"
    assert open_["omschrijving"] == "Inzet van ervaringsdeskundigen in de triage"
    assert "sg-2027-07 (Benoeming van de Manager)" in toelichting[STAKING]


def test_bijlage_noemt_bij_elke_lezing_de_vraag_en_de_lezing_in_woorden() -> None:
    """Each reading the overview rests on once, in words: the point the convenant leaves open
    and how the overview reads it. Its id only under the technical details (issue 24)."""
    from governance.bestanden import laad_convenant

    c = laad_convenant().model
    md = draai(["jaaroverzicht", str(REGISTER), "--jaar", "2027"])[1]
    bijlage, _, technisch = md.split("## Bijlage: bronnen")[1].partition("### Technische details")
    ids = ["stray_7_in_5_8", "informeren_gemeenten_termijn", "verzoek_partneroverleg_termijn"]
    for ident in ids:
        b = c.bevinding[ident]
        assert ident not in bijlage, ident
        assert technisch.count(ident) == 1, ident  # once, not once per obligation
        open_punt = b.omschrijving.rstrip(".")  # the article follows inside the sentence
        assert bijlage.count(open_punt) == 1, ident
        item = bijlage.split(open_punt)[1].split("\n- ")[0]
        assert b.aanname is not None
        assert b.aanname in item, ident


def test_uitkomsten_in_de_woorden_van_de_besluitenlijst() -> None:
    # the outcome in bold, as in every format
    md = draai(["jaaroverzicht", str(REGISTER), "--jaar", "2027"])[1]
    assert "(inhoud niet in dit overzicht; 4.7, 9.8): **niet geldig genomen**" in md
    assert "fte: **voor te leggen aan de twaalf Drentse gemeenten**" in md


def _golden(naam: str, tekst: str) -> None:
    pad = GOLDEN / naam
    if os.environ.get("CONVENANT_GOLDEN") == "bijwerken":
        pad.write_text(tekst, encoding="utf-8")
    assert tekst == pad.read_text(encoding="utf-8")


def test_voorbeeldrapport_in_markdown_en_html() -> None:
    code, md, _ = draai(["jaaroverzicht", str(REGISTER), "--jaar", "2027"])
    assert code == 1
    _golden("jaaroverzicht--examples.md", md)
    code, html, _ = draai(["jaaroverzicht", str(REGISTER), "--jaar", "2027", "--formaat", "html"])
    controleer_html(html)
    assert html.count("<circle") == 6  # one dot per meeting on the timeline
    _golden("jaaroverzicht--examples.html", html)


def test_een_kapot_bestand_noemt_zichzelf_en_houdt_de_rest_niet_tegen(tmp_path: Path) -> None:
    for naam in ("bezetting.yaml", "stuurgroep-2027-02-10.yaml", "stuurgroep-2027-05-12.yaml"):
        shutil.copy(REGISTER / naam, tmp_path / naam)
    kapot = tmp_path / "partneroverleg-kapot.yaml"
    kapot.write_text(
        "orgaan: partneroverleg\ndatum: 2027-13-01\naanwezig: alle\nbesluiten: []\n",
        encoding="utf-8",
    )
    code, uit, fout = draai(["jaaroverzicht", str(tmp_path), "--json"])
    assert code == 2
    assert f"{kapot}:2:" in fout
    data = json.loads(uit)
    assert [v["bestand"] for v in data["vergaderingen"]] == [
        "stuurgroep-2027-02-10.yaml",
        "stuurgroep-2027-05-12.yaml",
    ]
    assert data["onleesbaar"][0]["bestand"] == str(kapot)


def test_rapport_naar_bestand_en_niet_overschrijven(tmp_path: Path) -> None:
    doel = tmp_path / "jaar.html"
    assert draai(["jaaroverzicht", str(REGISTER), "--uitvoer", str(doel)])[0] == 1
    controleer_html(doel.read_text(encoding="utf-8"))
    code, _, fout = draai(["jaaroverzicht", str(REGISTER), "--uitvoer", str(doel)])
    assert code == 2
    assert "bestaat al" in fout


def test_lege_of_ontbrekende_map(tmp_path: Path) -> None:
    code, _, fout = draai(["jaaroverzicht", str(tmp_path)])
    assert code == 2
    assert "geen vergaderbestanden" in fout


def test_jaaroverzicht_meldt_een_dubbel_besluit_id_en_eindigt_met_2(tmp_path: Path) -> None:
    from tests.cli.test_toets_cli import _register_met_dubbel_besluit

    map_ = _register_met_dubbel_besluit(tmp_path)
    code, uit, fout = draai(["jaaroverzicht", str(map_), "--jaar", "2027"])
    assert code == 2
    assert uit  # the overview is still made
    assert (
        f"het besluit 'sg-2027-01' staat ook in {map_ / 'stuurgroep-2027-02-10.yaml'}:18:9" in fout
    )


def test_het_jaaroverzicht_toont_geen_onderwerp_van_een_besluit_over_een_casus() -> None:
    """Read at the level of the Stuurgroep, where casuistiek may not come (4.7): the
    Casusoverleg meeting and its besluiten are counted, not what they were about."""
    import yaml

    casus = yaml.safe_load((REGISTER / "casusoverleg-2027-04-14.yaml").read_text(encoding="utf-8"))
    onderwerpen = [b["onderwerp"] for b in casus["besluiten"]]
    assert onderwerpen
    for formaat in ("--json", "md", "html"):
        args = ["jaaroverzicht", str(REGISTER), "--jaar", "2027"]
        args += [formaat] if formaat == "--json" else ["--formaat", formaat]
        code, uit, _ = draai(args)
        assert code == 1
        for onderwerp in onderwerpen:
            assert onderwerp not in uit, (formaat, onderwerp)
        assert "Besluit over een individuele casus (inhoud niet in dit overzicht; 4.7, 9.8)" in uit
    data = json.loads(draai(["jaaroverzicht", str(REGISTER), "--jaar", "2027", "--json"])[1])
    vergadering = next(v for v in data["vergaderingen"] if v["orgaan"] == "casusoverleg")
    assert len(vergadering["besluiten"]) == len(onderwerpen)


# --- --gevoeligheid in every format (issue 13) -------------------------------------------------

STAKING = "Geëscaleerde besluiten komen bij het bevoegde gezag"


def _als_tekst(pad: Path) -> str:
    """What a reader of the file sees, as one line of words."""
    import html
    import re

    if pad.suffix == ".pdf":
        from pypdf import PdfReader

        tekst = "\n".join(p.extract_text() or "" for p in PdfReader(str(pad)).pages)
    else:
        tekst = pad.read_text(encoding="utf-8")
        if pad.suffix == ".html":
            tekst = html.unescape(re.sub(r"<[^>]+>", " ", tekst.split("<body", 1)[1]))
        else:  # Markdown's table pipes and emphasis are no words
            tekst = re.sub(r"[|*`]", " ", tekst)
    return " ".join(tekst.split())


@pytest.mark.parametrize("formaat", ["md", "html", "pdf"])
def test_gevoeligheid_staat_in_het_overzicht_in_elk_formaat(tmp_path: Path, formaat: str) -> None:
    doel = tmp_path / f"jaaroverzicht.{formaat}"
    args = ["jaaroverzicht", str(REGISTER), "--jaar", "2027", "--gevoeligheid"]
    code, _, fout = draai([*args, "--uitvoer", str(doel)])
    assert (code, fout) == (1, "")
    tekst = _als_tekst(doel)
    romp, bijlage = tekst.split("Bijlage: bronnen")
    # The body: the contested point, the other reading, the obligation and how it changes.
    assert "Gevoeligheid voor een andere lezing" in romp
    punt = romp.split("Het convenant zegt niet wat bij staking van stemmen gebeurt.")[1]
    assert punt.index("het voorstel is verworpen") < punt.index(STAKING)
    assert "niet in orde in orde" in " ".join(punt.split(STAKING)[1].split()[:12])
    # Ids only in the appendix, as the option that chooses that reading.
    assert "staking_van_stemmen" not in romp
    assert "--lezing staking_van_stemmen=verworpen" in bijlage


def test_gevoeligheid_in_markdown_staat_voor_de_voettekst() -> None:
    code, md, _ = draai(["jaaroverzicht", str(REGISTER), "--jaar", "2027", "--gevoeligheid"])
    assert code == 1
    voet = md.rindex("\n---\n")
    assert md.index("## Gevoeligheid voor een andere lezing") < voet
    assert md[voet:].count("\n") == 4  # the footer is the end: a rule and the kenmerk line


def test_gevoeligheid_staat_ook_in_word(tmp_path: Path) -> None:
    from docx import Document

    doel = tmp_path / "jaaroverzicht.docx"
    args = ["jaaroverzicht", str(REGISTER), "--jaar", "2027", "--gevoeligheid"]
    code, _, fout = draai([*args, "--uitvoer", str(doel)])
    assert (code, fout) == (1, "")
    word = Document(str(doel))
    alineas = [p.text for p in word.paragraphs]
    koppen = [p.text for p in word.paragraphs if p.style and p.style.name.startswith("Heading")]
    assert "Gevoeligheid voor een andere lezing van het convenant" in koppen
    kop = "Punt 3: Wat gebeurt er bij staking van stemmen? (art. 5.5, 5.7, 7.2)"
    assert kop in koppen
    punt = alineas[alineas.index(kop) :]
    assert punt[1] == "Het convenant zegt niet wat bij staking van stemmen gebeurt."
    assert any(a.startswith("Andere lezing: Bij staking van stemmen is er geen") for a in punt)
    rijen = [[c.text for c in r.cells] for t in word.tables for r in t.rows]
    assert [f"{STAKING} (art. 5.7, 7.2)", "niet in orde", "in orde"] in rijen
    # Ids only in the appendix, as the option that chooses that reading.
    bijlage = next(i for i, a in enumerate(alineas) if a.startswith("Bijlage"))
    assert not any("staking_van_stemmen" in a for a in alineas[:bijlage])
    assert any("--lezing staking_van_stemmen=verworpen" in a for a in alineas[bijlage:])


def test_een_open_actiepunt_dat_het_register_als_gedaan_toont_krijgt_een_opmerking(
    tmp_path: Path,
) -> None:
    """An actiepunt no meeting closed stays open, but not silently beside the facts that show
    it done: the Jaarplan recorded as sent (4.8), Coevorden's case taken up again (5.6)."""
    import yaml

    map_ = tmp_path / "register"
    shutil.copytree(REGISTER, map_)
    pad = map_ / "stuurgroep-2027-05-12.yaml"
    mei = yaml.safe_load(pad.read_text(encoding="utf-8"))
    mei.pop("actiepunten")
    pad.write_text(yaml.safe_dump(mei, allow_unicode=True), encoding="utf-8")

    def opmerkingen(op: str) -> dict[str, str | None]:
        args = ["jaaroverzicht", str(map_), "--jaar", "2027", "--op", op, "--json"]
        data = json.loads(draai(args)[1])
        return {p["id"]: p["opmerking"] for p in data["open"] if p["soort"] == "actiepunt"}

    eind = opmerkingen("2027-12-31")
    assert (
        eind["a-2027-01"] == "het register legt vast dat het Jaarplan op 3 maart 2027 is verzonden"
    )
    assert "sg-2027-02 (Verdeling van de inzet" in (eind["a-2027-02"] or "")
    assert "op 12 mei 2027 opnieuw behandeld (sg-2027-10)" in (eind["a-2027-02"] or "")
    assert "sg-2027-05" not in (eind["a-2027-02"] or "")  # held for the replies (22.4), not 5.6
    # before those facts, nothing to remark
    assert set(opmerkingen("2027-03-01").values()) == {None}
    md = draai(["jaaroverzicht", str(map_), "--jaar", "2027"])[1]
    regel = next(r for r in md.splitlines() if r.startswith("- Actiepunt a-2027-01"))
    assert "Let op: het register legt vast dat het Jaarplan op 3 maart 2027 is verzonden" in regel


def _met_kapot_partneroverleg(tmp_path: Path) -> Path:
    register = tmp_path / "register"
    shutil.copytree(REGISTER, register)
    (register / "partneroverleg-2027-09-01.yaml").write_text(
        "orgaan: partneroverleg\ndatum: 2027-09-01\nbesluiten: [\n", encoding="utf-8"
    )
    return register


def test_gevoeligheid_ziet_een_onleesbaar_bestand_niet_als_omslag(tmp_path: Path) -> None:
    # Found in review: the overview under the other reading was made without the unreadable
    # files, so every duty they make 'onbekend' seemed to flip under each reading.
    register = _met_kapot_partneroverleg(tmp_path)
    _, uit, _ = draai(["jaaroverzicht", str(register), "--jaar", "2027", "--gevoeligheid"])
    frequentie = "Het Partneroverleg vergadert ten minste 3 keer per jaar"
    assert frequentie in uit.split("### Punt")[0]  # 'onbekend' in the overview itself
    # how often it met depends on no reading, so it flips under none
    punten = uit.split("### Punt")[1:]
    assert punten
    for punt in punten:
        assert frequentie not in punt.split("\n## ")[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="geen FIFO op dit platform")
def test_een_fifo_in_het_register_laat_het_overzicht_niet_hangen(tmp_path: Path) -> None:
    import subprocess
    import sys

    register = tmp_path / "register"
    shutil.copytree(REGISTER, register)
    os.mkfifo(register / "stuurgroep-2027-09-01.yaml")
    convenant = Path(sys.executable).parent / "convenant"
    proces = subprocess.run(
        [str(convenant), "jaaroverzicht", str(register), "--jaar", "2027"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proces.returncode == 2
    assert "stuurgroep-2027-09-01.yaml" in proces.stderr
    assert "Traceback" not in proces.stderr


def test_termijn_van_het_jaarplan_komt_uit_convenant_yaml(tmp_path: Path) -> None:
    """The Jaarplan's term of 4.8 is the one convenant.yaml gives its sending (issue 24): the
    obligation names it and counts its last day by it, with no number of weeks in the code."""
    wortel = Path(__file__).resolve().parents[2]
    regel = "termijn: {aantal: 4, eenheid: weken, vanaf: vaststelling van het Jaarplan}"
    tekst = (wortel / "convenant.yaml").read_text(encoding="utf-8")
    assert tekst.count(regel) == 1
    eigen = tmp_path / "convenant.yaml"
    eigen.write_text(tekst.replace(regel, regel.replace("aantal: 4", "aantal: 6")), "utf-8")
    for pad, weken, uiterlijk in ((None, "vier", "10 maart 2027"), (eigen, "zes", "24 maart 2027")):
        extra = ["--convenant", str(pad)] if pad else []
        data = json.loads(
            draai(["jaaroverzicht", str(REGISTER), "--jaar", "2027", "--json", *extra])[1]
        )
        (jaarplan,) = [v for v in data["verplichtingen"] if v["artikel"] == "4.8"]
        assert jaarplan["omschrijving"] == (
            f"Het Jaarplan gaat binnen {weken} weken naar de gemeenten en het Partneroverleg"
        )
        assert uiterlijk in jaarplan["toelichting"]
