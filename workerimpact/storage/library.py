"""The assessment library: every assessment, answer and change, kept in one SQLite file.

One ``Library`` object is the library's only writer (a lock file keeps other processes
out). Each public call is one transaction that is on disk when the call returns. Calls may
come from any thread, one at a time: a lock serializes them, and the window runs them all
on one worker thread. See ``docs/storage.md`` for the design and what the user sees when
something goes wrong.
"""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import sqlite3
import threading
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from sqlite_utils import Database

from workerimpact.assessment import (
    STATUSES,
    Answer,
    Assessment,
    Metadata,
    answer_problem,
    load_assessment,
    new_assessment,
    now,
    questionnaire_hash,
    save_assessment,
)
from workerimpact.errors import InputError
from workerimpact.files import sync_folder
from workerimpact.jsonfile import canonical_json
from workerimpact.paths import data_dir
from workerimpact.questionnaire import Question, Questionnaire
from workerimpact.scoring import score_assessment
from workerimpact.storage import backups as backup_files
from workerimpact.storage.database import (
    LIBRARY_FILE,
    LOCK_FILE,
    ProcessLock,
    connect,
    damaged_message,
    header_problem,
    inspect,
    is_denied,
)
from workerimpact.storage.errors import (
    AssessmentFinal,
    AssessmentNotFound,
    LibraryCorrupt,
    LibraryError,
    LibraryReadOnly,
    sqlite_code,
    translate,
)
from workerimpact.storage.records import (
    AssessmentSummary,
    BackupInfo,
    HistoryEntry,
    ScoreSummary,
)
from workerimpact.storage.schema import migrations, search_text, sort_key
from workerimpact.validation import suggest

_METADATA_FIELDS = (
    "organization", "site", "system", "vendor", "purpose", "assessor", "role", "status",
    "created", "updated", "revision", "previous_revision",
)  # fmt: skip
_EDITABLE_FIELDS = ("organization", "site", "system", "vendor", "purpose", "assessor", "role")
_SEARCHED_FIELDS = ("organization", "site", "system", "vendor", "purpose", "assessor")
_ANSWER_FIELDS = ("value", "comment", "evidence")
_SUMMARY_COLUMNS = (
    "id, organization, site, system, vendor, titles, status, level, score, answered, shown, "
    "required_unanswered, created, updated, revision, previous_revision, deleted"
)
_SQLITE_CANTOPEN = 14
_SQLITE_READONLY = 8


def _iso(moment: dt.datetime) -> str:
    # The exact text pydantic writes for a datetime in the portable file.
    return Metadata(updated=moment).model_dump(mode="json")["updated"]


def _now_key() -> str:
    # Metadata times are whole seconds; the list's order needs finer ones.
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _is_pdf(path: Path) -> bool:
    try:
        with path.open("rb") as stream:
            return stream.read(5) == b"%PDF-"
    except OSError:
        return False


