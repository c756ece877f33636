"""The window tells the user once that their data folder was made private, and shows a
backup that could not be made as a fault, never as "Backup saved"."""

from __future__ import annotations

import pytest
import ui_helpers

pytest.importorskip("PySide6.QtWidgets")

make_window = ui_helpers.make_window


def test_the_window_says_once_that_the_folder_was_made_private(make_window, data_home):
    data_home.chmod(0o755)
    window = make_window()
    assert "private to you" in window.statusBar().currentMessage()
    assert data_home.stat().st_mode & 0o077 == 0


def test_a_failed_backup_is_a_fault_in_the_window(make_window, data_home, monkeypatch, qtbot):
    from workerimpact.storage import Library, StorageFull

    window = make_window()
    shown = []
    monkeypatch.setattr(window, "show_fault", shown.append)

    def full(self):
        raise StorageFull("The backup could not be made: the disk is full.")

    monkeypatch.setattr(Library, "backup", full)
    window.context.fault.disconnect()
    window.context.fault.connect(lambda error, _where: shown.append(error))
    window.backup_now()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert "disk is full" in str(shown[0])
    assert "Backup saved" not in window.statusBar().currentMessage()
