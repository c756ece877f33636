"""What the library page does with the selected assessment: open, compare, duplicate as
a new revision, delete (to the trash, undoable), restore, empty the trash, and the
row's context menu. A mixin of ``ui.library_view.LibraryPage``, which builds the list."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QUndoCommand

from ui.library_model import ID_ROLE, SUMMARY_ROLE
from ui.wording import counted

if TYPE_CHECKING:
    from ui.library_view import LibraryPage


class _TrashCommand(QUndoCommand):
    """Move an assessment to the trash (undo takes it out again)."""

    def __init__(self, page: LibraryPage, assessment_id: str, title: str):
        super().__init__(QCoreApplication.translate("Library", "delete “%s”") % title)
        self.page = page
        self.assessment_id = assessment_id

    def redo(self) -> None:
        self.page.context.run(lambda library: library.delete(self.assessment_id), changes=True)

    def undo(self) -> None:
        self.page.context.run(
            lambda library: library.restore_deleted(self.assessment_id), changes=True
        )


class LibraryActions:
    """Actions on the selected assessment (see the module docstring)."""

    def selected_id(self) -> str | None:
        indexes = self.table.selectionModel().selectedRows()
        return indexes[0].data(ID_ROLE) if indexes else None

    def selected_summary(self):
        indexes = self.table.selectionModel().selectedRows()
        return indexes[0].data(SUMMARY_ROLE) if indexes else None

    def _activated(self, index) -> None:
        if not self.trash:
            self.open_requested.emit(index.data(ID_ROLE))
        else:
            self.restore_selected()

    def open_selected(self) -> None:
        assessment_id = self.selected_id()
        if assessment_id and not self.trash:
            self.open_requested.emit(assessment_id)

    def compare_selected(self) -> None:
        assessment_id = self.selected_id()
        if assessment_id and not self.trash:
            self.compare_requested.emit(assessment_id)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.ContextMenu and watched in (
            self.table,
            self.table.viewport(),
        ):
            self._context_menu(watched, event)
            return True
        return super().eventFilter(watched, event)

    def _context_menu(self, watched, event) -> None:
        """The selected row's actions (right click, or the keyboard's menu key)."""
        from PySide6.QtGui import QContextMenuEvent
        from PySide6.QtWidgets import QMenu

        viewport = self.table.viewport()
        if event.reason() == QContextMenuEvent.Reason.Mouse:
            position = viewport.mapFrom(watched, event.pos())
            index = self.table.indexAt(position)
            if index.isValid():
                self.table.selectRow(index.row())
        else:
            position = self.table.visualRect(self.table.currentIndex()).center()
        if self.selected_id() is None:
            return
        menu = QMenu(self)
        menu.setObjectName("library_menu")
        menu.setAccessibleName(self.tr("Assessment actions"))
        if self.trash:
            menu.addAction(self.tr("&Restore"), self.restore_selected)
        else:
            menu.addAction(self.tr("&Open"), self.open_selected)
            menu.addAction(self.tr("Com&pare with…"), self.compare_selected)
            menu.addAction(self.tr("D&uplicate as new revision"), self.duplicate_selected)
            menu.addSeparator()
            menu.addAction(self.tr("&Delete"), self.delete_selected)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(viewport.mapToGlobal(position))

    def delete_selected(self) -> None:
        summary = self.selected_summary()
        if summary is None or self.trash:
            return
        title = summary.system or summary.organization or summary.id
        self.undo_stack.push(_TrashCommand(self, summary.id, title))
        self.notice_text.setText(self.tr("Moved “%s” to the trash.") % title)
        self.notice.setVisible(True)
        self.context.message.emit(self.tr("Moved “%s” to the trash.") % title)

    def _undo_delete(self) -> None:
        self.undo_stack.undo()
        self.notice.setVisible(False)

    def restore_selected(self) -> None:
        assessment_id = self.selected_id()
        if assessment_id and self.trash:
            self.context.run(lambda library: library.restore_deleted(assessment_id), changes=True)

    def empty_trash(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self,
            self.tr("Empty the trash?"),
            counted(
                self.model.rowCount(),
                self.tr("The assessment in the trash will be deleted for good."),
                self.tr("The %d assessments in the trash will be deleted for good."),
            )
            + " "
            + self.tr("Backups made before now still hold them."),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.undo_stack.clear()
            self.context.run(lambda library: library.empty_trash(), changes=True)

    def duplicate_selected(self) -> None:
        assessment_id = self.selected_id()
        if assessment_id and not self.trash:
            from ui import window_state
            from ui.received import is_received

            assessor = window_state.text(window_state.DEFAULT_ASSESSOR)
            role = window_state.text(window_state.DEFAULT_ROLE)

            def duplicate(library):
                # A revision of someone else's record would stay in their name.
                if is_received(library, library.get(assessment_id), assessor, role):
                    return None
                return library.new_revision(assessment_id).id

            def done(new_id) -> None:
                if new_id is None:
                    self.own_copy_requested.emit(assessment_id)
                else:
                    self.open_requested.emit(new_id)

            self.context.run(duplicate, done, changes=True)
