"""One running window per person and data folder: a second launch hands its file over.

Double-clicking a report while WorkerImpact is open starts a second process. It connects
to the first one's ``QLocalServer``, sends the file's absolute path (or nothing, to bring
the window forward), waits for the answer and exits; the first window comes forward and
opens the file. Without a running window the new process listens itself, once its window
is on screen.

The check runs before the window exists, so it stays light: on POSIX it is a plain Unix
socket from Python's standard library (the server's name is the socket's path), and
QtNetwork is imported only by the running window, after its first paint.
"""

from __future__ import annotations

import os
import sys
import zlib
from collections.abc import Callable

from PySide6.QtCore import QObject

TIMEOUT_S = 1.5
_MAX_MESSAGE = 64 * 1024


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


def _message(path: str | None) -> bytes:
    import json

    return json.dumps({"open": os.path.abspath(path) if path else None}).encode() + b"\n"


def hand_over(path: str | None, name: str | None = None) -> bool:
    """Send ``path`` to a running window; True when one took it (this process may exit)."""
    name = name or server_name()
    if sys.platform == "win32":
        return _hand_over_qt(path, name)
    if not os.path.exists(name):
        return False  # the usual case, decided without importing anything
    import socket

    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
            connection.settimeout(TIMEOUT_S)
            connection.connect(name)
            connection.sendall(_message(path))
            return connection.recv(16).startswith(b"ok")
    except OSError:  # nobody listens (a file left by a process that died), or no answer
        return False


def _hand_over_qt(path: str | None, name: str) -> bool:
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(int(TIMEOUT_S * 1000)):
        return False
    socket.write(_message(path))
    socket.waitForBytesWritten(int(TIMEOUT_S * 1000))
    answered = socket.waitForReadyRead(int(TIMEOUT_S * 1000))
    return answered and socket.readAll().data().startswith(b"ok")


class InstanceServer(QObject):
    """Listens for later launches and calls ``receive(path or None)`` for each."""

    def __init__(self, receive: Callable[[str | None], None], name: str | None = None, parent=None):
        from PySide6.QtNetwork import QLocalServer

        super().__init__(parent)
        self._receive = receive
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._connected)
        name = name or server_name()
        if not self.server.listen(name):
            # A socket left by a process that died: nobody answers on it.
            QLocalServer.removeServer(name)
            self.server.listen(name)

    @property
    def listening(self) -> bool:
        return self.server.isListening()

    def _connected(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            buffer = bytearray()

            def read(socket=socket, buffer=buffer) -> None:
                buffer.extend(socket.readAll().data())
                if len(buffer) > _MAX_MESSAGE:
                    socket.abort()
                    return
                if b"\n" not in buffer:
                    return
                import json

                try:
                    message = json.loads(bytes(buffer).split(b"\n", 1)[0])
                    path = message.get("open") if isinstance(message, dict) else None
                except (ValueError, UnicodeDecodeError):
                    socket.abort()
                    return
                socket.write(b"ok\n")
                socket.flush()
                socket.disconnectFromServer()
                self._receive(path if isinstance(path, str) else None)

            socket.readyRead.connect(read)
            socket.disconnected.connect(socket.deleteLater)
