"""What precedent in this record suggests: base rates counted from the data, each with its n.

Every figure is a count over this record's own deadlines, expectations, commitments and rounds
since 2025. Nothing here is a forecast, and no share is given without the counts behind it.
"""

from __future__ import annotations

import datetime as dt
import statistics
import typing
from collections import Counter
from dataclasses import dataclass

from macros.data.dataset import Dataset
from macros.data.records import Deadline, ExpectationBy, ExpectationResult, is_relayed
from macros.views import deadlines as deadline_views
from macros.views import labels, ledger
from macros.views.memo import memoized

DECIDED = ("extended", "met", "lapsed", "superseded")
DEADLINE_OUTCOMES = (*DECIDED, "not-recorded")
RESULTS: tuple[str, ...] = typing.get_args(ExpectationResult)
BY_KINDS: tuple[str, ...] = (*typing.get_args(ExpectationBy), "unclassified")
MIN_N_FOR_SHARE = 5
EXTENSION_WINDOW_DAYS = 14  # an extension decided this close after a round counts as its product


def outcome_of(deadline: Deadline, today: dt.date) -> str | None:
    """A deadline's outcome for precedent: a decided status, 'not-recorded' when its date has
    passed with no sourced outcome, None while it is still ahead (not part of the sample)."""
    if deadline.status in DECIDED:
        return deadline.status
    return "not-recorded" if deadline.due < today else None


@dataclass(frozen=True)
class Spread:
    """n values summarised: median, smallest, largest."""

    n: int
    median: float | None
    min: int | None
    max: int | None

    @classmethod
    def of(cls, values: list[int]) -> Spread:
        if not values:
            return cls(0, None, None, None)
        return cls(len(values), statistics.median(values), min(values), max(values))


def lead_range(spread: Spread) -> str:
    """'range 0–5', or 'range −1 to 82, a negative number meaning after the due date'."""
    if spread.min is not None and spread.min < 0:
        return f"range −{abs(spread.min)} to {spread.max}; negative: after the due date"
    return f"range {spread.min}–{spread.max}"


def lead_range_zh(spread: Spread) -> str:
    """'范围0–5天', or '范围−1至82天，负数表示在截止日期之后'."""
    if spread.min is not None and spread.min < 0:
        return f"范围−{abs(spread.min)}至{spread.max}天，负数表示在截止日期之后"
    return f"范围{spread.min}–{spread.max}天"


def share_zh(count: int, n: int) -> str:
    """'6项中的4项（67%）', or just '4项中的4项' below MIN_N_FOR_SHARE, as share() does."""
    if n >= MIN_N_FOR_SHARE:
        return f"{n}项中的{count}项（{round(100 * count / n)}%）"
    return f"{n}项中的{count}项"


def share(count: int, n: int) -> str:
    """'4 of 6 (67%)', or just '4 of 4' below MIN_N_FOR_SHARE: no bare percentage on a small n."""
    if n >= MIN_N_FOR_SHARE:
        return f"{count} of {n} ({round(100 * count / n)}%)"
    return f"{count} of {n}"


# --- deadlines --------------------------------------------------------------------------------


def _sample(data: Dataset, before: dt.date | None = None, kind: str | None = None) -> list[Deadline]:
    found = []
    for deadline in data.deadlines:
        if kind is not None and deadline.kind != kind:
            continue
        if before is not None and deadline.due >= before:
            continue
        if outcome_of(deadline, data.today) is not None and not is_relayed(deadline):
            found.append(deadline)  # a deadline resting on relays alone is counted apart
    return found


@memoized
def relayed_apart(data: Dataset) -> dict[str, int]:
    """Records left out of the base rates because they rest on relays alone, by kind."""
    passed = [d for d in data.deadlines if outcome_of(d, data.today) is not None]
    return {"deadlines": ledger.relayed_count(passed), "commitments": ledger.relayed_count(data.commitments),
            "rounds": ledger.relayed_count(data.rounds)}


@memoized
def deadline_outcomes(data: Dataset) -> dict[str, dict[str, int]]:
    """Deadline kind → outcome → count, over every deadline whose date has passed."""
    table: dict[str, dict[str, int]] = {}
    for deadline in _sample(data):
        row = table.setdefault(deadline.kind, dict.fromkeys(DEADLINE_OUTCOMES, 0))
        row[outcome_of(deadline, data.today)] += 1  # type: ignore[index]
    return dict(sorted(table.items()))


def lead_days(deadline: Deadline) -> int | None:
    """How many days before its due date the decision on a deadline was announced."""
    return (deadline.due - deadline.decided).days if deadline.decided else None


