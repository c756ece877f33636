"""The statement as an editable Word document (python-docx), for people who must edit it.

Real Word headings (so the navigation pane and screen readers find them) and real tables
with a repeating header row, written from the same content as the PDF. Page 1 says first
that this is an editable copy and not the signed statement: only the PDF carries the
attached assessment and its fingerprint checks.
"""

from __future__ import annotations

import io
import re

from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from workerimpact.i18n import t
from workerimpact.report.content import (
    Block,
    Heading,
    Levels,
    Paragraph,
    Run,
    Statement,
    Table,
    WriteIn,
)
from workerimpact.report.wording import CONTENTS_TITLE
from workerimpact.results import level_label

EDITABLE_NOTICE = (
    "EDITABLE COPY — this is not the signed statement. It was made from the statement's "
    "assessment (fingerprint {fingerprint}) so it can be edited; once edited it no longer "
    "matches that assessment. The PDF statement, checked with workerimpact verify, is the "
    "record the parties sign."
)
_LEVEL_COLORS = {
    "low": RGBColor(0x2E, 0x6B, 0x31),
    "moderate": RGBColor(0x8A, 0x61, 0x00),
    "high": RGBColor(0xB3, 0x3C, 0x00),
    "severe": RGBColor(0xB7, 0x1C, 0x1C),
}
# XML 1.0 cannot hold these even escaped; report.text.plain has already made the visible
# ones markers, this is the last guard.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class _Styles:
    """Paragraph styles by name, looked up once.

    python-docx finds a style by name, and checks it against the default style, on every
    assignment (most of the export's time); the style ids are set directly instead.
    """

    def __init__(self, document) -> None:
        self.document = document
        self.ids: dict[str, str] = {}

    def paragraph(self, name: str | None = None, text: str = ""):
        paragraph = self.document.add_paragraph(_safe(text) if text else "")
        if name is not None:
            if name not in self.ids:
                self.ids[name] = self.document.styles[name].style_id
            paragraph._p.style = self.ids[name]  # noqa: SLF001 - see the class docstring
        return paragraph


def _safe(text: str) -> str:
    return _NOT_XML.sub(lambda match: f"[U+{ord(match.group()):04X}]", text)


def _add_runs(paragraph, items: tuple[Run, ...]) -> None:
    for item in items:
        run = paragraph.add_run(_safe(item.text))
        run.bold = item.bold or None
        run.italic = item.italic or None
        if item.level in _LEVEL_COLORS:
            run.font.color.rgb = _LEVEL_COLORS[item.level]


def _repeat_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    mark = OxmlElement("w:tblHeader")
    mark.set(qn("w:val"), "true")
    properties.append(mark)


def _table(styles: _Styles, caption: str, header: tuple[str, ...], rows, blank: int = 0) -> None:
    styles.paragraph("Caption", caption)
    table = styles.document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(_safe(text)).bold = True
    _repeat_header(table.rows[0])
    for row in rows:
        cells = table.add_row().cells
        for cell, content in zip(cells, row, strict=True):
            if isinstance(content, str):
                cell.text = _safe(content)
            else:
                _add_runs(cell.paragraphs[0], content)
    for _ in range(blank):
        table.add_row().height = Pt(30)


def _block(styles: _Styles, block: Block, first_section: list[bool]) -> None:
    if isinstance(block, Heading):
        depth = 0 if block.anchor == "cover" else block.depth
        if depth == 1 and not first_section[0]:
            styles.paragraph().add_run().add_break(WD_BREAK.PAGE)
        first_section[0] = False
        heading = styles.paragraph("Title" if depth == 0 else f"Heading {depth}")
        if block.severity is not None:
            _add_runs(heading, (Run(block.severity.upper() + " · ", level=block.severity),))
        heading.add_run(_safe(block.text))
    elif isinstance(block, Paragraph):
        style = {"small": "Body Text", "quote": "Quote", "label": None}.get(block.kind)
        paragraph = styles.paragraph(style)
        if block.kind in ("indented", "quote", "flag"):
            paragraph.paragraph_format.left_indent = Pt(14)
        if block.kind in ("label", "question"):
            paragraph.paragraph_format.keep_with_next = True
            items = tuple(Run(item.text, True, item.italic, item.level) for item in block.runs)
            _add_runs(paragraph, items)
        else:
            _add_runs(paragraph, block.runs)
    elif isinstance(block, Table):
        _table(styles, block.caption, block.header, block.rows, block.blank_rows)
    elif isinstance(block, Levels):
        rows = [
            (
                "    " * row.depth + row.label,
                (Run(level_label(row.level).upper(), True, level=row.level),),
                "—" if row.score is None else f"{row.score:.0f}/100",
                row.note or t("no"),
            )
            for row in block.rows
        ]
        header = tuple(t(name) for name in ("Part", "Level", "Score", "Raised by a finding"))
        _table(styles, block.caption, header, rows)
    elif isinstance(block, WriteIn):
        styles.paragraph(None, block.label + ":")
        for _ in range(block.lines):
            styles.paragraph(None, "_" * 60)


def _contents(styles: _Styles, statement: Statement) -> None:
    """The sections in order, as the PDF's printed contents list them (without pages)."""
    styles.paragraph().add_run().add_break(WD_BREAK.PAGE)
    styles.paragraph("Heading 1").add_run(t(CONTENTS_TITLE))
    for title, _anchor in statement.contents:
        styles.paragraph("List Number", _safe(title))


def docx_document(statement: Statement) -> bytes:
    """The statement as the bytes of a .docx file."""
    document = Document()
    properties = document.core_properties
    properties.title = _safe(statement.title)
    properties.author = _safe(statement.author)
    properties.subject = _safe(statement.subject)
    properties.comments = t(
        "Editable copy; assessment fingerprint {fingerprint}", fingerprint=statement.fingerprint
    )
    properties.language = statement.language
    properties.keywords = "AI workplace impact; EO 14110; editable copy"
    notice = document.add_paragraph()
    run = notice.add_run(t(EDITABLE_NOTICE, fingerprint=statement.fingerprint))
    run.bold = True
    first = [True]
    styles = _Styles(document)
    for block in statement.blocks:
        if isinstance(block, Heading) and block.anchor == "glossary":
            _contents(styles, statement)
        _block(styles, block, first)
    styles.paragraph(
        "Body Text",
        t(
            "{generator} · editable copy · fingerprint {fingerprint}",
            generator=statement.generator,
            fingerprint=statement.fingerprint[:12],
        ),
    )
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
