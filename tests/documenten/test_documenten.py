"""Documents a secretariat can send as they are: the four formats, the house style, and the
content points of issue 13 (besluitenlijst, agenda, letters, forms, overviews).

Word files are opened with python-docx and PDFs with pypdf: a test reads what a reader
would see (headings, cells, amounts, signatories, page size, page text), never bytes.
"""

from __future__ import annotations

import builtins
import io
import re
import shutil
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from docx import Document as Word
from pypdf import PdfReader

from convenant.maak import maak_document, maak_uit_bestand
from governance.bestanden import laad_convenant, laad_vergadering
from governance.errors import GebruiksFout
from tests.scenario_runners import draai

WORTEL = Path(__file__).resolve().parents[2]
VOORBEELDEN = WORTEL / "examples"
DOCS = VOORBEELDEN / "documenten"
A4 = (595.28, 841.89)  # points
# What a reader must never see: engine ids of soorten, seats and readings, or YAML files.
ENGINE = re.compile(
    r"aanname[ :]|\b(sg|po)_[a-z]|bijdrage_of_dienstverlening|informeren_gemeenten|"
    r"staking_van_stemmen|\.yaml\b|\{\{|\{%"
)


def _maak(
    tmp_path: Path, soort: str, invoer: Path, naam: str, *extra: str
) -> tuple[int, Path, str]:
    doel = tmp_path / naam
    code, _, fout = draai(["maak", soort, str(invoer), "--uitvoer", str(doel), *extra])
    return code, doel, fout


def _pdf_tekst(pad: Path) -> list[str]:
    return [pagina.extract_text() or "" for pagina in PdfReader(str(pad)).pages]


def _romp(pagina: str) -> list[str]:
    """A PDF page's lines without its footer (kenmerk and date, footer text, page number)."""
    return [
        r
        for r in pagina.splitlines()
        if r.strip() and not re.search(r"pagina \d+ van \d+|\w/\w|Postbus 100", r)
    ]


def _zonder_voet(pagina: str) -> str:
    """A PDF page's text without the footer lines at its end (kenmerk and date, footer text,
    page number; pypdf also puts the list bullets there)."""
    regels = pagina.splitlines()
    while regels and re.search(r"pagina \d+ van \d+|^\S+/\S+ · |Postbus 100|^•\s*$", regels[-1]):
        regels.pop()
    return "\n".join(regels)


def _word_tekst(pad: Path) -> str:
    doc = Word(str(pad))
    delen = [p.text for p in doc.paragraphs]
    for tabel in doc.tables:
        for rij in tabel.rows:
            delen += [cel.text for cel in rij.cells]
    for sectie in doc.sections:
        delen += [p.text for p in sectie.header.paragraphs + sectie.footer.paragraphs]
    return "\n".join(delen)


# --- formats ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("naam", "begin"),
    [("lijst.pdf", b"%PDF-"), ("lijst.docx", b"PK\x03\x04"), ("lijst.html", b"<!DOCTYPE html>")],
)
def test_de_extensie_kiest_het_formaat(tmp_path: Path, naam: str, begin: bytes) -> None:
    code, doel, fout = _maak(
        tmp_path, "actiepuntenlijst", VOORBEELDEN / "stuurgroep-2027-02-10.yaml", naam
    )
    assert code == 0, fout
    assert doel.read_bytes().startswith(begin)


def test_onbekende_extensie_is_een_fout_zonder_bestand(tmp_path: Path) -> None:
    code, doel, fout = _maak(
        tmp_path, "actiepuntenlijst", VOORBEELDEN / "stuurgroep-2027-02-10.yaml", "lijst.odt"
    )
    assert code == 2
    assert "'.odt' kan deze opdracht niet schrijven" in fout
    assert not doel.exists()


def test_extensie_en_formaat_die_elkaar_tegenspreken(tmp_path: Path) -> None:
    code, doel, fout = _maak(
        tmp_path,
        "actiepuntenlijst",
        VOORBEELDEN / "stuurgroep-2027-02-10.yaml",
        "lijst.pdf",
        "--formaat",
        "md",
    )
    assert code == 2
    assert "past niet bij --formaat md" in fout
    assert not doel.exists()


def test_binair_formaat_niet_naar_het_scherm() -> None:
    code, uit, fout = draai(
        [
            "maak",
            "actiepuntenlijst",
            str(VOORBEELDEN / "stuurgroep-2027-02-10.yaml"),
            "--formaat",
            "docx",
        ]
    )
    assert (code, uit) == (2, "")
    assert "--uitvoer" in fout


