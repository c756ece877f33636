"""A list of entries in the review or the response that can be added, edited and removed:
concerns, information requests, meetings, measures.

Each entry is a row of fields and a Remove button; a row of empty fields and an Add button
ends the list. Every change is one durable save through ``change`` (a text as it is typed,
a date when its field is left, a choice at once, a removal at once). Keyboard only: Tab
walks the fields and buttons, Enter in any field of the new row adds it (once its first
field is typed; before that Enter moves on), Enter in an entry's field moves on, and after
a removal the focus goes to the next entry (or the new row).

``EntryDialog`` is the dialog such lists live in: Enter never closes it (no default button),
and closing it with a new entry half typed adds that entry, or asks before losing it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.review_common import combo, line, parse_date
from workerimpact.consultation.models import build
from workerimpact.errors import InputError


@dataclass(frozen=True)
class Column:
    """One field of an entry: its name in the model, words, and kind."""

    name: str
    words: str
    kind: str = "text"  # "text", "date" or "choice"
    choices: tuple[tuple[str | None, str], ...] = ()
    stretch: int = 1
    new_line: bool = False
    """Start a second line of the row here (so a long row never gets cramped)."""


class ItemList(QWidget):
    """The entries of ``entries()`` (a list in the record, changed in place)."""

    def __init__(
        self,
        entries: Callable[[], list[Any]],
        model: type[Any],
        columns: list[Column],
        change: Callable[[Callable[[], None]], bool],
        add_words: str,
        defaults: Callable[[], dict[str, Any]] = dict,
        adjust: Callable[[dict[str, Any]], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.entries, self.model, self.columns = entries, model, columns
        self._change, self._defaults, self._adjust = change, defaults, adjust
        self.rows: dict[str, dict[str, Any]] = {}
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        for entry in entries():
            self.layout_.addWidget(self._row(entry))
        self.add_fields = {
            column.name: self._editor(column, self._start(column)) for column in columns
        }
        self.add_button = QPushButton(add_words)
        self.add_button.setAutoDefault(False)  # Enter in a field adds once, not twice
        self.add_button.clicked.connect(self.add)
        for editor in self.add_fields.values():
            if isinstance(editor, QLineEdit):
                editor.returnPressed.connect(lambda e=editor: self._enter(e, new=True))
        self.layout_.addWidget(self._lines(self.add_fields, self.add_button))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Enter in a field of the list is the list's own (see ``_enter``): never passed on
        to the dialog, which would close."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            focused = self.focusWidget()
            if isinstance(focused, QAbstractButton) and focused.hasFocus():
                focused.click()  # Enter on Add or Remove does what Space does
            return
        super().keyPressEvent(event)

    def _enter(self, editor: QLineEdit, new: bool) -> None:
        """Enter in the new row adds it once its first field is typed, else moves on; Enter
        in an entry's field moves on."""
        if new and self._first_typed():
            self.add()
        else:
            editor.setFocus()
            editor.focusNextChild()

    def _first_typed(self) -> bool:
        first = self.add_fields[self.columns[0].name]
        return not isinstance(first, QLineEdit) or bool(first.text().strip())

    def pending(self) -> bool:
        """Whether something is typed in the new row and not added yet."""
        return any(
            isinstance(editor, QLineEdit) and editor.text().strip()
            for editor in self.add_fields.values()
        )

    def _lines(self, editors: dict[str, Any], button: QPushButton) -> QWidget:
        """The editors laid out on one line, or more where a column starts a new line."""
        widget = QWidget()
        lines = QVBoxLayout(widget)
        lines.setContentsMargins(0, 0, 0, 0)
        lines.setSpacing(2)
        current = QHBoxLayout()
        lines.addLayout(current)
        for column in self.columns:
            if column.new_line:
                current = QHBoxLayout()
                lines.addLayout(current)
            current.addWidget(editors[column.name], column.stretch)
        current.addWidget(button)
        return widget

    def _editor(self, column: Column, value: Any) -> QWidget:
        if column.kind == "choice":
            box = combo(list(column.choices), value)
            box.setAccessibleName(column.words)
            return box
        text = "" if value is None else str(value)
        if column.kind == "date":
            edit = line(text, "YYYY-MM-DD", column.words)
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("2026-12-31") + 20)
            return edit
        return line(text, column.words)

    def _start(self, column: Column) -> Any:
        """What a choice of the new row starts at: the given default, else the model's."""
        if column.kind != "choice":
            return None
        given = self._defaults()
        if column.name in given:
            return given[column.name]
        field = self.model.model_fields.get(column.name)
        default = field.get_default(call_default_factory=False) if field else None
        return default if isinstance(default, str) else None

    def _reset_new_row(self) -> None:
        """Empty the new row again: no text, every choice back at its starting value."""
        for column in self.columns:
            editor = self.add_fields[column.name]
            if column.kind == "choice":
                editor.setCurrentIndex(max(editor.findData(self._start(column)), 0))
            elif isinstance(editor, QLineEdit):
                editor.clear()

    def _values(self, editors: dict[str, Any]) -> dict[str, Any]:
        values = {}
        for column in self.columns:
            editor = editors[column.name]
            if column.kind == "choice":
                values[column.name] = editor.currentData()
            elif column.kind == "date":
                try:
                    values[column.name] = parse_date(editor.text())
                except ValueError:
                    raise InputError.single(
                        "", f"write {column.words.lower()} as YYYY-MM-DD, e.g. 2026-11-30"
                    ) from None
            else:
                values[column.name] = editor.text()
        return values

    def _row(self, entry: Any) -> QWidget:
        editors = {}
        for column in self.columns:
            editor = self._editor(column, getattr(entry, column.name))
            editors[column.name] = editor
            if column.kind == "choice":
                editor.currentIndexChanged.connect(lambda _i, e=entry.id: self.edit(e))
            elif column.kind == "date":  # a date is checked once it is typed
                editor.editingFinished.connect(lambda e=entry.id: self.edit(e))
            else:  # saved as typed: nothing lost on a crash
                editor.textEdited.connect(lambda _t, e=entry.id: self.edit(e))
            if isinstance(editor, QLineEdit):
                editor.returnPressed.connect(lambda e=editor: self._enter(e, new=False))
        remove = QPushButton(self.tr("Remove"))
        remove.setAutoDefault(False)
        first = str(getattr(entry, self.columns[0].name) or "")[:80]
        remove.setAccessibleName(self.tr("Remove: %s") % first)
        remove.clicked.connect(lambda _c=False, e=entry.id: self.remove(e))
        widget = self._lines(editors, remove)
        self.rows[entry.id] = {"widget": widget, "remove": remove, **editors}
        return widget

    def _index(self, entry_id: str) -> int:
        return next(i for i, entry in enumerate(self.entries()) if entry.id == entry_id)

    def add(self) -> bool:
        """Add the entry typed in the new row (saved at once); False if it was refused (the
        dialog says why, the row keeps what was typed)."""
        made: list[Any] = []

        def add() -> None:
            values = self._values(self.add_fields)
            first = self.columns[0]
            if first.kind == "text" and not str(values[first.name]).strip():
                raise InputError.single("", f"type {first.words.lower()} first, then add it")
            given = {name: value for name, value in values.items() if value is not None}
            made.append(build(self.model, **{**self._defaults(), **given}))
            self.entries().append(made[0])

        if not self._change(add):
            return False
        self.layout_.insertWidget(self.layout_.count() - 1, self._row(made[0]))
        self._reset_new_row()
        self.add_fields[self.columns[0].name].setFocus()
        return True

    def edit(self, entry_id: str) -> None:
        """Save the entry's row as it now reads."""

        def change() -> None:
            index = self._index(entry_id)
            fields = self.entries()[index].model_dump()
            fields.update(self._values(self.rows[entry_id]))
            if self._adjust is not None:
                self._adjust(fields)
            self.entries()[index] = build(self.model, **fields)

        if self._change(change):  # show what the change filled in (e.g. a date)
            entry = self.entries()[self._index(entry_id)]
            for column in self.columns:
                editor = self.rows[entry_id][column.name]
                value = getattr(entry, column.name)
                if column.kind == "date" and not editor.text().strip() and value is not None:
                    editor.setText(str(value))

    def remove(self, entry_id: str) -> None:
        """Take the entry out (saved at once); the focus moves to the next one."""
        order = list(self.rows)
        if not self._change(lambda: self.entries().pop(self._index(entry_id))):
            return
        row = self.rows.pop(entry_id)
        row["widget"].hide()
        row["widget"].deleteLater()
        following = order[order.index(entry_id) + 1 :]
        target = self.rows[following[0]] if following else self.add_fields
        target[self.columns[0].name].setFocus()


