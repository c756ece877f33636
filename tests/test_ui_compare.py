"""Comparing two assessments in the window, and working on an own copy of someone else's
assessment opened from a file or a report."""

from __future__ import annotations

import datetime as dt

import ui_helpers
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox
from ui_helpers import accept_dialog, card, create_assessment, open_assessment, run_in_library

# Fixtures shared by the window tests.
make_window = ui_helpers.make_window
window = ui_helpers.window


def _answer(qtbot, window, assessment_id: str, answers: dict) -> None:
    from workerimpact.assessment import Answer

    def save(library):
        for question_id, (value, comment) in answers.items():
            library.set_answer(
                assessment_id, "all-types", question_id, Answer(value=value, comment=comment)
            )

    run_in_library(qtbot, window, save)


def _union_copy(qtbot, window):
    """Management's assessment and the union's copy of it, answered differently."""
    management = create_assessment(qtbot, window, assessor="Dana Whitfield", role="employer")
    _answer(
        qtbot,
        window,
        management,
        {
            "tracked": ("yes", ""),
            "notice": ("advance", "A letter went out in March."),
            "workers": (40, ""),
        },
    )

    def copy(library):
        revision = library.new_revision(management)
        metadata = revision.metadata.model_copy(update={"assessor": "Sam Rivera", "role": "union"})
        library.update_metadata(revision.id, metadata)
        return revision.id

    union = run_in_library(qtbot, window, copy)
    _answer(
        qtbot,
        window,
        union,
        {
            "notice": ("never", "Nobody on nights got the letter."),
            "workers": (140, ""),
        },
    )
    return management, union


def _texts(monkeypatch) -> list[str]:
    texts: list[str] = []

    def respond(_parent, title, text, *args, **kwargs):
        texts.append(f"{title}: {text}")
        return QMessageBox.StandardButton.Yes

    for name in ("question", "information", "warning"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(respond))
    return texts


def test_compare_from_the_library_shows_levels_findings_and_answers(window, qtbot, monkeypatch):
    from ui.compare_dialog import CompareDialog

    management, union = _union_copy(qtbot, window)
    create_assessment(qtbot, window, assessor="J. Okafor")  # same system, changed last
    window.show_library()
    qtbot.waitUntil(lambda: window.library_page.model.rowCount() == 3)
    window.library_page.select(union)
    dialogs = accept_dialog(monkeypatch, CompareDialog)
    view = window.assessment_page.compare
    with qtbot.waitSignal(view.compared, timeout=15_000) as blocker:
        window.library_page.compare_button.click()
    dialog = dialogs[0]
    assert dialog.chosen_id() == management  # the original, not the newer same-system one
    first_row = [dialog.list.topLevelItem(0).text(column) for column in range(6)]
    assert "Dana Whitfield (Employer)" in first_row
    assert "Original of this one" in first_row
    assert dialog.list.topLevelItemCount() == 2

    comparison = blocker.args[0]
    assert comparison.first.id == union and comparison.second.id == management
    page = window.assessment_page
    assert window.controller.state.assessment_id == union
    assert page.tabs.currentWidget() is view
    text = view.browser.toPlainText()
    # Both sides named: assessor, role, revision, status.
    assert "Sam Rivera" in text and "Union or worker representative" in text
    assert "Revision 2 · Draft" in text and "Revision 1 · Draft" in text
    # Changed levels are marked in words.
    changed = [row for row in comparison.levels if row.changed]
    assert changed and text.count("Differs") == len(changed)
    assert "Notice" in text
    # The finding only the union's answers raise.
    assert "Findings only in this assessment (1)" in text
    assert "Workers are tracked without notice" in text
    assert "Findings only in the other assessment, Dana Whitfield (Employer) (0)" in text
    # The questions answered differently, with both answers and comments.
    assert "Questions answered differently (2)" in text
    assert "Were workers told in writing before tracking started?" in text
    assert "No" in text and "Yes, in advance" in text
    assert "Nobody on nights got the letter." in text
    assert "A letter went out in March." in text
    assert "How many workers are tracked?" in text
    assert "differ" in view.status.text()


