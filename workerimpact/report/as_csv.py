"""The answers and the findings as spreadsheets: one row per question, one per finding.

Words, not ids: question text and option labels, questionnaire and section titles, levels
written out. UTF-8 with a byte-order mark so spreadsheet programs read accents and other
scripts right. Spreadsheet-safe: a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab
or a carriage return is prefixed with an apostrophe, so a typed formula is shown, never
run (CSV injection).
"""

from __future__ import annotations

import csv
import io

from workerimpact.assessment import Assessment
from workerimpact.i18n import t
from workerimpact.report.parts import number, words
from workerimpact.report.text import plain
from workerimpact.scoring import AssessmentResult, answer_text, plan

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_KINDS = {
    "risk": "risk (adds to the score)",
    "mitigation": "protection (can lower the score)",
    "info": "information (not scored)",
}

ANSWER_COLUMNS = (
    "Questionnaire",
    "Section",
    "Number",
    "Question",
    "Required",
    "Kind",
    "Status",
    "Answer",
    "Points",
    "Most points",
    "Comment",
    "Evidence",
    "Source",
)
FINDING_COLUMNS = (
    "Number",
    "Severity",
    "Title",
    "Questionnaire",
    "Dimension",
    "What was found",
    "Answers that made it fire",
    "Rule in words",
    "Raises the level to at least",
    "Recommendation",
    "Source",
)


def safe_cell(value: object) -> str:
    """A cell's text, neutralised if a spreadsheet could read it as a formula."""
    text = "" if value is None else str(value)
    # Some spreadsheet programs skip leading spaces before reading a formula.
    return "'" + text if text.lstrip(" ").startswith(_FORMULA_STARTS) else text


def _write(header: tuple[str, ...], rows: list[list[object]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([t(name) for name in header])
    writer.writerows([safe_cell(value) for value in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


def answers_csv(assessment: Assessment, result: AssessmentResult) -> bytes:
    """Every question of every questionnaire, one row each, with its answer and points."""
    rows: list[list[object]] = []
    for questionnaire in assessment.questionnaires:
        item = result.questionnaire(questionnaire.id)
        given = assessment.answers.get(questionnaire.id, {})
        compiled = plan(questionnaire)
        for section_number, section in enumerate(questionnaire.sections, start=1):
            for question_number, question in enumerate(section.questions, start=1):
                answer = given.get(question.id)
                value = answer.value if answer is not None else None
                text = answer_text(question, value)
                hidden = item is not None and question.id in item.hidden
                if hidden:
                    status = t("not shown (skip logic)")
                elif text == "(no answer)":
                    status = (
                        t("NOT ANSWERED (required)") if question.required else t("not answered")
                    )
                else:
                    status = t("answered")
                points_of = compiled.option_points.get(question.id)
                maximum = compiled.maximum.get(question.id)
                points = ""
                if status == t("answered") and points_of is not None:
                    chosen = value if isinstance(value, list) else [value]
                    points = number(sum(points_of.get(option, 0.0) for option in chosen))
                rows.append(
                    [
                        plain(questionnaire.title),
                        plain(section.title),
                        f"{section_number}.{question_number}",
                        plain(question.text),
                        t("yes") if question.required else t("no"),
                        t(_KINDS.get(question.role, question.role)),
                        status,
                        plain(text) if status == t("answered") else "",
                        points,
                        number(maximum) if maximum is not None and points_of is not None else "",
                        plain(answer.comment) if answer is not None else "",
                        plain(answer.evidence) if answer is not None else "",
                        plain(question.source or ""),
                    ]
                )
    return _write(ANSWER_COLUMNS, rows)


def findings_csv(assessment: Assessment, result: AssessmentResult) -> bytes:
    """Every finding, most serious first, one row each, numbered as in the statement."""
    rows: list[list[object]] = []
    for index, finding in enumerate(result.findings, start=1):
        questionnaire = assessment.questionnaire(finding.questionnaire_id)
        dimension = (
            questionnaire.dimension(finding.dimension)
            if questionnaire and finding.dimension
            else None
        )
        quoted = "\n".join(
            f"{plain(citation.question)} — {t('answered: ')}“{plain(citation.answer)}”"
            for citation in finding.because
        )
        rows.append(
            [
                f"F{index}",
                words(finding.severity),
                plain(finding.title),
                plain(questionnaire.title if questionnaire else finding.questionnaire_id),
                plain(dimension.title) if dimension else "",
                plain(finding.explanation),
                quoted,
                t("Fires when ") + plain(finding.rule),
                words(finding.minimum_level) if finding.minimum_level else "",
                plain(finding.recommendation),
                plain(finding.source),
            ]
        )
    return _write(FINDING_COLUMNS, rows)
