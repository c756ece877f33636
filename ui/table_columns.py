"""Table columns that share the table's width in fixed proportions, so every column stays
on screen at 800 pixels as at 1920 (no column squeezed to a few pixels, none pushed off
the right edge). A column the user drags keeps its width until the table is resized."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QTableView


class ProportionalColumns(QObject):
    """Sets ``table``'s column widths to ``shares`` (column -> weight) of its width."""

    def __init__(self, table: QTableView, shares: dict[int, float], minimum: int = 56):
        super().__init__(table)
        self._table = table
        self._shares = shares
        self._minimum = minimum
        table.horizontalHeader().setMinimumSectionSize(minimum)
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Resize:
            self.apply()
        return False

    def apply(self) -> None:
        width = self._table.viewport().width()
        total = sum(self._shares.values())
        for column, share in self._shares.items():
            self._table.setColumnWidth(column, max(self._minimum, int(width * share / total)))
