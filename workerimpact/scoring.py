"""Scoring: from answers to scores, levels and findings, each able to say why.

How it works, for each questionnaire (``docs/scoring.md`` says the same for people):

1. Skip logic decides which sections and questions are shown. Hidden questions count
   neither in the score nor in the maximum, are never reported unanswered, and their
   answers read as unanswered in every rule.
2. Each shown, answered scored question gives points: the chosen option's score (the sum
   for multiple choice) times the question's weight. Its maximum is the most it could give.
3. A dimension's raw risk score is its risk points as a percentage of their maximum. The
   questionnaire's raw score pools the points of all its dimensions the same way.
4. Adjustments whose condition holds multiply a raw score (mitigation credit: when
   mitigation reaches 80% of its maximum, risk is reduced by 15%).
5. The level is the band the score falls in (25/50/75 by default). Findings that fire with
   a ``minimum_level`` raise their dimension, their questionnaire and the overall result
   to at least that level.
6. Overall: the questionnaires' scores averaged, each weighted by its maximum risk points,
   banded with the default bands, then raised by forced minimum levels.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any

from workerimpact.assessment import Answer, Assessment, is_unanswered
from workerimpact.jsonfile import collection_paused
from workerimpact.questionnaire import Bands, Question, Questionnaire, level_rank
from workerimpact.results import (
    AppliedAdjustment,
    AssessmentResult,
    Citation,
    Citations,
    DimensionResult,
    Finding,
    QuestionnaireResult,
    Score,
    SectionProgress,
    Unanswered,
    level_label,
)
from workerimpact.rules import (
    Compiled,
    EvaluationContext,
    ScoringData,
    Vocabulary,
    compile_expression,
    describe,
    referenced_questions,
)

__all__ = [
    "DEFAULT_BANDS",
    "AppliedAdjustment",
    "AssessmentResult",
    "Citation",
    "DimensionResult",
    "Finding",
    "QuestionnaireResult",
    "Score",
    "SectionProgress",
    "Unanswered",
    "answer_text",
    "describe_rule",
    "level_label",
    "plan",
    "score_assessment",
    "score_questionnaire",
]

DEFAULT_BANDS = Bands()
"""Bands used for the overall level."""


# --- compiled questionnaires ---------------------------------------------------------------


@dataclass
class _Plan:
    """What scoring needs from a questionnaire, computed once and cached on it."""

    questionnaire: Questionnaire
    # Sections and questions in an order where every condition reads only earlier ones.
    order: list[tuple[str, str, int, Compiled | None]]
    questions: dict[str, Question]
    section_of: dict[str, int]
    position: dict[str, int]
    option_points: dict[str, dict[str, float]]
    maximum: dict[str, float]
    rules: list[tuple[Any, Compiled]]
    adjustments: list[tuple[Any, Compiled]]
    vocabulary: Vocabulary
    descriptions: dict[str, str] = field(default_factory=dict)


def _maximum(question: Question) -> float:
    scores = [option.score or 0.0 for option in question.options]
    if question.type != "multiple_choice":
        best = max(scores, default=0.0)
    else:
        combined = sum(o.score or 0.0 for o in question.options if not o.exclusive)
        best = max([combined] + [o.score or 0.0 for o in question.options if o.exclusive])
    return best * question.weight


def plan(questionnaire: Questionnaire) -> _Plan:
    """Compile a questionnaire for scoring (cached on the questionnaire object)."""
    if questionnaire._plan is not None:
        return questionnaire._plan
    questions: dict[str, Question] = {}
    section_of: dict[str, int] = {}
    depends: dict[tuple[str, str], list[tuple[str, str]]] = {}
    conditions: dict[tuple[str, str], Any] = {}
    for index, section in enumerate(questionnaire.sections):
        key = ("section", section.id)
        conditions[key] = section.show_if
        depends[key] = (
            [("question", q) for q in sorted(referenced_questions(section.show_if))]
            if section.show_if
            else []
        )
        for question in section.questions:
            questions[question.id] = question
            section_of[question.id] = index
            question_key = ("question", question.id)
            conditions[question_key] = question.show_if
            edges = [key]
            if question.show_if is not None:
                edges += [("question", q) for q in sorted(referenced_questions(question.show_if))]
            depends[question_key] = edges
    order = []
    section_index = {section.id: index for index, section in enumerate(questionnaire.sections)}
    for kind, item_id in _topological(depends):
        condition = conditions[(kind, item_id)]
        compiled = compile_expression(condition) if condition is not None else None
        index = section_index[item_id] if kind == "section" else section_of[item_id]
        order.append((kind, item_id, index, compiled))

    def question_words(question_id: str) -> str:
        question = questions.get(question_id)
        if question is None:
            return f"question {question_id}"
        return f"“{_clip(question.text, 90)}”"

    def option_words(question_id: str, option_id: str) -> str:
        question = questions.get(question_id)
        option = question.option(option_id) if question else None
        return option.label if option else option_id

    def dimension_words(dimension_id: str) -> str:
        dimension = questionnaire.dimension(dimension_id)
        return f"“{dimension.title}”" if dimension else dimension_id

    result = _Plan(
        questionnaire=questionnaire,
        order=order,
        questions=questions,
        section_of=section_of,
        position={question_id: index for index, question_id in enumerate(questions)},
        option_points={
            question.id: {o.id: (o.score or 0.0) * question.weight for o in question.options}
            for question in questions.values()
            if question.scored
        },
        maximum={q.id: _maximum(q) for q in questions.values() if q.scored},
        rules=[(rule, compile_expression(rule.condition)) for rule in questionnaire.rules],
        adjustments=[
            (adjustment, compile_expression(adjustment.when))
            for adjustment in questionnaire.scoring.adjustments
        ],
        vocabulary=Vocabulary(
            question_words,
            option_words,
            dimension_words,
            lambda question_id: (
                question_id in questions and questions[question_id].type == "multiple_choice"
            ),
        ),
    )
    questionnaire._plan = result
    return result


def _clip(text: str, length: int) -> str:
    """The text on one line, cut at a word boundary (with an ellipsis) to ``length`` characters."""
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    cut = text[: length - 1]
    if " " in cut and not text[length - 1].isspace():
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:—-(") + "…"


def _topological(depends: Mapping[Any, list[Any]]) -> list[Any]:
    """Order nodes so each comes after what it depends on (the loader refuses cycles)."""
    order: list[Any] = []
    state: dict[Any, int] = {}
    for start in depends:
        if start in state:
            continue
        stack = [(start, iter(depends[start]))]
        state[start] = 1
        while stack:
            node, edges = stack[-1]
            for target in edges:
                if target in depends and target not in state:
                    state[target] = 1
                    stack.append((target, iter(depends[target])))
                    break
            else:
                state[node] = 2
                order.append(node)
                stack.pop()
    return order


def describe_rule(questionnaire: Questionnaire, rule_id: str) -> str:
    """The condition of a rule in plain words."""
    compiled = plan(questionnaire)
    if rule_id not in compiled.descriptions:
        for rule, _ in compiled.rules:
            if rule.id == rule_id:
                compiled.descriptions[rule_id] = describe(rule.condition, compiled.vocabulary)
    return compiled.descriptions.get(rule_id, "")


# --- evaluation ----------------------------------------------------------------------------


class _State(ScoringData):
    """Answers of one questionnaire as rules see them, with points and aggregates."""

    def __init__(self, compiled: _Plan, answers: Mapping[str, Answer]):
        self.plan = compiled
        self.values: dict[str, Any] = {}
        self.question_points: dict[str, float] = {}
        self.hidden: set[str] = set()
        self.hidden_sections: set[int] = set()
        self._citations: dict[tuple[str, bool], Citation] = {}
        self._aggregates: (
            dict[tuple[str, str | None], tuple[float, float, tuple[str, ...]]] | None
        ) = None
        context = EvaluationContext(self)
        for kind, item_id, section_index, condition in compiled.order:
            if kind == "section":
                if condition is not None and not condition(context):
                    self.hidden_sections.add(section_index)
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
            points_of = compiled.option_points.get(item_id)
            if points_of is not None:
                if isinstance(value, list):
                    self.question_points[item_id] = sum(points_of.get(item, 0.0) for item in value)
                else:
                    self.question_points[item_id] = points_of.get(value, 0.0)

    def value(self, question_id: str) -> Any:
        return self.values.get(question_id)

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
            for question_id, points in self.question_points.items():
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
            if question is None or question.role != role or question_id not in self.question_points:
                continue
            points += self.question_points[question_id]
            maximum += self.plan.maximum[question_id]
            if self.question_points[question_id] > 0:
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
    points = [_scale_point(i, o.label) for i, o in enumerate(question.options, start=1)]
    index = next(i for i, option in enumerate(question.options) if option.id == value)
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
        if option is not None and question.type == "scale":
            return scale_text(question, value)
        return option.label if option else value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if question.unit and not isinstance(value, str):
        return f"{value} {question.unit}"
    return str(value)


def _cite(
    state: _State, question_ids: Iterable[str], with_points: bool = False
) -> tuple[Citation, ...]:
    """Citations of the given answered questions, in questionnaire order."""
    position = state.plan.position
    ordered = sorted(
        {q for q in question_ids if q in state.values}, key=lambda q: position.get(q, 0)
    )
    return tuple(state.citation(question_id, with_points) for question_id in ordered)


def _cite_trace(state: _State, condition: Compiled) -> tuple[Citation, ...]:
    """The answers that made a condition hold, quoted: evaluated again, this time traced."""
    trace: set[str] = set()
    condition(EvaluationContext(state, trace=trace))
    return _cite(state, trace)


def _score(
    state: _State,
    questionnaire_id: str,
    dimension: str | None,
    bands: Bands,
) -> Score:
    aggregates = state.aggregates()
    risk, risk_max, risk_from = aggregates.get(("risk", dimension), (0.0, 0.0, ()))
    mitigation, mitigation_max, mitigation_from = aggregates.get(
        ("mitigation", dimension), (0.0, 0.0, ())
    )
    contributions = Citations(partial(_cite, state, risk_from + mitigation_from, True))
    if risk_max <= 0:
        return Score(
            None,
            None,
            risk,
            risk_max,
            mitigation,
            mitigation_max,
            None,
            contributions=contributions,
        )
    raw = 100.0 * risk / risk_max
    factor = 1.0
    applied = []
    context = EvaluationContext(state, scope_dimension=dimension)
    for adjustment, condition in state.plan.adjustments:
        if adjustment.scope == ("questionnaire" if dimension is not None else "dimensions"):
            continue
        if condition(context):
            factor *= adjustment.factor
            applied.append(
                AppliedAdjustment(
                    adjustment.id, adjustment.title, adjustment.factor, adjustment.source
                )
            )
    score = min(100.0, max(0.0, round(raw * factor, 1)))
    level = bands.level(score)
    return Score(
        score,
        level,
        risk,
        risk_max,
        mitigation,
        mitigation_max,
        raw,
        tuple(applied),
        level,
        (),
        contributions,
    )


def _force(score: Score, findings: Iterable[Finding]) -> Score:
    """Raise a score's level to the minimum its fired findings demand."""
    level = score.level
    forcing = []
    for finding in findings:
        minimum = finding.minimum_level
        if minimum is None:
            continue
        if score.banded_level is None or level_rank(minimum) > level_rank(score.banded_level):
            forcing.append(finding)
            if level is None or level_rank(minimum) > level_rank(level):
                level = minimum
    if not forcing:
        return score
    return replace(score, level=level, forced_by=tuple(forcing))


