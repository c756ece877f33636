"""What the Method and Sign-off sections say: one source for the PDF and its copies.

The steps of scoring, the score bands, the questionnaires used, how each score came about,
the parts whose levels are stated and the sign-off note are worked out here, as content
runs (``report.content``: plain text, untrusted text clipped and made visible by
``report.text.clip``). The PDF (``method.py``) draws them as reportlab markup with
``markup``; the HTML, Word and spreadsheet copies (``statement_method.py``) write the runs
as they are. Only the layout differs: which table, which caption, where a page breaks.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import unescape

from workerimpact.assessment import questionnaire_hash
from workerimpact.i18n import t
from workerimpact.questionnaire import LEVELS, MODEL_FINDINGS_FLOOR, Questionnaire
from workerimpact.report.content import Run, runs
from workerimpact.report.cover import raised
from workerimpact.report.integrity import NOT_ASSESSED, stated_levels
from workerimpact.report.parts import Context, number, words
from workerimpact.report.text import clip
from workerimpact.report.wording import ROLE_NAMES, SCOPE_WORDS
from workerimpact.scoring import DEFAULT_BANDS, Score

STEPS = (
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
"""How scoring works under the weighted-average model (fixed text with bold names)."""

STEPS_FLOOR = (
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
"""How scoring works under the findings-floor model."""

BAND_HEADER = ("Bands", "Low", "Moderate", "High", "Severe")
CONTRIBUTION_HEADER = ("Question", "Answer", "Points")
SIGNATURE_HEADER = ("Name", "Role", "Signature", "Date")
RESPONSE_NOTE = (
    "Written response of the workers' representatives: where they agree or disagree, what "
    "is missing, what they ask for. Continue on further pages if needed and attach them to "
    "this statement."
)

_TAG = re.compile(r"<(/?)([bi])>")


def fixed_runs(text: str) -> tuple[Run, ...]:
    """Runs of fixed wording marked with ``<b>``/``<i>`` (this package's own, translated)."""
    found: list[Run] = []
    bold = italic = False
    position = 0
    for tag in _TAG.finditer(text):
        if tag.start() > position:
            found.append(Run(unescape(text[position : tag.start()]), bold, italic))
        closing, name = tag.group(1) == "/", tag.group(2)
        if name == "b":
            bold = not closing
        else:
            italic = not closing
        position = tag.end()
    if position < len(text):
        found.append(Run(unescape(text[position:]), bold, italic))
    return tuple(found)


def markup(items: tuple[Run, ...]) -> str:
    """reportlab Paragraph markup for runs: text escaped, fonts switched where scripts need."""
    from workerimpact.report.text import escaped

    parts = []
    for item in items:
        text = escaped(item.text)
        if item.italic:
            text = f"<i>{text}</i>"
        if item.bold:
            text = f"<b>{text}</b>"
        parts.append(text)
    return "".join(parts)


def scoring_steps(context: Context) -> list[tuple[Run, ...]]:
    """The numbered steps of how scoring works, for the model the result was scored with."""
    steps = STEPS_FLOOR if context.result.model == MODEL_FINDINGS_FLOOR else STEPS
    return [(Run(f"{index}. "), *fixed_runs(t(step))) for index, step in enumerate(steps, 1)]


def band_rows(context: Context) -> list[tuple[str, tuple[str, ...]]]:
    """Each set of bands (title, unclipped) and its four ranges, low to severe."""
    entries = []
    if context.result.model != MODEL_FINDINGS_FLOOR:
        entries.append((t("Overall (default bands)"), DEFAULT_BANDS))
    entries += [(q.title, q.scoring.bands) for q in context.assessment.questionnaires]
    rows = []
    for title, bands in entries:
        if bands.at_threshold is None:
            ranges = (
                t("{low} to < {high}", low=0, high=number(bands.moderate)),
                t("{low} to < {high}", low=number(bands.moderate), high=number(bands.high)),
                t("{low} to < {high}", low=number(bands.high), high=number(bands.severe)),
                t("{low} to {high}", low=number(bands.severe), high=100),
            )
        else:
            ranges = tuple(bands.describe(level) for level in LEVELS)
        rows.append((title, ranges))
    return rows


def used_intro() -> str:
    """What the content hash of each questionnaire is for."""
    return t(
        "The questionnaires are embedded in the attached assessment exactly as "
        "answered. The content hash is the SHA-256 of each questionnaire in canonical "
        "JSON; compare it with the published file to confirm the questions and rules "
        "were not changed."
    )


def questionnaire_used(questionnaire: Questionnaire) -> list[tuple[Run, ...]]:
    """A questionnaire used, line by line: title, id, version, size; model and adjustments;
    content hash."""
    adjustments = "; ".join(
        t(
            "{title} (×{factor}, applies to {scope})",
            title=clip(item.title, 200),
            factor=number(item.factor),
            scope=t(SCOPE_WORDS.get(item.scope, item.scope)),
        )
        for item in questionnaire.scoring.adjustments
    ) or t("none")
    return [
        (
            Run(clip(questionnaire.title, 300), bold=True),
            Run(
                " — "
                + t(
                    "id {id}, version {version}, {questions} questions, {rules} rules.",
                    id=clip(questionnaire.id, 64),
                    version=clip(questionnaire.version, 50),
                    questions=len(questionnaire.questions()),
                    rules=len(questionnaire.rules),
                )
            ),
        ),
        runs(
            t("Scoring model: {model}.", model=questionnaire.scoring.model_name)
            + " "
            + t("Adjustments: {adjustments}.", adjustments=adjustments)
        ),
        runs(t("Content hash (SHA-256): {hash}", hash=questionnaire_hash(questionnaire))),
    ]


def _level_sentence(score: Score) -> tuple[Run, ...]:
    return (Run(t("Level {level}", level=words(score.level)), bold=True), Run("."))


def origin(context: Context, score: Score, questionnaire_id: str | None) -> tuple[Run, ...]:
    """How one score came about, in one line of words and numbers."""
    forced = raised(context, score, questionnaire_id)
    if score.reasons:  # scoring model findings-floor/2 says its steps in words
        steps = "; ".join(clip(reason, 400) for reason in score.reasons)
        return (Run(f"{steps}{forced}. "), *_level_sentence(score))
    if score.risk_maximum <= 0 or score.raw_score is None:
        text = t("No scored risk question answered yet")
        return runs(text + (f"{forced}." if forced else "."))
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
    return (Run("; ".join(parts) + forced + ". "), *_level_sentence(score))


def overall_origin(context: Context) -> tuple[Run, ...]:
    """How the overall level came about."""
    result = context.result
    overall = result.overall
    label = fixed_runs(t("<b>Overall.</b> "))
    if result.model == MODEL_FINDINGS_FLOOR:
        lead = Run(
            t(
                "The highest level of any questionnaire, and never below the severity of any "
                "finding (each finding's severity is a floor for its dimension, its "
                "questionnaire and the overall level): "
            )
        )
        rest = origin(context, overall, None) if overall.level else runs(t("no level yet."))
        return (*label, lead, *rest)
    scored = [item for item in result.questionnaires if item.result.score is not None]
    if not scored:
        return (*label, Run(t("No questionnaire has a score yet") + raised(context, overall) + "."))
    weighted = "; ".join(
        f"{clip(item.title, 80)}: {item.result.score:.1f} × {number(item.result.risk_maximum)}"
        for item in scored
    )
    weights = " + ".join(number(item.result.risk_maximum) for item in scored)
    text = (
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
        + raised(context, overall)
        + ". "
    )
    return (*label, Run(text), *_level_sentence(overall))


def contributions(context: Context, questionnaire_id: str) -> list[tuple[str, str, str]]:
    """The answers that gave a questionnaire points: question, answer (unclipped), points."""
    item = next(q for q in context.result.questionnaires if q.id == questionnaire_id)
    questionnaire = context.questionnaire(questionnaire_id)
    rows = []
    for citation in item.result.contributions:
        question = questionnaire.question(citation.question_id) if questionnaire else None
        role = t(ROLE_NAMES.get(question.role, "")) if question else ""
        rows.append((citation.question, citation.answer, f"{number(citation.points or 0)} {role}"))
    return rows


def stated_parts(context: Context) -> list[tuple[str, str | None]]:
    """The parts whose levels the statement states, in words, with each level (None when not
    yet assessed), in the order of ``stated_levels``."""
    names = [t("Overall")]
    for item in context.result.questionnaires:
        names.append(clip(item.title, 200))
        names += [f"{clip(item.title, 200)} › {clip(d.title, 200)}" for d in item.dimensions]
    pairs = stated_levels(context.result)
    return [
        (name, None if value == NOT_ASSESSED else value)
        for name, (_key, value) in zip(names, pairs, strict=True)
    ]


def sign_off_note(context: Context) -> tuple[Run, ...]:
    """What signing means, with the statement's short fingerprint."""
    return fixed_runs(
        t(
            "Statement fingerprint: <b>{short}</b> (in full on the Method page). By "
            "signing, each party confirms that it received and read this statement. "
            "Signing does not mean agreeing with every answer or level: the worker "
            "representatives' response below is part of the record.",
            short=context.fingerprint[:12],
        )
    )
