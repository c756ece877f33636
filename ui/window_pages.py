"""Moving between the main window's pages: the library, an assessment's questions and
results, its sections, and what the View menu and the library's selection do.

A mixin of ``MainWindow``; the pages themselves are ``ui.library_view.LibraryPage`` and
``ui.assessment_page.AssessmentPage``.
"""

from __future__ import annotations

from ui import window_state


class WindowPages:
    """Page navigation of the main window (see the module docstring)."""

    def _page_changed(self) -> None:
        page = self.pages.currentWidget()
        if page is self.assessment_page:
            self.undo_group.setActiveStack(self.assessment_page.undo_stack)
        elif page is self.library_page:
            self.undo_group.setActiveStack(self.library_page.undo_stack)
        self._update_title()
        self._set_enabled_actions()

    def _update_title(self) -> None:
        if self.pages.currentWidget() is self.assessment_page and self.controller.is_open:
            metadata = self.controller.state.metadata
            name = metadata.system or metadata.organization or self.tr("Assessment")
            self.setWindowTitle(f"{name} — WorkerImpact")
        else:
            self.setWindowTitle("WorkerImpact")

    def _busy(self, busy: bool) -> None:
        if not busy and not self.progress.isVisible():
            self.unsetCursor()

    def show_library(self) -> None:
        if self.library_page is None:
            return
        if self.assessment_page is not None:
            self.assessment_page.editor.flush()
        self.pages.setCurrentWidget(self.library_page)
        self.library_page.refresh()
        if self.library_page.stack.currentWidget() is self.library_page.first_run:
            self.library_page.first_run.start_button.setFocus()
        else:
            self.library_page.table.setFocus()

    def open_assessment(self, assessment_id: str, then=None) -> None:
        """Open an assessment from the library in the editor."""
        if self.controller is None:
            return
        if self.assessment_page is not None:
            self.assessment_page.editor.flush()

        def opened(state) -> None:
            self.statusBar().clearMessage()
            window_state.set_value(window_state.LAST_ASSESSMENT, state.assessment_id)
            self.pages.setCurrentWidget(self.assessment_page)
            self._page_changed()
            self.assessment_page.editor.focus_first_question()
            if then is not None:
                then()

        def failed(error) -> None:
            self.show_fault(error)
            if then is not None:
                then()

        self.show_message(self.tr("Opening…"))
        self.controller.open(assessment_id, opened, failed)

    def close_assessment(self) -> None:
        if self.controller is not None and self.controller.is_open:
            self.assessment_page.editor.flush()
            self.controller.close()
            window_state.set_value(window_state.LAST_ASSESSMENT, "")
        self.show_library()

    def show_questions(self) -> None:
        if self.controller is not None and self.controller.is_open:
            self.pages.setCurrentWidget(self.assessment_page)
            self.assessment_page.show_questions()

    def show_results(self) -> None:
        if self.controller is not None and self.controller.is_open:
            self.pages.setCurrentWidget(self.assessment_page)
            self.assessment_page.show_results()

    def next_section(self) -> None:
        self.show_questions()
        self.assessment_page.editor.step_section(1)

    def previous_section(self) -> None:
        self.show_questions()
        self.assessment_page.editor.step_section(-1)

    def next_missing(self) -> None:
        self.show_questions()
        if not self.assessment_page.editor.next_missing():
            self.show_message(self.tr("Every required question shown is answered."))

    def find(self) -> None:
        if self.pages.currentWidget() is self.assessment_page:
            self.assessment_page.show_questions()
            field = self.assessment_page.editor.find_field
            field.setFocus()
            field.selectAll()
        elif self.library_page is not None:
            self.library_page.focus_search()

    def duplicate_selected(self) -> None:
        if self.library_page is not None:
            self.library_page.duplicate_selected()

    def delete_selected(self) -> None:
        if self.library_page is not None and self.pages.currentWidget() is self.library_page:
            self.library_page.delete_selected()

    def toggle_trash(self) -> None:
        if self.library_page is not None:
            self.show_library()
            self.library_page.set_trash(not self.library_page.trash)