class Library:
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
        self._db = Database(connection, recursive_triggers=False, execute_plugins=False)
        self._lock = lock
        self._mutex = threading.RLock()
        self._questionnaires: dict[str, Questionnaire] = {}
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
        path = folder / LIBRARY_FILE
        if read_only:
            return cls._open_read_only(folder, "it was opened read-only")
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            if path.exists():
                return cls._open_read_only(folder, _unwritable(folder, error))
            raise LibraryError(
                f"The data folder {folder} cannot be created ({error.strerror}). Choose a "
                "folder you may write to (set WORKERIMPACT_HOME) and try again."
            ) from None
        if not os.access(folder, os.W_OK):
            # Checked up front: SQLite needs to create its -wal and -shm files beside the
            # library, and a lock file that already exists would not reveal the problem.
            if path.exists():
                return cls._open_read_only(
                    folder, _unwritable(folder, PermissionError(errno.EACCES, "permission denied"))
                )
            raise LibraryError(
                f"The data folder {folder} cannot be written, so no library can be created "
                "there. Choose a folder you may write to (set WORKERIMPACT_HOME)."
            )
        lock = ProcessLock(folder / LOCK_FILE)
        try:
            lock.acquire()
        except OSError as error:
            if is_denied(error):
                return cls._open_read_only(folder, _unwritable(folder, error))
            raise LibraryError(f"The library in {folder} cannot be locked: {error}.") from None
        try:
            return cls._open_writable(folder, lock)
        except BaseException:
            lock.release()
            raise

    @classmethod
    def _open_writable(cls, folder: Path, lock: ProcessLock) -> Library:
        path = folder / LIBRARY_FILE
        for leftover in (f".{LIBRARY_FILE}.new", f".{LIBRARY_FILE}.restore.tmp"):
            for suffix in ("", "-wal", "-shm", "-journal"):
                (folder / f"{leftover}{suffix}").unlink(missing_ok=True)
        if not path.exists():
            _create(path)
        try:
            if not os.access(path, os.W_OK):
                raise PermissionError(errno.EACCES, "permission denied")
            os.close(os.open(path, os.O_RDWR))
        except OSError as error:
            if is_denied(error):
                lock.release()
                return cls._open_read_only(folder, _unwritable(path, error))
            raise LibraryError(f"The library {path} cannot be opened: {error.strerror}.") from None
        pending = _inspect(folder, path, immutable=False)
        try:
            connection = connect(path)
        except sqlite3.Error as error:
            raise translate(error, path) from None
        library = cls(folder, connection, lock, read_only=False, read_only_reason=None)
        try:
            if pending:
                if library._count() or "0001_initial" not in pending:
                    library._backup("before-upgrade")
                with library._mutex:
                    try:
                        migrations.apply(library._db)
                    except sqlite3.Error as error:
                        raise translate(error, path) from None
            library._automatic_backup()
        except BaseException:
            library.close()
            raise
        return library

    @classmethod
    def _open_read_only(cls, folder: Path, reason: str) -> Library:
        path = folder / LIBRARY_FILE
        if not path.exists():
            # Nothing to read yet: an empty library that lives in memory only.
            connection = sqlite3.connect(":memory:", check_same_thread=False)
            migrations.apply(Database(connection, recursive_triggers=False, execute_plugins=False))
            return cls(folder, connection, None, read_only=True, read_only_reason=reason)
        try:
            pending = _inspect(folder, path, immutable=False)
            immutable = False
        except LibraryError as error:
            if not isinstance(error.__cause__, sqlite3.Error) or (
                sqlite_code(error.__cause__) not in (_SQLITE_CANTOPEN, _SQLITE_READONLY)
            ):
                raise
            # A WAL library in a folder we may not write: SQLite cannot make its shared-memory
            # file there, so read the main file as it stands.
            pending = _inspect(folder, path, immutable=True)
            immutable = True
            if Path(f"{path}-wal").exists():
                reason += (
                    "; changes still in its write-ahead log (after a crash, or made by a "
                    "window that is open) may not show until it is opened with write access"
                )
        connection = connect(path, read_only=True, immutable=immutable)
        if pending:
            memory = sqlite3.connect(":memory:", check_same_thread=False)
            connection.backup(memory)
            connection.close()
            connection = memory
            migrations.apply(Database(connection, recursive_triggers=False, execute_plugins=False))
            reason += "; it was made by an older WorkerImpact and is shown upgraded in memory"
        return cls(folder, connection, None, read_only=True, read_only_reason=reason)

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
                raise LibraryError("The library has been closed; open it again.")
            try:
                yield self._db.conn
            except sqlite3.Error as error:
                raise self._translate(error, writing=False) from None

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        with self._mutex:
            if self._closed:
                raise LibraryError("The library has been closed; open it again.")
            if self.read_only:
                raise LibraryReadOnly(
                    f"The change was not saved: the library is read-only ({self.read_only_reason})."
                )
            try:
                with self._db.atomic():
                    yield self._db.conn
            except sqlite3.Error as error:
                raise self._translate(error, writing=True) from None

    def _translate(self, error: sqlite3.Error, *, writing: bool) -> LibraryError:
        translated = translate(error, self.path, writing=writing)
        if isinstance(translated, LibraryCorrupt):
            translated.backups = backup_files.list_backups(self.folder)
        return translated

    def _count(self) -> int:
        with self._reading() as conn:
            return conn.execute("SELECT count(*) FROM assessments").fetchone()[0]

    def _questionnaire(self, conn: sqlite3.Connection, content_hash: str) -> Questionnaire:
        cached = self._questionnaires.get(content_hash)
        if cached is not None:
            return cached
        row = conn.execute(
            "SELECT content FROM questionnaires WHERE hash = ?", [content_hash]
        ).fetchone()
        if row is None:
            raise LibraryCorrupt(
                damaged_message(self.path, f"questionnaire {content_hash} missing")
            )
        try:
            questionnaire = Questionnaire.model_validate(json.loads(row[0]))
        except (ValueError, ValidationError):
            raise LibraryCorrupt(
                damaged_message(self.path, f"questionnaire {content_hash} unreadable")
            ) from None
        self._questionnaires[content_hash] = questionnaire
        return questionnaire

    def _state(self, conn: sqlite3.Connection, assessment_id: str) -> tuple[str, str | None, str]:
        row = conn.execute(
            "SELECT status, deleted, assessor FROM assessments WHERE id = ?", [assessment_id]
        ).fetchone()
        if row is None:
            raise AssessmentNotFound(f'There is no assessment "{assessment_id}" in the library.')
        return row

    def _editable(self, conn: sqlite3.Connection, assessment_id: str) -> str:
        """Check an assessment may be changed; return its assessor."""
        status, deleted, assessor = self._state(conn, assessment_id)
        if status == "final":
            raise AssessmentFinal(
                "This assessment is final and can no longer be changed. Start a new revision "
                "of it to make changes; the final one is kept as it is."
            )
        if deleted is not None:
            raise LibraryError(
                "This assessment is in the trash. Restore it from the trash to change it."
            )
        return assessor

    def _question(
        self, conn: sqlite3.Connection, assessment_id: str, questionnaire_id: str, question_id: str
    ) -> Question:
        rows = conn.execute(
            "SELECT q.id, q.hash FROM assessment_questionnaires AS a JOIN questionnaires AS q "
            "ON q.hash = a.questionnaire_hash WHERE a.assessment_id = ? ORDER BY a.position",
            [assessment_id],
        ).fetchall()
        found = [content_hash for (item, content_hash) in rows if item == questionnaire_id]
        if not found:
            raise InputError.single(
                "",
                f'this assessment does not use questionnaire "{questionnaire_id}"'
                + suggest(questionnaire_id, [item for item, _ in rows]),
            )
        questionnaire = self._questionnaire(conn, found[0])
        question = questionnaire.question(question_id)
        if question is None:
            raise InputError.single(
                "",
                f'questionnaire "{questionnaire_id}" has no question "{question_id}"'
                + suggest(question_id, [item.id for item in questionnaire.questions()]),
            )
        return question

    def _load(self, conn: sqlite3.Connection, assessment_id: str) -> Assessment:
        row = conn.execute(
            f"SELECT {', '.join(_METADATA_FIELDS)} FROM assessments WHERE id = ?",
            [assessment_id],
        ).fetchone()
        if row is None:
            raise AssessmentNotFound(f'There is no assessment "{assessment_id}" in the library.')
        metadata = Metadata.model_validate(dict(zip(_METADATA_FIELDS, row, strict=True)))
        questionnaires = [
            self._questionnaire(conn, content_hash)
            for (content_hash,) in conn.execute(
                "SELECT questionnaire_hash FROM assessment_questionnaires "
                "WHERE assessment_id = ? ORDER BY position",
                [assessment_id],
            )
        ]
        answers: dict[str, dict[str, Answer]] = {}
        for questionnaire_id, question_id, value, comment, evidence in conn.execute(
            "SELECT questionnaire_id, question_id, value, comment, evidence FROM answers "
            "WHERE assessment_id = ? ORDER BY rowid",
            [assessment_id],
        ):
            answers.setdefault(questionnaire_id, {})[question_id] = Answer(
                value=json.loads(value), comment=comment, evidence=evidence
            )
        return Assessment(
            id=assessment_id, metadata=metadata, questionnaires=questionnaires, answers=answers
        )

    def _insert(
        self,
        conn: sqlite3.Connection,
        assessment: Assessment,
        summary: ScoreSummary,
        event: str,
        detail: Any,
        order_key: str | None = None,
    ) -> None:
        hashes = []
        for questionnaire in assessment.questionnaires:
            content_hash = questionnaire_hash(questionnaire)
            conn.execute(
                "INSERT OR IGNORE INTO questionnaires (hash, id, version, title, content) "
                "VALUES (?, ?, ?, ?, ?)",
                [
                    content_hash,
                    questionnaire.id,
                    questionnaire.version,
                    questionnaire.title,
                    canonical_json(questionnaire.to_json_data()).decode("utf-8"),
                ],
            )
            self._questionnaires.setdefault(content_hash, questionnaire)
            hashes.append(content_hash)
        metadata = assessment.metadata.model_dump(mode="json")
        titles = [questionnaire.title for questionnaire in assessment.questionnaires]
        columns = {
            "id": assessment.id,
            **{name: metadata[name] for name in _METADATA_FIELDS},
            "titles": _json(titles),
            "search_text": _search(assessment.id, metadata, titles),
            "updated_key": order_key or sort_key(metadata["updated"]),
            "level": summary.level,
            "score": summary.score,
            "answered": summary.answered,
            "shown": summary.shown,
            "required_unanswered": summary.required_unanswered,
        }
        conn.execute(
            f"INSERT INTO assessments ({', '.join(columns)}) "
            f"VALUES ({', '.join('?' for _ in columns)})",
            list(columns.values()),
        )
        conn.executemany(
            "INSERT INTO assessment_questionnaires (assessment_id, position, questionnaire_hash) "
            "VALUES (?, ?, ?)",
            [(assessment.id, position, value) for position, value in enumerate(hashes)],
        )
        conn.executemany(
            "INSERT INTO answers (assessment_id, questionnaire_id, question_id, value, comment, "
            "evidence) VALUES (?, ?, ?, ?, ?, ?)",
            [
                (assessment.id, qid, question_id, _json(a.value), a.comment, a.evidence)
                for qid, answers in assessment.answers.items()
                for question_id, a in answers.items()
            ],
        )
        self._record(
            conn, assessment.id, assessment.metadata.assessor, [(None, None, event, None, detail)]
        )

    def _record(
        self,
        conn: sqlite3.Connection,
        assessment_id: str,
        assessor: str,
        changes: list[tuple[str | None, str | None, str, Any, Any]],
        at: dt.datetime | None = None,
    ) -> None:
        moment = _iso(at or now())
        conn.executemany(
            "INSERT INTO history (assessment_id, at, assessor, questionnaire_id, question_id, "
            "field, old, new) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (assessment_id, moment, assessor, qid, question_id, field, _json(old), _json(new))
                for qid, question_id, field, old, new in changes
            ],
        )

    # --- assessments -----------------------------------------------------------------------

    def create(self, questionnaires: Sequence[Questionnaire], metadata: Metadata) -> Assessment:
        """Start an assessment over ``questionnaires``; its creation time is now."""
        moment = now()
        fields = metadata.model_dump()
        fields.update(created=moment, updated=moment)
        assessment = new_assessment(list(questionnaires), **fields)
        summary = ScoreSummary.of(score_assessment(assessment))
        with self._writing() as conn:
            self._insert(conn, assessment, summary, "created", None, _now_key())
        return assessment

    def get(self, assessment_id: str) -> Assessment:
        """The full assessment: metadata, embedded questionnaires and answers."""
        with self._reading() as conn:
            return self._load(conn, assessment_id)

    def metadata(self, assessment_id: str) -> Metadata:
        """Only the metadata of an assessment (cheaper than ``get``)."""
        with self._reading() as conn:
            row = conn.execute(
                f"SELECT {', '.join(_METADATA_FIELDS)} FROM assessments WHERE id = ?",
                [assessment_id],
            ).fetchone()
        if row is None:
            raise AssessmentNotFound(f'There is no assessment "{assessment_id}" in the library.')
        return Metadata.model_validate(dict(zip(_METADATA_FIELDS, row, strict=True)))

    def summaries(
        self,
        *,
        text: str = "",
        status: str | None = None,
        level: str | None = None,
        deleted: bool = False,
    ) -> list[AssessmentSummary]:
        """List assessments, most recently updated first.

        ``text`` matches every word, case-insensitively, against the id, organization,
        site, system, vendor, purpose, assessor and questionnaire titles. ``deleted=True``
        lists the trash instead.
        """
        clauses = ["deleted IS NOT NULL" if deleted else "deleted IS NULL"]
        parameters: list[Any] = []
        if status:
            clauses.append("status = ?")
            parameters.append(status)
        if level:
            clauses.append("level = ?")
            parameters.append(level)
        for word in text.casefold().split():
            escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            clauses.append("search_text LIKE ? ESCAPE '\\'")
            parameters.append(f"%{escaped}%")
        with self._reading() as conn:
            rows = conn.execute(
                f"SELECT {_SUMMARY_COLUMNS} FROM assessments WHERE {' AND '.join(clauses)} "
                "ORDER BY updated_key DESC, rowid DESC",
                parameters,
            ).fetchall()
        parse = dt.datetime.fromisoformat
        return [
            AssessmentSummary(
                id=row[0],
                organization=row[1],
                site=row[2],
                system=row[3],
                vendor=row[4],
                questionnaires=tuple(json.loads(row[5])),
                status=row[6],
                level=row[7],
                score=row[8],
                answered=row[9],
                shown=row[10],
                required_unanswered=row[11],
                created=parse(row[12]),
                updated=parse(row[13]),
                revision=row[14],
                previous_revision=row[15],
                deleted=row[16] is not None,
            )
            for row in rows
        ]

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
            question = self._question(conn, assessment_id, questionnaire_id, question_id)
            problem = answer_problem(question, answer.value)
            if problem:
                raise InputError.single("", problem, where=f"{questionnaire_id} › {question_id}")
            key = [assessment_id, questionnaire_id, question_id]
            row = conn.execute(
                "SELECT value, comment, evidence FROM answers WHERE assessment_id = ? AND "
                "questionnaire_id = ? AND question_id = ?",
                key,
            ).fetchone()
            before = (json.loads(row[0]), row[1], row[2]) if row else (None, "", "")
            after = (answer.value, answer.comment, answer.evidence)
            changes = [
                (questionnaire_id, question_id, field, old, new)
                for field, old, new in zip(_ANSWER_FIELDS, before, after, strict=True)
                if _json(old) != _json(new)
            ]
            if not changes:
                updated = conn.execute(
                    "SELECT updated FROM assessments WHERE id = ?", [assessment_id]
                ).fetchone()[0]
                return dt.datetime.fromisoformat(updated)
            if summary is None:
                assessment = self._load(conn, assessment_id)
                assessment.answers.setdefault(questionnaire_id, {})[question_id] = answer
                summary = ScoreSummary.of(score_assessment(assessment))
            if answer.is_empty:
                conn.execute(
                    "DELETE FROM answers WHERE assessment_id = ? AND questionnaire_id = ? AND "
                    "question_id = ?",
                    key,
                )
            else:
                conn.execute(
                    "INSERT INTO answers (assessment_id, questionnaire_id, question_id, value, "
                    "comment, evidence) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (assessment_id, "
                    "questionnaire_id, question_id) DO UPDATE SET value = excluded.value, "
                    "comment = excluded.comment, evidence = excluded.evidence",
                    [*key, _json(answer.value), answer.comment, answer.evidence],
                )
            moment = now()
            self._record(conn, assessment_id, assessor or recorded_assessor, changes, moment)
            updated = _iso(moment)
            conn.execute(
                "UPDATE assessments SET updated = ?, updated_key = ?, level = ?, score = ?, "
                "answered = ?, shown = ?, required_unanswered = ? WHERE id = ?",
                [
                    updated,
                    _now_key(),
                    summary.level,
                    summary.score,
                    summary.answered,
                    summary.shown,
                    summary.required_unanswered,
                    assessment_id,
                ],
            )
        return moment

    def update_metadata(
        self, assessment_id: str, metadata: Metadata, *, assessor: str = ""
    ) -> None:
        """Change who/what/where: organization, site, system, vendor, purpose, assessor, role.

        Status, revision and times are the library's to keep: change the status with
        ``set_status``; the other fields of ``metadata`` are ignored.
        """
        new = metadata.model_dump(mode="json")
        with self._writing() as conn:
            recorded_assessor = self._editable(conn, assessment_id)
            row = conn.execute(
                f"SELECT {', '.join(_EDITABLE_FIELDS)}, titles FROM assessments WHERE id = ?",
                [assessment_id],
            ).fetchone()
            old = dict(zip(_EDITABLE_FIELDS, row[:-1], strict=True))
            changes = [
                (None, None, f"metadata.{name}", old[name], new[name])
                for name in _EDITABLE_FIELDS
                if old[name] != new[name]
            ]
            if not changes:
                return
            moment = now()
            updated = _iso(moment)
            assignments = ", ".join(f"{name} = ?" for name in _EDITABLE_FIELDS)
            conn.execute(
                f"UPDATE assessments SET {assignments}, updated = ?, updated_key = ?, "
                "search_text = ? WHERE id = ?",
                [
                    *(new[name] for name in _EDITABLE_FIELDS),
                    updated,
                    _now_key(),
                    _search(assessment_id, new, json.loads(row[-1])),
                    assessment_id,
                ],
            )
            self._record(conn, assessment_id, assessor or recorded_assessor, changes, moment)

    def set_status(self, assessment_id: str, status: str, *, assessor: str = "") -> None:
        """Move an assessment to ``draft``, ``in_review`` or ``final`` (final is for good)."""
        if status not in STATUSES:
            raise InputError.single(
                "", f'"{status}" is not a status; use one of: {", ".join(STATUSES)}'
            )
        with self._writing() as conn:
            current, deleted, recorded_assessor = self._state(conn, assessment_id)
            if current == status:
                return
            self._editable(conn, assessment_id)
            moment = now()
            updated = _iso(moment)
            conn.execute(
                "UPDATE assessments SET status = ?, updated = ?, updated_key = ? WHERE id = ?",
                [status, updated, _now_key(), assessment_id],
            )
            self._record(
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
        clauses = ["assessment_id = ?"]
        parameters = [assessment_id]
        if questionnaire_id is not None:
            clauses.append("questionnaire_id = ?")
            parameters.append(questionnaire_id)
        if question_id is not None:
            clauses.append("question_id = ?")
            parameters.append(question_id)
        with self._reading() as conn:
            self._state(conn, assessment_id)
            rows = conn.execute(
                "SELECT at, assessor, questionnaire_id, question_id, field, old, new FROM history "
                f"WHERE {' AND '.join(clauses)} ORDER BY id",
                parameters,
            ).fetchall()
        return [
            HistoryEntry(
                at=dt.datetime.fromisoformat(row[0]),
                assessor=row[1],
                questionnaire_id=row[2],
                question_id=row[3],
                field=row[4],
                old=None if row[5] is None else json.loads(row[5]),
                new=None if row[6] is None else json.loads(row[6]),
            )
            for row in rows
        ]

    def new_revision(self, assessment_id: str) -> Assessment:
        """Copy an assessment (usually a final one) into a new draft with revision + 1.

        The copy has a new id, the same questionnaires and answers, and
        ``metadata.previous_revision`` naming the original, which stays as it is.
        """
        with self._writing() as conn:
            source = self._load(conn, assessment_id)
            row = conn.execute(
                "SELECT level, score, answered, shown, required_unanswered FROM assessments "
                "WHERE id = ?",
                [assessment_id],
            ).fetchone()
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
            self._insert(
                conn,
                revision,
                ScoreSummary(*row),
                "created",
                {"revision_of": assessment_id},
                _now_key(),
            )
        return revision

    def delete(self, assessment_id: str) -> None:
        """Move an assessment to the trash, from which ``restore_deleted`` brings it back."""
        with self._writing() as conn:
            self._state(conn, assessment_id)
            conn.execute(
                "UPDATE assessments SET deleted = ? WHERE id = ? AND deleted IS NULL",
                [_iso(now()), assessment_id],
            )

    def restore_deleted(self, assessment_id: str) -> None:
        """Take an assessment out of the trash."""
        with self._writing() as conn:
            self._state(conn, assessment_id)
            conn.execute("UPDATE assessments SET deleted = NULL WHERE id = ?", [assessment_id])

    def empty_trash(self) -> int:
        """Delete the assessments in the trash for good; return how many there were."""
        with self._writing() as conn:
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
        if _is_pdf(path):
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
            taken = conn.execute(
                "SELECT 1 FROM assessments WHERE id = ?", [assessment.id]
            ).fetchone()
            if taken:
                assessment = assessment.model_copy(update={"id": uuid.uuid4().hex})
            self._insert(conn, assessment, summary, "imported", source)
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

    def _backup(self, reason: str) -> BackupInfo:
        with self._reading() as conn:
            return backup_files.make_backup(conn, self.folder, reason)

    def _automatic_backup(self) -> None:
        existing = self.backups()
        # A newest backup "from the future" means the clock was changed: make a fresh one.
        due = not existing or not (
            dt.timedelta(0)
            <= dt.datetime.now(dt.UTC) - existing[0].created
            < backup_files.BACKUP_INTERVAL
        )
        if due and self._count():
            try:
                self._backup("auto")
            except LibraryError as error:
                self.backup_problem = str(error)


def _search(assessment_id: str, metadata: dict[str, Any], titles: list[str]) -> str:
    return search_text([assessment_id, *(metadata[name] for name in _SEARCHED_FIELDS), *titles])


def _unwritable(place: Path, error: OSError) -> str:
    return (
        f"{place} cannot be written ({error.strerror or error}); you can read and export "
        "assessments but not change them. To edit, check the permissions of the data folder "
        "or copy it somewhere you may write and point WORKERIMPACT_HOME at the copy"
    )


def _create(path: Path) -> None:
    # Build the new library beside its final name and rename it into place, so a crash
    # during creation never leaves a half-made library under the real name.
    temporary = path.with_name(f".{path.name}.new")
    try:
        connection = connect(temporary)
        try:
            migrations.apply(Database(connection, recursive_triggers=False, execute_plugins=False))
        finally:
            connection.close()
        with temporary.open("rb+") as stream:
            os.fsync(stream.fileno())
        os.replace(temporary, path)
        sync_folder(path.parent)
    except sqlite3.Error as error:
        raise translate(error, path) from None
    except OSError as error:
        raise LibraryError(
            f"The library {path} cannot be created ({error.strerror or error})."
        ) from None


def _inspect(folder: Path, path: Path, *, immutable: bool) -> list[str]:
    """Check the file before anything writes it; return the migrations it still needs."""
    problem = header_problem(path)
    if problem:
        raise LibraryCorrupt(damaged_message(path, problem), backup_files.list_backups(folder))
    try:
        connection = connect(path, read_only=True, immutable=immutable)
    except sqlite3.Error as error:
        raise translate(error, path, writing=False) from error
    try:
        return inspect(connection, path).pending
    except LibraryCorrupt as error:
        raise LibraryCorrupt(str(error), backup_files.list_backups(folder)) from None
    except sqlite3.Error as error:
        raise translate(error, path, writing=False) from error
    finally:
        connection.close()
