"""Durable file writes: write to a temporary file beside the target, sync, then rename.

A reader (or a crash) sees either the old file or the complete new one, never half of it.
Also here: ``is_pdf``, telling a report PDF from a portable assessment file by its start.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from workerimpact.errors import InputError


def atomic_write(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically and durably, or raise ``InputError`` saying why."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise InputError.single(str(target), "this is a folder; give a file name to write")
    if not folder.is_dir():
        raise InputError.single(str(target), f"the folder {folder} does not exist")
    temporary = None
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
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
        reason = error.strerror or str(error)
        raise InputError.single(str(target), f"cannot write the file: {reason}") from None
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
