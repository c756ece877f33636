"""The parts of a questionnaire, each with its place (JSON path) in the file.

The meaning checks (``workerimpact.checks``) run on these rather than on a whole
``Questionnaire``: for a valid file the parts come from the model; for a file whose
structure is broken somewhere, each part that parses on its own is kept, so the checks can
still report dangling references and loops alongside the structural problems.
"""

from __future__ import annotations

from dataclasses import dataclass, field
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


def _try(model: type[BaseModel], data: Any) -> Any:
    """Parse ``data`` as ``model``, or failing that the same data without unknown fields
    (so a misspelt field does not hide the item from the meaning checks); else None."""
    try:
        return model.model_validate(data)
    except ValidationError:
        pass
    if not isinstance(data, dict):
        return None
    known = {info.alias or name for name, info in model.model_fields.items()}
    try:
        return model.model_validate({key: value for key, value in data.items() if key in known})
    except ValidationError:
        return None


def parts_that_parse(raw: dict) -> QuestionnaireParts:
    """Parse each piece of a broken questionnaire on its own, keeping those that are valid."""
    parts = QuestionnaireParts()

    def items(value: Any) -> list[tuple[int, Any]]:
        return list(enumerate(value)) if isinstance(value, list) else []

    for index, item in items(raw.get("dimensions")):
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            parts.all_dimension_ids.add(item["id"])
        if (dimension := _try(Dimension, item)) is not None:
            parts.dimensions.append((("dimensions", index), dimension))
    for section_index, section_raw in items(raw.get("sections")):
        if not isinstance(section_raw, dict):
            continue
        header = _try(Section, {**section_raw, "questions": []})
        if header is not None:
            parts.sections.append((("sections", section_index), header))
        for index, item in items(section_raw.get("questions")):
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                parts.all_question_ids.add(item["id"])
            if (question := _try(Question, item)) is not None:
                path = ("sections", section_index, "questions", index)
                parts.questions.append((path, question))
    for index, item in items(raw.get("rules")):
        if (rule := _try(Rule, item)) is not None:
            parts.rules.append((("rules", index), rule))
    scoring_raw = raw.get("scoring")
    if isinstance(scoring_raw, dict):
        model = scoring_raw.get("model")
        parts.model = model if isinstance(model, str) else None
        parts.scoring = _try(Scoring, scoring_raw)
        for index, item in items(scoring_raw.get("adjustments")):
            if (adjustment := _try(Adjustment, item)) is not None:
                parts.adjustments.append((("scoring", "adjustments", index), adjustment))
    elif "scoring" not in raw:
        parts.adjustments = [(("scoring",), adjustment) for adjustment in Scoring().adjustments]
    return parts
