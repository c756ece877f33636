"""Every stored record is checked when read, and no state of the data folder is a traceback.

Damage inside rows that SQLite's own checks accept (a flipped digit in a stored
questionnaire, unreadable answer JSON, a broken date) gives "this assessment is damaged"
with backups offered, while the rest of the library keeps working. Folders, links and
leftovers where library files belong give a sentence and exit 1.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from helpers import minimal, questionnaire_from, scored_question

from workerimpact.assessment import Answer, Metadata
from workerimpact.cli import main
from workerimpact.storage import AssessmentDamaged, Library, LibraryError


@pytest.fixture
def questionnaire():
    return questionnaire_from(
        minimal(
            [
                scored_question("pace", "d1"),
                scored_question("cover", "d2", role="mitigation"),
                {"id": "notes", "type": "text", "text": "Notes on the system"},
            ]
        )
    )


@pytest.fixture
def two(data_home, questionnaire):
    """A library with a damaged-to-be assessment and a healthy one, and a backup."""
    with Library.open() as library:
        damaged = library.create([questionnaire], Metadata(organization="Damaged"))
        library.set_answer(damaged.id, "t", "pace", Answer(value="o1"))
        library.set_answer(damaged.id, "t", "notes", Answer(value="the note"))
        healthy = library.create([questionnaire], Metadata(organization="Healthy"))
        library.set_answer(healthy.id, "t", "notes", Answer(value="fine"))
        library.backup()
    return damaged.id, healthy.id


def tamper(folder: Path, sql: str, *parameters) -> None:
    connection = sqlite3.connect(folder / "library.sqlite3")
    connection.execute(sql, parameters)
    connection.commit()
    assert connection.execute("PRAGMA quick_check").fetchone()[0] == "ok"  # SQLite sees none
    connection.close()


def assert_rest_works(healthy: str, capsys) -> None:
    with Library.open() as library:
        assert library.get(healthy).answer("t", "notes").value == "fine"
        assert len(library.summaries()) == 2
    assert main(["library", "list"]) == 0
    assert "Healthy" in capsys.readouterr().out


def assert_damaged_everywhere(damaged: str, tmp_path: Path, capsys) -> AssessmentDamaged:
    with Library.open() as library:
        with pytest.raises(AssessmentDamaged) as caught:
            library.get(damaged)
    assert caught.value.assessment_id == damaged and caught.value.backups
    assert "is damaged" in str(caught.value) and "rest of the library" in str(caught.value)
    for command in (["score", damaged], ["library", "export", damaged, "-o", "out.json"]):
        os.chdir(tmp_path)
        assert main(command) == 1, command
        err = capsys.readouterr().err
        assert "is damaged" in err and "Traceback" not in err, err
    assert not (tmp_path / "out.json").exists()
    return caught.value


def test_a_flipped_digit_in_a_stored_questionnaire_is_caught(two, data_home, tmp_path, capsys):
    damaged, healthy = two
    connection = sqlite3.connect(data_home / "library.sqlite3")
    (content,) = connection.execute("SELECT content FROM questionnaires").fetchone()
    connection.close()
    data = json.loads(content)
    option = data["sections"][0]["questions"][0]["options"][0]
    option["score"] = option["score"] + 0.1  # 63.0 -> 63.1 in the tester's case
    tamper(data_home, "UPDATE questionnaires SET content = ?", json.dumps(data))
    error = assert_damaged_everywhere(damaged, tmp_path, capsys)
    assert "fingerprint (SHA-256)" in str(error)
    assert main(["export", damaged, "-o", str(tmp_path / "statement.pdf")]) == 1
    assert not (tmp_path / "statement.pdf").exists()  # no verifiable PDF of altered scores


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE answers SET value = '{broken' WHERE question_id = 'notes' AND assessment_id = ?",
        "UPDATE answers SET value = '\"o9\"' WHERE question_id = 'pace' AND assessment_id = ?",
        "UPDATE answers SET question_id = 'gone' WHERE question_id = 'notes' AND assessment_id = ?",
        "UPDATE assessments SET updated = 'not a date', created = 7 WHERE id = ?",
        "UPDATE assessments SET revision = 'two' WHERE id = ?",
        "DELETE FROM assessment_questionnaires WHERE assessment_id = ?",
    ],
    ids=["answer-json", "answer-option", "answer-question", "dates", "revision", "links"],
)
def test_damage_in_one_assessment_is_named_and_the_rest_works(
    two, data_home, tmp_path, capsys, sql
):
    damaged, healthy = two
    tamper(data_home, sql, damaged)
    assert_damaged_everywhere(damaged, tmp_path, capsys)
    assert_rest_works(healthy, capsys)


def test_a_damaged_row_is_listed_as_damaged(two, data_home, capsys):
    damaged, healthy = two
    tamper(data_home, "UPDATE assessments SET titles = '[', updated = 'x' WHERE id = ?", damaged)
    with Library.open() as library:
        rows = {row.id: row for row in library.summaries()}
    assert rows[damaged].damaged and not rows[healthy].damaged
    assert main(["library", "list", "--json"]) == 0
    listed = {row["id"]: row for row in json.loads(capsys.readouterr().out)}
    assert listed[damaged]["damaged"] is True
    assert main(["library", "list"]) == 0
    assert "DAMAGED" in capsys.readouterr().out


def test_damaged_history_is_named(two, data_home):
    damaged, _ = two
    tamper(data_home, "UPDATE history SET new = '{' WHERE assessment_id = ?", damaged)
    with Library.open() as library, pytest.raises(AssessmentDamaged, match="history"):
        library.history(damaged)


# --- any state of the data folder ------------------------------------------------------------


def _states(folder: Path, elsewhere: Path) -> dict[str, object]:
    library = folder / "library.sqlite3"

    def replace_with_folder(name: str):
        def make():
            path = folder / name
            if path.exists():
                path.unlink()
            path.mkdir()

        return make

    def link(name: str, target: Path):
        def make():
            path = folder / name
            if path.exists():
                path.rename(elsewhere / name)
                target_path = elsewhere / name
            else:
                target_path = target
            path.symlink_to(target_path)

        return make

    return {
        "library-is-a-folder": replace_with_folder("library.sqlite3"),
        "wal-is-a-folder": replace_with_folder("library.sqlite3-wal"),
        "shm-is-a-folder": replace_with_folder("library.sqlite3-shm"),
        "lock-is-a-folder": replace_with_folder("library.lock"),
        "library-is-a-link": link("library.sqlite3", library),
        "library-is-a-dangling-link": lambda: (
            library.unlink(),
            library.symlink_to(elsewhere / "nothing"),
        ),
        "wal-is-a-link": link("library.sqlite3-wal", elsewhere / "wal"),
        "lock-is-a-link": link("library.lock", elsewhere / "lock"),
        "backups-is-a-file": lambda: (
            __import__("shutil").rmtree(folder / "backups"),
            (folder / "backups").write_bytes(b"x"),
        ),
        "replaced-is-a-file": lambda: (folder / "backups" / "replaced").write_bytes(b"x"),
        "garbage-wal": lambda: (folder / "library.sqlite3-wal").write_bytes(os.urandom(5000)),
        "garbage-journal": lambda: (folder / "library.sqlite3-journal").write_bytes(
            os.urandom(5000)
        ),
        "library-missing": lambda: library.unlink(),
        "empty-library": lambda: library.write_bytes(b""),
        "data-folder-is-a-file": lambda: (
            __import__("shutil").rmtree(folder),
            folder.write_bytes(b"x"),
        ),
    }


STATE_NAMES = list(_states(Path("a"), Path("b")))
COMMANDS = [
    ["library", "list"],
    ["library", "backup"],
    ["library", "export", "someid", "-o", "out.json"],
    ["library", "restore"],
    ["library", "restore", "latest"],
    ["score", "someid"],
]


@pytest.mark.parametrize("state", STATE_NAMES)
def test_no_state_of_the_data_folder_is_a_traceback(
    data_home, tmp_path, questionnaire, capsys, state
):
    with Library.open() as library:
        library.create([questionnaire], Metadata(organization="Acme"))
        library.backup()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    _states(data_home, elsewhere)[state]()
    os.chdir(tmp_path)
    for command in COMMANDS:
        code = main(command)  # an exception here is the traceback a user would see
        captured = capsys.readouterr()
        assert code in (0, 1), (command, code, captured.err)
        if code == 1:
            assert captured.err.startswith("workerimpact:"), (command, captured.err)
    try:
        Library.open().close()
    except LibraryError:
        pass  # a sentence; anything else fails the test


def test_one_damaged_assessment_is_recovered_from_a_backup_and_nothing_else_changes(
    two, data_home, capsys
):
    damaged, healthy = two
    with Library.open() as library:
        library.set_answer(healthy, "t", "notes", Answer(value="changed after the backup"))
    tamper(data_home, "UPDATE answers SET value = '{' WHERE assessment_id = ?", damaged)
    assert main(["score", damaged]) == 1
    assert f"workerimpact library recover {damaged}" in capsys.readouterr().err
    assert main(["library", "recover", damaged]) == 0
    assert "recovered" in capsys.readouterr().out
    with Library.open() as library:
        assert library.get(damaged).answer("t", "notes").value == "the note"
        assert library.get(damaged).answer("t", "pace").value == "o1"
        assert library.get(healthy).answer("t", "notes").value == "changed after the backup"
        history = library.history(damaged)
        assert history[-1].field == "recovered" and history[0].field == "created"
        assert len(library.summaries()) == 2
    assert main(["score", damaged]) == 0


def test_recover_says_so_when_no_backup_holds_the_assessment(data_home, questionnaire, capsys):
    with Library.open() as library:
        assessment = library.create([questionnaire], Metadata(organization="New"))
    assert main(["library", "recover", assessment.id]) == 1  # only a damaged one is
    assert "not damaged" in capsys.readouterr().err
    for backup in (data_home / "backups").glob("*.sqlite3"):
        backup.unlink()
    tamper(data_home, "UPDATE assessments SET created = 'x' WHERE id = ?", assessment.id)
    assert main(["library", "recover", assessment.id]) == 1  # its only backup is damaged too
    assert "No backup holds" in capsys.readouterr().err
