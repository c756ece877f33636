"""The last pages: how scoring works, how each score came about, the fingerprint, sign-off.

The method pages let a reviewer recompute every level by hand: the bands, the adjustments
(mitigation credit), the levels forced by findings, the points each answer gave, and which
questionnaires — by id, version and content hash — were used. The full fingerprint and the
levels block printed here are what ``workerimpact verify`` reads back.
"""

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

from workerimpact.assessment import questionnaire_hash
from workerimpact.i18n import t
from workerimpact.questionnaire import LEVELS, MODEL_FINDINGS_FLOOR
from workerimpact.report.cover import raised
from workerimpact.report.integrity import (
    FINGERPRINT_LABEL,
    LEVELS_END,
    LEVELS_HEADER,
    NOT_ASSESSED,
    stated_levels,
)
from workerimpact.report.layout import INK, RULE, TEXT_WIDTH, Heading, Styles
from workerimpact.report.parts import Context, cell, grid, markup_cell, number, words
from workerimpact.report.text import inline
from workerimpact.report.wording import ROLE_NAMES, SCOPE_WORDS
from workerimpact.scoring import DEFAULT_BANDS, Score

_STEPS = (
    "<b>Skip logic.</b> Earlier answers decide which sections and questions are shown. "
    "Hidden questions count neither in the score nor in its maximum and are never reported "
    "as unanswered.",
    "<b>Points.</b> Each shown, answered risk or mitigation question gives points: the "
    "chosen option's score (the sum of the chosen options for multiple choice) times the "
    "question's weight. Its maximum is the most it could give.",
    "<b>Raw score.</b> A dimension's raw score is its risk points as a percentage of their "
    "maximum. A questionnaire's raw score pools the risk points of all its questions.",
    "<b>Adjustments.</b> Adjustments whose condition holds multiply the raw score. The "
    "usual one is mitigation credit: when mitigation points reach 80% of their maximum, the "
    "risk score is reduced by 15% (as in the Government of Canada's Algorithmic Impact "
    "Assessment).",
    "<b>Level.</b> The level is the band the score falls in (below). A finding with a "
    "minimum level raises its dimension, its questionnaire and the overall result to at "
    "least that level while it fires.",
    "<b>Overall.</b> The questionnaires' scores are averaged, each weighted by its maximum "
    "risk points, banded with the default bands, then raised by findings' minimum levels.",
)

_STEPS_FLOOR = (
    "<b>Skip logic and stage.</b> Earlier answers decide which sections and questions are "
    "shown; questions not asked in the system's stage (for example, what has happened since "
    "launch, before launch) are hidden.",
    "<b>Points.</b> Each shown, answered risk or mitigation question gives points: the "
    "chosen option's score (the sum for multiple choice) times the question's weight. "
    "“Don't know” counts as the riskiest answer and gives no protection; “Not applicable” "
    "takes the question out of score and maximum.",
    "<b>Fixed maximum.</b> A score is measured against the most points all of its "
    "questions could give, answered or not, so answering more never lowers it.",
    "<b>Score.</b> Risk points as a percentage of that maximum, reduced in proportion to "
    "mitigation, with no threshold (by default 15% off at full mitigation; the Method lines "
    "below give each score's own steps), unless the questionnaire states its own formula.",
    "<b>Level.</b> The band the score falls in (below), then any level rules the "
    "questionnaire states. <b>Every finding is a floor:</b> while it fires, its dimension, "
    "its questionnaire and the overall result are at least as severe as the finding.",
    "<b>Overall.</b> The highest level of any questionnaire: one severe part is never "
    "averaged away.",
)


def method(context: Context) -> list[Flowable]:
    """How scoring works, what was used, and how each score came about."""
    story: list[Flowable] = [
        Heading(t("Method: how the levels were reached"), Styles.h1, t("Method"), 0, "method"),
        Heading(t("How scoring works"), Styles.h2, t("How scoring works"), 1, "method-scoring"),
    ]
    steps = _STEPS_FLOOR if context.result.model == MODEL_FINDINGS_FLOOR else _STEPS
    story += [
        Paragraph(f"{index}. {t(step)}", Styles.body) for index, step in enumerate(steps, start=1)
    ]
    story.append(_bands_table(context))
    story += _questionnaires_used(context)
    story += _score_origins(context)
    story += _fingerprint(context)
    story.append(PageBreak())
    return story


