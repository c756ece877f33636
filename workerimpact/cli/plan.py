"""``workerimpact respond`` and ``workerimpact plan``: the employer's answer and action plan.

``respond item`` answers a finding or an added concern, ``respond measure`` adds or changes
a measure (owner, due date, status, expected level), ``respond decision`` records the
decision and the next review date. ``plan`` prints the action plan and writes it as CSV or
an iCalendar file of due dates. Each change is saved at once.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from workerimpact.cli.common import EXIT_OK, open_library, print_json, refuse_existing, said
from workerimpact.cli.review import date_argument
from workerimpact.consultation.carried import earlier_items
from workerimpact.consultation.exports import (
    assessment_name,
    due_dates,
    findings_csv,
    ics_bytes,
    item_titles,
    plan_csv,
)
from workerimpact.consultation.models import (
    CONCERN_PREFIX,
    DECISIONS,
    FINDING_PREFIX,
    MEASURE_STATUSES,
    SEVERITIES,
    ItemResponse,
    Measure,
    Response,
    build,
    finding_key,
    new_response,
)
from workerimpact.errors import InputError
from workerimpact.files import atomic_write
from workerimpact.i18n import t
from workerimpact.scoring import score_assessment
from workerimpact.storage.checked import shown


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``workerimpact respond`` and ``workerimpact plan``."""
    respond = subparsers.add_parser(
        "respond",
        help=t("(employer) answer the review: responses, measures, decision"),
        description=t(
            "The employer's response to the workers' representatives' review, saved "
            "at each step. ITEM is a finding's id, or concern:ID for a concern they added."
        ),
    )
    actions = respond.add_subparsers(dest="action", metavar="ACTION", required=True)

    item = actions.add_parser("item", help=t("your response to one finding or added concern"))
    item.add_argument("id", metavar="ID")
    item.add_argument("item", metavar="ITEM")
    item.add_argument("response", metavar="TEXT")
    item.set_defaults(handler=item_command)

    measure = actions.add_parser("measure", help=t("add a measure, or change one (--update)"))
    measure.add_argument("id", metavar="ID")
    measure.add_argument("item", metavar="ITEM")
    measure.add_argument("--update", metavar="MEASURE_ID", help=t("the measure to change"))
    measure.add_argument("--description", metavar="TEXT")
    measure.add_argument("--owner", metavar="NAME")
    measure.add_argument("--due", type=date_argument, metavar="YYYY-MM-DD")
    measure.add_argument("--status", choices=MEASURE_STATUSES)
    measure.add_argument("--reason", metavar="TEXT", help=t("why it was dropped"))
    measure.add_argument("--expected-level", choices=SEVERITIES)
    measure.set_defaults(handler=measure_command)

    decision = actions.add_parser("decision", help=t("the decision and the next review date"))
    decision.add_argument("id", metavar="ID")
    decision.add_argument("--decision", required=True, choices=DECISIONS)
    decision.add_argument("--note", default="", metavar="TEXT")
    decision.add_argument("--next-review", type=date_argument, metavar="YYYY-MM-DD")
    decision.set_defaults(handler=decision_command)

    from workerimpact.cli.consultation_record import register_respond

    register_respond(actions)
    from workerimpact.cli.consultation_history import register_respond as register_history

    register_history(actions)

    plan = subparsers.add_parser(
        "plan",
        help=t("the action plan: print it, or write CSV or a calendar of due dates"),
        description=t(
            "Print the action plan of ID. --csv writes the plan, --findings-csv the "
            "findings with both parties' positions, --ics (ID optional) a calendar of due dates."
        ),
    )
    plan.add_argument("id", metavar="ID", nargs="?")
    plan.add_argument("--json", action="store_true")
    plan.add_argument("--csv", metavar="FILE")
    plan.add_argument("--findings-csv", metavar="FILE")
    plan.add_argument("--ics", metavar="FILE")
    plan.add_argument("--force", action="store_true", help=t("overwrite files that exist"))
    plan.set_defaults(handler=plan_command)


def _response(library: object, assessment_id: str) -> Response:
    found = library.response(assessment_id)  # type: ignore[attr-defined]
    if found is not None:
        return found
    library.get(assessment_id)  # type: ignore[attr-defined]  # not found → clear message
    received = library.reviews(assessment_id, received=True)  # type: ignore[attr-defined]
    return new_response(received[0] if received else None, assessment_id)


def _item_key(library: object, assessment_id: str, text: str) -> str:
    if text.startswith(CONCERN_PREFIX):
        concern_id = text.removeprefix(CONCERN_PREFIX)
        reviews = library.reviews(assessment_id)  # type: ignore[attr-defined]
        response = library.response(assessment_id)  # type: ignore[attr-defined]
        carried = response is not None and text in response.items  # from an earlier revision
        if not carried and not any(review.concern(concern_id) for review in reviews):
            raise InputError.single(
                "",
                t(
                    "no review of this assessment adds concern {concern_id}",
                    concern_id=shown(concern_id, 40),
                ),
            )
        return text
    result = score_assessment(library.get(assessment_id))  # type: ignore[attr-defined]
    return FINDING_PREFIX + finding_key(result, text.removeprefix(FINDING_PREFIX))


