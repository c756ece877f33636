"""A report's failed checks in a reader's words: what was changed, not fingerprints.

``verify_report`` explains each failed check precisely, with the fingerprints involved
(for the command line and the record). The window's "may have been altered" dialog
shows the same findings without the hexadecimal digits, what was changed first.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

_HEX = re.compile(r"\s*\(?(?:fingerprint\s+)?[0-9a-f]{12,64}…?\)?")
_PLAIN = (
    (
        re.compile(r"^the attached assessment .*is not the one whose fingerprint is printed.*$"),
        "The answers attached to the report are not the ones it was made from: the "
        "attachment, or the fingerprint printed on its Method page, was replaced",
    ),
    (
        re.compile(r"^the footer of (.*) does not show the attachment's fingerprint.*$"),
        r"The footer of \1 was changed",
    ),
    (
        re.compile(r"^the fingerprint recorded in the document information.*$"),
        "The report's own record of what it was made from was removed or changed",
    ),
)


def _order(reason: str) -> int:
    # What a reader can see changed (pages, levels) first; the technical evidence after.
    words = reason.lower()
    if "page" in words and "changed" in words:
        return 0
    if "level" in words:
        return 1
    return 2


def plain_reasons(reasons: list[str]) -> list[str]:
    """The reasons, reworded without fingerprints, most visible change first."""
    plain = []
    for reason in reasons:
        for pattern, replacement in _PLAIN:
            if pattern.search(reason):
                reason = pattern.sub(replacement, reason)
                break
        reason = _HEX.sub("", reason).strip()
        if reason and reason[0].islower():
            reason = reason[0].upper() + reason[1:]
        if reason and reason not in plain:
            plain.append(reason.rstrip(".") + ".")
    return sorted(plain, key=_order)


def signer_lines(signers) -> str:
    """One line per signature; an untrusted signer's certificate fingerprint to read aloud.

    The steward checks that fingerprint against the one the sender reads out at a meeting
    (then ``workerimpact trust add``); the assessment's own hash is left to the PDF.
    """
    from workerimpact.signing.identity import readable_fingerprint

    lines = []
    for signer in signers:
        line = f"• {signer.describe()}"
        if signer.intact and not signer.trusted and signer.fingerprint:
            line += QCoreApplication.translate(
                "Verify", "; its certificate fingerprint is %s"
            ) % readable_fingerprint(signer.fingerprint)
        lines.append(line)
    return "\n".join(lines)


def verified_message(file_name: str, verification) -> str:
    """The "Report verified" text: unaltered, who signed, and that it opens read-only."""
    return QCoreApplication.translate(
        "Verify",
        "%s is unaltered since it was signed:\n%s\n\nIt opens in your library as the "
        "sender's record, read-only; you can then work on your own copy.",
    ) % (file_name, signer_lines(verification.signers))
