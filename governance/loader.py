"""Reading YAML files into the models, with every error as `file:line:column: path: message`.

The YAML is composed into a node tree once and constructed from it; the tree is kept so that
a problem found later (by pydantic, by the reference check, by lint) can be traced back to
the line and column it came from. Marks are only looked up when there is an error.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import types
import typing
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from . import cache
from .errors import ONZICHTBAAR, InvoerFout, Melding, WaardeFout, bedoelde_u, echo, veilig
from .geld import DUBBELZINNIG_GETAL, Dubbelzinnig
from .registermap import gebundeld as gebundeld  # where it lived: importers keep working

try:  # libyaml is several times faster; the pure-Python loader gives the same results.
    from yaml import CSafeLoader as _BasisLader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BasisLader  # type: ignore[assignment]

M = TypeVar("M", bound=BaseModel)
Loc = tuple[int | str, ...]

_MERGE_TAG = "tag:yaml.org,2002:merge"


class _Fout(Exception):
    """Raised inside the YAML constructor; carries the mark of the offending node."""

    def __init__(self, mark: yaml.Mark, tekst: str, herstel: str) -> None:
        super().__init__(tekst)
        self.mark = mark
        self.tekst = tekst
        self.herstel = herstel


class _Lader(_BasisLader):
    """Safe loader that refuses duplicate keys and impossible dates, with their position."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        gezien: dict[Any, yaml.Mark] = {}
        for sleutel_node, _ in node.value:
            if sleutel_node.tag == _MERGE_TAG:
                continue
            sleutel = self.construct_object(sleutel_node, deep=True)
            try:
                eerder = gezien.get(sleutel)
            except TypeError:  # an unhashable key; PyYAML reports it itself below
                continue
            if eerder is not None:
                raise _Fout(
                    sleutel_node.start_mark,
                    f"de sleutel '{echo(sleutel)}' staat hier voor de tweede keer "
                    f"(eerder op regel {eerder.line + 1})",
                    "verwijder of hernoem één van beide",
                )
            gezien[sleutel] = sleutel_node.start_mark
        return super().construct_mapping(node, deep=deep)

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        # A tagged scalar whose text does not fit its tag (`!!float x`, `!!int abc`,
        # `!!bool maybe`) makes PyYAML's constructors raise plain Python errors, without a place.
        try:
            waarde = super().construct_object(node, deep=deep)
        except Exception as e:  # PyYAML's constructors raise what they meet: ValueError, …
            if isinstance(e, _Fout | yaml.YAMLError | RecursionError | MemoryError):
                raise
            raise _Fout(
                node.start_mark,
                f"{repr(echo(node.value)) if isinstance(node, yaml.ScalarNode) else 'deze waarde'} "
                f"past niet bij de tag {_tagnaam(node.tag)}",
                "verwijder de tag (zoals !!float of !!int) of schrijf een waarde die erbij past",
            ) from None
        if isinstance(waarde, str) and (teken := ONZICHTBAAR.search(waarde)):
            # "\e[2J" in a quoted string: it would act on the terminal that prints it
            raise _Fout(
                node.start_mark,
                f"deze tekst bevat een stuurteken ({veilig(teken.group())}) dat een scherm of "
                "document iets anders laat doen of zien dan er staat",
                "verwijder het teken; het komt vaak mee bij kopiëren uit een terminal",
            )
        return waarde

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            from .datums import ontleed_datum

            try:
                ontleed_datum(str(node.value)[:10])
            except WaardeFout as e:
                raise _Fout(node.start_mark, e.tekst, e.herstel) from None
            raise _Fout(
                node.start_mark,
                f"'{echo(node.value)}' is geen bestaande datum of tijd",
                "schrijf een datum als JJJJ-MM-DD, bijv. 2026-11-28",
            ) from None

    def construct_yaml_float(self, node: yaml.ScalarNode) -> Any:
        if node.tag == _FLOAT_TAG and DUBBELZINNIG_GETAL.fullmatch(node.value):
            return Dubbelzinnig(node.value)  # 1.000: refused where it is an amount (geld.py)
        return super().construct_yaml_float(node)


_FLOAT_TAG = "tag:yaml.org,2002:float"
_Lader.add_constructor("tag:yaml.org,2002:timestamp", _Lader.construct_yaml_timestamp)
_Lader.add_constructor(_FLOAT_TAG, _Lader.construct_yaml_float)


