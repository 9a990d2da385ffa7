"""How uvicorn serves the workplace: one configuration for `convenant web` and the tests.

uvicorn bounds the wait between two requests on a connection (keep-alive) but not the wait for
a request's headers: a client that opens connections and sends a header line now and then holds
each of them for ever (slowloris). The protocol here closes a connection whose request line and
headers are not complete `KOP_SECONDEN` after it opened or after the previous answer.
"""

from __future__ import annotations

import asyncio
from typing import Any

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

KOP_SECONDEN = 10.0  # a browser sends its headers at once; a person never types them
TIJD_KEEP_ALIVE = 5  # uvicorn's default: an idle connection between two requests


class _MetKoptijd(H11Protocol):
    _koptijd: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._wacht_op_kop()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        self._wacht_op_kop()

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop_koptijd()
        super().connection_lost(exc)

    def _wacht_op_kop(self) -> None:
        """Arm the clock while the client has not finished a request's headers; stop it once
        it has (their state leaves IDLE), so a slow answer or a long upload is not cut off."""
        if self.conn.their_state is h11.IDLE:
            if self._koptijd is None:
                self._koptijd = self.loop.call_later(KOP_SECONDEN, self._te_traag)
        else:
            self._stop_koptijd()

    def _stop_koptijd(self) -> None:
        if self._koptijd is not None:
            self._koptijd.cancel()
            self._koptijd = None

    def _te_traag(self) -> None:
        self._koptijd = None
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self.transport.close()


def config(app: Any, host: str, port: int) -> uvicorn.Config:
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        http=_MetKoptijd,
        timeout_keep_alive=TIJD_KEEP_ALIVE,
        log_level="warning",
        access_log=False,
    )
