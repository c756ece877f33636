"""The left of the editor: questionnaires and their sections, with progress and marks.

Each section shows answered/shown and a mark where a required question is still missing
(from ``QuestionnaireResult.sections``); a section skip logic hides is shown greyed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from ui.wording import counted

ROLE_KEY = Qt.ItemDataRole.UserRole


class _WrappingNames(QStyledItemDelegate):
    """Sizes a name row for its text wrapped to the name column's width."""

    def __init__(self, tree: QTreeWidget):
        super().__init__(tree)
        self._tree = tree

    def sizeHint(self, option, index):  # noqa: N802 - Qt API
        size = super().sizeHint(option, index)
        if index.column() != 0:
            return size
        depth = 1 if index.parent().isValid() else 0
        icon = self._tree.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize) + 8
        width = self._tree.columnWidth(0) - self._tree.indentation() * (depth + 1) - icon - 8
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        font = index.data(Qt.ItemDataRole.FontRole) or self._tree.font()
        metrics = QFontMetrics(font)
        bound = metrics.boundingRect(
            QRect(0, 0, max(width, 40), 10_000), int(Qt.TextFlag.TextWordWrap), text
        )
        size.setHeight(max(size.height(), bound.height() + 6))
        return size


class Navigator(QTreeWidget):
    """Emits ``section_chosen(questionnaire_id, section_id)`` when the user picks one."""

    section_chosen = Signal(str, str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("navigator")
        self._last_result = None
        self.setAccessibleName(self.tr("Questionnaires and sections"))
        self.setAccessibleDescription(
            self.tr("Choose a section to answer; progress is shown beside each")
        )
        self.setColumnCount(2)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(True)
        # Long section names wrap instead of being cut.
        self.setUniformRowHeights(False)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setItemDelegate(_WrappingNames(self))
        # Row heights follow the name column's width (a narrower column, more lines).
        self.header().sectionResized.connect(
            lambda column, _old, _new: column == 0 and self.scheduleDelayedItemsLayout()
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, self.header().ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, self.header().ResizeMode.ResizeToContents)
        self._items: dict[tuple[str, str], QTreeWidgetItem] = {}
        self._roots: dict[str, QTreeWidgetItem] = {}
        self._warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        # A section without a warning keeps an empty icon of the same size, so its name
        # does not shift left when its last required question is answered.
        side = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, self)
        blank = QPixmap(QSize(side, side))
        blank.fill(Qt.GlobalColor.transparent)
        self._blank = QIcon(blank)
        self.currentItemChanged.connect(self._current_changed)
        self._quiet = False

    def load(self, questionnaires) -> None:
        """Fill the tree from the assessment's questionnaires."""
        self._quiet = True
        self.clear()
        self._items.clear()
        self._roots.clear()
        for questionnaire in questionnaires:
            root = QTreeWidgetItem(self, [questionnaire.title, ""])
            root.setToolTip(0, questionnaire.title)
            root.setData(0, ROLE_KEY, (questionnaire.id, None))
            root.setFlags(root.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            font = root.font(0)
            font.setBold(True)
            root.setFont(0, font)
            self._roots[questionnaire.id] = root
            for section in questionnaire.sections:
                item = QTreeWidgetItem(root, [section.title, ""])
                item.setToolTip(0, section.title)
                item.setIcon(0, self._blank)
                item.setData(0, ROLE_KEY, (questionnaire.id, section.id))
                item.setTextAlignment(
                    1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
                self._items[(questionnaire.id, section.id)] = item
            root.setExpanded(True)
        self._quiet = False

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._last_result is not None:
            self.update_progress(self._last_result)  # skipped sections' grey, new theme

    def update_progress(self, result) -> None:
        """Show each section's progress from an ``AssessmentResult``."""
        self._last_result = result
        for questionnaire in result.questionnaires:
            answered = shown = 0
            missing_total = 0
            for progress in questionnaire.sections:
                item = self._items.get((questionnaire.id, progress.id))
                if item is None:
                    continue
                missing = progress.required - progress.required_answered
                missing_total += missing
                if progress.shown:
                    answered += progress.answered
                    shown += progress.questions
                    item.setText(1, f"{progress.answered}/{progress.questions}")
                    description = self.tr("%d of %d answered") % (
                        progress.answered,
                        progress.questions,
                    )
                else:
                    item.setText(1, self.tr("skipped"))
                    description = self.tr("skipped because of earlier answers")
                item.setDisabled(False)
                if progress.shown:
                    # No colour of its own: the text follows the theme, also when it changes.
                    item.setData(0, Qt.ItemDataRole.ForegroundRole, None)
                else:
                    role = self.palette().ColorRole.PlaceholderText
                    item.setForeground(0, self.palette().color(role))
                if missing and progress.shown:
                    item.setIcon(0, self._warning)
                    description += ", " + self.tr("%d required missing") % missing
                    item.setToolTip(
                        0,
                        item.text(0)
                        + "\n"
                        + counted(
                            missing,
                            self.tr("%d required question still to answer"),
                            self.tr("%d required questions still to answer"),
                        ),
                    )
                else:
                    item.setIcon(0, self._blank)
                    item.setToolTip(0, item.text(0))
                item.setData(0, Qt.ItemDataRole.AccessibleDescriptionRole, description)
            root = self._roots.get(questionnaire.id)
            if root is not None:
                root.setText(1, f"{answered}/{shown}")
                root.setIcon(0, self._warning if missing_total else self._blank)

    def select_section(self, questionnaire_id: str, section_id: str) -> None:
        """Mark the section shown (without emitting ``section_chosen``)."""
        item = self._items.get((questionnaire_id, section_id))
        if item is not None and item is not self.currentItem():
            self._quiet = True
            self.setCurrentItem(item)
            self._quiet = False

    def sections(self) -> list[tuple[str, str]]:
        """Every (questionnaire id, section id), in order."""
        return list(self._items)

    def _current_changed(self, current: QTreeWidgetItem | None, _previous) -> None:
        if self._quiet or current is None:
            return
        questionnaire_id, section_id = current.data(0, ROLE_KEY)
        if section_id is None:
            return
        self.section_chosen.emit(questionnaire_id, section_id)
