"""The records contributors write in `data/`.

The schema lives here and only here: the loader validates against these models, the JSON
Schema in `schemas/` is generated from them, and the API serialises them.
"""

from __future__ import annotations

import datetime as dt
import re
import typing
from collections.abc import Callable, Iterator
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
ISO_DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"

# Characters that make text look different from what it is: bidirectional overrides and
# isolates, zero-width characters, and other invisible format characters.
_INVISIBLE = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}
_BIDI = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F)}
# One pass over the text finds any of them, or a control character other than tab and newline.
_HIDDEN = re.compile("[" + "".join(sorted(_INVISIBLE | _BIDI)) + "\x00-\x08\x0b-\x1f\x7f-\x9f]")
_RAW_HTML = re.compile(r"<\s*/?\s*[A-Za-z!?]")
_LINK_TARGET = re.compile(r"\]\(\s*<?([^\s>]*?)\)?(?:\s|$)")
_LINK_OPENING = re.compile(r"\]\(\s*<?")
_SAFE_SCHEMES = ("http://", "https://", "mailto:", "#", "/")
# A link to another record, written in data Markdown as [its words](event:2025-04-02-…), or with
# empty words, [](event:…), for the record's own title. The build turns it into a link to where the
# record is shown; the check refuses one that names no record.
RECORD_KINDS = {"round": "rounds", "issue": "issues", "event": "events", "deadline": "deadlines",
                "measure": "measures", "commitment": "commitments", "person": "people"}
RECORD_LINK = re.compile(r"\[([^\[\]]*)\]\((" + "|".join(RECORD_KINDS) + r"):([a-z0-9]+(?:-[a-z0-9]+)*)\)")
_RECORD_TARGET = re.compile(r"^(?:" + "|".join(RECORD_KINDS) + r"):[a-z0-9]+(?:-[a-z0-9]+)*$")


def _parse_iso_date(value: object) -> object:
    """Accept only `YYYY-MM-DD` strings; YAML dates are kept as text by the loader."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str):
        raise ValueError(f"expected a date written as YYYY-MM-DD in quotes, got {_describe(value)}")
    if not re.match(ISO_DATE_PATTERN, value):
        raise ValueError(f"'{value}' is not a date in the form YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"'{value}' is not a real calendar date") from None


def _describe(value: object) -> str:
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if value is None:
        return "nothing (null)"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return repr(value)


def _check_characters(value: str) -> str:
    found = _HIDDEN.search(value)
    if found is None:
        return value
    char = found.group()
    if char in _BIDI:
        raise ValueError(f"contains the invisible direction control U+{ord(char):04X}; delete it")
    if char in _INVISIBLE:
        raise ValueError(f"contains the invisible character U+{ord(char):04X}; delete it")
    raise ValueError(f"contains the control character U+{ord(char):04X}; delete it")


def _check_markdown(value: str) -> str:
    _check_characters(value)
    if value.lstrip().startswith(("=", "@")):
        raise ValueError("starts with '=' or '@', which spreadsheets run as a formula; reword the start")
    if _RAW_HTML.search(value):
        raise ValueError(
            "contains raw HTML (a '<tag>'); write plain Markdown, e.g. [text](https://…) for links"
        )
    for opening in _LINK_OPENING.finditer(value):
        # Up to the first ")": Chinese runs on without a space after a link ("…](round:x)的…").
        first = value[opening.end():].split(")", 1)[0]
        if first.lower().startswith(_SAFE_SCHEMES) or _RECORD_TARGET.match(first):
            continue
        found = _LINK_TARGET.match(value, opening.start())
        target = found.group(1) if found else first
        if target and not target.lower().startswith(_SAFE_SCHEMES) and \
                not _RECORD_TARGET.match(target.rstrip(").,;:")):
            raise ValueError(f"link target '{target}' is not an http(s) URL or a record (event:<id>, measure:<id>, …)")
    return value.strip()


def _check_line(value: str) -> str:
    _check_markdown(value)
    if "\n" in value.strip():
        raise ValueError("must be a single line")
    return value.strip()


_NON_PUBLIC_LABEL = re.compile(
    r"^(?:test|testing|staging|stage|dev|devel|preview|qa|uat|sandbox)(?:-[a-z0-9]+)?$"
    r"|-(?:test|testing|staging|stage|dev|preview)$"
)


def _check_url(value: str) -> str:
    _check_characters(value)
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in value):
        raise ValueError(f"'{value}' is not an http(s) URL")
    host = (parts.hostname or "").lower()
    if any(_NON_PUBLIC_LABEL.search(label) for label in host.split(".")[:-1]):
        raise ValueError(f"'{host}' looks like a test, staging or development copy of a site; "
                         "cite the publisher's public address")
    return value


Id = Annotated[
    str,
    Field(pattern=SLUG_PATTERN, max_length=80, description="Lowercase slug: a-z, 0-9 and hyphens."),
]
def _unless_trusted(check: Callable[[Any], Any], trusted: Callable[[Any], Any]) -> Callable[[Any, ValidationInfo], Any]:
    """Run `check`, or only `trusted` (the same conversion, without the checks) when validating
    with the TRUSTED context: values from a file that already passed every check unchanged
    (the stored check cache, keyed by the file's content and this module's source)."""

    def validate(value: Any, info: ValidationInfo) -> Any:
        if info.context is TRUSTED:
            return trusted(value)
        return check(value)

    return validate


TRUSTED: dict[str, bool] = {"trusted": True}


def _same(value: Any) -> Any:
    return value


Date = Annotated[
    dt.date,
    BeforeValidator(_unless_trusted(_parse_iso_date, dt.date.fromisoformat)),
    Field(description="ISO date, YYYY-MM-DD (quote it: '2025-05-12')."),
]
Line = Annotated[str, Field(min_length=1, max_length=300), AfterValidator(_unless_trusted(_check_line, str.strip))]
Markdown = Annotated[
    str,
    Field(min_length=1, max_length=20000, description="Markdown text; raw HTML is not allowed."),
    AfterValidator(_unless_trusted(_check_markdown, str.strip)),
]
Url = Annotated[
    str,
    Field(min_length=8, max_length=2000, pattern=r"^https?://", description="An http(s) URL."),
    AfterValidator(_unless_trusted(_check_url, _same)),
]

Side = Literal["us", "cn"]
ExpectationBy = Literal["us-official", "cn-official", "analyst", "market", "media", "other"]
ExpectationResult = Literal["met", "partly", "not-met", "unknown"]


class Record(BaseModel):
    """Common configuration: unknown keys are errors, types are not coerced, records are frozen."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


