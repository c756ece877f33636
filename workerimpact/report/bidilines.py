"""Right-to-left paragraphs: lines broken in reading order, each line put in display order.

The Unicode bidirectional algorithm (UAX #9) resolves a level for every character of a
paragraph (python-bidi); reportlab then breaks the paragraph into lines in reading
(logical) order, and each line is reordered on its own (rules L1 and L2). So a long Arabic
or Hebrew passage reads from its first line down, each line from the right, and an
English word or a number inside it keeps its own direction.

reportlab's own bidi needs ``rlbidi``, which is not on PyPI, and its paragraph code leaves
bidi off for paragraphs of several fonts (every paragraph with Arabic or Hebrew here has
several: a font per script), so this module hooks at the line level instead:

* ``prepare`` splits a paragraph's fragments where the level changes and marks each with
  ``bidiLevel`` (its characters and inner spaces), ``bidiTrail`` (the level of the spaces
  after it) and ``bidiBase`` (the paragraph's direction, 0 or 1);
* ``same_fragment`` keeps reportlab from merging fragments of different levels into one;
* ``reorder`` puts one broken line in display order. Words that HarfBuzz shaped are already
  in display order inside (it shapes right-to-left runs right to left); other characters
  at a right-to-left level are turned round one by one, brackets mirrored.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

_RTL = frozenset({"R", "AL"})
_LEVEL = re.compile(r"Level\(\s*(\d+),?\s*\)")
_TOKEN = re.compile(r" +|[^ ]+")
_SPACE = " \t\n\r\u00a0"


def has_rtl(text: str) -> bool:
    """Whether ``text`` holds a right-to-left letter (Arabic, Hebrew, Syriac, …)."""
    return not text.isascii() and any(unicodedata.bidirectional(char) in _RTL for char in text)


def levels(text: str) -> tuple[int, list[int]]:
    """(paragraph level, level of each character) for one paragraph (no line breaks).

    The levels come from python-bidi's implementation of UAX #9 (bracket pairs included);
    rules L1 and L2 are left to ``reorder``, line by line.
    """
    if not text:
        return 0, []
    from bidi import get_display

    # Line and paragraph separators inside a fragment's text are spaces to reportlab.
    info = get_display(re.sub(r"[\n\r\x0b\x0c\x1c-\x1e\x85\u2029]", " ", text), debug=True)
    found = [int(value) for value in _LEVEL.findall(info)]
    encoded = text.encode("utf-8")
    paragraph = info.rfind("level: Level(")
    if len(found) != len(encoded) + 1 or paragraph < 0:  # pragma: no cover - another python-bidi
        return _levels_python(text)
    base = found[-1]
    per_byte = found[:-1]
    result, offset = [], 0
    for char in text:
        result.append(per_byte[offset])
        offset += len(char.encode("utf-8"))
    return base, result


def _levels_python(text: str) -> tuple[int, list[int]]:  # pragma: no cover - fallback
    """The same from python-bidi's older pure-Python implementation (no bracket pairs)."""
    from bidi import algorithm

    storage = algorithm.get_empty_storage()
    base = algorithm.get_base_level(text)
    storage["base_level"], storage["base_dir"] = base, "LR"[base]
    algorithm.get_embedding_levels(text, storage)
    algorithm.explicit_embed_and_overrides(storage)
    algorithm.resolve_weak_types(storage)
    algorithm.resolve_neutral_types(storage, False)
    algorithm.resolve_implicit_levels(storage, False)
    resolved = iter(char["level"] for char in storage["chars"])
    result, last = [], base
    for char in text:
        if unicodedata.bidirectional(char) not in algorithm.X9_REMOVED:
            last = next(resolved, last)
        result.append(last)
    return base, result


def _is_text(fragment: Any) -> bool:
    return not hasattr(fragment, "cbDefn") and not hasattr(fragment, "lineBreak")


