"""Build the Word templates of every document kind (docxtpl: Jinja inside a .docx).

The .docx files in templates/docx/ are the source a secretariat edits in Word: change the fonts,
colours, margins, header or wording there, keep the {{ ... }} and {%p ... %} tags, and save.
This script only makes the project's first version of them, so the layout can be rebuilt
consistently after a change in what a document holds:

    .venv/bin/python tools/maak_sjablonen.py [SOORT ...]

It overwrites the templates there. The tags follow docxtpl: {{ veld }} in a run,
{%p ... %} as a paragraph of its own, {%tr ... %} in the first cell of a table row that
repeats. The fields a template may use are those of the Markdown and HTML templates.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as Doc
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph

MAP = Path(__file__).resolve().parents[1] / "templates" / "docx"
KLEUR = RGBColor(0x1F, 0x4E, 0x79)
GRIJS = RGBColor(0x55, 0x55, 0x55)
LETTER = "Arial"


# --- building blocks ----------------------------------------------------------------------------


def _veld(paragraaf: Paragraph, code: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word fills in when it lays out the pages."""
    for soort, tekst in (("begin", None), (None, code), ("separate", None), (None, "1")):
        run = paragraaf.add_run()
        if soort:
            teken = OxmlElement("w:fldChar")
            teken.set(qn("w:fldCharType"), soort)
            run._r.append(teken)
        elif tekst == code:
            instructie = OxmlElement("w:instrText")
            instructie.set(qn("xml:space"), "preserve")
            instructie.text = f" {code} "
            run._r.append(instructie)
        else:
            run.text = tekst or ""
    einde = paragraaf.add_run()
    teken = OxmlElement("w:fldChar")
    teken.set(qn("w:fldCharType"), "end")
    einde._r.append(teken)


def _arcering(paragraaf: Paragraph, vulling: str, rand: str) -> None:
    eigenschappen = paragraaf._p.get_or_add_pPr()
    randen = OxmlElement("w:pBdr")
    for kant in ("top", "left", "bottom", "right"):
        lijn = OxmlElement(f"w:{kant}")
        lijn.set(qn("w:val"), "single")
        lijn.set(qn("w:sz"), "8")
        lijn.set(qn("w:space"), "4")
        lijn.set(qn("w:color"), rand)
        randen.append(lijn)
    eigenschappen.append(randen)
    arcering = OxmlElement("w:shd")
    arcering.set(qn("w:val"), "clear")
    arcering.set(qn("w:color"), "auto")
    arcering.set(qn("w:fill"), vulling)
    eigenschappen.append(arcering)


def _tabelranden(tabel: Table, binnen: bool = True) -> None:
    """Horizontal rules only: a line under the header and light lines between rows."""
    eigenschappen = tabel._tbl.tblPr
    randen = OxmlElement("w:tblBorders")
    for kant, dikte, kleur in (
        ("top", "0", "auto"),
        ("left", "0", "auto"),
        ("bottom", "6" if binnen else "0", "999999"),
        ("right", "0", "auto"),
        ("insideH", "4" if binnen else "0", "BBBBBB"),
        ("insideV", "0", "auto"),
    ):
        lijn = OxmlElement(f"w:{kant}")
        lijn.set(qn("w:val"), "single" if dikte != "0" else "nil")
        lijn.set(qn("w:sz"), dikte)
        lijn.set(qn("w:space"), "0")
        lijn.set(qn("w:color"), kleur)
        randen.append(lijn)
    eigenschappen.append(randen)


def _onderrand(cel: object, kleur: str = "333333", dikte: str = "10") -> None:
    eigenschappen = cel._tc.get_or_add_tcPr()  # type: ignore[attr-defined]
    randen = OxmlElement("w:tcBorders")
    lijn = OxmlElement("w:bottom")
    lijn.set(qn("w:val"), "single")
    lijn.set(qn("w:sz"), dikte)
    lijn.set(qn("w:space"), "0")
    lijn.set(qn("w:color"), kleur)
    randen.append(lijn)
    eigenschappen.append(randen)


def _bovenrand(cel: object) -> None:
    eigenschappen = cel._tc.get_or_add_tcPr()  # type: ignore[attr-defined]
    randen = OxmlElement("w:tcBorders")
    lijn = OxmlElement("w:top")
    lijn.set(qn("w:val"), "single")
    lijn.set(qn("w:sz"), "10")
    lijn.set(qn("w:space"), "0")
    lijn.set(qn("w:color"), "333333")
    randen.append(lijn)
    eigenschappen.append(randen)


def _alleen_tab_rechts(paragraaf: Paragraph) -> None:
    """The Header and Footer styles have a centre tab at 3.25" and a right one at 6.5" (Letter);
    on A4 with our margins the right edge is at 170 mm."""
    from docx.shared import Inches

    stops = paragraaf.paragraph_format.tab_stops
    stops.add_tab_stop(Inches(3.25), WD_TAB_ALIGNMENT.CLEAR)
    stops.add_tab_stop(Inches(6.5), WD_TAB_ALIGNMENT.CLEAR)
    stops.add_tab_stop(Mm(170), WD_TAB_ALIGNMENT.RIGHT)


def _rij_eigenschap(rij: object, naam: str) -> None:
    eigenschappen = rij._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    element = OxmlElement(f"w:{naam}")
    eigenschappen.append(element)


def _celbreedte(tabel: Table, breedtes: Sequence[float]) -> None:
    """Column widths in the table grid (what LibreOffice reads) and in every cell (Word)."""
    tabel.autofit = False
    for kolom, breedte in zip(tabel.columns, breedtes, strict=True):
        kolom.width = Mm(breedte)
    for rij in tabel.rows:
        for cel, breedte in zip(rij.cells, breedtes, strict=True):
            cel.width = Mm(breedte)


def _taal(doc: Doc, taal: str = "nl-NL") -> None:
    """The language of every style (the document defaults): Word checks spelling in Dutch, not
    in the English (US) of python-docx's default template."""
    standaard = doc.styles.element.find(qn("w:docDefaults"))
    assert standaard is not None  # python-docx's default template has them
    rpr = standaard.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    assert rpr is not None
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    for attribuut in ("w:val", "w:eastAsia"):
        lang.set(qn(attribuut), taal)
    thema = doc.settings.element.find(qn("w:themeFontLang"))
    if thema is not None:
        thema.set(qn("w:val"), taal)
    # Dutch numbers in Word's fields and formulas: a decimal comma, a semicolon between items.
    for naam, waarde in (("w:decimalSymbol", ","), ("w:listSeparator", ";")):
        element = doc.settings.element.find(qn(naam))
        if element is not None:
            element.set(qn("w:val"), waarde)


