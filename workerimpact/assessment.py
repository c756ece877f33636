"""Assessments: who assessed which AI system, against which questionnaires, with which answers.

The portable assessment file embeds the full questionnaires it was answered against, so it
stands alone on another machine. Its canonical form (``canonical_bytes``) is what the
fingerprint printed in reports is computed over; see ``docs/assessment-format.md``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import uuid
from collections.abc import Iterable, Sequence
from pathlib import Path
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
from workerimpact.files import atomic_write
from workerimpact.i18n import t
from workerimpact.jsonfile import (
    JsonDocument,
    canonical_json,
    collection_paused,
    nesting_problem,
    parse_json_bytes,
    pretty_json,
    read_json_file,
)
from workerimpact.loader import questionnaire_from_document
from workerimpact.questionnaire import (
    CHOICE_TYPES,
    QUESTIONNAIRE_FORMAT,
    Question,
    Questionnaire,
    Stage,
)
from workerimpact.rules import IdString
from workerimpact.safetext import quote
from workerimpact.validation import describe_value, problems_from_validation_error, suggest

ASSESSMENT_FORMAT = "workerimpact-assessment/1"
"""The format marker every assessment file carries."""

MAX_ASSESSMENT_BYTES = 50_000_000
"""Largest assessment file accepted (50 MB)."""
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


def _answer_problems(assessment: Assessment, document: JsonDocument) -> list[Problem]:
    problems: list[Problem] = []
    known = {questionnaire.id: questionnaire for questionnaire in assessment.questionnaires}
    for questionnaire_id, answers in assessment.answers.items():
        questionnaire = known.get(questionnaire_id)
        if questionnaire is None:
            problems.append(
                Problem(
                    document.path,
                    document.where(("answers", questionnaire_id)),
                    t(
                        "answers are given for questionnaire {questionnaire_id}, "
                        "which the assessment does not include",
                        questionnaire_id=quote(questionnaire_id),
                    )
                    + suggest(questionnaire_id, known),
                )
            )
            continue
        for question_id, answer in answers.items():
            where = document.where(("answers", questionnaire_id, question_id))
            question = questionnaire.question(question_id)
            if question is None:
                ids = [item.id for item in questionnaire.questions()]
                problems.append(
                    Problem(
                        document.path,
                        where,
                        t(
                            'questionnaire "{questionnaire_id}" has no question {question_id}',
                            questionnaire_id=questionnaire_id,
                            question_id=quote(question_id),
                        )
                        + suggest(question_id, ids),
                    )
                )
                continue
            problem = answer_problem(question, answer.value)
            if problem:
                problems.append(
                    Problem(
                        document.path,
                        document.where(("answers", questionnaire_id, question_id, "value")),
                        f'{problem} (question "{question_id}")',
                    )
                )
    return problems


# --- reading and writing -------------------------------------------------------------------


def load_assessment(path: str | Path) -> Assessment:
    """Read and validate an assessment file, or raise ``InputError`` with every problem."""
    with collection_paused(keep=True):
        document = read_json_file(path, max_bytes=MAX_ASSESSMENT_BYTES, kind="assessment")
        return assessment_from_document(document)


def assessment_from_bytes(raw: bytes, display: str) -> Assessment:
    """Parse and validate assessment JSON held in memory (e.g. a PDF attachment)."""
    with collection_paused(keep=True):
        document = parse_json_bytes(
            raw, display=display, max_bytes=MAX_ASSESSMENT_BYTES, kind="assessment"
        )
        return assessment_from_document(document)


def assessment_from_document(document: JsonDocument) -> Assessment:
    """Validate parsed assessment JSON, embedded questionnaires included."""
    with collection_paused():
        try:
            return _validate(document)
        except InputError:
            too_deep = nesting_problem(document)
            if too_deep is not None:
                raise InputError([too_deep]) from None
            raise


def _validate(document: JsonDocument) -> Assessment:
    raw = document.data
    if not isinstance(raw, dict):
        raise InputError.single(document.path, t("an assessment file holds a JSON object"))
    marker = raw.get("format")
    if marker != ASSESSMENT_FORMAT:
        if isinstance(marker, str) and marker.startswith("workerimpact-assessment/"):
            message = t(
                'this assessment uses the newer format "{marker}"; update WorkerImpact',
                marker=marker,
            )
        elif marker == QUESTIONNAIRE_FORMAT or "sections" in raw:
            message = t(
                "this looks like a questionnaire, not an assessment; install "
                "it (`workerimpact install`) and start an assessment from it "
                "(`workerimpact new`)"
            )
        elif marker is None:
            message = t('not an assessment file: it has no "format" marker')
        else:
            message = t(
                "not an assessment file (its format is {marker}); assessment "
                'files say "format": "{assessment_format}"',
                marker=quote(marker),
                assessment_format=ASSESSMENT_FORMAT,
            )
        where = document.where(("format",)) if "format" in raw else ""
        raise InputError.single(document.path, message, where=where)
    problems: list[Problem] = []
    questionnaires: list[Questionnaire] = []
    raw_questionnaires = raw.get("questionnaires")
    if not isinstance(raw_questionnaires, list) or not raw_questionnaires:
        problems.append(
            Problem(
                document.path,
                document.where(("questionnaires",)),
                t("an assessment must embed the questionnaires it uses (a non-empty list)"),
            )
        )
        raw_questionnaires = []
    for index, item in enumerate(raw_questionnaires):
        try:
            questionnaires.append(
                questionnaire_from_document(document, item, ("questionnaires", index))
            )
        except InputError as error:
            problems += error.problems
    ids = [questionnaire.id for questionnaire in questionnaires]
    for index, questionnaire_id in enumerate(ids):
        if questionnaire_id in ids[:index]:
            problems.append(
                Problem(
                    document.path,
                    document.where(("questionnaires", index)),
                    t(
                        'questionnaire "{questionnaire_id}" is embedded twice',
                        questionnaire_id=questionnaire_id,
                    ),
                )
            )
    envelope = {key: value for key, value in raw.items() if key != "questionnaires"}
    try:
        assessment = Assessment.model_validate(envelope)
    except ValidationError as error:
        problems += problems_from_validation_error(error, envelope, document)
        raise InputError(problems) from None
    if problems:
        raise InputError(problems)
    assessment.questionnaires = questionnaires
    problems = _answer_problems(assessment, document)
    if problems:
        raise InputError(problems)
    return assessment


def to_json_data(assessment: Assessment) -> dict[str, Any]:
    """The assessment as JSON data in its portable form."""
    data = assessment.model_dump(
        mode="json", by_alias=True, exclude={"schema_reference", "questionnaires"}
    )
    data["questionnaires"] = [item.to_json_data() for item in assessment.questionnaires]
    # Written only when set, so an assessment made before stages existed keeps its bytes
    # (and its fingerprint).
    for name in OPTIONAL_METADATA:
        if data["metadata"].get(name) is None:
            data["metadata"].pop(name, None)
    return data


def canonical_bytes(assessment: Assessment) -> bytes:
    """The canonical serialization: sorted keys, UTF-8, no whitespace, no duplicate keys."""
    return canonical_json(to_json_data(assessment))


def fingerprint(assessment: Assessment) -> str:
    """SHA-256 of the canonical serialization, as 64 lowercase hex digits."""
    return hashlib.sha256(canonical_bytes(assessment)).hexdigest()


def questionnaire_hash(questionnaire: Questionnaire) -> str:
    """SHA-256 of a questionnaire's canonical serialization (its content hash).

    Translations are part of the file, so they are part of the hash; a one-language view
    (``questionnaire.localized``) has the hash of the questionnaire as written.
    """
    data = questionnaire.as_written.to_json_data()
    return hashlib.sha256(canonical_json(data)).hexdigest()


def save_assessment(assessment: Assessment, path: str | Path) -> None:
    """Write the portable assessment file atomically."""
    atomic_write(path, pretty_json(to_json_data(assessment)).encode("utf-8"))


def ordered_answers(
    assessment: Assessment,
) -> Iterable[tuple[Questionnaire, Question, Answer | None]]:
    """Yield every question of every questionnaire in order with its answer, if any."""
    for questionnaire in assessment.questionnaires:
        answers = assessment.answers.get(questionnaire.id, {})
        for question in questionnaire.questions():
            yield questionnaire, question, answers.get(question.id)
