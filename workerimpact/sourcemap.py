"""Finding where a value sits in JSON text: from a JSON path to a line and a column.

Problems are found on parsed data, at a JSON path (``sections[0].questions[3].type``); a
consultant needs the line and column to jump to. ``SourceMap`` indexes the text lazily,
only the containers along the paths asked about, skipping every other value with the C
JSON scanner, so locating problems stays fast in a 16 MB file. Lines are counted the way
editors count them: ``\\r\\n``, ``\\r`` and ``\\n`` each end a line.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from json.decoder import scanstring

JsonPath = tuple[str | int, ...]

_WHITESPACE = re.compile(r"[ \t\n\r]*")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def line_starts(text: str) -> list[int]:
    """Offsets at which each line of ``text`` starts (the first is 0)."""
    return [0] + [match.end() for match in _LINE_BREAK.finditer(text)]


def line_column(starts: list[int], offset: int) -> tuple[int, int]:
    """The 1-based line and column of ``offset``, given the text's ``line_starts``."""
    line = bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1


class _ArrayIndex:
    """Offsets of an array's elements, found as far as anyone has asked."""

    __slots__ = ("offsets", "resume", "done")

    def __init__(self, first: int, done: bool) -> None:
        self.offsets: list[int] = [] if done else [first]
        self.resume = first
        self.done = done


class SourceMap:
    """Maps JSON paths to offsets in the (valid) JSON text they were parsed from."""

    def __init__(self, text: str):
        self._text = text
        # Skipping a value only needs its end; numbers and constants stay text, so no
        # digit limit or float conversion can fail here.
        self._decoder = json.JSONDecoder(parse_int=str, parse_float=str, parse_constant=str)
        self._objects: dict[int, dict[str, tuple[int, int]]] = {}
        self._arrays: dict[int, _ArrayIndex] = {}
        self._starts: list[int] | None = None
        self._root = self._skip(0)

    def _skip(self, position: int) -> int:
        return _WHITESPACE.match(self._text, position).end()

    def _end_of_value(self, position: int) -> int:
        return self._decoder.raw_decode(self._text, position)[1]

    def _object(self, position: int) -> dict[str, tuple[int, int]]:
        keys = self._objects.get(position)
        if keys is not None:
            return keys
        keys = {}
        self._objects[position] = keys
        text = self._text
        cursor = self._skip(position + 1)
        if text[cursor] == "}":
            return keys
        while True:
            key, end = scanstring(text, cursor + 1)
            value_start = self._skip(self._skip(end) + 1)
            keys[key] = (cursor, value_start)
            cursor = self._skip(self._end_of_value(value_start))
            if text[cursor] == "}":
                return keys
            cursor = self._skip(cursor + 1)

    def _element(self, position: int, index: int) -> int | None:
        array = self._arrays.get(position)
        if array is None:
            first = self._skip(position + 1)
            array = _ArrayIndex(first, self._text[first] == "]")
            self._arrays[position] = array
        text = self._text
        while len(array.offsets) <= index and not array.done:
            cursor = self._skip(self._end_of_value(array.resume))
            if text[cursor] == "]":
                array.done = True
            else:
                array.resume = self._skip(cursor + 1)
                array.offsets.append(array.resume)
        return array.offsets[index] if index < len(array.offsets) else None

    def offset_of(self, path: JsonPath) -> int | None:
        """Offset of the value at ``path`` (of its key, when the path ends in a key), or of
        the deepest part of the path that exists; None if the text cannot be mapped."""
        text = self._text
        try:
            position = self._root
            if position >= len(text):
                return None
            found = position
            for part in path:
                char = text[position]
                if char == "{" and isinstance(part, str):
                    entry = self._object(position).get(part)
                    if entry is None:
                        break
                    found, position = entry
                elif char == "[" and isinstance(part, int) and part >= 0:
                    element = self._element(position, part)
                    if element is None:
                        break
                    found = position = element
                else:
                    break
            return found
        except (ValueError, IndexError, RecursionError):
            return None

    def line_column(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column of an offset in the text."""
        if self._starts is None:
            self._starts = line_starts(self._text)
        return line_column(self._starts, offset)

    def locate(self, path: JsonPath) -> tuple[int, int] | None:
        """The line and column of ``path`` (or of its deepest existing part), if known."""
        offset = self.offset_of(tuple(path))
        return None if offset is None else self.line_column(offset)

    def line_of(self, path: JsonPath) -> int | None:
        """The 1-based line of ``path`` (or of its deepest existing part), if known."""
        place = self.locate(path)
        return None if place is None else place[0]
