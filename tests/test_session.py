"""AssessmentSession: validate, rescore in memory, persist, and only then change state."""

from __future__ import annotations

import pytest
from helpers import minimal, questionnaire_from, scored_question

from workerimpact.assessment import Answer, Metadata
from workerimpact.errors import InputError
from workerimpact.scoring import score_assessment
from workerimpact.session import UNSET, AnswerChange, AssessmentSession
from workerimpact.storage import AssessmentFinal, Library, LibraryReadOnly, StorageFull


@pytest.fixture
def questionnaire():
    return questionnaire_from(
        minimal(
            [
                scored_question("pace", "d1", scores=(0, 2, 4), required=True),
                scored_question("cover", "d2", role="mitigation"),
                {"id": "notes", "type": "text", "text": "Notes?"},
                {"id": "count", "type": "number", "text": "How many?", "minimum": 0},
            ]
        )
    )


@pytest.fixture
def library(data_home):
    with Library.open() as opened:
        yield opened


@pytest.fixture
def session(library, questionnaire):
    assessment = library.create([questionnaire], Metadata(organization="Acme", assessor="Ana"))
    return AssessmentSession(library, assessment.id, assessor="Bo")


def test_set_answer_rescores_persists_and_describes_the_change(session, library):
    assert session.result.answered == 0
    change = session.set_answer("t", "pace", value="o2")
    assert isinstance(change, AnswerChange)
    assert (change.before, change.after) == (None, Answer(value="o2"))
    assert change.result is session.result
    assert session.result.answered == 1
    assert session.result.overall.level == "severe"
    assert session.assessment.answer("t", "pace").value == "o2"
    stored = library.get(session.id)
    assert stored.answer("t", "pace").value == "o2"
    assert score_assessment(stored).overall == session.result.overall
    row = library.summaries()[0]
    assert (row.level, row.answered, row.required_unanswered) == ("severe", 1, 0)
    assert library.history(session.id, "t", "pace")[-1].assessor == "Bo"
    assert session.assessment.metadata.updated == library.metadata(session.id).updated


def test_fields_not_given_are_kept(session, library):
    session.set_answer("t", "pace", value="o1", comment="first")
    change = session.set_answer("t", "pace", evidence="memo")
    assert change.before == Answer(value="o1", comment="first")
    assert change.after == Answer(value="o1", comment="first", evidence="memo")
    session.set_answer("t", "pace", comment=UNSET, value="o0")
    assert library.get(session.id).answer("t", "pace") == Answer(
        value="o0", comment="first", evidence="memo"
    )


def test_clearing_an_answer_removes_it(session, library):
    session.set_answer("t", "notes", value="x")
    session.set_answer("t", "notes", value=None)
    assert session.assessment.answer("t", "notes") is None
    assert library.get(session.id).answers == {}
    assert session.result.answered == 0


@pytest.mark.parametrize(
    ("question", "value", "message"),
    [
        ("pace", "o7", "not an option"),
        ("count", -1, "at least 0"),
        ("count", "many", "expected a number"),
        ("notes", {"a": 1}, "value"),
        ("nothing", "x", "no question"),
    ],
)
def test_bad_values_are_input_errors_and_change_nothing(session, library, question, value, message):
    before = session.result
    with pytest.raises(InputError, match=message):
        session.set_answer("t", question, value=value)
    assert session.result is before
    assert session.assessment.answers == {}
    assert library.get(session.id).answers == {}


def test_failed_save_leaves_memory_unchanged(session, library):
    session.set_answer("t", "notes", value="kept")
    before = (session.assessment, session.result)
    connection = library._db.conn
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    connection.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(StorageFull):
        session.set_answer("t", "notes", value="z" * 400_000)
    assert (session.assessment, session.result) == before
    assert session.assessment.answer("t", "notes").value == "kept"


def test_metadata_status_and_final(session, library):
    updated = session.update_metadata(site="Leeds", system="Pick tracker")
    assert updated.metadata.site == "Leeds"
    assert library.metadata(session.id).system == "Pick tracker"
    with pytest.raises(InputError, match="set_status"):
        session.update_metadata(status="final")
    with pytest.raises(InputError):
        session.update_metadata(role="boss")
    session.set_status("final")
    assert session.read_only
    assert session.assessment.metadata.status == "final"
    with pytest.raises(AssessmentFinal):
        session.set_answer("t", "pace", value="o1")
    revision_id = session.new_revision()
    revision = AssessmentSession(library, revision_id)
    assert not revision.read_only
    assert revision.assessment.metadata.previous_revision == session.id
    revision.set_answer("t", "pace", value="o1")


def test_read_only_library_makes_a_read_only_session(session, data_home):
    assessment_id = session.id
    session.library.close()
    with Library.open(read_only=True) as library:
        reader = AssessmentSession(library, assessment_id)
        assert reader.read_only
        with pytest.raises(LibraryReadOnly):
            reader.set_answer("t", "pace", value="o1")
