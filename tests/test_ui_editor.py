"""The assessment editor: every question type, skip logic, the live score, undo and redo,
the keyboard, and values the core refuses."""

from __future__ import annotations

import pytest
import ui_helpers
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from ui_helpers import card, create_assessment, open_assessment, run_in_library, wait_saved

# Fixtures shared by the window tests.
make_window = ui_helpers.make_window
window = ui_helpers.window


@pytest.fixture
def editor_window(window, qtbot):
    assessment_id = create_assessment(qtbot, window)
    open_assessment(qtbot, window, assessment_id)
    window.assessment_id = assessment_id
    return window


def saved_answers(qtbot, window):
    assessment = run_in_library(qtbot, window, lambda library: library.get(window.assessment_id))
    return {key: answer.value for key, answer in assessment.answers.get("all-types", {}).items()}


def test_every_question_type_is_saved(editor_window, qtbot):
    window = editor_window
    editor = window.assessment_page.editor
    card(window, "tracked").input.buttons["yes"].click()
    card(window, "notice").input.buttons["after"].click()
    uses = card(window, "uses").input
    uses.boxes["coaching"].click()
    uses.boxes["discipline"].click()
    card(window, "pressure").input.buttons["3"].click()
    wait_saved(qtbot, window)
    editor.step_section(1)
    number = card(window, "workers")
    QTest.keyClicks(number.input.field, "1,250")
    date = card(window, "started")
    QTest.keyClicks(date.input.field, "2024-03-02")
    text = card(window, "notes")
    QTest.keyClicks(text.input.field, "Targets rise every quarter.")
    qtbot.wait(400)  # the 300 ms debounce
    wait_saved(qtbot, window)
    assert saved_answers(qtbot, window) == {
        "tracked": "yes",
        "notice": "after",
        "uses": ["coaching", "discipline"],
        "pressure": "3",
        "workers": 1250,
        "started": "2024-03-02",
        "notes": "Targets rise every quarter.",
    }
    assert "Saved" in window.saved_label.text()


def test_exclusive_option_stands_alone(editor_window, qtbot):
    uses = card(editor_window, "uses").input
    uses.boxes["coaching"].click()
    uses.boxes["none"].click()
    assert uses.value() == ["none"]
    uses.boxes["discipline"].click()
    assert uses.value() == ["discipline"]
    wait_saved(qtbot, editor_window)
    assert saved_answers(qtbot, editor_window)["uses"] == ["discipline"]


def test_skip_logic_hides_and_shows_live(editor_window, qtbot):
    window = editor_window
    notice = card(window, "notice")
    assert notice.isHidden()  # shown only when tracked = yes
    card(window, "tracked").input.buttons["yes"].click()
    qtbot.waitUntil(lambda: not notice.isHidden())
    notice.input.buttons["never"].click()
    wait_saved(qtbot, window)
    card(window, "tracked").input.buttons["no"].click()
    qtbot.waitUntil(lambda: notice.isHidden())
    # The hidden answer is kept, but not counted.
    wait_saved(qtbot, window)
    assert saved_answers(qtbot, window)["notice"] == "never"
    assert window.controller.state.result.findings == ()


def test_live_score_and_progress_follow_each_answer(editor_window, qtbot):
    window = editor_window
    editor = window.assessment_page.editor
    assert "Not yet assessed" in editor.score.badge.text()
    card(window, "tracked").input.buttons["yes"].click()
    qtbot.waitUntil(lambda: "Not yet assessed" not in editor.score.badge.text())
    card(window, "notice").input.buttons["never"].click()
    qtbot.waitUntil(lambda: "tracked without notice" in editor.score.findings.item(0).text())
    assert editor.score.findings.count() == 1
    assert "Severe" in editor.score.badge.text()
    root = editor.navigator.topLevelItem(0)
    assert root.child(0).text(1) == "2/4"
    card(window, "notice").input.buttons["advance"].click()
    qtbot.waitUntil(lambda: "No findings" in editor.score.findings.item(0).text())
    card(window, "tracked").input.buttons["no"].click()
    qtbot.waitUntil(lambda: "Low" in editor.score.badge.text())


def test_required_missing_is_marked_in_the_navigator(editor_window, qtbot):
    editor = editor_window.assessment_page.editor
    navigator = editor.navigator
    section = navigator.topLevelItem(0).child(0)
    assert section.icon(0).cacheKey() == navigator._warning.cacheKey()
    card(editor_window, "tracked").input.buttons["no"].click()
    qtbot.waitUntil(lambda: section.icon(0).cacheKey() == navigator._blank.cacheKey())
    # The name stays where it was: an empty icon of the same size keeps its place.
    assert not section.icon(0).isNull()


def test_undo_and_redo_an_answer(editor_window, qtbot):
    window = editor_window
    tracked = card(window, "tracked").input
    tracked.buttons["yes"].click()
    wait_saved(qtbot, window)
    tracked.buttons["no"].click()
    wait_saved(qtbot, window)
    stack = window.assessment_page.undo_stack
    assert stack.count() == 2
    assert "Does the system track" in window.undo_action.text()
    window.undo_action.trigger()
    wait_saved(qtbot, window)
    assert tracked.value() == "yes"
    assert saved_answers(qtbot, window)["tracked"] == "yes"
    window.undo_action.trigger()
    wait_saved(qtbot, window)
    assert tracked.value() is None
    assert "tracked" not in saved_answers(qtbot, window)
    window.redo_action.trigger()
    window.redo_action.trigger()
    wait_saved(qtbot, window)
    assert tracked.value() == "no"
    assert saved_answers(qtbot, window)["tracked"] == "no"