@memoized
def decision_lead(data: Dataset) -> dict[str, Spread]:
    """Deadline kind → how many days before the due date decisions came."""
    by_kind: dict[str, list[int]] = {}
    for deadline in _sample(data):
        days = lead_days(deadline)
        if days is not None:
            by_kind.setdefault(deadline.kind, []).append(days)
    return {kind: Spread.of(values) for kind, values in sorted(by_kind.items())}


@dataclass(frozen=True)
class ChainRun:
    kind: str
    first: Deadline
    last: Deadline
    extensions: int
    days: int  # from the first due date to the last


@memoized
def chain_runs(data: Dataset) -> list[ChainRun]:
    """Every chain of deadlines with more than one link: how many extensions, how long it ran."""
    runs = []
    for chain in deadline_views.chains(data):
        if len(chain) > 1:
            extensions = sum(d.status == "extended" for d in chain)
            runs.append(ChainRun(chain[0].kind, chain[0], chain[-1], extensions, (chain[-1].due - chain[0].due).days))
    return runs


@dataclass(frozen=True)
class Precedent:
    """What earlier deadlines of the same kind did, for one deadline still open."""

    kind: str
    n: int
    outcomes: dict[str, int]
    lead: Spread

    def sentence(self, kind_label: str) -> str:
        if self.n == 0:
            return f"Precedent in this record: no earlier {kind_label} deadline has passed yet."
        parts = [f"{_count(count, self.n)} {_OUTCOME_WORDS[outcome][count == 1]}"
                 for outcome, count in self.outcomes.items() if count]
        text = f"Precedent in this record: of {self.n} earlier {kind_label} deadline{'s' * (self.n != 1)}, "
        text += _join(parts) + "."
        if self.lead.n:
            text += (f" Where a decision is dated, it came a median of {self.lead.median:g} day"
                     f"{'s' * (self.lead.median != 1)} before the due date ({lead_range(self.lead)}, "
                     f"n={self.lead.n}).")
        return text + " A count of this record since 2025, not a forecast."


    def sentence_zh(self, kind_label: str) -> str:
        """The same sentence in Chinese (the Chinese edition's deadlines and precedent pages)."""
        if self.n == 0:
            return f"本记录中的先例：此前尚无{kind_label}类截止日期到期。"
        parts = [f"{_count_zh(count, self.n)}{_OUTCOME_WORDS_ZH[outcome]}" for outcome, count in self.outcomes.items()
                 if count]
        text = f"本记录中的先例：此前{self.n}个{kind_label}类截止日期中，" + "，".join(parts) + "。"
        if self.lead.n:
            text += (f"在有日期可考的决定中，决定作出的时间中位数为截止日期前{self.lead.median:g}天"
                     f"（{lead_range_zh(self.lead)}，n={self.lead.n}）。")
        return text + "这是对本记录自2025年以来情况的统计，并非预测。"


_OUTCOME_WORDS_ZH = {"extended": "获延期", "met": "如期达成", "lapsed": "失效", "superseded": "被取代",
                     "not-recorded": "已过期但尚无结果记录"}


def _count_zh(count: int, n: int) -> str:
    """'6个（75%）' for a share of a sample of MIN_N_FOR_SHARE or more; '1个' below it."""
    return f"{count}个（{round(100 * count / n)}%）" if n >= MIN_N_FOR_SHARE else f"{count}个"


_OUTCOME_WORDS = {"extended": ("were extended", "was extended"), "met": ("were met", "was met"),
                  "lapsed": ("lapsed", "lapsed"), "superseded": ("were superseded", "was superseded"),
                  "not-recorded": ("passed with no outcome recorded yet", "passed with no outcome recorded yet")}


def _count(count: int, n: int) -> str:
    """'6 (75%)' for a share of a sample of MIN_N_FOR_SHARE or more; '1' below it."""
    return f"{count} ({round(100 * count / n)}%)" if n >= MIN_N_FOR_SHARE else str(count)


