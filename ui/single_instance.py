"""One running window per person and data folder: a second launch hands its file over.

Double-clicking a report while WorkerImpact is open starts a second process. It connects
to the first one's ``QLocalServer``, sends the file's absolute path (or nothing, to bring
the window forward), waits for the answer and exits; the first window comes forward and
opens the file. Without a running window the new process listens itself, once its window
is on screen.

The check runs before the window exists, so it stays light: on POSIX it is a plain Unix
socket from Python's standard library (the server's name is the socket's path), and
QtNetwork is imported only by the running window, after its first paint. The sending half
is ``workerimpact.handover`` (no Qt), which ``workerimpact review import`` uses too.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from workerimpact.handover import TIMEOUT_S, hand_over, message, server_name

__all__ = ["InstanceServer", "hand_over", "hand_over_qt", "server_name"]
_MAX_MESSAGE = 64 * 1024


def hand_over_qt(path: str | None, name: str) -> bool:
    """``hand_over`` through QtNetwork (Windows' named pipes)."""
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(int(TIMEOUT_S * 1000)):
        return False
    socket.write(message(path))
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