def _stijlen(doc: Doc) -> None:
    _taal(doc)
    normaal = doc.styles["Normal"]
    normaal.font.name = LETTER
    normaal.font.size = Pt(10)
    normaal.element.rPr.rFonts.set(qn("w:eastAsia"), LETTER)
    normaal.paragraph_format.space_after = Pt(4)
    normaal.paragraph_format.line_spacing = 1.15
    for naam, grootte, kleur in (
        ("Title", 17, None),
        ("Heading 1", 13, KLEUR),
        ("Heading 2", 11, KLEUR),
    ):
        stijl = doc.styles[naam]
        stijl.font.name = LETTER
        stijl.font.size = Pt(grootte)
        stijl.font.bold = True
        stijl.font.color.rgb = kleur or RGBColor(0x11, 0x11, 0x11)
        rfonts = stijl.element.rPr.rFonts
        for attribuut in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            rfonts.attrib.pop(qn(attribuut), None)
        rfonts.set(qn("w:ascii"), LETTER)
        rfonts.set(qn("w:hAnsi"), LETTER)
        stijl.paragraph_format.space_before = Pt(10 if naam != "Title" else 2)
        stijl.paragraph_format.space_after = Pt(4)
        stijl.paragraph_format.keep_with_next = True
    titel = doc.styles["Title"]
    # The default Title has a coloured rule under it and a theme font; plain is what we want.
    eigenschappen = titel.element.get_or_add_pPr()
    for rand in eigenschappen.findall(qn("w:pBdr")):
        eigenschappen.remove(rand)
    titel.font.size = Pt(17)
    titel.font.color.rgb = RGBColor(0x11, 0x11, 0x11)
    for naam in ("List Bullet", "List Number"):
        doc.styles[naam].font.name = LETTER
        doc.styles[naam].font.size = Pt(10)


def basis(titel: str, onderkop: str = "", briefhoofd: bool = True) -> Doc:
    """A4, margins, header with the organisation, footer with kenmerk, date and page numbers,
    the example-data and CONCEPT banners, and the title."""
    doc = Document()
    _stijlen(doc)
    sectie = doc.sections[0]
    sectie.orientation = WD_ORIENT.PORTRAIT
    sectie.page_width, sectie.page_height = Mm(210), Mm(297)
    sectie.top_margin, sectie.bottom_margin = Mm(20), Mm(22)
    sectie.left_margin, sectie.right_margin = Mm(20), Mm(20)
    sectie.header_distance, sectie.footer_distance = Mm(10), Mm(10)

    kop = sectie.header.paragraphs[0]
    _alleen_tab_rechts(kop)
    if briefhoofd:
        naam = kop.add_run("{{ huisstijl.organisatie }}")
        naam.bold = True
        naam.font.color.rgb = KLEUR
        kop.add_run(
            "{% if huisstijl.onderregel %} · {{ huisstijl.onderregel }}{% endif %}"
        ).font.color.rgb = GRIJS
    # a form that may not go out yet, or a besluitenlijst no meeting adopted yet (as the PDF)
    concept = kop.add_run(
        "\t{% if concept or (concept_lijst is defined and concept_lijst) %}CONCEPT{% endif %}"
    )
    concept.bold = True
    concept.font.color.rgb = RGBColor(0xAA, 0x11, 0x11)

    voet = sectie.footer.paragraphs[0]
    _alleen_tab_rechts(voet)
    tekst = voet.add_run("{{ kenmerk }} · {{ documentdatum|datum }}\tpagina ")
    tekst.font.size = Pt(8)
    _veld(voet, "PAGE")
    voet.add_run(" van ")
    _veld(voet, "NUMPAGES")
    for run in voet.runs:
        run.font.size = Pt(8)
        run.font.color.rgb = GRIJS
    tweede = sectie.footer.add_paragraph()
    regel = tweede.add_run("{% if huisstijl.voettekst %}{{ huisstijl.voettekst }}{% endif %}")
    regel.font.size = Pt(8)
    regel.font.color.rgb = GRIJS

    if briefhoofd:
        doc.add_paragraph("{{ logo }}")
    tag(doc, "{%p if voorbeeld %}")
    banner = doc.add_paragraph(
        '{% import "_teksten.j2" as z %}{{r z.voorbeeldgegevens(voorbeeld)|nadruk }}'
    )
    _arcering(banner, "FFF4E0", "B26B00")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if concept %}")
    waarschuwing = doc.add_paragraph()
    eerste = waarschuwing.add_run("CONCEPT: ")
    eerste.bold = True
    eerste.font.color.rgb = RGBColor(0xAA, 0x11, 0x11)
    waarschuwing.add_run("{{ concept|join(' ') }}").font.color.rgb = RGBColor(0xAA, 0x11, 0x11)
    _arcering(waarschuwing, "FFFFFF", "AA1111")
    tag(doc, "{%p endif %}")
    if titel:
        doc.add_paragraph(titel, style="Title")
    if onderkop:
        alinea(doc, onderkop, klein=True)
    return doc


def tag(doc: Doc, tekst: str) -> None:
    doc.add_paragraph(tekst)


def _lijstitem(blok: Any) -> bool:
    stijl = blok.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return stijl is not None and str(stijl.get(qn("w:val"))).startswith("List")


def _tekst(blok: Any) -> str:
    return "".join(t.text or "" for t in blok.iter(qn("w:t")))


def _inleidingen_bij_het_volgende(doc: Doc) -> None:
    """The paragraph that introduces a table or a list (a label such as "Besluiten die ervan
    afhangen", "en verklaart:", a heading) stays on the page of what it introduces, never
    alone at the foot of one. Done once over the whole template, so no document can forget
    it. Tag paragraphs ({%p ... %}) go when docxtpl renders: the one before them counts."""
    blokken = [b for b in doc.element.body if b.tag != qn("w:sectPr")]
    for i, blok in enumerate(blokken):
        begint = blok.tag == qn("w:tbl") or (
            _lijstitem(blok) and not any(_lijstitem(b) for b in blokken[i - 1 : i])
        )
        if not begint:
            continue
        vorige = [b for b in blokken[:i] if not _tekst(b).startswith("{%p")]
        if vorige and vorige[-1].tag == qn("w:p") and not _lijstitem(vorige[-1]):
            Paragraph(vorige[-1], doc._body).paragraph_format.keep_with_next = True


