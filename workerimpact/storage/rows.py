"""How an assessment maps onto the library's tables: the SQL that reads and writes rows.

Every function takes an open ``sqlite3`` connection and runs inside the caller's
transaction; none of them commits, checks permissions or decides what may change (that is
``Library``'s job). Questionnaires are stored once per content hash and parsed once per
library through a ``QuestionnaireCache``. Every stored part is checked as it is read
(``AssessmentDamaged`` says what failed); the list and the history are read in
``workerimpact.storage.listing``. The tables themselves are defined in
``workerimpact.storage.schema``.

This module reads rows; writing them lives in ``workerimpact.storage.row_writes`` and the
column lists and conversions in ``workerimpact.storage.columns``. Both are re-exported
here, so callers keep one namespace: ``rows.load``, ``rows.insert``, ``rows.iso``.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Any

from workerimpact.assessment import Answer, Assessment, Metadata, answer_problem
from workerimpact.errors import InputError
from workerimpact.i18n import t
from workerimpact.questionnaire import Question
from workerimpact.storage.checked import UNREADABLE, QuestionnaireCache, damaged, shown
from workerimpact.storage.columns import (
    ANSWER_FIELDS,
    EDITABLE_FIELDS,
    METADATA_FIELDS,
    Change,
    iso,
    json_text,
    now_key,
    stored_json,
)
from workerimpact.storage.errors import AssessmentNotFound
from workerimpact.storage.records import ScoreSummary
from workerimpact.storage.row_writes import (
    insert,
    record,
    save_answer,
    save_metadata,
    save_status,
    save_summary,
)
from workerimpact.validation import suggest

__all__ = [
    "ANSWER_FIELDS",
    "EDITABLE_FIELDS",
    "METADATA_FIELDS",
    "Change",
    "editable_metadata",
    "exists",
    "find_question",
    "insert",
    "iso",
    "json_text",
    "load",
    "load_metadata",
    "now_key",
    "record",
    "save_answer",
    "save_metadata",
    "save_status",
    "save_summary",
    "state",
    "stored_answer",
    "stored_summary",
    "stored_updated",
]


def _not_found(assessment_id: str) -> AssessmentNotFound:
    return AssessmentNotFound(
        t('There is no assessment "{assessment_id}" in the library.', assessment_id=assessment_id)
    )


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
                value=stored_json(value, assessment_id, t("an answer")),
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
    return (
        (stored_json(row[0], assessment_id, t("an answer")), row[1], row[2])
        if row
        else (None, "", "")
    )


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
