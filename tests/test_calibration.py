"""Calibration: situations a practitioner knows, and the level range each must get.

Each situation in ``tests/fixtures/calibration.json`` is a handful of answers over the safest
baseline of one built-in questionnaire, at a stage, with the level range an experienced
labour-relations assessor expects and one line of reasoning. The built-ins' rule severities
and weights are tuned so that every one holds; when one fails, the message names the
situation, the level found, the findings that set it and the reasoning.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from builtin_answers import builtin, scenario

from workerimpact.assessment import Answer
from workerimpact.questionnaire import LEVELS, level_rank
from workerimpact.scoring import score_questionnaire

FIXTURE = Path(__file__).parent / "fixtures" / "calibration.json"
SITUATIONS = json.loads(FIXTURE.read_text(encoding="utf-8"))["situations"]


def _answer(raw) -> Answer:
    if isinstance(raw, dict):
        return Answer(value=raw["value"], comment=raw.get("comment", ""))
    return Answer(value=raw)


def test_there_are_enough_situations_and_the_issue_cases_are_among_them():
    assert len(SITUATIONS) >= 25
    ids = {situation["id"] for situation in SITUATIONS}
    assert len(ids) == len(SITUATIONS)
    must = {
        "system-fires-without-review",
        "mass-layoff-without-notice",
        "rising-quotas-enforced-by-firing",
        "badly-run-warehouse",
        "changes-bargained-and-agreed",
        "emotion-feature-only-tested",
        "team-totals-only",
    }
    assert must <= ids
    not_high = [s for s in SITUATIONS if level_rank(s["expect"][1]) < level_rank("high")]
    assert len(not_high) >= 5, "situations that must not be scored high"
    for situation in SITUATIONS:
        low, high = situation["expect"]
        assert low in LEVELS and high in LEVELS and level_rank(low) <= level_rank(high)
        assert situation["why"].strip()


@pytest.mark.parametrize("situation", SITUATIONS, ids=[s["id"] for s in SITUATIONS])
def test_situation_gets_the_level_a_practitioner_expects(situation):
    questionnaire = builtin(situation["questionnaire"])
    answers = scenario(questionnaire, worst=False)
    for question_id, raw in situation["answers"].items():
        assert questionnaire.question(question_id) is not None, question_id
        answers[question_id] = _answer(raw)
    result = score_questionnaire(questionnaire, answers, stage=situation["stage"])
    for question_id in situation["answers"]:
        assert question_id not in result.hidden, f"{question_id} is hidden in this situation"
    score = result.result
    if "dimension" in situation:
        score = next(d.result for d in result.dimensions if d.id == situation["dimension"])
    low, high = situation["expect"]
    found = [f"{f.id} ({f.severity})" for f in result.findings]
    assert level_rank(low) <= level_rank(score.level) <= level_rank(high), (
        f"{situation['id']}: {score.level} (score {score.score}), expected {low}..{high}; "
        f"findings: {found}; why: {situation['why']}"
    )
