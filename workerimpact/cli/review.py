"""``workerimpact review``: the workers' representatives' review of a statement.

Each action saves at once (like an answer): ``start`` makes the review of an assessment in
the library (import the statement PDF first with ``library import``), ``finding``,
``section``, ``concern``, ``opinion`` and ``request`` fill it in, ``show`` prints it.
The files exchanged, ``export`` and ``import`` (and ``export --joint``), are in
``workerimpact.cli.review_files``.
"""

from __future__ import annotations

import argparse
import datetime as dt

from workerimpact.cli import review_files
from workerimpact.cli.common import (
    EXIT_OK,
    add_language_option,
    open_library,
    print_json,
    said,
)
from workerimpact.consultation.models import (
    OPINIONS,
    POSITIONS,
    REQUEST_STATUSES,
    SECTION_VERDICTS,
    SEVERITIES,
    Concern,
    FindingPosition,
    InformationRequest,
    Opinion,
    Review,
    SectionPosition,
    build,
    finding_key,
)
from workerimpact.errors import InputError
from workerimpact.i18n import t
from workerimpact.scoring import score_assessment
from workerimpact.storage.checked import shown


def date_argument(text: str) -> dt.date:
    """An argparse type: a YYYY-MM-DD date."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            t("{text!r} is not a date; write it as YYYY-MM-DD", text=text)
        ) from None


def position_argument(text: str) -> str:
    """An argparse type: a position on a finding; ``partly_agree`` is ``partly``."""
    value = text.strip().lower().replace("-", "_")
    value = {"partly_agree": "partly"}.get(value, value)
    if value not in POSITIONS:
        raise argparse.ArgumentTypeError(
            f"{shown(text, 40)!r} is not a position; write agree, partly (or partly_agree) "
            "or disagree"
        )
    return value


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``workerimpact review`` and its actions."""
    review = subparsers.add_parser(
        "review",
        help=t("review a statement as workers' representatives (saved at each step)"),
        description=t(
            "The workers' representatives' review of a statement in the library: a "
            "position on each finding and section, concerns it missed, information asked for "
            "and an overall opinion. Each action is saved at once."
        ),
    )
    actions = review.add_subparsers(dest="action", metavar="ACTION", required=True)

    start = actions.add_parser(
        "start",
        help=t("start (or show the id of) the review of ID; --reviewers names who reviews"),
        description=t(
            "Start the review of ID, or show the one already started. --reviewers "
            "records who reviews (printed on the review file and the joint statement); given "
            "again, it replaces the names recorded."
        ),
    )
    start.add_argument("id", metavar="ID")
    start.add_argument(
        "--reviewers",
        default=None,
        metavar="TEXT",
        help=t('who reviews, e.g. "Works council: Sam Okafor, Lee Chan"'),
    )
    start.set_defaults(handler=start_command)

    finding = actions.add_parser("finding", help=t("your position on one finding"))
    finding.add_argument("id", metavar="ID")
    finding.add_argument("finding", metavar="FINDING", help=t("the finding's id (see `score`)"))
    finding.add_argument(
        "--position",
        required=True,
        type=position_argument,
        metavar="POSITION",
        help=t("agree, partly (or partly_agree) or disagree"),
    )
    finding.add_argument("--comment", default="", metavar="TEXT")
    finding.add_argument("--measure", default="", metavar="TEXT", help=t("the measure you propose"))
    finding.set_defaults(handler=finding_command)

    section = actions.add_parser("section", help=t("acceptable or to be improved, for a section"))
    section.add_argument("id", metavar="ID")
    section.add_argument("section", metavar="SECTION", help=t("questionnaire_id/section_id"))
    section.add_argument("--verdict", required=True, choices=SECTION_VERDICTS)
    section.add_argument("--comment", default="", metavar="TEXT")
    section.set_defaults(handler=section_command)

    concern = actions.add_parser("concern", help=t("add a concern the assessment missed"))
    concern.add_argument("id", metavar="ID")
    concern.add_argument("title", metavar="TITLE")
    concern.add_argument("--description", default="", metavar="TEXT")
    concern.add_argument("--severity", default="moderate", choices=SEVERITIES)
    concern.add_argument(
        "--question",
        action="append",
        default=[],
        metavar="Q",
        help=t("questionnaire_id/question_id"),
    )
    concern.add_argument("--update", metavar="CONCERN_ID", help=t("change this concern instead"))
    concern.set_defaults(handler=concern_command)

    opinion = actions.add_parser("opinion", help=t("your overall opinion and its dates"))
    opinion.add_argument("id", metavar="ID")
    opinion.add_argument("--verdict", required=True, choices=OPINIONS)
    opinion.add_argument("--conditions", default="", metavar="TEXT")
    opinion.add_argument("--asked-on", type=date_argument, metavar="YYYY-MM-DD")
    opinion.add_argument("--given-on", type=date_argument, metavar="YYYY-MM-DD")
    opinion.set_defaults(handler=opinion_command)

    request = actions.add_parser("request", help=t("information asked of the employer"))
    request.add_argument("id", metavar="ID")
    request.add_argument("text", metavar="TEXT", nargs="?", default=None)
    request.add_argument("--update", metavar="REQUEST_ID", help=t("change an earlier request"))
    request.add_argument("--status", default="requested", choices=REQUEST_STATUSES)
    request.add_argument("--asked-on", type=date_argument, metavar="YYYY-MM-DD")
    request.add_argument("--answered-on", type=date_argument, metavar="YYYY-MM-DD")
    request.set_defaults(handler=request_command)

    show = actions.add_parser("show", help=t("print the review of ID"))
    show.add_argument("id", metavar="ID")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=show_command)

    export = actions.add_parser("export", help=t("write the review file (PDF, review attached)"))
    export.add_argument("id", metavar="ID")
    export.add_argument("-o", "--output", required=True, metavar="REVIEW.pdf")
    export.add_argument("--force", action="store_true", help=t("overwrite the file if it exists"))
    add_language_option(export, statement=True)
    export.set_defaults(handler=review_files.export_command)

    receive = actions.add_parser(
        "import", help=t("(employer) attach a received review file to its assessment")
    )
    receive.add_argument("file", metavar="REVIEW.pdf")
    receive.set_defaults(handler=review_files.import_command)

    from workerimpact.cli.consultation_record import register_review

    register_review(actions)
    from workerimpact.cli.consultation_history import register_review as register_history

    register_history(actions)


