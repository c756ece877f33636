"""Save typed text soon after typing, even when typing never pauses.

``Debouncer`` is superqt's ``qdebounced`` idea with a cap (its ``qthrottled`` half): the
action runs ``delay`` ms after the last ``trigger()``, and never later than ``max_wait`` ms
after the first unsaved keystroke, so someone typing steadily is saved about once a second
and a power cut loses at most the last second of typing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

SAVE_DELAY_MS = 300
"""A text answer is saved this long after the last keystroke…"""
MAX_WAIT_MS = 1000
"""…and at the latest this long after the first keystroke not yet saved."""


class UnsavedTyping(QObject):
    """How many fields hold typing not yet sent to be saved (the status bar's "Saving…")."""

    changed = Signal(int)

    def __init__(self):
        super().__init__()
        self._waiting: set[int] = set()

    @property
    def count(self) -> int:
        return len(self._waiting)

    def mark(self, key: int, waiting: bool) -> None:
        before = len(self._waiting)
        if waiting:
            self._waiting.add(key)
        else:
            self._waiting.discard(key)
        if len(self._waiting) != before:
            self.changed.emit(len(self._waiting))


_unsaved: UnsavedTyping | None = None


def unsaved_typing() -> UnsavedTyping:
    """The one ``UnsavedTyping`` of the application."""
    global _unsaved
    if _unsaved is None:
        _unsaved = UnsavedTyping()
    return _unsaved


class Debouncer(QObject):
    """Runs ``action`` ``delay`` ms after the last ``trigger()`` (at most ``max_wait`` ms
    after the first); ``flush()`` runs it now."""

    pending_changed = Signal(bool)
    """True when a call starts waiting, False when it has run or was dropped."""

    def __init__(
        self,
        action: Callable[[], None],
        delay: int = SAVE_DELAY_MS,
        parent=None,
        *,
        max_wait: int = MAX_WAIT_MS,
    ):
        super().__init__(parent)
        self._action = action
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay)
        self._timer.timeout.connect(self._run)
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.setInterval(max(max_wait, delay))
        self._deadline.timeout.connect(self._run)
        key = id(self)
        self.pending_changed.connect(lambda waiting: unsaved_typing().mark(key, waiting))
        self.destroyed.connect(lambda: unsaved_typing().mark(key, False))

    @property
    def pending(self) -> bool:
        """True while a call is waiting."""
        return self._timer.isActive() or self._deadline.isActive()

    def trigger(self) -> None:
        """Restart the short wait (the long one keeps running from the first trigger)."""
        was_pending = self.pending
        self._timer.start()
        if not self._deadline.isActive():
            self._deadline.start()
        if not was_pending:
            self.pending_changed.emit(True)

    def _stop(self) -> bool:
        was_pending = self.pending
        self._timer.stop()
        self._deadline.stop()
        return was_pending

    def _run(self) -> None:
        self._stop()
        self._action()
        self.pending_changed.emit(False)

    def flush(self) -> None:
        """Run a waiting call now (on focus-out, before undo, on close)."""
        if self.pending:
            self._run()

    def cancel(self) -> None:
        """Drop a waiting call."""
        if self._stop():
            self.pending_changed.emit(False)
