"""Builders shared by the core tests: small questionnaires written as plain dicts."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from workerimpact.assessment import Answer, Assessment, new_assessment
from workerimpact.jsonfile import parse_json_bytes
from workerimpact.loader import questionnaire_from_document
from workerimpact.questionnaire import Questionnaire

REPOSITORY = Path(__file__).resolve().parent.parent
EXAMPLE = REPOSITORY / "docs" / "examples" / "call-centre-monitoring.json"


def example_data() -> dict[str, Any]:
    """A fresh copy of the documented example questionnaire as JSON data."""
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))


def questionnaire_from(data: dict[str, Any], name: str = "test.json") -> Questionnaire:
    """Validate questionnaire data as if it had been read from a file called ``name``."""
    raw = json.dumps(data, indent=2).encode("utf-8")
    document = parse_json_bytes(raw, display=name, max_bytes=10**8, kind="questionnaire")
    return questionnaire_from_document(document)


def write_json(path: Path, data: Any) -> Path:
    """Write JSON data to a file and return its path."""
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


def assessment_with(questionnaire: Questionnaire, **values: Any) -> Assessment:
    """An assessment of one questionnaire with ``question_id=value`` answers."""
    assessment = new_assessment([questionnaire], organization="Acme")
    assessment.answers = {
        questionnaire.id: {key: Answer(value=value) for key, value in values.items()}
    }
    return assessment


def scored_question(
    question_id: str,
    dimension: str,
    role: str = "risk",
    scores: tuple[float, ...] = (0, 1, 2),
    **extra: Any,
) -> dict[str, Any]:
    """A single-choice scored question with options o0, o1, ... scoring ``scores``."""
    return {
        "id": question_id,
        "type": "single_choice",
        "text": f"Question {question_id}?",
        "dimension": dimension,
        "role": role,
        "source": "test",
        "options": [
            {"id": f"o{index}", "label": f"Option {index}", "score": score}
            for index, score in enumerate(scores)
        ],
        **extra,
    }


def minimal(questions: list[dict[str, Any]], rules: list[dict] | None = None, **top: Any) -> dict:
    """A questionnaire with one section holding ``questions`` and dimensions d1, d2."""
    data = {
        "format": "workerimpact-questionnaire/1",
        "id": "t",
        "version": "1",
        "title": "Test",
        "dimensions": [{"id": "d1", "title": "One"}, {"id": "d2", "title": "Two"}],
        "sections": [{"id": "s1", "title": "Section", "questions": copy.deepcopy(questions)}],
        "rules": rules or [],
    }
    data.update(top)
    return data
