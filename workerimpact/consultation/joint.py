"""The joint statement's pages: finding by finding the assessment, the representatives'
position and the employer's answer with its measures; the level left; the decision; where
the parties still disagree (and which measures are overdue), said plainly; signatures.

Drawn in the language in force (``workerimpact.i18n``) like the review file
(``workerimpact.consultation.pdf``). Points the response still answers that this revision
no longer names — a concern added to an earlier review, a finding an earlier revision had
— come in as ``EarlierItem`` (``workerimpact.consultation.carried``) and are shown with
their measures like the others.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from workerimpact.assessment import Assessment
from workerimpact.consultation.carried import EarlierItem
from workerimpact.consultation.models import (
    CONCERN_PREFIX,
    FINDING_PREFIX,
    FindingPosition,
    ItemResponse,
    Response,
    Review,
)
from workerimpact.consultation.pdf import (
    _p,
    _text,
    day,
    findings_by_key,
    heading,
    measure_line,
    meetings,
    opinion,
    requests,
    reviewers_line,
    said,
)
from workerimpact.i18n import long_date, n, t
from workerimpact.questionnaire import level_rank
from workerimpact.report.layout import INK, TEXT_WIDTH, Styles
from workerimpact.report.parts import words
from workerimpact.report.text import inline
from workerimpact.scoring import AssessmentResult

FINDING_BY_FINDING = "Finding by finding"
"""The heading the section on what changed is put before (``export_joint``)."""


def residual_level(severity: str, item: ItemResponse | None) -> str:
    """The level left after the item's measures: the highest level a live measure expects.

    A finding with no live measure (none, or all dropped) keeps its own severity.
    """
    live = [m for m in (item.measures if item else []) if m.status != "dropped"]
    expected = [m.expected_level or severity for m in live]
    if not expected:
        return severity
    return max(expected, key=level_rank)


def _live(item: ItemResponse | None) -> list:
    return [m for m in item.measures if m.status != "dropped"] if item else []


def disagreements(
    result: AssessmentResult,
    review: Review,
    response: Response | None,
    earlier: Sequence[EarlierItem] = (),
) -> list[str]:
    """Plain sentences (markup) for every point where the parties still disagree."""
    lines = []
    items = response.items if response else {}
    for key, finding in findings_by_key(result).items():
        position = review.findings.get(key)
        if position is None or position.position not in ("partly", "disagree"):
            continue
        item = items.get(FINDING_PREFIX + key)
        live = _live(item)
        if item is None or (not item.response and not live):
            tail = t("the employer has not answered")
        elif not live:
            tail = t("the employer answered but commits to no measure")
        else:
            tail = n(
                len(live),
                "the employer answered with {count} measure; the representatives have not "
                "said that this settles it",
                "the employer answered with {count} measures; the representatives have not "
                "said that this settles it",
            )
        title = inline(finding.title, 300)
        if position.position == "disagree":
            line = t(
                "The workers' representatives disagree with “{title}”, and {tail}.",
                title=title,
                tail=tail,
            )
        else:
            line = t(
                "The workers' representatives only partly agree with “{title}”, and {tail}.",
                title=title,
                tail=tail,
            )
        lines.append(line)
    raised = [(CONCERN_PREFIX + c.id, c.title, c.severity) for c in review.concerns]
    raised += [(e.key, e.title, e.severity) for e in earlier if e.kind == "concern"]
    for key, title, severity in raised:
        if not _live(items.get(key)):
            lines.append(
                t(
                    "The representatives raised “{title}” ({level}); the employer commits to "
                    "no measure for it.",
                    title=inline(title, 300),
                    level=words(severity),
                )
            )
    if review.opinion.verdict == "unfavourable":
        lines.append(t("The workers' representatives' opinion is unfavourable."))
    return lines


def overdue_lines(
    result: AssessmentResult,
    review: Review,
    response: Response | None,
    earlier: Sequence[EarlierItem],
    today: dt.date,
) -> list[str]:
    """One sentence (markup) per measure past its due date and neither done nor dropped."""
    if response is None:
        return []
    titles = {FINDING_PREFIX + key: f.title for key, f in findings_by_key(result).items()}
    titles |= {CONCERN_PREFIX + c.id: c.title for c in review.concerns}
    titles |= {item.key: item.title for item in earlier}
    return [
        t(
            "The measure “{measure}” (for “{title}”) was due on {due} and is {status}: it is "
            "<b>overdue</b>.",
            measure=inline(measure.description, 300),
            title=inline(titles.get(key, t("an earlier point")), 300),
            due=long_date(measure.due),
            status=said(measure.status),
        )
        for key, measure in response.overdue(today)
        if measure.due is not None
    ]


def joint_story(
    assessment: Assessment,
    result: AssessmentResult,
    review: Review,
    response: Response | None,
    earlier: Sequence[EarlierItem] = (),
    today: dt.date | None = None,
) -> list:
    """The joint statement: finding by finding both positions, decision, signatures.

    ``assessment`` and ``result`` are read in the language in force; ``earlier`` are the
    points the response answers from earlier revisions; ``today`` decides what is overdue.
    """
    from workerimpact.report.layout import register_fonts

    register_fonts()
    today = today or dt.date.today()
    items = response.items if response else {}
    overall = result.overall.level
    residuals = [
        residual_level(f.severity, items.get(FINDING_PREFIX + key))
        for key, f in findings_by_key(result).items()
    ] + [residual_level(c.severity, items.get(CONCERN_PREFIX + c.id)) for c in review.concerns]
    residuals += [
        residual_level(e.severity or "low", items.get(e.key)) for e in earlier if e.severity
    ]
    residual = max(residuals, key=level_rank) if residuals else overall
    story = heading(assessment, t("Joint statement on the impact on workers"))
    story.append(_p(_records_line(review, response)))
    decision = said(response.decision) if response and response.decision else t("not taken yet")
    next_review = day(response.next_review if response else None, t("not set"))
    provisional = t(" (provisional)") if result.progress.provisional else ""
    late = response.overdue(today) if response else []
    summary = [
        [t("Level stated in the assessment"), words(overall) + provisional],
        [t("Highest level left once the measures are done"), words(residual) + provisional],
        [t("Workers' representatives' opinion"), said(review.opinion.verdict) or t("not given")],
        [t("Employer's decision"), decision],
        [t("Next review"), next_review],
        [
            t("Measures overdue"),
            n(
                len(late),
                "{count} measure, marked OVERDUE below",
                "{count} measures, each marked OVERDUE below",
            )
            if late
            else t("no measure"),
        ],
    ]
    table = Table(
        [[_p(inline(a), Styles.cell_bold), _p(inline(b), Styles.cell)] for a, b in summary],
        colWidths=[TEXT_WIDTH * 0.55, TEXT_WIDTH * 0.45],
    )
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, INK)]))
    story += [table, Spacer(1, 6)]
    if response and response.decision_note:
        story.append(_p(t("About the decision: {note}", note=_text(response.decision_note))))
    story.append(_p(t("Where the parties still disagree"), Styles.h1))
    lines = disagreements(result, review, response, earlier)
    lines += overdue_lines(result, review, response, earlier, today)
    story += [_p(line) for line in lines] or [
        _p(
            t(
                "The workers' representatives agree with every finding, and the employer has "
                "answered every concern they added with a measure."
            )
        )
    ]
    story.append(_p(t("Finding by finding"), Styles.h1))
    for key, finding in findings_by_key(result).items():
        story += _joint_item(
            f"[{words(finding.severity)}] {inline(finding.title, 300)}",
            t("<i>Assessment:</i> {text}", text=_text(finding.explanation)),
            review.findings.get(key),
            items.get(FINDING_PREFIX + key),
            residual_level(finding.severity, items.get(FINDING_PREFIX + key)),
            today,
            finding=True,
        )
    for concern in review.concerns:
        item = items.get(CONCERN_PREFIX + concern.id)
        story += _joint_item(
            f"[{words(concern.severity)}] "
            + t("Added by the representatives: {title}", title=inline(concern.title, 300)),
            _said_by_representatives(concern.description),
            None,
            item,
            residual_level(concern.severity, item),
            today,
        )
    for point in earlier:
        item = items.get(point.key)
        level = f"[{words(point.severity)}] " if point.severity else ""
        about = (
            _said_by_representatives(point.description)
            if point.kind == "concern"
            else t("<i>Assessment:</i> {text}", text=_text(point.description))
        )
        story += _joint_item(
            level + inline(point.heading(), 400),
            about,
            None,
            item,
            residual_level(point.severity, item) if point.severity else None,
            today,
            carried=True,
        )
    story += requests(review)
    story += meetings(review, response)
    story.append(_p(t("Opinion of the workers' representatives"), Styles.h1))
    story += opinion(review)
    story += signatures()
    return story


def _said_by_representatives(description: str) -> str:
    text = _text(description) if description else t("no description given.")
    return t("<i>Representatives:</i> {text}", text=text)


def _records_line(review: Review, response: Response | None) -> str:
    """Which statement was reviewed, by whom, and when each party last changed its record."""
    text = t(
        "This is about the statement of revision {revision}, fingerprint {short}… (in full on "
        "the statement's Method page). ",
        revision=review.revision,
        short=review.fingerprint[:12],
    )
    text += reviewers_line(review) + ". "
    if response is None:
        text += t(
            "The representatives' review was last changed on {day}; the employer has not "
            "responded yet.",
            day=long_date(review.updated.date()),
        )
    else:
        text += t(
            "The representatives' review was last changed on {day}; the employer's response "
            "on {response_day}.",
            day=long_date(review.updated.date()),
            response_day=long_date(response.updated.date()),
        )
    return text + " " + t("Both records are attached to this PDF (joint.json).")


def _joint_item(
    title: str,
    about: str,
    position: FindingPosition | None,
    item: ItemResponse | None,
    residual: str | None,
    today: dt.date,
    carried: bool = False,
    finding: bool = False,
) -> list[Flowable]:
    """One finding or added concern, both sides: what it is, the representatives' position
    (for a finding), the employer's answer and measures, and the level left."""
    block = [_p(title, Styles.h3), _p(about, Styles.indented)]
    if position is not None and position.position:
        text = t("<i>Representatives:</i> <b>{position}</b>", position=said(position.position))
        if position.comment:
            text += f". {_text(position.comment)}"
        if position.proposed_measure:
            text += " — " + t(
                "Proposed measure: {measure}", measure=_text(position.proposed_measure)
            )
        block.append(_p(text, Styles.indented))
    elif finding:
        block.append(_p(t("<i>Representatives:</i> no position given."), Styles.indented))
    if carried:
        block.append(
            _p(t("Its measures were carried over from the revision before."), Styles.indented)
        )
    if item is not None and item.response and item.answered_in is not None:
        answer = t(
            "<i>Employer, answer given in revision {revision}:</i> {answer}",
            revision=item.answered_in,
            answer=_text(item.response),
        )
    else:
        answer = t(
            "<i>Employer:</i> {answer}",
            answer=_text(item.response) if item and item.response else t("no answer yet."),
        )
    block.append(_p(answer, Styles.indented))
    for measure in item.measures if item else []:
        block.append(_p(measure_line(measure, today), Styles.indented))
    if residual is not None:
        block.append(
            _p(
                t("Level left once the measures are done: <b>{level}</b>", level=words(residual)),
                Styles.indented,
            )
        )
    return [KeepTogether(block)]  # a point and its measures on one page where they fit


def signatures() -> list[Flowable]:
    """Space for both parties to sign, each as themselves."""
    names = (t("Name"), t("Role"), t("Signature"), t("Date"))
    header = [_p(text, Styles.cell_bold) for text in names]
    widths = [TEXT_WIDTH * 0.3, TEXT_WIDTH * 0.25, TEXT_WIDTH * 0.3, TEXT_WIDTH * 0.15]
    story: list[Flowable] = [_p(t("Signatures"), Styles.h1)]
    for party in (t("For the employer"), t("For the workers' representatives")):
        table = Table([header] + [[""] * 4] * 2, colWidths=widths, rowHeights=[16, 34, 34])
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, INK)]))
        story.append(KeepTogether([_p(party, Styles.label), table, Spacer(1, 10)]))
    story.append(
        _p(
            t(
                "Each party signs as itself, with its digital signature added to this file "
                "(`workerimpact verify` names both). Signing says the statement records both "
                "positions faithfully; it does not mean either party agrees with the other's."
            ),
            Styles.small,
        )
    )
    return story
