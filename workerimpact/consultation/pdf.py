"""Drawing the review file and the joint statement (reportlab), every user text escaped.

Both documents are laid out with the statement's fonts and styles (``workerimpact.report``)
and drawn deterministically (reportlab's invariant mode). Attaching the JSON record and
writing the file is ``workerimpact.consultation.exchange``'s work.
"""

from __future__ import annotations

import io

from reportlab.lib.units import inch
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from workerimpact import __version__
from workerimpact.assessment import Assessment
from workerimpact.consultation.models import (
    CONCERN_PREFIX,
    FINDING_PREFIX,
    ItemResponse,
    Measure,
    Response,
    Review,
    label,
)
from workerimpact.i18n import t
from workerimpact.questionnaire import level_rank
from workerimpact.report.layout import (
    FONT,
    INK,
    MARGIN,
    MUTED,
    PAGE_HEIGHT,
    PAGE_SIZE,
    PAGE_WIDTH,
    TEXT_WIDTH,
    Styles,
    fit_text,
    register_fonts,
)
from workerimpact.report.parts import words
from workerimpact.report.text import clip, inline, literal
from workerimpact.scoring import AssessmentResult, Finding


def _p(markup: str, style: object = Styles.body) -> Paragraph:
    return Paragraph(markup, style)


def _text(text: str) -> str:
    return literal(text, 20_000)


def _build(story: list[Flowable], title: str, footer: str) -> bytes:
    register_fonts()
    buffer = io.BytesIO()
    document = BaseDocTemplate(
        buffer,
        pagesize=PAGE_SIZE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        invariant=1,
        title=clip(title, 300),
        creator=f"WorkerImpact {__version__}",
        lang="en",
    )
    frame = Frame(MARGIN, MARGIN, TEXT_WIDTH, PAGE_HEIGHT - 2 * MARGIN, id="body")

    def decorate(canvas: object, doc: object) -> None:
        canvas.saveState()  # type: ignore[attr-defined]
        canvas.setFont(FONT, 7.5)  # type: ignore[attr-defined]
        canvas.setFillColor(MUTED)  # type: ignore[attr-defined]
        page = f"Page {canvas.getPageNumber()}"  # type: ignore[attr-defined]
        y = MARGIN - 0.3 * inch
        canvas.drawString(MARGIN, y, fit_text(footer, FONT, 7.5, TEXT_WIDTH - 60))  # type: ignore[attr-defined]
        canvas.drawRightString(PAGE_WIDTH - MARGIN, y, page)  # type: ignore[attr-defined]
        canvas.restoreState()  # type: ignore[attr-defined]

    document.addPageTemplates(PageTemplate("page", [frame], onPage=decorate))
    document.build(story)
    return buffer.getvalue()


def _findings_by_key(result: AssessmentResult) -> dict[str, Finding]:
    return {f"{finding.questionnaire_id}/{finding.id}": finding for finding in result.findings}


def _heading(assessment: Assessment, title: str) -> list[Flowable]:
    meta = assessment.metadata
    return [
        _p(inline(title, 200), Styles.title),
        _p(
            f"{inline(meta.system or '(system not stated)', 200)} · "
            f"{inline(meta.organization or '(organization not stated)', 200)} · "
            f"revision {meta.revision}",
            Styles.subtitle,
        ),
        Spacer(1, 10),
    ]