class EntryDialog(QDialog):
    """A dialog of fields and entry lists, saved as they are typed: Enter never closes it
    (its buttons are never default), and closing it keeps a half-typed new entry (added) or
    asks before it is lost."""

    def keep_buttons_off_enter(self) -> None:
        """No button of the dialog is clicked by Enter in a field (call once it is built)."""
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Enter clicks the focused button, or moves on from a field; it never closes."""
        if event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            super().keyPressEvent(event)
            return
        event.accept()
        focused = self.focusWidget()  # the dialog's own, never another window's
        if focused is None or not self.isAncestorOf(focused):
            return
        if isinstance(focused, QAbstractButton):
            focused.click()
        else:
            focused.focusNextChild()

    def reject(self) -> None:
        """Close (Close, Escape, the title bar): a half-typed new entry is added first; one
        that cannot be added is lost only if the user says so."""
        for entries in self.findChildren(ItemList):
            if not entries.pending() or entries.add():
                continue
            first = entries.add_fields[entries.columns[0].name]
            first.setFocus()
            answer = QMessageBox.question(
                self,
                QCoreApplication.translate("EntryDialog", "Entry not added"),
                QCoreApplication.translate(
                    "EntryDialog",
                    "What you were typing in “%s” could not be added:\n%s\n\nClose and lose it?",
                )
                % (entries.columns[0].words, self.problem_text()),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()

    def problem_text(self) -> str:
        """What the dialog last said was not saved (its problem line)."""
        problem = getattr(self, "problem", None)
        return problem.text() if problem is not None else ""
