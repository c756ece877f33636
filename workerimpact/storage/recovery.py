"""Taking one damaged assessment back from a backup, leaving the rest of the library as it is.

Restoring a whole backup also takes every other assessment back to that day. When only one
assessment is damaged, ``find_whole_copy`` looks through the backups (newest first, or the
one named) for a copy of it that passes every check on read, and ``put_back`` replaces the
damaged rows with that copy's, in one transaction, with a history entry saying where it
came from. Nothing else in the library changes.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workerimpact.i18n import t
from workerimpact.storage import rows
from workerimpact.storage.backups import check_backup, list_backups
from workerimpact.storage.checked import QuestionnaireCache, shown
from workerimpact.storage.database import connect
from workerimpact.storage.errors import AssessmentNotFound, LibraryError
from workerimpact.storage.schema import SCHEMA_VERSION

_BY_ASSESSMENT = ("assessments", "assessment_questionnaires", "answers", "history")
# Not here on purpose: ``reviews``, ``responses`` and ``consultation_history`` have no
# cascading key to ``assessments``, so putting an assessment back leaves its consultation
# record, and that record's history, as they are now (newer than any backup).


@dataclass(frozen=True, slots=True)
class WholeCopy:
    """An assessment's rows as a backup holds them, table by table (column names, rows)."""

    backup: Path
    tables: dict[str, tuple[list[str], list[tuple[Any, ...]]]]


def find_whole_copy(folder: Path, assessment_id: str, backup: Path | None = None) -> WholeCopy:
    """The newest backup copy of an assessment that passes every check on read.

    Raises ``LibraryError`` saying why when no backup (or not the one named) holds it whole.
    """
    candidates = [Path(backup)] if backup else [item.path for item in list_backups(folder)]
    reasons = []
    for candidate in candidates:
        try:
            return _read_copy(candidate, assessment_id)
        except LibraryError as error:
            if backup:
                raise
            reasons.append(f"{candidate.name}: {error}")
    detail = t(" ({count} looked at)", count=len(reasons)) if reasons else t(" (there are none)")
    raise LibraryError(
        t(
            'No backup holds the assessment "{assessment_id}" '
            "whole{detail}. Restore a whole backup from Settings → "
            "Backups or `workerimpact library restore`, or move the "
            "damaged assessment to the trash.",
            assessment_id=shown(assessment_id),
            detail=detail,
        )
    )


def _read_copy(backup: Path, assessment_id: str) -> WholeCopy:
    check_backup(backup)
    try:
        connection = connect(backup, read_only=True, immutable=True)
    except sqlite3.Error as error:
        raise LibraryError(
            t("The backup {backup} cannot be read: {error}.", backup=backup, error=error)
        ) from None
    try:
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if version != SCHEMA_VERSION:
            raise LibraryError(
                t("The backup {name} was made by another version.", name=backup.name)
            )
        rows.load(connection, assessment_id, QuestionnaireCache(backup))
        tables = {name: _select(connection, name, assessment_id) for name in _BY_ASSESSMENT}
        hashes = [row[0] for row in connection.execute(
            "SELECT questionnaire_hash FROM assessment_questionnaires WHERE assessment_id = ?",
            [assessment_id],
        )]  # fmt: skip
        cursor = connection.execute(
            f"SELECT * FROM questionnaires WHERE hash IN ({', '.join('?' for _ in hashes)})",
            hashes,
        )
        tables["questionnaires"] = ([item[0] for item in cursor.description], cursor.fetchall())
    except AssessmentNotFound:
        raise LibraryError(
            t("The backup {name} does not hold this assessment.", name=backup.name)
        ) from None
    except sqlite3.Error as error:
        raise LibraryError(
            t("The backup {backup} cannot be read: {error}.", backup=backup, error=error)
        ) from None
    finally:
        connection.close()
    return WholeCopy(backup=backup, tables=tables)


def _select(
    connection: sqlite3.Connection, table: str, assessment_id: str
) -> tuple[list[str], list[tuple[Any, ...]]]:
    key = "id" if table == "assessments" else "assessment_id"
    order = "id" if table == "history" else "rowid"
    cursor = connection.execute(
        f"SELECT * FROM {table} WHERE {key} = ? ORDER BY {order}", [assessment_id]
    )
    names = [item[0] for item in cursor.description]
    return names, cursor.fetchall()


def put_back(conn: sqlite3.Connection, copy: WholeCopy, assessment_id: str) -> None:
    """Replace the assessment's rows with ``copy``'s, inside the caller's transaction.

    Questionnaire rows are put back too (a damaged one is shared content, keyed by its
    hash); history rows get new ids so they cannot collide with entries made since.
    """
    conn.execute("DELETE FROM assessments WHERE id = ?", [assessment_id])  # cascades
    for table in ("questionnaires", *_BY_ASSESSMENT):
        names, values = copy.tables[table]
        own = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
        if sorted(names) != sorted(own):  # names go into SQL: only the library's own
            raise LibraryError(
                t("The backup {name} has a different layout.", name=copy.backup.name)
            )
        wanted = [name for name in own if not (table == "history" and name == "id")]
        positions = [names.index(name) for name in wanted]
        names = wanted
        values = [tuple(row[index] for index in positions) for row in values]
        verb = "INSERT OR REPLACE" if table == "questionnaires" else "INSERT"
        conn.executemany(
            f"{verb} INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})",
            values,
        )
    assessor = rows.state(conn, assessment_id)[2]
    rows.record(
        conn,
        assessment_id,
        assessor,
        [(None, None, "recovered", None, {"backup": copy.backup.name})],
    )