def review_story(review: Review, assessment: Assessment, result: AssessmentResult) -> list:
    """The review file's pages: the representatives' positions, concerns, requests, opinion."""
    register_fonts()  # the styles name the shipped fonts: register them before any Paragraph
    story = _heading(assessment, "Review by the workers' representatives")
    story.append(
        _p(
            f"Reviewers: <b>{inline(review.reviewers or 'not named', 300)}</b>. This review is of "
            f"the statement of revision {review.revision} whose fingerprint is "
            f"<b>{review.fingerprint}</b>. The review itself is attached to this PDF "
            "(review.json); the employer's WorkerImpact reads it from there."
        )
    )
    story.append(_p("Overall opinion", Styles.h1))
    story += _opinion(review)
    story.append(_p("Findings of the statement", Styles.h1))
    findings = _findings_by_key(result)
    for key, finding in findings.items():
        position = review.findings.get(key)
        story.append(_p(f"[{finding.severity.upper()}] {inline(finding.title, 300)}", Styles.h3))
        if position is None or position.position is None:
            story.append(_p("No position given.", Styles.indented))
            continue
        story.append(_p(f"Position: <b>{label(position.position)}</b>", Styles.indented))
        if position.comment:
            story.append(_p(_text(position.comment), Styles.indented))
        if position.proposed_measure:
            story.append(
                _p(f"Proposed measure: {_text(position.proposed_measure)}", Styles.indented)
            )
    story += _concerns(review)
    if review.sections:
        story.append(_p("Sections", Styles.h1))
        titles = {
            f"{questionnaire.id}/{part.id}": f"{questionnaire.title} › {part.title}"
            for questionnaire in assessment.questionnaires
            for part in questionnaire.sections
        }
        for key, section in review.sections.items():
            name = inline(titles.get(key, key), 300)
            story.append(_p(f"{name}: <b>{label(section.verdict)}</b>", Styles.body))
            if section.comment:
                story.append(_p(_text(section.comment), Styles.indented))
    story += _requests(review)
    story += _meetings(review)
    return story


def _opinion(review: Review) -> list[Flowable]:
    opinion = review.opinion
    asked = opinion.asked_on.isoformat() if opinion.asked_on else "not recorded"
    given = opinion.given_on.isoformat() if opinion.given_on else "not given yet"
    story = [
        _p(
            f"Opinion: <b>{label(opinion.verdict) or 'not given yet'}</b> "
            f"(asked for on {asked}; given on {given})."
        )
    ]
    if opinion.conditions:
        story.append(_p(f"Conditions: {_text(opinion.conditions)}", Styles.indented))
    return story


def _concerns(review: Review) -> list[Flowable]:
    if not review.concerns:
        return []
    story: list[Flowable] = [_p("Concerns the assessment missed", Styles.h1)]
    for concern in review.concerns:
        story.append(_p(f"[{concern.severity.upper()}] {inline(concern.title, 300)}", Styles.h3))
        if concern.description:
            story.append(_p(_text(concern.description), Styles.indented))
        if concern.questions:
            story.append(
                _p(f"Related questions: {inline(', '.join(concern.questions))}", Styles.indented)
            )
    return story


def _requests(review: Review) -> list[Flowable]:
    if not review.information:
        return []
    story: list[Flowable] = [_p("Information requested from the employer", Styles.h1)]
    for request in review.information:
        dates = f"asked {request.asked_on or 'on an unrecorded date'}"
        if request.answered_on:
            dates += f", answered {request.answered_on}"
        story.append(
            _p(f"{_text(request.request)} — <b>{label(request.status)}</b> ({dates})", Styles.body)
        )
    return story


def _meetings(review: Review, response: Response | None = None) -> list[Flowable]:
    """The consultation meetings either party recorded, by date (the same one once)."""
    found = {}
    for meeting in [*review.meetings, *(response.meetings if response else [])]:
        found.setdefault((meeting.held_on, meeting.attendees, meeting.discussed), meeting)
    if not found:
        return [_p("Meetings", Styles.h1), _p("No consultation meeting is recorded.")]
    story: list[Flowable] = [_p("Meetings", Styles.h1)]
    for meeting in sorted(found.values(), key=lambda item: item.held_on):
        story.append(_p(f"<b>{meeting.held_on.isoformat()}</b>", Styles.h3))
        attended = _text(meeting.attendees) if meeting.attendees else "not recorded"
        story.append(_p(f"Attended: {attended}", Styles.indented))
        discussed = _text(meeting.discussed) if meeting.discussed else "not recorded"
        story.append(_p(f"Discussed: {discussed}", Styles.indented))
    return story


