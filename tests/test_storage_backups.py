"""Backups that are real and restores that drop nothing.

A backup on a nearly full disk is a whole, checked file or an error (never a success with a
truncated copy); pruning removes unusable backups first and keeps the newest usable one;
leftovers of killed backups and exports go on the next run; a restore killed at any file
system call (strace fault injection) leaves the old library or the new one, each whole.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from helpers import REPOSITORY, minimal, questionnaire_from, scored_question

from workerimpact.assessment import Answer, Metadata
from workerimpact.cli import main
from workerimpact.files import claim
from workerimpact.storage import Library, LibraryError, StorageFull
from workerimpact.storage.backups import KEEP_BACKUPS, list_backups, usable

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


def integrity(path: Path) -> list[str]:
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        return [row[0] for row in connection.execute("PRAGMA integrity_check")]
    finally:
        connection.close()


def filled(folder: Path, questionnaire, answers: int = 1, size: int = 10) -> str:
    with Library.open(folder) as library:
        assessment = library.create([questionnaire], Metadata(organization="Acme"))
        for number in range(answers):
            value = f"{number} " + "x" * size
            library.set_answer(assessment.id, "t", "notes", Answer(value=value))
        return assessment.id


def leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.rglob(".*tmp*"))


# --- a nearly full disk ---------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path):
    """An 8 MB tmpfs of our own, so the disk can really be filled."""
    mount = tmp_path / "small"
    mount.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("needs root to mount a small file system")
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=8m,mode=0755", "tmpfs", str(mount)],
        capture_output=True,
    )
    if result.returncode != 0:
        pytest.skip(f"cannot mount a small file system here: {result.stderr.decode()[-200:]}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def fill_disk(mount: Path, leave: int) -> Path:
    """Write a ballast file so that about ``leave`` bytes stay free."""
    ballast = mount / "ballast"
    ballast.unlink(missing_ok=True)
    free = shutil.disk_usage(mount).free
    with ballast.open("wb") as stream:
        stream.write(b"\0" * max(0, free - leave))
    return ballast


def test_a_backup_on_a_nearly_full_disk_is_whole_or_an_error(
    small_disk, questionnaire, monkeypatch, capsys
):
    folder = small_disk / "home"
    monkeypatch.setenv("WORKERIMPACT_HOME", str(folder))
    filled(folder, questionnaire, answers=40, size=2000)
    library_size = (folder / "library.sqlite3").stat().st_size
    outcomes = []
    for tenths in range(3, 26, 2):  # free space from 0.3 to 2.5 times the library
        fill_disk(small_disk, library_size * tenths // 10)
        before = {item.path for item in list_backups(folder)}
        code = main(["library", "backup"])
        err = capsys.readouterr().err
        made = [item for item in list_backups(folder) if item.path not in before]
        assert all(integrity(item.path) == ["ok"] for item in made), tenths  # auto ones too
        manual = [item for item in made if item.path.name.endswith("-manual.sqlite3")]
        if code == 0:
            assert len(manual) == 1, tenths
        else:
            assert code == 1 and manual == [], (tenths, err)
            assert "backup could not be made" in err and "disk is full" in err, err
            assert "Traceback" not in err
        assert leftovers(folder) == []
        outcomes.append(code)
    assert 0 in outcomes and 1 in outcomes, outcomes
    assert all(usable(item.path) for item in list_backups(folder))
    fill_disk(small_disk, library_size // 2)
    assert main(["library", "restore", "latest"]) == 1  # no room for the two copies it needs
    assert "not restored: the disk is full" in capsys.readouterr().err
    assert integrity(folder / "library.sqlite3") == ["ok"] and leftovers(folder) == []
    replaced = folder / "backups" / "replaced"
    assert all(usable(path) for path in replaced.glob("*.sqlite3"))  # no half copies
    (small_disk / "ballast").unlink()
    assert main(["library", "restore", "latest"]) == 0
    assert integrity(folder / "library.sqlite3") == ["ok"]


def test_automatic_and_before_upgrade_backups_on_a_full_disk(small_disk, questionnaire):
    folder = small_disk / "home"
    filled(folder, questionnaire, answers=40, size=2000)
    ballast = fill_disk(small_disk, 80_000)  # room to open, not to copy
    with Library.open(folder) as library:  # no backup yet: one is due, and fails
        assert "disk is full" in library.backup_problem
        assert library.backups() == []
    assert leftovers(folder) == []
    ballast.unlink()
    old = small_disk / "old"
    old.mkdir()
    shutil.copyfile(FIXTURES / "library-v1.sqlite3", old / "library.sqlite3")
    fill_disk(small_disk, 80_000)
    with pytest.raises(StorageFull) as caught:
        Library.open(old)
    assert "upgrade" in str(caught.value) and "not opened" in str(caught.value)
    connection = sqlite3.connect(old / "library.sqlite3")
    assert connection.execute("PRAGMA user_version").fetchone()[0] == 1  # not upgraded
    connection.close()
    assert leftovers(old) == [] and list_backups(old) == []


# --- pruning and choosing ------------------------------------------------------------------


def test_pruning_drops_unusable_backups_first_and_keeps_the_newest_usable(
    data_home, questionnaire, capsys
):
    filled(data_home, questionnaire)
    with Library.open() as library:
        for _ in range(KEEP_BACKUPS):
            library.backup()
    backups = list_backups(data_home)
    for item in backups[:3]:  # the three newest are cut short, as on a full disk
        with item.path.open("r+b") as stream:
            stream.truncate(item.size // 2)
    assert main(["library", "restore", "latest"]) == 0  # passes over the damaged ones
    assert "skipping" in capsys.readouterr().err
    with Library.open() as library:
        library.backup()
    kept = list_backups(data_home)
    assert len(kept) == KEEP_BACKUPS + 1 - 3 and all(usable(item.path) for item in kept)
    assert not {item.path for item in backups[:3]} & {item.path for item in kept}
    assert backups[3].path in {item.path for item in kept}


def test_when_every_backup_is_damaged_restore_latest_says_so(data_home, questionnaire, capsys):
    filled(data_home, questionnaire)
    with Library.open() as library:
        library.backup()
    for item in list_backups(data_home):
        item.path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    assert main(["library", "restore", "latest"]) == 1
    assert "None of the 2 backups" in capsys.readouterr().err


# --- leftovers of killed backups and exports -------------------------------------------------


def test_leftovers_of_killed_backups_and_exports_are_removed_on_the_next_run(
    data_home, tmp_path, questionnaire
):
    assessment_id = filled(data_home, questionnaire)
    backups = data_home / "backups"
    backups.mkdir(exist_ok=True)
    old = time.time() - 3600
    stale = [backups / ".library-20240101T000000.000000Z-auto.sqlite3.tmp",
             backups / ".library-20240101T000000.000000Z-auto.sqlite3.tmp-journal",
             tmp_path / ".statement.json.abc123.tmp"]  # fmt: skip
    for path in stale:
        path.write_bytes(b"a copy of the data")
        os.utime(path, (old, old))
    busy = backups / ".library-20240102T000000.000000Z-manual.sqlite3.tmp"
    busy.write_bytes(b"being written by another process")
    os.utime(busy, (old, old))
    holder = os.open(busy, os.O_RDWR)
    try:
        claim(holder)  # another open file description holds it, as a running process would
        with Library.open() as library:
            library.export_file(assessment_id, tmp_path / "statement.json")
        assert not any(path.exists() for path in stale)
        assert busy.exists()
    finally:
        os.close(holder)
    with Library.open():
        pass
    assert not busy.exists()


# --- restore under fault injection -----------------------------------------------------------

CRASH_WRITER = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from workerimpact.assessment import Answer
    from workerimpact.storage import Library
    library = Library.open(Path(sys.argv[1]))
    library.set_answer(sys.argv[2], "t", "notes", Answer(value="saved after the backup"))
    os.kill(os.getpid(), signal.SIGKILL)  # the answer stays in the write-ahead log
    """
)
RESTORE = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from workerimpact.storage.backups import restore_backup
    restore_backup(Path(sys.argv[1]), Path(sys.argv[2]))
    """
)
CALLS = ("unlink", "unlinkat", "rename", "renameat", "renameat2", "fsync", "fdatasync",
         "ftruncate")  # fmt: skip
"""The calls that change what survives a crash; a kill before one is a kill after the last."""


def _strace(folder: Path, backup: Path, *options: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["strace", "-f", *options, sys.executable, "-c", RESTORE, str(backup), str(folder)],
        capture_output=True, text=True, timeout=60, cwd=REPOSITORY,
        env={**os.environ, "PYTHONPATH": str(REPOSITORY)},
    )  # fmt: skip


def test_a_restore_killed_at_any_file_system_call_drops_nothing(tmp_path, questionnaire):
    if shutil.which("strace") is None:
        pytest.skip("strace is not installed (scripts/bootstrap.sh installs it)")
    template = tmp_path / "template"
    assessment_id = filled(template, questionnaire)
    with Library.open(template) as library:
        backup = library.backup()
    subprocess.run(
        [sys.executable, "-c", CRASH_WRITER, str(template), assessment_id],
        cwd=REPOSITORY, env={**os.environ, "PYTHONPATH": str(REPOSITORY)}, timeout=60,
    )  # fmt: skip
    assert (template / "library.sqlite3-wal").stat().st_size > 0  # a crash log to keep
    log = tmp_path / "calls.log"
    shutil.copytree(template, tmp_path / "count", symlinks=True)
    counted = _strace(tmp_path / "count", backup.path, "-o", str(log), "-e",
                      f"trace={','.join(CALLS)}")  # fmt: skip
    if counted.returncode != 0 and "ptrace" in counted.stderr:
        pytest.skip(f"strace cannot trace here: {counted.stderr[-200:]}")
    assert counted.returncode == 0, counted.stderr
    counts: dict[str, int] = {}  # each call, counted separately as strace's when= does
    for line in log.read_text().splitlines():
        match = re.match(r"\d+\s+(\w+)\(", line)
        if match:
            counts[match.group(1)] = counts.get(match.group(1), 0) + 1
    outcomes = {"old": 0, "new": 0}
    runs = 0
    for call, total in counts.items():
        for number in range(1, total + 1):
            folder = tmp_path / f"run-{call}-{number}"
            shutil.copytree(template, folder, symlinks=True)
            result = _strace(folder, backup.path, "-o", "/dev/null", "-e", f"trace={call}",
                             "-e", f"inject={call}:signal=KILL:when={number}")  # fmt: skip
            runs += 1
            killed = result.returncode in (-signal.SIGKILL, 128 + signal.SIGKILL)
            assert killed or result.returncode == 0, result.stderr[-2000:]
            with Library.open(folder) as library:
                value = library.get(assessment_id).answer("t", "notes").value
            assert value in ("saved after the backup", "0 xxxxxxxxxx"), (call, number, value)
            outcomes["old" if value == "saved after the backup" else "new"] += 1
            assert integrity(folder / "library.sqlite3") == ["ok"]
            replaced = list((folder / "backups" / "replaced").glob("library-*.sqlite3"))
            if value != "saved after the backup":  # the old library is kept, with its answer
                assert len(replaced) == 1, (call, number)
                check = tmp_path / "check"
                check.mkdir()
                shutil.copyfile(replaced[0], check / "library.sqlite3")
                with Library.open(check, read_only=True) as safety:
                    kept = safety.get(assessment_id).answer("t", "notes").value
                assert kept == "saved after the backup", (call, number)
                shutil.rmtree(check)
            Library.restore_backup(backup.path, folder)  # and a restore can always finish
            shutil.rmtree(folder)
    assert runs >= 10 and outcomes["old"] and outcomes["new"], (runs, outcomes, counts)


def test_restore_refuses_a_symlinked_library(data_home, tmp_path, questionnaire):
    filled(data_home, questionnaire)
    with Library.open() as library:
        backup = library.backup()
    elsewhere = tmp_path / "elsewhere.sqlite3"
    (data_home / "library.sqlite3").rename(elsewhere)
    (data_home / "library.sqlite3").symlink_to(elsewhere)
    with pytest.raises(LibraryError, match="symbolic link"):
        Library.restore_backup(backup.path)
    assert not (data_home / "backups" / "replaced").exists()
    assert (data_home / "library.sqlite3").is_symlink()


BACKUP = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from workerimpact.storage import Library
    Library.open(Path(sys.argv[1])).backup()
    """
)


