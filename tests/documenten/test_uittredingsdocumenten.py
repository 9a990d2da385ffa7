"""The liquidatieoverzicht, the uittredingsoverzicht and the opzegging as a reader gets them:
one consistent account per route (24.5, 25.6, 25.7), the convenant's own words, a reading
named in words where the convenant leaves a point open, and nothing that does not apply to
the party the document is about (issue 13, the secretaris's review)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tests.documenten.test_documenten import (
    DOCS,
    ENGINE,
    VOORBEELDEN,
    _maak,
    _pdf_tekst,
    _word_tekst,
)
from tests.scenario_runners import draai

BEGROTING = DOCS / "liquidatiebegroting-voorbeeld.yaml"
# A reading is named, never only announced: "rust op een lezing" is followed by what it is.
KALE_LEZING = re.compile(r"rust op een lezing van het convenant(?!:)", re.IGNORECASE)


def _liquidatie(*extra: str) -> str:
    code, uit, fout = draai(["maak", "liquidatieoverzicht", str(BEGROTING), *extra])
    assert code == 0, fout
    return uit


def _register_met_lezing(tmp_path: Path, aanname: str, lezing: str) -> Path:
    """A copy of the example register in which the Stuurgroep settled one reading."""
    register = tmp_path / "register"
    shutil.copytree(VOORBEELDEN, register)
    (register / "lezingen.yaml").write_text(
        "vastgesteld:\n"
        f"  - aanname: {aanname}\n"
        f"    lezing: {lezing}\n"
        "    besluit: '2027-09'\n"
        "    datum: 2027-10-06\n",
        encoding="utf-8",
    )
    return register


# --- liquidatieoverzicht --------------------------------------------------------------------


def test_rechter_zegt_een_ding_de_gemeenten_dragen_het_personeel() -> None:
    # Under the reading in force 25.6 holds after a court's dissolution too: the gemeenten
    # bear the staff costs. Then the document must not also say that nothing is divided, nor
    # print what the VRD bears as employer (nothing).
    uit = _liquidatie("--route", "rechter")
    assert "niets over de gemeenten verdeeld" not in uit
    assert "draagt als werkgever" not in uit
    assert "## Door de gemeenten te dragen (art. 25.6)" in uit
    inleiding = uit.split("## Begroting")[0]
    assert "door de rechter ontbonden" in inleiding
    assert "eigen organisatie (art. 24.5)" in inleiding
    assert "dragen de gemeenten naar rato van hun bijdrage (art. 25.6)" in inleiding
    # which reading, in words
    assert "dit overzicht volgt de lezing dat 25.6 ook dan geldt" in inleiding
    assert "opgeheven" not in uit
    assert not KALE_LEZING.search(uit)


def test_rechter_onder_de_andere_lezing_verdeelt_niets(tmp_path: Path) -> None:
    register = _register_met_lezing(tmp_path, "rechter_vrd_kosten", "eigen_kosten")
    uit = _liquidatie("--route", "rechter", "--register", str(register))
    assert "Door de gemeenten te dragen" not in uit
    assert "er wordt niets over de gemeenten verdeeld" in uit
    assert "De Veiligheidsregio Drenthe draagt als werkgever € 262.087,45." in uit
    assert (
        "de Stuurgroep stelde op 6 oktober 2027 vast (besluit 2027-09) dat 25.6 dan niet geldt"
        in uit
    )
    assert "dragen de gemeenten" not in uit


def test_rechter_pdf_zonder_tegenspraak(tmp_path: Path) -> None:
    code, doel, fout = _maak(
        tmp_path, "liquidatieoverzicht", BEGROTING, "l.pdf", "--route", "rechter"
    )
    assert code == 0, fout
    tekst = "\n".join(_pdf_tekst(doel)).replace("\u00a0", " ")
    assert "niets over de gemeenten verdeeld" not in tekst
    assert "€ 0,00" not in tekst
    assert "€ 262.087,45" in tekst


def test_opheffing_in_de_woorden_van_het_convenant() -> None:
    uit = _liquidatie()
    # 25.4 heft op; the document keeps to that word and to 25.6's "liquiditeitsplan"
    assert "opgeheven (art. 25.4)" in uit
    assert "ontbonden" not in uit
    assert "liquidatieplan" not in uit
    assert "liquiditeitsplan" in uit
    assert not KALE_LEZING.search(uit)
    assert not ENGINE.search(uit), ENGINE.search(uit)


def test_gedetacheerd_personeel_noemt_de_tegenspraak_van_25_6_en_25_7() -> None:
    uit = _liquidatie()
    detachering = uit.split("## Gedetacheerd personeel (art. 25.7)")[1].split("##")[0]
    assert (
        "25.6 rekent ook gedetacheerd personeel tot de kosten die de gemeenten dragen"
        in detachering
    )
    assert "spreken elkaar daarin tegen" in detachering
    assert "dit overzicht volgt de lezing dat personeel dat een Partij detacheerde" in detachering
    # the toelichting does not repeat the partners' table
    assert uit.count("€ 8.200,00") == 2  # the budget line and the partners' table


def test_toelichting_noemt_elke_lezing_en_herhaalt_geen_tabel() -> None:
    uit = _liquidatie()
    toelichting = uit.split("## Toelichting")[1]
    assert "Welke bijdrage bedoeld is, zegt het convenant niet" in uit.split("## Begroting")[0]
    assert "Wie andere verplichtingen dan die jegens het personeel draagt" in toelichting
    assert "Verdeelsleutel:" not in toelichting  # said above the table
    # the rounding goes with the table it explains
    tabel = uit.split("## Door de gemeenten te dragen (art. 25.6)")[1].split("##")[0]
    assert "6 overgebleven centen" in tabel
    assert "centen" not in toelichting


def _json_bedragen(*extra: str) -> dict[str, str]:
    code, uit, fout = draai(
        ["simuleer", "liquidatie", "--begroting", str(BEGROTING), "--json", *extra]
    )
    assert code == 0, fout
    return {g["naam"]: g["bedrag"] for g in json.loads(uit)["gemeenten"]}


def _md_bedragen(uit: str) -> dict[str, str]:
    rijen = re.findall(
        r"^\| (Gemeente [^|]+) \| [\d.]+ \| [\d,]+\u00a0% \| € ([\d.,]+) \|$", uit, re.M
    )
    return {naam: bedrag.replace(".", "").replace(",", ".") for naam, bedrag in rijen}


@pytest.mark.parametrize("deelt", ["--uittreder-deelt", "--uittreder-deelt-niet"])
def test_uittreding_zegt_wat_de_bedragen_zijn_en_klopt_met_simuleer(deelt: str) -> None:
    opties = ["--route", "uittreding", "--uittredend", "emmen", deelt]
    uit = _liquidatie(*opties)
    assert _md_bedragen(uit) == _json_bedragen(*opties)
    inleiding = uit.split("## Begroting")[0]
    assert "Gemeente Emmen treedt uit" in inleiding
    assert "De bedragen hieronder zijn de posten van die begroting" in inleiding
    assert "de kosten die de uittreding veroorzaakt" not in uit
    toelichting = uit.split("## Toelichting")[1]
    assert "Of een uittredende gemeente meebetaalt, zegt het convenant niet" in toelichting
    if deelt == "--uittreder-deelt":
        assert "| Gemeente Emmen |" in uit
        assert "dit overzicht volgt de lezing dat Gemeente Emmen meebetaalt" in toelichting
    else:
        assert "| Gemeente Emmen |" not in uit
        assert "dit overzicht volgt de lezing dat Gemeente Emmen niet meebetaalt" in toelichting
    assert not KALE_LEZING.search(uit)


def test_liquidatie_word_zegt_hetzelfde(tmp_path: Path) -> None:
    code, doel, fout = _maak(
        tmp_path, "liquidatieoverzicht", BEGROTING, "l.docx", "--route", "rechter"
    )
    assert code == 0, fout
    tekst = _word_tekst(doel)
    assert "niets over de gemeenten verdeeld" not in tekst
    assert "dit overzicht volgt de lezing dat 25.6 ook dan geldt" in tekst
    assert "spreken elkaar daarin tegen" in tekst
    assert "liquidatieplan" not in tekst


ROUTES = {
    "bij opheffing": (),
    "bij ontbinding door de rechter": ("--route", "rechter"),
    "bij uittreding van Gemeente Emmen": ("--route", "uittreding", "--uittredend", "emmen"),
}


def test_liquidatie_titel_en_kenmerk_per_route(tmp_path: Path) -> None:
    """Three routes, three documents a secretariat can tell apart: the route in the title and a
    kenmerk of its own."""
    kenmerken = set()
    for titel, extra in ROUTES.items():
        uit = _liquidatie(*extra)
        assert f"# Liquidatieoverzicht {titel}\n" in uit
        gevonden = re.search(r"kenmerk (\S+)", uit)
        assert gevonden is not None
        kenmerk = gevonden.group(1)
        kenmerken.add(kenmerk)
    assert len(kenmerken) == len(ROUTES)
    code, doel, fout = _maak(tmp_path, "liquidatieoverzicht", BEGROTING, "l.pdf", *extra)
    assert code == 0, fout
    pdf = " ".join(_pdf_tekst(doel)).replace("\xa0", " ").replace("\n", " ")
    assert "Liquidatieoverzicht bij uittreding van Gemeente Emmen" in pdf
    assert kenmerk in pdf
    code, doel, fout = _maak(tmp_path, "liquidatieoverzicht", BEGROTING, "l.docx", *extra)
    assert code == 0, fout
    word = _word_tekst(doel).replace("\xa0", " ")
    assert "Liquidatieoverzicht bij uittreding van Gemeente Emmen" in word
    assert kenmerk in word


def test_liquidatie_inleiding_klopt_met_de_tabel(tmp_path: Path) -> None:
    """The opening names the sum the gemeenten table adds up to, and says right there what lies
    between it and the staff costs; the key is named as a key, with its basis."""
    uit = _liquidatie()
    inleiding = uit.split("## Begroting")[0]
    assert "**€ 262.087,45** |" in uit  # the gemeenten table's total
    assert "€ 247.687,45" in inleiding
    assert (
        "Samen met de overige verplichtingen (€ 14.400,00, zie de toelichting) dragen de "
        "gemeenten € 262.087,45." in inleiding
    )
    sleutel = (
        "Verdeeld volgens de verdeelsleutel ‘Voorbeeldverdeelsleutel naar inwonertal’ "
        "(gewicht: aantal inwoners per gemeente, afgerond op honderdtallen)."
    )
    assert sleutel in uit
    assert "Verdeeld naar Voorbeeldverdeelsleutel" not in uit
    code, doel, fout = _maak(tmp_path, "liquidatieoverzicht", BEGROTING, "l.pdf")
    assert code == 0, fout
    pdf = " ".join(_pdf_tekst(doel)).replace("\xa0", " ").replace("\n", " ")
    assert "dragen de gemeenten € 262.087,45" in pdf
    assert "Voorbeeldverdeelsleutel naar inwonertal’ (gewicht: aantal inwoners" in pdf
    code, doel, fout = _maak(tmp_path, "liquidatieoverzicht", BEGROTING, "l.docx")
    assert code == 0, fout
    word = _word_tekst(doel).replace("\xa0", " ")
    assert "dragen de gemeenten € 262.087,45" in word
    assert sleutel in word


# --- uittredingsoverzicht -------------------------------------------------------------------

OPZEGGING = DOCS / "opzegging-cosis.yaml"


def _opzegging_van(tmp_path: Path, partij: str) -> Path:
    """The example notice, given by another party (in the example register)."""
    register = tmp_path / "register"
    if not register.exists():
        shutil.copytree(VOORBEELDEN, register)
    pad = register / "documenten" / f"opzegging-{partij}.yaml"
    pad.write_text(
        OPZEGGING.read_text(encoding="utf-8").replace("partij: cosis", f"partij: {partij}"),
        encoding="utf-8",
    )
    return pad


def _uittreding(invoer: Path, *extra: str) -> str:
    code, uit, fout = draai(["maak", "uittredingsoverzicht", str(invoer), *extra])
    assert code == 0, fout
    return uit


def test_uittredingsoverzicht_zonder_begroting_geeft_geen_opdracht() -> None:
    uit = _uittreding(OPZEGGING)
    assert "opgegeven" not in uit
    assert "komt hier" not in uit
    assert "## Kosten" not in uit
    # what a reader needs instead: who bears the costs, and that Cosis bears none of them
    gevolgen = uit.split("## Gevolgen")[1]
    assert "dragen de gemeenten naar hun bijdrage" in gevolgen
    assert "Cosis is geen gemeente en draagt van die kosten niets" in gevolgen
    assert "liquidatieplan" not in uit


def test_bijdrage_van_een_gemeente_alleen_bij_een_gemeente(tmp_path: Path) -> None:
    assert "jaarlijkse bijdrage" not in _uittreding(OPZEGGING)
    meppel = _uittreding(_opzegging_van(tmp_path, "meppel"))
    assert meppel.count("jaarlijkse bijdrage") == 1
    assert "Gemeente Meppel betaalt haar jaarlijkse bijdrage tot de uittreding" in meppel


def test_uittredingsoverzicht_noemt_elke_lezing() -> None:
    uit = _uittreding(OPZEGGING)
    assert not KALE_LEZING.search(uit)
    assert (
        "rust op een lezing van het convenant: 18.2 en 25.5 noemen beëindiging en uitsluiting, "
        "niet de uittreding van één Partij" in uit
    )


def test_kosten_van_een_ketenpartner_vallen_niet_als_de_hele_liquidatie_op_haar_rekening() -> None:
    uit = _uittreding(OPZEGGING, "--begroting", str(BEGROTING))
    assert "Kosten van de uittreding" not in uit
    kosten = uit.split("## Kosten volgens de liquidatiebegroting (art. 25.6)")[1]
    assert "De bedragen hieronder komen uit Liquidatiebegroting ZVHD (voorbeeld)" in kosten
    assert "Cosis is geen gemeente en draagt van die kosten niets" in uit
    assert "spreken elkaar daarin tegen" in kosten  # seconded staff, as in the liquidatieoverzicht
    assert not KALE_LEZING.search(uit)


def test_uittredingsoverzicht_aan_de_stuurgroep_en_partijen_als_lijst() -> None:
    uit = _uittreding(OPZEGGING)
    assert "**Aan:** de Stuurgroep" in uit
    daarna = uit.split("## Partijen vanaf 31 januari 2028")[1]
    assert "30 Partijen" in daarna
    assert "\n- Gemeente Aa en Hunze\n" in daarna
    assert "; Gemeente" not in daarna
    code, html, _ = draai(["maak", "uittredingsoverzicht", str(OPZEGGING), "--formaat", "html"])
    assert code == 0
    assert '<ul class="kolommen"' in html


def test_uittredingsoverzicht_pdf_en_word(tmp_path: Path) -> None:
    for formaat in ("pdf", "docx"):
        code, doel, fout = _maak(
            tmp_path,
            "uittredingsoverzicht",
            OPZEGGING,
            f"u.{formaat}",
            "--begroting",
            str(BEGROTING),
        )
        assert code == 0, fout
        tekst = _word_tekst(doel) if formaat == "docx" else "\n".join(_pdf_tekst(doel))
        assert "jaarlijkse bijdrage" not in tekst
        assert "Kosten van de uittreding" not in tekst
        assert "Cosis is geen gemeente en draagt van die kosten niets" in tekst.replace("\n", " ")
        assert "Aan: de Stuurgroep" in tekst.replace("Aan:\n", "Aan: ").replace("\t", " ")


# --- opzegging --------------------------------------------------------------------------------


def _brief(invoer: Path, *extra: str) -> str:
    code, uit, fout = draai(["maak", "opzegging", str(invoer), *extra])
    assert code == 0, fout
    return uit


def test_opzegging_van_een_ketenpartner_zonder_bijdrage_en_in_een_stem() -> None:
    uit = _brief(OPZEGGING)
    assert "jaarlijkse bijdrage" not in uit
    assert "de Partij" not in uit  # the letter speaks as Cosis ("wij"), not of "de Partij"
    assert "blijven wij Partij, met onze rechten en verplichtingen (art. 25.2)" in uit
    assert "volwaardig" not in uit
    assert "20.4" not in uit
    assert "liquidatieplan" not in uit
    assert "liquiditeitsplan" in uit


def test_opzegging_van_een_gemeente_noemt_haar_bijdrage(tmp_path: Path) -> None:
    uit = _brief(_opzegging_van(tmp_path, "meppel"))
    # Issue 25, point 4: no article settles the year of the exit; the letter does not commit
    # the gemeente to pro rata (or any answer) as a fact, nor explains that gap to the
    # Stuurgroep (issue 24): the secretariat's exit overview does.
    zinnen = " ".join(uit.split())
    assert "naar rato" not in zinnen
    assert (
        "betalen wij onze jaarlijkse bijdrage volgens de begroting en verdeelsleutel van de "
        "twaalf colleges (art. 20.3)"
    ) in zinnen
    assert "regelt het convenant niet" not in zinnen
    assert "het jaar van de uittreding" not in zinnen
    code, overzicht, fout = draai(
        ["maak", "uittredingsoverzicht", str(_opzegging_van(tmp_path, "meppel"))]
    )
    assert code == 0, fout
    overzicht = " ".join(overzicht.split())
    assert "Geen artikel regelt het jaar van uittreding" in overzicht


def test_opzegging_aan_het_adres_van_het_zvhd() -> None:
    uit = _brief(OPZEGGING)
    kop = uit.split("# Opzegging")[0]
    aan = kop.split("Aan de voorzitter van de Stuurgroep")[1]
    assert "Zorg- en Veiligheidshuis Drenthe" in aan
    assert "Postbus 100 (voorbeeld)" in aan
    assert "9400 AC Assen" in aan


def test_opzegging_gaat_niet_uit_van_ontvangst_op_de_dag_van_schrijven() -> None:
    uit = _brief(OPZEGGING)
    assert "de dag waarop deze brief de Stuurgroep bereikt, 31 januari 2027" not in uit
    # the reading the letter follows, said plainly; the convenant's silence is the
    # uittredingsoverzicht's to explain, not the letter's
    assert (
        "De opzegtermijn is twaalf maanden, gerekend vanaf de dag waarop de Stuurgroep deze brief ontvangt."
        in uit
    )
    assert "Het convenant zegt niet" not in uit
    assert (
        "Ontvangt de Stuurgroep deze brief op 31 januari 2027, de datum van deze brief, dan gaat de uittreding in op **31 januari 2028**"
        in uit
    )
    assert "bij latere ontvangst komt de uittreding navenant later" in uit


def test_opzegging_onder_de_andere_lezing_van_de_termijn(tmp_path: Path) -> None:
    register = _register_met_lezing(tmp_path, "ingang_opzegtermijn", "dag_na_opzegging")
    uit = _brief(register / "documenten" / "opzegging-cosis.yaml")
    assert "gerekend vanaf de dag na ontvangst van deze brief door de Stuurgroep" in uit
    assert "dan gaat de uittreding in op **1 februari 2028**" in uit


def test_opzegging_pdf(tmp_path: Path) -> None:
    code, doel, fout = _maak(tmp_path, "opzegging", OPZEGGING, "o.pdf")
    assert code == 0, fout
    tekst = " ".join(_pdf_tekst(doel)).replace("\n", " ")
    assert "Postbus 100 (voorbeeld)" in tekst
    assert "jaarlijkse bijdrage" not in tekst
    assert "navenant later" in tekst


def test_opzegging_wegens_een_wijziging_in_een_stem(tmp_path: Path) -> None:
    pad = _opzegging_van(tmp_path, "meppel")
    pad.write_text(
        pad.read_text(encoding="utf-8")
        + "route: wijziging\ningang_wijziging: 2027-06-01\n"
        + "wijziging: de toetreding van Stichting Voorbeeldzorg Drenthe\n",
        encoding="utf-8",
    )
    uit = _brief(pad)
    assert "Daarom zeggen wij met deze brief onze deelname schriftelijk op bij de Stuurgroep" in uit
    assert "zegt zij" not in uit
    code, doel, fout = _maak(tmp_path, "opzegging", pad, "w.docx")
    assert code == 0, fout
    assert "zegt zij" not in _word_tekst(doel)
    woord = " ".join(_word_tekst(doel).split())
    # Until a 23.3 exit the gemeente stays by 23.3; what it owes over the exit year no article
    # says, and the letter does not commit it to an answer (issue 25, points 4 and 9).
    assert "blijven wij Partij, met onze rechten en verplichtingen (art. 23.3)" in woord
    assert "regelt het convenant niet" not in woord
    assert "naar rato" not in woord


def _ondertekening(tekst: str) -> str:
    return tekst.split("namens Cosis,")[1]


def test_opzegging_als_brief_ondertekend(tmp_path: Path) -> None:
    """The secretaris's review: the signatory's function stands under the signature, place and
    date are said once, a single point is a sentence and the lead-in does not repeat the verb."""
    uit = _brief(OPZEGGING)
    code, doel, fout = _maak(tmp_path, "opzegging", OPZEGGING, "o.pdf")
    assert code == 0, fout
    pdf = " ".join(_pdf_tekst(doel)).replace("\xa0", " ")
    code, doel, fout = _maak(tmp_path, "opzegging", OPZEGGING, "o.docx")
    assert code == 0, fout
    word = _word_tekst(doel).replace("\xa0", " ")
    for tekst in (uit, pdf, word):
        assert tekst.count("Groningen, 31 januari 2027") == 1
        onder = _ondertekening(tekst)
        assert "31 januari 2027" not in onder.split("dhr. C. Voorbeeld")[0]
        assert "bestuurder" in onder.split("dhr. C. Voorbeeld")[1]
        assert onder.split("---")[0].count("bestuurder") == 1  # the function, once
        # made from the example register: marked so, in every format
        assert "Voorbeeldgegevens, niet versturen." in tekst
        assert "blijven gelden" not in tekst
    assert "\n- blijven wij" not in uit
    assert (
        "Tot de uittreding ingaat, blijven wij Partij, met onze rechten en verplichtingen (art. 25.2)."
        in uit
    )
    assert "Ook na onze uittreding houden wij ons aan het volgende:\n\n- de geheimhouding" in uit


def test_uittredingsoverzicht_noemt_de_partij_en_zegt_25_6_een_keer(tmp_path: Path) -> None:
    """The secretaris's review: the party by name, 25.6's plan and budget said once, and the
    date of the exit counted from receipt, as the opzegging itself counts it."""
    zonder = _uittreding(OPZEGGING)
    met = _uittreding(OPZEGGING, "--begroting", str(BEGROTING))
    code, doel, fout = _maak(
        tmp_path, "uittredingsoverzicht", OPZEGGING, "u.pdf", "--begroting", str(BEGROTING)
    )
    assert code == 0, fout
    pdf = " ".join(_pdf_tekst(doel)).replace("\xa0", " ").replace("\n", " ")
    code, doel, fout = _maak(
        tmp_path, "uittredingsoverzicht", OPZEGGING, "u.docx", "--begroting", str(BEGROTING)
    )
    assert code == 0, fout
    word = _word_tekst(doel).replace("\xa0", " ")
    for tekst in (zonder, met, pdf, word):
        assert "Tot de ingangsdatum neemt Cosis nog deel" in tekst
        assert "volwaardig" not in tekst
        assert "blijft de Partij" not in tekst
        assert tekst.count("liquiditeitsplan") == 1
        assert "De uittreding gaat in op 31 januari 2028." not in tekst.replace("**", "")
        assert "bij latere ontvangst komt de uittreding navenant later" in tekst
        assert "de opzeggingsbrief rekent vanaf de dag waarop de Stuurgroep hem ontvangt" in tekst
    assert (
        "Ontvangt de Stuurgroep de opzeggingsbrief op 31 januari 2027, de datum van die brief, "
        "dan gaat de uittreding in op **31 januari 2028**" in met
    )
    assert (
        "| 31 januari 2027 | Cosis zegt schriftelijk op bij de Stuurgroep (datum van de brief, "
        "hier ook als dag van ontvangst genomen) |" in zonder
    )
