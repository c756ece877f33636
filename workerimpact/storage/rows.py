"""How an assessment maps onto the library's tables: the SQL that reads and writes rows.

Every function takes an open ``sqlite3`` connection and runs inside the caller's
transaction; none of them commits, checks permissions or decides what may change (that is
``Library``'s job). Questionnaires are stored once per content hash and parsed once per
library through a ``QuestionnaireCache``. The tables themselves are defined in
``workerimpact.storage.schema``.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from workerimpact.assessment import Answer, Assessment, Metadata, now, questionnaire_hash
from workerimpact.errors import InputError
from workerimpact.jsonfile import canonical_json
from workerimpact.questionnaire import Question, Questionnaire
from workerimpact.storage.database import damaged_message
from workerimpact.storage.errors import AssessmentNotFound, LibraryCorrupt
from workerimpact.storage.records import AssessmentSummary, HistoryEntry, ScoreSummary
from workerimpact.storage.schema import search_text, sort_key
from workerimpact.validation import suggest

METADATA_FIELDS = (
    "organization", "site", "system", "vendor", "purpose", "assessor", "role", "status",
    "created", "updated", "revision", "previous_revision", "stage", "stage_started",
)  # fmt: skip
"""The ``assessments`` columns that hold ``Metadata`` fields, named as in the model."""
EDITABLE_FIELDS = (
    "organization", "site", "system", "vendor", "purpose", "assessor", "role", "stage",
    "stage_started",
)  # fmt: skip
"""The metadata a user may change with ``Library.update_metadata``."""
ANSWER_FIELDS = ("value", "comment", "evidence")
"""The parts of an answer, each recorded separately in the history."""
_SEARCHED_FIELDS = ("organization", "site", "system", "vendor", "purpose", "assessor")
_SUMMARY_COLUMNS = (
    "id, organization, site, system, vendor, titles, status, level, score, answered, shown, "
    "required_unanswered, created, updated, revision, previous_revision, deleted, assessor, role, "
    "level_questions, level_answered"
)

Change = tuple[str | None, str | None, str, Any, Any]
"""One history entry to record: questionnaire id, question id, field, old value, new value."""


# --- small conversions -------------------------------------------------------------------


def iso(moment: dt.datetime) -> str:
    """The exact text pydantic writes for a datetime in the portable file."""
    return Metadata(updated=moment).model_dump(mode="json")["updated"]


def now_key() -> str:
    """The current UTC time as a sort key finer than a second (metadata times are whole)."""
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")


def json_text(value: Any) -> str:
    """A value as the JSON text the tables store (non-ASCII kept as is)."""
    return json.dumps(value, ensure_ascii=False)


def _search(assessment_id: str, metadata: dict[str, Any], titles: list[str]) -> str:
    return search_text([assessment_id, *(metadata[name] for name in _SEARCHED_FIELDS), *titles])


def _not_found(assessment_id: str) -> AssessmentNotFound:
    return AssessmentNotFound(f'There is no assessment "{assessment_id}" in the library.')


# --- questionnaires ------------------------------------------------------------------------


class QuestionnaireCache:
    """Stored questionnaires by content hash, each parsed from its row at most once."""

    def __init__(self, path: Path):
        """Start empty; ``path`` is the library file named when a stored one is damaged."""
        self.path = path
        self._parsed: dict[str, Questionnaire] = {}

    def get(self, conn: sqlite3.Connection, content_hash: str) -> Questionnaire:
        """The questionnaire stored under ``content_hash``; ``LibraryCorrupt`` if unreadable."""
        cached = self._parsed.get(content_hash)
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
        self._parsed[content_hash] = questionnaire
        return questionnaire

    def remember(self, content_hash: str, questionnaire: Questionnaire) -> None:
        """Keep a questionnaire just stored, unless one is already kept for that hash."""
        self._parsed.setdefault(content_hash, questionnaire)

    def clear(self) -> None:
        """Forget everything (after stored questionnaires were deleted)."""
        self._parsed.clear()


def find_question(
    conn: sqlite3.Connection,
    assessment_id: str,
    questionnaire_id: str,
    question_id: str,
    questionnaires: QuestionnaireCache,
) -> Question:
    """A question of one of the assessment's questionnaires; ``InputError`` if there is none."""
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
    questionnaire = questionnaires.get(conn, found[0])
    question = questionnaire.question(question_id)
    if question is None:
        raise InputError.single(
            "",
            f'questionnaire "{questionnaire_id}" has no question "{question_id}"'
            + suggest(question_id, [item.id for item in questionnaire.questions()]),
        )
    return question


