"""Check every internal link and anchor of a built site (used by the build tests).

Each page is parsed once, with lexbor (selectolax), an HTML5 parser written in C: its ids and
its links are collected in the same pass, then every link is resolved against them.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser


def _page_path(site: Path, url_path: str) -> Path | None:
    candidate = site / url_path.lstrip("/")
    if url_path.endswith("/") or url_path == "":
        candidate = candidate / "index.html"
    if candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def _parse(page: Path) -> tuple[frozenset[str], list[str]]:
    tree = LexborHTMLParser(page.read_bytes())
    ids = frozenset(node.attributes["id"] or "" for node in tree.css("[id]"))
    links = [node.attributes["href"] or "" for node in tree.css("a[href], link[href]")]
    return ids, links


def broken_links(site: Path, skip: tuple[str, ...] = ()) -> list[str]:
    """Every internal href in every page that points at a missing file or a missing anchor (but not
    those into the site paths in `skip`, e.g. '/zh/' of a build of the English edition alone)."""
    pages = {page.resolve(): _parse(page) for page in sorted(site.rglob("*.html"))}
    broken = []
    for page, (_, links) in pages.items():
        page_url = "/" + page.relative_to(site.resolve()).as_posix()
        for href in links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
                continue
            target_url = urljoin(page_url, parts.path) if parts.path else page_url
            if target_url.startswith(skip):
                continue
            target = _page_path(site, unquote(target_url))
            if target is None:
                broken.append(f"{page_url}: {href} → no such file")
                continue
            target = target.resolve()
            if parts.fragment and target.suffix == ".html":
                ids = pages[target][0] if target in pages else _parse(target)[0]
                if unquote(parts.fragment) not in ids:
                    broken.append(f"{page_url}: {href} → no anchor #{parts.fragment}")
    return broken
