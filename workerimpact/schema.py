"""JSON Schemas of the public file formats, generated from the models.

The committed copies in ``schemas/`` are what built-in files reference for editor
autocompletion; a test keeps them equal to what the models generate.
"""

from __future__ import annotations

from typing import Any

from workerimpact.assessment import Assessment
from workerimpact.questionnaire import QUESTIONNAIRE_FORMAT, Questionnaire

SCHEMA_NAMES: tuple[str, ...] = ("questionnaire", "assessment")


def json_schema(name: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``questionnaire`` or ``assessment`` files."""
    if name == "questionnaire":
        schema = Questionnaire.model_json_schema(by_alias=True)
        title = f"WorkerImpact questionnaire ({QUESTIONNAIRE_FORMAT})"
    elif name == "assessment":
        schema = Assessment.model_json_schema(by_alias=True)
        title = "WorkerImpact assessment (workerimpact-assessment/1)"
    else:
        raise ValueError(f"unknown schema {name!r}; expected one of {SCHEMA_NAMES}")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://workerimpact.example/schemas/{name}.schema.json",
        **schema,
        "title": title,
    }
