"""The keyboard focus is always drawn, in the window and every dialog.

Qt's styles draw the focus only in a window marked as having had its focus moved by the
keyboard (``WA_KeyboardFocusChange``), and Qt removes that mark on any other focus change:
a click, a menu closing, a dialog opening. Someone working from the keyboard then loses
sight of the focus in every new dialog. Here every focus change marks its window again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

_connected_to: QApplication | None = None


def _keyboard_focus_follows(_old, new) -> None:
    """The focus is always drawn, in every window and dialog: the style draws it only in a
    window marked as moved by keyboard, which Qt unmarks on any other focus change (a
    click, a menu closing, a dialog opening), so every focus change marks it again."""
    if new is None:
        return
    window = new.window()
    if not window.testAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange):
        window.setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange)
        new.update()


def always_draw_focus(window: QWidget) -> None:
    """Mark ``window`` now, and every window the focus moves into from now on."""
    global _connected_to
    app = QApplication.instance()
    if _connected_to is not app:
        app.focusChanged.connect(_keyboard_focus_follows)
        _connected_to = app
    window.setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange)
