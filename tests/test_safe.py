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


def test_table_cells_are_labelled_with_their_column_heading():
    from macros.render.tables import column_names, label_cells

    html = ('<p>x</p><table><thead><tr><th scope="col">Side</th><th scope="col"><abbr>n</abbr> &amp; more</th>'
            '</tr></thead><tbody><tr><th scope="row"><a href="#">U.S.</a></th><td>3</td></tr>'
            '<tr><td data-label="Own">a</td><td>b</td><td>extra</td></tr></tbody></table><table><tr><td>no head</td>'
            '</tr></table>')
    assert column_names(html) == ["Side", "n & more"]
    labelled = label_cells(html)
    assert '<th data-label="Side" scope="row"><a href="#">U.S.</a></th><td data-label="n &amp; more">3</td>' in labelled
    assert '<td data-label="Own">a</td><td data-label="n &amp; more">b</td><td>extra</td>' in labelled
    assert labelled.endswith("<table><tr><td>no head</td></tr></table>")
    assert '<thead><tr><th scope="col">Side</th>' in labelled  # headings themselves are untouched


def test_record_links_in_data_markdown_name_the_record_and_point_where_it_is_shown(real_dataset):
    from macros.render.record_links import ROOT, RecordLinks, rebase
    from macros.views.routes import Routes

    routes = Routes(real_dataset)
    links = RecordLinks(real_dataset, routes)
    measure = real_dataset.measures[0]
    event = real_dataset.events[0]
    source = f"See [](measure:{measure.id}) and [the *event*](event:{event.id}); [x](https://example.org/)."
    html = str(links.html(source, "../../"))
    assert f'<a href="../../{routes.record(measure)}" rel="noopener noreferrer">' in html
    assert f'<a href="../../{routes.record(event)}" rel="noopener noreferrer">the <em>event</em></a>' in html
    assert ROOT not in html and 'href="https://example.org/"' in html
    # A title is shown as text, never as Markdown or HTML.
    assert links.resolve("[](measure:x-unknown)") == "x-unknown"
    assert str(rebase(links.html(source, ""), "https://example.org/site/")).count("https://example.org/site/") == 0
    assert f'href="{routes.record(measure)}"' in str(links.html(source, ""))
