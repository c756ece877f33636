"""Comparing, and working as yourself on someone else's assessment: the window's
"Compare with…" and the own-copy offer after a file or report is opened. A mixin of
``MainWindow`` beside ``ui.operations``; every library call runs on the library thread.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QMessageBox

from ui import window_state


class CompareOperations:
    """Operations of the main window (see the module docstring)."""

    # --- compare -----------------------------------------------------------------------------

    def compare_with(self) -> None:
        """Choose another assessment to compare the open (or selected) one with."""
        if self.context is None:
            return
        assessment_id = None
        if self.pages.currentWidget() is self.library_page:
            if not self.library_page.trash:
                assessment_id = self.library_page.selected_id()
        elif self.controller is not None and self.controller.is_open:
            assessment_id = self.controller.state.assessment_id
        if not assessment_id:
            self.show_message(self.tr("Select the assessment to compare first."))
            return
        self.choose_counterpart(assessment_id)

    def choose_counterpart(self, assessment_id: str) -> None:
        """List the other assessments (read on the library thread), then ask which one."""
        from ui.compare_dialog import load_candidates

        if self.assessment_page is not None:
            self.assessment_page.editor.flush()
        self.show_message(self.tr("Reading the library…"))
        self.context.run(
            lambda library: load_candidates(library, assessment_id),
            lambda value: self._ask_counterpart(*value),
        )

    def _ask_counterpart(self, current, candidates) -> None:
        from ui.compare_dialog import CompareDialog

        self.statusBar().clearMessage()
        if not candidates:
            QMessageBox.information(
                self,
                self.tr("Nothing to compare with"),
                self.tr(
                    "This is the only assessment in the library. Open the other one first "
                    "(File → Open file… takes an assessment file or a report PDF)."
                ),
            )
            return
        dialog = CompareDialog(current, candidates, self)
        self.compare_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.chosen_id():
            return
        self.compare_assessments(current.id, dialog.chosen_id())

    def compare_assessments(self, assessment_id: str, other_id: str) -> None:
        """Show ``assessment_id`` (opening it if needed) compared with ``other_id``."""

        def show() -> None:
            state = self.controller.state
            if state is None or state.assessment_id != assessment_id:
                return  # it could not be opened; the fault is shown already
            self.pages.setCurrentWidget(self.assessment_page)
            self.assessment_page.compare_with(other_id)

        state = self.controller.state
        if state is not None and state.assessment_id == assessment_id:
            show()
        else:
            self.open_assessment(assessment_id, then=show)

    def show_comparison(self) -> None:
        if self.controller is not None and self.controller.is_open:
            self.pages.setCurrentWidget(self.assessment_page)
            self.assessment_page.show_comparison()

    # --- working as yourself ------------------------------------------------------------------

    def offer_own_copy(self, assessment_id: str, then=None) -> None:
        """Open an assessment just added from a file; when someone else made it, first offer
        to work on an own copy as the user (Settings' default assessor and role)."""

        def open_it(opened_id: str) -> None:
            self.open_assessment(opened_id, then=then)

        def read(metadata) -> None:
            from ui.own_copy_dialog import OwnCopyDialog
            from ui.received import likely_role, made_by_someone_else

            assessor = window_state.text(window_state.DEFAULT_ASSESSOR)
            role = window_state.text(window_state.DEFAULT_ROLE)
            if not made_by_someone_else(metadata, assessor, role):
                open_it(assessment_id)
                return
            dialog = OwnCopyDialog(metadata, assessor, likely_role(metadata, role), self)
            self.own_copy_dialog = dialog
            if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.assessor():
                open_it(assessment_id)
                return
            if dialog.remembers():
                window_state.set_value(window_state.DEFAULT_ASSESSOR, dialog.assessor())
                window_state.set_value(window_state.DEFAULT_ROLE, dialog.role())
                self.controller.assessor = dialog.assessor()
                self.controller.role = dialog.role()
            self._make_own_copy(assessment_id, dialog.assessor(), dialog.role(), then)

        def failed(error: BaseException) -> None:
            self.show_fault(error)
            open_it(assessment_id)

        self.context.run(lambda library: library.metadata(assessment_id), read, failed)

    def _make_own_copy(self, assessment_id: str, assessor: str, role: str, then) -> None:
        def copy(library) -> str:
            revision = library.new_revision(assessment_id)
            metadata = revision.metadata.model_copy(update={"assessor": assessor, "role": role})
            library.update_metadata(revision.id, metadata, assessor=assessor)
            return revision.id

        def made(copy_id: str) -> None:
            def opened() -> None:
                self.show_message(
                    self.tr(
                        "This is your own copy. Assessment → Compare with… shows how it "
                        "differs from the original."
                    ),
                    15_000,
                )
                if then is not None:
                    then()

            self.open_assessment(copy_id, then=opened)

        def failed(error: BaseException) -> None:
            self.show_fault(error)
            self.open_assessment(assessment_id, then=then)

        self.show_message(self.tr("Making your own copy…"))
        self.context.run(copy, made, failed, changes=True)
