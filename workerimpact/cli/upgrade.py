"""``workerimpact upgrade``: move an assessment to the newer built-in questionnaires.

A library id makes a new revision in the library (the old one stays as it is); a file or
report PDF is written as a new assessment file with ``-o``. The command prints what moved,
how many answers were carried over and every question that needs a new answer.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from workerimpact.assessment import save_assessment
from workerimpact.cli.common import (
    EXIT_OK,
    load_assessment_argument,
    print_json,
    refuse_existing,
)
from workerimpact.errors import InputError
from workerimpact.i18n import t
from workerimpact.upgrade import Upgrade, summary_lines, upgrade_assessment


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``workerimpact upgrade``."""
    upgrade = subparsers.add_parser(
        "upgrade",
        help=t("move an assessment to the newer built-in questionnaires, carrying answers over"),
        description=t(
            "Move an assessment started on an earlier version of the built-in "
            "questionnaires (e.g. 1.0.0) to the current one (2.0.0). Answers are carried over by "
            "the published mapping (docs/questionnaire-upgrades.md); the old assessment is not "
            "changed. A library id makes a new revision in the library; a file needs -o."
        ),
    )
    upgrade.add_argument("assessment", metavar="FILE_OR_ID")
    upgrade.add_argument("-o", "--output", metavar="FILE", help=t("file to write (for a file)"))
    upgrade.add_argument("--force", action="store_true", help=t("overwrite FILE if it exists"))
    upgrade.add_argument("--json", action="store_true", help=t("print the outcome as JSON"))
    upgrade.set_defaults(handler=upgrade_command)


def _plain(text: str) -> str:
    """Text from files, safe to print: control characters shown as U+FFFD."""
    return "".join(ch if ch.isprintable() or ch in "\n\t" else "\ufffd" for ch in text)


def upgrade_command(options: argparse.Namespace) -> int:
    """Move one assessment; write or store the new revision; say what needs answering."""
    path = Path(options.assessment)
    in_library = not path.exists()
    if not in_library and not options.output:
        raise InputError.single(
            options.assessment, t("give -o FILE: where to write the upgraded assessment")
        )
    assessment = load_assessment_argument(options.assessment)
    upgrade = upgrade_assessment(assessment)
    if in_library:
        from workerimpact.storage import Library

        with Library.open() as library:
            stored = library.import_assessment(upgrade.assessment)
        where = t("new revision {id} in the library", id=stored.id)
    else:
        output = Path(options.output)
        refuse_existing(output, options.force)
        save_assessment(upgrade.assessment, output)
        stored = upgrade.assessment
        where = t("wrote {path} (id {id})", path=output, id=stored.id)
    if options.json:
        print_json(_json(upgrade, stored.id))
        return EXIT_OK
    print(where)
    for line in summary_lines(upgrade, upgrade.assessment.questionnaires):
        print(_plain(line))
    return EXIT_OK


def _json(upgrade: Upgrade, assessment_id: str) -> dict:
    def item(need) -> dict:
        return {
            "questionnaire": need.questionnaire_id,
            "question": need.question_id,
            "text": need.question_text,
            "reason": need.reason,
            "earlier_answer": need.old_answer,
        }

    return {
        "id": assessment_id,
        "previous_revision": upgrade.assessment.metadata.previous_revision,
        "moved": [
            {"questionnaire": qid, "from": old, "to": new} for qid, old, new in upgrade.moved
        ],
        "carried": upgrade.carried,
        "needs_answer": [item(need) for need in upgrade.needs_answer],
        "new_questions": [item(need) for need in upgrade.new_questions],
    }