def _bands_table(context: Context) -> Table:
    rows: list[list] = [
        [markup_cell(t(text), True) for text in ("Bands", "Low", "Moderate", "High", "Severe")]
    ]
    entries = []
    if context.result.model != MODEL_FINDINGS_FLOOR:
        entries.append((t("Overall (default bands)"), DEFAULT_BANDS))
    entries += [(q.title, q.scoring.bands) for q in context.assessment.questionnaires]
    for title, bands in entries:
        if bands.at_threshold is None:
            ranges = [
                t("{low} to &lt; {high}", low=0, high=number(bands.moderate)),
                t("{low} to &lt; {high}", low=number(bands.moderate), high=number(bands.high)),
                t("{low} to &lt; {high}", low=number(bands.high), high=number(bands.severe)),
                t("{low} to {high}", low=number(bands.severe), high=100),
            ]
        else:
            ranges = [escape(bands.describe(level)) for level in LEVELS]
        rows.append([cell(title, limit=200), *(markup_cell(text) for text in ranges)])
    width = (TEXT_WIDTH - 180) / 4
    return grid(rows, [180, width, width, width, width])


def _questionnaires_used(context: Context) -> list[Flowable]:
    story: list[Flowable] = [
        Heading(t("Questionnaires used"), Styles.h2, t("Questionnaires used"), 1, "method-used"),
        Paragraph(
            t(
                "The questionnaires are embedded in the attached assessment exactly as "
                "answered. The content hash is the SHA-256 of each questionnaire in canonical "
                "JSON; compare it with the published file to confirm the questions and rules "
                "were not changed."
            ),
            Styles.body,
        ),
    ]
    for questionnaire in context.assessment.questionnaires:
        adjustments = "; ".join(
            t(
                "{title} (×{factor}, applies to {scope})",
                title=inline(item.title, 200),
                factor=number(item.factor),
                scope=t(SCOPE_WORDS.get(item.scope, item.scope)),
            )
            for item in questionnaire.scoring.adjustments
        ) or t("none")
        story.append(
            Paragraph(
                f"<b>{inline(questionnaire.title, 300)}</b> — "
                + t(
                    "id {id}, version {version}, {questions} questions, {rules} rules.",
                    id=inline(questionnaire.id, 64),
                    version=inline(questionnaire.version, 50),
                    questions=len(questionnaire.questions()),
                    rules=len(questionnaire.rules),
                )
                + "<br/>"
                + t("Scoring model: {model}.", model=questionnaire.scoring.model_name)
                + " "
                + t("Adjustments: {adjustments}.", adjustments=adjustments)
                + "<br/>"
                + t("Content hash (SHA-256): {hash}", hash=questionnaire_hash(questionnaire)),
                Styles.body,
            )
        )
        if questionnaire.description:
            # What it covers, its frame and (for the built-ins) the status of its sources.
            story.append(Paragraph(inline(questionnaire.description, 4000), Styles.body))
    return story


def _origin(context: Context, score: Score, questionnaire_id: str | None) -> str:
    """How one score came about, in one line of words and numbers."""
    if score.reasons:  # scoring model findings-floor/2 says its steps in words
        steps = "; ".join(inline(reason, 400) for reason in score.reasons)
        forced = raised(context, score, questionnaire_id)
        return f"{steps}{forced}. <b>{t('Level {level}', level=words(score.level))}</b>."
    if score.risk_maximum <= 0 or score.raw_score is None:
        text = t("No scored risk question answered yet")
        forced = raised(context, score, questionnaire_id)
        return text + (f"{forced}." if forced else ".")
    parts = [
        t(
            "risk {points} of {maximum} points = {raw}",
            points=number(score.risk_points),
            maximum=number(score.risk_maximum),
            raw=f"{score.raw_score:.1f}",
        )
    ]
    if score.mitigation_maximum > 0:
        parts.append(
            t(
                "mitigation {points} of {maximum} ({percent}%)",
                points=number(score.mitigation_points),
                maximum=number(score.mitigation_maximum),
                percent=f"{score.mitigation_percent:.0f}",
            )
        )
    for adjustment in score.adjustments:
        parts.append(f"×{number(adjustment.factor)} {inline(adjustment.title, 150)}")
    parts.append(
        t(
            "score {score} → band {level}",
            score=f"{score.score:.1f}",
            level=words(score.banded_level),
        )
    )
    text = "; ".join(parts)
    forced = raised(context, score, questionnaire_id)
    level = t("Level {level}", level=words(score.level))
    return text + (forced if forced else "") + f". <b>{level}</b>."


