"""Subcommands about PDF impact statements: export one, verify one, extract its assessment."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workerimpact.cli.common import (
    EXIT_INPUT,
    EXIT_OK,
    EXIT_USAGE,
    add_language_option,
    load_assessment_argument,
    refuse_existing,
    statement_language,
)
from workerimpact.i18n import n, t
from workerimpact.safetext import printable


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the report subcommands."""
    export = subparsers.add_parser(
        "export",
        help=t("write the impact statement of an assessment (PDF, HTML, Word or CSV)"),
        description=t(
            "Write the PDF impact statement of an assessment file, report PDF or "
            "library id. The assessment travels inside the PDF; `workerimpact verify` checks it. "
            "--format html writes an accessible web page (the assessment embedded), docx an "
            "editable Word copy (not the signed statement), csv two spreadsheets: NAME-answers.csv "
            "and NAME-findings.csv."
        ),
    )
    export.add_argument("assessment", metavar="FILE_OR_ID")
    export.add_argument("-o", "--output", required=True, metavar="FILE", help=t("file to write"))
    export.add_argument(
        "--format",
        choices=("pdf", "html", "docx", "csv"),
        default=None,
        help=t(
            "what to write (default: from FILE's ending, .html, .docx or .csv; otherwise pdf, "
            "the statement that verify checks)"
        ),
    )
    export.add_argument("--force", action="store_true", help=t("overwrite FILE if it exists"))
    export.add_argument(
        "--joint",
        action="store_true",
        help=t(
            "write the joint statement of a library id instead (a PDF): the review, the "
            "employer's response and measures, the decision, and space for both parties' signatures"
        ),
    )
    add_language_option(export, statement=True)
    export.set_defaults(handler=export_command)

    verify = subparsers.add_parser(
        "verify",
        help=t("check that a PDF impact statement was not altered"),
        description=t(
            "Check a PDF impact statement: its signature is intact and covers the "
            "whole file (or only countersignatures follow), who signed it and whether you trust "
            "them, the attached assessment scores to the levels stated, and every page is what "
            "the assessment gives. Exit 0 when verified, 1 with the reasons otherwise."
        ),
    )
    verify.add_argument("report", metavar="REPORT.pdf")
    verify.add_argument(
        "--against",
        metavar="REPORT.pdf",
        help=t("check that an HTML copy holds the same assessment as this verified statement"),
    )
    add_language_option(verify)
    verify.set_defaults(handler=verify_command)

    extract = subparsers.add_parser(
        "extract",
        help=t("write the assessment file attached to a PDF impact statement"),
        description=t(
            "Write the assessment attached to a PDF impact statement (or embedded in "
            "its HTML copy), byte for byte as it was attached (canonical JSON)."
        ),
    )
    extract.add_argument("report", metavar="REPORT.pdf")
    extract.add_argument("-o", "--output", required=True, metavar="FILE", help=t("file to write"))
    extract.add_argument("--force", action="store_true", help=t("overwrite FILE if it exists"))
    extract.set_defaults(handler=extract_command)


_FORMAT_BY_SUFFIX = {
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".csv": "csv",
}
"""The copy a file name asks for when ``--format`` is not given."""


def export_command(options: argparse.Namespace) -> int:
    """Export the statement of an assessment."""
    from workerimpact.report import export_report

    output = Path(options.output)
    by_name = _FORMAT_BY_SUFFIX.get(output.suffix.lower())
    if options.format is None:
        options.format = "pdf" if options.joint else (by_name or "pdf")
    if by_name is not None and by_name != options.format:
        print(
            printable(
                t(
                    "workerimpact export: {name} ends in {suffix}, but a {format} file was "
                    "asked for: name the file for what it holds (or leave out --format)",
                    name=output.name,
                    suffix=output.suffix,
                    format=options.format.upper(),
                )
            ),
            file=sys.stderr,
        )
        return EXIT_USAGE
    if options.format != "pdf":
        return _export_copy(options, output)
    refuse_existing(output, options.force)
    if options.joint:
        from workerimpact.cli.review_files import export_joint_command

        return export_joint_command(options.assessment, output, statement_language(options))
    assessment = load_assessment_argument(options.assessment)
    info = export_report(assessment, output, language=statement_language(options))
    _warn(assessment, pdf=True)
    print(
        n(
            info.pages,
            "wrote {path}: {count} page, fingerprint {fingerprint}",
            "wrote {path}: {count} pages, fingerprint {fingerprint}",
            path=info.path,
            fingerprint=info.fingerprint,
        )
    )
    from workerimpact.report.text import clip
    from workerimpact.signing.identity import readable_fingerprint

    if info.identity_created:
        print(
            printable(
                t(
                    "created your signing identity: {name} (see `workerimpact identity`)",
                    name=clip(info.signed_by, 200),
                )
            )
        )
    print(
        printable(
            t(
                "signed by {name}, fingerprint {fingerprint}",
                name=clip(info.signed_by, 200),
                fingerprint=readable_fingerprint(info.signer_fingerprint),
            )
        )
    )
    return EXIT_OK


