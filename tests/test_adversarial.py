"""Hostile Markdown and HTML in every text field: refused with path:line:col, or inert after a full
build — never live. The corpus and the scanner are in tests/adversarial.py."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import shutil
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config
from pydantic import TypeAdapter, ValidationError

from macros.data.dataset import load_dataset
from macros.data.problems import DataError
from macros.data.records import Line, Markdown
from macros.render import pages
from macros.render.held import HeldHtml
from macros.render.jinja import Renderer
from macros.render.request import PageRequest
from tests.adversarial import LINE_PAYLOADS, MARKDOWN_PAYLOADS, MARKER, dangerous_url, scan_html, scan_site
from tests.conftest import FIXTURES, ROOT, make_project, run_build

TODAY = dt.date(2026, 1, 1)
SOURCE = {"url": "https://example.org/src", "publisher": "Example Wire", "title": "Example headline",
          "date": "2025-05-12"}
_MARKDOWN = TypeAdapter(Markdown)
_LINE = TypeAdapter(Line)


def accepted(adapter: TypeAdapter, value: str) -> bool:
    try:
        adapter.validate_python(value)
    except ValidationError:
        return False
    return True


ACCEPTED_MARKDOWN = {k: v for k, v in MARKDOWN_PAYLOADS.items() if accepted(_MARKDOWN, v)}
ACCEPTED_LINES = {k: v for k, v in LINE_PAYLOADS.items() if accepted(_LINE, v)}


def event(event_id: str, text: str, title: str = "A hostile event") -> dict:
    return {"id": event_id, "date": "2025-04-20", "kind": "statement", "side": "us", "title": title,
            "issues": ["widgets"], "text": text, "sources": [SOURCE]}


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data: object) -> bool:
        return True


def write(path: Path, value: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.dump(value, Dumper=_NoAliases, allow_unicode=True, sort_keys=False, width=1000)
    path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("name", sorted(MARKDOWN_PAYLOADS))
def test_each_markdown_payload_is_refused_with_a_position_or_accepted(tmp_path, name):
    shutil.copytree(FIXTURES / "valid" / "data", tmp_path / "data")
    write(tmp_path / "data" / "events" / "hostile.yaml", [event("2025-04-20-hostile", MARKDOWN_PAYLOADS[name])])
    try:
        load_dataset(tmp_path, TODAY)
    except DataError as err:
        errors = [str(p) for p in err.problems if p.severity == "error"]
        assert errors and all(re.match(r"data/events/hostile\.yaml:\d+:\d+: \[0\]\.text: .+", e) for e in errors)
        assert name not in ACCEPTED_MARKDOWN
    else:
        assert name in ACCEPTED_MARKDOWN


def test_the_corpus_covers_both_outcomes():
    assert len(ACCEPTED_MARKDOWN) >= 25, "most payloads should reach the renderer, where the real test is"
    assert len(MARKDOWN_PAYLOADS) - len(ACCEPTED_MARKDOWN) >= 8
    assert len(ACCEPTED_LINES) >= 6


def hostile_data(target: Path) -> None:
    """The valid fixture with every accepted payload in every kind of text field."""
    shutil.copytree(FIXTURES / "valid" / "data", target)
    payloads = list(ACCEPTED_MARKDOWN.values())
    joined = "\n\n".join(payloads)
    lines = list(ACCEPTED_LINES.values())
    line_source = [{**SOURCE, "publisher": line, "title": line, "note": line} for line in lines]
    events = [event(f"2025-04-20-hostile-{i}", text, lines[i % len(lines)]) for i, text in enumerate(payloads)]
    events.append(event("2025-04-21-hostile-all", joined, lines[0]) | {"sources": line_source})
    write(target / "events" / "hostile.yaml", events)
    rnd = yaml.safe_load((target / "rounds" / "2025-06-beta.yaml").read_text())
    rnd |= {
        "title": lines[-2], "summary": joined, "issues": ["widgets", "gadgets"],
        "tensions": [{"text": p, "issues": ["widgets"], "sources": [SOURCE]} for p in payloads],
        "expectations": [{"text": p, "by": lines[i % len(lines)], "sources": [SOURCE], "result": "met",
                          "result_note": p} for i, p in enumerate(payloads)],
        "outcomes": [{"text": p, "issues": ["widgets"], "sources": line_source} for p in payloads],
        "disputes": [{"about": lines[1], "accounts": [{"text": p, "sources": [SOURCE]} for p in payloads]}],
    }
    rnd["location"] = {"city": lines[2], "country": lines[3], "venue": lines[4]}
    write(target / "rounds" / "2025-06-beta.yaml", rnd)
    issue = yaml.safe_load((target / "issues" / "gadgets.yaml").read_text())
    issue |= {"title": lines[-1], "aliases": lines, "summary": joined}
    issue["status"] |= {"text": joined}
    write(target / "issues" / "gadgets.yaml", issue)
    deadlines = yaml.safe_load((target / "deadlines" / "chain.yaml").read_text())
    deadlines[1] |= {"title": lines[1], "text": joined, "outcome": joined}
    write(target / "deadlines" / "chain.yaml", deadlines)
    people = yaml.safe_load((target / "people" / "all.yaml").read_text())
    people[0]["roles"][0]["title"] = lines[2]
    write(target / "people" / "all.yaml", people)
    tariffs = yaml.safe_load((target / "tariffs" / "headline.yaml").read_text())
    tariffs[0] |= {"basis": joined, "sources": line_source}
    write(target / "tariffs" / "headline.yaml", tariffs)
    measures = yaml.safe_load((target / "measures" / "widgets.yaml").read_text())
    measures[0] |= {"title": lines[3], "legal_basis": lines[4], "summary": joined}
    measures[0]["states"][1] |= {"note": lines[5], "sources": line_source}
    write(target / "measures" / "widgets.yaml", measures)
    commitments = yaml.safe_load((target / "commitments" / "2025-05-alpha.yaml").read_text())
    commitments[0] |= {"text": joined, "status_note": joined}
    write(target / "commitments" / "2025-05-alpha.yaml", commitments)
    write(target / "gaps" / "hostile.yaml", [{"id": "hostile", "title": lines[0], "issues": ["widgets"],
                                              "text": joined, "checked": "2025-05-12"}])


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    hostile_data(tmp / "data")
    build = run_build(make_project(tmp, tmp / "data"), tmp / "site", {"TTT_TODAY": "2026-01-01"})
    assert build.returncode == 0, build.stderr[-3000:]
    return build


def test_a_full_build_of_every_payload_in_every_field_has_nothing_live(hostile_build):
    pages_built = list(hostile_build.site.rglob("*.html"))
    assert len(pages_built) > 20
    assert [str(f) for f in scan_site(hostile_build.site)] == []


def test_the_payloads_reach_the_pages_as_text(hostile_build):
    """Inert, not dropped: the markers of accepted payloads are on the pages as text."""
    seen = set()
    for path in hostile_build.site.rglob("*.html"):
        seen |= set(MARKER.findall(path.read_text(encoding="utf-8")))
    expected = {m for text in (*ACCEPTED_MARKDOWN.values(), *ACCEPTED_LINES.values()) for m in MARKER.findall(text)}
    # A reference definition is consumed by the data renderer and its link dropped by the
    # sanitiser; those markers may vanish, every other one must be visible.
    consumed = {m for name, text in ACCEPTED_MARKDOWN.items() if "]:" in text for m in MARKER.findall(text)}
    assert expected - consumed <= seen


def test_titles_and_tags_handed_to_the_theme_read_exactly_as_written(hostile_build):
    """The theme's templates do not autoescape: titles and tag names reach them escaped, so the
    browser shows the data's text exactly, and nothing in it becomes markup."""
    from bs4 import BeautifulSoup

    lines = list(ACCEPTED_LINES.values())
    round_page = (hostile_build.site / "rounds" / "2025-06-beta" / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(round_page, "html5lib")  # parses <title> as browsers do
    assert soup.title.get_text() == f"{lines[-2]} - Trade Truce Tracker"
    assert [t.get_text() for t in soup.select(".md-tag")] == ["Widgets", lines[-1]]  # the round's order
    assert soup.head.find("script", string=MARKER) is None


def test_the_scanner_finds_what_the_old_renderer_let_through():
    """The scanner is not blind: the markup the stored-script hole produced is reported."""
    leaked = ('<h1 id="x" onclick="alert(2)">x</h1><a href=" JaVa&#09;script:alert(1)">a</a>'
              "<script>alert('XSS01')</script><iframe src=x></iframe>")
    assert len(scan_html(leaked)) == 4
    assert dangerous_url("java\nscript:x") and dangerous_url("DATA:text/html,x") and not dangerous_url("https://x")


# --- composed payloads, through the same pipeline in process -------------------------------------



def _site_markdown() -> markdown.Markdown:
    """Markdown as the site's MkDocs runs it: mkdocs.yml's extensions with MkDocs' built-ins, so a
    new extension in the config is under test without anyone editing a list here."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    return markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)


_MKDOCS_MARKDOWN = _site_markdown()
PIECES = [
    "[x]: javascript:alert('XSS90')", "[click][x]", "![i][x]", "    ", "```", "> ", "- ", "1. ", "| a | b |",
    "|---|---|", "{: onclick=alert('XSS91') }", "# XSS92", "===", "---", "!!! note", "[t](https://e.org)",
    "&#106;avascript:", "java\tscript:", "&lt;!--ttt-block-0--&gt;", "`code`", "*em*", "\\", "text XSS93",
    "[x]: data:text/html,XSS94", "[x]: https://e.org \"a\\\" onmouseover=alert('XSS95')\"",
]


@pytest.fixture(scope="module")
def fixture_data():
    return load_dataset(FIXTURES / "valid", TODAY)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(["", "\n", "\n\n", " ", "\n    "])),
                min_size=1, max_size=12))
def test_composed_markdown_is_refused_or_inert_in_a_page(fixture_data, parts):
    text = "".join(piece + sep for piece, sep in parts).strip() or "x"
    if not accepted(_MARKDOWN, text):
        return
    issue = fixture_data.issues[0].model_copy(update={"summary": _MARKDOWN.validate_python(text)})
    data = dataclasses.replace(fixture_data, issues=(issue, *fixture_data.issues[1:]))
    held = HeldHtml()
    page_url = f"issues/{issue.id}/"
    page_markdown = pages.issue_page(Renderer(data, held), PageRequest(page_url, (issue.id,)))
    html = held.restore(page_url, _MKDOCS_MARKDOWN.reset().convert(page_markdown))
    assert [str(f) for f in scan_html(html)] == []
