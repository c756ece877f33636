"""Checking a statement's PAdES signatures with pyHanko: intact, whose, and what came after.

``check_signatures`` validates every signature, finds the revision the first one (the
issuer's) covers, and describes each later revision. A later revision is acceptable only
when it is another signature (a countersignature) and changes nothing but what adding a
signature needs; anything else is reported, in words, as an alteration.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from workerimpact.i18n import t
from workerimpact.report.revisions import Change, describe_revision


@dataclass(frozen=True, slots=True)
class Signer:
    """One signature: who (as the certificate states), whether trusted, and whether intact."""

    name: str
    organization: str
    role: str
    fingerprint: str
    trusted: bool
    intact: bool
    revision: int
    reason: str
    signed_at: datetime.datetime | None

    def describe(self) -> str:
        """``signed by Dana Reyes, Northwind Logistics (trusted)`` or ``… an unknown …``."""
        who = ", ".join(part for part in (self.name, self.organization) if part) or t(
            "no one named"
        )
        if not self.intact:
            # A certificate is public: a broken signature proves nothing about who made it.
            return t("a signature naming {who} that does not match the file", who=who)
        if self.trusted:
            return t("signed by {who} (trusted)", who=who)
        return t("signed by an unknown certificate (it names {who})", who=who)


CUT_SHORT = "the file is cut short: it ends before the end of the PDF"
"""A problem the verdict looks for (a cut file is altered, never merely re-saved)."""


@dataclass(slots=True)
class SignatureCheck:
    """What the signatures show. ``content_revision`` is the revision whose pages and
    attachment the remaining checks read (None: read the file as it is now)."""

    signers: list[Signer] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    updates: list[str] = field(default_factory=list)
    intact: bool = False
    content_revision: int | None = None
    reader: Any = None


def _validation_context(certificate: Any) -> Any:
    from pyhanko_certvalidator import ValidationContext

    # Whether the signer is trusted is decided by the fingerprint list, not by a chain to
    # a certificate authority: the signer's own certificate anchors the cryptographic check.
    return ValidationContext(trust_roots=[certificate], allow_fetching=False)


def _signer(signature: Any, intact: bool) -> Signer:
    from cryptography import x509

    from workerimpact.signing.identity import certificate_fingerprint, holder_of
    from workerimpact.signing.trust import is_trusted

    certificate = x509.load_der_x509_certificate(signature.signer_cert.dump())
    from workerimpact.report.text import clip

    holder = holder_of(certificate)
    fingerprint = certificate_fingerprint(certificate)
    reason = clip(str(signature.sig_object.get("/Reason", "")), 120)
    # The names come from the file: shown as text, control characters made visible.
    return Signer(
        clip(holder.name, 80),
        clip(holder.organization, 80),
        clip(holder.role, 80),
        fingerprint,
        is_trusted(fingerprint),
        intact,
        signature.signed_revision,
        reason,
        signature.self_reported_timestamp,
    )


def _ends_like_pdf(data: bytes) -> bool:
    return data.rstrip(b"\r\n\t \x00").endswith(b"%%EOF")


def _second_opinion(signature: Any, signer: Signer) -> list[str]:
    """pyHanko's own analysis of what followed the first signature, as a safety net."""
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation import validate_pdf_signature

    try:
        status = validate_pdf_signature(signature, _validation_context(signature.signer_cert))
        level = status.modification_level
    except Exception:  # the analysis itself failed: say so rather than pass
        level = None
    allowed = (
        ModificationLevel.NONE,
        ModificationLevel.LTA_UPDATES,
        ModificationLevel.FORM_FILLING,
    )
    if level in allowed:
        return []
    return [
        t(
            "pyHanko's analysis finds changes after the signature ({signer}) beyond adding "
            "signatures",
            signer=signer.describe(),
        )
    ]


def _signed_fields(resolver: Any) -> set[str]:
    """Names of the signature fields that hold a signature in one revision."""
    form = resolver.root.get("/AcroForm")
    if form is None:
        return set()
    names = set()
    for entry in form.get_object().get("/Fields", ()) or ():
        item = entry.get_object()
        if item.get("/FT") == "/Sig" and "/V" in item:
            names.add(str(item.get("/T", "")))
    return names


def removed_signatures(reader: Any) -> list[str]:
    """A sentence for each revision that removed a signature an earlier revision had."""
    found = []
    before: set[str] = set()
    for revision in range(reader.xrefs.total_revisions):
        try:
            now = _signed_fields(reader.get_historical_resolver(revision))
        except Exception:  # a damaged form: described elsewhere
            continue
        if before - now:
            found.append(
                f"a signature was removed from the file (in revision {revision + 1} of "
                f"{reader.xrefs.total_revisions}): a signed statement was changed and signed "
                "again"
            )
        before = now
    return found


