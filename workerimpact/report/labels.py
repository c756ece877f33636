"""Text drawn outside paragraphs (chart labels, the footer), printed as paragraphs print it.

A chart or a page footer draws strings at points, in one font each. ``label_lines`` lays a
text out with the statement's paragraph machinery — a font for each script, HarfBuzz
shaping, the bidirectional algorithm line by line, ``[U+…]`` markers for what no font
prints — and gives back the lines as runs, each run one font with its offset, so a
drawing can place them: an Arabic or Chinese dimension title prints as text, not as
markers, and wraps rather than being cut.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth

from workerimpact.report.text import clip


@dataclass(frozen=True)
class Run:
    """One piece of a line in one font: where it starts (points from the line's start),
    its text (possibly shaped glyphs) and its font."""

    x: float
    text: str
    font: str


@dataclass(frozen=True)
class Line:
    """One line of a label: its width in points and its runs, in display order."""

    width: float
    runs: tuple[Run, ...]


def advance(text: Any, font: str, size: float) -> float:
    """How far ``text`` moves the pen: shaped glyphs by HarfBuzz's advances."""
    data = getattr(text, "__shapeData__", None)
    if not data:
        return stringWidth(text, font, size)
    total = 0.0
    for char, glyph in zip(text, data, strict=False):
        if glyph.cluster == 0x7FFFFFFF:  # a plain character added to shaped text
            total += stringWidth(char, font, size)
        else:
            total += glyph.x_advance * size / 1000
    return total


def label_lines(text: str, font: str, size: float, width: float, limit: int = 300) -> list[Line]:
    """``text`` (untrusted, one logical line) laid out in lines no wider than ``width``."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    from workerimpact.report.fonts import fallback_fonts
    from workerimpact.report.text import inline

    fallback_fonts()  # registers the script fonts and the shaping and bidi hooks
    style = ParagraphStyle("label", fontName=font, fontSize=size, leading=size * 1.2)
    paragraph = Paragraph(inline(text, limit), style)
    broken = paragraph.breakLines([width])
    lines: list[Line] = []
    if broken.kind == 0:
        name = getattr(broken, "fontName", font)
        for _, words in broken.lines:
            shown = " ".join(words)
            lines.append(Line(advance(shown, name, size), (Run(0.0, shown, name),)))
        return lines
    for line in broken.lines:
        runs, x = [], 0.0
        for fragment in line.words:
            piece = getattr(fragment, "text", "")
            if not piece or hasattr(fragment, "cbDefn"):
                continue
            if runs and runs[-1].font == fragment.fontName:  # one string per font
                runs[-1] = Run(runs[-1].x, runs[-1].text + piece, fragment.fontName)
            else:
                runs.append(Run(x, piece, fragment.fontName))
            x += advance(piece, fragment.fontName, size)
        lines.append(Line(x, tuple(runs)))
    return lines


@lru_cache(maxsize=64)
def one_line(text: str, font: str, size: float, width: float) -> Line:
    """``text`` on one line no wider than ``width``, shortened at a word with "…" if needed
    (in reading order, before it is put in display order)."""
    text = clip(text, 300)
    lines = label_lines(text, font, size, width)
    words = text.split(" ")
    while len(lines) > 1 and len(words) > 1:
        words.pop()
        lines = label_lines(" ".join(words).rstrip(" ,;:·—-(") + "…", font, size, width)
    if len(lines) > 1:  # one word too long for the room
        word = words[0]
        while len(word) > 1 and len(lines) > 1:
            word = word[:-1]
            lines = label_lines(word + "…", font, size, width)
    return lines[0] if lines else Line(0.0, ())


def draw_line(canvas: Any, x: float, y: float, line: Line, size: float) -> None:
    """Draw a laid-out line on a reportlab canvas, its start at (x, y)."""
    for run in line.runs:
        canvas.setFont(run.font, size)
        canvas.drawString(x + run.x, y, run.text)
