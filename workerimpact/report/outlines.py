"""Text drawn as shapes: the DRAFT / IN REVIEW watermark, kept out of the text layer.

Glyph outlines come from HarfBuzz (already used for shaping) and are drawn as one filled
path, so copying or extracting a page's text never picks up the watermark's letters.
"""

from __future__ import annotations

import functools
from typing import Any

from reportlab.pdfgen.canvas import Canvas

from workerimpact.paths import assets_dir

BOLD_FILE = "DejaVuSans-Bold.ttf"


class _OutlinePen:
    """Collects a glyph's outline (from HarfBuzz) as reportlab path operations."""

    def __init__(self, path: Any, x: float, scale: float):
        self.path, self.x, self.scale = path, x, scale
        self.last = (0.0, 0.0)

    def _point(self, x: float, y: float) -> tuple[float, float]:
        return self.x + x * self.scale, y * self.scale

    def moveTo(self, point: tuple[float, float]) -> None:  # noqa: N802 (HarfBuzz pen API)
        self.last = self._point(*point)
        self.path.moveTo(*self.last)

    def lineTo(self, point: tuple[float, float]) -> None:  # noqa: N802
        self.last = self._point(*point)
        self.path.lineTo(*self.last)

    def curveTo(self, one, two, three) -> None:  # noqa: N802, ANN001
        points = [self._point(*one), self._point(*two), self._point(*three)]
        self.path.curveTo(*points[0], *points[1], *points[2])
        self.last = points[2]

    def qCurveTo(self, control, end) -> None:  # noqa: N802, ANN001
        (cx, cy), (ex, ey), (lx, ly) = self._point(*control), self._point(*end), self.last
        self.path.curveTo(
            lx + 2 / 3 * (cx - lx), ly + 2 / 3 * (cy - ly),
            ex + 2 / 3 * (cx - ex), ey + 2 / 3 * (cy - ey),
            ex, ey,
        )  # fmt: skip
        self.last = (ex, ey)

    def closePath(self) -> None:  # noqa: N802
        self.path.close()


@functools.cache
def _harfbuzz_bold() -> Any:
    import uharfbuzz

    blob = uharfbuzz.Blob.from_file_path(str(assets_dir() / "fonts" / BOLD_FILE))
    return uharfbuzz.Font(uharfbuzz.Face(blob))


def outline_text(canvas: Canvas, text: str, size: float) -> Any:
    """``text`` in the bold face as filled outlines, centred on 0: shapes, not text.

    The watermark is drawn this way so that copying or extracting the page's text never
    picks up its letters (they would otherwise mix into the words under them).
    """
    import uharfbuzz

    font = _harfbuzz_bold()
    buffer = uharfbuzz.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    uharfbuzz.shape(font, buffer)
    scale = size / font.face.upem
    width = sum(position.x_advance for position in buffer.glyph_positions) * scale
    path = canvas.beginPath()
    x = -width / 2
    for info, position in zip(buffer.glyph_infos, buffer.glyph_positions, strict=True):
        font.draw_glyph_with_pen(info.codepoint, _OutlinePen(path, x, scale))
        x += position.x_advance * scale
    return path
