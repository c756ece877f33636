"""The statement as plain content: headings, paragraphs, tables and levels, in reading order.

The HTML, Word and spreadsheet copies of a statement are written from this one value, built
by ``workerimpact.report.statement`` from the same ``Context`` (assessment, result,
fingerprint) the PDF is drawn from, so every copy says the same thing in the same order.
Text in it is final: untrusted text already has control and invisible characters made
visible as ``[U+202E]``-style markers (``report.text.plain``), and nothing in it is markup;
each writer escapes for its own format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

ParagraphKind = Literal["body", "small", "label", "indented", "flag", "question", "quote"]


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of text with one look. ``level`` marks a level word (SEVERE, HIGH…)."""

    text: str
    bold: bool = False
    italic: bool = False
    level: str | None = None


Cell = tuple[Run, ...]


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading: ``depth`` 1 for a section (Summary, Findings…), 2 and 3 below it.

    ``severity`` is set for a finding's heading, shown before its title.
    """

    depth: int
    text: str
    anchor: str
    severity: str | None = None


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of runs; ``kind`` says its role (body text, a label, an indented quote…)."""

    runs: tuple[Run, ...]
    kind: ParagraphKind = "body"


@dataclass(frozen=True, slots=True)
class Table:
    """A table with a header row; ``row_headers`` when the first column labels each row.

    ``blank_rows`` adds that many empty rows to fill in by hand (signature tables).
    """

    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    row_headers: bool = False
    blank_rows: int = 0


@dataclass(frozen=True, slots=True)
class LevelRow:
    """One measure of the summary: its level in words, its score, and why it was raised."""

    label: str
    depth: int
    level: str | None
    score: float | None
    note: str


@dataclass(frozen=True, slots=True)
class Levels:
    """The summary's levels (the PDF's chart), as rows a screen reader can read."""

    caption: str
    rows: tuple[LevelRow, ...]


@dataclass(frozen=True, slots=True)
class WriteIn:
    """Ruled space to write by hand: the worker representatives' response."""

    label: str
    lines: int


Block = Heading | Paragraph | Table | Levels | WriteIn


@dataclass(frozen=True, slots=True)
class Statement:
    """The whole statement: document facts, then the blocks in reading order."""

    title: str
    author: str
    subject: str
    status: str
    fingerprint: str
    generator: str
    blocks: tuple[Block, ...]
    contents: tuple[tuple[str, str], ...] = field(default=())
    """The sections (title, anchor), for a table of contents."""
    language: str = "en"
    """The language of the fixed text ("en", "es"), written into the copy (``lang``)."""


def runs(*parts: str | Run) -> tuple[Run, ...]:
    """Runs from plain strings (ordinary text) and runs."""
    return tuple(part if isinstance(part, Run) else Run(part) for part in parts if part != "")


def text_of(items: tuple[Run, ...]) -> str:
    """The plain text of some runs."""
    return "".join(item.text for item in items)