# --- reading -------------------------------------------------------------------------------


def state(conn: sqlite3.Connection, assessment_id: str) -> tuple[str, str | None, str]:
    """An assessment's status, deletion time (None unless in the trash) and assessor.

    Raises ``AssessmentNotFound`` when there is no such assessment.
    """
    row = conn.execute(
        "SELECT status, deleted, assessor FROM assessments WHERE id = ?", [assessment_id]
    ).fetchone()
    if row is None:
        raise _not_found(assessment_id)
    return row


def exists(conn: sqlite3.Connection, assessment_id: str) -> bool:
    """True when the library has an assessment with this id (in the trash or not)."""
    return bool(conn.execute("SELECT 1 FROM assessments WHERE id = ?", [assessment_id]).fetchone())


def load_metadata(conn: sqlite3.Connection, assessment_id: str) -> Metadata:
    """An assessment's metadata; ``AssessmentNotFound`` when there is no such assessment."""
    row = conn.execute(
        f"SELECT {', '.join(METADATA_FIELDS)} FROM assessments WHERE id = ?",
        [assessment_id],
    ).fetchone()
    if row is None:
        raise _not_found(assessment_id)
    return Metadata.model_validate(dict(zip(METADATA_FIELDS, row, strict=True)))


def load(
    conn: sqlite3.Connection, assessment_id: str, questionnaires: QuestionnaireCache
) -> Assessment:
    """The whole assessment: metadata, its questionnaires in order, and its answers."""
    metadata = load_metadata(conn, assessment_id)
    used = [
        questionnaires.get(conn, content_hash)
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
    return Assessment(id=assessment_id, metadata=metadata, questionnaires=used, answers=answers)


def stored_summary(conn: sqlite3.Connection, assessment_id: str) -> ScoreSummary:
    """The score summary kept on an assessment's row (the assessment must exist)."""
    row = conn.execute(
        "SELECT level, score, answered, shown, required_unanswered, level_questions, "
        "level_answered FROM assessments WHERE id = ?",
        [assessment_id],
    ).fetchone()
    return ScoreSummary(*row)


def stored_answer(
    conn: sqlite3.Connection, assessment_id: str, questionnaire_id: str, question_id: str
) -> tuple[Any, str, str]:
    """A stored answer's value, comment and evidence; ``(None, "", "")`` if unanswered."""
    row = conn.execute(
        "SELECT value, comment, evidence FROM answers WHERE assessment_id = ? AND "
        "questionnaire_id = ? AND question_id = ?",
        [assessment_id, questionnaire_id, question_id],
    ).fetchone()
    return (json.loads(row[0]), row[1], row[2]) if row else (None, "", "")


def stored_updated(conn: sqlite3.Connection, assessment_id: str) -> dt.datetime:
    """When an assessment was last changed, as stored (the assessment must exist)."""
    updated = conn.execute(
        "SELECT updated FROM assessments WHERE id = ?", [assessment_id]
    ).fetchone()[0]
    return dt.datetime.fromisoformat(updated)


def editable_metadata(conn: sqlite3.Connection, assessment_id: str) -> dict[str, Any]:
    """The ``EDITABLE_FIELDS`` of an assessment, by name (the assessment must exist)."""
    row = conn.execute(
        f"SELECT {', '.join(EDITABLE_FIELDS)} FROM assessments WHERE id = ?",
        [assessment_id],
    ).fetchone()
    return dict(zip(EDITABLE_FIELDS, row, strict=True))


def summaries(
    conn: sqlite3.Connection, *, text: str, status: str | None, level: str | None, deleted: bool
) -> list[AssessmentSummary]:
    """The rows ``Library.summaries`` lists (see there), most recently updated first."""
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
            assessor=row[17],
            role=row[18],
            level_questions=row[19],
            level_answered=row[20],
        )
        for row in rows
    ]


def history(
    conn: sqlite3.Connection,
    assessment_id: str,
    questionnaire_id: str | None,
    question_id: str | None,
) -> list[HistoryEntry]:
    """An assessment's recorded changes, oldest first; optionally of one question only."""
    clauses = ["assessment_id = ?"]
    parameters = [assessment_id]
    if questionnaire_id is not None:
        clauses.append("questionnaire_id = ?")
        parameters.append(questionnaire_id)
    if question_id is not None:
        clauses.append("question_id = ?")
        parameters.append(question_id)
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


