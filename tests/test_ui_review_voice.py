"""The consultation in the window, after a walk of it: a measure carried into a new revision
for a concern added to the earlier review is shown and edited in the response form; the
reviewers are named in the review form; a new entry starts at the default severity; the
joint statement's checks and countersigned copy say what they are."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import ui_helpers
from consultation_helpers import FIRST, two_findings
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox
from ui_helpers import open_assessment, run_in_library

from workerimpact.assessment import Answer, fingerprint
from workerimpact.consultation import Concern, ItemResponse, Measure, Review
from workerimpact.consultation.models import new_response, new_review

make_window = ui_helpers.make_window
window = ui_helpers.window


def _dialog(qtbot, window, monkeypatch, cls, action):
    seen = []
    monkeypatch.setattr(cls, "exec", lambda self: seen.append(self) or QDialog.DialogCode.Accepted)
    window.actions[action].trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    dialog = seen[0]
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _second_revision(library) -> tuple[str, str]:
    """Revision 1 with a concern added by the representatives and a measure for it, then
    revision 2 (the measure carried over) with a review that does not repeat the concern."""
    assessment = two_findings()
    assessment.metadata.assessor = "Dana Reyes"
    first = library.import_assessment(assessment)
    concern = Concern(title="Headsets hurt after long shifts", severity="high")
    review = Review(assessment_id=first.id, fingerprint=fingerprint(first), concerns=[concern])
    library.attach_review(review)
    response = new_response(review, first.id)
    response.items["concern:" + concern.id] = ItemResponse(
        response="New headsets for all",
        measures=[Measure(description="New headsets", owner="IT", due=dt.date(2027, 3, 1))],
    )
    response.items["finding:" + FIRST] = ItemResponse(
        measures=[Measure(description="Written notice", owner="HR")]
    )
    library.save_response(response)
    library.set_status(first.id, "final")
    second = library.new_revision(first.id)
    questionnaire = FIRST.split("/")[0]  # notice given in writing: the finding goes away
    library.set_answer(second.id, questionnaire, "written_notice", Answer(value="in_advance"))
    second = library.get(second.id)
    later = Review(assessment_id=second.id, fingerprint=fingerprint(second), revision=2)
    library.attach_review(later)
    return second.id, "concern:" + concern.id


def test_a_carried_measure_of_an_earlier_concern_is_shown_and_edited(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QGroupBox, QLabel

    from ui.review_response import ResponseDialog

    second, key = run_in_library(qtbot, window, _second_revision)
    open_assessment(qtbot, window, second)
    dialog = _dialog(qtbot, window, monkeypatch, ResponseDialog, "respond_review")
    titles = [box.title() for box in dialog.findChildren(QGroupBox)]
    assert any(
        "Added by the representatives in revision 1: Headsets hurt after long shifts" in title
        for title in titles
    ), titles
    assert not any("concern:" in title for title in titles)
    gone = "Found in revision 1, not in this one: Calls are recorded without notice to workers"
    assert any(gone in title for title in titles), titles
    said = dialog.findChildren(QLabel)
    words = [label.text() for label in said]
    assert not any("Workers are monitored" in text for text in words), words  # not theirs
    assert "No longer found in this revision — its measures were carried over" in " ".join(words)
    assert not any(
        text.startswith("Workers' representatives: No longer found") for text in words
    ), words
    widgets = dialog.item_widgets[key]
    measures = widgets["measures"]
    (row,) = measures.rows.values()
    assert row["description"].text() == "New headsets"
    status = row["status"]
    status.setFocus()
    qtbot.keyClick(status, Qt.Key.Key_Down)  # in progress, from the keyboard
    answer, carried = widgets["answer"], widgets["carried"]
    assert answer.text() == "New headsets for all"  # the answer of revision 1, carried
    assert carried.isVisibleTo(dialog) and "revision 1" in carried.text()
    answer.setFocus()
    answer.selectAll()
    qtbot.keyClicks(answer, "Ordered in March")
    assert not carried.isVisibleTo(dialog)  # now the answer of this revision
    assert dialog.problem.text() == ""
    ui_helpers.wait_saved(qtbot, window)
    stored = run_in_library(qtbot, window, lambda library: library.response(second))
    (measure,) = stored.items[key].measures
    assert measure.status == "in_progress"
    assert stored.items[key].response == "Ordered in March"
    assert stored.items[key].answered_in is None


def test_the_reviewers_are_named_in_the_form_and_new_entries_start_at_the_default(
    qtbot, window, monkeypatch
):
    from ui.review_dialog import ReviewDialog

    assessment = two_findings()
    assessment.metadata.assessor = "Dana Reyes"
    assessment.metadata.role = "employer"
    assessment_id = run_in_library(
        qtbot, window, lambda library: library.import_assessment(assessment).id
    )
    open_assessment(qtbot, window, assessment_id)
    dialog = _dialog(qtbot, window, monkeypatch, ReviewDialog, "review_statement")
    dialog.reviewers.setFocus()
    qtbot.keyClicks(dialog.reviewers, "Works council: Sam Okafor")
    severity = dialog.concern_severity
    assert severity.currentData() == "moderate"  # the model's default, not the first choice
    severity.setCurrentIndex(severity.findData("severe"))
    qtbot.keyClicks(dialog.concern_title, "Headset noise")
    qtbot.keyClick(dialog.concern_title, Qt.Key.Key_Return)
    assert severity.currentData() == "moderate"  # the next entry starts afresh
    qtbot.keyClicks(dialog.concern_title, "Night shifts")
    qtbot.keyClick(dialog.concern_title, Qt.Key.Key_Return)
    ui_helpers.wait_saved(qtbot, window)
    stored = run_in_library(qtbot, window, lambda library: library.own_review(assessment_id))
    assert stored.reviewers == "Works council: Sam Okafor"
    assert [(c.title, c.severity) for c in stored.concerns] == [
        ("Headset noise", "severe"),
        ("Night shifts", "moderate"),
    ]


def test_the_joint_statement_is_exported_in_the_chosen_language(
    qtbot, window, monkeypatch, tmp_path
):
    import subprocess

    from ui.export import language_filters

    second, _key = run_in_library(qtbot, window, _second_revision)
    open_assessment(qtbot, window, second)
    output = tmp_path / "conjunta.pdf"
    spanish = next(name for name, tag in language_filters("PDF, %s (*.pdf)").items() if tag == "es")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(output), spanish))
    window.actions["export_joint"].trigger()
    qtbot.waitUntil(output.exists, timeout=30_000)
    text = subprocess.run(["pdftotext", str(output), "-"], capture_output=True, text=True).stdout
    text = " ".join(text.split())
    assert "Hallazgo por hallazgo" in text
    assert "Agregada por los representantes en la revisión 1: Headsets hurt" in text


def test_opening_a_joint_statement_says_what_was_verified(qtbot, window, monkeypatch, tmp_path):
    from workerimpact.consultation.exchange import export_joint
    from workerimpact.report import countersign_report
    from workerimpact.signing.identity import new_identity, save_identity

    assessment = two_findings()
    review = new_review(assessment, fingerprint(assessment), reviewers="Local 9")
    joint = tmp_path / "joint.pdf"
    export_joint(assessment, review, None, joint, identity=new_identity("Dana Reyes", "Acme"))
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: shown.append(a[2]))
    window.open_file(str(joint))
    qtbot.waitUntil(lambda: bool(shown), timeout=15_000)
    text = shown[0]
    assert "joint.pdf is unaltered since it was signed" in text
    assert "the joint statement on Pick-Tracker · Acme, revision 1" in text
    assert "representatives (Local 9)" in text
    assert "Dana Reyes" in text and "its certificate fingerprint is" in text
    assert "File → Countersign a statement…" in text

    save_identity(new_identity("Sam Okafor", "Local 9"))
    both = tmp_path / "joint-countersigned.pdf"
    countersign_report(joint, both)
    window.open_file(str(both))
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=15_000)
    assert "Sam Okafor" in shown[1] and "Both parties have signed it." in shown[1]
    signed = shown[1].split("Signatures:\n", 1)[1].split("\n\n")[0].split("\n")
    assert len(signed) == 2 and "\\n" not in shown[1], shown[1]  # one line per signature


def test_the_countersigned_copy_is_named_for_what_it_is(qtbot, window, monkeypatch, tmp_path):
    from ui import countersign
    from workerimpact.consultation.exchange import export_joint, export_review
    from workerimpact.signing.identity import new_identity

    assert countersign.countersigned_name("x-joint-statement", True) == (
        "x-joint-statement-countersigned.pdf"
    )
    assert countersign.countersigned_name("statement", False) == "statement-received.pdf"
    assessment = two_findings()
    review = Review(assessment_id=assessment.id, fingerprint=fingerprint(assessment))
    joint = tmp_path / "acme-joint-statement.pdf"
    export_joint(assessment, review, None, joint, identity=new_identity("Dana Reyes"))
    reviewed = tmp_path / "acme-review.pdf"
    export_review(review, assessment, reviewed, identity=new_identity("Sam Okafor"))
    offered, told = [], []
    monkeypatch.setattr(
        countersign.QFileDialog, "getSaveFileName", lambda *a, **k: offered.append(a[2]) or ("", "")
    )
    monkeypatch.setattr(QMessageBox, "information", lambda *a: told.append(a[2]))
    for source in (joint, reviewed):
        monkeypatch.setattr(
            countersign.QFileDialog, "getOpenFileName", lambda *a, s=source, **k: (str(s), "")
        )
        window.actions["countersign"].trigger()
    assert [Path(path).name for path in offered] == ["acme-joint-statement-countersigned.pdf"]
    assert "acme-review.pdf is a review file" in told[0]
    assert "File → Import review file" in told[0]


def test_level_once_done_is_translated():
    from ui.i18n_scan import MARKS  # noqa: F401 - the scan's module loads

    text = (Path(__file__).parents[1] / "ui" / "i18n" / "workerimpact_es.ts").read_text("utf-8")
    start = text.index("<source>Level once done?</source>")
    translation = text[start : text.index("</translation>", start)]
    assert "unfinished" not in translation and "Nivel" in translation


def test_the_forms_choices_read_in_the_windows_language(tmp_path):
    """A fresh process (translators are process-wide): in a Spanish window the review's and
    the response's choices, and the empty level of a new measure, are in Spanish."""
    import os
    import subprocess
    import sys

    script = """
from ui import window_state
window_state.set_value(window_state.LANGUAGE, "es")
from ui.app import application
app = application()
from ui.review_common import combo
from ui.review_dialog import POSITION_CHOICES, SEVERITY_CHOICES
from ui.review_response import DECISION_CHOICES, STATUS_CHOICES
from ui.review_response import ResponseDialog
texts = [combo(c, None).itemText(1) for c in
         (POSITION_CHOICES, SEVERITY_CHOICES, STATUS_CHOICES, DECISION_CHOICES)]
print(*texts, ResponseDialog.tr("Level once done?"), sep="|")
"""
    env = dict(os.environ, WORKERIMPACT_HOME=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    last = done.stdout.strip().splitlines()[-1]
    assert last == "De acuerdo|Moderado|En curso|Seguir adelante|¿Nivel al terminar?", last


def test_the_review_forms_sections_read_in_the_windows_language(tmp_path, monkeypatch):
    # A Spanish window showed "Worker surveillance and data › The system and what it collects".
    from ui import i18n as window_i18n
    from ui.review_common import load_review_data
    from workerimpact.assessment import Metadata
    from workerimpact.catalog import resolve_questionnaires
    from workerimpact.storage import Library

    with Library.open(tmp_path / "library") as library:
        questionnaires = resolve_questionnaires(["worker-surveillance"])
        assessment = library.create(questionnaires, Metadata(organization="N", system="S"))
        monkeypatch.setattr(window_i18n, "_current", "es")
        spanish = dict(load_review_data(library, assessment.id).sections)
        monkeypatch.setattr(window_i18n, "_current", "en")
        english = dict(load_review_data(library, assessment.id).sections)
    assert spanish.keys() == english.keys()
    first = next(iter(spanish))
    assert english[first].startswith("Worker surveillance and data › ")
    assert spanish[first].startswith("Vigilancia de los trabajadores y sus datos › "), spanish[
        first
    ]
