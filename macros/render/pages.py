"""The content of each generated page: which records, in which order, through which partial.

Each function prepares a page's values from the views and renders its partial. Every one has the
same signature, (renderer, PageRequest) → Markdown; macros/render/page_table.py says which pages
each writes.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from itertools import groupby

from macros.data.dataset import Dataset
from macros.data.records import Commitment, TariffChange, is_relayed, sources_in
from macros.data.refs import publisher_key
from macros.render.chart import tariff_chart
from macros.render.jinja import Renderer, human_date, relative_base
from macros.render.ledger_charts import stacked_tariff, state_strip
from macros.render.overview_chart import mark_target, overview_svg
from macros.render.request import PageRequest
from macros.views import (
    citing,
    deadlines,
    labels,
    ledger,
    overview,
    paging,
    precedent,
    publication,
    purchases,
    rounds,
    routes,
    sources,
    timeline,
)
from macros.views.changes import recent_changes
from macros.views.routes import Routes
from macros.views.subscriptions import REMINDER_DAYS, subscriptions
from macros.views.timeline import category_counts


def _by_side(commitments: list[Commitment]) -> list[tuple[str, list[Commitment]]]:
    return [(side, [c for c in commitments if c.side == side]) for side in ledger.SIDES
            if any(c.side == side for c in commitments)]


def round_page(r: Renderer, page: PageRequest) -> str:
    (round_id,), page_url = page.key, page.url
    data = r.data
    rnd = data.by_id["rounds"][round_id]
    position = timeline.round_positions(data)[rnd.id]
    people = data.by_id["people"]
    delegations = {
        side: [(people[m.person], m.role or rounds.role_at(people[m.person], rnd.start))
               for m in getattr(rnd.delegations, side)]
        for side in ("us", "cn")
    }
    return r.render(
        "round.md.j2", page_url,
        r=rnd,
        number=position + 1,
        total=len(data.rounds),
        previous=data.rounds[position - 1] if position > 0 else None,
        next=data.rounds[position + 1] if position + 1 < len(data.rounds) else None,
        related=timeline.events_by_round(data).get(rnd.id, []),
        issues_touched=timeline.round_issues(rnd),
        delegations=delegations,
        all_sources=sources.round_sources(rnd),
        commitments=_by_side(ledger.commitments_by_round(data).get(rnd.id, [])),
        related_shown=paging.RELATED_ON_ROUND,
    )


def issue_page(r: Renderer, page: PageRequest) -> str:
    (issue_id,), page_url = page.key, page.url
    issue = r.data.by_id["issues"][issue_id]
    history = timeline.issue_history(r.data, issue_id)
    years = paging.issue_years(r.data, issue_id)
    shown = paging.issue_inline(r.data, issue_id)
    cited = [*issue.status.sources, *issue.sources]
    measures = [(m, m.states[-1]) for m in ledger.measures_by_issue(r.data).get(issue_id, [])]
    commitments = ledger.commitments_by_issue(r.data).get(issue_id, [])
    cap = paging.LEDGER_ON_ISSUE  # the latest on record: measures by their last state, commitments newest first
    measures_shown = sorted(measures, key=lambda pair: pair[1].start, reverse=True)[:cap]
    follow = {"feed": Routes.issue_feed(issue_id), "calendar": Routes.issue_calendar(issue_id),
              "webcal": Routes.webcal(r.site_url, Routes.issue_calendar(issue_id)), "reminders": REMINDER_DAYS}
    return r.render("issue.md.j2", page_url, i=issue, history=history, shown=shown, years=years, follow=follow,
                    counts=category_counts(history), all_sources=sources.unique_sources(cited),
                    measures=measures_shown, measure_count=len(measures),
                    commitments=list(reversed(commitments))[:cap], commitment_count=len(commitments))


def issue_year(r: Renderer, page: PageRequest) -> str:
    (issue_id, year), page_url = page.key, page.url
    issue = r.data.by_id["issues"][issue_id]
    years = paging.issue_years(r.data, issue_id)
    return r.render("issue_year.md.j2", page_url, i=issue, year=year, entries=years[year],
                    years=list(years), counts=category_counts(years[year]))


def timeline_index(r: Renderer, page: PageRequest) -> str:
    page_url = page.url
    data = r.data
    by_quarter = paging.timeline_pages(data)
    quarters = [(name, category_counts(entries), overview.quarter_only_scheduled(data, entries))
                for name, entries in by_quarter.items()]
    years = [(year, list(group)) for year, group in groupby(quarters, key=lambda q: q[0][:4])]
    # A record of many years lists the quarters of its latest years; earlier years link their first quarter.
    earlier = [(year, group[0][0]) for year, group in years[:-paging.QUARTER_YEARS_LISTED]]
    years = years[-paging.QUARTER_YEARS_LISTED:]
    view = overview.overview(data)
    # The latest quarter with a round or an event; after it, quarters that hold only deadlines.
    with_events = [name for name, entries in by_quarter.items() if any(e.category != "deadline" for e in entries)]
    latest = with_events[-1] if with_events else (quarters[-1][0] if quarters else "")
    after = [name for name, *_ in quarters if name > latest]
    return r.render("timeline_index.md.j2", page_url, quarters=quarters, years=years, earlier=earlier, view=view,
                    latest_quarter=latest, deadlines_after=after[0] if after else "",
                    picture=overview_svg(view, r.routes, relative_base(page_url)),
                    mark_url=lambda mark: mark_target(mark, r.routes),
                    outcome_label=overview.deadline_outcome_label,
                    total=category_counts(timeline.timeline_entries(data)))


def timeline_quarter(r: Renderer, page: PageRequest) -> str:
    (name,), page_url = page.key, page.url
    quarters = paging.timeline_pages(r.data)
    names = list(quarters)
    entries = quarters[name]
    position = names.index(name)
    months = [(month, list(in_month)) for month, in_month in groupby(entries, key=lambda e: e.date.replace(day=1))]
    kinds = list(dict.fromkeys((e.kind, e.kind_label) for e in sorted(entries, key=lambda e: e.kind_label)))
    return r.render("timeline.md.j2", page_url, name=name, label=labels.quarter_part(name), months=months, kinds=kinds,
                    counts=category_counts(entries), issues=r.data.issues,
                    previous=names[position - 1] if position else None,
                    next=names[position + 1] if position + 1 < len(names) else None)


def timeline_anchors(r: Renderer) -> str:
    """anchor → timeline page, so that an old or shortened link `timeline/#event-…` finds its page."""
    return json.dumps(paging.entry_pages(r.data), separators=(",", ":"))


def rounds_index(r: Renderer, page: PageRequest) -> str:
    page_url, year = page.url, page.part
    data = r.data
    years = paging.round_years(data)
    if year is not None:
        shown = list(reversed(years[year]))
    else:
        shown = list(reversed(data.rounds))[: paging.ROUNDS_ON_INDEX] if years else list(reversed(data.rounds))
    return r.render("rounds_index.md.j2", page_url, rounds=[(x, timeline.round_issues(x)) for x in shown],
                    round_count=len(data.rounds), years=list(years), year=year)


def tags_page(r: Renderer, page: PageRequest) -> str:
    """'Rounds by issue': every issue with its latest rounds and their count (bounded by the number
    of issues, whatever the number of rounds); each issue's page holds its whole history."""
    page_url = page.url
    by_issue = rounds.rounds_by_issue(r.data)
    groups = [(issue, by_issue.get(issue.id, [])) for issue in r.data.issues]
    return r.render("tags.md.j2", page_url, groups=groups, shown=paging.ROUNDS_PER_ISSUE,
                    round_count=len(r.data.rounds))


