"""The statement's last sections as content: method, fingerprint, levels block, sign-off.

What they say comes from ``method_content``, the source the PDF's Method page reads too;
this module puts it into the copies' blocks. The fingerprint line and the levels block use
the labels ``workerimpact verify`` reads back from a PDF (``report.integrity``), so an HTML
copy states them the same way."""

from __future__ import annotations

from workerimpact.i18n import t
from workerimpact.report import method_content as method_text
from workerimpact.report.content import Block, Heading, Paragraph, Run, Table, WriteIn, runs
from workerimpact.report.integrity import FINGERPRINT_LABEL, LEVELS_END, LEVELS_HEADER
from workerimpact.report.parts import Context
from workerimpact.report.statement import level
from workerimpact.report.text import clip, plain


def method(context: Context) -> list[Block]:
    """How scoring works, the bands, the questionnaires used, how each score came about."""
    blocks: list[Block] = [
        Heading(1, t("Method: how the levels were reached"), "method"),
        Heading(2, t("How scoring works"), "method-scoring"),
    ]
    blocks += [Paragraph(step) for step in method_text.scoring_steps(context)]
    blocks.append(
        Table(
            t("The score bands of each level"),
            tuple(t(name) for name in method_text.BAND_HEADER),
            tuple(
                ((Run(clip(title, 200)),), *((Run(text),) for text in ranges))
                for title, ranges in method_text.band_rows(context)
            ),
            row_headers=True,
        )
    )
    blocks += _questionnaires_used(context)
    blocks += _score_origins(context)
    blocks += _fingerprint(context)
    return blocks


def _questionnaires_used(context: Context) -> list[Block]:
    blocks: list[Block] = [
        Heading(2, t("Questionnaires used"), "method-used"),
        Paragraph(runs(method_text.used_intro())),
    ]
    for questionnaire in context.assessment.questionnaires:
        lines = method_text.questionnaire_used(questionnaire)
        joined: list[Run] = list(lines[0])
        for line in lines[1:]:
            joined += [Run(" "), *line]
        blocks.append(Paragraph(tuple(joined)))
        if questionnaire.description:
            blocks.append(Paragraph(runs(plain(questionnaire.description))))
    return blocks


def _score_origins(context: Context) -> list[Block]:
    result = context.result
    blocks: list[Block] = [
        Heading(2, t("How each score came about"), "method-how"),
        Paragraph(method_text.overall_origin(context)),
    ]
    for item in result.questionnaires:
        blocks.append(
            Paragraph(
                (Run(f"{clip(item.title, 300)}. ", bold=True),)
                + method_text.origin(context, item.result, item.id)
            )
        )
        blocks += [
            Paragraph(
                (Run(f"{clip(dimension.title, 300)}: ", italic=True),)
                + method_text.origin(context, dimension.result, item.id),
                "indented",
            )
            for dimension in item.dimensions
        ]
        rows = tuple(
            ((Run(plain(question)),), (Run(plain(answer)),), (Run(points),))
            for question, answer, points in method_text.contributions(context, item.id)
        )
        if rows:
            blocks.append(
                Table(
                    t("{title}: answers that gave points", title=clip(item.title, 200)),
                    tuple(t(name) for name in method_text.CONTRIBUTION_HEADER),
                    rows,
                )
            )
    return blocks


def _fingerprint(context: Context) -> list[Block]:
    return [
        Heading(2, t("Fingerprint and verification"), "method-fingerprint"),
        Paragraph(
            runs(
                t(
                    "The assessment this statement was generated from — metadata, embedded "
                    "questionnaires and every answer, comment and evidence note — is attached "
                    "to the PDF statement and embedded in this copy as "
                ),
                Run("assessment.json", bold=True),
                t(
                    " in canonical JSON (sorted keys, UTF-8, no whitespace). Its SHA-256 is "
                    "the fingerprint."
                ),
            )
        ),
        Paragraph(runs(Run(t(FINGERPRINT_LABEL), bold=True), f" {context.fingerprint}")),
        Paragraph(
            runs(
                t("Run "),
                Run("workerimpact verify REPORT.pdf", bold=True),
                t(
                    " to check that the attachment matches this fingerprint, that scoring it "
                    "again gives the levels below, and that no page was changed; "
                ),
                Run("workerimpact verify COPY --against REPORT.pdf", bold=True),
                t(
                    " checks that an HTML copy holds the same assessment as a statement. The "
                    "fingerprint is not a digital signature: anyone can make a new statement "
                    "from an edited assessment, which then has a different fingerprint. Record "
                    "the fingerprint when you sign (for example in the minutes of the meeting) "
                    "so a copy can later be checked against it."
                ),
            )
        ),
        Paragraph(runs(t(LEVELS_HEADER)), "label"),
        Table(
            t("Levels stated in this statement"),
            (t("Part"), t("Level")),
            _stated(context),
            row_headers=True,
        ),
        Paragraph(runs(t(LEVELS_END)), "small"),
    ]


def _stated(context: Context) -> tuple[tuple[tuple[Run, ...], ...], ...]:
    """The stated levels with the parts named in words (the PDF's block uses ids)."""
    return tuple(
        ((Run(name),), (level(value),)) for name, value in method_text.stated_parts(context)
    )


def sign_off(context: Context) -> list[Block]:
    """Room for both parties' signatures and the worker representatives' response."""
    header = tuple(t(name) for name in method_text.SIGNATURE_HEADER)
    return [
        Heading(1, t("Sign-off"), "sign-off"),
        Paragraph(method_text.sign_off_note(context)),
        Table(t("For the employer"), header, (), blank_rows=2),
        Table(t("For the workers' representatives"), header, (), blank_rows=3),
        Heading(2, t("Worker representatives' response"), "response"),
        Paragraph(runs(t(method_text.RESPONSE_NOTE)), "small"),
        WriteIn(t("Response of the workers' representatives"), 24),
    ]
