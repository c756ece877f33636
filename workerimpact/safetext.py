"""Making text from files safe to show: one place for every terminal line and message.

A questionnaire or assessment is written by someone else, so any text taken from it (a
title, an id, a value quoted in a problem) may hold terminal escape sequences, bidi
overrides that reorder what a reader sees, or line breaks that forge a line of output.
``printable`` turns every such character into a visible escape (``\\u001b``, ``\\n``) so
one message stays one line and the terminal shows exactly what the file holds;
``quote`` renders a value the way JSON writes it (``"text"``, ``true``, ``null``),
shortened to about 80 characters.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

QUOTE_LIMIT = 80
"""Longest rendering of one quoted value in a message, in characters."""

# C0 and C1 controls, DEL; line and paragraph separators; bidi embeddings, overrides,
# isolates and marks; the zero-width space, byte-order mark and other invisible characters
# that can hide or reorder text. The zero-width (non-)joiners U+200C and U+200D stay: they
# shape Persian, Indic scripts and emoji, and move nothing.
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]"
)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return _NAMED.get(char) or f"\\u{ord(char):04x}"


def printable(text: str) -> str:
    """Return ``text`` with control, bidi and line-breaking characters as visible escapes.

    Safe to print to a terminal or show in a one-line label: nothing in the result moves
    the cursor, changes colours, sets a window title, reorders text or starts a new line.
    Unpaired surrogates (which no terminal can encode) become ``\\udXXX`` escapes too.
    """
    if not isinstance(text, str):
        text = str(text)
    safe = _UNSAFE.sub(_escape, text)
    try:
        safe.encode("utf-8")
    except UnicodeEncodeError:
        safe = safe.encode("utf-8", "backslashreplace").decode("utf-8")
    return safe


def shorten(text: str, limit: int = QUOTE_LIMIT) -> str:
    """Cut ``text`` to at most ``limit`` characters, marking the cut with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def quote(value: Any, limit: int = QUOTE_LIMIT) -> str:
    """Render a value from a file for a message, as JSON writes it, made safe and short.

    ``"text"`` in double quotes, ``true``/``false``/``null``, numbers as written, lists and
    objects in compact JSON; at most ``limit`` characters.
    """
    if isinstance(value, str):
        # Cut before escaping so a long value costs nothing; escapes may add a little.
        inner = printable(shorten(value, limit - 2).replace("\\", "\\\\").replace('"', '\\"'))
        return '"' + shorten(inner, limit - 2) + '"'
    if isinstance(value, float) and not math.isfinite(value):
        return printable(str(value))
    return printable(shorten(_compact(value, limit + 1), limit))


def _compact(value: Any, budget: int) -> str:
    """Compact JSON for ``value``, stopping soon after ``budget`` characters (a value may
    be a list of millions of items; only its start is ever shown)."""
    if isinstance(value, list):
        pieces, used = [], 1
        for item in value:
            if used > budget:
                break
            piece = _compact(item, budget - used)
            pieces.append(piece)
            used += len(piece) + 2
        return "[" + ", ".join(pieces) + "]"
    if isinstance(value, dict):
        pieces, used = [], 1
        for key, item in value.items():
            if used > budget:
                break
            piece = _compact(str(key)[:budget], budget) + ": " + _compact(item, budget - used)
            pieces.append(piece)
            used += len(piece) + 2
        return "{" + ", ".join(pieces) + "}"
    if isinstance(value, str):
        return json.dumps(value[: budget + 1], ensure_ascii=False)
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    try:
        return json.dumps(value)
    except (TypeError, ValueError):
        return type(value).__name__
