"""The review and response records: validation, storage on entry, flags, CSV and calendar."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from consultation_helpers import FIRST, SECOND, two_findings
from pydantic import ValidationError

from workerimpact.assessment import fingerprint
from workerimpact.consultation import (
    Concern,
    FindingPosition,
    ItemResponse,
    Measure,
    Opinion,
    Review,
    new_response,
    review_from_bytes,
)
from workerimpact.consultation.exports import (
    due_dates,
    findings_csv,
    ics_bytes,
    ics_escape,
    item_titles,
    neutralise,
    plan_csv,
)
from workerimpact.consultation.models import record_bytes
from workerimpact.errors import InputError
from workerimpact.scoring import score_assessment
from workerimpact.storage import Library

TODAY = dt.date(2026, 12, 1)


def test_a_review_validates_its_choices_and_dates():
    assessment = two_findings()
    with pytest.raises(ValidationError):
        FindingPosition(position="maybe")
    with pytest.raises(ValidationError, match="before it was asked"):
        Opinion(asked_on=dt.date(2026, 5, 2), given_on=dt.date(2026, 5, 1))
    with pytest.raises(ValidationError, match="reason"):
        Measure(description="Train staff", status="dropped")
    with pytest.raises(ValidationError):
        Review(assessment_id=assessment.id, fingerprint="not hex")


def test_a_review_file_with_mistakes_names_each_one():
    raw = b'{"format": "workerimpact-review/1", "assessment_id": "a", "fingerprint": "x"}'
    with pytest.raises(InputError) as caught:
        review_from_bytes(raw, "review.json")
    assert "fingerprint" in str(caught.value) and "review.json" in str(caught.value)
    with pytest.raises(InputError, match="not a WorkerImpact review"):
        review_from_bytes(b'{"format": "other"}', "x.json")


def test_a_review_is_saved_on_entry_and_survives_reopening(data_home):
    assessment = two_findings()
    with Library.open() as library:
        stored = library.import_assessment(assessment)
        review = library.start_review(stored.id, reviewers="Works council")
        review.findings[FIRST] = FindingPosition(position="disagree", comment="Never told")
        library.save_review(review)
        review.concerns.append(Concern(title="Noise", severity="high"))
        library.save_review(review)
    with Library.open() as library:
        again = library.own_review(stored.id)
    assert again is not None and again.fingerprint == fingerprint(assessment)
    assert again.findings[FIRST].position == "disagree"
    assert again.concerns[0].title == "Noise"
    assert again.revision == 1


def test_a_received_review_of_an_older_revision_says_so(data_home):
    assessment = two_findings()
    with Library.open() as library:
        stored = library.import_assessment(assessment)
        review = Review(assessment_id=stored.id, fingerprint=fingerprint(stored))
        library.set_status(stored.id, "final")
        newer = library.new_revision(stored.id)
        attached = library.attach_review(review)
        assert attached.assessment_id == stored.id
        assert any("older revision" in note and "2" in note for note in attached.notes)
        assert library.reviews(stored.id, received=True)[0].id == review.id
        assert newer.metadata.revision == 2
        stranger = Review(assessment_id="elsewhere", fingerprint="0" * 64)
        with pytest.raises(InputError, match="import that statement first"):
            library.attach_review(stranger)


def test_overdue_measures_and_due_reviews_are_flagged(data_home):
    assessment = two_findings()
    with Library.open() as library:
        stored = library.import_assessment(assessment)
        response = new_response(None, stored.id)
        response.items["finding:" + FIRST] = ItemResponse(
            response="We will tell everyone.",
            measures=[
                Measure(description="Notice", due=dt.date(2026, 11, 1)),
                Measure(description="Done one", due=dt.date(2026, 11, 1), status="done"),
                Measure(description="Later", due=dt.date(2027, 1, 1)),
            ],
        )
        response.next_review = dt.date(2026, 12, 1)
        library.save_response(response)
        flags = library.consultation_flags(TODAY)[stored.id]
    assert flags.overdue_measures == 1 and flags.review_due
    assert flags.to_json_data()["next_review"] == "2026-12-01"


def test_csv_opens_cleanly_and_neutralises_formulas():
    assessment = two_findings()
    result = score_assessment(assessment)
    review = Review(assessment_id=assessment.id, fingerprint=fingerprint(assessment))
    review.findings[SECOND] = FindingPosition(position="partly", comment="=HYPERLINK(1)")
    response = new_response(review, assessment.id)
    response.items["finding:" + SECOND] = ItemResponse(
        response="+1 call", measures=[Measure(description="@Train", owner="-HR")]
    )
    data = findings_csv(result, review, response)
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    rows = list(csv.reader(io.StringIO(data[3:].decode("utf-8"))))
    assert rows[2][2:6] == ["partly agree", "'=HYPERLINK(1)", "", "'+1 call"]
    plan = plan_csv(response, item_titles(result, review, response), TODAY)
    plan_rows = list(csv.reader(io.StringIO(plan[3:].decode("utf-8"))))
    assert plan_rows[1][:3] == [
        "Scores affect pay or discipline without full human review",
        "'@Train",
        "'-HR",
    ]
    for start in ("=", "+", "-", "@", "\t", "\r"):
        assert neutralise(start + "x") == "'" + start + "x"
    assert neutralise("fine =") == "fine ="


def test_the_calendar_is_rfc_5545():
    assessment = two_findings()
    response = new_response(None, assessment.id)
    response.items["finding:" + FIRST] = ItemResponse(
        measures=[
            Measure(id="m1", description="Tell, everyone; now\\ " + "é" * 80, due=TODAY),
            Measure(id="m2", description="Gone", due=TODAY, status="dropped", dropped_reason="x"),
        ]
    )
    response.next_review = dt.date(2027, 6, 1)
    entries = due_dates([response], {assessment.id: "Pick-Tracker"}, {})
    data = ics_bytes(entries, dt.datetime(2026, 12, 1, tzinfo=dt.UTC))
    text = data.decode("utf-8")
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    assert text.count("BEGIN:VEVENT") == 2  # the dropped measure is not due
    assert len({line for line in text.split("\r\n") if line.startswith("UID:")}) == 2
    unfolded = text.replace("\r\n ", "")
    assert "Tell\\, everyone\\; now\\\\ " in unfolded
    assert "DTSTART;VALUE=DATE:20270601" in unfolded
    assert ics_escape("a\nb") == "a\\nb"


def test_records_are_canonical():
    assessment = two_findings()
    review = Review(assessment_id=assessment.id, fingerprint=fingerprint(assessment))
    assert review_from_bytes(record_bytes(review), "r") == review


def _texts(flowables) -> str:
    """Every paragraph's text in a story, tables included."""
    out = []
    for item in flowables:
        if hasattr(item, "_cellvalues"):
            out.append(_texts([cell for row in item._cellvalues for cell in row]))
        elif hasattr(item, "text"):
            out.append(item.text)
    return "\n".join(out)


