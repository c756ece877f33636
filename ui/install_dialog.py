"""Install a custom questionnaire: check the file and list every problem with its place."""

from __future__ import annotations

import html
import textwrap
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.wording import counted
from workerimpact.safetext import printable


class ProblemsDialog(QDialog):
    """Every problem of a file in a table: where, and what is wrong (with the suggestion)."""

    def __init__(self, path: str | Path, problems, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("problems_dialog")
        name = Path(path).name
        self.setWindowTitle(self.tr("%s cannot be installed") % name)
        self.resize(820, 420)
        layout = QVBoxLayout(self)
        count = len(problems)
        problems_text = counted(count, self.tr("1 problem"), self.tr("%d problems"))
        intro = QLabel(
            self.tr("<b>%s has %s.</b>") % (html.escape(name), problems_text)
            + " "
            + self.tr(
                "Nothing was installed. Correct each problem in the file (the place is a line "
                "and a path inside it), save it, and choose File → Install questionnaire… again."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTreeWidget(self)
        self.table.setObjectName("problems")
        self.table.setAccessibleName(self.tr("Problems found"))
        self.table.setRootIsDecorated(False)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.setUniformRowHeights(False)
        self.table.setAlternatingRowColors(True)
        self.table.setHeaderLabels([self.tr("Where"), self.tr("Problem")])
        self.table.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.header().setStretchLastSection(True)
        for problem in problems:
            # Text quoted from the file is shown with visible escapes (no control or
            # bidi characters, no line breaks of its own).
            where = printable(problem.where) or self.tr("(whole file)")
            message = printable(problem.message)
            # Explicit line breaks: a tree does not wrap long text by itself.
            item = QTreeWidgetItem([where, textwrap.fill(message, 78)])
            item.setToolTip(1, message)
            item.setData(0, Qt.ItemDataRole.AccessibleTextRole, where)
            self.table.addTopLevelItem(item)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = buttons.addButton(
            self.tr("&Copy problems"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button.clicked.connect(self._copy)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self._text = "\n".join(printable(str(problem)) for problem in problems)

    def _copy(self) -> None:
        from PySide6.QtGui import QGuiApplication

        QGuiApplication.clipboard().setText(self._text)
