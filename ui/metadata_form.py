"""The assessment's details: organization, site, AI system, vendor, purpose, assessor, role.

Shared by New assessment and Assessment → Details.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from ui.levels import ROLES, role_name
from ui.question_widgets import PlainText


class MetadataForm(QWidget):
    """Labelled fields, each label the buddy of its field."""

    TEXT_FIELDS = ("organization", "site", "system", "vendor", "assessor")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.fields: dict[str, QLineEdit] = {}
        labels = {
            "organization": (self.tr("&Organization:"), self.tr("Employer or organization")),
            "site": (self.tr("S&ite:"), self.tr("Workplace, department or team")),
            "system": (self.tr("AI s&ystem:"), self.tr("e.g. Warehouse pick-rate tracker")),
            "vendor": (self.tr("&Vendor:"), self.tr("Who supplies the system")),
            "assessor": (self.tr("&Assessor:"), self.tr("Your name")),
        }
        for name in ("organization", "site", "system", "vendor"):
            self._add(form, name, *labels[name])
        self.purpose = PlainText(self, lines=3)
        self.purpose.setObjectName("purpose")
        self.purpose.setPlaceholderText(self.tr("What the system is used for, and on whom"))
        self.purpose.setAccessibleName(self.tr("Purpose"))
        form.addRow(self.tr("&Purpose:"), self.purpose)
        form.labelForField(self.purpose).setBuddy(self.purpose)
        self._add(form, "assessor", *labels["assessor"])
        self.role = QComboBox(self)
        self.role.setObjectName("role")
        self.role.setAccessibleName(self.tr("Assessor's role"))
        for role in ROLES:
            self.role.addItem(role_name(role), role)
        form.addRow(self.tr("&Role:"), self.role)
        form.labelForField(self.role).setBuddy(self.role)

    def _add(self, form: QFormLayout, name: str, label: str, placeholder: str) -> None:
        field = QLineEdit(self)
        field.setObjectName(name)
        field.setPlaceholderText(placeholder)
        field.setAccessibleName(label.replace("&", "").rstrip(":"))
        field.setMaxLength(2000)
        form.addRow(label, field)
        form.labelForField(field).setBuddy(field)
        self.fields[name] = field

    def values(self) -> dict[str, str]:
        data = {name: field.text().strip() for name, field in self.fields.items()}
        data["purpose"] = self.purpose.toPlainText().strip()
        data["role"] = self.role.currentData()
        return data

    def set_values(self, data: dict) -> None:
        for name, field in self.fields.items():
            field.setText(str(data.get(name, "") or ""))
        self.purpose.setPlainText(str(data.get("purpose", "") or ""))
        index = self.role.findData(data.get("role") or "employer")
        self.role.setCurrentIndex(max(index, 0))
