"""The Chinese edition's pages (zh/): the same records as the English pages, in Chinese, with the
English and a visible 「英文」 marker wherever a part has no Chinese yet. Same signature as
macros/render/pages.py: (renderer, PageRequest) → Markdown."""

from __future__ import annotations

from collections import Counter

from macros.data.collections import COLLECTIONS
from macros.data.dataset import Dataset
from macros.data.records import Commitment, TariffChange, is_relayed, sources_in
from macros.render.jinja import Renderer
from macros.render.ledger_charts import state_strip
from macros.render.pages import (
    SubscriptionLinks,
    _by_side,
    absolute_url,
    cite_values,
    embed_values,
    precedent_values,
    rates_in_force,
    sources_values,
    tariff_values,
    where_things_stand,
)
from macros.render.request import PageRequest
from macros.views import deadlines, labels, ledger, paging, precedent, purchases, rounds, sources, timeline
from macros.views.changes import recent_changes
from macros.views.routes import Routes
from macros.views.sources import Citation
from macros.views.subscriptions import subscriptions, zh_title
from macros.views.timeline import category_counts


def _places(data: Dataset) -> dict[str, str]:
    """English place name → its Chinese: the glossary's, then the two countries it leaves out."""
    return {**labels.ZH_COUNTRY, **{term.en: term.zh for term in data.glossary}}


def zh_home(r: Renderer, page: PageRequest) -> str:
    """The Chinese edition's front page: every round and issue, by their Chinese titles."""
    rounds = list(r.data.rounds)
    return r.render("zh_home.md.j2", page.url, rounds=rounds[-paging.ROUNDS_ON_INDEX:], round_count=len(rounds),
                    issues=r.data.issues, **where_things_stand(r.data))


def zh_round_page(r: Renderer, page: PageRequest) -> str:
    (round_id,), data = page.key, r.data
    rnd = data.by_id["rounds"][round_id]
    position = timeline.round_positions(data)[rnd.id]
    people = data.by_id["people"]
    delegations = [(side, [people[m.person] for m in getattr(rnd.delegations, side)]) for side in ("us", "cn")]
    return r.render("zh_round.md.j2", page.url, r=rnd, number=position + 1, total=len(data.rounds),
                    previous=data.rounds[position - 1] if position > 0 else None,
                    next=data.rounds[position + 1] if position + 1 < len(data.rounds) else None,
                    delegations=delegations, places=_places(data), all_sources=sources.round_sources(rnd),
                    issues_touched=timeline.round_issues(rnd),
                    zh_issue_titles={i.id: i.title_zh or i.title for i in data.issues},
                    related=timeline.events_by_round(data).get(rnd.id, []), related_shown=paging.RELATED_ON_ROUND,
                    commitments=_by_side(ledger.commitments_by_round(data).get(rnd.id, [])))


def zh_issue_page(r: Renderer, page: PageRequest) -> str:
    """An issue in Chinese: its status, summary, measures, commitments and history (bounded as in English)."""
    (issue_id,), data = page.key, r.data
    issue = data.by_id["issues"][issue_id]
    history = timeline.issue_history(data, issue_id)
    measures = [(m, m.states[-1]) for m in ledger.measures_by_issue(data).get(issue_id, [])]
    commitments = ledger.commitments_by_issue(data).get(issue_id, [])
    cap = paging.LEDGER_ON_ISSUE
    return r.render("zh_issue.md.j2", page.url, i=issue, history=history, shown=paging.issue_inline(data, issue_id),
                    years=paging.issue_years(data, issue_id), counts=category_counts(history),
                    all_sources=sources.unique_sources([*issue.status.sources, *issue.sources]),
                    measures=sorted(measures, key=lambda pair: pair[1].start, reverse=True)[:cap],
                    measure_count=len(measures), commitments=list(reversed(commitments))[:cap],
                    commitment_count=len(commitments), zh_year_part=labels.zh_year_part)


def zh_issue_year(r: Renderer, page: PageRequest) -> str:
    (issue_id, year), data = page.key, r.data
    years = paging.issue_years(data, issue_id)
    return r.render("zh_issue_year.md.j2", page.url, i=data.by_id["issues"][issue_id], year=year,
                    entries=years[year], years=list(years), counts=category_counts(years[year]),
                    zh_year_part=labels.zh_year_part)


