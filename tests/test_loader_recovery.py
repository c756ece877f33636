"""One mistake never hides another nor invents false ones; places are right whatever the
line endings; numbers no reader can use are refused where questionnaires and assessments
are read."""

from __future__ import annotations

import json

import pytest
from helpers import EXAMPLE, example_data, write_json

from workerimpact.assessment import load_assessment
from workerimpact.errors import InputError
from workerimpact.loader import check_questionnaire_file, load_questionnaire


def messages(path) -> list[str]:
    _, problems = check_questionnaire_file(path)
    return [problem.message for problem in problems]


def test_a_misspelt_type_does_not_hide_the_questions_other_mistakes(tmp_path):
    data = example_data()
    question = data["sections"][1]["questions"][0]  # used_for, multiple choice
    question["type"] = "multiple-choice"
    del question["options"][1]["score"]
    question["show_if"] = {"op": "answered", "question": "record_calls"}
    found = messages(write_json(tmp_path / "q.json", data))
    assert found[0].startswith('"multiple-choice" is not allowed; did you mean "multiple_choice"?')
    assert 'option "pay" of question "used_for" needs a "score"' in found[1]
    assert found[2] == 'unknown question "record_calls"; did you mean "records_calls"?'
    assert len(found) == 3


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.update(sections={"main": d["sections"]}),
        lambda d: d["sections"][0].update(questions={"q": d["sections"][0]["questions"]}),
        lambda d: d.update(dimensions={"notice": {"title": "Notice"}}),
    ],
    ids=["sections as an object", "questions as an object", "dimensions as an object"],
)
def test_a_list_written_as_an_object_gives_one_problem_not_false_ones(tmp_path, change):
    data = example_data()
    change(data)
    found = messages(write_json(tmp_path / "q.json", data))
    assert len(found) == 1, found
    assert found[0].startswith("expected a list, got an object")


def test_a_typo_in_the_format_marker_does_not_stop_the_check(tmp_path):
    data = example_data()
    data["format"] = "workerimpact-questionnaire/1 "
    data["title"] = ""
    found = messages(write_json(tmp_path / "q.json", data))
    assert found == [
        '"workerimpact-questionnaire/1 " is not the questionnaire format marker; did you mean '
        '"workerimpact-questionnaire/1"?',
        "must not be empty",
    ]


def test_no_far_fetched_suggestion(tmp_path):
    data = example_data()
    data["sections"][0]["questions"][0]["dimension"] = "voice"
    found = messages(write_json(tmp_path / "q.json", data))
    assert found == ['unknown dimension "voice"; known: "decisions", "notice"']


def test_a_section_shown_on_a_later_sections_answer_is_an_error(tmp_path):
    data = example_data()
    data["sections"][0]["show_if"] = {"op": "in", "question": "used_for", "options": ["pay"]}
    _, problems = check_questionnaire_file(write_json(tmp_path / "q.json", data))
    assert [(problem.severity, problem.where[-19:]) for problem in problems] == [
        ("error", "sections[0].show_if")
    ]
    assert problems[0].message.startswith(
        'the skip logic of section "monitoring" reads "used_for", asked later in the '
        "questionnaire; skip logic can only read questions asked before it"
    )


@pytest.mark.parametrize("newline", ["\r", "\r\n", "\n"], ids=["CR", "CRLF", "LF"])
def test_lines_and_columns_are_right_whatever_the_line_endings(tmp_path, newline):
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        '"severity": "severe"', '"severity": "sever"'
    )
    path = tmp_path / "q.json"
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    _, problems = check_questionnaire_file(path)
    assert [(problem.line, problem.column) for problem in problems] == [(112, 7)]
    path.write_bytes(text.replace('"sever",', '"sever",,').replace("\n", newline).encode())
    _, problems = check_questionnaire_file(path)
    assert [(problem.line, problem.column) for problem in problems] == [(112, 27)]
    assert problems[0].message == (
        "not valid JSON: a comma with nothing before it (two commas in a row?); remove it"
    )


def test_a_doubled_byte_order_mark_is_accepted(tmp_path):
    path = tmp_path / "q.json"
    path.write_bytes(b"\xef\xbb\xbf\xef\xbb\xbf" + EXAMPLE.read_bytes())
    assert load_questionnaire(path).id == "call-centre-monitoring"


@pytest.mark.parametrize("number", ["1e999", "-1e999", "NaN", "Infinity", "7" * 5000])
def test_assessments_refuse_unusable_numbers_with_a_place(tmp_path, number):
    data = {
        "format": "workerimpact-assessment/1",
        "questionnaires": [example_data()],
        "answers": {"call-centre-monitoring": {"workers_affected": {"value": 1}}},
    }
    text = json.dumps(data, indent=2).replace('"value": 1', f'"value": {number}')
    path = tmp_path / "a.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_assessment(path)
    [problem] = caught.value.problems
    assert problem.line is not None and problem.column is not None
    assert number[:20] in problem.message or "characters long" in problem.message


def test_an_over_long_list_is_reported_once_and_only_its_start_checked(tmp_path):
    data = example_data()
    data["sections"] = [0] * 5_000
    _, problems = check_questionnaire_file(write_json(tmp_path / "q.json", data))
    assert problems[0].message == "this list holds 5,000 items; at most 1,000 are allowed here"
    assert problems[0].where.endswith("sections")
    assert len(problems) == 1 + 1_000  # then "expected an object" for each item checked
