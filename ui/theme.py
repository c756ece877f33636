"""View → Theme: the system's colours, or WorkerImpact's light or dark palette.

Both palettes are checked in ``tests/test_ui_theme.py``: every text colour against every
background it is drawn on reaches WCAG AA (4.5:1), disabled and placeholder text included.
"System colours" is the style's palette with any text colour too faint for 4.5:1 made
darker (or lighter). The choice is a window preference, kept in QSettings.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup, QColor, QPalette
from PySide6.QtWidgets import QApplication, QMenu

from ui import window_state

THEME = "interface/theme"
THEMES = ("system", "light", "dark")

Role = QPalette.ColorRole
Group = QPalette.ColorGroup

_LIGHT = {
    Role.Window: "#efefef",
    Role.WindowText: "#1a1a1a",
    Role.Base: "#ffffff",
    Role.AlternateBase: "#f3f3f3",
    Role.Text: "#1a1a1a",
    Role.Button: "#e6e6e6",
    Role.ButtonText: "#1a1a1a",
    Role.BrightText: "#ffffff",
    Role.Highlight: "#2a5db0",
    Role.HighlightedText: "#ffffff",
    Role.ToolTipBase: "#ffffe1",
    Role.ToolTipText: "#1a1a1a",
    Role.PlaceholderText: "#5f5f5f",
    Role.Link: "#1a55ad",
    Role.LinkVisited: "#6a3aa0",
    Role.Light: "#ffffff",
    Role.Midlight: "#f5f5f5",
    Role.Mid: "#b8b8b8",
    Role.Dark: "#9a9a9a",
    Role.Shadow: "#6f6f6f",
}
_LIGHT_DISABLED = {
    Role.WindowText: "#5f5f5f",
    Role.Text: "#5f5f5f",
    Role.ButtonText: "#5f5f5f",
    Role.Highlight: "#8a8a8a",
    Role.HighlightedText: "#000000",
}

_DARK = {
    Role.Window: "#2b2b2b",
    Role.WindowText: "#eeeeee",
    Role.Base: "#1e1e1e",
    Role.AlternateBase: "#262626",
    Role.Text: "#eeeeee",
    Role.Button: "#353535",
    Role.ButtonText: "#eeeeee",
    Role.BrightText: "#ffffff",
    Role.Highlight: "#2f65b8",
    Role.HighlightedText: "#ffffff",
    Role.ToolTipBase: "#3a3a3a",
    Role.ToolTipText: "#eeeeee",
    Role.PlaceholderText: "#a8a8a8",
    Role.Link: "#8ab4f8",
    Role.LinkVisited: "#c7a4f5",
    Role.Light: "#4a4a4a",
    Role.Midlight: "#404040",
    Role.Mid: "#5a5a5a",
    Role.Dark: "#181818",
    Role.Shadow: "#000000",
}
_DARK_DISABLED = {
    Role.WindowText: "#a8a8a8",
    Role.Text: "#a8a8a8",
    Role.ButtonText: "#a8a8a8",
    Role.Highlight: "#555555",
    Role.HighlightedText: "#ffffff",
}


TEXT_PAIRS = (
    (Role.WindowText, Role.Window),
    (Role.WindowText, Role.AlternateBase),
    (Role.Text, Role.Base),
    (Role.Text, Role.AlternateBase),
    (Role.ButtonText, Role.Button),
    (Role.HighlightedText, Role.Highlight),
    (Role.PlaceholderText, Role.Base),
    (Role.PlaceholderText, Role.Window),
    (Role.ToolTipText, Role.ToolTipBase),
    (Role.Link, Role.Base),
    (Role.LinkVisited, Role.Base),
)
"""Every (text, background) pair the window draws text with."""
GROUPS = (Group.Active, Group.Inactive, Group.Disabled)
AA = 4.5


def readable(source: QPalette) -> QPalette:
    """``source`` with any text colour that misses 4.5:1 on its background moved toward
    black or white until it reaches it (the system palette's faint placeholder and
    disabled text, for instance)."""
    result = QPalette(source)
    for group in GROUPS:
        for text, background in TEXT_PAIRS:
            back = result.color(group, background)
            colour = _over(result.color(group, text), back)
            target = QColor("#000000") if _luminance(back) > 0.18 else QColor("#ffffff")
            step = 0.0
            mixed = colour
            while contrast(mixed, back) < AA and step < 1.0:
                step += 0.05
                mixed = QColor.fromRgbF(
                    colour.redF() + (target.redF() - colour.redF()) * step,
                    colour.greenF() + (target.greenF() - colour.greenF()) * step,
                    colour.blueF() + (target.blueF() - colour.blueF()) * step,
                )
            if mixed != result.color(group, text):
                result.setColor(group, text, mixed)
    return result


def _over(colour: QColor, background: QColor) -> QColor:
    """A translucent colour as it shows on ``background`` (the style's placeholder text is
    the text colour at half opacity)."""
    alpha = colour.alphaF()
    return QColor.fromRgbF(
        colour.redF() * alpha + background.redF() * (1 - alpha),
        colour.greenF() * alpha + background.greenF() * (1 - alpha),
        colour.blueF() * alpha + background.blueF() * (1 - alpha),
    )


def palette(name: str) -> QPalette:
    """WorkerImpact's ``light`` or ``dark`` palette, or the system's made readable."""
    if name == "system":
        return readable(QApplication.style().standardPalette())
    colours, disabled = (_DARK, _DARK_DISABLED) if name == "dark" else (_LIGHT, _LIGHT_DISABLED)
    result = QPalette()
    for role, colour in colours.items():
        result.setColor(role, QColor(colour))
    for role, colour in disabled.items():
        result.setColor(Group.Disabled, role, QColor(colour))
    return result


def current() -> str:
    """The theme chosen in View → Theme (``system`` by default)."""
    name = window_state.text(THEME, "system")
    return name if name in THEMES else "system"


def apply(name: str | None = None) -> None:
    """Use a theme now (``None``: the one chosen before)."""
    app = QApplication.instance()
    if app is None:
        return
    app.setPalette(palette(name or current()))
    # A widget with a style sheet keeps the palette it was polished with: polish it again,
    # or a text field stays white in the dark theme.
    for widget in app.allWidgets():
        if widget.styleSheet():
            widget.setStyleSheet(widget.styleSheet())


def add_menu(parent_menu: QMenu) -> QMenu:
    """Add View → Theme (System, Light, Dark) to ``parent_menu``."""
    menu = parent_menu.addMenu(QApplication.translate("Theme", "&Theme"))
    menu.setObjectName("theme_menu")
    group = QActionGroup(menu)
    group.setExclusive(True)
    titles = {
        "system": QApplication.translate("Theme", "&System colours"),
        "light": QApplication.translate("Theme", "&Light"),
        "dark": QApplication.translate("Theme", "&Dark"),
    }
    chosen = current()
    for name in THEMES:
        action = QAction(titles[name], menu)
        action.setObjectName(f"theme_{name}")
        action.setCheckable(True)
        action.setChecked(name == chosen)
        action.triggered.connect(lambda _checked=False, name=name: choose(name))
        group.addAction(action)
        menu.addAction(action)
    return menu


def choose(name: str) -> None:
    """Switch to a theme and remember it."""
    window_state.set_value(THEME, name)
    apply(name)


def _luminance(colour: QColor) -> float:
    """WCAG relative luminance."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(first: QColor, second: QColor) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