def alinea(
    doc: Doc, *delen: str, vet: Sequence[int] = (), klein: bool = False, stijl: str | None = None
) -> Paragraph:
    """A paragraph of runs; `vet` names the runs (by index) in bold."""
    p = doc.add_paragraph(style=stijl)
    for i, deel in enumerate(delen):
        run = p.add_run(deel)
        run.bold = i in vet
        if klein:
            run.font.size = Pt(8.5)
            run.font.color.rgb = GRIJS
    return p


def kop(doc: Doc, tekst: str, niveau: int = 1) -> None:
    doc.add_heading(tekst, level=niveau)


def opsomming(doc: Doc, lus: str, tekst: str, genummerd: bool = False) -> None:
    """A list repeated per item. Numbered lists carry their own numbers: Word's List Number
    would continue counting from one list into the next."""
    tag(doc, "{%p " + lus + " %}")
    if genummerd:
        p = doc.add_paragraph("{{ loop.index }}.\t" + tekst)
        p.paragraph_format.left_indent = Mm(8)
        p.paragraph_format.first_line_indent = Mm(-8)
        p.paragraph_format.tab_stops.add_tab_stop(Mm(8))
    else:
        doc.add_paragraph(tekst, style="List Bullet")
    tag(doc, "{%p endfor %}")


def gegevens(doc: Doc, regels: Sequence[tuple[str, str]]) -> None:
    """Label and value in two columns, without lines; a label '{%tr if x %}' guards a row."""
    tabel = doc.add_table(rows=0, cols=2)
    _tabelranden(tabel, binnen=False)
    for label, waarde in regels:
        rij = tabel.add_row()
        rij.cells[0].paragraphs[0].add_run(label).bold = True
        rij.cells[1].paragraphs[0].add_run(waarde)
    _celbreedte(tabel, (36, 134))
    doc.add_paragraph()


def tabel(
    doc: Doc,
    koppen: Sequence[str],
    lus: str,
    cellen: Sequence[str],
    breedtes: Sequence[float],
    rechts: Sequence[int] = (),
    totaal: Sequence[str] | None = None,
    heel: bool = False,
) -> None:
    """A table with a header row repeated on every page, one row per item of `lus`, and an
    optional bold total row. Columns in `rechts` are right-aligned (amounts)."""
    t = doc.add_table(rows=1, cols=len(koppen))
    t.alignment = WD_TABLE_ALIGNMENT.LEFT
    _tabelranden(t)
    _rij_eigenschap(t.rows[0], "tblHeader")
    for i, naam in enumerate(koppen):
        _onderrand(t.rows[0].cells[i])
        p = t.rows[0].cells[i].paragraphs[0]
        p.add_run(naam).bold = True
        if i in rechts:
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    begin = t.add_row()
    begin.cells[0].paragraphs[0].add_run("{%tr " + lus + " %}")
    rij = t.add_row()
    _rij_eigenschap(rij, "cantSplit")
    for i, inhoud in enumerate(cellen):
        p = rij.cells[i].paragraphs[0]
        p.add_run(inhoud)
        if i in rechts:
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    einde = t.add_row()
    einde.cells[0].paragraphs[0].add_run("{%tr endfor %}")
    if totaal is not None:
        som = t.add_row()
        for i, inhoud in enumerate(totaal):
            _bovenrand(som.cells[i])
            p = som.cells[i].paragraphs[0]
            p.add_run(inhoud).bold = True
            if i in rechts:
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _celbreedte(t, breedtes)
    if heel:  # a short table Word keeps on one page: every row kept with the next
        for r in t.rows[:-1]:
            for cel in r.cells:
                for p in cel.paragraphs:
                    p.paragraph_format.keep_with_next = True
    doc.add_paragraph()


def handtekeningen(doc: Doc, blokken: Sequence[Sequence[str]]) -> None:
    """Signature blocks side by side that Word keeps on one page (rows that cannot split, and
    the paragraph before them kept with them)."""
    ruimte = doc.add_paragraph()
    ruimte.paragraph_format.keep_with_next = True
    t = doc.add_table(rows=1, cols=len(blokken))
    _tabelranden(t, binnen=False)
    rij = t.rows[0]
    _rij_eigenschap(rij, "cantSplit")
    for cel, regels in zip(rij.cells, blokken, strict=True):
        eerste = cel.paragraphs[0]
        eerste.add_run(regels[0])
        eerste.paragraph_format.keep_with_next = True
        lijn = cel.add_paragraph()
        lijn.paragraph_format.space_before = Pt(36)
        lijn.paragraph_format.keep_with_next = True
        lijn.add_run("_" * 38)
        for regel in regels[1:]:
            p = cel.add_paragraph(regel)
            p.paragraph_format.space_after = Pt(0)
            p.paragraph_format.keep_with_next = True
    _celbreedte(t, [170 / len(blokken)] * len(blokken))


def nieuwe_pagina(doc: Doc) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


# --- the documents -------------------------------------------------------------------------------

# The shared wording (templates/_teksten.j2), as the Markdown and HTML templates import it.
TEKSTEN = '{%p import "_teksten.j2" as z %}'

NIET_OPENBAAR = (
    "{%p if orgaan.niet_openbaar %}",
    "Niet openbaar ({{ z.openbaarheid(orgaan) }})",
)


def _niet_openbaar(doc: Doc) -> None:
    tag(doc, NIET_OPENBAAR[0])
    p = alinea(doc, NIET_OPENBAAR[1], vet=[0])
    p.runs[0].font.color.rgb = RGBColor(0x8A, 0x1C, 0x1C)
    tag(doc, "{%p endif %}")


def _verzending(doc: Doc) -> None:
    tag(doc, "{%p if verzending %}")
    kop(doc, "Verzonden aan")
    opsomming(
        doc,
        "for v in verzending",
        "{{ z.verzonden(v) }} ({{ v.artikelen|map('artikel')|join(', ') }}).",
    )
    tag(doc, "{%p endif %}")


def agenda() -> Doc:
    doc = basis("Agenda {{ orgaan.naam }}")
    tag(doc, TEKSTEN)
    _niet_openbaar(doc)
    gegevens(
        doc,
        [
            (
                "Datum",
                "{{ vergadering.datum|datum }}{% if vergadering.tijd is defined %}, {{ vergadering.tijd }} uur{% endif %}",
            ),
            (
                "Plaats",
                "{{ vergadering.locatie if vergadering.locatie is defined else 'volgt' }}",
            ),
            ("Aan", "{{ z.agenda_aan(aan) }}"),
            ("Kenmerk", "{{ kenmerk }}"),
        ],
    )
    tag(doc, "{%p if inbreng or slot %}")
    alinea(doc, "{{ z.agenda_inbreng(inbreng, slot) }}")
    tag(doc, "{%p endif %}")
    # Word's own numbered list (List Number): the numbers are Word's, not typed text, so an
    # item added in Word renumbers the rest. The agenda has one list, so counting cannot run on
    # from another.
    tag(doc, "{%p for p in agendapunten %}")
    p = doc.add_paragraph(style="List Number")
    p.add_run("{{ p.titel }}").bold = True
    p.paragraph_format.keep_with_next = True
    tag(doc, "{%p for regel in z.agendapunt(p)|regels %}")
    q = alinea(doc, "{{ regel }}")
    q.paragraph_format.left_indent = Mm(6.35)
    q.paragraph_format.space_after = Pt(0)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endfor %}")
    return doc


