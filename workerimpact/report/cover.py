"""The first pages: who assessed which system, when, with what result, and what matters most.

A union steward should know from page 1 who assessed which AI system, when, how far the
assessment has got and its overall level; the summary that follows gives every level in
words and in a chart, the most serious findings with the answers that caused them, and the
required questions left unanswered.
"""

from __future__ import annotations

from collections import Counter

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

from workerimpact import __version__
from workerimpact.assessment import STAGE_LABELS
from workerimpact.i18n import long_date, n, t
from workerimpact.questionnaire import LEVELS, Bands
from workerimpact.report.chart import ChartRow, level_chart
from workerimpact.report.layout import INK, TEXT_WIDTH, Bookmark, Heading, Styles
from workerimpact.report.parts import (
    NOT_STATED,
    ROLE_WORDS,
    STATUS_WORDS,
    Context,
    cell,
    chip,
    grid,
    markup_cell,
    or_not_stated,
    when,
    words,
)
from workerimpact.report.scripts import lookalikes, unprintable_fields
from workerimpact.report.text import QUOTE_LIMIT, inline, literal
from workerimpact.scoring import DEFAULT_BANDS, Finding, Score

MOST_SERIOUS = 3
"""How many findings the summary shows in full."""
_PURPOSE_IN_TABLE = 500


def cover(context: Context) -> list[Flowable]:
    """Page 1: the title, the overall result, and the facts of the assessment."""
    meta = context.assessment.metadata
    result = context.result
    story: list[Flowable] = [
        Heading(t("AI Workplace Impact Statement"), Styles.title, t("Cover"), 0, "cover"),
        Paragraph(
            t(
                "How {system} affects workers at {organization}",
                system=inline(or_not_stated(meta.system), 300),
                organization=inline(or_not_stated(meta.organization), 300),
            )
            + (f", {inline(meta.site, 300)}" if meta.site.strip() else ""),
            Styles.subtitle,
        ),
        Spacer(1, 12),
        _overall_box(context),
        Spacer(1, 8),
    ]
    story += _headline_findings(context)
    role = t(ROLE_WORDS.get(meta.role, meta.role))
    purpose = meta.purpose.strip()
    facts = [
        ("Organization", or_not_stated(meta.organization)),
        ("Site", or_not_stated(meta.site)),
        ("AI system", or_not_stated(meta.system)),
        ("Vendor", or_not_stated(meta.vendor)),
        ("Purpose", _short_purpose(purpose)),
        ("Assessed by", f"{or_not_stated(meta.assessor)} — {role}"),
        ("Status", t(STATUS_WORDS.get(meta.status, meta.status))),
        ("Stage of the system", stage_words(meta)),
        ("Started", when(meta.created)),
        ("Last updated", when(meta.updated)),
        ("Revision", _revision(context)),
        (
            "Questionnaires",
            "; ".join(
                t("{title} (version {version})", title=q.title, version=q.version)
                for q in context.assessment.questionnaires
            ),
        ),
        (
            "Answered",
            t(
                "{answered} of {shown} questions shown; levels: {progress}",
                answered=result.answered,
                shown=result.shown,
                progress=result.progress.describe(),
            ),
        ),
        (
            "Fingerprint",
            t("{short}… (in full on the Method page)", short=context.fingerprint[:12]),
        ),
    ]
    rows = [[cell(t(label), bold=True), cell(value, limit=900)] for label, value in facts]
    story.append(grid(rows, [110, TEXT_WIDTH - 110], header=False, label_column=True))
    story += [
        Paragraph(f"⚠ {literal(sentence, 600)}.", Styles.flag.clone("lookalike", leftIndent=0))
        for sentence in lookalikes(context.assessment) + unprintable_fields(context.assessment)
    ]
    if len(purpose) > _PURPOSE_IN_TABLE:
        story += [
            Paragraph(t("Purpose of the system, in full"), Styles.label),
            Paragraph(literal(purpose, where="purpose"), Styles.body),
        ]
    story += [
        Spacer(1, 10),
        Paragraph(
            t(
                "This statement assesses how an AI system used at work affects workers — "
                "their rights, job quality, surveillance, health and safety — as Executive "
                "Order 14110, Sec. 2(c) asks. Its levels are computed from the answers "
                "recorded in it, by the published rules of the questionnaires named above; "
                "the Method section shows how each level came about. The assessment itself is "
                "attached to this PDF, and <b>workerimpact verify</b> checks that neither was "
                "changed after export."
            )
            + _language_note(context),
            Styles.small,
        ),
        Paragraph(
            t(
                "Generated by WorkerImpact {version} from the answers recorded by the "
                "assessor. The findings' wording comes from the questionnaires' published "
                "rules.",
                version=__version__,
            ),
            Styles.small,
        ),
        PageBreak(),
    ]
    return story