def score_questionnaire(
    questionnaire: Questionnaire, answers: Mapping[str, Answer]
) -> QuestionnaireResult:
    """Score one questionnaire's answers."""
    compiled = plan(questionnaire)
    state = _State(compiled, answers)
    bands = questionnaire.scoring.bands
    findings = []
    context = EvaluationContext(state)
    for rule, condition in compiled.rules:
        if not condition(context):
            continue
        findings.append(
            Finding(
                questionnaire.id,
                rule.id,
                rule.severity,
                rule.title,
                rule.explanation,
                rule.recommendation,
                rule.source,
                describe_rule(questionnaire, rule.id),
                rule.dimension,
                rule.minimum_level,
                Citations(partial(_cite_trace, state, condition)),
            )
        )
    dimensions = []
    for dimension in questionnaire.dimensions:
        score = _score(state, questionnaire.id, dimension.id, bands)
        score = _force(score, (f for f in findings if f.dimension == dimension.id))
        dimensions.append(DimensionResult(questionnaire.id, dimension.id, dimension.title, score))
    overall = _force(_score(state, questionnaire.id, None, bands), findings)
    sections = []
    unanswered = []
    for index, section in enumerate(questionnaire.sections):
        shown = [q for q in section.questions if q.id not in state.hidden]
        answered = [q for q in shown if q.id in state.values]
        required = [q for q in shown if q.required]
        missing = [q for q in required if q.id not in state.values]
        sections.append(
            SectionProgress(
                section.id,
                section.title,
                index not in state.hidden_sections,
                len(shown),
                len(answered),
                len(required),
                len(required) - len(missing),
            )
        )
        unanswered += [
            Unanswered(questionnaire.id, section.id, section.title, q.id, q.text) for q in missing
        ]
    return QuestionnaireResult(
        questionnaire.id,
        questionnaire.version,
        questionnaire.title,
        overall,
        tuple(dimensions),
        tuple(sections),
        tuple(_by_severity(findings)),
        tuple(unanswered),
        frozenset(state.hidden),
    )


