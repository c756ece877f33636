"""A measure carried into a new revision for a concern the representatives added to the
earlier review stays in sight: named in words in the plan, shown in the joint statement
(in English and in Spanish), and an overdue measure is marked there in words."""

from __future__ import annotations

import csv
import datetime as dt
import io
import subprocess

import pytest
from consultation_helpers import FIRST, two_findings

from workerimpact.assessment import fingerprint
from workerimpact.cli import main
from workerimpact.consultation import Concern, FindingPosition, ItemResponse, Measure, Review
from workerimpact.consultation.carried import earlier_items
from workerimpact.consultation.exchange import joint_records
from workerimpact.consultation.exports import findings_csv, item_titles, plan_csv
from workerimpact.consultation.models import new_response, record_bytes
from workerimpact.consultation.signed import verify_exchange
from workerimpact.scoring import score_assessment
from workerimpact.signing.identity import new_identity
from workerimpact.storage import Library

PAST = dt.date(2020, 1, 31)


def _two_revisions() -> tuple[str, str, str]:
    """Revision 1 reviewed with an added concern and answered with a measure for it (due
    in the past); revision 2 reviewed without that concern. Returns the ids."""
    with Library.open() as library:
        first = library.import_assessment(two_findings())
        concern = Concern(title="Headsets hurt after long shifts", severity="high")
        review = Review(
            assessment_id=first.id,
            fingerprint=fingerprint(first),
            reviewers="Works council",
            concerns=[concern],
        )
        library.attach_review(review)
        response = new_response(review, first.id)
        response.items["concern:" + concern.id] = ItemResponse(
            response="We will buy new headsets.",
            measures=[Measure(description="New headsets", owner="IT", due=PAST)],
        )
        library.save_response(response)
        library.set_status(first.id, "final")
        second = library.new_revision(first.id)
        later = Review(
            assessment_id=second.id,
            fingerprint=fingerprint(second),
            revision=2,
            reviewers="Works council",
        )
        later.findings[FIRST] = FindingPosition(position="agree")
        library.attach_review(later)
    return first.id, second.id, concern.id


def _text(path) -> str:
    done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True)
    return " ".join(done.stdout.split())


def test_the_carried_measure_is_named_in_words_in_the_plan(data_home, capsys):
    _first, second, concern_id = _two_revisions()
    with Library.open() as library:
        assessment = library.get(second)
        review = library.reviews(second)[0]
        response = library.response(second)
        (point,) = earlier_items(library, assessment, review, response)
    assert (point.key, point.kind, point.revision) == ("concern:" + concern_id, "concern", 1)
    assert point.title == "Headsets hurt after long shifts"
    titles = item_titles(score_assessment(assessment), review, response, [point])
    rows = list(csv.reader(io.StringIO(plan_csv(response, titles)[3:].decode("utf-8"))))
    assert (
        rows[1][0] == "Added by the representatives in revision 1: Headsets hurt after long shifts"
    )
    assert rows[1][-1] == "overdue"
    assert main(["plan", second]) == 0
    out = capsys.readouterr().out
    assert "for: Added by the representatives in revision 1: Headsets hurt" in out
    assert "concern:" not in out
    # The employer can still change it by its key, in the revision it was carried into.
    (measure,) = response.items["concern:" + concern_id].measures
    code = main(
        ["respond", "measure", second, "concern:" + concern_id, "--update", measure.id,
         "--status", "in_progress"]
    )  # fmt: skip
    assert code == 0


@pytest.mark.parametrize(
    ("language", "words"),
    [
        (
            "en",
            (
                "Added by the representatives in revision 1: Headsets hurt after long shifts",
                "New headsets",
                "OVERDUE: its due date has passed and it is not done",
                "Measures overdue 1 measure, marked OVERDUE below",
                "“New headsets” (for “Headsets hurt after long shifts”) was due on 2020-01-31",
                "Reviewers: Works council",
                "Finding by finding",
                "Employer, answer given in revision 1: We will buy new headsets.",
            ),
        ),
        (
            "es",
            (
                "Agregada por los representantes en la revisión 1: Headsets hurt after long shifts",
                "New headsets",
                "ATRASADA: ya pasó su fecha límite y no está hecha",
                "Hallazgo por hallazgo",
                "Medidas atrasadas 1 medida, marcada como ATRASADA abajo",
                "Revisado por: Works council",
                "el 31 de enero de 2020",
                "Declaración conjunta sobre el impacto en los trabajadores",
                "Empleador, respuesta dada en la revisión 1: We will buy new headsets.",
            ),
        ),
    ],
)
def test_the_joint_statement_shows_the_carried_measure_and_marks_it_overdue(
    data_home, tmp_path, language, words
):
    _first, second, _concern = _two_revisions()
    with Library.open() as library:
        records = joint_records(library, second, language)
    path = tmp_path / "joint.pdf"
    records.export(path, identity=new_identity("Dana Reyes"), language=language)
    text = _text(path)
    for expected in words:
        assert expected in text, expected
    assert "concern:" not in text
    outcome = verify_exchange(path)
    assert outcome.ok, outcome.reasons
    if language == "es":
        for english in ("Finding by finding", "Where the parties still disagree", "Signatures"):
            assert english not in text, english
        assert b"/Lang (es)" in path.read_bytes()


