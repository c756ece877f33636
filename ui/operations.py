"""What the window does with files: new assessment, open and import (a report PDF checked
first), install a questionnaire, countersign. A mixin of ``MainWindow``, kept apart so the
window class stays a shell; each operation calls the core off the GUI thread. Through it
come the other operations: export (``ui.export_operations``), details, status and
revisions (``ui.assessment_operations``), settings and backups (``ui.settings_operations``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from ui import window_state
from ui.assessment_operations import AssessmentOperations
from ui.export_operations import ExportOperations
from ui.settings_operations import SettingsOperations
from workerimpact.files import is_pdf


class WindowOperations(AssessmentOperations, SettingsOperations, ExportOperations):
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

    # --- countersigning ----------------------------------------------------------------------

    def countersign_statement(self) -> None:
        from ui.countersign import countersign_statement

        countersign_statement(self)
