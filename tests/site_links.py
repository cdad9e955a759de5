"""Check every internal link and anchor of a built site (used by the build tests)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup


def _page_path(site: Path, url_path: str) -> Path | None:
    candidate = site / url_path.lstrip("/")
    if url_path.endswith("/") or url_path == "":
        candidate = candidate / "index.html"
    if candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


@cache
def _ids(path: Path) -> frozenset[str]:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return frozenset(tag["id"] for tag in soup.find_all(id=True))


def broken_links(site: Path) -> list[str]:
    """Every internal href in every page that points at a missing file or a missing anchor."""
    broken = []
    for page in sorted(site.rglob("*.html")):
        page_url = "/" + page.relative_to(site).as_posix()
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.find_all(["a", "link"], href=True):
            href = tag["href"]
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
                continue
            target_url = urljoin(page_url, parts.path) if parts.path else page_url
            target = _page_path(site, unquote(target_url))
            if target is None:
                broken.append(f"{page_url}: {href} → no such file")
                continue
            if parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in _ids(target):
                broken.append(f"{page_url}: {href} → no anchor #{parts.fragment}")
    return broken
