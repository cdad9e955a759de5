"""Keep finished HTML out of Python-Markdown's way.

Rendered partials are Markdown headings (which feed the table of contents and the page title)
around blocks of finished HTML. Python-Markdown re-parses raw HTML slowly, so each HTML block
is held here behind a placeholder comment while the page's Markdown is converted, then put
back (`restore`, called from the page hook). Data text can never contain a placeholder: raw
HTML, comments included, is rejected by the loader, and held HTML was autoescaped when rendered.
"""

from __future__ import annotations

import re

_held: dict[str, list[str]] = {}
_PLACEHOLDER = re.compile(r"<!--ttt-block-(\d+)-->")


def hold(page_key: str, text: str) -> str:
    """Replace every blank-line-separated block that starts with '<' by a placeholder."""
    blocks = _held.setdefault(page_key, [])
    out = []
    for chunk in text.split("\n\n"):
        if chunk.lstrip("\n").startswith("<"):
            blocks.append(chunk)
            out.append(f"<!--ttt-block-{len(blocks) - 1}-->")
        else:
            out.append(chunk)
    return "\n\n".join(out)


def restore(page_key: str, html: str) -> str:
    blocks = _held.pop(page_key, None)
    if not blocks:
        return html
    return _PLACEHOLDER.sub(lambda match: blocks[int(match.group(1))], html)