def issues_index(r: Renderer, page: PageRequest) -> str:
    page_url = page.url
    counts = {i.id: len(timeline.issue_history(r.data, i.id)) for i in r.data.issues}  # memoized per issue
    return r.render("issues_index.md.j2", page_url, issues=r.data.issues, history_counts=counts)


def person_page(r: Renderer, page: PageRequest) -> str:
    (person_id,), page_url = page.key, page.url
    person = r.data.by_id["people"][person_id]
    attended = []
    for rnd in rounds.rounds_attended(r.data, person_id):
        member = next(m for m in (*rnd.delegations.us, *rnd.delegations.cn) if m.person == person_id)
        attended.append((rnd, member.role or rounds.role_at(person, rnd.start)))
    return r.render("person.md.j2", page_url, p=person, attended=attended, rounds_shown=paging.ROUNDS_ON_PERSON)


def people_index(r: Renderer, page: PageRequest) -> str:
    page_url, letter = page.url, page.part
    initials = paging.people_initials(r.data)
    if letter is not None:
        people = initials[letter]
    elif initials:
        people = []
    else:
        people = list(r.data.people)
    attended_by = {p.id: rounds.rounds_attended(r.data, p.id) for p in people}
    return r.render("people_index.md.j2", page_url, people=people, initials=initials, letter=letter,
                    people_count=len(r.data.people), attended_by=attended_by,
                    rounds_shown=paging.ROUNDS_ON_PEOPLE_INDEX)


