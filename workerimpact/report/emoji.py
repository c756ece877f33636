"""Emoji that are several characters: printed as one picture, or as one marker, never as pieces.

A family, a flag, a thumbs-up with a skin tone or a person with a job is one emoji made of
several characters: joined by ZERO WIDTH JOINER (the mechanic is woman U+1F469, ZWJ,
wrench U+1F527), a pair of regional-indicator letters (the US flag is U+1F1FA U+1F1F8),
a skin-tone modifier (U+1F44D U+1F3FD) or a run of tag characters (the flag of
Scotland). Only a font that has a glyph for the whole sequence can draw it. Printed
piece by piece it becomes a row of unrelated pictures (a woman, a wrench) that a reader
would misread, so when the font cannot form the sequence as one glyph (HarfBuzz says) the
whole sequence is shown as one marker, ``[U+1F469 U+200D U+1F527]``, and the export names
the field that holds it, as for any character no font prints.

The statement prints emoji in black and white: reportlab embeds TrueType outlines only,
and colour emoji fonts (Noto Color Emoji's bitmaps, COLR layers) are not such outlines.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

_PICTURE = r"[\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff]"
_TONE = r"[\U0001f3fb-\U0001f3ff]"
SEQUENCE = re.compile(
    r"[\U0001f1e6-\U0001f1ff]{2}"  # a flag: two regional-indicator letters
    r"|\U0001f3f4[\U000e0020-\U000e007e]+\U000e007f"  # a flag by tags (Scotland, Wales…)
    rf"|{_PICTURE}\ufe0f?{_TONE}?(?:\u200d{_PICTURE}\ufe0f?{_TONE}?)+"  # joined by ZWJ
    rf"|{_PICTURE}{_TONE}"  # with a skin tone
)
"""Emoji made of several characters."""


def marker(sequence: str) -> str:
    """The marker shown for a sequence no font here draws as one: ``[U+1F1FA U+1F1F8]``."""
    return "[" + " ".join(f"U+{ord(char):04X}" for char in sequence) + "]"


def label(sequence: str) -> str:
    """How an export names the sequence: ``U+1F1FA U+1F1F8``."""
    return marker(sequence)[1:-1]


@cache
def drawn_as_one(sequence: str, font: str | None) -> bool:
    """Whether ``font`` (a registered TrueType font) forms ``sequence`` into one glyph."""
    if not font:
        return False
    try:
        import uharfbuzz
        from reportlab.pdfbase.pdfmetrics import getFont

        hb_font = getFont(font).hbFont(10)
    except Exception:  # no HarfBuzz, or not a TrueType font: it cannot be formed
        return False
    formed = _glyphs(uharfbuzz, hb_font, sequence)
    # One glyph, and not just the first character's own (a black flag with its tags
    # dropped is not the flag of Scotland).
    return (
        len(formed) == 1 and formed[0] != 0 and formed != _glyphs(uharfbuzz, hb_font, sequence[0])
    )


def _glyphs(uharfbuzz: Any, font: Any, text: str) -> list[int]:
    """The glyphs HarfBuzz draws for ``text`` in ``font`` (those that move the pen)."""
    buffer = uharfbuzz.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    uharfbuzz.shape(font, buffer, {})
    return [
        info.codepoint
        for info, position in zip(buffer.glyph_infos, buffer.glyph_positions, strict=True)
        if position.x_advance
    ]
