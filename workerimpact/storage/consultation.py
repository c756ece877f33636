"""The library's share of the consultation: reviews and responses, saved on every entry.

``ConsultationStore`` is mixed into ``Library``: each call is one transaction on disk when
it returns, like an answer. A review is stored whole (it is small) each time a field
changes; the window calls ``save_review`` on every entry. The same transaction compares
the stored state with the new one and writes a history entry per changed field
(``workerimpact.storage.consultation_history``), as ``set_answer`` does for answers. A
review received from the representatives is attached to the assessment it was made on, and
``attach_review`` says when that is not the newest revision or when the assessment changed
since the statement.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from workerimpact.assessment import fingerprint as assessment_fingerprint
from workerimpact.consultation.history import (
    RESPONSE,
    REVIEW,
    ConsultationEntry,
    response_changes,
    review_changes,
)
from workerimpact.consultation.models import (
    Response,
    Review,
    record_bytes,
    response_from_bytes,
    review_from_bytes,
)
from workerimpact.errors import InputError
from workerimpact.i18n import t
from workerimpact.storage import consultation_history as history
from workerimpact.storage.checked import UNREADABLE
from workerimpact.storage.errors import AssessmentNotFound

if TYPE_CHECKING:
    from workerimpact.assessment import Assessment
    from workerimpact.storage.checked import QuestionnaireCache


@dataclass(slots=True)
class Attachment:
    """Where a received review was attached, and what the employer should know about it."""

    review: Review
    assessment_id: str
    notes: list[str] = field(default_factory=list)
    replaced: bool = False


@dataclass(frozen=True, slots=True)
class Flags:
    """What needs attention in one assessment's action plan today."""

    overdue_measures: int
    review_due: bool
    next_review: dt.date | None

    def to_json_data(self) -> dict[str, Any]:
        """The flags as ``library list --json`` shows them."""
        return {
            "overdue_measures": self.overdue_measures,
            "review_due": self.review_due,
            "next_review": self.next_review.isoformat() if self.next_review else None,
        }


