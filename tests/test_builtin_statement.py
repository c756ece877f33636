"""The statement for an assessment on the built-ins 2.0.0 says what moved in its sources.

A union steward or an employer's counsel reading the Method page learns that EO 14110 was
revoked and why its principles still serve, that NLRB GC 23-02 was rescinded and Colorado
SB 24-205 postponed, and when the sources were checked; each finding says why its severity.
"""

from __future__ import annotations

from builtin_answers import BUILTIN_IDS, builtin, scenario
from pypdf import PdfReader

from workerimpact.assessment import Answer, new_assessment
from workerimpact.report import export_report


def test_statement_prints_the_status_of_the_sources(tmp_path, data_home):
    questionnaires = [builtin(qid) for qid in BUILTIN_IDS]
    assessment = new_assessment(questionnaires, system="PickRate Pro", stage="planned")
    assessment.answers = {q.id: scenario(q, worst=False) for q in questionnaires}
    assessment.answers["worker-surveillance"]["notice_given"] = Answer(value="not_told")
    path = tmp_path / "statement.pdf"
    export_report(assessment, path)
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())
    for expected in (
        "Status of the sources, checked 2026-12-01",
        "revoked on 20 Jan 2025 by EO 14148",
        "its principles still serve",
        "rescinded on 14 Feb 2025 by GC 25-05",
        "start postponed to 30 Jun 2026",
        "Workers are monitored without being told",
        "Secret monitoring removes every other safeguard",
    ):
        assert expected in text, expected
