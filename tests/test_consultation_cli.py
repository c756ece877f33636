"""The consultation from the command line, as both parties on two data folders."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import subprocess

import pytest
from consultation_helpers import two_findings

from workerimpact.cli import main
from workerimpact.report import export_report


@pytest.fixture
def parties(tmp_path, monkeypatch, capsys):
    """Run commands as the employer or the union, each with its own data folder."""
    homes = {"employer": tmp_path / "employer", "union": tmp_path / "union"}
    for home in homes.values():
        home.mkdir()

    def run(party: str, *arguments: str) -> tuple[int, str, str]:
        monkeypatch.setenv("WORKERIMPACT_HOME", str(homes[party]))
        capsys.readouterr()
        try:
            code = main(list(arguments))
        except SystemExit as exit_:
            code = exit_.code
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


def pdf_text(path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_review_respond_plan_and_joint_statement(parties, tmp_path):
    assessment = two_findings()
    statement = tmp_path / "statement.pdf"
    export_report(assessment, statement)
    assert parties("employer", "library", "import", str(statement))[0] == 0
    code, out, _ = parties("union", "library", "import", str(statement))
    assert code == 0
    union_id = out.strip()

    assert parties("union", "review", "start", union_id, "--reviewers", "Works council")[0] == 0
    code, out, err = parties(
        "union", "review", "finding", union_id, "covert-recording", "--position", "disagree",
        "--comment", "Nobody was told <b>ever</b>", "--measure", "=Stop recording",
    )  # fmt: skip
    assert code == 0, err
    code, _, err = parties("union", "review", "finding", union_id, "nope", "--position", "agree")
    assert code == 1 and "covert-recording" in err
    code, out, err = parties(
        "union", "review", "concern", union_id, "Headsets hurt", "--severity", "high",
        "--question", "call-centre-monitoring/records_calls",
    )  # fmt: skip
    assert code == 0, err
    concern_id = out.split()[-1]
    assert parties("union", "review", "request", union_id, "The vendor contract")[0] == 0
    code, _, err = parties(
        "union", "review", "opinion", union_id, "--verdict", "with_conditions",
        "--asked-on", "2026-11-01", "--given-on", "2026-11-20", "--conditions", "Notice first",
    )  # fmt: skip
    assert code == 0, err
    assert parties("union", "review", "opinion", union_id, "--verdict", "x")[0] == 2
    assert parties("union", "review", "opinion", union_id, "--verdict", "favourable",
                   "--asked-on", "2026-13-01")[0] == 2  # fmt: skip
    code, _, err = parties(
        "union", "review", "opinion", union_id, "--verdict", "favourable",
        "--asked-on", "2026-11-02", "--given-on", "2026-11-01",
    )  # fmt: skip
    assert code == 1 and "before it was asked" in err

    review_file = tmp_path / "review.pdf"
    code, _, err = parties("union", "review", "export", union_id, "-o", str(review_file))
    assert code == 0, err
    text = pdf_text(review_file)
    assert "Nobody was told <b>ever</b>" in text and "Headsets hurt" in text

    code, out, err = parties("employer", "review", "import", str(review_file))
    assert code == 0, err
    assert f"to assessment {assessment.id}" in out and "note:" not in out

    item = ("respond", "item", assessment.id)
    assert parties("employer", *item, "covert-recording", "We will give notice.")[0] == 0
    code, out, err = parties(
        "employer", "respond", "measure", assessment.id, "covert-recording",
        "--description", "Written notice to all agents", "--owner", "HR",
        "--due", "2020-01-31", "--expected-level", "moderate",
    )  # fmt: skip
    assert code == 0, err
    measure_id = out.split()[2].rstrip(":")
    code, _, err = parties(
        "employer", "respond", "measure", assessment.id, "covert-recording",
        "--update", measure_id, "--status", "dropped",
    )  # fmt: skip
    assert code == 1 and "reason" in err
    code, _, err = parties(
        "employer", "respond", "measure", assessment.id, f"concern:{concern_id}",
        "--description", "New headsets", "--due", "2099-01-01",
    )  # fmt: skip
    assert code == 0, err
    code, _, err = parties(
        "employer", "respond", "decision", assessment.id, "--decision",
        "go_ahead_with_conditions", "--next-review", "2020-06-01",
    )  # fmt: skip
    assert code == 0, err

    code, out, _ = parties("employer", "library", "list", "--json")
    (row,) = json.loads(out)
    assert row["overdue_measures"] == 1 and row["review_due"] is True

    plan_csv, ics = tmp_path / "plan.csv", tmp_path / "due.ics"
    code, _, err = parties("employer", "plan", assessment.id, "--csv", str(plan_csv))
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(plan_csv.read_bytes()[3:].decode("utf-8"))))
    assert rows[1][:4] == [
        "Calls are recorded without notice to workers",
        "Written notice to all agents",
        "HR",
        "2020-01-31",
    ]
    assert rows[1][-1] == "overdue"
    assert parties("employer", "plan", "--ics", str(ics))[0] == 0
    assert ics.read_bytes().count(b"BEGIN:VEVENT") == 3

    joint = tmp_path / "joint.pdf"
    code, _, err = parties("employer", "export", assessment.id, "--joint", "-o", str(joint))
    assert code == 0, err
    text = " ".join(pdf_text(joint).split())
    for expected in (
        "Joint statement",
        "We will give notice.",
        "Written notice to all agents",
        "go ahead with conditions",
        "disagree",
        "Headsets hurt",
        "For the workers' representatives",
        "Highest level left once the measures are done HIGH",
        "Added by the representatives: Headsets hurt Representatives: no description given.",
    ):
        assert expected in text, expected
    assert "Scores affect pay or discipline without full human review" in text


def test_a_tampered_review_file_is_refused(parties, tmp_path):
    assessment = two_findings()
    statement = tmp_path / "statement.pdf"
    export_report(assessment, statement)
    parties("union", "library", "import", str(statement))
    parties("employer", "library", "import", str(statement))
    parties("union", "review", "start", assessment.id)
    review_file = tmp_path / "review.pdf"
    assert parties("union", "review", "export", assessment.id, "-o", str(review_file))[0] == 0
    data = review_file.read_bytes()
    review_file.write_bytes(data.replace(b'"revision":1', b'"revision":7'))
    code, _, err = parties("employer", "review", "import", str(review_file))
    assert code == 1 and ("altered" in err or "damaged" in err or "no review" in err)
    code, _, err = parties("employer", "review", "import", str(statement))
    assert code == 1 and "no review is attached" in err


def test_a_review_of_an_older_revision_says_so(parties, tmp_path):
    assessment = two_findings()
    statement = tmp_path / "statement.pdf"
    export_report(assessment, statement)
    parties("union", "library", "import", str(statement))
    parties("employer", "library", "import", str(statement))
    parties("union", "review", "start", assessment.id)
    review_file = tmp_path / "review.pdf"
    parties("union", "review", "export", assessment.id, "-o", str(review_file))
    from workerimpact.storage import Library

    with Library.open(tmp_path / "employer") as library:
        library.set_status(assessment.id, "final")
        library.new_revision(assessment.id)
    code, out, err = parties("employer", "review", "import", str(review_file))
    assert code == 0, err
    assert "older revision" in out and "revision 2" in out
    assert dt.date.today()  # the import does not depend on the date


def test_the_review_file_is_drawn_in_a_fresh_process(tmp_path):
    """The PDFs register their fonts themselves (no statement exported before in the process)."""
    script = (
        "import sys; sys.path.insert(0, 'tests')\n"
        "from pathlib import Path\n"
        "from consultation_helpers import two_findings\n"
        "from workerimpact.assessment import fingerprint\n"
        "from workerimpact.consultation import Review\n"
        "from workerimpact.consultation.exchange import export_joint, export_review\n"
        "a = two_findings()\n"
        "r = Review(assessment_id=a.id, fingerprint=fingerprint(a))\n"
        f"export_review(r, a, Path({str(tmp_path / 'r.pdf')!r}))\n"
        f"export_joint(a, r, None, Path({str(tmp_path / 'j.pdf')!r}))\n"
    )
    import sys

    from helpers import REPOSITORY

    done = subprocess.run([sys.executable, "-c", script], cwd=REPOSITORY, capture_output=True)
    assert done.returncode == 0, done.stderr.decode()
    assert "has not answered" not in pdf_text(tmp_path / "j.pdf")
    assert "Review by the workers' representatives" in " ".join(
        pdf_text(tmp_path / "r.pdf").split()
    )


def test_the_joint_statement_of_a_later_revision_says_what_changed(parties, tmp_path):
    from workerimpact.assessment import Answer, fingerprint
    from workerimpact.consultation import ItemResponse, Measure, Review, new_response
    from workerimpact.storage import Library

    assessment = two_findings()
    statement = tmp_path / "statement.pdf"
    export_report(assessment, statement)
    parties("employer", "library", "import", str(statement))
    with Library.open(tmp_path / "employer") as library:
        response = new_response(None, assessment.id)
        response.items["finding:call-centre-monitoring/covert-recording"] = ItemResponse(
            measures=[Measure(description="Written <notice>", status="done")]
        )
        library.save_response(response)
        library.set_status(assessment.id, "final")
        later = library.new_revision(assessment.id)
        library.set_answer(
            later.id, "call-centre-monitoring", "written_notice", Answer(value="in_advance")
        )
        later = library.get(later.id)
        library.save_review(
            Review(assessment_id=later.id, fingerprint=fingerprint(later), revision=2),
            received=True,
        )
    joint = tmp_path / "joint.pdf"
    code, _, err = parties("employer", "export", later.id, "--joint", "-o", str(joint))
    assert code == 0, err
    text = " ".join(pdf_text(joint).split())
    assert "What changed since revision 1" in text
    assert "Overall level: " in text and "Level of Overall" not in text
    assert "No longer found: Calls are recorded without notice to workers" in text
    assert "Measure “Written <notice>”: done" in text