def test_zonder_pango_zegt_pdf_hoe_te_installeren(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Without Pango, importing WeasyPrint fails in cffi's dlopen with an OSError.
    echt_import = builtins.__import__

    def zonder_pango(naam: str, *args: Any, **kwargs: Any) -> Any:
        if naam == "weasyprint":
            raise OSError("cannot load library 'libpango-1.0-0'")
        return echt_import(naam, *args, **kwargs)

    monkeypatch.delitem(sys.modules, "weasyprint", raising=False)
    monkeypatch.setattr(builtins, "__import__", zonder_pango)
    code, doel, fout = _maak(
        tmp_path, "actiepuntenlijst", VOORBEELDEN / "stuurgroep-2027-02-10.yaml", "lijst.pdf"
    )
    assert code == 2
    assert "Pango" in fout
    assert "apt install libpango" in fout
    assert not doel.exists()
    code, doel, _ = _maak(
        tmp_path, "actiepuntenlijst", VOORBEELDEN / "stuurgroep-2027-02-10.yaml", "lijst.docx"
    )
    assert code == 0  # the other formats keep working
    assert doel.is_file()


# --- PDF ----------------------------------------------------------------------------------------

PDF_GEVALLEN = [
    (
        "besluitenlijst",
        VOORBEELDEN / "stuurgroep-2027-02-10.yaml",
        ["10 februari 2027", "Gemeente Coevorden"],
    ),
    (
        "liquidatieoverzicht",
        DOCS / "liquidatiebegroting-voorbeeld.yaml",
        ["€ 56.284,44", "€ 275.387,95", "Gemeente Emmen"],
    ),
    (
        "kennisgeving-toetreding",
        DOCS / "toetreding-voorbeeldzorg.yaml",
        ["3 februari 2027", "Stichting Voorbeeldzorg Drenthe"],
    ),
    ("opzegging", DOCS / "opzegging-cosis.yaml", ["31 januari 2028", "Cosis"]),
]


@pytest.mark.parametrize(
    ("soort", "invoer", "feiten"), PDF_GEVALLEN, ids=[g[0] for g in PDF_GEVALLEN]
)
def test_pdf_a4_met_voet_en_zonder_lege_pagina(
    tmp_path: Path, soort: str, invoer: Path, feiten: list[str]
) -> None:
    code, doel, fout = _maak(tmp_path, soort, invoer, f"{soort}.pdf")
    assert code == 0, fout
    lezer = PdfReader(str(doel))
    paginas = _pdf_tekst(doel)
    for i, pagina in enumerate(lezer.pages):
        assert (
            round(float(pagina.mediabox.width), 2),
            round(float(pagina.mediabox.height), 2),
        ) == A4
        tekst = paginas[i]
        assert f"pagina {i + 1} van {len(paginas)}" in tekst
        assert "ZVHD" in tekst or "COSIS" in tekst  # the kenmerk in the footer
        # no page holding only its footer: some body text besides kenmerk and page number
        assert len(_romp(tekst)) >= 5, f"pagina {i + 1} is (bijna) leeg: {tekst!r}"
    alles = "\n".join(paginas)
    for feit in feiten:
        assert feit in alles.replace("\u00a0", " ")
    assert not ENGINE.search(alles), ENGINE.search(alles)


# --- Word ---------------------------------------------------------------------------------------


def test_word_besluitenlijst_heeft_koppen_en_paginanummers(tmp_path: Path) -> None:
    code, doel, fout = _maak(
        tmp_path,
        "besluitenlijst",
        VOORBEELDEN / "stuurgroep-2027-02-10.yaml",
        "lijst.docx",
        "--met-toetsing",
    )
    assert code == 0, fout
    doc = Word(str(doel))
    titels = [p.text for p in doc.paragraphs if p.style is not None and p.style.name == "Title"]
    koppen = [
        p.text for p in doc.paragraphs if p.style is not None and p.style.name.startswith("Heading")
    ]
    assert titels == ["Besluitenlijst Stuurgroep"]
    assert "Besluiten" in koppen
    assert "Bijlage: de toetsing per besluit" in koppen
    # each besluit a heading of its own, in the list and again in the appendix
    assert koppen.count("1. Vaststelling Jaarplan 2027") == 2
    voet = doc.sections[0].footer._element.xml
    assert "PAGE" in voet
    assert "NUMPAGES" in voet
    tekst = _word_tekst(doel)
    assert "ZVHD/SG-BL/2027-02-10" in tekst
    assert "aangehouden tot Gemeente Coevorden gehoord is (art. 5.6)" in tekst
    assert "{{" not in tekst
    assert "{%" not in tekst


def test_word_liquidatie_bedragen_rechts_in_cellen(tmp_path: Path) -> None:
    code, doel, fout = _maak(
        tmp_path, "liquidatieoverzicht", DOCS / "liquidatiebegroting-voorbeeld.yaml", "l.docx"
    )
    assert code == 0, fout
    doc = Word(str(doel))
    rijen = {
        rij.cells[0].text: rij.cells
        for tabel in doc.tables
        for rij in tabel.rows
        if len(rij.cells) == 4
    }
    emmen = rijen["Gemeente Emmen"]
    assert [c.text for c in emmen[1:]] == ["108.000", "21,48\u00a0%", "€ 56.284,44"]
    assert emmen[3].paragraphs[0].alignment is not None
    assert emmen[3].paragraphs[0].alignment.name == "RIGHT"
    assert [c.text for c in rijen["Totaal"][1:]] == ["502.900", "100,00 %", "€ 262.087,45"]


def test_word_handtekeningen_met_ondertekenaars_op_een_pagina(tmp_path: Path) -> None:
    code, doel, fout = _maak(
        tmp_path, "toetredingsformulier", DOCS / "toetreding-voorbeeldzorg.yaml", "f.docx"
    )
    assert code == 0, fout
    doc = Word(str(doel))
    tabel = doc.tables[-1]
    links, rechts = (c.text for c in tabel.rows[0].cells)
    assert "mevr. A. Voorbeeld" in links
    assert "bestuurder" in links
    assert "Burgemeester van Assen (voorbeeld)" in rechts
    assert "voorzitter van de Stuurgroep" in rechts
    assert "cantSplit" in tabel.rows[0]._tr.xml  # Word keeps the signature row on one page


# --- house style --------------------------------------------------------------------------------


@pytest.fixture
def eigen_register(tmp_path: Path) -> Path:
    """A copy of the example register with its own house style."""
    register = tmp_path / "register"
    shutil.copytree(VOORBEELDEN, register)
    (register / "huisstijl.yaml").write_text(
        "organisatie: Gemeente Testdorp, afdeling Veiligheid\n"
        "retouradres: [Postbus 7, 9999 ZZ Testdorp]\n"
        "logo: logo-voorbeeld.png\n"
        "kenmerk_voorvoegsel: TST-VH\n"
        "kleur: '#6a1b9a'\n"
        "voettekst: Gemeente Testdorp · www.testdorp.example\n"
        "ondertekenaars:\n"
        "  kennisgeving-toetreding: {naam: J. Jansen, functie: secretaris a.i.}\n",
        encoding="utf-8",
    )
    return register


@pytest.mark.parametrize("formaat", ["md", "html", "docx", "pdf"])
def test_huisstijl_in_elk_formaat(eigen_register: Path, tmp_path: Path, formaat: str) -> None:
    invoer = eigen_register / "documenten" / "toetreding-voorbeeldzorg.yaml"
    code, doel, fout = _maak(tmp_path, "kennisgeving-toetreding", invoer, f"k.{formaat}")
    assert code == 0, fout
    if formaat == "docx":
        tekst = _word_tekst(doel)
        assert "word/media/" in " ".join(zipfile.ZipFile(doel).namelist())  # the logo
    elif formaat == "pdf":
        tekst = "\n".join(_pdf_tekst(doel))
    else:
        tekst = doel.read_text(encoding="utf-8")
    assert "Gemeente Testdorp, afdeling Veiligheid" in tekst
    assert "TST-VH/KT/2027-01-06" in tekst
    assert "J. Jansen" in tekst
    assert "secretaris a.i." in tekst
    assert "Postbus 7, 9999 ZZ Testdorp" in tekst
    if formaat != "md":
        assert "Gemeente Testdorp · www.testdorp.example" in tekst
    if formaat == "html":
        assert 'src="data:image/png;base64,' in tekst  # the logo travels with the file
        assert "--kleur: #6a1b9a" in tekst


def test_zonder_huisstijl_de_neutrale_zvhd_stijl(tmp_path: Path) -> None:
    register = tmp_path / "register"
    shutil.copytree(VOORBEELDEN, register)
    (register / "huisstijl.yaml").unlink()
    code, uit, _ = draai(
        [
            "maak",
            "agenda",
            str(register / "documenten" / "stuurgroep-2027-05-12.yaml"),
            "--datum",
            "2027-04-28",
        ]
    )
    assert code == 0
    assert uit.startswith("**Zorg- en Veiligheidshuis Drenthe**\n")
    assert "ZVHD/SG-AG/2027-05-12 · 28 april 2027" in uit


@pytest.mark.parametrize(
    ("regel", "melding", "nummer"),
    [
        ("kleur: blauw\n", "kleur", 2),
        ("logo: ontbreekt.png\n", "het logo 'ontbreekt.png' bestaat niet", 2),
        ("lettertype: Comic Sans\n", "lettertype", 2),
        ("ondertekenaars:\n  notulen: {naam: X, functie: Y}\n", "notulen", 3),
    ],
)
def test_huisstijl_wordt_gecontroleerd(
    tmp_path: Path, regel: str, melding: str, nummer: int
) -> None:
    register = tmp_path / "register"
    shutil.copytree(VOORBEELDEN, register)
    (register / "huisstijl.yaml").write_text("organisatie: Test\n" + regel, encoding="utf-8")
    code, uit, fout = draai(
        ["maak", "agenda", str(register / "documenten" / "stuurgroep-2027-05-12.yaml")]
    )
    assert (code, uit) == (2, "")
    assert f"{register / 'huisstijl.yaml'}:{nummer}:" in fout
    assert melding in fout


def test_eigen_word_sjabloon_uit_de_huisstijl(eigen_register: Path, tmp_path: Path) -> None:
    """A secretariat's own Word template, named in huisstijl.yaml, replaces the bundled one."""
    from docx import Document as NieuwWord

    map_ = eigen_register / "sjablonen" / "docx"
    map_.mkdir(parents=True)
    eigen = NieuwWord()
    eigen.add_paragraph("Eigen opzegging van {{ partij.naam }} per {{ ingang|datum }}")
    eigen.save(str(map_ / "opzegging.docx"))
    with (eigen_register / "huisstijl.yaml").open("a", encoding="utf-8") as f:
        f.write("sjablonen: sjablonen\n")
    code, doel, fout = _maak(
        tmp_path, "opzegging", eigen_register / "documenten" / "opzegging-cosis.yaml", "o.docx"
    )
    assert code == 0, fout
    assert "Eigen opzegging van Cosis per 31 januari 2028" in _word_tekst(doel)


# --- CONCEPT ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("besluit", "reden"),
    [
        ("  datum: 2027-02-10\n  besluit: sg-2027-05\n", "is niet aangenomen, maar aangehouden"),
        ("  datum: 2027-05-12\n  besluit: sg-2027-99\n", "staat niet in het register"),
        ("", "noemt nog geen besluit van de Stuurgroep"),  # before the Stuurgroep decided
        # adopted, but about the Jaarplan: the signed form would cite the wrong besluit
        (
            "  datum: 2027-02-10\n  besluit: sg-2027-01\n",
            "niet over de toetreding van Stichting Voorbeeldzorg Drenthe",
        ),
    ],
)
@pytest.mark.parametrize("formaat", ["md", "html", "docx", "pdf"])
def test_formulier_zonder_aangenomen_besluit_is_concept(
    tmp_path: Path, besluit: str, reden: str, formaat: str
) -> None:
    register = tmp_path / "register"
    shutil.copytree(VOORBEELDEN, register)
    invoer = register / "documenten" / "toetreding-voorbeeldzorg.yaml"
    tekst = invoer.read_text(encoding="utf-8")
    invoer.write_text(
        tekst.replace("  datum: 2027-05-12\n  besluit: sg-2027-09\n", besluit), encoding="utf-8"
    )
    code, doel, fout = _maak(tmp_path, "toetredingsformulier", invoer, f"f.{formaat}")
    assert code == 1
    assert "CONCEPT" in fout
    assert reden in fout
    if formaat == "docx":
        inhoud = _word_tekst(doel)
    elif formaat == "pdf":
        inhoud = "\n".join(_pdf_tekst(doel))
    else:
        inhoud = doel.read_text(encoding="utf-8")
    assert "CONCEPT" in inhoud
    assert reden in inhoud.replace("\n", " ")


