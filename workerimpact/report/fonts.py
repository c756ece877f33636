"""Fonts for every script in the statement: which font prints each character, and shaping.

DejaVu Sans (Latin, Greek, Cyrillic and many symbols) prints most text. Arabic, Hebrew and
Devanagari are printed with the Noto Sans faces shipped in ``assets/fonts`` (SIL Open Font
License, ``LICENSE-Noto-OFL.txt``); CJK, emoji and other scripts with a TrueType font found
on the machine (``MACHINE_FONTS``, e.g. Debian's fonts-droid-fallback and fonts-symbola).
``font_markup`` turns text into paragraph markup that switches font where the script
changes. A character no font can print becomes a ``[U+1F600]``-style marker — never a
silent box — and ``unprintable`` lets an export say which field holds it.

Arabic, Hebrew and Devanagari are shaped by HarfBuzz (reportlab with uharfbuzz): letters
join, marks and conjuncts are placed, and each word runs in its own direction. Only words
in those fonts are shaped, so the rest of the statement costs nothing extra. A paragraph
with right-to-left text is broken into lines in reading order and each line is then put in
display order (``bidilines``: the Unicode bidirectional algorithm by python-bidi, rules L1
and L2 line by line), right-aligned when the paragraph starts right to left. Shaped glyphs
copy out as the text typed (``actualtext``).
"""

from __future__ import annotations

import glob
import unicodedata
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from workerimpact.paths import assets_dir
from workerimpact.report import emoji

SHIPPED_FONTS = {
    "WorkerImpactArabic": ("NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf"),
    "WorkerImpactHebrew": ("NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Bold.ttf"),
    "WorkerImpactDevanagari": ("NotoSansDevanagari-Regular.ttf", "NotoSansDevanagari-Bold.ttf"),
}
"""Shipped faces (regular, bold) by the name they are registered under."""
SHAPED = frozenset(SHIPPED_FONTS)
"""Fonts whose words go through HarfBuzz."""

MACHINE_FONTS = (
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/droid/DroidSansFallback.ttf",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/noto/NotoSansThai-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansSymbols2-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansMath-Regular.ttf",
    "/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf",
    "/usr/share/fonts/truetype/ancient-scripts/Symbola.ttf",
    "/usr/share/fonts/truetype/unifont/unifont.ttf",
)
"""TrueType fonts looked for on the machine, in order of preference, for what the shipped
fonts lack (CJK, Thai, emoji, math letters). reportlab cannot embed PostScript-outline
(CFF) fonts such as Noto Sans CJK, so only TrueType files are listed."""

# Scripts printed with a shipped face even where DejaVu Sans has some of their letters.
_PREFERRED = (
    ((0x0590, 0x05FF), "WorkerImpactHebrew"),
    ((0xFB1D, 0xFB4F), "WorkerImpactHebrew"),
    ((0x0600, 0x06FF), "WorkerImpactArabic"),
    ((0x0750, 0x077F), "WorkerImpactArabic"),
    ((0x08A0, 0x08FF), "WorkerImpactArabic"),
    ((0xFB50, 0xFDFF), "WorkerImpactArabic"),
    ((0xFE70, 0xFEFF), "WorkerImpactArabic"),
    ((0x0900, 0x097F), "WorkerImpactDevanagari"),
    ((0xA8E0, 0xA8FF), "WorkerImpactDevanagari"),
)
# Selectors that only ask for a colour or text presentation: nothing is lost without them.
_DROPPABLE = frozenset({0xFE0E, 0xFE0F})
# Machine fonts that form emoji sequences as one glyph: their words are shaped too (found
# once, when the fonts are registered, so every drawing of a statement is the same).
_SHAPE_ALSO: set[str] = set()
_PROBES = ("\U0001f469\u200d\U0001f527", "\U0001f1fa\U0001f1f8", "\U0001f44d\U0001f3fd")


