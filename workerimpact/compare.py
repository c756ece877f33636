"""Comparing two assessments of the same AI system: levels, findings and answers side by side.

A union representative who answered a copy of management's assessment, or an organization
looking at this year's revision against last year's, wants to see where the two differ:
which levels moved, which findings appear in only one, and which questions were answered
differently. Questionnaires are matched by id and questions by id (ids are stable across
versions), so two versions of a questionnaire can still be compared.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from workerimpact.assessment import Assessment, is_unanswered
from workerimpact.questionnaire import Questionnaire
from workerimpact.results import AssessmentResult, Finding, Score
from workerimpact.scoring import answer_text, score_assessment

NOT_SHOWN = "(does not apply: an earlier answer leaves it out)"
NOT_ANSWERED = "(no answer)"
NOT_ASKED = "(not in this version of the questionnaire)"


@dataclass(frozen=True, slots=True)
class Side:
    """Who made one of the two assessments, for headings."""

    id: str
    organization: str
    assessor: str
    role: str
    status: str
    updated: str
    revision: int

    @property
    def label(self) -> str:
        """A short heading such as 'Dana Whitfield (employer), revision 1, draft'."""
        who = self.assessor or "unnamed assessor"
        return f"{who} ({self.role}), revision {self.revision}, {self.status.replace('_', ' ')}"


@dataclass(frozen=True, slots=True)
class LevelRow:
    """The level of one part (overall, a questionnaire, a dimension) in both assessments."""

    kind: str
    questionnaire_id: str | None
    dimension_id: str | None
    title: str
    first: Score | None
    second: Score | None

    @property
    def changed(self) -> bool:
        """True when the level or the rounded score differs."""
        first, second = self.first, self.second
        if first is None or second is None:
            return first is not second
        return first.level != second.level or _rounded(first.score) != _rounded(second.score)


@dataclass(frozen=True, slots=True)
class AnswerDifference:
    """A question answered differently (or only once) in the two assessments."""

    questionnaire_id: str
    section: str
    question_id: str
    question: str
    first: str
    second: str
    first_comment: str
    second_comment: str


@dataclass(frozen=True, slots=True)
class Comparison:
    """Everything that differs between two assessments, first against second."""

    first: Side
    second: Side
    levels: tuple[LevelRow, ...]
    only_first: tuple[Finding, ...]
    only_second: tuple[Finding, ...]
    in_both: tuple[Finding, ...]
    answers: tuple[AnswerDifference, ...]
    unmatched: tuple[str, ...]
    """Titles of questionnaires that only one of the two assessments uses."""

    def to_json_data(self) -> dict[str, Any]:
        """The comparison as JSON data (what `workerimpact compare --json` prints)."""

        def score(value: Score | None) -> dict[str, Any] | None:
            if value is None:
                return None
            return {"level": value.level, "score": _rounded(value.score)}

        def finding(value: Finding) -> dict[str, Any]:
            return {
                "questionnaire": value.questionnaire_id,
                "id": value.id,
                "severity": value.severity,
                "title": value.title,
            }

        def side(value: Side) -> dict[str, Any]:
            return {
                "id": value.id,
                "organization": value.organization,
                "assessor": value.assessor,
                "role": value.role,
                "status": value.status,
                "revision": value.revision,
                "updated": value.updated,
            }

        return {
            "first": side(self.first),
            "second": side(self.second),
            "levels": [
                {
                    "kind": row.kind,
                    "questionnaire": row.questionnaire_id,
                    "dimension": row.dimension_id,
                    "title": row.title,
                    "first": score(row.first),
                    "second": score(row.second),
                    "changed": row.changed,
                }
                for row in self.levels
            ],
            "findings": {
                "only_first": [finding(item) for item in self.only_first],
                "only_second": [finding(item) for item in self.only_second],
                "in_both": [finding(item) for item in self.in_both],
            },
            "answers": [
                {
                    "questionnaire": item.questionnaire_id,
                    "section": item.section,
                    "question": item.question_id,
                    "text": item.question,
                    "first": item.first,
                    "second": item.second,
                    "first_comment": item.first_comment,
                    "second_comment": item.second_comment,
                }
                for item in self.answers
            ],
            "unmatched_questionnaires": list(self.unmatched),
        }


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value)


def _side(assessment: Assessment) -> Side:
    metadata = assessment.metadata
    return Side(
        assessment.id,
        metadata.organization,
        metadata.assessor,
        metadata.role,
        metadata.status,
        metadata.updated.isoformat(timespec="minutes"),
        metadata.revision,
    )


def _levels(first: AssessmentResult, second: AssessmentResult) -> list[LevelRow]:
    rows = [LevelRow("overall", None, None, "Overall", first.overall, second.overall)]
    second_by_id = {item.id: item for item in second.questionnaires}
    for item in first.questionnaires:
        other = second_by_id.get(item.id)
        if other is None:
            continue
        rows.append(LevelRow("questionnaire", item.id, None, item.title, item.result, other.result))
        other_dimensions = {dimension.id: dimension for dimension in other.dimensions}
        for dimension in item.dimensions:
            match = other_dimensions.get(dimension.id)
            rows.append(
                LevelRow(
                    "dimension",
                    item.id,
                    dimension.id,
                    dimension.title,
                    dimension.result,
                    match.result if match else None,
                )
            )
    return rows


def _shown_answer(
    questionnaire: Questionnaire, assessment: Assessment, hidden: frozenset[str], question_id: str
) -> tuple[str, str]:
    question = questionnaire.question(question_id)
    if question is None:
        return NOT_ASKED, ""
    if question_id in hidden:
        return NOT_SHOWN, ""
    answer = assessment.answer(questionnaire.id, question_id)
    if answer is None:
        return NOT_ANSWERED, ""
    value = NOT_ANSWERED if is_unanswered(answer.value) else answer_text(question, answer.value)
    return value, answer.comment


def _answers(
    first: Assessment,
    second: Assessment,
    first_result: AssessmentResult,
    second_result: AssessmentResult,
) -> list[AnswerDifference]:
    differences = []
    for questionnaire in first.questionnaires:
        other = second.questionnaire(questionnaire.id)
        if other is None:
            continue
        hidden_first = first_result.questionnaire(questionnaire.id).hidden
        hidden_second = second_result.questionnaire(questionnaire.id).hidden
        seen: set[str] = set()
        for section, question_id in _questions_in_order(questionnaire, other):
            if question_id in seen:
                continue
            seen.add(question_id)
            first_text, first_comment = _shown_answer(
                questionnaire, first, hidden_first, question_id
            )
            second_text, second_comment = _shown_answer(other, second, hidden_second, question_id)
            if (first_text, first_comment) == (second_text, second_comment):
                continue
            if {first_text, second_text} <= {NOT_SHOWN, NOT_ANSWERED} and (
                first_comment == second_comment
            ):
                continue  # neither side has an answer that counts: no difference to show
            question = questionnaire.question(question_id) or other.question(question_id)
            differences.append(
                AnswerDifference(
                    questionnaire.id,
                    section,
                    question_id,
                    question.text,
                    first_text,
                    second_text,
                    first_comment,
                    second_comment,
                )
            )
    return differences


def _questions_in_order(first: Questionnaire, second: Questionnaire) -> list[tuple[str, str]]:
    """Question ids of both versions: the first's order, then any only in the second."""
    ordered = [
        (section.title, question.id) for section in first.sections for question in section.questions
    ]
    known = {question_id for _, question_id in ordered}
    ordered += [
        (section.title, question.id)
        for section in second.sections
        for question in section.questions
        if question.id not in known
    ]
    return ordered


def compare_assessments(first: Assessment, second: Assessment) -> Comparison:
    """Compare two assessments: levels, findings and answers that differ."""
    first_result, second_result = score_assessment(first), score_assessment(second)

    def key(finding: Finding) -> tuple[str, str]:
        return finding.questionnaire_id, finding.id

    first_keys = {key(finding) for finding in first_result.findings}
    second_keys = {key(finding) for finding in second_result.findings}
    first_ids = {item.id for item in first.questionnaires}
    second_ids = {item.id for item in second.questionnaires}
    unmatched = [item.title for item in first.questionnaires if item.id not in second_ids] + [
        item.title for item in second.questionnaires if item.id not in first_ids
    ]
    return Comparison(
        first=_side(first),
        second=_side(second),
        levels=tuple(_levels(first_result, second_result)),
        only_first=tuple(f for f in first_result.findings if key(f) not in second_keys),
        only_second=tuple(f for f in second_result.findings if key(f) not in first_keys),
        in_both=tuple(f for f in first_result.findings if key(f) in second_keys),
        answers=tuple(_answers(first, second, first_result, second_result)),
        unmatched=tuple(unmatched),
    )
