"""The consultation in the window: the representatives' review and the employer's response,
each saved on entry, and the files the parties exchange."""

from __future__ import annotations

import datetime as dt

import ui_helpers
from consultation_helpers import FIRST, two_findings
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog
from ui_helpers import open_assessment, run_in_library

make_window = ui_helpers.make_window
window = ui_helpers.window


def _import(qtbot, window):
    """A statement received from the employer: someone else's record, added from a file."""
    assessment = two_findings()
    assessment.metadata.assessor = "Dana Reyes"
    assessment.metadata.role = "employer"
    return run_in_library(qtbot, window, lambda library: library.import_assessment(assessment).id)


def _dialog_shown(monkeypatch, cls):
    seen = []
    monkeypatch.setattr(cls, "exec", lambda self: seen.append(self) or QDialog.DialogCode.Accepted)
    return seen


def test_the_review_is_saved_as_it_is_entered(qtbot, window, monkeypatch, tmp_path):
    from ui.review_dialog import ReviewDialog

    assessment_id = _import(qtbot, window)
    open_assessment(qtbot, window, assessment_id)
    seen = _dialog_shown(monkeypatch, ReviewDialog)
    window.actions["review_statement"].trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    dialog = seen[0]
    qtbot.addWidget(dialog)
    dialog.show()
    position, comment, _measure = dialog.position_boxes[FIRST]
    position.setFocus()
    qtbot.keyClick(position, Qt.Key.Key_Down)  # "Agree"
    qtbot.keyClick(position, Qt.Key.Key_Down)  # "Partly agree"
    comment.setFocus()
    qtbot.keyClicks(comment, "Told only after & the fact")
    dialog.concern_title.setFocus()
    qtbot.keyClicks(dialog.concern_title, "Headset noise")
    qtbot.keyClick(dialog.concern_title, Qt.Key.Key_Return)
    assert dialog.problem.text() == ""  # added once, not also through a default button
    qtbot.keyClicks(dialog.request_text, "The vendor contract")
    qtbot.keyClick(dialog.request_text, Qt.Key.Key_Return)
    assert dialog.problem.text() == ""
    (status,) = dialog.request_boxes.values()
    status.setFocus()
    qtbot.keyClick(status, Qt.Key.Key_Down)  # "Supplied"
    dialog.given_on.setText("2026-10-01")
    dialog.asked_on.setText("2026-11-01")
    dialog.given_on.editingFinished.emit()
    assert "before it was asked" in dialog.problem.text()  # refused, said plainly
    ui_helpers.wait_saved(qtbot, window)
    stored = run_in_library(qtbot, window, lambda library: library.own_review(assessment_id))
    assert stored.findings[FIRST].position == "partly"
    assert stored.findings[FIRST].comment == "Told only after & the fact"
    assert [concern.title for concern in stored.concerns] == ["Headset noise"]
    assert stored.opinion.given_on is None
    (request,) = stored.information
    assert (request.request, request.status) == ("The vendor contract", "supplied")
    assert request.answered_on == dt.date.today()
    from PySide6.QtWidgets import QScrollArea

    (area,) = dialog.findChildren(QScrollArea)
    assert area.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff

    output = tmp_path / "review.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(output), ""))
    window.actions["export_review"].trigger()
    qtbot.waitUntil(output.exists, timeout=15_000)


