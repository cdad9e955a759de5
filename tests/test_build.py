"""Full builds: the generated pages, timeline and API agree with the data, and links resolve."""

from __future__ import annotations

import shutil

from macros.data.dataset import load_dataset
from tests.conftest import FIXTURES, make_project, run_build
from tests.site_links import broken_links


def test_fixture_build_has_a_page_per_round_and_issue(fixture_build):
    data = load_dataset(fixture_build.project)
    for rnd in data.rounds:
        soup = fixture_build.html(f"rounds/{rnd.id}/")
        assert soup.h1.get_text(strip=True).rstrip("¶") == rnd.title
        times = [t["datetime"] for t in soup.select(".ttt-facts time")]
        assert times[0] == rnd.start.isoformat()
        names = {a.get_text() for a in soup.select(".ttt-delegations a")}
        assert names == {data.by_id["people"][m.person].name
                         for m in (*rnd.delegations.us, *rnd.delegations.cn)}
        for section in ("what-happened", "delegations", "issues", "tensions", "expectations",
                        "outcomes", "documents", "sources"):
            assert soup.find(id=section) is not None, section
    for issue in data.issues:
        soup = fixture_build.html(f"issues/{issue.id}/")
        assert soup.h1.get_text(strip=True).rstrip("¶") == issue.title
        assert soup.select_one(".ttt-status-line time")["datetime"] == issue.status.as_of.isoformat()


def test_issue_history_lists_every_record_naming_it_in_date_order(fixture_build):
    soup = fixture_build.html("issues/widgets/")
    anchors = [li["id"] for li in soup.select("#history ~ ol.ttt-timeline > li")]
    assert anchors == ["event-2025-04-02-us-tariff", "event-2025-04-04-cn-tariff", "round-2025-05-alpha",
                       "round-2025-06-beta", "deadline-truce-1", "deadline-truce-2"]


def test_timeline_has_every_record_with_anchor_time_kind_issues_sources(fixture_build):
    data = load_dataset(fixture_build.project)
    entries = fixture_build.timeline_entries()
    expected = ({f"round-{r.id}" for r in data.rounds} | {f"event-{e.id}" for e in data.events}
                | {f"deadline-{d.id}" for d in data.deadlines})
    assert set(entries) == expected
    dates = [li.find("time")["datetime"] for li in entries.values()]
    assert dates == sorted(dates)
    for anchor, li in entries.items():
        assert li.select_one(".ttt-kind").get_text()
        assert li.select(".ttt-tags a[href*='issues/']")
        assert li.select(".ttt-entry__sources a[href^='https://']")
        date = li.find("time")["datetime"]
        year, month = int(date[:4]), int(date[5:7])
        assert li["data-page"] == f"timeline/{year}-q{(month - 1) // 3 + 1}/", anchor
    quarter = fixture_build.html("timeline/2025-q2/")
    assert quarter.h1.get_text(strip=True).rstrip("¶") == "Timeline: April–June 2025"
    months = [h.get_text(strip=True).rstrip("¶") for h in quarter.find_all("h2")]
    assert months == ["April 2025", "May 2025", "June 2025"]
    month_entry = quarter.find(id="event-2025-05-alpha-call").find("time")
    assert (month_entry["datetime"], month_entry.get_text()) == ("2025-05", "May 2025")
    index = fixture_build.html("timeline/")
    listed = [a["href"] for a in index.select(".ttt-quarters a")]
    assert sorted(listed) == sorted(f"{p.parent.name}/" for p in (fixture_build.site / "timeline").glob("*/index.html"))
    anchors = fixture_build.json("timeline/anchors.json")
    assert {a: f"timeline/{q}/" for a, q in anchors.items()} == {a: li["data-page"] for a, li in entries.items()}


def test_indexes_list_newest_first(fixture_build):
    rows = fixture_build.html("rounds/").select(".ttt-table table tbody tr")
    assert [row["id"] for row in rows] == ["2025-06-beta", "2025-05-alpha"]
    assert rows[0].find_all("td")[2].get_text() == "Betatown, Elsewhere"
    issue_rows = fixture_build.html("issues/").select(".ttt-table table tbody tr")
    assert {row["id"] for row in issue_rows} == {"widgets", "gadgets"}


def test_data_text_is_never_a_template_or_html(fixture_build):
    html = (fixture_build.site / "rounds/2025-05-alpha/index.html").read_text(encoding="utf-8")
    assert "{{ 7*7 }} stays literal." in html
    assert "49 stays literal" not in html
    timeline = (fixture_build.site / "timeline/2025-q2/index.html").read_text(encoding="utf-8")
    assert "3 &lt; 4 is fine" in timeline


