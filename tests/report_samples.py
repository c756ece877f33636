"""Assessments for report tests and benchmarks: a realistic answered one, and a huge one.

``warehouse_assessment`` answers every question of the built-in questionnaires (or of the
documentation example while the built-ins are not there) as the HR lead of a warehouse
with a pick-rate tracker might. ``synthetic_assessment`` builds a 1,000-question
questionnaire with rules and skip logic, answered in full.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from workerimpact.assessment import Answer, Assessment, new_assessment
from workerimpact.catalog import load_catalog
from workerimpact.loader import load_questionnaire
from workerimpact.questionnaire import Question, Questionnaire

REPOSITORY = Path(__file__).resolve().parent.parent
EXAMPLE = REPOSITORY / "docs" / "examples" / "call-centre-monitoring.json"
BUILTIN_IDS = ("worker-surveillance", "job-quality", "health-safety")

FIXED_TIME = dt.datetime(2024, 11, 4, 9, 30, tzinfo=dt.UTC)

_TEXTS = {
    "default": "Pick-rate targets are shown on the handheld scanners; the tracker ranks "
    "pickers each shift and flags anyone under 85% of target to the shift lead.",
}
_COMMENTS = (
    "Confirmed with the site operations manager on 14 October.",
    "The vendor's data sheet says idle time is counted after 90 seconds without a scan.",
    "Union steward disputes this: pickers report being flagged during bathroom breaks.",
    "Policy draft exists but has not been shared with workers yet.",
)


def builtin_questionnaires() -> list[Questionnaire]:
    """The built-in questionnaires, or the documentation example if they are not there yet."""
    catalog = load_catalog()
    found = [catalog.get(item) for item in BUILTIN_IDS]
    if all(found):
        return [entry.questionnaire for entry in found]
    return [load_questionnaire(EXAMPLE)]


def _choice(question: Question, index: int) -> str | list[str]:
    # Ordinary answers only: "Don't know" and "Not applicable" stand alone.
    options = [option for option in question.options if not option.special]
    ranked = sorted(options, key=lambda option: option.score or 0.0)
    if question.type == "multiple_choice":
        usable = [option for option in options if not option.exclusive]
        picked = usable[index % 2 :: 2] or usable[:1]
        return [option.id for option in picked[:3]]
    if question.role == "mitigation":
        # Some protection, rarely full: a middle option.
        return ranked[min(len(ranked) - 1, max(0, len(ranked) // 2 - (index % 2)))].id
    if question.role == "risk":
        # Mostly a risky but not the worst answer.
        position = len(ranked) - 2 if index % 3 else len(ranked) - 1
        return ranked[max(0, position)].id
    return options[index % len(options)].id


def _value(question: Question, index: int) -> object:
    if question.options:
        return _choice(question, index)
    if question.type == "number":
        low = question.minimum if question.minimum is not None else 0
        high = question.maximum if question.maximum is not None else 400
        return int(min(high, max(low, 240 if high >= 240 else high)))
    if question.type == "date":
        return "2024-03-01"
    return _TEXTS.get(question.id, _TEXTS["default"])


def answer_everything(assessment: Assessment, comment_every: int = 4) -> Assessment:
    """Answer every question of every questionnaire; comment on some."""
    for questionnaire in assessment.questionnaires:
        answers = {}
        for index, question in enumerate(questionnaire.questions()):
            comment = _COMMENTS[index % len(_COMMENTS)] if index % comment_every == 1 else ""
            evidence = "Vendor contract, schedule B, section 4." if index % 7 == 3 else ""
            answers[question.id] = Answer(
                value=_value(question, index), comment=comment, evidence=evidence
            )
        assessment.answers[questionnaire.id] = answers
    return assessment


def warehouse_assessment(status: str = "draft") -> Assessment:
    """A fully answered assessment of a warehouse pick-rate tracker."""
    assessment = new_assessment(
        builtin_questionnaires(),
        organization="Northfield Distribution LLC",
        site="Fulfilment centre DC-4, Columbus, Ohio",
        system="PickPace 3 pick-rate tracker",
        vendor="Velocity Logistics Software Inc.",
        purpose="Sets hourly pick-rate targets for each picker from scanner data, ranks "
        "pickers each shift, and flags those below target to shift leads for coaching "
        "and, after repeated flags, for written warnings.",
        assessor="Dana Whitfield, HR Business Partner",
        role="employer",
        status=status,
        created=FIXED_TIME,
        updated=FIXED_TIME + dt.timedelta(days=9, hours=6),
    )
    assessment.id = "northfield-dc4-pickpace-2024"
    return answer_everything(assessment)


def synthetic_questionnaire(questions: int = 1_000, per_section: int = 25) -> Questionnaire:
    """A valid questionnaire with ``questions`` questions, dimensions, rules and skip logic."""
    from workerimpact.jsonfile import JsonDocument
    from workerimpact.loader import questionnaire_from_document

    dimensions = [{"id": f"d{index}", "title": f"Dimension {index}"} for index in range(8)]
    sections = []
    rules = []
    for start in range(0, questions, per_section):
        section_questions = []
        for number in range(start, min(questions, start + per_section)):
            kind = ("single_choice", "multiple_choice", "yes_no", "text", "number")[number % 5]
            question: dict = {
                "id": f"q{number}",
                "type": kind,
                "text": f"Synthetic question {number}: does the system affect workers in way "
                f"{number}, and how often does that happen on a normal shift?",
                "help": "Guidance text for the synthetic question.",
                "required": number % 3 == 0,
                "source": "Synthetic source, section 1",
            }
            if kind in ("single_choice", "yes_no"):
                question["role"] = "risk" if number % 4 else "mitigation"
                question["dimension"] = f"d{number % 8}"
                question["options"] = (
                    [
                        {"id": "yes", "label": "Yes", "score": 2},
                        {"id": "no", "label": "No", "score": 0},
                    ]
                    if kind == "yes_no"
                    else [
                        {"id": f"o{option}", "label": f"Option {option}", "score": option}
                        for option in range(4)
                    ]
                )
            elif kind == "multiple_choice":
                question["role"] = "risk"
                question["dimension"] = f"d{number % 8}"
                question["options"] = [
                    {"id": f"m{option}", "label": f"Choice {option}", "score": 1}
                    for option in range(3)
                ] + [{"id": "none", "label": "None of these", "score": 0, "exclusive": True}]
            elif kind == "number":
                question["minimum"] = 0
                question["unit"] = "workers"
            if number % 25 == 24:
                # Hidden once the section's last single-choice question gets a risky answer.
                question["show_if"] = {
                    "op": "in",
                    "question": f"q{number - number % 5}",
                    "options": ["o0"],
                }
            section_questions.append(question)
        sections.append(
            {
                "id": f"s{start // per_section}",
                "title": f"Section {start // per_section}",
                "questions": section_questions,
            }
        )
    for number in range(0, questions, 10):
        if number % 20 == 0:
            rules.append(
                {
                    "id": f"r{number}",
                    "condition": {"op": "in", "question": f"q{number}", "options": ["o2", "o3"]},
                    "severity": ("low", "moderate", "high", "severe")[number // 10 % 4],
                    "title": f"Synthetic finding {number}",
                    "explanation": "The synthetic answer indicates a risk to workers.",
                    "recommendation": "Do the synthetic thing that reduces the risk.",
                    "source": "Synthetic source, section 2",
                    "dimension": f"d{number % 8}",
                }
            )
    data = {
        "format": "workerimpact-questionnaire/1",
        "id": "synthetic",
        "version": "1.0.0",
        "title": f"Synthetic questionnaire with {questions} questions",
        "dimensions": dimensions,
        "sections": sections,
        "rules": rules,
    }
    return questionnaire_from_document(JsonDocument("synthetic", "", data), data, ())


def synthetic_assessment(questions: int = 1_000) -> Assessment:
    """A fully answered assessment of the synthetic questionnaire."""
    assessment = new_assessment(
        [synthetic_questionnaire(questions)],
        organization="Synthetic Org",
        system="Synthetic system",
        created=FIXED_TIME,
        updated=FIXED_TIME,
    )
    assessment.id = "synthetic"
    return answer_everything(assessment)
