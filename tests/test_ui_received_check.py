"""The received record's banner names who signed the report and when it was checked, every
time the record is opened (the check is kept in the library, not in the session)."""

from __future__ import annotations

import ui_helpers
from PySide6.QtWidgets import QDialog, QMessageBox
from test_ui_compare import _management_assessment, _set_defaults
from ui_helpers import open_assessment

make_window = ui_helpers.make_window


def _open_report(qtbot, window, report, monkeypatch) -> str:
    from ui.own_copy_dialog import OwnCopyDialog

    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(OwnCopyDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    with qtbot.waitSignal(window.controller.opened, timeout=30_000):
        window.open_file(str(report))
    assert window.controller.state.received
    return window.controller.state.assessment_id


def _reopened_banner(qtbot, make_window, first, assessment_id) -> str:
    first.close()
    second = make_window()  # a new session on the same data folder
    open_assessment(qtbot, second, assessment_id)
    assert second.controller.state.received
    return second.assessment_page.banner.text.text()


def test_the_signer_is_shown_again_when_the_record_is_reopened(
    make_window, qtbot, tmp_path, monkeypatch
):
    import datetime as dt

    from workerimpact.report import export_report
    from workerimpact.signing.identity import new_identity

    ui_helpers.install_all_types(tmp_path)
    _set_defaults("Sam Rivera", "union")
    window = make_window()
    report = tmp_path / "from-hr.pdf"
    export_report(
        _management_assessment(),
        report,
        identity=new_identity("Dana Whitfield", "Northwind Logistics"),
    )
    assessment_id = _open_report(qtbot, window, report, monkeypatch)
    text = _reopened_banner(qtbot, make_window, window, assessment_id)
    assert "unaltered" in text and "Dana Whitfield, Northwind Logistics" in text
    assert dt.date.today().isoformat() in text
    assert "•" not in text


def test_a_report_that_did_not_verify_says_so_when_reopened(
    make_window, qtbot, tmp_path, monkeypatch
):
    from pypdf import PdfWriter

    from workerimpact.report import export_report
    from workerimpact.signing.identity import new_identity

    ui_helpers.install_all_types(tmp_path)
    _set_defaults("Sam Rivera", "union")
    window = make_window()
    exported = tmp_path / "from-hr.pdf"
    export_report(
        _management_assessment(), exported, identity=new_identity("Dana Whitfield", "Northwind")
    )
    resaved = tmp_path / "resaved.pdf"
    writer = PdfWriter(clone_from=str(exported))
    writer.add_metadata({"/Title": "Edited title"})
    with resaved.open("wb") as stream:
        writer.write(stream)
    assessment_id = _open_report(qtbot, window, resaved, monkeypatch)
    text = _reopened_banner(qtbot, make_window, window, assessment_id)
    assert "did not verify (it was re-saved)" in text, text
    assert "unaltered" not in text
