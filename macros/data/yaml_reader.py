"""Read one YAML file into plain Python values plus the position of every value.

PyYAML's defaults are unsafe for hand-edited data: duplicate keys silently overwrite,
`no`/`on` become booleans, `12:30` becomes 750, unquoted dates become `date` objects, and
aliases can expand a small file into gigabytes. This reader composes the node tree and
converts it itself, with YAML 1.2 core scalars, so none of that happens unnoticed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

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


@dataclass
class ParsedFile:
    """A file's content as plain values, and where each value and key sits in the file."""

    path: str
    value: object
    # libyaml marks (0-based); turned into line and column only when a problem needs them.
    value_marks: dict[Path_, yaml.Mark] = field(default_factory=dict)
    key_marks: dict[Path_, yaml.Mark] = field(default_factory=dict)

    def position(self, loc: Path_, *, key: bool = False) -> tuple[int, int]:
        """Line and column (1-based) of the value at `loc`, or of its nearest ancestor."""
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


def _line_col(mark: yaml.Mark) -> tuple[int, int]:
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


def read_yaml(file: Path, display_path: str) -> tuple[ParsedFile | None, list[Problem]]:
    """Parse one file; return its values with positions, or the problems that stop it."""
    raw = file.read_bytes()
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