def _own(library: object, assessment_id: str) -> Review:
    review = library.own_review(assessment_id)  # type: ignore[attr-defined]
    if review is None:
        library.get(assessment_id)  # type: ignore[attr-defined]  # not found → clear message
        raise InputError.single(
            "",
            t(
                "there is no review of {assessment_id} yet; start it with `review start`",
                assessment_id=assessment_id,
            ),
        )
    return review


def start_command(options: argparse.Namespace) -> int:
    """Start the review (or find the one already started)."""
    with open_library() as library:
        review = library.start_review(options.id, reviewers=options.reviewers or "")
        if options.reviewers is not None and review.reviewers != options.reviewers:
            review.reviewers = build(
                Review, **{**review.model_dump(), "reviewers": options.reviewers}
            ).reviewers
            library.save_review(review)
    print(
        t(
            "review {id} of revision {revision}, fingerprint {fingerprint}",
            id=review.id,
            revision=review.revision,
            fingerprint=review.fingerprint,
        )
    )
    print(t("reviewers: {names}", names=shown(review.reviewers, 200) or t("not named")))
    return EXIT_OK


def finding_command(options: argparse.Namespace) -> int:
    """Record the position on one finding."""
    with open_library() as library:
        review = _own(library, options.id)
        key = finding_key(score_assessment(library.get(options.id)), options.finding)
        review.findings[key] = build(
            FindingPosition,
            position=options.position,
            comment=options.comment,
            proposed_measure=options.measure,
        )
        library.save_review(review)
    print(t("saved: {position} — {key}", position=said(options.position), key=key))
    return EXIT_OK


def section_command(options: argparse.Namespace) -> int:
    """Record the verdict on one section."""
    with open_library() as library:
        review = _own(library, options.id)
        assessment = library.get(options.id)
        known = [
            f"{q.id}/{section.id}" for q in assessment.questionnaires for section in q.sections
        ]
        if options.section not in known:
            raise InputError.single(
                "",
                t(
                    '"{section}" is not a section; use one of: {known}',
                    section=shown(options.section, 80),
                    known=", ".join(known),
                ),
            )
        review.sections[options.section] = build(
            SectionPosition, verdict=options.verdict, comment=options.comment
        )
        library.save_review(review)
    print(t("saved: {position} — {key}", position=said(options.verdict), key=options.section))
    return EXIT_OK