def besluitenlijst() -> Doc:
    doc = basis("Besluitenlijst {{ orgaan.naam }}")
    tag(doc, TEKSTEN)
    tag(doc, '{%p import "teksten/besluitenlijst.j2" as t with context %}')
    _niet_openbaar(doc)
    gegevens(
        doc,
        [
            (
                "Vergadering",
                "{{ vergadering.datum|datum }}{% if vergadering.locatie is defined %}, {{ vergadering.locatie }}{% endif %}",
            ),
            ("Aanwezig", "{{ z.aanwezig(aanwezig) }}"),
            ("{%tr if afwezig %}", ""),
            ("Afwezig", "{{ z.afwezig(afwezig) }}"),
            ("{%tr endif %}", ""),
            ("Kenmerk", "{{ kenmerk }}"),
            ("Status", "{{ z.status(vastgesteld_op) }}"),
        ],
    )
    kop(doc, "Besluiten")
    tag(doc, "{%p for b in besluiten %}")
    kop(doc, "{{ loop.index }}. {{ b.onderwerp }}", 2)
    tag(doc, "{%p if b.tekst %}")
    alinea(doc, "{{ b.tekst }}")
    tag(doc, "{%p endif %}")
    alinea(doc, "Uitkomst: ", "{{ z.uitkomst(b.uitkomst) }}.", vet=[0])
    alinea(doc, "{{ t.stemming_en_nummer(b) }}", klein=True)
    tag(doc, "{%p endfor %}")
    _verzending(doc)
    tag(doc, "{%p if toetsing %}")
    nieuwe_pagina(doc)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if toetsing %}")
    kop(doc, "{{ t.kop_toetsing() }}")
    alinea(
        doc,
        "{{ z.toetsing_inleiding(toetsing_lezingen) }}",
        klein=True,
    )
    tag(doc, "{%p if toetsing_vergadering %}")
    kop(doc, "{{ t.kop_hele_vergadering() }}", 2)
    opsomming(doc, "for g in toetsing_vergadering", "{{r t.grond(g)|nadruk }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p for b in toetsing %}")
    kop(doc, "{{ b.nummer }}. {{ b.onderwerp }}", 2)
    alinea(doc, "{{ t.toetsing_kop(b) }}", klein=True)
    tag(doc, "{%p for g in b.gronden %}")
    # the deciding ground's label in bold: marked in the macro, a bold run here ({{r }})
    doc.add_paragraph("{{r t.grond(g)|nadruk }}", style="List Bullet")
    tag(doc, "{%p if g.lezing %}")
    q = alinea(doc, "{{ z.lezing_noot(g.lezing) }}", klein=True)
    q.runs[0].italic = True
    q.paragraph_format.left_indent = Mm(6.35)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    return doc


def actiepuntenlijst() -> Doc:
    doc = basis("Actiepuntenlijst {{ orgaan.naam }}")
    tag(doc, TEKSTEN)
    tag(doc, '{%p import "teksten/actiepuntenlijst.j2" as t with context %}')
    _niet_openbaar(doc)
    gegevens(
        doc,
        [
            ("Vergadering", "{{ vergadering.datum|datum }}"),
            ("Kenmerk", "{{ kenmerk }}"),
            ("Open actiepunten", "{{ t.aantal_open() }}"),
        ],
    )
    tag(doc, "{%p if not actiepunten %}")
    alinea(doc, "{{ t.geen_actiepunten() }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if actiepunten %}")
    tabel(
        doc,
        ["Nr.", "Actie", "Wie", "Uiterlijk", "Status"],
        "for a in actiepunten",
        [
            "{{ a.id }}",
            "{{ a.omschrijving }}",
            "{{ a.wie_naam }}",
            "{{ t.uiterlijk(a) }}",
            "{{ a.status }}",
        ],
        (22, 70, 34, 26, 18),
    )
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if eerder_open %}")
    kop(doc, "{{ t.kop_eerder_open() }}")
    tabel(
        doc,
        ["Nr.", "Actie", "Wie", "Uiterlijk", "Sinds"],
        "for a in eerder_open",
        [
            "{{ a.id }}",
            "{{ a.omschrijving }}",
            "{{ a.wie_naam }}",
            "{{ t.uiterlijk(a) }}",
            "{{ a.sinds|datum }}",
        ],
        (22, 70, 34, 26, 18),
    )
    tag(doc, "{%p endif %}")
    _verzending(doc)
    return doc


def toetredingsformulier() -> Doc:
    # the title and its subtitle are the form's own wording: placed after the import below
    doc = basis("")
    tag(doc, TEKSTEN)
    tag(doc, '{%p import "teksten/toetredingsformulier.j2" as t with context %}')
    doc.add_paragraph("{{ t.titel() }}", style="Title")
    alinea(doc, "{{ t.onderwerp() }} · kenmerk {{ kenmerk }}", klein=True)
    alinea(doc, "{{r t.ondergetekende()|nadruk }}")
    alinea(doc, "{{ t.neemt_in_aanmerking() }}")
    doc.add_paragraph("{{ t.overweging_taak() }}", style="List Number")
    doc.add_paragraph("{{ t.overweging_besluit() }}", style="List Number")
    alinea(doc, "{{ t.verklaart() }}")
    tag(doc, "{%p for regel in t.verklaringen()|regels %}")
    doc.add_paragraph("{{ regel }}", style="List Bullet")
    tag(doc, "{%p endfor %}")
    alinea(doc, "{{ t.ondertekend() }}")
    handtekeningen(
        doc,
        [
            [
                "{{ t.namens_organisatie() }}",
                "{{ vertegenwoordiger.naam }}",
                "{{ vertegenwoordiger.functie }}",
            ],
            ["{{ z.namens_stuurgroep() }}", "{{ sg.naam }}", "{{ sg.functie }}"],
        ],
    )
    return doc


