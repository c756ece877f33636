"""The certificates I trust: fingerprints a person checked once, in person or by phone.

Stored in ``<data folder>/signing/trusted.json`` (0600). A signature by a certificate on
this list (or by one's own) is reported as "trusted"; any other as "an unknown certificate".
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509

from workerimpact.errors import InputError
from workerimpact.i18n import os_reason, t
from workerimpact.signing.identity import (
    certificate_fingerprint,
    holder_of,
    load_identity,
    normalize_fingerprint,
)
from workerimpact.signing.private import read_private, signing_dir, write_private

TRUST_FILE = "trusted.json"


@dataclass(frozen=True, slots=True)
class TrustedCertificate:
    """One entry of the list: the full fingerprint and whom the certificate names."""

    fingerprint: str
    name: str
    organization: str
    added: str


def trusted_certificates() -> list[TrustedCertificate]:
    """Every certificate on the list, oldest first."""
    path = signing_dir() / TRUST_FILE
    data = read_private(path)
    if data is None:
        return []
    try:
        document = json.loads(data)
        entries = document["certificates"]
        found = [
            TrustedCertificate(
                normalize_fingerprint(str(entry["fingerprint"])),
                str(entry.get("name", "")),
                str(entry.get("organization", "")),
                str(entry.get("added", "")),
            )
            for entry in entries
        ]
    except (ValueError, KeyError, TypeError, AttributeError):
        raise InputError.single(
            str(path),
            t("the list of trusted certificates is damaged; remove the file to start over"),
        ) from None
    return [entry for entry in found if len(entry.fingerprint) == 64]


def _save(entries: list[TrustedCertificate]) -> None:
    document = {
        "format": 1,
        "certificates": [
            {
                "fingerprint": entry.fingerprint,
                "name": entry.name,
                "organization": entry.organization,
                "added": entry.added,
            }
            for entry in entries
        ],
    }
    folder = signing_dir(create=True)
    write_private(folder / TRUST_FILE, json.dumps(document, indent=2).encode())


def trust(certificate: x509.Certificate) -> TrustedCertificate:
    """Add ``certificate`` to the list (no change if it is already there)."""
    fingerprint = certificate_fingerprint(certificate)
    entries = trusted_certificates()
    for entry in entries:
        if entry.fingerprint == fingerprint:
            return entry
    holder = holder_of(certificate)
    entry = TrustedCertificate(
        fingerprint,
        holder.name,
        holder.organization,
        datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d"),
    )
    _save([*entries, entry])
    return entry


def untrust(fingerprint: str) -> TrustedCertificate | None:
    """Remove the certificate whose fingerprint starts with ``fingerprint``; return it."""
    digits = normalize_fingerprint(fingerprint)
    if not digits:
        return None
    entries = trusted_certificates()
    kept = [entry for entry in entries if not entry.fingerprint.startswith(digits)]
    if len(kept) == len(entries):
        return None
    _save(kept)
    return next(entry for entry in entries if entry.fingerprint.startswith(digits))


def is_trusted(fingerprint: str) -> bool:
    """True for one's own certificate and for every certificate on the list."""
    own = load_identity()
    if own is not None and own.fingerprint == fingerprint:
        return True
    return any(entry.fingerprint == fingerprint for entry in trusted_certificates())


def certificates_in(source: Path) -> list[x509.Certificate]:
    """The signers' certificates of a signed statement, or those of a certificate file
    (PEM or DER); ``InputError`` when the file is neither."""
    from workerimpact.files import is_pdf

    if is_pdf(source):
        from workerimpact.report.pdfread import open_reader
        from workerimpact.report.verify import read_report

        try:
            reader = open_reader(read_report(source))
            return [
                x509.load_der_x509_certificate(signature.signer_cert.dump())
                for signature in reader.embedded_regular_signatures
            ]
        except InputError:
            raise
        except Exception:  # pyHanko and asn1crypto raise many kinds for damaged signatures
            raise InputError.single(str(source), t("the PDF's signatures cannot be read")) from None
    try:
        data = source.read_bytes()
    except OSError as error:
        raise InputError.single(
            str(source), t("cannot read the file: {error}", error=os_reason(error))
        ) from None
    try:
        if b"-----BEGIN" in data:
            return list(x509.load_pem_x509_certificates(data))
        return [x509.load_der_x509_certificate(data)]
    except ValueError:
        raise InputError.single(
            str(source), t("this is neither a signed statement nor a certificate file")
        ) from None
