"""Durable file writes: write to a temporary file beside the target, sync, then rename.

A reader (or a crash) sees either the old file or the complete new one, never half of it.
A temporary file is *claimed* (an advisory lock held while it is written), so the next
write finds the ones a killed process left behind and removes them (``remove_abandoned``).
Also here: ``is_pdf``, telling a report PDF from a portable assessment file by its start.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

from workerimpact.errors import InputError
from workerimpact.i18n import os_reason, t


def atomic_write(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically and durably, or raise ``InputError`` saying why."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise InputError.single(str(target), t("this is a folder; give a file name to write"))
    if not folder.is_dir():
        raise InputError.single(str(target), t("the folder {folder} does not exist", folder=folder))
    remove_abandoned(folder.glob(f".{glob_escape(target.name)}.*.tmp"))
    temporary = None
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        claim(handle)
        # mkstemp makes the file private (0600); give it the mode a plain write would:
        # the existing file's, or the default for new files under the user's umask.
        try:
            mode = target.stat().st_mode & 0o7777
        except FileNotFoundError:
            mode = 0o666 & ~_umask()
        os.chmod(temporary, mode)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
        temporary = None
        sync_folder(folder)
    except OSError as error:
        reason = os_reason(error)
        raise InputError.single(
            str(target), t("cannot write the file: {reason}", reason=reason)
        ) from None
    finally:
        if temporary is not None:
            try:
                os.unlink(temporary)
            except OSError:
                pass


def _umask() -> int:
    """The process's umask, read without changing it (os.umask would race other threads)."""
    try:
        with open("/proc/self/status", "rb") as status:
            for line in status:
                if line.startswith(b"Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


def glob_escape(name: str) -> str:
    """``name`` with the characters ``Path.glob`` treats specially made literal."""
    return "".join(f"[{char}]" if char in "*?[" else char for char in name)


def claim(descriptor: int) -> None:
    """Mark an open temporary file as being written by this process (until it is closed).

    The mark is an advisory lock the operating system drops when the process ends, however
    it ends; ``remove_abandoned`` deletes only files nobody holds it on.
    """
    if os.name == "posix":
        import fcntl

        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            pass  # a filesystem without locks: the file is then only removed by age


ABANDONED_AGE = 24 * 3600
"""Where locks cannot tell, a temporary file older than this (seconds) is abandoned."""
_GRACE = 10
"""A file younger than this (seconds) may not be claimed yet: it is never removed."""


def remove_abandoned(paths: Iterable[Path]) -> list[Path]:
    """Delete the temporary files among ``paths`` that no running process is writing.

    Returns those removed. A file another process still claims (see ``claim``) is kept;
    errors (a file vanished, a folder that may not be written) are ignored.
    """
    removed = []
    for path in paths:
        try:
            if path.is_symlink() or not path.is_file():
                continue
            if _abandoned(path):
                path.unlink()
                removed.append(path)
        except OSError:
            continue
    return removed


def _abandoned(path: Path) -> bool:
    age = time.time() - path.stat().st_mtime
    if age < _GRACE:
        return False
    if os.name != "posix":
        return age > ABANDONED_AGE
    import fcntl

    descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False  # someone is writing it now
    finally:
        os.close(descriptor)  # closing drops the lock we may have taken
    return True


def sync_folder(folder: Path) -> None:
    """Make renames and new entries in ``folder`` durable (fsync the folder on POSIX)."""
    # The rename is durable only once the folder entry is synced (POSIX); Windows has no
    # directory handles to sync, and there os.replace is already durable enough.
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def is_pdf(path: Path) -> bool:
    """True when the file at ``path`` starts like a PDF (``%PDF-``); False if unreadable."""
    try:
        with path.open("rb") as stream:
            return stream.read(5) == b"%PDF-"
    except OSError:
        return False