def verify_command(options: argparse.Namespace) -> int:
    """Verify a statement; print who signed it, every later update, and the verdict."""
    from workerimpact.report import verify_report
    from workerimpact.signing.identity import readable_fingerprint

    if options.against is not None or Path(options.report).suffix.lower() in (".html", ".htm"):
        return _verify_copy(options)
    from workerimpact.consultation.signed import exchange_kind, verify_exchange

    kind = exchange_kind(Path(options.report))
    outcome = verify_exchange(Path(options.report)) if kind else verify_report(Path(options.report))
    if kind:
        print(
            printable(
                t("{report}: this is a {kind}", report=options.report, kind=t(outcome.what()))
            )
        )
    stream = sys.stdout if outcome.ok else sys.stderr
    for signer in outcome.signers:
        print(
            printable(
                f"{options.report}: {signer.describe()}, "
                + t(
                    "fingerprint {fingerprint}",
                    fingerprint=readable_fingerprint(signer.fingerprint),
                )
            ),
            file=stream,
        )
        if signer.reason:
            # Our own reasons read in the messages' language; any other as written.
            print(printable(f"  ({t(signer.reason)})"), file=stream)
    for update in outcome.updates:
        print(printable(f"{options.report}: {update}"), file=stream)
    if outcome.ok:
        print(
            f"{options.report}: "
            + t("verified — fingerprint {fingerprint}", fingerprint=outcome.fingerprint)
        )
        for note in outcome.notes:
            print(printable(f"  ({note})"))
        return EXIT_OK
    for reason in outcome.reasons:
        print(printable(f"{options.report}: {t(outcome.verdict)}: {reason}"), file=sys.stderr)
    print(
        printable(
            f"{options.report}: " + t("not verified ({verdict})", verdict=t(outcome.verdict))
        ),
        file=sys.stderr,
    )
    return EXIT_INPUT


def extract_command(options: argparse.Namespace) -> int:
    """Write the attached assessment to a file."""
    from workerimpact.assessment import assessment_from_bytes
    from workerimpact.files import atomic_write
    from workerimpact.report import attached_file

    output = Path(options.output)
    refuse_existing(output, options.force)
    if Path(options.report).suffix.lower() in (".html", ".htm"):
        from workerimpact.report.as_html import embedded_bytes

        data = embedded_bytes(Path(options.report))[0]
    else:
        data = attached_file(Path(options.report))
    # Check it is an assessment (a clear error if not), but write the attached bytes
    # themselves, so the file comes back exactly as it was exported.
    assessment = assessment_from_bytes(data, f"{options.report} (assessment.json)")
    atomic_write(output, data)
    print(t("wrote {output}: assessment {id}", output=output, id=assessment.id))
    return EXIT_OK


def _export_copy(options: argparse.Namespace, output: Path) -> int:
    """Export the HTML, Word or CSV copy of a statement."""
    from workerimpact.report.copies import export_copy, output_paths

    for path in output_paths(output, options.format):
        refuse_existing(path, options.force)
    assessment = load_assessment_argument(options.assessment)
    info = export_copy(assessment, output, options.format, language=statement_language(options))
    _warn(assessment, pdf=False)
    print(
        t(
            "wrote {paths}: fingerprint {fingerprint}",
            paths=", ".join(str(path) for path in info.paths),
            fingerprint=info.fingerprint,
        )
    )
    return EXIT_OK


def _verify_copy(options: argparse.Namespace) -> int:
    """Check an HTML copy, alone or against a PDF statement."""
    from workerimpact.report.copies import compare_copy

    against = Path(options.against) if options.against is not None else None
    outcome = compare_copy(Path(options.report), against)
    if not outcome.ok:
        for reason in outcome.reasons:
            print(f"{options.report}: {t('not verified')}: {reason}", file=sys.stderr)
        return EXIT_INPUT
    if against is None:
        print(
            f"{options.report}: "
            + t(
                "consistent — it embeds assessment {fingerprint}; add --against REPORT.pdf to "
                "check it against a statement",
                fingerprint=outcome.fingerprint,
            )
        )
    else:
        print(
            f"{options.report}: "
            + t(
                "verified against {against} — the same assessment, fingerprint {fingerprint}",
                against=against,
                fingerprint=outcome.fingerprint,
            )
        )
    for note in outcome.notes:
        print(f"  ({note})")
    return EXIT_OK


def _warn(assessment, pdf: bool) -> None:
    """Say which fields hold look-alike letters or, in a PDF, characters no font prints
    (the PDF's cover says the same)."""
    from workerimpact.report.scripts import lookalikes, unprintable_fields

    notes = lookalikes(assessment) + (unprintable_fields(assessment) if pdf else [])
    for note in notes:
        print(f"workerimpact: note: {note}", file=sys.stderr)