def test_addendum_op_een_besluit_over_iets_anders_is_concept(tmp_path: Path) -> None:
    """An addendum rests on the Stuurgroep's besluit on the change (23.2): one that names the
    toetreding of 12 May instead is a CONCEPT that says so."""
    register = tmp_path / "register"
    shutil.copytree(VOORBEELDEN, register)
    invoer = register / "documenten" / "addendum-2027-1.yaml"
    tekst = invoer.read_text(encoding="utf-8")
    assert "besluit: sg-2027-13" in tekst
    invoer.write_text(tekst.replace("besluit: sg-2027-13", "besluit: sg-2027-09"), encoding="utf-8")
    code, doel, fout = _maak(tmp_path, "addendum", invoer, "a.md")
    assert code == 1
    reden = "gaat over ‘Toetreding van Stichting Voorbeeldzorg Drenthe (vervolg)’, niet over een wijziging van het convenant (art. 23.2)"
    assert reden in fout
    assert reden in doel.read_text(encoding="utf-8")


def _antwoorden(register: Path, bezwaar: tuple[str, ...], zonder: tuple[str, ...]) -> None:
    """The accession dossier of the example with objections and missing answers."""
    pad = register / "toetredingen" / "voorbeeldzorg.yaml"
    data = yaml.safe_load(pad.read_text(encoding="utf-8"))
    data["antwoorden"] = [a for a in data["antwoorden"] if a["partij"] not in zonder]
    for a in data["antwoorden"]:
        if a["partij"] in bezwaar:
            a["antwoord"] = "bezwaar"
    pad.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


