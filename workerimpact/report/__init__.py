"""The PDF impact statement: export it, check it has not been altered, get its assessment back.

``export_report`` draws the statement (reportlab) and attaches the assessment it came from;
``verify_report`` says whether a statement is intact; ``embedded_assessment`` returns the
attached assessment exactly. Only exporting imports reportlab, so checking and importing
reports stay light. See ``docs/report.md`` for what the statement contains.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workerimpact.assessment import Assessment, assessment_from_bytes, canonical_bytes
from workerimpact.errors import InputError
from workerimpact.files import atomic_write
from workerimpact.report.integrity import ATTACHMENT_NAME, attachment, open_pdf
from workerimpact.scoring import AssessmentResult, score_assessment

__all__ = [
    "ReportInfo",
    "Verification",
    "attached_file",
    "embedded_assessment",
    "countersign_report",
    "default_identity",
    "export_report",
    "verify_report",
]


@dataclass(frozen=True, slots=True)
class ReportInfo:
    """What an export wrote: where, how many pages, the assessment's fingerprint, and who
    signed it (``signed_by``, with ``identity_created`` when the signing identity was made
    by this export)."""

    path: Path
    pages: int
    fingerprint: str
    signed_by: str = ""
    signer_fingerprint: str = ""
    identity_created: bool = False


@dataclass(slots=True)
class Verification:
    """The outcome of checking a statement.

    ``ok`` is True only when every check passed; ``verdict`` is "verified", "altered",
    "re-saved" or "not signed"; ``reasons`` says, one sentence each, what failed.
    ``signers`` are the signatures in the order they were made (``Signer.describe()``:
    "signed by Dana Reyes, Northwind Logistics (trusted)"); ``updates`` names each revision
    added after the first signature. ``notes`` records how the pages were checked.
    ``fingerprint`` is the SHA-256 of the attachment and ``assessment`` the attached
    assessment, when they could be read.
    """

    ok: bool
    reasons: list[str] = field(default_factory=list)
    fingerprint: str | None = None
    assessment: Assessment | None = None
    notes: list[str] = field(default_factory=list)
    verdict: str = "altered"
    signers: list[Any] = field(default_factory=list)
    updates: list[str] = field(default_factory=list)


def export_report(
    assessment: Assessment,
    path: Path,
    *,
    result: AssessmentResult | None = None,
    progress: Callable[[int, int], None] | None = None,
    identity: Any = None,
    language: str = "en",
) -> ReportInfo:
    """Write the PDF impact statement of ``assessment`` to ``path`` atomically, signed.

    ``language`` ("en" or "es") is the language of its fixed text and of the questionnaires'
    text where they have it; the assessor's answers, comments and evidence are kept as
    written. It is recorded in the PDF, so ``verify`` redraws the pages in it.

    The statement is signed by ``identity`` (a ``workerimpact.signing.identity.Identity``),
    or else by the person's stored identity; when there is none yet, one is created from
    the assessment's assessor, organization and role (``default_identity``).

    ``result`` must be ``score_assessment(assessment)`` if given (it saves scoring again).
    ``progress(done, total)`` is called from the exporting thread as the work advances; an
    exception it raises stops the export and nothing is written. Raises ``InputError`` when
    the file cannot be written or the assessment cannot be serialized.
    """
    from workerimpact.report.integrity import finish_pdf, stated_levels
    from workerimpact.report.render import generator, render

    totals = [0]

    def relay(done: int, total: int) -> None:
        totals[0] = total
        if progress is not None:
            progress(done, total)

    try:
        canonical = canonical_bytes(assessment)
    except UnicodeEncodeError:
        raise InputError.single(
            str(path),
            "the assessment holds text that is not valid Unicode (an unpaired surrogate); "
            "correct that answer or field and export again",
        ) from None
    fingerprint = hashlib.sha256(canonical).hexdigest()
    if result is None:
        result = score_assessment(assessment)
    pdf = render(assessment, result, fingerprint, relay, steps_after=2, language=language)
    finished, pages = finish_pdf(pdf, canonical, fingerprint, stated_levels(result), generator())
    created = False
    if identity is None:
        identity, created = default_identity(assessment)
    from workerimpact.signing.sign import ISSUE_REASON, ISSUER_FIELD, sign_pdf

    signed = sign_pdf(finished, identity, ISSUER_FIELD, ISSUE_REASON)
    relay(totals[0] - 1, totals[0])
    atomic_write(path, signed)
    relay(totals[0], totals[0])
    return ReportInfo(
        Path(path), pages, fingerprint, identity.holder.describe(), identity.fingerprint, created
    )


def default_identity(assessment: Assessment) -> tuple[Any, bool]:
    """The stored signing identity, or one created from the assessment's assessor.

    The name is the assessor (or, when none is given, the login name), with the
    organization and the assessor's side. Returns the identity and whether it was created.
    """
    import getpass

    from workerimpact.signing.identity import ensure_identity

    meta = assessment.metadata
    name = meta.assessor.strip()
    if not name:
        try:
            name = getpass.getuser()
        except Exception:  # no login name on this system
            name = "WorkerImpact user"
    role = {
        "employer": "Employer",
        "union": "Workers' representative",
        "joint": "Joint committee",
        "consultant": "Consultant",
    }.get(meta.role, str(meta.role))
    return ensure_identity(name[:64], meta.organization.strip()[:64], str(role)[:64])


def attached_file(path: Path) -> bytes:
    """The bytes of the assessment file attached to a statement PDF, unchanged.

    Raises ``InputError`` with a clear reason: no such file, not a PDF, damaged, or no
    assessment attached.
    """
    path = Path(path)
    data = attachment(open_pdf(path), str(path))
    if data is None:
        raise InputError.single(
            str(path),
            f"no assessment is attached to this PDF (it has no {ATTACHMENT_NAME}); only "
            "statements exported by WorkerImpact carry one",
        )
    return data


def embedded_assessment(path: Path) -> Assessment:
    """The assessment attached to a statement PDF, exactly as exported.

    Raises ``InputError`` with a clear reason: no such file, not a PDF, damaged, no
    assessment attached, or an attachment that is not a valid assessment.
    """
    return assessment_from_bytes(attached_file(path), f"{path} ({ATTACHMENT_NAME})")


def verify_report(path: Path) -> Verification:
    """Check a statement: attachment, printed fingerprints, stated levels and every page.

    Raises ``InputError`` only when the file cannot be read as a PDF at all; every other
    problem is a reason in the returned ``Verification``.
    """
    from workerimpact.report.verify import verify

    return verify(Path(path))


def countersign_report(source: Path, target: Path, identity: Any = None) -> Verification:
    """Write ``source`` to ``target`` with the person's countersignature added.

    On a joint statement (issue 13) it is the other party's signature, as themselves. On a
    statement, a countersignature records that the statement was received and read (not agreement).
    It is appended as a new revision, so the issuer's signature stays valid. Refuses, with
    the reasons, a statement that does not verify. Returns the verification of the result.
    """
    from workerimpact.consultation.signed import (
        JOINT_ATTACHMENT,
        JOINT_COUNTERSIGN_REASON,
        REVIEW_ATTACHMENT,
        exchange_kind,
        verify_exchange,
    )
    from workerimpact.signing.identity import load_identity
    from workerimpact.signing.sign import COUNTERSIGN_PREFIX, COUNTERSIGN_REASON, sign_pdf

    source, target = Path(source), Path(target)
    kind = exchange_kind(source)
    if kind == REVIEW_ATTACHMENT:
        raise InputError.single(
            str(source),
            "this is a review file, which only the representatives sign; import it with "
            "`workerimpact review import` (a joint statement is signed by both parties)",
        )
    check = verify_exchange if kind == JOINT_ATTACHMENT else verify_report
    before = check(source)
    if not before.ok:
        what = "joint statement" if kind else "statement"
        raise InputError.single(
            str(source),
            f"only a {what} that verifies can be countersigned: " + "; ".join(before.reasons),
        )
    if identity is None:
        identity = load_identity()
    if identity is None:
        raise InputError.single(
            str(source),
            "you have no signing identity yet; create one with `workerimpact identity create`",
        )
    from workerimpact.report.verify import read_report

    data = read_report(source)
    field_name = f"{COUNTERSIGN_PREFIX}{len(before.signers) + 1}"
    reason = JOINT_COUNTERSIGN_REASON if kind else COUNTERSIGN_REASON
    atomic_write(target, sign_pdf(data, identity, field_name, reason))
    return check(target)
