"""What every view shares: the task manager, the open library, and the change hook.

Anki's "operation did execute" idea: an operation runs a core call on the library thread,
and when it has changed the library the context emits ``library_changed``; each view
decides for itself whether to re-read. Views never poke each other.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from ui.tasks import TaskManager


class AppContext(QObject):
    """The shared state of one window: tasks, the library, and change notifications."""

    library_changed = Signal()
    """Summaries may have changed (an assessment created, answered, deleted…)."""
    message = Signal(str)
    """A short status-bar message."""
    fault = Signal(object, object)
    """An error to explain to the user, and an optional retry callable."""

    def __init__(self, tasks: TaskManager, library: Any, parent: QObject | None = None):
        super().__init__(parent)
        self.tasks = tasks
        self.library = library
        """The open ``workerimpact.storage.Library``; touched only on the library thread."""

    @property
    def read_only(self) -> bool:
        """True when the library was opened read-only (changes cannot be saved)."""
        return bool(getattr(self.library, "read_only", False))

    def run(
        self,
        operation: Callable[[Any], Any],
        done: Callable[[Any], None] | None = None,
        failed: Callable[[BaseException], None] | None = None,
        *,
        changes: bool = False,
    ) -> None:
        """Run ``operation(library)`` on the library thread; ``done(value)`` on the GUI thread.

        With ``changes``, views are told the library changed once it succeeds. Without a
        ``failed`` callback, a fault is shown to the user.
        """
        library = self.library

        def succeeded(value: Any) -> None:
            if changes:
                self.library_changed.emit()
            if done is not None:
                done(value)

        def failed_default(error: BaseException) -> None:
            self.fault.emit(error, None)

        self.tasks.library(lambda: operation(library), succeeded, failed or failed_default)
