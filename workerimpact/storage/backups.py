"""Rolling backups of the library, and bringing one back.

A backup is written with ``VACUUM INTO`` into a new private (0600) temporary file in
``<data folder>/backups/``: a compact, self-contained file in rollback-journal mode, with no
write-ahead log that could be lost. It is synced, then read back on a fresh connection with
``PRAGMA integrity_check``, and only then renamed into place; any failure is an error, never
a success. Pruning keeps the newest ``KEEP_BACKUPS`` usable backups and removes the unusable
ones first. Restoring first folds the current library's write-ahead log into its file and
keeps a copy of it in ``backups/replaced/``, then swaps the backup in with one rename, so a
crash at any moment leaves the old library or the new one, each whole.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
import sqlite3
from pathlib import Path

from workerimpact.files import claim, remove_abandoned, sync_folder
from workerimpact.i18n import os_reason, t
from workerimpact.storage.database import (
    LIBRARY_FILE,
    LOCK_FILE,
    ProcessLock,
    configure,
    connect,
    folder_problem,
    header_problem,
    inspect,
)
from workerimpact.storage.errors import (
    LibraryCorrupt,
    LibraryError,
    LibraryLocked,
    LibraryTooNew,
    StorageFull,
    translate,
)
from workerimpact.storage.privacy import (
    copy_private,
    create_private,
    mirror_private,
    private_folder,
)
from workerimpact.storage.records import BackupInfo

BACKUP_FOLDER = "backups"
REPLACED_FOLDER = "replaced"
KEEP_BACKUPS = 10
"""How many usable backups are kept; older ones are deleted when a new one is made."""
KEEP_REPLACED = 5
"""How many safety copies of replaced libraries are kept."""
BACKUP_INTERVAL = dt.timedelta(days=1)
"""Opening the library makes a backup when the newest is older than this."""

_NAME = re.compile(r"^library-(\d{8}T\d{6}\.\d{6}Z)(?:-[a-z-]+)?\.sqlite3$")
_STAMP = "%Y%m%dT%H%M%S.%fZ"
_FAILED = "The backup could not be made"
_COMPANIONS = ("-journal", "-wal", "-shm")


IDENTITY_FOLDER = "signing"
"""The data folder's signing identity, copied into ``backups/signing`` by every backup."""


def backups_dir(folder: Path) -> Path:
    """The folder holding a library's backups."""
    return folder / BACKUP_FOLDER


def list_backups(folder: Path) -> list[BackupInfo]:
    """The library's backups, newest first."""
    found: list[BackupInfo] = []
    directory = backups_dir(folder)
    if not directory.is_dir():
        return found
    try:
        entries = list(directory.iterdir())
    except OSError:
        return found
    for path in entries:
        match = _NAME.match(path.name)
        try:
            if not match or path.is_symlink() or not path.is_file():
                continue
            size = path.stat().st_size
        except OSError:
            continue
        created = dt.datetime.strptime(match.group(1), _STAMP).replace(tzinfo=dt.UTC)
        found.append(BackupInfo(path=path, created=created, size=size))
    found.sort(key=lambda item: item.created, reverse=True)
    return found


def _stamp() -> str:
    return dt.datetime.now(dt.UTC).strftime(_STAMP)


def _os_error(error: OSError, action: str) -> LibraryError:
    if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return StorageFull(
            t(
                "{action}: the disk is full. The library itself was not "
                "changed. Free some disk space, then try again.",
                action=action,
            )
        )
    where = f" ({error.filename})" if error.filename else ""
    return LibraryError(
        t(
            "{action}: {error}{where}. The library itself was not changed.",
            action=action,
            error=os_reason(error),
            where=where,
        )
    )


def _private_folders(folder: Path) -> Path:
    directory = backups_dir(folder)
    if directory.is_symlink() and directory.is_dir():
        return directory  # the user keeps backups elsewhere on purpose; leave the link alone
    _must_be_folder(directory)
    private_folder(directory)
    return directory


def _must_be_folder(path: Path) -> None:
    if path.exists() and not path.is_dir():
        raise LibraryError(
            t(
                "{path} is a file, where WorkerImpact keeps a folder of "
                "backups. Move that file out of the data folder, then try "
                "again. The library itself was not changed.",
                path=path,
            )
        )


def _remove(path: Path) -> None:
    for part in (path, *(Path(f"{path}{suffix}") for suffix in _COMPANIONS)):
        try:
            part.unlink(missing_ok=True)
        except OSError:
            pass


