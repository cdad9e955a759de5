"""Every page the data generates: its URL, the macro call it holds, and the data file behind it."""

from __future__ import annotations

import json
from dataclasses import dataclass

from macros.data.dataset import Dataset
from macros.views import paging, routes


@dataclass(frozen=True)
class GeneratedPage:
    """A page the data makes: its URL, the macro that writes it and its arguments, and the data file
    behind it (for 'Edit this page'), if one file is."""

    url: str
    macro: str
    args: tuple[str | int, ...] = ()
    data_file: str | None = None
    # Pages that only regroup what other pages say stay out of the search index, which every
    # reader downloads: records are found on their own pages and on the timeline.
    searchable: bool = True

    @property
    def path(self) -> str:
        return routes.page_file(self.url)

    @property
    def call(self) -> str:
        """The macro call as a page would write it, e.g. 'round_page("2025-05-geneva")'."""
        return f"{self.macro}({', '.join(json.dumps(arg) for arg in self.args)})"


def generated_pages(data: Dataset) -> list[GeneratedPage]:
    """Every page generated from the data. Ids are slugs, so they are safe inside a macro call."""
    pages = [
        GeneratedPage(routes.TIMELINE, "timeline"),
        GeneratedPage(routes.ROUNDS, "rounds_index"),
        GeneratedPage(routes.ISSUES, "issues_index"),
        GeneratedPage(routes.TAGS, "tags_page", searchable=False),
        GeneratedPage(routes.PEOPLE, "people_index"),
        GeneratedPage(routes.TARIFFS, "tariffs_page"),
        GeneratedPage(routes.DEADLINES, "deadlines_page"),
        GeneratedPage(routes.MATRIX, "matrix_page", searchable=False),
        GeneratedPage(routes.SCORECARD, "scorecard_page", searchable=False),
        GeneratedPage(routes.SOURCES, "sources_index"),
        GeneratedPage(routes.COVERAGE, "coverage_page", searchable=False),
        GeneratedPage(routes.MEASURES, "measures_index"),
        GeneratedPage(routes.COMMITMENTS, "commitments_page"),
        GeneratedPage(routes.PRECEDENT, "precedent_page"),
        GeneratedPage(routes.SUBSCRIBE, "subscribe_page"),
        GeneratedPage(routes.CHANGES, "changes_page", searchable=False),
        GeneratedPage(routes.EMBED, "embed_page"),
        GeneratedPage(routes.CITE, "cite_page"),
        GeneratedPage(routes.PURCHASES, "purchases_page"),
    ]
    pages += [GeneratedPage(routes.measure_page(m.id), "measure_page", (m.id,), data.file_of("measures", m.id))
              for m in data.measures]
    pages += [GeneratedPage(routes.round_page(r.id), "round_page", (r.id,), data.file_of("rounds", r.id))
              for r in data.rounds]
    pages += [GeneratedPage(routes.issue_page(i.id), "issue_page", (i.id,), data.file_of("issues", i.id))
              for i in data.issues]
    pages += [GeneratedPage(routes.person_page(p.id), "person_page", (p.id,), data.file_of("people", p.id))
              for p in data.people]
    pages += [GeneratedPage(routes.timeline_quarter(q), "timeline_quarter", (q,))
              for q in paging.timeline_pages(data)]
    derived = [(routes.sources_quarter(q), "sources_quarter", (q,)) for q in paging.source_pages(data)]
    for issue in data.issues:
        derived += [(routes.issue_year(issue.id, y), "issue_year", (issue.id, y))
                    for y in paging.issue_years(data, issue.id)]
    derived += [(routes.rounds_year(y), "rounds_year", (y,)) for y in paging.round_years(data)]
    derived += [(routes.deadlines_year(y), "deadlines_year", (y,)) for y in paging.chain_years(data)]
    derived += [(routes.matrix_year(y), "matrix_year", (y,)) for y in paging.matrix_years(data)]
    derived += [(routes.scorecard_year(y), "scorecard_year", (y,)) for y in paging.scorecard_years(data)]
    derived += [(routes.people_letter(c), "people_letter", (c,)) for c in paging.people_initials(data)]
    derived += [(routes.tariffs_year(y), "tariffs_year", (y,)) for y in paging.tariff_years(data)]
    derived += [(routes.measures_group(k), "measures_group", (k,)) for k in paging.measure_groups(data)]
    pages += [GeneratedPage(url, macro, args, searchable=False) for url, macro, args in derived]
    return pages
