"""The layout checks of ``test_ui_layout`` again with the window in Spanish: the longer
Spanish labels and the Spanish questionnaire text must fit the column too."""

from __future__ import annotations

import pytest
import ui_helpers
from PySide6.QtWidgets import QApplication
from test_ui_layout import (
    test_every_builtin_section_fits_its_column,
    test_long_section_names_wrap_in_the_tree,
)

from ui import i18n

make_window = ui_helpers.make_window

__all__ = ["test_every_builtin_section_fits_its_column", "test_long_section_names_wrap_in_the_tree"]


@pytest.fixture(autouse=True)
def spanish(qapp):
    assert i18n.install(QApplication.instance(), "es") == "es"
    yield
    i18n.remove(QApplication.instance())


def test_the_window_is_in_spanish_here(make_window, qtbot):
    window = make_window()
    assert i18n.current_language() == "es"
    assert window.tr("Export PDF report") == "Exportar informe PDF"
