"""Call something once typing pauses (superqt's ``qdebounced`` idea, in a few lines)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

SAVE_DELAY_MS = 300
"""A text answer is saved this long after the last keystroke."""


class Debouncer(QObject):
    """Runs ``action`` ``delay`` ms after the last ``trigger()``; ``flush()`` runs it now."""

    def __init__(self, action: Callable[[], None], delay: int = SAVE_DELAY_MS, parent=None):
        super().__init__(parent)
        self._action = action
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay)
        self._timer.timeout.connect(self._action)

    @property
    def pending(self) -> bool:
        """True while a call is waiting."""
        return self._timer.isActive()

    def trigger(self) -> None:
        """Restart the wait."""
        self._timer.start()

    def flush(self) -> None:
        """Run a waiting call now (on focus-out, before undo, on close)."""
        if self._timer.isActive():
            self._timer.stop()
            self._action()

    def cancel(self) -> None:
        """Drop a waiting call."""
        self._timer.stop()
