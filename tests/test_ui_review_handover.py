"""``workerimpact review import`` while the window holds the library: the command hands the
file to the running window (a real second process), which checks it, attaches the review
and shows the result; without a window to answer, the command says the library is in use."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import ui_helpers
from consultation_helpers import two_findings
from ui_helpers import run_in_library

from workerimpact.storage import Library

make_window = ui_helpers.make_window
REPOSITORY = Path(__file__).resolve().parent.parent


def _command(qtbot, *arguments: str) -> subprocess.CompletedProcess:
    """Run ``workerimpact ARGUMENTS`` in another process, keeping this one's window live."""
    process = subprocess.Popen(
        [sys.executable, "-m", "workerimpact", *arguments],
        env={**os.environ, "PYTHONPATH": str(REPOSITORY)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        qtbot.waitUntil(lambda: process.poll() is not None, timeout=60_000)
    finally:
        if process.poll() is None:
            process.kill()
    out, err = process.communicate()
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def _review_file(tmp_path: Path, assessment) -> tuple[str, Path]:
    from workerimpact.assessment import fingerprint
    from workerimpact.consultation import FindingPosition, Review
    from workerimpact.consultation.exchange import export_review
    from workerimpact.signing.identity import new_identity

    review = Review(
        assessment_id=assessment.id, fingerprint=fingerprint(assessment), reviewers="Local 9"
    )
    review.findings["call-centre-monitoring/covert-recording"] = FindingPosition(
        position="disagree", comment="Nobody was told"
    )
    path = tmp_path / "acme-review.pdf"
    export_review(review, assessment, path, identity=new_identity("Ana Ruiz", "Local 9"))
    return review.id, path


def test_review_import_hands_the_file_to_the_window_that_holds_the_library(
    make_window, qtbot, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    from ui.single_instance import InstanceServer

    window = make_window()
    server = InstanceServer(window.receive_launch, parent=window)
    assert server.listening
    assessment = two_findings()
    run_in_library(qtbot, window, lambda library: library.import_assessment(assessment))
    run_in_library(qtbot, window, lambda library: library.set_status(assessment.id, "final"))
    run_in_library(qtbot, window, lambda library: library.new_revision(assessment.id))
    review_id, path = _review_file(tmp_path, assessment)  # of revision 1: older
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: shown.append((a[1], a[2])))

    done = _command(qtbot, "review", "import", str(path))

    assert done.returncode == 0, done.stderr[-2000:]
    assert "the WorkerImpact window has the library open, so it received acme-review.pdf" in (
        done.stdout
    )
    assert "Ana Ruiz" in done.stdout  # the command checked the signature first
    qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
    title, text = shown[0]
    assert title == "Review attached"
    assert "Ana Ruiz" in text and "older revision" in text
    assert "Assessment: Acme — Pick-Tracker, revision 1." in text
    received = run_in_library(
        qtbot, window, lambda library: library.reviews(assessment.id, received=True)
    )
    assert [review.id for review in received] == [review_id]
    history = run_in_library(
        qtbot, window, lambda library: library.consultation_history(assessment.id, "review")
    )
    assert {entry.who for entry in history} == {"Ana Ruiz, Local 9"}  # who signed the file


def test_review_import_without_a_window_to_answer_says_the_library_is_in_use(
    qtbot, tmp_path, data_home
):
    with Library.open() as library:  # held by something that is not a window
        assessment = library.import_assessment(two_findings())
        _, path = _review_file(tmp_path, assessment)
        done = _command(qtbot, "review", "import", str(path))
        assert library.reviews(assessment.id) == []
    assert done.returncode == 1
    assert done.stderr.startswith("workerimpact:") and "Traceback" not in done.stderr
    assert "open" in done.stderr and "received" not in done.stdout


def test_a_bad_review_file_is_refused_before_anything_is_handed_over(
    make_window, qtbot, tmp_path, monkeypatch
):
    from ui.single_instance import InstanceServer

    window = make_window()
    InstanceServer(window.receive_launch, parent=window)
    opened = []
    monkeypatch.setattr(window, "open_file", lambda file, then=None: opened.append(file))
    assessment = two_findings()
    _, path = _review_file(tmp_path, assessment)
    altered = tmp_path / "altered.pdf"
    altered.write_bytes(path.read_bytes() + b"\n% appended\n")

    done = _command(qtbot, "review", "import", str(altered))

    assert done.returncode == 1 and "altered" in done.stderr, done.stderr[-2000:]
    assert opened == []


def test_double_clicking_a_review_file_while_the_window_runs_attaches_it_there(
    make_window, qtbot, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    from ui.single_instance import InstanceServer

    window = make_window()
    InstanceServer(window.receive_launch, parent=window)
    assessment = two_findings()
    run_in_library(qtbot, window, lambda library: library.import_assessment(assessment))
    review_id, path = _review_file(tmp_path, assessment)
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: shown.append((a[1], a[2])))
    # What a file manager runs on a double-click: ``workerimpact FILE`` (the window's entry).
    process = subprocess.Popen(
        [sys.executable, "-m", "ui", str(path)],
        env={**os.environ, "PYTHONPATH": str(REPOSITORY), "QT_QPA_PLATFORM": "offscreen"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        qtbot.waitUntil(lambda: process.poll() is not None, timeout=30_000)
    finally:
        if process.poll() is None:
            process.kill()  # it opened a second window: the test fails below
            process.wait()
    assert process.returncode == 0
    qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
    assert shown[0][0] == "Review attached" and "older revision" not in shown[0][1]
    received = run_in_library(
        qtbot, window, lambda library: library.reviews(assessment.id, received=True)
    )
    assert [review.id for review in received] == [review_id]