def _measure_line(measure: Measure) -> str:
    due = measure.due.isoformat() if measure.due else "no due date"
    text = (
        f"• {_text(measure.description)} — owner {inline(measure.owner or 'not named')}, due "
        f"{due}, <b>{label(measure.status)}</b>"
    )
    if measure.expected_level:
        text += f", level expected once done: {measure.expected_level}"
    if measure.status == "dropped":
        text += f". Dropped because: {_text(measure.dropped_reason)}"
    return text


def residual_level(severity: str, item: ItemResponse | None) -> str:
    """The level left after the item's measures: the highest level a live measure expects.

    A finding with no live measure (none, or all dropped) keeps its own severity.
    """
    live = [m for m in (item.measures if item else []) if m.status != "dropped"]
    expected = [m.expected_level or severity for m in live]
    if not expected:
        return severity
    return max(expected, key=level_rank)


def disagreements(result: AssessmentResult, review: Review, response: Response | None) -> list[str]:
    """Plain sentences (markup) for every point where the parties still disagree."""
    lines = []
    items = response.items if response else {}
    for key, finding in _findings_by_key(result).items():
        position = review.findings.get(key)
        if position is None or position.position not in ("partly", "disagree"):
            continue
        item = items.get(FINDING_PREFIX + key)
        live = [m for m in item.measures if m.status != "dropped"] if item else []
        if item is None or (not item.response and not live):
            tail = "the employer has not answered"
        elif not live:
            tail = "the employer answered but commits to no measure"
        else:
            count = f"{len(live)} measure" + ("s" if len(live) != 1 else "")
            tail = (
                f"the employer answered with {count}; the representatives have not said "
                "that this settles it"
            )
        verb = "disagree with" if position.position == "disagree" else "only partly agree with"
        lines.append(
            f"The workers' representatives {verb} “{inline(finding.title, 300)}”, and {tail}."
        )
    for concern in review.concerns:
        item = items.get(CONCERN_PREFIX + concern.id)
        if item is None or not [m for m in item.measures if m.status != "dropped"]:
            lines.append(
                f"The representatives raised “{inline(concern.title, 300)}” "
                f"({words(concern.severity)}); the employer commits to no measure for it."
            )
    if review.opinion.verdict == "unfavourable":
        lines.append("The workers' representatives' opinion is unfavourable.")
    return lines


def joint_story(
    assessment: Assessment, result: AssessmentResult, review: Review, response: Response | None
) -> list:
    """The joint statement: finding by finding both positions, decision, signatures."""
    register_fonts()
    items = response.items if response else {}
    overall = result.overall.level
    residuals = [
        residual_level(f.severity, items.get(FINDING_PREFIX + key))
        for key, f in _findings_by_key(result).items()
    ] + [residual_level(c.severity, items.get(CONCERN_PREFIX + c.id)) for c in review.concerns]
    residual = max(residuals, key=level_rank) if residuals else overall
    story = _heading(assessment, "Joint statement on the impact on workers")
    story.append(_p(_records_line(review, response)))
    decision = label(response.decision) if response and response.decision else "not taken yet"
    next_review = response.next_review if response and response.next_review else "not set"
    provisional = t(" (provisional)") if result.progress.provisional else ""
    summary = [
        ["Level stated in the assessment", words(overall) + provisional],
        ["Highest level left once the measures are done", words(residual) + provisional],
        ["Workers' representatives' opinion", label(review.opinion.verdict) or "not given"],
        ["Employer's decision", decision],
        ["Next review", str(next_review)],
    ]
    table = Table(
        [[_p(inline(a), Styles.cell_bold), _p(inline(b), Styles.cell)] for a, b in summary],
        colWidths=[TEXT_WIDTH * 0.55, TEXT_WIDTH * 0.45],
    )
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, INK)]))
    story += [table, Spacer(1, 6)]
    if response and response.decision_note:
        story.append(_p(f"About the decision: {_text(response.decision_note)}"))
    story.append(_p("Where the parties still disagree", Styles.h1))
    lines = disagreements(result, review, response)
    story += [_p(line) for line in lines] or [
        _p(
            "The workers' representatives agree with every finding, and the employer has "
            "answered every concern they added with a measure."
        )
    ]
    story.append(_p("Finding by finding", Styles.h1))
    for key, finding in _findings_by_key(result).items():
        story += _joint_item(
            f"[{finding.severity.upper()}] {inline(finding.title, 300)}",
            _text(finding.explanation),
            review.findings.get(key),
            items.get(FINDING_PREFIX + key),
            residual_level(finding.severity, items.get(FINDING_PREFIX + key)),
        )
    for concern in review.concerns:
        story += _joint_item(
            f"[{concern.severity.upper()}] Added by the representatives: "
            f"{inline(concern.title, 300)}",
            "",
            None,
            items.get(CONCERN_PREFIX + concern.id),
            residual_level(concern.severity, items.get(CONCERN_PREFIX + concern.id)),
            concern=_text(concern.description) or "no description given.",
        )
    story += _requests(review)
    story += _meetings(review, response)
    story.append(_p("Opinion of the workers' representatives", Styles.h1))
    story += _opinion(review)
    story += signatures()
    return story


