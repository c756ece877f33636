"""Scoring model findings-floor/2: floors, fixed maxima, graded credit, option kinds, stages,
numbers and dates, arithmetic, bands and level rules."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from helpers import minimal, questionnaire_from, scored_question

from workerimpact.assessment import Answer, Metadata, new_assessment
from workerimpact.errors import InputError
from workerimpact.scoring import score_assessment

FLOOR = {"model": "findings-floor/2"}


def floor_data(questions: list[dict], rules: list[dict] | None = None, **scoring: Any) -> dict:
    data = minimal(questions, rules, scoring={**FLOOR, **scoring})
    used = {question.get("dimension") for question in questions}
    data["dimensions"] = [item for item in data["dimensions"] if item["id"] in used]
    return data


def rule(rule_id: str, condition: dict, severity: str, dimension: str | None = None) -> dict:
    data = {
        "id": rule_id,
        "condition": condition,
        "severity": severity,
        "severity_reason": "Because the test says so.",
        "title": f"Finding {rule_id}",
        "explanation": "Found.",
        "recommendation": "Fix it.",
        "source": "test",
    }
    if dimension:
        data["dimension"] = dimension
    return data


def picked(question: str, *options: str) -> dict:
    return {"op": "in", "question": question, "options": list(options)}


def score(data: dict, answers: dict[str, Any], comments: dict[str, str] | None = None, **meta):
    questionnaire = questionnaire_from(data)
    assessment = new_assessment([questionnaire])
    comments = comments or {}
    assessment.answers = {
        questionnaire.id: {
            key: Answer(value=value, comment=comments.get(key, ""))
            for key, value in answers.items()
        }
    }
    if meta:
        assessment.metadata = Metadata(**{**assessment.metadata.model_dump(), **meta})
    return score_assessment(assessment)


def two_questionnaires() -> tuple[dict, dict]:
    calm = floor_data([scored_question("a", "d1"), scored_question("m", "d2", "mitigation")])
    calm["id"] = "calm"
    harsh = floor_data(
        [scored_question("x", "d1"), scored_question("y", "d2")],
        [rule("r1", picked("x", "o2"), "high", "d1")],
    )
    harsh["id"] = "harsh"
    return calm, harsh


def test_a_finding_is_a_floor_for_dimension_questionnaire_and_overall():
    data = floor_data(
        [scored_question("x", "d1", scores=(0, 1, 10)), scored_question("y", "d2", scores=(0, 10))],
        [rule("r1", picked("x", "o1"), "high", "d1")],
    )
    result = score(data, {"x": "o1", "y": "o0"})
    item = result.questionnaires[0]
    # 1 of 20 points: Low by the band, raised to High by the finding.
    assert item.result.score == 5.0
    assert item.result.banded_level == "low"
    assert item.result.level == "high"
    assert item.dimensions[0].result.level == "high"
    assert item.dimensions[1].result.level == "low"
    assert result.overall.level == "high"
    assert "raised to High by finding “Finding r1”" in item.result.explanation()
    assert "Low band" in item.result.explanation()
    assert result.findings[0].severity_reason == "Because the test says so."


def test_overall_is_never_below_any_questionnaire():
    calm, harsh = two_questionnaires()
    questionnaires = [questionnaire_from(calm), questionnaire_from(harsh)]
    assessment = new_assessment(questionnaires)
    assessment.answers = {
        "calm": {"a": Answer(value="o0"), "m": Answer(value="o2")},
        "harsh": {"x": Answer(value="o2"), "y": Answer(value="o2")},
    }
    result = score_assessment(assessment)
    levels = [item.result.level for item in result.questionnaires]
    assert levels == ["low", "severe"]
    assert result.overall.level == "severe"
    assert result.overall.score == 100.0
    assert result.model == "findings-floor/2"


def test_answering_more_never_lowers_the_score():
    data = floor_data([scored_question(q, "d1") for q in ("a", "b", "c")])
    scores = [
        score(data, answers).overall.score
        for answers in ({"a": "o2"}, {"a": "o2", "b": "o0"}, {"a": "o2", "b": "o0", "c": "o1"})
    ]
    # The maximum is fixed at 6 points: 2/6, 2/6, 3/6.
    assert scores == [33.3, 33.3, 50.0]


def test_opening_follow_ups_never_lowers_the_score():
    gate = scored_question("gate", "d1", scores=(0, 1))
    follow = scored_question("follow", "d1", show_if=picked("gate", "o1"))
    data = floor_data([gate, follow])
    closed = score(data, {"gate": "o0"}).overall.score
    opened = score(data, {"gate": "o1"}).overall.score
    opened_good = score(data, {"gate": "o1", "follow": "o0"}).overall.score
    assert closed <= opened <= opened_good
    assert (closed, opened) == (0.0, 33.3)


def test_mitigation_credit_is_graded_without_a_cliff():
    risk = scored_question("r", "d1", scores=(0, 10))
    mitigation = scored_question("m", "d1", "mitigation", scores=tuple(range(11)))
    data = floor_data([risk, mitigation])
    scores = [score(data, {"r": "o1", "m": f"o{i}"}).overall.score for i in range(11)]
    assert scores == sorted(scores, reverse=True)
    assert scores[0] == 100.0 and scores[-1] == 85.0
    steps = {round(scores[i] - scores[i + 1], 1) for i in range(10)}
    assert steps == {1.5}


def test_dont_know_scores_as_the_riskiest_answer_and_asks_to_find_out():
    question = scored_question("q", "d1", scores=(0, 2, 4))
    question["options"].append(
        {
            "id": "dont_know",
            "label": "Don't know",
            "kind": "dont_know",
            "recommendation": "Ask the vendor.",
        }
    )
    mitigation = scored_question("m", "d1", "mitigation")
    mitigation["options"].append({"id": "dk", "label": "Don't know", "kind": "dont_know"})
    data = floor_data([question, mitigation])
    worst = score(data, {"q": "o2", "m": "o0"}).overall
    unknown = score(data, {"q": "dont_know", "m": "dk"})
    assert unknown.overall.score == worst.score == 100.0
    finding_ids = [finding.id for finding in unknown.findings]
    assert finding_ids == ["find-out.q", "find-out.m"]
    first = unknown.findings[0]
    assert first.severity == "moderate"
    assert first.recommendation == "Ask the vendor."
    assert first.title == "Find out: Question q?"
    assert [citation.answer for citation in first.because] == ["Don't know"]


def test_not_applicable_leaves_score_and_maximum_and_needs_a_reason():
    a = scored_question("a", "d1", scores=(0, 2))
    b = scored_question("b", "d1", scores=(0, 2))
    b["options"].append({"id": "na", "label": "Not applicable", "kind": "not_applicable"})
    data = floor_data([a, b])
    without_reason = score(data, {"a": "o1", "b": "na"})
    assert without_reason.overall.score == 100.0  # 2 of 2: b is out of the maximum
    assert without_reason.provisional
    assert without_reason.progress.needs_reason == ("b",)
    with_reason = score(data, {"a": "o1", "b": "na"}, {"b": "No union here."})
    assert not with_reason.provisional
    assert with_reason.progress.describe() == "Complete: 2 of 2 answered"


def test_levels_are_provisional_until_everything_scored_is_answered():
    data = floor_data([scored_question("a", "d1"), scored_question("b", "d1")])
    partial = score(data, {"a": "o1"})
    assert partial.provisional
    assert partial.progress.describe() == "Provisional: 1 of 2 answered"
    assert partial.to_json_data()["provisional"] is True
    assert not score(data, {"a": "o1", "b": "o0"}).provisional


def test_stage_hides_questions_rewords_them_and_leaves_them_out_of_the_maximum():
    now = scored_question("now", "d1", text_by_stage={"planned": "Will it happen?"})
    since = scored_question("since", "d1", stages=["in_operation"])
    data = floor_data([now, since])
    planned = score(data, {"now": "o1", "since": "o2"}, stage="planned")
    item = planned.questionnaires[0]
    assert "since" in item.hidden
    assert item.result.score == 50.0  # 1 of 2: "since" is not asked before launch
    assert not planned.provisional
    running = score(data, {"now": "o1", "since": "o2"}, stage="in_operation")
    assert running.overall.score == 75.0
    questionnaire = questionnaire_from(data)
    assert questionnaire.question("now").text_in("planned") == "Will it happen?"
    assert questionnaire.question("now").text_in("pilot") == "Question now?"
    unset = score(data, {"now": "o1", "since": "o2"})
    assert unset.stage is None and unset.overall.score == 75.0


def test_numbers_and_dates_drive_rules():
    jobs = {"id": "jobs_lost", "type": "number", "text": "How many jobs?", "minimum": 0}
    started = {"op": "days_since", "of": {"op": "stage_started"}}
    data = floor_data(
        [scored_question("a", "d1"), jobs],
        [
            rule("warn", {"op": "compare", "left": {"op": "answer", "question": "jobs_lost"},
                          "cmp": ">=", "right": 50}, "high"),
            rule("year", {"op": "all", "of": [
                {"op": "stage_in", "stages": ["in_operation"]},
                {"op": "compare", "left": started, "cmp": ">", "right": 365}]}, "moderate"),
        ],
    )  # fmt: skip
    updated = dt.datetime(2026, 6, 1, tzinfo=dt.UTC)
    few = score(data, {"a": "o0", "jobs_lost": 49})
    many = score(data, {"a": "o0", "jobs_lost": 50})
    assert [f.id for f in few.findings] == [] and few.overall.level == "low"
    assert [f.id for f in many.findings] == ["warn"] and many.overall.level == "high"
    old = score(
        data,
        {"a": "o0"},
        stage="in_operation",
        stage_started=dt.date(2025, 5, 1),
        updated=updated,
    )
    new = score(
        data,
        {"a": "o0"},
        stage="in_operation",
        stage_started=dt.date(2025, 7, 1),
        updated=updated,
    )
    assert [f.id for f in old.findings] == ["year"]
    assert new.findings == ()


def test_bands_say_which_level_a_threshold_belongs_to():
    question = scored_question("a", "d1", scores=(0, 1, 4))
    upper = floor_data([question])
    lower = floor_data(
        [question], bands={"moderate": 25, "high": 50, "severe": 75, "at_threshold": "lower"}
    )
    assert score(upper, {"a": "o1"}).overall.level == "moderate"  # exactly 25
    assert score(lower, {"a": "o1"}).overall.level == "low"
    explanation = score(lower, {"a": "o1"}).questionnaires[0].result.explanation()
    assert "Low band (25 or less)" in explanation


def test_level_rules_may_lower_and_raise_but_never_below_a_finding():
    question = scored_question("a", "d1", scores=(0, 3, 4))
    mitigation = scored_question("m", "d1", "mitigation", scores=(0, 1))
    lower = {
        "id": "strong-mitigation",
        "title": "Strong mitigation",
        "when": {"op": "compare", "left": {"op": "percent", "role": "mitigation"},
                 "cmp": ">=", "right": 80},
        "action": "lower",
        "reason": "Mitigation at 80% of its maximum.",
    }  # fmt: skip
    data = floor_data([question, mitigation], level_rules=[lower])
    result = score(data, {"a": "o1", "m": "o1"}).questionnaires[0].result
    assert result.score == 63.8  # 75 × (1 − 0.15)
    assert result.level == "moderate"  # high by band, lowered by one
    assert result.level_changes[0].before == "high"
    assert "lowered to Moderate by level rule “Strong mitigation”" in result.explanation()
    floored = floor_data(
        [question, mitigation], [rule("r", picked("a", "o1"), "high")], level_rules=[lower]
    )
    assert score(floored, {"a": "o1", "m": "o1"}).overall.level == "high"


def test_canada_aia_style_scoring_is_expressed_exactly():
    # AIA: the raw impact score is reduced by 15% when mitigation reaches 80% of its
    # maximum; levels are 0-25%, 26-50%, 51-75%, 76-100% of the maximum impact score.
    risk = [scored_question(q, "d1", scores=(0, 1, 2, 3, 4)) for q in ("r1", "r2", "r3")]
    mitigation = [scored_question(q, "d2", "mitigation", scores=(0, 2)) for q in ("m1", "m2")]
    reduced = {
        "op": "choose",
        "when": {"op": "compare", "left": {"op": "percent", "role": "mitigation"},
                 "cmp": ">=", "right": 80},
        "then": {"op": "mul", "of": [{"op": "points"}, 0.85]},
        "otherwise": {"op": "points"},
    }  # fmt: skip
    formula = {
        "op": "round",
        "digits": 1,
        "of": {"op": "mul", "of": [100, {"op": "ratio", "of": [reduced, {"op": "max_points"}]}]},
    }
    data = floor_data(
        risk + mitigation,
        score=formula,
        mitigation_credit=0,
        bands={"moderate": 25, "high": 50, "severe": 75, "at_threshold": "lower"},
    )
    answers = {"r1": "o4", "r2": "o4", "r3": "o1", "m1": "o1", "m2": "o1"}
    result = score(data, answers).questionnaires[0].result
    # 9 of 12 points, ×0.85 = 7.65 → 63.75% → 63.8 → Level III (high).
    assert result.score == 63.8 and result.level == "high"
    answers.update(r1="o2", r2="o1", r3="o0", m2="o0")  # 3 of 12 = 25% exactly → Level I
    assert score(data, answers).questionnaires[0].result.level == "low"


def test_round_min_max_sub_and_unknowns():
    from workerimpact.rules_eval import round_half_away

    assert [round_half_away(v) for v in (2.5, 3.5, -2.5, 0.4)] == [3, 4, -3, 0]
    assert round_half_away(0.285, 2) == 0.29
    jobs = {"id": "n", "type": "number", "text": "How many?"}
    expr = {"op": "max", "of": [{"op": "sub", "of": [{"op": "answer", "question": "n"}, 10]}, 0]}
    data = floor_data(
        [scored_question("a", "d1"), jobs],
        [rule("big", {"op": "compare", "left": expr, "cmp": ">", "right": 5}, "severe")],
    )
    assert [f.id for f in score(data, {"a": "o0", "n": 16}).findings] == ["big"]
    assert score(data, {"a": "o0", "n": 15}).findings == ()
    assert score(data, {"a": "o0"}).findings == ()


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda d: d["scoring"].pop("model"), 'option kind "dont_know" needs scoring model'),
        (lambda d: d["rules"][0].pop("severity_reason"), 'needs a "severity_reason"'),
        (lambda d: d["rules"][0].update(minimum_level="high"), "the severity is the floor"),
        (
            lambda d: d["sections"][0]["questions"][0]["options"][-1].update(score=1),
            "must be at least 2",
        ),
        (
            lambda d: d["scoring"].update(score={"op": "in", "question": "a", "options": ["o1"]}),
            '"score" must give a number',
        ),
    ],
)
def test_model_checks_name_the_problem(change, message):
    question = scored_question("a", "d1")
    question["options"].append({"id": "dk", "label": "Don't know", "kind": "dont_know"})
    data = floor_data([question], [rule("r", picked("a", "o1"), "high")])
    questionnaire_from(json.loads(json.dumps(data)))  # valid as written
    change(data)
    with pytest.raises(InputError) as caught:
        questionnaire_from(data)
    assert message in str(caught.value)


def test_old_files_may_not_use_the_new_operators():
    data = minimal(
        [scored_question("a", "d1")],
        [
            {
                **rule("r", {"op": "stage_in", "stages": ["planned"]}, "high"),
            }
        ],
    )
    with pytest.raises(InputError) as caught:
        questionnaire_from(data)
    assert 'the operator "stage_in" needs scoring model findings-floor/2' in str(caught.value)


def test_dont_know_is_never_less_serious_than_a_less_risky_answer():
    question = scored_question("q", "d1", scores=(0, 2, 4))
    question["options"].append({"id": "dk", "label": "Don't know", "kind": "dont_know"})
    other = scored_question("other", "d2")
    data = floor_data(
        [question, other],
        [
            rule("middling", picked("q", "o1"), "high", "d2"),
            rule("worst", picked("q", "o2"), "severe", "d1"),
        ],
    )
    middling = score(data, {"q": "o1", "other": "o0"})
    unknown = score(data, {"q": "dk", "other": "o0"})
    assert middling.overall.level == "high"
    finding = unknown.findings[0]
    assert finding.id == "find-out.q" and finding.severity == "high"
    assert "“Option 1” would already give the finding “Finding middling” (High)" in (
        finding.severity_reason
    )
    # It is a floor where the finding a less risky answer gives would be: d2 too.
    levels = {item.id: item.result.level for item in unknown.questionnaires[0].dimensions}
    assert levels["d2"] == "high"
    assert unknown.overall.level == "high"
    # A known worst answer still weighs more than not knowing.
    assert score(data, {"q": "o2", "other": "o0"}).overall.level == "severe"
