"""Scoring: from answers to scores, levels and findings, each able to say why.

A questionnaire declares its scoring model. Model findings-floor/2 is in
``workerimpact.scoring_floor``; the default, points-share/1, is here and works as it always
has, for each questionnaire (``docs/scoring.md`` says the same for people):

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

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import replace
from functools import partial

from workerimpact.assessment import Answer, Assessment
from workerimpact.jsonfile import collection_paused
from workerimpact.questionnaire import (
    MODEL_FINDINGS_FLOOR,
    MODEL_POINTS_SHARE,
    Bands,
    Questionnaire,
    level_rank,
)
from workerimpact.results import (
    AppliedAdjustment,
    AssessmentResult,
    Citation,
    Citations,
    DimensionResult,
    Finding,
    Progress,
    QuestionnaireResult,
    Score,
    SectionProgress,
    Unanswered,
    level_label,
)
from workerimpact.rules import EvaluationContext
from workerimpact.scoring_floor import floor_overall, floor_score
from workerimpact.scoring_plan import describe_rule, plan
from workerimpact.scoring_state import AnswerState, answer_text, cite, cite_trace
from workerimpact.scoring_unknown import find_out_findings

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
    "Progress",
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


# --- model points-share/1 -------------------------------------------------------------------


def _score(
    state: AnswerState,
    questionnaire_id: str,
    dimension: str | None,
    bands: Bands,
) -> Score:
    aggregates = state.aggregates()
    risk, risk_max, risk_from = aggregates.get(("risk", dimension), (0.0, 0.0, ()))
    mitigation, mitigation_max, mitigation_from = aggregates.get(
        ("mitigation", dimension), (0.0, 0.0, ())
    )
    contributions = Citations(partial(cite, state, risk_from + mitigation_from, True))
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
    questionnaire: Questionnaire,
    answers: Mapping[str, Answer],
    *,
    stage: str | None = None,
    stage_started: str | None = None,
    as_of: dt.date | None = None,
) -> QuestionnaireResult:
    """Score one questionnaire's answers, by the scoring model it declares.

    ``stage`` (planned, pilot, in_operation) hides the questions not asked in it;
    ``stage_started`` and ``as_of`` are the dates rules count days between.
    """
    compiled = plan(questionnaire)
    state = AnswerState(compiled, answers, stage, stage_started, as_of)
    floor_model = questionnaire.scoring.floor_model
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
                Citations(partial(cite_trace, state, condition)),
                rule.severity_reason,
            )
        )
    if floor_model:
        fired = {finding.id for finding in findings}
        findings += find_out_findings(state, questionnaire, answers, fired)
    dimensions = []
    for dimension in questionnaire.dimensions:
        concerning = [f for f in findings if f.concerns(dimension.id)]
        if floor_model:
            score = floor_score(state, dimension.id, concerning)
        else:
            score = _score(state, questionnaire.id, dimension.id, questionnaire.scoring.bands)
            score = _force(score, concerning)
        dimensions.append(DimensionResult(questionnaire.id, dimension.id, dimension.title, score))
    if floor_model:
        overall = floor_score(state, None, findings)
    else:
        overall = _force(
            _score(state, questionnaire.id, None, questionnaire.scoring.bands), findings
        )
    sections, unanswered, progress = _progress(questionnaire, state, stage)
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
        questionnaire.scoring.model_name,
        progress,
    )


def _progress(
    questionnaire: Questionnaire, state: AnswerState, stage: str | None
) -> tuple[list[SectionProgress], list[Unanswered], Progress]:
    """Each section's progress, the required questions unanswered, and how much of what
    the levels rest on (shown questions that are required or scored) is answered."""
    sections = []
    unanswered = []
    expected = answered_expected = 0
    for index, section in enumerate(questionnaire.sections):
        shown = [q for q in section.questions if q.id not in state.hidden]
        answered = [q for q in shown if q.id in state.values]
        required = [q for q in shown if q.required]
        missing = [q for q in required if q.id not in state.values]
        counted = [q for q in shown if q.required or q.scored]
        expected += len(counted)
        answered_expected += sum(
            1 for q in counted if q.id in state.values and q.id not in state.needs_reason
        )
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
            Unanswered(questionnaire.id, section.id, section.title, q.id, q.text_in(stage))
            for q in missing
        ]
    progress = Progress(expected, answered_expected, tuple(sorted(state.needs_reason)))
    return sections, unanswered, progress


def _by_severity(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda finding: -level_rank(finding.severity))


def score_assessment(assessment: Assessment) -> AssessmentResult:
    """Score every questionnaire of an assessment and combine them into an overall result.

    If any questionnaire uses scoring model findings-floor/2, the overall level is the
    highest questionnaire level; otherwise it is the weighted average of the scores, banded,
    as before.
    """
    metadata = assessment.metadata
    started = metadata.stage_started.isoformat() if metadata.stage_started else None
    with collection_paused():
        results = tuple(
            score_questionnaire(
                questionnaire,
                assessment.answers.get(questionnaire.id, {}),
                stage=metadata.stage,
                stage_started=started,
                as_of=metadata.updated.date(),
            )
            for questionnaire in assessment.questionnaires
        )
    findings = tuple(_by_severity(f for item in results for f in item.findings))
    floor_model = any(item.model == MODEL_FINDINGS_FLOOR for item in results)
    overall = floor_overall(results, findings) if floor_model else _average(results, findings)
    return AssessmentResult(
        overall=overall,
        questionnaires=results,
        findings=findings,
        unanswered=tuple(u for item in results for u in item.unanswered),
        answered=sum(s.answered for item in results for s in item.sections),
        shown=sum(s.questions for item in results for s in item.sections),
        model=MODEL_FINDINGS_FLOOR if floor_model else MODEL_POINTS_SHARE,
        stage=metadata.stage,
    )


def _average(results: tuple[QuestionnaireResult, ...], findings: tuple[Finding, ...]) -> Score:
    """Overall in model points-share/1: scores averaged by maximum risk points, banded."""
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
    return _force(overall, findings)
