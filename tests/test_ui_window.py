"""The window itself: it fits the screen it opens on, and a second launch hands its file
to the window already running instead of opening a second one."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import ui_helpers
from PySide6.QtWidgets import QApplication
from ui_helpers import create_assessment, run_in_library

make_window = ui_helpers.make_window
REPOSITORY = Path(__file__).resolve().parent.parent


def _inside(window) -> bool:
    available = window.screen().availableGeometry()
    return available.contains(window.frameGeometry())


def test_the_first_window_fits_the_screen(make_window, qtbot):
    window = make_window()
    assert _inside(window)
    assert window.width() <= 1280 and window.height() <= 800


def test_a_remembered_size_too_big_for_this_screen_is_fitted(make_window, qtbot):
    first = make_window()
    available = first.screen().availableGeometry()
    first.setGeometry(0, 0, available.width() + 400, available.height() + 300)
    first.close()
    second = make_window()
    assert _inside(second)


def test_a_second_launch_hands_its_file_to_the_running_window(
    make_window, qtbot, tmp_path, monkeypatch
):
    from ui.single_instance import InstanceServer
    from workerimpact.assessment import save_assessment

    ui_helpers.install_all_types(tmp_path)
    window = make_window()
    server = InstanceServer(window.receive_launch, parent=window)
    assert server.listening
    assessment_id = create_assessment(qtbot, window)
    assessment = run_in_library(qtbot, window, lambda library: library.get(assessment_id))
    path = tmp_path / "theirs.json"
    save_assessment(assessment.model_copy(update={"id": "f" * 32}), path)
    opened = []
    monkeypatch.setattr(window, "open_file", lambda file, then=None: opened.append(file))
    # The real second launch: ``workerimpact FILE`` in another process, from another folder.
    launch = subprocess.Popen(
        [sys.executable, "-m", "ui", path.name],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(REPOSITORY), "QT_QPA_PLATFORM": "offscreen"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        qtbot.waitUntil(lambda: launch.poll() is not None, timeout=30_000)
    finally:
        if launch.poll() is None:
            launch.kill()  # it opened a second window: the test fails below
            launch.wait()
    assert launch.returncode == 0, launch.stderr.read().decode()[-2000:]
    assert opened == [str(path.resolve())]
    assert len([w for w in QApplication.topLevelWidgets() if w.isVisible()]) >= 1


def test_a_launch_message_that_is_not_ours_is_ignored(make_window, qtbot):
    from PySide6.QtNetwork import QLocalSocket

    from ui.single_instance import InstanceServer, server_name

    received = []
    window = make_window()
    InstanceServer(received.append, parent=window)
    socket = QLocalSocket()
    socket.connectToServer(server_name())
    assert socket.waitForConnected(2000)
    socket.write(b"\x00\xffnot json\n")
    socket.flush()
    qtbot.waitUntil(lambda: socket.state() == QLocalSocket.LocalSocketState.UnconnectedState)
    assert received == []


def test_at_800_by_600_every_library_column_is_on_screen(make_window, qtbot, tmp_path):
    ui_helpers.install_all_types(tmp_path)
    window = make_window()
    create_assessment(qtbot, window, organization="Northwind Logistics")
    window.show_library()
    window.resize(800, 600)
    table = window.library_page.table
    qtbot.waitUntil(lambda: table.isVisible() and table.model().rowCount() == 1)
    qtbot.waitUntil(lambda: 400 < table.viewport().width() < 800)
    QApplication.processEvents()
    header = table.horizontalHeader()
    right = max(header.sectionViewportPosition(c) + header.sectionSize(c) for c in range(8))
    assert right <= table.viewport().width()
    assert table.horizontalScrollBar().maximum() == 0
    widths = [header.sectionSize(column) for column in range(header.count())]
    assert min(widths) >= 56, widths
    questionnaires = header.sectionSize(3)
    assert questionnaires >= 100, "the Questionnaires column must be readable"
