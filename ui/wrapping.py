"""Widgets that never make a question wider than its column.

``FlowLayout`` lays its items in rows and starts a new row when the next item does not fit
(Qt's flow-layout example, with height-for-width). ``WrapRadioButton`` and
``WrapCheckBox`` are ordinary radio buttons and check boxes whose text wraps onto more
lines when the column is narrow, instead of being cut or widening the page. They draw a
clear focus frame around their text whenever they have the keyboard focus.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QLayout,
    QLayoutItem,
    QRadioButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QWidget,
)

_TEXT_FLAGS = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter) | int(
    Qt.TextFlag.TextWordWrap
)
_PAD = 3  # room for the focus frame around the text


class FlowLayout(QLayout):
    """Items left to right, wrapping onto new rows; an item wider than a row gets the row."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 14, line_spacing: int = 4):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self._line_spacing = line_spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt API
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt API
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt API
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt API
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt API
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt API
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt API
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        width = 0
        height = 0
        for item in self._visible():
            hint = item.sizeHint()
            width += hint.width() + (self._spacing if width else 0)
            height = max(height, hint.height())
        margins = self.contentsMargins()
        return QSize(
            width + margins.left() + margins.right(), height + margins.top() + margins.bottom()
        )

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt API
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _visible(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _arrange(self, rect: QRect, apply: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, row_height = area.x(), area.y(), 0
        for item in self._visible():
            hint = item.sizeHint()
            width = min(hint.width(), area.width())
            height = hint.height()
            if width < hint.width() and item.hasHeightForWidth():
                height = item.heightForWidth(width)
            if x > area.x() and x + width > area.right() + 1:
                x = area.x()
                y += row_height + self._line_spacing
                row_height = 0
            if apply:
                item.setGeometry(QRect(QPoint(x, y), QSize(width, height)))
            x += width + self._spacing
            row_height = max(row_height, height)
        return y + row_height - rect.y() + margins.bottom()


class _WrapTextButton:
    """Shared drawing and sizing of a check box or radio button whose text wraps."""

    _indicator_metric: QStyle.PixelMetric
    _spacing_metric: QStyle.PixelMetric
    _indicator_element: QStyle.PrimitiveElement

    def _setup(self) -> None:
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _indicator(self) -> int:
        return self.style().pixelMetric(self._indicator_metric, None, self)

    def _text_left(self) -> int:
        return self._indicator() + self.style().pixelMetric(self._spacing_metric, None, self)

    def _text_height(self, width: int) -> int:
        bound = self.fontMetrics().boundingRect(
            QRect(0, 0, max(width, 1), 100_000), _TEXT_FLAGS, self.text()
        )
        return bound.height()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        text_width = self.fontMetrics().horizontalAdvance(self.text())
        height = max(self._indicator(), self.fontMetrics().height())
        return QSize(self._text_left() + text_width + 2 * _PAD + 1, height + 2 * _PAD)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        words = self.text().split() or [""]
        widest = max(self.fontMetrics().horizontalAdvance(word) for word in words)
        widest = min(widest, 12 * self.fontMetrics().averageCharWidth())
        width = self._text_left() + widest + 2 * _PAD + 1
        return QSize(width, self.heightForWidth(width))

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt API
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt API
        text_width = width - self._text_left() - 2 * _PAD
        return max(self._indicator(), self._text_height(text_width)) + 2 * _PAD

    def hitButton(self, pos: QPoint) -> bool:  # noqa: N802 - Qt API
        return self.rect().contains(pos)

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        indicator = self._indicator()
        top = _PAD + max(0, (self.fontMetrics().height() - indicator) // 2)
        option.rect = QRect(0, top, indicator, indicator)
        self.style().drawPrimitive(self._indicator_element, option, painter, self)
        text_rect = QRect(
            self._text_left() + _PAD, _PAD, self.width() - self._text_left() - 2 * _PAD, 0
        )
        text_rect.setHeight(self.height() - 2 * _PAD)
        self.style().drawItemText(
            painter,
            text_rect,
            _TEXT_FLAGS,
            self.palette(),
            self.isEnabled(),
            self.text(),
            self.foregroundRole(),
        )
        if self.hasFocus():
            pen = QPen(self.palette().highlight().color(), 2)
            painter.setPen(pen)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            used = self.fontMetrics().boundingRect(text_rect, _TEXT_FLAGS, self.text())
            frame = used.adjusted(-_PAD + 1, -_PAD + 1, _PAD - 1, _PAD - 1)
            painter.drawRoundedRect(frame, 3, 3)
        painter.end()


class WrapRadioButton(_WrapTextButton, QRadioButton):
    """A radio button whose text wraps."""

    _indicator_metric = QStyle.PixelMetric.PM_ExclusiveIndicatorWidth
    _spacing_metric = QStyle.PixelMetric.PM_RadioButtonLabelSpacing
    _indicator_element = QStyle.PrimitiveElement.PE_IndicatorRadioButton

    def __init__(self, text: str, parent: QWidget | None = None):
        QRadioButton.__init__(self, text, parent)
        self._setup()


class WrapCheckBox(_WrapTextButton, QCheckBox):
    """A check box whose text wraps."""

    _indicator_metric = QStyle.PixelMetric.PM_IndicatorWidth
    _spacing_metric = QStyle.PixelMetric.PM_CheckBoxLabelSpacing
    _indicator_element = QStyle.PrimitiveElement.PE_IndicatorCheckBox

    def __init__(self, text: str, parent: QWidget | None = None):
        QCheckBox.__init__(self, text, parent)
        self._setup()
