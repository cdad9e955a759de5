"""Search by edition (macros/site/search_editions.py): the index split in two, and a Chinese page's
script config pointed at the edition's own index."""

from __future__ import annotations

import json

from macros.site.search_editions import edition_base, split_index


def test_the_index_is_split_by_edition_with_chinese_locations_relative_to_zh(tmp_path):
    (tmp_path / "search").mkdir()
    config = {"lang": ["en"], "separator": "[\\s]+", "pipeline": []}
    docs = [{"location": "rounds/a/", "title": "A", "text": "x"},
            {"location": "zh/rounds/a/#summary", "title": "概况", "text": "稀土\u200b出口管制"},
            {"location": "zh/", "title": "首页", "text": ""}]
    (tmp_path / "search" / "search_index.json").write_text(json.dumps({"config": config, "docs": docs}))
    assert split_index(tmp_path) == (1, 2)
    english = json.loads((tmp_path / "search" / "search_index.json").read_text())
    chinese = json.loads((tmp_path / "zh" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert [d["location"] for d in english["docs"]] == ["rounds/a/"]
    assert [d["location"] for d in chinese["docs"]] == ["rounds/a/#summary", ""]
    assert english["config"] == chinese["config"] == config


def test_no_index_no_split(tmp_path):
    assert split_index(tmp_path) is None


def test_a_chinese_pages_base_points_at_the_edition_and_an_english_one_is_unchanged():
    script = '<script id="__config" type="application/json">{"base": "../..", "features": []}</script>'
    assert '"base": "../../zh/"' in edition_base(script, "zh/rounds/a/")
    assert str(edition_base(script, "rounds/a/")) == script
    assert '"base": "./zh/"' in edition_base(script.replace("../..", "."), "zh/")


def test_jiebas_cache_is_the_users_own_not_the_shared_tmp(tmp_path, monkeypatch):
    """A dictionary cache in the shared /tmp is private to whoever wrote it first: another user's build
    then fails to replace it (found by CI's unprivileged runner). The cache goes in the user's cache."""
    import jieba

    from macros.site.search_editions import add_words
    from tests.test_page_table import FIXTURE

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(jieba.dt, "tmp_dir", None)
    add_words(FIXTURE)
    assert jieba.dt.tmp_dir == str(tmp_path / "trade-truce-tracker")
    assert (tmp_path / "trade-truce-tracker").is_dir()
