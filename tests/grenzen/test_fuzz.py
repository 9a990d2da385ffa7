"""Fuzzing: every kind of example input, mutated, must keep the project's promise.

The promise (DESIGN.md, issue 17): whatever a file holds, a command ends with exit 0, 1 or 2;
an exit 2 names the file and, where the problem has a place, its line; no message carries a
control character; memory and time stay bounded. Hypothesis picks an example file, applies
one to three mutations (deleted and doubled lines, swapped types, impossible dates, huge and
negative numbers, control characters, YAML tags, anchors, alias bombs and alias cycles, bytes
that are not UTF-8, truncation, a file that is a folder, a link to /dev/zero, 10 MB, …) and runs
the commands that read that kind of file.

The workplace gets the same inputs (issue 26): each is put into a copy of the register under an
odd name (a space, a leading underscore, an editor's lock file, a control character), its
pages must still answer 200, and the same bytes are uploaded as a budget through the web form
and sent to the API: a refusal is fine, a 500 or a hang is not.

Each run happens in a forked child with an address-space limit and an alarm, so a blow-up is
a failed example instead of a dead machine; the child reports its exit code, stderr, peak
memory and time through a pipe. `make test` runs a few dozen examples (fixed seed);
`make fuzz` runs CONVENANT_FUZZ examples (3,000 by default) with a fresh seed.
"""

from __future__ import annotations

import io
import json
import os
import re
import resource
import shutil
import signal
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from convenant.cli import uitvoeren

VOORBEELDEN = Path(__file__).resolve().parents[2] / "examples"
CONVENANT = Path(__file__).resolve().parents[2] / "convenant.yaml"
AANTAL = int(os.environ.get("CONVENANT_FUZZ", "0")) or 40
VAST = "CONVENANT_FUZZ" not in os.environ  # the quick run in `make test` is reproducible

MAX_SECONDEN = 20  # per command; the alarm kills the child after this
MAX_EXTRA_GEHEUGEN = 1024 * 1024 * 1024  # address space above what the parent process had
MAX_PIEK_KB = 600 * 1024  # growth of the resident set a command may cause

STUURTEKEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# Problems that belong to the file as a whole, so a message without a line is right.
ZONDER_REGEL = (
    "bestand niet gevonden",
    "dit is een map",
    "geen gewoon bestand",
    "het bestand is groter dan",
    "YAML-fout: het bestand is niet te lezen",
    "maar dat staat niet in dit bestand",  # a field a document needs and the file lacks
)


# --- the example inputs and the commands that read them --------------------------------------


@dataclass(frozen=True)
class Soort:
    """A kind of input file, an example of it, and the commands (with {f} for the file)."""

    naam: str
    voorbeeld: Path
    opdrachten: tuple[tuple[str, ...], ...]


def _vergadering(pad: Path) -> Soort:
    return Soort(
        f"vergadering {pad.name}",
        pad,
        (
            ("toets", "{f}", "--register", "{r}"),
            ("maak", "besluitenlijst", "{f}", "--register", "{r}"),
            ("maak", "agenda", "{f}", "--register", "{r}"),
        ),
    )


