"""The check of a received report, kept with the record (migration 0006_received_check): shown
by the banner every time the record is reopened, listed by `library list --json`, carried
through an upgrade, a recovery and emptying the trash."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from helpers import REPOSITORY

from workerimpact.cli import main
from workerimpact.loader import load_questionnaire
from workerimpact.report import export_report, verify_report
from workerimpact.signing.identity import new_identity
from workerimpact.storage import Library
from workerimpact.storage.received import ReceivedCheck
from workerimpact.storage.schema import SCHEMA_VERSION, known_migrations

FIXTURES = Path(__file__).parent / "fixtures" / "storage"
EXAMPLE = REPOSITORY / "docs" / "examples" / "call-centre-monitoring.json"


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("WORKERIMPACT_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


@pytest.fixture
def received(home, tmp_path):
    """A library holding a statement received from HR, with verify's outcome kept."""
    from workerimpact.assessment import new_assessment

    assessment = new_assessment(
        [load_questionnaire(EXAMPLE)],
        organization="Northwind Logistics",
        system="Speech analytics",
        assessor="Dana Whitfield",
    )
    report = tmp_path / "from-hr.pdf"
    export_report(assessment, report, identity=new_identity("Dana Whitfield", "Northwind"))
    verification = verify_report(report)
    assert verification.ok
    when = dt.datetime(2026, 11, 30, 14, 5, tzinfo=dt.UTC)
    with Library.open() as library:
        added = library.import_file(report)
        library.record_received_check(added.id, ReceivedCheck.of(verification, when))
    return added.id, verification


def test_the_check_is_kept_and_read_back_in_a_later_session(received) -> None:
    assessment_id, verification = received
    with Library.open() as library:
        check = library.received_check(assessment_id)
        assessment = library.get(assessment_id)
    assert check is not None
    assert (check.verdict, check.signer, check.organization) == (
        "verified",
        "Dana Whitfield",
        "Northwind",
    )
    assert check.fingerprint == verification.signers[0].fingerprint
    assert check.checked == dt.datetime(2026, 11, 30, 14, 5, tzinfo=dt.UTC)
    assert check.applies_to(assessment)
    assert check.signers[0].describe().startswith("signed by an unknown certificate")


def test_library_list_json_shows_the_check(received, capsys) -> None:
    assessment_id, _ = received
    assert main(["library", "list", "--json"]) == 0
    rows = {row["id"]: row for row in json.loads(capsys.readouterr().out)}
    check = rows[assessment_id]["received_check"]
    assert check["verdict"] == "verified"
    assert (check["signer"], check["organization"]) == ("Dana Whitfield", "Northwind")
    assert check["checked"] == "2026-11-30T14:05:00+00:00"
    assert len(check["fingerprint"]) == 64


def test_a_record_without_a_check_lists_none(home, capsys) -> None:
    with Library.open() as library:
        own = library.create([load_questionnaire(EXAMPLE)], _metadata()).id
    assert main(["library", "list", "--json"]) == 0
    rows = {row["id"]: row for row in json.loads(capsys.readouterr().out)}
    assert rows[own]["received_check"] is None


def _metadata():
    from workerimpact.assessment import Metadata

    return Metadata(organization="Northwind", assessor="Sam")


def test_emptying_the_trash_removes_the_check(received) -> None:
    assessment_id, _ = received
    with Library.open() as library:
        library.delete(assessment_id)
        library.empty_trash()
        assert library.received_checks() == {}


def test_recovering_the_record_from_a_backup_keeps_its_check(received, home) -> None:
    assessment_id, _ = received
    with Library.open() as library:
        library.backup()
    connection = sqlite3.connect(home / "library.sqlite3")
    connection.execute("UPDATE assessments SET created = 'x' WHERE id = ?", [assessment_id])
    connection.commit()
    connection.close()
    with Library.open() as library:
        library.recover(assessment_id)
        check = library.received_check(assessment_id)
        assert check is not None and check.applies_to(library.get(assessment_id))


def test_a_library_of_the_previous_version_is_migrated(home) -> None:
    # library-v4-received.sqlite3 was written by this program before 0006_received_check existed
    # (tests/fixtures/storage/make_library_v4_received.py).
    home.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(FIXTURES / "library-v4-received.sqlite3", home / "library.sqlite3")
    with Library.open() as library:
        (row,) = library.summaries()
        assert (row.organization, row.system) == ("Northwind", "Speech analytics")
        assert library.received_check(row.id) is None
        backups = library.backups()
    assert any("before-upgrade" in item.path.name for item in backups)
    connection = sqlite3.connect(home / "library.sqlite3")
    try:
        applied = [name for (name,) in connection.execute("SELECT name FROM _sqlite_migrations")]
        assert "0006_received_check" in applied
        assert applied == known_migrations()
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        columns = [row[1] for row in connection.execute("PRAGMA table_info(received_checks)")]
    finally:
        connection.close()
    assert {"verdict", "signer", "organization", "fingerprint", "checked"} <= set(columns)


def test_the_schema_version_is_the_count_not_the_name() -> None:
    names = known_migrations()
    assert "0006_received_check" in names
    assert SCHEMA_VERSION == len(names)
