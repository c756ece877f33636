"""The "may have been altered" dialog says what was changed, in words, not fingerprints."""

from __future__ import annotations

import re

from ui.verify_words import plain_reasons

# As workerimpact.report.verify words them.
REASONS = [
    "the attached assessment (fingerprint 0123456789ab…) is not the one whose fingerprint "
    "is printed (ba9876543210…): the attachment or the printed fingerprint was changed",
    "the footer of pages 2 and 3 does not show the attachment's fingerprint 0123456789ab",
    "the fingerprint recorded in the document information does not match the attachment",
    "page 3 was changed after export",
    "the Method page states the overall level is LOW, but scoring the attached assessment "
    "gives HIGH",
]


def test_reasons_name_what_changed_without_fingerprints():
    plain = plain_reasons(REASONS)
    assert len(plain) == len(REASONS)
    assert not any(re.search(r"[0-9a-f]{12}", reason) for reason in plain), plain
    assert plain[0] == "The footer of pages 2 and 3 was changed."
    assert "Page 3 was changed after export." in plain[:2]
    assert any("answers attached to the report are not the ones" in r for r in plain)
    assert all(reason[0].isupper() and reason.endswith(".") for reason in plain)


def test_a_tampered_report_is_explained_in_words(tmp_path):
    from pypdf import PdfReader, PdfWriter

    from workerimpact.assessment import Metadata, new_assessment
    from workerimpact.catalog import resolve_questionnaires
    from workerimpact.report import export_report, verify_report

    assessment = new_assessment(
        resolve_questionnaires(["health-safety"]), **Metadata(system="PickRate").model_dump()
    )
    original = tmp_path / "report.pdf"
    export_report(assessment, original)
    writer = PdfWriter(clone_from=PdfReader(original))
    writer.add_metadata({"/WorkerImpactFingerprint": "0" * 64})
    altered = tmp_path / "altered.pdf"
    with altered.open("wb") as stream:
        writer.write(stream)
    verification = verify_report(altered)
    assert not verification.ok
    plain = plain_reasons(verification.reasons)
    assert plain and not any(re.search(r"[0-9a-f]{12}", reason) for reason in plain), plain


def _signer(trusted: bool):
    from workerimpact.report.signatures import Signer

    return Signer(
        name="Hana Lead",
        organization="Acme Logistics",
        role="Employer",
        fingerprint="5f55c3fb575f7b5949b1d03a5740d9d1" + "ab" * 16,
        trusted=trusted,
        intact=True,
        revision=1,
        reason="",
        signed_at=None,
    )


def test_verified_message_says_read_only_and_gives_the_certificate_to_read_aloud(qapp):
    from types import SimpleNamespace

    from ui.verify_words import verified_message

    verification = SimpleNamespace(signers=[_signer(False)], fingerprint="b9703d4e34" * 6)
    text = verified_message("draft.pdf", verification)
    # Opening a received report makes a read-only record, not "a copy you can work from".
    assert "read-only" in text and "copy you can work from" not in text
    assert "Hana Lead, Acme Logistics" in text
    assert "5F55 C3FB 575F 7B59 49B1 D03A 5740 D9D1" in text
    # No raw hash: neither the assessment's nor the certificate's 64 digits.
    assert not re.search(r"[0-9a-fA-F]{12}", text), text
    trusted = verified_message("draft.pdf", SimpleNamespace(signers=[_signer(True)]))
    assert "(trusted)" in trusted and "5F55" not in trusted
