"""The three journeys, by keyboard alone, with the focus visible at every step:
new assessment → answer → export; open someone's report → own copy → compare; install a
questionnaire. Dialogs are real (file dialogs included) and driven by keys too."""

from __future__ import annotations

from pathlib import Path

import pytest
import ui_helpers
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
)
from ui_helpers import create_assessment, run_in_library, wait_saved

make_window = ui_helpers.make_window
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def focus_visible() -> None:
    """The focus is somewhere visible, and drawn: the window knows it moved by keyboard
    (so the style draws it), or it is a text field (caret and frame); on a question card,
    the card is framed."""
    from ui.question_card import QuestionCard

    widget = QApplication.focusWidget()
    assert widget is not None and widget.isVisible(), widget
    typing = isinstance(widget, (QLineEdit, QPlainTextEdit, QAbstractSpinBox, QComboBox))
    drawn = widget.window().testAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange)
    assert typing or drawn, (
        widget,
        widget.text() if hasattr(widget, "text") else "",
        type(widget.window()).__name__,
        widget.window().parentWidget(),
    )
    card = widget
    while card is not None and not isinstance(card, QuestionCard):
        card = card.parentWidget()
    if card is not None:
        assert card._current, f"the card of {widget} is not framed"


def press(key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(QApplication.focusWidget() or QApplication.activeWindow(), key, modifier)


def type_text(text: str) -> None:
    QTest.keyClicks(QApplication.focusWidget(), text)


ERRORS: list[BaseException] = []
"""Failures inside a dialog's step: kept for the test to report (the dialog is closed so
nothing waits on it)."""


def on_modal(action, after=None, kind=None) -> None:
    """Run ``action(dialog)`` once a modal dialog other than ``after`` is up; a failure is
    recorded in ``ERRORS`` and the dialog closed, so a test fails instead of hanging."""

    waited = [0]

    def poll() -> None:
        modal = QApplication.activeModalWidget()
        focus = QApplication.focusWidget()
        settled = (
            modal is not None
            and focus is not None
            and (focus is modal or modal.isAncestorOf(focus))
        )
        waited[0] += 1
        if (
            modal is None
            or modal is after
            or not modal.isVisible()
            or (kind is not None and not isinstance(modal, kind))
            or (
                not settled and waited[0] < 100  # give the dialog its focus first
            )
        ):
            QTimer.singleShot(20, poll)
            return
        try:
            action(modal)
        except BaseException as error:  # noqa: BLE001 - reported by the test
            ERRORS.append(error)
            modal.reject() if hasattr(modal, "reject") else modal.close()

    QTimer.singleShot(20, poll)


@pytest.fixture(autouse=True)
def no_dialog_errors():
    ERRORS.clear()
    yield
    assert not ERRORS, ERRORS


def choose_file(path: Path):
    """Type a path into a Qt file dialog and press Enter."""

    def action(dialog) -> None:
        assert isinstance(dialog, QFileDialog)
        QTest.keyClick(dialog, Qt.Key.Key_N, ALT)  # "File &name:"
        field = dialog.findChild(QLineEdit, "fileNameEdit")
        assert QApplication.focusWidget() is field
        field.selectAll()
        type_text(str(path))
        press(Qt.Key.Key_Return)

    return action


@pytest.fixture(autouse=True)
def qt_file_dialogs(monkeypatch):
    """Qt's own file dialog (as on the offscreen platform anywhere), keyboard-driven."""
    original = QFileDialog.getOpenFileName
    saver = QFileDialog.getSaveFileName
    option = QFileDialog.Option.DontUseNativeDialog

    def opening(parent, caption="", folder="", filters="", *args, **kwargs):
        return original(parent, caption, folder, filters, options=option)

    def saving(parent, caption="", folder="", filters="", *args, **kwargs):
        return saver(parent, caption, folder, filters, options=option)

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(opening))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(saving))