@pytest.mark.parametrize(
    ("soort", "wijzig", "reden"),
    [
        (
            "toetredingsformulier",
            {"besluit": "  datum: 2027-05-12\n"},
            "Het toetredingsbestand noemt bij het besluit van de Stuurgroep van 12 mei 2027 "
            "geen besluitnummer.",
        ),
        (
            "addendum",
            {"besluit": "  datum: 2027-05-12\n"},
            "Het addendumbestand noemt bij het besluit van de Stuurgroep van 12 mei 2027 "
            "geen besluitnummer.",
        ),
        (
            "toetredingsformulier",
            {"dossier": "weg"},
            "Er is geen toetredingsdossier van Stichting Voorbeeldzorg Drenthe in het register; "
            "of alle Partijen akkoord gaven (art. 22.4), is niet na te zien.",
        ),
        (
            "toetredingsformulier",
            {"bezwaar": ("cosis",)},
            "Volgens het toetredingsdossier maakte Cosis bezwaar (art. 22.4).",
        ),
        (
            "toetredingsformulier",
            {"bezwaar": ("meppel", "cosis")},
            "Volgens het toetredingsdossier maakten Gemeente Meppel en Cosis bezwaar (art. 22.4).",
        ),
        (
            "toetredingsformulier",
            {"zonder": ("assen", "cosis")},
            "Het toetredingsdossier mist op 12 mei 2027 het antwoord van 2 van de 31 Partijen "
            "(Gemeente Assen en Cosis); de Stuurgroep beslist na akkoord van alle Partijen "
            "(art. 22.4).",
        ),
    ],
)
def test_de_waarschuwing_zegt_de_reden_van_het_concept(
    tmp_path: Path, soort: str, wijzig: dict[str, Any], reden: str
) -> None:
    """The command line's warning gives the reason in the words of the banner, whole: both
    come from one macro (templates/teksten/toetredingsformulier.j2)."""
    register = tmp_path / "register"
    shutil.copytree(VOORBEELDEN, register)
    naam = "toetreding-voorbeeldzorg.yaml" if soort != "addendum" else "addendum-2027-1.yaml"
    invoer = register / "documenten" / naam
    if "besluit" in wijzig:
        tekst = invoer.read_text(encoding="utf-8")
        invoer.write_text(
            re.sub(r"  datum: 2027-05-12\n  besluit: \S+\n", wijzig["besluit"], tekst),
            encoding="utf-8",
        )
    if "dossier" in wijzig:
        (register / "toetredingen" / "voorbeeldzorg.yaml").unlink()
    if "bezwaar" in wijzig or "zonder" in wijzig:
        _antwoorden(register, wijzig.get("bezwaar", ()), wijzig.get("zonder", ()))
    code, doel, fout = _maak(tmp_path, soort, invoer, "f.md")
    assert code == 1
    assert fout == f"Let op: dit document is een CONCEPT en is zo gemarkeerd. {reden}\n"
    assert f"> **CONCEPT**: {reden}\n" in doel.read_text(encoding="utf-8")


def test_formulier_met_aangenomen_besluit_is_geen_concept() -> None:
    code, uit, fout = draai(
        ["maak", "toetredingsformulier", str(DOCS / "toetreding-voorbeeldzorg.yaml")]
    )
    assert (code, fout) == (0, "")
    assert "CONCEPT" not in uit
    code, uit, fout = draai(["maak", "addendum", str(DOCS / "addendum-2027-1.yaml")])
    assert (code, fout) == (0, "")
    assert "CONCEPT" not in uit