def _zh_part(name: str) -> str:
    """'2025-q2' → '2025年第二季度'; a part of a long quarter ('2025-q2-3') adds '（第3部分）'."""
    year, quarter_part = name.split("-q")
    quarter, _, part = quarter_part.partition("-")
    text = f"{year}年第{'一二三四'[int(quarter) - 1]}季度"
    return text + (f"（第{part}部分）" if part else "")


def zh_timeline_index(r: Renderer, page: PageRequest) -> str:
    quarters = [(name, len(entries)) for name, entries in paging.timeline_pages(r.data).items()]
    return r.render("zh_timeline_index.md.j2", page.url, quarters=quarters, zh_part=_zh_part)


def zh_timeline_quarter(r: Renderer, page: PageRequest) -> str:
    (name,) = page.key
    quarters = paging.timeline_pages(r.data)
    names = list(quarters)
    position = names.index(name)
    return r.render("zh_timeline.md.j2", page.url, name=name, label=_zh_part(name), entries=quarters[name],
                    zh_part=_zh_part, previous=names[position - 1] if position else None,
                    next=names[position + 1] if position + 1 < len(names) else None)


def zh_people_index(r: Renderer, page: PageRequest) -> str:
    """Every official; once there are many, a page per initial (as in English) and links to them here."""
    letter, data = page.part, r.data
    initials = paging.people_initials(data)
    people = initials[letter] if letter is not None else ([] if initials else list(data.people))
    return r.render("zh_people.md.j2", page.url, people=people, people_count=len(data.people),
                    initials=initials, letter=letter,
                    attended_by={p.id: rounds.rounds_attended(data, p.id) for p in people},
                    rounds_shown=paging.ROUNDS_ON_PEOPLE_INDEX)


def zh_person_page(r: Renderer, page: PageRequest) -> str:
    (person_id,) = page.key
    return r.render("zh_person.md.j2", page.url, p=r.data.by_id["people"][person_id],
                    attended=rounds.rounds_attended(r.data, person_id), rounds_shown=paging.ROUNDS_ON_PERSON)


def zh_measures_index(r: Renderer, page: PageRequest) -> str:
    """Every measure by side, newest state first; once there are many, a page per side and kind (and
    parts of those), as in English."""
    group, data = page.part, r.data
    groups = paging.measure_groups(data)
    shown = groups[group] if group is not None else ([] if groups else list(data.measures))
    sides = [(side, sorted(((m, m.states[-1]) for m in shown if m.side == side), key=lambda pair: pair[1].start,
                           reverse=True)) for side in ledger.SIDES]
    return r.render("zh_measures.md.j2", page.url, sides=[(s, rows) for s, rows in sides if rows],
                    total=len(data.measures), groups={key: len(items) for key, items in groups.items()}, group=group,
                    group_label=labels.zh_measure_group)


def zh_measure_page(r: Renderer, page: PageRequest) -> str:
    (measure_id,), data = page.key, r.data
    measure = data.by_id["measures"][measure_id]
    states = [(state, ledger.state_end(measure, state)) for state in measure.states]
    cited = [source for state in measure.states for source in state.sources]
    cited += [source for dispute in measure.disputes for account in dispute.accounts for source in account.sources]
    return r.render("zh_measure.md.j2", page.url, m=measure, current=measure.states[-1], states=states,
                    counterpart=data.by_id["measures"].get(measure.counterpart or ""),
                    strip=state_strip(measure, data.as_of, f"ttt-strip-{measure.id}", zh=True),
                    commitments=ledger.commitments_by_measure(data).get(measure_id, []),
                    all_sources=sources.unique_sources(cited))