def kennisgeving_toetreding() -> Doc:
    doc = basis("")
    tag(doc, TEKSTEN)
    tag(doc, '{%p import "teksten/kennisgeving-toetreding.j2" as t with context %}')
    tag(doc, "{%p if huisstijl.retouradres %}")
    alinea(doc, "Retouradres: {{ huisstijl.retouradres|join(', ') }}", klein=True)
    tag(doc, "{%p endif %}")
    alinea(doc, "{{ t.aan() }}")
    alinea(doc, "{{ t.zie_geadresseerden() }}", klein=True)
    gegevens(
        doc,
        [
            ("Datum", "{{ verzoek.kennisgeving_op|datum }}"),
            ("Kenmerk", "{{ kenmerk }} {{ t.vermeld_kenmerk() }}"),
            ("Onderwerp", "{{ t.onderwerp() }}"),
            ("{{ t.label_antwoord() }}", "{{ akkoord_uiterlijk|datum }}"),
        ],
    )
    doc.add_paragraph("{{ t.titel() }}", style="Title")
    alinea(doc, "{{ t.aanhef() }}")
    alinea(doc, "{{ t.verzoek_ingediend() }}")
    alinea(doc, "{{r t.vooraf()|nadruk }}")
    # the last paragraph and the greeting stay on the page of the signature
    alinea(doc, "{{ t.onaanvaardbaar() }}").paragraph_format.keep_with_next = True
    alinea(doc, "{{ z.groet() }}").paragraph_format.keep_with_next = True
    handtekeningen(doc, [["", "{{ afzender.naam }}", "{{ afzender.functie }}"]])
    nieuwe_pagina(doc)
    kop(doc, "{{ t.kop_geadresseerden() }}")
    opsomming(doc, "for p in partijen", "{{ p }}", genummerd=True)
    nieuwe_pagina(doc)
    kop(doc, "{{ t.kop_antwoordformulier() }}")
    gegevens(
        doc,
        [
            (
                "{{ t.label_terug_aan() }}",
                "{{ afzender.naam }}, {{ afzender.functie }}"
                "{% if huisstijl.retouradres %}, {{ huisstijl.organisatie }}, {{ huisstijl.retouradres|join(', ') }}{% endif %}",
            ),
            ("Uiterlijk", "{{ akkoord_uiterlijk|datum }}"),
            ("Kenmerk", "{{ kenmerk }}"),
            ("Onderwerp", "{{ t.onderwerp_antwoord() }}"),
        ],
    )
    alinea(doc, "Partij: ......................................................................")
    alinea(doc, "{{ t.bevestigt() }}")
    alinea(doc, "☐  {{ t.akkoord() }}")
    alinea(doc, "☐  {{ t.niet_akkoord() }}").paragraph_format.keep_with_next = True
    # room to write the reason: two dotted lines the width of the page, under the box
    for i in range(2):
        lijn = alinea(doc, "." * 150 + ";" * i)
        lijn.paragraph_format.left_indent = Mm(6)
        lijn.paragraph_format.space_before = Pt(6)
    alinea(doc, "☐  {{ t.overweegt_opzegging() }}")
    handtekeningen(doc, [["{{ t.naam_en_functie() }}"], ["{{ t.datum_en_handtekening() }}"]])
    return doc


def opzegging() -> Doc:
    doc = basis("", briefhoofd=False)
    tag(doc, TEKSTEN)
    tag(doc, '{%p import "teksten/opzegging.j2" as t with context %}')
    alinea(doc, "{{ partij.naam }}", vet=[0]).runs[0].font.size = Pt(12)
    tag(doc, "{%p for regel in opzegging.adres %}")
    alinea(doc, "{{ regel }}").paragraph_format.space_after = Pt(0)
    tag(doc, "{%p endfor %}")
    doc.add_paragraph()
    aan = alinea(doc, "{{ t.aan() }}")
    aan.paragraph_format.space_after = Pt(0)
    alinea(doc, "{{ huisstijl.organisatie }}").paragraph_format.space_after = Pt(0)
    tag(doc, "{%p for regel in huisstijl.retouradres %}")
    alinea(doc, "{{ regel }}").paragraph_format.space_after = Pt(0)
    tag(doc, "{%p endfor %}")
    doc.add_paragraph()
    alinea(doc, "{{ t.afschrift() }}", klein=True)
    gegevens(
        doc,
        [
            ("{{ t.label_plaats_datum() }}", "{{ opzegging.plaats }}, {{ opzegging.datum|datum }}"),
            ("Kenmerk", "{{ kenmerk }}"),
            ("Onderwerp", "{{ t.onderwerp() }}"),
        ],
    )
    doc.add_paragraph("{{ t.titel() }}", style="Title")
    alinea(doc, "{{ t.aanhef() }}")
    tag(doc, '{%p if opzegging.route == "opzegtermijn" %}')
    alinea(doc, "{{ t.opzegging_25_2() }}")
    alinea(doc, "{{r t.ingang_25_2()|nadruk }}")
    tag(doc, "{%p else %}")
    alinea(doc, "{{r t.opzegging_23_3()|nadruk }}")
    tag(doc, "{%p endif %}")
    # A single point is a sentence, more are a list.
    tag(doc, "{%p if tijdens|length == 1 %}")
    alinea(
        doc,
        "{{ t.tot_de_uittreding(tijdens[0]) }} "
        "({{ tijdens[0].artikelen|map('artikel')|join(', ') }}).",
    )
    tag(doc, "{%p else %}")
    alinea(doc, "{{ t.kop_tot_de_uittreding() }}")
    opsomming(
        doc,
        "for b in tijdens",
        "{{ z.tot_de_uittreding(b) }} ({{ b.artikelen|map('artikel')|join(', ') }}).",
    )
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if blijft|length == 1 %}")
    alinea(
        doc,
        "{{ t.blijft(blijft[0]) }} ({{ blijft[0].artikelen|map('artikel')|join(', ') }}).",
    )
    tag(doc, "{%p else %}")
    alinea(doc, "{{ t.kop_blijft() }}")
    opsomming(
        doc,
        "for b in blijft",
        "{{ b.omschrijving }} ({{ b.artikelen|map('artikel')|join(', ') }}).",
    )
    tag(doc, "{%p endif %}")
    # the closing sentence stays on the page of the signature
    alinea(doc, "{{ t.liquidatie() }}").paragraph_format.keep_with_next = True
    handtekeningen(
        doc,
        [
            [
                "{{ t.groet()|regels|join(' ') }}",
                "{{ ondertekenaar_partij.naam }}",
                "{{ ondertekenaar_partij.functie }}",
            ]
        ],
    )
    return doc


