"""Reading the library's list and history: rows into values, damaged rows included.

``summaries`` reads only the ``assessments`` table (it must list 10,000 assessments fast) and
never fails on one damaged row: it is listed, marked ``damaged``. ``history`` reads one
assessment's changes. Both run inside the caller's transaction, like ``rows``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
from typing import Any

from workerimpact.i18n import t
from workerimpact.storage.checked import UNREADABLE, damaged
from workerimpact.storage.records import AssessmentSummary, HistoryEntry

_SUMMARY_COLUMNS = (
    "id, organization, site, system, vendor, titles, status, level, score, answered, shown, "
    "required_unanswered, created, updated, revision, previous_revision, deleted, assessor, role, "
    "level_questions, level_answered"
)


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
    return [_summary(row) for row in rows]


_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def _summary(row: tuple[Any, ...]) -> AssessmentSummary:
    """One list row; a damaged one is still listed (marked ``damaged``), never fatal."""
    try:
        return _checked_summary(row)
    except UNREADABLE:
        pass

    def text(value: Any) -> str:
        return value if isinstance(value, str) else ""

    def number(value: Any) -> int:
        return value if isinstance(value, int) and not isinstance(value, bool) else 0

    def moment(value: Any) -> dt.datetime:
        try:
            return dt.datetime.fromisoformat(value)
        except UNREADABLE:
            return _EPOCH

    return AssessmentSummary(
        id=str(row[0]),
        organization=text(row[1]),
        site=text(row[2]),
        system=text(row[3]),
        vendor=text(row[4]),
        questionnaires=(),
        status=text(row[6]),
        level=None,
        score=None,
        answered=0,
        shown=0,
        required_unanswered=0,
        created=moment(row[12]),
        updated=moment(row[13]),
        revision=number(row[14]) or 1,
        previous_revision=row[15] if isinstance(row[15], str) else None,
        deleted=row[16] is not None,
        assessor=text(row[17]),
        role=text(row[18]),
        damaged=True,
    )


def _checked_summary(row: tuple[Any, ...]) -> AssessmentSummary:
    texts = (row[0], *row[1:5], row[6], row[17], row[18])
    titles = json.loads(row[5])
    counts = row[9:12]
    if (
        not all(isinstance(value, str) for value in texts)
        or not isinstance(titles, list)
        or not all(isinstance(title, str) for title in titles)
        or not all(isinstance(value, int) and value >= 0 for value in (*counts, row[14]))
        or not (row[7] is None or isinstance(row[7], str))
        or not (row[8] is None or isinstance(row[8], (int, float)))
        or not (row[15] is None or isinstance(row[15], str))
        or not all(value is None or isinstance(value, int) for value in row[19:21])
    ):
        raise ValueError(t("a stored value has the wrong type"))
    parse = dt.datetime.fromisoformat
    return AssessmentSummary(
        id=row[0],
        organization=row[1],
        site=row[2],
        system=row[3],
        vendor=row[4],
        questionnaires=tuple(titles),
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
    try:
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
    except UNREADABLE:
        raise damaged(assessment_id, t("its history of changes cannot be read")) from None


def localized_titles(
    conn: sqlite3.Connection,
    found: list[AssessmentSummary],
    language: str,
    known: dict[tuple[str, str], str | None],
) -> list[AssessmentSummary]:
    """``found`` with each questionnaire title in ``language`` where the stored
    questionnaire (found by its content hash) carries a translation; the stored title
    otherwise. ``known`` caches titles by (hash, language): a hash names one content."""
    if not found:
        return found
    hashes: dict[str, list[str]] = {}
    for assessment_id, content_hash in conn.execute(
        "SELECT assessment_id, questionnaire_hash FROM assessment_questionnaires "
        "ORDER BY assessment_id, position"
    ):
        hashes.setdefault(assessment_id, []).append(content_hash)
    missing = {h for row in found for h in hashes.get(row.id, ()) if (h, language) not in known}
    for content_hash in missing:
        stored = conn.execute(
            "SELECT content FROM questionnaires WHERE hash = ?", [content_hash]
        ).fetchone()
        known[(content_hash, language)] = _title_in(stored[0] if stored else None, language)
    shown: list[AssessmentSummary] = []
    for row in found:
        own = hashes.get(row.id, [])
        if row.damaged or len(own) != len(row.questionnaires):
            shown.append(row)
            continue
        titles = tuple(
            known.get((content_hash, language)) or stored
            for content_hash, stored in zip(own, row.questionnaires, strict=True)
        )
        shown.append(dataclasses.replace(row, questionnaires=titles))
    return shown


def _title_in(content: Any, language: str) -> str | None:
    """A stored questionnaire's title in ``language``, or None when it has none."""
    from workerimpact.translations import match_language

    try:
        data = json.loads(content)
        own = data.get("language", "en")
        translations = data.get("translations") or {}
        tag = match_language(language, [own, *translations])
        if tag is None or tag == own:
            return None
        title = translations[tag].get("title")
    except (TypeError, ValueError, AttributeError, KeyError):
        return None
    return title if isinstance(title, str) and title.strip() else None
