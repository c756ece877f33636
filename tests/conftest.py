"""Shared test set-up: Qt runs offscreen, and every test gets its own empty data folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Must be set before any Qt import, or Qt aborts on a machine without a screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPOSITORY = Path(__file__).resolve().parent.parent
EXAMPLE_QUESTIONNAIRE = REPOSITORY / "docs" / "examples" / "call-centre-monitoring.json"


@pytest.fixture(autouse=True)
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty WORKERIMPACT_HOME for each test, so no test touches the user's data."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("WORKERIMPACT_HOME", str(home))
    return home
