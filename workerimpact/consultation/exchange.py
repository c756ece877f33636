"""The files the parties exchange: the review file and the joint statement (PDFs).

A review file is a PDF of the review with the review itself attached as ``review.json``
(canonical JSON); its SHA-256 is printed on the first page and kept in the document
information, so an altered attachment is refused on import. The joint statement attaches
``joint.json`` (the review and the response) the same way.

Both are signed (PAdES with pyHanko, ``workerimpact.consultation.signed``) by the person
who exports them, just before the atomic write; nothing may follow the signature but a
later signature. ``embedded_review`` checks the signature and refuses an altered file.
"""

from __future__ import annotations

import functools
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workerimpact.assessment import Assessment
from workerimpact.consultation.models import Response, Review, record_bytes
from workerimpact.consultation.signed import (
    INFO_RECORD,
    JOINT_ATTACHMENT,
    REVIEW_ATTACHMENT,
    ExchangeVerification,
    joint_bytes,
    refuse_unless_verified,
    review_identity,
    sign_exchange,
    verify_exchange,
)
from workerimpact.errors import InputError
from workerimpact.files import atomic_write
from workerimpact.i18n import language
from workerimpact.scoring import score_assessment


@dataclass(frozen=True, slots=True)
class ExchangeInfo:
    """What an export wrote: where, how many pages, the attached record's SHA-256, and who
    signed it (``identity_created`` when the signing identity was made by this export)."""

    path: Path
    pages: int
    fingerprint: str
    signed_by: str = ""
    signer_fingerprint: str = ""
    identity_created: bool = False


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
    pdf: bytes, name: str, data: bytes, description: str, path: Path, signer: tuple[Any, bool]
) -> ExchangeInfo:
    finished, pages = _attach(pdf, name, data, description)
    identity, created = signer
    atomic_write(path, sign_exchange(finished, identity, name))
    return ExchangeInfo(
        Path(path),
        pages,
        hashlib.sha256(data).hexdigest(),
        identity.holder.describe(),
        identity.fingerprint,
        created,
    )


def _in_english(export):
    """The review file and the joint statement are written in English only: their few
    shared words (levels, "provisional") must not follow the window's or command's
    language into an English page."""

    @functools.wraps(export)
    def written(*args: Any, **kwargs: Any) -> Any:
        with language("en"):
            return export(*args, **kwargs)

    return written


@_in_english
def export_review(
    review: Review, assessment: Assessment, path: Path, *, identity: Any = None
) -> ExchangeInfo:
    """Write the review file: the review drawn as a PDF, the review attached, signed.

    Signed by ``identity``, or else the person's stored identity (created from the
    reviewers' names when there is none yet, ``review_identity``).
    """
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
    signer = (identity, False) if identity is not None else review_identity(review)
    return _finish(drawn, REVIEW_ATTACHMENT, data, "The review (canonical JSON)", path, signer)


@_in_english
def export_joint(
    assessment: Assessment,
    review: Review,
    response: Response | None,
    path: Path,
    *,
    previous: tuple[Assessment, Response | None] | None = None,
    identity: Any = None,
) -> ExchangeInfo:
    """Write the joint statement: both positions finding by finding, decision, signed.

    ``previous`` (the revision before and its response) adds what changed since then.
    Signed by ``identity``, or else the person's stored identity (created from the
    assessment's assessor when there is none, ``default_identity``); the other party adds
    their signature with ``countersign_report``.
    """
    from workerimpact.consultation import pdf
    from workerimpact.consultation.changes import changes_story

    data = joint_bytes(review, response)
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
    if identity is not None:
        signer = (identity, False)
    else:
        from workerimpact.report import default_identity

        signer = default_identity(assessment)
    return _finish(drawn, JOINT_ATTACHMENT, data, "Review and response (JSON)", path, signer)


def embedded_review(path: Path) -> Review:
    """The review attached to a signed review file that verifies (see ``received_review``)."""
    return received_review(path)[0]


def received_review(path: Path) -> tuple[Review, ExchangeVerification]:
    """The review of a review file, with the check of its signature.

    Raises ``InputError`` naming the file: not a PDF, no review attached, or a file that
    does not verify (not signed, altered after signing, an attachment that does not match
    its fingerprint), with the reasons in words.
    """
    from workerimpact.consultation.signed import exchange_kind

    display = str(path)
    kind = exchange_kind(Path(path))
    if kind != REVIEW_ATTACHMENT:
        if kind is None:
            from workerimpact.report.verify import read_report

            read_report(Path(path))  # says why when it is not a readable PDF
        raise InputError.single(
            display,
            "no review is attached to this PDF; a review file is made with "
            "`workerimpact review export` (or “Export review file” in the window)",
        )
    outcome = verify_exchange(Path(path))
    refuse_unless_verified(outcome, display)
    assert outcome.review is not None  # verified means the review was read
    return outcome.review, outcome


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