DOC = VOORBEELDEN / "documenten"
SOORTEN = [
    *(
        _vergadering(p)
        for p in sorted(VOORBEELDEN.glob("*.yaml"))
        if p.name not in ("bezetting.yaml", "verdeelsleutel.yaml")
    ),
    _vergadering(DOC / "stuurgroep-2027-05-12.yaml"),
    _vergadering(DOC / "jaarvergadering-2027-06-16.yaml"),
    Soort(
        "toetreding",
        DOC / "toetreding-voorbeeldzorg.yaml",
        (
            ("maak", "toetredingsformulier", "{f}", "--register", "{r}"),
            ("maak", "kennisgeving-toetreding", "{f}", "--register", "{r}"),
        ),
    ),
    Soort("opzegging", DOC / "opzegging-cosis.yaml", (("maak", "opzegging", "{f}", "--register", "{r}"),)),
    Soort("addendum", DOC / "addendum-2027-1.yaml", (("maak", "addendum", "{f}", "--register", "{r}"),)),
    Soort(
        "liquidatiebegroting",
        DOC / "liquidatiebegroting-voorbeeld.yaml",
        (
            ("simuleer", "liquidatie", "--begroting", "{f}", "--register", "{r}"),
            ("simuleer", "liquidatie", "--begroting", "{f}", "--register", "{r}", "--alle-uittredingen"),
            ("maak", "liquidatieoverzicht", "{f}", "--register", "{r}"),
        ),
    ),
    Soort(
        "casus",
        VOORBEELDEN / "casus" / "zvhd-2027-0042.yaml",
        (("casus", "toets", "{f}"), ("casus", "volgende", "{f}")),
    ),
    Soort(
        "informatieverzoek",
        VOORBEELDEN / "casus" / "informatie-doorgifte.yaml",
        (("informatie", "toets", "{f}"),),
    ),
    Soort(
        "bezetting",
        VOORBEELDEN / "bezetting.yaml",
        (
            ("valideer", "--bezetting", "{f}", "--register", "{r}"),
            ("toets", "{r}/stuurgroep-2027-02-10.yaml", "--bezetting", "{f}"),
        ),
    ),
    Soort(
        "verdeelsleutel",
        VOORBEELDEN / "verdeelsleutel.yaml",
        (
            ("valideer", "--verdeelsleutel", "{f}", "--register", "{r}"),
            (
                "simuleer",
                "liquidatie",
                "--begroting",
                "{r}/documenten/liquidatiebegroting-voorbeeld.yaml",
                "--verdeelsleutel",
                "{f}",
            ),
        ),
    ),
    Soort(
        "convenant",
        CONVENANT,
        (
            ("valideer", "--convenant", "{f}", "--register", "{r}"),
            ("escaleer", "--convenant", "{f}", "--geschil", "casusregisseur"),
            ("informatie", "toets", "{r}/casus/informatie-doorgifte.yaml", "--convenant", "{f}"),
            ("casus", "criteria", "--ja", "veiligheid", "--convenant", "{f}"),
            ("toets", "{r}/stuurgroep-2027-02-10.yaml", "--convenant", "{f}"),
            ("simuleer", "uittreding", "--register", "{r}", "--partij", "meppel",
             "--opzegging", "2027-01-31", "--convenant", "{f}"),
        ),
    ),
]  # fmt: skip


# --- mutations ---------------------------------------------------------------------------------

WAARDEN = [
    "", "~", "[]", "{}", "-1", "0", "-0.01", "1e30", "1.0e+30", "123456789012345678901234567890",
    "9999-12-31", "9999-12-01", "0001-01-01", "2027-02-30", "2027-13-01", "31-12-9999",
    "!!float x", "!!int abc", "!!bool maybe", "!!str [1]", "!!binary xx", "!!timestamp x",
    "!!python/object:os.system x", "!foo bar", '"\\e[2J\\e[31mrood\\r"', '"\\0\\a\\u2028"',
    "&a x", "*onbekend", "'1.000'", "1.000", '"1,500"', "'1.000,50'", "12.500", "yes", "nee",
    ".nan", ".inf", "-.inf", "[[[[[[[[[[1]]]]]]]]]]", "{a: {b: {c: {d: 1}}}}", "? [a]\n  : b",
    "'" + "x" * 5000 + "'", "99999999999999999999", "-99999999999999999999", "true", "null",
    "2027-02-10T25:00:00", "|\n  tekst\n  op twee regels", "\"tab\\tmidden\"", "@x", "`x",
    "%x", "'' ''", "- a", "a: b: c", "*", "&", "!", "{", "[", "'", '"', "#",
]  # fmt: skip
TEKENS = ["\x00", "\x07", "\x1b", "\r", "\t", "\u2028", "\u202e", "\ufeff", "\x85", "é", "𝔘"]
BOM = "a: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
    f"{b}: &{b} [{', '.join(['*' + a] * 9)}]\n" for a, b in zip("abcdefg", "bcdefgh", strict=True)
)


@dataclass(frozen=True)
class Geval:
    """What Hypothesis drew: the kind, the mutations, and the file as it will be written."""

    soort: Soort
    mutaties: tuple[str, ...]
    inhoud: bytes | None  # None: the file is replaced by something special (see `bijzonder`)
    bijzonder: str = ""


