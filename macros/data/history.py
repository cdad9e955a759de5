"""When each record last changed, and every record-level change, read from the repository's history.

One `git log` and one `git cat-file --batch` per build: each version of a data file is split into
its records by their `- id:` lines and each record's text is hashed, so comparing versions needs
no YAML parsing. A build from a copy without history (a tarball, a shallow clone) still works:
`History.available` is false and the pages say so.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from macros.data.collections import IN_HISTORY, ONE_PER_FILE

_RECORD_START = re.compile(r"(?m)^- id:[ \t]*[\"']?([a-z0-9][a-z0-9-]*)")
_STATUS = re.compile(r"(?m)^  status:[ \t]*([a-z-]+)")
_STATES = re.compile(r"(?m)^    - from:")
KINDS = ("added", "corrected", "outcome-recorded", "removed")


@dataclass(frozen=True)
class Change:
    """One change to one record in one commit."""

    date: dt.date
    commit: str
    subject: str
    kind: str  # added | corrected | outcome-recorded | removed
    collection: str
    record_id: str
    path: str


@dataclass
class History:
    available: bool
    reason: str = ""
    changes: list[Change] = field(default_factory=list)  # oldest first
    last_changed: dict[tuple[str, str], dt.date] = field(default_factory=dict)
    file_changed: dict[str, dt.date] = field(default_factory=dict)


def _git(root: Path, *args: str, stdin: bytes | None = None) -> bytes:
    return subprocess.run(["git", "-C", str(root), *args], input=stdin, capture_output=True, check=True,
                          timeout=120).stdout


@dataclass(frozen=True)
class _Version:
    digests: dict[str, str]  # record id → hash of its text
    marks: dict[str, tuple[str, int]]  # record id → (status, number of measure states)


def _records(path: str, text: str) -> _Version:
    collection = path.split("/")[1] if path.count("/") >= 2 else ""
    if collection in ONE_PER_FILE:
        record_id = Path(path).stem
        blocks = {record_id: text}
    else:
        starts = list(_RECORD_START.finditer(text))
        blocks = {m.group(1): text[m.start(): starts[i + 1].start() if i + 1 < len(starts) else len(text)]
                  for i, m in enumerate(starts)}
    digests = {k: hashlib.sha256(v.strip().encode()).hexdigest() for k, v in blocks.items()}
    marks = {}
    for key, block in blocks.items():
        status = _STATUS.search(block)
        marks[key] = (status.group(1) if status else "", len(_STATES.findall(block)))
    return _Version(digests, marks)


def _blobs(root: Path, shas: list[str]) -> dict[str, str]:
    """Blob sha → text, through one `git cat-file --batch`."""
    if not shas:
        return {}
    output = _git(root, "cat-file", "--batch", stdin="".join(f"{s}\n" for s in shas).encode())
    texts, position = {}, 0
    for sha in shas:
        header_end = output.index(b"\n", position)
        header = output[position:header_end].split()
        size = int(header[2]) if len(header) == 3 else 0
        start = header_end + 1
        texts[sha] = output[start:start + size].decode("utf-8", "replace")
        position = start + size + 1
    return texts


def _kind_of_change(collection: str, old: tuple[str, int], new: tuple[str, int]) -> str:
    if collection in ("deadlines", "commitments") and old[0] != new[0] and old[0] in ("pending", "unknown", ""):
        return "outcome-recorded"
    if collection == "measures" and new[1] > old[1]:
        return "outcome-recorded"
    return "corrected"


def read_history(root: Path, data_dir: str = "data") -> History:
    """Every record-level change to `root/data` on the current branch, from its git history."""
    try:
        if _git(root, "rev-parse", "--is-inside-work-tree").strip() != b"true":
            return History(False, "not a git checkout")
        if _git(root, "rev-parse", "--is-shallow-repository").strip() == b"true":
            return History(False, "a shallow clone: its history is incomplete")
        log = _git(root, "log", "--reverse", "--no-renames", "--raw", "--no-abbrev",
                   "--format=%x1e%H%x1f%cs%x1f%s", "--", data_dir).decode("utf-8", "replace")
    except (OSError, subprocess.SubprocessError):
        return History(False, "no git history in this copy")
    commits = []
    for chunk in log.split("\x1e")[1:]:
        head, _, raw = chunk.partition("\n")
        sha, date, subject = head.split("\x1f", 2)
        files = []
        for line in raw.splitlines():
            if not line.startswith(":"):
                continue
            meta, _, path = line.partition("\t")
            parts = meta.split()
            if path.endswith(".yaml") and path.count("/") >= 2 and path.split("/")[1] in IN_HISTORY:
                files.append((parts[2], parts[3], path))
        commits.append((sha, dt.date.fromisoformat(date), subject, files))
    zero = "0" * 40
    wanted = sorted({blob for *_, files in commits for old, new, _ in files for blob in (old, new) if blob != zero})
    texts = _blobs(root, wanted)
    history = History(True)
    versions: dict[tuple[str, str], _Version] = {}
    for sha, date, subject, files in commits:
        for old_blob, new_blob, path in files:
            collection = path.split("/")[1]
            old = versions.get((old_blob, path)) or (_records(path, texts[old_blob]) if old_blob != zero
                                                    else _Version({}, {}))
            new = _records(path, texts[new_blob]) if new_blob != zero else _Version({}, {})
            versions[(new_blob, path)] = new
            for record_id in sorted(set(old.digests) | set(new.digests)):
                before, after = old.digests.get(record_id), new.digests.get(record_id)
                if before == after:
                    continue
                if before is None:
                    kind = "added"
                elif after is None:
                    kind = "removed"
                else:
                    kind = _kind_of_change(collection, old.marks[record_id], new.marks[record_id])
                history.changes.append(Change(date, sha, subject, kind, collection, record_id, path))
                history.last_changed[(collection, record_id)] = date
            history.file_changed[path] = date
    # A record moved from one file to another shows as removed from one and added to the other
    # in the same commit: that is one correction, not two events.
    moved = {(c.commit, c.collection, c.record_id) for c in history.changes if c.kind == "added"} & {
        (c.commit, c.collection, c.record_id) for c in history.changes if c.kind == "removed"}
    history.changes = [c for c in history.changes if (c.commit, c.collection, c.record_id) not in moved
                       or c.kind == "added"]
    history.changes = [Change(c.date, c.commit, c.subject, "corrected", c.collection, c.record_id, c.path)
                       if (c.commit, c.collection, c.record_id) in moved else c for c in history.changes]
    return history