def test_the_joint_statement_names_levels_as_the_statement_does_and_shows_no_ids():
    from workerimpact.consultation.joint import joint_story
    from workerimpact.consultation.models import new_response, new_review

    assessment = two_findings()
    result = score_assessment(assessment)
    review = new_review(assessment, fingerprint(assessment))
    response = new_response(review, assessment.id)
    text = _texts(joint_story(assessment, result, review, response))
    level = result.overall.level.upper()
    marker = " (provisional)" if result.progress.provisional else ""
    assert f"Level stated in the assessment\n{level}{marker}" in text
    assert review.id not in text and response.id not in text
    assert f"{review.fingerprint[:12]}…" in text
    assert f"revision {review.revision}" in text
    assert review.updated.date().isoformat() in text
    incomplete = two_findings()
    answers = next(iter(incomplete.answers.values()))
    answers.pop("human_review")
    partial = score_assessment(incomplete)
    assert partial.progress.provisional
    text = _texts(joint_story(incomplete, partial, review, None))
    assert f"Level stated in the assessment\n{partial.overall.level.upper()} (provisional)" in text


def test_a_disagreement_stays_on_record_when_the_employer_answers_with_a_measure():
    from workerimpact.consultation.joint import disagreements
    from workerimpact.consultation.models import new_response

    assessment = two_findings()
    result = score_assessment(assessment)
    review = Review(assessment_id=assessment.id, fingerprint=fingerprint(assessment))
    review.findings[FIRST] = FindingPosition(position="disagree", comment="It understates it")
    review.findings[SECOND] = FindingPosition(position="agree")
    response = new_response(review, assessment.id)
    response.items["finding:" + FIRST] = ItemResponse(
        response="We will add notice", measures=[Measure(description="Notice", owner="HR")]
    )
    [line] = disagreements(result, review, response)
    assert line.startswith("The workers' representatives disagree with “")
    assert "the employer answered with 1 measure;" in line
    assert "have not said that this settles it" in line
    review.findings[FIRST] = FindingPosition(position="agree")
    assert disagreements(result, review, response) == []