def _language_note(context: Context) -> str:
    """Said when the statement is in a language some questionnaire has no text in."""
    from workerimpact.i18n import current_language

    wanted = current_language()
    missing = [q.title for q in context.assessment.questionnaires if q.language != wanted]
    if not missing:
        return ""
    return " " + t(
        "The questions of {titles} are shown as written, in their own language: the "
        "questionnaire has no text in this one.",
        titles="; ".join(inline(title, 200) for title in missing),
    )


def _headline_findings(context: Context) -> list[Flowable]:
    """The titles of the most serious findings, so page 1 says what matters most."""
    top = context.result.findings[:MOST_SERIOUS]
    if not top:
        return []
    lines = [
        f"<b>{context.number(finding)} · {words(finding.severity)}</b> — "
        f"{inline(finding.title, 300)}"
        for finding in top
    ]
    return [
        Paragraph(t("Most serious findings (in full on the Summary page):"), Styles.label),
        Paragraph("<br/>".join(lines), Styles.indented),
        Spacer(1, 8),
    ]


def stage_words(meta: object) -> str:
    """'In operation since 1 March 2025', 'Planned (not yet in use)', or 'Not stated'."""
    stage = getattr(meta, "stage", None)
    if stage is None:
        return t("Not stated (every question was asked)")
    text = t(STAGE_LABELS.get(stage, stage))
    started = getattr(meta, "stage_started", None)
    if started is not None and stage != "planned":
        text += t(", since {date}", date=long_date(started))
    return text


def _short_purpose(purpose: str) -> str:
    if not purpose:
        return t(NOT_STATED)
    if len(purpose) <= _PURPOSE_IN_TABLE:
        return purpose
    return purpose[: _PURPOSE_IN_TABLE - 1] + t("… (in full below)")


def _revision(context: Context) -> str:
    meta = context.assessment.metadata
    text = t("{revision} (assessment id {id})", revision=meta.revision, id=context.assessment.id)
    if meta.previous_revision:
        text += t("; revises assessment {id}", id=meta.previous_revision)
    return text


def _overall_box(context: Context) -> Table:
    result = context.result
    overall = result.overall
    counts = Counter(finding.severity for finding in result.findings)
    progress = result.progress
    provisional = t(" (provisional)") if progress.provisional else ""
    lines = [f"<b>{t('Overall level: {level}', level=words(overall.level))}{provisional}</b>"]
    if progress.provisional:
        lines.append(
            t(
                "<b>Provisional:</b> {answered} of {expected} questions the levels rest on "
                "are answered; levels may change as the rest are answered.",
                answered=progress.answered,
                expected=progress.expected,
            )
        )
    if overall.score is not None and overall.reasons:
        lines.append(
            t("Highest questionnaire score {score} out of 100", score=f"{overall.score:.0f}")
            + raised(context, overall)
        )
    elif overall.score is not None:
        lines.append(
            t("Score {score} out of 100", score=f"{overall.score:.0f}") + raised(context, overall)
        )
    elif overall.forced_by:
        lines.append(t("No scored answers yet") + raised(context, overall))
    else:
        lines.append(t("No scored question has been answered yet."))
    if result.findings:
        parts = [
            f"{counts[level]} {t(level.capitalize()).lower()}"
            for level in reversed(LEVELS)
            if counts[level]
        ]
        total = len(result.findings)
        lines.append(
            n(
                total,
                "{count} finding: {parts}",
                "{count} findings: {parts}",
                parts=", ".join(parts),
            )
        )
    else:
        lines.append(t("No finding fired."))
    missing = len(result.unanswered)
    lines.append(
        "<b>"
        + n(
            missing,
            "{count} required question not answered",
            "{count} required questions not answered",
        )
        + "</b>"
        if missing
        else t("Every required question shown has an answer.")
    )
    text = Paragraph("<br/>".join(lines), Styles.body.clone("overall", fontSize=10.5, leading=15))
    box = Table([[chip(overall.level, 120, 13), text]], colWidths=[132, TEXT_WIDTH - 132])
    box.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 1, INK),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return box


def raised(context: Context, score: Score, questionnaire_id: str | None = None) -> str:
    """'; raised to SEVERE by finding F1' when findings forced the level, else ''.

    ``questionnaire_id`` limits the findings to one questionnaire (for its own scores).
    """
    if not score.forced_by:
        return ""
    labels = []
    for questionnaire_result in context.result.questionnaires:
        if questionnaire_id is not None and questionnaire_result.id != questionnaire_id:
            continue
        for finding in questionnaire_result.findings:
            if finding in score.forced_by and context.number(finding) not in labels:
                labels.append(context.number(finding))
    banded = (
        t(" (its band alone gives {level})", level=words(score.banded_level))
        if score.banded_level
        else ""
    )
    return (
        n(
            len(labels),
            "; raised to {level} by finding {labels}",
            "; raised to {level} by findings {labels}",
            level=words(score.level),
            labels=", ".join(labels),
        )
        + banded
    )


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
