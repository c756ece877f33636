"""“History…” on the review and response forms: a read-only list, newest first, of every
change saved, in words, reached from the keyboard."""

from __future__ import annotations

import ui_helpers
from consultation_helpers import FIRST, two_findings
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QDialog
from ui_helpers import open_assessment, run_in_library

make_window = ui_helpers.make_window
window = ui_helpers.window
FINDING_TITLE = "Calls are recorded without notice to workers"


def _received(qtbot, window) -> str:
    assessment = two_findings()
    assessment.metadata.assessor = "Dana Reyes"
    assessment.metadata.role = "employer"
    return run_in_library(qtbot, window, lambda library: library.import_assessment(assessment).id)


def _shown(monkeypatch, cls) -> list:
    seen = []
    monkeypatch.setattr(cls, "exec", lambda self: seen.append(self) or QDialog.DialogCode.Accepted)
    return seen


def _history(qtbot, monkeypatch, dialog):
    from ui.review_history import HistoryDialog

    histories = _shown(monkeypatch, HistoryDialog)
    dialog.history_button.setFocus()  # reached with Tab like any button; Space presses it
    qtbot.keyClick(dialog.history_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bool(histories), timeout=10_000)
    history = histories[0]
    qtbot.addWidget(history)
    history.show()
    return history, [history.list.item(row).text() for row in range(history.list.count())]


def test_the_review_history_lists_each_saved_change_newest_first(qtbot, window, monkeypatch):
    from ui import window_state
    from ui.review_dialog import ReviewDialog

    window_state.set_value(window_state.DEFAULT_ASSESSOR, "Ana Ruiz")  # Settings' name
    assessment_id = _received(qtbot, window)
    open_assessment(qtbot, window, assessment_id)
    seen = _shown(monkeypatch, ReviewDialog)
    window.actions["review_statement"].trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    dialog = seen[0]
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.history_button.text() == "&History…"
    position, comment, _measure = dialog.position_boxes[FIRST]
    position.setFocus()
    qtbot.keyClick(position, Qt.Key.Key_Down)  # "Agree"
    qtbot.keyClick(position, Qt.Key.Key_Down)  # "Partly agree": one change, not two
    qtbot.keyClicks(comment, "Told late")  # saved at each keystroke: one change
    ui_helpers.wait_saved(qtbot, window)
    qtbot.keyClick(position, Qt.Key.Key_Down)  # "Disagree"
    ui_helpers.wait_saved(qtbot, window)

    history, items = _history(qtbot, monkeypatch, dialog)

    assert len(items) == 3, items
    assert all(item.split("\n")[0].endswith(" · Ana Ruiz") for item in items), items
    assert items[0].endswith(f"Finding: {FINDING_TITLE}\nPosition: partly agree → disagree")
    assert items[1].endswith(f"Finding: {FINDING_TITLE}\nComment: (empty) → Told late")
    assert items[2].endswith("Position: (empty) → partly agree")
    assert history.list.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert history.list.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert history.list.hasFocus() or history.focusWidget() is history.list
    assert "History of the review" == history.windowTitle()


def test_the_response_history_names_measures_by_their_text(qtbot, window, monkeypatch):
    from ui.review_response import ResponseDialog

    assessment_id = _received(qtbot, window)
    open_assessment(qtbot, window, assessment_id)
    seen = _shown(monkeypatch, ResponseDialog)
    window.actions["respond_review"].trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    dialog = seen[0]
    qtbot.addWidget(dialog)
    dialog.show()
    history, items = _history(qtbot, monkeypatch, dialog)
    assert items == [] and history.intro.text() == "No change has been recorded yet."

    widgets = dialog.item_widgets["finding:" + FIRST]
    qtbot.keyClicks(widgets["answer"], "We will give notice.")
    qtbot.keyClicks(widgets["description"], "Written notice")
    qtbot.keyClick(widgets["description"], Qt.Key.Key_Return)
    ui_helpers.wait_saved(qtbot, window)
    _, items = _history(qtbot, monkeypatch, dialog)
    assert any(item.endswith("Measure: Written notice\nDescription: (empty) → Written notice")
               for item in items), items  # fmt: skip
    assert any(f"Finding: {FINDING_TITLE}\nResponse: (empty) → We will give notice." in item
               for item in items), items  # fmt: skip


def test_a_change_reads_in_the_windows_language_with_the_cores_words():
    # The window keeps no second table of these words: it shows the core's, in its language.
    import datetime as dt

    from ui.review_history import entry_text
    from workerimpact.consultation.history import ConsultationEntry
    from workerimpact.i18n import language

    entry = ConsultationEntry(
        at=dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC),
        who="Comité",
        record="review",
        record_id="r1",
        item="finding:q/covert-recording",
        entry="Calls are recorded",
        field="position",
        old="disagree",
        new="partly",
    )
    english = entry_text(entry)
    assert "Finding: Calls are recorded" in english
    assert "Position: disagree → partly agree" in english
    with language("es"):
        spanish = entry_text(entry)
    assert "Hallazgo: Calls are recorded" in spanish
    assert "Posición: en desacuerdo → de acuerdo en parte" in spanish
