"""Properties every questionnaire of scoring model findings-floor/2 must have, checked with
random answers over whatever files are in ``questionnaires/`` (and the documented example):

- a finding's severity is a floor for its dimension, its questionnaire and the overall level;
  the overall level is never below any questionnaire's level;
- moving one answer toward more risk (an option with more points on a risk question, fewer
  on a mitigation question — "Don't know" included, by its points — or one more ticked
  harm) never lowers any score or level.

A built-in file that breaks one of these fails here with the answers that show it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from helpers import REPOSITORY
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workerimpact.assessment import Answer, Assessment, Metadata, new_assessment
from workerimpact.loader import load_questionnaire
from workerimpact.questionnaire import STAGES, Question, Questionnaire, level_rank
from workerimpact.results import AssessmentResult, Score
from workerimpact.scoring import score_assessment
from workerimpact.scoring_plan import option_scores

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _floor_files() -> list[Path]:
    files = sorted((REPOSITORY / "questionnaires").glob("*.json"))
    files.append(REPOSITORY / "docs" / "examples" / "job-changes-floor.json")
    return [path for path in files if load_questionnaire(path).scoring.floor_model]


FILES = _floor_files()


@pytest.fixture(scope="module", params=FILES, ids=[path.stem for path in FILES])
def questionnaire(request) -> Questionnaire:
    return load_questionnaire(request.param)


@st.composite
def answers_for(draw, questionnaire: Questionnaire) -> dict[str, Any]:
    """Random answers: any option (or none) of each choice question, numbers and dates."""
    answers: dict[str, Any] = {}
    for question in questionnaire.questions():
        if draw(st.integers(0, 9)) == 0:
            continue  # left unanswered
        if question.type == "multiple_choice":
            exclusive = [o.id for o in question.options if o.exclusive or o.special]
            others = [o.id for o in question.options if o.id not in exclusive]
            if exclusive and draw(st.booleans()):
                answers[question.id] = [draw(st.sampled_from(exclusive))]
            elif others:
                answers[question.id] = draw(st.lists(st.sampled_from(others), unique=True))
        elif question.options:
            answers[question.id] = draw(st.sampled_from([o.id for o in question.options]))
        elif question.type == "number":
            low = int(question.minimum) if question.minimum is not None else 0
            high = int(question.maximum) if question.maximum is not None else 100_000
            answers[question.id] = draw(st.integers(low, max(low, high)))
        elif question.type == "date":
            answers[question.id] = draw(
                st.dates(dt.date(2015, 1, 1), dt.date(2026, 12, 31))
            ).isoformat()
    return answers


def _assessment(questionnaire: Questionnaire, answers: dict[str, Any], stage: str | None):
    assessment: Assessment = new_assessment([questionnaire])
    assessment.metadata = Metadata(stage=stage, stage_started=dt.date(2024, 1, 15))
    assessment.answers = {
        questionnaire.id: {
            key: Answer(value=value, comment="Reason given.") for key, value in answers.items()
        }
    }
    return assessment


def _riskier(question: Question, value: Any, draw) -> Any | None:
    """An answer of this question with more risk than ``value``, or None if there is none."""
    points = option_scores(question)
    kinds = {option.id: option.kind for option in question.options}
    if question.type == "multiple_choice":
        chosen = list(value) if value else []
        if any(kinds.get(item) == "not_applicable" for item in chosen):
            return None
        if question.role == "risk":
            exclusive = {o.id for o in question.options if o.exclusive or o.special}
            if any(item in exclusive for item in chosen):
                return None  # "None of these" / "Don't know": nothing to add
            more = [o.id for o in question.options if o.id not in exclusive and o.id not in chosen]
            return chosen + [draw(st.sampled_from(more))] if more else None
        if len(chosen) > 1:
            return chosen[:-1]  # one protection fewer
        return None
    if kinds.get(value) == "not_applicable":
        return None
    # Unanswered gives no points: any risk answer adds risk; only a mitigation answer that
    # gives no protection is not less risk.
    unanswered = value is None
    current = 0.0 if unanswered else points.get(value, 0.0)

    # "Don't know" is ordered by its points like any answer: it scores as the riskiest
    # answer, but a known harm may rightly weigh more than an unknown one in findings.
    def riskier(option_id: str) -> bool:
        if question.role == "risk":
            return points[option_id] >= current if unanswered else points[option_id] > current
        return points[option_id] <= current if unanswered else points[option_id] < current

    candidates = [
        option.id
        for option in question.options
        if option.kind != "not_applicable" and option.id != value and riskier(option.id)
    ]
    return data_draw(candidates, draw)


def data_draw(candidates: list[str], draw) -> str | None:
    return draw(st.sampled_from(candidates)) if candidates else None


def _rank(score: Score) -> int:
    return -1 if score.level is None else level_rank(score.level)


def _scores(result: AssessmentResult) -> list[tuple[str, Score]]:
    found = [("overall", result.overall)]
    for item in result.questionnaires:
        found.append((item.title, item.result))
        found += [(f"{item.title} / {d.title}", d.result) for d in item.dimensions]
    return found


@SETTINGS
@given(data=st.data())
def test_findings_are_floors_and_overall_is_the_highest(questionnaire, data):
    answers = data.draw(answers_for(questionnaire))
    stage = data.draw(st.sampled_from((None, *STAGES)))
    result = score_assessment(_assessment(questionnaire, answers, stage))
    item = result.questionnaires[0]
    for finding in result.findings:
        severity = level_rank(finding.severity)
        assert _rank(item.result) >= severity, (finding.id, item.result.level)
        assert _rank(result.overall) >= severity, (finding.id, result.overall.level)
        for dimension in item.dimensions:
            if finding.dimension == dimension.id:
                assert _rank(dimension.result) >= severity, (finding.id, dimension.id)
    assert _rank(result.overall) >= _rank(item.result)


@SETTINGS
@given(data=st.data())
def test_more_risk_never_lowers_a_score_or_level(questionnaire, data):
    answers = data.draw(answers_for(questionnaire))
    stage = data.draw(st.sampled_from((None, *STAGES)))
    scored = [q for q in questionnaire.questions() if q.scored]
    question = data.draw(st.sampled_from(scored))
    riskier = _riskier(question, answers.get(question.id), data.draw)
    if riskier is None:
        return
    before = score_assessment(_assessment(questionnaire, answers, stage))
    after = score_assessment(_assessment(questionnaire, {**answers, question.id: riskier}, stage))
    for (name, old), (_, new) in zip(_scores(before), _scores(after), strict=True):
        moved = f"{question.id}: {answers.get(question.id)!r} → {riskier!r}"
        assert _rank(new) >= _rank(old), f"{name} level fell ({moved}): {old.level} → {new.level}"
        if old.score is not None:
            assert new.score is not None and new.score >= old.score, (
                f"{name} score fell ({moved}): {old.score} → {new.score}"
            )
