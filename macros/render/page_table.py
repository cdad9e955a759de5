"""The page table: one declaration per family of pages the data writes.

A family names the macro its pages call, the function that writes each page (every one takes
(renderer, PageRequest) and returns Markdown), where each page lives, which pages there are, whether
they are searchable and which data file is behind each (for "Edit this page"). The macros entry, the
hook, the benchmark and the tests all read this table. A new page is one function in
macros/render/pages.py, one template, and one line here.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from macros.data.dataset import Dataset
from macros.render import pages, zh_pages
from macros.render.jinja import Renderer
from macros.render.request import PageRequest
from macros.views import paging, routes
from macros.views.routes import Routes

Key = tuple[str, ...]
ZH = "zh-Hans"  # the Chinese edition's language, as hreflang and lang write it
PageFunction = Callable[[Renderer, PageRequest], str]


@dataclass(frozen=True)
class PageFamily:
    """Pages written by one function. `route` maps a key to the page's URL (a string for a single
    page); `keys` lists the family's pages for the data; `edit` names the collection whose file is
    behind each page (keyed by record id). A `hand_written` page calls the macro itself (its source is
    in docs/). `twin` names the family that shows the same pages in the other language (`lang`)."""

    macro: str
    render: PageFunction
    route: str | Callable[..., str]
    keys: Callable[[Dataset], Iterable[Key]] | None = None
    searchable: bool = True
    edit: str | None = None
    hand_written: bool = False
    lang: str = "en"
    twin: str | None = None

    def url(self, key: Key = ()) -> str:
        return self.route if isinstance(self.route, str) else self.route(*key)

    def pages(self, data: Dataset) -> list[GeneratedPage]:
        """This family's pages for the data (none for a hand-written page)."""
        if self.hand_written:
            return []
        if isinstance(self.route, str):
            return [GeneratedPage(self, self.route)]
        return [GeneratedPage(self, self.url(key), key, data.file_of(self.edit, key[0]) if self.edit else None)
                for key in self.keys(data)] if self.keys else []


@dataclass(frozen=True)
class GeneratedPage:
    """One page the data makes: its family, URL and key, and the data file behind it, if one is."""

    family: PageFamily
    url: str
    key: Key = ()
    data_file: str | None = None

    @property
    def macro(self) -> str:
        return self.family.macro

    @property
    def searchable(self) -> bool:
        # Pages that only regroup what other pages say stay out of the search index, which every
        # reader downloads: records are found on their own pages and on the timeline.
        return self.family.searchable

    @property
    def path(self) -> str:
        return Routes.page_file(self.url)

    @property
    def call(self) -> str:
        """The macro call as the page's source holds it, e.g. 'round_page("2025-05-geneva")'.
        Keys are ids and parts (slugs, years), so they are safe inside a macro call."""
        return f"{self.macro}({', '.join(json.dumps(part) for part in self.key)})"

    def render(self, renderer: Renderer) -> str:
        """This page's Markdown (held HTML stays in the renderer's store until restored)."""
        return self.family.render(renderer, PageRequest(self.url, self.key))


def _each(collection: str) -> Callable[[Dataset], Iterable[Key]]:
    return lambda data: ((record.id,) for record in getattr(data, collection))


def _parts(parts: Callable[[Dataset], Iterable[str]]) -> Callable[[Dataset], Iterable[Key]]:
    return lambda data: ((part,) for part in parts(data))


def _issue_years(data: Dataset) -> Iterable[Key]:
    return ((issue.id, year) for issue in data.issues for year in paging.issue_years(data, issue.id))


