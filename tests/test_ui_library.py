"""The library screen: first run, creating an assessment, search and filters, trash."""

from __future__ import annotations

import pytest
import ui_helpers
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from ui_helpers import accept_dialog, create_assessment, run_in_library

pytest.importorskip("PySide6.QtWidgets")

# Fixtures shared by the window tests.
make_window = ui_helpers.make_window
window = ui_helpers.window


def test_first_run_explains_the_tool_and_offers_to_start(make_window):
    window = make_window()
    assert "WorkerImpact" in window.windowTitle()
    page = window.library_page
    assert page.stack.currentWidget() is page.first_run
    text = page.first_run.findChild(QLabel, "first_run_text")
    lines = [line for line in text.text().split("<br>") if line.strip()]
    assert len(lines) == 3
    assert "surveillance" in text.text()
    # All three lines are visible, not clipped to the first (a wrapped label's classic trap).
    window.resize(1280, 800)
    QApplication.processEvents()
    assert text.height() >= text.heightForWidth(text.width())
    assert text.width() >= 400
    assert page.first_run.start_button.isVisible()
    assert not window.windowIcon().isNull()


def test_new_assessment_from_the_first_run_screen(window, qtbot, monkeypatch):
    from ui.new_dialog import NewAssessmentDialog

    def fill(dialog):
        ids = [
            dialog.list.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(dialog.list.count())
        ]
        assert "all-types" in ids
        for row in range(dialog.list.count()):
            item = dialog.list.item(row)
            wanted = item.data(Qt.ItemDataRole.UserRole) == "all-types"
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
        dialog.form.fields["organization"].setText("Northwind Logistics")
        dialog.form.fields["site"].setText("Reno fulfilment centre")
        dialog.form.fields["system"].setText("PickRate Pro")
        dialog.form.fields["vendor"].setText("Tallyworks Inc.")
        dialog.form.purpose.setPlainText("Tracks each picker's rate against a target.")
        dialog.form.role.setCurrentIndex(dialog.form.role.findData("union"))

    seen = accept_dialog(monkeypatch, NewAssessmentDialog, fill)
    with qtbot.waitSignal(window.controller.opened, timeout=10_000):
        window.library_page.first_run.start_button.click()
    assert seen
    metadata = window.controller.state.metadata
    assert (metadata.organization, metadata.system, metadata.role) == (
        "Northwind Logistics",
        "PickRate Pro",
        "union",
    )
    assert [q.id for q in window.controller.state.questionnaires] == ["all-types"]
    assert window.pages.currentWidget() is window.assessment_page
    assert "PickRate Pro" in window.windowTitle()
    window.close_assessment()
    qtbot.waitUntil(lambda: window.library_page.model.rowCount() == 1)
    assert window.library_page.stack.currentWidget() is window.library_page.main
    # The list says whose assessment each row is.
    model = window.library_page.model
    headers = [model.headerData(column, Qt.Orientation.Horizontal) for column in range(8)]
    assert "Assessed by" in headers
    assessor = model.index(0, headers.index("Assessed by")).data()
    assert assessor == "Union"  # no name was given, so the role stands alone


def test_new_dialog_ticks_builtins_and_needs_a_system(window):
    from ui.new_dialog import NewAssessmentDialog
    from workerimpact.catalog import load_catalog

    dialog = NewAssessmentDialog(load_catalog(), {"organization": "Acme"}, window)
    checked = {
        dialog.list.item(row).data(Qt.ItemDataRole.UserRole)
        for row in range(dialog.list.count())
        if dialog.list.item(row).checkState() == Qt.CheckState.Checked
    }
    assert {"worker-surveillance", "job-quality", "health-safety"} <= checked
    assert "all-types" not in checked
    ok = dialog.buttons.buttons()[0]
    assert not ok.isEnabled()
    dialog.form.fields["system"].setText("PickRate Pro")
    assert ok.isEnabled()
    assert dialog.form.fields["organization"].text() == "Acme"


def test_search_filter_and_sort(window, qtbot):
    create_assessment(qtbot, window, organization="Northwind", system="PickRate Pro")
    create_assessment(qtbot, window, organization="Contoso", system="ShiftPlanner")
    window.library_page.refresh()
    page = window.library_page
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    page.search.setText("shift")
    assert page.proxy.rowCount() == 1
    assert "ShiftPlanner" in page.proxy.index(0, 1).data()
    page.search.clear()
    page.status_filter.setCurrentIndex(page.status_filter.findData("final"))
    assert page.proxy.rowCount() == 0
    assert "hidden" in page.empty_hint.text()
    page.status_filter.setCurrentIndex(0)
    page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert page.proxy.index(0, 0).data().startswith("Contoso")


def test_delete_moves_to_trash_and_undo_restores(window, qtbot):
    create_assessment(qtbot, window, system="PickRate Pro")
    page = window.library_page
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.table.selectRow(0)
    page.delete_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=5_000)
    assert page.notice.isVisible()
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5_000)
    rows = run_in_library(qtbot, window, lambda library: library.summaries(deleted=True))
    assert rows == []