def prepare(fragments: list[Any]) -> tuple[list[Any], int]:
    """The fragments split where the level changes, each marked; and the direction of the
    first paragraph with a strong character (1 right to left), for the alignment."""
    result: list[Any] = []
    direction: int | None = None
    segment: list[Any] = []
    for fragment in [*fragments, None]:
        if fragment is not None and not hasattr(fragment, "lineBreak"):
            segment.append(fragment)  # text, or an anchor or image inside the paragraph
            continue
        if segment:
            base = _prepare_segment(segment, result)
            if direction is None and any(
                not f.text.isspace() for f in segment if _is_text(f) and f.text
            ):
                direction = base
            segment = []
        if fragment is not None:
            result.append(fragment)
    return result, direction or 0


def _prepare_segment(segment: list[Any], result: list[Any]) -> int:
    text = "".join(fragment.text for fragment in segment if _is_text(fragment))
    base, level = levels(text)
    last: Any = None
    start = 0
    for fragment in segment:
        if not _is_text(fragment):
            result.append(fragment)
            continue
        end = start + len(fragment.text)
        last = _split(fragment, text, level, start, end, base, last, result)
        start = end
    return base


def _split(
    fragment: Any,
    text: str,
    level: list[int],
    start: int,
    end: int,
    base: int,
    last: Any,
    result: list[Any],
) -> Any:
    """Append the pieces of one fragment to ``result``; return the last piece of words."""
    index = start
    first = start
    own: int | None = None
    while index < end:
        if text[index] in _SPACE:
            stop = index
            while stop < end and text[stop] in _SPACE:
                stop += 1
            space = level[index]
            if own is None:  # spaces opening the fragment follow the previous word
                if last is not None and index == start and last is result[-1]:
                    last = _retrail(result, space)
                index = stop
                continue
            if stop == end:
                return _emit(result, fragment, text[first:stop], own, space, base)
            if space != own or level[stop] != own:
                last = _emit(result, fragment, text[first:stop], own, space, base)
                first, own = stop, None
            index = stop
            continue
        if own is None:
            own = level[index]
        elif level[index] != own:
            last = _emit(result, fragment, text[first:index], own, own, base)
            first, own = index, level[index]
        index += 1
    if own is not None:
        return _emit(result, fragment, text[first:end], own, own, base)
    if first < end:  # only spaces: kept, so that reportlab still sees a space here
        _emit(result, fragment, text[first:end], base, base, base)
    return last


def _emit(result: list[Any], fragment: Any, text: str, own: int, trail: int, base: int) -> Any:
    """Append a piece; one whose trailing spaces have a level of their own holds one word
    (so its inner spaces and its trailing ones are never confused once lines are made)."""
    if trail != own:
        words = text.rstrip(_SPACE)
        cut = max(words.rfind(space) for space in _SPACE) + 1
        if cut > 0:
            _emit(result, fragment, text[:cut], own, own, base)
            text = text[cut:]
    clone = fragment.clone()
    clone.text = text
    clone.bidiLevel, clone.bidiTrail, clone.bidiBase = own, trail, base
    result.append(clone)
    return clone


def _retrail(result: list[Any], trail: int) -> Any:
    """Give the last piece's trailing spaces (opening the next fragment) their level."""
    last = result.pop()
    return _emit(result, last, last.text, last.bidiLevel, trail, last.bidiBase)


def same_fragment(original: Any) -> Any:
    """reportlab's ``sameFrag`` that also keeps fragments of different levels apart, and
    fragments whose trailing spaces have a level of their own."""

    def same(first: Any, second: Any) -> int:
        one, two = first.__dict__, second.__dict__
        level = one.get("bidiLevel")
        if level is not None or two.get("bidiLevel") is not None:
            if level != two.get("bidiLevel"):
                return 0
            if one.get("bidiTrail") != level or two.get("bidiTrail") != level:
                return 0
        return original(first, second)

    return same


