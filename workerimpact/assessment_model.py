"""The assessment as data: who assessed which AI system, against which questionnaires,
with which answers, and which values an answer may take.

``Metadata``, ``Answer`` and ``Assessment`` are the validated models; ``new_assessment``
starts one, ``answer_problem`` says whether a value fits a question, ``ordered_answers``
walks the answers in questionnaire order. Reading, writing and fingerprinting the
portable file live in ``workerimpact.assessment``, which re-exports every name here.
"""

from __future__ import annotations

import datetime as dt
import math
import uuid
from collections.abc import Iterable, Sequence
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictFloat,
    StrictInt,
    StrictStr,
    ValidationError,
)

from workerimpact.errors import InputError, Problem
from workerimpact.i18n import t
from workerimpact.questionnaire import CHOICE_TYPES, Question, Questionnaire, Stage
from workerimpact.rules import IdString
from workerimpact.safetext import quote
from workerimpact.validation import describe_value, suggest

ASSESSMENT_FORMAT = "workerimpact-assessment/1"
"""The format marker every assessment file carries."""

MAX_ANSWER_TEXT = 2_000_000
"""Longest text answer, comment or evidence note (2 million characters)."""

OPTIONAL_METADATA = ("stage", "stage_started")
"""Metadata fields written to the file only when set."""
STAGE_LABELS: dict[str, str] = {
    "planned": "Planned (not yet in use)",
    "pilot": "Pilot",
    "in_operation": "In operation",
}
"""How each stage is named to people."""

AssessorRole = Literal["employer", "union", "joint", "consultant"]
Status = Literal["draft", "in_review", "final"]
AnswerValue = StrictStr | list[StrictStr] | StrictInt | StrictFloat | None
ASSESSOR_ROLES: tuple[str, ...] = ("employer", "union", "joint", "consultant")
STATUSES: tuple[str, ...] = ("draft", "in_review", "final")

LongText = Annotated[str, Field(max_length=MAX_ANSWER_TEXT)]
MetaText = Annotated[str, Field(max_length=2_000)]


def now() -> dt.datetime:
    """The current time in UTC, to the second, as assessments record it."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, populate_by_name=True)


class Metadata(_Model):
    """Who assessed what, when, and where the assessment stands."""

    organization: MetaText = ""
    site: MetaText = ""
    system: MetaText = Field(default="", description="The AI system assessed.")
    vendor: MetaText = ""
    purpose: Annotated[str, Field(max_length=20_000)] = ""
    assessor: MetaText = ""
    role: AssessorRole = Field(default="employer", description="The assessor's side.")
    status: Status = "draft"
    created: dt.datetime = Field(default_factory=now, strict=False)
    updated: dt.datetime = Field(default_factory=now, strict=False)
    revision: Annotated[int, Field(ge=1)] = 1
    previous_revision: IdString | None = Field(
        default=None, description="Id of the assessment this one revises."
    )
    stage: Stage | None = Field(
        default=None,
        description="The assessed system's stage: planned, pilot or in_operation (none: not "
        "said, every question shown).",
    )
    stage_started: dt.date | None = Field(
        default=None,
        strict=False,
        description="The date (YYYY-MM-DD) the pilot or operation started.",
    )


class Answer(_Model):
    """One answer: its value, and the assessor's comment and evidence note."""

    value: AnswerValue = Field(
        default=None,
        description="An option id, a list of option ids, a number, text or a YYYY-MM-DD date.",
    )
    comment: LongText = ""
    evidence: LongText = ""

    @property
    def is_empty(self) -> bool:
        """True when there is no value, comment or evidence."""
        return is_unanswered(self.value) and not self.comment and not self.evidence