def test_api_files_follow_the_documented_shape(fixture_build):
    data = load_dataset(fixture_build.project)
    rounds = fixture_build.json("api/v1/rounds.json")
    assert rounds["schema_version"] == 1 and rounds["as_of"] == data.as_of.isoformat()
    first = rounds["rounds"][0]
    assert {"id", "title", "kind", "start", "end", "location", "delegations", "issues", "sources", "page"} <= set(first)
    assert first["delegations"] == {"us": ["ann-us"], "cn": ["bo-cn"]}
    assert set(first["location"]) == {"city", "country", "venue"}
    assert set(first["sources"][0]) >= {"url", "publisher", "title", "date"}
    assert (fixture_build.site / first["page"] / "index.html").is_file()
    for name in ("issues", "events", "deadlines", "people", "tariffs"):
        document = fixture_build.json(f"api/v1/{name}.json")
        assert document["schema_version"] == 1 and len(document[name]) == len(data.by_id[name])
    entries = fixture_build.timeline_entries()
    for event in fixture_build.json("api/v1/events.json")["events"]:
        assert event["page"] == f"{entries['event-' + event['id']]['data-page']}#event-{event['id']}"


def test_fixture_links_and_anchors_resolve(fixture_build):
    assert broken_links(fixture_build.site) == []


def test_data_error_fails_the_build_and_leaves_the_site_alone(tmp_path):
    bad = tmp_path / "data"
    shutil.copytree(FIXTURES / "valid" / "data", bad)
    round_file = bad / "rounds" / "2025-05-alpha.yaml"
    round_file.write_text(round_file.read_text().replace("person: ann-us, role", "person: an-us, role"))
    project = make_project(tmp_path / "p", bad)
    site = tmp_path / "site"
    site.mkdir()
    (site / "previous.html").write_text("previous build")
    build = run_build(project, site)
    assert build.returncode != 0
    assert "data/rounds/2025-05-alpha.yaml:9:" in build.stderr
    assert "delegations.us[0].person: unknown person 'an-us' — did you mean 'ann-us'?" in build.stderr
    assert "Traceback" not in build.stderr
    assert [p.name for p in site.iterdir()] == ["previous.html"]


def test_real_site_builds_strict_with_every_record_on_it(real_build, real_dataset):
    data = real_dataset
    for rnd in data.rounds:
        assert (real_build.site / "rounds" / rnd.id / "index.html").is_file()
    for issue in data.issues:
        assert (real_build.site / "issues" / issue.id / "index.html").is_file()
    timeline_ids = set(real_build.timeline_entries())
    assert timeline_ids == ({f"round-{r.id}" for r in data.rounds} | {f"event-{e.id}" for e in data.events}
                            | {f"deadline-{d.id}" for d in data.deadlines})
    api = real_build.json("api/v1/rounds.json")
    assert [r["id"] for r in api["rounds"]] == [r.id for r in data.rounds]


def test_real_site_links_and_anchors_resolve(real_build):
    assert broken_links(real_build.site) == []


def test_home_shows_data_as_of_and_latest_round(real_build, real_dataset):
    soup = real_build.html("")
    banner = soup.select_one(".ttt-asof-banner time")
    assert banner["datetime"] == real_dataset.as_of.isoformat()
    if real_dataset.rounds:
        latest = real_dataset.rounds[-1]
        assert soup.select_one(".ttt-card__title a")["href"] == f"rounds/{latest.id}/"


def test_schemas_are_up_to_date():
    from macros.schema import SCHEMA_DIR, schemas

    for name, text in schemas().items():
        assert (SCHEMA_DIR / name).read_text(encoding="utf-8") == text, (
            f"schemas/{name} is stale: run `.venv/bin/python -m macros.schema`")


def test_every_real_page_is_well_formed_html(real_build):
    """Every built page parses under the HTML5 algorithm without a single parse error, and no id repeats."""
    import html5lib

    problems = []
    pages = sorted(real_build.site.rglob("*.html"))
    assert len(pages) > 50
    for page in pages:
        parser = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("etree", fullTree=True))
        tree = parser.parse(page.read_bytes(), transport_encoding="utf-8")
        where = page.relative_to(real_build.site)
        problems += [f"{where} line {line}:{col}: {code} {data}" for (line, col), code, data in parser.errors]
        ids = [el.get("id") for el in tree.iter() if el.get("id")]
        problems += [f"{where}: id {i!r} used {ids.count(i)} times" for i in sorted(set(ids)) if ids.count(i) > 1]
    assert problems == []


def test_the_link_checker_finds_missing_pages_and_anchors(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h2 id="here">x</h2><a href="#here">ok</a><a href="#gone">x</a>'
                                               '<a href="../b/">b</a><a href="../c/">c</a>'
                                               '<a href="https://example.org/#x">out</a>')
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "index.html").write_text('<a href="../a/#here">back</a><a href="../a/#nope">bad</a>')
    assert broken_links(tmp_path) == ["/a/index.html: #gone → no anchor #gone", "/a/index.html: ../c/ → no such file",
                                      "/b/index.html: ../a/#nope → no anchor #nope"]