def test_new_assessment_answer_and_export_by_keyboard(make_window, qtbot, tmp_path):
    from workerimpact.report import verify_report

    window = make_window()
    window.activateWindow()
    start = window.library_page.first_run.start_button
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start)

    def fill(dialog) -> None:
        focus_visible()  # on Organization
        type_text("Northwind Logistics")
        press(Qt.Key.Key_Tab)
        focus_visible()
        type_text("Reno")
        press(Qt.Key.Key_Tab)
        type_text("PickRate Pro")
        press(Qt.Key.Key_Return)  # Start

    on_modal(fill)
    with qtbot.waitSignal(window.controller.opened, timeout=20_000):
        press(Qt.Key.Key_Return)  # Start an assessment
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.assessment_page)
    window.activateWindow()  # as the window manager does when the dialog closes
    editor = window.assessment_page.editor
    qtbot.waitUntil(lambda: editor._focused is not None)
    focus_visible()
    first = editor._focused
    type_text("Tracks each picker's items per hour against a target.")
    press(Qt.Key.Key_J, CTRL)  # the next required question, forward
    focus_visible()
    assert editor._focused != first
    type_text("140")
    press(Qt.Key.Key_J, CTRL)
    focus_visible()
    press(Qt.Key.Key_Space)  # tick the first kind of data
    press(Qt.Key.Key_Down)
    focus_visible()
    press(Qt.Key.Key_Space)
    wait_saved(qtbot, window)
    state = window.controller.state
    answered = state.answers.get(first[0], {})
    assert len(answered) >= 3, answered

    target = tmp_path / "northwind.pdf"
    closed = []

    def close_ready(box) -> None:
        assert isinstance(box, QMessageBox)
        focus_visible()
        press(Qt.Key.Key_Escape)
        closed.append(True)

    def identity(form) -> None:  # the first export asks who signs
        focus_visible()  # on Name
        press(Qt.Key.Key_A, CTRL)
        type_text("Dana Reyes")
        press(Qt.Key.Key_Return)  # OK
        on_modal(close_ready, after=form, kind=QMessageBox)

    def save(dialog) -> None:
        from ui.signing_dialog import IdentityForm

        on_modal(identity, after=dialog, kind=IdentityForm)
        choose_file(target)(dialog)

    on_modal(save, kind=QFileDialog)
    press(Qt.Key.Key_E, CTRL)
    qtbot.waitUntil(lambda: bool(closed), timeout=60_000)
    verification = verify_report(target)
    assert verification.ok, verification.reasons
    assert "Tracks each picker" in str(verification.assessment.answers)
    assert verification.signers[0].name.startswith("Dana Reyes")


def test_open_a_report_work_on_an_own_copy_and_compare_by_keyboard(make_window, qtbot, tmp_path):
    from ui import window_state
    from ui.compare_dialog import CompareDialog
    from ui.own_copy_dialog import OwnCopyDialog
    from workerimpact.report import export_report

    window_state.set_value(window_state.DEFAULT_ASSESSOR, "Sam Rivera")
    window_state.set_value(window_state.DEFAULT_ROLE, "union")
    ui_helpers.install_all_types(tmp_path)
    window = make_window()
    hr = create_assessment(
        qtbot, window, organization="Northwind", assessor="Dana Reyes", role="employer"
    )
    report = tmp_path / "from-hr.pdf"
    export_report(run_in_library(qtbot, window, lambda library: library.get(hr)), report)
    run_in_library(qtbot, window, lambda library: library.delete(hr))  # only the file
    window.activateWindow()
    seen = []

    def verified(box) -> None:
        assert isinstance(box, QMessageBox) and "unaltered" in box.text()
        focus_visible()
        seen.append("verified")
        on_modal(offer, after=box, kind=OwnCopyDialog)
        press(Qt.Key.Key_Return)

    def offer(dialog) -> None:
        assert dialog.objectName() == "own_copy"
        focus_visible()
        assert QApplication.focusWidget() is dialog.own_button
        seen.append("offer")
        press(Qt.Key.Key_Return)  # work on my own copy

    def opening(dialog) -> None:
        on_modal(verified, after=dialog, kind=QMessageBox)
        choose_file(report)(dialog)

    on_modal(opening, kind=QFileDialog)
    with qtbot.waitSignal(window.controller.opened, timeout=30_000):
        press(Qt.Key.Key_O, CTRL)
    assert seen == ["verified", "offer"]
    state = window.controller.state
    assert (state.metadata.assessor, state.metadata.role) == ("Sam Rivera", "union")
    assert not state.read_only
    window.activateWindow()  # as the window manager does when the dialog closes
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    focus_visible()

    def pick(dialog) -> None:
        assert dialog.objectName() != "own_copy"
        focus_visible()  # on the list, the original first
        press(Qt.Key.Key_Return)

    compare = window.assessment_page.compare
    on_modal(pick, kind=CompareDialog)
    with qtbot.waitSignal(compare.compared, timeout=30_000) as blocker:
        QTest.keyClick(window, Qt.Key.Key_A, ALT)  # Assessment menu
        menu = QApplication.activePopupWidget()
        assert menu is not None
        QTest.keyClick(menu, Qt.Key.Key_P)  # Com&pare with…
    assert blocker.args[0].second.assessor == "Dana Reyes"
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    focus_visible()


def test_install_a_questionnaire_by_keyboard(make_window, qtbot, tmp_path):
    window = make_window()
    window.activateWindow()
    path = ui_helpers.write_questionnaire(tmp_path, name="pace.json")
    told = []

    def installed(box) -> None:
        focus_visible()
        told.append(box.text())
        press(Qt.Key.Key_Return)

    def opening(dialog) -> None:
        on_modal(installed, after=dialog, kind=QMessageBox)
        choose_file(path)(dialog)

    on_modal(opening, kind=QFileDialog)
    QTest.keyClick(window, Qt.Key.Key_F, ALT)  # File menu
    menu = QApplication.activePopupWidget()
    assert menu is not None
    QTest.keyClick(menu, Qt.Key.Key_I)  # &Install questionnaire…
    qtbot.waitUntil(lambda: bool(told), timeout=20_000)
    assert "Every question type" in told[0] and "installed" in told[0]
