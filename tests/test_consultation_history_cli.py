"""``review history`` and ``respond history`` on the command line."""

from __future__ import annotations

import json

import pytest
from consultation_helpers import two_findings

from workerimpact.cli import main
from workerimpact.storage import Library


def run(capsys, *arguments: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(arguments))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_review_and_response_history_are_printed_in_words(data_home, capsys):
    with Library.open() as library:
        assessment_id = library.import_assessment(two_findings()).id
    assert run(capsys, "review", "history", assessment_id)[1].startswith("No change")
    assert run(capsys, "review", "start", assessment_id, "--reviewers", "Works council")[0] == 0
    for position, comment in (("disagree", "Never told"), ("partly", "Told \x1b[31mlate")):
        code, _, err = run(
            capsys, "review", "finding", assessment_id, "covert-recording",
            "--position", position, "--comment", comment,
        )  # fmt: skip
        assert code == 0, err
    code, out, err = run(capsys, "review", "history", assessment_id)
    assert code == 0, err
    lines = out.splitlines()
    assert "Works council — Reviewers: reviewers: (empty) → Works council" in lines[0]
    finding = "Finding: Calls are recorded without notice to workers"
    assert f"{finding}: position: (empty) → disagree" in lines[1]
    assert f"{finding}: position: disagree → partly agree" in lines[3]
    assert f"{finding}: comment: Never told → Told \\u001b[31mlate" in lines[4]
    assert "\x1b" not in out

    code, out, _ = run(capsys, "review", "history", assessment_id, "--json")
    data = json.loads(out)
    assert code == 0 and data[3]["old"] == "disagree" and data[3]["new"] == "partly"
    assert data[3]["item"] == "finding:call-centre-monitoring/covert-recording"

    code, _, err = run(
        capsys, "respond", "measure", assessment_id, "covert-recording",
        "--description", "Written notice", "--owner", "HR",
    )  # fmt: skip
    assert code == 0, err
    code, out, err = run(capsys, "respond", "history", assessment_id)
    assert code == 0, err
    assert "Measure: Written notice: owner: (empty) → HR" in out

    code, _, err = run(capsys, "review", "history", "no-such-assessment")
    assert code == 1 and err.startswith("workerimpact:") and "Traceback" not in err


def test_a_received_review_file_is_in_the_history_by_who_signed_it(data_home, tmp_path, capsys):
    from workerimpact.assessment import fingerprint
    from workerimpact.consultation import FindingPosition, Review
    from workerimpact.consultation.exchange import export_review
    from workerimpact.signing.identity import new_identity

    with Library.open() as library:
        assessment = library.import_assessment(two_findings())
    review = Review(assessment_id=assessment.id, fingerprint=fingerprint(assessment))
    review.findings["call-centre-monitoring/covert-recording"] = FindingPosition(
        position="disagree"
    )
    path = tmp_path / "review.pdf"
    export_review(review, assessment, path, identity=new_identity("Ana Ruiz", "Local 9"))
    assert run(capsys, "review", "import", str(path))[0] == 0
    code, out, _ = run(capsys, "review", "history", assessment.id)
    assert code == 0
    assert "Ana Ruiz, Local 9 — Finding: Calls are recorded without notice to workers: " in out


def test_history_reads_in_spanish_with_the_reviewers_own_words_kept(data_home, capsys):
    with Library.open() as library:
        assessment_id = library.import_assessment(two_findings()).id
    code, out, _ = run(capsys, "review", "history", assessment_id, "--language", "es")
    assert code == 0 and out.startswith("Todavía no hay ningún cambio")
    run(capsys, "review", "start", assessment_id, "--reviewers", "Comité")
    run(
        capsys, "review", "finding", assessment_id, "covert-recording",
        "--position", "partly", "--comment", "Never told",
    )  # fmt: skip
    code, out, err = run(capsys, "review", "history", assessment_id, "--language", "es")
    assert code == 0, err
    assert "Hallazgo: Calls are recorded without notice to workers" in out
    assert "posición: (vacío) → de acuerdo en parte" in out
    assert "comentario: (vacío) → Never told" in out
    assert "position" not in out and "(empty)" not in out
    with pytest.raises(SystemExit):
        main(["review", "--help", "--language", "es"])
    assert "cada cambio hecho en la revisión de ID" in capsys.readouterr().out
