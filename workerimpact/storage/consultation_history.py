"""The consultation's history in the library: writing a save's changes, reading them back.

``record_changes`` runs inside the transaction that saves a review or a response, so the
record and its history are on disk together or not at all. The forms save at each
keystroke; a run of saves that changes only the same field of the same entry, by the same
person, less than ``COALESCE_WITHIN`` apart, is kept as one entry (from the value before
the first keystroke to the value after the last), so typing a comment is one change, not
one per letter. ``names`` gives findings, sections and concerns their words from the
assessment's questionnaires and reviews, as they read when the change was made.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable, Sequence
from typing import Any

from workerimpact.consultation.history import Change, ConsultationEntry
from workerimpact.storage.checked import UNREADABLE, QuestionnaireCache
from workerimpact.storage.errors import AssessmentDamaged

COALESCE_WITHIN = dt.timedelta(minutes=2)
"""Saves of the same field closer together than this are one entry (typing, see above)."""


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def record_changes(
    conn: sqlite3.Connection,
    *,
    assessment_id: str,
    record: str,
    record_id: str,
    who: str,
    changes: Sequence[Change],
    at: dt.datetime,
) -> None:
    """Write one entry per change, inside the caller's transaction (see the module)."""
    if not changes:
        return
    moment = at.isoformat()
    if len(changes) == 1 and _coalesced(conn, record, record_id, who, changes[0], at):
        return
    conn.executemany(
        "INSERT INTO consultation_history (assessment_id, record, record_id, at, who, item, "
        "entry, field, old, new) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                assessment_id,
                record,
                record_id,
                moment,
                who,
                change.item,
                change.entry,
                change.field,
                _json(change.old),
                _json(change.new),
            )
            for change in changes
        ],
    )


def _coalesced(
    conn: sqlite3.Connection,
    record: str,
    record_id: str,
    who: str,
    change: Change,
    at: dt.datetime,
) -> bool:
    """Fold ``change`` into the record's newest entry when it continues it; True if done."""
    newest = conn.execute(
        "SELECT id, at, who, item, field, old, new FROM consultation_history "
        "WHERE record = ? AND record_id = ? ORDER BY id DESC LIMIT 1",
        [record, record_id],
    ).fetchone()
    if newest is None:
        return False
    row_id, when, by, item, field, old, new = newest
    try:
        recent = at - dt.datetime.fromisoformat(when) < COALESCE_WITHIN
    except UNREADABLE:
        return False
    if not (
        recent
        and (by, item, field) == (who, change.item, change.field)
        and new == _json(change.old)
    ):
        return False
    if old == _json(change.new):  # typed back to what it was: no change left
        conn.execute("DELETE FROM consultation_history WHERE id = ?", [row_id])
    else:
        conn.execute(
            "UPDATE consultation_history SET at = ?, entry = ?, new = ? WHERE id = ?",
            [at.isoformat(), change.entry, _json(change.new), row_id],
        )
    return True


def entries(
    conn: sqlite3.Connection,
    assessment_id: str,
    record: str | None = None,
    record_id: str | None = None,
) -> list[ConsultationEntry]:
    """The recorded changes of an assessment's consultation, oldest first (optionally of
    reviews or the response only, or of one record). A damaged row is left out."""
    clauses, parameters = ["assessment_id = ?"], [assessment_id]
    if record is not None:
        clauses.append("record = ?")
        parameters.append(record)
    if record_id is not None:
        clauses.append("record_id = ?")
        parameters.append(record_id)
    found = []
    for row in conn.execute(
        "SELECT at, who, record, record_id, item, entry, field, old, new FROM "
        f"consultation_history WHERE {' AND '.join(clauses)} ORDER BY id",
        parameters,
    ).fetchall():
        try:
            found.append(
                ConsultationEntry(
                    at=dt.datetime.fromisoformat(row[0]),
                    who=str(row[1]),
                    record=str(row[2]),
                    record_id=str(row[3]),
                    item=str(row[4]),
                    entry=str(row[5]),
                    field=str(row[6]),
                    old=None if row[7] is None else json.loads(row[7]),
                    new=None if row[8] is None else json.loads(row[8]),
                )
            )
        except UNREADABLE:
            continue
    return found


def names(
    conn: sqlite3.Connection, assessment_id: str, questionnaires: QuestionnaireCache
) -> Callable[[str], str]:
    """Names an item key in words: a finding by its title, a section by its questionnaire's
    and its own title, a concern by the title the representatives gave it. Looked up only
    when first asked; the key itself when it cannot be found."""
    known: dict[str, str] | None = None

    def load() -> dict[str, str]:
        words: dict[str, str] = {}
        try:
            for (content_hash,) in conn.execute(
                "SELECT questionnaire_hash FROM assessment_questionnaires "
                "WHERE assessment_id = ? ORDER BY position",
                [assessment_id],
            ).fetchall():
                questionnaire = questionnaires.get(conn, content_hash, assessment_id)
                for rule in questionnaire.rules:
                    words[f"finding:{questionnaire.id}/{rule.id}"] = rule.title
                for section in questionnaire.sections:
                    words[f"section:{questionnaire.id}/{section.id}"] = (
                        f"{questionnaire.title} › {section.title}"
                    )
        except AssessmentDamaged:  # its keys name its entries instead
            pass
        for (content,) in conn.execute(
            "SELECT content FROM reviews WHERE assessment_id = ?", [assessment_id]
        ).fetchall():
            try:
                data = json.loads(content)
                for concern in data.get("concerns", []):
                    words.setdefault(f"concern:{concern['id']}", str(concern["title"]))
            except (*UNREADABLE, KeyError, AttributeError):
                continue
        return words

    def name(item: str) -> str:
        nonlocal known
        if known is None:
            known = load()
        return known.get(item, item.split(":", 1)[-1])

    return name