PAGE_TABLE: tuple[PageFamily, ...] = (
    PageFamily("home", pages.home, routes.HOME, hand_written=True, twin="zh_home"),  # docs/index.md calls it
    PageFamily("timeline", pages.timeline_index, routes.TIMELINE, twin="zh_timeline"),
    PageFamily("rounds_index", pages.rounds_index, routes.ROUNDS, twin="zh_rounds_index"),
    PageFamily("issues_index", pages.issues_index, routes.ISSUES, twin="zh_issues_index"),
    PageFamily("tags_page", pages.tags_page, routes.TAGS, searchable=False, twin="zh_tags_page"),
    PageFamily("people_index", pages.people_index, routes.PEOPLE, twin="zh_people_index"),
    PageFamily("tariffs_page", pages.tariffs_page, routes.TARIFFS, twin="zh_tariffs_page"),
    PageFamily("deadlines_page", pages.deadlines_page, routes.DEADLINES, twin="zh_deadlines_page"),
    PageFamily("matrix_page", pages.matrix_page, routes.MATRIX, searchable=False, twin="zh_matrix_page"),
    PageFamily("scorecard_page", pages.scorecard_page, routes.SCORECARD, searchable=False, twin="zh_scorecard_page"),
    PageFamily("sources_index", pages.sources_index, routes.SOURCES, twin="zh_sources_index"),
    PageFamily("coverage_page", pages.coverage_page, routes.COVERAGE, searchable=False, twin="zh_coverage_page"),
    PageFamily("measures_index", pages.measures_index, routes.MEASURES, twin="zh_measures_index"),
    PageFamily("commitments_page", pages.commitments_page, routes.COMMITMENTS, twin="zh_commitments_page"),
    PageFamily("precedent_page", pages.precedent_page, routes.PRECEDENT, twin="zh_precedent_page"),
    PageFamily("subscribe_page", pages.subscribe_page, routes.SUBSCRIBE, twin="zh_subscribe_page"),
    PageFamily("changes_page", pages.changes_page, routes.CHANGES, searchable=False, twin="zh_changes_page"),
    PageFamily("embed_page", pages.embed_page, routes.EMBED, twin="zh_embed_page"),
    PageFamily("cite_page", pages.cite_page, routes.CITE, twin="zh_cite_page"),
    PageFamily("purchases_page", pages.purchases_page, routes.PURCHASES, twin="zh_purchases_page"),
    PageFamily("measure_page", pages.measure_page, Routes.measure, _each("measures"), edit="measures",
               twin="zh_measure_page"),
    PageFamily("round_page", pages.round_page, Routes.round, _each("rounds"), edit="rounds", twin="zh_round_page"),
    PageFamily("issue_page", pages.issue_page, Routes.issue, _each("issues"), edit="issues", twin="zh_issue_page"),
    PageFamily("person_page", pages.person_page, Routes.person, _each("people"), edit="people",
               twin="zh_person_page"),
    PageFamily("timeline_quarter", pages.timeline_quarter, Routes.timeline_quarter, _parts(paging.timeline_pages),
               twin="zh_timeline_quarter"),
    # Parts of long lists: they regroup what the pages above say, so they stay out of search.
    PageFamily("sources_quarter", pages.sources_quarter, Routes.sources_quarter, _parts(paging.source_pages),
               searchable=False, twin="zh_sources_quarter"),
    PageFamily("issue_year", pages.issue_year, Routes.issue_year, _issue_years, searchable=False, twin="zh_issue_year"),
    PageFamily("rounds_year", pages.rounds_index, Routes.rounds_year, _parts(paging.round_years), searchable=False,
               twin="zh_rounds_year"),
    PageFamily("deadlines_year", pages.deadlines_page, Routes.deadlines_year, _parts(paging.chain_years),
               searchable=False, twin="zh_deadlines_year"),
    PageFamily("matrix_year", pages.matrix_page, Routes.matrix_year, _parts(paging.matrix_years), searchable=False,
               twin="zh_matrix_year"),
    PageFamily("scorecard_year", pages.scorecard_page, Routes.scorecard_year, _parts(paging.scorecard_years),
               searchable=False, twin="zh_scorecard_year"),
    PageFamily("people_letter", pages.people_index, Routes.people_letter, _parts(paging.people_initials),
               searchable=False, twin="zh_people_letter"),
    PageFamily("tariffs_year", pages.tariffs_page, Routes.tariffs_year, _parts(paging.tariff_years),
               searchable=False, twin="zh_tariffs_year"),
    PageFamily("measures_group", pages.measures_index, Routes.measures_group, _parts(paging.measure_groups),
               searchable=False, twin="zh_measures_group"),
    # The Chinese edition (zh/): its own search index, with Chinese words segmented (macros/site/search_editions.py).
    PageFamily("zh_home", zh_pages.zh_home, routes.ZH, lang=ZH, twin="home"),
    PageFamily("zh_about", zh_pages.zh_about, routes.ZH_ABOUT, hand_written=True, lang=ZH),  # docs/zh/about.md
    PageFamily("zh_round_page", zh_pages.zh_round_page, Routes.zh_round, _each("rounds"), edit="rounds",
               lang=ZH, twin="round_page"),
    PageFamily("zh_issue_page", zh_pages.zh_issue_page, Routes.zh_issue, _each("issues"), edit="issues",
               lang=ZH, twin="issue_page"),
    PageFamily("zh_timeline", zh_pages.zh_timeline_index, routes.ZH_TIMELINE, lang=ZH,
               twin="timeline"),
    PageFamily("zh_timeline_quarter", zh_pages.zh_timeline_quarter, Routes.zh_timeline_quarter,
               _parts(paging.timeline_pages), lang=ZH, twin="timeline_quarter"),
    PageFamily("zh_people_index", zh_pages.zh_people_index, routes.ZH_PEOPLE, lang=ZH, twin="people_index"),
    PageFamily("zh_person_page", zh_pages.zh_person_page, Routes.zh_person, _each("people"), edit="people", lang=ZH,
               twin="person_page"),
    PageFamily("zh_measures_index", zh_pages.zh_measures_index, routes.ZH_MEASURES, lang=ZH, twin="measures_index"),
    PageFamily("zh_measure_page", zh_pages.zh_measure_page, Routes.zh_measure, _each("measures"), edit="measures",
               lang=ZH, twin="measure_page"),
    PageFamily("zh_deadlines_page", zh_pages.zh_deadlines_page, routes.ZH_DEADLINES, lang=ZH, twin="deadlines_page"),
    PageFamily("zh_commitments_page", zh_pages.zh_commitments_page, routes.ZH_COMMITMENTS, lang=ZH,
               twin="commitments_page"),
    PageFamily("zh_precedent_page", zh_pages.zh_precedent_page, routes.ZH_PRECEDENT, lang=ZH, twin="precedent_page"),
    PageFamily("zh_subscribe_page", zh_pages.zh_subscribe_page, routes.ZH_SUBSCRIBE, lang=ZH, twin="subscribe_page"),
    PageFamily("zh_rounds_index", zh_pages.zh_rounds_index, routes.ZH_ROUNDS, lang=ZH, twin="rounds_index"),
    PageFamily("zh_rounds_year", zh_pages.zh_rounds_index, Routes.zh_rounds_year, _parts(paging.round_years),
               searchable=False, lang=ZH, twin="rounds_year"),
    PageFamily("zh_issues_index", zh_pages.zh_issues_index, routes.ZH_ISSUES, lang=ZH, twin="issues_index"),
    PageFamily("zh_tags_page", zh_pages.zh_tags_page, routes.ZH_TAGS, searchable=False, lang=ZH, twin="tags_page"),
    PageFamily("zh_matrix_page", zh_pages.zh_matrix_page, routes.ZH_MATRIX, searchable=False, lang=ZH,
               twin="matrix_page"),
    PageFamily("zh_matrix_year", zh_pages.zh_matrix_page, Routes.zh_matrix_year, _parts(paging.matrix_years),
               searchable=False, lang=ZH, twin="matrix_year"),
    PageFamily("zh_scorecard_page", zh_pages.zh_scorecard_page, routes.ZH_SCORECARD, searchable=False, lang=ZH,
               twin="scorecard_page"),
    PageFamily("zh_scorecard_year", zh_pages.zh_scorecard_page, Routes.zh_scorecard_year,
               _parts(paging.scorecard_years), searchable=False, lang=ZH, twin="scorecard_year"),
    PageFamily("zh_changes_page", zh_pages.zh_changes_page, routes.ZH_CHANGES, searchable=False, lang=ZH,
               twin="changes_page"),
    PageFamily("zh_coverage_page", zh_pages.zh_coverage_page, routes.ZH_COVERAGE, searchable=False, lang=ZH,
               twin="coverage_page"),
    PageFamily("zh_deadlines_year", zh_pages.zh_deadlines_page, Routes.zh_deadlines_year, _parts(paging.chain_years),
               searchable=False, lang=ZH, twin="deadlines_year"),
    PageFamily("zh_people_letter", zh_pages.zh_people_index, Routes.zh_people_letter, _parts(paging.people_initials),
               searchable=False, lang=ZH, twin="people_letter"),
    PageFamily("zh_measures_group", zh_pages.zh_measures_index, Routes.zh_measures_group,
               _parts(paging.measure_groups), searchable=False, lang=ZH, twin="measures_group"),
    PageFamily("zh_issue_year", zh_pages.zh_issue_year, Routes.zh_issue_year, _issue_years, searchable=False, lang=ZH,
               twin="issue_year"),
    PageFamily("zh_tariffs_page", zh_pages.zh_tariffs_page, routes.ZH_TARIFFS, lang=ZH, twin="tariffs_page"),
    PageFamily("zh_cite_page", zh_pages.zh_cite_page, routes.ZH_CITE, lang=ZH, twin="cite_page"),
    PageFamily("zh_purchases_page", zh_pages.zh_purchases_page, routes.ZH_PURCHASES, lang=ZH, twin="purchases_page"),
    PageFamily("zh_sources_index", zh_pages.zh_sources_index, routes.ZH_SOURCES, lang=ZH, twin="sources_index"),
    PageFamily("zh_sources_quarter", zh_pages.zh_sources_quarter, Routes.zh_sources_quarter,
               _parts(paging.source_pages), searchable=False, lang=ZH, twin="sources_quarter"),
    PageFamily("zh_embed_page", zh_pages.zh_embed_page, routes.ZH_EMBED, lang=ZH, twin="embed_page"),
    PageFamily("zh_tariffs_year", zh_pages.zh_tariffs_page, Routes.zh_tariffs_year, _parts(paging.tariff_years),
               searchable=False, lang=ZH, twin="tariffs_year"),
)
FAMILIES: dict[str, PageFamily] = {family.macro: family for family in PAGE_TABLE}


