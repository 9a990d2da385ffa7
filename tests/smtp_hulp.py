"""A real SMTP server on 127.0.0.1 for the mail tests (aiosmtpd), with STARTTLS on request."""

from __future__ import annotations

import contextlib
import socket
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any


@dataclass
class Postbus:
    poort: int
    berichten: list[EmailMessage] = field(default_factory=list)
    weiger: bool = False  # refuse every message (a server in trouble)
    ca: Path | None = None

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.weiger:
            return "451 probeer het later nog eens"
        bericht = message_from_bytes(envelope.content, policy=policy.default)
        assert isinstance(bericht, EmailMessage)
        self.berichten.append(bericht)
        return "250 OK"


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def certificaat(map_: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 (openssl), which the test trusts as its CA."""
    sleutel, cert = map_ / "sleutel.pem", map_ / "cert.pem"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            "-keyout", str(sleutel), "-out", str(cert), "-subj", "/CN=127.0.0.1",
            "-addext", "subjectAltName=IP:127.0.0.1",
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return sleutel, cert


@contextlib.contextmanager
def smtp_server(tls_map: Path | None = None) -> Iterator[Postbus]:
    import ssl

    from aiosmtpd.controller import Controller

    postbus = Postbus(vrije_poort())
    opties: dict[str, Any] = {}
    if tls_map is not None:
        sleutel, cert = certificaat(tls_map)
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(cert, sleutel)
        opties = {"tls_context": context, "require_starttls": True}
        postbus.ca = cert
    controller = Controller(postbus, hostname="127.0.0.1", port=postbus.poort, **opties)
    controller.start()
    try:
        yield postbus
    finally:
        controller.stop()
