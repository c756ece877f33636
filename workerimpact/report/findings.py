"""The findings and the answers: what was found and why, and everything that was answered.

Each finding shows its severity, what was found, the answers that made it fire (quoted),
the rule in words, the recommendation and the source. The answers follow section by
section; questions hidden by skip logic are left out and required questions left
unanswered are flagged in words.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer

from workerimpact.assessment import Answer
from workerimpact.i18n import n, t
from workerimpact.questionnaire import Question, Questionnaire
from workerimpact.report.layout import Bookmark, Heading, Styles
from workerimpact.report.parts import Context, number, words
from workerimpact.report.statement_answers import question_details
from workerimpact.report.summary import because, finding_head
from workerimpact.report.text import inline, literal
from workerimpact.scoring import Finding, QuestionnaireResult, answer_text, plan


def findings(context: Context) -> list[Flowable]:
    """Every finding, most serious first, each with its reasons."""
    all_findings = context.result.findings
    story: list[Flowable] = [
        Heading(t("Findings"), Styles.h1, t("Findings"), 0, "findings"),
        Paragraph(
            t(
                "A finding is a rule of a questionnaire that fired on the answers given. Each "
                "one quotes the answers that made it fire and states the rule in words, so "
                "anyone can check it against the Answers section."
            ),
            Styles.body,
        ),
    ]
    if not all_findings:
        story.append(Paragraph(t("No finding fired on the answers given."), Styles.body))
    for finding in all_findings:
        # A finding may run on to the next page, but its heading stays with what was found;
        # every label below stays with its first lines (keepWithNext, no orphans).
        parts = _finding(context, finding)
        story += [KeepTogether(parts[:_HEAD]), *parts[_HEAD:]]
    story.append(PageBreak())
    return story


_HEAD = 6
"""The first flowables of a finding kept on one page: heading, severity and what was found."""


def _finding(context: Context, finding: Finding) -> list[Flowable]:
    label = context.number(finding)
    questionnaire = context.questionnaire(finding.questionnaire_id)
    where = questionnaire.title if questionnaire else finding.questionnaire_id
    dimension = (
        questionnaire.dimension(finding.dimension) if questionnaire and finding.dimension else None
    )
    concerns = f"{inline(where, 300)}" + (f" › {inline(dimension.title, 300)}" if dimension else "")
    story: list[Flowable] = [
        Spacer(1, 6),
        Bookmark(f"{label} {words(finding.severity)}: {finding.title}", 1, f"finding-{label}"),
        finding_head(context, finding),
        Paragraph(
            t(
                "Severity {level} · {concerns} · rule id {id}",
                level=words(finding.severity),
                concerns=concerns,
                id=inline(finding.id, 100),
            ),
            Styles.small,
        ),
        Paragraph(t("What was found"), Styles.label),
        Paragraph(literal(finding.explanation, where="explanation"), Styles.indented),
        Paragraph(t("Why: the answers that made it fire"), Styles.label),
    ]
    story += because(finding)
    story += [
        Paragraph(t("The rule, in words"), Styles.label),
        Paragraph(t("Fires when ") + literal(finding.rule, where="rule"), Styles.indented),
    ]
    if finding.minimum_level:
        scope = (
            t("the dimension “{title}”, ", title=inline(dimension.title, 200)) if dimension else ""
        )
        story.append(
            Paragraph(
                t(
                    "While it fires, {scope}the questionnaire and the overall result are at "
                    "least <b>{level}</b>.",
                    scope=scope,
                    level=words(finding.minimum_level),
                ),
                Styles.indented,
            )
        )
    if finding.severity_reason:
        story += [
            Paragraph(t("Why {level}", level=words(finding.severity)), Styles.label),
            Paragraph(literal(finding.severity_reason, where="severity reason"), Styles.indented),
        ]
    story += [
        Paragraph(t("Recommendation"), Styles.label),
        Paragraph(literal(finding.recommendation, where="recommendation"), Styles.indented),
        Paragraph(t("Source"), Styles.label),
        Paragraph(literal(finding.source, where="source"), Styles.indented),
        Spacer(1, 8),
    ]
    return story


def answers(context: Context) -> list[Flowable]:
    """The answers, questionnaire by questionnaire and section by section."""
    story: list[Flowable] = [
        Heading(t("Answers"), Styles.h1, t("Answers"), 0, "answers"),
        Paragraph(
            t(
                "Every question shown to the assessor, with the answer, comment and evidence "
                "given. Questions hidden by a questionnaire's skip logic (because of earlier "
                "answers) are left out and count nowhere. Required questions without an "
                "answer are marked <b>NOT ANSWERED</b>."
            ),
            Styles.body,
        ),
    ]
    for questionnaire in context.assessment.questionnaires:
        item = context.questionnaire_result(questionnaire.id)
        if item is not None:
            story += _questionnaire_answers(context, questionnaire, item)
    story.append(PageBreak())
    return story


def _questionnaire_answers(
    context: Context, questionnaire: Questionnaire, item: QuestionnaireResult
) -> list[Flowable]:
    story: list[Flowable] = [
        Heading(
            f"{inline(questionnaire.title, 500)} "
            f"<font size=9>({t('version {version}', version=inline(questionnaire.version, 50))})"
            "</font>",
            Styles.h2,
            questionnaire.title,
            1,
            f"answers-{questionnaire.id}",
        )
    ]
    given = context.assessment.answers.get(questionnaire.id, {})
    compiled = plan(questionnaire)
    for section_number, (section, progress) in enumerate(
        zip(questionnaire.sections, item.sections, strict=True), start=1
    ):
        story.append(
            Heading(
                f"{section_number}. {inline(section.title, 500)}",
                Styles.h3,
                f"{section_number}. {section.title}",
                2,
                f"answers-{questionnaire.id}-{section.id}",
            )
        )
        if not progress.shown:
            story.append(
                Paragraph(
                    t(
                        "This section was not shown because of earlier answers; its questions "
                        "are left out."
                    ),
                    Styles.small,
                )
            )
            continue
        hidden = 0
        for question_number, question in enumerate(section.questions, start=1):
            if question.id in item.hidden:
                hidden += 1
                continue
            story += _question(
                f"{section_number}.{question_number}",
                question,
                given.get(question.id),
                compiled.option_points.get(question.id),
                compiled.maximum.get(question.id),
            )
        if hidden:
            story.append(
                Paragraph(
                    n(
                        hidden,
                        "{count} question was not shown because of earlier answers and is left "
                        "out.",
                        "{count} questions were not shown because of earlier answers and are "
                        "left out.",
                    ),
                    Styles.small,
                )
            )
    return story


def _question(
    label: str,
    question: Question,
    answer: Answer | None,
    points_of: dict[str, float] | None,
    maximum: float | None,
) -> list[Flowable]:
    details = [inline(detail, 2_000) for detail in question_details(question)]
    story: list[Flowable] = [
        Paragraph(f"{label}  {literal(question.text, 2_000, 'question')}", Styles.question)
    ]
    if details:
        story.append(Paragraph(" · ".join(details), Styles.small.clone("details", leftIndent=14)))
    value = answer.value if answer is not None else None
    if answer is None or answer_text(question, value) == t("(no answer)"):
        if question.required:
            story.append(Paragraph(t("⚠ NOT ANSWERED — this question is required."), Styles.flag))
        else:
            story.append(Paragraph(t("<i>No answer.</i>"), Styles.indented))
    else:
        text = literal(answer_text(question, value), where="answer")
        if points_of is not None and maximum is not None:
            chosen = value if isinstance(value, list) else [value]
            points = sum(points_of.get(option, 0.0) for option in chosen)
            text += (
                " <font size=8>("
                + t(
                    "{points} of {maximum} risk points"
                    if question.role == "risk"
                    else "{points} of {maximum} mitigation points",
                    points=number(points),
                    maximum=number(maximum),
                )
                + ")</font>"
            )
        story.append(Paragraph(t("<b>Answer:</b> ") + text, Styles.indented))
    if answer is not None and answer.comment.strip():
        story.append(
            Paragraph(
                t("<b>Comment:</b> ") + literal(answer.comment, where="comment"), Styles.indented
            )
        )
    if answer is not None and answer.evidence.strip():
        story.append(
            Paragraph(
                t("<b>Evidence:</b> ") + literal(answer.evidence, where="evidence note"),
                Styles.indented,
            )
        )
    # The question never ends a page without its answer: kept together with its answer,
    # comment and evidence (only one taller than a page continues on the next).
    return [KeepTogether(story)]