def current_rates(r: Renderer) -> list[tuple[str, object]]:
    """The latest headline tariff each way that is already in effect, by its short label."""
    return [(labels.TARIFF_DIRECTION_SHORT[direction], t) for direction, t in rates_in_force(r.data)]


def rates_in_force(data: Dataset) -> list[tuple[str, TariffChange]]:
    """(direction, the latest headline tariff that way already in effect), each way that has one."""
    rates = []
    for direction in labels.TARIFF_DIRECTION:
        in_force = [t for t in data.tariffs if t.direction == direction and t.effective <= data.today]
        if in_force:
            rates.append((direction, in_force[-1]))
    return rates


def where_things_stand(data: Dataset) -> dict[str, object]:
    """Each side's across-the-board layers and measures at the horizon, and the cliffs ahead (both
    editions' front pages show them)."""
    standing = ledger.standing_at_horizon(data)
    sides = []
    for side in ledger.SIDES:
        mine = [st for st in standing if st.measure.side == side]
        counts = {"in-force": sum(st.status == "in-force" for st in mine),
                  "suspended": sum(st.status == "suspended" for st in mine),
                  "partly": sum(st.state.suspended_rate is not None for st in mine)}
        untils = Counter(data.by_id["deadlines"][st.state.until].due for st in mine
                         if st.state.until and (st.status == "suspended" or st.state.suspended_rate is not None))
        due = [(day, n, day < data.today) for day, n in sorted(untils.items())]
        layers = next((s.layers for s in reversed(ledger.tariff_steps(data, side)) if s.start <= data.as_of), ())
        selected = [(m, state) for m in ledger.tariff_measures(data, side, "selected-goods")
                    if (state := ledger.state_on(m, data.as_of)) is not None and state.status == "in-force"]
        ends = [state.until for layer in layers if (state := ledger.state_on(layer.measure, data.as_of)) is not None
                and state.until and state.suspended_rate is None
                and data.by_id["deadlines"][state.until].due < data.today]  # a statutory end that passed
        sides.append((side, ledger.headline_on(data, side, data.as_of), layers, selected, counts, due, ends))
    cliffs = ledger.cliffs_to_show(data)
    changes = [sb for cliff in cliffs for sb in cliff.changes]
    passed_since = [d for d in data.deadlines if data.as_of < d.due < data.today]
    return dict(
        standing=standing[: paging.LIST_CAP], standing_count=len(standing), sides=sides,
        is_now=ledger.horizon_is_now(data), cliffs=cliffs, cliff_sides=cliff_sides(data, changes),
        passed_since=[(day, [d for d in passed_since if d.due == day])
                      for day in sorted({d.due for d in passed_since})],
        passed_open=any(d.status in ("pending", "unknown") for d in passed_since), as_of_read=data.as_of_read,
        relayed_ahead=[d for d in deadlines.upcoming(data) if is_relayed(d)],
    )


def home(r: Renderer, page: PageRequest) -> str:
    page_url = page.url
    data = r.data
    entries = timeline.timeline_entries(data)
    # Latest facts: rounds and events up to the data's horizon (deadlines are not facts yet).
    recent = [e for e in entries if e.category != "deadline" and e.date <= data.as_of][-6:][::-1]
    return r.render(
        "home.md.j2", page_url,
        **where_things_stand(data),
        latest=data.rounds[-1] if data.rounds else None,
        rates=current_rates(r),
        picture=overview_svg(overview.overview(data), r.routes, relative_base(page_url), compact=True),
        tariff_count=len(data.tariffs),
        first_tariff=min((t.effective for t in data.tariffs), default=None),
        upcoming=deadlines.upcoming(data),
        overdue=deadlines.overdue(data),
        issues=data.issues,
        recent=recent,
    )