def test_the_response_plans_measures_and_flags_them(qtbot, window, monkeypatch, tmp_path):
    from ui.review_response import ResponseDialog

    assessment_id = _import(qtbot, window)
    open_assessment(qtbot, window, assessment_id)
    seen = _dialog_shown(monkeypatch, ResponseDialog)
    window.actions["respond_review"].trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    dialog = seen[0]
    qtbot.addWidget(dialog)
    dialog.show()
    key = "finding:" + FIRST
    widgets = dialog.item_widgets[key]
    qtbot.keyClicks(widgets["answer"], "We will give notice.")
    qtbot.keyClicks(widgets["owner"], "HR")
    widgets["due"].setText("2020-02-01")
    qtbot.keyClicks(widgets["description"], "Written notice")
    qtbot.keyClick(widgets["description"], Qt.Key.Key_Return)
    assert dialog.problem.text() == ""
    late = dialog.overdue_labels[key]  # marked at once, not only when the dialog reopens
    assert late.isVisibleTo(dialog) and late.text() == "Overdue: Written notice"
    dialog.next_review.setText("not a date")
    dialog.next_review.editingFinished.emit()
    assert "YYYY-MM-DD" in dialog.problem.text()
    dialog.next_review.setText("2020-03-01")
    dialog.next_review.editingFinished.emit()
    ui_helpers.wait_saved(qtbot, window)
    stored = run_in_library(qtbot, window, lambda library: library.response(assessment_id))
    assert stored.items[key].response == "We will give notice."
    (measure,) = stored.items[key].measures
    assert (measure.description, measure.owner, measure.due) == (
        "Written notice",
        "HR",
        dt.date(2020, 2, 1),
    )
    flags = run_in_library(qtbot, window, lambda library: library.consultation_flags())
    assert flags[assessment_id].overdue_measures == 1 and flags[assessment_id].review_due


def test_the_review_is_offered_only_on_a_received_statement(qtbot, window):
    """One's own assessment is not reviewed as workers' representatives; a received one is."""

    def create_own(library):
        assessment = two_findings()
        return library.create(assessment.questionnaires, assessment.metadata).id

    own_id = run_in_library(qtbot, window, create_own)
    open_assessment(qtbot, window, own_id)
    assert not window.controller.state.received
    assert not window.actions["review_statement"].isEnabled()
    assert not window.actions["export_review"].isEnabled()
    window.review_statement()  # reached another way, it says why instead of opening
    assert "statement you received" in window.statusBar().currentMessage()

    received_id = _import(qtbot, window)
    open_assessment(qtbot, window, received_id)
    assert window.controller.state.received
    assert window.actions["review_statement"].isEnabled()
    assert window.actions["respond_review"].isEnabled()


def test_entries_are_edited_and_removed_each_saved_at_once(qtbot, window, monkeypatch):
    """Concerns, requests and meetings in the review; measures and meetings in the response:
    each edit and each removal is one save, done from the keyboard."""
    from ui.review_dialog import ReviewDialog
    from ui.review_response import ResponseDialog

    assessment_id = _import(qtbot, window)
    open_assessment(qtbot, window, assessment_id)
    seen = _dialog_shown(monkeypatch, ReviewDialog)
    window.actions["review_statement"].trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    dialog = seen[0]
    qtbot.addWidget(dialog)
    dialog.show()
    for title in ("Headset noise", "Night shifts"):
        qtbot.keyClicks(dialog.concern_title, title)
        qtbot.keyClick(dialog.concern_title, Qt.Key.Key_Return)
    first, second = dialog.concerns.rows
    qtbot.keyClicks(dialog.concerns.rows[first]["title"], " above 85 dB")
    meeting = dialog.meetings.add_fields
    meeting["held_on"].setText("2026-10-02")
    qtbot.keyClicks(meeting["attendees"], "HR, works council")
    qtbot.keyClicks(meeting["discussed"], "The notice")
    meeting["held_on"].setFocus()
    qtbot.keyClick(meeting["held_on"], Qt.Key.Key_Return)
    assert dialog.problem.text() == ""
    remove = dialog.concerns.rows[second]["remove"]
    remove.setFocus()
    qtbot.keyClick(remove, Qt.Key.Key_Space)
    assert dialog.concern_title.hasFocus() or not dialog.isActiveWindow()
    ui_helpers.wait_saved(qtbot, window)
    stored = run_in_library(qtbot, window, lambda library: library.own_review(assessment_id))
    assert [c.title for c in stored.concerns] == ["Headset noise above 85 dB"]
    (held,) = stored.meetings
    assert (held.held_on, held.attendees, held.discussed) == (
        dt.date(2026, 10, 2),
        "HR, works council",
        "The notice",
    )

    seen = _dialog_shown(monkeypatch, ResponseDialog)
    window.actions["respond_review"].trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    response = seen[0]
    qtbot.addWidget(response)
    response.show()
    widgets = response.item_widgets["finding:" + FIRST]
    for text in ("Written notice", "Training"):
        qtbot.keyClicks(widgets["description"], text)
        qtbot.keyClick(widgets["description"], Qt.Key.Key_Return)
    measures = widgets["measures"]
    kept, dropped = measures.rows
    status = measures.rows[kept]["status"]
    status.setFocus()
    qtbot.keyClick(status, Qt.Key.Key_Down)  # in progress
    measures.rows[dropped]["status"].setCurrentIndex(3)  # dropped, no reason yet
    assert "reason" in response.problem.text()
    qtbot.keyClicks(measures.rows[dropped]["dropped_reason"], "Covered by the notice")
    assert response.problem.text() == ""
    measures.remove(dropped)
    ui_helpers.wait_saved(qtbot, window)
    stored = run_in_library(qtbot, window, lambda library: library.response(assessment_id))
    (measure,) = stored.items["finding:" + FIRST].measures
    assert (measure.description, measure.status) == ("Written notice", "in_progress")


