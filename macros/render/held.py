"""Keep finished HTML out of Markdown's reach.

A rendered partial is finished HTML around a few Markdown headings (which feed the table of
contents and the page title). MkDocs would parse the whole page as Markdown again, and its
Markdown neither sanitises nor knows which HTML came from data. So only heading lines that the
*template source* wrote reach it: the template loader marks them (`mark_headings`), and every
other line — including any text derived from data — is held behind an opaque placeholder and
put back after MkDocs' Markdown pass (`HeldHtml.restore`, called from the page hook).

Data cannot forge the heading mark or a placeholder: both begin with '<', which autoescaping
turns into '&lt;' in data values, and the sanitiser drops comments and escapes '<' in rendered
data Markdown. Data inside a heading line is Markdown-escaped by the `heading` filter, which the
loader applies to every expression on a heading line.
"""

from __future__ import annotations

import re

HEADING_MARK = "<!--ttt-heading-->"
_PLACEHOLDER = re.compile(r"<!--ttt-block-(\d+)-->")
_SOURCE_HEADING = re.compile(r"^(#{1,6} )(.*)$", re.M)
_EXPRESSION = re.compile(r"\{\{(.*?)\}\}")
# A heading that does not begin its line (indented, or after a tag or an expression) cannot be
# marked, so it would be held as HTML and shown as a literal "## text": templates must not have one.
_UNMARKABLE_HEADING = re.compile(r"^(?:[ \t]+|.*(?:%\}|\}\}|>)[ \t]*)#{1,6} \S", re.M)


def unmarkable_headings(source: str) -> list[int]:
    """Line numbers (from 1) of heading lines in a template source that `mark_headings` cannot see."""
    return [source.count("\n", 0, m.start()) + 1 for m in _UNMARKABLE_HEADING.finditer(source)]


def mark_headings(source: str) -> str:
    """Template source → the same source with its heading lines marked and every expression on
    them passed through the `heading` filter."""

    def mark(line: re.Match[str]) -> str:
        body = _EXPRESSION.sub(lambda e: "{{ (" + e.group(1).strip() + ")|heading }}", line.group(2))
        return f"{HEADING_MARK}{line.group(1)}{body}"

    return _SOURCE_HEADING.sub(mark, source)


class HeldHtml:
    """The HTML held back from each page of one build, until MkDocs' Markdown is done with it."""

    def __init__(self) -> None:
        self._pages: dict[str, list[str]] = {}

    def hold(self, page_key: str, text: str) -> str:
        """Replace everything but the marked heading lines by placeholders; return page Markdown."""
        blocks = self._pages.setdefault(page_key, [])
        out: list[str] = []

        def flush(lines: list[str]) -> None:
            chunk = "\n".join(lines)
            if chunk.strip():
                blocks.append(chunk)
                out.append(f"<!--ttt-block-{len(blocks) - 1}-->")
            elif lines:
                out.append(chunk)
            lines.clear()

        for chunk in text.split("\n\n"):
            pending: list[str] = []
            for line in chunk.split("\n"):
                if line.startswith(HEADING_MARK):
                    flush(pending)
                    out.append(line.removeprefix(HEADING_MARK))
                else:
                    pending.append(line)
            flush(pending)
        return "\n\n".join(out)

    def blocks(self, page_key: str) -> list[str]:
        """A copy of what a page holds (for the preview to keep with its Markdown)."""
        return list(self._pages.get(page_key, ()))

    def put(self, page_key: str, blocks: list[str]) -> None:
        """Hold again what a page held in an earlier build, for Markdown kept from that build."""
        self._pages[page_key] = list(blocks)

    def restore(self, page_key: str, html: str) -> str:
        """Put a page's held HTML back in place of its placeholders (once: inserted HTML is not
        scanned again)."""
        blocks = self._pages.pop(page_key, None)
        if not blocks:
            return html
        return _PLACEHOLDER.sub(lambda match: blocks[int(match.group(1))], html)

    def __len__(self) -> int:
        return len(self._pages)
