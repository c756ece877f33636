"""QSettings for window state and preferences only (assessments live in the SQLite library).

With ``WORKERIMPACT_HOME`` set (portable installs, tests) the settings file sits in that
folder, so nothing is written to the user's real configuration.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings

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
