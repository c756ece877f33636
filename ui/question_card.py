"""One question on the page: its text, required mark, input, comment and evidence notes.

The card shows what the editor gives it and reports edits; it never saves anything itself.
A value the core refused, or could not save, stays in the widget with a message under it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.debounce import Debouncer
from ui.question_widgets import FocusOut, PlainText, input_for
from ui.wrapping import FlowLayout


class NotesPanel(QWidget):
    """The comment and evidence fields of a question (built only when first opened)."""

    edited = Signal(str, object)  # "comment" or "evidence", text

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 4, 0, 0)
        self.fields: dict[str, PlainText] = {}
        self._saved: dict[str, str] = {"comment": "", "evidence": ""}
        self._debouncers: dict[str, Debouncer] = {}
        for name, label_text, tip in (
            (
                "comment",
                self.tr("&Comment:"),
                self.tr("Why this answer; anything a reader should know"),
            ),
            (
                "evidence",
                self.tr("Evi&dence:"),
                self.tr("Documents, policies or observations that support the answer"),
            ),
        ):
            field = PlainText(self, lines=3)
            field.setObjectName(name)
            field.setPlaceholderText(tip)
            field.setAccessibleName(label_text.replace("&", "").rstrip(":"))
            field.setAccessibleDescription(tip)
            label = QLabel(label_text, self)
            label.setBuddy(field)
            form.addRow(label, field)
            self.fields[name] = field
            debouncer = Debouncer(lambda name=name: self._commit(name), parent=self)
            self._debouncers[name] = debouncer
            field.textChanged.connect(debouncer.trigger)
            FocusOut(field, debouncer.flush)

    def _commit(self, name: str) -> None:
        text = self.fields[name].toPlainText()
        if text != self._saved[name]:
            self._saved[name] = text
            self.edited.emit(name, text)

    def set_notes(self, comment: str, evidence: str) -> None:
        for name, text in (("comment", comment), ("evidence", evidence)):
            self._saved[name] = text
            field = self.fields[name]
            if field.toPlainText() != text:
                field.blockSignals(True)
                field.setPlainText(text)
                field.blockSignals(False)
            self._debouncers[name].cancel()

    def flush(self) -> None:
        for debouncer in self._debouncers.values():
            debouncer.flush()

    def set_read_only(self, read_only: bool) -> None:
        for field in self.fields.values():
            field.setReadOnly(read_only)


class QuestionCard(QFrame):
    """A question with its input; emits ``edited(question_id, field, value)``."""

    edited = Signal(str, str, object)
    cleared = Signal(str)
    """"Clear answer" was used: one undo step of its own, never merged with typing."""
    retry_requested = Signal(str)

    def __init__(
        self, question, number: int, parent: QWidget | None = None, stage: str | None = None
    ):
        super().__init__(parent)
        self.question = question
        # The question as asked in the assessed system's stage (planned: about the plan).
        self.text = question.text_in(stage)
        self.setObjectName(f"question_{question.id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.setSpacing(6)

        # Not numbered: skip logic hides questions, and "1, 2, 3, 5" reads as an error.
        title = self.text
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setText(title)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        header = QHBoxLayout()
        header.setSpacing(8)
        self.title.setMinimumWidth(120)
        header.addWidget(self.title, 1)
        if question.required:
            required = QLabel(self.tr("Required"), self)
            required.setObjectName("required_mark")
            required.setToolTip(self.tr("This question must be answered for a complete assessment"))
            header.addWidget(required, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(header)

        self.input = input_for(question, self)
        self.input.edited.connect(lambda value: self.edited.emit(question.id, "value", value))
        if hasattr(self.input, "invalid"):
            self.input.invalid.connect(self.show_message)
        layout.addWidget(self.input)
        self._describe_input()

        footer = FlowLayout(spacing=6)
        self.notes_button = QToolButton(self)
        self.notes_button.setCheckable(True)
        self.notes_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.notes_button.setArrowType(Qt.ArrowType.RightArrow)
        self.notes_button.setText(self.tr("Comment and evidence"))
        self.notes_button.setAccessibleName(self.tr("Comment and evidence"))
        self.notes_button.setAutoRaise(True)
        self.notes_button.toggled.connect(self._toggle_notes)
        footer.addWidget(self.notes_button)
        self.clear_button = QToolButton(self)
        self.clear_button.setText(self.tr("Clear answer"))
        self.clear_button.setAccessibleName(self.tr("Clear answer"))
        self.clear_button.setAutoRaise(True)
        self.clear_button.clicked.connect(self._clear)
        footer.addWidget(self.clear_button)
        self.state = QLabel(self)
        self.state.setObjectName("save_state")
        self.state.setTextFormat(Qt.TextFormat.RichText)
        self.state.linkActivated.connect(lambda _link: self.retry_requested.emit(question.id))
        footer.addWidget(self.state)
        layout.addLayout(footer)

        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        layout.addWidget(self.message)
        self.notes: NotesPanel | None = None
        self._notes_text = ("", "")
        self._read_only = False
        self._current = False

    def set_current(self, current: bool) -> None:
        """Frame the card that holds the keyboard focus, so it is easy to see."""
        if current != self._current:
            self._current = current
            self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().paintEvent(event)
        if self._current:
            painter = QPainter(self)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(self.palette().highlight().color(), 2))
            painter.drawRoundedRect(self.rect().adjusted(1, 1, -1, -1), 4, 4)
            painter.end()

    def _describe_input(self) -> None:
        question = self.question
        words = self.text + (" " + self.tr("(required)") if question.required else "")
        target = self.input.focus_target()
        if hasattr(self.input, "buttons") or hasattr(self.input, "boxes"):
            buttons = getattr(self.input, "buttons", None) or getattr(self.input, "boxes", {})
            for button in buttons.values():
                if not button.accessibleDescription():
                    button.setAccessibleDescription(words)
        else:
            target.setAccessibleName(self.text)
            target.setAccessibleDescription(words)
        self.input.setAccessibleName(self.text)

    # --- showing --------------------------------------------------------------------------

    def set_answer(self, answer) -> None:
        """Show a saved answer (or None) without emitting edits."""
        value = answer.value if answer is not None else None
        comment = answer.comment if answer is not None else ""
        evidence = answer.evidence if answer is not None else ""
        self.input.set_value(value)
        self._notes_text = (comment, evidence)
        has_notes = bool(comment or evidence)
        if self.notes is not None:
            self.notes.set_notes(comment, evidence)
        if has_notes and not self.notes_button.isChecked():
            self.notes_button.setChecked(True)
        self.notes_button.setText(
            self.tr("Comment and evidence (added)")
            if has_notes
            else self.tr("Comment and evidence")
        )
        self.ask_for_reason(answer)

    def ask_for_reason(self, answer) -> None:
        """'Not applicable' needs a reason: open the comment and say so until it is given."""
        value = answer.value if answer is not None else None
        comment = answer.comment if answer is not None else ""
        option = self.question.option_of_kind("not_applicable")
        chosen = value if isinstance(value, list) else [value]
        wanted = option is not None and option.id in chosen and not comment.strip()
        if wanted:
            if not self.notes_button.isChecked():
                self.notes_button.setChecked(True)
            self.show_message(
                self.tr(
                    "Not applicable: say why in the comment below; the levels stay "
                    "provisional until you do."
                )
            )
            self._asking_reason = True
        elif getattr(self, "_asking_reason", False):
            self.show_message("")
            self._asking_reason = False

    def show_message(self, text: str) -> None:
        """Show why a value was not accepted (empty text hides it)."""
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def set_save_state(self, state: str) -> None:
        """ "" when saved, "saving", or "failed" (offers a retry link)."""
        if state == "failed":
            self.state.setText(self.tr('Not saved — <a href="retry">try again</a>'))
            self.state.setAccessibleName(self.tr("Not saved. Activate to try again."))
        elif state == "saving":
            self.state.setText(self.tr("Saving…"))
        else:
            self.state.setText("")

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.input.set_read_only(read_only)
        self.clear_button.setVisible(not read_only)
        if self.notes is not None:
            self.notes.set_read_only(read_only)

    def flush(self) -> None:
        """Save anything typed but not yet saved."""
        self.input.flush()
        if self.notes is not None:
            self.notes.flush()

    def focus_input(self) -> None:
        # A keyboard reason: the move came from a key (Ctrl+J, Find, undo), so the style
        # draws the focus where it landed.
        self.input.focus_target().setFocus(Qt.FocusReason.ShortcutFocusReason)

    # --- editing --------------------------------------------------------------------------

    def _toggle_notes(self, shown: bool) -> None:
        self.notes_button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        if shown and self.notes is None:
            self.notes = NotesPanel(self)
            self.notes.set_notes(*self._notes_text)
            self.notes.set_read_only(self._read_only)
            self.notes.edited.connect(
                lambda field, text: self.edited.emit(self.question.id, field, text)
            )
            self.layout().insertWidget(self.layout().count() - 1, self.notes)
            # Tab goes from the button into the notes, and only then to "Clear answer".
            comment, evidence = self.notes.fields["comment"], self.notes.fields["evidence"]
            QWidget.setTabOrder(self.notes_button, comment)
            QWidget.setTabOrder(comment, evidence)
            QWidget.setTabOrder(evidence, self.clear_button)
        if self.notes is not None:
            self.notes.setVisible(shown)

    def _clear(self) -> None:
        self.input.flush()  # what was typed is saved first, so undo brings it back
        if self.input.value() is not None:
            self.input.set_value(None)
            self.cleared.emit(self.question.id)