def _regels(tekst: str) -> list[str]:
    return tekst.splitlines(keepends=True) or [""]


@st.composite
def _tekstmutatie(draw: st.DrawFn, tekst: str) -> tuple[str, str]:
    regels = _regels(tekst)
    i = draw(st.integers(0, len(regels) - 1))
    soort = draw(
        st.sampled_from(
            [
                "regel weg", "regel dubbel", "waarde", "sleutel", "teken", "afkappen",
                "inspringing", "lijst", "mapping", "anker", "bom", "diep", "regels verwisseld",
                "kring",
            ]
        )
    )  # fmt: skip
    regel = regels[i]
    if soort == "regel weg":
        del regels[i]
    elif soort == "regel dubbel":
        regels.insert(i, regel)
    elif soort in ("waarde", "lijst", "mapping"):
        nieuw = {
            "waarde": draw(st.sampled_from(WAARDEN)),
            "lijst": "[" + draw(st.sampled_from(WAARDEN)) + "]",
            "mapping": "{x: " + draw(st.sampled_from(WAARDEN)) + "}",
        }[soort]
        kop, dubbelepunt, _ = regel.partition(": ")
        if dubbelepunt:
            regels[i] = f"{kop}: {nieuw}\n"
        elif regel.lstrip().startswith("- "):
            regels[i] = regel[: len(regel) - len(regel.lstrip())] + f"- {nieuw}\n"
        else:
            regels[i] = nieuw + "\n"
    elif soort == "sleutel":
        kop, dubbelepunt, rest = regel.partition(":")
        if dubbelepunt:
            regels[i] = (
                kop + draw(st.sampled_from(["x", "_", "é", "\x1b[1m", " extra"])) + ":" + rest
            )
    elif soort == "teken":
        plek = draw(st.integers(0, len(regel)))
        regels[i] = regel[:plek] + draw(st.sampled_from(TEKENS)) + regel[plek:]
    elif soort == "afkappen":
        totaal = "".join(regels)
        return totaal[: draw(st.integers(0, len(totaal)))], f"{soort} {i}"
    elif soort == "inspringing":
        regels[i] = draw(st.sampled_from(["", " ", "   ", "\t"])) + regel.lstrip(" ")
    elif soort == "anker":
        kop, dubbelepunt, rest = regel.partition(": ")
        if dubbelepunt:
            regels[i] = f"{kop}: &anker {rest}"
            j = draw(st.integers(0, len(regels) - 1))
            k2, d2, _ = regels[j].partition(": ")
            if d2 and j != i:
                regels[j] = f"{k2}: *anker\n"
    elif soort == "bom":
        regels.insert(0, BOM)
        kop, dubbelepunt, _ = regel.partition(": ")
        if dubbelepunt:
            regels[i + 1] = f"{kop}: [*h, *h, *h, *h, *h, *h, *h, *h, *h]\n"
    elif soort == "diep":
        kop, dubbelepunt, _ = regel.partition(": ")
        diepte = draw(st.sampled_from([50, 500, 2000]))
        if dubbelepunt:
            regels[i] = f"{kop}: " + "[" * diepte + "]" * diepte + "\n"
    elif soort == "kring":  # an alias inside its own anchor: expanding it never ends
        kop, dubbelepunt, _ = regel.partition(": ")
        if dubbelepunt:
            regels[i] = f"{kop}: &kring [x, *kring]\n"
    elif soort == "regels verwisseld":
        j = draw(st.integers(0, len(regels) - 1))
        regels[i], regels[j] = regels[j], regels[i]
    return "".join(regels), f"{soort} {i + 1}"


