"""Shared set-up for the consultation tests: an assessment with two findings in a library."""

from __future__ import annotations

from helpers import EXAMPLE, assessment_with

from workerimpact.assessment import Assessment
from workerimpact.loader import load_questionnaire

FIRST = "call-centre-monitoring/covert-recording"
SECOND = "call-centre-monitoring/scores-discipline-without-review"


def two_findings() -> Assessment:
    """An assessment whose statement has two findings (severe and high)."""
    assessment = assessment_with(
        load_questionnaire(EXAMPLE),
        records_calls="yes",
        written_notice="no",
        used_for=["discipline"],
        human_review="1",
    )
    assessment.metadata.system = "Pick-Tracker"
    return assessment
