"""An assessment's life in the library besides its edits: revisions, the trash, files.

``LifecycleStore`` is mixed into ``Library``: a new revision copies an assessment into a
new draft, ``delete`` moves one to the trash (``restore_deleted`` takes it out,
``empty_trash`` deletes for good), and assessments come in from and go out to portable
files and report PDFs. Each call is one transaction on disk when it returns.
"""

from __future__ import annotations

import sqlite3
import uuid
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING

from workerimpact.assessment import Assessment, load_assessment, now, save_assessment
from workerimpact.files import is_pdf
from workerimpact.scoring import score_assessment
from workerimpact.storage import rows
from workerimpact.storage.consultation import carry_over_measures
from workerimpact.storage.records import ScoreSummary

if TYPE_CHECKING:
    from workerimpact.storage.checked import QuestionnaireCache


class LifecycleStore:
    """Revisions, the trash, imports and exports (mixed into ``Library``)."""

    if TYPE_CHECKING:

        def _writing(self) -> AbstractContextManager[sqlite3.Connection]: ...
        def get(self, assessment_id: str) -> Assessment: ...

        _questionnaires: QuestionnaireCache

    def new_revision(self, assessment_id: str) -> Assessment:
        """Copy an assessment (usually a final one) into a new draft with revision + 1.

        The copy has a new id, the same questionnaires and answers, and
        ``metadata.previous_revision`` naming the original, which stays as it is.
        """
        with self._writing() as conn:
            source = rows.load(conn, assessment_id, self._questionnaires)
            summary = rows.stored_summary(conn, assessment_id)
            moment = now()
            metadata = source.metadata.model_copy(
                update={
                    "status": "draft",
                    "revision": source.metadata.revision + 1,
                    "previous_revision": assessment_id,
                    "created": moment,
                    "updated": moment,
                }
            )
            revision = source.model_copy(update={"id": uuid.uuid4().hex, "metadata": metadata})
            rows.insert(
                conn,
                revision,
                summary,
                "created",
                {"revision_of": assessment_id},
                self._questionnaires,
                rows.now_key(),
            )
            carry_over_measures(conn, assessment_id, revision.id)
        return revision

    def delete(self, assessment_id: str) -> None:
        """Move an assessment to the trash, from which ``restore_deleted`` brings it back."""
        with self._writing() as conn:
            rows.state(conn, assessment_id)
            conn.execute(
                "UPDATE assessments SET deleted = ? WHERE id = ? AND deleted IS NULL",
                [rows.iso(now()), assessment_id],
            )

    def restore_deleted(self, assessment_id: str) -> None:
        """Take an assessment out of the trash."""
        with self._writing() as conn:
            rows.state(conn, assessment_id)
            conn.execute("UPDATE assessments SET deleted = NULL WHERE id = ?", [assessment_id])

    def empty_trash(self) -> int:
        """Delete the assessments in the trash for good; return how many there were."""
        with self._writing() as conn:
            # Their consultation record, its history and the check of the report they came
            # from go too.
            for table in ("reviews", "responses", "consultation_history", "received_checks"):
                conn.execute(
                    f"DELETE FROM {table} WHERE assessment_id IN "
                    "(SELECT id FROM assessments WHERE deleted IS NOT NULL)"
                )
            count = conn.execute("DELETE FROM assessments WHERE deleted IS NOT NULL").rowcount
            conn.execute(
                "DELETE FROM questionnaires WHERE hash NOT IN "
                "(SELECT questionnaire_hash FROM assessment_questionnaires)"
            )
            self._questionnaires.clear()
        return count

    # --- files -------------------------------------------------------------------------------

    def import_file(self, path: Path) -> Assessment:
        """Add the assessment in a portable assessment file or a WorkerImpact report PDF."""
        path = Path(path)
        if is_pdf(path):
            from workerimpact.report import embedded_assessment

            assessment = embedded_assessment(path)
        else:
            assessment = load_assessment(path)
        return self._import(assessment, path.name)

    def import_assessment(self, assessment: Assessment) -> Assessment:
        """Add an assessment as it is; it keeps its id unless the library already uses it.

        Returns the assessment as stored (with its new id if it needed one).
        """
        return self._import(assessment, None)

    def _import(self, assessment: Assessment, source: str | None) -> Assessment:
        summary = ScoreSummary.of(score_assessment(assessment))
        with self._writing() as conn:
            if rows.exists(conn, assessment.id):
                assessment = assessment.model_copy(update={"id": uuid.uuid4().hex})
            rows.insert(conn, assessment, summary, "imported", source, self._questionnaires)
        return assessment

    def export_file(self, assessment_id: str, path: Path) -> None:
        """Write an assessment as a portable assessment file, atomically."""
        save_assessment(self.get(assessment_id), path)