def item_command(options: argparse.Namespace) -> int:
    """Record the response to one item."""
    with open_library() as library:
        response = _response(library, options.id)
        key = _item_key(library, options.id, options.item)
        current = response.items.get(key, ItemResponse())
        response.items[key] = build(
            ItemResponse, response=options.response, measures=current.measures
        )
        library.save_response(response)
    print(t("saved response to {key}", key=key))
    return EXIT_OK


def measure_command(options: argparse.Namespace) -> int:
    """Add or change a measure."""
    with open_library() as library:
        response = _response(library, options.id)
        key = _item_key(library, options.id, options.item)
        item = response.items.setdefault(key, ItemResponse())
        given = {
            "description": options.description,
            "owner": options.owner,
            "due": options.due,
            "status": options.status,
            "dropped_reason": options.reason,
            "expected_level": options.expected_level,
        }
        given = {name: value for name, value in given.items() if value is not None}
        if options.update:
            found = next((m for m in item.measures if m.id == options.update), None)
            if found is None:
                raise InputError.single(
                    "",
                    t("{key} has no measure {update}", key=key, update=shown(options.update, 40)),
                )
            fields = found.model_dump()
            fields.update(given)
            measure = build(Measure, **fields)
            item.measures[item.measures.index(found)] = measure
        else:
            if not given.get("description"):
                raise InputError.single("", t("say what the measure is (--description)"))
            measure = build(Measure, **given)
            item.measures.append(measure)
        library.save_response(response)
    print(t("saved measure {id}: {status}", id=measure.id, status=said(measure.status)))
    return EXIT_OK


def decision_command(options: argparse.Namespace) -> int:
    """Record the decision and the next review date."""
    with open_library() as library:
        response = _response(library, options.id)
        response.decision = options.decision
        response.decision_note = options.note
        response.next_review = options.next_review
        build(Response, **response.model_dump())  # checks the note's length
        library.save_response(response)
    print(t("saved decision: {decision}", decision=said(options.decision)))
    return EXIT_OK


def _write(path: str, data: bytes, force: bool) -> None:
    output = Path(path)
    refuse_existing(output, force)
    atomic_write(output, data)
    print(t("wrote {path}", path=output))


def plan_command(options: argparse.Namespace) -> int:
    """Print or write the action plan."""
    today = dt.date.today()
    with open_library(read_only=True) as library:
        if options.id is None:
            if not options.ics:
                raise InputError.single("", t("name an assessment (ID), or write --ics FILE"))
            responses = library.all_responses()
            names, titles = {}, {}
            for response in responses:
                try:
                    assessment = library.get(response.assessment_id)
                except Exception:  # noqa: BLE001 - a damaged or deleted one keeps its id as name
                    continue
                names[response.assessment_id] = assessment_name(assessment)
                received = library.reviews(response.assessment_id, received=True)
                review = received[0] if received else None
                titles[response.assessment_id] = item_titles(
                    score_assessment(assessment),
                    review,
                    response,
                    earlier_items(library, assessment, review, response),
                )
            _write(options.ics, ics_bytes(due_dates(responses, names, titles)), options.force)
            return EXIT_OK
        assessment = library.get(options.id)
        response = _response(library, options.id)
        reviews = library.reviews(options.id)
        review = reviews[0] if reviews else None
        earlier = earlier_items(library, assessment, review, response)
    result = score_assessment(assessment)
    titles = item_titles(result, review, response, earlier)
    if options.csv:
        _write(options.csv, plan_csv(response, titles, today), options.force)
    if options.findings_csv:
        _write(options.findings_csv, findings_csv(result, review, response, earlier), options.force)
    if options.ics:
        entries = due_dates(
            [response], {options.id: assessment_name(assessment)}, {options.id: titles}
        )
        _write(options.ics, ics_bytes(entries), options.force)
    if options.csv or options.findings_csv or options.ics:
        return EXIT_OK
    if options.json:
        print_json(response.model_dump(mode="json"))
        return EXIT_OK
    print(t("Action plan for {assessment}", assessment=shown(assessment_name(assessment), 120)))
    for key, measure in response.measures():
        flag = "  OVERDUE" if measure.overdue(today) else ""
        print(
            t(
                "  [{status}] {description} — {owner}, due {due}{flag}",
                status=said(measure.status),
                description=shown(measure.description, 120),
                owner=shown(measure.owner, 40) or t("no owner"),
                due=measure.due or t("no date"),
                flag=flag,
            )
        )
        print(
            t(
                "      for: {key}  (measure {id})",
                key=shown(titles.get(key, key), 120),
                id=measure.id,
            )
        )
    if not response.measures():
        print(t("  No measures yet."))
    print(t("Decision: {decision}", decision=said(response.decision) or t("not taken")))
    print(t("Next review: {date}", date=response.next_review or t("not set")))
    for meeting in response.meetings:
        print(
            t(
                "Meeting {value}: {attendees} — {discussed}  (meeting {id})",
                value=meeting.held_on.isoformat(),
                attendees=shown(meeting.attendees, 200),
                discussed=shown(meeting.discussed, 400),
                id=meeting.id,
            )
        )
    return EXIT_OK
