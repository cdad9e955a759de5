"""The stored check cache: what `python -m macros.check` learnt about each data file, kept on
disk between runs so that a run after one edit parses and fully checks only that file.

An entry is keyed by the file's path and content (SHA-256) and lives in a folder named after
the model's version (a hash of the loader's and the schema's source, and the versions of the
libraries they rest on): a changed file, a changed schema or a changed checker never meets an
old entry. Entries hold what one file yields on its own: its values, the problems found in it,
which of its records passed, the ids of those that did not. Checks across files always run
again. JSON (and the positions as a flat array of integers), never pickle: a cache file is data,
never code. A damaged entry is a miss; damaged positions make the file be parsed again.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

import pydantic
import yaml

from macros.data.problems import Problem

FORMAT = 1
_MODULES = ("records.py", "load.py", "yaml_reader.py", "problems.py", "stored.py")


def model_version() -> str:
    """A short hash of everything that decides what one file yields."""
    digest = hashlib.sha256(f"{FORMAT}|{pydantic.VERSION}|{yaml.__version__}".encode())
    here = Path(__file__).resolve().parent
    for name in _MODULES:
        digest.update((here / name).read_bytes())
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class StoredFile:
    """What one data file yields on its own."""

    parsed: bool  # False: the file could not be read as YAML of the right shape
    value: object  # its values (None when not parsed)
    problems: tuple[Problem, ...]
    valid: tuple[int, ...]  # indexes of the items that passed validation (0 for a one-record file)
    failed_ids: frozenset[str]

    def to_json(self) -> dict[str, object]:
        return {
            "parsed": self.parsed,
            "value": self.value,
            "problems": [[p.path, p.line, p.col, p.field, p.message, p.hint, p.severity] for p in self.problems],
            "valid": list(self.valid),
            "failed_ids": sorted(self.failed_ids),
        }

    @classmethod
    def from_json(cls, data: dict) -> StoredFile:
        return cls(
            parsed=bool(data["parsed"]),
            value=data["value"],
            problems=tuple(Problem(*fields) for fields in data["problems"]),
            valid=tuple(int(i) for i in data["valid"]),
            failed_ids=frozenset(str(i) for i in data["failed_ids"]),
        )


class CheckStore:
    """Entries under `folder/<model version>/`; entries this run did not use are pruned at the end."""

    def __init__(self, folder: Path) -> None:
        self.root = folder
        self.folder = folder / model_version()
        self.used: set[str] = set()
        self.hits = 0
        self.misses = 0

    @staticmethod
    def key(display_path: str, raw: bytes) -> str:
        return hashlib.sha256(display_path.encode("utf-8") + b"\0" + raw).hexdigest()

    def get(self, key: str) -> StoredFile | None:
        self.used.add(key)
        try:
            found = StoredFile.from_json(json.loads((self.folder / f"{key}.json").read_bytes()))
        except (OSError, ValueError, KeyError, TypeError):
            self.misses += 1
            return None
        self.hits += 1
        return found

    def put(self, key: str, stored: StoredFile, marks: bytes | None) -> None:
        """Store a file's entry, and its packed marks (positions, read only when a problem needs one)."""
        self.used.add(key)
        self._write(f"{key}.json", json.dumps(stored.to_json(), ensure_ascii=False, separators=(",", ":")).encode())
        if marks is not None:
            self._write(f"{key}.marks", marks)

    def marks(self, key: str) -> bytes | None:
        try:
            return (self.folder / f"{key}.marks").read_bytes()
        except OSError:
            return None

    def finish(self) -> None:
        """Drop what this run did not use."""
        self.prune()

    def _write(self, name: str, content: bytes) -> None:
        target = self.folder / name
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            partial = self.folder / f"{name}.{os.getpid()}.tmp"
            partial.write_bytes(content)
            os.replace(partial, target)
        except OSError:
            pass  # a read-only checkout still checks; it just does not remember

    def prune(self) -> None:
        """Drop entries of files that no longer exist (or changed), and other versions' folders."""
        try:
            for entry in self.folder.iterdir():
                if entry.name.split(".")[0] not in self.used or entry.suffix == ".tmp":
                    entry.unlink(missing_ok=True)
            for other in self.root.iterdir():
                if other.is_dir() and other != self.folder:
                    for entry in other.iterdir():
                        entry.unlink(missing_ok=True)
                    other.rmdir()
        except OSError:
            pass
