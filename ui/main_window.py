"""The main window: a shell of menus, status bar and pages (library, assessment).

Start-up is two-step so the window appears fast: ``__init__`` builds only the shell (Qt
alone), and ``start`` opens the library on the library thread, then builds the pages.
Menu actions come from ``ui.actions``, laid out and enabled in ``ui.window_menus``; moving
between pages lives in ``ui.window_pages``, file work in ``ui.operations``, comparing in
``ui.compare_operations``. This class holds the window's state: it starts up, shows faults
and closes.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
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
from ui.window_menus import WindowMenus
from ui.window_pages import WindowPages
from ui.wording import counted


class MainWindow(
    WindowMenus,
    WindowPages,
    WindowOperations,
    CompareOperations,
    ReviewOperations,
    QMainWindow,
):
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
            read_only = box.addButton(self.tr("Open read-&only"), QMessageBox.ButtonRole.ActionRole)
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
