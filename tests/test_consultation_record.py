"""The record of the consultation: meetings, editing and removing entries, measures carried
over to a new revision, and the trash taking the consultation rows with it."""

from __future__ import annotations

import json
import subprocess

from consultation_helpers import FIRST, two_findings

from workerimpact.cli import main
from workerimpact.consultation import ItemResponse, Measure, new_response
from workerimpact.storage import Library


def _run(capsys, *arguments: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(arguments))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_meetings_and_removals_on_the_command_line(data_home, capsys, tmp_path):
    assessment = two_findings()
    with Library.open(data_home) as library:
        library.import_assessment(assessment)
    aid = assessment.id
    assert _run(capsys, "review", "start", aid, "--reviewers", "Works council")[0] == 0
    code, out, _ = _run(
        capsys, "review", "meeting", aid, "--on", "2026-10-02", "--attended", "HR, works council",
        "--discussed", "The <recording> notice",
    )  # fmt: skip
    assert code == 0
    meeting_id = out.split()[2]
    code, _, err = _run(capsys, "review", "meeting", aid, "--attended", "nobody")
    assert code == 1 and "on which day" in err
    code, _, err = _run(capsys, "review", "meeting", aid, "--on", "2026-13-40")
    assert code == 1 and "held_on" in err
    assert _run(capsys, "review", "concern", aid, "Headsets hurt")[0] == 0
    assert _run(capsys, "review", "request", aid, "The vendor contract")[0] == 0
    review = json.loads(_run(capsys, "review", "show", aid, "--json")[1])
    concern_id = review["concerns"][0]["id"]
    request_id = review["information"][0]["id"]
    code, _, _ = _run(
        capsys, "review", "concern", aid, "Headsets hurt the ear", "--severity", "high",
        "--update", concern_id,
    )  # fmt: skip
    assert code == 0
    assert _run(capsys, "review", "remove", aid, "--request", request_id)[0] == 0
    code, _, err = _run(capsys, "review", "remove", aid, "--request", request_id)
    assert code == 1 and "there is no request" in err
    review = json.loads(_run(capsys, "review", "show", aid, "--json")[1])
    assert [(c["id"], c["title"], c["severity"]) for c in review["concerns"]] == [
        (concern_id, "Headsets hurt the ear", "high")
    ]
    assert review["information"] == []
    assert review["meetings"][0]["discussed"] == "The <recording> notice"
    assert "meeting 2026-10-02: HR, works council" in _run(capsys, "review", "show", aid)[1]

    # The employer's side: a measure added, changed, removed; a meeting of its own.
    code, out, _ = _run(capsys, "respond", "measure", aid, FIRST, "--description", "Notice")
    measure_id = out.split()[2].rstrip(":")
    assert _run(capsys, "respond", "measure", aid, FIRST, "--update", measure_id,
                "--owner", "HR")[0] == 0  # fmt: skip
    assert _run(capsys, "respond", "meeting", aid, "--on", "2026-10-09",
                "--attended", "HR", "--discussed", "Timetable")[0] == 0  # fmt: skip
    assert _run(capsys, "respond", "remove", aid, "--measure", measure_id)[0] == 0
    with Library.open(data_home) as library:
        response = library.response(aid)
        own = library.own_review(aid)
        assert response.measures() == []
        assert [m.discussed for m in response.meetings] == ["Timetable"]
        assert [m.id for m in own.meetings] == [meeting_id]
    code, out, _ = _run(capsys, "review", "meeting", aid, "--on", "2026-10-03")
    assert _run(capsys, "review", "remove", aid, "--meeting", out.split()[2])[0] == 0

    # The joint statement prints the record of the consultation.
    joint = tmp_path / "joint.pdf"
    assert _run(capsys, "export", aid, "--joint", "-o", str(joint))[0] == 0
    text = " ".join(
        subprocess.run(
            ["pdftotext", str(joint), "-"], capture_output=True, text=True
        ).stdout.split()
    )
    assert "Meetings 2026-10-02 Attended: HR, works council Discussed: The <recording> notice" in (
        text
    )
    assert "2026-10-09 Attended: HR Discussed: Timetable" in text
    assert "2026-10-03" not in text


def test_a_new_revision_carries_over_the_open_measures(data_home):
    assessment = two_findings()
    with Library.open(data_home) as library:
        library.import_assessment(assessment)
        response = new_response(None, assessment.id, responder="HR")
        response.items["finding:" + FIRST] = ItemResponse(
            response="We will",
            measures=[
                Measure(description="Notice", status="in_progress"),
                Measure(description="Old", status="done"),
                Measure(description="Gone", status="dropped", dropped_reason="replaced"),
                Measure(description="Later", status="planned"),
            ],
        )
        library.save_response(response)
        library.set_status(assessment.id, "final")
        later = library.new_revision(assessment.id)
        carried = library.response(later.id)
        assert carried is not None and carried.assessment_id == later.id
        (item,) = carried.items.values()
        assert [m.description for m in item.measures] == ["Notice", "Later"]
        # the last answer stands, said to be revision 1's until a new one is written
        assert (item.response, item.answered_in) == ("We will", 1)
        assert library.response(assessment.id).items == response.items  # earlier kept


def test_emptying_the_trash_removes_the_consultation_rows(data_home):
    assessment, kept = two_findings(), two_findings()
    kept.id = "k" * 32
    with Library.open(data_home) as library:
        library.import_assessment(assessment)
        library.import_assessment(kept)
        for aid in (assessment.id, kept.id):
            library.start_review(aid)
            library.save_response(new_response(None, aid))
        library.delete(assessment.id)
        library.empty_trash()
        assert library.reviews(assessment.id) == [] and library.response(assessment.id) is None
        assert library.reviews(kept.id) and library.response(kept.id) is not None