def tariffs_page(r: Renderer, page: PageRequest) -> str:
    """The chart and tables; past TARIFFS_ON_PAGE changes, the latest years here and a page per year."""
    values = tariff_values(r.data, page.part, labels.TARIFF_DIRECTION)
    chart = tariff_chart(values["changes"], r.data.as_of, r.data.estimates) if page.part is None else None
    selected = [m for side in ledger.SIDES for m in ledger.tariff_measures(r.data, side, "selected-goods")]
    return r.render("tariffs.md.j2", page.url, **values, chart=chart, directions=labels.TARIFF_DIRECTION,
                    selected=selected)


def tariff_values(data: Dataset, year: str | None, directions: dict[str, str], zh: bool = False) -> dict[str, object]:
    """The tariffs page's changes (the latest, or a year's), each side's layers by legal authority and the
    published averages; `directions` labels the layers' charts, `zh` writes them in Chinese (both editions)."""
    years = paging.tariff_years(data)
    changes = years[year] if year is not None else paging.recent_tariffs(data)
    stacks = []
    if year is None:
        for side in ledger.SIDES:
            steps = ledger.tariff_steps(data, side)
            if steps:
                label = directions[ledger.DIRECTION_OF_SIDE[side]]
                stacks.append((side, label, stacked_tariff(steps, data.as_of, label, f"ttt-stack-{side}", zh=zh),
                               steps))
    return dict(changes=changes, series={d: [t for t in changes if t.direction == d] for d in directions},
                years={y: len(c) for y, c in years.items()}, year=year, shown=len(changes),
                tariff_count=len(data.tariffs), stacks=stacks, estimates=data.estimates if year is None else (),
                estimate_publishers=len({publisher_key(e.publisher) for e in data.estimates}))


def deadlines_page(r: Renderer, page: PageRequest) -> str:
    page_url, year = page.url, page.part
    data = r.data
    upcoming = deadlines.upcoming(data)
    overdue = deadlines.overdue(data)
    open_ids = {d.id for d in (*upcoming, *overdue)}
    settled = [d for d in data.deadlines if d.id not in open_ids]
    years = paging.chain_years(data)
    if year is not None:
        chains = years[year]
    else:
        chains = [] if years else deadlines.chains(data)
    cliffs = ledger.cliffs_to_show(data) if year is None else []
    changes = [sb for cliff in cliffs for sb in cliff.changes]
    return r.render("deadlines.md.j2", page_url, upcoming=upcoming, overdue=overdue, settled=settled,
                    chains=chains, years={y: len(c) for y, c in years.items()}, year=year, cap=paging.LIST_CAP,
                    cliffs=cliffs, cliff_sides=cliff_sides(data, changes))


def cliff_sides(data: Dataset, changes: list[ledger.SnapBack]) -> list[tuple[str, float, float]]:
    """Each side's across-the-board rate at the horizon and if every change in `changes` happened."""
    return [(side, ledger.headline_on(data, side, data.as_of), ledger.headline_after(data, side, changes))
            for side in ledger.SIDES]


def matrix_page(r: Renderer, page: PageRequest) -> str:
    page_url, year = page.url, page.part
    years = paging.matrix_years(r.data)
    if year is not None:
        shown = years[year]
    else:
        shown = years[list(years)[-1]] if years else list(r.data.rounds)
    return r.render("matrix.md.j2", page_url, cells=rounds.issue_round_matrix(r.data), rounds=shown,
                    issues=r.data.issues, years=list(years), page_year=year,
                    year=year if year is not None else (list(years)[-1] if years else None))


def scorecard_page(r: Renderer, page: PageRequest) -> str:
    page_url, year = page.url, page.part
    tally = rounds.expectation_tally(r.data)
    years = paging.scorecard_years(r.data)
    with_expectations = [x for x in r.data.rounds if x.expectations]
    if year is not None:
        shown = years[year]
    else:
        shown = [] if years else with_expectations
    return r.render("scorecard.md.j2", page_url, tally=tally, total=sum(tally.values()),
                    rounds_with=with_expectations, shown=shown, years={y: len(x) for y, x in years.items()},
                    year=year, rounds_without=[x for x in r.data.rounds if not x.expectations])


def sources_index(r: Renderer, page: PageRequest) -> str:
    page_url = page.url
    return r.render("sources_index.md.j2", page_url, **sources_values(r.data))


