"""One input widget per question type, built from the questionnaire's data.

Each input edits one answer value and emits ``edited(value)`` when a value is ready to save
(None clears the answer). Choices save at once; number, text and date save 300 ms after
the last keystroke, at the latest one second after the first unsaved one, and on focus-out.
Options and hints wrap (``ui.wrapping``): a question is never wider than its column.
``set_value`` never emits, so showing a saved answer or applying an undo does not echo
back as a new edit.
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ui.debounce import Debouncer
from ui.wrapping import FlowLayout, WrapCheckBox, WrapRadioButton


class AnswerInput(QWidget):
    """Base of the inputs: ``edited(value)`` when the user gives an answer."""

    edited = Signal(object)

    def __init__(self, question, parent: QWidget | None = None):
        super().__init__(parent)
        self.question = question

    def set_value(self, value: Any) -> None:
        """Show a saved value without emitting ``edited``."""
        raise NotImplementedError

    def value(self) -> Any:
        """The value shown now."""
        raise NotImplementedError

    def focus_target(self) -> QWidget:
        """The widget a label's buddy and keyboard focus should go to."""
        return self

    def flush(self) -> None:
        """Emit a pending typed value now (focus-out, close, undo)."""

    def set_read_only(self, read_only: bool) -> None:
        """Lock the input (final assessments)."""
        self.setEnabled(not read_only)


class _ArrowNavigation(QObject):
    """Up/Down (and Left/Right) move focus between a group's check boxes."""

    def __init__(self, buttons: list[QAbstractButton]):
        super().__init__(buttons[0] if buttons else None)
        self._buttons = buttons
        for button in buttons:
            button.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        step = {
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_Left: -1,
        }.get(Qt.Key(event.key()))
        if step is None or watched not in self._buttons:
            return False
        index = self._buttons.index(watched) + step
        if 0 <= index < len(self._buttons):
            # A keyboard reason, so the style shows where the focus went.
            self._buttons[index].setFocus(Qt.FocusReason.ShortcutFocusReason)
        return True


def _layout_for(question) -> QLayout:
    """Short yes/no and scale options in rows that wrap; other options stacked."""
    if question.type in ("yes_no", "scale") and len(question.options) <= 5:
        return FlowLayout()
    layout = QVBoxLayout()
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    return layout


def _option_tip(option) -> str:
    return option.help or ""


class SingleChoiceInput(AnswerInput):
    """Radio buttons (single choice, yes/no, scale); arrow keys move between them."""

    def __init__(self, question, parent: QWidget | None = None):
        super().__init__(question, parent)
        layout = _layout_for(question)
        self.setLayout(layout)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, WrapRadioButton] = {}
        for option in question.options:
            button = WrapRadioButton(option.label, self)
            button.setObjectName(f"option_{option.id}")
            button.setAccessibleName(option.label)
            if option.help:
                button.setToolTip(_option_tip(option))
                button.setAccessibleDescription(option.help)
            self.group.addButton(button)
            layout.addWidget(button)
            self.buttons[option.id] = button
        self.group.buttonToggled.connect(self._toggled)

    def _toggled(self, button: QAbstractButton, checked: bool) -> None:
        if checked:
            self.edited.emit(self.value())

    def value(self) -> Any:
        for option_id, button in self.buttons.items():
            if button.isChecked():
                return option_id
        return None

    def set_value(self, value: Any) -> None:
        self.group.blockSignals(True)
        self.group.setExclusive(False)
        for option_id, button in self.buttons.items():
            button.setChecked(option_id == value)
        self.group.setExclusive(True)
        self.group.blockSignals(False)

    def focus_target(self) -> QWidget:
        checked = self.group.checkedButton()
        if checked is not None:
            return checked
        return next(iter(self.buttons.values()), self)


