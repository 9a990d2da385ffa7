"""`convenant web`: check where to listen, then serve the workplace with uvicorn."""

from __future__ import annotations

import gc
import os
from pathlib import Path

from governance.errors import EXIT_OK, GebruiksFout

TOKEN_OMGEVING = "CONVENANT_WEB_TOKEN"


def web(
    register: Path,
    poort: int,
    adres: str,
    token: str | None,
    tekst: Path | None,
    convenant_pad: Path | None,
    namen: tuple[str, ...] = (),
) -> int:
    if register.exists() and not register.is_dir():
        raise GebruiksFout(
            f"{register}: geen map; geef de map van het register (met de vergaderingen en bezetting.yaml)"
        )
    if not register.exists():
        # a new register starts as an empty folder; the workplace leads through setting it up
        try:
            register.mkdir(parents=True)
        except OSError as e:
            raise GebruiksFout(
                f"{register}: de map kan niet worden gemaakt ({e.strerror or e}); kies een map "
                "waarin u mag schrijven"
            ) from None
        print(f"Nieuwe, lege map {register.resolve()} gemaakt voor het register.", flush=True)
    if tekst is not None and not tekst.is_file():
        raise GebruiksFout(f"{tekst}: dit bestand met de tekst van het convenant bestaat niet")
    token = token or os.environ.get(TOKEN_OMGEVING) or None
    from .app import LOKAAL, maak_app

    lokaal = adres in LOKAAL
    if not lokaal and not token:
        raise GebruiksFout(
            f"de werkplek luistert alleen op {adres} met een toegangstoken: iedereen die dit adres "
            f"kan bereiken, kan anders het register lezen en wijzigen. Geef --token GEHEIM of zet "
            f"{TOKEN_OMGEVING}, of laat --adres weg (dan alleen deze computer, 127.0.0.1)"
        )
    from .werkplek import Werkplek

    werkplek = Werkplek(register, convenant_pad, tekst)
    werkplek.convenant  # noqa: B018  # read and check it now: a broken convenant stops the start
    app = maak_app(
        werkplek,
        token,
        LOKAAL | {adres} | {n.lower() for n in namen} if lokaal else None,
        # behind a reverse proxy the workplace is not 'this computer': without accounts only
        # the login and the one-time link of the first beheerder answer
        lokaal_open=lokaal and not namen,
    )

    _controleer_poort(adres, poort)
    import uvicorn

    # What the start made (modules, models, the convenant: some 80,000 objects) lives as long
    # as the server: frozen, a full collection no longer walks it, which took 30-45 ms in the
    # middle of some request (issue 26: the live verdict's slowest answers).
    gc.freeze()
    gc.enable()  # the CLI switches the collector off for short runs; a server runs for hours
    naam = f"[{adres}]" if ":" in adres else adres
    adresregel = f"http://{naam}:{poort}/" + (f"?token={token}" if token else "")
    print(f"De werkplek voor het register {werkplek.register} staat op {adresregel}", flush=True)
    from .. import toegang

    if (not lokaal or namen) and not toegang.heeft_accounts(werkplek.register):
        # served for others: the first beheerder is made through a link only this terminal sees
        sleutel = toegang.eenmalige_link(werkplek.register, "beheerder", None)
        print(
            f"Nog geen accounts. Maak de eerste beheerder (24 uur geldig, één keer): "
            f"{f'https://{namen[0]}' if namen else f'http://{naam}:{poort}'}/eenmalig/{sleutel}"
            + (f"?token={token}" if token else ""),
            flush=True,
        )
    elif toegang.heeft_accounts(werkplek.register):
        print("Dit register heeft accounts: de werkplek vraagt om in te loggen.", flush=True)
    from .inrichten import is_leeg

    if is_leeg(werkplek.register):
        print("Het register is nog leeg: open het adres en richt het in.", flush=True)
    print("Stoppen: Ctrl+C.", flush=True)
    # Not uvicorn.run: it swallows the KeyboardInterrupt that Server re-raises after its graceful
    # shutdown on Ctrl+C, so the CLI would exit 0 without a word instead of 130 "Afgebroken.".
    from .dienst import config

    server = uvicorn.Server(config(app, adres, poort))
    _postbode(werkplek.register)
    server.run()
    return EXIT_OK


def _controleer_poort(adres: str, poort: int) -> None:
    """Say in Dutch, before printing an address, that the port is taken (uvicorn would say it
    in English after the address was already shown)."""
    import socket

    familie = socket.AF_INET6 if ":" in adres else socket.AF_INET
    with socket.socket(familie, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((adres, poort))
        except OSError as e:
            import errno

            reden = {
                errno.EADDRINUSE: "de poort is al in gebruik",
                errno.EACCES: "geen toestemming voor deze poort",
                errno.EADDRNOTAVAIL: "dit adres hoort niet bij deze computer",
            }.get(e.errno or 0, str(e.strerror))
            raise GebruiksFout(
                f"kan niet luisteren op {adres}:{poort} ({reden}): draait de werkplek al, "
                f"of gebruikt een ander programma die poort? Kies een andere met --poort, "
                f"bijv. --poort {poort + 1} (bij make run: make run POORT={poort + 1})"
            ) from None


def _postbode(register: Path, elke: float = 30.0) -> None:
    """Send what waits in the outbox, now and every half minute: a message the mail server
    refused is retried, also after a restart, since the outbox lives in the register."""
    import threading

    from governance.errors import ConvenantFout

    from .. import post
    from ..register import Register

    dienst = Register(register)

    def rondes() -> None:
        wacht = 0.0
        while not threading.Event().wait(wacht):
            wacht = elke
            try:
                post.verwerk(register, dienst.mail())
            except ConvenantFout as e:  # mail.yaml broken: said each round, nothing lost
                print(f"Mail niet verzonden: {e.voor_gebruiker()}", flush=True)

    threading.Thread(target=rondes, name="postbode", daemon=True).start()
