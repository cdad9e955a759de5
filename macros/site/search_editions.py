"""Search by edition: an index for the English pages and one for the Chinese edition (zh/).

Material's search plugin writes one index of every page, with Chinese run through jieba (so 出口管制
is found as a word and not as four characters). After it has written the index, this splits it in
two: English readers download only the English pages, Chinese readers only the Chinese ones, and a
query in either language finds pages in the reader's own edition. A Chinese page's script config
points its `base` at zh/, where Material's search looks for the index and resolves the results.

The glossary's Chinese terms and the people's Chinese names are words to the segmenter, so that a
term the data renders one way (出口管制, 国际紧急经济权力法, 何立峰) is indexed whole, as a reader types it.
"""

from __future__ import annotations

import json
import logging
import os
import re
import tempfile
from pathlib import Path

from markupsafe import Markup

from macros.data.dataset import Dataset
from macros.views import routes

INDEX = Path("search") / "search_index.json"
EDITION = routes.ZH  # "zh/"
_CONFIG_BASE = re.compile(r'("base":\s*")([^"]*)(")')


def add_words(data: Dataset) -> int:
    """Tell jieba the data's own Chinese words; returns how many. (No-op without jieba.)"""
    try:
        import jieba
    except ImportError:  # the site builds without it, with character-by-character Chinese search
        return 0
    jieba.setLogLevel(logging.WARNING)  # not "Building prefix dict…" on every build
    jieba.dt.tmp_dir = str(_cache_dir())
    words = {term.zh for term in data.glossary} | {person.name_zh for person in data.people if person.name_zh}
    for word in sorted(words):
        jieba.add_word(word, freq=None)
    return len(words)


def _cache_dir() -> Path:
    """Where jieba keeps its dictionary cache: the user's own cache folder. Its default, the shared
    /tmp/jieba.cache, is private to whoever wrote it first, and every other user's build would try
    (and fail, with a traceback) to replace it."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "trade-truce-tracker"
    try:
        base.mkdir(parents=True, exist_ok=True)
    except OSError:  # no writable home: a folder of this process's own
        base = Path(tempfile.mkdtemp(prefix="ttt-jieba-"))
    return base


def split_index(site_dir: Path) -> tuple[int, int] | None:
    """Split the built index into the English one and the Chinese edition's (locations made relative
    to zh/). Returns (English entries, Chinese entries), or None if no index was written."""
    path = site_dir / INDEX
    if not path.is_file():
        return None
    index = json.loads(path.read_text(encoding="utf-8"))
    english = [doc for doc in index["docs"] if not doc["location"].startswith(EDITION)]
    chinese = [{**doc, "location": doc["location"][len(EDITION):]} for doc in index["docs"]
               if doc["location"].startswith(EDITION)]
    _write(path, {**index, "docs": english})
    _write(site_dir / EDITION / INDEX, {**index, "docs": chinese})
    return len(english), len(chinese)


def _write(path: Path, index: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(index, separators=(",", ":"), ensure_ascii=False), encoding="utf-8")


def edition_base(config_script: str, page_url: str) -> Markup:
    """The theme's script config, with `base` pointing at zh/ on a page of the Chinese edition (the
    search index and its results are then the edition's). Unchanged on an English page."""
    if not page_url.startswith(EDITION):
        return Markup(config_script)

    def to_edition(match: re.Match[str]) -> str:
        base = match.group(2).rstrip("/")
        # With its trailing slash: the bundle resolves "search/search_index.json" against it.
        return f"{match.group(1)}{base + '/' if base else ''}{EDITION}{match.group(3)}"

    return Markup(_CONFIG_BASE.sub(to_edition, str(config_script), count=1))
