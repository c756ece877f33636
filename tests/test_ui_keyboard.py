"""Keyboard and typing: Clear is its own undo step and hard to hit by accident, Tab reaches
the notes, dates can be typed and left empty, "next unanswered" moves forward, the focus
is visible after every keyboard move, and the status bar tells the truth about saving."""

from __future__ import annotations

import pytest
import ui_helpers
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from ui_helpers import card, create_assessment, open_assessment, run_in_library, wait_saved

make_window = ui_helpers.make_window
window = ui_helpers.window


@pytest.fixture
def editor_window(window, qtbot):
    assessment_id = create_assessment(qtbot, window)
    open_assessment(qtbot, window, assessment_id)
    window.assessment_id = assessment_id
    window.activateWindow()
    return window


def saved(qtbot, window, question_id):
    assessment = run_in_library(qtbot, window, lambda library: library.get(window.assessment_id))
    answer = assessment.answers.get("all-types", {}).get(question_id)
    return answer.value if answer is not None else None


def press(key, modifier=Qt.KeyboardModifier.NoModifier):
    QTest.keyClick(QApplication.focusWidget(), key, modifier)


def test_clear_is_one_undo_step_and_undo_brings_the_text_back(editor_window, qtbot):
    window = editor_window
    window.assessment_page.editor.step_section(1)
    notes = card(window, "notes")
    QTest.keyClicks(notes.input.field, "Rates are posted daily")
    notes.clear_button.click()  # straight after typing: the typing is saved first
    wait_saved(qtbot, window)
    assert saved(qtbot, window, "notes") is None
    assert window.assessment_page.undo_stack.count() == 2
    window.undo_action.trigger()
    wait_saved(qtbot, window)
    assert notes.input.field.toPlainText() == "Rates are posted daily"
    assert saved(qtbot, window, "notes") == "Rates are posted daily"
    window.redo_action.trigger()
    wait_saved(qtbot, window)
    assert notes.input.field.toPlainText() == ""
    assert saved(qtbot, window, "notes") is None


def test_tab_goes_into_comment_and_evidence_before_clear(editor_window, qtbot):
    window = editor_window
    tracked = card(window, "tracked")
    tracked.notes_button.setFocus(Qt.FocusReason.TabFocusReason)
    press(Qt.Key.Key_Space)  # opens the notes
    assert tracked.notes is not None and tracked.notes.isVisible()
    press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is tracked.notes.fields["comment"]
    QTest.keyClicks(QApplication.focusWidget(), "Seen on the floor")
    press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is tracked.notes.fields["evidence"]
    press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is tracked.clear_button
    wait_saved(qtbot, window)
    assessment = run_in_library(qtbot, window, lambda library: library.get(window.assessment_id))
    assert assessment.answers["all-types"]["tracked"].comment == "Seen on the floor"


def test_a_date_is_typed_left_empty_and_picked_from_a_calendar_at_today(editor_window, qtbot):
    window = editor_window
    window.assessment_page.editor.step_section(1)
    date = card(window, "started")
    field = date.input.field
    assert field.text() == "" and field.placeholderText().startswith("Not set")
    field.setFocus(Qt.FocusReason.TabFocusReason)
    press(Qt.Key.Key_Tab)  # an empty date is left with Tab
    assert QApplication.focusWidget() is not field
    field.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClicks(field, "2024-03-01")
    press(Qt.Key.Key_Tab)
    wait_saved(qtbot, window)
    assert saved(qtbot, window, "started") == "2024-03-01"
    field.setFocus(Qt.FocusReason.TabFocusReason)
    field.selectAll()
    QTest.keyClicks(field, "2024-02-30")
    press(Qt.Key.Key_Tab)
    assert "YYYY-MM-DD" in date.message.text() and date.message.isVisibleTo(date)
    assert saved(qtbot, window, "started") == "2024-03-01"  # nothing wrong is saved
    field.clear()
    field.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(field, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = date.input.calendar
    assert calendar is not None and calendar.isVisible()
    assert calendar.selectedDate() == QDate.currentDate()
    press(Qt.Key.Key_Return)  # in the calendar, which has the focus
    wait_saved(qtbot, window)
    assert saved(qtbot, window, "started") == QDate.currentDate().toString("yyyy-MM-dd")


def test_next_unanswered_moves_forward_from_the_current_question(make_window, qtbot):
    window = make_window()
    ids = ("health-safety", "job-quality")
    assessment_id = create_assessment(qtbot, window, ids)
    open_assessment(qtbot, window, assessment_id)
    window.activateWindow()
    editor = window.assessment_page.editor
    sections = editor.navigator.sections()
    second = next(key for key in sections if key[0] == "job-quality")
    editor.show_section(*second)
    editor.focus_first_question()
    start = editor._focused
    window.actions["next_missing"].trigger()
    assert editor._focused != start
    assert editor._focused[0] == "job-quality", "went back to the first questionnaire"
    focus = QApplication.focusWidget()
    assert window.testAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange)
    framed = editor.sections.card(editor._focused[1])
    assert framed._current and framed.isAncestorOf(focus)


def test_arrows_show_where_the_focus_is(editor_window, qtbot):
    window = editor_window
    uses = card(window, "uses").input
    uses.boxes["coaching"].setFocus(Qt.FocusReason.MouseFocusReason)
    window.setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange, False)
    press(Qt.Key.Key_Down)
    assert QApplication.focusWidget() is uses.boxes["discipline"]
    assert window.testAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange)
    assert card(window, "uses")._current


def test_the_status_bar_says_saving_until_the_typing_is_saved(editor_window, qtbot):
    window = editor_window
    window.assessment_page.editor.step_section(1)
    field = card(window, "notes").input.field
    QTest.keyClicks(field, "Half a thought")
    assert window.saved_label.text() == "Saving…"
    qtbot.waitUntil(lambda: window.saved_label.text().startswith("Saved "), timeout=10_000)
    assert saved(qtbot, window, "notes") == "Half a thought"
