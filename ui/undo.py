"""Undo and redo of answers: each command calls the session through the controller.

A command is pushed after the core has saved the change (so the stack holds only durable
changes); its first ``redo`` is that save, and later ones call the session again. Typing in
one field of one question merges into a single command, so one undo reverts the typing.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

_MERGE_ID = 0x5157


class AnswerCommand(QUndoCommand):
    """Change one answer from ``before`` to ``after`` (both as the three answer fields)."""

    def __init__(
        self,
        controller,
        questionnaire_id: str,
        question_id: str,
        before: dict[str, Any],
        after: dict[str, Any],
        *,
        question_text: str,
        typed_field: str | None = None,
    ):
        super().__init__()
        self.controller = controller
        self.questionnaire_id = questionnaire_id
        self.question_id = question_id
        self.before = before
        self.after = after
        self.typed_field = typed_field
        self._applied = True
        short = question_text if len(question_text) <= 50 else question_text[:49] + "…"
        self.setText(QCoreApplication.translate("Undo", "answer to “%s”") % short)

    def redo(self) -> None:
        if self._applied:
            self._applied = False  # pushed after the save: nothing to do the first time
            return
        self.controller.set_fields(self.questionnaire_id, self.question_id, self.after, "redo")

    def undo(self) -> None:
        self.controller.set_fields(self.questionnaire_id, self.question_id, self.before, "undo")

    def id(self) -> int:
        return _MERGE_ID if self.typed_field else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt API
        if not isinstance(other, AnswerCommand):
            return False
        same = (
            other.questionnaire_id == self.questionnaire_id
            and other.question_id == self.question_id
            and other.typed_field == self.typed_field
        )
        if same:
            self.after = other.after
        return same