def addendum() -> Doc:
    # the title and its subtitle are the addendum's own wording: placed after the import below
    doc = basis("")
    tag(doc, TEKSTEN)
    tag(doc, '{%p import "teksten/addendum.j2" as t with context %}')
    doc.add_paragraph("{{ t.titel() }}", style="Title")
    # the subject first, then the convenant and the kenmerk, as in md and html
    alinea(doc, "{{ addendum.onderwerp }}", vet=[0])
    alinea(doc, "{{ t.bij_het_convenant() }} · kenmerk {{ kenmerk }}", klein=True)
    kop(doc, "Overwegingen")
    doc.add_paragraph("{{ t.voorstel() }}", style="List Number")
    doc.add_paragraph("{{ t.besluit() }}", style="List Number")
    kop(doc, "Wijzigingen")
    alinea(doc, "{{r t.wijzigingen()|nadruk }}")
    tabel(
        doc,
        ["Bepaling", "Nieuwe tekst"],
        "for w in addendum.wijzigingen",
        ["{{ w.artikel|artikel }}", "{{ w.wordt }}"],
        (30, 140),
    )
    kop(doc, "Gevolgen")
    alinea(doc, "{{ t.opzeggen() }}")
    alinea(doc, "{{ t.bijlage() }} {{ t.ondertekend() }}")
    handtekeningen(
        doc,
        [
            [
                "{{ z.namens_stuurgroep() }}",
                "{{ sg.naam }}",
                "{{ sg.functie }}",
                "Datum: ....................",
            ],
            [
                "{{ t.namens_zvhd() }}",
                "{{ manager.naam }}",
                "{{ manager.functie }}",
                "Datum: ....................",
            ],
        ],
    )
    return doc


def opsomming_alineas(doc: Doc, lus: str, tekst: str) -> None:
    """Plain paragraphs repeated per item (an account in several paragraphs)."""
    tag(doc, "{%p " + lus + " %}")
    alinea(doc, tekst)
    tag(doc, "{%p endfor %}")


def _gemeenten(doc: Doc, lijst: str, gewicht: str, gedeeld: str) -> None:
    """The gemeenten's shares: weight, percentage and amount right-aligned, a total row."""
    tag(doc, "{%p if " + lijst + " %}")
    tabel(
        doc,
        ["Gemeente", "Gewicht", "Aandeel", "Bedrag"],
        "for g in " + lijst,
        [
            "{{ g.naam }}",
            "{{ g.gewicht|getal }}",
            "{{ g.aandeel|procent }}",
            "{{ g.bedrag|bedrag }}",
        ],
        (70, 32, 30, 38),
        rechts=[1, 2, 3],
        totaal=[
            "Totaal",
            "{{ " + gewicht + "|getal }}",
            "100,00 %",
            "{{ " + gedeeld + "|bedrag }}",
        ],
        heel=True,
    )
    tag(doc, "{%p endif %}")


def liquidatieoverzicht() -> Doc:
    doc = basis(
        # the kind's wording is imported in the line that first uses it, the title
        '{% import "teksten/liquidatieoverzicht.j2" as t with context %}{{ t.kop() }}',
        "{{ t.onderkop() }}",
    )
    opsomming_alineas(doc, "for a in t.aanleiding()|regels", "{{ a }}")
    kop(doc, "{{ t.kop_begroting() }}")
    tabel(
        doc,
        ["Post", "Soort", "Bedrag"],
        "for p in posten",
        ["{{ p.omschrijving }}", "{{ t.postsoort(p) }}", "{{ p.bedrag|bedrag }}"],
        (92, 50, 28),
        rechts=[2],
        totaal=["Totaal", "", "{{ bedragen.totaal|bedrag }}"],
    )
    tag(doc, "{%p if gemeenten_bedragen %}")
    kop(doc, "{{ t.kop_gemeenten() }}")
    # with the table it introduces: a heading and this line alone at a page's foot say nothing
    alinea(doc, "{{ t.verdeeld() }}", klein=True).paragraph_format.keep_with_next = True
    tag(doc, "{%p endif %}")
    _gemeenten(doc, "gemeenten_bedragen", "gewicht_totaal", "bedragen.gedeeld")
    tag(doc, "{%p if liquidatie.afronding %}")
    alinea(doc, "{{ t.afronding() }}", klein=True)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if partners_bedragen %}")
    kop(doc, "{{ t.kop_detachering() }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if partners_bedragen %}")
    tabel(
        doc,
        ["Partner", "Bedrag"],
        "for p in partners_bedragen",
        ["{{ p.naam }}", "{{ p.bedrag|bedrag }}"],
        (132, 38),
        rechts=[1],
    )
    alinea(doc, "{{ t.detachering() }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if bedragen.vrd %}")
    alinea(doc, "{{ t.werkgever() }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if t.toelichting()|regels %}")
    kop(doc, "{{ t.kop_toelichting() }}")
    tag(doc, "{%p endif %}")
    opsomming(doc, "for regel in t.toelichting()|regels", "{{ regel }}")
    return doc


def uittredingsoverzicht() -> Doc:
    doc = basis(
        # the kind's wording is imported in the line that first uses it, the title
        '{% import "teksten/uittredingsoverzicht.j2" as t with context %}{{ t.kop() }}',
        "{{ t.onderkop() }}",
    )
    alinea(doc, "Aan: ", "{{ orgaan.de_naam }}", vet=[0])
    alinea(doc, "{{r t.ingaan()|nadruk }}")
    kop(doc, "{{ t.kop_tijdlijn() }}")
    tabel(
        doc,
        ["Datum", "{{ t.kolom_gebeurtenis() }}", "Artikel"],
        "for g in tijdlijn",
        ["{{ g.datum|datum }}", "{{ t.gebeurtenis(g) }}", "{{ g.artikel }}"],
        (34, 112, 24),
    )
    for lijst, kopmacro in (("tijdens", "kop_tot_ingang"), ("blijft", "kop_blijft_gelden")):
        tag(doc, "{%p if " + lijst + " %}")
        kop(doc, "{{ t." + kopmacro + "() }}")
        tag(doc, "{%p endif %}")
        opsomming(doc, "for g in " + lijst, "{{ g.uitleg }} ({{ t.bron(g) }})")
    tag(doc, "{%p if zetels %}")
    kop(doc, "{{ t.kop_vervallen_zetels() }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if zetels %}")
    tabel(
        doc,
        ["Orgaan", "Lid", "Gevolg"],
        "for zetel in zetels",
        ["{{ zetel.orgaan }}", "{{ zetel.naam }}", "{{ zetel.gevolg }}"],
        (36, 60, 74),
    )
    tag(doc, "{%p endif %}")
    kop(doc, "{{ t.kop_gevolgen() }}")
    opsomming(doc, "for g in gevolgen", "{{ g.uitleg }} ({{ t.bron(g) }})")
    tag(doc, "{%p if kosten %}")
    kop(doc, "{{ t.kop_kosten() }}")
    alinea(doc, "{{ t.herkomst() }}").paragraph_format.keep_with_next = True
    _gemeenten(doc, "kosten.gemeenten", "kosten.gewicht_totaal", "kosten.gedeeld")
    tag(doc, "{%p if kosten.feiten.afronding %}")
    alinea(doc, "{{ t.afronding() }}", klein=True)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if kosten.feiten.partners %}")
    alinea(doc, "{{ t.detachering() }}")
    tag(doc, "{%p endif %}")
    opsomming(doc, "for regel in t.toelichting()|regels", "{{ regel }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if partijen_daarna %}")
    kop(doc, "{{ t.kop_daarna() }}")
    alinea(doc, "{{ t.aantal_daarna() }}")
    tag(doc, "{%p endif %}")
    opsomming(doc, "for p in partijen_daarna", "{{ p }}")
    return doc


