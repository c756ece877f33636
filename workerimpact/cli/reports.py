"""Subcommands about PDF impact statements: export one, verify one, extract its assessment."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workerimpact.cli.common import EXIT_INPUT, EXIT_OK, load_assessment_argument, refuse_existing


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the report subcommands."""
    export = subparsers.add_parser(
        "export",
        help="write the PDF impact statement of an assessment",
        description="Write the PDF impact statement of an assessment file, report PDF or "
        "library id. The assessment travels inside the PDF; `workerimpact verify` checks it.",
    )
    export.add_argument("assessment", metavar="FILE_OR_ID")
    export.add_argument("-o", "--output", required=True, metavar="REPORT.pdf", help="PDF to write")
    export.add_argument("--force", action="store_true", help="overwrite REPORT.pdf if it exists")
    export.add_argument(
        "--joint",
        action="store_true",
        help="write the joint statement of a library id instead: the review, the employer's "
        "response and measures, the decision, and space for both parties' signatures",
    )
    export.set_defaults(handler=export_command)

    verify = subparsers.add_parser(
        "verify",
        help="check that a PDF impact statement was not altered",
        description="Check a PDF impact statement: its attached assessment matches the printed "
        "fingerprint, scoring it again gives the levels the PDF states, and no page was "
        "changed. Exit 0 when verified, 1 with the reasons otherwise.",
    )
    verify.add_argument("report", metavar="REPORT.pdf")
    verify.set_defaults(handler=verify_command)

    extract = subparsers.add_parser(
        "extract",
        help="write the assessment file attached to a PDF impact statement",
        description="Write the assessment attached to a PDF impact statement, byte for byte "
        "as it was attached (canonical JSON).",
    )
    extract.add_argument("report", metavar="REPORT.pdf")
    extract.add_argument("-o", "--output", required=True, metavar="FILE", help="file to write")
    extract.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    extract.set_defaults(handler=extract_command)


def export_command(options: argparse.Namespace) -> int:
    """Export the statement of an assessment."""
    from workerimpact.report import export_report

    output = Path(options.output)
    refuse_existing(output, options.force)
    if options.joint:
        from workerimpact.cli.review import export_joint_command

        return export_joint_command(options.assessment, output)
    assessment = load_assessment_argument(options.assessment)
    info = export_report(assessment, output)
    print(
        f"wrote {info.path}: {info.pages} page{'s' if info.pages != 1 else ''}, "
        f"fingerprint {info.fingerprint}"
    )
    return EXIT_OK


def verify_command(options: argparse.Namespace) -> int:
    """Verify a statement; print 'verified' or each reason it fails."""
    from workerimpact.report import verify_report

    outcome = verify_report(Path(options.report))
    if outcome.ok:
        print(f"{options.report}: verified — fingerprint {outcome.fingerprint}")
        for note in outcome.notes:
            print(f"  ({note})")
        return EXIT_OK
    for reason in outcome.reasons:
        print(f"{options.report}: not verified: {reason}", file=sys.stderr)
    return EXIT_INPUT


def extract_command(options: argparse.Namespace) -> int:
    """Write the attached assessment to a file."""
    from workerimpact.assessment import assessment_from_bytes
    from workerimpact.files import atomic_write
    from workerimpact.report import attached_file

    output = Path(options.output)
    refuse_existing(output, options.force)
    data = attached_file(Path(options.report))
    # Check it is an assessment (a clear error if not), but write the attached bytes
    # themselves, so the file comes back exactly as it was exported.
    assessment = assessment_from_bytes(data, f"{options.report} (assessment.json)")
    atomic_write(output, data)
    print(f"wrote {output}: assessment {assessment.id}")
    return EXIT_OK
