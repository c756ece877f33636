"""Subcommands about signatures: your signing identity, the certificates you trust, and
countersigning a statement you received."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from workerimpact.cli.common import EXIT_INPUT, EXIT_OK, refuse_existing
from workerimpact.errors import InputError
from workerimpact.i18n import t
from workerimpact.safetext import printable


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the identity, trust and countersign subcommands."""
    identity = subparsers.add_parser(
        "identity",
        help=t("your signing identity: show, create, import or export it"),
        description=t(
            "Every statement you export is signed with your identity: a key and a "
            "certificate naming you, kept in the data folder readable by you alone. Read its "
            "fingerprint aloud to whoever needs to trust your statements."
        ),
    )
    actions = identity.add_subparsers(dest="action", metavar="ACTION")
    show = actions.add_parser("show", help=t("show who you sign as and your fingerprint"))
    show.set_defaults(handler=identity_show)
    create = actions.add_parser("create", help=t("create a new identity (replaces none)"))
    create.add_argument("--name", required=True)
    create.add_argument("--organization", default="")
    create.add_argument("--role", default="")
    create.add_argument("--replace", action="store_true", help=t("replace an existing identity"))
    create.set_defaults(handler=identity_create)
    imported = actions.add_parser("import", help=t("use your organization's PKCS#12 (.p12) file"))
    imported.add_argument("file", metavar="IDENTITY.p12")
    imported.add_argument("--replace", action="store_true", help=t("replace an existing identity"))
    imported.set_defaults(handler=identity_import)
    exported = actions.add_parser(
        "export", help=t("write your identity to a password-protected .p12 file")
    )
    exported.add_argument("-o", "--output", required=True, metavar="IDENTITY.p12")
    exported.add_argument("--force", action="store_true")
    exported.set_defaults(handler=identity_export)
    restored = actions.add_parser(
        "restore",
        help=t("bring back your identity and trusted certificates from the library's backups"),
    )
    restored.add_argument("--replace", action="store_true", help=t("replace an existing identity"))
    restored.set_defaults(handler=identity_restore)
    identity.set_defaults(handler=identity_show)

    trust = subparsers.add_parser(
        "trust",
        help=t("the certificates you trust: add, list or remove"),
        description=t(
            "Record a certificate once you have checked its fingerprint with its "
            "holder (in person or by phone); from then on `verify` names it as trusted."
        ),
    )
    trust_actions = trust.add_subparsers(dest="action", metavar="ACTION")
    add = trust_actions.add_parser(
        "add", help=t("trust the signer of a statement, or a certificate file (.pem/.crt)")
    )
    add.add_argument("source", metavar="REPORT.pdf_OR_CERTIFICATE")
    add.add_argument(
        "--fingerprint",
        required=True,
        help=t("the fingerprint the holder read to you (spaces allowed); it must match"),
    )
    add.set_defaults(handler=trust_add)
    listing = trust_actions.add_parser("list", help=t("list the certificates you trust"))
    listing.set_defaults(handler=trust_list)
    remove = trust_actions.add_parser("remove", help=t("stop trusting a certificate"))
    remove.add_argument("fingerprint")
    remove.set_defaults(handler=trust_remove)
    trust.set_defaults(handler=trust_list)

    countersign = subparsers.add_parser(
        "countersign",
        help=t("add your signature to a statement you received (acknowledging receipt)"),
        description=t(
            "Acknowledge that you received and read a statement (not that you agree "
            "with it) by adding your signature. The issuer's signature stays valid; `verify` "
            "lists both. Only a statement that verifies can be countersigned."
        ),
    )
    countersign.add_argument("report", metavar="REPORT.pdf")
    countersign.add_argument("-o", "--output", required=True, metavar="COUNTERSIGNED.pdf")
    countersign.add_argument("--force", action="store_true")
    countersign.set_defaults(handler=countersign_command)


def _print_identity(identity) -> None:  # noqa: ANN001 - Identity
    from workerimpact.report.text import clip
    from workerimpact.signing.identity import readable_fingerprint

    holder = identity.holder
    print(printable(t("you sign as: {holder}", holder=clip(holder.describe(), 200))))
    if holder.role:
        print(printable(t("role: {role}", role=clip(holder.role, 100))))
    fingerprint = readable_fingerprint(identity.fingerprint)
    print(t("fingerprint (read aloud): {fingerprint}", fingerprint=fingerprint))
    print(t("full fingerprint: {fingerprint}", fingerprint=identity.fingerprint))


def identity_show(options: argparse.Namespace) -> int:
    """Show the stored identity."""
    from workerimpact.signing.identity import load_identity

    identity = load_identity()
    if identity is None:
        print(
            t(
                "you have no signing identity yet: it is created on your first export, or "
                "with `workerimpact identity create --name NAME --organization ORG --role ROLE`"
            )
        )
        return EXIT_OK
    _print_identity(identity)
    return EXIT_OK


