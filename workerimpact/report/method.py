"""The last pages: how scoring works, how each score came about, the fingerprint, sign-off.

What they say comes from ``method_content`` (the copies' Method section reads the same);
this module lays it out. The method pages let a reviewer recompute every level by hand:
the bands, the adjustments (mitigation credit), the levels forced by findings, the points
each answer gave, and which questionnaires — by id, version and content hash — were used.
The full fingerprint and the levels block printed here are what ``workerimpact verify``
reads back."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from workerimpact.i18n import t
from workerimpact.report import method_content as method_text
from workerimpact.report.integrity import FINGERPRINT_LABEL, LEVELS_END, LEVELS_HEADER
from workerimpact.report.layout import INK, RULE, TEXT_WIDTH, Heading, Styles
from workerimpact.report.parts import Context, cell, grid, markup_cell, words
from workerimpact.report.text import escaped, inline


def method(context: Context) -> list[Flowable]:
    """How scoring works, what was used, and how each score came about."""
    story: list[Flowable] = [
        Heading(t("Method: how the levels were reached"), Styles.h1, t("Method"), 0, "method"),
        Heading(t("How scoring works"), Styles.h2, t("How scoring works"), 1, "method-scoring"),
    ]
    story += [
        Paragraph(method_text.markup(step), Styles.body)
        for step in method_text.scoring_steps(context)
    ]
    story.append(_bands_table(context))
    story += _questionnaires_used(context)
    story += _score_origins(context)
    story += _fingerprint(context)
    story.append(PageBreak())
    return story


def _bands_table(context: Context) -> Table:
    rows: list[list] = [[markup_cell(t(text), True) for text in method_text.BAND_HEADER]]
    for title, ranges in method_text.band_rows(context):
        rows.append([cell(title, limit=200), *(markup_cell(escape(text)) for text in ranges)])
    width = (TEXT_WIDTH - 180) / 4
    return grid(rows, [180, width, width, width, width])


def _questionnaires_used(context: Context) -> list[Flowable]:
    story: list[Flowable] = [
        Heading(t("Questionnaires used"), Styles.h2, t("Questionnaires used"), 1, "method-used"),
        Paragraph(method_text.used_intro(), Styles.body),
    ]
    for questionnaire in context.assessment.questionnaires:
        lines = method_text.questionnaire_used(questionnaire)
        story.append(
            Paragraph("<br/>".join(method_text.markup(line) for line in lines), Styles.body)
        )
        if questionnaire.description:
            # What it covers, its frame and (for the built-ins) the status of its sources.
            story.append(Paragraph(inline(questionnaire.description, 4000), Styles.body))
    return story


def _score_origins(context: Context) -> list[Flowable]:
    result = context.result
    story: list[Flowable] = [
        Heading(
            t("How each score came about"),
            Styles.h2,
            t("How each score came about"),
            1,
            "method-how",
        ),
        Paragraph(method_text.markup(method_text.overall_origin(context)), Styles.body),
    ]
    for item in result.questionnaires:
        story.append(
            Paragraph(
                f"<b>{inline(item.title, 300)}.</b> "
                + method_text.markup(method_text.origin(context, item.result, item.id)),
                Styles.body,
            )
        )
        for dimension in item.dimensions:
            story.append(
                Paragraph(
                    f"<i>{inline(dimension.title, 300)}:</i> "
                    + method_text.markup(method_text.origin(context, dimension.result, item.id)),
                    Styles.indented,
                )
            )
        given = method_text.contributions(context, item.id)
        if given:
            rows: list[list] = [
                [markup_cell(t(text), True) for text in method_text.CONTRIBUTION_HEADER]
            ]
            rows += [
                [cell(question, limit=300), cell(answer, limit=200), markup_cell(escape(points))]
                for question, answer, points in given
            ]
            # Start on the next page only when little room is left; otherwise split here.
            story += [
                CondPageBreak(90),
                Paragraph(t("Answers that gave points:"), Styles.caption),
                grid(rows, [TEXT_WIDTH - 230, 150, 80]),
                Spacer(1, 6),
            ]
    return story


def _fingerprint(context: Context) -> list[Flowable]:
    levels = "<br/>".join(
        f"{escaped(name)} = {words(level)}" for name, level in method_text.stated_parts(context)
    )
    box = Table(
        [[Paragraph(f"{t(LEVELS_HEADER)}<br/>{levels}<br/>{t(LEVELS_END)}", Styles.cell)]],
        colWidths=[TEXT_WIDTH],
    )
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.5, RULE)]))
    return [
        Heading(
            t("Fingerprint and verification"), Styles.h2, t("Fingerprint"), 1, "method-fingerprint"
        ),
        Paragraph(
            t(
                "The assessment this statement was generated from — metadata, embedded "
                "questionnaires and every answer, comment and evidence note — is attached to "
                "this PDF as <b>assessment.json</b> in canonical JSON (sorted keys, UTF-8, no "
                "whitespace). Its SHA-256 is the fingerprint; its first 12 digits are in the "
                "footer of every page."
            ),
            Styles.body,
        ),
        Paragraph(
            f"<b>{t(FINGERPRINT_LABEL)}</b> {context.fingerprint}",
            Styles.body.clone(
                "fingerprint", fontSize=9.5, textColor=INK, spaceBefore=4, spaceAfter=6
            ),
        ),
        Paragraph(
            t(
                "Run <b>workerimpact verify REPORT.pdf</b> to check that the attachment matches "
                "this fingerprint, that scoring it again gives the levels below, and that no "
                "page was changed. The fingerprint is not a digital signature: anyone can make "
                "a new statement from an edited assessment, which then has a different "
                "fingerprint. Record the fingerprint when you sign (for example in the minutes "
                "of the meeting) so a copy can later be checked against it."
            ),
            Styles.body,
        ),
        box,
    ]


def sign_off(context: Context) -> list[Flowable]:
    """Space for both parties' signatures and the worker representatives' response."""
    blank = [Paragraph("", Styles.cell)] * 4
    header = [markup_cell(t(text), True) for text in method_text.SIGNATURE_HEADER]
    widths = [TEXT_WIDTH * 0.3, TEXT_WIDTH * 0.25, TEXT_WIDTH * 0.3, TEXT_WIDTH * 0.15]

    def signatures(title: str, lines: int) -> list[Flowable]:
        table = Table([header] + [blank] * lines, colWidths=widths, rowHeights=[16] + [34] * lines)
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.5, INK),
                    ("BACKGROUND", (0, 0), (-1, 0), "#f1f1f1"),
                ]
            )
        )
        return [Paragraph(title, Styles.label), table, Spacer(1, 10)]

    response = Table([[""]] * 24, colWidths=[TEXT_WIDTH], rowHeights=[22] * 24)
    response.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.8, INK),
                ("LINEBELOW", (0, 0), (-1, -2), 0.3, RULE),
            ]
        )
    )
    story: list[Flowable] = [
        Heading(t("Sign-off"), Styles.h1, t("Sign-off"), 0, "sign-off"),
        Paragraph(method_text.markup(method_text.sign_off_note(context)), Styles.body),
        Spacer(1, 6),
    ]
    story += signatures(t("For the employer"), 2)
    story += signatures(t("For the workers' representatives"), 3)
    story += [
        PageBreak(),
        Heading(
            t("Worker representatives' response"),
            Styles.h2,
            t("Worker representatives' response"),
            1,
            "response",
        ),
        Paragraph(t(method_text.RESPONSE_NOTE), Styles.small),
        Spacer(1, 4),
        response,
    ]
    return story
