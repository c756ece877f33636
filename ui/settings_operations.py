"""The window's settings, the library's backups (make one, offer one when the library is
damaged, restore one and reopen) and the About box. A mixin of ``MainWindow`` through
``WindowOperations``; backups run on the library thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QMessageBox

from ui import window_state


class SettingsOperations:
    """Settings, backups and About (see the module docstring)."""

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
