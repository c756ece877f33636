"""The window's consultation commands (issue 13): review a statement as workers'
representatives, export and import the review file, answer it with an action plan, and
export the joint statement. A mixin of ``MainWindow``; every library call runs on the
library thread, and each change a dialog makes is saved there at once.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from ui.prewarm import COMPARING, PDF_WRITING
from workerimpact.safetext import printable

EXCHANGE_WRITING = (
    *PDF_WRITING,
    *COMPARING,
    "workerimpact.consultation.pdf",
    "workerimpact.consultation.joint",
    "workerimpact.consultation.changes",
    "workerimpact.consultation.exchange",
    "workerimpact.consultation.signed",
    "workerimpact.signing.identity",
)
"""What writing the review file and the joint statement uses (imported before, on the
GUI thread)."""


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

    def _save_path(self, title: str, ending: str) -> tuple[str, str]:
        """Ask where to save, in the last folder used, named from the organization and
        system like the statement export ("acme-pick-tracker-review-2026-12-01.pdf"), and
        in which language (one filter per language, the window's first, as for the
        statement). Returns the path ("" when cancelled) and the language."""
        from ui import window_state
        from ui.export import language_filters, suggested_name
        from ui.i18n import current_language

        folder = window_state.text(window_state.LAST_FOLDER, str(Path.home()))
        name = suggested_name(self.controller.state.metadata)
        stem = name.removesuffix(".pdf")
        slug, day = stem[:-11], stem[-10:]
        filters = language_filters(self.tr("PDF, %s (*.pdf)"))
        path, chosen = QFileDialog.getSaveFileName(
            self,
            title,
            str(Path(folder) / f"{slug}-{ending}-{day}.pdf"),
            ";;".join(filters),
            next(iter(filters)),
        )
        if path:
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
            window_state.set_value(window_state.LAST_FOLDER, str(Path(path).parent))
            from ui.prewarm import prewarm

            prewarm(EXCHANGE_WRITING)  # on this (GUI) thread: see ui.prewarm
        return path, filters.get(chosen) or current_language()

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
        path, language = self._save_path(self.tr("Export review file"), "review")
        if not path:
            return

        def write(library):
            review = library.own_review(assessment_id)
            if review is None:
                raise_no_review()
            return export_review(review, library.get(assessment_id), Path(path), language=language)

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
            if outcome.ok:
                QMessageBox.information(
                    self, self.tr("Joint statement verified"), self._joint_verified(file, outcome)
                )
            else:
                from ui.verify_words import plain_reasons, signer_lines

                lines = [signer_lines(outcome.signers)] if outcome.signers else []
                lines += [f"• {printable(reason)}" for reason in plain_reasons(outcome.reasons)]
                QMessageBox.warning(
                    self,
                    self.tr("The joint statement does not verify"),
                    file.name + "\n" + "\n".join(lines),
                )
            finish()

        from workerimpact.consultation.signed import verify_exchange

        def failed(error: BaseException) -> None:
            self.show_fault(error)
            finish()

        self.context.run(lambda _library: verify_exchange(file), shown, failed)
        return True

    def _joint_verified(self, file: Path, outcome) -> str:
        """What was verified, in words: which assessment and revision, whose review,
        who signed, and whether both parties have signed yet."""
        from ui.verify_words import signer_lines

        review = outcome.review
        about = " · ".join(
            part for part in (review.system, review.organization) if part.strip()
        ) or self.tr("an unnamed system")
        text = self.tr(
            "%1 is unaltered since it was signed. It is the joint statement on %2, revision "
            "%3: the review of the workers' representatives (%4) and the employer's "
            "response, side by side."
        )
        reviewers = review.reviewers.strip() or self.tr("not named")
        text = (
            text.replace("%1", file.name)
            .replace("%2", printable(about))
            .replace("%3", str(review.revision))
            .replace("%4", printable(reviewers))
        )
        lines = signer_lines(outcome.signers).split("\n")  # each line made safe on its own
        text += "\n\n" + self.tr("Signatures:") + "\n" + "\n".join(map(printable, lines))
        if len(outcome.signers) >= 2:
            text += "\n\n" + self.tr("Both parties have signed it.")
        else:
            text += "\n\n" + self.tr(
                "Only one party has signed it so far. To sign it as the other party: File → "
                "Countersign a statement…"
            )
        return text

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
            text = (
                self.tr("The review replaced the earlier copy of it in its assessment.")
                if result.replaced
                else self.tr("The review is attached to its assessment.")
            )
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
            title = self.tr("Review replaced") if result.replaced else self.tr("Review attached")
            QMessageBox.information(self, title, text)

        self.context.run(attach, attached, changes=True)

    def export_joint_statement(self) -> None:
        """Write the joint statement of the open assessment."""
        from workerimpact.consultation.exchange import joint_records

        assessment_id = self._open_id()
        if assessment_id is None:
            return
        path, language = self._save_path(self.tr("Export joint statement"), "joint-statement")
        if not path:
            return

        def write(library):
            records = joint_records(library, assessment_id, language)
            return records.export(Path(path), language=language)

        self.context.run(write, self._wrote)


def raise_no_review() -> None:
    """Say there is no review yet (shown to the user as a clear message)."""
    from workerimpact.errors import InputError

    raise InputError.single(
        "",
        "there is no review of this assessment yet. Representatives: Assessment → Review as "
        "workers' representatives. Employer: File → Import review file…",
    )
