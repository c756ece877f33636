"""How an assessment maps onto the library's tables: the SQL that reads and writes rows.

Every function takes an open ``sqlite3`` connection and runs inside the caller's
transaction; none of them commits, checks permissions or decides what may change (that is
``Library``'s job). Questionnaires are stored once per content hash and parsed once per
library through a ``QuestionnaireCache``. Every stored part is checked as it is read
(``AssessmentDamaged`` says what failed); the list and the history are read in
``workerimpact.storage.listing``. The tables themselves are defined in
``workerimpact.storage.schema``.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from typing import Any

from workerimpact.assessment import (
    Answer,
    Assessment,
    Metadata,
    answer_problem,
    now,
    questionnaire_hash,
)
from workerimpact.errors import InputError
from workerimpact.i18n import t
from workerimpact.jsonfile import canonical_json
from workerimpact.questionnaire import Question
from workerimpact.storage.checked import UNREADABLE, QuestionnaireCache, damaged, shown
from workerimpact.storage.errors import AssessmentNotFound
from workerimpact.storage.records import ScoreSummary
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
    return AssessmentNotFound(
        t('There is no assessment "{assessment_id}" in the library.', assessment_id=assessment_id)
    )


def _json(text: Any, assessment_id: str, what: str) -> Any:
    try:
        return json.loads(text)
    except UNREADABLE:
        raise damaged(assessment_id, t("{what} cannot be read", what=what)) from None


# --- questionnaires ------------------------------------------------------------------------


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
            t(
                'this assessment does not use questionnaire "{questionnaire_id}"',
                questionnaire_id=questionnaire_id,
            )
            + suggest(questionnaire_id, [item for item, _ in rows]),
        )
    questionnaire = questionnaires.get(conn, found[0], assessment_id)
    question = questionnaire.question(question_id)
    if question is None:
        raise InputError.single(
            "",
            t(
                'questionnaire "{questionnaire_id}" has no question "{question_id}"',
                questionnaire_id=questionnaire_id,
                question_id=question_id,
            )
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
    try:
        return Metadata.model_validate(dict(zip(METADATA_FIELDS, row, strict=True)))
    except UNREADABLE:
        raise damaged(
            assessment_id, t("its details (organization, dates…) cannot be read")
        ) from None


def load(
    conn: sqlite3.Connection, assessment_id: str, questionnaires: QuestionnaireCache
) -> Assessment:
    """The whole assessment: metadata, its questionnaires in order, and its answers.

    Every stored part is checked as it is read: the questionnaires against their hash,
    each answer against its question. ``AssessmentDamaged`` says what failed.
    """
    metadata = load_metadata(conn, assessment_id)
    used = [
        questionnaires.get(conn, content_hash, assessment_id)
        for (content_hash,) in conn.execute(
            "SELECT questionnaire_hash FROM assessment_questionnaires "
            "WHERE assessment_id = ? ORDER BY position",
            [assessment_id],
        ).fetchall()
    ]
    if not used:
        raise damaged(assessment_id, t("the questionnaires it was answered against are missing"))
    by_id = {questionnaire.id: questionnaire for questionnaire in used}
    answers: dict[str, dict[str, Answer]] = {}
    for questionnaire_id, question_id, value, comment, evidence in conn.execute(
        "SELECT questionnaire_id, question_id, value, comment, evidence FROM answers "
        "WHERE assessment_id = ? ORDER BY rowid",
        [assessment_id],
    ).fetchall():
        questionnaire = by_id.get(questionnaire_id)
        question = questionnaire.question(question_id) if questionnaire else None
        if question is None:
            raise damaged(assessment_id, t("an answer belongs to no question it has"))
        try:
            answer = Answer(
                value=_json(value, assessment_id, t("an answer")),
                comment=comment,
                evidence=evidence,
            )
        except UNREADABLE:
            answer = None
        if answer is None or answer_problem(question, answer.value):
            detail = t(
                'the stored answer to "{text}" is not a valid answer', text=shown(question.text)
            )
            raise damaged(assessment_id, detail)
        answers.setdefault(questionnaire_id, {})[question_id] = answer
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
    return (_json(row[0], assessment_id, t("an answer")), row[1], row[2]) if row else (None, "", "")


def stored_updated(conn: sqlite3.Connection, assessment_id: str) -> dt.datetime:
    """When an assessment was last changed, as stored (the assessment must exist)."""
    updated = conn.execute(
        "SELECT updated FROM assessments WHERE id = ?", [assessment_id]
    ).fetchone()[0]
    try:
        return dt.datetime.fromisoformat(updated)
    except UNREADABLE:
        raise damaged(assessment_id, t("its last-changed time cannot be read")) from None


def editable_metadata(conn: sqlite3.Connection, assessment_id: str) -> dict[str, Any]:
    """The ``EDITABLE_FIELDS`` of an assessment, by name (the assessment must exist)."""
    row = conn.execute(
        f"SELECT {', '.join(EDITABLE_FIELDS)} FROM assessments WHERE id = ?",
        [assessment_id],
    ).fetchone()
    return dict(zip(EDITABLE_FIELDS, row, strict=True))


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
    titles = _json(
        conn.execute("SELECT titles FROM assessments WHERE id = ?", [assessment_id]).fetchone()[0],
        assessment_id,
        t("its questionnaire titles"),
    )
    assignments = ", ".join(f"{name} = ?" for name in EDITABLE_FIELDS)
    conn.execute(
        f"UPDATE assessments SET {assignments}, updated = ?, updated_key = ?, "
        "search_text = ? WHERE id = ?",
        [
            *(metadata[name] for name in EDITABLE_FIELDS),
            iso(moment),
            now_key(),
            _search(assessment_id, metadata, titles),
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
