"""Fonts for every script in the statement: which font prints each character, and shaping.

DejaVu Sans (Latin, Greek, Cyrillic and many symbols) prints most text. Arabic, Hebrew and
Devanagari are printed with the Noto Sans faces shipped in ``assets/fonts`` (SIL Open Font
License, ``LICENSE-Noto-OFL.txt``); CJK, emoji and other scripts with a TrueType font found
on the machine (``MACHINE_FONTS``, e.g. Debian's fonts-droid-fallback and fonts-symbola).
``font_markup`` turns text into paragraph markup that switches font where the script
changes. A character no font can print becomes a ``[U+1F600]``-style marker — never a
silent box — and ``unprintable`` lets an export say which field holds it.

Arabic, Hebrew and Devanagari are shaped by HarfBuzz (reportlab with uharfbuzz): letters
join, marks and conjuncts are placed, and each word runs in its own direction; python-bidi
(the Unicode bidirectional algorithm) puts the words of a line in display order. Only
words in those fonts are shaped, so the rest of the statement costs nothing extra. A long
right-to-left passage is ordered as one line before it is wrapped, so its wrapped lines
read from the last line up.
"""

from __future__ import annotations

import glob
import unicodedata
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from workerimpact.paths import assets_dir

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
    """(font, text) runs; unprintable characters already replaced by markers."""
    runs: list[tuple[str, str]] = []
    current, buffer = "", []
    covered_by = dict(fallback_fonts())
    for char in text:
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


_RTL_CLASSES = frozenset({"R", "AL"})
_WITH_RTL = frozenset({"R", "AL", "NSM", "BN"})


def _rtl_word_run(text: str, start: int) -> int:
    end = start
    while end < len(text) and unicodedata.bidirectional(text[end]) in _WITH_RTL:
        end += 1
    return end


def visual_order(text: str) -> str:
    """Each line of ``text`` in display order by the Unicode bidirectional algorithm
    (python-bidi), except that the letters of each right-to-left word stay in reading
    order: HarfBuzz shapes and reverses those itself."""
    if not any(unicodedata.bidirectional(char) in _RTL_CLASSES for char in text):
        return text
    from bidi import get_display

    lines = []
    for line in text.split("\n"):
        shown = get_display(line, base_dir="L")
        parts, index = [], 0
        while index < len(shown):
            end = _rtl_word_run(shown, index)
            if end > index and any(
                unicodedata.bidirectional(char) in _RTL_CLASSES for char in shown[index:end]
            ):
                parts.append(shown[index:end][::-1])
                index = end
            else:
                parts.append(shown[index])
                index += 1
        lines.append("".join(parts))
    return "\n".join(lines)


def font_markup(text: str) -> str:
    """Paragraph markup for plain ``text`` (escaped), switching font where scripts need it."""
    if text.isascii():
        return escape(text)
    parts = []
    for font, run in _runs(visual_order(text)):
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
    """Shape only paragraphs and words printed in ``SHAPED`` fonts, one font at a time.

    reportlab shapes every word of a paragraph whose style asks for it, through a slower
    line-breaking path, and shapes a word with its first fragment's font. The statement's
    styles do not ask; a paragraph holding a shaped font's text does, and within it only the
    words in that font are shaped, each fragment with its own font. (reportlab offers no
    per-paragraph switch, hence the two wrappers, installed once.)
    """
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfbase.ttfonts import ShapedStr, makeShapedFragWord, shapeFragWord
    from reportlab.platypus import paragraph

    if getattr(paragraph.shapeFragWord, "workerimpact", False):
        return

    def shape(word, *args, **kwargs):
        fonts = [getattr(fragment, "fontName", "") for fragment, _ in word[1:]]
        if not any(font.split("-")[0] in SHAPED for font in fonts):
            return word
        if len(set(fonts)) == 1:
            return shapeFragWord(word, *args, **kwargs)
        # A word mixing fonts (an Arabic word in parentheses): each fragment on its own.
        shaped: list = [0.0]
        for fragment in word[1:]:
            style, text = fragment
            width = stringWidth(text, style.fontName, style.fontSize)
            if style.fontName.split("-")[0] in SHAPED and not isinstance(text, ShapedStr):
                part = shapeFragWord([width, fragment], *args, **kwargs)
                width = part[0]
                shaped.extend(part[1:])
            else:
                shaped.append(fragment)
            shaped[0] += width
        return makeShapedFragWord(word)(shaped)  # keeps "followed by a space" and the like

    shape.workerimpact = True  # type: ignore[attr-defined]
    paragraph.shapeFragWord = shape
    break_lines = paragraph.Paragraph.breakLines

    def shaped_break_lines(self, width):
        # Shaping takes reportlab's slower line-breaking path: only where a shaped font is.
        if not getattr(self.style, "shaping", 0) and any(
            getattr(fragment, "fontName", "").split("-")[0] in SHAPED
            for fragment in getattr(self, "frags", ())
        ):
            self.style = self.style.clone(self.style.name, shaping=1)
        # Tables, KeepTogether and page-end trials wrap one paragraph at the same width two
        # or three times; breaking its lines again gives the same lines (measured: 58% of
        # the calls while drawing a 1,000-question statement). Kept on the paragraph, for
        # its own style and fragments only, so a changed or split paragraph breaks afresh.
        key = tuple(width) if isinstance(width, list) else width
        frags = getattr(self, "frags", None)
        kept = self.__dict__.get("_broken_lines")
        if kept is not None and kept[1] is self.style and kept[2] is frags:
            lines = kept[0].get(key)
            if lines is not None:
                return lines
        else:
            kept = self._broken_lines = ({}, self.style, frags)
        lines = kept[0][key] = break_lines(self, width)
        return lines

    paragraph.Paragraph.breakLines = shaped_break_lines
