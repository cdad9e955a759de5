"""Hostile Markdown and HTML for every text field, and a scanner that finds anything live.

Each payload carries a marker ("XSS" and a number) so that whatever survives can be traced back
to the data. A payload is either refused by validation (with a path:line:col error) or must come
out of a full build as inert text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser as HTMLParser

MARKER = re.compile(r"XSS\d\d")

# Multi-line Markdown: for summaries, texts, outcomes, notes of every kind.
MARKDOWN_PAYLOADS: dict[str, str] = {
    "ref-def-in-indented-code": "Intro.\n\n    code\n\n    [x]: javascript:alert('XSS01')\n\n[click][x]",
    "ref-def-in-fenced-code": "```\n[x]: javascript:alert('XSS02')\n```\n\n[click][x]",
    "ref-def-in-list": "- item\n\n    [x]: javascript:alert('XSS03')\n\n- [click][x]",
    "ref-def-in-quote": "> [x]: javascript:alert('XSS04')\n>\n> [click][x]",
    "ref-def-in-table": "| a | b |\n|---|---|\n| [click][x] | c |\n\n[x]: javascript:alert('XSS05')",
    "ref-def-plain": "[click][x]\n\n[x]: javascript:alert('XSS06')",
    "ref-def-entity-scheme": "[click][x]\n\n[x]: &#106;avascript:alert('XSS07')",
    "ref-def-percent-scheme": "[click][x]\n\n[x]: javascript%3Aalert('XSS08')",
    "ref-def-mixed-case-scheme": "[click][x]\n\n[x]: JaVaScRiPt:alert('XSS09')",
    "ref-def-tab-in-scheme": "[click][x]\n\n[x]: java\tscript:alert('XSS10')",
    "ref-def-entity-tab-in-scheme": "[click][x]\n\n[x]: java&#09;script:alert('XSS11')",
    "ref-def-entity-newline-in-scheme": "[click][x]\n\n[x]: java&#x0A;script:alert('XSS12')",
    "ref-def-data-uri": "[click][x]\n\n[x]: data:text/html,XSS13",
    "ref-def-vbscript": "[click][x]\n\n[x]: vbscript:msgbox('XSS14')",
    "inline-link-javascript": "[click](javascript:alert('XSS15'))",
    "inline-link-entity-scheme": "[click](&#106;avascript:alert('XSS16'))",
    "image-reference": "![img][x]\n\n[x]: javascript:alert('XSS17')",
    "link-title-breaks-out": "[click](https://example.org \"t\\\" onmouseover=\\\"alert('XSS18')\")",
    "ref-title-breaks-out": "[click][x]\n\n[x]: https://example.org \"a\\\" onmouseover=alert('XSS19') b\"",
    "attr-list-on-paragraph": "Text\n{: onclick=\"alert('XSS20')\" }",
    "attr-list-heading-in-code": "    code\n\n    # Heading {: onclick=\"alert('XSS21')\" }\n\nafter",
    "attr-list-style": "Para {: style=\"background:url(javascript:alert('XSS22'))\" }",
    "setext-heading-in-code": "    x\n\n    Title {: onmouseover=alert('XSS23') }\n    ===\n\nafter",
    "raw-script": "<script>alert('XSS24')</script>",
    "raw-html-block-with-blank-lines": "<div>\n\n<img src=x onerror=alert('XSS25')>\n\n</div>",
    "autolink-javascript": "<javascript:alert('XSS26')>",
    "autolink-https": "<https://example.org/XSS27>",
    "svg": "<svg onload=alert('XSS28')>",
    "mathml": "<math><mi xlink:href=\"javascript:alert('XSS29')\">x</mi></math>",
    "html-comment": "<!-- XSS30 -->",
    "placeholder-escaped": "&lt;!--ttt-block-0--&gt; XSS31",
    "heading-mark-escaped": "&lt;!--ttt-heading--&gt;# XSS32 {: onclick=alert(1) }",
    "entity-script": "&lt;script&gt;alert('XSS33')&lt;/script&gt;",
    "double-entity": "&amp;lt;img src=x onerror=alert('XSS34')&amp;gt;",
    "jinja": "{{ 7*7 }} {% raw %}XSS35{% endraw %} {# x #}",
    "html-in-code-span": "`<script>alert('XSS36')</script>`",
    "footnote-definition": "[^x]\n\n[^x]: javascript:alert('XSS37')",
    "nested-brackets": "[[click](https://example.org)](javascript:alert('XSS38'))",
    "angle-destination": "[click](<javascript:alert('XSS39')>)",
    "definition-alone": "[x]: javascript:alert('XSS40')",
    "usage-alone": "[click][x] XSS41",
    "placeholder-forged": "<!--ttt-block-0--> XSS42",
    "heading-mark-forged": "<!--ttt-heading--># XSS43",
    "admonition-with-attrs": "!!! note \"XSS44\" {: onclick=alert(1) }\n    body",
    "hr-and-heading-after-blank": "text\n\n\n# XSS45 {: onclick=alert(1) }\n\n---\n\n[x]: javascript:alert('XSS45')",
}

# Single-line text: titles, names, publishers, notes (also handed to the theme as titles and tags).
LINE_PAYLOADS: dict[str, str] = {
    "line-attr-list": "Title {: onclick=alert('XSS50') }",
    "line-link": "[t](javascript:alert('XSS51'))",
    "line-entity-img": "&lt;img src=x onerror=alert('XSS52')&gt;",
    "line-close-title": "</title><script>alert('XSS53')</script>",
    "line-heading": "# XSS54 {: onclick=alert(1) }",
    "line-table": "a | b | XSS55",
    "line-markdown": "*emph* _x_ `code` XSS56 [ref][x]",
    "line-numeric-entities": "&#60;script&#62;alert('XSS57')&#60;/script&#62;",
    "line-quote-breaks-attribute": "\" onmouseover=\"alert('XSS58')\" x=\"",
    "line-jinja": "{{ config }} XSS59 {% if true %}x{% endif %}",
    "line-entities-close-title": "&#60;/title&#62;&#60;script&#62;alert('XSS60')&#60;/script&#62;",
    "line-named-entities-close-title": "&lt;/title&gt;&lt;script&gt;alert('XSS61')&lt;/script&gt;",
}

URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcset")
# Elements the site itself never uses: any of them is a finding.
FOREIGN_ELEMENTS = ("iframe", "object", "embed", "frame", "frameset", "base", "applet", "portal")
# Elements the theme uses: a finding when they carry a payload's marker.
LIVE_ELEMENTS = ("script", "style", "form", "meta", "link", "svg", "math", "foreignobject")
# Attributes that hold text for people, not behaviour: data in them, escaped, is inert.
TEXT_ATTRIBUTES = ("title", "aria-label", "alt")
_SCHEME_NOISE = re.compile(r"[\x00-\x20\x7f]+")


@dataclass(frozen=True)
class Finding:
    page: str
    what: str

    def __str__(self) -> str:
        return f"{self.page}: {self.what}"


def dangerous_url(value: str) -> bool:
    """A URL a browser would run: javascript:, vbscript: or data:, however it is spelled."""
    compact = _SCHEME_NOISE.sub("", value).lower()
    return compact.startswith(("javascript:", "vbscript:", "data:"))


def scan_html(html: str, page: str = "") -> list[Finding]:
    """Everything live in a page that could have come from data."""
    findings = []
    for node in HTMLParser(html).root.traverse(include_text=False) if html else []:
        tag = node.tag
        attributes = node.attributes
        for name, value in attributes.items():
            value = value or ""
            if name.lower().startswith("on"):
                findings.append(Finding(page, f"<{tag} {name}={value!r}>"))
            elif name.lower() == "style" and MARKER.search(value):
                findings.append(Finding(page, f"<{tag} style={value!r}>"))
            elif name.lower() in URL_ATTRIBUTES and dangerous_url(value):
                findings.append(Finding(page, f"<{tag} {name}={value!r}>"))
        if tag in FOREIGN_ELEMENTS:
            findings.append(Finding(page, f"<{tag}> element: {(node.html or '')[:80]!r}"))
        elif tag in ("script", "style"):
            content = (node.text(deep=True) or "") + " ".join(f"{k}={v}" for k, v in attributes.items())
            if MARKER.search(content):
                findings.append(Finding(page, f"<{tag}> carrying data: {content[:80]!r}"))
        elif tag in LIVE_ELEMENTS and any(MARKER.search(v or "") for k, v in attributes.items()
                                          if k not in TEXT_ATTRIBUTES):
            findings.append(Finding(page, f"<{tag}> with data in an attribute: {(node.html or '')[:80]!r}"))
    return findings


def scan_site(site: Path) -> list[Finding]:
    findings = []
    for path in sorted(site.rglob("*.html")):
        findings += scan_html(path.read_text(encoding="utf-8"), path.relative_to(site).as_posix())
    return findings
