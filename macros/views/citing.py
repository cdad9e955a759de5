"""How to cite a record: its title, its permanent page, and the data's as-of date."""

from __future__ import annotations

from dataclasses import dataclass

from macros.data.dataset import Dataset
from macros.views import routes
from macros.views.memo import memoized
from macros.views.routes import Routes

KINDS = ("round", "issue", "measure", "deadline", "commitment")


@dataclass(frozen=True)
class Citable:
    kind: str  # round | issue | measure | deadline | commitment
    record_id: str
    title: str
    page: str  # site-relative

    @property
    def key(self) -> str:
        return f"ttt-{self.kind}-{self.record_id}"


@memoized
def citables(data: Dataset) -> list[Citable]:
    links = routes.Routes(data)
    rounds = {r.id: r.title for r in data.rounds}
    found = [Citable("round", r.id, r.title, Routes.round(r.id)) for r in data.rounds]
    found += [Citable("issue", i.id, i.title, Routes.issue(i.id)) for i in data.issues]
    found += [Citable("measure", m.id, m.title, Routes.measure(m.id)) for m in data.measures]
    found += [Citable("deadline", d.id, d.title, links.deadline(d.id)) for d in data.deadlines]
    found += [Citable("commitment", c.id, f"{'U.S.' if c.side == 'us' else 'Chinese'} commitment at the "
                      f"{rounds[c.round]}", Routes.commitment(c.id, c.round)) for c in data.commitments]
    return found


@memoized
def citable_by_key(data: Dataset) -> dict[tuple[str, str], Citable]:
    return {(c.kind, c.record_id): c for c in citables(data)}
