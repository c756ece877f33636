"""Points answered in a response that this revision's statement and review no longer name.

A new revision starts its response with the open measures of the revision before
(``carry_over_measures``), under the same keys: ``concern:<id>`` for a concern the
representatives added to an earlier review, ``finding:<key>`` for a finding that the new
revision may no longer have. This module finds what those keys were, in words, by walking
the earlier revisions in the library, so that the response form, the joint statement and
the action plan name them ("Headsets hurt after long shifts") and never show an id.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field

from workerimpact.consultation.models import (
    CONCERN_PREFIX,
    FINDING_PREFIX,
    ItemResponse,
    Key,
    Response,
    Review,
    Severity,
    Text,
    _Model,
)
from workerimpact.i18n import current_language, t
from workerimpact.report.language import in_language
from workerimpact.scoring import score_assessment

MAX_REVISIONS = 1000


class EarlierItem(_Model):
    """A finding or added concern of an earlier revision that the response still answers."""

    key: Key
    kind: Literal["finding", "concern", "unknown"]
    title: Text
    severity: Severity | None = None
    description: Text = ""
    revision: Annotated[int, Field(ge=1)] | None = None

    def heading(self) -> str:
        """How the point is introduced, in the current language (no level, no id)."""
        if self.kind == "concern":
            return t(
                "Added by the representatives in revision {revision}: {title}",
                revision=self.revision,
                title=self.title,
            )
        if self.kind == "finding":
            return t(
                "Found in revision {revision}, not in this one: {title}",
                revision=self.revision,
                title=self.title,
            )
        return self.title


def answer_words(item: ItemResponse | None) -> str:
    """The employer's written answer as it reads in a plan or statement: an answer carried
    over from an earlier revision says which one ("" when there is none)."""
    if item is None or not item.response.strip():
        return ""
    if item.answered_in is None:
        return item.response
    return t(
        "(answer given in revision {revision}) {answer}",
        revision=item.answered_in,
        answer=item.response,
    )


def current_keys(result: Any, review: Review | None) -> set[str]:
    """The item keys this revision names itself: its findings and its review's concerns."""
    keys = {f"{FINDING_PREFIX}{f.questionnaire_id}/{f.id}" for f in result.findings}
    keys |= {f"{CONCERN_PREFIX}{c.id}" for c in (review.concerns if review else [])}
    return keys


def open_keys(response: Response | None, named: set[str]) -> list[str]:
    """Keys the response answers (a response or a measure) that are not in ``named``."""
    if response is None:
        return []
    return [
        key
        for key, item in response.items.items()
        if key not in named and (item.measures or item.response.strip())
    ]


def earlier_items(
    library: Any, assessment: Any, review: Review | None, response: Response | None
) -> list[EarlierItem]:
    """The points ``response`` answers that neither ``assessment`` nor ``review`` name,
    found in the earlier revisions of the library (newest first), in the response's order.

    A point not found anywhere is still listed, in words, so that its measures are shown.
    """
    wanted = open_keys(response, current_keys(score_assessment(assessment), review))
    if not wanted:
        return []
    found: dict[str, EarlierItem] = {}
    earlier_id = assessment.metadata.previous_revision
    for _ in range(MAX_REVISIONS):
        if not earlier_id or all(key in found for key in wanted):
            break
        try:
            earlier = library.get(earlier_id)
            reviews = library.reviews(earlier_id)
        except Exception:  # noqa: BLE001 - a deleted or damaged revision ends the walk
            break
        _collect(found, earlier, reviews)
        earlier_id = earlier.metadata.previous_revision
    return [found.get(key) or _unknown(key) for key in wanted]


def _collect(found: dict[str, EarlierItem], earlier: Any, reviews: list[Review]) -> None:
    revision = earlier.metadata.revision
    earlier, result = in_language(earlier, score_assessment(earlier), current_language())
    for review in reviews:
        for concern in review.concerns:
            found.setdefault(
                CONCERN_PREFIX + concern.id,
                EarlierItem(
                    key=CONCERN_PREFIX + concern.id,
                    kind="concern",
                    title=concern.title,
                    severity=concern.severity,
                    description=concern.description,
                    revision=revision,
                ),
            )
    for finding in result.findings:
        key = f"{FINDING_PREFIX}{finding.questionnaire_id}/{finding.id}"
        found.setdefault(
            key,
            EarlierItem(
                key=key,
                kind="finding",
                title=finding.title,
                severity=finding.severity,
                description=finding.explanation,
                revision=revision,
            ),
        )


def _unknown(key: str) -> EarlierItem:
    if key.startswith(CONCERN_PREFIX):
        title = t("A concern the representatives added in an earlier review (not in this library)")
    else:
        title = t("A finding of an earlier revision (not in this library)")
    return EarlierItem(key=key, kind="unknown", title=title)
