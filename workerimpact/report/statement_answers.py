"""The statement's findings and answers as content, in the PDF's order and wording.

Every finding with what was found, the answers that made it fire, the rule in words, the
minimum level it forces, the recommendation and the source; then every question shown,
section by section, with its answer (option labels and points), comment and evidence.
"""

from __future__ import annotations

from workerimpact.assessment import Answer
from workerimpact.i18n import n, t
from workerimpact.questionnaire import Question, Questionnaire
from workerimpact.report.content import Block, Heading, Paragraph, Run, runs
from workerimpact.report.parts import Context, number
from workerimpact.report.statement import because, finding_heading, level
from workerimpact.report.text import clip, plain
from workerimpact.scoring import answer_text, plan


def findings(context: Context) -> list[Block]:
    """Every finding, most serious first, with what was found, why, and what to do."""
    blocks: list[Block] = [
        Heading(1, t("Findings"), "findings"),
        Paragraph(
            runs(
                t(
                    "A finding is a rule of a questionnaire that fired on the answers given. "
                    "Each one quotes the answers that made it fire and states the rule in words, "
                    "so anyone can check it against the Answers section."
                )
            )
        ),
    ]
    if not context.result.findings:
        blocks.append(Paragraph(runs(t("No finding fired on the answers given."))))
    for finding in context.result.findings:
        questionnaire = context.questionnaire(finding.questionnaire_id)
        where = questionnaire.title if questionnaire else finding.questionnaire_id
        dimension = (
            questionnaire.dimension(finding.dimension)
            if questionnaire and finding.dimension
            else None
        )
        concerns = clip(where, 300) + (f" › {clip(dimension.title, 300)}" if dimension else "")
        blocks += [
            finding_heading(context, finding, 2, "finding"),
            Paragraph(
                runs(t("Severity "), level(finding.severity), f" · {concerns}"),
                "small",
            ),
            Paragraph(runs(t("What was found")), "label"),
            Paragraph(runs(plain(finding.explanation)), "indented"),
            Paragraph(runs(t("Why: the answers that made it fire")), "label"),
        ]
        blocks += because(finding)
        blocks += [
            Paragraph(runs(t("The rule, in words")), "label"),
            Paragraph(runs(t("Fires when ") + plain(finding.rule)), "indented"),
        ]
        if finding.minimum_level:
            scope = (
                t("the dimension “{title}”, ", title=clip(dimension.title, 200))
                if dimension
                else ""
            )
            blocks.append(
                Paragraph(
                    runs(
                        t(
                            "While it fires, {scope}the questionnaire and the overall result "
                            "are at least ",
                            scope=scope,
                        ),
                        level(finding.minimum_level),
                        ".",
                    ),
                    "indented",
                )
            )
        blocks += [
            Paragraph(runs(t("Recommendation")), "label"),
            Paragraph(runs(plain(finding.recommendation)), "indented"),
            Paragraph(runs(t("Source")), "label"),
            Paragraph(runs(plain(finding.source)), "indented"),
        ]
    return blocks


def answers(context: Context) -> list[Block]:
    """Every question shown, section by section, with its answer, comment and evidence."""
    blocks: list[Block] = [
        Heading(1, t("Answers"), "answers"),
        Paragraph(
            runs(
                t(
                    "Every question shown to the assessor, with the answer, comment and "
                    "evidence given. Questions hidden by a questionnaire's skip logic (because "
                    "of earlier answers) are left out and count nowhere. Required questions "
                    "without an answer are marked "
                ),
                Run(t("NOT ANSWERED"), bold=True),
                ".",
            )
        ),
    ]
    for questionnaire in context.assessment.questionnaires:
        item = context.questionnaire_result(questionnaire.id)
        if item is None:
            continue
        blocks.append(
            Heading(
                2,
                t(
                    "{title} (version {version})",
                    title=clip(questionnaire.title, 500),
                    version=clip(questionnaire.version, 50),
                ),
                f"answers-{questionnaire.id}",
            )
        )
        blocks += _sections(context, questionnaire, item.hidden, item.sections)
    return blocks


