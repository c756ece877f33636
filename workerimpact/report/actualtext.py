"""Shaped text that copies out as typed: an /ActualText span over glyphs that are not it.

HarfBuzz turns letters into glyphs: a Devanagari conjunct such as क्ष is one glyph, a
vowel sign may move before its consonant, Arabic letters take joined forms and lam-alef
becomes one glyph. reportlab writes each glyph under a character code whose ToUnicode
entry is the glyph's character in the font's cmap, or a private-use code point when the
font maps no character to it; copied text then loses letters or gets them in the wrong
order. The PDF's answer is a marked-content span with the original text (``/Span
<</ActualText (…)>> BDC … EMC``, PDF 32000-1 §14.9.4), which text extraction, search and
screen readers use instead of the glyphs.

``mark`` notes, right after a word is shaped, which runs of glyphs do not spell their
source text and what that text is (in reading order); ``install`` makes reportlab's text
writer put those runs in such spans. The spans hold only what was in the assessment, so
the same statement draws the same bytes every time.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from reportlab.pdfbase.ttfonts import ShapeData

_INSTALLED = "workerimpact_actualtext"
_PRIVATE = (0xE000, 0xF8FF)
"""Where reportlab numbers shaped glyphs that no character maps to."""


class _Actual:
    """The source text of one run of glyphs; shared by the glyphs of the run."""

    __slots__ = ("text",)

    def __init__(self, text: str):
        self.text = text


def mark(source: str, word: list[Any]) -> None:
    """Mark the glyphs of a shaped fragment word (reportlab's ``[width, (fragment,
    ShapedStr), …]``) when they do not spell ``source``, the text that was shaped.

    The whole word gets one span when any glyph stands for other characters (a conjunct, a
    joined or private-use form), is a mark drawn without advance, or is moved up or down.
    The span's text is in the order the glyphs are drawn: for a right-to-left word that is
    the word turned round, as text extraction reads a right-to-left line from the page's
    order (poppler's ``pdftotext`` gives the typed text back either way round only so).
    """
    pieces = [text for _, text in word[1:] if getattr(text, "__shapeData__", None)]
    if not pieces or not source:
        return
    glyphs = [data for text in pieces for data in text.__shapeData__]
    spelled = "".join(pieces)
    rtl = any(unicodedata.bidirectional(char) in ("R", "AL") for char in source)
    if spelled == (source[::-1] if rtl else source) and all(
        data.y_offset == 0 and data.x_advance for data in glyphs
    ):
        return  # the glyphs are the letters (a right-to-left word's, drawn right to left)
    actual = _Actual(source[::-1] if rtl else source)
    for data in glyphs:
        object.__setattr__(data, "actual", actual)


def replaced(drawn: str, typed: str, width: float) -> Any:
    """One glyph ``drawn`` (of ``width`` thousandths of the font size) that copies out as
    ``typed``: a mirrored bracket in right-to-left text."""
    from reportlab.pdfbase.ttfonts import ShapedStr

    data = ShapeData(0, width, 0, 0, 0, width)
    object.__setattr__(data, "actual", _Actual(typed))
    return ShapedStr(drawn, [data])


def _spans(text: Any) -> list[tuple[int, int, _Actual | None]]:
    spans: list[tuple[int, int, _Actual | None]] = []
    for index, data in enumerate(text.__shapeData__ or ()):
        actual = getattr(data, "actual", None)
        if spans and spans[-1][2] is actual:
            spans[-1] = (spans[-1][0], index + 1, actual)
        else:
            spans.append((index, index + 1, actual))
    return spans


def pdf_text(text: str) -> str:
    """A PDF text string for ``text``: UTF-16BE with its byte order mark, in hex."""
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


def install() -> None:
    """Make reportlab's text writer wrap marked glyph runs in /ActualText spans (once)."""
    from reportlab.pdfbase.ttfonts import ShapedStr
    from reportlab.pdfgen.textobject import PDFTextObject

    original = PDFTextObject._formatText
    if getattr(original, _INSTALLED, False):
        return

    def format_text(self: Any, text: Any) -> str:
        if not isinstance(text, ShapedStr) or not text.__shapeData__:
            return original(self, text)
        spans = _spans(text)
        if len(spans) == 1 and spans[0][2] is None:
            return original(self, text)
        parts = []
        for start, end, actual in spans:
            code = original(self, text[start:end])
            if actual is not None:
                code = f"/Span <</ActualText {pdf_text(actual.text)}>> BDC {code} EMC"
            parts.append(code)
        return " ".join(parts)

    rise = PDFTextObject.setRise

    def set_rise(self: Any, value: float) -> None:
        # reportlab looks at the last operator written, and there is none yet when a span
        # opens on a raised glyph (a Hebrew vowel point, say).
        if not self._code:
            self._code.append("")
        rise(self, value)

    _install_tounicode()
    setattr(format_text, _INSTALLED, True)
    PDFTextObject._formatText = format_text  # type: ignore[method-assign]
    PDFTextObject.setRise = set_rise  # type: ignore[method-assign]


def _install_tounicode() -> None:
    """ToUnicode entries that copy out right and that do not depend on what was drawn before.

    reportlab writes each entry as four hex digits, so U+1F44D came out as "<1F44D>" and
    was read as U+1F44 (a Greek letter): a character beyond U+FFFF is written as its UTF-16
    pair, "<D83DDC4D>". A shaped glyph that no character maps to gets the next free
    private-use code point in the order the process first met it, so the same page drawn
    in another process named it differently and ``verify``'s redraw found the page changed:
    such glyphs (always inside an /ActualText span, which gives their text) map to U+FFFD."""
    from reportlab.pdfbase import ttfonts

    original = ttfonts.makeToUnicodeCMap
    if getattr(original, _INSTALLED, False):
        return

    def cmap(fontname: str, subset: list[int]) -> str:
        text = original(fontname, subset)
        if all(code <= 0xFFFF and not _PRIVATE[0] <= code <= _PRIVATE[1] for code in subset):
            return text
        for index, code in enumerate(subset):
            if code > 0xFFFF or _PRIVATE[0] <= code <= _PRIVATE[1]:
                wrong = f"<{index:02X}> <{code:04X}>"
                shown = "FFFD" if code <= 0xFFFF else chr(code).encode("utf-16-be").hex().upper()
                text = text.replace(wrong + "\n", f"<{index:02X}> <{shown}>\n", 1)
        return text

    setattr(cmap, _INSTALLED, True)
    ttfonts.makeToUnicodeCMap = cmap
