"""The rules language: each operator, traces, and the plain-words rendering."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import TypeAdapter

from workerimpact.rules import (
    EvaluationContext,
    Expression,
    ScoringData,
    Vocabulary,
    compile_expression,
    describe,
    referenced_questions,
    walk,
)

PARSE = TypeAdapter(Expression)


class FakeData(ScoringData):
    """Answers, points and selections given directly."""

    def __init__(self, values: dict[str, Any], points: dict[str, float] | None = None):
        self.values = values
        self.question_points = points or {}
        self.selections: dict[tuple, tuple[float, float, tuple[str, ...]]] = {}

    def value(self, question_id: str) -> Any:
        return self.values.get(question_id)

    def points(self, question_id: str) -> float:
        return self.question_points.get(question_id, 0.0)

    def selection(self, role, dimension, questions):
        return self.selections.get((role, dimension, questions), (0.0, 0.0, ()))


def evaluate(expression: dict, data: FakeData, scope: str | None = None) -> Any:
    return compile_expression(PARSE.validate_python(expression))(
        EvaluationContext(data, scope_dimension=scope)
    )


def traced(expression: dict, data: FakeData) -> tuple[Any, set[str]]:
    trace: set[str] = set()
    value = compile_expression(PARSE.validate_python(expression))(
        EvaluationContext(data, trace=trace)
    )
    return value, trace


DATA = FakeData(
    {"gate": "yes", "count": 120, "tools": ("cam", "gps"), "day": "2026-03-01", "note": "hi"},
    {"gate": 2.0, "tools": 5.0},
)


def answer(question: str) -> dict:
    return {"op": "answer", "question": question}


def answered(question: str) -> dict:
    return {"op": "answered", "question": question}


def compare(left: Any, cmp: str, right: Any) -> dict:
    return {"op": "compare", "left": left, "cmp": cmp, "right": right}


def among(question: str, options: list[str], match: str = "any") -> dict:
    return {"op": "in", "question": question, "options": options, "match": match}


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        (answer("count"), 120),
        (answer("missing"), None),
        (answered("gate"), True),
        (answered("missing"), False),
        (among("gate", ["yes", "maybe"]), True),
        (among("gate", ["no"]), False),
        (among("tools", ["gps"]), True),
        (among("tools", ["gps", "cam"], "all"), True),
        (among("tools", ["gps", "mic"], "all"), False),
        (among("tools", ["mic"], "none"), True),
        (among("tools", ["cam"], "none"), False),
        # Unanswered questions are never "in" anything, in any match mode.
        (among("missing", ["x"], "none"), False),
        (compare(answer("count"), ">", 100), True),
        (compare(answer("count"), "<=", 100), False),
        (compare(answer("gate"), "==", "yes"), True),
        (compare(answer("gate"), "!=", "yes"), False),
        (compare(answer("day"), ">=", "2026-01-01"), True),
        # Any comparison with an unanswered question is false.
        (compare(answer("missing"), "!=", 1), False),
        (compare(answer("note"), "==", 3), False),
        (compare(answer("note"), "!=", 3), True),
        (compare(True, "==", True), True),
        (compare(True, "<", True), False),
        ({"op": "all", "of": [answered("gate"), answered("count")]}, True),
        ({"op": "all", "of": [answered("gate"), answered("missing")]}, False),
        ({"op": "any", "of": [answered("missing"), answered("count")]}, True),
        ({"op": "any", "of": [answered("missing")]}, False),
        ({"op": "not", "of": answered("missing")}, True),
        ({"op": "count", "of": [answered("gate"), answered("missing"), answered("note")]}, 2),
        ({"op": "chosen_count", "question": "tools"}, 2),
        ({"op": "chosen_count", "question": "gate"}, 1),
        ({"op": "chosen_count", "question": "missing"}, 0),
        ({"op": "sum", "of": [1, answer("count"), answer("missing")]}, 121),
        ({"op": "score", "question": "tools"}, 5.0),
        ({"op": "score", "question": "missing"}, 0.0),
    ],
)
def test_each_operator(expression, expected):
    assert evaluate(expression, DATA) == expected


def test_selections_use_the_scope_unless_they_name_a_dimension_or_questions():
    data = FakeData({})
    data.selections = {
        ("mitigation", None, None): (8.0, 10.0, ("a",)),
        ("mitigation", "d1", None): (1.0, 4.0, ("b",)),
        ("risk", "d2", None): (3.0, 6.0, ("c",)),
        ("risk", None, ("x", "y")): (2.0, 8.0, ("x",)),
    }
    percent = {"op": "percent", "role": "mitigation"}
    assert evaluate(percent, data) == 80.0
    assert evaluate(percent, data, scope="d1") == 25.0
    assert evaluate({"op": "points", "dimension": "d2"}, data, scope="d1") == 3.0
    assert evaluate({"op": "max_points", "dimension": "d2"}, data) == 6.0
    # Named questions are a selection of their own: the scope does not narrow them.
    assert evaluate({"op": "points", "questions": ["x", "y"]}, data, scope="d1") == 2.0
    assert evaluate({"op": "percent", "dimension": "d9"}, data) == 0.0


def test_trace_keeps_only_the_answers_that_decided():
    expression = {
        "op": "any",
        "of": [
            {"op": "in", "question": "gate", "options": ["no"]},
            {
                "op": "compare",
                "left": {"op": "answer", "question": "count"},
                "cmp": ">",
                "right": 100,
            },
        ],
    }
    assert traced(expression, DATA) == (True, {"count"})
    both = {
        "op": "all",
        "of": [
            {"op": "in", "question": "gate", "options": ["yes"]},
            {"op": "in", "question": "tools", "options": ["cam"]},
        ],
    }
    assert traced(both, DATA) == (True, {"gate", "tools"})
    counting = {
        "op": "count",
        "of": [{"op": "answered", "question": "note"}, {"op": "answered", "question": "missing"}],
    }
    assert traced(counting, DATA) == (1, {"note"})


def test_literals_compile_to_themselves():
    assert compile_expression(3.5)(EvaluationContext(DATA)) == 3.5
    assert compile_expression("x")(EvaluationContext(DATA)) == "x"


def test_walk_and_references():
    expression = PARSE.validate_python(
        {"op": "all", "of": [
            {"op": "not", "of": {"op": "answered", "question": "a"}},
            {"op": "compare", "left": {"op": "score", "question": "b"}, "cmp": ">", "right": 1},
            {"op": "percent", "questions": ["c", "d"]},
        ]}
    )  # fmt: skip
    nodes = list(walk(expression))
    assert (max(depth for _, _, depth in nodes), len(nodes)) == (3, 7)
    assert [path for _, path, _ in nodes][:3] == [(), ("of", 0), ("of", 0, "of")]
    assert referenced_questions(expression) == {"a", "b", "c", "d"}


def test_describe_renders_plain_words():
    words = Vocabulary(
        question=lambda q: f"“{q.upper()}”",
        option=lambda q, o: o.capitalize(),
        dimension=lambda d: f"“{d}”",
    )
    expression = PARSE.validate_python(
        {
            "op": "all",
            "of": [
                among("gate", ["yes"]),
                {
                    "op": "any",
                    "of": [
                        compare(answer("count"), ">=", 100),
                        compare(answer("gate"), "==", "no"),
                    ],
                },
                compare({"op": "percent", "role": "mitigation", "dimension": "d1"}, "<", 80),
            ],
        }
    )
    assert describe(expression, words) == (
        "“GATE” is “Yes” and (the answer to “COUNT” ≥ 100 or the answer to “GATE” is “No”) "
        "and mitigation points as % of their maximum in “d1” < 80"
    )


def test_describe_says_includes_for_multiple_choice_and_negates_plainly():
    words = Vocabulary(
        question=lambda q: f"“{q}”",
        option=lambda q, o: o,
        dimension=lambda d: d,
        multiple=lambda q: q == "tools",
    )

    def said(expression: dict) -> str:
        return describe(PARSE.validate_python(expression), words)

    assert said(among("tools", ["cam", "gps"])) == "“tools” includes “cam” or “gps”"
    assert said(among("tools", ["cam", "gps"], "all")) == "“tools” includes “cam” and “gps”"
    assert said({"op": "not", "of": among("tools", ["mic"])}) == "“tools” does not include “mic”"
    assert said({"op": "not", "of": among("gate", ["yes"])}) == "“gate” is not “yes”"
    assert said(among("gate", ["no"], "none")) == "“gate” is answered, not “no”"
