"""changes.atom: every record-level change (added, corrected, outcome recorded, removed), dated by
its commit, so that a correction reaches subscribers as well as news does."""

from __future__ import annotations

import datetime as dt

from feedgen.feed import FeedGenerator

from macros.data.dataset import Dataset
from macros.data.history import History
from macros.render.safe import plain, text
from macros.views import labels, publication, routes
from macros.views.changes import recent_changes
from macros.views.routes import Routes

TAG = "tag:trade-truce-tracker,2025:"


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)


def changes_feed(data: Dataset, history: History, site_url: str) -> str:
    feed = FeedGenerator()
    feed.id(TAG + "changes")
    feed.title("Trade Truce Tracker: what changed in the record")
    feed.subtitle("Records added, corrected, removed, and outcomes recorded, dated by the change."
                  if history.available else f"The change history is not available in this copy ({history.reason}).")
    feed.link(href=Routes.absolute(site_url, routes.CHANGES_FEED), rel="self")
    feed.link(href=Routes.absolute(site_url, routes.CHANGES), rel="alternate")
    feed.language("en")
    feed.rights(publication.credit(data.as_of.isoformat()))
    lines = recent_changes(data, history)
    feed.updated(_midnight(max([line.date for line in lines], default=data.as_of)))
    links = routes.Routes(data)
    for line in reversed(lines):  # feedgen prepends: the feed reads newest first
        item = feed.add_entry()
        item.id(TAG + line.key)
        label = labels.COLLECTION.get(line.collection, line.collection)
        item.title(plain(f"{labels.CHANGE_KIND[line.kind]}: {label.lower()} “{line.title}”"))
        target = links.change_target(line.collection, line.record_id)
        item.link(href=Routes.absolute(site_url, target or routes.CHANGES))
        item.updated(_midnight(line.date))
        item.published(_midnight(line.date))
        item.content(f"<p>{text(line.subject)}</p><p>{text(labels.CHANGE_KIND[line.kind])} on {line.date.isoformat()} "
                     f"(commit {text(line.commit[:12])}).</p>", type="html")
    return feed.atom_str(pretty=True).decode("utf-8")
