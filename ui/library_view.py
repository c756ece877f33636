"""The home screen: the library's assessments (search, filter, sort), and a first-run
welcome when it is empty (``ui.first_run``). It asks the main window to open, create or
import; what it does with the selected assessment (deleting goes to the trash and can be
undone) lives in ``ui.library_actions``."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
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
from ui.first_run import FirstRun
from ui.i18n import current_language
from ui.levels import LEVEL_ORDER, level_name, status_name
from ui.library_actions import LibraryActions
from ui.library_model import COLUMNS, ID_ROLE, LibraryFilter, LibraryModel
from ui.table_columns import ProportionalColumns
from ui.wording import counted


class LibraryPage(LibraryActions, QWidget):
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
