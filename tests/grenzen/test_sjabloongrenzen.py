"""Issue 17: a user's own template (--sjablonen) is bounded, and every failure is exit 2 naming
the template and its line. Each case is the minimal template that once blew up or escaped."""

from __future__ import annotations

import re
import resource
import time
from pathlib import Path

import pytest

from convenant import sjabloongrenzen
from tests.scenario_runners import draai

VOORBEELD = Path(__file__).resolve().parents[2] / "examples" / "documenten" / "opzegging-cosis.yaml"


def _maak(map_: Path) -> tuple[int, str, str]:
    return draai(["maak", "opzegging", str(VOORBEELD), "--sjablonen", str(map_)])


@pytest.mark.parametrize(
    ("sjabloon", "melding"),
    [
        ("a\n{% for i in range(10**9) %}x{% endfor %}\n", "range met meer dan"),
        (
            "a\n{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}\n",
            "langer dan",
        ),
        ("a\n{{ 'x' * 10**9 }}\n", "een herhaling van meer dan"),
        ("a\n{{ [0] * 10**9 }}\n", "een herhaling van meer dan"),
        ("a\n{{ 2**100000 }}\n", "een macht met meer dan"),
        ("a\n{{ 1 / 0 }}\n", "deelt door nul"),
        ("a\n{{ 'x'|center(10**9) }}\n", "het filter center met een getal boven"),
        ("a\n{{ 'x'.ljust(10**9) }}\n", "ljust() met een getal boven"),
        ("a\n{{ '%0999999999d' % 1 }}\n", "veldbreedte"),
        ("a\n{{ '%0999999999d'|format(1) }}\n", "veldbreedte"),
        ("a\n{% include 'opzegging.md.j2' %}\n", "roept zichzelf te vaak aan"),
        ("a\n{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}\n", "roept zichzelf te vaak aan"),
        (
            "a\n{% set x = namespace(s='x') %}{% for i in range(60) %}"
            "{% set x.s = x.s ~ x.s %}{% endfor %}{{ x.s }}\n",
            "te veel geheugen|groter dan|langer dan",
        ),
    ],
)
def test_een_sjabloon_dat_ontspoort_geeft_exit_2_met_regel(
    tmp_path: Path, sjabloon: str, melding: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sjabloongrenzen, "MAX_SECONDEN", 1)  # the bound, not its size, is tested
    (tmp_path / "opzegging.md.j2").write_text(sjabloon, encoding="utf-8")
    voor = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    begin = time.monotonic()
    code, uit, fout = _maak(tmp_path)
    assert code == 2, fout
    assert uit == ""
    assert f"{tmp_path / 'opzegging.md.j2'}:2:1: " in fout
    assert any(deel in fout for deel in melding.split("|")), fout
    assert time.monotonic() - begin < 30
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - voor < 1_500_000  # kB


def test_een_blok_dat_niet_sluit_noemt_de_regel_waar_het_opent(tmp_path: Path) -> None:
    """Jinja reports the end of the file; the author needs the {% if %} left open."""
    (tmp_path / "opzegging.md.j2").write_text(
        "a\n{% for x in [1] %}{{ x }}{% endfor %}\n{% if partij %}\nb\nc\n", encoding="utf-8"
    )
    code, _, fout = _maak(tmp_path)
    assert code == 2
    assert (
        f"{tmp_path / 'opzegging.md.j2'}:3:1: fout in het sjabloon: een {{% if %}} wordt niet "
        "afgesloten met {% endif %}"
    ) in fout


def test_een_verkeerde_eindtag_noemt_zijn_eigen_regel(tmp_path: Path) -> None:
    (tmp_path / "opzegging.md.j2").write_text("a\n{% if partij %}\nb\n{% endfor %}\n")
    code, _, fout = _maak(tmp_path)
    assert code == 2
    assert (
        f"{tmp_path / 'opzegging.md.j2'}:4:1: fout in het sjabloon: hier staat {{% endfor %}}, "
        "maar eerst moet {% if %} worden afgesloten met {% endif %}"
    ) in fout


def test_een_symlink_naar_buiten_wordt_niet_gevolgd(tmp_path: Path) -> None:
    (tmp_path / "opzegging.md.j2").symlink_to("/etc/hostname")
    code, uit, fout = _maak(tmp_path)
    assert code == 2
    assert uit == ""
    assert "buiten de sjablonenmap" in fout
    assert f"{tmp_path / 'opzegging.md.j2'}: " in fout