def test_rollen_niet_dubbel() -> None:
    _, uit, _ = draai(["maak", "addendum", str(DOCS / "addendum-2027-1.yaml")])
    assert "Manager ZVHD (voorbeeld) |" in uit
    assert "Manager ZVHD (voorbeeld), manager" not in uit
    assert "Manager ZVHD (voorbeeld), Manager van het ZVHD" not in uit


# --- content ------------------------------------------------------------------------------------


def test_besluitenlijst_in_woorden_voor_buitenstaanders() -> None:
    code, uit, _ = draai(
        ["maak", "besluitenlijst", str(VOORBEELDEN / "stuurgroep-2027-02-10.yaml")]
    )
    assert code == 0
    assert "De Stuurgroep stelt het Jaarplan 2027 vast." in uit
    assert "**Uitkomst:** aangehouden tot Gemeente Coevorden gehoord is (art. 5.6)." in uit
    # 5.7 puts the matter to the twelve gemeenten (their colleges are a route the Voorzitter
    # may choose), and the list is written before it was put: a duty, not a fact
    te_doen = "ter beslissing voor te leggen aan de twaalf Drentse gemeenten (art. 5.7)"
    assert f"**Uitkomst:** {te_doen}." in uit
    assert f"de stemmen staakten; {te_doen}" in uit
    assert "voorgelegd aan" not in uit
    assert not ENGINE.search(uit.split("---")[0]), ENGINE.search(uit)
    assert "Artikelen" not in uit
    assert "toetsing" not in uit
    aanwezig = uit.split("**Aanwezig:** ")[1].split("\n")[0].split("; ")
    assert aanwezig[0] == "Burgemeester van Assen (voorbeeld), voorzitter"
    assert aanwezig.index("Burgemeester van Emmen (voorbeeld)") < aanwezig.index(
        "Sectorhoofd politie Drenthe (voorbeeld)"
    )  # by Partij: the gemeenten first, as the convenant lists them


@pytest.mark.parametrize(
    "bestand", ["partneroverleg-2027-03-03.yaml", "jaarvergadering-2027-06-16.yaml"]
)
def test_besluitenlijst_voor_partneroverleg_en_jaarvergadering(bestand: str) -> None:
    code, uit, fout = draai(["maak", "besluitenlijst", str(VOORBEELDEN / bestand)])
    assert code == 0, fout
    assert "**Uitkomst:**" in uit


def test_agenda_met_besproken_punten_en_colleges(tmp_path: Path) -> None:
    invoer = tmp_path / "agenda.yaml"
    tekst = (DOCS / "stuurgroep-2027-05-12.yaml").read_text(encoding="utf-8")
    invoer.write_text(
        tekst + "  - id: sg-2027-20\n    onderwerp: Verhoging van de bijdrage\n"
        "    soort: bijdrage_of_dienstverlening\n"
        "besproken: [Evaluatie van de samenwerking met de politie]\n",
        encoding="utf-8",
    )
    code, uit, fout = draai(["maak", "agenda", str(invoer), "--register", str(VOORBEELDEN)])
    assert code == 0, fout
    assert "**Evaluatie van de samenwerking met de politie**\n   Ter bespreking." in uit
    assert "Ter voorbereiding van het besluit van de twaalf colleges: wijziging van" in uit
    punt = uit.split("**Verhoging van de bijdrage**")[1].split("\n\n")[0]
    assert "Ter besluitvorming" not in punt
    assert "- **Aan:** de leden van de Stuurgroep: Burgemeester van Assen (voorbeeld);" in uit


def test_agenda_jaarvergadering_noemt_jaarverslag_en_jaarrekening_een_keer() -> None:
    code, uit, _ = draai(["maak", "agenda", str(DOCS / "jaarvergadering-2027-06-16.yaml")])
    assert code == 0
    punten = [r for r in uit.splitlines() if re.match(r"\d+\. ", r)]
    assert [p for p in punten if "jaarverslag" in p.lower()] == [
        "2. **Jaarverslag en jaarrekening 2026**"
    ]
    assert [p for p in punten if "jaarrekening" in p.lower()] == [
        "2. **Jaarverslag en jaarrekening 2026**"
    ]
    assert "- **Aan:** alle Partijen bij het convenant" in uit


def test_kennisgeving_met_lijst_antwoordformulier_en_kenmerk() -> None:
    code, uit, _ = draai(
        ["maak", "kennisgeving-toetreding", str(DOCS / "toetreding-voorbeeldzorg.yaml")]
    )
    assert code == 0
    assert "## Bijlage 1: geadresseerden (31 Partijen)" in uit
    assert "1. Gemeente Aa en Hunze" in uit
    assert "## Bijlage 2: antwoordformulier" in uit
    assert "akkoord gaat met de toetreding van Stichting Voorbeeldzorg Drenthe" in uit
    assert "uiterlijk 3 februari 2027" in uit
    assert uit.count("ZVHD/KT/2027-01-06") >= 3  # in the letter, the form and the footer


