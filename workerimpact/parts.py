"""The parts of a questionnaire, each with its place (JSON path) in the file.

The meaning checks (``workerimpact.checks``) run on these rather than on a whole
``Questionnaire``: for a valid file the parts come from the model; for a file whose
structure is broken somewhere, each part that parses on its own is kept, so the checks can
still report dangling references and loops alongside the structural problems.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from pydantic import BaseModel, ValidationError

from workerimpact.jsonfile import JsonPath
from workerimpact.questionnaire import (
    Adjustment,
    Dimension,
    Question,
    Questionnaire,
    Rule,
    Scoring,
    Section,
)


@dataclass
class QuestionnaireParts:
    """The parts of a questionnaire, each with its JSON path in the file."""

    dimensions: list[tuple[JsonPath, Dimension]] = field(default_factory=list)
    sections: list[tuple[JsonPath, Section]] = field(default_factory=list)
    questions: list[tuple[JsonPath, Question]] = field(default_factory=list)
    rules: list[tuple[JsonPath, Rule]] = field(default_factory=list)
    adjustments: list[tuple[JsonPath, Adjustment]] = field(default_factory=list)
    # Ids of every question in the file, parsed or not, so a broken question is not also
    # reported as missing wherever it is referenced.
    all_question_ids: set[str] = field(default_factory=set)
    all_dimension_ids: set[str] = field(default_factory=set)
    # False when some question or dimension ids could not be read at all (``sections``
    # written as an object, an item without an id...): then a reference to an id not
    # seen may well be right, and is not reported.
    questions_complete: bool = True
    dimensions_complete: bool = True
    # True when a part was kept by repairing it (a near-miss type, a bad optional field
    # left out): checks that weigh the whole file, such as unused dimensions, are skipped.
    repaired: bool = False
    # The scoring model named in the file (None: the default) and its settings, if they parse.
    model: str | None = None
    scoring: Scoring | None = None


def parts_of(questionnaire: Questionnaire) -> QuestionnaireParts:
    """The parts of a valid questionnaire."""
    parts = QuestionnaireParts()
    parts.dimensions = [
        (("dimensions", index), dimension)
        for index, dimension in enumerate(questionnaire.dimensions)
    ]
    for section_index, section in enumerate(questionnaire.sections):
        parts.sections.append((("sections", section_index), section))
        parts.questions += [
            (("sections", section_index, "questions", index), question)
            for index, question in enumerate(section.questions)
        ]
    parts.rules = [(("rules", index), rule) for index, rule in enumerate(questionnaire.rules)]
    parts.adjustments = [
        (("scoring", "adjustments", index), adjustment)
        for index, adjustment in enumerate(questionnaire.scoring.adjustments)
    ]
    parts.all_question_ids = {question.id for _, question in parts.questions}
    parts.all_dimension_ids = {dimension.id for _, dimension in parts.dimensions}
    parts.model, parts.scoring = questionnaire.scoring.model, questionnaire.scoring
    return parts


_OPTIONAL_FIELDS = frozenset(
    {"help", "required", "show_if", "weight", "source", "unit", "minimum", "maximum",
     "description", "exclusive", "minimum_level"}
)  # fmt: skip
"""Fields that may be left out of a broken part without the checks then inventing a
problem (leaving out options or a dimension would: "needs options", "needs a dimension")."""


@lru_cache(maxsize=256)
def _near_value(value: str, expected: str) -> str | None:
    """The allowed value (from pydantic's list ``'a', 'b' or 'c'``) nearest to ``value``;
    cached, as a file may misspell the same type thousands of times."""
    allowed = re.findall(r"'([^']*)'", expected)
    near = difflib.get_close_matches(value, allowed, n=1, cutoff=0.75)
    return near[0] if near else None


def _try(model: type[BaseModel], data: Any, parts: QuestionnaireParts | None = None) -> Any:
    """Parse ``data`` as ``model``; failing that, repair it (drop unknown fields and bad
    optional ones, take the near allowed value of a misspelt ``type``) so one mistake does
    not hide the item from the meaning checks; else None."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        errors = error.errors(include_url=False)
    if not isinstance(data, dict):
        return None
    known = {info.alias or name for name, info in model.model_fields.items()}
    repaired = {key: value for key, value in data.items() if key in known}
    for item in errors:
        top = item["loc"][0] if item["loc"] else None
        if top in _OPTIONAL_FIELDS:
            repaired.pop(top, None)
        elif top == "type" and item["type"] == "literal_error" and isinstance(data[top], str):
            near = _near_value(data[top], str((item.get("ctx") or {}).get("expected")))
            if near is not None:
                repaired["type"] = near
    try:
        result = model.model_validate(repaired)
    except ValidationError:
        return None
    if parts is not None:
        parts.repaired = True
    return result


def parts_that_parse(raw: dict) -> QuestionnaireParts:
    """Parse each piece of a broken questionnaire on its own, keeping those that are valid."""
    parts = QuestionnaireParts()

    def items(value: Any) -> list[tuple[int, Any]]:
        return list(enumerate(value)) if isinstance(value, list) else []

    if not isinstance(raw.get("dimensions", []), list):
        parts.dimensions_complete = False
    for index, item in items(raw.get("dimensions")):
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            parts.all_dimension_ids.add(item["id"])
        else:
            parts.dimensions_complete = False
        if (dimension := _try(Dimension, item, parts)) is not None:
            parts.dimensions.append((("dimensions", index), dimension))
    if not isinstance(raw.get("sections"), list):
        parts.questions_complete = False
    for section_index, section_raw in items(raw.get("sections")):
        if not isinstance(section_raw, dict) or not isinstance(
            section_raw.get("questions", []), list
        ):
            parts.questions_complete = False
            continue
        header = _try(Section, {**section_raw, "questions": []}, parts)
        if header is not None:
            parts.sections.append((("sections", section_index), header))
        for index, item in items(section_raw.get("questions")):
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                parts.all_question_ids.add(item["id"])
            else:
                parts.questions_complete = False
            if (question := _try(Question, item, parts)) is not None:
                path = ("sections", section_index, "questions", index)
                parts.questions.append((path, question))
    for index, item in items(raw.get("rules")):
        if (rule := _try(Rule, item, parts)) is not None:
            parts.rules.append((("rules", index), rule))
    scoring_raw = raw.get("scoring")
    if isinstance(scoring_raw, dict):
        model = scoring_raw.get("model")
        parts.model = model if isinstance(model, str) else None
        parts.scoring = _try(Scoring, scoring_raw)
        for index, item in items(scoring_raw.get("adjustments")):
            if (adjustment := _try(Adjustment, item, parts)) is not None:
                parts.adjustments.append((("scoring", "adjustments", index), adjustment))
    elif "scoring" not in raw:
        parts.adjustments = [(("scoring",), adjustment) for adjustment in Scoring().adjustments]
    return parts
