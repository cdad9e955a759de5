"""The one escaping module: every output's escaper, in process."""

from __future__ import annotations

import csv
import io

import pytest

from macros.outputs.spreadsheets import table
from macros.render import safe


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "=HYPERLINK(\"http://x\")"])
def test_csv_cells_never_start_a_formula(value):
    cell = safe.csv_cell(value)
    assert cell == "'" + value


def test_csv_cells_keep_ordinary_values_and_numbers():
    assert safe.csv_cell("Geneva talks") == "Geneva talks"
    assert safe.csv_cell(34) == 34
    rows = list(csv.reader(io.StringIO(table(["a", "b"], [["=cmd|' /C calc'!A0", "ok"]]))))
    assert rows == [["a", "b"], ["'=cmd|' /C calc'!A0", "ok"]]


@pytest.mark.parametrize(("url", "expected"), [
    ("https://example.org/a?b=1", "https://example.org/a?b=1"),
    ("mailto:desk@example.org", "mailto:desk@example.org"),
    ("../rounds/x/", "../rounds/x/"),
    ("javascript:alert(1)", "#"),
    (" JaVaScRiPt:alert(1)", "#"),
    ("java\x00script:alert(1)", "#"),
    ("data:text/html,x", "#"),
    ("vbscript:x", "#"),
])
def test_link_targets_keep_only_allowed_schemes(url, expected):
    assert safe.safe_url(url) == expected


def test_markdown_is_sanitised_to_the_allow_list():
    html = str(safe.markdown_html("[a](https://e.org \"t\") **b** ![i](https://e.org/i.png)\n\n[c][x]\n\n"
                                  "[x]: javascript:alert(1)"))
    assert '<a href="https://e.org" title="t" rel="noopener noreferrer">a</a>' in html
    assert "<strong>b</strong>" in html and "<img" not in html and "javascript" not in html


def test_heading_text_escapes_markdown_and_html_but_not_character_references():
    assert str(safe.heading("a [b](c) {: x} <3 & 'q'")) == "a \\[b\\]\\(c\\) \\{: x\\} &lt;3 &amp; &#39;q&#39;"


def test_plain_text_loses_control_characters_only():
    assert safe.plain("a\x00b\x1bc\nd\te") == "abc\nd\te"


def test_theme_text_escapes_markup_and_keeps_quotes():
    assert safe.theme_text("Data & API <b> 'x'") == "Data &amp; API &lt;b&gt; 'x'"
