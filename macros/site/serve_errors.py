"""The data-error report as a banner on every page, shown while `mkdocs serve` runs."""

from __future__ import annotations

from markupsafe import escape

from macros.data.problems import Problem, format_report


def error_banner(problems: list[Problem]) -> str:
    report = escape(format_report(problems))
    return (
        '<div class="ttt-serve-errors" role="alert">'
        "<p><strong>The data has errors.</strong> This preview shows the last good data until "
        "they are fixed; the build would fail.</p>"
        f"<pre>{report}</pre></div>"
    )
