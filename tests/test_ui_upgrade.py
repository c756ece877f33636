"""The window offers to move a 1.0.0 assessment to the 2.0.0 built-ins, and keeps the old."""

from __future__ import annotations

from pathlib import Path

import pytest
import ui_helpers
from builtin_answers import BUILTIN_IDS, scenario
from PySide6.QtWidgets import QMessageBox
from ui_helpers import open_assessment, run_in_library

from workerimpact.assessment import new_assessment
from workerimpact.loader import load_questionnaire

pytest.importorskip("PySide6.QtWidgets")

make_window = ui_helpers.make_window
window = ui_helpers.window

V1 = Path(__file__).parent / "fixtures" / "builtin-1.0.0"


def _import_v1(qtbot, window) -> str:
    questionnaires = [load_questionnaire(V1 / f"{qid}.json") for qid in BUILTIN_IDS]
    assessment = new_assessment(questionnaires, organization="ACME", system="PickRate Pro")
    assessment.answers = {q.id: scenario(q, worst=True) for q in questionnaires}
    return run_in_library(qtbot, window, lambda library: library.import_assessment(assessment).id)


def test_move_to_newer_questionnaires(window, qtbot, monkeypatch):
    old_id = _import_v1(qtbot, window)
    open_assessment(qtbot, window, old_id)
    action = window.actions["upgrade_questionnaires"]
    assert action.isEnabled()
    asked = []

    def yes(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    with qtbot.waitSignal(window.controller.opened, timeout=15_000):
        action.trigger()
    assert "1.0.0 → 2.0.0" in asked[0] and "stays as it is" in asked[0]
    state = window.controller.state
    assert state.assessment_id != old_id
    assert state.metadata.previous_revision == old_id
    assert {q.version for q in state.questionnaires} == {"2.0.0"}
    summary = window.upgrade_summary
    assert "need a new answer" in summary.text()
    assert summary.detailedText()
    summary.close()
    # The new revision has nothing left to move; the old one is untouched.
    assert not window.actions["upgrade_questionnaires"].isEnabled()
    old = run_in_library(qtbot, window, lambda library: library.get(old_id))
    assert {q.version for q in old.questionnaires} == {"1.0.0"}


def test_no_offer_on_current_questionnaires(window, qtbot):
    assessment_id = ui_helpers.create_assessment(qtbot, window, ("job-quality",))
    open_assessment(qtbot, window, assessment_id)
    assert not window.actions["upgrade_questionnaires"].isEnabled()


def test_a_1_0_0_assessment_offers_the_move_above_the_questions(window, qtbot, monkeypatch):
    """The offer is in view, not only in a menu: a banner naming both versions and what
    2.0.0 adds; its button moves the assessment, after which the banner is gone."""
    old_id = _import_v1(qtbot, window)
    open_assessment(qtbot, window, old_id)
    banner = window.assessment_page.upgrade_banner
    assert banner.isVisibleTo(window)
    assert "1.0.0" in banner.text.text() and "2.0.0" in banner.text.text()
    assert "Don't know" in banner.text.text()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(window.controller.opened, timeout=15_000):
        banner.button.click()
    window.upgrade_summary.close()
    assert {q.version for q in window.controller.state.questionnaires} == {"2.0.0"}
    assert not banner.isVisibleTo(window)


def test_a_received_1_0_0_record_is_not_moved_in_the_senders_name(window, qtbot):
    from ui import window_state

    window_state.set_value(window_state.DEFAULT_ASSESSOR, "Sam Rivera")
    window_state.set_value(window_state.DEFAULT_ROLE, "union")
    window.controller.assessor, window.controller.role = "Sam Rivera", "union"
    questionnaires = [load_questionnaire(V1 / f"{qid}.json") for qid in BUILTIN_IDS]
    theirs = new_assessment(questionnaires, system="PickRate Pro", assessor="Dana", role="employer")
    old_id = run_in_library(qtbot, window, lambda library: library.import_assessment(theirs).id)
    open_assessment(qtbot, window, old_id)
    assert window.controller.state.received
    assert not window.assessment_page.upgrade_banner.isVisibleTo(window)
    assert not window.actions["upgrade_questionnaires"].isEnabled()