SourceLevel = Literal["original", "report", "repost", "relay"]


class Primary(Record):
    """The primary text a relay quotes or summarises, as the relay names it (not read by the project)."""

    issuer: Line = Field(description="Who issued it: 'MOFCOM', 'U.S. Department of the Treasury'.")
    title: Line = Field(description="Its title or description, as the relay gives it.")
    date: Date | None = Field(default=None, description="Its date, as the relay gives it.")
    url: Url | None = Field(default=None, description="Its address, where the relay gives one.")


class OfficialTitle(Record):
    """The official Chinese title (and number) of a Chinese-issued document, quoted word for word from
    the original or a stored reproduction of it (`quoted_from`), never translated back."""

    title: Line = Field(description="The title as issued, e.g. 商务部 海关总署公告2025年第70号 关于…")
    number: Line | None = Field(default=None, description="The document number, e.g. 商务部公告2025年第70号.")
    quoted_from: Url = Field(description="Where the title was read: the original, or a reproduction of it.")


class Source(Record):
    """A text somebody actually read that supports the record it sits in."""

    url: Url
    publisher: Line = Field(description="Who published it: 'Reuters', 'The White House', 'MOFCOM'.")
    title: Line = Field(description="The headline or document title, as published.")
    date: Date = Field(description="Publication date of the source.")
    archived_url: Url | None = Field(default=None, description="An archived copy, if any.")
    note: Line | None = Field(default=None, description="What this source supports; no quotes.")
    level: SourceLevel | None = Field(
        default=None,
        description="How close it is to the fact: original (the primary document), report (the wire or outlet "
                    "that reported it), repost (a syndicated copy), relay (a digest, snapshot or note quoting a "
                    "report the project has not read; it names that primary). When absent: repost if the "
                    "publisher names the original in brackets ('Site (Reuters)'), else report.")
    primary: Primary | None = Field(default=None, description="Relays only: the primary text the relay cites.")
    zh: OfficialTitle | None = Field(
        default=None, description="A Chinese-issued document: its official Chinese title and number, as quoted.")

    @property
    def verification(self) -> str:
        """The source's level, as written or as implied: a copy on another site ('Site (Reuters)') is
        a repost, a text on a government's own site (.gov, .gov.cn) an original, anything else a report."""
        if self.level is not None:
            return self.level
        if "(" in self.publisher:
            return "repost"
        return "original" if _on_government_site(self.url) else "report"