class ConsultationStore:
    """Reviews and responses in the library (mixed into ``Library``)."""

    if TYPE_CHECKING:

        def _reading(self) -> AbstractContextManager[sqlite3.Connection]: ...
        def _writing(self) -> AbstractContextManager[sqlite3.Connection]: ...
        def get(self, assessment_id: str) -> Assessment: ...

        _questionnaires: QuestionnaireCache

    def start_review(self, assessment_id: str, *, reviewers: str = "") -> Review:
        """The review of an assessment in the library, made (empty) and saved if new."""
        from workerimpact.consultation.models import new_review

        existing = self.own_review(assessment_id)
        if existing is not None:
            return existing
        assessment = self.get(assessment_id)
        review = new_review(assessment, assessment_fingerprint(assessment), reviewers=reviewers)
        self.save_review(review)
        return review

    def save_review(self, review: Review, *, received: bool = False, by: str = "") -> dt.datetime:
        """Store a review whole (replacing the earlier state); return its updated time.

        The same transaction writes a history entry per changed field (``history``), made
        ``by`` the person named (the window passes the name in its Settings), else by the
        review's reviewers.
        """
        review.updated = dt.datetime.now(dt.UTC).replace(microsecond=0)
        content = record_bytes(Review.model_validate(review.model_dump())).decode("utf-8")
        with self._writing() as conn:
            row = conn.execute("SELECT content FROM reviews WHERE id = ?", [review.id]).fetchone()
            before = _stored(row, review_from_bytes)
            changes = review_changes(
                before, review, history.names(conn, review.assessment_id, self._questionnaires)
            )
            history.record_changes(
                conn,
                assessment_id=review.assessment_id,
                record=REVIEW,
                record_id=review.id,
                who=by or review.reviewers,
                changes=changes,
                at=review.updated,
            )
            conn.execute(
                "INSERT OR REPLACE INTO reviews (id, assessment_id, fingerprint, revision, "
                "received, updated, content) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    review.id,
                    review.assessment_id,
                    review.fingerprint,
                    review.revision,
                    int(received),
                    review.updated.isoformat(),
                    content,
                ],
            )
        return review.updated

    def reviews(self, assessment_id: str, *, received: bool | None = None) -> list[Review]:
        """The reviews of an assessment, newest first (only received/own ones if asked)."""
        clause = "" if received is None else f" AND received = {int(received)}"
        with self._reading() as conn:
            found = conn.execute(
                f"SELECT id, content FROM reviews WHERE assessment_id = ?{clause} "
                "ORDER BY updated DESC, rowid DESC",
                [assessment_id],
            ).fetchall()
        return [_review(row_id, content) for row_id, content in found]

    def own_review(self, assessment_id: str) -> Review | None:
        """The review this library's users are writing of an assessment, if any."""
        found = self.reviews(assessment_id, received=False)
        return found[0] if found else None

    def review(self, review_id: str) -> Review:
        """One stored review by its id."""
        with self._reading() as conn:
            row = conn.execute(
                "SELECT id, content FROM reviews WHERE id = ?", [review_id]
            ).fetchone()
        if row is None:
            raise InputError.single(
                "", t("there is no review {review_id!r} in the library", review_id=review_id)
            )
        return _review(*row)

    def attach_review(self, review: Review, *, by: str = "") -> Attachment:
        """Keep a review received from the representatives with the assessment it reviews.

        Raises ``InputError`` when the library does not hold that assessment. The returned
        notes say when it reviews an older revision or a statement the assessment no
        longer matches. ``by`` (who signed the review file) is who its history entries name.
        """
        try:
            assessment = self.get(review.assessment_id)
        except AssessmentNotFound:
            raise InputError.single(
                "",
                t(
                    "this review is of an assessment this library does not hold "
                    "(revision {revision} of {system}, id {assessment_id}); "
                    "import that statement first",
                    revision=review.revision,
                    system=review.system or t("an unnamed system"),
                    assessment_id=review.assessment_id,
                ),
            ) from None
        attachment = Attachment(review, assessment.id)
        if assessment_fingerprint(assessment) != review.fingerprint:
            attachment.notes.append(
                t(
                    "The assessment has changed since the statement the "
                    "representatives reviewed (fingerprint {fingerprint}); their "
                    "review is of that statement.",
                    fingerprint=review.fingerprint[:12],
                )
            )
        newer = self._newer_revisions(assessment.id)
        if newer:
            attachment.notes.append(
                t(
                    "This review is of revision {revision}, an older revision: "
                    "the library has revision {newer} (id {newer_id}). Answer it "
                    "there or ask the representatives to review the newer "
                    "statement.",
                    revision=review.revision,
                    newer=newer[-1][1],
                    newer_id=newer[-1][0],
                )
            )
        with self._reading() as conn:
            attachment.replaced = bool(
                conn.execute("SELECT 1 FROM reviews WHERE id = ?", [review.id]).fetchone()
            )
        self.save_review(review, received=True, by=by)
        return attachment

    def _newer_revisions(self, assessment_id: str) -> list[tuple[str, int]]:
        chain: list[tuple[str, int]] = []
        current = assessment_id
        with self._reading() as conn:
            for _ in range(1000):
                row = conn.execute(
                    "SELECT id, revision FROM assessments WHERE previous_revision = ? "
                    "AND deleted IS NULL ORDER BY revision DESC LIMIT 1",
                    [current],
                ).fetchone()
                if row is None:
                    break
                chain.append((row[0], row[1]))
                current = row[0]
        return chain

    def response(self, assessment_id: str) -> Response | None:
        """The employer's response for an assessment, if one was started."""
        with self._reading() as conn:
            row = conn.execute(
                "SELECT content FROM responses WHERE assessment_id = ?", [assessment_id]
            ).fetchone()
        if row is None:
            return None
        return response_from_bytes(row[0].encode("utf-8"), f"response of {assessment_id}")

    def save_response(self, response: Response, *, by: str = "") -> dt.datetime:
        """Store the employer's response whole; return its updated time.

        The same transaction writes a history entry per changed field (``history``), made
        ``by`` the person named, else by the response's responder.
        """
        response.updated = dt.datetime.now(dt.UTC).replace(microsecond=0)
        content = record_bytes(Response.model_validate(response.model_dump())).decode("utf-8")
        with self._writing() as conn:
            if not conn.execute(
                "SELECT 1 FROM assessments WHERE id = ?", [response.assessment_id]
            ).fetchone():
                raise AssessmentNotFound(
                    t(
                        "There is no assessment {assessment_id} in the library.",
                        assessment_id=response.assessment_id,
                    )
                )
            row = conn.execute(
                "SELECT content FROM responses WHERE assessment_id = ?", [response.assessment_id]
            ).fetchone()
            before = _stored(row, response_from_bytes)
            changes = response_changes(
                before,
                response,
                history.names(conn, response.assessment_id, self._questionnaires),
            )
            history.record_changes(
                conn,
                assessment_id=response.assessment_id,
                record=RESPONSE,
                record_id=response.assessment_id,
                who=by or response.responder,
                changes=changes,
                at=response.updated,
            )
            conn.execute(
                "INSERT OR REPLACE INTO responses (assessment_id, review_id, updated, content) "
                "VALUES (?, ?, ?, ?)",
                [
                    response.assessment_id,
                    response.review_id,
                    response.updated.isoformat(),
                    content,
                ],
            )
        return response.updated

    def consultation_history(
        self, assessment_id: str, record: str | None = None, record_id: str | None = None
    ) -> list[ConsultationEntry]:
        """Every recorded change to an assessment's reviews and response, oldest first.

        ``record`` ("review" or "response") and ``record_id`` (a review's id) narrow it to
        one kind of record or one review. The response's ``record_id`` is its assessment's
        id (there is one response per assessment).
        """
        with self._reading() as conn:
            return history.entries(conn, assessment_id, record, record_id)

    def consultation_flags(self, today: dt.date | None = None) -> dict[str, Flags]:
        """Per assessment with a response: overdue measures and whether a review is due."""
        today = today or dt.date.today()
        with self._reading() as conn:
            found = conn.execute("SELECT assessment_id, content FROM responses").fetchall()
        flags = {}
        for assessment_id, content in _readable(found):
            response = content
            flags[assessment_id] = Flags(
                len(response.overdue(today)), response.review_due(today), response.next_review
            )
        return flags

    def all_responses(self) -> list[Response]:
        """Every stored response (for the calendar export)."""
        with self._reading() as conn:
            found = conn.execute("SELECT assessment_id, content FROM responses").fetchall()
        return [response for _, response in _readable(found)]