def _sections(context, questionnaire: Questionnaire, hidden_ids, progress) -> list[Block]:
    given = context.assessment.answers.get(questionnaire.id, {})
    compiled = plan(questionnaire)
    blocks: list[Block] = []
    for section_number, (section, shown) in enumerate(
        zip(questionnaire.sections, progress, strict=True), start=1
    ):
        blocks.append(
            Heading(
                3,
                f"{section_number}. {clip(section.title, 500)}",
                f"answers-{questionnaire.id}-{section.id}",
            )
        )
        if not shown.shown:
            blocks.append(
                Paragraph(
                    runs(
                        t(
                            "This section was not shown because of earlier answers; its "
                            "questions are left out."
                        )
                    ),
                    "small",
                )
            )
            continue
        hidden = 0
        for question_number, question in enumerate(section.questions, start=1):
            if question.id in hidden_ids:
                hidden += 1
                continue
            blocks += question_blocks(
                f"{section_number}.{question_number}",
                question,
                given.get(question.id),
                compiled.option_points.get(question.id),
                compiled.maximum.get(question.id),
            )
        if hidden:
            blocks.append(
                Paragraph(
                    runs(
                        n(
                            hidden,
                            "{count} question was not shown because of earlier answers and is "
                            "left out.",
                            "{count} questions were not shown because of earlier answers and "
                            "are left out.",
                        )
                    ),
                    "small",
                )
            )
    return blocks


def points_given(question: Question, value, points_of: dict[str, float]) -> float:
    """The points an answer's chosen options give (before the question's weight)."""
    chosen = value if isinstance(value, list) else [value]
    return sum(points_of.get(option, 0.0) for option in chosen)


def question_details(question: Question) -> list[str]:
    """What the statement says about a question besides its text, as plain words: required,
    risk or mitigation, and its source (shared by the PDF and its copies)."""
    details = []
    if question.required:
        details.append(t("required"))
    if question.role != "info":
        details.append(t("risk question") if question.role == "risk" else t("mitigation question"))
    if question.source:
        details.append(t("source: {source}", source=clip(question.source, 400)))
    return details


def question_blocks(
    label: str,
    question: Question,
    answer: Answer | None,
    points_of: dict[str, float] | None,
    maximum: float | None,
) -> list[Block]:
    """One question with its details, answer, comment and evidence note."""
    details = question_details(question)
    blocks: list[Block] = [Paragraph(runs(f"{label}  {plain(question.text)}"), "question")]
    if details:
        blocks.append(Paragraph(runs(" · ".join(details)), "small"))
    value = answer.value if answer is not None else None
    if answer is None or answer_text(question, value) == t("(no answer)"):
        if question.required:
            blocks.append(
                Paragraph(runs(Run(t("⚠ NOT ANSWERED — this question is required."), True)), "flag")
            )
        else:
            blocks.append(Paragraph(runs(Run(t("No answer."), italic=True)), "indented"))
    else:
        text = plain(answer_text(question, value))
        if points_of is not None and maximum is not None:
            points = points_given(question, value, points_of)
            text += (
                " ("
                + t(
                    "{points} of {maximum} risk points"
                    if question.role == "risk"
                    else "{points} of {maximum} mitigation points",
                    points=number(points),
                    maximum=number(maximum),
                )
                + ")"
            )
        blocks.append(Paragraph(runs(Run(t("Answer: "), bold=True), text), "indented"))
    if answer is not None and answer.comment.strip():
        blocks.append(
            Paragraph(runs(Run(t("Comment: "), bold=True), plain(answer.comment)), "indented")
        )
    if answer is not None and answer.evidence.strip():
        blocks.append(
            Paragraph(runs(Run(t("Evidence: "), bold=True), plain(answer.evidence)), "indented")
        )
    return blocks
