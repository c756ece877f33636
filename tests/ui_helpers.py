"""Shared pieces of the window tests: a questionnaire with every question type, and
fixtures that start the real window on the test's empty data folder."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

ALL_TYPES = {
    "format": "workerimpact-questionnaire/1",
    "id": "all-types",
    "version": "1.0.0",
    "title": "Every question type",
    "dimensions": [{"id": "pace", "title": "Work pace"}, {"id": "notice", "title": "Notice"}],
    "sections": [
        {
            "id": "basics",
            "title": "The basics",
            "questions": [
                {
                    "id": "tracked",
                    "type": "yes_no",
                    "text": "Does the system track each worker's pick rate?",
                    "help": "Yes if rates are recorded per person, even for a day.",
                    "source": "NLRB GC 23-02 (2022)",
                    "required": True,
                    "dimension": "pace",
                    "role": "risk",
                    "options": [
                        {"id": "yes", "label": "Yes", "score": 3},
                        {"id": "no", "label": "No", "score": 0},
                    ],
                },
                {
                    "id": "notice",
                    "type": "single_choice",
                    "text": "Were workers told in writing before tracking started?",
                    "required": True,
                    "show_if": {"op": "in", "question": "tracked", "options": ["yes"]},
                    "dimension": "notice",
                    "role": "mitigation",
                    "options": [
                        {"id": "advance", "label": "Yes, in advance", "score": 2},
                        {"id": "after", "label": "Only afterwards", "score": 1},
                        {"id": "never", "label": "No", "score": 0},
                    ],
                },
                {
                    "id": "uses",
                    "type": "multiple_choice",
                    "text": "What are the rates used for?",
                    "dimension": "pace",
                    "role": "risk",
                    "options": [
                        {"id": "coaching", "label": "Coaching", "score": 1},
                        {"id": "discipline", "label": "Discipline", "score": 4},
                        {"id": "none", "label": "None of these", "score": 0, "exclusive": True},
                    ],
                },
                {
                    "id": "pressure",
                    "type": "scale",
                    "text": "How much pressure do targets create?",
                    "dimension": "pace",
                    "role": "risk",
                    "options": [
                        {"id": "1", "label": "None", "score": 0},
                        {"id": "2", "label": "Some", "score": 1},
                        {"id": "3", "label": "A lot", "score": 2},
                    ],
                },
            ],
        },
        {
            "id": "details",
            "title": "Details",
            "questions": [
                {
                    "id": "workers",
                    "type": "number",
                    "text": "How many workers are tracked?",
                    "minimum": 0,
                    "maximum": 100000,
                    "unit": "workers",
                },
                {"id": "started", "type": "date", "text": "When did tracking start?"},
                {"id": "notes", "type": "text", "text": "Anything else?"},
            ],
        },
    ],
    "rules": [
        {
            "id": "tracked-without-notice",
            "condition": {
                "op": "all",
                "of": [
                    {"op": "in", "question": "tracked", "options": ["yes"]},
                    {"op": "in", "question": "notice", "options": ["never"]},
                ],
            },
            "severity": "severe",
            "title": "Workers are tracked without notice",
            "explanation": "Rates are tracked per person and nobody was told.",
            "recommendation": "Tell every worker in writing what is tracked and why.",
            "source": "NY Civil Rights Law §52-c",
            "dimension": "notice",
            "minimum_level": "severe",
        }
    ],
}


def write_questionnaire(folder: Path, data: dict | None = None, name: str = "q.json") -> Path:
    path = folder / name
    path.write_text(json.dumps(data or ALL_TYPES), encoding="utf-8")
    return path


def install_all_types(tmp_path: Path) -> None:
    from workerimpact.catalog import install_questionnaire

    install_questionnaire(write_questionnaire(tmp_path))


def run_in_library(qtbot, window, operation):
    """Run ``operation(library)`` on the window's library thread and return its value."""
    box = {}
    window.context.run(operation, lambda value: box.setdefault("value", value))
    qtbot.waitUntil(lambda: "value" in box, timeout=10_000)
    return box["value"]


def create_assessment(qtbot, window, questionnaire_ids=("all-types",), **metadata) -> str:
    """Create an assessment through the library (on its thread) and return its id."""
    from workerimpact.assessment import Metadata
    from workerimpact.catalog import resolve_questionnaires

    questionnaires = resolve_questionnaires(list(questionnaire_ids))
    fields = {"organization": "Northwind Logistics", "system": "PickRate Pro", **metadata}
    return run_in_library(
        qtbot, window, lambda library: library.create(questionnaires, Metadata(**fields)).id
    )


def open_assessment(qtbot, window, assessment_id: str) -> None:
    with qtbot.waitSignal(window.controller.opened, timeout=10_000):
        window.open_assessment(assessment_id)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.assessment_page)


def wait_saved(qtbot, window) -> None:
    """Wait until every queued library call has been run and delivered."""
    qtbot.waitUntil(lambda: window.tasks.pending == 0, timeout=10_000)


def card(window, question_id: str):
    return window.assessment_page.editor.sections.card(question_id)


def accept_dialog(monkeypatch, dialog_class, fill=None) -> list:
    """Make ``dialog_class.exec`` fill the dialog and accept it; returns the dialogs seen."""
    seen = []

    def exec_(self):
        seen.append(self)
        if fill is not None:
            fill(self)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(dialog_class, "exec", exec_)
    return seen


@pytest.fixture
def make_window(qtbot):
    """Start the real main window and wait until its library is shown."""
    windows = []

    def make(arguments: list[str] | None = None):
        from ui.app import application
        from ui.main_window import MainWindow

        application()
        window = MainWindow(open_path=(arguments or [None])[0])
        qtbot.addWidget(window)
        windows.append(window)
        window.show()
        with qtbot.waitSignal(window.ready, timeout=15_000):
            window.start()
        return window

    yield make
    # Closing asks before losing unsaved answers; a test's teardown must never wait on a
    # modal question nobody will answer (under load a late save could leave one pending).
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            QMessageBox, "warning", staticmethod(lambda *args: QMessageBox.StandardButton.Discard)
        )
        for window in windows:
            if window.isVisible():
                window.close()


@pytest.fixture
def window(make_window, tmp_path):
    """The window, with the every-type questionnaire installed."""
    install_all_types(tmp_path)
    return make_window()


@pytest.fixture(params=["en", "es"])
def language(request, qapp):
    """Run a check in both languages the window speaks (Spanish Alt letters clashed where
    the English ones did not): the window's translators installed for "es", removed after."""
    from PySide6.QtWidgets import QApplication

    from ui import i18n
    from ui.app import application

    if request.param == "en":
        yield "en"
        return
    application()
    assert i18n.install(QApplication.instance(), "es") == "es"
    yield "es"
    i18n.remove(QApplication.instance())


def mnemonic(text: str) -> str | None:
    """The Alt letter of a control's text (``&&`` is a literal ampersand)."""
    match = re.search(r"(?<!&)(?:&&)*&([^&])", text)
    return match.group(1).lower() if match else None
