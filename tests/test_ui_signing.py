"""Settings › Signing: the identity and its fingerprint to read aloud; the trusted list."""

from __future__ import annotations

from pathlib import Path

import ui_helpers
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox
from report_samples import warehouse_assessment

from workerimpact.report import export_report
from workerimpact.signing.identity import load_identity, readable_fingerprint
from workerimpact.signing.trust import trusted_certificates

make_window = ui_helpers.make_window
window = ui_helpers.window


def test_signing_dialog_shows_identity_and_trusts_a_signer(qtbot, tmp_path: Path, monkeypatch):
    from ui import signing_dialog
    from ui.signing_dialog import SigningDialog
    from workerimpact.signing.identity import new_identity

    dialog = SigningDialog()
    qtbot.addWidget(dialog)
    assert "first export" in dialog.holder.text()

    export_report(warehouse_assessment(), tmp_path / "mine.pdf")
    dialog.refresh()
    identity = load_identity()
    assert "Northfield Distribution LLC" in dialog.holder.text()
    assert readable_fingerprint(identity.fingerprint) in dialog.fingerprint.text()

    # A statement from someone else: trusted only when the typed fingerprint matches.
    other = new_identity("Sam Ortiz", "Local 12")
    theirs = tmp_path / "theirs.pdf"
    export_report(warehouse_assessment(), theirs, identity=other)
    monkeypatch.setattr(
        signing_dialog.QFileDialog, "getOpenFileName", lambda *a, **k: (str(theirs), "")
    )
    warnings: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda *args: warnings.append(args[1]))
    )
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("0" * 32, True)))
    dialog._trust()
    assert warnings == ["Fingerprints differ"] and trusted_certificates() == []
    spoken = readable_fingerprint(other.fingerprint)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: (spoken, True)))
    dialog._trust()
    assert [entry.name for entry in trusted_certificates()] == ["Sam Ortiz"]
    assert dialog.trusted.count() == 1 and spoken in dialog.trusted.item(0).text()
    dialog.trusted.setCurrentRow(0)
    dialog._untrust()
    assert trusted_certificates() == [] and dialog.trusted.count() == 0
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_countersign_from_the_file_menu(window, qtbot, tmp_path: Path, monkeypatch):
    from ui import countersign
    from workerimpact.report import verify_report
    from workerimpact.signing.identity import new_identity, save_identity

    statement = tmp_path / "statement.pdf"
    export_report(warehouse_assessment(), statement, identity=new_identity("Dana Reyes", "NW"))
    save_identity(new_identity("Sam Ortiz", "Local 12"))
    target = tmp_path / "received.pdf"
    monkeypatch.setattr(
        countersign.QFileDialog, "getOpenFileName", lambda *a, **k: (str(statement), "")
    )
    monkeypatch.setattr(
        countersign.QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "")
    )
    texts: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", staticmethod(lambda *args: texts.append(args[2]))
    )
    window.actions["countersign"].trigger()
    qtbot.waitUntil(lambda: bool(texts), timeout=20_000)
    assert "acknowledging that you received and read it" in texts[0]
    assert "Sam Ortiz, Local 12 (trusted)" in texts[0]
    outcome = verify_report(target)
    assert outcome.ok and [s.name for s in outcome.signers] == ["Dana Reyes", "Sam Ortiz"]


def test_first_export_asks_who_signs(qtbot, monkeypatch):
    from ui import signing_dialog
    from ui.signing_dialog import IdentityForm, ask_identity_if_missing

    metadata = warehouse_assessment().metadata
    seen: list[tuple[str, str, str]] = []

    def answer(form: IdentityForm):
        seen.append((form.name.text(), form.organization.text(), form.role.text()))
        form.role.setText("HR lead")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(signing_dialog.IdentityForm, "exec", answer)
    assert ask_identity_if_missing(None, metadata)
    assert seen == [
        (metadata.assessor, metadata.organization, "Employer (management, HR)"),
    ]
    assert load_identity().holder.role == "HR lead"
    # Once there is an identity, nothing is asked.
    assert ask_identity_if_missing(None, metadata) and len(seen) == 1


def test_cancelling_the_identity_cancels_the_export(qtbot, monkeypatch):
    from ui import signing_dialog
    from ui.signing_dialog import ask_identity_if_missing

    monkeypatch.setattr(
        signing_dialog.IdentityForm, "exec", lambda form: QDialog.DialogCode.Rejected
    )
    assert not ask_identity_if_missing(None, warehouse_assessment().metadata)
    assert load_identity() is None
