"""“History…” of the review and of the response: every recorded change, newest first.

The library records one entry per changed field each time the review or the response is
saved (``workerimpact.consultation.history``); this read-only list shows them in words:
when and who, which entry (the finding's or section's title, the concern's or measure's
text, the overall opinion, the decision), the field, and its value before and after. The
dialogs add the button with ``add_history_button``; the entries are read on the library
thread through the main window, like everything else.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.levels import level_name
from workerimpact.consultation.history import (
    REMOVED,
    REVIEW,
    ConsultationEntry,
    field_in_language,
    kind_in_language,
    value_in_language,
)
from workerimpact.safetext import printable

_LEVELS = {"severity", "expected_level"}


def field_words(field: str) -> str:
    """A field's name in the window's language, as a heading ("Proposed measure"); the words
    are the core's (``consultation.history``), which follow the window's language."""
    words = field_in_language(field)
    return words[:1].upper() + words[1:]


def value_words(field: str, value: Any) -> str:
    """A recorded value for people: a level by its name (as the window shows levels), a
    choice by its label, empty said so, the parties' own words made safe to show."""
    if field in _LEVELS and isinstance(value, str) and value:
        return level_name(value)
    if isinstance(value, list) and value:
        return printable(", ".join(str(part) for part in value))
    return printable(value_in_language(field, value))


def entry_text(entry: ConsultationEntry) -> str:
    """One change as the list shows it: when and who; which entry; what changed."""
    when = entry.at.astimezone().strftime("%Y-%m-%d %H:%M")
    who = (
        printable(entry.who)
        if entry.who
        else QCoreApplication.translate("ConsultationHistory", "not named")
    )
    kind = entry.kind()
    what = kind_in_language(kind)
    if entry.entry and kind not in ("opinion", "decision", "reviewers", "responder"):
        what = QCoreApplication.translate("ConsultationHistory", "%s: %s") % (
            what,
            printable(entry.entry),
        )
    if entry.field == REMOVED:
        change = QCoreApplication.translate("ConsultationHistory", "Removed")
    else:
        change = QCoreApplication.translate("ConsultationHistory", "%s: %s → %s") % (
            field_words(entry.field),
            value_words(entry.field, entry.old),
            value_words(entry.field, entry.new),
        )
    return f"{when} · {who}\n{what}\n{change}"


class HistoryDialog(QDialog):
    """The read-only list of changes (newest first)."""

    def __init__(self, entries: list[ConsultationEntry], record: str, parent: QWidget | None):
        super().__init__(parent)
        self.setObjectName("consultation_history")
        self.setWindowTitle(
            self.tr("History of the review")
            if record == REVIEW
            else self.tr("History of the response")
        )
        layout = QVBoxLayout(self)
        self.intro = intro = QLabel(
            self.tr(
                "Every change saved, newest first: when, by whom, which entry, and the value "
                "before and after. Typing in one field is kept as one change."
            )
            if entries
            else self.tr("No change has been recorded yet.")
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget()
        self.list.setObjectName("history_list")
        self.list.setAccessibleName(self.windowTitle())
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setAlternatingRowColors(True)
        for entry in reversed(entries):
            QListWidgetItem(entry_text(entry), self.list)
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 520)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.list.setFocus()


def add_history_button(
    dialog: QDialog,
    buttons: QDialogButtonBox,
    record: str,
    ids: Callable[[], tuple[str, str | None]],
) -> QPushButton:
    """Put “History…” beside Close: it lists the changes of ``ids()`` (the assessment's id
    and the review's id, or None for the response), read on the library thread."""
    button = buttons.addButton(
        QCoreApplication.translate("ConsultationHistory", "&History…"),
        QDialogButtonBox.ButtonRole.ActionRole,
    )
    button.setObjectName("history_button")
    button.setAutoDefault(False)

    def show(entries: list[ConsultationEntry]) -> None:
        dialog.history_dialog = HistoryDialog(entries, record, dialog)
        dialog.history_dialog.exec()

    def clicked() -> None:
        window = dialog.parent()
        context = getattr(window, "context", None)
        if context is None:
            return
        assessment_id, record_id = ids()
        context.run(
            lambda library: library.consultation_history(assessment_id, record, record_id),
            show,
        )

    button.clicked.connect(clicked)
    return button
