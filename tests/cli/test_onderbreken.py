"""Ctrl+C on a real process: the signal, not a monkeypatched exception."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _sigint_standaard() -> None:
    # A test runner started in the background inherits SIGINT as ignored; the user's shell
    # delivers it, so restore the default before the command starts.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _wacht_op(poort: int) -> None:
    einde = time.monotonic() + 20
    while time.monotonic() < einde:
        try:
            socket.create_connection(("127.0.0.1", poort), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"de werkplek luistert niet op poort {poort}")


def test_ctrl_c_op_de_werkplek_stopt_met_130_en_een_nederlandse_regel() -> None:
    poort = _vrije_poort()
    proces = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "convenant",
            "web",
            str(ROOT / "examples"),
            "--poort",
            str(poort),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        preexec_fn=_sigint_standaard,
    )
    try:
        assert proces.stdout is not None
        eerste = proces.stdout.readline()  # printed once it is ready to serve
        assert "De werkplek voor het register" in eerste
        _wacht_op(poort)  # serving: the interrupt reaches the running server, not its start
        proces.send_signal(signal.SIGINT)
        _, fout = proces.communicate(timeout=30)
    finally:
        if proces.poll() is None:
            proces.kill()
            proces.wait(timeout=10)
    assert proces.returncode == 130
    assert fout.strip() == "Afgebroken.", fout
    assert "Traceback" not in fout
    assert proces.poll() is not None  # gone, not left running
