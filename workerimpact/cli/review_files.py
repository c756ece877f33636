"""``workerimpact review export`` and ``import``, and ``export --joint``: the files the
parties exchange.

``export`` writes the review file (a PDF with the review attached, signed) and ``import``,
on the employer's side, attaches a received review file to the assessment it reviews (while
the window has the library open, the window is handed the file and attaches it there).
``export --joint`` writes the joint statement of both records.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from workerimpact.cli.common import (
    EXIT_OK,
    open_library,
    printable,
    refuse_existing,
    statement_language,
)
from workerimpact.i18n import t
from workerimpact.storage.errors import LibraryLocked


def export_command(options: argparse.Namespace) -> int:
    """Write the review file."""
    from workerimpact.consultation.exchange import export_review

    output = Path(options.output)
    refuse_existing(output, options.force)
    with open_library(read_only=True) as library:
        from workerimpact.cli.review import _own

        review = _own(library, options.id)
        assessment = library.get(options.id)
    info = export_review(review, assessment, output, language=statement_language(options))
    print(
        t(
            "wrote {path}: {pages} page(s), review fingerprint {fingerprint}",
            path=info.path,
            pages=info.pages,
            fingerprint=info.fingerprint,
        )
    )
    _print_signed(info)
    return EXIT_OK


def _print_signed(info) -> None:
    from workerimpact.report.text import clip
    from workerimpact.signing.identity import readable_fingerprint

    if info.identity_created:
        print(
            printable(
                t("created your signing identity: {signed_by}", signed_by=clip(info.signed_by, 200))
            )
        )
    print(
        printable(
            t(
                "signed by {signed_by}, fingerprint {signer_fingerprint}",
                signed_by=clip(info.signed_by, 200),
                signer_fingerprint=readable_fingerprint(info.signer_fingerprint),
            )
        )
    )


def import_command(options: argparse.Namespace) -> int:
    """Attach a received review file to its assessment."""
    from workerimpact.consultation.exchange import received_review
    from workerimpact.consultation.history import signed_by

    review, outcome = received_review(Path(options.file))
    for signer in outcome.signers:
        print(printable(f"{options.file}: {signer.describe()}"))
    try:
        library = open_library()
    except LibraryLocked:
        from workerimpact.handover import hand_over

        # The window has the library: it takes the file, checks it again and attaches it.
        if not hand_over(str(Path(options.file).resolve())):
            raise
        print(
            printable(
                t(
                    "the WorkerImpact window has the library open, so it received "
                    "{name}: it checks the file again, attaches the review "
                    "to its assessment there and shows you the result",
                    name=Path(options.file).name,
                )
            )
        )
        return EXIT_OK
    with library:
        attached = library.attach_review(review, by=signed_by(outcome.signers))
    done = (
        t("replaced the earlier copy of review {id} in assessment {assessment_id}")
        if attached.replaced
        else t("attached review {id} to assessment {assessment_id}")
    )
    print(done.format(id=review.id, assessment_id=attached.assessment_id))
    for note in attached.notes:
        print(t("note: {notice}", notice=note))
    return EXIT_OK


def export_joint_command(assessment_id: str, output: Path, language: str = "en") -> int:
    """``export --joint``: write the joint statement of an assessment in the library."""
    from workerimpact.consultation.exchange import joint_records

    with open_library(read_only=True) as library:
        records = joint_records(library, assessment_id, language)
    info = records.export(output, language=language)
    print(t("wrote {path}: joint statement, {pages} page(s)", path=info.path, pages=info.pages))
    _print_signed(info)
    print(t("the other party adds their signature with `workerimpact countersign`"))
    return EXIT_OK