Sources = Annotated[list[Source], Field(min_length=1)]


class Dispute(Record):
    """A point on which sources disagree; each account keeps its own sources."""

    about: Line
    about_zh: Line | None = Field(default=None, description="What is disputed, in Chinese.")
    accounts: list[Account] = Field(min_length=2)


class Account(Record):
    text: Markdown
    text_zh: Markdown | None = Field(default=None, description="The text in Chinese (the project's own words).")
    sources: Sources


class Role(Record):
    title: Line = Field(description="Title, e.g. 'Secretary of the Treasury'.")
    title_zh: Line | None = Field(default=None, description="The title in Chinese, e.g. '财政部长'.")
    start: Date | None = None
    end: Date | None = None


class Person(Record):
    id: Id
    name: Line = Field(description="Name in English as usually written.")
    name_zh: Line | None = Field(default=None, description="Name in Chinese characters.")
    country: Side
    roles: list[Role] = Field(min_length=1)
    sources: Sources


class Member(Record):
    """One member of a delegation."""

    person: Id
    role: Line | None = Field(
        default=None, description="Title at the time, if it differs from the person's roles."
    )


class Delegations(Record):
    us: list[Member] = Field(min_length=1)
    cn: list[Member] = Field(min_length=1)


class Location(Record):
    city: Line
    country: Line
    venue: Line | None = None


class Tension(Record):
    text: Markdown
    text_zh: Markdown | None = Field(default=None, description="The text in Chinese (the project's own words).")
    issues: list[Id] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)


class Expectation(Record):
    """What was expected before a round, who said so, and afterwards whether it was met."""

    text: Markdown
    text_zh: Markdown | None = Field(default=None, description="The text in Chinese (the project's own words).")
    by: Line = Field(description="Who expected it: 'analysts at Eurasia Group', 'Bessent'.")
    by_zh: Line | None = Field(default=None, description="Who expected it, in Chinese.")
    by_kind: ExpectationBy | None = Field(
        default=None, description="Who that is: an official of either side, analysts, markets (for precedent)."
    )
    sources: Sources
    result: ExpectationResult = "unknown"
    result_note: Markdown | None = None
    result_note_zh: Markdown | None = Field(default=None, description="The note on the result, in Chinese.")


class Outcome(Record):
    text: Markdown
    text_zh: Markdown | None = Field(default=None, description="The text in Chinese (the project's own words).")
    issues: list[Id] = Field(default_factory=list)
    sources: Sources


DocumentKind = Literal[
    "joint-statement",
    "fact-sheet",
    "executive-order",
    "announcement",
    "statement",
    "readout",
    "other",
]


class Document(Source):
    """A primary text of a round (joint statement, fact sheet, order): a source with a kind."""

    kind: DocumentKind

    @property
    def verification(self) -> str:
        return self.level or ("repost" if "(" in self.publisher else "original")


