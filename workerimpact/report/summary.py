"""The Summary page: every level in words and in a chart, the most serious findings with the
answers that caused them, and the required questions left unanswered.

Split from ``cover.py``; ``because`` and ``finding_head`` are shared with the Findings pages.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from workerimpact.i18n import n, t
from workerimpact.questionnaire import Bands
from workerimpact.report.chart import ChartRow, level_chart
from workerimpact.report.cover import MOST_SERIOUS, raised
from workerimpact.report.layout import TEXT_WIDTH, Bookmark, Heading, Styles
from workerimpact.report.parts import (
    Context,
    cell,
    chip,
    grid,
    markup_cell,
    words,
)
from workerimpact.report.text import QUOTE_LIMIT, inline, literal
from workerimpact.scoring import DEFAULT_BANDS, Finding, Score


def summary(context: Context) -> list[Flowable]:
    """The levels in words and in a chart, the most serious findings, unanswered questions."""
    result = context.result
    story: list[Flowable] = [
        Heading(t("Summary"), Styles.h1, t("Summary"), 0, "summary"),
        Paragraph(
            "<b>"
            + t("Overall level: {level}", level=words(result.overall.level))
            + (t(" (provisional)") if result.provisional else "")
            + ".</b> "
            + (
                t("<b>Every level on this statement is provisional</b>")
                + f" ({result.progress.describe().split(': ', 1)[1]}). "
                if result.provisional
                else ""
            )
            + (
                t("Score {score} out of 100", score=f"{result.overall.score:.0f}")
                + raised(context, result.overall)
                + ". "
                if result.overall.score is not None
                else ""
            )
            + t(
                "Each questionnaire and dimension has its own level; each bar is followed by "
                "it in words."
            ),
            Styles.body,
        ),
        Spacer(1, 2),
        level_chart(_chart_rows(context)),
    ]
    story += _most_serious(context)
    story += _unanswered(context)
    story.append(PageBreak())
    return story


def _raised_by(context: Context, score: Score, questionnaire_id: str | None = None) -> tuple:
    """The labels of the findings that raised a score's level, in statement order."""
    labels: list[str] = []
    for item in context.result.questionnaires:
        if questionnaire_id is not None and item.id != questionnaire_id:
            continue
        for finding in item.findings:
            if finding in score.forced_by and context.number(finding) not in labels:
                labels.append(context.number(finding))
    return tuple(labels)


def _chart_rows(context: Context) -> list[ChartRow]:
    overall = context.result.overall
    rows = [ChartRow(t("Overall"), overall, DEFAULT_BANDS, 0, _raised_by(context, overall))]
    for item in context.result.questionnaires:
        questionnaire = context.questionnaire(item.id)
        bands = questionnaire.scoring.bands if questionnaire else Bands()
        rows.append(
            ChartRow(item.title, item.result, bands, 1, _raised_by(context, item.result, item.id))
        )
        rows += [
            ChartRow(d.title, d.result, bands, 2, _raised_by(context, d.result, item.id))
            for d in item.dimensions
        ]
    return rows


def finding_head(context: Context, finding: Finding) -> Table:
    """The severity chip beside the finding's number and title."""
    title = Paragraph(
        f"{context.number(finding)}. {inline(finding.title, 500)}",
        Styles.h3.clone("finding-title", spaceBefore=0, spaceAfter=0),
    )
    table = Table([[chip(finding.severity, 70), title]], colWidths=[78, TEXT_WIDTH - 78])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def because(finding: Finding, style: ParagraphStyle | None = None) -> list[Flowable]:
    """The answers that made a finding fire, quoted (``style``: a compact one for the Summary)."""
    if not finding.because:
        return [
            Paragraph(t("No single answer is quoted: the rule in words says why."), Styles.body)
        ]
    if style is not None:
        return [
            Paragraph(
                t(
                    "• <b>Because</b> “{question}” <b>was answered</b> “{answer}”",
                    question=literal(citation.question, QUOTE_LIMIT, "question"),
                    answer=literal(citation.answer, QUOTE_LIMIT, "answer"),
                ),
                style,
            )
            for citation in finding.because
        ]
    return [
        Paragraph(
            f"• {literal(citation.question, QUOTE_LIMIT, 'question')}<br/>"
            + t(
                "<b>answered:</b> “{answer}”",
                answer=literal(citation.answer, QUOTE_LIMIT, "answer"),
            ),
            Styles.indented,
        )
        for citation in finding.because
    ]


def _most_serious(context: Context) -> list[Flowable]:
    findings = context.result.findings
    story: list[Flowable] = [
        Heading(t("Most serious findings"), Styles.h2, t("Most serious findings"), 1, "serious")
    ]
    if not findings:
        story.append(Paragraph(t("No finding fired on the answers given."), Styles.body))
        return story
    compact = Styles.indented.clone("summary", fontSize=9, leading=11, spaceAfter=1)
    for finding in findings[:MOST_SERIOUS]:
        # Compact, so that the Summary fits one page: labels run into their text.
        parts: list[Flowable] = [Spacer(1, 2), finding_head(context, finding), Spacer(1, 1)]
        parts += because(finding, compact)
        parts += [
            Paragraph(
                t("<b>Recommendation:</b> ")
                + literal(finding.recommendation, where="recommendation"),
                compact,
            ),
            Paragraph(
                t("<b>Source:</b> ") + literal(finding.source, where="source"),
                compact.clone("summary-source", fontSize=8, leading=10),
            ),
        ]
        story.append(KeepTogether(parts))
    rest = len(findings) - MOST_SERIOUS
    if rest > 0:
        story.append(
            Paragraph(
                n(
                    rest,
                    "{count} more finding is listed in the Findings section, with the rule and "
                    "source of each.",
                    "{count} more findings are listed in the Findings section, with the rule "
                    "and source of each.",
                ),
                Styles.small,
            )
        )
    return story


def _unanswered(context: Context) -> list[Flowable]:
    missing = context.result.unanswered
    if not missing:
        return [
            Bookmark(t("Required questions not answered"), 1, "unanswered"),
            Paragraph(
                t(
                    "<b>Required questions not answered:</b> none — every required question "
                    "that was shown has an answer."
                ),
                Styles.body.clone("none-unanswered", spaceBefore=4),
            ),
        ]
    story: list[Flowable] = [
        Heading(
            t("Required questions not answered ({count})", count=len(missing)),
            Styles.h2,
            t("Required questions not answered"),
            1,
            "unanswered",
        )
    ]
    story.append(
        Paragraph(
            t(
                "These questions are required by their questionnaire, were shown, and have no "
                "answer. Levels computed without them may understate the risk."
            ),
            Styles.body,
        )
    )
    titles = {q.id: q.title for q in context.assessment.questionnaires}
    rows: list[list] = [
        [markup_cell(t("Questionnaire › section"), True), markup_cell(t("Question"), True)]
    ]
    for item in missing:
        rows.append(
            [
                cell(
                    f"{titles.get(item.questionnaire_id, item.questionnaire_id)} › {item.section}"
                ),
                cell(item.question),
            ]
        )
    story.append(grid(rows, [170, TEXT_WIDTH - 170]))
    return story
