"""For reuse: licences in the repository, on the pages and inside every file; subscriptions per
issue and per deadline chain with reminders; the checksummed data release."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import zipfile

import feedparser
from icalendar import Calendar

from tests.conftest import ROOT

CC_BY = "https://creativecommons.org/licenses/by/4.0/"


def test_licences_are_in_the_repository_and_on_every_page(real_build):
    assert "MIT License" in (ROOT / "LICENSE").read_text()
    assert CC_BY in (ROOT / "DATA-LICENSE.md").read_text()
    for page in ("", "about/", "data-api/", "rounds/2025-09-madrid/", "measures/"):
        soup = real_build.html(page)
        assert soup.select_one(f'footer a[rel="license"][href="{CC_BY}"]') is not None, page
    for page in ("about/", "data-api/"):
        assert real_build.html(page).select_one(f'article a[rel="license"][href="{CC_BY}"]') is not None


def test_every_api_file_feed_and_calendar_carries_the_licence(real_build):
    for path in sorted((real_build.site / "api" / "v1").glob("*.json")):
        if path.name == "timeline.json":
            assert "CC-BY-4.0" in json.loads(path.read_text())["title"]["text"]["text"]
            continue
        document = json.loads(path.read_text())
        assert (document["license"], document["license_url"]) == ("CC-BY-4.0", CC_BY), path.name
        assert document["as_of"] in document["credit"]
    feed = feedparser.parse((real_build.site / "feed.atom").read_bytes())
    assert CC_BY in feed.feed.rights
    calendar = Calendar.from_ical((real_build.site / "calendar.ics").read_bytes())
    assert CC_BY in str(calendar["X-WR-CALDESC"])


def test_each_issue_has_its_own_feed_and_calendar_announced_on_its_page(real_build, real_dataset):
    data = real_dataset
    for issue in data.issues:
        soup = real_build.html(f"issues/{issue.id}/")
        feed_link = soup.select_one('head link[rel="alternate"][type="application/atom+xml"][href$=".atom"]'
                                    f'[href*="issue-{issue.id}"]')
        calendar_link = soup.select_one(f'head link[rel="alternate"][type="text/calendar"][href*="issue-{issue.id}"]')
        assert feed_link is not None and calendar_link is not None
        feed = feedparser.parse((real_build.site / "feeds" / f"issue-{issue.id}.atom").read_bytes())
        assert feed.bozo == 0
        assert feed.entries and all(any(t.term == issue.id for t in e.tags) for e in feed.entries)
        events = {f"tag:trade-truce-tracker,2025:event-{e.id}" for e in data.events if issue.id in e.issues}
        assert events <= {e.id for e in feed.entries}
        calendar = Calendar.from_ical((real_build.site / "calendars" / f"issue-{issue.id}.ics").read_bytes())
        uids = {str(e["UID"]) for e in calendar.walk("VEVENT")}
        assert uids >= {f"deadline-{d.id}@trade-truce-tracker" for d in data.deadlines if issue.id in d.issues}


def test_pending_deadlines_carry_three_reminders(real_build, real_dataset):
    data = real_dataset
    pending = [d for d in data.deadlines if d.status == "pending" and d.due >= data.today]
    assert pending
    for path in [real_build.site / "calendar.ics", *(real_build.site / "calendars").glob("*.ics")]:
        calendar = Calendar.from_ical(path.read_bytes())
        for event in calendar.walk("VEVENT"):
            uid = str(event["UID"]).split("@")[0]
            alarms = event.walk("VALARM")
            if uid.startswith("deadline-") and uid.removeprefix("deadline-") in {d.id for d in pending}:
                assert sorted(a.decoded("TRIGGER") for a in alarms) == [
                    dt.timedelta(days=-30), dt.timedelta(days=-7), dt.timedelta(days=-1)], (path.name, uid)
            else:
                assert alarms == [], (path.name, uid)


def test_each_chain_of_deadlines_has_a_feed_and_calendar(real_build, real_dataset):
    from macros.views.deadlines import chains

    for chain in chains(real_dataset):
        if len(chain) < 2:
            continue
        feed = feedparser.parse((real_build.site / "feeds" / f"chain-{chain[0].id}.atom").read_bytes())
        assert {f"tag:trade-truce-tracker,2025:deadline-{d.id}" for d in chain} <= {e.id for e in feed.entries}
        calendar = Calendar.from_ical((real_build.site / "calendars" / f"chain-{chain[0].id}.ics").read_bytes())
        assert {str(e["UID"]) for e in calendar.walk("VEVENT")} == {f"deadline-{d.id}@trade-truce-tracker"
                                                                     for d in chain}


def test_each_chain_of_deadlines_links_its_own_feed_and_calendar(real_build, real_dataset):
    from macros.views import deadlines

    titles = real_build.html("deadlines/").select(".ttt-chain__title")
    hrefs = {a["href"] for title in titles for a in title.select("a")}
    chains = [c for c in deadlines.chains(real_dataset) if len(c) > 1]
    assert chains
    for chain in chains:
        assert {f"../feeds/chain-{chain[0].id}.atom", f"../calendars/chain-{chain[0].id}.ics"} <= hrefs


def test_the_subscribe_page_lists_every_feed_and_calendar(real_build):
    soup = real_build.html("subscribe/")
    hrefs = {a["href"] for a in soup.select("#subscriptions a")}
    published = {p.relative_to(real_build.site).as_posix() for p in real_build.site.glob("feeds/*.atom")}
    published |= {p.relative_to(real_build.site).as_posix() for p in real_build.site.glob("calendars/*.ics")}
    assert {f"../{p}" for p in published} | {"../feed.atom", "../calendar.ics"} <= hrefs


def test_the_release_zip_matches_its_checksums_and_the_api_files(real_build):
    downloads = real_build.site / "downloads"
    sums = {}
    for line in (downloads / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split("  ", 1)
        sums[name] = digest
    for name, digest in sums.items():
        assert hashlib.sha256((downloads / name).read_bytes()).hexdigest() == digest, name
    api_files = {p.relative_to(real_build.site / "api" / "v1").as_posix(): p.read_bytes()
                 for p in (real_build.site / "api" / "v1").rglob("*") if p.is_file()}
    assert {f"../api/v1/{name}" for name in api_files} == set(sums) - {"trade-truce-data.zip"}
    with zipfile.ZipFile(io.BytesIO((downloads / "trade-truce-data.zip").read_bytes())) as archive:
        names = archive.namelist()
        folder = names[0].split("/")[0]
        members = {name.removeprefix(folder + "/"): archive.read(name) for name in names}
    assert {k: v for k, v in members.items() if k not in ("README.txt", "LICENSE.txt")} == api_files
    readme = members["README.txt"].decode()
    as_of = real_build.json("api/v1/rounds.json")["as_of"]
    assert f"Data as of: {as_of}" in readme and "Version: " + as_of + "+" in readme
    assert CC_BY in members["LICENSE.txt"].decode()


def test_every_citable_record_has_csl_json_that_citeproc_reads_and_bibtex_that_parses(real_build, real_dataset):
    import bibtexparser
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    data = real_dataset
    expected = ([("round", r.id, r.title) for r in data.rounds] + [("issue", i.id, i.title) for i in data.issues]
                + [("measure", m.id, m.title) for m in data.measures]
                + [("deadline", d.id, d.title) for d in data.deadlines]
                + [("commitment", c.id, None) for c in data.commitments])
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    for kind, record_id, title in expected:
        csl = json.loads((real_build.site / "cite" / f"{kind}-{record_id}.json").read_text())
        assert csl[0]["type"] == "webpage" and csl[0]["issued"]["date-parts"][0][0] == data.as_of.year
        source = CiteProcJSON(csl)
        bibliography = CitationStylesBibliography(style, source, formatter.plain)
        bibliography.register(Citation([CitationItem(f"ttt-{kind}-{record_id}")]))
        rendered = str(bibliography.bibliography()[0])
        if title:
            assert csl[0]["title"] == title and title.split()[0] in rendered
        bib = bibtexparser.loads((real_build.site / "cite" / f"{kind}-{record_id}.bib").read_text())
        (entry,) = bib.entries
        assert entry["ID"] == f"ttt-{kind}-{record_id}" and entry["ENTRYTYPE"] == "misc"
        assert entry["url"].replace("\\#", "#") == csl[0]["URL"]


def test_record_pages_have_a_cite_this_block(real_build, real_dataset):
    for page, kind, record_id in ([(f"rounds/{r.id}/", "round", r.id) for r in real_dataset.rounds[:2]]
                                  + [(f"issues/{i.id}/", "issue", i.id) for i in real_dataset.issues[:2]]
                                  + [(f"measures/{m.id}/", "measure", m.id) for m in real_dataset.measures[:2]]):
        block = real_build.html(page).select_one("#cite + div.ttt-citethis")
        text = block.get_text(" ", strip=True)
        assert "Trade Truce Tracker contributors" in text and real_dataset.as_of.isoformat() in str(block)
        assert {a["href"].rsplit("/", 1)[-1] for a in block.select("a[href*='cite/']")} == {
            f"{kind}-{record_id}.json", f"{kind}-{record_id}.bib"}
    deadlines = real_build.html("deadlines/")
    for deadline in real_dataset.deadlines:
        item = deadlines.find("li", id=f"deadline-{deadline.id}")
        assert item.select_one(f"a[href$='cite/deadline-{deadline.id}.bib']") is not None
    commitments = real_build.html("commitments/")
    for commitment in real_dataset.commitments:
        item = commitments.find("li", id=f"commitment-{commitment.id}")
        assert item.select_one(f"a[href$='cite/commitment-{commitment.id}.json']") is not None


def test_every_chart_downloads_as_a_standalone_svg_with_title_source_licence_and_date(real_build, real_dataset):
    import xml.etree.ElementTree as ET

    svg_ns = "{http://www.w3.org/2000/svg}"
    charts = sorted((real_build.site / "downloads" / "charts").glob("*.svg"))
    assert {p.stem for p in charts} >= {"headline-tariffs", "tariffs-by-authority-us", "tariffs-by-authority-cn",
                                         "timeline-overview"}
    for path in charts:
        root = ET.parse(path).getroot()
        assert root.tag == f"{svg_ns}svg" and root.find(f"{svg_ns}title").text
        words = " ".join(t.text or "" for t in root.iter(f"{svg_ns}text"))
        assert "Source: Trade Truce Tracker" in words and CC_BY in words, path.name
        as_of = real_dataset.as_of
        assert f"data as of {as_of.day} {as_of.strftime('%B %Y')}" in words
    linked = {a["href"].rsplit("/", 1)[-1] for page in ("tariffs/", "timeline/")
              for a in real_build.html(page).select("a[download]")}
    assert linked == {p.name for p in charts}


def test_the_countdown_embed_lists_the_deadlines_ahead_without_script(real_build, real_dataset):
    from bs4 import BeautifulSoup

    html = (real_build.site / "embed" / "countdown.html").read_text()
    soup = BeautifulSoup(html, "html5lib")
    assert soup.find("script") is None and soup.find("link", rel="stylesheet") is None
    ahead = [d for d in real_dataset.deadlines if d.status == "pending" and d.due >= real_dataset.today][:5]
    items = soup.select("main li")
    assert [li.time["datetime"] for li in items] == [d.due.isoformat() for d in ahead]
    for li, deadline in zip(items, ahead, strict=True):
        assert li.select_one(".days").get_text() == str((deadline.due - real_dataset.today).days)
        assert li.a["target"] == "_top"
    assert soup.select_one(f'footer a[rel="license"][href="{CC_BY}"]') is not None