@st.composite
def gevallen(draw: st.DrawFn) -> Geval:
    soort = draw(st.sampled_from(SOORTEN))
    bijzonder = draw(
        st.sampled_from(["", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
                         "map", "weg", "nul", "groot", "leeg", "geen utf-8", "binair"])
    )  # fmt: skip
    if bijzonder in ("map", "weg", "nul"):
        return Geval(soort, (bijzonder,), None, bijzonder)
    tekst = soort.voorbeeld.read_text(encoding="utf-8")
    if bijzonder == "groot":
        return Geval(soort, (bijzonder,), tekst.encode() + b"#" * 10_500_000, bijzonder)
    if bijzonder == "leeg":
        return Geval(soort, (bijzonder,), draw(st.sampled_from([b"", b"\n", b"# alleen\n"])))
    if bijzonder == "binair":
        return Geval(soort, (bijzonder,), draw(st.binary(min_size=1, max_size=200)))
    mutaties = []
    for _ in range(draw(st.integers(1, 3))):
        tekst, wat = draw(_tekstmutatie(tekst))
        mutaties.append(wat)
    inhoud = tekst.encode("utf-8", errors="surrogatepass")
    if bijzonder == "geen utf-8":
        plek = draw(st.integers(0, len(inhoud)))
        inhoud = (
            inhoud[:plek]
            + draw(st.sampled_from([b"\xff", b"\xe9", b"\xc3", b"\xed\xa0\x80"]))
            + inhoud[plek:]
        )
        mutaties.append(f"geen utf-8 op byte {plek}")
    return Geval(soort, tuple(mutaties), inhoud)


# --- running a command in a bounded child ------------------------------------------------------


@dataclass(frozen=True)
class Uitkomst:
    code: int | None  # None: the child was killed (alarm, memory)
    fout: str
    seconden: float
    piek_kb: int
    doodsoorzaak: str = ""


def _in_kind(args: list[str] | Callable[[], tuple[int, str]]) -> Uitkomst:
    """Run a command (or `args()`, which returns a code and a text) in a bounded child."""
    lees, schrijf = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: bounded, and it never returns into pytest
        try:
            os.close(lees)
            _, hard = resource.getrlimit(resource.RLIMIT_AS)
            with open("/proc/self/statm") as f:
                nu = int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
            resource.setrlimit(resource.RLIMIT_AS, (nu + MAX_EXTRA_GEHEUGEN, hard))
            signal.alarm(MAX_SECONDEN)
            voor = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            begin = time.monotonic()
            uit, fout = io.StringIO(), io.StringIO()
            with redirect_stdout(uit), redirect_stderr(fout):
                if callable(args):
                    code, tekst = args()
                    fout.write(tekst)
                else:
                    code = uitvoeren(args)
            bericht = {
                "code": code,
                "fout": fout.getvalue()[:20_000],
                "seconden": time.monotonic() - begin,
                "piek_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - voor,
            }
            os.write(schrijf, json.dumps(bericht).encode())
        except BaseException as e:  # a crash of the harness itself
            os.write(schrijf, json.dumps({"code": None, "fout": repr(e)[:2000]}).encode())
        finally:
            os._exit(0)
    os.close(schrijf)
    delen = []
    while deel := os.read(lees, 65536):
        delen.append(deel)
    os.close(lees)
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        oorzaak = "te lang (alarm)" if sig == signal.SIGALRM else f"signaal {sig}"
        return Uitkomst(None, "", 0.0, 0, oorzaak)
    data = json.loads(b"".join(delen) or b'{"code": null, "fout": "geen antwoord"}')
    return Uitkomst(data["code"], data["fout"], data.get("seconden", 0.0), data.get("piek_kb", 0))


@pytest.fixture(scope="module")
def register() -> Iterator[Path]:
    """A copy of the example register that no mutation touches."""
    map_ = Path(tempfile.mkdtemp(prefix="convenant-fuzz-register-"))
    shutil.copytree(VOORBEELDEN, map_ / "examples")
    yield map_ / "examples"
    shutil.rmtree(map_, ignore_errors=True)


def _schrijf(geval: Geval, map_: Path, naam: str = "") -> Path:
    pad = map_ / (naam or f"invoer-{geval.soort.voorbeeld.name}")
    if geval.bijzonder == "map":
        pad.mkdir()
    elif geval.bijzonder == "nul":
        pad.symlink_to("/dev/zero")
    elif geval.inhoud is not None:
        pad.write_bytes(geval.inhoud)
    return pad


