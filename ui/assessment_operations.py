"""What the window does to the open assessment's record: its details, its status (in
review, final, back to draft), a new revision, and moving it to newer questionnaires.
A mixin of ``MainWindow`` through ``WindowOperations``; library calls run off the GUI
thread through the session controller."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QMessageBox

from ui.wording import counted


class AssessmentOperations:
    """Details, status and revisions of the open assessment (see the module docstring)."""

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
