"""Recording a sending: the form on the meeting page, the line it adds to the meeting file,
and the duties (4.8, 5.8, 5.9, 6.9c, 6.10, 7.3) and calendar deadlines it closes."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml
from fastapi.testclient import TestClient

from convenant.web.werkplek import Werkplek, beoordeel
from governance.errors import VerouderdeVersie
from governance.opslag import geschiedenis, versie
from governance.vergadering import Vergadering, Verzending
from governance.verzendingen import leg_vast
from rules.jaaroverzicht import overzicht
from rules.termijnen import termijnen
from rules.verzending import verzendplichten
from tests.scenario_runners import draai
from tests.web_hulp import client, formuliervelden, kopieer_register, verstuur, zet

PEILDATUM = dt.date(2027, 12, 31)


def _zonder_verzonden(pad: Path) -> None:
    """The meeting file without its `verzonden:` block (comments and all else kept)."""
    regels = pad.read_text(encoding="utf-8").splitlines(keepends=True)
    uit, overslaan = [], False
    for r in regels:
        if r.startswith("verzonden:"):
            overslaan = True
            continue
        if overslaan and r.startswith((" ", "\t")):
            continue
        overslaan = False
        uit.append(r)
    pad.write_text("".join(uit), encoding="utf-8")


@pytest.fixture
def register(tmp_path: Path) -> Path:
    r = kopieer_register(tmp_path / "register")
    for naam in ("stuurgroep-2027-02-10", "partneroverleg-2027-03-03"):
        _zonder_verzonden(r / f"{naam}.yaml")
    return r


def statussen(register: Path) -> dict[str, str]:
    w = Werkplek(register)
    gehouden, kapot = beoordeel(w)
    assert not kapot
    o = overzicht(w.convenant, gehouden, 2027, PEILDATUM)
    uit: dict[str, str] = {}
    for v in o.verplichtingen:
        for artikel in v.artikel.split(", "):
            if artikel in ("4.8", "5.8", "5.9", "6.9c", "6.10", "7.3"):
                # 5.9 has two lines (colleges, Partneroverleg): the worst counts
                eerder = uit.get(artikel)
                uit[artikel] = v.status if eerder in (None, "in orde") else eerder
    return uit


def open_termijnen(register: Path, naam: str) -> list[str]:
    w = Werkplek(register)
    gehouden, _ = beoordeel(w)
    # the sending deadlines: an escalated besluit's (5.7) closes by a later besluit, not a sending
    return [
        t.omschrijving
        for t in termijnen(w.convenant, gehouden, PEILDATUM)
        if t.vergadering == f"{naam}.yaml" and t.aanname != "escalatie_termijn"
    ]


def leg_vast_via_pagina(
    c: TestClient, naam: str, documenten: list[str], aan: list[str], op: str, **extra: str
) -> str:
    html = c.get(f"/vergaderingen/{naam}").text
    velden = [
        (n, w)
        for n, w in formuliervelden(html, "verzendformulier")
        if n not in ("documenten", "aan")
    ]
    velden += [("documenten", d) for d in documenten] + [("aan", a) for a in aan]
    velden = zet(velden, "op", op)
    for k, w in extra.items():
        velden = zet(velden, k, w)
    r = verstuur(c, f"/vergaderingen/{naam}/verzonden", velden)
    assert r.status_code == 303, r.text
    return str(r.headers["location"])


def test_verzendingen_via_de_pagina_sluiten_de_verplichtingen(register: Path) -> None:
    voor = statussen(register)
    assert voor == {
        "4.8": "onbekend",
        "5.8": "onbekend",
        "5.9": "onbekend",
        "6.9c": "onbekend",
        "6.10": "onbekend",
        "7.3": "onbekend",
    }
    assert open_termijnen(register, "stuurgroep-2027-02-10")
    c = client(register)
    lijsten = ["notulen", "actiepuntenlijst", "besluitenlijst"]
    for naam in ("stuurgroep-2027-02-10", "stuurgroep-2027-05-12", "stuurgroep-2027-10-06"):
        d = dt.date.fromisoformat(naam[-10:]) + dt.timedelta(days=7)
        leg_vast_via_pagina(
            c, naam, lijsten, ["partijen", "partneroverleg", "colleges"], d.isoformat(),
            door="J. de Vries, secretaris", wijze="e-mail",
        )  # fmt: skip
    leg_vast_via_pagina(
        c, "stuurgroep-2027-02-10", ["jaarplan"], ["colleges", "partneroverleg"], "2027-03-01"
    )
    # the Partneroverleg's lists to itself, its relevant besluiten to the Stuurgroep (6.10,
    # 7.3, in writing), and the werkproces to every Partij, one mail each (6.9c)
    po = "partneroverleg-2027-03-03"
    leg_vast_via_pagina(c, po, lijsten, ["partneroverleg", "stuurgroep"], "2027-03-10")
    w = Werkplek(register)
    partijen = [p.id for p in w.convenant.partijen if p.is_partij and p.in_kracht_op(PEILDATUM)]
    for p in partijen[:-1]:
        leg_vast_via_pagina(c, po, ["werkproces"], [p], "2027-03-11", wijze="e-mail")
    assert statussen(register)["6.9c"] == "onbekend" or statussen(register)["6.9c"] != "in orde"
    leg_vast_via_pagina(c, po, ["werkproces"], [partijen[-1]], "2027-03-12", wijze="e-mail")

    assert statussen(register) == dict.fromkeys(voor, "in orde")
    assert open_termijnen(register, "stuurgroep-2027-02-10") == []
    # the line in the file, by whom and how, and the CLI reads the same
    data = yaml.safe_load((register / "stuurgroep-2027-10-06.yaml").read_text(encoding="utf-8"))
    assert data["verzonden"][-1] == {
        "documenten": lijsten,
        "aan": ["partijen", "partneroverleg", "colleges"],
        "op": dt.date(2027, 10, 13),
        "door": "J. de Vries, secretaris",
        "wijze": "e-mail",
    }
    _code, uit, fout = draai(["jaaroverzicht", str(register), "--jaar", "2027"])
    regel = next(r for r in uit.splitlines() if "(art. 5.8)" in r)
    assert "**in orde**" in regel, fout
    pagina = c.get("/vergaderingen/stuurgroep-2027-10-06").text
    assert "Er staat niets meer open om te verzenden." in pagina
    assert "J. de Vries, secretaris" in pagina
    assert "per e-mail" in pagina


def test_de_pagina_toont_wat_nog_te_verzenden_is_en_het_concept(register: Path) -> None:
    html = client(register).get("/vergaderingen/stuurgroep-2027-10-06").text
    assert "Nog te verzenden" in html
    assert "<strong>concept</strong>" in html


def test_de_pagina_noemt_de_laatste_dag_die_de_regel_noemt(register: Path) -> None:
    """The meeting page's last day for sending is the one rules.verzending gives the
    besluitenlijst and the calendar: the eve of the next Stuurgroep meeting."""
    pad = register / "stuurgroep-2027-05-12.yaml"
    data = yaml.safe_load(pad.read_text(encoding="utf-8"))
    data.pop("verzonden", None)  # nothing sent yet
    pad.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    v = Vergadering.model_validate(data)
    plichten = verzendplichten(
        Werkplek(register).convenant, "stuurgroep", v.datum, v.datum.replace(month=10, day=6)
    )
    dagen = {p.uiterlijk for p in plichten if p.termijn.moment == "voor_volgende_vergadering"}
    assert dagen == {dt.date(2027, 10, 5)}
    html = client(register).get("/vergaderingen/stuurgroep-2027-05-12").text
    deel = html.split("Nog te verzenden")[1].split("</ul>")[0]
    assert "uiterlijk 5 oktober 2027" in deel
    assert "6 oktober" not in deel


def test_een_onvolledige_verzending_noemt_het_veld_en_houdt_de_invoer(register: Path) -> None:
    c = client(register)
    naam = "stuurgroep-2027-10-06"
    oud = (register / f"{naam}.yaml").read_bytes()
    velden = [
        (n, w)
        for n, w in formuliervelden(c.get(f"/vergaderingen/{naam}").text, "verzendformulier")
        if n not in ("documenten", "aan")
    ]
    velden = zet(zet(velden, "op", "31-02-2027"), "door", "Mw. Bakker")
    r = verstuur(c, f"/vergaderingen/{naam}/verzonden", velden)
    assert r.status_code == 422
    assert 'id="fout-documenten">Kies welk document u hebt verzonden.' in r.text
    assert 'id="fout-aan">Kies aan wie u het hebt verzonden.' in r.text
    assert re.search(r'id="fout-op">Datum van verzending: [^<]+', r.text)
    assert 'name="door" value="Mw. Bakker"' in r.text  # what was typed stays
    assert (register / f"{naam}.yaml").read_bytes() == oud


def test_leg_vast_houdt_opmerkingen_en_weigert_een_verouderde_versie(register: Path) -> None:
    pad = register / "stuurgroep-2027-05-12.yaml"
    tekst = pad.read_text(encoding="utf-8")
    z = Verzending(
        documenten=["besluitenlijst"],
        aan=["assen"],
        op=dt.date(2027, 5, 20),
        door="secretariaat",
        wijze="e-mail",
        bericht_id="<1@zvhd.example>",
    )
    leg_vast(register, pad, z)
    nieuw = pad.read_text(encoding="utf-8")
    assert nieuw.startswith(tekst.split("verzonden:")[0])  # everything before it untouched
    assert [r for r in tekst.splitlines() if "#" in r] == [
        r for r in nieuw.splitlines() if "#" in r
    ]
    assert len(geschiedenis(register, pad.name)) == 1
    with pytest.raises(VerouderdeVersie):
        leg_vast(register, pad, z, versie(tekst.encode()))


def test_een_onbekende_ontvanger_in_het_bestand_wordt_aangewezen(register: Path) -> None:
    pad = register / "stuurgroep-2027-10-06.yaml"
    pad.write_text(
        pad.read_text(encoding="utf-8")
        + "verzonden:\n  - {documenten: [besluitenlijst], aan: [gemeente_nergens], op: 2027-10-20}\n",
        encoding="utf-8",
    )
    code, _, fout = draai(["toets", str(pad)])
    assert code == 2
    assert "stuurgroep-2027-10-06.yaml" in fout
    assert "gemeente_nergens" in fout
    assert re.search(r"regel \d+", fout) or re.search(r":\d+:\d+", fout)


VASTSTELLING = """  - id: sg-2027-14
    onderwerp: Vaststelling van de besluitenlijst van 10 februari 2027
    soort: verslag_vaststellen
    stelt_vast: 2027-02-10
    stemmen: {stemmen}
