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


def align_label_columns(*widgets: QWidget) -> None:
    """Give the forms laid out one above the other one label column, so their fields
    start at the same x (the stage fields sat further right than the details above)."""
    labels = []
    for widget in widgets:
        form = widget.layout()
        if isinstance(form, QFormLayout):
            for row in range(form.rowCount()):
                item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
                if item is not None and item.widget() is not None:
                    labels.append(item.widget())
    width = max((label.sizeHint().width() for label in labels), default=0)
    for label in labels:
        label.setMinimumWidth(width)


class StageFields(QWidget):
    """The system's stage, which decides how questions are asked, and when it started."""

    def __init__(self, parent: QWidget | None = None, *, allow_unstated: bool = False):
        from workerimpact.assessment import STAGE_LABELS

        super().__init__(parent)
        form = QFormLayout(self)
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
        if allow_unstated:
            self.stage.addItem(self.tr("Not stated (every question is asked)"), None)
        form.addRow(self.tr("S&tage of the system:"), self.stage)
        form.labelForField(self.stage).setBuddy(self.stage)
        self.started = QLineEdit(self)
        self.started.setObjectName("stage_started")
        self.started.setAccessibleName(self.tr("Date the pilot or operation started"))
        self.started.setPlaceholderText(self.tr("YYYY-MM-DD, if known"))
        self.started.setMaxLength(10)
        form.addRow(self.tr("Started o&n:"), self.started)
        form.labelForField(self.started).setBuddy(self.started)

    def set_values(self, stage: str | None, started) -> None:
        self.stage.setCurrentIndex(max(self.stage.findData(stage), 0))
        self.started.setText(started.isoformat() if started else "")

    def _date(self):
        """The start date typed (None if empty); raises ValueError if it is not a date."""
        import datetime as dt

        text = self.started.text().strip()
        return dt.date.fromisoformat(text) if text else None

    def problems(self) -> list[str]:
        """What stops the fields being saved, in words (also enables the date field)."""
        import datetime as dt

        stage = self.stage.currentData()
        self.started.setEnabled(stage not in ("planned", None))
        try:
            started = self._date()
        except ValueError:
            return [self.tr("Write the start date as YYYY-MM-DD, e.g. 2025-03-01.")]
        if started is not None and started > dt.date.today():
            return [self.tr("The start date is in the future.")]
        return []

    def values(self) -> dict:
        """``stage`` and ``stage_started`` (a date, or None) as the metadata takes them."""
        stage = self.stage.currentData()
        try:
            started = self._date()
        except ValueError:
            started = None
        return {
            "stage": stage,
            "stage_started": started if stage not in ("planned", None) else None,
        }


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
        from ui.i18n import shown_title

        for entry in catalog.entries:
            count = len(entry.questionnaire.questions())
            origin = self.tr("built-in") if entry.builtin else self.tr("installed")
            item = QListWidgetItem(
                self.tr("%s — %d questions (%s, version %s)")
                % (shown_title(entry.questionnaire), count, origin, entry.version)
            )
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if entry.builtin else Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            item.setToolTip(shown_title(entry.questionnaire, description=True))
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
        self.stage_fields = StageFields(self)
        self.stage, self.started = self.stage_fields.stage, self.stage_fields.started
        layout.addWidget(self.stage_fields)
        align_label_columns(self.form, self.stage_fields)
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

    def metadata(self) -> dict:
        return {**self.form.values(), **self.stage_fields.values()}

    def _check(self) -> None:
        problems = []
        if not self.chosen():
            problems.append(self.tr("Tick at least one questionnaire."))
        if not self.form.fields["system"].text().strip():
            problems.append(self.tr("Name the AI system assessed."))
        problems += self.stage_fields.problems()
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
        self.stage_fields = StageFields(self, allow_unstated=True)
        self.stage_fields.set_values(metadata.stage, metadata.stage_started)
        layout.addWidget(self.stage_fields)
        align_label_columns(self.form, self.stage_fields)
        self.hint = QLabel(self)
        layout.addWidget(self.hint)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.stage_fields.started.textChanged.connect(lambda _text: self._check())
        self.stage_fields.stage.currentIndexChanged.connect(lambda _index: self._check())
        self._check()

    def _check(self) -> None:
        problems = self.stage_fields.problems()
        self.hint.setText(" ".join(problems))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not problems)

    def values(self) -> dict:
        """The details as ``update_metadata`` takes them, the stage included."""
        return {**self.form.values(), **self.stage_fields.values()}
