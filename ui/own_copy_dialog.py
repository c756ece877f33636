"""After opening someone else's assessment: work on your own copy as yourself, or open
theirs as it is.

The copy is a new revision of theirs (``Library.new_revision``) with you as its assessor,
so theirs stays unchanged and "Compare with…" finds it as the original.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.levels import ROLES, role_name, role_short_name, status_name


def made_by_someone_else(metadata, assessor: str, role: str) -> bool:
    """True when the assessment's assessor or role is not the user's (from Settings)."""
    same_person = metadata.assessor.strip().casefold() == assessor.strip().casefold()
    return not same_person or metadata.role != role


class OwnCopyDialog(QDialog):
    """Accepted: work on an own copy as ``assessor()`` / ``role()``; rejected: open as it is.

    With no default assessor in Settings, it asks for the name and role (and offers to
    remember them as the defaults).
    """

    def __init__(self, metadata, assessor: str, role: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("own_copy")
        self.setWindowTitle(self.tr("Work on your own copy?"))
        self.setMinimumWidth(600)
        self._default_assessor = assessor
        self._default_role = role
        layout = QVBoxLayout(self)
        system = metadata.system or metadata.organization or self.tr("This assessment")
        theirs = metadata.assessor or self.tr("an unnamed assessor")
        about = QLabel(
            self.tr("“%s” was assessed by %s (%s), revision %d, %s.")
            % (
                system,
                theirs,
                role_short_name(metadata.role),
                metadata.revision,
                status_name(metadata.status).lower(),
            ),
            self,
        )
        about.setObjectName("own_copy_about")
        about.setTextFormat(Qt.TextFormat.PlainText)
        about.setWordWrap(True)
        font = about.font()
        font.setBold(True)
        about.setFont(font)
        layout.addWidget(about)
        explanation = QLabel(
            self.tr(
                "To answer as yourself, work on your own copy: a new revision made from it, "
                "with you as the assessor. Theirs stays as it is, and Assessment → Compare "
                "with… shows where the two differ."
            ),
            self,
        )
        explanation.setWordWrap(True)
        layout.addWidget(explanation)

        self.name = QLineEdit(assessor, self)
        self.name.setObjectName("own_copy_assessor")
        self.name.setPlaceholderText(self.tr("Your name"))
        self.name.setAccessibleName(self.tr("Your name"))
        self.name.setMaxLength(2000)
        self.role_box = QComboBox(self)
        self.role_box.setObjectName("own_copy_role")
        self.role_box.setAccessibleName(self.tr("Your role"))
        for item in ROLES:
            self.role_box.addItem(role_name(item), item)
        self.role_box.setCurrentIndex(max(0, self.role_box.findData(role)))
        self.remember = QCheckBox(self.tr("Re&member as my defaults in Settings"), self)
        self.remember.setObjectName("own_copy_remember")
        self.remember.setChecked(True)
        self.asks = not assessor.strip()
        if self.asks:
            form = QFormLayout()
            form.addRow(self.tr("Your &name:"), self.name)
            form.labelForField(self.name).setBuddy(self.name)
            form.addRow(self.tr("Your r&ole:"), self.role_box)
            form.labelForField(self.role_box).setBuddy(self.role_box)
            form.addRow("", self.remember)
            layout.addLayout(form)
        else:
            for widget in (self.name, self.role_box, self.remember):
                widget.setVisible(False)

        buttons = QDialogButtonBox(self)
        self.own_button = buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.own_button.setObjectName("own_copy_yes")
        self.as_is_button = buttons.addButton(
            self.tr("Open as it &is"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.as_is_button.setObjectName("own_copy_no")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.own_button.setDefault(True)
        self.name.textChanged.connect(lambda _text: self._update())
        self.role_box.currentIndexChanged.connect(lambda _index: self._update())
        self._update()
        (self.name if self.asks else self.own_button).setFocus()

    def assessor(self) -> str:
        return self.name.text().strip()

    def role(self) -> str:
        return self.role_box.currentData()

    def remembers(self) -> bool:
        """True when the name and role typed here should become the Settings defaults."""
        return self.asks and self.remember.isChecked()

    def _update(self) -> None:
        name = self.assessor()
        if name:
            text = self.tr("&Work on your own copy as %s (%s)") % (
                name.replace("&", "&&"),
                role_short_name(self.role()),
            )
        else:
            text = self.tr("&Work on your own copy (type your name)")
        self.own_button.setText(text)
        self.own_button.setEnabled(bool(name))
