"""Looking at a library file before anything writes it, and finishing a cut-short change.

``inspect_file`` checks a library read-only (header, integrity, schema version) and
returns the migrations it still needs, leaving a refused file as it was found;
``inspect_recovering`` first lets SQLite finish the crash recovery a read-only look cannot
do (a hot journal, a log without its index). ``workerimpact.storage.opening`` calls them
before it connects.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from workerimpact.i18n import t
from workerimpact.storage import backups as backup_files
from workerimpact.storage.database import (
    LOCK_FILE,
    ProcessLock,
    connect,
    damaged_message,
    header_problem,
    inspect,
    unreadable,
)
from workerimpact.storage.errors import (
    LibraryCorrupt,
    LibraryError,
    LibraryTooNew,
    sqlite_code,
    translate,
)

NOT_OPENED = "The library could not be opened"
"""What a failed open says first (translated where it is printed)."""
SQLITE_CANTOPEN = 14
SQLITE_READONLY = 8
"""SQLite's primary result codes for "cannot open" and "read-only database"."""


def hot_journal(path: Path) -> bool:
    """True when a rollback journal with content lies beside the library (a change was cut
    short and must be undone before the file can be read as it stands)."""
    try:
        return Path(f"{path}-journal").stat().st_size > 0
    except OSError:
        return False


def inspect_recovering(folder: Path, path: Path, *, lock_held: bool) -> list[str]:
    """``inspect_file``; when a killed process left a change half-made that a read-only look
    cannot undo (a hot journal, a log without its index), let SQLite recover it, then retry.
    """
    try:
        return inspect_file(folder, path, immutable=False)
    except LibraryError as error:
        cause = error.__cause__
        if not isinstance(cause, sqlite3.Error) or sqlite_code(cause) != SQLITE_READONLY:
            raise
        if not _recover(folder, path, lock_held=lock_held):
            raise
    return inspect_file(folder, path, immutable=False)


def _recover(folder: Path, path: Path, *, lock_held: bool) -> bool:
    """Open the library writable once, which makes SQLite finish its crash recovery.

    Rolling back a hot journal, or replaying a write-ahead log, only brings back the last
    committed state; it is what any open would do. Needs the process lock (False if another
    process has the library, or the folder may not be written).
    """
    if not os.access(folder, os.W_OK) or not os.access(path, os.W_OK):
        return False
    lock = None if lock_held else ProcessLock(folder / LOCK_FILE)
    try:
        if lock is not None:
            lock.acquire()
        connection = sqlite3.connect(str(path), check_same_thread=False)
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            connection.close()
    except (OSError, LibraryError, sqlite3.Error):
        return False
    finally:
        if lock is not None:
            lock.release()
    return True


def inspect_file(folder: Path, path: Path, *, immutable: bool) -> list[str]:
    """Check the file before anything writes it; return the migrations it still needs."""
    try:
        problem = header_problem(path)
    except OSError as error:
        raise unreadable(path, error) from None
    if problem:
        raise LibraryCorrupt(damaged_message(path, problem), backup_files.list_backups(folder))
    # A read-only connection to a WAL library makes its -wal and -shm files when they are
    # missing; a library refused here must be left as it was found, so remove them again.
    made = [Path(f"{path}{suffix}") for suffix in ("-wal", "-shm")]
    made = [part for part in made if not part.exists()]
    try:
        connection = connect(path, read_only=True, immutable=immutable)
    except sqlite3.Error as error:
        translated = translate(error, path, writing=False, action=t(NOT_OPENED))
        if isinstance(translated, LibraryCorrupt):
            # A schema spread over several pages can be found damaged while connecting.
            _remove_empty(made)
            raise LibraryCorrupt(
                damaged_message(path, str(error)), backup_files.list_backups(folder)
            ) from None
        raise translated from error
    try:
        return inspect(connection, path).pending
    except LibraryCorrupt as error:
        connection.close()
        _remove_empty(made)
        raise LibraryCorrupt(str(error), backup_files.list_backups(folder)) from None
    except LibraryTooNew:
        connection.close()
        _remove_empty(made)
        raise
    except sqlite3.Error as error:
        raise translate(error, path, writing=False, action=t(NOT_OPENED)) from error
    finally:
        connection.close()


def _remove_empty(paths: list[Path]) -> None:
    """Delete the -wal/-shm files a refused read made (a -wal with content is never ours)."""
    for part in paths:
        try:
            if part.name.endswith("-shm") or part.stat().st_size == 0:
                part.unlink()
        except OSError:
            pass
