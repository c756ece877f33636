"""`workerimpact library ...` through real subprocesses: exit codes, output, messages."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import EXAMPLE, REPOSITORY

from workerimpact.assessment import Answer, Metadata, new_assessment, save_assessment
from workerimpact.loader import load_questionnaire
from workerimpact.storage import Library


def run(home: Path, *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "workerimpact", *arguments],
        capture_output=True,
        text=True,
        cwd=REPOSITORY,
        timeout=120,
        env={**os.environ, "WORKERIMPACT_HOME": str(home)},
    )


@pytest.fixture
def assessment_file(tmp_path):
    assessment = new_assessment(
        [load_questionnaire(EXAMPLE)], organization="Lagerhaus Süd", system="Pick-Tracker ✓"
    )
    assessment.answers = {
        "call-centre-monitoring": {
            "records_calls": Answer(value="yes", comment="Jede Minute — 每分钟"),
            "used_for": Answer(value=["pay"], evidence="Aushang vom 3. März"),
        }
    }
    path = tmp_path / "assessment.json"
    save_assessment(assessment, path)
    return path


def test_import_list_score_export_round_trip(data_home, assessment_file, tmp_path):
    imported = run(data_home, "library", "import", str(assessment_file))
    assert imported.returncode == 0, imported.stderr
    (assessment_id,) = imported.stdout.split()

    listed = run(data_home, "library", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    (row,) = json.loads(listed.stdout)
    assert {"id", "organization", "system", "status", "level", "progress", "updated"} <= set(row)
    assert (row["id"], row["organization"], row["status"]) == (
        assessment_id,
        "Lagerhaus Süd",
        "draft",
    )
    assert row["progress"] == 40  # 2 of 5 shown questions

    table = run(data_home, "library", "list")
    assert assessment_id in table.stdout and "Lagerhaus Süd" in table.stdout

    score = run(data_home, "score", assessment_id)
    assert score.returncode == 0, score.stderr
    assert "Answered: 2 of 5" in score.stdout

    output = tmp_path / "out.json"
    exported = run(data_home, "library", "export", assessment_id, "-o", str(output))
    assert exported.returncode == 0, exported.stderr
    assert output.read_bytes() == assessment_file.read_bytes()
    again = run(data_home, "library", "export", assessment_id, "-o", str(output))
    assert again.returncode == 1 and "--force" in again.stderr


def test_import_reports_bad_files_and_keeps_the_good_ones(data_home, assessment_file, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    result = run(data_home, "library", "import", str(bad), str(assessment_file))
    assert result.returncode == 1
    assert "bad.json" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stdout.split()) == 1


def test_unknown_id_and_usage_errors(data_home):
    missing = run(data_home, "library", "export", "abc123", "-o", "x.json")
    assert missing.returncode == 1 and "abc123" in missing.stderr
    assert "Traceback" not in missing.stderr
    assert run(data_home, "library").returncode == 2
    assert run(data_home, "library", "list", "--status", "done").returncode == 2


def test_backup_and_restore(data_home, assessment_file):
    assert run(data_home, "library", "import", str(assessment_file)).returncode == 0
    empty_list = run(data_home, "library", "restore")
    assert empty_list.returncode == 0
    backup = run(data_home, "library", "backup")
    assert backup.returncode == 0 and "backed up to" in backup.stdout
    listing = run(data_home, "library", "restore")
    assert listing.returncode == 0 and "  1  " in listing.stdout
    assert run(data_home, "library", "import", str(assessment_file)).returncode == 0
    assert len(json.loads(run(data_home, "library", "list", "--json").stdout)) == 2
    restored = run(data_home, "library", "restore", "latest")
    assert restored.returncode == 0, restored.stderr
    assert "kept as" in restored.stdout
    assert len(json.loads(run(data_home, "library", "list", "--json").stdout)) == 1
    wrong = run(data_home, "library", "restore", "42")
    assert wrong.returncode == 1 and "no backup number 42" in wrong.stderr


def test_while_the_window_has_the_library_open(data_home, assessment_file):
    with Library.open() as library:
        library.create([load_questionnaire(EXAMPLE)], Metadata(organization="Open"))
        library.backup()
        listed = run(data_home, "library", "list", "--json")
        assert listed.returncode == 0, listed.stderr
        assert json.loads(listed.stdout)[0]["organization"] == "Open"
        refused = run(data_home, "library", "import", str(assessment_file))
        assert refused.returncode == 1
        assert "already open" in refused.stderr and "Traceback" not in refused.stderr
        restore = run(data_home, "library", "restore", "latest")
        assert restore.returncode == 1 and "already open" in restore.stderr
        assert "Traceback" not in restore.stderr


def test_damaged_library_is_explained_in_one_message(data_home):
    (data_home / "library.sqlite3").write_bytes(b"garbage" * 1000)
    result = run(data_home, "library", "list")
    assert result.returncode == 1
    assert "damaged" in result.stderr and "library restore latest" in result.stderr
    assert "Traceback" not in result.stderr


def test_library_list_names_who_assessed_what_before_the_id(data_home, tmp_path):
    from workerimpact.assessment import Metadata
    from workerimpact.catalog import resolve_questionnaires
    from workerimpact.storage import Library

    with Library.open() as library:
        created = library.create(
            resolve_questionnaires(["health-safety"]),
            Metadata(
                organization="North\x1b[31mwind",
                system="PickRate Pro",
                assessor="Dana Reyes",
                role="employer",
            ),
        )
    table = run(data_home, "library", "list")
    assert table.returncode == 0, table.stderr
    header, line = table.stdout.splitlines()[:2]
    assert header.startswith("ORGANIZATION") and header.rstrip().endswith("ID")
    assert line.startswith("North\\u001b[31mwind ")  # shown as a visible escape, never sent raw
    assert "\x1b" not in line
    assert "\x1b" not in table.stdout
    assert "PickRate Pro" in line and "Dana Reyes (employer)" in line
    assert line.rstrip().endswith(created.id)
