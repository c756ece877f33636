"""Opening the library's SQLite file safely: the process lock, connection settings, and the
checks that run before anything is written.

Every connection that may write runs in WAL mode with ``synchronous=FULL``: a commit has
reached the disk when it returns. Checks (header, ``quick_check``, schema version) run on a
read-only connection first, so a damaged file or one from a newer WorkerImpact is reported
without a single byte of it changing.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
from dataclasses import dataclass
from pathlib import Path

from workerimpact.i18n import os_reason, t
from workerimpact.storage.errors import (
    LibraryCorrupt,
    LibraryError,
    LibraryLocked,
    LibraryTooNew,
    sqlite_code,
)
from workerimpact.storage.privacy import PRIVATE_FILE
from workerimpact.storage.schema import MIGRATION_SET, SCHEMA_VERSION, known_migrations

LIBRARY_FILE = "library.sqlite3"
"""The library's file name inside the data folder."""
LOCK_FILE = "library.lock"
"""Held locked by the one process that has the library open for writing."""

SQLITE_HEADER = b"SQLite format 3\x00"
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26
_DENIED = (errno.EACCES, errno.EPERM, errno.EROFS)


def is_denied(error: OSError) -> bool:
    """True when an ``OSError`` means 'you may not write here' (permissions, read-only disk)."""
    return error.errno in _DENIED


def configure(connection: sqlite3.Connection, *, read_only: bool = False) -> None:
    """Apply the library's settings to a new connection.

    Writable connections get WAL and ``synchronous=FULL`` (durable commits) and foreign
    keys. Read-only ones skip ``journal_mode``, because setting it writes the file.
    """
    if not read_only:
        connection.execute("PRAGMA journal_mode=WAL").fetchone()
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute("PRAGMA foreign_keys=ON")
    connection.execute("PRAGMA busy_timeout=5000")


def connect(path: Path, *, read_only: bool = False, immutable: bool = False) -> sqlite3.Connection:
    """Open a configured connection usable from any one thread at a time."""
    if read_only:
        uri = path.resolve().as_uri() + "?mode=ro" + ("&immutable=1" if immutable else "")
        connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
    else:
        connection = sqlite3.connect(str(path), check_same_thread=False)
    try:
        configure(connection, read_only=read_only)
    except BaseException:
        connection.close()
        raise
    return connection


class ProcessLock:
    """An advisory lock on ``library.lock``, held while one process writes the library.

    The operating system releases it when the process ends, however it ends, so a crash
    never leaves the library locked.
    """

    def __init__(self, path: Path):
        self.path = path
        self._descriptor: int | None = None

    def acquire(self) -> None:
        """Take the lock or raise ``LibraryLocked``; ``OSError`` if the file cannot be made."""
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
        descriptor = os.open(self.path, flags, PRIVATE_FILE)
        try:
            _lock(descriptor)
        except OSError as error:
            os.close(descriptor)
            if error.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                raise LibraryLocked(
                    t(
                        "The library in {parent} is already open in another "
                        "WorkerImpact window or command. Close it there first, then "
                        "try again.",
                        parent=self.path.parent,
                    )
                ) from None
            raise
        self._descriptor = descriptor
        try:
            os.ftruncate(descriptor, 0)
            os.write(descriptor, f"{os.getpid()}\n".encode())
        except OSError:
            pass  # the pid is only a courtesy for people looking at the folder

    def release(self) -> None:
        """Let go of the lock (closing the file releases it)."""
        if self._descriptor is not None:
            os.close(self._descriptor)
            self._descriptor = None

    @property
    def held(self) -> bool:
        """True while this object holds the lock."""
        return self._descriptor is not None


def _lock(descriptor: int) -> None:
    if os.name == "nt":  # pragma: no cover - exercised on Windows only
        import msvcrt

        msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)


LIBRARY_PARTS = (LIBRARY_FILE, f"{LIBRARY_FILE}-wal", f"{LIBRARY_FILE}-shm", LOCK_FILE)
"""The files of a library in its data folder."""


