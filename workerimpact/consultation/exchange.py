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

import datetime as dt
import hashlib
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workerimpact.assessment import Assessment
from workerimpact.consultation.carried import EarlierItem
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
from workerimpact.i18n import t
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


def export_review(
    review: Review,
    assessment: Assessment,
    path: Path,
    *,
    identity: Any = None,
    language: str = "en",
) -> ExchangeInfo:
    """Write the review file: the review drawn as a PDF, the review attached, signed.

    ``language`` ("en", "es") is the language of the fixed text and of the questionnaire's
    text (where it has it); the reviewers' own words are kept as written. Signed by
    ``identity``, or else the person's stored identity (created from the reviewers' names
    when there is none yet, ``review_identity``).
    """
    from workerimpact.consultation import pdf
    from workerimpact.i18n import language as in_messages
    from workerimpact.i18n import t
    from workerimpact.report.language import in_language, statement_language

    data = record_bytes(review)
    with in_messages(statement_language(language)) as tag:
        shown, result = in_language(assessment, score_assessment(assessment), tag)
        story = pdf.review_story(review, shown, result)
        story.insert(
            3,
            pdf._p(
                t(
                    "SHA-256 of the attached review: {fingerprint}",
                    fingerprint=hashlib.sha256(data).hexdigest(),
                ),
                pdf.Styles.small,
            ),
        )
        system = assessment.metadata.system
        drawn = pdf.render(
            story,
            t("Review by the workers' representatives") + f" — {system}",
            t(
                "Review of {system} · revision {revision} · statement {short}",
                system=system,
                revision=review.revision,
                short=review.fingerprint[:12],
            ),
        )
    signer = (identity, False) if identity is not None else review_identity(review)
    return _finish(drawn, REVIEW_ATTACHMENT, data, "The review (canonical JSON)", path, signer)


def export_joint(
    assessment: Assessment,
    review: Review,
    response: Response | None,
    path: Path,
    *,
    previous: tuple[Assessment, Response | None] | None = None,
    identity: Any = None,
    earlier: Sequence[EarlierItem] = (),
    language: str = "en",
    today: dt.date | None = None,
) -> ExchangeInfo:
    """Write the joint statement: both positions finding by finding, decision, signed.

    ``previous`` (the revision before and its response) adds what changed since then;
    ``earlier`` are the points the response answers from earlier revisions
    (``earlier_items``), attached with the records; ``language`` ("en", "es") is the
    language of the fixed and the questionnaire's text; ``today`` decides which measures
    are overdue. Signed by ``identity``, or else the person's stored identity (created
    from the assessment's assessor when there is none, ``default_identity``); the other
    party adds their signature with ``countersign_report``.
    """
    from workerimpact.consultation import pdf
    from workerimpact.consultation.changes import changes_story
    from workerimpact.consultation.joint import joint_story
    from workerimpact.i18n import language as in_messages
    from workerimpact.i18n import t
    from workerimpact.report.language import in_language, statement_language

    data = joint_bytes(review, response, earlier)
    with in_messages(statement_language(language)) as tag:
        shown, result = in_language(assessment, score_assessment(assessment), tag)
        story = joint_story(shown, result, review, response, earlier, today)
        if previous is not None:
            before = in_language(previous[0], score_assessment(previous[0]), tag)[0]
            heading = t("Finding by finding")
            position = next(
                (i for i, item in enumerate(story) if getattr(item, "text", "") == heading),
                len(story),
            )
            story[position:position] = changes_story(before, previous[1], shown, response)
        system = assessment.metadata.system
        drawn = pdf.render(
            story,
            t("Joint statement") + f" — {system}",
            t(
                "Joint statement · {system} · revision {revision} · statement {short}",
                system=system,
                revision=review.revision,
                short=review.fingerprint[:12],
            ),
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


@dataclass(frozen=True, slots=True)
class JointRecords:
    """Everything a joint statement is drawn from, read from the library."""

    assessment: Assessment
    review: Review
    response: Response | None
    previous: tuple[Assessment, Response | None] | None
    earlier: list[EarlierItem]

    def export(self, path: Path, **options: Any) -> ExchangeInfo:
        """Write the joint statement of these records (``export_joint``'s options)."""
        return export_joint(
            self.assessment,
            self.review,
            self.response,
            path,
            previous=self.previous,
            earlier=self.earlier,
            **options,
        )


def joint_records(library: Any, assessment_id: str, language: str = "en") -> JointRecords:
    """The records of an assessment's joint statement: its newest review, the response,
    the revision before, and the points answered from earlier revisions (named in
    ``language``). Raises ``InputError`` when there is no review yet."""
    from workerimpact.consultation.carried import earlier_items
    from workerimpact.i18n import language as in_messages

    assessment = library.get(assessment_id)
    reviews = library.reviews(assessment_id)
    if not reviews:
        raise InputError.single(
            "",
            t(
                "there is no review of this assessment yet: a joint statement sets the "
                "representatives' review beside the employer's response (Representatives: "
                "Assessment → Review as workers' representatives, or `review start`; employer: "
                "File → Import review file…, or `review import`)"
            ),
        )
    response = library.response(assessment_id)
    with in_messages(language):
        earlier = earlier_items(library, assessment, reviews[0], response)
    return JointRecords(
        assessment, reviews[0], response, previous_revision(library, assessment), earlier
    )