def test_a_backup_killed_before_its_rename_leaves_a_copy_the_next_run_removes(
    data_home, questionnaire
):
    if shutil.which("strace") is None:
        pytest.skip("strace is not installed (scripts/bootstrap.sh installs it)")
    filled(data_home, questionnaire)
    with Library.open():
        pass  # the automatic backup is made now, so the next rename is the manual one's
    result = subprocess.run(
        ["strace", "-f", "-o", "/dev/null", "-e", "trace=rename",
         "-e", "inject=rename:signal=KILL:when=1",
         sys.executable, "-c", BACKUP, str(data_home)],
        capture_output=True, text=True, timeout=60, cwd=REPOSITORY,
        env={**os.environ, "PYTHONPATH": str(REPOSITORY)},
    )  # fmt: skip
    if "ptrace" in result.stderr:
        pytest.skip(f"strace cannot trace here: {result.stderr[-200:]}")
    assert result.returncode in (-signal.SIGKILL, 128 + signal.SIGKILL), result.stderr
    (left,) = (data_home / "backups").glob(".library-*-manual.sqlite3.tmp")
    assert left.stat().st_mode & 0o077 == 0  # a full copy of the data, but private
    with Library.open():
        pass
    assert left.exists()  # under 10 s old: it might still be being written
    old = time.time() - 60
    os.utime(left, (old, old))
    with Library.open():
        pass
    assert leftovers(data_home) == []


def test_a_restore_while_another_program_reads_the_library_changes_nothing(
    data_home, questionnaire
):
    assessment_id = filled(data_home, questionnaire)
    with Library.open() as library:
        backup = library.backup()
        library.set_answer(assessment_id, "t", "notes", Answer(value="newer"))
    reader = sqlite3.connect(data_home / "library.sqlite3")
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM answers").fetchone()  # holds a read lock
    try:
        with pytest.raises(LibraryError, match="backup was not restored.*another program"):
            Library.restore_backup(backup.path)
    finally:
        reader.close()
    with Library.open() as library:
        assert library.get(assessment_id).answer("t", "notes").value == "newer"
