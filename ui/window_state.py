"""QSettings for window state and preferences only (assessments live in the SQLite library).

With ``WORKERIMPACT_HOME`` set (portable installs, tests) the settings file sits in that
folder, so nothing is written to the user's real configuration.
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


def settings() -> QSettings:
    """The application's settings store."""
    home = os.environ.get("WORKERIMPACT_HOME")
    if home:
        return QSettings(str(Path(home) / "window.ini"), QSettings.Format.IniFormat)
    return QSettings()


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