def _register(name: str, regular: str, bold: str | None) -> frozenset[int]:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    font = TTFont(name, regular)
    pdfmetrics.registerFont(font)
    bold_name = name
    if bold is not None:
        bold_name = f"{name}-Bold"
        pdfmetrics.registerFont(TTFont(bold_name, bold))
    addMapping(name, 0, 0, name)
    addMapping(name, 0, 1, name)
    addMapping(name, 1, 0, bold_name)
    addMapping(name, 1, 1, bold_name)
    return frozenset(font.face.charToGlyph)


@cache
def fallback_fonts() -> tuple[tuple[str, frozenset[int]], ...]:
    """Register the shipped and machine fonts once; (name, characters covered) in order."""
    folder = assets_dir() / "fonts"
    found: list[tuple[str, frozenset[int]]] = []
    for name, (regular, bold) in SHIPPED_FONTS.items():
        found.append((name, _register(name, str(folder / regular), str(folder / bold))))
    for index, path in enumerate(_machine_candidates()):
        try:
            name = f"WorkerImpactMachine{index}"
            found.append((name, _register(name, path, None)))
        except Exception:  # not TrueType, damaged, or unreadable: look at the next one
            continue
        if 0x1F469 in found[-1][1] and any(emoji.drawn_as_one(p, name) for p in _PROBES):
            _SHAPE_ALSO.add(name)
    _install_shaping()
    _install_width_cache()
    return tuple(found)


def rendering_setup() -> str:
    """What besides the versions decides how pages look: the shaping library and the
    machine's fonts. ``verify`` redraws a statement only where this is the same."""
    try:
        import uharfbuzz

        shaping = f"uharfbuzz {uharfbuzz.__version__}"
    except ImportError:
        shaping = "no shaping"
    fonts = [Path(path).name for path in _machine_candidates()]
    return "; ".join([shaping] + ([f"fonts {', '.join(fonts)}"] if fonts else []))


def _machine_candidates() -> Iterator[str]:
    seen: set[str] = set()
    extra = sorted(glob.glob(str(Path.home() / ".local/share/fonts/**/*.tt[fc]"), recursive=True))
    for path in (*MACHINE_FONTS, *extra):
        if path not in seen and Path(path).is_file():
            seen.add(path)
            yield path


@cache
def _base_coverage() -> frozenset[int]:
    from reportlab.pdfbase import pdfmetrics

    from workerimpact.report.layout import FONT, register_fonts

    register_fonts()
    return frozenset(pdfmetrics.getFont(FONT).face.charToGlyph)


def _preferred(code: int) -> str | None:
    for (low, high), name in _PREFERRED:
        if low <= code <= high:
            return name
    return None


def font_for(char: str) -> str | None:
    """The font that prints ``char``: "" for the statement's own font, None if none can."""
    code = ord(char)
    preferred = _preferred(code)
    fonts = fallback_fonts()
    if preferred is not None:
        return preferred
    if code in _base_coverage() or char in "\n\t ":
        return ""
    for name, covered in fonts:
        if code in covered:
            return name
    return None


def _neutral(char: str) -> bool:
    # Spaces, marks and joiners stay in the font around them. Punctuation and digits take
    # their own font, so that HarfBuzz never turns them round with a right-to-left word.
    return unicodedata.category(char) in ("Zs", "Cf", "Mn", "Me")


def _runs(text: str) -> list[tuple[str, str]]:
    """(font, text) runs; unprintable characters already replaced by markers, and emoji
    sequences no font forms as one glyph by one marker each (``emoji``)."""
    runs: list[tuple[str, str]] = []
    current, buffer = "", []
    covered_by = dict(fallback_fonts())
    sequences = _sequences(text)
    index = 0
    while index < len(text):
        char = text[index]
        end = sequences.get(index)
        if end is not None:
            sequence = text[index:end]
            font = font_for(char)
            if not emoji.drawn_as_one(sequence, font):
                char, font = emoji.marker(sequence), ""
            else:
                char = sequence
            index = end
        else:
            index += 1
            font = font_for(char)
            if _neutral(char) and current and ord(char) in covered_by.get(current, ()):
                font = current  # spaces and punctuation stay with the script around them
            if font is None:
                if ord(char) in _DROPPABLE:
                    continue
                char, font = f"[U+{ord(char):04X}]", ""
        if font != current and buffer:
            runs.append((current, "".join(buffer)))
            buffer = []
        current = font
        buffer.append(char)
    if buffer:
        runs.append((current, "".join(buffer)))
    return runs