def test_typing_is_one_undo_step(editor_window, qtbot):
    window = editor_window
    window.assessment_page.editor.step_section(1)
    field = card(window, "notes").input.field
    QTest.keyClicks(field, "First")
    qtbot.wait(350)
    wait_saved(qtbot, window)
    QTest.keyClicks(field, " and more")
    qtbot.wait(350)
    wait_saved(qtbot, window)
    assert window.assessment_page.undo_stack.count() == 1
    window.undo_action.trigger()
    wait_saved(qtbot, window)
    assert field.toPlainText() == ""


def test_a_refused_value_stays_in_the_field_with_the_reason(editor_window, qtbot):
    window = editor_window
    window.assessment_page.editor.step_section(1)
    workers = card(window, "workers")
    QTest.keyClicks(workers.input.field, "-5")
    workers.input.flush()
    qtbot.waitUntil(lambda: workers.message.isVisibleTo(workers))
    # In the user's words: which question is plain from the card, so no ids.
    assert workers.message.text() == "Not saved: the answer must be at least 0."
    assert workers.input.field.text() == "-5"
    workers.input.field.clear()
    QTest.keyClicks(workers.input.field, "abc")
    workers.input.flush()
    assert "number" in workers.message.text()
    workers.input.field.clear()
    QTest.keyClicks(workers.input.field, "12")
    workers.input.flush()
    wait_saved(qtbot, window)
    assert not window.controller.state.failed
    assert not workers.message.isVisibleTo(workers)


def test_comment_and_evidence_are_saved(editor_window, qtbot):
    window = editor_window
    tracked = card(window, "tracked")
    tracked.notes_button.click()
    QTest.keyClicks(tracked.notes.fields["comment"], "Seen on the dashboard")
    QTest.keyClicks(tracked.notes.fields["evidence"], "Screenshot 14 May")
    qtbot.wait(350)
    wait_saved(qtbot, window)
    assessment = run_in_library(qtbot, window, lambda library: library.get(window.assessment_id))
    answer = assessment.answers["all-types"]["tracked"]
    assert (answer.comment, answer.evidence) == ("Seen on the dashboard", "Screenshot 14 May")


def test_guidance_follows_the_focused_question(editor_window, qtbot):
    window = editor_window
    card(window, "tracked").focus_input()
    qtbot.waitUntil(
        lambda: "even for a day" in window.assessment_page.editor.guidance.toPlainText()
    )
    assert "NLRB GC 23-02" in window.assessment_page.editor.guidance.toPlainText()


def test_keyboard_only_pass_through_a_section(editor_window, qtbot):
    window = editor_window
    window.activateWindow()
    editor = window.assessment_page.editor
    editor.focus_first_question()
    first = card(window, "tracked").input.buttons["yes"]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)  # yes
    qtbot.waitUntil(lambda: not card(window, "notice").isHidden())
    notice_options = list(card(window, "notice").input.buttons.values())
    for _ in range(6):  # past the Comment and Clear buttons
        if QApplication.focusWidget() in notice_options:
            break
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is notice_options[0]
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)  # first option
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)  # arrows move the choice
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    wait_saved(qtbot, window)
    assert card(window, "notice").input.value() == "never"
    # Multiple choice: arrows move between boxes, space ticks.
    for _ in range(6):
        if QApplication.focusWidget() is card(window, "uses").input.boxes["coaching"]:
            break
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is card(window, "uses").input.boxes["coaching"]
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    wait_saved(qtbot, window)
    assert card(window, "uses").input.value() == ["discipline"]
    # The shortcut moves to the next section and focuses its first question.
    QTest.keyClick(
        QApplication.focusWidget(), Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier
    )
    qtbot.waitUntil(lambda: editor.current == ("all-types", "details"))
    assert QApplication.focusWidget() is card(window, "workers").input.field
    QTest.keyClicks(QApplication.focusWidget(), "40")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    wait_saved(qtbot, window)
    assert saved_answers(qtbot, window) == {
        "tracked": "yes",
        "notice": "never",
        "uses": ["discipline"],
        "workers": 40,
    }


def test_results_link_back_to_questions(editor_window, qtbot):
    window = editor_window
    card(window, "tracked").input.buttons["yes"].click()
    card(window, "notice").input.buttons["never"].click()
    wait_saved(qtbot, window)
    window.show_results()
    results = window.assessment_page.results
    html = results.browser.toHtml()
    assert "Workers are tracked without notice" in html
    assert "Tell every worker in writing" in html
    assert "question:all-types/notice" in html
    window.assessment_page.editor.step_section(1)
    results.question_activated.emit("all-types", "tracked")
    assert window.assessment_page.tabs.currentWidget() is window.assessment_page.editor
    assert window.assessment_page.editor.current == ("all-types", "basics")
