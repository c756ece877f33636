"""A statement in another language: the assessment with its questionnaires read in it.

The fixed text comes from the message catalogue (``workerimpact.i18n``); the questionnaires'
text from their translations (``questionnaire.localized``). The assessor's own words —
answers, comments, evidence — are kept as written. Ids, scores and rules do not change with
the language, so the levels and findings are the same in every language.
"""

from __future__ import annotations

from workerimpact.assessment import Assessment
from workerimpact.i18n import SOURCE_LANGUAGE, supported
from workerimpact.questionnaire import localized
from workerimpact.scoring import AssessmentResult, score_assessment


def statement_language(tag: str | None) -> str:
    """The language a statement is drawn in: a supported one, else English."""
    return supported(tag) or SOURCE_LANGUAGE


def in_language(
    assessment: Assessment, result: AssessmentResult, language: str
) -> tuple[Assessment, AssessmentResult]:
    """The assessment with every questionnaire read in ``language`` (those that have it),
    and its result (scored again in ``language``, for the rules in words); the same objects
    when nothing changes."""
    views = [localized(questionnaire, language) for questionnaire in assessment.questionnaires]
    same = all(view is q for view, q in zip(views, assessment.questionnaires, strict=True))
    if same and language == SOURCE_LANGUAGE:
        return assessment, result
    if same:
        return assessment, score_assessment(assessment)
    view = assessment.model_copy(update={"questionnaires": views})
    return view, score_assessment(view)
