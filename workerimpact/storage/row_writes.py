"""Writing an assessment into the library's tables: the SQL of every change.

Like ``workerimpact.storage.rows`` (reading), every function takes an open ``sqlite3``
connection and runs inside the caller's transaction; none commits or decides what may
change. ``rows`` re-exports them all, so ``Library`` calls ``rows.insert``,
``rows.save_answer`` and the rest from one namespace.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Any

from workerimpact.assessment import Answer, Assessment, now, questionnaire_hash
from workerimpact.i18n import t
from workerimpact.jsonfile import canonical_json
from workerimpact.storage.checked import QuestionnaireCache
from workerimpact.storage.columns import (
    EDITABLE_FIELDS,
    METADATA_FIELDS,
    Change,
    iso,
    json_text,
    now_key,
    search_column,
    stored_json,
)
from workerimpact.storage.records import ScoreSummary
from workerimpact.storage.schema import sort_key


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
        "search_text": search_column(assessment.id, metadata, titles),
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
    titles = stored_json(
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
            search_column(assessment_id, metadata, titles),
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
