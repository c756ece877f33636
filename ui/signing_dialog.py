"""Settings › Signing: who you sign statements as, and the certificates you trust.

Thin over ``workerimpact.signing``: the identity's name and its fingerprint in groups of
four to read aloud; create, import (.p12) or export it; the list of trusted certificates,
with adding a statement's signer once its fingerprint was checked with them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workerimpact.errors import InputError


class IdentityForm(QDialog):
    """Name, organization and role for a new signing identity."""

    def __init__(self, parent: QWidget | None = None, name: str = "", organization: str = ""):
        super().__init__(parent)
        self.setWindowTitle(self.tr("New signing identity"))
        self.setMinimumWidth(460)
        form = QFormLayout(self)
        self.name = QLineEdit(name)
        self.organization = QLineEdit(organization)
        self.role = QLineEdit()
        for label, field in (
            (self.tr("&Name:"), self.name),
            (self.tr("&Organization:"), self.organization),
            (self.tr("&Role:"), self.role),
        ):
            field.setMaxLength(64)
            form.addRow(label, field)
            form.labelForField(field).setBuddy(field)
            field.setAccessibleName(label.replace("&", "").rstrip(":"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


def ask_identity_if_missing(parent: QWidget, metadata) -> bool:
    """Before a first export: ask who signs (prefilled from the assessment); False if cancelled."""
    from ui.levels import role_name
    from workerimpact.signing.identity import load_identity, new_identity, save_identity

    try:
        if load_identity() is not None:
            return True
    except InputError:
        return True  # the export reports the damaged identity with its own message
    form = IdentityForm(parent, metadata.assessor.strip(), metadata.organization.strip())
    form.role.setText(role_name(metadata.role)[:64])
    intro = QLabel(
        QCoreApplication.translate(
            "IdentityForm",
            "Statements you export are signed. Who signs them? A key and a certificate "
            "naming you are made once and kept in your data folder.",
        )
    )
    intro.setWordWrap(True)
    form.layout().insertRow(0, intro)
    while form.exec() == QDialog.DialogCode.Accepted:
        try:
            save_identity(
                new_identity(form.name.text(), form.organization.text(), form.role.text())
            )
            return True
        except InputError as error:
            QMessageBox.warning(
                parent,
                QCoreApplication.translate("IdentityForm", "Signing"),
                "\n".join(p.message for p in error.problems),
            )
    return False


class SigningDialog(QDialog):
    """The signing identity and the trusted certificates."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("signing")
        self.setWindowTitle(self.tr("Signing and trusted certificates"))
        self.resize(620, 480)
        layout = QVBoxLayout(self)

        mine = QGroupBox(self.tr("You sign statements as"), self)
        mine_layout = QVBoxLayout(mine)
        self.holder = QLabel()
        self.holder.setObjectName("signing_holder")
        self.holder.setWordWrap(True)
        self.fingerprint = QLabel()
        self.fingerprint.setObjectName("signing_fingerprint")
        self.fingerprint.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.fingerprint.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.fingerprint.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.fingerprint.setAccessibleName(self.tr("Your fingerprint, to read aloud"))
        mine_layout.addWidget(self.holder)
        mine_layout.addWidget(self.fingerprint)
        row = QHBoxLayout()
        buttons = []
        for text, slot in (
            (self.tr("&New identity…"), self._create),
            (self.tr("&Import .p12…"), self._import),
            (self.tr("&Export .p12…"), self._export),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
            buttons.append(button)
        self.export_button = buttons[-1]
        row.addStretch(1)
        mine_layout.addLayout(row)
        layout.addWidget(mine)

        trusted = QGroupBox(self.tr("Certificates I trust"), self)
        trusted_layout = QVBoxLayout(trusted)
        explain = QLabel(
            self.tr(
                "Trust a signer once you have checked their fingerprint with them, in person "
                "or by phone. Statements they sign then say “(trusted)”."
            )
        )
        explain.setWordWrap(True)
        trusted_layout.addWidget(explain)
        self.trusted = QListWidget()
        self.trusted.setObjectName("trusted_certificates")
        self.trusted.setAccessibleName(self.tr("Certificates I trust"))
        trusted_layout.addWidget(self.trusted, 1)
        row = QHBoxLayout()
        add = QPushButton(self.tr("&Trust the signer of a statement…"))
        add.clicked.connect(self._trust)
        remove = QPushButton(self.tr("&Remove"))
        remove.clicked.connect(self._untrust)
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        trusted_layout.addLayout(row)
        layout.addWidget(trusted, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        """Show the stored identity and the trusted list again."""
        from workerimpact.report.text import clip
        from workerimpact.signing.identity import load_identity, readable_fingerprint
        from workerimpact.signing.trust import trusted_certificates

        try:
            identity = load_identity()
            entries = trusted_certificates()
        except InputError as error:
            self.holder.setText(error.problems[0].message)
            return
        if identity is None:
            self.holder.setText(
                self.tr("No signing identity yet: one is created on your first export.")
            )
            self.fingerprint.setText("")
            self.export_button.setEnabled(False)
        else:
            self.export_button.setEnabled(True)
            holder = identity.holder
            text = clip(holder.describe(), 200)
            if holder.role:
                text += f" — {clip(holder.role, 80)}"
            self.holder.setText(text)
            self.fingerprint.setText(
                self.tr("Fingerprint: %s") % readable_fingerprint(identity.fingerprint)
            )
        self.trusted.clear()
        for entry in entries:
            who = clip(", ".join(part for part in (entry.name, entry.organization) if part), 120)
            item = QListWidgetItem(f"{who}  —  {readable_fingerprint(entry.fingerprint)}")
            item.setData(Qt.ItemDataRole.UserRole, entry.fingerprint)
            self.trusted.addItem(item)

    def _fail(self, error: InputError) -> None:
        QMessageBox.warning(
            self, self.tr("Signing"), "\n".join(problem.message for problem in error.problems)
        )

    def _confirm_replace(self) -> bool:
        from workerimpact.signing.identity import load_identity

        if load_identity() is None:
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Replace your identity?"),
            self.tr(
                "Statements you signed stay valid, but people who trust your current "
                "fingerprint will see your new one as unknown. Export the current one first "
                "to keep it. Replace it?"
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _create(self) -> None:
        from workerimpact.signing.identity import new_identity, save_identity

        if not self._confirm_replace():
            return
        form = IdentityForm(self)
        if form.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            save_identity(
                new_identity(form.name.text(), form.organization.text(), form.role.text())
            )
        except InputError as error:
            self._fail(error)
        self.refresh()

    def _import(self) -> None:
        from workerimpact.signing.identity import import_identity

        if not self._confirm_replace():
            return
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a signing identity"), "", self.tr("PKCS#12 (*.p12 *.pfx)")
        )
        if not path:
            return
        password, ok = QInputDialog.getText(
            self, self.tr("Password"), self.tr("Password of the file:"), QLineEdit.EchoMode.Password
        )
        if not ok:
            return
        try:
            import_identity(Path(path), password)
        except InputError as error:
            self._fail(error)
        self.refresh()

    def _export(self) -> None:
        from workerimpact.signing.identity import export_identity, load_identity

        identity = load_identity()
        if identity is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export your signing identity"), "identity.p12", "PKCS#12 (*.p12)"
        )
        if not path:
            return
        password, ok = QInputDialog.getText(
            self,
            self.tr("Password"),
            self.tr("Password to protect the file:"),
            QLineEdit.EchoMode.Password,
        )
        if not ok:
            return
        try:
            export_identity(identity, Path(path), password)
        except InputError as error:
            self._fail(error)

    def _trust(self) -> None:
        from workerimpact.signing.identity import certificate_fingerprint, normalize_fingerprint
        from workerimpact.signing.trust import certificates_in, trust

        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("A statement signed by the person to trust"),
            "",
            self.tr("Statements and certificates (*.pdf *.pem *.crt *.cer)"),
        )
        if not path:
            return
        spoken, ok = QInputDialog.getText(
            self,
            self.tr("Fingerprint"),
            self.tr("The fingerprint they read to you (at least the first 8 groups):"),
        )
        if not ok:
            return
        wanted = normalize_fingerprint(spoken)
        try:
            candidates = certificates_in(Path(path))
        except InputError as error:
            self._fail(error)
            return
        match = [c for c in candidates if wanted and certificate_fingerprint(c).startswith(wanted)]
        if not match:
            QMessageBox.warning(
                self,
                self.tr("Fingerprints differ"),
                self.tr(
                    "No signer of this file has the fingerprint you typed. Check it again "
                    "with them; do not trust it until it matches."
                ),
            )
            return
        try:
            trust(match[0])
        except InputError as error:
            self._fail(error)
        self.refresh()

    def _untrust(self) -> None:
        from workerimpact.signing.trust import untrust

        item = self.trusted.currentItem()
        if item is None:
            return
        try:
            untrust(item.data(Qt.ItemDataRole.UserRole))
        except InputError as error:
            self._fail(error)
        self.refresh()


def signed_line(info) -> str:
    """After an export: who signed it, with the fingerprint to read aloud."""
    from workerimpact.report.text import clip
    from workerimpact.signing.identity import readable_fingerprint

    line = QCoreApplication.translate("Signing", "Signed by %s (your fingerprint %s).") % (
        clip(info.signed_by, 160),
        readable_fingerprint(info.signer_fingerprint),
    )
    if info.identity_created:
        line += " " + QCoreApplication.translate(
            "Signing", "Your signing identity was created with this export; see Settings."
        )
    return line
