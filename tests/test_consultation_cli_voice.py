"""The review from the command line: positions as the JSON or the window word them, the
reviewers named (and renamed), printed on the review file and the joint statement, which
`export --joint --language es` writes in Spanish."""

from __future__ import annotations

import pytest
import test_consultation_cli
from consultation_helpers import two_findings
from test_consultation_cli import pdf_text

from workerimpact.report import export_report

parties = test_consultation_cli.parties  # the same two data folders, one per party


@pytest.fixture
def reviewed(parties, tmp_path):
    statement = tmp_path / "statement.pdf"
    export_report(two_findings(), statement)
    code, out, _ = parties("union", "library", "import", str(statement))
    assert code == 0
    union_id = out.strip()
    assert parties("union", "review", "start", union_id)[0] == 0
    return union_id


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("agree", "agree"),
        ("partly", "partly"),
        ("partly_agree", "partly"),
        ("disagree", "disagree"),
    ],
)
def test_a_position_is_accepted_as_the_json_or_the_window_words_it(
    parties,
    reviewed,
    given,
    stored,
):
    code, out, err = parties(
        "union", "review", "finding", reviewed, "covert-recording", "--position", given
    )
    assert code == 0, err
    code, out, _ = parties("union", "review", "show", reviewed, "--json")
    assert f'"position": "{stored}"' in out


def test_an_unknown_position_is_refused_in_words(parties, reviewed):
    code, _out, err = parties(
        "union", "review", "finding", reviewed, "covert-recording", "--position", "maybe"
    )
    assert code == 2
    assert "'maybe' is not a position; write agree, partly (or partly_agree) or disagree" in err
    assert "Traceback" not in err
    code, out, _ = parties("union", "review", "finding", "--help")
    assert "partly_agree" in out


def test_the_reviewers_are_named_and_printed(parties, reviewed, tmp_path):
    code, out, _ = parties("union", "review", "start", reviewed, "--reviewers", "Local 9: Sam")
    assert code == 0 and "reviewers: Local 9: Sam" in out
    code, out, _ = parties("union", "review", "show", reviewed)
    assert "Reviewers: Local 9: Sam" in out
    review_file = tmp_path / "review.pdf"
    assert parties("union", "review", "export", reviewed, "-o", str(review_file))[0] == 0
    assert "Reviewers: Local 9: Sam" in pdf_text(review_file)
    joint = tmp_path / "conjunta.pdf"
    code, _out, err = parties(
        "union", "export", reviewed, "--joint", "-o", str(joint), "--language", "es"
    )
    assert code == 0, err
    text = " ".join(pdf_text(joint).split())
    assert "Revisado por: Local 9: Sam" in text and "Hallazgo por hallazgo" in text
    code, out, err = parties("union", "verify", str(joint))
    assert code == 0, err


@pytest.mark.parametrize(
    ("before", "after", "environment", "expected"),
    [
        (["--language", "es"], [], None, "es"),  # the language option before the command
        (["--lang=es"], [], None, "es"),
        ([], [], "es", "es"),  # WORKERIMPACT_LANGUAGE
        (["--language", "es"], ["--language", "en"], None, "en"),  # the export's own wins
        ([], ["--language", "en"], "es", "en"),
        ([], [], None, "en"),
    ],
)
def test_every_statement_follows_the_language_chosen_for_the_command_line(
    parties, reviewed, tmp_path, monkeypatch, before, after, environment, expected
):
    monkeypatch.delenv("WORKERIMPACT_LANGUAGE", raising=False)
    monkeypatch.setenv("LANG", "es_US.UTF-8")  # the locale alone never changes a statement
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    if environment:
        monkeypatch.setenv("WORKERIMPACT_LANGUAGE", environment)
    for name, command in (
        ("statement.pdf", ["export", reviewed]),
        ("joint.pdf", ["export", reviewed, "--joint"]),
        ("review.pdf", ["review", "export", reviewed]),
    ):
        output = tmp_path / f"{expected}-{len(before)}-{len(after)}-{name}"
        code, _out, err = parties("union", *before, *command, "-o", str(output), *after)
        assert code == 0, err
        assert f"/Lang ({expected})".encode() in output.read_bytes(), (name, command)
    joint = " ".join(
        pdf_text(tmp_path / f"{expected}-{len(before)}-{len(after)}-joint.pdf").split()
    )
    assert ("Hallazgo por hallazgo" in joint) == (expected == "es")
