"""A questionnaire compiled for scoring, once: evaluation order, points and words.

``plan`` orders sections and questions so that every skip-logic condition reads only
questions decided before it, compiles every condition, and works out each option's points
and each question's maximum. The result is cached on the questionnaire object.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from workerimpact.questionnaire import Question, Questionnaire
from workerimpact.rules import (
    Compiled,
    Vocabulary,
    compile_expression,
    describe,
    referenced_questions,
)


@dataclass
class Plan:
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
    level_rules: list[tuple[Any, Compiled]]
    score_expression: Compiled | None
    dimension_expression: Compiled | None
    vocabulary: Vocabulary
    # The "Not applicable" and "Don't know" option ids of the questions offering them.
    not_applicable: dict[str, str] = field(default_factory=dict)
    dont_know: dict[str, str] = field(default_factory=dict)
    descriptions: dict[str, str] = field(default_factory=dict)


def option_scores(question: Question) -> dict[str, float]:
    """The points of each option before weight.

    A "Don't know" option without its own score gives, on a risk question, the most any
    single ordinary option gives (it never counts as safe) and, on a mitigation question,
    nothing; "Not applicable" gives nothing (the question leaves the score altogether).
    """
    ordinary = [o.score or 0.0 for o in question.options if not o.special]
    scores = {}
    for option in question.options:
        if option.kind == "dont_know" and option.score is None:
            scores[option.id] = max(ordinary, default=0.0) if question.role == "risk" else 0.0
        else:
            scores[option.id] = option.score or 0.0
    return scores


def _maximum(question: Question) -> float:
    scores = option_scores(question)
    if question.type != "multiple_choice":
        best = max(scores.values(), default=0.0)
    else:
        exclusive = [o for o in question.options if o.exclusive or o.special]
        combined = sum(scores[o.id] for o in question.options if o not in exclusive)
        best = max([combined] + [scores[o.id] for o in exclusive])
    return best * question.weight


def plan(questionnaire: Questionnaire) -> Plan:
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
        return f"“{clip(question.text, 90)}”"

    def option_words(question_id: str, option_id: str) -> str:
        question = questions.get(question_id)
        option = question.option(option_id) if question else None
        return option.label if option else option_id

    def dimension_words(dimension_id: str) -> str:
        dimension = questionnaire.dimension(dimension_id)
        return f"“{dimension.title}”" if dimension else dimension_id

    result = Plan(
        questionnaire=questionnaire,
        order=order,
        questions=questions,
        section_of=section_of,
        position={question_id: index for index, question_id in enumerate(questions)},
        option_points={
            question.id: {
                option_id: points * question.weight
                for option_id, points in option_scores(question).items()
            }
            for question in questions.values()
            if question.scored
        },
        maximum={q.id: _maximum(q) for q in questions.values() if q.scored},
        rules=[(rule, compile_expression(rule.condition)) for rule in questionnaire.rules],
        level_rules=[
            (level_rule, compile_expression(level_rule.when))
            for level_rule in questionnaire.scoring.level_rules or []
        ],
        score_expression=(
            compile_expression(questionnaire.scoring.score)
            if questionnaire.scoring.score is not None
            else None
        ),
        dimension_expression=(
            compile_expression(questionnaire.scoring.dimension_score)
            if questionnaire.scoring.dimension_score is not None
            else None
        ),
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
    for question in questions.values():
        for option in question.options:
            if option.kind == "not_applicable":
                result.not_applicable[question.id] = option.id
            elif option.kind == "dont_know":
                result.dont_know[question.id] = option.id
    questionnaire._plan = result
    return result


def clip(text: str, length: int) -> str:
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
