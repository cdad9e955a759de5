"""The Chinese in the data (macros/data/translation_checks.py): the glossary's pattern, the list of
records still without Chinese, and links that end a Chinese sentence."""

from __future__ import annotations

from pydantic import TypeAdapter

from macros.data.load import load_data
from macros.data.records import GlossaryTerm, Markdown
from macros.data.translation_checks import _term_pattern, missing_translations
from tests.conftest import FIXTURES


def test_a_glossary_term_matches_whole_words_singular_or_plural():
    source = {"url": "https://example.org/a", "publisher": "Example", "title": "T", "date": "2026-01-01"}
    pattern = _term_pattern(GlossaryTerm(id="tariff", en="tariff", zh="关税", sources=[source]))
    assert pattern.search("the tariffs rose") and pattern.search("A tariff.") and pattern.search("Tariff")
    assert not pattern.search("tariff-free goods") and not pattern.search("tariffication")


def test_records_without_chinese_are_listed_as_notes_with_their_place():
    notes = missing_translations(load_data(FIXTURES / "valid" / "data", FIXTURES / "valid"))
    assert notes and all(note.severity == "note" for note in notes)
    rounds = [note for note in notes if note.path.startswith("data/rounds/")]
    assert {(note.field, note.message) for note in rounds} >= {("title", "no Chinese beside 'title' yet")}
    assert all(note.line >= 1 and note.col >= 1 for note in notes)


def test_a_record_link_may_end_a_chinese_sentence():
    text = TypeAdapter(Markdown).validate_python("框架[另作一条事件记录](event:2025-06-01-a)。")
    assert text.endswith("。")


def test_a_record_link_may_run_on_into_chinese_and_a_hostile_one_is_still_refused():
    import pytest

    adapter = TypeAdapter(Markdown)
    assert adapter.validate_python("见[第八轮](round:2026-09-new-york)的记录").endswith("的记录")
    with pytest.raises(ValueError):
        adapter.validate_python("见[此处](javascript:alert(1))的记录")
