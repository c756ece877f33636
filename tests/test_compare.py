"""Comparing two assessments: levels, findings and answers that differ."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from helpers import assessment_with, example_data, minimal, questionnaire_from, scored_question

from workerimpact.assessment import Answer, new_assessment, save_assessment
from workerimpact.compare import NOT_ANSWERED, NOT_ASKED, NOT_SHOWN, compare_assessments


@pytest.fixture(scope="module")
def example():
    return questionnaire_from(example_data())


def test_levels_findings_and_answers_that_differ(example):
    employer = assessment_with(
        example, records_calls="yes", written_notice="in_advance", used_for=["coaching"]
    )
    employer.metadata.assessor, employer.metadata.role = "Dana", "employer"
    union = assessment_with(example, records_calls="yes", written_notice="no", used_for=["pay"])
    union.metadata.assessor, union.metadata.role = "Sam", "union"
    union.answers[example.id]["written_notice"] = Answer(value="no", comment="Nobody was told")
    comparison = compare_assessments(employer, union)
    assert comparison.first.label == "Dana (employer), revision 1, draft"
    assert comparison.second.label == "Sam (union), revision 1, draft"
    overall = comparison.levels[0]
    assert (overall.kind, overall.changed) == ("overall", True)
    assert (overall.second.level, overall.first.level) == ("severe", "moderate")
    assert [f.id for f in comparison.only_second] == [
        "covert-recording",
        "scores-discipline-without-review",
    ]
    assert comparison.only_first == () and comparison.in_both == ()
    differences = {item.question_id: item for item in comparison.answers}
    assert set(differences) == {"written_notice", "used_for"}
    notice = differences["written_notice"]
    assert (notice.first, notice.second) == ("Yes, in writing, in advance", "No")
    assert notice.second_comment == "Nobody was told"
    assert notice.section == "What the tool monitors"


def test_hidden_and_unanswered_questions_are_named_as_such(example):
    first = assessment_with(example, records_calls="no", written_notice="no")
    second = assessment_with(example, records_calls="yes")
    differences = {item.question_id: item for item in compare_assessments(first, second).answers}
    assert (differences["records_calls"].first, differences["records_calls"].second) == (
        "No",
        "Yes",
    )
    # Hidden in the first (its answer kept but not counted), unanswered in the second:
    # neither counts, so it is no difference.
    assert "written_notice" not in differences
    # Hidden in one, answered in the other: named as such.
    third = assessment_with(example, records_calls="yes", written_notice="after")
    named = {item.question_id: item for item in compare_assessments(first, third).answers}
    assert (named["written_notice"].first, named["written_notice"].second) == (
        NOT_SHOWN,
        "Only after it started",
    )
    assert "skipped" not in NOT_SHOWN  # nobody skipped it: it does not apply
    unanswered = assessment_with(example, records_calls="yes")
    named = {item.question_id: item for item in compare_assessments(unanswered, third).answers}
    assert named["written_notice"].first == NOT_ANSWERED


def test_identical_assessments_differ_in_nothing(example):
    first = assessment_with(example, records_calls="yes", used_for=["pay"])
    comparison = compare_assessments(first, first.model_copy(deep=True))
    assert not any(row.changed for row in comparison.levels)
    assert comparison.answers == ()
    assert comparison.only_first == comparison.only_second == ()
    assert [f.id for f in comparison.in_both] == ["scores-discipline-without-review"]


def test_versions_and_questionnaires_that_do_not_match():
    old = minimal([scored_question("a", "d1"), scored_question("b", "d2")])
    new = minimal([scored_question("a", "d1"), scored_question("c", "d2")], version="2")
    other = minimal([scored_question("x", "d1"), scored_question("y", "d2")], id="other")
    other["title"] = "Other questionnaire"
    first = new_assessment([questionnaire_from(old), questionnaire_from(other)])
    first.answers = {"t": {"a": Answer(value="o1"), "b": Answer(value="o2")}}
    second = new_assessment([questionnaire_from(new)])
    second.answers = {"t": {"a": Answer(value="o1"), "c": Answer(value="o0")}}
    comparison = compare_assessments(first, second)
    differences = {item.question_id: (item.first, item.second) for item in comparison.answers}
    assert differences == {"b": ("Option 2", NOT_ASKED), "c": (NOT_ASKED, "Option 0")}
    assert comparison.unmatched == ("Other questionnaire",)


def test_compare_command_prints_text_and_json(tmp_path, data_home, example):
    first = assessment_with(example, records_calls="yes", written_notice="in_advance")
    second = assessment_with(example, records_calls="yes", written_notice="no")
    save_assessment(first, tmp_path / "first.json")
    save_assessment(second, tmp_path / "second.json")
    environment = {**os.environ, "WORKERIMPACT_HOME": str(data_home)}

    def run(*arguments: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "workerimpact", "compare", *arguments],
            capture_output=True, text=True, env=environment, timeout=60,
        )  # fmt: skip

    text = run(str(tmp_path / "first.json"), str(tmp_path / "second.json"))
    assert text.returncode == 0, text.stderr
    assert "Findings only in the second (1):\n  [SEVERE] Calls are recorded without notice" in (
        text.stdout
    )
    assert "first:  Yes, in writing, in advance\n      second: No" in text.stdout
    data = json.loads(
        run(str(tmp_path / "first.json"), str(tmp_path / "second.json"), "--json").stdout
    )
    assert data["levels"][0]["changed"] is True
    assert [item["question"] for item in data["answers"]] == ["written_notice"]
    missing = run(str(tmp_path / "first.json"), str(tmp_path / "absent.json"))
    assert missing.returncode == 1 and "Traceback" not in missing.stderr
    assert "absent.json: no such file" in missing.stderr
