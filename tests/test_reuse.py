"""`mkdocs serve --dirty` keeps the output of pages that did not change, and what it serves is
exactly what rendering every page would serve (macros/site/reuse.py)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

from macros.site.reuse import OutputReuse
from tests.conftest import FIXTURES, ROOT, make_project

DRIVER = ROOT / "tests" / "serve_builds.py"
ROUND = "data/rounds/2025-06-beta.yaml"
NEW_ROUND = "data/rounds/2025-07-gamma.yaml"
COMMITMENTS = "data/commitments/2025-05-alpha.yaml"
DEADLINES = "data/deadlines/chain.yaml"


def serve_builds(project: Path, site: Path, steps: list[dict], clean: bool = False) -> list[dict]:
    steps_file = site.parent / f"{site.name}-steps.json"
    steps_file.write_text(json.dumps(steps), encoding="utf-8")
    proc = subprocess.run([sys.executable, str(DRIVER), str(project), str(site), str(steps_file),
                           *(["--clean"] if clean else [])],
                          capture_output=True, text=True, timeout=600, cwd=ROOT,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 0, proc.stderr[-3000:]
    return [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]


def rewritten(before: dict, after: dict) -> set[str]:
    return {page for page, (mtime, _sha) in after["pages"].items() if before["pages"].get(page, [None])[0] != mtime}


def test_dirty_serve_renders_only_changed_pages_and_serves_what_a_full_render_would(tmp_path):
    project = make_project(tmp_path, FIXTURES / "valid" / "data")
    beta = (project / ROUND).read_text(encoding="utf-8")
    gamma = (beta.replace("2025-06-beta", "2025-07-gamma").replace("Beta meeting", "Gamma meeting")
             .replace('"2025-06-09"', '"2025-07-09"').replace('"2025-06-10"', '"2025-07-10"'))
    template = (project / "overrides" / "main.html").read_text(encoding="utf-8")
    steps = [
        {"write": {ROUND: beta.replace("title: Beta meeting", "title: Beta meeting, revised")}},
        {"write": {"overrides/main.html": template + "\n{# a template edit #}\n"}},
        {"write": {NEW_ROUND: gamma}},
        {"delete": NEW_ROUND},
    ]
    builds = serve_builds(project, tmp_path / "served", steps)
    assert [b["ok"] for b in builds] == [True] * 5
    first, edited, template_edit, added, deleted = builds
    everything = set(first["pages"])

    changed = rewritten(first, edited)
    assert "rounds/2025-06-beta/index.html" in changed
    assert "Beta meeting, revised" in (tmp_path / "served" / "rounds/2025-06-beta/index.html").read_text()
    # Pages that do not show the round keep their output; pages that list it are rendered again.
    assert "measures/us-widget-tariff/index.html" not in changed
    assert "timeline/2025-q3/index.html" not in changed
    assert {"rounds/index.html", "timeline/2025-q2/index.html", "people/ann-us/index.html"} <= changed
    assert len(everything - changed) >= 10
    # Only pages whose Markdown (headings and placeholders) changed are converted again.
    assert first["converted"] >= 30
    assert 1 <= edited["converted"] <= 10

    assert rewritten(edited, template_edit) == everything  # the theme changed: every page again

    assert "rounds/2025-07-gamma/index.html" in added["pages"]
    assert "rounds/2025-07-gamma/index.html" not in deleted["pages"]  # a page gone leaves no output

    # The served site after all edits is byte for byte what rendering every page gives.
    fresh = serve_builds(project, tmp_path / "fresh", [], clean=True)[0]
    assert {page: sha for page, (_mtime, sha) in deleted["pages"].items()} == \
           {page: sha for page, (_mtime, sha) in fresh["pages"].items()}


def test_an_edit_of_words_writes_again_only_the_pages_that_show_them(tmp_path):
    """A title, a name, a text changed: the preview writes again only the generated pages that show
    the record, and after each edit serves exactly what a full render of that data serves."""
    project = make_project(tmp_path, FIXTURES / "valid" / "data")
    read = lambda path: (project / path).read_text(encoding="utf-8")  # noqa: E731
    events, people, issue, measures = (read("data/events/2025.yaml"), read("data/people/all.yaml"),
                                       read("data/issues/widgets.yaml"), read("data/measures/widgets.yaml"))
    commitments, deadlines = read(COMMITMENTS), read(DEADLINES)
    steps = [
        {"write": {ROUND: read(ROUND).replace("title: Beta meeting", "title: Beta meeting, renamed")}},
        {"write": {"data/events/2025.yaml": events.replace("text: Up to 34%.", "text: Up to 34%, it said.")}},
        {"write": {"data/people/all.yaml": people.replace("name: Ann Example", "name: Ann Q. Example")}},
        {"write": {"data/issues/widgets.yaml": issue.replace("title: Widgets", "title: Widgets and parts")}},
        {"write": {"data/measures/widgets.yaml": measures.replace("title: U.S. tariff on widgets",
                                                                  "title: U.S. tariff on all widgets")}},
        {"write": {COMMITMENTS: commitments.replace("text: Suspend the gadget export controls.",
                                                    "text: Suspend every gadget export control.")}},
        {"write": {DEADLINES: deadlines.replace("title: Truce ends\n", "title: The truce ends\n", 1)}},
    ]
    builds = serve_builds(project, tmp_path / "served", steps)
    assert [b["ok"] for b in builds] == [True] * (len(steps) + 1)
    generated = builds[0]["written"]
    assert generated >= 30
    assert all(0 < b["written"] < generated for b in builds[1:]), [b["written"] for b in builds]
    assert builds[1]["written"] < generated - 10  # a round's title: its pages and lists, not every page
    for step in (1, 3, len(steps)):  # what a full render of the data as of that edit serves
        data = tmp_path / f"data-{step}" / "data"
        shutil.copytree(FIXTURES / "valid" / "data", data)
        for edit in steps[:step]:
            for relative, text in edit["write"].items():
                (data.parent / relative).write_text(text, encoding="utf-8")
        full = make_project(tmp_path / f"full-{step}", data)
        fresh = serve_builds(full, tmp_path / f"fresh-{step}", [], clean=True)[0]
        assert {p: sha for p, (_m, sha) in builds[step]["pages"].items()} == \
               {p: sha for p, (_m, sha) in fresh["pages"].items()}, f"after edit {step}"


def _file(uri: str, dest: str, content: str) -> SimpleNamespace:
    page = SimpleNamespace(url=uri, title="T", edit_url=None, canonical_url=None, meta={"search": {"exclude": True}},
                           toc=[], content=content)
    return SimpleNamespace(src_uri=uri, abs_dest_path=dest, page=page)


def test_a_failed_build_forgets_and_a_page_asked_before_it_is_read_is_changed(tmp_path):
    output = tmp_path / "a.html"
    output.write_text("x")
    reuse = OutputReuse(shared="s")
    page = _file("a.md", str(output), "<p>a</p>")
    assert reuse.changed(page)  # no previous build
    reuse.finish()
    reuse.shared = "s"
    assert not reuse.changed(page)  # same fingerprint, output on disk
    unread = _file("a.md", str(output), "<p>a</p>")
    unread.page.content = None
    assert reuse.changed(unread)  # MkDocs asks before reading the page: always read it
    reuse.forget()
    reuse.shared = "s"
    assert reuse.changed(page)
    output.unlink()
    reuse.finish()
    reuse.shared = "s"
    assert reuse.changed(page)  # the output is gone: render it again


def test_searchable_pages_are_always_rendered(tmp_path):
    output = tmp_path / "a.html"
    output.write_text("x")
    reuse = OutputReuse(shared="s")
    page = _file("a.md", str(output), "<p>a</p>")
    page.page.meta = {}
    reuse.changed(page)
    reuse.finish()
    reuse.shared = "s"
    assert reuse.changed(page)