def test_opzegging_als_brief_van_de_partij() -> None:
    code, uit, _ = draai(["maak", "opzegging", str(DOCS / "opzegging-cosis.yaml")])
    assert code == 0
    assert uit.startswith("> **Voorbeeldgegevens, niet versturen.**")  # the example register
    assert "\n\n**Cosis**  \nPostbus 1234 (voorbeeld)" in uit
    assert "Zorg- en Veiligheidshuis Drenthe**" not in uit.split("#")[0]  # not on ZVHD paper
    assert "Afschrift aan alle Partijen bij het convenant" in uit
    assert "dan gaat de uittreding in op **31 januari 2028**" in uit
    assert "gerekend vanaf de dag waarop de Stuurgroep deze brief ontvangt" in uit
    assert "geheimhouding" in uit
    assert "aanname" not in uit
    # the signatory, and under the name the function from the input (issue 13: the name is a
    # placeholder, the function is what the Stuurgroep reads)
    assert "dhr. C. Voorbeeld  \nbestuurder\n" in uit
    assert uit.split("namens Cosis,")[1].count("bestuurder") == 1  # said once


def test_liquidatie_bij_uittreding_van_een_gemeente() -> None:
    code, uit, _ = draai(
        [
            "maak",
            "liquidatieoverzicht",
            str(DOCS / "liquidatiebegroting-voorbeeld.yaml"),
            "--route",
            "uittreding",
            "--uittredend",
            "meppel",
            "--zonder",
            "assen",
        ]
    )
    assert code == 0
    assert "Gemeente Meppel treedt uit. Het convenant blijft bestaan" in uit
    assert "opgeheven" not in uit
    assert "Niet meegerekend: Gemeente Assen." in uit
    assert "| Gemeente Assen |" not in uit
    procenten = re.findall(r"\| ([\d,]+)\u00a0% \|", uit)
    assert sum(float(p.replace(",", ".")) for p in procenten) == pytest.approx(100.0)


def test_liquidatie_onbekende_gemeente() -> None:
    code, _, fout = draai(
        [
            "maak",
            "liquidatieoverzicht",
            str(DOCS / "liquidatiebegroting-voorbeeld.yaml"),
            "--zonder",
            "asen",
        ]
    )
    assert code == 2
    assert "'asen' is geen gemeente (bedoelde u 'assen'?)" in fout


def test_uittredingsoverzicht() -> None:
    code, uit, fout = draai(
        [
            "maak",
            "uittredingsoverzicht",
            str(DOCS / "opzegging-cosis.yaml"),
            "--begroting",
            str(DOCS / "liquidatiebegroting-voorbeeld.yaml"),
        ]
    )
    assert code == 0, fout
    # counted from receipt, as the opzegging counts it (issue 13)
    assert "dan gaat de uittreding in op **31 januari 2028**; bij latere ontvangst" in uit
    assert (
        "| 31 januari 2027 | Cosis zegt schriftelijk op bij de Stuurgroep (datum van de brief, hier ook als dag van ontvangst genomen) | art. 25.2 |"
        in uit
    )
    assert "| Partneroverleg | Afgevaardigde Cosis (voorbeeld) | de zetel vervalt |" in uit
    assert "## Kosten volgens de liquidatiebegroting (art. 25.6)" in uit
    assert "**€ 262.087,45**" in uit
    assert not ENGINE.search(uit), ENGINE.search(uit)


def test_jaaroverzicht_zonder_bestandsnamen_in_de_romp() -> None:
    code, uit, _ = draai(["jaaroverzicht", str(VOORBEELDEN), "--jaar", "2027"])
    assert code == 1
    romp, bijlage = uit.split("## Bijlage: bronnen")
    assert ".yaml" not in romp
    assert "aanname" not in romp
    assert "### Februari: Stuurgroep, 10 februari 2027" in romp
    # The sources by their meetings' names; the file names only under the technical details.
    bronnen, _, technisch = bijlage.partition("### Technische details")
    assert "- Stuurgroep, 10 februari 2027" in bronnen
    assert ".yaml" not in bronnen
    assert "stuurgroep-2027-02-10.yaml" in technisch


@pytest.mark.parametrize("formaat", ["md", "html", "docx", "pdf"])
def test_voorbeeldbanner_in_elk_formaat(tmp_path: Path, formaat: str) -> None:
    code, doel, _ = _maak(
        tmp_path, "besluitenlijst", VOORBEELDEN / "partneroverleg-2027-03-03.yaml", f"b.{formaat}"
    )
    assert code == 0
    if formaat == "docx":
        tekst = _word_tekst(doel)
    elif formaat == "pdf":
        tekst = "\n".join(_pdf_tekst(doel))
    else:
        tekst = doel.read_text(encoding="utf-8")
    assert "Voorbeeldgegevens, niet versturen." in tekst
    assert "voorbeeldbezetting" in tekst


def test_geen_voorbeeldbanner_met_een_echte_bezetting(tmp_path: Path) -> None:
    register = tmp_path / "register"
    shutil.copytree(VOORBEELDEN, register)
    bezetting = register / "bezetting.yaml"
    bezetting.write_text(
        bezetting.read_text(encoding="utf-8").replace("voorbeeld: true", "voorbeeld: false"),
        encoding="utf-8",
    )
    code, uit, _ = draai(
        ["maak", "besluitenlijst", str(register / "partneroverleg-2027-03-03.yaml")]
    )
    assert code == 0
    assert "Voorbeeldgegevens" not in uit


# --- the rendering API, for the web workplace ----------------------------------------------------


def test_api_zonder_cli() -> None:
    c = laad_convenant().model
    bestand = laad_vergadering(VOORBEELDEN / "stuurgroep-2027-02-10.yaml")
    document = maak_document("actiepuntenlijst", "docx", c, bestand)
    assert isinstance(document.inhoud, bytes)
    assert document.mime.endswith("wordprocessingml.document")
    assert Word(io.BytesIO(document.inhoud)).paragraphs
    tekst = maak_document("actiepuntenlijst", "html", c, bestand)
    assert isinstance(tekst.inhoud, str)
    assert tekst.concept == ()
    with pytest.raises(GebruiksFout):
        maak_document("notulen", "md", c, bestand)


