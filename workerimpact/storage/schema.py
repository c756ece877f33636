"""The library's tables and how an older library is brought up to date.

Migrations run through ``sqlite_utils.Migrations``: each one, together with the record that
it was applied, is one transaction, so a crash mid-upgrade leaves the previous version
intact. Each migration also sets ``PRAGMA user_version`` to its number; a library whose
``user_version`` is higher than ``SCHEMA_VERSION``, or which records a migration this
program does not know, was written by a newer WorkerImpact and is refused untouched.
"""

from __future__ import annotations

import datetime as dt
import json

from sqlite_utils import Database, Migrations

MIGRATION_SET = "workerimpact-library"
migrations = Migrations(MIGRATION_SET)


@migrations(name="0001_initial")
def _initial(db: Database) -> None:
    # Metadata lives in plain columns so it can be listed and filtered; datetimes are kept
    # as the exact text of the portable file so an import → export round trip is exact.
    statements = [
        """CREATE TABLE questionnaires (
            hash TEXT PRIMARY KEY,
            id TEXT NOT NULL,
            version TEXT NOT NULL,
            title TEXT NOT NULL,
            content TEXT NOT NULL
        )""",
        """CREATE TABLE assessments (
            id TEXT PRIMARY KEY,
            organization TEXT NOT NULL DEFAULT '',
            site TEXT NOT NULL DEFAULT '',
            system TEXT NOT NULL DEFAULT '',
            vendor TEXT NOT NULL DEFAULT '',
            purpose TEXT NOT NULL DEFAULT '',
            assessor TEXT NOT NULL DEFAULT '',
            role TEXT NOT NULL DEFAULT 'employer',
            status TEXT NOT NULL DEFAULT 'draft',
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            revision INTEGER NOT NULL DEFAULT 1,
            previous_revision TEXT,
            deleted TEXT,
            level TEXT,
            score REAL,
            answered INTEGER NOT NULL DEFAULT 0,
            shown INTEGER NOT NULL DEFAULT 0,
            required_unanswered INTEGER NOT NULL DEFAULT 0
        )""",
        """CREATE TABLE assessment_questionnaires (
            assessment_id TEXT NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            questionnaire_hash TEXT NOT NULL REFERENCES questionnaires(hash),
            PRIMARY KEY (assessment_id, position)
        )""",
        """CREATE TABLE answers (
            assessment_id TEXT NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
            questionnaire_id TEXT NOT NULL,
            question_id TEXT NOT NULL,
            value TEXT NOT NULL,
            comment TEXT NOT NULL DEFAULT '',
            evidence TEXT NOT NULL DEFAULT '',
            UNIQUE (assessment_id, questionnaire_id, question_id)
        )""",
        """CREATE TABLE history (
            id INTEGER PRIMARY KEY,
            assessment_id TEXT NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
            at TEXT NOT NULL,
            assessor TEXT NOT NULL DEFAULT '',
            questionnaire_id TEXT,
            question_id TEXT,
            field TEXT NOT NULL,
            old TEXT,
            new TEXT
        )""",
        "CREATE INDEX history_by_question ON history (assessment_id, questionnaire_id, "
        "question_id)",
        "PRAGMA user_version = 1",
    ]
    for statement in statements:
        db.execute(statement)


@migrations(name="0002_listing")
def _listing(db: Database) -> None:
    # Listing 10,000 assessments must not join or parse anything: questionnaire titles, a
    # case-folded search text and a UTC sort key are kept on the row itself.
    db.execute("ALTER TABLE assessments ADD COLUMN titles TEXT NOT NULL DEFAULT '[]'")
    db.execute("ALTER TABLE assessments ADD COLUMN search_text TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE assessments ADD COLUMN updated_key TEXT NOT NULL DEFAULT ''")
    rows = db.execute(
        "SELECT id, organization, site, system, vendor, purpose, assessor, updated FROM assessments"
    ).fetchall()
    for row in rows:
        titles = [
            title
            for (title,) in db.execute(
                "SELECT q.title FROM assessment_questionnaires AS a JOIN questionnaires AS q "
                "ON q.hash = a.questionnaire_hash WHERE a.assessment_id = ? ORDER BY a.position",
                [row[0]],
            )
        ]
        db.execute(
            "UPDATE assessments SET titles = ?, search_text = ?, updated_key = ? WHERE id = ?",
            [
                json.dumps(titles, ensure_ascii=False),
                search_text([row[0], *row[1:7], *titles]),
                sort_key(row[7]),
                row[0],
            ],
        )
    db.execute("CREATE INDEX assessments_by_update ON assessments (updated_key)")
    db.execute("PRAGMA user_version = 2")