def _by_severity(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda finding: -level_rank(finding.severity))


def score_assessment(assessment: Assessment) -> AssessmentResult:
    """Score every questionnaire of an assessment and combine them into an overall result."""
    with collection_paused():
        results = tuple(
            score_questionnaire(questionnaire, assessment.answers.get(questionnaire.id, {}))
            for questionnaire in assessment.questionnaires
        )
    findings = tuple(_by_severity(f for item in results for f in item.findings))
    weighted = [
        (item.result.score, item.result.risk_maximum)
        for item in results
        if item.result.score is not None
    ]
    total_weight = sum(weight for _, weight in weighted)
    if total_weight > 0:
        score = round(sum(value * weight for value, weight in weighted) / total_weight, 1)
        level = DEFAULT_BANDS.level(score)
    else:
        score, level = None, None
    overall = Score(
        score,
        level,
        risk_points=sum(item.result.risk_points for item in results),
        risk_maximum=sum(item.result.risk_maximum for item in results),
        mitigation_points=sum(item.result.mitigation_points for item in results),
        mitigation_maximum=sum(item.result.mitigation_maximum for item in results),
        raw_score=score,
        banded_level=level,
    )
    overall = _force(overall, findings)
    return AssessmentResult(
        overall=overall,
        questionnaires=results,
        findings=findings,
        unanswered=tuple(u for item in results for u in item.unanswered),
        answered=sum(s.answered for item in results for s in item.sections),
        shown=sum(s.questions for item in results for s in item.sections),
    )
