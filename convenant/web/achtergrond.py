"""The workplace served from a background thread on 127.0.0.1, for browser tests and bench.

The port is chosen by the system (port 0), so parallel runs do not collide; leaving the
`with` block stops the server and waits for its thread.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator

from fastapi import FastAPI


@contextlib.contextmanager
def op_achtergrond(app: FastAPI, wachttijd: float = 10.0) -> Iterator[str]:
    """Serve `app`; yields its base address, e.g. http://127.0.0.1:41234."""
    import uvicorn

    from .dienst import config

    server = uvicorn.Server(config(app, "127.0.0.1", 0))
    draad = threading.Thread(target=server.run, daemon=True)
    draad.start()
    tot = time.monotonic() + wachttijd
    while not server.started:
        if not draad.is_alive() or time.monotonic() > tot:
            server.should_exit = True
            raise RuntimeError("de werkplek startte niet op 127.0.0.1")
        time.sleep(0.01)
    poort = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{poort}"
    finally:
        server.should_exit = True
        draad.join(wachttijd)
