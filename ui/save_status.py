"""The status bar's word on saving, which must always be true.

"Saving…" while any typed answer waits to be saved or a save is on its way to the library,
"Saved 14:02:11" only once everything typed has been written, and "Not saved" while an
edit the library refused is waiting to be retried.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel

from ui.debounce import unsaved_typing


class SaveStatus(QObject):
    """Keeps ``label`` in step with the typing not yet saved and the saves in flight."""

    def __init__(self, label: QLabel, controller, parent: QObject | None = None):
        super().__init__(parent)
        self.label = label
        self.controller = controller
        self.last_saved: dt.datetime | None = None
        # Bound methods, so Qt drops the connections when this object goes with its window.
        unsaved_typing().changed.connect(self.refresh)
        controller.in_flight_changed.connect(self.refresh)
        controller.saved.connect(self._saved)
        controller.answer_failed.connect(self.refresh)
        controller.opened.connect(self._reset)
        controller.closed.connect(self._reset)

    def _reset(self, *_args) -> None:
        self.last_saved = None
        self.refresh()

    def _saved(self, moment: dt.datetime) -> None:
        self.last_saved = moment
        self.refresh()

    def refresh(self, *_args) -> None:
        state = self.controller.state
        if unsaved_typing().count or self.controller.in_flight:
            text = self.tr("Saving…")
        elif state is not None and state.failed:
            text = self.tr("Not saved")
        elif self.last_saved is not None:
            text = self.tr("Saved %s") % self.last_saved.strftime("%H:%M:%S")
        else:
            text = ""
        self.label.setText(text)
        self.label.setAccessibleName(text)