def test_the_review_file_can_be_drawn_in_spanish(data_home, tmp_path):
    from workerimpact.consultation.exchange import export_review

    assessment = two_findings()
    review = Review(
        assessment_id=assessment.id, fingerprint=fingerprint(assessment), reviewers="Local 9"
    )
    review.findings[FIRST] = FindingPosition(position="partly", comment="Nobody was told")
    path = tmp_path / "revision.pdf"
    export_review(review, assessment, path, identity=new_identity("Ana Ruiz"), language="es")
    text = _text(path)
    for expected in (
        "Revisión de los representantes de los trabajadores",
        "Revisado por: Local 9",
        "Posición: de acuerdo en parte",
        "Nobody was told",  # the reviewers' own words, as written
        "Opinión general",
    ):
        assert expected in text, expected
    assert "Overall opinion" not in text and "Position:" not in text
    assert verify_exchange(path).ok


def test_every_choice_of_the_review_and_response_reads_in_spanish():
    from workerimpact.consultation.models import LABELS
    from workerimpact.locales.es import MESSAGES

    missing = [words for words in LABELS.values() if words not in MESSAGES]
    assert not missing, missing


def test_a_finding_no_longer_found_is_not_said_to_be_raised_by_the_representatives():
    from workerimpact.consultation.carried import EarlierItem
    from workerimpact.consultation.joint import disagreements

    assessment = two_findings()
    review = Review(assessment_id=assessment.id, fingerprint=fingerprint(assessment))
    response = new_response(review, assessment.id)
    gone = EarlierItem(key="finding:q/gone", kind="finding", title="Gone", severity="high")
    added = EarlierItem(key="concern:c1", kind="concern", title="Noise", severity="low")
    response.items[gone.key] = ItemResponse(measures=[Measure(description="Notice")])
    lines = disagreements(score_assessment(assessment), review, response, [gone, added])
    assert lines == [
        "The representatives raised “Noise” (LOW); the employer commits to no measure for it."
    ]


def test_the_review_file_names_a_concerns_questions_in_words(data_home, tmp_path):
    from workerimpact.consultation.exchange import export_review

    assessment = two_findings()
    review = Review(assessment_id=assessment.id, fingerprint=fingerprint(assessment))
    review.concerns.append(
        Concern(title="Noise", questions=["call-centre-monitoring/records_calls"])
    )
    path = tmp_path / "review.pdf"
    export_review(review, assessment, path, identity=new_identity("Ana Ruiz"))
    text = _text(path)
    assert "Related questions: “Does the tool record or transcribe workers' calls?”" in text
    assert "call-centre-monitoring/records_calls" not in text
    assert "Reviewers: not named" in text


def test_the_concern_is_still_named_two_revisions_later(data_home):
    _first, second, concern_id = _two_revisions()
    with Library.open() as library:
        library.set_status(second, "final")
        third = library.new_revision(second)
        (point,) = earlier_items(library, third, None, library.response(third.id))
    assert point.key == "concern:" + concern_id
    assert point.heading() == (
        "Added by the representatives in revision 1: Headsets hurt after long shifts"
    )


def test_the_answer_to_a_carried_point_is_carried_with_its_revision(data_home):
    _first, second, concern_id = _two_revisions()
    key = "concern:" + concern_id
    with Library.open() as library:
        item = library.response(second).items[key]
        assert (item.response, item.answered_in) == ("We will buy new headsets.", 1)
        assessment = library.get(second)
        review = library.reviews(second)[0]
        response = library.response(second)
        earlier = earlier_items(library, assessment, review, response)
        rows = list(
            csv.reader(
                io.StringIO(
                    findings_csv(score_assessment(assessment), review, response, earlier)[
                        3:
                    ].decode("utf-8")
                )
            )
        )
        assert rows[-1][5] == "(answer given in revision 1) We will buy new headsets."
        library.set_status(second, "final")
        third = library.new_revision(second)  # still the answer of revision 1
        assert library.response(third.id).items[key].answered_in == 1
        response = library.response(third.id)
        response.items[key] = ItemResponse(
            response="Ordered", measures=response.items[key].measures
        )
        library.save_response(response)
        library.set_status(third.id, "final")
        fourth = library.new_revision(third.id)  # now the answer of revision 3
        assert library.response(fourth.id).items[key].answered_in == 3
        assert "answered_in" not in record_bytes(library.response(third.id)).decode()
