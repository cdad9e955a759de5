"""What a reader can subscribe to: everything, one issue, or one chain of deadlines."""

from __future__ import annotations

from dataclasses import dataclass

from macros.data.dataset import Dataset
from macros.data.records import Deadline, Round
from macros.views import deadlines, routes
from macros.views.memo import memoized
from macros.views.routes import Routes
from macros.views.timeline import round_issues

# Each calendar's deadlines carry reminders this many days before they fall due.
REMINDER_DAYS = (30, 7, 1)


@dataclass(frozen=True)
class Subscription:
    """One feed and calendar pair: everything, one issue, or one chain of deadlines."""

    key: str  # "all", "issue-<id>" or "chain-<first deadline id>"
    title: str
    feed_path: str
    calendar_path: str
    deadlines: tuple[Deadline, ...]
    rounds: tuple[Round, ...]
    issue: str | None = None


@memoized
def subscriptions(data: Dataset) -> list[Subscription]:
    """The site-wide feed and calendar, one pair per issue, and one per chain of deadlines."""
    found = [Subscription("all", "U.S.–China trade truce: deadlines and rounds", routes.FEED, routes.CALENDAR,
                          data.deadlines, data.rounds)]
    for issue in data.issues:
        found.append(Subscription(
            f"issue-{issue.id}", f"U.S.–China trade truce: {issue.title}", Routes.issue_feed(issue.id),
            Routes.issue_calendar(issue.id), tuple(d for d in data.deadlines if issue.id in d.issues),
            tuple(r for r in data.rounds if issue.id in round_issues(r)), issue.id))
    for chain in deadlines.chains(data):
        if len(chain) > 1:
            head = chain[0]
            found.append(Subscription(f"chain-{head.id}", f"U.S.–China trade truce: {chain[-1].title}",
                                      Routes.chain_feed(head.id), Routes.chain_calendar(head.id), tuple(chain), ()))
    return found


def zh_title(data: Dataset, subscription: Subscription) -> str:
    """A subscription's title in the Chinese edition (its feeds, calendars and subscribe page)."""
    if subscription.key == "all":
        return "中美经贸谈判与贸易休战记录：截止日期与历轮磋商"
    if subscription.issue is not None:
        issue = data.by_id["issues"][subscription.issue]
        return f"中美经贸谈判与贸易休战记录：{issue.title_zh or issue.title}"
    last = subscription.deadlines[-1]
    return f"中美经贸谈判与贸易休战记录：{last.title_zh or last.title}"