def test_een_include_van_etc_passwd_noemt_dat_sjabloon_en_de_regel(tmp_path: Path) -> None:
    (tmp_path / "opzegging.md.j2").write_text("a\nb\n{% include '/etc/passwd' %}\n")
    code, _, fout = _maak(tmp_path)
    assert code == 2
    assert f"{tmp_path / 'opzegging.md.j2'}:3:1: het sjabloon '/etc/passwd' bestaat niet" in fout
    assert "root:" not in fout


def test_een_sjabloon_dat_geen_utf8_is(tmp_path: Path) -> None:
    (tmp_path / "opzegging.md.j2").write_bytes(b"a\nb \xe9\n")
    code, _, fout = _maak(tmp_path)
    assert code == 2
    assert f"{tmp_path / 'opzegging.md.j2'}:2:1: het sjabloon is geen UTF-8" in fout


def test_een_gewoon_eigen_sjabloon_met_include_werkt(tmp_path: Path) -> None:
    (tmp_path / "opzegging.md.j2").write_text("{% include 'kop.md.j2' %}{{ 2 * 3 }}\n")
    (tmp_path / "kop.md.j2").write_text("Opzegging {{ partij.naam }}: ")
    assert _maak(tmp_path) == (0, "Opzegging Cosis: 6\n", "")


def _word(pad: Path, tekst: str) -> None:
    from docx import Document

    document = Document()
    document.add_paragraph(tekst)
    document.save(str(pad))


def _maak_word(map_: Path, tmp_path: Path) -> tuple[int, str, str, Path]:
    doel = tmp_path / "uit.docx"
    code, uit, fout = draai(
        ["maak", "opzegging", str(VOORBEELD), "--sjablonen", str(map_), "--uitvoer", str(doel)]
    )
    return code, uit, fout, doel


def test_een_word_sjabloon_als_symlink_naar_buiten_wordt_niet_gevolgd(tmp_path: Path) -> None:
    buiten = tmp_path / "buiten"
    buiten.mkdir()
    _word(buiten / "opzegging.docx", "Geheim buiten de map {{ kenmerk }}")
    map_ = tmp_path / "sjablonen"
    map_.mkdir()
    (map_ / "opzegging.docx").symlink_to(buiten / "opzegging.docx")
    code, _, fout, doel = _maak_word(map_, tmp_path)
    assert code == 2, fout
    assert "buiten de sjablonenmap" in fout
    assert str(map_ / "opzegging.docx") in fout
    assert not doel.exists()


def test_een_word_sjabloon_dat_eindeloos_rekent_wordt_gestopt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sjabloongrenzen, "MAX_SECONDEN", 1)  # the bound, not its size, is tested
    map_ = tmp_path / "sjablonen"
    map_.mkdir()
    _word(
        map_ / "opzegging.docx",
        "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}",
    )
    begin = time.monotonic()
    code, _, fout, doel = _maak_word(map_, tmp_path)
    assert code == 2, fout
    assert "langer dan" in fout
    assert "in de alinea '{% for i in range(99999) %}" in fout
    assert "herstel: " in fout
    assert not doel.exists()
    assert time.monotonic() - begin < 30


# --- Word templates: size, zip bombs, broken files, and where an error is (issue 13) ----------


def _word_met(pad: Path, *alineas: str, kop: str | None = None) -> None:
    from docx import Document

    document = Document()
    for tekst in alineas:
        document.add_paragraph(tekst)
    if kop is not None:
        document.sections[0].header.paragraphs[0].text = kop
    document.save(str(pad))


def _sjablonenmap(tmp_path: Path) -> Path:
    map_ = tmp_path / "sjablonen"
    map_.mkdir()
    return map_


def _geweigerd(map_: Path, tmp_path: Path) -> str:
    """The Word template is refused: exit 2, nothing written, a message and its fix."""
    code, uit, fout, doel = _maak_word(map_, tmp_path)
    assert code == 2, fout
    assert uit == ""
    assert not doel.exists()
    assert "Traceback" not in fout
    assert f"{map_ / 'opzegging.docx'}: " in fout
    assert "herstel: " in fout
    return fout


