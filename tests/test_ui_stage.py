"""The window and the assessed system's stage; provisional levels in the score panel and the
library list."""

from __future__ import annotations

import copy
import json

import pytest
import ui_helpers
from helpers import REPOSITORY
from PySide6.QtCore import Qt
from ui_helpers import accept_dialog, card, open_assessment, run_in_library

pytest.importorskip("PySide6.QtWidgets")

make_window = ui_helpers.make_window
window = ui_helpers.window

FLOOR_EXAMPLE = REPOSITORY / "docs" / "examples" / "job-changes-floor.json"


def _install_floor_example(tmp_path) -> None:
    from workerimpact.catalog import install_questionnaire

    data = copy.deepcopy(json.loads(FLOOR_EXAMPLE.read_text(encoding="utf-8")))
    data.pop("$schema")
    path = tmp_path / "floor.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    install_questionnaire(path)


def test_new_assessment_records_the_stage_and_asks_about_the_plan(
    make_window, tmp_path, qtbot, monkeypatch
):
    from ui.new_dialog import NewAssessmentDialog

    _install_floor_example(tmp_path)
    window = make_window()
    problems = []

    def fill(dialog):
        for row in range(dialog.list.count()):
            item = dialog.list.item(row)
            wanted = item.data(Qt.ItemDataRole.UserRole) == "layoffs-example"
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
        dialog.form.fields["system"].setText("Shift planner")
        dialog.started.setText("2025-02-30")
        problems.append(dialog.hint.text())
        assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        dialog.stage.setCurrentIndex(dialog.stage.findData("planned"))
        assert not dialog.started.isEnabled()
        dialog.started.setText("")

    seen = accept_dialog(monkeypatch, NewAssessmentDialog, fill)
    with qtbot.waitSignal(window.controller.opened, timeout=10_000):
        window.library_page.first_run.start_button.click()
    assert seen
    assert "YYYY-MM-DD" in problems[0]
    metadata = window.controller.state.metadata
    assert (metadata.stage, metadata.stage_started) == ("planned", None)
    # Asked about the plan; the question about bargaining since launch is not asked.
    assert card(window, "job_loss").title.text() == "Is the system expected to lead to job losses?"
    hidden = window.controller.state.result.questionnaire("layoffs-example").hidden
    assert "bargaining" in hidden
    # The stage that decides the questions stays in view beside the status.
    assert "Planned (not yet in use)" in window.assessment_page.status.text()
    window.resize(800, 600)
    qtbot.waitUntil(lambda: window.width() == 800)


def test_provisional_levels_in_the_score_panel_and_the_library(make_window, tmp_path, qtbot):
    _install_floor_example(tmp_path)
    window = make_window()
    assessment_id = ui_helpers.create_assessment(
        qtbot, window, ("layoffs-example",), stage="in_operation"
    )
    open_assessment(qtbot, window, assessment_id)
    card(window, "job_loss").input.buttons["mass_layoffs"].click()
    panel = window.assessment_page.editor.score
    qtbot.waitUntil(lambda: "provisional" in panel.badge.text(), timeout=10_000)
    assert "Levels are provisional: 1 of 2" in panel.progress.text()
    ui_helpers.wait_saved(qtbot, window)
    summaries = run_in_library(qtbot, window, lambda library: library.summaries())
    assert summaries[0].provisional and summaries[0].level == "severe"
    assert summaries[0].to_json_data()["provisional"] is True
    window.close_assessment()
    model = window.library_page.model
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    headers = [model.headerData(column, Qt.Orientation.Horizontal) for column in range(8)]
    level = model.index(0, headers.index("Level")).data()
    assert level.endswith("(provisional)")


def test_not_applicable_asks_for_a_reason(make_window, tmp_path, qtbot):
    _install_floor_example(tmp_path)
    window = make_window()
    assessment_id = ui_helpers.create_assessment(
        qtbot, window, ("layoffs-example",), stage="in_operation"
    )
    open_assessment(qtbot, window, assessment_id)
    card(window, "job_loss").input.buttons["none"].click()
    bargaining = card(window, "bargaining")
    bargaining.input.buttons["not_applicable"].click()
    qtbot.waitUntil(lambda: bargaining.message.isVisibleTo(bargaining), timeout=10_000)
    assert "say why in the comment" in bargaining.message.text()
    assert bargaining.notes is not None and bargaining.notes.isVisibleTo(bargaining)
    assert window.controller.state.result.progress.needs_reason == ("bargaining",)
    window.controller.set_fields(
        "layoffs-example", "bargaining", {"comment": "No union or elected body here."}, "user"
    )
    qtbot.waitUntil(lambda: not bargaining.message.isVisibleTo(bargaining), timeout=10_000)
    assert not window.controller.state.result.provisional


def test_changing_the_stage_in_details_asks_the_questions_again(
    make_window, tmp_path, qtbot, monkeypatch
):
    from ui.new_dialog import DetailsDialog

    _install_floor_example(tmp_path)
    window = make_window()
    assessment_id = ui_helpers.create_assessment(
        qtbot, window, ("layoffs-example",), stage="in_operation"
    )
    open_assessment(qtbot, window, assessment_id)
    card(window, "job_loss").input.buttons["some"].click()
    ui_helpers.wait_saved(qtbot, window)
    assert card(window, "job_loss").title.text() == "Has the system led to job losses?"

    def fill(dialog):
        assert dialog.stage_fields.stage.currentData() == "in_operation"
        dialog.stage_fields.started.setText("next week")
        assert not dialog.buttons.button(dialog.buttons.StandardButton.Save).isEnabled()
        dialog.stage_fields.started.setText("")
        dialog.stage_fields.stage.setCurrentIndex(dialog.stage_fields.stage.findData("planned"))

    seen = accept_dialog(monkeypatch, DetailsDialog, fill)
    window.actions["edit_details"].trigger()
    assert seen
    qtbot.waitUntil(
        lambda: (
            window.controller.state.metadata.stage == "planned"
            and card(window, "job_loss") is not None
            and card(window, "job_loss").title.text().startswith("Is the system expected")
        ),
        timeout=10_000,
    )
    assert window.controller.state.answer("layoffs-example", "job_loss").value == "some"
    assert "bargaining" in window.controller.state.result.questionnaire("layoffs-example").hidden


@pytest.mark.parametrize("which", ["new", "details"])
def test_stage_fields_line_up_with_the_details_above(window, qtbot, which):
    """The stage and start date start at the same x as Organization, Site… (two forms laid
    out one above the other had two label columns of different widths)."""
    from PySide6.QtCore import QPoint

    from ui.new_dialog import DetailsDialog, NewAssessmentDialog
    from workerimpact.assessment import Metadata
    from workerimpact.catalog import load_catalog

    if which == "new":
        dialog = NewAssessmentDialog(load_catalog(), {}, window)
    else:
        dialog = DetailsDialog(Metadata(system="PickRate Pro"), window)
    dialog.show()
    qtbot.waitExposed(dialog)
    left = dialog.form.fields["organization"].mapTo(dialog, QPoint(0, 0)).x()
    for field in (dialog.stage_fields.stage, dialog.stage_fields.started):
        assert field.mapTo(dialog, QPoint(0, 0)).x() == left
    dialog.close()