def _join(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


@memoized
def precedent_for(data: Dataset, deadline_id: str) -> Precedent:
    """What the earlier deadlines of the same kind (due before this one) came to."""
    deadline = data.by_id["deadlines"][deadline_id]
    earlier = [d for d in _sample(data, before=deadline.due, kind=deadline.kind) if d.id != deadline.id]
    outcomes = dict.fromkeys(DEADLINE_OUTCOMES, 0)
    for d in earlier:
        outcomes[outcome_of(d, data.today)] += 1  # type: ignore[index]
    lead = Spread.of([days for d in earlier if (days := lead_days(d)) is not None])
    return Precedent(deadline.kind, len(earlier), outcomes, lead)


def sentence_for(data: Dataset, deadline_id: str) -> str:
    """The precedent sentence shown beside an open deadline."""
    deadline = data.by_id["deadlines"][deadline_id]
    return precedent_for(data, deadline_id).sentence(labels.DEADLINE_KIND[deadline.kind].lower())


def sentence_zh_for(data: Dataset, deadline_id: str) -> str:
    deadline = data.by_id["deadlines"][deadline_id]
    return precedent_for(data, deadline_id).sentence_zh(labels.ZH_DEADLINE_KIND[deadline.kind])


@memoized
def open_deadlines(data: Dataset) -> list[Deadline]:
    """Deadlines a reader waits on: ahead, or passed with no sourced outcome."""
    return [*deadline_views.overdue(data), *deadline_views.upcoming(data)]


# --- expectations -----------------------------------------------------------------------------


@memoized
def expectation_results(data: Dataset) -> dict[str, dict[str, int]]:
    """Who held an expectation (by_kind, or 'unclassified') → result → count; plus 'all'."""
    table: dict[str, dict[str, int]] = {"all": dict.fromkeys(RESULTS, 0)}
    for rnd in data.rounds:
        for expectation in rnd.expectations:
            kind = expectation.by_kind or "unclassified"
            table.setdefault(kind, dict.fromkeys(RESULTS, 0))[expectation.result] += 1
            table["all"][expectation.result] += 1
    return {k: table[k] for k in ("all", *BY_KINDS) if k in table}


@memoized
def expectation_results_by_issue(data: Dataset) -> dict[str, dict[str, int]]:
    """Issue → result → count, for expectations at rounds where that issue was on the agenda."""
    table: dict[str, dict[str, int]] = {}
    for rnd in data.rounds:
        for expectation in rnd.expectations:
            for issue in rnd.issues:
                table.setdefault(issue, dict.fromkeys(RESULTS, 0))[expectation.result] += 1
    return dict(sorted(table.items()))


# --- commitments ------------------------------------------------------------------------------


@memoized
def commitment_results(data: Dataset) -> dict[str, dict[str, int]]:
    """Side → status → count."""
    return {side: ledger.status_counts([c for c in data.commitments if c.side == side]) for side in ledger.SIDES}


@memoized
def commitment_results_by_issue(data: Dataset) -> dict[str, dict[str, int]]:
    return {issue: ledger.status_counts(items) for issue, items in sorted(ledger.commitments_by_issue(data).items())}


@memoized
def days_to_implement(data: Dataset) -> dict[str, Spread]:
    """Side → days from the round's first day to the first change of state of a measure the
    commitment names, for commitments kept or partly kept."""
    values: dict[str, list[int]] = {side: [] for side in ledger.SIDES}
    for commitment in data.commitments:
        if commitment.status not in ("kept", "partly-kept") or not commitment.measures:
            continue
        start = data.by_id["rounds"][commitment.round].start
        changes = [state.start for m in commitment.measures for state in data.by_id["measures"][m].states
                   if state.start >= start]
        if changes:
            values[commitment.side].append((min(changes) - start).days)
    return {side: Spread.of(v) for side, v in values.items()}


# --- rounds -----------------------------------------------------------------------------------

ROUND_PRODUCTS = ("joint-statement", "extension", "commitments", "nothing-announced")


@memoized
def round_products(data: Dataset) -> dict[str, dict[str, int]]:
    """Round kind → what rounds of that kind produced (a round can produce several) → count;
    'n' is the number of rounds."""
    table: dict[str, dict[str, int]] = {}
    for rnd, products in products_by_round(data).items():
        row = table.setdefault(data.by_id["rounds"][rnd].kind, {"n": 0, **dict.fromkeys(ROUND_PRODUCTS, 0)})
        row["n"] += 1
        for product in products:
            row[product] += 1
    return table


@memoized
def products_by_round(data: Dataset) -> dict[str, tuple[str, ...]]:
    with_commitments = set(ledger.commitments_by_round(data))
    found = {}
    for rnd in data.rounds:
        products = []
        if any(doc.kind == "joint-statement" for doc in rnd.documents):
            products.append("joint-statement")
        window_end = rnd.end + dt.timedelta(days=EXTENSION_WINDOW_DAYS)
        if any(d.status == "extended" and d.decided and rnd.start <= d.decided <= window_end for d in data.deadlines):
            products.append("extension")
        if rnd.id in with_commitments:
            products.append("commitments")
        if not rnd.outcomes:
            products.append("nothing-announced")
        found[rnd.id] = tuple(products)
    return found


def tally_counts(values: list[str]) -> dict[str, int]:
    return dict(Counter(values))
