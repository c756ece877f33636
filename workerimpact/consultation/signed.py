"""Signing and checking the files the parties exchange: the review file and the joint statement.

Both are signed like the statement (PAdES with pyHanko, ``workerimpact.signing.sign``) and
checked by the same machinery as ``verify_report``: ``check_signatures`` validates every
signature, requires the first one to cover the whole file it was made on, and classifies
every later revision; only a further signature may follow. Then, in the revision the first
signature covers, the attached record (``review.json`` or ``joint.json``, and nothing else)
must be valid, canonical, and match the SHA-256 recorded in the document information.

The review file is signed by the representative who exports it; the joint statement by the
party who exports it, then countersigned by the other party (``countersign_report``).
"""

from __future__ import annotations

import getpass
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workerimpact.consultation.models import Response, Review, record_bytes, review_from_bytes
from workerimpact.errors import InputError
from workerimpact.i18n import t
from workerimpact.jsonfile import canonical_json
from workerimpact.report import Verification
from workerimpact.report.text import clip

REVIEW_ATTACHMENT = "review.json"
JOINT_ATTACHMENT = "joint.json"
INFO_RECORD = "/WorkerImpactRecordFingerprint"

REVIEW_FIELD = "WorkerImpact-review"
REVIEW_REASON = "Issued this review as workers' representatives"
JOINT_FIELD = "WorkerImpact-joint"
JOINT_REASON = "Signed this joint statement as a party to the consultation"
JOINT_COUNTERSIGN_REASON = "Signed this joint statement as the other party to the consultation"

KINDS = {
    REVIEW_ATTACHMENT: "review file of the workers' representatives",
    JOINT_ATTACHMENT: "joint statement",
}
"""What each attachment makes the file, in English words (``t()`` gives them with an
article in the messages' language: "una declaración conjunta")."""
DOCUMENTS = {REVIEW_ATTACHMENT: "review", JOINT_ATTACHMENT: "joint"}
"""What each attachment makes the file, as ``check_signatures`` names it."""


@dataclass(slots=True)
class ExchangeVerification(Verification):
    """``Verification`` of a review file or joint statement.

    ``kind`` is ``review.json`` or ``joint.json``; ``review`` (and for a joint statement
    ``response``) are the attached records when they could be read.
    """

    kind: str = ""
    review: Review | None = None
    response: Response | None = None

    def what(self) -> str:
        """The kind of document in words: “joint statement”, “review file of …”."""
        return KINDS.get(self.kind, "document")

    def covered_note(self) -> str:
        """What an intact signature covers, in the messages' language."""
        if self.kind == REVIEW_ATTACHMENT:
            return t("the signature covers the whole review file and its attached review")
        if self.kind == JOINT_ATTACHMENT:
            return t("the signature covers the whole joint statement and its attached records")
        return t("the signature covers the whole file and its attached record")


def review_identity(review: Review) -> tuple[Any, bool]:
    """The stored signing identity, or one created for the representatives who review.

    The name is the reviewers as entered (or the login name), the role “Workers'
    representative”. Returns the identity and whether it was created.
    """
    from workerimpact.signing.identity import ensure_identity

    name = review.reviewers.strip()
    if not name:
        try:
            name = getpass.getuser()
        except Exception:  # no login name on this system
            name = "WorkerImpact user"
    return ensure_identity(name[:64], "", "Workers' representative")


def sign_exchange(data: bytes, identity: Any, kind: str) -> bytes:
    """``data`` signed by ``identity`` as the issuer of a review file or joint statement."""
    from workerimpact.signing.sign import sign_pdf

    if kind == REVIEW_ATTACHMENT:
        return sign_pdf(data, identity, REVIEW_FIELD, REVIEW_REASON)
    return sign_pdf(data, identity, JOINT_FIELD, JOINT_REASON)


def exchange_kind(path: Path) -> str | None:
    """``review.json`` or ``joint.json`` when the PDF at ``path`` carries one, else None.

    Never raises: a file that cannot be read is left to the checks that say why.
    """
    from workerimpact.report.pdfread import attachments, open_reader
    from workerimpact.report.verify import read_report

    try:
        names = [name for name, _ in attachments(open_reader(read_report(Path(path))).root)]
    except Exception:  # not a PDF, damaged: the statement checks say why
        return None
    for name in (REVIEW_ATTACHMENT, JOINT_ATTACHMENT):
        if name in names:
            return name
    return None


def _joint_records(data: bytes, display: str) -> tuple[Review, Response | None, list[Any]]:
    from workerimpact.consultation.models import response_from_bytes
    from workerimpact.jsonfile import parse_json_bytes

    document = parse_json_bytes(data, display=display, max_bytes=len(data) + 1, kind="joint")
    document = document.data
    if not isinstance(document, dict) or document.get("format") != "workerimpact-joint/1":
        raise InputError.single(display, "this is not a joint statement record")
    review = review_from_bytes(canonical_json(document.get("review")), display)
    raw = document.get("response")
    response = None if raw is None else response_from_bytes(canonical_json(raw), display)
    return review, response, _earlier(document.get("earlier_items", []), display)


