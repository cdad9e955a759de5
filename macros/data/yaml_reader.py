"""Read one YAML file into plain Python values plus the position of every value.

PyYAML's defaults are unsafe for hand-edited data: duplicate keys silently overwrite,
`no`/`on` become booleans, `12:30` becomes 750, unquoted dates become `date` objects, and
aliases can expand a small file into gigabytes. This reader composes the node tree and
converts it itself, with YAML 1.2 core scalars, so none of that happens unnoticed.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import yaml
from yaml._yaml import CParser
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

from macros.data.problems import Problem

MAX_FILE_BYTES = 1_000_000
MAX_NODES = 200_000

Path_ = tuple[str | int, ...]


_STR, _INT, _FLOAT = "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"
_BOOL, _NULL = "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null"
_SEQ, _MAP = "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"
_NULLS = {"", "~", "null", "Null", "NULL"}
_TRUE, _FALSE = {"true", "True", "TRUE"}, {"false", "False", "FALSE"}
_INT_RE = re.compile(r"[-+]?[0-9]+\Z")
_FLOAT_RE = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")


class _NodeLoader(CParser, BaseResolver):
    """libyaml's parser (fast) composing nodes, with the YAML 1.2 core schema for plain scalars:
    only true/false are booleans, only plain decimals are numbers, and nothing becomes a date."""

    def __init__(self, stream: str) -> None:
        CParser.__init__(self, stream)
        BaseResolver.__init__(self)

    def resolve(self, kind: type, value: str, implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode:
            if implicit[0]:  # a plain (unquoted) scalar
                if value in _NULLS:
                    return _NULL
                if value in _TRUE or value in _FALSE:
                    return _BOOL
                if value[0] in "-+.0123456789":
                    if _INT_RE.match(value):
                        return _INT
                    if _FLOAT_RE.match(value):
                        return _FLOAT
            return _STR
        return _SEQ if kind is SequenceNode else _MAP


class Mark(NamedTuple):
    """A position unpacked from a file's packed marks (0-based, like libyaml's marks)."""

    line: int
    column: int


@dataclass
class ParsedFile:
    """A file's content as plain values, and where each value and key sits in the file."""

    path: str
    value: object
    # libyaml marks (0-based); turned into line and column only when a problem needs them.
    value_marks: dict[Path_, yaml.Mark | Mark] = field(default_factory=dict)
    key_marks: dict[Path_, yaml.Mark | Mark] = field(default_factory=dict)
    # A file parsed in a worker process, or rebuilt from the stored check cache, carries its
    # marks packed (see pack_marks), or a way to read them: unpacked when a position is asked.
    packed: bytes | None = None
    read_packed: Callable[[], bytes | None] | None = None
    reparse_from: Path | None = None  # if the packed marks are missing or do not fit the values
    _view: _Packed | None = field(default=None, repr=False)

    def position(self, loc: Path_, *, key: bool = False) -> tuple[int, int]:
        """Line and column (1-based) of the value at `loc`, or of its nearest ancestor."""
        if self.packed is not None or self.read_packed is not None or self.reparse_from is not None:
            self._unpack(loc)
        marks = self.key_marks if key else self.value_marks
        probe = tuple(loc)
        while probe:
            if probe in marks:
                return _line_col(marks[probe])
            if not key and probe in self.key_marks:
                return _line_col(self.key_marks[probe])
            probe = probe[:-1]
        root = self.value_marks.get(())
        return _line_col(root) if root is not None else (1, 1)

    def _unpack(self, loc: Path_) -> None:
        """Unpack the marks of the item at `loc` (of the whole file if it is not a list)."""
        if self.read_packed is not None:
            self.packed, self.read_packed = self.read_packed(), None
        if self.packed is not None and self._view is None:
            self._view = _Packed.read(self.packed, self.value)
            if self._view is None:
                self.packed = None  # damaged or stale: parse the file again below
        if self._view is not None:
            item = loc[0] if loc and isinstance(loc[0], int) and isinstance(self.value, list) else None
            if item is None or not 0 <= item < len(self.value):  # type: ignore[arg-type]
                self._view.unpack_all(self)
                self.packed = self._view = self.reparse_from = None
            else:
                self._view.unpack_item(self, item)
            return
        if self.reparse_from is not None:
            again, _ = read_yaml(self.reparse_from, self.path)
            self.reparse_from = None
            if again is not None:
                self.value_marks, self.key_marks = again.value_marks, again.key_marks


