"""What the strict JSON reader builds and walks, apart from reading the file itself.

JSON paths and how they are shown (``format_path``, ``quote_path``), the size limits a
document is checked against while it is parsed (``SizeLimits``, ``ObjectBuilder``), the
walks over a parsed tree that find duplicate keys, lone surrogates and the nesting depth,
and ``collection_paused``, which keeps the garbage collector out of the way while large
trees are built (the reader, the loaders and scoring use it).
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from workerimpact.safetext import quote

MAX_NESTING = 100
"""Deepest nesting of arrays and objects accepted in any input file (a condition nested
to its limit of 32 operators takes about 70)."""

JsonPath = tuple[str | int, ...]


def format_path(path: Sequence[str | int]) -> str:
    """Render a JSON path as ``sections[0].questions[3].text``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


_PLAIN_KEY = re.compile(r"[A-Za-z_$][A-Za-z0-9_$\-]{0,63}")


def quote_path(path: Sequence[str | int]) -> str:
    """Render a JSON path for a message: like ``format_path``, but a key from the file that
    is long or holds odd characters is shown quoted, short and safe."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        elif _PLAIN_KEY.fullmatch(part):
            text += f".{part}" if text else part
        else:
            text += f"[{quote(part, 40)}]"
    return text


class _DuplicateKeys(dict):
    """A JSON object that remembers which keys appeared more than once."""

    __slots__ = ("duplicates",)


class ObjectBuilder:
    """``object_pairs_hook`` that notices duplicate keys at C speed in the common case,
    and, given limits, whether any object or named list is longer than its limit (so the
    reader of a valid file need not walk it again to find out)."""

    __slots__ = ("seen_duplicates", "limits", "oversized")

    def __init__(self, limits: SizeLimits | None = None) -> None:
        self.seen_duplicates = False
        self.limits = limits
        self.oversized: bool | None = None if limits is None else False

    def __call__(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(pairs)
        if self.oversized is False:
            if len(pairs) > self.limits.object_fields:
                self.oversized = True
            else:
                for key, limit in self.limits.lists.items():
                    value = result.get(key)
                    if type(value) is list and len(value) > limit:
                        self.oversized = True
                        break
        if len(result) == len(pairs):
            return result
        self.seen_duplicates = True
        seen: set[str] = set()
        duplicates: dict[str, None] = {}
        for key, _ in pairs:
            if key in seen:
                duplicates[key] = None
            seen.add(key)
        flagged = _DuplicateKeys(result)
        flagged.duplicates = list(duplicates)
        return flagged


@dataclass(frozen=True)
class SizeLimits:
    """The most fields an object may have, and the longest each named list may be."""

    object_fields: int
    lists: Mapping[str, int]


def find_duplicates(value: Any, path: JsonPath = ()) -> list[tuple[JsonPath, str]]:
    found: list[tuple[JsonPath, str]] = []
    stack: list[tuple[Any, JsonPath]] = [(value, path)]
    while stack:
        node, node_path = stack.pop()
        if isinstance(node, dict):
            if isinstance(node, _DuplicateKeys):
                found.extend((node_path + (key,), key) for key in node.duplicates)
            stack.extend((child, node_path + (key,)) for key, child in node.items())
        elif isinstance(node, list):
            stack.extend((child, node_path + (index,)) for index, child in enumerate(node))
    return sorted(found, key=lambda item: [str(part) for part in item[0]])


SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def unpaired_surrogates(value: Any) -> list[JsonPath]:
    """Paths of keys and strings holding lone surrogates (which no UTF-8 file can store)."""

    def broken(text: str) -> bool:
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            return True
        return False

    found: list[JsonPath] = []
    stack: list[tuple[Any, JsonPath]] = [(value, ())]
    while stack:
        node, path = stack.pop()
        if isinstance(node, str):
            if broken(node):
                found.append(path)
        elif isinstance(node, dict):
            for key, child in node.items():
                if broken(key):
                    found.append(path + (key,))
                stack.append((child, path + (key,)))
        elif isinstance(node, list):
            stack.extend((child, path + (index,)) for index, child in enumerate(node))
    return sorted(found, key=lambda item: [str(part) for part in item])


def nesting_depth(value: Any) -> int:
    """Return how deeply arrays and objects nest in parsed JSON (a scalar is 0)."""
    if not isinstance(value, (dict, list)):
        return 0
    deepest = 0
    stack = [(value, 1)]
    pop, push = stack.pop, stack.append
    while stack:
        node, depth = pop()
        if depth > deepest:
            deepest = depth
        children = node.values() if isinstance(node, dict) else node
        # A long run of plain values (a list of a million numbers) is passed over at C
        # speed: only the types are looked at.
        if len(children) > 64 and _CONTAINER_TYPES.isdisjoint(set(map(type, children))):
            continue
        for child in children:
            if isinstance(child, (dict, list)):
                push((child, depth + 1))
    return deepest


_CONTAINER_TYPES = frozenset({dict, list, _DuplicateKeys})


@contextmanager
def collection_paused(keep: bool = False) -> Iterator[None]:
    """Pause Python's cyclic garbage collector while building large object trees.

    Parsing and scoring a big questionnaire allocate hundreds of thousands of objects and
    none of them garbage; without the pause the collector rescans them over and over,
    which costs more than the work itself and grows faster than linearly.

    With ``keep`` (for loading questionnaires and assessments, which live as long as they
    are open and hold no reference cycles), a successful block ends with ``gc.freeze()``:
    the new objects skip the collector's young generations, which would otherwise scan
    every one of them once more. Refcounting still frees them when they are dropped. Only
    the outermost pause acts; a block that raises never freezes (a traceback is a cycle).
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    except BaseException:
        gc.enable()
        raise
    if keep:
        gc.freeze()
    gc.enable()
