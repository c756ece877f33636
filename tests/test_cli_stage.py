"""The command line and issue 8: which scoring model a file uses, the stage of a new
assessment, provisional levels in `score` and `score --json`."""

from __future__ import annotations

import json

from helpers import EXAMPLE, REPOSITORY
from test_cli import assert_clean_failure, run

FLOOR_EXAMPLE = REPOSITORY / "docs" / "examples" / "job-changes-floor.json"


def test_validate_says_which_scoring_model_a_file_uses(data_home):
    result = run("validate", str(EXAMPLE), str(FLOOR_EXAMPLE), home=data_home)
    assert result.returncode == 0, result.stderr
    first, second = result.stdout.splitlines()
    assert "scoring model points-share/1 (the default" in first
    assert "scoring model findings-floor/2 (findings set floors" in second


def test_new_with_a_stage_and_a_provisional_score(tmp_path, data_home):
    path = tmp_path / "a.json"
    result = run(
        "new", "--stage", "in_operation", "--started", "2025-03-01", "-o", str(path),
        "--system", "Planner", home=data_home,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    metadata = json.loads(path.read_text(encoding="utf-8"))["metadata"]
    assert (metadata["stage"], metadata["stage_started"]) == ("in_operation", "2025-03-01")
    text = run("score", str(path), home=data_home)
    assert text.returncode == 0, text.stderr
    assert "Stage: In operation" in text.stdout
    assert "Levels: Provisional: 0 of" in text.stdout
    data = json.loads(run("score", str(path), "--json", home=data_home).stdout)
    assert data["provisional"] is True and data["stage"] == "in_operation"
    assert data["progress"]["expected_answered"] == 0


def test_new_refuses_a_date_that_is_not_one(tmp_path, data_home):
    result = run(
        "new", "--stage", "pilot", "--started", "1 March", "-o", str(tmp_path / "a.json"),
        home=data_home,
    )  # fmt: skip
    assert_clean_failure(result, 2)
    assert "YYYY-MM-DD" in result.stderr
    assert not (tmp_path / "a.json").exists()


def test_an_assessment_without_a_stage_keeps_its_bytes(tmp_path, data_home):
    path = tmp_path / "a.json"
    assert run("new", "-o", str(path), home=data_home).returncode == 0
    assert "stage" not in json.loads(path.read_text(encoding="utf-8"))["metadata"]


def test_library_list_marks_provisional_levels(tmp_path, data_home):
    from workerimpact.assessment import Answer, load_assessment, save_assessment

    path = tmp_path / "a.json"
    assert run("new", "--stage", "planned", "-o", str(path), home=data_home).returncode == 0
    assessment = load_assessment(path)
    questionnaire = assessment.questionnaires[0]
    first = next(
        q for q in questionnaire.questions() if q.role == "risk" and q.type != "multiple_choice"
    )
    assessment.answers = {questionnaire.id: {first.id: Answer(value=first.options[0].id)}}
    save_assessment(assessment, path)
    assert run("library", "import", str(path), home=data_home).returncode == 0
    listing = run("library", "list", home=data_home)
    assert listing.returncode == 0, listing.stderr
    assert "* provisional: not every question the level rests on is answered yet" in (
        listing.stdout
    )
    rows = json.loads(run("library", "list", "--json", home=data_home).stdout)
    assert rows[0]["provisional"] is True


def test_the_stage_survives_the_library_round_trip(tmp_path, data_home):
    path = tmp_path / "a.json"
    made = run("new", "--stage", "pilot", "--started", "2026-01-05", "-o", str(path),
               home=data_home)  # fmt: skip
    assert made.returncode == 0, made.stderr
    imported = run("library", "import", str(path), home=data_home)
    assert imported.returncode == 0, imported.stderr
    (assessment_id,) = imported.stdout.split()
    back = tmp_path / "back.json"
    exported = run("library", "export", assessment_id, "-o", str(back), home=data_home)
    assert exported.returncode == 0, exported.stderr
    assert back.read_bytes() == path.read_bytes()