def _word_met_bijlage(map_: Path, inhoud: bytes, compressie: int) -> Path:
    """A Word template with one more part in its zip: a photograph, or a zip bomb."""
    import zipfile

    sjabloon = map_ / "opzegging.docx"
    _word_met(sjabloon, "Opzegging {{ partij.naam }}")
    with zipfile.ZipFile(sjabloon, "a", compressie) as z:
        z.writestr("word/media/bijlage.bin", inhoud)
    return sjabloon


def test_een_te_groot_word_sjabloon_wordt_geweigerd(tmp_path: Path) -> None:
    import random
    import zipfile

    map_ = _sjablonenmap(tmp_path)
    grens = sjabloongrenzen.MAX_WORD
    _word_met_bijlage(map_, random.Random(13).randbytes(grens + 1), zipfile.ZIP_STORED)
    fout = _geweigerd(map_, tmp_path)
    assert f"{grens // (1024 * 1024)} MB" in fout
    assert "afbeeldingen" in fout


def test_een_word_sjabloon_dat_als_zipbom_uitpakt_wordt_niet_geopend(tmp_path: Path) -> None:
    import zipfile

    map_ = _sjablonenmap(tmp_path)
    grens = sjabloongrenzen.MAX_WORD_UITGEPAKT
    sjabloon = _word_met_bijlage(map_, bytes(grens + 1), zipfile.ZIP_DEFLATED)
    assert sjabloon.stat().st_size < sjabloongrenzen.MAX_WORD  # small on disk, huge unpacked
    fout = _geweigerd(map_, tmp_path)
    assert "uitgepakt" in fout
    assert f"{grens // (1024 * 1024)} MB" in fout


@pytest.mark.parametrize(
    ("inhoud", "melding"),
    [
        (b"dit is tekst, geen Word-document\n", "geen Word-document"),
        (b"PK\x03\x04 afgebroken", "geen Word-document"),
    ],
)
def test_een_kapot_word_sjabloon_geeft_een_duidelijke_melding(
    tmp_path: Path, inhoud: bytes, melding: str
) -> None:
    map_ = _sjablonenmap(tmp_path)
    (map_ / "opzegging.docx").write_bytes(inhoud)
    fout = _geweigerd(map_, tmp_path)
    assert melding in fout
    assert "Package not found" not in fout
    assert ".docx" in fout.split("herstel: ")[1]


def test_een_zip_zonder_word_inhoud_geeft_een_duidelijke_melding(tmp_path: Path) -> None:
    import zipfile

    map_ = _sjablonenmap(tmp_path)
    with zipfile.ZipFile(map_ / "opzegging.docx", "w") as z:
        z.writestr("leesmij.txt", "geen Word")
    fout = _geweigerd(map_, tmp_path)
    assert "geen leesbaar Word-document" in fout


@pytest.mark.parametrize(
    ("alinea", "melding"),
    [
        ("Hier {% if partij %} zonder einde", "wordt niet afgesloten"),
        ("Naam: {{ partij.naam | onbekend }}", "het filter 'onbekend' bestaat niet"),
        ("Naam: {{ partij naam }}", "een {{ … }} loopt niet goed af"),
        ("Te delen: {{ 1 / 0 }}", "deelt door nul"),
        ("Bereik {% for i in range(10**9) %}x{% endfor %}", "range met meer dan"),
    ],
)
def test_een_fout_in_een_word_sjabloon_noemt_de_alinea(
    tmp_path: Path, alinea: str, melding: str
) -> None:
    map_ = _sjablonenmap(tmp_path)
    _word_met(map_ / "opzegging.docx", "Eerste alinea", "Tweede alinea", alinea, "Slot")
    fout = _geweigerd(map_, tmp_path)
    assert melding in fout
    assert f"in de alinea '{alinea}'" in fout
    assert not re.search(r"opzegging\.docx:\d", fout)  # no line of the XML inside the file


def test_een_fout_in_de_koptekst_van_een_word_sjabloon_zegt_waar(tmp_path: Path) -> None:
    map_ = _sjablonenmap(tmp_path)
    _word_met(map_ / "opzegging.docx", "Gewone tekst", kop="Kop {{ 1 / 0 }}")
    fout = _geweigerd(map_, tmp_path)
    assert "in de koptekst, in de alinea 'Kop {{ 1 / 0 }}'" in fout