def pack_marks(parsed: ParsedFile) -> bytes:
    """A file's marks as bytes (a flat array of integers, never code): the counts of value and key
    marks; for a list, where each item's marks start; then (line, column) pairs of every value
    and every key in the order the reader met them, the order of a walk through the values."""
    value_locs, key_locs = list(parsed.value_marks), list(parsed.key_marks)
    starts: list[int] = []
    if isinstance(parsed.value, list):
        value_at = {loc: i for i, loc in enumerate(value_locs) if len(loc) == 1}
        key_at: dict[Path_, int] = {}
        for i, loc in enumerate(key_locs):
            key_at.setdefault(loc[:1], i)
        next_key = len(key_locs)
        item_starts: list[tuple[int, int]] = []
        for item in reversed(range(len(parsed.value))):
            next_key = key_at.get((item,), next_key)
            item_starts.append((value_at[(item,)], next_key))
        for value_start, key_start in reversed(item_starts):
            starts += (value_start, key_start)
    numbers = array("i", [len(value_locs), len(key_locs), len(starts) // 2, *starts])
    for marks in (parsed.value_marks, parsed.key_marks):
        for mark in marks.values():
            numbers.extend((mark.line, mark.column))
    return numbers.tobytes()


@dataclass
class _Packed:
    numbers: array
    values: int
    keys: int
    starts: list[int]

    @classmethod
    def read(cls, packed: bytes, value: object) -> _Packed | None:
        numbers = array("i")
        try:
            numbers.frombytes(packed)
            values, keys, items = numbers[0], numbers[1], numbers[2]
        except (ValueError, IndexError):
            return None
        found = cls(numbers, values, keys, numbers[3:3 + 2 * items].tolist())
        fits = len(numbers) == 3 + 2 * items + 2 * (values + keys)
        fits = fits and (items == len(value) if isinstance(value, list) else items == 0)  # type: ignore[arg-type]
        return found if fits else None

    def _pair(self, index: int, *, key: bool) -> Mark:
        at = 3 + len(self.starts) + 2 * (index + (self.values if key else 0))
        return Mark(self.numbers[at], self.numbers[at + 1])

    def unpack_all(self, parsed: ParsedFile) -> None:
        value_locs: list[Path_] = []
        key_locs: list[Path_] = []
        _walk(parsed.value, (), value_locs, key_locs)
        if (len(value_locs), len(key_locs)) != (self.values, self.keys):
            return
        parsed.value_marks = {loc: self._pair(i, key=False) for i, loc in enumerate(value_locs)}
        parsed.key_marks = {loc: self._pair(i, key=True) for i, loc in enumerate(key_locs)}

    def unpack_item(self, parsed: ParsedFile, item: int) -> None:
        if (item,) in parsed.value_marks:
            return
        parsed.value_marks[()] = self._pair(0, key=False)
        value_locs: list[Path_] = []
        key_locs: list[Path_] = []
        _walk(parsed.value[item], (item,), value_locs, key_locs)  # type: ignore[index]
        value_start, key_start = self.starts[2 * item], self.starts[2 * item + 1]
        for i, loc in enumerate(value_locs):
            parsed.value_marks[loc] = self._pair(value_start + i, key=False)
        for i, loc in enumerate(key_locs):
            parsed.key_marks[loc] = self._pair(key_start + i, key=True)


def _walk(value: object, loc: Path_, value_locs: list[Path_], key_locs: list[Path_]) -> None:
    """Visit values in the reader's order: a value, then each item, or each key and its value."""
    value_locs.append(loc)
    if isinstance(value, list):
        for i, item in enumerate(value):
            _walk(item, (*loc, i), value_locs, key_locs)
    elif isinstance(value, dict):
        for key, item in value.items():
            key_locs.append((*loc, key))
            _walk(item, (*loc, key), value_locs, key_locs)


def _line_col(mark: yaml.Mark | Mark) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


def _to_python(node: Node, loc: Path_, parsed: ParsedFile, problems: list[Problem], seen: set[int]) -> object:
    if id(node) in seen:
        # The composer shares one node between an anchor and its aliases. Aliases are refused:
        # the data never needs them, and they are how a small file expands into a huge one.
        raise _AliasFound(node.start_mark)
    seen.add(id(node))
    if len(seen) > MAX_NODES:
        raise _TooLarge()
    parsed.value_marks[loc] = node.start_mark
    tag = node.tag
    if type(node) is ScalarNode:
        value = node.value
        if tag == _STR:
            return value
        if tag == _INT:
            return int(value)
        if tag == _FLOAT:
            return float(value)
        if tag == _BOOL:
            return value in _TRUE
        if tag == _NULL:
            return None
        problems.append(_at(parsed.path, node.start_mark, _loc_name(loc),
                            f"the tag {tag} is not allowed", "remove the '!' tag"))
        return value
    if tag != _SEQ and tag != _MAP:
        problems.append(_at(parsed.path, node.start_mark, _loc_name(loc),
                            f"the tag {tag} is not allowed", "remove the '!' tag"))
    if type(node) is SequenceNode:
        return [_to_python(item, (*loc, i), parsed, problems, seen) for i, item in enumerate(node.value)]
    if type(node) is MappingNode:
        result: dict[str, object] = {}
        key_marks = parsed.key_marks
        for key_node, value_node in node.value:
            if type(key_node) is not ScalarNode:
                problems.append(_at(parsed.path, key_node.start_mark, _loc_name(loc),
                                    "a key must be a plain word", "write `name: value`"))
                continue
            key = key_node.value
            key_loc = (*loc, key)
            if key in result:
                first_line = key_marks[key_loc].line + 1
                problems.append(_at(parsed.path, key_node.start_mark, _loc_name(key_loc),
                                    f"duplicate key '{key}' (first set on line {first_line})",
                                    "keep one of the two"))
                continue
            key_marks[key_loc] = key_node.start_mark
            result[key] = _to_python(value_node, key_loc, parsed, problems, seen)
        return result
    raise TypeError(f"unexpected YAML node {node!r}")  # pragma: no cover - PyYAML has no others


class _TooLarge(Exception):
    pass


class _AliasFound(Exception):
    def __init__(self, mark: yaml.Mark) -> None:
        self.mark = mark


def _loc_name(loc: Path_) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(file)"


def _at(path: str, mark: yaml.Mark | None, field_name: str, message: str, hint: str = "") -> Problem:
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return Problem(path, line, col, field_name, message, hint)


def read_yaml(file: Path, display_path: str, raw: bytes | None = None) -> tuple[ParsedFile | None, list[Problem]]:
    """Parse one file (or `raw`, its bytes already read); return its values with positions, or
    the problems that stop it."""
    raw = file.read_bytes() if raw is None else raw
    if len(raw) > MAX_FILE_BYTES:
        return None, [Problem(display_path, 1, 1, "(file)",
                              f"file is {len(raw):,} bytes; the limit is {MAX_FILE_BYTES:,}",
                              "split it into smaller files")]
    if raw.startswith(b"\xef\xbb\xbf"):
        return None, [Problem(display_path, 1, 1, "(file)", "file starts with a byte-order mark",
                              "save it as UTF-8 without BOM")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        col = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        return None, [Problem(display_path, line, col, "(file)",
                              f"byte 0x{raw[err.start]:02x} is not UTF-8", "save the file as UTF-8")]
    parsed = ParsedFile(display_path, None)
    problems: list[Problem] = []
    try:
        loader = _NodeLoader(text)
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        message = (err.problem or err.context or "invalid YAML").strip()
        at_tab = mark is not None and 0 <= mark.index < len(text) and text[mark.index] == "\t"
        hint = "indent with spaces, not tabs" if at_tab or "tab" in message else _syntax_hint(message)
        return None, [_at(display_path, mark, "(file)", f"YAML syntax: {message}", hint)]
    except yaml.YAMLError as err:
        return None, [Problem(display_path, 1, 1, "(file)", f"YAML syntax: {err}", "")]
    if root is None:
        return None, [Problem(display_path, 1, 1, "(file)", "file is empty",
                              "add the record, or delete the file")]
    try:
        parsed.value = _to_python(root, (), parsed, problems, set())
    except _TooLarge:
        return None, [Problem(display_path, 1, 1, "(file)", f"more than {MAX_NODES:,} values",
                              "split it into smaller files")]
    except _AliasFound as alias:
        return None, [_at(display_path, alias.mark, "(file)", "YAML aliases (*name) are not allowed",
                          "write the value out in full")]
    return parsed, problems


def _syntax_hint(message: str) -> str:
    if "mapping values are not allowed" in message or "but got ':'" in message:
        return "a value containing ': ' must be quoted"
    if "expected ',' or '}'" in message or "expected ',' or ']'" in message:
        return "inside { } or [ ], a value containing ': ' or ',' must be quoted"
    if "found unexpected end of stream" in message or "quoted scalar" in message:
        return "a quote is not closed"
    if "did not find expected key" in message:
        return "a quote above may be unclosed, or this line is indented differently from its neighbours"
    if "expected <block end>" in message or "did not find expected" in message:
        return "check the indentation: items of one list or map must line up"
    return "check the YAML syntax around this position"
