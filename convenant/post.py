"""Mail from the workplace: a persistent outbox in the register's database, sent over SMTP.

Every message is put in the outbox first, under a key that says what it is (the kennisgeving
of this toetreding to this Partij): the same key twice is one message, so pressing "verzend"
again, or a restart in the middle, sends nothing twice. Sending claims a message in the
database before talking to the server; a message the server refused stays in the outbox with
the reason and is tried again later (backoff), visible on the outbox page. A sent message is
recorded in the trail with its Message-ID.

smtplib and the email package are imported here only; the CLI never imports this module.
"""

from __future__ import annotations

import datetime as dt
import os
import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import formataddr, formatdate, make_msgid
from pathlib import Path
from typing import Any

from governance.contacten import Mailinstellingen

from . import databank, spoor
from .toegang import Gebruiker

WACHTTIJDEN = (60, 5 * 60, 15 * 60, 60 * 60, 4 * 60 * 60)  # seconds before the next try
MAX_POGINGEN = 8
TIJDSLIMIET = 30  # seconds for the SMTP server to answer
CLAIM = 10 * 60  # a message claimed longer ago than this was left by a process that stopped


class MailFout(Exception):
    """Mail cannot be sent at all (no settings, no password): said in words."""


@dataclass(frozen=True)
class Bijlage:
    naam: str
    inhoud: bytes
    soort: str  # MIME type, e.g. application/pdf
    methode: str | None = None  # text/calendar; method=REQUEST


def bericht(
    instellingen: Mailinstellingen,
    aan: list[str],
    onderwerp: str,
    tekst: str,
    sleutel: str,
    bijlagen: tuple[Bijlage, ...] = (),
) -> EmailMessage:
    m = EmailMessage()
    m["From"] = formataddr((instellingen.afzender_naam, instellingen.afzender))
    m["To"] = aan[0]
    if len(aan) > 1:
        m["Cc"] = ", ".join(aan[1:])
    m["Subject"] = onderwerp
    m["Date"] = formatdate(localtime=True)
    domein = instellingen.afzender.rpartition("@")[2]
    m["Message-ID"] = make_msgid(idstring=databank.nu()[:10], domain=domein)
    m["X-Convenant-Sleutel"] = sleutel
    m.set_content(tekst)
    for b in bijlagen:
        hoofd, _, sub = b.soort.partition("/")
        if b.methode:  # an invitation: the calendar part a mail program offers to accept
            m.add_attachment(
                b.inhoud, maintype=hoofd, subtype=sub, filename=b.naam, params={"method": b.methode}
            )
        else:
            m.add_attachment(b.inhoud, maintype=hoofd, subtype=sub, filename=b.naam)
    return m


def plaats(
    register: Path,
    sleutel: str,
    m: EmailMessage,
    partij: str | None,
    document: str,
    wie: Gebruiker,
    vastleggen: dict[str, Any] | None = None,
) -> bool:
    """Put a message in the outbox; False when one with this key is already there.

    `vastleggen`: the sending to record in a meeting file once the server took the message,
    {"bestand": name in the register, "documenten": [...], "aan": [...]} (governance.verzendingen).
    """
    import json

    with databank.verbind(register) as db:
        cur = db.execute(
            "INSERT OR IGNORE INTO uitbak (sleutel, aan, partij, document, onderwerp, bericht, "
            "message_id, status, volgende, gemaakt, wie, vastleggen) VALUES (?, ?, ?, ?, ?, ?, "
            "?, 'wacht', ?, ?, ?, ?)",
            (
                sleutel,
                ", ".join(a for a in (m["To"], m["Cc"]) if a),
                partij,
                document,
                str(m["Subject"]),
                m.as_bytes(policy=SMTP),  # CRLF line ends, as smtplib sends bytes as they are
                str(m["Message-ID"]),
                databank.nu(),
                databank.nu(),
                wie.weergave,
                json.dumps(vastleggen) if vastleggen else None,
            ),
        )
        return cur.rowcount == 1


