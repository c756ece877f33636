"""QSettings for window state and preferences only (assessments live in the SQLite library).

The settings (the assessor's name, the organization, the last assessment and folder, the
language, the theme, the window's place) say who uses WorkerImpact and on what, so they
are kept with the library: an INI file ``window.ini`` in the data folder (0700; platformdirs,
or ``WORKERIMPACT_HOME`` for portable installs and tests), private to the user (0600). A
version before 0.2.0 kept them in Qt's native place (on Linux ``~/.config/WorkerImpact``,
readable by others); they are moved from there once, the first time, and removed there.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

GEOMETRY = "window/geometry"
STATE = "window/state"
EDITOR_SPLITTER = "window/editor_splitter"
LAST_ASSESSMENT = "session/last_assessment"
LAST_FOLDER = "session/last_folder"
DEFAULT_ORGANIZATION = "defaults/organization"
DEFAULT_ASSESSOR = "defaults/assessor"
DEFAULT_ROLE = "defaults/role"
LANGUAGE = "interface/language"

SETTINGS_FILE = "window.ini"
APP_NAME = "WorkerImpact"

_prepared: set[Path] = set()
"""Settings files made private (and moved from the old place) in this process."""


def settings_path() -> Path:
    """Where the settings are kept: ``window.ini`` in the data folder."""
    from workerimpact.paths import data_dir

    return data_dir() / SETTINGS_FILE


def settings() -> QSettings:
    """The application's settings store (see the module docstring)."""
    path = settings_path()
    if path not in _prepared:
        _prepare(path)
        _prepared.add(path)
    return QSettings(str(path), QSettings.Format.IniFormat)


def legacy_settings() -> QSettings:
    """Where versions before 0.2.0 kept the settings: Qt's native place for the user."""
    legacy = QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, APP_NAME, APP_NAME)
    legacy.setFallbacksEnabled(False)
    return legacy


def _prepare(path: Path) -> None:
    """Make the settings file private; the first time, move the old settings into it."""
    from workerimpact.paths import HOME_VARIABLE, data_dir
    from workerimpact.storage.privacy import create_private, restrict_file

    try:
        data_dir(create=True)  # created 0700; an existing one is tightened by the library
        # Created private before Qt writes it (never through a link); Qt's save keeps an
        # existing file's mode. One left open by an older version is narrowed.
        os.close(create_private(path))
        new = True
    except FileExistsError:
        new = False
        restrict_file(path)
    except OSError:  # a read-only or foreign folder: the settings still work as Qt can
        return
    # A portable or test home never read the user's own settings: nothing to move there.
    if new and not os.environ.get(HOME_VARIABLE):
        _move_legacy(path)


def _move_legacy(path: Path) -> None:
    legacy = legacy_settings()
    keys = legacy.allKeys()
    if not keys:
        return
    target = QSettings(str(path), QSettings.Format.IniFormat)
    for key in keys:
        target.setValue(key, legacy.value(key))
    target.sync()
    if target.status() != QSettings.Status.NoError:
        return  # keep the old ones rather than lose them
    old_file = Path(legacy.fileName())
    legacy.clear()
    legacy.sync()
    if old_file.is_file() and old_file.stat().st_size == 0:
        old_file.unlink(missing_ok=True)


def text(key: str, default: str = "") -> str:
    """A string setting."""
    value = settings().value(key, default)
    return value if isinstance(value, str) else default


def set_value(key: str, value: object) -> None:
    """Store a setting."""
    settings().setValue(key, value)


DEFAULT_SIZE = (1280, 800)


def place(window) -> None:
    """Give ``window`` its remembered size and place, fitted to the screen it opens on;
    the first time, a comfortable size that leaves room for the title bar and panels."""
    geometry = settings().value(GEOMETRY)
    restored = isinstance(geometry, QByteArray) and window.restoreGeometry(geometry)
    screen = window.screen()
    if screen is None:
        return
    available = screen.availableGeometry()
    if not restored:
        # About 40 px for the window manager's title bar and frame.
        width = min(DEFAULT_SIZE[0], available.width() - 16)
        height = min(DEFAULT_SIZE[1], available.height() - 40)
        window.resize(max(width, 200), max(height, 200))
        window.move(
            available.x() + (available.width() - window.width()) // 2,
            available.y() + max(0, (available.height() - 40 - window.height()) // 2),
        )
    else:
        keep_on_screen(window)


def keep_on_screen(window) -> None:
    """Shrink and move ``window`` (with its frame, once shown) into its screen's available
    area: no title bar, button or status bar beyond the edge."""
    if window.isMaximized() or window.isFullScreen():
        return
    screen = window.screen()
    if screen is None:
        return
    available = screen.availableGeometry()
    frame = window.frameGeometry()
    extra_width = frame.width() - window.width()
    extra_height = frame.height() - window.height()
    width = min(window.width(), available.width() - extra_width)
    height = min(window.height(), available.height() - extra_height)
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
        frame = window.frameGeometry()
    x = min(max(frame.x(), available.x()), available.right() + 1 - frame.width())
    y = min(max(frame.y(), available.y()), available.bottom() + 1 - frame.height())
    if (x, y) != (frame.x(), frame.y()):
        window.move(x, y)
