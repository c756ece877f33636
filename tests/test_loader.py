"""Questionnaire validation: every problem at once, each located, with suggestions."""

from __future__ import annotations

import copy
import json

import pytest
from helpers import EXAMPLE, example_data, minimal, questionnaire_from, scored_question

from workerimpact.errors import InputError
from workerimpact.loader import load_questionnaire


def problems_of(data, name="test.json") -> list[str]:
    with pytest.raises(InputError) as excinfo:
        questionnaire_from(data, name)
    return [str(problem) for problem in excinfo.value.problems]


def test_the_documented_example_loads():
    questionnaire = load_questionnaire(EXAMPLE)
    assert questionnaire.id == "call-centre-monitoring"
    assert [q.id for q in questionnaire.questions()] == [
        "records_calls",
        "written_notice",
        "workers_affected",
        "used_for",
        "human_review",
    ]
    assert questionnaire.question("used_for").options[3].exclusive is True
    # Scoring settings written out equal the defaults.
    assert questionnaire.scoring.adjustments[0].factor == 0.85


def test_a_consultants_three_mistakes_are_reported_together_in_file_order():
    data = example_data()
    question = data["sections"][0]["questions"][0]
    question["reqired"] = question.pop("required")  # a typo in a field name
    data["rules"][0]["condition"]["of"][0]["question"] = "record_calls"  # a dangling reference
    question["show_if"] = {"op": "answered", "question": "written_notice"}  # a loop
    problems = problems_of(data)
    assert len(problems) == 3
    assert problems[0].startswith("test.json: line ")
    assert (
        'sections[0].questions[0].reqired: unknown field "reqired"; did you mean "required"?'
        in (problems[0])
    )
    assert (
        "skip logic loops back on itself: question records_calls → question written_notice"
        in (problems[1])
    )
    assert (
        'rules[0].condition.of[0].question: unknown question "record_calls"; did you mean'
        in (problems[2])
    )
    lines = [int(problem.split("line ")[1].split(",")[0]) for problem in problems]
    assert lines == sorted(lines)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda d: d["sections"][0]["questions"][2].update(type="numbr"),
            '"numbr" is not allowed; did you mean "number"?',
        ),
        (
            lambda d: d["sections"][0]["questions"][0].update(required="yes"),
            "sections[0].questions[0].required: expected true or false, got text",
        ),
        (lambda d: d.pop("title"), 'title: missing required field "title"'),
        (lambda d: d.update(id="has space"), '"has space" is not a valid id'),
        (
            lambda d: d["rules"][1]["condition"]["of"].__setitem__(0, {"op": "inn"}),
            'unknown operator "inn"; did you mean "in"?',
        ),
        (
            lambda d: d["rules"][0]["condition"]["of"].__setitem__(0, {"question": "x"}),
            'an expression needs an "op" field',
        ),
        (
            lambda d: d["scoring"]["bands"].update(high=10),
            "bands must increase: moderate < high < severe",
        ),
        (lambda d: d.update(format="workerimpact-questionnaire/2"), "newer format"),
        (
            lambda d: d["rules"][0].update(severity="critical"),
            '"critical" is not allowed; expected one of: "low", "moderate", "high", "severe"',
        ),
        (
            lambda d: d["rules"][0]["condition"]["of"][1].update(options=["nope"]),
            'question "written_notice" has no option "nope"',
        ),
        (
            lambda d: d["sections"][0]["questions"][1]["options"][2].pop("score"),
            'option "no" of question "written_notice" needs a "score"',
        ),
        (
            lambda d: d["sections"][0]["questions"][0].update(dimension="notise"),
            'unknown dimension "notise"; did you mean "notice"?',
        ),
        (
            lambda d: d["sections"][0]["questions"][0]["options"][0].update(id="si"),
            'its options must be exactly "yes" and "no"',
        ),
        (
            lambda d: d["sections"][0]["questions"][2].update(role="risk"),
            "is number, which cannot be scored",
        ),
        (
            lambda d: d["sections"][1]["questions"][0]["options"].__delitem__(slice(1, None)),
            "is multiple_choice and needs at least two options",
        ),
        (
            lambda d: d["sections"][1]["questions"][1]["options"][1].update(id="1"),
            'the option id "1" appears twice in question "human_review"',
        ),
        (
            lambda d: d["sections"][1]["questions"].append(
                copy.deepcopy(d["sections"][1]["questions"][1])
            ),
            'the question id "human_review" is already used (first at line',
        ),
        (
            lambda d: d["rules"][0].update(
                condition={"op": "in", "question": "workers_affected", "options": ["x"]}
            ),
            '"in" needs a choice question; "workers_affected" is number',
        ),
        (
            lambda d: d["rules"][0].update(
                condition={"op": "sum", "of": [1, 2]},
            ),
            "must be true or false, not a value",
        ),
        (
            lambda d: d["rules"][0].update(
                condition={
                    "op": "compare",
                    "left": {"op": "answer", "question": "workers_affected"},
                    "cmp": ">",
                    "right": "many",
                }
            ),
            "this compares number with text, which never match",
        ),
        (
            lambda d: d["rules"][0].update(
                condition={
                    "op": "compare",
                    "left": {"op": "answer", "question": "records_calls"},
                    "cmp": "==",
                    "right": "yess",
                }
            ),
            'question "records_calls" has no option "yess"; did you mean "yes"?',
        ),
        (
            lambda d: d["rules"][0].update(
                condition={
                    "op": "compare",
                    "left": {"op": "answer", "question": "used_for"},
                    "cmp": "==",
                    "right": "pay",
                }
            ),
            'a multiple-choice answer is a set; use "in"',
        ),
        (
            lambda d: d["sections"][0].update(
                show_if={"op": "in", "question": "records_calls", "options": ["yes"]}
            ),
            "skip logic loops back on itself: section monitoring → question records_calls",
        ),
        (
            lambda d: d["sections"][0]["questions"][1].update(
                show_if={"op": "answered", "question": "written_notice"}
            ),
            "question written_notice → question written_notice",
        ),
        (lambda d: d["sections"][1].update(questions=[]), 'section "use" has no questions'),
        (
            lambda d: d["scoring"]["adjustments"][0]["when"]["left"].update(dimension="x"),
            'unknown dimension "x"',
        ),
    ],
)
def test_each_kind_of_mistake_is_located_and_explained(change, expected):
    data = example_data()
    change(data)
    problems = problems_of(data)
    assert any(expected in problem for problem in problems), problems
    assert all(problem.startswith("test.json: ") for problem in problems)


