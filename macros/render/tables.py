"""Label each table cell with its column's heading (`data-label`), so that below about 600 px the
stylesheet can show every row as a card ('Outcome: Extended') instead of squeezing the columns.

Only the partials' own tables pass through here: their markup comes from the templates (data text
inside is escaped or sanitised, so it cannot open a cell), with a <thead> of one row and no
spanning cells. That narrow shape is why a few expressions do instead of an HTML parser."""

from __future__ import annotations

import re
from html import unescape

from markupsafe import escape

_TABLE = re.compile(r"<table\b[^>]*>.*?</table>", re.S)
_HEAD = re.compile(r"<thead\b[^>]*>(.*?)</thead>", re.S)
_HEAD_CELL = re.compile(r"<th\b[^>]*>(.*?)</th>", re.S)
_ROW = re.compile(r"(<tr\b[^>]*>)(.*?)(</tr>)", re.S)
_CELL = re.compile(r"<(td|th)\b(?=[^>]*>)")
_TAG = re.compile(r"<[^>]+>")


def column_names(table: str) -> list[str]:
    """The text of each heading cell of a table's <thead>, tags and entities resolved."""
    head = _HEAD.search(table)
    if head is None:
        return []
    return [" ".join(unescape(_TAG.sub(" ", cell)).split()) for cell in _HEAD_CELL.findall(head.group(1))]


def label_cells(html: str) -> str:
    """Every body cell of every table in `html` gains data-label="<its column's heading>"."""

    def one_table(found: re.Match[str]) -> str:
        table = found.group(0)
        names = column_names(table)
        head = _HEAD.search(table)
        if not names or head is None:
            return table

        def one_row(row: re.Match[str]) -> str:
            columns = iter(names)

            def one_cell(cell: re.Match[str]) -> str:
                name = next(columns, "")
                labelled = "data-label=" in cell.string[cell.start():cell.string.index(">", cell.start())]
                return f'<{cell.group(1)} data-label="{escape(name)}"' if name and not labelled else cell.group(0)

            return row.group(1) + _CELL.sub(one_cell, row.group(2)) + row.group(3)

        return table[: head.end()] + _ROW.sub(one_row, table[head.end():])

    return _TABLE.sub(one_table, html)
