"""Read-only commands tell what they cannot see and leave refused libraries as found; the
messages after a failed open or backup say what failed (issue 10, item 7)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap

import pytest
from helpers import REPOSITORY
from test_storage_faults import filled_library, future_library, immutable, questionnaire

from workerimpact.cli import main
from workerimpact.storage import Library, LibraryError, LibraryTooNew

__all__ = ["immutable", "questionnaire"]  # fixtures used by name

CRASH = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from workerimpact.assessment import Answer
    from workerimpact.storage import Library
    library = Library.open(Path(sys.argv[1]))
    library.set_answer(sys.argv[2], "t", "notes", Answer(value="the last saved answer"))
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


def test_export_from_a_read_only_folder_warns_of_changes_it_cannot_read(
    data_home, tmp_path, questionnaire, immutable, capsys
):
    assessment_id = filled_library(data_home, questionnaire)
    subprocess.run(
        [sys.executable, "-c", CRASH, str(data_home), assessment_id],
        cwd=REPOSITORY, env={**os.environ, "PYTHONPATH": str(REPOSITORY)}, timeout=60,
    )  # fmt: skip
    (data_home / "library.sqlite3-shm").unlink()
    assert (data_home / "library.sqlite3-wal").stat().st_size > 0
    immutable(data_home)
    output = tmp_path / "out.json"
    assert main(["library", "export", assessment_id, "-o", str(output)]) == 0
    err = capsys.readouterr().err
    assert "may be missing" in err and "write-ahead log" in err, err


@pytest.mark.parametrize("damage", ["too-new", "damaged"])
def test_read_only_commands_leave_a_refused_wal_library_as_found(
    data_home, questionnaire, capsys, damage
):
    path = future_library(data_home, questionnaire, "user_version")
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=WAL")  # as a newer version might leave it
    connection.close()
    if damage == "damaged":
        data = bytearray(path.read_bytes())
        data[4096 * 2 : 4096 * 2 + 64] = os.urandom(64)
        path.write_bytes(bytes(data))
    names = sorted(item.name for item in data_home.iterdir())
    for command in (["library", "list"], ["library", "export", "x", "-o", "x.json"]):
        assert main(command) == 1
        assert capsys.readouterr().err.startswith("workerimpact:")
        assert sorted(item.name for item in data_home.iterdir()) == names


def test_a_newer_migration_is_named_without_a_contradiction(data_home, questionnaire):
    future_library(data_home, questionnaire, "unknown_migration")
    with pytest.raises(LibraryTooNew) as caught:
        Library.open()
    text = str(caught.value)
    assert "does not know" in text and "this version understands 2" not in text


def test_a_failed_open_does_not_speak_of_an_unsaved_change(data_home, questionnaire):
    filled_library(data_home, questionnaire)
    (data_home / "library.sqlite3-wal").write_bytes(b"")
    os.symlink(data_home / "library.sqlite3-wal", data_home / "link")
    (data_home / "library.sqlite3-wal").unlink()
    (data_home / "link").rename(data_home / "library.sqlite3-wal")  # a -wal symlink
    with pytest.raises(LibraryError) as caught:
        Library.open()
    text = str(caught.value)
    assert "symbolic link" in text
    assert "change was not saved" not in text and "Check that the data folder exists" not in text