def make_backup(source: sqlite3.Connection, folder: Path, reason: str = "") -> BackupInfo:
    """Copy the open library into a new checked backup file; keep the newest usable few.

    ``reason`` (``auto``, ``before-upgrade``, ``manual``) is appended to the file name.
    Raises ``StorageFull`` or ``LibraryError`` when no whole, checked backup could be made;
    nothing is left behind then.
    """
    name = f"library-{_stamp()}{'-' + reason if reason else ''}.sqlite3"
    descriptor = None
    temporary = target = None
    try:
        directory = _private_folders(folder)
        remove_abandoned_copies(directory)
        # The signing identity and the trusted certificates travel with every backup.
        mirror_private(folder / IDENTITY_FOLDER, directory / IDENTITY_FOLDER)
        target = directory / name
        temporary = directory / f".{name}.tmp"
        descriptor = create_private(temporary)
        claim(descriptor)
        try:
            source.execute("VACUUM INTO ?", [str(temporary)])
        except sqlite3.Error as error:
            raise translate(error, temporary, action=t(_FAILED)) from None
        os.fsync(descriptor)
        problem = copy_problem(temporary)
        if problem:
            raise LibraryError(
                t(
                    "{failed}: the copy failed its check ({problem}). The "
                    "library itself was not changed; it may be damaged, or the "
                    "disk failing. Try again, and if it fails again, copy the "
                    "data folder somewhere safe.",
                    failed=t(_FAILED),
                    problem=problem,
                )
            )
        os.replace(temporary, target)
        sync_folder(directory)
    except OSError as error:
        raise _os_error(error, t(_FAILED)) from None
    finally:
        if descriptor is not None:
            os.close(descriptor)
        if temporary is not None:
            _remove(temporary)
    _prune(folder)
    return BackupInfo(path=target, created=_created(target), size=target.stat().st_size)


def remove_abandoned_copies(directory: Path) -> None:
    """Delete the temporary copies killed backups left in ``directory`` (see
    ``files.remove_abandoned``), with their journals; a copy being made now is kept."""
    remove_abandoned(directory.glob(".library-*.sqlite3.tmp"))
    for companion in directory.glob(".library-*.sqlite3.tmp-*"):
        if not Path(str(companion).rsplit("-", 1)[0]).exists():
            remove_abandoned([companion])


def copy_problem(path: Path, check: str = "integrity_check") -> str | None:
    """What is wrong with a library copy as it lies on disk, or None if it is whole.

    The copy is read on a fresh connection that ignores any write-ahead log, so the check
    sees exactly the bytes a restore would use. ``check`` is the pragma that runs:
    ``integrity_check`` for a new copy, the faster ``quick_check`` for one checked before.
    """
    try:
        problem = header_problem(path)
    except OSError as error:
        return t("it cannot be read: {error}", error=os_reason(error))
    if problem:
        return problem
    for suffix in ("-wal", "-journal"):
        if Path(f"{path}{suffix}").exists():
            return t("part of it is still in its {suffix} file", suffix=suffix[1:])
    try:
        connection = connect(path, read_only=True, immutable=True)
    except sqlite3.Error as error:
        return str(error)
    try:
        rows = [row[0] for row in connection.execute(f"PRAGMA {check}")]
    except sqlite3.Error as error:
        return str(error)
    finally:
        connection.close()
    return None if rows == ["ok"] else rows[0]


_usable: dict[tuple[str, int, int], bool] = {}


def usable(backup: Path) -> bool:
    """True when ``backup`` is a whole library file (``quick_check``; remembered per file)."""
    try:
        info = backup.stat()
    except OSError:
        return False
    key = (str(backup), info.st_size, info.st_mtime_ns)
    if key not in _usable:
        _usable[key] = copy_problem(backup, "quick_check") is None
    return _usable[key]


def newest_usable(folder: Path) -> BackupInfo | None:
    """The newest backup that is whole (older, damaged ones are passed over), or None."""
    return next((item for item in list_backups(folder) if usable(item.path)), None)


def _created(path: Path) -> dt.datetime:
    match = _NAME.match(path.name)
    assert match is not None
    return dt.datetime.strptime(match.group(1), _STAMP).replace(tzinfo=dt.UTC)


def _prune(folder: Path) -> None:
    """Keep the newest ``KEEP_BACKUPS`` usable backups; unusable ones go first."""
    backups = list_backups(folder)
    if len(backups) > KEEP_BACKUPS:
        kept = 0
        for item in backups:
            if kept < KEEP_BACKUPS and usable(item.path):
                kept += 1
            else:
                _remove(item.path)
    replaced = backups_dir(folder) / REPLACED_FOLDER
    if replaced.is_dir():
        copies = sorted(replaced.glob("library-*.sqlite3"), reverse=True)
        for old in copies[KEEP_REPLACED:]:
            _remove(old)


