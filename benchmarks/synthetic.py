"""Synthetic questionnaires and answers of any size, for benchmarks and load tests.

``synthetic_questionnaire(n)`` gives n questions in sections of 20 over 10 dimensions, with
gates and skip logic, every scored question type, and 2n rules of mixed shapes.
"""

from __future__ import annotations

import random
from typing import Any


def synthetic_questionnaire(questions: int, rules: int | None = None, seed: int = 7) -> dict:
    """A valid questionnaire as JSON data."""
    rng = random.Random(seed)
    rules = 2 * questions if rules is None else rules
    dimensions = [{"id": f"d{index}", "title": f"Dimension {index}"} for index in range(10)]
    sections: list[dict[str, Any]] = []
    all_questions: list[dict[str, Any]] = []
    for index in range(questions):
        if index % 20 == 0:
            sections.append(
                {"id": f"s{index // 20}", "title": f"Section {index // 20 + 1}", "questions": []}
            )
        dimension = f"d{index % 10}"
        kind = index % 5
        question: dict[str, Any] = {
            "id": f"q{index}",
            "text": f"Synthetic question {index}: does the system do thing {index}?",
            "help": "A good answer names the evidence.",
            "required": index % 3 == 0,
            "dimension": dimension,
            "role": "mitigation" if kind == 3 else "risk",
            "source": "Synthetic source, section 1",
        }
        if kind == 0:
            question["type"] = "yes_no"
            question["options"] = [
                {"id": "yes", "label": "Yes", "score": 3},
                {"id": "no", "label": "No", "score": 0},
            ]
        elif kind == 2:
            question["type"] = "multiple_choice"
            question["options"] = [
                {"id": f"m{option}", "label": f"Choice {option}", "score": option}
                for option in range(4)
            ] + [{"id": "none", "label": "None of these", "score": 0, "exclusive": True}]
        else:
            question["type"] = "scale" if kind == 4 else "single_choice"
            question["options"] = [
                {"id": f"o{option}", "label": f"Level {option}", "score": option}
                for option in range(4)
            ]
        # Follow-ups of a gate are shown only when the gate is answered "yes".
        if kind in (1, 2) and index >= 1 and all_questions[index - kind]["type"] == "yes_no":
            gate = all_questions[index - kind]["id"]
            question["show_if"] = {"op": "in", "question": gate, "options": ["yes"]}
        sections[-1]["questions"].append(question)
        all_questions.append(question)
    rule_list = []
    for index in range(rules):
        first = all_questions[rng.randrange(questions)]
        second = all_questions[rng.randrange(questions)]
        condition: dict[str, Any] = {
            "op": "all",
            "of": [_chosen(first, rng), {"op": "not", "of": _chosen(second, rng)}],
        }
        if index % 7 == 0:
            condition = {
                "op": "compare",
                "left": {"op": "percent", "role": "risk", "dimension": first["dimension"]},
                "cmp": ">=",
                "right": 60,
            }
        rule_list.append(
            {
                "id": f"r{index}",
                "condition": condition,
                "severity": ("low", "moderate", "high", "severe")[index % 4],
                "title": f"Synthetic finding {index}",
                "explanation": "Something was found.",
                "recommendation": "Do something about it.",
                "source": "Synthetic source, section 2",
                "dimension": first["dimension"],
                **({"minimum_level": "high"} if index % 50 == 0 else {}),
            }
        )
    return {
        "$schema": "../schemas/questionnaire.schema.json",
        "format": "workerimpact-questionnaire/1",
        "id": f"synthetic-{questions}",
        "version": "1",
        "title": f"Synthetic questionnaire of {questions} questions",
        "dimensions": dimensions,
        "sections": sections,
        "rules": rule_list,
    }


def _chosen(question: dict, rng: random.Random) -> dict:
    option = rng.choice(question["options"])["id"]
    return {"op": "in", "question": question["id"], "options": [option]}


def synthetic_answers(questionnaire: dict, seed: int = 11) -> dict[str, dict[str, Any]]:
    """Answers to every question of a synthetic questionnaire, as assessment JSON data."""
    rng = random.Random(seed)
    answers = {}
    for section in questionnaire["sections"]:
        for question in section["questions"]:
            options = [option["id"] for option in question["options"]]
            if question["type"] == "multiple_choice":
                value: Any = rng.sample(options[:-1], rng.randrange(1, 4))
            else:
                value = rng.choice(options)
            answers[question["id"]] = {"value": value, "comment": f"Comment on {question['id']}"}
    return {questionnaire["id"]: answers}
