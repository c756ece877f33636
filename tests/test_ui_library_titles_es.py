"""The window's library list in Spanish shows each questionnaire's Spanish title."""

from __future__ import annotations

import pytest
import ui_helpers
from PySide6.QtWidgets import QApplication
from test_i18n_titles import SPANISH, _library_with_builtins

from ui import i18n
from ui.library_model import COLUMNS

make_window = ui_helpers.make_window


@pytest.fixture
def spanish(qapp):
    from ui.app import application

    application()  # its own start-up choice first, then Spanish
    assert i18n.install(QApplication.instance(), "es") == "es"
    yield
    i18n.remove(QApplication.instance())


def _shown_titles(window, qtbot) -> str:
    page = window.library_page
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.refresh()  # the list re-read (after a change) keeps the same titles
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    return page.model.index(0, COLUMNS.index("questionnaires")).data()


def test_the_library_list_shows_spanish_titles_in_a_spanish_window(spanish, make_window, qtbot):
    _library_with_builtins()
    shown = _shown_titles(make_window(), qtbot)
    for english, spanish_title in SPANISH.items():
        assert spanish_title in shown
        assert english not in shown


def test_the_library_list_keeps_english_titles_in_an_english_window(make_window, qtbot):
    _library_with_builtins()
    shown = _shown_titles(make_window(), qtbot)
    assert all(english in shown for english in SPANISH)


def test_the_stage_beside_the_status_reads_in_spanish(spanish, make_window, qtbot, tmp_path):
    # The header said "Borrador · Pilot": the stage was looked up in the wrong context.
    ui_helpers.install_all_types(tmp_path)
    window = make_window()
    assessment_id = ui_helpers.create_assessment(qtbot, window, stage="pilot")
    ui_helpers.open_assessment(qtbot, window, assessment_id)
    status = window.assessment_page.status.text()
    assert "Prueba piloto" in status and "Pilot" not in status, status
