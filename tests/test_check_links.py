"""The weekly source-link check finds dead links on a local server and suggests archived copies."""

from __future__ import annotations

import http.server
import shutil
import subprocess
import sys
import threading

from tests.conftest import FIXTURES, ROOT


class Handler(http.server.BaseHTTPRequestHandler):
    def do_HEAD(self):
        self.send_response(200 if self.path == "/alive" else 404)
        self.end_headers()

    do_GET = do_HEAD

    def log_message(self, *args):
        pass


def test_dead_links_are_reported_with_an_archive_suggestion(tmp_path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        shutil.copytree(FIXTURES / "valid" / "data", tmp_path / "data")
        for path in (tmp_path / "data").rglob("*.yaml"):
            text = path.read_text().replace("https://example.org/src", f"{base}/alive")
            path.write_text(text.replace("https://example.org/", f"{base}/gone-"))
        summary = tmp_path / "summary.md"
        proc = subprocess.run([sys.executable, "scripts/check_links.py", "--root", str(tmp_path), "--github",
                               "--summary", str(summary), "--timeout", "5"], capture_output=True, text=True, cwd=ROOT)
    finally:
        server.shutdown()
    assert proc.returncode == 0, proc.stderr  # reports, never fails
    assert "3 source links checked, 2 dead." in proc.stdout
    assert f"::warning title=Dead source link::{base}/gone-preview (404)" in proc.stdout
    assert f"https://web.archive.org/web/2026/{base}/gone-js" in proc.stdout
    assert "## Source links" in summary.read_text()
