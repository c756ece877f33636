"""Scoring model findings-floor/2: fixed maxima, graded mitigation credit, findings as floors.

For a dimension or a questionnaire (``docs/scoring.md`` says the same with examples):

1. risk % = risk points ÷ the most risk points its questions could give. The maximum counts
   every scored question of the part, shown or not, answered or not, except questions
   answered "Not applicable" or not asked in the assessment's stage, so answering more or
   opening follow-ups never lowers a score.
2. score = risk % × (1 − credit × mitigation %), credit 0.15 by default: mitigation lowers
   risk in proportion, with no cliff. A questionnaire may give its own score expression.
3. Declared adjustments multiply it; the level is the band the score falls in; level rules
   may then raise, lower or set it.
4. Every finding that fires is a floor: its dimension, its questionnaire and the overall
   level are at least its severity.
5. Overall: the highest questionnaire level and score.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import partial

from workerimpact.i18n import t
from workerimpact.questionnaire import level_rank
from workerimpact.results import (
    AppliedAdjustment,
    Citations,
    Finding,
    LevelChange,
    QuestionnaireResult,
    Score,
    level_label,
)
from workerimpact.rules import EvaluationContext
from workerimpact.rules_eval import round_half_away
from workerimpact.scoring_plan import clip
from workerimpact.scoring_state import AnswerState, cite


def _number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _answered_in(state: AnswerState, role: str, dimension: str | None) -> bool:
    questions = state.plan.questions
    return any(
        questions[question_id].role == role
        and (dimension is None or questions[question_id].dimension == dimension)
        for question_id in state.question_points
    )


def _raw(state: AnswerState, dimension: str | None) -> tuple[float | None, list[str]]:
    """The score before adjustments, and the steps that gave it, in words."""
    compiled = state.plan
    scoring = compiled.questionnaire.scoring
    context = EvaluationContext(state, scope_dimension=dimension)
    expression = compiled.dimension_expression if dimension else compiled.score_expression
    if expression is not None:
        value = expression(context)
        if not _number(value):
            return None, [t("the questionnaire's score formula has no value yet")]
        return float(value), [
            t("the questionnaire's score formula gives {value}", value=f"{value:.1f}")
        ]
    aggregates = state.aggregates()
    risk, risk_max, _ = aggregates.get(("risk", dimension), (0.0, 0.0, ()))
    mitigation, mitigation_max, _ = aggregates.get(("mitigation", dimension), (0.0, 0.0, ()))
    if risk_max <= 0 or not _answered_in(state, "risk", dimension):
        return None, []
    risk_percent = 100.0 * risk / risk_max
    steps = [
        t(
            "risk {risk} of {maximum} possible points = {percent}%",
            risk=f"{risk:g}",
            maximum=f"{risk_max:g}",
            percent=f"{risk_percent:.1f}",
        )
    ]
    if mitigation_max <= 0:
        return risk_percent, steps
    mitigation_percent = 100.0 * mitigation / mitigation_max
    factor = 1.0 - scoring.credit * mitigation_percent / 100.0
    steps.append(
        t(
            "mitigation {points} of {maximum} ({percent}%) takes off {off}% (credit {credit} × "
            "mitigation share)",
            points=f"{mitigation:g}",
            maximum=f"{mitigation_max:g}",
            percent=f"{mitigation_percent:.0f}",
            off=f"{100 * (1 - factor):.1f}",
            credit=f"{scoring.credit:g}",
        )
    )
    return risk_percent * factor, steps


def floor_score(state: AnswerState, dimension: str | None, findings: Iterable[Finding]) -> Score:
    """The score and level of a dimension (or, with ``dimension`` None, the questionnaire)."""
    compiled = state.plan
    scoring = compiled.questionnaire.scoring
    aggregates = state.aggregates()
    risk, risk_max, risk_from = aggregates.get(("risk", dimension), (0.0, 0.0, ()))
    mitigation, mitigation_max, mitigation_from = aggregates.get(
        ("mitigation", dimension), (0.0, 0.0, ())
    )
    contributions = Citations(partial(cite, state, risk_from + mitigation_from, True))
    raw, reasons = _raw(state, dimension)
    context = EvaluationContext(state, scope_dimension=dimension)
    score = level = None
    applied: list[AppliedAdjustment] = []
    changes: list[LevelChange] = []
    if raw is not None:
        factor = 1.0
        for adjustment, condition in compiled.adjustments:
            if adjustment.scope == ("questionnaire" if dimension is not None else "dimensions"):
                continue
            if condition(context):
                factor *= adjustment.factor
                applied.append(
                    AppliedAdjustment(
                        adjustment.id, adjustment.title, adjustment.factor, adjustment.source
                    )
                )
                reasons.append(f"×{adjustment.factor:g}: {clip(adjustment.title, 120)}")
        score = min(100.0, max(0.0, round_half_away(raw * factor, 1)))
        level = scoring.bands.level(score)
        reasons.append(
            t(
                "score {score} is in the {level} band ({range})",
                score=f"{score:.1f}",
                level=level_label(level),
                range=scoring.bands.describe(level),
            )
        )
        for rule, condition in compiled.level_rules:
            if rule.scope == ("questionnaire" if dimension is not None else "dimensions"):
                continue
            if not condition(context):
                continue
            after = rule.apply(level)
            if after == level:
                continue
            changes.append(LevelChange(rule.id, rule.title, level, after, rule.reason))
            reasons.append(
                t(
                    "raised to {level} by level rule “{title}”"
                    if level_rank(after) > level_rank(level)
                    else "lowered to {level} by level rule “{title}”",
                    level=level_label(after),
                    title=clip(rule.title, 120),
                )
                + (f" ({clip(rule.reason, 200)})" if rule.reason else "")
            )
            level = after
    before_floors = level
    forcing = tuple(
        finding
        for finding in findings
        if before_floors is None or level_rank(finding.severity) > level_rank(before_floors)
    )
    if forcing:
        level = max((finding.severity for finding in forcing), key=level_rank)
    return Score(
        score,
        level,
        risk,
        risk_max,
        mitigation,
        mitigation_max,
        raw,
        tuple(applied),
        before_floors,
        forcing,
        contributions,
        tuple(reasons),
        tuple(changes),
    )


def floor_overall(results: Sequence[QuestionnaireResult], findings: Sequence[Finding]) -> Score:
    """The overall result: the highest questionnaire level and score."""
    scored = [item for item in results if item.result.level is not None]
    level = None
    before = None
    reasons = []
    if scored:
        level = max((item.result.level or "low" for item in scored), key=level_rank)
        unfloored = [item for item in scored if item.result.banded_level]
        if unfloored:
            top = max(unfloored, key=lambda item: level_rank(item.result.banded_level or "low"))
            before = top.result.banded_level
            reasons.append(
                t(
                    "the highest questionnaire level from scores is {level} ({title})",
                    level=level_label(before),
                    title=clip(top.title, 80),
                )
            )
    scores = [item.result.score for item in results if item.result.score is not None]
    forcing = tuple(
        finding
        for finding in findings
        if level is not None
        and (before is None or level_rank(finding.severity) > level_rank(before))
        and level_rank(finding.severity) <= level_rank(level)
    )
    return Score(
        max(scores) if scores else None,
        level,
        risk_points=sum(item.result.risk_points for item in results),
        risk_maximum=sum(item.result.risk_maximum for item in results),
        mitigation_points=sum(item.result.mitigation_points for item in results),
        mitigation_maximum=sum(item.result.mitigation_maximum for item in results),
        raw_score=max(scores) if scores else None,
        banded_level=before,
        forced_by=forcing,
        reasons=tuple(reasons),
    )
