"""The statement's last sections as content: method, fingerprint, levels block, sign-off.

The same wording as ``method.py`` draws in the PDF. The fingerprint line and the levels
block use the labels ``workerimpact verify`` reads back from a PDF
(``report.integrity``), so an HTML copy states them the same way.
"""

from __future__ import annotations

from workerimpact.assessment import questionnaire_hash
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
        Heading(1, "Method: how the levels were reached", "method"),
        Heading(2, "How scoring works", "method-scoring"),
    ]
    blocks += [
        Paragraph(runs(f"{index}. ", Run(name, bold=True), f" {text}"))
        for index, (name, text) in enumerate(STEPS, start=1)
    ]
    entries = [("Overall (default bands)", DEFAULT_BANDS)]
    entries += [(q.title, q.scoring.bands) for q in context.assessment.questionnaires]
    blocks.append(
        Table(
            "The score bands of each level",
            ("Bands", "Low", "Moderate", "High", "Severe"),
            tuple(
                (
                    (Run(clip(title, 200)),),
                    (Run(f"0 to < {number(bands.moderate)}"),),
                    (Run(f"{number(bands.moderate)} to < {number(bands.high)}"),),
                    (Run(f"{number(bands.high)} to < {number(bands.severe)}"),),
                    (Run(f"{number(bands.severe)} to 100"),),
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
        Heading(2, "Questionnaires used", "method-used"),
        Paragraph(
            runs(
                "The questionnaires are embedded in the attached assessment exactly as answered. "
                "The content hash is the SHA-256 of each questionnaire in canonical JSON; compare "
                "it with the published file to confirm the questions and rules were not changed."
            )
        ),
    ]
    for questionnaire in context.assessment.questionnaires:
        adjustments = (
            "; ".join(
                f"{clip(item.title, 200)} (×{number(item.factor)}, applies to {item.scope})"
                for item in questionnaire.scoring.adjustments
            )
            or "none"
        )
        blocks.append(
            Paragraph(
                runs(
                    Run(clip(questionnaire.title, 300), bold=True),
                    f" — id {clip(questionnaire.id, 64)}, version "
                    f"{clip(questionnaire.version, 50)}, {len(questionnaire.questions())} "
                    f"questions, {len(questionnaire.rules)} rules. Adjustments: {adjustments}. "
                    f"Content hash (SHA-256): {questionnaire_hash(questionnaire)}",
                )
            )
        )
    return blocks


def _origin(context: Context, score: Score, questionnaire_id: str | None) -> tuple[Run, ...]:
    forced = raised(context, score, questionnaire_id)
    if score.risk_maximum <= 0:
        return runs("No scored risk question answered yet" + (f"{forced}." if forced else "."))
    parts = [
        f"risk {number(score.risk_points)} of {number(score.risk_maximum)} points "
        f"= {score.raw_score:.1f}"
    ]
    if score.mitigation_maximum > 0:
        parts.append(
            f"mitigation {number(score.mitigation_points)} of "
            f"{number(score.mitigation_maximum)} ({score.mitigation_percent:.0f}%)"
        )
    parts += [f"×{number(item.factor)} {clip(item.title, 150)}" for item in score.adjustments]
    parts.append(f"score {score.score:.1f} → band {words(score.banded_level)}")
    return runs("; ".join(parts) + forced + ". ", Run("Level ", bold=True), level(score.level))


def _score_origins(context: Context) -> list[Block]:
    result = context.result
    overall = result.overall
    blocks: list[Block] = [Heading(2, "How each score came about", "method-how")]
    scored = [item for item in result.questionnaires if item.result.score is not None]
    if scored:
        weighted = "; ".join(
            f"{clip(item.title, 80)}: {item.result.score:.1f} × {number(item.result.risk_maximum)}"
            for item in scored
        )
        weights = " + ".join(number(item.result.risk_maximum) for item in scored)
        text = runs(
            Run("Overall. ", bold=True),
            "Weighted average of the questionnaire scores (score × maximum risk points, "
            f"summed, divided by {weights}): {weighted} → {overall.score:.1f} → band "
            f"{words(overall.banded_level)}{raised(context, overall)}. ",
            Run("Level ", bold=True),
            level(overall.level),
        )
    else:
        text = runs(
            Run("Overall. ", bold=True),
            "No questionnaire has a score yet" + raised(context, overall) + ".",
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
            role = question.role if question else ""
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
                    f"{clip(item.title, 200)}: answers that gave points",
                    ("Question", "Answer", "Points"),
                    tuple(rows),
                )
            )
    return blocks


def _fingerprint(context: Context) -> list[Block]:
    return [
        Heading(2, "Fingerprint and verification", "method-fingerprint"),
        Paragraph(
            runs(
                "The assessment this statement was generated from — metadata, embedded "
                "questionnaires and every answer, comment and evidence note — is attached to the "
                "PDF statement and embedded in this copy as ",
                Run("assessment.json", bold=True),
                " in canonical JSON (sorted keys, UTF-8, no whitespace). Its SHA-256 is the "
                "fingerprint.",
            )
        ),
        Paragraph(runs(Run(FINGERPRINT_LABEL, bold=True), f" {context.fingerprint}")),
        Paragraph(
            runs(
                "Run ",
                Run("workerimpact verify REPORT.pdf", bold=True),
                " to check that the attachment matches this fingerprint, that scoring it again "
                "gives the levels below, and that no page was changed; ",
                Run("workerimpact verify COPY --against REPORT.pdf", bold=True),
                " checks that an HTML copy holds the same assessment as a statement. The "
                "fingerprint is not a digital signature: anyone can make a new statement from an "
                "edited assessment, which then has a different fingerprint. Record the "
                "fingerprint when you sign (for example in the minutes of the meeting) so a copy "
                "can later be checked against it.",
            )
        ),
        Paragraph(runs(LEVELS_HEADER), "label"),
        Table(
            "Levels stated in this statement",
            ("Part", "Level"),
            _stated(context),
            row_headers=True,
        ),
        Paragraph(runs(LEVELS_END), "small"),
    ]


def _stated(context: Context) -> tuple[tuple[tuple[Run, ...], ...], ...]:
    """The stated levels with the parts named in words (the PDF's block uses ids)."""
    names = ["Overall"]
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
    header = ("Name", "Role", "Signature", "Date")
    return [
        Heading(1, "Sign-off", "sign-off"),
        Paragraph(
            runs(
                "Statement fingerprint: ",
                Run(context.fingerprint[:12], bold=True),
                " (in full on the Method page). By signing, each party confirms that it received "
                "and read this statement. Signing does not mean agreeing with every answer or "
                "level: the worker representatives' response below is part of the record.",
            )
        ),
        Table("For the employer", header, (), blank_rows=2),
        Table("For the workers' representatives", header, (), blank_rows=3),
        Heading(2, "Worker representatives' response", "response"),
        Paragraph(
            runs(
                "Written response of the workers' representatives: where they agree or disagree, "
                "what is missing, what they ask for. Continue on further pages if needed and "
                "attach them to this statement."
            ),
            "small",
        ),
        WriteIn("Response of the workers' representatives", 24),
    ]