# The Chinese edition's navigation (overrides/partials/zh_nav.html): its sections, by family.
ZH_NAV = (("zh_home", "home"), ("zh_rounds_index", "rounds_short"), ("zh_issues_index", "issues"),
          ("zh_timeline", "timeline"), ("zh_tariffs_page", "tariffs"), ("zh_measures_index", "measures"),
          ("zh_deadlines_page", "deadlines"), ("zh_commitments_page", "commitments"),
          ("zh_precedent_page", "precedent"), ("zh_people_index", "people"), ("zh_about", "about_page"))


def zh_nav(page_url: str) -> list[tuple[str, str, bool]]:
    """(label, URL, whether the page is in that section) for each section of the Chinese edition."""
    from macros.views.labels import ZH as ZH_LABELS

    sections = [(ZH_LABELS[label], FAMILIES[macro].url()) for macro, label in ZH_NAV]
    current = max((url for _, url in sections if page_url.startswith(url)), key=len, default=None)
    return [(label, url, url == current) for label, url in sections]


# Hand-written pages (docs/) and their twins: (English URL, Chinese URL).
HAND_WRITTEN_TWINS = (("about/", "zh/about/"), ("data-api/", "zh/data-api/"), ("contributing/", "zh/contributing/"))


def hand_written_twin(page_url: str, languages: tuple[str, ...]) -> tuple[str, str] | None:
    """(language, URL) of a hand-written page's twin, if it has one in a built edition."""
    for english, chinese in HAND_WRITTEN_TWINS:
        if page_url == english and ZH in languages:
            return ZH, chinese
        if page_url == chinese and "en" in languages:
            return "en", english
    return None


LANGUAGES = ("en", ZH)  # the editions, each built unless a preview asks for one only


def twin_of(family: PageFamily, key: Key = (), languages: tuple[str, ...] = LANGUAGES) -> tuple[str, str] | None:
    """(language, URL) of the same page in the other language, if the family has a twin that is built."""
    if family.twin is None:
        return None
    other = FAMILIES[family.twin]
    return (other.lang, other.url(key)) if other.lang in languages else None


def generated_pages(data: Dataset, languages: tuple[str, ...] = LANGUAGES) -> list[GeneratedPage]:
    """Every page generated from the data in the given editions, family by family in the table's order."""
    return [page for family in PAGE_TABLE if family.lang in languages for page in family.pages(data)]
