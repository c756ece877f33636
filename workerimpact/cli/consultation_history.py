"""``review history`` and ``respond history``: what changed in the review or the response.

Each save of a review or a response records one entry per changed field (see
``workerimpact.consultation.history``); these commands print them oldest first, one line
each: when, who, which entry in words, the field, the value before and after. They only
read, so they run while the window has the library open.
"""

from __future__ import annotations

import argparse

from workerimpact.cli.common import EXIT_OK, open_library, print_json, printable
from workerimpact.consultation.history import RESPONSE, REVIEW, ConsultationEntry, describe
from workerimpact.i18n import t


def _parser(actions: argparse._SubParsersAction, help_text: str, handler) -> None:
    history = actions.add_parser("history", help=help_text)
    history.add_argument("id", metavar="ID")
    history.add_argument("--json", action="store_true")
    history.set_defaults(handler=handler)


def register_review(actions: argparse._SubParsersAction) -> None:
    """Add ``review history``."""
    _parser(
        actions, t("every change made to the review of ID, oldest first"), review_history_command
    )


def register_respond(actions: argparse._SubParsersAction) -> None:
    """Add ``respond history``."""
    _parser(
        actions, t("every change made to the response of ID, oldest first"), respond_history_command
    )


def _json(entry: ConsultationEntry) -> dict:
    return {
        "at": entry.at.isoformat(),
        "who": entry.who,
        "record": entry.record,
        "record_id": entry.record_id,
        "item": entry.item,
        "entry": entry.entry,
        "field": entry.field,
        "old": entry.old,
        "new": entry.new,
    }


def _print(options: argparse.Namespace, record: str, empty: str) -> int:
    with open_library(read_only=True) as library:
        library.get(options.id)  # an unknown id gets the clear message and exit code
        entries = library.consultation_history(options.id, record)
        own = {review.id for review in library.reviews(options.id, received=False)}
    if options.json:
        print_json([_json(entry) for entry in entries])
        return EXIT_OK
    if not entries:
        print(empty)
        return EXIT_OK
    shown_record = None
    several = len({entry.record_id for entry in entries}) > 1
    for entry in entries:
        if several and entry.record_id != shown_record:
            whose = t("yours") if entry.record_id in own else t("received")
            print(t("Review {id} ({whose}):", id=printable(entry.record_id), whose=whose))
            shown_record = entry.record_id
        print(printable(describe(entry)))
    return EXIT_OK


def review_history_command(options: argparse.Namespace) -> int:
    """Print every recorded change to the review(s) of an assessment."""
    return _print(options, REVIEW, t("No change to a review of this assessment is recorded yet."))


def respond_history_command(options: argparse.Namespace) -> int:
    """Print every recorded change to the employer's response of an assessment."""
    return _print(options, RESPONSE, t("No change to the response is recorded yet."))
