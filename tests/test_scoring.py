"""Scoring against hand-computed expectations, skip logic and forced levels included."""

from __future__ import annotations

import copy

import pytest
from helpers import (
    assessment_with,
    example_data,
    minimal,
    questionnaire_from,
    scored_question,
)

from workerimpact.assessment import Answer, new_assessment
from workerimpact.scoring import score_assessment


@pytest.fixture(scope="module")
def example():
    return questionnaire_from(example_data())


def dimension(result, dimension_id):
    return next(item for item in result.dimensions if item.id == dimension_id).result


def test_mitigation_credit_and_bands(example):
    # notice: risk 2/2 = 100%, mitigation 3/3 → ×0.85 = 85 severe
    # decisions: risk 1/8 = 12.5%, mitigation 2/2 → ×0.85 = 10.6 low
    # questionnaire: risk 3/10 = 30%, mitigation 5/5 → ×0.85 = 25.5 moderate
    result = score_assessment(
        assessment_with(
            example,
            records_calls="yes",
            written_notice="in_advance",
            used_for=["coaching"],
            human_review="3",
        )
    )
    notice = dimension(result, "notice")
    assert (notice.score, notice.level, notice.raw_score) == (85.0, "severe", 100.0)
    assert [item.id for item in notice.adjustments] == ["mitigation-credit"]
    decisions = dimension(result, "decisions")
    assert (decisions.score, decisions.level) == (10.6, "low")
    questionnaire = result.questionnaires[0].result
    assert (questionnaire.risk_points, questionnaire.risk_maximum) == (3.0, 10.0)
    assert (questionnaire.mitigation_points, questionnaire.mitigation_maximum) == (5.0, 5.0)
    assert (questionnaire.score, questionnaire.level) == (25.5, "moderate")
    assert (result.overall.score, result.overall.level) == (25.5, "moderate")
    assert result.findings == ()
    assert result.unanswered == ()


def test_hidden_questions_count_neither_in_score_nor_maximum(example):
    # records_calls "no" hides written_notice, whose "no" answer is kept but ignored:
    # no covert-recording finding, and notice mitigation has no maximum.
    result = score_assessment(
        assessment_with(
            example,
            records_calls="no",
            written_notice="no",
            used_for=["pay", "discipline"],
            human_review="1",
        )
    )
    questionnaire = result.questionnaires[0]
    assert questionnaire.hidden == {"written_notice"}
    notice = dimension(result, "notice")
    assert (notice.score, notice.level, notice.mitigation_maximum) == (0.0, "low", 0.0)
    decisions = dimension(result, "decisions")
    assert (decisions.score, decisions.level) == (87.5, "severe")
    assert (questionnaire.result.score, questionnaire.result.level) == (70.0, "high")
    assert [finding.id for finding in result.findings] == ["scores-discipline-without-review"]
    assert result.unanswered == ()
    assert (result.answered, result.shown) == (3, 4)


def test_critical_finding_forces_a_minimum_level_and_says_which(example):
    # Risk 2 of 10 = 20% is low, but recording without notice forces severe.
    result = score_assessment(
        assessment_with(example, records_calls="yes", written_notice="no", used_for=["none"])
    )
    questionnaire = result.questionnaires[0].result
    assert (questionnaire.score, questionnaire.banded_level) == (20.0, "low")
    assert questionnaire.level == "severe"
    assert [finding.id for finding in questionnaire.forced_by] == ["covert-recording"]
    assert result.overall.level == "severe"
    assert result.overall.forced_by == questionnaire.forced_by
    finding = result.findings[0]
    assert finding.id == "covert-recording"
    assert [(c.question_id, c.answer) for c in finding.because] == [
        ("records_calls", "Yes"),
        ("written_notice", "No"),
    ]
    assert finding.rule.startswith("“Does the tool record or transcribe workers' calls?” is “Yes”")


def test_nothing_answered_is_not_yet_assessed_and_lists_required_questions(example):
    result = score_assessment(new_assessment([example]))
    assert (result.overall.score, result.overall.level) == (None, None)
    assert all(item.result.level is None for item in result.dimensions)
    # written_notice is required but hidden until calls are recorded: never reported.
    assert [item.question_id for item in result.unanswered] == ["records_calls", "used_for"]
    sections = result.questionnaires[0].sections
    assert [(s.id, s.questions, s.answered, s.required, s.required_answered) for s in sections] == [
        ("monitoring", 2, 0, 1, 0),
        ("use", 2, 0, 1, 0),
    ]