def carry_over_measures(conn: sqlite3.Connection, source_id: str, target_id: str) -> int:
    """Start the response of a new revision with the open measures of the one before.

    Measures planned or in progress are carried over (same ids, so their history reads
    across revisions), with the written answer of their point, marked as given in the
    revision it was written for until the employer writes a new one; done and dropped ones
    stay with the earlier response, and the decision and dates are for the new revision to
    give. Runs inside the new revision's transaction. Returns how many measures were carried
    over.
    """
    from workerimpact.consultation.models import ItemResponse, new_response

    row = conn.execute(
        "SELECT content FROM responses WHERE assessment_id = ?", [source_id]
    ).fetchone()
    if row is None:
        return 0
    try:
        earlier = response_from_bytes(row[0].encode("utf-8"), f"response of {source_id}")
    except InputError:  # an unreadable earlier response is left for its own page to report
        return 0
    carried = new_response(None, target_id, responder=earlier.responder)
    carried.next_review = earlier.next_review
    revision = _revision(conn, source_id)
    for key, item in earlier.items.items():
        open_ = [m for m in item.measures if m.status in ("planned", "in_progress")]
        if open_:
            answer = item.response if item.response.strip() else ""
            carried.items[key] = ItemResponse(
                response=answer,
                measures=open_,
                answered_in=(item.answered_in or revision) if answer else None,
            )
    if not carried.items:
        return 0
    conn.execute(
        "INSERT OR REPLACE INTO responses (assessment_id, review_id, updated, content) "
        "VALUES (?, ?, ?, ?)",
        [target_id, carried.review_id, carried.updated.isoformat(), record_bytes(carried).decode()],
    )
    return sum(len(item.measures) for item in carried.items.values())


def _revision(conn: sqlite3.Connection, assessment_id: str) -> int | None:
    """The revision number of a stored assessment (None if it cannot be read)."""
    row = conn.execute("SELECT revision FROM assessments WHERE id = ?", [assessment_id]).fetchone()
    return row[0] if row and isinstance(row[0], int) and row[0] >= 1 else None


def _stored(row: tuple[str] | None, parse: Any) -> Any:
    """The stored state of a record before a save; None when new or no longer readable (its
    fields then count as changed from empty)."""
    if row is None:
        return None
    try:
        return parse(row[0].encode("utf-8"), "")
    except (InputError, *UNREADABLE, UnicodeError):
        return None


def _review(review_id: str, content: str) -> Review:
    return review_from_bytes(
        content.encode("utf-8"), t("review {review_id} in the library", review_id=review_id)
    )


def _readable(rows: list[tuple[str, str]]) -> Iterator[tuple[str, Response]]:
    for assessment_id, content in rows:
        try:
            yield assessment_id, response_from_bytes(content.encode("utf-8"), "")
        except (InputError, json.JSONDecodeError, UnicodeError):
            continue  # a damaged row is left out of the flags, never fatal to the list