def sources_values(data: Dataset) -> dict[str, object]:
    """The quarters of publication, and each publisher with its count and first quarter (both editions)."""
    parts = paging.source_pages(data)
    publishers = Counter(source.publisher for items in parts.values() for source, _ in items)
    first_page: dict[str, str] = {}
    for name, items in sorted(parts.items(), key=lambda p: (p[0][:7], len(p[0]), p[0])):
        for source, _ in items:
            first_page.setdefault(source.publisher, name)
    return dict(quarters=[(q, len(items)) for q, items in parts.items()], first_quarter=first_page,
                publishers=sorted(publishers.items(), key=lambda p: p[0].lower()), total=sum(publishers.values()))


def sources_quarter(r: Renderer, page: PageRequest) -> str:
    (name,), page_url = page.key, page.url
    items = paging.source_pages(r.data)[name]
    by_publisher: dict[str, list] = {}
    for source, cited in items:
        by_publisher.setdefault(source.publisher, []).append((source, cited))
    groups = sorted(by_publisher.items(), key=lambda g: g[0].lower())
    return r.render("sources.md.j2", page_url, name=name, label=labels.quarter_part(name), groups=groups,
                    total=len(items),
                    cited_shown=paging.CITED_BY_SHOWN)


def coverage_page(r: Renderer, page: PageRequest) -> str:
    page_url = page.url
    data = r.data
    collections = [(label, getattr(data, name)) for name, label in labels.COLLECTION_COUNTED.items()]
    counts = [(label, len(records), len({s.url for x in records for _, s in sources_in(x)}))
              for label, records in collections]
    parts = {"tensions": "tensions", "expectations": "expectations", "outcomes": "outcomes", "documents": "documents"}
    thin = [(x, [label for name, label in parts.items() if not getattr(x, name)]) for x in data.rounds]
    round_word, event_word = labels.COLLECTION["rounds"], labels.COLLECTION["events"]
    disputes = [(f"{round_word}: {x.title}", Routes.round(x.id), d.about) for x in data.rounds for d in x.disputes]
    disputes += [(f"{event_word}: {e.title}", r.routes.on_timeline("event", e.id, e.date), d.about) for e in data.events
                 for d in e.disputes]
    first = min([x.start for x in data.rounds] + [e.date for e in data.events], default=data.today)
    cited = {s.url: s for x in data.all_records() for _, s in sources_in(x)}
    levels = Counter(s.verification for s in cited.values())
    relayed = Counter(type(x).__name__ for x in data.all_records() if is_relayed(x))
    return r.render("coverage.md.j2", page_url, counts=counts, thin_rounds=[t for t in thin if t[1]],
                    levels=[(level, levels.get(level, 0)) for level in ("original", "report", "repost", "relay")],
                    level_total=len(cited), relayed=sorted(relayed.items()), as_of_read=data.as_of_read,
                    cap=paging.LIST_CAP, single=sources.single_source_records(data), disputes=disputes,
                    overdue=deadlines.overdue(data), first=first, warnings=data.warnings, gaps=data.gaps)


def measure_page(r: Renderer, page: PageRequest) -> str:
    (measure_id,), page_url = page.key, page.url
    data = r.data
    measure = data.by_id["measures"][measure_id]
    states = [(state, ledger.state_end(measure, state)) for state in measure.states]
    related = timeline.event_entries(data, ledger.events_of_measure(data, measure_id))
    cited = [source for state in measure.states for source in state.sources]
    cited += [source for dispute in measure.disputes for account in dispute.accounts for source in account.sources]
    return r.render("measure.md.j2", page_url, m=measure, current=measure.states[-1], states=states,
                    counterpart=data.by_id["measures"].get(measure.counterpart or ""),
                    strip=state_strip(measure, data.as_of, f"ttt-strip-{measure.id}"),
                    commitments=ledger.commitments_by_measure(data).get(measure_id, []), related=related,
                    all_sources=sources.unique_sources(cited))


def measures_index(r: Renderer, page: PageRequest) -> str:
    """Every measure by side; once there are many, a page per side and kind (and parts of those)."""
    page_url, group = page.url, page.part
    data = r.data
    standing = ledger.standing_at_horizon(data)
    groups = paging.measure_groups(data)
    if group is not None:
        shown = groups[group]
    elif groups:
        shown = []
    else:
        shown = list(data.measures)
    sides = [(side, [(m, m.states[-1]) for m in shown if m.side == side]) for side in ledger.SIDES]
    counts = Counter(m.side for m in data.measures)
    return r.render("measures_index.md.j2", page_url, sides=[(side, rows) for side, rows in sides if rows],
                    total=len(data.measures), counts={side: counts.get(side, 0) for side in ledger.SIDES},
                    active={side: sum(st.measure.side == side for st in standing) for side in ledger.SIDES},
                    groups={key: len(items) for key, items in groups.items()}, group=group)


