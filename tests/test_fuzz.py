"""Property-based tests: whatever bytes or mutations arrive, the loader answers with clean,
located problems or a valid questionnaire — never another exception."""

from __future__ import annotations

import copy
import json
from typing import Any

from helpers import example_data
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workerimpact.assessment import assessment_from_bytes
from workerimpact.errors import InputError
from workerimpact.jsonfile import parse_json_bytes
from workerimpact.loader import questionnaire_from_document
from workerimpact.questionnaire import Questionnaire

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


def load(raw: bytes) -> Questionnaire | None:
    """Load bytes as a questionnaire; None when refused with clean problems."""
    try:
        document = parse_json_bytes(raw, display="fuzz.json", max_bytes=10**7, kind="questionnaire")
        return questionnaire_from_document(document)
    except InputError as error:
        assert error.problems, "an InputError must carry at least one problem"
        for problem in error.problems:
            assert problem.file == "fuzz.json"
            assert problem.message.strip()
            assert "Traceback" not in problem.message
        return None


@SETTINGS
@given(st.binary(max_size=300))
def test_random_bytes(raw):
    load(raw)


@SETTINGS
@given(json_values)
def test_random_json(value):
    load(json.dumps(value).encode())


def _paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, prefix + (key,))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _paths(child, prefix + (index,))
    return found


EXAMPLE = example_data()
EXAMPLE_PATHS = _paths(EXAMPLE)[1:]


@st.composite
def mutated_examples(draw) -> dict:
    data = copy.deepcopy(EXAMPLE)
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(EXAMPLE_PATHS))
        parent = data
        try:
            for part in path[:-1]:
                parent = parent[part]
            key = path[-1]
            parent[key]  # noqa: B018 - the path may no longer exist after earlier mutations
        except (KeyError, IndexError, TypeError):
            continue
        action = draw(st.sampled_from(["replace", "delete", "rename", "duplicate"]))
        if action == "replace":
            parent[key] = draw(json_values)
        elif action == "delete":
            del parent[key]
        elif action == "rename" and isinstance(parent, dict):
            parent[key + draw(st.sampled_from(["x", "_", "s"]))] = parent.pop(key)
        elif action == "duplicate" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[key]))
    return data


@SETTINGS
@given(mutated_examples())
def test_mutated_valid_files_give_located_problems_or_load(data):
    raw = json.dumps(data, indent=1).encode()
    questionnaire = load(raw)
    if questionnaire is not None:
        assert questionnaire.id


@SETTINGS
@given(mutated_examples())
def test_assessments_embedding_mutated_questionnaires(data):
    raw = json.dumps(
        {"format": "workerimpact-assessment/1", "questionnaires": [data], "answers": {}}
    ).encode()
    try:
        assessment_from_bytes(raw, "fuzz-assessment.json")
    except InputError as error:
        assert all(problem.file == "fuzz-assessment.json" for problem in error.problems)
        assert all(problem.message for problem in error.problems)
