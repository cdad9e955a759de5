"""Held HTML: only heading lines the template source wrote reach Markdown; the rest comes back intact."""

from __future__ import annotations

import jinja2
import pytest

from macros.render.held import HEADING_MARK, HeldHtml, mark_headings, unmarkable_headings
from macros.render.jinja import _HeadingMarkingLoader


def test_heading_lines_are_marked_and_their_expressions_escaped():
    marked = mark_headings("## {{ round.title }}\ntext # not a heading\n### Plain")
    lines = marked.split("\n")
    assert lines[0] == HEADING_MARK + "## {{ (round.title)|heading }}"
    assert lines[1] == "text # not a heading"
    assert lines[2] == HEADING_MARK + "### Plain"


@pytest.mark.parametrize("source, lines", [
    ("  ## Indented", [1]),
    ("ok\n{% if x %}## After a tag", [2]),
    ("{{ x }} ### After an expression", [1]),
    ("<div>## After HTML", [1]),
    ("## Fine\n#hashtag\n{# a comment #}\ncolor: #fff", []),
])
def test_headings_that_cannot_be_marked_are_found_by_line(source, lines):
    assert unmarkable_headings(source) == lines


def test_a_template_with_an_unmarkable_heading_fails_loudly(tmp_path):
    (tmp_path / "bad.md.j2").write_text("<p>intro</p>\n  ## Hidden heading\n")
    env = jinja2.Environment(loader=_HeadingMarkingLoader(str(tmp_path)))
    with pytest.raises(jinja2.TemplateSyntaxError) as raised:
        env.get_template("bad.md.j2")
    assert raised.value.lineno == 2 and "must begin its line" in raised.value.message


def test_hold_keeps_marked_headings_and_restores_everything_else():
    held = HeldHtml()
    page = f"{HEADING_MARK}## Title\n<p>one</p>\n\n<div>two</div>\n{HEADING_MARK}### Sub\n<p>three</p>"
    markdown = held.hold("p", page)
    assert "## Title" in markdown and "### Sub" in markdown
    assert "<p>" not in markdown and "<div>" not in markdown
    html = markdown.replace("## Title", "<h2>Title</h2>").replace("### Sub", "<h3>Sub</h3>")
    restored = held.restore("p", html)
    for piece in ("<p>one</p>", "<div>two</div>", "<p>three</p>", "<h2>Title</h2>", "<h3>Sub</h3>"):
        assert piece in restored
    assert "ttt-block" not in restored and len(held) == 0
    assert held.restore("p", "<p>x</p><!--ttt-block-0-->") == "<p>x</p><!--ttt-block-0-->"