def folder_problem(folder: Path) -> LibraryError | None:
    """The error to give when a part of the library is not a plain file, else None.

    A symbolic link would make WorkerImpact read, lock, copy or replace a file elsewhere, and
    a folder where a file belongs cannot be opened: both are refused before anything is read.
    """
    for name in LIBRARY_PARTS:
        path = folder / name
        try:
            info = path.lstat()
        except FileNotFoundError:
            continue
        except OSError as error:
            return LibraryError(
                t(
                    "The library in {folder} cannot be opened: you may not read "
                    "that folder ({error}). A library is private to the account "
                    "that made it; use your own (set WORKERIMPACT_HOME to a "
                    "folder of yours) or ask its owner.",
                    folder=folder,
                    error=os_reason(error),
                )
            )
        if stat.S_ISLNK(info.st_mode):
            return LibraryError(
                t(
                    "The library in {folder} was not opened: {path} is a "
                    "symbolic link (to {target}). WorkerImpact keeps its files as "
                    "plain files in the data folder so that they stay private. "
                    "Put the file itself there (or set WORKERIMPACT_HOME to the "
                    "folder it is in) and remove the link.",
                    folder=folder,
                    path=path,
                    target=os.readlink(path),
                )
            )
        if not stat.S_ISREG(info.st_mode):
            kind = "a folder" if stat.S_ISDIR(info.st_mode) else t("not a plain file")
            return LibraryError(
                t(
                    "The library in {folder} was not opened: {path} is {kind}, "
                    "where WorkerImpact keeps a file of its library. Move it out "
                    "of the data folder, then try again.",
                    folder=folder,
                    path=path,
                    kind=kind,
                )
            )
    return None


def unreadable(path: Path, error: OSError) -> LibraryError:
    """The error for a library (or backup) file that may not be read."""
    return LibraryError(
        t(
            "The library file {path} cannot be read ({error}). It has "
            "not been changed. Check that the file belongs to you and "
            "that you may read it (for example `chmod 600 {path}`), then "
            "try again.",
            path=path,
            error=os_reason(error),
        )
    )


def header_problem(path: Path) -> str | None:
    """Say what is wrong with the file's SQLite header or length, or None if it looks whole.

    Raises ``OSError`` when the file cannot be read at all.
    """
    size = path.stat().st_size
    if size == 0:
        return t("the file is empty")
    with path.open("rb") as stream:
        head = stream.read(100)
    if len(head) < 100 or not head.startswith(SQLITE_HEADER):
        return t("it is not a WorkerImpact library (no SQLite header)")
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return t("its header is damaged")
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        return None  # pages may legitimately still live in the write-ahead log
    if size % page_size:
        return t("it is truncated ({size:,} bytes, not a whole number of pages)", size=size)
    pages = int.from_bytes(head[28:32], "big")
    if head[24:28] == head[92:96] and pages and size < pages * page_size:
        return t(
            "it is truncated ({size:,} of {number:,} bytes)", size=size, number=pages * page_size
        )
    return None


@dataclass(frozen=True, slots=True)
class Inspection:
    """What the read-only look at a library found."""

    pending: list[str]
    user_version: int


def inspect(connection: sqlite3.Connection, path: Path) -> Inspection:
    """Check a library read-only: integrity, then schema version.

    Raises ``LibraryCorrupt`` (without backups; the caller adds them) or ``LibraryTooNew``.
    """
    try:
        rows = [row[0] for row in connection.execute("PRAGMA quick_check")]
        user_version = connection.execute("PRAGMA user_version").fetchone()[0]
        tables = {
            name
            for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        has_table = "_sqlite_migrations" in tables
        applied = (
            [
                row[0]
                for row in connection.execute(
                    "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid",
                    [MIGRATION_SET],
                )
            ]
            if has_table
            else []
        )
    except sqlite3.DatabaseError as error:
        # Only damage is reported as damage; "cannot open" and the like go to the caller.
        if sqlite_code(error) not in (None, _SQLITE_CORRUPT, _SQLITE_NOTADB):
            raise
        raise LibraryCorrupt(damaged_message(path, str(error))) from None
    if rows != ["ok"]:
        raise LibraryCorrupt(
            damaged_message(path, rows[0] if rows else t("integrity check failed"))
        )
    if not applied and tables - {"_sqlite_migrations"}:
        raise LibraryCorrupt(
            damaged_message(path, t("it is an SQLite database, but not a WorkerImpact library"))
        )
    known = known_migrations()
    unknown = [name for name in applied if name not in known]
    if user_version > SCHEMA_VERSION or unknown:
        detail = (
            t(
                "schema {user_version}; this version understands up to {schema_version}",
                user_version=user_version,
                schema_version=SCHEMA_VERSION,
            )
            if user_version > SCHEMA_VERSION
            else t(
                "it records {count} change(s) to its layout this version does not know",
                count=len(unknown),
            )
        )
        raise LibraryTooNew(
            t(
                "The library {path} was written by a newer version of "
                "WorkerImpact ({detail}). It has not been changed. Update "
                "WorkerImpact to open it.",
                path=path,
                detail=detail,
            )
        )
    pending = [name for name in known if name not in applied]
    return Inspection(pending=pending, user_version=user_version)


def damaged_message(path: Path, detail: str) -> str:
    """The sentence a user reads when the library file is damaged."""
    return t(
        "The library file {path} is damaged ({detail}). It has not "
        "been changed. Restore the latest backup (in the window, or "
        "with `workerimpact library restore latest`), or move the "
        "damaged file away to start an empty library.",
        path=path,
        detail=detail,
    )