def _controleer(geval: Geval, args: list[str], pad: Path, uitkomst: Uitkomst) -> None:
    wat = f"{geval.soort.naam}, {', '.join(geval.mutaties)}: convenant {' '.join(args)}"
    assert uitkomst.code is not None, f"{wat}: {uitkomst.doodsoorzaak or uitkomst.fout}"
    fout = uitkomst.fout
    assert uitkomst.code in (0, 1, 2), f"{wat}: exit {uitkomst.code}\n{fout}"
    assert "Traceback" not in fout, f"{wat}:\n{fout}"
    assert "te groot of te diep genest" not in fout, f"{wat}: reached MemoryError\n{fout}"
    assert not STUURTEKEN.search(fout.replace("\t", "")), f"{wat}: control character\n{fout!r}"
    assert uitkomst.seconden < MAX_SECONDEN / 2, f"{wat}: {uitkomst.seconden:.1f} s"
    assert uitkomst.piek_kb < MAX_PIEK_KB, f"{wat}: {uitkomst.piek_kb // 1024} MB"
    if uitkomst.code != 2:
        return
    naam = str(pad)
    over_bestand = [r for r in fout.splitlines() if r.startswith(naam)]
    assert over_bestand, f"{wat}: exit 2 without naming {naam}\n{fout}"
    for regel in over_bestand:
        rest = regel[len(naam) :]
        if re.match(r":\d+:\d+: ", rest):
            continue
        assert any(t in rest for t in ZONDER_REGEL), f"{wat}: no line in\n{regel}"


def _draai(geval: Geval, register: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="convenant-fuzz-") as tijdelijk:
        pad = _schrijf(geval, Path(tijdelijk))
        for opdracht in geval.soort.opdrachten:
            args = [a.replace("{f}", str(pad)).replace("{r}", str(register)) for a in opdracht]
            try:
                _controleer(geval, args, pad, _in_kind(args))
            except AssertionError as e:
                raise AssertionError(f"{e}\n(invoer bewaard als {_bewaar(pad)})") from None


FOUTEN = Path(__file__).resolve().parents[2] / ".fuzz-fouten"


def _bewaar(pad: Path) -> Path:
    """Keep a failing input for reproduction (make fuzz prints where)."""
    import hashlib

    FOUTEN.mkdir(exist_ok=True)
    if pad.is_symlink() or not pad.is_file():
        return pad
    inhoud = pad.read_bytes()
    doel = FOUTEN / f"{hashlib.sha256(inhoud).hexdigest()[:12]}-{pad.name}"
    doel.write_bytes(inhoud)
    return doel


