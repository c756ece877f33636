"""Opening a library folder: everything that happens before there is a ``Library``.

``open_folder`` creates the data folder and a new library file if needed, takes the process
lock, clears leftovers of an interrupted creation or restore, checks the file read-only
(header, integrity, schema version) before anything writes it, and connects. When the
folder or file may not be written it falls back to a read-only connection and says why; an
older read-only library is upgraded in memory only. ``Library.open`` wraps the result, then
applies the pending migrations and makes the automatic backup. Checking the file before it
is connected, and finishing a change cut short, live in ``workerimpact.storage.inspection``.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from workerimpact.files import sync_folder
from workerimpact.i18n import os_reason, t
from workerimpact.storage import backups as backup_files
from workerimpact.storage.database import (
    LIBRARY_FILE,
    LOCK_FILE,
    ProcessLock,
    connect,
    folder_problem,
    is_denied,
)
from workerimpact.storage.errors import (
    LibraryError,
    sqlite_code,
    translate,
)
from workerimpact.storage.inspection import NOT_OPENED as _NOT_OPENED
from workerimpact.storage.inspection import (
    SQLITE_CANTOPEN,
    SQLITE_READONLY,
    hot_journal,
    inspect_file,
    inspect_recovering,
)
from workerimpact.storage.privacy import create_private, private_folder, tighten
from workerimpact.storage.schema import migrations


@dataclass(frozen=True, slots=True)
class OpenedFile:
    """A checked connection to a library, and what ``Library`` needs to wrap it."""

    connection: sqlite3.Connection
    lock: ProcessLock | None
    """Held for a writable library; None for a read-only one."""
    read_only: bool
    read_only_reason: str | None
    """Why the library is read-only (None when it is writable)."""
    pending: list[str]
    """Migrations the writable library still needs (a read-only one is upgraded already)."""
    notices: tuple[str, ...] = ()
    """What the user should be told about opening (a folder made private, unread changes)."""


def database(connection: sqlite3.Connection) -> Database:
    """The ``sqlite_utils`` view of a library connection: no recursive triggers, no plugins."""
    return Database(connection, recursive_triggers=False, execute_plugins=False)


def open_folder(folder: Path, *, read_only: bool) -> OpenedFile:
    """Open (creating if needed) the library in ``folder``; see the module docstring.

    Raises ``LibraryLocked`` when another process has it open, ``LibraryCorrupt`` (with the
    backups to offer) for a damaged file and ``LibraryTooNew`` for one from a newer
    WorkerImpact, leaving those files untouched; ``LibraryError`` when no library can be
    made or read there.
    """
    path = folder / LIBRARY_FILE
    if folder.exists() and not folder.is_dir():
        raise LibraryError(
            t(
                "The data folder {folder} is a file, not a folder. Move that "
                "file away, or set WORKERIMPACT_HOME to another folder, then "
                "try again.",
                folder=folder,
            )
        )
    problem = folder_problem(folder)
    if problem is not None:
        raise problem
    if read_only:
        notices = _privacy_notice(folder, tighten(folder)) if folder.is_dir() else ()
        opened = _open_read_only(folder, t("it was opened read-only"))
        return _with_notices(opened, notices)
    try:
        tightened = private_folder(folder)
    except OSError as error:
        if path.exists():
            return _open_read_only(folder, _unwritable(folder, error))
        raise LibraryError(
            t(
                "The data folder {folder} cannot be created ({error}). "
                "Choose a folder you may write to (set WORKERIMPACT_HOME) "
                "and try again.",
                folder=folder,
                error=os_reason(error),
            )
        ) from None
    if not os.access(folder, os.W_OK):
        # Checked up front: SQLite needs to create its -wal and -shm files beside the
        # library, and a lock file that already exists would not reveal the problem.
        if path.exists():
            return _open_read_only(
                folder, _unwritable(folder, PermissionError(errno.EACCES, "permission denied"))
            )
        raise LibraryError(
            t(
                "The data folder {folder} cannot be written, so no library "
                "can be created there. Choose a folder you may write to (set "
                "WORKERIMPACT_HOME).",
                folder=folder,
            )
        )
    notices = _privacy_notice(folder, [folder] * tightened + tighten(folder))
    lock = ProcessLock(folder / LOCK_FILE)
    try:
        lock.acquire()
    except OSError as error:
        if is_denied(error):
            return _with_notices(_open_read_only(folder, _unwritable(folder, error)), notices)
        raise LibraryError(
            t(
                "The library in {folder} cannot be locked ({error}).",
                folder=folder,
                error=os_reason(error),
            )
        ) from None
    try:
        return _with_notices(_open_writable(folder, lock), notices)
    except BaseException:
        lock.release()
        raise


def _privacy_notice(folder: Path, tightened: list[Path]) -> tuple[str, ...]:
    if not tightened:
        return ()
    if folder in tightened:
        return (
            t(
                "The data folder {folder} could be read by other people "
                "using this computer. It is now private to you: the folder, "
                "the library and its backups can be read only by your "
                "account.",
                folder=folder,
            ),
        )
    return (
        t(
            "{count} file(s) in the data folder {folder} had permissions "
            "open to other people using this computer; they are now "
            "private to you (the folder itself was).",
            count=len(tightened),
            folder=folder,
        ),
    )


def _missing_notice(folder: Path, *, started: bool) -> tuple[str, ...]:
    """Say so when there is no library file but there are backups of one."""
    count = len(backup_files.list_backups(folder))
    if not count:
        return ()
    what = t("an empty one was started") if started else t("it is shown empty")
    return (
        t(
            "There was no library file in {folder}, so {what}; {count} "
            "backup(s) of a library are in {backups}. To bring the "
            "latest back: `workerimpact library restore latest` (or "
            "Settings → Backups in the window).",
            folder=folder,
            what=what,
            count=count,
            backups=backup_files.backups_dir(folder),
        ),
    )


def _with_notices(opened: OpenedFile, notices: tuple[str, ...]) -> OpenedFile:
    if not notices:
        return opened
    return OpenedFile(
        opened.connection,
        opened.lock,
        opened.read_only,
        opened.read_only_reason,
        opened.pending,
        notices + opened.notices,
    )


def remove_leftovers(folder: Path) -> None:
    """Delete what a killed creation, restore or backup left behind (the lock is held)."""
    for leftover in (f".{LIBRARY_FILE}.new", f".{LIBRARY_FILE}.restore.tmp"):
        for suffix in ("", "-wal", "-shm", "-journal"):
            try:
                (folder / f"{leftover}{suffix}").unlink(missing_ok=True)
            except OSError:
                pass
    backup_files.remove_abandoned_copies(backup_files.backups_dir(folder))


def _open_writable(folder: Path, lock: ProcessLock) -> OpenedFile:
    path = folder / LIBRARY_FILE
    remove_leftovers(folder)
    notices: tuple[str, ...] = ()
    if not path.exists():
        notices = _missing_notice(folder, started=True)
        _create(path)
    try:
        if not os.access(path, os.W_OK):
            raise PermissionError(errno.EACCES, "permission denied")
        os.close(os.open(path, os.O_RDWR))
    except OSError as error:
        if is_denied(error):
            lock.release()
            return _open_read_only(folder, _unwritable(path, error))
        raise LibraryError(
            t("The library {path} cannot be opened: {error}.", path=path, error=os_reason(error))
        ) from None
    pending = inspect_recovering(folder, path, lock_held=True)
    try:
        connection = connect(path)
    except sqlite3.Error as error:
        raise translate(error, path, action=t(_NOT_OPENED)) from None
    return OpenedFile(connection, lock, False, None, pending, notices)


def _open_read_only(folder: Path, reason: str) -> OpenedFile:
    path = folder / LIBRARY_FILE
    if not path.exists():
        # Nothing to read yet: an empty library that lives in memory only.
        connection = sqlite3.connect(":memory:", check_same_thread=False)
        migrations.apply(database(connection))
        notices = _missing_notice(folder, started=False)
        return OpenedFile(connection, None, True, reason, [], notices)
    try:
        pending = inspect_recovering(folder, path, lock_held=False)
        immutable = False
    except LibraryError as error:
        if not isinstance(error.__cause__, sqlite3.Error) or (
            sqlite_code(error.__cause__) not in (SQLITE_CANTOPEN, SQLITE_READONLY)
        ):
            raise
        # A WAL library in a folder we may not write: SQLite cannot make its shared-memory
        # file there, so read the main file as it stands, unless a change was cut short.
        if hot_journal(path):
            raise LibraryError(
                t(
                    "The library {path} was being changed when WorkerImpact (or "
                    "the computer) stopped, and that change can only be undone "
                    "with write access to the data folder. Open it once with "
                    "write access; nothing is lost until then.",
                    path=path,
                )
            ) from None
        pending = inspect_file(folder, path, immutable=True)
        immutable = True
        if Path(f"{path}-wal").exists():
            reason += t(
                "; changes still in its write-ahead log (after a crash, or "
                "made by a window that is open) may not show until it is "
                "opened with write access"
            )
    notices: tuple[str, ...] = ()
    if immutable and Path(f"{path}-wal").exists():
        notices = (
            t(
                "Changes saved last in {path} may be missing here: they are "
                "still in its write-ahead log, which can only be read with "
                "write access to the data folder (after a crash, or while a "
                "WorkerImpact window has it open). Open the library with "
                "write access to see them.",
                path=path,
            ),
        )
    try:
        connection = connect(path, read_only=True, immutable=immutable)
    except sqlite3.Error as error:
        raise translate(error, path, writing=False, action=t(_NOT_OPENED)) from None
    if pending:
        memory = sqlite3.connect(":memory:", check_same_thread=False)
        connection.backup(memory)
        connection.close()
        connection = memory
        migrations.apply(database(connection))
        reason += t("; it was made by an older WorkerImpact and is shown upgraded in memory")
    return OpenedFile(connection, None, True, reason, [], notices)


def _unwritable(place: Path, error: OSError) -> str:
    return t(
        "{place} cannot be written ({error}); you can read and "
        "export assessments but not change them. To edit, check the "
        "permissions of the data folder or copy it somewhere you may "
        "write and point WORKERIMPACT_HOME at the copy",
        place=place,
        error=os_reason(error),
    )


def _create(path: Path) -> None:
    # Build the new library beside its final name and rename it into place, so a crash
    # during creation never leaves a half-made library under the real name.
    temporary = path.with_name(f".{path.name}.new")
    try:
        os.close(create_private(temporary))  # SQLite's -wal and -shm copy its mode
        connection = connect(temporary)
        try:
            migrations.apply(database(connection))
        finally:
            connection.close()
        with temporary.open("rb+") as stream:
            os.fsync(stream.fileno())
        os.replace(temporary, path)
        sync_folder(path.parent)
    except sqlite3.Error as error:
        raise translate(error, path, action=t(_NOT_OPENED)) from None
    except OSError as error:
        raise LibraryError(
            t(
                "The library {path} cannot be created ({error}).",
                path=path,
                error=os_reason(error),
            )
        ) from None