class Assessment(_Model):
    """An assessment: metadata, the questionnaires it uses, and the answers given."""

    schema_reference: str | None = Field(default=None, alias="$schema")
    format: Literal["workerimpact-assessment/1"] = ASSESSMENT_FORMAT
    id: IdString = Field(default_factory=lambda: uuid.uuid4().hex)
    metadata: Metadata = Field(default_factory=Metadata)
    questionnaires: list[Questionnaire] = Field(
        default=[], description="The full questionnaires answered, embedded."
    )
    answers: dict[IdString, dict[IdString, Answer]] = Field(
        default={}, description="answers[questionnaire_id][question_id]"
    )

    def questionnaire(self, questionnaire_id: str) -> Questionnaire | None:
        """Return the embedded questionnaire with that id, if any."""
        for questionnaire in self.questionnaires:
            if questionnaire.id == questionnaire_id:
                return questionnaire
        return None

    def answer(self, questionnaire_id: str, question_id: str) -> Answer | None:
        """Return the answer given to a question, if any."""
        return self.answers.get(questionnaire_id, {}).get(question_id)


def is_unanswered(value: Any) -> bool:
    """True for the values that mean 'no answer': None, empty text, an empty list."""
    return value is None or value == "" or value == []


def new_assessment(questionnaires: Sequence[Questionnaire], **metadata: Any) -> Assessment:
    """Start an assessment over the given questionnaires; ``metadata`` fills ``Metadata``."""
    if not questionnaires:
        raise InputError.single("", t("an assessment needs at least one questionnaire"))
    ids = [questionnaire.id for questionnaire in questionnaires]
    duplicates = sorted({item for item in ids if ids.count(item) > 1})
    if duplicates:
        raise InputError.single("", t("questionnaire {value} is listed twice", value=duplicates[0]))
    try:
        meta = Metadata.model_validate(metadata)
    except ValidationError as error:
        raise InputError(
            Problem("", ".".join(map(str, item["loc"])), item["msg"])
            for item in error.errors(include_url=False)
        ) from None
    return Assessment(metadata=meta, questionnaires=list(questionnaires))


# --- answers -------------------------------------------------------------------------------


def answer_problem(question: Question, value: Any) -> str | None:
    """Say what is wrong with ``value`` as an answer to ``question``, or None if it fits."""
    if is_unanswered(value):
        return None
    kind = question.type
    if kind in CHOICE_TYPES and kind != "multiple_choice":
        if not isinstance(value, str):
            return t("expected one option id, got {value}", value=describe_value(value))
        if question.option(value) is None:
            known = [option.id for option in question.options]
            return t("{value} is not an option of this question", value=quote(value)) + (
                suggest(value, known) or f"; options: {', '.join(known)}"
            )
        return None
    if kind == "multiple_choice":
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            return t("expected a list of option ids")
        if len(set(value)) != len(value):
            return t("an option is chosen twice")
        unknown = [item for item in value if question.option(item) is None]
        if unknown:
            return t("{value} is not an option of this question", value=quote(unknown[0]))
        exclusive = [
            item
            for item in value
            if question.option(item).exclusive or question.option(item).special
        ]
        if exclusive and len(value) > 1:
            label = question.option(exclusive[0]).label
            return t('"{label}" cannot be combined with other options', label=label)
        return None
    if kind == "number":
        if (
            isinstance(value, bool)
            or not isinstance(value, (int, float))
            or not math.isfinite(value)
        ):
            return t("expected a number")
        if question.minimum is not None and value < question.minimum:
            return t("must be at least {minimum:g}", minimum=question.minimum)
        if question.maximum is not None and value > question.maximum:
            return t("must be at most {maximum:g}", maximum=question.maximum)
        return None
    if kind == "date":
        if not isinstance(value, str):
            return t("expected a date as YYYY-MM-DD")
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            return t("{value} is not a date; write YYYY-MM-DD", value=quote(value))
        if len(value) != 10:
            return t("{value} is not a date; write YYYY-MM-DD", value=quote(value))
        return None
    if not isinstance(value, str):
        return "expected text"
    if len(value) > MAX_ANSWER_TEXT:
        return t(
            "the text is longer than {max_answer_text:,} characters",
            max_answer_text=MAX_ANSWER_TEXT,
        )
    return None


def ordered_answers(
    assessment: Assessment,
) -> Iterable[tuple[Questionnaire, Question, Answer | None]]:
    """Yield every question of every questionnaire in order with its answer, if any."""
    for questionnaire in assessment.questionnaires:
        answers = assessment.answers.get(questionnaire.id, {})
        for question in questionnaire.questions():
            yield questionnaire, question, answers.get(question.id)