def _mirror_brackets(atoms: list[tuple[int, Any, Any]]) -> None:
    """Rule L4: a bracket at a right-to-left level is drawn mirrored ("(" as ")"). Around
    right-to-left words it copies out as typed (``actualtext``), since text extraction
    turns those words round but not the brackets; around a number or an English word,
    which extraction leaves as drawn, it copies out as drawn."""
    from bidi.mirror import MIRRORED
    from reportlab.pdfbase.ttfonts import ShapedStr

    for index, (level, fragment, text) in enumerate(atoms):
        if not level % 2 or not text or len(text) != 1 or isinstance(text, ShapedStr):
            continue
        mirror = MIRRORED.get(text)
        if mirror is None:
            continue
        step = -1 if unicodedata.category(text) in ("Pe", "Pf") else 1
        inside = index + step
        while 0 <= inside < len(atoms) and atoms[inside][2] == " ":
            inside += step
        drawn: Any = mirror
        if 0 <= inside < len(atoms) and atoms[inside][0] % 2:
            from reportlab.pdfbase.pdfmetrics import getFont

            from workerimpact.report.actualtext import replaced

            face = getFont(fragment.fontName).face
            width = face.charWidths.get(ord(mirror), face.defaultWidth)
            drawn = replaced(mirror, text, width)
        atoms[index] = (level, fragment, drawn)


def reorder(line: Any) -> None:
    """Put one broken line (a reportlab ``FragLine``) in display order, in place."""
    words = line.words
    texts = [word for word in words if _is_text(word) and "bidiLevel" in word.__dict__]
    if not texts:
        return
    from reportlab.pdfbase.ttfonts import ShapedStr

    base = texts[0].bidiBase
    atoms: list[tuple[int, Any, Any]] = []  # (level, fragment, text or None)
    tail: list[Any] = []
    for word in words:
        if not _is_text(word):
            if hasattr(word, "lineBreak"):
                tail.append(word)
            else:
                atoms.append((base, word, None))
            continue
        own = word.__dict__.get("bidiLevel", base)
        trail = word.__dict__.get("bidiTrail", own)
        text = word.text
        shaped = isinstance(text, ShapedStr)
        tokens = list(_TOKEN.finditer(text))
        for number, token in enumerate(tokens):
            piece = text[token.start() : token.end()]
            if piece[0] == " ":
                at = trail if number == len(tokens) - 1 else own
                atoms.extend((at, word, " ") for _ in piece)
            elif own % 2 and not shaped and len(piece) > 1:
                atoms.extend((own, word, char) for char in piece)
            else:
                atoms.append((own, word, piece))
    # L1: spaces ending the line take the paragraph's level.
    index = len(atoms) - 1
    while index >= 0 and atoms[index][2] == " ":
        atoms[index] = (base, atoms[index][1], " ")
        index -= 1
    _mirror_brackets(atoms)
    order = _l2([level for level, _, _ in atoms])
    line.words = _rebuild([atoms[position] for position in order]) + tail


def _l2(levels_: list[int]) -> list[int]:
    """Display order (rule L2): from the highest level down to the lowest odd one,
    reverse every run at that level or higher."""
    order = list(range(len(levels_)))
    odd = [level for level in levels_ if level % 2]
    if not odd:
        return order
    for level in range(max(levels_), min(odd) - 1, -1):
        index = 0
        while index < len(order):
            if levels_[order[index]] >= level:
                end = index
                while end < len(order) and levels_[order[end]] >= level:
                    end += 1
                order[index:end] = order[index:end][::-1]
                index = end
            else:
                index += 1
    return order


def _rebuild(atoms: list[tuple[int, Any, Any]]) -> list[Any]:
    """Fragments again: neighbouring atoms of one fragment joined into one text."""
    words: list[Any] = []
    current: Any = None
    source: Any = None
    for _level, fragment, text in atoms:
        if text is None:
            words.append(fragment)
            current = source = None
            continue
        if current is not None and source is fragment:
            current.text = current.text + text
            continue
        current = fragment.clone()
        current.text = text
        source = fragment
        words.append(current)
    return words
