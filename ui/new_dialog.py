"""New assessment: choose questionnaires (built-ins ticked), then say who assesses what."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.metadata_form import MetadataForm


class NewAssessmentDialog(QDialog):
    """Returns the chosen catalog entries and the metadata fields."""

    def __init__(self, catalog, defaults: dict, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("new_assessment")
        self.setWindowTitle(self.tr("New assessment"))
        self.resize(620, 640)
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("&Questionnaires to answer:"), self)
        layout.addWidget(label)
        self.list = QListWidget(self)
        self.list.setObjectName("questionnaire_list")
        self.list.setAccessibleName(self.tr("Questionnaires to answer"))
        label.setBuddy(self.list)
        self.entries = {}
        for entry in catalog.entries:
            count = len(entry.questionnaire.questions())
            origin = self.tr("built-in") if entry.builtin else self.tr("installed")
            item = QListWidgetItem(
                self.tr("%s — %d questions (%s, version %s)")
                % (entry.title, count, origin, entry.version)
            )
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if entry.builtin else Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            item.setToolTip(entry.questionnaire.description or entry.title)
            self.list.addItem(item)
            self.entries[entry.id] = entry
        if not any(entry.builtin for entry in catalog.entries) and self.list.count():
            self.list.item(0).setCheckState(Qt.CheckState.Checked)
        self.list.setMaximumHeight(150)
        layout.addWidget(self.list)
        if catalog.problems:
            problems = QLabel(
                self.tr("Some installed questionnaires could not be used:")
                + "\n"
                + "\n".join(f"• {problem}" for problem in catalog.problems[:5]),
                self,
            )
            problems.setWordWrap(True)
            layout.addWidget(problems)
        self.form = MetadataForm(self)
        self.form.set_values(defaults)
        layout.addWidget(self.form)
        self.hint = QLabel(self)
        self.hint.setObjectName("hint")
        layout.addWidget(self.hint)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Start"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.list.itemChanged.connect(lambda _item: self._check())
        self.form.fields["system"].textChanged.connect(lambda _text: self._check())
        self._check()
        self.form.fields["organization"].setFocus()

    def chosen(self) -> list:
        """The ticked catalog entries, in list order."""
        chosen = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                chosen.append(self.entries[item.data(Qt.ItemDataRole.UserRole)])
        return chosen

    def metadata(self) -> dict:
        return self.form.values()

    def _check(self) -> None:
        problems = []
        if not self.chosen():
            problems.append(self.tr("Tick at least one questionnaire."))
        if not self.form.fields["system"].text().strip():
            problems.append(self.tr("Name the AI system assessed."))
        self.hint.setText(" ".join(problems))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problems)


class DetailsDialog(QDialog):
    """Change the details of the open assessment."""

    def __init__(self, metadata, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Assessment details"))
        self.resize(560, 420)
        layout = QVBoxLayout(self)
        self.form = MetadataForm(self)
        self.form.set_values(metadata.model_dump())
        layout.addWidget(self.form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
