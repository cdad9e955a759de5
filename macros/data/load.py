"""Read every file in `data/` into validated records, reporting all problems at once."""

from __future__ import annotations

import datetime as dt
import difflib
import gc
import os
import re
import types
import typing
from collections import OrderedDict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from macros.data.collections import COLLECTIONS, Collection
from macros.data.problems import Problem
from macros.data.records import TRUSTED
from macros.data.stored import CheckStore, StoredFile
from macros.data.yaml_reader import ParsedFile, Path_, pack_marks, read_yaml

IGNORED_NAMES = {"README.md", ".gitkeep"}
_ID_LINE = re.compile(r"""(?m)^[ \t-]*id:[ \t]*["']?([a-z0-9][a-z0-9-]*)""")


@dataclass(frozen=True)
class Located:
    """A validated record and where it was written."""

    record: Any
    file: ParsedFile
    loc: Path_

    def position(self, *fields: str | int, key: bool = False) -> tuple[int, int]:
        return self.file.position((*self.loc, *fields), key=key)

    def problem(self, fields: tuple[str | int, ...], message: str, hint: str = "",
                severity: str = "error", *, key: bool = False) -> Problem:
        line, col = self.position(*fields, key=key)
        return Problem(self.file.path, line, col, field_label((*self.loc, *fields)),
                       message, hint, severity)  # type: ignore[arg-type]