def test_een_onbekend_veld_in_een_eigen_sjabloon_noemt_ook_de_plek_in_het_sjabloon(
    tmp_path: Path,
) -> None:
    """A missing field may be a typo in the template as well as a gap in the input: the
    message names the input file and the place in the own template."""
    tekst = _sjablonenmap(tmp_path)
    (tekst / "opzegging.md.j2").write_text("a\nBeste {{ partij.nam }},\n", encoding="utf-8")
    code, _, fout = _maak(tekst)
    assert code == 2
    assert f"{VOORBEELD}: het document 'opzegging' vraagt 'nam'" in fout
    assert f"{tekst / 'opzegging.md.j2'}, regel 2" in fout
    woord = tmp_path / "woord"
    woord.mkdir()
    _word_met(woord / "opzegging.docx", "Intro", "Beste {{ partij.nam }},")
    code, _, fout, doel = _maak_word(woord, tmp_path)
    assert code == 2
    assert f"{VOORBEELD}: het document 'opzegging' vraagt 'nam'" in fout
    assert f"{woord / 'opzegging.docx'}, in de alinea 'Beste {{{{ partij.nam }}}},'" in fout
    assert "verkeerd gespeld" in fout
    assert not doel.exists()


def test_een_word_sjabloon_dat_een_reuzendocument_maakt_wordt_gestopt(tmp_path: Path) -> None:
    """The output bound holds for Word too, also where no time or memory limit can be set
    (the workplace renders in a server thread)."""
    map_ = _sjablonenmap(tmp_path)
    _word_met(map_ / "opzegging.docx", "{% for i in range(100000) %}{{ 'x' * 999 }}{% endfor %}")
    fout = _geweigerd(map_, tmp_path)
    assert f"groter dan {sjabloongrenzen.MAX_WORD_UITVOER} tekens" in fout


@pytest.mark.parametrize("formaat", ["md", "docx"])
def test_ook_in_een_serverdraad_stopt_een_sjabloon_dat_eindeloos_rekent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, formaat: str
) -> None:
    """The workplace renders in a server thread, where no SIGALRM can be set; the house
    style's own templates are still stopped after MAX_SECONDEN."""
    import threading

    from convenant.maak import maak_uit_bestand
    from governance.errors import InvoerFout

    monkeypatch.setattr(sjabloongrenzen, "MAX_SECONDEN", 1)  # the bound, not its size, is tested
    lus = "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}"
    if formaat == "md":
        (tmp_path / "opzegging.md.j2").write_text(f"a\n{lus}\n", encoding="utf-8")
    else:
        _word_met(tmp_path / "opzegging.docx", "Intro", lus)
    uitkomst: list[BaseException] = []

    def maak() -> None:
        try:
            maak_uit_bestand("opzegging", formaat, VOORBEELD, eigen_sjablonen=tmp_path)
        except BaseException as e:
            uitkomst.append(e)

    draad = threading.Thread(target=maak, daemon=True)
    begin = time.monotonic()
    draad.start()
    draad.join(30)
    assert not draad.is_alive(), "het sjabloon rekent na 30 seconden nog door"
    assert time.monotonic() - begin < 30
    [fout] = uitkomst
    assert isinstance(fout, InvoerFout)
    assert "langer dan 1 seconden" in str(fout)


@pytest.mark.parametrize(
    "verwijzing",
    [
        '<link rel="attachment" href="file:///etc/passwd">',
        '<img src="file:///etc/passwd">',
        '<img src="http://127.0.0.1:9/logo.png">',
        "<style>@import url(file:///etc/passwd);</style>",
    ],
)
def test_een_pdf_haalt_niets_van_buiten_het_document(tmp_path: Path, verwijzing: str) -> None:
    """An own HTML template may read nothing outside its folder, also not through WeasyPrint
    (which would fetch a file:// or http:// address, and attach a file to the PDF)."""
    map_ = _sjablonenmap(tmp_path)
    (map_ / "opzegging.html.j2").write_text(
        f"<!DOCTYPE html><html><head>{verwijzing}</head><body><p>Opzegging {{{{ partij.naam }}}}"
        "</p></body></html>\n",
        encoding="utf-8",
    )
    doel = tmp_path / "uit.pdf"
    code, uit, fout = draai(
        ["maak", "opzegging", str(VOORBEELD), "--sjablonen", str(map_), "--uitvoer", str(doel)]
    )
    assert (code, uit) == (2, "")
    assert "buiten het document" in fout
    assert "root:" not in fout
    assert not doel.exists()