def test_opening_a_review_file_checks_its_signature_and_attaches_it(
    qtbot, window, monkeypatch, tmp_path
):
    """File → Open on a review file attaches the review (after checking its signature); an
    altered one is refused with the reason; a joint statement shows its signers."""
    from PySide6.QtWidgets import QMessageBox

    from workerimpact.assessment import fingerprint
    from workerimpact.consultation import Review
    from workerimpact.consultation.exchange import export_joint, export_review
    from workerimpact.signing.identity import new_identity

    assessment = two_findings()
    run_in_library(qtbot, window, lambda library: library.import_assessment(assessment))
    review = Review(assessment_id=assessment.id, fingerprint=fingerprint(assessment))
    path = tmp_path / "review.pdf"
    export_review(review, assessment, path, identity=new_identity("Ana Ruiz", "Local 9"))
    shown, titles = [], []
    monkeypatch.setattr(
        QMessageBox, "information", lambda *a: titles.append(a[1]) or shown.append(a[2])
    )
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    window.open_file(str(path))
    qtbot.waitUntil(lambda: bool(shown), timeout=15_000)
    assert "signed by an unknown certificate (it names Ana Ruiz, Local 9)" in shown[0]
    assert titles == ["Review attached"]
    assert shown[0].startswith("The review is attached to its assessment.")
    received = run_in_library(
        qtbot, window, lambda library: library.reviews(assessment.id, received=True)
    )
    assert [item.id for item in received] == [review.id]
    window.open_file(str(path))  # the same review again: it replaces the copy, and says so
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=15_000)
    assert titles[1] == "Review replaced"
    assert shown[1].startswith("The review replaced the earlier copy of it in its assessment.")
    shown.pop()

    altered = tmp_path / "altered.pdf"
    altered.write_bytes(path.read_bytes() + b"\n% appended\n")
    faults = []
    monkeypatch.setattr(window, "show_fault", faults.append)
    window.open_file(str(altered))
    qtbot.waitUntil(lambda: bool(faults), timeout=15_000)
    assert "altered" in str(faults[0].problems[0].message)

    joint = tmp_path / "joint.pdf"
    export_joint(assessment, review, None, joint, identity=new_identity("Dana Reyes"))
    window.open_file(str(joint))
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=15_000)
    assert "Dana Reyes" in shown[1]


