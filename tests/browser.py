"""Real-browser helpers: Debian's Chromium driven by Playwright, the built site on 127.0.0.1."""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")  # scripts/test.sh picks what the machine has
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a browser that cancels a request (a reload, a navigation) is not an error of the site


@contextmanager
def serve_directory(directory: Path) -> Iterator[str]:
    """Serve a folder on an ephemeral loopback port; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class PageWatch:
    """What a page did that a reader would suffer from: console errors, failures, foreign hosts."""

    base: str
    # Material's search worker builds its index from search_index.json on every page load, which
    # costs more CPU than the page itself; tests that do not search get an empty index.
    real_search: bool = False
    empty_search_index: str = ""
    console_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)

    def attach(self, page) -> None:
        local = urlsplit(self.base).netloc
        page.on("console", lambda msg: msg.type == "error" and self.console_errors.append(msg.text))
        page.on("pageerror", lambda err: self.console_errors.append(str(err)))
        # ERR_ABORTED is Chromium cancelling an in-flight request because the page navigated or
        # reloaded (e.g. the favicon during page.reload()); a missing file still shows as a 404.
        page.on(
            "requestfailed",
            lambda req: "ERR_ABORTED" not in (req.failure or "") and self.failed.append(f"{req.url} {req.failure}"),
        )
        page.on("response", lambda res: res.status >= 400 and self.failed.append(f"{res.url} {res.status}"))

        def guard(route) -> None:
            parts = urlsplit(route.request.url)
            if parts.scheme in ("http", "https", "ws", "wss") and parts.netloc != local:
                self.foreign.append(route.request.url)
                route.abort()
            elif self.empty_search_index and not self.real_search and parts.path.endswith("/search_index.json"):
                route.fulfill(content_type="application/json", body=self.empty_search_index)
            else:
                route.continue_()

        page.route("**/*", guard)

    def problems(self) -> list[str]:
        return self.console_errors + self.failed + [f"foreign request: {u}" for u in self.foreign]
