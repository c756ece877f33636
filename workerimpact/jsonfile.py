"""Strict reading and canonical writing of the JSON files users exchange.

Questionnaires and assessments come from outside, so reading them is defensive: the file
must exist, be a regular file under a size limit, be UTF-8 text (not binary, not UTF-16),
hold valid JSON with no duplicate keys, no NaN/Infinity and no nesting deeper than a limit.
Numbers beyond what a computer stores (``1e999``, a 5,000-digit integer) are refused too,
so nothing downstream (scoring, export) meets an infinite value. Each refusal is a located
``Problem``, in plain words (``workerimpact.jsonsyntax``). When a later stage finds a
problem at a JSON path, ``SourceMap`` turns that path back into a line and column.

The canonical form (sorted keys, UTF-8, no insignificant whitespace) is what fingerprints
are computed over; see ``docs/assessment-format.md``.

Paths, size limits, the walks over a parsed tree and the garbage-collector pause live in
``workerimpact.jsontree``; the names other modules import from here are kept here too.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workerimpact.errors import InputError, Problem, Severity
from workerimpact.i18n import os_reason, t
from workerimpact.jsonsyntax import explain_syntax_error, has_suspect_numbers, unusable_numbers
from workerimpact.jsontree import (
    MAX_NESTING,
    SURROGATE_ESCAPE,
    JsonPath,
    ObjectBuilder,
    SizeLimits,
    collection_paused,
    find_duplicates,
    nesting_depth,
    quote_path,
    unpaired_surrogates,
)
from workerimpact.jsontree import format_path as format_path  # imported from here too
from workerimpact.safetext import quote
from workerimpact.sourcemap import SourceMap, line_column, line_starts


class _UnusableNumber(ValueError):
    """NaN or Infinity met while parsing; located afterwards by scanning the text."""


def _refuse_constant(name: str) -> Any:
    raise _UnusableNumber(name)


def nesting_problem(document: JsonDocument) -> Problem | None:
    """A problem if the document nests deeper than ``MAX_NESTING``, else None.

    Valid files are shallow by construction, so loaders call this only when validation
    has failed, to report the depth instead of what it broke.
    """
    depth = nesting_depth(document.data)
    if depth <= MAX_NESTING:
        return None
    return Problem(
        document.path,
        "",
        t(
            "the JSON is nested {depth} levels deep; the limit is {limit}",
            depth=depth,
            limit=MAX_NESTING,
        ),
    )


@dataclass
class JsonDocument:
    """A parsed JSON file with what is needed to point at places in it."""

    path: str
    text: str
    data: Any
    _map: SourceMap | None = None
    oversized: bool | None = None
    """Whether some object or list is over the ``SizeLimits`` given when reading (None
    when no limits were given)."""

    def locate(self, json_path: Sequence[str | int], last: bool = False) -> tuple[int, int] | None:
        """Return the 1-based line and column where ``json_path`` starts, if known (with
        ``last``, of the last of duplicate keys)."""
        if self._map is None:
            self._map = SourceMap(self.text)
        return self._map.locate(self._existing_part(tuple(json_path)), last)

    def _existing_part(self, json_path: JsonPath) -> JsonPath:
        """The longest start of ``json_path`` that exists in the data, so the map never
        scans a large object for a key that is not there (say a missing field)."""
        node = self.data
        for length, part in enumerate(json_path):  # noqa: B007 - length is used on return
            if isinstance(node, dict) and isinstance(part, str) and part in node:
                node = node[part]
            elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
                node = node[part]
            else:
                return json_path[:length]
        return json_path

    def line_of(self, json_path: Sequence[str | int]) -> int | None:
        """Return the 1-based line where the value at ``json_path`` starts, if known."""
        place = self.locate(json_path)
        return None if place is None else place[0]

    def where(self, json_path: Sequence[str | int], last: bool = False) -> str:
        """Describe a place as ``line N, column C, a.b[2].c`` for error messages."""
        rendered = quote_path(json_path)
        place = self.locate(json_path, last)
        if place is None:
            return rendered or "top level"
        located = f"line {place[0]}, column {place[1]}"
        return f"{located}, {rendered}" if rendered else located

    def problem(
        self, json_path: Sequence[str | int], message: str, severity: Severity = "error"
    ) -> Problem:
        """A problem at ``json_path`` in this document, with its line and column."""
        return Problem(self.path, self.where(json_path), message, severity=severity)


def _a(noun: str, file: bool = False) -> str:
    """'a questionnaire' (or, with ``file``, 'a questionnaire file'), translated."""
    phrase = f"an {noun}" if noun[:1] in "aeiou" else f"a {noun}"
    return t(f"{phrase} file" if file else phrase)


def describe_size(size: int) -> str:
    """Render a byte count the way people say it: ``60.0 MB``, ``12 KB``."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    if size >= 1_000:
        return f"{size // 1_000} KB"
    return f"{size} bytes"