def test_findings_are_labelled_with_the_windows_level_words(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QGroupBox

    from ui.review_dialog import ReviewDialog
    from ui.review_response import ResponseDialog

    assessment_id = _import(qtbot, window)
    open_assessment(qtbot, window, assessment_id)
    for cls, action in ((ReviewDialog, "review_statement"), (ResponseDialog, "respond_review")):
        seen = _dialog_shown(monkeypatch, cls)
        window.actions[action].trigger()
        qtbot.waitUntil(lambda seen=seen: bool(seen), timeout=10_000)
        qtbot.addWidget(seen[0])
        titles = [box.title() for box in seen[0].findChildren(QGroupBox)]
        labelled = [title for title in titles if title.startswith("[")]
        assert "[Severe] " in " ".join(labelled), titles
        assert not any(title.startswith("[severe]") for title in titles), titles


def test_review_and_joint_files_are_saved_in_the_last_folder_under_a_meaningful_name(
    qtbot, window, monkeypatch, tmp_path
):
    from pathlib import Path

    from ui import window_state

    assessment_id = _import(qtbot, window)
    open_assessment(qtbot, window, assessment_id)
    window_state.set_value(window_state.LAST_FOLDER, str(tmp_path))
    offered = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: offered.append(a[2]) or ("", "")
    )
    window.actions["export_review"].trigger()
    window.actions["export_joint"].trigger()
    today = dt.date.today().isoformat()
    assert [Path(path).parent for path in offered] == [tmp_path, tmp_path]
    assert [Path(path).name for path in offered] == [
        f"acme-pick-tracker-review-{today}.pdf",
        f"acme-pick-tracker-joint-statement-{today}.pdf",
    ]


def test_the_library_flags_overdue_measures_and_due_reviews(qtbot, window):
    from PySide6.QtWidgets import QApplication

    from ui.library_model import COLUMNS
    from workerimpact.consultation.models import ItemResponse, Measure, new_response

    assessment_id = _import(qtbot, window)

    def plan(library):
        response = new_response(None, assessment_id)
        response.items["finding:" + FIRST] = ItemResponse(
            measures=[Measure(description="Notice", due=dt.date(2020, 2, 1))]
        )
        response.next_review = dt.date(2020, 3, 1)
        library.save_response(response)

    run_in_library(qtbot, window, plan)
    page = window.library_page
    page.refresh()
    status = COLUMNS.index("status")

    def text():
        rows = [page.model.index(row, status) for row in range(page.model.rowCount())]
        return " ".join(index.data() or "" for index in rows)

    qtbot.waitUntil(lambda: "overdue" in text(), timeout=10_000)
    assert "⚠ 1 measure overdue, review due" in text()
    index = page.model.index(0, status)
    assert "1 measure overdue, review due" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert "overdue" in index.data(Qt.ItemDataRole.AccessibleTextRole)
    page.search.setText("overdue")  # found from the keyboard, with the library's search
    assert page.proxy.rowCount() == 1
    page.search.setText("")
    window.resize(800, 600)
    window.show()
    qtbot.waitExposed(window)
    window.show_library()
    QApplication.processEvents()
    page.columns.apply()
    QApplication.processEvents()
    assert not page.table.horizontalScrollBar().isVisible()


def _response_dialog(qtbot, window, monkeypatch):
    from ui.review_response import ResponseDialog

    assessment_id = _import(qtbot, window)
    open_assessment(qtbot, window, assessment_id)
    seen = _dialog_shown(monkeypatch, ResponseDialog)
    window.actions["respond_review"].trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    dialog = seen[0]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return assessment_id, dialog


