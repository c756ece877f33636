"""New assessment: choose questionnaires (built-ins ticked), then say who assesses what."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
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
        layout.addLayout(self._stage_fields())
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
        self.started.textChanged.connect(lambda _text: self._check())
        self.stage.currentIndexChanged.connect(lambda _index: self._check())
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

    def _stage_fields(self) -> QFormLayout:
        """The system's stage, which decides how questions are asked, and its start date."""
        from workerimpact.assessment import STAGE_LABELS

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        self.stage = QComboBox(self)
        self.stage.setObjectName("stage")
        self.stage.setAccessibleName(self.tr("Stage of the system"))
        self.stage.setToolTip(
            self.tr(
                "Planned: questions ask about the plan. Questions about what has happened "
                "since launch are asked only once the system is in operation."
            )
        )
        for stage in ("in_operation", "pilot", "planned"):
            self.stage.addItem(self.tr(STAGE_LABELS[stage]), stage)
        form.addRow(self.tr("S&tage of the system:"), self.stage)
        form.labelForField(self.stage).setBuddy(self.stage)
        self.started = QLineEdit(self)
        self.started.setObjectName("stage_started")
        self.started.setAccessibleName(self.tr("Date the pilot or operation started"))
        self.started.setPlaceholderText(self.tr("YYYY-MM-DD, if known"))
        self.started.setMaxLength(10)
        form.addRow(self.tr("Started o&n:"), self.started)
        form.labelForField(self.started).setBuddy(self.started)
        return form

    def _started_date(self):
        """The start date typed (None if empty); raises ValueError if it is not a date."""
        import datetime as dt

        text = self.started.text().strip()
        return dt.date.fromisoformat(text) if text else None

    def metadata(self) -> dict:
        data = self.form.values()
        data["stage"] = self.stage.currentData()
        try:
            started = self._started_date()
        except ValueError:
            started = None
        data["stage_started"] = started if data["stage"] != "planned" else None
        return data

    def _check(self) -> None:
        problems = []
        if not self.chosen():
            problems.append(self.tr("Tick at least one questionnaire."))
        if not self.form.fields["system"].text().strip():
            problems.append(self.tr("Name the AI system assessed."))
        planned = self.stage.currentData() == "planned"
        self.started.setEnabled(not planned)
        try:
            started = self._started_date()
        except ValueError:
            problems.append(self.tr("Write the start date as YYYY-MM-DD, e.g. 2025-03-01."))
        else:
            if started is not None and started > started.today():
                problems.append(self.tr("The start date is in the future."))
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
