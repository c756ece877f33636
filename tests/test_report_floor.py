"""The statement of an assessment scored by model findings-floor/2: the stage, provisional
levels, each finding's reason for its severity, levels raised by findings in words."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from helpers import REPOSITORY, questionnaire_from
from pypdf import PdfReader

from workerimpact.assessment import Answer, new_assessment
from workerimpact.loader import load_questionnaire
from workerimpact.report import export_report, verify_report

FLOOR_EXAMPLE = REPOSITORY / "docs" / "examples" / "job-changes-floor.json"


def _text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def test_statement_names_the_stage_says_provisional_and_why(tmp_path: Path) -> None:
    questionnaire = load_questionnaire(FLOOR_EXAMPLE)
    assessment = new_assessment(
        [questionnaire],
        organization="Acme",
        system="Shift planner",
        stage="in_operation",
        stage_started=dt.date(2025, 3, 1),
    )
    # A few jobs (2 of 4 points: High in this file's bands) and 60 jobs lost: a finding.
    assessment.answers = {
        questionnaire.id: {"job_loss": Answer(value="some"), "jobs_lost": Answer(value=60)}
    }
    path = tmp_path / "floor.pdf"
    export_report(assessment, path)
    text = _text(path)
    assert "Stage of the system In operation, since 2025-03-01" in text
    assert "Overall level: HIGH (provisional)" in text
    assert "1 of 2 questions the levels rest on are answered" in text
    assert "Why HIGH Fifty or more jobs at one site" in text
    assert "Scoring model: findings-floor/2" in text
    assert "Every finding is a floor" in text
    assert verify_report(path).ok


def test_a_finding_raising_a_level_is_said_in_words(tmp_path: Path) -> None:
    data = json.loads(FLOOR_EXAMPLE.read_text(encoding="utf-8"))
    data["scoring"]["bands"] = {"moderate": 60, "high": 80, "severe": 95}
    questionnaire = questionnaire_from(data)
    assessment = new_assessment([questionnaire], stage="in_operation")
    # A few jobs: 2 of 4 points = 50, Low in these bands; 60 jobs lost fires a HIGH finding.
    assessment.answers = {
        questionnaire.id: {
            "job_loss": Answer(value="some"),
            "jobs_lost": Answer(value=60),
            "bargaining": Answer(value="no"),
        }
    }
    path = tmp_path / "raised.pdf"
    export_report(assessment, path)
    text = _text(path)
    assert "Overall level: HIGH." in text
    assert "raised to HIGH by finding F1" in text
    assert "score 50.0 is in the Low band (under 60)" in text


def test_dont_know_is_a_finding_and_planned_questions_are_not_asked(tmp_path: Path) -> None:
    questionnaire = load_questionnaire(FLOOR_EXAMPLE)
    assessment = new_assessment([questionnaire], stage="planned")
    assessment.answers = {
        questionnaire.id: {
            "job_loss": Answer(value="dont_know"),
            "jobs_lost": Answer(value=60),
        }
    }
    path = tmp_path / "planned.pdf"
    export_report(assessment, path)
    text = _text(path)
    assert "Stage of the system Planned (not yet in use)" in text
    assert "Find out: Is the system expected to lead to job losses?" in text
    assert "Ask management for the staffing plan" in text
    assert "(provisional)" not in text  # the bargaining question is not asked when planned