def _score_origins(context: Context) -> list[Flowable]:
    result = context.result
    story: list[Flowable] = [
        Heading(
            t("How each score came about"),
            Styles.h2,
            t("How each score came about"),
            1,
            "method-how",
        )
    ]
    overall = result.overall
    scored = [item for item in result.questionnaires if item.result.score is not None]
    weighted = [
        f"{inline(item.title, 80)}: {item.result.score:.1f} × {number(item.result.risk_maximum)}"
        for item in scored
    ]
    weights = " + ".join(number(item.result.risk_maximum) for item in scored)
    text = t("<b>Overall.</b> ")
    if result.model == MODEL_FINDINGS_FLOOR:
        text += t(
            "The highest level of any questionnaire, and never below the severity of any "
            "finding (each finding's severity is a floor for its dimension, its "
            "questionnaire and the overall level): "
        ) + (_origin(context, overall, None) if overall.level else t("no level yet."))
    elif weighted:
        text += (
            t(
                "Weighted average of the questionnaire scores (score × maximum risk points, "
                "summed, divided by {weights}): ",
                weights=weights,
            )
            + "; ".join(weighted)
            + " → "
            + t(
                "{score} → band {level}",
                score=f"{overall.score:.1f}",
                level=words(overall.banded_level),
            )
            + raised(context, overall)
            + f". <b>{t('Level {level}', level=words(overall.level))}</b>."
        )
    else:
        text += t("No questionnaire has a score yet") + raised(context, overall) + "."
    story.append(Paragraph(text, Styles.body))
    for item in result.questionnaires:
        story.append(
            Paragraph(
                f"<b>{inline(item.title, 300)}.</b> {_origin(context, item.result, item.id)}",
                Styles.body,
            )
        )
        for dimension in item.dimensions:
            story.append(
                Paragraph(
                    f"<i>{inline(dimension.title, 300)}:</i> "
                    f"{_origin(context, dimension.result, item.id)}",
                    Styles.indented,
                )
            )
        contributions = item.result.contributions
        if contributions:
            rows: list[list] = [
                [markup_cell(t(text), True) for text in ("Question", "Answer", "Points")]
            ]
            questionnaire = context.questionnaire(item.id)
            for citation in contributions:
                question = questionnaire.question(citation.question_id) if questionnaire else None
                role = t(ROLE_NAMES.get(question.role, "")) if question else ""
                rows.append(
                    [
                        cell(citation.question, limit=300),
                        cell(citation.answer, limit=200),
                        markup_cell(f"{number(citation.points or 0)} {role}"),
                    ]
                )
            # Start on the next page only when little room is left; otherwise split here.
            story += [
                CondPageBreak(90),
                Paragraph(t("Answers that gave points:"), Styles.caption),
                grid(rows, [TEXT_WIDTH - 230, 150, 80]),
                Spacer(1, 6),
            ]
    return story


def _part_names(context: Context) -> list[str]:
    """The parts whose levels are stated, in words and in ``stated_levels`` order (markup)."""
    names = [t("Overall")]
    for item in context.result.questionnaires:
        names.append(inline(item.title, 200))
        names += [f"{inline(item.title, 200)} › {inline(d.title, 200)}" for d in item.dimensions]
    return names


def _fingerprint(context: Context) -> list[Flowable]:
    levels = "<br/>".join(
        f"{name} = {words(None if level == NOT_ASSESSED else level)}"
        for name, (_key, level) in zip(
            _part_names(context), stated_levels(context.result), strict=True
        )
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
    header = [markup_cell(t(text), True) for text in ("Name", "Role", "Signature", "Date")]
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
        Paragraph(
            t(
                "Statement fingerprint: <b>{short}</b> (in full on the Method page). By "
                "signing, each party confirms that it received and read this statement. "
                "Signing does not mean agreeing with every answer or level: the worker "
                "representatives' response below is part of the record.",
                short=context.fingerprint[:12],
            ),
            Styles.body,
        ),
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
        Paragraph(
            t(
                "Written response of the workers' representatives: where they agree or "
                "disagree, what is missing, what they ask for. Continue on further pages if "
                "needed and attach them to this statement."
            ),
            Styles.small,
        ),
        Spacer(1, 4),
        response,
    ]
    return story