def test_a_question_link_opens_the_assessment_at_that_question(window, qtbot, monkeypatch):
    from ui.compare_dialog import CompareDialog

    management, union = _union_copy(qtbot, window)
    open_assessment(qtbot, window, union)
    accept_dialog(monkeypatch, CompareDialog)
    view = window.assessment_page.compare
    with qtbot.waitSignal(view.compared, timeout=15_000):
        window.actions["compare"].trigger()
    html = view.browser.toHtml()
    assert "question:all-types/workers" in html
    editor = window.assessment_page.editor
    assert editor.current == ("all-types", "basics")
    view.browser.anchorClicked.emit(QUrl("question:all-types/workers"))
    assert window.assessment_page.tabs.currentWidget() is editor
    assert editor.current == ("all-types", "details")
    assert editor.sections.card("workers").input.value() == 140

    # An answer changed in the editor shows in the comparison when it is shown again.
    _answer(qtbot, window, union, {"workers": (40, "")})
    window.controller.result_changed.emit(window.controller.state.result)
    with qtbot.waitSignal(view.compared, timeout=15_000) as blocker:
        window.show_comparison()
    assert len(blocker.args[0].answers) == 1


def test_nothing_to_compare_with_is_said(window, qtbot, monkeypatch):
    only = create_assessment(qtbot, window)
    open_assessment(qtbot, window, only)
    texts = _texts(monkeypatch)
    window.compare_with()
    qtbot.waitUntil(lambda: bool(texts), timeout=10_000)
    assert "only assessment" in texts[0]


def test_the_likely_counterpart_comes_first():
    from ui.compare_dialog import (
        MADE_FROM_THIS,
        ORIGINAL,
        SAME_CHAIN,
        SAME_SYSTEM,
        Candidate,
        rank,
    )

    def candidate(id_, previous=None, system="PickRate Pro", days=0):
        moment = dt.datetime(2024, 5, 1, tzinfo=dt.UTC) + dt.timedelta(days=days)
        return Candidate(
            id_, "Northwind", "", system, "", "", "employer", "draft", 1, moment, previous
        )

    current = candidate("b", previous="a")
    others = [
        candidate("x", system="Other", days=9),
        candidate("s", days=8),
        candidate("c", previous="b", days=2),
        candidate("d", previous="c", days=3),
        candidate("a", previous="root", days=1),
        candidate("root", days=0),
    ]
    ranked = rank(current, others)
    assert [item.id for item in ranked] == ["a", "c", "d", "root", "s", "x"]
    assert [item.link for item in ranked] == [
        ORIGINAL,
        MADE_FROM_THIS,
        SAME_CHAIN,
        SAME_CHAIN,
        SAME_SYSTEM,
        "",
    ]


# --- working on an own copy ---------------------------------------------------------------------


def _management_assessment():
    from workerimpact.assessment import Answer, new_assessment
    from workerimpact.catalog import resolve_questionnaires

    assessment = new_assessment(
        resolve_questionnaires(["all-types"]),
        organization="Northwind Logistics",
        system="PickRate Pro",
        assessor="Dana Whitfield",
        role="employer",
    )
    assessment.answers = {"all-types": {"tracked": Answer(value="yes")}}
    return assessment


def _set_defaults(assessor: str, role: str) -> None:
    from ui import window_state

    window_state.set_value(window_state.DEFAULT_ASSESSOR, assessor)
    window_state.set_value(window_state.DEFAULT_ROLE, role)


def test_a_report_by_someone_else_offers_an_own_copy(make_window, qtbot, tmp_path, monkeypatch):
    from ui.compare_dialog import CompareDialog
    from ui.own_copy_dialog import OwnCopyDialog
    from workerimpact.report import export_report

    ui_helpers.install_all_types(tmp_path)
    _set_defaults("Sam Rivera", "union")
    window = make_window()
    report = tmp_path / "management.pdf"
    export_report(_management_assessment(), report)
    texts = _texts(monkeypatch)
    offers = accept_dialog(monkeypatch, OwnCopyDialog)
    with qtbot.waitSignal(window.controller.opened, timeout=30_000):
        window.open_file(str(report))
    assert any("unaltered" in text for text in texts)  # the check comes first
    offer = offers[0]
    assert not offer.asks
    assert offer.own_button.text() == "&Work on your own copy as Sam Rivera (Union)"
    about = offer.findChild(QLabel, "own_copy_about").text()
    assert "Dana Whitfield (Employer), revision 1" in about

    metadata = window.controller.state.metadata
    assert (metadata.assessor, metadata.role) == ("Sam Rivera", "union")
    assert metadata.revision == 2 and metadata.status == "draft"
    original = metadata.previous_revision
    imported = run_in_library(qtbot, window, lambda library: library.metadata(original))
    assert (imported.assessor, imported.role) == ("Dana Whitfield", "employer")
    rows = run_in_library(qtbot, window, lambda library: library.summaries())
    assert len(rows) == 2
    assert "own copy" in window.statusBar().currentMessage()

    # Compare with… now defaults to the original: two clicks.
    dialogs = accept_dialog(monkeypatch, CompareDialog)
    with qtbot.waitSignal(window.assessment_page.compare.compared, timeout=15_000) as blocker:
        window.actions["compare"].trigger()
    assert dialogs[0].chosen_id() == original
    assert blocker.args[0].second.assessor == "Dana Whitfield"


