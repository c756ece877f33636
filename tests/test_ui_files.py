"""Files and lifecycle in the window: installing custom questionnaires, marking final,
exporting the PDF, and opening an assessment file or a report."""

from __future__ import annotations

import copy

import ui_helpers
from PySide6.QtWidgets import QMessageBox
from ui_helpers import (
    ALL_TYPES,
    card,
    create_assessment,
    open_assessment,
    run_in_library,
    wait_saved,
    write_questionnaire,
)

# Fixtures shared by the window tests.
make_window = ui_helpers.make_window
window = ui_helpers.window


def _auto_answer(monkeypatch, answer=QMessageBox.StandardButton.Yes) -> list[str]:
    """Answer every message box at once; return their texts."""
    texts: list[str] = []

    def respond(_parent, title, text, *args, **kwargs):
        texts.append(f"{title}: {text}")
        return answer

    for name in ("question", "information", "warning"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(respond))
    return texts


def test_install_lists_every_problem_then_installs_the_fixed_file(
    make_window, qtbot, tmp_path, monkeypatch
):
    from ui.install_dialog import ProblemsDialog

    window = make_window()
    broken = copy.deepcopy(ALL_TYPES)
    broken["id"] = "custom-pace"
    broken["sections"][0]["questions"][0]["requird"] = True  # a typo
    broken["rules"][0]["condition"]["of"][1]["question"] = "notise"  # no such question
    path = write_questionnaire(tmp_path, broken, "custom.json")
    shown: list[ProblemsDialog] = []
    monkeypatch.setattr(ProblemsDialog, "exec", lambda self: shown.append(self) or 0)
    window.install_questionnaire_file(str(path))
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    table = shown[0].table
    rows = [
        (table.topLevelItem(i).text(0), table.topLevelItem(i).text(1))
        for i in range(table.topLevelItemCount())
    ]
    assert len(rows) >= 2
    assert any("requird" in where + message for where, message in rows)
    assert any("notise" in message for _, message in rows)
    assert all(where for where, _ in rows)
    assert "cannot be installed" in shown[0].windowTitle()

    texts = _auto_answer(monkeypatch)
    fixed = copy.deepcopy(ALL_TYPES)
    fixed["id"] = "custom-pace"
    fixed["title"] = "Custom pace questionnaire"
    window.install_questionnaire_file(str(write_questionnaire(tmp_path, fixed, "fixed.json")))
    qtbot.waitUntil(lambda: bool(texts), timeout=10_000)
    assert "installed" in texts[0]
    from ui.new_dialog import NewAssessmentDialog
    from workerimpact.catalog import load_catalog

    dialog = NewAssessmentDialog(load_catalog(), {}, window)
    titles = [dialog.list.item(row).text() for row in range(dialog.list.count())]
    assert any("Custom pace questionnaire" in title for title in titles)


def test_final_assessment_is_read_only_with_a_banner_and_a_new_revision(window, qtbot, monkeypatch):
    assessment_id = create_assessment(qtbot, window)
    open_assessment(qtbot, window, assessment_id)
    card(window, "tracked").input.buttons["yes"].click()
    wait_saved(qtbot, window)
    _auto_answer(monkeypatch)
    page = window.assessment_page
    assert not page.banner.isVisibleTo(page)
    window.actions["mark_final"].trigger()
    qtbot.waitUntil(lambda: page.banner.isVisibleTo(page), timeout=5_000)
    assert "final" in page.banner.text.text().lower()
    assert "Final" in page.status.text()
    assert not card(window, "tracked").input.isEnabled()
    # Nothing on a read-only record looks as if it could change it: no date clear button.
    page.show_question("all-types", "started")
    assert not card(window, "started").input.field.isClearButtonEnabled()
    page.show_question("all-types", "tracked")
    assert not window.actions["edit_details"].isEnabled()
    assert page.undo_stack.count() == 0
    summaries = run_in_library(qtbot, window, lambda library: library.summaries())
    assert summaries[0].status == "final"

    with qtbot.waitSignal(window.controller.opened, timeout=10_000):
        page.banner.button.click()
    assert window.controller.state.assessment_id != assessment_id
    assert window.controller.state.metadata.revision == 2
    assert not page.banner.isVisibleTo(page)
    assert card(window, "tracked").input.isEnabled()
    assert card(window, "tracked").input.value() == "yes"
    page.show_question("all-types", "started")
    assert card(window, "started").input.field.isClearButtonEnabled()


