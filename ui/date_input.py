"""A date answer: a field to type YYYY-MM-DD in, and a calendar to pick from.

An empty field is an unset date (its placeholder says so); typing works as in any text
field, Tab leaves the field, and the calendar opens at the date shown or at today. A typed
date that is not a real date stays in the field with the reason under it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCalendarWidget, QHBoxLayout, QLineEdit, QToolButton, QWidget

from ui.debounce import Debouncer
from ui.question_widgets import AnswerInput


def parse_date(text: str) -> str | None:
    """A typed date as ``YYYY-MM-DD``; None for empty; raises ValueError otherwise."""
    cleaned = text.strip().replace("/", "-").replace(".", "-")
    if not cleaned:
        return None
    parts = cleaned.split("-")
    if len(parts) != 3 or not all(part.isdigit() for part in parts) or len(parts[0]) != 4:
        raise ValueError(text)
    return dt.date(int(parts[0]), int(parts[1]), int(parts[2])).isoformat()


class _CalendarPopup(QCalendarWidget):
    """The calendar shown under the field; Enter or a click picks, Escape closes."""

    picked = Signal(QDate)

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setWindowFlags(Qt.WindowType.Popup)
        self.setGridVisible(True)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.clicked.connect(self._pick)
        self.activated.connect(self._pick)

    def _pick(self, date: QDate) -> None:
        # Closed after the key or click that picked has been handled.
        QTimer.singleShot(0, self.close)
        self.picked.emit(date)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)


class _OpenCalendarKeys(QObject):
    """Alt+Down or F4 in the field opens the calendar, as in a date picker."""

    def __init__(self, field: QLineEdit, action):
        super().__init__(field)
        self._action = action
        field.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            alt_down = event.key() == Qt.Key.Key_Down and (
                event.modifiers() & Qt.KeyboardModifier.AltModifier
            )
            if alt_down or event.key() == Qt.Key.Key_F4:
                self._action()
                return True
        return False


class DateInput(AnswerInput):
    """A date (YYYY-MM-DD); empty means no answer."""

    invalid = Signal(str)
    """The typed text is not a date (the card shows why; nothing is saved)."""

    def __init__(self, question, parent: QWidget | None = None):
        super().__init__(question, parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.field = QLineEdit(self)
        self.field.setObjectName("date")
        self.field.setPlaceholderText(self.tr("Not set (YYYY-MM-DD)"))
        self.field.setMaxLength(10)
        # Wide enough for the whole "Not set (YYYY-MM-DD)" and the clear button.
        wide = self.field.fontMetrics().horizontalAdvance(self.field.placeholderText()) + 44
        self.field.setMinimumWidth(wide)
        self.field.setMaximumWidth(max(wide, 180))
        self.field.setClearButtonEnabled(True)
        layout.addWidget(self.field)
        self.calendar_button = QToolButton(self)
        self.calendar_button.setObjectName("date_calendar")
        self.calendar_button.setText(self.tr("Calendar…"))
        self.calendar_button.setAccessibleName(self.tr("Choose the date from a calendar"))
        self.calendar_button.setToolTip(self.tr("Choose the date from a calendar (Alt+Down)"))
        self.calendar_button.clicked.connect(self.open_calendar)
        layout.addWidget(self.calendar_button)
        layout.addStretch(1)
        self.calendar: _CalendarPopup | None = None
        self._saved: Any = None
        self._debouncer = Debouncer(self._commit, parent=self)
        self.field.textEdited.connect(lambda _text: self._debouncer.trigger())
        self.field.editingFinished.connect(self.flush)
        _OpenCalendarKeys(self.field, self.open_calendar)

    def value(self) -> Any:
        try:
            return parse_date(self.field.text())
        except ValueError:
            return self.field.text()

    def _commit(self, *, finished: bool = False) -> None:
        try:
            value = parse_date(self.field.text())
        except ValueError:
            if finished or len(self.field.text().strip()) >= 10:  # not while half typed
                self.invalid.emit(self.tr("Type a date as YYYY-MM-DD, such as 2024-03-01."))
            return
        self.invalid.emit("")
        if value != self._saved:
            self._saved = value
            self.edited.emit(value)

    def flush(self) -> None:
        self._debouncer.cancel()
        self._commit(finished=True)

    def set_value(self, value: Any) -> None:
        self._debouncer.cancel()
        self._saved = value
        text = value if isinstance(value, str) else ""
        if self.field.text() != text:
            self.field.setText(text)

    def open_calendar(self) -> None:
        """Show the calendar at the date in the field, or at today."""
        if self.field.isReadOnly():
            return
        if self.calendar is None:
            self.calendar = _CalendarPopup(self)
            self.calendar.picked.connect(self._picked)
        shown = QDate.fromString(self._valid_text(), "yyyy-MM-dd")
        self.calendar.setSelectedDate(shown if shown.isValid() else QDate.currentDate())
        corner = self.field.mapToGlobal(self.field.rect().bottomLeft())
        self.calendar.move(corner)
        self.calendar.show()
        self.calendar.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _valid_text(self) -> str:
        try:
            return parse_date(self.field.text()) or ""
        except ValueError:
            return ""

    def _picked(self, date: QDate) -> None:
        self.field.setText(date.toString("yyyy-MM-dd"))
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.flush()

    def focus_target(self) -> QWidget:
        return self.field

    def set_read_only(self, read_only: bool) -> None:
        self.field.setReadOnly(read_only)
        # A read-only date offers no clear button (it was drawn, and did nothing).
        self.field.setClearButtonEnabled(not read_only)
        self.calendar_button.setEnabled(not read_only)
