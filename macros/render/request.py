"""What a page function is asked to write: one page's URL and the key of its record or part."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageRequest:
    """One page of a family: `key` is () for a single page, (record id,) for a record's page, (part,)
    for a part of a long list, or (record id, part) for a part of a record's history."""

    url: str
    key: tuple[str, ...] = ()

    @property
    def part(self) -> str | None:
        """The last element of the key (a year, a quarter, a letter), or None on a single page."""
        return self.key[-1] if self.key else None