def test_api_uit_een_bestand_met_zijn_register() -> None:
    """One call from a path, as the workplace previews and downloads a document."""
    document = maak_uit_bestand(
        "liquidatieoverzicht",
        "pdf",
        DOCS / "liquidatiebegroting-voorbeeld.yaml",
        route="uittreding",
        uittredend="meppel",
    )
    assert isinstance(document.inhoud, bytes)
    assert document.inhoud.startswith(b"%PDF-")
    assert document.mime == "application/pdf"
    tekst = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(document.inhoud)).pages)
    assert "Gemeente Meppel treedt uit" in tekst
    concept = maak_uit_bestand("toetredingsformulier", "md", DOCS / "toetreding-voorbeeldzorg.yaml")
    assert concept.concept == ()


# Every kind, in the formats a secretariat sends, from the example register (which has a house
# style): the Word and PDF files open, carry the organisation and kenmerk, and no template tag.
ELKE_SOORT = [
    ("agenda", [str(DOCS / "stuurgroep-2027-05-12.yaml")]),
    ("besluitenlijst", [str(VOORBEELDEN / "stuurgroep-2027-02-10.yaml"), "--met-toetsing"]),
    ("actiepuntenlijst", [str(VOORBEELDEN / "stuurgroep-2027-02-10.yaml")]),
    ("toetredingsformulier", [str(DOCS / "toetreding-voorbeeldzorg.yaml")]),
    ("kennisgeving-toetreding", [str(DOCS / "toetreding-voorbeeldzorg.yaml")]),
    ("opzegging", [str(DOCS / "opzegging-cosis.yaml")]),
    ("addendum", [str(DOCS / "addendum-2027-1.yaml")]),
    ("liquidatieoverzicht", [str(DOCS / "liquidatiebegroting-voorbeeld.yaml")]),
    (
        "uittredingsoverzicht",
        [
            str(DOCS / "opzegging-cosis.yaml"),
            "--begroting",
            str(DOCS / "liquidatiebegroting-voorbeeld.yaml"),
        ],
    ),
    ("notitie-lezingen", [str(VOORBEELDEN)]),
]


@pytest.mark.parametrize("formaat", ["docx", "pdf"])
@pytest.mark.parametrize(("soort", "args"), ELKE_SOORT, ids=[s for s, _ in ELKE_SOORT])
def test_elke_soort_in_word_en_pdf(
    tmp_path: Path, soort: str, args: list[str], formaat: str
) -> None:
    doel = tmp_path / f"{soort}.{formaat}"
    code, _, fout = draai(["maak", soort, *args, "--uitvoer", str(doel)])
    assert code == 0, fout
    tekst = _word_tekst(doel) if formaat == "docx" else "\n".join(_pdf_tekst(doel))
    assert "{{" not in tekst
    assert "{%" not in tekst
    assert ("COSIS/" if soort == "opzegging" else "ZVHD/") in tekst
    if soort != "opzegging":
        assert "Zorg- en Veiligheidshuis Drenthe" in tekst
    if formaat == "pdf":
        for i, pagina in enumerate(_pdf_tekst(doel), 1):  # no page holding only a tail
            assert len(_romp(pagina)) >= 5, f"pagina {i} is (bijna) leeg: {pagina!r}"


def test_jaaroverzicht_in_word_en_pdf(tmp_path: Path) -> None:
    for formaat in ("docx", "pdf"):
        doel = tmp_path / f"jaar.{formaat}"
        code, _, _ = draai(
            ["jaaroverzicht", str(VOORBEELDEN), "--jaar", "2027", "--uitvoer", str(doel)]
        )
        assert code == 1  # the example year is not in order
        tekst = _word_tekst(doel) if formaat == "docx" else "\n".join(_pdf_tekst(doel))
        assert "Jaaroverzicht 2027" in tekst
        assert "ZVHD/JO/2027-12-31" in tekst


def test_simuleer_uittreding_als_document(tmp_path: Path) -> None:
    doel = tmp_path / "meppel.docx"
    code, uit, fout = draai(
        [
            "simuleer",
            "uittreding",
            "--register",
            str(VOORBEELDEN),
            "--partij",
            "meppel",
            "--opzegging",
            "2027-01-31",
            "--begroting",
            str(DOCS / "liquidatiebegroting-voorbeeld.yaml"),
            "--uitvoer",
            str(doel),
        ]
    )
    assert (code, uit) == (0, ""), fout
    tekst = _word_tekst(doel)
    assert "Uittreding van Gemeente Meppel" in tekst
    assert "dan gaat de uittreding in op 31 januari 2028; bij latere ontvangst" in tekst
    assert "Kosten volgens de liquidatiebegroting (art. 25.6)" in tekst
    code, _, fout = draai(
        [
            "simuleer",
            "uittreding",
            "--partij",
            "meppel",
            "--opzegging",
            "2027-01-31",
            "--json",
            "--formaat",
            "md",
        ]
    )
    assert code == 2
    assert "kies --json of een document" in fout


