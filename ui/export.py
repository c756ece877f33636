"""Export the open assessment as a PDF report, in the background, with progress.

The assessment and its result are taken from the session on the library thread (so the
PDF holds exactly what is saved); the report is written on the background pool, which
never touches the library. ``reportlab`` is imported there, only when exporting.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

from PySide6.QtCore import QObject, Signal


def suggested_name(metadata) -> str:
    """A file name from the organization, the system and today's date."""
    words = " ".join(part for part in (metadata.organization, metadata.system) if part)
    kept = "".join(
        char if char.isalnum() or unicodedata.category(char).startswith("M") else "-"
        for char in _unaccented(words)
    )
    slug = re.sub(r"-+", "-", kept).strip("-").lower()[:60] or "assessment"
    return f"{slug}-{dt.date.today().isoformat()}.pdf"


def _unaccented(text: str) -> str:
    """Latin letters without their accents ("Almacén" → "Almacen", not "Almac-n"); the
    letters of other scripts kept whole (their marks are part of the letter)."""
    kept: list[str] = []
    base = ""
    for char in unicodedata.normalize("NFKD", text):
        if unicodedata.combining(char) and base.isascii():
            continue
        if not unicodedata.combining(char):
            base = char
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))


def language_filters(pattern: str) -> dict[str, str]:
    """Save-dialog filters, one per statement language (``pattern`` holds ``%s``), the
    window's language first: filter text -> "en" or "es"."""
    from ui.i18n import current_language

    names = {"en": "English", "es": "español"}
    order = sorted(names, key=lambda language: language != current_language())
    return {pattern % names[language]: language for language in order}


def write_report(assessment, result, path: Path, report, language: str = "en"):
    """Run on the background pool: write the PDF and return its ``ReportInfo``."""
    from workerimpact.report import export_report

    return export_report(
        assessment,
        path,
        result=result,
        progress=lambda done, total: report(done, total, ""),
        language=language,
    )


def write_copy(assessment, result, path: Path, kind: str, language: str = "en"):
    """Run on the background pool: write the HTML, Word or CSV copy; return its ``CopyInfo``."""
    from workerimpact.report.copies import export_copy

    return export_copy(assessment, path, kind, result=result, language=language)


class ReportExport(QObject):
    """One export: ``progress(done, total, message)``, then ``finished(info)`` or ``failed``.

    ``kind`` is "pdf" (the statement) or "html", "docx" or "csv" (its copies).
    """

    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        controller,
        path: Path,
        parent: QObject | None = None,
        kind: str = "pdf",
        language: str | None = None,
    ):
        super().__init__(parent)
        from ui.i18n import current_language

        self.language = language or current_language()
        self.controller = controller
        self.path = Path(path)
        self.kind = kind

    def start(self) -> None:
        from ui.prewarm import COPY_WRITING, PDF_WRITING, prewarm

        prewarm(PDF_WRITING if self.kind == "pdf" else COPY_WRITING)  # GUI thread: ui.prewarm
        tasks = self.controller.context.tasks

        def write(snapshot) -> None:
            assessment, result = snapshot
            if self.kind != "pdf":
                tasks.background(
                    lambda: write_copy(assessment, result, self.path, self.kind, self.language),
                    self.finished.emit,
                    self.failed.emit,
                )
                return
            tasks.background(
                lambda report: write_report(assessment, result, self.path, report, self.language),
                self.finished.emit,
                self.failed.emit,
                progress=self.progress.emit,
            )

        self.progress.emit(0, 0, self.tr("Preparing the report…"))
        self.controller.snapshot(write)