def test_contributions_explain_a_score_with_points(example):
    result = score_assessment(
        assessment_with(example, records_calls="yes", used_for=["discipline", "coaching"])
    )
    contributions = result.questionnaires[0].result.contributions
    assert [(c.question_id, c.answer, c.points) for c in contributions] == [
        ("records_calls", "Yes", 2.0),
        ("used_for", "Coaching; Discipline or dismissal", 5.0),
    ]


def test_weights_multiply_points_and_maxima():
    data = minimal(
        [
            scored_question("light", "d1", scores=(0, 1, 2)),
            scored_question("heavy", "d1", scores=(0, 1, 2), weight=3),
            scored_question("other", "d2", scores=(0, 4)),
        ]
    )
    questionnaire = questionnaire_from(data)
    result = score_assessment(assessment_with(questionnaire, light="o2", heavy="o1", other="o0"))
    d1 = dimension(result, "d1")
    # (2 + 3×1) / (2 + 3×2) = 5/8
    assert (d1.risk_points, d1.risk_maximum, d1.score) == (5.0, 8.0, 62.5)
    assert d1.level == "high"


def test_adjustment_scope_and_factor_above_one_is_capped_at_100():
    data = minimal(
        [scored_question("a", "d1", scores=(0, 9, 10)), scored_question("b", "d2")],
        scoring={
            "adjustments": [
                {
                    "id": "no-voice",
                    "title": "Workers not consulted",
                    "when": {"op": "compare", "left": 1, "cmp": "==", "right": 1},
                    "factor": 1.5,
                    "scope": "dimensions",
                }
            ]
        },
    )
    result = score_assessment(assessment_with(questionnaire_from(data), a="o1", b="o0"))
    assert dimension(result, "d1").score == 100.0  # 90 × 1.5, capped
    questionnaire = result.questionnaires[0].result
    assert questionnaire.adjustments == ()  # scope "dimensions" leaves the questionnaire alone
    assert questionnaire.score == round(100 * 9 / 12, 1)


def test_overall_averages_questionnaires_weighted_by_maximum_points():
    small = minimal([scored_question("a", "d1", scores=(0, 3, 10)), scored_question("b", "d2")])
    small["scoring"] = {"adjustments": []}
    large = copy.deepcopy(small)
    large["id"] = "u"
    large["sections"][0]["questions"][0]["weight"] = 3
    first, second = questionnaire_from(small), questionnaire_from(large)
    assessment = new_assessment([first, second])
    assessment.answers = {
        "t": {"a": Answer(value="o1"), "b": Answer(value="o0")},  # 3/12 = 25
        "u": {"a": Answer(value="o2"), "b": Answer(value="o2")},  # (30+2)/(30+2) = 100
    }
    result = score_assessment(assessment)
    assert [item.result.score for item in result.questionnaires] == [25.0, 100.0]
    # (25 × 12 + 100 × 32) / 44
    assert result.overall.score == round((25 * 12 + 100 * 32) / 44, 1)
    assert result.overall.level == "severe"


def test_section_skip_logic_hides_every_question_in_it():
    data = minimal(
        [scored_question("gate", "d1", scores=(0, 2))],
    )
    data["sections"].append(
        {
            "id": "s2",
            "title": "Follow-ups",
            "show_if": {"op": "in", "question": "gate", "options": ["o1"]},
            "questions": [
                scored_question("follow", "d2", required=True),
                {"id": "why", "type": "text", "text": "Why?", "required": True},
            ],
        }
    )
    questionnaire = questionnaire_from(data)
    closed = score_assessment(assessment_with(questionnaire, gate="o0", follow="o2"))
    assert closed.questionnaires[0].hidden == {"follow", "why"}
    assert closed.questionnaires[0].sections[1].shown is False
    assert dimension(closed, "d2").level is None
    assert closed.unanswered == ()
    opened = score_assessment(assessment_with(questionnaire, gate="o1", follow="o2"))
    assert opened.questionnaires[0].hidden == frozenset()
    assert dimension(opened, "d2").score == 100.0
    assert [item.question_id for item in opened.unanswered] == ["why"]


def test_json_shape_of_a_result(example):
    data = score_assessment(
        assessment_with(example, records_calls="yes", written_notice="no", used_for=["pay"])
    ).to_json_data()
    assert set(data["overall"]) >= {"level", "score"}
    assert {"id", "title", "level", "score"} <= set(data["dimensions"][0])
    finding = data["findings"][0]
    assert {"id", "severity", "title", "recommendation", "source", "because"} <= set(finding)
    assert finding["because"][0] == {
        "questionnaire": "call-centre-monitoring",
        "question": "records_calls",
        "text": "Does the tool record or transcribe workers' calls?",
        "answer": "Yes",
    }
    assert data["unanswered"] == []
