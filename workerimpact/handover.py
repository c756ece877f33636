"""Handing a file to the WorkerImpact window already running for this data folder.

The window listens on a local socket named after the user and the data folder
(``ui.single_instance``). A second launch, or a command that needs the library the window
holds (``review import``), sends it one line of JSON, ``{"open": "/absolute/path"}``, and
waits briefly for ``ok``: the window then comes forward and opens the file as File → Open
would. This half is plain Python (no Qt), so the command line can use it: on POSIX the
server's name is the path of a Unix socket.
"""

from __future__ import annotations

import json
import os
import sys
import zlib

TIMEOUT_S = 1.5
"""How long to wait for the running window to connect and answer."""


def server_name() -> str:
    """A name private to this user and data folder (tests and portable installs each get
    their own); on POSIX the path of the socket."""
    home = os.environ.get("WORKERIMPACT_HOME", "")
    user = str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "")
    digest = f"{zlib.crc32(f'{user}/{home}'.encode()):08x}"  # a name, not a secret
    if sys.platform == "win32":
        return f"workerimpact-{user}-{digest}"
    folder = os.environ.get("TMPDIR") or "/tmp"
    return os.path.join(folder, f"workerimpact-{user}-{digest}.socket")


def message(path: str | None) -> bytes:
    """The line a launch sends: the file to open (absolute), or None to come forward."""
    return json.dumps({"open": os.path.abspath(path) if path else None}).encode() + b"\n"


def hand_over(path: str | None, name: str | None = None) -> bool:
    """Send ``path`` to a running window; True when one took it (this process may exit).

    False, quickly, when no window listens for this data folder (or one left a socket
    behind and died, or did not answer in ``TIMEOUT_S``).
    """
    name = name or server_name()
    if sys.platform == "win32":  # a named pipe: QtNetwork's side of it, when installed
        try:
            from ui.single_instance import hand_over_qt
        except ImportError:
            return False
        return hand_over_qt(path, name)
    if not os.path.exists(name):
        return False  # the usual case, decided without importing anything
    import socket

    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
            connection.settimeout(TIMEOUT_S)
            connection.connect(name)
            connection.sendall(message(path))
            return connection.recv(16).startswith(b"ok")
    except OSError:  # nobody listens (a file left by a process that died), or no answer
        return False