def commitments_page(r: Renderer, page: PageRequest) -> str:
    page_url = page.url
    data = r.data
    by_round = ledger.commitments_by_round(data)
    by_side = [(side, ledger.status_counts([c for c in data.commitments if c.side == side]),
                sum(c.side == side for c in data.commitments)) for side in ledger.SIDES]
    rounds_shown = [(x, _by_side(by_round[x.id])) for x in data.rounds if x.id in by_round]
    summary = len(data.commitments) > paging.COMMITMENTS_ON_PAGE
    with_commitments = [x for x in data.rounds if x.id in by_round]
    per_round = [(x, len(by_round[x.id]), ledger.status_counts(by_round[x.id]))
                 for x in reversed(with_commitments[-paging.ROUNDS_SUMMARISED:])]  # the latest, newest first
    return r.render("commitments.md.j2", page_url, total=len(data.commitments), by_side=by_side,
                    rounds=[] if summary else rounds_shown, per_round=per_round if summary else [],
                    rounds_with=len(with_commitments))


def precedent_page(r: Renderer, page: PageRequest) -> str:
    return r.render("precedent.md.j2", page.url, **precedent_values(r.data))


def precedent_values(data: Dataset) -> dict[str, object]:
    """The precedent page's counts (both editions show them; each puts its own labels on them)."""
    sampled = [d for d in data.deadlines if precedent.outcome_of(d, data.today) is not None and not is_relayed(d)]
    expectations = [x for rnd in data.rounds for x in rnd.expectations]
    first = min([x.start for x in data.rounds] + [e.date for e in data.events], default=data.today)
    return dict(
        n_deadlines=len(sampled), n_expectations=len(expectations), n_commitments=len(data.commitments),
        n_rounds=len(data.rounds), first=first, min_n=precedent.MIN_N_FOR_SHARE,
        outcomes=precedent.DEADLINE_OUTCOMES, outcome_labels=labels.DEADLINE_OUTCOME, kind_labels=labels.DEADLINE_KIND,
        deadline_rows=list(precedent.deadline_outcomes(data).items()), leads=precedent.decision_lead(data),
        runs=precedent.chain_runs(data)[-paging.CHAIN_RUNS_LISTED:], run_count=len(precedent.chain_runs(data)),
        open_deadlines=[(d, precedent.sentence_for(data, d.id)) for d in precedent.open_deadlines(data)],
        results=precedent.RESULTS, by_labels=labels.EXPECTATION_BY,
        expectation_rows=list(precedent.expectation_results(data).items()),
        expectations_by_issue=list(precedent.expectation_results_by_issue(data).items()),
        commitment_statuses=ledger.COMMITMENT_STATUSES,
        commitment_rows=list(precedent.commitment_results(data).items()),
        commitments_by_issue=list(precedent.commitment_results_by_issue(data).items()),
        implement=precedent.days_to_implement(data),
        products=precedent.ROUND_PRODUCTS, product_labels=labels.ROUND_PRODUCT,
        round_rows=list(precedent.round_products(data).items()), window=precedent.EXTENSION_WINDOW_DAYS,
        share=precedent.share, lead_range=precedent.lead_range, relayed=precedent.relayed_apart(data),
    )


@dataclass(frozen=True)
class SubscriptionLinks:
    title: str
    feed: str
    calendar: str
    feed_url: str  # absolute, where the site's address is known
    webcal: str


def subscribe_page(r: Renderer, page: PageRequest) -> str:
    """Every feed and calendar, with copyable addresses (webcal: where the site's address is set)."""
    page_url = page.url
    site = Routes.site_root(r.site_url)
    found = []
    every = subscriptions(r.data)
    chains = [sub for sub in every if sub.key.startswith("chain-")]
    listed = [sub for sub in every if not sub.key.startswith("chain-")] + chains[-paging.CHAIN_SUBSCRIPTIONS_LISTED:]
    for sub in listed:
        feed_url = Routes.absolute(r.site_url, sub.feed_path) if site else ""
        title = sub.title.removeprefix("U.S.–China trade truce: ")
        found.append((sub.key, SubscriptionLinks(title, sub.feed_path, sub.calendar_path, feed_url,
                                                 Routes.webcal(r.site_url, sub.calendar_path))))
    return r.render("subscribe.md.j2", page_url, subscriptions=found, site=site, chain_count=len(chains),
                    chains_listed=min(len(chains), paging.CHAIN_SUBSCRIPTIONS_LISTED))