"""


def _zonder_vaststelling(register: Path) -> None:
    """The example meeting of 12 May without its besluit sg-2027-08 that adopts the lists of
    10 February."""
    pad = register / "stuurgroep-2027-05-12.yaml"
    tekst = pad.read_text(encoding="utf-8")
    if "  - id: sg-2027-08" not in tekst:
        return
    begin = tekst.index("  - id: sg-2027-08")
    pad.write_text(tekst[:begin] + tekst[tekst.index("  - id: sg-2027-09") :], encoding="utf-8")


def test_de_voorbeeldvergadering_stelt_de_lijsten_vast_met_een_besluit(register: Path) -> None:
    html = client(register).get("/vergaderingen/stuurgroep-2027-02-10").text
    assert "<strong>vastgesteld</strong> op 12 mei 2027 met besluit" in html
    _zonder_vaststelling(register)
    assert (
        "<strong>concept</strong>"
        in client(register).get("/vergaderingen/stuurgroep-2027-02-10").text
    )


def test_de_verouderde_korte_vorm_telt_nog_met_een_melding(register: Path) -> None:
    """`vorige_vastgesteld: ja` is still read, and `toets` says how to record it instead."""
    _zonder_vaststelling(register)
    pad = register / "stuurgroep-2027-05-12.yaml"
    tekst = pad.read_text(encoding="utf-8")
    pad.write_text(
        tekst.replace("volgende_vergadering:", "vorige_vastgesteld: ja\nvolgende_vergadering:", 1),
        encoding="utf-8",
    )
    html = client(register).get("/vergaderingen/stuurgroep-2027-02-10").text
    assert "<strong>vastgesteld</strong> op 12 mei 2027 in de" in html
    code, _, fout = draai(["toets", str(pad)])
    assert code in (0, 1)
    assert f"Let op: {pad}:7:" in fout
    assert "'vorige_vastgesteld' is verouderd" in fout
    assert "'soort: verslag_vaststellen' en 'stelt_vast: 2027-02-10'" in fout


def _met_vaststelling(register: Path, stemmen: str) -> None:
    _zonder_vaststelling(register)
    pad = register / "stuurgroep-2027-05-12.yaml"
    tekst = pad.read_text(encoding="utf-8")
    pad.write_text(
        tekst.replace("verzonden:\n", VASTSTELLING.format(stemmen=stemmen) + "verzonden:\n", 1),
        encoding="utf-8",
    )


def test_de_volgende_vergadering_stelt_de_besluitenlijst_vast(register: Path) -> None:
    c = client(register)
    _zonder_vaststelling(register)
    assert "<strong>concept</strong>" in c.get("/vergaderingen/stuurgroep-2027-02-10").text
    _met_vaststelling(register, "{voor: alle}")
    html = c.get("/vergaderingen/stuurgroep-2027-02-10").text
    assert "<strong>vastgesteld</strong> op 12 mei 2027 met besluit" in html
    assert 'href="/vergaderingen/stuurgroep-2027-05-12/besluiten/sg-2027-14"' in html
    code, uit, fout = draai(["toets", str(register / "stuurgroep-2027-05-12.yaml"), "--json"])
    assert code in (0, 1), fout
    assert "sg-2027-14" in uit


def test_een_verworpen_vaststelling_laat_het_concept_staan(register: Path) -> None:
    _met_vaststelling(register, "{tegen: alle}")
    html = client(register).get("/vergaderingen/stuurgroep-2027-02-10").text
    assert "<strong>concept</strong>" in html


def test_een_lijst_vaststellen_van_een_latere_vergadering_wordt_geweigerd(
    register: Path,
) -> None:
    pad = register / "stuurgroep-2027-05-12.yaml"
    _met_vaststelling(register, "{voor: alle}")
    pad.write_text(
        pad.read_text(encoding="utf-8").replace("stelt_vast: 2027-02-10", "stelt_vast: 2027-10-06"),
        encoding="utf-8",
    )
    code, _, fout = draai(["toets", str(pad)])
    assert code == 2
    assert "eerdere vergadering" in fout


def test_de_volgende_geplande_vergadering_geeft_de_laatste_dag(register: Path) -> None:
    """Until the next meeting is recorded, the planned one is the next meeting: the lists of
    the last Stuurgroep of the year are due the day before the one planned after it, as on
    the overview and the calendar, not 'nog niet gepland'."""
    c = client(register)
    naam = "stuurgroep-2027-10-06"
    deel = c.get(f"/vergaderingen/{naam}").text.split("Nog te verzenden")[1].split("</ul>")[0]
    assert "nog niet gepland" in deel
    planning = c.get("/planning").text
    r = c.post(
        "/planning",
        data={
            "csrf": re.search(r'name="csrf" value="([^"]+)"', planning)[1],  # type: ignore[index]
            "versie": re.search(r'name="versie" value="([^"]*)"', planning)[1],  # type: ignore[index]
            "orgaan": "stuurgroep",
            "datum": "2028-02-09",
        },
    )
    assert r.status_code == 303
    deel = c.get(f"/vergaderingen/{naam}").text.split("Nog te verzenden")[1].split("</ul>")[0]
    assert "uiterlijk 8 februari 2028" in deel
    assert "nog niet gepland" not in deel


def test_het_formulier_stelt_voor_wat_nog_open_staat(register: Path) -> None:
    """After the lists went to the Partijen and the Partneroverleg (5.8), the form proposes
    the besluiten to the twelve colleges (5.9): the besluitenlijst, in writing."""
    c = client(register)
    naam = "stuurgroep-2027-10-06"

    def voorstel() -> tuple[list[str], list[str]]:
        velden = formuliervelden(c.get(f"/vergaderingen/{naam}").text, "verzendformulier")
        return [w for n, w in velden if n == "documenten"], [w for n, w in velden if n == "aan"]

    assert voorstel() == (
        ["notulen", "besluitenlijst", "actiepuntenlijst"],
        ["partijen", "partneroverleg"],
    )
    leg_vast_via_pagina(c, naam, *voorstel(), "2027-10-13")
    assert voorstel() == (["besluitenlijst"], ["colleges"])
    leg_vast_via_pagina(c, naam, *voorstel(), "2027-10-13")
    assert "Er staat niets meer open om te verzenden." in c.get(f"/vergaderingen/{naam}").text
    # nothing open: nothing ticked, or the form invites recording the same sending twice
    assert voorstel() == ([], [])
    velden = formuliervelden(c.get(f"/vergaderingen/{naam}").text, "verzendformulier")
    assert "schriftelijk" not in [n for n, _ in velden]


def test_een_termijn_die_op_een_aanname_rust_zegt_dat_op_de_pagina(register: Path) -> None:
    """5.9 sets no term: 'before the next meeting' is the aanname informeren_gemeenten_termijn,
    and the page says so beside that line (linked to its title); the 5.8 lists rest on
    another (the stray '7' in the sentence), not on this one."""
    html = client(register).get("/vergaderingen/stuurgroep-2027-10-06").text
    regels = html.split("Nog te verzenden")[1].split("</ul>")[0].split("<li>")[1:]
    colleges = next(r for r in regels if "twaalf" in r)
    assert "rust op aanname" in colleges
    assert 'href="/convenant#aanname-informeren_gemeenten_termijn"' in colleges
    lijsten = next(r for r in regels if "Notulen" in r)
    assert "informeren_gemeenten_termijn" not in lijsten


def test_de_aannames_van_de_verzending_hebben_een_hele_titel(register: Path) -> None:
    """The aannames the meeting cycle cites (the sending terms, the adoption of the list, the
    inbreng, the escalation) are linked by a whole title: never one cut mid-text ('(6.10 …')
    nor the stray '7aan' the convenant's sentence has."""
    from convenant.web.sjablonen import aanname_titel

    c = Werkplek(register).convenant
    idents = {
        "escalatie_termijn",
        "vaststelling_besluitenlijst",
        "inbreng_vooraf_vorm",
        "verzoek_partneroverleg_termijn",  # on the planning's card of the Partneroverleg
    }
    for o in c.organen:
        for r in o.verslaglegging:
            idents |= {a for a in (r.aanname, r.termijn.aanname) if a}
    assert {"stray_7_in_5_8", "informeren_gemeenten_termijn"} <= idents
    for ident in idents:
        titel = aanname_titel(c, ident)
        assert not titel.endswith("…"), (ident, titel)
        assert "7aan" not in titel, (ident, titel)