def _verbinding(instellingen: Mailinstellingen) -> smtplib.SMTP:
    context = ssl.create_default_context(cafile=instellingen.ca_bestand)
    if instellingen.beveiliging == "ssl":
        smtp: smtplib.SMTP = smtplib.SMTP_SSL(
            instellingen.server, instellingen.poort, timeout=TIJDSLIMIET, context=context
        )
    else:
        smtp = smtplib.SMTP(instellingen.server, instellingen.poort, timeout=TIJDSLIMIET)
        if instellingen.beveiliging == "starttls":
            smtp.starttls(context=context)
    if instellingen.gebruiker:
        wachtwoord = os.environ.get(instellingen.wachtwoord_omgeving or "", "")
        if not wachtwoord:
            smtp.close()
            raise MailFout(
                f"het wachtwoord voor de mailserver ontbreekt: zet de omgevingsvariabele "
                f"{instellingen.wachtwoord_omgeving or '(noem haar in mail.yaml bij wachtwoord_omgeving)'}"
            )
        smtp.login(instellingen.gebruiker, wachtwoord)
    return smtp


def _later(pogingen: int) -> str:
    wacht = WACHTTIJDEN[min(pogingen, len(WACHTTIJDEN)) - 1]
    return (
        (dt.datetime.now(dt.UTC) + dt.timedelta(seconds=wacht)).replace(microsecond=0).isoformat()
    )


def verwerk(register: Path, instellingen: Mailinstellingen | None) -> tuple[int, int]:
    """Send what is due in the outbox: (sent, failed this round)."""
    if instellingen is None or not databank.bestaat(register):
        return 0, 0
    nu = databank.nu()
    grens = (dt.datetime.now(dt.UTC) - dt.timedelta(seconds=CLAIM)).replace(microsecond=0)
    with databank.verbind(register) as db:
        # a claim left by a process that stopped mid-sending is given up
        db.execute(
            "UPDATE uitbak SET status = 'wacht' WHERE status = 'bezig' AND volgende < ?",
            (grens.isoformat(),),
        )
        rijen = db.execute(
            "SELECT id FROM uitbak WHERE status = 'wacht' AND volgende <= ? ORDER BY id", (nu,)
        ).fetchall()
    if not rijen:
        return 0, 0
    verzonden = mislukt = 0
    smtp: smtplib.SMTP | None = None
    try:
        for (id_,) in rijen:
            with databank.verbind(register) as db:
                claim = db.execute(
                    "UPDATE uitbak SET status = 'bezig', volgende = ? WHERE id = ? AND status = 'wacht'",
                    (databank.nu(), id_),
                )
                if claim.rowcount != 1:
                    continue  # another process took it
                rij = db.execute("SELECT * FROM uitbak WHERE id = ?", (id_,)).fetchone()
            try:
                if smtp is None:
                    smtp = _verbinding(instellingen)
                ontvangers = [a.strip() for a in rij["aan"].split(",") if a.strip()]
                smtp.sendmail(instellingen.afzender, ontvangers, rij["bericht"])
            except (OSError, smtplib.SMTPException, MailFout) as e:
                mislukt += 1
                pogingen = rij["pogingen"] + 1
                with databank.verbind(register) as db:
                    db.execute(
                        "UPDATE uitbak SET status = ?, pogingen = ?, fout = ?, volgende = ? WHERE id = ?",
                        (
                            "mislukt" if pogingen >= MAX_POGINGEN else "wacht",
                            pogingen,
                            _reden(e),
                            _later(pogingen),
                            id_,
                        ),
                    )
                if smtp is not None:
                    try:
                        smtp.close()
                    finally:
                        smtp = None
                continue
            verzonden += 1
            with databank.verbind(register) as db:
                db.execute(
                    "UPDATE uitbak SET status = 'verzonden', verzonden_op = ?, fout = NULL, "
                    "pogingen = pogingen + 1 WHERE id = ?",
                    (databank.nu(), id_),
                )
            wie = Gebruiker(rij["wie"], rij["wie"], "secretaris")
            if rij["vastleggen"]:
                _leg_vast(register, rij["vastleggen"], rij["message_id"], wie)
            spoor.schrijf(
                register,
                wie,
                "verzending",
                f"{rij['onderwerp']} verzonden aan {rij['aan']} (bericht {rij['message_id']})",
                None,
            )
    finally:
        if smtp is not None:
            try:
                smtp.quit()
            except (OSError, smtplib.SMTPException):
                smtp.close()
    return verzonden, mislukt