def changes_page(r: Renderer, page: PageRequest) -> str:
    page_url = page.url
    return r.render("changes.md.j2", page_url, changes=recent_changes(r.data, r.history),
                    kind_labels=labels.CHANGE_KIND, collection_labels=labels.COLLECTION)


@dataclass(frozen=True)
class EmbeddableChart:
    key: str
    title: str
    alt: str
    caption: str
    path: str  # site-relative
    page: str  # where the chart is shown on the site
    snippet: str


def _absolute(r: Renderer, path: str) -> str:
    """A site-relative path as a full address where the site's is known, else from the root ('/…')."""
    return Routes.absolute(r.site_url, path, "/")


def embed_page(r: Renderer, page: PageRequest) -> str:
    """Every chart as a file with a copyable snippet, the countdown for an <iframe>, the credit."""
    return r.render("embed.md.j2", page.url, **embed_values(r))


def embed_values(r: Renderer) -> dict[str, object]:
    """The embed page's charts, snippets and credit (both editions show them)."""
    data = r.data
    as_of = data.as_of.isoformat()
    credit = publication.credit(as_of)
    charts = []
    specs = [("headline-tariffs", "Headline additional tariffs between the U.S. and China",
              "a step chart of each side's headline tariff on the other's goods", routes.TARIFFS)]
    for side in ledger.SIDES:
        label = labels.TARIFF_DIRECTION[ledger.DIRECTION_OF_SIDE[side]]
        specs.append((f"tariffs-by-authority-{side}", f"{label}, by legal authority",
                      "the across-the-board tariff stacked by legal instrument", routes.TARIFFS))
    specs.append(("timeline-overview", "The U.S.–China trade truce in one picture",
                  "truce periods, rounds and calls, deadlines and the headline tariff each way",
                  routes.TIMELINE_PICTURE))
    for key, title, alt, shown_on in specs:
        path = Routes.chart_file(key)
        snippet = (f'<img src="{_absolute(r, path)}" alt="{title}: {alt}" width="800">\n'
                   f'<p>Source: <a href="{_absolute(r, shown_on)}">{publication.SITE_NAME}</a>, data as of {as_of}, '
                   f'CC BY 4.0</p>')
        charts.append(EmbeddableChart(key, title, alt, f"{title}, data as of {human_date(data.as_of)}.", path, shown_on,
                                      snippet))
    countdown = (f'<iframe src="{_absolute(r, routes.EMBED_COUNTDOWN)}" title="U.S.–China trade truce: deadlines '
                 f'ahead"\n        width="360" height="420" style="border:0"></iframe>')
    return dict(charts=charts, countdown_path=routes.EMBED_COUNTDOWN, countdown_snippet=countdown, credit=credit,
                site=r.site_url)


def cite_page(r: Renderer, page: PageRequest) -> str:
    """How to cite the site, a page or record (with an example), and a data release."""
    values = cite_values(r)
    return r.render("cite.md.j2", page.url, **values,
                    example_url=_absolute(r, values["example"].page) if values["example"] else "")


def cite_values(r: Renderer) -> dict[str, object]:
    """The citation page's example and counts (both editions show them)."""
    data = r.data
    example = citing.citable_by_key(data).get(("round", data.rounds[-1].id)) if data.rounds else None
    return dict(author=publication.AUTHOR, site_name=publication.SITE_NAME, site=r.site_url,
                credit=publication.credit(data.as_of.isoformat()), example=example,
                citable_count=len(citing.citables(data)))


def absolute_url(r: Renderer, path: str) -> str:
    return _absolute(r, path)


def purchases_page(r: Renderer, page: PageRequest) -> str:
    """Each purchase commitment as a meter: how much, by when, by which measure, against whose deadline."""
    page_url = page.url
    data = r.data
    return r.render("purchases.md.j2", page_url, meters=[purchases.meter(p, data.today) for p in data.purchases],
                    commitments=data.by_id["commitments"])