def test_export_writes_a_report_that_verifies(window, qtbot, tmp_path):
    from workerimpact.report import verify_report

    assessment_id = create_assessment(qtbot, window, vendor="Tallyworks Inc.")
    open_assessment(qtbot, window, assessment_id)
    card(window, "tracked").input.buttons["yes"].click()
    card(window, "notice").input.buttons["never"].click()
    wait_saved(qtbot, window)
    target = tmp_path / "statement.pdf"
    export = window.export_pdf_to(target, ask=False)
    with qtbot.waitSignal(export.finished, timeout=60_000) as blocker:
        pass
    info = blocker.args[0]
    assert target.is_file() and info.pages >= 1
    verification = verify_report(target)
    assert verification.ok, verification.reasons
    assert verification.assessment.answers["all-types"]["notice"].value == "never"
    assert not window.progress.isVisible()
    assert "Exported" in window.statusBar().currentMessage()


def test_open_an_assessment_file_given_on_the_command_line(make_window, qtbot, tmp_path):
    from workerimpact.assessment import Answer, new_assessment, save_assessment
    from workerimpact.catalog import resolve_questionnaires

    ui_helpers.install_all_types(tmp_path)
    assessment = new_assessment(
        resolve_questionnaires(["all-types"]), organization="Northwind", system="PickRate Pro"
    )
    assessment.answers = {"all-types": {"tracked": Answer(value="yes")}}
    path = tmp_path / "assessment.json"
    save_assessment(assessment, path)
    window = make_window([str(path)])
    qtbot.waitUntil(lambda: window.controller.is_open, timeout=10_000)
    assert window.pages.currentWidget() is window.assessment_page
    assert window.controller.state.metadata.system == "PickRate Pro"
    assert card(window, "tracked").input.value() == "yes"


def test_open_a_report_pdf_checks_it_then_imports_it(window, qtbot, tmp_path, monkeypatch):
    from workerimpact.report import export_report

    assessment_id = create_assessment(qtbot, window, organization="Northwind")
    assessment = run_in_library(qtbot, window, lambda library: library.get(assessment_id))
    report = tmp_path / "report.pdf"
    export_report(assessment, report)
    texts = _auto_answer(monkeypatch)
    with qtbot.waitSignal(window.controller.opened, timeout=20_000):
        window.open_file(str(report))
    assert any("unaltered" in text for text in texts)
    assert window.controller.state.metadata.organization == "Northwind"
    # The user's own report, unchanged: the one in the library opens, no second row.
    rows = run_in_library(qtbot, window, lambda library: library.summaries())
    assert [row.id for row in rows] == [assessment_id]
    assert window.controller.state.assessment_id == assessment_id
    assert not window.controller.state.read_only
    assert "already in your library" in window.statusBar().currentMessage()


def test_a_file_that_is_not_an_assessment_is_explained(window, qtbot, tmp_path, monkeypatch):
    from ui import faults

    shown = []
    monkeypatch.setattr(faults, "show_fault", lambda parent, error, **kw: shown.append(error))
    bad = tmp_path / "notes.json"
    bad.write_text('{"hello": 1}', encoding="utf-8")
    window.open_file(str(bad))
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    explanation = faults.explain(shown[0])
    assert "format" in explanation.what
    assert not window.controller.is_open


def test_a_failed_save_keeps_the_value_and_retries(window, qtbot, monkeypatch):
    from workerimpact.storage import StorageFull

    assessment_id = create_assessment(qtbot, window)
    open_assessment(qtbot, window, assessment_id)
    faults = []
    monkeypatch.setattr(window, "_save_fault", faults.append)
    window.assessment_page.editor.fault.disconnect()
    window.assessment_page.editor.fault.connect(faults.append)
    session = window.controller.session
    real = session.set_answer

    def full(*args, **kwargs):
        raise StorageFull("The disk is full.")

    monkeypatch.setattr(session, "set_answer", full)
    tracked = card(window, "tracked")
    tracked.input.buttons["yes"].click()
    qtbot.waitUntil(lambda: bool(faults), timeout=5_000)
    assert tracked.input.value() == "yes"  # what was chosen stays
    assert "Not saved" in tracked.state.text()
    monkeypatch.setattr(session, "set_answer", real)
    window.controller.retry_all()
    wait_saved(qtbot, window)
    assert tracked.state.text() == ""
    saved = run_in_library(qtbot, window, lambda library: library.get(assessment_id))
    assert saved.answers["all-types"]["tracked"].value == "yes"


def test_the_last_assessment_and_geometry_are_remembered(make_window, qtbot, tmp_path):
    ui_helpers.install_all_types(tmp_path)
    first = make_window()
    assessment_id = create_assessment(qtbot, first)
    open_assessment(qtbot, first, assessment_id)
    first.resize(1000, 700)
    first.close()
    second = make_window()
    qtbot.waitUntil(lambda: second.controller.is_open, timeout=10_000)
    assert second.controller.state.assessment_id == assessment_id
    # Restored (offscreen, the width is clamped to the virtual screen's).
    assert second.height() == 700
