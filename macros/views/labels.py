"""Every display word for a value of the data: kinds, sides, statuses, results, periods.

Pages, feeds and downloads all take their wording from here, so a label changes in one place.
"""

from __future__ import annotations

import datetime as dt

ROUND_KIND = {"talks": "Round of talks", "leaders-meeting": "Leaders' meeting"}
EVENT_KIND = {
    "call": "Call",
    "meeting": "Meeting",
    "tariff-action": "Tariff action",
    "export-control": "Export control",
    "executive-order": "Executive order",
    "announcement": "Announcement",
    "ruling": "Court ruling",
    "statement": "Statement",
    "purchase": "Purchase",
    "legislation": "Legislation",
    "other": "Other",
}
CALL_BETWEEN = {"leaders": "Leaders' call", "officials": "Officials' call"}
SOURCE_LEVEL = {"original": "originals (the primary documents)", "report": "reports (the wire or outlet that reported)",
                "repost": "reposts (syndicated copies)", "relay": "relays (digests quoting what was not read)"}
PURCHASE_BASIS = {"trade-tallies": "traders' tallies of sales", "usda-export-sales": "USDA confirmed export sales",
                  "china-customs": "Chinese customs arrivals", "other": "another measure"}
PURCHASE_VERDICT = {"met-by": "target reached by this date", "met-after": "target reached only after this date",
                    "not-met": "passed; the latest figure is below the target", "ahead": "still ahead",
                    "no-figure": "passed; no figure on record"}
SIDE = {"us": "United States", "cn": "China", "both": "Both sides"}
MONTH = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
         "November", "December")  # not the locale's: a build reads the same on every machine


def month_year(day: dt.date, short: bool = False) -> str:
    """'September 2025', or with `short` 'Sep 2025' (chart ticks)."""
    name = MONTH[day.month - 1]
    return f"{name[:3] if short else name} {day.year}"




def zh_date(day: dt.date, precision: str = "day") -> str:
    """A date as the Chinese edition writes it: 2025年5月12日 (or 2025年5月)."""
    return f"{day.year}年{day.month}月" + (f"{day.day}日" if precision == "day" else "")


# The Chinese edition's words (its interface is Material's own Chinese).
ZH = {
    "edition": "中文版", "english": "English", "in_english": "英文", "untranslated": "尚无中文译文，以下为英文原文",
    "rounds": "历轮磋商与会晤", "issues": "议题", "when": "时间", "where": "地点", "what": "类别",
    "delegations": "代表团", "summary": "概况", "history": "相关记录", "sources": "资料来源",
    "previous": "上一轮", "next": "下一轮", "of_total": "第{n}轮（共{total}轮）",
    "relayed": "据报道，未经原文核实",
    "timeline": "时间线", "quarter_pages": "按季度查看", "entries": "条记录",
    "about": ("中文版包括历轮磋商与会晤、各议题、时间线、措施、截止日期、承诺和人物，并有中文订阅源和中文搜索。"
              "译文为本项目自译，事实与出处以所列资料为准；尚未翻译的内容以英文显示并标注“英文”。"),
}
ZH.update({
    "issues_on_table": "涉及议题", "tensions": "紧张关系与制约因素", "expectations": "会前预期与实际结果",
    "expected": "会前预期", "who": "提出者", "came_out": "实际结果", "outcomes": "会谈成果",
    "disputes": "各方说法不一之处", "sources_differ": "说法不一：", "related": "本轮前后的相关事件",
    "commitments": "承诺", "documents": "文件", "status": "状态", "as_of": "截至", "none_yet": "尚无记录。",
    "related_more": "共有{n}条事件与本轮相关，以下为最近{shown}条，全部见时间线。",
    "people": "人物", "measures": "措施", "deadlines": "截止日期", "home": "首页", "about_page": "关于",
    "precedent": "先例", "rounds_short": "磋商", "tariffs": "关税",
})
ZH_RESULT = {"met": "已实现", "partly": "部分实现", "not-met": "未实现", "unknown": "尚难判断"}
ZH_COMMITMENT_STATUS = {"kept": "已履行", "partly-kept": "部分履行", "not-kept": "未履行", "pending": "待履行",
                        "disputed": "有争议", "unknown": "不明"}
ZH_DOCUMENT_KIND = {"joint-statement": "联合声明", "fact-sheet": "情况说明", "executive-order": "行政令",
                    "announcement": "公告", "statement": "声明", "readout": "通报", "other": "文件"}
ZH_MEASURE_KIND = {"tariff": "关税", "export-control": "出口管制", "listing": "列入清单", "port-fee": "港口收费",
                   "licence": "许可决定", "purchase": "采购", "investigation": "调查", "other": "其他措施"}
ZH_MEASURE_STATUS = {"announced": "已宣布", "threatened": "威胁实施", "in-force": "实施中", "suspended": "暂停实施",
                     "ended": "已终止"}