def concern_command(options: argparse.Namespace) -> int:
    """Add a concern the assessment missed."""
    with open_library() as library:
        review = _own(library, options.id)
        assessment = library.get(options.id)
        known = {
            f"{q.id}/{question.id}" for q in assessment.questionnaires for question in q.questions()
        }
        unknown = [q for q in options.question if q not in known]
        if unknown:
            raise InputError.single(
                "",
                t(
                    "not a question of this assessment: {value}",
                    value=", ".join(shown(q, 80) for q in unknown),
                ),
            )
        fields = {
            "title": options.title,
            "description": options.description,
            "severity": options.severity,
            "questions": options.question,
        }
        if options.update:
            found = review.concern(options.update)
            if found is None:
                raise InputError.single(
                    "", t("there is no concern {update}", update=shown(options.update, 40))
                )
            concern = build(Concern, id=found.id, **fields)
            review.concerns[review.concerns.index(found)] = concern
        else:
            concern = build(Concern, **fields)
            review.concerns.append(concern)
        library.save_review(review)
    print(t("saved concern {id}", id=concern.id))
    return EXIT_OK


def opinion_command(options: argparse.Namespace) -> int:
    """Record the overall opinion."""
    with open_library() as library:
        review = _own(library, options.id)
        review.opinion = build(
            Opinion,
            verdict=options.verdict,
            conditions=options.conditions,
            asked_on=options.asked_on,
            given_on=options.given_on,
        )
        library.save_review(review)
    print(t("saved: opinion {verdict}", verdict=said(options.verdict)))
    return EXIT_OK


def request_command(options: argparse.Namespace) -> int:
    """Record information asked for, or change where a request stands."""
    with open_library() as library:
        review = _own(library, options.id)
        if options.update:
            found = next((r for r in review.information if r.id == options.update), None)
            if found is None:
                raise InputError.single(
                    "", t("there is no request {update}", update=shown(options.update, 40))
                )
            fields = found.model_dump()
            fields.update(status=options.status)
            if options.text:
                fields["request"] = options.text
            if options.asked_on:
                fields["asked_on"] = options.asked_on
            if options.answered_on:
                fields["answered_on"] = options.answered_on
            index = review.information.index(found)
            review.information[index] = request = build(InformationRequest, **fields)
        else:
            if not options.text:
                raise InputError.single("", t("say what information is asked for (TEXT)"))
            request = build(
                InformationRequest,
                request=options.text,
                status=options.status,
                asked_on=options.asked_on or dt.date.today(),
                answered_on=options.answered_on,
            )
            review.information.append(request)
        library.save_review(review)
    print(t("saved request {id}: {status}", id=request.id, status=said(request.status)))
    return EXIT_OK


def show_command(options: argparse.Namespace) -> int:
    """Print the review."""
    with open_library(read_only=True) as library:
        review = _own(library, options.id)
    if options.json:
        print_json(review.model_dump(mode="json"))
        return EXIT_OK
    print(
        t(
            "Review {id} of revision {revision} ({system})",
            id=review.id,
            revision=review.revision,
            system=shown(review.system, 80),
        )
    )
    print(t("Reviewers: {names}", names=shown(review.reviewers, 200) or t("not named")))
    for key, position in review.findings.items():
        print(f"  {key}: {said(position.position) or t('no position')}")
        if position.comment:
            print(f"      {shown(position.comment, 2000)}")
    for key, section in review.sections.items():
        print(t("  section {key}: {verdict}", key=key, verdict=said(section.verdict)))
    for concern in review.concerns:
        print(
            t(
                "  added concern [{severity}] {title} ({id})",
                severity=concern.severity,
                title=shown(concern.title, 200),
                id=concern.id,
            )
        )
    for request in review.information:
        print(
            t(
                "  information requested: {request} — {status} ({id})",
                request=shown(request.request, 200),
                status=said(request.status),
                id=request.id,
            )
        )
    for meeting in review.meetings:
        print(
            t(
                "  meeting {value}: {attendees} — {discussed} ({id})",
                value=meeting.held_on.isoformat(),
                attendees=shown(meeting.attendees, 200),
                discussed=shown(meeting.discussed, 400),
                id=meeting.id,
            )
        )
    print(t("Opinion: {verdict}", verdict=said(review.opinion.verdict) or t("not given yet")))
    return EXIT_OK
