"""The cache of checked models: used when the file is unchanged, never trusted otherwise."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from governance import bestanden, cache
from governance.errors import InvoerFout
from governance.loader import gebundeld
from governance.models import Convenant
from tests.scenario_runners import draai


@pytest.fixture
def eigen_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache of the test's own, holding models only: whether a validator is stored beside
    them depends on which test built it first in this process (see the validator tests)."""
    map_ = tmp_path / "cache"
    monkeypatch.setenv("CONVENANT_CACHE", str(map_))
    monkeypatch.setattr(cache, "geef_validator", lambda klasse: None)
    return map_


@pytest.fixture
def kopie(tmp_path: Path) -> Path:
    pad = tmp_path / "convenant.yaml"
    shutil.copy(gebundeld("convenant.yaml"), pad)
    return pad


def _verbied_parsen(monkeypatch: pytest.MonkeyPatch) -> None:
    def niet(*args: object, **kwargs: object) -> None:
        raise AssertionError("het bestand is opnieuw geparsed")

    monkeypatch.setattr(bestanden, "laad", niet)


def test_ongewijzigd_bestand_komt_uit_de_cache(
    eigen_cache: Path, kopie: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vers = bestanden.laad_convenant(kopie).model
    assert len(list(eigen_cache.glob("*.pickle"))) == 1
    _verbied_parsen(monkeypatch)
    uit_cache = bestanden.laad_convenant(kopie)
    assert uit_cache.model.model_dump() == vers.model_dump()
    regel, _kolom, pad = uit_cache.bron.zoek(("organen", 0, "naam"))
    assert pad == "organen[stuurgroep].naam"
    assert regel is not None
    assert kopie.read_text(encoding="utf-8").splitlines()[regel - 1].strip() == "naam: Stuurgroep"


def test_gewijzigd_bestand_wordt_opnieuw_gelezen(
    eigen_cache: Path, kopie: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bestanden.laad_convenant(kopie)
    kopie.write_text(
        kopie.read_text(encoding="utf-8").replace("  kort: ZVHD\n", "  kort: ZVH Drenthe\n"),
        encoding="utf-8",
    )
    assert bestanden.laad_convenant(kopie).model.convenant.kort == "ZVH Drenthe"
    _verbied_parsen(monkeypatch)
    assert bestanden.laad_convenant(kopie).model.convenant.kort == "ZVH Drenthe"


def test_kapotte_cache_wordt_genegeerd(eigen_cache: Path, kopie: Path) -> None:
    bestanden.laad_convenant(kopie)
    for invoer in eigen_cache.glob("*.pickle"):
        invoer.write_bytes(b"geen pickle")
    assert bestanden.laad_convenant(kopie).model.convenant.kort == "ZVHD"


def test_cache_kan_uit(tmp_path: Path, kopie: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONVENANT_CACHE", "uit")
    assert cache.map_() is None
    bestanden.laad_convenant(kopie)
    assert not (tmp_path / "cache").exists()


def test_een_fout_wordt_nooit_bewaard(eigen_cache: Path, kopie: Path) -> None:
    kopie.write_text(
        kopie.read_text(encoding="utf-8").replace(
            "    voorbehouden_aan: colleges\n    aanname: reikwijdte_5_7\n  - id: bijdrage_k",
            "    voorbehouden_aan: coleges\n    aanname: reikwijdte_5_7\n  - id: bijdrage_k",
        ),
        encoding="utf-8",
    )
    for _ in range(2):
        with pytest.raises(InvoerFout, match="onbekend orgaan 'coleges'"):
            bestanden.laad_convenant(kopie)
    assert not eigen_cache.exists() or not list(eigen_cache.iterdir())


def test_bezetting_hangt_af_van_de_ids_in_het_convenant(eigen_cache: Path, kopie: Path) -> None:
    convenant = bestanden.laad_convenant(kopie).model
    bezetting = VOORBEELD.parent / "bezetting.yaml"
    bestanden.laad_bezetting(bezetting, convenant)
    zonder_meppel = convenant.model_copy(
        update={"partijen": [p for p in convenant.partijen if p.id != "meppel"]}
    )
    with pytest.raises(InvoerFout, match="onbekende partij 'meppel'"):
        bestanden.laad_bezetting(bezetting, zonder_meppel)


VOORBEELD = Path(__file__).resolve().parents[2] / "examples" / "stuurgroep-2027-02-10.yaml"


def test_ongewijzigde_vergadering_komt_uit_de_cache(
    eigen_cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pad = tmp_path / "stuurgroep.yaml"
    shutil.copy(VOORBEELD, pad)
    vers = bestanden.laad_vergadering(pad).model
    _verbied_parsen(monkeypatch)
    uit_cache = bestanden.laad_vergadering(pad)
    assert uit_cache.model == vers
    # A position is still found when a later check needs one (an unknown member, say).
    regel, _kolom, _pad = uit_cache.bron.zoek(("besluiten", 0, "onderwerp"))
    assert regel is not None
    assert "onderwerp:" in pad.read_text(encoding="utf-8").splitlines()[regel - 1]


def test_gewijzigde_vergadering_wordt_opnieuw_gelezen(eigen_cache: Path, tmp_path: Path) -> None:
    pad = tmp_path / "stuurgroep.yaml"
    shutil.copy(VOORBEELD, pad)
    eerst = bestanden.laad_vergadering(pad).model
    tekst = pad.read_text(encoding="utf-8")
    pad.write_text(tekst.replace('tijd: "15:30"', 'tijd: "16:00"'), encoding="utf-8")
    assert eerst.tijd == "15:30"
    assert bestanden.laad_vergadering(pad).model.tijd == "16:00"


def test_een_kapotte_vergadering_wordt_nooit_bewaard(eigen_cache: Path, tmp_path: Path) -> None:
    pad = tmp_path / "stuurgroep.yaml"
    pad.write_text(
        VOORBEELD.read_text(encoding="utf-8").replace("datum: 10-02-2027", "datum: 30-02-2027"),
        encoding="utf-8",
    )
    for _ in range(2):
        with pytest.raises(InvoerFout) as fout:
            bestanden.laad_vergadering(pad)
        assert fout.value.meldingen[0].regel is not None
    assert not eigen_cache.exists() or not list(eigen_cache.iterdir())


def test_de_cache_houdt_de_laatst_gebruikte(
    eigen_cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "MAXIMUM", 3)
    tekst = VOORBEELD.read_text(encoding="utf-8")
    paden = []
    for i in range(5):
        pad = tmp_path / f"versie-{i}.yaml"
        pad.write_text(f"# versie {i}\n{tekst}", encoding="utf-8")
        paden.append(pad)
    for pad in paden[:3]:
        bestanden.laad_vergadering(pad)
    # Using the oldest entry again makes it the most recent: the second is dropped first.
    oudste = sorted(eigen_cache.glob("*.pickle"), key=lambda p: p.stat().st_mtime_ns)
    for i, p in enumerate(oudste):
        os.utime(p, ns=(i * 10**9, i * 10**9))
    bestanden.laad_vergadering(paden[0])
    for pad in paden[3:]:
        bestanden.laad_vergadering(pad)
    assert len(list(eigen_cache.glob("*.pickle"))) == 3
    _verbied_parsen(monkeypatch)
    bestanden.laad_vergadering(paden[0])  # kept: it was used
    bestanden.laad_vergadering(paden[4])
    with pytest.raises(AssertionError, match="opnieuw geparsed"):
        bestanden.laad_vergadering(paden[1])


def test_een_onbekend_lid_wordt_ook_uit_de_cache_precies_gemeld(
    eigen_cache: Path, tmp_path: Path
) -> None:
    # The file is well-formed, so it is stored; the unknown member is found later, against the
    # bezetting, and must be located just as well when the meeting came from the cache.
    pad = tmp_path / "stuurgroep.yaml"
    pad.write_text(
        VOORBEELD.read_text(encoding="utf-8").replace("[sg_assen,", "[sg_asen,"),
        encoding="utf-8",
    )
    eerste = draai(["toets", str(pad), "--register", str(VOORBEELD.parent)])
    assert list(eigen_cache.glob("vergadering-*.pickle"))
    tweede = draai(["toets", str(pad), "--register", str(VOORBEELD.parent)])
    assert eerste == tweede
    assert eerste[0] == 2
    assert f"{pad}:10:12: aanwezig[0]: 'sg_asen' is geen lid" in eerste[2]


# --- issue 17: a planted cache file never runs ---------------------------------------------------

PLANT = b"""cos
system
(S'touch %s'
tR."""


def _geplant(eigen_cache: Path, kopie: Path, bewijs: Path) -> None:
    bestanden.laad_convenant(kopie)  # fills the cache, and makes its key
    (entry,) = eigen_cache.glob("*.pickle")
    code = PLANT % str(bewijs).encode()
    entry.write_bytes(code)  # a bare pickle, as version 1 wrote them
    (eigen_cache / "nog-een.pickle").write_bytes(cache._FORMAAT + b"\0" * 32 + code)


def test_een_geplante_pickle_wordt_nooit_uitgevoerd(
    eigen_cache: Path, kopie: Path, tmp_path: Path
) -> None:
    bewijs = tmp_path / "uitgevoerd"
    _geplant(eigen_cache, kopie, bewijs)
    for entry in eigen_cache.glob("*.pickle"):
        assert cache.lees(entry.name, Convenant) is None
    assert bestanden.laad_convenant(kopie).model.organen  # parsed again, and cached again
    assert not bewijs.exists()


def test_een_sleutel_van_een_ander_of_leesbaar_voor_anderen_zet_de_cache_uit(
    eigen_cache: Path, kopie: Path
) -> None:
    bestanden.laad_convenant(kopie)
    sleutel = eigen_cache / ".sleutel"
    assert oct(sleutel.stat().st_mode & 0o777) == oct(0o600)
    (entry,) = eigen_cache.glob("*.pickle")
    model = bestanden.laad_convenant(kopie).model
    assert cache.lees(entry.name, type(model)) is not None
    sleutel.chmod(0o644)
    assert cache.lees(entry.name, type(model)) is None
    sleutel.chmod(0o600)
    sleutel.unlink()
    sleutel.symlink_to(tmp_sleutel := eigen_cache / "elders")
    tmp_sleutel.write_bytes(b"k" * 32)
    tmp_sleutel.chmod(0o600)
    assert cache.lees(entry.name, type(model)) is None


def test_tijdelijke_bestanden_van_een_afgebroken_schrijver_worden_opgeruimd(
    eigen_cache: Path, tmp_path: Path
) -> None:
    eigen_cache.mkdir(parents=True, exist_ok=True)
    # what a process killed between mkstemp and os.replace leaves behind
    oud = eigen_cache / ".vergadering-abc.pickle.k3j9x_q1.tmp"
    vers = eigen_cache / ".vergadering-def.pickle.z8m2p0aa.tmp"  # another write, still going
    vreemd = eigen_cache / "notities.tmp"  # not a name the cache makes
    for pad in (oud, vers, vreemd):
        pad.write_bytes(b"half")
    twee_minuten_terug = time.time() - 120
    for pad in (oud, vreemd):
        os.utime(pad, (twee_minuten_terug, twee_minuten_terug))
    pad = tmp_path / "vergadering.yaml"
    pad.write_text(VOORBEELD.read_text(encoding="utf-8"), encoding="utf-8")
    bestanden.laad_vergadering(pad)  # the next write cleans up
    assert list(eigen_cache.glob("*.pickle"))
    assert not oud.exists()
    assert vers.exists()
    assert vreemd.exists()


_VALIDEER = """
import sys
from pathlib import Path
from governance.loader import laad
from governance.vergadering import Vergadering
model = laad(Path(sys.argv[1]), Vergadering).model
print(Vergadering.__pydantic_complete__)
print(model.model_dump_json())
"""


def test_een_nieuwe_vergadering_bouwt_de_validator_niet_opnieuw(
    eigen_cache: Path, tmp_path: Path
) -> None:
    """The validator of a meeting is built by the first run that reads one, and taken from the
    cache by the next (each run a process of its own, as the command line's): the same model."""
    import subprocess
    import sys

    from tests.scenario_runners import VOORBEELDREGISTER

    pad = tmp_path / "stuurgroep.yaml"
    tekst = (VOORBEELDREGISTER / "stuurgroep-2027-02-10.yaml").read_text(encoding="utf-8")
    uitkomsten = []
    for ronde in range(2):
        pad.write_text(f"# ronde {ronde}\n{tekst}", encoding="utf-8")  # never read before
        uit = subprocess.run(
            [sys.executable, "-c", _VALIDEER, str(pad)],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "CONVENANT_CACHE": str(eigen_cache)},
        )
        uitkomsten.append(uit.stdout.splitlines())
    assert uitkomsten[0][0] == "True", "de eerste run bouwt de validator"
    assert uitkomsten[1][0] == "False", "de tweede neemt hem uit de cache"
    assert uitkomsten[1][1] == uitkomsten[0][1]
    assert list(eigen_cache.glob("validator-*.pickle"))


def test_een_geplante_validator_wordt_nooit_gebruikt(tmp_path: Path) -> None:
    import subprocess
    import sys

    from governance.vergadering import Vergadering
    from tests.scenario_runners import VOORBEELDREGISTER

    eigen_cache = tmp_path / "cache"
    eigen_cache.mkdir(mode=0o700)
    (eigen_cache / ".sleutel").write_bytes(b"k" * 32)
    (eigen_cache / ".sleutel").chmod(0o600)
    naam = cache.sleutel(
        "validator", f"{Vergadering.__module__}.{Vergadering.__qualname__}".encode()
    )
    (eigen_cache / naam).write_bytes(cache._FORMAAT + b"\0" * 32 + PLANT % b"/nonexistent")
    uit = subprocess.run(
        [sys.executable, "-c", _VALIDEER, str(VOORBEELDREGISTER / "stuurgroep-2027-02-10.yaml")],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "CONVENANT_CACHE": str(eigen_cache)},
    )
    assert uit.stdout.splitlines()[0] == "True", "gebouwd, niet uit het geplante bestand"
    assert cache._FORMAAT + b"\0" * 32 not in (eigen_cache / naam).read_bytes()


def test_een_volle_cache_maakt_een_tiende_ruimte(
    eigen_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Making room looks at the age of every entry: a full cache makes room for a tenth at
    once, so that the next writes do not look again (with 500 entries each write of a
    never-seen meeting paid that, twice a run). The oldest entries go first."""
    monkeypatch.setattr(cache, "MAXIMUM", 20)
    eigen_cache.mkdir(parents=True)

    def schrijf(i: int) -> None:
        cache.bewaar_bytes(f"proef-{i:02d}.pickle", b"inhoud")
        os.utime(eigen_cache / f"proef-{i:02d}.pickle", ns=(i * 10**9, i * 10**9))

    def namen() -> list[str]:
        return sorted(p.name for p in eigen_cache.glob("*.pickle"))

    for i in range(21):
        schrijf(i)
    assert namen() == [f"proef-{i:02d}.pickle" for i in range(3, 21)]
    for i in range(21, 23):  # room for these two: nothing is dropped
        schrijf(i)
    assert namen() == [f"proef-{i:02d}.pickle" for i in range(3, 23)]
    schrijf(23)
    assert namen() == [f"proef-{i:02d}.pickle" for i in range(6, 24)]
