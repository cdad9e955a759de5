"""Run the builds `mkdocs serve` runs, in one process, and report what each wrote (for test_reuse.py).

    python tests/serve_builds.py PROJECT SITE STEPS.json [--clean]

STEPS is a list of edits; before the first edit and after each one the site is built into SITE as
`mkdocs serve --dirty` builds it (or, with --clean, as `mkdocs serve` does: every page rendered).
An edit is {"write": {relative path: text}} or {"delete": relative path}. Prints one JSON line per
build: {"ok": bool, "pages": {html path: [mtime_ns, sha256]}, "converted": pages whose Markdown was
converted (not taken from the previous build), or null when every page is, "written": generated
pages whose Markdown was written again (the rest kept it from the previous build)}.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

SERVE_URL = "http://127.0.0.1:8000/"


def snapshot(site: Path) -> dict[str, list]:
    return {path.relative_to(site).as_posix(): [path.stat().st_mtime_ns, hashlib.sha256(path.read_bytes()).hexdigest()]
            for path in sorted(site.rglob("*.html"))}


def serve_build(project: Path, site: Path, dirty: bool, first: bool) -> bool:
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site))
    config.site_url = SERVE_URL
    if first:  # MkDocs' serve command starts the plugins of its first configuration only
        config.plugins.on_startup(command="serve", dirty=dirty)
    try:
        build(config, serve_url=SERVE_URL, dirty=dirty)
    except Exception:  # a failed build is a result here, as under `mkdocs serve`
        return False
    return True


def main(argv: list[str]) -> int:
    project, site, steps_file = Path(argv[0]), Path(argv[1]), Path(argv[2])
    dirty = "--clean" not in argv
    steps = json.loads(steps_file.read_text(encoding="utf-8"))
    os.chdir(project)
    for index in range(len(steps) + 1):
        if index:
            step = steps[index - 1]
            for relative, text in step.get("write", {}).items():
                (project / relative).write_text(text, encoding="utf-8")
            if "delete" in step:
                (project / step["delete"]).unlink()
        ok = serve_build(project, site, dirty, first=index == 0)
        from macros.site.state import session  # the hook's, once MkDocs has loaded it

        converted = session.reuse.converted if session.reuse is not None else None
        written = session.markdown_reuse.written if session.markdown_reuse is not None else None
        print(json.dumps({"ok": ok, "pages": snapshot(site), "converted": converted, "written": written}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