def read_json_file(
    path: str | Path, *, max_bytes: int, kind: str, limits: SizeLimits | None = None
) -> JsonDocument:
    """Read and parse a JSON file strictly, or raise ``InputError`` saying why not.

    ``kind`` names what the file should be ("questionnaire", "assessment") in messages.
    """
    display = str(path)
    file_path = Path(path)
    try:
        stat = file_path.stat()
    except FileNotFoundError:
        raise InputError.single(display, t("no such file")) from None
    except OSError as error:
        raise InputError.single(display, _cannot_read(error)) from None
    if file_path.is_dir():
        raise InputError.single(display, t("this is a folder, not {what}", what=_a(kind, True)))
    if not file_path.is_file():
        raise InputError.single(
            display, t("this is not a regular file, so not {what}", what=_a(kind, True))
        )
    if stat.st_size > max_bytes:
        raise InputError.single(
            display,
            t(
                "the file is {size}; {what} may be at most {limit}",
                size=describe_size(stat.st_size),
                what=_a(kind, True),
                limit=describe_size(max_bytes),
            ),
        )
    try:
        raw = file_path.read_bytes()
    except OSError as error:
        raise InputError.single(display, _cannot_read(error)) from None
    return parse_json_bytes(raw, display=display, max_bytes=max_bytes, kind=kind, limits=limits)


def parse_json_bytes(
    raw: bytes, *, display: str, max_bytes: int, kind: str, limits: SizeLimits | None = None
) -> JsonDocument:
    """Parse bytes that should hold UTF-8 JSON, with the same checks as ``read_json_file``.

    With ``limits``, the document notes whether any object or named list exceeds them.
    """
    if len(raw) > max_bytes:
        raise InputError.single(
            display,
            t(
                "the data is {size}; {what} may be at most {limit}",
                size=describe_size(len(raw)),
                what=_a(kind),
                limit=describe_size(max_bytes),
            ),
        )
    if not raw.strip():
        raise InputError.single(
            display, t("the file is empty; {what} holds a JSON object", what=_a(kind, True))
        )
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or (
        len(raw) > 1 and (raw[0] == 0 or raw[1] == 0)
    ):
        raise InputError.single(
            display, t("the file is UTF-16 or binary; save it as UTF-8 JSON text")
        )
    while raw.startswith(b"\xef\xbb\xbf"):  # editors that add a BOM may add it twice
        raw = raw[3:]
    if b"\x00" in raw:
        raise InputError.single(
            display, t("this is a binary file, not {what} (JSON text)", what=_a(kind, True))
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start].decode("utf-8", "replace")
        line, column = line_column(line_starts(before), len(before))
        raise InputError.single(
            display,
            t(
                "the file is not UTF-8 text (byte {number} cannot be decoded); save it as UTF-8",
                number=error.start + 1,
            ),
            where=f"line {line}, column {column}",
        ) from None
    builder = ObjectBuilder(limits)
    try:
        with collection_paused():
            data = json.loads(text, object_pairs_hook=builder, parse_constant=_refuse_constant)
    except RecursionError:
        raise InputError.single(
            display,
            t("the JSON is nested far too deeply; the limit is {limit} levels", limit=MAX_NESTING),
        ) from None
    except json.JSONDecodeError as error:
        offset, message = explain_syntax_error(text, error.msg, error.pos)
        line, column = line_column(line_starts(text[:offset]), offset)
        raise InputError.single(
            display,
            t("not valid JSON: {text}", text=message),
            where=f"line {line}, column {column}",
        ) from None
    except ValueError as error:
        # NaN or Infinity (refused by the hook), or an integer past Python's digit limit.
        _refuse_unusable_numbers(display, text)
        raise InputError.single(display, t("not valid JSON: {text}", text=error)) from None
    if has_suspect_numbers(text):
        _refuse_unusable_numbers(display, text)
    document = JsonDocument(display, text, data, oversized=builder.oversized)
    if SURROGATE_ESCAPE.search(text):
        broken = unpaired_surrogates(data)
        if broken:
            raise InputError(
                Problem(
                    display,
                    document.where(path),
                    t(
                        "the text holds an escape such as \\ud800 that is half of a character "
                        "pair and not a character on its own; remove it"
                    ),
                )
                for path in broken[:20]
            )
    duplicates = find_duplicates(data) if builder.seen_duplicates else []
    if duplicates:
        raise InputError(
            Problem(
                display,
                document.where(path, last=True),
                t("the key {key} appears more than once", key=quote(key)),
            )
            for path, key in duplicates
        )
    return document


def _cannot_read(error: OSError) -> str:
    return t("cannot read the file: {reason}", reason=os_reason(error))


def _refuse_unusable_numbers(display: str, text: str) -> None:
    """Raise ``InputError`` locating every NaN, Infinity or out-of-range number."""
    starts: list[int] | None = None
    problems = []
    for offset, message in unusable_numbers(text):
        if starts is None:
            starts = line_starts(text)
        line, column = line_column(starts, offset)
        problems.append(Problem(display, f"line {line}, column {column}", message))
    if problems:
        raise InputError(problems)


def canonical_json(value: Any) -> bytes:
    """Serialize to the canonical form: sorted keys, UTF-8, no insignificant whitespace."""
    return json.dumps(
        value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False
    ).encode("utf-8")


def pretty_json(value: Any) -> str:
    """Serialize for people and version control: indented, UTF-8, keys in model order."""
    return json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
