"""What a reader sees, measured in a real browser: contrast, chart text size, tables, charts' marks,
record ids in prose. Shared by the browser tests and scripts/look.py (screenshots and a table of
findings for every key page, both widths, both palettes)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from axe_playwright_python.sync_playwright import Axe

# The pages a reader opens first (issue 21): home, timeline, a quarter, a round, an issue, a measure,
# deadlines, tariffs, precedent, commitments.
READER_PAGES = ["", "timeline/", "timeline/2025-q2/", "rounds/2025-09-madrid/", "issues/tariffs/",
                "measures/us-ieepa-reciprocal-tariff/", "deadlines/", "tariffs/", "precedent/", "commitments/",
                "rounds/matrix/", "zh/", "zh/rounds/2025-09-madrid/"]  # and the Chinese edition's front and a round
WIDTHS = (1280, 375)
SCHEMES = ("light", "dark")
MIN_CHART_TEXT_PX = 11
MAX_ROW_PX = 200

# Chart text: the rendered height of each SVG <text> in CSS pixels (font size times the SVG's scale).
_CHART_TEXT = """() => {
  const out = [];
  for (const t of document.querySelectorAll('article svg text')) {
    const r = t.getBoundingClientRect();
    if (!r.width || !r.height) continue;
    const svg = t.ownerSVGElement;
    const scale = svg && svg.viewBox && svg.viewBox.baseVal && svg.viewBox.baseVal.width
      ? svg.getBoundingClientRect().width / svg.viewBox.baseVal.width : 1;
    const size = parseFloat(getComputedStyle(t).fontSize) * scale;
    out.push([t.textContent.trim().slice(0, 40), Math.round(size * 10) / 10]);
  }
  return out;
}"""

# Tables: rows taller than their content needs, and tables wider than the text column.
_TABLES = """(maxRow) => {
  const article = document.querySelector('article.md-content__inner');
  const column = article.getBoundingClientRect().width;
  const tall = [], wide = [];
  for (const table of article.querySelectorAll('table')) {
    if (!table.offsetParent) continue;
    const wrap = table.closest('.ttt-table-wrap, .md-typeset__scrollwrap') || table.parentElement;
    const shown = Math.min(wrap.getBoundingClientRect().width, column);
    if (table.scrollWidth > shown + 1 && !table.closest('[data-ttt-scroll]'))
      wide.push([table.querySelector('th, td').textContent.trim().slice(0, 30),
                 Math.round(table.scrollWidth), Math.round(shown)]);
    for (const row of table.rows) {
      const h = row.getBoundingClientRect().height;
      if (h > maxRow) tall.push([row.textContent.trim().slice(0, 40), Math.round(h)]);
    }
  }
  return {tall, wide};
}"""

# The one-picture timeline: linked marks that lie outside the picture's visible box.
_OVERVIEW = """() => {
  const out = [];
  for (const frame of document.querySelectorAll('.ttt-overview__scroll')) {
    const box = frame.getBoundingClientRect();
    const svg = frame.querySelector('svg');
    if (!svg) continue;
    for (const a of svg.querySelectorAll('a')) {
      const r = a.getBoundingClientRect();
      if (!r.width && !r.height) continue;
      if (r.right > box.right + 1 || r.left < box.left - 1) out.push(a.getAttribute('href'));
    }
  }
  return out;
}"""

# Text a reader reads (not URLs, not code): words that look like record ids.
_PROSE = "() => document.querySelector('article.md-content__inner').innerText"
_ID_IN_PROSE = re.compile(r"(?<![\w/#.-])(?:\d{4}-\d{2}-\d{2}-[a-z0-9-]+|[a-z]+(?:-[a-z0-9]+){3,})(?![\w/-])")


@dataclass
class Reading:
    """What one page shows at one width in one palette."""

    path: str
    width: int
    scheme: str
    contrast: list[str] = field(default_factory=list)
    small_text: list[tuple[str, float]] = field(default_factory=list)
    tall_rows: list[tuple[str, int]] = field(default_factory=list)
    wide_tables: list[tuple[str, int, int]] = field(default_factory=list)
    marks_outside: list[str] = field(default_factory=list)
    ids_in_prose: list[str] = field(default_factory=list)

    def problems(self) -> dict[str, list]:
        found = {"contrast": self.contrast, "chart text under 11 px": self.small_text,
                 "rows over 200 px": self.tall_rows, "tables wider than the column": self.wide_tables,
                 "overview marks outside": self.marks_outside, "record ids in prose": self.ids_in_prose}
        if self.width != 375:
            found.pop("chart text under 11 px")
        if self.width != 1280:
            found.pop("overview marks outside")
            found.pop("rows over 200 px")
            found.pop("tables wider than the column")
        return {name: items for name, items in found.items() if items}


def serious_axe_findings(page) -> list:
    """Every axe rule on the whole page; the serious and critical findings."""
    results = Axe().run(page)
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    return [(v["id"], v["help"], [n["target"] for n in v["nodes"][:3]]) for v in serious]


def text_with_javascript(page) -> tuple[list[str], set[str]]:
    """The article's lines as a reader sees them, and those of the JS-only filter form."""
    seen = [line for line in page.locator("article.md-content__inner").inner_text().splitlines() if line.strip()]
    filters = page.locator("#ttt-filters")
    return seen, set(filters.inner_text().splitlines()) if filters.count() else set()


def text_without_javascript(page) -> set[str]:
    return set(page.locator("article.md-content__inner").inner_text().splitlines())


def contrast_violations(page, context: str = "article.md-content__inner") -> list[str]:
    """axe's colour-contrast rule on the page's content (the theme's header and navigation are checked
    with every axe rule in test_browser.py): each failing element as 'selector: ratio (fg on bg)'."""
    results = Axe().run(page, context=context,
                        options={"runOnly": {"type": "rule", "values": ["color-contrast"]},
                                 "resultTypes": ["violations"]})
    found = []
    for violation in results.response["violations"]:
        for node in violation["nodes"]:
            data = (node.get("any") or [{}])[0].get("data") or {}
            found.append(f"{node['target'][0]}: {data.get('contrastRatio')} "
                         f"({data.get('fgColor')} on {data.get('bgColor')})")
    return found


def read_page(page, path: str, width: int, scheme: str, *, contrast: bool = True) -> Reading:
    """Measure the page already loaded in `page`."""
    reading = Reading(path, width, scheme)
    if contrast:
        reading.contrast = contrast_violations(page)
    reading.small_text = [(text, size) for text, size in page.evaluate(_CHART_TEXT) if size < MIN_CHART_TEXT_PX]
    tables = page.evaluate(_TABLES, MAX_ROW_PX)
    reading.tall_rows = [tuple(row) for row in tables["tall"]]
    reading.wide_tables = [tuple(row) for row in tables["wide"]]
    reading.marks_outside = page.evaluate(_OVERVIEW)
    reading.ids_in_prose = sorted(set(_ID_IN_PROSE.findall(page.evaluate(_PROSE))))
    return reading
