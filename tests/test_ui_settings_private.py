"""The window's settings (the assessor's name, the last assessment, the language…) are kept in
the data folder, private to the user (0600 in a 0700 folder), and moved there once from the
place versions before 0.2.0 used (Qt's native place, readable by others)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

from ui import window_state

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def private_home(tmp_path, monkeypatch):
    """A real (not WORKERIMPACT_HOME) data folder and a native settings place, both in tmp."""
    monkeypatch.delenv("WORKERIMPACT_HOME", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    QSettings.setPath(
        QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "config")
    )
    os.umask(old := os.umask(0o022))  # the usual umask: files 0644 unless made private
    yield tmp_path
    os.umask(old)
    QSettings.setPath(
        QSettings.Format.NativeFormat,
        QSettings.Scope.UserScope,
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation),
    )


def test_settings_are_written_private_in_the_data_folder(private_home) -> None:
    window_state.set_value(window_state.DEFAULT_ASSESSOR, "Dana Whitfield")
    window_state.set_value(window_state.GEOMETRY, QByteArray(b"\x01\x02geometry"))
    path = window_state.settings_path()
    assert path == private_home / "data" / "WorkerImpact" / "window.ini"
    assert _mode(path) == 0o600
    assert _mode(path.parent) == 0o700
    assert "Dana Whitfield" in path.read_text("utf-8")
    # Qt rewrites the file on each save: it stays private.
    window_state.set_value(window_state.LAST_FOLDER, "/home/dana/reports")
    assert _mode(path) == 0o600
    assert window_state.text(window_state.DEFAULT_ASSESSOR) == "Dana Whitfield"
    assert not (private_home / "config" / "WorkerImpact").exists()


def test_old_settings_are_moved_once_and_removed_from_the_old_place(private_home) -> None:
    old = window_state.legacy_settings()
    old.setValue(window_state.DEFAULT_ASSESSOR, "Sam Rivera")
    old.setValue(window_state.LANGUAGE, "es")
    old.setValue(window_state.GEOMETRY, QByteArray(b"\x00\xffgeometry"))
    old.sync()
    old_file = Path(old.fileName())
    assert old_file.is_file() and old_file.is_relative_to(private_home / "config")
    del old

    assert window_state.text(window_state.DEFAULT_ASSESSOR) == "Sam Rivera"
    assert window_state.text(window_state.LANGUAGE) == "es"
    assert window_state.settings().value(window_state.GEOMETRY) == QByteArray(b"\x00\xffgeometry")
    assert _mode(window_state.settings_path()) == 0o600
    assert not old_file.exists() or not window_state.legacy_settings().allKeys()

    # Once: a later change is not overwritten by anything left in the old place.
    window_state.set_value(window_state.DEFAULT_ASSESSOR, "Sam R.")
    window_state._prepared.clear()  # as in a new process
    assert window_state.text(window_state.DEFAULT_ASSESSOR) == "Sam R."


def test_a_settings_file_left_open_is_made_private(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("WORKERIMPACT_HOME", str(tmp_path / "home"))
    (tmp_path / "home").mkdir(mode=0o700, exist_ok=True)
    path = tmp_path / "home" / "window.ini"
    path.write_text("[defaults]\nassessor=Dana\n", "utf-8")
    path.chmod(0o644)
    assert window_state.text(window_state.DEFAULT_ASSESSOR) == "Dana"
    assert _mode(path) == 0o600
