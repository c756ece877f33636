"""What can go wrong with the library, as errors a user can act on.

Every error's text is one or two sentences for the person at the keyboard: what happened,
whether anything was lost, and what to do next. The window shows it in a dialog; the
command line prints it as ``workerimpact: <text>`` and exits with status 1.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from workerimpact.errors import WorkerImpactError
from workerimpact.i18n import t

if TYPE_CHECKING:
    from workerimpact.storage.records import BackupInfo


class LibraryError(WorkerImpactError):
    """A problem with the assessment library; ``str(error)`` says what happened and what to do."""


class LibraryLocked(LibraryError):
    """Another WorkerImpact process has the library open."""


class LibraryCorrupt(LibraryError):
    """The library file is damaged; it was left untouched, and ``backups`` can replace it."""

    def __init__(self, message: str, backups: list[BackupInfo] | None = None):
        self.backups: list[BackupInfo] = list(backups or [])
        super().__init__(message)


class AssessmentDamaged(LibraryCorrupt):
    """One stored assessment (or a questionnaire it uses) is damaged; the rest still works.

    ``assessment_id`` names it; ``backups`` (newest first) hold earlier copies of it.
    """

    def __init__(
        self, message: str, assessment_id: str = "", backups: list[BackupInfo] | None = None
    ):
        self.assessment_id = assessment_id
        super().__init__(message, backups)


class LibraryTooNew(LibraryError):
    """The library was written by a newer WorkerImpact; it was left untouched."""


class LibraryReadOnly(LibraryError):
    """A change was attempted on a library opened read-only."""


class StorageFull(LibraryError):
    """The disk is full or failed during a write; the change was not saved, nothing else lost."""


class AssessmentFinal(LibraryError):
    """A change was attempted on a final assessment, which is read-only."""


class AssessmentNotFound(LibraryError):
    """No assessment in the library has that id."""


# SQLite primary result codes (the low byte of an extended code).
_SQLITE_PERM = 3
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_READONLY = 8
_SQLITE_IOERR = 10
_SQLITE_CORRUPT = 11
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14
_SQLITE_NOTADB = 26


def sqlite_code(error: BaseException) -> int | None:
    """The primary SQLite result code of an ``sqlite3`` error, if it carries one."""
    code = getattr(error, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def translate(
    error: sqlite3.Error, path: Path, *, writing: bool = True, action: str | None = None
) -> LibraryError:
    """Turn an ``sqlite3`` error into the library error a user should see.

    ``action`` names what failed when it was not saving a change ("The backup could not be
    made"); the disk-full and disk-error texts then say that, not "the change was not saved".
    """
    code = sqlite_code(error)
    message = str(error)
    full = code == _SQLITE_FULL or "disk is full" in message
    if action is not None and (full or code == _SQLITE_IOERR or "disk I/O error" in message):
        cause = (
            t("the disk is full")
            if full
            else t("the disk reported an error with {path}", path=path)
        )
        todo = t("Free some disk space") if full else t("Check the disk (and that it is connected)")
        return StorageFull(
            t(
                "{action}: {cause}. The library itself was not changed. {todo}, then try again.",
                action=action,
                cause=cause,
                todo=todo,
            )
        )
    if full:
        return StorageFull(
            t(
                "The change was not saved because the disk is full. Nothing "
                "was half-written: the library is exactly as it was before "
                "this change. Free some disk space, then try again."
            )
        )
    if code == _SQLITE_IOERR or "disk I/O error" in message:
        return StorageFull(
            t(
                "The change was not saved because the disk reported an error while writing "
                "{path}. Nothing was half-written. Check the disk (and that it is still "
                "connected), then try again.",
                path=path,
            )
            if writing
            else t(
                "The change was not saved because the disk reported an error while reading "
                "{path}. Nothing was half-written. Check the disk (and that it is still "
                "connected), then try again.",
                path=path,
            )
        )
    if code in (_SQLITE_READONLY, _SQLITE_PERM):
        return LibraryReadOnly(
            t(
                "The library {path} cannot be written ({message}). Check the "
                "file's permissions and free space, then reopen WorkerImpact.",
                path=path,
                message=message,
            )
        )
    if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
        return LibraryCorrupt(
            t(
                "The library file {path} is damaged ({message}). Close "
                "WorkerImpact and restore a backup (workerimpact library "
                "restore).",
                path=path,
                message=message,
            )
        )
    if code in (_SQLITE_BUSY, _SQLITE_LOCKED):
        start = t("{action}: the library", action=action) if action else t("The library")
        return LibraryLocked(
            t(
                "{start} {path} is busy in another program. Close the other "
                "WorkerImpact window (or the program reading it), then try "
                "again.",
                start=start,
                path=path,
            )
        )
    if code == _SQLITE_CANTOPEN:
        return LibraryError(
            t(
                "The library {path} cannot be opened ({message}). Check that "
                "you may read and write the data folder and the files in it, "
                "and that none of them is a link.",
                path=path,
                message=message,
            )
        )
    if action:
        return LibraryError(
            t(
                "{action}: the library {path} reported an error: {message}.",
                action=action,
                path=path,
                message=message,
            )
        )
    return LibraryError(
        t("The library {path} reported an error: {message}.", path=path, message=message)
    )