ZH_END_REASON = {"lifted": "取消", "struck-down": "被判无效", "expired": "到期", "revoked": "撤销",
                 "superseded": "被取代"}
ZH_DEADLINE_STATUS = {"pending": "待定", "met": "已达成", "extended": "已延期", "lapsed": "已过期",
                      "superseded": "已被取代", "unknown": "结果不明"}
ZH_DEADLINE_KIND = {"divestiture": "剥离", "truce": "休战", "suspension": "暂停", "purchase": "采购目标",
                    "tariff": "关税", "other": "其他"}
ZH_DEADLINE_OUTCOME = {"extended": "延期", "met": "达成", "lapsed": "失效", "superseded": "被取代",
                       "not-recorded": "尚无结果记录"}
ZH_EXPECTATION_BY = {"all": "全部", "us-official": "美方官员", "cn-official": "中方官员", "analyst": "分析人士",
                     "market": "市场", "media": "媒体", "other": "其他", "unclassified": "未分类"}
ZH_ROUND_PRODUCT = {"joint-statement": "联合声明", "extension": "截止日期延期", "commitments": "有承诺记录",
                    "nothing-announced": "未宣布成果"}
ZH_TARIFF_DIRECTION = {"us-on-cn": "美国对中国商品加征的关税", "cn-on-us": "中国对美国商品加征的关税"}
ZH_PURCHASE_BASIS = {"trade-tallies": "贸易商的销售统计", "usda-export-sales": "美国农业部确认的出口销售",
                     "china-customs": "中国海关到港统计", "other": "其他统计"}
ZH_PURCHASE_VERDICT = {"met-by": "在此日期前达到目标", "met-after": "在此日期之后才达到目标",
                       "not-met": "已过期，最新数字低于目标", "ahead": "尚未到期",
                       "no-figure": "已过期，记录中没有数字"}
ZH_CHANGE_KIND = {"added": "新增", "corrected": "更正", "outcome-recorded": "记录结果", "removed": "删除"}
ZH_COLLECTION = {"rounds": "磋商与会晤", "issues": "议题", "events": "事件", "deadlines": "截止日期", "people": "人物",
                 "tariffs": "关税变化", "gaps": "已知缺口", "measures": "措施", "commitments": "承诺",
                 "purchases": "采购统计", "estimates": "其他机构的估算", "glossary": "术语"}
ZH_SOURCE_LEVEL = {"original": "原文（第一手文件）", "report": "报道（作出报道的通讯社或媒体）",
                   "repost": "转载（联合发布的副本）", "relay": "转述（引述未经阅读之内容的摘要）"}
ZH_ROUND_KIND = {"talks": "经贸磋商", "leaders-meeting": "元首会晤"}
ZH_EVENT_KIND = {"call": "通话", "meeting": "会晤", "tariff-action": "关税措施", "export-control": "出口管制",
                 "executive-order": "行政令", "announcement": "公告", "ruling": "裁决", "statement": "声明",
                 "purchase": "采购", "legislation": "立法", "other": "其他"}
ZH_DEADLINE = "截止日期"
ZH_SIDE = {"us": "美国", "cn": "中国", "both": "双方"}
ZH_COUNTRY = {"China": "中国", "United States": "美国"}  # too common in English texts for the glossary's rule


# One record of each collection (macros/data/collections.py), as the list of changes names it.
COLLECTION = {"rounds": "Round", "issues": "Issue", "events": "Event", "deadlines": "Deadline", "people": "Person",
              "tariffs": "Tariff change", "gaps": "Known gap", "measures": "Measure", "commitments": "Commitment",
              "purchases": "Purchase tally", "estimates": "Published estimate",
              "glossary": "Glossary term"}
# The collections the coverage page counts, as it names them (in its order).
COLLECTION_COUNTED = {"rounds": "Rounds and leaders' meetings", "issues": "Issues", "events": "Events",
                      "deadlines": "Deadlines", "people": "People", "tariffs": "Tariff changes"}
CHANGE_KIND = {"added": "Added", "corrected": "Corrected", "outcome-recorded": "Outcome recorded",
               "removed": "Removed"}
DEADLINE_STATUS = {
    "pending": "Pending",
    "met": "Met",
    "extended": "Extended",
    "lapsed": "Lapsed",
    "superseded": "Superseded",
    "unknown": "Outcome unknown",
}
PASSED_WITHOUT_OUTCOME = "outcome not yet recorded"
RESULT = {"met": "Met", "partly": "Partly met", "not-met": "Not met", "unknown": "Too early to tell"}
DOCUMENT_KIND = {
    "joint-statement": "Joint statement",
    "fact-sheet": "Fact sheet",
    "executive-order": "Executive order",
    "announcement": "Announcement",
    "statement": "Statement",
    "readout": "Readout",
    "other": "Document",
}
TARIFF_DIRECTION = {"us-on-cn": "U.S. tariff on Chinese goods", "cn-on-us": "China's tariff on U.S. goods"}
TARIFF_DIRECTION_SHORT = {"us-on-cn": "U.S. on Chinese goods", "cn-on-us": "China on U.S. goods"}
ENTRY_CATEGORY = {"round": "Round", "event": "Event", "deadline": "Deadline", "person": "Person", "issue": "Issue"}
_QUARTER_MONTHS = {"1": "January–March", "2": "April–June", "3": "July–September", "4": "October–December"}


