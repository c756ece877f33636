"""The review and the response as validated records (pydantic), and reading them from JSON.

Every text has a length limit, every choice a fixed vocabulary and every date is a real
date, so a record that passes validation can be stored, printed and exported as it is.
Keys of findings are ``questionnaire_id/finding_id``; keys of the employer's items are
``finding:<questionnaire_id/finding_id>`` or ``concern:<concern id>``.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    ValidationError,
    model_serializer,
    model_validator,
)

from workerimpact.errors import InputError, Problem
from workerimpact.jsonfile import canonical_json, parse_json_bytes, pretty_json

REVIEW_FORMAT = "workerimpact-review/1"
RESPONSE_FORMAT = "workerimpact-response/1"
MAX_RECORD_BYTES = 20_000_000

POSITIONS: tuple[str, ...] = ("agree", "partly", "disagree")
SECTION_VERDICTS: tuple[str, ...] = ("acceptable", "to_be_improved")
SEVERITIES: tuple[str, ...] = ("low", "moderate", "high", "severe")
OPINIONS: tuple[str, ...] = ("favourable", "unfavourable", "with_conditions")
REQUEST_STATUSES: tuple[str, ...] = ("requested", "supplied", "partly_supplied", "refused")
MEASURE_STATUSES: tuple[str, ...] = ("planned", "in_progress", "done", "dropped")
DECISIONS: tuple[str, ...] = ("go_ahead", "go_ahead_with_conditions", "do_not_go_ahead")
FINDING_PREFIX = "finding:"
CONCERN_PREFIX = "concern:"

LABELS: dict[str, str] = {
    "agree": "agree",
    "partly": "partly agree",
    "disagree": "disagree",
    "acceptable": "acceptable",
    "to_be_improved": "to be improved",
    "favourable": "favourable",
    "unfavourable": "unfavourable",
    "with_conditions": "favourable with conditions",
    "requested": "requested",
    "supplied": "supplied",
    "partly_supplied": "partly supplied",
    "refused": "refused",
    "planned": "planned",
    "in_progress": "in progress",
    "done": "done",
    "dropped": "dropped",
    "go_ahead": "go ahead",
    "go_ahead_with_conditions": "go ahead with conditions",
    "do_not_go_ahead": "do not go ahead",
}
"""How each choice reads for people (in the window, the CSV and the PDF)."""

Text = Annotated[str, Field(max_length=20_000)]
Short = Annotated[str, Field(max_length=500)]
Key = Annotated[str, Field(min_length=1, max_length=200, pattern=r"^[A-Za-z0-9_.:/\-]+$")]
Position = Literal["agree", "partly", "disagree"]
Verdict = Literal["acceptable", "to_be_improved"]
Severity = Literal["low", "moderate", "high", "severe"]
OpinionValue = Literal["favourable", "unfavourable", "with_conditions"]
RequestStatus = Literal["requested", "supplied", "partly_supplied", "refused"]
MeasureStatus = Literal["planned", "in_progress", "done", "dropped"]
Decision = Literal["go_ahead", "go_ahead_with_conditions", "do_not_go_ahead"]
Fingerprint = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]


def label(value: str | None) -> str:
    """The plain-language label of a choice ("partly" → "partly agree"); "" for None."""
    return "" if value is None else LABELS.get(value, value.replace("_", " "))


def _new_id() -> str:
    return uuid.uuid4().hex[:12]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class FindingPosition(_Model):
    """The representatives' position on one finding of the statement."""

    position: Position | None = None
    comment: Text = ""
    proposed_measure: Text = ""


class SectionPosition(_Model):
    """The representatives' verdict on one section of the questionnaire."""

    verdict: Verdict | None = None
    comment: Text = ""


class Concern(_Model):
    """A concern the assessment missed, added by the representatives."""

    id: Key = Field(default_factory=_new_id)
    title: Short
    description: Text = ""
    severity: Severity = "moderate"
    questions: list[Key] = Field(
        default=[], description="questionnaire_id/question_id of the related questions"
    )


