"""Background work: one single-worker executor for the library, one pool for the rest.

Anki's taskman pattern. Every Library and session call goes through ``TaskManager.library``
(a QThreadPool with one thread), so there is exactly one writer. Slow work that does not
touch the library (the PDF export, reading a file) goes through ``TaskManager.background``.
A job's outcome comes back to the GUI thread through a queued signal and is handed to the
``done`` or ``failed`` callback there; worker code never touches widgets.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]
Progress = Callable[[int, int, str], None]


class _Relay(QObject):
    """Lives on the GUI thread; what a worker emits is queued to its slots there."""

    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int, str)

    def __init__(self, manager: TaskManager, done, failed, progress):
        super().__init__(manager)
        self._manager = manager
        self._done = done
        self._failed = failed
        self._progress = progress
        self.succeeded.connect(self._deliver_success)
        self.failed.connect(self._deliver_failure)
        self.progressed.connect(self._deliver_progress)

    @Slot(object)
    def _deliver_success(self, value: Any) -> None:
        self._manager._finished(self)
        if self._done is not None:
            self._done(value)

    @Slot(object)
    def _deliver_failure(self, error: BaseException) -> None:
        self._manager._finished(self)
        if self._failed is None:
            raise error
        self._failed(error)

    @Slot(int, int, str)
    def _deliver_progress(self, done: int, total: int, message: str) -> None:
        if self._progress is not None:
            self._progress(done, total, message)


class _Job(QRunnable):
    def __init__(self, function: Callable[..., Any], relay: _Relay, wants_progress: bool):
        super().__init__()
        self.setAutoDelete(True)
        self._function = function
        self._relay = relay
        self._wants_progress = wants_progress

    def run(self) -> None:  # on a worker thread: no widgets here
        try:
            value = self._function(self._report) if self._wants_progress else self._function()
        except BaseException as error:  # every fault goes back to the GUI as a value
            self._relay.failed.emit(error)
        else:
            self._relay.succeeded.emit(value)

    def _report(self, done: int, total: int, message: str = "") -> None:
        self._relay.progressed.emit(int(done), int(total), str(message))


class TaskManager(QObject):
    """Runs callables off the GUI thread and hands their outcome back on it."""

    busy_changed = Signal(bool)
    """True while any job is queued or running (the status bar shows a busy mark)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._library = QThreadPool(self)
        self._library.setMaxThreadCount(1)
        # The library thread is needed again after every answer: keep it alive.
        self._library.setExpiryTimeout(-1)
        self._background = QThreadPool(self)
        self._background.setMaxThreadCount(2)
        self._relays: set[_Relay] = set()

    @property
    def pending(self) -> int:
        """Jobs queued or running, or finished but not yet delivered."""
        return len(self._relays)

    def library(
        self,
        function: Callable[[], Any],
        done: Done | None = None,
        failed: Failed | None = None,
    ) -> None:
        """Run ``function`` on the single library thread (the one writer)."""
        self._start(self._library, function, done, failed, None)

    def background(
        self,
        function: Callable[..., Any],
        done: Done | None = None,
        failed: Failed | None = None,
        *,
        progress: Progress | None = None,
    ) -> None:
        """Run ``function`` on the general pool; it must not touch the library.

        With ``progress``, ``function`` is called with one argument, a
        ``report(done, total, message)`` callable it may call from its thread.
        """
        self._start(self._background, function, done, failed, progress)

    def wait(self, milliseconds: int = 30_000) -> bool:
        """Block until every job has run (on quit, so no answer is left unsaved)."""
        library_done = self._library.waitForDone(milliseconds)
        return self._background.waitForDone(milliseconds) and library_done

    def _start(self, pool: QThreadPool, function, done, failed, progress) -> None:
        relay = _Relay(self, done, failed, progress)
        self._relays.add(relay)
        if len(self._relays) == 1:
            self.busy_changed.emit(True)
        pool.start(_Job(function, relay, progress is not None))

    def _finished(self, relay: _Relay) -> None:
        self._relays.discard(relay)
        relay.deleteLater()
        if not self._relays:
            self.busy_changed.emit(False)
