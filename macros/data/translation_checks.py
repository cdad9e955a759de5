"""The Chinese in the data: English fields hold no Chinese, Chinese fields hold Chinese, and every
glossary term (data/glossary/) is rendered the same way wherever its English appears.

Which records still lack a translation is not a problem here (most do, for now): `python -m
macros.check --translations` lists them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import get_args

from pydantic import BaseModel

from macros.data.collections import COLLECTIONS
from macros.data.load import LoadResult, Located
from macros.data.problems import Problem
from macros.data.records import GlossaryTerm

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
LATIN_ONLY = ("title", "name")  # the Chinese goes beside them: title_zh, name_zh
# A Chinese field and the English field it renders.
PAIRS = (("title_zh", "title"), ("summary_zh", "summary"), ("text_zh", "text"), ("name_zh", "name"),
         ("about_zh", "about"), ("by_zh", "by"), ("result_note_zh", "result_note"), ("outcome_zh", "outcome"),
         ("note_zh", "note"), ("legal_basis_zh", "legal_basis"), ("status_note_zh", "status_note"),
         ("basis_zh", "basis"), ("definition_zh", "definition"), ("said_by_zh", "said_by"), ("unit_zh", "unit"),
         ("no_figures_zh", "no_figures"))
# The collections whose records may carry Chinese: those whose model has a Chinese field.
TRANSLATED = tuple(c.name for c in COLLECTIONS if any(zh in c.model.model_fields for zh, _ in PAIRS))


def _term_pattern(term: GlossaryTerm) -> re.Pattern[str]:
    """The English term as a whole word or words, singular or plural ('tariff', 'tariffs')."""
    return re.compile(r"(?<![\w-])" + re.escape(term.en) + r"(?:s|es)?(?![\w-])", re.IGNORECASE)


def check_translations(loaded: LoadResult) -> list[Problem]:
    glossary = [item.record for item in loaded.records.get("glossary", [])]
    problems = _check_glossary(loaded.records.get("glossary", []))
    patterns = [(term, _term_pattern(term)) for term in glossary]
    for name in TRANSLATED:
        for item in loaded.records.get(name, []):
            problems += _check_record(item, patterns)
    return problems


def _check_glossary(items: list[Located]) -> list[Problem]:
    problems: list[Problem] = []
    seen_en: dict[str, str] = {}
    for item in items:
        term: GlossaryTerm = item.record
        if not HAN.search(term.zh):
            problems.append(item.problem(("zh",), f"'{term.zh}' holds no Chinese", "write the Chinese rendering"))
        if term.en.lower() in seen_en:
            problems.append(item.problem(("en",), f"'{term.en}' is already in the glossary as "
                                         f"'{seen_en[term.en.lower()]}'", "keep one entry per English term"))
        seen_en.setdefault(term.en.lower(), term.id)
        for index, variant in enumerate(term.variants):
            if variant == term.zh or term.zh in variant or variant in term.zh:
                problems.append(item.problem(("variants", index), f"the variant '{variant}' overlaps the rendering "
                                             f"'{term.zh}'", "list only renderings wrong wherever they appear"))
    return problems


def _fields(record: BaseModel) -> Iterator[tuple[str, str]]:
    for field_name in (*LATIN_ONLY, *(zh for zh, _ in PAIRS)):
        value = getattr(record, field_name, None)
        if isinstance(value, str):
            yield field_name, value


def translatable_parts(record: BaseModel, at: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...],
                                                                                            BaseModel]]:
    """The record and every part nested in it that has a Chinese field (a round's tensions,
    expectations, outcomes, disputes and their accounts), each with its path in the record."""
    if _own_chinese(type(record)):
        yield at, record
    for name in _fields_holding_chinese(type(record)):
        value = getattr(record, name)
        children = value if isinstance(value, list) else [value]
        for index, child in enumerate(children):
            if isinstance(child, BaseModel):
                yield from translatable_parts(child, (*at, name, index) if isinstance(value, list) else (*at, name))


def _own_chinese(model: type[BaseModel]) -> bool:
    return any(zh in model.model_fields for zh, _ in PAIRS)


@cache
def _fields_holding_chinese(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of `model` whose models (directly or further down) have a Chinese field: read once
    per model from its annotations, so the walk skips sources, locations and the like."""
    return tuple(name for name, info in model.model_fields.items()
                 if any(_holds_chinese(inner) for inner in _models_in(info.annotation)))


@cache
def _holds_chinese(model: type[BaseModel]) -> bool:
    return _own_chinese(model) or bool(_fields_holding_chinese(model))


def _models_in(annotation: object) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for argument in get_args(annotation):
        yield from _models_in(argument)


def _check_record(item: Located, patterns: list[tuple[GlossaryTerm, re.Pattern[str]]]) -> list[Problem]:
    problems: list[Problem] = []
    for at, part in translatable_parts(item.record):
        problems += _check_part(item, at, part, patterns)
    return problems


def _check_part(item: Located, at: tuple[str | int, ...], record: BaseModel,
                patterns: list[tuple[GlossaryTerm, re.Pattern[str]]]) -> list[Problem]:
    problems: list[Problem] = []
    values = dict(_fields(record))
    for field_name in LATIN_ONLY:
        if field_name in values and HAN.search(values[field_name]):
            problems.append(item.problem((*at, field_name), f"'{field_name}' holds Chinese characters",
                                         f"write the English here and the Chinese in {field_name}_zh"))
    for zh_field, en_field in PAIRS:
        zh = values.get(zh_field)
        if zh is None:
            continue
        if not HAN.search(zh):
            problems.append(item.problem((*at, zh_field), f"'{zh_field}' holds no Chinese",
                                         f"write the Chinese here, or remove {zh_field}"))
            continue
        english = getattr(record, en_field, None) or ""
        lowered = english.lower()
        for term, pattern in patterns:
            used = next((v for v in term.variants if v in zh), None)
            named = term.en.lower() in lowered and pattern.search(english)  # the substring test first: cheap
            if used is not None:
                problems.append(item.problem((*at, zh_field), f"renders '{term.en}' as '{used}'",
                                             f"the glossary has '{term.zh}' (data/glossary/, id {term.id})"))
            elif named and term.zh not in zh:
                problems.append(item.problem((*at, zh_field), f"'{en_field}' names '{term.en}' but '{zh_field}' "
                                             f"does not render it as '{term.zh}'",
                                             f"use '{term.zh}' (data/glossary/, id {term.id}), as every "
                                             "Chinese text does"))
    return problems


def missing_translations(loaded: LoadResult) -> list[Problem]:
    """Records whose English has no Chinese beside it yet, as notes (for --translations)."""
    notes: list[Problem] = []
    for name in TRANSLATED:
        for item in loaded.records.get(name, []):
            for at, part in translatable_parts(item.record):
                for zh_field, en_field in PAIRS:
                    if (isinstance(getattr(part, en_field, None), str) and zh_field in type(part).model_fields
                            and getattr(part, zh_field) is None):
                        notes.append(item.problem((*at, en_field), f"no Chinese beside '{en_field}' yet",
                                                  f"add {zh_field}", "note"))
    return notes
