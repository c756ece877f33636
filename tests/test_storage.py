"""The assessment library's everyday behaviour: create, answer, history, status and
revisions, trash, search, and the import → export round trip."""

from __future__ import annotations

import json
import sys
import types
from pathlib import Path

import pytest
from helpers import EXAMPLE, minimal, questionnaire_from, scored_question

from workerimpact.assessment import (
    Answer,
    Metadata,
    load_assessment,
    new_assessment,
    questionnaire_hash,
    save_assessment,
    to_json_data,
)
from workerimpact.errors import InputError
from workerimpact.loader import load_questionnaire
from workerimpact.scoring import score_assessment
from workerimpact.storage import (
    AssessmentFinal,
    AssessmentNotFound,
    Library,
    LibraryError,
    LibraryReadOnly,
    ScoreSummary,
)

TEXT_QUESTIONS = [
    scored_question("pace", "d1", required=True),
    scored_question("notice", "d2", role="mitigation"),
    {"id": "notes", "type": "text", "text": "Anything else?"},
    {"id": "since", "type": "date", "text": "Since when?"},
    {
        "id": "uses",
        "type": "multiple_choice",
        "text": "Used for?",
        "options": [{"id": "pay", "label": "Pay"}, {"id": "none", "label": "None"}],
    },
]


@pytest.fixture
def questionnaire():
    return questionnaire_from(minimal(TEXT_QUESTIONS))


@pytest.fixture
def library(data_home):
    with Library.open() as opened:
        yield opened


def make(library, questionnaire, **metadata):
    return library.create([questionnaire], Metadata(**metadata))


def test_open_creates_the_library_in_the_data_folder(data_home):
    with Library.open() as library:
        assert library.path == data_home / "library.sqlite3"
        assert library.path.is_file()
        assert not library.read_only and library.read_only_reason is None
        assert library.summaries() == []


def test_created_assessment_reads_back_with_its_questionnaires(library, questionnaire):
    created = make(library, questionnaire, organization="Acme", system="Pick tracker")
    loaded = library.get(created.id)
    assert loaded.metadata.organization == "Acme"
    assert [q.id for q in loaded.questionnaires] == ["t"]
    assert questionnaire_hash(loaded.questionnaires[0]) == questionnaire_hash(questionnaire)
    assert loaded.answers == {}
    assert library.summaries()[0].questionnaires == ("Test",)


def test_summaries_say_who_assessed(library, questionnaire):
    make(library, questionnaire, organization="Acme", assessor="Sam Rivera", role="union")
    summary = library.summaries()[0]
    assert (summary.assessor, summary.role) == ("Sam Rivera", "union")
    assert summary.to_json_data()["assessor"] == "Sam Rivera"


def test_unknown_id_is_not_found(library):
    with pytest.raises(AssessmentNotFound, match="nope"):
        library.get("nope")


def test_set_answer_persists_and_updates_the_summary(data_home, questionnaire):
    with Library.open() as library:
        assessment = make(library, questionnaire)
        answer = Answer(value="o2", comment="Zählt jede Minute — 每分钟", evidence="memo §3")
        library.set_answer(assessment.id, "t", "pace", answer, assessor="Ana")
    with Library.open() as library:
        assert library.get(assessment.id).answer("t", "pace") == answer
        summary = library.summaries()[0]
        expected = ScoreSummary.of(score_assessment(library.get(assessment.id)))
        assert (summary.level, summary.score, summary.answered) == (
            expected.level,
            expected.score,
            expected.answered,
        )
        assert summary.required_unanswered == 0
        assert summary.to_json_data()["progress"] == summary.answered * 100 // summary.shown


def test_set_answer_refuses_bad_values_and_unknown_questions(library, questionnaire):
    assessment = make(library, questionnaire)
    with pytest.raises(InputError, match="not an option"):
        library.set_answer(assessment.id, "t", "pace", Answer(value="o9"))
    with pytest.raises(InputError, match="no question"):
        library.set_answer(assessment.id, "t", "pase", Answer(value="o1"))
    with pytest.raises(InputError, match="does not use questionnaire"):
        library.set_answer(assessment.id, "x", "pace", Answer(value="o1"))
    assert library.get(assessment.id).answers == {}


def test_history_records_every_change_old_to_new(library, questionnaire):
    assessment = make(library, questionnaire, assessor="Default")
    library.set_answer(assessment.id, "t", "pace", Answer(value="o1"), assessor="Ana")
    library.set_answer(assessment.id, "t", "pace", Answer(value="o2", comment="why"), assessor="Bo")
    library.set_answer(assessment.id, "t", "notes", Answer(value="x"))
    library.set_answer(assessment.id, "t", "pace", Answer())  # cleared
    entries = library.history(assessment.id, "t", "pace")
    assert [(e.assessor, e.field, e.old, e.new) for e in entries] == [
        ("Ana", "value", None, "o1"),
        ("Bo", "value", "o1", "o2"),
        ("Bo", "comment", "", "why"),
        ("Default", "value", "o2", None),
        ("Default", "comment", "why", ""),
    ]
    assert library.get(assessment.id).answer("t", "pace") is None
    everything = library.history(assessment.id)
    assert everything[0].field == "created"
    assert {e.question_id for e in everything} == {None, "pace", "notes"}