def _records_line(review: Review, response: Response | None) -> str:
    """Which statement was reviewed and when each party last changed its record (no ids)."""
    short = f"{review.fingerprint[:12]}… (in full on the statement's Method page)"
    text = (
        f"This is about the statement of revision {review.revision}, fingerprint {short}. "
        f"The representatives' review was last changed on {review.updated.date().isoformat()}"
    )
    if response is None:
        text += "; the employer has not responded yet"
    else:
        text += f"; the employer's response on {response.updated.date().isoformat()}"
    return text + ". Both records are attached to this PDF (joint.json)."


def _joint_item(title, explanation, position, item, residual, concern=None) -> list[Flowable]:  # noqa: ANN001
    """One finding (or, with ``concern`` its description, one added concern), both sides."""
    block = [_p(title, Styles.h3)]
    if concern is not None:
        block.append(_p(f"<i>Representatives:</i> {concern}", Styles.indented))
    else:
        block.append(_p(f"<i>Assessment:</i> {explanation}", Styles.indented))
    if position is not None and position.position:
        text = f"<i>Representatives:</i> <b>{label(position.position)}</b>"
        if position.comment:
            text += f". {_text(position.comment)}"
        if position.proposed_measure:
            text += f" — Proposed measure: {_text(position.proposed_measure)}"
        block.append(_p(text, Styles.indented))
    elif concern is None:
        block.append(_p("<i>Representatives:</i> no position given.", Styles.indented))
    answer = _text(item.response) if item and item.response else "no answer yet."
    block.append(_p(f"<i>Employer:</i> {answer}", Styles.indented))
    for measure in item.measures if item else []:
        block.append(_p(_measure_line(measure), Styles.indented))
    block.append(
        _p(f"Level left once the measures are done: <b>{words(residual)}</b>", Styles.indented)
    )
    return block


def signatures() -> list[Flowable]:
    """Space for both parties to sign, each as themselves."""
    header = [_p(text, Styles.cell_bold) for text in ("Name", "Role", "Signature", "Date")]
    widths = [TEXT_WIDTH * 0.3, TEXT_WIDTH * 0.25, TEXT_WIDTH * 0.3, TEXT_WIDTH * 0.15]
    story: list[Flowable] = [_p("Signatures", Styles.h1)]
    for party in ("For the employer", "For the workers' representatives"):
        table = Table([header] + [[""] * 4] * 2, colWidths=widths, rowHeights=[16, 34, 34])
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, INK)]))
        story.append(KeepTogether([_p(party, Styles.label), table, Spacer(1, 10)]))
    story.append(
        _p(
            "Each party signs as itself, with its digital signature added to this file "
            "(`workerimpact verify` names both). Signing says the statement records both "
            "positions faithfully; it does not mean either party agrees with the other's.",
            Styles.small,
        )
    )
    return story


def render(story: list, title: str, footer: str) -> bytes:
    """Lay a story out into PDF bytes (before anything is attached)."""
    return _build(story, title, footer)
