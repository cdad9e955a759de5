"""Under `mkdocs serve --dirty`: keep the output of pages that did not change since the previous
build instead of rendering them through the theme again, and reuse Markdown conversions.

MkDocs' own dirty build compares file times, which says nothing about pages made from data (they
have no source file) or hand-written pages whose macros read the data. Here every page is still
read and converted (so macros, tags and links see the whole site), but a page is written only when
its fingerprint changed: its HTML content, title, metadata, table of contents and links, together
with what every page shares (the navigation, mkdocs.yml and the theme's files). Any change to the
shared part rebuilds every page. A full `mkdocs build` never uses this.

The Markdown MkDocs converts is small for generated pages (their headings and placeholders for
held HTML, see macros/render/held.py), so the same Markdown at the same place converts to the same
HTML: a page whose Markdown did not change takes its previous conversion, as long as the set of
pages (which relative links resolve against) and mkdocs.yml (the Markdown extensions) are the same.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page


def _digest(parts: Iterable[str]) -> str:
    hasher = hashlib.blake2b(digest_size=16)
    for part in parts:
        hasher.update(part.encode("utf-8", "surrogatepass"))
        hasher.update(b"\x00")
    return hasher.hexdigest()


def _toc_lines(items: Iterable[Any], depth: int = 0) -> Iterable[str]:
    for item in items:
        yield f"{depth}:{item.level}:{item.id}:{item.title}"
        yield from _toc_lines(item.children, depth + 1)


def _nav_lines(items: Iterable[Any], depth: int = 0) -> Iterable[str]:
    for item in items:
        yield f"{depth}:{type(item).__name__}:{item.title}:{getattr(item, 'url', '')}"
        yield from _nav_lines(getattr(item, "children", None) or [], depth + 1)


def _tree_lines(folders: Iterable[str]) -> Iterable[str]:
    """Name, size and modification time of every file under the theme's folders (cheap to read,
    and any edit to a template changes it)."""
    for folder in folders:
        for parent, _dirs, names in os.walk(folder):
            for name in sorted(names):
                path = os.path.join(parent, name)
                try:
                    stat = os.stat(path)
                except OSError:
                    continue
                yield f"{path}:{stat.st_size}:{stat.st_mtime_ns}"


def page_fingerprint(page: Page) -> str:
    """Everything of one page that the theme renders and that can differ between builds."""
    return _digest([
        page.url,
        page.title or "",
        page.edit_url or "",
        page.canonical_url or "",
        json.dumps(page.meta, sort_keys=True, default=str),
        *_toc_lines(page.toc),
        page.content or "",
    ])


def shared_fingerprint(nav: Navigation, config_text: str, theme_dirs: Iterable[str]) -> str:
    """What every page shows or is rendered with: the navigation, the configuration, the theme."""
    return _digest([*_nav_lines(nav.items), config_text, *_tree_lines(theme_dirs)])


@dataclass(frozen=True)
class Conversion:
    """What `Page.render` computes from a page's Markdown (links to anchors kept by page path)."""

    content: str
    toc: Any
    title: str | None
    anchors: frozenset[str]
    links: dict[str, dict[str, str]] | None


def _capture(page: Page) -> Conversion:
    links = None
    if page.links_to_anchors is not None:
        links = {file.src_uri: dict(anchors) for file, anchors in page.links_to_anchors.items()}
    return Conversion(page.content or "", page.toc, page._title_from_render, frozenset(page.present_anchor_ids or ()),
                      links)


def _apply(page: Page, conversion: Conversion, files: Files) -> bool:
    links = None
    if conversion.links is not None:
        links = {}
        for src_uri, anchors in conversion.links.items():
            target = files.get_file_from_path(src_uri)
            if target is None:
                return False
            links[target] = dict(anchors)
    page.content, page.toc, page._title_from_render = conversion.content, conversion.toc, conversion.title
    page.present_anchor_ids = set(conversion.anchors)
    page.links_to_anchors = links
    return True


@dataclass
class OutputReuse:
    """Fingerprints of the last good build's pages, and which pages this build may leave alone."""

    previous: dict[str, tuple[str, str]] = field(default_factory=dict)  # src_uri → (fingerprint, output path)
    previous_shared: str | None = None
    current: dict[str, tuple[str, str]] = field(default_factory=dict)
    shared: str | None = None
    reused: int = 0
    search: bool = True
    conversions: dict[tuple[str, str], Conversion] = field(default_factory=dict)  # (page, Markdown digest) →
    previous_conversions: dict[tuple[str, str], Conversion] = field(default_factory=dict)
    conversion_key: str | None = None
    previous_conversion_key: str | None = None
    converted: int = 0

    def start(self, files: Files, nav: Navigation, config_file: str | None, theme_dirs: Iterable[str],
              search: bool = True) -> None:
        """Called once the navigation is known: every page's file asks this object whether it changed.
        With `search`, pages in the search index are always rendered (the index is rebuilt whole)."""
        self.current, self.reused, self.search = {}, 0, search
        self.conversions, self.converted = {}, 0
        config_text = Path(config_file).read_text(encoding="utf-8") if config_file else ""
        self.shared = shared_fingerprint(nav, config_text, theme_dirs)
        pages = files.documentation_pages()
        self.conversion_key = _digest([config_text, *sorted(file.src_uri for file in pages)])
        for file in pages:
            file.is_modified = partial(self.changed, file)  # type: ignore[method-assign]

    def reuse_conversion(self, page: Page) -> None:
        """Called before MkDocs reads the page: its Markdown conversion is looked up first."""
        convert = page.render

        def render(config: Any, files: Files) -> None:
            key = (page.file.src_uri, _digest([page.markdown or ""]))
            known = self.previous_conversions.get(key) if self.conversion_key == self.previous_conversion_key else None
            if known is None or not _apply(page, known, files):
                convert(config, files)
                self.converted += 1
                known = _capture(page)
            self.conversions[key] = known

        page.render = render  # type: ignore[method-assign]

    def changed(self, file: File) -> bool:
        page = file.page
        # MkDocs asks twice: before reading the page (no content yet: always read it) and before
        # rendering it through the theme (the content is final: compare fingerprints).
        if page is None or page.content is None:
            return True
        if self.search and not (page.meta.get("search") or {}).get("exclude"):
            return True
        fingerprint = page_fingerprint(page)
        self.current[file.src_uri] = (fingerprint, file.abs_dest_path)
        before = self.previous.get(file.src_uri)
        unchanged = (self.shared == self.previous_shared and before is not None and before[0] == fingerprint
                     and os.path.isfile(file.abs_dest_path))
        self.reused += unchanged
        return not unchanged

    def finish(self) -> list[str]:
        """After a build that completed: remember its fingerprints and delete the output of pages that
        no longer exist. Returns the deleted paths."""
        removed = []
        written = {path for _fingerprint, path in self.current.values()}
        for src_uri, (_fingerprint, output) in self.previous.items():
            if src_uri not in self.current and output not in written and os.path.isfile(output):
                os.remove(output)
                removed.append(output)
        self.previous, self.previous_shared = self.current, self.shared
        self.previous_conversions, self.previous_conversion_key = self.conversions, self.conversion_key
        self.current, self.conversions = {}, {}
        return removed

    def forget(self) -> None:
        """After a failed build: what is on disk is uncertain, so the next build renders every page."""
        self.previous, self.previous_shared, self.current = {}, None, {}
        self.previous_conversions, self.previous_conversion_key, self.conversions = {}, None, {}