def _leg_vast(register: Path, vastleggen: str, bericht_id: str, wie: Gebruiker) -> None:
    """The sending into the meeting file (governance.verzendingen), so the sending duties of
    4.8, 5.8 and 5.9 close from it; a file that cannot take it leaves the mail sent and the
    trail says so (the secretaris records it by hand)."""
    import json

    from governance import opslag
    from governance.errors import ConvenantFout
    from governance.vergadering import Verzending
    from governance.verzendingen import leg_vast

    gegevens = json.loads(vastleggen)
    z = Verzending(
        documenten=gegevens["documenten"],
        aan=gegevens["aan"],
        op=dt.date.today(),
        door=wie.weergave,
        wijze="e-mail",
        bericht_id=bericht_id,
    )
    vorig = opslag.waarnemer.set(spoor.bij_opslaan(wie))
    try:
        leg_vast(register, register / gegevens["bestand"], z)
    except ConvenantFout as e:
        spoor.schrijf(
            register, wie, "verzending",
            f"verzonden, maar niet vastgelegd in {gegevens['bestand']}: {e.voor_gebruiker()}",
            gegevens["bestand"],
        )  # fmt: skip
    finally:
        opslag.waarnemer.reset(vorig)


def _reden(e: Exception) -> str:
    if isinstance(e, MailFout):
        return str(e)
    if isinstance(e, smtplib.SMTPRecipientsRefused):
        return "de mailserver weigerde het adres"
    if isinstance(e, smtplib.SMTPAuthenticationError):
        return "de mailserver weigerde gebruiker of wachtwoord"
    if isinstance(e, smtplib.SMTPException):
        return f"de mailserver weigerde het bericht ({type(e).__name__})"
    return (
        f"de mailserver is niet bereikbaar ({e.strerror or type(e).__name__})"
        if isinstance(e, OSError)
        else str(e)
    )


def uitbak(register: Path) -> list[dict[str, Any]]:
    if not databank.bestaat(register):
        return []
    with databank.verbind(register) as db:
        rijen = db.execute(
            "SELECT id, sleutel, aan, partij, document, onderwerp, message_id, status, pogingen, "
            "fout, volgende, gemaakt, verzonden_op, wie FROM uitbak ORDER BY id DESC LIMIT 500"
        ).fetchall()
    return [_met_tijden(dict(r)) for r in rijen]


def _met_tijden(rij: dict[str, Any]) -> dict[str, Any]:
    for k in ("gemaakt", "verzonden_op", "volgende"):
        if rij.get(k):
            rij[k] = databank.plaatselijk(rij[k])
    rij["moment"] = rij.get("verzonden_op") or rij["gemaakt"]
    return rij


def opnieuw(register: Path, id_: int) -> None:
    """A message that failed for good is tried again at once (the secretaris fixed the cause)."""
    with databank.verbind(register) as db:
        db.execute(
            "UPDATE uitbak SET status = 'wacht', volgende = ? WHERE id = ? AND status = 'mislukt'",
            (databank.nu(), id_),
        )


def verzonden_aan_partij(register: Path, partij: str) -> list[dict[str, Any]]:
    if not databank.bestaat(register):
        return []
    with databank.verbind(register) as db:
        rijen = db.execute(
            "SELECT * FROM uitbak WHERE partij = ? AND status = 'verzonden' ORDER BY id DESC",
            (partij,),
        ).fetchall()
    # a sqlite3.Row iterates over its values; its keys() are the column names
    return [_met_tijden({k: r[k] for k in r.keys() if k != "bericht"}) for r in rijen]  # noqa: SIM118


def al_geplaatst(register: Path, voorvoegsel: str) -> set[str]:
    """The keys in the outbox that start with `voorvoegsel` (what was sent before)."""
    if not databank.bestaat(register):
        return set()
    with databank.verbind(register) as db:
        return {
            r[0]
            for r in db.execute(
                "SELECT sleutel FROM uitbak WHERE substr(sleutel, 1, ?) = ?",
                (len(voorvoegsel), voorvoegsel),
            )
        }
