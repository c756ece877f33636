"""The live score on the right of the editor: overall level, a bar per dimension, findings.

Built once per assessment, then updated in place from each new ``AssessmentResult``, so an
answer moves the score without rebuilding anything.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.level_widgets import LevelBadge, ScoreBar, level_icon
from ui.levels import level_name, score_words


def _heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class ScorePanel(QScrollArea):
    """Emits ``finding_activated(questionnaire_id, finding_id)`` when a finding is chosen."""

    finding_activated = Signal(str, str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("score_panel")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.addWidget(_heading(self.tr("Live result"), body))
        self.badge = LevelBadge(body, large=True)
        self.badge.setObjectName("overall_level")
        # "Severe · 77/100 — provisional" wraps in a narrow column instead of widening it.
        self.badge.setWordWrap(True)
        layout.addWidget(self.badge)
        self.progress = QLabel(body)
        self.progress.setObjectName("overall_progress")
        self.progress.setWordWrap(True)
        layout.addWidget(self.progress)
        self.grid_host = QWidget(body)
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 6, 0, 6)
        self.grid.setHorizontalSpacing(8)
        self.grid.setVerticalSpacing(1)
        self.grid.setColumnStretch(0, 1)
        layout.addWidget(self.grid_host)
        self.findings_heading = _heading(self.tr("Findings"), body)
        layout.addWidget(self.findings_heading)
        self.findings = QListWidget(body)
        self.findings.setObjectName("findings")
        self.findings.setAccessibleName(self.tr("Findings"))
        self.findings.setWordWrap(True)
        self.findings.setMinimumHeight(90)
        self.findings.itemActivated.connect(self._activated)
        self.findings.itemClicked.connect(self._activated)
        layout.addWidget(self.findings, 1)
        self.setWidget(body)
        self._rows: dict[tuple[str, str | None], tuple[QLabel, ScoreBar, QLabel]] = {}
        self._finding_keys: tuple = ()

    def load(self, questionnaires) -> None:
        """Lay out a row per questionnaire and per dimension."""
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self._rows.clear()
        row = 0
        host = self.grid_host
        for questionnaire in questionnaires:
            keys = [(questionnaire.id, None, questionnaire.title, True)]
            keys += [(questionnaire.id, d.id, d.title, False) for d in questionnaire.dimensions]
            for questionnaire_id, dimension_id, title, is_total in keys:
                label = QLabel(title if is_total else "    " + title, host)
                label.setWordWrap(True)
                if is_total:
                    font = label.font()
                    font.setBold(True)
                    label.setFont(font)
                bar = ScoreBar(host)
                words = QLabel(host)
                words.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.grid.addWidget(label, row, 0)
                self.grid.addWidget(words, row, 1)
                self.grid.addWidget(bar, row + 1, 0, 1, 2)
                self.grid.setRowMinimumHeight(row + 2, 8 if is_total else 4)
                self._rows[(questionnaire_id, dimension_id)] = (label, bar, words)
                row += 3
        self._finding_keys = None

    def update_result(self, result) -> None:
        """Show a new ``AssessmentResult``."""
        overall = result.overall
        self.badge.set_level(overall.level, overall.score)
        progress = result.progress
        if progress.provisional and overall.level is not None:
            # Levels may still change: say so on the badge itself, not only beside it.
            words = self.badge.accessibleName() + " — " + self.tr("provisional")
            self.badge.setText(f" {words} ")
            self.badge.setAccessibleName(words)
        self.badge.setToolTip(overall.explanation())
        missing = len(result.unanswered)
        text = self.tr("%d of %d questions answered") % (result.answered, result.shown)
        if missing:
            text += "\n" + self.tr("%d required still to answer") % missing
        if progress.provisional:
            text += "\n" + self.tr(
                "Levels are provisional: %d of %d questions they rest on are answered"
            ) % (progress.answered, progress.expected)
        if progress.needs_reason:
            text += "\n" + self.tr("%d 'Not applicable' answers need a reason (in the comment)") % (
                len(progress.needs_reason)
            )
        self.progress.setText(text)
        for questionnaire in result.questionnaires:
            self._set_row((questionnaire.id, None), questionnaire.result)
            for dimension in questionnaire.dimensions:
                self._set_row((questionnaire.id, dimension.id), dimension.result)
        keys = tuple((f.questionnaire_id, f.id) for f in result.findings)
        if keys != self._finding_keys:
            self._finding_keys = keys
            self.findings.clear()
            for finding in result.findings:
                item = QListWidgetItem(
                    level_icon(finding.severity), f"{level_name(finding.severity)}: {finding.title}"
                )
                item.setData(Qt.ItemDataRole.UserRole, (finding.questionnaire_id, finding.id))
                item.setToolTip(finding.explanation)
                self.findings.addItem(item)
            if not result.findings:
                placeholder = QListWidgetItem(self.tr("No findings yet."))
                placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
                self.findings.addItem(placeholder)
        self.findings_heading.setText(self.tr("Findings (%d)") % len(result.findings))

    def _set_row(self, key, score) -> None:
        row = self._rows.get(key)
        if row is None:
            return
        label, bar, words = row
        bar.set_score(score.level, score.score)
        text = score_words(score.level, score.score)
        words.setText(text)
        bar.setAccessibleName(f"{label.text().strip()}: {text}")

    def _activated(self, item: QListWidgetItem) -> None:
        key = item.data(Qt.ItemDataRole.UserRole)
        if key:
            self.finding_activated.emit(*key)