class Opinion(_Model):
    """The representatives' overall opinion and when it was asked for and given."""

    verdict: OpinionValue | None = None
    conditions: Text = ""
    asked_on: dt.date | None = Field(default=None, strict=False)
    given_on: dt.date | None = Field(default=None, strict=False)

    @model_validator(mode="after")
    def _dates_in_order(self) -> Opinion:
        if self.asked_on and self.given_on and self.given_on < self.asked_on:
            raise ValueError("the opinion cannot be given before it was asked for")
        return self


class InformationRequest(_Model):
    """Information the representatives asked the employer for, and where it stands."""

    id: Key = Field(default_factory=_new_id)
    request: Text
    status: RequestStatus = "requested"
    asked_on: dt.date | None = Field(default=None, strict=False)
    answered_on: dt.date | None = Field(default=None, strict=False)
    note: Text = ""


class Meeting(_Model):
    """A consultation meeting: when, who attended, what was discussed."""

    id: Key = Field(default_factory=_new_id)
    held_on: dt.date = Field(strict=False)
    attendees: Text = ""
    discussed: Text = ""


class Review(_Model):
    """The workers' representatives' review of one statement (one assessment revision)."""

    format: Literal["workerimpact-review/1"] = REVIEW_FORMAT
    id: Key = Field(default_factory=lambda: uuid.uuid4().hex)
    assessment_id: Key
    fingerprint: Fingerprint
    revision: Annotated[int, Field(ge=1)] = 1
    organization: Short = ""
    system: Short = ""
    reviewers: Short = Field(default="", description="Who reviewed, e.g. the works council")
    created: dt.datetime = Field(default_factory=_now, strict=False)
    updated: dt.datetime = Field(default_factory=_now, strict=False)
    findings: dict[Key, FindingPosition] = {}
    sections: dict[Key, SectionPosition] = {}
    concerns: list[Concern] = []
    opinion: Opinion = Field(default_factory=Opinion)
    information: list[InformationRequest] = []
    meetings: list[Meeting] = []

    def concern(self, concern_id: str) -> Concern | None:
        """The added concern with that id, if any."""
        return next((item for item in self.concerns if item.id == concern_id), None)


class Measure(_Model):
    """One measure of the action plan: what, who, by when, where it stands."""

    id: Key = Field(default_factory=_new_id)
    description: Text
    owner: Short = ""
    due: dt.date | None = Field(default=None, strict=False)
    status: MeasureStatus = "planned"
    dropped_reason: Text = ""
    expected_level: Severity | None = None

    @model_validator(mode="after")
    def _dropped_has_reason(self) -> Measure:
        if self.status == "dropped" and not self.dropped_reason.strip():
            raise ValueError("a dropped measure needs the reason it was dropped")
        return self

    def overdue(self, today: dt.date) -> bool:
        """True when the due date has passed and the measure is neither done nor dropped."""
        return (
            self.due is not None and self.due < today and self.status in ("planned", "in_progress")
        )