def test_literal_of_the_wrong_type_gives_one_merged_message():
    data = example_data()
    data["rules"][0]["condition"] = {
        "op": "compare",
        "left": {"op": "answer", "question": "workers_affected"},
        "cmp": ">",
        "right": [1],
    }
    problems = problems_of(data)
    assert len(problems) == 1
    assert (
        "rules[0].condition.right: expected a number or text or true or false, got a list"
        in (problems[0])
    )


def test_expression_depth_and_size_are_capped():
    deep = {"op": "answered", "question": "q1"}
    for _ in range(40):
        deep = {"op": "not", "of": deep}
    wide = {"op": "any", "of": [{"op": "answered", "question": "q1"}] * 1200}
    data = minimal(
        [scored_question("q1", "d1"), scored_question("q2", "d2")],
        rules=[
            {
                "id": rule_id,
                "condition": condition,
                "severity": "low",
                "title": "t",
                "explanation": "e",
                "recommendation": "r",
                "source": "s",
            }
            for rule_id, condition in (("deep", deep), ("wide", wide))
        ],
    )
    problems = problems_of(data)
    assert any("nested 41 levels deep; the limit is 32" in p for p in problems), problems
    assert any("has 1201 parts; the limit is 1000" in p for p in problems), problems


def test_dimension_without_scored_questions_is_reported():
    data = minimal([scored_question("q1", "d1")])
    problems = problems_of(data)
    assert problems == [
        'test.json: line 11, column 5, dimensions[1]: dimension "d2" has no risk or '
        "mitigation question; give it questions or remove it"
    ]


def test_not_a_questionnaire_at_all():
    for data in ([1, 2], "text", 3):
        problems = problems_of(data)
        assert len(problems) == 1
        assert "a questionnaire is a JSON object" in problems[0]


def test_refuses_to_load_from_a_missing_path(tmp_path):
    with pytest.raises(InputError) as excinfo:
        load_questionnaire(tmp_path / "nope.json")
    assert str(excinfo.value) == f"{tmp_path / 'nope.json'}: no such file"


def test_deeply_nested_files_are_refused_by_depth(tmp_path):
    data = example_data()
    data["description"] = [[[[]]]]
    for _ in range(150):
        data["description"] = [data["description"]]
    path = tmp_path / "deep.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError) as excinfo:
        load_questionnaire(path)
    assert [str(problem) for problem in excinfo.value.problems] == [
        f"{path}: the JSON is nested 155 levels deep; the limit is 100"
    ]
