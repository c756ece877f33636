"""A person's signing identity: a private key and the certificate that names them.

Created on first export from a name, an organization and a role (an ECDSA P-256 key and
a self-signed certificate), or imported from the organization's PKCS#12 file. Both live in
``<data folder>/signing/`` (``key.pem``, ``certificate.pem``, ``chain.pem``), readable by
the user alone; backing up the data folder backs them up, and ``export_identity`` writes
a password-protected PKCS#12 file to take to another computer.
"""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from workerimpact.errors import InputError
from workerimpact.i18n import os_reason, t
from workerimpact.signing.private import read_private, signing_dir, write_private

KEY_FILE = "key.pem"
CERTIFICATE_FILE = "certificate.pem"
CHAIN_FILE = "chain.pem"
_YEARS = 10


@dataclass(frozen=True, slots=True)
class Identity:
    """A signing identity: the key, its certificate and the certificates that vouch for it."""

    key: ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...] = ()

    @property
    def fingerprint(self) -> str:
        """SHA-256 of the certificate, 64 hexadecimal digits."""
        return certificate_fingerprint(self.certificate)

    @property
    def holder(self) -> Holder:
        """Who the certificate names."""
        return holder_of(self.certificate)


@dataclass(frozen=True, slots=True)
class Holder:
    """The name, organization and role a certificate states (empty when absent)."""

    name: str
    organization: str
    role: str

    def describe(self) -> str:
        """``Dana Reyes, Northwind Logistics`` (the parts that are present)."""
        parts = [part for part in (self.name, self.organization) if part]
        return ", ".join(parts) or "a certificate that names no one"


def certificate_fingerprint(certificate: x509.Certificate) -> str:
    """SHA-256 of the certificate's DER encoding, 64 lowercase hexadecimal digits."""
    return hashlib.sha256(certificate.public_bytes(serialization.Encoding.DER)).hexdigest()


def readable_fingerprint(fingerprint: str) -> str:
    """The first 32 digits of a fingerprint in eight groups of four, to read aloud.

    ``3F2A 91C0 7B4D …``: 128 bits, far more than anyone can forge a match for.
    """
    digits = fingerprint.replace(" ", "").upper()[:32]
    return " ".join(digits[index : index + 4] for index in range(0, len(digits), 4))


def normalize_fingerprint(text: str) -> str:
    """A fingerprint as typed (spaces, colons, any case) as lowercase digits; '' if invalid."""
    digits = "".join(ch for ch in text.lower() if ch not in " :-\t")
    if len(digits) < 32 or len(digits) > 64 or any(ch not in "0123456789abcdef" for ch in digits):
        return ""
    return digits


def _attribute(name: x509.Name, oid: x509.ObjectIdentifier) -> str:
    values = name.get_attributes_for_oid(oid)
    return str(values[0].value) if values else ""


def holder_of(certificate: x509.Certificate) -> Holder:
    """The name, organization and role a certificate's subject states."""
    subject = certificate.subject
    return Holder(
        _attribute(subject, NameOID.COMMON_NAME),
        _attribute(subject, NameOID.ORGANIZATION_NAME),
        _attribute(subject, NameOID.TITLE),
    )


def _clean(text: str, what: str) -> str:
    text = " ".join(text.split())
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in text):
        raise InputError.single(
            "signing identity", t("the {what} holds control characters", what=what)
        )
    if len(text) > 64:
        raise InputError.single(
            "signing identity", t("the {what} is longer than 64 characters", what=what)
        )
    return text


def new_identity(name: str, organization: str = "", role: str = "") -> Identity:
    """A new key and self-signed certificate naming ``name``, ``organization`` and ``role``."""
    name = _clean(name, "name")
    if not name:
        raise InputError.single("signing identity", t("a name is needed to sign statements"))
    attributes = [x509.NameAttribute(NameOID.COMMON_NAME, name)]
    if organization := _clean(organization, "organization"):
        attributes.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organization))
    if role := _clean(role, "role"):
        attributes.append(x509.NameAttribute(NameOID.TITLE, role))
    subject = x509.Name(attributes)
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=365 * _YEARS))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )
    return Identity(key, certificate)


def save_identity(identity: Identity) -> None:
    """Store ``identity`` in the data folder (0600 files), replacing any earlier one."""
    folder = signing_dir(create=True)
    key = identity.key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    chain = b"".join(cert.public_bytes(serialization.Encoding.PEM) for cert in identity.chain)
    write_private(folder / KEY_FILE, key)
    write_private(folder / CHAIN_FILE, chain)
    write_private(
        folder / CERTIFICATE_FILE, identity.certificate.public_bytes(serialization.Encoding.PEM)
    )


def load_identity() -> Identity | None:
    """The identity stored in the data folder, or None when there is none yet."""
    folder = signing_dir()
    key_data = read_private(folder / KEY_FILE)
    certificate_data = read_private(folder / CERTIFICATE_FILE)
    if key_data is None or certificate_data is None:
        return None
    try:
        key = serialization.load_pem_private_key(key_data, password=None)
        certificate = x509.load_pem_x509_certificate(certificate_data)
        chain_data = read_private(folder / CHAIN_FILE) or b""
        chain = tuple(x509.load_pem_x509_certificates(chain_data)) if chain_data.strip() else ()
    except ValueError:
        raise InputError.single(
            str(folder),
            t(
                "the signing key or certificate is damaged; import your "
                "identity again (workerimpact identity import) or create a "
                "new one"
            ),
        ) from None
    if not isinstance(key, ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey):
        raise InputError.single(
            str(folder / KEY_FILE), t("this kind of key cannot sign statements")
        )
    return Identity(key, certificate, chain)


def ensure_identity(name: str, organization: str = "", role: str = "") -> tuple[Identity, bool]:
    """The stored identity, or a new one created (and stored) from the details given.

    Returns the identity and whether it was just created.
    """
    existing = load_identity()
    if existing is not None:
        return existing, False
    identity = new_identity(name, organization, role)
    save_identity(identity)
    return identity, True


def import_identity(path: Path, password: str | None) -> Identity:
    """Read a PKCS#12 file (``.p12``/``.pfx``) and make it the stored identity."""
    display = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise InputError.single(
            display, t("cannot read the file: {error}", error=os_reason(error))
        ) from None
    try:
        key, certificate, chain = pkcs12.load_key_and_certificates(
            data, password.encode() if password else None
        )
    except ValueError:
        raise InputError.single(
            display, t("this is not a PKCS#12 file, or the password is not the right one")
        ) from None
    if key is None or certificate is None:
        raise InputError.single(display, t("the file holds no key with its certificate"))
    if not isinstance(key, ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey):
        raise InputError.single(display, t("this kind of key cannot sign statements"))
    identity = Identity(key, certificate, tuple(chain or ()))
    save_identity(identity)
    return identity


def export_identity(identity: Identity, path: Path, password: str) -> None:
    """Write ``identity`` as a PKCS#12 file protected by ``password`` (0600)."""
    if not password:
        raise InputError.single(str(path), t("a password is needed to protect the exported key"))
    data = pkcs12.serialize_key_and_certificates(
        identity.holder.name.encode() or b"WorkerImpact",
        identity.key,
        identity.certificate,
        list(identity.chain) or None,
        serialization.BestAvailableEncryption(password.encode()),
    )
    write_private(Path(path), data)
