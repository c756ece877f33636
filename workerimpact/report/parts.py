"""Pieces every section of the statement uses: the context, level chips, tables, wording."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from workerimpact.assessment import Assessment
from workerimpact.i18n import t
from workerimpact.questionnaire import Questionnaire
from workerimpact.report.layout import (
    BOLD,
    INK,
    LEVEL_COLORS,
    LEVEL_TEXT_COLORS,
    RULE,
    SHADE,
    Styles,
)
from workerimpact.report.text import inline
from workerimpact.scoring import AssessmentResult, Finding, QuestionnaireResult, level_label

ROLE_WORDS = {  # translated where printed: t(ROLE_WORDS[role])
    "employer": "Employer",
    "union": "Union / worker representatives",
    "joint": "Joint: employer and worker representatives",
    "consultant": "Consultant",
}
STATUS_WORDS = {"draft": "Draft", "in_review": "In review", "final": "Final"}
NOT_STATED = "(not stated)"


@dataclass
class Context:
    """What every section needs: the assessment, its result, and finding numbers."""

    assessment: Assessment
    result: AssessmentResult
    fingerprint: str
    numbers: dict[tuple[str, str], int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for index, finding in enumerate(self.result.findings, start=1):
            self.numbers[(finding.questionnaire_id, finding.id)] = index

    def number(self, finding: Finding) -> str:
        """The finding's label in this statement: F1, F2, ..."""
        return f"F{self.numbers[(finding.questionnaire_id, finding.id)]}"

    def finding(self, questionnaire_id: str, finding_id: str) -> Finding | None:
        """The fired finding with that id in that questionnaire."""
        for finding in self.result.findings:
            if finding.questionnaire_id == questionnaire_id and finding.id == finding_id:
                return finding
        return None

    def questionnaire(self, questionnaire_id: str) -> Questionnaire | None:
        """The embedded questionnaire with that id."""
        return self.assessment.questionnaire(questionnaire_id)

    def questionnaire_result(self, questionnaire_id: str) -> QuestionnaireResult | None:
        """The scoring result of that questionnaire."""
        return self.result.questionnaire(questionnaire_id)


def words(level: str | None) -> str:
    """A level as printed: SEVERE, HIGH, ...; or 'NOT YET ASSESSED'."""
    return level_label(level).upper()


def when(moment: dt.datetime) -> str:
    """A timestamp as printed: 2024-10-30 14:02 UTC."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC)
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def number(value: float) -> str:
    """A point count without needless decimals: 2, 2.5."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def or_not_stated(text: str) -> str:
    """The text, or '(not stated)' when empty."""
    return text if text.strip() else t(NOT_STATED)


def chip(level: str | None, width: float = 78, size: float = 8.5, prefix: str = "") -> Table:
    """A filled box with the level written in it (the color is a second signal only)."""
    style = Styles.cell_bold.clone(
        "chip",
        fontSize=size,
        leading=size + 2.5,
        alignment=1,
        textColor=LEVEL_TEXT_COLORS.get(level, colors.white),
    )
    table = Table([[Paragraph(prefix + words(level), style)]], colWidths=[width])
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), LEVEL_COLORS.get(level, LEVEL_COLORS[None])),
                ("BOX", (0, 0), (-1, -1), 0.6, INK),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
            ]
        )
    )
    return table


def grid(
    rows: list[list[Flowable | str]],
    widths: list[float],
    header: bool = True,
    label_column: bool = False,
) -> Table:
    """A light table; rows may split across pages, the header repeats."""
    table = Table(rows, colWidths=widths, repeatRows=1 if header else 0, splitInRow=1)
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if header:
        commands += [("BACKGROUND", (0, 0), (-1, 0), SHADE), ("FONTNAME", (0, 0), (-1, 0), BOLD)]
    if label_column:
        commands.append(("BACKGROUND", (0, 0), (0, -1), SHADE))
    table.setStyle(TableStyle(commands))
    return table


def cell(text: str, bold: bool = False, limit: int = 600) -> Paragraph:
    """A table cell holding untrusted text, escaped and clipped."""
    return Paragraph(inline(text, limit), Styles.cell_bold if bold else Styles.cell)


def markup_cell(markup: str, bold: bool = False) -> Paragraph:
    """A table cell holding markup this package wrote (already escaped where needed)."""
    return Paragraph(markup, Styles.cell_bold if bold else Styles.cell)
