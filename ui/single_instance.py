"""One running window per person and data folder: a second launch hands its file over.

Double-clicking a report while WorkerImpact is open starts a second process. It connects
to the first one's ``QLocalServer``, sends the file's absolute path (or nothing, to bring
the window forward), waits for the answer and exits; the first window comes forward and
opens the file. Without a running window the new process listens itself.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

TIMEOUT_MS = 1500
_MAX_MESSAGE = 64 * 1024


def server_name() -> str:
    """A name private to this user and data folder (tests and portable installs each get
    their own)."""
    home = os.environ.get("WORKERIMPACT_HOME", "")
    digest = hashlib.sha256(f"{getpass.getuser()}\0{home}".encode()).hexdigest()[:16]
    return f"workerimpact-{digest}"


def hand_over(path: str | None, name: str | None = None) -> bool:
    """Send ``path`` to a running window; True when one took it (this process may exit)."""
    socket = QLocalSocket()
    socket.connectToServer(name or server_name())
    if not socket.waitForConnected(TIMEOUT_MS):
        return False
    message = json.dumps({"open": str(Path(path).resolve()) if path else None}).encode()
    socket.write(message + b"\n")
    socket.waitForBytesWritten(TIMEOUT_MS)  # False also when flushed already: not an error
    answered = socket.waitForReadyRead(TIMEOUT_MS) and socket.readAll().data().startswith(b"ok")
    socket.disconnectFromServer()
    return answered


class InstanceServer(QObject):
    """Listens for later launches and calls ``receive(path or None)`` for each."""

    def __init__(self, receive: Callable[[str | None], None], name: str | None = None, parent=None):
        super().__init__(parent)
        self._receive = receive
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._connected)
        name = name or server_name()
        if not self.server.listen(name):
            # A server file left by a process that died: nobody answers on it.
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
