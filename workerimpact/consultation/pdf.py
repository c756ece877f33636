"""Drawing the review file (reportlab), and what it shares with the joint statement.

Both documents are laid out with the statement's fonts and styles (``workerimpact.report``)
and drawn deterministically (reportlab's invariant mode). Their fixed text goes through the
core's messages (``workerimpact.i18n.t``), so they are drawn in the language in force
(``with language("es")``); the questionnaire's text comes from its translation
(``in_language``) and the parties' own words are kept as written, every one escaped. The
joint statement is ``workerimpact.consultation.joint``; attaching the JSON record and
writing the file is ``workerimpact.consultation.exchange``'s work.
"""

from __future__ import annotations

import datetime as dt
import io

from reportlab.lib.units import inch
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Spacer

from workerimpact import __version__
from workerimpact.assessment import Assessment
from workerimpact.consultation.models import Measure, Response, Review, label
from workerimpact.i18n import current_language, long_date, t
from workerimpact.report.labels import draw_line, one_line
from workerimpact.report.layout import (
    FONT,
    MARGIN,
    MUTED,
    PAGE_HEIGHT,
    PAGE_SIZE,
    PAGE_WIDTH,
    TEXT_WIDTH,
    Styles,
    register_fonts,
)
from workerimpact.report.parts import words
from workerimpact.report.text import clip, inline, literal
from workerimpact.scoring import AssessmentResult, Finding


def _p(markup: str, style: object = Styles.body) -> Paragraph:
    return Paragraph(markup, style)


def _text(text: str) -> str:
    return literal(text, 20_000)


def said(value: str | None) -> str:
    """A choice in words in the current language ("partly" → "partly agree")."""
    return t(label(value)) if value else ""


def day(value: dt.date | None, missing: str) -> str:
    """A date as the documents print it, or ``missing`` (already translated)."""
    return long_date(value) if value else missing


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
        lang=current_language(),
    )
    frame = Frame(MARGIN, MARGIN, TEXT_WIDTH, PAGE_HEIGHT - 2 * MARGIN, id="body")
    page_words = t("Page {page}", page="{page}")

    def decorate(canvas: object, doc: object) -> None:
        canvas.saveState()  # type: ignore[attr-defined]
        canvas.setFont(FONT, 7.5)  # type: ignore[attr-defined]
        canvas.setFillColor(MUTED)  # type: ignore[attr-defined]
        page = page_words.format(page=canvas.getPageNumber())  # type: ignore[attr-defined]
        y = MARGIN - 0.3 * inch
        # Laid out as paragraphs are (a font per script, right-to-left in order): names in
        # any script print, not as markers.
        draw_line(canvas, MARGIN, y, one_line(footer, FONT, 7.5, TEXT_WIDTH - 60), 7.5)
        canvas.setFont(FONT, 7.5)  # type: ignore[attr-defined]
        canvas.drawRightString(PAGE_WIDTH - MARGIN, y, page)  # type: ignore[attr-defined]
        canvas.restoreState()  # type: ignore[attr-defined]

    document.addPageTemplates(PageTemplate("page", [frame], onPage=decorate))
    document.build(story)
    return buffer.getvalue()


def findings_by_key(result: AssessmentResult) -> dict[str, Finding]:
    """The statement's findings by their ``questionnaire/finding`` key, in order."""
    return {f"{finding.questionnaire_id}/{finding.id}": finding for finding in result.findings}


def heading(assessment: Assessment, title: str) -> list[Flowable]:
    """The document's title, and the system, organization and revision under it."""
    meta = assessment.metadata
    return [
        _p(inline(title, 200), Styles.title),
        _p(
            f"{inline(meta.system or t('(system not stated)'), 200)} · "
            f"{inline(meta.organization or t('(organization not stated)'), 200)} · "
            + t("revision {revision}", revision=meta.revision),
            Styles.subtitle,
        ),
        Spacer(1, 10),
    ]


def reviewers_line(review: Review) -> str:
    """Who reviewed, as entered, or that they are not named (markup)."""
    names = inline(review.reviewers, 300) if review.reviewers.strip() else t("not named")
    return t("Reviewers: <b>{names}</b>", names=names)


def question_titles(assessment: Assessment) -> dict[str, str]:
    """Each question's text by its ``questionnaire/question`` key."""
    return {
        f"{questionnaire.id}/{question.id}": question.text
        for questionnaire in assessment.questionnaires
        for question in questionnaire.questions()
    }


