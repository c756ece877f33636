"""One questionnaire's answers as scoring sees them: shown, answered, points and maxima.

``AnswerState`` applies skip logic and the assessed system's stage, keeps the answers of
shown questions, gives each its points and sums points and maxima per role and dimension.
It is what rules read (``ScoringData``), and it quotes answers for the reasons of scores
and findings.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import Any

from workerimpact.assessment import Answer, is_unanswered
from workerimpact.questionnaire import Question
from workerimpact.results import Citation
from workerimpact.rules import Compiled, EvaluationContext, ScoringData
from workerimpact.scoring_plan import Plan


def _in_stage(stages: list[str] | None, stage: str | None) -> bool:
    return stages is None or stage is None or stage in stages


def _chosen(value: Any) -> frozenset[str]:
    if isinstance(value, (list, tuple)):
        return frozenset(value)
    return frozenset((value,)) if isinstance(value, str) else frozenset()


class AnswerState(ScoringData):
    """Answers of one questionnaire as rules see them, with points and aggregates."""

    def __init__(
        self,
        compiled: Plan,
        answers: Mapping[str, Answer],
        stage: str | None = None,
        stage_started: str | None = None,
        as_of: dt.date | None = None,
    ):
        self.plan = compiled
        self.values: dict[str, Any] = {}
        self.question_points: dict[str, float] = {}
        self.hidden: set[str] = set()
        self.hidden_sections: set[int] = set()
        self._citations: dict[tuple[str, bool], Citation] = {}
        self._aggregates: (
            dict[tuple[str, str | None], tuple[float, float, tuple[str, ...]]] | None
        ) = None
        self._stage, self._stage_started, self._as_of = stage, stage_started, as_of
        self.fixed_maximum = compiled.questionnaire.scoring.floor_model
        # Questions out of the score and its maximum: answered "Not applicable", or not
        # asked in this stage.
        self.not_applicable: set[str] = set()
        self.needs_reason: set[str] = set()
        self.off_stage: set[str] = set()
        context = EvaluationContext(self)
        sections = compiled.questionnaire.sections
        for kind, item_id, section_index, condition in compiled.order:
            if kind == "section":
                if not _in_stage(sections[section_index].stages, stage):
                    self.hidden_sections.add(section_index)
                    self.off_stage.update(q.id for q in sections[section_index].questions)
                elif condition is not None and not condition(context):
                    self.hidden_sections.add(section_index)
                continue
            if not _in_stage(compiled.questions[item_id].stages, stage):
                self.off_stage.add(item_id)
                self.hidden.add(item_id)
                continue
            if section_index in self.hidden_sections or (
                condition is not None and not condition(context)
            ):
                self.hidden.add(item_id)
                continue
            answer = answers.get(item_id)
            if answer is None or is_unanswered(answer.value):
                continue
            value = answer.value
            self.values[item_id] = tuple(value) if isinstance(value, list) else value
            special = compiled.not_applicable.get(item_id)
            if special is not None and special in _chosen(value):
                self.not_applicable.add(item_id)
                if not answer.comment.strip():
                    self.needs_reason.add(item_id)
                continue
            points_of = compiled.option_points.get(item_id)
            if points_of is not None:
                if isinstance(value, list):
                    self.question_points[item_id] = sum(points_of.get(item, 0.0) for item in value)
                else:
                    self.question_points[item_id] = points_of.get(value, 0.0)

    def value(self, question_id: str) -> Any:
        return self.values.get(question_id)

    def stage(self) -> str | None:
        return self._stage

    def stage_started(self) -> str | None:
        return self._stage_started

    def as_of(self) -> dt.date | None:
        return self._as_of

    def counted(self, question_id: str) -> bool:
        """True when a question counts in its maximum.

        Model points-share/1: when it is shown and answered. Model findings-floor/2: unless
        it is answered "Not applicable" or not asked in this stage, so answering more, or
        opening follow-ups, never lowers a score.
        """
        if not self.fixed_maximum:
            return question_id in self.question_points
        return question_id not in self.not_applicable and question_id not in self.off_stage

    def citation(self, question_id: str, with_points: bool) -> Citation:
        """The answer to a question, quoted (made once per scoring and reused)."""
        key = (question_id, with_points)
        citation = self._citations.get(key)
        if citation is None:
            question = self.plan.questions[question_id]
            citation = self._citations[key] = Citation(
                self.plan.questionnaire.id,
                question_id,
                question.text,
                answer_text(question, self.values.get(question_id)),
                self.question_points.get(question_id) if with_points else None,
            )
        return citation

    def points(self, question_id: str) -> float:
        return self.question_points.get(question_id, 0.0)

    def aggregates(self) -> dict[tuple[str, str | None], tuple[float, float, tuple[str, ...]]]:
        if self._aggregates is None:
            sums: dict[tuple[str, str | None], list] = {}
            counted = self.plan.maximum if self.fixed_maximum else self.question_points
            for question_id in counted:
                if not self.counted(question_id):
                    continue
                points = self.question_points.get(question_id, 0.0)
                question = self.plan.questions[question_id]
                maximum = self.plan.maximum[question_id]
                for key in ((question.role, question.dimension), (question.role, None)):
                    entry = sums.setdefault(key, [0.0, 0.0, []])
                    entry[0] += points
                    entry[1] += maximum
                    if points > 0:
                        entry[2].append(question_id)
            self._aggregates = {key: (a, b, tuple(c)) for key, (a, b, c) in sums.items()}
        return self._aggregates

    def selection(
        self, role: str, dimension: str | None, questions: tuple[str, ...] | None
    ) -> tuple[float, float, tuple[str, ...]]:
        if questions is None:
            return self.aggregates().get((role, dimension), (0.0, 0.0, ()))
        points = maximum = 0.0
        contributors = []
        for question_id in questions:
            question = self.plan.questions.get(question_id)
            if question is None or question.role != role or not self.counted(question_id):
                continue
            points += self.question_points.get(question_id, 0.0)
            maximum += self.plan.maximum[question_id]
            if self.question_points.get(question_id, 0.0) > 0:
                contributors.append(question_id)
        return points, maximum, tuple(contributors)


_SCALE_LABEL = re.compile(r"^\s*(\d+)\s*(?:[-–—:.)]\s*)?(.*)$", re.S)


def _scale_point(position: int, label: str) -> tuple[str, str]:
    """A scale option as (number, words): '3 - Shared' gives ('3', 'Shared')."""
    match = _SCALE_LABEL.match(label)
    if match:
        return match.group(1), match.group(2).strip()
    return str(position), label.strip()


def scale_text(question: Question, value: str) -> str:
    """A scale answer with the scale's labels: '3 — Shared', or '4 (on a scale from 1 “Workers
    decide” to 5 “The system decides”)' when the chosen point has no words of its own."""
    options = [option for option in question.options if not option.special]
    points = [_scale_point(i, o.label) for i, o in enumerate(options, start=1)]
    index = next(i for i, option in enumerate(options) if option.id == value)
    number, words = points[index]
    if words:
        return f"{number} — {words}"
    (low, low_words), (high, high_words) = points[0], points[-1]
    ends = [
        f"{low} “{low_words}”" if low_words else low,
        f"{high} “{high_words}”" if high_words else high,
    ]
    return f"{number} (on a scale from {ends[0]} to {ends[1]})"


