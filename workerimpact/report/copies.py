"""Copies of a statement beside the PDF: accessible HTML, editable Word, spreadsheet CSV.

Each is written from the content the PDF is drawn from (``statement.statement_content``),
atomically. The HTML copy embeds the assessment (the bytes the PDF attaches), so it can be
checked against a statement with ``compare_copy``; the Word copy says on page 1 that it is
an editable copy, not the signed statement; the CSV files hold one row per question and
one per finding.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from workerimpact.assessment import Assessment, assessment_from_bytes, canonical_bytes
from workerimpact.errors import InputError
from workerimpact.files import atomic_write
from workerimpact.i18n import language as in_messages
from workerimpact.i18n import t
from workerimpact.report.language import in_language, statement_language
from workerimpact.scoring import AssessmentResult, score_assessment

_LANG = re.compile(rb'<html lang="([a-zA-Z-]{2,20})">')
CopyFormat = Literal["html", "docx", "csv"]
FORMATS: tuple[CopyFormat, ...] = ("html", "docx", "csv")


@dataclass(frozen=True, slots=True)
class CopyInfo:
    """What an export of a copy wrote: the files and the assessment's fingerprint."""

    paths: tuple[Path, ...]
    fingerprint: str


def csv_paths(path: Path) -> tuple[Path, Path]:
    """The two files a CSV export writes: NAME-answers.csv and NAME-findings.csv."""
    path = Path(path)
    stem = path.stem if path.suffix.lower() == ".csv" else path.name
    return (path.with_name(f"{stem}-answers.csv"), path.with_name(f"{stem}-findings.csv"))


def output_paths(path: Path, kind: CopyFormat) -> tuple[Path, ...]:
    """Every file exporting ``kind`` to ``path`` writes."""
    return csv_paths(path) if kind == "csv" else (Path(path),)


def _canonical(assessment: Assessment, path: Path) -> bytes:
    try:
        return canonical_bytes(assessment)
    except UnicodeEncodeError:
        raise InputError.single(
            str(path),
            t(
                "the assessment holds text that is not valid Unicode (an "
                "unpaired surrogate); correct that answer or field and "
                "export again"
            ),
        ) from None


def export_copy(
    assessment: Assessment,
    path: Path,
    kind: CopyFormat,
    *,
    result: AssessmentResult | None = None,
    language: str = "en",
) -> CopyInfo:
    """Write the ``kind`` copy of the statement of ``assessment`` to ``path``.

    For ``csv``, ``path`` names the pair written (``csv_paths``). ``result`` must be
    ``score_assessment(assessment)`` if given. ``language`` ("en", "es") as for the PDF
    statement: fixed text and questionnaire text in it, the assessor's words as written.
    Raises ``InputError`` when a file cannot be written.
    """
    canonical = _canonical(assessment, Path(path))
    if result is None:
        result = score_assessment(assessment)
    language = statement_language(language)
    with in_messages(language):
        return _export_copy(assessment, path, kind, result, canonical, language)


def _export_copy(
    assessment: Assessment,
    path: Path,
    kind: CopyFormat,
    result: AssessmentResult,
    canonical: bytes,
    language: str,
) -> CopyInfo:
    from workerimpact.report.statement import statement_content

    fingerprint = hashlib.sha256(canonical).hexdigest()
    assessment, result = in_language(assessment, result, language)
    if kind == "csv":
        from workerimpact.report.as_csv import answers_csv, findings_csv

        answers_path, findings_path = csv_paths(path)
        atomic_write(answers_path, answers_csv(assessment, result))
        atomic_write(findings_path, findings_csv(assessment, result))
        return CopyInfo((answers_path, findings_path), fingerprint)
    statement = statement_content(assessment, result, fingerprint)
    if kind == "html":
        from workerimpact.report.as_html import html_document

        data = html_document(statement, canonical).encode("utf-8")
    elif kind == "docx":
        from workerimpact.report.as_docx import docx_document

        data = docx_document(statement)
    else:
        raise ValueError(f"unknown format {kind!r}")
    atomic_write(Path(path), data)
    return CopyInfo((Path(path),), fingerprint)


@dataclass(frozen=True, slots=True)
class CopyCheck:
    """The outcome of checking an HTML copy, alone or against a PDF statement."""

    ok: bool
    reasons: tuple[str, ...]
    fingerprint: str
    notes: tuple[str, ...] = ()


def compare_copy(copy: Path, statement: Path | None = None) -> CopyCheck:
    """Check an HTML copy: its embedded assessment is valid, canonical and the one it names.

    With ``statement`` (a PDF), also check that the PDF verifies and attaches the same
    assessment, byte for byte. Raises ``InputError`` only when a file cannot be read.
    """
    from workerimpact.report import attached_file, verify_report
    from workerimpact.report.as_html import embedded_bytes

    data, stated = embedded_bytes(Path(copy))
    fingerprint = hashlib.sha256(data).hexdigest()
    reasons: list[str] = []
    if stated != fingerprint:
        reasons.append(
            t("the fingerprint the copy states ")
            + (f"({stated[:12]}…) " if stated else t("is missing or "))
            + t(
                "does not match its embedded assessment ({fingerprint}…)",
                fingerprint=fingerprint[:12],
            )
        )
    notes: list[str] = []
    try:
        assessment = assessment_from_bytes(data, f"{copy} (assessment.json)")
    except InputError as error:
        reasons.append(
            t("the embedded assessment is not a valid assessment: ")
            + "; ".join(problem.message for problem in error.problems[:3])
        )
    else:
        if canonical_bytes(assessment) != data:
            reasons.append(t("the embedded assessment is not in canonical form: it was edited"))
        reasons += _compare_text(Path(copy), assessment, data, fingerprint, notes)
    if statement is not None:
        other = hashlib.sha256(attached_file(Path(statement))).hexdigest()
        if other != fingerprint:
            reasons.append(
                t(
                    "the copy holds assessment {fingerprint}…, but {statement} "
                    "attaches {other}…: they are not the same assessment",
                    fingerprint=fingerprint[:12],
                    statement=statement,
                    other=other[:12],
                )
            )
        outcome = verify_report(Path(statement))
        reasons += [
            t("{statement} is not verified: {reason}", statement=statement, reason=reason)
            for reason in outcome.reasons
        ]
    return CopyCheck(not reasons, tuple(reasons), fingerprint, tuple(notes))


def _compare_text(
    path: Path, assessment: Assessment, data: bytes, fingerprint: str, notes: list[str]
) -> list[str]:
    """Write the copy again from its embedded assessment; the file must be exactly that."""
    from workerimpact.i18n import language as in_messages
    from workerimpact.report.as_html import generator_of, html_document
    from workerimpact.report.language import in_language, statement_language
    from workerimpact.report.statement import statement_content

    written = path.read_bytes()
    found = _LANG.search(written[:200])
    language = statement_language(found.group(1).decode("ascii") if found else None)
    with in_messages(language):
        view, result = in_language(assessment, score_assessment(assessment), language)
        again = html_document(statement_content(view, result, fingerprint), data)
    made_by = generator_of(written)
    if made_by != generator_of(again.encode("utf-8")):
        notes.append(
            t(
                "made by {made_by}: only its embedded assessment was checked, not its visible text",
                made_by=made_by or t("an unknown version"),
            )
        )
        return []
    notes.append(t("its text was written again from the embedded assessment and compared"))
    if written != again.encode("utf-8"):
        return [
            t("its visible text was changed: it does not show what its embedded assessment gives")
        ]
    return []
