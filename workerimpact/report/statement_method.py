"""The statement's last sections as content: method, fingerprint, levels block, sign-off.

The same wording as ``method.py`` draws in the PDF. The fingerprint line and the levels
block use the labels ``workerimpact verify`` reads back from a PDF
(``report.integrity``), so an HTML copy states them the same way.
"""

from __future__ import annotations

from workerimpact.assessment import questionnaire_hash
from workerimpact.i18n import t
from workerimpact.report.content import Block, Heading, Paragraph, Run, Table, WriteIn, runs
from workerimpact.report.integrity import (
    FINGERPRINT_LABEL,
    LEVELS_END,
    LEVELS_HEADER,
    NOT_ASSESSED,
    stated_levels,
)
from workerimpact.report.parts import Context, number, words
from workerimpact.report.statement import level, raised
from workerimpact.report.text import clip, plain
from workerimpact.report.wording import ROLE_NAMES, SCOPE_WORDS
from workerimpact.scoring import DEFAULT_BANDS, Score

STEPS = (
    (
        "Skip logic.",
        "Earlier answers decide which sections and questions are shown. Hidden questions "
        "count neither in the score nor in its maximum and are never reported as unanswered.",
    ),
    (
        "Points.",
        "Each shown, answered risk or mitigation question gives points: the chosen option's "
        "score (the sum of the chosen options for multiple choice) times the question's "
        "weight. Its maximum is the most it could give.",
    ),
    (
        "Raw score.",
        "A dimension's raw score is its risk points as a percentage of their maximum. A "
        "questionnaire's raw score pools the risk points of all its questions.",
    ),
    (
        "Adjustments.",
        "Adjustments whose condition holds multiply the raw score. The usual one is "
        "mitigation credit: when mitigation points reach 80% of their maximum, the risk score "
        "is reduced by 15% (as in the Government of Canada's Algorithmic Impact Assessment).",
    ),
    (
        "Level.",
        "The level is the band the score falls in (below). A finding with a minimum level "
        "raises its dimension, its questionnaire and the overall result to at least that "
        "level while it fires.",
    ),
    (
        "Overall.",
        "The questionnaires' scores are averaged, each weighted by its maximum risk points, "
        "banded with the default bands, then raised by findings' minimum levels.",
    ),
)


