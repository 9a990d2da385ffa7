"""Issue 26: the second round of hardening, one test (or a few) per finding.

Each test drives what a user (or an attacker) does: a file in the register, a request to the
workplace or the API, a command. A test that would hang on the old code runs under an alarm,
so it fails instead of blocking the suite.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.scenario_runners import draai

VOORBEELDEN = Path(__file__).resolve().parents[1] / "examples"


@contextmanager
def binnen(seconden: int) -> Iterator[None]:
    """Fail (rather than hang) when the block takes longer than `seconden`."""

    def te_lang(signum: int, frame: object) -> None:
        raise AssertionError(f"duurde langer dan {seconden} s")

    oud = signal.signal(signal.SIGALRM, te_lang)
    signal.alarm(seconden)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, oud)


# --- 1. an alias inside its own anchor ----------------------------------------------------------

CYCLUS = """\
datum: 2027-05-12
kosten: &a1
  - post: x
    bedrag: *a1
"""


def test_een_anker_dat_zichzelf_bevat_wordt_snel_geweigerd_met_zijn_regel(tmp_path: Path) -> None:
    pad = tmp_path / "begroting.yaml"
    pad.write_text(CYCLUS, encoding="utf-8")
    with binnen(5):  # a guard against the old hang, not a speed test (that is bench/)
        code, _, fout = draai(["simuleer", "liquidatie", "--begroting", str(pad)])
    assert code == 2
    # the place is the alias that refers back (line 4), and the message says what to do
    assert f"{pad}:4:13: " in fout, fout
    assert "*a1 verwijst naar zichzelf" in fout, fout


@pytest.mark.parametrize(
    "tekst",
    [
        "a: &x [1, *x]\n",
        "a: &x {b: *x}\n",
        "a: &x\n  b:\n    - c: &y [*x]\n",
    ],
)
def test_elke_kringverwijzing_is_een_melding_met_regel(tmp_path: Path, tekst: str) -> None:
    from governance.errors import InvoerFout
    from governance.loader import lees_yaml

    pad = tmp_path / "x.yaml"
    pad.write_text(tekst, encoding="utf-8")
    with binnen(10), pytest.raises(InvoerFout) as e:
        lees_yaml(pad)
    (melding,) = e.value.meldingen
    assert melding.regel is not None
    assert "verwijst naar zichzelf" in melding.tekst
