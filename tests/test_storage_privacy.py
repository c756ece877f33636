"""The library is private at rest: folder 0700, every file 0600, whatever the umask; another
local user can read none of it; an existing open folder is tightened once, with a notice;
exports keep the user's umask."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest
from helpers import REPOSITORY, minimal, questionnaire_from, scored_question

from workerimpact.assessment import Answer, Metadata
from workerimpact.storage import Library

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


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


@pytest.fixture
def umask():
    """Set the process umask for one test (restored after)."""
    saved = os.umask(0o022)
    os.umask(saved)

    def set_umask(value: int) -> None:
        os.umask(value)

    yield set_umask
    os.umask(saved)


def modes(folder: Path) -> dict[str, int]:
    """Every entry under ``folder`` (and the folder itself) with its permission bits."""
    found = {".": stat.S_IMODE(folder.lstat().st_mode)}
    for path in folder.rglob("*"):
        found[str(path.relative_to(folder))] = stat.S_IMODE(path.lstat().st_mode)
    return found


def assert_private(folder: Path) -> None:
    for name, mode in modes(folder).items():
        is_dir = (folder / name).is_dir()
        assert mode & 0o077 == 0, f"{name} is {oct(mode)}"
        assert mode & 0o700 == (0o700 if is_dir else 0o600), f"{name} is {oct(mode)}"


def fill(library: Library, questionnaire) -> str:
    assessment = library.create([questionnaire], Metadata(organization="Acme"))
    library.set_answer(assessment.id, "t", "notes", Answer(value="back injury, depression"))
    return assessment.id


@pytest.mark.parametrize("mask", [0o000, 0o022, 0o002])
def test_every_file_of_the_library_is_private_whatever_the_umask(
    tmp_path, questionnaire, umask, mask
):
    umask(mask)
    folder = tmp_path / "fresh" / "WorkerImpact"
    with Library.open(folder) as library:
        assessment_id = fill(library, questionnaire)
        library.backup()
        names = {path.name for path in folder.iterdir()}
        assert {"library.sqlite3-wal", "library.sqlite3-shm", "library.lock"} <= names
        assert_private(folder)  # while open: the write-ahead log holds the latest answers
    with Library.open(folder) as library:
        backup = library.backup()
        library.set_answer(assessment_id, "t", "notes", Answer(value="later"))
    Library.restore_backup(backup.path, folder)
    with Library.open(folder) as library:
        assert library.get(assessment_id).answer("t", "notes").value.startswith("back")
        assert library.notices == ()  # nothing was ever open to others
    assert (folder / "backups" / "replaced").is_dir()
    assert_private(folder)


def test_an_open_folder_is_tightened_once_and_the_user_told(data_home, questionnaire):
    with Library.open() as library:
        fill(library, questionnaire)
        library.backup()
    for path in [data_home, *data_home.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    with Library.open(read_only=True) as library:  # a CLI listing tightens too
        assert len(library.notices) == 1
        assert "private to you" in library.notices[0] and str(data_home) in library.notices[0]
    assert_private(data_home)
    with Library.open() as library:
        assert library.notices == ()  # told once
    data_home.chmod(0o750)
    with Library.open() as library:
        assert "could be read by other people" in library.notices[0]
    assert_private(data_home)
    next(data_home.glob("backups/*.sqlite3")).chmod(0o644)  # copied in by hand, say
    with Library.open() as library:
        assert library.notices[0].startswith("1 file(s) in the data folder")
    assert_private(data_home)


def test_a_deliberately_read_only_library_file_stays_read_only(data_home, questionnaire):
    with Library.open() as library:
        fill(library, questionnaire)
    path = data_home / "library.sqlite3"
    path.chmod(0o444)
    with Library.open(read_only=True):
        pass
    assert stat.S_IMODE(path.stat().st_mode) == 0o400  # others lose read, the owner keeps it


def test_exports_keep_the_users_umask(data_home, tmp_path, questionnaire, umask):
    umask(0o022)
    with Library.open() as library:
        assessment_id = fill(library, questionnaire)
        library.export_file(assessment_id, tmp_path / "shared.json")
    assert stat.S_IMODE((tmp_path / "shared.json").stat().st_mode) == 0o644


NOBODY = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    folder = Path(sys.argv[1])
    for name in sys.argv[2:]:
        try:
            open(folder / name, "rb").read(1)
        except PermissionError:
            print("denied", name)
        else:
            print("READ", name)
    """
)


def as_nobody(*arguments: str, home: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [shutil.which("setpriv"), "--reuid=nobody", "--regid=nogroup", "--clear-groups",
         sys.executable, *arguments],
        capture_output=True, text=True, cwd="/", timeout=120,
        env={**os.environ, "PYTHONPATH": str(REPOSITORY), "WORKERIMPACT_HOME": str(home),
             "HOME": "/nonexistent"},
    )  # fmt: skip


@pytest.fixture
def nobody_can_run():
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("needs root and setpriv to act as a second, unprivileged user")
    probe = as_nobody("-c", "import workerimpact.storage", home=Path("/nonexistent"))
    if probe.returncode != 0:
        pytest.skip(f"user nobody cannot run this checkout's Python: {probe.stderr[-200:]}")


@pytest.fixture
def shared_base():
    """A folder every user may enter (tmp_path may sit under a private one)."""
    base = Path(tempfile.mkdtemp(prefix="workerimpact-privacy-"))
    base.chmod(0o755)
    yield base
    shutil.rmtree(base, ignore_errors=True)


def test_another_local_user_can_read_nothing(nobody_can_run, shared_base, questionnaire, umask):
    umask(0o022)
    folder = shared_base / "home"
    with Library.open(folder) as library:
        fill(library, questionnaire)
        backup = library.backup()
        names = ["library.sqlite3", "library.sqlite3-wal", "library.sqlite3-shm",
                 "library.lock", f"backups/{backup.path.name}"]  # fmt: skip
        assert all((folder / name).exists() for name in names)
        result = as_nobody("-c", NOBODY, str(folder), *names, home=folder)
        assert result.stdout.split("\n")[:-1] == [f"denied {name}" for name in names]
        listing = as_nobody("-m", "workerimpact", "library", "list", home=folder)
        assert listing.returncode == 1, listing.stderr
        assert "private to the account that made it" in listing.stderr
        assert "Traceback" not in listing.stderr and "back injury" not in listing.stdout
    # Even opened to others on purpose, the files themselves stay closed to them.
    folder.chmod(0o755)
    result = as_nobody("-c", NOBODY, str(folder), *names[:1], names[-1], home=folder)
    assert "READ" not in result.stdout, result.stdout + result.stderr


def test_an_unreadable_library_of_ones_own_is_a_message(nobody_can_run, shared_base, questionnaire):
    """A library file of mode 000, or a folder where it belongs: a sentence, exit 1."""
    folder = shared_base / "home"
    with Library.open(folder) as library:
        fill(library, questionnaire)
        library.backup()
    for path in [folder, *folder.rglob("*")]:
        os.chown(path, 65534, 65534)  # nobody's own library
    (folder / "library.sqlite3").chmod(0o000)
    for command in (["library", "list"], ["library", "backup"], ["library", "restore", "1"]):
        result = as_nobody("-m", "workerimpact", *command, home=folder)
        assert result.returncode == 1, (command, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr, result.stderr
        assert "cannot be read" in result.stderr or "Permission denied" in result.stderr
    (folder / "library.sqlite3").chmod(0o600)
    (folder / "backups").chmod(0o000)
    result = as_nobody("-m", "workerimpact", "library", "backup", home=folder)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert "backup could not be made" in result.stderr