def _sequences(text: str) -> dict[int, int]:
    """Where emoji sequences start in ``text``, and where each ends."""
    if not any(ord(char) > 0x25FF for char in text):
        return {}
    return {match.start(): match.end() for match in emoji.SEQUENCE.finditer(text)}


def shaped_font(name: str) -> bool:
    """Whether words in the font ``name`` (or its bold) go through HarfBuzz."""
    family = name.split("-")[0]
    return family in SHAPED or family in _SHAPE_ALSO


def font_markup(text: str) -> str:
    """Paragraph markup for plain ``text`` (escaped), switching font where scripts need it."""
    if text.isascii():
        return escape(text)
    parts = []
    for font, run in _runs(text):
        escaped = escape(run)
        parts.append(f'<font face="{font}">{escaped}</font>' if font else escaped)
    return "".join(parts)


def printable(text: str) -> str:
    """``text`` for a one-font line (chart labels, footers): what the base font cannot print
    becomes a marker."""
    if text.isascii():
        return text
    base = _base_coverage()
    return "".join(
        char if ord(char) in base or char in "\n\t " else f"[U+{ord(char):04X}]" for char in text
    )


def unprintable(text: str) -> list[str]:
    """The characters of ``text`` that no font on this machine prints, as U+XXXX."""
    if text.isascii():
        return []
    rest = set(map(ord, text)) - _base_coverage()
    if not rest:
        return []
    missing = []
    sequences = _sequences(text)
    for start, end in sequences.items():
        sequence = text[start:end]
        if not emoji.drawn_as_one(sequence, font_for(sequence[0])):
            label = emoji.label(sequence)
            if label not in missing:
                missing.append(label)
    inside = {index for start, end in sequences.items() for index in range(start, end)}
    text = "".join(char for index, char in enumerate(text) if index not in inside)
    for char in sorted(set(text), key=text.index):
        if ord(char) not in rest:
            continue
        if font_for(char) is None and ord(char) not in _DROPPABLE:
            label = f"U+{ord(char):04X}"
            if label not in missing:
                missing.append(label)
    return missing


def _install_width_cache() -> None:
    """Remember the widths of words while paragraphs are broken into lines.

    reportlab measures every word of a paragraph each time it breaks it into lines, in
    Python (about 140,000 measures for a 1,000-question statement, most of them words it
    has measured before). A width depends only on the text, the font and the size, so it is
    kept (plain strings only: a shaped string carries its own glyph positions). The fonts
    are registered once per process under fixed names, so a kept width never goes stale.
    """
    from functools import lru_cache

    from reportlab.platypus import paragraph

    measure = paragraph.stringWidth
    if getattr(measure, "workerimpact", False):
        return

    @lru_cache(maxsize=65_536)
    def kept(text: str, font: str, size: float, encoding: str) -> float:
        return measure(text, font, size, encoding)

    def width(text, font_name, font_size, encoding="utf8"):
        if type(text) is str:
            return kept(text, font_name, font_size, encoding)
        return measure(text, font_name, font_size, encoding)

    width.workerimpact = True  # type: ignore[attr-defined]
    paragraph.stringWidth = width


