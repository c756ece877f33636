"""The main window: a shell of menus, status bar and pages (library, assessment).

Start-up is two-step so the window appears fast: ``__init__`` builds only the shell (Qt
alone), and ``start`` opens the library on the library thread, then builds the pages.
Menu actions come from ``ui.actions``; file work lives in ``ui.operations``, comparing in
``ui.compare_operations``.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
)

from ui import window_state
from ui.compare_operations import CompareOperations
from ui.i18n import current_language
from ui.operations import WindowOperations
from ui.review_operations import ReviewOperations
from ui.tasks import TaskManager
from ui.wording import counted


class MainWindow(WindowOperations, CompareOperations, ReviewOperations, QMainWindow):
    """WorkerImpact's window."""

    ready = Signal()
    """The library is shown (or the file asked for is open)."""

    _started = True  # until __init__ has finished: no loading from events it triggers
    listen_for_launches = None
    """Set by ``ui.app.run``: starts the server later launches hand their file to."""

    def __init__(self, open_path: str | None = None):
        super().__init__()
        self.setObjectName("main_window")
        self.setWindowTitle("WorkerImpact")
        self.open_path = open_path
        self.tasks = TaskManager(self)
        self.context = None
        self.controller = None
        self.library_page = None
        self.assessment_page = None
        self._fault_open = False
        self._closing = False
        self.actions = {}
        self.pages = QStackedWidget(self)
        self.loading = QLabel(self.tr("Opening your library…"), self.pages)
        # No alignment here: touching the ``Qt`` namespace costs ~12 ms of start-up.
        self.pages.addWidget(self.loading)
        self.setCentralWidget(self.pages)
        window_state.place(self)  # remembered size, fitted to this screen
        from ui import theme

        theme.apply()  # the chosen palette, every text colour readable (4.5:1)
        self._saved_state = window_state.settings().value(window_state.STATE)
        self._started = False

    def event(self, event) -> bool:
        # Start loading once the window has been painted the first time, so it is on the
        # screen before any core module is imported.
        result = super().event(event)
        if not self._started and event.type() == event.Type.Paint:
            QTimer.singleShot(0, self.start)
        return result

    def _build_shell(self) -> None:
        """Menus, actions and status bar: built just after the first paint, so the window
        appears as fast as a bare one."""
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QUndoGroup
        from PySide6.QtWidgets import QProgressBar

        from ui.actions import build_actions

        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.undo_group = QUndoGroup(self)
        self.actions = build_actions(self)
        self._build_menus()
        self.saved_label = QLabel(self)
        self.saved_label.setObjectName("saved_label")
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(220)
        self.progress.setVisible(False)
        self.progress.setAccessibleName(self.tr("Progress"))
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.saved_label)
        self._set_enabled_actions()
        if isinstance(self._saved_state, QByteArray):
            self.restoreState(self._saved_state)

    # --- shell -------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        a = self.actions
        undo = self.undo_group.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcuts(self._keys("Undo"))
        undo.setObjectName("action_undo")
        redo = self.undo_group.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts(self._keys("Redo"))
        redo.setObjectName("action_redo")
        self.undo_action, self.redo_action = undo, redo
        menus = (
            (
                self.tr("&File"),
                [
                    "new",
                    "import_file",
                    "install_questionnaire",
                    None,
                    "export_pdf",
                    "export_copy",
                    "export_file",
                    "countersign",
                    "export_review",
                    "import_review",
                    "export_joint",
                    None,
                    "close_assessment",
                    "settings",
                    None,
                    "quit",
                ],
            ),
            (self.tr("&Edit"), [undo, redo, None, "find"]),
            (
                self.tr("&View"),
                [
                    "show_library",
                    "show_questions",
                    "show_results",
                    "show_comparison",
                    None,
                    "next_section",
                    "previous_section",
                    "next_missing",
                ],
            ),
            (
                self.tr("&Assessment"),
                [
                    "edit_details",
                    None,
                    "mark_in_review",
                    "mark_final",
                    "mark_draft",
                    "new_revision",
                    "upgrade_questionnaires",
                    "compare",
                    "review_statement",
                    "respond_review",
                    None,
                    "duplicate",
                    "delete",
                    "show_trash",
                    None,
                    "backup_now",
                ],
            ),
            (self.tr("&Help"), ["about"]),
        )
        for title, items in menus:
            menu = self.menuBar().addMenu(title)
            for item in items:
                if item is None:
                    menu.addSeparator()
                else:
                    menu.addAction(a[item] if isinstance(item, str) else item)
            if title == self.tr("&View"):
                from ui import theme

                menu.addSeparator()
                theme.add_menu(menu)

    @staticmethod
    def _keys(name: str):
        from PySide6.QtGui import QKeySequence

        return QKeySequence.keyBindings(getattr(QKeySequence.StandardKey, name))

    def _set_enabled_actions(self) -> None:
        from ui.actions import ACTIONS

        if not self.actions:
            return
        loaded = self.context is not None
        open_ = loaded and self.controller is not None and self.controller.is_open
        on_assessment = open_ and self.pages.currentWidget() is self.assessment_page
        read_only = not open_ or self.controller.state.read_only
        on_library = loaded and self.pages.currentWidget() is self.library_page
        library_writable = loaded and not self.context.read_only
        for spec in ACTIONS:
            action = self.actions[spec.id]
            enabled = loaded
            if spec.needs_assessment:
                enabled = on_assessment if spec.id.startswith(("next_", "previous_")) else open_
            if spec.edits:
                enabled = enabled and not read_only
            action.setEnabled(enabled)
        for name in ("duplicate", "delete", "show_trash"):
            self.actions[name].setEnabled(on_library and library_writable)
        self.actions["new"].setEnabled(library_writable)
        self.actions["new_revision"].setEnabled(open_ and library_writable)
        self.actions["upgrade_questionnaires"].setEnabled(
            open_
            and library_writable
            and not self.controller.state.received
            and self._can_upgrade()
        )
        self.actions["compare"].setEnabled(on_library or open_)
        if open_:
            status = self.controller.state.metadata.status
            self.actions["mark_in_review"].setEnabled(not read_only and status != "in_review")
            self.actions["mark_draft"].setEnabled(not read_only and status != "draft")
        self.enable_review_actions(open_)  # ui/review_operations.py

    def _can_upgrade(self) -> bool:
        from workerimpact.upgrade import upgrades_for

        return bool(upgrades_for(self.controller.state.questionnaires))

    def show_message(self, text: str, timeout: int = 6000) -> None:
        self.statusBar().showMessage(text, timeout)

    # --- start-up -----------------------------------------------------------------------------

    def start(self, read_only: bool = False) -> None:
        """Open the library on the library thread, then build the pages (once)."""
        if self._started:
            return
        self._started = True
        from ui.icons import app_icon
        from ui.prewarm import CORE, prewarm
        from ui.refcount_guard import RefcountGuard

        self.refcount_guard = RefcountGuard(self)
        if not self.actions:
            self._build_shell()
        window_state.keep_on_screen(self)  # now the frame's size is known
        if self.listen_for_launches is not None:
            self.instance_server = self.listen_for_launches()
        self.setWindowIcon(app_icon())
        from ui.keyboard_focus import always_draw_focus

        always_draw_focus(self)
        prewarm(CORE)

        def open_library():
            from workerimpact.storage import Library

            return Library.open(read_only=read_only)

        self.tasks.library(open_library, self._library_opened, self._library_failed)

    def _library_opened(self, library) -> None:
        from ui.assessment_page import AssessmentPage
        from ui.context import AppContext
        from ui.library_view import LibraryPage
        from ui.session_controller import SessionController

        self.context = AppContext(self.tasks, library, self)
        self.context.fault.connect(lambda error, _retry: self.show_fault(error))
        self.context.message.connect(self.show_message)
        self.controller = SessionController(self.context, self)
        self.controller.assessor = window_state.text(window_state.DEFAULT_ASSESSOR)
        self.controller.role = window_state.text(window_state.DEFAULT_ROLE)
        from ui.save_status import SaveStatus

        self.save_status = SaveStatus(self.saved_label, self.controller, self)
        self.controller.metadata_changed.connect(lambda _m: self._set_enabled_actions())
        self.library_page = LibraryPage(self.context, self.pages)
        self.library_page.open_requested.connect(self.open_assessment)
        self.library_page.new_requested.connect(self.new_assessment)
        self.library_page.import_requested.connect(self.import_file)
        self.library_page.compare_requested.connect(self.choose_counterpart)
        self.library_page.own_copy_requested.connect(self.offer_own_copy)
        self.assessment_page = AssessmentPage(self.controller, self.pages)
        self.assessment_page.new_revision_requested.connect(self.new_revision)
        self.assessment_page.upgrade_requested.connect(self.upgrade_questionnaires)
        self.assessment_page.own_copy_requested.connect(
            lambda: self.offer_own_copy(self.controller.state.assessment_id)
        )
        self.assessment_page.compare_requested.connect(self.compare_with)
        self.assessment_page.editor.fault.connect(self._save_fault)
        self.assessment_page.editor.message.connect(self.show_message)
        self.pages.addWidget(self.library_page)
        self.pages.addWidget(self.assessment_page)
        self.undo_group.addStack(self.library_page.undo_stack)
        self.undo_group.addStack(self.assessment_page.undo_stack)
        self.pages.currentChanged.connect(lambda _index: self._page_changed())
        self.tasks.busy_changed.connect(self._busy)
        if library.read_only:
            self.show_message(
                self.tr("The library is read-only: %s") % (library.read_only_reason or ""), 0
            )
        notes = list(getattr(library, "notices", ()))
        if getattr(library, "backup_problem", None):
            notes.append(self.tr("Automatic backup failed: %s") % library.backup_problem)
        if notes:  # told once, and kept in the status bar until the next message
            self.show_message(" ".join(notes), 0)
        self.library_page.context.run(
            lambda lib: (lib.summaries(language=current_language()), lib.consultation_flags()),
            lambda found: self._first_rows(*found),
        )

    def _first_rows(self, rows, flags=None) -> None:
        self.library_page.show_rows(rows, flags)
        self.show_library()
        last = window_state.text(window_state.LAST_ASSESSMENT)
        if self.open_path:
            self.open_file(self.open_path, then=self.ready.emit)
        elif last and any(row.id == last for row in rows):
            self.open_assessment(last, then=self.ready.emit)
        else:
            self.ready.emit()

    def _library_failed(self, error: BaseException) -> None:
        from ui.faults import kinds

        self._started = False
        names = kinds(error)
        if "LibraryCorrupt" in names and getattr(error, "backups", None):
            self.offer_backups(error)
            return
        box = self.fault_box(error)
        retry = box.addButton(self.tr("&Retry"), QMessageBox.ButtonRole.AcceptRole)
        read_only = None
        if "LibraryLocked" in names:
            read_only = box.addButton(self.tr("Open &read-only"), QMessageBox.ButtonRole.ActionRole)
        quit_button = box.addButton(self.tr("&Quit"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(retry)
        box.exec()
        clicked = box.clickedButton()
        if clicked is retry:
            self.start()
        elif read_only is not None and clicked is read_only:
            self.start(read_only=True)
        elif clicked is quit_button or clicked is None:
            self._closing = True
            QTimer.singleShot(0, self.close)

    def receive_launch(self, path: str | None) -> None:
        """A second launch handed over ``path`` (or just asked to be shown)."""
        if self.isMinimized():
            self.showNormal()
        self.raise_()
        self.activateWindow()
        if path is None:
            return
        if self.context is None:
            self.open_path = path  # opened once the library is shown
            return
        self.open_file(path)

    # --- pages --------------------------------------------------------------------------------

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

    # --- faults -------------------------------------------------------------------------------

    def fault_box(self, error: BaseException) -> QMessageBox:
        from ui.faults import message_box

        return message_box(self, error)

    def show_fault(self, error: BaseException) -> None:
        """Explain an error from the core in a dialog (one at a time)."""
        from ui.faults import kinds, show_fault

        if "LibraryCorrupt" in kinds(error) and getattr(error, "backups", None):
            self.offer_backups(error)
            return
        if self._fault_open:
            self.show_message(str(error))
            return
        self._fault_open = True
        try:
            show_fault(self, error)
        finally:
            self._fault_open = False

    def _save_fault(self, error: BaseException) -> None:
        from ui.faults import show_fault

        if self._fault_open:
            return
        self._fault_open = True
        try:
            retry = show_fault(self, error, retry=True)
        finally:
            self._fault_open = False
        if retry:
            self.controller.retry_all()

    # --- closing ------------------------------------------------------------------------------

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self.assessment_page is not None:
            self.assessment_page.editor.flush()
        self.tasks.wait()
        QApplication.processEvents()  # deliver what the last jobs returned
        if self.controller is not None and self.controller.state and self.controller.state.failed:
            answer = QMessageBox.warning(
                self,
                self.tr("Some answers are not saved"),
                counted(
                    len(self.controller.state.failed),
                    self.tr("%d answer could not be saved. Quit anyway and lose it?"),
                    self.tr("%d answers could not be saved. Quit anyway and lose them?"),
                ),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                event.ignore()
                return
        settings = window_state.settings()
        settings.setValue(window_state.GEOMETRY, self.saveGeometry())
        settings.setValue(window_state.STATE, self.saveState())
        if self.context is not None:
            library = self.context.library
            self.tasks.library(library.close)
            self.tasks.wait()
        super().closeEvent(event)
