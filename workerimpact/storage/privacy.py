"""Keeping the library private: its folder 0700, every file of it 0600, whatever the umask.

The library holds worker health and workplace data, so, as GnuPG and ssh do with keys, only
its owner may read it. Files are created private (never created open, then narrowed), and
an existing folder that others may read is tightened when the library is opened, and the
user is told once. Exported files (statements, assessment files) are not made here: they
are meant to be shared and keep the user's umask.
"""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

from workerimpact.files import sync_folder

PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600

_LIBRARY_NAMES = (
    "library.sqlite3",
    "library.sqlite3-wal",
    "library.sqlite3-shm",
    "library.lock",
    "window.ini",  # the window's settings: the assessor's name, the last assessment
)
_FOLDERS = ("backups", "backups/replaced")


def private_folder(folder: Path) -> bool:
    """Create ``folder`` (and missing parents) if needed and make it 0700 if we own it.

    Returns True when an existing folder was open to others and was tightened. Raises
    ``OSError`` only when the folder cannot be created.
    """
    existed = folder.is_dir()
    folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
    return _restrict(folder, PRIVATE_FOLDER) and existed


def create_private(path: Path) -> int:
    """Create ``path`` as a new empty 0600 file (never following a link); return its descriptor.

    Raises ``FileExistsError`` when something is already there.
    """
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    descriptor = os.open(path, flags | getattr(os, "O_CLOEXEC", 0), PRIVATE_FILE)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(descriptor, PRIVATE_FILE)  # the umask may have taken the owner's bits
    except OSError:
        os.close(descriptor)
        raise
    return descriptor


def copy_private(source: Path, target: Path) -> None:
    """Copy ``source`` into a new 0600 file ``target`` and sync it to disk.

    On failure (a full disk, say) nothing is left at ``target``.
    """
    descriptor = create_private(target)
    try:
        with os.fdopen(descriptor, "wb") as stream, source.open("rb") as original:
            shutil.copyfileobj(original, stream, 1024 * 1024)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        target.unlink(missing_ok=True)
        raise


def mirror_private(source: Path, target: Path) -> int:
    """Make the private folder ``target`` hold a synced 0600 copy of each file in ``source``.

    Each file is copied to a temporary name and renamed, so a kill leaves the previous copy
    whole; files no longer in ``source`` are left alone. Returns how many files were copied
    (0 when ``source`` is not a folder). Raises ``OSError`` when a copy fails.
    """
    if not _is_real_folder(source):
        return 0
    private_folder(target)
    copied = 0
    for item in sorted(source.iterdir()):
        if item.name.startswith(".") or not item.is_file() or item.is_symlink():
            continue
        temporary = target / f".{item.name}.tmp"
        temporary.unlink(missing_ok=True)
        copy_private(item, temporary)
        os.replace(temporary, target / item.name)
        copied += 1
    if copied:
        sync_folder(target)
    return copied


def tighten(folder: Path) -> list[Path]:
    """Make the data folder, the library's files and its backups private; return what changed.

    Symbolic links are left alone (and never followed); what the user cannot change (a file
    owned by someone else, a read-only disk) is skipped silently.
    """
    changed: list[Path] = []
    if _restrict(folder, PRIVATE_FOLDER):
        changed.append(folder)
    for name in _LIBRARY_NAMES:
        if _restrict(folder / name, PRIVATE_FILE):
            changed.append(folder / name)
    for name in _FOLDERS:
        inner = folder / name
        if _restrict(inner, PRIVATE_FOLDER):
            changed.append(inner)
        try:
            entries = list(inner.iterdir()) if _is_real_folder(inner) else []
        except OSError:
            entries = []
        for entry in entries:
            if _restrict(entry, PRIVATE_FILE, files_only=True):
                changed.append(entry)
    return changed


def restrict_file(path: Path) -> bool:
    """Make an existing file of the user's 0600 (a link is left alone); True if it changed."""
    return _restrict(path, PRIVATE_FILE, files_only=True)


def _is_real_folder(path: Path) -> bool:
    try:
        return stat.S_ISDIR(path.lstat().st_mode)
    except OSError:
        return False


def _restrict(path: Path, mode: int, *, files_only: bool = False) -> bool:
    """Take away group and other permissions from ``path``; True if it had any."""
    try:
        info = path.lstat()
    except OSError:
        return False
    if stat.S_ISLNK(info.st_mode) or (files_only and not stat.S_ISREG(info.st_mode)):
        return False
    if os.name != "posix" or not info.st_mode & 0o077:
        return False
    if hasattr(os, "geteuid") and info.st_uid != os.geteuid():
        return False
    try:
        os.chmod(path, stat.S_IMODE(info.st_mode) & mode)  # lstat said: not a link
    except OSError:
        return False
    return True
