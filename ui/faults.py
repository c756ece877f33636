"""Faults from the core, explained: what happened and what to do, never a traceback.

Storage errors are recognised by class name, so this module needs no storage import and
works before the library exists. ``explain`` is pure; ``show_fault`` puts it in a dialog.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from workerimpact.safetext import printable


def _tr(text: str) -> str:
    return QCoreApplication.translate("Faults", text)


@dataclass(frozen=True, slots=True)
class Explanation:
    """A fault in words: a title, what happened, and what to do."""

    title: str
    what: str
    todo: str
    details: str = ""


def kinds(error: BaseException) -> set[str]:
    """The class names of an error and its bases (``{"LibraryLocked", "LibraryError"…}``)."""
    return {cls.__name__ for cls in type(error).__mro__}


def problems_text(error: BaseException) -> str:
    """The problems of an ``InputError``, one per line, with their place."""
    problems = getattr(error, "problems", None) or []
    return "\n".join(f"• {printable(str(problem))}" for problem in problems) or printable(
        str(error)
    )


def explain(error: BaseException) -> Explanation:
    """Turn an error from the core into words for the user."""
    names = kinds(error)
    text = str(error)
    if "InputError" in names:
        return Explanation(
            _tr("The file or value could not be used"),
            problems_text(error),
            _tr("Correct each problem listed (its place comes first), then try again."),
        )
    if "LibraryLocked" in names:
        return Explanation(
            _tr("The library is in use"),
            _tr("Another WorkerImpact window, or another program, has the library open."),
            _tr("Close the other window and choose Retry, or open the library read-only."),
            text,
        )
    if "StorageFull" in names:
        saving = "change was not saved" in text
        return Explanation(
            _tr("The disk is full") if saving or "disk is full" in text else _tr("Disk problem"),
            _tr("The last change could not be saved because there is no space left.")
            if saving
            else text,
            _tr(
                "Free some space (empty the trash, remove old backups or other files), then "
                "choose Retry. What you typed is still in the window."
            ),
            text,
        )
    if "AssessmentDamaged" in names:
        return Explanation(
            _tr("This assessment is damaged"),
            text,
            _tr(
                "Choose a backup below to restore the library as it was then (the current "
                "library is kept in backups/replaced/), or cancel to keep working with the "
                "other assessments."
            ),
        )
    if "LibraryCorrupt" in names:
        return Explanation(
            _tr("The library file is damaged"),
            _tr("WorkerImpact cannot read its library safely."),
            _tr(
                "Restore one of the backups listed below. Nothing is overwritten until you "
                "choose one."
            ),
            text,
        )
    if "LibraryTooNew" in names:
        return Explanation(
            _tr("The library is from a newer WorkerImpact"),
            _tr("It was written by a newer version of WorkerImpact, which this one cannot read."),
            _tr("Update WorkerImpact to open it. Nothing has been changed."),
            text,
        )
    if "LibraryReadOnly" in names:
        return Explanation(
            _tr("The library is read-only"),
            _tr("Changes cannot be saved: %s") % text,
            _tr(
                "You can still read and export assessments. To edit, make the data folder "
                "writable (Settings shows where it is) and restart WorkerImpact."
            ),
        )
    if "AssessmentFinal" in names:
        return Explanation(
            _tr("This assessment is final"),
            _tr("A final assessment cannot be changed."),
            _tr("Choose Assessment → Start a new revision to continue from a copy."),
        )
    if "AssessmentNotFound" in names:
        return Explanation(
            _tr("The assessment is not in the library"),
            _tr("It may have been deleted."),
            _tr("Look in the trash (Assessment → Show trash) to restore it."),
            text,
        )
    if isinstance(error, OSError):
        where = f" ({error.filename})" if error.filename else ""
        return Explanation(
            _tr("A file could not be read or written"),
            f"{error.strerror or text}{where}",
            _tr("Check the file exists, that you may read it, and that the disk has space."),
        )
    details = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    return Explanation(
        _tr("Something went wrong"),
        text or type(error).__name__,
        _tr(
            "Your answers saved so far are safe. If it happens again, please report it "
            "with the details below."
        ),
        details,
    )


def message_box(parent: QWidget | None, error: BaseException) -> QMessageBox:
    """A message box explaining ``error`` (not yet shown)."""
    explanation = explain(error)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(explanation.title)
    box.setText(f"<b>{explanation.title}</b>")
    box.setInformativeText(f"{explanation.what}\n\n{explanation.todo}")
    if explanation.details:
        box.setDetailedText(explanation.details)
    box.setAccessibleName(explanation.title)
    return box


def show_fault(parent: QWidget | None, error: BaseException, *, retry: bool = False) -> bool:
    """Explain ``error`` in a modal dialog; with ``retry``, return True if the user asks to
    try again."""
    box = message_box(parent, error)
    if retry:
        box.setStandardButtons(QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Retry)
    else:
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box.exec() == QMessageBox.StandardButton.Retry
