"""File › Countersign a statement: acknowledge receipt of a statement with your signature.

The countersignature is appended as a new revision (``countersign_report``), so the
issuer's signature stays valid; it says the statement was received and read, not agreed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ui import window_state


def countersigned_name(stem: str, joint: bool) -> str:
    """The name offered for the signed copy: a joint statement signed by both parties says
    so ("…-countersigned.pdf"); a statement countersigned on receipt, "…-received.pdf"."""
    ending = "-countersigned" if joint else "-received"
    for old in ("-countersigned", "-received"):
        stem = stem.removesuffix(old)
    return f"{stem}{ending}.pdf"


def countersign_statement(window: QWidget) -> None:
    """Ask for a statement and where to save the countersigned copy; sign in the background."""
    folder = window_state.text(window_state.LAST_FOLDER, str(Path.home()))
    source, _ = QFileDialog.getOpenFileName(
        window,
        QCoreApplication.translate("Countersign", "Countersign a statement"),
        folder,
        QCoreApplication.translate("Countersign", "PDF statements (*.pdf)"),
    )
    if not source:
        return
    source_path = Path(source)
    from workerimpact.consultation.signed import JOINT_ATTACHMENT, REVIEW_ATTACHMENT, exchange_kind

    kind = exchange_kind(source_path)
    if kind == REVIEW_ATTACHMENT:  # said before asking where to save, not after
        QMessageBox.information(
            window,
            QCoreApplication.translate("Countersign", "Countersign a statement"),
            QCoreApplication.translate(
                "Countersign",
                "%s is a review file of the workers' representatives: only they sign it. "
                "To take their review in, use File → Import review file…",
            )
            % source_path.name,
        )
        return
    target, _ = QFileDialog.getSaveFileName(
        window,
        QCoreApplication.translate("Countersign", "Save the countersigned statement"),
        str(source_path.with_name(countersigned_name(source_path.stem, kind == JOINT_ATTACHMENT))),
        QCoreApplication.translate("Countersign", "PDF statements (*.pdf)"),
    )
    if not target:
        return
    from ui.prewarm import PDF_WRITING, prewarm

    prewarm(PDF_WRITING)  # on this (GUI) thread: see ui.prewarm

    def work():
        from workerimpact.report import countersign_report

        return countersign_report(source_path, Path(target))

    def done(verification) -> None:
        signers = "\n".join(f"• {signer.describe()}" for signer in verification.signers)
        if getattr(verification, "kind", "") == "joint.json":  # issue 13: both parties sign
            text = QCoreApplication.translate(
                "Countersign", "%s now carries the signatures of both parties:\n%s"
            )
            QMessageBox.information(
                window,
                QCoreApplication.translate("Countersign", "Joint statement signed"),
                text % (Path(target).name, signers),
            )
            return
        QMessageBox.information(
            window,
            QCoreApplication.translate("Countersign", "Statement countersigned"),
            QCoreApplication.translate(
                "Countersign",
                "%s now carries your signature, acknowledging that you received and read "
                "it (not that you agree with it):\n%s",
            )
            % (Path(target).name, signers),
        )

    window.show_message(
        QCoreApplication.translate("Countersign", "Countersigning %s…") % source_path.name
    )
    window.tasks.background(work, done, window.show_fault)