def test_saving_the_same_answer_again_records_nothing(library, questionnaire):
    assessment = make(library, questionnaire)
    library.set_answer(assessment.id, "t", "pace", Answer(value="o1"))
    library.set_answer(assessment.id, "t", "pace", Answer(value="o1"))
    assert len(library.history(assessment.id, "t", "pace")) == 1


def test_metadata_and_status_changes_are_recorded(library, questionnaire):
    assessment = make(library, questionnaire, organization="Acme")
    changed = assessment.metadata.model_copy(update={"organization": "Acme Ltd", "site": "Leeds"})
    library.update_metadata(assessment.id, changed, assessor="Ana")
    library.set_status(assessment.id, "in_review")
    metadata = library.metadata(assessment.id)
    assert (metadata.organization, metadata.site, metadata.status) == (
        "Acme Ltd",
        "Leeds",
        "in_review",
    )
    fields = [(e.field, e.old, e.new) for e in library.history(assessment.id)[1:]]
    assert fields == [
        ("metadata.organization", "Acme", "Acme Ltd"),
        ("metadata.site", "", "Leeds"),
        ("status", "draft", "in_review"),
    ]
    with pytest.raises(InputError, match="not a status"):
        library.set_status(assessment.id, "done")


def test_final_assessment_is_read_only_and_revisions_link_back(library, questionnaire):
    assessment = make(library, questionnaire, organization="Acme")
    library.set_answer(assessment.id, "t", "pace", Answer(value="o2"))
    library.set_status(assessment.id, "final")
    with pytest.raises(AssessmentFinal):
        library.set_answer(assessment.id, "t", "pace", Answer(value="o0"))
    with pytest.raises(AssessmentFinal):
        library.set_status(assessment.id, "draft")
    with pytest.raises(AssessmentFinal):
        library.update_metadata(assessment.id, Metadata(organization="Other"))
    revision = library.new_revision(assessment.id)
    assert revision.id != assessment.id
    assert revision.metadata.revision == 2
    assert revision.metadata.previous_revision == assessment.id
    assert revision.metadata.status == "draft"
    library.set_answer(revision.id, "t", "pace", Answer(value="o0"))
    assert library.get(assessment.id).answer("t", "pace").value == "o2"
    assert library.get(revision.id).answer("t", "pace").value == "o0"
    rows = {row.id: row for row in library.summaries()}
    assert rows[revision.id].previous_revision == assessment.id
    assert rows[assessment.id].status == "final"
    third = library.new_revision(revision.id)
    assert third.metadata.revision == 3


def test_trash_hides_restores_and_empties(library, questionnaire):
    kept = make(library, questionnaire, organization="Kept")
    gone = make(library, questionnaire, organization="Gone")
    library.set_answer(gone.id, "t", "pace", Answer(value="o1"))
    library.delete(gone.id)
    assert [row.id for row in library.summaries()] == [kept.id]
    assert [row.id for row in library.summaries(deleted=True)] == [gone.id]
    assert library.summaries(deleted=True)[0].deleted
    with pytest.raises(LibraryError, match="trash"):
        library.set_answer(gone.id, "t", "pace", Answer(value="o2"))
    library.restore_deleted(gone.id)
    assert {row.id for row in library.summaries()} == {kept.id, gone.id}
    library.delete(gone.id)
    assert library.empty_trash() == 1
    with pytest.raises(AssessmentNotFound):
        library.get(gone.id)
    assert library.get(kept.id).questionnaires  # shared questionnaire kept for the other one
    assert library.empty_trash() == 0
    connection = library._db.conn
    assert connection.execute("SELECT DISTINCT assessment_id FROM history").fetchall() == [
        (kept.id,)
    ]
    assert connection.execute("SELECT count(*) FROM answers").fetchone() == (0,)


def test_list_is_newest_first_and_filters(library, questionnaire):
    first = make(library, questionnaire, organization="Ümlaut GmbH", system="Pick rate tracker")
    second = make(library, questionnaire, organization="Beta Corp", system="Camera")
    third = make(library, questionnaire, organization="Gamma", vendor="100%_Vendor")
    library.set_answer(first.id, "t", "pace", Answer(value="o2"))  # now the newest
    library.set_status(second.id, "in_review")
    library.set_answer(first.id, "t", "pace", Answer(value="o2", comment="latest"))
    assert library.summaries()[0].id == first.id
    assert [r.id for r in library.summaries(text="ümlaut")] == [first.id]
    assert [r.id for r in library.summaries(text="PICK tracker")] == [first.id]
    assert [r.id for r in library.summaries(text="100%_")] == [third.id]
    assert [r.id for r in library.summaries(text="0%x")] == []
    assert [r.id for r in library.summaries(status="in_review")] == [second.id]
    level = library.summaries()[0].level
    assert level is not None
    assert [r.id for r in library.summaries(level=level)] == [first.id]
    assert {r.id for r in library.summaries(text="test")} == {first.id, second.id, third.id}


