"""Changing an assessment in the library: its answers, its details and its status.

``EditingStore`` is mixed into ``Library``. Each call is one transaction on disk when it
returns; it refuses a final or trashed assessment, and records a history entry per field
that changed (who, when, before and after).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from workerimpact.assessment import STATUSES, Answer, Metadata, answer_problem, now
from workerimpact.errors import InputError
from workerimpact.i18n import t
from workerimpact.scoring import score_assessment
from workerimpact.storage import rows
from workerimpact.storage.errors import AssessmentFinal, LibraryError
from workerimpact.storage.records import ScoreSummary

if TYPE_CHECKING:
    from workerimpact.storage.checked import QuestionnaireCache


class EditingStore:
    """Answers, details and status of the library's assessments (mixed into ``Library``)."""

    if TYPE_CHECKING:

        def _writing(self) -> AbstractContextManager[sqlite3.Connection]: ...

        _questionnaires: QuestionnaireCache

    def _editable(self, conn: sqlite3.Connection, assessment_id: str) -> str:
        """Check an assessment may be changed; return its assessor."""
        status, deleted, assessor = rows.state(conn, assessment_id)
        if status == "final":
            raise AssessmentFinal(
                t(
                    "This assessment is final and can no longer be changed. "
                    "Start a new revision of it to make changes; the final one "
                    "is kept as it is."
                )
            )
        if deleted is not None:
            raise LibraryError(
                t("This assessment is in the trash. Restore it from the trash to change it.")
            )
        return assessor

    def set_answer(
        self,
        assessment_id: str,
        questionnaire_id: str,
        question_id: str,
        answer: Answer,
        *,
        assessor: str = "",
        summary: ScoreSummary | None = None,
    ) -> dt.datetime:
        """Save one answer (value, comment and evidence); it is on disk when this returns.

        One transaction writes the answer, a history entry per changed field, and the
        assessment's updated time and ``summary``. Without ``summary`` the assessment is
        reloaded and rescored (slower; ``AssessmentSession`` always passes it). An empty
        answer removes the question's answer. Returns the assessment's new updated time.
        Raises ``InputError`` for a value the question does not accept.
        """
        with self._writing() as conn:
            recorded_assessor = self._editable(conn, assessment_id)
            question = rows.find_question(
                conn, assessment_id, questionnaire_id, question_id, self._questionnaires
            )
            problem = answer_problem(question, answer.value)
            if problem:
                raise InputError.single("", problem, where=f"{questionnaire_id} › {question_id}")
            before = rows.stored_answer(conn, assessment_id, questionnaire_id, question_id)
            after = (answer.value, answer.comment, answer.evidence)
            changes = [
                (questionnaire_id, question_id, field, old, new)
                for field, old, new in zip(rows.ANSWER_FIELDS, before, after, strict=True)
                if rows.json_text(old) != rows.json_text(new)
            ]
            if not changes:
                return rows.stored_updated(conn, assessment_id)
            if summary is None:
                assessment = rows.load(conn, assessment_id, self._questionnaires)
                assessment.answers.setdefault(questionnaire_id, {})[question_id] = answer
                summary = ScoreSummary.of(score_assessment(assessment))
            rows.save_answer(conn, assessment_id, questionnaire_id, question_id, answer)
            moment = now()
            rows.record(conn, assessment_id, assessor or recorded_assessor, changes, moment)
            rows.save_summary(conn, assessment_id, moment, summary)
        return moment

    def update_metadata(
        self, assessment_id: str, metadata: Metadata, *, assessor: str = ""
    ) -> None:
        """Change who/what/where: organization, site, system, vendor, purpose, assessor, role,
        and the system's stage (which rescores it).

        Status, revision and times are the library's to keep: change the status with
        ``set_status``; the other fields of ``metadata`` are ignored.
        """
        new = metadata.model_dump(mode="json")
        with self._writing() as conn:
            recorded_assessor = self._editable(conn, assessment_id)
            old = rows.editable_metadata(conn, assessment_id)
            changes = [
                (None, None, f"metadata.{name}", old[name], new[name])
                for name in rows.EDITABLE_FIELDS
                if old[name] != new[name]
            ]
            if not changes:
                return
            moment = now()
            rows.save_metadata(conn, assessment_id, new, moment)
            rows.record(conn, assessment_id, assessor or recorded_assessor, changes, moment)
            if any(change[2] in ("metadata.stage", "metadata.stage_started") for change in changes):
                # The stage decides which questions are asked: the level may change.
                assessment = rows.load(conn, assessment_id, self._questionnaires)
                summary = ScoreSummary.of(score_assessment(assessment))
                rows.save_summary(conn, assessment_id, moment, summary)

    def set_status(self, assessment_id: str, status: str, *, assessor: str = "") -> None:
        """Move an assessment to ``draft``, ``in_review`` or ``final`` (final is for good)."""
        if status not in STATUSES:
            raise InputError.single(
                "",
                t(
                    '"{status}" is not a status; use one of: {statuses}',
                    status=status,
                    statuses=", ".join(STATUSES),
                ),
            )
        with self._writing() as conn:
            current, deleted, recorded_assessor = rows.state(conn, assessment_id)
            if current == status:
                return
            self._editable(conn, assessment_id)
            moment = now()
            rows.save_status(conn, assessment_id, status, moment)
            rows.record(
                conn,
                assessment_id,
                assessor or recorded_assessor,
                [(None, None, "status", current, status)],
                moment,
            )
