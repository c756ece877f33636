"""The window's consultation commands (issue 13): review a statement as workers'
representatives, export and import the review file, answer it with an action plan, and
export the joint statement. A mixin of ``MainWindow``; every library call runs on the
library thread, and each change a dialog makes is saved there at once.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox


class ReviewOperations:
    """Operations of the main window (see the module docstring)."""

    def _open_id(self) -> str | None:
        if self.controller is None or not self.controller.is_open:
            self.show_message(self.tr("Open the statement first."))
            return None
        self.assessment_page.editor.flush()
        return self.controller.state.assessment_id

    def enable_review_actions(self, open_: bool) -> None:
        """The review is offered only on a received statement (someone else's record,
        ``ui.received``), never on one's own record."""
        received = open_ and bool(getattr(self.controller.state, "received", False))
        self.actions["review_statement"].setEnabled(received)
        self.actions["export_review"].setEnabled(received)

    def _save_path(self, title: str, ending: str) -> str:
        """Ask where to save, in the last folder used, named from the organization and
        system like the statement export ("acme-pick-tracker-review-2026-12-01.pdf")."""
        from ui import window_state
        from ui.export import suggested_name

        folder = window_state.text(window_state.LAST_FOLDER, str(Path.home()))
        name = suggested_name(self.controller.state.metadata)
        stem = name.removesuffix(".pdf")
        slug, day = stem[:-11], stem[-10:]
        path, _ = QFileDialog.getSaveFileName(
            self,
            title,
            str(Path(folder) / f"{slug}-{ending}-{day}.pdf"),
            self.tr("PDF files (*.pdf)"),
        )
        if path:
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
            window_state.set_value(window_state.LAST_FOLDER, str(Path(path).parent))
        return path

    def _received_id(self) -> str | None:
        assessment_id = self._open_id()
        if assessment_id is not None and not self.controller.state.received:
            self.show_message(
                self.tr(
                    "The review is of a statement you received: open the statement the "
                    "employer sent you (File → Open), then review it."
                )
            )
            return None
        return assessment_id

    def _saver(self, method: str):
        from ui import window_state

        def save(record) -> None:
            by = window_state.text(window_state.DEFAULT_ASSESSOR)  # who, in the history
            self.context.run(
                lambda library: getattr(library, method)(record, by=by),
                lambda _moment: self.show_message(self.tr("Saved"), 2000),
                changes=True,
            )

        return save

    def review_statement(self) -> None:
        """Open “Review as workers' representatives” on the open statement."""
        from ui.review_common import load_review_data

        assessment_id = self._received_id()
        if assessment_id is None:
            return
        self.context.run(
            lambda library: load_review_data(library, assessment_id), self._show_review
        )

    def _show_review(self, data) -> None:
        from ui.review_dialog import ReviewDialog

        self.review_dialog = ReviewDialog(data, self._saver("save_review"), self)
        self.review_dialog.exec()

    def respond_to_review(self) -> None:
        """Open the employer's response and action plan for the open assessment."""
        from ui.review_common import load_response_data

        assessment_id = self._open_id()
        if assessment_id is None:
            return
        self.context.run(
            lambda library: load_response_data(library, assessment_id), self._show_response
        )

    def _show_response(self, data) -> None:
        from ui.review_response import ResponseDialog

        self.response_dialog = ResponseDialog(data, self._saver("save_response"), self)
        self.response_dialog.exec()

    def export_review_file(self) -> None:
        """Write the review file of the open statement (a PDF with the review attached)."""
        from workerimpact.consultation.exchange import export_review

        assessment_id = self._received_id()
        if assessment_id is None:
            return
        path = self._save_path(self.tr("Export review file"), "review")
        if not path:
            return

        def write(library):
            review = library.own_review(assessment_id)
            if review is None:
                raise_no_review()
            return export_review(review, library.get(assessment_id), Path(path))

        self.context.run(write, self._wrote)

    def open_exchange_file(self, file: Path, finish) -> bool:
        """File → Open on a review file imports it; on a joint statement it says whether it
        verifies and who signed it. False for any other file (a statement)."""
        from workerimpact.consultation.signed import JOINT_ATTACHMENT, exchange_kind

        kind = exchange_kind(file)
        if kind is None:
            return False
        if kind != JOINT_ATTACHMENT:
            self.import_review_path(file)
            finish()
            return True

        def shown(outcome) -> None:
            from workerimpact.safetext import printable

            lines = [f"• {printable(signer.describe())}" for signer in outcome.signers]
            lines += [f"• {printable(reason)}" for reason in outcome.reasons]
            title = (
                self.tr("Joint statement verified")
                if outcome.ok
                else self.tr("The joint statement does not verify")
            )
            box = QMessageBox.information if outcome.ok else QMessageBox.warning
            box(self, title, file.name + "\n" + "\n".join(lines))
            finish()

        from workerimpact.consultation.signed import verify_exchange

        def failed(error: BaseException) -> None:
            self.show_fault(error)
            finish()

        self.context.run(lambda _library: verify_exchange(file), shown, failed)
        return True

    def _wrote(self, info) -> None:
        from workerimpact.safetext import printable

        self.show_message(
            self.tr("Wrote %s, signed by %s") % (info.path, printable(info.signed_by)), 10_000
        )

    def import_review_file(self) -> None:
        """Attach a review file received from the representatives to its assessment."""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import review file"), "", self.tr("PDF files (*.pdf)")
        )
        if path:
            self.import_review_path(Path(path))

    def import_review_path(self, path: Path) -> None:
        """Check a review file's signature and attach its review (on the library thread)."""
        from workerimpact.consultation.exchange import received_review

        def attach(library):
            from workerimpact.consultation.history import signed_by

            review, outcome = received_review(Path(path))
            result = library.attach_review(review, by=signed_by(outcome.signers))
            return result, outcome, library.metadata(result.assessment_id)

        def attached(done) -> None:
            from workerimpact.safetext import printable

            result, outcome, metadata = done
            text = self.tr("The review is attached to its assessment.")
            named = " — ".join(part for part in (metadata.organization, metadata.system) if part)
            text += "\n" + self.tr("Assessment: %s, revision %d.") % (
                printable(named or result.assessment_id),
                metadata.revision,
            )
            signers = [printable(signer.describe()) for signer in outcome.signers]
            if signers:
                text += "\n\n" + self.tr("The review file is %s.") % "; ".join(signers)
            if result.notes:
                text += "\n\n" + "\n\n".join(result.notes)
            QMessageBox.information(self, self.tr("Review attached"), text)

        self.context.run(attach, attached, changes=True)

    def export_joint_statement(self) -> None:
        """Write the joint statement of the open assessment."""
        from workerimpact.consultation.exchange import export_joint, previous_revision

        assessment_id = self._open_id()
        if assessment_id is None:
            return
        path = self._save_path(self.tr("Export joint statement"), "joint-statement")
        if not path:
            return

        def write(library):
            reviews = library.reviews(assessment_id)
            if not reviews:
                raise_no_review()
            assessment = library.get(assessment_id)
            return export_joint(
                assessment,
                reviews[0],
                library.response(assessment_id),
                Path(path),
                previous=previous_revision(library, assessment),
            )

        self.context.run(write, self._wrote)


def raise_no_review() -> None:
    """Say there is no review yet (shown to the user as a clear message)."""
    from workerimpact.errors import InputError

    raise InputError.single(
        "",
        "there is no review of this assessment yet. Representatives: Assessment → Review as "
        "workers' representatives. Employer: File → Import review file…",
    )
