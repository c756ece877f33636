"""The home screen: the library's assessments (search, filter, sort), and a first-run
welcome when it is empty. It asks the main window to open, create or import; deleting
goes to the trash and can be undone."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QPalette, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.i18n import current_language
from ui.levels import LEVEL_ORDER, level_name, status_name
from ui.library_model import COLUMNS, ID_ROLE, SUMMARY_ROLE, LibraryFilter, LibraryModel
from ui.table_columns import ProportionalColumns
from ui.wording import counted


class FirstRun(QWidget):
    """What the tool does, in three lines, and a button to start."""

    start = Signal()
    open_file = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("first_run")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        title = QLabel(self.tr("Welcome to WorkerImpact"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
        lines = QLabel(
            "<p>"
            + "<br>".join(
                [
                    self.tr(
                        "1. Answer questionnaires on how an AI system at work affects "
                        "workers: surveillance, job quality, health and safety."
                    ),
                    self.tr(
                        "2. See the risk level and the findings update as you answer, "
                        "each explained by the answers behind it."
                    ),
                    self.tr(
                        "3. Export a tamper-evident PDF impact statement to share with "
                        "management, the union or a regulator."
                    ),
                ]
            )
            + "</p>",
            self,
        )
        lines.setObjectName("first_run_text")
        lines.setWordWrap(True)
        lines.setMaximumWidth(640)
        # A word-wrapped label given an alignment in a box layout is sized from a guessed
        # width and clipped; centred between stretches it gets its height for its width.
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(lines, 4)
        centred.addStretch(1)
        layout.addLayout(centred)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.start_button = QPushButton(self.tr("&Start an assessment"), self)
        self.start_button.setObjectName("start_assessment")
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        buttons.addWidget(self.start_button)
        open_button = QPushButton(self.tr("Open a &file…"), self)
        open_button.setToolTip(self.tr("An assessment file or a WorkerImpact report PDF"))
        open_button.clicked.connect(self.open_file)
        buttons.addWidget(open_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        note = QLabel(
            self.tr("Everything stays on this computer. Answers are saved as you give them."),
            self,
        )
        note.setObjectName("first_run_note")
        # Quieter than the lines above, yet readable (a disabled label was 1.6:1).
        note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout.addWidget(note, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)


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


class LibraryPage(QWidget):
    """The list of assessments."""

    open_requested = Signal(str)
    new_requested = Signal()
    import_requested = Signal()
    compare_requested = Signal(str)
    own_copy_requested = Signal(str)
    """Duplicate was asked of someone else's record: offer an own copy instead."""
    """Choose an assessment to compare the selected one with."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.undo_stack = QUndoStack(self)
        self.trash = False
        self.loaded = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.stack = QStackedWidget(self)
        layout.addWidget(self.stack)
        self.first_run = FirstRun(self.stack)
        self.first_run.start.connect(self.new_requested)
        self.first_run.open_file.connect(self.import_requested)
        self.stack.addWidget(self.first_run)

        main = QWidget(self.stack)
        main_layout = QVBoxLayout(main)
        main_layout.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        search_label = QLabel(self.tr("&Search:"), main)
        self.search = QLineEdit(main)
        self.search.setObjectName("library_search")
        self.search.setPlaceholderText(self.tr("Organization, site, system, vendor…"))
        self.search.setClearButtonEnabled(True)
        search_label.setBuddy(self.search)
        filters.addWidget(search_label)
        filters.addWidget(self.search, 2)
        status_label = QLabel(self.tr("S&tatus:"), main)
        self.status_filter = QComboBox(main)
        self.status_filter.setObjectName("status_filter")
        self.status_filter.addItem(self.tr("Any"), None)
        for status in ("draft", "in_review", "final"):
            self.status_filter.addItem(status_name(status), status)
        status_label.setBuddy(self.status_filter)
        filters.addWidget(status_label)
        filters.addWidget(self.status_filter)
        level_label = QLabel(self.tr("&Level:"), main)
        self.level_filter = QComboBox(main)
        self.level_filter.setObjectName("level_filter")
        self.level_filter.addItem(self.tr("Any"), None)
        for level in LEVEL_ORDER:
            self.level_filter.addItem(level_name(level), level)
        level_label.setBuddy(self.level_filter)
        filters.addWidget(level_label)
        filters.addWidget(self.level_filter)
        self.trash_box = QCheckBox(self.tr("Show t&rash"), main)
        self.trash_box.setObjectName("show_trash")
        self.trash_box.toggled.connect(self.set_trash)
        filters.addWidget(self.trash_box)
        main_layout.addLayout(filters)

        self.notice = QFrame(main)
        self.notice.setFrameShape(QFrame.Shape.StyledPanel)
        notice_layout = QHBoxLayout(self.notice)
        notice_layout.setContentsMargins(8, 4, 8, 4)
        self.notice_text = QLabel(self.notice)
        notice_layout.addWidget(self.notice_text, 1)
        self.notice_undo = QPushButton(self.tr("&Undo"), self.notice)
        self.notice_undo.clicked.connect(self._undo_delete)
        notice_layout.addWidget(self.notice_undo)
        self.notice.setVisible(False)
        main_layout.addWidget(self.notice)

        self.model = LibraryModel(self)
        self.proxy = LibraryFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(main)
        self.table.setObjectName("library_table")
        self.table.setAccessibleName(self.tr("Assessments"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COLUMNS.index("updated"), Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        # Every column keeps a readable share of the width, from 800 px screens up.
        # Level and progress get room for "Moderate (provisional)" and "… required missing"
        # at 1366 px; the tooltip gives every column whole on narrower screens.
        shares = {"organization": 14, "system": 14, "assessor": 10, "questionnaires": 15,
                  "status": 9, "level": 12, "progress": 16, "updated": 10}  # fmt: skip
        self.columns = ProportionalColumns(
            self.table, {COLUMNS.index(name): share for name, share in shares.items()}
        )
        self.table.activated.connect(self._activated)
        # The menu key sends the context menu to the table, a right click to its viewport.
        self.table.installEventFilter(self)
        self.table.viewport().installEventFilter(self)
        main_layout.addWidget(self.table, 1)
        self.empty_hint = QLabel(main)
        self.empty_hint.setVisible(False)
        main_layout.addWidget(self.empty_hint)

        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("&New…"), main)
        self.new_button.clicked.connect(self.new_requested)
        self.open_button = QPushButton(self.tr("&Open"), main)
        self.open_button.setObjectName("open_assessment")
        self.open_button.clicked.connect(self.open_selected)
        self.import_button = QPushButton(self.tr("&Import file…"), main)
        self.import_button.clicked.connect(self.import_requested)
        self.revision_button = QPushButton(self.tr("D&uplicate as new revision"), main)
        self.revision_button.clicked.connect(self.duplicate_selected)
        self.compare_button = QPushButton(self.tr("Com&pare with…"), main)
        self.compare_button.setObjectName("compare_assessment")
        self.compare_button.setToolTip(
            self.tr("Compare the selected assessment with another: levels, findings, answers")
        )
        self.compare_button.clicked.connect(self.compare_selected)
        self.delete_button = QPushButton(self.tr("&Delete"), main)
        self.delete_button.setObjectName("delete_assessment")
        self.delete_button.clicked.connect(self.delete_selected)
        self.restore_button = QPushButton(self.tr("&Restore"), main)
        self.restore_button.clicked.connect(self.restore_selected)
        self.empty_trash_button = QPushButton(self.tr("&Empty trash…"), main)
        self.empty_trash_button.clicked.connect(self.empty_trash)
        for button in (
            self.new_button,
            self.open_button,
            self.import_button,
            self.revision_button,
            self.compare_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.restore_button, self.empty_trash_button, self.delete_button):
            buttons.addWidget(button)
        main_layout.addLayout(buttons)
        self.stack.addWidget(main)
        self.main = main

        self.search.textChanged.connect(self._filter_changed)
        self.status_filter.currentIndexChanged.connect(self._filter_changed)
        self.level_filter.currentIndexChanged.connect(self._filter_changed)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        context.library_changed.connect(self.refresh)
        self._update_buttons()

    # --- loading -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the summaries from the library."""
        trash = self.trash

        def load(library):
            summaries = library.summaries(deleted=trash, language=current_language())
            return summaries, library.consultation_flags()

        self.context.run(load, lambda found: self.show_rows(*found))

    def show_rows(self, rows, flags: dict | None = None) -> None:
        selected = self.selected_id()
        self.model.set_rows(rows, flags)
        self.loaded = True
        # After deleting the last one, stay on the list so the deletion can be undone.
        first_run = not rows and not self.trash and not self.undo_stack.canUndo()
        self.stack.setCurrentWidget(self.first_run if first_run else self.main)
        if selected:
            self.select(selected)
        elif self.proxy.rowCount():
            self.table.selectRow(0)
        self._filter_changed()

    def select(self, assessment_id: str) -> None:
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(ID_ROLE) == assessment_id:
                self.table.selectRow(row)
                return

    def set_trash(self, trash: bool) -> None:
        self.trash = trash
        if self.trash_box.isChecked() != trash:
            self.trash_box.setChecked(trash)
        self.refresh()
        self._update_buttons()

    def focus_search(self) -> None:
        if self.stack.currentWidget() is self.main:
            self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.search.selectAll()

    def _filter_changed(self) -> None:
        self.proxy.set_filters(
            self.search.text(), self.status_filter.currentData(), self.level_filter.currentData()
        )
        hidden = self.model.rowCount() - self.proxy.rowCount()
        if self.model.rowCount() == 0:
            hint = self.tr("The trash is empty.") if self.trash else ""
        elif hidden:
            hint = counted(
                hidden,
                self.tr("%d assessment is hidden by the search or filters."),
                self.tr("%d assessments are hidden by the search or filters."),
            )
        else:
            hint = ""
        self.empty_hint.setText(hint)
        self.empty_hint.setVisible(bool(hint))
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = self.selected_id() is not None
        for button in (
            self.open_button,
            self.revision_button,
            self.compare_button,
            self.delete_button,
        ):
            button.setVisible(not self.trash)
            button.setEnabled(has)
        self.new_button.setVisible(not self.trash)
        self.import_button.setVisible(not self.trash)
        self.restore_button.setVisible(self.trash)
        self.restore_button.setEnabled(has)
        self.empty_trash_button.setVisible(self.trash)
        self.empty_trash_button.setEnabled(self.model.rowCount() > 0)

    # --- actions -------------------------------------------------------------------------

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