_instellingen: Callable[[Callable[..., None]], Callable[..., None]] = settings(
    max_examples=AANTAL,
    deadline=None,
    derandomize=VAST,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.fixture(scope="module")
def opgewarmd(register: Path) -> Path:
    """Every command run once on its unmutated example in this process before the children
    fork, as `warm` does for the workplace: they inherit the imported modules and built
    validators, so an example's time is its input's, not a cold start's (which took most of
    the time of `make fuzz`, and under load pushed an example past its limit)."""
    for soort in SOORTEN:
        with tempfile.TemporaryDirectory(prefix="convenant-fuzz-warm-") as tijdelijk:
            pad = _schrijf(Geval(soort, ("warm",), soort.voorbeeld.read_bytes()), Path(tijdelijk))
            for opdracht in soort.opdrachten:
                args = [a.replace("{f}", str(pad)).replace("{r}", str(register)) for a in opdracht]
                with redirect_stdout(io.StringIO()), redirect_stderr(io.StringIO()):
                    assert uitvoeren(args) in (0, 1, 2), args
    return register


@_instellingen
@given(geval=gevallen())
def test_een_gemuteerde_invoer_houdt_de_belofte(geval: Geval, opgewarmd: Path) -> None:
    _draai(geval, opgewarmd)


# --- the workplace -----------------------------------------------------------------------------

AANTAL_WEB = max(AANTAL // 4, 10)  # each example serves several pages: dearer than a command
PAGINAS = [
    "/",
    "/vergaderingen",
    "/convenant",
    "/agenda.ics",
    "/toetredingen",
    "/vergaderingen/nieuw",
]
NAMEN = [
    "stuurgroep-2099-01-01.yaml", "_concept.yaml", "Stuurgroep 3 nov.yaml", ".#x.yaml",
    "sg\x1b[2J.yaml", "é.yml", "a..b.yaml", "-x.yaml",
]  # fmt: skip


def _in_de_werkplek(
    geval: Geval, register: Path, naam: str, paginas: list[str]
) -> Callable[[], tuple[int, str]]:
    """What the child does: the input in a copy of the register, pages, an upload, the API."""

    def werk() -> tuple[int, str]:
        from fastapi.testclient import TestClient

        from convenant.web.app import maak_app
        from convenant.web.probleem import API_PAD
        from convenant.web.werkplek import Werkplek, onopenbaar

        fouten: list[str] = []
        with tempfile.TemporaryDirectory(prefix="convenant-fuzz-web-") as map_:
            kopie = Path(map_) / "register"
            shutil.copytree(register, kopie, symlinks=True)
            pad = _schrijf(geval, kopie, naam)
            c = TestClient(maak_app(Werkplek(kopie)), follow_redirects=False)
            urls = list(paginas)
            # a meeting's own page where the workplace opens the entry (a folder, a link or an
            # odd name is listed as unreadable instead, which the pages above check)
            if pad.exists() and onopenbaar(pad) is None:
                urls.append(f"/vergaderingen/{pad.stem}")
            for url in urls:
                antwoord = c.get(url)
                if antwoord.status_code != 200 or "Traceback" in antwoord.text:
                    fouten.append(f"GET {url}: {antwoord.status_code} {antwoord.text[:300]!r}")
            inhoud = geval.inhoud if geval.inhoud is not None else b""
            geheim = re.search(r'name="csrf" value="([^"]+)"', c.get("/vergaderingen/nieuw").text)
            antwoord = c.post(
                "/liquidatie/begroting",
                data={"csrf": geheim.group(1) if geheim else ""},
                files={"bestand": (naam, inhoud, "application/x-yaml")},
            )
            if antwoord.status_code >= 500 or antwoord.status_code == 404:
                fouten.append(f"upload: {antwoord.status_code} {antwoord.text[:300]!r}")
            antwoord = c.post(
                f"{API_PAD}/toets", content=inhoud, headers={"content-type": "application/json"}
            )
            if antwoord.status_code not in (200, 400, 413, 415, 422):
                fouten.append(f"API: {antwoord.status_code} {antwoord.text[:300]!r}")
            elif antwoord.status_code != 200 and not antwoord.headers.get(
                "content-type", ""
            ).startswith("application/problem+json"):
                fouten.append(f"API: {antwoord.status_code} zonder problem+json")
        return (1 if fouten else 0), "\n".join(fouten)

    return werk


@pytest.fixture(scope="module")
def warm(register: Path) -> Path:
    """Every page, the upload and the API served once in this process before the children
    fork: they inherit the imported modules and compiled templates, so their time is the
    input's, not a cold start's."""
    geval = Geval(SOORTEN[0], ("warm",), SOORTEN[0].voorbeeld.read_bytes())
    code, tekst = _in_de_werkplek(geval, register, "stuurgroep-2099-01-01.yaml", PAGINAS)()
    assert code == 0, tekst
    return register


@settings(
    max_examples=AANTAL_WEB,
    deadline=None,
    derandomize=VAST,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    geval=gevallen(),
    naam=st.sampled_from(NAMEN),
    paginas=st.lists(st.sampled_from(PAGINAS), min_size=1, max_size=2, unique=True),
)
def test_de_werkplek_houdt_de_belofte_bij_dezelfde_invoer(
    geval: Geval, naam: str, paginas: list[str], warm: Path
) -> None:
    uitkomst = _in_kind(_in_de_werkplek(geval, warm, naam, paginas))
    wat = f"{geval.soort.naam}, {', '.join(geval.mutaties)} als {naam!r} in de werkplek"
    assert uitkomst.code is not None, f"{wat}: {uitkomst.doodsoorzaak or uitkomst.fout}"
    assert uitkomst.code == 0, f"{wat}:\n{uitkomst.fout}"
    assert uitkomst.seconden < MAX_SECONDEN / 2, f"{wat}: {uitkomst.seconden:.1f} s"
    assert uitkomst.piek_kb < MAX_PIEK_KB, f"{wat}: {uitkomst.piek_kb // 1024} MB"