@migrations(name="0003_stage")
def _stage(db: Database) -> None:
    # The assessed system's stage (planned, pilot, in_operation) and when it started; NULL
    # for assessments made before stages existed.
    db.execute("ALTER TABLE assessments ADD COLUMN stage TEXT")
    db.execute("ALTER TABLE assessments ADD COLUMN stage_started TEXT")
    # How many of the questions the levels rest on are answered (NULL until rescored), so
    # the list can say a level is provisional without rescoring.
    db.execute("ALTER TABLE assessments ADD COLUMN level_questions INTEGER")
    db.execute("ALTER TABLE assessments ADD COLUMN level_answered INTEGER")
    db.execute("PRAGMA user_version = 3")


@migrations(name="0004_consultation")
def _consultation(db: Database) -> None:
    # The workers' representatives' reviews and the employer's responses (issue 13). Not
    # tied to ``assessments`` by a cascading key: recovering or re-importing an assessment
    # must never take its consultation record with it. Independent of any other migration.
    db.execute(
        """CREATE TABLE IF NOT EXISTS reviews (
            id TEXT PRIMARY KEY,
            assessment_id TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            revision INTEGER NOT NULL,
            received INTEGER NOT NULL DEFAULT 0,
            updated TEXT NOT NULL,
            content TEXT NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE IF NOT EXISTS responses (
            assessment_id TEXT PRIMARY KEY,
            review_id TEXT,
            updated TEXT NOT NULL,
            content TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX IF NOT EXISTS reviews_by_assessment ON reviews (assessment_id)")
    db.execute(f"PRAGMA user_version = {max(_user_version(db), len(migrations._migrations))}")


@migrations(name="0005_consultation_history")
def _consultation_history(db: Database) -> None:
    # One row per changed field of a review or a response (issue 13), as ``history`` is for
    # answers. Like ``reviews`` it is not tied to ``assessments`` by a cascading key:
    # recovering an assessment from a backup leaves its consultation record as it is.
    db.execute(
        """CREATE TABLE IF NOT EXISTS consultation_history (
            id INTEGER PRIMARY KEY,
            assessment_id TEXT NOT NULL,
            record TEXT NOT NULL,
            record_id TEXT NOT NULL,
            at TEXT NOT NULL,
            who TEXT NOT NULL DEFAULT '',
            item TEXT NOT NULL,
            entry TEXT NOT NULL DEFAULT '',
            field TEXT NOT NULL,
            old TEXT,
            new TEXT
        )"""
    )
    db.execute(
        "CREATE INDEX IF NOT EXISTS consultation_history_by_record "
        "ON consultation_history (assessment_id, record, record_id)"
    )
    db.execute(f"PRAGMA user_version = {max(_user_version(db), len(migrations._migrations))}")


@migrations(name="0006_received_check")
def _received_check(db: Database) -> None:
    # What verify said of the report a received assessment was added from (verdict, who
    # signed it, when it was checked), so the window shows it every time the record is
    # opened. Like the consultation tables, not tied to
    # ``assessments`` by a cascading key: recovering an assessment from a backup keeps it.
    db.execute(
        """CREATE TABLE IF NOT EXISTS received_checks (
            assessment_id TEXT PRIMARY KEY,
            verdict TEXT NOT NULL,
            signer TEXT NOT NULL DEFAULT '',
            organization TEXT NOT NULL DEFAULT '',
            fingerprint TEXT NOT NULL DEFAULT '',
            checked TEXT NOT NULL,
            assessment_fingerprint TEXT NOT NULL DEFAULT '',
            signers TEXT NOT NULL DEFAULT '[]'
        )"""
    )
    db.execute(f"PRAGMA user_version = {max(_user_version(db), len(migrations._migrations))}")


def _user_version(db: Database) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


SCHEMA_VERSION = len(migrations._migrations)
"""The ``user_version`` of a library this program writes (the number of migrations)."""


def known_migrations() -> list[str]:
    """Names of every migration this program knows, in order."""
    return [migration.name for migration in migrations._migrations]


def search_text(parts: list[str]) -> str:
    """The text ``summaries(text=...)`` searches: the parts, case-folded, one per line."""
    return "\n".join(part.casefold() for part in parts if part)


def sort_key(updated: str) -> str:
    """A UTC timestamp that sorts as text, from the ISO text of ``metadata.updated``."""
    try:
        moment = dt.datetime.fromisoformat(updated)
    except ValueError:
        return updated
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")
