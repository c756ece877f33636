"""The library under faults: disk full, damaged, truncated and future files, upgrades from an
older schema, backups and restore, read-only files and folders, a second process."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from helpers import EXAMPLE, REPOSITORY, minimal, questionnaire_from, scored_question

from workerimpact.assessment import Answer, Metadata, new_assessment
from workerimpact.loader import load_questionnaire
from workerimpact.storage import (
    Library,
    LibraryCorrupt,
    LibraryError,
    LibraryLocked,
    LibraryReadOnly,
    LibraryTooNew,
    StorageFull,
)
from workerimpact.storage.backups import KEEP_BACKUPS
from workerimpact.storage.errors import translate
from workerimpact.storage.schema import SCHEMA_VERSION

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "storage"


@pytest.fixture
def questionnaire():
    return questionnaire_from(
        minimal(
            [
                scored_question("pace", "d1"),
                scored_question("cover", "d2", role="mitigation"),
                {"id": "notes", "type": "text", "text": "?"},
            ]
        )
    )


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def filled_library(folder: Path, questionnaire, answers: int = 3) -> str:
    with Library.open(folder) as library:
        assessment = library.create([questionnaire], Metadata(organization="Acme"))
        for number in range(answers):
            library.set_answer(assessment.id, "t", "notes", Answer(value=f"note {number}"))
        return assessment.id


def integrity(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return [row[0] for row in connection.execute("PRAGMA integrity_check")]
    finally:
        connection.close()


# --- disk full -----------------------------------------------------------------------------


def test_disk_full_is_a_clear_error_and_nothing_is_half_written(data_home, questionnaire):
    assessment_id = filled_library(data_home, questionnaire)
    with Library.open() as library:
        history = len(library.history(assessment_id))
        connection = library._db.conn
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(StorageFull, match="disk is full") as caught:
            library.set_answer(assessment_id, "t", "notes", Answer(value="x" * 300_000))
        assert "Free some disk space" in str(caught.value)
        assert library.get(assessment_id).answer("t", "notes").value == "note 2"
        assert len(library.history(assessment_id)) == history
        big = new_assessment([questionnaire], organization="Big")
        big.answers = {"t": {"notes": Answer(value="y" * 300_000), "pace": Answer(value="o1")}}
        with pytest.raises(StorageFull):
            library.import_assessment(big)
        assert [row.organization for row in library.summaries()] == ["Acme"]
        connection.execute("PRAGMA max_page_count = 1073741823")
        library.set_answer(assessment_id, "t", "notes", Answer(value="after the disk was freed"))
    assert integrity(data_home / "library.sqlite3") == ["ok"]
    with Library.open() as library:
        assert library.get(assessment_id).answer("t", "notes").value == "after the disk was freed"
        assert len(library.summaries()) == 1


def test_io_errors_become_storage_full():
    error = sqlite3.OperationalError("disk I/O error")
    error.sqlite_errorcode = 10 | (3 << 8)  # SQLITE_IOERR_WRITE
    translated = translate(error, Path("library.sqlite3"))
    assert isinstance(translated, StorageFull)
    assert "disk reported an error" in str(translated)


# --- damaged and future files ---------------------------------------------------------------


def test_corrupt_library_is_reported_untouched_with_backups(data_home, questionnaire):
    filled_library(data_home, questionnaire)
    with Library.open() as library:
        backup = library.backup()
    path = data_home / "library.sqlite3"
    data = bytearray(path.read_bytes())
    for offset in range(4096, len(data), 4096):  # scribble on every page header but the first
        data[offset : offset + 40] = os.urandom(40)
    path.write_bytes(bytes(data))
    before = digest(path)
    with pytest.raises(LibraryCorrupt) as caught:
        Library.open()
    assert "damaged" in str(caught.value) and "has not been changed" in str(caught.value)
    offered = caught.value.backups
    assert offered[0].path == backup.path  # newest first
    assert [item.created for item in offered] == sorted(
        (item.created for item in offered), reverse=True
    )
    assert digest(path) == before
    Library.restore_backup(caught.value.backups[0].path)
    with Library.open() as library:
        assert library.summaries()[0].organization == "Acme"
    replaced = list((data_home / "backups" / "replaced").glob("*.sqlite3"))
    assert len(replaced) == 1 and digest(replaced[0]) == before


def test_truncated_library_is_reported_untouched(data_home, questionnaire):
    filled_library(data_home, questionnaire, answers=50)
    path = data_home / "library.sqlite3"
    with path.open("r+b") as stream:
        stream.truncate(path.stat().st_size // 2)
    before = digest(path)
    with pytest.raises(LibraryCorrupt, match="truncated"):
        Library.open()
    with pytest.raises(LibraryCorrupt):
        Library.open(read_only=True)
    assert digest(path) == before


@pytest.mark.parametrize("content", [b"", b"not a database at all" * 300])
def test_empty_or_foreign_file_is_not_overwritten(data_home, content):
    path = data_home / "library.sqlite3"
    path.write_bytes(content)
    with pytest.raises(LibraryCorrupt):
        Library.open()
    assert path.read_bytes() == content


def test_someone_elses_sqlite_file_is_not_taken_over(data_home):
    path = data_home / "library.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE recipes (name TEXT)")
    connection.commit()
    connection.close()
    before = digest(path)
    with pytest.raises(LibraryCorrupt, match="not a WorkerImpact library"):
        Library.open()
    assert digest(path) == before


def future_library(folder: Path, questionnaire, how: str) -> Path:
    filled_library(folder, questionnaire)
    path = folder / "library.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=DELETE")  # a single file, as a newer version might
    if how == "user_version":
        connection.execute("PRAGMA user_version = 99")
    else:
        connection.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('workerimpact-library', '0099_from_the_future', 'x')"
        )
    connection.commit()
    connection.close()
    return path


@pytest.mark.parametrize("how", ["user_version", "unknown_migration"])
@pytest.mark.parametrize("read_only", [False, True])
def test_library_from_a_newer_version_is_refused_byte_for_byte_untouched(
    data_home, questionnaire, how, read_only
):
    path = future_library(data_home, questionnaire, how)
    before = digest(path)
    files = sorted(p.name for p in data_home.iterdir())
    with pytest.raises(LibraryTooNew, match="newer version of WorkerImpact"):
        Library.open(read_only=read_only)
    assert digest(path) == before
    assert sorted(p.name for p in data_home.iterdir()) == files
    assert not list((data_home / "backups").glob("*before-upgrade*"))


# --- upgrades --------------------------------------------------------------------------------


def test_library_from_the_first_schema_is_upgraded_after_a_backup(data_home):
    shutil.copyfile(FIXTURES / "library-v1.sqlite3", data_home / "library.sqlite3")
    with Library.open() as library:
        rows = library.summaries()
        assert [row.id for row in rows] == ["v1-assessment-0", "v1-assessment-1"]
        assert rows[0].questionnaires == ("Call-centre speech analytics",)
        assert [row.id for row in library.summaries(text="süd")] == ["v1-assessment-0"]
        assessment = library.get("v1-assessment-0")
        answer = assessment.answer("call-centre-monitoring", "records_calls")
        assert (answer.value, answer.comment) == ("yes", "Alle Gespräche — toutes")
        assert library.history("v1-assessment-0")[0].assessor == "Ana"
        library.set_answer(
            "v1-assessment-0", "call-centre-monitoring", "records_calls", Answer(value="no")
        )
        backups = library.backups()
    assert any("before-upgrade" in item.path.name for item in backups)
    old = sqlite3.connect(next(b.path for b in backups if "before-upgrade" in b.path.name))
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    old.close()
    connection = sqlite3.connect(data_home / "library.sqlite3")

    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    connection.close()


def test_read_only_open_of_an_old_library_upgrades_in_memory_only(data_home):
    path = data_home / "library.sqlite3"
    shutil.copyfile(FIXTURES / "library-v1.sqlite3", path)
    before = digest(path)
    with Library.open(read_only=True) as library:
        assert "upgraded in memory" in library.read_only_reason
        assert len(library.summaries()) == 2
    assert digest(path) == before


# --- backups -------------------------------------------------------------------------------


def test_backups_are_automatic_checked_and_rolling(data_home, questionnaire):
    with Library.open() as library:
        assert library.backups() == []  # nothing to back up yet
        library.create([questionnaire], Metadata())
    with Library.open() as library:
        automatic = library.backups()
        assert len(automatic) == 1 and "auto" in automatic[0].path.name
    with Library.open() as library:
        assert library.backups() == automatic  # the newest is less than a day old
        for _ in range(KEEP_BACKUPS + 2):
            library.backup()
        kept = library.backups()
    assert len(kept) == KEEP_BACKUPS
    assert automatic[0].path not in [item.path for item in kept]
    assert all(integrity(item.path) == ["ok"] for item in kept)
    assert not list((data_home / "backups").glob(".*tmp*"))


def test_restore_brings_a_backup_back_and_keeps_a_safety_copy(data_home, questionnaire):
    assessment_id = filled_library(data_home, questionnaire)
    with Library.open() as library:
        backup = library.backup()
        library.set_answer(assessment_id, "t", "notes", Answer(value="after the backup"))
        with pytest.raises(LibraryLocked):
            Library.restore_backup(backup.path)
    Library.restore_backup(backup.path)
    with Library.open() as library:
        assert library.get(assessment_id).answer("t", "notes").value == "note 2"
    copies = list((data_home / "backups" / "replaced").glob("*.sqlite3"))
    assert len(copies) == 1
    with Library.open(copies[0].parent) as safety:  # the replaced library is intact
        pass
    del safety
    shutil.copyfile(copies[0], data_home / "check.sqlite3")
    connection = sqlite3.connect(data_home / "check.sqlite3")
    assert connection.execute("SELECT count(*) FROM history").fetchone()[0] > 4
    connection.close()


def test_a_damaged_backup_is_not_restored(data_home, questionnaire):
    filled_library(data_home, questionnaire)
    bad = data_home / "backups" / "library-20240101T000000.000000Z-manual.sqlite3"
    bad.parent.mkdir(exist_ok=True)
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    before = digest(data_home / "library.sqlite3")
    with pytest.raises(LibraryError):
        Library.restore_backup(bad)
    assert digest(data_home / "library.sqlite3") == before


# --- read-only files and folders --------------------------------------------------------------


def _chattr(flag: str, *paths: Path) -> bool:
    result = subprocess.run(["chattr", flag, *map(str, paths)], capture_output=True)
    return result.returncode == 0


@pytest.fixture
def immutable():
    """Make paths immutable (chattr +i), which stops even root from writing them."""
    if shutil.which("chattr") is None:
        pytest.skip("chattr is not available")
    made: list[Path] = []

    def make(*paths: Path) -> None:
        for path in paths:
            if not _chattr("+i", path):
                pytest.skip("this filesystem does not support immutable files")
            made.append(path)
        probe = paths[-1] if paths[-1].is_dir() else paths[-1]
        try:
            if probe.is_dir():
                (probe / "probe").touch()
            else:
                probe.open("ab").close()
        except OSError:
            return
        pytest.fail("chattr +i did not stop writes")

    yield make
    for path in reversed(made):
        _chattr("-i", path)


def test_unwritable_library_file_opens_read_only_without_writing(
    data_home, questionnaire, immutable
):
    assessment_id = filled_library(data_home, questionnaire)
    path = data_home / "library.sqlite3"
    before = digest(path)
    immutable(path)
    with Library.open() as library:
        assert library.read_only
        assert "cannot be written" in library.read_only_reason
        assert library.get(assessment_id).answer("t", "notes").value == "note 2"
        with pytest.raises(LibraryReadOnly, match="read-only"):
            library.set_answer(assessment_id, "t", "notes", Answer(value="no"))
    assert digest(path) == before


def test_unwritable_data_folder_opens_read_only(data_home, questionnaire, immutable):
    assessment_id = filled_library(data_home, questionnaire)
    before = digest(data_home / "library.sqlite3")
    names = sorted(p.name for p in data_home.iterdir())
    immutable(data_home)
    with Library.open() as library:
        assert library.read_only and str(data_home) in library.read_only_reason
        assert library.summaries()[0].id == assessment_id
        with pytest.raises(LibraryReadOnly):
            library.delete(assessment_id)
    assert sorted(p.name for p in data_home.iterdir()) == names
    assert digest(data_home / "library.sqlite3") == before


# --- a second process ------------------------------------------------------------------------

SECOND = textwrap.dedent(
    """
    import sys
    from workerimpact.storage import Library, LibraryLocked
    try:
        library = Library.open(read_only=sys.argv[1] == "ro")
    except LibraryLocked as error:
        print("locked:", error)
        raise SystemExit(3)
    print("opened", library.read_only, [row.organization for row in library.summaries()])
    library.close()
    """
)


def run_second(mode: str, data_home: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", SECOND, mode],
        capture_output=True,
        text=True,
        cwd=REPOSITORY,
        timeout=60,
        env={**os.environ, "WORKERIMPACT_HOME": str(data_home)},
    )


def test_second_process_is_refused_while_the_library_is_open(data_home, questionnaire):
    filled_library(data_home, questionnaire)
    with Library.open() as library:
        library.create([questionnaire], Metadata(organization="Second"))
        refused = run_second("rw", data_home)
        assert refused.returncode == 3, refused.stderr
        assert "already open" in refused.stdout
        reader = run_second("ro", data_home)  # reading alongside is safe with WAL
        assert reader.returncode == 0, reader.stderr
        assert "Second" in reader.stdout and "Acme" in reader.stdout
        with pytest.raises(LibraryLocked):
            Library.open()
        assessment_id = library.summaries()[0].id
        library.set_answer(assessment_id, "t", "notes", Answer(value="still writable"))
    opened = run_second("rw", data_home)
    assert opened.returncode == 0, opened.stderr
    with Library.open() as library:
        assert library.get(assessment_id).answer("t", "notes").value == "still writable"
    assert integrity(data_home / "library.sqlite3") == ["ok"]


def test_example_questionnaire_assessment_survives_reopen(data_home):
    questionnaire = load_questionnaire(EXAMPLE)
    with Library.open() as library:
        assessment = library.create([questionnaire], Metadata())
        library.set_answer(assessment.id, questionnaire.id, "records_calls", Answer(value="yes"))
    with Library.open() as library:
        assert library.summaries()[0].answered == 1
