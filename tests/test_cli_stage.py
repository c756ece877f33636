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
