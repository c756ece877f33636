"""Loading and validating questionnaire files, reporting every problem at once.

Validation has two layers. The models check structure (types, required and unknown fields,
allowed values). ``workerimpact.checks`` then looks at meaning: duplicate ids, references
to questions or options that do not exist, loops in skip logic and so on. When the
structure is broken in one place, the meaning checks still run on every part that did
parse, so a consultant sees a typo, a dangling reference and a loop in one go. Limits are
in ``docs/questionnaire-format.md``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import islice
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from workerimpact import rules
from workerimpact.checks import check_meaning
from workerimpact.errors import InputError, Problem
from workerimpact.i18n import t
from workerimpact.jsonfile import (
    JsonDocument,
    JsonPath,
    SizeLimits,
    collection_paused,
    nesting_problem,
    read_json_file,
)
from workerimpact.parts import parts_of, parts_that_parse
from workerimpact.questionnaire import (
    MAX_OPTIONS,
    MAX_QUESTIONS,
    MAX_RULES,
    QUESTIONNAIRE_FORMAT,
    Adjustment,
    Bands,
    Dimension,
    LevelRule,
    Option,
    Question,
    Questionnaire,
    Rule,
    Scoring,
    Section,
)
from workerimpact.safetext import quote
from workerimpact.translations import check_translations
from workerimpact.validation import describe_value, problems_from_validation_error, suggest

MAX_QUESTIONNAIRE_BYTES = 16_000_000
"""Largest questionnaire file accepted (16 MB)."""

_MODELS: dict[str, type[BaseModel]] = {
    "": Questionnaire,
    "sections": Section,
    "questions": Question,
    "options": Option,
    "dimensions": Dimension,
    "rules": Rule,
    "scoring": Scoring,
    "bands": Bands,
    "adjustments": Adjustment,
    "level_rules": LevelRule,
    **{
        f"op:{name}": model
        for name, model in zip(rules.OPERATORS, rules.EXPRESSION_MODELS, strict=True)
    },
}


def load_questionnaire(path: str | Path) -> Questionnaire:
    """Read, parse and validate a questionnaire file, or raise ``InputError`` with every problem.

    Warnings (see ``check_questionnaire_file``) do not stop a file from loading.
    """
    with collection_paused(keep=True):
        document = read_json_file(
            path, max_bytes=MAX_QUESTIONNAIRE_BYTES, kind="questionnaire", limits=_SIZE_LIMITS
        )
        return questionnaire_from_document(document)


def check_questionnaire_file(path: str | Path) -> tuple[Questionnaire | None, list[Problem]]:
    """Every problem of a questionnaire file, errors and warnings, in file order.

    Returns the questionnaire when there is no error (there may be warnings), else None.
    This is what ``workerimpact validate`` and ``install`` report.
    """
    try:
        with collection_paused(keep=True):
            document = read_json_file(
                path, max_bytes=MAX_QUESTIONNAIRE_BYTES, kind="questionnaire", limits=_SIZE_LIMITS
            )
            return _checked(document, document.data, ())
    except InputError as error:
        return None, error.problems


def questionnaire_from_document(
    document: JsonDocument, data: Any = None, base_path: JsonPath = ()
) -> Questionnaire:
    """Validate questionnaire data found at ``base_path`` in ``document``.

    Raises ``InputError`` listing every error, each with its line, column and path.
    """
    questionnaire, problems = _checked(document, document.data if data is None else data, base_path)
    if questionnaire is None:
        raise InputError([problem for problem in problems if problem.severity == "error"])
    return questionnaire


def _checked(
    document: JsonDocument, raw: Any, base_path: JsonPath
) -> tuple[Questionnaire | None, list[Problem]]:
    with collection_paused():
        try:
            questionnaire, problems = _validate(document, raw, base_path)
        except InputError as error:
            too_deep = nesting_problem(document)
            if too_deep is not None:
                return None, [too_deep]
            return None, error.problems
    problems = in_file_order(problems)
    if any(problem.severity == "error" for problem in problems):
        too_deep = nesting_problem(document)
        return None, [too_deep] if too_deep is not None else problems
    return questionnaire, problems


_NEWER_FORMAT = re.compile(r"workerimpact-questionnaire/(\d{1,9})")


def _format_problem(document: JsonDocument, marker: str, path: JsonPath) -> tuple[Problem, bool]:
    """The problem with a wrong format marker, and whether checking can go on."""
    newer = _NEWER_FORMAT.fullmatch(marker)
    if newer and int(newer.group(1)) > 1:
        message = t(
            "this questionnaire uses the newer format {marker}; this version of "
            'WorkerImpact reads "{format}". Update WorkerImpact to use it.',
            marker=quote(marker),
            format=QUESTIONNAIRE_FORMAT,
        )
        return document.problem(path, message), False
    hint = suggest(marker.strip().lower(), [QUESTIONNAIRE_FORMAT])
    message = t("{marker} is not the questionnaire format marker", marker=quote(marker)) + (
        hint or t('; write "{format}"', format=QUESTIONNAIRE_FORMAT)
    )
    return document.problem(path, message), True


_LIST_LIMITS = {
    "sections": 1_000,
    "questions": MAX_QUESTIONS,
    "options": MAX_OPTIONS,
    "dimensions": 200,
    "adjustments": 100,
    "rules": MAX_RULES,
}
_ANY_LIST_LIMIT = 20_000
_ANY_OBJECT_LIMIT = 1_000
# Lists the models validate item by item without a length limit of their own (in rules).
_SIZE_LIMITS = SizeLimits(
    _ANY_OBJECT_LIMIT, {**_LIST_LIMITS, "of": _ANY_LIST_LIMIT, "options": MAX_OPTIONS}
)


def _has_oversized(raw: Any) -> bool:
    """Whether any list or object in ``raw`` is over its limit: a quick walk that builds
    no paths and copies nothing, so valid files pay almost nothing for ``_capped``."""
    stack: list[tuple[Any, Any]] = [(raw, None)]
    pop, push = stack.pop, stack.append
    while stack:
        node, key = pop()
        if type(node) is list or isinstance(node, list):
            limit = _LIST_LIMITS.get(key, _ANY_LIST_LIMIT) if isinstance(key, str) else None
            if len(node) > (limit or _ANY_LIST_LIMIT):
                return True
            for child in node:
                if isinstance(child, (dict, list)):
                    push((child, None))
        elif len(node) > _ANY_OBJECT_LIMIT:
            return True
        else:
            for child_key, child in node.items():
                if isinstance(child, (dict, list)):
                    push((child, child_key))
    return False


def _capped(document: JsonDocument, raw: Any, base_path: JsonPath) -> tuple[Any, list[Problem]]:
    """Copy of ``raw`` with every over-long list cut to its limit, and a problem for each.

    Validating a list of seven million items item by item would take minutes and report
    millions of problems; one problem saying how long it is says everything.
    """
    problems: list[Problem] = []
    if document.oversized is False or (document.oversized is None and not _has_oversized(raw)):
        return raw, problems

    def visit(node: Any, path: JsonPath) -> Any:
        if isinstance(node, dict):
            if len(node) > _ANY_OBJECT_LIMIT:
                problems.append(
                    document.problem(
                        base_path + path,
                        t(
                            "this object holds {count} fields; no object in a questionnaire "
                            "has more than a few dozen, so only the first {limit} are checked",
                            count=f"{len(node):,}",
                            limit=f"{_ANY_OBJECT_LIMIT:,}",
                        ),
                    )
                )
                node = dict(islice(node.items(), _ANY_OBJECT_LIMIT))
            changed = {}
            for key, child in node.items():
                if isinstance(child, (dict, list)):
                    new = visit(child, path + (key,))
                    if new is not child:
                        changed[key] = new
            return {**node, **changed} if changed else node
        limit = _LIST_LIMITS.get(path[-1], _ANY_LIST_LIMIT) if path else _ANY_LIST_LIMIT
        items = node
        if len(node) > limit:
            problems.append(
                document.problem(
                    base_path + path,
                    t(
                        "this list holds {count} items; at most {limit} are allowed here",
                        count=f"{len(node):,}",
                        limit=f"{limit:,}",
                    ),
                )
            )
            items = node[:limit]
        changed_items = None
        for index, child in enumerate(items):
            if isinstance(child, (dict, list)):
                new = visit(child, path + (index,))
                if new is not child:
                    if changed_items is None:
                        changed_items = list(items)
                    changed_items[index] = new
        if changed_items is not None:
            return changed_items
        return items

    try:
        return visit(raw, ()), problems
    except RecursionError:
        return raw, problems


def _validate(
    document: JsonDocument, raw: Any, base_path: JsonPath
) -> tuple[Questionnaire | None, list[Problem]]:
    if not isinstance(raw, dict):
        raise InputError.single(
            document.path,
            t(
                "a questionnaire is a JSON object with sections and questions; this holds {what}",
                what=describe_value(raw),
            ),
            where=document.where(base_path),
        )
    problems: list[Problem] = []
    format_marker = raw.get("format")
    if isinstance(format_marker, str) and format_marker != QUESTIONNAIRE_FORMAT:
        problem, go_on = _format_problem(document, format_marker, base_path + ("format",))
        if not go_on:
            raise InputError([problem])
        problems.append(problem)
        raw = {**raw, "format": QUESTIONNAIRE_FORMAT}
    raw, too_long = _capped(document, raw, base_path)
    problems += too_long
    try:
        questionnaire = Questionnaire.model_validate(raw)
    except ValidationError as error:
        problems += problems_from_validation_error(error, raw, document, base_path, _MODELS)
        problems += check_meaning(parts_that_parse(raw), document, base_path, raw)
        problems += _translation_problems(document, raw, base_path)
        return None, problems
    problems += check_meaning(parts_of(questionnaire), document, base_path, raw)
    problems += _translation_problems(document, raw, base_path)
    return questionnaire, problems


def _translation_problems(document: JsonDocument, raw: Any, base_path: JsonPath) -> list[Problem]:
    found: list[Problem] = []
    check_translations(
        raw, lambda path, message: found.append(document.problem(base_path + path, message))
    )
    return found


def in_file_order(problems: Iterable[Problem]) -> list[Problem]:
    """Drop repeated problems and sort the rest by line and column, to read top to bottom;
    problems known only by path (past ``DETAILED_PROBLEMS``) come last."""
    return sorted(
        dict.fromkeys(problems),
        key=lambda problem: (problem.line is None, problem.line or 0, problem.column or 0),
    )