@dataclass
class LoadResult:
    records: dict[str, list[Located]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    files_read: int = 0
    # Ids of records that failed validation: references to them are not reported again.
    failed_ids: dict[str, set[str]] = field(default_factory=dict)
    # Records that failed validation, as written (a mapping): their references are still checked,
    # so that one run lists every mistake.
    unvalidated: dict[str, list[Located]] = field(default_factory=dict)
    # Files that could not be read as records at all: nothing inside them was checked.
    unread: list[str] = field(default_factory=list)


def field_label(loc: Path_) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(file)"


def load_data(data_dir: Path, root: Path, cache: FileCache | None = None,
              store: CheckStore | None = None) -> LoadResult:
    """Read and validate every file under `data_dir`; paths in problems are relative to `root`.

    With a `cache` (kept by `mkdocs serve` between rebuilds), unchanged files are not read again.
    With a `store` (the stored check cache of `python -m macros.check`), a file whose content
    passed before is not parsed or checked on its own again, and files that must be parsed are
    parsed in parallel."""
    result = LoadResult(records={c.name: [] for c in COLLECTIONS},
                        unvalidated={c.name: [] for c in COLLECTIONS})
    known = {c.name: c for c in COLLECTIONS}
    to_load: list[tuple[Path, Collection]] = []
    if not data_dir.is_dir():
        result.problems.append(Problem(_display(data_dir, root), 1, 1, "(folder)",
                                       "the data folder is missing", "create data/"))
        return result
    for entry in sorted(data_dir.iterdir()):
        if entry.name in IGNORED_NAMES:
            continue
        collection = known.get(entry.name)
        if collection is None or not entry.is_dir():
            hint = _suggest(entry.name, known) or f"data folders are: {', '.join(known)}"
            result.problems.append(Problem(_display(entry, root), 1, 1, "(file)",
                                           "not a data folder: nothing here is read", hint))
            continue
        for file in sorted(entry.iterdir()):
            if file.name in IGNORED_NAMES:
                continue
            if file.suffix != ".yaml" or not file.is_file():
                hint = "rename it to end in .yaml" if file.suffix == ".yml" else "data files end in .yaml"
                result.problems.append(Problem(_display(file, root), 1, 1, "(file)",
                                               "not read: not a .yaml file", hint))
                continue
            result.files_read += 1
            if store is None:
                _load_file(file, collection, root, result, cache)
            else:
                to_load.append((file, collection))
    if store is not None:
        load_stored(to_load, root, result, store)
    return result


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


@dataclass(frozen=True)
class _FileResult:
    records: tuple[Located, ...]
    problems: tuple[Problem, ...]
    failed_ids: frozenset[str]
    unvalidated: tuple[Located, ...] = ()
    unread: bool = False


class FileCache:
    """Files already read, keyed by path and (mtime, size): under `mkdocs serve` a rebuild re-reads
    only the files that changed. Records are frozen, so sharing them is safe. Bounded: past
    `limit` files the least recently used are dropped."""

    def __init__(self, limit: int = 20_000) -> None:
        self.limit = limit
        self._files: OrderedDict[tuple[Path, Path], tuple[tuple[int, int], _FileResult]] = OrderedDict()

    def get(self, key: tuple[Path, Path], stamp: tuple[int, int]) -> _FileResult | None:
        found = self._files.get(key)
        if found is None or found[0] != stamp:
            return None
        self._files.move_to_end(key)
        return found[1]

    def put(self, key: tuple[Path, Path], stamp: tuple[int, int], result: _FileResult) -> None:
        self._files[key] = (stamp, result)
        self._files.move_to_end(key)
        while len(self._files) > self.limit:
            self._files.popitem(last=False)

    def __len__(self) -> int:
        return len(self._files)


def _load_file(file: Path, collection: Collection, root: Path, result: LoadResult, cache: FileCache | None) -> None:
    stat = file.stat()
    stamp = (stat.st_mtime_ns, stat.st_size)
    found = cache.get((file, root), stamp) if cache is not None else None
    if found is None:
        one = LoadResult(records={collection.name: []}, unvalidated={collection.name: []})
        _read_file(file, collection, root, one)
        found = _FileResult(tuple(one.records[collection.name]), tuple(one.problems),
                            frozenset(one.failed_ids.get(collection.name, ())),
                            tuple(one.unvalidated[collection.name]), bool(one.unread))
        if cache is not None:
            cache.put((file, root), stamp, found)
    result.records[collection.name].extend(found.records)
    result.unvalidated[collection.name].extend(found.unvalidated)
    if found.unread:
        result.unread.append(_display(file, root))
    result.problems.extend(found.problems)
    if found.failed_ids:
        result.failed_ids.setdefault(collection.name, set()).update(found.failed_ids)


def _read_file(file: Path, collection: Collection, root: Path, result: LoadResult,
               read: tuple[ParsedFile | None, list[Problem]] | None = None) -> ParsedFile | None:
    """Parse (unless `read` holds the parse already) and validate one file into `result`."""
    display = _display(file, root)
    parsed, problems = read if read is not None else read_yaml(file, display)
    result.problems.extend(problems)
    if parsed is None or not isinstance(parsed.value, dict if collection.one_per_file else list):
        # The file's records are unreadable: count the ids it seems to hold as known, so that
        # references to them are not reported as unknown on top of the real problem.
        guessed = result.failed_ids.setdefault(collection.name, set())
        guessed.update(_ID_LINE.findall(file.read_bytes().decode("utf-8", "replace")))
        if collection.one_per_file:
            guessed.add(file.stem)
        result.unread.append(display)
    if parsed is None:
        return None
    if collection.one_per_file:
        items: list[tuple[Path_, object]] = [((), parsed.value)]
        if not isinstance(parsed.value, dict):
            result.problems.append(Problem(display, 1, 1, "(file)",
                                           f"expected one {collection.model.__name__.lower()} "
                                           f"as key: value lines, got {_kind(parsed.value)}",
                                           "see docs/contributing/templates/"))
            return parsed
    else:
        if not isinstance(parsed.value, list):
            result.problems.append(Problem(display, 1, 1, "(file)",
                                           f"expected a list of {collection.name} "
                                           f"('- id: …' items), got {_kind(parsed.value)}",
                                           "start each record with '- '"))
            return parsed
        items = [((i,), item) for i, item in enumerate(parsed.value)]
    for loc, value in items:
        try:
            record = collection.model.model_validate(value)
        except ValidationError as err:
            result.problems.extend(_translate(err, collection.model, parsed, loc))
            if isinstance(value, dict):
                result.unvalidated.setdefault(collection.name, []).append(Located(value, parsed, loc))
                if isinstance(value.get("id"), str):
                    result.failed_ids.setdefault(collection.name, set()).add(value["id"])
            continue
        result.records[collection.name].append(Located(record, parsed, loc))
    return parsed


def load_stored(files: list[tuple[Path, Collection]], root: Path, result: LoadResult, store: CheckStore) -> None:
    """Load `files` through the stored check cache: entries found are rebuilt without parsing or
    per-file checks; the rest are parsed (in parallel when there are many), checked and stored."""
    raws = [file.read_bytes() for file, _ in files]
    keys = [store.key(_display(file, root), raw) for (file, _), raw in zip(files, raws, strict=True)]
    found = [store.get(key) for key in keys]
    missing = [i for i, entry in enumerate(found) if entry is None]
    parses = parse_many([(files[i][0], _display(files[i][0], root), raws[i]) for i in missing])
    reads = dict(zip(missing, parses, strict=True))
    for i, ((file, collection), entry) in enumerate(zip(files, found, strict=True)):
        if entry is None:
            one = LoadResult(records={collection.name: []}, unvalidated={collection.name: []})
            parsed = _read_file(file, collection, root, one, reads[i])
            entry = StoredFile(parsed is not None, parsed.value if parsed is not None else None,
                               tuple(one.problems),
                               tuple(item.loc[0] if item.loc else 0 for item in one.records[collection.name]),
                               frozenset(one.failed_ids.get(collection.name, ())))
            marks = None if parsed is None else parsed.packed if parsed.packed is not None else pack_marks(parsed)
            store.put(keys[i], entry, marks)
            result.records[collection.name].extend(one.records[collection.name])
            result.unvalidated[collection.name].extend(one.unvalidated[collection.name])
            result.unread.extend(one.unread)
        else:
            key = keys[i]
            parsed = ParsedFile(_display(file, root), entry.value, reparse_from=file,
                                read_packed=lambda key=key: store.marks(key))  # type: ignore[misc]
            result.records[collection.name].extend(_rebuild(parsed, collection, entry))
            result.unvalidated[collection.name].extend(_unvalidated(parsed, collection, entry))
            if not _holds_records(entry.value, collection):
                result.unread.append(parsed.path)
        result.problems.extend(entry.problems)
        if entry.failed_ids:
            result.failed_ids.setdefault(collection.name, set()).update(entry.failed_ids)


def _rebuild(parsed: ParsedFile, collection: Collection, entry: StoredFile) -> list[Located]:
    """The records of a stored file that passed before: converted again, not checked again."""
    if collection.one_per_file:
        return [Located(collection.model.model_validate(entry.value, context=TRUSTED), parsed, ())
                for _ in entry.valid]
    values = entry.value if isinstance(entry.value, list) else []
    return [Located(collection.model.model_validate(values[i], context=TRUSTED), parsed, (i,)) for i in entry.valid]


def _holds_records(value: object, collection: Collection) -> bool:
    return isinstance(value, dict if collection.one_per_file else list)


def _unvalidated(parsed: ParsedFile, collection: Collection, entry: StoredFile) -> list[Located]:
    """The records of a stored file that failed validation, as written (for their references)."""
    if not _holds_records(entry.value, collection):
        return []
    if collection.one_per_file:
        return [] if entry.valid else [Located(entry.value, parsed, ())]
    valid = set(entry.valid)
    return [Located(value, parsed, (i,)) for i, value in enumerate(entry.value)  # type: ignore[arg-type]
            if i not in valid and isinstance(value, dict)]


PARALLEL_FROM = 64  # files to parse: below this, starting worker processes costs more than it saves


def parse_many(files: list[tuple[Path, str, bytes]]) -> list[tuple[ParsedFile | None, list[Problem]]]:
    """Parse files, on every core when there are many. Workers send back values, problems and
    positions packed as bytes, unpacked only for a file where a problem needs one."""
    workers = min(os.cpu_count() or 1, 8)
    if len(files) < PARALLEL_FROM or workers < 2:
        return [read_yaml(file, display, raw) for file, display, raw in files]
    # Workers pause the cycle collector too (see dataset.collector_paused); small chunks keep
    # both cores busy when file sizes differ.
    with ProcessPoolExecutor(max_workers=workers, initializer=gc.disable) as pool:
        shallow = list(pool.map(_parse_packed, files, chunksize=max(1, len(files) // (workers * 16))))
    return [(ParsedFile(display, value, packed=packed, reparse_from=file) if ok else None, problems)
            for (file, display, _), (ok, value, packed, problems) in zip(files, shallow, strict=True)]


def _parse_packed(job: tuple[Path, str, bytes]) -> tuple[bool, object, bytes | None, list[Problem]]:
    """In a worker: a file's values, its marks packed into bytes (cheap to send), its problems."""
    file, display, raw = job
    parsed, problems = read_yaml(file, display, raw)
    if parsed is None:
        return False, None, None, problems
    return True, parsed.value, pack_marks(parsed), problems


def _kind(value: object) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "nothing"
    return f"the value {value!r}"


def _describe(value: object) -> str:
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    return _kind(value)


def _translate(err: ValidationError, model: type[BaseModel], parsed: ParsedFile,
               prefix: Path_) -> list[Problem]:
    problems = []
    details = err.errors(include_url=False)
    misspelt = _misspelt_fields(details, model)
    for detail in details:
        loc = tuple(p for p in detail["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        full = (*prefix, *loc)
        kind = detail["type"]
        if kind == "missing" and loc in misspelt:
            continue  # reported once, as the misspelt field ('txt: … — did you mean 'text'?')
        value = detail.get("input")
        ctx = detail.get("ctx") or {}
        hint = ""
        if kind == "missing":
            message = "required field is missing"
            hint = f"add `{loc[-1]}:`"
            line, col = parsed.position(full[:-1])
        elif kind == "extra_forbidden":
            allowed = _fields_at(model, loc[:-1])
            message = f"unknown field '{loc[-1]}'"
            hint = _did_you_mean(str(loc[-1]), allowed) or f"allowed fields: {', '.join(allowed)}"
            if " " in str(loc[-1]).strip():
                hint = "this looks like the rest of a value after ': ': put the whole value in quotes"
            line, col = parsed.position(full, key=True)
        else:
            message, hint = _message(kind, value, ctx, detail["msg"], loc)
            line, col = parsed.position(full)
        problems.append(Problem(parsed.path, line, col, field_label(full), message, hint))
    return problems


def _misspelt_fields(details: list[Any], model: type[BaseModel]) -> set[Path_]:
    """Required fields that are missing because an unknown field next to them is their misspelling."""
    found: set[Path_] = set()
    for detail in details:
        if detail["type"] != "extra_forbidden":
            continue
        loc = tuple(p for p in detail["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        close = difflib.get_close_matches(str(loc[-1]), _fields_at(model, loc[:-1]), n=1, cutoff=0.6)
        if close:
            found.add((*loc[:-1], close[0]))
    return found


def _message(kind: str, value: object, ctx: dict[str, Any], msg: str, loc: Path_) -> tuple[str, str]:
    last = loc[-1] if loc else ""
    if kind == "string_type":
        hint = "quote it" if isinstance(value, (bool, int, float)) else ""
        if isinstance(value, bool):
            hint = "quote it: YAML reads unquoted true/false as a boolean"
        return f"expected text, got {_describe(value)}", hint
    if kind in ("list_type",):
        return f"expected a list, got {_describe(value)}", "write items as '- item' lines or [a, b]"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"expected a mapping (key: value lines), got {_describe(value)}", "see docs/contributing/templates/"
    if kind in ("float_type", "int_type", "float_parsing", "int_parsing"):
        return f"expected a number, got {_describe(value)}", "write digits only, e.g. 30"
    if kind == "bool_type":
        return f"expected true or false, got {_describe(value)}", ""
    if kind == "literal_error":
        expected = ctx.get("expected", "")
        choices = [c.strip().strip("'") for c in expected.replace(" or ", ", ").split(",")]
        hint = _did_you_mean(str(value), choices) or f"use one of: {', '.join(choices)}"
        return f"{_describe(value) if not isinstance(value, str) else repr(value)} is not allowed here", hint
    if kind == "string_pattern_mismatch":
        if last in ("url", "archived_url"):
            return f"'{value}' is not an http(s) URL", "start it with https://"
        return (f"'{value}' is not a valid id",
                "use lowercase letters, digits and single hyphens, e.g. 'rare-earths'")
    if kind == "too_short":
        if last == "sources":
            return "needs at least one source", "add a source you read: url, publisher, title, date"
        return f"needs at least {ctx.get('min_length', 1)} item(s)", ""
    if kind == "string_too_short":
        return "must not be empty", ""
    if kind == "string_too_long":
        return f"is too long (at most {ctx.get('max_length')} characters)", "shorten it"
    if kind == "greater_than_equal":
        return f"must be {ctx.get('ge'):g} or more, got {value}", ""
    if kind == "less_than_equal":
        return f"must be {ctx.get('le'):g} or less, got {value}", ""
    if kind == "value_error":
        text = str(ctx.get("error", msg))
        return text, _value_hint(text, value)
    return msg, ""


def _value_hint(text: str, value: object) -> str:
    if "real calendar date" in text:
        return "check the day and month"
    if "YYYY-MM-DD" in text:
        meant = intended_date(value)
        if meant is not None:
            return f"write it as '{meant.isoformat()}', in quotes"
        return "write the date as YYYY-MM-DD in quotes, e.g. '2025-05-12'"
    return ""


_DATE_PARTS = re.compile(r"^\s*(\d{1,4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,4})\s*$")
_WORDED_DATE_FORMATS = ("%d %B %Y", "%B %d %Y", "%d %b %Y", "%b %d %Y")


def intended_date(value: object) -> dt.date | None:
    """The date a contributor most likely meant by a malformed one, when only one reading is
    possible: '2026-6-30', '2026/06/30', '30.6.2026', '30 June 2026', 'June 30, 2026', or a YAML
    date or number that lost its quotes. None when ambiguous (3/4/2026) or not a date at all."""
    if isinstance(value, dt.date):
        return value if not isinstance(value, dt.datetime) else value.date()
    if isinstance(value, int) and not isinstance(value, bool) and 10000101 <= value <= 99991231:
        value = str(value)
        value = f"{value[:4]}-{value[4:6]}-{value[6:]}"
    if not isinstance(value, str):
        return None
    found = _DATE_PARTS.match(value)
    if found:
        a, b, c = found.groups()
        if len(a) == 4:
            year, month, day = int(a), int(b), int(c)
        elif len(c) == 4 and (int(a) > 12 or int(a) == int(b)):
            year, month, day = int(c), int(b), int(a)
        elif len(c) == 4 and int(b) > 12:
            year, month, day = int(c), int(a), int(b)
        else:
            return None
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", value.replace(",", " "))
    cleaned = " ".join(cleaned.split())
    for form in _WORDED_DATE_FORMATS:
        try:
            return dt.datetime.strptime(cleaned, form).date()
        except ValueError:
            continue
    return None


def _did_you_mean(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""


def _suggest(name: str, known: dict[str, Collection]) -> str:
    return _did_you_mean(name, list(known))


def _fields_at(model: type[BaseModel], loc: Path_) -> list[str]:
    """The field names allowed at `loc` inside `model` (for did-you-mean hints)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        info = current.model_fields.get(part)
        if info is None:
            return []
        current = _unwrap(info.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _unwrap(annotation: Any) -> Any:
    """The record type inside `list[X]`, `X | None`, `Annotated[X, …]`."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (list, typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0]
        else:
            return annotation
