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
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from workerimpact import rules
from workerimpact.checks import check_meaning
from workerimpact.errors import InputError, Problem
from workerimpact.jsonfile import (
    JsonDocument,
    JsonPath,
    collection_paused,
    nesting_problem,
    read_json_file,
)
from workerimpact.parts import parts_of, parts_that_parse
from workerimpact.questionnaire import (
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
from workerimpact.validation import problems_from_validation_error

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
    """Read, parse and validate a questionnaire file, or raise ``InputError`` with every problem."""
    with collection_paused(keep=True):
        document = read_json_file(path, max_bytes=MAX_QUESTIONNAIRE_BYTES, kind="questionnaire")
        return questionnaire_from_document(document)


def questionnaire_from_document(
    document: JsonDocument, data: Any = None, base_path: JsonPath = ()
) -> Questionnaire:
    """Validate questionnaire data found at ``base_path`` in ``document``.

    Raises ``InputError`` listing every problem, each with its line and path.
    """
    with collection_paused():
        try:
            return _validate(document, document.data if data is None else data, base_path)
        except InputError:
            too_deep = nesting_problem(document)
            if too_deep is not None:
                raise InputError([too_deep]) from None
            raise


def _validate(document: JsonDocument, raw: Any, base_path: JsonPath) -> Questionnaire:
    if not isinstance(raw, dict):
        raise InputError.single(
            document.path,
            f"a questionnaire is a JSON object with sections and questions; "
            f"this holds {type(raw).__name__}",
            where=document.where(base_path),
        )
    format_marker = raw.get("format")
    if isinstance(format_marker, str) and format_marker != QUESTIONNAIRE_FORMAT:
        if format_marker.startswith("workerimpact-questionnaire/"):
            message = (
                f'this questionnaire uses the newer format "{format_marker}"; this version of '
                f'WorkerImpact reads "{QUESTIONNAIRE_FORMAT}". Update WorkerImpact to use it.'
            )
        else:
            message = (
                f'"{format_marker}" is not a questionnaire format marker; '
                f'use "{QUESTIONNAIRE_FORMAT}"'
            )
        raise InputError.single(document.path, message, document.where(base_path + ("format",)))
    try:
        questionnaire = Questionnaire.model_validate(raw)
    except ValidationError as error:
        problems = problems_from_validation_error(error, raw, document, base_path, _MODELS)
        problems += check_meaning(parts_that_parse(raw), document, base_path, raw)
        raise InputError(_in_file_order(problems)) from None
    problems = check_meaning(parts_of(questionnaire), document, base_path, raw)
    if problems:
        raise InputError(_in_file_order(problems))
    return questionnaire


def _in_file_order(problems: Iterable[Problem]) -> list[Problem]:
    """Drop repeated problems and sort the rest by line, so they read top to bottom."""

    def line(problem: Problem) -> int:
        match = re.match(r"line (\d+)", problem.where)
        return int(match.group(1)) if match else 0

    return sorted(dict.fromkeys(problems), key=line)
