"""The summary chart: one bar per score, on the level bands, with the level written beside it.

Drawn with ``reportlab.graphics``. Color helps but never carries meaning alone: each bar is
followed by its level in words and its score, and a level raised by a finding says so.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase import pdfmetrics

from workerimpact.questionnaire import Bands
from workerimpact.report.fonts import printable
from workerimpact.report.layout import (
    BOLD,
    FONT,
    INK,
    LEVEL_COLORS,
    MUTED,
    RULE,
    TEXT_WIDTH,
    fit_text,
)
from workerimpact.report.text import clip
from workerimpact.scoring import Score, level_label

_ROW = 17.0
_LABEL_WIDTH = 205.0
_VALUE_WIDTH = 150.0
_ZONES = ("#eef6ee", "#fdf7e1", "#fcebdc", "#f8e1e1")


@dataclass(frozen=True)
class ChartRow:
    """One bar: what it measures, its score, its bands, and how deep it is indented."""

    label: str
    score: Score
    bands: Bands
    indent: int = 0


def level_chart(rows: list[ChartRow]) -> Drawing:
    """A horizontal bar chart of the rows' scores on a 0-100 axis split into level bands."""
    bar_left = _LABEL_WIDTH + 8
    bar_width = TEXT_WIDTH - bar_left - _VALUE_WIDTH
    height = _ROW * len(rows) + 30
    drawing = Drawing(TEXT_WIDTH, height)
    top = height - 4
    for index, row in enumerate(rows):
        y = top - _ROW * (index + 1)
        bands = row.bands
        edges = [0.0, bands.moderate, bands.high, bands.severe, 100.0]
        for zone in range(4):
            drawing.add(
                Rect(
                    bar_left + bar_width * edges[zone] / 100,
                    y + 2,
                    bar_width * (edges[zone + 1] - edges[zone]) / 100,
                    _ROW - 4,
                    fillColor=colors.HexColor(_ZONES[zone]),
                    strokeColor=None,
                )
            )
        score = row.score
        font = BOLD if row.indent == 0 else FONT
        size = 8.5 if row.indent == 0 else 8
        label_x = 10.0 * row.indent
        drawing.add(
            String(
                label_x,
                y + 5.5,
                fit_text(printable(clip(row.label, 200)), font, size, _LABEL_WIDTH - label_x),
                fontName=font,
                fontSize=size,
                fillColor=INK,
            )
        )
        if score.score is not None:
            drawing.add(
                Rect(
                    bar_left,
                    y + 4.5,
                    max(1.0, bar_width * score.score / 100),
                    _ROW - 9,
                    fillColor=LEVEL_COLORS.get(score.level, LEVEL_COLORS[None]),
                    strokeColor=INK,
                    strokeWidth=0.4,
                )
            )
        drawing.add(
            String(
                bar_left + bar_width + 8,
                y + 5.5,
                _value_text(score),
                fontName=BOLD if score.level else FONT,
                fontSize=8.5,
                fillColor=INK,
            )
        )
    axis_y = top - _ROW * len(rows)
    drawing.add(Line(bar_left, axis_y, bar_left + bar_width, axis_y, strokeColor=RULE))
    for tick in (0, 25, 50, 75, 100):
        x = bar_left + bar_width * tick / 100
        drawing.add(Line(x, axis_y, x, axis_y - 3, strokeColor=RULE))
        drawing.add(
            String(
                x,
                axis_y - 11,
                str(tick),
                fontName=FONT,
                fontSize=7,
                fillColor=MUTED,
                textAnchor="middle",
            )
        )
    caption = "Score out of 100. Shaded zones, left to right: low, moderate, high, severe."
    drawing.add(
        String(
            bar_left,
            axis_y - 22,
            fit_text(caption, FONT, 7, TEXT_WIDTH - bar_left),
            fontName=FONT,
            fontSize=7,
            fillColor=MUTED,
        )
    )
    return drawing


def _value_text(score: Score) -> str:
    text = level_label(score.level).upper() if score.level else "Not yet assessed"
    if score.score is not None:
        text += f"  {score.score:.0f}/100"
    if score.forced_by:
        text += "  (raised by finding)"
    width = pdfmetrics.stringWidth(text, BOLD, 8.5)
    return text if width <= _VALUE_WIDTH else fit_text(text, BOLD, 8.5, _VALUE_WIDTH)
