"""The consultation: the workers' representatives' review and the employer's response.

A ``Review`` is the representatives' record about one statement (tied to it by the
assessment's fingerprint and revision): a position per finding and per section, concerns
the assessment missed, information asked for, and an overall opinion with its dates. A
``Response`` is the employer's answer to it: a response and measures (owner, due date,
status, expected level) per finding and per added concern, a decision and the next review
date. Both are validated pydantic models stored in the library (``workerimpact.storage``)
and saved on every entry. ``docs/consultation.md`` explains the exchange for people.
"""

from workerimpact.consultation.models import (
    CONCERN_PREFIX,
    DECISIONS,
    FINDING_PREFIX,
    MEASURE_STATUSES,
    OPINIONS,
    POSITIONS,
    REQUEST_STATUSES,
    SECTION_VERDICTS,
    Concern,
    FindingPosition,
    InformationRequest,
    ItemResponse,
    Measure,
    Meeting,
    Opinion,
    Response,
    Review,
    SectionPosition,
    new_response,
    new_review,
    response_from_bytes,
    review_from_bytes,
)

__all__ = [
    "CONCERN_PREFIX",
    "DECISIONS",
    "FINDING_PREFIX",
    "MEASURE_STATUSES",
    "OPINIONS",
    "POSITIONS",
    "REQUEST_STATUSES",
    "SECTION_VERDICTS",
    "Concern",
    "FindingPosition",
    "InformationRequest",
    "Meeting",
    "ItemResponse",
    "Measure",
    "Opinion",
    "Response",
    "Review",
    "SectionPosition",
    "new_response",
    "new_review",
    "response_from_bytes",
    "review_from_bytes",
]
