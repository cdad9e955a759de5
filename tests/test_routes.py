"""Routes (macros/views/routes.py) is the one API for addresses: its methods only, no module-level
twins; static routes need no data, data-bound ones follow the paging of the build's Dataset."""

from __future__ import annotations

import datetime as dt
import inspect

from macros.data.dataset import load_dataset
from macros.views import paging, routes
from macros.views.routes import Routes
from tests.conftest import FIXTURES

DATA = load_dataset(FIXTURES / "valid", dt.date(2026, 1, 1))


def test_routes_are_methods_of_routes_only():
    functions = [name for name, value in vars(routes).items() if inspect.isfunction(value)
                 and value.__module__ == routes.__name__]
    assert functions == []


def test_static_routes_need_no_data_and_name_the_page_file_behind_them():
    assert Routes.round("2025-05-alpha") == "rounds/2025-05-alpha/"
    assert Routes.commitment("c1", "2025-05-alpha") == "rounds/2025-05-alpha/#commitment-c1"
    assert Routes.issue_history("widgets") == "issues/widgets/#history"
    assert Routes.page_file(Routes.round("2025-05-alpha")) == "rounds/2025-05-alpha.md"
    assert Routes.page_file(routes.TIMELINE) == "timeline/index.md"
    assert Routes.relative("rounds/x/#a", "issues/y/") == "../../rounds/x/#a"
    assert routes.RELEASE_ZIP.startswith("downloads/") and routes.TIMELINE_PICTURE.endswith("#picture")


def test_data_bound_routes_follow_the_builds_paging():
    links = Routes(DATA)
    event = DATA.events[0]
    expected_page = paging.entry_pages(DATA)[f"event-{event.id}"]
    assert links.record(event) == f"timeline/{expected_page}/#event-{event.id}"
    assert links.record(DATA.rounds[0]) == Routes.round(DATA.rounds[0].id)
    deadline = DATA.deadlines[0]
    assert links.deadline(deadline.id) == f"deadlines/#deadline-{deadline.id}"
    assert links.change_target("rounds", "no-such-round") is None
