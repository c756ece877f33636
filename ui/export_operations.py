"""Export operations of the main window: the signed PDF statement, its copies (web page,
Word, spreadsheets) and the assessment file. A mixin of ``MainWindow`` beside
``WindowOperations``; every file is written in the background (``ui.export``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ui import window_state


class ExportOperations:
    """Exporting the open assessment (see the module docstring)."""

    def export_pdf(self) -> None:
        if self.controller is None or not self.controller.is_open:
            return
        from ui.export import suggested_name

        self.assessment_page.editor.flush()
        folder = window_state.text(window_state.LAST_FOLDER, str(Path.home()))
        name = suggested_name(self.controller.state.metadata)
        from ui.export import language_filters

        filters = language_filters(self.tr("PDF, %s (*.pdf)"))
        path, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Export PDF report"),
            str(Path(folder) / name),
            ";;".join(filters),
            next(iter(filters)),
        )
        self.export_language = filters.get(chosen)
        if path:
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
            window_state.set_value(window_state.LAST_FOLDER, str(Path(path).parent))
            from ui.signing_dialog import ask_identity_if_missing

            if ask_identity_if_missing(self, self.controller.state.metadata):
                self.export_pdf_to(Path(path))

    def export_pdf_to(self, path: Path, *, ask: bool = True):
        """Write the report in the background; returns the ``ReportExport`` (for tests)."""
        from ui.export import ReportExport

        export = ReportExport(
            self.controller, path, self, language=getattr(self, "export_language", None)
        )
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.progress.setFormat(self.tr("Exporting %p%"))

        def progress(done: int, total: int, message: str) -> None:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            if message:
                self.show_message(message)

        def finished(info) -> None:
            self.progress.setVisible(False)
            self.show_message(self.tr("Exported %s (%d pages)") % (path.name, info.pages))
            if ask:
                self._offer_open(path, info)

        def failed(error) -> None:
            self.progress.setVisible(False)
            self.show_fault(error)

        export.progress.connect(progress)
        export.finished.connect(finished)
        export.failed.connect(failed)
        export.start()
        return export

    def _offer_open(self, path: Path, info) -> None:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Report exported"))
        box.setText(self.tr("<b>The report is ready.</b>"))
        from ui.signing_dialog import signed_line

        box.setInformativeText(
            self.tr("%s\n%d pages.") % (path, info.pages) + "\n" + signed_line(info)
        )
        open_button = box.addButton(self.tr("&Open"), QMessageBox.ButtonRole.AcceptRole)
        folder_button = box.addButton(self.tr("Show in &folder"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if box.clickedButton() is open_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        elif box.clickedButton() is folder_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))

    def export_copy(self) -> None:
        """Ask for a file and a format (web page, Word, spreadsheets), then write it."""
        if self.controller is None or not self.controller.is_open:
            return
        from ui.export import suggested_name

        self.assessment_page.editor.flush()
        folder = window_state.text(window_state.LAST_FOLDER, str(Path.home()))
        stem = suggested_name(self.controller.state.metadata).removesuffix(".pdf")
        from ui.export import language_filters

        filters = {}
        for pattern, format_kind in (
            (self.tr("Web page, accessible, %s (*.html)"), "html"),
            (self.tr("Word document, editable copy, %s (*.docx)"), "docx"),
            (self.tr("Spreadsheets of answers and findings, %s (*.csv)"), "csv"),
        ):
            for label, language in language_filters(pattern).items():
                filters[label] = (format_kind, language)
        path, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Export as web page, Word or spreadsheet"),
            str(Path(folder) / f"{stem}.html"),
            ";;".join(filters),
            next(iter(filters)),
        )
        kind, self.export_language = filters.get(chosen, (None, None))
        if path:
            kind = kind or Path(path).suffix.lower().lstrip(".")
            kind = kind if kind in ("html", "docx", "csv") else "html"
            if not path.lower().endswith(f".{kind}"):
                path += f".{kind}"
            window_state.set_value(window_state.LAST_FOLDER, str(Path(path).parent))
            self.export_copy_to(Path(path), kind)

    def export_copy_to(self, path: Path, kind: str):
        """Write a copy in the background; returns the ``ReportExport`` (for tests)."""
        from ui.export import ReportExport

        export = ReportExport(
            self.controller, path, self, kind, getattr(self, "export_language", None)
        )
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)

        def finished(info) -> None:
            self.progress.setVisible(False)
            names = ", ".join(item.name for item in info.paths)
            self.show_message(self.tr("Exported %s") % names)

        def failed(error) -> None:
            self.progress.setVisible(False)
            self.show_fault(error)

        export.finished.connect(finished)
        export.failed.connect(failed)
        export.start()
        return export

    def export_file(self) -> None:
        if self.controller is None or not self.controller.is_open:
            return
        from ui.export import suggested_name

        self.assessment_page.editor.flush()
        folder = window_state.text(window_state.LAST_FOLDER, str(Path.home()))
        name = suggested_name(self.controller.state.metadata).removesuffix(".pdf") + ".json"
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export assessment file"),
            str(Path(folder) / name),
            self.tr("Assessment files (*.json)"),
        )
        if path:
            assessment_id = self.controller.state.assessment_id
            self.context.run(
                lambda library: library.export_file(assessment_id, Path(path)),
                lambda _none: self.show_message(self.tr("Saved %s") % path),
            )
