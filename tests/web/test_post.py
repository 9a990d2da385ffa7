"""Mail from the workplace against a real SMTP server on 127.0.0.1 (aiosmtpd): the
kennisgeving to every Partij, an invitation as iCalendar, the outbox that loses nothing and
sends nothing twice, STARTTLS."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from convenant import post, spoor, toegang
from convenant.web.app import maak_app
from convenant.web.werkplek import Werkplek
from governance.contacten import laad_mail
from tests.smtp_hulp import Postbus, smtp_server
from tests.web_hulp import VOORBEELDEN, csrf, kopieer_register

CONTACTEN = {
    "assen": "assen@example.org",
    "emmen": "emmen@example.org",
    "politie": "politie@example.org",
}


def mail_instellen(register: Path, postbus: Postbus, tls: bool = False) -> None:
    regels = [
        "server: 127.0.0.1",
        f"poort: {postbus.poort}",
        f"beveiliging: {'starttls' if tls else 'geen'}",
        "afzender: secretariaat@zvhd.example",
        "werkplek_adres: https://werkplek.zvhd.example",
    ]
    if tls:
        regels.append(f"ca_bestand: {postbus.ca}")
    (register / "mail.yaml").write_text("\n".join(regels) + "\n", encoding="utf-8")
    (register / "contacten.yaml").write_text(
        "partijen:\n"
        + "".join(
            f"  {p}:\n    - {{email: {a}, naam: Contact {p}}}\n" for p, a in CONTACTEN.items()
        ),
        encoding="utf-8",
    )


def dossier_zonder_kennisgeving(register: Path) -> None:
    (register / "toetredingen").mkdir(exist_ok=True)
    tekst = (VOORBEELDEN / "toetredingen" / "voorbeeldzorg.yaml").read_text(encoding="utf-8")
    kop = tekst.split("kennisgeving_op:")[0]
    (register / "toetredingen" / "voorbeeldzorg.yaml").write_text(kop, encoding="utf-8")


@pytest.fixture
def register(tmp_path: Path) -> Path:
    r = kopieer_register(tmp_path / "register")
    dossier_zonder_kennisgeving(r)
    return r


def test_kennisgeving_een_mail_per_partij_met_contactadres_en_nooit_twee_keer(
    register: Path,
) -> None:
    with smtp_server() as postbus:
        mail_instellen(register, postbus)
        c = TestClient(maak_app(Werkplek(register)), follow_redirects=False)
        pagina = c.get("/toetredingen/voorbeeldzorg").text
        r = c.post("/toetredingen/voorbeeldzorg/verzend", data={"csrf": csrf(pagina)})
        assert r.status_code == 303
        assert sorted(str(m["To"]) for m in postbus.berichten) == sorted(CONTACTEN.values())
        m = next(m for m in postbus.berichten if m["To"] == "assen@example.org")
        assert "Stichting Voorbeeldzorg Drenthe" in str(m["Subject"])
        tekst = m.get_body(("plain",))
        assert tekst is not None
        assert "https://werkplek.zvhd.example/partijen/assen" in tekst.get_content()
        bijlagen = [d for d in m.iter_attachments() if d.get_content_type() == "application/pdf"]
        assert bijlagen
        assert bijlagen[0].get_content().startswith(b"%PDF")
        # the sending is in the register: the Partijen were informed today (22.3)
        assert "kennisgeving_op:" in (register / "toetredingen" / "voorbeeldzorg.yaml").read_text()
        # and each message with its Message-ID in the trail
        regels = [r for r in spoor.lijst(register) if r["soort"] == "verzending"]
        assert len(regels) == 3
        assert str(m["Message-ID"]) in " ".join(r["omschrijving"] for r in regels)
        # pressing again, and a restart of the workplace, send nothing twice
        c2 = TestClient(maak_app(Werkplek(register)), follow_redirects=False)
        pagina = c2.get("/toetredingen/voorbeeldzorg").text
        r = c2.post("/toetredingen/voorbeeldzorg/verzend", data={"csrf": csrf(pagina)})
        assert "niet opnieuw verzonden" in r.headers["location"].replace("%20", " ")
        assert len(postbus.berichten) == 3


def test_mislukte_aflevering_blijft_in_de_verzendlijst_en_gaat_later_alsnog(
    register: Path,
) -> None:
    with smtp_server() as postbus:
        mail_instellen(register, postbus)
        postbus.weiger = True
        c = TestClient(maak_app(Werkplek(register)), follow_redirects=False)
        pagina = c.get("/toetredingen/voorbeeldzorg").text
        c.post("/toetredingen/voorbeeldzorg/verzend", data={"csrf": csrf(pagina)})
        assert postbus.berichten == []
        lijst = c.get("/verzendlijst").text
        assert "laatste poging mislukt" in lijst
        # after a restart (a new process reads the same database) and when the retry is due
        postbus.weiger = False
        from convenant import databank

        with databank.verbind(register) as db:
            db.execute("UPDATE uitbak SET volgende = ?", (databank.nu(),))
        assert post.verwerk(register, laad_mail(register)) == (3, 0)
        assert len(postbus.berichten) == 3
        assert post.verwerk(register, laad_mail(register)) == (0, 0)  # nothing twice


def test_uitnodiging_als_icalendar_request(register: Path) -> None:
    from icalendar import Calendar

    shutil.copy(VOORBEELDEN / "bezetting.yaml", register / "bezetting.yaml")
    with smtp_server() as postbus:
        mail_instellen(register, postbus)
        c = TestClient(maak_app(Werkplek(register)), follow_redirects=False)
        pagina = c.get("/vergaderingen/stuurgroep-2027-10-06").text
        r = c.post(
            "/vergaderingen/stuurgroep-2027-10-06/verzend",
            data={"csrf": csrf(pagina), "soort": "uitnodiging"},
        )
        assert r.status_code == 303
        assert postbus.berichten, "geen uitnodiging ontvangen"
        m = postbus.berichten[0]
        delen = [d for d in m.iter_attachments() if d.get_content_type() == "text/calendar"]
        assert delen[0].get_param("method") == "REQUEST"
        cal = Calendar.from_ical(delen[0].get_content())
        assert cal["METHOD"] == "REQUEST"
        event = next(iter(cal.walk("VEVENT")))
        assert event.decoded("dtstart") == __import__("datetime").date(2027, 10, 6)
        assert "Stuurgroep" in str(event["SUMMARY"])
        # each delivered invitation is recorded in the meeting file through jaar's model,
        # with the mail's Message-ID, so the sending duties see it
        from governance.bestanden import laad_vergadering

        v = laad_vergadering(register / "stuurgroep-2027-10-06.yaml").model
        bericht_ids = {str(b["Message-ID"]) for b in postbus.berichten}
        vastgelegd = [z for z in v.verzonden if z.bericht_id in bericht_ids]
        assert len(vastgelegd) == len(postbus.berichten)
        assert all(z.documenten == ["agenda"] and z.wijze == "e-mail" for z in vastgelegd)


def test_starttls(register: Path, tmp_path: Path) -> None:
    with smtp_server(tls_map=tmp_path) as postbus:
        mail_instellen(register, postbus, tls=True)
        m = post.bericht(
            laad_mail(register),  # type: ignore[arg-type]
            ["assen@example.org"],
            "Proef",
            "Tekst",
            "proef:1",
        )
        assert post.plaats(register, "proef:1", m, "assen", "proef", toegang.LOKAAL)
        assert post.verwerk(register, laad_mail(register)) == (1, 0)
        assert postbus.berichten[0]["Subject"] == "Proef"