def review_story(review: Review, assessment: Assessment, result: AssessmentResult) -> list:
    """The review file's pages: the representatives' positions, concerns, requests, opinion.

    ``assessment`` and ``result`` are read in the language in force (``in_language``).
    """
    register_fonts()  # the styles name the shipped fonts: register them before any Paragraph
    story = heading(assessment, t("Review by the workers' representatives"))
    story.append(
        _p(
            reviewers_line(review)
            + ". "
            + t(
                "This review is of the statement of revision {revision} whose fingerprint is "
                "<b>{fingerprint}</b>. The review itself is attached to this PDF "
                "(review.json); the employer's WorkerImpact reads it from there.",
                revision=review.revision,
                fingerprint=review.fingerprint,
            )
        )
    )
    story.append(_p(t("Overall opinion"), Styles.h1))
    story += opinion(review)
    story.append(_p(t("Findings of the statement"), Styles.h1))
    for key, finding in findings_by_key(result).items():
        position = review.findings.get(key)
        story.append(_p(f"[{words(finding.severity)}] {inline(finding.title, 300)}", Styles.h3))
        if position is None or position.position is None:
            story.append(_p(t("No position given."), Styles.indented))
            continue
        story.append(
            _p(t("Position: <b>{position}</b>", position=said(position.position)), Styles.indented)
        )
        if position.comment:
            story.append(_p(_text(position.comment), Styles.indented))
        if position.proposed_measure:
            story.append(
                _p(
                    t("Proposed measure: {measure}", measure=_text(position.proposed_measure)),
                    Styles.indented,
                )
            )
    story += concerns(review, assessment)
    if review.sections:
        story.append(_p(t("Sections"), Styles.h1))
        titles = {
            f"{questionnaire.id}/{part.id}": f"{questionnaire.title} › {part.title}"
            for questionnaire in assessment.questionnaires
            for part in questionnaire.sections
        }
        for key, section in review.sections.items():
            name = inline(titles.get(key, key), 300)
            story.append(_p(f"{name}: <b>{said(section.verdict)}</b>", Styles.body))
            if section.comment:
                story.append(_p(_text(section.comment), Styles.indented))
    story += requests(review)
    story += meetings(review)
    return story


def opinion(review: Review) -> list[Flowable]:
    """The representatives' overall opinion and its dates."""
    given = review.opinion
    if given.verdict is None and given.asked_on is None and given.given_on is None:
        return [_p(t("Opinion: <b>{opinion}</b>.", opinion=t("not given yet")))]
    asked = (
        t("asked for on {day}", day=long_date(given.asked_on))
        if given.asked_on
        else t("the day it was asked for is not recorded")
    )
    when = (
        t("given on {day}", day=long_date(given.given_on)) if given.given_on else t("not given yet")
    )
    story = [
        _p(
            t(
                "Opinion: <b>{opinion}</b> ({asked}; {given}).",
                opinion=said(given.verdict) or t("not given yet"),
                asked=asked,
                given=when,
            )
        )
    ]
    if given.conditions:
        story.append(
            _p(t("Conditions: {conditions}", conditions=_text(given.conditions)), Styles.indented)
        )
    return story


def concerns(review: Review, assessment: Assessment) -> list[Flowable]:
    """The concerns the assessment missed, with the questions they relate to, in words."""
    if not review.concerns:
        return []
    questions = question_titles(assessment)
    story: list[Flowable] = [_p(t("Concerns the assessment missed"), Styles.h1)]
    for concern in review.concerns:
        story.append(_p(f"[{words(concern.severity)}] {inline(concern.title, 300)}", Styles.h3))
        if concern.description:
            story.append(_p(_text(concern.description), Styles.indented))
        if concern.questions:
            named = "; ".join(f"“{questions.get(key, key)}”" for key in concern.questions)
            story.append(
                _p(t("Related questions: {questions}", questions=inline(named)), Styles.indented)
            )
    return story


def requests(review: Review) -> list[Flowable]:
    """The information the representatives asked the employer for, and where it stands."""
    if not review.information:
        return []
    story: list[Flowable] = [_p(t("Information requested from the employer"), Styles.h1)]
    for request in review.information:
        dates = (
            t("asked on {day}", day=long_date(request.asked_on))
            if request.asked_on
            else t("asked on a day not recorded")
        )
        if request.answered_on:
            dates += ", " + t("answered on {day}", day=long_date(request.answered_on))
        story.append(
            _p(f"{_text(request.request)} — <b>{said(request.status)}</b> ({dates})", Styles.body)
        )
    return story


def meetings(review: Review, response: Response | None = None) -> list[Flowable]:
    """The consultation meetings either party recorded, by date (the same one once)."""
    found = {}
    for meeting in [*review.meetings, *(response.meetings if response else [])]:
        found.setdefault((meeting.held_on, meeting.attendees, meeting.discussed), meeting)
    story: list[Flowable] = [_p(t("Meetings"), Styles.h1)]
    if not found:
        return story + [_p(t("No consultation meeting is recorded."))]
    for meeting in sorted(found.values(), key=lambda item: item.held_on):
        story.append(_p(f"<b>{long_date(meeting.held_on)}</b>", Styles.h3))
        attended = _text(meeting.attendees) if meeting.attendees else t("not recorded")
        story.append(_p(t("Attended: {who}", who=attended), Styles.indented))
        discussed = _text(meeting.discussed) if meeting.discussed else t("not recorded")
        story.append(_p(t("Discussed: {what}", what=discussed), Styles.indented))
    return story


def measure_line(measure: Measure, today: dt.date) -> str:
    """One measure in words: what, owner, due date, status, expected level; overdue said."""
    text = "• " + t(
        "{measure} — owner {owner}, due {due}, <b>{status}</b>",
        measure=_text(measure.description),
        owner=inline(measure.owner) if measure.owner.strip() else t("not named"),
        due=day(measure.due, t("no due date")),
        status=said(measure.status),
    )
    if measure.expected_level:
        text += ", " + t("level expected once done: {level}", level=words(measure.expected_level))
    if measure.status == "dropped":
        text += ". " + t("Dropped because: {reason}", reason=_text(measure.dropped_reason))
    if measure.overdue(today):
        text += ". " + t("<b>OVERDUE</b>: its due date has passed and it is not done.")
    return text


def render(story: list, title: str, footer: str) -> bytes:
    """Lay a story out into PDF bytes (before anything is attached), in the language in
    force (recorded as the document's /Lang)."""
    return _build(story, title, footer)
