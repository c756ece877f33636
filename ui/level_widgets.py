"""Small painted widgets for levels: a badge and a score bar, each with the level in words."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from ui.levels import level_fill, level_name, score_words, text_on


class LevelBadge(QLabel):
    """The level written on its color (``Severe`` on red), so color is never alone."""

    def __init__(self, parent: QWidget | None = None, *, large: bool = False):
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAutoFillBackground(True)
        self.setMargin(6 if large else 2)
        if large:
            font = self.font()
            font.setPointSizeF(font.pointSizeF() * 1.4)
            font.setBold(True)
            self.setFont(font)
        self.set_level(None, None)

    def set_level(self, level: str | None, score: float | None) -> None:
        fill = level_fill(level)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, fill)
        palette.setColor(QPalette.ColorRole.WindowText, text_on(fill))
        self.setPalette(palette)
        text = score_words(level, score)
        self.setText(f" {text} ")
        self.setAccessibleName(text)


class ScoreBar(QWidget):
    """A horizontal bar: its length is the score, its color the level (named beside it)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._score: float | None = None
        self._level: str | None = None

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(120, max(10, self.fontMetrics().height() // 2 + 4))

    def set_score(self, level: str | None, score: float | None) -> None:
        if (level, score) != (self._level, self._score):
            self._level, self._score = level, score
            self.setAccessibleName(score_words(level, score))
            self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        track = self.palette().color(QPalette.ColorRole.Mid)
        track.setAlpha(90)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(track)
        radius = rect.height() / 2
        painter.drawRoundedRect(rect, radius, radius)
        if self._score is not None or self._level is not None:
            fraction = max(0.02, min(1.0, (self._score or 0.0) / 100.0))
            filled = QRectF(rect.x(), rect.y(), rect.width() * fraction, rect.height())
            painter.setBrush(level_fill(self._level))
            painter.drawRoundedRect(filled, radius, radius)
        painter.end()


def level_icon(level: str | None, size: int = 12) -> QIcon:
    """A small square of the level's color (always shown beside the level's name)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor(0, 0, 0, 60))
    painter.setBrush(level_fill(level))
    painter.drawRoundedRect(QRectF(0.5, 0.5, size - 1, size - 1), 3, 3)
    painter.end()
    return QIcon(pixmap)


__all__ = ["LevelBadge", "ScoreBar", "level_icon", "level_name"]