def _not_signed(document: str) -> str:
    if document == "review":
        return t(
            "the review file is not signed, so nothing shows who made it or that it is unchanged"
        )
    if document == "joint":
        return t(
            "the joint statement is not signed, so nothing shows who made it or that it is "
            "unchanged"
        )
    return t("the statement is not signed, so nothing shows who made it or that it is unchanged")


def _also_changed(document: str, signer: Signer, changes: str) -> str:
    values = {"signer": signer.describe(), "changes": changes}
    if document == "review":
        return t(
            "the revision holding the signature ({signer}) also changed the review file: {changes}",
            **values,
        )
    if document == "joint":
        return t(
            "the revision holding the signature ({signer}) also changed the joint statement: "
            "{changes}",
            **values,
        )
    return t(
        "the revision holding the signature ({signer}) also changed the statement: {changes}",
        **values,
    )


def _changed_after(document: str, number: int, changes: str) -> str:
    if document == "review":
        return t(
            "the review file was changed after it was signed (update {number}): {changes}",
            number=number,
            changes=changes,
        )
    if document == "joint":
        return t(
            "the joint statement was changed after it was signed (update {number}): {changes}",
            number=number,
            changes=changes,
        )
    return t(
        "the statement was changed after it was signed (update {number}): {changes}",
        number=number,
        changes=changes,
    )


def check_signatures(data: bytes, reader: Any, document: str = "statement") -> SignatureCheck:
    """Validate every signature of the PDF ``data`` (parsed by pyHanko as ``reader``).

    ``document`` ("statement", "review" or "joint") is what the file is, as the problems
    name it, in the messages' language."""
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    check = SignatureCheck(reader=reader)
    total = reader.xrefs.total_revisions
    try:
        signatures = sorted(reader.embedded_regular_signatures, key=lambda s: s.signed_revision)
    except Exception:  # a damaged signature dictionary
        check.problems.append(t("a signature in the file is damaged and cannot be read"))
        return check
    check.problems += removed_signatures(reader)
    if not signatures:
        check.problems.append(_not_signed(document))
        return check

    statuses = []
    for signature in signatures:
        try:
            status = validate_pdf_signature(
                signature, _validation_context(signature.signer_cert), skip_diff=True
            )
            intact = bool(status.intact and status.valid)
            coverage = status.coverage
        except Exception:  # a signature whose byte range or contents are nonsense
            intact, coverage = False, None
        statuses.append(coverage)
        check.signers.append(_signer(signature, intact))

    first = check.signers[0]
    if not first.intact:
        if not _ends_like_pdf(data):
            check.problems.append(t(CUT_SHORT))
        check.problems.append(
            t(
                "the signature no longer matches the file: the file was re-saved by another "
                "program or changed after it was signed"
            )
        )
        return check
    check.intact = True
    check.content_revision = max(0, first.revision - 1)
    for later in check.signers[1:]:
        if not later.intact:
            check.problems.append(
                t(
                    "a later signature does not match the file ({signer}): it was damaged or "
                    "forged",
                    signer=later.describe(),
                )
            )

    covered = (SignatureCoverageLevel.ENTIRE_FILE, SignatureCoverageLevel.ENTIRE_REVISION)
    for signer, coverage in zip(check.signers, statuses, strict=True):
        if signer.intact and coverage not in covered:
            check.problems.append(
                t(
                    "the signature ({signer}) does not cover a whole revision of the file: the "
                    "file was restructured after it was signed",
                    signer=signer.describe(),
                )
            )
    signed_revisions = {signer.revision for signer in check.signers if signer.intact}
    for revision in range(max(1, first.revision), total):
        try:
            changes = describe_revision(reader, revision)
        except Exception:  # objects too damaged to describe: still a change
            changes = [Change("changes that cannot be read (damaged objects)")]  # one message
        if revision in signed_revisions:
            signer = next(s for s in check.signers if s.revision == revision)
            extra = [change.words() for change in changes if not change.signature]
            if revision != first.revision:
                check.updates.append(
                    t("a further signature was added: {signer}", signer=signer.describe())
                )
            if extra:
                check.problems.append(_also_changed(document, signer, "; ".join(extra)))
        else:
            words = "; ".join(change.words() for change in changes) or t("no visible change")
            number = revision - first.revision
            check.updates.append(
                t(
                    "update {number} after the first signature: {changes}",
                    number=number,
                    changes=words,
                )
            )
            check.problems.append(_changed_after(document, number, words))

    if not check.problems and total - 1 > first.revision:
        check.problems += _second_opinion(signatures[0], first)
    last = statuses[-1]
    if (
        last is not None
        and last != SignatureCoverageLevel.ENTIRE_FILE
        and (check.signers[-1].revision == total - 1)
    ):
        signature = signatures[-1]
        byte_range = signature.byte_range
        end = int(byte_range[2]) + int(byte_range[3])
        extra = len(data) - end
        if extra > 0 and data[end:].strip(b"\r\n\t \x00"):
            check.problems.append(
                t("{count} bytes were added after the end of the signed file", count=f"{extra:,}")
            )
    return check
