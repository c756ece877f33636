"""JSON mistakes in a consultant's words, and numbers no file may hold.

Python's JSON parser says "Expecting value" for a trailing comma, for Word's curly quotes
and for a comment alike. ``explain_syntax_error`` looks at the text around the place the
parser stopped and says what is wrong there and how to fix it, pointing at the character
to change. ``unusable_numbers`` finds the numbers the parser lets through but nothing can
use: ``NaN`` and ``Infinity`` (not JSON), values beyond the largest number a computer
stores (``1e999``, a 400-digit integer), so that every reader refuses them at load.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from workerimpact.i18n import t
from workerimpact.safetext import printable, shorten

MAX_NUMBER_LENGTH = 400
"""Longest number literal accepted, in characters; longer ones are refused unread."""

# Strings are skipped whole so digits inside text never count; what remains are numbers
# and the bare words NaN and Infinity.
_TOKENS = re.compile(
    r'"(?:[^"\\]|\\.)*"|(-?(?:Infinity|NaN|\d[\d.eE+\-]*))',
    re.DOTALL,
)
_LONG_DIGITS = re.compile(r"[0-9]{300}", re.ASCII)
_TWO_DIGITS = re.compile(r"[0-9]{2}")
# One pattern per letter: a pattern starting with a literal is searched for much faster.
_BIG_EXPONENTS = (re.compile(r"e\+?0*[1-9][0-9][0-9]"), re.compile(r"E\+?0*[1-9][0-9][0-9]"))
_CURLY_QUOTES = "\u201c\u201d\u201e\u201f\u2018\u2019\u201a\u201b\u00ab\u00bb"
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*")


def has_suspect_numbers(text: str) -> bool:
    """A fast test: could ``text`` hold a number that ``unusable_numbers`` refuses?"""
    # Separate searches: each alone runs at C speed, an alternation of them does not.
    return (
        "NaN" in text
        or "Infinity" in text
        or any(pattern.search(text) is not None for pattern in _BIG_EXPONENTS)
        or _may_hold_long_digits(text)
    )


def _may_hold_long_digits(text: str) -> bool:
    """Whether ``text`` holds a run of 300 digits, looking at little of it: such a run holds
    two characters 149 apart that are both digits, with only digits between them."""
    step = 149
    for match in _TWO_DIGITS.finditer(text[::step]):
        start = match.start() * step
        between = text[start : start + step + 1]
        if between.isascii() and between.isdigit():
            return _LONG_DIGITS.search(text) is not None
    return False


def unusable_numbers(text: str) -> Iterator[tuple[int, str]]:
    """Yield ``(offset, message)`` for each number in ``text`` that no reader may accept."""
    for match in _TOKENS.finditer(text):
        token = match.group(1)
        if not token:
            continue
        shown = printable(shorten(token, 30))
        if token.lstrip("-") in ("NaN", "Infinity"):
            yield (
                match.start(),
                t(
                    "{token} is not a number JSON allows; write a number, or null for no value",
                    token=token,
                ),
            )
        elif len(token) > MAX_NUMBER_LENGTH:
            yield (
                match.start(),
                t(
                    "the number {shown} is {length} characters long; write a number "
                    "between -1e308 and 1e308",
                    shown=shown,
                    length=f"{len(token):,}",
                ),
            )
        else:
            try:
                value = float(token)
            except ValueError:
                continue
            if not math.isfinite(value):
                yield (
                    match.start(),
                    t(
                        "the number {shown} is too large; write a number between -1e308 and 1e308",
                        shown=shown,
                    ),
                )


_CHAR_NAMES = {
    "": "the end of the file",
    '"': "a double quote",
    "{": "{",
    "}": "}",
    "[": "[",
    "]": "]",
    ":": "a colon",
    ",": "a comma",
}


def _describe_char(char: str) -> str:
    name = _CHAR_NAMES.get(char)
    return (t(name) if len(name) > 1 else name) if name else printable(char)


def _previous_non_space(text: str, position: int) -> tuple[int, str]:
    window_start = max(0, position - 4_000)
    before = text[window_start:position].rstrip(" \t\r\n")
    if not before:
        return -1, ""
    return window_start + len(before) - 1, before[-1]


def explain_syntax_error(text: str, message: str, position: int) -> tuple[int, str]:
    """Explain the parser's complaint ``message`` at ``position`` in plain words.

    Returns the offset to point at (which may be before ``position``, say at a trailing
    comma) and the explanation.
    """
    char = text[position] if position < len(text) else ""
    following = text[position : position + 2]
    previous_at, previous = _previous_non_space(text, position)
    shown = _describe_char(char)
    if char and char in _CURLY_QUOTES:
        return position, (
            t(
                "the curly quote {char} is not a JSON quote (word processors put them in); "
                'use straight double quotes "',
                char=char,
            )
        )
    if following in ("//", "/*") or char == "#":
        return position, t("JSON has no comments; remove the comment (or put the note in a field)")
    if char == "'":
        return position, t("JSON text and keys use double quotes (\"), not single quotes (')")
    if message.startswith(("Expecting value", "Expecting property name")):
        if previous == "," and char in "]}":
            return previous_at, (
                t("a comma after the last item (a trailing comma); remove this comma")
            )
        if not char:
            return position, (
                t(
                    "the file ends before the JSON is complete: a closing {brackets} or a value "
                    "is missing",
                    brackets=t("{brace} or {bracket}", brace="}", bracket="]"),
                )
            )
        if char == "," and previous in ",[{":
            return position, t("a comma with nothing before it (two commas in a row?); remove it")
        word_match = _WORD.match(text, position)
        if message.startswith("Expecting property name"):
            if word_match:
                word = printable(shorten(word_match.group(), 40))
                return position, t('a key needs double quotes: write "{word}"', word=word)
            return position, t("expected a key in double quotes here, found {shown}", shown=shown)
        if word_match:
            word = word_match.group()
            if word in ("True", "False", "None", "TRUE", "FALSE", "NULL", "Null"):
                fixed = {"none": "null"}.get(word.lower(), word.lower())
                return position, t("JSON writes {fixed} in lower case; write {fixed}", fixed=fixed)
            word = printable(shorten(word, 40))
            return position, t('text needs double quotes: write "{word}"', word=word)
        return position, (
            t(
                "expected a value here (text in double quotes, a number, true, false, null, "
                "an object {{…}} or a list […]), found {shown}",
                shown=shown,
            )
        )
    if message.startswith("Expecting ',' delimiter"):
        if previous == '"' and char and (char.isalnum() or char == " "):
            return position, (
                t(
                    'a double quote inside text ends the text early; write \\" for a quote '
                    "inside text"
                )
            )
        if not char:
            return (
                position,
                t(
                    "the file ends before the JSON is complete: a closing {brackets} is missing",
                    brackets=t("{brace} or {bracket}", brace="}", bracket="]"),
                ),
            )
        return position, (
            t(
                "expected a comma (or a closing bracket) before this, found {shown}; "
                "is a comma missing between two items?",
                shown=shown,
            )
        )
    if message.startswith("Expecting ':' delimiter"):
        return position, t("expected a colon (:) after the key, found {shown}", shown=shown)
    if message.startswith("Unterminated string"):
        return position, t('this text in double quotes is never closed; add the closing "')
    if message.startswith("Invalid control character"):
        if char in "\r\n":
            return position, (
                t(
                    "a line break inside text in double quotes: close the quote before the line "
                    "ends, or write \\n for a line break"
                )
            )
        if char == "\t":
            return position, t("a tab inside text in double quotes; write \\t instead")
        return position, t(
            "the invisible character {shown} inside text is not allowed; remove it", shown=shown
        )
    if message.startswith("Invalid \\uXXXX escape"):
        return position, t("\\u in text must be followed by four hexadecimal digits, as in \\u00e9")
    if message.startswith("Invalid \\escape"):
        return position, (
            t(
                "a backslash (\\) in text starts an escape such as \\n; write \\\\ for a "
                "backslash itself (as in a Windows path)"
            )
        )
    if message.startswith("Extra data"):
        return position, (
            t(
                "more text after the end of the JSON: remove it, or check for a closing "
                "{brackets} too many before this point",
                brackets=t("{brace} or {bracket}", brace="}", bracket="]"),
            )
        )
    return position, t("not valid JSON here: {text}", text=printable(message))