def test_open_as_it_is_keeps_the_imported_assessment(make_window, qtbot, tmp_path, monkeypatch):
    from ui.own_copy_dialog import OwnCopyDialog
    from workerimpact.assessment import save_assessment

    ui_helpers.install_all_types(tmp_path)
    _set_defaults("Sam Rivera", "union")
    window = make_window()
    path = tmp_path / "management.json"
    save_assessment(_management_assessment(), path)
    seen = []

    def decline(self):
        seen.append(self)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(OwnCopyDialog, "exec", decline)
    with qtbot.waitSignal(window.controller.opened, timeout=15_000):
        window.open_file(str(path))
    assert seen
    metadata = window.controller.state.metadata
    assert (metadata.assessor, metadata.role, metadata.revision) == (
        "Dana Whitfield",
        "employer",
        1,
    )
    rows = run_in_library(qtbot, window, lambda library: library.summaries())
    assert [row.id for row in rows] == [window.controller.state.assessment_id]
    # Theirs, as they sent it: read-only, marked, with the own copy one click away.
    state = window.controller.state
    assert state.received and state.read_only
    banner = window.assessment_page.banner
    assert banner.isVisibleTo(window) and "Dana Whitfield" in banner.text.text()
    assert banner.own_copy_button.isVisibleTo(window)
    assert not card(window, "tracked").input.isEnabled()
    assert not window.actions["mark_final"].isEnabled()
    accept_dialog(monkeypatch, OwnCopyDialog)
    with qtbot.waitSignal(window.controller.opened, timeout=15_000):
        banner.own_copy_button.click()
    state = window.controller.state
    assert not state.received and not state.read_only
    assert (state.metadata.assessor, state.metadata.revision) == ("Sam Rivera", 2)


def test_without_a_default_assessor_the_offer_asks_who_you_are(
    make_window, qtbot, tmp_path, monkeypatch
):
    from ui import window_state
    from ui.own_copy_dialog import OwnCopyDialog
    from workerimpact.assessment import save_assessment

    ui_helpers.install_all_types(tmp_path)
    window = make_window()
    path = tmp_path / "management.json"
    save_assessment(_management_assessment(), path)

    def fill(dialog):
        assert dialog.asks and dialog.name.isVisibleTo(dialog)
        assert not dialog.own_button.isEnabled()  # no name yet
        assert dialog.role() == "union"  # no default: the other party of the sender
        dialog.name.setText("Sam Rivera")
        dialog.role_box.setCurrentIndex(dialog.role_box.findData("union"))
        assert dialog.own_button.isEnabled()
        assert "Sam Rivera (Union)" in dialog.own_button.text()

    accept_dialog(monkeypatch, OwnCopyDialog, fill)
    with qtbot.waitSignal(window.controller.opened, timeout=15_000):
        window.open_file(str(path))
    metadata = window.controller.state.metadata
    assert (metadata.assessor, metadata.role) == ("Sam Rivera", "union")
    assert metadata.previous_revision
    assert window_state.text(window_state.DEFAULT_ASSESSOR) == "Sam Rivera"
    assert window_state.text(window_state.DEFAULT_ROLE) == "union"
    assert window.controller.assessor == "Sam Rivera"


def test_your_own_file_opens_without_an_offer(make_window, qtbot, tmp_path, monkeypatch):
    from ui.own_copy_dialog import OwnCopyDialog
    from workerimpact.assessment import save_assessment

    ui_helpers.install_all_types(tmp_path)
    _set_defaults("dana whitfield ", "employer")
    window = make_window()
    path = tmp_path / "mine.json"
    save_assessment(_management_assessment(), path)
    offers = accept_dialog(monkeypatch, OwnCopyDialog)
    with qtbot.waitSignal(window.controller.opened, timeout=15_000):
        window.open_file(str(path))
    assert not offers
    assert window.controller.state.metadata.revision == 1