# The jaaroverzicht's wording (templates/teksten/jaaroverzicht.j2), as its Markdown and HTML
# templates import it.
TEKSTEN_JAAROVERZICHT = '{%p import "teksten/jaaroverzicht.j2" as t with context %}'


def _opsomming_of(doc: Doc, lus: str, tekst: str, leeg: str) -> None:
    """A list repeated per item, or one item saying the list is empty."""
    tag(doc, "{%p " + lus + " %}")
    doc.add_paragraph(tekst, style="List Bullet")
    tag(doc, "{%p else %}")
    doc.add_paragraph(leeg, style="List Bullet")
    tag(doc, "{%p endfor %}")


def _vet_in_rij(doc: Doc, kolom: int) -> None:
    """The repeated row of the last table, with the field in `kolom` in bold (a status)."""
    doc.tables[-1].rows[2].cells[kolom].paragraphs[0].runs[0].bold = True


def jaaroverzicht() -> Doc:
    """Section by section as the Markdown and HTML versions: the same headings, in the same
    order, at the same levels (tests/documenten/test_jaaroverzicht_koppen.py)."""
    doc = basis("")
    tag(doc, TEKSTEN_JAAROVERZICHT)
    doc.add_paragraph("{{ t.titel() }}", style="Title")
    alinea(doc, "{{ t.stand() }}", klein=True)
    alinea(doc, "{{ t.samenvatting() }}", vet=[0])
    kop(doc, "{{ t.kop_verplichtingen() }}")
    tabel(
        doc,
        ["Verplichting", "Stand", "Toelichting"],
        "for v in verplichtingen",
        [
            "{{ v.omschrijving }} ({{ v.artikel|artikel }})",
            "{{ v.status }}",
            "{{ t.toelichting(v) }}",
        ],
        (62, 24, 84),
    )
    _vet_in_rij(doc, 1)
    kop(doc, "{{ t.kop_per_maand() }}")
    tag(doc, "{%p for g in vergaderingen %}")
    kop(doc, "{{ t.kop_vergadering(g) }}", niveau=2)
    _opsomming_of(
        doc, "for b in g.besluiten", "{{r t.besluit(b)|nadruk }}", "{{ t.geen_besluiten() }}"
    )
    tag(doc, "{%p endfor %}")
    kop(doc, "{{ t.kop_open() }}")
    tag(doc, "{%p for p in open %}")
    punt = alinea(
        doc,
        "{{ t.open_punt(p) }}{% if p.opmerking %}. ",
        "{{ t.let_op(p) }}{% endif %}",
        stijl="List Bullet",
    )
    punt.runs[1].italic = True
    tag(doc, "{%p else %}")
    doc.add_paragraph("{{ t.niets_open() }}", style="List Bullet")
    tag(doc, "{%p endfor %}")
    kop(doc, "{{ t.kop_toetredingen() }}")
    _opsomming_of(doc, "for k in kennisgevingen", "{{ k }}", "{{ t.geen() }}")
    kop(doc, "{{ t.kop_wijzigingen() }}")
    _opsomming_of(doc, "for w in wijzigingen", "{{ w }}", "{{ t.geen() }}")
    tag(doc, "{%p if onleesbaar %}")
    kop(doc, "{{ t.kop_onleesbaar() }}")
    opsomming(doc, "for m in onleesbaar", "{{ m }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if gevoeligheid is not none %}")
    kop(doc, "{{ t.kop_gevoeligheid() }}")
    alinea(doc, "{{ t.uitleg_gevoeligheid() }}")
    tag(doc, "{%p for p in gevoeligheid %}")
    kop(doc, "{{ t.kop_punt(p, loop.index) }} ({{ p.artikelen|artikel }})", niveau=2)
    # a point stays on one page with its table
    for tekst in ("{{ p.vraag }}", "{{ t.nu_gevolgd(p) }}", "{{r t.andere_lezing(p)|nadruk }}"):
        alinea(doc, tekst).paragraph_format.keep_with_next = True
    tabel(
        doc,
        ["Verplichting", "Nu", "{{ t.kolom_andere_lezing() }}"],
        "for v in p.verplichtingen",
        ["{{ v.omschrijving }} ({{ v.artikel|artikel }})", "{{ v.van }}", "{{ v.naar }}"],
        (100, 30, 40),
        heel=True,
    )
    _vet_in_rij(doc, 2)
    tag(doc, "{%p else %}")
    alinea(doc, "{{ t.geen_omslag() }}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    # the appendix starts on a page of its own, as in the PDF
    kop(doc, "{{ t.kop_bronnen() }}")
    doc.paragraphs[-1].paragraph_format.page_break_before = True
    opsomming(doc, "for b in bronnen", "{{ b.vergadering }}")
    tag(doc, "{%p if lezingen %}")
    kop(doc, "{{ t.kop_lezingen() }}", niveau=2)
    alinea(doc, "{{ t.uitleg_lezingen() }}", klein=True)
    # per point three lines, as the Markdown and HTML lay it out
    tag(doc, "{%p for l in lezingen %}")
    vraag = alinea(doc, "{{r t.lezing_vraag(l)|nadruk }}")
    vraag.paragraph_format.keep_with_next = True
    vraag.paragraph_format.space_after = Pt(0)
    gelezen = alinea(doc, "{{ t.gelezen_als(l) }}")
    gelezen.paragraph_format.keep_with_next = True
    gelezen.paragraph_format.space_after = Pt(0)
    alinea(doc, "{{ t.geldt_voor(l) }}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    # file names, ids and options only here, as in the notitie over de lezingen
    kop(doc, "{{ t.kop_technisch() }}", niveau=2)
    alinea(doc, "{{ t.bestanden() }}", klein=True)
    opsomming(doc, "for b in bronnen", "{{ b.vergadering }}: {{ b.bestand }}")
    tag(doc, "{%p if lezingen %}")
    alinea(doc, "{{ t.punten_zoals('convenant lezingen', 'lezingen.yaml') }}", klein=True)
    opsomming(doc, "for l in lezingen", "{{ l.titel }}: {{ l.id }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if gevoeligheid %}")
    alinea(doc, "{{ t.kiezen() }}", klein=True)
    opsomming(doc, "for p in gevoeligheid", "punt {{ loop.index }}: --lezing {{ p.kiezen }}")
    tag(doc, "{%p endif %}")
    return doc


def notitie_lezingen() -> Doc:
    # the title is a macro, so it comes after the import that defines it
    doc = basis("")
    tag(doc, '{%p import "teksten/notitie-lezingen.j2" as t with context %}')
    doc.add_paragraph("{{ t.kop() }}", style="Title")
    gegevens(
        doc,
        [
            ("Aan", "{{ t.aan() }}"),
            ("Van", "{{ t.van() }}"),
            ("Datum", "{{ documentdatum|datum }}"),
            ("Kenmerk", "{{ kenmerk }}"),
        ],
    )
    alinea(doc, "{{ t.inleiding() }}")
    tag(doc, "{%p if not punten %}")
    alinea(doc, "{{ t.geen_punten() }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p for p in punten %}")
    kop(doc, "{{ loop.index }}. {{ p.kop }}")
    # the article inside the sentence: "… tellen (art. 5.5).", never ". (art."
    alinea(doc, "{{ p.vraag|trim('.') }} ({{ p.artikelen }}).")
    alinea(doc, "{{ t.kop_lezingen() }}", vet=[0])
    opsomming(
        doc,
        "for l in p.lezingen",
        "{{ l.uitspraak|trim('.') }} ({{ l.artikelen }}).{% if l.nu %} {{ t.nu_gehanteerd() }}{% endif %}",
        genummerd=True,
    )
    alinea(doc, "{{ t.kop_besluiten() }}", vet=[0])
    # Word cannot grow columns per reading inside a docxtpl row; the other readings share one
    # column, each named by its number.
    tabel(
        doc,
        ["Besluit", "{{ t.kolom_nu(p) }}", "{{ t.kolom_anders() }}"],
        "for b in p.besluiten",
        [
            "{{ b.onderwerp }} ({{ b.id }}, {{ b.orgaan }}, {{ b.datum|datum }})",
            "{{ b.nu }}",
            "{{r t.andere_oordelen(p, b)|nadruk }}",
        ],
        (84, 40, 46),
    )
    alinea(doc, "{{r t.voorstel(p)|nadruk }}", " {{ p.waarom }}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if vastgesteld %}")
    kop(doc, "Eerder vastgesteld")
    tag(doc, "{%p endif %}")
    opsomming(doc, "for v in vastgesteld", "{{r t.vastgesteld(v)|nadruk }}")
    tag(doc, "{%p if open_zonder_besluit %}")
    alinea(doc, "{{ t.open_zonder_besluit(open_zonder_besluit) }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if punten %}")
    kop(doc, "{{ t.kop_bijlage() }}")
    alinea(doc, "{{ t.vastleggen() }}")
    opsomming(doc, "for p in punten", "{{ t.vastleggen_punt(loop.index, p) }}")
    kop(doc, "Technische details", niveau=2)
    # a file name is plain in Word: `code` gives it back as it is
    alinea(doc, "{% macro code(naam) %}{{ naam }}{% endmacro %}{{ t.yaml_uitleg(code) }}")
    # a paragraph per line, in a fixed-width font, as it is to be pasted
    tag(doc, "{%p for regel in t.yaml_blok(punten).splitlines() %}")
    regel = alinea(doc, "{{ regel }}")
    regel.runs[0].font.name = "Courier New"
    regel.paragraph_format.space_after = Pt(0)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    return doc


SJABLONEN: dict[str, Callable[[], Doc]] = {
    "agenda": agenda,
    "besluitenlijst": besluitenlijst,
    "actiepuntenlijst": actiepuntenlijst,
    "toetredingsformulier": toetredingsformulier,
    "kennisgeving-toetreding": kennisgeving_toetreding,
    "opzegging": opzegging,
    "addendum": addendum,
    "liquidatieoverzicht": liquidatieoverzicht,
    "uittredingsoverzicht": uittredingsoverzicht,
    "jaaroverzicht": jaaroverzicht,
    "notitie-lezingen": notitie_lezingen,
}


def _vaste_datum(doc: Doc) -> None:
    """No build time in the file, so rebuilding an unchanged template changes nothing."""
    import datetime as dt

    moment = dt.datetime(2027, 1, 1, tzinfo=dt.UTC)
    doc.core_properties.created = moment
    doc.core_properties.modified = moment
    doc.core_properties.last_modified_by = "convenant"
    doc.core_properties.author = "convenant"


def bouw(soort: str) -> bytes:
    """The Word template of one kind, as the bytes of a .docx file."""
    import io
    import zipfile

    doc = SJABLONEN[soort]()
    _inleidingen_bij_het_volgende(doc)
    _vaste_datum(doc)
    opgeslagen = io.BytesIO()
    doc.save(opgeslagen)
    # The same template gives the same bytes: a zip stores each part's time, so a rebuild
    # would otherwise change every .docx and make git see a conflict in each.
    uit = io.BytesIO()
    with zipfile.ZipFile(opgeslagen) as bron, zipfile.ZipFile(uit, "w") as doel:
        for deel in bron.infolist():
            vast = zipfile.ZipInfo(deel.filename, date_time=(2026, 1, 1, 0, 0, 0))
            vast.compress_type = zipfile.ZIP_DEFLATED
            doel.writestr(vast, bron.read(deel.filename))
    return uit.getvalue()


def main(soorten: Sequence[str] = ()) -> None:
    """Rebuild the named templates, or all; naming them keeps the others' bytes as they are."""
    onbekend = set(soorten) - SJABLONEN.keys()
    if onbekend:
        raise SystemExit(f"onbekende soort: {', '.join(sorted(onbekend))}")
    for soort in SJABLONEN:
        if soorten and soort not in soorten:
            continue
        (MAP / f"{soort}.docx").write_bytes(bouw(soort))
        print(f"{soort}.docx")


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
