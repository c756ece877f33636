"""Subcommands about assessments: start one from questionnaires, score one, compare two."""

from __future__ import annotations

import argparse
import datetime as dt
import textwrap
from pathlib import Path

from workerimpact.assessment import (
    ASSESSOR_ROLES,
    STAGE_LABELS,
    new_assessment,
    save_assessment,
)
from workerimpact.catalog import load_catalog, resolve_questionnaires
from workerimpact.cli.common import EXIT_OK, load_assessment_argument, print_json, refuse_existing
from workerimpact.compare import Comparison, compare_assessments
from workerimpact.questionnaire import STAGES
from workerimpact.results import describe_score
from workerimpact.scoring import AssessmentResult, Score, score_assessment


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the assessment subcommands."""
    new = subparsers.add_parser(
        "new",
        help="start an assessment file from questionnaires",
        description="Start an assessment file. Questionnaire ids come from "
        "`workerimpact questionnaires`; with none, the built-in ones are used.",
    )
    new.add_argument("questionnaires", nargs="*", metavar="QUESTIONNAIRE_ID")
    new.add_argument("-o", "--output", required=True, metavar="FILE", help="file to write")
    new.add_argument("--organization", default="", metavar="TEXT")
    new.add_argument("--site", default="", metavar="TEXT")
    new.add_argument("--system", default="", metavar="TEXT", help="the AI system assessed")
    new.add_argument("--vendor", default="", metavar="TEXT")
    new.add_argument("--purpose", default="", metavar="TEXT")
    new.add_argument("--assessor", default="", metavar="TEXT")
    new.add_argument("--role", default="employer", choices=ASSESSOR_ROLES)
    new.add_argument(
        "--stage",
        choices=STAGES,
        help="the system's stage: planned (not yet in use), pilot or in_operation; "
        "questions about what has happened since launch are asked only in operation",
    )
    new.add_argument(
        "--started",
        type=_date,
        metavar="YYYY-MM-DD",
        help="the date the pilot or operation started",
    )
    new.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    new.set_defaults(handler=create)

    score = subparsers.add_parser("score", help="score an assessment file, report or library id")
    score.add_argument("assessment", metavar="FILE_OR_ID")
    score.add_argument("--json", action="store_true", help="print the result as JSON")
    score.set_defaults(handler=score_command)

    compare = subparsers.add_parser(
        "compare",
        help="compare two assessments: levels, findings and answers that differ",
        description="Compare two assessments of the same system, for example management's "
        "and the union's answers, or this year's revision against last year's. Each may be "
        "an assessment file, a report PDF or a library id.",
    )
    compare.add_argument("first", metavar="FIRST")
    compare.add_argument("second", metavar="SECOND")
    compare.add_argument("--json", action="store_true", help="print the comparison as JSON")
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
    print(f"wrote {output}: {', '.join(ids)} ({count} questions), id {assessment.id}")
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
        print(render_result(result))
    return EXIT_OK


def _score_text(score: Score) -> str:
    text = describe_score(score)
    if score.forced_by:
        text += f", raised by finding {', '.join(finding.id for finding in score.forced_by)}"
    return text


def render_result(result: AssessmentResult) -> str:
    """The result as plain text for a terminal."""
    progress = result.progress
    lines = [
        f"Overall: {_score_text(result.overall)}"
        + (" — PROVISIONAL, not every question is answered" if progress.provisional else ""),
        f"Answered: {result.answered} of {result.shown} questions shown",
        f"Levels: {progress.describe()} (questions shown that are required or scored)",
    ]
    if result.stage:
        lines.append(f"Stage: {STAGE_LABELS[result.stage]}")
    if progress.needs_reason:
        lines.append(
            f"'Not applicable' without a reason: {len(progress.needs_reason)} "
            "(give the reason in the answer's comment)"
        )
    if result.overall.reasons or result.overall.forced_by:
        lines.append(f"Why: {result.overall.explanation()}")
    lines.append("")
    for item in result.questionnaires:
        lines.append(f"{item.title} ({item.id} {item.version}): {_score_text(item.result)}")
        for dimension in item.dimensions:
            lines.append(f"    {dimension.title}: {_score_text(dimension.result)}")
    lines.append("")
    lines.append(f"Findings ({len(result.findings)}):")
    for finding in result.findings:
        lines.append(f"  [{finding.severity.upper()}] {finding.title}  ({finding.id})")
        if finding.severity_reason:
            lines += textwrap.wrap(
                finding.severity_reason,
                92,
                initial_indent="      severity: ",
                subsequent_indent=" " * 16,
            )
        for citation in finding.because:
            lines.append(f"      because: {citation.question} → {citation.answer}")
        lines += textwrap.wrap(
            finding.recommendation, 92, initial_indent="      do: ", subsequent_indent=" " * 10
        )
        lines.append(f"      source: {finding.source}")
    if result.unanswered:
        lines.append("")
        lines.append(f"Required questions not answered ({len(result.unanswered)}):")
        for item in result.unanswered:
            lines.append(f"  {item.questionnaire_id} › {item.section}: {item.question}")
    return "\n".join(lines)


def compare_command(options: argparse.Namespace) -> int:
    """Compare two assessments and print what differs."""
    first = load_assessment_argument(options.first)
    second = load_assessment_argument(options.second)
    comparison = compare_assessments(first, second)
    if options.json:
        print_json(comparison.to_json_data())
    else:
        print(render_comparison(comparison))
    return EXIT_OK


def render_comparison(comparison: Comparison) -> str:
    """A comparison as plain text for a terminal."""
    lines = [
        f"First:  {comparison.first.label} — {comparison.first.organization}",
        f"Second: {comparison.second.label} — {comparison.second.organization}",
        "",
        f"{'Levels':<44} {'first':<20} {'second':<20}",
    ]
    for row in comparison.levels:
        indent = {"overall": "", "questionnaire": "  ", "dimension": "    "}[row.kind]
        title = indent + textwrap.shorten(row.title, 44 - len(indent), placeholder="…")
        mark = "  ← differs" if row.changed else ""
        lines.append(
            f"{title:<44} {describe_score(row.first):<20} {describe_score(row.second):<20}{mark}"
        )
    for heading, findings in (
        ("Findings only in the first", comparison.only_first),
        ("Findings only in the second", comparison.only_second),
        ("Findings in both", comparison.in_both),
    ):
        lines += ["", f"{heading} ({len(findings)}):"]
        lines += [f"  [{item.severity.upper()}] {item.title}" for item in findings]
    lines += ["", f"Questions answered differently ({len(comparison.answers)}):"]
    for item in comparison.answers:
        lines.append(f"  {item.questionnaire_id} › {item.section}: {item.question}")
        lines.append(f"      first:  {item.first}")
        if item.first_comment:
            lines.append(f"              “{item.first_comment}”")
        lines.append(f"      second: {item.second}")
        if item.second_comment:
            lines.append(f"              “{item.second_comment}”")
    if comparison.unmatched:
        lines += ["", "Used by only one of the two: " + "; ".join(comparison.unmatched)]
    return "\n".join(lines)
