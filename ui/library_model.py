"""The library as a table: a thin QAbstractTableModel over ``Library.summaries()`` rows,
and a proxy that searches, filters by status and level, and sorts."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from ui.level_widgets import level_icon
from ui.levels import LEVEL_ORDER, level_name, role_short_name, status_name

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 3

COLUMNS = (
    "organization",
    "system",
    "assessor",
    "questionnaires",
    "status",
    "level",
    "progress",
    "updated",
)


class LibraryModel(QAbstractTableModel):
    """Rows of ``AssessmentSummary``; replaced whole when the library changes."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list = []
        self.plan_flags: dict = {}
        self._headers = (
            self.tr("Organization"),
            self.tr("AI system"),
            self.tr("Assessed by"),
            self.tr("Questionnaires"),
            self.tr("Status"),
            self.tr("Level"),
            self.tr("Progress"),
            self.tr("Last change"),
        )

    def set_rows(self, rows, flags: dict | None = None) -> None:
        """``flags``: the action plan's flags per assessment id (``consultation_flags``)."""
        self.beginResetModel()
        self.rows = list(rows)
        self.plan_flags = dict(flags or {})
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = COLUMNS[index.column()]
        if role == ID_ROLE:
            return row.id
        if role == SUMMARY_ROLE:
            return row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, column)
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == Qt.ItemDataRole.DecorationRole and column == "level":
            return level_icon(row.level)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row)
        return None

    def _text(self, row, column: str) -> str:
        if column == "organization":
            return f"{row.organization} — {row.site}" if row.site else row.organization
        if column == "system":
            return f"{row.system} ({row.vendor})" if row.vendor else row.system
        if column == "assessor":
            role = role_short_name(row.role)
            return f"{row.assessor} ({role})" if row.assessor else role
        if column == "questionnaires":
            return ", ".join(row.questionnaires)
        if column == "status":
            text = status_name(row.status)
            text += self.tr(" · rev. %d") % row.revision if row.revision > 1 else ""
            attention = self._attention(row)
            return f"{text} · ⚠ {attention}" if attention else text
        if column == "level":
            if row.level is not None and row.provisional:
                return level_name(row.level) + " " + self.tr("(provisional)")
            return level_name(row.level)
        if column == "progress":
            text = self.tr("%d%% (%d of %d)") % (row.progress, row.answered, row.shown)
            if row.required_unanswered:
                text += " · " + self.tr("%d required missing") % row.required_unanswered
            return text
        if column == "updated":
            local = row.updated.astimezone()
            return local.strftime("%Y-%m-%d %H:%M")
        return ""

    def _attention(self, row) -> str:
        """What the action plan needs today: "2 measures overdue, review due" (or "")."""
        flags = self.plan_flags.get(row.id)
        if flags is None:
            return ""
        parts = []
        if flags.overdue_measures:
            count = flags.overdue_measures
            parts.append(
                self.tr("1 measure overdue")
                if count == 1
                else self.tr("%1 measures overdue").replace("%1", str(count))
            )
        if flags.review_due:
            parts.append(self.tr("review due"))
        return ", ".join(parts)

    def _sort_key(self, row, column: str):
        if column == "level":
            return LEVEL_ORDER.index(row.level) if row.level in LEVEL_ORDER else -1
        if column == "progress":
            return row.progress
        if column == "updated":
            return row.updated.timestamp()
        return self._text(row, column).casefold()

    def _tooltip(self, row) -> str:
        lines = [
            f"{row.organization} {row.site}".strip(),
            f"{row.system} {('— ' + row.vendor) if row.vendor else ''}".strip(),
            ", ".join(row.questionnaires),
            self._text(row, "level"),
            self._text(row, "progress"),
            self._attention(row).capitalize(),
            self.tr("Created %s") % row.created.astimezone().strftime("%Y-%m-%d %H:%M"),
        ]
        return "\n".join(line for line in lines if line)


class LibraryFilter(QSortFilterProxyModel):
    """Search every column's text; filter by status and level."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setSortRole(SORT_ROLE)
        self.setFilterKeyColumn(-1)
        self.status: str | None = None
        self.level: str | None = None
        self._words: list[str] = []

    def set_filters(self, text: str, status: str | None, level: str | None) -> None:
        """Show only rows with every word of ``text``, and the status and level given."""
        self.beginFilterChange()
        self._words = text.casefold().split()
        self.status = status
        self.level = level
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:  # noqa: N802 - Qt API
        model = self.sourceModel()
        row = model.rows[source_row]
        if self.status and row.status != self.status:
            return False
        if self.level and row.level != self.level:
            return False
        if not self._words:
            return True
        haystack = " ".join(
            [row.id, row.organization, row.site, row.system, row.vendor, *row.questionnaires]
            + [model._attention(row)]  # "overdue", "review due": found from the keyboard
        ).casefold()
        return all(word in haystack for word in self._words)
