"""The PDF's second page: the printed table of contents and what each level means.

The contents list every section, each questionnaire's answers and every finding with the
page it starts on; the page numbers are filled in when the PDF is saved
(``layout.PageNumberOf``), so laying the statement out once is enough. The glossary's
wording is shared with the other copies (``wording.py``).
"""

from __future__ import annotations

from collections.abc import Iterable

from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer, Table

from workerimpact.i18n import t
from workerimpact.report.layout import (
    RULE,
    TEXT_WIDTH,
    Bookmark,
    Heading,
    PageNumberOf,
    Styles,
)
from workerimpact.report.parts import Context, chip, grid, markup_cell
from workerimpact.report.text import inline
from workerimpact.report.wording import (
    CONTENTS_TITLE,
    GLOSSARY_INTRO,
    GLOSSARY_RAISED,
    GLOSSARY_TITLE,
    LEVEL_MEANINGS,
)

_DEPTH = 1
"""Deepest outline level listed in the printed contents (sections, then their parts)."""


def entries(story: Iterable[Flowable]) -> list[tuple[str, int, str]]:
    """(title, level, key) of every heading and bookmark of ``story`` down to ``_DEPTH``."""
    found: list[tuple[str, int, str]] = []
    for flowable in story:
        if isinstance(flowable, KeepTogether):
            found += entries(flowable._content)
        elif isinstance(flowable, (Heading, Bookmark)) and flowable.outline_level <= _DEPTH:
            found.append((flowable.outline_title, flowable.outline_level, flowable.outline_key))
    return found


def contents_page(context: Context, story: list[Flowable]) -> list[Flowable]:
    """The contents of ``story`` (the pages after this one) and the glossary of levels."""
    rows = []
    for title, level, key in [(t(GLOSSARY_TITLE), 0, "glossary")] + entries(story):
        style = Styles.cell_bold if level == 0 else Styles.cell
        rows.append([Paragraph(inline(title, 160), style), PageNumberOf(key, 8.5)])
    table = Table(rows, colWidths=[TEXT_WIDTH - 50, 50], repeatRows=0)
    table.setStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ]
        + [
            ("LEFTPADDING", (0, index), (0, index), 16)
            for index, (_title, level, _key) in enumerate([("", 0, "")] + entries(story), start=0)
            if level > 0
        ]
    )
    flowables: list[Flowable] = [
        Heading(t(CONTENTS_TITLE), Styles.h1, t(CONTENTS_TITLE), 0, "contents"),
        table,
        Spacer(1, 2),
    ]
    return flowables + glossary() + [PageBreak()]


def glossary() -> list[Flowable]:
    """What each level means for workers, in plain words, beside its printed chip."""
    rows: list[list] = [
        [markup_cell(t("Level"), True), markup_cell(t("What it means for workers"), True)]
    ]
    for level, meaning in LEVEL_MEANINGS:
        rows.append([chip(level, 112), markup_cell(inline(t(meaning), 400))])
    return [
        KeepTogether(
            [
                Heading(t(GLOSSARY_TITLE), Styles.h2, t(GLOSSARY_TITLE), 1, "glossary"),
                Paragraph(inline(t(GLOSSARY_INTRO), 400), Styles.body),
                grid(rows, [120, TEXT_WIDTH - 120]),
                Paragraph(inline(t(GLOSSARY_RAISED), 400), Styles.small),
            ]
        )
    ]