def test_het_logo_als_data_adres_komt_wel_in_de_pdf(tmp_path: Path) -> None:
    from pypdf import PdfReader

    doel = tmp_path / "agenda.pdf"
    invoer = VOORBEELD.parent / "stuurgroep-2027-05-12.yaml"
    code, _, fout = draai(["maak", "agenda", str(invoer), "--uitvoer", str(doel)])
    assert code == 0, fout
    # the example's logo, in the letterhead of every page
    assert [len(p.images) for p in PdfReader(str(doel)).pages] == [1] * len(
        PdfReader(str(doel)).pages
    )


@pytest.mark.parametrize(
    "inhoud",
    [
        "{% for i in range(25000) %}<p>regel {{ i }}</p>{% endfor %}",
        "<p>{% for i in range(100000) %}woord{{ i }} {% endfor %}</p>",
    ],
)
def test_een_html_te_groot_voor_een_pdf_wordt_niet_opgemaakt(tmp_path: Path, inhoud: str) -> None:
    """WeasyPrint needs about a minute and half a gigabyte for tens of thousands of paragraphs:
    the HTML of a PDF is bounded before layout (in a server thread no timer can stop it)."""
    map_ = _sjablonenmap(tmp_path)
    (map_ / "opzegging.html.j2").write_text(
        f"<!DOCTYPE html><html><body>{inhoud}</body></html>\n", encoding="utf-8"
    )
    doel = tmp_path / "uit.pdf"
    begin = time.monotonic()
    code, uit, fout = draai(
        ["maak", "opzegging", str(VOORBEELD), "--sjablonen", str(map_), "--uitvoer", str(doel)]
    )
    assert (code, uit) == (2, "")
    assert "te groot voor een PDF" in fout
    assert "herstel: " in fout
    assert not doel.exists()
    assert time.monotonic() - begin < 20


def test_het_word_sjabloon_van_de_huisstijl_heeft_dezelfde_grenzen(tmp_path: Path) -> None:
    """The house style's own templates (huisstijl.yaml: sjablonen) take the same road."""
    import shutil
    import zipfile

    register = tmp_path / "register"
    shutil.copytree(VOORBEELD.parents[1], register)
    map_ = register / "sjablonen" / "docx"
    map_.mkdir(parents=True)
    grens = sjabloongrenzen.MAX_WORD_UITGEPAKT
    _word_met_bijlage(map_, bytes(grens + 1), zipfile.ZIP_DEFLATED)
    with (register / "huisstijl.yaml").open("a", encoding="utf-8") as f:
        f.write("sjablonen: sjablonen\n")
    doel = tmp_path / "uit.docx"
    invoer = register / "documenten" / VOORBEELD.name
    code, uit, fout = draai(["maak", "opzegging", str(invoer), "--uitvoer", str(doel)])
    assert (code, uit) == (2, "")
    assert f"{map_ / 'opzegging.docx'}: het Word-sjabloon wordt uitgepakt" in fout
    assert not doel.exists()


def test_de_klok_noemt_de_regel_ook_als_het_alarm_herhaalt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a busy machine the repeating alarm may land while Jinja still handles the first one,
    outside every template frame; the message names the template's line all the same."""
    from jinja2 import debug

    echte = debug.rewrite_traceback_stack

    def traag(*args: object, **kwargs: object) -> BaseException:
        time.sleep(1.2)  # longer than the alarm's repeat (0.5 s): a repeat lands in here
        return echte(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(debug, "rewrite_traceback_stack", traag)
    monkeypatch.setattr(sjabloongrenzen, "MAX_SECONDEN", 1)
    lus = "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}"
    (tmp_path / "opzegging.md.j2").write_text(f"a\n\n{lus}\n", encoding="utf-8")
    code, _, fout = _maak(tmp_path)
    assert code == 2, fout
    assert f"{tmp_path / 'opzegging.md.j2'}:3:1: " in fout
    assert "langer dan 1 seconden" in fout