def event_kind(kind: str, between: str | None = None) -> str:
    """'call' between leaders → "Leaders' call"; between officials → "Officials' call"."""
    if kind == "call" and between:
        return CALL_BETWEEN[between]
    return EVENT_KIND[kind]


def quarter(name: str) -> str:
    """'2025-q2' → 'April–June 2025'."""
    year, q = name.split("-q")
    return f"{_QUARTER_MONTHS[q]} {year}"


def initial(key: str) -> str:
    """'p' → 'P'; 'p-2' → 'P, part 2'; 'other' → 'Other'."""
    letter, _, part = key.partition("-")
    label = letter.capitalize() if letter == "other" else letter.upper()
    return f"{label}, part {part}" if part else label

MEASURE_KIND = {
    "tariff": "Tariff",
    "export-control": "Export control",
    "listing": "Listing",
    "port-fee": "Port fee",
    "licence": "Licence decision",
    "purchase": "Purchases",
    "investigation": "Investigation",
    "other": "Other measure",
}
MEASURE_STATUS = {
    "announced": "Announced",
    "threatened": "Threatened",
    "in-force": "In force",
    "suspended": "Suspended",
    "ended": "Ended",
}
END_REASON = {
    "lifted": "lifted",
    "struck-down": "struck down",
    "expired": "expired",
    "revoked": "revoked",
    "superseded": "superseded",
}
COVERAGE = {"all-goods": "all goods", "selected-goods": "selected goods"}
COMMITMENT_STATUS = {
    "kept": "Kept",
    "partly-kept": "Partly kept",
    "not-kept": "Not kept",
    "pending": "Pending",
    "disputed": "Disputed",
    "unknown": "Unknown",
}
SIDE_SHORT = {"us": "U.S.", "cn": "China"}

DEADLINE_KIND = {
    "divestiture": "Divestiture",
    "truce": "Truce",
    "suspension": "Suspension",
    "purchase": "Purchase target",
    "tariff": "Tariff",
    "other": "Other",
}
DEADLINE_OUTCOME = {
    "extended": "Extended",
    "met": "Met",
    "lapsed": "Lapsed",
    "superseded": "Superseded",
    "not-recorded": "No outcome recorded",
}
EXPECTATION_BY = {
    "all": "Everyone",
    "us-official": "U.S. officials",
    "cn-official": "Chinese officials",
    "analyst": "Analysts",
    "market": "Markets",
    "media": "The press",
    "other": "Others",
    "unclassified": "Not classified",
}
ROUND_PRODUCT = {
    "joint-statement": "Joint statement",
    "extension": "Deadline extended",
    "commitments": "Commitments recorded",
    "nothing-announced": "Nothing announced",
}


def _group_key(key: str) -> tuple[str, str, str]:
    """'cn-listing-2' → ('cn', 'listing', '2'); 'us-tariff' → ('us', 'tariff', '')."""
    side, _, rest = key.partition("-")
    kind, part = rest, ""
    if rest.rsplit("-", 1)[-1].isdigit():
        kind, part = rest.rsplit("-", 1)
    return side, kind, part


def measure_group(key: str) -> str:
    """'us-tariff' → 'U.S. tariffs'; 'cn-listing-2' → 'China listings, part 2'."""
    side, kind, part = _group_key(key)
    label = f"{SIDE_SHORT[side]} {MEASURE_KIND.get(kind, kind).lower()}"
    return f"{label}, part {part}" if part else label


def year_part(key: str) -> str:
    """'2025' → '2025'; '2025-2' → '2025, part 2'."""
    year, _, part = str(key).partition("-")
    return f"{year}, part {part}" if part else year


def zh_year_part(key: str) -> str:
    """'2025' → '2025年'; '2025-2' → '2025年（第2部分）'."""
    year, _, part = str(key).partition("-")
    return f"{year}年（第{part}部分）" if part else f"{year}年"


def zh_measure_group(key: str) -> str:
    """'us-tariff' → '美国：关税'; 'cn-listing-2' → '中国：列入清单（第2部分）'."""
    side, kind, part = _group_key(key)
    label = f"{ZH_SIDE[side]}：{ZH_MEASURE_KIND.get(kind, kind)}"
    return f"{label}（第{part}部分）" if part else label


def quarter_part(key: str) -> str:
    """'2025-q2' → 'April–June 2025'; '2025-q2-2' → 'April–June 2025, part 2'."""
    name, part = key[:7], key[8:]
    return f"{quarter(name)}, part {part}" if part else quarter(name)
