"""The library's Level and Progress columns show their words whole on a laptop screen.

After the findings-floor merge a level reads "Moderate (provisional)" and progress names
the required questions missing; the column shares were set for "Moderate" alone, so a
1366-pixel window cut the one word that says the level may still change.
"""

from __future__ import annotations

import datetime as dt

import pytest
import ui_helpers
from PySide6.QtWidgets import QApplication

from ui.library_model import COLUMNS
from workerimpact.storage.records import AssessmentSummary

pytest.importorskip("PySide6.QtWidgets")

make_window = ui_helpers.make_window


def _row(level: str) -> AssessmentSummary:
    moment = dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.UTC)
    return AssessmentSummary(
        id="a1", organization="Acme Logistics", site="Leeds warehouse",
        system="Pick-rate tracker", vendor="TrackCo Ltd", assessor="Hana Lead",
        role="employer", questionnaires=("Worker surveillance and data",), status="draft",
        level=level, score=40.0, answered=96, shown=113, required_unanswered=15,
        created=moment, updated=moment, revision=1, previous_revision=None, deleted=False,
        level_questions=110, level_answered=95,
    )  # fmt: skip


@pytest.mark.parametrize("column", ["level", "progress"])
def test_level_and_progress_are_not_cut_at_1366(make_window, qtbot, column):
    window = make_window()
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    ui_helpers.wait_saved(qtbot, window)
    page = window.library_page
    page.model.set_rows([_row("moderate")])
    page.stack.setCurrentWidget(page.stack.widget(page.stack.count() - 1))
    QApplication.processEvents()
    page.columns.apply()
    index = COLUMNS.index(column)
    text = page.model.index(0, index).data()
    assert "provisional" in text or "required" in text
    needed = page.table.sizeHintForColumn(index)
    assert page.table.columnWidth(index) >= needed, (text, page.table.columnWidth(index), needed)


def test_the_tooltip_gives_level_and_progress_whole(make_window, qtbot):
    window = make_window()
    ui_helpers.wait_saved(qtbot, window)
    model = window.library_page.model
    model.set_rows([_row("high")])
    from PySide6.QtCore import Qt

    tip = model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "High (provisional)" in tip and "15 required missing" in tip


def test_the_first_assessor_named_becomes_the_users_default(
    make_window, qtbot, monkeypatch, tmp_path
):
    """Hana creates an assessment as herself; her own file opened later is hers, editable,
    not "someone else's" record offered as a union copy (no Settings defaults were set)."""
    from PySide6.QtWidgets import QDialog

    from ui import window_state
    from ui.new_dialog import NewAssessmentDialog
    from ui.own_copy_dialog import OwnCopyDialog
    from workerimpact.assessment import new_assessment, save_assessment
    from workerimpact.catalog import resolve_questionnaires

    window = make_window()
    ui_helpers.wait_saved(qtbot, window)
    assert not window_state.text(window_state.DEFAULT_ASSESSOR)

    def fill(dialog):
        dialog.form.fields["system"].setText("Pick-rate tracker")
        dialog.form.fields["assessor"].setText("Hana Lead")

    ui_helpers.accept_dialog(monkeypatch, NewAssessmentDialog, fill)
    with qtbot.waitSignal(window.controller.opened, timeout=15_000):
        window.new_assessment()
    assert window_state.text(window_state.DEFAULT_ASSESSOR) == "Hana Lead"
    assert window_state.text(window_state.DEFAULT_ROLE) == "employer"
    offered = []
    monkeypatch.setattr(
        OwnCopyDialog, "exec", lambda self: offered.append(self) or QDialog.DialogCode.Rejected
    )
    mine = new_assessment(
        resolve_questionnaires(["health-safety"]),
        system="Shift planner",
        assessor="Hana Lead",
        role="employer",
    )
    target = tmp_path / "mine.json"
    save_assessment(mine, target)
    with qtbot.waitSignal(window.controller.opened, timeout=15_000):
        window.open_file(str(target))
    assert not offered
    assert not window.controller.state.received and not window.controller.state.read_only
