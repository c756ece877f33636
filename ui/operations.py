"""What the window does with files and the assessment's lifecycle: new, import, install,
export, details, status, revisions, backups. A mixin of ``MainWindow``, kept apart so the
window class stays a shell; each operation calls the core off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from ui import window_state
from ui.export_operations import ExportOperations
from ui.wording import counted
from workerimpact.files import is_pdf


class WindowOperations(ExportOperations):
    """Operations of the main window (see the module docstring)."""

    # --- new, open, import ------------------------------------------------------------------

    def new_assessment(self) -> None:
        if self.context is None:
            return

        def load_catalog():
            from workerimpact.catalog import load_catalog

            return load_catalog()

        self.show_message(self.tr("Loading questionnaires…"))
        self.tasks.background(
            load_catalog,
            self._choose_questionnaires,
            lambda error: (self.statusBar().clearMessage(), self.show_fault(error)),
        )

    def _choose_questionnaires(self, catalog) -> None:
        from ui.new_dialog import NewAssessmentDialog

        self.statusBar().clearMessage()  # "Loading questionnaires…" is over

        if not catalog.entries:
            QMessageBox.information(
                self,
                self.tr("No questionnaires"),
                self.tr(
                    "No questionnaire is installed. Use File → Install questionnaire… to add one."
                ),
            )
            return
        defaults = {
            "organization": window_state.text(window_state.DEFAULT_ORGANIZATION),
            "assessor": window_state.text(window_state.DEFAULT_ASSESSOR),
            "role": window_state.text(window_state.DEFAULT_ROLE, "employer"),
        }
        dialog = NewAssessmentDialog(catalog, defaults, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        questionnaires = [entry.questionnaire for entry in dialog.chosen()]
        fields = dialog.metadata()
        if not window_state.text(window_state.DEFAULT_ASSESSOR) and fields.get("assessor"):
            # The first name typed here is the user's: without it, their own file or report
            # opened later would be taken for someone else's and shown read-only.
            window_state.set_value(window_state.DEFAULT_ASSESSOR, fields["assessor"])
            window_state.set_value(window_state.DEFAULT_ROLE, fields["role"])
            if self.controller is not None:
                self.controller.assessor, self.controller.role = fields["assessor"], fields["role"]

        def create(library):
            from workerimpact.assessment import Metadata

            return library.create(questionnaires, Metadata(**fields)).id

        self.context.run(create, self.open_assessment, changes=True)

    def import_file(self) -> None:
        if self.context is None:
            return
        folder = window_state.text(window_state.LAST_FOLDER, str(Path.home()))
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open an assessment file or a report"),
            folder,
            self.tr("Assessments and reports (*.json *.pdf);;All files (*)"),
        )
        if path:
            window_state.set_value(window_state.LAST_FOLDER, str(Path(path).parent))
            self.open_file(path)

    def open_file(self, path: str, then=None) -> None:
        """Add an assessment file or report PDF to the library and open it; a PDF is first
        checked for changes since it was exported. Made by someone else, the user is offered
        an own copy to work on (``CompareOperations.offer_own_copy``)."""
        file = Path(path)
        checked = {"check": None}  # what verify said, kept for the received record's banner

        def finish() -> None:
            if then is not None:
                then()

        def imported(found) -> None:
            assessment_id, already = found
            if already:
                # The user's own export, unchanged since: open the one in the library
                # rather than adding an identical second row.
                def opened() -> None:
                    self.show_message(
                        self.tr("%s is already in your library, unchanged: opened it.") % file.name,
                        10_000,
                    )
                    finish()

                self.open_assessment(assessment_id, then=opened)
                return
            self.offer_own_copy(assessment_id, then=then)

        def do_import() -> None:
            from ui.received import import_unless_present

            self.show_message(self.tr("Importing %s…") % file.name)
            self.context.run(
                lambda library: import_unless_present(library, file, checked["check"]),
                imported,
                lambda error: (self.show_fault(error), finish()),
                changes=True,
            )

        if not file.is_file():
            self.show_fault(FileNotFoundError(2, self.tr("No such file"), str(file)))
            finish()
            return
        if not is_pdf(file):
            do_import()
            return
        if self.open_exchange_file(file, finish):  # a review file or joint statement
            return

        def verify():
            from workerimpact.report import verify_report

            return verify_report(file)

        def verified(verification) -> None:
            from ui.verify_words import plain_reasons, signer_lines, verified_message
            from workerimpact.storage.received import ReceivedCheck

            signed = signer_lines(verification.signers)
            checked["check"] = ReceivedCheck.of(verification)
            if verification.ok:
                QMessageBox.information(
                    self, self.tr("Report verified"), verified_message(file.name, verification)
                )
                do_import()
                return

            reasons = "\n".join(f"• {reason}" for reason in plain_reasons(verification.reasons))
            if signed:
                reasons = signed + "\n\n" + reasons
            answer = QMessageBox.warning(
                self,
                {
                    "re-saved": self.tr("The report was re-saved"),
                    "not signed": self.tr("The report is not signed"),
                }.get(verification.verdict, self.tr("The report was altered")),
                self.tr("%s does not verify:\n%s\n\nImport the assessment it carries anyway?")
                % (file.name, reasons),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer == QMessageBox.StandardButton.Yes:
                do_import()
            else:
                finish()

        from ui.prewarm import PDF_WRITING, prewarm

        # Verifying redraws every page (reportlab) and checks the signatures (pyHanko):
        # on this (GUI) thread: see ui.prewarm.
        prewarm(PDF_WRITING)
        self.show_message(self.tr("Checking %s…") % file.name)
        self.tasks.background(verify, verified, lambda error: (self.show_fault(error), finish()))

    # --- custom questionnaires --------------------------------------------------------------

    def install_questionnaire(self) -> None:
        folder = window_state.text(window_state.LAST_FOLDER, str(Path.home()))
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Install a questionnaire"),
            folder,
            self.tr("Questionnaires (*.json);;All files (*)"),
        )
        if path:
            window_state.set_value(window_state.LAST_FOLDER, str(Path(path).parent))
            self.install_questionnaire_file(path)

    def install_questionnaire_file(self, path: str) -> None:
        """Check and install a questionnaire file; list its problems if it has any."""

        def install():
            from workerimpact.catalog import install_questionnaire

            return install_questionnaire(Path(path))

        def installed(entry) -> None:
            QMessageBox.information(
                self,
                self.tr("Questionnaire installed"),
                self.tr("“%s” (version %s) is installed. It is offered in New assessment.")
                % (entry.title, entry.version),
            )

        def failed(error) -> None:
            from ui.faults import kinds
            from ui.install_dialog import ProblemsDialog

            if "InputError" in kinds(error):
                self.problems_dialog = ProblemsDialog(path, error.problems, self)
                self.problems_dialog.exec()
            else:
                self.show_fault(error)

        self.tasks.background(install, installed, failed)

    # --- details and status ----------------------------------------------------------------------

    def edit_details(self) -> None:
        from ui.new_dialog import DetailsDialog

        if self.controller is None or not self.controller.is_open:
            return
        before = self.controller.state.metadata
        dialog = DetailsDialog(before, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            fields = dialog.values()
            restage = (fields["stage"], fields["stage_started"]) != (
                before.stage,
                before.stage_started,
            )
            assessment_id = self.controller.state.assessment_id

            def done(_metadata) -> None:
                self._update_title()
                if restage:
                    # The stage decides which questions are asked and how: show it afresh.
                    self.open_assessment(assessment_id)

            self.controller.update_metadata(fields, done)

    def mark_in_review(self) -> None:
        if self.controller is not None and self.controller.is_open:
            self.controller.set_status("in_review")

    def mark_draft(self) -> None:
        if self.controller is not None and self.controller.is_open:
            self.controller.set_status("draft")

    def mark_final(self) -> None:
        if self.controller is None or not self.controller.is_open:
            return
        self.assessment_page.editor.flush()
        missing = len(self.controller.state.result.unanswered)
        text = self.tr("A final assessment can no longer be changed; a new revision can.")
        if missing:
            text += "\n\n" + counted(
                missing,
                self.tr("%d required question is still unanswered."),
                self.tr("%d required questions are still unanswered."),
            )
        answer = QMessageBox.question(self, self.tr("Mark as final?"), text)
        if answer == QMessageBox.StandardButton.Yes:
            self.controller.set_status("final")

    def new_revision(self) -> None:
        if self.controller is not None and self.controller.is_open:
            if self.controller.state.received:
                # Someone else's record: a revision of it must carry the user as assessor,
                # or what they change and export would be put in the sender's name.
                self.offer_own_copy(self.controller.state.assessment_id)
                return
            self.controller.new_revision(self.open_assessment)

    def upgrade_questionnaires(self) -> None:
        """Offer to move the open assessment to the newer built-in questionnaires."""
        from workerimpact.upgrade import summary_lines, upgrade_assessment, upgrades_for

        if self.controller is None or not self.controller.is_open:
            return
        moves = upgrades_for(self.controller.state.questionnaires)
        if not moves:
            return
        self.assessment_page.editor.flush()
        versions = ", ".join(f"{old} → {new}" for _qid, old, new in moves[:1])
        answer = QMessageBox.question(
            self,
            self.tr("Move to newer questionnaires?"),
            self.tr(
                "A new revision is made on the newer questionnaires (%s), with every answer "
                "the published mapping can carry over. This assessment stays as it is."
            )
            % versions,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        assessment_id = self.controller.state.assessment_id

        def move(library):
            upgrade = upgrade_assessment(library.get(assessment_id))
            stored = library.import_assessment(upgrade.assessment)
            return stored.id, summary_lines(upgrade, upgrade.assessment.questionnaires)

        def moved(outcome) -> None:
            new_id, lines = outcome
            box = QMessageBox(self)
            box.setIcon(QMessageBox.Icon.Information)
            box.setWindowTitle(self.tr("Moved to newer questionnaires"))
            box.setText("\n".join(line for line in lines if not line.startswith("  ")))
            details = [line.strip() for line in lines if line.startswith("  ")]
            if details:
                box.setDetailedText("\n".join(details))
            self.upgrade_summary = box
            box.open()
            self.open_assessment(new_id)

        self.context.run(move, moved, changes=True)

    # --- settings and backups ------------------------------------------------------------------

    def countersign_statement(self) -> None:
        from ui.countersign import countersign_statement

        countersign_statement(self)

    def show_settings(self) -> None:
        if self.context is None:
            return
        self.context.run(lambda library: library.backups(), self._open_settings)

    def _open_settings(self, backups) -> None:
        from ui.settings_dialog import SettingsDialog

        folder = str(getattr(self.context.library, "folder", ""))
        dialog = SettingsDialog(folder, backups, self)
        dialog.backup_requested.connect(
            lambda: self.backup_now(
                lambda _info: self.context.run(lambda lib: lib.backups(), dialog.set_backups)
            )
        )
        dialog.restore_requested.connect(lambda path: (dialog.reject(), self.restore(path)))
        self.settings_dialog = dialog
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.controller.assessor = window_state.text(window_state.DEFAULT_ASSESSOR)
            self.controller.role = window_state.text(window_state.DEFAULT_ROLE)

    def backup_now(self, then=None) -> None:
        if self.context is None:
            return

        def done(info) -> None:
            self.show_message(self.tr("Backup saved: %s") % info.path.name)
            if callable(then):
                then(info)

        self.show_message(self.tr("Backing up…"))
        self.context.run(lambda library: library.backup(), done)

    def offer_backups(self, error) -> None:
        """The library is damaged: offer to restore one of its backups."""
        from PySide6.QtWidgets import QInputDialog

        from ui.faults import explain, kinds
        from ui.settings_dialog import backup_label

        explanation = explain(error)
        labels = [backup_label(backup) for backup in error.backups]
        choice, ok = QInputDialog.getItem(
            self, explanation.title, f"{explanation.what}\n{explanation.todo}", labels, 0, False
        )
        if ok and choice:
            self.restore(error.backups[labels.index(choice)].path)
        elif "AssessmentDamaged" not in kinds(error):  # one damaged assessment: keep working
            self.close()

    def restore(self, path) -> None:
        """Put a backup in place of the library, then reopen it."""
        answer = QMessageBox.question(
            self,
            self.tr("Restore this backup?"),
            self.tr(
                "The library will be replaced by the backup %s. The current library is "
                "kept in backups/replaced/ first."
            )
            % Path(path).name,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        library = self.context.library if self.context is not None else None
        if self.controller is not None:
            self.controller.close()

        def swap():
            from workerimpact.storage import Library

            if library is not None:
                library.close()
                folder = library.folder
            else:
                folder = None
            Library.restore_backup(Path(path), folder)
            return Library.open(folder)

        def reopened(new_library) -> None:
            self.context.library = new_library
            self.show_message(self.tr("Backup restored."))
            self.context.library_changed.emit()
            self.show_library()

        if self.context is not None:
            self.tasks.library(swap, reopened, self.show_fault)
        else:
            self.tasks.library(swap, self._library_opened, self.show_fault)

    def show_about(self) -> None:
        from workerimpact import __version__

        QMessageBox.about(
            self,
            self.tr("About WorkerImpact"),
            self.tr(
                "<b>WorkerImpact %s</b><p>Assess how an AI system at work affects "
                "workers — surveillance, job quality, health and safety — and export "
                "an impact statement (Executive Order 14110, Sec. 2(c)).</p>"
                "<p>Scoring is transparent: every level and finding names the answers "
                "behind it.</p>"
            )
            % __version__,
        )
