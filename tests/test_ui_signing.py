"""Settings › Signing: the identity and its fingerprint to read aloud; the trusted list."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox
from report_samples import warehouse_assessment

from workerimpact.report import export_report
from workerimpact.signing.identity import load_identity, readable_fingerprint
from workerimpact.signing.trust import trusted_certificates


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
