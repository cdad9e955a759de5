"""Problems found in the data, and how they are reported."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong (an error) or worth a look (a warning) at a place in a data file."""

    path: str
    line: int
    col: int
    field: str
    message: str
    hint: str = ""
    # A note says what could not be checked because of an error (it is not counted as a problem).
    severity: Literal["error", "warning", "note"] = "error"

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}:{self.col}: {self.field}: {self.message}"
        if self.hint:
            text += f" — {self.hint}"
        return text

    def as_annotation(self) -> str:
        """The same problem as a GitHub Actions workflow command (annotates the pull request)."""
        level = {"error": "error", "warning": "warning", "note": "notice"}[self.severity]
        body = f"{self.field}: {self.message}" + (f" — {self.hint}" if self.hint else "")
        body = body.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::{level} file={self.path},line={self.line},col={self.col}::{body}"


class DataError(Exception):
    """The data has errors; the build must stop before writing anything."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))  # each once, in file order
        super().__init__(format_report(self.problems))


def format_report(problems: list[Problem]) -> str:
    errors = [p for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity == "warning"]
    lines = [str(p) for p in errors]
    lines += [f"warning: {p}" for p in warnings]
    lines += [f"note: {p}" for p in problems if p.severity == "note"]
    summary = f"{len(errors)} error{'s' * (len(errors) != 1)}"
    summary += f", {len(warnings)} warning{'s' * (len(warnings) != 1)} in the data"
    return "\n".join([*lines, summary])
