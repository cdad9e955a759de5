"""The page table (macros/render/page_table.py), in process: every family's pages render through
the table, each page has one URL and one file, and no page function is left out of the table."""

from __future__ import annotations

import datetime as dt
import inspect
import re

from macros.data.dataset import load_dataset
from macros.render import pages, zh_pages
from macros.render.held import HeldHtml
from macros.render.jinja import Renderer
from macros.render.page_table import FAMILIES, PAGE_TABLE, generated_pages
from macros.render.request import PageRequest
from tests.conftest import FIXTURES, ROOT

FIXTURE = load_dataset(FIXTURES / "valid", dt.date(2026, 1, 1))


def test_every_generated_page_renders_through_the_table_with_its_heading():
    renderer = Renderer(FIXTURE, HeldHtml())
    made = generated_pages(FIXTURE)
    assert {page.macro for page in made} >= {"round_page", "issue_page", "person_page", "measure_page", "timeline"}
    for page in made:
        markdown = page.render(renderer)
        assert re.search(r"^# \S", markdown, re.M), page.url


def test_record_pages_are_keyed_by_their_record_and_edit_its_file():
    made = {(page.macro, page.key): page for page in generated_pages(FIXTURE)}
    for family, collection in (("round_page", "rounds"), ("issue_page", "issues"), ("person_page", "people"),
                               ("measure_page", "measures")):
        records = getattr(FIXTURE, collection)
        assert records
        for record in records:
            page = made[(family, (record.id,))]
            assert record.id in page.url
            assert page.data_file == FIXTURE.file_of(collection, record.id)
            assert (FIXTURES / "valid" / page.data_file).is_file()


def test_each_page_has_one_url_one_file_and_a_macro_call_naming_its_family():
    made = generated_pages(FIXTURE)
    assert len({page.url for page in made}) == len(made)
    assert len({page.path for page in made}) == len(made)
    for page in made:
        assert page.call.startswith(page.macro + "(")
        assert all(f'"{part}"' in page.call for part in page.key)


def test_every_page_function_is_in_the_table_and_every_macro_named_once():
    functions = {name for module in (pages, zh_pages) for name, fn in inspect.getmembers(module, inspect.isfunction)
                 if list(inspect.signature(fn).parameters) == ["r", "page"] and fn.__module__ == module.__name__}
    assert functions == {family.render.__name__ for family in PAGE_TABLE}
    assert len(FAMILIES) == len(PAGE_TABLE)


def test_hand_written_pages_call_the_families_that_have_no_route():
    hand_written = [family.macro for family in PAGE_TABLE if family.hand_written]
    sources = "".join(path.read_text(encoding="utf-8") for path in (ROOT / "docs").rglob("*.md"))
    for macro in hand_written:
        assert "{{ " + macro + "() }}" in sources


def test_a_part_page_gets_its_part_and_a_single_page_none():
    assert PageRequest("rounds/2025/", ("2025",)).part == "2025"
    assert PageRequest("issues/x/2025/", ("x", "2025")).part == "2025"
    assert PageRequest("rounds/").part is None


def test_one_edition_can_be_built_alone_and_its_pages_then_name_no_missing_twin(monkeypatch):
    from macros.render.page_table import ZH, twin_of
    from macros.site.page_files import built_languages

    english = generated_pages(FIXTURE, ("en",))
    chinese = generated_pages(FIXTURE, (ZH,))
    both = generated_pages(FIXTURE)
    assert english and chinese and len(english) + len(chinese) == len(both)
    assert all(not page.url.startswith("zh/") for page in english)
    assert all(page.url.startswith("zh/") for page in chinese)
    geneva = FAMILIES["round_page"]
    assert twin_of(geneva, ("2025-05-alpha",)) == (ZH, "zh/rounds/2025-05-alpha/")
    assert twin_of(geneva, ("2025-05-alpha",), ("en",)) is None
    monkeypatch.setenv("TTT_EDITION", "zh")
    assert built_languages() == (ZH,)
    monkeypatch.setenv("TTT_EDITION", "fr")
    import pytest
    from mkdocs.exceptions import PluginError

    with pytest.raises(PluginError, match="en, zh"):
        built_languages()