def _install_shaping() -> None:
    """Shape only paragraphs and words printed in ``SHAPED`` fonts, one font at a time;
    order right-to-left paragraphs line by line (``bidilines``); make shaped text copy out
    as typed (``actualtext``).

    reportlab shapes every word of a paragraph whose style asks for it, through a slower
    line-breaking path, and shapes a word with its first fragment's font. The statement's
    styles do not ask; a paragraph holding a shaped font's text does, and within it only the
    words in that font are shaped, each fragment with its own font. (reportlab offers no
    per-paragraph switch, hence the wrappers, installed once.)
    """
    from reportlab.lib.enums import TA_LEFT, TA_RIGHT
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfbase.ttfonts import (
        ShapedFragWord,
        ShapedStr,
        makeShapedFragWord,
        shapeFragWord,
    )
    from reportlab.platypus import paragraph

    from workerimpact.report import actualtext, bidilines

    if getattr(paragraph.shapeFragWord, "workerimpact", False):
        return

    def shape_one(word, *args, **kwargs):
        source = "".join(text for fragment, text in word[1:] if not hasattr(fragment, "cbDefn"))
        shaped = shapeFragWord(word, *args, **kwargs)
        if shaped is not word:
            actualtext.mark(source, shaped)
        return shaped

    def key(fragment) -> tuple[str, object]:
        return fragment.fontName, fragment.__dict__.get("bidiLevel")

    def shape(word, *args, **kwargs):
        if isinstance(word, ShapedFragWord):  # shaped when the paragraph was first wrapped
            return word
        fonts = [getattr(fragment, "fontName", "") for fragment, _ in word[1:]]
        if not any(shaped_font(font) for font in fonts):
            return word
        if len({key(fragment) for fragment, _ in word[1:]}) == 1:
            return shape_one(word, *args, **kwargs)
        # A word mixing fonts or directions (an Arabic word in parentheses): each on its own.
        shaped: list = [0.0]
        for fragment in word[1:]:
            style, text = fragment
            width = stringWidth(text, style.fontName, style.fontSize)
            if shaped_font(style.fontName) and not isinstance(text, ShapedStr):
                part = shape_one([width, fragment], *args, **kwargs)
                width = part[0]
                shaped.extend(part[1:])
            else:
                shaped.append(fragment)
            shaped[0] += width
        return makeShapedFragWord(word)(shaped)  # keeps "followed by a space" and the like

    shape.workerimpact = True  # type: ignore[attr-defined]
    paragraph.shapeFragWord = shape
    paragraph.sameFrag = bidilines.same_fragment(paragraph.sameFrag)
    actualtext.install()
    break_lines = paragraph.Paragraph.breakLines

    def shaped_break_lines(self, width):
        frags = getattr(self, "frags", ())
        rtl = False
        if frags and isinstance(frags[0], list):  # words already (a paragraph split in two)
            rtl = any("bidiLevel" in word[1][0].__dict__ for word in frags if len(word) > 1)
        elif any(bidilines.has_rtl(getattr(fragment, "text", "")) for fragment in frags):
            rtl = True
            self.frags, direction = bidilines.prepare(frags)
            if direction and self.style.alignment == TA_LEFT:
                self.style = self.style.clone(self.style.name, alignment=TA_RIGHT)
        # Shaping takes reportlab's slower line-breaking path: only where a shaped font is.
        if not getattr(self.style, "shaping", 0) and (
            rtl
            or any(
                shaped_font(getattr(fragment, "fontName", ""))
                for fragment in getattr(self, "frags", ())
            )
        ):
            self.style = self.style.clone(self.style.name, shaping=1)
        # Tables, KeepTogether and page-end trials wrap one paragraph at the same width two
        # or three times; breaking its lines again gives the same lines (measured: 58% of
        # the calls while drawing a 1,000-question statement). Kept on the paragraph, for
        # its own style and fragments only, so a changed or split paragraph breaks afresh
        # (a right-to-left paragraph is prepared afresh each time, so it is broken afresh).
        key = tuple(width) if isinstance(width, list) else width
        frags = getattr(self, "frags", None)
        kept = self.__dict__.get("_broken_lines")
        if kept is not None and kept[1] is self.style and kept[2] is frags:
            lines = kept[0].get(key)
            if lines is not None:
                return lines
        else:
            kept = self._broken_lines = ({}, self.style, frags)
        lines = break_lines(self, width)
        if rtl and lines.kind == 1:
            for line in lines.lines:
                bidilines.reorder(line)
        kept[0][key] = lines
        return lines

    paragraph.Paragraph.breakLines = shaped_break_lines
