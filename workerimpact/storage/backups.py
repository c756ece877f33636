"""Rolling backups of the library, and bringing one back.

A backup is made with SQLite's online backup API into a temporary file in
``<data folder>/backups/``, checked with ``PRAGMA integrity_check``, synced, then renamed
into place, so a backup file is either complete and checked or absent. The newest
``KEEP_BACKUPS`` are kept. Restoring first copies the current library (damaged or not)
into ``backups/replaced/``, then swaps the backup in with an atomic rename.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
import shutil
import sqlite3
from pathlib import Path

from workerimpact.files import sync_folder
from workerimpact.storage.database import (
    LIBRARY_FILE,
    LOCK_FILE,
    ProcessLock,
    configure,
    connect,
    header_problem,
    inspect,
)
from workerimpact.storage.errors import (
    LibraryCorrupt,
    LibraryError,
    LibraryTooNew,
    StorageFull,
    translate,
)
from workerimpact.storage.records import BackupInfo

BACKUP_FOLDER = "backups"
REPLACED_FOLDER = "replaced"
KEEP_BACKUPS = 10
"""How many backups are kept; older ones are deleted when a new one is made."""
KEEP_REPLACED = 5
"""How many safety copies of replaced libraries are kept."""
BACKUP_INTERVAL = dt.timedelta(days=1)
"""Opening the library makes a backup when the newest is older than this."""

_NAME = re.compile(r"^library-(\d{8}T\d{6}\.\d{6}Z)(?:-[a-z-]+)?\.sqlite3$")
_STAMP = "%Y%m%dT%H%M%S.%fZ"


def backups_dir(folder: Path) -> Path:
    """The folder holding a library's backups."""
    return folder / BACKUP_FOLDER


def list_backups(folder: Path) -> list[BackupInfo]:
    """The library's backups, newest first."""
    found: list[BackupInfo] = []
    directory = backups_dir(folder)
    if not directory.is_dir():
        return found
    for path in directory.iterdir():
        match = _NAME.match(path.name)
        if not match or not path.is_file():
            continue
        created = dt.datetime.strptime(match.group(1), _STAMP).replace(tzinfo=dt.UTC)
        found.append(BackupInfo(path=path, created=created, size=path.stat().st_size))
    found.sort(key=lambda item: item.created, reverse=True)
    return found


def _stamp() -> str:
    return dt.datetime.now(dt.UTC).strftime(_STAMP)


def _sync_file(path: Path) -> None:
    with path.open("rb+") as stream:
        os.fsync(stream.fileno())


def _os_error(error: OSError, what: str) -> LibraryError:
    if error.errno == errno.ENOSPC:
        return StorageFull(f"{what} failed because the disk is full. Free some space, then retry.")
    return LibraryError(f"{what} failed: {error.strerror or error}.")


def make_backup(source: sqlite3.Connection, folder: Path, reason: str = "") -> BackupInfo:
    """Copy the open library into a new checked backup file; keep the newest few.

    ``reason`` (``auto``, ``before-upgrade``, ``manual``) is appended to the file name.
    """
    directory = backups_dir(folder)
    name = f"library-{_stamp()}{'-' + reason if reason else ''}.sqlite3"
    target = directory / name
    temporary = directory / f".{name}.tmp"
    try:
        directory.mkdir(parents=True, exist_ok=True)
        destination = sqlite3.connect(str(temporary), check_same_thread=False)
        try:
            configure(destination)
            source.backup(destination)
            rows = [row[0] for row in destination.execute("PRAGMA integrity_check")]
            if rows != ["ok"]:
                raise LibraryError(
                    f"The backup could not be made: the copy failed its check ({rows[0]}). "
                    "The library itself was not changed."
                )
        finally:
            destination.close()  # checkpoints the copy's write-ahead log into the file
        _sync_file(temporary)
        os.replace(temporary, target)
        sync_folder(directory)
    except sqlite3.Error as error:
        raise translate(error, temporary) from None
    except OSError as error:
        raise _os_error(error, "Making a backup") from None
    finally:
        for leftover in (temporary, Path(f"{temporary}-wal"), Path(f"{temporary}-shm")):
            if leftover.exists():
                leftover.unlink(missing_ok=True)
    _prune(folder)
    return BackupInfo(path=target, created=_created(target), size=target.stat().st_size)


def _created(path: Path) -> dt.datetime:
    match = _NAME.match(path.name)
    assert match is not None
    return dt.datetime.strptime(match.group(1), _STAMP).replace(tzinfo=dt.UTC)


def _prune(folder: Path) -> None:
    for old in list_backups(folder)[KEEP_BACKUPS:]:
        old.path.unlink(missing_ok=True)
    replaced = backups_dir(folder) / REPLACED_FOLDER
    if replaced.is_dir():
        copies = sorted(replaced.glob("library-*.sqlite3"), reverse=True)
        for old in copies[KEEP_REPLACED:]:
            old.unlink(missing_ok=True)
            Path(f"{old}-wal").unlink(missing_ok=True)


def check_backup(backup: Path) -> None:
    """Raise ``LibraryError`` unless ``backup`` is a whole library this version can open."""
    if not backup.is_file():
        raise LibraryError(f"There is no backup file {backup}.")
    problem = header_problem(backup)
    if problem:
        raise LibraryCorrupt(f"The backup {backup} cannot be used: {problem}.")
    try:
        connection = connect(backup, read_only=True, immutable=True)
    except sqlite3.Error as error:
        raise LibraryCorrupt(f"The backup {backup} cannot be used: {error}.") from None
    try:
        inspect(connection, backup)
    except LibraryCorrupt:
        raise LibraryCorrupt(f"The backup {backup} is damaged; choose another one.") from None
    except LibraryTooNew as error:
        raise LibraryTooNew(str(error).replace("library", "backup", 1)) from None
    finally:
        connection.close()


def restore_backup(backup: Path, folder: Path) -> Path | None:
    """Replace the library in ``folder`` with ``backup``; return the safety copy made, if any.

    The library must not be open (``LibraryLocked`` otherwise). The backup is checked
    first; the current library file (and its write-ahead log) is copied to
    ``backups/replaced/`` before the backup is renamed into its place.
    """
    backup = Path(backup)
    check_backup(backup)
    lock = ProcessLock(folder / LOCK_FILE)
    try:
        lock.acquire()
    except OSError as error:
        raise _os_error(error, "Restoring the backup") from None
    library = folder / LIBRARY_FILE
    wal = Path(f"{library}-wal")
    shm = Path(f"{library}-shm")
    temporary = folder / f".{LIBRARY_FILE}.restore.tmp"
    safety: Path | None = None
    try:
        if library.exists():
            replaced = backups_dir(folder) / REPLACED_FOLDER
            replaced.mkdir(parents=True, exist_ok=True)
            safety = replaced / f"library-{_stamp()}.sqlite3"
            shutil.copyfile(library, safety)
            _sync_file(safety)
            if wal.exists() and wal.stat().st_size:
                shutil.copyfile(wal, f"{safety}-wal")
                _sync_file(Path(f"{safety}-wal"))
            sync_folder(replaced)
        shutil.copyfile(backup, temporary)
        _sync_file(temporary)
        # A write-ahead log left beside the old file would be replayed onto the restored one.
        wal.unlink(missing_ok=True)
        shm.unlink(missing_ok=True)
        os.replace(temporary, library)
        sync_folder(folder)
    except OSError as error:
        raise _os_error(error, "Restoring the backup") from None
    finally:
        temporary.unlink(missing_ok=True)
        lock.release()
    _prune(folder)
    return safety
