"""The preview's Markdown reuse (macros/site/markdown_reuse.py), in process: after an edit of words
only, a page is kept unless it shows the record; any other change writes every page again."""

from __future__ import annotations

import dataclasses
import datetime as dt

from macros.data.dataset import load_dataset
from macros.render.held import HeldHtml
from macros.site.markdown_reuse import MarkdownReuse
from tests.conftest import FIXTURES

DATA = load_dataset(FIXTURES / "valid", dt.date(2026, 1, 1))
SHARED = ("http://127.0.0.1:8000/", "", 0, "", ())


def started(data, pages: dict[str, str]) -> MarkdownReuse:
    reuse = MarkdownReuse()
    reuse.start(data, SHARED)
    for url, text in pages.items():
        reuse.keep(url, text, [f"<p>{text}</p>"])
    return reuse


def with_round(data, **update):
    rnd = data.rounds[0].model_copy(update=update)
    return dataclasses.replace(data, rounds=(rnd, *data.rounds[1:]))


def test_the_first_build_and_a_change_of_structure_write_every_page():
    rnd = DATA.rounds[0]
    reuse = started(DATA, {"a/": "nothing of it", "b/": f"rounds/{rnd.id}/"})
    assert reuse.changed is None  # the first build: no previous data
    reuse.start(with_round(DATA, end=rnd.end + dt.timedelta(days=1)), SHARED)
    assert reuse.changed is None and reuse.reusable("a/") is None  # a date moved: everything again
    reuse.start(DATA, SHARED)
    reuse.start(DATA, (*SHARED[:-1], (("x.j2", 1, 2),)))
    assert reuse.changed is None  # a template changed


def test_an_edit_of_words_keeps_the_pages_that_do_not_show_the_record():
    rnd = DATA.rounds[0]
    pages = {"other/": "nothing of it", "link/": f'<a href="rounds/{rnd.id}/">x</a>', "title/": f"{rnd.title} …"}
    reuse = started(DATA, pages)
    reuse.start(DATA, SHARED)
    assert reuse.changed == []  # the same records, the same objects: nothing changed
    assert all(reuse.reusable(url) is not None for url in pages)
    reuse.start(with_round(DATA, title=rnd.title + ", renamed"), SHARED)
    assert reuse.changed == [(rnd.id, {"title": rnd.title, "summary": rnd.summary})]
    assert reuse.reusable("other/").markdown == "nothing of it"
    assert reuse.reusable("link/") is None and reuse.reusable("title/") is None
    assert reuse.reusable("never-seen/") is None


def test_kept_markdown_comes_back_with_the_html_it_held():
    held = HeldHtml()
    markdown = held.hold("p/", "<p>one</p>\n\n<p>two</p>")
    blocks = held.blocks("p/")
    later = HeldHtml()
    later.put("p/", blocks)
    assert later.restore("p/", markdown) == held.restore("p/", markdown) == "<p>one</p>\n\n<p>two</p>"