# Every kind in every format with its optional inputs left out: a template may not ask for a
# field the file need not have (a meeting without a place, an exit without a budget, a
# toetreding before the Stuurgroep decided). The fields left out are those the model does not
# require, so a new optional field is covered without touching this test; kept are only the
# facts without which the input itself is wrong (who attended, whose votes count) and the date
# a kennisgeving is about (it says so, exit 2, naming the field).
NODIG = {"aanwezig", "afwezig"}
NODIG_PER_SOORT = {"kennisgeving-toetreding": {"kennisgeving_op"}}
KAAL = [
    ("agenda", DOCS / "stuurgroep-2027-05-12.yaml"),
    ("besluitenlijst", VOORBEELDEN / "stuurgroep-2027-02-10.yaml"),
    ("actiepuntenlijst", VOORBEELDEN / "stuurgroep-2027-02-10.yaml"),
    ("toetredingsformulier", DOCS / "toetreding-voorbeeldzorg.yaml"),
    ("kennisgeving-toetreding", DOCS / "toetreding-voorbeeldzorg.yaml"),
    ("opzegging", DOCS / "opzegging-cosis.yaml"),
    ("addendum", DOCS / "addendum-2027-1.yaml"),
    ("liquidatieoverzicht", DOCS / "liquidatiebegroting-voorbeeld.yaml"),
    ("uittredingsoverzicht", DOCS / "opzegging-cosis.yaml"),
]


def _zonder_optionele_velden(soort: str, invoer: Path, doel: Path) -> list[str]:
    import yaml

    from convenant.maak import invoermodel

    model = invoermodel(soort)
    gegevens = yaml.safe_load(invoer.read_text(encoding="utf-8"))
    nodig = NODIG | NODIG_PER_SOORT.get(soort, set())
    weg = [
        k
        for k in gegevens
        if k in model.model_fields and not model.model_fields[k].is_required() and k not in nodig
    ]
    doel.write_text(
        yaml.safe_dump({k: v for k, v in gegevens.items() if k not in weg}, allow_unicode=True),
        encoding="utf-8",
    )
    return weg


@pytest.mark.parametrize("formaat", ["md", "html", "docx", "pdf"])
@pytest.mark.parametrize(("soort", "invoer"), KAAL, ids=[s for s, _ in KAAL])
def test_elke_soort_zonder_optionele_invoer(
    tmp_path: Path, soort: str, invoer: Path, formaat: str
) -> None:
    register = tmp_path / "register"
    shutil.copytree(VOORBEELDEN, register, ignore=shutil.ignore_patterns("documenten"))
    kaal = register / "kaal.yaml"
    _zonder_optionele_velden(soort, invoer, kaal)
    doel = tmp_path / f"{soort}.{formaat}"
    code, _, fout = draai(["maak", soort, str(kaal), "--uitvoer", str(doel)])
    assert code in (0, 1), fout  # 1: a CONCEPT form; never 2 (a template asking for a field)
    assert doel.exists()
    if code == 1:
        assert "CONCEPT" in fout


def _gegevens_uit_markdown(md: str) -> dict[str, str]:
    """The facts block of a document ("- **Plaats:** ..."), label to value, without markup."""
    return {
        m[1]: re.sub(r"\*\*|`|\[|\]\([^)]*\)", "", m[2])
        for m in re.finditer(r"^- \*\*([^*]+):\*\* (.+)$", md, re.MULTILINE)
    }


MAANDEN = (
    "(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)"
)


def _zonder_wit(tekst: str) -> str:
    return re.sub(r"\s+", "", tekst.replace("\u00a0", " "))


# Word and PDF carry the same facts as the Markdown: every value of the facts block (date, place,
# kenmerk, addressees, ...) appears in each format. Compared without white space, because a PDF
# breaks long lines where it must.
@pytest.mark.parametrize(("soort", "args"), ELKE_SOORT, ids=[s for s, _ in ELKE_SOORT])
def test_dezelfde_feiten_in_elk_formaat(tmp_path: Path, soort: str, args: list[str]) -> None:
    teksten: dict[str, str] = {}
    for formaat in ("md", "docx", "pdf"):
        doel = tmp_path / f"{soort}.{formaat}"
        code, _, fout = draai(["maak", soort, *args, "--uitvoer", str(doel)])
        assert code == 0, fout
        if formaat == "md":
            teksten[formaat] = doel.read_text(encoding="utf-8")
        elif formaat == "docx":
            teksten[formaat] = _word_tekst(doel)
        else:  # footers only at the end, so a fact may run on over a page break
            paginas = _pdf_tekst(doel)
            teksten[formaat] = "\n".join([*map(_zonder_voet, paginas[:-1]), paginas[-1]])
    feiten = _gegevens_uit_markdown(teksten["md"])
    # and every amount and date the Markdown names
    for i, m in enumerate(
        re.finditer(r"€\s?[\d.]+,\d\d|\b\d{1,2} " + MAANDEN + r" \d{4}", teksten["md"])
    ):
        feiten[f"{i}"] = m[0]
    assert feiten, "geen feiten om te vergelijken"
    for formaat in ("docx", "pdf"):
        inhoud = _zonder_wit(teksten[formaat])
        ontbreekt = {k: v for k, v in feiten.items() if _zonder_wit(v) not in inhoud}
        assert not ontbreekt, f"{formaat} mist wat de Markdown zegt: {ontbreekt}"


@pytest.mark.parametrize(("formaat", "module"), [("pdf", "weasyprint"), ("docx", "docxtpl")])
def test_ontbrekende_bibliotheek_zegt_hoe_te_herstellen(
    formaat: str, module: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # A broken install (the library itself missing) is not a missing Pango: say to reinstall.
    monkeypatch.setitem(sys.modules, module, None)  # import now raises ModuleNotFoundError
    doel = tmp_path / f"agenda.{formaat}"
    code, _, fout = draai(
        [
            "maak",
            "agenda",
            str(VOORBEELDEN / "documenten" / "stuurgroep-2027-05-12.yaml"),
            "--uitvoer",
            str(doel),
        ]
    )
    assert code == 2
    assert f"de bibliotheek '{module}' ontbreekt in deze installatie" in fout
    assert "Pango" not in fout
    assert not doel.exists()