def identity_restore(options: argparse.Namespace) -> int:
    """Copy ``backups/signing`` (refreshed by every backup) back into the data folder."""
    from workerimpact.paths import data_dir
    from workerimpact.signing.identity import load_identity
    from workerimpact.signing.private import read_private, signing_dir, write_private
    from workerimpact.storage.backups import IDENTITY_FOLDER, backups_dir

    source = backups_dir(data_dir()) / IDENTITY_FOLDER
    names = sorted(
        item.name
        for item in (source.iterdir() if source.is_dir() else ())
        if item.is_file() and not item.is_symlink() and not item.name.startswith(".")
    )
    if not names:
        raise InputError.single(
            str(source),
            t(
                "no backup of a signing identity is here (a backup made after your "
                "first export holds one)"
            ),
        )
    _refuse_replace(options.replace)
    target = signing_dir(create=True)
    for name in names:
        data = read_private(source / name)
        if data is not None:
            write_private(target / name, data)
    identity = load_identity()
    if identity is None:
        raise InputError.single(str(source), t("the backup holds no usable key and certificate"))
    print(t("restored your signing identity from the library's backups"))
    _print_identity(identity)
    return EXIT_OK


def _refuse_replace(replace: bool) -> None:
    from workerimpact.signing.identity import load_identity
    from workerimpact.signing.private import signing_dir

    if not replace and load_identity() is not None:
        raise InputError.single(
            str(signing_dir()),
            t(
                "you already have a signing identity; statements signed with it would no "
                "longer be yours. Add --replace to replace it (export it first to keep a copy)"
            ),
        )


def identity_create(options: argparse.Namespace) -> int:
    """Create a new key and certificate."""
    from workerimpact.signing.identity import new_identity, save_identity

    _refuse_replace(options.replace)
    identity = new_identity(options.name, options.organization, options.role)
    save_identity(identity)
    _print_identity(identity)
    return EXIT_OK


def _password(prompt: str) -> str:
    value = os.environ.get("WORKERIMPACT_IDENTITY_PASSWORD")
    if value is not None:
        return value
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    return getpass.getpass(prompt)


def identity_import(options: argparse.Namespace) -> int:
    """Import a PKCS#12 file."""
    from workerimpact.signing.identity import import_identity

    _refuse_replace(options.replace)
    identity = import_identity(Path(options.file), _password(t("password of the .p12 file: ")))
    _print_identity(identity)
    return EXIT_OK


def identity_export(options: argparse.Namespace) -> int:
    """Export the identity as PKCS#12."""
    from workerimpact.signing.identity import export_identity, load_identity

    identity = load_identity()
    if identity is None:
        raise InputError.single(options.output, t("you have no signing identity to export yet"))
    output = Path(options.output)
    refuse_existing(output, options.force)
    export_identity(identity, output, _password(t("password to protect the file: ")))
    print(t("wrote {path}: your key and certificate, protected by the password", path=output))
    return EXIT_OK


def trust_add(options: argparse.Namespace) -> int:
    """Trust the signer of a statement or a certificate file, after checking the fingerprint."""
    from workerimpact.signing.identity import (
        certificate_fingerprint,
        normalize_fingerprint,
        readable_fingerprint,
    )
    from workerimpact.signing.trust import certificates_in, trust

    wanted = normalize_fingerprint(options.fingerprint)
    if not wanted:
        raise InputError.single(
            options.source, t("the fingerprint must be at least 32 hexadecimal digits")
        )
    candidates = certificates_in(Path(options.source))
    for certificate in candidates:
        if certificate_fingerprint(certificate).startswith(wanted):
            entry = trust(certificate)
            who = ", ".join(part for part in (entry.name, entry.organization) if part)
            fingerprint = readable_fingerprint(entry.fingerprint)
            print(printable(t("trusted: {who} — {fingerprint}", who=who, fingerprint=fingerprint)))
            return EXIT_OK
    shown = "; ".join(readable_fingerprint(certificate_fingerprint(c)) for c in candidates)
    raise InputError.single(
        options.source,
        t(
            "no certificate here has the fingerprint you gave (found: {found}); "
            "check it again with its holder",
            found=shown or t("none"),
        ),
    )


def trust_list(options: argparse.Namespace) -> int:
    """List the trusted certificates."""
    from workerimpact.report.text import clip
    from workerimpact.signing.identity import readable_fingerprint
    from workerimpact.signing.trust import trusted_certificates

    entries = trusted_certificates()
    if not entries:
        print(t("you trust no certificates yet (add one with `workerimpact trust add`)"))
    for entry in entries:
        who = clip(", ".join(part for part in (entry.name, entry.organization) if part), 120)
        since = t("(since {date})", date=entry.added)
        print(printable(f"{readable_fingerprint(entry.fingerprint)}  {who}  {since}"))
    return EXIT_OK


def trust_remove(options: argparse.Namespace) -> int:
    """Remove a trusted certificate."""
    from workerimpact.signing.trust import untrust

    removed = untrust(options.fingerprint)
    if removed is None:
        print(
            printable(
                t(
                    "no trusted certificate has the fingerprint {fingerprint}",
                    fingerprint=repr(options.fingerprint),
                )
            ),
            file=sys.stderr,
        )
        return EXIT_INPUT
    print(printable(t("no longer trusted: {name}", name=removed.name)))
    return EXIT_OK


def countersign_command(options: argparse.Namespace) -> int:
    """Countersign a statement."""
    from workerimpact.report import countersign_report

    output = Path(options.output)
    refuse_existing(output, options.force)
    outcome = countersign_report(Path(options.report), output)
    print(t("wrote {path}", path=output))
    for signer in outcome.signers:
        print(printable(f"  {signer.describe()}"))
    return EXIT_OK if outcome.ok else EXIT_INPUT
