"""Outputs: every file the data makes besides its pages (API, spreadsheets, feeds, calendars,
TimelineJS, release, citations, charts), one entry per output in OUTPUTS.

Each output takes the build and the site's address and returns {site path: text}. While
previewing, the outputs nobody previews (`lean`: the API and spreadsheets, the release, citations,
charts, the per-issue and per-chain feeds) are left out unless TTT_SERVE_ALL=1.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from macros.outputs.api import api_files
from macros.outputs.changes_feed import changes_feed
from macros.outputs.cite import cite_files
from macros.outputs.embeds import chart_files, countdown_page
from macros.outputs.feeds import atom_feed, icalendar_feed, subscriptions
from macros.outputs.release import release_files
from macros.outputs.spreadsheets import csv_files
from macros.outputs.timelinejs import timelinejs
from macros.outputs.zh_feeds import zh_subscription_files
from macros.render.page_table import HAND_WRITTEN_TWINS, ZH
from macros.render.pages import timeline_anchors
from macros.site.page_files import built_languages
from macros.site.state import BuildState
from macros.views import routes
from macros.views.changes import feed_updates
from macros.views.routes import Routes

Files = dict[str, str]
EMPTY_SITEMAP = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                 '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n')


@dataclass(frozen=True)
class Output:
    """One kind of file. `write(build, site_url, written, lean)` gets the files written before it (the
    release zip packs them). `previewed`: written under `mkdocs serve` too (else only with TTT_SERVE_ALL)."""

    name: str
    write: Callable[[BuildState, str, Files, bool], Files]
    previewed: bool = True


def _api(build: BuildState, site_url: str, written: Files, lean: bool) -> Files:
    return {**api_files(build.dataset), **csv_files(build.dataset)}


def _timeline_files(build: BuildState, site_url: str, written: Files, lean: bool) -> Files:
    """TimelineJS's file, and the anchors that send an old timeline link to its page (a page's script reads it)."""
    return {routes.TIMELINEJS: timelinejs(build.dataset, site_url),
            routes.TIMELINE_ANCHORS: timeline_anchors(build.renderer)}


def _feeds(build: BuildState, site_url: str, written: Files, lean: bool) -> Files:
    """The site-wide feed and calendar (while previewing, only those), one pair per issue and chain,
    the changes feed; and an empty sitemap in the feed folders: Material's script fetches sitemap.xml
    beside every <link rel="alternate"> it finds, and issue pages announce feeds there."""
    data, files = build.dataset, {}
    updated = feed_updates(data, build.history)
    every = subscriptions(data)
    for subscription in every[:1] if lean else every:
        files[subscription.calendar_path] = icalendar_feed(data, site_url, subscription)
        files[subscription.feed_path] = atom_feed(data, site_url, subscription, updated)
    files[routes.CHANGES_FEED] = changes_feed(data, build.history, site_url)
    if ZH in built_languages():
        files.update(zh_subscription_files(data, site_url, updated, lean))
    for folder in {path.rsplit("/", 1)[0] for path in files
                   if path.startswith(("feeds/", "calendars/", Routes.in_zh("feeds/"), Routes.in_zh("calendars/")))}:
        files[f"{folder}/sitemap.xml"] = EMPTY_SITEMAP
    return files


def _alternate_sitemaps(build: BuildState, site_url: str, written: Files, lean: bool) -> Files:
    """Material's script fetches sitemap.xml beside every <link rel="alternate"> a page has; a page
    and its twin in the other language link each other, so each of their folders gets an empty one."""
    twins = {page.url for page in build.generated.values() if page.family.twin}
    twins |= {url for pair in HAND_WRITTEN_TWINS for url in pair}
    return {f"{url}sitemap.xml": EMPTY_SITEMAP for url in twins}


OUTPUTS: tuple[Output, ...] = (
    Output("api and spreadsheets", _api, previewed=False),
    Output("timeline files", _timeline_files),
    Output("feeds and calendars", _feeds),
    Output("release", lambda build, site_url, written, lean: release_files(build.dataset, written), previewed=False),
    Output("citations", lambda build, site_url, written, lean: cite_files(build.dataset, site_url), previewed=False),
    Output("charts", lambda build, site_url, written, lean: chart_files(build.dataset, site_url), previewed=False),
    Output("sitemaps beside the language twins", _alternate_sitemaps),
    Output("countdown", lambda build, site_url, written, lean: {routes.EMBED_COUNTDOWN:
                                                                countdown_page(build.dataset, site_url)}),
)


def write_outputs(build: BuildState, site_url: str, lean: bool) -> Files:
    """Every output's files, in OUTPUTS order (the release packs what was written before it)."""
    files: Files = {}
    for output in OUTPUTS:
        if output.previewed or not lean:
            files |= output.write(build, site_url, files, lean)
    return files
