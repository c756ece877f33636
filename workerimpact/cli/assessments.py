"""Subcommands about assessments: start one from questionnaires, score one, compare two."""

from __future__ import annotations

import argparse
import datetime as dt
import textwrap
from pathlib import Path

from workerimpact.assessment import (
    ASSESSOR_ROLES,
    STAGE_LABELS,
    Assessment,
    new_assessment,
    save_assessment,
)
from workerimpact.catalog import load_catalog, resolve_questionnaires
from workerimpact.cli.common import (
    EXIT_OK,
    add_language_option,
    load_assessment_argument,
    print_json,
    refuse_existing,
)
from workerimpact.compare import Comparison, compare_assessments
from workerimpact.i18n import t
from workerimpact.questionnaire import STAGES
from workerimpact.results import describe_score, level_label
from workerimpact.safetext import printable
from workerimpact.scoring import AssessmentResult, Score, score_assessment


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the assessment subcommands."""
    new = subparsers.add_parser(
        "new",
        help=t("start an assessment file from questionnaires"),
        description=t(
            "Start an assessment file. Questionnaire ids come from "
            "`workerimpact questionnaires`; with none, the built-in ones are used."
        ),
    )
    new.add_argument("questionnaires", nargs="*", metavar="QUESTIONNAIRE_ID")
    new.add_argument("-o", "--output", required=True, metavar="FILE", help=t("file to write"))
    new.add_argument("--organization", default="", metavar="TEXT")
    new.add_argument("--site", default="", metavar="TEXT")
    new.add_argument("--system", default="", metavar="TEXT", help=t("the AI system assessed"))
    new.add_argument("--vendor", default="", metavar="TEXT")
    new.add_argument("--purpose", default="", metavar="TEXT")
    new.add_argument("--assessor", default="", metavar="TEXT")
    new.add_argument("--role", default="employer", choices=ASSESSOR_ROLES)
    new.add_argument(
        "--stage",
        choices=STAGES,
        help=t(
            "the system's stage: planned (not yet in use), pilot or in_operation; "
            "questions about what has happened since launch are asked only in operation"
        ),
    )
    new.add_argument(
        "--started",
        type=_date,
        metavar="YYYY-MM-DD",
        help=t("the date the pilot or operation started"),
    )
    new.add_argument("--force", action="store_true", help=t("overwrite FILE if it exists"))
    new.set_defaults(handler=create)

    score = subparsers.add_parser("score", help=t("score an assessment file, report or library id"))
    score.add_argument("assessment", metavar="FILE_OR_ID")
    score.add_argument("--json", action="store_true", help=t("print the result as JSON"))
    add_language_option(score)
    score.set_defaults(handler=score_command)

    compare = subparsers.add_parser(
        "compare",
        help=t("compare two assessments: levels, findings and answers that differ"),
        description=t(
            "Compare two assessments of the same system, for example management's "
            "and the union's answers, or this year's revision against last year's. Each may be "
            "an assessment file, a report PDF or a library id."
        ),
    )
    compare.add_argument("first", metavar="FIRST")
    compare.add_argument("second", metavar="SECOND")
    compare.add_argument("--json", action="store_true", help=t("print the comparison as JSON"))
    add_language_option(compare)
    compare.set_defaults(handler=compare_command)


def create(options: argparse.Namespace) -> int:
    """Write a new assessment file."""
    output = Path(options.output)
    refuse_existing(output, options.force)
    ids = options.questionnaires or load_catalog().builtin_ids
    assessment = new_assessment(
        resolve_questionnaires(ids),
        organization=options.organization,
        site=options.site,
        system=options.system,
        vendor=options.vendor,
        purpose=options.purpose,
        assessor=options.assessor,
        role=options.role,
        stage=options.stage,
        stage_started=options.started,
    )
    save_assessment(assessment, output)
    count = sum(len(q.questions()) for q in assessment.questionnaires)
    print(
        t(
            "wrote {path}: {questionnaires} ({count} questions), id {id}",
            path=output,
            questionnaires=", ".join(ids),
            count=count,
            id=assessment.id,
        )
    )
    return EXIT_OK


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError("write the date as YYYY-MM-DD, e.g. 2025-03-01") from None


def score_command(options: argparse.Namespace) -> int:
    """Score an assessment and print the result."""
    assessment = load_assessment_argument(options.assessment)
    result = score_assessment(assessment)
    if options.json:
        print_json(result.to_json_data())
    else:
        view = _in_language(assessment)
        print(render_result(result if view is assessment else score_assessment(view)))
    return EXIT_OK


def _in_language(assessment: Assessment) -> Assessment:
    """The assessment with its questionnaires' text in the messages' language, where they
    have it (ids, scores and answers unchanged)."""
    from workerimpact.i18n import current_language
    from workerimpact.questionnaire import localized

    views = [localized(q, current_language()) for q in assessment.questionnaires]
    if all(view is q for view, q in zip(views, assessment.questionnaires, strict=True)):
        return assessment
    return assessment.model_copy(update={"questionnaires": views})


def _score_text(score: Score) -> str:
    text = describe_score(score)
    if score.forced_by:
        text += t(
            ", raised by finding {ids}", ids=", ".join(finding.id for finding in score.forced_by)
        )
    return text


def render_result(result: AssessmentResult) -> str:
    """The result as plain text for a terminal."""
    progress = result.progress
    lines = [
        t("Overall: {score}", score=_score_text(result.overall))
        + (t(" — PROVISIONAL, not every question is answered") if progress.provisional else ""),
        t(
            "Answered: {answered} of {shown} questions shown",
            answered=result.answered,
            shown=result.shown,
        ),
        t(
            "Levels: {progress} (questions shown that are required or scored)",
            progress=progress.describe(),
        ),
    ]
    if result.stage:
        lines.append(t("Stage: {stage}", stage=t(STAGE_LABELS[result.stage])))
    if progress.needs_reason:
        lines.append(
            t(
                "'Not applicable' without a reason: {count} (give the reason in the answer's "
                "comment)",
                count=len(progress.needs_reason),
            )
        )
    if result.overall.reasons or result.overall.forced_by:
        lines.append(t("Why: {why}", why=result.overall.explanation()))
    lines.append("")
    for item in result.questionnaires:
        lines.append(
            f"{printable(item.title)} ({item.id} {item.version}): {_score_text(item.result)}"
        )
        for dimension in item.dimensions:
            lines.append(f"    {printable(dimension.title)}: {_score_text(dimension.result)}")
    lines.append("")
    lines.append(t("Findings ({count}):", count=len(result.findings)))
    for finding in result.findings:
        severity = level_label(finding.severity).upper()
        lines.append(f"  [{severity}] {printable(finding.title)}  ({finding.id})")
        if finding.severity_reason:
            lines += textwrap.wrap(
                printable(finding.severity_reason),
                92,
                initial_indent="      " + t("severity: "),
                subsequent_indent=" " * 16,
            )
        for citation in finding.because:
            lines.append(
                "      "
                + t("because: ")
                + f"{printable(citation.question)} → {printable(citation.answer)}"
            )
        lines += textwrap.wrap(
            printable(finding.recommendation),
            92,
            initial_indent="      " + t("do: "),
            subsequent_indent=" " * 10,
        )
        lines.append("      " + t("source: ") + printable(finding.source))
    if result.unanswered:
        lines.append("")
        lines.append(t("Required questions not answered ({count}):", count=len(result.unanswered)))
        for item in result.unanswered:
            lines.append(
                f"  {item.questionnaire_id} › {printable(item.section)}: {printable(item.question)}"
            )
    return "\n".join(lines)


def compare_command(options: argparse.Namespace) -> int:
    """Compare two assessments and print what differs."""
    first = load_assessment_argument(options.first)
    second = load_assessment_argument(options.second)
    if not options.json:
        first, second = _in_language(first), _in_language(second)
    comparison = compare_assessments(first, second)
    if options.json:
        print_json(comparison.to_json_data())
    else:
        print(render_comparison(comparison))
    return EXIT_OK


def render_comparison(comparison: Comparison) -> str:
    """A comparison as plain text for a terminal."""
    first, second = comparison.first, comparison.second
    lines = [
        t(
            "First:  {label} — {organization}",
            label=printable(first.label),
            organization=printable(first.organization),
        ),
        t(
            "Second: {label} — {organization}",
            label=printable(second.label),
            organization=printable(second.organization),
        ),
        "",
        f"{t('Levels'):<44} {t('first'):<20} {t('second'):<20}",
    ]
    for row in comparison.levels:
        indent = {"overall": "", "questionnaire": "  ", "dimension": "    "}[row.kind]
        title = indent + textwrap.shorten(printable(row.title), 44 - len(indent), placeholder="…")
        mark = t("  ← differs") if row.changed else ""
        lines.append(
            f"{title:<44} {describe_score(row.first):<20} {describe_score(row.second):<20}{mark}"
        )
    for heading, findings in (
        (t("Findings only in the first"), comparison.only_first),
        (t("Findings only in the second"), comparison.only_second),
        (t("Findings in both"), comparison.in_both),
    ):
        lines += ["", f"{heading} ({len(findings)}):"]
        lines += [
            f"  [{level_label(item.severity).upper()}] {printable(item.title)}" for item in findings
        ]
    lines += ["", t("Questions answered differently ({count}):", count=len(comparison.answers))]
    for item in comparison.answers:
        lines.append(
            f"  {item.questionnaire_id} › {printable(item.section)}: {printable(item.question)}"
        )
        lines.append("      " + t("first:  ") + printable(item.first))
        if item.first_comment:
            lines.append(f"              “{printable(item.first_comment)}”")
        lines.append("      " + t("second: ") + printable(item.second))
        if item.second_comment:
            lines.append(f"              “{printable(item.second_comment)}”")
    if comparison.unmatched:
        lines += [
            "",
            t("Used by only one of the two: ") + printable("; ".join(comparison.unmatched)),
        ]
    return "\n".join(lines)
