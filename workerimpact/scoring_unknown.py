""" "Don't know" answers (scoring model findings-floor/2): the "Find out" finding each one makes.

Not knowing is treated as a risk until it is found out. Its points are those of the riskiest
answer (``scoring_plan.option_scores``); its finding is never less serious than what a less
risky answer to the same question would have shown. Otherwise answering "Don't know" could
give a lower level than an honest middling answer — a way to game the statement.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial

from workerimpact.assessment import Answer
from workerimpact.i18n import t
from workerimpact.questionnaire import Question, Questionnaire, Rule, level_rank
from workerimpact.results import Citations, Finding, level_label
from workerimpact.rules import EvaluationContext
from workerimpact.scoring_plan import clip, option_scores
from workerimpact.scoring_state import AnswerState, cite

DEFAULT_SEVERITY = "moderate"
"""Severity of a "Find out" finding when the option does not set one."""


@dataclass(frozen=True)
class _Alternative:
    """A finding a less risky answer would have shown, and that answer's label."""

    rule: Rule
    label: str


def _less_risky_values(question: Question, dont_know: str) -> list[tuple[object, str]]:
    """The ordinary answers with less risk than "Don't know", as values with their labels."""
    points = option_scores(question)
    values = []
    for option in question.options:
        if option.special:
            continue
        if question.role == "risk":
            less = points[option.id] < points[dont_know]
        elif question.role == "mitigation":
            less = points[option.id] > points[dont_know]
        else:
            less = False
        if less:
            value = [option.id] if question.type == "multiple_choice" else option.id
            values.append((value, option.label))
    return values


def _alternatives(
    state: AnswerState,
    answers: Mapping[str, Answer],
    question: Question,
    dont_know: str,
    fired: set[str],
) -> list[_Alternative]:
    """Rules that do not fire now but would with a less risky answer to ``question``."""
    found: dict[str, _Alternative] = {}
    answer = answers.get(question.id)
    for value, label in _less_risky_values(question, dont_know):
        replaced = Answer(value=value, comment=answer.comment if answer else "")  # type: ignore[arg-type]
        other = AnswerState(
            state.plan,
            {**answers, question.id: replaced},
            state.stage(),
            state.stage_started(),
            state.as_of(),
        )
        context = EvaluationContext(other)
        for rule, condition in state.plan.rules:
            if rule.id in fired or rule.id in found:
                continue
            if condition(context):
                found[rule.id] = _Alternative(rule, label)
    return list(found.values())


def find_out_findings(
    state: AnswerState,
    questionnaire: Questionnaire,
    answers: Mapping[str, Answer],
    fired: set[str],
) -> list[Finding]:
    """A "Find out" finding for every shown question answered "Don't know".

    ``fired`` holds the ids of the rules that fire on the answers as given.
    """
    found = []
    for question_id, option_id in state.plan.dont_know.items():
        value = state.values.get(question_id)
        chosen = set(value) if isinstance(value, tuple) else {value}
        if option_id not in chosen:
            continue
        question = state.plan.questions[question_id]
        option = question.option(option_id)
        declared = (option.finding_severity if option else None) or DEFAULT_SEVERITY
        severity = declared
        reason = t(
            "An unknown answer on a question about workers' rights or safety cannot be taken "
            "as safe; until it is known, it calls for follow-up."
        )
        alternatives = _alternatives(state, answers, question, option_id, fired)
        worst = max(alternatives, key=lambda item: level_rank(item.rule.severity), default=None)
        if worst is not None and level_rank(worst.rule.severity) > level_rank(declared):
            severity = worst.rule.severity
            reason = t(
                "Not knowing is never taken as better than a less risky answer: the answer "
                "“{answer}” would already give the finding “{finding}” ({level}).",
                answer=clip(worst.label, 80),
                finding=clip(worst.rule.title, 120),
                level=level_label(severity),
            )
        floors = tuple(
            sorted(
                {
                    item.rule.dimension
                    for item in alternatives
                    if item.rule.dimension and item.rule.dimension != question.dimension
                }
            )
        )
        text = question.text_in(state.stage())
        found.append(
            Finding(
                questionnaire.id,
                f"find-out.{question_id}",
                severity,
                t("Find out: {question}", question=clip(text, 160)),
                t(
                    "The assessor does not know the answer to this question. Not knowing is "
                    "treated as a risk until it is found out: the answer is scored as the "
                    "riskiest one."
                ),
                (option.recommendation if option and option.recommendation else None)
                or t("Find out the answer, record it with its evidence, and score again."),
                question.source or "—",
                t(
                    "“{question}” is answered “{answer}”",
                    question=clip(text, 90),
                    answer=option.label if option else option_id,
                ),
                question.dimension,
                None,
                Citations(partial(cite, state, (question_id,))),
                reason,
                floors,
            )
        )
    return found
