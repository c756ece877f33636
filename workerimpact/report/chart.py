"""The summary chart: one bar per score, on the level bands, with the level written beside it.

Drawn with ``reportlab.graphics``. Color helps but never carries meaning alone: each bar is
followed by its level in words and its score, and a level raised by a finding says so.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase import pdfmetrics

from workerimpact.i18n import t
from workerimpact.questionnaire import Bands
from workerimpact.report.labels import Line as LabelLine
from workerimpact.report.labels import label_lines
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
from workerimpact.scoring import Score, level_label

_ROW = 11.0
_LINE = 9.5
"""Height of each further line of a label that wraps."""
_LABEL_WIDTH = 168.0
_VALUE_WIDTH = 182.0
_TOP = 12.0
_NOTE_SIZE = 7.5
# Zone tints that also darken step by step in greyscale (about 242, 232, 213, 191 of 255);
# dashed edges and the zone names above the first bar keep them readable in black and white.
_ZONES = ("#eef5ea", "#f7e9b8", "#f1cdb5", "#e3b0b0")
_ZONE_NAMES = ("low", "moderate", "high", "severe")


@dataclass(frozen=True)
class ChartRow:
    """One bar: what it measures, its score, its bands, and how deep it is indented."""

    label: str
    score: Score
    bands: Bands
    indent: int = 0
    raised_by: tuple[str, ...] = ()
    """The labels (F1, F2, ...) of the findings that raised this level."""


def _label(row: ChartRow) -> tuple[str, float, float, list[LabelLine]]:
    """(font, size, indent, lines) of a row's label: every script printed, wrapped, not cut."""
    font = BOLD if row.indent == 0 else FONT
    size = 8.5 if row.indent == 0 else 8
    indent = 10.0 * row.indent
    return font, size, indent, label_lines(row.label, font, size, _LABEL_WIDTH - indent, 200)


def level_chart(rows: list[ChartRow]) -> Drawing:
    """A horizontal bar chart of the rows' scores on a 0-100 axis split into level bands."""
    bar_left = _LABEL_WIDTH + 8
    bar_width = TEXT_WIDTH - bar_left - _VALUE_WIDTH
    labels = [_label(row) for row in rows]
    # A label of two lines makes its row taller; the bar stays beside the first line.
    extra = [_LINE * max(0, len(lines) - 1) for _, _, _, lines in labels]
    height = _ROW * len(rows) + sum(extra) + 30 + _TOP
    drawing = Drawing(TEXT_WIDTH, height)
    top = height - 4 - _TOP
    if rows:
        _zone_names(drawing, rows[0].bands, bar_left, bar_width, top)
    y = top
    for index, row in enumerate(rows):
        y -= _ROW
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
            if zone:
                x = bar_left + bar_width * edges[zone] / 100
                drawing.add(
                    Line(x, y + 1, x, y + _ROW - 1, strokeColor=MUTED, strokeWidth=0.5,
                         strokeDashArray=[1.5, 1.5])
                )  # fmt: skip
        score = row.score
        _, size, label_x, lines = labels[index]
        for number, line in enumerate(lines):
            for run in line.runs:
                drawing.add(
                    String(label_x + run.x, y + 3.2 - _LINE * number, run.text,
                           fontName=run.font, fontSize=size, fillColor=INK)
                )  # fmt: skip
        if score.score is not None:
            drawing.add(
                Rect(
                    bar_left,
                    y + 3,
                    max(1.0, bar_width * score.score / 100),
                    _ROW - 6,
                    fillColor=LEVEL_COLORS.get(score.level, LEVEL_COLORS[None]),
                    strokeColor=INK,
                    strokeWidth=0.4,
                )
            )
        value, note = _value_text(score, row.raised_by)
        value_font = BOLD if score.level else FONT
        drawing.add(
            String(bar_left + bar_width + 8, y + 3.5, value, fontName=value_font, fontSize=8.5,
                   fillColor=INK)
        )  # fmt: skip
        if note:
            drawing.add(
                String(
                    bar_left + bar_width + 8 + pdfmetrics.stringWidth(value, value_font, 8.5) + 4,
                    y + 3.2,
                    note,
                    fontName=FONT,
                    fontSize=_NOTE_SIZE,
                    fillColor=INK,
                )
            )
        y -= extra[index]
    axis_y = y
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
    caption = t("Score out of 100. Zones: low, moderate, high, severe (bands: see Method).")
    drawing.add(
        String(
            bar_left,
            axis_y - 20,
            fit_text(caption, FONT, 7, TEXT_WIDTH - bar_left),
            fontName=FONT,
            fontSize=7,
            fillColor=MUTED,
        )
    )
    return drawing


def _zone_names(drawing: Drawing, bands: Bands, left: float, width: float, top: float) -> None:
    """The zone names above the first row, each centred on its zone (shortened to fit)."""
    edges = [0.0, bands.moderate, bands.high, bands.severe, 100.0]
    for zone, name in enumerate(_ZONE_NAMES):
        span = width * (edges[zone + 1] - edges[zone]) / 100
        if span < 8:
            continue
        name = t(name)
        text = name if pdfmetrics.stringWidth(name, FONT, 6.5) <= span - 2 else name[0].upper()
        drawing.add(
            String(
                left + width * (edges[zone] + edges[zone + 1]) / 200,
                top + 3,
                text,
                fontName=FONT,
                fontSize=6.5,
                fillColor=MUTED,
                textAnchor="middle",
            )
        )


def _value_text(score: Score, raised_by: tuple[str, ...] = ()) -> tuple[str, str]:
    """('HIGH  57/100', 'raised by F1, F3'): the level and score, and the note when findings
    raised the level, shortened by whole labels ('raised by F1 and 3 more'), never cut."""
    text = level_label(score.level).upper() if score.level else t("Not yet assessed")
    if score.score is not None:
        text += f"  {score.score:.0f}/100"
    if not score.forced_by:
        return text, ""
    room = _VALUE_WIDTH - pdfmetrics.stringWidth(text, BOLD, 8.5) - 4
    notes = [t("raised by {labels}", labels=", ".join(raised_by[:count])) + (
        t(" and {count} more", count=len(raised_by) - count) if count < len(raised_by) else ""
    ) for count in range(len(raised_by), 0, -1)]  # fmt: skip
    count = t("{count} findings", count=len(raised_by)) if len(raised_by) > 1 else t("a finding")
    for note in [*notes, t("raised by {labels}", labels=count)]:
        if pdfmetrics.stringWidth(note, FONT, _NOTE_SIZE) <= room:
            return text, note
    return text, t("raised")
