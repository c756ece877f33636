"""The record of the consultation on the command line: meetings, and removing entries.

``review meeting`` / ``respond meeting`` record a meeting (date, who attended, what was
discussed) or change one (``--update``); ``review remove`` takes out an added concern, an
information request or a meeting; ``respond remove`` a measure or a meeting. Each action
is saved at once, like every other entry.
"""

from __future__ import annotations

import argparse
from typing import Any

from workerimpact.cli.common import EXIT_OK, open_library
from workerimpact.consultation.models import Meeting, build
from workerimpact.errors import InputError
from workerimpact.i18n import t
from workerimpact.storage.checked import shown


def _meeting_parser(actions: argparse._SubParsersAction, handler: Any) -> None:
    meeting = actions.add_parser(
        "meeting", help=t("record a consultation meeting, or change one (--update)")
    )
    meeting.add_argument("id", metavar="ID")
    meeting.add_argument(
        "--on", dest="held_on", metavar="YYYY-MM-DD", help=t("the day it was held")
    )
    meeting.add_argument("--attended", metavar="TEXT", help=t("who attended"))
    meeting.add_argument("--discussed", metavar="TEXT", help=t("what was discussed"))
    meeting.add_argument("--update", metavar="MEETING_ID", help=t("the meeting to change"))
    meeting.set_defaults(handler=handler)


def register_review(actions: argparse._SubParsersAction) -> None:
    """Add ``review meeting`` and ``review remove``."""
    _meeting_parser(actions, review_meeting_command)
    remove = actions.add_parser("remove", help=t("remove an added concern, a request or a meeting"))
    remove.add_argument("id", metavar="ID")
    which = remove.add_mutually_exclusive_group(required=True)
    which.add_argument("--concern", metavar="CONCERN_ID")
    which.add_argument("--request", metavar="REQUEST_ID")
    which.add_argument("--meeting", metavar="MEETING_ID")
    remove.set_defaults(handler=review_remove_command)


def register_respond(actions: argparse._SubParsersAction) -> None:
    """Add ``respond meeting`` and ``respond remove``."""
    _meeting_parser(actions, respond_meeting_command)
    remove = actions.add_parser("remove", help=t("remove a measure or a meeting"))
    remove.add_argument("id", metavar="ID")
    which = remove.add_mutually_exclusive_group(required=True)
    which.add_argument("--measure", metavar="MEASURE_ID")
    which.add_argument("--meeting", metavar="MEETING_ID")
    remove.set_defaults(handler=respond_remove_command)


def _meeting(meetings: list[Meeting], options: argparse.Namespace) -> Meeting:
    """Add or change a meeting in ``meetings`` from the options; the meeting saved."""
    given = {
        "held_on": options.held_on,
        "attendees": options.attended,
        "discussed": options.discussed,
    }
    given = {name: value for name, value in given.items() if value is not None}
    if options.update:
        found = _find(meetings, options.update, "meeting")
        fields = found.model_dump()
        fields.update(given)
        meeting = build(Meeting, **fields)
        meetings[meetings.index(found)] = meeting
        return meeting
    if "held_on" not in given:
        raise InputError.single("", t("say on which day the meeting was held (--on YYYY-MM-DD)"))
    meeting = build(Meeting, **given)
    meetings.append(meeting)
    meetings.sort(key=lambda item: item.held_on)
    return meeting


def _find(items: list[Any], item_id: str, what: str) -> Any:
    found = next((item for item in items if item.id == item_id), None)
    if found is None:
        known = ", ".join(item.id for item in items[:10]) or t("none yet")
        raise InputError.single(
            "",
            t(
                "there is no {what} {item_id} (the {what}s are: {known})",
                what=t(what),
                item_id=shown(item_id, 40),
                known=known,
            ),
        )
    return found


def review_meeting_command(options: argparse.Namespace) -> int:
    """Record a meeting in the representatives' review."""
    from workerimpact.cli.review import _own

    with open_library() as library:
        review = _own(library, options.id)
        meeting = _meeting(review.meetings, options)
        library.save_review(review)
    print(t("saved meeting {id} of {value}", id=meeting.id, value=meeting.held_on.isoformat()))
    return EXIT_OK


def respond_meeting_command(options: argparse.Namespace) -> int:
    """Record a meeting in the employer's response."""
    from workerimpact.cli.plan import _response

    with open_library() as library:
        response = _response(library, options.id)
        meeting = _meeting(response.meetings, options)
        library.save_response(response)
    print(t("saved meeting {id} of {value}", id=meeting.id, value=meeting.held_on.isoformat()))
    return EXIT_OK


def review_remove_command(options: argparse.Namespace) -> int:
    """Remove an added concern, an information request or a meeting from the review."""
    from workerimpact.cli.review import _own

    with open_library() as library:
        review = _own(library, options.id)
        if options.concern:
            items, item_id, what = review.concerns, options.concern, "concern"
        elif options.request:
            items, item_id, what = review.information, options.request, "request"
        else:
            items, item_id, what = review.meetings, options.meeting, "meeting"
        items.remove(_find(items, item_id, what))
        library.save_review(review)
    print(t("removed {what} {item_id}", what=t(what), item_id=item_id))
    return EXIT_OK


def respond_remove_command(options: argparse.Namespace) -> int:
    """Remove a measure or a meeting from the employer's response."""
    from workerimpact.cli.plan import _response

    with open_library() as library:
        response = _response(library, options.id)
        if options.meeting:
            response.meetings.remove(_find(response.meetings, options.meeting, "meeting"))
            what, item_id = "meeting", options.meeting
        else:
            measures = [measure for _, measure in response.measures()]
            found = _find(measures, options.measure, "measure")
            for item in response.items.values():
                if found in item.measures:
                    item.measures.remove(found)
            what, item_id = "measure", options.measure
        library.save_response(response)
    print(t("removed {what} {item_id}", what=t(what), item_id=item_id))
    return EXIT_OK
