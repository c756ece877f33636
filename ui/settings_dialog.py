"""Settings: defaults for new assessments, where the data lives, backups, language."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui import window_state
from ui.levels import ROLES, role_name


def backup_label(backup) -> str:
    """A backup as a list line: when, and how big."""
    when = backup.created.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    return f"{when}  ({backup.size / 1024:,.0f} KB)  {backup.path.name}"


class SettingsDialog(QDialog):
    """Emits ``backup_requested`` and ``restore_requested(path)``; the window runs them."""

    backup_requested = Signal()
    restore_requested = Signal(object)

    def __init__(self, data_folder: str, backups, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("settings")
        self.setWindowTitle(self.tr("Settings"))
        self.resize(640, 560)
        layout = QVBoxLayout(self)

        defaults = QGroupBox(self.tr("Defaults for new assessments"), self)
        form = QFormLayout(defaults)
        self.organization = QLineEdit(window_state.text(window_state.DEFAULT_ORGANIZATION))
        self.organization.setObjectName("default_organization")
        self.assessor = QLineEdit(window_state.text(window_state.DEFAULT_ASSESSOR))
        self.assessor.setObjectName("default_assessor")
        self.role = QComboBox()
        for role in ROLES:
            self.role.addItem(role_name(role), role)
        self.role.setCurrentIndex(
            max(0, self.role.findData(window_state.text(window_state.DEFAULT_ROLE, "employer")))
        )
        for label, field in (
            (self.tr("&Organization:"), self.organization),
            (self.tr("&Assessor:"), self.assessor),
            (self.tr("&Role:"), self.role),
        ):
            form.addRow(label, field)
            form.labelForField(field).setBuddy(field)
            field.setAccessibleName(label.replace("&", "").rstrip(":"))
        layout.addWidget(defaults)

        data = QGroupBox(self.tr("Data"), self)
        data_layout = QVBoxLayout(data)
        folder_row = QHBoxLayout()
        self.folder = QLineEdit(data_folder)
        self.folder.setObjectName("data_folder")
        self.folder.setReadOnly(True)
        self.folder.setAccessibleName(self.tr("Data folder"))
        folder_label = QLabel(self.tr("&Data folder:"))
        folder_label.setBuddy(self.folder)
        folder_row.addWidget(folder_label)
        folder_row.addWidget(self.folder, 1)
        show = QPushButton(self.tr("S&how"))
        show.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(data_folder)))
        folder_row.addWidget(show)
        data_layout.addLayout(folder_row)
        backups_label = QLabel(self.tr("&Backups (newest first):"))
        data_layout.addWidget(backups_label)
        self.backups = QListWidget()
        self.backups.setObjectName("backups")
        self.backups.setAccessibleName(self.tr("Backups"))
        backups_label.setBuddy(self.backups)
        data_layout.addWidget(self.backups, 1)
        self.set_backups(backups)
        row = QHBoxLayout()
        self.backup_button = QPushButton(self.tr("Back up &now"))
        self.backup_button.clicked.connect(self.backup_requested)
        self.restore_button = QPushButton(self.tr("Re&store selected backup…"))
        self.restore_button.clicked.connect(self._restore)
        row.addWidget(self.backup_button)
        row.addWidget(self.restore_button)
        row.addStretch(1)
        data_layout.addLayout(row)
        layout.addWidget(data, 1)

        signing_row = QHBoxLayout()
        signing = QPushButton(self.tr("Si&gning identity and trusted certificates…"))
        signing.setObjectName("signing_button")
        signing.clicked.connect(self._signing)
        signing_row.addWidget(signing)
        self.signing_summary = QLabel()
        self.signing_summary.setObjectName("signing_summary")
        self.signing_summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        signing_row.addWidget(self.signing_summary, 1)
        layout.addLayout(signing_row)
        self._show_signing()

        language = QGroupBox(self.tr("Language"), self)
        language_layout = QFormLayout(language)
        self.language = QComboBox()
        self.language.addItem(self.tr("System"), "system")
        self.language.addItem("English", "en")
        self.language.addItem("Español", "es")
        from ui.i18n import chosen

        self.language.setCurrentIndex(max(0, self.language.findData(chosen())))
        self.language.setAccessibleName(self.tr("Interface language"))
        language_layout.addRow(self.tr("&Interface:"), self.language)
        language_layout.labelForField(self.language).setBuddy(self.language)
        note = QLabel(self.tr("A new language applies the next time WorkerImpact starts."))
        note.setWordWrap(True)
        language_layout.addRow(note)
        layout.addWidget(language)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def set_backups(self, backups) -> None:
        self.backups.clear()
        for backup in backups:
            item = QListWidgetItem(backup_label(backup))
            item.setData(Qt.ItemDataRole.UserRole, backup.path)
            self.backups.addItem(item)
        if not backups:
            item = QListWidgetItem(self.tr("No backups yet."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.backups.addItem(item)

    def _restore(self) -> None:
        item = self.backups.currentItem()
        path = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if path is not None:
            self.restore_requested.emit(path)

    def _signing(self) -> None:
        from ui.signing_dialog import SigningDialog

        SigningDialog(self).exec()
        self._show_signing()

    def _show_signing(self) -> None:
        """Who you sign as and your fingerprint, to read aloud."""
        from workerimpact.errors import InputError
        from workerimpact.report.text import clip
        from workerimpact.signing.identity import load_identity, readable_fingerprint

        try:
            identity = load_identity()
        except InputError as error:
            self.signing_summary.setText(error.problems[0].message)
            return
        if identity is None:
            self.signing_summary.setText(self.tr("No signing identity yet."))
            return
        self.signing_summary.setText(
            f"{clip(identity.holder.name, 40)} · {readable_fingerprint(identity.fingerprint)}"
        )
        self.signing_summary.setToolTip(clip(identity.holder.describe(), 200))

    def accept(self) -> None:
        window_state.set_value(window_state.DEFAULT_ORGANIZATION, self.organization.text().strip())
        window_state.set_value(window_state.DEFAULT_ASSESSOR, self.assessor.text().strip())
        window_state.set_value(window_state.DEFAULT_ROLE, self.role.currentData())
        window_state.set_value(window_state.LANGUAGE, self.language.currentData())
        super().accept()
