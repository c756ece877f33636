"""Assessments: creating, validating answers, the portable file and its fingerprint."""

from __future__ import annotations

import json

import pytest
from helpers import EXAMPLE, assessment_with, example_data, questionnaire_from, write_json

from workerimpact.assessment import (
    Answer,
    answer_problem,
    canonical_bytes,
    fingerprint,
    load_assessment,
    new_assessment,
    questionnaire_hash,
    save_assessment,
    to_json_data,
)
from workerimpact.errors import InputError


@pytest.fixture(scope="module")
def example():
    return questionnaire_from(example_data())


def test_save_and_load_keep_every_answer_and_comment_exactly(tmp_path, example):
    assessment = new_assessment(
        [example], organization="Zoë Ñúñez & Søn, Łódź", system="ПикРейт", role="union"
    )
    assessment.answers = {
        example.id: {
            "records_calls": Answer(value="yes", comment="Confirmed by IT — 2026-03-01 🙂"),
            "workers_affected": Answer(value=120, evidence="Roster <b>March</b> & April"),
            "used_for": Answer(value=["pay", "coaching"]),
            "human_review": Answer(comment="Not yet decided"),
        }
    }
    path = tmp_path / "a.json"
    save_assessment(assessment, path)
    loaded = load_assessment(path)
    assert to_json_data(loaded) == to_json_data(assessment)
    assert loaded.answers[example.id]["workers_affected"].value == 120
    assert isinstance(loaded.answers[example.id]["workers_affected"].value, int)
    assert fingerprint(loaded) == fingerprint(assessment)
    assert len(fingerprint(loaded)) == 64


def test_canonical_form_is_sorted_compact_utf8(example):
    assessment = assessment_with(example, records_calls="yes")
    assessment.metadata.organization = "Łódź"
    raw = canonical_bytes(assessment)
    data = json.loads(raw)
    assert raw == json.dumps(
        data, sort_keys=True, ensure_ascii=False, separators=(",", ":")
    ).encode("utf-8")
    assert "Łódź".encode() in raw


def test_questionnaire_hash_ignores_the_schema_reference(example):
    data = example_data()
    data.pop("$schema")
    assert questionnaire_hash(questionnaire_from(data)) == questionnaire_hash(example)


@pytest.mark.parametrize(
    ("question_id", "value", "expected"),
    [
        ("records_calls", "yes", None),
        ("records_calls", None, None),
        ("records_calls", "", None),
        ("records_calls", "maybe", '"maybe" is not an option of this question'),
        ("records_calls", ["yes"], "expected one option id"),
        ("used_for", ["pay", "coaching"], None),
        ("used_for", [], None),
        ("used_for", ["pay", "pay"], "an option is chosen twice"),
        ("used_for", ["none", "pay"], '"None of these" cannot be combined with other options'),
        ("used_for", "pay", "expected a list of option ids"),
        ("workers_affected", 12, None),
        ("workers_affected", 2.5, None),
        ("workers_affected", -1, "must be at least 0"),
        ("workers_affected", True, "expected a number"),
        ("workers_affected", "12", "expected a number"),
        ("workers_affected", float("nan"), "expected a number"),
    ],
)
def test_answer_problem(example, question_id, value, expected):
    problem = answer_problem(example.question(question_id), value)
    if expected is None:
        assert problem is None
    else:
        assert problem is not None and expected in problem


def test_date_and_text_answers():
    data = example_data()
    data["sections"][0]["questions"].append(
        {"id": "started", "type": "date", "text": "When did it start?"}
    )
    data["sections"][0]["questions"].append({"id": "notes", "type": "text", "text": "Notes?"})
    questionnaire = questionnaire_from(data)
    started, notes = questionnaire.question("started"), questionnaire.question("notes")
    assert answer_problem(started, "2026-02-28") is None
    assert "is not a date" in answer_problem(started, "2026-02-30")
    assert "is not a date" in answer_problem(started, "20260228")
    assert answer_problem(notes, "anything <at> all") is None
    assert answer_problem(notes, 3) == "expected text"


def test_assessment_file_problems_are_located(tmp_path, example):
    assessment = assessment_with(example, records_calls="yes")
    data = to_json_data(assessment)
    data["answers"][example.id]["records_calls"]["value"] = "yess"
    data["answers"][example.id]["no_such_question"] = {"value": "x"}
    data["answers"]["other"] = {}
    data["metadata"]["role"] = "manager"
    path = write_json(tmp_path / "a.json", data)
    with pytest.raises(InputError) as excinfo:
        load_assessment(path)
    messages = [str(problem) for problem in excinfo.value.problems]
    assert any('metadata.role: "manager" is not allowed' in m for m in messages), messages
    # Answer checks run once the envelope is valid.
    data["metadata"]["role"] = "union"
    write_json(path, data)
    with pytest.raises(InputError) as excinfo:
        load_assessment(path)
    messages = [str(problem) for problem in excinfo.value.problems]
    assert len(messages) == 3
    assert any(
        'records_calls.value: "yess" is not an option of this question; did you mean "yes"?' in m
        for m in messages
    ), messages
    assert any('has no question "no_such_question"' in m for m in messages)
    assert any('answers are given for questionnaire "other"' in m for m in messages)
    assert all(m.startswith(f"{path}: line ") for m in messages)


def test_a_questionnaire_is_not_an_assessment():
    with pytest.raises(InputError) as excinfo:
        load_assessment(EXAMPLE)
    assert "this looks like a questionnaire" in str(excinfo.value)


def test_broken_embedded_questionnaire_is_reported_at_its_place(tmp_path, example):
    data = to_json_data(assessment_with(example))
    data["questionnaires"][0]["sections"][0]["questions"][0]["type"] = "numbr"
    path = write_json(tmp_path / "a.json", data)
    with pytest.raises(InputError) as excinfo:
        load_assessment(path)
    assert "questionnaires[0].sections[0].questions[0].type" in str(excinfo.value)


def test_newer_assessment_format_is_refused_clearly(tmp_path, example):
    data = to_json_data(assessment_with(example))
    data["format"] = "workerimpact-assessment/2"
    path = write_json(tmp_path / "a.json", data)
    with pytest.raises(InputError) as excinfo:
        load_assessment(path)
    assert "newer format" in str(excinfo.value)


def test_new_assessment_refuses_duplicates_and_bad_metadata(example):
    with pytest.raises(InputError, match="listed twice"):
        new_assessment([example, example])
    with pytest.raises(InputError, match="at least one questionnaire"):
        new_assessment([])
    with pytest.raises(InputError):
        new_assessment([example], role="boss")


def test_saved_files_get_ordinary_permissions(tmp_path, example):
    """Atomic writes go through a private temporary file; the result must not stay 0600."""
    path = tmp_path / "shared.json"
    save_assessment(assessment_with(example), path)
    assert path.stat().st_mode & 0o777 == 0o666 & ~_current_umask()
    path.chmod(0o640)
    save_assessment(assessment_with(example), path)
    assert path.stat().st_mode & 0o777 == 0o640


def _current_umask() -> int:
    import os

    mask = os.umask(0)
    os.umask(mask)
    return mask