def _on_government_site(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return host.endswith((".gov", ".gov.cn", ".mil")) or host in ("gov.cn", "federalregister.gov")


class Round(Record):
    """An in-person negotiating round or a leaders' meeting: one file in data/rounds/."""

    id: Id
    title: Line
    title_zh: Line | None = Field(default=None, description="The title in Chinese (the project's own words).")
    kind: Literal["talks", "leaders-meeting"]
    start: Date
    end: Date
    location: Location
    delegations: Delegations
    issues: list[Id] = Field(min_length=1)
    summary: Markdown
    summary_zh: Markdown | None = Field(default=None, description="The summary in Chinese (the project's own words).")
    tensions: list[Tension] = Field(default_factory=list)
    expectations: list[Expectation] = Field(default_factory=list)
    outcomes: list[Outcome] = Field(default_factory=list)
    documents: list[Document] = Field(default_factory=list)
    disputes: list[Dispute] = Field(default_factory=list)
    sources: Sources


class Status(Record):
    text: Markdown
    text_zh: Markdown | None = Field(default=None, description="The text in Chinese (the project's own words).")
    as_of: Date
    sources: Sources


class Issue(Record):
    """A subject of the negotiations: one file in data/issues/."""

    id: Id
    title: Line
    title_zh: Line | None = Field(default=None, description="The title in Chinese (the project's own words).")
    aliases: list[Line] = Field(default_factory=list, description="Other common names.")
    summary: Markdown
    summary_zh: Markdown | None = Field(default=None, description="The summary in Chinese (the project's own words).")
    status: Status
    sources: Sources


EventKind = Literal[
    "call",
    "meeting",
    "tariff-action",
    "export-control",
    "executive-order",
    "announcement",
    "ruling",
    "statement",
    "purchase",
    "legislation",
    "other",
]


class Event(Record):
    """A dated fact that is not a round."""

    id: Id
    date: Date
    precision: Literal["day", "month"] = "day"
    kind: EventKind
    between: Literal["leaders", "officials"] | None = Field(
        default=None, description="Calls only: between the leaders, or between ministers, negotiators or officials.")
    side: Literal["us", "cn", "both"]
    title: Line
    title_zh: Line | None = Field(default=None, description="The title in Chinese (the project's own words).")
    issues: list[Id] = Field(min_length=1)
    text: Markdown
    text_zh: Markdown | None = Field(default=None, description="The text in Chinese (the project's own words).")
    round: Id | None = Field(default=None, description="The round this event belongs to, if any.")
    counterpart: Id | None = Field(
        default=None, description="The other side's parallel measure (an event id)."
    )
    disputes: list[Dispute] = Field(default_factory=list)
    sources: Sources


DeadlineStatus = Literal["pending", "met", "extended", "lapsed", "superseded", "unknown"]


class Deadline(Record):
    """A dated due point; extensions form a chain through `replaced_by`."""

    id: Id
    title: Line
    title_zh: Line | None = Field(default=None, description="The title in Chinese (the project's own words).")
    due: Date
    kind: Literal["divestiture", "truce", "suspension", "purchase", "tariff", "other"]
    issues: list[Id] = Field(min_length=1)
    status: DeadlineStatus
    replaced_by: Id | None = Field(
        default=None, description="The deadline that took this one's place (extended/superseded)."
    )
    text: Markdown
    text_zh: Markdown | None = Field(default=None, description="The text in Chinese (the project's own words).")
    outcome: Markdown | None = None
    outcome_zh: Markdown | None = Field(default=None, description="The outcome in Chinese.")
    decided: Date | None = Field(
        default=None, description="When the outcome (an extension, a decision) was announced, per the sources."
    )
    measures: list[Id] = Field(
        default_factory=list,
        description="Measures that change at this date: a suspension runs to it (they return to force) or a "
                    "state in force ends at it (they end).",
    )
    sources: Sources


MeasureKind = Literal[
    "tariff", "export-control", "listing", "port-fee", "licence", "purchase", "investigation", "other"
]
MeasureStatus = Literal["announced", "threatened", "in-force", "suspended", "ended"]
EndReason = Literal["lifted", "struck-down", "expired", "revoked", "superseded"]


class MeasureState(Record):
    """One stretch of a measure's history: from a date until the next state begins."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, populate_by_name=True)

    start: Date = Field(alias="from", description="The day this state began.")
    to: Date | None = Field(default=None, description="The day it ended, if written: the next state's `from`.")
    status: MeasureStatus
    rate: float | None = Field(default=None, ge=0, le=1000,
                               description="Tariffs only: percentage points added that are in force.")
    suspended_rate: float | None = Field(default=None, ge=0, le=1000,
                                         description="Tariffs only: points suspended in this state (needs until).")
    until: Id | None = Field(default=None, description="The deadline a suspension runs to, or the statutory end "
                             "of a state in force (the measure ends at it unless something continues it).")
    reason: EndReason | None = Field(default=None, description="Why it ended (status ended only).")
    event: Id | None = Field(default=None, description="The event that brought this state about.")
    note: Line | None = None
    note_zh: Line | None = Field(default=None, description="The note in Chinese.")
    sources: Sources


class Measure(Record):
    """One side's legal instrument or policy, with a dated, contiguous history of states."""

    id: Id
    title: Line
    title_zh: Line | None = Field(default=None, description="The title in Chinese (the project's own words).")
    side: Side
    kind: MeasureKind
    coverage: Literal["all-goods", "selected-goods"] | None = Field(
        default=None, description="Tariffs only: an across-the-board duty (counts in the headline rate) or not."
    )
    legal_basis: Line = Field(description="The authority and instrument: 'IEEPA; Executive Order 14195'.")
    legal_basis_zh: Line | None = Field(default=None, description="The legal basis in Chinese.")
    issues: list[Id] = Field(min_length=1)
    counterpart: Id | None = Field(default=None, description="The other side's answering measure.")
    summary: Markdown | None = None
    summary_zh: Markdown | None = Field(default=None, description="The summary in Chinese (the project's own words).")
    states: list[MeasureState] = Field(min_length=1)
    disputes: list[Dispute] = Field(default_factory=list)


CommitmentStatus = Literal["kept", "partly-kept", "not-kept", "pending", "disputed", "unknown"]


class Commitment(Record):
    """A promise one side made at a round, in its joint statement, a fact sheet or a readout."""

    id: Id
    side: Side
    round: Id
    made_in: DocumentKind | None = Field(default=None, description="Where the promise is written down.")
    text: Markdown = Field(description="What was promised, in the project's own words.")
    text_zh: Markdown | None = Field(default=None,
                                     description="What was promised, in Chinese (the project's own words).")
    issues: list[Id] = Field(min_length=1)
    measures: list[Id] = Field(default_factory=list)
    due: Id | None = Field(default=None, description="The deadline, where a date was stated.")
    status: CommitmentStatus
    as_of: Date = Field(description="When a source last established the status.")
    evidence: list[Id] = Field(default_factory=list, description="Events that show the status.")
    status_note: Markdown | None = None
    status_note_zh: Markdown | None = Field(default=None, description="The note on the status, in Chinese.")
    disputes: list[Dispute] = Field(default_factory=list)
    sources: Sources


TariffDirection = Literal["us-on-cn", "cn-on-us"]


class TariffChange(Record):
    """A change of the headline additional tariff one side applies to the other's goods."""

    id: Id
    effective: Date
    direction: TariffDirection
    rate: float = Field(ge=0, le=1000, description="Headline additional tariff in percent.")
    basis: Markdown = Field(description="What the headline is made of, e.g. '10% reciprocal + …'.")
    basis_zh: Markdown | None = Field(default=None, description="The same, in Chinese.")
    event: Id | None = None
    sources: Sources


PurchaseBasis = Literal["trade-tallies", "usda-export-sales", "china-customs", "other"]


class PurchaseFigure(Record):
    """One measured, cumulative figure of a purchase commitment, as a source gives it."""

    date: Date = Field(description="The day the figure stands for (or the source's date).")
    quantity: float = Field(ge=0, description="The cumulative quantity bought, in the purchase's unit.")
    basis: PurchaseBasis = Field(description="How it was measured: trade-tallies (traders' and press counts of "
                                 "sales), usda-export-sales (USDA confirmed sales), china-customs (arrivals).")
    note: Line | None = None
    note_zh: Line | None = Field(default=None, description="The note in Chinese.")
    sources: Sources


class PurchaseDeadline(Record):
    """When one side said the target was due."""

    side: Side = Field(description="Whose account: us | cn.")
    due: Date
    said_by: Line = Field(description="Who said so: 'White House fact sheet', 'Bessent, 3 December 2025'.")
    said_by_zh: Line | None = Field(default=None, description="Who said so, in Chinese.")
    sources: Sources


class Purchase(Record):
    """A purchase commitment's measured figures against its target and each side's stated deadline.
    Never extrapolated: where no figure is stored for a period, the record says so."""

    id: Id
    title: Line
    title_zh: Line | None = Field(default=None, description="The title in Chinese (the project's own words).")
    commitment: Id = Field(description="The commitment this measures.")
    product: Line
    unit: Line = Field(description="The unit of target and figures: 'million tonnes'.")
    unit_zh: Line | None = Field(default=None, description="The unit in Chinese: '百万吨'.")
    target: float = Field(gt=0)
    counting_from: Date = Field(description="The day purchases start counting towards the target.")
    deadlines: list[PurchaseDeadline] = Field(min_length=1)
    figures: list[PurchaseFigure] = Field(default_factory=list)
    no_figures: Markdown | None = Field(default=None, description="What was looked for where no figure is stored.")
    no_figures_zh: Markdown | None = Field(default=None, description="The same, in Chinese.")
    sources: Sources


class Estimate(Record):
    """A published figure about the record, shown as its publisher's: e.g. a research institute's
    trade-weighted average tariff of one side on the other's goods."""

    id: Id
    publisher: Line = Field(description="Who published the estimate (and its author).")
    direction: TariffDirection
    rate: float = Field(ge=0, le=1000, description="The estimated average tariff in percent.")
    as_of: Date = Field(description="The day the estimate applies to.")
    definition: Markdown = Field(description="What is averaged and how: weights, products, which duties.")
    definition_zh: Markdown | None = Field(default=None, description="The same, in Chinese.")
    sources: Sources


class GlossaryTerm(Record):
    """One English term and the one Chinese rendering the site uses for it (data/glossary/); the check
    refuses a Chinese text that renders the term otherwise."""

    id: Id
    en: Line = Field(description="The English term as the records write it: 'Ministry of Commerce'.")
    zh: Line = Field(description="Its standard Chinese rendering: '商务部'.")
    variants: list[Line] = Field(default_factory=list, description="Renderings not to use: ['商业部'].")
    note: Line | None = None
    sources: Sources = Field(description="Pages read where the rendering is used.")


class Gap(Record):
    """Something looked for and not found in a reputable, dated source: shown on the Coverage page."""

    id: Id
    title: Line
    title_zh: Line | None = Field(default=None, description="The title in Chinese (the project's own words).")
    issues: list[Id] = Field(min_length=1)
    text: Markdown = Field(description="What was looked for, and why what was found did not do.")
    text_zh: Markdown | None = Field(default=None, description="The text in Chinese (the project's own words).")
    checked: Date = Field(description="When the sources were last searched for it.")
    seen: list[Source] = Field(default_factory=list, description=(
        "What was read while looking and did not do (a lone relay, a partial report), so a reader can check it."))


Dispute.model_rebuild()


def sources_in(record: object, prefix: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], Source]]:
    """Every source inside a record, with its path, wherever it is nested.

    Only the fields whose type can hold a source are walked (see `_fields_with_sources`): a
    record's text, dates and ids are never visited, which keeps this fast on a large record."""
    found: list[tuple[tuple[str | int, ...], Source]] = []
    _collect_sources(record, prefix, found)
    return iter(found)