def _earlier(raw: Any, display: str) -> list[Any]:
    """The points from earlier revisions attached with the records, validated."""
    from pydantic import ValidationError

    from workerimpact.consultation.carried import EarlierItem

    if not isinstance(raw, list):
        raise InputError.single(display, "earlier_items is not a list")
    try:
        return [EarlierItem.model_validate(item) for item in raw]
    except ValidationError as error:
        raise InputError.single(
            display, "earlier_items: " + error.errors()[0]["msg"].removeprefix("Value error, ")
        ) from None


def _contents(resolver: Any, display: str, outcome: ExchangeVerification) -> list[str]:
    """The attached record in the signed revision: present, alone, matching, valid."""
    from workerimpact.report.pdfread import attachments, info_entries

    found = attachments(resolver.root)
    names = [name for name, _ in found]
    ours = [name for name in names if name in KINDS]
    if not ours:
        return [t("the file no longer carries the record it was signed with")]
    others = [name for name in names if name not in KINDS]
    reasons = []
    if others or len(ours) > 1:
        shown = ", ".join(f"“{clip(name, 60)}”" for name in names[:5])
        reasons.append(
            t("the PDF carries other attached files besides its record: {files}", files=shown)
        )
    spec = dict(found)[ours[0]]
    data = spec.get_object()["/EF"].get_object()["/F"].get_object().data
    outcome.fingerprint = hashlib.sha256(data).hexdigest()
    if info_entries(resolver).get(INFO_RECORD) != outcome.fingerprint:
        reasons.append(
            t(
                "the attached record does not match the fingerprint recorded with it: it was "
                "replaced or edited"
            )
        )
    where = f"{display} ({ours[0]})"
    try:
        if ours[0] == REVIEW_ATTACHMENT:
            outcome.review = review_from_bytes(data, where)
            again = record_bytes(outcome.review)
        else:
            outcome.review, outcome.response, earlier = _joint_records(data, where)
            again = joint_bytes(outcome.review, outcome.response, earlier)
    except InputError as error:
        return reasons + [
            t(
                "the attached record is not valid: {problems}",
                problems="; ".join(problem.message for problem in error.problems[:3]),
            )
        ]
    if again != data:
        reasons.append(t("the attached record is not in the form the export writes: it was edited"))
    return reasons


def joint_bytes(review: Review, response: Response | None, earlier: Sequence[Any] = ()) -> bytes:
    """The record attached to a joint statement (canonical JSON of both records, and the
    points from earlier revisions the response answers, when there are any)."""
    record = {
        "format": "workerimpact-joint/1",
        "review": review.model_dump(mode="json"),
        "response": response.model_dump(mode="json") if response else None,
    }
    if earlier:
        record["earlier_items"] = [item.model_dump(mode="json") for item in earlier]
    return canonical_json(record)


def verify_exchange(path: Path) -> ExchangeVerification:
    """Check a review file or joint statement: signatures, then the attached record.

    Raises ``InputError`` only when the file cannot be read as a PDF at all.
    """
    from workerimpact.report.pdfread import open_reader
    from workerimpact.report.signatures import SignatureCheck, check_signatures
    from workerimpact.report.verify import read_report

    display = str(path)
    data = read_report(Path(path))
    try:
        reader = open_reader(data)
        reader.root  # noqa: B018 - reading the catalog is the check
    except Exception:  # pyHanko raises many kinds for damaged files
        raise InputError.single(display, t("the PDF is damaged and cannot be read")) from None
    outcome = ExchangeVerification(ok=False, kind=exchange_kind(Path(path)) or "")
    try:
        signatures = check_signatures(data, reader, DOCUMENTS.get(outcome.kind, "statement"))
    except Exception:  # a structure pyHanko cannot follow
        signatures = SignatureCheck(
            problems=[t("the signatures or revisions of this PDF are damaged and cannot be read")]
        )
    outcome.signers = signatures.signers
    outcome.updates = signatures.updates
    revision = signatures.content_revision
    if revision is None:
        revision = reader.xrefs.total_revisions - 1
    try:
        content = _contents(reader.get_historical_resolver(revision), display, outcome)
    except Exception:  # a damaged object in the attachment
        content = [t("the PDF is damaged: its attachment cannot be read")]
    outcome.reasons = signatures.problems + content
    outcome.ok = not outcome.reasons
    outcome.verdict = (
        "verified" if outcome.ok else "not signed" if not signatures.signers else "altered"
    )
    outcome.notes.append(outcome.covered_note())
    return outcome


def refuse_unless_verified(outcome: ExchangeVerification, display: str) -> None:
    """Raise ``InputError`` with every reason, in words, when ``outcome`` is not verified."""
    if outcome.ok:
        return
    reasons = "; ".join(outcome.reasons)
    if outcome.kind == JOINT_ATTACHMENT:
        message = t(
            "this joint statement is not used ({verdict}): {reasons}. Ask the sender for the "
            "file exactly as exported.",
            verdict=t(outcome.verdict),
            reasons=reasons,
        )
    else:
        message = t(
            "this review file is not used ({verdict}): {reasons}. Ask the sender for the file "
            "exactly as exported.",
            verdict=t(outcome.verdict),
            reasons=reasons,
        )
    raise InputError.single(display, message)
