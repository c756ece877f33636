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


class _ObjectIndex:
    """Offsets of an object's keys and values, found as far as anyone has asked."""

    __slots__ = ("keys", "resume", "done")

    def __init__(self, first: int, done: bool) -> None:
        self.keys: dict[str, tuple[int, int]] = {}
        self.resume = first
        self.done = done


# A list or object holding no strings and no nested containers: the big case (a list of
# a million numbers) is skipped by this one fast character class without building it.
_FLAT_CONTAINER = re.compile(r"\[[^\[\]{}\"]*\]|\{[^\[\]{}\"]*\}")


class SourceMap:
    """Maps JSON paths to offsets in the (valid) JSON text they were parsed from."""

    def __init__(self, text: str):
        self._text = text
        # Skipping a value only needs its end; numbers and constants stay text, so no
        # digit limit or float conversion can fail here.
        self._decoder = json.JSONDecoder(parse_int=str, parse_float=str, parse_constant=str)
        self._objects: dict[int, _ObjectIndex] = {}
        self._arrays: dict[int, _ArrayIndex] = {}
        self._starts: list[int] | None = None
        self._root = self._skip(0)

    def _skip(self, position: int) -> int:
        return _WHITESPACE.match(self._text, position).end()

    def _end_of_value(self, position: int) -> int:
        # A flat list or object (no nested brackets), the common big case, is skipped by
        # one regular expression without building it.
        flat = _FLAT_CONTAINER.match(self._text, position)
        if flat is not None:
            return flat.end()
        return self._decoder.raw_decode(self._text, position)[1]

    def _key(self, position: int, wanted: str, last: bool = False) -> tuple[int, int] | None:
        """The offsets of key ``wanted`` and its value in the object at ``position``,
        indexing the object's keys only as far as needed (to the end with ``last``, to
        find the last of duplicate keys)."""
        index = self._objects.get(position)
        if index is None:
            first = self._skip(position + 1)
            index = _ObjectIndex(first, self._text[first] == "}")
            self._objects[position] = index
        found = index.keys.get(wanted)
        text = self._text
        while (found is None or last) and not index.done:
            cursor = index.resume
            key, end = scanstring(text, cursor + 1)
            value_start = self._skip(self._skip(end) + 1)
            index.keys[key] = (cursor, value_start)
            if key == wanted:
                found = (cursor, value_start)
            cursor = self._skip(self._end_of_value(value_start))
            if text[cursor] == "}":
                index.done = True
            else:
                index.resume = self._skip(cursor + 1)
        return found

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

    def offset_of(self, path: JsonPath, last: bool = False) -> int | None:
        """Offset of the value at ``path`` (of its key, when the path ends in a key), or of
        the deepest part of the path that exists; None if the text cannot be mapped.
        With ``last``, a key written more than once is found at its last place."""
        text = self._text
        try:
            position = self._root
            if position >= len(text):
                return None
            found = position
            for depth, part in enumerate(path, 1):
                char = text[position]
                if char == "{" and isinstance(part, str):
                    entry = self._key(position, part, last and depth == len(path))
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

    def locate(self, path: JsonPath, last: bool = False) -> tuple[int, int] | None:
        """The line and column of ``path`` (or of its deepest existing part), if known."""
        offset = self.offset_of(tuple(path), last)
        return None if offset is None else self.line_column(offset)

    def line_of(self, path: JsonPath) -> int | None:
        """The 1-based line of ``path`` (or of its deepest existing part), if known."""
        place = self.locate(path)
        return None if place is None else place[0]