def test_the_library_menu_key_offers_compare_for_the_selected_row(window, qtbot, monkeypatch):
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication, QMenu

    first = create_assessment(qtbot, window, system="PickRate Pro")
    create_assessment(qtbot, window, system="ShiftWise")
    window.show_library()
    page = window.library_page
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    page.select(first)
    from ui.compare_dialog import CompareDialog

    asked = []
    monkeypatch.setattr(CompareDialog, "exec", lambda self: asked.append(self) or 0)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, QPoint(2, 2), QPoint(2, 2))
    QApplication.sendEvent(page.table, event)
    menus = [page.findChild(QMenu, "library_menu")]
    texts = [action.text() for action in menus[0].actions()]
    assert "Com&pare with…" in texts
    assert page.selected_id() == first  # the keyboard menu keeps the selection
    next(a for a in menus[0].actions() if a.text() == "Com&pare with…").trigger()
    menus[0].close()
    qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
    assert "PickRate Pro" in asked[0].findChild(QLabel).text()


def test_start_a_new_revision_of_a_received_record_is_the_own_copy(
    make_window, qtbot, tmp_path, monkeypatch
):
    """Assessment → Start a new revision on someone else's record must not make an
    editable revision still in the sender's name: it goes through the own-copy offer."""
    from ui.own_copy_dialog import OwnCopyDialog
    from workerimpact.assessment import save_assessment

    ui_helpers.install_all_types(tmp_path)
    _set_defaults("Sam Rivera", "union")
    window = make_window()
    path = tmp_path / "management.json"
    save_assessment(_management_assessment(), path)
    monkeypatch.setattr(OwnCopyDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    with qtbot.waitSignal(window.controller.opened, timeout=15_000):
        window.open_file(str(path))
    assert window.controller.state.received
    seen = accept_dialog(monkeypatch, OwnCopyDialog)
    with qtbot.waitSignal(window.controller.opened, timeout=15_000):
        window.actions["new_revision"].trigger()
    assert seen
    state = window.controller.state
    assert (state.metadata.assessor, state.metadata.role, state.metadata.revision) == (
        "Sam Rivera",
        "union",
        2,
    )


def test_a_received_report_names_its_signer_on_the_read_only_banner(
    make_window, qtbot, tmp_path, monkeypatch
):
    from ui.own_copy_dialog import OwnCopyDialog
    from workerimpact.report import export_report
    from workerimpact.signing.identity import new_identity

    ui_helpers.install_all_types(tmp_path)
    _set_defaults("Sam Rivera", "union")
    window = make_window()
    report = tmp_path / "from-hr.pdf"
    identity = new_identity("Dana Whitfield", "Northwind Logistics")
    export_report(_management_assessment(), report, identity=identity)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    monkeypatch.setattr(OwnCopyDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    with qtbot.waitSignal(window.controller.opened, timeout=30_000):
        window.open_file(str(report))
    assert window.controller.state.received
    text = window.assessment_page.banner.text.text()
    assert "unaltered" in text and "Dana Whitfield, Northwind Logistics" in text
    assert "•" not in text


def test_duplicating_a_received_record_in_the_library_offers_the_own_copy(
    make_window, qtbot, tmp_path, monkeypatch
):
    from ui.own_copy_dialog import OwnCopyDialog
    from workerimpact.assessment import save_assessment

    ui_helpers.install_all_types(tmp_path)
    _set_defaults("Sam Rivera", "union")
    window = make_window()
    path = tmp_path / "management.json"
    save_assessment(_management_assessment(), path)
    monkeypatch.setattr(OwnCopyDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    with qtbot.waitSignal(window.controller.opened, timeout=15_000):
        window.open_file(str(path))
    theirs = window.controller.state.assessment_id
    window.close_assessment()
    page = window.library_page
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.table.selectRow(0)
    assert page.selected_id() == theirs
    seen = accept_dialog(monkeypatch, OwnCopyDialog)
    with qtbot.waitSignal(window.controller.opened, timeout=15_000):
        page.duplicate_selected()
    assert seen
    metadata = window.controller.state.metadata
    assert (metadata.assessor, metadata.role, metadata.revision) == ("Sam Rivera", "union", 2)
