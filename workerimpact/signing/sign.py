"""Signing a PDF with pyHanko: a PAdES signature appended as an incremental update."""

from __future__ import annotations

import io

from cryptography.hazmat.primitives import serialization

from workerimpact.signing.identity import Identity

ISSUER_FIELD = "WorkerImpact-issued"
"""Name of the signature field of the person who exported the statement."""
COUNTERSIGN_PREFIX = "WorkerImpact-countersigned-"
ISSUE_REASON = "Issued this AI workplace impact statement"
COUNTERSIGN_REASON = "Acknowledged receipt of this statement (not agreement with it)"


def _signer(identity: Identity):  # -> pyhanko SimpleSigner
    from asn1crypto import keys, x509
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    der = serialization.Encoding.DER
    key = keys.PrivateKeyInfo.load(
        identity.key.private_bytes(
            der, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    certificate = x509.Certificate.load(identity.certificate.public_bytes(der))
    others = [x509.Certificate.load(cert.public_bytes(der)) for cert in identity.chain]
    return signers.SimpleSigner(
        signing_cert=certificate,
        signing_key=key,
        cert_registry=SimpleCertificateStore.from_certs([certificate, *others]),
    )


def sign_pdf(data: bytes, identity: Identity, field_name: str, reason: str) -> bytes:
    """``data`` with a PAdES signature by ``identity`` appended in a new revision.

    The signature covers every byte before it, earlier revisions and signatures included,
    so an earlier signature stays valid.
    """
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    metadata = signers.PdfSignatureMetadata(
        field_name=field_name,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason,
        name=identity.holder.name or None,
    )
    output = io.BytesIO()
    signers.PdfSigner(metadata, _signer(identity)).sign_pdf(writer, output=output)
    return output.getvalue()
