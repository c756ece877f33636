"""The files the parties exchange: the review file and the joint statement (PDFs).

A review file is a PDF of the review with the review itself attached as ``review.json``
(canonical JSON); its SHA-256 is printed on the first page and kept in the document
information, so an altered attachment is refused on import. The joint statement attaches
``joint.json`` (the review and the response) the same way.

Signing (branch iss9, PAdES with pyHanko) wraps the finished bytes: ``export_review`` and
``export_joint`` take ``sign``, a function from the finished PDF's bytes to the signed
PDF's bytes, applied once just before the atomic write. Nothing here signs by itself.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from workerimpact.assessment import Assessment
from workerimpact.consultation.models import (
    Response,
    Review,
    record_bytes,
    review_from_bytes,
)
from workerimpact.errors import InputError
from workerimpact.files import atomic_write
from workerimpact.jsonfile import canonical_json
from workerimpact.report.integrity import open_pdf
from workerimpact.scoring import score_assessment

REVIEW_ATTACHMENT = "review.json"
JOINT_ATTACHMENT = "joint.json"
INFO_RECORD = "/WorkerImpactRecordFingerprint"

Signer = Callable[[bytes], bytes]
"""Turns a finished PDF into a signed one (to come from the signing work, issue 9)."""


@dataclass(frozen=True, slots=True)
class ExchangeInfo:
    """What an export wrote: where, how many pages, and the attached record's SHA-256."""

    path: Path
    pages: int
    fingerprint: str


def _attach(pdf: bytes, name: str, data: bytes, description: str) -> tuple[bytes, int]:
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    reader = PdfReader(io.BytesIO(pdf))
    writer = PdfWriter(reader, incremental=True)
    embedded = writer.add_attachment(name, data)
    embedded.subtype = NameObject("/application#2Fjson")
    embedded.description = TextStringObject(description)
    embedded.associated_file_relationship = NameObject("/Source")
    writer.add_metadata({INFO_RECORD: hashlib.sha256(data).hexdigest()})
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue(), len(reader.pages)


def _finish(
    pdf: bytes, name: str, data: bytes, description: str, path: Path, sign: Signer | None
) -> ExchangeInfo:
    finished, pages = _attach(pdf, name, data, description)
    if sign is not None:
        finished = sign(finished)
    atomic_write(path, finished)
    return ExchangeInfo(Path(path), pages, hashlib.sha256(data).hexdigest())


def export_review(
    review: Review, assessment: Assessment, path: Path, *, sign: Signer | None = None
) -> ExchangeInfo:
    """Write the review file: the review drawn as a PDF, with the review attached."""
    from workerimpact.consultation import pdf

    data = record_bytes(review)
    story = pdf.review_story(review, assessment, score_assessment(assessment))
    story.insert(
        3,
        pdf._p(
            f"SHA-256 of the attached review: {hashlib.sha256(data).hexdigest()}", pdf.Styles.small
        ),
    )
    drawn = pdf.render(
        story,
        f"Review by the workers' representatives — {assessment.metadata.system}",
        f"Review of {assessment.metadata.system} · revision {review.revision} · "
        f"statement {review.fingerprint[:12]}",
    )
    return _finish(drawn, REVIEW_ATTACHMENT, data, "The review (canonical JSON)", path, sign)


def export_joint(
    assessment: Assessment,
    review: Review,
    response: Response | None,
    path: Path,
    *,
    previous: tuple[Assessment, Response | None] | None = None,
    sign: Signer | None = None,
) -> ExchangeInfo:
    """Write the joint statement: both positions finding by finding, decision, signatures.

    ``previous`` (the revision before and its response) adds what changed since then.
    """
    from workerimpact.consultation import pdf
    from workerimpact.consultation.changes import changes_story

    data = canonical_json(
        {
            "format": "workerimpact-joint/1",
            "review": review.model_dump(mode="json"),
            "response": response.model_dump(mode="json") if response else None,
        }
    )
    story = pdf.joint_story(assessment, score_assessment(assessment), review, response)
    if previous is not None:
        position = next(
            (
                i
                for i, item in enumerate(story)
                if getattr(item, "text", "") == "Finding by finding"
            ),
            len(story),
        )
        story[position:position] = changes_story(previous[0], previous[1], assessment, response)
    drawn = pdf.render(
        story,
        f"Joint statement — {assessment.metadata.system}",
        f"Joint statement · {assessment.metadata.system} · revision {review.revision} · "
        f"statement {review.fingerprint[:12]}",
    )
    return _finish(drawn, JOINT_ATTACHMENT, data, "Review and response (JSON)", path, sign)


def embedded_review(path: Path) -> Review:
    """The review attached to a review file, checked against its recorded fingerprint.

    Raises ``InputError`` naming the file: not a PDF, no review attached, an attachment
    that does not match its fingerprint (altered), or one that is not a valid review.
    """
    display = str(path)
    reader = open_pdf(Path(path))
    try:
        found = reader.attachments.get(REVIEW_ATTACHMENT)
        info = reader.metadata or {}
        recorded = str(info.get(INFO_RECORD, ""))
    except Exception:  # a damaged name tree or information dictionary
        raise InputError.single(display, "the PDF's attached files cannot be read") from None
    if not found:
        raise InputError.single(
            display,
            "no review is attached to this PDF; a review file is made with "
            "`workerimpact review export` (or “Export review file” in the window)",
        )
    if len(found) != 1:
        raise InputError.single(display, "the PDF holds several reviews; it was altered")
    data = bytes(found[0])
    if hashlib.sha256(data).hexdigest() != recorded:
        raise InputError.single(
            display,
            "the attached review does not match the fingerprint recorded with it: the file "
            "was altered after it was exported. Ask the representatives for their file again.",
        )
    return review_from_bytes(data, f"{display} ({REVIEW_ATTACHMENT})")


def previous_revision(
    library: object, assessment: Assessment
) -> tuple[Assessment, Response | None] | None:
    """The revision before ``assessment`` in the library and its response, if it is there."""
    from workerimpact.storage.errors import LibraryError

    earlier = assessment.metadata.previous_revision
    if not earlier:
        return None
    try:
        return library.get(earlier), library.response(earlier)  # type: ignore[attr-defined]
    except (LibraryError, InputError):
        return None
