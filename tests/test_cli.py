"""The command line, run as users run it: in a subprocess, reading exit codes and output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import EXAMPLE, example_data, write_json


def run(*arguments: str, home: Path, cwd: Path | None = None) -> subprocess.CompletedProcess:
    environment = {**os.environ, "WORKERIMPACT_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "workerimpact", *arguments],
        capture_output=True,
        text=True,
        env=environment,
        cwd=cwd,
        timeout=60,
    )


def assert_clean_failure(result: subprocess.CompletedProcess, code: int = 1) -> None:
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr


def test_questionnaires_json_lists_builtins_with_absolute_paths(data_home):
    result = run("questionnaires", "--json", home=data_home)
    assert result.returncode == 0, result.stderr
    entries = json.loads(result.stdout)
    assert [entry["id"] for entry in entries][:3] == [
        "worker-surveillance",
        "job-quality",
        "health-safety",
    ]
    for entry in entries:
        assert {"id", "version", "title", "path"} <= set(entry)
        assert Path(entry["path"]).is_absolute() and Path(entry["path"]).is_file()


def test_install_then_list_then_new_and_score(tmp_path, data_home):
    assert run("install", str(EXAMPLE), home=data_home).returncode == 0
    listed = json.loads(run("questionnaires", "--json", home=data_home).stdout)
    installed = [entry for entry in listed if entry["id"] == "call-centre-monitoring"]
    assert installed and installed[0]["builtin"] is False
    assert Path(installed[0]["path"]).parent == data_home / "questionnaires"
    output = tmp_path / "acme.json"
    result = run(
        "new", "call-centre-monitoring", "-o", str(output),
        "--organization", "Acme Logistics", "--system", "PickRate", "--assessor", "Dana",
        home=data_home,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    data = json.loads(output.read_text(encoding="utf-8"))
    assert data["metadata"]["organization"] == "Acme Logistics"
    assert data["questionnaires"][0]["id"] == "call-centre-monitoring"
    data["answers"] = {
        "call-centre-monitoring": {
            "records_calls": {"value": "yes"},
            "written_notice": {"value": "no", "comment": "Nobody was told"},
        }
    }
    write_json(output, data)
    scored = run("score", str(output), "--json", home=data_home)
    assert scored.returncode == 0, scored.stderr
    result_data = json.loads(scored.stdout)
    assert result_data["overall"]["level"] == "severe"
    assert result_data["findings"][0]["id"] == "covert-recording"
    assert [item["question"] for item in result_data["unanswered"]] == ["used_for"]
    text = run("score", str(output), home=data_home)
    assert "Overall: Severe" in text.stdout
    assert "[SEVERE] Calls are recorded without notice to workers" in text.stdout


def test_new_defaults_to_the_builtins_and_refuses_to_overwrite(tmp_path, data_home):
    output = tmp_path / "a.json"
    assert run("new", "-o", str(output), home=data_home).returncode == 0
    ids = [q["id"] for q in json.loads(output.read_text(encoding="utf-8"))["questionnaires"]]
    assert ids == ["worker-surveillance", "job-quality", "health-safety"]
    again = run("new", "-o", str(output), home=data_home)
    assert_clean_failure(again)
    assert "already exists" in again.stderr
    unknown = run("new", "nope", "-o", str(tmp_path / "b.json"), home=data_home)
    assert_clean_failure(unknown)
    assert 'no questionnaire "nope"; available: worker-surveillance' in unknown.stderr


def test_validate_reports_every_problem_as_path_where_what(tmp_path, data_home):
    data = example_data()
    data["sections"][0]["questions"][0]["reqired"] = True
    data["rules"][0]["condition"]["of"][0]["question"] = "nope"
    broken = write_json(tmp_path / "broken.json", data)
    result = run("validate", str(EXAMPLE), str(broken), home=data_home)
    assert_clean_failure(result)
    lines = [line for line in result.stderr.splitlines() if line.startswith(str(broken))]
    assert len(lines) == 2
    assert all(line.count(": ") >= 2 and ": line " in line for line in lines)
    assert "2 problems in 1 file" in result.stderr
    assert f"{EXAMPLE}: valid" in result.stdout


@pytest.mark.parametrize("kind", ["missing", "folder", "empty", "binary", "huge"])
def test_bad_files_get_one_clear_message(tmp_path, data_home, kind):
    path = tmp_path / "input.json"
    if kind == "folder":
        path = tmp_path
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "binary":
        path.write_bytes(bytes(range(256)) * 4)
    elif kind == "huge":
        with path.open("wb") as stream:
            stream.truncate(60_000_000)
    for command in ("validate", "score"):
        result = run(command, str(path), home=data_home)
        assert_clean_failure(result)
        assert len(result.stderr.strip().splitlines()) <= 2
        assert result.stderr.startswith(str(path) + ": ")


def test_usage_errors_exit_2(data_home):
    assert run("schema", "nothing", home=data_home).returncode == 2
    assert run("validate", home=data_home).returncode == 2
    assert run("no-such-command", home=data_home).returncode == 2
    assert run("new", "job-quality", home=data_home).returncode == 2  # -o is required


def test_schema_prints_json_schema(data_home):
    result = run("schema", "questionnaire", home=data_home)
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert "sections" in schema["properties"]


def test_installing_a_broken_or_clashing_questionnaire_is_refused(tmp_path, data_home):
    data = example_data()
    data["id"] = "job-quality"
    clashing = write_json(tmp_path / "clash.json", data)
    result = run("install", str(clashing), home=data_home)
    assert_clean_failure(result)
    assert "belongs to a built-in questionnaire" in result.stderr
    data["sections"] = []
    broken = write_json(tmp_path / "broken.json", data)
    result = run("install", str(broken), home=data_home)
    assert_clean_failure(result)
    assert "sections: must not be empty" in result.stderr
    assert not (data_home / "questionnaires").exists()
