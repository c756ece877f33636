"""The assessment library: every assessment, answer and change, kept in one SQLite file.

One ``Library`` object is the library's only writer (a lock file keeps other processes
out). Each public call is one transaction that is on disk when the call returns. Calls may
come from any thread, one at a time: a lock serializes them, and the window runs them all
on one worker thread. See ``docs/storage.md`` for the design and what the user sees when
something goes wrong.

``Library`` decides what may change and what is recorded; opening the file lives in
``workerimpact.storage.opening`` and the SQL that maps assessments onto rows in
``workerimpact.storage.rows``. This module holds opening, closing, the transactions every
call runs in, creating and reading assessments; the other calls come from mixins, one
room each: editing answers, details and status (``storage.editing``), revisions, the
trash and files (``storage.lifecycle``), backups and recovery (``storage.safekeeping``),
the consultation (``storage.consultation``) and received checks (``storage.received``).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from workerimpact.assessment import Assessment, Metadata, new_assessment, now
from workerimpact.i18n import t
from workerimpact.paths import data_dir
from workerimpact.questionnaire import Questionnaire
from workerimpact.scoring import score_assessment
from workerimpact.storage import backups as backup_files
from workerimpact.storage import checked, listing, rows
from workerimpact.storage.consultation import ConsultationStore
from workerimpact.storage.database import LIBRARY_FILE, ProcessLock
from workerimpact.storage.editing import EditingStore
from workerimpact.storage.errors import LibraryCorrupt, LibraryError, LibraryReadOnly, translate
from workerimpact.storage.lifecycle import LifecycleStore
from workerimpact.storage.opening import database, open_folder
from workerimpact.storage.received import ReceivedCheckStore
from workerimpact.storage.records import AssessmentSummary, HistoryEntry, ScoreSummary
from workerimpact.storage.safekeeping import BackupStore
from workerimpact.storage.schema import migrations


class Library(EditingStore, LifecycleStore, BackupStore, ConsultationStore, ReceivedCheckStore):
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
