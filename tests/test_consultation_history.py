"""The consultation's history: a review and a response keep one entry per changed field,
written with the record in one transaction, named in words, and the 0005 upgrade of a
library made by the previous version keeps its reviews and responses as they were."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest
from consultation_helpers import FIRST, SECOND, two_findings

from workerimpact.consultation import (
    Concern,
    FindingPosition,
    ItemResponse,
    Measure,
    Opinion,
    SectionPosition,
    new_response,
)
from workerimpact.consultation.history import describe
from workerimpact.storage import Library, LibraryError
from workerimpact.storage.schema import SCHEMA_VERSION, known_migrations

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "storage"
FINDING_TITLE = "Calls are recorded without notice to workers"
SECTION = "call-centre-monitoring/monitoring"


def _fields(entries) -> list[tuple[str, str, object, object]]:
    return [(entry.entry, entry.field, entry.old, entry.new) for entry in entries]


def test_each_save_of_a_review_records_each_changed_field_in_words(data_home):
    with Library.open() as library:
        stored = library.import_assessment(two_findings())
        review = library.start_review(stored.id, reviewers="Works council")
        assert _fields(library.consultation_history(stored.id)) == [
            ("reviewers", "reviewers", "", "Works council")
        ]
        review.findings[FIRST] = FindingPosition(position="disagree", comment="Never told")
        review.sections[SECTION] = SectionPosition(verdict="to_be_improved")
        library.save_review(review)
        review.findings[FIRST] = FindingPosition(position="partly", comment="Never told")
        review.concerns.append(Concern(id="c1", title="Night shifts", severity="high"))
        review.opinion = Opinion(verdict="unfavourable", asked_on=dt.date(2026, 11, 2))
        library.save_review(review)
        review.concerns.clear()
        library.save_review(review)
        library.save_review(review)  # nothing changed: nothing recorded
        review.findings[SECOND] = FindingPosition(position="agree")
        library.save_review(review, by="Ana Ruiz")  # the window names the person
        entries = library.consultation_history(stored.id, "review", review.id)
        assert (entries[-1].who, entries[-1].field) == ("Ana Ruiz", "position")
        entries = entries[:-1]
    assert _fields(entries[1:]) == [
        (FINDING_TITLE, "position", None, "disagree"),
        (FINDING_TITLE, "comment", None, "Never told"),
        (
            "Call-centre speech analytics › What the tool monitors",
            "verdict",
            None,
            "to_be_improved",
        ),
        (FINDING_TITLE, "position", "disagree", "partly"),
        ("Night shifts", "title", None, "Night shifts"),
        ("Night shifts", "severity", None, "high"),
        ("overall opinion", "verdict", None, "unfavourable"),
        ("overall opinion", "asked_on", None, "2026-11-02"),
        ("Night shifts", "removed", "Night shifts", None),
    ]
    assert {entry.who for entry in entries} == {"Works council"}
    assert entries[1].item == f"finding:{FIRST}" and entries[5].item == "concern:c1"
    assert entries[1].at.tzinfo is not None
    line = describe(entries[4])
    assert f"Finding: {FINDING_TITLE}: position: disagree → partly agree" in line
    assert "Works council" in line


def test_typing_a_comment_saved_at_each_keystroke_is_one_entry(data_home):
    with Library.open() as library:
        stored = library.import_assessment(two_findings())
        review = library.start_review(stored.id)
        for typed in ("N", "No", "Not", "Not told"):
            review.findings[FIRST] = FindingPosition(comment=typed)
            library.save_review(review)
        assert _fields(library.consultation_history(stored.id)) == [
            (FINDING_TITLE, "comment", None, "Not told")
        ]
        review.findings[SECOND] = FindingPosition(comment="Too fast")  # another entry
        library.save_review(review)
        for typed in ("Not tol", "Not to", "Not told"):  # back to what it was: still there
            review.findings[FIRST] = FindingPosition(comment=typed)
            library.save_review(review)
        history = library.consultation_history(stored.id)
    assert _fields(history) == [
        (FINDING_TITLE, "comment", None, "Not told"),
        ("Scores affect pay or discipline without full human review", "comment", None, "Too fast"),
    ]


def test_a_review_and_its_history_are_saved_together_or_not_at_all(data_home):
    with Library.open() as library:
        stored = library.import_assessment(two_findings())
        review = library.start_review(stored.id, reviewers="Works council")
    connection = sqlite3.connect(data_home / "library.sqlite3")
    connection.execute(
        "CREATE TRIGGER refuse BEFORE UPDATE ON reviews BEGIN SELECT RAISE(ABORT, 'no'); END"
    )
    connection.execute(
        "CREATE TRIGGER refuse_insert BEFORE INSERT ON reviews "
        "WHEN EXISTS (SELECT 1 FROM reviews WHERE id = NEW.id) "
        "BEGIN SELECT RAISE(ABORT, 'no'); END"
    )
    connection.commit()
    connection.close()
    with Library.open() as library:
        before = library.consultation_history(stored.id)
        review.findings[FIRST] = FindingPosition(position="disagree")
        with pytest.raises(LibraryError):
            library.save_review(review)
        assert library.consultation_history(stored.id) == before
        assert library.own_review(stored.id).findings == {}


def test_the_response_records_answers_measures_and_the_decision(data_home):
    with Library.open() as library:
        stored = library.import_assessment(two_findings())
        review = library.start_review(stored.id)
        review.concerns.append(Concern(id="c1", title="Night shifts"))
        library.save_review(review)
        response = new_response(None, stored.id, responder="HR")
        response.items[f"finding:{FIRST}"] = ItemResponse(
            response="We will tell everyone",
            measures=[Measure(id="m1", description="Written notice", owner="HR")],
        )
        response.items["concern:c1"] = ItemResponse(response="No night shifts")
        library.save_response(response)
        measure = response.items[f"finding:{FIRST}"].measures[0]
        measure.status = "done"
        response.decision = "go_ahead_with_conditions"
        response.next_review = dt.date(2027, 6, 1)
        library.save_response(response)
        entries = library.consultation_history(stored.id, "response")
    assert _fields(entries) == [
        ("responder", "responder", "", "HR"),
        (FINDING_TITLE, "response", None, "We will tell everyone"),
        ("Night shifts", "response", None, "No night shifts"),
        ("Written notice", "description", None, "Written notice"),
        ("Written notice", "owner", None, "HR"),
        ("Written notice", "status", None, "planned"),
        ("Written notice", "status", "planned", "done"),
        ("decision", "decision", None, "go_ahead_with_conditions"),
        ("decision", "next_review", None, "2027-06-01"),
    ]
    assert {entry.who for entry in entries} == {"HR"}
    assert "Measure: Written notice: status: planned → done" in describe(entries[6])


def test_emptying_the_trash_takes_the_consultation_history_too(data_home):
    with Library.open() as library:
        stored = library.import_assessment(two_findings())
        library.start_review(stored.id, reviewers="Works council")
        library.delete(stored.id)
        library.empty_trash()
        assert library.consultation_history(stored.id) == []


def test_a_library_of_the_previous_version_keeps_its_reviews_and_gets_history(data_home):
    shutil.copyfile(FIXTURES / "library-v4.sqlite3", data_home / "library.sqlite3")
    old = sqlite3.connect(data_home / "library.sqlite3")
    assert old.execute("PRAGMA user_version").fetchone()[0] == 4
    before = dict(old.execute("SELECT id, content FROM reviews"))
    response_before = old.execute("SELECT content FROM responses").fetchone()[0]
    old.close()
    with Library.open() as library:
        (summary,) = library.summaries()
        (review,) = library.reviews(summary.id)
        assert review.findings[FIRST].comment == "Not told — nicht informiert"
        assert review.concerns[0].title == "Night shifts"
        assert library.response(summary.id).items[f"finding:{FIRST}"].measures[0].owner == "HR"
        assert library.consultation_history(summary.id) == []  # none kept before 0005
        backups = library.backups()
        review.opinion = Opinion(verdict="with_conditions", asked_on=dt.date(2026, 11, 2))
        library.save_review(review)
        assert _fields(library.consultation_history(summary.id)) == [
            ("overall opinion", "verdict", "unfavourable", "with_conditions")
        ]
    assert any("before-upgrade" in item.path.name for item in backups)
    upgraded = sqlite3.connect(data_home / "library.sqlite3")
    assert upgraded.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert "0005_consultation_history" in known_migrations()
    applied = [name for (name,) in upgraded.execute("SELECT name FROM _sqlite_migrations")]
    assert applied == known_migrations()
    assert upgraded.execute("SELECT content FROM responses").fetchone()[0] == response_before
    assert list(before) == [review.id]
    upgraded.close()


def test_backups_hold_the_history_and_recovering_an_assessment_leaves_it(data_home):
    with Library.open() as library:
        stored = library.import_assessment(two_findings())
        review = library.start_review(stored.id, reviewers="Works council")
        review.findings[FIRST] = FindingPosition(position="disagree")
        library.save_review(review)
        backup = library.backup()
        review.findings[FIRST] = FindingPosition(position="partly")  # after the backup
        library.save_review(review)
        before = library.consultation_history(stored.id)
    copy = sqlite3.connect(backup.path)
    assert copy.execute("SELECT count(*) FROM consultation_history").fetchone()[0] == 2
    copy.close()
    damage = sqlite3.connect(data_home / "library.sqlite3")
    damage.execute("UPDATE answers SET value = '{' WHERE assessment_id = ?", [stored.id])
    damage.commit()
    damage.close()
    with Library.open() as library:
        assert library.recover(stored.id) == backup.path
        assert library.consultation_history(stored.id) == before  # newer than the backup
        assert library.own_review(stored.id).findings[FIRST].position == "partly"
