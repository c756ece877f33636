"""Turning untrusted text into reportlab paragraph markup that shows exactly what was typed.

Everything a report prints that came from a person or a questionnaire file — organization
names, answers, comments, question text — goes through ``literal``. It is never read as
markup: ``<font>``, ``<a href=...>``, ``<img src=...>``, ``<onDraw>`` and entities come out
as the characters typed. Characters that would print nothing or mislead the reader are made
visible instead: control characters and the Unicode direction controls (which can make
text read backwards) become ``[U+202E]``-style markers. Very long texts are cut, with a note
saying where the rest is; the full text always travels in the attached assessment file.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

ANSWER_LIMIT = 6_000
"""Most characters of one answer, comment or evidence note printed in the report."""
LINE_LIMIT = 80
"""Most lines of one answer, comment or evidence note printed (after blank runs collapse)."""
QUOTE_LIMIT = 1_500
"""Most characters of an answer quoted as the reason for a finding."""
CELL_LIMIT = 600
"""Most characters of a text placed in a table cell (rows cannot break across pages)."""

# C0 and C1 control characters except tab and newline, which have a printed meaning.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Direction controls (embeddings, overrides, isolates, marks): they reorder what the reader
# sees without being seen themselves. Unpaired surrogates cannot be written to a PDF.
# Zero-width spaces and joiners outside the scripts that need them hide text the same way;
# U+FFFE and U+FFFF are not characters at all.
_INVISIBLE = re.compile(
    r"[\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
    r"\ufffe\uffff\ud800-\udfff]"
)
# ZWNJ and ZWJ shape Arabic, Indic scripts and emoji sequences: kept between two characters
# beyond Latin, Greek and Cyrillic, shown as markers anywhere else (e.g. inside "SEVERE").
_JOINER = re.compile(
    r"(?<![\u0590-\U0010ffff])[\u200c\u200d]|[\u200c\u200d](?![\u0590-\U0010ffff])"
)
_LINE_BREAKS = re.compile(r"\r\n|[\r\u2028\u2029\x0b\x0c\x85]")
_BLANK_RUN = re.compile(r"\n[ \t]*(?:\n[ \t]*)+\n")


def _marker(match: re.Match[str]) -> str:
    return f"[U+{ord(match.group()):04X}]"


def plain(text: str) -> str:
    """The text with line breaks normalized and invisible or control characters made visible."""
    text = _LINE_BREAKS.sub("\n", text)
    text = _CONTROL.sub(_marker, text)
    text = _INVISIBLE.sub(_marker, text)
    text = _JOINER.sub(_marker, text)
    return text.replace("\t", "    ")


def clip(text: str, limit: int) -> str:
    """The text on one line, cut to ``limit`` characters with an ellipsis (for titles)."""
    text = " ".join(plain(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def collapse_blank_lines(text: str) -> str:
    """The text with every run of blank lines made one blank line, and no blank ends."""
    return _BLANK_RUN.sub("\n\n", _LINE_BREAKS.sub("\n", text)).strip("\n")


def literal(
    text: str, limit: int | None = ANSWER_LIMIT, where: str = "", lines: int | None = LINE_LIMIT
) -> str:
    """Paragraph markup that prints ``text`` literally, line breaks kept.

    Runs of blank lines print as one. Text longer than ``limit`` characters or ``lines``
    lines is cut and followed by a note saying how much was left out and that the full text
    is in the attached assessment file (``where`` can name the field, e.g. "comment").
    """
    if limit is not None:
        text = collapse_blank_lines(text)
    cut = 0
    if limit is not None and len(text) > limit:
        cut = len(text) - limit
        text = text[:limit]
    if lines is not None and text.count("\n") >= lines:
        kept = "\n".join(text.split("\n")[:lines])
        cut += len(text) - len(kept)
        text = kept
    markup = _markup(plain(text)).replace("\n", "<br/>")
    if cut:
        what = f"this {where}" if where else "this text"
        markup += (
            f" <i>[… {cut:,} more characters of {what} are not printed; the full text is in "
            "the assessment file attached to this PDF]</i>"
        )
    return markup


def inline(text: str, limit: int = CELL_LIMIT) -> str:
    """Paragraph markup for a short text on one logical line, such as a title or a name."""
    return _markup(clip(text, limit))


def escaped(text: str) -> str:
    """Paragraph markup for plain text whole (escaped; a font switch where a script needs one)."""
    return _markup(text)


def _markup(text: str) -> str:
    """Escaped text, with a font switch where a script needs another font (``fonts.py``)."""
    if text.isascii():
        return escape(text)
    from workerimpact.report.fonts import font_markup

    return font_markup(text)
