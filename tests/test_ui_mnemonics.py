"""Every dialog and form of the window can be driven by its Alt letters, in English and in
Spanish: no two controls shown together (buttons, labels of fields, group boxes, tabs) share
one letter, so Alt+letter always reaches the control it names."""

from __future__ import annotations

from collections import Counter

import ui_helpers
from consultation_helpers import two_findings
from ui_helpers import create_assessment, run_in_library

make_window = ui_helpers.make_window
language = ui_helpers.language
mnemonic = ui_helpers.mnemonic


def _controls(dialog) -> list[tuple[str, bool]]:
    """(text, whether it needs a letter) of every control shown now that can take an Alt
    letter. Qt's own OK/Cancel/Close answer Enter and Esc; group boxes and tabs only
    gather other controls: a letter of theirs must not clash, but none is required."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QDialogButtonBox,
        QGroupBox,
        QLabel,
        QTabWidget,
    )
    from shiboken6 import getCppPointer

    standard = {
        getCppPointer(button)[0]
        for box in dialog.findChildren(QDialogButtonBox)
        for button in box.buttons()
        if box.standardButton(button) != QDialogButtonBox.StandardButton.NoButton
    }
    found = []
    for button in dialog.findChildren(QAbstractButton):
        if button.isVisible() and button.text():
            found.append((button.text(), getCppPointer(button)[0] not in standard))
    for label in dialog.findChildren(QLabel):
        if label.isVisible() and label.buddy() is not None:
            found.append((label.text(), True))
    for box in dialog.findChildren(QGroupBox):
        if box.isVisible() and box.title():
            found.append((box.title(), False))
    for tabs in dialog.findChildren(QTabWidget):
        if tabs.isVisible():
            found += [(tabs.tabText(index), False) for index in range(tabs.count())]
    return found


def _views(dialog):
    """Each state of ``dialog`` a user sees: every page of each of its tab widgets."""
    from PySide6.QtWidgets import QTabWidget

    yield "", _controls(dialog)
    for tabs in dialog.findChildren(QTabWidget):
        if not tabs.isVisible():
            continue
        first = tabs.currentIndex()
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            yield tabs.tabText(index), _controls(dialog)
        tabs.setCurrentIndex(first)


def clashes(dialog, content: frozenset[str] = frozenset()) -> list[str]:
    """Each pair of controls shown together with one Alt letter, and each button or
    field label without a letter while others of the dialog have one (a text repeated,
    such as each finding's "Comment", is reached with Tab from its group instead; so are
    the ``content`` texts, which come from the questionnaire file)."""
    problems = []
    for view, controls in _views(dialog):
        where = f"{dialog.objectName() or type(dialog).__name__}{' / ' + view if view else ''}"
        letters: dict[str, str] = {}
        counts = Counter(text for text, _needed in controls)
        for text, _needed in controls:
            letter = mnemonic(text)
            if letter is None:
                continue
            if letter in letters and letters[letter] != text:
                problems.append(f"{where}: {text!r} and {letters[letter]!r} share Alt+{letter}")
            letters.setdefault(letter, text)
        if letters:
            problems += [
                f"{where}: {text!r} has no Alt letter"
                for text, needed in controls
                if needed and mnemonic(text) is None and counts[text] == 1 and text not in content
            ]
    return sorted(set(problems))


def _dialogs(window, qtbot, tmp_path):
    """Every dialog and form of the window, built with the least data that shows it all."""
    from ui.compare_dialog import CompareDialog, load_candidates
    from ui.install_dialog import ProblemsDialog
    from ui.new_dialog import DetailsDialog, NewAssessmentDialog
    from ui.own_copy_dialog import OwnCopyDialog
    from ui.review_common import load_response_data, load_review_data
    from ui.review_dialog import ReviewDialog
    from ui.review_history import HistoryDialog
    from ui.review_response import ResponseDialog
    from ui.settings_dialog import SettingsDialog
    from ui.signing_dialog import IdentityForm, SigningDialog
    from workerimpact.assessment import Metadata
    from workerimpact.catalog import load_catalog
    from workerimpact.errors import Problem

    first = create_assessment(qtbot, window, ("job-quality",))
    received = two_findings()
    received.metadata.assessor = "Dana Reyes"
    received.metadata.role = "employer"
    received_id = run_in_library(
        qtbot, window, lambda library: library.import_assessment(received).id
    )
    current, candidates = run_in_library(
        qtbot, window, lambda library: load_candidates(library, first)
    )
    review = run_in_library(qtbot, window, lambda library: load_review_data(library, received_id))
    response = run_in_library(
        qtbot, window, lambda library: load_response_data(library, received_id)
    )
    metadata = Metadata(organization="Acme", system="PickRate Pro", assessor="Dana Reyes")
    yield NewAssessmentDialog(load_catalog(), {}, window), frozenset()
    yield DetailsDialog(metadata, window), frozenset()
    yield SettingsDialog(str(tmp_path), [], window), frozenset()
    yield IdentityForm(window), frozenset()
    yield SigningDialog(window), frozenset()
    yield CompareDialog(current, candidates, window), frozenset()
    yield OwnCopyDialog(metadata, "", "employer", window), frozenset()
    yield OwnCopyDialog(metadata, "Ana Ruiz", "union", window), frozenset()
    sections = frozenset(title for _key, title in review.sections)
    assert sections
    yield ReviewDialog(review, lambda _record: None, window), sections
    yield ResponseDialog(response, lambda _record: None, window), frozenset()
    yield HistoryDialog([], "review", window), frozenset()
    yield (
        ProblemsDialog(
            tmp_path / "mine.json", [Problem("mine.json", "title", "is missing")], window
        ),
        frozenset(),
    )


def test_no_two_controls_shown_together_share_an_alt_letter(
    language, make_window, qtbot, tmp_path
) -> None:
    window = make_window()
    problems, seen = [], []
    for dialog, content in _dialogs(window, qtbot, tmp_path):
        qtbot.addWidget(dialog)
        dialog.show()
        seen.append(dialog.objectName() or type(dialog).__name__)
        problems += clashes(dialog, content)
        dialog.close()
    assert len(seen) == 12, seen
    assert not problems, "\n".join(problems)


def test_the_check_sees_a_clash_and_a_missing_letter(qtbot) -> None:
    from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QPushButton, QVBoxLayout

    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    label = QLabel("&Name:")
    field = QLineEdit()
    label.setBuddy(field)
    for widget in (label, field, QPushButton("&New"), QPushButton("Save && close")):
        layout.addWidget(widget)
    dialog.show()
    assert clashes(dialog) == [
        "QDialog: '&Name:' and '&New' share Alt+n",
        "QDialog: 'Save && close' has no Alt letter",
    ]


def test_the_locked_library_box_gives_each_button_its_own_letter(language, monkeypatch) -> None:
    """“Retry” and “Open read-only” were both Alt+R (Spanish: “Salir” and “Abrir en solo
    lectura” both Alt+S) on the box shown when another WorkerImpact holds the library."""
    from types import SimpleNamespace

    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from ui.main_window import MainWindow
    from workerimpact.storage.errors import LibraryLocked

    shown = []

    def record(box) -> int:
        shown.append([button.text() for button in box.buttons()])
        return 0

    monkeypatch.setattr(QMessageBox, "exec", record)
    window = SimpleNamespace(
        _started=True,
        fault_box=lambda _error: QMessageBox(),
        tr=lambda text: QCoreApplication.translate("MainWindow", text),
        close=lambda: True,
    )
    MainWindow._library_failed(window, LibraryLocked("held by another process"))
    (texts,) = shown
    letters = [mnemonic(text) for text in texts]
    assert len(texts) == 3 and None not in letters, texts
    assert len(set(letters)) == 3, texts


def test_the_window_pages_do_not_take_a_menu_title_letter(language, make_window, qtbot) -> None:
    """Alt+F opened the File menu, never “Open a &file…” of the first page; Alt+V the View
    menu, never a question's “E&vidence:” (Spanish: Archivo/archivo, Editar/Empezar,
    Evaluación/Comentario, Ver/Evidencia)."""
    from ui_helpers import open_assessment

    window = make_window()
    titles = [action.text() for action in window.menuBar().actions()]
    first_run = window.library_page.first_run
    assert first_run.isVisible()
    views = [[text for text, _needed in _controls(first_run)]]
    assessment_id = create_assessment(qtbot, window, ("job-quality",))
    open_assessment(qtbot, window, assessment_id)
    from ui.question_card import QuestionCard

    card = next(
        c for c in window.assessment_page.editor.findChildren(QuestionCard) if c.isVisible()
    )
    card.notes_button.setChecked(True)
    labels = [text for text, _needed in _controls(window.assessment_page.editor)]
    assert any(mnemonic(text) for text in labels), labels
    views.append(labels)
    problems = []
    for view in views:
        seen: dict[str, str] = {}
        for text in titles + view:
            letter = mnemonic(text)
            if letter and seen.setdefault(letter, text) != text:
                problems.append(f"{text!r} and {seen[letter]!r} share Alt+{letter}")
    assert not problems, "\n".join(sorted(set(problems)))
