"""Contrast: every text colour the window uses reaches 4.5:1 on its background, in the
light, dark and (made readable) system palettes, and View → Theme switches them."""

from __future__ import annotations

import pytest
import ui_helpers
from PySide6.QtWidgets import QApplication, QLabel

make_window = ui_helpers.make_window


@pytest.mark.parametrize("name", ["light", "dark", "system"])
def test_every_text_colour_reaches_aa_contrast(qapp, name):
    from ui import theme

    palette = theme.palette(name)
    failures = []
    for group in theme.GROUPS:
        for text, background in theme.TEXT_PAIRS:
            back = palette.color(group, background)
            ratio = theme.contrast(theme._over(palette.color(group, text), back), back)
            if ratio < theme.AA:
                failures.append(f"{group.name} {text.name} on {background.name}: {ratio:.2f}")
    assert not failures, failures


def test_level_colours_carry_readable_text():
    from ui import theme
    from ui.levels import LEVEL_ORDER, level_fill, text_on

    for level in (*LEVEL_ORDER, None):
        fill = level_fill(level)
        assert theme.contrast(text_on(fill), fill) >= theme.AA, level


def test_the_theme_menu_switches_and_is_remembered(make_window, qtbot):
    from ui import theme

    window = make_window()
    dark = window.findChild(type(window.actions["quit"]), "theme_dark")
    dark.trigger()
    assert QApplication.instance().palette().color(theme.Role.Window).name() == "#2b2b2b"
    assert theme.current() == "dark"
    welcome = window.library_page.findChild(QLabel, "first_run_note")
    background = welcome.palette().color(welcome.backgroundRole())
    ink = welcome.palette().color(welcome.foregroundRole())
    assert theme.contrast(ink, background) >= theme.AA
    window.findChild(type(dark), "theme_system").trigger()
    assert theme.current() == "system"


def test_switching_to_dark_with_an_assessment_open_keeps_every_text_readable(make_window, qtbot):
    """Seen in the real window: after View → Theme → Dark the section names in the tree
    kept the light theme's dark ink (on the dark base), and the answer boxes, which have a
    style sheet for their focus frame, stayed white."""
    from PySide6.QtCore import Qt
    from ui_helpers import create_assessment, open_assessment

    from ui import theme
    from ui.question_widgets import PlainText

    window = make_window()
    open_assessment(qtbot, window, create_assessment(qtbot, window, ("health-safety",)))
    navigator = window.assessment_page.editor.navigator
    window.findChild(type(window.actions["quit"]), "theme_dark").trigger()
    QApplication.processEvents()
    base = navigator.palette().color(theme.Role.Base)
    checked = 0
    for top in range(navigator.topLevelItemCount()):
        parent = navigator.topLevelItem(top)
        for row in range(parent.childCount()):
            item = parent.child(row)
            brush = item.data(0, Qt.ItemDataRole.ForegroundRole)
            ink = brush.color() if brush is not None else navigator.palette().color(theme.Role.Text)
            assert theme.contrast(ink, base) >= theme.AA, item.text(0)
            checked += 1
    assert checked
    boxes = window.assessment_page.findChildren(PlainText)
    assert boxes
    for box in boxes:
        viewport = box.viewport()
        background = viewport.palette().color(viewport.backgroundRole())
        assert background.lightness() < 128, background.name()
    window.findChild(type(window.actions["quit"]), "theme_system").trigger()
