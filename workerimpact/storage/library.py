"""The assessment library: every assessment, answer and change, kept in one SQLite file.

One ``Library`` object is the library's only writer (a lock file keeps other processes
out). Each public call is one transaction that is on disk when the call returns. Calls may
come from any thread, one at a time: a lock serializes them, and the window runs them all
on one worker thread. See ``docs/storage.md`` for the design and what the user sees when
something goes wrong.

``Library`` decides what may change and what is recorded; opening the file lives in
``workerimpact.storage.opening`` and the SQL that maps assessments onto rows in
``workerimpact.storage.rows``.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from workerimpact.assessment import (
    STATUSES,
    Answer,
    Assessment,
    Metadata,
    answer_problem,
    load_assessment,
    new_assessment,
    now,
    save_assessment,
)
from workerimpact.errors import InputError
from workerimpact.files import is_pdf
from workerimpact.i18n import t
from workerimpact.paths import data_dir
from workerimpact.questionnaire import Questionnaire
from workerimpact.scoring import score_assessment
from workerimpact.storage import backups as backup_files
from workerimpact.storage import checked, listing, rows
from workerimpact.storage.consultation import ConsultationStore, carry_over_measures
from workerimpact.storage.database import LIBRARY_FILE, ProcessLock
from workerimpact.storage.errors import (
    AssessmentDamaged,
    AssessmentFinal,
    AssessmentNotFound,
    LibraryCorrupt,
    LibraryError,
    LibraryReadOnly,
    translate,
)
from workerimpact.storage.opening import database, open_folder
from workerimpact.storage.received import ReceivedCheckStore
from workerimpact.storage.records import (
    AssessmentSummary,
    BackupInfo,
    HistoryEntry,
    ScoreSummary,
)
from workerimpact.storage.schema import migrations


class Library(ConsultationStore, ReceivedCheckStore):
    """The local library of assessments in the data folder (see the module docstring)."""

    def __init__(
        self,
        folder: Path,
        connection: sqlite3.Connection,
        lock: ProcessLock | None,
        *,
        read_only: bool,
        read_only_reason: str | None,
    ):
        """Wrap an open, checked connection; use ``Library.open`` rather than this."""
        self.folder: Path = folder
        self.path: Path = folder / LIBRARY_FILE
        self.read_only: bool = read_only
        self.read_only_reason: str | None = read_only_reason
        self.backup_problem: str | None = None
        """Why the automatic backup on opening failed, if it did (the library still works)."""
        self.notices: tuple[str, ...] = ()
        """What the user should be told once about this opening (a folder made private…)."""
        self._db = database(connection)
        self._lock = lock
        self._mutex = threading.RLock()
        self._questionnaires = checked.QuestionnaireCache(self.path)
        self._titles: dict[tuple[str, str], str | None] = {}
        self._closed = False

    # --- opening and closing -----------------------------------------------------------

    @classmethod
    def open(cls, folder: Path | None = None, *, read_only: bool = False) -> Library:
        """Open (creating or upgrading if needed) the library in ``folder``.

        ``folder`` defaults to the data folder. Raises ``LibraryLocked`` when another
        process has it open, ``LibraryCorrupt`` (with the backups to offer) for a damaged
        file, ``LibraryTooNew`` for one from a newer WorkerImpact; those files are left
        untouched. A library that cannot be written comes back with ``read_only`` True and
        ``read_only_reason`` saying why.
        """
        folder = Path(folder) if folder is not None else data_dir()
        opened = open_folder(folder, read_only=read_only)
        library = cls(
            folder,
            opened.connection,
            opened.lock,
            read_only=opened.read_only,
            read_only_reason=opened.read_only_reason,
        )
        library.notices = opened.notices
        if not library.read_only:
            try:
                library._upgrade(opened.pending)
                library._automatic_backup()
            except BaseException:
                library.close()
                raise
        return library

    def _upgrade(self, pending: list[str]) -> None:
        if not pending:
            return
        if self._count() or "0001_initial" not in pending:
            try:
                self._backup("before-upgrade")
            except LibraryError as error:
                error.args = (
                    t(
                        "{error} The library needs an upgrade for this version of "
                        "WorkerImpact, which is made only after a backup, so it was "
                        "not opened.",
                        error=error,
                    ),
                )
                raise
        with self._mutex:
            try:
                migrations.apply(self._db)
            except sqlite3.Error as error:
                raise translate(
                    error, self.path, action=t("The library was not upgraded")
                ) from None

    def close(self) -> None:
        """Close the library (safe to call twice); everything saved stays saved."""
        with self._mutex:
            if self._closed:
                return
            self._closed = True
            try:
                self._db.conn.close()
            finally:
                if self._lock is not None:
                    self._lock.release()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        mode = "read-only" if self.read_only else "writable"
        return f"<Library {self.path} {mode}{' closed' if self._closed else ''}>"

    # --- plumbing ------------------------------------------------------------------------

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        with self._mutex:
            if self._closed:
                raise LibraryError(t("The library has been closed; open it again."))
            try:
                yield self._db.conn
            except sqlite3.Error as error:
                raise self._translate(error, writing=False) from None
            except LibraryCorrupt as error:
                if not error.backups:
                    error.backups = backup_files.list_backups(self.folder)
                raise

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        with self._mutex:
            if self._closed:
                raise LibraryError(t("The library has been closed; open it again."))
            if self.read_only:
                raise LibraryReadOnly(
                    t(
                        "The change was not saved: the library is read-only ({read_only_reason}).",
                        read_only_reason=self.read_only_reason,
                    )
                )
            try:
                with self._db.atomic():
                    yield self._db.conn
            except sqlite3.Error as error:
                raise self._translate(error, writing=True) from None
            except LibraryCorrupt as error:
                if not error.backups:
                    error.backups = backup_files.list_backups(self.folder)
                raise

    def _translate(self, error: sqlite3.Error, *, writing: bool) -> LibraryError:
        action = None if writing else t("The library could not be read")
        translated = translate(error, self.path, writing=writing, action=action)
        if isinstance(translated, LibraryCorrupt):
            translated.backups = backup_files.list_backups(self.folder)
        return translated

    def _count(self) -> int:
        with self._reading() as conn:
            return conn.execute("SELECT count(*) FROM assessments").fetchone()[0]

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

    # --- assessments -----------------------------------------------------------------------

    def create(self, questionnaires: Sequence[Questionnaire], metadata: Metadata) -> Assessment:
        """Start an assessment over ``questionnaires``; its creation time is now."""
        moment = now()
        fields = metadata.model_dump()
        fields.update(created=moment, updated=moment)
        assessment = new_assessment(list(questionnaires), **fields)
        summary = ScoreSummary.of(score_assessment(assessment))
        with self._writing() as conn:
            rows.insert(
                conn, assessment, summary, "created", None, self._questionnaires, rows.now_key()
            )
        return assessment

    def get(self, assessment_id: str) -> Assessment:
        """The full assessment: metadata, embedded questionnaires and answers."""
        with self._reading() as conn:
            return rows.load(conn, assessment_id, self._questionnaires)

    def metadata(self, assessment_id: str) -> Metadata:
        """Only the metadata of an assessment (cheaper than ``get``)."""
        with self._reading() as conn:
            return rows.load_metadata(conn, assessment_id)

    def summaries(
        self,
        *,
        text: str = "",
        status: str | None = None,
        level: str | None = None,
        deleted: bool = False,
        language: str | None = None,
    ) -> list[AssessmentSummary]:
        """List assessments, most recently updated first.

        ``text`` matches every word, case-insensitively, against the id, organization,
        site, system, vendor, purpose, assessor and questionnaire titles. ``deleted=True``
        lists the trash instead. With ``language`` ("es"), questionnaire titles are given
        in that language where the stored questionnaire has a translation.
        """
        with self._reading() as conn:
            found = listing.summaries(conn, text=text, status=status, level=level, deleted=deleted)
            if language and language != "en":
                found = listing.localized_titles(conn, found, language, self._titles)
            return found

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

    def history(
        self,
        assessment_id: str,
        questionnaire_id: str | None = None,
        question_id: str | None = None,
    ) -> list[HistoryEntry]:
        """Every recorded change to an assessment, oldest first; optionally of one question."""
        with self._reading() as conn:
            rows.state(conn, assessment_id)
            return listing.history(conn, assessment_id, questionnaire_id, question_id)

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

    # --- backups ------------------------------------------------------------------------------

    def backup(self) -> BackupInfo:
        """Make a checked backup now (the newest ``KEEP_BACKUPS`` are kept)."""
        return self._backup("manual")

    def backups(self) -> list[BackupInfo]:
        """The library's backups, newest first."""
        return backup_files.list_backups(self.folder)

    @staticmethod
    def restore_backup(backup: Path, folder: Path | None = None) -> None:
        """Put a backup in place of the library, which must not be open anywhere.

        The current library file is first copied to ``backups/replaced/``.
        """
        backup_files.restore_backup(Path(backup), Path(folder) if folder else data_dir())

    def recover(self, assessment_id: str, backup: Path | None = None) -> Path:
        """Put back a damaged assessment as the newest backup holding it whole has it.

        Only that assessment changes (its answers and history as of the backup, plus a
        ``recovered`` history entry naming the backup); ``backup`` picks a backup. Returns
        the backup used; ``LibraryError`` says why when none holds it whole.
        """
        from workerimpact.storage.recovery import find_whole_copy, put_back

        try:
            self.get(assessment_id)
        except (AssessmentNotFound, AssessmentDamaged):
            pass
        else:
            raise LibraryError(
                t(
                    "This assessment is not damaged, so nothing was recovered. "
                    "Its history shows every change; to go back to an earlier "
                    "state of the whole library, restore a backup."
                )
            )
        copy = find_whole_copy(self.folder, assessment_id, backup)
        with self._writing() as conn:
            put_back(conn, copy, assessment_id)
            self._questionnaires.clear()
            rows.load(conn, assessment_id, self._questionnaires)  # whole, or roll back
        return copy.backup

    def _backup(self, reason: str) -> BackupInfo:
        with self._reading() as conn:
            return backup_files.make_backup(conn, self.folder, reason)

    def _automatic_backup(self) -> None:
        newest = backup_files.newest_usable(self.folder)
        # A newest backup "from the future" means the clock was changed: make a fresh one.
        due = newest is None or not (
            dt.timedelta(0)
            <= dt.datetime.now(dt.UTC) - newest.created
            < backup_files.BACKUP_INTERVAL
        )
        if due and self._count():
            try:
                self._backup("auto")
            except LibraryError as error:
                self.backup_problem = str(error)