def test_set_answer_without_summary_rescores(library, questionnaire):
    assessment = make(library, questionnaire)
    library.set_answer(assessment.id, "t", "pace", Answer(value="o2"))
    expected = score_assessment(library.get(assessment.id))
    row = library.summaries()[0]
    assert row.level == expected.overall.level and row.answered == expected.answered == 1


def full_assessment(questionnaire):
    example = load_questionnaire(EXAMPLE)
    assessment = new_assessment(
        [questionnaire, example],
        organization="Société Générale d'Exemple",
        system="Système de suivi — 追踪",
        purpose="Mesure de la cadence\nligne 2",
        role="union",
    )
    assessment.answers = {
        "t": {
            "notes": Answer(value="Ünïcödé ✓ «guillemets» 😀\nzweite Zeile", comment="コメント"),
            "pace": Answer(value="o1", comment="", evidence="Évidence: pièce 4"),
            "since": Answer(value="2024-02-29"),
            "uses": Answer(value=["none"]),
            "notice": Answer(value=None, comment="Only a comment, no value"),
        },
        "call-centre-monitoring": {
            "workers_affected": Answer(value=12.5),
            "records_calls": Answer(value="yes"),
            "used_for": Answer(value=["pay", "coaching"]),
        },
    }
    return assessment


def test_import_export_round_trip_keeps_everything_exactly(library, questionnaire, tmp_path):
    original = full_assessment(questionnaire)
    source = tmp_path / "in.json"
    save_assessment(original, source)
    imported = library.import_file(source)
    assert imported.id == original.id
    exported = tmp_path / "out.json"
    library.export_file(imported.id, exported)
    assert to_json_data(load_assessment(exported)) == to_json_data(load_assessment(source))
    assert exported.read_bytes() == source.read_bytes()
    assert library.history(imported.id)[0].field == "imported"


def test_import_gives_a_new_id_when_taken(library, questionnaire, tmp_path):
    source = tmp_path / "in.json"
    save_assessment(full_assessment(questionnaire), source)
    first = library.import_file(source)
    second = library.import_file(source)
    assert first.id != second.id
    assert library.get(second.id).answers == library.get(first.id).answers


def test_import_refuses_bad_files_and_keeps_nothing(library, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "workerimpact-assessment/1", "questionnaires": []}')
    with pytest.raises(InputError):
        library.import_file(bad)
    assert library.summaries() == []


def test_import_accepts_a_report_pdf(library, questionnaire, tmp_path, monkeypatch):
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.7\n...")
    original = full_assessment(questionnaire)
    seen = []

    def embedded_assessment(path):
        seen.append(Path(path))
        return original

    fake = types.ModuleType("workerimpact.report")
    fake.embedded_assessment = embedded_assessment
    monkeypatch.setitem(sys.modules, "workerimpact.report", fake)
    imported = library.import_file(pdf)
    assert seen == [pdf]
    assert to_json_data(library.get(imported.id)) == to_json_data(original)


def test_assessment_stays_readable_when_its_questionnaire_file_changes(
    data_home, tmp_path, questionnaire
):
    data = minimal(TEXT_QUESTIONS)
    path = tmp_path / "custom.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with Library.open() as library:
        assessment = library.create([load_questionnaire(path)], Metadata())
        library.set_answer(assessment.id, "t", "pace", Answer(value="o2"))
    data["sections"][0]["questions"] = data["sections"][0]["questions"][1:]
    path.write_text(json.dumps(data), encoding="utf-8")  # "pace" no longer exists in the file
    library2 = Library.open()
    with library2:
        loaded = library2.get(assessment.id)
        assert loaded.questionnaire("t").question("pace") is not None
        assert score_assessment(loaded).answered == 1
    path.unlink()
    with Library.open() as library3:
        assert library3.get(assessment.id).answer("t", "pace").value == "o2"


def test_read_only_open_refuses_writes_and_reads(data_home, questionnaire):
    with Library.open() as library:
        assessment = make(library, questionnaire)
    with Library.open(read_only=True) as library:
        assert library.read_only and library.read_only_reason
        assert library.get(assessment.id).id == assessment.id
        with pytest.raises(LibraryReadOnly):
            library.set_answer(assessment.id, "t", "pace", Answer(value="o1"))
        with pytest.raises(LibraryReadOnly):
            library.create([questionnaire], Metadata())


def test_read_only_open_of_a_missing_library_is_empty_and_creates_nothing(data_home):
    with Library.open(read_only=True) as library:
        assert library.summaries() == []
        with pytest.raises(AssessmentNotFound):
            library.get("abc")
    assert list(data_home.iterdir()) == []


def test_closed_library_says_so(data_home):
    library = Library.open()
    library.close()
    library.close()
    with pytest.raises(LibraryError, match="closed"):
        library.summaries()


def test_library_can_be_used_from_another_thread(library, questionnaire):
    import threading

    assessment = make(library, questionnaire)
    errors = []

    def work():
        try:
            library.set_answer(assessment.id, "t", "pace", Answer(value="o1"))
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert errors == []
    assert library.get(assessment.id).answer("t", "pace").value == "o1"