def check_backup(backup: Path) -> None:
    """Raise ``LibraryError`` unless ``backup`` is a whole library this version can open."""
    if not backup.is_file():
        raise LibraryError(t("There is no backup file {backup}.", backup=backup))
    try:
        problem = header_problem(backup)
    except OSError as error:
        raise LibraryError(
            t(
                "The backup {backup} cannot be read ({error}).",
                backup=backup,
                error=os_reason(error),
            )
        ) from None
    if problem:
        raise LibraryCorrupt(
            t("The backup {backup} cannot be used: {problem}.", backup=backup, problem=problem)
        )
    try:
        connection = connect(backup, read_only=True, immutable=True)
    except sqlite3.Error as error:
        raise LibraryCorrupt(
            t("The backup {backup} cannot be used: {error}.", backup=backup, error=error)
        ) from None
    try:
        inspect(connection, backup)
    except LibraryCorrupt:
        raise LibraryCorrupt(
            t("The backup {backup} is damaged; choose another one.", backup=backup)
        ) from None
    except LibraryTooNew as error:
        raise LibraryTooNew(str(error).replace(t("library"), t("backup"), 1)) from None
    except sqlite3.Error as error:
        raise LibraryCorrupt(
            t("The backup {backup} cannot be used: {error}.", backup=backup, error=error)
        ) from None
    finally:
        connection.close()


def restore_backup(backup: Path, folder: Path) -> Path | None:
    """Replace the library in ``folder`` with ``backup``; return the safety copy made, if any.

    The library must not be open (``LibraryLocked`` otherwise). The backup is checked
    first. The current library's write-ahead log is folded into its file, which is then
    copied to ``backups/replaced/``; a private copy of the backup is synced beside the
    library and renamed over it. Killed at any moment, this leaves the old library or the
    new one, each whole, and nothing of the old one is dropped.
    """
    backup = Path(backup)
    problem = folder_problem(folder)
    if problem is not None:
        raise problem
    check_backup(backup)
    action = t("The backup was not restored")
    lock = ProcessLock(folder / LOCK_FILE)
    try:
        lock.acquire()
    except OSError as error:
        raise _os_error(error, action) from None
    library = folder / LIBRARY_FILE
    temporary = folder / f".{LIBRARY_FILE}.restore.tmp"
    safety: Path | None = None
    try:
        _remove(temporary)
        if library.exists():
            safety = _keep_replaced(folder, library)
        copy_private(backup, temporary)
        problem = copy_problem(temporary)
        if problem:
            raise LibraryError(
                t(
                    "{action}: its copy failed its check ({problem}).",
                    action=action,
                    problem=problem,
                )
            )
        for suffix in ("-wal", "-shm"):
            # Folded in above (or kept in the safety copy, for a damaged library): a log
            # left beside the old file would be replayed onto the restored one.
            Path(f"{library}{suffix}").unlink(missing_ok=True)
        os.replace(temporary, library)
        sync_folder(folder)
    except OSError as error:
        raise _os_error(error, action) from None
    finally:
        _remove(temporary)
        lock.release()
    _prune(folder)
    return safety


def _keep_replaced(folder: Path, library: Path) -> Path:
    """Fold the library's write-ahead log into its file and keep a private copy of it."""
    replaced = backups_dir(folder) / REPLACED_FOLDER
    _private_folders(folder)
    _must_be_folder(replaced)
    private_folder(replaced)
    safety = replaced / f"library-{_stamp()}.sqlite3"
    folded = _fold_log(library)
    copy_private(library, safety)
    wal = Path(f"{library}-wal")
    if not folded and wal.exists() and wal.stat().st_size:
        copy_private(wal, Path(f"{safety}-wal"))  # a damaged library: keep its log as it is
    sync_folder(replaced)
    return safety


def _fold_log(library: Path) -> bool:
    """Checkpoint the library's write-ahead log into its file and stop using one.

    SQLite does this crash-safely: the log is removed only once its pages are synced into
    the file. A damaged library is left byte for byte as it is (False is returned). A
    healthy one that cannot be folded (another program is reading it) stops the restore.
    """
    try:
        if header_problem(library):
            return False
        connection = sqlite3.connect(str(library), check_same_thread=False)
    except (OSError, sqlite3.Error):
        return False
    try:
        try:
            configure(connection, read_only=True)
            healthy = [row[0] for row in connection.execute("PRAGMA quick_check")] == ["ok"]
        except sqlite3.Error:
            return False
        if not healthy:
            return False
        try:
            busy = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
            mode = connection.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        except sqlite3.Error as error:
            raise translate(error, library, action=t("The backup was not restored")) from None
        if busy or mode != "delete" or Path(f"{library}-wal").exists():
            raise LibraryLocked(
                t(
                    "The backup was not restored: another program is reading the "
                    "library {library}. Close it (another WorkerImpact window, "
                    "or a command still running), then try again. Nothing was "
                    "changed.",
                    library=library,
                )
            )
        return True
    finally:
        connection.close()
