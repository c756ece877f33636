"""Where WorkerImpact keeps its files: the user's data folder and the packaged resources.

The data folder comes from platformdirs; the environment variable ``WORKERIMPACT_HOME``
overrides it (tests and portable installs use it).
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "WorkerImpact"
HOME_VARIABLE = "WORKERIMPACT_HOME"

_PACKAGE_DIR = Path(__file__).resolve().parent
_REPOSITORY_DIR = _PACKAGE_DIR.parent


def data_dir(create: bool = False) -> Path:
    """Return the user's data folder (``$WORKERIMPACT_HOME`` if set), creating it on request.

    A folder created here is private to the user (0700): it holds the assessment library.
    """
    override = os.environ.get(HOME_VARIABLE)
    if override:
        path = Path(override).expanduser().resolve()
    else:
        from platformdirs import user_data_path

        path = user_data_path(APP_NAME, appauthor=False)
    if create:
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def installed_questionnaires_dir(create: bool = False) -> Path:
    """Return the folder where custom questionnaires are installed."""
    path = data_dir(create=create) / "questionnaires"
    if create:
        path.mkdir(parents=True, exist_ok=True)
    return path


def _resource_dir(packaged_name: str, repository_name: str) -> Path:
    # In a wheel, resources are copied into the package; in a source checkout (or an
    # editable install) they sit in the repository's top-level folders.
    packaged = _PACKAGE_DIR / packaged_name
    if packaged.is_dir():
        return packaged
    return _REPOSITORY_DIR / repository_name


def builtin_questionnaires_dir() -> Path:
    """Return the folder holding the built-in questionnaire files."""
    return _resource_dir("builtin_questionnaires", "questionnaires")


def schemas_dir() -> Path:
    """Return the folder holding the published JSON Schemas."""
    return _resource_dir("builtin_schemas", "schemas")


def assets_dir() -> Path:
    """Return the folder holding icons, fonts and the .desktop file."""
    return _resource_dir("assets", "assets")