def zh_deadlines_page(r: Renderer, page: PageRequest) -> str:
    """Deadlines ahead, passed without an outcome, and settled; once there are many, the settled ones by
    the year their chain starts, on a page each (as in English)."""
    year, data = page.part, r.data
    upcoming, overdue = deadlines.upcoming(data), deadlines.overdue(data)
    open_ids = {d.id for d in (*upcoming, *overdue)}
    years = paging.chain_years(data)
    if year is not None:
        settled = [d for chain in years[year] for d in chain]
    else:
        settled = [] if years else [d for d in reversed(data.deadlines) if d.id not in open_ids]
    return r.render("zh_deadlines.md.j2", page.url, upcoming=upcoming[:paging.LIST_CAP] if year is None else [],
                    overdue=overdue[:paging.LIST_CAP] if year is None else [], upcoming_total=len(upcoming),
                    overdue_total=len(overdue), settled=settled, year=year,
                    years={y: len(c) for y, c in years.items()}, zh_year_part=labels.zh_year_part,
                    precedents_zh={d.id: precedent.sentence_zh_for(data, d.id) for d in precedent.open_deadlines(data)})


def zh_commitments_page(r: Renderer, page: PageRequest) -> str:
    data = r.data
    by_round = ledger.commitments_by_round(data)
    with_commitments = [x for x in data.rounds if x.id in by_round]
    shown = list(reversed(with_commitments[-paging.ROUNDS_SUMMARISED:]))  # the latest, newest first
    full = len(data.commitments) <= paging.COMMITMENTS_ON_PAGE  # past this, counts by round (as in English)
    return r.render("zh_commitments.md.j2", page.url, total=len(data.commitments),
                    by_side=[(side, ledger.status_counts([c for c in data.commitments if c.side == side]))
                             for side in ledger.SIDES],
                    rounds=[(x, _by_side(by_round[x.id])) for x in shown] if full else [],
                    per_round=[] if full else [(x, len(by_round[x.id])) for x in shown],
                    rounds_with=len(with_commitments))


def zh_about(r: Renderer, page: PageRequest) -> str:
    """What the record holds, counted from the data (docs/zh/about.md calls it)."""
    data = r.data
    return (f"数据截至{labels.zh_date(data.as_of)}（记录中最新资料的发布日期）：{len(data.rounds)}轮磋商与会晤、"
            f"{len(data.issues)}个议题、{len(data.events)}条事件、{len(data.measures)}项措施、"
            f"{len(data.commitments)}项承诺、{len(data.deadlines)}个截止日期、{len(data.people)}位人物。")


def zh_precedent_page(r: Renderer, page: PageRequest) -> str:
    """The base rates of the English page, counted from the same data, in Chinese."""
    data = r.data
    values = precedent_values(data)
    values["open_deadlines"] = [(d, precedent.sentence_zh_for(data, d.id)) for d in precedent.open_deadlines(data)]
    return r.render("zh_precedent.md.j2", page.url, **values, share_zh=precedent.share_zh,
                    lead_range_zh=precedent.lead_range_zh)


def zh_subscribe_page(r: Renderer, page: PageRequest) -> str:
    """Every Chinese feed and calendar (macros/outputs/zh_feeds.py), with copyable addresses."""
    site = Routes.site_root(r.site_url)
    every = subscriptions(r.data)
    chains = [sub for sub in every if sub.key.startswith("chain-")]
    listed = [sub for sub in every if not sub.key.startswith("chain-")] + chains[-paging.CHAIN_SUBSCRIPTIONS_LISTED:]
    found = []
    for sub in listed:
        feed, calendar = Routes.in_zh(sub.feed_path), Routes.in_zh(sub.calendar_path)
        title = zh_title(r.data, sub).removeprefix("中美经贸谈判与贸易休战记录：")
        feed_url = Routes.absolute(r.site_url, feed) if site else ""
        found.append((sub.key, SubscriptionLinks(title, feed, calendar, feed_url, Routes.webcal(r.site_url, calendar))))
    return r.render("zh_subscribe.md.j2", page.url, subscriptions=found, site=site, chain_count=len(chains),
                    chains_listed=min(len(chains), paging.CHAIN_SUBSCRIPTIONS_LISTED))