class MultipleChoiceInput(AnswerInput):
    """Check boxes; an ``exclusive`` option (such as "None of these") clears the others."""

    def __init__(self, question, parent: QWidget | None = None):
        super().__init__(question, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.boxes: dict[str, WrapCheckBox] = {}
        self._exclusive = {
            option.id for option in question.options if option.exclusive or option.special
        }
        for option in question.options:
            box = WrapCheckBox(option.label, self)
            box.setObjectName(f"option_{option.id}")
            box.setAccessibleName(option.label)
            if option.help:
                box.setToolTip(option.help)
                box.setAccessibleDescription(option.help)
            box.toggled.connect(
                lambda checked, option_id=option.id: self._toggled(option_id, checked)
            )
            layout.addWidget(box)
            self.boxes[option.id] = box
        self._navigation = _ArrowNavigation(list(self.boxes.values()))

    def _toggled(self, option_id: str, checked: bool) -> None:
        if checked:
            # Keep the answer valid: an exclusive option stands alone.
            others = (
                [o for o in self.boxes if o != option_id]
                if option_id in self._exclusive
                else [o for o in self._exclusive]
            )
            for other in others:
                box = self.boxes[other]
                if box.isChecked():
                    box.blockSignals(True)
                    box.setChecked(False)
                    box.blockSignals(False)
        self.edited.emit(self.value())

    def value(self) -> Any:
        chosen = [option_id for option_id, box in self.boxes.items() if box.isChecked()]
        return chosen or None

    def set_value(self, value: Any) -> None:
        chosen = set(value or [])
        for option_id, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(option_id in chosen)
            box.blockSignals(False)

    def focus_target(self) -> QWidget:
        return next(iter(self.boxes.values()), self)


class FocusOut(QObject):
    """Calls ``action`` when the watched widget loses focus."""

    def __init__(self, widget: QWidget, action):
        super().__init__(widget)
        self._action = action
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.FocusOut:
            self._action()
        return False


def parse_number(text: str) -> float | int | None:
    """Read a typed number ("1,200", "3.5"); None for empty; raises ValueError otherwise."""
    cleaned = text.strip().replace(",", "").replace("\u202f", "").replace(" ", "")
    if not cleaned:
        return None
    number = float(cleaned)
    if not math.isfinite(number):
        raise ValueError(text)
    return int(number) if number.is_integer() and abs(number) < 2**53 else number


class NumberInput(AnswerInput):
    """A number field with its unit and range; saves after typing pauses."""

    invalid = Signal(str)
    """The typed text is not a number (the card shows why; nothing is saved)."""

    def __init__(self, question, parent: QWidget | None = None):
        super().__init__(question, parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.field = QLineEdit(self)
        self.field.setObjectName("number")
        self.field.setMaximumWidth(180)
        self.field.setMinimumWidth(80)
        self.field.setInputMethodHints(Qt.InputMethodHint.ImhFormattedNumbersOnly)
        layout.addWidget(self.field)
        hint = []
        if question.unit:
            hint.append(question.unit)
        if question.minimum is not None and question.maximum is not None:
            hint.append(self.tr("(%s to %s)") % (f"{question.minimum:g}", f"{question.maximum:g}"))
        elif question.minimum is not None:
            hint.append(self.tr("(at least %s)") % f"{question.minimum:g}")
        elif question.maximum is not None:
            hint.append(self.tr("(at most %s)") % f"{question.maximum:g}")
        self.hint = QLabel(" ".join(hint), self)
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint, 1)
        self.field.setAccessibleDescription(" ".join(hint))
        self._saved: Any = None
        self._debouncer = Debouncer(self._commit, parent=self)
        self.field.textEdited.connect(lambda _text: self._debouncer.trigger())
        self.field.editingFinished.connect(self.flush)

    def _commit(self) -> None:
        try:
            value = parse_number(self.field.text())
        except ValueError:
            self.invalid.emit(self.tr("Type a number, such as 12 or 3.5."))
            return
        if value != self._saved:
            self._saved = value
            self.edited.emit(value)

    def flush(self) -> None:
        self._debouncer.cancel()
        self._commit()

    def value(self) -> Any:
        try:
            return parse_number(self.field.text())
        except ValueError:
            return self.field.text()

    def set_value(self, value: Any) -> None:
        self._debouncer.cancel()
        self._saved = value
        self.field.setText(
            "" if value is None else f"{value:g}" if isinstance(value, float) else str(value)
        )

    def focus_target(self) -> QWidget:
        return self.field

    def set_read_only(self, read_only: bool) -> None:
        self.field.setReadOnly(read_only)


class TextInput(AnswerInput):
    """A multi-line text field; Tab moves on; saves after typing pauses and on focus-out."""

    def __init__(self, question, parent: QWidget | None = None, *, lines: int = 5):
        super().__init__(question, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.field = PlainText(self, lines=lines)
        self.field.setObjectName("text")
        layout.addWidget(self.field)
        self._saved: Any = None
        self._debouncer = Debouncer(self._commit, parent=self)
        self.field.textChanged.connect(self._typed)
        FocusOut(self.field, self.flush)
        self._loading = False

    def _typed(self) -> None:
        if not self._loading:
            self._debouncer.trigger()

    def _commit(self) -> None:
        value = self.field.toPlainText() or None
        if value != self._saved:
            self._saved = value
            self.edited.emit(value)

    def flush(self) -> None:
        if self._debouncer.pending:
            self._debouncer.cancel()
            self._commit()

    def value(self) -> Any:
        return self.field.toPlainText() or None

    def set_value(self, value: Any) -> None:
        self._debouncer.cancel()
        self._saved = value or None
        if self.field.toPlainText() != (value or ""):
            self._loading = True
            self.field.setPlainText(value or "")
            self._loading = False

    def focus_target(self) -> QWidget:
        return self.field

    def set_read_only(self, read_only: bool) -> None:
        self.field.setReadOnly(read_only)


class PlainText(QPlainTextEdit):
    """A plain-text field a few lines high where Tab moves focus instead of typing a tab."""

    def __init__(self, parent: QWidget | None = None, *, lines: int = 3):
        super().__init__(parent)
        self.setTabChangesFocus(True)
        # The style draws no focus frame around a plain-text field: draw one, in the
        # highlight colour, so the keyboard focus is always visible.
        self.setStyleSheet(
            "QPlainTextEdit:focus { border: 2px solid palette(highlight); border-radius: 3px; }"
        )
        line = self.fontMetrics().lineSpacing()
        self.setFixedHeight(line * lines + 14)


_INPUTS = {
    "single_choice": SingleChoiceInput,
    "yes_no": SingleChoiceInput,
    "scale": SingleChoiceInput,
    "multiple_choice": MultipleChoiceInput,
    "number": NumberInput,
    "text": TextInput,
}


def input_for(question, parent: QWidget | None = None) -> AnswerInput:
    """The input widget for a question's type."""
    if question.type == "date":
        from ui.date_input import DateInput

        return DateInput(question, parent)
    return _INPUTS[question.type](question, parent)