def _collect_sources(value: object, prefix: tuple[str | int, ...],
                     found: list[tuple[tuple[str | int, ...], Source]]) -> None:
    if isinstance(value, Source):
        found.append((prefix, value))
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            if isinstance(item, (BaseModel, list, tuple)):
                _collect_sources(item, (*prefix, i), found)
    elif isinstance(value, BaseModel):
        for name in _fields_with_sources(type(value)):
            item = getattr(value, name)
            if isinstance(item, (BaseModel, list, tuple)):
                _collect_sources(item, (*prefix, name), found)


def is_relayed(record: object) -> bool:
    """A record whose evidence is relays only: it is reported, not verified against the original."""
    levels = {source.verification for _, source in sources_in(record)}
    return levels == {"relay"}


def record_links_in(record: object, prefix: tuple[str | int, ...] = ()) -> Iterator[
        tuple[tuple[str | int, ...], str, str, str]]:
    """Every link to another record in a record's Markdown: (path of the field, words, kind, id)."""
    if isinstance(record, str):
        if "](" in record:
            for words, kind, record_id in RECORD_LINK.findall(record):
                yield prefix, words, kind, record_id
    elif isinstance(record, (list, tuple)):
        for i, item in enumerate(record):
            yield from record_links_in(item, (*prefix, i))
    elif isinstance(record, BaseModel):
        for name in type(record).model_fields:
            value = getattr(record, name)
            if isinstance(value, (str, list, tuple, BaseModel)):
                yield from record_links_in(value, (*prefix, name))


_SOURCE_FIELDS: dict[type, tuple[str, ...]] = {}


def _fields_with_sources(model: type[BaseModel]) -> tuple[str, ...]:
    """The names of `model`'s fields whose declared type can contain a Source, at any depth."""
    if model not in _SOURCE_FIELDS:
        _SOURCE_FIELDS[model] = ()  # a model that refers to itself: no sources through that path
        _SOURCE_FIELDS[model] = tuple(name for name, info in model.model_fields.items()
                                      if _may_hold_source(info.annotation))
    return _SOURCE_FIELDS[model]


def _may_hold_source(annotation: object) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, Source):  # a Document is a Source too
        return True
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return bool(_fields_with_sources(annotation))
    return any(_may_hold_source(arg) for arg in typing.get_args(annotation))