def answer_text(question: Question, value: Any) -> str:
    """Render an answer as people read it: option labels, numbers with units, text."""
    if is_unanswered(value):
        return "(no answer)"
    if isinstance(value, (list, tuple)):
        chosen = set(value)
        labels = [option.label for option in question.options if option.id in chosen]
        return "; ".join(labels + sorted(chosen - {option.id for option in question.options}))
    if isinstance(value, str) and question.options:
        option = question.option(value)
        if option is not None and question.type == "scale" and not option.special:
            return scale_text(question, value)
        return option.label if option else value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if question.unit and not isinstance(value, str):
        return f"{value} {question.unit}"
    return str(value)


def cite(
    state: AnswerState, question_ids: Iterable[str], with_points: bool = False
) -> tuple[Citation, ...]:
    """Citations of the given answered questions, in questionnaire order."""
    position = state.plan.position
    ordered = sorted(
        {q for q in question_ids if q in state.values}, key=lambda q: position.get(q, 0)
    )
    return tuple(state.citation(question_id, with_points) for question_id in ordered)


def cite_trace(state: AnswerState, condition: Compiled) -> tuple[Citation, ...]:
    """The answers that made a condition hold, quoted: evaluated again, this time traced."""
    trace: set[str] = set()
    condition(EvaluationContext(state, trace=trace))
    return cite(state, trace)
