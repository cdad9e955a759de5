"""The site also builds with ProperDocs, the maintained MkDocs 1.x fork: the project's way forward."""

from __future__ import annotations

import os
import subprocess

from tests.conftest import ROOT


def test_properdocs_builds_the_same_site(tmp_path, real_build):
    site = tmp_path / "site"
    proc = subprocess.run([str(ROOT / ".venv" / "bin" / "properdocs"), "build", "--strict", "-f",
                           str(ROOT / "mkdocs.yml"), "-d", str(site)],
                          capture_output=True, text=True, cwd=ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert proc.returncode == 0, proc.stderr
    built = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file() and p.suffix != ".gz"}
    expected = {p.relative_to(real_build.site).as_posix() for p in real_build.site.rglob("*")
                if p.is_file() and p.suffix != ".gz"}
    assert built == expected
    for page in ("rounds/2025-09-madrid/index.html", "timeline/index.html", "api/v1/rounds.json"):
        assert (site / page).stat().st_size > 1000
    assert (site / "api/v1/rounds.json").read_text() == (real_build.site / "api/v1/rounds.json").read_text()
