"""Opening a library folder: everything that happens before there is a ``Library``.

``open_folder`` creates the data folder and a new library file if needed, takes the process
lock, clears leftovers of an interrupted creation or restore, checks the file read-only
(header, integrity, schema version) before anything writes it, and connects. When the
folder or file may not be written it falls back to a read-only connection and says why; an
older read-only library is upgraded in memory only. ``Library.open`` wraps the result, then
applies the pending migrations and makes the automatic backup.
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
    damaged_message,
    folder_problem,
    header_problem,
    inspect,
    is_denied,
    unreadable,
)
from workerimpact.storage.errors import (
    LibraryCorrupt,
    LibraryError,
    LibraryTooNew,
    sqlite_code,
    translate,
)
from workerimpact.storage.privacy import create_private, private_folder, tighten
from workerimpact.storage.schema import migrations

_NOT_OPENED = "The library could not be opened"
_SQLITE_CANTOPEN = 14
_SQLITE_READONLY = 8


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
    pending = _inspect_recovering(folder, path, lock_held=True)
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
        pending = _inspect_recovering(folder, path, lock_held=False)
        immutable = False
    except LibraryError as error:
        if not isinstance(error.__cause__, sqlite3.Error) or (
            sqlite_code(error.__cause__) not in (_SQLITE_CANTOPEN, _SQLITE_READONLY)
        ):
            raise
        # A WAL library in a folder we may not write: SQLite cannot make its shared-memory
        # file there, so read the main file as it stands, unless a change was cut short.
        if _hot_journal(path):
            raise LibraryError(
                t(
                    "The library {path} was being changed when WorkerImpact (or "
                    "the computer) stopped, and that change can only be undone "
                    "with write access to the data folder. Open it once with "
                    "write access; nothing is lost until then.",
                    path=path,
                )
            ) from None
        pending = _inspect(folder, path, immutable=True)
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


def _hot_journal(path: Path) -> bool:
    try:
        return Path(f"{path}-journal").stat().st_size > 0
    except OSError:
        return False


def _inspect_recovering(folder: Path, path: Path, *, lock_held: bool) -> list[str]:
    """``_inspect``; when a killed process left a change half-made that a read-only look
    cannot undo (a hot journal, a log without its index), let SQLite recover it, then retry.
    """
    try:
        return _inspect(folder, path, immutable=False)
    except LibraryError as error:
        cause = error.__cause__
        if not isinstance(cause, sqlite3.Error) or sqlite_code(cause) != _SQLITE_READONLY:
            raise
        if not _recover(folder, path, lock_held=lock_held):
            raise
    return _inspect(folder, path, immutable=False)


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


def _inspect(folder: Path, path: Path, *, immutable: bool) -> list[str]:
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
        translated = translate(error, path, writing=False, action=t(_NOT_OPENED))
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
        raise translate(error, path, writing=False, action=t(_NOT_OPENED)) from error
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