def _tagnaam(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org") else tag


# --- limits -------------------------------------------------------------------------------------

# A secretaris's file is a few kB; the convenant about 100 kB. Anything far bigger is a mistake
# (a wrong file, a log, a device) and is refused before it is read in full.
MAX_BYTES = 2 * 1024 * 1024
# YAML aliases let a small file stand for an enormous structure (each *alias repeats its anchor's
# whole subtree). The expanded tree may hold this many nodes beyond the file's own.
MAX_UITGEBREID = 50_000


class _Kring(Exception):
    """An alias inside the very node its anchor names: expanding it would never end."""

    def __init__(self, node: yaml.Node) -> None:
        super().__init__()
        self.node = node


def _uitgebreid(wortel: yaml.Node) -> int:
    """The number of nodes the tree has once every alias is expanded, counted without expanding.

    Iterative (a deep file must not exhaust the stack); each distinct node is counted once and
    its count reused wherever an alias repeats it. Stops counting past the limit. A node met
    again while its own children are still being counted is an alias inside its own anchor
    (`&a [*a]`): raises `_Kring` with that node.
    """
    grootte: dict[int, int] = {}
    grens = MAX_UITGEBREID * 4
    # the nodes whose children are being counted: exactly the path from the root, because a
    # node's "done" marker lies on the stack below every child pushed after it
    bezig: set[int] = set()
    stapel: list[tuple[yaml.Node, bool]] = [(wortel, False)]
    while stapel:
        node, klaar = stapel.pop()
        if id(node) in grootte:
            continue
        if not klaar and id(node) in bezig:
            raise _Kring(node)
        kinderen: list[yaml.Node] = (
            [k for paar in node.value for k in paar]
            if isinstance(node, yaml.MappingNode)
            else list(node.value)
            if isinstance(node, yaml.SequenceNode)
            else []
        )
        if klaar or not kinderen:
            grootte[id(node)] = min(grens, 1 + sum(grootte.get(id(k), 0) for k in kinderen))
            bezig.discard(id(node))
            continue
        bezig.add(id(node))
        stapel.append((node, True))
        stapel.extend((k, False) for k in kinderen if id(k) not in grootte)
    return grootte[id(wortel)]


def _eigen_knopen(wortel: yaml.Node) -> int:
    gezien: set[int] = set()
    stapel = [wortel]
    while stapel:
        node = stapel.pop()
        if id(node) in gezien:
            continue
        gezien.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stapel.extend(k for paar in node.value for k in paar)
        elif isinstance(node, yaml.SequenceNode):
            stapel.extend(node.value)
    return len(gezien)


def _kringmelding(naam: str, tekst: str, node: yaml.Node) -> Melding:
    """Where the alias that refers back into its own anchor stands, and what to do about it.

    The node tree no longer holds aliases (each is the anchored node itself), so the tokens
    inside the node's span are scanned for the alias of the anchor the node starts with.
    """
    anker, plek = None, node.start_mark
    try:
        for token in yaml.scan(tekst, Loader=_BasisLader):
            index = token.start_mark.index
            if index < node.start_mark.index:
                continue
            if index > node.end_mark.index:
                break
            if isinstance(token, yaml.AnchorToken) and anker is None:
                anker = token.value
            elif isinstance(token, yaml.AliasToken) and token.value == anker:
                plek = token.start_mark
                break
    except yaml.YAMLError:  # the file composed, so it scans; this is only to be safe
        pass
    wie = f"*{echo(anker)}" if anker else "een verwijzing (*alias)"
    return Melding(
        naam,
        f"{wie} verwijst naar zichzelf: de verwijzing staat binnen haar eigen anker "
        f"(&{echo(anker) if anker else 'naam'}, regel {node.start_mark.line + 1}), "
        "zodat de waarde oneindig groot zou worden",
        plek.line + 1,
        plek.column + 1,
        herstel="schrijf de waarde uit of verwijs naar een anker dat eerder is afgesloten",
    )


def _plek_van(inhoud: bytes, positie: int) -> tuple[int, int]:
    """Line and column (1-based) of a byte offset."""
    begin = inhoud.rfind(b"\n", 0, positie) + 1
    return inhoud.count(b"\n", 0, positie) + 1, positie - begin + 1


# --- where things are ---------------------------------------------------------------------------


@dataclass
class Bron:
    """A file that was read, and its node tree for finding positions afterwards.

    A model that came from the cache has no tree; it is parsed again only when a message
    needs a position, which is rare and never on the way to an answer.
    """

    pad: Path
    node: yaml.Node | None = None
    _geparsed: bool = False

    def __post_init__(self) -> None:
        self._geparsed = self._geparsed or self.node is not None

    @property
    def naam(self) -> str:
        return str(self.pad)

    def boom(self) -> yaml.Node | None:
        if not self._geparsed:
            self._geparsed = True
            try:
                tekst = lees_bytes(self.pad).decode("utf-8")
                self.node = yaml.compose(tekst, Loader=_BasisLader)
            except (InvoerFout, UnicodeDecodeError, yaml.YAMLError, RecursionError):
                self.node = None
        return self.node

    def zoek(self, loc: Loc, op_sleutel: bool = False) -> tuple[int | None, int | None, str]:
        """Line, column (1-based) and a readable path for a location in the data.

        Parts of `loc` that do not occur in the file (pydantic's union branch names, a key
        that is missing) are skipped, so the answer is the deepest node that does exist.
        """
        node = self.boom()
        mark = node.start_mark if node is not None else None
        delen: list[str] = []
        for i, deel in enumerate(loc):
            if isinstance(node, yaml.MappingNode):
                gevonden = None
                for sleutel, waarde in node.value:
                    if isinstance(sleutel, yaml.ScalarNode) and sleutel.value == str(deel):
                        gevonden = (sleutel, waarde)
                if gevonden is None:
                    delen.append(f".{deel}" if delen else str(deel))
                    continue
                sleutel, node = gevonden
                delen.append(f".{deel}" if delen else str(deel))
                laatste = i == len(loc) - 1
                mark = sleutel.start_mark if (op_sleutel and laatste) else node.start_mark
            elif isinstance(node, yaml.SequenceNode) and isinstance(deel, int):
                if deel >= len(node.value):
                    continue
                node = node.value[deel]
                delen.append(f"[{_label(node, deel)}]")
                mark = node.start_mark
            elif isinstance(deel, str) and not delen:
                delen.append(deel)
        if mark is None:
            return None, None, "".join(delen)
        return mark.line + 1, mark.column + 1, "".join(delen)

    def melding(
        self,
        loc: Loc,
        tekst: str,
        herstel: str = "",
        suggestie: str | None = None,
        op_sleutel: bool = False,
    ) -> Melding:
        regel, kolom, pad = self.zoek(loc, op_sleutel=op_sleutel)
        return Melding(self.naam, tekst, regel, kolom, pad, herstel, suggestie)


def _label(node: yaml.Node, index: int) -> str:
    """A list item is named by its `id` where it has one: organen[stuurgroep] reads better."""
    if isinstance(node, yaml.MappingNode):
        for sleutel, waarde in node.value:
            if sleutel.value == "id" and isinstance(waarde, yaml.ScalarNode):
                return str(waarde.value)
    return str(index)


class Bestand(typing.NamedTuple, typing.Generic[M]):
    """A model together with the file it came from."""

    model: M
    bron: Bron


# --- reading ------------------------------------------------------------------------------------


def lees_bytes(pad: Path) -> bytes:
    """The file's bytes; anything but a readable regular file of sane size is an `InvoerFout`.

    The type and size are checked on the opened file, before reading: a link to /dev/zero, a
    FIFO or a 10 MB log would otherwise be read until memory runs out (or forever).
    """
    import stat

    naam = str(pad)

    def fout(tekst: str, herstel: str = "") -> InvoerFout:
        return InvoerFout([Melding(naam, tekst, herstel=herstel)])

    try:
        fd = os.open(pad, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise fout("bestand niet gevonden", "controleer het pad") from None
    except IsADirectoryError:
        raise fout("dit is een map, geen bestand", "geef een YAML-bestand op") from None
    except OSError as e:
        raise fout(f"kan het bestand niet lezen: {e.strerror}") from None
    try:
        toestand = os.fstat(fd)
        if stat.S_ISDIR(toestand.st_mode):
            raise fout("dit is een map, geen bestand", "geef een YAML-bestand op")
        if not stat.S_ISREG(toestand.st_mode):
            raise fout(
                "dit is geen gewoon bestand (maar een apparaat, pijp of socket)",
                "geef een YAML-bestand op",
            )
        te_groot = fout(
            f"het bestand is groter dan {MAX_BYTES // (1024 * 1024)} MB; zo groot is geen "
            "convenant-, vergader- of registerbestand",
            "controleer of dit het goede bestand is",
        )
        if toestand.st_size > MAX_BYTES:
            raise te_groot
        delen: list[bytes] = []
        over = MAX_BYTES + 1
        while over > 0 and (deel := os.read(fd, min(over, 1 << 20))):
            delen.append(deel)
            over -= len(deel)
        if over <= 0:  # grew while we looked, or a file that lies about its size
            raise te_groot
        return b"".join(delen)
    except OSError as e:
        raise fout(f"kan het bestand niet lezen: {e.strerror}") from None
    finally:
        os.close(fd)


def lees_yaml(pad: Path, inhoud: bytes | None = None) -> tuple[Any, Bron]:
    """Parse a YAML file; every failure becomes an `InvoerFout` naming file, line and column."""
    naam = str(pad)
    ruw = lees_bytes(pad) if inhoud is None else inhoud
    tekst = _decodeer(naam, ruw)
    lader = _Lader(tekst)
    try:
        node = lader.get_single_node()
        # Without an anchor (&naam) no alias can repeat anything: the two walks over the tree
        # are skipped, as they are for nearly every file a secretaris writes.
        if (
            node is not None
            and "&" in tekst
            and _uitgebreid(node) > _eigen_knopen(node) + MAX_UITGEBREID
        ):
            raise InvoerFout(
                [
                    Melding(
                        naam,
                        "de verwijzingen (*alias) in dit bestand herhalen samen te veel "
                        f"(meer dan {MAX_UITGEBREID} waarden)",
                        node.start_mark.line + 1,
                        node.start_mark.column + 1,
                        herstel="schrijf de waarden uit of verwijs minder vaak naar een anker (&naam)",
                    )
                ]
            )
        data = lader.construct_document(node) if node is not None else None
    except _Fout as e:
        raise InvoerFout(
            [Melding(naam, e.tekst, e.mark.line + 1, e.mark.column + 1, herstel=e.herstel)]
        ) from None
    except _Kring as e:
        raise InvoerFout([_kringmelding(naam, tekst, e.node)]) from None
    except yaml.MarkedYAMLError as e:
        raise InvoerFout([_syntaxfout(naam, e, tekst)]) from None
    except yaml.reader.ReaderError as e:
        raise InvoerFout([_leesfout(naam, tekst, e)]) from None
    except yaml.YAMLError:
        raise InvoerFout(
            [Melding(naam, "YAML-fout: het bestand is niet te lezen", herstel=_HERSTEL_SYNTAX)]
        ) from None
    except RecursionError:
        raise InvoerFout(
            [Melding(naam, "het bestand is te diep genest", herstel="nest minder diep")]
        ) from None
    finally:
        lader.dispose()
    if data is None:
        raise InvoerFout(
            [
                Melding(
                    naam, "het bestand is leeg", 1, 1, herstel="vul het bestand of kies een ander"
                )
            ]
        )
    return data, Bron(pad, node)


def _decodeer(naam: str, inhoud: bytes) -> str:
    try:
        return inhoud.decode("utf-8")
    except UnicodeDecodeError as e:
        regel, kolom = _plek_van(inhoud, e.start)
        raise InvoerFout(
            [
                Melding(
                    naam,
                    f"het bestand is geen UTF-8: de byte 0x{inhoud[e.start]:02x} hoort in geen "
                    "UTF-8-teken",
                    regel,
                    kolom,
                    herstel="sla het bestand op als UTF-8 (in Kladblok: Opslaan als, Codering UTF-8)",
                )
            ]
        ) from None


def _leesfout(naam: str, tekst: str, e: yaml.reader.ReaderError) -> Melding:
    """An unacceptable character: PyYAML gives only a character offset, so count the lines."""
    positie = min(max(e.position, 0), len(tekst))
    regel = tekst.count("\n", 0, positie) + 1
    kolom = positie - (tekst.rfind("\n", 0, positie) + 1) + 1
    teken = e.character if isinstance(e.character, int) else ord(str(e.character)[:1] or "?")
    return Melding(
        naam,
        f"het teken U+{teken:04X} (een stuurteken) mag niet in een YAML-bestand staan",
        regel,
        kolom,
        herstel="verwijder het teken; schrijf het zo nodig als \\uXXXX binnen dubbele aanhalingstekens",
    )


_SYNTAX = [
    (
        "mapping values are not allowed",
        "hier mag geen ':' staan",
        "zet tekst met een dubbele punt tussen aanhalingstekens",
    ),
    (
        "could not find expected ':'",
        "er ontbreekt een ':' na de sleutel",
        "schrijf 'sleutel: waarde'",
    ),
    ("found character '\\t'", "een tab mag niet als inspringing dienen", "spring in met spaties"),
    ("found a tab character", "een tab mag niet als inspringing dienen", "spring in met spaties"),
    (
        "did not find expected key",
        "de inspringing klopt niet",
        "lijn de sleutels van één niveau precies onder elkaar uit",
    ),
    (
        "expected <block end>",
        "de inspringing klopt niet",
        "lijn de sleutels van één niveau precies onder elkaar uit",
    ),
    (
        "did not find expected '-' indicator",
        "de inspringing van de lijst klopt niet",
        "begin elk element met '- ' op dezelfde kolom",
    ),
    (
        "found undefined alias",
        "een verwijzing (*alias) naar een onbekend anker",
        "definieer eerst het anker met &naam",
    ),
    (
        "found unexpected end of stream",
        "het bestand houdt midden in een waarde op",
        "sluit aanhalingstekens en haakjes",
    ),
    (
        "found unexpected ':'",
        "onverwachte ':'",
        "zet tekst met een dubbele punt tussen aanhalingstekens",
    ),
    (
        "did not find expected ',' or ']'",
        "een lijst tussen [ ] is niet goed afgesloten",
        "sluit de lijst met ']'",
    ),
    (
        "did not find expected ',' or '}'",
        "een blok tussen { } is niet goed afgesloten",
        "sluit het blok met '}', bijv. stemmen: {voor: alle}",
    ),
    (
        "found character '@'",
        "'@' mag een waarde niet beginnen",
        "zet de waarde tussen aanhalingstekens",
    ),
    (
        "found character '`'",
        "'`' mag een waarde niet beginnen",
        "zet de waarde tussen aanhalingstekens",
    ),
    (
        "found unknown escape character",
        "een onbekende escape (\\…) in tekst tussen dubbele aanhalingstekens",
        "schrijf een \\ als \\\\, of gebruik enkele aanhalingstekens",
    ),
    (
        "could not determine a constructor for the tag",
        "een onbekende tag (!…)",
        "verwijder de tag; dit bestand kent alleen gewone YAML-waarden",
    ),
    (
        "found unhashable key",
        "een opsomming of blok kan geen sleutel zijn",
        "gebruik tekst als sleutel",
    ),
    (
        "expected a scalar node",
        "deze tag past niet bij een opsomming of blok",
        "verwijder de tag",
    ),
    (
        "expected a mapping node",
        "deze tag vraagt een blok met velden",
        "verwijder de tag",
    ),
    (
        "expected a sequence node",
        "deze tag vraagt een lijst",
        "verwijder de tag",
    ),
    (
        "failed to decode base64",
        "deze !!binary-waarde is geen geldige base64",
        "verwijder de tag !!binary",
    ),
    (
        "exceeded maximum nesting depth",
        "te diep genest",
        "nest minder diep",
    ),
    (
        "found incompatible YAML document",
        "een onbekende YAML-versie (%YAML)",
        "verwijder de regel met %YAML",
    ),
    (
        "found duplicate anchor",
        "hetzelfde anker (&naam) staat er twee keer",
        "geef elk anker een eigen naam",
    ),
    (
        "found character that cannot start any token",
        "dit teken kan een waarde niet beginnen",
        "zet de waarde tussen aanhalingstekens",
    ),
    (
        "but found another document",
        "het bestand bevat meer dan één document (---)",
        "houd één document per bestand",
    ),
]


_HERSTEL_SYNTAX = "controleer inspringing, dubbele punten en aanhalingstekens"


def _syntaxfout(naam: str, e: yaml.MarkedYAMLError, bron: str = "") -> Melding:
    """PyYAML's English, often over two lines, as one Dutch line at the problem's position."""
    probleem = e.problem or ""
    mark = e.problem_mark or e.context_mark
    if (
        mark is not None
        and "mapping values are not allowed" in probleem
        and (verkeerd := _te_ver_ingesprongen(bron, mark.line, mark.column))
    ):
        tekst, herstel, kolom = verkeerd
        return Melding(naam, tekst, mark.line + 1, kolom, herstel=herstel)
    # What PyYAML has no words for here still gets a Dutch message and the position.
    tekst, herstel = "YAML-syntaxfout: hier klopt de opmaak niet", _HERSTEL_SYNTAX
    for engels, nl, hoe in _SYNTAX:
        if engels in probleem or (e.context and engels in e.context):
            tekst, herstel = f"YAML-syntaxfout: {nl}", hoe
            break
    if mark is None:
        return Melding(naam, tekst, herstel=herstel)
    return Melding(naam, tekst, mark.line + 1, mark.column + 1, herstel=herstel)


_SLEUTEL = re.compile(r"( *)([A-Za-z_][\w-]*) *:")
_BEGIN = re.compile(r"( *(?:- +)*)([^ #-])")


def _te_ver_ingesprongen(bron: str, regel: int, kolom: int) -> tuple[str, str, int] | None:
    """(message, fix, column) when a key line is indented deeper than the key above it.

    PyYAML then reads the line as more text of the value above, finds a ':' in it and says a
    ':' is not allowed there; the real mistake is the indentation, so advising quotes is wrong.
    """
    regels = bron.splitlines()
    if regel >= len(regels):
        return None
    sleutel = _SLEUTEL.match(regels[regel])
    if sleutel is None or sleutel.end() - 1 != kolom:  # a ':' further on: text after all
        return None
    boven = next(
        (
            (nr, r)
            for nr in range(regel - 1, -1, -1)
            if (r := regels[nr]).strip() and not r.lstrip().startswith("#")
        ),
        None,
    )
    if boven is None or (begin := _BEGIN.match(boven[1])) is None:
        return None
    inspringing, goed = len(sleutel.group(1)), len(begin.group(1))
    if inspringing <= goed:
        return None
    naam, buur = sleutel.group(2), _SLEUTEL.match(boven[1][goed:])
    onder = f"'{buur.group(2)}'" if buur else "de regel erboven"
    return (
        f"YAML-syntaxfout: de inspringing klopt waarschijnlijk niet: '{naam}' staat "
        f"{inspringing - goed} spatie(s) verder ingesprongen dan {onder} op regel {boven[0] + 1}",
        f"laat '{naam}' op kolom {goed + 1} beginnen, recht onder {onder}: "
        f'"{" " * goed}{regels[regel].lstrip()}" (hoort het bij de tekst erboven, zet die tekst '
        "dan tussen aanhalingstekens)",
        inspringing + 1,
    )


def laad(pad: Path, model: type[M], inhoud: bytes | None = None) -> Bestand[M]:
    """Read a YAML file into `model`; shape and type errors become one `InvoerFout`."""
    data, bron = lees_yaml(pad, inhoud)
    cache.geef_validator(model)
    try:
        return Bestand(model.model_validate(data), bron)
    except ValidationError as e:
        raise InvoerFout(vertaal_validatiefouten(e, bron, model)) from None


# --- pydantic errors in Dutch -------------------------------------------------------------------

# What a value of each kind is called, for "expected …, found …".
_SOORTNAAM = {
    "string_type": "tekst",
    "int_type": "een geheel getal",
    "int_parsing": "een geheel getal",
    "int_from_float": "een geheel getal",
    "bool_type": "ja of nee",
    "bool_parsing": "ja of nee",
    "list_type": "een opsomming",
    "dict_type": "een blok met 'sleutel: waarde'-regels",
    "model_type": "een blok met velden",
    "model_attributes_type": "een blok met velden",
    "decimal_type": "een bedrag of getal",
    "decimal_parsing": "een bedrag of getal",
    "float_type": "een getal",
    "float_parsing": "een getal",
    "date_type": "een datum",
    "date_parsing": "een datum",
    "date_from_datetime_parsing": "een datum",
    "date_from_datetime_inexact": "een datum zonder tijd",
}


def _waarde(invoer: object) -> str:
    if invoer is None:
        return "niets (leeg)"
    if isinstance(invoer, bool):
        return "ja" if invoer else "nee"
    if isinstance(invoer, dict):
        return "een blok met velden"
    if isinstance(invoer, list):
        return "een opsomming"
    if isinstance(invoer, dt.date):
        return f"de datum {invoer.isoformat()}"
    if isinstance(invoer, int | float):
        return f"het getal {echo(invoer)}"
    return f"'{echo(invoer, 60)}'"


def _voorbeeld(model: type[BaseModel], loc: Loc) -> str:
    """One line as the user could write it at `loc`: `openbaar: nee`, `aanwezig: [a, b]`.

    Inside a list the example is the list with such an element, under the list's own name.
    """
    namen = [d for d in loc if isinstance(d, str)]
    if not namen:
        return ""
    if loc and isinstance(loc[-1], int):
        lijst = _type_op(model, loc[:-1])
        return f"{namen[-1]}: {_voorbeeldwaarde(lijst)}" if lijst is not None else ""
    tp = _type_op(model, loc)
    if tp is None:
        return ""
    # A field with an example of its own in the model (a bevinding's `vraag`) shows that, not
    # a placeholder: it says what kind of text belongs there.
    klasse = _model_in(_type_op(model, loc[:-1]))
    veld = klasse.model_fields.get(str(loc[-1])) if klasse is not None else None
    if veld is not None and veld.examples:
        return f"{namen[-1]}: {veld.examples[0]}"
    # A field that takes one of several kinds (names or a number) gets an example of each.
    soorten = [k for k in _kandidaten(tp) if k is not type(None)]
    waarden = dict.fromkeys(_voorbeeldwaarde(k) for k in soorten) if soorten else {"": None}
    return " of ".join(f"{namen[-1]}: {w}" for w in waarden if w) or ""


def _voorbeeldwaarde(tp: Any, diep: int = 0) -> str:
    klasse = _model_in(tp)
    if klasse is not None:
        velden = [n for n, v in klasse.model_fields.items() if v.is_required()]
        velden = velden or list(klasse.model_fields)
        return "{" + ", ".join(f"{n}: …" for n in velden[:3]) + "}"
    for kandidaat in _kandidaten(tp):
        origin = typing.get_origin(kandidaat)
        args = typing.get_args(kandidaat)
        if origin is list and diep < 2:
            element = _voorbeeldwaarde(args[0], diep + 1)
            return f"[{element}]" if element == "eerste, tweede" else f"[{element}, …]"
        if origin is dict:
            return "{sleutel: waarde}"
        if origin is typing.Literal:
            return str(args[0])
        if kandidaat is bool:
            return "nee"
        if kandidaat is dt.date:
            return "2027-02-10"
        if kandidaat is int:
            return "3"
        if kandidaat is Decimal:
            return "1234.50"
    return '"uw tekst"' if diep == 0 else "eerste, tweede"


def _type_op(model: type[BaseModel], loc: Sequence[int | str]) -> Any:
    huidig: Any = model
    for deel in loc:
        huidig = _stap(huidig, deel)
        if huidig is None:
            return None
    return huidig


def _velden_op(model: type[BaseModel], loc: Sequence[int | str]) -> list[str]:
    """The field names of the model found at `loc`, for a 'did you mean' on an unknown key."""
    huidig: Any = model
    for deel in loc:
        huidig = _stap(huidig, deel)
        if huidig is None:
            return []
    klasse = _model_in(huidig)
    return list(klasse.model_fields) if klasse else []


def _stap(tp: Any, deel: int | str) -> Any:
    klasse = _model_in(tp)
    if klasse is not None and isinstance(deel, str):
        veld = klasse.model_fields.get(deel)
        return veld.annotation if veld else None
    for kandidaat in _kandidaten(tp):
        origin = typing.get_origin(kandidaat)
        if origin is list and isinstance(deel, int):
            return typing.get_args(kandidaat)[0]
        if origin is dict:
            return typing.get_args(kandidaat)[1]
    return None


def _kandidaten(tp: Any) -> list[Any]:
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _kandidaten(typing.get_args(tp)[0])
    if origin is typing.Union or origin is types.UnionType:
        return [k for arg in typing.get_args(tp) for k in _kandidaten(arg)]
    return [tp]


def _model_in(tp: Any) -> type[BaseModel] | None:
    for kandidaat in _kandidaten(tp):
        if isinstance(kandidaat, type) and issubclass(kandidaat, BaseModel):
            return kandidaat
    return None


def vertaal_validatiefouten(
    fout: ValidationError, bron: Bron, model: type[BaseModel]
) -> list[Melding]:
    # One message per place: a union reports once per branch. The branch whose kind of value
    # matched says more ("-1 moet ten minste 0 zijn") than one that wanted another kind.
    per_plek: dict[tuple[int | None, int | None], tuple[bool, Melding]] = {}
    for detail in fout.errors(include_url=False):
        loc: Loc = tuple(detail["loc"])
        melding = _vertaal(detail, loc, bron, model)
        plek = (melding.regel, melding.kolom)
        andere_soort = str(detail["type"]).endswith("_type")
        if plek not in per_plek or (per_plek[plek][0] and not andere_soort):
            per_plek[plek] = (andere_soort, melding)
    return [melding for _, melding in per_plek.values()]


# How pydantic names the branch of a union in an error's location, e.g. `int` or
# `function-before[_als_lijst(), list[constrained-str]]`: not part of the user's file.
_TAK = re.compile(r".*[\[(].*|(constrained-)?(int|str|bool|float|decimal|date)")


def _zonder_takken(loc: Loc) -> Loc:
    return tuple(d for d in loc if not (isinstance(d, str) and _TAK.fullmatch(d)))


def _vertaal(detail: Any, loc: Loc, bron: Bron, model: type[BaseModel]) -> Melding:
    loc = _zonder_takken(loc)
    soort: str = detail["type"]
    ctx: dict[str, Any] = detail.get("ctx") or {}
    invoer = detail.get("input")
    veld = str(loc[-1]) if loc else ""

    if soort == "missing":
        # The key is absent, so the position found is that of the mapping that lacks it.
        voorbeeld = _voorbeeld(model, loc) or f"{echo(veld)}: …"
        return bron.melding(
            loc,
            f"het verplichte veld '{echo(veld)}' ontbreekt",
            f"voeg een regel toe, bijv. {voorbeeld}",
        )
    if soort == "extra_forbidden":
        mogelijk = _velden_op(model, loc[:-1])
        return bron.melding(
            loc,
            f"onbekend veld '{echo(veld)}'",
            "verwijder het veld of gebruik een van: " + ", ".join(mogelijk)
            if mogelijk
            else "verwijder het veld",
            suggestie=bedoelde_u(veld, mogelijk),
            op_sleutel=True,
        )
    if soort == "literal_error" or soort == "enum":
        keuzes = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        return bron.melding(
            loc,
            f"{_waarde(invoer)} is hier niet toegestaan",
            "kies uit: " + ", ".join(keuzes),
            suggestie=bedoelde_u(invoer, keuzes) if isinstance(invoer, str) else None,
        )
    if soort == "string_pattern_mismatch":
        patroon = str(ctx.get("pattern", ""))
        if "Bijlage" in patroon:
            tekst = f"{_waarde(invoer)} is geen artikelverwijzing"
            herstel = 'schrijf bijv. "5.6", "4.5a", "3d", "Bijlage 2" of "voetnoot 3" (tussen aanhalingstekens)'
        elif patroon.startswith("^[A-Za-z0-9]"):
            tekst = f"{_waarde(invoer)} is geen geldig besluitnummer"
            herstel = "gebruik letters, cijfers, '-', '.', '/' en '_', zonder spaties"
        elif patroon.startswith("^[a-z]"):
            tekst = f"{_waarde(invoer)} is geen geldige id"
            herstel = "gebruik kleine letters, cijfers en '_', beginnend met een letter"
        else:
            tekst = f"{_waarde(invoer)} heeft niet de juiste vorm"
            herstel = f"volg het patroon {patroon}"
        return bron.melding(loc, tekst, herstel)
    if soort == "string_too_short" or (soort == "too_short" and isinstance(invoer, str)):
        return bron.melding(loc, "de tekst is leeg", "vul een waarde in")
    if soort == "too_short":
        minimum = ctx.get("min_length")
        return bron.melding(
            loc,
            f"hier moet ten minste {'één waarde' if minimum == 1 else f'{minimum} waarden'} staan",
            _bijv("vul de opsomming aan", _voorbeeld(model, loc)),
        )
    if soort in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        grens = {
            "greater_than": ("groter dan", "gt"),
            "greater_than_equal": ("ten minste", "ge"),
            "less_than": ("kleiner dan", "lt"),
            "less_than_equal": ("ten hoogste", "le"),
        }[soort]
        return bron.melding(
            loc,
            f"{_waarde(invoer)} moet {grens[0]} {ctx.get(grens[1])} zijn",
            f"schrijf een getal {grens[0]} {ctx.get(grens[1])}",
        )
    if soort == "value_error":
        fout = ctx.get("error")
        if isinstance(fout, WaardeFout):
            return bron.melding(loc, fout.tekst, fout.herstel)
        tekst = str(fout or detail.get("msg", ""))
        return bron.melding(loc, tekst, _bijv("schrijf een andere waarde", _voorbeeld(model, loc)))
    if soort == "decimal_max_places":
        return bron.melding(
            loc,
            f"{_waarde(invoer)} heeft te veel decimalen (ten hoogste {ctx.get('decimal_places')})",
            "rond af op centen",
        )
    if soort in _SOORTNAAM:
        return bron.melding(
            loc,
            f"verwacht {_SOORTNAAM[soort]}, maar hier staat {_waarde(invoer)}",
            _bijv(f"schrijf {_SOORTNAAM[soort]}", _voorbeeld(model, loc)),
        )
    if soort == "union_tag_invalid" or soort.startswith("union"):
        return bron.melding(
            loc,
            f"{_waarde(invoer)} past hier niet",
            _bijv("schrijf een waarde van de juiste vorm", _voorbeeld(model, loc)),
        )
    return bron.melding(
        loc,
        f"{_waarde(invoer)} past hier niet",
        _bijv("schrijf een waarde van de juiste vorm", _voorbeeld(model, loc)),
    )


def _bijv(herstel: str, voorbeeld: str) -> str:
    if " of " in voorbeeld:  # several kinds fit: the examples say which
        return f"schrijf bijv. {voorbeeld}"
    return f"{herstel}, bijv. {voorbeeld}" if voorbeeld else herstel