# --- writing -------------------------------------------------------------------------------


def insert(
    conn: sqlite3.Connection,
    assessment: Assessment,
    summary: ScoreSummary,
    event: str,
    detail: Any,
    questionnaires: QuestionnaireCache,
    order_key: str | None = None,
) -> None:
    """Add a whole assessment, with one history entry: ``event`` (``created``/``imported``).

    ``order_key`` places it in the list; by default its ``metadata.updated`` does.
    """
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
        questionnaires.remember(content_hash, questionnaire)
        hashes.append(content_hash)
    metadata = assessment.metadata.model_dump(mode="json")
    titles = [questionnaire.title for questionnaire in assessment.questionnaires]
    columns = {
        "id": assessment.id,
        **{name: metadata[name] for name in METADATA_FIELDS},
        "titles": json_text(titles),
        "search_text": _search(assessment.id, metadata, titles),
        "updated_key": order_key or sort_key(metadata["updated"]),
        "level": summary.level,
        "score": summary.score,
        "answered": summary.answered,
        "shown": summary.shown,
        "required_unanswered": summary.required_unanswered,
        "level_questions": summary.level_questions,
        "level_answered": summary.level_answered,
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
            (assessment.id, qid, question_id, json_text(a.value), a.comment, a.evidence)
            for qid, answers in assessment.answers.items()
            for question_id, a in answers.items()
        ],
    )
    record(conn, assessment.id, assessment.metadata.assessor, [(None, None, event, None, detail)])


def record(
    conn: sqlite3.Connection,
    assessment_id: str,
    assessor: str,
    changes: list[Change],
    at: dt.datetime | None = None,
) -> None:
    """Add history entries for ``changes``, made by ``assessor`` at ``at`` (default now)."""
    moment = iso(at or now())
    conn.executemany(
        "INSERT INTO history (assessment_id, at, assessor, questionnaire_id, question_id, "
        "field, old, new) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                assessment_id,
                moment,
                assessor,
                qid,
                question_id,
                field,
                json_text(old),
                json_text(new),
            )
            for qid, question_id, field, old, new in changes
        ],
    )


def save_answer(
    conn: sqlite3.Connection,
    assessment_id: str,
    questionnaire_id: str,
    question_id: str,
    answer: Answer,
) -> None:
    """Store one answer in place of the previous one; an empty answer removes it."""
    key = [assessment_id, questionnaire_id, question_id]
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
            [*key, json_text(answer.value), answer.comment, answer.evidence],
        )


def save_summary(
    conn: sqlite3.Connection, assessment_id: str, moment: dt.datetime, summary: ScoreSummary
) -> None:
    """Mark an assessment updated at ``moment`` (ordered as of now), with its new score."""
    conn.execute(
        "UPDATE assessments SET updated = ?, updated_key = ?, level = ?, score = ?, "
        "answered = ?, shown = ?, required_unanswered = ?, level_questions = ?, "
        "level_answered = ? WHERE id = ?",
        [
            iso(moment),
            now_key(),
            summary.level,
            summary.score,
            summary.answered,
            summary.shown,
            summary.required_unanswered,
            summary.level_questions,
            summary.level_answered,
            assessment_id,
        ],
    )


def save_metadata(
    conn: sqlite3.Connection, assessment_id: str, metadata: dict[str, Any], moment: dt.datetime
) -> None:
    """Store the ``EDITABLE_FIELDS`` of ``metadata`` (JSON data), updated at ``moment``."""
    titles = conn.execute(
        "SELECT titles FROM assessments WHERE id = ?", [assessment_id]
    ).fetchone()[0]
    assignments = ", ".join(f"{name} = ?" for name in EDITABLE_FIELDS)
    conn.execute(
        f"UPDATE assessments SET {assignments}, updated = ?, updated_key = ?, "
        "search_text = ? WHERE id = ?",
        [
            *(metadata[name] for name in EDITABLE_FIELDS),
            iso(moment),
            now_key(),
            _search(assessment_id, metadata, json.loads(titles)),
            assessment_id,
        ],
    )


def save_status(
    conn: sqlite3.Connection, assessment_id: str, status: str, moment: dt.datetime
) -> None:
    """Store an assessment's new status, updated at ``moment`` (ordered as of now)."""
    conn.execute(
        "UPDATE assessments SET status = ?, updated = ?, updated_key = ? WHERE id = ?",
        [status, iso(moment), now_key(), assessment_id],
    )