def zh_rounds_index(r: Renderer, page: PageRequest) -> str:
    """Every round, newest first; once there are many, the latest and a page per year (as in English)."""
    year, data = page.part, r.data
    years = paging.round_years(data)
    if year is not None:
        shown = list(reversed(years[year]))
    else:
        shown = list(reversed(data.rounds))[: paging.ROUNDS_ON_INDEX] if years else list(reversed(data.rounds))
    return r.render("zh_rounds_index.md.j2", page.url, rounds=[(x, timeline.round_issues(x)) for x in shown],
                    round_count=len(data.rounds), years=list(years), year=year, places=_places(data),
                    zh_issue_titles={i.id: i.title_zh or i.title for i in data.issues},
                    zh_year_part=labels.zh_year_part)


def zh_issues_index(r: Renderer, page: PageRequest) -> str:
    counts = {i.id: len(timeline.issue_history(r.data, i.id)) for i in r.data.issues}
    return r.render("zh_issues_index.md.j2", page.url, issues=r.data.issues, history_counts=counts)


def zh_tariffs_page(r: Renderer, page: PageRequest) -> str:
    """The rates now, the layers by legal authority, published averages and every change, in Chinese;
    past TARIFFS_ON_PAGE changes, a page per year as in English."""
    values = tariff_values(r.data, page.part, labels.ZH_TARIFF_DIRECTION, zh=True)
    return r.render("zh_tariffs.md.j2", page.url, **values, zh_directions=labels.ZH_TARIFF_DIRECTION,
                    directions_of_side=ledger.DIRECTION_OF_SIDE, zh_year_part=labels.zh_year_part,
                    now=rates_in_force(r.data) if page.part is None else [])


def zh_cite_page(r: Renderer, page: PageRequest) -> str:
    """How to cite, in Chinese: the example is the latest round, by its Chinese title and page."""
    values = cite_values(r)
    example, latest = values["example"], r.data.rounds[-1] if r.data.rounds else None
    zh_page = Routes.zh_round(latest.id) if latest else ""
    title = (latest.title_zh or latest.title) if latest else ""
    return r.render("zh_cite.md.j2", page.url, **values, example_title=title, example_page=zh_page,
                    example_url=absolute_url(r, zh_page) if example else "")


def zh_embed_page(r: Renderer, page: PageRequest) -> str:
    directions = {side: labels.ZH_TARIFF_DIRECTION[ledger.DIRECTION_OF_SIDE[side]] for side in ledger.SIDES}
    zh_titles = {"headline-tariffs": "中美双方加征的总体额外关税", "timeline-overview": "一张图看中美贸易休战",
                 **{f"tariffs-by-authority-{side}": f"{label}（按法律依据）" for side, label in directions.items()}}
    return r.render("zh_embed.md.j2", page.url, **embed_values(r), zh_titles=zh_titles)


def zh_purchases_page(r: Renderer, page: PageRequest) -> str:
    data = r.data
    return r.render("zh_purchases.md.j2", page.url, meters=[purchases.meter(p, data.today) for p in data.purchases],
                    commitments=data.by_id["commitments"])


def _zh_label(citation: Citation) -> str:
    """A citing record by its Chinese title or name where it has one, else as the English page names it."""
    record = citation.record
    return getattr(record, "title_zh", None) or getattr(record, "name_zh", None) or citation.label


def zh_sources_index(r: Renderer, page: PageRequest) -> str:
    return r.render("zh_sources_index.md.j2", page.url, **sources_values(r.data), zh_part=_zh_part)


def zh_sources_quarter(r: Renderer, page: PageRequest) -> str:
    (name,) = page.key
    items = paging.source_pages(r.data)[name]
    by_publisher: dict[str, list] = {}
    for source, cited in items:
        by_publisher.setdefault(source.publisher, []).append((source, cited))
    return r.render("zh_sources.md.j2", page.url, name=name, label=_zh_part(name), total=len(items),
                    groups=sorted(by_publisher.items(), key=lambda g: g[0].lower()),
                    cited_shown=paging.CITED_BY_SHOWN, zh_label=_zh_label)


