"""`mkdocs serve` on data edits: reloads, shows a data error on the page and in the terminal
without a traceback, keeps running, and recovers when the file is fixed."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

from tests.conftest import FIXTURES, make_project


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(url: str, condition, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    last = ""
    while time.monotonic() < deadline:
        try:
            last = fetch(url)
            if condition(last):
                return last
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {url}")


def test_serve_reloads_reports_errors_and_recovers(tmp_path):
    project = make_project(tmp_path, FIXTURES / "valid" / "data")
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    # As scripts/serve.sh serves: --dirty keeps the output of unchanged pages (macros/site/reuse.py).
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
                              cwd=project, stdout=log, stderr=subprocess.STDOUT,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    page = f"http://127.0.0.1:{port}/rounds/2025-05-alpha/"
    round_file = project / "data" / "rounds" / "2025-05-alpha.yaml"
    original = round_file.read_text()
    try:
        wait_for(page, lambda html: "Alpha talks" in html)
        round_file.write_text(original.replace("title: Alpha talks", "title: Alpha talks, revised"))
        wait_for(page, lambda html: "Alpha talks, revised" in html)

        round_file.write_text(original.replace("person: ann-us, role", "person: an-us, role"))
        html = wait_for(page, lambda html: "ttt-serve-errors" in html)
        assert "delegations.us[0].person: unknown person &#39;an-us&#39; — did you mean &#39;ann-us&#39;?" in html
        assert server.poll() is None

        shutil.copy2(FIXTURES / "valid" / "data" / "rounds" / "2025-05-alpha.yaml", round_file)
        wait_for(page, lambda html: "ttt-serve-errors" not in html and "Alpha talks" in html)
        assert server.poll() is None
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()
    output = (tmp_path / "serve.log").read_text()
    assert "data/rounds/2025-05-alpha.yaml:9:17: delegations.us[0].person: unknown person 'an-us'" in output
    assert "Traceback" not in output