class ItemResponse(_Model):
    """The employer's answer to one finding or added concern, with its measures."""

    response: Text = ""
    measures: list[Measure] = []
    answered_in: Annotated[int, Field(ge=1)] | None = None
    """The revision whose response gave ``response``, when it was carried over to a later
    revision and not written anew (None: written for this revision)."""

    @model_serializer(mode="wrap")
    def _without_unset_revision(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        # left out when None, so records written before the field keep their exact bytes
        data = handler(self)
        if data.get("answered_in") is None:
            data.pop("answered_in", None)
        return data


class Response(_Model):
    """The employer's response to a review: answers, action plan, decision, next review."""

    format: Literal["workerimpact-response/1"] = RESPONSE_FORMAT
    id: Key = Field(default_factory=lambda: uuid.uuid4().hex)
    assessment_id: Key
    review_id: Key | None = None
    responder: Short = ""
    created: dt.datetime = Field(default_factory=_now, strict=False)
    updated: dt.datetime = Field(default_factory=_now, strict=False)
    items: dict[Key, ItemResponse] = {}
    decision: Decision | None = None
    decision_note: Text = ""
    next_review: dt.date | None = Field(default=None, strict=False)
    meetings: list[Meeting] = []

    def measures(self) -> list[tuple[str, Measure]]:
        """Every measure of the plan with the key of the item it answers, in order."""
        return [(key, measure) for key, item in self.items.items() for measure in item.measures]

    def overdue(self, today: dt.date) -> list[tuple[str, Measure]]:
        """The measures past their due date and not done or dropped."""
        return [(key, measure) for key, measure in self.measures() if measure.overdue(today)]

    def review_due(self, today: dt.date) -> bool:
        """True when the next review date has come."""
        return self.next_review is not None and self.next_review <= today


def new_review(assessment: Any, fingerprint: str, *, reviewers: str = "") -> Review:
    """An empty review of ``assessment`` (an ``Assessment``) whose statement has ``fingerprint``."""
    meta = assessment.metadata
    return Review(
        assessment_id=assessment.id,
        fingerprint=fingerprint,
        revision=meta.revision,
        organization=meta.organization[:500],
        system=meta.system[:500],
        reviewers=reviewers,
    )


def new_response(review: Review | None, assessment_id: str, *, responder: str = "") -> Response:
    """An empty response of the employer to ``review`` (or to no review yet)."""
    return Response(
        assessment_id=assessment_id,
        review_id=review.id if review else None,
        responder=responder,
    )


def record_bytes(record: Review | Response) -> bytes:
    """The canonical JSON of a review or response (what is stored and attached)."""
    return canonical_json(record.model_dump(mode="json"))


def record_text(record: Review | Response) -> str:
    """The record as readable JSON text."""
    return pretty_json(record.model_dump(mode="json"))


def _from_bytes(raw: bytes, display: str, model: type[_Model], kind: str) -> Any:
    document = parse_json_bytes(raw, display=display, max_bytes=MAX_RECORD_BYTES, kind=kind)
    data = document.data
    expected = model.model_fields["format"].default
    if not isinstance(data, dict) or data.get("format") != expected:
        raise InputError.single(display, f"this is not a WorkerImpact {kind} ({expected})")
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise InputError(
            Problem(
                display,
                "/".join(str(part) for part in item["loc"]),
                item["msg"].removeprefix("Value error, "),
            )
            for item in error.errors()
        ) from None


def review_from_bytes(raw: bytes, display: str) -> Review:
    """Parse and validate a review's JSON, or raise ``InputError`` with every problem."""
    return _from_bytes(raw, display, Review, "review")


def response_from_bytes(raw: bytes, display: str) -> Response:
    """Parse and validate a response's JSON, or raise ``InputError`` with every problem."""
    return _from_bytes(raw, display, Response, "response")


def build(model: type[Any], where: str = "", **fields: Any) -> Any:
    """Make a record from entered values, or raise ``InputError`` saying what is wrong."""
    try:
        return model.model_validate(fields, strict=False)
    except ValidationError as error:
        raise InputError(
            Problem(
                "",
                where or "/".join(str(part) for part in item["loc"]),
                item["msg"].removeprefix("Value error, "),
            )
            for item in error.errors()
        ) from None


def finding_key(result: Any, text: str) -> str:
    """The ``questionnaire/finding`` key of a finding named by its id or full key.

    Raises ``InputError`` naming the findings of the statement when none (or several) match.
    """
    keys = [f"{finding.questionnaire_id}/{finding.id}" for finding in result.findings]
    matches = [key for key in keys if key == text or key.split("/", 1)[1] == text]
    if len(matches) == 1:
        return matches[0]
    known = ", ".join(keys) or "none"
    problem = "names several findings" if matches else "is not a finding of this statement"
    raise InputError.single("", f'"{text[:80]}" {problem}; its findings are: {known}')