def method(context: Context) -> list[Block]:
    """How scoring works, the bands, the questionnaires used, how each score came about."""
    blocks: list[Block] = [
        Heading(1, t("Method: how the levels were reached"), "method"),
        Heading(2, t("How scoring works"), "method-scoring"),
    ]
    blocks += [
        Paragraph(runs(f"{index}. ", Run(t(name), bold=True), f" {t(text)}"))
        for index, (name, text) in enumerate(STEPS, start=1)
    ]
    entries = [(t("Overall (default bands)"), DEFAULT_BANDS)]
    entries += [(q.title, q.scoring.bands) for q in context.assessment.questionnaires]
    blocks.append(
        Table(
            t("The score bands of each level"),
            tuple(t(name) for name in ("Bands", "Low", "Moderate", "High", "Severe")),
            tuple(
                (
                    (Run(clip(title, 200)),),
                    (Run(t("{low} to < {high}", low=0, high=number(bands.moderate))),),
                    (
                        Run(
                            t(
                                "{low} to < {high}",
                                low=number(bands.moderate),
                                high=number(bands.high),
                            )
                        ),
                    ),
                    (
                        Run(
                            t(
                                "{low} to < {high}",
                                low=number(bands.high),
                                high=number(bands.severe),
                            )
                        ),
                    ),
                    (Run(t("{low} to {high}", low=number(bands.severe), high=100)),),
                )
                for title, bands in entries
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
        Paragraph(
            runs(
                t(
                    "The questionnaires are embedded in the attached assessment exactly as "
                    "answered. The content hash is the SHA-256 of each questionnaire in "
                    "canonical JSON; compare it with the published file to confirm the "
                    "questions and rules were not changed."
                )
            )
        ),
    ]
    for questionnaire in context.assessment.questionnaires:
        adjustments = "; ".join(
            t(
                "{title} (×{factor}, applies to {scope})",
                title=clip(item.title, 200),
                factor=number(item.factor),
                scope=t(SCOPE_WORDS.get(item.scope, item.scope)),
            )
            for item in questionnaire.scoring.adjustments
        ) or t("none")
        blocks.append(
            Paragraph(
                runs(
                    Run(clip(questionnaire.title, 300), bold=True),
                    " — "
                    + t(
                        "id {id}, version {version}, {questions} questions, {rules} rules.",
                        id=clip(questionnaire.id, 64),
                        version=clip(questionnaire.version, 50),
                        questions=len(questionnaire.questions()),
                        rules=len(questionnaire.rules),
                    )
                    + " "
                    + t("Adjustments: {adjustments}.", adjustments=adjustments)
                    + " "
                    + t("Content hash (SHA-256): {hash}", hash=questionnaire_hash(questionnaire)),
                )
            )
        )
    return blocks


def _origin(context: Context, score: Score, questionnaire_id: str | None) -> tuple[Run, ...]:
    forced = raised(context, score, questionnaire_id)
    if score.risk_maximum <= 0:
        return runs(t("No scored risk question answered yet") + (f"{forced}." if forced else "."))
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
    parts += [f"×{number(item.factor)} {clip(item.title, 150)}" for item in score.adjustments]
    parts.append(
        t(
            "score {score} → band {level}",
            score=f"{score.score:.1f}",
            level=words(score.banded_level),
        )
    )
    return runs("; ".join(parts) + forced + ". ", Run(t("Level "), bold=True), level(score.level))


def _score_origins(context: Context) -> list[Block]:
    result = context.result
    overall = result.overall
    blocks: list[Block] = [Heading(2, t("How each score came about"), "method-how")]
    scored = [item for item in result.questionnaires if item.result.score is not None]
    if scored:
        weighted = "; ".join(
            f"{clip(item.title, 80)}: {item.result.score:.1f} × {number(item.result.risk_maximum)}"
            for item in scored
        )
        weights = " + ".join(number(item.result.risk_maximum) for item in scored)
        text = runs(
            Run(t("Overall. "), bold=True),
            t(
                "Weighted average of the questionnaire scores (score × maximum risk points, "
                "summed, divided by {weights}): ",
                weights=weights,
            )
            + f"{weighted} → "
            + t(
                "{score} → band {level}",
                score=f"{overall.score:.1f}",
                level=words(overall.banded_level),
            )
            + f"{raised(context, overall)}. ",
            Run(t("Level "), bold=True),
            level(overall.level),
        )
    else:
        text = runs(
            Run(t("Overall. "), bold=True),
            t("No questionnaire has a score yet") + raised(context, overall) + ".",
        )
    blocks.append(Paragraph(text))
    for item in result.questionnaires:
        blocks.append(
            Paragraph(
                (Run(f"{clip(item.title, 300)}. ", bold=True),)
                + _origin(context, item.result, item.id)
            )
        )
        blocks += [
            Paragraph(
                (Run(f"{clip(dimension.title, 300)}: ", italic=True),)
                + _origin(context, dimension.result, item.id),
                "indented",
            )
            for dimension in item.dimensions
        ]
        questionnaire = context.questionnaire(item.id)
        rows = []
        for citation in item.result.contributions:
            question = questionnaire.question(citation.question_id) if questionnaire else None
            role = t(ROLE_NAMES.get(question.role, "")) if question else ""
            rows.append(
                (
                    (Run(plain(citation.question)),),
                    (Run(plain(citation.answer)),),
                    (Run(f"{number(citation.points or 0)} {role}"),),
                )
            )
        if rows:
            blocks.append(
                Table(
                    t("{title}: answers that gave points", title=clip(item.title, 200)),
                    (t("Question"), t("Answer"), t("Points")),
                    tuple(rows),
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
    names = [t("Overall")]
    for item in context.result.questionnaires:
        names.append(clip(item.title, 200))
        names += [f"{clip(item.title, 200)} › {clip(d.title, 200)}" for d in item.dimensions]
    pairs = stated_levels(context.result)
    return tuple(
        ((Run(name),), (level(None if value == NOT_ASSESSED else value),))
        for name, (_key, value) in zip(names, pairs, strict=True)
    )


def sign_off(context: Context) -> list[Block]:
    """Room for both parties' signatures and the worker representatives' response."""
    header = tuple(t(name) for name in ("Name", "Role", "Signature", "Date"))
    return [
        Heading(1, t("Sign-off"), "sign-off"),
        Paragraph(
            runs(
                t("Statement fingerprint: "),
                Run(context.fingerprint[:12], bold=True),
                t(
                    " (in full on the Method page). By signing, each party confirms that it "
                    "received and read this statement. Signing does not mean agreeing with "
                    "every answer or level: the worker representatives' response below is part "
                    "of the record."
                ),
            )
        ),
        Table(t("For the employer"), header, (), blank_rows=2),
        Table(t("For the workers' representatives"), header, (), blank_rows=3),
        Heading(2, t("Worker representatives' response"), "response"),
        Paragraph(
            runs(
                t(
                    "Written response of the workers' representatives: where they agree or "
                    "disagree, what is missing, what they ask for. Continue on further pages if "
                    "needed and attach them to this statement."
                )
            ),
            "small",
        ),
        WriteIn(t("Response of the workers' representatives"), 24),
    ]