def test_return_in_a_new_measure_never_closes_the_form_nor_loses_it(qtbot, window, monkeypatch):
    assessment_id, dialog = _response_dialog(qtbot, window, monkeypatch)
    key = "finding:" + FIRST
    widgets = dialog.item_widgets[key]
    widgets["owner"].setFocus()
    qtbot.keyClicks(widgets["owner"], "HR")
    qtbot.keyClick(widgets["owner"], Qt.Key.Key_Return)  # nothing to add yet: moves on
    assert dialog.isVisible() and dialog.problem.text() == ""
    widgets["description"].setFocus()
    qtbot.keyClicks(widgets["description"], "Written notice")
    widgets["due"].setFocus()
    qtbot.keyClicks(widgets["due"], "2030-02-01")
    qtbot.keyClick(widgets["due"], Qt.Key.Key_Return)  # adds the measure, stays open
    assert dialog.isVisible()
    qtbot.keyClick(dialog.decision_note, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.decision, Qt.Key.Key_Return)
    assert dialog.isVisible()
    ui_helpers.wait_saved(qtbot, window)
    stored = run_in_library(qtbot, window, lambda library: library.response(assessment_id))
    (measure,) = stored.items[key].measures
    assert (measure.description, measure.owner, measure.due) == (
        "Written notice",
        "HR",
        dt.date(2030, 2, 1),
    )


def test_closing_with_a_half_typed_measure_keeps_it_or_asks(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    assessment_id, dialog = _response_dialog(qtbot, window, monkeypatch)
    key = "finding:" + FIRST
    widgets = dialog.item_widgets[key]
    qtbot.keyClicks(widgets["description"], "Quieter headsets")
    qtbot.keyClick(widgets["description"], Qt.Key.Key_Escape)  # closes: the measure is added
    assert not dialog.isVisible()
    ui_helpers.wait_saved(qtbot, window)
    stored = run_in_library(qtbot, window, lambda library: library.response(assessment_id))
    assert [m.description for m in stored.items[key].measures] == ["Quieter headsets"]

    dialog.show()
    asked = []
    answer = QMessageBox.StandardButton.Cancel
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or answer)
    qtbot.keyClicks(widgets["description"], "Breaks")
    widgets["due"].setText("next week")  # cannot be added as typed
    dialog.reject()
    assert len(asked) == 1 and dialog.isVisible()  # kept open: nothing lost
    assert widgets["description"].text() == "Breaks"
    answer = QMessageBox.StandardButton.Discard
    dialog.reject()
    assert not dialog.isVisible()


def test_return_in_the_review_forms_entries_never_closes_it(qtbot, window, monkeypatch):
    from ui.review_dialog import ReviewDialog

    assessment_id = _import(qtbot, window)
    open_assessment(qtbot, window, assessment_id)
    seen = _dialog_shown(monkeypatch, ReviewDialog)
    window.actions["review_statement"].trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    dialog = seen[0]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    asked_on = dialog.requests.add_fields["asked_on"]
    for field in (
        asked_on,
        dialog.reviewers,
        dialog.given_on,
        dialog.meetings.add_fields["held_on"],
    ):
        field.setFocus()
        qtbot.keyClick(field, Qt.Key.Key_Return)
        assert dialog.isVisible()
    qtbot.keyClicks(dialog.request_text, "The vendor contract")
    asked_on.setFocus()
    qtbot.keyClicks(asked_on, "2026-11-02")
    qtbot.keyClick(asked_on, Qt.Key.Key_Return)
    assert dialog.isVisible()
    ui_helpers.wait_saved(qtbot, window)
    stored = run_in_library(qtbot, window, lambda library: library.own_review(assessment_id))
    (request,) = stored.information
    assert (request.request, request.asked_on) == ("The vendor contract", dt.date(2026, 11, 2))
    dialog.activateWindow()
    qtbot.keyClicks(dialog.concern_title, "Headset noise")
    dialog.concerns.add_button.setFocus()
    qtbot.waitUntil(dialog.concerns.add_button.hasFocus)
    qtbot.keyClick(dialog.concerns.add_button, Qt.Key.Key_Return)  # Enter on Add adds
    assert dialog.isVisible()
    assert [concern.title for concern in dialog.review.concerns] == ["Headset noise"]