def zh_matrix_page(r: Renderer, page: PageRequest) -> str:
    year, data = page.part, r.data
    years = paging.matrix_years(data)
    shown = years[year] if year is not None else (years[list(years)[-1]] if years else list(data.rounds))
    return r.render("zh_matrix.md.j2", page.url, cells=rounds.issue_round_matrix(data), rounds=shown,
                    issues=data.issues, years=list(years), page_year=year, places=_places(data),
                    year=year if year is not None else (list(years)[-1] if years else None),
                    zh_year_part=labels.zh_year_part)


def zh_tags_page(r: Renderer, page: PageRequest) -> str:
    by_issue = rounds.rounds_by_issue(r.data)
    return r.render("zh_tags.md.j2", page.url, groups=[(i, by_issue.get(i.id, [])) for i in r.data.issues],
                    shown=paging.ROUNDS_PER_ISSUE, round_count=len(r.data.rounds))


def zh_scorecard_page(r: Renderer, page: PageRequest) -> str:
    year, data = page.part, r.data
    tally = rounds.expectation_tally(data)
    years = paging.scorecard_years(data)
    with_expectations = [x for x in data.rounds if x.expectations]
    shown = years[year] if year is not None else ([] if years else with_expectations)
    return r.render("zh_scorecard.md.j2", page.url, tally=tally, total=sum(tally.values()),
                    rounds_with=with_expectations, shown=shown, years={y: len(x) for y, x in years.items()},
                    year=year, rounds_without=[x for x in data.rounds if not x.expectations],
                    zh_year_part=labels.zh_year_part)


def zh_changes_page(r: Renderer, page: PageRequest) -> str:
    data = r.data

    def zh_title(change: object) -> str:
        record = data.by_id.get(change.collection, {}).get(change.record_id)
        if isinstance(record, TariffChange):
            return (f"{labels.ZH_TARIFF_DIRECTION[record.direction]}：{record.rate:g}%"
                    f"（{labels.zh_date(record.effective)}起）")
        if isinstance(record, Commitment):
            rnd = data.by_id["rounds"].get(record.round)
            return f"{labels.ZH_SIDE[record.side]}在{(rnd.title_zh or rnd.title) if rnd else record.round}中的承诺"
        chinese = (getattr(record, "title_zh", None) or getattr(record, "name_zh", None)) if record else None
        return chinese or change.title

    return r.render("zh_changes.md.j2", page.url, changes=recent_changes(data, r.history), zh_title=zh_title)


def zh_coverage_page(r: Renderer, page: PageRequest) -> str:
    """What the record covers and does not know, in Chinese; the contributors' warnings stay on the English page."""
    data = r.data
    counts = [(name, len(getattr(data, name)), len({s.url for x in getattr(data, name) for _, s in sources_in(x)}))
              for name in labels.COLLECTION_COUNTED]
    parts = {"tensions": "紧张关系", "expectations": "会前预期", "outcomes": "成果", "documents": "文件"}
    thin = [(x, [name for name in parts if not getattr(x, name)]) for x in data.rounds]
    disputes = [(f"{x.title_zh or x.title}", Routes.zh_round(x.id), d.about_zh or d.about)
                for x in data.rounds for d in x.disputes]
    disputes += [(f"{e.title_zh or e.title}", r.routes.zh_timeline_event(e.id), d.about_zh or d.about)
                 for e in data.events for d in e.disputes]
    cited = {s.url: s for x in data.all_records() for _, s in sources_in(x)}
    levels = Counter(s.verification for s in cited.values())
    relayed = Counter(type(x).__name__ for x in data.all_records() if is_relayed(x))
    first = min([x.start for x in data.rounds] + [e.date for e in data.events], default=data.today)
    zh_kind = {model.__name__: labels.ZH_COLLECTION[c.name] for c in COLLECTIONS for model in (c.model,)}
    return r.render("zh_coverage.md.j2", page.url, counts=counts, thin_rounds=[t for t in thin if t[1]],
                    zh_parts=parts, levels=[(level, levels.get(level, 0)) for level in labels.ZH_SOURCE_LEVEL],
                    level_total=len(cited), relayed=sorted(relayed.items()), as_of_read=data.as_of_read,
                    cap=paging.LIST_CAP, disputes=disputes, overdue=deadlines.overdue(data), first=first,
                    gaps=data.gaps, zh_kind=zh_kind)
