"""Private files for the signing identity: a 0700 folder, 0600 files, written atomically."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from workerimpact.errors import InputError
from workerimpact.files import sync_folder
from workerimpact.i18n import os_reason, t
from workerimpact.paths import data_dir


def signing_dir(create: bool = False) -> Path:
    """``<data folder>/signing``: the key, the certificate and the trusted certificates."""
    path = data_dir() / "signing"
    if create:
        try:
            path.mkdir(parents=True, exist_ok=True, mode=0o700)
            os.chmod(path, 0o700)
        except OSError as error:
            raise InputError.single(
                str(path), t("cannot create the folder: {error}", error=os_reason(error))
            ) from None
    return path


def write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` readable and writable by the user alone (0600), atomically."""
    folder = path.parent
    temporary = None
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        if hasattr(os, "fchmod"):  # mkstemp makes it 0600 already; say so explicitly
            os.fchmod(handle, 0o600)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
        temporary = None
        sync_folder(folder)
    except OSError as error:
        raise InputError.single(
            str(path), t("cannot write the file: {error}", error=os_reason(error))
        ) from None
    finally:
        if temporary is not None:
            try:
                os.unlink(temporary)
            except OSError:
                pass


def read_private(path: Path) -> bytes | None:
    """The bytes of ``path``, or None if it does not exist."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise InputError.single(
            str(path), t("cannot read the file: {error}", error=os_reason(error))
        ) from None
